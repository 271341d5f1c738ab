//! OCR of scanned pages: page image → Tesseract → positioned words.
//!
//! A page of a scan has no text layer, only an image. Its image XObject is
//! decoded ([`image`], [`decode`]), recognised by the `tesseract` program
//! ([`tesseract`], which also says why we run the program rather than link
//! the library), and the words, mapped to PDF points, are grouped into
//! page-wide lines ([`lines`]) exactly like a text PDF's, so the same
//! reflow reads them. A tilted scan is levelled ([`deskew`]); table borders
//! are found in the image ([`rulings`]), given to the reflow as a text PDF's
//! rulings are, and erased before OCR; lone glyphs that Tesseract's sparse
//! mode drops are recovered from a paste-up ([`isolated`]), and ink no
//! word was read from ([`unread`]) and words of text read with doubt
//! ([`doubted_words`]) are read again on their own; numbers are
//! repaired or refused ([`repair`]), and refused ones read again alone
//! ([`reread`]).
//!
//! Pages are recognised in parallel, one single-threaded Tesseract process
//! each.

mod blobs;
mod decode;
mod deskew;
mod doubted_words;
mod image;
mod isolated;
mod lexicon;
mod lines;
mod raster;
mod repair;
mod reread;
mod rulings;
mod shape;
mod tesseract;
mod unread;

use super::pdf;
use super::{Extracted, Line, Ruling, Word};
use crate::error::Error;
use blobs::PixelBox;
use image::{PageImage, Placement};
use deskew::Level;
use isolated::PasteUp;
use lines::OcrWord;
use raster::Ink;
use rayon::prelude::*;
use std::path::Path;
use tesseract::{LineKey, TesseractError, TsvWord};

/// The mark OCR puts after a number Tesseract doubted ("140?"): the number
/// grammar refuses it, the plan's arithmetic may vouch for it.
pub use repair::{is_lone_stroke, is_mark_before_number, UNREADABLE_MARK};

/// A number OCR doubted and marked ("74?"): no value to give out.
pub fn is_doubted_number(word: &str) -> bool {
    word.strip_suffix(UNREADABLE_MARK).is_some_and(|n| n.chars().any(|c| c.is_ascii_digit()))
}

/// When to OCR a PDF page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OcrMode {
    /// Pages without a text layer (scans).
    #[default]
    Auto,
    /// Every page that shows an image, replacing its text layer (for a
    /// scan whose hidden text layer is bad).
    Always,
    /// No page: scans give empty pages.
    Never,
}

impl std::str::FromStr for OcrMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(OcrMode::Auto),
            "always" => Ok(OcrMode::Always),
            "never" => Ok(OcrMode::Never),
            other => Err(format!("unknown OCR mode '{other}' (expected auto, always or never)")),
        }
    }
}

/// What OCR found on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrPage {
    pub number: u32,
    pub lines: Vec<Line>,
    pub rulings: Vec<Ruling>,
}

/// OCRs the pages of `extracted` that `mode` asks for and puts their words
/// in place of the (missing) text layer.
///
/// Warnings: `ocr:page=N` replaces `no_text_layer:page=N` for every page
/// read by OCR; `ocr_image_unreadable:page=N` when the page image is in an
/// encoding we cannot decode (CCITT fax, JBIG2, JPEG 2000), damaged, or
/// drawn at an angle; `ocr_unavailable:page=N` when Tesseract is
/// missing but other pages have text (with no text anywhere, a missing
/// Tesseract is an error naming the Debian package).
pub fn apply(path: &Path, bytes: &[u8], extracted: &mut Extracted, mode: OcrMode) -> Result<(), Error> {
    let wanted: Vec<u32> = extracted
        .pages
        .iter()
        .filter(|p| match mode {
            OcrMode::Never => false,
            OcrMode::Always => true,
            OcrMode::Auto => p.lines.is_empty(),
        })
        .map(|p| p.number)
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let (pages, warnings) = match ocr_pages(path, bytes, &wanted) {
        Ok(done) => done,
        Err(OcrError::Tesseract(TesseractError::Missing(_))) if mode == OcrMode::Auto && has_text(extracted) => {
            extracted.warnings.extend(wanted.iter().map(|n| format!("ocr_unavailable:page={n}")));
            return Ok(());
        }
        Err(e) => return Err(e.into_error(path)),
    };
    extracted.warnings.extend(warnings);
    for ocr in pages {
        merge_page(extracted, ocr);
    }
    Ok(())
}

fn has_text(extracted: &Extracted) -> bool {
    extracted.pages.iter().any(|p| !p.lines.is_empty())
}

/// Puts an OCR'd page in place of the text layer's and swaps its warning.
fn merge_page(extracted: &mut Extracted, ocr: OcrPage) {
    let n = ocr.number;
    let Some(page) = extracted.pages.iter_mut().find(|p| p.number == n) else { return };
    page.lines = ocr.lines;
    if page.rulings.is_empty() {
        page.rulings = ocr.rulings;
    }
    let no_text = format!("no_text_layer:page={n}");
    extracted.warnings.retain(|w| *w != no_text);
    extracted.warnings.push(format!("ocr:page={n}"));
}

/// Why OCR failed for the document as a whole.
#[derive(Debug)]
pub enum OcrError {
    /// The PDF itself cannot be read.
    Pdf(Error),
    Tesseract(TesseractError),
    /// The page image could not be written for Tesseract.
    Io(std::io::Error),
}

impl OcrError {
    fn into_error(self, path: &Path) -> Error {
        match self {
            OcrError::Pdf(e) => e,
            OcrError::Tesseract(e) => Error::input(path, e.to_string()),
            OcrError::Io(e) => Error::input(path, format!("OCR: cannot write the page image: {e}")),
        }
    }
}

/// Recognises the given pages (1-based numbers) of a PDF. Returns the pages
/// that show an image, with lines and rulings in points, and warnings for
/// pages whose image could not be decoded; pages without an image are left
/// out.
pub fn ocr_pages(path: &Path, bytes: &[u8], numbers: &[u32]) -> Result<(Vec<OcrPage>, Vec<String>), OcrError> {
    let (doc, refs) = pdf::open(path, bytes).map_err(OcrError::Pdf)?;
    let mut warnings = Vec::new();
    let mut images: Vec<(u32, PageImage, (f32, f32))> = Vec::new();
    for page in refs.iter().filter(|p| numbers.contains(&p.number)) {
        let Some(frame) = pdf::page_frame(&doc, page) else { continue };
        let (width, height) = frame.size();
        match image::page_image(&doc, page, &frame) {
            Ok(Some(image)) => images.push((page.number, image, (width as f32, height as f32))),
            Ok(None) => {}
            Err(_) => warnings.push(format!("ocr_image_unreadable:page={}", page.number)),
        }
    }
    let mut pages = images
        .into_par_iter()
        .map(|(number, image, size)| recognise_page(number, image, size))
        .collect::<Result<Vec<OcrPage>, OcrError>>()?;
    lexicon::correct_misreadings(&mut pages);
    Ok((pages, warnings))
}

/// One page through Tesseract: the page image and the paste-up of its lone
/// glyphs go to one process as a two-image input.
fn recognise_page(number: u32, image: PageImage, (width, height): (f32, f32)) -> Result<OcrPage, OcrError> {
    let PageImage { mut gray, mut placement } = image;
    let mut ink = gray.ink();
    placement.level = Level::new(deskew::skew_degrees(&ink), gray.width, gray.height);
    let glyph_height = blobs::typical_height(&blobs::components(&ink)).unwrap_or(10.0);
    let borders = rulings::find(&ink, glyph_height);
    borders.erase(&mut gray, &mut ink);
    let components = blobs::components(&ink);
    let lone = isolated::lone_glyphs(&components, glyph_height);
    let paste_up = isolated::paste_up(&gray, &lone);
    let dir = tempfile::Builder::new().prefix("rencana-ocr").tempdir().map_err(OcrError::Io)?;
    let mut inputs = vec![dir.path().join("page.pgm")];
    std::fs::write(&inputs[0], gray.to_pgm()).map_err(OcrError::Io)?;
    if let Some(up) = &paste_up {
        inputs.push(dir.path().join("lone.pgm"));
        std::fs::write(&inputs[1], up.image.to_pgm()).map_err(OcrError::Io)?;
    }
    let list = dir.path().join("images.txt");
    tesseract::write_list(&list, &inputs).map_err(OcrError::Io)?;
    let mut words = tesseract::recognise(&list, placement.dpi()).map_err(OcrError::Tesseract)?;
    words.retain(|w| !is_flat_mark(w, glyph_height) && !is_tall_stroke(w, glyph_height) && !is_border_remnant(w, &borders));
    if let Some(up) = &paste_up {
        let glyphs = reread::doubted_glyphs(&words, up, &placement);
        words.extend(glyphs);
    }
    // Ink of text size no word was read from, and words of text read with
    // doubt: read again on their own, in one run.
    let unread = unread::unread_ink(&components, &words, &lone, glyph_height);
    let doubted_words = doubted_words::doubted_words(&words);
    let mut read_as_numbers = Vec::new();
    if !unread.is_empty() || !doubted_words.is_empty() {
        let boxes: Vec<PixelBox> = unread.iter().copied().chain(doubted_words.iter().map(|(_, cut)| *cut)).collect();
        let mut read = isolated::read_alone(&boxes, &gray, dir.path(), placement.dpi(), "alone").map_err(OcrError::Tesseract)?;
        let again = read.split_off(unread.len());
        read_as_numbers = doubted_words::believe(&mut words, &doubted_words, again);
        let found = unread::words_read(read);
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            eprintln!("page {number}: unread ink {unread:?} read as {:?}", found.iter().map(|w| (&w.text, w.conf)).collect::<Vec<_>>());
        }
        words.extend(found);
    }
    let mut doubted = reread::doubted(&words, &placement);
    doubted.retain(|i| !read_as_numbers.contains(i));
    if !doubted.is_empty() {
        reread::reread(&mut words, &doubted, &gray, &placement, dir.path()).map_err(OcrError::Tesseract)?;
    }
    believe_zero_shaped(&mut words, &ink, &placement);
    doubt_numbers_with_a_space(&mut words, &ink);
    let words = page_words(words, paste_up.as_ref(), &placement);
    Ok(OcrPage {
        number,
        lines: lines::build_lines(words),
        rulings: pdf::merge_rulings(borders.rulings(&placement), width, height),
    })
}

/// Below this share of the typical glyph height a word's box holds no
/// letter or digit (the x-height is the lowest a letter stands).
const FLAT: f32 = 0.3;

/// A word of letters or digits in a box too flat for any: a border's
/// remnant read as text ("I" in a box 0 pixels high beside a header cell,
/// which became a column of its own and took the PENANGGUNG JAWAB cells).
/// Marks stay: a dash is flat and is a value.
fn is_flat_mark(w: &TsvWord, glyph_height: f32) -> bool {
    // "|" too: a stroke is read as the numeral I.
    w.image == 1 && w.text.chars().any(|c| c.is_alphanumeric() || c == '|') && (w.height as f32) < FLAT * glyph_height
}

/// Above this share of the typical glyph height (about the x-height) a
/// single stroke is no glyph: a capital or an ascender stands about 1.4
/// x-heights tall, a digit too.
const TALLER_THAN_GLYPHS: f32 = 2.2;

/// A word of one stroke ("I", "l", "|", "1") in a box far taller than any
/// glyph: what erasing the rulings left of one, where a border runs on
/// past the table's last row (three "I" 3 x-heights tall under a held-out
/// scan's table; taken as the row's text, they made its values unreadable).
fn is_tall_stroke(w: &TsvWord, glyph_height: f32) -> bool {
    let one_stroke = repair::is_lone_stroke(&w.text) || matches!(w.text.as_str(), "1" | "i" | "j");
    w.image == 1 && one_stroke && (w.height as f32) > TALLER_THAN_GLYPHS * glyph_height
}

/// A stroke read as a word ("I", "l", "|") where a vertical border was
/// erased: what erasing left of it, not a glyph (gen78's scan put an "I"
/// after a node's name and a unit, "Fungsi I", "Orang I", from the border
/// the cells end at). A numeral over a quarter's column stands in the
/// cell's middle, away from its borders.
fn is_border_remnant(w: &TsvWord, borders: &rulings::Borders) -> bool {
    w.image == 1 && repair::is_lone_stroke(&w.text) && borders.vertical_through(&w.pixel_box())
}

/// A gap inside a number this share of its height wide or wider is a
/// space: the number is two words read as one. Between the glyphs of the
/// numbers read right on the held-out scans the widest gap came at 0.25
/// of the digits' height; a sign read as a digit beside its number ("≥
/// 85" read "285", "≤ 2,5" read "32,5") or two cells run together
/// ("100" and "3" read "1003") at 0.33 and more.
const SPACE_IN_NUMBER: f32 = 0.3;

/// Numbers read across a space are not given out: Tesseract's "285" for
/// "≥ 85", read with full confidence, would be a wrong target in every
/// quarter. Marked doubted, the cell is left empty with a warning.
fn doubt_numbers_with_a_space(words: &mut [TsvWord], ink: &Ink) {
    for w in words.iter_mut().filter(|w| w.image == 1 && crate::parse::number::is_number(&w.text)) {
        let b = w.pixel_box();
        let gap = widest_inner_gap(ink, &b) as f32;
        if gap >= SPACE_IN_NUMBER * b.height().max(1) as f32 {
            w.text.push(repair::UNREADABLE_MARK);
        }
    }
}

/// The widest run of blank pixel columns between two inked ones inside
/// the box: the space between two glyphs, or between two words read as one.
fn widest_inner_gap(ink: &Ink, b: &PixelBox) -> usize {
    let inked = |x: usize| (b.top..=b.bottom.min(ink.height - 1)).any(|y| ink.dots[y * ink.width + x]);
    let mut widest = 0;
    // Blank columns since the last inked one; none before the first.
    let mut run: Option<usize> = None;
    for x in b.left..=b.right.min(ink.width - 1) {
        if inked(x) {
            widest = widest.max(run.unwrap_or(0));
            run = Some(0);
        } else if let Some(r) = run.as_mut() {
            *r += 1;
        }
    }
    widest
}

/// Lone zeros Tesseract doubted, even read again, whose ink is shaped as
/// a zero ([`shape`]): given the confidence a number needs. So too a lone
/// glyph read as a round letter among strokes ("jo)", "0}") that its
/// second reading could not read at all: its ink decides.
fn believe_zero_shaped(words: &mut [TsvWord], ink: &Ink, placement: &Placement) {
    let doubted_zero = |w: &TsvWord| (w.text == "0" && w.conf < repair::MIN_NUMBER_CONF) || reread::is_zero_in_specks(&w.text, reread::size_in_points(w, placement));
    for w in words.iter_mut().filter(|w| w.image == 1 && doubted_zero(w)) {
        // A pixel of paper around the glyph: its outline closes inside the box.
        if shape::is_zero_shaped(ink, &reread::box_around(w, 1, (ink.width, ink.height))) {
            w.text = "0".to_string();
            w.conf = repair::MIN_NUMBER_CONF;
        }
    }
}

/// Tesseract's words in page points, repaired, with the lone glyphs read
/// from the paste-up added where the page reading has nothing.
fn page_words(words: Vec<TsvWord>, paste_up: Option<&PasteUp>, placement: &Placement) -> Vec<OcrWord> {
    let (on_page, on_paste_up): (Vec<TsvWord>, Vec<TsvWord>) = words.into_iter().partition(|w| w.image == 1);
    let mut boxes: Vec<PixelBox> = on_page.iter().map(TsvWord::pixel_box).collect();
    let mut out: Vec<OcrWord> =
        on_page.iter().flat_map(|w| ocr_words(&w.text, w.conf, &w.pixel_box(), w.line_key(), placement)).collect();
    let Some(paste_up) = paste_up else { return out };
    for (i, word) in on_paste_up.iter().enumerate() {
        for (glyph, text) in paste_up.place(word) {
            if boxes.iter().any(|b| b.intersects(&glyph)) {
                continue;
            }
            boxes.push(glyph);
            // Each recovered glyph is a Tesseract line of its own.
            let key = (word.image, u32::MAX, i as u32, glyph.left as u32);
            out.extend(ocr_words(&text, word.conf, &glyph, key, placement));
        }
    }
    out
}

/// The repaired word in points; a repair that splits it ("nil" → "n II")
/// gives two words sharing the box in proportion to their lengths.
fn ocr_words(text: &str, conf: f32, b: &PixelBox, line_key: LineKey, placement: &Placement) -> Vec<OcrWord> {
    if repair::is_speck(text, conf) {
        return Vec::new();
    }
    let (x0, y0, x1, y1) = placement.points(b.left as f64, b.top as f64, b.width() as f64, b.height() as f64);
    if repair::is_speck_dash(text, x1 - x0) {
        return Vec::new();
    }
    let repaired = repair::repair(text, conf, ((x1 - x0), (y1 - y0)));
    let total = repaired.chars().count().max(1) as f32;
    let mut start = 0;
    repaired
        .split(' ')
        .map(|part| {
            let end = start + part.chars().count();
            let at = |i: usize| x0 + (x1 - x0) * i as f32 / total;
            let word = Word { text: part.to_string(), x0: at(start), x1: at(end), y0, y1 };
            start = end + 1;
            OcrWord { word, line_key }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{InputKind, Page};

    const HALF: Placement = Placement { x0: 0.0, y0: 0.0, sx: 0.5, sy: 0.5, level: Level::NONE };

    fn tsv(image: u32, line: u32, (left, top, width, height): (u32, u32, u32, u32), conf: f32, text: &str) -> TsvWord {
        TsvWord { image, block: 1, par: 1, line, left, top, width, height, conf, text: text.into() }
    }

    #[test]
    fn page_words_are_placed_in_points_and_repaired() {
        let words = page_words(vec![tsv(1, 1, (100, 200, 40, 20), 95.0, "1O0"), tsv(1, 1, (150, 200, 40, 20), 50.0, "225")], None, &HALF);
        let texts: Vec<&str> = words.iter().map(|w| w.word.text.as_str()).collect();
        assert_eq!(texts, vec!["100", "225?"]);
        let w = &words[0].word;
        assert_eq!((w.x0, w.y0, w.x1, w.y1), (50.0, 100.0, 70.0, 110.0));
    }

    #[test]
    fn a_split_repair_gives_two_words() {
        let words = page_words(vec![tsv(1, 1, (100, 200, 60, 20), 93.0, "nil")], None, &HALF);
        let parts: Vec<(&str, f32, f32)> = words.iter().map(|w| (w.word.text.as_str(), w.word.x0, w.word.x1)).collect();
        assert_eq!(parts, vec![("n", 50.0, 57.5), ("II", 65.0, 80.0)]);
    }

    #[test]
    fn lone_glyph_readings_fill_gaps_only() {
        let page = raster::Gray::blank(400, 100);
        let read_on_page = PixelBox { left: 10, top: 10, right: 20, bottom: 30 };
        let dropped_by_page = PixelBox { left: 300, top: 10, right: 310, bottom: 30 };
        let up = isolated::paste_up(&page, &[read_on_page, dropped_by_page]).unwrap();
        // Find where the paste-up put each glyph by reading a word over each.
        let slot = |i: usize| {
            let (l, t, r, b) = up.slot_box(i);
            (l as u32, t as u32, (r - l) as u32, (b - t) as u32)
        };
        let words = vec![
            tsv(1, 1, (10, 10, 10, 20), 96.0, "2"),
            tsv(2, 1, slot(0), 90.0, "7"),
            tsv(2, 1, slot(1), 90.0, "0"),
        ];
        let words = page_words(words, Some(&up), &HALF);
        let texts: Vec<&str> = words.iter().map(|w| w.word.text.as_str()).collect();
        assert_eq!(texts, vec!["2", "0"]);
        assert_eq!(words[1].word.x0, 150.0);
    }

    #[test]
    fn an_ocr_page_replaces_the_no_text_layer_warning() {
        let mut extracted = Extracted {
            kind: InputKind::Pdf,
            pages: vec![Page { number: 1, width: 100.0, height: 100.0, ..Page::default() }],
            warnings: vec!["no_text_layer:page=1".into()],
        };
        let line = Line { words: vec![Word { text: "x".into(), x0: 0.0, x1: 1.0, y0: 0.0, y1: 1.0 }], open_end: false };
        merge_page(&mut extracted, OcrPage { number: 1, lines: vec![line.clone()], rulings: Vec::new() });
        assert_eq!(extracted.warnings, vec!["ocr:page=1".to_string()]);
        assert_eq!(extracted.pages[0].lines, vec![line]);
    }

    #[test]
    fn a_flat_box_holds_no_letter_but_may_hold_a_dash() {
        let typical = 10.0;
        assert!(is_flat_mark(&tsv(1, 1, (560, 93, 4, 0), 40.0, "I"), typical));
        assert!(is_flat_mark(&tsv(1, 1, (560, 93, 4, 1), 40.0, "|"), typical));
        assert!(!is_flat_mark(&tsv(1, 1, (560, 93, 8, 2), 90.0, "-"), typical));
        assert!(!is_flat_mark(&tsv(1, 1, (560, 90, 4, 14), 90.0, "I"), typical));
    }

    #[test]
    fn a_stroke_taller_than_glyphs_is_a_border_remnant() {
        let typical = 10.0;
        assert!(is_tall_stroke(&tsv(1, 1, (560, 90, 3, 36), 60.0, "I"), typical));
        assert!(is_tall_stroke(&tsv(1, 1, (560, 90, 3, 30), 60.0, "1"), typical));
        // A capital I or a 1 as printed, and a tall word of text, stay.
        assert!(!is_tall_stroke(&tsv(1, 1, (560, 90, 4, 14), 90.0, "I"), typical));
        assert!(!is_tall_stroke(&tsv(1, 1, (560, 90, 6, 15), 90.0, "1"), typical));
        assert!(!is_tall_stroke(&tsv(1, 1, (560, 90, 30, 36), 60.0, "Il"), typical));
    }

    #[test]
    fn ocr_modes_parse() {
        assert_eq!("ALWAYS".parse::<OcrMode>(), Ok(OcrMode::Always));
        assert_eq!(OcrMode::default(), OcrMode::Auto);
        assert!("sometimes".parse::<OcrMode>().is_err());
    }

    #[test]
    fn a_number_read_across_a_space_is_doubted() {
        // "285" as three glyphs 8 pixels wide, 20 high: 2 pixels between
        // them ("285" printed), or 7 after the first ("≥ 85" read so).
        let glyphs = |gap: usize| Ink::with_rects(60, 30, &[(5, 5, 8, 20), (13 + gap, 5, 8, 20), (23 + gap, 5, 8, 20)]);
        let word = |text: &str| tsv(1, 1, (4, 5, 40, 20), 95.0, text);
        let mut words = [word("285"), word("285")];
        doubt_numbers_with_a_space(&mut words[..1], &glyphs(2));
        doubt_numbers_with_a_space(&mut words[1..], &glyphs(7));
        assert_eq!(words[0].text, "285");
        assert_eq!(words[1].text, "285?");
        // Words that are no number are left alone.
        let mut text = [word("Bab")];
        doubt_numbers_with_a_space(&mut text, &glyphs(7));
        assert_eq!(text[0].text, "Bab");
    }
}
