//! Inputs found by fuzzing (`fuzz/`, see fuzz/README.md), kept in
//! `fixtures/fuzz/<target>-<n>.bin`: each is run through
//! [`rencana::convert_bytes`] as a text dump (detected, forced flow, forced
//! layout) and as a PDF, and must come back — converted or refused with an
//! error — without a panic, contained or not, and in bounded time.
//!
//! The library turns a panic into `Err("internal error while converting:
//! ...")`, so a result is checked for that message too. Panics inside the
//! PDF libraries, which the PDF reader guards on purpose, come back as
//! "could not read the PDF: ..." and are accepted.

use rencana::{Error, InputKind, Options};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Longer than any input in fixtures/fuzz should take (they are small); a
/// hang or a blow-up in time is a finding too.
const TIME_LIMIT: Duration = Duration::from_secs(60);

fn fuzz_inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz");
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "bin"))
        .collect();
    files.sort();
    files
}

/// Runs one conversion on a worker thread; a description of what went
/// wrong, if anything did.
fn check(file: &Path, name: &str, kind: Option<InputKind>) -> Option<String> {
    let bytes = std::fs::read(file).expect("fuzz fixture");
    let what = format!("{} as {name} ({kind:?})", file.display());
    let name = name.to_string();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let opts = Options { input_kind: kind, ..Options::default() };
        let r = std::panic::catch_unwind(|| rencana::convert_bytes(Path::new(&name), &bytes, &opts));
        let _ = tx.send(r.map(|r| r.map(|_| ())));
    });
    match rx.recv_timeout(TIME_LIMIT) {
        Err(_) => Some(format!("{what}: no result within {TIME_LIMIT:?}")),
        Ok(Err(_)) => Some(format!("{what}: panicked through convert_bytes")),
        Ok(Ok(Err(Error::Input { reason, .. }))) if reason.starts_with("internal error") => {
            Some(format!("{what}: contained panic: {reason}"))
        }
        Ok(Ok(_)) => None,
    }
}

#[test]
fn fuzz_findings_neither_panic_nor_hang() {
    let files = fuzz_inputs();
    let mut failures = Vec::new();
    for file in &files {
        for (name, kind) in [
            ("fuzz.txt", None),
            ("fuzz.txt", Some(InputKind::Text)),
            ("fuzz.txt", Some(InputKind::Layout)),
            ("fuzz.pdf", None),
            ("fuzz.pdf", Some(InputKind::Pdf)),
        ] {
            failures.extend(check(file, name, kind));
        }
    }
    assert!(failures.is_empty(), "{} of {} fuzz fixtures fail:\n{}", failures.len(), files.len(), failures.join("\n"));
}
