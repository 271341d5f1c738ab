//! Quarterly targets: cumulative (TW IV equals the target, each quarter at
//! least the one before) or incremental (the quarters add up to the target).
//! The plan's mode is the one most of its rows follow; rows that follow
//! neither get a warning, since a data officer must check them.

use super::Document;
use crate::extract::ocr::{is_mark_before_number, UNREADABLE_MARK};
use crate::parse::header::{value_columns_in_order, Role};
use crate::parse::number::{is_grouped_thousands, parse_value, Value};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Quarterly {
    Cumulative,
    Incremental,
}

impl Quarterly {
    pub fn as_str(self) -> &'static str {
        match self {
            Quarterly::Cumulative => "cumulative",
            Quarterly::Incremental => "incremental",
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.011 + b.abs() * 1e-4
}

/// Which modes a row's numbers fit: (cumulative, incremental); `None`
/// without a target or with no quarter at all.
pub(crate) fn fits(target: Option<f64>, tw: [Option<f64>; 4]) -> Option<(bool, bool)> {
    let target = target?;
    let q: Vec<f64> = tw.iter().map(|v| v.unwrap_or(0.0)).collect();
    if tw.iter().all(Option::is_none) {
        return None;
    }
    let cumulative = tw[3].is_some_and(|t4| close(t4, target)) && q.windows(2).all(|w| w[1] + 1e-9 >= w[0]);
    let incremental = close(q.iter().sum(), target);
    Some((cumulative, incremental))
}

pub fn classify(doc: &mut Document) {
    let mut votes = (0usize, 0usize);
    for ind in &doc.indicators {
        let tw = [ind.tw[0].as_f64(), ind.tw[1].as_f64(), ind.tw[2].as_f64(), ind.tw[3].as_f64()];
        match fits(ind.target.as_f64(), tw) {
            Some((true, false)) => votes.0 += 1,
            Some((false, true)) => votes.1 += 1,
            _ => {}
        }
    }
    let mode = if votes.0 == 0 && votes.1 == 0 {
        None
    } else if votes.0 >= votes.1 {
        Some(Quarterly::Cumulative)
    } else {
        Some(Quarterly::Incremental)
    };
    doc.quarterly = mode;
    for ind in &mut doc.indicators {
        let tw = [ind.tw[0].as_f64(), ind.tw[1].as_f64(), ind.tw[2].as_f64(), ind.tw[3].as_f64()];
        let Some((cum, inc)) = fits(ind.target.as_f64(), tw) else { continue };
        ind.quarterly = match (cum, inc, mode) {
            (true, true, m) => m,
            (true, false, _) => Some(Quarterly::Cumulative),
            (false, true, _) => Some(Quarterly::Incremental),
            (false, false, _) => None,
        };
        if ind.quarterly.is_none() {
            let t4 = tw[3];
            if mode != Some(Quarterly::Incremental) && t4.is_some_and(|t4| !close(t4, ind.target.as_f64().unwrap_or(t4))) {
                ind.warnings.push("tw4_differs_from_target".to_string());
            }
            let q: Vec<f64> = tw.iter().flatten().copied().collect();
            if mode == Some(Quarterly::Cumulative) && q.windows(2).any(|w| w[1] + 1e-9 < w[0]) {
                ind.warnings.push("cumulative_quarter_decreases".to_string());
            }
            if mode == Some(Quarterly::Incremental) {
                ind.warnings.push("quarters_do_not_add_up".to_string());
            }
        }
    }
}

/// On a page read by OCR, a cell Tesseract could not read ("140?", "te)",
/// "2.500i", refused by the number grammar) is given the value the plan's
/// arithmetic pins, when its reading agrees. The cell must be the row's
/// only unreadable one, and its value fixed by the others: incremental,
/// the quarters add up to the target; cumulative, TW IV equals the target,
/// and a quarter between two equal bounds (the quarter before and the one
/// after, "0} 0 29 58") is that value, while one between unequal bounds is
/// only bounded and stays unread. The reading agrees when it is that
/// number, when its digits are at least half of the number's in a run
/// ("a2" for 12, "B0" for 80) or all of them but one in place ("17?" for
/// 77; two digits at least), or when the value is 0 and the reading is
/// one Tesseract makes of a lone zero ("te)", "o"). The cell's warning
/// gives way to `ocr_value_confirmed_by_arithmetic`.
pub fn confirm_doubted_ocr_values(doc: &mut Document, ocr_pages: &[u32]) {
    let Some(mode) = doc.quarterly else { return };
    if columns_misread(doc) {
        return;
    }
    for ind in doc.indicators.iter_mut().filter(|i| ocr_pages.contains(&i.page)) {
        if mode == Quarterly::Cumulative {
            confirm_target_or_tw4_among_others(ind);
        }
        let cells = ind.value_cells();
        let unreadable: Vec<usize> = (0..5).filter(|&k| matches!(cells[k], Value::Unreadable(_))).collect();
        let [k] = unreadable.as_slice() else { continue };
        let k = *k;
        let Value::Unreadable(raw) = cells[k] else { continue };
        let mut values: Vec<Option<f64>> = cells.iter().map(|v| v.as_f64()).collect();
        let decimals = printed_decimals(cells);
        let Some(pinned) = pinned_value(mode, k, &values).or_else(|| read_even_step(mode, k, &values, raw, decimals)) else { continue };
        let text = number_text(pinned, decimals);
        if !reading_agrees(raw, pinned, &text) {
            continue;
        }
        values[k] = Some(pinned);
        let obeys = match (mode, fits_cells(&values)) {
            (Quarterly::Cumulative, Some((cum, _))) => cum,
            (Quarterly::Incremental, Some((_, inc))) => inc,
            _ => false,
        };
        if !obeys {
            continue;
        }
        confirm_cell(ind, k, text);
        ind.quarterly = Some(mode);
    }
}

/// Cell `k` of a row given the number `text` the arithmetic pinned, its
/// unreadable warning gone.
fn confirm_cell(ind: &mut super::Indicator, k: usize, text: String) {
    put_number(ind, k, text);
    let gone = format!("unreadable_number:{}", CELL_NAMES[k]);
    ind.warnings.retain(|w| *w != gone);
    if !ind.warnings.iter().any(|w| w == "ocr_value_confirmed_by_arithmetic") {
        ind.warnings.push("ocr_value_confirmed_by_arithmetic".to_string());
    }
}

/// Cell `k` of a row given the number `text`, and the warnings that the
/// row fits no arithmetic gone: with it, it does.
fn put_number(ind: &mut super::Indicator, k: usize, text: String) {
    *ind.value_cell_mut(k) = Value::Number(text);
    drop_arithmetic_warnings(ind);
}

/// Takes back the warnings `classify` gave a row that fits no arithmetic.
fn drop_arithmetic_warnings(ind: &mut super::Indicator) {
    ind.warnings.retain(|w| !matches!(w.as_str(), "quarters_do_not_add_up" | "tw4_differs_from_target" | "cumulative_quarter_decreases"));
}

/// Which modes a row's numbers (target, TW I..IV) fit: [`fits`].
fn fits_cells(values: &[Option<f64>]) -> Option<(bool, bool)> {
    fits(values[0], [values[1], values[2], values[3], values[4]])
}

/// In a cumulative row with two cells unreadable or more, the target or
/// TW IV that the other of the two pins (they are equal), when its
/// reading agrees ("120?" beside a TW IV of 120, TW III "90?"): the other
/// unreadable cells are then judged as the row's only one would be.
fn confirm_target_or_tw4_among_others(ind: &mut super::Indicator) {
    let cells = ind.value_cells();
    if cells.iter().filter(|v| matches!(v, Value::Unreadable(_))).count() < 2 {
        return;
    }
    let (k, pinned) = match (&ind.target, &ind.tw[3]) {
        (Value::Unreadable(_), v) => (0, v.as_f64()),
        (v, Value::Unreadable(_)) => (4, v.as_f64()),
        _ => return,
    };
    let Some(pinned) = pinned else { return };
    let Value::Unreadable(raw) = cells[k] else { return };
    let decimals = printed_decimals(cells);
    let text = number_text(pinned, decimals);
    let tw = [ind.tw[0].as_f64(), ind.tw[1].as_f64(), ind.tw[2].as_f64(), Some(pinned)];
    if reading_agrees(raw, pinned, &text) && possible(Some(Quarterly::Cumulative), Some(pinned), tw) {
        confirm_cell(ind, k, text);
    }
}

/// The value the other cells of a row (target, TW I..IV; `None` blank)
/// fix for cell `k` under `mode`, if they fix one.
fn pinned_value(mode: Quarterly, k: usize, values: &[Option<f64>]) -> Option<f64> {
    let others = |range: std::ops::Range<usize>| range.filter(|&j| j != k).map(|j| values[j]);
    let pinned = match mode {
        // A blank quarter adds nothing.
        Quarterly::Incremental if k == 0 => others(1..5).flatten().sum::<f64>(),
        Quarterly::Incremental => values[0]? - others(1..5).flatten().sum::<f64>(),
        Quarterly::Cumulative if k == 0 => values[4]?,
        Quarterly::Cumulative if k == 4 => values[0]?,
        Quarterly::Cumulative => {
            let (below, above) = cumulative_bounds(k, values);
            if (above - below).abs() > 1e-9 {
                return None;
            }
            below
        }
    };
    (pinned > -1e-9 && pinned.is_finite()).then_some(pinned.max(0.0))
}

/// A cumulative quarter the arithmetic only bounds, read with doubt as
/// exactly its even step to the target ("49.150?" for TW II of 98.300),
/// or, after quarters of 0, its even step from them ("7,77?" in "0 ?
/// 15,53 23,3": thirds of 23,3 from TW II on): the reading and the row's
/// own steps agree, which a misreading would hardly do by chance. The
/// step, if so.
fn read_even_step(mode: Quarterly, k: usize, values: &[Option<f64>], raw: &str, decimals: usize) -> Option<f64> {
    if mode != Quarterly::Cumulative || !(1..=3).contains(&k) {
        return None;
    }
    let target = values[0]?;
    // Quarters of 0 before it: TW I .. TW `zeros`.
    let zeros = values[1..k].iter().take_while(|v| **v == Some(0.0)).count();
    let steps = [target * k as f64 / 4.0, target * (k - zeros) as f64 / (4 - zeros) as f64];
    // (A speck's quote or colon before it is no digit.)
    let read = parse_value(raw.trim_end_matches(UNREADABLE_MARK).trim_start_matches(is_mark_before_number)).as_f64()?;
    let (below, above) = cumulative_bounds(k, values);
    // (A row of whole numbers prints whole steps: a step of 1,5 there
    // would read as "2", a TW I of 1 or 2 alike. A row printing decimals
    // may round its steps, thirds "7,77".)
    let printable = |step: f64| decimals > 0 || (step - step.round()).abs() < 1e-9;
    steps.into_iter().find(|&step| printable(step) && number_text(read, decimals) == number_text(step, decimals) && below <= step && step <= above)
}

/// The cells of a row, as warnings name them.
const CELL_NAMES: [&str; 5] = ["target", "tw1", "tw2", "tw3", "tw4"];

/// The most decimals a row's numbers are printed with.
fn printed_decimals<'a>(cells: impl IntoIterator<Item = &'a Value>) -> usize {
    cells.into_iter().filter_map(|v| if let Value::Number(n) = v { n.split_once('.').map(|(_, d)| d.len()) } else { None }).max().unwrap_or(0)
}

/// What a cumulative row's other cells (target, TW I..IV; `None` not
/// known) allow quarter `k` (1..=3): at least every quarter before it (and
/// 0), at most every quarter after it.
fn cumulative_bounds(k: usize, values: &[Option<f64>]) -> (f64, f64) {
    let below = values[1..k].iter().flatten().copied().fold(0.0, f64::max);
    let above = values[k + 1..5].iter().flatten().copied().fold(f64::INFINITY, f64::min);
    (below, above)
}

/// The digits of a reading, in order.
fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// `v` in the canonical form with at most `decimals` decimals.
fn number_text(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Whether an unreadable cell's reading `raw` agrees with the value the
/// arithmetic pins (`text`: that value in canonical form).
fn reading_agrees(raw: &str, pinned: f64, text: &str) -> bool {
    let raw = raw.trim_end_matches(UNREADABLE_MARK);
    if parse_value(raw).as_f64().is_some_and(|n| close(n, pinned) && close(pinned, n)) {
        return true;
    }
    let (digits, wanted) = (digits_of(raw), digits_of(text));
    if !digits.is_empty() {
        // Or all its digits but one, in place ("17?" for 77, "155?" for
        // 75,5): one glyph misread, which is why Tesseract doubted it.
        let one_misread = digits.len() >= 2 && digits.len() == wanted.len() && digits.bytes().zip(wanted.bytes()).filter(|(a, b)| a != b).count() == 1;
        return (wanted.contains(&digits) && 2 * digits.len() >= wanted.len()) || one_misread;
    }
    // A lone zero, its ring read as letters and brackets.
    pinned == 0.0 && (1..=3).contains(&raw.chars().count()) && raw.chars().any(|c| matches!(c, 'o' | 'O' | 'e' | 'c' | 'D' | 'Q' | '(' | ')' | '{' | '}'))
}

/// A header read with its value columns out of order (see
/// [`value_columns_in_order`]): a misread header, whose columns no value
/// can be trusted in.
fn columns_misread(doc: &Document) -> bool {
    !value_columns_in_order(&doc.columns)
}

/// On a page read by OCR, a row whose numbers fit neither arithmetic holds
/// a misread number more likely than a plan's slip: Tesseract reads "4,5"
/// as "45" or "75" as "15" with full confidence, and nothing else tells.
/// Its numbers are not given out: each is left unreadable (empty, its raw
/// text kept) with `ocr_values_unconfirmed`. A row with a cell already
/// unreadable is judged on the numbers it has: under the plan's mode they
/// must still be possible (cumulative: never falling, none above the
/// target, TW IV the target; incremental: adding up to no more than the
/// target; with no row fitting either, no quarter is possible); a row
/// with two cells unreadable, or a page whose header was read with the
/// target after a quarter, keeps none. Text targets stay, unless the
/// header was misread.
pub fn distrust_ocr_rows(doc: &mut Document, ocr_pages: &[u32]) {
    let mode = doc.quarterly;
    let columns_misread = columns_misread(doc);
    for ind in doc.indicators.iter_mut().filter(|i| ocr_pages.contains(&i.page)) {
        distrust_comma_thousands(ind);
        if !columns_misread {
            repair_one_misread_number(ind, mode);
        }
        distrust_dropped_decimal_marks(ind);
        let unreadable = ind.value_cells().iter().filter(|v| matches!(v, Value::Unreadable(_))).count();
        let tw = [ind.tw[0].as_f64(), ind.tw[1].as_f64(), ind.tw[2].as_f64(), ind.tw[3].as_f64()];
        // Quarters with no target: no arithmetic can vouch for the columns
        // they were read into (a target lost, its row's cells shifted).
        let no_target = matches!(ind.target, Value::Empty) && tw.iter().any(Option::is_some);
        let trusted = if columns_misread || unreadable >= 2 || no_target {
            // Two cells that could not be read: the row's reading is broken
            // (rows met, lines lost), the rest is no safer.
            false
        } else if unreadable == 1 {
            possible(mode, ind.target.as_f64(), tw)
        } else {
            !matches!(fits(ind.target.as_f64(), tw), Some((false, false)))
        };
        if trusted {
            if mode == Some(Quarterly::Cumulative) {
                doubt_one_irregular_quarter(ind);
            }
            continue;
        }
        let mut distrusted = false;
        for v in std::iter::once(&mut ind.target).chain(ind.tw.iter_mut()) {
            match v {
                Value::Number(n) => *v = Value::Unreadable(n.clone()),
                Value::Text(t) if columns_misread => *v = Value::Unreadable(t.clone()),
                _ => continue,
            }
            distrusted = true;
        }
        if distrusted {
            ind.warnings.push("ocr_values_unconfirmed".to_string());
        }
    }
}

/// In a flow dump the cells of a row are read in printed order, and a row
/// whose unit is no known unit (a note's word, "BPS", or an indicator's
/// last word, read as the unit) and whose numbers fit neither arithmetic
/// was most likely given another row's values: its numbers are not given
/// out (left unreadable, their text kept) with `values_unconfirmed`, nor
/// is the budget read beside them, the same misreading's. A known unit, or
/// numbers that fit, vouch for the row.
pub fn distrust_flow_rows(doc: &mut Document) {
    for ind in doc.indicators.iter_mut() {
        let tw = [ind.tw[0].as_f64(), ind.tw[1].as_f64(), ind.tw[2].as_f64(), ind.tw[3].as_f64()];
        let unknown_unit = ind.unit.is_empty() || !crate::parse::unit::is_known(&ind.unit);
        let misfit = matches!(fits(ind.target.as_f64(), tw), Some((false, false)));
        // The reading itself could not confirm where the row's values go,
        // and some cells are blank: a dump drops blank cells, and "95 95
        // 95" is a target and two of four quarters, which two no arithmetic
        // tells. (Every cell filled, the order places them.)
        let cells = ind.value_cells();
        let filled = cells.iter().filter(|v| ***v != Value::Empty).count();
        let placed_unsure = ind.warnings.iter().any(|w| w == "values_unconfirmed") && filled < 5 && cells.iter().any(|v| matches!(v, Value::Number(_)));
        if !(placed_unsure || (unknown_unit && misfit)) {
            continue;
        }
        for v in std::iter::once(&mut ind.target).chain(ind.tw.iter_mut()).chain(std::iter::once(&mut ind.budget)) {
            if let Value::Number(n) = v {
                *v = Value::Unreadable(n.clone());
            }
        }
        ind.quarterly = None;
        drop_arithmetic_warnings(ind);
        if !ind.warnings.iter().any(|w| w == "values_unconfirmed") {
            ind.warnings.push("values_unconfirmed".to_string());
        }
    }
}

/// A cumulative row whose quarters step evenly to the target but for one
/// that is a digit away from its even step ("8,58 17,16 25,13 34,31":
/// 25,73 with its 7 read as a 1): OCR's misreading more likely than the
/// plan's, and no arithmetic catches it, since the quarter still lies
/// between its neighbours. That quarter is made unreadable. (A plan's own
/// uneven step, "25 50 70 100", loses its value too: an empty cell with a
/// warning, never a wrong one.)
fn doubt_one_irregular_quarter(ind: &mut super::Indicator) {
    let (Some(t), Some(q)) = (ind.target.as_f64(), ind.tw.iter().map(Value::as_f64).collect::<Option<Vec<f64>>>()) else { return };
    let decimals = printed_decimals(ind.value_cells());
    // Whole numbers (counts) step unevenly when four does not divide the
    // target ("0 1 2 3"): only rows printed with decimals are judged.
    if decimals == 0 {
        return;
    }
    let step = |k: usize| t * (k + 1) as f64 / 4.0;
    let half_unit = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-6;
    let uneven: Vec<usize> = (0..3).filter(|&k| (q[k] - step(k)).abs() > half_unit).collect();
    let [k] = uneven.as_slice() else { return };
    let Value::Number(read) = &ind.tw[*k] else { return };
    if !crate::parse::spelling::one_edit_apart(&digits_of(read), &digits_of(&number_text(step(*k), decimals))) {
        return;
    }
    ind.tw[*k] = Value::Unreadable(read.clone());
    ind.warnings.push(format!("unreadable_number:{}", CELL_NAMES[k + 1]));
    ind.warnings.push("ocr_quarter_off_its_even_step".to_string());
}

/// Tesseract drops a glyph it reads with full confidence: a decimal comma
/// ("45" for "4,5", "125" for "1,25", "68" beside a TW IV of "6,8") or a
/// digit at a cell's edge ("8,45" beside "68,45", "5.400" for "95.400"),
/// and the row then fits no arithmetic. A number of the row is put right
/// when one repair only, of all its numbers, makes the row fit the plan's
/// mode (a target with only TW IV beside it: equal to it): a comma put
/// back at one place, or the value the other cells pin ([`pinned_value`])
/// whose digits hold the ones read, in a run, and at least twice as
/// many. The arithmetic that caught the misreading vouches for the
/// repair, and the cell says so (`ocr_decimal_comma_restored:CELL`,
/// `ocr_lost_digit_restored:CELL`). Rows that fit as read, and rows with
/// a cell unreadable, are left as they are.
fn repair_one_misread_number(ind: &mut super::Indicator, mode: Option<Quarterly>) {
    let Some(mode) = mode else { return };
    let cells = ind.value_cells();
    if cells.iter().any(|v| matches!(v, Value::Unreadable(_))) {
        return;
    }
    let values: Vec<Option<f64>> = cells.iter().map(|v| v.as_f64()).collect();
    let fits_mode = |v: &[Option<f64>]| match fits_cells(v) {
        Some((cum, inc)) => {
            let quarters_blank = v[1..4].iter().all(Option::is_none);
            if quarters_blank {
                cum || inc
            } else if mode == Quarterly::Cumulative {
                cum
            } else {
                inc
            }
        }
        None => false,
    };
    if values[0].is_none() || matches!(fits_cells(&values), Some((true, _) | (_, true))) {
        return;
    }
    let decimals = printed_decimals(cells);
    let mut found: Vec<(usize, String, &str)> = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        let Value::Number(n) = cell else { continue };
        if n.len() >= 2 && n.bytes().all(|b| b.is_ascii_digit()) {
            for at in 1..n.len() {
                let mut tried = values.clone();
                tried[k] = format!("{}.{}", &n[..at], &n[at..]).parse().ok();
                if fits_mode(&tried) {
                    found.push((k, number_text(tried[k].unwrap_or_default(), n.len() - at), "ocr_decimal_comma_restored"));
                }
            }
        }
        let Some(pinned) = pinned_value(mode, k, &values) else { continue };
        let text = number_text(pinned, decimals);
        let (read, wanted) = (digits_of(n), digits_of(&text));
        let lost = read.len() < wanted.len() && 2 * read.len() >= wanted.len() && wanted.contains(&read);
        let mut tried = values.clone();
        tried[k] = Some(pinned);
        if lost && fits_mode(&tried) {
            found.push((k, text, "ocr_lost_digit_restored"));
        }
    }
    let [(k, text, warning)] = found.as_slice() else { return };
    put_number(ind, *k, text.clone());
    ind.quarterly = Some(mode);
    ind.warnings.push(format!("{warning}:{}", CELL_NAMES[*k]));
}

/// "1,050" among "4.200", "2.100": OCR read a thousands dot as a comma,
/// and the grammar would read one thousand and fifty as 1.05. A value of
/// three decimals exactly, in a row whose other values group thousands
/// with dots, is made unreadable (its warning says which cell).
fn distrust_comma_thousands(ind: &mut super::Indicator) {
    let comma_thousand = |s: &str| s.split_once(',').is_some_and(|(a, b)| (1..=3).contains(&a.len()) && a.chars().all(|c| c.is_ascii_digit()) && a != "0" && b.len() == 3 && b.chars().all(|c| c.is_ascii_digit()));
    if !ind.raw.iter().any(|(_, v)| is_grouped_thousands(v.trim())) {
        return;
    }
    let cells: [(&mut Value, Role); 5] = {
        let [a, b, c, d] = &mut ind.tw;
        [(&mut ind.target, Role::Target), (a, Role::Tw1), (b, Role::Tw2), (c, Role::Tw3), (d, Role::Tw4)]
    };
    for (k, (value, role)) in cells.into_iter().enumerate() {
        let Some((_, raw)) = ind.raw.iter().find(|(r, _)| *r == role) else { continue };
        if comma_thousand(raw.trim()) && matches!(value, Value::Number(_)) {
            *value = Value::Unreadable(raw.clone());
            ind.warnings.push(format!("unreadable_number:{}", CELL_NAMES[k]));
        }
    }
}

/// "15" beside "1,5" in one row: OCR lost a decimal comma (or read a speck
/// as one). The numbers of the row's rarer form are made unreadable,
/// their warnings saying which cells: a row of "1,5" in every quarter
/// keeps its quarters and loses a target and TW IV read "15". (One of
/// each: the arithmetic decides, see `repair_one_misread_number`.)
fn distrust_dropped_decimal_marks(ind: &mut super::Indicator) {
    let digits = |n: &str| n.chars().filter(char::is_ascii_digit).collect::<String>();
    let numbers: Vec<Option<String>> = std::iter::once(&ind.target).chain(ind.tw.iter()).map(|v| if let Value::Number(n) = v { Some(n.clone()) } else { None }).collect();
    let mut doubted = [false; 5];
    for (i, a) in numbers.iter().enumerate() {
        let Some(a) = a else { continue };
        let twins: Vec<usize> = (0..5).filter(|&j| numbers[j].as_ref().is_some_and(|b| b != a && digits(b) == digits(a) && b.contains('.') != a.contains('.'))).collect();
        if twins.is_empty() {
            continue;
        }
        let same = numbers.iter().filter(|b| b.as_ref() == Some(a)).count();
        let other = numbers.iter().filter(|b| b.as_ref() == numbers[twins[0]].as_ref()).count();
        if same < other {
            doubted[i] = true;
        }
    }
    for (k, value) in std::iter::once(&mut ind.target).chain(ind.tw.iter_mut()).enumerate() {
        if doubted[k] {
            if let Value::Number(n) = value {
                *value = Value::Unreadable(n.clone());
                ind.warnings.push(format!("unreadable_number:{}", CELL_NAMES[k]));
            }
        }
    }
}

/// True when the numbers read (`None`: not read, or blank) can be part of
/// a row of the plan's mode.
fn possible(mode: Option<Quarterly>, target: Option<f64>, tw: [Option<f64>; 4]) -> bool {
    let known: Vec<f64> = tw.iter().flatten().copied().collect();
    match mode {
        Some(Quarterly::Cumulative) => {
            let rising = known.windows(2).all(|w| w[1] + 1e-9 >= w[0]);
            let under = target.is_none_or(|t| known.iter().all(|q| *q <= t + 1e-9));
            let ends = match (target, tw[3]) {
                (Some(t), Some(t4)) => close(t4, t),
                _ => true,
            };
            rising && under && ends
        }
        Some(Quarterly::Incremental) => target.is_none_or(|t| known.iter().sum::<f64>() <= t + 0.011 + t.abs() * 1e-4),
        // No row of the plan fits either arithmetic: nothing vouches for
        // the columns the quarters were read into.
        None => known.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::InputKind;
    use crate::normalise::normalise;
    use crate::parse::header::Role;
    use crate::parse::number::Value;
    use crate::reflow::{Row, Table};

    /// A one-page plan: a Program node and rows of (indicator, values).
    fn table(columns: &[Role], rows: &[(&str, [&str; 5])]) -> Table {
        let mut out = vec![Row { page: 1, line: 1, node: Some("Program 1 Pelayanan".into()), ..Row::default() }];
        for (k, (text, vals)) in rows.iter().enumerate() {
            let mut row = Row { page: 1, line: k as u32 + 2, ..Row::default() };
            row.set(Role::Indicator, text.to_string());
            row.set(Role::Unit, "Persen".into());
            for (role, v) in [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].into_iter().zip(vals) {
                row.set(role, v.to_string());
            }
            out.push(row);
        }
        Table { columns: columns.to_vec(), rows: out, ..Table::default() }
    }

    const COLUMNS: [Role; 7] = [Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    const ROWS: [(&str, [&str; 5]); 4] = [
        ("Cumulative as printed", ["100", "25", "50", "75", "100"]),
        ("A digit misread", ["4,5", "1", "2", "75", "4,5"]),
        ("One cell unreadable, the rest possible", ["23,3", "0", "TP", "15,53", "23,3"]),
        ("One cell unreadable, the rest impossible", ["7,1", "18", "3,6", "5,3", "ins"]),
    ];

    fn read(columns: &[Role], ocr: bool) -> Vec<(Vec<Value>, bool)> {
        let warnings: Vec<String> = if ocr { vec!["ocr:page=1".into()] } else { Vec::new() };
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(columns, &ROWS), &warnings);
        doc.indicators
            .iter()
            .map(|i| (i.value_cells().into_iter().cloned().collect(), i.warnings.iter().any(|w| w == "ocr_values_unconfirmed")))
            .collect()
    }

    #[test]
    fn milestones_before_the_quarter_that_delivers_are_kept_as_text() {
        let rows = [("Perbup ditetapkan", ["1", "Draft", "Harmonisasi", "Penetapan", "1"]), ("Not delivered in TW IV", ["1", "Draft", "-", "-", "2"]), ("Short words", ["1", "Ok", "-", "-", "1"])];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &[]);
        let text = |k: usize| -> Vec<bool> { doc.indicators[k].tw.iter().map(|v| matches!(v, Value::Text(_))).collect() };
        assert_eq!(doc.indicators[0].tw[1], Value::Text("Harmonisasi".into()));
        assert_eq!(text(0), [true, true, true, false]);
        assert_eq!(text(1), [false; 4]);
        assert_eq!(text(2), [false; 4]);
    }

    #[test]
    fn a_flow_rows_numbers_fitting_nothing_beside_an_unknown_unit_are_withheld() {
        let rows = [("Fits", ["100", "25", "25", "25", "25"]), ("Fits nothing", ["60", "90", "90", "80", "1"]), ("Known unit", ["60", "90", "90", "80", "1"])];
        let mut t = table(&COLUMNS, &rows);
        t.rows[1].set(Role::Unit, "BPS".into());
        t.rows[2].set(Role::Unit, "BPS".into());
        let numbers = |kind| -> Vec<usize> {
            normalise("plan.txt", kind, &t, &[]).indicators.iter().map(|i| i.value_cells().iter().filter(|v| matches!(v, Value::Number(_))).count()).collect()
        };
        // The first two rows have the unknown unit "BPS"; the third keeps
        // "Persen". Numbers that fit vouch for a row, as a known unit does.
        assert_eq!(numbers(InputKind::Text), [5, 0, 5]);
        // The positioned readers place values by column: left as read.
        assert_eq!(numbers(InputKind::Layout), [5, 5, 5]);
        // A row the reading placed unsure ("95 95 95" left-filled), its
        // cells not all filled: withheld though its unit is known; all
        // five filled, the order placed them.
        let rows = [("Left-filled", ["95", "95", "95", "", ""]), ("Every cell", ["12", "3", "3", "3", "4"])];
        let mut u = table(&COLUMNS, &rows);
        for r in u.rows.iter_mut().skip(1) {
            r.warnings.push("values_unconfirmed".into());
        }
        assert_eq!(normalise("plan.txt", InputKind::Text, &u, &[]).indicators.iter().map(|i| i.value_cells().iter().filter(|v| matches!(v, Value::Number(_))).count()).collect::<Vec<_>>(), [0, 5]);
        // The budget read beside numbers withheld is the same misreading's.
        t.rows[2].set(Role::Budget, "100".into());
        let doc = normalise("plan.txt", InputKind::Text, &t, &[]);
        assert!(matches!(&doc.indicators[1].budget, Value::Unreadable(b) if b == "100"));
    }

    #[test]
    fn a_word_target_alone_is_read_where_its_column_is_known() {
        let rows = [("Predikat inovasi", ["Sangat Inovatif", "", "", "", ""])];
        let t = table(&COLUMNS, &rows);
        let target = |kind| normalise("plan", kind, &t, &[]).indicators[0].target.clone();
        assert_eq!(target(InputKind::Pdf), Value::Text("Sangat Inovatif".into()));
        assert_eq!(target(InputKind::Layout), Value::Text("Sangat Inovatif".into()));
        // A flow dump tells no column: the word stays unreadable.
        assert_eq!(target(InputKind::Text), Value::Unreadable("Sangat Inovatif".into()));
    }

    #[test]
    fn a_word_target_is_read_where_the_row_confirms_it() {
        let rows = [
            ("Target and TW IV", ["Baik", "", "", "", "Baik"]),
            ("Repeated in TW II", ["Tersedia", "", "Tersedia", "", "Tersedia"]),
            ("Another word between", ["Tersedia", "", "Proses", "", "Tersedia"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &[]);
        let cells: Vec<Vec<Value>> = doc.indicators.iter().map(|i| i.value_cells().into_iter().cloned().collect()).collect();
        let text = |s: &str| Value::Text(s.into());
        assert_eq!(cells[0], [text("Baik"), Value::Empty, Value::Empty, Value::Empty, text("Baik")]);
        assert_eq!(cells[1], [text("Tersedia"), Value::Empty, text("Tersedia"), Value::Empty, text("Tersedia")]);
        assert!(cells[2].iter().all(|v| !matches!(v, Value::Text(_))), "{:?}", cells[2]);
    }

    #[test]
    fn ocr_rows_keep_only_numbers_their_arithmetic_allows() {
        let rows = read(&COLUMNS, true);
        let flags: Vec<bool> = rows.iter().map(|r| r.1).collect();
        assert_eq!(flags, [false, true, false, true]);
        assert_eq!(rows[0].0[1], Value::Number("25".into()));
        assert!(rows[1].0.iter().all(|v| !matches!(v, Value::Number(_))), "{:?}", rows[1].0);
        assert_eq!(rows[2].0[3], Value::Number("15.53".into()));
        assert!(rows[3].0.iter().all(|v| !matches!(v, Value::Number(_))), "{:?}", rows[3].0);
        // Text read from a text layer is trusted as printed.
        assert!(read(&COLUMNS, false).iter().all(|r| !r.1));
    }

    #[test]
    fn a_target_after_the_four_quarters_is_a_header_as_printed_one_between_them_is_misread() {
        let last = [Role::Indicator, Role::Unit, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Target];
        assert!(!read(&last, true)[0].1);
        let between = [Role::Indicator, Role::Unit, Role::Tw1, Role::Target, Role::Tw2, Role::Tw3, Role::Tw4];
        assert!(read(&between, true)[0].1);
        let quarters_swapped = [Role::Indicator, Role::Unit, Role::Target, Role::Tw2, Role::Tw1, Role::Tw3, Role::Tw4];
        assert!(read(&quarters_swapped, true)[0].1);
    }

    #[test]
    fn a_decimal_comma_lost_is_put_back_where_the_arithmetic_says() {
        let rows = [
            ("Cumulative", ["100", "25", "50", "75", "100"]),
            ("A quarter's comma lost", ["8,5", "2", "45", "6,5", "8,5"]),
            ("A target's comma lost, quarters blank", ["68", "", "", "", "6,8"]),
            ("Two places fit (1,25 and 12,5): distrusted", ["15", "1", "125", "13", "15"]),
            ("No place fits", ["8,5", "2", "95", "6,5", "8,5"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        let ind = &doc.indicators;
        assert_eq!(ind[1].tw[1], Value::Number("4.5".into()));
        assert_eq!(ind[1].warnings, ["ocr_decimal_comma_restored:tw2"]);
        assert_eq!(ind[2].target, Value::Number("6.8".into()));
        for i in &ind[3..] {
            assert!(i.tw.iter().all(|v| !matches!(v, Value::Number(_))), "{:?}", i.tw);
            assert!(i.warnings.contains(&"ocr_values_unconfirmed".to_string()));
        }
        // Incremental: the sum decides ("125" is 1,25, not 12,5).
        let rows = [("Incremental", ["100", "25", "25", "25", "25"]), ("Comma lost", ["4,75", "1", "1,25", "125", "1,25"])];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        assert_eq!(doc.indicators[1].tw[2], Value::Number("1.25".into()));
        // "15" twice beside "1,5" three times: the rarer form is doubted
        // (and the row, with two cells unread, keeps no number at all).
        let rows = [("Cumulative", ["100", "25", "50", "75", "100"]), ("Commas lost", ["15", "1,5", "1,5", "1,5", "15"])];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        let ind = &doc.indicators[1];
        assert!(std::iter::once(&ind.target).chain(ind.tw.iter()).all(|v| *v != Value::Number("15".into())));
        assert!(ind.warnings.contains(&"unreadable_number:target".to_string()));
        // A text layer is printed text: never repaired.
        let rows = [("Cumulative", ["100", "25", "50", "75", "100"]), ("As printed", ["8,5", "2", "45", "6,5", "8,5"])];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &[]);
        assert_eq!(doc.indicators[1].tw[1], Value::Number("45".into()));
    }

    #[test]
    fn a_digit_lost_at_a_cells_edge_is_put_back_where_the_arithmetic_pins_it() {
        let rows = [
            ("Incremental", ["100", "25", "25", "25", "25"]),
            ("Target's first digit lost", ["5.400", "23.850", "23.850", "23.850", "23.850"]),
            ("Target only, its first digit lost", ["8,45", "", "", "", "68,45"]),
            ("TW IV only, its first digit lost", ["68,45", "", "", "", "8,45"]),
            ("Too few digits left to tell", ["1.250", "300", "350", "3", "300"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        let ind = &doc.indicators;
        assert_eq!(ind[1].target, Value::Number("95400".into()));
        assert_eq!(ind[1].warnings, ["ocr_lost_digit_restored:target"]);
        assert_eq!(ind[2].target, Value::Number("68.45".into()));
        assert_eq!(ind[3].tw[3], Value::Number("68.45".into()));
        assert!(ind[4].tw.iter().all(|v| !matches!(v, Value::Number(_))), "{:?}", ind[4].tw);
    }

    #[test]
    fn a_doubted_number_the_arithmetic_pins_is_believed() {
        let rows = [
            ("Cumulative", ["100", "25", "50", "75", "100"]),
            ("TW IV doubted, equal to the target", ["140", "35", "70", "105", "140?"]),
            ("TW IV doubted, two digits off the target", ["140", "35", "70", "105", "186?"]),
            ("A quarter doubted: only bounded", ["140", "0?", "70", "105", "140"]),
            ("Two doubted", ["140?", "35", "70", "105", "140?"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        let tw4: Vec<&Value> = doc.indicators.iter().map(|i| &i.tw[3]).collect();
        assert_eq!(tw4[1], &Value::Number("140".into()));
        assert!(doc.indicators[1].warnings.contains(&"ocr_value_confirmed_by_arithmetic".to_string()), "{:?}", doc.indicators[1].warnings);
        assert!(!doc.indicators[1].warnings.iter().any(|w| w.starts_with("unreadable_number")));
        assert!(!matches!(tw4[2], Value::Number(_)));
        assert!(!matches!(doc.indicators[3].tw[0], Value::Number(_)));
        assert!(!matches!(doc.indicators[4].target, Value::Number(_)));
        // Incremental: any one cell is pinned by the sum.
        let rows = [("Incremental", ["100", "25", "25", "25", "25"]), ("TW II doubted", ["100", "25", "25?", "25", "25"])];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        assert_eq!(doc.indicators[1].tw[1], Value::Number("25".into()));
    }

    #[test]
    fn an_unreadable_cell_the_arithmetic_pins_is_given_when_its_reading_agrees() {
        let incremental = [
            ("Incremental", ["100", "25", "25", "25", "25"]),
            ("A zero read as 'te)'", ["3", "te)", "1", "1", "1"]),
            ("A 1 read as 'a'", ["48", "a2", "12", "12", "12"]),
            ("Decimals", ["73,36", "0", "24,45", "2445?", "24,46"]),
            ("A reading that disagrees", ["48", "x7", "12", "12", "12"]),
            ("Letters with no zero's shape", ["4", "1", "£", "1", "1"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &incremental), &["ocr:page=1".to_string()]);
        let got: Vec<&Value> = doc.indicators.iter().map(|i| &i.tw[0]).collect();
        assert_eq!(got[1], &Value::Number("0".into()));
        assert_eq!(got[2], &Value::Number("12".into()));
        assert_eq!(doc.indicators[3].tw[2], Value::Number("24.45".into()));
        assert!(matches!(got[4], Value::Unreadable(_)));
        assert!(matches!(doc.indicators[5].tw[1], Value::Unreadable(_)));
        let cumulative = [
            ("Cumulative", ["100", "25", "50", "75", "100"]),
            ("Between two zeros", ["58", "0}", "0", "29", "58"]),
            ("Only bounded", ["100", "e)", "33,33", "66,67", "100"]),
            ("TW IV read 'B0'", ["80", "20", "40", "60", "B0"]),
            ("TW IV with one digit misread", ["77", "0", "25,67", "51,33", "17?"]),
            ("A lone digit misread tells nothing", ["1", "0,25", "0,5", "0,75", "2?"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &cumulative), &["ocr:page=1".to_string()]);
        assert_eq!(doc.indicators[1].tw[0], Value::Number("0".into()));
        assert!(matches!(doc.indicators[2].tw[0], Value::Unreadable(_)));
        assert_eq!(doc.indicators[3].tw[3], Value::Number("80".into()));
        assert!(doc.indicators[3].warnings.contains(&"ocr_value_confirmed_by_arithmetic".to_string()));
        assert_eq!(doc.indicators[4].tw[3], Value::Number("77".into()));
        assert!(matches!(doc.indicators[5].tw[3], Value::Unreadable(_)));
    }

    #[test]
    fn quarters_without_a_target_and_a_comma_among_thousands_are_not_given_out() {
        let rows = [
            ("Cumulative", ["100", "25", "50", "75", "100"]),
            ("Target lost, values shifted", ["", "", "8,45", "68,45", ""]),
            ("A thousands dot read as a comma", ["4.200", "1,050", "2.100", "3.150", "4.200"]),
            ("Three decimals of a small number", ["1", "0,625", "0,75", "0,875", "1"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        assert!(doc.indicators[1].tw.iter().all(|v| !matches!(v, Value::Number(_))), "{:?}", doc.indicators[1].tw);
        assert!(matches!(doc.indicators[2].tw[0], Value::Unreadable(_)));
        assert_eq!(doc.indicators[2].tw[1], Value::Number("2100".into()));
        assert_eq!(doc.indicators[3].tw[0], Value::Number("0.625".into()));
    }

    #[test]
    fn a_doubted_target_tw_iv_pins_goes_first_in_a_row_with_two_doubted() {
        let rows = [
            ("Cumulative", ["100", "25", "50", "75", "100"]),
            ("Target and TW III doubted", ["120?", "30", "60", "90?", "120"]),
            ("Target and TW I doubted, TW I only bounded", ["1?", "0", "0", "1", "1?"]),
            ("The target read as another number", ["185?", "30", "60", "90?", "120"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        let ind = &doc.indicators;
        assert_eq!(values_of(&ind[1]), ["120", "30", "60", "90", "120"]);
        assert_eq!(ind[1].warnings, ["ocr_value_confirmed_by_arithmetic"]);
        // Target and TW IV both doubted: neither pins the other.
        assert!(matches!(ind[2].target, Value::Unreadable(_)));
        assert!(ind[3].tw.iter().chain([&ind[3].target]).all(|v| !matches!(v, Value::Number(_))), "{:?}", ind[3].tw);
    }

    fn values_of(ind: &crate::normalise::Indicator) -> Vec<String> {
        ind.value_cells().iter().map(|v| v.as_field().to_string()).collect()
    }

    #[test]
    fn a_doubted_quarter_read_as_its_even_step_is_believed() {
        let rows = [
            ("Cumulative", ["100", "25", "50", "75", "100"]),
            ("Read as the step", ["98.300", "24.575", "\u{201c}49.150?", "73.725", "98.300"]),
            ("Read as another number", ["50", "25?", "25", "37,5", "50"]),
            ("Thirds after a quarter of 0", ["23,3", "0", "7,77?", "15,53", "23,3"]),
            ("Not a third", ["23,3", "0", "7,71?", "15,53", "23,3"]),
            // gen144's scan: a step of 1,5 in whole numbers is no step.
            ("Whole numbers", ["6", "2?", "3", "5", "6"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        assert_eq!(doc.indicators[1].tw[1], Value::Number("49150".into()));
        assert!(matches!(doc.indicators[2].tw[0], Value::Unreadable(_)));
        assert_eq!(doc.indicators[3].tw[1], Value::Number("7.77".into()));
        assert!(matches!(doc.indicators[4].tw[1], Value::Unreadable(_)));
        assert!(matches!(doc.indicators[5].tw[0], Value::Unreadable(_)));
    }

    #[test]
    fn a_quarter_a_digit_off_its_even_step_is_doubted() {
        let rows = [
            ("Cumulative", ["100", "25", "50", "75", "100"]),
            ("7 read as 1", ["34,31", "8,58", "17,16", "25,13", "34,31"]),
            ("An uneven plan, not a digit off", ["100", "0", "0", "50", "100"]),
            ("Counts", ["3", "0", "1", "2", "3"]),
            ("Even", ["34,31", "8,58", "17,16", "25,73", "34,31"]),
        ];
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &["ocr:page=1".to_string()]);
        assert!(matches!(doc.indicators[1].tw[2], Value::Unreadable(_)));
        assert!(doc.indicators[1].warnings.contains(&"ocr_quarter_off_its_even_step".to_string()));
        assert_eq!(doc.indicators[2].tw[2], Value::Number("50".into()));
        assert_eq!(doc.indicators[4].tw[2], Value::Number("25.73".into()));
        assert_eq!(doc.indicators[3].tw[0], Value::Number("0".into()));
        // Text read from a text layer is never doubted.
        let doc = normalise("plan.pdf", InputKind::Pdf, &table(&COLUMNS, &rows), &[]);
        assert_eq!(doc.indicators[1].tw[2], Value::Number("25.13".into()));
    }

    #[test]
    fn an_ocr_header_with_the_target_after_a_quarter_vouches_for_no_value() {
        let misread = [Role::Indicator, Role::Unit, Role::Tw1, Role::Tw2, Role::Target, Role::Tw3, Role::Tw4];
        assert!(read(&misread, true).iter().all(|r| r.1 && r.0.iter().all(|v| !matches!(v, Value::Number(_)))));
    }
}
