//! Fonts as the interpreter needs them: a glyph's advance and its text.
//!
//! Built once per font object per document (pdf-extract rebuilds every
//! font on every page), with everything looked up per glyph precomputed:
//! a simple font becomes two 256-entry tables. The rules are pdf-extract's
//! (so that both read a page the same); a font whose reading there would
//! differ from these rules, or panic, is [`Unsupported`] and its pages are
//! read by pdf-extract.

use super::super::cmap_tokens::{tokenize, Token};
use super::encoding;
use super::Unsupported;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

#[derive(Debug)]
pub enum Font {
    /// One byte per glyph.
    Simple {
        /// Advance per code, in thousandths of the font size.
        widths: Box<[f64; 256]>,
        /// Text per code; `None` where pdf-extract would panic decoding it.
        text: Box<[Option<Box<str>>]>,
    },
    /// Type0 with Identity-H: two bytes per glyph, the code is the CID.
    Identity { widths: HashMap<u32, f64>, default_width: f64, text: HashMap<u32, String> },
}

fn unsupported<T>(why: &'static str) -> Result<T, Unsupported> {
    Err(Unsupported(why))
}

/// Follows a reference; a dangling one is an error (pdf-extract panics).
pub fn deref<'a>(doc: &'a Document, object: &'a Object) -> Result<&'a Object, Unsupported> {
    match object {
        Object::Reference(id) => doc.get_object(*id).map_err(|_| Unsupported("dangling reference")),
        other => Ok(other),
    }
}

/// `dict[key]`, dereferenced; `None` when absent.
fn entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Result<Option<&'a Object>, Unsupported> {
    match dict.get(key) {
        Ok(object) => deref(doc, object).map(Some),
        Err(_) => Ok(None),
    }
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

impl Font {
    pub fn build(doc: &Document, font: &Dictionary) -> Result<Font, Unsupported> {
        match entry(doc, font, b"Subtype")? {
            Some(Object::Name(n)) if n == b"TrueType" || n == b"Type1" => simple(doc, font, n == b"TrueType"),
            Some(Object::Name(n)) if n == b"Type0" => identity(doc, font),
            _ => unsupported("font type"),
        }
    }
}

fn simple(doc: &Document, font: &Dictionary, truetype: bool) -> Result<Font, Unsupported> {
    if !matches!(entry(doc, font, b"BaseFont")?, Some(Object::Name(_))) {
        return unsupported("font without a name");
    }
    let encoding = entry(doc, font, b"Encoding")?;
    if let Some(Object::Dictionary(descriptor)) = entry(doc, font, b"FontDescriptor")? {
        // A Type1 or compact font program's own encoding would take part.
        if !truetype && matches!(entry(doc, descriptor, b"FontFile")?, Some(Object::Stream(_))) {
            return unsupported("Type1 font program");
        }
        if matches!(entry(doc, descriptor, b"FontFile3")?, Some(Object::Stream(_))) {
            return unsupported("compact font program");
        }
    }
    let mut unicode_map = unicode_map(doc, font)?;
    let mut table: Option<[u16; 256]> = match encoding {
        Some(Object::Name(name)) => Some(named_encoding(name)?),
        Some(Object::Dictionary(dict)) => {
            let mut table = match entry(doc, dict, b"BaseEncoding")? {
                Some(Object::Name(name)) => named_encoding(name)?,
                _ => encoding::pdf_doc(),
            };
            if let Some(Object::Array(differences)) = entry(doc, dict, b"Differences")? {
                let mut code: i64 = 0;
                for item in differences {
                    match deref(doc, item)? {
                        Object::Integer(i) => code = *i,
                        Object::Name(name) => {
                            let unicode = encoding::glyph_unicode(name).ok_or(Unsupported("glyph name"))?;
                            let slot = usize::try_from(code).ok().filter(|&c| c < 256).ok_or(Unsupported("code"))?;
                            table[slot] = unicode;
                            if let Some(map) = unicode_map.as_mut() {
                                let text = char::from_u32(u32::from(unicode)).ok_or(Unsupported("surrogate"))?;
                                map.entry(slot as u32).or_insert_with(|| text.to_string());
                            }
                            code += 1;
                        }
                        _ => return unsupported("differences entry"),
                    }
                }
            }
            Some(table)
        }
        None if truetype => Some(encoding::win_ansi()),
        None => None,
        Some(_) => return unsupported("encoding object"),
    };
    let widths = simple_widths(doc, font)?;
    let missing_width = font.get(b"MissingWidth").ok().and_then(number).unwrap_or(0.0);
    let mut advance = Box::new([missing_width; 256]);
    let (first, values) = widths;
    for (i, w) in values.into_iter().enumerate() {
        if let Ok(code) = usize::try_from(first + i as i64) {
            if code < 256 {
                advance[code] = w;
            }
        }
    }
    let mut text: Vec<Option<Box<str>>> = Vec::with_capacity(256);
    let fallback_table = table.get_or_insert_with(encoding::pdf_doc);
    let has_encoding = encoding.is_some() || truetype;
    for code in 0..256u32 {
        let mapped = unicode_map.as_ref().map(|m| m.get(&code));
        text.push(match mapped {
            Some(Some(s)) => Some(s.as_str().into()),
            // Not in the map: the encoding, which must exist.
            Some(None) if !has_encoding => None,
            _ => char::from_u32(u32::from(fallback_table[code as usize])).map(|c| c.to_string().into_boxed_str()),
        });
    }
    Ok(Font::Simple { widths: advance, text: text.into_boxed_slice() })
}

/// `/FirstChar` and `/Widths`; a font without them is a standard-14 font
/// (metrics built into the reader), which pdf-extract reads.
fn simple_widths(doc: &Document, font: &Dictionary) -> Result<(i64, Vec<f64>), Unsupported> {
    let first = entry(doc, font, b"FirstChar")?.and_then(|o| o.as_i64().ok());
    let last = entry(doc, font, b"LastChar")?.and_then(|o| o.as_i64().ok());
    let widths = match entry(doc, font, b"Widths")? {
        Some(Object::Array(items)) => {
            Some(items.iter().map(number).collect::<Option<Vec<f64>>>().ok_or(Unsupported("width"))?)
        }
        _ => None,
    };
    match (first, last, widths) {
        (Some(first), Some(last), Some(widths)) if first + widths.len() as i64 - 1 == last => Ok((first, widths)),
        (Some(_), Some(_), Some(_)) => unsupported("widths do not match LastChar"),
        _ => unsupported("font without widths"),
    }
}

fn named_encoding(name: &[u8]) -> Result<[u16; 256], Unsupported> {
    match name {
        b"WinAnsiEncoding" => Ok(encoding::win_ansi()),
        b"MacRomanEncoding" => Ok(encoding::mac_roman()),
        _ => unsupported("encoding name"),
    }
}

fn identity(doc: &Document, font: &Dictionary) -> Result<Font, Unsupported> {
    if !matches!(entry(doc, font, b"BaseFont")?, Some(Object::Name(_))) {
        return unsupported("font without a name");
    }
    let Some(Object::Array(descendants)) = entry(doc, font, b"DescendantFonts")? else {
        return unsupported("descendant fonts");
    };
    let Some(Object::Dictionary(cid_font)) = descendants.first().map(|d| deref(doc, d)).transpose()? else {
        return unsupported("descendant font");
    };
    match entry(doc, font, b"Encoding")? {
        Some(Object::Name(name)) if name == b"Identity-H" => {}
        _ => return unsupported("CMap"),
    }
    let text = unicode_map(doc, font)?.unwrap_or_default();
    if !matches!(entry(doc, cid_font, b"FontDescriptor")?, Some(Object::Dictionary(_))) {
        return unsupported("font descriptor");
    }
    let default_width = match cid_font.get(b"DW") {
        Ok(Object::Integer(w)) => *w as f64,
        _ => 1000.0,
    };
    let mut widths = HashMap::new();
    if let Some(Object::Array(w)) = entry(doc, cid_font, b"W")? {
        let items: Vec<&Object> = w.iter().map(|o| deref(doc, o)).collect::<Result<_, _>>()?;
        let mut i = 0;
        while i < items.len() {
            let next = items.get(i + 1).ok_or(Unsupported("W"))?;
            let first = items[i].as_i64().map_err(|_| Unsupported("W"))?;
            if let Object::Array(run) = next {
                for (j, w) in run.iter().enumerate() {
                    widths.insert((first + j as i64) as u32, number(w).ok_or(Unsupported("W"))?);
                }
                i += 2;
            } else {
                // `first last width`: pdf-extract reads the range as empty,
                // so these glyphs keep the default width.
                i += 3;
            }
        }
    }
    Ok(Font::Identity { widths, default_width, text })
}

/// The font's ToUnicode map, code → text.
fn unicode_map(doc: &Document, font: &Dictionary) -> Result<Option<HashMap<u32, String>>, Unsupported> {
    match entry(doc, font, b"ToUnicode")? {
        None => Ok(None),
        Some(Object::Name(name)) if name == b"Identity-H" => Ok(None),
        Some(Object::Stream(stream)) => {
            let bytes = if stream.filters().is_ok() {
                stream.decompressed_content().unwrap_or_else(|_| stream.content.clone())
            } else {
                stream.content.clone()
            };
            parse_cmap(&bytes).map(Some)
        }
        Some(_) => unsupported("ToUnicode"),
    }
}


/// A ToUnicode CMap's `bfchar` and `bfrange` mappings, read as pdf-extract
/// reads them (each block holds the count written before it; a range's
/// target is incremented as one 16- or 32-bit number). Anything unusual
/// is refused, and the font's pages go to pdf-extract.
pub fn parse_cmap(bytes: &[u8]) -> Result<HashMap<u32, String>, Unsupported> {
    let tokens = tokenize(bytes).ok_or(Unsupported("CMap syntax"))?;
    let bad = || Unsupported("CMap");
    let mut raw: HashMap<u32, Vec<u16>> = HashMap::new();
    let mut i = 0;
    while i < tokens.len() {
        let block = match &tokens[i] {
            Token::Word(w) if w == b"beginbfchar" => 2,
            Token::Word(w) if w == b"beginbfrange" => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(Token::Int(count)) = i.checked_sub(1).and_then(|p| tokens.get(p)) else { return Err(bad()) };
        i += 1;
        for _ in 0..*count {
            let Some(Token::Hex(src)) = tokens.get(i) else { return Err(bad()) };
            if block == 2 {
                let Some(Token::Hex(dst)) = tokens.get(i + 1) else { return Err(bad()) };
                raw.insert(code_of(src), utf16_units(dst).ok_or_else(bad)?);
                i += 2;
                continue;
            }
            let Some(Token::Hex(hi)) = tokens.get(i + 1) else { return Err(bad()) };
            let (lo, hi) = (code_of(src), code_of(hi));
            match tokens.get(i + 2) {
                Some(Token::Hex(start)) if start.len() == 2 || start.len() == 4 => {
                    let base = code_of(start);
                    for c in lo..=hi {
                        let offset = c - lo;
                        if start.len() == 2 {
                            let v = base.checked_add(offset).and_then(|v| u16::try_from(v).ok()).ok_or_else(bad)?;
                            raw.insert(c, vec![v]);
                        } else {
                            let v = base.checked_add(offset).ok_or_else(bad)?;
                            raw.insert(c, vec![(v >> 16) as u16, v as u16]);
                        }
                    }
                    i += 3;
                }
                Some(Token::ArrayStart) => {
                    let mut j = i + 3;
                    if hi < lo {
                        return Err(bad());
                    }
                    for c in lo..=hi {
                        let Some(Token::Hex(dst)) = tokens.get(j) else { return Err(bad()) };
                        raw.insert(c, utf16_units(dst).ok_or_else(bad)?);
                        j += 1;
                    }
                    if tokens.get(j) != Some(&Token::ArrayEnd) {
                        return Err(bad());
                    }
                    // pdf-extract counts the array as one token.
                    i = j + 1;
                }
                _ => return Err(bad()),
            }
        }
        // The block's end keyword.
        i += 1;
    }
    let mut map = HashMap::with_capacity(raw.len());
    for (code, units) in raw {
        if let [0xD800..=0xDFFF] = units.as_slice() {
            continue;
        }
        map.insert(code, String::from_utf16(&units).map_err(|_| bad())?);
    }
    Ok(map)
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0u32, |code, &b| code.wrapping_shl(8) | u32::from(b))
}

fn utf16_units(bytes: &[u8]) -> Option<Vec<u16>> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    Some(bytes.chunks(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_byte_cmaps_are_read() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
            1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar\n<0003> <0020>\n<0011><00660069>\nendbfchar\n\
            2 beginbfrange\n<0024> <0026> <0041>\n<0030> <0031> [<00E9> <2013>]\nendbfrange\nendcmap";
        let map = parse_cmap(cmap).unwrap();
        let mut pairs: Vec<(u32, &str)> = map.iter().map(|(c, t)| (*c, t.as_str())).collect();
        pairs.sort();
        assert_eq!(
            pairs,
            vec![(3, " "), (0x11, "fi"), (0x24, "A"), (0x25, "B"), (0x26, "C"), (0x30, "é"), (0x31, "–")]
        );
    }

    #[test]
    fn broken_cmaps_are_refused() {
        assert!(parse_cmap(b"beginbfchar <01> <0041> endbfchar").is_err());
        assert!(parse_cmap(b"2 beginbfchar <01> <0041> endbfchar").is_err());
        assert!(parse_cmap(b"1 beginbfchar <01> <D800DC> endbfchar").is_err());
        assert!(parse_cmap(b"1 beginbfrange <01> <03> <0041 00> endbfrange").is_err());
    }
}
