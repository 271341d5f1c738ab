//! Text dump reader: decoding, page splitting, and the flow/layout distinction.

use super::{InputKind, Line, Page, Word};
use crate::error::Error;
use std::path::Path;

/// Decodes a text dump: UTF-8 (with or without BOM), else Windows-1252,
/// which is what older Windows tools write. Binary data is rejected.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if bytes.contains(&0) || controls * 20 > bytes.len() {
        return Err(Error::input(path, "not a text file or a PDF (binary data)"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(s.into_owned())
        }
    }
}

/// A layout dump keeps columns apart with runs of spaces; a flow dump has
/// at most the odd double space. Decided on the share of lines with a wide gap.
pub fn detect_kind(text: &str) -> InputKind {
    let mut lines = 0usize;
    let mut gapped = 0usize;
    for l in text.lines() {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        if t.contains("    ") || l.starts_with("     ") {
            gapped += 1;
        }
    }
    if lines > 0 && gapped * 3 > lines {
        InputKind::Layout
    } else {
        InputKind::Text
    }
}

/// Splits the text at form feeds into pages and each line into words whose
/// `x` is the character column and `y` the line index within the page.
pub fn pages_of(text: &str, keep_blank: bool) -> Vec<Page> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut pages: Vec<Page> = text
        .split('\x0c')
        .enumerate()
        .map(|(i, chunk)| {
            let mut lines = Vec::new();
            for (y, raw) in chunk.lines().enumerate() {
                let line = words_of(raw, y as f32);
                if keep_blank || !line.is_blank() {
                    lines.push(line);
                }
            }
            Page { number: i as u32 + 1, width: 0.0, height: 0.0, lines, rulings: Vec::new() }
        })
        .collect();
    // A dump ends with a form feed: the empty chunk after it is no page.
    while pages.len() > 1 && pages.last().is_some_and(|p| p.lines.iter().all(Line::is_blank)) {
        pages.pop();
    }
    pages
}

fn words_of(raw: &str, y: f32) -> Line {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<char> = raw.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
    for (i, &c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        let space = c.is_whitespace() || c == '\u{a0}';
        match (space, start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let text: String = chars[s..i].iter().collect();
                words.push(Word { text, x0: s as f32, x1: i as f32, y0: y, y1: y + 1.0 });
                start = None;
            }
            _ => {}
        }
    }
    Line { words, open_end: raw.ends_with([' ', '\t']) && !raw.trim().is_empty() }
}

/// A flow dump: blank lines are kept, they separate cells.
pub fn read(text: &str) -> Vec<Page> {
    pages_of(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_windows_1252_decode() {
        let p = Path::new("x.txt");
        assert_eq!(decode(p, "Tujuan 1".as_bytes()).unwrap(), "Tujuan 1");
        assert_eq!(decode(p, b"Rp \x80 1").unwrap(), "Rp \u{20ac} 1");
        assert!(decode(p, b"\x00\x01\x02binary").is_err());
    }

    #[test]
    fn words_keep_their_columns() {
        let pages = pages_of("  Tujuan 1    Persen  7,1\n\x0cpage two\n\x0c", true);
        assert_eq!(pages.len(), 2);
        let w = &pages[0].lines[0].words;
        assert_eq!(w.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(), ["Tujuan", "1", "Persen", "7,1"]);
        assert_eq!(w[2].x0, 14.0);
    }

    #[test]
    fn kind_is_detected_from_gaps() {
        assert_eq!(detect_kind("a b\nc d\n"), InputKind::Text);
        assert_eq!(detect_kind("     Tujuan 1      Persen    7\n     x\n"), InputKind::Layout);
    }
}
