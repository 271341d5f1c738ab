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
//!
//! The search works on interned values ([`Pool`]): a state is a handful of
//! integers, so the beam costs no string copies or hashing.

use crate::parse::number::{parse_value, Value};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

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

/// An interned value.
type Id = u32;

/// The most value columns a row has: the target, four quarters and a
/// budget (see `recover::column_roles`), with room to spare.
const MAX_CAP: usize = 8;

/// A short list held inline, at most `N` long: search states and steps are
/// copied by the thousand, and a `Vec` each would make the allocator the
/// search's main cost. Equal, hashed and ordered as its slice is (the
/// search breaks ties in that order).
#[derive(Clone, Copy)]
struct Inline<T: Copy, const N: usize> {
    len: u8,
    items: [T; N],
}

impl<T: Copy, const N: usize> Inline<T, N> {
    const fn empty(filler: T) -> Self {
        Inline { len: 0, items: [filler; N] }
    }

    fn push(&mut self, v: T) {
        self.items[self.len as usize] = v;
        self.len += 1;
    }

    fn pushed(mut self, v: T) -> Self {
        self.push(v);
        self
    }

    fn as_slice(&self) -> &[T] {
        &self.items[..self.len as usize]
    }

    fn first(&self) -> Option<&T> {
        self.as_slice().first()
    }

    fn len(&self) -> usize {
        self.len as usize
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<T: Copy + PartialEq, const N: usize> PartialEq for Inline<T, N> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Copy + Eq, const N: usize> Eq for Inline<T, N> {}

impl<T: Copy + std::hash::Hash, const N: usize> std::hash::Hash for Inline<T, N> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_slice().hash(h)
    }
}

impl<T: Copy + Ord, const N: usize> Ord for Inline<T, N> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl<T: Copy + Ord, const N: usize> PartialOrd for Inline<T, N> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// A row's values, interned.
type Seq = Inline<Id, MAX_CAP>;

impl Seq {
    const EMPTY: Seq = Inline::empty(0);

    fn from_slice(ids: &[Id]) -> Seq {
        ids.iter().take(MAX_CAP).fold(Seq::EMPTY, |s, v| s.pushed(*v))
    }
}

/// The distinct values of one search, each parsed once. Ids are ranks in
/// string order, so a sequence of ids sorts as its strings would: states
/// the search keys on sequences meet in the same order as they would keyed
/// on the strings, and ties break the same way.
struct Pool<'a> {
    text: Vec<&'a str>,
    num: Vec<Option<f64>>,
    /// Blank cells printed as a dash (parsed once: the search asks often).
    dash: Vec<bool>,
}

impl<'a> Pool<'a> {
    fn new(values: impl Iterator<Item = &'a str>) -> Pool<'a> {
        let mut text: Vec<&str> = values.collect();
        text.sort_unstable();
        text.dedup();
        let parsed: Vec<Value> = text.iter().map(|v| parse_value(v)).collect();
        let num = parsed
            .iter()
            .map(|v| match v {
                Value::Number(n) => n.parse().ok(),
                _ => None,
            })
            .collect();
        let dash = parsed.iter().map(|v| matches!(v, Value::Empty)).collect();
        Pool { text, num, dash }
    }

    /// The pool of the free values and the rows' inline values, with
    /// both as ids: (pool, free values, each row's inline values).
    fn interning(rows: &'a [RowValues], free: &'a [String]) -> (Pool<'a>, Vec<Id>, Vec<Vec<Id>>) {
        let pool = Pool::new(free.iter().chain(rows.iter().flat_map(|r| &r.inline)).map(String::as_str));
        let (free_ids, inline) = (pool.ids(free), rows.iter().map(|r| pool.ids(&r.inline)).collect());
        (pool, free_ids, inline)
    }

    fn id(&self, v: &str) -> Id {
        self.text.binary_search(&v).expect("every value is interned") as Id
    }

    fn ids(&self, vs: &[String]) -> Vec<Id> {
        vs.iter().map(|v| self.id(v)).collect()
    }

    fn num(&self, v: Id) -> Option<f64> {
        self.num[v as usize]
    }

    /// A blank cell printed as a dash.
    fn is_dash(&self, v: Id) -> bool {
        self.dash[v as usize]
    }

    fn same(&self, a: Id, b: Id) -> bool {
        match (self.num(a), self.num(b)) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-6,
            (None, None) => self.text[a as usize].trim_end_matches('%') == self.text[b as usize].trim_end_matches('%'),
            _ => false,
        }
    }

    /// True when a full row (target, TW I..IV in this order) obeys the
    /// mode. Only the first five columns are checked (a budget column may
    /// follow).
    fn obeys(&self, vals: &[Id], mode: Mode) -> bool {
        if vals.len() < 5 {
            return false;
        }
        let mut n = [0.0f64; 5];
        for (k, (slot, v)) in n.iter_mut().zip(vals).enumerate() {
            match self.num(*v) {
                Some(x) => *slot = x,
                // A dash quarter beside numbered ones is a quarter with
                // nothing in it ("150 - 50 50 50").
                None if k >= 1 && self.is_dash(*v) && self.num(vals[0]).is_some() && vals[1..5].iter().any(|q| self.num(*q).is_some()) => *slot = 0.0,
                // Text targets ("BB"): the year's target is TW IV's. A dash
                // is no target, and numbered quarters under a text target
                // are another row's: neither confirms a row.
                None => return !self.is_dash(vals[0]) && self.same(vals[0], vals[4]) && vals[1..4].iter().all(|v| self.num(*v).is_none()),
            }
        }
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

    /// The best arrangement of a row's inline values `a` and taken values
    /// `b`: the two sequences interleaved (each keeps its order), or, for a
    /// cumulative plan, sorted (a wrapped cell printed after its
    /// neighbours). Returns the arrangement and its score.
    fn arrange(&self, a: &[Id], b: &[Id], cap: usize, mode: Mode) -> (Seq, f64) {
        let mut plain = Seq::from_slice(a);
        b.iter().for_each(|v| plain.push(*v));
        let total = plain.len();
        if total == cap && cap >= 5 {
            if self.obeys(plain.as_slice(), mode) {
                return (plain, 3.0);
            }
            // Every other interleaving, in mask order.
            let k = b.len();
            let plain_mask: u32 = ((1u32 << k) - 1) << a.len();
            for m in (0..(1u32 << total)).filter(|m| m.count_ones() as usize == k && *m != plain_mask) {
                let mut seq = Seq::EMPTY;
                let (mut ai, mut bi) = (a.iter(), b.iter());
                (0..total).for_each(|p| seq.push(*if m & (1 << p) != 0 { bi.next() } else { ai.next() }.expect("counts match")));
                if self.obeys(seq.as_slice(), mode) {
                    return (seq, 2.6);
                }
            }
            if mode == Mode::Cumulative && cap == 5 && plain.as_slice().iter().all(|v| self.num(*v).is_some()) {
                let mut all = plain;
                all.items[..total].sort_by(|x, y| self.num(*x).partial_cmp(&self.num(*y)).unwrap_or(std::cmp::Ordering::Equal));
                let mut seq = Seq::from_slice(&[all.items[4]]);
                all.items[..4].iter().for_each(|v| seq.push(*v));
                if self.obeys(seq.as_slice(), mode) {
                    return (seq, 2.0);
                }
            }
            return (plain, -1.0);
        }
        // A target and four quarters that obey, with the budget cell after
        // them left blank (a row with no budget of its own: a sasaran's);
        // a little below a row that has all its cells.
        if total + 1 == cap && total == 5 && self.obeys(plain.as_slice(), mode) {
            return (plain, 2.8);
        }
        // Two values: a target and TW IV with the quarters left blank ("A"
        // .. "A"); likelier with a text target than with numbers.
        if total == 2 && cap >= 5 && self.same(plain.items[0], plain.items[1]) {
            let score = if self.num(plain.items[0]).is_none() { 2.0 } else { 1.0 };
            return (plain, score);
        }
        let score = if plain.is_empty() { -2.0 } else { -1.5 };
        (plain, score)
    }

    /// Spreads a two-value row over target and TW IV, a full row over its
    /// columns; anything else fills from the left and stays unconfirmed.
    fn place(&self, seq: &[Id], cap: usize) -> Vec<String> {
        let mut out = vec![String::new(); cap];
        if seq.len() == 2 && cap >= 5 && self.same(seq[0], seq[1]) {
            out[0] = self.text[seq[0] as usize].to_string();
            out[4] = self.text[seq[1] as usize].to_string();
            return out;
        }
        for (o, v) in out.iter_mut().zip(seq) {
            *o = self.text[*v as usize].to_string();
        }
        out
    }
}

/// True when a row (target, TW I..IV) obeys either arithmetic, or is a
/// target with only TW IV beside it.
pub(super) fn row_obeys(vals: &[String]) -> bool {
    if vals.len() < 5 || vals[0].is_empty() {
        return false;
    }
    let pool = Pool::new(vals.iter().map(String::as_str));
    let v = pool.ids(vals);
    pool.obeys(&v, Mode::Cumulative) || pool.obeys(&v, Mode::Incremental) || (vals[1..4].iter().all(|v| v.is_empty()) && pool.same(v[0], v[4]))
}

/// A row cut in two, waiting for the rest of its values: the row and what
/// it has so far.
type Pending = (usize, Seq);

/// The rows cut in two that a state waits on, oldest first (at most
/// [`MAX_PENDING`]).
type Pendings = Inline<Pending, MAX_PENDING>;

impl Pendings {
    const NONE: Pendings = Inline::empty((0, Seq::EMPTY));

    /// Without the oldest.
    fn rest(&self) -> Pendings {
        self.as_slice()[1..].iter().fold(Pendings::NONE, |acc, p| acc.pushed(*p))
    }
}

/// An interned [`Pendings`]; [`PendingTable::NONE`] waits on no row.
type PendingId = u32;

/// The distinct sets of rows cut in two a search meets, interned, so that
/// a state is a few words and comparing two is comparing integers (equal
/// sets have equal ids); their order is still the sets' own.
#[derive(Default)]
struct PendingTable {
    sets: Vec<Pendings>,
    ids: FxHashMap<Pendings, PendingId>,
    /// Per set, the id of the set without its oldest row, once asked.
    rest: Vec<Option<PendingId>>,
}

impl PendingTable {
    const NONE: PendingId = 0;

    fn new() -> PendingTable {
        let mut t = PendingTable { sets: Vec::new(), ids: FxHashMap::default(), rest: Vec::new() };
        t.intern(Pendings::NONE);
        t
    }

    /// Empty again but for [`PendingTable::NONE`], keeping its memory (a
    /// table never used, the default, is made ready so too).
    fn clear(&mut self) {
        self.sets.clear();
        self.ids.clear();
        self.rest.clear();
        self.intern(Pendings::NONE);
    }

    fn intern(&mut self, set: Pendings) -> PendingId {
        if let Some(id) = self.ids.get(&set) {
            return *id;
        }
        let id = self.sets.len() as PendingId;
        self.sets.push(set);
        self.rest.push(None);
        self.ids.insert(set, id);
        id
    }

    fn get(&self, id: PendingId) -> &Pendings {
        &self.sets[id as usize]
    }

    fn pushed(&mut self, id: PendingId, p: Pending) -> PendingId {
        let set = self.get(id).pushed(p);
        self.intern(set)
    }

    fn rest(&mut self, id: PendingId) -> PendingId {
        if let Some(r) = self.rest[id as usize] {
            return r;
        }
        let r = self.intern(self.get(id).rest());
        self.rest[id as usize] = Some(r);
        r
    }

    /// States in (place, pending) order.
    fn by_key(&self, x: &State, y: &State) -> std::cmp::Ordering {
        x.p.cmp(&y.p).then_with(|| if x.pending == y.pending { std::cmp::Ordering::Equal } else { self.get(x.pending).cmp(self.get(y.pending)) })
    }
}

/// A search state: where the free stream is read up to, and the rows cut
/// in two waiting for the rest of their values.
#[derive(Clone, Copy)]
struct State {
    score: f64,
    p: usize,
    /// The rows cut in two it waits on, interned in [`PendingTable`].
    pending: PendingId,
    /// Index of the last step recorded on the way here, for reading the
    /// answer back.
    step: usize,
    /// The move from that step to here, not yet recorded: most states are
    /// dropped for a better one with the same key, and only a state that
    /// goes on ([`Search::record`]) leaves a step.
    act: Act,
}

impl State {
    fn start() -> State {
        State { score: 0.0, p: 0, pending: PendingTable::NONE, step: 0, act: Act::Start }
    }
}

/// What a step did. The values a row got are not kept: they are its
/// arrangement ([`Pool::arrange`]) of the values it took, worked out again
/// for the answer alone ([`Search::read_back`]).
#[derive(Clone, Copy)]
enum Act {
    /// No move: the state is the step it points at.
    Start,
    /// A free value no row takes.
    Skip,
    /// That many free values no row takes, passed over at once (after the
    /// last row, where a completion may start anywhere: one step, not one
    /// per value, or a long stream's steps grow by its length squared).
    Skips(usize),
    /// Row `row` took `len` free values from `from` (confirmed or not).
    Row { row: u32, ok: bool, from: u32, len: u8 },
    /// The pending row `row` was completed with `len` free values from `from`.
    Complete { row: u32, from: u32, len: u8 },
}

/// Penalty for a free value no row takes.
const STRAY: f64 = 0.8;
/// Bonus per value for leaving a row cut in two, so that a row takes the
/// run at hand rather than leave it to be swept up as strays.
const PENDING_OPEN: f64 = 0.3;
/// A row completed from two runs gives back the bonus it got for its
/// first run and a little more, so that a row read in one run is always
/// preferred to the same row read in two.
const fn completion_cost(first_run: usize) -> f64 {
    PENDING_OPEN * first_run as f64 + 0.3
}

/// At most this many free values are passed over before a row.
const MAX_SKIP: usize = 8;
/// Rows cut in two at once: two neighbours whose cells share a block of
/// values ("33,33% 66,67" / "0%" / "50%" holds TW II and III of two rows).
const MAX_PENDING: usize = 2;
const BEAM: usize = 96;
/// The beam of the search run first for a score to beat (see [`solve`]).
const NARROW_BEAM: usize = 4;
/// Scores are sums of tenths: a state that can reach the narrow search's
/// score exactly must not be dropped for a rounding error.
const SCORE_EPSILON: f64 = 1e-6;

/// Assigns the value stream to the rows. `free` are the values not printed
/// next to a unit, in reading order.
pub(super) fn solve(rows: &[RowValues], free: &[String], cap: usize) -> Solved {
    // A row's values are held inline (`Seq`); the callers' rows have five
    // or six value columns.
    let cap = cap.min(MAX_CAP);
    let (pool, free_ids, inline) = Pool::interning(rows, free);
    for mode in [Mode::Cumulative, Mode::Incremental] {
        if let Some(solved) = in_order(&pool, &inline, &free_ids, cap, mode) {
            return solved;
        }
    }
    // A narrow search first: its score is one the full search must reach,
    // so the full search drops every state that cannot (most of a long
    // scrambled stream's states: the corpus flow dumps convert 1.6 to 1.8
    // times faster, with the same output). Beam search is not
    // monotone in its width: should the full search end lower, the narrow
    // answer stands.
    let (narrow, narrow_score) = Search::new(&pool, &inline, &free_ids, cap, Mode::Cumulative).narrow(NARROW_BEAM).run();
    let (a, sa) = Search::new(&pool, &inline, &free_ids, cap, Mode::Cumulative).beating(narrow_score - SCORE_EPSILON).run();
    let (a, sa) = if sa >= narrow_score { (a, sa) } else { (narrow, narrow_score) };
    // The other arithmetic wins only by scoring higher: its states that
    // cannot are dropped as soon as they are made.
    let (b, sb) = Search::new(&pool, &inline, &free_ids, cap, Mode::Incremental).beating(sa).run();
    if sb > sa {
        b
    } else {
        a
    }
}

/// The reading of a dump that kept its rows in order: each row takes the
/// next values it needs and every row obeys the arithmetic as printed, with
/// no value left over. Nothing scores higher, and the partition is forced,
/// so the search would find the same answer; most in-order dumps end here.
fn in_order(pool: &Pool, inline: &[Vec<Id>], free: &[Id], cap: usize, mode: Mode) -> Option<Solved> {
    let mut p = 0;
    let mut rows = Vec::with_capacity(inline.len());
    let mut owner = vec![None; free.len()];
    for (k, own) in inline.iter().enumerate() {
        let own = &own[..own.len().min(cap)];
        let take = cap - own.len();
        let got = free.get(p..p + take)?;
        let (seq, score) = pool.arrange(own, got, cap, mode);
        if score < 3.0 {
            return None;
        }
        owner[p..p + take].iter_mut().for_each(|o| *o = Some(k));
        p += take;
        rows.push(pool.place(seq.as_slice(), cap));
    }
    (p == free.len()).then(|| Solved { confirmed: vec![true; rows.len()], rows, stray: 0, mode, owner })
}

/// The best state per key, states merged when they read the stream up to
/// the same place and wait on the same rows with the same values (what
/// they may still become depends on those values). Of the states with one
/// key, the first with the best score is kept; they come out in (place,
/// pending) order, the order ties are broken in.
#[derive(Default)]
struct Frontier {
    states: Vec<State>,
    at: FxHashMap<(usize, PendingId), usize>,
}

impl Frontier {
    fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    fn keep_best(&mut self, s: State) {
        match self.at.entry((s.p, s.pending)) {
            Entry::Occupied(e) => {
                let kept = &mut self.states[*e.get()];
                if kept.score < s.score {
                    *kept = s;
                }
            }
            Entry::Vacant(e) => {
                e.insert(self.states.len());
                self.states.push(s);
            }
        }
    }

    fn into_states(mut self, table: &PendingTable) -> Vec<State> {
        self.states.sort_unstable_by(|x, y| table.by_key(x, y));
        self.states
    }

    /// Keeps only the states `keep` says (the key index is not kept up to
    /// date: the frontier takes no more states).
    fn retain(&mut self, keep: impl FnMut(&State) -> bool) {
        self.states.retain(keep);
        self.at.clear();
    }

    /// The `n` best states, best first; among equal scores in key order.
    fn into_best(mut self, n: usize, table: &PendingTable) -> Vec<State> {
        let order = |x: &State, y: &State| y.score.partial_cmp(&x.score).unwrap_or(std::cmp::Ordering::Equal).then_with(|| table.by_key(x, y));
        if self.states.len() > n && n > 0 {
            self.states.select_nth_unstable_by(n - 1, order);
        }
        self.states.truncate(n);
        self.states.sort_unstable_by(order);
        self.states
    }
}

/// The most one row adds to a score: read whole, confirmed as printed
/// ([`Pool::arrange`]); a row cut in two gets less in all.
const BEST_ROW: f64 = 3.0;
/// The most completing a pending row adds: its best arrangement less the
/// completion cost of the shortest first run.
const BEST_COMPLETION: f64 = BEST_ROW - completion_cost(1);

/// Steps kept before the first [`Search::forget`]: a plan's usual search
/// never needs one.
const MIN_STEPS_LIMIT: usize = 1 << 18;

/// Arrangements already scored: the search asks for the same row, place
/// and count from many states.
type ArrangeCache = FxHashMap<(Seq, usize, usize), (Seq, f64)>;

/// The tables a search fills (steps, pending sets, arrangements), a few
/// hundred KB to a few MB for a plan. Each search takes the ones the last
/// search on its thread left, emptied: made afresh, they are mapped and
/// unmapped by the allocator for every document (`memory.rs` keeps large
/// blocks out of the heap), and those page faults were a fifth of the time
/// of a flow dump. What a thread keeps is bounded by its largest search.
#[derive(Default)]
struct Tables {
    steps: Vec<(usize, Act)>,
    arranged: ArrangeCache,
    pendings: PendingTable,
}

thread_local! {
    static SPARE_TABLES: std::cell::Cell<Tables> = std::cell::Cell::new(Tables::default());
}

/// One beam search over the value stream under one arithmetic.
struct Search<'p> {
    pool: &'p Pool<'p>,
    inline: &'p [Vec<Id>],
    free: &'p [Id],
    cap: usize,
    mode: Mode,
    /// Every step taken, with its parent, for reading the answer back.
    steps: Vec<(usize, Act)>,
    /// Steps are dropped when they outgrow this (see [`Search::forget`]),
    /// which is then set to twice what is kept, at least `min_steps_limit`.
    steps_limit: usize,
    min_steps_limit: usize,
    arranged: ArrangeCache,
    pendings: PendingTable,
    /// States whose best possible final score is not above this are
    /// dropped: the search's answer is wanted only if it beats this score.
    to_beat: f64,
    /// States kept after each row.
    beam: usize,
}

impl Drop for Search<'_> {
    fn drop(&mut self) {
        SPARE_TABLES.set(Tables { steps: std::mem::take(&mut self.steps), arranged: std::mem::take(&mut self.arranged), pendings: std::mem::take(&mut self.pendings) });
    }
}

impl<'p> Search<'p> {
    fn new(pool: &'p Pool<'p>, inline: &'p [Vec<Id>], free: &'p [Id], cap: usize, mode: Mode) -> Self {
        let Tables { mut steps, mut arranged, mut pendings } = SPARE_TABLES.take();
        steps.clear();
        steps.push((0, Act::Start));
        arranged.clear();
        pendings.clear();
        Search { pool, inline, free, cap: cap.max(1), mode, steps, steps_limit: MIN_STEPS_LIMIT, min_steps_limit: MIN_STEPS_LIMIT, arranged, pendings, to_beat: f64::NEG_INFINITY, beam: BEAM }
    }

    /// Drops the steps no state in `beam` descends from: every candidate
    /// leaves a step, and over a long dump the discarded ones would hold
    /// memory in proportion to rows x candidates (the same for the
    /// interned pending sets and the arrangement cache). A parent's index is
    /// below its children's, so keeping the survivors in order keeps that.
    fn forget(&mut self, beam: &mut [State]) {
        if self.steps.len() <= self.steps_limit {
            return;
        }
        let mut kept = vec![false; self.steps.len()];
        kept[0] = true;
        for s in beam.iter() {
            let mut i = s.step;
            while !kept[i] {
                kept[i] = true;
                i = self.steps[i].0;
            }
        }
        let mut renumbered = vec![0usize; self.steps.len()];
        let mut survivors = Vec::with_capacity(kept.iter().filter(|k| **k).count());
        for (i, step) in std::mem::take(&mut self.steps).into_iter().enumerate() {
            if kept[i] {
                renumbered[i] = survivors.len();
                survivors.push((renumbered[step.0], step.1));
            }
        }
        // The pending sets and arrangements met so far are of places
        // behind: start them afresh (ids are only ever compared for
        // equality, the sets' order is their content's).
        let mut pendings = PendingTable::new();
        for s in beam.iter_mut() {
            s.step = renumbered[s.step];
            s.pending = pendings.intern(*self.pendings.get(s.pending));
        }
        self.pendings = pendings;
        self.arranged.clear();
        self.steps = survivors;
        self.steps_limit = (2 * self.steps.len()).max(self.min_steps_limit);
    }

    /// Row `k`'s values printed beside its unit, as many as it has columns.
    fn own(&self, k: usize) -> Seq {
        Seq::from_slice(&self.inline[k][..self.inline[k].len().min(self.cap)])
    }

    fn step(&mut self, parent: usize, act: Act) -> usize {
        self.steps.push((parent, act));
        self.steps.len() - 1
    }

    /// Records the move that led to `s`, when not yet recorded: `s` goes
    /// on, and the states it leads to point at its step.
    fn record(&mut self, s: &mut State) {
        if !matches!(s.act, Act::Start) {
            s.step = self.step(s.step, s.act);
            s.act = Act::Start;
        }
    }

    fn arrange(&mut self, a: Seq, from: usize, take: usize) -> (Seq, f64) {
        let (pool, free, cap, mode) = (self.pool, self.free, self.cap, self.mode);
        *self.arranged.entry((a, from, take)).or_insert_with(|| pool.arrange(a.as_slice(), &free[from..from + take], cap, mode))
    }

    /// Moves taken between rows: pass over a stray value, or complete a
    /// pending row with the values at hand. Returns the states reached
    /// (after `rows_done` rows), those that cannot beat the score to beat
    /// dropped: a long stream's chains of passed-over values are most of
    /// the states.
    fn between(&mut self, beam: Vec<State>, rows_done: usize) -> Frontier {
        let mut ready = Frontier::default();
        let mut cur: Vec<State> = beam;
        for round in 0..=(MAX_SKIP + MAX_PENDING) {
            let mut next = Frontier::default();
            for mut s in cur {
                self.record(&mut s);
                // The older of two cut rows is completed first.
                if let Some(&(pr, pv)) = self.pendings.get(s.pending).first() {
                    let m = self.cap.saturating_sub(pv.len());
                    for take in 1..=m.min(self.free.len() - s.p) {
                        let (_, sc) = self.arrange(pv, s.p, take);
                        if sc > 0.0 {
                            let act = Act::Complete { row: pr as u32, from: s.p as u32, len: take as u8 };
                            let pending = self.pendings.rest(s.pending);
                            next.keep_best(State { score: s.score + sc - completion_cost(pv.len()), p: s.p + take, pending, step: s.step, act });
                        }
                    }
                }
                if s.p < self.free.len() && round < MAX_SKIP {
                    next.keep_best(State { score: s.score - STRAY, p: s.p + 1, pending: s.pending, step: s.step, act: Act::Skip });
                }
                ready.keep_best(s);
            }
            if self.to_beat > f64::NEG_INFINITY {
                next.retain(|s| self.best_possible(s, rows_done) > self.to_beat);
            }
            if next.is_empty() {
                break;
            }
            // Keep the frontier small: the best state per key.
            cur = next.into_states(&self.pendings);
        }
        ready
    }

    /// A search keeping `beam` states after each row instead of [`BEAM`].
    fn narrow(mut self, beam: usize) -> Self {
        self.beam = beam;
        self
    }

    fn beating(mut self, score: f64) -> Self {
        self.to_beat = score;
        self
    }

    /// The most a state after `rows_done` rows can still reach: every row
    /// left read whole and confirmed, every row it waits on completed.
    fn best_possible(&self, s: &State, rows_done: usize) -> f64 {
        s.score + BEST_ROW * (self.inline.len() - rows_done) as f64 + BEST_COMPLETION * self.pendings.get(s.pending).len() as f64
    }

    fn run(mut self) -> (Solved, f64) {
        let cap = self.cap;
        let mut beam: Vec<State> = vec![State::start()];
        for k in 0..self.inline.len() {
            let inline = self.own(k);
            let need = cap - inline.len();
            let ready = self.between(std::mem::take(&mut beam), k);
            let ready = ready.into_states(&self.pendings);
            let mut next = Frontier::default();
            // This row's arrangements by (place, count): many states share
            // a place, and the places lie in a narrow window of the stream.
            let first = ready.iter().map(|s| s.p).min().unwrap_or(0);
            let last = ready.iter().map(|s| s.p).max().unwrap_or(0);
            let mut arranged: Vec<Option<(Seq, f64)>> = vec![None; (last - first + 1) * (need + 1)];
            // The pending sets this row leads to, by (set waited on, place,
            // count): the row's cut half is fixed by place and count, and
            // interning a set hashes all its values.
            let mut cut: FxHashMap<(PendingId, usize, usize), PendingId> = FxHashMap::default();
            for mut s in ready {
                self.record(&mut s);
                for take in 0..=need.min(self.free.len() - s.p) {
                    let (pool, free, mode) = (self.pool, self.free, self.mode);
                    let (seq, sc) = *arranged[(s.p - first) * (need + 1) + take].get_or_insert_with(|| pool.arrange(inline.as_slice(), &free[s.p..s.p + take], cap, mode));
                    let row = |ok| Act::Row { row: k as u32, ok, from: s.p as u32, len: take as u8 };
                    if sc > 0.0 {
                        next.keep_best(State { score: s.score + sc, p: s.p + take, pending: s.pending, step: s.step, act: row(true) });
                    } else if !seq.is_empty() && seq.len() < cap && {
                        let waiting = self.pendings.get(s.pending);
                        waiting.is_empty() || (waiting.len() < MAX_PENDING && waiting.items[0].0 + 1 == k)
                    } {
                        // Cut in two: the rest comes later. A second row
                        // cut in two only right under the first.
                        let pending = match cut.entry((s.pending, s.p, take)) {
                            Entry::Occupied(e) => *e.get(),
                            Entry::Vacant(e) => *e.insert(self.pendings.pushed(s.pending, (k, seq))),
                        };
                        next.keep_best(State { score: s.score + PENDING_OPEN * take as f64, p: s.p + take, pending, step: s.step, act: row(false) });
                    } else {
                        next.keep_best(State { score: s.score + sc, p: s.p + take, pending: s.pending, step: s.step, act: row(false) });
                    }
                }
            }
            if self.to_beat > f64::NEG_INFINITY {
                next.retain(|s| self.best_possible(s, k + 1) > self.to_beat);
            }
            beam = next.into_best(self.beam, &self.pendings);
            self.forget(&mut beam);
        }
        let finals = self.finish(beam);
        self.read_back(finals)
    }

    /// After the last row: complete pending rows from what is left (values
    /// may be passed over anywhere now); the rest is stray.
    fn finish(&mut self, beam: Vec<State>) -> Vec<State> {
        let mut finals: Vec<State> = Vec::new();
        let mut frontier = beam;
        for _ in 0..=MAX_PENDING {
            let mut grown = Vec::new();
            for s in frontier.iter_mut() {
                let Some(&(pr, pv)) = self.pendings.get(s.pending).first() else { continue };
                self.record(s);
                let m = self.cap.saturating_sub(pv.len());
                for start in s.p..self.free.len() {
                    for take in 1..=m.min(self.free.len() - start) {
                        let (_, sc) = self.arrange(pv, start, take);
                        if sc > 0.0 {
                            let skipped = start - s.p;
                            let act = Act::Complete { row: pr as u32, from: start as u32, len: take as u8 };
                            // The values passed over before it are strays.
                            let pending = self.pendings.rest(s.pending);
                            let mut t = State { score: s.score + sc - completion_cost(pv.len()) - STRAY * skipped as f64, p: start + take, pending, step: s.step, act };
                            if skipped > 0 {
                                self.record(&mut t);
                                t.act = Act::Skips(skipped);
                            }
                            grown.push(t);
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
        finals
    }

    /// The best final state's steps, read back into rows.
    fn read_back(mut self, finals: Vec<State>) -> (Solved, f64) {
        let (pool, cap, n_rows) = (self.pool, self.cap, self.inline.len());
        let mut best: Option<(State, usize)> = None;
        for s in finals {
            let left = self.free.len() - s.p;
            let score = s.score - STRAY * left as f64;
            if best.as_ref().is_none_or(|b| score > b.0.score) {
                best = Some((State { score, ..s }, left));
            }
        }
        let mut out_rows: Vec<Vec<String>> = vec![vec![String::new(); cap]; n_rows];
        let mut confirmed = vec![false; n_rows];
        let mut stray = 0;
        let mut owner: Vec<Option<usize>> = vec![None; self.free.len()];
        if let Some((mut b, tail)) = best {
            stray += tail;
            self.record(&mut b);
            // The moves back to the start, then replayed in order: a row's
            // values are those its arrangement gives, a row cut in two
            // arranged first alone, then with the values that complete it.
            let mut acts = Vec::new();
            let mut i = b.step;
            while i != 0 {
                acts.push(self.steps[i].1);
                i = self.steps[i].0;
            }
            let mut first_half: Vec<Seq> = vec![Seq::EMPTY; n_rows];
            for act in acts.into_iter().rev() {
                match act {
                    Act::Skip => stray += 1,
                    Act::Skips(n) => stray += n,
                    Act::Row { row, ok, from, len } => {
                        let (row, from, len) = (row as usize, from as usize, len as usize);
                        let own = self.own(row);
                        let (seq, _) = pool.arrange(own.as_slice(), &self.free[from..from + len], cap, self.mode);
                        owner[from..from + len].iter_mut().for_each(|o| *o = Some(row));
                        out_rows[row] = pool.place(seq.as_slice(), cap);
                        confirmed[row] = ok;
                        first_half[row] = seq;
                    }
                    Act::Complete { row, from, len } => {
                        let (row, from, len) = (row as usize, from as usize, len as usize);
                        let (seq, _) = pool.arrange(first_half[row].as_slice(), &self.free[from..from + len], cap, self.mode);
                        owner[from..from + len].iter_mut().for_each(|o| *o = Some(row));
                        out_rows[row] = pool.place(seq.as_slice(), cap);
                        confirmed[row] = true;
                    }
                    Act::Start => {}
                }
            }
            best = Some((b, tail));
        }
        let score = best.as_ref().map(|b| b.0.score).unwrap_or(f64::NEG_INFINITY);
        (Solved { rows: out_rows, confirmed, stray, mode: self.mode, owner }, score)
    }
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
    fn the_in_order_shortcut_agrees_with_the_search() {
        // Rows printed in order, cumulative then incremental, some values
        // beside their units: the shortcut answers, and the full search
        // finds the same rows.
        let cases: [(&[&[&str]], &[&str]); 2] = [
            (&[&["100"], &["5", "0"]], &["0", "33,33", "66,67", "100", "1,67", "3,33", "5"]),
            (&[&[], &["4"]], &["8", "2", "2", "2", "2", "1", "1", "1", "1"]),
        ];
        for (inline, free) in cases {
            let free = s(free);
            let r = rows(inline);
            let (pool, f, il) = Pool::interning(&r, &free);
            let quick = [Mode::Cumulative, Mode::Incremental].into_iter().find_map(|m| in_order(&pool, &il, &f, 5, m));
            let quick = quick.expect("rows in order take the shortcut");
            let (a, sa) = Search::new(&pool, &il, &f, 5, Mode::Cumulative).run();
            let (b, sb) = Search::new(&pool, &il, &f, 5, Mode::Incremental).run();
            assert_eq!(quick, if sb > sa { b } else { a });
        }
        // A row that does not add up leaves the shortcut to the search.
        let r = rows(&[&["10"]]);
        let pool = Pool::new(["10", "1", "2", "3"].into_iter());
        let il: Vec<Vec<Id>> = r.iter().map(|r| pool.ids(&r.inline)).collect();
        let f = pool.ids(&s(&["1", "2", "3", "3"]));
        assert!(in_order(&pool, &il, &f, 5, Mode::Cumulative).is_none());
    }

    #[test]
    fn a_dash_target_confirms_no_row() {
        // Dashes around two other rows' values ("- 6,8 78,5 6,8 -") are no
        // text target equal to its TW IV; a real text target still is.
        let v = s(&["-", "6,8", "78,5", "6,8", "-"]);
        assert!(!row_obeys(&v));
        assert!(row_obeys(&s(&["BB", "-", "-", "-", "BB"])));
        assert!(!row_obeys(&s(&["BB", "5", "-", "-", "BB"])));
        assert!(row_obeys(&s(&["74,12", "-", "-", "-", "74,12"])));
    }

    #[test]
    fn a_dash_quarter_beside_numbered_ones_is_nothing_that_quarter() {
        // Incremental "150 - 50 50 50" and cumulative "27 - 26 27 27";
        // a dash counts as nought only where it makes the arithmetic hold.
        assert!(row_obeys(&s(&["150", "-", "50", "50", "50"])));
        assert!(row_obeys(&s(&["27", "-", "26", "27", "27"])));
        assert!(!row_obeys(&s(&["150", "-", "50", "50", "40"])));
        assert!(!row_obeys(&s(&["150", "-", "-", "-", "-"])));
    }

    #[test]
    fn a_row_without_a_budget_leaves_the_next_values_to_their_row() {
        // A sasaran row "45,5 - - - 45,5" with no budget, then a row with
        // all six cells printed apart from its unit: the first row does not
        // take the second row's target as its budget.
        let out = solve(&rows(&[&["45,5", "-", "-", "-", "45,5"], &[]]), &s(&["80", "20", "40", "60", "80", "2.340.000.000"]), 6);
        assert_eq!(out.rows[0], s(&["45,5", "-", "-", "-", "45,5", ""]));
        assert_eq!(out.rows[1], s(&["80", "20", "40", "60", "80", "2.340.000.000"]));
        assert_eq!(out.stray, 0);
        assert!(out.confirmed.iter().all(|c| *c));
    }

    #[test]
    fn inline_runs_order_as_the_vectors_they_replace() {
        // Ties in the search are broken by the order of the pending rows;
        // the inline types must order exactly as `Vec`s of them did.
        let runs: [&[Id]; 6] = [&[], &[0], &[0, 1], &[1], &[0, 0, 5], &[2, 1]];
        let sets: Vec<Vec<(usize, Vec<Id>)>> = vec![vec![], vec![(0, runs[1].to_vec())], vec![(0, runs[2].to_vec())], vec![(1, runs[0].to_vec())], vec![(0, runs[1].to_vec()), (1, runs[3].to_vec())], vec![(0, runs[4].to_vec())], vec![(0, runs[5].to_vec())]];
        let inline = |v: &Vec<(usize, Vec<Id>)>| v.iter().fold(Pendings::NONE, |acc, (r, ids)| acc.pushed((*r, Seq::from_slice(ids))));
        for a in &sets {
            for b in &sets {
                assert_eq!(inline(a).cmp(&inline(b)), a.cmp(b), "{a:?} vs {b:?}");
                assert_eq!(inline(a) == inline(b), a == b);
            }
        }
        assert!(inline(&sets[4]).rest() == inline(&vec![(1, runs[3].to_vec())]));
    }

    #[test]
    fn forgetting_old_steps_changes_no_answer() {
        // A long scrambled stream (targets beside units, quarters later,
        // a row cut in two, strays) searched with steps, pending sets and
        // arrangements dropped after every row gives the same rows.
        let mut inline: Vec<&[&str]> = Vec::new();
        let mut free: Vec<&str> = Vec::new();
        for _ in 0..12 {
            inline.extend([&["100"][..], &["18,81"][..], &[][..], &[][..]]);
            free.extend(["0", "33,33", "66,67", "100", "0", "6,27", "12,54", "18,81", "2", "A", "A", "62,8", "15,7", "31,4", "47,1", "62,8"]);
        }
        let r = rows(&inline);
        let free = s(&free);
        let (pool, f, il) = Pool::interning(&r, &free);
        for mode in [Mode::Cumulative, Mode::Incremental] {
            let (whole, whole_score) = Search::new(&pool, &il, &f, 5, mode).run();
            let mut forgetful = Search::new(&pool, &il, &f, 5, mode);
            (forgetful.steps_limit, forgetful.min_steps_limit) = (0, 0);
            let (forgot, forgot_score) = forgetful.run();
            assert_eq!(whole, forgot);
            assert_eq!(whole_score, forgot_score);
        }
    }

    #[test]
    fn searching_against_a_narrow_search_score_answers_as_the_full_search() {
        // Scrambled streams (targets beside units, quarters later, rows cut
        // in two, strays, a text target): the full search bounded by the
        // narrow search's score finds the rows the unbounded one finds.
        let mut long_inline: Vec<&[&str]> = Vec::new();
        let mut long_free: Vec<&str> = Vec::new();
        for _ in 0..6 {
            long_inline.extend([&["100"][..], &["18,81"][..], &[][..], &[][..]]);
            long_free.extend(["0", "33,33", "66,67", "100", "0", "6,27", "12,54", "18,81", "2", "A", "A", "62,8", "15,7", "31,4", "47,1", "62,8"]);
        }
        let cases: [(&[&[&str]], &[&str]); 2] = [
            (&long_inline, &long_free),
            (&[&["90%"], &[], &["5"], &[]], &["22,5", "45%", "7", "67,5%", "90%", "1", "2", "3", "4", "4", "2", "1", "3", "5", "1", "2", "3"]),
        ];
        for (inline, free) in cases {
            let (r, free) = (rows(inline), s(free));
            let (pool, f, il) = Pool::interning(&r, &free);
            let (full, _) = Search::new(&pool, &il, &f, 5, Mode::Cumulative).run();
            let (_, narrow_score) = Search::new(&pool, &il, &f, 5, Mode::Cumulative).narrow(NARROW_BEAM).run();
            let (bounded, _) = Search::new(&pool, &il, &f, 5, Mode::Cumulative).beating(narrow_score - SCORE_EPSILON).run();
            assert_eq!(bounded, full);
            assert_eq!(solve(&r, &free, 5).rows, full.rows);
        }
    }

    #[test]
    fn the_second_arithmetic_searched_against_the_first_score_answers_the_same() {
        // Cumulative rows, then incremental rows, then a mix: where the
        // incremental search wins unbounded it wins bounded with the same
        // rows; where it loses, bounded it loses too.
        let cases: [(&[&[&str]], &[&str]); 3] = [
            (&[&["100"], &["18,81"]], &["0", "33,33", "66,67", "100", "0", "6,27", "12,54", "18,81"]),
            (&[&[], &[]], &["98,3", "24,57", "24,57", "24,57", "24,59", "4", "1", "1", "1", "1"]),
            (&[&[], &["5"], &[]], &["8", "2", "2", "2", "2", "1", "2", "3", "5", "3", "1", "1", "0", "1"]),
        ];
        let mut outcomes = Vec::new();
        for (inline, free) in cases {
            let (r, free) = (rows(inline), s(free));
            let (pool, f, il) = Pool::interning(&r, &free);
            let (_, sa) = Search::new(&pool, &il, &f, 5, Mode::Cumulative).run();
            let (b, sb) = Search::new(&pool, &il, &f, 5, Mode::Incremental).run();
            let (bounded, bounded_score) = Search::new(&pool, &il, &f, 5, Mode::Incremental).beating(sa).run();
            if sb > sa {
                assert_eq!((bounded, bounded_score), (b, sb));
            } else {
                assert!(bounded_score <= sa);
            }
            outcomes.push(sb > sa);
        }
        assert_eq!(outcomes, [false, true, true], "both outcomes are exercised");
    }

    #[test]
    fn a_stray_label_number_is_left_out() {
        // "Buah 5" then "2" (the next label's number) then the quarters.
        let out = solve(&rows(&[&["5"]]), &s(&["2", "0", "1,67", "3,33", "5"]), 5);
        assert_eq!(out.rows[0], s(&["5", "0", "1,67", "3,33", "5"]));
        assert_eq!(out.stray, 1);
    }
}
