//! Repairs of OCR misreadings that the number grammar can vouch for, and
//! the refusal of numbers Tesseract was not sure of.
//!
//! Only words in numeric context are touched: a word that, once repaired,
//! reads as a number ([`parse_value`]). Letters are never changed in words
//! that have no digit and no percent sign, so "TW.III" or "Il" stay as
//! they are. A number read with low confidence is marked with a trailing
//! `?`, which the number grammar does not accept: the cell is then left
//! empty with a warning, because a wrong number is worse than an empty one.

use crate::parse::number::{is_grouped_thousands, parse_value, Value};

/// Numbers read with a lower confidence are refused. On the corpus scans
/// the misread numbers ("225" for "22,5", "250" for "2,7", "10%" for "0%")
/// came at confidences 49 to 68, while a lone "0", which Tesseract always
/// doubts a little against "O", comes at 80 to 87; the bar sits between.
pub const MIN_NUMBER_CONF: f32 = 75.0;
/// A number that needed a letter repair must have been read more
/// confidently as a whole.
pub const MIN_REPAIRED_CONF: f32 = 85.0;
/// The mark that makes the number grammar refuse a word.
pub const UNREADABLE_MARK: char = '?';

/// Tesseract's usual readings of a lone "%" in a Satuan cell. None of them
/// is an Indonesian or English word.
const PERCENT_MISREADINGS: [&str; 5] = ["Yo", "Y6", "%o", "Yb", "Y%"];

/// Returns the word as it should be read, given Tesseract's confidence and
/// the word box's width and height (any unit).
pub fn repair(text: &str, conf: f32, (width, height): (f32, f32)) -> String {
    if PERCENT_MISREADINGS.contains(&text) {
        return "%".to_string();
    }
    if let Some(numeral) = roman_numeral(text) {
        return numeral;
    }
    // "ITARGET", "lSATUAN": a border's remnant glued before a header word
    // in capitals (a core column name, five letters at least), which kept
    // the header line from being read as one.
    if let Some(rest) = text.strip_prefix(['I', 'l', '|']) {
        if rest.chars().count() >= 5 && rest.chars().all(|c| c.is_ascii_uppercase()) && crate::parse::header::is_core_header_word(rest) {
            return rest.to_string();
        }
    }
    let trimmed = number_edges(text);
    let repaired = percent_suffix(&digit_letters(&colons_in_thousands(trimmed)));
    if !matches!(parse_value(&repaired), Value::Number(_)) {
        return without_ruling_strokes(without_glued_quote(text));
    }
    // Marks trimmed off its edges leave a number's digits as read.
    let needed = if repaired == trimmed { MIN_NUMBER_CONF } else { MIN_REPAIRED_CONF } + long_number_margin(&repaired);
    if conf < needed || too_wide(&repaired, width, height) {
        return format!("{text}{UNREADABLE_MARK}");
    }
    repaired
}

/// Digits from which a number's confidence must be higher, and by how
/// much per digit more, at most [`MAX_LONG_NUMBER_MARGIN`].
const LONG_NUMBER_DIGITS: usize = 4;
const LONG_NUMBER_MARGIN_PER_DIGIT: f32 = 1.5;
const MAX_LONG_NUMBER_MARGIN: f32 = 15.0;

/// How much surer a long number must be read than a short one. A word's
/// confidence is its glyphs' together: one misread glyph among eleven
/// lowers it less than one among two. On the held-out scans budgets with
/// one digit misread ("510.000.900", "960.000.060") came at 74 and 77,
/// the same budgets read right at 81 to 90; with the margin the first are
/// refused, the second read again ([`super::reread`]) or refused too.
/// Only amounts: a code ("2.11.04.2.01.0001") is no value, and its
/// reading is left as it was.
fn long_number_margin(number: &str) -> f32 {
    let amount = is_grouped_thousands(number) || number.chars().all(|c| c.is_ascii_digit());
    if !amount {
        return 0.0;
    }
    let digits = number.chars().filter(char::is_ascii_digit).count();
    (digits.saturating_sub(LONG_NUMBER_DIGITS) as f32 * LONG_NUMBER_MARGIN_PER_DIGIT).min(MAX_LONG_NUMBER_MARGIN)
}

/// Marks that no cell of a plan prints standing alone: a word of them only
/// is a speck of dirt or a ruling's remnant read as text.
const SPECK_MARKS: &[char] = &['=', '_', '~', '^', '`', '\'', '"', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}'];
/// Punctuation that may stand alone in plans (a colon: "Indikator Tujuan
/// 2 :"), but a speck reads as too: believed only when Tesseract was sure
/// (and a lone full stop or comma never is, see [`is_speck`]).
const DOUBTED_MARKS: &[char] = &['.', ':', ';', ','];
/// On the degraded held-out scans specks read as "." or ":" came at 42 to 49.
const MIN_MARK_CONF: f32 = 60.0;

/// True for a word that is a speck, not text: made of marks only, of
/// those no cell prints alone, or of doubted ones read without confidence.
pub fn is_speck(text: &str, conf: f32) -> bool {
    !text.is_empty()
        && (text.chars().all(|c| SPECK_MARKS.contains(&c))
            // A full stop or comma is printed against the word before it,
            // which Tesseract reads with it; one standing alone is a speck
            // however sure (". 9.300" made a TW III cell unreadable).
            || text.chars().all(|c| matches!(c, '.' | ','))
            || (conf < MIN_MARK_CONF && text.chars().all(|c| SPECK_MARKS.contains(&c) || DOUBTED_MARKS.contains(&c))))
}

/// The narrowest a dash is printed: a hyphen is a third of an em wide, two
/// points and more at the sizes plans are printed in.
const MIN_DASH_WIDTH: f32 = 1.5;

/// True for a dash too narrow to be printed: a dot of dirt or the end of
/// a ruling read as "-" (0.7 pt wide on a held-out scan, where it made a
/// value column of its own and moved the next cells' values along).
pub fn is_speck_dash(text: &str, width: f32) -> bool {
    matches!(text, "-" | "\u{2013}" | "\u{2014}") && width < MIN_DASH_WIDTH
}

/// A word with a stroke in it that is no number: the stroke is what is
/// left of a cell border between two cells' words, or at a word's end
/// ("Triwula|Triwula|Triwula", "|Triwuta"); the words come apart
/// there. (In a number a stroke is a 1: see [`digit_letters`].)
fn without_ruling_strokes(text: &str) -> String {
    let has_text = text.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    if !text.contains('|') || !has_text {
        return text.to_string();
    }
    text.split('|').filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A speck read as an opening quote glued before a capitalised word
/// ("\u{201c}Indeks"), which keeps a unit cell from being told as one: it
/// goes, unless the word holds a closing quote (a quoted word, "\u{201c}BB\u{201d}").
fn without_glued_quote(text: &str) -> &str {
    let rest = text.trim_start_matches(QUOTES);
    let closes = rest.contains(QUOTES);
    if rest.len() < text.len() && rest.starts_with(char::is_uppercase) && !closes {
        rest
    } else {
        text
    }
}

/// Quote marks, as Tesseract reads a speck before a word.
const QUOTES: &[char] = &['\u{201c}', '\u{201d}', '"', '\'', '\u{2018}', '\u{2019}', '`'];

/// Typical advance widths, in shares of a digit's height, of what a number
/// is made of (Arial, Calibri and Times differ by less than a tenth).
const DIGIT_ADVANCE: f32 = 0.77;
const MARK_ADVANCE: f32 = 0.39;
const PERCENT_ADVANCE: f32 = 1.23;
/// A box this many times wider than its text needs holds a glyph Tesseract
/// did not read ("7" for "77" came at 1.8, "10" for "100" would come at
/// 1.4). On the corpus scans the 675 numbers read right came at 1.04 at most.
const WIDTH_SLACK: f32 = 1.3;

/// True when the box is too wide for the number read in it: a glyph was
/// lost, so the number is wrong.
fn too_wide(number: &str, width: f32, height: f32) -> bool {
    if height <= 0.0 {
        return false;
    }
    let needed: f32 = number
        .chars()
        .map(|c| match c {
            '0'..='9' => DIGIT_ADVANCE,
            '%' => PERCENT_ADVANCE,
            _ => MARK_ADVANCE,
        })
        .sum();
    width / height > WIDTH_SLACK * needed
}

/// A mark no number begins with, glued before one: a speck read as a
/// quote, a colon ("\u{201c}49.150", ":5.000").
pub fn is_mark_before_number(c: char) -> bool {
    QUOTES.contains(&c) || matches!(c, ':' | ';')
}
/// Strokes read after a number, where a cell's border stands.
const STROKES: &[char] = &['I', 'l', '|'];

/// A word that is one stroke, as Tesseract reads what is left of a
/// border: "I", "l", "|" or "!". Beside words it may be a numeral ("Tahap
/// I"); its neighbours tell (`normalise::ocr_text`, `lines`).
pub fn is_lone_stroke(w: &str) -> bool {
    matches!(w, "I" | "l" | "|" | "!")
}

/// The number in `text` without what is glued to its edges and cannot be
/// part of it: marks before it; after it a degree sign (a speck), a full
/// stop after decimals ("34,31."), or strokes (a border's remnant) that
/// as 1s would make no number of the plan's: after grouped thousands
/// ("2.500I", which the grammar would take as 2.5001) or after a lone 0
/// ("0I", which it would take as 1). Other text is given back whole.
fn number_edges(text: &str) -> &str {
    let starts_with_digit = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    let mut s = text.trim_start_matches(is_mark_before_number);
    if !starts_with_digit(s) {
        return text;
    }
    s = s.strip_suffix('\u{b0}').unwrap_or(s);
    if s.contains(',') {
        s = s.strip_suffix('.').unwrap_or(s);
    }
    let body = s.trim_end_matches(STROKES);
    if body.len() < s.len() && (body == "0" || is_grouped_thousands(body)) {
        s = body;
    }
    s
}

/// A thousands dot read as a colon ("98:300" among "73.725", "98.300"):
/// a number grouped in threes by dots, colons or semicolons, with one of
/// the latter, given back with dots. A colon printed between digits is a
/// time ("08:00", two digits after it), never a value of a plan.
fn colons_in_thousands(text: &str) -> String {
    let groups: Vec<&str> = text.split(['.', ':', ';']).collect();
    let grouped = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    if grouped && text.contains([':', ';']) {
        text.replace([':', ';'], ".")
    } else {
        text.to_string()
    }
}

/// "O" and "o" read for 0, "l", "I" and "|" read for 1, inside a word made of
/// digits, separators and those letters that has at least one real digit
/// (or ends in "%", as "O%").
fn digit_letters(text: &str) -> String {
    let body = text.strip_suffix('%').unwrap_or(text);
    let confusable = |c: char| matches!(c, 'O' | 'o' | 'l' | 'I' | '|');
    let numeric_shape = !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.') || confusable(c));
    let anchored = body.chars().any(|c| c.is_ascii_digit()) || text.ends_with('%');
    if !(numeric_shape && anchored && body.chars().any(confusable)) {
        return text.to_string();
    }
    let fixed: String = body
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'l' | 'I' | '|' => '1',
            other => other,
        })
        .collect();
    if text.ends_with('%') {
        format!("{fixed}%")
    } else {
        fixed
    }
}

/// The quarter numerals of the header ("TW III", "Triwulan II"), which
/// Tesseract reads as strokes: "Ill", "lil", "Il", "|" or "!" for I, II or
/// III, also glued to "TW" ("TW.Ill", "TW!") or to the end of a header word
/// broken over two lines ("Triwul" / "an III" read as "an" and "lil", or as
/// "nil" for "n II" and "niv" for "n IV"; those come back as two words
/// "n II"). Two or three strokes are no word in Indonesian or English; a
/// single "l" or "i" stays (it may be a 1), and so do words starting with
/// a capital ("Ani" is a name).
fn roman_numeral(text: &str) -> Option<String> {
    if let Some(strokes) = text.strip_prefix("TW.").or_else(|| text.strip_prefix("TW")) {
        let prefix = &text[..text.len() - strokes.len()];
        return numeral_strokes(strokes, true).map(|n| format!("{prefix}{n}"));
    }
    if let Some(n) = numeral_strokes(text, false) {
        return Some(n);
    }
    for fragment in ["an", "n"] {
        if let Some(rest) = text.strip_prefix(fragment) {
            if let Some(n) = numeral_strokes(rest, true).or_else(|| (rest == "iv").then(|| "IV".to_string())) {
                return Some(format!("{fragment} {n}"));
            }
        }
    }
    None
}

/// "I", "II" or "III" for a run of one to three strokes that is not already
/// that numeral; a lone "l" or "i" only where a numeral is expected.
fn numeral_strokes(strokes: &str, numeral_expected: bool) -> Option<String> {
    let n = strokes.chars().count();
    let all_strokes = strokes.chars().all(|c| matches!(c, 'I' | 'l' | 'i' | '|' | '!'));
    let ambiguous_alone = matches!(strokes, "l" | "i") && !numeral_expected;
    let misread = (1..=3).contains(&n) && all_strokes && strokes.chars().any(|c| c != 'I') && !ambiguous_alone;
    misread.then(|| "I".repeat(n))
}

/// "25Yo" or "25Y6": a percent sign misread after the digits.
fn percent_suffix(text: &str) -> String {
    for misreading in PERCENT_MISREADINGS {
        if let Some(number) = text.strip_suffix(misreading) {
            if number.ends_with(|c: char| c.is_ascii_digit()) {
                return format!("{number}%");
            }
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A box no wider than any text here needs.
    const FITS: (f32, f32) = (1.0, 1.0);

    #[test]
    fn a_thousands_dot_read_as_a_colon_is_a_dot() {
        assert_eq!(repair("98:300", 90.0, FITS), "98.300");
        assert_eq!(repair("1;250:000", 90.0, FITS), "1.250.000");
        // Repaired, so it must be read surely.
        assert_eq!(repair("98:300", 80.0, FITS), "98:300?");
        // A time, or a colon after a label's number, is no grouping.
        assert_eq!(repair("08:00", 95.0, FITS), "08:00");
        assert_eq!(repair("2:", 95.0, FITS), "2:");
    }

    #[test]
    fn a_border_stroke_parts_the_words_it_joins() {
        assert_eq!(repair("Triwula|Triwula|Triwula", 60.0, FITS), "Triwula Triwula Triwula");
        assert_eq!(repair("|Triwuta", 60.0, FITS), "Triwuta");
        // In a number a stroke is a 1; alone, the numeral I.
        assert_eq!(repair("2|", 95.0, FITS), "21");
        assert_eq!(repair("|", 95.0, FITS), "I");
    }

    #[test]
    fn what_is_glued_to_a_number_and_cannot_be_part_of_it_goes() {
        assert_eq!(repair("2.500I", 90.0, FITS), "2.500");
        assert_eq!(repair("540.000.000I", 90.0, FITS), "540.000.000");
        assert_eq!(repair("0II", 90.0, FITS), "0");
        assert_eq!(repair("\u{201c}49.150", 90.0, FITS), "49.150");
        assert_eq!(repair(":5.000", 90.0, FITS), "5.000");
        assert_eq!(repair("34,31.", 90.0, FITS), "34,31");
        assert_eq!(repair("320\u{b0}", 90.0, FITS), "320");
        // Strokes that may be 1s stay 1s; a full stop may number a line.
        assert_eq!(repair("2I", 90.0, FITS), "21");
        assert_eq!(repair("1.", 90.0, FITS), "1.");
        // Trimmed or not, an unsure number is refused.
        assert_eq!(repair("2.500I", 60.0, FITS), "2.500I?");
        // Text keeps its marks.
        assert_eq!(repair("\u{201c}at100", 90.0, FITS), "\u{201c}at100");
    }

    #[test]
    fn specks_are_told_from_punctuation() {
        assert!(is_speck("=", 77.0));
        assert!(is_speck("_", 95.0));
        assert!(is_speck("\u{2018}", 90.0));
        assert!(is_speck(".", 49.0));
        assert!(is_speck(":", 42.0));
        // Confident punctuation, a dash (an empty value), words: kept.
        assert!(!is_speck(":", 90.0));
        assert!(is_speck(".", 95.0));
        assert!(is_speck(",", 91.0));
        assert!(!is_speck("-", 20.0));
        assert!(is_speck_dash("-", 0.7));
        assert!(!is_speck_dash("-", 2.4));
        assert!(!is_speck_dash("1", 0.7));
        assert!(!is_speck("%", 20.0));
        assert!(!is_speck("a", 20.0));
        assert!(!is_speck("1,", 20.0));
        assert!(!is_speck("", 20.0));
    }

    #[test]
    fn confident_numbers_pass_unchanged() {
        assert_eq!(repair("80,1%", 91.0, FITS), "80,1%");
        assert_eq!(repair("100", 96.0, FITS), "100");
        assert_eq!(repair("Persentase", 20.0, FITS), "Persentase");
    }

    #[test]
    fn letters_inside_numbers_become_digits() {
        assert_eq!(repair("1O0", 95.0, FITS), "100");
        assert_eq!(repair("O%", 95.0, FITS), "0%");
        assert_eq!(repair("l5,5", 95.0, FITS), "15,5");
        assert_eq!(repair("2|", 95.0, FITS), "21");
    }

    #[test]
    fn letters_without_a_digit_are_words() {
        assert_eq!(repair("TW.III", 40.0, FITS), "TW.III");
        assert_eq!(repair("Ilmu", 95.0, FITS), "Ilmu");
        assert_eq!(repair("O", 95.0, FITS), "O");
        assert_eq!(repair("lo", 95.0, FITS), "lo");
    }

    #[test]
    fn quarter_numerals() {
        assert_eq!(repair("Ill", 40.0, FITS), "III");
        assert_eq!(repair("lil", 40.0, FITS), "III");
        assert_eq!(repair("TW.Ill", 40.0, FITS), "TW.III");
        assert_eq!(repair("TW!", 40.0, FITS), "TWI");
        assert_eq!(repair("TWIV", 90.0, FITS), "TWIV");
        assert_eq!(repair("Il", 90.0, FITS), "II");
        assert_eq!(repair("III", 90.0, FITS), "III");
        assert_eq!(repair("l", 90.0, FITS), "l");
        assert_eq!(repair("|", 87.0, FITS), "I");
        assert_eq!(repair("Ilmu", 90.0, FITS), "Ilmu");
    }

    #[test]
    fn numerals_glued_to_a_broken_header_word_come_apart() {
        assert_eq!(repair("nil", 93.0, FITS), "n II");
        assert_eq!(repair("ani", 90.0, FITS), "an I");
        assert_eq!(repair("niv", 90.0, FITS), "n IV");
        assert_eq!(repair("Ani", 90.0, FITS), "Ani");
        assert_eq!(repair("nilai", 90.0, FITS), "nilai");
    }

    #[test]
    fn a_stroke_glued_before_a_header_word_goes() {
        assert_eq!(repair("ITARGET", 90.0, FITS), "TARGET");
        assert_eq!(repair("lSATUAN", 90.0, FITS), "SATUAN");
        // Words that only open with a capital I stay.
        assert_eq!(repair("INDIKATOR", 90.0, FITS), "INDIKATOR");
        assert_eq!(repair("IKM", 90.0, FITS), "IKM");
        assert_eq!(repair("Itarget", 90.0, FITS), "Itarget");
    }

    #[test]
    fn a_quote_glued_before_a_capitalised_word_goes() {
        assert_eq!(repair("\u{201c}Indeks", 90.0, FITS), "Indeks");
        assert_eq!(repair("\u{2018}Persentase", 90.0, FITS), "Persentase");
        // A quoted word, and a mark before lowercase, stay as read.
        assert_eq!(repair("\u{201c}BB\u{201d}", 90.0, FITS), "\u{201c}BB\u{201d}");
        assert_eq!(repair("'dan", 90.0, FITS), "'dan");
    }

    #[test]
    fn misread_percent_signs() {
        assert_eq!(repair("Yo", 91.0, FITS), "%");
        assert_eq!(repair("25Yo", 95.0, FITS), "25%");
    }

    #[test]
    fn a_number_in_a_box_too_wide_for_it_lost_a_glyph() {
        // "77" read as "7": the box is two digits wide.
        assert_eq!(repair("7", 90.0, (27.0, 20.0)), "7?");
        assert_eq!(repair("77", 90.0, (27.0, 20.0)), "77");
        assert_eq!(repair("0", 90.0, (12.0, 20.0)), "0");
        assert_eq!(repair("25,67%", 95.0, (92.0, 24.0)), "25,67%");
    }

    #[test]
    fn unsure_numbers_become_unreadable() {
        assert_eq!(repair("10096", 44.0, FITS), "10096?");
        assert_eq!(repair("225", 59.6, FITS), "225?");
        assert_eq!(repair("1O0", 80.0, FITS), "1O0?");
        assert_eq!(repair("24,4Yo", 73.2, FITS), "24,4Yo?");
        assert!(matches!(parse_value(&repair("225", 59.6, FITS)), Value::Unreadable(_)));
    }

    #[test]
    fn a_long_number_needs_more_confidence_than_a_short_one() {
        let wide = (200.0, 24.0);
        assert_eq!(repair("960", 77.4, FITS), "960");
        assert_eq!(repair("510.000.900", 77.4, wide), "510.000.900?");
        assert_eq!(repair("960.000.000", 86.1, wide), "960.000.000");
        assert_eq!(repair("12.450.000.000", 84.0, wide), "12.450.000.000?");
        assert_eq!(repair("12.450.000.000", 91.0, wide), "12.450.000.000");
        // A code is no amount.
        assert_eq!(repair("2.11.04.2.01.0001", 83.7, wide), "2.11.04.2.01.0001");
    }
}
