//! Extract: one reader per input kind, each turning a file into [`Page`]s of
//! [`Line`]s of positioned [`Word`]s (and, for PDFs, ruling lines).
//!
//! Every reader produces the same types so that the reflow stage does not
//! care where the words came from. Coordinates are in the reader's own unit
//! (character cells for text dumps, PDF points for PDFs); `y` grows downwards.

pub mod layout;
pub mod ocr;
pub mod pdf;
pub mod text;

use crate::error::Error;
pub use ocr::OcrMode;
use std::path::Path;

/// The kinds of input the converter reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// A flow text dump (pdftotext default, mutool, copy-paste): cells of a row run together.
    Text,
    /// A `pdftotext -layout` dump: columns kept by spaces.
    Layout,
    /// A PDF with a text layer.
    Pdf,
}

impl std::str::FromStr for InputKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(InputKind::Text),
            "layout" => Ok(InputKind::Layout),
            "pdf" => Ok(InputKind::Pdf),
            other => Err(format!("unknown input kind '{other}' (expected text, layout or pdf)")),
        }
    }
}

/// One word with its box.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y0: f32,
    pub y1: f32,
}

/// One visual line of words, left to right.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub words: Vec<Word>,
    /// Text dumps only: the line ends in a space. Some extractors end each
    /// wrapped line of a cell with the space the wrap replaced, and the
    /// cell's last line without one; this tells where a cell ends when
    /// blank lines separate every line.
    pub open_end: bool,
}

impl Line {
    /// The words joined by single spaces.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for w in &self.words {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&w.text);
        }
        s
    }
    pub fn is_blank(&self) -> bool {
        self.words.is_empty()
    }
    pub fn y(&self) -> f32 {
        self.words.first().map(|w| w.y0).unwrap_or(0.0)
    }
}

/// A horizontal or vertical ruling line drawn on a page (PDF only).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ruling {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Ruling {
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() <= (self.x1 - self.x0).abs()
    }
}

/// One page: its lines in reading order (blank lines kept for flow dumps,
/// because a blank line separates cells there) and its rulings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// 1-based page number in the source.
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub lines: Vec<Line>,
    pub rulings: Vec<Ruling>,
}

/// What a reader gives the reflow stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub kind: InputKind,
    pub pages: Vec<Page>,
    /// Problems found while reading (undecodable text and the like), as warning codes.
    pub warnings: Vec<String>,
}

/// Reads a file of any supported kind; `forced` overrides detection; `ocr`
/// says which PDF pages to OCR.
pub fn read(path: &Path, forced: Option<InputKind>, ocr: OcrMode) -> Result<Extracted, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read_bytes(path, &bytes, forced, ocr)
}

/// Reads bytes already in memory; `path` names the source in errors.
pub fn read_bytes(path: &Path, bytes: &[u8], forced: Option<InputKind>, ocr: OcrMode) -> Result<Extracted, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(path, "the file is empty"));
    }
    let kind = match forced {
        Some(k) => k,
        None => detect(bytes),
    };
    // A file named .pdf that is no PDF is most often a broken download or
    // a mislabelled file: say so rather than read it as something else.
    let named_pdf = path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if named_pdf && forced.is_none() && kind != InputKind::Pdf {
        return Err(Error::input(path, "named .pdf but is not a PDF (no %PDF header); use --input-kind text to read it as a text dump"));
    }
    match kind {
        InputKind::Pdf => {
            let mut extracted = pdf::read(path, bytes)?;
            ocr::apply(path, bytes, &mut extracted, ocr)?;
            Ok(extracted)
        }
        InputKind::Text | InputKind::Layout => {
            let text = text::decode(path, bytes)?;
            let kind = if forced.is_none() { text::detect_kind(&text) } else { kind };
            let pages = if kind == InputKind::Layout { layout::read(&text) } else { text::read(&text) };
            Ok(Extracted { kind, pages, warnings: Vec::new() })
        }
    }
}

/// Tells a PDF from a text dump by the magic number, never by the file name.
pub fn detect(bytes: &[u8]) -> InputKind {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        InputKind::Pdf
    } else {
        InputKind::Text
    }
}
