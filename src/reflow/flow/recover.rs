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

use super::super::cells::{fold, is_cut_word, join_lines, Vocabulary};
use super::super::frame::roles_in_words;
use super::super::Row;
use super::prep::{clean, lines_of, BodyLine};
use super::values::{solve, RowValues};
use crate::extract::Page;
use crate::parse::header::Role;
use crate::parse::label::{parse_indicator_number, parse_label, Level};
use crate::parse::number::{is_text_target, parse_value, Value};
use crate::parse::unit::{canonical, is_known, looks_like_unit};
use std::collections::BTreeSet;

/// What the recovery reading found.
#[derive(Debug, Default)]
pub(super) struct Recovered {
    pub rows: Vec<Row>,
    /// The lines above the first header.
    pub title: Vec<String>,
    pub signature: Vec<String>,
    pub warnings: Vec<String>,
    /// Rows whose values obey the plan's arithmetic.
    pub confirmed: usize,
}

// ---------------------------------------------------------------------------
// Words

/// Short words that stay lowercase inside a title-case name ("Penyediaan
/// Jasa Komunikasi, Sumber Daya Air dan Listrik"): they say nothing about
/// which column a line belongs to.
const FUNCTION_WORDS: &[&str] = &[
    "dan", "yang", "bagi", "di", "ke", "dari", "serta", "atau", "dalam", "untuk", "pada", "dengan", "terhadap", "oleh",
    "melalui", "sebagai", "kepada", "antar", "antara", "se", "per", "tentang", "secara", "atas", "sampai", "the", "of",
];

/// Nouns that open an indicator's text ("Persentase ...", "Jumlah ...").
const OPENERS: &[&str] = &[
    "jumlah", "jml", "jmh", "jmlh", "persentase", "prosentase", "presentase", "nilai", "indeks", "index", "rata-rata",
    "angka", "tingkat", "rasio", "cakupan", "predikat", "pertumbuhan", "penambahan", "pertambahan", "terlaksananya",
    "tersedianya", "capaian", "proporsi", "kontribusi", "skor", "opini", "laju", "luas", "panjang", "kadar",
];

fn letters(w: &str) -> String {
    w.chars().filter(|c| c.is_alphabetic()).collect()
}

fn is_function_word(w: &str) -> bool {
    let l = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    FUNCTION_WORDS.contains(&l.as_str())
}

fn starts_upper(w: &str) -> bool {
    w.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase())
}

fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_lowercase())
}

/// "SKPD", "SD/MI", "RPJMD": capitals only; neutral for case style.
fn is_acronym(w: &str) -> bool {
    let l = letters(w);
    l.chars().count() >= 2 && l.chars().all(|c| c.is_uppercase())
}

/// "SMP/MTs", "SD/MI", "PMKS": two capitals or more, and mostly capitals.
fn is_abbreviation(w: &str) -> bool {
    let l = letters(w);
    let upper = l.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2 && upper * 3 >= l.chars().count() * 2
}

/// Words that carry the case style: letters, three or more, not function
/// words, not acronyms.
fn style_counts(words: &[String]) -> (f64, f64) {
    let mut cap = 0.0;
    let mut low = 0.0;
    for w in words {
        let l = letters(w);
        if l.chars().count() < 3 || is_function_word(w) || is_acronym(w) {
            continue;
        }
        if starts_upper(w) {
            cap += 1.0;
        } else {
            low += 1.0;
        }
    }
    (cap, low)
}

fn is_opener(w: &str) -> bool {
    let l = w.trim_end_matches([',', ':', '.']).to_lowercase();
    OPENERS.contains(&l.as_str())
}

/// How surely `words` open an indicator: 2 for numbering ("1. Indeks",
/// "Indikator Sasaran 1 :"), 1 for an opener noun in capitals followed by
/// more than a preposition ("Persentase sekolah", not "Capaian pada").
fn ind_start(words: &[String]) -> Option<u8> {
    if words.is_empty() {
        return None;
    }
    let text = words.join(" ");
    let (n, rest) = parse_indicator_number(&text);
    if n.is_some() && rest.chars().next().is_some_and(|c| c.is_alphabetic()) {
        return Some(2);
    }
    if starts_upper(&words[0]) && is_opener(&words[0]) && !words.get(1).is_some_and(|w| is_function_word(w)) {
        return Some(1);
    }
    None
}

/// Opener nouns that also name programmes and activities ("Penyusunan
/// Laporan Capaian Kinerja", "Peningkatan Cakupan ..."): inside a line
/// they do not mark a column boundary.
const NAMING_OPENERS: &[&str] = &[
    "capaian", "tingkat", "pertumbuhan", "penambahan", "pertambahan", "kontribusi", "proporsi", "cakupan", "luas",
    "panjang", "laju", "kadar", "opini", "terlaksananya", "tersedianya",
];

/// Where an indicator starts inside a line, after at least `min` words:
/// numbering followed by a capital ("1. Predikat"), or an opener noun in
/// capitals that no name would hold there. In a title-case line the noun
/// must be followed by a lowercase word or end the line ("Pengelolaan
/// Pendidikan Persentase satuan ...", but not "Penurunan Angka Kematian").
fn inline_ind_start(words: &[String], min: usize) -> Option<usize> {
    (min..words.len()).find(|&j| {
        let w = &words[j];
        let numbered = w.trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit())
            && (w.ends_with('.') || w.ends_with(')'))
            && w.len() <= 4
            && words.get(j + 1).is_some_and(|n| starts_upper(n));
        if numbered {
            return true;
        }
        if !starts_upper(w) || !is_opener(w) || NAMING_OPENERS.contains(&w.to_lowercase().as_str()) {
            return false;
        }
        let (cap, low) = style_counts(&words[..j]);
        let title_before = cap >= 1.0 && low == 0.0;
        match words.get(j + 1) {
            None => true,
            Some(n) if title_before => (starts_lower(n) || is_acronym(n)) && !is_function_word(n),
            Some(n) => !is_function_word(n),
        }
    })
}

fn is_num(w: &str) -> bool {
    matches!(parse_value(w), Value::Number(_))
}

fn is_dash(w: &str) -> bool {
    !w.is_empty() && w.chars().count() <= 2 && w.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

fn is_small_int(w: &str) -> bool {
    !w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit())
}

// ---------------------------------------------------------------------------
// Lines into parts

/// A piece of a line.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(Vec<String>),
    /// A unit word with values after it on the line.
    Unit(String),
    Values(Vec<String>),
    /// A lone "%": a unit, or the tail of a value cell cut in two.
    Pct,
    /// A small whole number opening a line before words: a row number or a
    /// label's number cut from its label ("Sasaran Strategis" / "2 Meningkatnya").
    Num(String),
}

/// The units the document prints before runs of values, beside the known set.
#[derive(Debug, Default)]
struct Units {
    seen: BTreeSet<String>,
}

impl Units {
    fn from_lines(lines: &[BodyLine]) -> Self {
        let mut seen = BTreeSet::new();
        for l in lines {
            let w = &l.words;
            for i in 1..w.len() {
                // "Prosentase 100 0 ..." : a word before two or more values.
                let run = w[i..].iter().take_while(|x| is_num(x) || is_dash(x)).count();
                if run >= 2 && !is_num(&w[i - 1]) && looks_like_unit(&w[i - 1]) && !(i == 1 && parse_label(&l.text()).is_some()) {
                    seen.insert(canonical(&w[i - 1]));
                }
            }
        }
        Units { seen }
    }

    /// True for a word that can be a unit cell: a known unit, a percent
    /// spelling, or a word this document prints before its targets.
    fn is_unit(&self, w: &str) -> bool {
        let c = canonical(w);
        w == "%" || is_known(&c) || self.seen.contains(&c)
    }
}

fn scan_line(words: &[String], units: &Units) -> Vec<Part> {
    let n = words.len();
    if n == 1 && words[0] == "%" {
        return vec![Part::Pct];
    }
    let value_like = |w: &String| is_num(w) || is_dash(w) || is_text_target(w) || w == "%";
    if words.iter().all(value_like) && words.iter().any(|w| w != "%") {
        return vec![Part::Values(merge_pct(words))];
    }
    // The words of a label ("Sub Kegiatan 1") hold no values.
    let label_words = parse_label(&words.join(" ")).map(|l| l.printed.split_whitespace().count()).unwrap_or(0);
    let mut parts: Vec<Part> = Vec::new();
    let mut text: Vec<String> = Vec::new();
    let mut i = 0;
    while i < n {
        let w = &words[i];
        if i < label_words || !(is_num(w) || (is_dash(w) && words.get(i + 1).is_some_and(|x| is_num(x)))) {
            text.push(w.clone());
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (is_num(&words[j]) || is_dash(&words[j]) || (words[j] == "%" && j > i)) {
            j += 1;
        }
        let vals = merge_pct(&words[i..j]);
        let at_end = j == n;
        let unit_before = text.last().filter(|u| text.len() > label_words && !is_num(u) && looks_like_unit(u) && (units.is_unit(u) || vals.len() >= 2));
        if i == 0 && vals.len() == 1 && is_small_int(&vals[0]) && !at_end && words.get(j).is_some_and(|x| starts_upper(x)) {
            parts.push(Part::Num(vals[0].clone()));
            i = j;
            continue;
        }
        let is_values = unit_before.is_some() && (at_end || vals.len() >= 2)
            || (i == 0 && (vals.len() >= 2 || !is_small_int(&vals[0])))
            || (vals.len() >= 2 && at_end);
        if is_values {
            if let Some(u) = unit_before.cloned() {
                text.pop();
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(Part::Unit(u));
            } else if !text.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut text)));
            }
            parts.push(Part::Values(vals));
        } else {
            text.extend(words[i..j].iter().cloned());
        }
        i = j;
    }
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    parts
}

/// "40,05" "%" → "40,05%".
fn merge_pct(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        if w == "%" {
            if let Some(last) = out.last_mut() {
                if !last.ends_with('%') {
                    last.push('%');
                }
                continue;
            }
        }
        out.push(w.clone());
    }
    out
}

// ---------------------------------------------------------------------------
// The walk

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Node,
    Ind,
    Note,
}

#[derive(Debug, Clone)]
struct Cell {
    kind: Kind,
    lines: Vec<String>,
    /// Body line where the cell starts.
    at: usize,
    /// Event index of the cell.
    ev: usize,
    /// Node: a program, kegiatan or sub kegiatan, whose name is in title case.
    title: bool,
    /// Node: the label has no number and no name yet ("Sub. Kegiatan").
    bare: bool,
    /// Indicator: 2 numbered, 1 opener noun, 0 a block's first line.
    strength: u8,
    /// Node: an indicator of its row has been read (so the next indicator
    /// start is the next row's).
    has_ind: bool,
}

impl Cell {
    fn last_word(&self) -> Option<&str> {
        self.lines.last().and_then(|l| l.split_whitespace().last())
    }
}

#[derive(Debug, Clone)]
enum Ev {
    Cell(usize),
    Unit { word: String, at: usize },
    Values { vals: Vec<String>, inline: bool },
}

// ---------------------------------------------------------------------------
// The plan: where indicators start, which words are unit cells

/// Decisions taken over the whole dump before the walk: where indicators
/// start, and which unit-like words are the unit cells. Every indicator has
/// one unit, so a unit-like word is a unit only when the indicator it would
/// belong to has none yet ("Layanan" in "Penyediaan" / "Layanan" is a word
/// of a name when "Jiwa" is the unit of the next indicator).
#[derive(Debug, Clone)]
struct Plan {
    /// Line → index of the word of its first text part where an indicator starts.
    start: Vec<Option<usize>>,
    /// Line → its one word (or its "%") is a unit cell.
    unit_line: Vec<bool>,
    /// Line → the last word of its last text part is a unit cell.
    unit_tail: Vec<bool>,
}

/// A candidate found on a line, in reading order.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cand {
    /// An indicator starts at this word; `mid` when inside a line.
    Start { at: usize, numbered: bool },
    /// A lone word that opens indicators and is a unit too ("Persentase",
    /// "Nilai"): the unit of the indicator above if it has none, else the
    /// start of the next.
    Either,
    /// A unit candidate of a given strength: 4 a word with values after
    /// it, 3 a capitalised word alone or right after a lowercase word at
    /// the end of a line, 2 a lowercase word alone, 1 any other unit word
    /// ending a line.
    Unit { strength: u8, tail: bool },
}

fn make_plan(lines: &[BodyLine], parts: &[Vec<Part>], units: &Units) -> Plan {
    let n = lines.len();
    let same_para = |a: usize, b: usize| b < n && lines[a].para == lines[b].para;
    let next_values = |li: usize| same_para(li, li + 1) && matches!(parts[li + 1].first(), Some(Part::Values(_)));
    // Blocks that hold a label and an indicator start interleave two columns.
    let mut block_label: BTreeSet<usize> = BTreeSet::new();
    let mut block_start: BTreeSet<usize> = BTreeSet::new();
    for li in 0..n {
        if let Some(Part::Text(ws)) = parts[li].first() {
            if parse_label(&ws.join(" ")).is_some() {
                block_label.insert(lines[li].para);
            } else if ind_start(ws).is_some() || inline_ind_start(ws, 1).is_some() {
                block_start.insert(lines[li].para);
            }
        }
    }
    let multi = |li: usize| block_label.contains(&lines[li].para) && block_start.contains(&lines[li].para);
    // Candidates per line.
    let mut cands: Vec<Vec<Cand>> = vec![Vec::new(); n];
    let mut title_node: Option<(usize, bool)> = None; // (para, title case)
    for li in 0..n {
        let first_line = li == 0 || lines[li - 1].para != lines[li].para;
        if first_line {
            title_node = None;
        }
        let p = &parts[li];
        let lone = p.len() == 1 && matches!(&p[0], Part::Text(ws) if ws.len() == 1);
        let unit_word = |w: &str| units.is_unit(w) || (starts_upper(w) && looks_like_unit(w));
        if let [Part::Pct] = p.as_slice() {
            let after_values = li > 0 && same_para(li - 1, li) && parts[li - 1].iter().any(|x| matches!(x, Part::Values(_)));
            // Right under a value it is that value's "%" ("33,33% 66,67" / "%").
            if after_values {
                continue;
            }
            cands[li].push(Cand::Unit { strength: if next_values(li) { 4 } else { 3 }, tail: false });
            continue;
        }
        if let Some(Part::Text(ws)) = p.first() {
            let text = ws.join(" ");
            if let Some(lab) = parse_label(&text) {
                let title = matches!(lab.level, Level::Program | Level::Kegiatan | Level::SubKegiatan);
                title_node = Some((lines[li].para, title));
                // A lone level word above values is the unit ("Kegiatan" / "8").
                if lone && next_values(li) && lab.number.is_none() {
                    cands[li].push(Cand::Unit { strength: 4, tail: false });
                    continue;
                }
                let lw = lab.printed.split_whitespace().count().min(ws.len());
                if let Some(j) = inline_ind_start(&ws[lw..], if lab.number.is_some() { 1 } else { 0 }) {
                    let numbered = ws[lw + j].chars().next().is_some_and(|c| c.is_ascii_digit());
                    cands[li].push(Cand::Start { at: lw + j, numbered });
                }
            } else if lone {
                let w = &ws[0];
                if next_values(li) && unit_word(w) {
                    cands[li].push(Cand::Unit { strength: 4, tail: false });
                } else if ind_start(ws).is_some() && units.is_unit(w) {
                    cands[li].push(Cand::Either);
                } else if ind_start(ws).is_some() {
                    cands[li].push(Cand::Start { at: 0, numbered: false });
                } else if units.is_unit(w) && !is_function_word(w) && (starts_upper(w) || multi(li)) {
                    // A lone unit word in a block of one node's lines is a word of its name.
                    let node_only = title_node.is_some_and(|(pa, _)| pa == lines[li].para) && !multi(li);
                    // Where a title-case name interleaves, a capitalised
                    // word alone may be a word of the name: no surer than a
                    // lowercase one.
                    // A percent spelling is never a word of a name.
                    let in_title = title_node.is_some_and(|(pa, t)| pa == lines[li].para && t);
                    let percent = canonical(w) == "persen";
                    let strength = if percent || (starts_upper(w) && !in_title) { 3 } else { 2 };
                    if !node_only {
                        cands[li].push(Cand::Unit { strength, tail: false });
                    }
                }
                continue;
            } else {
                let in_title_node = title_node.is_some_and(|(pa, t)| pa == lines[li].para && t) && !first_line;
                // A noun that also names programmes, at the head of a line
                // inside a title-case node's block, is more of the name
                // ("Capaian Kinerja dan ikhtisar realisasi" shares the line
                // with an indicator's words).
                let naming = NAMING_OPENERS.contains(&ws[0].to_lowercase().as_str());
                let title_cont = in_title_node && (continues_title(ws) || naming);
                if ind_start(ws).is_some() && !title_cont {
                    let numbered = parse_indicator_number(&text).0.is_some();
                    cands[li].push(Cand::Start { at: 0, numbered });
                } else if let Some(j) = inline_ind_start(ws, 1) {
                    let numbered = ws[j].chars().next().is_some_and(|c| c.is_ascii_digit());
                    cands[li].push(Cand::Start { at: j, numbered });
                }
            }
        }
        // A unit printed before values on the line.
        if p.iter().any(|x| matches!(x, Part::Unit(_))) {
            cands[li].push(Cand::Unit { strength: 4, tail: false });
            continue;
        }
        // A unit word ending the line.
        if let Some(Part::Text(ws)) = p.last() {
            let single_text = p.len() == 1;
            if ws.len() >= 2 && units.is_unit(&ws[ws.len() - 1]) {
                let last = &ws[ws.len() - 1];
                let rest = &ws[..ws.len() - 1];
                // What is left must still read: an indicator keeps a word
                // after its opener ("Jumlah orang" is an indicator).
                let start_at = cands[li].iter().find_map(|c| if let Cand::Start { at, .. } = c { Some(*at) } else { None });
                // An opener ending the line ("Pembanguna Indeks") is a start
                // or the unit; the resolution takes one or the other.
                let last_is_start = start_at == Some(ws.len() - 1);
                let rest_ok = match start_at {
                    Some(j) if single_text && !last_is_start => rest.len() >= j + 2,
                    _ => true,
                };
                // A capital after lowercase words marks where the unit
                // column starts, as surely as a word alone on its line; so
                // does a percent spelling, which no name or indicator ends with.
                let percent = canonical(last) == "persen";
                let strength = if next_values(li) {
                    4
                } else if percent || (starts_upper(last) && !is_acronym(last) && rest.last().is_some_and(|w| starts_lower(w))) {
                    3
                } else {
                    1
                };
                let label_only = single_text && parse_label(&ws.join(" ")).is_some_and(|l| l.name.split_whitespace().count() <= 1) && start_at.is_none();
                if rest_ok && !label_only && (strength >= 3 || multi(li)) {
                    cands[li].push(Cand::Unit { strength, tail: true });
                }
            }
        }
    }
    if std::env::var_os("RENCANA_FLOW_PLAN").is_some() {
        for li in 0..n {
            eprintln!("{li:4} p{:<3} {:?} {}", lines[li].para, cands[li], lines[li].text());
        }
    }
    // Resolution, in reading order, one unit per indicator band (from one
    // indicator start to the next).
    let mut plan = Plan { start: vec![None; n], unit_line: vec![false; n], unit_tail: vec![false; n] };
    let is_definite_start = |c: &Cand| matches!(c, Cand::Start { .. });
    let is_label_line = |l: usize| matches!(parts[l].first(), Some(Part::Text(ws)) if parse_label(&ws.join(" ")).is_some());
    // Strongest candidate after (li, k) up to the next definite start, or
    // up to the next label when this row's node is already known (the
    // label then opens the next row's band).
    let ahead = |li: usize, k: usize, stop_at_label: bool| -> u8 {
        let mut best = 0;
        let mut l = li;
        let mut idx = k + 1;
        let mut seen = 0;
        while l < n && seen < 60 {
            if l > li && idx == 0 && stop_at_label && is_label_line(l) {
                return best;
            }
            while idx < cands[l].len() {
                match cands[l][idx] {
                    c if is_definite_start(&c) => return best,
                    // An opener that is also a unit may as well start the next indicator.
                    Cand::Either => best = best.max(2),
                    Cand::Unit { strength, .. } => best = best.max(strength),
                    _ => {}
                }
                idx += 1;
            }
            l += 1;
            idx = 0;
            seen += 1;
        }
        best
    };
    // True when the band after the next start has no unit candidate.
    let next_band_empty = |li: usize, k: usize| -> bool {
        let mut l = li;
        let mut idx = k + 1;
        let mut in_next = false;
        let mut seen = 0;
        while l < n && seen < 60 {
            while idx < cands[l].len() {
                match cands[l][idx] {
                    c if is_definite_start(&c) => {
                        if in_next {
                            return true;
                        }
                        in_next = true;
                    }
                    Cand::Either | Cand::Unit { .. } if in_next => return false,
                    _ => {}
                }
                idx += 1;
            }
            l += 1;
            idx = 0;
            seen += 1;
        }
        in_next
    };
    let mut band: Option<bool> = None; // Some(has_unit)
    let mut reserved = false;
    let mut deficit = 0usize;
    // Labels read since the last unit: the node of the row being read.
    let mut labels_since_unit = 0usize;
    for li in 0..n {
        if is_label_line(li) {
            labels_since_unit += 1;
        }
        let has_node = labels_since_unit > 0;
        let last_word = match parts[li].last() {
            Some(Part::Text(ws)) if parts[li].len() == 1 => ws.len().saturating_sub(1),
            _ => usize::MAX,
        };
        let mut tail_taken = false;
        for k in 0..cands[li].len() {
            let c = cands[li][k];
            let mut start_here = |plan: &mut Plan, band: &mut Option<bool>, reserved: &mut bool, deficit: &mut usize, at: usize| {
                if band.is_some_and(|u| !u) {
                    *deficit += 1;
                }
                *band = Some(*reserved);
                *reserved = false;
                plan.start[li] = Some(at);
            };
            match c {
                Cand::Start { at, numbered } => {
                    // Inside a line, a start needs the indicator above to be
                    // complete (numbering is enough on its own).
                    if at > 0 && !numbered && band.is_some_and(|u| !u) {
                        continue;
                    }
                    start_here(&mut plan, &mut band, &mut reserved, &mut deficit, at);
                    tail_taken |= at == last_word;
                }
                Cand::Either => {
                    if band.is_some_and(|u| !u) && ahead(li, k, has_node) <= 3 {
                        band = Some(true);
                        plan.unit_line[li] = true;
                        labels_since_unit = 0;
                    } else {
                        start_here(&mut plan, &mut band, &mut reserved, &mut deficit, 0);
                    }
                }
                Cand::Unit { strength, tail } => {
                    if tail && tail_taken {
                        continue;
                    }
                    let take = if strength == 4 {
                        if band.is_some_and(|u| !u) {
                            band = Some(true);
                        } else if deficit > 0 {
                            deficit -= 1;
                        }
                        true
                    } else if band.is_some_and(|u| !u) {
                        if ahead(li, k, has_node) <= strength {
                            band = Some(true);
                            true
                        } else {
                            false
                        }
                    } else if next_band_empty(li, k) && strength >= 2 {
                        // Printed above its indicator (top-aligned cells).
                        reserved = true;
                        true
                    } else if deficit > 0 && strength >= 3 && band.is_none_or(|u| u) {
                        deficit -= 1;
                        true
                    } else {
                        false
                    };
                    if take {
                        labels_since_unit = 0;
                        if tail {
                            plan.unit_tail[li] = true;
                        } else {
                            plan.unit_line[li] = true;
                        }
                    }
                }
            }
        }
    }
    plan
}

/// The widths of the node and the indicator column, in characters, from
/// lines known to hold one column: a block of labels and names with no
/// indicator in it, label lines with nothing after the name, and blocks of
/// indicator lines with no label and no unit. None with fewer than five
/// such lines from at least two blocks (a dump that interleaves everything
/// gives no measure).
fn column_widths(lines: &[BodyLine], parts: &[Vec<Part>], plan: &Plan) -> (Option<f64>, Option<f64>) {
    let mut paras: std::collections::BTreeMap<usize, (bool, bool, bool)> = std::collections::BTreeMap::new(); // label, start, unit
    for (li, l) in lines.iter().enumerate() {
        let e = paras.entry(l.para).or_insert((false, false, false));
        if let Some(Part::Text(ws)) = parts[li].first() {
            if parse_label(&ws.join(" ")).is_some() {
                e.0 = true;
            }
        }
        if plan.start[li].is_some() {
            e.1 = true;
        }
        if plan.unit_line[li] || plan.unit_tail[li] || parts[li].iter().any(|p| !matches!(p, Part::Text(_))) {
            e.2 = true;
        }
    }
    let mut n_lens: Vec<(usize, usize)> = Vec::new();
    let mut i_lens: Vec<(usize, usize)> = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        let [Part::Text(ws)] = parts[li].as_slice() else { continue };
        let len = ws.join(" ").chars().count();
        let (label, start, unit) = paras[&l.para];
        let is_label = parse_label(&ws.join(" ")).is_some();
        if label && !start && !unit {
            n_lens.push((len, l.para));
        } else if is_label && plan.start[li].is_none() && !plan.unit_tail[li] {
            n_lens.push((len, l.para));
        } else if start && !label && !unit {
            i_lens.push((len, l.para));
        }
    }
    // Enough lines from more than one block to trust the measure.
    let width = |v: &Vec<(usize, usize)>| {
        let blocks: BTreeSet<usize> = v.iter().map(|(_, p)| *p).collect();
        (v.len() >= 5 && blocks.len() >= 2).then(|| v.iter().map(|(l, _)| *l).max().expect("non-empty") as f64)
    };
    (width(&n_lens), width(&i_lens))
}

/// A line that reads as more of a title-case name although it opens with
/// an indicator noun ("Capaian Kinerja dan"): every word capitalised, and
/// either a noun that often names programmes or a line ending in a
/// conjunction.
fn continues_title(words: &[String]) -> bool {
    if words.len() < 2 {
        return false;
    }
    let (cap, low) = style_counts(&words[1..]);
    let title_line = low == 0.0 && cap >= 1.0;
    let last = words.last().expect("checked");
    let open_end = is_function_word(last) || last.ends_with(',');
    title_line && (NAMING_OPENERS.contains(&words[0].to_lowercase().as_str()) || open_end)
}

struct Walker<'a> {
    lines: &'a [BodyLine],
    parts: Vec<Vec<Part>>,
    plan: Plan,
    units: Units,
    vocab: Vocabulary,
    cap: usize,
    cells: Vec<Cell>,
    evs: Vec<Ev>,
    // Paragraph state.
    para: usize,
    open_n: Option<usize>,
    open_i: Option<usize>,
    open_note: Option<usize>,
    /// Lines of both a node and an indicator seen in this block: its lines
    /// interleave two columns.
    multi: bool,
    /// Lines given to the node and to the indicator in this block.
    block_lines: (usize, usize),
    /// The last cell printed, when it is a note (a note cut by a page break).
    last_note: Option<usize>,
    /// The open indicator's row has its node already.
    ind_has_node: bool,
    /// Continuation lines read while both a node and an indicator are open,
    /// given to the two cells together once the stretch ends.
    pending: Vec<Vec<String>>,
    pending_cells: Option<(usize, usize)>,
    /// Texts of all blocks, lowercased: a note cut by a page break joins
    /// back into a text the document prints whole elsewhere.
    block_texts: BTreeSet<String>,
    /// How often each block text is printed.
    block_counts: std::collections::BTreeMap<String, usize>,
    /// How often each word (punctuation trimmed, lowercased) is printed whole.
    word_counts: std::collections::BTreeMap<String, usize>,
    /// Longest line (in characters) of the node and of the indicator
    /// column, from lines that hold one column only.
    width_n: Option<f64>,
    width_i: Option<f64>,
    last_to: Option<Kind>,
    /// After a page header, text continues the cells cut by the page break
    /// until something new starts.
    resume: bool,
    /// A unit was just read and only values followed it in this block.
    chain: Option<usize>,
    /// A whole row of values followed a unit in a single-column block: what
    /// follows are the trailing columns (KETERANGAN, PENANGGUNG JAWAB).
    values_done: bool,
    /// The previous block ended with values: a block of plain text is a note.
    prev_values: bool,
    // Whole document.
    last_n: Option<usize>,
    last_i: Option<usize>,
    n_inds: usize,
    n_units: usize,
}

impl<'a> Walker<'a> {
    fn new(lines: &'a [BodyLine], cap: usize) -> Self {
        let units = Units::from_lines(lines);
        let parts: Vec<Vec<Part>> = lines.iter().map(|l| scan_line(&l.words, &units)).collect();
        let vocab = Vocabulary::from_texts(lines.iter().map(|l| l.words.join(" ")).collect::<Vec<_>>().iter().map(String::as_str));
        let mut block_counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        let mut cur: Vec<String> = Vec::new();
        for (k, l) in lines.iter().enumerate() {
            if k > 0 && lines[k - 1].para != l.para {
                *block_counts.entry(cur.join(" ").to_lowercase()).or_insert(0) += 1;
                cur.clear();
            }
            cur.extend(l.words.iter().cloned());
        }
        *block_counts.entry(cur.join(" ").to_lowercase()).or_insert(0) += 1;
        let block_texts: BTreeSet<String> = block_counts.keys().cloned().collect();
        let plan = make_plan(lines, &parts, &units);
        let mut word_counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
        for l in lines {
            for w in l.words.iter() {
                let t = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                if !t.is_empty() {
                    *word_counts.entry(t).or_insert(0) += 1;
                }
            }
        }
        let (width_n, width_i) = column_widths(lines, &parts, &plan);
        Walker {
            word_counts,
            width_n,
            width_i,
            block_texts,
            block_counts,
            plan,
            lines,
            parts,
            units,
            vocab,
            cap,
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
            n_inds: 0,
            n_units: 0,
        }
    }

    fn run(&mut self) {
        self.run_lines();
        self.flush();
    }

    fn run_lines(&mut self) {
        for li in 0..self.lines.len() {
            if self.lines[li].para != self.para {
                self.new_block(li);
            }
            let parts = self.parts[li].clone();
            let nparts = parts.len();
            let mut after_values = false;
            for (pi, part) in parts.into_iter().enumerate() {
                let at_start = pi == 0;
                match part {
                    Part::Num(n) => {
                        let label_follows = matches!(self.parts[li].get(pi + 1), Some(Part::Text(t)) if parse_label(&t.join(" ")).is_some());
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

    fn new_block(&mut self, li: usize) {
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
    fn structural(&mut self) {
        self.resume = false;
    }

    fn push_cell(&mut self, kind: Kind, li: usize, text: String) -> usize {
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

    fn open_node(&mut self, li: usize, words: &[String]) {
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

    fn open_ind(&mut self, li: usize, words: &[String], strength: u8) {
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
        // A block of plain text may be a note: it does not wait for a unit.
        if strength >= 1 {
            self.n_inds += 1;
        }
        self.chain = None;
        // Two columns in this block (a node resumed across a page break
        // does not count: its lines may be in another block).
        if self.open_n.is_some_and(|n| self.in_block(n)) {
            self.multi = true;
        }
        self.last_to = Some(Kind::Ind);
    }

    fn unit(&mut self, li: usize, w: &str) {
        self.evs.push(Ev::Unit { word: w.to_string(), at: li });
        self.n_units += 1;
        self.chain = Some(0);
    }

    fn values(&mut self, _li: usize, vals: Vec<String>) {
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

    fn pct(&mut self, li: usize) {
        if self.plan.unit_line[li] {
            self.structural();
            self.unit(li, "%");
        }
        // Otherwise the tail of a percentage printed apart ("40,05" / "%"): dropped.
    }

    /// A bare label ("Sub. Kegiatan") takes a number printed on its own line.
    fn label_number(&mut self, n: &str) -> bool {
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

    fn text(&mut self, li: usize, words: &[String], at_start: bool, last_part: bool) {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        if self.values_done && !self.multi && !(at_start && parse_label(&text).is_some()) {
            self.note(li, words);
            return;
        }
        // Unit cells, as the plan decided.
        if at_start && last_part && words.len() == 1 && self.plan.unit_line[li] {
            self.structural();
            self.unit(li, &words[0]);
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

    fn text_body(&mut self, li: usize, words: &[String], at_start: bool) {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        let start = if at_start { self.plan.start[li].filter(|&j| j < words.len()) } else { None };
        if at_start {
            if let Some(lab) = parse_label(&text) {
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
            }
            None => self.continuation(li, words, at_start, None),
        }
    }

    /// How many blocks of the document read like the block of `li`.
    fn block_count(&self, li: usize) -> usize {
        let t = self.block_text(li).to_lowercase();
        *self.block_counts.get(&t).unwrap_or(&0)
    }

    /// The whole text of the block line `li` belongs to.
    fn block_text(&self, li: usize) -> String {
        let para = self.lines[li].para;
        self.lines.iter().filter(|l| l.para == para).map(|l| l.text()).collect::<Vec<_>>().join(" ")
    }

    fn in_block(&self, c: usize) -> bool {
        self.lines[self.cells[c].at].para == self.para
    }

    fn append(&mut self, c: usize, words: &[String]) {
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
    fn note(&mut self, li: usize, words: &[String]) {
        self.flush();
        match self.open_note {
            Some(c) => self.append(c, words),
            _ => {
                let c = self.push_cell(Kind::Note, li, words.join(" "));
                self.open_note = Some(c);
            }
        }
    }

    /// Score of giving `words` to a cell.
    fn fit(&self, c: usize, words: &[String], title_node: bool) -> f64 {
        let cell = &self.cells[c];
        let (cap, low) = style_counts(words);
        let mut s = match (cell.kind, title_node) {
            (Kind::Node, true) => 1.5 * cap.min(2.0) - 1.5 * low.min(2.0),
            (Kind::Ind, true) => 1.0 * low.min(2.0) - 0.5 * cap.min(2.0),
            _ => 0.0,
        };
        let first = words.first().map(String::as_str).unwrap_or("");
        if let Some(last) = cell.last_word() {
            if last.to_lowercase() == first.to_lowercase() && letters(first).chars().count() >= 3 {
                s -= 3.0;
            }
            if is_cut_word(last, first, &self.vocab) && first.chars().count() <= 3 {
                s += 2.0;
            }
        }
        s
    }

    /// Where to cut a line shared by the node column (left) and the
    /// indicator column (right), if cutting beats giving it whole to one.
    fn best_split(&self, words: &[String], title: bool, only_split: bool, ind: usize) -> Option<usize> {
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

    fn continuation(&mut self, li: usize, words: &[String], at_start: bool, forced: Option<Kind>) {
        if words.is_empty() {
            return;
        }
        if self.resume && self.open_n.is_none() && self.open_i.is_none() {
            // Page break: a note it cut goes on when the two pieces make a
            // text the document prints whole elsewhere ("Kasubag
            // Perencanaan" / "dan Keuangan").
            if let (Some(nc), true, None) = (self.last_note, at_start, self.open_note) {
                let whole = format!("{} {}", self.cells[nc].lines.join(" "), self.block_text(li)).to_lowercase();
                if self.block_texts.contains(&whole) {
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
                if self.open_note.is_some() && !at_start {
                    self.note(li, words);
                } else if self.prev_values || self.open_note.is_some() || !starts_upper(&words[0]) {
                    self.note(li, words);
                } else if self.block_count(li) >= 2 {
                    // A text printed as a whole block more than once is a
                    // trailing column's value ("Kasubag Perencanaan dan
                    // Keuangan"): names and indicators are not repeated.
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
    fn flush(&mut self) {
        self.flush_with((false, false));
    }

    /// Flushes the stretch that a new label (`node`) or a new indicator
    /// (`!node`) ends: that cell's text is complete.
    fn flush_ending(&mut self, node: bool) {
        self.flush_with((node, !node));
    }

    fn flush_with(&mut self, ends_cells: (bool, bool)) {
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
        if std::env::var_os("RENCANA_FLOW_DECODE").is_some() {
            eprintln!("decode multi={multi} title={title} last={:?} widths={:?}/{:?}", self.last_to, self.width_n, self.width_i);
            for (l, c) in lines.iter().zip(&choice) {
                eprintln!("   {c:?} {}", l.join(" "));
            }
        }
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
    fn emit(&self, kind: Kind, part: &[String], prev: Option<&str>, title: bool) -> f64 {
        let (cap, low) = style_counts(part);
        // A sentence-case name opens with a capital right after its label
        // ("Sasaran 2 :" / "Meningkatnya ..."); an indicator goes on in lowercase.
        let bare_label = prev.is_some_and(|p| parse_label(p).is_some() || p.ends_with(':') || p.chars().all(|c| c.is_ascii_digit() || c == '.'));
        let opens_capital = part.first().is_some_and(|w| starts_upper(w) && !is_acronym(w));
        let name_start = if !title && bare_label && opens_capital {
            if kind == Kind::Node {
                1.0
            } else {
                -0.5
            }
        } else {
            0.0
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
            if last.to_lowercase() == first.to_lowercase() && letters(first).chars().count() >= 3 {
                s -= 3.0;
            }
            // A word cut at the cell's edge ("Kabupaten/Kot" / "a"): the
            // piece before the cut is no word of its own.
            if is_cut_word(last, first, &self.vocab) && first.chars().count() <= 3 {
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
            let len = part.join(" ").chars().count() as f64;
            if len > w * 1.2 + 1.0 {
                s -= 2.0;
            }
        }
        s
    }

    fn decode(&self, nc: usize, ic: usize, lines: &[Vec<String>], title: bool, multi: bool, ends_cells: (bool, bool)) -> Vec<Opt> {
        let m = lines.len();
        // State: (last line given to the node, last line given to the
        // indicator), as index + 1 (0: none yet in the stretch), and the
        // column of the latest line.
        // The fourth member is where the node's latest line was cut (0: whole).
        type St = (usize, usize, u8, usize);
        let col = |k: Option<Kind>| match k {
            Some(Kind::Node) => 1u8,
            Some(Kind::Ind) => 2u8,
            _ => 0u8,
        };
        let last_word_of = |cell: usize, upto: usize| -> Option<String> {
            if upto == 0 {
                self.cells[cell].last_word().map(str::to_string)
            } else {
                None
            }
        };
        let mut layers: Vec<std::collections::BTreeMap<St, (f64, Option<(St, Opt)>)>> = Vec::new();
        let mut start = std::collections::BTreeMap::new();
        start.insert((0usize, 0usize, col(self.last_to), 0usize), (0.0, None));
        layers.push(start);
        for k in 0..m {
            let words = &lines[k];
            let mut next: std::collections::BTreeMap<St, (f64, Option<(St, Opt)>)> = std::collections::BTreeMap::new();
            for (&(a, b, lastc, aj), &(score, _)) in &layers[k] {
                let prev_n = if a == 0 {
                    last_word_of(nc, 0)
                } else if aj > 0 {
                    Some(lines[a - 1][aj - 1].clone())
                } else {
                    lines[a - 1].last().cloned()
                };
                let prev_i = if b == 0 { last_word_of(ic, 0) } else { lines[b - 1].last().cloned() };
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
                    let e = next.entry(st).or_insert((f64::NEG_INFINITY, None));
                    if s > e.0 {
                        *e = (s, Some(((a, b, lastc, aj), opt)));
                    }
                };
                // A line the cell has just taken, printed again: the other
                // column's ("dan anak" / "perempuan" / "dan anak").
                let repeats = |upto: usize, own: usize| -> bool { upto > 0 && upto - 1 != own && lines[upto - 1] == *words && words.len() >= 2 };
                let sn = score + trans(1) + self.emit(Kind::Node, words, prev_n.as_deref(), title) - if repeats(a, k) && aj == 0 { 2.0 } else { 0.0 };
                push((k + 1, b, 1, 0), sn, Opt::N);
                let si = score + trans(2) + self.emit(Kind::Ind, words, prev_i.as_deref(), title) - if repeats(b, k) { 2.0 } else { 0.0 };
                push((a, k + 1, 2, aj), si, Opt::I);
                if multi && words.len() >= 2 {
                    for j in 1..words.len() {
                        let (left, right) = (&words[..j], &words[j..]);
                        // A line holding both columns says nothing of which
                        // comes next (state 0 after it).
                        let mut s = score - 0.5 + self.emit(Kind::Node, left, prev_n.as_deref(), title) + self.emit(Kind::Ind, right, prev_i.as_deref(), title);
                        // A name's part of conjunctions only ("yang") would
                        // leave it hanging.
                        if left.iter().all(|w| is_function_word(w)) {
                            s -= 1.0;
                        }
                        // A word printed twice across the cut ("perangkat perangkat").
                        if left[j - 1].to_lowercase() == right[0].to_lowercase() && letters(&right[0]).chars().count() >= 3 {
                            s += 3.0;
                        }
                        // The indicator's part opens with a lowercase content
                        // word; the name's part ends with a capital, a comma or
                        // a conjunction.
                        if title && starts_lower(&right[0]) && !is_function_word(&right[0]) && (starts_upper(&left[j - 1]) || left[j - 1].ends_with(',') || is_function_word(&left[j - 1])) {
                            s += 1.0;
                        }
                        if std::env::var("RENCANA_FLOW_DECODE").is_ok_and(|v| v == "2") {
                            eprintln!("      split {j} of {:?} from {:?}: {s:.2} (base {score:.2})", words, (a, b, lastc, aj));
                        }
                        push((k + 1, k + 1, 0, j), s, Opt::Split(j));
                    }
                }
            }
            layers.push(next);
        }
        // A cell whose text ends on a conjunction ("... Kabupaten/Kota
        // yang") is unfinished: the stretch ends the cells it holds.
        let dangling = |st: &St| -> f64 {
            let (a, b, _, aj) = *st;
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
            let (_, back) = layers[k + 1][&st];
            let (prev, opt) = back.expect("a step");
            out[k] = opt;
            st = prev;
        }
        out
    }
}

/// How a buffered line is given to the two open cells.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Opt {
    N,
    I,
    /// Cut before word `j`: the name's part left, the indicator's right.
    Split(usize),
}

/// Words of an indicator's relative clause: "yang" and verbs with the
/// passive or active prefixes (di-, ter-, me-, ber-), lowercase; not the
/// "-nya" nouns that open a tujuan's or sasaran's name ("Meningkatnya").
/// Worth a point each, up to two.
fn clause_words(words: &[String]) -> f64 {
    let mut v: f64 = 0.0;
    for w in words {
        let l = w.to_lowercase();
        if !starts_lower(w) {
            continue;
        }
        if l == "yang" {
            v += 0.5;
        } else if l.chars().count() >= 7 && !l.ends_with("nya") && ["di", "ter", "mem", "men", "meng", "meny", "ber"].iter().any(|p| l.starts_with(p)) {
            v += 0.8;
        }
    }
    v.min(2.0)
}

// ---------------------------------------------------------------------------
// Alignment

/// The value columns and the trailing text columns. A scrambled dump
/// prints the header in pieces (the first block may name only "Triwulan I"
/// and "KETERANGAN"), so the roles of every piece are pooled; the value
/// columns of a Rencana Aksi are the year's target and the four quarters,
/// in this order, with a budget after them where the header names one, and
/// KETERANGAN is the last column.
fn column_roles(columns: &[Role], header_words: &[String]) -> (Vec<Role>, Vec<Role>) {
    let words: Vec<&str> = header_words.iter().map(String::as_str).collect();
    let (more, _) = roles_in_words(&words);
    let all: Vec<Role> = columns.iter().chain(more.iter()).copied().collect();
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

/// Reads a scrambled flow dump with the header's `columns`.
pub(super) fn recover(pages: &[Page], columns: &[Role]) -> Recovered {
    let src = lines_of(pages);
    let (lines, removed) = clean(&src);
    let title = removed.title;
    let signature = removed.signature;
    let (roles, text_after) = column_roles(columns, &removed.header_words);
    let (roles, text_after) = (&roles[..], &text_after[..]);
    let cap = roles.len().max(1);
    let mut w = Walker::new(&lines, cap);
    w.run();
    let mut out = Recovered { signature, title, ..Recovered::default() };
    reconcile(&mut w, &mut out.warnings);
    if std::env::var_os("RENCANA_FLOW_DEBUG").is_some() {
        debug_dump(&w);
    }
    build(&w, roles, text_after, &mut out);
    out
}

fn cell_text(w: &Walker, c: usize) -> String {
    join_lines(&w.cells[c].lines, &w.vocab)
}

/// Makes the counts agree: one indicator per unit.
fn reconcile(w: &mut Walker, warnings: &mut Vec<String>) {
    let units = w.evs.iter().filter(|e| matches!(e, Ev::Unit { .. })).count();
    let inds: Vec<usize> = (0..w.cells.len()).filter(|&c| w.cells[c].kind == Kind::Ind).collect();
    if inds.len() > units {
        // Too many indicators: the weakest are notes (a block of text whose
        // first word opens no indicator, repeated texts first).
        let mut extra = inds.len() - units;
        let texts: Vec<String> = inds.iter().map(|&c| cell_text(w, c).to_lowercase()).collect();
        let mut order: Vec<(i32, usize)> = inds
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                let repeated = texts.iter().filter(|t| **t == texts[k]).count() > 1;
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

fn debug_dump(w: &Walker) {
    for e in &w.evs {
        match e {
            Ev::Cell(c) => {
                let cell = &w.cells[*c];
                eprintln!("{:?}[{}] {}", cell.kind, cell.strength, cell.lines.join(" / "));
            }
            Ev::Unit { word, .. } => eprintln!("  UNIT {word}"),
            Ev::Values { vals, inline } => eprintln!("  VALUES{} {}", if *inline { "*" } else { "" }, vals.join(" ")),
        }
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
    /// Per row: the node cell pinned to it, if any.
    pinned_nodes: Vec<(usize, usize)>,
    /// Per cell: the row it is pinned to.
    pinned: std::collections::BTreeMap<usize, usize>,
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
    let mut free = all_inds.iter().filter(|c| !pinned.contains_key(c));
    for slot in inds.iter_mut() {
        if slot.is_none() {
            *slot = free.next().copied();
        }
    }
    let mut pinned_nodes: Vec<(usize, usize)> = pinned.iter().filter(|(c, _)| w.cells[**c].kind == Kind::Node).map(|(c, r)| (*c, *r)).collect();
    pinned_nodes.sort();
    Layout { units, unit_lines, inds, pinned_nodes, pinned }
}

/// Assigns nodes to rows. Every node carries at least one indicator; an
/// indicator numbered 2 or more continues the node of the row above and
/// one numbered 1 opens a node; several nodes open on one row only from
/// the outer level inwards. Where a node was printed among the indicators
/// (between the k-th and the next), it opens at one of those rows; where
/// all nodes were printed apart (a column printed as one block), only the
/// counts place them. A dynamic programme weighs the three.
fn assign_nodes(w: &Walker, lay: &Layout, nodes: &[usize], warnings: &mut Vec<String>) -> Vec<Vec<usize>> {
    let nrows = lay.inds.len();
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); nrows];
    if nrows == 0 || nodes.is_empty() {
        return at;
    }
    let numbers: Vec<Option<u32>> = (0..nrows).map(|r| lay.inds[r].and_then(|c| parse_indicator_number(&cell_text(w, c)).0)).collect();
    let number = |r: usize| numbers[r];
    let depths: std::collections::BTreeMap<usize, usize> = nodes.iter().map(|&c| (c, parse_label(&cell_text(w, c)).map(|l| l.level.depth()).unwrap_or(0))).collect();
    let depth = |c: usize| depths[&c];
    // Row range each node may open at, from the floating indicators around it.
    let float_rows: Vec<(usize, usize)> = (0..nrows)
        .filter_map(|r| lay.inds[r].filter(|c| !lay.pinned.contains_key(c)).map(|c| (w.cells[c].ev, r)))
        .collect();
    let range = |n: usize| -> (usize, usize) {
        if let Some(&r) = lay.pinned.get(&n) {
            return (r, r);
        }
        let e = w.cells[n].ev;
        let before = float_rows.iter().filter(|(ev, _)| *ev < e).map(|(_, r)| *r).max();
        let after = float_rows.iter().filter(|(ev, _)| *ev > e).map(|(_, r)| *r).min();
        let lo = before.unwrap_or(0);
        let hi = after.unwrap_or(nrows - 1).max(lo);
        (lo, hi)
    };
    // Order: by the row each node is printed before (a pinned node's own
    // row), then as printed.
    let mut order: Vec<usize> = nodes.to_vec();
    order.sort_by_key(|&n| (range(n).1, w.cells[n].ev));
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
    let pos_cost = |n: usize, r: usize| -> f64 {
        let (lo, hi) = range(n);
        if lay.pinned.contains_key(&n) {
            return 10.0 * (if r < lo { lo - r } else { r.saturating_sub(hi) }) as f64;
        }
        if r < lo {
            2.0 * (lo - r) as f64
        } else {
            0.05 * r.saturating_sub(hi) as f64
        }
    };
    let m = order.len();
    // best[j][r]: node j opens at row r, nodes 0..=j placed; cost so far
    // including the rows before r. `cnt` counts nodes at r.
    let inf = f64::INFINITY;
    let mut best = vec![vec![inf; nrows]; m];
    let mut back = vec![vec![usize::MAX; nrows]; m];
    let mut cnt = vec![vec![0usize; nrows]; m];
    for r in 0..nrows {
        let skipped: f64 = (0..r).map(|q| row_cost(q, 0)).sum();
        best[0][r] = skipped + pos_cost(order[0], r);
        cnt[0][r] = 1;
    }
    for j in 1..m {
        for r in 0..nrows {
            for p in 0..=r {
                if best[j - 1][p] == inf {
                    continue;
                }
                let c = if p == r {
                    // Another node on the same row: outer level first, and
                    // rarely (a node without an indicator of its own).
                    let ok = depth(order[j]) > depth(order[j - 1]);
                    best[j - 1][p] + if ok { 0.8 } else { 5.0 }
                } else {
                    let between: f64 = (p + 1..r).map(|q| row_cost(q, 0)).sum();
                    best[j - 1][p] + row_cost(p, cnt[j - 1][p]) + between
                };
                let c = c + pos_cost(order[j], r);
                if c < best[j][r] {
                    best[j][r] = c;
                    back[j][r] = p;
                    cnt[j][r] = if p == r { cnt[j - 1][p] + 1 } else { 1 };
                }
            }
        }
    }
    let mut end = 0;
    let mut end_cost = inf;
    for r in 0..nrows {
        if best[m - 1][r] == inf {
            continue;
        }
        let tail: f64 = (r + 1..nrows).map(|q| row_cost(q, 0)).sum();
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
    if std::env::var_os("RENCANA_FLOW_DEBUG").is_some() {
        for (r, v) in at.iter().enumerate() {
            let names: Vec<String> = v.iter().map(|&n| format!("{}{:?}", cell_text(w, n).chars().take(20).collect::<String>(), range(n))).collect();
            eprintln!("row {r} num={:?} nodes={names:?}", number(r));
        }
        eprintln!("node cost {end_cost}");
    }
    // Rows left without a node although they should open one.
    let unsure = (0..nrows).filter(|&r| at[r].is_empty() && (r == 0 || number(r) == Some(1))).count() + (0..nrows).filter(|&r| !at[r].is_empty() && number(r).is_some_and(|n| n >= 2)).count();
    if unsure > 0 || end_cost >= 5.0 {
        warnings.push("nodes_unaligned".to_string());
    }
    at
}

fn build(w: &Walker, roles: &[Role], text_after: &[Role], out: &mut Recovered) {
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
                let t = cell_text(w, *c);
                if nodes.last().is_some_and(|&p| cell_text(w, p) == t && !lay.pinned.contains_key(c)) {
                    continue;
                }
                nodes.push(*c);
            }
        }
    }
    // Units with their inline values; free values.
    let mut row_vals: Vec<RowValues> = Vec::new();
    let mut free: Vec<String> = Vec::new();
    for e in &w.evs {
        match e {
            Ev::Unit { .. } => row_vals.push(RowValues::default()),
            Ev::Values { vals, inline } => {
                if *inline {
                    if let Some(r) = row_vals.last_mut() {
                        let room = cap.saturating_sub(r.inline.len());
                        r.inline.extend(vals.iter().take(room).cloned());
                        free.extend(vals.iter().skip(room).cloned());
                        continue;
                    }
                }
                free.extend(vals.iter().cloned());
            }
            Ev::Cell(_) => {}
        }
    }
    if nrows == 0 {
        out.warnings.push("no_table_found".to_string());
        return;
    }
    let solved = solve(&row_vals, &free, cap);
    if std::env::var_os("RENCANA_FLOW_DEBUG").is_some() {
        eprintln!("inline: {:?}", row_vals.iter().map(|r| r.inline.join(" ")).collect::<Vec<_>>());
        eprintln!("free: {}", free.join(" "));
        eprintln!("solved ({:?}, stray {}): {:?}", solved.mode, solved.stray, solved.rows.iter().zip(&solved.confirmed).map(|(r, c)| format!("{}{}", if *c { "" } else { "?" }, r.join(" "))).collect::<Vec<_>>());
    }
    out.confirmed = solved.confirmed.iter().filter(|c| **c).count();
    let node_at = assign_nodes(w, &lay, &nodes, &mut out.warnings);
    // Notes: to the row of the latest indicator or unit read before them.
    let mut row_of_cell: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (r, c) in inds.iter().enumerate() {
        if let Some(c) = c {
            row_of_cell.insert(*c, r);
        }
    }
    let mut notes: Vec<Vec<String>> = vec![Vec::new(); nrows];
    let mut cur = 0usize;
    let mut unit_no = 0usize;
    for e in &w.evs {
        match e {
            Ev::Unit { .. } => {
                cur = unit_no;
                unit_no += 1;
            }
            Ev::Cell(c) => match w.cells[*c].kind {
                Kind::Ind => {
                    if let Some(&r) = row_of_cell.get(c) {
                        cur = r;
                    }
                }
                Kind::Note => notes[cur.min(nrows - 1)].push(cell_text(w, *c)),
                Kind::Node => {}
            },
            _ => {}
        }
    }
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
            out.rows.push(Row { page: nl.page, line: nl.line, node: Some(cell_text(w, n)), ..Row::default() });
        }
        let mut row = Row { page: line.page, line: line.line, node: all.last().map(|&n| cell_text(w, n)), ..Row::default() };
        match inds[r] {
            Some(ic) => row.set(Role::Indicator, cell_text(w, ic)),
            None => {
                missing_ind += 1;
                row.warnings.push("indicator_not_found".to_string());
            }
        }
        row.set(Role::Unit, lay.units[r].0.clone());
        for (role, v) in roles.iter().zip(&solved.rows[r]) {
            row.set(*role, v.clone());
        }
        if !solved.confirmed[r] {
            row.warnings.push("values_unconfirmed".to_string());
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
