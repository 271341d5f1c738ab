//! The number grammar: Indonesian-formatted targets.
//!
//! "7,1" → 7.1, "0,625", "1.250.000" → 1250000, "3%" → 3, "Rp 1.500.000,00",
//! "-" or blank → empty, short letter codes such as "BB", "WTP", "A" kept as
//! text. Anything else is unreadable: the caller leaves it empty and warns,
//! because a wrong number is worse than a missing one.

use nom::{
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while1},
    character::complete::{char, digit1, multispace0},
    combinator::{all_consuming, opt, recognize},
    multi::many1,
    sequence::{pair, preceded, terminated, tuple},
    IResult,
};

/// A value cell as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Blank or a dash: no target.
    Empty,
    /// A number in canonical form: '.' decimal, no thousands separator.
    Number(String),
    /// A text target such as "BB" or "WTP", kept as printed.
    Text(String),
    /// Could not be read; the raw text is kept for the warning.
    Unreadable(String),
}

impl Value {
    /// The CSV form: the number, the text, or empty.
    pub fn as_field(&self) -> &str {
        match self {
            Value::Number(s) | Value::Text(s) => s,
            Value::Empty | Value::Unreadable(_) => "",
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(s) => s.parse().ok(),
            _ => None,
        }
    }
}

/// Reads one value cell.
pub fn parse_value(raw: &str) -> Value {
    let s = raw.trim();
    if s.is_empty() || s.chars().all(|c| matches!(c, '-' | '–' | '—')) {
        return Value::Empty;
    }
    if let Ok((_, n)) = all_consuming(number_cell)(s) {
        return match canonical(&n) {
            Some(c) => Value::Number(c),
            None => Value::Unreadable(s.to_string()),
        };
    }
    if is_text_target(s) {
        return Value::Text(s.to_string());
    }
    Value::Unreadable(s.to_string())
}

/// True when `s` reads as a number cell (used to find value runs in dumps).
pub fn is_number(s: &str) -> bool {
    matches!(parse_value(s), Value::Number(_))
}

/// Predicates and audit opinions used as targets: A, BB, WTP, "A-" ...
pub fn is_text_target(s: &str) -> bool {
    let core = s.trim_end_matches(['+', '-']);
    (1..=4).contains(&core.chars().count())
        && core.chars().all(|c| c.is_ascii_uppercase())
        && matches!(core, "A" | "AA" | "B" | "BB" | "C" | "CC" | "D" | "WTP" | "WDP" | "TW" | "TMP" | "E")
}

/// A qualitative target printed as a word ("Baik", "Informatif",
/// "Tinggi"): a capitalised word of three or more letters. Such a word is
/// read as a target only where the row confirms it (the year's target and
/// TW IV hold the same word, the quarters between are blank), since a lone
/// word in a value cell may as well be a wrapped note.
pub fn is_word_target(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && s.chars().count() >= 3 && chars.all(char::is_alphabetic)
}

/// `[Rp] digits-with-separators [%]`, returning the digits-and-separators part.
fn number_cell(i: &str) -> IResult<&str, String> {
    let (i, _) = opt(terminated(tag_no_case("rp"), tuple((opt(char('.')), multispace0))))(i)?;
    let (i, sign) = opt(char('-'))(i)?;
    let (i, body) = recognize(pair(digit1, opt(many1(preceded(alt((tag("."), tag(","))), digit1)))))(i)?;
    let (i, _) = multispace0(i)?;
    let (i, _) = opt(alt((tag("%"), tag_no_case("persen"))))(i)?;
    let (i, _) = opt(take_while1(|c| c == ',' || c == '-'))(i)?; // "1.500.000,-"
    Ok((i, format!("{}{}", if sign.is_some() { "-" } else { "" }, body)))
}

/// Separators to canonical decimal. Indonesian: '.' groups thousands, ','
/// is the decimal mark. A lone '.' not followed by exactly three digits is
/// read as a decimal point (English-formatted cells are common in Excel
/// exports). Mixed orders that fit neither reading give None.
fn canonical(n: &str) -> Option<String> {
    let (neg, n) = match n.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, n),
    };
    let dots = n.matches('.').count();
    let commas = n.matches(',').count();
    let (int, frac) = match (dots, commas) {
        (0, 0) => (n.to_string(), String::new()),
        (0, 1) => split_once(n, ','),
        (_, 0) if thousands_groups(n, '.') && dots >= 1 && !(dots == 1 && n.starts_with('0')) => (n.replace('.', ""), String::new()),
        (1, 0) => split_once(n, '.'),
        (_, 1) if n.rfind(',') > n.rfind('.') && thousands_groups(&n[..n.rfind(',')?], '.') => {
            let (i, f) = split_once(n, ',');
            (i.replace('.', ""), f)
        }
        (1, _) if n.rfind('.') > n.rfind(',') && thousands_groups(&n[..n.rfind('.')?], ',') => {
            let (i, f) = split_once(n, '.');
            (i.replace(',', ""), f)
        }
        (0, _) if thousands_groups(n, ',') => (n.replace(',', ""), String::new()),
        _ => return None,
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if neg && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    out.push_str(int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    Some(out)
}

fn split_once(n: &str, sep: char) -> (String, String) {
    let (a, b) = n.split_once(sep).unwrap_or((n, ""));
    (a.to_string(), b.to_string())
}

/// "1.250.000": every group after the first has exactly three digits.
fn thousands_groups(n: &str, sep: char) -> bool {
    let mut parts = n.split(sep);
    let first = parts.next().unwrap_or("");
    !first.is_empty() && first.len() <= 3 && parts.all(|p| p.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> String {
        match parse_value(s) {
            Value::Number(n) => n,
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn indonesian_decimals_and_thousands() {
        assert_eq!(num("7,1"), "7.1");
        assert_eq!(num("0,625"), "0.625");
        assert_eq!(num("1.250.000"), "1250000");
        assert_eq!(num("1.250"), "1250");
        assert_eq!(num("1.250.000,50"), "1250000.5");
        assert_eq!(num("Rp 1.500.000"), "1500000");
        assert_eq!(num("Rp. 1.500.000,-"), "1500000");
        assert_eq!(num("3%"), "3");
        assert_eq!(num("80,1%"), "80.1");
        assert_eq!(num("40,05 %"), "40.05");
        assert_eq!(num("100"), "100");
        assert_eq!(num("0"), "0");
        assert_eq!(num("12.5"), "12.5");
        assert_eq!(num("0.625"), "0.625");
        assert_eq!(num("1,250,000"), "1250000");
        assert_eq!(num("26,67"), "26.67");
    }

    #[test]
    fn empty_text_and_unreadable() {
        assert_eq!(parse_value(""), Value::Empty);
        assert_eq!(parse_value(" - "), Value::Empty);
        assert_eq!(parse_value("BB"), Value::Text("BB".into()));
        assert_eq!(parse_value("WTP"), Value::Text("WTP".into()));
        assert_eq!(parse_value("A"), Value::Text("A".into()));
        assert!(is_word_target("Baik") && is_word_target("Informatif"));
        assert!(!is_word_target("baik") && !is_word_target("Ba") && !is_word_target("Baik1") && !is_word_target("Data Dapodik"));
        assert!(matches!(parse_value("7,1,2.3"), Value::Unreadable(_)));
        assert!(matches!(parse_value("Y6"), Value::Unreadable(_)));
        assert!(matches!(parse_value("Persentase"), Value::Unreadable(_)));
    }

    proptest::proptest! {
        #[test]
        fn integers_with_thousand_dots_round_trip(n in 0u64..10_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 { grouped.push('.'); }
                grouped.push(c);
            }
            proptest::prop_assert_eq!(num(&grouped), plain);
        }

        #[test]
        fn decimal_commas_round_trip(i in 0u32..1000, f in 1u32..1000) {
            let f = format!("{f:03}").trim_end_matches('0').to_string();
            proptest::prop_assume!(!f.is_empty());
            let v = num(&format!("{i},{f}"));
            proptest::prop_assert_eq!(v, format!("{i}.{f}"));
        }

        #[test]
        fn never_panics(s in "\\PC{0,12}") {
            let _ = parse_value(&s);
        }
    }
}
