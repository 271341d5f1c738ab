//! End-to-end tests of [`read`](super::read) on small PDFs built in memory.
//!
//! Text is set in Courier (every glyph 0.6 em wide), so positions are easy
//! to work out: at 10 pt each character is 6 pt wide, and a baseline at
//! user-space y on an 800 pt page is at 800 - y on the displayed page.

use super::read;
use crate::extract::{Extracted, InputKind, Line, Ruling};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
use std::path::Path;

const PAGE_W: f32 = 600.0;
const PAGE_H: f32 = 800.0;

/// Builds a document of one page per content string, all sharing fonts F1
/// (Courier) and F2 (a CID font with no ToUnicode map).
fn build(contents: &[&str], page_extra: Dictionary) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let courier = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier", "Encoding" => "WinAnsiEncoding",
    });
    let cid_font = add_undecodable_font(&mut doc);
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
        },
        b"\xff\xd8 not really a jpeg (BT ) Tj [ << >> ET".to_vec(),
    ));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => courier, "F2" => cid_font },
        "XObject" => dictionary! { "Im0" => image },
    });
    let mut kids = Vec::new();
    for content in contents {
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
        let mut page = dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
        };
        for (k, v) in page_extra.iter() {
            page.set(k.clone(), v.clone());
        }
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let count = kids.len() as i64;
    doc.objects
        .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

/// A Type0 font with Identity-H encoding and no ToUnicode: its glyphs
/// cannot be turned into text.
fn add_undecodable_font(doc: &mut Document) -> ObjectId {
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "Subset+Mystery", "Flags" => 4,
        "FontBBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()],
        "ItalicAngle" => 0, "Ascent" => 800, "Descent" => -200, "CapHeight" => 700, "StemV" => 80,
    });
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Subset+Mystery",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor, "DW" => 600,
    });
    doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Subset+Mystery",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
    })
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("in-memory save");
    bytes
}

fn pdf(contents: &[&str]) -> Vec<u8> {
    save(build(contents, Dictionary::new()))
}

fn read_ok(bytes: &[u8]) -> Extracted {
    read(Path::new("test.pdf"), bytes).expect("readable test PDF")
}

fn read_err(bytes: &[u8]) -> String {
    read(Path::new("test.pdf"), bytes).expect_err("unreadable test PDF").to_string()
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::text).collect()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.01
}

const TABLE: &str = "
BT /F1 10 Tf 100 700 Td (Hello World) Tj ET
BT /F1 10 Tf 300 700 Td (Right) Tj ET
BT /F1 10 Tf 100 680 Td (Second line) Tj ET
0.5 w 90 710 m 400 710 l S
90 720 m 90 670 l S
90 690 310 0.5 re f
";

#[test]
fn words_have_positions_in_points_from_the_top() {
    let out = read_ok(&pdf(&[TABLE]));
    assert_eq!(out.kind, InputKind::Pdf);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    let page = &out.pages[0];
    assert_eq!((page.number, page.width, page.height), (1, PAGE_W, PAGE_H));
    assert_eq!(texts(&page.lines), ["Hello World Right", "Second line"]);
    let hello = &page.lines[0].words[0];
    assert_eq!(hello.text, "Hello");
    assert!(close(hello.x0, 100.0) && close(hello.x1, 130.0), "{hello:?}");
    assert!(close(hello.y0, 92.0) && close(hello.y1, 102.0), "{hello:?}");
    let world = &page.lines[0].words[1];
    assert!(close(world.x0, 136.0) && close(world.x1, 166.0), "{world:?}");
    assert!(close(page.lines[0].words[2].x0, 300.0));
}

#[test]
fn stroked_lines_and_thin_filled_rectangles_become_rulings() {
    let page = &read_ok(&pdf(&[TABLE])).pages[0];
    let expected = [
        Ruling { x0: 90.0, y0: 90.0, x1: 400.0, y1: 90.0 },
        Ruling { x0: 90.0, y0: 109.75, x1: 400.0, y1: 109.75 },
        Ruling { x0: 90.0, y0: 80.0, x1: 90.0, y1: 130.0 },
    ];
    assert_eq!(page.rulings, expected);
}

#[test]
fn word_style_borders_drawn_with_even_odd_fill_are_found() {
    let content = "BT /F1 10 Tf 100 700 Td (x) Tj ET\n90 690 310 0.5 re f*\n90 600 0.5 90 re f*\n";
    let page = &read_ok(&pdf(&[content])).pages[0];
    assert_eq!(page.rulings.len(), 2, "{:?}", page.rulings);
}

#[test]
fn text_shown_with_the_quote_operator_is_kept() {
    let content = "BT /F1 10 Tf 12 TL 100 700 Td (one) Tj (two) ' ET";
    let page = &read_ok(&pdf(&[content])).pages[0];
    assert_eq!(texts(&page.lines), ["one", "two"]);
    assert!(close(page.lines[1].words[0].y0, 104.0));
}

#[test]
fn pages_come_in_order_with_their_numbers() {
    let out = read_ok(&pdf(&["BT /F1 10 Tf 100 700 Td (first) Tj ET", "BT /F1 10 Tf 100 700 Td (second) Tj ET"]));
    let summary: Vec<(u32, String)> = out.pages.iter().map(|p| (p.number, texts(&p.lines).join("|"))).collect();
    assert_eq!(summary, [(1, "first".to_string()), (2, "second".to_string())]);
}

#[test]
fn a_rotated_page_is_read_as_displayed() {
    // Landscape content on a portrait sheet turned 90 degrees clockwise:
    // text runs up the sheet, so it reads left to right when displayed.
    let content = "BT /F1 10 Tf 0 1 -1 0 100 50 Tm (Up) Tj ET";
    let doc = build(&[content], dictionary! { "Rotate" => 90 });
    let page = &read_ok(&save(doc)).pages[0];
    assert_eq!((page.width, page.height), (PAGE_H, PAGE_W));
    assert_eq!(texts(&page.lines), ["Up"]);
    let w = &page.lines[0].words[0];
    // Displayed x = user y, displayed y = user x.
    assert!(close(w.x0, 50.0) && close(w.x1, 62.0), "{w:?}");
    assert!(close(w.y1, 102.0), "{w:?}");
}

#[test]
fn a_scanned_page_has_no_lines_and_a_warning() {
    let content = "q 600 0 0 800 0 0 cm /Im0 Do Q";
    let out = read_ok(&pdf(&[content]));
    assert!(out.pages[0].lines.is_empty());
    assert_eq!(out.warnings, ["no_text_layer:page=1"]);
}

#[test]
fn undecodable_glyphs_are_dropped_with_a_warning() {
    let content = "BT /F1 10 Tf 100 700 Td (ok) Tj ET\nBT /F2 10 Tf 200 700 Td <00410042> Tj ET";
    let out = read_ok(&pdf(&[content]));
    assert_eq!(texts(&out.pages[0].lines), ["ok"]);
    assert_eq!(out.warnings, ["undecodable_text:page=1"]);
}

#[test]
fn a_page_of_only_undecodable_text_also_counts_as_having_no_text() {
    let out = read_ok(&pdf(&["BT /F2 10 Tf 200 700 Td <00410042> Tj ET"]));
    assert_eq!(out.warnings, ["undecodable_text:page=1", "no_text_layer:page=1"]);
}

#[test]
fn bytes_that_are_not_a_pdf_are_refused() {
    let err = read_err(b"RENCANA AKSI TAHUN 2025\nNO URAIAN\n");
    assert!(err.contains("not a PDF (no %PDF header)"), "{err}");
}

#[test]
fn a_truncated_pdf_is_reported_as_damaged() {
    let bytes = pdf(&[TABLE]);
    let err = read_err(&bytes[..bytes.len() / 2]);
    assert!(err.contains("the PDF is truncated or damaged"), "{err}");
}

#[test]
fn a_pdf_without_pages_is_refused() {
    let err = read_err(&pdf(&[]));
    assert!(err.contains("the PDF has no pages"), "{err}");
}

#[test]
fn a_panic_inside_pdf_extract_becomes_an_error() {
    // /F9 is not in the page resources: pdf-extract panics on the lookup.
    let err = read_err(&pdf(&["BT /F9 10 Tf 100 700 Td (x) Tj ET"]));
    assert!(err.contains("could not read the PDF: page 1:"), "{err}");
}

fn encrypted(user_password: &str) -> Vec<u8> {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = build(&[TABLE], Dictionary::new());
    let id = Object::String(b"0123456789abcdef".to_vec(), lopdf::StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    save(doc)
}

#[test]
fn an_encrypted_pdf_with_a_user_password_is_refused() {
    let err = read_err(&encrypted("secret"));
    assert!(err.contains("the PDF is encrypted and needs a password"), "{err}");
}

#[test]
fn an_encrypted_pdf_with_an_empty_user_password_is_read() {
    let out = read_ok(&encrypted(""));
    assert_eq!(texts(&out.pages[0].lines), ["Hello World Right", "Second line"]);
}

/// A table printed to PDF from LibreOffice Calc (subset TrueType fonts with
/// ToUnicode maps, borders as stroked lines), with its `pdftotext -layout` dump.
const CALC_PDF: &[u8] = include_bytes!("../../../fixtures/pdf/calc-table.pdf");
const CALC_LAYOUT: &str = include_str!("../../../fixtures/pdf/calc-table.layout.txt");

#[test]
fn an_office_pdf_reads_line_for_line_like_pdftotext_layout() {
    let out = read_ok(CALC_PDF);
    let layout_pages: Vec<Vec<String>> = CALC_LAYOUT
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect();
    assert_eq!(out.pages.len(), layout_pages.len());
    for (page, expected) in out.pages.iter().zip(&layout_pages) {
        assert_eq!(&texts(&page.lines), expected, "page {}", page.number);
    }
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
}

#[test]
fn an_office_pdf_has_its_cell_grid_as_rulings() {
    let page = &read_ok(CALC_PDF).pages[0];
    assert!(close(page.width, 841.89) && close(page.height, 595.3), "landscape A4");
    let (horizontal, vertical): (Vec<&Ruling>, Vec<&Ruling>) = page.rulings.iter().partition(|r| r.is_horizontal());
    assert_eq!((horizontal.len(), vertical.len()), (15, 11));
    // Each quarterly value sits between the two vertical borders of its column.
    let row = page.lines.iter().find(|l| l.text().starts_with("Tujuan 1")).expect("the Tujuan 1 row");
    let value = row.words.iter().find(|w| w.text == "2,7").expect("TW I value");
    let left = vertical.iter().filter(|r| r.x0 < value.x0).map(|r| r.x0).fold(f32::MIN, f32::max);
    let right = vertical.iter().filter(|r| r.x0 > value.x1).map(|r| r.x0).fold(f32::MAX, f32::min);
    assert!(close(left, 517.59) && close(right, 569.04), "{left} {right}");
}

/// The ToUnicode → encoding translation ([`super::fonts`]) is only a speed-up:
/// every office-suite PDF among the fixtures reads exactly the same with and
/// without it, and it did translate fonts in each of them.
#[test]
fn translated_fonts_prep_read_the_same_as_printed() {
    use super::{fonts, read_with, Fonts};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut checked = 0;
    for folder in ["seed", "synthetic", "generated", "pdf"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let mut doc = Document::load_mem(&bytes).unwrap();
            // Type1 font programs decode by their own encodings: never
            // translated. A plan may print in a Type1 font and a TrueType
            // one (gen65: its serif body, LiberationSans headings): the
            // TrueType font is translated, the Type1 fonts keep their maps.
            if has_type1_programs(&doc) {
                let before = type1_fonts_with_maps(&doc);
                fonts::translate_unicode_maps(&mut doc);
                assert_eq!(type1_fonts_with_maps(&doc), before, "{}", path.display());
                continue;
            }
            assert!(fonts::translate_unicode_maps(&mut doc) > 0, "{}: no font translated", path.display());
            let translated = read_with(&path, &bytes, Fonts::Simplified).unwrap();
            let as_printed = read_with(&path, &bytes, Fonts::AsPrinted).unwrap();
            assert_eq!(translated.pages, as_printed.pages, "{}", path.display());
            assert_eq!(translated.warnings, as_printed.warnings, "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 14, "only {checked} PDFs checked");
}

/// A font whose map sends a code to text no glyph name stands for keeps its map.
#[test]
fn fonts_beyond_one_named_character_per_code_keep_their_map() {
    let mut doc = Document::with_version("1.5");
    let ligature_map = doc.add_object(Stream::new(
        Dictionary::new(),
        b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <0041> <02> <00410042> endbfchar"
            .to_vec(),
    ));
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Liberation",
        "Encoding" => "WinAnsiEncoding", "ToUnicode" => ligature_map,
    });
    assert_eq!(super::fonts::translate_unicode_maps(&mut doc), 0);
    assert!(doc.get_dictionary(font).unwrap().has(b"ToUnicode"));
}

/// Every call an interpreter makes on the output device, with exact numbers.
#[derive(Default)]
struct Recorder {
    calls: Vec<String>,
}

fn bits(t: &pdf_extract::Transform) -> [u64; 6] {
    [t.m11, t.m12, t.m21, t.m22, t.m31, t.m32].map(f64::to_bits)
}

impl pdf_extract::OutputDev for Recorder {
    fn begin_page(
        &mut self,
        page: u32,
        m: &pdf_extract::MediaBox,
        art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), pdf_extract::OutputError> {
        self.calls.push(format!("page {page} {} {} {} {} {art:?}", m.llx, m.lly, m.urx, m.ury));
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.calls.push("end page".into());
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &pdf_extract::Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), pdf_extract::OutputError> {
        self.calls.push(format!(
            "glyph {:?} {:?} {} {} {}",
            text,
            bits(trm),
            width.to_bits(),
            spacing.to_bits(),
            font_size.to_bits()
        ));
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.calls.push("begin word".into());
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.calls.push("end word".into());
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.calls.push("end line".into());
        Ok(())
    }
    fn stroke(
        &mut self,
        ctm: &pdf_extract::Transform,
        _: &pdf_extract::ColorSpace,
        _: &[f64],
        path: &pdf_extract::Path,
    ) -> Result<(), pdf_extract::OutputError> {
        self.calls.push(format!("stroke {:?} {:?}", bits(ctm), path.ops));
        Ok(())
    }
    fn fill(
        &mut self,
        ctm: &pdf_extract::Transform,
        _: &pdf_extract::ColorSpace,
        _: &[f64],
        path: &pdf_extract::Path,
    ) -> Result<(), pdf_extract::OutputError> {
        self.calls.push(format!("fill {:?} {:?}", bits(ctm), path.ops));
        Ok(())
    }
}

/// A document loaded and prepared as [`read`] prepares it.
fn prepared(bytes: &[u8]) -> (Document, Vec<super::PageRef>) {
    let path = Path::new("test.pdf");
    let mut doc = super::load::load(path, bytes).unwrap();
    let pages = super::load::pages(path, &doc).unwrap();
    super::prepare_document(path, &mut doc, &pages).unwrap();
    super::fonts::translate_unicode_maps(&mut doc);
    super::fonts::drop_truetype_programs(&mut doc);
    (doc, pages)
}

/// Some font of the document carries a Type1 font program (`/FontFile`).
fn has_type1_programs(doc: &Document) -> bool {
    doc.objects.values().filter_map(|o| o.as_dict().ok()).any(|d| d.get(b"FontFile").is_ok())
}

/// How many fonts with a Type1 program (`/FontFile`) keep a ToUnicode map.
fn type1_fonts_with_maps(doc: &Document) -> usize {
    let has_program = |font: &lopdf::Dictionary| {
        font.get(b"FontDescriptor").and_then(lopdf::Object::as_reference).and_then(|id| doc.get_dictionary(id)).is_ok_and(|d| d.get(b"FontFile").is_ok())
    };
    doc.objects.values().filter_map(|o| o.as_dict().ok()).filter(|d| has_program(d) && d.get(b"ToUnicode").is_ok()).count()
}

/// Device calls per page from our interpreter (`None`: refused) and from pdf-extract.
fn both_readings(bytes: &[u8]) -> Vec<(Option<Vec<String>>, Vec<String>)> {
    let (doc, pages) = prepared(bytes);
    let fonts = super::interpret::FontCache::default();
    pages
        .iter()
        .map(|page| {
            let mut ours = Recorder::default();
            let own = super::interpret::interpret_page(&doc, page.id, page.number, &fonts, &mut ours).ok();
            let mut theirs = Recorder::default();
            pdf_extract::output_doc_page(&doc, &mut theirs, page.number).unwrap();
            (own.map(|()| ours.calls), theirs.calls)
        })
        .collect()
}

/// Our interpreter reads every page of every fixture PDF itself, making
/// exactly the device calls pdf-extract makes, and so reads the same pages.
#[test]
fn own_interpreter_reads_every_fixture_like_pdf_extract() {
    use super::{read_counted, Engine, Fonts};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut checked = 0;
    for folder in ["seed", "synthetic", "generated", "pdf", "scan"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            // Type1 font programs (URW Bookman printed by LibreOffice) are
            // left to pdf-extract, page by page, and read all the same.
            if has_type1_programs(&Document::load_mem(&bytes).unwrap()) {
                assert!(both_readings(&bytes).iter().all(|(ours, _)| ours.is_none()), "{}", path.display());
                let (read, own_pages) = read_counted(&path, &bytes, Fonts::Simplified, Engine::Own).unwrap();
                assert!(own_pages == 0 && !read.pages.is_empty(), "{}", path.display());
                continue;
            }
            for (i, (ours, theirs)) in both_readings(&bytes).into_iter().enumerate() {
                let ours = ours.unwrap_or_else(|| panic!("{} page {}: refused", path.display(), i + 1));
                assert_eq!(ours, theirs, "{} page {}", path.display(), i + 1);
            }
            let (own, own_pages) = read_counted(&path, &bytes, Fonts::Simplified, Engine::Own).unwrap();
            let (reference, _) = read_counted(&path, &bytes, Fonts::Simplified, Engine::PdfExtract).unwrap();
            assert_eq!(own_pages, own.pages.len(), "{}: pages left to pdf-extract", path.display());
            assert_eq!(own.pages, reference.pages, "{}", path.display());
            assert_eq!(own.warnings, reference.warnings, "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} PDFs checked");
}

/// A one-page document whose font F1 is `font` and whose content is `content`.
fn with_font(font: Dictionary, extra: Vec<(&str, Object)>, content: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = font;
    for (key, value) in extra {
        let id = doc.add_object(value);
        font.set(key, id);
    }
    one_page_with_font(doc, pages_id, font, content)
}

/// Adds `font` as F1, one page showing `content` under `pages_id`, and the
/// catalog; returns the saved file.
fn one_page_with_font(mut doc: Document, pages_id: ObjectId, font: Dictionary, content: &[u8]) -> Vec<u8> {
    let font_id = doc.add_object(font);
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    save(doc)
}

fn widths_0_to_255() -> Vec<Object> {
    (0..256).map(|i| Object::Integer(300 + (i % 7) * 50)).collect()
}

/// Shows every byte 0..=255 with text operators that exercise the text state.
fn all_codes_content() -> Vec<u8> {
    let mut content = b"BT /F1 9 Tf 2 Tc 3 Tw 90 Tz 1 Ts 12 TL 50 700 Td <".to_vec();
    for code in 0..=255u8 {
        content.extend(format!("{code:02X}").bytes());
    }
    content.extend(b"> Tj T* [(a b) -250 (c) 33.5 <20>] TJ 0.5 0 0 0.5 10 10 Tm (x) Tj ET");
    content
}

fn assert_same_reading(bytes: &[u8]) {
    for (ours, theirs) in both_readings(bytes) {
        let ours = ours.expect("our interpreter refused the page");
        let differing: Vec<(&String, &String)> = ours.iter().zip(&theirs).filter(|(a, b)| a != b).collect();
        assert!(
            differing.is_empty(),
            "{} calls differ, first: {:?}",
            differing.len(),
            &differing[..differing.len().min(5)]
        );
        assert_eq!(ours.len(), theirs.len());
    }
}

#[test]
fn win_ansi_and_pdf_doc_encodings_decode_like_pdf_extract() {
    let truetype = |encoding: Object| {
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Test", "Encoding" => encoding,
            "FirstChar" => 0, "LastChar" => 255, "Widths" => widths_0_to_255(), "MissingWidth" => 250,
        }
    };
    assert_same_reading(&with_font(truetype(Object::Name(b"WinAnsiEncoding".to_vec())), vec![], &all_codes_content()));
    assert_same_reading(&with_font(truetype(Object::Name(b"MacRomanEncoding".to_vec())), vec![], &all_codes_content()));
    let mac_base = Object::Dictionary(dictionary! { "BaseEncoding" => "MacRomanEncoding" });
    assert_same_reading(&with_font(truetype(mac_base), vec![], &all_codes_content()));
    // An encoding dictionary without a base: PDFDocEncoding.
    let dict = Object::Dictionary(dictionary! { "Type" => "Encoding" });
    assert_same_reading(&with_font(truetype(dict), vec![], &all_codes_content()));
    // Widths only for part of the codes: the rest take /MissingWidth.
    let mut partial = truetype(Object::Name(b"WinAnsiEncoding".to_vec()));
    partial.set("FirstChar", 65);
    partial.set("LastChar", 66);
    partial.set("Widths", vec![500.into(), Object::Real(612.5)]);
    assert_same_reading(&with_font(partial, vec![], &all_codes_content()));
}

#[test]
fn glyph_names_decode_like_pdf_extract() {
    let names = super::interpret::known_glyph_names();
    let mut differences = vec![Object::Integer(1)];
    differences.extend(names.iter().take(255).map(|n| Object::Name(n.as_bytes().to_vec())));
    let mut rest = vec![Object::Integer(1)];
    rest.extend(names.iter().skip(255).map(|n| Object::Name(n.as_bytes().to_vec())));
    for differences in [differences, rest] {
        let font = dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Test",
            "FirstChar" => 0, "LastChar" => 255, "Widths" => widths_0_to_255(),
        };
        let encoding = Object::Dictionary(dictionary! {
            "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding", "Differences" => differences,
        });
        assert_same_reading(&with_font(font, vec![("Encoding", encoding)], &all_codes_content()));
    }
}

#[test]
fn identity_fonts_and_unicode_maps_read_like_pdf_extract() {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        3 beginbfchar\n<0003> <0020>\n<0011> <00660069>\n<0012> <D835DC00>\nendbfchar\n\
        2 beginbfrange\n<0024> <0030> <0041>\n<0040> <0041> [<00E9> <2013>]\nendbfrange\nendcmap"
        .to_vec();
    let mut doc = Document::with_version("1.5");
    let descriptor = doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontName" => "Test" });
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test", "FontDescriptor" => descriptor,
        "DW" => 500, "W" => vec![0x24.into(), vec![610.into(), Object::Real(620.5)].into(), 0x40.into(), 0x41.into(), 700.into()],
    });
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(descendant)],
    };
    // The descendant lives in another document; move the objects over.
    let mut content = b"BT /F1 10 Tf 3 Tw 100 700 Td <0024 0025 0003 0011 0012 0040 0041 0099 00> Tj".to_vec();
    content.extend(b" [<0026> -500 <0003>] TJ ET");
    let bytes = with_font_objects(font, doc, ("ToUnicode", Stream::new(Dictionary::new(), cmap)), &content);
    assert_same_reading(&bytes);
    // A simple font keeping a map that the font translation cannot express.
    let cmap = b"2 beginbfchar <41> <00410042> <42> <0043> endbfchar".to_vec();
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Test", "Encoding" => "WinAnsiEncoding",
        "FirstChar" => 0, "LastChar" => 255, "Widths" => widths_0_to_255(),
    };
    let bytes = with_font(
        font,
        vec![("ToUnicode", Object::Stream(Stream::new(Dictionary::new(), cmap)))],
        &all_codes_content(),
    );
    assert_same_reading(&bytes);
}

/// Like [`with_font`], with the font's other objects taken from `objects`.
fn with_font_objects(font: Dictionary, objects: Document, map: (&str, Stream), content: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    doc.objects = objects.objects;
    doc.max_id = objects.max_id;
    let pages_id = doc.new_object_id();
    let mut font = font;
    let map_id = doc.add_object(map.1);
    font.set(map.0, map_id);
    one_page_with_font(doc, pages_id, font, content)
}

#[test]
fn paths_forms_and_graphics_state_like_pdf_extract() {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Test", "Encoding" => "WinAnsiEncoding",
        "FirstChar" => 32, "LastChar" => 126, "Widths" => (32..127).map(|i| Object::Integer(400 + i)).collect::<Vec<_>>(),
    });
    let form = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] },
        b"0 0 m 5 5 l S BT /F1 8 Tf 1 0 0 1 20 20 Tm (in form) Tj ET".to_vec(),
    ));
    let state = doc.add_object(dictionary! { "Type" => "ExtGState", "CA" => 1, "SMask" => "None" });
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => dictionary! { "Fm0" => form },
        "ExtGState" => dictionary! { "G0" => state },
    });
    let content =
        b"q 2 0 0 2 10 10 cm /G0 gs 1 0 0 RG 0.5 w 0 0 m 100 0 l 100 50 50 50 90 90 c 20 20 30 30 v 5 5 60 60 y h S \
        Q 10 10 200 0.5 re f 0 0 m 1 1 l n /DeviceRGB cs 0.1 0.2 0.3 sc /Pattern CS /P0 SCN \
        BT /F1 10 Tf 14 TL 100 700 Td (one) Tj 0 -14 TD (two) Tj T* (three) Tj q 3 Tc (four) Tj Q (five) Tj ET \
        /Span <</MCID 0>> BDC q 1 0 0 1 300 300 cm /Fm0 Do Q EMC BT (after) Tj ET";
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources,
        "ArtBox" => vec![1.into(), 2.into(), 3.into(), 4.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(595.3), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    assert_same_reading(&save(doc));
}

/// What our interpreter refuses, pdf-extract reads: the unit tests' Courier
/// (a standard-14 font without widths) and the undecodable CID font.
#[test]
fn unsupported_pages_fall_back_to_pdf_extract() {
    let readings = both_readings(&pdf(&[TABLE, "BT /F2 10 Tf 200 700 Td <00410042> Tj ET"]));
    assert!(readings[0].0.is_none());
    assert_eq!(readings[1].0.as_ref(), Some(&readings[1].1));
    let out = read_ok(&pdf(&[TABLE]));
    assert_eq!(texts(&out.pages[0].lines), ["Hello World Right", "Second line"]);
}
