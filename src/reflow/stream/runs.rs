//! Layout dumps: where a node cell's words run into the indicator cell's.
//!
//! `pdftotext -layout` prints each text line it found at the character
//! column of the line's left edge, and the line's words one space apart.
//! Two cells of a table row that sit on one baseline, close together,
//! often become one such line: the node cell's words and the indicator
//! cell's words then run together with a single space ("Pengembangan Usaha
//! Mikro Naik kelas"), and the indicator words land left of their column by
//! however much the node text is shorter than its cell. Only the start of a
//! run, the first word of a line or a word after a gap of two spaces or
//! more, is where the page put it.
//!
//! So a column's left edge is read from run starts only, on the line
//! nearest to the one being split (a dump shifts the columns of one part of
//! a page by a character or two against another): the first word of a node
//! run reaching past the indicator column's edge opens the indicator cell.
//! Where no indicator text is printed near (no indicator run, no anchor
//! within a few lines), there is no indicator cell beside the run to run
//! into, and the run is the node cell's unless a word starts inside the
//! indicator column: counted in characters, a node line of narrow glyphs
//! reaches a character or two past its column's edge.

use super::{label_word_count, node_label_lines, Col, Columns, Placed, UNIT};
use crate::extract::{Line, Word};
use std::ops::Range;

/// A gap of this many character columns or more ends a run; one space
/// never does.
const RUN_GAP: f32 = 2.0;

/// How far from a line, in text lines, indicator text makes the line one
/// that may hold some: a row's cells are centred against each other at
/// most, so its indicator text is printed within a few lines of its node
/// text.
const NEAR_LINES: i64 = 3;

/// True when the dump prints a line's words one space apart, as
/// `pdftotext -layout` does at its own pitch: most gaps between words are
/// then one space. A dump at a finer pitch places every word by itself,
/// leaving one space only where two words nearly touch; its words are
/// where the page put them, as a PDF's are.
pub(super) fn prints_runs<'a>(lines: impl Iterator<Item = &'a Line>) -> bool {
    let gaps: Vec<f32> = lines.flat_map(|l| l.words.windows(2).map(|w| w[1].x0 - w[0].x1)).collect();
    let single = gaps.iter().filter(|&&g| g < RUN_GAP).count();
    single * 5 >= gaps.len()
}

/// The runs of a line: ranges of words printed one space apart.
fn runs_of(words: &[(Col, Word)]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for j in 1..=words.len() {
        if j == words.len() || words[j].1.x0 - words[j - 1].1.x1 >= RUN_GAP {
            runs.push(start..j);
            start = j;
        }
    }
    runs
}

/// The line's node run: the first run opened by a node-column word.
fn node_run(words: &[(Col, Word)], runs: &[Range<usize>]) -> Option<usize> {
    runs.iter().position(|r| words[r.start].0 == Col::Node)
}

/// Re-places the node and indicator words of one page's lines from a
/// layout dump, run by run (see the module comment).
pub(super) fn place_runs(lines: &mut [Placed], cols: &Columns) {
    let runs: Vec<Vec<Range<usize>>> = lines.iter().map(|l| runs_of(&l.words)).collect();
    // A run after the node run that starts past the middle between the node
    // and indicator columns' edges is the next cell's, the indicator's: a
    // cell's line is printed as one run, and the dump may have shifted the
    // whole row left of the page's indicator edge.
    let middle = (cols.node_left + cols.ind_left) / 2.0;
    for (line, runs) in lines.iter_mut().zip(&runs) {
        let Some(n) = node_run(&line.words, runs) else { continue };
        for r in &runs[n + 1..] {
            if line.words[r.start].0 == Col::Node && line.words[r.start].1.x0 >= middle {
                for (c, _) in &mut line.words[r.clone()] {
                    if *c == Col::Node {
                        *c = Col::Indicator;
                    }
                }
            }
        }
    }
    // Where each line prints the indicator column's edge: the start of its
    // first indicator run.
    let edges: Vec<Option<f32>> = lines
        .iter()
        .zip(&runs)
        .map(|(l, runs)| runs.iter().map(|r| &l.words[r.start]).find(|(c, _)| *c == Col::Indicator).map(|(_, w)| w.x0))
        .collect();
    let blocks = node_label_lines(lines);
    for i in 0..lines.len() {
        let Some(n) = node_run(&lines[i].words, &runs[i]) else { continue };
        let run = runs[i][n].clone();
        let edge = nearest_edge(lines, &edges, &blocks, i).unwrap_or(cols.ind_left);
        let beside_indicator = indicator_near(lines, &edges, i);
        let plain: Vec<Word> = lines[i].words.iter().map(|(_, w)| w.clone()).collect();
        // A label is node text however far it reaches. A run that is no
        // label and starts at the indicator edge printed nearby, well right
        // of the node column, is indicator text wrapped under its cell (a
        // node cell's lines all start at the node column's edge).
        let label_words = label_word_count(&plain[run.start..]);
        let first = &plain[run.start];
        let wrapped_indicator = label_words == 0 && beside_indicator && first.x0 >= edge - cols.tol && first.x0 > cols.node_left + cols.slack();
        let first_free = if wrapped_indicator { run.start } else { run.start + label_words.max(1) };
        let opens_indicator = |w: &Word| if beside_indicator { w.x1 > edge } else { w.x0 >= edge };
        let split = (first_free..run.end).find(|&j| opens_indicator(&plain[j])).unwrap_or(run.end);
        let split = if split < run.end { split_at_case_change(&plain, first_free, split) } else { split };
        for j in run {
            let c = &mut lines[i].words[j].0;
            if !matches!(*c, Col::Node | Col::Indicator) {
                break;
            }
            *c = if j < split { Col::Node } else { Col::Indicator };
        }
    }
}

/// An indicator's line printed as one run that reaches over the edge of a
/// DEFINISI / FORMULA column ("2) Jumlah P2UPD yang lulus sertifikasi",
/// one space apart past the column's edge): the run's words are the
/// indicator's when no definition text is printed near (no run of the
/// lines around starts in that column), as on a row whose definition
/// cell is blank.
pub(super) fn indicator_runs_kept_whole(lines: &mut [Placed]) {
    let runs: Vec<Vec<Range<usize>>> = lines.iter().map(|l| runs_of(&l.words)).collect();
    let opens_definition: Vec<bool> = lines.iter().zip(&runs).map(|(l, rs)| rs.iter().any(|r| l.words[r.start].0 == Col::Definition)).collect();
    for i in 0..lines.len() {
        let pos = lines[i].pos;
        let definition_near = (0..lines.len()).any(|k| opens_definition[k] && (lines[k].pos - pos).abs() <= NEAR_LINES * UNIT);
        if definition_near {
            continue;
        }
        for r in &runs[i] {
            if lines[i].words[r.start].0 != Col::Indicator {
                continue;
            }
            for (c, _) in &mut lines[i].words[r.clone()] {
                if *c == Col::Definition {
                    *c = Col::Indicator;
                }
            }
        }
    }
}

/// The split of a node run between `first_free` and `split` moved back to
/// where a node name in capitals gives way to text in sentence case
/// ("PROGRAM PENELITIAN Jumlah rekomendasi": a SIPD program's name, then
/// the indicator, whose first word ended short of the column's edge
/// printed on the row above; "PENGELOLAAN PELAYARAN yang beroperasi", its
/// wrapped line). At most two words move: the indicator's words that sit
/// by the edge.
fn split_at_case_change(words: &[Word], first_free: usize, split: usize) -> usize {
    const MOST_MOVED: usize = 2;
    let capitals = |w: &Word| w.text.chars().any(char::is_alphabetic) && !w.text.chars().any(char::is_lowercase);
    let Some(last_capital) = (first_free..split).rev().find(|&j| capitals(&words[j])) else { return split };
    let opens = last_capital + 1;
    let moved = split - opens;
    // Words of a name, not an acronym in a name in title case ("Alat
    // Pemadam Api Ringan (APAR) dan Alat ...", "SPBE dan Aplikasi"): two
    // words in capitals, or one long word.
    let name_words: Vec<&str> = (first_free..=last_capital).map(|j| words[j].text.as_str()).filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let name_in_capitals = name_words.iter().all(|w| !w.chars().any(char::is_lowercase) && !w.starts_with('('))
        && (name_words.len() >= 2 || name_words.iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 5));
    let sentence_case = (opens..split).all(|j| !capitals(&words[j]));
    if (1..=MOST_MOVED).contains(&moved) && name_in_capitals && sentence_case {
        opens
    } else {
        split
    }
}

/// The indicator column's edge printed on the line of the page nearest to
/// line `i` (the leftmost of equally near ones), within the node's block
/// of lines (from its label to the next label) where a line there prints
/// one: a dump may shift a whole row left, and the next node's edge, a
/// line away, is not this one's (gen68: "Dinas Komunikasi dan
/// Informatika", a node's wrapped line, cut at the next row's edge four
/// characters left of its own).
fn nearest_edge(lines: &[Placed], edges: &[Option<f32>], blocks: &[usize], i: usize) -> Option<f32> {
    let pos = lines[i].pos;
    let start = blocks.iter().rev().find(|&&b| b <= i).copied().unwrap_or(0);
    let end = blocks.iter().find(|&&b| b > i).copied().unwrap_or(lines.len());
    let nearest = |range: std::ops::Range<usize>| {
        range
            .filter_map(|k| edges[k].map(|e| ((lines[k].pos - pos).abs(), e)))
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map(|(_, e)| e)
    };
    nearest(start..end).or_else(|| nearest(0..lines.len()))
}

/// True when the indicator column has text within a few lines of line
/// `i`: a run of its own, or an anchor, whose row's indicator is there.
fn indicator_near(lines: &[Placed], edges: &[Option<f32>], i: usize) -> bool {
    let pos = lines[i].pos;
    lines.iter().zip(edges).any(|(l, e)| (l.pos - pos).abs() <= NEAR_LINES * UNIT && (e.is_some() || l.anchor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::pages_of;

    /// Columns like those of the 2025 plan's layout dump.
    fn columns() -> Columns {
        let values = [69.0, 75.0, 81.0, 86.0, 92.0].iter().map(|&x| (x, x + 3.0, x + 1.5)).collect();
        Columns { node_left: 5.0, ind_left: 27.0, unit_left: 56.0, values, trailing: vec![97.0], tol: 0.6, drawn: false, definition_left: None, unitless: false, borders: Vec::new(), right_aligned: false, money: Vec::new(), slots: None }
    }

    /// The snippet's lines placed by position (a unit before targets makes
    /// an anchor), then run by run.
    fn placed(snippet: &str, cols: &Columns) -> Vec<Placed> {
        let page = &pages_of(snippet, false)[0];
        let mut lines: Vec<Placed> = page
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let unit = cols.anchor_unit(&l.words);
                let words = l.words.iter().enumerate().map(|(j, w)| (if Some(j) == unit { Col::Unit } else { cols.place(w) }, w.clone()));
                Placed { page: 1, line: i as u32 + 1, pos: (l.y() as i64) * UNIT, words: words.collect(), anchor: unit.is_some(), base: 0, scale: UNIT as f32 }
            })
            .collect();
        place_runs(&mut lines, cols);
        lines
    }

    fn texts(lines: &[Placed], col: Col) -> Vec<String> {
        lines.iter().map(|l| l.text_in(col)).collect()
    }

    #[test]
    fn an_indicator_run_over_a_blank_definition_cell_stays_whole() {
        // A FORMULA column from 40: the first row's indicator runs past its
        // edge, one space apart, its definition cell blank; the second
        // row's formula is a run of its own, and an indicator run beside it
        // is cut at the column's edge.
        let mut cols = columns();
        cols.definition_left = Some(40.0);
        let first = "                           Jumlah P2UPD yang lulus sertifikasi  Orang     6    -     2     4     6";
        let mut lines = placed(first, &cols);
        indicator_runs_kept_whole(&mut lines);
        assert_eq!(texts(&lines, Col::Indicator), ["Jumlah P2UPD yang lulus sertifikasi"]);
        let second = "                           Persentase   Jumlah selesai  %        85    20    45    65    85";
        let mut lines = placed(second, &cols);
        indicator_runs_kept_whole(&mut lines);
        assert_eq!(texts(&lines, Col::Definition), ["Jumlah selesai"]);
    }

    #[test]
    fn runs_are_printed_where_most_words_are_one_space_apart() {
        let pitch = |snippet: &str| prints_runs(pages_of(snippet, false)[0].lines.iter());
        assert!(pitch("     Pengembangan Usaha Mikro Naik kelas\n     Kegiatan        Pertambahan Jumlah\n"));
        assert!(!pitch("     Koperasi      dan     Usaha    Persentase\n     Kecil     Mikro         Sehat\n"));
    }

    #[test]
    fn a_run_is_split_where_it_reaches_past_the_indicator_edge_printed_nearby() {
        // The indicator column starts at 28 here (one character right of
        // the page's 27): "orientasi" ends before it, "Mikro" runs past it.
        let snippet = "     Kegiatan               Pertambahan Jumlah Usaha\n     \
                       Pengembangan Usaha Mikro Naik kelas\n     \
                       Mikro dengan orientasi\n     \
                       peningkatan Skala\n";
        let lines = placed(snippet, &columns());
        assert_eq!(texts(&lines, Col::Node), ["Kegiatan", "Pengembangan Usaha", "Mikro dengan orientasi", "peningkatan Skala"]);
        assert_eq!(texts(&lines, Col::Indicator), ["Pertambahan Jumlah Usaha", "Mikro Naik kelas", "", ""]);
    }

    #[test]
    fn a_short_indicator_word_run_into_the_node_text_is_the_indicators() {
        // "kasus" ends a character past the edge printed on the line above.
        let cols = Columns { node_left: 5.0, ind_left: 22.0, unit_left: 36.0, ..columns() };
        let snippet = "     Sasaran 2 :      2. Persentase\n     \
                       Meningkatnya kasus\n     \
                       perlindungan kekerasan\n";
        let lines = placed(snippet, &cols);
        assert_eq!(texts(&lines, Col::Node), ["Sasaran 2 :", "Meningkatnya", "perlindungan"]);
        assert_eq!(texts(&lines, Col::Indicator), ["2. Persentase", "kasus", "kekerasan"]);
    }

    #[test]
    fn a_node_line_with_no_indicator_text_near_stays_whole() {
        // A node cell continued on a new page, its indicator done: "Lanjut"
        // reaches past the page's indicator edge (20), but nothing is there.
        let cols = Columns { node_left: 4.0, ind_left: 20.0, unit_left: 33.0, ..columns() };
        let snippet = "     Terlantar, Anak\n     Terlantar, Lanjut\n     Usia Terlantar,\n     serta\n\n\n\n\n                    Jumlah orang\n";
        let lines = placed(snippet, &cols);
        assert_eq!(texts(&lines, Col::Node)[..3], ["Terlantar, Anak", "Terlantar, Lanjut", "Usia Terlantar,"]);
        assert_eq!(texts(&lines, Col::Indicator), ["", "", "", "", "Jumlah orang"]);
    }

    #[test]
    fn an_anchor_line_holds_indicator_text_though_none_is_printed_apart() {
        // Node and indicator run together on every line of the row; the
        // unit and targets say the indicator cell is there, and the
        // nearest line printing its edge (29) says where.
        let cols = Columns { ind_left: 29.0, unit_left: 58.0, ..columns() };
        let snippet = "     Kegiatan 5 Penyediaan Tersedianya Jasa Penunjang     Laporan    12    3     6     9      12\n     \
                       Jasa Penunjang Urusan Urusan Pemerintahan Daerah\n     \
                       Pemerintah daerah\n\n     \
                       Sub Kegiatan 1          Jumlah Laporan Penyediaan    paket      2     0     0    0     0\n";
        let lines = placed(snippet, &cols);
        assert_eq!(texts(&lines, Col::Node), ["Kegiatan 5 Penyediaan", "Jasa Penunjang Urusan", "Pemerintah daerah", "Sub Kegiatan 1"]);
        assert_eq!(texts(&lines, Col::Indicator), ["Tersedianya Jasa Penunjang", "Urusan Pemerintahan Daerah", "", "Jumlah Laporan Penyediaan"]);
    }

    #[test]
    fn a_wrapped_indicator_line_starting_at_the_edge_printed_above_is_the_indicators() {
        // The row's indicator starts left of the page's edge (27), at 16,
        // after a short node line; its second line starts there too and is
        // all indicator text, though its first word ends at the page edge.
        let snippet = "     Program 1\n     KESEHATAN  Cakupan desa Universal Child\n                Immunization (UCI)\n";
        let lines = placed(snippet, &columns());
        assert_eq!(texts(&lines, Col::Node), ["Program 1", "KESEHATAN", ""]);
        assert_eq!(texts(&lines, Col::Indicator), ["", "Cakupan desa Universal Child", "Immunization (UCI)"]);
    }

    #[test]
    fn a_run_after_a_wide_gap_is_the_indicators_though_left_of_the_page_edge() {
        let snippet = "     Sub Kegiatan 1      jml paket komponen\n     Penyediaan Komponen listrik/penerangan\n";
        let lines = placed(snippet, &columns());
        assert_eq!(texts(&lines, Col::Node), ["Sub Kegiatan 1", "Penyediaan Komponen"]);
        assert_eq!(texts(&lines, Col::Indicator), ["jml paket komponen", "listrik/penerangan"]);
    }

    #[test]
    fn a_name_in_capitals_gives_way_to_the_indicator_in_sentence_case() {
        let w = |t: &str| Word { text: t.to_string(), x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0 };
        let words = |ts: &[&str]| ts.iter().map(|t| w(t)).collect::<Vec<_>>();
        // "Jumlah" ended short of the edge: it opens the indicator all the same.
        assert_eq!(split_at_case_change(&words(&["PROGRAM", "PENELITIAN", "Jumlah", "rekomendasi"]), 1, 3), 2);
        assert_eq!(split_at_case_change(&words(&["PENGELOLAAN", "PELAYARAN", "yang", "beroperasi"]), 0, 3), 2);
        // An acronym in a name in title case, a name in title case: as split.
        assert_eq!(split_at_case_change(&words(&["(APAR)", "dan", "Alat", "Pemadam"]), 0, 3), 3);
        assert_eq!(split_at_case_change(&words(&["SPBE", "dan", "Aplikasi"]), 0, 2), 2);
        assert_eq!(split_at_case_change(&words(&["Penelitian", "dan", "Jumlah"]), 0, 2), 2);
        // Three words in sentence case are more than an indicator's opening.
        assert_eq!(split_at_case_change(&words(&["PROGRAM", "PENELITIAN", "Jumlah", "rekomendasi", "kebijakan", "riset"]), 0, 5), 5);
    }
}
