//! Targets of scrambled rows: which value belongs to which row and column.
//!
//! A flow dump may print a row's target next to its unit and its quarters
//! pages later ("Prosentase 100" ... "0 33,33 66,67 100"), cut a row's
//! values in two runs, or print a wrapped value cell after its neighbours.
//! What stays is the order of the rows and the plan's own arithmetic: in a
//! cumulative plan the quarters never fall and TW IV equals the target, in
//! an incremental one the quarters add up to the target. Rows are matched
//! to the value stream in order, and the arithmetic tells where a row's
//! values end, which run completes a row cut in two, and which stray number
//! (a label's number printed on its own line) belongs to no row.

use crate::parse::number::{parse_value, Value};

/// How the quarters relate to the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// TW I..IV are running totals: they never fall and TW IV is the target.
    Cumulative,
    /// TW I..IV add up to the target.
    Incremental,
}

/// One row's values as found next to its unit ("Persen 90% 45% ..."), in
/// the order printed.
#[derive(Debug, Clone, Default)]
pub(super) struct RowValues {
    pub inline: Vec<String>,
}

/// The values of every row, in column order (`cap` columns; "" for a cell
/// left blank), and per row whether the arithmetic confirmed them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Solved {
    pub rows: Vec<Vec<String>>,
    pub confirmed: Vec<bool>,
    /// Free values no row took.
    pub stray: usize,
    pub mode: Mode,
    /// Per free value, the row that took it.
    pub owner: Vec<Option<usize>>,
}

fn num(v: &str) -> Option<f64> {
    // The search reads the same few cells over and over: keep them parsed.
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<String, Option<f64>>> = std::cell::RefCell::new(std::collections::HashMap::new());
    }
    CACHE.with(|c| {
        if let Some(n) = c.borrow().get(v) {
            return *n;
        }
        let n = match parse_value(v) {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        };
        let mut map = c.borrow_mut();
        if map.len() > 10_000 {
            map.clear();
        }
        map.insert(v.to_string(), n);
        n
    })
}

fn same(a: &str, b: &str) -> bool {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-6,
        (None, None) => a.trim_end_matches('%') == b.trim_end_matches('%'),
        _ => false,
    }
}

/// True when a full row (target, TW I..IV in this order) obeys the mode.
/// Only the first five columns are checked (a budget column may follow).
fn obeys(vals: &[String], mode: Mode) -> bool {
    if vals.len() < 5 {
        return false;
    }
    let nums: Option<Vec<f64>> = vals[..5].iter().map(|v| num(v)).collect();
    let Some(n) = nums else {
        // Text targets ("BB"): the year's target is TW IV's.
        return same(&vals[0], &vals[4]);
    };
    let t = n[0];
    let q = &n[1..5];
    let tol = 0.011 * (1.0 + t.abs() / 100.0);
    match mode {
        Mode::Cumulative => q.windows(2).all(|w| w[0] <= w[1] + 1e-9) && (q[3] - t).abs() < 1e-6 && t > 0.0,
        Mode::Incremental => {
            let s: f64 = q.iter().sum();
            (s - t).abs() <= tol && q.iter().any(|x| *x > 0.0)
        }
    }
}

/// True when a row (target, TW I..IV) obeys either arithmetic, or is a
/// target with only TW IV beside it.
pub(super) fn row_obeys(vals: &[String]) -> bool {
    if vals.len() < 5 || vals[0].is_empty() {
        return false;
    }
    obeys(vals, Mode::Cumulative) || obeys(vals, Mode::Incremental) || (vals[1..4].iter().all(|v| v.is_empty()) && same(&vals[0], &vals[4]))
}

/// The best arrangement of a row's inline values `a` and taken values `b`:
/// the two sequences interleaved (each keeps its order), or, for a
/// cumulative plan, sorted (a wrapped cell printed after its neighbours).
/// Returns the arrangement and its score.
fn arrange(a: &[String], b: &[String], cap: usize, mode: Mode) -> (Vec<String>, f64) {
    let total = a.len() + b.len();
    if total == cap && cap >= 5 {
        let plain_seq: Vec<String> = a.iter().chain(b.iter()).cloned().collect();
        if obeys(&plain_seq, mode) {
            return (plain_seq, 3.0);
        }
        // Interleavings, plain order first.
        let mut best: Option<Vec<String>> = None;
        let k = b.len();
        // Plain order (all of a, then b) first, then every other interleaving.
        let plain: u32 = ((1u32 << k) - 1) << a.len();
        let masks: Vec<u32> = std::iter::once(plain)
            .chain((0..(1u32 << total)).filter(|m| m.count_ones() as usize == k && *m != plain))
            .collect();
        for m in masks {
            let mut ai = a.iter();
            let mut bi = b.iter();
            let seq: Vec<String> = (0..total).map(|p| if m & (1 << p) != 0 { bi.next() } else { ai.next() }.cloned().unwrap_or_default()).collect();
            if obeys(&seq, mode) {
                best = Some(seq);
                break;
            }
        }
        if let Some(s) = best {
            let plain = a.iter().chain(b.iter()).cloned().collect::<Vec<_>>() == s;
            return (s, if plain { 3.0 } else { 2.6 });
        }
        if mode == Mode::Cumulative && cap == 5 {
            let mut all: Vec<String> = a.iter().chain(b.iter()).cloned().collect();
            if all.iter().all(|v| num(v).is_some()) {
                all.sort_by(|x, y| num(x).partial_cmp(&num(y)).unwrap_or(std::cmp::Ordering::Equal));
                let t = all[4].clone();
                let mut seq = vec![t];
                seq.extend(all[..4].iter().cloned());
                if obeys(&seq, mode) {
                    return (seq, 2.0);
                }
            }
        }
        let seq: Vec<String> = a.iter().chain(b.iter()).cloned().collect();
        return (seq, -1.0);
    }
    let seq: Vec<String> = a.iter().chain(b.iter()).cloned().collect();
    // Two values: a target and TW IV with the quarters left blank ("A" ..
    // "A"); likelier with a text target than with numbers.
    if seq.len() == 2 && cap >= 5 && same(&seq[0], &seq[1]) {
        let score = if num(&seq[0]).is_none() { 2.0 } else { 1.0 };
        return (seq, score);
    }
    let score = if seq.is_empty() { -2.0 } else { -1.5 };
    (seq, score)
}

/// Spreads a two-value row over target and TW IV, a full row over its
/// columns; anything else fills from the left and stays unconfirmed.
fn place(seq: &[String], cap: usize) -> Vec<String> {
    let mut out = vec![String::new(); cap];
    if seq.len() == 2 && cap >= 5 && same(&seq[0], &seq[1]) {
        out[0] = seq[0].clone();
        out[4] = seq[1].clone();
        return out;
    }
    for (o, v) in out.iter_mut().zip(seq) {
        *o = v.clone();
    }
    out
}

/// A search state: where the free stream is read up to, and the rows cut
/// in two waiting for the rest of their values (at most [`MAX_PENDING`]).
#[derive(Clone)]
struct State {
    score: f64,
    p: usize,
    pending: Vec<(usize, Vec<String>)>,
    /// Index of the step that led here, for reading the answer back.
    step: usize,
}

/// What a step did.
#[derive(Clone)]
enum Act {
    Start,
    /// A free value no row takes.
    Skip,
    /// Row `row` got these values (confirmed or not).
    Row { row: usize, vals: Vec<String>, ok: bool, from: usize, len: usize },
    /// The pending row `row` was completed.
    Complete { row: usize, vals: Vec<String>, from: usize, len: usize },
}

/// Penalty for a free value no row takes.
const STRAY: f64 = 0.8;
/// Bonus per value for leaving a row cut in two, so that a row takes the
/// run at hand rather than leave it to be swept up as strays.
const PENDING_OPEN: f64 = 0.3;
/// A row completed from two runs gives back the bonus it got for its
/// first run and a little more, so that a row read in one run is always
/// preferred to the same row read in two.
fn completion_cost(first_run: usize) -> f64 {
    PENDING_OPEN * first_run as f64 + 0.3
}

/// At most this many free values are passed over before a row.
const MAX_SKIP: usize = 8;
/// Rows cut in two at once: two neighbours whose cells share a block of
/// values ("33,33% 66,67" / "0%" / "50%" holds TW II and III of two rows).
const MAX_PENDING: usize = 2;
const BEAM: usize = 96;

/// Assigns the value stream to the rows. `free` are the values not printed
/// next to a unit, in reading order.
pub(super) fn solve(rows: &[RowValues], free: &[String], cap: usize) -> Solved {
    let (a, sa) = solve_mode(rows, free, cap, Mode::Cumulative);
    let (b, sb) = solve_mode(rows, free, cap, Mode::Incremental);
    if sb > sa {
        b
    } else {
        a
    }
}

/// States are merged when they read the stream up to the same place and
/// wait on the same rows with the same values (what they may still
/// become depends on those values).
type Key = (usize, Vec<(usize, Vec<String>)>);

fn key(s: &State) -> Key {
    (s.p, s.pending.clone())
}

fn keep_best(map: &mut std::collections::BTreeMap<Key, State>, s: State) {
    let k = key(&s);
    if map.get(&k).is_none_or(|o| o.score < s.score) {
        map.insert(k, s);
    }
}

fn solve_mode(rows: &[RowValues], free: &[String], cap: usize, mode: Mode) -> (Solved, f64) {
    let cap = cap.max(1);
    let mut steps: Vec<(usize, Act)> = vec![(0, Act::Start)];
    let mut beam: Vec<State> = vec![State { score: 0.0, p: 0, pending: Vec::new(), step: 0 }];
    let step = |steps: &mut Vec<(usize, Act)>, parent: usize, act: Act| -> usize {
        steps.push((parent, act));
        steps.len() - 1
    };
    // Moves taken between rows: pass over a stray value, or complete a
    // pending row with the values at hand. Returns the states reached.
    let between = |beam: Vec<State>, steps: &mut Vec<(usize, Act)>| -> std::collections::BTreeMap<Key, State> {
        let mut ready: std::collections::BTreeMap<Key, State> = std::collections::BTreeMap::new();
        let mut cur: Vec<State> = beam;
        for round in 0..=(MAX_SKIP + MAX_PENDING) {
            let mut next = Vec::new();
            for s in cur {
                // The older of two cut rows is completed first.
                for (idx, (pr, pv)) in s.pending.iter().enumerate().take(1) {
                    let m = cap.saturating_sub(pv.len());
                    for take in 1..=m.min(free.len() - s.p) {
                        let (seq, sc) = arrange(pv, &free[s.p..s.p + take], cap, mode);
                        if sc > 0.0 {
                            let st = step(steps, s.step, Act::Complete { row: *pr, vals: place(&seq, cap), from: s.p, len: take });
                            let mut pending = s.pending.clone();
                            pending.remove(idx);
                            next.push(State { score: s.score + sc - completion_cost(pv.len()), p: s.p + take, pending, step: st });
                        }
                    }
                }
                if s.p < free.len() && round < MAX_SKIP {
                    let st = step(steps, s.step, Act::Skip);
                    next.push(State { score: s.score - STRAY, p: s.p + 1, pending: s.pending.clone(), step: st });
                }
                keep_best(&mut ready, s);
            }
            if next.is_empty() {
                break;
            }
            // Keep the frontier small: the best state per key.
            let mut dedup: std::collections::BTreeMap<Key, State> = std::collections::BTreeMap::new();
            for s in next {
                keep_best(&mut dedup, s);
            }
            cur = dedup.into_values().collect();
        }
        ready
    };
    for (k, row) in rows.iter().enumerate() {
        let inline: Vec<String> = row.inline.iter().take(cap).cloned().collect();
        let need = cap - inline.len();
        let ready = between(std::mem::take(&mut beam), &mut steps);
        let mut next: std::collections::BTreeMap<Key, State> = std::collections::BTreeMap::new();
        for s in ready.into_values() {
            for take in 0..=need.min(free.len() - s.p) {
                let got = &free[s.p..s.p + take];
                let (seq, sc) = arrange(&inline, got, cap, mode);
                if sc > 0.0 {
                    let st = step(&mut steps, s.step, Act::Row { row: k, vals: place(&seq, cap), ok: true, from: s.p, len: take });
                    keep_best(&mut next, State { score: s.score + sc, p: s.p + take, pending: s.pending.clone(), step: st });
                } else if !seq.is_empty() && seq.len() < cap && (s.pending.is_empty() || (s.pending.len() < MAX_PENDING && s.pending[0].0 + 1 == k)) {
                    // A second row cut in two only right under the first.
                    // Cut in two: the rest comes later.
                    let st = step(&mut steps, s.step, Act::Row { row: k, vals: place(&seq, cap), ok: false, from: s.p, len: take });
                    let mut pending = s.pending.clone();
                    pending.push((k, seq));
                    keep_best(&mut next, State { score: s.score + PENDING_OPEN * take as f64, p: s.p + take, pending, step: st });
                } else {
                    let st = step(&mut steps, s.step, Act::Row { row: k, vals: place(&seq, cap), ok: false, from: s.p, len: take });
                    keep_best(&mut next, State { score: s.score + sc, p: s.p + take, pending: s.pending.clone(), step: st });
                }
            }
        }
        let mut all: Vec<State> = next.into_values().collect();
        all.sort_by(|x, y| y.score.partial_cmp(&x.score).unwrap_or(std::cmp::Ordering::Equal));
        all.truncate(BEAM);
        beam = all;
    }
    // After the last row: complete pending rows from what is left (values
    // may be passed over anywhere now); the rest is stray.
    let mut finals: Vec<State> = Vec::new();
    let mut frontier = beam;
    for _ in 0..=MAX_PENDING {
        let mut grown = Vec::new();
        for s in &frontier {
            for (idx, (pr, pv)) in s.pending.iter().enumerate().take(1) {
                let m = cap.saturating_sub(pv.len());
                for start in s.p..free.len() {
                    for take in 1..=m.min(free.len() - start) {
                        let (seq, sc) = arrange(pv, &free[start..start + take], cap, mode);
                        if sc > 0.0 {
                            let skipped = start - s.p;
                            let st = step(&mut steps, s.step, Act::Complete { row: *pr, vals: place(&seq, cap), from: start, len: take });
                            let mut pending = s.pending.clone();
                            pending.remove(idx);
                            // The values passed over before it are strays.
                            let mut t = State { score: s.score + sc - completion_cost(pv.len()) - STRAY * skipped as f64, p: start + take, pending, step: st };
                            for _ in 0..skipped {
                                t.step = step(&mut steps, t.step, Act::Skip);
                            }
                            grown.push(t);
                        }
                    }
                }
            }
        }
        finals.extend(frontier);
        if grown.is_empty() {
            break;
        }
        frontier = grown;
    }
    let mut best: Option<(State, usize)> = None;
    for s in finals {
        let left = free.len() - s.p;
        let score = s.score - STRAY * left as f64;
        if best.as_ref().is_none_or(|b| score > b.0.score) {
            best = Some((State { score, ..s }, left));
        }
    }
    let mut out_rows: Vec<Vec<String>> = vec![vec![String::new(); cap]; rows.len()];
    let mut confirmed = vec![false; rows.len()];
    let mut stray = 0;
    let mut owner: Vec<Option<usize>> = vec![None; free.len()];
    if let Some((b, tail)) = &best {
        stray += tail;
        let mut i = b.step;
        // Walk back; a completion is met before (later than) the row's first half.
        let mut completed = vec![false; rows.len()];
        while i != 0 {
            let (parent, act) = &steps[i];
            match act {
                Act::Skip => stray += 1,
                Act::Complete { row, vals, from, len } => {
                    owner[*from..*from + *len].iter_mut().for_each(|o| *o = Some(*row));
                    out_rows[*row] = vals.clone();
                    confirmed[*row] = true;
                    completed[*row] = true;
                }
                Act::Row { row, vals, ok, from, len } => {
                    owner[*from..*from + *len].iter_mut().for_each(|o| *o = Some(*row));
                    if !completed[*row] {
                        out_rows[*row] = vals.clone();
                        confirmed[*row] = *ok;
                    }
                }
                Act::Start => {}
            }
            i = *parent;
        }
    }
    let score = best.as_ref().map(|b| b.0.score).unwrap_or(f64::NEG_INFINITY);
    (Solved { rows: out_rows, confirmed, stray, mode, owner }, score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    fn rows(inl: &[&[&str]]) -> Vec<RowValues> {
        inl.iter().map(|r| RowValues { inline: s(r) }).collect()
    }

    #[test]
    fn target_beside_unit_quarters_later() {
        // "Prosentase 100" ... "Persen 18,81": targets by their units, the
        // quarters of both rows in one later run.
        let r = rows(&[&["100"], &["18,81"]]);
        let out = solve(&r, &s(&["0", "33,33", "66,67", "100", "0", "6,27", "12,54", "18,81"]), 5);
        assert_eq!(out.rows[0], s(&["100", "0", "33,33", "66,67", "100"]));
        assert_eq!(out.rows[1], s(&["18,81", "0", "6,27", "12,54", "18,81"]));
        assert_eq!(out.stray, 0);
    }

    #[test]
    fn text_targets_and_a_row_cut_in_two() {
        // "A A" (target and TW IV only), then a row whose TW IV is printed
        // after the next row's values.
        let r = rows(&[&[], &[], &[]]);
        let free = s(&["A", "A", "62,8", "15,7", "31,4", "47,1", "100%", "0%", "33,33%", "66,67%", "100%", "62,8"]);
        let out = solve(&r, &free, 5);
        assert_eq!(out.rows[0], s(&["A", "", "", "", "A"]));
        assert_eq!(out.rows[1], s(&["62,8", "15,7", "31,4", "47,1", "62,8"]));
        assert_eq!(out.rows[2], s(&["100%", "0%", "33,33%", "66,67%", "100%"]));
        assert!(out.confirmed.iter().all(|c| *c));
    }

    #[test]
    fn wrapped_value_printed_first_and_incremental_plans() {
        // "22,5" printed above "Persen 90% 45% 67,5% 90%".
        let out = solve(&rows(&[&["90%", "45%", "67,5%", "90%"]]), &s(&["22,5"]), 5);
        assert_eq!(out.rows[0], s(&["90%", "22,5", "45%", "67,5%", "90%"]));
        // Quarters adding up to the target.
        let out = solve(&rows(&[&[], &[]]), &s(&["98,3", "24,57", "24,57", "24,57", "24,59", "4", "1", "1", "1", "1"]), 5);
        assert_eq!(out.mode, Mode::Incremental);
        assert_eq!(out.rows[1], s(&["4", "1", "1", "1", "1"]));
    }

    #[test]
    fn a_stray_label_number_is_left_out() {
        // "Buah 5" then "2" (the next label's number) then the quarters.
        let out = solve(&rows(&[&["5"]]), &s(&["2", "0", "1,67", "3,33", "5"]), 5);
        assert_eq!(out.rows[0], s(&["5", "0", "1,67", "3,33", "5"]));
        assert_eq!(out.stray, 1);
    }
}
