//! Stream reflow: rebuilds rows from positioned words (layout dumps, PDFs).
//!
//! Columns are found per page from the body itself, the header only naming
//! them (headers are centred, wrapped and cut: "Triwula" / "n II"):
//! - anchor lines carry a unit followed by targets; the targets of complete
//!   anchor lines give the value columns;
//! - the unit column starts at the leftmost unit word; the node column at
//!   the labels ("Program 1"); the indicator column at the x where most
//!   lines start a word between the two (text is left-aligned in cells);
//! - text right of the targets is KETERANGAN / PENANGGUNG JAWAB.
//!
//! Rows: node cells run from one label to the next. Each anchor owns the
//! indicator, unit and trailing text around it; the lines between two
//! anchors are split by paragraph gaps, indicator numbering, and the
//! table's vertical alignment (top, centre or bottom), which is measured.

use super::cells::{fold, join_lines, Vocabulary};
use super::flow::words::opens_indicator;
use super::frame::{core_words, is_currency, is_header_line, is_signature_start, is_table_notes_start, is_title_year_line, is_total_line, roles_in_words, total_row_with_sum_below};
use super::{Row, Table};
use crate::extract::ocr::is_doubted_number;
use crate::extract::{Page, Word};
use crate::parse::header::{bare_quarter_numeral, completes_header_word, is_column_number, is_core_header_word, is_cut_core_word, is_header_word, is_misread_header_word, is_plan_year, is_quarter_word, names_earlier_figure, role_of, squash, value_columns_in_order, value_role_of, Role, LEVEL_WORDS};
use crate::parse::label::{is_code, is_hierarchical_numbering, is_letter_numbering, is_list_bullet, names_bare_label, parse_indicator_number, parse_label, strip_indicator_numbering, Level};
use crate::parse::number::{cut_word_target_tail, is_bound, is_grouped_thousands, is_readable, is_sum_of_money, is_text_target, is_word_target, parse_value, rejoined_in_last_group, rejoined_sum, Value};
use crate::parse::function_word::is_function_word;
use crate::parse::unit::{canonical, is_known, looks_like_unit};

mod column_order;
mod runs;

/// Which column a word was placed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    No,
    Node,
    Indicator,
    /// How the indicator is measured (FORMULA / CARA PENGHITUNGAN), a
    /// column some plans print between INDIKATOR and SATUAN.
    Definition,
    Unit,
    Value(usize),
    Trailing(usize),
    /// A ruled cell among the value columns that holds none of them (a
    /// PAGU column between TARGET and the quarters, each quarter's money
    /// beside its FISIK): no value of a row's, its words read by no one.
    Aside,
    /// The budget printed in such a cell, under the header's PAGU /
    /// ANGGARAN words.
    Budget,
}

/// A body line with its words placed in columns.
#[derive(Debug, Clone)]
struct Placed {
    page: u32,
    /// Line number on the page (1-based), for provenance.
    line: u32,
    /// Vertical position on a grid of text lines, increasing down the
    /// document (pages stacked), so that gaps between lines are visible.
    pos: i64,
    words: Vec<(Col, Word)>,
    /// Index of the anchor on this line, if it is one.
    anchor: bool,
    /// Grid position of the page top, and grid units per PDF point, to
    /// place a single column's words (a line may merge words of several
    /// columns whose baselines differ a little).
    base: i64,
    scale: f32,
}

impl Placed {
    /// Grid position of this line's words in `col` (the line's own
    /// position where it has none).
    fn at(&self, col: Col) -> i64 {
        let ys = self.words.iter().filter(|(c, _)| *c == col).map(|(_, w)| w.y0);
        match ys.reduce(f32::min) {
            Some(y) => self.base + (y * self.scale).round() as i64,
            None => self.pos,
        }
    }

    fn text_in(&self, col: Col) -> String {
        let ws: Vec<&str> = self.words.iter().filter(|(c, _)| *c == col).map(|(_, w)| w.text.as_str()).collect();
        ws.join(" ")
    }
    fn has(&self, col: Col) -> bool {
        self.words.iter().any(|(c, _)| *c == col)
    }
}

/// Column positions of one page.
#[derive(Debug, Clone, Default)]
struct Columns {
    node_left: f32,
    ind_left: f32,
    /// Left edge of a definition column between INDIKATOR and SATUAN.
    definition_left: Option<f32>,
    unit_left: f32,
    /// (left, right, centre) of each value column.
    values: Vec<(f32, f32, f32)>,
    /// Left edges of the trailing text columns.
    trailing: Vec<f32>,
    tol: f32,
    /// Positions are where a PDF drew the glyphs (widths exact), not a
    /// character grid of a layout dump.
    drawn: bool,
    /// The header names no SATUAN column: no word is a unit, and the
    /// indicator's cell reaches the target's.
    unitless: bool,
    /// The page's vertical cell borders (x, top, bottom), when its table
    /// is ruled: see [`Columns::ruled_cell`].
    borders: Vec<(f32, f32, f32)>,
    /// The numbers stand right-aligned in their cells, as a spreadsheet
    /// prints typed numbers (text and "-" left-aligned): each value cell
    /// ends where its numbers end. See [`Columns::cell_by_right_edges`].
    right_aligned: bool,
    /// On an unruled page, the header's money columns printed among the
    /// value columns (see [`column_order::money_header_spans`]): their
    /// words are a budget or a quarter's spending, no value.
    money: Vec<(f32, f32)>,
    /// The value columns of the year's target and of TW I to TW IV, in
    /// that order, where the header names each once: a plan may print the
    /// target after the quarters, or a baseline (KONDISI AWAL) before
    /// them. None: taken in the usual order, the target first.
    slots: Option<[usize; 5]>,
}

impl Columns {
    /// The value column of the year's target.
    fn target(&self) -> usize {
        self.slots.map_or(0, |s| s[0])
    }

    /// The value column of the last quarter (TW IV; with fewer columns,
    /// the last one).
    fn last_quarter(&self) -> usize {
        self.slots.map_or(self.values.len().saturating_sub(1).min(4), |s| s[4])
    }

    /// The value column of slot `s`: 0 the target, 1 to 4 the quarters.
    fn slot(&self, s: usize) -> usize {
        self.slots.map_or(s, |slots| slots[s])
    }

    /// True when `x` lies between the first quarter's value column and
    /// the last's (a quarter's own cells, such as its money, print there).
    fn between_quarters(&self, x: f32) -> bool {
        let quarters: Vec<(f32, f32, f32)> = (1..5).filter_map(|s| self.values.get(self.slot(s)).copied()).collect();
        let left = quarters.iter().map(|q| q.0).reduce(f32::min);
        let right = quarters.iter().map(|q| q.1).reduce(f32::max);
        left.zip(right).is_some_and(|(l, r)| x > l && x < r)
    }

    /// True when `x` lies left of the first quarter's value column (a
    /// budget printed before the quarters).
    fn before_quarters(&self, x: f32) -> bool {
        self.values.get(self.slot(1)).is_some_and(|q| x < q.0)
    }

    /// A word may start this far left of its column: a dump squeezes a
    /// column against the one before it by a character or so.
    fn slack(&self) -> f32 {
        self.tol * 2.5
    }

    /// The index of the unit word when the line is an indicator's anchor:
    /// a target in a value column, and just before the first one a unit
    /// word right of the node column (a dump may shift it left of the unit
    /// column by a few characters).
    fn anchor_unit(&self, words: &[Word]) -> Option<usize> {
        let mut first_value = words.iter().position(|w| matches!(self.place(w), Col::Value(_)))?;
        // A unit a layout dump shifted into the target column with its
        // row ("RT 34 - 34 - -", the page's upper rows printed further
        // left): no value and no word target, and value cells after it
        // for every value column.
        let shifted_unit = |w: &Word| !is_value_word(&w.text) && looks_like_unit(&w.text) && !is_word_target(&w.text);
        if shifted_unit(&words[first_value]) && words[first_value + 1..].iter().filter(|w| is_value_cell_word(&w.text)).count() >= self.values.len() {
            first_value += 1;
        }
        let has_value = words[first_value..]
            .iter()
            // A number OCR doubted ("74?") is no value to give out, but a
            // value cell all the same: without it the row would be joined
            // to the next.
            .any(|w| matches!(self.place(w), Col::Value(_)) && is_value_cell_word(&w.text))
            || self.has_word_target(&words[first_value..]);
        let u = first_value.checked_sub(1)?;
        let unit = &words[u];
        // A known unit whose target and TW IV cells were misread as short
        // words ("Tahun GL ... IA" for "Tahun 8,1 ... 8,1"): a row all the
        // same, its values unreadable; without it its text and unit join
        // the row above.
        let known_unit = is_known(&canonical(&unit.text));
        let has_value = has_value || (known_unit && self.has_misread_target_and_last(&words[first_value..]));
        // A known unit over a word in the target's column ("Predikat" /
        // "Sangat Inovatif", the quarters blank): the row's anchor, though
        // the word alone confirms no target; without it the row's text and
        // unit join the next row's.
        let quarters_blank = || words[first_value + 1..].iter().all(|w| !matches!(self.place(w), Col::Value(_)) || w.text == "-" || is_word_target(&format!("{} {}", words[first_value].text, w.text)));
        let has_value = has_value || (known_unit && self.place(&words[first_value]) == Col::Value(self.target()) && is_word_target(&words[first_value].text) && quarters_blank());
        // A long indicator pushes a known unit further left; the target is
        // then on the line too (wrapped quarter pieces are not an anchor).
        // (A word target counts where the first quarters hold dashes or
        // nothing: "- - - Paripur Paripurna", the target printed after the
        // quarters. A word in every cell is a unit printed under each
        // number, "Koperasi Kopera Kopera ...".)
        let early_quarters_blank = || (1..4).all(|s| words.iter().filter(|w| self.place(w) == Col::Value(self.slot(s))).all(|w| w.text == "-"));
        // (A number in the first value column, the target's where it
        // comes first, counts whatever the column: a dump may shift the
        // row's numbers a column left.)
        let has_target = words.iter().any(|w| {
            let col = self.place(w);
            (col == Col::Value(0) && is_value_word(&w.text) && w.text != "%")
                || (col == Col::Value(self.target()) && (is_word_target(&w.text) || is_text_target(&w.text)) && early_quarters_blank())
        });
        let known = known_unit && unit.x0 > self.ind_left + self.slack() && has_target;
        // A unit wider than most, centred in its cell, starts further
        // left ("Perusahaa", "Angkatan" beside "Unit"); its centre is in
        // the column all the same.
        let centred = (unit.x0 + unit.x1) / 2.0 >= self.unit_left - self.slack();
        let in_zone = unit.x0 >= self.unit_left - 3.0 * self.slack() || known || centred;
        // A unit cell that wrapped may open with a word no vocabulary
        // takes for a unit ("Kepala" / "Keluarga", "Sambungan" / "Rumah"):
        // inside SATUAN's column, before a cell in every value column,
        // it is the unit all the same.
        let unit_cell = || {
            let filled = (0..self.values.len()).filter(|&k| words[first_value..].iter().any(|w| self.place(w) == Col::Value(k) && is_value_cell_word(&w.text))).count();
            (unit.x0 >= self.unit_left - self.slack() || centred) && filled == self.values.len() && !is_value_word(&unit.text) && unit.text.chars().any(char::is_alphabetic)
        };
        (has_value && in_zone && (is_unit_word(&unit.text) || is_rate_base(words, u) || unit_cell())).then_some(u)
    }

    /// Short words (four characters at most, as a misread number is) in
    /// both the target cell and the last quarter's.
    fn has_misread_target_and_last(&self, words: &[Word]) -> bool {
        let (target, last) = (self.target(), self.last_quarter());
        let short_at = |k: usize| words.iter().any(|w| self.place(w) == Col::Value(k) && (1..=4).contains(&w.text.chars().count()));
        last != target && short_at(target) && short_at(last)
    }

    /// A qualitative target printed as a word ("Baik", "Informatif"): the
    /// target's cell and TW IV's hold the same word (or its start) and the
    /// other quarters' cells are blank or dashes, as a plan prints a target
    /// that is the year's and TW IV's alike. A word alone in a value cell
    /// is otherwise no value (it may be a wrapped note).
    fn has_word_target(&self, words: &[Word]) -> bool {
        let (target_col, last_col) = (self.target(), self.last_quarter());
        // TW I to TW IV's columns, and those of the quarters before TW IV.
        let quarter_cols: Vec<usize> = (1..5).map(|s| self.slot(s)).collect();
        let quarters_between = &quarter_cols[..3];
        let col_of = |w: &Word| match self.place(w) {
            Col::Value(k) => Some(k),
            _ => None,
        };
        let Some(t) = words.iter().position(|w| col_of(w) == Some(target_col)) else { return false };
        // TW IV's word; or, TW IV blank or a dash, the word again in the
        // one quarter that delivers it ("Tersedia" ... "Tersedia" in TW
        // III), a plan giving each quarter what it delivers ("Baik - -
        // Baik -", gen151).
        let in_quarter = |j: usize| col_of(&words[j]).is_some_and(|k| quarter_cols.contains(&k));
        let delivered: Vec<usize> = (0..words.len()).filter(|&j| in_quarter(j) && words[j].text == words[t].text).collect();
        let q = match words.iter().rposition(|w| col_of(w) == Some(last_col) && w.text != "-") {
            Some(q) => q,
            None if delivered.len() == 1 && is_word_target(&words[t].text) => delivered[0],
            None => return false,
        };
        let (first, last) = (&words[t], &words[q]);
        let same_word = (is_word_target(&first.text)
            // The last cell may be narrower: "Informa" / "tif", the rest
            // of the word wrapped onto the next line.
            && last.text.chars().count() >= 3
            && first.text.starts_with(&last.text))
            // A grade or an opinion ("BB", "WTP") in both.
            || (is_text_target(&first.text) && first.text == last.text);
        // The other quarters: dashes, or the target again in a quarter that
        // reaches it ("Tersedia" in TW II and TW IV), cut as in TW IV
        // ("Tersedi" / "a" in a narrower cell). A column the header names
        // for none of them (a baseline, a budget) says nothing.
        let others_fit = words.iter().enumerate().filter(|&(j, _)| j != t && j != q).all(|(_, w)| match col_of(w) {
            None => true,
            Some(k) if quarter_cols.contains(&k) && w.text == "-" => true,
            Some(k) if quarters_between.contains(&k) => {
                w.text == "-" || w.text == first.text || (is_word_target(&first.text) && cut_word_target_tail(&first.text, &w.text).is_some())
            }
            Some(k) => self.slots.is_some() && k != target_col && !quarter_cols.contains(&k),
        });
        target_col != last_col && same_word && others_fit
    }

    /// A word target printed aligned left in the TARGET cell, as a
    /// spreadsheet aligns text ("Predikat  Paripurna ... Paripurna" in a
    /// layout dump): it starts left of the target column's numbers, which
    /// are aligned right, and reads as the unit's. The index of that word
    /// when the line is such a row: the word right after the unit word,
    /// right of the unit column's edge, the same word in the last value
    /// column, and nothing but dashes or the word between them.
    fn word_target_aligned_left(&self, words: &[Word]) -> Option<usize> {
        // (Aligned left in its cell, the target reads as the unit's only
        // where its column follows SATUAN's.)
        if self.target() != 0 || self.values.is_empty() {
            return None;
        }
        let last = self.last_quarter();
        let j = words.iter().position(|w| matches!(self.place(w), Col::Value(_)))?.checked_sub(1)?;
        let (unit, target) = (words.get(j.checked_sub(1)?)?, &words[j]);
        let values: Vec<&Word> = words[j + 1..].iter().filter(|w| matches!(self.place(w), Col::Value(_))).collect();
        let target_word = is_word_target(&target.text) || is_text_target(&target.text);
        let is_last = |w: &Word| self.place(w) == Col::Value(last) && w.text == target.text;
        (target_word
            && self.place(target) == Col::Unit
            && target.x0 > self.unit_left + self.slack()
            && unit.x1 < target.x0
            && is_unit_word(&unit.text)
            && values.last().is_some_and(|w| is_last(w))
            && values.iter().all(|w| w.text == "-" || w.text == target.text))
            .then_some(j)
    }

    /// The column a word's ruled cell holds, on a page whose cell borders
    /// are drawn: the cell its centre lies in, between the borders that
    /// cross its line, is the column whose measured position lies in the
    /// same cell. A word in it belongs there wherever it sits inside it:
    /// a word target aligned left ("Paripurna" at the cell's left edge,
    /// outside the target column's measured span), a wide unit centred in
    /// its cell ("per 1.000" starting left of the usual unit edge). None
    /// where the borders say nothing: no borders there, a cell of the NO or
    /// the trailing columns, or a merged cell holding two columns.
    fn ruled_cell(&self, w: &Word) -> Option<Col> {
        let (_, left, right) = self.ruled_span(w)?;
        let inside = |p: f32| p > left && p < right;
        // Each column's mark: a value column's centre; a text column's
        // left edge, a little inside (its text starts at the cell's
        // padding).
        let nudge = self.tol;
        let text_marks = [
            Some((self.node_left + nudge, Col::Node)),
            Some((self.ind_left + nudge, Col::Indicator)),
            self.definition_left.map(|d| (d + nudge, Col::Definition)),
            (!self.unitless).then_some((self.unit_left + nudge, Col::Unit)),
        ];
        let marks = text_marks.into_iter().flatten().chain(self.values.iter().enumerate().map(|(k, v)| (v.2, Col::Value(k))));
        let mut held = marks.filter(|m| inside(m.0)).map(|m| m.1);
        match (held.next(), held.next()) {
            (Some(col), None) => Some(col),
            _ => None,
        }
    }

    /// On a ruled page, whether a word lies in a cell that holds no
    /// column's mark ([`Columns::ruled_cell`] says none) between the first
    /// value column's centre and the last one's: a column the header
    /// prints among the values that is no target or quarter.
    fn in_a_cell_between_values(&self, w: &Word) -> bool {
        let (Some(first), Some(last)) = (self.values.first(), self.values.last()) else { return false };
        self.ruled_span(w).is_some_and(|(_, left, right)| left > first.2 && right < last.2 && !self.values.iter().any(|v| v.2 > left && v.2 < right))
    }

    /// The money column (see [`Columns::money`]) a word's centre lies
    /// under, between the first value column's centre and the last one's,
    /// and in no value column. A sum of money wider than its header, set
    /// right-aligned, may reach left of it ("2.450.600.000" under "PAGU
    /// (Rp)", gen149): its right edge in the span places it.
    fn money_span(&self, w: &Word) -> Option<(f32, f32)> {
        let (Some(first), Some(last)) = (self.values.first(), self.values.last()) else { return None };
        let centre = (w.x0 + w.x1) / 2.0;
        if centre <= first.2 || centre >= last.2 || self.values.iter().any(|v| centre >= v.0 && centre <= v.1) {
            return None;
        }
        let money = crate::parse::number::is_sum_of_money(&w.text);
        self.money.iter().copied().find(|&(left, right)| {
            let under = (centre > left && centre < right) || (money && w.x1 > left && w.x1 <= right);
            under && !self.values.iter().any(|v| v.2 > left && v.2 < right)
        })
    }

    /// The ruled cell a word's centre lies in, between the borders that
    /// cross its line: how many borders lie left of it, and the cell's
    /// left and right edges. None where no border lies on either side.
    fn ruled_span(&self, w: &Word) -> Option<(usize, f32, f32)> {
        let (x, y) = ((w.x0 + w.x1) / 2.0, (w.y0 + w.y1) / 2.0);
        let crossing = || self.borders.iter().filter(|b| b.1 <= y && b.2 >= y).map(|b| b.0);
        let left = crossing().filter(|&b| b < x).fold((0, f32::MIN), |(n, m), b| (n + 1, m.max(b)));
        let right = crossing().filter(|&b| b > x).reduce(f32::min)?;
        (left.0 > 0).then_some((left.0, left.1, right))
    }

    /// On a ruled page, whether a word lies in a wide cell right of the
    /// table's first one on its line (two borders or more left of it, the
    /// next one right of it more than six of its heights away): a column
    /// between NO and the node column (SASARAN STRATEGIS printed in a
    /// column of its own) is no NO column. (A narrow cell may be the NO
    /// column after all: a scan's borders may hold a stroke left of it.)
    fn right_of_first_cell(&self, w: &Word) -> bool {
        let em = (w.y1 - w.y0).abs().max(1.0);
        self.ruled_span(w).is_some_and(|(borders_left, left, right)| borders_left >= 2 && right - left > 6.0 * em)
    }

    /// With right-aligned numbers, the value cell a word starts in: each
    /// cell reaches from its numbers' right edge back one column pitch
    /// (the distance between two columns' right edges), so a left-aligned
    /// "-", "≥ 90" or "Paripurna" at a cell's left edge is that cell's,
    /// not the column left of it whose numbers end nearer.
    fn cell_by_right_edges(&self, w: &Word) -> Option<usize> {
        // (A ruled page's borders place its words: see `ruled_cell`.)
        if !self.right_aligned || !self.borders.is_empty() || self.values.len() < 2 || w.x0 <= self.unit_left + self.slack() {
            return None;
        }
        let mut pitches: Vec<f32> = self.values.windows(2).map(|v| v[1].1 - v[0].1).collect();
        pitches.sort_by(f32::total_cmp);
        let pitch = pitches[pitches.len() / 2];
        // Left of the first column's numbers lies the unit column: a unit
        // there is centred in its cell ("%"), not a value reaching out of
        // the first column. (Asked there only: `place` runs per word, often.)
        let unit_left_of_first = |k: usize, v: &(f32, f32, f32)| k == 0 && w.x0 < v.0 - self.slack() && is_known(&canonical(&w.text)) && !is_text_target(&w.text);
        self.values.iter().enumerate().position(|(k, v)| {
            w.x0 > v.1 - pitch && w.x0 <= v.1 + self.slack() && w.x1 <= v.1 + self.slack() + pitch / 2.0 && !unit_left_of_first(k, v)
        })
    }

    fn place(&self, w: &Word) -> Col {
        // (Not left of the node column: a scan may miss the border between
        // NO and URAIAN on a line, and its cell would hold the node's mark.)
        if let Some(col) = self.ruled_cell(w).filter(|_| w.x0 >= self.node_left - self.slack()) {
            return col;
        }
        if self.in_a_cell_between_values(w) || self.money_span(w).is_some() {
            return Col::Aside;
        }
        let centre = (w.x0 + w.x1) / 2.0;
        if let (Some(first), Some(last)) = (self.values.first(), self.values.last()) {
            if centre > last.1 + self.tol && w.x0 > last.2 {
                let k = self.trailing.iter().rposition(|&l| w.x0 >= l - self.slack()).unwrap_or(0);
                return Col::Trailing(k);
            }
            if let Some(k) = self.cell_by_right_edges(w) {
                return Col::Value(k);
            }
            // A word wider than its cell, printed centred, starts left of
            // the column; its centre still lies inside it ("Informatif" in
            // a narrow TARGET column). A layout dump shifts words by a
            // character or so: there the word must also start right of
            // the unit column's edge, where a unit word starts.
            let centred_in_first = (first.0..=first.1).contains(&centre) && (self.drawn || self.unitless || w.x0 > self.unit_left + self.slack());
            // A number wider than the column, printed right-aligned as a
            // spreadsheet prints numbers, ends in it ("Pengguna 1,250,000"
            // in a layout dump, the target reaching under SATUAN).
            let numeric = w.text.chars().any(|c| c.is_ascii_digit()) && w.text.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'));
            let right_aligned_in_first = numeric && w.x1 > first.0 + self.slack() && w.x1 <= first.1 + self.slack() && w.x0 > self.unit_left + self.slack();
            if w.x0 >= first.0 - self.slack() || centred_in_first || right_aligned_in_first {
                let k = self
                    .values
                    .iter()
                    .enumerate()
                    .min_by(|a, b| dist(centre, a.1).total_cmp(&dist(centre, b.1)))
                    .map(|(k, _)| k)
                    .unwrap_or(0);
                return Col::Value(k);
            }
        }
        // On a drawn page a word wholly left of the node column is in the
        // NO column whatever it reads: a scan's numbering misread ("deed"
        // for "1.2.1.1.1") would otherwise open the node cell before its
        // label.
        // (A word right of the first cell, in a column of its own between
        // NO and the node column, is no numbering when it has letters:
        // SASARAN STRATEGIS's "dan"; a KODE column's cut code "01" is.)
        let words_beyond_no_column = self.right_of_first_cell(w) && w.text.chars().any(char::is_alphabetic);
        let in_no_column = self.drawn && w.x1 < self.node_left - self.slack();
        if w.x0 < self.node_left - self.slack() && !words_beyond_no_column && (is_row_numbering(&w.text) || in_no_column) {
            Col::No
        } else if w.x0 < self.ind_left - self.slack() && (w.x1 <= self.ind_left + self.slack() || w.x0 < self.node_left + self.slack()) {
            // A word that runs into the indicator column is an indicator word
            // the dump shifted left: a cell's text never leaves its cell.
            Col::Node
        } else if self.definition_left.is_some_and(|d| w.x0 < d - self.slack()) {
            Col::Indicator
        } else if self.unitless || (w.x0 < self.unit_left - self.slack() && !(self.drawn && centre > self.unit_left)) {
            // (On a drawn page a word lies in the cell that holds most of
            // it: an indicator wraps before its cell's edge, while a unit
            // wider than the column's usual one, centred, starts left of
            // that edge: "per 1.000" / "perempuan".)
            if self.definition_left.is_some() {
                Col::Definition
            } else {
                Col::Indicator
            }
        } else {
            Col::Unit
        }
    }
}

/// An anchor line with more values than value columns whose last ones are
/// a currency and a sum ("... 139.800 186.400 Rp 135.776.750.000" in a
/// layout dump that squeezed the row left): the sum is the budget, which
/// the squeeze moved under the last quarter, never a quarter's target.
fn budget_beside_the_values(words: &mut [(Col, Word)], n_values: usize, budget_column: Option<usize>) {
    let Some(b) = budget_column else { return };
    let values: Vec<usize> = (0..words.len()).filter(|&j| matches!(words[j].0, Col::Value(_)) && words[j].1.text != "%" && is_value_word(&words[j].1.text)).collect();
    let Some(&last) = values.last() else { return };
    let currency = last.checked_sub(1).filter(|&c| matches!(words[c].0, Col::Value(_)) && is_currency(&words[c].1.text));
    if values.len() <= n_values || currency.is_none() || !is_sum_of_money(&words[last].1.text) {
        return;
    }
    for j in currency.into_iter().chain([last]) {
        words[j].0 = Col::Trailing(b);
    }
}

/// Wide numbers in a layout dump run together one space apart
/// ("186.000 44.000 46.500 47.500 48.000"), each pushed left of its
/// column, so two whole values can land nearest the same column and the
/// last ones one column short. Two values on one line are two cells: when
/// nearest-column placement puts two in one column, the values (`idx`, left
/// to right) take distinct columns in their order, the placement of least
/// total distance.
fn part_values_met_in_one_column(words: &mut [(Col, Word)], idx: &[usize], values: &[(f32, f32, f32)]) {
    let col_of = |j: usize| match words[j].0 {
        Col::Value(k) => k,
        _ => usize::MAX,
    };
    let met = idx.windows(2).any(|p| col_of(p[0]) == col_of(p[1]));
    let (n, m) = (idx.len(), values.len());
    if !met || n > m {
        return;
    }
    // best[i][k]: least cost of placing the first i values in the first k
    // columns; each value's column right of the one before.
    let cost = |i: usize, k: usize| {
        let w = &words[idx[i]].1;
        dist((w.x0 + w.x1) / 2.0, &values[k])
    };
    let mut best = vec![vec![f32::INFINITY; m + 1]; n + 1];
    best[0].fill(0.0);
    for i in 1..=n {
        for k in i..=m {
            best[i][k] = best[i][k - 1].min(best[i - 1][k - 1] + cost(i - 1, k - 1));
        }
    }
    let (mut i, mut k) = (n, m);
    while i > 0 {
        if best[i][k] == best[i][k - 1] && k > i {
            k -= 1;
        } else {
            words[idx[i - 1]].0 = Col::Value(k - 1);
            i -= 1;
            k -= 1;
        }
    }
}

fn dist(x: f32, span: &(f32, f32, f32)) -> f32 {
    if x < span.0 {
        span.0 - x
    } else if x > span.1 {
        x - span.1
    } else {
        (x - span.2).abs() * 0.01
    }
}

/// A unit of several words centred in its cell ("Miliar Rupiah", "Sub
/// Domain") starts left of the column's usual unit edge: the words just
/// before the unit word, a word space from it and a column gap from the
/// indicator text before them, are the unit's too. Indicator text is
/// left-aligned and wraps before its cell's edge, so its last word is
/// never a word space from the unit while a column gap from its own
/// previous word.
fn widen_unit_left(words: &mut [(Col, Word)], unit: usize, positioned: bool) {
    let mut start = unit;
    while start >= 1 && words[start - 1].0 == Col::Unit {
        start -= 1;
    }
    while start >= 2 && beside_unit(words[start - 1].0) && words[start - 2].0 == words[start - 1].0 {
        let (prev, w, next) = (&words[start - 2].1, &words[start - 1].1, &words[start].1);
        let em = if positioned { (next.y1 - next.y0).abs().max(1.0) } else { 1.0 };
        let space = next.x0 - w.x1;
        let gap = w.x0 - prev.x1;
        // A word space is about 0.4 of a digit's height; OCR boxes, which
        // hug the ink, put it at up to half again as much.
        let (small, big) = if positioned { (0.6 * em, (3.0 * space).max(0.6 * em)) } else { (1.01, 2.99) };
        // "per" before a rate's base ("per 1.000") opens the unit, however
        // close the indicator's text runs to it.
        let opens_rate = w.text.eq_ignore_ascii_case("per") && is_number_word(&next.text) && space <= small;
        if !opens_rate && (space > small || gap < big) {
            break;
        }
        words[start - 1].0 = Col::Unit;
        start -= 1;
    }
}

/// A unit of two words wider than its column ("Jenis Pajak", "Wajib
/// Pajak") runs into the target's column, where a value column measured
/// from wide sums ("1.248.750.000.000") starts left of its own numbers: its
/// second word, a word space after the unit word, is the unit's. (A word
/// target after its unit, "Predikat Baik", is printed again in a later
/// value cell, whole or cut, and stays a value; so does a grade, "BB";
/// and the row's values after it hold a number.)
fn unit_run_into_values(words: &mut [(Col, Word)], unit: usize, positioned: bool) {
    let Some((Col::Value(_), next)) = words.get(unit + 1) else { return };
    let u = &words[unit].1;
    let em = if positioned { (u.y1 - u.y0).abs().max(1.0) } else { 1.0 };
    let word_space = if positioned { 0.6 * em } else { 1.01 };
    let wordlike = next.text.chars().all(char::is_alphabetic) && !is_text_target(&next.text);
    let again = words[unit + 2..].iter().any(|(c, w)| matches!(c, Col::Value(_)) && (w.text == next.text || cut_word_target_tail(&next.text, &w.text).is_some()));
    // (A number after it: a row of dashes may hold its word target's
    // last cell on another line, "Informatif" ... "Informati" / "f".)
    let values_after = words[unit + 2..].iter().any(|(c, w)| matches!(c, Col::Value(_)) && is_number_word(&w.text));
    if wordlike && next.x0 - u.x1 <= word_space && !again && values_after {
        words[unit + 1].0 = Col::Unit;
    }
}

/// Units of two words set a single space from the indicator text, as a
/// layout dump closes them up ("Jumlah IKM furnitur yang Unit Usaha"), are
/// told by the plan's other rows: where a row's unit cell reads "Usaha"
/// and the word before it makes "Unit Usaha", a unit other rows print
/// whole, that word is the unit's. The other way, a function word opening
/// a unit ("dan Unit Usaha", a unit column measured too far left) is the
/// indicator's when the rest is a unit read elsewhere.
fn units_as_read_elsewhere(placed: &mut [Placed]) {
    let unit_of = |l: &Placed| l.text_in(Col::Unit);
    let seen: std::collections::HashSet<String> = placed.iter().filter(|l| l.anchor).map(unit_of).filter(|u| u.contains(' ')).collect();
    for l in placed.iter_mut().filter(|l| l.anchor) {
        let Some(first) = l.words.iter().position(|(c, _)| *c == Col::Unit) else { continue };
        let unit = unit_of(l);
        if first >= 1 && l.words[first - 1].0 == Col::Indicator && seen.contains(&format!("{} {unit}", l.words[first - 1].1.text)) {
            l.words[first - 1].0 = Col::Unit;
        } else if let Some(rest) = unit.split_once(' ').map(|(_, r)| r) {
            let opener = &l.words[first].1.text;
            if is_function_word(opener) && !opener.eq_ignore_ascii_case("per") && seen.contains(rest) {
                l.words[first].0 = Col::Indicator;
            }
        }
    }
}

/// A node's indicators stacked in one table row, as a word processor
/// prints them ("1) Jumlah kelurahan ..." / "2) Jumlah laporan ..."), list
/// their units one a line in the SATUAN cell, "Kelurahan" / "Laporan",
/// while their values stand level with each indicator. A unit on the line
/// under a row's own unit, before the next row's values, is that next
/// row's when it is a unit by itself, the row's own unit is one by itself
/// too, and the next row has none: not the second line of a unit wrapped
/// in its cell ("Kelompok" / "Tani").
fn stacked_units_to_their_rows(placed: &mut [Placed]) {
    let anchors: Vec<usize> = (0..placed.len()).filter(|&i| placed[i].anchor).collect();
    for pair in anchors.windows(2) {
        let (i, k) = (pair[0], pair[1]);
        let own = placed[i].text_in(Col::Unit);
        if own.is_empty() || !is_known(&canonical(&own)) || placed[k].has(Col::Unit) || placed[i].page != placed[k].page {
            continue;
        }
        let between: Vec<usize> = (i + 1..k).filter(|&j| placed[j].has(Col::Unit)).collect();
        let [j] = between[..] else { continue };
        let unit = placed[j].text_in(Col::Unit);
        if j != i + 1 || !is_known(&canonical(&unit)) {
            continue;
        }
        let (y0, y1) = placed[k].words.iter().find(|(c, _)| matches!(c, Col::Value(_))).map_or((0.0, 0.0), |(_, w)| (w.y0, w.y1));
        let moved: Vec<(Col, Word)> = placed[j].words.iter().filter(|(c, _)| *c == Col::Unit).cloned().collect();
        placed[j].words.retain(|(c, _)| *c != Col::Unit);
        let at = placed[k].words.iter().position(|(c, _)| matches!(c, Col::Value(_) | Col::Trailing(_))).unwrap_or(placed[k].words.len());
        for (n, (c, mut w)) in moved.into_iter().enumerate() {
            if y1 > y0 {
                (w.y0, w.y1) = (y0, y1);
            }
            placed[k].words.insert(at + n, (c, w));
        }
    }
}

/// A plan printing SASARAN in a column of its own, merged down over its
/// block, left of PROGRAM / KEGIATAN: the sasaran's text runs on beside
/// the next rows' labels ("data kependudukan oleh   Program" / "perangkat
/// daerah dan   PROGRAM PENGELOLAAN"), and the line read as one node cell
/// opens no label. Node words a column gap left of a label on their line,
/// and those left of it on the lines under it, go back to the last line
/// that held the left column's text: they end the node above.
fn node_text_left_of_a_label(placed: &mut [Placed]) {
    let node_words = |l: &Placed| -> Vec<usize> { (0..l.words.len()).filter(|&j| l.words[j].0 == Col::Node).collect() };
    let mut i = 0;
    while i < placed.len() {
        let words: Vec<Word> = node_words(&placed[i]).iter().map(|&j| placed[i].words[j].1.clone()).collect();
        // (A layout dump's words are a character row high.)
        let gap = |w: &Word| column_gap(w, w.y1 - w.y0 > 1.0);
        // The first node word, after a column gap, that opens a level's label.
        let opens = (1..words.len()).find(|&j| words[j].x0 - words[j - 1].x1 >= gap(&words[j]) && parse_label(&line_from(&words, j)).is_some_and(|l| l.code.is_none()));
        let Some(j) = opens.filter(|_| parse_label(&placed[i].text_in(Col::Node)).is_none()) else {
            i += 1;
            continue;
        };
        let edge = words[j].x0 - gap(&words[j]);
        // The last line above with node text in the left column.
        let Some(t) = (0..i).rev().find(|&k| placed[k].page == placed[i].page && placed[k].words.iter().any(|(c, w)| *c == Col::Node && w.x1 < edge)) else {
            i += 1;
            continue;
        };
        let mut k = i;
        loop {
            let left: Vec<usize> = node_words(&placed[k]).into_iter().filter(|&n| placed[k].words[n].1.x1 < edge).collect();
            let left_text = left.iter().map(|&n| placed[k].words[n].1.text.as_str()).collect::<Vec<_>>().join(" ");
            if left.is_empty() || (k > i && parse_label(&left_text).is_some()) {
                break;
            }
            let moved: Vec<(Col, Word)> = left.iter().map(|&n| placed[k].words[n].clone()).collect();
            for &n in left.iter().rev() {
                placed[k].words.remove(n);
            }
            let at = placed[t].words.iter().rposition(|(c, _)| *c == Col::Node).map_or(0, |p| p + 1);
            for (n, w) in moved.into_iter().enumerate() {
                placed[t].words.insert(at + n, w);
            }
            k += 1;
            if k >= placed.len() || placed[k].page != placed[i].page {
                break;
            }
        }
        i = k.max(i + 1);
    }
}

/// The header lines name a KODE column (the Permendagri codes, left of URAIAN).
fn names_code_column(page: &Page, header: &[usize]) -> bool {
    header.iter().any(|&i| page.lines[i].words.iter().any(|w| squash(&w.text) == "KODE"))
}

/// A KODE column beside URAIAN holds each node's Permendagri code
/// ("3.31.02.2.01"): on a line whose node text opens a label, the code in
/// the column left of it goes in front of the label, where a code printed
/// in the URAIAN cell stands, and is read as the node's code.
///
/// A plan with no label words (SIPD's Renja: "1.06.01.2.02" / "Administrasi
/// Keuangan Perangkat Daerah") names its nodes by the code alone: on a line
/// with node text, the code goes in front of it too, and the code's length
/// gives the node's level ([`parse_label`] reads a code alone so).
///
/// A plan with label words that centres its cells vertically prints a
/// node's code halfway down the node's cell, its label at the cell's top
/// ("PROGRAM 2 PROGRAM" / "PEMENUHAN UPAYA" / "1.02.02 KESEHATAN ..."): a
/// code on a line with no label of its own is the code of the label above
/// it, when no other code stands between them.
fn codes_into_labels(placed: &mut [Placed]) {
    // A label with its level word ("Program 2"), not a code alone.
    let worded_label = |text: &str| !text.split_whitespace().next().is_some_and(is_code) && parse_label(text).is_some();
    let worded_plan = placed.iter().filter(|l| worded_label(&l.text_in(Col::Node))).count() >= 2;
    let has_code = |l: &Placed| l.words.iter().any(|(c, w)| matches!(c, Col::No | Col::Node) && is_code(&w.text));
    for i in 0..placed.len() {
        let node_text = placed[i].text_in(Col::Node);
        let labelled = parse_label(&node_text).is_some();
        if worded_plan && !labelled {
            if let Some(k) = placed[i].words.iter().position(|(c, w)| *c == Col::No && is_code(&w.text)) {
                let above = (0..i).rev().take_while(|&j| placed[j].page == placed[i].page && (j == i - 1 || !has_code(&placed[j + 1]))).find(|&j| worded_label(&placed[j].text_in(Col::Node)));
                // (The code's length names a level: a sub kegiatan's code
                // is not the code of "Program Kabupaten/Kota", a kegiatan
                // name's wrapped line opening with a level word, gen159.)
                let code_level = parse_label(&format!("{} {node_text}", placed[i].words[k].1.text)).filter(|_| !node_text.is_empty()).map(|l| l.level);
                let same_level = |j: usize| code_level.is_none() || parse_label(&placed[j].text_in(Col::Node)).map(|l| l.level) == code_level;
                if let Some(j) = above.filter(|&j| !has_code(&placed[j]) && same_level(j)) {
                    let (_, mut code) = placed[i].words.remove(k);
                    let at = placed[j].words.iter().position(|(c, _)| *c == Col::Node).unwrap_or(0);
                    let line_word = &placed[j].words[at].1;
                    (code.y0, code.y1) = (line_word.y0, line_word.y1);
                    placed[j].words.insert(at, (Col::Node, code));
                    continue;
                }
            }
        }
        for k in 0..placed[i].words.len() {
            if placed[i].words[k].0 != Col::No || !is_code(&placed[i].words[k].1.text) {
                continue;
            }
            // A sub kegiatan's code cut at the narrow cell's edge
            // ("2.11.03.2.01.00" / "01"): its tail opens the next line.
            // (Joined first: the whole code names an unlabelled node's
            // level, the cut one may name none.)
            let code = placed[i].words[k].1.text.clone();
            let tail = placed.get(i + 1).filter(|n| n.page == placed[i].page).and_then(|next| {
                let t = next.words.iter().position(|(c, w)| *c == Col::No && w.text.bytes().all(|b| b.is_ascii_digit()))?;
                let joined = format!("{code}{}", next.words[t].1.text);
                let groups: Vec<&str> = code.trim_end_matches('.').split('.').collect();
                let cut = code.ends_with('.') || (groups.len() == 6 && groups[5].len() < 4 && joined.rsplit('.').next().is_some_and(|g| g.len() == 4));
                (cut && is_code(&joined)).then_some((t, joined))
            });
            let whole = tail.as_ref().map_or(code.as_str(), |(_, joined)| joined.as_str());
            if !labelled && (node_text.is_empty() || parse_label(&format!("{whole} {node_text}")).is_none()) {
                continue;
            }
            placed[i].words[k].0 = Col::Node;
            if let Some((t, joined)) = tail {
                placed[i].words[k].1.text = joined;
                placed[i + 1].words.remove(t);
            }
        }
    }
}

/// The text column just left of SATUAN: the indicator's, or the
/// definition's where the plan prints one between them (DEFINISI
/// OPERASIONAL, FORMULA): a unit starting left of the unit column's usual
/// edge lands in it.
fn beside_unit(c: Col) -> bool {
    matches!(c, Col::Indicator | Col::Definition)
}

/// The second line of a unit cell centred over two lines ("Daerah" /
/// "Irigasi", "Sambungan" / "Rumah") may start left of the unit column's
/// usual edge, where `place` puts it with the indicator. The last words of
/// a line (or its only ones: "per 1.000" / "pasien" / "keluar"), under
/// the unit words of the line above and a column gap right of the
/// indicator text before them, are the unit's: an indicator's text wraps
/// before its cell's edge and never reaches under the unit.
fn continue_unit_below(words: &mut [(Col, Word)], above: &[(Col, Word)], positioned: bool) {
    // The unit cell's words on the line above, left to right.
    let unit_words: Vec<&Word> = above.iter().filter(|(c, _)| *c == Col::Unit).map(|(_, w)| w).collect();
    let (Some(&unit), Some(&unit_end)) = (unit_words.first(), unit_words.last()) else { return };
    let Some(last) = words.iter().rposition(|(c, _)| beside_unit(*c)) else { return };
    if words[last + 1..].iter().any(|(c, _)| beside_unit(*c) || *c == Col::Unit) {
        return;
    }
    // The run of at most two words ending the line's indicator (or
    // definition) text, a word space apart.
    let mut first = last;
    if first > 0 && words[first - 1].0 == words[last].0 && words[first].1.x0 - words[first - 1].1.x1 < column_gap(&words[first].1, positioned) {
        first -= 1;
    }
    let run = &words[first..=last];
    let em = if positioned { (unit.y1 - unit.y0).abs().max(1.0) } else { 1.0 };
    let overlaps = run[0].1.x0 < unit_end.x1 && run[run.len() - 1].1.x1 > unit.x0 && run[0].1.x0 >= unit.x0 - 2.0 * em;
    let apart = first == 0 || run[0].1.x0 - words[first - 1].1.x1 >= column_gap(&run[0].1, positioned);
    if overlaps && apart {
        for w in &mut words[first..=last] {
            w.0 = Col::Unit;
        }
    }
}

/// Names are printed left-aligned: every line of a URAIAN cell opens at
/// the column's left edge. A line that opens nearer the indicator
/// column's edge than the names' (a layout dump shifted it a few
/// characters left, so its short first word ends before the indicator
/// edge: "Net Death Rate (NDR)") opens an indicator: its words placed
/// with the names are the indicator's.
fn indicator_opening_right_of_the_names(words: &mut [(Col, Word)], cols: &Columns) {
    let Some(first) = words.first() else { return };
    if first.0 != Col::Node || first.1.x0 - cols.node_left <= cols.ind_left - first.1.x0 {
        return;
    }
    let mut k = 0;
    while k < words.len() && words[k].0 == Col::Node {
        words[k].0 = Col::Indicator;
        k += 1;
    }
}

/// The NO column is the table's first: a short word placed there after
/// node text on its line ("yang paripurna dan", a SASARAN STRATEGIS
/// column left of the node column in a layout dump, where "dan" reads as
/// numbering) is the node's.
fn no_numbering_after_node_text(words: &mut [(Col, Word)]) {
    let Some(first_node) = words.iter().position(|(c, _)| *c == Col::Node) else { return };
    for (c, _) in words[first_node + 1..].iter_mut() {
        if *c == Col::No {
            *c = Col::Node;
        }
    }
}

/// A plan with no SATUAN column may print each value with its unit
/// ("148.250 Ton", "45 Kelompok" / "Tani"), the pair centred in its cell:
/// the number then starts left of where the column's bare values do and
/// reads as the indicator's last word, or the unit ends right of the last
/// column and reads as a trailing column's. A number a word space before
/// a unit word, one of them placed in a value column and the pair centred
/// in it, are both that column's.
fn number_beside_its_unit(words: &mut [(Col, Word)], cols: &Columns, positioned: bool) {
    for j in 0..words.len().saturating_sub(1) {
        let (number, unit) = (&words[j].1, &words[j + 1].1);
        if !is_number_word(&number.text) || is_value_word(&unit.text) || !unit.text.chars().any(char::is_alphabetic) || unit.x0 - number.x1 >= column_gap(number, positioned) {
            continue;
        }
        // "62,5%" has its unit; a border between the two words parts two
        // cells, and an official's title opens the next one ("62,5%" |
        // "Kabid KB dan KS" in PENANGGUNG JAWAB, a dump printing them a
        // space apart).
        if number.text.ends_with('%') || !looks_like_unit(&unit.text) || cols.ruled_span(number).zip(cols.ruled_span(unit)).is_some_and(|(a, b)| a.0 != b.0) {
            continue;
        }
        let k = match (words[j].0, words[j + 1].0) {
            (Col::Value(a), Col::Value(b)) if a == b => continue,
            (Col::Value(k), _) | (_, Col::Value(k)) => k,
            _ => continue,
        };
        let centre = (number.x0 + unit.x1) / 2.0;
        let Some(&(left, right, _)) = cols.values.get(k) else { continue };
        if (left - cols.slack()..=right + cols.slack()).contains(&centre) {
            words[j].0 = Col::Value(k);
            words[j + 1].0 = Col::Value(k);
        }
    }
}

/// More than a word space: the gap between two cells' text.
fn column_gap(w: &Word, positioned: bool) -> f32 {
    if positioned {
        1.5 * (w.y1 - w.y0).abs().max(1.0)
    } else {
        3.0
    }
}

/// A row whose value cells are all blank (a plan printing nothing for a
/// year with no target, or a scan whose OCR dropped every lone "-") has no
/// value to anchor it: its line opens an indicator ("- Jumlah penyuluh
/// pertanian", bullet or not) beside a unit in SATUAN's column. Such a
/// line anchors a row of its own when no value is printed on it or on the
/// row's lines below it (up to the next anchor or the next indicator's
/// opening); otherwise its text joined the row above, which gave two
/// indicators one row's values.
fn anchor_rows_without_values(lines: &mut [Placed]) {
    // (Past its numbering: a bullet, "1)", "a." or a capital "C.", as
    // OCR reads a small c.)
    let opens = |l: &Placed| {
        let text = l.text_in(Col::Indicator);
        let words: Vec<&str> = text.split_whitespace().skip_while(|w| *w == "-" || is_list_bullet(w)).collect();
        let (_, rest) = strip_indicator_numbering(&text);
        let rest: Vec<&str> = rest.split_whitespace().collect();
        let capital_letter = |w: &str| w.len() == 2 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.ends_with(['.', ')']);
        opens_indicator(&words) || opens_indicator(&rest) || (words.first().is_some_and(|w| capital_letter(w)) && opens_indicator(&words[1..]))
    };
    // (Any word in a value column: a number cut at its cell's edge,
    // "12.450.0" / "00.000", is no value cell word.)
    let has_values = |l: &Placed| l.words.iter().any(|(c, _)| matches!(c, Col::Value(_) | Col::Budget));
    for i in 1..lines.len() {
        let l = &lines[i];
        let unit = l.words.iter().any(|(c, w)| *c == Col::Unit && is_unit_word(&w.text));
        if l.anchor || !unit || !opens(l) || has_values(l) {
            continue;
        }
        // (The row above must be one: a first row's line with no values
        // may be a header's or a title's.)
        if !lines[..i].iter().rev().take_while(|a| a.page == l.page).any(|a| a.anchor) {
            continue;
        }
        // (A row printed centred in its cell has its values on a line
        // below its opening, a line the row's own text continues on:
        // "1) Jumlah dokumen Propemperda yang" / "ditetapkan ... 1 - - - 1".)
        let next = lines.get(i + 1).filter(|b| b.page == l.page && b.pos - l.pos <= UNIT);
        if next.is_some_and(|b| b.anchor && has_values(b) && !opens(b)) {
            continue;
        }
        // (The row's lines: those that follow one another, a blank line
        // or the signature under the table ends them.)
        let mut last = l.pos;
        let below_blank = lines[i + 1..]
            .iter()
            .take_while(|b| {
                let next = b.page == l.page && !b.anchor && !opens(b) && b.pos - last <= UNIT;
                last = b.pos;
                next
            })
            .all(|b| !has_values(b));
        if below_blank {
            lines[i].anchor = true;
        }
    }
}

/// A row whose unit cell was lost (a "%" OCR read nothing from, a blank
/// SATUAN cell, a unit merged with the row above's) still prints its
/// values on one line: the target and TW IV and at least four value
/// cells, numbers or dashes, or a number target and all five cells, or
/// the same number in TARGET and TW IV alone. Such a line anchors a
/// row of its own when no unit word stands in the unit column on it or a
/// line either side (a unit printed a line off its values anchors the row
/// there); otherwise the row's text joins the next row's and takes its
/// values.
fn anchor_unitless_value_rows(lines: &mut [Placed], cols: &Columns) {
    if cols.values.len() < 5 {
        return;
    }
    // (An anchor near that holds a value in each of the cells this line
    // fills is a row of its own, the next indicator's under a SATUAN cell
    // merged over both: no unit of this line's values.)
    let unit_near = |lines: &[Placed], i: usize| {
        let pos = lines[i].pos;
        let cells: Vec<Col> = lines[i].words.iter().filter(|(c, w)| matches!(c, Col::Value(_)) && is_value_cell_word(&w.text)).map(|(c, _)| *c).collect();
        let own_values = |l: &Placed| !cells.is_empty() && cells.iter().all(|c| l.words.iter().any(|(d, w)| d == c && is_value_cell_word(&w.text)));
        lines.iter().filter(|l| (l.pos - pos).abs() <= UNIT).any(|l| l.anchor && !own_values(l))
    };
    // The leftmost of the target's and the quarters' columns.
    let first_slot = (0..5).map(|s| cols.slot(s)).min().unwrap_or(0);
    for i in 0..lines.len() {
        let l = &lines[i];
        if l.anchor || l.words.iter().any(|(c, _)| matches!(c, Col::Unit)) {
            continue;
        }
        // Filled by slot: 0 the target, 1 to 4 the quarters.
        let mut filled = [false; 5];
        for (s, f) in filled.iter_mut().enumerate() {
            *f = l.words.iter().any(|(c, w)| *c == Col::Value(cols.slot(s)) && is_value_cell_word(&w.text));
        }
        // (A scan's speck read as a point after a number, "40.", leaves
        // a number to doubt: the line is a row's all the same.)
        let speck_ended = |t: &str| t.strip_suffix('.').is_some_and(|n| !n.ends_with('.') && is_number_word(n));
        let numbers_at = |s: usize| l.words.iter().any(|(c, w)| *c == Col::Value(cols.slot(s)) && (is_number_word(&w.text) || is_doubted_number(&w.text) || is_bound(&w.text) || speck_ended(&w.text)));
        // A plan with no SATUAN column anchors its rows of word targets
        // too ("Tersedia" in every quarter, "Baik" ... "Baik").
        let word_targets = || cols.has_word_target(&l.words.iter().map(|(_, w)| w.clone()).collect::<Vec<Word>>());
        // (Every cell filled, TW IV may be a dash: an incremental row whose
        // last quarters are nil, "2 2 - - -".)
        // A year-end target printed in TARGET and TW IV alone, the quarters
        // blank ("58,75" .. "58,75"), is a row's too.
        let text_at = |s: usize| l.words.iter().find(|(c, _)| *c == Col::Value(cols.slot(s))).map(|(_, w)| w.text.as_str());
        let held = filled == [true, false, false, false, true] && numbers_at(0) && text_at(0) == text_at(4);
        // A target and the first quarters that add up to it ("210" / "150"
        // / "60"), the last quarters' dashes lost (a scan's OCR drops a
        // lone dash), are a row's too.
        let number_in = |s: usize| l.words.iter().find(|(c, w)| *c == Col::Value(cols.slot(s)) && is_number_word(&w.text)).and_then(|(_, w)| parse_value(&w.text).as_f64());
        let adds_up = || {
            let quarters: Vec<f64> = (1..5).map_while(number_in).collect();
            let target = number_in(0);
            quarters.len() >= 2 && (1..5).filter(|&k| filled[k]).count() == quarters.len() && target.is_some_and(|t| t > 0.0 && (quarters.iter().sum::<f64>() - t).abs() < 1e-6)
        };
        // A "-" in each of the five cells is a row's too, one with no
        // target this year (gen110: its unit wrapped beside the dashes).
        let all_dashes = filled.iter().all(|f| *f) && l.words.iter().filter(|(c, _)| matches!(c, Col::Value(_))).all(|(_, w)| w.text == "-");
        // A number in a column printed before the target and quarters (a
        // baseline, KONDISI AWAL) is one more of the row's cells, though
        // no target: "12  175  -  7,5  10?", TW I's and TW IV's dashes
        // lost to OCR.
        let baseline_number = cols.slots.is_some() && l.words.iter().any(|(c, w)| matches!(c, Col::Value(k) if *k < first_slot) && is_number_word(&w.text));
        let cells = filled.iter().filter(|f| **f).count() + usize::from(baseline_number);
        let numbers = held || all_dashes || (numbers_at(0) && ((cells >= 4 && (numbers_at(4) || baseline_number)) || filled.iter().all(|f| *f) || adds_up()));
        // Words under a number in each of their cells, on the lines just
        // below it, are the numbers' unit wrapped ("312" / "Kelompok" /
        // "Tani"), no word target.
        let units_of_line_above = || {
            let columns: Vec<usize> = l.words.iter().filter_map(|(c, _)| if let Col::Value(k) = c { Some(*k) } else { None }).collect();
            let mut h = i;
            while h > 0 && lines[h - 1].page == l.page && lines[h].pos - lines[h - 1].pos <= UNIT {
                h -= 1;
                let above = &lines[h];
                let holds = |k: &usize, number: bool| above.words.iter().any(|(c, w)| *c == Col::Value(*k) && (!number || is_number_word(&w.text)));
                if above.anchor {
                    return columns.iter().all(|k| holds(k, true));
                }
                if !columns.iter().all(|k| holds(k, false)) {
                    return false;
                }
            }
            false
        };
        // (With no unit column, an anchor on the line next to it is the
        // row above's: no unit of this row's wrapped there.)
        if (numbers || (cols.unitless && word_targets() && !units_of_line_above())) && (cols.unitless || !unit_near(lines, i)) {
            lines[i].anchor = true;
        }
    }
}

/// A word that fills a value cell: a value, or a number OCR doubted ("74?",
/// no value to give out, but a value cell all the same); a lone "%" is the
/// tail of one, not a cell.
fn is_value_cell_word(w: &str) -> bool {
    w != "%" && (is_value_word(w) || is_doubted_number(w))
}

/// A value word, or a lone '%' that closes a wrapped value.
fn is_value_word(w: &str) -> bool {
    w == "-" || w == "%" || is_readable(w)
}

/// On an anchor line whose values were placed by their order (`idx`, one
/// a column): the words after the last column's number that are neither a
/// value nor a unit open the text column after the values. A dump that
/// squeezes a row's numbers left ("8.750 Kepala Dinas", gen154's narrow
/// quarter columns) puts PENANGGUNG JAWAB's first word over TW IV, where
/// it made the value unreadable.
fn first_text_after_the_values(words: &mut [(Col, Word)], idx: &[usize], cols: &Columns) {
    let (Some(&last), false) = (idx.last(), cols.trailing.is_empty()) else { return };
    if !words[last].1.text.chars().any(|c| c.is_ascii_digit()) {
        return;
    }
    let last_column = Col::Value(cols.values.len() - 1);
    for (col, w) in words[last + 1..].iter_mut() {
        if *col != last_column || is_value_word(&w.text) || is_unit_word(&w.text) {
            break;
        }
        *col = Col::Trailing(0);
    }
}

fn is_number_word(w: &str) -> bool {
    matches!(parse_value(w), Value::Number(_))
}

/// What a NO cell may hold: "1", "1.2.1", "a.", "II", or a number OCR
/// misread ("ah", "ET"); not a level word opening a label, a function word
/// ("dan", "di", "ke": node text, never a misread number), nor a word of
/// four letters or more: node text printed a character into the NO column
/// ("1.2.1 Program 2" closed up by a layout dump, a page shifted left).
fn is_row_numbering(w: &str) -> bool {
    let level_word = ["sub", "sub.", "su"].iter().any(|l| w.eq_ignore_ascii_case(l)) || parse_label(&format!("{w} 1")).is_some_and(|l| l.code.is_none());
    let roman = w.trim_end_matches(['.', ')']).chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    !level_word && (roman || (letters < 4 && !(letters > 0 && is_function_word(w))))
}

/// "1." or "2)": the numbering that opens an indicator.
fn is_indicator_numbering(w: &str) -> bool {
    let digits = w.trim_end_matches(['.', ')']);
    // "2.", "12)", or a small letter: "b." (indicators lettered a, b, c).
    is_letter_numbering(w) || (w.len() > digits.len() && (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()))
}

/// A word that can be a unit: "%" too, though it also closes wrapped
/// values. A full stop or colon after it is a speck OCR read ("Hektar.",
/// "Unit:"); "NIP" opens a signatory's number line, whose digits are no
/// targets.
fn is_unit_word(w: &str) -> bool {
    let word = w.strip_suffix(['.', ':']).filter(|s| !s.is_empty()).unwrap_or(w);
    w == "%" || crate::parse::unit::is_percent_misread(w) || (!is_value_word(w) && looks_like_unit(word) && !word.eq_ignore_ascii_case("NIP"))
}

/// "per 100.000 KH", "per 1.000 penduduk": a number after "per" is the
/// base of a rate, part of a unit (or of an indicator's text), never a
/// target.
fn is_rate_base(words: &[Word], i: usize) -> bool {
    i >= 1 && words[i - 1].text.eq_ignore_ascii_case("per") && is_number_word(&words[i].text)
}

/// The unit word's index and the value words' indices of an anchor line.
fn anchor_in(words: &[Word]) -> Option<(usize, Vec<usize>)> {
    // The longest run of values on the line, the first of equally long
    // ones: an indicator numbered "IKU 1" before its text reads like a
    // unit and one target, the row's unit and targets come after it.
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut from = 1;
    while let Some((u, run)) = first_anchor_from(words, from) {
        from = run.last().map_or(u + 2, |&j| j + 1);
        if best.as_ref().is_none_or(|b| run.len() > b.1.len()) {
            best = Some((u, run));
        }
    }
    best
}

/// [`anchor_in`] of a line's words but those whose centre lies in one of
/// `spans`, as indices into the whole line.
fn anchor_outside(words: &[Word], spans: &[(f32, f32)]) -> Option<(usize, Vec<usize>)> {
    if spans.is_empty() {
        return anchor_in(words);
    }
    let kept: Vec<usize> = (0..words.len())
        .filter(|&j| {
            let centre = (words[j].x0 + words[j].x1) / 2.0;
            !spans.iter().any(|&(l, r)| centre > l && centre < r)
        })
        .collect();
    let outside: Vec<Word> = kept.iter().map(|&j| words[j].clone()).collect();
    anchor_in(&outside).map(|(u, v)| (kept[u], v.into_iter().map(|j| kept[j]).collect()))
}

/// On a page with no SATUAN column, whose cells print their unit after
/// each value ("1.250 Jiwa  500 Jiwa  350 Jiwa", gen151, gen79): the
/// longest run of three values or more, each but the last maybe followed
/// by one unit word, the same after two values at least, as
/// [`anchor_in`] gives it (the word before the run, the values' indices,
/// the unit words left out). None where no unit follows two values:
/// [`anchor_in`] reads such a line.
fn anchor_with_units_in_values(words: &[Word]) -> Option<(usize, Vec<usize>)> {
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut i = 1;
    while i < words.len() {
        if !is_value_word(&words[i].text) || words[i].text == "%" {
            i += 1;
            continue;
        }
        let (mut run, mut unit, mut units) = (Vec::new(), None::<&str>, 0);
        let mut j = i;
        while j < words.len() && is_value_word(&words[j].text) {
            run.push(j);
            j += 1;
            let Some(next) = words.get(j) else { break };
            if !is_value_word(&next.text) && is_unit_word(&next.text) && unit.is_none_or(|u| u == next.text) {
                unit = Some(next.text.as_str());
                units += 1;
                j += 1;
            }
        }
        if run.len() >= 3 && units >= 2 && best.as_ref().is_none_or(|b| run.len() > b.1.len()) {
            best = Some((i - 1, run));
        }
        i = j.max(i + 1);
    }
    best
}

/// The first unit and its run of values at or after word `from` (the
/// unit's index plus one).
fn first_anchor_from(words: &[Word], from: usize) -> Option<(usize, Vec<usize>)> {
    for i in from.max(1)..words.len() {
        let unit = &words[i - 1].text;
        if is_rate_base(words, i) {
            continue;
        }
        if !(is_unit_word(unit) || is_rate_base(words, i - 1)) || !is_value_word(&words[i].text) || words[i].text == "%" {
            continue;
        }
        let run: Vec<usize> = (i..words.len()).take_while(|&j| is_value_word(&words[j].text)).collect();
        let numbers = run.iter().filter(|&&j| is_number_word(&words[j].text)).count();
        // "PROGRAM 1" is a label, not a unit and a target.
        if parse_label(&format!("{unit} {}", words[i].text)).is_some() {
            continue;
        }
        // A dash is a blank cell, no grade: "Unit - 400 550 300 1.250", TW
        // I blank. (Not after a unit that follows a value: a plan printing
        // units in its value cells, "52,35 Ku/Ha - - - 52,35 Ku/Ha", has no
        // SATUAN word before its values.)
        let unit_of_a_value = i >= 2 && is_value_word(&words[i - 2].text);
        let first_is_grade = !is_number_word(&words[i].text) && (words[i].text != "-" || unit_of_a_value);
        // "minimal B %" then numbers: the grade is text, not the run.
        if first_is_grade && numbers > 0 {
            continue;
        }
        if run.len() >= 2 || (numbers == 1 && parse_label(&format!("{unit} {}", words[i].text)).is_none()) {
            return Some((i - 1, run));
        }
    }
    None
}

/// Words only a header has, counting those cut at a narrow cell's edge
/// ("SATUA", "TARGE"), whose tails the lines under them hold.
fn core_words_or_cut(words: &[&str]) -> usize {
    words.iter().filter(|w| is_core_header_word(w) || is_cut_core_word(w)).count()
}

/// A line of three or more column numbers in parentheses, and nothing else.
fn is_column_number_line(words: &[&str]) -> bool {
    words.len() >= 3 && words.iter().all(|w| is_column_number(w))
}

fn line_words(page: &Page, i: usize) -> Vec<&str> {
    page.lines[i].words.iter().map(|w| w.text.as_str()).collect()
}

/// Lines of one page split into parts.
struct PageParts<'a> {
    page: &'a Page,
    header: Vec<usize>,
    title: Vec<usize>,
    body: Vec<usize>,
}

/// Finds the header band(s) of a page: runs of header-only lines holding
/// at least two words only a header has.
fn header_lines(page: &Page) -> Vec<usize> {
    // The table's top border: the highest ruling across much of the page.
    let table_top = page.rulings.iter().filter(|r| r.is_horizontal() && (r.x1 - r.x0).abs() >= 0.4 * page.width).map(|r| r.y0.min(r.y1)).min_by(f32::total_cmp);
    let mut out = Vec::new();
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let mut j = i;
        let mut core = 0;
        while j < n {
            let words: Vec<&str> = page.lines[j].words.iter().map(|w| w.text.as_str()).collect();
            let continues = j > i && is_misread_header_tail(&words);
            if !is_header_line(&words) && !is_misread_header_line(&words) && !continues && !is_header_line_among_remnants(&words) {
                // A line between two header lines is the header's: a cell
                // printed over the header (see `lines_overlaid_on_header`;
                // a layout dump puts its lines between the header's) or a
                // header line read as none. The header goes on after it,
                // if the next line names a column or holds three header
                // words (a body line of header words only, "PROGRAM",
                // does not).
                let next_is_header = j + 1 < n && j > i && {
                    let next: Vec<&str> = page.lines[j + 1].words.iter().map(|w| w.text.as_str()).collect();
                    (is_header_line(&next) || is_misread_header_line(&next)) && (core_words_or_cut(&next) >= 1 || next.len() >= 3)
                };
                if next_is_header {
                    j += 1;
                    continue;
                }
                break;
            }
            core += core_words_or_cut(&words);
            j += 1;
        }
        if j > i && core >= 2 {
            // A title line of header words only ("TAHUN ANGGARAN 2026")
            // just above a drawn table is no part of its header: it stands
            // above the table's top border.
            let mut from = i;
            // Without borders, the title's year line ("TAHUN ANGGARAN
            // 2027") opening the run is the title's too, as the flow
            // readers take it (its ANGGARAN named the target a budget).
            while from + 1 < j
                && core_words(&line_words(page, from)) == 0
                && (table_top.is_some_and(|top| page.lines[from].words.iter().all(|w| w.y1 <= top)) || (from == i && is_title_year_line(&line_words(page, from))))
            {
                from += 1;
            }
            out.extend(from..j);
            i = j;
        } else {
            i += 1;
        }
    }
    // The column numbers under a header ("(1) (2) ... (12)") are no body
    // line, whether or not the header line above them was read as one
    // (OCR reads "TW.II" as "Tw.ll"): left in the body, they opened the
    // first row's cells ("(3) Indeks Risiko ...").
    // Lines between a header and its column numbers that hold no number
    // are the header's too (a quarter's line OCR misread).
    for k in 0..n {
        if out.contains(&k) || !is_column_number_line(&line_words(page, k)) {
            continue;
        }
        out.push(k);
        if let Some(&h) = out.iter().filter(|&&h| h < k).max() {
            if k - h <= 3 && (h + 1..k).all(|m| numbers_not_header_words(&line_words(page, m)).is_empty()) {
                out.extend(h + 1..k);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Lines printed within a header's height, between or beside its lines,
/// that are no header lines: a spreadsheet draws a merged cell cut by a
/// page break again at the top of the next page, over the repeated header
/// ("Sub Kegiatan 4." / "Pemeliharaan Rutin Jalan" among "TUJUAN/SASARAN/
/// PROGRAM/" and "KEGIATAN/SUB KEGIATAN"). The cell's rows were read on
/// the page before; read again, they would open a node of their own.
/// The header's lines are taken in groups at most two lines apart.
fn lines_overlaid_on_header(page: &Page, header: &[usize]) -> Vec<usize> {
    let extent = |k: usize| {
        let ws = &page.lines[k].words;
        (ws.iter().map(|w| w.y0).fold(f32::MAX, f32::min), ws.iter().map(|w| w.y1).fold(f32::MIN, f32::max))
    };
    let mut out = Vec::new();
    let mut g = 0;
    while g < header.len() {
        let mut e = g;
        while e + 1 < header.len() && header[e + 1] - header[e] <= 3 {
            e += 1;
        }
        if e > g {
            let (top, bottom) = header[g..=e].iter().map(|&k| extent(k)).fold((f32::MAX, f32::MIN), |(t, b), (y0, y1)| (t.min(y0), b.max(y1)));
            let from = header[g].saturating_sub(2);
            let to = (header[e] + 2).min(page.lines.len() - 1);
            for k in from..=to {
                let (y0, y1) = extent(k);
                if !header.contains(&k) && !page.lines[k].words.is_empty() && (y0 + y1) / 2.0 > top && (y0 + y1) / 2.0 < bottom {
                    out.push(k);
                }
            }
        }
        g = e + 1;
    }
    out
}

/// A header line with words that are no header words, as OCR reads one
/// ("wi" for "TW I", "WI" for "TW II", "Irarcer" for "TARGET"): three words
/// only a header has, no number, and the unknown words at most a third of
/// the line; a header word misread by one letter ("Tanun", "Triwuta") or
/// cut ("ARGET") is no unknown word, and with none unknown two words only
/// a header has will do. A body line never names three columns, and one
/// that mentions them ("Persentase satuan pendidikan yang mencapai target
/// indikator") is mostly other words.
fn is_misread_header_line(words: &[&str]) -> bool {
    // The cheap tests first: this is asked of every line of a page.
    let core = core_words_or_cut(words);
    if core < 2 {
        return false;
    }
    // No number, but for a speck at the page's edge read as "1": no value
    // of a body row.
    let numbers_allowed = match numbers_not_header_words(words).as_slice() {
        [] => true,
        [n] => n.len() == 1,
        _ => false,
    };
    let unknown = not_header_words(words);
    // Two core words are enough when every other word is a header word,
    // misread or not ("URAIAN ARGET TW TWIV PENANGGUNG"), as for a header
    // line read right.
    numbers_allowed && if core >= 3 { unknown * 3 <= words.len() } else { unknown == 0 }
}

/// A header line whose words are header words but for the remnants of
/// the borders between them and the cuts of long words: the first line
/// of a header that prints only its two-line cells' first lines ("TARGET
/// ... PENANGGUNG"), read on a scan as "I TARGET I I II 1? PENANGGU NG".
/// Each word is a header word, misread by a letter or cut, a stroke
/// remnant ("I", "1?", "|"), or the rest of the word before it ("NG");
/// one at least names a column only a header names. (Left out, the line
/// went to the first row: "TARGET92,5".)
fn is_header_line_among_remnants(words: &[&str]) -> bool {
    let remnant = |w: &str| w.len() <= 3 && w.chars().all(|c| matches!(c, 'I' | 'l' | '|' | '!' | '1' | '?'));
    let fits = |i: usize| {
        let w = words[i];
        is_header_word(w) || is_misread_header_word(w) || remnant(w) || (i > 0 && completes_header_word(words[i - 1], w))
    };
    core_words(words) >= 1 && (0..words.len()).all(fits)
}

/// The words that read as numbers and are no header words (a year is one).
fn numbers_not_header_words<'a>(words: &[&'a str]) -> Vec<&'a str> {
    words.iter().copied().filter(|w| matches!(parse_value(w), Value::Number(_)) && !is_header_word(w)).collect()
}

/// The next line of a header band with a word misread ("KINERJA I \" 1?
/// IV JAWAB" for "KINERJA I II III IV JAWAB"): the rest are header words,
/// the unknown ones at most a quarter of the line, and none a number. The
/// band's lines above name the columns, so the line need not.
fn is_misread_header_tail(words: &[&str]) -> bool {
    // "SUB" of a URAIAN header naming its levels ("... KEGIATAN / SUB
    // KEGIATAN"), in capitals as headers print it, is no unknown word.
    // "TAHUNAN" under "TARGET" ("TARGET TAHUNAN", the year's target) is no
    // unknown word either. (Not a header word everywhere: made one, it
    // changed how gen86's mutool dump names its columns, for the worse.)
    let unknown = words.iter().filter(|w| !(is_header_word(w) || **w == "SUB" || **w == "SUB/" || squash(w) == "TAHUNAN")).count();
    (words.len() >= 2 && unknown * 4 <= words.len() && numbers_not_header_words(words).is_empty())
        || is_line_of_quarter_numerals(words)
        || is_misread_core_line(words)
        || is_line_of_quarter_numbers(words)
}

/// The quarters' numbers under a header line's "TRW" / "TW" ("TAHUN 1 2 3
/// 4"): "1" to "4" in order, with header words only beside them. A body
/// line under a header opens a row's text or holds its unit beside the
/// numbers.
fn is_line_of_quarter_numbers(words: &[&str]) -> bool {
    let numbers: Vec<&str> = words.iter().copied().filter(|w| !is_header_word(w)).collect();
    numbers == ["1", "2", "3", "4"]
}

/// Under a header line, a line naming two columns only a header names
/// with a third of its words misread ("INDIKATOR KINERJA I SATUAN |T/ 2026
/// 1? Twit I Twill JAWAB"), and no number.
fn is_misread_core_line(words: &[&str]) -> bool {
    core_words(words) >= 2
        && numbers_not_header_words(words).is_empty()
        && not_header_words(words) * 3 <= words.len()
}

/// How many words are no header word, as printed or misread by a letter.
fn not_header_words(words: &[&str]) -> usize {
    words.iter().filter(|w| !is_header_word(w) && !is_misread_header_word(w)).count()
}

/// The quarters' numerals left of a header whose "TW" / "Triwulan" went to
/// the line above, one or more misread as strokes ("I UI IV" for "I III
/// IV"): two words or more, each of stroke-shaped letters only, one a
/// numeral as printed. With two numerals as printed, one more word may be
/// misread past that ("1? I ul I IV"), so long as it is short and no
/// number. No body line is made of them alone.
fn is_line_of_quarter_numerals(words: &[&str]) -> bool {
    let stroke_shaped = |w: &&str| w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'U' | 'u' | 'l' | '|' | '!'));
    let numerals = words.iter().filter(|w| matches!(**w, "I" | "II" | "III" | "IV")).count();
    let odd: Vec<&&str> = words.iter().filter(|w| !stroke_shaped(w)).collect();
    let odd_allowed = match odd.as_slice() {
        [] => true,
        [w] => numerals >= 2 && w.chars().count() <= 3 && !matches!(parse_value(w), Value::Number(_)),
        _ => false,
    };
    words.len() >= 2 && numerals >= 1 && odd_allowed
}

/// A header's words and where they start, to find it again on later pages.
type HeaderTemplate = Vec<(String, f32)>;

fn header_template(page: &Page, header: &[usize]) -> HeaderTemplate {
    header.iter().flat_map(|&i| page.lines[i].words.iter().map(|w| (w.text.clone(), w.x0))).collect()
}

/// Whether a word is one of the template's where the template prints it
/// (the same text, its left edge within three points or characters).
fn in_template_place(w: &Word, template: &HeaderTemplate) -> bool {
    template.iter().any(|(t, x)| *t == w.text && (x - w.x0).abs() <= 3.0)
}

/// A later page's lines that print two words or more of the first page's
/// header where that header printed them ("TW-1", "TW-2" at their x): the
/// header repeated, with a merged cell cut by the page break drawn on the
/// same lines ("Bahan Habis Pakai, Bahan Medis" beside "TARGET"), which
/// no header-line test takes. Looked for among a page's first lines. Only
/// words with a letter, years and column numbers ("(3)") count: a row's values stand where the
/// header's quarter numbers do ("4 1 2 3 4" under "1 2 3 4"), and a row
/// printed under the header would be taken for it (gen34's split row, its
/// values then given to the row after it).
fn lines_of_repeated_header(page: &Page, template: &HeaderTemplate) -> Vec<usize> {
    (0..page.lines.len().min(16))
        .filter(|&i| {
            let in_place = |w: &Word| (w.text.chars().any(char::is_alphabetic) || is_plan_year(&w.text) || is_column_number(&w.text)) && in_template_place(w, template);
            let matched = page.lines[i].words.iter().filter(|w| in_place(w)).count();
            matched >= 2
        })
        .collect()
}

/// Each page's header, title and body lines; later pages' headers are
/// also told by the first header's words in place (see
/// [`lines_of_repeated_header`]).
fn split_pages(pages: &[Page]) -> Vec<PageParts<'_>> {
    let mut parts: Vec<PageParts> = Vec::with_capacity(pages.len());
    let mut template: Option<HeaderTemplate> = None;
    for (i, p) in pages.iter().enumerate() {
        let part = split_page(p, i == 0, template.as_ref());
        if template.is_none() && !part.header.is_empty() {
            template = Some(header_template(part.page, &part.header));
        }
        parts.push(part);
    }
    parts
}

fn split_page<'a>(page: &'a Page, first: bool, template: Option<&HeaderTemplate>) -> PageParts<'a> {
    let mut header = header_lines(page);
    // The page's own header may be printed twice, over each of its tables
    // (one table per sasaran); the copy above the one told, which OCR may
    // read too poorly to tell ("IN DIKATOR", "Daun" for TAHUN, gen152's
    // scan), is found by its words in place, as a later page's is. Its
    // table's rows are then no title.
    if template.is_none() && !header.is_empty() {
        let own = header_template(page, &header);
        // (Three header words in place at least: a title line above the
        // header may print "TAHUN 2027" where the header does, gen18.)
        let words_in_place = |i: usize| page.lines[i].words.iter().filter(|w| w.text.chars().any(char::is_alphabetic) && in_template_place(w, &own)).count();
        let above: Vec<usize> = lines_of_repeated_header(page, &own).into_iter().filter(|&i| i < header[0] && words_in_place(i) >= 3).collect();
        header.extend(above);
        header.sort_unstable();
        header.dedup();
    }
    if let Some(t) = template {
        header.extend(lines_of_repeated_header(page, t));
        header.sort_unstable();
        header.dedup();
    }
    let overlaid = lines_overlaid_on_header(page, &header);
    header.extend(overlaid);
    header.sort_unstable();
    header.dedup();
    let start = header.first().copied();
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        for &h in &header {
            eprintln!("header line {h}: {:?}", line_words(page, h));
        }
    }
    let mut title = Vec::new();
    let mut body = Vec::new();
    for i in 0..page.lines.len() {
        if header.contains(&i) || page.lines[i].is_blank() {
            continue;
        }
        match start {
            Some(s) if i < s && first => title.push(i),
            // Above a later page's repeated header stand the page's
            // running head and what a spreadsheet draws again of a merged
            // cell cut by the page break ("Sub Kegiatan 4."): no row.
            Some(s) if i < s => {}
            _ => body.push(i),
        }
    }
    PageParts { page, header, title, body }
}

/// The most common left edge among `xs` (clustered within `tol`).
fn peak(xs: &[f32], tol: f32) -> Option<f32> {
    let mut sorted = xs.to_vec();
    sorted.sort_by(f32::total_cmp);
    let mut best: Option<(usize, f32)> = None;
    let mut i = 0;
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|&&x| x - sorted[i] <= tol).count();
        if best.is_none_or(|(n, _)| j > n) {
            best = Some((j, sorted[i]));
        }
        i += 1;
    }
    best.map(|(_, x)| x)
}

/// Measures the columns of one page from its body lines.
fn measure(page: &Page, header: &[usize], body: &[usize], n_values: usize, n_trailing: usize, tol: f32, prev: Option<&Columns>) -> Option<Columns> {
    // Strong anchors (three targets or more) fix the columns; weaker ones
    // ("Predikat A A") are recognised afterwards by position.
    // (On an unruled page, without the words under the header's money
    // columns among the values: "Unit 2 Rp 2.850.000.000 - 1 1 -" is a
    // unit and five values.)
    let money = if vertical_borders(page).is_empty() { column_order::money_header_spans(page, header, page.width > 0.0, n_values) } else { Vec::new() };
    let anchors: Vec<(usize, usize, Vec<usize>)> = body
        .iter()
        .filter_map(|&i| anchor_outside(&page.lines[i].words, &money).map(|(u, v)| (i, u, v)))
        .filter(|a| a.2.iter().filter(|&&j| page.lines[a.0].words[j].text != "%").count() >= 3)
        .collect();
    if anchors.is_empty() {
        return prev.cloned().map(|p| Columns { money, ..p });
    }
    // A page with few rows measures its text columns poorly: it keeps the
    // last page's, but its targets are measured (a dump shifts them).
    let thin = anchors.len() < 3 && prev.is_some();
    let word = |i: usize, j: usize| &page.lines[i].words[j];
    let k = n_values.max(1);
    let complete: Vec<&(usize, usize, Vec<usize>)> = anchors.iter().filter(|a| a.2.len() == k).collect();
    let complete = if complete.is_empty() {
        let most = anchors.iter().map(|a| a.2.len()).max().unwrap_or(1);
        anchors.iter().filter(|a| a.2.len() == most).collect()
    } else {
        complete
    };
    let budget_spans = if budget_among_values(page, header, k) { Vec::new() } else { budget_header_spans(page, header) };
    let complete = outside_budget_header(complete, &budget_spans, |i, j| word(i, j));
    let complete = agreeing_anchors(complete, |i, j| word(i, j));
    let width = complete[0].2.len();
    let mut values = Vec::new();
    for c in 0..width {
        let ws: Vec<&Word> = complete.iter().map(|a| word(a.0, a.2[c])).collect();
        let left = ws.iter().map(|w| w.x0).fold(f32::MAX, f32::min);
        let right = ws.iter().map(|w| w.x1).fold(f32::MIN, f32::max);
        let centre = ws.iter().map(|w| (w.x0 + w.x1) / 2.0).sum::<f32>() / ws.len() as f32;
        values.push((left, right, centre));
    }
    // Right-aligned numbers end at one edge per column while their
    // centres move with their widths; centred ones keep their centres.
    // (Deviations from the median: a dump moves a word by a character
    // now and then.)
    let deviation = |xs: Vec<f32>| {
        let mut xs = xs;
        xs.sort_by(f32::total_cmp);
        let m = xs[xs.len() / 2];
        xs.iter().map(|x| (x - m).abs()).sum::<f32>() / xs.len() as f32
    };
    let (mut centre_dev, mut right_dev) = (0.0f32, 0.0f32);
    for c in 0..width {
        centre_dev += deviation(complete.iter().map(|a| (word(a.0, a.2[c]).x0 + word(a.0, a.2[c]).x1) / 2.0).collect());
        right_dev += deviation(complete.iter().map(|a| word(a.0, a.2[c]).x1).collect());
    }
    // A PDF places glyphs exactly: right edges agree to a fraction of a
    // point. A layout dump moves words by a character either way, so its
    // right edges only deviate clearly less than its centres, and the
    // centres must move by a character a column.
    let right_aligned = width >= 3
        && complete.len() >= 3
        && if page.width > 0.0 {
            centre_dev >= tol && right_dev < centre_dev * 0.2
        } else {
            let (ending_together, centred) = alignment_votes(&(0..width).map(|c| complete.iter().map(|a| word(a.0, a.2[c])).collect::<Vec<_>>()).collect::<Vec<_>>());
            // (A page with a few rows, the plan's last, tells little: it
            // keeps the page before's right alignment unless its numbers
            // say otherwise, gen139.)
            let as_the_page_before = prev.is_some_and(|p| p.right_aligned) && ending_together >= centred;
            (centre_dev >= width as f32 * tol && right_dev < centre_dev * 0.75) || shows_right_alignment(ending_together, centred) || as_the_page_before
        };
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("value edges deviation: centre {centre_dev} right {right_dev} over {} anchors", complete.len());
    }
    if let Some(filled) = prev.and_then(|p| columns_filled_from(&values, &p.values, k, tol)) {
        values = filled;
    }
    let unit_xs: Vec<f32> = anchors.iter().map(|a| word(a.0, a.1).x0).collect();
    let unit_left = peak(&unit_xs, tol).unwrap_or(unit_xs[0]);
    // A header that names no SATUAN column (the unit typed in the cells,
    // "100%"): the words before the targets are the indicator's, and the
    // unit column has no width, at the target column's edge.
    let unitless = names_no_unit_column(page, header) || prev.is_some_and(|p| p.unitless && header.is_empty());
    let unit_left = match values.first() {
        Some(first) if unitless => first.0 - tol,
        _ => unit_left,
    };
    // A header naming a KODE column prints the codes ("3.31.02.2.01")
    // in a column of their own, left of URAIAN: a label read with its code
    // starts at its label word there (a long code pushes it right, and
    // the code's edge is no node edge).
    let code_column = names_code_column(page, header);
    let label_x: Vec<f32> = body
        .iter()
        .flat_map(|&i| {
            let ws = &page.lines[i].words;
            (0..ws.len())
                // (A NO column's numbering opens a label too, "1.1.1 Program 1": the label's edge is its level word's.)
                .filter(move |&j| j <= 1 && !(code_column && is_row_numbering(&ws[j].text)) && !is_hierarchical_numbering(&ws[j].text) && parse_label(&line_from(ws, j)).is_some())
                .map(move |j| ws[j].x0)
        })
        .filter(|&x| x < unit_left)
        .collect();
    // The leftmost edge two labels or more start at: a plan may print
    // URAIAN as a column per level, programs left of their kegiatan
    // (gen71, "Program 1 ..." | "Kegiatan 1.1 ..."), and a plan indenting
    // its levels starts its nodes at the outermost.
    let leftmost_shared = || {
        let mut xs = label_x.clone();
        xs.sort_by(f32::total_cmp);
        (0..xs.len()).find(|&i| xs[i + 1..].first().is_some_and(|x| x - xs[i] <= tol)).map(|i| xs[i])
    };
    let node_left = leftmost_shared().or_else(|| peak(&label_x, tol)).or(prev.map(|p| p.node_left)).unwrap_or_else(|| {
        body.iter().filter_map(|&i| page.lines[i].words.first()).map(|w| w.x0).fold(f32::MAX, f32::min)
    });
    // The indicator column: where most lines start a word between the node
    // column and the unit column. Past the edge most labels start at, too:
    // in a layout dump a row numbered "10" pushes its label two characters
    // right of a row numbered "6", and the node column's lines start at
    // the one or the other.
    let node_text_left = peak(&label_x, tol).map_or(node_left, |x| x.max(node_left));
    let mut starts = Vec::new();
    // The starts of words a column gap after the word before them: a
    // cell's first words.
    let mut cell_starts = Vec::new();
    for &i in body {
        let words = &page.lines[i].words;
        // The words of a label ("Sub Kegiatan 3") line up from row to row
        // too; they are no column edge.
        let skip = label_word_count(words);
        for (j, w) in words.iter().enumerate().skip(skip) {
            if w.x0 > node_text_left + tol * 3.0 && w.x0 < unit_left - tol {
                starts.push(w.x0);
                if j == 0 || w.x0 - words[j - 1].x1 >= column_gap(w, page.width > 0.0) {
                    cell_starts.push(w.x0);
                }
            }
        }
    }
    // A definition column between INDIKATOR and SATUAN (FORMULA / CARA
    // PENGHITUNGAN): its lines start a word between the indicator's header
    // and its own, as the indicator's lines do left of it; the two edges
    // part the starts.
    let definition_left = definition_header(page, header, node_left, unit_left).and_then(|(ind_end, def_x0)| {
        // An INDIKATOR KINERJA centred over a group of three columns
        // ("Uraian", "Formula", "Satuan" under it, gen111) ends right of
        // where the definitions start: the window then opens a few
        // characters past the indicators' own edge, and only the cells'
        // first words count (many indicators open "Jumlah ", and their
        // second words line up too).
        let ind_edge = peak(&starts.iter().copied().filter(|&x| x < def_x0).collect::<Vec<f32>>(), tol);
        let (lo, from) = match ind_edge {
            Some(e) if e + tol * 5.0 < ind_end => (e + tol * 5.0, &cell_starts),
            _ => (ind_end, &starts),
        };
        let between: Vec<f32> = from.iter().copied().filter(|&x| x > lo && x <= def_x0 + tol).collect();
        let edge = peak(&between, tol)?;
        if page.width > 0.0 {
            return Some(edge);
        }
        // A layout dump lays each line out by its own words: the column's
        // lines start at its edge on some lines and a character or two
        // right of it on others (gen118: 62 and 64; gen147 squeezes a
        // row's dense first line four characters left, 95 and 99). Its
        // edge is the leftmost start so printed twice or more, within
        // that jitter; the peak alone left those lines' first words in
        // the indicator. (gen127 pays for the wider jitter: one
        // indicator's last word, "dana", printed twice at the edge's
        // reach, goes to the definition.)
        const JITTER: f32 = 4.5;
        let count = |x: f32| between.iter().filter(|&&y| (y - x).abs() < 0.5).count();
        Some(between.iter().copied().filter(|&x| x < edge && x >= edge - JITTER && count(x) >= 2).fold(edge, f32::min))
    });
    if let Some(d) = definition_left {
        starts.retain(|&x| x < d - tol * 4.0);
    }
    let definition_left = definition_left.or(prev.and_then(|p| p.definition_left));
    let ind_left = peak(&starts, tol).or(prev.map(|p| p.ind_left)).unwrap_or((node_left + unit_left) / 2.0);
    let last_right = values.last().map(|v| v.1).unwrap_or(unit_left);
    let mut trailing_starts: Vec<f32> = Vec::new();
    for &i in body {
        let mut prev_x1 = f32::MIN;
        for w in &page.lines[i].words {
            if w.x0 > last_right + tol && w.x0 - prev_x1 > tol * 1.5 {
                trailing_starts.push(w.x0);
            }
            prev_x1 = w.x1;
        }
    }
    // Text columns right of the targets: the header names each one (its
    // words sit inside their cell), so the boundaries lie between the
    // header's word groups. Without a header, the data's left edges.
    let groups = header_groups(page, header, &values, tol);
    let mut trailing = Vec::new();
    if groups.len() > 1 {
        trailing.push(last_right + tol);
        for w in groups.windows(2) {
            let mid = (w[0].1 + w[1].0) / 2.0;
            // Text cells printed left-aligned start at their column's edge,
            // left of a header centred over them: where rows start words
            // between the first header's end and the midpoint, the column
            // starts there ("SUMBER DANA" over "BOK", "PELAKSANA" over
            // "Bidan Koordinator").
            // (On a drawn page only: a layout dump's word starts include
            // every word a space apart.)
            let drawn = page.width > 0.0;
            let between: Vec<f32> = trailing_starts.iter().copied().filter(|&x| drawn && x > w[0].1 + tol && x < mid).collect();
            let edge = peak(&between, tol).filter(|&x| between.iter().filter(|&&y| (y - x).abs() <= tol).count() >= 2);
            trailing.push(edge.map_or(mid, |x| x - tol));
        }
    }
    let mut rest = trailing_starts.clone();
    for _ in 0..if trailing.is_empty() { n_trailing.max(1) } else { 0 } {
        if let Some(p) = peak(&rest, tol) {
            trailing.push(p);
            rest.retain(|&x| (x - p).abs() > tol * 4.0);
        }
    }
    trailing.sort_by(f32::total_cmp);
    if trailing.is_empty() {
        trailing.push(last_right + tol);
    }
    // Merge trailing edges too close to be two columns.
    trailing.dedup_by(|b, a| (*b - *a).abs() < tol * 4.0);
    if let (true, Some(p)) = (thin, prev) {
        // The whole page may be shifted: follow its labels.
        let shift = peak(&label_x, tol).map(|x| x - p.node_left).unwrap_or(0.0);
        let unit_left = unit_left.min(p.unit_left + shift);
        return Some(Columns { values, unit_left, node_left: p.node_left + shift, ind_left: p.ind_left + shift, money, ..p.clone() });
    }
    Some(Columns { node_left, ind_left, definition_left, unit_left, values, trailing, tol, drawn: page.width > 0.0, unitless, borders: Vec::new(), slots: None, right_aligned, money })
}

/// Whether two pages draw their tables on the same vertical borders (four
/// or more, each within `tol` of the other page's).
fn same_grid(a: &[(f32, f32, f32)], b: &[(f32, f32, f32)], tol: f32) -> bool {
    let xs = |v: &[(f32, f32, f32)]| {
        let mut x: Vec<f32> = v.iter().map(|b| b.0).collect();
        x.sort_by(f32::total_cmp);
        x.dedup_by(|p, q| (*p - *q).abs() <= tol);
        x
    };
    let (a, b) = (xs(a), xs(b));
    a.len() >= 4 && a.len() == b.len() && a.iter().zip(&b).all(|(p, q)| (p - q).abs() <= tol)
}

/// A page's vertical rulings as (x, top, bottom): its cell borders, when
/// its table is ruled.
fn vertical_borders(page: &Page) -> Vec<(f32, f32, f32)> {
    page.rulings.iter().filter(|r| !r.is_horizontal()).map(|r| ((r.x0 + r.x1) / 2.0, r.y0.min(r.y1), r.y0.max(r.y1))).collect()
}

/// The header's words that name the budget (PAGU, ANGGARAN, DANA).
fn budget_header_words<'p>(page: &'p Page, header: &'p [usize]) -> impl Iterator<Item = &'p Word> {
    header.iter().flat_map(|&i| page.lines[i].words.iter()).filter(|w| role_of(&w.text) == Some(Role::Budget))
}

/// Where the header names the budget column (PAGU, ANGGARAN, DANA): the
/// x-extent its words cover together ("PAGU ANGGARAN": a number centred
/// under the cell may fall between the two words).
fn budget_header_spans(page: &Page, header: &[usize]) -> Vec<(f32, f32)> {
    let words: Vec<&Word> = budget_header_words(page, header).collect();
    let x0 = words.iter().map(|w| w.x0).reduce(f32::min);
    let x1 = words.iter().map(|w| w.x1).reduce(f32::max);
    x0.zip(x1).into_iter().collect()
}

/// True when the rows' runs of `k` values end in the budget: the header
/// names the budget and, with the target and the quarters, as many value
/// columns as that. Rows holding the budget under its header are then
/// every row with a budget, not rows that lost a value (a dump printing
/// "48,650 12,000 24,500 36,500 48,650 670,000,000" a space apart would
/// be the only anchor left to measure the columns by, and its tight
/// spacing would shift them).
fn budget_among_values(page: &Page, header: &[usize], k: usize) -> bool {
    let words: Vec<&str> = header.iter().flat_map(|&i| page.lines[i].words.iter().map(|w| w.text.as_str())).collect();
    let roles: std::collections::BTreeSet<Role> = roles_in_words(&words).0.into_iter().filter(|r| Role::VALUES.contains(r) || *r == Role::Budget).collect();
    roles.contains(&Role::Budget) && k >= roles.len()
}

/// The anchors none of whose values stands under the header's budget
/// words. A scanned row that lost a quarter's "-" holds its budget among
/// as many values as the page has value columns; where most rows of a
/// page lost one, the consensus of [`agreeing_anchors`] is theirs, but
/// the header still says where the budget is (unless no anchor is left).
fn outside_budget_header<'a, 'w>(complete: Vec<&'a (usize, usize, Vec<usize>)>, budget: &[(f32, f32)], word: impl Fn(usize, usize) -> &'w Word) -> Vec<&'a (usize, usize, Vec<usize>)> {
    if budget.is_empty() {
        return complete;
    }
    let under_budget = |a: &(usize, usize, Vec<usize>)| {
        a.2.iter().any(|&j| {
            let w = word(a.0, j);
            let centre = (w.x0 + w.x1) / 2.0;
            budget.iter().any(|&(x0, x1)| centre >= x0 && centre <= x1)
        })
    };
    let kept: Vec<&(usize, usize, Vec<usize>)> = complete.iter().copied().filter(|a| !under_budget(a)).collect();
    if kept.is_empty() {
        complete
    } else {
        kept
    }
}

/// The anchors whose values stand where most anchors' do. A row holding
/// as many values as the page has value columns may still not hold one in
/// each: a scan that lost a quarter's "-" while the row's budget was read
/// gives the budget the last quarter's place, and measured with the rest
/// it would widen every column it shifted into the next. Each column's
/// median centre is the consensus; a row with a value nearer another
/// column's median than its own is set aside (among three rows or more,
/// and unless none is left). Values merely off centre (a dump's numbers
/// aligned left in their cells) stay: they measure the column's width.
fn agreeing_anchors<'a, 'w>(complete: Vec<&'a (usize, usize, Vec<usize>)>, word: impl Fn(usize, usize) -> &'w Word) -> Vec<&'a (usize, usize, Vec<usize>)> {
    let width = complete[0].2.len();
    if complete.len() < 3 || width < 2 {
        return complete;
    }
    let centre = |a: &(usize, usize, Vec<usize>), c: usize| {
        let w = word(a.0, a.2[c]);
        (w.x0 + w.x1) / 2.0
    };
    let medians: Vec<f32> = (0..width)
        .map(|c| {
            let mut xs: Vec<f32> = complete.iter().map(|a| centre(a, c)).collect();
            xs.sort_by(f32::total_cmp);
            xs[xs.len() / 2]
        })
        .collect();
    let nearest = |x: f32| (0..width).min_by(|&i, &j| (x - medians[i]).abs().total_cmp(&(x - medians[j]).abs())).unwrap_or(0);
    let agreeing: Vec<&(usize, usize, Vec<usize>)> = complete.iter().copied().filter(|a| (0..width).all(|c| nearest(centre(a, c)) == c)).collect();
    if agreeing.is_empty() {
        complete
    } else {
        agreeing
    }
}

/// True when the page's header names its columns (INDIKATOR and a target
/// or quarter) but no SATUAN.
fn names_no_unit_column(page: &Page, header: &[usize]) -> bool {
    let words: Vec<&str> = header.iter().flat_map(|&i| page.lines[i].words.iter().map(|w| w.text.as_str())).collect();
    let roles = roles_in_words(&words).0;
    let has = |r: Role| roles.iter().any(|x| x.ungrouped() == r);
    // (SATUAN cut at a narrow cell's edge, "SATUA" / "N", names it too.)
    let cut_unit = words.iter().any(|w| squash(w).starts_with("SAT"));
    has(Role::Indicator) && Role::VALUES.iter().any(|r| has(*r)) && !has(Role::Unit) && !cut_unit
}

/// Where the header names a definition column between INDIKATOR and
/// SATUAN: the right end of the indicator's header words and the left of
/// the definition's ("FORMULA", "CARA PENGHITUNGAN", "RUMUS").
fn definition_header(page: &Page, header: &[usize], node_left: f32, unit_left: f32) -> Option<(f32, f32)> {
    let positioned = page.width > 0.0;
    let within = |w: &&Word| w.x0 > node_left && w.x1 < unit_left;
    let is_indicator = |w: &Word| role_of(&w.text).is_some_and(|r| r.ungrouped() == Role::Indicator);
    // The definition's header cell opens where the word naming it does, or
    // at the words printed a word space before it on its line ("Konsep
    // Definisi": only "Definisi" names the role).
    let mut def_x0: Option<f32> = None;
    for &i in header {
        let words: Vec<&Word> = page.lines[i].words.iter().filter(within).collect();
        for (k, w) in words.iter().enumerate() {
            if role_of(&w.text) != Some(Role::Definition) {
                continue;
            }
            let mut x0 = w.x0;
            for prev in words[..k].iter().rev() {
                if x0 - prev.x1 > word_space(prev, positioned) || role_of(&prev.text).is_some() {
                    break;
                }
                x0 = prev.x0;
            }
            def_x0 = Some(def_x0.map_or(x0, |d: f32| d.min(x0)));
        }
    }
    let def_x0 = def_x0?;
    // An INDIKATOR KINERJA over both the indicator's cell and the
    // definition's (which then name themselves "Uraian Indikator" and
    // "Konsep Definisi") spans the definition's left edge: the indicator's
    // own header ends left of it.
    let ind_end = header.iter().flat_map(|&i| page.lines[i].words.iter()).filter(within).filter(|w| is_indicator(w) && w.x1 <= def_x0).map(|w| w.x1).reduce(f32::max)?;
    // A group INDIKATOR KINERJA over "Uraian", "Formula", "Satuan" (gen127)
    // names the indicator's own cell "Uraian", on the definition's line:
    // when the node column is named on another header line (by its levels,
    // "SASARAN / PROGRAM / KEGIATAN", or its own URAIAN), that word, not
    // the group's INDIKATOR, ends the indicator's header. The group's
    // INDIKATOR stands over the definitions' cells, whose left edge would
    // otherwise be taken for the indicators'.
    let def_line = header.iter().copied().find(|&i| page.lines[i].words.iter().filter(within).any(|w| role_of(&w.text) == Some(Role::Definition)));
    let node_named_above = |line: usize| {
        header.iter().filter(|&&i| i != line).flat_map(|&i| page.lines[i].words.iter()).any(|w| role_of(&w.text).is_some_and(|r| r.ungrouped() == Role::Node) || LEVEL_WORDS.contains(&squash(&w.text).as_str()))
    };
    let indicator_not_on_line = |line: usize| !page.lines[line].words.iter().any(is_indicator);
    let uraian_end = def_line.filter(|&i| indicator_not_on_line(i) && node_named_above(i)).and_then(|i| {
        page.lines[i].words.iter().filter(within).filter(|w| squash(&w.text) == "URAIAN" && w.x1 <= def_x0).map(|w| w.x1).reduce(f32::max)
    });
    Some((uraian_end.unwrap_or(ind_end), def_x0))
}

/// How a layout dump's value columns align their numbers, told by pairs
/// of numbers of different widths in one column (`columns`, each
/// column's words): right-aligned, two such numbers end at one place and
/// their centres differ; centred, the other way round. Returns the pairs
/// that end together and the pairs that centre. Where most numbers are
/// as wide as each other (gen127: "100", "46", "-0,35" against "18"), the
/// deviations of all edges barely differ, and the pairs that differ in
/// width alone tell how the column is aligned.
fn alignment_votes(columns: &[Vec<&Word>]) -> (usize, usize) {
    let (mut right, mut centred) = (0, 0);
    for ws in columns {
        let numbers: Vec<&&Word> = ws.iter().filter(|w| w.text.chars().any(|c| c.is_ascii_digit())).collect();
        for (i, a) in numbers.iter().enumerate() {
            for b in &numbers[i + 1..] {
                if ((a.x1 - a.x0) - (b.x1 - b.x0)).abs() < 2.0 {
                    continue;
                }
                let by_right = (a.x1 - b.x1).abs();
                let by_centre = ((a.x0 + a.x1) - (b.x0 + b.x1)).abs() / 2.0;
                if by_right + 0.5 < by_centre {
                    right += 1;
                } else if by_centre + 0.5 < by_right {
                    centred += 1;
                }
            }
        }
    }
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("numbers of different widths: {right} pairs end together, {centred} centred");
    }
    (right, centred)
}

/// Right alignment told by [`alignment_votes`]: eight pairs or more end
/// together, half as many again as centre. Over the 132 layout dumps of
/// session 30 the ratio is at most 0.86 in every plan not printed with
/// Excel alignment, at least 1.85 in the Excel-aligned ones it catches.
fn shows_right_alignment(ending_together: usize, centred: usize) -> bool {
    ending_together >= 8 && ending_together as f32 >= centred as f32 * 1.5
}

/// The widest gap between two words of one header cell on a line: about
/// half the word's height on a positioned page, a character column in a
/// layout dump (as [`column_gap`], the narrowest gap between two cells).
fn word_space(w: &Word, positioned: bool) -> f32 {
    if positioned {
        (w.y1 - w.y0) * 0.5
    } else {
        1.0
    }
}

/// A page whose rows hold fewer values than its header has columns (a
/// short page whose only row lost its target to the line above) measures
/// only the columns its values stand in. When each of them is one of the
/// last page's `k` columns, in order (its centre within a column's width
/// of it), the page has the last page's columns, moved as the measured
/// ones moved; otherwise `None`.
fn columns_filled_from(measured: &[(f32, f32, f32)], last: &[(f32, f32, f32)], k: usize, tol: f32) -> Option<Vec<(f32, f32, f32)>> {
    if measured.is_empty() || measured.len() >= k || last.len() != k {
        return None;
    }
    let mut matched = Vec::with_capacity(measured.len());
    let mut from = 0;
    for m in measured {
        let j = (from..last.len()).find(|&j| (m.2 - last[j].2).abs() <= (last[j].1 - last[j].0).max(tol * 3.0) / 2.0)?;
        matched.push(j);
        from = j + 1;
    }
    let shift = measured.iter().zip(&matched).map(|(m, &j)| m.2 - last[j].2).sum::<f32>() / measured.len() as f32;
    Some(
        last.iter()
            .enumerate()
            .map(|(j, l)| match matched.iter().position(|&mj| mj == j) {
                Some(i) => measured[i],
                None => (l.0 + shift, l.1 + shift, l.2 + shift),
            })
            .collect(),
    )
}

/// The x-extents of the header's word groups right of `min_x`: words of
/// the header lines whose extents overlap belong to one column's header
/// ("PENANGGUNG" over "JAWAB").
fn header_groups(page: &Page, header: &[usize], values: &[(f32, f32, f32)], tol: f32) -> Vec<(f32, f32)> {
    let min_x = values.first().map(|v| v.0).unwrap_or(0.0);
    let mut spans: Vec<(f32, f32, &str)> = header
        .iter()
        .flat_map(|&i| page.lines[i].words.iter())
        .filter(|w| w.x0 > min_x && !names_a_target(&w.text) && value_overlap(w, values, tol).is_none())
        .map(|w| (w.x0, w.x1, w.text.as_str()))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    // A layout dump's words of one header cell stand one space apart
    // ("ANGGARAN (Rp)"); its cells, further, but for two cells printed
    // close: a word that only ever opens a column's name starts a cell
    // ("PENANGGUNG SUMBER" / "JAWAB DANA").
    let word_space = if page.width > 0.0 { 0.0 } else { 1.0 };
    let mut groups: Vec<(f32, f32)> = Vec::new();
    for (x0, x1, text) in spans {
        match groups.last_mut() {
            Some(g) if x0 <= g.1 || (x0 <= g.1 + word_space && !opens_a_column_name(text)) => g.1 = g.1.max(x1),
            _ => groups.push((x0, x1)),
        }
    }
    // On a ruled page the cells' borders are drawn: two groups with no
    // border between them are words of one cell apart on a line ("PE!
    // NANGGUNG JAWAB", a speck read inside a word on a scan).
    let band = header.iter().flat_map(|&i| page.lines[i].words.iter()).fold((f32::MAX, f32::MIN), |(a, b), w| (a.min(w.y0), b.max(w.y1)));
    let borders: Vec<f32> = vertical_borders(page).into_iter().filter(|&(x, top, bottom)| top <= band.1 && bottom >= band.0 && x > min_x).map(|(x, _, _)| x).collect();
    if borders.len() >= 2 {
        let mut merged: Vec<(f32, f32)> = Vec::new();
        for g in groups {
            match merged.last_mut() {
                Some(m) if !borders.iter().any(|&x| x > m.1 && x < g.0) => m.1 = m.1.max(g.1),
                _ => merged.push(g),
            }
        }
        return merged;
    }
    groups
}

/// Header words that open a column's name and never go on another's
/// ("SUMBER DANA", "PENANGGUNG JAWAB", "KETERANGAN").
pub(super) fn opens_a_column_name(word: &str) -> bool {
    let w = squash(word);
    ["PENANGGUNG", "KETERANGAN", "SUMBER", "PELAKSANA", "SATUAN", "INDIKATOR", "URAIAN", "KONDISI"].contains(&w.as_str())
}

/// Header words that name a text column, never a column of numbers.
fn names_a_text_column(word: &str) -> bool {
    let w = squash(word);
    ["KETERANGAN", "PENANGGUNG", "JAWAB", "PELAKSANA", "SUMBER"].iter().any(|h| w.starts_with(h))
}

/// The second word of "SUMBER DATA" or "SUMBER DANA".
fn continues_text_column_name(word: &str) -> bool {
    matches!(squash(word).as_str(), "DATA" | "DANA")
}

/// The value column a word overlaps most, if any.
fn value_overlap(w: &Word, values: &[(f32, f32, f32)], tol: f32) -> Option<usize> {
    values
        .iter()
        .enumerate()
        .map(|(k, v)| (k, (w.x1.min(v.1 + tol) - w.x0.max(v.0 - tol)).max(0.0)))
        .filter(|(_, o)| *o > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// Header words of the target columns ("Triwulan", "IV", "TARGET", a year),
/// which may stick out past their column's data.
fn names_a_target(word: &str) -> bool {
    let w = squash(word);
    // The quarter's number of "Trw. 1", "TW 4" stands apart from its word.
    matches!(w.as_str(), "I" | "II" | "III" | "IV" | "1" | "2" | "3" | "4" | "TAHUN" | "N" | "AN")
        || ["TW", "TRIW", "TARGET"].iter().any(|p| w.starts_with(p))
        || is_plan_year(&w)
}

/// The lines that open a node cell: a label in the node column, unless it
/// is the name of a bare label on the node column's line just above
/// ("Program 1" / "PROGRAM PEMENUHAN ...").
///
/// A label word with no number on a line that goes on the node cell just
/// above ("Koordinasi dan Sinkronisasi Penyelenggaraan Kesesuaian" /
/// "Kegiatan Pemanfaatan Ruang (KKPR)", or "Program" alone before
/// "Pembentukan Peraturan Daerah") is the name's next word, when the plan
/// numbers every other label of that level: a wrapped name may break
/// before "Kegiatan" or "Program", and a plan that numbers its labels does
/// not drop the number once. A line with an indicator opening beside it
/// opens a row and keeps its label (the real 2025 plan's unnumbered "Program
/// pengembangan UMKM" among numbered programs).
fn node_label_lines(lines: &[Placed]) -> Vec<usize> {
    // (line, label, whether the line may go on the node cell above)
    let mut found: Vec<(usize, crate::parse::label::Label, bool)> = Vec::new();
    // The found labels whose line comes right under node text.
    let mut under_node_text: Vec<bool> = Vec::new();
    let mut prev: Option<(usize, String)> = None;
    for (i, l) in lines.iter().enumerate() {
        let text = l.text_in(Col::Node);
        if text.is_empty() {
            continue;
        }
        // (A name's line ending in a function word goes on below:
        // "Penyelenggaraan Pengawasan dengan" / "Tujuan Tertentu", whose
        // level word opens no label, gen150. Only an unnumbered label.)
        let name_goes_on = |label: &crate::parse::label::Label| {
            label.number.is_none() && label.code.is_none() && prev.as_ref().is_some_and(|(k, p)| *k + 1 == i && p.split_whitespace().last().is_some_and(is_function_word))
        };
        if let Some(label) = parse_label(&text).filter(|l| !name_goes_on(l)) {
            if !prev.as_ref().is_some_and(|(_, p)| names_bare_label(p, &text)) {
                // Mid-cell: the line right above holds node text and this
                // line opens no indicator beside it (none, or the
                // indicator above going on in lower case: "Kegiatan
                // Pemerintahan di" beside "kecamatan").
                let above = i.checked_sub(1).map(|k| &lines[k]);
                let indicator = l.text_in(Col::Indicator);
                let indicator_goes_on = indicator.starts_with(char::is_lowercase) && above.is_some_and(|a| !a.text_in(Col::Indicator).is_empty());
                let under = prev.as_ref().is_some_and(|(k, _)| *k + 1 == i);
                let mid_cell = under && (indicator.is_empty() || indicator_goes_on);
                found.push((i, label, mid_cell));
                under_node_text.push(under);
            }
        }
        prev = Some((i, text));
    }
    let numbered_elsewhere = |k: usize| {
        let level = found[k].1.level;
        // The other labels, leaving out those that may go on a name too.
        let others: Vec<&crate::parse::label::Label> = found
            .iter()
            .enumerate()
            .filter(|(j, (_, l, goes_on))| *j != k && !(*goes_on && l.number.is_none()))
            .map(|(_, (_, l, _))| l)
            .collect();
        let same: Vec<&crate::parse::label::Label> = others.iter().copied().filter(|l| l.level == level).collect();
        // A level printed nowhere else ("Pengawasan dengan" / "Tujuan
        // Tertentu" under a sub kegiatan): the plan's labels of every
        // level are numbered.
        let all_numbered = |ls: &[&crate::parse::label::Label]| ls.iter().all(|l| l.number.is_some());
        (same.len() >= 2 && all_numbered(&same)) || (same.is_empty() && others.len() >= 3 && all_numbered(&others))
    };
    // A level word in capitals ("KEGIATAN Penyediaan ...", its number lost
    // to OCR) is a label as labels are styled; a wrapped name's word is in
    // the name's case ("Program", "Kegiatan Pemanfaatan Ruang").
    let in_capitals = |k: usize| !found[k].1.printed.chars().any(char::is_lowercase);
    // A plan whose labels are level words alone on their lines, the name
    // under them ("Program" / "PROGRAM DUKUNGAN ...", "Sub Kegiatan" /
    // "Penyusunan dan ..."): a line under node text opening with a level
    // word and going on is a wrapped name's ("Penyusunan dan Pembahasan" /
    // "Program Pembentukan Peraturan" / "Daerah", gen87), though cells
    // aligned to their bottom start an indicator beside it.
    let bare = |l: &crate::parse::label::Label| l.number.is_none() && l.code.is_none() && l.name.is_empty();
    let bare_elsewhere = |k: usize| found.len() > 3 && found.iter().enumerate().all(|(j, (_, l, _))| j == k || bare(l));
    let wrapped_in_bare_plan = |k: usize| {
        let l = &found[k].1;
        under_node_text[k] && l.number.is_none() && l.code.is_none() && !l.name.is_empty() && !in_capitals(k) && bare_elsewhere(k)
    };
    // A wrapped name of a cell merged over several indicator rows may go
    // on with a level word beside the next row's indicator ("Koordinasi/
    // Sinergi Perencanaan dan Pelaksanaan" / "Kegiatan Pemerintahan dengan
    // ..."): unnumbered in a plan that numbers that level, and between two
    // labels of a deeper level numbered one after the other ("Sub.
    // Kegiatan 1" above, "Sub. Kegiatan 2" below), which a new node of its
    // level between them would not leave.
    let between_siblings = |k: usize| {
        let l = &found[k].1;
        let (Some(before), Some(after)) = (k.checked_sub(1).map(|j| &found[j].1), found.get(k + 1).map(|f| &f.1)) else { return false };
        let consecutive = matches!((before.number, after.number), (Some(a), Some(b)) if b == a + 1);
        under_node_text[k] && l.number.is_none() && l.code.is_none() && !l.name.is_empty() && !in_capitals(k) && numbered_elsewhere(k) && before.level == after.level && before.level > l.level && consecutive
    };
    (0..found.len())
        .filter(|&k| !(found[k].2 && found[k].1.number.is_none() && !in_capitals(k) && numbered_elsewhere(k)))
        .filter(|&k| !wrapped_in_bare_plan(k))
        .filter(|&k| !between_siblings(k))
        .map(|k| found[k].0)
        .collect()
}

/// Rows above a plan's first labelled node whose node cells hold text
/// but no label, in a plan that labels its nodes by their Permendagri
/// codes alone (SIPD's "6.01.02 PROGRAM ...", "6.01.02.2.01 Penyelenggaraan
/// ..."): the sasaran the plan prints above its programs, which have no
/// code ("Meningkatnya kapabilitas pengawasan intern ..."). Each such
/// row's anchor line opens a node of its own; without one, the rows were
/// read into the first program. The lines returned open those nodes.
fn unlabelled_sasaran_lines(placed: &[Placed], label_lines: &[usize]) -> Vec<usize> {
    let Some(&first) = label_lines.first() else { return Vec::new() };
    let labels: Vec<crate::parse::label::Label> = label_lines.iter().filter_map(|&i| parse_label(&placed[i].text_in(Col::Node))).collect();
    let by_code = labels.len() == label_lines.len() && labels.iter().all(|l| l.code.is_some() && l.number.is_none() && l.level >= Level::Program);
    if !by_code {
        return Vec::new();
    }
    (0..first).filter(|&i| placed[i].anchor && placed[i].has(Col::Node) && parse_label(&placed[i].text_in(Col::Node)).is_none()).collect()
}

/// How many leading words of a line make up a node label.
fn label_word_count(words: &[Word]) -> usize {
    let text = line_from(words, 0);
    match parse_label(&text) {
        Some(l) => {
            let label_words = l.printed.split_whitespace().count();
            label_words.min(words.len())
        }
        None => 0,
    }
}

/// Re-measures the indicator column's left edge within each node's block of
/// lines (where words are placed one by one; a layout dump's runs are
/// placed by [`runs`]): a row's indicator text may sit a little off the
/// page's column.
fn refine_blocks(lines: &mut [Placed], cols: &Columns) {
    let starts = node_label_lines(lines);
    let mut bounds = starts.clone();
    bounds.push(lines.len());
    if bounds.first() != Some(&0) {
        bounds.insert(0, 0);
    }
    for w in bounds.windows(2) {
        let block = &mut lines[w[0]..w[1]];
        let firsts: Vec<f32> = block
            .iter()
            .filter_map(|l| l.words.iter().find(|(c, _)| *c == Col::Indicator).map(|(_, w)| w.x0))
            .collect();
        let Some(local) = peak(&firsts, cols.tol) else { continue };
        if (local - cols.ind_left).abs() <= cols.tol || local <= cols.node_left + cols.slack() * 2.0 {
            continue;
        }
        let local_cols = Columns { ind_left: local, ..cols.clone() };
        for l in block.iter_mut() {
            for (c, w) in l.words.iter_mut() {
                if matches!(*c, Col::Node | Col::Indicator) {
                    *c = local_cols.place(w);
                }
            }
        }
    }
}

/// "2." squeezed left of the indicator column still opens the indicator
/// that follows it; so does a list's bullet ("•  Jumlah ...", a layout
/// dump printing the row a few characters left).
fn take_numbering_into_indicator(words: &mut [(Col, Word)]) {
    for j in 1..words.len() {
        // Not the number of a label ("Kegiatan 1.").
        let before: Vec<&str> = words[..j].iter().filter(|(c, _)| *c == Col::Node).map(|(_, w)| w.text.as_str()).collect();
        let label_number = parse_label(&before.join(" ")).is_some_and(|l| l.name.is_empty());
        let opens = |w: &str| is_indicator_numbering(w) || is_list_bullet(w);
        if words[j].0 == Col::Indicator && words[j - 1].0 == Col::Node && opens(&words[j - 1].1.text) && !label_number {
            words[j - 1].0 = Col::Indicator;
        }
    }
}

fn line_from(ws: &[Word], j: usize) -> String {
    ws[j..].iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// Grid units per text line: positions are kept in half lines, because the
/// lines of centred cells in neighbouring columns sit half a line apart.
const UNIT: i64 = 2;

/// The line spacing of a page's text (the distance between two lines of
/// one cell), for placing PDF lines on a grid of text lines. A layout
/// dump's lines are that grid already. Gaps much smaller than a line (the
/// offset between lines of two columns) are not line spacing.
fn leading(page: &Page) -> f32 {
    let mut heights: Vec<f32> = page.lines.iter().flat_map(|l| l.words.iter().map(|w| w.y1 - w.y0)).filter(|h| *h > 0.0).collect();
    if heights.is_empty() {
        return 1.0;
    }
    heights.sort_by(f32::total_cmp);
    let h = heights[heights.len() / 2];
    let ys: Vec<f32> = page.lines.iter().filter(|l| !l.is_blank()).map(|l| l.y()).collect();
    let mut gaps: Vec<f32> = ys.windows(2).map(|w| w[1] - w[0]).filter(|g| *g >= 0.7 * h).collect();
    if gaps.is_empty() {
        return h.max(0.5);
    }
    gaps.sort_by(f32::total_cmp);
    gaps[gaps.len() / 2].max(0.5)
}

/// The pages without the table's total row ([`is_total_row`]): its sums
/// would be read as the last row's budget and quarters.
fn without_total_rows(pages: &[Page]) -> std::borrow::Cow<'_, [Page]> {
    // Per page, whether each line is a total row's (its sum perhaps cut
    // and printed on the lines below: [`total_row_with_sum_below`]).
    let totals: Vec<Vec<bool>> = pages
        .iter()
        .map(|p| {
            let mut total = vec![false; p.lines.len()];
            for i in 0..p.lines.len() {
                if is_total_line(&p.lines[i]) {
                    total[i] = true;
                } else if let Some(n) = total_row_with_sum_below(&p.lines, i) {
                    total[i..i + n].iter_mut().for_each(|t| *t = true);
                }
            }
            total
        })
        .collect();
    if !totals.iter().flatten().any(|t| *t) {
        return std::borrow::Cow::Borrowed(pages);
    }
    let kept = |p: &Page, total: &[bool]| p.lines.iter().zip(total).filter(|(_, t)| !**t).map(|(l, _)| l.clone()).collect();
    std::borrow::Cow::Owned(pages.iter().zip(&totals).map(|(p, t)| Page { lines: kept(p, t), ..p.clone() }).collect())
}

pub fn reflow(pages: &[Page]) -> Table {
    let mut table = Table::default();
    // Columns printed in another order are moved into the reader's first.
    let pages = match column_order::in_reading_order(pages) {
        Ok(pages) => pages,
        Err(reason) => {
            table.refusal = Some(reason);
            return table;
        }
    };
    let pages: &[Page] = &without_total_rows(&pages);
    let positioned = pages.iter().any(|p| p.width > 0.0);
    let tol = if positioned { 2.0 } else { 0.6 };
    let mut parts = split_pages(pages);
    // Pages before the first header that hold no row of values (a
    // Perjanjian Kinerja statement, a cover) are no part of the table: its
    // title is read above the first header.
    // (A statement's heading may read as a header: "PERJANJIAN KINERJA
    // TAHUN 2026"; a table's header names three columns or more.)
    let names_columns = |p: &PageParts| {
        let words: Vec<&str> = p.header.iter().flat_map(|&i| p.page.lines[i].words.iter().map(|w| w.text.as_str())).collect();
        roles_in_words(&words).0.iter().collect::<std::collections::BTreeSet<_>>().len() >= 3
    };
    if let Some(f) = parts.iter().position(names_columns).filter(|&f| f > 0) {
        // (A row has a target and a quarter at least; "Bekasi, 2 Januari
        // 2026" over a signature reads as a unit and one value.)
        let holds_rows = |p: &PageParts| p.body.iter().any(|&i| anchor_in(&p.page.lines[i].words).is_some_and(|(_, run)| run.len() >= 2));
        if !parts[..f].iter().any(holds_rows) {
            // The table's pages split again: the statement's heading is
            // no template of the table's repeated header (its title lines,
            // "RUMAH SAKIT UMUM DAERAH ...", printed again over the table,
            // were taken for the header, their words for column names).
            parts = split_pages(&pages[f..]);
        }
    }

    // Title: page one above the header.
    if let Some(p) = parts.first() {
        table.title = p.title.iter().map(|&i| p.page.lines[i].text()).collect();
    }
    // How many value columns: the commonest run of targets on strong anchors.
    let n_values = value_width(&parts);
    // Trailing text columns named in the header (read as one run of words,
    // only to count them; their names are read per column below).
    let flat_roles: Vec<Role> = parts
        .iter()
        .find(|p| !p.header.is_empty())
        .map(|p| {
            let words: Vec<&str> = p.header.iter().flat_map(|&i| p.page.lines[i].words.iter().map(|w| w.text.as_str())).collect();
            roles_in_words(&words).0
        })
        .unwrap_or_default();
    let n_trailing = flat_roles.iter().filter(|r| matches!(r, Role::Note | Role::Responsible)).count().max(1);
    for p in &parts {
        for &i in &p.header {
            let words: Vec<&str> = p.page.lines[i].words.iter().map(|w| w.text.as_str()).collect();
            table.header_years.extend(roles_in_words(&words).1);
        }
    }
    table.header_years.sort_unstable();
    table.header_years.dedup();
    let runs_printed = !positioned && runs::prints_runs(parts.iter().flat_map(|p| p.body.iter().map(|&i| &p.page.lines[i])));
    // Place every body line's words in columns, page by page.
    let mut placed: Vec<Placed> = Vec::new();
    let mut prev_cols: Option<Columns> = None;
    let mut page_base = 0i64;
    // The horizontal cell borders of ruled pages, on the lines' grid.
    let mut rules: Vec<Rule> = Vec::new();
    // The first header's names, with the columns they were read against.
    let mut header_names: Option<(HeaderNames, Columns)> = None;
    // Some page's table has no SATUAN column.
    let mut unitless_pages = false;
    let mut budget_x: Option<f32> = None;
    // The first page's rows may never fill every value column (none of
    // them has a budget, or OCR lost a cell of each): it takes the missing
    // columns from the first page that measures them all, as later pages
    // take them from the page before.
    let complete_cols: Option<Columns> =
        parts.iter().find_map(|p| measure(p.page, &p.header, &p.body, n_values, n_trailing, tol, None).filter(|c| c.values.len() == n_values));
    for p in &parts {
        let borders = vertical_borders(p.page);
        let cols = measure(p.page, &p.header, &p.body, n_values, n_trailing, tol, prev_cols.as_ref().or(complete_cols.as_ref()))
            .map(|c| Columns { borders: borders.clone(), ..c });
        // An unruled page's money columns among the values: measured
        // from its header, or, with none, the page before's.
        let cols = cols.map(|c| if borders.is_empty() && p.header.is_empty() { Columns { money: prev_cols.as_ref().map(|p| p.money.clone()).unwrap_or_default(), ..c } } else { c });
        // A page whose table is drawn on the same vertical borders as the
        // page before is the same table: its columns are that page's (its
        // own rows may hold sums among the values that pull the measured
        // columns off: a quarter's "Rp" / "375.000.000" beside its FISIK).
        let cols = match &prev_cols {
            Some(prev) if positioned && prev.values.len() == n_values && same_grid(&prev.borders, &borders, tol) => Some(Columns { borders, ..prev.clone() }),
            _ => cols,
        };
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            eprintln!("page {} columns {:?}", p.page.number, cols);
        }
        let mut page_roles: Option<Vec<Role>> = None;
        if let (Some(c), false) = (&cols, p.header.is_empty()) {
            let names = name_columns(p, c);
            page_roles = Some(names.0.clone());
            match &mut header_names {
                None => header_names = Some((names, c.clone())),
                Some((first, first_cols)) => name_from_later_header(first, first_cols, &names, c),
            }
        }
        // The rules that look for a row's target and TW IV take them from
        // the header's names: this page's, or the first header's.
        let cols = cols.map(|c| {
            let roles = page_roles.as_ref().or(header_names.as_ref().map(|(names, _)| &names.0));
            Columns { slots: roles.and_then(|r| value_slots(r, c.values.len())), ..c }
        });
        let pitch = if positioned { leading(p.page) } else { 1.0 };
        // Where the header first names the budget (PAGU ANGGARAN; the
        // quarters' "Anggaran (Rp)" come after it), for a budget cell
        // among the value columns ([`Col::Budget`]).
        // (Money named under every quarter, "Target" / "Rencana Dana (Rp)"
        // in TW I .. TW IV, is the quarters' spending: a word between the
        // first quarter's column and the last names no budget, nor does
        // TW IV's after them. A PAGU before the quarters still names the
        // budget, gen149.)
        let budget_words: Vec<f32> = budget_header_words(p.page, &p.header).map(|w| (w.x0 + w.x1) / 2.0).collect();
        let quarters_money = cols.as_ref().is_some_and(|c| budget_words.len() >= 2 && budget_words.iter().any(|&x| c.between_quarters(x)));
        let before_quarters = |x: f32| cols.as_ref().is_some_and(|c| c.before_quarters(x));
        let first_budget_word = budget_words.iter().copied().filter(|&x| !quarters_money || before_quarters(x)).reduce(f32::min);
        budget_x = first_budget_word.or(budget_x);
        // The trailing column the header names ANGGARAN (Rp), if any.
        let budget_column = header_names.as_ref().and_then(|(names, _)| names.2.iter().position(|r| *r == Role::Budget));
        let mut max_pos = 0i64;
        let page_start = placed.len();
        if let Some(cols) = &cols {
            unitless_pages |= cols.unitless;
            for &i in &p.body {
                let line = &p.page.lines[i];
                let row = (line.y() * UNIT as f32 / pitch).round() as i64;
                max_pos = max_pos.max(row);
                let anchor_unit = cols.anchor_unit(&line.words);
                let left_target = anchor_unit.is_none().then(|| cols.word_target_aligned_left(&line.words)).flatten();
                let unit = anchor_unit.or(left_target.map(|j| j - 1));
                // A plan with no SATUAN column printing each value with its
                // unit: a line holding all its values so ("12.480 Paket
                // 4.200 Paket 3.600 Paket ..."), run together by a dump
                // where positions no longer place them, is a row's, its
                // values in order (gen151).
                let units_run = cols.unitless.then(|| anchor_with_units_in_values(&line.words)).flatten().filter(|(_, run)| run.len() == cols.values.len());
                let anchor = unit.is_some() || units_run.is_some();
                // A line whose SATUAN cell is blank (merged over the rows
                // and printed on another line) may hold a unit-like word
                // of another cell before its values ("(Jumlah PD dengan
                // nilai" in KONSEP DEFINISI): on a ruled page, a word whose
                // cell is another column's is that column's, and the line
                // an anchor all the same.
                let unit = unit.filter(|&u| cols.ruled_cell(&line.words[u]).is_none_or(|c| c == Col::Unit));
                let mut words = line
                    .words
                    .iter()
                    .enumerate()
                    .map(|(j, w)| {
                        let col = if Some(j) == unit {
                            Col::Unit
                        } else if Some(j) == left_target {
                            Col::Value(cols.target())
                        } else {
                            cols.place(w)
                        };
                        (col, w.clone())
                    })
                    .collect::<Vec<_>>();
                if let Some(x) = budget_x {
                    for (c, w) in words.iter_mut().filter(|(c, _)| *c == Col::Aside) {
                        let span = cols.ruled_span(w).map(|(_, left, right)| (left, right)).or_else(|| cols.money_span(w));
                        if span.is_some_and(|(left, right)| x > left && x < right) {
                            *c = Col::Budget;
                        }
                    }
                }
                if let Some(u) = unit {
                    widen_unit_left(&mut words, u, positioned);
                    unit_run_into_values(&mut words, u, positioned);
                } else if let Some(above) = placed.get(page_start..).and_then(|pl| pl.last()) {
                    continue_unit_below(&mut words, &above.words, positioned);
                }
                indicator_opening_right_of_the_names(&mut words, cols);
                no_numbering_after_node_text(&mut words);
                if cols.unitless {
                    number_beside_its_unit(&mut words, cols, positioned);
                }
                if let Some((_, run)) = &units_run {
                    for (k, &j) in run.iter().enumerate() {
                        words[j].0 = Col::Value(k);
                        if words.get(j + 1).is_some_and(|(_, w)| !is_value_word(&w.text) && is_unit_word(&w.text)) && !run.contains(&(j + 1)) {
                            words[j + 1].0 = Col::Value(k);
                        }
                    }
                }
                // An anchor line with a value in every column: the order says
                // which is which, whatever a dump did to their positions.
                if anchor {
                    budget_beside_the_values(&mut words, cols.values.len(), budget_column);
                    let idx: Vec<usize> = (0..words.len())
                        .filter(|&j| matches!(words[j].0, Col::Value(_)) && words[j].1.text != "%" && is_value_word(&words[j].1.text))
                        .collect();
                    if idx.len() == cols.values.len() {
                        for (k, &j) in idx.iter().enumerate() {
                            words[j].0 = Col::Value(k);
                        }
                        first_text_after_the_values(&mut words, &idx, cols);
                    } else {
                        part_values_met_in_one_column(&mut words, &idx, &cols.values);
                    }
                }
                two_word_grades_kept_whole(&mut words, positioned);
                let scale = UNIT as f32 / pitch;
                placed.push(Placed { page: p.page.number, line: i as u32 + 1, pos: page_base + row, words, anchor, base: page_base, scale });
            }
        }
        if let Some(c) = &cols {
            // A layout dump prints the words of neighbouring cells as one
            // run, where only a run's start keeps its place; a PDF's words
            // are where they were drawn, a row of them maybe shifted.
            if runs_printed {
                runs::place_runs(&mut placed[page_start..], c);
                if c.definition_left.is_some() {
                    runs::indicator_runs_kept_whole(&mut placed[page_start..]);
                }
            } else {
                refine_blocks(&mut placed[page_start..], c);
            }
        }
        if let Some(c) = &cols {
            anchor_unitless_value_rows(&mut placed[page_start..], c);
            anchor_rows_without_values(&mut placed[page_start..]);
            merged_unit_between_rows(&mut placed[page_start..], c);
        }
        for l in &mut placed[page_start..] {
            take_numbering_into_indicator(&mut l.words);
            if std::env::var_os("RENCANA_DEBUG").is_some() {
                eprintln!("{:>3} {} {:?}", l.line, if l.anchor { "A" } else { " " }, l.words.iter().map(|(c, w)| format!("{}@{}-{}:{:?}", w.text, w.x0, w.x1, c)).collect::<Vec<_>>());
            }
        }
        if cols.as_ref().is_some_and(|c| c.drawn) {
            rules.extend(p.page.rulings.iter().filter(|r| r.is_horizontal()).map(|r| Rule { page: p.page.number, y: (r.y0 + r.y1) / 2.0, x0: r.x0.min(r.x1), x1: r.x0.max(r.x1) }));
        }
        prev_cols = cols.or(prev_cols);
        page_base += max_pos + 1000 * UNIT;
    }
    units_as_read_elsewhere(&mut placed);
    stacked_units_to_their_rows(&mut placed);
    node_text_left_of_a_label(&mut placed);
    if parts.iter().any(|p| names_code_column(p.page, &p.header)) {
        codes_into_labels(&mut placed);
    }
    let (value_roles, value_names, trailing_roles, extra_names) = header_names.map(|(names, _)| names).unwrap_or_else(|| {
        let v: Vec<Role> = (0..n_values.max(1)).map(|k| Role::VALUES.get(k).copied().unwrap_or(Role::Extra)).collect();
        let names = (0..v.len()).map(|k| if k < Role::VALUES.len() { String::new() } else { format!("column_{}", k + 1) }).collect();
        (v, names, vec![Role::Note; n_trailing], vec![String::new(); n_trailing])
    });
    let mut roles = vec![Role::No, Role::Node, Role::Indicator, Role::Unit];
    roles.extend(value_roles.iter().copied());
    roles.extend(trailing_roles.iter().copied());
    table.extra_columns = value_names.iter().chain(extra_names.iter()).filter(|n| !n.is_empty()).cloned().collect();

    // The signature: from its first line after the last anchor to the end.
    let last_anchor = placed.iter().rposition(|l| l.anchor);
    // (Not the NO column's words: a sheet printed with its row numbers
    // numbers the signature's lines too, "27 Banjarmasin, 3 Januari 2024".)
    let sig = last_anchor.and_then(|a| (a + 1..placed.len()).find(|&i| is_signature_start(&text_right_of_no(&placed[i]))));
    if let Some(s) = sig {
        table.signature = placed[s..].iter().map(line_text).collect();
        placed.truncate(s);
    }
    // Notes under the table ("Keterangan:" / "1. Target triwulan bersifat
    // kumulatif ..."): no cell of the last row.
    if let Some(n) = last_anchor.and_then(|a| (a + 1..placed.len()).find(|&i| is_table_notes_start(&line_text(&placed[i])))) {
        placed.truncate(n);
    }
    if last_anchor.is_none() {
        table.warnings.push("no_table_found".to_string());
        return table;
    }
    let vocab = Vocabulary::from_texts(placed.iter().map(line_text).collect::<Vec<_>>().iter().map(String::as_str));
    table.columns = roles;
    rules.sort_by(|a, b| a.page.cmp(&b.page).then(a.y.total_cmp(&b.y)));
    table.rows = build_rows(&placed, &rules, unitless_pages, &value_roles, &value_names, &trailing_roles, &extra_names, &vocab);
    table
}

/// The commonest number of targets on lines with three or more.
fn value_width(parts: &[PageParts]) -> usize {
    // Per page, the strong anchors' runs of targets ("%" left out).
    let runs: Vec<Vec<Vec<&Word>>> = parts
        .iter()
        .map(|p| {
            p.body
                .iter()
                .filter_map(|&i| {
                    let words = &p.page.lines[i].words;
                    let (_, run) = anchor_in(words)?;
                    let run: Vec<&Word> = run.iter().map(|&j| &words[j]).filter(|w| w.text != "%").collect();
                    (run.len() >= 3).then_some(run)
                })
                .collect()
        })
        .collect();
    let mut counts = std::collections::BTreeMap::new();
    for run in runs.iter().flatten() {
        *counts.entry(run.len()).or_insert(0usize) += 1;
    }
    let n = counts.into_iter().max_by_key(|&(n, c)| (c, n)).map(|(n, _)| n).unwrap_or(5);
    n.max(drawn_value_cells(parts, &runs, n)).max(columns_filled_between(parts, &runs, n))
}

/// How far apart (in points) the values of one column may stand on
/// different rows of a positioned page and still be one column.
const SAME_VALUE_COLUMN: f32 = 8.0;

/// On a positioned page, the number of value columns told by rows that
/// fill cells between the first and the last of the commonest run's
/// (`n` values): a scan's OCR drops the lone "-" of quarters left empty,
/// and where most rows leave them so, the commonest run undercounts the
/// columns (gen153's scan: KONDISI AWAL, TARGET and TW IV read, TW I..III
/// dashes lost). Two rows at least must fill the same wider run, from the
/// commonest run's first column to its last, their values standing in
/// columns; a value outside that span (a budget) never counts.
/// [`drawn_value_cells`] does this by the borders of a ruled table.
fn columns_filled_between(parts: &[PageParts], runs: &[Vec<Vec<&Word>>], n: usize) -> usize {
    let centre = |w: &Word| (w.x0 + w.x1) / 2.0;
    let median = |mut xs: Vec<f32>| {
        xs.sort_by(f32::total_cmp);
        xs[xs.len() / 2]
    };
    // One column: the values' centres (centred cells) or right edges
    // (right-aligned numbers) agree.
    let one_column = |ws: &[&Word]| {
        let spread = |xs: Vec<f32>| xs.iter().copied().fold(f32::MIN, f32::max) - xs.iter().copied().fold(f32::MAX, f32::min);
        spread(ws.iter().map(|w| centre(w)).collect()) <= SAME_VALUE_COLUMN || spread(ws.iter().map(|w| w.x1).collect()) <= SAME_VALUE_COLUMN
    };
    let mut most = 0;
    for (p, page_runs) in parts.iter().zip(runs) {
        let common: Vec<&Vec<&Word>> = page_runs.iter().filter(|r| r.len() == n).collect();
        if p.page.width <= 0.0 || common.len() < 2 {
            continue;
        }
        let first = median(common.iter().map(|r| centre(r[0])).collect());
        let last = median(common.iter().map(|r| centre(r[n - 1])).collect());
        let spans_the_same = |r: &&Vec<&Word>| (centre(r[0]) - first).abs() <= SAME_VALUE_COLUMN && (centre(r[r.len() - 1]) - last).abs() <= SAME_VALUE_COLUMN;
        let wider: Vec<&Vec<&Word>> = page_runs.iter().filter(|r| r.len() > n).filter(spans_the_same).collect();
        for m in wider.iter().map(|r| r.len()) {
            let rows: Vec<&&Vec<&Word>> = wider.iter().filter(|r| r.len() == m).collect();
            if rows.len() >= 2 && (0..m).all(|c| one_column(&rows.iter().map(|r| r[c]).collect::<Vec<_>>())) {
                most = most.max(m);
            }
        }
    }
    most
}

/// On a drawn table, the cells between its vertical borders that the
/// strong anchors' values (`runs`, per page) stand in, from the first value cell to the last
/// of the anchors with `n` values: a scan's OCR drops the "-" of one
/// quarter on most rows ("35 - 10 15 10" read as four values), and the
/// commonest run undercounts the columns. Cells inside the span that
/// other rows fill count too, when one row fills every one of them;
/// cells outside it (a budget) do not.
/// A page whose rows tell no such cells may print each quarter's money
/// beside its target ("20  410.000.000  45  1.120.000.000", gen149's
/// scan, its rows without money read short of their dashes): its cells
/// are then told by the runs' other values.
fn drawn_value_cells(parts: &[PageParts], runs: &[Vec<Vec<&Word>>], n: usize) -> usize {
    let mut most = 0;
    for (p, page_runs) in parts.iter().zip(runs) {
        let borders = vertical_borders(p.page);
        if p.page.width <= 0.0 || borders.is_empty() {
            continue;
        }
        let mut cells = page_value_cells(&borders, page_runs, n, false);
        // (The money words are looked at only where the rows told no cells.)
        let money: Vec<&Word> = if cells.is_empty() { page_runs.iter().flatten().copied().filter(|w| is_sum_of_money(&w.text)).collect() } else { Vec::new() };
        if !money.is_empty() {
            let without_money: Vec<Vec<&Word>> = page_runs.iter().map(|run| run.iter().copied().filter(|w| !is_sum_of_money(&w.text)).collect::<Vec<&Word>>()).filter(|run| run.len() >= 3).collect();
            // (Told by a row with no money filling every one of them, the
            // money standing in cells of its own: targets may be sums of
            // money too, Rupiah of revenue, gen119.)
            let without = page_value_cells(&borders, &without_money, n, true);
            if money.iter().all(|w| !without.contains(&cell_of(&borders, w))) {
                cells = without;
            }
        }
        most = most.max(cells.len());
    }
    most
}

/// The cell a word stands in on its line: how many of the vertical
/// `borders` crossing it lie left of its centre.
fn cell_of(borders: &[(f32, f32, f32)], w: &Word) -> usize {
    let (x, y) = ((w.x0 + w.x1) / 2.0, (w.y0 + w.y1) / 2.0);
    borders.iter().filter(|b| b.1 <= y && b.2 >= y && b.0 < x).count()
}

/// [`drawn_value_cells`] on one page, by its vertical `borders`: the
/// cells, none where its rows tell none. `filled_whole`: only a row
/// filling every cell tells them.
fn page_value_cells(borders: &[(f32, f32, f32)], page_runs: &[Vec<&Word>], n: usize, filled_whole: bool) -> Vec<usize> {
    // The anchors' value cells, by each line's borders.
    let mut lines: Vec<(Vec<usize>, usize)> = Vec::new();
    for run in page_runs {
        let cells: Vec<usize> = run.iter().map(|w| cell_of(borders, w)).collect();
        // (Two values in one cell: no grid of value cells.)
        if cells.windows(2).all(|c| c[0] < c[1]) {
            lines.push((cells, run.len()));
        }
    }
    let spans: Vec<(usize, usize)> = lines.iter().filter(|l| l.1 == n).map(|l| (l.0[0], l.0[l.0.len() - 1])).collect();
    let (Some(first), Some(last)) = (spans.iter().map(|s| s.0).min(), spans.iter().map(|s| s.1).max()) else { return Vec::new() };
    let mut filled: Vec<usize> = lines.iter().flat_map(|l| l.0.iter().copied()).filter(|&c| c >= first && c <= last).collect();
    filled.sort_unstable();
    filled.dedup();
    // A row of the page fills them all: cells that rows fill only in
    // part (a quarter's Fisik and its Rp sum) are no grid of values.
    // Or, with no sum of money among the rows' values, the rows fill
    // every cell from the first to the last between them: a scan's OCR
    // drops lone dashes, and a plan whose rows each leave a quarter
    // "-" (gen113) may print no row with all five read.
    let contiguous = filled.len() == last - first + 1 && lines.len() >= 3;
    let no_money = page_runs.iter().flatten().all(|w| !is_sum_of_money(&w.text));
    if lines.iter().any(|l| l.0 == filled) || (contiguous && no_money && !filled_whole) {
        filled
    } else {
        Vec::new()
    }
}

/// The header's value roles and their printed names, and the trailing
/// text roles and the names of columns with no known role.
type HeaderNames = (Vec<Role>, Vec<String>, Vec<Role>, Vec<String>);

/// The first page's header decides the columns; a column it names for no
/// known role (a scan's "ees" for KETERANGAN under a speck) takes the role
/// a later page's header names for the column starting at the same place
/// (within [`SAME_COLUMN`]), when the role is not taken. The header is
/// printed the same on every page, and read there with other specks.
fn name_from_later_header(first: &mut HeaderNames, first_cols: &Columns, later: &HeaderNames, later_cols: &Columns) {
    let (values, value_names, trailing, trailing_names) = first;
    let adopt = |roles: &mut Vec<Role>, names: &mut Vec<String>, lefts: &[f32], others: &[Role], other_lefts: &[f32]| {
        for k in 0..roles.len().min(lefts.len()) {
            let Some(j) = other_lefts.iter().position(|l| (l - lefts[k]).abs() <= SAME_COLUMN) else { continue };
            let other = others.get(j).copied().unwrap_or(Role::Extra);
            if roles[k] == Role::Extra && other != Role::Extra && !roles.contains(&other) {
                roles[k] = other;
                names[k].clear();
            }
        }
    };
    let value_lefts = |c: &Columns| c.values.iter().map(|v| v.0).collect::<Vec<f32>>();
    adopt(values, value_names, &value_lefts(first_cols), &later.0, &value_lefts(later_cols));
    adopt(trailing, trailing_names, &first_cols.trailing, &later.2, &later_cols.trailing);
}

/// How far apart (points) two pages' columns may start and be one column:
/// a scan's pages are shifted and rotated a little against each other.
const SAME_COLUMN: f32 = 4.0;

/// The value columns' header texts dealt out in order, when placing the
/// header's words one by one put two columns' names over one column of
/// numbers and none over another: a dump shifts a narrow header cell off
/// its numbers ("KONDISI AWAL 2022" and "TARGE T 2023" both over the
/// baseline's numbers, the target's column left unnamed, and every value
/// read a column off). The header's own columns (its phrases over each
/// other, [`column_order::value_header_columns`]) go to the columns of
/// numbers in their order, each to one, nearest by centre in all.
/// `None`: no such clash, or the header's columns do not fit.
fn value_headers_in_order(p: &PageParts, cols: &Columns, placed: &[String]) -> Option<Vec<String>> {
    let n = cols.values.len();
    if n < 2 || !placed.iter().any(|t| t.trim().is_empty()) {
        return None;
    }
    let positioned = p.page.width > 0.0;
    let (lo, hi) = (cols.values[0].0 - cols.slack(), cols.values[n - 1].1 + cols.slack());
    let heads: Vec<(f32, String)> = column_order::value_header_columns(p.page, &p.header, positioned).into_iter().filter(|(c, _)| *c >= lo && *c <= hi).collect();
    let m = heads.len();
    if m < 2 || m > n {
        return None;
    }
    // A clash: two of the header's columns named over one column of numbers.
    let over = |t: &str, name: &str| name.split_whitespace().all(|w| t.split_whitespace().any(|x| x == w));
    let clash = placed.iter().any(|t| heads.iter().filter(|(_, name)| over(t, name)).count() >= 2);
    if !clash {
        return None;
    }
    // Order-keeping assignment, least total distance: best[i][j] is the
    // cost of the first i headers on the first j columns.
    let centre = |k: usize| cols.values[k].2;
    let mut best = vec![vec![f32::INFINITY; n + 1]; m + 1];
    best[0].iter_mut().for_each(|c| *c = 0.0);
    for i in 1..=m {
        for j in i..=n {
            let take = best[i - 1][j - 1] + (heads[i - 1].0 - centre(j - 1)).abs();
            best[i][j] = best[i][j - 1].min(take);
        }
    }
    let mut out = vec![String::new(); n];
    let (mut i, mut j) = (m, n);
    while i > 0 {
        if best[i][j] == best[i][j - 1] && j > i {
            j -= 1;
        } else {
            out[j - 1] = format!("{} ", heads[i - 1].1);
            i -= 1;
            j -= 1;
        }
    }
    Some(out)
}

/// Names the value and trailing columns from the header words above them.
/// Headers are centred and cut ("Triwula" / "n II"), so each word is
/// placed in a column by its centre and a column's words are read together.
fn name_columns(p: &PageParts, cols: &Columns) -> HeaderNames {
    let mut value_text = vec![String::new(); cols.values.len()];
    let mut trailing_text = vec![String::new(); cols.trailing.len()];
    // Line by line, left to right: OCR gives the words of one line tops a
    // pixel or two apart ("(Rp)" above "ANGGARAN"), which must not reorder
    // them.
    // (One copy of the header: a page may print it over each of its tables.)
    let header = column_order::first_header_copy(p.page, &p.header);
    let mut words: Vec<(usize, &Word)> = header.iter().flat_map(|&i| p.page.lines[i].words.iter().map(move |w| (i, w))).collect();
    words.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.x0.total_cmp(&b.1.x0)));
    // Where "SUMBER" of "SUMBER DATA" / "SUMBER DANA" was placed: the
    // name's second word goes with it, after it on its line or under it a
    // line down (where a number may push it over the budget column, and
    // "DANA" alone would name a budget).
    let mut sumber: Option<(usize, f32, f32, Col)> = None;
    // The quarter word just placed ("Triwulan" of "Triwulan IV"): its
    // numeral after it on its line goes with it, wherever it falls (a
    // rotated heading read across runs past its column into the next).
    let mut quarter_word: Option<(usize, Col)> = None;
    for (line, w) in words {
        let centre = (w.x0 + w.x1) / 2.0;
        let probe = Word { x0: centre, x1: centre, ..w.clone() };
        // A header is often wider than its column's numbers: where its
        // centre is over no column, overlap decides.
        let centred = cols.values.iter().any(|v| centre >= v.0 - cols.tol && centre <= v.1 + cols.tol);
        let with_sumber = sumber.filter(|&(l, x0, x1, _)| continues_text_column_name(&w.text) && (l == line || (w.x0 < x1 && w.x1 > x0))).map(|(_, _, _, c)| c);
        let with_quarter_word = quarter_word
            .take()
            .filter(|&(l, _)| l == line && bare_quarter_numeral(&w.text).is_some())
            .map(|(_, c)| c);
        let col = with_sumber.or(with_quarter_word).unwrap_or_else(|| match value_overlap(w, &cols.values, cols.tol) {
            // "KETERANGAN" squeezed over the last quarter's numbers still
            // names the text column after them.
            _ if names_a_text_column(&w.text) => {
                Col::Trailing(cols.trailing.iter().rposition(|&l| w.x0 >= l - cols.slack()).unwrap_or(0))
            }
            Some(k) if !centred => Col::Value(k),
            _ => cols.place(&probe),
        });
        if squash(&w.text) == "SUMBER" {
            sumber = Some((line, w.x0, w.x1, col));
        }
        if is_quarter_word(&squash(&w.text)) {
            quarter_word = Some((line, col));
        }
        match col {
            Col::Value(k) => {
                value_text[k].push_str(&w.text);
                value_text[k].push(' ');
            }
            Col::Trailing(k) => {
                trailing_text[k].push_str(&w.text);
                trailing_text[k].push(' ');
            }
            _ => {}
        }
    }
    if let Some(rebuilt) = value_headers_in_order(p, cols, &value_text) {
        value_text = rebuilt;
    }
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("header text: values {value_text:?} trailing {trailing_text:?} from lines {:?}", p.header.iter().map(|&i| p.page.lines[i].text()).collect::<Vec<_>>());
    }
    let (mut roles, value_names) = value_roles_from_text(&value_text);
    // The columns' own words may misname them where a group heading lies
    // over the quarters ("TARGET PER" over "Apr-Jun" names a target);
    // the header read by its phrases tells the target from the quarters,
    // printed after them or before.
    if let Some(printed) = column_order::target_and_quarters_in_printed_order(p.page, &p.header, p.page.width > 0.0) {
        let at: Vec<usize> = (0..roles.len()).filter(|&k| Role::VALUES.contains(&roles[k])).collect();
        if at.len() == printed.len() {
            for (k, r) in at.into_iter().zip(printed) {
                roles[k] = r;
            }
        }
    }
    let value_roles = roles;
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("value roles {value_roles:?}");
    }
    // Quarters paired with their money: FISIK named, or money named
    // between the first quarter's column and the last ("Triwulan I" over
    // "Target" and "Anggaran (Rp)", gen149).
    let quarter_centres: Vec<f32> = (0..value_roles.len()).filter(|&k| matches!(value_roles[k], Role::Tw1 | Role::Tw2 | Role::Tw3 | Role::Tw4)).map(|k| cols.values[k].2).collect();
    let between_quarters = |x: f32| quarter_centres.first().zip(quarter_centres.last()).is_some_and(|(l, r)| x > *l && x < *r);
    let money_between_quarters = budget_header_words(p.page, header).filter(|w| between_quarters((w.x0 + w.x1) / 2.0)).count() >= 2;
    let quarters_paired = value_text.iter().any(|t| names_word(t, "FISIK")) || money_between_quarters;
    let mut names = Vec::new();
    let mut taken: Vec<Role> = Vec::new();
    // A plan pairing each quarter's FISIK with its ANGGARAN (Rp), the money
    // spent that quarter: an "Anggaran (Rp)" cell after the quarters is TW
    // IV's spending, not the budget (the PAGU the plan prints apart).
    let trailing_roles = trailing_text
        .iter()
        .map(|t| {
            // (A piece of a quarter's heading spilled over a text column,
            // "- Des" of "Okt - Des", names no text column.)
            let mut role = role_of(t).map(Role::ungrouped).filter(|r| !Role::VALUES.contains(r)).unwrap_or(Role::Extra);
            if role == Role::Budget && quarters_paired && !names_word(t, "PAGU") {
                role = Role::Extra;
            }
            // Two columns of one role (KETERANGAN and SUMBER DANA, both
            // remarks): the second is kept apart under its header.
            if role != Role::Extra && taken.contains(&role) {
                role = Role::Extra;
            }
            taken.push(role);
            names.push(if role == Role::Extra { fold(t) } else { String::new() });
            role
        })
        .collect();
    (value_roles, value_names, trailing_roles, names)
}

/// The value columns' roles, and the names of those kept apart as extra
/// columns, from the header text gathered over each of them (see
/// [`name_columns`]; the header's printed order may still correct them).
fn value_roles_from_text(value_text: &[String]) -> (Vec<Role>, Vec<String>) {
    let defaults = Role::VALUES;
    let mut value_names = vec![String::new(); value_text.len()];
    let mut value_roles: Vec<Option<Role>> = value_text.iter().map(|t| value_role_of(&without_spilled_budget_word(t)).map(Role::ungrouped).filter(|r| r.is_value())).collect();
    // "TRIWULAN" printed once over the quarters leaves their numerals
    // alone over the columns ("I", "II", ...): under that group word a
    // bare numeral names its quarter.
    let quarter_group = value_text.iter().any(|t| t.split_whitespace().any(|w| is_quarter_word(&squash(w))));
    if quarter_group {
        for (r, t) in value_roles.iter_mut().zip(value_text) {
            if r.is_none() {
                *r = bare_quarter_numeral(t);
            }
        }
    }
    // "TARGET" printed once over the quarters and the year's target can
    // land over one quarter's numeral ("TARGET" / "III" in a layout dump,
    // its cell wider than the word): with another column naming the
    // year's target ("TAHUN 2026"), that numeral names its quarter.
    if quarter_group && value_roles.iter().filter(|r| **r == Some(Role::Target)).count() >= 2 {
        let names_group = |t: &str| t.split_whitespace().any(|w| is_quarter_word(&squash(w)));
        // The group heading itself ("TARGET TRIWULAN") over one quarter
        // whose numeral OCR lost, beside a column naming the year's target
        // ("TAHUN 2026"): it names no column, and the quarters go by
        // position (gen78's scan read the first quarter as the target).
        let year_named = value_roles.iter().zip(value_text).any(|(r, t)| *r == Some(Role::Target) && !names_group(t));
        for (r, t) in value_roles.iter_mut().zip(value_text) {
            if *r == Some(Role::Target) {
                let rest: Vec<&str> = t.split_whitespace().filter(|w| squash(w) != "TARGET").collect();
                // (Nor does the heading with its numeral misread, "TARGET
                // i" for "TARGET" over "II" on a scan: where another
                // column names the year's target, a TARGET naming no year
                // is the group's.)
                let names_year = t.split_whitespace().any(|w| is_plan_year(w) || squash(w) == "TAHUN");
                if let Some(q) = bare_quarter_numeral(&rest.join(" ")) {
                    *r = Some(q);
                } else if year_named && (names_group(t) || !names_year) {
                    *r = None;
                }
            }
        }
    }
    // Monitoring formats (Renja, RKA) print each quarter as two cells
    // under its heading: FISIK, the indicator's target, and KEUANGAN (Rp),
    // the money planned for the quarter. The heading, centred over the
    // pair, lands over either cell: the FISIK cell takes the quarter it or
    // its KEUANGAN neighbour names, and a KEUANGAN cell is kept apart under
    // its header, never read as a target.
    // KONDISI AWAL (the baseline, last year's value) is a column of
    // numbers beside the targets but no target: kept apart under its
    // header like a KEUANGAN cell (gen72 prints it before the quarters,
    // and it took the year's target's place, 9 wrong targets).
    // So is an earlier year's achievement, CAPAIAN 2024 (gen152).
    let baseline: Vec<bool> = value_text.iter().map(|t| names_earlier_figure(t)).collect();
    let spending: Vec<bool> = value_text.iter().map(|t| names_word(t, "KEUANGAN")).collect();
    let quarters_paired = value_text.iter().any(|t| names_word(t, "FISIK"));
    if spending.iter().any(|s| *s) && quarters_paired {
        let quarter_in = |t: &str| {
            let rest: Vec<&str> = t.split_whitespace().filter(|w| !matches!(squash(w).as_str(), "FISIK" | "KEUANGAN" | "RP")).collect();
            value_role_of(&rest.join(" ")).filter(|r| matches!(r, Role::Tw1 | Role::Tw2 | Role::Tw3 | Role::Tw4))
        };
        for k in 0..value_text.len() {
            if spending[k] {
                value_roles[k] = None;
            } else if names_word(&value_text[k], "FISIK") {
                let partners = [k + 1, k.wrapping_sub(1)].into_iter().filter(|&j| spending.get(j).copied().unwrap_or(false));
                value_roles[k] = quarter_in(&value_text[k]).or_else(|| partners.filter_map(|j| quarter_in(&value_text[j])).next());
            }
        }
    }
    // A header cut inside a word can give two columns one name: then the
    // position decides for all of them.
    // (A column named for no target or quarter, ANGGARAN, keeps its name.)
    let unnamed_targets = |roles: &[Option<Role>]| -> Vec<Option<Role>> { roles.iter().map(|r| r.filter(|r| !defaults.contains(r))).collect() };
    // Two quarters read as one ("TW II" as "TWI" on a scan) or a quarter
    // left unread leave the year's target named once ("TARGET 2027"): at
    // either end of the value columns it stays where it is, and the
    // quarters fill the other columns in their order.
    let positional = |roles: &[Option<Role>]| -> Vec<Option<Role>> {
        let mut out = unnamed_targets(roles);
        let named: Vec<usize> = (0..roles.len()).filter(|&k| roles[k] == Some(Role::Target)).collect();
        let open: Vec<usize> = (0..out.len()).filter(|&k| out[k].is_none() && !spending[k] && !baseline[k]).collect();
        if let [k] = named[..] {
            if open.len() == Role::VALUES.len() && (open.first() == Some(&k) || open.last() == Some(&k)) {
                out[k] = Some(Role::Target);
            }
        }
        out
    };
    let mut seen = std::collections::HashSet::new();
    if !value_roles.iter().flatten().all(|r| seen.insert(*r)) {
        value_roles = positional(&value_roles);
    }
    // Columns the header does not name take, left to right, the target and
    // quarters still missing (headers are often cut: "TARGE" / "T"); any
    // left over (REALISASI, CAPAIAN) is kept as an extra column under its
    // header, never read as a target.
    let fill = |named: &[Option<Role>], value_names: &mut Vec<String>| -> Vec<Role> {
        let mut missing = defaults.iter().filter(|d| !named.contains(&Some(**d))).copied();
        named
            .iter()
            .enumerate()
            .map(|(k, r)| {
                r.or_else(|| if spending[k] || baseline[k] { None } else { missing.next() }).unwrap_or_else(|| {
                    value_names[k] = if fold(&value_text[k]).is_empty() { format!("column_{}", k + 1) } else { fold(&value_text[k]) };
                    Role::Extra
                })
            })
            .collect()
    };
    let mut roles = fill(&value_roles, &mut value_names);
    // A plan prints the quarters in their order, the year's target before
    // them or, in some plans, after them: names that put them otherwise
    // were misread ("TW.I" for "TW.III", OCR), and the position decides
    // for all of them.
    if !value_columns_in_order(&roles) {
        value_names = vec![String::new(); value_text.len()];
        roles = fill(&positional(&value_roles), &mut value_names);
    }
    (roles, value_names)
}

/// Whether a header cell's text holds `word` (in capitals, squashed) as
/// one of its words ("FISIK", "KONDISI").
fn names_word(text: &str, word: &str) -> bool {
    text.split_whitespace().any(|w| squash(w) == word)
}

/// The value columns named for the target and TW I to TW IV (see
/// [`Columns::slots`]), where `roles` names each of them once for `n`
/// columns.
fn value_slots(roles: &[Role], n: usize) -> Option<[usize; 5]> {
    if roles.len() != n {
        return None;
    }
    let mut slots = [0; 5];
    for (slot, role) in slots.iter_mut().zip(Role::VALUES) {
        let mut at = roles.iter().enumerate().filter(|(_, r)| **r == role).map(|(k, _)| k);
        *slot = at.next()?;
        if at.next().is_some() {
            return None;
        }
    }
    Some(slots)
}

/// A line's text but for its words in the NO column.
fn text_right_of_no(l: &Placed) -> String {
    l.words.iter().filter(|(c, _)| *c != Col::No).map(|(_, w)| w.text.as_str()).collect::<Vec<_>>().join(" ")
}

fn line_text(l: &Placed) -> String {
    l.words.iter().map(|(_, w)| w.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// Vertical alignment of cells in the table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum VAlign {
    Top,
    Centre,
    Bottom,
}

/// A horizontal cell border of a ruled page: its page, height and extent
/// across the page (in points: the lines' grid is too coarse to tell a
/// border from the text just under it).
#[derive(Debug, Clone, Copy)]
struct Rule {
    page: u32,
    y: f32,
    x0: f32,
    x1: f32,
}

impl Rule {
    /// Whether the rule lies between two places on the pages ([`middle_of`]
    /// a line's text), `above` first.
    fn between(&self, above: (u32, f32), below: (u32, f32)) -> bool {
        (self.page, self.y) > above && (self.page, self.y) < below
    }

    /// Whether the rule runs across `x`.
    fn crosses(&self, x: f32) -> bool {
        self.x0 < x && self.x1 > x
    }
}

/// Where an anchor's row is: the middle of its unit, or of its values
/// where the plan has no SATUAN column (a line may gather words of a
/// merged cell's lines a little above the row's border).
fn anchor_middle(l: &Placed) -> (u32, f32) {
    let col = if l.has(Col::Unit) { Col::Unit } else { Col::Value(0) };
    middle_of(l, Some(col))
}

/// Where a line's text in `col` lies (its page and the middle of its
/// height), or the line's own where it has none there. The middle, not
/// the top: a scan's word boxes and the borders found in its image may be
/// off by a few points, the top of a word just under a border read above
/// it; a word's middle is inside its cell either way.
fn middle_of(l: &Placed, col: Option<Col>) -> (u32, f32) {
    let middle = |ws: &mut dyn Iterator<Item = &Word>| ws.fold(None, |acc: Option<(f32, f32)>, w| Some(acc.map_or((w.y0, w.y1), |(a, b)| (a.min(w.y0), b.max(w.y1))))).map(|(a, b)| (a + b) / 2.0);
    let y = middle(&mut l.words.iter().filter(|(c, _)| col.is_none_or(|k| *c == k)).map(|(_, w)| w)).or_else(|| middle(&mut l.words.iter().map(|(_, w)| w))).unwrap_or(0.0);
    (l.page, y)
}

#[allow(clippy::too_many_arguments)]
fn build_rows(
    placed: &[Placed],
    rules: &[Rule],
    // The table has no SATUAN column (see [`Columns::unitless`]).
    cols_unitless: bool,
    value_roles: &[Role],
    value_names: &[String],
    trailing_roles: &[Role],
    extra_names: &[String],
    vocab: &Vocabulary,
) -> Vec<Row> {
    let anchors: Vec<usize> = placed.iter().enumerate().filter(|(_, l)| l.anchor).map(|(i, _)| i).collect();
    // Borders drawn around the header or the table alone say nothing of
    // where one row ends: the rules are read only where rows are ruled.
    let all_rules = rules;
    let rules = if rows_are_ruled(placed, rules, &anchors) { rules } else { &[] };
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("row borders read: {} (of {} drawn)", rules.len(), all_rules.len());
    }
    // Node cells: from each label line to the next.
    let label_lines = node_label_lines(placed);
    let unlabelled = unlabelled_sasaran_lines(placed, &label_lines);
    let label_lines: Vec<usize> = {
        let mut all = [label_lines, unlabelled.clone()].concat();
        all.sort_unstable();
        all
    };
    let node_span = |n: usize| -> (usize, usize) {
        let start = label_lines[n];
        let end = label_lines.get(n + 1).copied().unwrap_or(placed.len());
        let last = (start..end).rev().find(|&i| placed[i].has(Col::Node)).unwrap_or(start);
        (start, last)
    };
    // The node of each anchor: the last label at or above it.
    let node_of = |a: usize| label_lines.iter().rposition(|&l| placed[l].pos <= placed[a].pos);
    let valign = measure_valign(placed, &anchors, &label_lines, &node_span, &node_of);
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("valign {valign:?}");
    }

    let text_cols: Vec<Col> = {
        let mut v = vec![Col::Indicator, Col::Definition, Col::Unit, Col::Budget];
        v.extend((0..trailing_roles.len()).map(Col::Trailing));
        v
    };
    // For each text column, which anchor each line's text belongs to.
    let mut cells: Vec<Vec<(Col, Vec<String>)>> = vec![Vec::new(); anchors.len()];
    // Each row's vertical band: its anchor and every line of its text.
    let mut bands: Vec<(i64, i64)> = anchors.iter().map(|&a| (placed[a].pos, placed[a].pos)).collect();
    let mut numbers: Vec<Option<u32>> = vec![None; anchors.len()];
    for &col in &text_cols {
        let mut owner = split_column(placed, rules, &anchors, col, valign);
        // The band is measured on the anchor's page: a row continued on
        // the next page is aligned on the page where it starts.
        for (k, lines) in owner.iter().enumerate() {
            for &i in lines.iter().filter(|&&i| placed[i].page == placed[anchors[k]].page) {
                bands[k].0 = bands[k].0.min(placed[i].pos);
                bands[k].1 = bands[k].1.max(placed[i].pos);
            }
        }
        share_merged_cells(placed, rules, &anchors, col, &mut owner);
        for (k, lines) in owner.into_iter().enumerate() {
            let texts: Vec<String> = lines.iter().map(|&i| placed[i].text_in(col)).collect();
            if col == Col::Indicator {
                numbers[k] = texts.first().and_then(|t| parse_indicator_number(t).0);
            }
            cells[k].push((col, texts));
        }
    }
    let spans: Vec<(i64, i64)> = (0..label_lines.len())
        .map(|n| {
            let (s, e) = node_span(n);
            let e = (s..=e).rev().find(|&i| placed[i].page == placed[s].page && placed[i].has(Col::Node)).unwrap_or(s);
            (placed[s].pos, placed[e].pos)
        })
        .collect();
    let tops: Vec<i64> = anchors.iter().map(|&a| placed[a].pos).collect();
    let mut node_of_row = assign_nodes(&spans, &bands, &tops, &numbers, valign);
    // A ruled table draws each node's cell: a row whose node cell holds
    // one label is that node's, however the cell's text is aligned.
    for (row, node) in node_of_row.iter_mut().zip(ruled_nodes(placed, rules, &anchors, &label_lines)) {
        if node.is_some() {
            *row = node;
        }
    }
    // Each line's nearest anchor, once: asked per word and per row below,
    // it made a long plan's reflow cubic in its length.
    let nearest: Vec<usize> = (0..placed.len()).map(|i| nearest_anchor(placed, &anchors, i)).collect();
    // Value cells: the anchor line's words, plus wrapped pieces on the
    // nearest lines ("40,05" above, "%" below), or on a ruled table the
    // lines of the anchor's ruled row ("45 Kelompok" / "Tani", a unit
    // printed with its value, wrapped nearer the next row's anchor).
    let mut value_cells: Vec<Vec<Vec<(i64, String)>>> = vec![vec![Vec::new(); value_roles.len()]; anchors.len()];
    // Per value column, the line and row of the last piece placed in it.
    let mut last_piece: Vec<Option<(i64, usize)>> = vec![None; value_roles.len()];
    for (i, l) in placed.iter().enumerate() {
        let ruled = ruled_row_of(placed, rules, &anchors, i);
        let carried = carried_over_to(placed, &anchors, i);
        for (c, w) in &l.words {
            if let Col::Value(v) = c {
                if *v >= value_roles.len() {
                    continue;
                }
                let mut k = ruled.unwrap_or(nearest[i]);
                // A row carried over a page break (a word processor's
                // table lets a row break): above the page's first anchor,
                // the rest of a word cut in its cell ("Kondus" / "if") is
                // the row's on the page before, where that row's cell ends
                // in a letter; no value opens in lower case.
                let cut_word = |k: usize| value_cells[k][*v].last().is_some_and(|(_, t)| t.ends_with(|c: char| c.is_lowercase()));
                if let Some(before) = carried.filter(|&b| w.text.starts_with(|c: char| c.is_lowercase()) && cut_word(b)) {
                    k = before;
                }
                // A plan with no SATUAN column prints units with the values;
                // a unit wrapped over more lines than its row has ("20" /
                // "Kelompok" / "Tani") goes on under its cell's last piece,
                // nearer the next row's anchor.
                if let Some((pos, above)) = last_piece[*v].filter(|_| cols_unitless && ruled.is_none() && !l.anchor && !is_value_word(&w.text)) {
                    if l.pos - pos <= UNIT && w.text.chars().all(char::is_alphabetic) {
                        k = above;
                    }
                }
                value_cells[k][*v].push((l.pos, w.text.clone()));
                last_piece[*v] = Some((l.pos, k));
            }
        }
    }

    // Each row's first indicator line among the lines nearest to it.
    let mut first_indicator_line: Vec<Option<usize>> = vec![None; anchors.len()];
    for (i, &k) in nearest.iter().enumerate() {
        if first_indicator_line[k].is_none() && placed[i].has(Col::Indicator) {
            first_indicator_line[k] = Some(i);
        }
    }

    let mut rows = Vec::new();
    let mut emitted_nodes = vec![false; label_lines.len()];
    for (k, &a) in anchors.iter().enumerate() {
        let node = node_of_row[k];
        // Nodes opened above this anchor that have no anchor of their own.
        if let Some(n) = node {
            for (m, emitted) in emitted_nodes.iter_mut().enumerate().take(n) {
                if !std::mem::replace(emitted, true) {
                    let (s, e) = node_span(m);
                    rows.push(Row {
                        page: placed[s].page,
                        line: placed[s].line,
                        node: Some(node_text(placed, s, e, vocab)),
                        node_level: unlabelled.contains(&s).then_some(Level::Sasaran),
                        ..Row::default()
                    });
                }
            }
        }
        let mut row = Row::default();
        if let Some(n) = node {
            if !emitted_nodes[n] {
                emitted_nodes[n] = true;
                let (s, e) = node_span(n);
                row.node = Some(node_text(placed, s, e, vocab));
                row.node_level = unlabelled.contains(&s).then_some(Level::Sasaran);
            }
        }
        let mut first_line = a;
        for (col, lines) in &cells[k] {
            // (A budget printed among the text columns is a value's pieces.)
            let budget = matches!(col, Col::Trailing(t) if trailing_roles[*t] == Role::Budget) || *col == Col::Budget;
            let text = if budget { join_value_pieces(lines.iter().map(String::as_str)) } else { join_lines(lines, vocab) };
            let role = match col {
                Col::Indicator => Role::Indicator,
                Col::Definition => Role::Definition,
                Col::Unit => Role::Unit,
                Col::Budget => Role::Budget,
                Col::Trailing(t) => trailing_roles[*t],
                _ => continue,
            };
            if role == Role::Extra {
                if let Col::Trailing(t) = col {
                    if !text.is_empty() {
                        row.extra.push((extra_names[*t].clone(), text));
                    }
                }
            } else {
                row.set(role, text);
            }
        }
        if let Some(i) = first_indicator_line[k].filter(|&i| i < first_line) {
            first_line = i;
        }
        for (v, pieces) in value_cells[k].iter_mut().enumerate() {
            pieces.sort_by_key(|p| p.0);
            // A year alone on another line than the row's own number in
            // the column is a header's remnant over a page's first row
            // ("TARGET" / "2026" cut at the page break), no piece of it.
            let own_number = pieces.iter().any(|p| p.0 == placed[a].pos && is_number_word(&p.1));
            if own_number {
                pieces.retain(|p| p.0 == placed[a].pos || !is_plan_year(&p.1));
            }
            let joined = join_value_pieces(pieces.iter().map(|p| p.1.as_str()));
            if value_roles[v] == Role::Extra {
                if !joined.is_empty() {
                    row.extra.push((value_names[v].clone(), joined));
                }
            } else {
                row.set(value_roles[v], joined);
            }
        }
        row.page = placed[first_line].page;
        row.line = placed[first_line].line;
        let ws: Vec<&Word> = placed[first_line..=a].iter().flat_map(|l| l.words.iter().map(|(_, w)| w)).collect();
        if !ws.is_empty() {
            row.bbox = Some([
                ws.iter().map(|w| w.x0).fold(f32::MAX, f32::min),
                ws.iter().map(|w| w.y0).fold(f32::MAX, f32::min),
                ws.iter().map(|w| w.x1).fold(f32::MIN, f32::max),
                ws.iter().map(|w| w.y1).fold(f32::MIN, f32::max),
            ]);
        }
        rows.push(row);
    }
    rejoin_cut_budgets(&mut rows);
    rejoin_values_cut_in_last_group(&mut rows);
    currency_out_of_values(&mut rows);
    rows
}

/// The budget's currency printed on the values' line, a word space after
/// TW IV, its sum wrapped to the line below ("250 Rp" / "3.000.000.000",
/// gen122's layout dump): no part of the quarter's value.
fn currency_out_of_values(rows: &mut [Row]) {
    for row in rows.iter_mut() {
        for role in Role::VALUES {
            let value = row.get(role).and_then(|t| t.rsplit_once(' ')).filter(|(v, c)| is_currency(c) && !matches!(parse_value(v), Value::Unreadable(_))).map(|(v, _)| v.to_string());
            if let Some(v) = value {
                row.replace(role, v);
            }
        }
    }
}

/// A value cut inside its last group at a narrow cell's edge, its pieces
/// a line apart ("111.20" / "0", gen122's TW III of "111.200"): joined
/// where another of the row's values is written in thousands with dots
/// ("148.500 37.000 74.000"); otherwise the cell stays as read, two
/// pieces the grammar refuses (empty, with a warning).
fn rejoin_values_cut_in_last_group(rows: &mut [Row]) {
    for row in rows.iter_mut() {
        let in_thousands = Role::VALUES.iter().any(|r| row.get(*r).is_some_and(is_grouped_thousands));
        if !in_thousands {
            continue;
        }
        for role in Role::VALUES {
            let joined = row.get(role).and_then(|t| t.split_once(' ')).and_then(|(head, tail)| rejoined_in_last_group(head, tail));
            if let Some(joined) = joined {
                row.replace(role, joined);
            }
        }
    }
}

/// A sum of money cut at its cell's edge whose tail the cell split gave
/// the next row ("14.200.000.00" / "0"): the tail goes back, and the next
/// row's budget is blank, as printed.
fn rejoin_cut_budgets(rows: &mut [Row]) {
    let with_budget: Vec<usize> = (0..rows.len()).filter(|&k| rows[k].get(Role::Budget).is_some()).collect();
    for pair in with_budget.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (Some(head), Some(tail)) = (rows[a].get(Role::Budget), rows[b].get(Role::Budget)) else { continue };
        if let Some(joined) = rejoined_sum(head, tail).filter(|_| !is_sum_of_money(tail)) {
            rows[a].replace(Role::Budget, joined);
            rows[b].cells.retain(|(r, _)| *r != Role::Budget);
        }
    }
}

/// A value cell's pieces, top to bottom, as one value: a number wrapped
/// in its cell ("40,05" / "%", "1.250." / "000") joins without a space.
/// Two pieces that are whole values each ("25" / "60", "BB" / "WTP") are
/// not one value wrapped, but two rows' values met in one cell (a row the
/// reading lost): they stay apart, which the number grammar refuses, so
/// the cell is left empty with a warning instead of reading "2560".
fn join_value_pieces<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    let pieces: Vec<&str> = pieces.collect();
    // A sum of money cut at its cell's edge ("28.450.000.00" / "0").
    if let Some(sum) = pieces.split_first().filter(|(_, rest)| !rest.is_empty()).and_then(|(head, rest)| rejoined_sum(head, &rest.concat())) {
        return sum;
    }
    // (Whole: a number, or a target the grammar reads as text: "BB", a
    // range "1-3" over a number "7,1" is no "1-37,1".)
    let whole = pieces.iter().filter(|p| matches!(parse_value(p), Value::Number(_) | Value::Text(_))).count();
    if whole >= 2 {
        return pieces.join(" ");
    }
    // A word target of two words wrapped in its cell ("Sangat" / "Baik")
    // keeps its space; a word cut at the cell's edge ("Informa" / "tif")
    // and a number's pieces ("33,33" / "%") join up.
    let mut out = String::new();
    for p in pieces {
        let word_after_word = out.ends_with(|c: char| c.is_alphabetic()) && p.starts_with(|c: char| c.is_uppercase());
        // A unit printed with its value and wrapped ("45" / "Kelompok").
        let word_after_number = out.ends_with(|c: char| c.is_ascii_digit()) && p.starts_with(|c: char| c.is_alphabetic());
        // The next value under a wrapped unit ("Tani" / "1.200 Ha").
        let number_after_word = out.ends_with(|c: char| c.is_alphabetic()) && p.starts_with(|c: char| c.is_ascii_digit());
        // A dash cell over a number is two cells, never a minus sign
        // ("-" / "1" of two rows run together): left unreadable.
        let number_after_dash = out == "-" && p.starts_with(|c: char| c.is_ascii_digit());
        // A bound's sign apart from its number ("≥" / "80", "≤ 30").
        let number_after_sign = matches!(out.as_str(), "≥" | "≤" | ">" | "<" | ">=" | "<=") && p.starts_with(|c: char| c.is_ascii_digit());
        if word_after_word || word_after_number || number_after_word || number_after_dash || number_after_sign {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

fn node_text(placed: &[Placed], s: usize, e: usize, vocab: &Vocabulary) -> String {
    // An URUSAN heading under the cell (its own code, "2.08 URUSAN
    // PEMERINTAHAN BIDANG ...", printed at a page's foot before the next
    // page's programs) ends the name: no level of the hierarchy is it.
    let e = (s + 1..=e).find(|&i| opens_urusan_heading(&placed[i])).map_or(e, |i| i - 1);
    let first_page = placed[s].page;
    let on = |same: bool| -> Vec<String> {
        placed[s..=e]
            .iter()
            .filter(|l| (l.page == first_page) == same)
            .map(|l| l.text_in(Col::Node))
            .filter(|t| !t.is_empty())
            .collect()
    };
    let mut text = join_lines(&on(true), vocab);
    let rest = join_lines(&on(false), vocab);
    // A cell merged over a page break may be printed again on the next
    // page, whole or its last words: a repeat of what the cell already
    // ends with is no continuation. Printed again from some line on and
    // then going on ("... Penerapan Persyaratan atau Standar pada Usaha
    // Pengolahan" / "Penerapan Persyaratan ... Pengolahan dan Pemasaran
    // ..."), the words both pages print (two or more) are read once.
    if !rest.is_empty() && !text.ends_with(&rest) {
        let rest = without_repeated_start(&text, &rest);
        text = join_lines(&[text, rest], vocab);
    }
    fold(&text)
}

/// A line opening an URUSAN heading (SIPD's level above the programs):
/// "URUSAN" first in the node column, beside a code of its own in the NO
/// or KODE column. A name wrapped before "Urusan" ("PROGRAM PENUNJANG" /
/// "URUSAN PEMERINTAHAN DAERAH") has no code on that line.
fn opens_urusan_heading(l: &Placed) -> bool {
    let code = l.text_in(Col::No);
    let coded = code.contains('.') && code.chars().all(|c| c.is_ascii_digit() || c == '.');
    coded && l.text_in(Col::Node).split_whitespace().next().is_some_and(|w| w == "URUSAN")
}

/// `rest` without its opening words when they repeat the words `text`
/// ends with (the longest such run of two words or more).
fn without_repeated_start(text: &str, rest: &str) -> String {
    let a: Vec<&str> = text.split_whitespace().collect();
    let b: Vec<&str> = rest.split_whitespace().collect();
    let longest = (2..=a.len().min(b.len())).rev().find(|&n| a[a.len() - n..] == b[..n]);
    match longest {
        Some(n) => b[n..].join(" "),
        None => rest.to_string(),
    }
}

/// Assigns rows to node cells: each node, in order, takes a run of
/// consecutive rows (a cell merged over its indicators' rows), chosen so
/// that the node cell sits where the table's vertical alignment puts it
/// (label at the first row's top, cell centred on its rows, or cell ending
/// at the last row's bottom). Indicator numbering helps: "1." opens a
/// node's rows, "2." continues them. Solved by dynamic programming over
/// (nodes, rows). Returns the node of each row.
fn assign_nodes(spans: &[(i64, i64)], bands: &[(i64, i64)], tops: &[i64], numbers: &[Option<u32>], valign: VAlign) -> Vec<Option<usize>> {
    assign_nodes_with(spans, bands, tops, numbers, valign, valign != VAlign::Centre)
}

/// [`assign_nodes`], by a sliding window over starts (`sliding`, for top
/// or bottom alignment) or by every start and end.
fn assign_nodes_with(spans: &[(i64, i64)], bands: &[(i64, i64)], tops: &[i64], numbers: &[Option<u32>], valign: VAlign, sliding: bool) -> Vec<Option<usize>> {
    const MAX_ROWS_PER_NODE: usize = 40;
    const SKIP_NODE: i64 = 6 * UNIT;
    const ROW_WITHOUT_NODE: i64 = 50 * UNIT;
    let (m, n) = (spans.len(), bands.len());
    // Rows numbered "1." before each row, so that a run's count is O(1).
    let mut ones_before = vec![0i64; n + 1];
    for (r, k) in numbers.iter().enumerate() {
        ones_before[r + 1] = ones_before[r] + i64::from(*k == Some(1));
    }
    // The cost of giving node j rows s..e, in three parts: one of the
    // first row alone, one of the last alone, and (centred cells only) one
    // of both. Top- and bottom-aligned costs have no third part, which the
    // sliding window below relies on.
    let start_part = |j: usize, s: usize| -> i64 {
        // Top-aligned, a node's cell opens on its first row's anchor line
        // (the valign vote's measure; a row's band, grown by the text lines
        // given to it, may reach above): a label printed above or below it
        // opens another row, or none (a kegiatan without indicators between
        // two rows).
        let mut c = if valign == VAlign::Top { 4 * (spans[j].0 - tops[s]).abs() } else { 0 };
        if numbers[s].is_some_and(|k| k > 1) {
            c += 3 * UNIT;
        }
        c - 3 * UNIT * ones_before[s + 1]
    };
    let end_part = |j: usize, e: usize| -> i64 {
        let (label, last) = spans[j];
        let bottom = bands[e - 1].1;
        let mut c = if valign == VAlign::Bottom { (last - bottom).abs() } else { 0 };
        // The node's label cannot lie below all of its rows.
        if label > bottom {
            c += 2 * (label - bottom);
        }
        c + 3 * UNIT * ones_before[e]
    };
    let centre_part = |j: usize, s: usize, e: usize| -> i64 {
        let (label, last) = spans[j];
        if valign == VAlign::Centre {
            ((label + last) - (bands[s].0 + bands[e - 1].1)).abs() / 2
        } else {
            0
        }
    };
    let cost = |j: usize, s: usize, e: usize| start_part(j, s) + end_part(j, e) + centre_part(j, s, e);
    let inf = i64::MAX / 4;
    let mut d = vec![vec![inf; n + 1]; m + 1];
    let mut from = vec![vec![0usize; n + 1]; m + 1];
    for (i, cost) in d[0].iter_mut().enumerate() {
        *cost = ROW_WITHOUT_NODE * i as i64;
    }
    for j in 0..m {
        if !sliding {
            for i in 0..=n {
                if d[j][i] >= inf {
                    continue;
                }
                // Node j with no row of its own.
                if d[j][i] + SKIP_NODE < d[j + 1][i] {
                    d[j + 1][i] = d[j][i] + SKIP_NODE;
                    from[j + 1][i] = i;
                }
                for e in i + 1..=(i + MAX_ROWS_PER_NODE).min(n) {
                    let c = d[j][i] + cost(j, i, e);
                    if c < d[j + 1][e] {
                        d[j + 1][e] = c;
                        from[j + 1][e] = i;
                    }
                }
            }
            continue;
        }
        // Aligned at the top or the bottom, the cost of rows s..e is a
        // part of s plus a part of e (whole numbers, so exactly), and the
        // best start for each end is a minimum over a sliding window of
        // starts: linear in the rows instead of 40 times that. The
        // earliest start wins among equals, as the loop over starts above.
        // Starts in the window, by increasing total; equal totals keep
        // the earlier start in front.
        let mut window: std::collections::VecDeque<(usize, i64)> = std::collections::VecDeque::new();
        for e in 0..=n {
            if e >= 1 {
                let s = e - 1;
                if d[j][s] < inf {
                    let v = d[j][s] + start_part(j, s);
                    while window.back().is_some_and(|&(_, b)| b > v) {
                        window.pop_back();
                    }
                    window.push_back((s, v));
                }
                while window.front().is_some_and(|&(s, _)| s + MAX_ROWS_PER_NODE < e) {
                    window.pop_front();
                }
                if let Some(&(s, v)) = window.front() {
                    d[j + 1][e] = v + end_part(j, e);
                    from[j + 1][e] = s;
                }
            }
            // Node j with no row of its own.
            if d[j][e] < inf && d[j][e] + SKIP_NODE < d[j + 1][e] {
                d[j + 1][e] = d[j][e] + SKIP_NODE;
                from[j + 1][e] = e;
            }
        }
    }
    let mut out = vec![None; n];
    let mut e = n;
    for j in (1..=m).rev() {
        let s = from[j][e];
        for r in out.iter_mut().take(e).skip(s) {
            *r = Some(j - 1);
        }
        e = s;
    }
    out
}

/// The row (index into `anchors`) whose cells line `i` may carry on: the
/// last anchor before it, on an earlier page, where `i` lies above its own
/// page's first anchor. None elsewhere.
fn carried_over_to(placed: &[Placed], anchors: &[usize], i: usize) -> Option<usize> {
    let before = anchors.partition_point(|&a| a < i).checked_sub(1)?;
    let page = placed[i].page;
    (placed[anchors[before]].page < page).then_some(before)
}

/// The anchor nearest to line `i` (by grid position), earlier on ties.
fn nearest_anchor(placed: &[Placed], anchors: &[usize], i: usize) -> usize {
    let p = placed[i].pos;
    anchors
        .iter()
        .enumerate()
        .min_by_key(|(_, &a)| ((placed[a].pos - p).abs(), placed[a].pos > p))
        .map(|(k, _)| k)
        .unwrap_or(0)
}

/// Measures the table's vertical alignment from node cells with a single
/// anchor: top when the label is on the anchor line, bottom when the
/// cell's last line is, centre when the anchor sits in the middle.
fn measure_valign(
    placed: &[Placed],
    anchors: &[usize],
    label_lines: &[usize],
    node_span: &dyn Fn(usize) -> (usize, usize),
    node_of: &dyn Fn(usize) -> Option<usize>,
) -> VAlign {
    let mut votes = [0usize; 3];
    // Each anchor's node once: asked per node, it made a long plan's
    // reflow cubic in its length.
    let anchor_nodes: Vec<Option<usize>> = anchors.iter().map(|&a| node_of(a)).collect();
    for n in 0..label_lines.len() {
        let mine: Vec<usize> =
            anchors.iter().zip(&anchor_nodes).filter(|(_, node)| **node == Some(n)).map(|(&a, _)| a).collect();
        if mine.len() != 1 {
            continue;
        }
        let (s, e) = node_span(n);
        let (ps, pe, pa) = (placed[s].pos, placed[e].pos, placed[mine[0]].pos);
        if ps == pe {
            continue;
        }
        if (pa - ps).abs() <= UNIT / 2 {
            votes[0] += 1;
        } else if (pa - pe).abs() <= UNIT / 2 {
            votes[2] += 1;
        } else if ((ps + pe) as f64 / 2.0 - pa as f64).abs() <= UNIT as f64 {
            votes[1] += 1;
        }
    }
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("valign votes top/centre/bottom {votes:?}");
    }
    if votes[0] >= votes[1] && votes[0] >= votes[2] {
        VAlign::Top
    } else if votes[2] > votes[1] {
        VAlign::Bottom
    } else {
        VAlign::Centre
    }
}

/// Splits one text column's lines among the anchors. Returns, per anchor,
/// the lines holding its text in that column, top to bottom.
fn split_column(placed: &[Placed], rules: &[Rule], anchors: &[usize], col: Col, valign: VAlign) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); anchors.len()];
    if anchors.is_empty() {
        return out;
    }
    // Lines above the first anchor belong to it, lines below the last to it.
    let mut up_extent = vec![0i64; anchors.len()];
    for i in 0..anchors[0] {
        if placed[i].has(col) {
            out[0].push(i);
            up_extent[0] = up_extent[0].max(placed[anchors[0]].at(Col::Unit) - placed[i].at(col));
        }
    }
    for (k, &a) in anchors.iter().enumerate() {
        if placed[a].has(col) {
            out[k].push(a);
        }
        let next = anchors.get(k + 1).copied().unwrap_or(placed.len());
        let between: Vec<usize> = (a + 1..next).filter(|&i| placed[i].has(col)).collect();
        if k + 1 == anchors.len() {
            for i in between {
                out[k].push(i);
            }
            break;
        }
        let split = ruled_split(placed, rules, &between, a, next, col).unwrap_or_else(|| choose_split(placed, &between, a, next, col, valign, up_extent[k]));
        for (n, &i) in between.iter().enumerate() {
            if n < split {
                out[k].push(i);
            } else {
                out[k + 1].push(i);
            }
        }
        if let Some(&first_of_next) = between.get(split) {
            up_extent[k + 1] = placed[next].at(Col::Unit) - placed[first_of_next].at(col);
        }
    }
    out
}

/// On a ruled table, the node of each anchor's row where the borders tell
/// it: the node cell around the row's unit (between the borders crossing
/// the node column just above and just below it) holds one label line.
/// None where it holds none (a cell carried over a page break, its label
/// on the page before) or several (no borders between the nodes).
fn ruled_nodes(placed: &[Placed], rules: &[Rule], anchors: &[usize], label_lines: &[usize]) -> Vec<Option<usize>> {
    let node_xs: Vec<f32> = label_lines.iter().flat_map(|&l| placed[l].words.iter()).filter(|(c, _)| *c == Col::Node).map(|(_, w)| (w.x0 + w.x1) / 2.0).collect();
    if rules.is_empty() || node_xs.is_empty() {
        return vec![None; anchors.len()];
    }
    let x = node_xs.iter().sum::<f32>() / node_xs.len() as f32;
    let labels: Vec<(u32, f32)> = label_lines.iter().map(|&l| middle_of(&placed[l], Some(Col::Node))).collect();
    anchors
        .iter()
        .map(|&a| {
            let (page, y) = anchor_middle(&placed[a]);
            let crossing = || rules.iter().filter(|r| r.page == page && r.crosses(x)).map(|r| r.y);
            let above = crossing().filter(|&r| r < y).reduce(f32::max)?;
            let below = crossing().filter(|&r| r > y).reduce(f32::min)?;
            let mut held = labels.iter().enumerate().filter(|(_, l)| l.0 == page && l.1 > above && l.1 < below).map(|(n, _)| n);
            match (held.next(), held.next()) {
                (Some(n), None) => Some(n),
                _ => None,
            }
        })
        .collect()
}

/// On a ruled table, the anchor whose row holds line `i`'s value words:
/// of the anchors just above and just below the line, the one no border
/// across those words parts from it. None where the borders do not tell
/// (both or neither, no borders).
fn ruled_row_of(placed: &[Placed], rules: &[Rule], anchors: &[usize], i: usize) -> Option<usize> {
    if rules.is_empty() || placed[i].anchor {
        return None;
    }
    let xs: Vec<f32> = placed[i].words.iter().filter(|(c, _)| matches!(c, Col::Value(_))).map(|(_, w)| (w.x0 + w.x1) / 2.0).collect();
    if xs.is_empty() {
        return None;
    }
    let below = anchors.partition_point(|&a| a < i);
    let line = middle_of(&placed[i], None);
    let parted = |from: (u32, f32), to: (u32, f32)| rules.iter().any(|r| r.between(from, to) && xs.iter().all(|&x| r.crosses(x)));
    let above_ok = below.checked_sub(1).filter(|&k| !parted(anchor_middle(&placed[anchors[k]]), line));
    let below_ok = anchors.get(below).map(|_| below).filter(|&k| !parted(line, anchor_middle(&placed[anchors[k]])));
    match (above_ok, below_ok) {
        (Some(k), None) | (None, Some(k)) => Some(k),
        _ => None,
    }
}

/// A cell merged over neighbouring rows, as an office merges equal cells
/// ("Dokumen" centred beside two indicators, "Panewu Anom" beside a
/// program's rows): on a ruled table a border parts the rows' values but
/// not that column. Every row of the run takes the merged cell's lines
/// (`owner`: per row, its lines in `col`), when they are one block of
/// consecutive lines; a run with no text, or texts apart, is left as it
/// is.
fn share_merged_cells(placed: &[Placed], rules: &[Rule], anchors: &[usize], col: Col, owner: &mut [Vec<usize>]) {
    if rules.is_empty() && col == Col::Unit {
        share_unit_printed_between(placed, anchors, owner);
        return;
    }
    if rules.is_empty() || !matches!(col, Col::Unit | Col::Trailing(_)) {
        return;
    }
    let centre = |w: &Word| (w.x0 + w.x1) / 2.0;
    // Where the column stands on each page: the middle of its first word
    // there (found once, not per pair of rows).
    let mut col_at: Vec<(u32, f32)> = Vec::new();
    for l in placed {
        if col_at.iter().any(|(p, _)| *p == l.page) {
            continue;
        }
        if let Some((_, w)) = l.words.iter().find(|(c, _)| *c == col) {
            col_at.push((l.page, centre(w)));
        }
    }
    let col_x = |page: u32| col_at.iter().find(|(p, _)| *p == page).map(|(_, x)| *x);
    let value_x = |a: usize| placed[a].words.iter().find(|(c, _)| matches!(c, Col::Value(_))).map(|(_, w)| centre(w));
    let merged: Vec<bool> = anchors
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let (Some(cx), Some(vx)) = (col_x(placed[a].page), value_x(a)) else { return false };
            let between = |r: &&Rule| placed[a].page == placed[b].page && r.between(anchor_middle(&placed[a]), anchor_middle(&placed[b]));
            rules.iter().filter(between).any(|r| r.crosses(vx)) && !rules.iter().filter(between).any(|r| r.crosses(cx))
        })
        .collect();
    let mut start = 0;
    while start < anchors.len() {
        let mut end = start;
        while end < merged.len() && merged[end] {
            end += 1;
        }
        let mut lines: Vec<usize> = owner[start..=end].iter().flatten().copied().collect();
        lines.sort_unstable();
        lines.dedup();
        // (Lines of a cell are a line apart, give or take the rounding of
        // their places to half lines.)
        let one_block = lines.windows(2).all(|w| placed[w[0]].page == placed[w[1]].page && placed[w[1]].pos - placed[w[0]].pos <= UNIT + UNIT / 2);
        if end > start && !lines.is_empty() && one_block {
            owner[start..=end].iter_mut().for_each(|o| o.clone_from(&lines));
        }
        start = end + 1;
    }
}

/// A grade of two words in a value cell ("Level 3", "Sangat Baik"): its
/// second word, a word space after the first, is that cell's too, though
/// it may lie past the column's edge (TW IV's "Level 3" beside
/// PENANGGUNG JAWAB's "Inspektur").
fn two_word_grades_kept_whole(words: &mut [(Col, Word)], positioned: bool) {
    for j in 1..words.len() {
        let (Col::Value(k), prev) = (&words[j - 1].0, &words[j - 1].1) else { continue };
        let next = &words[j].1;
        let a_space_apart = next.x0 - prev.x1 <= word_space(prev, positioned);
        // (Only a grade's own second words: "Sangat" / "Hasil evaluasi"
        // is a grade cut by its line and the next cell's text.)
        let grade_word = matches!(next.text.as_str(), "Baik" | "Memuaskan" | "Memadai" | "Efektif" | "Tinggi" | "Sehat" | "Layak") || next.text.chars().all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V'));
        if a_space_apart && grade_word && words[j].0 != Col::Value(*k) && is_word_target(&format!("{} {}", prev.text, next.text)) {
            words[j].0 = Col::Value(*k);
        }
    }
}

/// A SATUAN cell merged over two rows, printed once between them on a
/// line of its own ("Koperasi" centred beside two indicators whose value
/// lines print no unit), where a dump shifts it left of the unit column,
/// into the indicator's: the unit cell's, when it is a unit the
/// vocabulary knows, alone on its line right of the indicator column's
/// edge (an indicator's wrapped lines start there), and the rows above
/// and below print their values with no unit. Only on a page with no
/// drawn borders (a ruled page tells its cells by them).
fn merged_unit_between_rows(lines: &mut [Placed], cols: &Columns) {
    if cols.drawn || cols.unitless {
        return;
    }
    // An anchor's "unit" a long indicator's last word left of the unit
    // column, only taken for one since the vocabulary knows it ("omzet
    // usaha" / "2,5": Usaha counts businesses), is no unit beside a merged
    // one.
    let out_of_zone = |w: &Word| w.x1 < cols.unit_left - 3.0 * cols.slack();
    let unitless_anchor = |l: &Placed| l.anchor && l.words.iter().filter(|(c, _)| *c == Col::Unit).all(|(_, w)| out_of_zone(w));
    // The anchors just above and below line `i`, on its page, when both
    // print no unit of their own.
    let unitless_rows_around = |lines: &[Placed], i: usize| {
        let above = (0..i).rev().find(|&k| lines[k].anchor)?;
        let below = (i + 1..lines.len()).find(|&k| lines[k].anchor)?;
        let page = lines[i].page;
        (lines[above].page == page && lines[below].page == page && unitless_anchor(&lines[above]) && unitless_anchor(&lines[below])).then_some((above, below))
    };
    for i in 1..lines.len().saturating_sub(1) {
        let l = &lines[i];
        // A merged unit the reader already placed in the unit column, alone
        // on its line between two rows.
        let merged_placed = !l.anchor && l.has(Col::Unit) && l.words.iter().all(|(c, w)| matches!(c, Col::Node | Col::No | Col::Trailing(_)) || (*c == Col::Unit && !out_of_zone(w)));
        if merged_placed {
            if let Some((a, b)) = unitless_rows_around(lines, i) {
                for k in [a, b] {
                    for (c, _) in lines[k].words.iter_mut().filter(|(c, _)| *c == Col::Unit) {
                        *c = Col::Indicator;
                    }
                }
            }
            continue;
        }
        if l.anchor || l.has(Col::Unit) {
            continue;
        }
        let ind: Vec<&Word> = l.words.iter().filter(|(c, _)| *c == Col::Indicator).map(|(_, w)| w).collect();
        let Some(first) = ind.first() else { continue };
        let text = ind.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
        let last = ind.last().expect("a word");
        let centre = (first.x0 + last.x1) / 2.0;
        let beyond_text = first.x0 > cols.ind_left + 3.0 * cols.slack() && centre > (cols.ind_left + cols.unit_left) / 2.0;
        let only_cell = l.words.iter().all(|(c, _)| matches!(c, Col::Indicator | Col::No | Col::Node | Col::Trailing(_)));
        if !beyond_text || !only_cell || !is_known(&canonical(&text)) {
            continue;
        }
        if unitless_rows_around(lines, i).is_some() {
            for (c, _) in lines[i].words.iter_mut().filter(|(c, _)| *c == Col::Indicator) {
                *c = Col::Unit;
            }
        }
    }
}

/// With no borders drawn, a unit printed on a line of its own between two
/// rows whose value lines print none ([`merged_unit_between_rows`]) is
/// both rows' (`owner`: per row, its lines holding a unit).
fn share_unit_printed_between(placed: &[Placed], anchors: &[usize], owner: &mut [Vec<usize>]) {
    for k in 1..anchors.len() {
        let (a, b) = (anchors[k - 1], anchors[k]);
        if placed[a].page != placed[b].page || placed[a].has(Col::Unit) || placed[b].has(Col::Unit) {
            continue;
        }
        let mut lines: Vec<usize> = owner[k - 1].iter().chain(&owner[k]).copied().collect();
        lines.sort_unstable();
        lines.dedup();
        if !lines.is_empty() && lines.iter().all(|&i| i > a && i < b) {
            owner[k - 1].clone_from(&lines);
            owner[k].clone_from(&lines);
        }
    }
}

/// True when the table draws a border between its rows: between most
/// pairs of neighbouring anchors on one page (four in five), a rule
/// crosses the unit column.
fn rows_are_ruled(placed: &[Placed], rules: &[Rule], anchors: &[usize]) -> bool {
    if rules.is_empty() {
        return false;
    }
    let pairs: Vec<(usize, usize)> = anchors.windows(2).map(|w| (w[0], w[1])).filter(|&(a, b)| placed[a].page == placed[b].page).collect();
    // Across the unit, or the target where the plan has no SATUAN column.
    let unit_x = |a: usize| placed[a].words.iter().find(|(c, _)| matches!(c, Col::Unit | Col::Value(_))).map(|(_, w)| (w.x0 + w.x1) / 2.0);
    let ruled = pairs
        .iter()
        .filter(|&&(a, b)| unit_x(a).is_some_and(|x| rules.iter().any(|r| r.between(anchor_middle(&placed[a]), anchor_middle(&placed[b])) && r.crosses(x))))
        .count();
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("neighbouring anchors with a border between: {ruled} of {}", pairs.len());
    }
    !pairs.is_empty() && ruled * 5 >= pairs.len() * 4
}

/// How many of the lines between anchors `a` and `b` belong to `a`, read
/// off the borders drawn across the column: `a`'s cell ends at the first
/// border below its anchor line, `b`'s starts at the last one above its
/// own. Between the two, lines on `b`'s page are `a`'s row carried over a
/// page break (the page's header lies above them); on `a`'s page they
/// would be a row without an anchor, and the borders decide nothing
/// (None), as where no border crosses the column between the anchors (a
/// merged cell) or the page has none.
fn ruled_split(placed: &[Placed], rules: &[Rule], between: &[usize], a: usize, b: usize, col: Col) -> Option<usize> {
    if between.is_empty() {
        return Some(0);
    }
    let xs: Vec<f32> = between.iter().flat_map(|&i| placed[i].words.iter()).filter(|(c, _)| *c == col).map(|(_, w)| (w.x0 + w.x1) / 2.0).collect();
    let crosses = |r: &&Rule| xs.iter().all(|&x| r.crosses(x));
    // An anchor's row is where its unit is: a line may gather words of a
    // merged cell's lines a little above the row's border.
    let (top, bottom) = (anchor_middle(&placed[a]), anchor_middle(&placed[b]));
    let mut crossing = rules.iter().filter(|r| r.between(top, bottom)).filter(crosses);
    let first = crossing.next().map(|r| (r.page, r.y))?;
    let last = crossing.next_back().map_or(first, |r| (r.page, r.y));
    let a_page = placed[a].page;
    let mut split = 0;
    for (n, &i) in between.iter().enumerate() {
        let y = middle_of(&placed[i], Some(col));
        if y < first || (y < last && placed[i].page != a_page) {
            if split != n {
                return None;
            }
            split = n + 1;
        } else if y < last {
            return None;
        }
    }
    Some(split)
}

/// How many of the lines between anchors `a` and `b` belong to `a`.
fn choose_split(placed: &[Placed], between: &[usize], a: usize, b: usize, col: Col, valign: VAlign, up: i64) -> usize {
    let n = between.len();
    if n == 0 {
        return 0;
    }
    // A page break between the two anchors: what is left on a's page is
    // a's; on b's page, lines above b continue a's row (top alignment), open
    // b's row (bottom), or are shared so that b's cell is centred.
    if placed[a].page != placed[b].page {
        let first_new = between.iter().position(|&i| placed[i].page == placed[b].page).unwrap_or(n);
        return match valign {
            VAlign::Top => n,
            VAlign::Bottom => first_new,
            VAlign::Centre => {
                // b's reach below: its lines up to halfway to the next anchor.
                let next = placed[b + 1..].iter().find(|l| l.anchor).map(|l| l.at(Col::Unit));
                let mid = next.map(|c| (placed[b].at(Col::Unit) + c) / 2).unwrap_or(i64::MAX);
                let b_down = placed[b..]
                    .iter()
                    .take_while(|l| l.page == placed[b].page && l.at(col) <= mid)
                    .filter(|l| l.has(col))
                    .map(|l| l.at(col) - placed[b].at(Col::Unit))
                    .max()
                    .unwrap_or(0)
                    .max(0);
                (first_new..=n)
                    .min_by_key(|&k| {
                        let b_up = if k < n { placed[b].at(Col::Unit) - placed[between[k]].at(col) } else { 0 };
                        let lower = k < n && placed[between[k]].text_in(col).starts_with(|c: char| c.is_lowercase());
                        (b_up - b_down).abs() + if lower { 3 * UNIT } else { 0 }
                    })
                    .unwrap_or(n)
            }
        };
    }
    // An indicator's numbering ("2.", "b.", "1.2." under sasaran 1)
    // opens the next cell. (Not a bullet: a scan may read a row's
    // "- Jumlah ..." a line below the values it shares a line with.)
    if col == Col::Indicator {
        let numbered = |i: usize| {
            let text = placed[i].text_in(col);
            let first = text.split_whitespace().next().unwrap_or("");
            let dotted = first.starts_with(|c: char| c.is_ascii_digit()) && strip_indicator_numbering(&text).1.len() < text.trim_start().len();
            parse_indicator_number(&text).0.is_some() || is_letter_numbering(first) || dotted
        };
        if let Some(k) = between.iter().position(|&i| numbered(i)) {
            return k;
        }
        if numbered(b) {
            return n;
        }
        // So does an indicator's opening ("Jumlah layanan ..."), once a's
        // indicator has begun on its anchor line: it goes on in lowercase.
        if placed[a].has(col) {
            if let Some(k) = between.iter().position(|&i| opens_indicator(&placed[i].text_in(col).split_whitespace().collect::<Vec<_>>())) {
                return k;
            }
        }
    }
    // A gap of a blank grid line in this column separates two cells.
    let mut gaps = Vec::new();
    let mut prev = placed[a].at(Col::Unit);
    for (k, &i) in between.iter().enumerate() {
        if placed[i].at(col) - prev > UNIT {
            gaps.push(k);
        }
        prev = placed[i].at(col);
    }
    let after_last_gap = placed[b].at(Col::Unit) - prev > UNIT;
    match valign {
        VAlign::Top => {
            if !placed[b].has(col) && !gaps.is_empty() {
                // b's text starts above its anchor line only past a gap.
                return *gaps.last().expect("non-empty");
            }
            n
        }
        VAlign::Bottom => {
            if !placed[a].has(col) && !gaps.is_empty() {
                return gaps[0];
            }
            if after_last_gap && placed[a].has(col) {
                return n;
            }
            0
        }
        VAlign::Centre => {
            // Gaps say little here: a dump interleaves the lines of centred
            // cells, so a cell's lines need not be adjacent.
            // a's cell is as far below its anchor as it reaches above it.
            let mut best = (i64::MAX, 0usize);
            for k in 0..=n {
                let down = if k == 0 { 0 } else { placed[between[k - 1]].at(col) - placed[a].at(Col::Unit) };
                // A dump on a character grid cannot centre an even number of
                // lines on one line: imbalance weighs less there.
                let weight = if placed[a].scale >= 1.0 { 2 } else { 4 };
                let mut cost = (down - up).abs() * weight;
                if k < n {
                    let first = placed[between[k]].text_in(col);
                    if first.starts_with(|c: char| c.is_lowercase()) {
                        cost += 3 * UNIT;
                    }
                    // b's cell should reach about as far above b as below.
                    let b_up = placed[b].at(Col::Unit) - placed[between[k]].at(col);
                    let b_down = placed[b..].iter().take_while(|l| l.at(col) - placed[b].at(Col::Unit) <= b_up + UNIT && !l.anchor || l.at(col) == placed[b].at(Col::Unit)).filter(|l| l.has(col)).map(|l| l.at(col) - placed[b].at(Col::Unit)).max().unwrap_or(0);
                    cost += (b_up - b_down).abs();
                }
                if cost < best.0 {
                    best = (cost, k);
                }
            }
            best.1
        }
    }
}



/// A value column's header text without a budget word that spilled over
/// it from the next column ("ANGGARAN Tw" over TW IV, "ANGGARAN (Rp)"
/// printed wide beside it, as a scan's OCR places it): a column whose
/// header names a quarter is no budget column.
fn without_spilled_budget_word(text: &str) -> std::borrow::Cow<'_, str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let quarter = words.iter().any(|w| is_quarter_word(&squash(w)) || squash(w).starts_with("TW"));
    let budget = |w: &&str| matches!(squash(w).as_str(), "ANGGARAN" | "PAGU");
    if quarter && words.iter().any(budget) {
        std::borrow::Cow::Owned(words.into_iter().filter(|w| !budget(w)).collect::<Vec<_>>().join(" "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::pages_of;

    #[test]
    fn a_budget_word_spilled_over_a_quarters_header_is_not_its_name() {
        assert_eq!(without_spilled_budget_word("ANGGARAN Tw "), "Tw");
        assert_eq!(without_spilled_budget_word("PAGU TW IV"), "TW IV");
        // A budget column's own header stays.
        assert_eq!(without_spilled_budget_word("ANGGARAN (Rp) "), "ANGGARAN (Rp) ");
    }

    #[test]
    fn a_unit_merged_over_two_rows_and_printed_between_them_is_both_rows() {
        // gen108's layout dump: SATUAN merged over two indicators,
        // "Koperasi" centred between their value lines and shifted left of
        // the unit column ("undangan          Koperasi").
        let text = include_str!("../../fixtures/generated/gen108.layout.txt");
        let table = reflow(&pages_of(text, false));
        let unit_of = |start: &str| table.rows.iter().find(|r| r.get(Role::Indicator).is_some_and(|i| i.contains(start))).and_then(|r| r.get(Role::Unit)).map(str::to_string);
        assert_eq!(unit_of("Jumlah koperasi yang dinilai").as_deref(), Some("Koperasi"));
        assert_eq!(unit_of("Jumlah koperasi yang melaksanakan").as_deref(), Some("Koperasi"));
        // "%" merged over a TUJUAN's two indicators, placed in the unit
        // column already; the second's "usaha" (a unit the vocabulary
        // knows, far left of the column) is its indicator's word.
        assert_eq!(unit_of("Pertumbuhan omzet usaha").as_deref(), Some("%"));
        assert_eq!(unit_of("Persentase koperasi sehat").as_deref(), Some("%"));
        let dinilai = table.rows.iter().find(|r| r.get(Role::Indicator).is_some_and(|i| i.contains("Jumlah koperasi yang dinilai"))).expect("the row");
        assert!(dinilai.get(Role::Indicator).is_some_and(|i| i.ends_with("kesehatannya")));
    }

    #[test]
    fn a_pagu_before_quarters_paired_with_their_money_is_the_budget() {
        // gen149's layout dump: KONDISI AWAL, TARGET, PAGU (Rp), then each
        // quarter as Target / Anggaran (Rp); the PAGU's sum, wider than
        // its header, starts left of it.
        let text = include_str!("../../fixtures/generated/gen149.layout.txt");
        let table = reflow(&pages_of(text, false));
        let row = table.rows.iter().find(|r| r.get(Role::Indicator).is_some_and(|i| i.starts_with("Persentase ibu hamil"))).expect("the row");
        let values: Vec<Option<&str>> = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget].iter().map(|r| row.get(*r)).collect();
        assert_eq!(values, [Some("85"), Some("20"), Some("45"), Some("65"), Some("85"), Some("2.450.600.000")]);
    }

    #[test]
    fn rotated_quarter_headings_name_their_columns_and_a_centred_percent_is_a_unit() {
        // gen155's layout dump: "Triwulan I" .. "Triwulan IV" rotated,
        // read as a staircase of lines whose numerals run past their
        // columns, TARGET after the quarters; "%" centred in a narrow
        // SATUAN column just left of TW I's numbers. And the closing
        // "JUMLAH 5,967,300,000", typed the English way, is no row's budget.
        let text = include_str!("../../fixtures/generated/gen155.layout.txt");
        let pages = crate::reflow::sheet_headings::without_sheet_headings(&pages_of(text, false)).into_owned();
        let table = reflow(&pages);
        let row_of = |start: &str| table.rows.iter().find(|r| r.get(Role::Indicator).is_some_and(|i| i.starts_with(start))).expect("the row");
        let values = |row: &Row| [Role::Unit, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Target, Role::Budget].map(|r| row.get(r).map(str::to_string));
        let s = |v: &str| Some(v.to_string());
        assert_eq!(values(row_of("Persentase destinasi")), [s("%"), s("-"), s("5%"), s("10%"), s("12.5%"), s("12.5%"), s("3,184,000,000")]);
        assert_eq!(values(row_of("Jumlah bangunan cagar"))[6], s("780,000,000"));
    }

    #[test]
    fn a_word_after_the_last_columns_number_opens_the_text_column_after_it() {
        // gen154's layout dump squeezes a row's numbers left where "10.200"
        // wraps in its narrow column ("10.20" / "0"): "8.750 Kepala Dinas"
        // puts "Kepala" over TW IV.
        let text = include_str!("../../fixtures/generated/gen154.layout.txt");
        let table = reflow(&pages_of(text, false));
        let row = table.rows.iter().find(|r| r.get(Role::Indicator).is_some_and(|i| i.contains("Produksi perikanan tangkap"))).expect("the row");
        assert_eq!(row.get(Role::Tw4), Some("8.750"));
        assert_eq!(row.get(Role::Responsible), Some("Kepala Dinas"));
    }

    #[test]
    fn values_each_printed_with_their_unit_are_one_run() {
        let page = &pages_of("Jumlah paket    12.480 Paket      4.200 Paket 3.600 Paket 2.680 Paket 2.000 Paket", false)[0];
        let (before, run) = anchor_with_units_in_values(&page.lines[0].words).expect("a run");
        let texts: Vec<&str> = run.iter().map(|&j| page.lines[0].words[j].text.as_str()).collect();
        assert_eq!((page.lines[0].words[before].text.as_str(), texts), ("paket", vec!["12.480", "4.200", "3.600", "2.680", "2.000"]));
        // Bare values: none (anchor_in reads them); two units apart: none.
        let bare = &pages_of("Persentase   35%  -  -  10%  25%", false)[0];
        assert_eq!(anchor_with_units_in_values(&bare.lines[0].words), None);
        let mixed = &pages_of("Jumlah   4 Unit  2 Paket  2 Kali", false)[0];
        assert_eq!(anchor_with_units_in_values(&mixed.lines[0].words), None);
    }

    #[test]
    fn a_header_copy_above_the_one_told_opens_the_body() {
        // gen152's scan: one table per sasaran, each under its header; OCR
        // read the first copy too poorly to tell it as a header.
        let dump = "\
KODE   SASARAN     IN DIKATOR     SATUAN   CAPAIAN  Daun   two!
2.15   Program 1   Rasio lalu     Rasio    8,3      7,1    -
                   lintas per
                   10.000

2.15.1 Kegiatan 1  Jumlah halte   Unit     4        6      2

KODE   SASARAN     INDIKATOR      SATUAN   CAPAIAN  TARGET  TW I  TW II
                   KINERJA                 2024     2025
2.16   Program 2   Jumlah kapal   Unit     14       14      7";
        let page = &pages_of(dump, false)[0];
        let told = header_lines(page);
        assert_eq!(told.first(), Some(&5), "the second copy alone is told by its words");
        let parts = split_page(page, false, None);
        assert_eq!(parts.header.first(), Some(&0));
        assert!(parts.body.contains(&1) && parts.body.contains(&4) && parts.body.contains(&7), "{:?}", parts.body);
    }

    #[test]
    fn a_two_word_grade_keeps_its_second_word_in_its_cell() {
        let w = |text: &str, x0: f32, x1: f32| Word { text: text.to_string(), x0, x1, y0: 0.0, y1: 0.0 };
        // TW IV's "Level 3" a space before PENANGGUNG JAWAB's "Inspektur".
        let mut words = vec![(Col::Value(4), w("Level", 161.0, 166.0)), (Col::Trailing(0), w("3", 167.0, 168.0)), (Col::Trailing(0), w("Inspektur", 169.0, 178.0))];
        two_word_grades_kept_whole(&mut words, false);
        assert_eq!(words.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [Col::Value(4), Col::Value(4), Col::Trailing(0)]);
        // "Sangat" cut by its line, then KETERANGAN's "Hasil evaluasi".
        let mut words = vec![(Col::Value(4), w("Sangat", 161.0, 167.0)), (Col::Trailing(0), w("Hasil", 168.0, 173.0))];
        two_word_grades_kept_whole(&mut words, false);
        assert_eq!(words[1].0, Col::Trailing(0));
    }

    #[test]
    fn a_row_without_its_unit_whose_first_quarters_add_up_is_a_row() {
        // SATUAN merged (printed on the row above), the last quarters'
        // dashes lost by OCR: "210 150 60" adds up, a row of its own.
        let text = [
            "URAIAN           INDIKATOR KINERJA         SATUAN   TARGET  TW I  TW II  TW III  TW IV",
            "",
            "Program 1        Jumlah koperasi dibina    Koperasi    120    30     30      30     30",
            "Kegiatan 1       Jumlah koperasi dinilai   Koperasi     80    20     20      20     20",
            "Kegiatan 2       Jumlah koperasi RAT                   210   150     60",
            "Kegiatan 3       Jumlah usaha dipamerkan   Unit        240    40     80      80     40",
            "Kegiatan 4       Jumlah usaha dibina                   175    25     50",
        ]
        .join("\n");
        let table = reflow(&pages_of(&text, false));
        let indicators: Vec<&str> = table.rows.iter().filter(|r| r.has_indicator()).map(|r| r.get(Role::Indicator).unwrap_or("")).collect();
        // The first quarters of "175" do not add up: no row of its own.
        assert_eq!(indicators, ["Jumlah koperasi dibina", "Jumlah koperasi dinilai", "Jumlah koperasi RAT", "Jumlah usaha dipamerkan Jumlah usaha dibina"]);
    }

    #[test]
    fn target_over_the_quarters_and_the_years_target_names_no_quarter_column() {
        // pdftotext -layout centres "TARGET" over TRIWULAN and TAHUN 2026,
        // right over TW III's numeral: the quarters come first, the year's
        // target last, and TW III is no second target.
        let text = [
            "          URAIAN              INDIKATOR KINERJA           SATUAN                    TARGET",
            "",
            "                                                                      TRIWULAN              TAHUN",
            "                                                                    I     II    III    IV    2026",
            "",
            "Program 1 Administrasi        Jumlah desa dibina          Desa    100   120   120     81    421",
            "Program 2 Pemerintahan        Persentase desa tertib      Persen    -     -     -     95     95",
        ]
        .join("\n");
        let table = reflow(&pages_of(&text, false));
        let values: Vec<Vec<String>> = table.rows.iter().filter(|r| r.has_indicator()).map(|r| [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].iter().map(|q| r.get(*q).unwrap_or("").to_string()).collect()).collect();
        assert_eq!(values, [["421", "100", "120", "120", "81"], ["95", "-", "-", "-", "95"]]);
    }

    #[test]
    fn a_renja_reads_its_quarters_fisik_its_nodes_by_code_and_leaves_the_total_out() {
        // SIPD's Renja: each quarter is FISIK (the target) and KEUANGAN
        // (money planned); nodes named by their code alone in KODE; a
        // closing JUMLAH row of sums.
        // Cells right-aligned in widths 15, 28, 22, 9, 7, 16, then (7, 16) per quarter.
        let line = |cells: &[&str]| {
            let widths = [15, 28, 22, 9, 7, 16, 7, 16, 7, 16, 7, 16, 7, 16];
            let mut out = String::new();
            for (k, c) in cells.iter().enumerate() {
                out.push_str(&if k < 4 { format!("{c:<w$}", w = widths[k]) } else { format!("{c:>w$}", w = widths[k]) });
            }
            out.trim_end().to_string()
        };
        let quarter = |q: &str| format!("{q:^23}");
        let text = [
            format!("{:97}{}{}{}{}", "", quarter("TRIWULAN I"), quarter("TRIWULAN II"), quarter("TRIWULAN III"), quarter("TRIWULAN IV")),
            line(&["KODE", "URAIAN", "INDIKATOR KINERJA", "SATUAN", "TARGET", "PAGU (Rp)", "Fisik", "Keuangan", "Fisik", "Keuangan", "Fisik", "Keuangan", "Fisik", "Keuangan"]),
            line(&["", "", "", "", "", "", "", "(Rp)", "", "(Rp)", "", "(Rp)", "", "(Rp)"]),
            String::new(),
            line(&["1.06.01", "PROGRAM PENUNJANG URUSAN", "Persentase layanan", "%", "100", "4.860.000.000", "100", "1.215.000.000", "100", "1.215.000.000", "100", "1.215.000.000", "100", "1.215.000.000"]),
            line(&["1.06.01.2.02", "Administrasi Keuangan", "Jumlah laporan", "Laporan", "4", "4.125.000.000", "1", "1.031.250.000", "1", "1.031.250.000", "1", "1.031.250.000", "1", "1.031.250.000"]),
            line(&["", "JUMLAH", "", "", "", "8.985.000.000", "", "2.246.250.000", "", "2.246.250.000", "", "2.246.250.000", "", "2.246.250.000"]),
        ]
        .join("\n");
        let table = reflow(&pages_of(&text, false));
        let rows: Vec<(String, Vec<String>)> = table
            .rows
            .iter()
            .filter(|r| r.has_indicator())
            .map(|r| (r.node.clone().unwrap_or_default(), [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget].iter().map(|q| r.get(*q).unwrap_or("").to_string()).collect()))
            .collect();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0].1, ["100", "100", "100", "100", "100", "4.860.000.000"]);
        assert_eq!(rows[1].1, ["4", "1", "1", "1", "1", "4.125.000.000"]);
        assert!(rows[1].0.starts_with("1.06.01.2.02 Administrasi"), "{rows:?}");
    }

    #[test]
    fn a_plan_without_a_unit_column_reads_its_rows_by_their_values() {
        // No SATUAN: the words before the targets are the indicator's, and
        // a row of word targets is a row too. (Value cells 10 wide.)
        let row = |no: &str, node: &str, ind: &str, vals: [&str; 5]| {
            let cells: String = vals.iter().map(|v| format!("{v:^10}")).collect();
            format!("{no:4}{node:16}{ind:30}{cells}")
        };
        let text = [
            row("NO", "URAIAN", "INDIKATOR KINERJA", ["TARGET", "TW I", "TW II", "TW III", "TW IV"]),
            row("1", "Program 1", "Persentase produk hukum", ["100%"; 5]),
            row("", "Pelayanan", "daerah yang tidak dibatalkan", [""; 5]),
            row("2", "", "Lembaran Daerah dan Berita", ["Tersedia"; 5]),
            row("", "", "Daerah yang tersedia", [""; 5]),
            row("3", "", "Jumlah peraturan yang", ["12", "2", "5", "9", "12"]),
            row("", "", "ditetapkan", [""; 5]),
        ]
        .map(|l| l.trim_end().to_string())
        .join("\n");
        let table = reflow(&pages_of(&text, false));
        let rows: Vec<(String, String, String)> = table
            .rows
            .iter()
            .filter(|r| r.has_indicator())
            .map(|r| (r.get(Role::Indicator).unwrap_or("").to_string(), r.get(Role::Unit).unwrap_or("").to_string(), r.get(Role::Target).unwrap_or("").to_string()))
            .collect();
        assert_eq!(
            rows,
            [
                ("Persentase produk hukum daerah yang tidak dibatalkan".to_string(), String::new(), "100%".to_string()),
                ("Lembaran Daerah dan Berita Daerah yang tersedia".to_string(), String::new(), "Tersedia".to_string()),
                ("Jumlah peraturan yang ditetapkan".to_string(), String::new(), "12".to_string()),
            ]
        );
    }

    #[test]
    fn a_sum_cut_at_its_cells_edge_is_joined_in_its_row() {
        assert_eq!(join_value_pieces(["28.450.000.00", "0"].into_iter()), "28.450.000.000");
        assert_eq!(join_value_pieces(["45", "50"].into_iter()), "45 50");
        assert_eq!(join_value_pieces(["-", "1"].into_iter()), "- 1");
        assert_eq!(join_value_pieces(["-0,35"].into_iter()), "-0,35");
        assert_eq!(join_value_pieces(["1-3", "7,1"].into_iter()), "1-3 7,1");
        assert_eq!(join_value_pieces(["≤ 60", "7,1"].into_iter()), "≤ 60 7,1");
        let row = |budget: &str| {
            let mut r = Row::default();
            r.set(Role::Budget, budget.to_string());
            r
        };
        let mut rows = vec![row("14.200.000.00"), row("0"), row("380.000.000")];
        rejoin_cut_budgets(&mut rows);
        let budgets: Vec<Option<&str>> = rows.iter().map(|r| r.get(Role::Budget)).collect();
        assert_eq!(budgets, [Some("14.200.000.000"), None, Some("380.000.000")]);
    }

    #[test]
    fn pages_drawn_on_the_same_borders_share_a_grid() {
        let at = |xs: &[f32]| xs.iter().map(|&x| (x, 0.0, 500.0)).collect::<Vec<_>>();
        let page = at(&[42.5, 62.4, 158.8, 272.2, 309.0, 345.9]);
        // The same borders, one drawn twice and read a little apart.
        assert!(same_grid(&page, &at(&[42.5, 62.4, 62.9, 158.8, 272.2, 309.0, 345.9]), 2.0));
        assert!(!same_grid(&page, &at(&[42.5, 62.4, 158.8, 272.2, 309.0]), 2.0));
        assert!(!same_grid(&page, &at(&[42.5, 62.4, 158.8, 272.2, 318.0, 345.9]), 2.0));
        assert!(!same_grid(&at(&[10.0, 20.0]), &at(&[10.0, 20.0]), 2.0));
    }

    /// A line of page 1 at `pos` holding `cells`' words, for the code rules.
    fn coded_line(pos: i64, cells: &[(Col, &str)]) -> Placed {
        Placed {
            page: 1,
            line: pos as u32,
            pos,
            words: cells.iter().map(|(c, t)| (*c, Word { text: t.to_string(), x0: 0.0, x1: 1.0, y0: pos as f32, y1: pos as f32 + 1.0 })).collect(),
            anchor: false,
            base: 0,
            scale: 1.0,
        }
    }

    #[test]
    fn a_code_cut_in_a_narrow_kode_cell_is_joined() {
        let line = coded_line;
        let mut placed = vec![
            line(1, &[(Col::No, "2.11.03.2.01.00"), (Col::Node, "Sub"), (Col::Node, "Kegiatan"), (Col::Node, "1")]),
            line(2, &[(Col::No, "01"), (Col::Node, "Pemantauan"), (Col::Node, "Kualitas")]),
            line(3, &[(Col::No, "2.11.03.2.01"), (Col::Node, "Kegiatan"), (Col::Node, "2")]),
            line(4, &[(Col::No, "3"), (Col::Node, "Pengelolaan")]),
        ];
        codes_into_labels(&mut placed);
        assert_eq!(placed[0].text_in(Col::Node), "2.11.03.2.01.0001 Sub Kegiatan 1");
        assert_eq!(placed[1].text_in(Col::No), "");
        // A kegiatan's whole code takes nothing from the line under it.
        assert_eq!(placed[2].text_in(Col::Node), "2.11.03.2.01 Kegiatan 2");
        assert_eq!(placed[3].text_in(Col::No), "3");
    }

    #[test]
    fn an_unlabelled_sub_kegiatans_code_stays_with_its_name() {
        // gen159: a kegiatan's wrapped name has a line opening with a
        // level word ("Program Kabupaten/Kota"); the unlabelled sub
        // kegiatan under it, its code cut in the KODE cell, keeps its code.
        let line = coded_line;
        let mut placed = vec![
            line(1, &[(Col::No, "1.04.02.2.01"), (Col::Node, "Kegiatan"), (Col::Node, "1"), (Col::Node, ":")]),
            line(2, &[(Col::Node, "Relokasi")]),
            line(3, &[(Col::Node, "Program"), (Col::Node, "Kabupaten/Kota")]),
            line(4, &[(Col::No, "1.04.02.2.01.00"), (Col::Node, "Pendataan"), (Col::Node, "Rumah")]),
            line(5, &[(Col::No, "01"), (Col::Node, "Korban")]),
        ];
        codes_into_labels(&mut placed);
        assert_eq!(placed[2].text_in(Col::Node), "Program Kabupaten/Kota");
        assert_eq!(placed[3].text_in(Col::Node), "1.04.02.2.01.0001 Pendataan Rumah");
        assert_eq!(placed[4].text_in(Col::No), "");
    }

    /// A positioned word as a PDF gives it: 6 points a letter, 10 high.
    fn pword(text: &str, x0: f32, y0: f32) -> Word {
        Word { text: text.into(), x0, x1: x0 + 6.0 * text.len() as f32, y0, y1: y0 + 10.0 }
    }

    fn pline(words: Vec<Word>) -> crate::extract::Line {
        crate::extract::Line { words, open_end: false }
    }

    /// A one-line plan row at `y` under a header laid out as the tests'
    /// (URAIAN 40, INDIKATOR 150, SATUAN 300, TARGET 360, quarters 410 to
    /// 530), then `more` words (a budget).
    fn plan_row(y: f32, label: &str, more: &[(&str, f32)]) -> crate::extract::Line {
        let mut words = vec![
            pword("Program", 40.0, y),
            pword(label, 90.0, y),
            pword("Persentase", 150.0, y),
            pword("layanan", 215.0, y),
            pword("Persen", 300.0, y),
            pword("100", 365.0, y),
            pword("25", 412.0, y),
            pword("50", 452.0, y),
            pword("75", 492.0, y),
            pword("100", 532.0, y),
        ];
        words.extend(more.iter().map(|(t, x)| pword(t, *x, y)));
        pline(words)
    }

    #[test]
    fn an_indicators_opening_between_two_rows_starts_the_lower_ones_cell() {
        // Bottom-aligned cells (a spreadsheet's default), a's indicator
        // ending on its anchor line, b's two lines long.
        let line = |pos: i64, anchor: bool, cells: &[(Col, &str)]| Placed {
            page: 1,
            line: pos as u32,
            pos,
            words: cells.iter().map(|(c, t)| (*c, Word { text: t.to_string(), x0: 0.0, x1: 1.0, y0: pos as f32, y1: pos as f32 + 1.0 })).collect(),
            anchor,
            base: 0,
            scale: 1.0,
        };
        let placed = vec![
            line(10, true, &[(Col::Indicator, "lanjutan"), (Col::Unit, "Jiwa")]),
            line(12, false, &[(Col::Node, "Sub. Kegiatan 1")]),
            line(14, false, &[(Col::Indicator, "Jumlah layanan pengaduan yang")]),
            line(16, true, &[(Col::Indicator, "ditangani"), (Col::Unit, "Kali")]),
        ];
        assert_eq!(choose_split(&placed, &[2], 0, 3, Col::Indicator, VAlign::Bottom, 0), 0);
        assert_eq!(choose_split(&placed, &[2], 0, 3, Col::Indicator, VAlign::Top, 0), 0);
        // Words going on in lowercase, or a name's title case, say nothing.
        let mut placed = placed;
        placed[2] = line(14, false, &[(Col::Indicator, "Kabupaten/Kota yang")]);
        assert_eq!(choose_split(&placed, &[2], 0, 3, Col::Indicator, VAlign::Top, 0), 1);
        // Centred cells (gen110): a's cell goes on below its anchor line
        // until b's letter opens b's, above b's anchor.
        let placed = vec![
            line(10, true, &[(Col::Indicator, "Elektronik (SPBE) Kota"), (Col::Unit, "Indeks")]),
            line(11, false, &[(Col::Indicator, "Bitung")]),
            line(13, false, &[(Col::Indicator, "b. Predikat keterbukaan")]),
            line(14, true, &[(Col::Indicator, "informasi publik dari Komisi"), (Col::Unit, "Predikat")]),
        ];
        assert_eq!(choose_split(&placed, &[1, 2], 0, 3, Col::Indicator, VAlign::Centre, 2), 1);
    }

    #[test]
    fn a_formula_column_under_a_group_header_starts_where_its_cells_do() {
        // gen111: INDIKATOR KINERJA centred over "Uraian", "Formula" and
        // "Satuan"; most indicators open "Jumlah ", whose second words
        // line up left of the formulas.
        let text = "\
NO  URAIAN                                        INDIKATOR KINERJA                         TARGET  TW I TW II TW III TW IV
                            Uraian                          Formula                  Satuan
1   Program 1 Pemadaman   Jumlah unit mobil yang       Unit dipelihara / unit x      Unit      42    42   42    42    42
    Kegiatan 1 Sarana     Jumlah pos pemadam                                         Pos       14    12   13    14    14
    Sub Kegiatan 1 Pos    Jumlah set alat yang         Set diadakan / set x          Set      120    -    60   120   120
    Sub Kegiatan 2 Air    Jumlah regu piket            Regu siaga / regu x           Regu      18    18   18    18    18
    Sub Kegiatan 3 Tim    Persentase petugas yang      Petugas terlatih / x          %         55    40   45    50    55
";
        let page = &crate::extract::layout::read(text)[0];
        let header = [0, 1];
        let body: Vec<usize> = (2..page.lines.len()).collect();
        let cols = measure(page, &header, &body, 5, 0, 0.6, None).expect("columns");
        assert_eq!(cols.definition_left, Some(55.0), "{cols:?}");
    }

    #[test]
    fn uraian_under_a_group_indikator_ends_the_indicators_header() {
        // gen127's layout dump: the node column named by its levels;
        // "Uraian", "Formula" and "Satuan" under an INDIKATOR KINERJA that
        // ends right of where the formulas start (74) and left of
        // "Formula". The indicators start at 44, or 41 beside a long name.
        let text = "\
                                        RENCANA AKSI PERJANJIAN KINERJA TAHUN 2027
                                   BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH
                                                          PROVINSI SULAWESI TENGAH

                SASARAN / PROGRAM /                                 INDIKATOR KINERJA                                        TARGET KUMULATIF                              TARGET
    KODE          KEGIATAN / SUB
                                                       Uraian                     Formula             Satuan    s.d. TW I s.d. TW II s.d. TW III s.d. TW IV                 2027
                    KEGIATAN
               Sasaran : Meningkatnya       Opini BPK atas LKPD           LHP BPK RI atas LKPD         Opini    -            WTP           WTP           WTP           WTP
               akuntabilitas pengelolaan    Provinsi
               keuangan dan aset daerah
                                            Nilai SAKIP BPKAD             LHE SAKIP Inspektorat       Predikat -             -             -             A             A

                                            Deviasi realisasi belanja     (Realisasi - Anggaran          %           -0,35         -0,35         -0,35         -0,35          -0,35
                                            terhadap anggaran kas         kas) / Anggaran kas x
                                                                          100%
5.02.02        Program : PROGRAM            Persentase penyerapan         Realisasi belanja / pagu       %             18            45            72            97             97
               PENGELOLAAN                  APBD                          belanja x 100%
               KEUANGAN DAERAH
5.02.02.2.01   Kegiatan : Koordinasi dan    Jumlah dokumen APBD dan       Perda dan Pergub            Dokumen -              -                      2             4              4
               Penyusunan Rencana           Perubahan APBD yang           APBD/P-APBD
               Anggaran Daerah              ditetapkan tepat waktu
5.02.02.2.01.0 Sub Kegiatan : Penyusunan Total belanja daerah yang        Nilai belanja pada Perda    Rupiah    -            -             -             4.875.250 4.875.250.
001            Rancangan Peraturan       dianggarkan                      APBD                                                                            .000.000    000.000
               Daerah tentang APBD dan
               Rancangan Peraturan
               Kepala Daerah tentang
               Penjabaran APBD           Jumlah RKA/DPA Perangkat         Jumlah RKA diverifikasi Dokumen              46            46            46            46             46
                                         Daerah yang diverifikasi         TAPD
5.02.02.2.04   Kegiatan : Koordinasi dan Persentase laporan keuangan Laporan dikonsolidasi /             %            100           100           100           100            100
               Pelaksanaan Akuntansi dan SKPD yang dikonsolidasikan jumlah SKPD x 100%
               Pelaporan Keuangan        tepat waktu
               Daerah

5.02.02.2.04.0 Sub Kegiatan : Penyusunan Jumlah LKPD yang                 LKPD unaudited paling       Dokumen           1             1             1             1              1
001            Laporan Keuangan          disampaikan ke BPK               lambat 31 Maret
";
        let table = reflow(&crate::extract::layout::read(text));
        let indicators: Vec<&str> = table.rows.iter().filter_map(|r| r.get(Role::Indicator)).collect();
        assert!(indicators.contains(&"Persentase penyerapan APBD"), "{indicators:?}");
        // The formulas stay in their own column.
        assert!(!indicators.iter().any(|i| i.contains("Realisasi belanja")), "{indicators:?}");
    }

    #[test]
    fn numbers_of_different_widths_ending_together_are_right_aligned() {
        let word = |x1: f32, text: &str| Word { x0: x1 - text.len() as f32, x1, ..pword(text, 0.0, 0.0) };
        let numbers = ["100", "1", "99,5", "46", "7"];
        // Right-aligned: the numbers of each column end at one place.
        let right: Vec<Vec<Word>> = (0..3).map(|c| numbers.iter().map(|t| word(20.0 + 14.0 * c as f32, t)).collect()).collect();
        let (together, centred) = alignment_votes(&right.iter().map(|c| c.iter().collect()).collect::<Vec<Vec<&Word>>>());
        assert!(shows_right_alignment(together, centred), "{together} {centred}");
        // Centred: their centres at one place.
        let centred: Vec<Vec<Word>> = (0..3).map(|c| numbers.iter().map(|t| word(20.0 + 14.0 * c as f32 + (t.len() as f32 / 2.0).round(), t)).collect()).collect();
        let (together, centred) = alignment_votes(&centred.iter().map(|c| c.iter().collect()).collect::<Vec<Vec<&Word>>>());
        assert!(!shows_right_alignment(together, centred), "{together} {centred}");
    }

    #[test]
    fn a_formula_column_laid_out_a_character_or_two_apart_starts_at_its_leftmost_lines() {
        // gen118's layout dump: the FORMULA column's lines start at 62 on
        // some lines, at 64 on more; those at 62 are the formula's too
        // (here 52 and 54).
        let text = "\
NO  URAIAN                INDIKATOR KINERJA           FORMULA          SATUAN  TARGET  TW I TW II TW III TW IV
1   Program 1 Pelayanan   Bed Occupancy Rate          Hari perawatan / tempat     %        75    70   72    74    75
    Kegiatan 1 Rawat      Average Length of Stay      Lama dirawat / pasien       Hari      4     4    4     4     4
    Sub Kegiatan 1 Jalan  Jumlah kunjungan pasien     Jumlah kunjungan poli   Orang    60    10   20    40    60
    Sub Kegiatan 2 TB     Persentase pasien TB      Pasien TB DOTS            %        80    60   70    75    80
    Sub Kegiatan 3 RS     Jumlah ruang yang         Jumlah ruang direhab      Ruang     6     -    2     4     6
";
        let page = &crate::extract::layout::read(text)[0];
        let cols = measure(page, &[0], &(1..page.lines.len()).collect::<Vec<usize>>(), 5, 0, 0.6, None).expect("columns");
        assert_eq!(cols.definition_left, Some(52.0), "{cols:?}");
    }

    #[test]
    fn a_target_named_once_at_the_end_stays_there_when_the_quarters_are_misread() {
        // gen127's scan: "TW II" read "TWI" under the group heading, "TW
        // III" read "TWill's.d."; "TARGET 2027" names the last column.
        let text = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let roles = value_roles_from_text(&text(&["sd. TWI'", "TARGET s.d. TWI", "KUMULATIF s.d. TWill's.d.", "TWIV", "TARGET 2027"])).0;
        assert_eq!(roles, [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Target]);
        // Named in the middle, the target gives way to the position.
        let roles = value_roles_from_text(&text(&["TW I", "TW I", "TARGET 2027", "TW III", "TW IV"])).0;
        assert_eq!(roles, Role::VALUES);
    }

    #[test]
    fn a_target_heading_over_the_quarters_names_no_column_beside_the_years() {
        // gen128's scan: "TARGET" centred over the quarters with "II" read
        // "i" under it, "TAHUN 2020" over the year's target.
        let text = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let roles = value_roles_from_text(&text(&["I", "TRIWULAN", "TARGET i", "IV", "TAHUN 2020", "ANGGARAN (Rp)"])).0;
        assert_eq!(roles, [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Target, Role::Budget]);
    }

    #[test]
    fn last_years_achievement_is_no_target() {
        // gen152: "CAPAIAN 2024" before "TAHUN 2025" and the quarters.
        let text = |v: &[&str]| v.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let (roles, names) = value_roles_from_text(&text(&["CAPAIAN 2024", "TAHUN 2025", "TW I", "TARGET TW II", "TW III", "TW IV", "PAGU (Rp)"]));
        assert_eq!(roles, [Role::Extra, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget]);
        assert_eq!(names[0], "CAPAIAN 2024");
        // With the target's header cut, still no target.
        let roles = value_roles_from_text(&text(&["REALISASI 2023", "TARGE", "I", "II", "III", "IV"])).0;
        assert_eq!(roles, [Role::Extra, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4]);
        // "RENCANA CAPAIAN" over the quarters names this year's targets
        // (gen72): the group's word over TW IV is no year's achievement.
        let roles = value_roles_from_text(&text(&["KONDISI AWAL 2025", "I", "TRIWULAN II", "RENCANA III", "CAPAIAN IV", "TAHUN 2026", "ANGGARAN (Rp)"])).0;
        assert_eq!(roles, [Role::Extra, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Target, Role::Budget]);
    }

    #[test]
    fn a_short_page_missing_a_value_column_takes_the_last_pages() {
        let last = [(303.0, 327.0, 312.0), (352.0, 362.0, 355.0), (381.0, 405.0, 387.0), (414.0, 439.0, 422.0), (449.0, 473.0, 457.0)];
        // The target column lost; the rest measured a point to the right.
        let measured = [(353.0, 357.0, 356.0), (382.0, 405.0, 388.0), (415.0, 439.0, 423.0), (450.0, 465.0, 458.0)];
        let filled = columns_filled_from(&measured, &last, 5, 2.0).expect("a subset of the last page's");
        assert_eq!(filled[0], (304.0, 328.0, 313.0));
        assert_eq!(&filled[1..], &measured);
        // Columns the last page has not, or a page as wide as its header: its own.
        assert_eq!(columns_filled_from(&[(330.0, 340.0, 335.0)], &last, 5, 2.0), None);
        assert_eq!(columns_filled_from(&last, &last, 5, 2.0), None);
    }

    #[test]
    fn a_row_whose_budget_took_a_lost_quarters_place_measures_no_column() {
        // Three rows with a value in each of five columns; the fourth lost
        // its TW I "-", so its budget stands as the fifth value.
        let rows: Vec<Vec<Word>> = vec![
            [("15", 337.0), ("15", 375.0), ("15", 407.0), ("15", 438.0), ("15", 470.0)].iter().map(|(t, x)| pword(t, *x, 0.0)).collect(),
            [("120", 334.0), ("30", 375.0), ("35", 407.0), ("35", 438.0), ("20", 470.0)].iter().map(|(t, x)| pword(t, *x, 0.0)).collect(),
            [("0,95", 333.0), ("0,95", 372.0), ("0,95", 403.0), ("0,95", 435.0), ("0,95", 466.0)].iter().map(|(t, x)| pword(t, *x, 0.0)).collect(),
            [("35", 337.0), ("10", 407.0), ("15", 439.0), ("10", 470.0), ("742.600.000", 492.0)].iter().map(|(t, x)| pword(t, *x, 0.0)).collect(),
        ];
        let anchors: Vec<(usize, usize, Vec<usize>)> = (0..rows.len()).map(|i| (i, 0, (0..5).collect())).collect();
        let kept = agreeing_anchors(anchors.iter().collect(), |i, j| &rows[i][j]);
        assert_eq!(kept.iter().map(|a| a.0).collect::<Vec<_>>(), vec![0, 1, 2]);
        // Off centre but in its own column (numbers aligned left): kept.
        let left: Vec<Vec<Word>> = [[46.0, 55.0, 63.0, 71.0, 79.0], [39.0, 54.0, 60.0, 68.0, 77.0], [46.0, 54.0, 62.0, 70.0, 79.0]]
            .iter()
            .map(|xs| xs.iter().map(|x| Word { text: "1200".into(), x0: *x, x1: x + 4.0, y0: 0.0, y1: 1.0 }).collect())
            .collect();
        let anchors: Vec<(usize, usize, Vec<usize>)> = (0..3).map(|i| (i, 0, (0..5).collect())).collect();
        assert_eq!(agreeing_anchors(anchors.iter().collect(), |i, j| &left[i][j]).len(), 3);
    }

    #[test]
    fn a_numbering_squeezed_left_of_the_indicator_column_opens_the_indicator() {
        let mut words: Vec<(Col, Word)> = [("Penyaluran", Col::Node), ("b.", Col::Node), ("Jumlah", Col::Indicator), ("dokumen", Col::Indicator)]
            .iter()
            .enumerate()
            .map(|(k, (t, c))| (*c, pword(t, 10.0 + 60.0 * k as f32, 0.0)))
            .collect();
        take_numbering_into_indicator(&mut words);
        assert_eq!(words.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec![Col::Node, Col::Indicator, Col::Indicator, Col::Indicator]);
        assert!(is_indicator_numbering("2.") && is_indicator_numbering("12)") && is_indicator_numbering("b."));
        assert!(!is_indicator_numbering("B.") && !is_indicator_numbering("ab.") && !is_indicator_numbering("123.") && !is_indicator_numbering("b"));
        // A list's bullet likewise (gen126's layout dump).
        let mut words: Vec<(Col, Word)> = [("Umum", Col::Node), ("•", Col::Node), ("Jumlah", Col::Indicator)]
            .iter()
            .enumerate()
            .map(|(k, (t, c))| (*c, pword(t, 10.0 + 60.0 * k as f32, 0.0)))
            .collect();
        take_numbering_into_indicator(&mut words);
        assert_eq!(words.iter().map(|(c, _)| *c).collect::<Vec<_>>(), vec![Col::Node, Col::Indicator, Col::Indicator]);
    }

    #[test]
    fn rows_whose_budget_stands_among_the_values_measure_no_column() {
        // Most rows lost a quarter's "-" and hold their budget as the fifth
        // value, under the header's "PAGU ANGGARAN" (the number centred in
        // the gap between the two words).
        let at = |y: f32, ws: &[(&str, f32)]| pline(ws.iter().map(|(t, x)| pword(t, *x, y)).collect());
        let page = Page {
            number: 1,
            width: 800.0,
            height: 600.0,
            lines: vec![at(40.0, &[("TARGET", 408.0), ("TW", 464.0), ("PAGU", 612.0), ("ANGGARAN", 638.0)])],
            rulings: Vec::new(),
        };
        let spans = budget_header_spans(&page, &[0]);
        assert_eq!(spans, vec![(612.0, 686.0)]);
        let rows: Vec<Vec<Word>> = vec![
            [("12.5", 422.0), ("6.5", 544.0), ("12.5", 584.0), ("1.225", 608.0), ("-", 0.0)].iter().map(|(t, x)| pword(t, *x, 0.0)).collect(),
            [("100", 423.0), ("30", 505.0), ("70", 545.0), ("100", 585.0), ("9.100", 611.0)].iter().map(|(t, x)| pword(t, *x, 0.0)).collect(),
            [("17.5", 422.0), ("17.5", 465.0), ("17.5", 504.0), ("17.5", 544.0), ("17.5", 584.0)].iter().map(|(t, x)| pword(t, *x, 0.0)).collect(),
        ];
        let anchors: Vec<(usize, usize, Vec<usize>)> = (0..3).map(|i| (i, 0, (0..4).chain([4].into_iter().filter(|_| i > 0)).collect())).collect();
        let kept = outside_budget_header(anchors.iter().collect(), &spans, |i, j| &rows[i][j]);
        // Rows 0 and 1 hold a budget among their values; row 2 is whole.
        assert_eq!(kept.iter().map(|a| a.0).collect::<Vec<_>>(), vec![2]);
        // No budget in the header, or none left: all stay.
        assert_eq!(outside_budget_header(anchors.iter().collect(), &[], |i, j| &rows[i][j]).len(), 3);
        assert_eq!(outside_budget_header(anchors[1..2].iter().collect(), &spans, |i, j| &rows[i][j]).len(), 1);
    }

    #[test]
    fn a_row_whose_values_stand_under_the_headers_numbers_is_no_repeated_header() {
        // Page 1's header ends in the quarters' numbers "1 2 3 4"; page 2
        // repeats "Triwulan" .. and prints a split row's values 4 1 2 3 4
        // where those numbers stand.
        let template: HeaderTemplate = [("Target", 320.0), ("Triwulan", 370.0), ("Triwulan", 420.0), ("2028", 320.0), ("1", 376.0), ("2", 426.0), ("3", 476.0), ("4", 526.0), ("(3)", 200.0), ("(4)", 270.0)]
            .iter()
            .map(|(t, x)| (t.to_string(), *x))
            .collect();
        let at = |y: f32, ws: &[(&str, f32)]| pline(ws.iter().map(|(t, x)| pword(t, *x, y)).collect());
        let page = Page {
            number: 2,
            width: 600.0,
            height: 800.0,
            lines: vec![
                at(40.0, &[("Target", 320.0), ("Triwulan", 370.0), ("Triwulan", 420.0)]),
                at(52.0, &[("2028", 320.0), ("1", 376.0), ("2", 426.0), ("3", 476.0), ("4", 526.0)]),
                at(64.0, &[("Kali", 270.0), ("4", 328.0), ("1", 376.0), ("2", 426.0), ("3", 476.0), ("4", 526.0)]),
                at(76.0, &[("(3)", 200.0), ("(4)", 270.0)]),
            ],
            rulings: Vec::new(),
        };
        // (The year and numbers line has one word that counts: the header
        // test takes it, `is_line_of_quarter_numbers`.)
        assert_eq!(lines_of_repeated_header(&page, &template), vec![0, 3]);
        assert!(is_line_of_quarter_numbers(&["2028", "1", "2", "3", "4"]));
    }

    /// A line's words, one every 30 points, for the anchor rules.
    fn spaced_words(text: &str) -> Vec<Word> {
        text.split(' ').enumerate().map(|(i, t)| Word { text: t.into(), x0: i as f32 * 30.0, x1: i as f32 * 30.0 + 25.0, y0: 90.0, y1: 96.0 }).collect()
    }

    #[test]
    fn a_dash_first_after_the_unit_is_a_blank_cell_unless_the_unit_is_a_values() {
        let line = spaced_words;
        // Excel's General alignment: TW I blank, then numbers (gen159).
        assert_eq!(anchor_in(&line("rumah huni Unit - 400 550 300 1.250 12.750.000.000")), Some((2, vec![3, 4, 5, 6, 7, 8])));
        // Units printed in the value cells: "Ku/Ha" is the target's unit,
        // and its dashes no run of a SATUAN word (gen56).
        assert!(anchor_in(&line("padi 52,35 Ku/Ha - - - 52,35 Ku/Ha")).is_none_or(|(u, _)| u != 2));
        // A grade before numbers is still text, the unit after it the anchor's.
        assert_eq!(anchor_in(&line("minimal B % 80 20 40 60 80")), Some((2, vec![3, 4, 5, 6, 7])));
    }

    #[test]
    fn a_unit_read_with_a_speck_after_it_anchors_its_row() {
        let words = spaced_words("laboratorium yang Unit: 2500 625 1250 1875 2500");
        assert_eq!(anchor_in(&words), Some((2, vec![3, 4, 5, 6, 7])));
        assert!(is_unit_word("Hektar."));
        // A lone "%" OCR read as "Y" (gen141's scan: a shaded row's unit).
        assert!(is_unit_word("Y") && !is_unit_word("X"));
    }

    #[test]
    fn drawn_value_cells_every_row_fills_in_part_are_the_values() {
        // gen113's scan: five value cells between borders at 340 .. 500;
        // each row leaves a quarter "-", which OCR dropped, so no row has
        // five values, but together they fill every cell.
        let border = |x: f32| crate::extract::Ruling { x0: x, y0: 0.0, x1: x, y1: 400.0 };
        let row = |y: f32, values: &[(&str, f32)]| pline(values.iter().map(|(t, x)| pword(t, *x, y)).collect());
        let lines = vec![
            row(100.0, &[("320", 345.0), ("120", 405.0), ("120", 435.0), ("80", 465.0)]),
            row(120.0, &[("120", 345.0), ("60", 375.0), ("60", 435.0)]),
            row(140.0, &[("25", 345.0), ("10", 375.0), ("10", 405.0), ("5", 465.0)]),
        ];
        let page = Page { number: 1, width: 842.0, height: 595.0, lines, rulings: [340.0, 370.0, 400.0, 430.0, 460.0, 490.0].map(border).to_vec() };
        let parts = [PageParts { page: &page, header: Vec::new(), title: Vec::new(), body: vec![0, 1, 2] }];
        let runs: Vec<Vec<Vec<&Word>>> = vec![page.lines.iter().map(|l| l.words.iter().collect()).collect()];
        assert_eq!(drawn_value_cells(&parts, &runs, 4), 5);
        // Sums of money among them: a quarter's Fisik and its Rp, no grid.
        let mut money = page.clone();
        money.lines[1].words[1].text = "375.000.000".into();
        let parts = [PageParts { page: &money, header: Vec::new(), title: Vec::new(), body: vec![0, 1, 2] }];
        let runs: Vec<Vec<Vec<&Word>>> = vec![money.lines.iter().map(|l| l.words.iter().collect()).collect()];
        assert_eq!(drawn_value_cells(&parts, &runs, 4), 0);
    }

    #[test]
    fn header_words_with_no_border_between_them_are_one_cell() {
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 90.0, y1: 96.0 };
        let line = crate::extract::Line { words: vec![word("PE!", 488.0, 496.0), word("NANGGUNG", 512.0, 548.0), word("KETERANGAN", 560.0, 600.0)], open_end: false };
        let border = |x: f32| crate::extract::Ruling { x0: x, y0: 80.0, x1: x, y1: 400.0 };
        let values = [(352.0, 371.0, 361.0), (473.0, 486.0, 479.0)];
        let mut page = Page { number: 1, width: 842.0, height: 595.0, lines: vec![line], rulings: vec![border(487.0), border(555.0), border(610.0)] };
        assert_eq!(header_groups(&page, &[0], &values, 2.0), vec![(488.0, 548.0), (560.0, 600.0)]);
        // Without borders drawn, the gaps between words decide.
        page.rulings.clear();
        assert_eq!(header_groups(&page, &[0], &values, 2.0).len(), 3);
        // In a layout dump (character columns), words one space apart are
        // one cell's: "ANGGARAN (Rp)", then "PENANGGUNG JAWAB" further on.
        let words = vec![word("ANGGARAN", 120.0, 128.0), word("(Rp)", 129.0, 133.0), word("PENANGGUNG", 142.0, 152.0), word("JAWAB", 153.0, 158.0)];
        let dump = Page { number: 1, width: 0.0, height: 0.0, lines: vec![crate::extract::Line { words, open_end: false }], rulings: Vec::new() };
        assert_eq!(header_groups(&dump, &[0], &[(100.0, 110.0, 105.0)], 0.6), vec![(120.0, 133.0), (142.0, 158.0)]);
    }

    #[test]
    fn a_column_the_first_header_names_for_nothing_takes_a_later_pages_name() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let at = |values: &[f32], trailing: &[f32]| Columns { values: values.iter().map(|&l| (l, l + 20.0, l + 10.0)).collect(), trailing: trailing.to_vec(), ..Columns::default() };
        // Page 1 reads KETERANGAN as "ees"; page 3, shifted a point, reads
        // it, and finds a third text column page 1 has not.
        let mut first: HeaderNames = (vec![Role::Target, Role::Extra], s(&["", "REALISASI"]), vec![Role::Responsible, Role::Extra], s(&["", "ees"]));
        let later: HeaderNames = (vec![Role::Target, Role::Budget], s(&["", ""]), vec![Role::Responsible, Role::Note, Role::Extra], s(&["", "", "ANS"]));
        name_from_later_header(&mut first, &at(&[390.0, 500.0], &[540.0, 627.9]), &later, &at(&[391.0, 540.0], &[540.4, 627.0, 662.9]));
        // REALISASI stays: the later column there starts elsewhere.
        assert_eq!(first.0, [Role::Target, Role::Extra]);
        assert_eq!(first.1, s(&["", "REALISASI"]));
        assert_eq!(first.2, [Role::Responsible, Role::Note]);
        assert_eq!(first.3, s(&["", ""]));
        // A role the first header names already is not taken twice.
        let mut first: HeaderNames = (vec![], vec![], vec![Role::Note, Role::Extra], s(&["", "ees"]));
        let later: HeaderNames = (vec![], vec![], vec![Role::Extra, Role::Note], s(&["x", ""]));
        name_from_later_header(&mut first, &at(&[], &[540.0, 600.0]), &later, &at(&[], &[540.0, 600.0]));
        assert_eq!(first.2, [Role::Note, Role::Extra]);
    }

    #[test]
    fn right_aligned_numbers_put_a_left_aligned_dash_in_its_own_cell() {
        // gen97 as pdftotext -layout prints it: numbers end at each cell's
        // right edge, "-" and "≥ 90" stand at its left edge.
        let values = [(132.0, 140.0), (150.0, 158.0), (168.0, 176.0), (186.0, 194.0), (204.0, 212.0)].iter().map(|&(l, r)| (l, r, (l + r) / 2.0)).collect();
        let mut cols = Columns { node_left: 9.0, ind_left: 56.0, unit_left: 114.0, values, trailing: vec![212.6], tol: 0.6, right_aligned: true, ..Columns::default() };
        let w = |text: &str, x0: f32| Word { text: text.into(), x0, x1: x0 + text.chars().count() as f32, y0: 0.0, y1: 1.0 };
        assert_eq!(cols.place(&w("-", 143.0)), Col::Value(1));
        assert_eq!(cols.place(&w("≥", 124.0)), Col::Value(0));
        assert_eq!(cols.place(&w("Paripurna", 197.0)), Col::Value(4));
        assert_eq!(cols.place(&w("24.600", 150.0)), Col::Value(1));
        // The unit, centred left of the target's cell, stays the unit's.
        assert_eq!(cols.place(&w("Predikat", 113.0)), Col::Unit);
        // Centred numbers: the dash is the nearer column's, as before.
        cols.right_aligned = false;
        assert_eq!(cols.place(&w("-", 143.0)), Col::Value(0));
    }

    /// Columns like those of a layout dump with a narrow TARGET column.
    fn columns() -> Columns {
        let values = [(94.0, 99.0), (105.0, 109.0), (112.0, 116.0), (119.0, 124.0), (127.0, 132.0)].iter().map(|&(l, r)| (l, r, (l + r) / 2.0)).collect();
        Columns { node_left: 0.0, ind_left: 37.0, unit_left: 81.0, values, trailing: vec![140.0], tol: 0.6, drawn: false, definition_left: None, unitless: false, borders: Vec::new(), right_aligned: false, money: Vec::new(), slots: None }
    }

    #[test]
    fn an_urusan_heading_with_its_code_opens_no_line_of_a_name() {
        let w = |c: Col, t: &str| (c, Word { text: t.into(), x0: 0.0, x1: 1.0, y0: 0.0, y1: 1.0 });
        let line = |words: Vec<(Col, Word)>| Placed { page: 1, line: 1, pos: 0, words, anchor: false, base: 0, scale: 1.0 };
        // gen51: "2.08  URUSAN PEMERINTAHAN BIDANG" at a page's foot.
        assert!(opens_urusan_heading(&line(vec![w(Col::No, "2.08"), w(Col::Node, "URUSAN"), w(Col::Node, "PEMERINTAHAN")])));
        // A program's name wrapped before "URUSAN" has no code there.
        assert!(!opens_urusan_heading(&line(vec![w(Col::Node, "URUSAN"), w(Col::Node, "PEMERINTAHAN"), w(Col::Node, "DAERAH")])));
        assert!(!opens_urusan_heading(&line(vec![w(Col::No, "1.06.01"), w(Col::Node, "PROGRAM"), w(Col::Node, "PENUNJANG")])));
    }

    #[test]
    fn a_name_ending_in_a_function_word_goes_on_past_a_level_word() {
        let w = |c: Col, t: &str| (c, Word { text: t.into(), x0: 0.0, x1: 1.0, y0: 0.0, y1: 1.0 });
        let node = |texts: &[&str]| Placed { page: 1, line: 1, pos: 0, words: texts.iter().map(|t| w(Col::Node, t)).collect(), anchor: false, base: 0, scale: 1.0 };
        // gen150: "Kegiatan 2" / "Penyelenggaraan" / "Pengawasan dengan" /
        // "Tujuan Tertentu": one kegiatan's name.
        let lines = [node(&["Kegiatan", "2"]), node(&["Penyelenggaraan"]), node(&["Pengawasan", "dengan"]), node(&["Tujuan", "Tertentu"])];
        assert_eq!(node_label_lines(&lines), [0]);
        // After a name's last word, the level word opens a node.
        let lines = [node(&["Kegiatan", "2"]), node(&["Pengawasan", "Internal"]), node(&["Tujuan", "Terwujudnya"])];
        assert_eq!(node_label_lines(&lines), [0, 2]);
    }

    #[test]
    fn money_named_between_the_quarters_is_no_budget_column() {
        // gen119: "Rencana Dana (Rp)" beside each quarter's target.
        let cols = columns();
        assert!(cols.between_quarters(110.5) && cols.between_quarters(125.0));
        assert!(!cols.between_quarters(100.0) && !cols.between_quarters(135.0));
        // With the target printed last, the quarters are the first four.
        let last = Columns { slots: Some([4, 0, 1, 2, 3]), ..columns() };
        assert!(last.between_quarters(100.0) && !last.between_quarters(128.0));
    }

    #[test]
    fn a_line_with_a_unit_and_a_doubted_number_is_an_anchor() {
        let cols = columns();
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 0.0, y1: 8.0 };
        let line = |target: &str| vec![word("Rata-rata", 10.0, 40.0), word("Tahun", cols.unit_left, cols.unit_left + 20.0), word(target, cols.values[0].0, cols.values[0].1)];
        assert!(cols.anchor_unit(&line("74?")).is_some());
        assert!(cols.anchor_unit(&line("7,1")).is_some());
        // A word that is no number, doubted or not, is no value.
        assert!(cols.anchor_unit(&line("Us")).is_none());
        assert!(!is_doubted_number("?"));
        // But a known unit with short words in both the target and TW IV
        // cells is a row whose numbers were misread ("GL" ... "IA").
        let mut misread = line("GL");
        misread.push(word("IA", cols.values[4].0, cols.values[4].1));
        assert!(cols.anchor_unit(&misread).is_some());
        // Not with a long word there (a note's text), nor an unknown unit.
        let mut note = line("GL");
        note.push(word("Dapodik", cols.values[4].0, cols.values[4].1));
        assert!(cols.anchor_unit(&note).is_none());
        misread[1].text = "Lumbung".into();
        assert!(cols.anchor_unit(&misread).is_none());
    }

    #[test]
    fn a_unit_of_several_words_centred_in_its_cell_is_widened_left() {
        // OCR boxes of a scan's line (points): "... per 100.000 | per 100.000 | 78,5";
        // the unit cell's "per" starts left of the unit column's edge, a
        // word space from "100.000" (3 pt for a box 6 pt high: OCR boxes
        // hug the ink, a PDF's are 2 pt apart).
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 159.0, y1: 165.0 };
        let mut words = vec![
            (Col::Indicator, word("per", 299.0, 310.0)),
            (Col::Indicator, word("100.000", 313.0, 341.0)),
            (Col::Indicator, word("per", 383.0, 394.0)),
            (Col::Unit, word("100.000", 397.0, 425.0)),
        ];
        widen_unit_left(&mut words, 3, true);
        let cols: Vec<Col> = words.iter().map(|(c, _)| *c).collect();
        assert_eq!(cols, vec![Col::Indicator, Col::Indicator, Col::Unit, Col::Unit]);
        // The indicator's own last word, a column gap from the unit, stays.
        let mut words = vec![(Col::Indicator, word("kelahiran", 300.0, 340.0)), (Col::Indicator, word("hidup", 343.0, 365.0)), (Col::Unit, word("Orang", 397.0, 420.0))];
        widen_unit_left(&mut words, 2, true);
        assert_eq!(words[1].0, Col::Indicator);
    }

    #[test]
    fn a_value_cut_in_its_last_group_is_joined_in_a_row_of_thousands() {
        let row = |tw3: &str, target: &str| {
            let mut r = Row::default();
            r.set(Role::Target, target.to_string());
            r.set(Role::Tw3, tw3.to_string());
            r
        };
        let mut rows = [row("111.20 0", "148.500"), row("11.20 0", "15")];
        rejoin_values_cut_in_last_group(&mut rows);
        // (Without another value in thousands, the two pieces stay.)
        assert_eq!((rows[0].get(Role::Tw3), rows[1].get(Role::Tw3)), (Some("111.200"), Some("11.20 0")));
    }

    #[test]
    fn the_budgets_currency_after_tw_iv_is_no_part_of_it() {
        let mut r = Row::default();
        r.set(Role::Tw4, "250 Rp".to_string());
        r.set(Role::Tw3, "Rp".to_string());
        let mut rows = [r];
        currency_out_of_values(&mut rows);
        assert_eq!((rows[0].get(Role::Tw4), rows[0].get(Role::Tw3)), (Some("250"), Some("Rp")));
    }

    #[test]
    fn a_two_word_unit_run_into_the_targets_column_is_the_units() {
        // gen119's layout dump: "Jenis Pajak" beside "9- 3 6 9", its
        // second word placed in the target's column.
        let word = |text: &str, x0: f32| Word { text: text.into(), x0, x1: x0 + text.chars().count() as f32, y0: 0.0, y1: 1.0 };
        let row = |second: &str, rest: &[(Col, &str, f32)]| {
            let mut words = vec![(Col::Indicator, word("yang", 67.0)), (Col::Unit, word("Jenis", 83.0)), (Col::Value(0), word(second, 89.0))];
            words.extend(rest.iter().map(|&(c, t, x)| (c, word(t, x))));
            words
        };
        let mut words = row("Pajak", &[(Col::Value(0), "9", 117.0), (Col::Value(1), "-", 118.0), (Col::Value(2), "3", 181.0)]);
        unit_run_into_values(&mut words, 1, false);
        assert_eq!(words[2].0, Col::Unit);
        // A word target printed again in TW IV, and a grade, stay values;
        // so does a word before dashes only.
        let cases = [
            ("Baik", vec![(Col::Value(1), "-", 100.0), (Col::Value(3), "2", 120.0), (Col::Value(4), "Baik", 130.0)]),
            ("BB", vec![(Col::Value(1), "3", 100.0)]),
            ("Informatif", vec![(Col::Value(1), "-", 100.0)]),
        ];
        for (second, rest) in cases {
            let mut words = row(second, &rest);
            unit_run_into_values(&mut words, 1, false);
            assert_eq!(words[2].0, Col::Value(0), "{second} {rest:?}");
        }
    }

    #[test]
    fn values_run_together_one_space_apart_take_a_column_each() {
        // Columns of a layout dump (target, TW I-IV, budget) and a row of
        // wide numbers each pushed left: nearest-column placement puts
        // 46.500 and 47.500 both in TW II and 48.000 in TW III.
        let values: Vec<(f32, f32, f32)> =
            [(69.0, 74.0), (80.0, 83.0), (88.0, 91.0), (95.0, 100.0), (104.0, 107.0), (112.0, 127.0)].iter().map(|&(l, r)| (l, r, (l + r) / 2.0)).collect();
        let cols = Columns { node_left: 0.0, ind_left: 26.0, unit_left: 57.0, values, trailing: vec![127.6], tol: 0.6, drawn: false, definition_left: None, unitless: false, borders: Vec::new(), right_aligned: false, money: Vec::new(), slots: None };
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 0.0, y1: 1.0 };
        let line = [("186.000", 68.0, 75.0), ("44.000", 76.0, 82.0), ("46.500", 83.0, 89.0), ("47.500", 90.0, 96.0), ("48.000", 97.0, 103.0)];
        let mut words: Vec<(Col, Word)> = line.iter().map(|&(t, a, b)| word(t, a, b)).map(|w| (cols.place(&w), w)).collect();
        assert_eq!(words[3].0, Col::Value(2), "the collision this rule is for");
        let idx: Vec<usize> = (0..words.len()).collect();
        part_values_met_in_one_column(&mut words, &idx, &cols.values);
        let placed: Vec<Col> = words.iter().map(|(c, _)| *c).collect();
        assert_eq!(placed, (0..5).map(Col::Value).collect::<Vec<_>>());
        // Values each in a column of its own are left where they are (a
        // blank TW I stays blank).
        let line = [("84", 71.0, 73.0), ("30", 88.0, 90.0), ("40", 96.0, 98.0), ("14", 104.0, 106.0)];
        let mut words: Vec<(Col, Word)> = line.iter().map(|&(t, a, b)| word(t, a, b)).map(|w| (cols.place(&w), w)).collect();
        let idx: Vec<usize> = (0..words.len()).collect();
        part_values_met_in_one_column(&mut words, &idx, &cols.values);
        let placed: Vec<Col> = words.iter().map(|(c, _)| *c).collect();
        assert_eq!(placed, [0, 2, 3, 4].into_iter().map(Col::Value).collect::<Vec<_>>());
    }

    #[test]
    fn a_value_wrapped_in_its_cell_joins_and_two_values_met_in_one_stay_apart() {
        let join = |pieces: &[&str]| join_value_pieces(pieces.iter().copied());
        assert_eq!(join(&["40,05", "%"]), "40,05%");
        assert_eq!(join(&["1.250.", "000"]), "1.250.000");
        assert_eq!(join(&["12"]), "12");
        assert_eq!(join(&["25", "60"]), "25 60");
        assert_eq!(join(&["BB", "WTP"]), "BB WTP");
        assert!(matches!(parse_value(&join(&["25", "60"])), Value::Unreadable(_)));
    }

    #[test]
    fn quarter_names_out_of_order_give_way_to_the_columns_order() {
        // "TW III" misread "TW I" (OCR), two others read as nothing: the
        // quarters still go left to right.
        let dump = "\
  URAIAN           INDIKATOR KINERJA      SATUAN    TARGET   Tw.    Tw.    TW I   TW IV
  Program 1        Persentase layanan     Persen      100     25     50     75    100
  Pelayanan        yang tuntas
  Kegiatan 1       Jumlah laporan         Dokumen      12      3      6      9     12
  Pengelolaan
";
        let table = reflow(&crate::extract::text::pages_of(dump, false));
        let values: Vec<Role> = table.columns.iter().copied().filter(|r| r.is_value()).collect();
        assert_eq!(values, [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4]);
        assert_eq!(table.rows.iter().find_map(|r| r.get(Role::Tw1)), Some("25"));
    }

    #[test]
    fn quarters_printed_before_the_target_keep_their_places() {
        // "TRIWULAN" once over bare numerals, the year's target after them:
        // the numerals name the quarters, and the target's band is moved
        // before them (column_order) or read last where it stands.
        let dump = [
            "  URAIAN           INDIKATOR KINERJA      SATUAN       TRIWULAN          TARGET",
            "                                                   I     II    III    IV   TAHUN 2026",
            "  Program 1        Produksi karet         Ton     3.950 4.610 5.240 4.620    18.420",
            "  Pelayanan        rakyat",
            "  Kegiatan 1       Jumlah laporan         Dokumen     3     3     3     3        12",
            "  Pengelolaan",
        ]
        .join("\n");
        let table = reflow(&crate::extract::text::pages_of(&dump, false));
        let row = table.rows.iter().find(|r| r.get(Role::Unit) == Some("Ton")).expect("the row");
        assert_eq!((row.get(Role::Target), row.get(Role::Tw1), row.get(Role::Tw4)), (Some("18.420"), Some("3.950"), Some("4.620")));
    }

    #[test]
    fn a_first_page_that_never_fills_the_budget_column_takes_it_from_a_later_page() {
        // ANGGARAN between the target and the quarters. Page 1's only
        // budget is on a row with blank quarters, so no row of it has six
        // values; page 2's rows do. The budget must not land in TW I.
        let header = "  URAIAN         INDIKATOR KINERJA    SATUAN    TARGET    ANGGARAN    TW I   TW II  TW III   TW IV";
        let page1 = [
            header,
            "  Program 1      Persentase IKM        Persen      12,5                 5      7      9    12,5",
            "  Kegiatan 1     Jumlah dokumen        Dokumen        1  185.000.000                   1",
            "  Kegiatan 2     Jumlah pelatihan      Kali           4                 1      2      3       4",
        ];
        let page2 = [
            header,
            "  Program 2      Persentase pasar      Persen        65  620.000.000   20     35     50      65",
            "  Kegiatan 3     Jumlah pasar          Unit           2  310.000.000    1      1      2       2",
        ];
        let dump = format!("{}\n\u{c}{}", page1.join("\n"), page2.join("\n"));
        let table = reflow(&crate::extract::text::pages_of(&dump, false));
        let row = table.rows.iter().find(|r| r.get(Role::Unit) == Some("Dokumen")).expect("the row");
        assert_eq!((row.get(Role::Target), row.get(Role::Budget), row.get(Role::Tw1), row.get(Role::Tw3)), (Some("1"), Some("185.000.000"), None, Some("1")));
    }

    #[test]
    fn a_formula_column_between_indicator_and_unit_is_the_definition() {
        let dump = [
            "  URAIAN         INDIKATOR KINERJA        FORMULA / CARA           SATUAN   TARGET  TW I  TW II  TW III  TW IV",
            "                                          PENGHITUNGAN",
            "  Program 1      Rasio kemandirian        Pendapatan Asli Daerah / Persen    41,36     -     -      -   41,36",
            "  Pengelolaan    keuangan daerah          Pendapatan Transfer",
            "  Keuangan",
            "  Kegiatan 1     Jumlah dokumen RKA       Jumlah RKA-SKPD yang     Dokumen      62     -     -     62     62",
            "  Koordinasi     yang diverifikasi        selesai diverifikasi",
            "  Anggaran       tepat waktu              TAPD",
        ]
        .join("\n");
        let table = reflow(&crate::extract::text::pages_of(&dump, false));
        let rows: Vec<(&str, &str, &str)> = table
            .rows
            .iter()
            .filter(|r| r.has_indicator())
            .map(|r| (r.get(Role::Indicator).unwrap_or(""), r.get(Role::Definition).unwrap_or(""), r.get(Role::Unit).unwrap_or("")))
            .collect();
        assert_eq!(
            rows,
            [
                ("Rasio kemandirian keuangan daerah", "Pendapatan Asli Daerah / Pendapatan Transfer", "Persen"),
                ("Jumlah dokumen RKA yang diverifikasi tepat waktu", "Jumlah RKA-SKPD yang selesai diverifikasi TAPD", "Dokumen"),
            ]
        );
    }

    #[test]
    fn a_header_line_with_a_misread_word_or_two_is_a_header_line() {
        fn line(s: &str) -> Vec<&str> {
            s.split_whitespace().collect()
        }
        // The quarters' numbers on the line under "TRW": the header's.
        assert!(is_misread_header_tail(&line("TAHUN 1 2 3 4")));
        assert!(is_misread_header_tail(&line("SUB KEGIATAN 2027")));
        assert!(!is_misread_header_tail(&line("SUB KEGIATAN 1")));
        assert!(is_misread_header_tail(&line("1 2 3 4")));
        assert!(!is_misread_header_tail(&line("TAHUN 1 2 3")));
        assert!(!is_misread_header_tail(&line("Orang 1 2 3 4")));
        assert!(is_misread_header_line(&line("NO INDIKATOR KINERJA SATUAN wi WI TW III TWIV ANGGARAN (Rp)")));
        // Too many unknown words, a value, or too few column names: no.
        assert!(!is_misread_header_line(&line("Persentase INDIKATOR SATUAN TARGET yang tercapai di desa")));
        assert!(!is_misread_header_line(&line("INDIKATOR SATUAN TARGET 75")));
        assert!(is_misread_header_line(&line("URAIAN INDIKATOR KINERJA WM wyv SATUAN I REALISASI ANGGARAN (Rp) 1")));
        assert!(!is_misread_header_line(&line("SATUAN TARGET wi")));
        assert!(is_misread_header_line(&line("URAIAN ARGET TW TWIV PENANGGUNG")));
        assert!(!is_misread_header_line(&line("URAIAN TWIV Persentase")));
        assert!(is_misread_header_line(&line("URAIAN INDIKATOR KINERJA SATUAN Irarcer wi I twa I wut TW IV ANGGARAN (Rp)")));
        assert!(!is_misread_header_line(&line("Persentase satuan pendidikan yang mencapai target indikator")));
        // Under a header line, a line of header words with one misread goes on the header.
        assert!(is_misread_header_tail(&line("KINERJA I \" 1? IV JAWAB")));
        assert!(!is_misread_header_tail(&line("TUJUAN 1")));
        assert!(!is_misread_header_tail(&line("KINERJA 75")));
        assert!(!is_misread_header_tail(&line("Jumlah layanan")));
        // The quarters' numerals alone, one misread.
        assert!(is_misread_header_tail(&line("I UI IV")));
        assert!(is_misread_header_tail(&line("INDIKATOR KINERJA I SATUAN |T/ 2026 1? Twit I Twill JAWAB")));
        assert!(!is_misread_header_tail(&line("INDIKATOR SATUAN Persentase guru yang")));
        assert!(!is_misread_header_tail(&line("I")));
        assert!(!is_misread_header_tail(&line("UI Ul")));
        // Two numerals read right vouch for one more word misread.
        assert!(is_misread_header_tail(&line("1? I ul I IV")));
        assert!(is_misread_header_tail(&line("I Mt ulI IV")));
        assert!(!is_misread_header_tail(&line("I 25 IV")));
        assert!(!is_misread_header_tail(&line("I Mt ul IV x")));
        assert!(!is_misread_header_tail(&line("I Mt")));
        // The first line of two-line header cells, among the borders' remnants.
        assert!(is_header_line_among_remnants(&line("I TARGET I I II 1? PENANGGU NG")));
        assert!(!is_header_line_among_remnants(&line("I PENANGGU NG")));
        assert!(!is_header_line_among_remnants(&line("TARGET 1? tercapai")));
        assert!(!is_header_line_among_remnants(&line("I TARGET 92,5")));
    }

    #[test]
    fn header_words_of_one_line_are_read_left_to_right_whatever_their_tops() {
        // A positioned page (as OCR gives it): "(Rp)" a point above
        // "ANGGARAN" on the header line; the column is still ANGGARAN (Rp).
        let (word, line) = (pword, pline);
        let header = line(vec![
            word("URAIAN", 40.0, 100.0),
            word("INDIKATOR", 150.0, 100.0),
            word("SATUAN", 300.0, 100.0),
            word("TARGET", 360.0, 100.0),
            word("TW", 410.0, 100.0),
            word("I", 425.0, 100.0),
            word("TW", 450.0, 100.0),
            word("II", 465.0, 100.0),
            word("TW", 490.0, 100.0),
            word("III", 505.0, 100.0),
            word("TW", 530.0, 100.0),
            word("IV", 545.0, 100.0),
            word("(Rp)", 633.0, 99.0),
            word("ANGGARAN", 580.0, 100.0),
        ]);
        let mut header = header;
        header.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let row = |y: f32, label: &str, budget: &str| plan_row(y, label, &[(budget, 580.0)]);
        let page = Page { number: 1, width: 700.0, height: 400.0, lines: vec![header, row(130.0, "1", "1.250.000"), row(160.0, "2", "2.500.000")], rulings: Vec::new() };
        let table = reflow(&[page]);
        assert!(table.columns.contains(&Role::Budget), "{:?} {:?}", table.columns, table.extra_columns);
        assert_eq!(table.rows.iter().find_map(|r| r.get(Role::Budget)), Some("1.250.000"));
    }

    #[test]
    fn a_units_second_line_left_of_the_unit_edge_is_the_units() {
        // "Daerah" / "Irigasi" centred in the SATUAN cell: the second line
        // starts left of where the unit column's words usually start.
        let (word, line) = (pword, pline);
        let above = vec![(Col::Indicator, word("Jumlah", 150.0, 100.0)), (Col::Indicator, word("daerah", 190.0, 100.0)), (Col::Unit, word("Daerah", 296.0, 100.0))];
        let mut below: Vec<(Col, Word)> = line(vec![word("dioperasikan", 130.0, 110.0), word("dipelihara", 206.0, 110.0), word("Irigasi", 294.0, 110.0)]).words.into_iter().map(|w| (Col::Indicator, w)).collect();
        continue_unit_below(&mut below, &above, true);
        assert_eq!(below.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [Col::Indicator, Col::Indicator, Col::Unit]);
        // Indicator text a word space from the word under the unit stays.
        let mut close: Vec<(Col, Word)> = line(vec![word("dioperasikan", 150.0, 110.0), word("dan", 224.0, 110.0), word("dipelihara", 244.0, 110.0)]).words.into_iter().map(|w| (Col::Indicator, w)).collect();
        continue_unit_below(&mut close, &above, true);
        assert!(close.iter().all(|(c, _)| *c == Col::Indicator));
        // A layout dump: "per 1.000" / "pasien" / "keluar", the lines under
        // alone, starting under the unit's first word.
        let layout_word = |t: &str, x0: f32| Word { text: t.into(), x0, x1: x0 + t.len() as f32, y0: 0.0, y1: 1.0 };
        let above = vec![(Col::Indicator, layout_word("(NDR)", 39.0)), (Col::Unit, layout_word("per", 49.0)), (Col::Unit, layout_word("1.000", 53.0))];
        let mut lone = vec![(Col::Indicator, layout_word("pasien", 50.0))];
        continue_unit_below(&mut lone, &above, false);
        assert_eq!(lone[0].0, Col::Unit);
    }

    #[test]
    fn a_line_opening_nearer_the_indicator_edge_opens_an_indicator() {
        // A layout dump shifted "Net Death Rate (NDR)" two characters
        // left: "Net" ends before the indicator edge, far from the names'.
        let layout_word = |t: &str, x0: f32| Word { text: t.into(), x0, x1: x0 + t.len() as f32, y0: 0.0, y1: 1.0 };
        let cols = Columns { node_left: 0.0, ind_left: 26.0, unit_left: 49.0, values: vec![(70.0, 74.0, 72.0)], trailing: vec![110.0], tol: 0.6, drawn: false, definition_left: None, unitless: false, borders: Vec::new(), right_aligned: false, money: Vec::new(), slots: None };
        let mut words = vec![(Col::Node, layout_word("Net", 24.0)), (Col::Node, layout_word("Death", 28.0)), (Col::Unit, layout_word("per", 49.0))];
        indicator_opening_right_of_the_names(&mut words, &cols);
        assert_eq!(words.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [Col::Indicator, Col::Indicator, Col::Unit]);
        // A name's line opens at the names' edge.
        let mut name = vec![(Col::Node, layout_word("Meningkatnya", 0.0)), (Col::Indicator, layout_word("Average", 26.0))];
        indicator_opening_right_of_the_names(&mut name, &cols);
        assert_eq!(name[0].0, Col::Node);
    }

    #[test]
    fn column_numbers_under_a_misread_header_are_header() {
        // OCR read the quarters' line "TW.I TW.II ..." as "TW. Tw.ll Tw.lll
        // TW.IV"; the column numbers under it, and that line, are still
        // the header's, not the first row's.
        let (word, line) = (pword, pline);
        let header = line(vec![word("URAIAN", 40.0, 100.0), word("INDIKATOR", 150.0, 100.0), word("SATUAN", 300.0, 100.0), word("TARGET", 360.0, 100.0)]);
        let quarters = line(vec![word("TW.", 410.0, 112.0), word("Tw.ll", 450.0, 112.0), word("Tw.lll", 490.0, 112.0), word("TW.IV", 530.0, 112.0)]);
        let numbers = line(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"].iter().zip([40.0, 150.0, 300.0, 365.0, 412.0, 452.0, 492.0, 532.0]).map(|(t, x)| word(t, x, 124.0)).collect());
        let page = Page { number: 1, width: 600.0, height: 400.0, lines: vec![header, quarters, numbers, plan_row(140.0, "1", &[])], rulings: Vec::new() };
        assert_eq!(header_lines(&page), [0, 1, 2]);
        assert!(is_column_number_line(&["(1)", "(2)", "(12)"]));
        assert!(!is_column_number_line(&["(1)", "Persen"]));
    }

    /// The tests' header (see [`plan_row`]) on two lines at `y` and `y + 11`.
    /// [`plan_row`] with `node`'s words in the URAIAN column in place of
    /// its "Program" label.
    fn plan_row_of_node(y: f32, node: &[&str]) -> crate::extract::Line {
        let mut r = plan_row(y, "1", &[]);
        r.words.splice(0..2, node.iter().enumerate().map(|(k, w)| pword(w, 40.0 + 25.0 * k as f32, y)));
        r
    }

    fn two_line_header(y: f32) -> [crate::extract::Line; 2] {
        let (word, line) = (pword, pline);
        [
            line(vec![word("URAIAN", 40.0, y), word("INDIKATOR", 150.0, y), word("SATUAN", 300.0, y), word("TARGET", 360.0, y)]),
            line(vec![word("KINERJA", 150.0, y + 11.0), word("TW.1", 410.0, y + 11.0), word("TW.2", 450.0, y + 11.0), word("TW.3", 490.0, y + 11.0), word("TW.4", 530.0, y + 11.0)]),
        ]
    }

    #[test]
    fn sumber_dana_is_the_note_and_kept_apart_beside_keterangan() {
        let word = pword;
        // Header words of the trailing columns: (text, x, on the second line).
        let page = |trailing: &[(&str, f32, bool)], cells: &[(&str, f32)]| {
            let [mut h1, mut h2] = two_line_header(60.0);
            for (t, x, second) in trailing {
                if *second {
                    h2.words.push(word(t, *x, 71.0));
                } else {
                    h1.words.push(word(t, *x, 60.0));
                }
            }
            let row = plan_row(100.0, "1", cells);
            Page { number: 1, width: 700.0, height: 400.0, lines: vec![h1, h2, row, plan_row(130.0, "2", &[])], rulings: Vec::new() }
        };
        // SUMBER DANA alone: the funding source is the row's note.
        let one = reflow(&[page(&[("SUMBER", 580.0, false), ("DANA", 586.0, true)], &[("DAU", 590.0)])]);
        assert_eq!(one.rows[0].get(Role::Note), Some("DAU"), "{:?}", one.rows[0]);
        // Beside KETERANGAN, the first note column keeps the role and the
        // second is kept under its header.
        let two = reflow(&[page(&[("KETERANGAN", 580.0, false), ("SUMBER", 650.0, false), ("DANA", 656.0, true)], &[("Survei", 585.0), ("DAK", 655.0)])]);
        let row = &two.rows[0];
        assert_eq!(row.get(Role::Note), Some("Survei"), "{row:?}");
        assert_eq!(row.extra, [("SUMBER DANA".to_string(), "DAK".to_string())], "{row:?}");
    }

    #[test]
    fn a_merged_cell_drawn_again_over_the_next_pages_header_is_no_row() {
        // Page 2 repeats the header; the spreadsheet drew the node cell cut
        // by the page break again over it: its label above the header's
        // first line, its name level with the second.
        let (word, line) = (pword, pline);
        let [h1, h2] = two_line_header(60.0);
        let page1 = Page { number: 1, width: 600.0, height: 400.0, lines: vec![h1, h2, plan_row(100.0, "1", &[]), plan_row(130.0, "2", &[])], rulings: Vec::new() };
        let [h1, h2] = two_line_header(60.0);
        let row = line(vec![word("Jumlah", 150.0, 100.0), word("peserta", 195.0, 100.0), word("Kali", 300.0, 100.0), word("8", 365.0, 100.0), word("2", 412.0, 100.0), word("2", 452.0, 100.0), word("2", 492.0, 100.0), word("2", 532.0, 100.0)]);
        let lines = vec![line(vec![word("Program", 40.0, 48.0), word("2", 90.0, 48.0)]), h1, line(vec![word("Layanan", 40.0, 70.0)]), h2, row];
        let page2 = Page { number: 2, width: 600.0, height: 400.0, lines, rulings: Vec::new() };
        let table = reflow(&[page1, page2]);
        let nodes: Vec<&str> = table.rows.iter().filter_map(|r| r.node.as_deref()).collect();
        assert_eq!(nodes, ["Program 1", "Program 2"], "{:?}", table.rows);
        let last = table.rows.last().unwrap();
        assert_eq!((last.get(Role::Indicator), last.get(Role::Target)), (Some("Jumlah peserta"), Some("8")));
        assert_eq!(table.rows.iter().filter(|r| r.has_indicator()).count(), 3);
    }

    #[test]
    fn a_year_left_of_a_cut_header_over_a_pages_first_row_is_no_piece_of_its_target() {
        // Page 2's header cut by the page break leaves "2026" (of "TARGET"
        // / "2026") on a line of its own in the target column, above the
        // page's first row.
        let (word, line) = (pword, pline);
        let [h1, h2] = two_line_header(60.0);
        let page1 = Page { number: 1, width: 600.0, height: 400.0, lines: vec![h1, h2, plan_row(100.0, "1", &[]), plan_row(130.0, "2", &[])], rulings: Vec::new() };
        let row = line(vec![word("Jumlah", 150.0, 100.0), word("peserta", 195.0, 100.0), word("Kali", 300.0, 100.0), word("8", 365.0, 100.0), word("2", 412.0, 100.0), word("2", 452.0, 100.0), word("2", 492.0, 100.0), word("2", 532.0, 100.0)]);
        let lines = vec![line(vec![word("Layanan", 40.0, 90.0), word("2026", 360.0, 90.0)]), row];
        let page2 = Page { number: 2, width: 600.0, height: 400.0, lines, rulings: Vec::new() };
        let table = reflow(&[page1, page2]);
        let last = table.rows.last().unwrap();
        assert_eq!((last.get(Role::Indicator), last.get(Role::Target)), (Some("Jumlah peserta"), Some("8")), "{:?}", table.rows);
    }

    #[test]
    fn a_line_between_two_header_lines_is_the_headers() {
        // A layout dump prints a cell drawn over the header between the
        // header's lines; the line after it names no core column.
        let (word, line) = (pword, pline);
        let words = |y: f32, ws: &[(&str, f32)]| line(ws.iter().map(|(t, x)| word(t, *x, y)).collect());
        let top = words(60.0, &[("URAIAN", 40.0), ("INDIKATOR", 150.0), ("SATUAN", 300.0), ("TARGET", 360.0)]);
        let quarters = |y: f32| words(y, &[("KEGIATAN", 40.0), ("TAHUN", 360.0), ("Trw.", 410.0), ("1", 440.0), ("Trw.", 450.0), ("2", 480.0)]);
        let page = |lines| Page { number: 2, width: 600.0, height: 400.0, lines, rulings: Vec::new() };
        let overlay = words(71.0, &[("Pemeliharaan", 40.0), ("Rutin", 120.0)]);
        assert_eq!(header_lines(&page(vec![top.clone(), overlay, quarters(82.0), plan_row(100.0, "1", &[])])), [0, 1, 2]);
        // A body line of header words alone ("PROGRAM", a name's first
        // line) is no header line to go on to.
        let label = words(71.0, &[("Program", 40.0), ("2", 90.0)]);
        let name = words(82.0, &[("PROGRAM", 40.0)]);
        assert_eq!(header_lines(&page(vec![top, label, name, plan_row(100.0, "1", &[])])), [0]);
    }

    #[test]
    fn a_label_word_wrapped_into_a_numbered_plans_name_goes_on_the_name() {
        // "Sub Kegiatan 1 Koordinasi Kesesuaian" / "Kegiatan Pemanfaatan
        // Ruang": every other label of the plan has its number.
        let (word, line) = (pword, pline);
        let [h1, h2] = two_line_header(60.0);
        let mut first = plan_row(100.0, "1", &[]);
        first.words[0] = word("Kegiatan", 40.0, 100.0);
        let mut second = plan_row(140.0, "2", &[]);
        second.words[0] = word("Kegiatan", 40.0, 140.0);
        let mut third = plan_row(180.0, "3", &[]);
        third.words[0] = word("Kegiatan", 40.0, 180.0);
        let lines = vec![
            h1,
            h2,
            first,
            line(vec![word("Koordinasi", 40.0, 111.0)]),
            line(vec![word("Kegiatan", 40.0, 122.0), word("Ruang", 95.0, 122.0)]),
            line(vec![word("Kegiatan", 40.0, 133.0)]),
            second,
            third,
        ];
        let table = reflow(&[Page { number: 1, width: 600.0, height: 400.0, lines, rulings: Vec::new() }]);
        let nodes: Vec<&str> = table.rows.iter().filter_map(|r| r.node.as_deref()).collect();
        assert_eq!(nodes, ["Kegiatan 1 Koordinasi Kegiatan Ruang Kegiatan", "Kegiatan 2", "Kegiatan 3"], "{:?}", table.rows);
    }

    #[test]
    fn a_level_word_in_a_merged_name_between_numbered_siblings_goes_on_the_name() {
        // gen126: "Sub. Kegiatan 1 Koordinasi/Sinergi" / "Pelaksanaan" /
        // "Kegiatan Pemerintahan" beside the next row's indicator, then
        // "Sub Kegiatan 2": the name of a cell merged over two rows goes
        // on, no new kegiatan between the two sub kegiatan.
        let (word, line, row) = (pword, pline, plan_row_of_node);
        let [h1, h2] = two_line_header(60.0);
        let lines = vec![
            h1,
            h2,
            row(100.0, &["Kegiatan", "1"]),
            row(120.0, &["Sub", "Kegiatan", "1"]),
            line(vec![word("Pelaksanaan", 40.0, 131.0)]),
            row(142.0, &["Kegiatan", "Pemerintahan"]),
            row(164.0, &["Sub", "Kegiatan", "2"]),
            row(186.0, &["Kegiatan", "2"]),
            row(208.0, &["Kegiatan", "3"]),
        ];
        let table = reflow(&[Page { number: 1, width: 600.0, height: 400.0, lines, rulings: Vec::new() }]);
        let nodes: Vec<&str> = table.rows.iter().filter_map(|r| r.node.as_deref()).collect();
        assert_eq!(nodes, ["Kegiatan 1", "Sub Kegiatan 1 Pelaksanaan Kegiatan Pemerintahan", "Sub Kegiatan 2", "Kegiatan 2", "Kegiatan 3"], "{:?}", table.rows);
    }

    #[test]
    fn unlabelled_rows_above_a_plans_coded_programs_are_sasaran() {
        // gen131, SIPD style: the sasaran's text with no label or code on
        // its rows, then programs and kegiatan named by their codes.
        let (word, line, row) = (pword, pline, plan_row_of_node);
        let [h1, h2] = two_line_header(60.0);
        let page = |first: Vec<&str>| {
            let lines = vec![
                h1.clone(),
                h2.clone(),
                row(100.0, &first),
                line(vec![word("pengawasan", 40.0, 111.0)]),
                row(130.0, &["6.01.02", "PROGRAM"]),
                row(160.0, &["6.01.02.2.01", "Kegiatan"]),
            ];
            let table = reflow(&[Page { number: 1, width: 600.0, height: 400.0, lines, rulings: Vec::new() }]);
            table.rows.iter().map(|r| (r.node.clone().unwrap_or_default(), r.node_level)).collect::<Vec<_>>()
        };
        let rows = page(vec!["Meningkatnya", "kapabilitas"]);
        assert_eq!(rows[0], ("Meningkatnya kapabilitas pengawasan".to_string(), Some(Level::Sasaran)), "{rows:?}");
        assert_eq!(rows[1].1, None);
        // A plan that numbers its labels has no such rows: the text above
        // its first label is that label's (a cell aligned to its bottom).
        let lines = vec![h1.clone(), h2.clone(), row(100.0, &["Meningkatnya", "kapabilitas"]), row(130.0, &["Program", "1"])];
        let table = reflow(&[Page { number: 1, width: 600.0, height: 400.0, lines, rulings: Vec::new() }]);
        assert!(table.rows.iter().all(|r| r.node_level.is_none()), "{:?}", table.rows);
    }

    #[test]
    fn a_title_line_of_header_words_above_the_drawn_table_is_no_header() {
        // "TAHUN ANGGARAN 2026", the title's last line, centred over the
        // target column just above the table's top border: were it header,
        // "ANGGARAN" would name the target column a budget. "SAT" is SATUAN.
        use crate::extract::Ruling;
        let (word, line) = (pword, pline);
        let title = line(vec![word("TAHUN", 300.0, 70.0), word("ANGGARAN", 338.0, 70.0), word("2026", 390.0, 70.0)]);
        let header = line(vec![
            word("URAIAN", 40.0, 100.0),
            word("INDIKATOR", 150.0, 100.0),
            word("SAT", 300.0, 100.0),
            word("TARGET", 360.0, 100.0),
            word("TW.1", 410.0, 100.0),
            word("TW.2", 450.0, 100.0),
            word("TW.3", 490.0, 100.0),
            word("TW.4", 530.0, 100.0),
        ]);
        let row = |y: f32, label: &str| plan_row(y, label, &[]);
        let border = |y: f32| Ruling { x0: 35.0, y0: y, x1: 570.0, y1: y };
        let page = Page {
            number: 1,
            width: 600.0,
            height: 400.0,
            lines: vec![title, header, row(130.0, "1"), row(160.0, "2")],
            rulings: vec![border(90.0), border(120.0), border(150.0), border(180.0)],
        };
        let table = reflow(std::slice::from_ref(&page));
        assert!(!table.columns.contains(&Role::Budget), "{:?}", table.columns);
        assert!(table.columns.contains(&Role::Unit), "{:?}", table.columns);
        assert_eq!(table.rows.iter().find_map(|r| r.get(Role::Target)), Some("100"));
        assert_eq!(table.rows.iter().find_map(|r| r.get(Role::Unit)), Some("Persen"));
        // With no borders drawn (a layout dump), the year line opening the
        // header's run of lines is the title's all the same.
        let table = reflow(&[Page { rulings: Vec::new(), ..page }]);
        assert!(!table.columns.contains(&Role::Budget), "{:?}", table.columns);
        assert_eq!(table.title.last().map(String::as_str), Some("TAHUN ANGGARAN 2026"));
    }

    #[test]
    fn the_sliding_window_node_assignment_is_the_full_one() {
        // Pseudo-random plans: rows of one to three lines, nodes whose
        // labels sit near some row, numbered rows; every alignment.
        let mut seed = 7u64;
        let mut next = |k: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % k
        };
        for _ in 0..200 {
            let n = 1 + next(90) as usize;
            let mut bands = Vec::new();
            let mut y = 0i64;
            for _ in 0..n {
                let h = (1 + next(3) as i64) * UNIT;
                bands.push((y, y + h));
                y += h + UNIT * next(2) as i64;
            }
            let numbers: Vec<Option<u32>> = (0..n).map(|_| match next(4) { 0 => None, k => Some(k as u32) }).collect();
            let m = 1 + next(n as u64 + 2) as usize;
            let mut spans: Vec<(i64, i64)> = (0..m).map(|_| {
                let at = next(y.max(1) as u64) as i64;
                (at, at + UNIT * next(4) as i64)
            }).collect();
            spans.sort();
            for valign in [VAlign::Top, VAlign::Bottom] {
                let tops: Vec<i64> = bands.iter().map(|b| b.0).collect();
                assert_eq!(assign_nodes_with(&spans, &bands, &tops, &numbers, valign, true), assign_nodes_with(&spans, &bands, &tops, &numbers, valign, false));
            }
        }
    }

    #[test]
    fn a_top_aligned_label_off_a_rows_anchor_line_opens_no_node_on_that_row() {
        // Rows at lines 0-1, 2-4 and 8-9; a sub kegiatan labelled on line
        // 0, a kegiatan without indicators labelled on line 5 (below the
        // second row's last line, printed after it), another sub kegiatan
        // on line 8. The kegiatan takes no row: the second row stays the
        // first sub kegiatan's.
        let l = |k: i64| k * UNIT;
        let bands = [(l(0), l(1)), (l(2), l(4)), (l(8), l(9))];
        let spans = [(l(0), l(1)), (l(5), l(6)), (l(8), l(9))];
        let tops: Vec<i64> = bands.iter().map(|b| b.0).collect();
        let rows = assign_nodes(&spans, &bands, &tops, &[None, None, None], VAlign::Top);
        assert_eq!(rows, [Some(0), Some(0), Some(2)]);
        // A kegiatan without indicators labelled on lines 4-5, right above
        // a row whose own sub kegiatan opens at its top (line 6); a second
        // row at line 9. The kegiatan takes no row, though it is nearer the
        // first row's top than the sub kegiatan is to the second's. The
        // first row's band reaches up to line 3 (text lines given to it,
        // as a scan's loose lines are): the anchor line is the measure.
        let bands = [(l(0), l(1)), (l(3), l(7)), (l(9), l(10))];
        let tops = [l(0), l(6), l(9)];
        let spans = [(l(0), l(1)), (l(4), l(5)), (l(6), l(8))];
        let rows = assign_nodes(&spans, &bands, &tops, &[None, None, None], VAlign::Top);
        assert_eq!(rows, [Some(0), Some(2), Some(2)]);
    }

    #[test]
    fn a_word_target_wider_than_its_cell_is_the_targets_and_the_line_an_anchor() {
        // "Informatif" centred in the TARGET column starts two characters
        // left of it; "Informa" (cut) repeats it in TW IV.
        let line = format!("{:37}{:43}{:47}{}", "", "Kategori keterbukaan", "Kategori    Informatif", "Informa");
        let cols = columns();
        let words = &pages_of(&line, false)[0].lines[0].words;
        let target = words.iter().find(|w| w.text == "Informatif").unwrap();
        assert_eq!(cols.place(target), Col::Value(0));
        assert_eq!(cols.anchor_unit(words).map(|u| words[u].text.as_str()), Some("Kategori"));
        // A long unit word starting at the unit column stays the unit.
        let unit = &pages_of(&format!("{:81}Persentase", ""), false)[0].lines[0].words[0];
        assert_eq!(cols.place(unit), Col::Unit);
    }

    #[test]
    fn a_word_target_repeated_in_a_quarter_anchors_the_line() {
        // "Tersedia" in TARGET, TW II and TW IV, the quarters between blank.
        let cols = columns();
        let word = |text: &str, x0: f32| Word { text: text.into(), x0, x1: x0 + text.len() as f32, y0: 0.0, y1: 1.0 };
        let words = [word("Ketersediaan", 37.0), word("Dokumen", 81.0), word("Tersedia", 93.0), word("Tersedia", 110.0), word("Tersedia", 126.0)];
        assert_eq!(cols.anchor_unit(&words), Some(1));
        // Another word in a quarter between is no repeat of the target.
        let words = [word("Ketersediaan", 37.0), word("Dokumen", 81.0), word("Tersedia", 93.0), word("Proses", 111.0), word("Tersedia", 126.0)];
        assert_eq!(cols.anchor_unit(&words), None);
        // Cut at narrower cells' edges in TW III and TW IV ("Tersedi" / "a").
        let words = [word("Ketersediaan", 37.0), word("Dokumen", 81.0), word("Tersedia", 93.0), word("Tersedi", 118.0), word("Tersedi", 126.0)];
        assert_eq!(cols.anchor_unit(&words), Some(1));
    }

    #[test]
    fn a_header_repeated_with_a_cell_drawn_on_its_lines_is_found_again() {
        let (word, line) = (pword, pline);
        let [h1, h2] = two_line_header(60.0);
        let first = Page { number: 1, width: 600.0, height: 400.0, lines: vec![h1, h2, plan_row(100.0, "1", &[])], rulings: Vec::new() };
        let first_parts = split_page(&first, true, None);
        let template = header_template(first_parts.page, &first_parts.header);
        // Page 2: the node cell's words on the header's second line.
        let [h1, mut h2] = two_line_header(60.0);
        h2.words.insert(0, word("Pengadaan", 40.0, 71.0));
        h2.words.insert(1, word("Obat,", 100.0, 71.0));
        let lines = vec![line(vec![word("Bahan", 40.0, 50.0), word("Medis", 80.0, 50.0)]), h1, h2, plan_row(100.0, "2", &[])];
        let second = Page { number: 2, width: 600.0, height: 400.0, lines, rulings: Vec::new() };
        assert_eq!(lines_of_repeated_header(&second, &template), [1, 2]);
        let part = split_page(&second, false, Some(&template));
        assert_eq!((part.header.clone(), part.body.clone()), (vec![1, 2], vec![3]));
    }

    #[test]
    fn words_a_page_prints_again_are_read_once() {
        let text = "Pembinaan Penerapan Persyaratan atau Standar pada Usaha";
        assert_eq!(without_repeated_start(text, "Standar pada Usaha Pengolahan dan Pemasaran"), "Pengolahan dan Pemasaran");
        // One word alike is no repeat ("Usaha Mikro" after "... Usaha").
        assert_eq!(without_repeated_start(text, "Usaha Mikro"), "Usaha Mikro");
        assert_eq!(without_repeated_start(text, "Kecil dan Menengah"), "Kecil dan Menengah");
    }

    #[test]
    fn a_unit_shifted_into_the_target_column_with_its_row_anchors_it() {
        // "RT 34 - 34 - -": the row printed four characters left, its unit
        // starting inside the target column's span.
        let cols = columns();
        let word = |text: &str, x0: f32| Word { text: text.into(), x0, x1: x0 + text.len() as f32, y0: 0.0, y1: 1.0 };
        let words = [word("Jumlah", 37.0), word("RT", 93.0), word("34", 97.0), word("-", 106.0), word("34", 113.0), word("-", 120.0), word("-", 128.0)];
        assert_eq!(cols.place(&words[1]), Col::Value(0));
        assert_eq!(cols.anchor_unit(&words), Some(1));
        // A word target in the target column is no unit.
        let words = [word("Predikat", 81.0), word("Baik", 94.0), word("-", 106.0), word("-", 113.0), word("-", 120.0), word("Baik", 128.0)];
        assert_eq!(cols.anchor_unit(&words), Some(0));
    }

    #[test]
    fn a_no_cell_holds_numbering_only() {
        for w in ["1", "1.2.1", "a.", "II", "IV.", "3.31.02.2.01", "(1)", "ah", "ET"] {
            assert!(is_row_numbering(w), "{w}");
        }
        // A label closed up to the NO cell by a layout dump is the node's.
        for w in ["Program", "Sub", "SASARAN", "Kegiatan", "Kependudukan", "dan", "di", "ke"] {
            assert!(!is_row_numbering(w), "{w}");
        }
    }

    #[test]
    fn a_centred_unit_wider_than_the_columns_usual_one_is_the_unit() {
        // On a drawn page "Perusahaa" starts left of the unit column's usual
        // edge, centred in its cell; an indicator word never crosses it.
        let cols = Columns { drawn: true, ..columns() };
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 0.0, y1: 8.0 };
        assert_eq!(cols.place(&word("Perusahaa", 76.0, 90.0)), Col::Unit);
        assert_eq!(cols.place(&word("perizinannya", 62.0, 79.0)), Col::Indicator);
        // A layout dump's character columns say less: its start decides.
        assert_eq!(Columns { drawn: false, ..columns() }.place(&word("Perusahaa", 76.0, 90.0)), Col::Indicator);
    }

    #[test]
    fn on_a_ruled_page_a_word_is_in_the_column_of_the_cell_it_lies_in() {
        // Cell borders between the columns of `columns()`: node | indicator
        // | unit | target | TW I..IV | trailing.
        let xs = [-1.0, 35.0, 79.0, 92.0, 101.0, 110.0, 117.5, 125.5, 134.0, 160.0];
        let cols = Columns { drawn: true, borders: xs.iter().map(|&x| (x, 0.0, 100.0)).collect(), ..columns() };
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 10.0, y1: 18.0 };
        // A word target aligned left in the TARGET cell starts left of the
        // target column's measured span, and its centre is nearer the unit.
        assert_eq!(cols.place(&word("Baik", 92.2, 95.4)), Col::Value(0));
        assert_eq!(Columns { borders: Vec::new(), ..cols.clone() }.place(&word("Baik", 92.2, 95.4)), Col::Unit);
        // A wide unit centred in SATUAN's cell starts well left of its edge.
        assert_eq!(cols.place(&word("per", 79.5, 82.0)), Col::Unit);
        assert_eq!(cols.place(&word("kinerja", 60.0, 70.0)), Col::Indicator);
        // Where no border crosses the word's line, or its cell holds none
        // of the measured columns (the trailing column), placement is as
        // before.
        assert_eq!(cols.place(&word("Kabid", 140.0, 150.0)), Col::Trailing(0));
        let below = Word { y0: 120.0, y1: 128.0, ..word("Baik", 92.2, 95.4) };
        assert_eq!(cols.place(&below), Col::Unit);
        // A column of its own between NO and the node column (SASARAN
        // STRATEGIS): its short words are no numbering; a cut code is.
        let cols = Columns { node_left: 60.0, ind_left: 80.0, borders: [-10.0, -1.0, 58.0, 75.0].iter().map(|&x| (x, 0.0, 100.0)).collect(), ..cols };
        assert_eq!(cols.place(&word("dan", 5.0, 9.0)), Col::Node);
        assert_eq!(cols.place(&word("01", 5.0, 8.0)), Col::No);
        assert_eq!(cols.place(&word("1", -8.0, -6.0)), Col::No);
    }

    #[test]
    fn a_word_target_is_read_in_the_columns_the_header_names() {
        // A baseline column before the quarters and the year's target
        // after them ("KONDISI AWAL", TW I..IV, "TAHUN 2026"): "Tanggu" /
        // "h" cut in TW IV, "Tangguh" in the target's cell.
        let mut cols = columns();
        cols.values.push((136.0, 141.0, 138.5));
        let roles = [Role::Extra, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Target];
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 0.0, y1: 8.0 };
        let line = vec![word("Kategori", 81.0, 89.0), word("Madya", 94.0, 99.0), word("Tanggu", 127.0, 133.0), word("Tangguh", 136.0, 143.0)];
        // Taken in the usual order, the baseline's word is the target.
        assert!(!cols.has_word_target(&line));
        cols.slots = value_slots(&roles, cols.values.len());
        assert_eq!(cols.slots, Some([5, 1, 2, 3, 4]));
        assert!(cols.has_word_target(&line));
        assert_eq!(cols.anchor_unit(&line), Some(0));
        // A quarter holding another word is no such row.
        let mut other = line.clone();
        other.insert(2, word("Baik", 112.0, 116.0));
        assert!(!cols.has_word_target(&other));
        // Names that miss a quarter, or name one twice, say nothing.
        assert_eq!(value_slots(&roles[..5], 5), None);
        assert_eq!(value_slots(&[Role::Target, Role::Tw1, Role::Tw1, Role::Tw3, Role::Tw4], 5), None);
    }

    #[test]
    fn a_word_target_delivered_in_one_quarter_is_a_rows() {
        // gen132's scan: "Dokumen  Tersedia ... Tersedia" in TARGET and TW
        // III, the quarters' dashes lost to OCR.
        let cols = columns();
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 0.0, y1: 8.0 };
        let line = vec![word("Dokumen", 81.0, 89.0), word("Tersedia", 94.0, 99.0), word("Tersedia", 119.0, 124.0)];
        assert!(cols.has_word_target(&line));
        assert_eq!(cols.anchor_unit(&line), Some(0));
        // In two quarters, TW IV blank: no plan prints that.
        let mut two = line.clone();
        two.insert(2, word("Tersedia", 105.0, 109.0));
        assert!(!cols.has_word_target(&two));
        // Another word in the quarter: no target confirmed.
        let mut other = line.clone();
        other[2].text = "Proses".into();
        assert!(!cols.has_word_target(&other));
        // The other quarters' dashes printed, TW IV's too (gen151: "Baik -
        // - Baik -").
        let dashed = vec![word("Baik", 94.0, 99.0), word("-", 106.0, 107.0), word("-", 113.0, 114.0), word("Baik", 119.0, 124.0), word("-", 129.0, 130.0)];
        assert!(cols.has_word_target(&dashed));
        // A number in TW IV is no dash: no word target of that row.
        let mut numbered = dashed.clone();
        numbered[4].text = "5".into();
        assert!(!cols.has_word_target(&numbered));
    }

    #[test]
    fn a_word_target_aligned_left_in_the_target_cell_is_the_target() {
        // Layout-dump columns: unit at 81, target numbers 94..99 (aligned
        // right), TW IV 127..132; "Paripurna" starts left of the target's
        // numbers, the same word in TW IV.
        let cols = columns();
        let word = |text: &str, x0: f32, x1: f32| Word { text: text.into(), x0, x1, y0: 0.0, y1: 8.0 };
        let line = vec![word("Status", 37.0, 43.0), word("Predikat", 74.0, 83.0), word("Paripurna", 84.0, 93.0), word("Paripurna", 124.0, 133.0)];
        assert_eq!(cols.place(&line[2]), Col::Unit);
        assert_eq!(cols.word_target_aligned_left(&line), Some(2));
        // Not without the word again in TW IV, nor after a word no unit.
        assert_eq!(cols.word_target_aligned_left(&line[..3]), None);
        let mut other = line.clone();
        other[3].text = "Baik".into();
        assert_eq!(cols.word_target_aligned_left(&other), None);
    }

    #[test]
    fn a_number_printed_with_its_unit_is_the_units_column() {
        // No SATUAN column: "148.250 Ton" centred in TARGET starts left of
        // the column's bare values; "2.500 Ha" in TW IV ends right of it.
        let cols = Columns { unitless: true, values: vec![(71.0, 74.0, 72.5), (121.0, 125.0, 122.8)], ..columns() };
        let w = |c: Col, t: &str, x0: f32| (c, Word { text: t.into(), x0, x1: x0 + t.len() as f32, y0: 0.0, y1: 1.0 });
        let mut words = vec![w(Col::Indicator, "padi", 39.0), w(Col::Indicator, "148.250", 67.0), w(Col::Value(0), "Ton", 75.0), w(Col::Value(1), "2.500", 119.0), w(Col::Trailing(0), "Ha", 125.0)];
        number_beside_its_unit(&mut words, &cols, false);
        assert_eq!(words.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [Col::Indicator, Col::Value(0), Col::Value(0), Col::Value(1), Col::Value(1)]);
        // An indicator's last number before a unit far from the column is the indicator's.
        let mut words = vec![w(Col::Indicator, "2024", 40.0), w(Col::Value(0), "Dokumen", 70.0)];
        number_beside_its_unit(&mut words, &cols, false);
        assert_eq!(words[0].0, Col::Indicator);
        // The next value under a wrapped unit keeps its space.
        assert_eq!(join_value_pieces(["20", "Kelompok", "Tani", "1.200", "Ha"].into_iter()), "20 Kelompok Tani 1.200 Ha");
    }

    #[test]
    fn a_short_word_after_node_text_is_no_numbering() {
        let w = |c: Col, t: &str| (c, Word { text: t.into(), x0: 0.0, x1: 1.0, y0: 0.0, y1: 1.0 });
        let mut words = vec![w(Col::No, "1"), w(Col::Node, "Sasaran"), w(Col::No, "1"), w(Col::Indicator, "Status")];
        no_numbering_after_node_text(&mut words);
        assert_eq!(words.iter().map(|(c, _)| *c).collect::<Vec<_>>(), [Col::No, Col::Node, Col::Node, Col::Indicator]);
    }

    #[test]
    fn lines_above_a_pages_first_anchor_carry_the_row_before_on() {
        // gen142 (Writer): "Kondus" / "if" in each quarter, the row broken
        // over the page; page 2's first line holds the rests of the words.
        let line = |page: u32, pos: i64, anchor: bool| Placed { page, line: 1, pos, words: Vec::new(), anchor, base: 0, scale: 1.0 };
        let placed = vec![line(1, 0, true), line(1, UNIT, true), line(2, 0, false), line(2, UNIT, true), line(2, 2 * UNIT, false)];
        let anchors = [0, 1, 3];
        assert_eq!(carried_over_to(&placed, &anchors, 2), Some(1));
        // Below the page's first anchor, or on the first page, none.
        assert_eq!(carried_over_to(&placed, &anchors, 4), None);
        assert_eq!(carried_over_to(&[line(1, 0, false), line(1, UNIT, true)], &[1], 0), None);
    }

    #[test]
    fn a_row_with_every_value_cell_blank_anchors_a_row_of_its_own() {
        // gen132's scan: "- Jumlah penyuluh pertanian  Orang  Kasubag
        // Umum", its five dashes lost to OCR, under a row with values.
        let w = |c: Col, t: &str| (c, Word { text: t.into(), x0: 0.0, x1: 1.0, y0: 0.0, y1: 1.0 });
        let line = |pos: i64, words: Vec<(Col, Word)>, anchor: bool| Placed { page: 1, line: 1, pos, words, anchor, base: 0, scale: 1.0 };
        let above = || line(0, vec![w(Col::Indicator, "Jumlah"), w(Col::Indicator, "laporan"), w(Col::Unit, "Laporan"), w(Col::Value(0), "13")], true);
        let blank_row = |pos: i64| line(pos, vec![w(Col::Indicator, "-"), w(Col::Indicator, "Jumlah"), w(Col::Indicator, "penyuluh"), w(Col::Unit, "Orang"), w(Col::Trailing(0), "Kasubag")], false);
        let mut lines = vec![above(), blank_row(2 * UNIT), line(3 * UNIT, vec![w(Col::Indicator, "honorariumnya")], false)];
        anchor_rows_without_values(&mut lines);
        assert!(lines[1].anchor);
        // Not where the row's values are printed on a line below it (a
        // cell aligned to its bottom), nor with no row above.
        let mut lines = vec![above(), blank_row(2 * UNIT), line(3 * UNIT, vec![w(Col::Value(0), "12.450.0")], false)];
        anchor_rows_without_values(&mut lines);
        assert!(!lines[1].anchor);
        let mut lines = vec![blank_row(0), blank_row(2 * UNIT)];
        lines[0].words.clear();
        anchor_rows_without_values(&mut lines);
        assert!(!lines[1].anchor);
        // Nor where they stand on the next line, anchored there, the row's
        // text going on beside them (gen87: a row centred in its cell,
        // "1) Jumlah dokumen Propemperda yang" / "ditetapkan ... 1 - - - 1").
        let numbered = line(2 * UNIT, vec![w(Col::Indicator, "1)"), w(Col::Indicator, "Jumlah"), w(Col::Indicator, "dokumen"), w(Col::Unit, "Dokumen/")], false);
        let mut lines = vec![above(), numbered.clone(), line(3 * UNIT, vec![w(Col::Indicator, "ditetapkan"), w(Col::Unit, "Tahun"), w(Col::Value(0), "1")], true)];
        anchor_rows_without_values(&mut lines);
        assert!(!lines[1].anchor);
        // Its numbering passed over, the opening is told.
        let mut lines = vec![above(), numbered, line(3 * UNIT, vec![w(Col::Indicator, "honorariumnya")], false)];
        anchor_rows_without_values(&mut lines);
        assert!(lines[1].anchor);
        // gen141's scan: "Volume beras Adan yang  Ton", its dashes lost.
        let volume = line(2 * UNIT, vec![w(Col::Indicator, "Volume"), w(Col::Indicator, "beras"), w(Col::Unit, "Ton")], false);
        let mut lines = vec![above(), volume, line(3 * UNIT, vec![w(Col::Indicator, "dipasarkan")], false)];
        anchor_rows_without_values(&mut lines);
        assert!(lines[1].anchor);
    }

    #[test]
    fn a_unit_wrapped_under_every_value_is_no_row_of_word_targets() {
        let values = [(94.0, 99.0), (105.0, 109.0), (112.0, 116.0), (119.0, 124.0), (127.0, 132.0)].iter().map(|&(l, r)| (l, r, (l + r) / 2.0)).collect();
        let cols = Columns { unitless: true, values, ..columns() };
        let line = |pos: i64, texts: [&str; 5], anchor: bool| {
            let words = cols.values.iter().zip(texts).enumerate().map(|(k, (v, t))| (Col::Value(k), Word { text: t.into(), x0: v.0, x1: v.1, y0: 0.0, y1: 8.0 })).collect();
            Placed { page: 1, line: 1, pos, words, anchor, base: 0, scale: 1.0 }
        };
        // "312" / "Kelompok" / "Tani" in every cell, then a row of word
        // targets of its own a row further down.
        let mut lines = vec![
            line(0, ["312", "78", "156", "234", "312"], true),
            line(UNIT, ["Kelompok"; 5], false),
            line(2 * UNIT, ["Tani"; 5], false),
            line(6 * UNIT, ["Tersedia"; 5], false),
        ];
        anchor_unitless_value_rows(&mut lines, &cols);
        assert_eq!(lines.iter().map(|l| l.anchor).collect::<Vec<_>>(), [true, false, false, true]);
    }

    #[test]
    fn value_rows_whose_unit_stands_elsewhere_anchor_rows() {
        // A unit merged with the row above's, or wrapped around its row's
        // values: an incremental row ending in dashes, a year-end target
        // printed twice; not a number alone, nor two different numbers.
        let values = [(94.0, 99.0), (105.0, 109.0), (112.0, 116.0), (119.0, 124.0), (127.0, 132.0)].iter().map(|&(l, r)| (l, r, (l + r) / 2.0)).collect();
        let cols = Columns { values, ..columns() };
        let line = |pos: i64, texts: [&str; 5]| {
            let words = cols.values.iter().zip(texts).enumerate().filter(|(_, (_, t))| !t.is_empty()).map(|(k, (v, t))| (Col::Value(k), Word { text: t.into(), x0: v.0, x1: v.1, y0: 0.0, y1: 8.0 })).collect();
            Placed { page: 1, line: 1, pos, words, anchor: false, base: 0, scale: 1.0 }
        };
        let mut lines = vec![
            line(0, ["2", "2", "-", "-", "-"]),
            line(4 * UNIT, ["58,75", "", "", "", "58,75"]),
            line(8 * UNIT, ["58,75", "", "", "", ""]),
            line(12 * UNIT, ["5", "", "", "", "7"]),
            // A "-" in every cell (gen110), not in some.
            line(16 * UNIT, ["-", "-", "-", "-", "-"]),
            line(20 * UNIT, ["-", "", "-", "", "-"]),
        ];
        anchor_unitless_value_rows(&mut lines, &cols);
        assert_eq!(lines.iter().map(|l| l.anchor).collect::<Vec<_>>(), [true, true, false, false, true, false]);
    }

    #[test]
    fn a_ruled_table_splits_text_between_rows_at_their_border() {
        let w = |col: Col, text: &str, x0: f32, y: f32| (col, Word { text: text.into(), x0, x1: x0 + 20.0, y0: y, y1: y + 8.0 });
        let line = |page: u32, words: Vec<(Col, Word)>, anchor: bool| Placed { page, line: 1, pos: (words[0].1.y0 / 5.0) as i64, words, anchor, base: 0, scale: 0.2 };
        // Row a (border above at 95, below at 130), its indicator centred
        // around its anchor; row b's text starts right under the border.
        let placed = vec![
            line(1, vec![w(Col::Indicator, "Persentase", 40.0, 100.0)], false),
            line(1, vec![w(Col::Indicator, "layanan", 40.0, 110.0), w(Col::Unit, "%", 80.0, 110.0)], true),
            line(1, vec![w(Col::Indicator, "unggulan", 40.0, 120.0)], false),
            line(1, vec![w(Col::Indicator, "Jumlah", 40.0, 132.0)], false),
            line(1, vec![w(Col::Indicator, "fasilitas", 40.0, 142.0), w(Col::Unit, "Unit", 80.0, 142.0)], true),
        ];
        let rule = |page: u32, y: f32| Rule { page, y, x0: 10.0, x1: 200.0 };
        let rules = [rule(1, 95.0), rule(1, 130.0), rule(1, 155.0)];
        assert!(rows_are_ruled(&placed, &rules, &[1, 4]));
        assert_eq!(ruled_split(&placed, &rules, &[2, 3], 1, 4, Col::Indicator), Some(1));
        // No border between the anchors (a merged cell): the rules say nothing.
        assert_eq!(ruled_split(&placed, &[rule(1, 95.0)], &[2, 3], 1, 4, Col::Indicator), None);
        // A row carried over a page break: on b's page, the lines above the
        // border just over b are a's.
        let mut carried = placed.clone();
        for l in &mut carried[3..] {
            l.page = 2;
        }
        let rules = [rule(1, 95.0), rule(1, 130.0), rule(2, 128.0), rule(2, 138.0)];
        assert_eq!(ruled_split(&carried, &rules, &[2, 3], 1, 4, Col::Indicator), Some(2));
    }
}
