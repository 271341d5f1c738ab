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
    multi::many0_count,
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
    if let Some(number) = number_parts(s) {
        return match number {
            Some(parts) => Value::Number(parts.canonical()),
            None => Value::Unreadable(s.to_string()),
        };
    }
    if is_text_target(s) || is_ratio(s) {
        return Value::Text(s.to_string());
    }
    if let Some(bound) = bound_target(s) {
        return Value::Text(bound);
    }
    if let Some(range) = range_target(s) {
        return Value::Text(range);
    }
    Value::Unreadable(s.to_string())
}

/// A target printed as a range ("60-85" per cent bed occupancy, "6 - 9"
/// days, "1–3"): two numbers, the lower first, joined by a hyphen or a
/// dash. Kept as text, no single number being the target, its numbers
/// written as the output writes numbers ("0,5-1,5" -> "0.5-1.5").
fn range_target(s: &str) -> Option<String> {
    if s.matches(['-', '–']).count() != 1 {
        return None;
    }
    let (low, high) = s.split_once(['-', '–'])?;
    let number = |t: &str| match parse_value(t.trim()) {
        Value::Number(n) if !t.trim().is_empty() => Some(n),
        _ => None,
    };
    let (low, high) = (number(low)?, number(high)?);
    (low.parse::<f64>().ok()? < high.parse::<f64>().ok()?).then(|| format!("{low}-{high}"))
}

/// A target printed as a bound ("≥ 80", "≤30", ">= 95": at least 80, at
/// most 30 days), kept as text: no single number is the target. Written
/// with the sign, a space and the number as every number is written
/// ("≤ 2.5" for "≤ 2,5"), so a value column never holds a decimal comma.
fn bound_target(s: &str) -> Option<String> {
    let (sign, rest) = [(">=", "≥"), ("<=", "≤"), ("≥", "≥"), ("≤", "≤"), (">", ">"), ("<", "<")].iter().find_map(|(p, sign)| s.strip_prefix(p).map(|rest| (*sign, rest.trim_start())))?;
    if rest.starts_with('-') {
        return None;
    }
    match parse_value(rest) {
        Value::Number(n) => Some(format!("{sign} {n}")),
        _ => None,
    }
}

/// A bound written as one word, "≤2,5" or "≥85" (see [`bound_target`]).
pub fn is_bound(s: &str) -> bool {
    !s.contains(char::is_whitespace) && bound_target(s).is_some()
}

/// A ratio target as plans print it, one to so many ("1:2.850", "1 :
/// 1.000": one doctor per 2.850 people). Kept as printed: it is no single
/// number. Only "1:" opens one, so a number whose point OCR read as a
/// colon ("7:1" for 7,1) stays unreadable.
pub fn is_ratio(s: &str) -> bool {
    match s.split_once(':') {
        Some((one, many)) => one.trim() == "1" && !many.contains(':') && is_number(many) && !many.trim().starts_with('-'),
        None => false,
    }
}

/// True when `s` reads as a number cell (used to find value runs in dumps):
/// `matches!(parse_value(s), Value::Number(_))` without building the value.
pub fn is_number(s: &str) -> bool {
    number_parts(s.trim()).is_some_and(|parts| parts.is_some())
}

/// True when `s` reads as a value cell of any kind (blank, a number or a
/// text target): `!matches!(parse_value(s), Value::Unreadable(_))` without
/// building the value.
pub fn is_readable(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().all(|c| matches!(c, '-' | '–' | '—')) {
        return true;
    }
    match number_parts(s) {
        Some(parts) => parts.is_some(),
        None => is_text_target(s) || is_ratio(s) || bound_target(s).is_some() || range_target(s).is_some(),
    }
}

/// A trimmed cell read by the number grammar: `None` when the grammar does
/// not take the whole cell, `Some(None)` when it does but its separators
/// fit no reading.
fn number_parts(s: &str) -> Option<Option<NumberParts<'_>>> {
    number_text(s).map(NumberParts::of)
}

/// The signed digits and separators of a trimmed cell the number grammar
/// takes whole ("Rp 1.500.000,-" -> "1.500.000"), without currency,
/// percent or the accountants' ",-".
fn number_text(s: &str) -> Option<&str> {
    // A number cell opens with "Rp", a minus or a digit.
    if !s.as_bytes().first().is_some_and(|b| b.is_ascii_digit() || matches!(b, b'-' | b'r' | b'R')) {
        return None;
    }
    all_consuming(number_cell)(s).ok().map(|(_, n)| n)
}

/// Predicates and audit opinions used as targets: A, BB, WTP, "A-" ...
pub fn is_text_target(s: &str) -> bool {
    // "Opini WTP": the audit opinion named with its word.
    if let Some((word, opinion)) = s.trim().split_once(char::is_whitespace) {
        return word.eq_ignore_ascii_case("opini") && matches!(opinion.trim(), "WTP" | "WDP" | "TMP" | "TW");
    }
    // A grade's "+" or "-" marks a single letter ("A-", "B+"); "WTP-" or
    // "BB-" is a target run into a dash beside it, no grade.
    let core = s.trim_end_matches(['+', '-']);
    if core.len() != s.len() && core.chars().count() != 1 {
        return false;
    }
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
    let word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && w.chars().count() >= 3 && chars.all(char::is_alphabetic)
    };
    // A grade of a scale with its degree word: "Sangat Baik", "Cukup
    // Memuaskan", "Kurang Baik", "Tidak Memadai"; a maturity level, "Level
    // 3" (the capability of an APIP, the SPIP's maturity: levels 1 to 5).
    let level = |n: &str| matches!(n, "1" | "2" | "3" | "4" | "5" | "I" | "II" | "III" | "IV" | "V");
    match s.split_once(' ') {
        Some((degree, grade)) => (["Sangat", "Cukup", "Kurang", "Tidak", "Amat"].contains(&degree) && word(grade)) || (matches!(degree, "Level" | "Tingkat") && level(grade)),
        None => word(s),
    }
}

/// The rest of a word target cut at a narrower cell's edge: TW IV printed
/// "Informa" of the target "Informatif" (at least three letters of it),
/// its tail "tif" wrapped further on.
pub fn cut_word_target_tail<'a>(target: &'a str, cut: &str) -> Option<&'a str> {
    target.strip_prefix(cut).filter(|tail| !tail.is_empty() && cut.chars().count() >= 3)
}

/// `[Rp] digits-with-separators [%]`, returning the sign with the digits-and-separators part.
fn number_cell(i: &str) -> IResult<&str, &str> {
    let (i, _) = opt(terminated(tag_no_case("rp"), tuple((opt(char('.')), multispace0))))(i)?;
    let (i, signed) = recognize(pair(opt(char('-')), pair(digit1, many0_count(preceded(alt((tag("."), tag(","))), digit1)))))(i)?;
    let (i, _) = multispace0(i)?;
    let (i, _) = opt(alt((tag("%"), tag_no_case("persen"))))(i)?;
    let (i, _) = opt(take_while1(|c| c == ',' || c == '-'))(i)?; // "1.500.000,-"
    Ok((i, signed))
}

/// A number's pieces once its separators are read: the sign, the integer
/// part (with `grouping`, its thousands separator, still in it) and the
/// fraction.
struct NumberParts<'a> {
    negative: bool,
    int: &'a str,
    grouping: Option<char>,
    frac: &'a str,
}

impl<'a> NumberParts<'a> {
    /// Separators to canonical decimal. Indonesian: '.' groups thousands,
    /// ',' is the decimal mark. A lone '.' not followed by exactly three
    /// digits is read as a decimal point (English-formatted cells are
    /// common in Excel exports). Mixed orders that fit neither reading give
    /// None.
    fn of(n: &'a str) -> Option<Self> {
        let (negative, n) = match n.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, n),
        };
        let dots = n.matches('.').count();
        let commas = n.matches(',').count();
        let split = |sep: char| n.split_once(sep).unwrap_or((n, ""));
        let (int, grouping, frac) = match (dots, commas) {
            (0, 0) => (n, None, ""),
            (0, 1) => {
                let (i, f) = split(',');
                (i, None, f)
            }
            (_, 0) if thousands_groups(n, '.') && dots >= 1 && !(dots == 1 && n.starts_with('0')) => (n, Some('.'), ""),
            (1, 0) => {
                let (i, f) = split('.');
                (i, None, f)
            }
            (_, 1) if n.rfind(',') > n.rfind('.') && thousands_groups(&n[..n.rfind(',')?], '.') => {
                let (i, f) = split(',');
                (i, Some('.'), f)
            }
            (1, _) if n.rfind('.') > n.rfind(',') && thousands_groups(&n[..n.rfind('.')?], ',') => {
                let (i, f) = split('.');
                (i, Some(','), f)
            }
            (0, _) if thousands_groups(n, ',') => (n, Some(','), ""),
            _ => return None,
        };
        Some(NumberParts { negative, int, grouping, frac })
    }

    /// '.' decimal, no thousands separator, no leading or trailing zeros
    /// ("0" for zero, never "-0").
    fn canonical(&self) -> String {
        let mut digits = self.int.chars().filter(|c| Some(*c) != self.grouping).skip_while(|c| *c == '0').peekable();
        let int_is_zero = digits.peek().is_none();
        let frac = self.frac.trim_end_matches('0');
        let mut out = String::with_capacity(self.int.len() + frac.len() + 2);
        if self.negative && (!int_is_zero || !frac.is_empty()) {
            out.push('-');
        }
        if int_is_zero {
            out.push('0');
        }
        out.extend(digits);
        if !frac.is_empty() {
            out.push('.');
            out.push_str(frac);
        }
        out
    }
}

/// "2.500", "1.250.000": digits grouped in thousands by dots, one group
/// of three or more after the first.
pub fn is_grouped_thousands(s: &str) -> bool {
    s.contains('.') && s.chars().all(|c| c.is_ascii_digit() || c == '.') && thousands_groups(s, '.')
}

/// A sum of money: a whole number in two or more thousands groups
/// ("185.000.000"), the size of a budget, not of a target; with its
/// currency ("Rp 185.000.000", "Rp. 185.000.000") and the accountants'
/// mark of no cents ("185.000.000,-", "185.000.000,00") or without.
///
/// ```
/// use rencana::parse::number::is_sum_of_money;
/// assert!(is_sum_of_money("Rp. 1.250.000.000,-") && is_sum_of_money("185.000.000"));
/// assert!(!is_sum_of_money("1.250") && !is_sum_of_money("1.250.000,5"));
/// ```
pub fn is_sum_of_money(text: &str) -> bool {
    sum_of_money(text).is_some()
}

/// The sum a [sum of money](is_sum_of_money) is written as, without its
/// currency ("Rp. 485.000.000,-" → "485.000.000,-").
pub fn sum_of_money(text: &str) -> Option<&str> {
    let sum = without_currency(text);
    let digits = sum.strip_suffix(",-").or_else(|| sum.strip_suffix(",00")).unwrap_or(sum);
    (digits.matches('.').count() >= 2 && is_grouped_thousands(digits)).then_some(sum)
}

/// A sum's text without its currency, "Rp" or "Rp.", and the space after
/// it ("Rp. 485.000.000,-" → "485.000.000,-").
fn without_currency(text: &str) -> &str {
    let text = text.trim();
    text.strip_prefix("Rp").map_or(text, |n| n.trim_start_matches(['.', ' ']))
}

/// A sum of money typed the English way, thousands grouped by commas in
/// two groups or more ("5,967,300,000"): no Indonesian number reads so,
/// whichever way the document types its numbers.
///
/// ```
/// use rencana::parse::number::is_sum_of_money_typed_english;
/// assert!(is_sum_of_money_typed_english("5,967,300,000") && is_sum_of_money_typed_english("Rp 1,250,000"));
/// assert!(!is_sum_of_money_typed_english("1,250") && !is_sum_of_money_typed_english("1.250.000"));
/// ```
pub fn is_sum_of_money_typed_english(text: &str) -> bool {
    let sum = without_currency(text);
    sum.matches(',').count() >= 2 && sum.chars().all(|c| c.is_ascii_digit() || c == ',') && thousands_groups(sum, ',')
}

/// The tail of a number cut at its cell's edge, standing alone
/// ("000.000" under "4.875.250.", "05"): its first group of digits opens
/// with a zero and has more. Nobody writes a number so; read on its own it
/// would be a wrong value (zero), so a cell holding only such a piece is
/// unreadable, not a number.
///
/// ```
/// use rencana::parse::number::is_cut_number_tail;
/// assert!(is_cut_number_tail("000.000") && is_cut_number_tail("00") && is_cut_number_tail("05,5"));
/// assert!(!is_cut_number_tail("0") && !is_cut_number_tail("0,625") && !is_cut_number_tail("100") && !is_cut_number_tail("-"));
/// ```
pub fn is_cut_number_tail(text: &str) -> bool {
    let lead = text.trim().split(['.', ',']).next().unwrap_or("");
    lead.len() >= 2 && lead.starts_with('0') && lead.bytes().all(|b| b.is_ascii_digit()) && is_number_piece(text.trim())
}

/// A piece of a number cut at a cell's edge ("1.050.000.0", "00"):
/// digits and separators, a digit first.
///
/// ```
/// use rencana::parse::number::is_number_piece;
/// assert!(is_number_piece("1.050.000.0") && is_number_piece("0"));
/// assert!(!is_number_piece(".000") && !is_number_piece("Rp") && !is_number_piece(""));
/// ```
pub fn is_number_piece(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit()) && text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A sum of money cut at its cell's edge, made whole: `head` and `tail`
/// joined, when `head` is no sum of money and the two are one
/// ("3.850.000.0" / "00", "28.450.000.00" / "0"), or when the cut fell
/// before a group's dot ("86.500.000" / ".000"): no number opens with a
/// thousands dot, so such a tail continues whatever sum it follows.
///
/// ```
/// use rencana::parse::number::rejoined_sum;
/// assert_eq!(rejoined_sum("3.850.000.0", "00").as_deref(), Some("3.850.000.000"));
/// assert_eq!(rejoined_sum("86.500.000", ".000").as_deref(), Some("86.500.000.000"));
/// assert_eq!(rejoined_sum("1.250.000", "000"), None);
/// assert_eq!(rejoined_sum("12", ".000"), None);
/// ```
pub fn rejoined_sum(head: &str, tail: &str) -> Option<String> {
    let opens_with_group_dot = tail.starts_with('.') && is_grouped_thousands(&format!("1{tail}"));
    if is_sum_of_money(head) && !opens_with_group_dot {
        return None;
    }
    let joined = format!("{head}{tail}");
    is_sum_of_money(&joined).then_some(joined)
}

/// A number in thousands cut inside its last group at a cell's edge,
/// made whole: the head's last group one or two digits, the tail the
/// digits that make it three ("111.20" / "0" → "111.200", "400.0" / "00"
/// → "400.000", gen150). `None` for any other pair. The caller tells that
/// the row's numbers are written in thousands (the head alone would read
/// as a decimal, 111.2).
///
/// ```
/// use rencana::parse::number::rejoined_in_last_group;
/// assert_eq!(rejoined_in_last_group("111.20", "0").as_deref(), Some("111.200"));
/// assert_eq!(rejoined_in_last_group("400.0", "00").as_deref(), Some("400.000"));
/// assert_eq!(rejoined_in_last_group("1.5", "25"), None);
/// assert_eq!(rejoined_in_last_group("400.0", "0"), None);
/// ```
pub fn rejoined_in_last_group(head: &str, tail: &str) -> Option<String> {
    let (int, last) = head.rsplit_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let joined = format!("{head}{tail}");
    ((1..=2).contains(&last.len()) && last.len() + tail.len() == 3 && digits(last) && digits(tail) && int.len() >= 2 && is_grouped_thousands(&joined)).then_some(joined)
}

/// How a document writes its numbers. Plans are typed in Indonesian
/// ("1.250.000", "7,1"); one typed in an English-locale spreadsheet
/// prints "12,450" for twelve thousand four hundred and fifty and "68.42"
/// for a fraction, and read the Indonesian way its "12,450" would be 12.45:
/// the document's other numbers tell which it is ([`number_style`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberStyle {
    #[default]
    Indonesian,
    English,
}

/// What a value cell's separators say of its document's style: `Some`
/// only where one style alone reads it. English: commas grouping
/// thousands twice or more ("18,650,000,000") or before a decimal point
/// ("1,184.36"). Indonesian: dots grouping twice or more ("1.250.000"),
/// dots before a decimal comma ("1.500,50"), or a decimal comma no
/// thousands group can be ("7,1", "72,50", "0,625"). A lone point
/// ("68.42") says nothing: Indonesian plans print those too. `n` is the
/// cell's [number digits](number_digits).
fn style_told_by(n: &str) -> Option<NumberStyle> {
    let (dots, commas) = (n.matches('.').count(), n.matches(',').count());
    match (dots, commas) {
        (0, c) if c >= 2 && thousands_groups(n, ',') => Some(NumberStyle::English),
        (1, c) if c >= 1 && n.rfind('.') > n.rfind(',') && thousands_groups(&n[..n.rfind('.')?], ',') => Some(NumberStyle::English),
        (d, 0) if d >= 2 && thousands_groups(n, '.') => Some(NumberStyle::Indonesian),
        (d, 1) if d >= 1 && n.rfind(',') > n.rfind('.') && thousands_groups(&n[..n.rfind(',')?], '.') => Some(NumberStyle::Indonesian),
        (0, 1) => {
            let (int, frac) = n.split_once(',')?;
            (frac.len() != 3 || int.is_empty() || int.len() > 3 || int.starts_with('0')).then_some(NumberStyle::Indonesian)
        }
        _ => None,
    }
}

/// The style of a document's value cells: English only where some cell
/// can be read the English way alone, or decimals written with a point
/// stand beside a "12,450" (and no "1.500" the styles read apart), and no
/// cell can be read the Indonesian way alone; otherwise (no evidence, or
/// both) the Indonesian reading every plan is typed in.
///
/// ```
/// use rencana::parse::number::{number_style, NumberStyle};
/// assert_eq!(number_style(["12,450", "1,184.36", "3"]), NumberStyle::English);
/// assert_eq!(number_style(["12,450", "7,1"]), NumberStyle::Indonesian);
/// // Decimals with a point beside "12,450": thousands grouped by commas
/// // (a sheet in an English locale), unless a "1.500" says otherwise.
/// assert_eq!(number_style(["12,450", "68.42"]), NumberStyle::English);
/// assert_eq!(number_style(["12,450", "68.42", "1.500"]), NumberStyle::Indonesian);
/// assert_eq!(number_style(["68.42", "1.500"]), NumberStyle::Indonesian);
/// ```
pub fn number_style<'a>(cells: impl IntoIterator<Item = &'a str>) -> NumberStyle {
    let (mut english, mut indonesian) = (false, false);
    // A point that can only be a decimal point ("7.1", "0.625"), and the
    // cells a single separator before three digits leaves open ("1,250",
    // "1.250").
    let (mut decimal_point, mut comma_three, mut point_three) = (false, false, false);
    for cell in cells {
        // (The cell's digits taken once: this runs over every word of a
        // flow dump.)
        let Some(n) = number_digits(cell) else { continue };
        match style_told_by(n) {
            Some(NumberStyle::English) => english = true,
            Some(NumberStyle::Indonesian) => indonesian = true,
            None => {}
        }
        match lone_separator(n) {
            Some(('.', int, frac)) if frac.len() != 3 || int == "0" => decimal_point = true,
            Some(('.', _, _)) => point_three = true,
            Some((',', int, frac)) if frac.len() == 3 && !int.starts_with('0') => comma_three = true,
            _ => {}
        }
    }
    // A plan writing its decimals with a point ("51.5", "0.625") and
    // "1,250" beside them groups thousands with the comma: it is English
    // too, unless it also prints a "1.250" the two styles read apart.
    let english = english || (decimal_point && comma_three && !point_three);
    if english && !indonesian {
        NumberStyle::English
    } else {
        NumberStyle::Indonesian
    }
}

/// The digits and separators of a number cell, without its sign,
/// currency or percent ("-12,5%" -> "12,5"); None for a cell no number.
fn number_digits(cell: &str) -> Option<&str> {
    number_text(cell.trim()).map(|n| n.trim_start_matches('-'))
}

/// A number with one separator and no other ("7.1", "1,250", "12.5%"),
/// given its [digits](number_digits): the separator and the digits before
/// and after it.
fn lone_separator(n: &str) -> Option<(char, &str, &str)> {
    let sep = n.chars().find(|c| matches!(c, '.' | ','))?;
    let (int, frac) = n.split_once(sep)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(int) && digits(frac)).then_some((sep, int, frac))
}

/// Reads one value cell of a document written in `style`: an English
/// cell's separators are swapped and read by the Indonesian grammar
/// ("12,450" -> 12450, "1,184.36" -> 1184.36, "68.42" -> 68.42).
///
/// ```
/// use rencana::parse::number::{parse_value_in, NumberStyle, Value};
/// assert_eq!(parse_value_in("12,450", NumberStyle::English), Value::Number("12450".into()));
/// assert_eq!(parse_value_in("12,450", NumberStyle::Indonesian), Value::Number("12.45".into()));
/// ```
pub fn parse_value_in(raw: &str, style: NumberStyle) -> Value {
    match style {
        NumberStyle::Indonesian => parse_value(raw),
        NumberStyle::English => {
            let swapped = separators_swapped(raw);
            match parse_value(&swapped) {
                // Text targets and unreadable cells are kept as printed.
                Value::Number(n) => Value::Number(n),
                _ => parse_value(raw),
            }
        }
    }
}

/// An English-style number written the Indonesian way ("1,240" ->
/// "1.240", "97.5" -> "97,5"): only the separators between digits swap;
/// "Rp." and ",-" stay.
///
/// ```
/// use rencana::parse::number::separators_swapped;
/// assert_eq!(separators_swapped("1,240"), "1.240");
/// assert_eq!(separators_swapped("97.5"), "97,5");
/// assert_eq!(separators_swapped("Rp. 2,450,000,000.-"), "Rp. 2.450.000.000,-");
/// ```
pub fn separators_swapped(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let between_digits = |k: usize| k > 0 && chars[k - 1].is_ascii_digit() && chars.get(k + 1).is_some_and(char::is_ascii_digit);
    (0..chars.len())
        .map(|k| match chars[k] {
            ',' if between_digits(k) => '.',
            // (The accountants' ".-" is the Indonesian ",-".)
            '.' if between_digits(k) || (k > 0 && chars[k - 1].is_ascii_digit() && chars.get(k + 1) == Some(&'-')) => ',',
            c => c,
        })
        .collect()
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
    fn a_ratio_of_one_to_many_is_kept_as_printed() {
        assert_eq!(parse_value("1:2.850"), Value::Text("1:2.850".into()));
        assert_eq!(parse_value("1 : 1.000"), Value::Text("1 : 1.000".into()));
        assert!(is_readable("1:2.850"));
        for s in ["7:1", "1:", ":5", "1:2:3", "1:-5", "1:abc"] {
            assert!(matches!(parse_value(s), Value::Unreadable(_)), "{s}");
        }
    }

    #[test]
    fn a_range_target_is_kept_as_text() {
        assert_eq!(parse_value("60-85"), Value::Text("60-85".into()));
        assert_eq!(parse_value("6 - 9"), Value::Text("6-9".into()));
        assert_eq!(parse_value("0,5–1,5"), Value::Text("0.5-1.5".into()));
        // The lower bound first; a minus sign is no range.
        for s in ["85-60", "-5", "5-", "a-b", "3-3", "7,1 -1.250.000 -", "1.250.000,-"] {
            assert!(!matches!(parse_value(s), Value::Text(_)), "{s}");
        }
    }

    #[test]
    fn a_bound_target_is_kept_as_text() {
        assert_eq!(parse_value("≥ 80"), Value::Text("≥ 80".into()));
        assert_eq!(parse_value("≤30"), Value::Text("≤ 30".into()));
        assert_eq!(parse_value(">= 95,5"), Value::Text("≥ 95.5".into()));
        assert_eq!(parse_value("≤ 1.250"), Value::Text("≤ 1250".into()));
        for s in ["≥", "≥ abc", "> -5", "<>"] {
            assert!(matches!(parse_value(s), Value::Unreadable(_)), "{s}");
        }
    }

    #[test]
    fn a_document_typed_the_english_way_is_told_by_its_unambiguous_numbers() {
        use NumberStyle::*;
        for (cell, told) in [
            ("18,650,000,000", Some(English)),
            ("1,184.36", Some(English)),
            ("Rp 2,450,000", Some(English)),
            ("1.250.000", Some(Indonesian)),
            ("Rp. 1.500.000,00", Some(Indonesian)),
            ("7,1", Some(Indonesian)),
            ("0,625", Some(Indonesian)),
            ("72,50", Some(Indonesian)),
            ("12,450", None),
            ("1.530", None),
            ("68.42", None),
            ("100", None),
            ("BB", None),
            ("3%", None),
        ] {
            assert_eq!(number_digits(cell).and_then(style_told_by), told, "{cell}");
        }
        assert_eq!(number_style(["1,530", "12,450", "3"]), Indonesian);
        assert_eq!(number_style(["1,530", "18,650,000,000"]), English);
        assert_eq!(number_style(["1,530", "18,650,000,000", "1.250.000"]), Indonesian);
        let read = |s: &str| parse_value_in(s, English);
        assert_eq!(read("1,530"), Value::Number("1530".into()));
        assert_eq!(read("1,184.36"), Value::Number("1184.36".into()));
        assert_eq!(read("68.42"), Value::Number("68.42".into()));
        assert_eq!(read("Rp. 2,450,000.-"), Value::Number("2450000".into()));
        assert_eq!(read("85%"), Value::Number("85".into()));
        assert_eq!(read("WTP"), Value::Text("WTP".into()));
        assert_eq!(read("-"), Value::Empty);
    }

    #[test]
    fn grouped_thousands() {
        for s in ["2.500", "1.250.000", "12.400"] {
            assert!(is_grouped_thousands(s), "{s}");
        }
        for s in ["2500", "2.50", "1234.500", ".500", "1..000", "1,050", "2.500I"] {
            assert!(!is_grouped_thousands(s), "{s}");
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
        assert_eq!(parse_value("Opini WTP"), Value::Text("Opini WTP".into()));
        assert_eq!(parse_value("Opini Baik"), Value::Unreadable("Opini Baik".into()));
        assert!(is_readable("opini WDP") && !is_text_target("WTP WTP"));
        // A grade's sign marks one letter; a dash run onto "WTP" is no grade.
        assert_eq!(parse_value("A-"), Value::Text("A-".into()));
        assert_eq!(parse_value("B+"), Value::Text("B+".into()));
        assert_eq!(parse_value("WTP-"), Value::Unreadable("WTP-".into()));
        assert_eq!(parse_value("BB-"), Value::Unreadable("BB-".into()));
        assert!(is_word_target("Baik") && is_word_target("Informatif"));
        assert!(!is_word_target("baik") && !is_word_target("Ba") && !is_word_target("Baik1") && !is_word_target("Data Dapodik"));
        assert!(is_word_target("Sangat Baik") && is_word_target("Cukup Memuaskan"));
        assert!(!is_word_target("Sangat baik sekali") && !is_word_target("Sangat Baik Sekali"));
        // A maturity level, 1 to 5; no other number.
        assert!(is_word_target("Level 3") && is_word_target("Tingkat IV"));
        assert!(!is_word_target("Level 7") && !is_word_target("Level tinggi"));
        assert_eq!(cut_word_target_tail("Informatif", "Informa"), Some("tif"));
        assert_eq!(cut_word_target_tail("Informatif", "Informatif"), None);
        assert_eq!(cut_word_target_tail("Informatif", "In"), None);
        assert_eq!(cut_word_target_tail("Informatif", "Baik"), None);
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

        #[test]
        fn the_quick_checks_agree_with_the_value(s in "[Rrp% .,0-9A-Z-]{0,10}|\\PC{0,8}") {
            proptest::prop_assert_eq!(is_number(&s), matches!(parse_value(&s), Value::Number(_)));
            proptest::prop_assert_eq!(is_readable(&s), !matches!(parse_value(&s), Value::Unreadable(_)));
        }
    }
}
