//! Recovery reading of a flow dump whose reading order is scrambled.
//!
//! pdftotext (without -layout) and mutool print a page block by block, and a
//! block is not a table row:
//! - pdftotext joins the URAIAN, INDIKATOR and SATUAN columns into one block
//!   whose lines are sorted top to bottom, so the lines of a node cell and
//!   of an indicator cell alternate ("Kegiatan1" / "Penyediaan" / "Jumlah" /
//!   "Rujukan" / "perempuan" ...) or share a line ("Penyediaan Gaji dan
//!   menerima gaji dan"); the value cells come as blocks of their own, often
//!   after all the text of the page;
//! - mutool prints the cells that fit on one line first and the wrapped
//!   cells after them, so all the units and targets of a page may come
//!   before all its node and indicator texts.
//!
//! What survives is the order inside each kind of cell. So the reading
//! classifies every piece of text (node label and name, indicator, unit,
//! value, trailing note), recovers the sequence of indicators, the sequence
//! of units and the sequence of values separately, and aligns them by order
//! and counts: the k-th indicator has the k-th unit and the k-th row of
//! values (see [`super::values`]), and the nodes open at the rows the
//! counts and the indicator numbering allow.
//!
//! Line by line, the reader keeps the open node cell and the open indicator
//! cell of the current block and gives each continuation line to the one it
//! fits: names of programs, kegiatan and sub kegiatan are printed in title
//! case (Permendagri nomenclature), indicators in sentence case; where the
//! case says nothing (a tujuan's name is in sentence case too), lines of
//! two interleaved cells alternate.

use super::super::cells::{fold, join_lines, Vocabulary};
use super::super::frame::roles_in_words;
use super::super::Row;
use super::prep::{clean, lines_of};
use super::values::{row_obeys, solve, RowValues, Solved};
use crate::parse::number::parse_value;
use crate::parse::unit::{contradicts_unit, opens_with_official_title};
use super::walk::{Ev, Kind, Walker};
use super::words::is_small_int;
use crate::extract::Page;
use crate::parse::header::Role;
use crate::parse::label::parse_indicator_number;
use crate::parse::label::written::parse_label;
use std::cell::OnceCell;

/// What the recovery reading found.
#[derive(Debug, Default)]
pub(super) struct Recovered {
    pub rows: Vec<Row>,
    /// The lines above the first header.
    pub title: Vec<String>,
    pub signature: Vec<String>,
    pub warnings: Vec<String>,
}

/// The value columns and the trailing text columns. A scrambled dump
/// prints the header in pieces (the first block may name only "Triwulan I"
/// and "KETERANGAN"), so the roles of every piece are pooled; the value
/// columns of a Rencana Aksi are the year's target and the four quarters,
/// in this order, with a budget after them where the header names one, and
/// KETERANGAN is the last column.
fn column_roles(columns: &[Role], header_words: &[String]) -> (Vec<Role>, Vec<Role>) {
    let words: Vec<&str> = header_words.iter().map(String::as_str).collect();
    let (more, _) = roles_in_words(&words);
    let mut all: Vec<Role> = columns.iter().chain(more.iter()).copied().collect();
    // The two words of a cell can be printed apart, the lines of the
    // cells beside it between them ("Triwulan PENANGGUNG" / "TAHUN" / "I"
    // ... "JAWAB"); no other header cell holds either word.
    let has = |w: &str| words.iter().any(|x| x.eq_ignore_ascii_case(w));
    if has("PENANGGUNG") && has("JAWAB") {
        all.push(Role::Responsible);
    }
    let mut values = vec![Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    if all.contains(&Role::Budget) {
        values.push(Role::Budget);
    }
    let mut after: Vec<Role> = [Role::Responsible, Role::Note].into_iter().filter(|r| all.contains(r)).collect();
    if after.is_empty() {
        after.push(Role::Note);
    }
    (values, after)
}

/// mutool prints a table's one-line cells first, row by row, and its
/// wrapped cells after: a row whose unit cell wraps ("Desa" / "Wisata")
/// has its values printed after the row above's, under that row's unit,
/// and its unit later among the wrapped text, with no values of its own.
/// Aligned by order, every unit after it would pair with the row above's
/// indicator. Each such unit (a unit no value follows) goes back to where
/// its values are: after the first row of values of a unit followed by
/// two rows of them (more values than a row has, parting into two runs
/// that each obey the quarterly arithmetic). Done only when the units
/// without values and the units with two rows of values are as many.
fn put_back_wrapped_units(evs: &mut Vec<Ev>, cap: usize) {
    let is_values = |e: &Ev| matches!(e, Ev::Values { .. });
    let bare: Vec<usize> = (0..evs.len()).filter(|&k| matches!(evs[k], Ev::Unit { .. }) && !evs.get(k + 1).is_some_and(is_values)).collect();
    if bare.is_empty() {
        return;
    }
    // Per unit with two rows of values: the event index the second row opens at.
    let mut splits: Vec<usize> = Vec::new();
    for u in (0..evs.len()).filter(|&k| matches!(evs[k], Ev::Unit { .. })) {
        let run: Vec<usize> = (u + 1..evs.len()).take_while(|&k| is_values(&evs[k])).collect();
        let vals: Vec<String> = run.iter().flat_map(|&k| match &evs[k] {
            Ev::Values { vals, .. } => vals.clone(),
            _ => Vec::new(),
        }).collect();
        if vals.len() <= cap {
            continue;
        }
        // The first row ends at an event boundary, after the target and
        // the four quarters (and the budget, if the header has one).
        let split = [cap, cap.saturating_sub(1)].into_iter().find_map(|first| {
            let mut count = 0;
            let at = run.iter().position(|&k| {
                let before = count;
                count += match &evs[k] { Ev::Values { vals, .. } => vals.len(), _ => 0 };
                before == first
            })?;
            let (a, b) = vals.split_at(first);
            (first >= 5 && b.len() >= 5 && b.len() <= cap && row_obeys(&a[..5]) && row_obeys(&b[..5])).then_some(run[at])
        });
        if let Some(at) = split {
            splits.push(at);
        }
    }
    // Each unit is printed after the values it goes back to.
    if splits.len() != bare.len() || bare.iter().zip(&splits).any(|(b, s)| b < s) {
        return;
    }
    let moved_to: std::collections::HashMap<usize, usize> = splits.iter().copied().zip(bare.iter().copied()).collect();
    let old = std::mem::take(evs);
    let mut slots: Vec<Option<Ev>> = old.into_iter().map(Some).collect();
    for k in 0..slots.len() {
        if let Some(&b) = moved_to.get(&k) {
            evs.extend(slots[b].take());
        }
        if !bare.contains(&k) {
            evs.extend(slots[k].take());
        }
    }
}

/// Reads a scrambled flow dump with the header's `columns`.
pub(super) fn recover(pages: &[Page], columns: &[Role]) -> Recovered {
    let src = lines_of(pages);
    let (lines, removed) = clean(&src);
    let title = removed.title.clone();
    let signature = removed.signature.clone();
    let (roles, text_after) = column_roles(columns, &removed.header_words);
    let (roles, text_after) = (&roles[..], &text_after[..]);
    let mut w = Walker::new(&lines);
    w.run();
    put_back_wrapped_units(&mut w.evs, roles.len());
    let texts = CellTexts::new(&w);
    let mut out = Recovered { signature, title, ..Recovered::default() };
    if removed.unplaced_trailing_cells > 0 {
        out.warnings.push(format!("trailing_cells_unplaced:{}", removed.unplaced_trailing_cells));
    }
    reconcile(&mut w, &texts, &mut out.warnings);
    build(&w, &texts, roles, text_after, &mut out);
    out
}

/// The text of each cell of a finished walk, its lines joined when first
/// asked for: the alignment reads a cell's text many times over.
struct CellTexts(Vec<OnceCell<String>>);

impl CellTexts {
    fn new(w: &Walker) -> Self {
        CellTexts(w.cells.iter().map(|_| OnceCell::new()).collect())
    }

    fn get<'t>(&'t self, w: &Walker, c: usize) -> &'t str {
        self.0[c].get_or_init(|| join_lines(&w.cells[c].lines, &w.vocab))
    }
}

/// Makes the counts agree: one indicator per unit.
fn reconcile(w: &mut Walker, texts: &CellTexts, warnings: &mut Vec<String>) {
    let units = w.evs.iter().filter(|e| matches!(e, Ev::Unit { .. })).count();
    let inds: Vec<usize> = (0..w.cells.len()).filter(|&c| w.cells[c].kind == Kind::Ind).collect();
    if inds.len() > units {
        // Too many indicators: the weakest are notes (a block of text whose
        // first word opens no indicator, repeated texts first).
        let mut extra = inds.len() - units;
        let lowered: Vec<String> = inds.iter().map(|&c| texts.get(w, c).to_lowercase()).collect();
        let mut order: Vec<(i32, usize)> = inds
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                let repeated = lowered.iter().filter(|t| **t == lowered[k]).count() > 1;
                let s = w.cells[c].strength as i32 * 10 - if repeated { 5 } else { 0 };
                (s, c)
            })
            .collect();
        order.sort();
        for (s, c) in order {
            if extra == 0 || s >= 10 {
                break;
            }
            w.cells[c].kind = Kind::Note;
            extra -= 1;
        }
        if extra > 0 {
            warnings.push(format!("indicators_without_unit:{extra}"));
        }
    } else if units > inds.len() {
        warnings.push(format!("units_without_indicator:{}", units - inds.len()));
    }
}

/// Where each row's cells are in the event stream.
struct Layout {
    /// Per row: its unit's word and event index.
    units: Vec<(String, usize)>,
    /// Per row: the body line of its unit.
    unit_lines: Vec<usize>,
    /// Per row: the indicator cell.
    inds: Vec<Option<usize>>,
    /// Per cell: the row it is pinned to.
    pinned: std::collections::BTreeMap<usize, usize>,
    /// Indicators printed after later rows (see [`place_displaced_indicators`]).
    displaced: Vec<usize>,
}

/// A block holding one unit with a column of values after it is one
/// row's anchor (mutool prints a row's one-line cells together: "Program 1
/// Pengelolaan Pendidikan" / "Persentase" / "100%" / ...): the cells before
/// the unit in that block are that row's. All other cells keep their order.
fn layout(w: &Walker) -> Layout {
    let mut units: Vec<(String, usize)> = Vec::new();
    let mut unit_lines: Vec<usize> = Vec::new();
    for (k, e) in w.evs.iter().enumerate() {
        if let Ev::Unit { word, at } = e {
            units.push((word.clone(), k));
            unit_lines.push(*at);
        }
    }
    let para_of_ev = |k: usize| -> usize {
        match &w.evs[k] {
            Ev::Cell(c) => w.lines[w.cells[*c].at].para,
            Ev::Unit { at, .. } => w.lines[*at].para,
            Ev::Values { .. } => usize::MAX,
        }
    };
    let mut pinned = std::collections::BTreeMap::new();
    for (r, (_, ue)) in units.iter().enumerate() {
        let para = para_of_ev(*ue);
        let same_para_units = units.iter().filter(|(_, e)| para_of_ev(*e) == para).count();
        let values_after = w.evs[ue + 1..].iter().take_while(|e| matches!(e, Ev::Values { inline: true, .. })).map(|e| if let Ev::Values { vals, .. } = e { vals.len() } else { 0 }).sum::<usize>();
        if same_para_units != 1 || values_after < 2 {
            continue;
        }
        for k in (0..*ue).rev() {
            if para_of_ev(k) != para {
                break;
            }
            if let Ev::Cell(c) = &w.evs[k] {
                if matches!(w.cells[*c].kind, Kind::Ind | Kind::Node) {
                    pinned.insert(*c, r);
                }
            }
        }
    }
    let nrows = units.len();
    let mut inds: Vec<Option<usize>> = vec![None; nrows];
    let all_inds: Vec<usize> = w.evs.iter().filter_map(|e| if let Ev::Cell(c) = e { (w.cells[*c].kind == Kind::Ind).then_some(*c) } else { None }).collect();
    for &c in &all_inds {
        if let Some(&r) = pinned.get(&c) {
            inds[r] = Some(c);
        }
    }
    let free: Vec<usize> = all_inds.iter().copied().filter(|c| !pinned.contains_key(c)).collect();
    let displaced = place_displaced_indicators(w, &units, &free, &mut inds);
    if displaced.is_empty() {
        let mut free = free.iter();
        for slot in inds.iter_mut() {
            if slot.is_none() {
                *slot = free.next().copied();
            }
        }
    }
    Layout { units, unit_lines, inds, pinned, displaced }
}

/// pdftotext prints a cell merged over several rows (a tujuan's name and
/// its only indicator, vertically centred) after the page's other cells:
/// the row it belongs to has no indicator before its unit, and some later
/// row has more than one. Where every row but a few has exactly its own
/// indicator printed between the previous unit and its own (the last one
/// there), the extra indicators go, in order, to the rows left without
/// one before them; `inds` gets every row's indicator and the extras are
/// returned. Otherwise (a dump that prints all units first, or counts
/// that do not agree) nothing is placed: indicators then follow units by
/// order alone.
fn place_displaced_indicators(w: &Walker, units: &[(String, usize)], free: &[usize], inds: &mut [Option<usize>]) -> Vec<usize> {
    let nrows = units.len();
    let open: Vec<usize> = (0..nrows).filter(|&r| inds[r].is_none()).collect();
    if free.len() != open.len() || open.is_empty() {
        return Vec::new();
    }
    // The row whose unit comes next after each free indicator.
    let window = |c: usize| units.partition_point(|(_, ue)| *ue < w.cells[c].ev);
    let mut local: Vec<Vec<usize>> = vec![Vec::new(); nrows + 1];
    for &c in free {
        local[window(c)].push(c);
    }
    let mut orphans: Vec<usize> = Vec::new();
    let mut extras: Vec<(usize, usize)> = Vec::new(); // (indicator, its window)
    for &r in &open {
        match local[r].split_last() {
            Some((_, rest)) => extras.extend(rest.iter().map(|&c| (c, r))),
            None => orphans.push(r),
        }
    }
    extras.extend(local[nrows].iter().map(|&c| (c, nrows)));
    if orphans.is_empty() || extras.len() != orphans.len() || orphans.len() * 4 > open.len() {
        return Vec::new();
    }
    // An extra indicator is printed after the unit of the row it goes to.
    if orphans.iter().zip(&extras).any(|(&r, &(_, win))| win <= r) {
        return Vec::new();
    }
    for &r in &open {
        if let Some(&own) = local[r].last() {
            inds[r] = Some(own);
        }
    }
    for (&r, &(c, _)) in orphans.iter().zip(&extras) {
        inds[r] = Some(c);
    }
    extras.into_iter().map(|(c, _)| c).collect()
}

/// Assigns nodes to rows. Every node carries at least one indicator; an
/// indicator numbered 2 or more continues the node of the row above and
/// one numbered 1 opens a node; several nodes open on one row only from
/// the outer level inwards. Where a node was printed among the indicators
/// (between the k-th and the next), it opens at one of those rows; where
/// all nodes were printed apart (a column printed as one block), only the
/// counts place them. A dynamic programme weighs the three.
fn assign_nodes(w: &Walker, texts: &CellTexts, lay: &Layout, nodes: &[usize], warnings: &mut Vec<String>) -> Vec<Vec<usize>> {
    let nrows = lay.inds.len();
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); nrows];
    if nrows == 0 || nodes.is_empty() {
        return at;
    }
    let numbers: Vec<Option<u32>> = (0..nrows).map(|r| lay.inds[r].and_then(|c| parse_indicator_number(texts.get(w, c)).0)).collect();
    let number = |r: usize| numbers[r];
    let depths: std::collections::HashMap<usize, usize> = nodes.iter().map(|&c| (c, parse_label(texts.get(w, c)).map(|l| l.level.depth()).unwrap_or(0))).collect();
    let depth = |c: usize| depths[&c];
    // Row range each node may open at, from the floating indicators around it.
    // (print position, row, displaced) of each floating indicator, in print order.
    let mut float_rows: Vec<(usize, usize, bool)> = (0..nrows)
        .filter_map(|r| lay.inds[r].filter(|c| !lay.pinned.contains_key(c)).map(|c| (w.cells[c].ev, r, lay.displaced.contains(&c))))
        .collect();
    float_rows.sort_unstable();
    // The indicators printed just before and just after a node. (Apart
    // from displaced ones, floating indicators are printed in row order.)
    let neighbours = |e: usize| {
        let k = float_rows.partition_point(|f| f.0 < e);
        (k.checked_sub(1).map(|j| float_rows[j]), float_rows.get(k).copied())
    };
    // A node printed just before a displaced indicator, or after one at
    // the end, was printed with it after the page's rows: it may open any
    // row up to that one.
    let loose = |n: usize| {
        let (before, after) = neighbours(w.cells[n].ev);
        !lay.pinned.contains_key(&n) && after.map_or(before.is_some_and(|f| f.2), |f| f.2)
    };
    let range_of = |n: usize| -> (usize, usize) {
        if let Some(&r) = lay.pinned.get(&n) {
            return (r, r);
        }
        let (before, after) = neighbours(w.cells[n].ev);
        if loose(n) {
            let lo = before.filter(|f| f.2).map_or(0, |f| f.1);
            let hi = after.map_or(nrows - 1, |f| f.1);
            return (lo.min(hi), hi);
        }
        let lo = before.map_or(0, |f| f.1);
        let hi = after.map_or(nrows - 1, |f| f.1).max(lo);
        (lo, hi)
    };
    let ranges: std::collections::HashMap<usize, (usize, usize)> = nodes.iter().map(|&n| (n, range_of(n))).collect();
    let range = |n: usize| ranges[&n];
    // True when a floating indicator of row `lo` was printed before node `n`.
    let after_float = |n: usize, lo: usize| -> bool {
        let e = w.cells[n].ev;
        float_rows.iter().any(|&(ev, r, _)| ev < e && r == lo)
    };
    // Order: by the row each node is printed before (a pinned node's own
    // row), then as printed; nodes printed after the page's rows go where
    // the hierarchy's numbering puts them.
    let (loose_nodes, mut order): (Vec<usize>, Vec<usize>) = nodes.iter().partition(|&&n| loose(n));
    order.sort_by_key(|&n| (range(n).1, w.cells[n].ev));
    if !loose_nodes.is_empty() {
        let label_of = |n: usize| parse_label(texts.get(w, n)).map(|l| (l.level.depth(), l.number)).unwrap_or((0, None));
        order = merge_loose_nodes(&order, &loose_nodes, label_of);
    }
    let row_cost = |r: usize, k: usize| -> f64 {
        let num = number(r);
        match (num, k) {
            (Some(n), k) if n >= 2 => 5.0 * k as f64,
            (Some(1), 0) => 5.0,
            (_, 0) if r == 0 => 5.0,
            (_, 0) => 1.0,
            _ => 0.0,
        }
    };
    // A node printed after the next row's indicator cannot open an earlier
    // row; one printed well before its row's indicator is normal where a
    // column is printed as one block.
    // (`n`'s range, whether it is pinned and whether it was printed after
    // a floating indicator of its first row are read once per node.)
    let pos_cost = |(lo, hi): (usize, usize), pinned: bool, after_lo: bool, loose: bool, r: usize| -> f64 {
        if pinned {
            return 10.0 * (if r < lo { lo - r } else { r.saturating_sub(hi) }) as f64;
        }
        if r < lo {
            2.0 * (lo - r) as f64
        } else if r > hi {
            0.05 * (r - hi) as f64
        } else if loose {
            // Printed with the row it goes with, as a node is printed just
            // before its first indicator: the latest row the order allows.
            0.01 * (hi - r) as f64
        } else if after_lo {
            // A cell is printed before the cells to its right that start on
            // its line: a node printed after row `lo`'s indicator opens
            // below it (a cell merged over several rows leaves rows
            // without a node, so the counts alone cannot tell), and, all
            // else equal, at the first row the order allows.
            if r == lo {
                0.3
            } else {
                0.01 * (r - lo - 1) as f64
            }
        } else {
            0.0
        }
    };
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        for &n in &order {
            eprintln!("node {:?} range {:?} pinned {}", texts.get(w, n).chars().take(40).collect::<String>(), range(n), lay.pinned.contains_key(&n));
        }
        for r in 0..nrows {
            eprintln!("row {r} num {:?} ind {:?} pinned {}", number(r), lay.inds[r].map(|c| texts.get(w, c).chars().take(40).collect::<String>()), lay.inds[r].is_some_and(|c| lay.pinned.contains_key(&c)));
        }
    }
    let m = order.len();
    // The cost of the rows p..r left without a node, as a difference of
    // prefix sums (the costs are small whole numbers: the sums are exact).
    let mut empty_before = vec![0.0; nrows + 1];
    for q in 0..nrows {
        empty_before[q + 1] = empty_before[q] + row_cost(q, 0);
    }
    let empty = |from: usize, to: usize| empty_before[to] - empty_before[from];
    let pos: Vec<Vec<f64>> = order
        .iter()
        .map(|&n| {
            let (lo, hi) = range(n);
            let (pinned, after_lo, loose) = (lay.pinned.contains_key(&n), after_float(n, lo), loose(n));
            (0..nrows).map(|r| pos_cost((lo, hi), pinned, after_lo, loose, r)).collect()
        })
        .collect();
    // best[j][r]: node j opens at row r, nodes 0..=j placed; cost so far
    // including the rows before r. `cnt` counts nodes at r.
    let inf = f64::INFINITY;
    let mut best = vec![vec![inf; nrows]; m];
    let mut back = vec![vec![usize::MAX; nrows]; m];
    let mut cnt = vec![vec![0usize; nrows]; m];
    for r in 0..nrows {
        best[0][r] = empty(0, r) + pos[0][r];
        cnt[0][r] = 1;
    }
    for j in 1..m {
        // Another node on the same row: outer level first, and rarely (a
        // node without an indicator of its own).
        let same_row = if depth(order[j]) > depth(order[j - 1]) { 0.8 } else { 5.0 };
        let (done, rest) = best.split_at_mut(j);
        let (before, here) = (&done[j - 1], &mut rest[0]);
        // The cost so far with row p closed after node j - 1.
        let closed: Vec<f64> = (0..nrows).map(|p| before[p] + row_cost(p, cnt[j - 1][p])).collect();
        // The best row p < r for node j - 1 does not depend on r: the
        // cost of opening node j at r from p is closed[p] - empty_before[p
        // + 1] plus terms of r alone. A running minimum over p (the
        // earliest among equals) keeps the programme linear in the rows
        // per node; a long plan has thousands of each.
        let mut best_p: Option<(f64, usize)> = None;
        for r in 0..nrows {
            // The cheapest way to open node j at row r, the earliest row p
            // of node j - 1 among equals; node j - 1 on row r itself last.
            let (mut cost, mut from) = (here[r], back[j][r]);
            if let Some((_, p)) = best_p {
                let c = closed[p] + (empty_before[r] - empty_before[p + 1]) + pos[j][r];
                if c < cost {
                    (cost, from) = (c, p);
                }
            }
            if before[r] != inf {
                let key = closed[r] - empty_before[r + 1];
                if best_p.is_none_or(|(k, _)| key < k) {
                    best_p = Some((key, r));
                }
            }
            if from != usize::MAX {
                cnt[j][r] = 1;
            }
            if before[r] != inf {
                let c = before[r] + same_row + pos[j][r];
                if c < cost {
                    (cost, from) = (c, r);
                    cnt[j][r] = cnt[j - 1][r] + 1;
                }
            }
            here[r] = cost;
            back[j][r] = from;
        }
    }
    let mut end = 0;
    let mut end_cost = inf;
    for r in 0..nrows {
        if best[m - 1][r] == inf {
            continue;
        }
        let tail = empty(r + 1, nrows);
        let c = best[m - 1][r] + row_cost(r, cnt[m - 1][r]) + tail;
        if c < end_cost {
            end_cost = c;
            end = r;
        }
    }
    let mut r = end;
    for j in (0..m).rev() {
        at[r].push(order[j]);
        if j > 0 {
            r = back[j][r];
        }
    }
    for v in at.iter_mut() {
        v.reverse();
    }
    // Rows left without a node although they should open one.
    let unsure = (0..nrows).filter(|&r| at[r].is_empty() && (r == 0 || number(r) == Some(1))).count() + (0..nrows).filter(|&r| !at[r].is_empty() && number(r).is_some_and(|n| n >= 2)).count();
    if unsure > 0 || end_cost >= 5.0 {
        warnings.push("nodes_unaligned".to_string());
    }
    at
}

/// The cells of the trailing columns (PENANGGUNG JAWAB, KETERANGAN) given
/// to rows, run by run: a run is the note cells printed one after the
/// other, each with the row whose indicator, unit or value came last.
///
/// - A run of more cells than the trailing columns is a column of several
///   rows' notes printed together after the page's values: which row each
///   belongs to is lost, so none is given one, but for the row's own
///   PENANGGUNG JAWAB printed first (an official's title opens it).
/// - A PENANGGUNG JAWAB cell wrapped over more lines than its row is tall
///   reaches up beside the row above, and pdftotext prints the two rows'
///   cells as one block after the lower row's values ("Kabid Program" /
///   "Kasubag" / "Perencanaan dan" / "Keuangan"): where the plan has the
///   column, a block is parted where a line opens with an official's
///   title, and of two cells so opening, the first is the row above's when
///   that row has no trailing cell.
struct TrailingCells<'r> {
    notes: Vec<Vec<String>>,
    run: Vec<(usize, String)>,
    unplaced: usize,
    columns: &'r [Role],
    /// PENANGGUNG JAWAB is the first trailing column.
    responsible_first: bool,
}

impl<'r> TrailingCells<'r> {
    fn new(nrows: usize, columns: &'r [Role]) -> Self {
        let responsible_first = columns[0] == Role::Responsible;
        TrailingCells { notes: vec![Vec::new(); nrows], run: Vec::new(), unplaced: 0, columns, responsible_first }
    }

    /// A note block's `lines`, read after `row`'s values.
    fn push(&mut self, row: usize, lines: &[String], vocab: &Vocabulary) {
        if !self.responsible_first {
            self.run.push((row, join_lines(lines, vocab)));
            return;
        }
        let mut from = 0;
        for to in (1..=lines.len()).filter(|&to| to == lines.len() || opens_with_official_title(&lines[to])) {
            self.run.push((row, join_lines(&lines[from..to], vocab)));
            from = to;
        }
    }

    fn end_run(&mut self) {
        let responsible_first = self.responsible_first;
        let run = &mut self.run;
        let titled = run.iter().filter(|(_, t)| opens_with_official_title(t)).count();
        if responsible_first && titled == 2 && run.first().is_some_and(|(r, t)| *r > 0 && opens_with_official_title(t) && self.notes[r - 1].is_empty()) {
            let (r, t) = run.remove(0);
            self.notes[r - 1].push(t);
        }
        if run.len() > self.columns.len() {
            let own = responsible_first && opens_with_official_title(&run[0].1);
            let (r, t) = run.remove(0);
            if own {
                self.notes[r].push(t);
            }
            self.unplaced += run.len() + usize::from(!own);
            run.clear();
        }
        for (r, t) in run.drain(..) {
            self.notes[r].push(t);
        }
    }

    /// Per row its trailing cells in order, and how many cells no row got.
    fn finish(mut self) -> (Vec<Vec<String>>, usize) {
        self.end_run();
        (self.notes, self.unplaced)
    }
}

/// Merges the nodes printed after the page's rows (`loose`, in print
/// order) into the order of the others (`tight`): a node numbered 1 opens
/// its parent anew, so when no node of the parent's level came since the
/// last node of its own level, the first loose node of the parent's level
/// goes just before it (with its own parents so found). Loose nodes
/// nothing asks for go last. `label` gives a node's depth and number.
fn merge_loose_nodes(tight: &[usize], loose: &[usize], label: impl Fn(usize) -> (usize, Option<u32>)) -> Vec<usize> {
    fn emit(x: usize, out: &mut Vec<usize>, pending: &mut Vec<usize>, label: &dyn Fn(usize) -> (usize, Option<u32>)) {
        let (d, k) = label(x);
        if d > 0 && k == Some(1) {
            let since = out.iter().rposition(|&y| label(y).0 == d).map_or(0, |i| i + 1);
            let has_parent = out[since..].iter().any(|&y| label(y).0 == d - 1);
            if !has_parent {
                if let Some(i) = pending.iter().position(|&p| label(p).0 == d - 1) {
                    let p = pending.remove(i);
                    emit(p, out, pending, label);
                }
            }
        }
        out.push(x);
    }
    let mut out = Vec::with_capacity(tight.len() + loose.len());
    let mut pending = loose.to_vec();
    for &y in tight {
        emit(y, &mut out, &mut pending, &label);
    }
    while !pending.is_empty() {
        let x = pending.remove(0);
        emit(x, &mut out, &mut pending, &label);
    }
    out
}

/// A block of one small whole number between two blocks of text, no unit
/// before it, is the NO column's row number ("Penanaman Modal" / "2" /
/// "INDIKATOR KINERJA"), not a value: a row's values follow its unit. So
/// is one that opens the body before the first row's text (the first
/// row's NO, printed under the header's column numbers): taken as a value,
/// it shifted every row's values by one row down to the first row with a
/// budget.
fn is_row_number(w: &Walker, k: usize) -> bool {
    let Ev::Values { vals, inline: false } = &w.evs[k] else { return false };
    let [v] = vals.as_slice() else { return false };
    let small = is_small_int(v) && v != "0";
    let text_at = |j: Option<usize>| j.and_then(|j| w.evs.get(j)).is_some_and(|e| matches!(e, Ev::Cell(_)));
    small && (k == 0 || text_at(k.checked_sub(1))) && text_at(Some(k + 1))
}

/// Below this a number is no budget: plans give budgets in Rupiah or in
/// thousands of Rupiah.
const SMALLEST_BUDGET: f64 = 1000.0;

/// The rows whose values show the value stream slipped against the units, where the solver still found a place for
/// every value:
/// - a budget cell holding a small number no larger than its row's targets
///   is a neighbour's value ("1" of the NO column, a target of the row
///   below);
/// - five free values that make a row of their own (a target and four
///   quarters obeying the arithmetic) but that no one row took: a value row
///   whose unit was lost, so the k-th unit no longer has the k-th row of
///   values.
///
/// Such rows' values are left empty. (The rows between them may have
/// slipped too; telling which needs the units' positions: left for later.)
fn slipped_rows(solved: &Solved, free: &[String], roles: &[Role]) -> Vec<usize> {
    let number = |v: &str| parse_value(v).as_f64();
    let mut flagged: Vec<usize> = Vec::new();
    let budget = roles.iter().position(|r| *r == Role::Budget);
    if let Some(budget) = budget {
        for (r, vals) in solved.rows.iter().enumerate() {
            let Some(b) = vals.get(budget).and_then(|v| number(v)) else { continue };
            let largest = vals[..budget].iter().filter_map(|v| number(v)).fold(0.0, f64::max);
            if b < SMALLEST_BUDGET && b <= largest {
                flagged.push(r);
            }
        }
    }
    for start in 0..free.len().saturating_sub(4) {
        if !row_obeys(&free[start..start + 5]) {
            continue;
        }
        // Rows sharing a run by chance ("100" / "0 0 50 100") took its
        // values as targets; a lost row's values end up in no row or in
        // budget cells.
        let owners = &solved.owner[start..start + 5];
        let in_budget = |k: usize| parse_value(&free[start + k]).as_f64().is_some() && owners[k].zip(budget).is_some_and(|(r, b)| solved.rows[r].get(b) == Some(&free[start + k]));
        if (0..5).any(|k| owners[k].is_none() || in_budget(k)) {
            flagged.extend(owners.iter().flatten());
        }
    }
    flagged.sort_unstable();
    flagged.dedup();
    flagged
}

/// A row printed whole, in order: its indicator cell, then its unit, then
/// a run of values that the arithmetic confirms and no other row shares.
/// Its values need no counting to be its own, so they stand where the
/// counts elsewhere in the dump do not agree (a stray value, an indicator
/// lost a few rows further on).
fn anchored_row(w: &Walker, lay: &Layout, solved: &Solved, free_of_ev: &[Option<(usize, usize)>], r: usize) -> bool {
    let ue = lay.units[r].1;
    let Some(c) = lay.inds[r] else { return false };
    if !solved.confirmed[r] || w.cells[c].ev + 1 != ue {
        return false;
    }
    let run: Vec<usize> = (ue + 1..w.evs.len()).take_while(|&k| matches!(w.evs[k], Ev::Values { .. })).collect();
    // The free values the run gave, one range per value event, end to end.
    let ranges: Vec<(usize, usize)> = run.iter().filter_map(|&k| free_of_ev[k]).collect();
    let (Some(&(from, _)), Some(&(_, to))) = (ranges.first(), ranges.last()) else { return false };
    let contiguous = ranges.windows(2).all(|p| p[0].1 == p[1].0);
    contiguous && (from..to).all(|k| solved.owner[k] == Some(r)) && solved.owner.iter().filter(|o| **o == Some(r)).count() == to - from
}

fn build(w: &Walker, texts: &CellTexts, roles: &[Role], text_after: &[Role], out: &mut Recovered) {
    let cap = roles.len().max(1);
    let lay = layout(w);
    let nrows = lay.units.len();
    let inds: Vec<Option<usize>> = lay.inds.clone();
    // Nodes; a node printed twice in a row (a merged cell repeated per
    // row) counts once.
    let mut nodes: Vec<usize> = Vec::new();
    for e in &w.evs {
        if let Ev::Cell(c) = e {
            if w.cells[*c].kind == Kind::Node {
                let t = texts.get(w, *c);
                if nodes.last().is_some_and(|&p| texts.get(w, p) == t && !lay.pinned.contains_key(c)) {
                    continue;
                }
                nodes.push(*c);
            }
        }
    }
    // Units with their inline values; free values.
    let mut row_vals: Vec<RowValues> = Vec::new();
    let mut free: Vec<String> = Vec::new();
    // Per value event, the free values it gave (their range in `free`).
    let mut free_of_ev: Vec<Option<(usize, usize)>> = vec![None; w.evs.len()];
    for (k, e) in w.evs.iter().enumerate() {
        let before = free.len();
        if is_row_number(w, k) {
            continue;
        }
        match e {
            Ev::Unit { .. } => row_vals.push(RowValues::default()),
            Ev::Values { vals, inline } => {
                if *inline {
                    if let Some(r) = row_vals.last_mut() {
                        let room = cap.saturating_sub(r.inline.len());
                        r.inline.extend(vals.iter().take(room).cloned());
                        free.extend(vals.iter().skip(room).cloned());
                        free_of_ev[k] = (free.len() > before).then_some((before, free.len()));
                        continue;
                    }
                }
                free.extend(vals.iter().cloned());
                free_of_ev[k] = (free.len() > before).then_some((before, free.len()));
            }
            Ev::Cell(_) => {}
        }
    }
    if nrows == 0 {
        out.warnings.push("no_table_found".to_string());
        return;
    }
    let solved = solve(&row_vals, &free, cap);
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        for e in &w.evs {
            match e {
                Ev::Cell(c) => eprintln!("ev cell {:?} {:?}", w.cells[*c].kind, texts.get(w, *c).chars().take(40).collect::<String>()),
                other => eprintln!("ev {other:?}"),
            }
        }
        eprintln!("solved {solved:?}");
    }
    let node_at = assign_nodes(w, texts, &lay, &nodes, &mut out.warnings);
    // Notes: to the row of the latest indicator, unit or value read before
    // them (a trailing column is printed after its row's values).
    let mut row_of_cell: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (r, c) in inds.iter().enumerate() {
        if let Some(c) = c {
            row_of_cell.insert(*c, r);
        }
    }
    let mut trailing = TrailingCells::new(nrows, text_after);
    let mut cur = 0usize;
    let mut unit_no = 0usize;
    for (k, e) in w.evs.iter().enumerate() {
        if !matches!(e, Ev::Cell(c) if w.cells[*c].kind == Kind::Note) {
            trailing.end_run();
        }
        match e {
            Ev::Unit { .. } => {
                cur = unit_no;
                unit_no += 1;
            }
            Ev::Values { .. } => {
                if let Some(r) = free_of_ev[k].and_then(|(_, end)| solved.owner[end - 1]) {
                    cur = r;
                }
            }
            Ev::Cell(c) => match w.cells[*c].kind {
                Kind::Ind => {
                    if let Some(&r) = row_of_cell.get(c) {
                        cur = r;
                    }
                }
                Kind::Note => trailing.push(cur.min(nrows - 1), &w.cells[*c].lines, &w.vocab),
                Kind::Node => {}
            },
        }
    }
    let (notes, unplaced) = trailing.finish();
    if unplaced > 0 {
        out.warnings.push(format!("trailing_cells_unplaced:{unplaced}"));
    }
    // Values left over, or indicators with no unit: the counts that align
    // the k-th indicator with the k-th row of values do not agree, so no
    // row's values can be trusted. They are left empty (a wrong number is
    // worse than none); each row says so.
    // So too when an indicator named as a percentage stands beside another
    // unit: the k-th indicator is not the k-th unit's.
    let beside_other = (0..nrows).filter(|&r| inds[r].is_some_and(|c| contradicts_unit(texts.get(w, c), &lay.units[r].0))).count();
    if beside_other > 0 {
        out.warnings.push(format!("indicators_beside_other_units:{beside_other}"));
    }
    // More units than indicators: some row's indicator was lost, and rows
    // paired by order after it have the next row's.
    let untrusted = solved.stray > 0 || beside_other > 0 || out.warnings.iter().any(|w| w.starts_with("indicators_without_unit") || w.starts_with("units_without_indicator"));
    let slipped = slipped_rows(&solved, &free, roles);
    let anchored = |r: usize| anchored_row(w, &lay, &solved, &free_of_ev, r) && !inds[r].is_some_and(|c| contradicts_unit(texts.get(w, c), &lay.units[r].0));
    let mut missing_ind = 0;
    for r in 0..nrows {
        let line = &w.lines[match inds[r] {
            Some(ic) => w.cells[ic].at,
            None => lay.unit_lines[r],
        }];
        let all = &node_at[r];
        // Further nodes opening on the same row come first, on rows of their own.
        for &n in all.iter().take(all.len().saturating_sub(1)) {
            let nl = &w.lines[w.cells[n].at];
            out.rows.push(Row { page: nl.page, line: nl.line, node: Some(texts.get(w, n).to_string()), ..Row::default() });
        }
        let mut row = Row { page: line.page, line: line.line, node: all.last().map(|&n| texts.get(w, n).to_string()), ..Row::default() };
        match inds[r] {
            Some(ic) => row.set(Role::Indicator, texts.get(w, ic).to_string()),
            None => {
                missing_ind += 1;
                row.warnings.push("indicator_not_found".to_string());
            }
        }
        row.set(Role::Unit, lay.units[r].0.clone());
        if (untrusted && !anchored(r)) || slipped.contains(&r) {
            row.warnings.push("values_unconfirmed".to_string());
        } else {
            for (role, v) in roles.iter().zip(&solved.rows[r]) {
                row.set(*role, v.clone());
            }
            if !solved.confirmed[r] {
                row.warnings.push("values_unconfirmed".to_string());
            }
        }
        for (k, n) in notes[r].iter().enumerate() {
            let role = text_after[k.min(text_after.len() - 1)];
            row.set(role, fold(n));
        }
        out.rows.push(row);
    }
    if missing_ind > 0 {
        out.warnings.push(format!("units_without_indicator:{missing_ind}"));
    }

    if solved.stray > 0 {
        out.warnings.push(format!("stray_values:{}", solved.stray));
    }
}

#[cfg(test)]
mod column_tests {
    use super::column_roles;
    use crate::parse::header::Role;

    #[test]
    fn penanggung_jawab_printed_apart_names_its_column() {
        // dev04's flow dump: the header's cells run together line by line.
        let words: Vec<String> = "Triwulan Triwulan Triwulan Triwulan PENANGGUNG TAHUN I II III IV JAWAB 2027".split(' ').map(String::from).collect();
        let (_, after) = column_roles(&[Role::Node], &words);
        assert_eq!(after, [Role::Responsible]);
        let (_, after) = column_roles(&[Role::Node], &words[..6]);
        assert_eq!(after, [Role::Note]);
    }
}

#[cfg(test)]
mod merge_tests {
    use super::merge_loose_nodes;

    #[test]
    fn loose_nodes_open_where_a_first_child_needs_a_parent() {
        // Printed in the rows: Kegiatan 1 (10), Sub Kegiatan 1 (11),
        // Program 2 (12), Kegiatan 1 (13), Sub Kegiatan 1 (14), Sasaran 2
        // (15), Sub Kegiatan 1 (16); after the rows: Tujuan 1 (0),
        // Sasaran 1 (1), Program 1 (2), Program 3 (3), Kegiatan 1 (4).
        let label = |n: usize| match n {
            0 => (0, Some(1)),
            1 => (1, Some(1)),
            2 => (2, Some(1)),
            3 => (2, Some(3)),
            4 | 10 | 13 => (3, Some(1)),
            11 | 14 | 16 => (4, Some(1)),
            12 => (2, Some(2)),
            15 => (1, Some(2)),
            _ => unreachable!(),
        };
        let order = merge_loose_nodes(&[10, 11, 12, 13, 14, 15, 16], &[0, 1, 2, 3, 4], label);
        assert_eq!(order, [0, 1, 2, 10, 11, 12, 13, 14, 15, 3, 4, 16]);
        // A loose node nothing asks for goes last; a child numbered 2
        // continues its parent and pulls nothing.
        let label = |n: usize| match n {
            0 => (2, Some(1)),
            1 => (3, Some(2)),
            2 => (4, Some(1)),
            _ => unreachable!(),
        };
        assert_eq!(merge_loose_nodes(&[1], &[2, 0], label), [1, 2, 0]);
    }
}

#[cfg(test)]
mod slip_tests {
    use super::*;
    use super::super::values::Mode;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_lost_value_row_and_small_budgets_mark_the_span() {
        // Row 0 took "1" (the NO column) as its budget, row 1 took the
        // first value of a row whose unit was lost: rows 0..=1 slipped.
        let roles = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget];
        let free = s(&["1", "78,5", "-", "-", "-", "78,5"]);
        let solved = Solved {
            rows: vec![s(&["74,12", "-", "-", "-", "74,12", "1"]), s(&["82,5", "-", "-", "-", "82,5", "78,5"]), s(&["85", "20", "45", "65", "85", "12.450.000.000"])],
            confirmed: vec![true; 3],
            stray: 0,
            mode: Mode::Cumulative,
            owner: vec![Some(0), Some(1), Some(1), None, None, None],
        };
        assert_eq!(slipped_rows(&solved, &free, &roles), vec![0, 1]);
        // Two rows sharing a run as their targets slipped nothing.
        let free = s(&["100", "0", "0", "50", "100"]);
        let solved = Solved { rows: vec![s(&["100", "", "", "", "", ""]), s(&["100", "0", "0", "50", "100", "-"])], confirmed: vec![true; 2], stray: 0, mode: Mode::Cumulative, owner: vec![Some(0), Some(1), Some(1), Some(1), Some(1)] };
        assert!(slipped_rows(&solved, &free, &roles).is_empty());
    }
}
