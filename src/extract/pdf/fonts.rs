//! Simple fonts' ToUnicode maps → encoding differences, once per document.
//!
//! Why: pdf-extract builds every font of a page afresh for each page it
//! reads, and parses the font's ToUnicode CMap each time with a slow
//! parser-combinator library. On office-suite PDFs (LibreOffice and Word
//! print text in subsetted TrueType fonts whose byte codes only the
//! ToUnicode map explains) that parse was a third of the whole conversion's
//! CPU time, repeated on every page for the same two or three fonts.
//!
//! A simple (one-byte) font's ToUnicode map that sends each code to one
//! character of the Windows ANSI set (or to the letters of an f-ligature)
//! says exactly what an `/Encoding`
//! dictionary with a `/Differences` array of standard glyph names says, and
//! pdf-extract reads that array cheaply (a name lookup per code). So here,
//! once per font object per document, such a map is translated into
//! differences over the font's own base encoding and the ToUnicode entry is
//! dropped. Codes the map does not list fall back to the base encoding
//! before and after the translation. Any font this cannot translate exactly
//! (multi-byte codes, a map to several characters or to characters without
//! a standard glyph name, a font program that carries its own encoding, an
//! encoding dictionary of its own) is left as it is.

use super::cmap_tokens::{tokenize, Token};
use lopdf::{Dictionary, Document, Object, ObjectId};

/// Empties embedded TrueType font programs (`/FontFile2`). We never draw a
/// glyph, and pdf-extract decompresses each such program, only to drop it,
/// every time it builds the font: on every page. Type1 and compact font
/// programs (`/FontFile`, `/FontFile3`) are kept: their built-in encodings
/// decode text.
pub fn drop_truetype_programs(doc: &mut Document) {
    let programs: Vec<ObjectId> = doc
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| has_name(dict, b"Type", b"FontDescriptor"))
        .filter_map(|dict| dict.get(b"FontFile2").and_then(Object::as_reference).ok())
        .collect();
    for id in programs {
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(id) {
            stream.set_plain_content(Vec::new());
        }
    }
}

/// Translates every translatable font; returns how many were translated.
pub fn translate_unicode_maps(doc: &mut Document) -> usize {
    let plans: Vec<(ObjectId, Dictionary)> = doc
        .objects
        .iter()
        .filter_map(|(&id, object)| {
            let font = object.as_dict().ok()?;
            let encoding = encoding_for(doc, font)?;
            Some((id, encoding))
        })
        .collect();
    let translated = plans.len();
    for (id, encoding) in plans {
        if let Ok(font) = doc.get_dictionary_mut(id) {
            font.set("Encoding", Object::Dictionary(encoding));
            font.remove(b"ToUnicode");
        }
    }
    translated
}

/// The `/Encoding` dictionary that says what the font's ToUnicode map says,
/// or `None` when the font is not one this can translate exactly.
fn encoding_for(doc: &Document, font: &Dictionary) -> Option<Dictionary> {
    if !has_name(font, b"Type", b"Font") {
        return None;
    }
    // Type1 fonts with a compact (CFF) program get a code map from the
    // program itself that the ToUnicode map only extends; Type0, Type3 and
    // others decode codes differently. Only plain TrueType and Type1 fonts
    // decode by "ToUnicode, else the encoding".
    let subtype = font.get(b"Subtype").and_then(Object::as_name).ok()?;
    if subtype != b"TrueType" && subtype != b"Type1" {
        return None;
    }
    if has_font_file3(doc, font) {
        return None;
    }
    let base = match font.get(b"Encoding") {
        Ok(Object::Name(name)) if is_standard_encoding(name) => name.clone(),
        // With no /Encoding pdf-extract falls back to Windows ANSI for a
        // TrueType font; a Type1 font's fallback is its program's encoding,
        // which a dictionary would override.
        Err(_) if subtype == b"TrueType" => b"WinAnsiEncoding".to_vec(),
        _ => return None,
    };
    let stream = match font.get(b"ToUnicode").ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_stream().ok()?,
        Object::Stream(stream) => stream,
        _ => return None,
    };
    let cmap = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    let map = parse_one_byte_cmap(&cmap)?;
    if map.is_empty() {
        return None;
    }
    let mut differences = Vec::with_capacity(map.len() * 2);
    for (code, target) in map {
        differences.push(Object::Integer(i64::from(code)));
        differences.push(Object::Name(target_name(&target)?.as_bytes().to_vec()));
    }
    let mut encoding = Dictionary::new();
    encoding.set("Type", Object::Name(b"Encoding".to_vec()));
    encoding.set("BaseEncoding", Object::Name(base));
    encoding.set("Differences", Object::Array(differences));
    Some(encoding)
}

fn has_name(dict: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    dict.get(key).and_then(Object::as_name).is_ok_and(|name| name == value)
}

fn is_standard_encoding(name: &[u8]) -> bool {
    matches!(name, b"WinAnsiEncoding" | b"MacRomanEncoding" | b"StandardEncoding")
}

fn has_font_file3(doc: &Document, font: &Dictionary) -> bool {
    let descriptor = match font.get(b"FontDescriptor") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(dict)) => Some(dict),
        _ => None,
    };
    descriptor.is_some_and(|d| d.has(b"FontFile3"))
}

/// Reads a ToUnicode CMap whose codes are single bytes: code → target
/// text, in code order. `None` for anything else (two-byte codes, targets
/// that are not UTF-16 text, a range that runs past a byte, tokens this
/// reader does not know inside a mapping block), so that such fonts keep
/// their map.
pub fn parse_one_byte_cmap(bytes: &[u8]) -> Option<std::collections::BTreeMap<u8, String>> {
    let tokens = tokenize(bytes)?;
    let mut map = std::collections::BTreeMap::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Word(k) if k == b"beginbfchar" => {
                i += 1;
                while !matches!(&tokens.get(i)?, Token::Word(k) if k == b"endbfchar") {
                    let (Token::Hex(src), Token::Hex(dst)) = (tokens.get(i)?, tokens.get(i + 1)?) else {
                        return None;
                    };
                    map.insert(one_byte(src)?, utf16_text(dst)?);
                    i += 2;
                }
            }
            Token::Word(k) if k == b"beginbfrange" => {
                i += 1;
                while !matches!(&tokens.get(i)?, Token::Word(k) if k == b"endbfrange") {
                    let (Token::Hex(lo), Token::Hex(hi)) = (tokens.get(i)?, tokens.get(i + 1)?) else {
                        return None;
                    };
                    let (lo, hi) = (one_byte(lo)?, one_byte(hi)?);
                    if hi < lo {
                        return None;
                    }
                    match tokens.get(i + 2)? {
                        Token::Hex(dst) => {
                            // The first target, then each next code's target
                            // is the previous one with its last byte plus one.
                            let &[0, last] = dst.as_slice() else { return None };
                            if usize::from(last) + usize::from(hi - lo) > 0xFF {
                                return None;
                            }
                            for offset in 0..=(hi - lo) {
                                map.insert(lo + offset, char::from(last + offset).to_string());
                            }
                            i += 3;
                        }
                        Token::ArrayStart => {
                            let mut j = i + 3;
                            for code in lo..=hi {
                                let Token::Hex(dst) = tokens.get(j)? else { return None };
                                map.insert(code, utf16_text(dst)?);
                                j += 1;
                            }
                            if !matches!(tokens.get(j)?, Token::ArrayEnd) {
                                return None;
                            }
                            i = j + 1;
                        }
                        _ => return None,
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    Some(map)
}

fn one_byte(hex: &[u8]) -> Option<u8> {
    match hex {
        [b] => Some(*b),
        _ => None,
    }
}

/// A UTF-16BE target as text; `None` when it is empty or not UTF-16.
fn utf16_text(hex: &[u8]) -> Option<String> {
    if hex.is_empty() || !hex.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = hex.chunks(2).map(|pair| u16::from_be_bytes([pair[0], pair[1]])).collect();
    String::from_utf16(&units).ok()
}

/// The glyph name that decodes to `target`: a Windows ANSI character's
/// name, or an f-ligature's (its ligature character is read back as the
/// letters, see [`super::glyph::classify`]).
fn target_name(target: &str) -> Option<&'static str> {
    let mut chars = target.chars();
    if let (Some(ch), None) = (chars.next(), chars.next()) {
        return glyph_name(ch);
    }
    LIGATURE_NAMES.iter().find(|(letters, _)| *letters == target).map(|(_, name)| *name)
}

/// Ligatures an office font prints as one glyph, by their letters.
const LIGATURE_NAMES: [(&str, &str); 5] = [("ff", "ff"), ("fi", "fi"), ("fl", "fl"), ("ffi", "ffi"), ("ffl", "ffl")];

/// The standard (Adobe Glyph List) name of a character of the Windows ANSI
/// set, the names PDF's WinAnsiEncoding uses (ISO 32000-1, annex D).
/// Every PDF reader knows these, pdf-extract included.
fn glyph_name(ch: char) -> Option<&'static str> {
    let code = ch as u32;
    if (0x20..=0x7E).contains(&code) {
        return Some(ASCII_NAMES[(code - 0x20) as usize]);
    }
    if (0xA1..=0xFF).contains(&code) && code != 0xAD {
        return Some(LATIN1_NAMES[(code - 0xA1) as usize]);
    }
    WINDOWS_EXTRA_NAMES.iter().find(|(c, _)| *c == ch).map(|(_, name)| *name)
}

pub(super) const ASCII_NAMES: [&str; 95] = [
    "space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quotesingle", "parenleft",
    "parenright", "asterisk", "plus", "comma", "hyphen", "period", "slash", "zero", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "colon", "semicolon", "less", "equal", "greater", "question", "at", "A",
    "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W",
    "X", "Y", "Z", "bracketleft", "backslash", "bracketright", "asciicircum", "underscore", "grave", "a", "b", "c",
    "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y",
    "z", "braceleft", "bar", "braceright", "asciitilde",
];

/// U+00A1..U+00FF; the entry for U+00AD (soft hyphen) is never used.
pub(super) const LATIN1_NAMES: [&str; 95] = [
    "exclamdown", "cent", "sterling", "currency", "yen", "brokenbar", "section", "dieresis", "copyright",
    "ordfeminine", "guillemotleft", "logicalnot", "hyphen", "registered", "macron", "degree", "plusminus",
    "twosuperior", "threesuperior", "acute", "mu", "paragraph", "periodcentered", "cedilla", "onesuperior",
    "ordmasculine", "guillemotright", "onequarter", "onehalf", "threequarters", "questiondown", "Agrave", "Aacute",
    "Acircumflex", "Atilde", "Adieresis", "Aring", "AE", "Ccedilla", "Egrave", "Eacute", "Ecircumflex", "Edieresis",
    "Igrave", "Iacute", "Icircumflex", "Idieresis", "Eth", "Ntilde", "Ograve", "Oacute", "Ocircumflex", "Otilde",
    "Odieresis", "multiply", "Oslash", "Ugrave", "Uacute", "Ucircumflex", "Udieresis", "Yacute", "Thorn",
    "germandbls", "agrave", "aacute", "acircumflex", "atilde", "adieresis", "aring", "ae", "ccedilla", "egrave",
    "eacute", "ecircumflex", "edieresis", "igrave", "iacute", "icircumflex", "idieresis", "eth", "ntilde", "ograve",
    "oacute", "ocircumflex", "otilde", "odieresis", "divide", "oslash", "ugrave", "uacute", "ucircumflex",
    "udieresis", "yacute", "thorn", "ydieresis",
];

/// The characters Windows ANSI puts at 0x80..0x9F.
pub(super) const WINDOWS_EXTRA_NAMES: [(char, &str); 27] = [
    ('\u{20AC}', "Euro"),
    ('\u{201A}', "quotesinglbase"),
    ('\u{0192}', "florin"),
    ('\u{201E}', "quotedblbase"),
    ('\u{2026}', "ellipsis"),
    ('\u{2020}', "dagger"),
    ('\u{2021}', "daggerdbl"),
    ('\u{02C6}', "circumflex"),
    ('\u{2030}', "perthousand"),
    ('\u{0160}', "Scaron"),
    ('\u{2039}', "guilsinglleft"),
    ('\u{0152}', "OE"),
    ('\u{017D}', "Zcaron"),
    ('\u{2018}', "quoteleft"),
    ('\u{2019}', "quoteright"),
    ('\u{201C}', "quotedblleft"),
    ('\u{201D}', "quotedblright"),
    ('\u{2022}', "bullet"),
    ('\u{2013}', "endash"),
    ('\u{2014}', "emdash"),
    ('\u{02DC}', "tilde"),
    ('\u{2122}', "trademark"),
    ('\u{0161}', "scaron"),
    ('\u{203A}', "guilsinglright"),
    ('\u{0153}', "oe"),
    ('\u{017E}', "zcaron"),
    ('\u{0178}', "Ydieresis"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_and_both_bfrange_forms_are_read() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            /CMapName/Adobe-Identity-UCS def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
            2 beginbfchar\n<01> <0052>\n<02><0020>\nendbfchar\n\
            2 beginbfrange\n<10> <12> <0061>\n<20> <21> [<00E9> <2013>]\nendbfrange\nendcmap";
        let map = parse_one_byte_cmap(cmap).unwrap();
        let pairs: Vec<(u8, &str)> = map.iter().map(|(code, text)| (*code, text.as_str())).collect();
        assert_eq!(pairs, vec![(1, "R"), (2, " "), (0x10, "a"), (0x11, "b"), (0x12, "c"), (0x20, "é"), (0x21, "–")]);
    }

    #[test]
    fn two_byte_codes_and_broken_targets_are_refused() {
        assert!(parse_one_byte_cmap(b"1 beginbfchar <0001> <0041> endbfchar").is_none());
        assert!(parse_one_byte_cmap(b"1 beginbfchar <01> <D800> endbfchar").is_none());
        assert!(parse_one_byte_cmap(b"1 beginbfrange <01> <05> <00FE> endbfrange").is_none());
        assert!(parse_one_byte_cmap(b"1 beginbfchar <01> endbfchar").is_none());
    }

    #[test]
    fn glyph_names_follow_win_ansi() {
        assert_eq!(glyph_name('A'), Some("A"));
        assert_eq!(glyph_name(' '), Some("space"));
        assert_eq!(glyph_name('~'), Some("asciitilde"));
        assert_eq!(glyph_name('¡'), Some("exclamdown"));
        assert_eq!(glyph_name('ÿ'), Some("ydieresis"));
        assert_eq!(glyph_name('é'), Some("eacute"));
        assert_eq!(glyph_name('–'), Some("endash"));
        assert_eq!(glyph_name('\u{AD}'), None);
        assert_eq!(glyph_name('≥'), None);
        assert_eq!(target_name("fi"), Some("fi"));
        assert_eq!(target_name("ffl"), Some("ffl"));
        assert_eq!(target_name("ab"), None);
    }
}
