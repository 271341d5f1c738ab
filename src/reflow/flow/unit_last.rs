//! Plans whose header prints SATUAN after the quarterly targets.
//!
//! A flow dump of such a plan gives each row's unit after the values it
//! labels ("72 18 18 18 18 Persen"), while the flow reader finds a row's
//! values after its unit, the order of every other plan. Each unit cell is
//! put back in front of the values it closes, and the plan is then read as
//! any other. The cells of columns with no role printed between SATUAN and
//! the budget (REALISASI) are numbers the reader has no column for: they
//! are blanked, with a warning, rather than read as the budget.

use super::words::{is_dash, is_num};
use crate::extract::{Line, Page};
use crate::parse::header::{is_header_word, role_of, Role};
use crate::parse::label::written::starts_with_label;
use super::prep::with_bounds_joined;
use crate::parse::number::{is_bound, is_text_target};
use crate::parse::unit::{canonical, is_known, looks_like_unit};

/// The pages with unit cells moved, and what was done.
pub(super) struct UnitsMoved {
    pub pages: Vec<Page>,
    /// Unit cells put in front of their values.
    pub moved: usize,
    /// Cells of unnamed columns blanked.
    pub blanked: usize,
}

/// What a non-blank line of the dump holds.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Kind {
    /// Only values: numbers, dashes, text targets ("WTP").
    Values,
    /// A short line that can be a unit cell ("Persen", "per 1.000 KH").
    Unit,
    Other,
}

/// `percent_is_unit`: a lone "%" line is a unit cell (after a plan's
/// target, where SATUAN comes next), not the tail of a wrapped value.
pub(super) fn kind_of(line: &Line, percent_is_unit: bool) -> Kind {
    let words: Vec<&str> = line.words.iter().map(|w| w.text.as_str()).collect();
    if percent_is_unit && words == ["%"] {
        return Kind::Unit;
    }
    let value_like = |w: &&str| is_num(w) || is_dash(w) || is_text_target(w) || *w == "%";
    // A bound printed with a space ("≥ 90") is one value.
    let bounded = words.iter().any(|w| w.contains(['≤', '≥', '<', '>'])).then(|| with_bounds_joined(words.iter().map(|w| w.to_string()).collect()));
    let is_values = match &bounded {
        Some(joined) => joined.iter().all(|w| value_like(&w.as_str()) || is_bound(w)),
        None => words.iter().all(value_like),
    };
    if is_values {
        return Kind::Values;
    }
    let text = words.join(" ");
    // One word that can be a unit ("Hektar"), a known unit of more words
    // ("Rumah Tangga"), or a rate ("per 1.000 KH"); an indicator of a few
    // unit-like words ("Indeks Kualitas Air") is none.
    let rate = words.len() <= 4 && words.first().is_some_and(|w| w.eq_ignore_ascii_case("per")) && words.iter().skip(1).any(|w| is_num(w));
    let unit = (words.len() == 1 && looks_like_unit(words[0])) || is_known(&canonical(&text)) || rate;
    if unit && !starts_with_label(&text) {
        Kind::Unit
    } else {
        Kind::Other
    }
}

/// A budget cell: a sum of money, printed with two or more thousands groups
/// ("18.750.000.000").
fn is_money(line: &Line) -> bool {
    line.words.len() == 1 && line.words[0].text.matches('.').count() >= 2 && is_num(&line.words[0].text)
}

/// The header cells with no role the first header prints between SATUAN
/// and the next named column ("SATUAN" / "REALISASI" / "ANGGARAN
/// (Rp)"): a flow dump prints header cells a line or more each, and the
/// header's roles leave such columns out.
pub(super) fn unnamed_after_unit(pages: &[Page]) -> Vec<String> {
    let lines = pages.iter().flat_map(|p| &p.lines).filter(|l| !l.is_blank());
    let mut after_unit = false;
    let mut unnamed = Vec::new();
    for line in lines {
        let text = line.text();
        let role = role_of(&text);
        if after_unit {
            if role.is_some() || !line.words.iter().all(|w| is_header_word(&w.text)) {
                return unnamed;
            }
            unnamed.push(text);
        } else if role == Some(Role::Unit) {
            after_unit = true;
        }
    }
    Vec::new()
}

/// The header's roles in the order the flow reader follows: the unit in
/// front of the first target column, the unnamed columns between it and
/// the next named one left out.
pub(super) fn columns_unit_first(columns: &[Role]) -> Vec<Role> {
    let Some(unit) = columns.iter().position(|r| *r == Role::Unit) else {
        return columns.to_vec();
    };
    let extras = columns[unit + 1..].iter().take_while(|r| **r == Role::Extra).count();
    let mut out: Vec<Role> = Vec::with_capacity(columns.len());
    for (k, r) in columns.iter().enumerate() {
        if Role::VALUES.contains(r) && !out.contains(&Role::Unit) {
            out.push(Role::Unit);
        }
        if k == unit || (k > unit && k <= unit + extras) {
            continue;
        }
        out.push(*r);
    }
    out
}

/// Moves every unit cell in front of the run of values before it (at most
/// `values` of them: the target and the quarters), and blanks the `extras`
/// cells after it (the unnamed columns printed between SATUAN and the
/// budget).
pub(super) fn unit_before_values(pages: &[Page], values: usize, extras: usize) -> UnitsMoved {
    let mut out = UnitsMoved { pages: pages.to_vec(), moved: 0, blanked: 0 };
    for page in &mut out.pages {
        let slots: Vec<usize> = (0..page.lines.len()).filter(|i| !page.lines[*i].is_blank()).collect();
        // With one value before the unit (TARGET before SATUAN) the cell
        // after the target is the unit, "%" too.
        let kinds: Vec<Kind> = slots.iter().map(|i| kind_of(&page.lines[*i], values == 1)).collect();
        // Where the current run of values starts (a slot index), and how
        // many of its first cells are the last row's tail (its unnamed
        // cells and budget, printed after its unit).
        let mut run_from: Option<usize> = None;
        let mut tail = 0;
        for s in 0..slots.len() {
            match kinds[s] {
                Kind::Values => {
                    run_from.get_or_insert(s);
                }
                Kind::Unit if run_from.is_some() => {
                    let from = run_from.expect("checked") + tail;
                    let m = s.saturating_sub(from).min(values);
                    run_from = None;
                    tail = 0;
                    if m == 0 {
                        continue;
                    }
                    // Rotate the lines of slots s-m..=s: the unit first.
                    let unit = page.lines[slots[s]].clone();
                    for k in (s - m..s).rev() {
                        page.lines[slots[k + 1]] = page.lines[slots[k]].clone();
                    }
                    page.lines[slots[s - m]] = unit;
                    out.moved += 1;
                    // The unnamed cells after the unit, then a budget,
                    // belong to this row: the next run starts after them.
                    let mut next = s + 1;
                    let mut blanked = 0;
                    while blanked < extras && kinds.get(next) == Some(&Kind::Values) && page.lines[slots[next]].words.len() == 1 {
                        blanked += 1;
                        next += 1;
                    }
                    let budget = slots.get(next).is_some_and(|i| kinds[next] == Kind::Values && is_money(&page.lines[*i]));
                    if blanked > 0 {
                        // The budget moves up to the first blanked cell and
                        // the blank lines go to the row's end, where a
                        // blank line parts rows anyway (mutool): a blank
                        // line between a unit and its budget would cut the row.
                        let ends = next + usize::from(budget);
                        for k in s + 1..ends {
                            page.lines[slots[k]] = if k + blanked < ends { page.lines[slots[k + blanked]].clone() } else { Line::default() };
                        }
                        out.blanked += blanked;
                    }
                    if next < slots.len() && kinds[next] == Kind::Values {
                        run_from = Some(s + 1);
                        tail = next - (s + 1) + usize::from(budget);
                    }
                }
                _ => {
                    run_from = None;
                    tail = 0;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Word;

    fn page(lines: &[&str]) -> Page {
        let line = |t: &str| Line { words: t.split_whitespace().map(|w| Word { text: w.to_string(), x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0 }).collect(), open_end: false };
        Page { number: 1, lines: lines.iter().map(|t| line(t)).collect(), ..Page::default() }
    }

    fn texts(p: &Page) -> Vec<String> {
        p.lines.iter().map(Line::text).collect()
    }

    #[test]
    fn a_unit_printed_after_the_target_goes_before_it() {
        // TARGET before SATUAN: mutool prints target, unit, quarters.
        let p = page(&["Indeks Kepuasan Masyarakat", "86,25", "nilai", "-", "-", "-", "86,25", "Kepala Dinas", "", "Persentase penduduk", "99,2", "%", "98,6", "98,8", "98,95", "99,2"]);
        let got = unit_before_values(&[p], 1, 0);
        assert_eq!(got.moved, 2);
        let want = ["Indeks Kepuasan Masyarakat", "nilai", "86,25", "-", "-", "-", "86,25", "Kepala Dinas", "", "Persentase penduduk", "%", "99,2", "98,6", "98,8", "98,95", "99,2"];
        assert_eq!(texts(&got.pages[0]), want);
    }

    #[test]
    fn units_go_before_their_values_and_unnamed_cells_are_blanked() {
        // mutool's order: indicator, target, quarters, unit, REALISASI,
        // budget; the next row's values follow the last row's tail.
        let p = page(&["SATUAN", "", "Persentase sampah yang tertangani", "72", "18", "18", "18", "18", "Persen", "18", "18.750.000.000", "", "28", "7", "7", "7", "7", "Persen", "7", "", "Angka Kematian Bayi", "6,8", "-", "-", "-", "6,8", "per 1.000 KH", "-"]);
        let got = unit_before_values(&[p], 5, 1);
        assert_eq!((got.moved, got.blanked), (3, 3));
        let want = ["SATUAN", "", "Persentase sampah yang tertangani", "Persen", "72", "18", "18", "18", "18", "18.750.000.000", "", "", "Persen", "28", "7", "7", "7", "7", "", "", "Angka Kematian Bayi", "per 1.000 KH", "6,8", "-", "-", "-", "6,8", ""];
        assert_eq!(texts(&got.pages[0]), want);
    }

    #[test]
    fn an_indicator_of_unit_like_words_is_no_unit() {
        let kinds: Vec<Kind> = page(&["Indeks Kualitas Air", "Indeks", "per 100.000 KH", "Rumah Tangga", "Sub Kegiatan 1", "12,5 -"]).lines.iter().map(|l| kind_of(l, false)).collect();
        assert_eq!(kinds, [Kind::Other, Kind::Unit, Kind::Unit, Kind::Unit, Kind::Other, Kind::Values]);
    }

    #[test]
    fn a_short_line_after_a_row_tail_is_no_unit_of_it() {
        // "Sampah" opens the next row's indicator: the values before it are
        // the last row's tail, none left to label.
        let p = page(&["Indikator", "72", "18", "18", "18", "18", "Persen", "-", "18.750.000.000", "Sampah", "yang dikelola"]);
        let got = unit_before_values(&[p], 5, 1);
        assert_eq!(got.moved, 1);
        assert_eq!(texts(&got.pages[0])[9..], ["Sampah", "yang dikelola"]);
    }

    #[test]
    fn unnamed_header_cells_after_satuan_are_counted() {
        let header = page(&["URAIAN", "", "TW IV", "", "SATUAN", "", "REALISASI", "", "ANGGARAN (Rp)", "Sasaran 1"]);
        assert_eq!(unnamed_after_unit(&[header]), ["REALISASI"]);
        let header = page(&["URAIAN", "TW IV", "SATUAN", "ANGGARAN (Rp)"]);
        assert!(unnamed_after_unit(&[header]).is_empty());
    }

    #[test]
    fn column_order_puts_the_unit_before_the_targets() {
        use Role::*;
        let cols = [Node, Indicator, Target, Tw1, Tw2, Tw3, Tw4, Unit, Extra, Budget];
        assert_eq!(columns_unit_first(&cols), [Node, Indicator, Unit, Target, Tw1, Tw2, Tw3, Tw4, Budget]);
    }
}
