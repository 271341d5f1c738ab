//! PDF reader: glyphs with positions → words → lines, plus ruling lines.
//!
//! lopdf loads (and decrypts) the file; our content-stream interpreter
//! ([`interpret`]) runs each page and decodes its fonts, reporting each
//! glyph and painted path to our output device ([`device`]); a page it does
//! not support (unusual fonts or syntax) is interpreted by pdf-extract
//! instead, into the same device. We then group glyphs into words and lines
//! ([`words`]) and paths into rulings ([`rulings`]). pdf-extract panics on
//! some real-world PDFs, so every call into it runs under [`guard`].

mod cmap_tokens;
mod device;
mod fonts;
mod frame;
mod glyph;
mod guard;
mod interpret;
mod load;
mod prepare;
mod rulings;
mod words;

#[cfg(test)]
mod tests;

use super::{Extracted, InputKind, Page};
use crate::error::Error;
use device::PageCollector;
use glyph::GlyphText;
use guard::catch_quietly;
pub(crate) use load::PageRef;
use lopdf::Document;
use rayon::prelude::*;
use std::path::Path;

/// Reads a PDF's text layer and rulings, page by page.
///
/// Warnings: `undecodable_text:page=N` when glyphs without usable Unicode
/// were dropped; `no_text_layer:page=N` when a page has no usable text at
/// all (a scan, or only undecodable glyphs), for a later OCR pass.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Extracted, Error> {
    read_with(path, bytes, Fonts::Simplified)
}

/// Whether fonts are made cheaper to build before reading ([`fonts`]:
/// ToUnicode maps translated into encodings, TrueType programs dropped);
/// only the tests that check this changes nothing read without it.
#[derive(Clone, Copy, PartialEq)]
enum Fonts {
    Simplified,
    #[cfg(test)]
    AsPrinted,
}

/// Which interpreter reads the pages: ours (falling back to pdf-extract
/// page by page), or pdf-extract for every page (the tests' reference).
#[derive(Clone, Copy, PartialEq)]
enum Engine {
    Own,
    #[cfg(test)]
    PdfExtract,
}

fn read_with(path: &Path, bytes: &[u8], fonts_prep: Fonts) -> Result<Extracted, Error> {
    read_counted(path, bytes, fonts_prep, Engine::Own).map(|(extracted, _)| extracted)
}

/// Reads the document; also says how many pages our interpreter read.
fn read_counted(path: &Path, bytes: &[u8], fonts_prep: Fonts, engine: Engine) -> Result<(Extracted, usize), Error> {
    let mut doc = load::load(path, bytes)?;
    let page_refs = load::pages(path, &doc)?;
    prepare_document(path, &mut doc, &page_refs)?;
    if fonts_prep == Fonts::Simplified {
        catch_quietly(|| {
            fonts::translate_unicode_maps(&mut doc);
            fonts::drop_truetype_programs(&mut doc);
        })
        .map_err(|panic| could_not_read(path, &panic))?;
    }
    // Pages are independent once the document is loaded: read them on all
    // cores (in a batch, rayon shares the cores between files and pages).
    // Results come back in page order, so the output does not depend on it.
    let fonts = interpret::FontCache::default();
    // Each page, whether our interpreter read it, and its warnings.
    type PageRead = (Page, bool, Vec<String>);
    let read: Vec<Result<PageRead, Error>> = page_refs
        .par_iter()
        .map(|page_ref| {
            let mut warnings = Vec::new();
            read_page(path, &doc, page_ref, &fonts, engine, &mut warnings).map(|(page, own)| (page, own, warnings))
        })
        .collect();
    let mut pages = Vec::with_capacity(read.len());
    let mut warnings = Vec::new();
    let mut own_pages = 0;
    // The first failing page in page order names the error, as one by one.
    for result in read {
        let (page, own, page_warnings) = result?;
        pages.push(page);
        own_pages += usize::from(own);
        warnings.extend(page_warnings);
    }
    Ok((Extracted { kind: InputKind::Pdf, pages, warnings }, own_pages))
}

/// Hooks for the OCR reader ([`crate::extract::ocr`]), which needs the
/// document's image objects and the same page geometry and ruling merge as
/// this reader.
pub(crate) use frame::PageFrame;
pub(crate) use rulings::merge as merge_rulings;

/// The loaded (decrypted) document and its pages.
pub(crate) fn open(path: &Path, bytes: &[u8]) -> Result<(Document, Vec<PageRef>), Error> {
    let doc = load::load(path, bytes)?;
    let pages = load::pages(path, &doc)?;
    Ok((doc, pages))
}

/// The displayed frame of a page, from its (inheritable) /MediaBox.
pub(crate) fn page_frame(doc: &Document, page: &PageRef) -> Option<PageFrame> {
    let [llx, lly, urx, ury] = load::media_box(doc, page.id)?;
    Some(PageFrame::new(llx, lly, urx, ury, page.rotate))
}

fn prepare_document(path: &Path, doc: &mut Document, pages: &[PageRef]) -> Result<(), Error> {
    let numbered: Vec<_> = pages.iter().map(|p| (p.number, p.id)).collect();
    catch_quietly(|| prepare::prepare(doc, &numbered))
        .map_err(|panic| could_not_read(path, &panic))?
        .map_err(|n| load::damaged(path, &format!("page {n} has an unreadable content stream")))
}

/// One page, and whether our interpreter (not pdf-extract) read it.
fn read_page(
    path: &Path,
    doc: &Document,
    page_ref: &PageRef,
    fonts: &interpret::FontCache,
    engine: Engine,
    warnings: &mut Vec<String>,
) -> Result<(Page, bool), Error> {
    let number = page_ref.number;
    let mut collector = PageCollector::new(page_ref.rotate);
    // Ours first; what it refuses (or, defensively, panics on) is read
    // afresh by pdf-extract, so nothing of the refused attempt is kept.
    let own = engine == Engine::Own
        && matches!(
            catch_quietly(|| interpret::interpret_page(doc, page_ref.id, number, fonts, &mut collector)),
            Ok(Ok(()))
        );
    if !own {
        collector = PageCollector::new(page_ref.rotate);
        catch_quietly(|| pdf_extract::output_doc_page(doc, &mut collector, number))
            .map_err(|panic| could_not_read(path, &format!("page {number}: {panic}")))?
            .map_err(|e| load::damaged(path, &format!("page {number}: {e}")))?;
    }
    let Some(frame) = collector.frame else {
        return Err(load::damaged(path, &format!("page {number} has no media box")));
    };
    let (width, height) = frame.size();
    let decodable = collector.glyphs.iter().filter(|g| matches!(g.text, GlyphText::Chars(_))).count();
    let undecodable = collector.glyphs.iter().filter(|g| g.text == GlyphText::Undecodable).count();
    if undecodable > 0 {
        warnings.push(format!("undecodable_text:page={number}"));
    }
    if decodable == 0 {
        warnings.push(format!("no_text_layer:page={number}"));
    }
    let page = Page {
        number,
        width: width as f32,
        height: height as f32,
        lines: words::build_lines(collector.glyphs),
        rulings: rulings::merge(collector.rulings, width as f32, height as f32),
    };
    Ok((page, own))
}

fn could_not_read(path: &Path, detail: &str) -> Error {
    Error::input(path, format!("could not read the PDF: {detail}"))
}
