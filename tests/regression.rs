//! Regression: every input fixture's CSV and JSON output is compared
//! exactly with the expected files committed in `fixtures/expected/`.
//!
//! The converter is still being improved, so the expected files are
//! refreshed by blessing the current outputs:
//!
//! ```sh
//! RENCANA_BLESS=1 cargo test --release --test regression
//! ```
//!
//! then review the change in the expected files before committing it. An
//! input that does not convert has an `.error` file holding the error text
//! instead of the `.csv` and `.json` files.

mod common;

use common::{convert, input_fixtures, portable_error, render, Input};
use rencana::write::Format;
use std::path::PathBuf;

/// How many differing lines a failure shows per file.
const DIFF_LINES_SHOWN: usize = 5;

/// The expected files live here, mirroring the input folders.
fn expected_dir() -> PathBuf {
    common::fixtures_dir().join("expected")
}

fn bless_requested() -> bool {
    std::env::var("RENCANA_BLESS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// What converting one input gives, as the files that record it.
enum Outcome {
    Converted { csv: String, json: String },
    Failed { error: String },
}

impl Outcome {
    fn of(input: &Input) -> Outcome {
        match convert(&input.path) {
            Ok(doc) => {
                let docs = [doc];
                Outcome::Converted { csv: render(&docs, Format::Csv), json: render(&docs, Format::Json) }
            }
            Err(e) => Outcome::Failed { error: portable_error(&e) + "\n" },
        }
    }

    /// (extension, content) of each expected file this outcome has.
    fn files(&self) -> Vec<(&'static str, &str)> {
        match self {
            Outcome::Converted { csv, json } => vec![("csv", csv), ("json", json)],
            Outcome::Failed { error } => vec![("error", error)],
        }
    }
}

/// True when converting the input a few more times gives the same outcome.
fn converts_the_same_way_again(input: &Input, outcome: &Outcome) -> bool {
    (0..3).all(|_| Outcome::of(input).files() == outcome.files())
}

const EXPECTED_EXTENSIONS: [&str; 3] = ["csv", "json", "error"];

fn expected_path(input: &Input, ext: &str) -> PathBuf {
    expected_dir().join(format!("{}.{ext}", input.rel))
}

/// Writes the outcome's files and removes the expected files it no longer has.
fn bless(input: &Input, outcome: &Outcome) {
    let files = outcome.files();
    for ext in EXPECTED_EXTENSIONS {
        let path = expected_path(input, ext);
        match files.iter().find(|(e, _)| *e == ext) {
            Some((_, content)) => {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, content).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
            None if path.exists() => std::fs::remove_file(&path).unwrap(),
            None => {}
        }
    }
}

/// Compares the outcome with the committed files; each problem is one
/// message (with a short diff for differing content).
fn compare_with_expected(input: &Input, outcome: &Outcome) -> Vec<String> {
    let mut problems = Vec::new();
    let files = outcome.files();
    for ext in EXPECTED_EXTENSIONS {
        let path = expected_path(input, ext);
        let shown = format!("fixtures/expected/{}.{ext}", input.rel);
        match (files.iter().find(|(e, _)| *e == ext), std::fs::read_to_string(&path)) {
            (Some((_, actual)), Ok(expected)) => {
                if let Some(diff) = first_differences(&expected, actual, DIFF_LINES_SHOWN) {
                    problems.push(format!("{}: output differs from {shown}\n{diff}", input.rel));
                }
            }
            (Some(_), Err(_)) => problems.push(format!("{}: no expected file {shown}", input.rel)),
            (None, Ok(_)) => problems.push(match outcome {
                Outcome::Failed { error } => format!("{}: the input no longer converts: {}", input.rel, error.trim_end()),
                Outcome::Converted { .. } => format!("{}: the input now converts, but {shown} expects an error", input.rel),
            }),
            (None, Err(_)) => {}
        }
    }
    problems
}

/// A short line diff: the first `limit` differing lines with their numbers,
/// and the line counts when they differ. None when the texts are equal.
fn first_differences(expected: &str, actual: &str, limit: usize) -> Option<String> {
    if expected == actual {
        return None;
    }
    let exp: Vec<&str> = expected.split('\n').collect();
    let act: Vec<&str> = actual.split('\n').collect();
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..exp.len().max(act.len()) {
        let (e, a) = (exp.get(i), act.get(i));
        if e == a {
            continue;
        }
        if shown == limit {
            out.push_str("    ...\n");
            break;
        }
        let (e, a) = elide_common(e.copied(), a.copied());
        out.push_str(&format!("    line {}:\n      expected: {e}\n      actual:   {a}\n", i + 1));
        shown += 1;
    }
    if exp.len() != act.len() {
        out.push_str(&format!("    {} lines expected, {} actual\n", exp.len(), act.len()));
    }
    Some(out)
}

/// Characters of common text kept on each side of a difference.
const CONTEXT_CHARS: usize = 30;

/// The two versions of a line with the text they share cut down to a little
/// context around the difference (long CSV and JSON lines differ in one
/// field); a missing line shows as "(no line)".
fn elide_common(expected: Option<&str>, actual: Option<&str>) -> (String, String) {
    let (Some(e), Some(a)) = (expected, actual) else {
        let show = |l: Option<&str>| l.map(|l| format!("{l:?}")).unwrap_or_else(|| "(no line)".to_string());
        return (show(expected), show(actual));
    };
    let (e, a): (Vec<char>, Vec<char>) = (e.chars().collect(), a.chars().collect());
    let prefix = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let max_suffix = e.len().min(a.len()) - prefix;
    let suffix = e.iter().rev().zip(a.iter().rev()).take(max_suffix).take_while(|(x, y)| x == y).count();
    let from = prefix.saturating_sub(CONTEXT_CHARS);
    let cut = |line: &[char]| {
        let to = (line.len() - suffix + CONTEXT_CHARS).min(line.len());
        let text: String = line[from..to].iter().collect();
        let before = if from > 0 { "…" } else { "" };
        let after = if to < line.len() { "…" } else { "" };
        format!("{before}{text:?}{after}")
    };
    (cut(&e), cut(&a))
}

#[test]
fn outputs_match_the_committed_expected_files() {
    let blessing = bless_requested();
    let mut problems = Vec::new();
    for input in input_fixtures() {
        let outcome = Outcome::of(&input);
        if blessing {
            bless(&input, &outcome);
        } else {
            let found = compare_with_expected(&input, &outcome);
            if !found.is_empty() && !converts_the_same_way_again(&input, &outcome) {
                problems.push(format!("{}: NOTE: its output changes from run to run (the converter is not deterministic)", input.rel));
            }
            problems.extend(found);
        }
    }
    assert!(
        problems.is_empty(),
        "{} difference(s) from the expected outputs:\n\n{}\n\nIf the change is intended, refresh the expected files with\n  RENCANA_BLESS=1 cargo test --release --test regression\nand review them before committing.",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_expected_file_belongs_to_an_input_fixture() {
    let inputs: Vec<String> = input_fixtures().into_iter().map(|i| i.rel).collect();
    let mut orphans = Vec::new();
    for dir in common::INPUT_DIRS {
        let Ok(entries) = std::fs::read_dir(expected_dir().join(dir)) else { continue };
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let input = EXPECTED_EXTENSIONS
                .iter()
                .find_map(|ext| name.strip_suffix(&format!(".{ext}")))
                .map(|stem| format!("{dir}/{stem}"));
            if !input.is_some_and(|i| inputs.contains(&i)) {
                orphans.push(format!("fixtures/expected/{dir}/{name}"));
            }
        }
    }
    assert!(orphans.is_empty(), "expected files with no input fixture (remove them): {orphans:?}");
}

#[test]
fn the_short_diff_names_the_first_differing_lines() {
    let diff = first_differences("a\nb\nc\n", "a\nB\nc\nd\n", 5).expect("texts differ");
    assert!(diff.contains("line 2:\n      expected: \"b\"\n      actual:   \"B\""), "{diff}");
    assert!(diff.contains("line 5:\n      expected: (no line)\n      actual:   \"\""), "{diff}");
    assert!(diff.contains("line 4:"), "{diff}");
    assert!(diff.contains("4 lines expected, 5 actual"), "{diff}");
    assert_eq!(first_differences("same\n", "same\n", 5), None);
    let many = first_differences("1\n2\n3\n", "x\ny\nz\n", 2).unwrap();
    assert_eq!(many.matches("line ").count(), 2, "{many}");
    assert!(many.ends_with("...\n"), "{many}");
}

#[test]
fn a_long_line_is_shown_around_its_difference() {
    let field = "x".repeat(100);
    let (e, a) = elide_common(Some(&format!("{field},7.1,{field}")), Some(&format!("{field},7.2,{field}")));
    // 30 characters of context on each side of the one differing character.
    assert_eq!(e, format!("…{:?}…", format!("{},7.1,{}", &field[..27], &field[..29])));
    assert_eq!(a, format!("…{:?}…", format!("{},7.2,{}", &field[..27], &field[..29])));
    let (e, a) = elide_common(Some("same start, then one"), Some("same start, then other"));
    assert_eq!((e.as_str(), a.as_str()), ("\"same start, then one\"", "\"same start, then other\""));
}
