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
use crate::parse::number::{is_grouped_thousands, is_sum_of_money, rejoined_in_last_group, rejoined_sum};
use std::borrow::Cow;

/// The longest tail a cut leaves: the last group's digits and the
/// accountants' ",-" or ",00".
const LONGEST_TAIL: usize = 6;

/// The pages with every cut sum of money made whole; the pages as they are
/// when none is cut.
pub(super) fn rejoined(pages: &[Page]) -> Cow<'_, [Page]> {
    let pages = rejoined_side_by_side(pages);
    let cuts: Vec<Vec<(usize, usize)>> = pages.iter().map(cuts).collect();
    if cuts.iter().all(Vec::is_empty) {
        return pages;
    }
    Cow::Owned(pages.iter().zip(&cuts).map(|(p, c)| rejoin_page(p, c)).collect())
}

/// A digit-and-dot piece of a number: "186.500", ".000.00", "0.000.", "000".
fn is_piece(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Sums cut in side-by-side cells, a row's target and quarters each too
/// wide for its cell: pdftotext prints the first pieces of all on one
/// line and the rest on the lines under it ("Rupiah 186.500 45.00 46.50
/// 47.00 48.00" / ".000.00 0.000. 0.000. 0.000. 0.000." / "0" / "000 000
/// 000 000", gen70). The lines of pieces under the line's last numbers
/// are taken in turns, each turn as many pieces as numbers, and joined
/// to them column by column; only where every number so made is a sum
/// of money, and a piece shows the cut (a dot at its end or start).
/// Read as they were, the heads would be numbers a thousandth or a
/// millionth of the sums.
fn rejoined_side_by_side(pages: &[Page]) -> Cow<'_, [Page]> {
    let mut out: Option<Vec<Page>> = None;
    for (n, page) in pages.iter().enumerate() {
        let mut i = 0;
        while i < page.lines.len() {
            if let Some((heads, joined, upto)) = side_by_side_cut(&page.lines, i) {
                let page_out = &mut out.get_or_insert_with(|| pages.to_vec())[n];
                let line = &mut page_out.lines[i];
                let from = line.words.len() - heads;
                for (w, text) in line.words[from..].iter_mut().zip(joined) {
                    w.text = text;
                }
                for l in &mut page_out.lines[i + 1..upto] {
                    l.words.clear();
                }
                i = upto;
            } else {
                i += 1;
            }
        }
    }
    match out {
        Some(p) => Cow::Owned(p),
        None => Cow::Borrowed(pages),
    }
}

/// At line `i`: how many numbers end it, the sums they make with the
/// pieces under them, and the line after the last piece line.
fn side_by_side_cut(lines: &[Line], i: usize) -> Option<(usize, Vec<String>, usize)> {
    let words = &lines[i].words;
    let heads = words.iter().rev().take_while(|w| is_piece(&w.text)).count();
    if heads < 2 {
        return None;
    }
    let mut joined: Vec<String> = words[words.len() - heads..].iter().map(|w| w.text.clone()).collect();
    let mut turn: Vec<String> = Vec::new();
    let mut cut_shown = false;
    let mut j = i + 1;
    while j < lines.len() {
        let line = &lines[j];
        if line.is_blank() {
            j += 1;
            continue;
        }
        if !line.words.iter().all(|w| is_piece(&w.text)) || turn.len() + line.words.len() > heads {
            break;
        }
        cut_shown |= line.words.iter().any(|w| w.text.starts_with('.') || w.text.ends_with('.'));
        turn.extend(line.words.iter().map(|w| w.text.clone()));
        j += 1;
        if turn.len() == heads {
            for (s, piece) in joined.iter_mut().zip(turn.drain(..)) {
                s.push_str(&piece);
            }
            if joined.iter().all(|s| is_sum_of_money(s)) {
                return cut_shown.then_some((heads, joined, j));
            }
        }
    }
    None
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
        if tail_fits && (rejoined_sum(&head.text, tail).is_some() || cut_in_last_group(page, i, &head.text, tail)) {
            out.push((i, j));
        }
    }
    out
}

/// How many lines up a row's other values are looked for.
const ROW_REACH: usize = 8;

/// A number in thousands cut inside its last group ("111.20" / "0",
/// gen122: "111.200" in a narrow TW III cell; see
/// [`rejoined_in_last_group`]). Such a head
/// would read as a decimal, 111.2, and the tail as a value of its own;
/// joined only where the row's other values, on the head's line or the
/// lines just above, are written in thousands with dots too ("148.500
/// 37.000 74.000 111.20"), so a decimal point of a plan that prints one
/// ("12.50" / "5") is left alone.
fn cut_in_last_group(page: &Page, i: usize, head: &str, tail: &str) -> bool {
    let shape = rejoined_in_last_group(head, tail).is_some();
    let in_thousands = |w: &str| w != head && is_grouped_thousands(w);
    shape && page.lines[i.saturating_sub(ROW_REACH)..=i].iter().flat_map(|l| &l.words).any(|w| in_thousands(&w.text))
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
    fn a_number_in_thousands_cut_in_its_last_group_is_one_number_again() {
        // gen122's mutool dump: TW III and TW IV too wide for their cells.
        let pages = [page(&["Ton", "148.500 37.000 74.000 111.20", "", "0", "", "148.50", "", "0", "", "Rp"])];
        let out = rejoined(&pages);
        assert_eq!(texts(&out[0]), ["Ton", "148.500 37.000 74.000 111.200", "", "148.500", "", "Rp"]);
        // A decimal point among numbers not in thousands stays.
        let pages = [page(&["Km", "12.50", "", "5", "", "7"])];
        assert!(matches!(rejoined(&pages), Cow::Borrowed(_)));
    }

    #[test]
    fn a_sum_cut_before_a_groups_dot_is_one_number_again() {
        // mutool: "86.500.000" / "" / ".000", the cell too narrow for the last group.
        let pages = [page(&["Rupiah", "86.500.000", "", ".000", "", "18.000.000.000"])];
        let out = rejoined(&pages);
        assert_eq!(texts(&out[0]), ["Rupiah", "86.500.000.000", "", "18.000.000.000"]);
    }

    #[test]
    fn sums_cut_side_by_side_are_joined_column_by_column() {
        let pages = [page(&["Rupiah 186.500 45.00 46.50 47.00 48.00", ".000.00 0.000. 0.000. 0.000. 0.000.", "0", "000 000 000 000", "", "Persentase"])];
        let out = rejoined(&pages);
        assert_eq!(texts(&out[0])[0], "Rupiah 186.500.000.000 45.000.000.000 46.500.000.000 47.000.000.000 48.000.000.000");
        assert_eq!(texts(&out[0])[4..], ["", "Persentase"]);
        // Numbers over the next row's numbers are no cut sums.
        let pages = [page(&["Orang 120 30 30", "Persen 100 25 50"])];
        assert!(matches!(rejoined(&pages), Cow::Borrowed(_)));
    }

    #[test]
    fn whole_numbers_and_decimals_are_left_alone() {
        // "7.5" + "00" would be a sum of one dot only; "1.250.000" is whole.
        let pages = [page(&["7.5", "00", "1.250.000", "000", "Kabid"])];
        assert!(matches!(rejoined(&pages), Cow::Borrowed(_)));
    }
}
