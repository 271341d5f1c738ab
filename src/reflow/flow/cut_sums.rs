//! Sums of money cut at their cell's edge.
//!
//! A word processor breaks a number too long for its cell where the cell
//! ends, with no hyphen: "3.850.000.0" / "00" (blind round gen31, Writer).
//! A flow dump prints the two pieces as two lines, often with a blank line
//! between them, and a reader that takes each line's numbers as values
//! would read two values, neither of them the budget. The pieces are joined
//! before any reading: a line's last word that is no sum of money but
//! becomes one with the first word of the next line holding words.

use crate::extract::{Line, Page};
use crate::parse::number::rejoined_sum;
use std::borrow::Cow;

/// The longest tail a cut leaves: the last group's digits and the
/// accountants' ",-" or ",00".
const LONGEST_TAIL: usize = 6;

/// The pages with every cut sum of money made whole; the pages as they are
/// when none is cut.
pub(super) fn rejoined(pages: &[Page]) -> Cow<'_, [Page]> {
    let cuts: Vec<Vec<(usize, usize)>> = pages.iter().map(cuts).collect();
    if cuts.iter().all(Vec::is_empty) {
        return Cow::Borrowed(pages);
    }
    Cow::Owned(pages.iter().zip(&cuts).map(|(p, c)| rejoin_page(p, c)).collect())
}

/// Per cut on the page: the line with the head and the line with the tail.
fn cuts(page: &Page) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, line) in page.lines.iter().enumerate() {
        let Some(head) = line.words.last() else { continue };
        if !head.text.starts_with(|c: char| c.is_ascii_digit()) || !head.text.contains('.') {
            continue;
        }
        let Some(j) = (i + 1..page.lines.len()).find(|&j| !page.lines[j].is_blank()) else { continue };
        let tail = &page.lines[j].words[0].text;
        let tail_fits = tail.len() <= LONGEST_TAIL && tail.starts_with(|c: char| c.is_ascii_digit() || c == '.');
        if tail_fits && rejoined_sum(&head.text, tail).is_some() {
            out.push((i, j));
        }
    }
    out
}

/// The page with its `cuts` ([`cuts`]) joined.
fn rejoin_page(page: &Page, cuts: &[(usize, usize)]) -> Page {
    let mut lines: Vec<Line> = page.lines.clone();
    for &(i, j) in cuts {
        let tail = lines[j].words.remove(0);
        if let Some(head) = lines[i].words.last_mut() {
            head.text.push_str(&tail.text);
            head.x1 = head.x1.max(tail.x1);
        }
    }
    // A line that held the tail alone goes, with the blank line before it.
    let emptied: Vec<usize> = cuts.iter().map(|&(_, j)| j).filter(|&j| lines[j].is_blank()).collect();
    let mut keep = vec![true; lines.len()];
    for j in emptied {
        keep[j] = false;
        if j > 0 && lines[j - 1].is_blank() {
            keep[j - 1] = false;
        }
    }
    Page { lines: lines.into_iter().zip(keep).filter(|(_, k)| *k).map(|(l, _)| l).collect(), ..page.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Word;

    fn page(lines: &[&str]) -> Page {
        let line = |t: &str| Line {
            words: t.split_whitespace().map(|w| Word { text: w.to_string(), x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0 }).collect(),
            open_end: false,
        };
        Page { number: 1, lines: lines.iter().map(|t| line(t)).collect(), ..Page::default() }
    }

    fn texts(p: &Page) -> Vec<String> {
        p.lines.iter().map(Line::text).collect()
    }

    #[test]
    fn a_sum_cut_at_its_cells_edge_is_one_number_again() {
        let pages = [page(&["Rp", "3.850.000.0", "", "00", "", "850.000.000 1.900.000.0", "", "00", "Kabid Aset"])];
        let out = rejoined(&pages);
        assert_eq!(texts(&out[0]), ["Rp", "3.850.000.000", "", "850.000.000 1.900.000.000", "Kabid Aset"]);
    }

    #[test]
    fn a_sum_cut_before_a_groups_dot_is_one_number_again() {
        // mutool: "86.500.000" / "" / ".000", the cell too narrow for the last group.
        let pages = [page(&["Rupiah", "86.500.000", "", ".000", "", "18.000.000.000"])];
        let out = rejoined(&pages);
        assert_eq!(texts(&out[0]), ["Rupiah", "86.500.000.000", "", "18.000.000.000"]);
    }

    #[test]
    fn whole_numbers_and_decimals_are_left_alone() {
        // "7.5" + "00" would be a sum of one dot only; "1.250.000" is whole.
        let pages = [page(&["7.5", "00", "1.250.000", "000", "Kabid"])];
        assert!(matches!(rejoined(&pages), Cow::Borrowed(_)));
    }
}
