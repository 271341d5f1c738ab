//! Lines into parts: text, a unit cell printed before values, values, a
//! lone "%", a small number opening a line (a row or label number).

use super::prep::BodyLine;
use super::words::{is_dash, is_num, is_small_int, starts_upper};
use crate::parse::header::{is_plan_year, squash};
use crate::parse::label::written::{printed_label, starts_with_label};
use crate::parse::number::is_text_target;
use crate::parse::unit::{canonical, is_known, looks_like_unit};
use std::collections::HashSet;

/// A piece of a line.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Part {
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
pub(super) struct Units {
    pub(super) seen: HashSet<String>,
}

impl Units {
    /// `nums`: per line, per word, whether it is a number.
    pub(super) fn from_lines(lines: &[BodyLine], nums: &[Vec<bool>]) -> Self {
        let mut seen = HashSet::new();
        for (l, num) in lines.iter().zip(nums) {
            let w = &l.words;
            // Per word: how many numbers or dashes run from it.
            let mut run = vec![0usize; w.len() + 1];
            for i in (0..w.len()).rev() {
                run[i] = if num[i] || is_dash(&w[i]) { run[i + 1] + 1 } else { 0 };
            }
            for i in 1..w.len() {
                // "Prosentase 100 0 ..." : a word before two or more values.
                if run[i] >= 2 && !num[i - 1] && looks_like_unit(&w[i - 1]) && !(i == 1 && starts_with_label(&l.text())) {
                    seen.insert(canonical(&w[i - 1]));
                }
            }
        }
        Units { seen }
    }

    /// True for a word that can be a unit cell: a known unit, a percent
    /// spelling, or a word this document prints before its targets.
    pub(super) fn is_unit(&self, w: &str) -> bool {
        let c = canonical(w);
        w == "%" || is_known(&c) || self.seen.contains(&c)
    }
}

/// The parts of a line of `words`; `num` tells, per word, whether it is a number.
pub(super) fn scan_line(words: &[String], num: &[bool], units: &Units) -> Vec<Part> {
    let n = words.len();
    if n == 1 && words[0] == "%" {
        return vec![Part::Pct];
    }
    let value_like = |k: usize| num[k] || is_dash(&words[k]) || is_text_target(&words[k]) || words[k] == "%";
    if (0..n).all(value_like) && words.iter().any(|w| w != "%") {
        return vec![Part::Values(merge_pct(words))];
    }
    // The words of a label ("Sub Kegiatan 1") hold no values.
    let label_words = printed_label(&words.join(" ")).map(|p| p.split_whitespace().count()).unwrap_or(0);
    let mut parts: Vec<Part> = Vec::new();
    let mut text: Vec<String> = Vec::new();
    let mut i = 0;
    while i < n {
        let w = &words[i];
        if i < label_words || !(num[i] || (is_dash(w) && num.get(i + 1).is_some_and(|x| *x))) {
            text.push(w.clone());
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (num[j] || is_dash(&words[j]) || (words[j] == "%" && j > i)) {
            j += 1;
        }
        let vals = merge_pct(&words[i..j]);
        let at_end = j == n;
        let unit_before = text.last().filter(|u| text.len() > label_words && !is_num(u) && looks_like_unit(u) && (units.is_unit(u) || vals.len() >= 2));
        if i == 0 && vals.len() == 1 && is_small_int(&vals[0]) && !at_end && words.get(j).is_some_and(|x| starts_upper(x)) {
            // Before a label it is the NO column's row number: dropped.
            if !starts_with_label(&words[j..].join(" ")) {
                parts.push(Part::Num(vals[0].clone()));
            }
            i = j;
            continue;
        }
        // One number opening a line that goes on in lowercase is a
        // wrapped text's line ("(per" / "1.000 penduduk)"): value cells
        // are printed alone, or run into other cells, never into a word
        // in lowercase.
        let opens_text = i == 0 && vals.len() == 1 && words.get(j).is_some_and(|x| x.starts_with(|c: char| c.is_lowercase()));
        let names_a_year = text.len() >= 2 && text.last().is_some_and(|t| is_a_names_year(t, &vals));
        if opens_text || names_a_year {
            text.extend(words[i..j].iter().cloned());
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

/// A name's year after its text ("Rencana Kerja Pemerintah Daerah (RKPD)
/// Tahun 2020", on one line or as "... Tahun" / "2020"): `values` one
/// plan year after the word "Tahun", no unit "Tahun" with a target.
pub(super) fn is_a_names_year(word_before: &str, values: &[String]) -> bool {
    matches!(values, [v] if is_plan_year(v)) && squash(word_before) == "TAHUN"
}

/// "40,05" "%" → "40,05%".
pub(super) fn merge_pct(words: &[String]) -> Vec<String> {
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
