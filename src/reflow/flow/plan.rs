//! The plan: where indicators start and which unit-like words are the unit
//! cells, decided over the whole dump before the walk.

use super::prep::BodyLine;
use super::scan::{is_a_names_year, Part, Units};
use super::words::{
    continues_title, ind_start, inline_ind_start, is_acronym, is_function_word, starts_lower, starts_upper, style_counts,
    NAMING_OPENERS,
};
use crate::parse::label::{parse_indicator_number, Label, Level};
use crate::parse::label::written::parse_label;
use crate::parse::unit::{canonical, looks_like_unit};
use std::collections::HashSet;

/// Decisions taken over the whole dump before the walk: where indicators
/// start, and which unit-like words are the unit cells. Every indicator has
/// one unit, so a unit-like word is a unit only when the indicator it would
/// belong to has none yet ("Layanan" in "Penyediaan" / "Layanan" is a word
/// of a name when "Jiwa" is the unit of the next indicator).
#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// Line → index of the word of its first text part where an indicator starts.
    pub(super) start: Vec<Option<usize>>,
    /// Line → its one word (or its "%") is a unit cell.
    pub(super) unit_line: Vec<bool>,
    /// Line → the last word of its last text part is a unit cell.
    pub(super) unit_tail: Vec<bool>,
    /// Line → its first part is text that opens with a label.
    pub(super) labelled: Vec<bool>,
}

/// A candidate found on a line, in reading order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Cand {
    /// An indicator starts at word `at` of the line (0: it opens the line);
    /// `numbered` when it carries its number ("2. Persentase").
    Start { at: usize, numbered: bool },
    /// A lone word that opens indicators and is a unit too ("Persentase",
    /// "Nilai"): the unit of the indicator above if it has none, else the
    /// start of the next.
    Either,
    /// A unit candidate, alone on its line or ending it (`tail`), of a
    /// given strength: 4 with values after it; 3 a percent spelling, a
    /// capitalised word alone (outside a title-case name's block), or a
    /// capital right after lowercase words at the end of a line; 2 a
    /// lowercase word alone, or a capitalised one among a name's lines; 1
    /// any other unit word ending a line.
    Unit { strength: u8, tail: bool },
}

/// Builds the plan in two passes: candidates per line (indicator starts,
/// lone words that may be a unit or a start, unit words), then a pass in
/// reading order that keeps one unit per indicator band (from one start to
/// the next): the strongest candidate of the band, the first of equals; a
/// candidate left over goes to the next band when that band has none (a
/// top-aligned unit printed above its indicator) or to an earlier band left
/// without one (a unit printed in a block of its own).
pub(super) fn make_plan(lines: &[BodyLine], parts: &[Vec<Part>], units: &Units) -> Plan {
    let n = lines.len();
    let same_para = |a: usize, b: usize| b < n && lines[a].para == lines[b].para;
    let next_values = |li: usize| same_para(li, li + 1) && matches!(parts[li + 1].first(), Some(Part::Values(_)));
    let all_values = |l: usize| !parts[l].is_empty() && parts[l].iter().all(|x| matches!(x, Part::Values(_) | Part::Pct));
    // pdftotext prints every cell of a row as a block of its own: a
    // one-line block between the indicator's text and the block of the
    // row's first value is the SATUAN cell ("Hektar" / "4,75"). (One right
    // after values is a trailing cell, PENANGGUNG JAWAB, even where the
    // next row's values follow it, their indicator printed elsewhere.)
    let values_block_next = |li: usize| {
        let alone = (li == 0 || !same_para(li - 1, li)) && li + 1 < n && !same_para(li, li + 1);
        alone && all_values(li + 1) && li.checked_sub(1).is_none_or(|up| !all_values(up))
    };
    // Per line, what its first text part opens with, read once: a label,
    // an indicator start, an indicator start inside it.
    let first_text = |li: usize| match parts[li].first() {
        Some(Part::Text(ws)) => Some(ws),
        _ => None,
    };
    let labels: Vec<Option<Label>> = (0..n).map(|li| first_text(li).and_then(|ws| parse_label(&ws.join(" ")))).collect();
    let starts: Vec<Option<u8>> = (0..n).map(|li| first_text(li).and_then(|ws| ind_start(ws))).collect();
    let inline_starts: Vec<Option<usize>> = (0..n).map(|li| first_text(li).filter(|_| labels[li].is_none()).and_then(|ws| inline_ind_start(ws, 1))).collect();
    // Blocks that hold a label and an indicator start interleave two columns.
    let mut block_label: HashSet<usize> = HashSet::new();
    let mut block_start: HashSet<usize> = HashSet::new();
    for li in 0..n {
        if first_text(li).is_some() {
            if labels[li].is_some() {
                block_label.insert(lines[li].para);
            } else if starts[li].is_some() || inline_starts[li].is_some() {
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
        // A unit of two or three words in a block of its own ("Miliar
        // Rupiah", "Sub Domain"): capitalised words of letters, before the
        // values.
        if let [Part::Text(ws)] = p.as_slice() {
            let unit_words = ws.iter().all(|w| starts_upper(w) && w.chars().all(|c| c.is_alphabetic() || c == '/'));
            if (2..=3).contains(&ws.len()) && unit_words && labels[li].is_none() && starts[li].is_none() && (next_values(li) || values_block_next(li)) {
                cands[li].push(Cand::Unit { strength: 4, tail: false });
                continue;
            }
        }
        if let Some(Part::Text(ws)) = p.first() {
            if let Some(lab) = &labels[li] {
                let title = matches!(lab.level, Level::Program | Level::Kegiatan | Level::SubKegiatan);
                title_node = Some((lines[li].para, title));
                // A lone level word above values is the unit ("Kegiatan" / "8").
                if lone && (next_values(li) || values_block_next(li)) && lab.number.is_none() {
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
                if (next_values(li) || values_block_next(li)) && unit_word(w) {
                    cands[li].push(Cand::Unit { strength: 4, tail: false });
                } else if starts[li].is_some() && units.is_unit(w) {
                    cands[li].push(Cand::Either);
                } else if starts[li].is_some() {
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
                // A noun that also names programmes, followed by a capital,
                // at the head of a line inside a title-case node's block, is
                // more of the name ("Capaian Kinerja dan ikhtisar realisasi"
                // shares the line with an indicator's words; "Pertumbuhan
                // volume usaha" opens an indicator).
                let naming = NAMING_OPENERS.contains(&ws[0].to_lowercase().as_str()) && ws.get(1).is_some_and(|w| starts_upper(w));
                let title_cont = in_title_node && (continues_title(ws) || naming);
                if starts[li].is_some() && !title_cont {
                    let numbered = parse_indicator_number(&ws.join(" ")).0.is_some();
                    cands[li].push(Cand::Start { at: 0, numbered });
                } else if let Some(j) = inline_starts[li] {
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
            // "... (RKPD) Tahun" / "2020": a name's year, no unit and target.
            let names_a_year = li + 1 < n && matches!(parts[li + 1].as_slice(), [Part::Values(v)] if is_a_names_year(&ws[ws.len() - 1], v));
            if ws.len() >= 2 && units.is_unit(&ws[ws.len() - 1]) && !names_a_year {
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
                } else if percent || (starts_upper(last) && !is_acronym(last) && rest.last().is_some_and(|w| starts_lower(w)) && style_counts(rest).1 > 0.0) {
                    // (In a title-case line, "Koperasi dan Usaha", the
                    // capital is the name's.)
                    3
                } else {
                    1
                };
                // (A single text part is the line's first.)
                let label_only = single_text && labels[li].as_ref().is_some_and(|l| l.name.split_whitespace().count() <= 1) && start_at.is_none();
                if rest_ok && !label_only && (strength >= 3 || multi(li)) {
                    cands[li].push(Cand::Unit { strength, tail: true });
                }
            }
        }
    }
    // Resolution, in reading order, one unit per indicator band (from one
    // indicator start to the next).
    let labelled: Vec<bool> = labels.iter().map(Option::is_some).collect();
    let mut plan = Plan { start: vec![None; n], unit_line: vec![false; n], unit_tail: vec![false; n], labelled: labelled.clone() };
    let is_definite_start = |c: &Cand| matches!(c, Cand::Start { .. });
    let is_label_line = |l: usize| labelled[l];
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
    // True when no other unit candidate comes between (li, k) and the next start.
    let last_before_start = |li: usize, k: usize| -> bool {
        let mut l = li;
        let mut idx = k + 1;
        while l < n {
            while idx < cands[l].len() {
                match cands[l][idx] {
                    c if is_definite_start(&c) => return true,
                    Cand::Unit { .. } | Cand::Either => return false,
                    _ => {}
                }
                idx += 1;
            }
            l += 1;
            idx = 0;
        }
        true
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
        for (k, &c) in cands[li].iter().enumerate() {
            let start_here = |plan: &mut Plan, band: &mut Option<bool>, reserved: &mut bool, deficit: &mut usize, at: usize| {
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
                        } else {
                            deficit = deficit.saturating_sub(1);
                        }
                        true
                    } else if band.is_some_and(|u| !u) {
                        if ahead(li, k, has_node) <= strength {
                            band = Some(true);
                            true
                        } else {
                            false
                        }
                    } else if !reserved && strength >= 2 && last_before_start(li, k) && next_band_empty(li, k) {
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
pub(super) fn column_widths(lines: &[BodyLine], parts: &[Vec<Part>], plan: &Plan) -> (Option<f64>, Option<f64>) {
    let mut paras: std::collections::HashMap<usize, (bool, bool, bool)> = std::collections::HashMap::new(); // label, start, unit
    for (li, l) in lines.iter().enumerate() {
        let e = paras.entry(l.para).or_insert((false, false, false));
        if plan.labelled[li] {
            e.0 = true;
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
        let is_label = plan.labelled[li];
        let node_only_block = label && !start && !unit;
        let bare_label_line = is_label && plan.start[li].is_none() && !plan.unit_tail[li];
        if node_only_block || bare_label_line {
            n_lens.push((len, l.para));
        } else if start && !label && !unit {
            i_lens.push((len, l.para));
        }
    }
    // Enough lines from more than one block to trust the measure.
    let width = |v: &Vec<(usize, usize)>| {
        let blocks: HashSet<usize> = v.iter().map(|(_, p)| *p).collect();
        (v.len() >= 5 && blocks.len() >= 2).then(|| v.iter().map(|(l, _)| *l).max().expect("non-empty") as f64)
    };
    (width(&n_lens), width(&i_lens))
}
