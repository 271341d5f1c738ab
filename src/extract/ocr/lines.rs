//! Recognised words → page-wide lines, as the text-PDF reader makes them.
//!
//! In sparse mode Tesseract reports each cell's text lines on their own
//! (one "line" per cell line). The reflow wants what `pdftotext -layout`
//! prints: one line per baseline across the whole page. So Tesseract's
//! lines become rows, and rows whose baselines are close and that do not
//! overlap horizontally are joined into one line, fullest rows first (the
//! same rule the text-PDF reader applies to glyph rows).

use super::tesseract::LineKey;
use crate::extract::{Line, Word};
use std::collections::BTreeMap;

/// Rows whose baselines differ by at most this share of the taller row's
/// height are one line if they do not overlap. A row's height is that of
/// its typical words' boxes, which Tesseract fits to the ink: from about
/// the cap height (0.7 em, capitals and digits) to ascenders and
/// descenders (1.2 em). Lines of one cell are a full line (1.2 em) apart
/// and never join; a row's baseline is an estimate that may be off by a
/// point or so (a cell of "45,5", "yang" has descenders only).
const SAME_LINE: f32 = 0.5;
/// Share of a word's height below the baseline when it has a descender.
const DESCENDER: f32 = 0.22;

/// A recognised word on the page, in points, with the Tesseract line it
/// belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    pub word: Word,
    pub line_key: LineKey,
}

struct Row {
    baseline: f32,
    height: f32,
    words: Vec<Word>,
}

/// Builds the page's lines, top to bottom, each left to right.
pub fn build_lines(words: Vec<OcrWord>) -> Vec<Line> {
    let mut rows = rows_of(words);
    recentre_tall_rows(&mut rows);
    rows.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then(a.baseline.total_cmp(&b.baseline)));
    let mut lines: Vec<Row> = Vec::new();
    for row in rows {
        let nearest = lines
            .iter_mut()
            .filter(|line| (line.baseline - row.baseline).abs() <= SAME_LINE * line.height.max(row.height))
            .filter(|line| !overlaps(&line.words, &row.words))
            .min_by(|a, b| (a.baseline - row.baseline).abs().total_cmp(&(b.baseline - row.baseline).abs()));
        match nearest {
            Some(line) => line.words.extend(row.words),
            None => lines.push(row),
        }
    }
    lines.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    lines
        .into_iter()
        .filter(|row| !is_border_remnants(&row.words))
        .map(|mut row| {
            row.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            Line { words: with_percent_signs_joined(row.words), open_end: false }
        })
        .collect()
}

/// "100 %": a percent sign printed a space after its number is read as a
/// word of its own. The cell's text is centred as a whole, so the number
/// alone starts left of the column's other numbers and was taken for part
/// of the unit, the sign for the target. The sign joins the number before
/// it when the gap is no wider than half the line's height (a space).
fn with_percent_signs_joined(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for w in words {
        if let Some(prev) = out.last_mut() {
            let gap = w.x0 - prev.x1;
            let space = 0.5 * (prev.y1 - prev.y0).max(w.y1 - w.y0);
            if w.text == "%" && prev.text.ends_with(|c: char| c.is_ascii_digit()) && gap <= space {
                prev.text.push('%');
                prev.x1 = w.x1;
                prev.y0 = prev.y0.min(w.y0);
                prev.y1 = prev.y1.max(w.y1);
                continue;
            }
        }
        out.push(w);
    }
    out
}

/// A line of nothing but lone strokes ("I  I", "I l |"): what erasing the
/// rulings left of the borders where they run on under the table's last
/// row, one stroke per border. No line of a plan is that: numbers are read
/// as digits, and a numeral I stands beside its label. Taken as the last
/// row's next line, they made its values unreadable ("6.200I").
fn is_border_remnants(words: &[Word]) -> bool {
    words.len() >= 2 && words.iter().all(|w| super::repair::is_lone_stroke(&w.text))
}

/// Tesseract's lines as rows, each with an estimated baseline.
fn rows_of(words: Vec<OcrWord>) -> Vec<Row> {
    let mut by_line: BTreeMap<LineKey, Vec<Word>> = BTreeMap::new();
    for w in words {
        by_line.entry(w.line_key).or_default().push(w.word);
    }
    by_line
        .into_values()
        .map(|words| {
            // A misread word boxed over two lines ("es" for "12", twice a
            // word's height) must not lower the row onto the line below.
            let mut heights: Vec<f32> = words.iter().map(|w| w.y1 - w.y0).collect();
            heights.sort_by(f32::total_cmp);
            let typical = heights[(heights.len() - 1) / 2];
            // Nor a speck's flat box ("5." one pixel high) raise it.
            let fits = |w: &Word| w.y1 - w.y0 <= TALL * typical && w.y1 - w.y0 >= FLAT * typical;
            // Never empty: the word of the typical height fits.
            let kept: Vec<Word> = words.iter().filter(|w| fits(w)).cloned().collect();
            let height = kept.iter().map(|w| w.y1 - w.y0).fold(0.0, f32::max);
            Row { baseline: baseline(&kept, height), height, words }
        })
        .collect()
}

/// A row of one word boxed much taller than the page's rows ("Hektar"
/// boxed with a speck under it, 1.8 times a line's height) has
/// no baseline to trust: its box bottom sits a speck's depth low, and the
/// word would join the line below. Its text is taken to sit in the middle
/// of its box, one typical row high.
fn recentre_tall_rows(rows: &mut [Row]) {
    let mut heights: Vec<f32> = rows.iter().map(|r| r.height).filter(|h| *h > 0.0).collect();
    if heights.is_empty() {
        return;
    }
    heights.sort_by(f32::total_cmp);
    let typical = heights[heights.len() / 2];
    // (A row of several tall words is more likely a larger font, a title;
    // a tall glyph or two, a border's stroke read as "I".)
    let lone_word = |r: &Row| r.words.len() == 1 && r.words[0].text.chars().filter(|c| c.is_alphanumeric()).count() >= 3;
    for row in rows.iter_mut().filter(|r| lone_word(r) && r.height > TALL * typical) {
        let top = row.words.iter().map(|w| w.y0).fold(f32::MAX, f32::min);
        let bottom = row.words.iter().map(|w| w.y1).fold(f32::MIN, f32::max);
        row.baseline = (top + bottom) / 2.0 + typical / 2.0;
        row.height = typical;
    }
}

/// A word this many times taller than the row's typical word spans lines.
const TALL: f32 = 1.5;
/// A word less than this share of the typical height is a speck.
const FLAT: f32 = 0.5;

/// The median bottom of the words without descenders; if every word has
/// one, the lowest bottom raised by a descender's depth.
fn baseline(words: &[Word], height: f32) -> f32 {
    let mut bottoms: Vec<f32> = words.iter().filter(|w| !has_descender(&w.text)).map(|w| w.y1).collect();
    if bottoms.is_empty() {
        let lowest = words.iter().map(|w| w.y1).fold(f32::MIN, f32::max);
        return lowest - DESCENDER * height;
    }
    bottoms.sort_by(f32::total_cmp);
    bottoms[bottoms.len() / 2]
}

fn has_descender(text: &str) -> bool {
    text.chars().any(|c| matches!(c, 'g' | 'j' | 'p' | 'q' | 'y' | ',' | ';' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | 'Q' | '/'))
}

fn overlaps(a: &[Word], b: &[Word]) -> bool {
    a.iter().any(|p| b.iter().any(|q| p.x0 < q.x1 && q.x0 < p.x1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f32, x1: f32, bottom: f32, line: u32) -> OcrWord {
        let height = if has_descender(text) { 9.0 } else { 7.0 };
        let y1 = if has_descender(text) { bottom + 2.0 } else { bottom };
        OcrWord { word: Word { text: text.into(), x0, x1, y0: y1 - height, y1 }, line_key: (1, line, 1, 1) }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn a_percent_sign_a_space_after_its_number_joins_it() {
        let lines = build_lines(vec![word("Persen", 10.0, 40.0, 20.0, 1), word("100", 60.0, 75.0, 20.0, 1), word("%", 78.0, 84.0, 20.0, 1), word("%", 140.0, 146.0, 20.0, 1)]);
        assert_eq!(texts(&lines), vec!["Persen 100% %"]);
    }

    #[test]
    fn cells_on_one_baseline_join_across_the_page() {
        let lines = build_lines(vec![
            word("Persen", 200.0, 230.0, 100.0, 3),
            word("Meningkatnya", 10.0, 60.0, 100.5, 1),
            word("100%", 250.0, 270.0, 99.8, 4),
            word("Jumlah", 80.0, 110.0, 100.0, 2),
            word("yang", 115.0, 130.0, 100.0, 2),
        ]);
        assert_eq!(texts(&lines), vec!["Meningkatnya Jumlah yang Persen 100%"]);
    }

    #[test]
    fn a_line_of_lone_strokes_under_the_table_is_no_line() {
        let lines = build_lines(vec![
            word("12.400", 330.0, 350.0, 100.0, 1),
            word("6.200", 391.0, 408.0, 100.0, 2),
            word("I", 323.0, 323.4, 112.0, 3),
            word("I", 385.0, 386.0, 112.0, 4),
            word("Tegal,", 458.0, 482.0, 130.0, 5),
            word("I", 323.0, 324.0, 140.0, 6),
        ]);
        // A lone "I" beside nothing may be a numeral: it stays.
        assert_eq!(texts(&lines), vec!["12.400 6.200", "Tegal,", "I"]);
    }

    #[test]
    fn lines_of_one_cell_stay_apart_and_come_top_down() {
        let lines = build_lines(vec![
            word("dikembangkan", 80.0, 130.0, 112.0, 2),
            word("Jumlah", 80.0, 110.0, 100.0, 1),
            word("Kali", 200.0, 215.0, 110.0, 3),
        ]);
        // "Kali" sits between the two lines of its neighbour cell: it joins the nearer one.
        assert_eq!(lines.len(), 2);
        assert_eq!(texts(&lines)[0], "Jumlah");
        assert_eq!(texts(&lines)[1], "dikembangkan Kali");
    }

    #[test]
    fn a_word_boxed_tall_joins_the_line_its_middle_is_on() {
        // "Hektar" boxed from 615.5 to 627 (a speck under it): its bottom
        // is nearer the next line's baseline, its middle on its own line's.
        let mut tall = word("Hektar", 308.0, 331.0, 627.0, 3);
        tall.word.y0 = 615.5;
        let lines = build_lines(vec![
            word("Luas", 175.0, 189.0, 623.0, 1),
            word("4,75", 350.0, 364.0, 622.8, 2),
            tall,
            word("dipelihara", 191.0, 222.0, 630.4, 4),
            word("Taman", 85.0, 106.0, 631.0, 5),
        ]);
        assert_eq!(texts(&lines), vec!["Luas Hektar 4,75", "Taman dipelihara"]);
    }

    #[test]
    fn descenders_do_not_lower_the_baseline() {
        // "yang" alone: its box bottom is 2pt below the baseline.
        let lines = build_lines(vec![word("yang", 10.0, 30.0, 100.0, 1), word("100", 50.0, 70.0, 100.0, 2)]);
        assert_eq!(texts(&lines), vec!["yang 100"]);
    }

    #[test]
    fn a_word_boxed_over_two_lines_does_not_lower_its_row() {
        // "Angkatan" and a misread "es" boxed down over the next line, as one
        // Tesseract line; the cell's other line below.
        let mut tall = word("es", 120.0, 130.0, 100.0, 2);
        tall.word.y1 = 110.0;
        let lines = build_lines(vec![
            word("Jumlah", 10.0, 40.0, 100.0, 1),
            word("Angkatan", 80.0, 110.0, 100.0, 2),
            tall,
            word("diselenggarakan", 10.0, 60.0, 110.0, 3),
        ]);
        assert_eq!(texts(&lines), vec!["Jumlah Angkatan es", "diselenggarakan"]);
    }

    #[test]
    fn overlapping_rows_never_join() {
        let lines = build_lines(vec![word("abc", 10.0, 40.0, 100.0, 1), word("def", 30.0, 60.0, 101.0, 2)]);
        assert_eq!(lines.len(), 2);
    }
}
