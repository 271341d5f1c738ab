//! Loading a PDF with lopdf: header check, decryption, the page list.
//! Every failure becomes one readable line naming the file.

use super::guard::catch_quietly;
use crate::error::Error;
use lopdf::{Document, Object, ObjectId};
use std::path::Path;

/// Where to look for the `%PDF-` marker; some producers put junk before it.
const HEADER_WINDOW: usize = 1024;

/// One page to extract.
#[derive(Debug, Clone, Copy)]
pub struct PageRef {
    /// 1-based, as pdf-extract numbers pages.
    pub number: u32,
    pub id: ObjectId,
    /// The page's /Rotate, normalised to 0, 90, 180 or 270.
    pub rotate: u16,
}

/// Parses and, if needed, decrypts the document.
pub fn load(path: &Path, bytes: &[u8]) -> Result<Document, Error> {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Error::input(path, "not a PDF (no %PDF header)"));
    }
    let loaded = catch_quietly(|| Document::load_mem(bytes)).map_err(|panic| damaged(path, &panic))?;
    let mut doc = loaded.map_err(|e| load_error(path, e))?;
    // lopdf already tries the empty user password while loading; a document
    // still marked encrypted here needs a real password, but try once more
    // in case the load-time attempt was skipped.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(needs_password(path));
    }
    Ok(doc)
}

/// The pages in order, or an error if there are none.
pub fn pages(path: &Path, doc: &Document) -> Result<Vec<PageRef>, Error> {
    if page_tree(doc).is_none() {
        return Err(damaged(path, "no page tree (catalog or /Pages missing)"));
    }
    let pages: Vec<PageRef> =
        doc.get_pages().into_iter().map(|(number, id)| PageRef { number, id, rotate: rotation(doc, id) }).collect();
    if pages.is_empty() {
        return Err(Error::input(path, "the PDF has no pages"));
    }
    Ok(pages)
}

/// The page's /MediaBox as [llx, lly, urx, ury]; inheritable like /Rotate.
pub fn media_box(doc: &Document, page: ObjectId) -> Option<[f64; 4]> {
    let values = inherited(doc, page, b"MediaBox")?.as_array().ok()?;
    let mut corners = [0.0; 4];
    for (slot, value) in corners.iter_mut().zip(values) {
        let value = doc.dereference(value).ok()?.1;
        *slot = f64::from(value.as_float().ok()?);
    }
    (values.len() == 4).then_some(corners)
}

fn page_tree(doc: &Document) -> Option<&lopdf::Dictionary> {
    let catalog = doc.catalog().ok()?;
    let pages = catalog.get(b"Pages").ok()?;
    doc.dereference(pages).ok()?.1.as_dict().ok()
}

/// /Rotate is inheritable from the page tree; lopdf does not resolve that.
fn rotation(doc: &Document, page: ObjectId) -> u16 {
    let degrees = inherited(doc, page, b"Rotate").and_then(|o| o.as_i64().ok()).unwrap_or(0);
    degrees.rem_euclid(360) as u16 / 90 * 90
}

fn inherited<'a>(doc: &'a Document, node: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut dict = doc.get_dictionary(node).ok()?;
    // The depth bound guards against /Parent cycles in damaged files.
    for _ in 0..64 {
        if let Ok(value) = dict.get(key) {
            return doc.dereference(value).ok().map(|(_, o)| o);
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn load_error(path: &Path, e: lopdf::Error) -> Error {
    match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => needs_password(path),
        lopdf::Error::UnsupportedSecurityHandler(_) => {
            Error::input(path, "the PDF is encrypted with an unsupported security handler")
        }
        other => damaged(path, &other.to_string()),
    }
}

fn needs_password(path: &Path) -> Error {
    Error::input(path, "the PDF is encrypted and needs a password")
}

pub fn damaged(path: &Path, detail: &str) -> Error {
    Error::input(path, format!("the PDF is truncated or damaged: {detail}"))
}
