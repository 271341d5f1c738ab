//! Rewrites a loaded document so that pdf-extract's content interpreter sees
//! everything we need.
//!
//! pdf-extract runs content streams itself and has blind spots that matter
//! for tables printed from office suites:
//! - `f*`, `B`, `B*`, `b`, `b*` and `s` are ignored *without clearing the
//!   path*, so Word's `re f*` cell borders never reach the output device and
//!   pile up into the next painted path;
//! - the `'` and `"` text operators are ignored, losing their text;
//! - `Do` on an image XObject interprets the image bytes as a content
//!   stream, which can panic on a scanned page.
//!
//! Each is replaced by an equivalent it does handle.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId};

/// Applies all rewrites. `Err(n)`: page `n`'s content stream does not parse
/// (pdf-extract would panic on it).
pub fn prepare(doc: &mut Document, pages: &[(u32, ObjectId)]) -> Result<(), u32> {
    blank_out_images(doc);
    rewrite_form_xobjects(doc);
    for &(number, id) in pages {
        rewrite_page(doc, id).map_err(|()| number)?;
    }
    Ok(())
}

/// Empties every image XObject, so that `Do` on one runs an empty stream.
/// We read no pixels, so nothing is lost.
fn blank_out_images(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if has_subtype(&stream.dict, b"Image") {
                stream.set_plain_content(Vec::new());
            }
        }
    }
}

fn rewrite_form_xobjects(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if !has_subtype(&stream.dict, b"Form") {
            continue;
        }
        let Ok(bytes) = stream.get_plain_content() else { continue };
        if let Some(rewritten) = rewrite_bytes(&bytes) {
            stream.set_plain_content(rewritten);
        }
    }
}

/// Rewrites a page's (possibly multi-part) content into one new stream.
/// `Err` means the content does not parse.
///
/// Content that needs no change is stored too, decompressed: the page is
/// read right after this, and inflating its content a second time was a
/// tenth of reading it.
fn rewrite_page(doc: &mut Document, page: ObjectId) -> Result<(), ()> {
    let bytes = doc.get_page_content(page).map_err(|_| ())?;
    let rewritten = match swap_operators(&bytes) {
        Swap::Unchanged => bytes,
        Swap::Done(rewritten) => rewritten,
        Swap::NeedsParse => {
            let content = Content::decode(&bytes).map_err(|_| ())?;
            match rewrite_operations(&content.operations) {
                Some(operations) => Content { operations }.encode().map_err(|_| ())?,
                None => bytes,
            }
        }
    };
    let stream_id = doc.add_object(lopdf::Stream::new(lopdf::Dictionary::new(), rewritten));
    let dict = doc.get_dictionary_mut(page).map_err(|_| ())?;
    dict.set("Contents", Object::Reference(stream_id));
    Ok(())
}

/// `Some(new bytes)` if the stream parses and needed a rewrite.
fn rewrite_bytes(bytes: &[u8]) -> Option<Vec<u8>> {
    match swap_operators(bytes) {
        Swap::Unchanged => None,
        Swap::Done(rewritten) => Some(rewritten),
        Swap::NeedsParse => {
            let content = Content::decode(bytes).ok()?;
            let operations = rewrite_operations(&content.operations)?;
            Content { operations }.encode().ok()
        }
    }
}

/// What the byte-level rewrite could do with a content stream.
#[derive(Debug, PartialEq)]
enum Swap {
    /// No operator needs rewriting.
    Unchanged,
    /// Every operator that needed it was replaced in place.
    Done(Vec<u8>),
    /// A quote operator (its operands must move) or syntax the scanner does
    /// not follow: rewrite through a full parse.
    NeedsParse,
}

/// Replaces the fill and close-stroke operators token by token, without
/// parsing the stream into operations and encoding it back (which cost more
/// than the rest of reading a page). Only operands-free replacements are
/// done here; the quote operators fall back to the full parse.
fn swap_operators(bytes: &[u8]) -> Swap {
    let mut swaps: Vec<(usize, usize, &'static [u8])> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b if is_pdf_space(b) => i += 1,
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => match literal_string_end(bytes, i) {
                Some(end) => i = end,
                None => return Swap::NeedsParse,
            },
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => match bytes[i..].iter().position(|&c| c == b'>') {
                Some(end) => i += end + 1,
                None => return Swap::NeedsParse,
            },
            b'[' | b']' | b'{' | b'}' => i += 1,
            b'/' => {
                i += 1;
                while i < bytes.len() && is_pdf_regular(bytes[i]) {
                    i += 1;
                }
            }
            b')' | b'>' => return Swap::NeedsParse,
            _ => {
                let start = i;
                while i < bytes.len() && is_pdf_regular(bytes[i]) {
                    i += 1;
                }
                let token = &bytes[start..i];
                let replacement: Option<&'static [u8]> = match token {
                    b"f*" => Some(b"f"),
                    b"B" | b"B*" => Some(b"S"),
                    b"b" | b"b*" | b"s" => Some(b"h S"),
                    b"'" | b"\"" => return Swap::NeedsParse,
                    _ => None,
                };
                if let Some(r) = replacement {
                    swaps.push((start, i, r));
                }
                // Inline image data is binary: left to the full parse.
                if token == b"BI" {
                    return Swap::NeedsParse;
                }
            }
        }
    }
    if swaps.is_empty() {
        return Swap::Unchanged;
    }
    let mut out = Vec::with_capacity(bytes.len() + 2 * swaps.len());
    let mut at = 0;
    for (start, end, replacement) in swaps {
        out.extend_from_slice(&bytes[at..start]);
        out.extend_from_slice(replacement);
        at = end;
    }
    out.extend_from_slice(&bytes[at..]);
    Swap::Done(out)
}

/// The index just past the literal string that opens at `start` (balanced
/// parentheses, backslash escapes); `None` when it is not closed.
pub(super) fn literal_string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let &c = bytes.get(i)?;
        i += 1;
        match c {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
}

/// PDF white-space characters (ISO 32000-1, 7.2.2).
fn is_pdf_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

/// Neither white space nor a delimiter: part of a number, name or operator.
fn is_pdf_regular(b: u8) -> bool {
    !is_pdf_space(b) && !matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// `None` when no operation needs rewriting (the common case: no copy).
pub fn rewrite_operations(ops: &[Operation]) -> Option<Vec<Operation>> {
    if !ops.iter().any(|op| needs_rewrite(&op.operator)) {
        return None;
    }
    let mut out = Vec::with_capacity(ops.len() + 8);
    for op in ops {
        rewrite_one(op, &mut out);
    }
    Some(out)
}

fn needs_rewrite(operator: &str) -> bool {
    matches!(operator, "f*" | "B" | "B*" | "b" | "b*" | "s" | "'" | "\"")
}

fn rewrite_one(op: &Operation, out: &mut Vec<Operation>) {
    let operands = &op.operands;
    match op.operator.as_str() {
        // Even-odd and non-zero fill look the same to a ruling detector.
        "f*" => out.push(Operation::new("f", vec![])),
        // Fill-and-stroke: the stroke is what draws visible edges.
        "B" | "B*" => out.push(Operation::new("S", vec![])),
        "b" | "b*" | "s" => {
            out.push(Operation::new("h", vec![]));
            out.push(Operation::new("S", vec![]));
        }
        // `string '` is `T* string Tj`.
        "'" if operands.len() == 1 => {
            out.push(Operation::new("T*", vec![]));
            out.push(Operation::new("Tj", operands.clone()));
        }
        // `aw ac string "` is `aw Tw ac Tc string '`.
        "\"" if operands.len() == 3 => {
            out.push(Operation::new("Tw", vec![operands[0].clone()]));
            out.push(Operation::new("Tc", vec![operands[1].clone()]));
            out.push(Operation::new("T*", vec![]));
            out.push(Operation::new("Tj", vec![operands[2].clone()]));
        }
        _ => out.push(op.clone()),
    }
}

fn has_subtype(dict: &lopdf::Dictionary, subtype: &[u8]) -> bool {
    matches!(dict.get(b"Subtype"), Ok(Object::Name(name)) if name == subtype)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(src: &str) -> Vec<Operation> {
        Content::decode(src.as_bytes()).unwrap().operations
    }

    fn operators(ops: &[Operation]) -> Vec<&str> {
        ops.iter().map(|o| o.operator.as_str()).collect()
    }

    #[test]
    fn plain_content_is_left_alone() {
        assert!(rewrite_operations(&ops("BT /F1 9 Tf (a) Tj ET 0 0 m 10 0 l S")).is_none());
    }

    #[test]
    fn even_odd_fill_becomes_fill() {
        let out = rewrite_operations(&ops("0 0 100 0.5 re f*")).unwrap();
        assert_eq!(operators(&out), ["re", "f"]);
    }

    #[test]
    fn close_fill_stroke_becomes_close_stroke() {
        let out = rewrite_operations(&ops("0 0 m 10 0 l b")).unwrap();
        assert_eq!(operators(&out), ["m", "l", "h", "S"]);
    }

    /// The byte-level rewrite gives the operators the full parse gives.
    fn swapped_operators(src: &str) -> Vec<String> {
        let Swap::Done(bytes) = swap_operators(src.as_bytes()) else { panic!("no swap for {src:?}") };
        operators(&Content::decode(&bytes).unwrap().operations).iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn operators_are_swapped_in_place_outside_strings_names_and_comments() {
        let src = "0 0 100 0.5 re f* % b in a comment\nBT /F1 9 Tf (f* and \\) B ( nested ) s) Tj ET /s 1 d 0 0 m 10 0 l b <62> 2 J 0 0 m 1 1 l s B*";
        let want = operators(&rewrite_operations(&ops(src)).unwrap()).iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(swapped_operators(src), want);
        assert_eq!(swap_operators(b"BT (a b* f*) Tj ET 0 0 m 1 1 l S"), Swap::Unchanged);
    }

    #[test]
    fn quotes_and_inline_images_go_through_the_full_parse() {
        assert_eq!(swap_operators(b"BT (a) ' ET"), Swap::NeedsParse);
        assert_eq!(swap_operators(b"BI /W 1 /H 1 ID \x00b\xff EI"), Swap::NeedsParse);
        assert_eq!(swap_operators(b"BT (unclosed Tj ET"), Swap::NeedsParse);
    }

    #[test]
    fn quote_operators_become_next_line_and_show() {
        let out = rewrite_operations(&ops("BT (a) ' 1 2 (b) \" ET")).unwrap();
        assert_eq!(operators(&out), ["BT", "T*", "Tj", "Tw", "Tc", "T*", "Tj", "ET"]);
        assert_eq!(out[6].operands[0], Object::string_literal("b"));
    }
}
