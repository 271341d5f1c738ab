//! # rencana
//!
//! Turns Indonesian local-government performance plans (*Rencana Aksi*)
//! into clean indicator datasets.
//!
//! The work is a pipeline of stages, each a module with one type in and one
//! out:
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | extract | [`extract`] | file → [`extract::Extracted`] (pages of positioned words) |
//! | reflow | [`reflow`] | pages → [`reflow::Table`] (rows of cells) |
//! | parse | [`parse`] | cell text → labels, numbers, units, column roles |
//! | normalise | [`normalise`] | table → [`normalise::Document`] (hierarchy, warnings) |
//! | write | [`write`] | documents → CSV, JSON, JSONL |
//!
//! ```no_run
//! let doc = rencana::convert_path(std::path::Path::new("plan.txt"), &rencana::Options::default())?;
//! for ind in &doc.indicators {
//!     println!("{} {} {}", ind.level.as_str(), ind.text, ind.target.as_field());
//! }
//! # Ok::<(), rencana::Error>(())
//! ```
//!
//! More recipes are in the [`cookbook`].

pub mod batch;
pub mod cookbook;
pub mod error;
pub mod memory;
pub mod extract;
pub mod normalise;
pub mod output;
pub mod parse;
pub mod reflow;
pub mod write;

pub use error::Error;
pub use extract::{InputKind, OcrMode};
pub use normalise::Document;

use std::path::Path;

/// How to convert.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force the input kind instead of detecting it.
    pub input_kind: Option<InputKind>,
    /// Which PDF pages to OCR (default: those without a text layer).
    pub ocr: OcrMode,
}

/// Converts one file. Never panics: a panic inside a reader is turned into
/// an error naming the file.
pub fn convert_path(path: &Path, opts: &Options) -> Result<Document, Error> {
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > MAX_INPUT_BYTES {
        return Err(Error::input(
            path,
            format!("too large to be a plan ({} MiB; the limit is {} MiB)", size >> 20, MAX_INPUT_BYTES >> 20),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    convert_bytes(path, &bytes, opts)
}

/// The largest input read. A Rencana Aksi, even scanned at 300 dpi, is a few
/// tens of MiB; anything far larger is another kind of file, and reading it
/// whole would only exhaust memory in a batch.
pub const MAX_INPUT_BYTES: u64 = 512 << 20;

/// Converts bytes already read; `path` names the source.
pub fn convert_bytes(path: &Path, bytes: &[u8], opts: &Options) -> Result<Document, Error> {
    let run = || -> Result<Document, Error> {
        let extracted = extract::read_bytes(path, bytes, opts.input_kind, opts.ocr)?;
        let table = reflow::reflow(&extracted);
        if let Some(reason) = &table.refusal {
            return Err(Error::input(path, reason.clone()));
        }
        let source = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let doc = normalise::normalise(&source, extracted.kind, &table, &extracted.warnings);
        if doc.indicators.is_empty() {
            return Err(Error::input(path, "no Rencana Aksi table found (no indicator rows)"));
        }
        Ok(doc)
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(Error::input(path, format!("internal error while converting: {msg}")))
        }
    }
}
