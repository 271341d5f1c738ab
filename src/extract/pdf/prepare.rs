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

/// Rewrites a page's (possibly multi-part) content into one new stream if
/// anything needed changing. `Err` means the content does not parse.
fn rewrite_page(doc: &mut Document, page: ObjectId) -> Result<(), ()> {
    let bytes = doc.get_page_content(page).map_err(|_| ())?;
    let content = Content::decode(&bytes).map_err(|_| ())?;
    let Some(operations) = rewrite_operations(&content.operations) else {
        return Ok(());
    };
    let encoded = Content { operations }.encode().map_err(|_| ())?;
    let stream_id = doc.add_object(lopdf::Stream::new(lopdf::Dictionary::new(), encoded));
    let dict = doc.get_dictionary_mut(page).map_err(|_| ())?;
    dict.set("Contents", Object::Reference(stream_id));
    Ok(())
}

/// `Some(new bytes)` if the stream parses and needed a rewrite.
fn rewrite_bytes(bytes: &[u8]) -> Option<Vec<u8>> {
    let content = Content::decode(bytes).ok()?;
    let operations = rewrite_operations(&content.operations)?;
    Content { operations }.encode().ok()
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

    #[test]
    fn quote_operators_become_next_line_and_show() {
        let out = rewrite_operations(&ops("BT (a) ' 1 2 (b) \" ET")).unwrap();
        assert_eq!(operators(&out), ["BT", "T*", "Tj", "Tw", "Tc", "T*", "Tj", "ET"]);
        assert_eq!(out[6].operands[0], Object::string_literal("b"));
    }
}
