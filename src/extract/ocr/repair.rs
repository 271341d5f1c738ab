//! Repairs of OCR misreadings that the number grammar can vouch for, and
//! the refusal of numbers Tesseract was not sure of.
//!
//! Only words in numeric context are touched: a word that, once repaired,
//! reads as a number ([`parse_value`]). Letters are never changed in words
//! that have no digit and no percent sign, so "TW.III" or "Il" stay as
//! they are. A number read with low confidence is marked with a trailing
//! `?`, which the number grammar does not accept: the cell is then left
//! empty with a warning, because a wrong number is worse than an empty one.

use crate::parse::number::{parse_value, Value};

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

/// Returns the word as it should be read, given Tesseract's confidence.
pub fn repair(text: &str, conf: f32) -> String {
    if PERCENT_MISREADINGS.contains(&text) {
        return "%".to_string();
    }
    if let Some(numeral) = roman_numeral(text) {
        return numeral;
    }
    let repaired = percent_suffix(&digit_letters(text));
    if !matches!(parse_value(&repaired), Value::Number(_)) {
        return text.to_string();
    }
    let needed = if repaired == text { MIN_NUMBER_CONF } else { MIN_REPAIRED_CONF };
    if conf < needed {
        return format!("{text}{UNREADABLE_MARK}");
    }
    repaired
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

/// "Ill", "Il" or "l|I" for the quarter numerals "III" and "II" in the
/// header ("TW.Ill" too): two or three strokes of I, l or |, which is no
/// word in Indonesian or English; and a lone "|" for "I" (as a number it
/// would have been unreadable anyway). A single "l" stays (it may be a 1).
fn roman_numeral(text: &str) -> Option<String> {
    let (prefix, strokes) = match text.strip_prefix("TW.") {
        Some(rest) => ("TW.", rest),
        None => ("", text),
    };
    let is_stroke = |c: char| matches!(c, 'I' | 'l' | '|');
    let n = strokes.chars().count();
    let misread = (1..=3).contains(&n) && strokes.chars().all(is_stroke) && strokes.chars().any(|c| c != 'I') && strokes != "l";
    misread.then(|| format!("{prefix}{}", "I".repeat(n)))
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

    #[test]
    fn confident_numbers_pass_unchanged() {
        assert_eq!(repair("80,1%", 91.0), "80,1%");
        assert_eq!(repair("100", 96.0), "100");
        assert_eq!(repair("Persentase", 20.0), "Persentase");
    }

    #[test]
    fn letters_inside_numbers_become_digits() {
        assert_eq!(repair("1O0", 95.0), "100");
        assert_eq!(repair("O%", 95.0), "0%");
        assert_eq!(repair("l5,5", 95.0), "15,5");
        assert_eq!(repair("2|", 95.0), "21");
    }

    #[test]
    fn letters_without_a_digit_are_words() {
        assert_eq!(repair("TW.III", 40.0), "TW.III");
        assert_eq!(repair("Ilmu", 95.0), "Ilmu");
        assert_eq!(repair("O", 95.0), "O");
        assert_eq!(repair("lo", 95.0), "lo");
    }

    #[test]
    fn quarter_numerals() {
        assert_eq!(repair("Ill", 40.0), "III");
        assert_eq!(repair("TW.Ill", 40.0), "TW.III");
        assert_eq!(repair("Il", 90.0), "II");
        assert_eq!(repair("III", 90.0), "III");
        assert_eq!(repair("l", 90.0), "l");
        assert_eq!(repair("|", 87.0), "I");
        assert_eq!(repair("Ilmu", 90.0), "Ilmu");
    }

    #[test]
    fn misread_percent_signs() {
        assert_eq!(repair("Yo", 91.0), "%");
        assert_eq!(repair("25Yo", 95.0), "25%");
    }

    #[test]
    fn unsure_numbers_become_unreadable() {
        assert_eq!(repair("10096", 44.0), "10096?");
        assert_eq!(repair("225", 59.6), "225?");
        assert_eq!(repair("1O0", 80.0), "1O0?");
        assert_eq!(repair("24,4Yo", 73.2), "24,4Yo?");
        assert!(matches!(parse_value(&repair("225", 59.6)), Value::Unreadable(_)));
    }
}
