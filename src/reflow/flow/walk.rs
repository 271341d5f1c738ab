//! The walk: every line of the body in reading order, turned into cells
//! (node, indicator, note), unit events and value events.
//!
//! The reader keeps the open node cell and the open indicator cell of the
//! current block. Lines that continue one of them while both are open are
//! buffered and given out together ([`Walker::flush`]): a small dynamic
//! programme over the stretch weighs case style, alternation of
//! interleaved columns, column widths, cut words, doubled words and the
//! verbs of an indicator's clause.

use super::super::cells::{is_cut_word, Vocabulary};
use super::plan::{column_widths, make_plan, Plan};
use super::prep::BodyLine;
use super::scan::{scan_line, Part, Units};
use super::words::{
    clause_words, heads_five_word_targets, ind_start, is_abbreviation, is_acronym, is_content, is_function_word, is_num, is_small_int, letter_count, starts_lower,
    starts_upper, style_counts,
};
use crate::parse::label::{parse_indicator_number, Label, Level};
use crate::parse::label::written::{parse_label, starts_with_label};
use crate::parse::number::{cut_word_target_tail, is_word_target};
use std::collections::HashMap;

/// What a cell of the dump is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    /// URAIAN: a label ("Program 1") and the node's name.
    Node,
    /// INDIKATOR KINERJA.
    Ind,
    /// A trailing column (KETERANGAN, PENANGGUNG JAWAB).
    Note,
}

/// A text cell, its lines as printed.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    pub(super) kind: Kind,
    pub(super) lines: Vec<String>,
    /// Body line where the cell starts.
    pub(super) at: usize,
    /// Event index of the cell.
    pub(super) ev: usize,
    /// Node: a program, kegiatan or sub kegiatan, whose name is in title case.
    pub(super) title: bool,
    /// Node: the label has no number and no name yet ("Sub. Kegiatan").
    pub(super) bare: bool,
    /// Indicator: 2 numbered, 1 opener noun, 0 a block's first line.
    pub(super) strength: u8,
    /// Node: an indicator of its row has been read (so the next indicator
    /// start is the next row's).
    pub(super) has_ind: bool,
}

impl Cell {
    pub(super) fn last_word(&self) -> Option<&str> {
        self.lines.last().and_then(|l| l.split_whitespace().last())
    }
}

/// What the walk met, in reading order.
#[derive(Debug, Clone)]
pub(super) enum Ev {
    /// A cell started (index into the cells).
    Cell(usize),
    /// A unit cell, on body line `at`.
    Unit { word: String, at: usize },
    /// Values; `inline` when they follow a unit in its block with only
    /// values between (that unit's row's values).
    Values { vals: Vec<String>, inline: bool },
}

/// The walk's state over one dump.
pub(super) struct Walker<'a> {
    pub(super) lines: &'a [BodyLine],
    pub(super) parts: Vec<Vec<Part>>,
    pub(super) plan: Plan,
    pub(super) vocab: Vocabulary,
    pub(super) cells: Vec<Cell>,
    pub(super) evs: Vec<Ev>,
    // Paragraph state.
    pub(super) para: usize,
    pub(super) open_n: Option<usize>,
    pub(super) open_i: Option<usize>,
    pub(super) open_note: Option<usize>,
    /// Lines of both a node and an indicator seen in this block: its lines
    /// interleave two columns.
    pub(super) multi: bool,
    /// Lines given to the node and to the indicator in this block.
    pub(super) block_lines: (usize, usize),
    /// The last cell printed, when it is a note (a note cut by a page break).
    pub(super) last_note: Option<usize>,
    /// The open indicator's row has its node already.
    pub(super) ind_has_node: bool,
    /// Continuation lines read while both a node and an indicator are open,
    /// given to the two cells together once the stretch ends.
    pub(super) pending: Vec<Vec<String>>,
    pub(super) pending_cells: Option<(usize, usize)>,
    /// How often each block's text (lowercased) is printed: a note cut by
    /// a page break joins back into a text printed whole elsewhere, and a
    /// text printed as a whole block more than once is a note.
    pub(super) block_counts: HashMap<String, usize>,
    /// How often each word (punctuation trimmed, lowercased) is printed whole.
    pub(super) word_counts: HashMap<String, usize>,
    /// Longest line (in characters) of the node and of the indicator
    /// column, from lines that hold one column only.
    pub(super) width_n: Option<f64>,
    pub(super) width_i: Option<f64>,
    /// The cell the latest continuation line went to (None after a line
    /// holding both columns).
    pub(super) last_to: Option<Kind>,
    /// After a page header, text continues the cells cut by the page break
    /// until something new starts.
    pub(super) resume: bool,
    /// A unit was just read and only values followed it in this block.
    pub(super) chain: Option<usize>,
    /// A column of values (two or more) followed a unit in a block of one
    /// column: what follows are the trailing columns (KETERANGAN,
    /// PENANGGUNG JAWAB).
    pub(super) values_done: bool,
    /// The previous block ended with values: a block of plain text is a note.
    pub(super) prev_values: bool,
    /// The dump prints every cell on lines of its own and marks a wrapped
    /// line by a trailing space (mutool): a line that does not go on
    /// closes its cell.
    pub(super) cells_marked: bool,
    /// The line the open note's text ends on.
    pub(super) note_line: Option<usize>,
    // Whole document: the latest node and indicator cells.
    pub(super) last_n: Option<usize>,
    pub(super) last_i: Option<usize>,
}

impl<'a> Walker<'a> {
    pub(super) fn new(lines: &'a [BodyLine]) -> Self {
        let nums: Vec<Vec<bool>> = lines.iter().map(|l| l.words.iter().map(|w| is_num(w)).collect()).collect();
        let units = Units::from_lines(lines, &nums);
        let mut parts: Vec<Vec<Part>> = lines.iter().zip(&nums).map(|(l, num)| scan_line(&l.words, num, &units)).collect();
        read_word_targets(lines, &mut parts, &units);
        let vocab = Vocabulary::from_texts(lines.iter().map(|l| l.words.join(" ")).collect::<Vec<_>>().iter().map(String::as_str));
        let mut block_counts: HashMap<String, usize> = HashMap::new();
        let mut cur: Vec<String> = Vec::new();
        for (k, l) in lines.iter().enumerate() {
            if k > 0 && lines[k - 1].para != l.para {
                *block_counts.entry(cur.join(" ").to_lowercase()).or_insert(0) += 1;
                cur.clear();
            }
            cur.extend(l.words.iter().cloned());
        }
        *block_counts.entry(cur.join(" ").to_lowercase()).or_insert(0) += 1;
        let plan = make_plan(lines, &parts, &units);
        let mut word_counts: HashMap<String, usize> = HashMap::new();
        for l in lines {
            for w in l.words.iter() {
                let t = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                if !t.is_empty() {
                    *word_counts.entry(t).or_insert(0) += 1;
                }
            }
        }
        let (width_n, width_i) = column_widths(lines, &parts, &plan);
        // Told as the in-order reading tells it (see `in_order`), here from
        // the body's value lines: most hold one value.
        let value_lines: Vec<usize> = parts.iter().filter_map(|p| if let [Part::Values(v)] = p.as_slice() { Some(v.len()) } else { None }).collect();
        let one_a_line = value_lines.iter().filter(|&&n| n == 1).count();
        let cells_marked = lines.iter().any(|l| l.open_end) && 2 * one_a_line > value_lines.len();
        Walker {
            cells_marked,
            note_line: None,
            word_counts,
            width_n,
            width_i,
            block_counts,
            plan,
            lines,
            parts,
            vocab,
            cells: Vec::new(),
            evs: Vec::new(),
            para: usize::MAX,
            open_n: None,
            open_i: None,
            open_note: None,
            multi: false,
            block_lines: (0, 0),
            last_note: None,
            ind_has_node: false,
            pending: Vec::new(),
            pending_cells: None,
            last_to: None,
            resume: false,
            chain: None,
            values_done: false,
            prev_values: false,
            last_n: None,
            last_i: None,
        }
    }

    pub(super) fn run(&mut self) {
        self.run_lines();
        self.flush();
    }

    pub(super) fn run_lines(&mut self) {
        for li in 0..self.lines.len() {
            if self.lines[li].para != self.para {
                self.new_block(li);
            }
            if self.continues_unit(li) {
                continue;
            }
            let parts = self.parts[li].clone();
            let nparts = parts.len();
            let mut after_values = false;
            for (pi, part) in parts.into_iter().enumerate() {
                let at_start = pi == 0;
                match part {
                    Part::Num(n) => {
                        let label_follows = matches!(self.parts[li].get(pi + 1), Some(Part::Text(t)) if starts_with_label(&t.join(" ")));
                        if label_follows {
                            // The NO column's row number.
                            continue;
                        }
                        if !self.label_number(&n) {
                            self.values(li, vec![n]);
                            after_values = true;
                        }
                    }
                    Part::Text(words) => {
                        if after_values {
                            // Text right of values on one line: the trailing columns.
                            self.note(li, &words);
                        } else {
                            self.text(li, &words, at_start, pi + 1 == nparts);
                        }
                    }
                    Part::Unit(w) => {
                        self.structural();
                        self.unit(li, &w);
                    }
                    Part::Values(v) => {
                        // A label's number printed on a line of its own, among
                        // the values (after the target if a unit came first).
                        if v.len() == 1 && is_small_int(&v[0]) && self.chain.is_none_or(|c| c >= 1) && self.label_number(&v[0]) {
                            continue;
                        }
                        self.values(li, v);
                        after_values = true;
                    }
                    Part::Pct => self.pct(li),
                }
            }
        }
    }

    /// A unit cell wrapped after its first word ("Rumah " / "Tangga"): the
    /// unit line ends in a space (its cell goes on) and the next line of
    /// its block is one word of text, which completes the unit.
    fn continues_unit(&mut self, li: usize) -> bool {
        let Some(prev) = li.checked_sub(1) else { return false };
        let (above, here) = (&self.lines[prev], &self.lines[li]);
        if above.para != here.para || above.page != here.page {
            return false;
        }
        // Without the trailing space that marks a wrapped line (pdftotext),
        // the two words must be a paragraph of their own, the values'
        // paragraph next: a SATUAN cell of its own ("Pelaku" / "Usaha",
        // then "15"). (A unit amid an indicator's lines, "1. Rata-rata
        // Lama" / "Nilai" / "Sekolah", is interleaved, not wrapped.)
        let own_paragraph = || {
            prev.checked_sub(1).is_none_or(|before| self.lines[before].para != above.para)
                && self.lines.get(li + 1).is_some_and(|next| next.para != here.para)
                && matches!(self.parts.get(li + 1).and_then(|p| p.first()), Some(Part::Values(_)))
        };
        if !above.open_end && !own_paragraph() {
            return false;
        }
        if above.words.len() != 1 {
            return false;
        }
        let [Part::Text(words)] = self.parts[li].as_slice() else { return false };
        let [word] = words.as_slice() else { return false };
        if !word.chars().all(char::is_alphabetic) || starts_with_label(word) {
            return false;
        }
        match self.evs.last_mut() {
            Some(Ev::Unit { word: unit, at }) if *at == prev => {
                unit.push(' ');
                unit.push_str(word);
                true
            }
            _ => false,
        }
    }

    pub(super) fn new_block(&mut self, li: usize) {
        self.flush();
        self.prev_values = matches!(self.evs.last(), Some(Ev::Values { .. })) || (self.prev_values && self.open_note.is_some());
        self.para = self.lines[li].para;
        self.open_n = None;
        self.open_i = None;
        self.open_note = None;
        self.multi = false;
        self.block_lines = (0, 0);
        self.last_to = None;
        self.chain = None;
        self.values_done = false;
        if self.lines[li].after_header {
            self.resume = true;
        }
    }

    /// Something new starts: no more page-break continuation.
    pub(super) fn structural(&mut self) {
        self.resume = false;
    }

    pub(super) fn push_cell(&mut self, kind: Kind, li: usize, text: String) -> usize {
        let ev = self.evs.len();
        self.cells.push(Cell { kind, lines: vec![text], at: li, ev, title: false, bare: false, strength: 0, has_ind: false });
        let c = self.cells.len() - 1;
        self.evs.push(Ev::Cell(c));
        self.last_note = (kind == Kind::Note).then_some(c);
        match kind {
            Kind::Node => self.block_lines.0 += 1,
            Kind::Ind => self.block_lines.1 += 1,
            Kind::Note => {}
        }
        if self.block_lines.0 > 0 && self.block_lines.1 > 0 {
            self.multi = true;
        }
        c
    }

    pub(super) fn open_node(&mut self, li: usize, words: &[String]) {
        self.flush_ending(true);
        // A label after the open indicator's row already has its node (or
        // after an indicator numbered 2 or more, which opens none) starts
        // the next row's band: that indicator is complete.
        let mut has_ind = false;
        if self.open_i.is_some() {
            if self.ind_has_node {
                self.open_i = None;
            } else {
                // The label of the open indicator's own row.
                self.ind_has_node = true;
                has_ind = true;
            }
        }
        let text = words.join(" ");
        let label = parse_label(&text);
        let c = self.push_cell(Kind::Node, li, text);
        self.cells[c].has_ind = has_ind;
        if let Some(l) = label {
            self.cells[c].title = matches!(l.level, Level::Program | Level::Kegiatan | Level::SubKegiatan);
            self.cells[c].bare = l.number.is_none() && l.code.is_none() && l.name.is_empty();
        }
        self.open_n = Some(c);
        self.last_n = Some(c);
        self.chain = None;
        if self.open_i.is_some_and(|i| self.in_block(i)) {
            self.multi = true;
        }
        self.last_to = Some(Kind::Node);
    }

    pub(super) fn open_ind(&mut self, li: usize, words: &[String], strength: u8) {
        // A new indicator ends the one being read, and the node too when
        // that node already has its indicator (see below).
        let numbered_next = parse_indicator_number(&words.join(" ")).0.is_some_and(|k| k >= 2);
        let ends_node = self.open_n.is_some_and(|n| self.cells[n].has_ind) && !numbered_next;
        self.flush_with((ends_node, true));
        // Rows are horizontal bands: once the next row's indicator starts,
        // the node cell of an earlier row is complete, unless the indicator
        // is numbered 2 or more (the node spans both rows). A node opened
        // in this row's band (its label above the indicator's first line)
        // stays open.
        let numbered_on = parse_indicator_number(&words.join(" ")).0.is_some_and(|k| k >= 2);
        if let Some(n) = self.open_n {
            if self.cells[n].has_ind && !numbered_on {
                self.open_n = None;
            }
        }
        // The node of this row: still open (its label above this line).
        self.ind_has_node = numbered_on || self.open_n.is_some();
        if let Some(n) = self.open_n {
            self.cells[n].has_ind = true;
        }
        let c = self.push_cell(Kind::Ind, li, words.join(" "));
        self.cells[c].strength = strength;
        self.open_i = Some(c);
        self.last_i = Some(c);
        self.chain = None;
        // Two columns in this block (a node resumed across a page break
        // does not count: its lines may be in another block).
        if self.open_n.is_some_and(|n| self.in_block(n)) {
            self.multi = true;
        }
        self.last_to = Some(Kind::Ind);
    }

    pub(super) fn unit(&mut self, li: usize, w: &str) {
        self.evs.push(Ev::Unit { word: w.to_string(), at: li });
        self.chain = Some(0);
    }

    pub(super) fn values(&mut self, _li: usize, vals: Vec<String>) {
        self.structural();
        let inline = self.chain.is_some();
        if let Some(c) = self.chain.as_mut() {
            *c += vals.len();
            // Values one below the other after a unit, in a block of one
            // column: the row's value cells; text after them is the
            // trailing columns. (Where two columns interleave, text goes on
            // after the values: they were centred on the row.)
            if *c >= 2 && !self.multi {
                self.values_done = true;
            }
        }
        self.evs.push(Ev::Values { vals, inline });
    }

    pub(super) fn pct(&mut self, li: usize) {
        if self.plan.unit_line[li] {
            self.structural();
            self.unit(li, "%");
        }
        // Otherwise the tail of a percentage printed apart ("40,05" / "%"): dropped.
    }

    /// A bare label ("Sub. Kegiatan") takes a number printed on its own line.
    pub(super) fn label_number(&mut self, n: &str) -> bool {
        let node = self.open_n.or(if self.resume { self.last_n } else { None });
        let Some(c) = node.filter(|&c| self.cells[c].bare) else {
            return false;
        };
        self.flush();
        let cell = &mut self.cells[c];
        let last = cell.lines.last_mut().expect("a cell has a line");
        last.push(' ');
        last.push_str(n);
        cell.bare = false;
        true
    }

    pub(super) fn text(&mut self, li: usize, words: &[String], at_start: bool, last_part: bool) {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        if self.values_done && !self.multi && !(at_start && starts_with_label(&text)) {
            self.note(li, words);
            return;
        }
        // Unit cells, as the plan decided.
        // (A unit line of several words is a unit cell of its own, "Miliar Rupiah".)
        let whole_line = words.len() == 1 || self.parts[li].len() == 1;
        if at_start && last_part && whole_line && self.plan.unit_line[li] {
            self.structural();
            self.unit(li, &words.join(" "));
            return;
        }
        let mut body: Vec<String> = words.to_vec();
        let mut tail_unit: Option<String> = None;
        if last_part && words.len() >= 2 && self.plan.unit_tail[li] {
            tail_unit = body.pop();
        }
        self.text_body(li, &body, at_start);
        if let Some(u) = tail_unit {
            self.structural();
            self.unit(li, &u);
        }
    }

    /// "Program 1" / "Program Penyelenggaraan Lalu Lintas ...": a numbered
    /// label printed alone on its line, and right under it, in its cell, a
    /// line that opens with the same level's word but has no number: the
    /// nomenclature name of a program begins with "Program", so that line is
    /// the label's name, not a label of its own.
    fn names_numbered_label(&self, li: usize, lab: &Label) -> bool {
        let Some(c) = self.open_n else { return false };
        let cell = &self.cells[c];
        if lab.number.is_some() || lab.code.is_some() || lab.name.is_empty() || cell.lines.len() != 1 || cell.at + 1 != li {
            return false;
        }
        if self.lines[cell.at].para != self.lines[li].para {
            return false;
        }
        parse_label(&cell.lines[0]).is_some_and(|open| open.level == lab.level && open.number.is_some() && open.name.is_empty())
    }

    pub(super) fn text_body(&mut self, li: usize, words: &[String], at_start: bool) {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        let start = if at_start { self.plan.start[li].filter(|&j| j < words.len()) } else { None };
        if at_start {
            if let Some(lab) = parse_label(&text) {
                if self.names_numbered_label(li, &lab) {
                    let c = self.open_n.expect("checked by names_numbered_label");
                    self.append(c, words);
                    return;
                }
                self.structural();
                // The open indicator's row has its node already: this label
                // opens the next row, and the indicator is complete.
                if self.open_i.is_some() && self.ind_has_node {
                    self.open_i = None;
                }
                if let Some(j) = start.filter(|&j| j > 0) {
                    self.open_node(li, &words[..j]);
                    let s = ind_start(&words[j..]).unwrap_or(2);
                    self.open_ind(li, &words[j..], s);
                    // A line holding both columns: either may come next.
                    self.last_to = None;
                    return;
                }
                // A new label ends the node being read.
                self.flush_ending(true);
                // The rest of an open indicator on the label's line.
                let label_words = lab.printed.split_whitespace().count().min(words.len());
                let rest = &words[label_words..];
                if let (Some(i), false) = (self.open_i, rest.is_empty()) {
                    if self.in_block(i) {
                        let title = matches!(lab.level, Level::Program | Level::Kegiatan | Level::SubKegiatan);
                        if let Some(j) = self.best_split(rest, title, true, i) {
                            self.open_node(li, &words[..label_words + j]);
                            self.append(i, &rest[j..]);
                            self.multi = true;
                            self.last_to = Some(Kind::Ind);
                            return;
                        }
                    }
                }
                self.open_node(li, words);
                return;
            }
        }
        match start {
            Some(0) => {
                self.structural();
                let s = ind_start(words).unwrap_or(1);
                self.open_ind(li, words, s);
            }
            Some(j) => {
                self.structural();
                self.continuation(li, &words[..j], at_start, Some(Kind::Node));
                let s = ind_start(&words[j..]).unwrap_or(2);
                self.open_ind(li, &words[j..], s);
                // A line holding both columns: either may come next.
                self.last_to = None;
            }
            None => self.continuation(li, words, at_start, None),
        }
    }

    /// How many blocks of the document read like the block of `li`.
    pub(super) fn block_count(&self, li: usize) -> usize {
        let t = self.block_text(li).to_lowercase();
        *self.block_counts.get(&t).unwrap_or(&0)
    }

    /// The whole text of the block line `li` belongs to.
    pub(super) fn block_text(&self, li: usize) -> String {
        let para = self.lines[li].para;
        self.lines.iter().filter(|l| l.para == para).map(|l| l.text()).collect::<Vec<_>>().join(" ")
    }

    pub(super) fn in_block(&self, c: usize) -> bool {
        self.lines[self.cells[c].at].para == self.para
    }

    pub(super) fn append(&mut self, c: usize, words: &[String]) {
        if words.is_empty() {
            return;
        }
        self.cells[c].lines.push(words.join(" "));
        match self.cells[c].kind {
            Kind::Node => {
                self.cells[c].bare = false;
                self.block_lines.0 += 1;
            }
            Kind::Ind => self.block_lines.1 += 1,
            Kind::Note => {}
        }
        if self.block_lines.0 > 0 && self.block_lines.1 > 0 {
            self.multi = true;
        }
    }

    /// Text of the trailing columns; the lines of one block make one note.
    pub(super) fn note(&mut self, li: usize, words: &[String]) {
        self.flush();
        let closed = self.cells_marked && self.note_line.is_some_and(|l| !self.lines[l].open_end);
        match self.open_note {
            Some(c) if !closed => self.append(c, words),
            _ => {
                let c = self.push_cell(Kind::Note, li, words.join(" "));
                self.open_note = Some(c);
            }
        }
        self.note_line = Some(li);
    }

    /// Where to cut a line shared by the node column (left) and the
    /// indicator column (right), if cutting beats giving it whole to one.
    pub(super) fn best_split(&self, words: &[String], title: bool, only_split: bool, ind: usize) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        for j in 1..words.len() {
            let (left, right) = (&words[..j], &words[j..]);
            let (lc, ll) = style_counts(left);
            let (rc, rl) = style_counts(right);
            let mut s = if title { 1.5 * lc - 1.5 * ll + rl - 0.5 * rc } else { 0.0 };
            // The indicator's part opens with a lowercase content word; the
            // name's part ends with a capital, a comma or a conjunction.
            if starts_lower(&right[0]) && !is_function_word(&right[0]) && (starts_upper(&left[j - 1]) || left[j - 1].ends_with(',') || is_function_word(&left[j - 1])) {
                s += 1.0;
            }
            if left[j - 1].to_lowercase() == right[0].to_lowercase() {
                s += 2.0;
            }
            if let Some(last) = self.cells[ind].last_word() {
                if last.to_lowercase() == right[0].to_lowercase() {
                    s -= 3.0;
                }
            }
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, j));
            }
        }
        let (s, j) = best?;
        if only_split {
            // Cutting must beat giving the whole line to the name.
            let (cap, low) = style_counts(words);
            let whole = if title { 1.5 * cap - 1.5 * low } else { 0.0 };
            return (s > 0.5 && s > whole + 0.5).then_some(j);
        }
        Some(j).filter(|_| s > 0.0)
    }

    pub(super) fn continuation(&mut self, li: usize, words: &[String], at_start: bool, forced: Option<Kind>) {
        if words.is_empty() {
            return;
        }
        if self.resume && self.open_n.is_none() && self.open_i.is_none() {
            // Page break: a note it cut goes on when the two pieces make a
            // text the document prints whole elsewhere ("Kasubag
            // Perencanaan" / "dan Keuangan").
            if let (Some(nc), true, None) = (self.last_note, at_start, self.open_note) {
                let whole = format!("{} {}", self.cells[nc].lines.join(" "), self.block_text(li)).to_lowercase();
                if self.block_counts.contains_key(&whole) {
                    self.open_note = Some(nc);
                    self.append(nc, words);
                    return;
                }
            }
            if let Some(nc) = self.open_note.filter(|_| !at_start) {
                self.append(nc, words);
                return;
            }
            // The node and indicator cells it cut go on.
            self.open_n = self.last_n;
            self.open_i = self.last_i.filter(|&i| self.cells[i].strength >= 1 && self.cells[i].kind == Kind::Ind);
        }
        let (n, i) = (self.open_n, self.open_i);
        if forced.is_some() || !matches!((n, i), (Some(_), Some(_))) || self.pending_cells.is_some_and(|p| Some(p) != n.zip(i)) {
            self.flush();
        }
        if let Some(k) = forced {
            match (k, n, i) {
                (Kind::Node, Some(c), _) | (Kind::Ind, _, Some(c)) => {
                    self.append(c, words);
                    self.last_to = Some(k);
                }
                (Kind::Node, None, _) => {
                    if let Some(c) = self.last_n.filter(|_| !at_start || self.resume) {
                        self.append(c, words);
                    } else {
                        self.note(li, words);
                    }
                }
                _ => self.note(li, words),
            }
            return;
        }
        match (n, i) {
            (None, None) => {
                // Text after values, a note's next line, a lowercase
                // start, or a text printed as a whole block more than once
                // ("Kasubag Perencanaan dan Keuangan": names and indicators
                // are not repeated) belong to the trailing columns.
                if self.prev_values || self.open_note.is_some() || !starts_upper(&words[0]) || self.block_count(li) >= 2 {
                    self.note(li, words);
                } else {
                    // A block of text on its own: an indicator with an
                    // opener we do not know, or a note; counts decide later.
                    self.open_ind(li, words, 0);
                }
            }
            (Some(c), None) | (None, Some(c)) => {
                let kind = self.cells[c].kind;
                self.append(c, words);
                self.last_to = Some(kind);
            }
            (Some(nc), Some(ic)) => {
                // Both columns open: decided with the rest of the stretch.
                self.pending_cells = Some((nc, ic));
                self.pending.push(words.to_vec());
            }
        }
    }

    /// Gives the buffered lines to the node and the indicator cell: the
    /// best sequence of choices (whole line to one cell, or cut between
    /// them) over the whole stretch, so that evidence further down (a verb
    /// of the indicator's clause, a word doubled across the cut) can settle
    /// which column a line belongs to. Lines of interleaved columns
    /// alternate; a block of one column keeps to it.
    /// Flushes the stretch; the cells may go on after it (a new block may
    /// be the rest of a cell cut by a page break).
    pub(super) fn flush(&mut self) {
        self.flush_with((false, false));
    }

    /// Flushes the stretch that a new label (`node`) or a new indicator
    /// (`!node`) ends: that cell's text is complete.
    pub(super) fn flush_ending(&mut self, node: bool) {
        self.flush_with((node, !node));
    }

    pub(super) fn flush_with(&mut self, ends_cells: (bool, bool)) {
        let Some((nc, ic)) = self.pending_cells.take() else {
            return;
        };
        let lines = std::mem::take(&mut self.pending);
        if lines.is_empty() {
            return;
        }
        let title = self.cells[nc].title;
        // Both columns in the stretch's own lines (title words and
        // lowercase words under a title-case name): interleaved too.
        let evidence = title
            && lines.iter().any(|l| {
                let (c, lo) = style_counts(l);
                c > 0.0 && lo == 0.0
            })
            && lines.iter().any(|l| style_counts(l).1 > 0.0);
        let multi = self.multi || evidence;
        let choice = self.decode(nc, ic, &lines, title, multi, ends_cells);
        let mut last = self.last_to;
        for (words, opt) in lines.iter().zip(choice) {
            match opt {
                Opt::N => {
                    self.append(nc, words);
                    last = Some(Kind::Node);
                }
                Opt::I => {
                    self.append(ic, words);
                    last = Some(Kind::Ind);
                }
                Opt::Split(j) => {
                    self.append(nc, &words[..j]);
                    self.append(ic, &words[j..]);
                    last = Some(Kind::Ind);
                }
            }
        }
        self.last_to = last;
    }

    /// Score of giving `part` to a cell whose text so far ends with `prev`.
    pub(super) fn emit(&self, kind: Kind, part: &[String], prev: Option<&str>, title: bool) -> f64 {
        let (cap, low) = style_counts(part);
        // A goal's name opens, right after its label, with a verb made noun
        // by "-nya" ("Sasaran 2 :" / "Meningkatnya ..."), or at least with
        // a capital; an indicator does not go on with such a word.
        let bare_label = prev.is_some_and(|p| starts_with_label(p) || p.ends_with(':') || p.chars().all(|c| c.is_ascii_digit() || c == '.'));
        let opener = part.first().filter(|w| starts_upper(w) && !is_acronym(w));
        let nya = opener.is_some_and(|w| w.to_lowercase().ends_with("nya") && w.chars().count() >= 7);
        let name_start = match (kind, title) {
            (Kind::Node, false) if bare_label && opener.is_some() => {
                if nya {
                    1.0
                } else {
                    0.3
                }
            }
            (Kind::Ind, false) if nya => -0.5,
            _ => 0.0,
        };
        let mut s = match (kind, title) {
            (Kind::Node, true) => 1.5 * cap.min(2.0) - 1.5 * low.min(2.0),
            (Kind::Ind, true) => 1.0 * low.min(2.0) - 0.5 * cap.min(2.0),
            _ => {
                // Sentence case on both sides: the verbs of an indicator's
                // relative clause ("yang tertangani", "yang memperoleh")
                // are the indicator's; a tujuan's or sasaran's name is a
                // noun phrase after its first word.
                // Abbreviations (PMKS, SD/MI, SAKIP) name what an indicator
                // counts; a goal's name rarely holds one.
                let v = clause_words(part) + 0.4 * part.iter().filter(|w| is_abbreviation(w)).count().min(2) as f64;
                if kind == Kind::Ind {
                    v
                } else {
                    -v
                }
            }
        };
        let first = part.first().map(String::as_str).unwrap_or("");
        if let Some(last) = prev {
            if last.to_lowercase() == first.to_lowercase() && letter_count(first) >= 3 {
                s -= 3.0;
            }
            // A preposition or conjunction followed by another ("terhadap"
            // / "dan anak") does not read on.
            if is_function_word(last) && is_function_word(first) {
                s -= 0.5;
            }
            // In sentence case, a run of capitalised words ("SAKIP
            // Perangkat Daerah") goes on in capitals, a lowercase run in
            // lowercase.
            if !title && is_content(last) {
                if let Some(w) = part.iter().find(|w| is_content(w)) {
                    s += if starts_upper(last) == starts_upper(w) { 0.3 } else { -0.3 };
                }
            }
            // A word cut at the cell's edge ("Kabupaten/Kot" / "a"): the
            // piece before the cut is no word of its own.
            if first.chars().count() <= 3 && is_cut_word(last, first, &self.vocab) {
                let tail = last.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
                s += if self.word_counts.get(&tail).copied().unwrap_or(0) >= 2 { 0.3 } else { 2.0 };
            }
        }
        s += name_start;
        // Two conjunctions in a row ("bagi yang") do not open a cell's
        // continuation: the cut is elsewhere.
        if part.len() >= 2 && is_function_word(&part[0]) && is_function_word(&part[1]) {
            s -= 0.5;
        }
        // Longer than any line of the column elsewhere in the document: the
        // line holds two columns. (With one column measured, the other is
        // taken as wide: the two text columns of these tables are drawn
        // alike.)
        let width = if kind == Kind::Node { self.width_n.or(self.width_i) } else { self.width_i.or(self.width_n) };
        if let Some(w) = width {
            // The part's words joined by single spaces, counted in characters.
            let len = (part.iter().map(|w| w.chars().count()).sum::<usize>() + part.len().saturating_sub(1)) as f64;
            if len > w * 1.2 + 1.0 {
                s -= 2.0;
            }
        }
        s
    }

    pub(super) fn decode<'s>(&'s self, nc: usize, ic: usize, lines: &'s [Vec<String>], title: bool, multi: bool, ends_cells: (bool, bool)) -> Vec<Opt> {
        let m = lines.len();
        // State: (last line given to the node, last line given to the
        // indicator), as index + 1 (0: none yet in the stretch), and the
        // column of the latest line.
        // The fourth member is where the node's latest line was cut (0:
        // whole); the fifth, which column came first after a line holding
        // both (0: not seen yet). Two columns whose lines drift against
        // each other (their line heights differ a little) share a line now
        // and then, and after each shared line the same column comes first.
        type St = (usize, usize, u8, usize, u8);
        let col = |k: Option<Kind>| match k {
            Some(Kind::Node) => 1u8,
            Some(Kind::Ind) => 2u8,
            _ => 0u8,
        };
        // Per state: its score, the step that reached it, and the last
        // words of the node's and of the indicator's text on that path.
        type Layer<'w> = std::collections::BTreeMap<St, (f64, Option<(St, Opt)>, [Recent<'w>; 2])>;
        // Every word of the stretch lowercased once, for the echoes.
        let lower: Vec<Vec<String>> = lines.iter().map(|l| l.iter().map(|w| w.to_lowercase()).collect()).collect();
        // The last words of each cell's text before the stretch, lowercased.
        let before = |cell: usize| -> Vec<String> {
            let words: Vec<&str> = self.cells[cell].lines.iter().flat_map(|l| l.split_whitespace()).collect();
            words.iter().rev().take(Recent::WORDS).rev().map(|w| w.to_lowercase()).collect()
        };
        let (before_n, before_i) = (before(nc), before(ic));
        // A part's score depends on the part and the word before it only,
        // and the states of a layer share few of those: each is scored
        // once per line, by the part (see `part_at`) and the word before it
        // (see `word_id`).
        let mut first_id = vec![1usize; m + 1];
        for k in 0..m {
            first_id[k + 1] = first_id[k] + lines[k].len();
        }
        // The words of the stretch are numbered from 1 on; 0 is the
        // cell's own last word before the stretch; a line with no word
        // gives the number no word of earlier lines has.
        let word_id = |line: usize, word: Option<usize>, k: usize| -> usize {
            match word {
                Some(j) => first_id[line] + j,
                None => first_id[k],
            }
        };
        let part_at = |kind: Kind, cut: usize| 2 * cut + usize::from(kind == Kind::Ind);
        let mut emitted: Vec<Option<f64>> = Vec::new();
        let (last_n, last_i) = (self.cells[nc].last_word(), self.cells[ic].last_word());
        let mut layers: Vec<Layer> = Vec::new();
        let mut start = std::collections::BTreeMap::new();
        start.insert((0usize, 0usize, col(self.last_to), 0usize, 0u8), (0.0, None, [Recent::default().with(&before_n), Recent::default().with(&before_i)]));
        layers.push(start);
        for k in 0..m {
            let words = &lines[k];
            let len = words.len();
            let ids = first_id[k] + 1;
            emitted.clear();
            emitted.resize(2 * len.max(1) * ids, None);
            // The score of words `from..to` of this line given to a `kind`
            // cell after the word `prev` (numbered `prev_id`).
            let mut emit = |kind: Kind, from: usize, to: usize, prev: Option<&'s str>, prev_id: usize| -> f64 {
                let cut = if kind == Kind::Node { to } else { from };
                let slot = &mut emitted[part_at(kind, if cut == len { 0 } else { cut }) * ids + prev_id];
                *slot.get_or_insert_with(|| self.emit(kind, &words[from..to], prev, title))
            };
            // What a cut before word j says, whatever the state: the name's
            // part is conjunctions only; a word doubled across the cut; the
            // indicator's part opens with a lowercase content word after a
            // capital, a comma or a conjunction.
            let cuts: Vec<(bool, bool, bool)> = (0..len)
                .map(|j| {
                    if j == 0 {
                        return (false, false, false);
                    }
                    let (left, right) = (&words[..j], &words[j..]);
                    let hanging = left.iter().all(|w| is_function_word(w));
                    let doubled = lower[k][j - 1] == lower[k][j] && letter_count(&right[0]) >= 3;
                    let opens_indicator = title && starts_lower(&right[0]) && !is_function_word(&right[0]) && (starts_upper(&left[j - 1]) || left[j - 1].ends_with(',') || is_function_word(&left[j - 1]));
                    (hanging, doubled, opens_indicator)
                })
                .collect();
            let mut next: Layer = std::collections::BTreeMap::new();
            for (&(a, b, lastc, aj, phase), &(score, _, [tail_n, tail_i])) in &layers[k] {
                let (prev_n, prev_n_id) = if a == 0 {
                    (last_n, 0)
                } else if aj > 0 {
                    (Some(lines[a - 1][aj - 1].as_str()), word_id(a - 1, Some(aj - 1), k))
                } else {
                    (lines[a - 1].last().map(String::as_str), word_id(a - 1, lines[a - 1].len().checked_sub(1), k))
                };
                let (prev_i, prev_i_id) = if b == 0 { (last_i, 0) } else { (lines[b - 1].last().map(String::as_str), word_id(b - 1, lines[b - 1].len().checked_sub(1), k)) };
                // For a line cut between the cells, the node's part ends
                // before the cut: keep it simple and use the line's last word
                // only where the line went whole to the cell.
                let trans = |to: u8| -> f64 {
                    if multi {
                        if lastc != 0 && to != lastc {
                            0.7
                        } else {
                            0.0
                        }
                    } else if lastc == to {
                        0.5
                    } else {
                        0.0
                    }
                };
                let mut push = |st: St, s: f64, opt: Opt| {
                    let e = next.entry(st).or_insert((f64::NEG_INFINITY, None, [Recent::default(); 2]));
                    if s > e.0 {
                        (e.0, e.1) = (s, Some(((a, b, lastc, aj, phase), opt)));
                    }
                };
                // A cell that would read the same words twice over ("...
                // perempuan dan anak perempuan dan anak"): the repeated lines
                // are the other column's.
                let echo = |tail: &Recent, part: &[String]| if tail.with(part).echoes() { 2.0 } else { 0.0 };
                // After a shared line (or a stretch that opens with one), the
                // column that comes first must be the same each time.
                let after_shared = lastc == 0 && (k > 0 || self.last_to.is_none());
                let phase_to = |to: u8| -> (u8, f64) {
                    if !after_shared {
                        (phase, 0.0)
                    } else if phase == 0 {
                        (to, 0.0)
                    } else if phase == to {
                        (phase, 0.0)
                    } else {
                        (phase, -0.6)
                    }
                };
                let (pn, cn) = phase_to(1);
                let (pi, ci) = phase_to(2);
                let sn = score + trans(1) + cn + emit(Kind::Node, 0, len, prev_n, prev_n_id) - echo(&tail_n, &lower[k]);
                push((k + 1, b, 1, 0, pn), sn, Opt::N);
                let si = score + trans(2) + ci + emit(Kind::Ind, 0, len, prev_i, prev_i_id) - echo(&tail_i, &lower[k]);
                push((a, k + 1, 2, aj, pi), si, Opt::I);
                if multi && len >= 2 {
                    for (j, &(hanging, doubled, opens_indicator)) in cuts.iter().enumerate().skip(1) {
                        // A line holding both columns says nothing of which
                        // comes next (state 0 after it).
                        let mut s = score - 0.5 + emit(Kind::Node, 0, j, prev_n, prev_n_id) + emit(Kind::Ind, j, len, prev_i, prev_i_id);
                        // A name's part of conjunctions only ("yang") would
                        // leave it hanging.
                        if hanging {
                            s -= 1.0;
                        }
                        // A word printed twice across the cut ("perangkat perangkat").
                        if doubled {
                            s += 3.0;
                        }
                        if opens_indicator {
                            s += 1.0;
                        }
                        push((k + 1, k + 1, 0, j, phase), s, Opt::Split(j));
                    }
                }
            }
            // Each state's trails: its best step's line added to the trails before it.
            let line = &lower[k];
            for (_, back, trails) in next.values_mut() {
                let Some((prev, opt)) = *back else { continue };
                let [before_n, before_i] = layers[k][&prev].2;
                let (to_n, to_i): (&[String], &[String]) = match opt {
                    Opt::N => (line, &[]),
                    Opt::I => (&[], line),
                    Opt::Split(j) => (&line[..j], &line[j..]),
                };
                *trails = [before_n.with(to_n), before_i.with(to_i)];
            }
            layers.push(next);
        }
        // A cell whose text ends on a conjunction ("... Kabupaten/Kota
        // yang") is unfinished: the stretch ends the cells it holds.
        let dangling = |st: &St| -> f64 {
            let (a, b, _, aj, _) = *st;
            let mut p = 0.0;
            let last_n = if a == 0 || !ends_cells.0 { None } else if aj > 0 { Some(&lines[a - 1][aj - 1]) } else { lines[a - 1].last() };
            let last_i = if b == 0 || !ends_cells.1 { None } else { lines[b - 1].last() };
            for w in [last_n, last_i].into_iter().flatten() {
                if is_function_word(w) {
                    p += 1.5;
                }
            }
            p
        };
        // Read the best path back.
        let (mut st, _) = layers[m]
            .iter()
            .map(|(s, v)| (*s, v.0 - dangling(s)))
            .max_by(|x, y| x.1.partial_cmp(&y.1).unwrap_or(std::cmp::Ordering::Equal))
            .expect("a path");
        let mut out = vec![Opt::N; m];
        for k in (0..m).rev() {
            let (_, back, _) = layers[k + 1][&st];
            let (prev, opt) = back.expect("a step");
            out[k] = opt;
            st = prev;
        }
        out
    }
}

/// The last words of a cell's text, lowercased, the latest first: all
/// that tells an echo.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Recent<'w> {
    words: [&'w str; Recent::WORDS],
    len: usize,
}

impl<'w> Recent<'w> {
    /// An echo repeats two or three words.
    const WORDS: usize = 6;

    /// The last words once `part` (lowercased, in order) is added.
    pub(super) fn with<'p>(&self, part: &'p [String]) -> Recent<'p>
    where
        'w: 'p,
    {
        let mut out = Recent::default();
        for w in part.iter().rev().map(String::as_str).chain(self.words[..self.len].iter().copied()).take(Recent::WORDS) {
            out.words[out.len] = w;
            out.len += 1;
        }
        out
    }

    /// True when the text ends in a sequence of two or three words said
    /// twice over.
    pub(super) fn echoes(&self) -> bool {
        (2..=3).any(|l| self.len >= 2 * l && self.words[..l] == self.words[l..2 * l])
    }
}

/// How a buffered line is given to the two open cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Opt {
    N,
    I,
    /// Cut before word `j`: the name's part left, the indicator's right.
    Split(usize),
}

/// A qualitative target printed as a word, each value cell on a line of
/// its own after the unit's ("Kategori" / "Baik" / "Baik"): the year's
/// target and TW IV hold the same word, the quarters between are blank;
/// or all five cells hold it. The word lines are values, as a number
/// would be.
fn read_word_targets(lines: &[BodyLine], parts: &mut [Vec<Part>], units: &Units) {
    let lone_word = |k: usize| match lines.get(k).map(|l| l.words.as_slice()) {
        Some([w]) => Some(w.as_str()),
        _ => None,
    };
    for k in 1..lines.len().saturating_sub(1) {
        let (Some(unit), Some(target), Some(tw4)) = (lone_word(k - 1), lone_word(k), lone_word(k + 1)) else { continue };
        // Five cells saying the word, each on its line: the row's target
        // and quarters.
        let five = (k..k + 5).all(|j| lone_word(j) == Some(target)) && lone_word(k + 5) != Some(target);
        if five && is_word_target(target) && heads_five_word_targets(unit, target) && !starts_with_label(target) && !parts[k].iter().any(|p| matches!(p, Part::Values(_))) {
            for part in &mut parts[k..k + 5] {
                *part = vec![Part::Values(vec![target.to_string()])];
            }
            continue;
        }
        if !units.is_unit(unit) || !is_word_target(target) || units.is_unit(target) || starts_with_label(target) {
            continue;
        }
        if target == tw4 {
            parts[k] = vec![Part::Values(vec![target.to_string()])];
            parts[k + 1] = vec![Part::Values(vec![tw4.to_string()])];
            continue;
        }
        // TW IV's cell narrower than the word: cut ("Informa"), its tail
        // ("tif") printed a line or three further on, as mutool prints a
        // wrapped cell's rest.
        let Some(tail) = cut_word_target_tail(target, tw4) else { continue };
        if let Some(at) = (k + 2..lines.len().min(k + 5)).find(|&j| lone_word(j) == Some(tail)) {
            parts[k] = vec![Part::Values(vec![target.to_string()])];
            parts[k + 1] = vec![Part::Values(vec![target.to_string()])];
            parts[at] = Vec::new();
        }
    }
}
