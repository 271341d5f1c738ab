//! The label grammar: the level word and number that open a node's cell
//! ("Program 1", "Sub. Kegiatan 1", "Su kegiatan 6", "Kegiatan1",
//! "Tujuan 2 :", "Sasaran Strategis 1", "Program" with no number), and the
//! numbering that opens an indicator ("1.", "2.Persentase",
//! "Indikator Tujuan 2 :").

use nom::{
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while},
    character::complete::{char, digit1, multispace0, multispace1, one_of},
    combinator::{map, not, opt, peek, recognize, value},
    multi::many1,
    sequence::{delimited, pair, preceded, terminated, tuple},
    IResult,
};
use serde::Serialize;

/// The levels of the hierarchy, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Tujuan,
    Sasaran,
    Program,
    Kegiatan,
    SubKegiatan,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::Tujuan, Level::Sasaran, Level::Program, Level::Kegiatan, Level::SubKegiatan];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Tujuan => "tujuan",
            Level::Sasaran => "sasaran",
            Level::Program => "program",
            Level::Kegiatan => "kegiatan",
            Level::SubKegiatan => "sub_kegiatan",
        }
    }
    pub fn depth(self) -> usize {
        self as usize
    }
}

/// A node label read from the start of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub level: Level,
    pub number: Option<u32>,
    /// A Permendagri 90/2019 code printed with the name (e.g. "2.17.06.2.01").
    pub code: Option<String>,
    /// The label as printed ("Sub. Kegiatan 1").
    pub printed: String,
    /// What follows the label: the node's name.
    pub name: String,
}

/// "kegiatan" and its misspellings: a letter typed wrong, added or left
/// out ("Kegiatn", "Kegiatam"), or two swapped ("Kegaitan").
fn kegiatan_word(i: &str) -> IResult<&str, &str> {
    misspelt("kegiatan")(i)
}

/// "program" and its misspellings ("Progam 2", "Progran 2").
fn program_word(i: &str) -> IResult<&str, &str> {
    misspelt("program")(i)
}

/// A word that is `word` (lowercase) or one typing slip from it (a letter
/// wrong, added or left out, or two neighbours swapped). Only for
/// level words of seven letters or more: no Indonesian word lies one
/// letter from "program" or "kegiatan", while "tujuan" is one from
/// "tujuh".
fn misspelt(word: &'static str) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        let (rest, w) = take_while(|c: char| c.is_alphabetic())(i)?;
        let lower = w.to_lowercase();
        // The word itself, whatever is glued on ("Kegiatanl": a 1 read as
        // a letter), but for a letter typed twice ("Kegiatann 2"): that is
        // the word misspelt, its number still to come.
        let doubled = lower.len() == word.len() + 1 && lower.starts_with(word) && lower.ends_with(&word[word.len() - 1..]);
        if !doubled {
            if let Ok(found) = tag_no_case::<&str, &str, nom::error::Error<&str>>(word)(i) {
                return Ok(found);
            }
        }
        if crate::parse::spelling::one_edit_apart(word, &lower) || crate::parse::spelling::swapped_neighbours(word, &lower) {
            Ok((rest, w))
        } else {
            fail(i)
        }
    }
}

fn level_word(i: &str) -> IResult<&str, Level> {
    alt((
        value(
            Level::SubKegiatan,
            tuple((alt((tag_no_case("sub"), tag_no_case("su"))), opt(one_of(".-")), multispace0, kegiatan_word)),
        ),
        value(Level::Sasaran, pair(tag_no_case("sasaran"), opt(preceded(multispace1, alt((tag_no_case("strategis"), tag_no_case("stategis"), tag_no_case("strategi"))))))),
        value(Level::Tujuan, tag_no_case("tujuan")),
        value(Level::Program, program_word),
        value(Level::Kegiatan, kegiatan_word),
    ))(i)
}

/// A code of at least three dot-separated groups: "2.17.06.2.01". OCR may
/// read one of the points as a colon ("1:02.02.2.01"); two points at least
/// stay, so a time ("10:30") is no code.
fn code(i: &str) -> IResult<&str, &str> {
    recognize(tuple((digit1, many1(preceded(one_of(".:"), digit1)), opt(char('.')))))(i).and_then(|(rest, c)| {
        let c_trim = c.trim_end_matches('.');
        // A Permendagri code's second group is the bidang's, two digits
        // ("1.02.02.2.01", "3.27.03", "2.17.10"); a NO column's numbering
        // counts ("1.1.1.1", "1.1.10").
        let padded = c_trim.split(['.', ':']).nth(1).is_some_and(|g| g.len() == 2);
        if c_trim.matches('.').count() >= 2 && c_trim.matches(':').count() <= 1 && padded {
            Ok((rest, c))
        } else {
            fail(i)
        }
    })
}

fn fail<T>(i: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))
}

/// The label number: digits, then an optional '.', ':' or ')', or the
/// mark OCR puts after a number it doubted ("Sub Kegiatan 1?"): a label's
/// number is an ordinal, not a value, and the mark left in the name
/// would only soil it.
fn label_number(i: &str) -> IResult<&str, u32> {
    let (i, d) = terminated(digit1, pair(multispace0, opt(one_of(".:)?"))))(i)?;
    match d.parse() {
        Ok(n) => Ok((i, n)),
        Err(_) => fail(i),
    }
}

/// A label number of the node's place in the hierarchy ("Kegiatan 1.2",
/// "Sub Kegiatan 1.2.3"): its last group is the node's own number, the
/// ones before it its parents'.
fn hierarchical_label_number(i: &str) -> IResult<&str, u32> {
    let (i, n) = terminated(row_numbering, pair(multispace0, opt(one_of(":)"))))(i)?;
    match n.trim_end_matches('.').rsplit('.').next().and_then(|last| last.parse().ok()) {
        Some(last) => Ok((i, last)),
        None => fail(i),
    }
}

/// A label number in roman numerals ("Sasaran Strategis II", "TUJUAN
/// IV."), I to XII, ending the word: a plan numbering its sasaran as
/// chapters are numbered.
fn roman_label_number(i: &str) -> IResult<&str, u32> {
    const ROMAN: [&str; 12] = ["XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I"];
    const VALUE: [u32; 12] = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    for (r, v) in ROMAN.iter().zip(VALUE) {
        if let Some(rest) = i.strip_prefix(r) {
            if rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || ".:)".contains(c)) {
                let (rest, _) = pair(multispace0, opt(one_of(".:)")))(rest)?;
                return Ok((rest, v));
            }
        }
    }
    fail(i)
}

/// A label's number, plain, hierarchical or roman.
fn any_label_number(i: &str) -> IResult<&str, u32> {
    alt((hierarchical_label_number, label_number, roman_label_number))(i)
}

/// A level word shortened as narrow cells make officers write it: "Prog.
/// 1", "Keg. 1", "Sub Keg. 1", "Sub Keg 2". Only with the label's number
/// after it (see [`label`]): "Keg" alone is no label.
fn abbreviated_level_word(i: &str) -> IResult<&str, Level> {
    let (i, level) = alt((
        value(Level::SubKegiatan, tuple((tag_no_case("sub"), opt(one_of(".-")), multispace0, tag_no_case("keg")))),
        value(Level::Program, tag_no_case("prog")),
        value(Level::Kegiatan, tag_no_case("keg")),
    ))(i)?;
    let (i, _) = not(peek(nom::character::complete::satisfy(|c: char| c.is_alphabetic())))(i)?;
    // The abbreviation's point, read twice or as a comma by OCR ("Keg..1").
    let (i, _) = take_while(|c| c == '.' || c == ',')(i)?;
    let (i, _) = multispace0(i)?;
    Ok((i, level))
}

/// A NO column's hierarchical numbering printed before the label
/// ("1.1.1.1.1 Sub Kegiatan 1"): digits in groups. Read past, not kept: it
/// is no code (the grammar tries a code first).
fn row_numbering(i: &str) -> IResult<&str, &str> {
    recognize(tuple((digit1, many1(preceded(char('.'), digit1)), opt(char('.')))))(i)
}

/// The level a Permendagri 90/2019 code names by its length: a program's
/// has three groups (urusan, bidang, program: "1.04.02"), a kegiatan's
/// five ("1.04.02.2.01"), a sub kegiatan's six ("1.04.02.2.01.0003").
fn level_of_code(code: &str) -> Option<Level> {
    match code.trim_end_matches('.').split(['.', ':']).count() {
        3 => Some(Level::Program),
        5 => Some(Level::Kegiatan),
        6 => Some(Level::SubKegiatan),
        _ => None,
    }
}

/// A node printed by its code and name alone, as SIPD exports print
/// programs, kegiatan and sub kegiatan ("1.04.02 PROGRAM PENGEMBANGAN
/// PERUMAHAN", "1.04.02.2.01 Pendataan ..."): the code's length gives the
/// level, and the whole text after it is the name (an official program
/// name opens with "PROGRAM"). Not when a numbered label follows the code
/// ("2.17.02 Program 1 ..."), nor when a level word in title case does
/// ("3.26.02 Program" over "PROGRAM PENINGKATAN ...", "3.26.02.2.01
/// Kegiatan Pengelolaan ..."): a label, numbered or not, as written.
fn code_alone(i: &str, lead_code: &str) -> Option<Level> {
    // (The grammar itself decides, so a number glued on as the grammar
    // allows, "Sub Kegiatan'2", counts too.)
    let numbered_label = |t: &str| -> bool { label(t, false).is_ok_and(|(_, (_, code, number))| code.is_none() && number.is_some()) };
    let titled_label = |t: &str| -> bool {
        let first = t.split_whitespace().next().unwrap_or("");
        first.chars().skip(1).any(char::is_lowercase) && label(t, false).is_ok_and(|(_, (_, code, _))| code.is_none())
    };
    let opens_name = i.starts_with(|c: char| c.is_alphabetic());
    level_of_code(lead_code).filter(|_| opens_name && !numbered_label(i) && !titled_label(i))
}

fn label(i: &str, codes_alone: bool) -> IResult<&str, (Level, Option<String>, Option<u32>)> {
    let (i, lead_code) = opt(terminated(code, multispace1))(i)?;
    if let Some(level) = lead_code.filter(|_| codes_alone).and_then(|c| code_alone(i, c)) {
        return Ok((i, (level, lead_code.map(str::to_string), None)));
    }
    let (i, _) = if lead_code.is_none() { opt(terminated(row_numbering, multispace1))(i)? } else { (i, None) };
    if let Ok((rest, level)) = abbreviated_level_word(i) {
        let (rest, number) = any_label_number(rest)?;
        let (rest, _) = multispace0(rest)?;
        let (rest, _) = opt(pair(one_of(":.-"), multispace0))(rest)?;
        return Ok((rest, (level, lead_code.map(str::to_string), Some(number))));
    }
    let (i, level) = level_word(i)?;
    // "Tujuanl", "Kegiatanl", "Kegiatani": a 1 glued to the level word,
    // read by OCR as a letter l (or I, or i); no word goes on so.
    let (i, glued_one) = opt(terminated(one_of("lIi"), not(peek(nom::character::complete::satisfy(|c: char| c.is_alphanumeric())))))(i)?;
    let (i, code2, number) = if glued_one.is_some() {
        (i, None, Some(1))
    } else {
        // "Programnya" is no label: the level word must end the word.
        let (i, _) = not(peek(nom::character::complete::satisfy(|c: char| c.is_alphabetic())))(i)?;
        let (i, _) = multispace0(i)?;
        let (i, code2) = opt(terminated(map(code, str::to_string), multispace0))(i)?;
        // ("Sub Kegiatan-3": the number joined to the level word by a
        // hyphen; "Kegiatan'2": by a speck OCR read as a quote.)
        let (i, number) = if code2.is_some() { (i, None) } else { opt(preceded(opt(one_of("-'’‘`")), any_label_number))(i)? };
        (i, code2, number)
    };
    let (i, _) = multispace0(i)?;
    let (i, _) = opt(pair(one_of(":.-"), multispace0))(i)?;
    Ok((i, (level, lead_code.map(str::to_string).or(code2), number)))
}

/// True when `t` (trimmed at the start) may open a label: a code's digit
/// or a level word's first letter (Sub, Su, Sasaran, Tujuan, Program,
/// Kegiatan), and, where the bytes are plain ASCII, the level word's first
/// letters (after the code and a space, if a code opens it). Most text a
/// reflow asks about is turned away here, before the grammar runs. A
/// necessary condition only: the grammar decides.
fn may_open_label(t: &str, codes_alone: bool) -> bool {
    let Some(first) = t.as_bytes().first().map(u8::to_ascii_lowercase) else { return false };
    if !(first.is_ascii_digit() || matches!(first, b's' | b't' | b'p' | b'k')) {
        return false;
    }
    let mut rest = t.as_bytes();
    if first.is_ascii_digit() {
        // A code, then at least one space (nom's multispace: ' ', '\t', '\r', '\n').
        let code_len = rest.iter().take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b':')).count();
        let groups = rest[..code_len].split(|b| matches!(b, b'.' | b':')).filter(|g| !g.is_empty()).count();
        rest = &rest[code_len..];
        let space_len = rest.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')).count();
        if space_len == 0 {
            return false;
        }
        rest = &rest[space_len..];
        // A code alone before a name ([`code_alone`]).
        if codes_alone && matches!(groups, 3 | 5 | 6) && rest.first().is_some_and(|b| b.is_ascii_alphabetic() || !b.is_ascii()) {
            return true;
        }
    }
    // The grammar compares letters by their Unicode lowercase: a byte
    // outside ASCII may still match (the Kelvin sign is a 'k'), so it
    // passes here.
    // (With the openings of level words two letters swapped: "Porgram".)
    const LEVEL_STARTS: [&[u8]; 7] = [b"su", b"sasaran", b"tujuan", b"pro", b"por", b"keg", b"kge"];
    LEVEL_STARTS.iter().any(|start| rest.iter().zip(start.iter()).all(|(b, s)| !b.is_ascii() || b.to_ascii_lowercase() == *s) && rest.len() >= start.len())
        || rest.iter().take(8).any(|b| !b.is_ascii())
}

/// The text from where a label may start: after spaces, and after a stray
/// mark or two that OCR puts before a cell's first word ("‘Program 1",
/// ": Penanggulangan") from specks and ruling ends.
fn label_start(text: &str) -> &str {
    let t = text.trim_start();
    let marks = t.chars().take(2).take_while(|c| STRAY_MARKS.contains(c)).map(char::len_utf8).sum::<usize>();
    if marks == 0 {
        t
    } else {
        t[marks..].trim_start()
    }
}

/// Marks OCR reads from specks and ruling ends; none opens a label.
const STRAY_MARKS: &[char] = &['\u{2018}', '\u{2019}', '\'', '`', '"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', ':', ';', ',', '.', '|', '\u{a9}', '~', '_'];

/// Reads a node label at the start of `text`, if there is one.
pub fn parse_label(text: &str) -> Option<Label> {
    parse_label_in(text, true)
}

fn parse_label_in(text: &str, codes_alone: bool) -> Option<Label> {
    let t = label_start(text);
    if !may_open_label(t, codes_alone) {
        return None;
    }
    let (rest, (level, mut found_code, number)) = label(t, codes_alone).ok()?;
    let printed = t[..t.len() - rest.len()].trim_end().to_string();
    let mut name = rest.trim().to_string();
    // A code may also follow the label's number: "Program 1 2.17.02 Name".
    if found_code.is_none() {
        let split = terminated(code, multispace0)(name.as_str()).ok().map(|(after, c)| (after.trim().to_string(), c.to_string()));
        if let Some((after, c)) = split {
            found_code = Some(c);
            name = after;
        }
    }
    Some(Label { level, number, code: found_code.map(|c| c.trim_end_matches('.').replace(':', ".")), printed, name })
}

/// True when `line`, though it reads as a label, is the name of the bare
/// label on the line above it in the same cell: "Program 1" over
/// "PROGRAM PEMENUHAN UPAYA ...", "Program 2." over "Program Promosi ...",
/// "Program 1" over "1.02.02 PROGRAM ...". Official names often open with
/// their level's word; a bare label followed by a new node of the same
/// level with no number is no table anyone prints. So is the level's word
/// alone under a label ("PROGRAM 1" / "PROGRAM" / "PEMENUHAN UPAYA ...",
/// "Program" / "PROGRAM" / "PENGELOLAAN ...": the name wrapped after its
/// first word in a narrow cell).
pub fn names_bare_label(prev: &str, line: &str) -> bool {
    names_bare_label_in(prev, line, true)
}

fn names_bare_label_in(prev: &str, line: &str, codes_alone: bool) -> bool {
    let (Some(p), Some(l)) = (parse_label_in(prev, codes_alone), parse_label_in(line, codes_alone)) else { return false };
    p.name.is_empty() && l.level == p.level && l.number.is_none()
}

/// A NO cell: a row's number alone, in digits or in roman numerals
/// ("1", "12.", "IV"), as the NO column prints it.
///
/// ```
/// use rencana::parse::label::is_row_number;
/// assert!(is_row_number("3.") && is_row_number("VIII"));
/// assert!(!is_row_number("2026") && !is_row_number("Ha"));
/// ```
pub fn is_row_number(text: &str) -> bool {
    let t = text.trim().trim_end_matches('.');
    let roman = t.len() <= 4 && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    !t.is_empty() && (roman || (t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())))
}

/// True for a word that is a node's Permendagri code alone ("3.31.02.2.01"),
/// by the grammar the label reads codes with: three groups at least, the
/// second of two digits, so a NO column's "1.1" or "1.1.1.1" is no code.
pub fn is_code(word: &str) -> bool {
    code(word).is_ok_and(|(rest, _)| rest.is_empty())
}

/// True for a NO column's hierarchical numbering alone ("1.1", "1.1.1.2.",
/// not a code such as "1.02.02", nor a sum such as "2.185.400.000": no
/// level numbers a hundred rows).
pub fn is_hierarchical_numbering(word: &str) -> bool {
    let small_groups = word.trim_end_matches('.').split('.').all(|g| g.len() <= 2);
    small_groups && row_numbering(word).is_ok_and(|(rest, _)| rest.is_empty()) && !is_code(word)
}

/// The label opening the text as printed (`parse_label(text)`'s
/// `printed`), without reading the rest.
pub fn printed_label(text: &str) -> Option<&str> {
    printed_label_in(text, true)
}

fn printed_label_in(text: &str, codes_alone: bool) -> Option<&str> {
    let t = label_start(text);
    if !may_open_label(t, codes_alone) {
        return None;
    }
    let (rest, _) = label(t, codes_alone).ok()?;
    Some(t[..t.len() - rest.len()].trim_end())
}

/// True when the text opens with a label: `parse_label(text).is_some()`
/// without building the label.
pub fn starts_with_label(text: &str) -> bool {
    starts_with_label_in(text, true)
}

fn starts_with_label_in(text: &str, codes_alone: bool) -> bool {
    let t = label_start(text);
    may_open_label(t, codes_alone) && label(t, codes_alone).is_ok()
}

/// The grammar without nodes printed by their code alone ([`code_alone`]),
/// for the flow dumps' readers. A flow dump prints a bare label ("Program
/// 1", "Kegiatan 2") and the code and name of its node apart, often with
/// other cells between: there the code line is the name of a labelled
/// node, and read as a node of its own it would open one twice.
pub mod written {
    use super::Label;

    pub fn parse_label(text: &str) -> Option<Label> {
        super::parse_label_in(text, false)
    }

    pub fn starts_with_label(text: &str) -> bool {
        super::starts_with_label_in(text, false)
    }

    pub fn printed_label(text: &str) -> Option<&str> {
        super::printed_label_in(text, false)
    }

    pub fn names_bare_label(prev: &str, line: &str) -> bool {
        super::names_bare_label_in(prev, line, false)
    }
}

/// The numbering that opens an indicator: "1. ", "2.Persentase", "3) ",
/// "Indikator Tujuan 2 :", "Indikator Sasaran 1:". Returns the number and
/// the text after it.
pub fn parse_indicator_number(text: &str) -> (Option<u32>, &str) {
    let t = text.trim_start();
    // "(1) Harapan Lama Sekolah": the number in brackets, before a word.
    let bracketed = delimited(tag::<&str, &str, nom::error::Error<&str>>("("), digit1, pair(tag(")"), multispace0))(t);
    if let Ok((rest, d)) = bracketed {
        if rest.starts_with(|c: char| c.is_alphabetic()) {
            return (d.parse().ok(), rest);
        }
    }
    // The numbering opens with a digit or "Indikator" (compared by Unicode
    // lowercase, so a byte outside ASCII goes to the grammar).
    if !t.as_bytes().first().is_some_and(|b| b.is_ascii_digit() || b.eq_ignore_ascii_case(&b'i') || !b.is_ascii()) {
        return (None, t);
    }
    let mut numbered = tuple((
        opt(alt((
            recognize(tuple((
                tag_no_case("indikator"),
                multispace1,
                alt((tag_no_case("tujuan"), tag_no_case("sasaran"), tag_no_case("program"), tag_no_case("kegiatan"))),
                multispace0,
            ))),
            // "IKU 1 :", "IK 2 :": indikator kinerja (utama), numbered.
            recognize(pair(alt((tag_no_case("iku"), tag_no_case("ik"))), multispace0)),
        ))),
        digit1::<&str, nom::error::Error<&str>>,
        multispace0,
        alt((tag("."), tag(")"), tag(":"), tag(","))),
        not(peek(nom::character::complete::satisfy(|c: char| c.is_ascii_digit()))),
        multispace0,
    ));
    match numbered(t) {
        // "1, Indeks ...": OCR reads the point of "1." as a comma; a comma
        // numbers an indicator only before a capital, where a list ("1, 2
        // dan 3") or a decimal ("1,5") never stands.
        Ok((rest, (_, _, _, ",", _, _))) if !rest.starts_with(|c: char| c.is_uppercase()) => (None, t),
        Ok((rest, (prefix, d, _, sep, _, _))) if prefix.is_some() || sep != ":" => (d.parse().ok(), rest),
        _ => (None, t),
    }
}

/// A small letter numbering an indicator: "a.", "b)" (a capital with a
/// point is as often a name's initial or title, "H. Muhammad").
pub fn is_letter_numbering(word: &str) -> bool {
    let body = word.trim_end_matches(['.', ')']);
    body.len() < word.len() && body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase())
}

/// A key indicator's number before its text: "IKU 3 Level kapabilitas
/// APIP" (Indikator Kinerja Utama, an IKU form's numbering across the
/// plan), "IKK 2", "IKU-4", "IKU.5"; before a capital only.
fn key_indicator_number(text: &str) -> Option<(Option<u32>, &str)> {
    let t = text.trim_start();
    let rest = ["IKU", "IKK"].iter().find_map(|k| t.strip_prefix(k))?;
    let rest = rest.trim_start_matches([' ', '-', '.']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start_matches(['.', ')', ':']);
    let opens_sentence = after.starts_with(char::is_whitespace) && after.trim_start().starts_with(char::is_uppercase);
    (digits > 0 && opens_sentence).then(|| (rest[..digits].parse().ok(), after.trim_start()))
}

/// A list's bullet glyph ("•", "●", "▪", "◦", "·", "*") as a word of its
/// own before an item. (A hyphen or dash also marks items, but stands for
/// a blank value too: the callers tell those apart.)
///
/// ```
/// use rencana::parse::label::is_list_bullet;
/// assert!(is_list_bullet("•") && is_list_bullet("▪") && !is_list_bullet("-") && !is_list_bullet("a."));
/// ```
pub fn is_list_bullet(word: &str) -> bool {
    matches!(word, "\u{2022}" | "\u{25cf}" | "\u{25aa}" | "\u{25e6}" | "\u{b7}" | "*")
}

/// The numbering an indicator cell opens with, taken off its text: a
/// number ([`parse_indicator_number`]), or a numbering that is no single
/// number, a small letter ([`is_letter_numbering`]) or a number of a tujuan or sasaran's
/// indicators under it ("1.1 ", "2.3. "; two groups: more are a NO
/// column's numbering or a code). Only before a capital, where a
/// sentence opens: "a" or "1.5" never open an indicator's name otherwise.
/// Returns the number (`None` for a letter or a dotted number: the output
/// holds a number only) and the text after the numbering.
pub fn strip_indicator_numbering(text: &str) -> (Option<u32>, &str) {
    // A list's bullet ("- Angka kematian ...", "• Jumlah ...") is no part
    // of the text.
    let text = text.trim_start();
    let text = match text.split_once(char::is_whitespace) {
        Some((mark, rest)) if (matches!(mark, "-" | "\u{2013}") || is_list_bullet(mark)) && rest.trim_start().starts_with(char::is_alphabetic) => rest.trim_start(),
        _ => text,
    };
    let (number, rest) = parse_indicator_number(text);
    if number.is_some() {
        return (number, rest);
    }
    if let Some(numbered) = key_indicator_number(text) {
        return numbered;
    }
    let t = text.trim_start();
    let numbering = t.split_whitespace().next().unwrap_or("");
    let after = t[numbering.len()..].trim_start();
    if !after.starts_with(|c: char| c.is_uppercase()) {
        return (None, t);
    }
    let body = numbering.trim_end_matches(['.', ')']);
    let letter = is_letter_numbering(numbering);
    let parts: Vec<&str> = body.split('.').collect();
    // Two groups only: three or more are a NO column's numbering or a code.
    let dotted = parts.len() == 2 && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if letter || dotted {
        (None, after)
    } else {
        (None, t)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_key_indicators_number_is_taken_off_its_text() {
        use super::strip_indicator_numbering as strip;
        assert_eq!(strip("IKU 3 Level kapabilitas APIP"), (Some(3), "Level kapabilitas APIP"));
        assert_eq!(strip("IKK-12. Persentase jalan mantap"), (Some(12), "Persentase jalan mantap"));
        // An acronym that opens the indicator's own text stays.
        assert_eq!(strip("IKU Dinas Kesehatan"), (None, "IKU Dinas Kesehatan"));
        assert_eq!(strip("IKU 2 tercapai"), (None, "IKU 2 tercapai"));
    }

    #[test]
    fn a_stray_mark_before_a_label_is_passed_over() {
        // OCR puts a quote or a colon before a cell's first word.
        let l = parse_label("\u{2018}Program 1 2.11.02 Program Pengelolaan Persampahan").expect("a label");
        assert_eq!((l.level, l.number), (Level::Program, Some(1)));
        assert!(starts_with_label(": Penanggulangan") == starts_with_label("Penanggulangan"));
        assert_eq!(printed_label("| Sub Kegiatan 2 Pengelolaan"), Some("Sub Kegiatan 2"));
        // Three marks, or a word, are not stray marks.
        assert!(parse_label("... Program 1").is_none());
        assert!(parse_label("x Program 1").is_none());
    }

    use super::*;

    fn lab(s: &str) -> (Level, Option<u32>, String) {
        let l = parse_label(s).unwrap_or_else(|| panic!("no label in {s:?}"));
        (l.level, l.number, l.name)
    }

    #[test]
    fn roman_label_numbers_are_read_and_leave_the_name() {
        assert_eq!(lab("Sasaran Strategis II Meningkatnya akuntabilitas"), (Level::Sasaran, Some(2), "Meningkatnya akuntabilitas".to_string()));
        assert_eq!(lab("TUJUAN IV. Terwujudnya tata kelola"), (Level::Tujuan, Some(4), "Terwujudnya tata kelola".to_string()));
        // A name's first word that only opens with the letters stays whole.
        assert_eq!(lab("Program Inovasi Daerah"), (Level::Program, None, "Inovasi Daerah".to_string()));
    }

    #[test]
    fn labels_with_typos() {
        assert_eq!(lab("Program 1 Pendidikan dan latihan"), (Level::Program, Some(1), "Pendidikan dan latihan".into()));
        assert_eq!(lab("Sub. Kegiatan 1 Fasilitasi"), (Level::SubKegiatan, Some(1), "Fasilitasi".into()));
        assert_eq!(lab("Su kegiatan 6 Penyelenggaraan"), (Level::SubKegiatan, Some(6), "Penyelenggaraan".into()));
        assert_eq!(lab("Sub kegiatn 2 Koordinasi"), (Level::SubKegiatan, Some(2), "Koordinasi".into()));
        assert_eq!(lab("Kegiatan1 Pendidikan"), (Level::Kegiatan, Some(1), "Pendidikan".into()));
        assert_eq!(lab("Kegiatn 1 Perencanaan"), (Level::Kegiatan, Some(1), "Perencanaan".into()));
        assert_eq!(lab("Progam 2 PROGRAM PENANGANAN"), (Level::Program, Some(2), "PROGRAM PENANGANAN".into()));
        assert_eq!(lab("Progran 2 PROGRAM PENYELENGGARAAN"), (Level::Program, Some(2), "PROGRAM PENYELENGGARAAN".into()));
        assert_eq!(lab("Kegiatam 3 Pembinaan"), (Level::Kegiatan, Some(3), "Pembinaan".into()));
        assert_eq!(lab("Porgram 4 PROGRAM PENGEMBANGAN"), (Level::Program, Some(4), "PROGRAM PENGEMBANGAN".into()));
        assert_eq!(lab("Sub Kegiatann 2 Pengembangan Desa"), (Level::SubKegiatan, Some(2), "Pengembangan Desa".into()));
        assert_eq!(lab("Sub Kegiatan-3 2.15.02.2.03.0007 Pengendalian Parkir"), (Level::SubKegiatan, Some(3), "Pengendalian Parkir".into()));
        assert_eq!(lab("Kegiatan - Pembinaan"), (Level::Kegiatan, None, "Pembinaan".into()));
        assert_eq!(lab("Programm 3 PROGRAM PENUNJANG"), (Level::Program, Some(3), "PROGRAM PENUNJANG".into()));
        assert_eq!(lab("PROGRAM 1 PEMBERDAYAAN"), (Level::Program, Some(1), "PEMBERDAYAAN".into()));
        assert_eq!(lab("Tujuan  2 : Meningkatnya"), (Level::Tujuan, Some(2), "Meningkatnya".into()));
        assert_eq!(lab("Sasaran 1 : Meningkatnya"), (Level::Sasaran, Some(1), "Meningkatnya".into()));
        assert_eq!(lab("Sasaran Strategis 2 Meningkatnya"), (Level::Sasaran, Some(2), "Meningkatnya".into()));
        assert_eq!(lab("Sasaran Stategis 2 Meningkatnya"), (Level::Sasaran, Some(2), "Meningkatnya".into()));
        assert_eq!(lab("Program pengembangan UMKM"), (Level::Program, None, "pengembangan UMKM".into()));
        assert_eq!(lab("Kegiatan 2. Administrasi Keuangan"), (Level::Kegiatan, Some(2), "Administrasi Keuangan".into()));
        assert_eq!(lab("Program 1. Perlindungan"), (Level::Program, Some(1), "Perlindungan".into()));
        assert_eq!(lab("Sub. Kegiatan 1 Penyediaan"), (Level::SubKegiatan, Some(1), "Penyediaan".into()));
        assert_eq!(lab("SubKegiatan 3 X"), (Level::SubKegiatan, Some(3), "X".into()));
        // A number OCR doubted.
        assert_eq!(lab("Sub Kegiatan 1? Pelaksanaan"), (Level::SubKegiatan, Some(1), "Pelaksanaan".into()));
        // A speck between the level word and its number, read as a quote.
        assert_eq!(lab("Sub Kegiatan'2 Sosialisasi"), (Level::SubKegiatan, Some(2), "Sosialisasi".into()));
        assert_eq!(lab("1.05.02.2.02.0003 Sub Kegiatan'2 Sosialisasi"), (Level::SubKegiatan, Some(2), "Sosialisasi".into()));
        // A 1 glued on and read as a letter.
        assert_eq!(lab("Tujuanl Meningkatnya derajat"), (Level::Tujuan, Some(1), "Meningkatnya derajat".into()));
        assert_eq!(lab("Sub Kegiatanl Pengelolaan"), (Level::SubKegiatan, Some(1), "Pengelolaan".into()));
        assert_eq!(lab("KegiatanI"), (Level::Kegiatan, Some(1), "".into()));
        assert_eq!(lab("Kegiatani Penerbitan Izin"), (Level::Kegiatan, Some(1), "Penerbitan Izin".into()));
        assert!(parse_label("Programlah ini").is_none());
        // Shortened level words, with their number only.
        assert_eq!(lab("Prog. 1 PENGELOLAAN PERIKANAN"), (Level::Program, Some(1), "PENGELOLAAN PERIKANAN".into()));
        assert_eq!(lab("Keg. 2 Pengelolaan Pembudidayaan"), (Level::Kegiatan, Some(2), "Pengelolaan Pembudidayaan".into()));
        assert_eq!(lab("Sub Keg. 1 Penyediaan"), (Level::SubKegiatan, Some(1), "Penyediaan".into()));
        assert_eq!(lab("Sub Keg 2 Penjaminan"), (Level::SubKegiatan, Some(2), "Penjaminan".into()));
        assert_eq!(lab("Sub Keg..1 Penyediaan"), (Level::SubKegiatan, Some(1), "Penyediaan".into()));
        // Numbers of the node's place in the hierarchy: its own is the last.
        assert_eq!(lab("Kegiatan 1.1 Pengelolaan Energi"), (Level::Kegiatan, Some(1), "Pengelolaan Energi".into()));
        assert_eq!(lab("Sub Kegiatan 2.1.3 Penyediaan"), (Level::SubKegiatan, Some(3), "Penyediaan".into()));
        assert_eq!(lab("Keg. 1.2. Pembinaan"), (Level::Kegiatan, Some(2), "Pembinaan".into()));
        assert_eq!(printed_label("Sub Kegiatan 1.1.2 Pengawasan"), Some("Sub Kegiatan 1.1.2"));
        for text in ["Keg. Pengelolaan", "Progres 1 tahap", "Kegel 1", "Prog berjalan"] {
            assert!(parse_label(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_code_has_three_groups_at_least() {
        assert!(is_code("3.31.02.2.01"));
        assert!(is_code("1.02.02"));
        assert!(!is_code("1.1"));
        assert!(!is_code("1.1.1.1"));
        assert!(is_code("2.17.10"));
        assert!(!is_code("1.1.10"));
        assert!(is_hierarchical_numbering("1.1.1.1."));
        assert!(!is_hierarchical_numbering("1.02.02"));
        assert!(!is_hierarchical_numbering("1"));
        assert!(!is_hierarchical_numbering("2.185.400.000"));
        assert_eq!(parse_label("1.1.1.1.1 Sub Kegiatan 1 Pelayanan").map(|l| (l.level, l.code, l.name)), Some((Level::SubKegiatan, None, "Pelayanan".to_string())));
        assert!(!is_code("10:30"));
        assert!(!is_code("3.31.02 PROGRAM"));
    }

    #[test]
    fn codes_are_kept_apart() {
        let l = parse_label("Program 2.17.02 Penunjang Urusan").unwrap();
        assert_eq!((l.number, l.code.as_deref(), l.name.as_str()), (None, Some("2.17.02"), "Penunjang Urusan"));
        let l = parse_label("Sub Kegiatan 1 2.17.06.2.01 Peningkatan").unwrap();
        assert_eq!((l.number, l.code.as_deref(), l.name.as_str()), (Some(1), Some("2.17.06.2.01"), "Peningkatan"));
        // OCR's colon for a point.
        let l = parse_label("Kegiatan 1 1:02.02.2.01 Penyediaan Fasilitas").unwrap();
        assert_eq!((l.number, l.code.as_deref(), l.name.as_str()), (Some(1), Some("1.02.02.2.01"), "Penyediaan Fasilitas"));
        let l = parse_label("Kegiatan 1 10:30 Rapat").unwrap();
        assert_eq!((l.number, l.code.as_deref(), l.name.as_str()), (Some(1), None, "10:30 Rapat"));
    }

    #[test]
    fn names_opening_with_the_level_word() {
        assert!(names_bare_label("Program 1", "PROGRAM PEMENUHAN UPAYA KESEHATAN"));
        assert!(names_bare_label("Program 2.", "Program Promosi Penanaman Modal"));
        assert!(names_bare_label("Program 1", "1.02.02 PROGRAM PEMENUHAN"));
        assert!(names_bare_label("PROGRAM 1", "PROGRAM"));
        assert!(names_bare_label("Program", "PROGRAM"));
        assert!(!names_bare_label("Program 1", "Program 2 Promosi"));
        assert!(!names_bare_label("Program 1 Pengelolaan", "Program Promosi"));
        assert!(!names_bare_label("Program 1", "Kegiatan 1 Penyediaan"));
    }

    #[test]
    fn the_quick_checks_agree_with_the_grammar() {
        for s in [
            "Program 1 Pendidikan", "  Sub. Kegiatan 1", "Su kegiatan 6 X", "2.17.06.2.01 Program Penunjang", "2.17.06 Program", "1.02\tKegiatan",
            "12 Program", "Programnya", "Persentase", "Tujuan", "Sasaran Strategis 2", "sasara", "Kegaitan 3", "\u{212A}egiatan 1 X", "", " ", "100",
            "1.250", "Su", "Keg", "Indikator Tujuan 2 :",
        ] {
            assert_eq!(starts_with_label(s), parse_label(s).is_some(), "{s:?}");
            assert_eq!(printed_label(s), parse_label(s).map(|l| l.printed).as_deref(), "{s:?}");
        }
    }

    #[test]
    fn not_labels() {
        assert!(parse_label("Programnya berjalan").is_none());
        assert!(parse_label("Persentase program").is_none());
        assert!(parse_label("Jumlah kegiatan").is_none());
    }

    #[test]
    fn indicator_numbers() {
        assert_eq!(parse_indicator_number("1. Persentase koperasi"), (Some(1), "Persentase koperasi"));
        assert_eq!(parse_indicator_number("2.Persentase temuan"), (Some(2), "Persentase temuan"));
        assert_eq!(parse_indicator_number("Indikator Tujuan 2 : Kontribusi UMKM"), (Some(2), "Kontribusi UMKM"));
        assert_eq!(parse_indicator_number("Jumlah SDM"), (None, "Jumlah SDM"));
        assert_eq!(parse_indicator_number("IKU 1 : Indeks Inovasi Daerah"), (Some(1), "Indeks Inovasi Daerah"));
        assert_eq!(parse_indicator_number("Ikan 1: Nila"), (None, "Ikan 1: Nila"));
        assert_eq!(strip_indicator_numbering("- Angka kematian ibu"), (None, "Angka kematian ibu"));
        assert_eq!(strip_indicator_numbering("-5 derajat"), (None, "-5 derajat"));
        assert_eq!(parse_indicator_number("1.250 unit"), (None, "1.250 unit"));
        // OCR's comma for the point: before a capital only.
        assert_eq!(parse_indicator_number("1, Indeks Pembangunan Gender"), (Some(1), "Indeks Pembangunan Gender"));
        assert_eq!(parse_indicator_number("1, 2 dan 3 tahun"), (None, "1, 2 dan 3 tahun"));
        assert_eq!(parse_indicator_number("1,5 ton"), (None, "1,5 ton"));
        assert_eq!(parse_indicator_number("2, dan lainnya"), (None, "2, dan lainnya"));
        // In brackets, before a word.
        assert_eq!(parse_indicator_number("(1) Harapan Lama Sekolah"), (Some(1), "Harapan Lama Sekolah"));
        assert_eq!(parse_indicator_number("(12)Rasio guru"), (Some(12), "Rasio guru"));
        assert_eq!(parse_indicator_number("(2) 50 sekolah"), (None, "(2) 50 sekolah"));
        assert_eq!(parse_indicator_number("(%) capaian"), (None, "(%) capaian"));
    }

    #[test]
    fn a_code_alone_names_its_level_by_its_length() {
        let l = parse_label("1.04.02 PROGRAM PENGEMBANGAN PERUMAHAN").expect("a program");
        assert_eq!((l.level, l.number, l.code.as_deref(), l.name.as_str()), (Level::Program, None, Some("1.04.02"), "PROGRAM PENGEMBANGAN PERUMAHAN"));
        let l = parse_label("1.04.02.2.01 Pendataan Penyediaan Rumah").expect("a kegiatan");
        assert_eq!((l.level, l.name.as_str()), (Level::Kegiatan, "Pendataan Penyediaan Rumah"));
        assert_eq!(parse_label("1.04.02.2.01.0003 Rehabilitasi Rumah").map(|l| l.level), Some(Level::SubKegiatan));
        // A numbered label after the code says the level; four groups say none.
        let l = parse_label("2.17.02 Program 1 Pemberdayaan").expect("a label");
        assert_eq!((l.level, l.number, l.name.as_str()), (Level::Program, Some(1), "Pemberdayaan"));
        assert_eq!(parse_label("1.04.02.2 Pendataan"), None);
        assert_eq!(parse_label("1.1.1 Pendataan"), None);
        // So does a level word in title case, numbered or not (gen109).
        let l = parse_label("3.26.02.2.01 Kegiatan Pengelolaan Daya Tarik Wisata").expect("a label");
        assert_eq!((l.level, l.number, l.name.as_str()), (Level::Kegiatan, None, "Pengelolaan Daya Tarik Wisata"));
        let l = parse_label("3.26.02 Program").expect("a bare label");
        assert_eq!((l.level, l.code.as_deref(), l.name.as_str()), (Level::Program, Some("3.26.02"), ""));
        assert!(names_bare_label("3.26.02 Program", "PROGRAM PENINGKATAN DAYA TARIK DESTINASI PARIWISATA"));
    }

    #[test]
    fn indicator_numberings_that_are_no_number() {
        assert_eq!(strip_indicator_numbering("a. Jumlah ormas yang dibina"), (None, "Jumlah ormas yang dibina"));
        assert_eq!(strip_indicator_numbering("b) Persentase"), (None, "Persentase"));
        assert_eq!(strip_indicator_numbering("1.1 Indeks kearsipan"), (None, "Indeks kearsipan"));
        assert_eq!(strip_indicator_numbering("2.3. Nilai SAKIP"), (None, "Nilai SAKIP"));
        assert_eq!(strip_indicator_numbering("1.1.1 Program 1"), (None, "1.1.1 Program 1"));
        assert_eq!(strip_indicator_numbering("1.02.02 PROGRAM PEMENUHAN"), (None, "1.02.02 PROGRAM PEMENUHAN"));
        assert_eq!(strip_indicator_numbering("3. Nilai SAKIP"), (Some(3), "Nilai SAKIP"));
        // Not before a capital, or not a numbering.
        assert_eq!(strip_indicator_numbering("a. jumlah"), (None, "a. jumlah"));
        assert_eq!(strip_indicator_numbering("1.5 Ton gabah"), (None, "Ton gabah"));
        assert_eq!(strip_indicator_numbering("1.250 Unit"), (None, "1.250 Unit"));
        assert_eq!(strip_indicator_numbering("ab. Jumlah"), (None, "ab. Jumlah"));
        assert_eq!(strip_indicator_numbering("H. Muhammad Hasbi"), (None, "H. Muhammad Hasbi"));
        assert_eq!(strip_indicator_numbering("Jumlah SDM"), (None, "Jumlah SDM"));
    }
}
