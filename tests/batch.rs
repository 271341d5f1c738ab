//! Batch conversion of a folder as a data officer runs it: good plans of
//! every kind mixed with bad files, converted with one and with two jobs.
//! The good ones are converted, each bad one is named once on standard
//! error and in the report, the exit status is 1, and the outputs do not
//! depend on `--jobs`.

mod common;

use common::fixture;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// Good inputs (fixture, path in the archive) and their row counts.
const GOOD: &[(&str, &str, usize)] = &[
    ("seed/rencana-aksi-2025.txt", "2025/rencana-aksi-2025.txt", 63),
    ("seed/rencana-aksi-2025.pdf", "2025/pdf/rencana-aksi-2025.pdf", 63),
    ("synthetic/dev01.layout.txt", "lain/dev01.layout.txt", 22),
    ("synthetic/dev02.mutool.txt", "lain/dev02.mutool.txt", 12),
    ("synthetic/dev03.txt", "dev03.txt", 10),
];

/// Bad inputs: an empty file, a truncated PDF, a text file named `.pdf`.
const BAD: &[&str] = &["kosong.txt", "2025/terpotong.pdf", "lain/bukan-pdf.pdf"];

/// An archive folder holding the good and the bad inputs.
fn archive() -> TempDir {
    let dir = tempfile::tempdir().expect("scratch dir");
    let put = |rel: &str, bytes: &[u8]| {
        let path = dir.path().join("arsip").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    for (src, rel, _) in GOOD {
        put(rel, &std::fs::read(fixture(src)).unwrap());
    }
    let pdf = std::fs::read(fixture("synthetic/dev04.pdf")).unwrap();
    put(BAD[0], b"");
    put(BAD[1], &pdf[..pdf.len() / 3]);
    put(BAD[2], &std::fs::read(fixture("synthetic/dev04.txt")).unwrap());
    dir
}

struct Run {
    code: i32,
    stderr: String,
}

fn rencana(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_rencana")).args(args).current_dir(dir).output().expect("run rencana");
    Run { code: out.status.code().expect("exited"), stderr: String::from_utf8_lossy(&out.stderr).into_owned() }
}

/// Every file under `root`, by relative path, with its bytes.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(path.strip_prefix(root).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The report with its timings blanked (the one field that may differ
/// between runs).
fn report(path: &Path) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).expect("report written")).expect("report is JSON");
    for f in v["files"].as_array_mut().expect("files") {
        f["seconds"] = serde_json::Value::Null;
    }
    v
}

/// Checks one folder-mode run and returns its output tree.
fn check_folder_run(dir: &Path, jobs: &str) -> (BTreeMap<PathBuf, Vec<u8>>, serde_json::Value) {
    let out = format!("keluar-{jobs}");
    let rep = format!("laporan-{jobs}.json");
    let run = rencana(dir, &["convert", "arsip", "-o", &format!("{out}/"), "--jobs", jobs, "--report", &rep, "--quiet"]);
    assert_ne!(run.code, 101, "panicked: {}", run.stderr);
    assert_eq!(run.code, 1, "exit 1 when any input failed; stderr: {}", run.stderr);
    // Each bad file named on exactly one stderr line; nothing else there.
    let lines: Vec<&str> = run.stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), BAD.len(), "one line per failure: {lines:?}");
    for bad in BAD {
        assert_eq!(lines.iter().filter(|l| l.contains(bad)).count(), 1, "{bad} not named once: {lines:?}");
    }
    // One CSV per good input, mirroring the archive; none for the bad ones.
    let outputs = tree(&dir.join(&out));
    let expected: Vec<PathBuf> = GOOD.iter().map(|(_, rel, _)| PathBuf::from(format!("{rel}.csv"))).collect();
    assert_eq!(outputs.keys().cloned().collect::<Vec<_>>(), { let mut e = expected.clone(); e.sort(); e });
    for (_, rel, rows) in GOOD {
        let csv = String::from_utf8(outputs[&PathBuf::from(format!("{rel}.csv"))].clone()).unwrap();
        assert_eq!(csv.lines().count() - 1, *rows, "{rel}: rows");
    }
    // The report: every input once, with its status.
    let rep = report(&dir.join(&rep));
    let files = rep["files"].as_array().unwrap();
    assert_eq!(files.len(), GOOD.len() + BAD.len());
    let status_of = |rel: &str| -> String {
        let f = files.iter().find(|f| f["path"].as_str().unwrap().ends_with(rel)).unwrap_or_else(|| panic!("{rel} not in the report"));
        f["status"].as_str().unwrap().to_string()
    };
    for (_, rel, _) in GOOD {
        assert_eq!(status_of(rel), "converted", "{rel}");
    }
    for bad in BAD {
        assert_eq!(status_of(bad), "failed", "{bad}");
        let f = files.iter().find(|f| f["path"].as_str().unwrap().ends_with(bad)).unwrap();
        assert!(f["error"].as_str().is_some_and(|e| !e.is_empty()), "{bad}: no error in the report");
    }
    assert_eq!(rep["converted"], GOOD.len());
    assert_eq!(rep["failed"], BAD.len());
    assert_eq!(rep["rows"], GOOD.iter().map(|g| g.2).sum::<usize>());
    (outputs, rep)
}

#[test]
fn a_folder_with_bad_files_converts_the_good_ones_the_same_whatever_the_jobs() {
    let dir = archive();
    let (one, rep_one) = check_folder_run(dir.path(), "1");
    let (two, rep_two) = check_folder_run(dir.path(), "2");
    assert!(one == two, "folder outputs differ between --jobs 1 and --jobs 2");
    // Output paths in the report name each run's own folder; the rest is equal.
    let strip = |mut r: serde_json::Value| {
        for f in r["files"].as_array_mut().unwrap() {
            f["output"] = serde_json::Value::Null;
        }
        r
    };
    assert_eq!(strip(rep_one), strip(rep_two), "reports differ between --jobs 1 and --jobs 2");
}

#[test]
fn one_combined_output_is_the_same_whatever_the_jobs() {
    let dir = archive();
    for format in ["csv", "jsonl"] {
        let mut outs = Vec::new();
        for jobs in ["1", "2"] {
            let out = format!("semua-{jobs}.{format}");
            let run = rencana(dir.path(), &["convert", "arsip", "-o", &out, "--jobs", jobs, "--quiet"]);
            assert_eq!(run.code, 1, "stderr: {}", run.stderr);
            outs.push(std::fs::read(dir.path().join(&out)).expect("combined output written"));
        }
        assert!(outs[0] == outs[1], "{format}: combined output differs between --jobs 1 and --jobs 2");
        let text = String::from_utf8(outs[0].clone()).unwrap();
        let rows = if format == "csv" { text.lines().count() - 1 } else { text.lines().count() };
        assert_eq!(rows, GOOD.iter().map(|g| g.2).sum::<usize>(), "{format}: rows of every good input");
    }
}

#[test]
fn skip_existing_resumes_and_converts_only_what_is_missing() {
    let dir = archive();
    let run = rencana(dir.path(), &["convert", "arsip", "-o", "keluar/", "--quiet"]);
    assert_eq!(run.code, 1);
    // An interrupted batch: one output lost.
    let lost = dir.path().join("keluar/dev03.txt.csv");
    let kept = dir.path().join("keluar/2025/rencana-aksi-2025.txt.csv");
    std::fs::remove_file(&lost).unwrap();
    std::fs::write(&kept, "left alone\n").unwrap();
    let run = rencana(dir.path(), &["convert", "arsip", "-o", "keluar/", "--skip-existing", "--report", "r.json", "--quiet"]);
    assert_eq!(run.code, 1, "the bad files still fail: {}", run.stderr);
    assert!(lost.exists(), "the missing output is made again");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "left alone\n", "an existing output is not touched");
    let rep = report(&dir.path().join("r.json"));
    assert_eq!(rep["skipped"], GOOD.len() - 1);
    assert_eq!(rep["converted"], 1);
}
