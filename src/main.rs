//! The `rencana` command: a thin shell over the library.

use clap::{Parser, Subcommand};
use rencana::batch::{self, BatchOptions, Destination, FileReport, Status};
use rencana::write::Format;
use rencana::{InputKind, OcrMode, Options};
use std::io::{IsTerminal, Write};
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
    ///   rencana convert scan.pdf --ocr always -o plan.csv
    ///   rencana convert arsip/ -o out/ --report report.json
    ///   rencana convert arsip/ -o semua.csv --jobs 2
    #[command(verbatim_doc_comment)]
    Convert {
        /// Inputs: PDFs or text dumps (pdftotext, pdftotext -layout, mutool), folders (walked for
        /// .pdf and .txt files) or glob patterns. Example: arsip/2024/*.pdf
        #[arg(required_unless_present = "from_list")]
        inputs: Vec<PathBuf>,
        /// Read more input paths from this file, one a line ('-' for standard input). Example: --from-list daftar.txt
        #[arg(long)]
        from_list: Option<PathBuf>,
        /// Output: a file gets all documents (told apart by the source column); a folder (existing, or
        /// ending in '/') gets one output per input, mirroring the input tree; '-' or absent writes to
        /// standard output. Example: -o plan.csv, -o out/
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Output format; taken from the output's extension when not given. Example: --format jsonl
        #[arg(short, long, value_parser = parse_format)]
        format: Option<Format>,
        /// Read the inputs as this kind instead of detecting it (text, layout or pdf). Example: --input-kind layout
        #[arg(long, value_parser = parse_kind)]
        input_kind: Option<InputKind>,
        /// OCR PDF pages with Tesseract: auto (pages without a text layer, i.e. scans), always (every page
        /// showing an image, ignoring its text layer) or never. Needs the Debian packages tesseract-ocr,
        /// tesseract-ocr-ind and tesseract-ocr-eng. Example: --ocr always
        #[arg(long, value_parser = parse_ocr, default_value = "auto")]
        ocr: OcrMode,
        /// Files converted at once (default: all cores). Outputs are the same whatever the number. Example: --jobs 2
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        /// Write a JSON report (per file: status, rows, warnings, seconds, error). Example: --report report.json
        #[arg(long)]
        report: Option<PathBuf>,
        /// With an output folder: leave inputs whose output already exists (resume a batch). Example: --skip-existing
        #[arg(long)]
        skip_existing: bool,
        /// No progress bar (it is only shown on a terminal anyway). Example: --quiet
        #[arg(long, short = 'q')]
        quiet: bool,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

fn parse_kind(s: &str) -> Result<InputKind, String> {
    s.parse()
}

fn parse_ocr(s: &str) -> Result<OcrMode, String> {
    s.parse()
}

fn main() -> ExitCode {
    rencana::memory::tune_allocator_for_batches();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Convert { inputs, from_list, output, format, input_kind, ocr, jobs, report, skip_existing, quiet } => {
            let args = ConvertArgs { inputs, from_list, output, format, jobs, report, skip_existing, quiet };
            convert(args, Options { input_kind, ocr })
        }
    }
}

struct ConvertArgs {
    inputs: Vec<PathBuf>,
    from_list: Option<PathBuf>,
    output: Option<PathBuf>,
    format: Option<Format>,
    jobs: Option<usize>,
    report: Option<PathBuf>,
    skip_existing: bool,
    quiet: bool,
}

fn convert(args: ConvertArgs, opts: Options) -> ExitCode {
    let mut paths = args.inputs.clone();
    if let Some(list) = &args.from_list {
        let text = if list.as_os_str() == "-" {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
        } else {
            std::fs::read_to_string(list)
        };
        match text {
            Ok(t) => paths.extend(batch::read_list(&t)),
            Err(e) => {
                eprintln!("rencana: {}: cannot read the list: {e}", list.display());
                return ExitCode::from(2);
            }
        }
    }
    let output = args.output.filter(|o| o.as_os_str() != "-");
    let folder = output.as_ref().is_some_and(|o| o.is_dir() || o.to_string_lossy().ends_with(['/', '\\']));
    let format = match (args.format, output.as_deref().and_then(Format::from_path)) {
        (Some(f), _) => f,
        (None, Some(f)) if !folder => f,
        (None, _) if output.is_none() || folder => Format::Csv,
        (None, _) => {
            eprintln!("rencana: cannot tell the format from '{}': use --format csv|json|jsonl", output.unwrap_or_default().display());
            return ExitCode::from(2);
        }
    };
    let dest = match output {
        Some(o) if folder => Destination::Folder(o),
        Some(o) => Destination::File(o),
        None => Destination::Stdout,
    };
    if let Some(j) = args.jobs {
        if j == 0 {
            eprintln!("rencana: --jobs must be at least 1");
            return ExitCode::from(2);
        }
        // The global pool can only be set once per process; this is the only place.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(j).build_global();
    }
    let inputs = batch::collect_inputs(&paths);
    let bar = progress_bar(inputs.len(), args.quiet);
    let on_file = |r: &FileReport| {
        if let Some(b) = &bar {
            b.inc(1);
            if r.status == Status::Failed {
                b.set_message(format!("{} failed", failed_so_far(b)));
            }
        }
    };
    let opts = BatchOptions { convert: opts, format, skip_existing: args.skip_existing };
    let report = match batch::run(&inputs, &dest, &opts, &on_file) {
        Ok(r) => r,
        // The reader of standard output stopped early (`| head`): what it
        // wanted it got; stop quietly, as Unix tools do on SIGPIPE.
        Err(e) if dest == Destination::Stdout && e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            let target = match &dest {
                Destination::File(p) | Destination::Folder(p) => p.display().to_string(),
                Destination::Stdout => "standard output".into(),
            };
            eprintln!("rencana: {target}: cannot write: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    for f in report.files.iter().filter(|f| f.status == Status::Failed) {
        eprintln!("rencana: {}", f.error.as_deref().unwrap_or("failed"));
    }
    if let Some(path) = &args.report {
        let json = serde_json::to_vec_pretty(&report).map(|mut v| {
            v.push(b'\n');
            v
        });
        let written = json.map_err(std::io::Error::other).and_then(|v| write_atomic(path, &v));
        if let Err(e) = written {
            eprintln!("rencana: {}: cannot write the report: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    if report.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A progress bar on a terminal (files done, ETA); none when piped or quiet.
fn progress_bar(total: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || total < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    let style = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  ETA {eta}").ok()?;
    bar.set_style(style);
    Some(bar)
}

fn failed_so_far(bar: &indicatif::ProgressBar) -> usize {
    bar.message().split(' ').next().and_then(|n| n.parse::<usize>().ok()).unwrap_or(0) + 1
}

fn write_atomic(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
