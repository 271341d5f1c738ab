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
