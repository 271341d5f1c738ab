//! The byte → Unicode tables simple fonts decode with, and the glyph names
//! `/Differences` arrays use (ISO 32000-1, annex D; the Adobe Glyph List).
//!
//! Only what the PDFs we read need is here: Windows ANSI, Mac Roman, PDF
//! document encoding, and the glyph names of the Windows ANSI set plus the
//! f-ligatures and a few more (the names [`super::super::fonts`] writes and
//! office fonts use). A font that asks for anything else (StandardEncoding,
//! which pdf-extract refuses too, an unknown glyph name) is read by
//! pdf-extract instead, so that no text decodes differently. Tests check
//! every table entry and every name against pdf-extract's reading.

use super::super::fonts::{ASCII_NAMES, LATIN1_NAMES, WINDOWS_EXTRA_NAMES};

/// Windows ANSI as PDF readers decode it: undefined codes from 0x7F up show
/// a bullet, 0xA0 is a plain space and 0xAD a plain hyphen; control codes
/// have no character (0).
pub fn win_ansi() -> [u16; 256] {
    let mut table = [0u16; 256];
    for (code, slot) in table.iter_mut().enumerate().take(0x7F).skip(0x20) {
        *slot = code as u16;
    }
    table[0x7F..=0x9F].fill(0x2022);
    for (slot, ch) in WINDOWS_1252_HIGH.iter().enumerate() {
        if *ch != 0 {
            table[0x80 + slot] = *ch;
        }
    }
    for (code, slot) in table.iter_mut().enumerate().skip(0xA1) {
        *slot = code as u16;
    }
    table[0xA0] = 0x20;
    table[0xAD] = 0x2D;
    table
}

/// Windows code page 1252 at 0x80..0x9F (0: undefined).
const WINDOWS_1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Mac OS Roman (annex D.2, completed with the Mac symbols as PDF readers
/// decode them): ASCII, then accented letters, typographic and math marks.
pub fn mac_roman() -> [u16; 256] {
    let mut table = [0u16; 256];
    for (code, slot) in table.iter_mut().enumerate().take(0x7F).skip(0x20) {
        *slot = code as u16;
    }
    table[0x80..].copy_from_slice(&MAC_ROMAN_HIGH);
    table
}

/// Mac OS Roman at 0x80..0xFF (0xDB is the currency sign, as in PDF).
const MAC_ROMAN_HIGH: [u16; 128] = [
    0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7,
    0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5,
    0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9,
    0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8, 0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
    0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x2126, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248,
    0x2206, 0x00AB, 0x00BB, 0x2026, 0x0020, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
    0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x00A4, 0x2039, 0x203A, 0xFB01, 0xFB02, 0x2021, 0x00B7,
    0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
    0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD,
    0x02DB, 0x02C7,
];

/// PDFDocEncoding (annex D.2): the base of an `/Encoding` dictionary without
/// a `/BaseEncoding`, and of a simple font with no encoding at all.
pub fn pdf_doc() -> [u16; 256] {
    let mut table = [0u16; 256];
    for (code, slot) in table.iter_mut().enumerate() {
        *slot = code as u16;
    }
    table[0x18..0x20].copy_from_slice(&[0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC]);
    table[0x7F] = 0;
    table[0x80..0xA1].copy_from_slice(&PDF_DOC_HIGH);
    table[0xAD] = 0;
    table
}

/// PDFDocEncoding at 0x80..0xA0 (0x9F undefined).
const PDF_DOC_HIGH: [u16; 33] = [
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C,
    0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142,
    0x0153, 0x0161, 0x017E, 0, 0x20AC,
];

/// The Unicode value of a glyph name, for the names this reader knows.
pub fn glyph_unicode(name: &[u8]) -> Option<u16> {
    let name = std::str::from_utf8(name).ok()?;
    if let Some(i) = ASCII_NAMES.iter().position(|n| *n == name) {
        return Some(0x20 + i as u16);
    }
    if let Some(i) = LATIN1_NAMES.iter().position(|n| *n == name) {
        // "hyphen" is listed at the soft hyphen's slot too; it names U+002D.
        return Some(if name == "hyphen" { 0x2D } else { 0xA1 + i as u16 });
    }
    if let Some((ch, _)) = WINDOWS_EXTRA_NAMES.iter().find(|(_, n)| *n == name) {
        return Some(*ch as u16);
    }
    OTHER_NAMES.iter().find(|(n, _)| *n == name).map(|(_, u)| *u)
}

/// Glyph names beyond Windows ANSI that office fonts and our font
/// translation use.
const OTHER_NAMES: [(&str, u16); 14] = [
    ("ff", 0xFB00),
    ("fi", 0xFB01),
    ("fl", 0xFB02),
    ("ffi", 0xFB03),
    ("ffl", 0xFB04),
    ("bullet", 0x2022),
    ("minus", 0x2212),
    ("fraction", 0x2044),
    ("Lslash", 0x0141),
    ("lslash", 0x0142),
    ("dotlessi", 0x0131),
    ("nbspace", 0x00A0),
    ("sfthyphen", 0x00AD),
    ("Euro", 0x20AC),
];

/// Every name [`glyph_unicode`] knows (for the tests that compare it with
/// pdf-extract's reading).
#[cfg(test)]
pub fn known_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = ASCII_NAMES.to_vec();
    names.extend(LATIN1_NAMES.iter().copied());
    names.extend(WINDOWS_EXTRA_NAMES.iter().map(|(_, n)| *n));
    names.extend(OTHER_NAMES.iter().map(|(n, _)| *n));
    names.sort();
    names.dedup();
    names
}
