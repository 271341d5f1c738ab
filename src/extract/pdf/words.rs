//! Glyphs → words → lines.
//!
//! Upright glyphs are grouped by position only, never by content-stream
//! order: office suites emit table cells in any order, one cell line per
//! text object or a whole row at once. Grouping runs in two steps:
//! glyphs on one baseline form a row; then rows whose baselines are less
//! than half a font size apart and that do not overlap horizontally are
//! joined into one line, so that cells of a table row with different
//! vertical padding read as one line, as `pdftotext -layout` prints them.
//! A word ends at a space glyph or a horizontal gap. Rotated glyphs
//! (vertical header text) have no useful baseline on the page, so they are
//! read in stream order and each word joins the line at its foot.

use super::glyph::{Glyph, GlyphText};
use crate::extract::{Line, Word};

/// Glyphs whose baselines differ by at most this share of the font size are
/// on one row (absorbs rounding jitter in the producer's coordinates).
const SAME_ROW: f64 = 0.15;
/// Rows whose baselines differ by at most this share of the font size are
/// one line if they do not overlap. Lines of one text column are at least
/// a full font size apart, so this never joins a paragraph's lines.
const SAME_LINE: f64 = 0.5;
/// A gap wider than this share of the font size between two glyphs splits a
/// word when the PDF has no space glyph there. Within words the gaps in the
/// corpus stay under 0.02 em (kerning); cells set edge to edge are 0.2 em
/// or more apart; a space is about 0.25 em. pdftotext uses 0.1.
const WORD_GAP: f64 = 0.15;
/// The same character again within this share of the font size is an
/// overprint (fake bold, shadow) and is dropped.
const OVERPRINT: f64 = 0.15;
/// Two letters side by side whose boxes overlap by more than this share
/// of the narrower one are printed over each other (kerning overlaps a
/// few per cent at most).
const OVERLAID: f64 = 0.4;
/// Glyphs of one cell line share their baseline to within this (points).
const SAME_BASELINE: f64 = 0.02;

/// Glyphs sharing a baseline: first a row, then (after joining) a line.
struct Row {
    baseline: f64,
    size: f64,
    glyphs: Vec<Glyph>,
    /// Horizontal extents of the row's glyph clusters, for overlap tests.
    spans: Vec<(f64, f64)>,
}

/// A line ready for output, keyed by its baseline.
struct PlacedLine {
    baseline: f64,
    size: f64,
    words: Vec<Word>,
}

/// Builds the page's lines, top to bottom, each left to right.
pub fn build_lines(glyphs: Vec<Glyph>) -> Vec<Line> {
    let (upright, rotated): (Vec<Glyph>, Vec<Glyph>) = glyphs.into_iter().partition(|g| g.upright);
    let mut lines: Vec<PlacedLine> = join_rows(rows_by_baseline(upright))
        .into_iter()
        .map(|row| PlacedLine { baseline: row.baseline, size: row.size, words: split_words(row.glyphs) })
        .collect();
    for (word, size) in rotated_words(&rotated) {
        attach_rotated(&mut lines, word, size);
    }
    lines.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    lines
        .into_iter()
        .filter(|l| !l.words.is_empty())
        .map(|mut l| {
            l.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            Line { words: l.words, open_end: false }
        })
        .collect()
}

/// Clusters glyphs whose baselines are within [`SAME_ROW`] of the first
/// glyph of the cluster (comparing with the first, not the last, stops a
/// slope of small steps from chaining rows together).
fn rows_by_baseline(mut glyphs: Vec<Glyph>) -> Vec<Row> {
    glyphs.sort_by(|a, b| a.baseline().total_cmp(&b.baseline()));
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if g.baseline() - row.baseline <= SAME_ROW * row.size.max(g.size) => row.glyphs.push(g),
            _ => rows.push(Row { baseline: g.baseline(), size: g.size, glyphs: vec![g], spans: Vec::new() }),
        }
    }
    let mut rows: Vec<Row> = rows.into_iter().flat_map(split_overlaid).collect();
    for row in &mut rows {
        row.spans = sort_and_span(&mut row.glyphs);
    }
    rows
}

/// The pairs of runs (lower first) with letters printed over each other,
/// among glyphs sorted left to right.
fn overlaid_runs(glyphs: &[Glyph]) -> Vec<(u32, u32)> {
    let mut clashes = Vec::new();
    for w in glyphs.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        // Letters and digits only: punctuation kerned into its neighbour
        // (".," in "S.IP.,") overlaps it by half, and is printed once.
        let alnum = |g: &Glyph| matches!(&g.text, GlyphText::Chars(t) if t.chars().all(char::is_alphanumeric));
        let both_letters = alnum(a) && alnum(b);
        let overlap = a.x1.min(b.x1) - b.x0;
        let narrower = (a.x1 - a.x0).min(b.x1 - b.x0);
        if a.run != b.run && both_letters && !is_overprint(a, b) && narrower > 0.0 && overlap > OVERLAID * narrower {
            clashes.push((a.run.min(b.run), a.run.max(b.run)));
        }
    }
    clashes
}

fn has_overlaid(glyphs: &[Glyph]) -> bool {
    let mut sorted = glyphs.to_vec();
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    overlaid_runs(&sorted).len() >= 2
}

/// Glyphs of one text run that overlap another run's are a printing of
/// one cell over another: a spreadsheet draws a merged cell cut by a page
/// break again at the top of the next page, over the repeated header
/// ("Sub Kegiatan 4." over "TUJUAN/SASARAN/PROGRAM/"). Read left to right
/// together, their letters would interleave ("STuUb JKUeAgNia/tSanA"), so
/// the runs are laid on separate rows (stream order decides which run
/// keeps the first row); the rows overlap and are never joined into one
/// line. Overprints (the same letter again, for bold) are no overlay.
fn split_overlaid(mut row: Row) -> Vec<Row> {
    row.glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let clashes = overlaid_runs(&row.glyphs);
    // One clash may be a tight pair of letters; a cell printed over
    // another clashes letter after letter.
    if clashes.len() < 2 {
        return vec![row];
    }
    // Cells printed over each other seldom share a baseline to the
    // hundredth of a point: split by baseline when that parts the clashing
    // glyphs (a producer may cut one word into several runs, so runs are
    // the second choice). The rows that do not overlap are joined again
    // into one line (`join_rows`).
    let mut by_baseline: Vec<Row> = Vec::new();
    let mut sorted = row.glyphs.clone();
    sorted.sort_by(|a, b| a.baseline().total_cmp(&b.baseline()));
    for g in sorted {
        match by_baseline.last_mut() {
            Some(r) if g.baseline() - r.glyphs.last().map_or(r.baseline, Glyph::baseline) <= SAME_BASELINE => r.glyphs.push(g),
            _ => by_baseline.push(Row { baseline: g.baseline(), size: g.size, glyphs: vec![g], spans: Vec::new() }),
        }
    }
    if by_baseline.len() > 1 && by_baseline.iter().all(|r| !has_overlaid(&r.glyphs)) {
        for r in &mut by_baseline {
            r.size = r.glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
        }
        return by_baseline;
    }
    let mut runs: Vec<u32> = row.glyphs.iter().map(|g| g.run).collect();
    runs.sort_unstable();
    runs.dedup();
    // Each run on the first layer where it clashes with no run already there.
    let mut layer_of: Vec<(u32, usize)> = Vec::new();
    for &r in &runs {
        let clashing = |l: usize| layer_of.iter().any(|&(o, lo)| lo == l && clashes.contains(&(o.min(r), o.max(r))));
        let layer = (0..).find(|&l| !clashing(l)).unwrap_or(0);
        layer_of.push((r, layer));
    }
    let layers = layer_of.iter().map(|&(_, l)| l).max().unwrap_or(0) + 1;
    let mut out: Vec<Row> = (0..layers).map(|_| Row { baseline: row.baseline, size: row.size, glyphs: Vec::new(), spans: Vec::new() }).collect();
    for g in row.glyphs {
        let layer = layer_of.iter().find(|&&(r, _)| r == g.run).map(|&(_, l)| l).unwrap_or(0);
        out[layer].glyphs.push(g);
    }
    for r in &mut out {
        r.baseline = r.glyphs.iter().map(Glyph::baseline).fold(f64::MAX, f64::min);
        r.size = r.glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    }
    out
}

/// Sorts the glyphs left to right and returns the extents of the clusters
/// they form (glyphs closer than a word gap).
fn sort_and_span(glyphs: &mut [Glyph]) -> Vec<(f64, f64)> {
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for g in glyphs.iter() {
        match spans.last_mut() {
            Some(last) if g.x0 - last.1 <= WORD_GAP * g.size => last.1 = last.1.max(g.x1),
            _ => spans.push((g.x0, g.x1)),
        }
    }
    spans
}

/// Joins staggered rows into lines. The fullest rows go first and become
/// the anchors, so a table row's main line gathers the cells printed a
/// little above or below it instead of those cells pairing off arbitrarily.
fn join_rows(mut rows: Vec<Row>) -> Vec<Row> {
    rows.sort_by(|a, b| b.glyphs.len().cmp(&a.glyphs.len()).then(a.baseline.total_cmp(&b.baseline)));
    let mut lines: Vec<Row> = Vec::new();
    for row in rows {
        let nearest = lines
            .iter_mut()
            .filter(|line| (line.baseline - row.baseline).abs() <= SAME_LINE * line.size.max(row.size))
            .filter(|line| !overlaps(&line.spans, &row.spans))
            .min_by(|a, b| (a.baseline - row.baseline).abs().total_cmp(&(b.baseline - row.baseline).abs()));
        match nearest {
            Some(line) => {
                line.glyphs.extend(row.glyphs);
                line.spans.extend(row.spans);
            }
            None => lines.push(row),
        }
    }
    lines
}

fn overlaps(a: &[(f64, f64)], b: &[(f64, f64)]) -> bool {
    a.iter().any(|&(a0, a1)| b.iter().any(|&(b0, b1)| a0 < b1 && b0 < a1))
}

/// Splits one line's glyphs into words, left to right.
fn split_words(mut row: Vec<Glyph>) -> Vec<Word> {
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut words = Vec::new();
    let mut word = WordBuilder::default();
    let mut previous: Option<&Glyph> = None;
    for g in &row {
        if previous.is_some_and(|p| is_overprint(p, g)) {
            continue;
        }
        let gap_splits = previous.is_some_and(|p| g.x0 - p.x1 > WORD_GAP * g.size);
        if gap_splits || g.text == GlyphText::Space {
            word.finish_into(&mut words);
        }
        word.add(g);
        previous = Some(g);
    }
    word.finish_into(&mut words);
    words
}

fn is_overprint(a: &Glyph, b: &Glyph) -> bool {
    let close = OVERPRINT * a.size.max(b.size);
    a.text == b.text
        && matches!(a.text, GlyphText::Chars(_))
        && (a.x0 - b.x0).abs() <= close
        && (a.baseline() - b.baseline()).abs() <= close
}

/// Words from rotated glyphs in stream order; each with its font size.
fn rotated_words(glyphs: &[Glyph]) -> Vec<(Word, f64)> {
    let mut words = Vec::new();
    let mut word = WordBuilder::default();
    let mut size = 0.0;
    let mut previous: Option<&Glyph> = None;
    for g in glyphs {
        let apart = previous.is_some_and(|p| box_distance(p, g) > WORD_GAP * g.size);
        if apart || g.text == GlyphText::Space {
            if let Some(w) = word.finish() {
                words.push((w, size));
            }
        }
        word.add(g);
        size = g.size;
        previous = Some(g);
    }
    if let Some(w) = word.finish() {
        words.push((w, size));
    }
    words
}

fn box_distance(a: &Glyph, b: &Glyph) -> f64 {
    let dx = (b.x0 - a.x1).max(a.x0 - b.x1).max(0.0);
    let dy = (b.y0 - a.y1).max(a.y0 - b.y1).max(0.0);
    dx.max(dy)
}

/// A rotated word belongs to the line its bottom end sits on.
fn attach_rotated(lines: &mut Vec<PlacedLine>, word: Word, size: f64) {
    let foot = word.y1 as f64;
    let near = lines.iter_mut().find(|l| (l.baseline - foot).abs() <= SAME_LINE * l.size.max(size));
    match near {
        Some(line) => line.words.push(word),
        None => lines.push(PlacedLine { baseline: foot, size, words: vec![word] }),
    }
}

/// Accumulates one word's text and box; undecodable glyphs add neither.
#[derive(Default)]
struct WordBuilder {
    text: String,
    bounds: Option<(f64, f64, f64, f64)>,
}

impl WordBuilder {
    fn add(&mut self, g: &Glyph) {
        let GlyphText::Chars(text) = &g.text else { return };
        self.text.push_str(text);
        self.bounds = Some(match self.bounds {
            None => (g.x0, g.y0, g.x1, g.y1),
            Some((x0, y0, x1, y1)) => (x0.min(g.x0), y0.min(g.y0), x1.max(g.x1), y1.max(g.y1)),
        });
    }

    fn finish(&mut self) -> Option<Word> {
        let text = std::mem::take(&mut self.text);
        let (x0, y0, x1, y1) = self.bounds.take()?;
        Some(Word { text, x0: x0 as f32, x1: x1 as f32, y0: y0 as f32, y1: y1 as f32 })
    }

    fn finish_into(&mut self, words: &mut Vec<Word>) {
        if let Some(w) = self.finish() {
            words.push(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An upright glyph `w` wide with its pen at (x, baseline), size 10.
    fn glyph(text: &str, x: f64, baseline: f64, w: f64) -> Glyph {
        Glyph {
            text: super::super::glyph::classify(text),
            x0: x,
            x1: x + w,
            y0: baseline - 8.0,
            y1: baseline + 2.0,
            origin: (x, baseline),
            size: 10.0,
            upright: true,
            run: 0,
        }
    }

    /// Glyphs for `text` set with 5pt advances from x.
    fn run(text: &str, x: f64, baseline: f64) -> Vec<Glyph> {
        text.chars().enumerate().map(|(i, c)| glyph(&c.to_string(), x + 5.0 * i as f64, baseline, 5.0)).collect()
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn spaces_and_gaps_split_words() {
        let mut g = run("ab cd", 10.0, 100.0);
        g.extend(run("ef", 38.0, 100.0)); // 3pt gap after "cd": more than 0.2 em
        g.extend(run("gh", 49.0, 100.0)); // 1pt gap after "ef": kerning
        let lines = build_lines(g);
        assert_eq!(texts(&lines), ["ab cd efgh"]);
        assert_eq!(lines[0].words.len(), 3);
        assert_eq!(lines[0].words[2].text, "efgh");
    }

    #[test]
    fn word_box_spans_its_glyphs() {
        let lines = build_lines(run("abc", 10.0, 100.0));
        let w = &lines[0].words[0];
        assert_eq!((w.x0, w.x1, w.y0, w.y1), (10.0, 25.0, 92.0, 102.0));
    }

    #[test]
    fn lines_are_grouped_by_baseline_and_ordered_by_position() {
        // Stream order: second line first, cells right to left.
        let mut g = run("low", 10.0, 120.0);
        g.extend(run("right", 100.0, 100.5));
        g.extend(run("left", 10.0, 100.0));
        assert_eq!(texts(&build_lines(g)), ["left right", "low"]);
    }

    #[test]
    fn staggered_cells_join_the_fullest_nearby_row() {
        // A table row: values on one baseline, a wrapped label cell printed
        // 4.4pt higher and a note 4.4pt lower; a second label line below.
        let mut g = run("10 20 30", 200.0, 104.4);
        g.extend(run("label", 10.0, 100.0));
        g.extend(run("note", 400.0, 108.8));
        g.extend(run("more", 10.0, 111.5));
        assert_eq!(texts(&build_lines(g)), ["label 10 20 30 note", "more"]);
    }

    /// Glyphs for `text` as one text run (`run` is its index).
    fn run_no(text: &str, x: f64, baseline: f64, advance: f64, no: u32) -> Vec<Glyph> {
        text.chars().enumerate().map(|(i, c)| Glyph { run: no, ..glyph(&c.to_string(), x + advance * i as f64, baseline, advance) }).collect()
    }

    #[test]
    fn a_cell_printed_over_another_is_read_apart() {
        // A merged cell drawn again over the next page's header, 0.2pt
        // higher: read as one row, the letters would interleave.
        let mut g = run_no("Sub Kegiatan", 44.0, 49.2, 4.0, 1);
        g.extend(run_no("TUJUAN/SASARAN", 48.0, 49.4, 4.5, 2));
        g.extend(run_no("TARGET", 200.0, 49.4, 4.5, 3));
        assert_eq!(texts(&build_lines(g.clone())), ["Sub Kegiatan", "TUJUAN/SASARAN TARGET"]);
        // On one baseline, the runs decide: the first in the stream keeps
        // the row, with the runs that clash with nothing.
        g.iter_mut().for_each(|x| x.origin.1 = 49.4);
        assert_eq!(texts(&build_lines(g)), ["Sub Kegiatan TARGET", "TUJUAN/SASARAN"]);
    }

    #[test]
    fn punctuation_kerned_into_a_neighbour_is_no_overlay() {
        // "S.IP.," with the comma set half over the full stop, in runs of
        // their own, as a word processor may emit them.
        let mut g = run_no("S.IP", 10.0, 100.0, 5.0, 1);
        g.extend(run_no(".", 30.0, 100.0, 2.0, 2));
        g.extend(run_no(",", 31.0, 100.0, 2.0, 3));
        assert_eq!(texts(&build_lines(g)), ["S.IP.,"]);
    }

    #[test]
    fn overlapping_rows_stay_apart_even_when_close() {
        let mut g = run("upper", 10.0, 100.0);
        g.extend(run("lower", 12.0, 104.0));
        assert_eq!(texts(&build_lines(g)), ["upper", "lower"]);
    }

    #[test]
    fn a_superscript_stays_in_its_word() {
        let mut g = run("m", 10.0, 100.0);
        g.push(Glyph { size: 6.0, ..glyph("2", 15.0, 96.7, 3.6) });
        g.extend(run(" luas", 18.6, 100.0));
        assert_eq!(texts(&build_lines(g)), ["m2 luas"]);
    }

    #[test]
    fn overprinted_glyphs_are_dropped() {
        let mut g = run("AB", 10.0, 100.0);
        g.extend(run("AB", 10.4, 100.0));
        assert_eq!(texts(&build_lines(g)), ["AB"]);
    }

    #[test]
    fn undecodable_glyphs_vanish_without_splitting_the_word() {
        let mut g = run("ab", 10.0, 100.0);
        g.push(glyph("\u{FFFD}", 20.0, 100.0, 5.0));
        g.extend(run("cd", 25.0, 100.0));
        g.extend(run("\u{E000}\u{E001}", 60.0, 100.0));
        assert_eq!(texts(&build_lines(g)), ["abcd"]);
    }

    #[test]
    fn rotated_text_is_read_in_stream_order() {
        // "UP" written bottom to top at x = 300, ending at y = 150.
        let rotated = |t: &str, y: f64| Glyph {
            upright: false,
            x0: 292.0,
            x1: 302.0,
            y0: y - 5.0,
            y1: y,
            origin: (300.0, y),
            ..glyph(t, 0.0, 0.0, 0.0)
        };
        let mut g = run("row", 10.0, 150.0);
        g.push(rotated("U", 150.0));
        g.push(rotated("P", 145.0));
        assert_eq!(texts(&build_lines(g)), ["row UP"]);
    }
}
