//! Helpers shared by the integration tests: where the fixtures are, which
//! of them are converter inputs, and converting one to a format in memory.
//!
//! Each test crate uses only some of these helpers.
#![allow(dead_code)]

use rencana::write::Format;
use rencana::{Document, Options};
use std::path::{Path, PathBuf};

/// The folders under `fixtures/` whose files are converter inputs with
/// committed expected outputs. `fixtures/pdf/` and `fixtures/scan/` belong to
/// the PDF reader's and OCR's own tests. `fixtures/generated/` holds the
/// held-out plans made by `fixtures/generated/make_plans.py`.
pub const INPUT_DIRS: [&str; 3] = ["seed", "synthetic", "generated"];

/// The input kinds by file-name suffix, longest first so that
/// `x.layout.txt` is not taken for a plain `.txt`.
pub const KIND_SUFFIXES: [(&str, &str); 4] =
    [(".layout.txt", "layout"), (".mutool.txt", "mutool"), (".txt", "txt"), (".pdf", "pdf")];

/// The crate root (where `Cargo.toml` is).
pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures_dir() -> PathBuf {
    crate_root().join("fixtures")
}

/// A fixture by its path relative to `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    fixtures_dir().join(rel)
}

/// One converter input among the fixtures.
#[derive(Debug, Clone)]
pub struct Input {
    /// Path relative to `fixtures/`, with '/' separators: `synthetic/dev01.layout.txt`.
    pub rel: String,
    pub path: PathBuf,
    /// `txt`, `layout`, `mutool` or `pdf`.
    pub kind: &'static str,
    /// The document name shared by all its kinds: `dev01`, `rencana-aksi-2025`.
    pub doc: String,
}

impl Input {
    /// The gold file of this document, if the corpus has one.
    pub fn gold(&self) -> Option<PathBuf> {
        let dir = self.path.parent()?;
        let gold = dir.join(format!("{}.gold.json", self.doc));
        gold.exists().then_some(gold)
    }
}

/// Splits a file name into (document, kind) by its suffix.
pub fn doc_and_kind(file_name: &str) -> Option<(String, &'static str)> {
    KIND_SUFFIXES
        .iter()
        .find(|(suffix, _)| file_name.ends_with(suffix))
        .map(|(suffix, kind)| (file_name[..file_name.len() - suffix.len()].to_string(), *kind))
}

/// Every converter input under [`INPUT_DIRS`], sorted by path. The gold
/// files and anything without a known suffix are skipped.
pub fn input_fixtures() -> Vec<Input> {
    let mut inputs = Vec::new();
    for dir in INPUT_DIRS {
        let entries = std::fs::read_dir(fixtures_dir().join(dir)).unwrap_or_else(|e| panic!("fixtures/{dir}: {e}"));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if let Some((doc, kind)) = doc_and_kind(&name) {
                inputs.push(Input { rel: format!("{dir}/{name}"), path, kind, doc });
            }
        }
    }
    inputs.sort_by(|a, b| a.rel.cmp(&b.rel));
    assert!(inputs.len() >= 52, "expected the seed, synthetic and generated fixtures, found {}", inputs.len());
    inputs
}

/// Converts one file with default options.
pub fn convert(path: &Path) -> Result<Document, rencana::Error> {
    rencana::convert_path(path, &Options::default())
}

/// The documents written in `format`, as the CLI would write them.
pub fn render(docs: &[Document], format: Format) -> String {
    let bytes = rencana::output::write_docs(Vec::new(), docs, format).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("outputs are UTF-8")
}

/// An error's text with the absolute fixtures folder removed, so that it
/// does not depend on where the crate is checked out.
pub fn portable_error(e: &rencana::Error) -> String {
    let prefix = format!("{}{}", fixtures_dir().display(), std::path::MAIN_SEPARATOR);
    e.to_string().replace(&prefix, "")
}

/// Parses a CSV output into its header and records, failing on ragged rows.
pub fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let header = reader.headers().expect("CSV header").iter().map(str::to_string).collect();
    let records = reader
        .records()
        .map(|r| r.expect("well-formed CSV record").iter().map(str::to_string).collect())
        .collect();
    (header, records)
}
