//! The `rencana` command: a thin shell over the library.

use clap::{Parser, Subcommand};
use rencana::write::Format;
use rencana::{InputKind, Options};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "rencana", version, about = "Turn Rencana Aksi plans (PDF or text dumps) into indicator datasets (CSV, JSON, JSONL).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert plans to one CSV, JSON or JSONL output.
    ///
    /// Examples:
    ///   rencana convert fixtures/seed/rencana-aksi-2025.txt -o plan.csv
    ///   rencana convert plan.pdf --format json
    ///   rencana convert a.txt b.layout.txt -o all.jsonl
    #[command(verbatim_doc_comment)]
    Convert {
        /// Input files: PDFs or text dumps (pdftotext, pdftotext -layout, mutool).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output file; '-' or absent writes to standard output. Example: -o plan.csv
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Output format; taken from the output's extension when not given. Example: --format jsonl
        #[arg(short, long, value_parser = parse_format)]
        format: Option<Format>,
        /// Read the inputs as this kind instead of detecting it (text, layout or pdf). Example: --input-kind layout
        #[arg(long, value_parser = parse_kind)]
        input_kind: Option<InputKind>,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

fn parse_kind(s: &str) -> Result<InputKind, String> {
    s.parse()
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Convert { inputs, output, format, input_kind } => convert(inputs, output, format, input_kind),
    }
}

fn convert(inputs: Vec<PathBuf>, output: Option<PathBuf>, format: Option<Format>, input_kind: Option<InputKind>) -> ExitCode {
    let output = output.filter(|o| o.as_os_str() != "-");
    let format = match (format, output.as_deref().and_then(Format::from_path)) {
        (Some(f), _) => f,
        (None, Some(f)) => f,
        (None, None) if output.is_none() => Format::Csv,
        (None, None) => {
            eprintln!("rencana: cannot tell the format from '{}': use --format csv|json|jsonl", output.unwrap_or_default().display());
            return ExitCode::from(2);
        }
    };
    let opts = Options { input_kind };
    let mut docs = Vec::new();
    let mut failed = false;
    for input in &inputs {
        match rencana::convert_path(input, &opts) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("rencana: {e}");
                failed = true;
            }
        }
    }
    if !docs.is_empty() {
        let written = match &output {
            Some(path) => rencana::output::write_file_atomic(path, &docs, format),
            None => {
                let stdout = std::io::stdout().lock();
                rencana::output::write_docs(std::io::BufWriter::new(stdout), &docs, format).and_then(|mut w| w.flush())
            }
        };
        if let Err(e) = written {
            let target = output.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "standard output".into());
            eprintln!("rencana: {target}: cannot write: {e}");
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
