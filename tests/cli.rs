//! The `rencana` command as a user runs it: options, formats, exit codes,
//! bad inputs and atomic output files.

mod common;

use common::{fixture, parse_csv};
use rencana::write::COLUMNS;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

const PLAN_2025_TXT: &str = "seed/rencana-aksi-2025.txt";
const PLAN_2025_PDF: &str = "seed/rencana-aksi-2025.pdf";
const PLAN_2025_ROWS: usize = 63;

/// What one run of the command gave.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().filter(|l| !l.trim().is_empty()).collect()
    }
}

/// Runs `rencana ARGS...` in `dir`.
fn rencana_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_rencana")).args(args).current_dir(dir).output().expect("run rencana");
    Run {
        code: out.status.code().expect("rencana exited (not killed by a signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `rencana ARGS...` in the crate root, where `fixtures/` is.
fn rencana(args: &[&str]) -> Run {
    rencana_in(&common::crate_root(), args)
}

fn scratch() -> TempDir {
    tempfile::tempdir().expect("scratch dir")
}

fn write_file(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn fixture_arg(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn csv_rows(text: &str) -> usize {
    let (header, records) = parse_csv(text);
    assert_eq!(header, COLUMNS, "CSV header");
    records.len()
}

fn assert_no_panic(run: &Run) {
    assert_ne!(run.code, 101, "rencana panicked: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "a panic message on stderr: {}", run.stderr);
    assert!(!run.stderr.contains("internal error"), "an internal error on stderr: {}", run.stderr);
}

/// Exit 1 with exactly one stderr line, naming the file.
fn assert_one_error_naming(run: &Run, file_name: &str) {
    assert_no_panic(run);
    assert_eq!(run.code, 1, "exit code; stderr: {}", run.stderr);
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 1, "one stderr line expected: {lines:?}");
    assert!(lines[0].contains(file_name), "the error does not name {file_name}: {}", lines[0]);
    assert!(run.stdout.is_empty(), "nothing on stdout when the only input failed: {}", run.stdout);
}

/// Converts one bad input and returns its one-line error.
fn error_for(name: &str, bytes: &[u8]) -> String {
    let dir = scratch();
    write_file(&dir, name, bytes);
    let run = rencana_in(dir.path(), &["convert", name]);
    assert_one_error_naming(&run, name);
    run.stderr_lines()[0].to_string()
}

// ---- help and options ----------------------------------------------------

/// The options of a `--help` text: each entry's flags line and the text
/// explaining it (the lines up to the next entry).
fn help_entries(help: &str) -> Vec<(String, String)> {
    let options = help.split_once("Options:").map(|(_, o)| o).unwrap_or("");
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in options.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('-') && line.len() - trimmed.len() <= 6 {
            let (flags, text) = trimmed.split_once("  ").unwrap_or((trimmed, ""));
            entries.push((flags.to_string(), text.trim().to_string()));
        } else if let Some((_, text)) = entries.last_mut() {
            text.push(' ');
            text.push_str(line.trim());
        }
    }
    entries
}

#[test]
fn help_explains_every_option_with_an_example() {
    let top = rencana(&["--help"]);
    assert_eq!(top.code, 0, "{}", top.stderr);
    assert!(top.stdout.contains("convert"), "{}", top.stdout);
    let help = rencana(&["convert", "--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    let entries = help_entries(&help.stdout);
    for option in ["-o, --output", "-f, --format", "--input-kind", "-h, --help"] {
        assert!(entries.iter().any(|(flags, _)| flags.starts_with(option)), "no {option} in:\n{}", help.stdout);
    }
    for (flags, text) in entries.iter().filter(|(f, _)| !f.contains("--help")) {
        assert!(text.contains("Example: "), "{flags} has no example: {text:?}");
    }
    for format in ["csv", "json", "jsonl"] {
        assert!(help.stdout.contains(format), "convert --help does not name the {format} format");
    }
    assert!(help.stdout.contains("rencana convert "), "convert --help has no example command:\n{}", help.stdout);
}

#[test]
fn usage_errors_exit_2() {
    let plan = fixture_arg(PLAN_2025_TXT);
    for args in [
        vec!["convert", &plan, "--bogus"],
        vec!["convert", &plan, "--format", "xlsx"],
        vec!["convert", &plan, "--input-kind", "word"],
        vec!["convert", &plan, "-o", "plan.xlsx"],
        vec!["convert"],
        vec!["transmogrify", &plan],
        vec![],
    ] {
        let run = rencana(&args);
        assert_eq!(run.code, 2, "rencana {args:?}: stderr {}", run.stderr);
        assert!(!run.stderr.trim().is_empty(), "rencana {args:?} says nothing on stderr");
        assert!(run.stdout.is_empty(), "rencana {args:?} wrote to stdout");
    }
}

// ---- formats ---------------------------------------------------------------

#[test]
fn converts_to_csv_on_stdout_by_default() {
    let run = rencana(&["convert", &fixture_arg(PLAN_2025_TXT)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(run.stdout.starts_with(&format!("{}\r\n", COLUMNS.join(","))), "{}", &run.stdout[..200]);
    assert_eq!(csv_rows(&run.stdout), PLAN_2025_ROWS);
    let dash = rencana(&["convert", &fixture_arg(PLAN_2025_TXT), "-o", "-"]);
    assert_eq!(dash.stdout, run.stdout, "-o - writes to stdout");
}

/// What a file holds: "csv", "json" or "jsonl", checked by parsing it.
fn format_of(text: &str) -> &'static str {
    if text.starts_with("source,page,row,") {
        csv_rows(text);
        "csv"
    } else if text.starts_with('{') && text.lines().count() > 1 && text.lines().all(|l| l.starts_with('{')) {
        for l in text.lines() {
            serde_json::from_str::<serde_json::Value>(l).expect("a JSONL line");
        }
        "jsonl"
    } else {
        let v: serde_json::Value = serde_json::from_str(text).expect("a JSON document");
        assert_eq!(v["indicator_count"], PLAN_2025_ROWS);
        "json"
    }
}

#[test]
fn the_output_extension_picks_the_format_and_format_overrides_it() {
    let dir = scratch();
    let plan = fixture_arg(PLAN_2025_TXT);
    for (output, format, expected) in [
        ("a.csv", None, "csv"),
        ("b.json", None, "json"),
        ("c.jsonl", None, "jsonl"),
        ("d.CSV", None, "csv"),
        ("e.csv", Some("json"), "json"),
        ("f.json", Some("jsonl"), "jsonl"),
        ("g.out", Some("csv"), "csv"),
    ] {
        let mut args = vec!["convert", plan.as_str(), "-o", output];
        if let Some(f) = format {
            args.extend(["--format", f]);
        }
        let run = rencana_in(dir.path(), &args);
        assert_eq!(run.code, 0, "rencana {args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "rencana {args:?} also wrote to stdout");
        let text = std::fs::read_to_string(dir.path().join(output)).unwrap();
        assert_eq!(format_of(&text), expected, "rencana {args:?}");
    }
    let stdout_json = rencana(&["convert", &plan, "--format", "json"]);
    assert_eq!(format_of(&stdout_json.stdout), "json");
}

#[test]
fn several_inputs_go_to_one_output_with_one_header() {
    let run = rencana(&["convert", &fixture_arg(PLAN_2025_TXT), &fixture_arg("synthetic/dev01.layout.txt")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (_, records) = parse_csv(&run.stdout);
    let sources: Vec<&str> = records.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(sources.iter().filter(|s| **s == "rencana-aksi-2025.txt").count(), PLAN_2025_ROWS);
    assert!(sources.contains(&"dev01.layout.txt"), "the second input's rows are missing");
    assert_eq!(run.stdout.matches("source,page,row").count(), 1, "one header row");
}

#[test]
fn input_kind_forces_the_reader() {
    let layout = fixture_arg("seed/rencana-aksi-2025.layout.txt");
    let detected = rencana(&["convert", &layout]);
    let forced = rencana(&["convert", &layout, "--input-kind", "layout"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(forced.stdout, detected.stdout);
    let as_pdf = rencana(&["convert", &fixture_arg(PLAN_2025_TXT), "--input-kind", "pdf"]);
    assert_one_error_naming(&as_pdf, "rencana-aksi-2025.txt");
}

// ---- exit codes and errors -------------------------------------------------

#[test]
fn a_failed_input_exits_1_with_one_line_per_failure_and_the_rest_converted() {
    let dir = scratch();
    write_file(&dir, "empty.txt", b"");
    write_file(&dir, "noise.bin", &binary_noise());
    let plan = fixture_arg(PLAN_2025_TXT);
    let run = rencana_in(dir.path(), &["convert", "empty.txt", &plan, "noise.bin", "missing.txt"]);
    assert_no_panic(&run);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 3, "one line per failed input: {lines:?}");
    for (line, name) in lines.iter().zip(["empty.txt", "noise.bin", "missing.txt"]) {
        assert!(line.contains(name), "{line} should name {name}");
    }
    assert_eq!(csv_rows(&run.stdout), PLAN_2025_ROWS, "the good input is still converted");
}

fn binary_noise() -> Vec<u8> {
    (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()
}

#[test]
fn an_empty_file_is_a_clear_error() {
    let err = error_for("empty.txt", b"");
    assert!(err.contains("empty"), "{err}");
    let err = error_for("blank.txt", b" \n\r\n\t\n");
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn a_binary_file_is_a_clear_error() {
    let err = error_for("photo.jpg", &binary_noise());
    assert!(err.contains("binary") || err.contains("not a text"), "{err}");
}

#[test]
fn a_text_with_no_table_is_a_clear_error() {
    let letter = "Kepada Yth. Kepala Dinas\nDengan hormat,\nBersama ini kami sampaikan undangan rapat koordinasi.\n\nHormat kami,\nSekretaris\n";
    let err = error_for("surat.txt", letter.as_bytes());
    assert!(err.contains("no Rencana Aksi table"), "{err}");
}

#[test]
fn a_file_that_does_not_exist_is_a_clear_error() {
    let dir = scratch();
    let run = rencana_in(dir.path(), &["convert", "nowhere.txt"]);
    assert_one_error_naming(&run, "nowhere.txt");
}

/// The 2025 plan in Windows-1252, with accented letters, an en dash and a
/// euro sign in a node name.
fn plan_in_windows_1252() -> Vec<u8> {
    let text = std::fs::read_to_string(fixture(PLAN_2025_TXT)).unwrap();
    assert!(text.contains("Koperasi Sehat\n"), "the fixture changed: update this test");
    let text = text.replacen("Koperasi Sehat\n", "Koperasi Sehat – Café Rp €\n", 1);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the test input must not be valid UTF-8");
    bytes.into_owned()
}

#[test]
fn a_windows_1252_text_is_decoded_and_converted() {
    let dir = scratch();
    write_file(&dir, "plan-1252.txt", &plan_in_windows_1252());
    let run = rencana_in(dir.path(), &["convert", "plan-1252.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(csv_rows(&run.stdout), PLAN_2025_ROWS);
    assert!(run.stdout.contains("Koperasi Sehat – Café Rp €"), "accents, dash and euro decoded:\n{}", run.stdout);
}

#[test]
fn a_truncated_pdf_is_a_clear_error() {
    let pdf = std::fs::read(fixture(PLAN_2025_PDF)).unwrap();
    let err = error_for("half.pdf", &pdf[..pdf.len() / 2]);
    assert!(err.contains("truncated or damaged"), "{err}");
}

#[test]
fn a_text_file_named_pdf_is_a_clear_error() {
    error_for("laporan.pdf", b"<html><body>404 Not Found</body></html>\n");
}

#[test]
fn an_encrypted_pdf_is_a_clear_error() {
    let err = error_for("locked.pdf", &encrypted_pdf("secret"));
    assert!(err.contains("encrypted"), "{err}");
}

/// A one-page PDF with a line of text, encrypted (RC4, 128 bit) with
/// `user_password`.
fn encrypted_pdf(user_password: &str) -> Vec<u8> {
    use lopdf::{dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier" });
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F1 10 Tf 50 700 Td (RENCANA AKSI TAHUN 2025) Tj ET".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let id = Object::String(b"0123456789abcdef".to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

// ---- atomic output ---------------------------------------------------------

#[test]
fn no_output_file_is_created_when_every_input_fails() {
    let dir = scratch();
    write_file(&dir, "empty.txt", b"");
    let run = rencana_in(dir.path(), &["convert", "empty.txt", "-o", "out.csv"]);
    assert_one_error_naming(&run, "empty.txt");
    assert_eq!(files_in(dir.path()), ["empty.txt"], "no output and no temporary file");
}

#[test]
fn an_existing_output_stays_untouched_when_every_input_fails() {
    let dir = scratch();
    write_file(&dir, "empty.txt", b"");
    write_file(&dir, "out.csv", b"last month's output\n");
    let run = rencana_in(dir.path(), &["convert", "empty.txt", "-o", "out.csv"]);
    assert_one_error_naming(&run, "empty.txt");
    assert_eq!(std::fs::read(dir.path().join("out.csv")).unwrap(), b"last month's output\n");
    assert_eq!(files_in(dir.path()), ["empty.txt", "out.csv"]);
}

/// Runs rencana with its file size limited to `limit_kib` KiB and SIGXFSZ
/// ignored, so that a write past the limit fails with EFBIG midway through
/// the output.
fn rencana_with_file_size_limit(dir: &Path, limit_kib: u32, args: &[&str]) -> Run {
    let script = format!("trap '' XFSZ; ulimit -f {}; exec \"$0\" \"$@\"", limit_kib * 2);
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_rencana"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run sh");
    Run {
        code: out.status.code().expect("rencana exited (not killed by a signal)"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_write_that_fails_midway_leaves_no_file_behind() {
    let dir = scratch();
    let plan = fixture_arg(PLAN_2025_TXT);
    // The JSON of the 2025 plan is far larger than 8 KiB.
    let run = rencana_with_file_size_limit(dir.path(), 8, &["convert", &plan, "-o", "out.json"]);
    assert_no_panic(&run);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("out.json") && lines[0].contains("cannot write"), "{}", lines[0]);
    assert_eq!(files_in(dir.path()), Vec::<String>::new(), "neither the output nor a temporary file remains");

    write_file(&dir, "out.json", b"{}\n");
    let run = rencana_with_file_size_limit(dir.path(), 8, &["convert", &plan, "-o", "out.json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(std::fs::read(dir.path().join("out.json")).unwrap(), b"{}\n", "the old output is kept");
    assert_eq!(files_in(dir.path()), ["out.json"]);
}

#[test]
fn a_complete_output_replaces_an_existing_one() {
    let dir = scratch();
    write_file(&dir, "out.csv", b"last month's output\n");
    let run = rencana_in(dir.path(), &["convert", &fixture_arg(PLAN_2025_TXT), "-o", "out.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(csv_rows(&std::fs::read_to_string(dir.path().join("out.csv")).unwrap()), PLAN_2025_ROWS);
    assert_eq!(files_in(dir.path()), ["out.csv"]);
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    // `rencana convert ... | head`: far more output than a pipe holds, and
    // the reader closes after a few bytes.
    use std::io::Read;
    use std::process::Stdio;
    let plan = fixture_arg(PLAN_2025_TXT);
    let args: Vec<&str> = ["convert", "-f", "json"].into_iter().chain(std::iter::repeat_n(plan.as_str(), 8)).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_rencana"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rencana");
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe's read end is dropped here.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
}
