//! The wide reading: flow dumps of the older (2018) layout, in which one
//! table row holds a sasaran indicator and a program beside it:
//!
//! SASARAN | INDIKATOR SASARAN | SATUAN | KONSEP DEFINISI | TARGET, TW I–IV |
//! PERMASALAHAN | (PENANGGUNG JAWAB) | STRATEGI | ARAH KEBIJAKAN | PROGRAM |
//! INDIKATOR PROGRAM | SATUAN | KONSEP DEFINISI | TARGET, TW I–IV | PENANGGUNG JAWAB
//!
//! It is chosen by the header words alone: a header naming both INDIKATOR
//! SASARAN and INDIKATOR PROGRAM. The narrow readings cannot serve: they
//! expect one indicator group whose unit is followed by its targets, while
//! here a KONSEP DEFINISI sits between unit and targets, two indicator
//! groups share a row, and the columns between them (problem, strategy,
//! policy) carry no label.
//!
//! Such dumps come out of the extractor block by block: a page's program
//! rows may come before the title, merged cells come between the rows they
//! span, a row's last quarter may come after the next row's target, and a
//! merged cell cut by a page break is printed again, in fragments, at the
//! end. What survives is the grammar of each indicator: its text cell, then
//! its unit, then its definition and targets (see [`Record`]). So the
//! reading
//! 1. splits the body into cells ([`cells_of`]): a line ending in a space
//!    goes on in the next line, as does a word cut at the cell edge;
//! 2. drops the repeated fragments at the end of a page ([`drop_repeated_tail`]);
//! 3. finds the indicator records at their unit cells ([`records`]);
//! 4. tells sasaran from program records by where the middle columns
//!    (problem ... policy) stand: a sasaran row's targets are followed by
//!    them and then by its program's label, a program's indicator by its
//!    responsible and the next indicator ([`Levels`]);
//! 5. gives each program record its program: the label it follows, or,
//!    where the dump cannot tell (labels printed together, rows printed
//!    before the title), the program whose name shares the most words with
//!    the indicator and its definition, with a `program_ambiguous` warning;
//! 6. gives the values to the rows with the quarterly arithmetic
//!    ([`super::values::solve`]), as the recovery reading does.

use super::super::cells::{fold, join_lines, Vocabulary};
use super::super::frame::{is_header_line, roles_in_words};
use super::super::Row;
use super::prep::lines_of;
use super::values::{solve, RowValues, Solved};
use crate::extract::Page;
use crate::parse::header::{completes_header_word, Role};
use crate::parse::label::{parse_indicator_number, Level};
use crate::parse::label::written::{parse_label, starts_with_label};
use crate::parse::number::is_number;
use crate::parse::unit::{canonical, is_known};
use std::collections::{HashMap, HashSet};

/// What the wide reading found.
#[derive(Debug, Default)]
pub(super) struct Wide {
    pub rows: Vec<Row>,
    pub title: Vec<String>,
    pub tujuan: Vec<(Option<u32>, String)>,
    pub columns: Vec<Role>,
    pub warnings: Vec<String>,
}

/// True when the header names both indicator groups of the wide layout.
pub(super) fn is_wide(roles: &[Role]) -> bool {
    roles.contains(&Role::SasaranIndicator) && roles.contains(&Role::ProgramIndicator)
}

/// One non-blank source line.
#[derive(Debug, Clone)]
struct Src {
    page: u32,
    line: u32,
    words: Vec<String>,
    open_end: bool,
    /// A blank line comes before it.
    para_break: bool,
}

impl Src {
    fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// A cell of text with where it starts.
#[derive(Debug, Clone, PartialEq)]
struct Cell {
    text: String,
    page: u32,
    line: u32,
}

/// The body as a sequence of pieces in reading order.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Text(Cell),
    /// A unit cell: the unit word, with the text after it on its line (the
    /// start of the definition) split off as the next `Text`.
    Unit(Cell),
    Values(Vec<String>),
    /// A title or header block was taken out here.
    Break,
}

/// Reads a flow dump in the wide layout; `None` when its header does not
/// name the two indicator groups.
pub(super) fn read(pages: &[Page]) -> Option<Wide> {
    let src = source_lines(pages);
    let mut wide = Wide::default();
    let mut taken = vec![false; src.len()];
    let (title, tujuan) = title_block(&src, &mut taken);
    let header_words = header_blocks(&src, &mut taken);
    let roles: Vec<Role> = header_words.iter().flat_map(|block| roles_in_words(&block.iter().map(String::as_str).collect::<Vec<_>>()).0).collect();
    if !is_wide(&roles) {
        return None;
    }
    wide.title = title;
    wide.tujuan = tujuan;
    wide.columns = wide_columns(&roles, &middle_roles(&header_words));
    let vocab = Vocabulary::from_texts(src.iter().map(|s| s.text()).collect::<Vec<_>>().iter().map(String::as_str));
    let items = drop_repeated_tail(cells_of(&src, &taken, &vocab));
    let recs = records(&items);
    let middle = middle_roles(&header_words);
    build(&items, &recs, &middle, &mut wide);
    Some(wide)
}

fn source_lines(pages: &[Page]) -> Vec<Src> {
    lines_of(pages)
        .into_iter()
        .map(|l| Src { page: l.page, line: l.line, words: l.text.split_whitespace().map(str::to_string).collect(), open_end: l.open_end, para_break: l.para_break })
        .collect()
}

/// The title block, wherever the dump printed it: the "RENCANA ..." line,
/// the lines in capitals under it (office, region), and a tujuan list
/// ("Tujuan : 1. ..." and the numbered lines after it), returned apart.
fn title_block(src: &[Src], taken: &mut [bool]) -> (Vec<String>, Vec<(Option<u32>, String)>) {
    let mut title = Vec::new();
    let mut tujuan = Vec::new();
    let Some(start) = src.iter().position(|s| s.text().to_uppercase().starts_with("RENCANA")) else {
        return (title, tujuan);
    };
    let mut i = start;
    while i < src.len() {
        let text = src[i].text();
        let in_capitals = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
        if i == start || in_capitals {
            title.push(text);
        } else if let Some(list) = tujuan_list_start(&text) {
            tujuan.push(numbered(list));
        } else if !tujuan.is_empty() && parse_indicator_number(&text).0.is_some() {
            tujuan.push(numbered(&text));
        } else {
            break;
        }
        taken[i] = true;
        i += 1;
    }
    (title, tujuan)
}

/// "Tujuan : 1. Meningkatnya ..." → "1. Meningkatnya ...".
fn tujuan_list_start(text: &str) -> Option<&str> {
    let rest = text.trim_start();
    let rest = rest.get(..6).filter(|w| w.eq_ignore_ascii_case("tujuan")).map(|_| &rest[6..])?;
    let rest = rest.trim_start().strip_prefix(':')?;
    Some(rest.trim())
}

fn numbered(text: &str) -> (Option<u32>, String) {
    let (no, rest) = parse_indicator_number(text);
    (no, fold(rest))
}

/// Takes out header blocks (runs of header lines naming a column) and
/// returns the words of each block.
fn header_blocks(src: &[Src], taken: &mut [bool]) -> Vec<Vec<String>> {
    let in_title: Vec<bool> = taken.to_vec();
    let header_like = |i: usize| {
        let s = &src[i];
        if in_title[i] {
            return false;
        }
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        // (The header words first: they turn most lines away.)
        if !is_header_line(&words) {
            return false;
        }
        let values = s.words.iter().all(|w| is_number(w));
        // "Program " opening a wrapped cell is a label, not the PROGRAM header.
        let opens_label = s.open_end && starts_with_label(&s.text());
        !values && !opens_label
    };
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < src.len() {
        if !header_like(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut words: Vec<String> = src[i].words.clone();
        while j < src.len() {
            // "PERMASAL" / "AHAN": a header word cut at the cell edge.
            let cut = words.last().zip(src[j].words.first()).is_some_and(|(l, r)| completes_header_word(l, r));
            if cut {
                let first = src[j].words[0].clone();
                words.last_mut().expect("checked").push_str(&first);
                words.extend(src[j].words[1..].iter().cloned());
            } else if header_like(j) {
                words.extend(src[j].words.iter().cloned());
            } else {
                break;
            }
            j += 1;
        }
        let (roles, _) = roles_in_words(&words.iter().map(String::as_str).collect::<Vec<_>>());
        if !roles.is_empty() {
            taken[i..j].iter_mut().for_each(|t| *t = true);
            blocks.push(words);
        }
        i = j;
    }
    blocks
}

/// The columns between the two groups, in header order: PERMASALAHAN,
/// then PENANGGUNG JAWAB when a header block names it before STRATEGI or
/// the program group (the sasaran's responsible), STRATEGI, ARAH KEBIJAKAN.
fn middle_roles(header_words: &[Vec<String>]) -> Vec<Role> {
    let blocks: Vec<Vec<Role>> = header_words.iter().map(|b| roles_in_words(&b.iter().map(String::as_str).collect::<Vec<_>>()).0).collect();
    let named = |r: Role| blocks.iter().any(|b| b.contains(&r));
    let responsible_in_middle = blocks.iter().any(|b| {
        let at = |r: Role| b.iter().position(|x| *x == r);
        let pj = at(Role::Responsible);
        pj.is_some_and(|pj| [Role::Strategy, Role::Policy, Role::ProgramIndicator].iter().any(|r| at(*r).is_some_and(|k| k > pj)))
    });
    let mut roles = Vec::new();
    if named(Role::Problem) {
        roles.push(Role::Problem);
    }
    if responsible_in_middle {
        roles.push(Role::Responsible);
    }
    roles.extend([Role::Strategy, Role::Policy].into_iter().filter(|r| named(*r)));
    roles
}

/// The table's columns in the layout's order, from the roles the header
/// pieces name (a scrambled dump prints them out of order): each group's
/// node, indicator, unit, definition and targets, the middle columns
/// between the groups, and the program's responsible last.
fn wide_columns(named: &[Role], middle: &[Role]) -> Vec<Role> {
    let group = |indicator: Role| {
        let mut g = vec![Role::Node, indicator, Role::Unit];
        if named.contains(&Role::Definition) {
            g.push(Role::Definition);
        }
        g.extend(Role::VALUES);
        g
    };
    let mut cols = group(Role::SasaranIndicator);
    cols.extend(middle);
    cols.extend(group(Role::ProgramIndicator));
    cols.push(Role::Responsible);
    cols
}

/// A word that may stand as a unit cell: a known unit or a percent spelling.
fn is_unit_word(w: &str) -> bool {
    is_known(&canonical(w))
}

fn is_value_word(w: &str) -> bool {
    w == "-" || is_number(w)
}

/// Splits the body lines (those not `taken`) into items. With trailing
/// spaces in the dump, a cell ends at a line without one (unless the next
/// line goes on with a cut word's tail or punctuation); without them, at a
/// blank line. A new cell opens with a unit word, a run of values, or text.
fn cells_of(src: &[Src], taken: &[bool], vocab: &Vocabulary) -> Vec<Item> {
    let kept: Vec<usize> = (0..src.len()).filter(|&i| !taken[i]).collect();
    let open_ends = kept.iter().filter(|&&i| src[i].open_end).count();
    let by_spaces = open_ends * 5 > kept.len();
    let mut items: Vec<Item> = Vec::new();
    let mut cur: Option<(Cell, Vec<String>)> = None;
    let flush = |cur: &mut Option<(Cell, Vec<String>)>, items: &mut Vec<Item>| {
        if let Some((mut cell, lines)) = cur.take() {
            cell.text = join_lines(&lines, vocab);
            items.push(Item::Text(cell));
        }
    };
    let mut prev: Option<usize> = None;
    for &i in &kept {
        let s = &src[i];
        let gap = prev.is_some_and(|p| p + 1 != i);
        let goes_on = prev.is_some_and(|p| {
            let first = s.words[0].as_str();
            let tail = first.starts_with(|c: char| c.is_lowercase() || matches!(c, '/' | ',' | ')' | '-' | '.'));
            if by_spaces {
                src[p].open_end || tail
            } else {
                !s.para_break || tail
            }
        });
        if gap {
            flush(&mut cur, &mut items);
            items.push(Item::Break);
        }
        if let Some((_, lines)) = cur.as_mut().filter(|_| !gap && goes_on) {
            lines.push(s.text());
            prev = Some(i);
            continue;
        }
        flush(&mut cur, &mut items);
        let w = &s.words;
        let mut k = 0;
        // A unit word before the targets ("Persen 2 0,50%") or before the
        // definition ("Prosen Jumlah ...") is told later, from its neighbours;
        // here only a unit with values after it is sure.
        if w.len() >= 2 && is_unit_word(&w[0]) && is_value_word(&w[1]) {
            items.push(Item::Unit(Cell { text: w[0].clone(), page: s.page, line: s.line }));
            k = 1;
        }
        let run = w[k..].iter().take_while(|x| is_value_word(x)).count();
        // Values open a cell when they fill the line or are two or more
        // ("3% 0 0 0 3% Kabid"); one number before words is text ("17 th").
        if run > 0 && (k == 1 || run >= 2 || k + run == w.len()) {
            items.push(Item::Values(w[k..k + run].to_vec()));
            k += run;
        }
        if k < w.len() {
            cur = Some((Cell { text: String::new(), page: s.page, line: s.line }, vec![w[k..].join(" ")]));
        }
        prev = Some(i);
    }
    flush(&mut cur, &mut items);
    split_unit_cells(items)
}

/// Tells unit cells printed without values after them: a one-word cell
/// holding a unit, or a cell opening with a unit word and going on with the
/// definition ("Prosen Jumlah Koperasi ..."). Such a cell is the unit when
/// it follows an indicator's text and the next cell is not the unit itself
/// ("Prosentase Koperasi Aktif" before "Prosen Jumlah ..." is the indicator).
fn split_unit_cells(items: Vec<Item>) -> Vec<Item> {
    let unit_led = |it: &Item| match it {
        Item::Text(c) => c.text.split_whitespace().next().is_some_and(is_unit_word) && !starts_with_label(&c.text),
        Item::Unit(_) => true,
        _ => false,
    };
    let mut out = Vec::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        let Item::Text(c) = it else {
            out.push(it.clone());
            continue;
        };
        let alone = c.text.split_whitespace().count() == 1;
        let after_text = matches!(out.last(), Some(Item::Text(_)));
        let next_is_unit = items.get(k + 1).is_some_and(unit_led);
        if unit_led(it) && after_text && (alone || !next_is_unit) {
            let (unit, rest) = c.text.split_once(' ').unwrap_or((c.text.as_str(), ""));
            out.push(Item::Unit(Cell { text: unit.to_string(), ..c.clone() }));
            if !rest.trim().is_empty() {
                out.push(Item::Text(Cell { text: rest.trim().to_string(), ..c.clone() }));
            }
        } else {
            out.push(it.clone());
        }
    }
    out
}

/// Letters only, lowercased: how repeated fragments are compared.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// True when `needle`'s characters appear in `hay` in order.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut it = hay.chars();
    needle.chars().all(|c| it.any(|h| h == c))
}

/// Drops, at the end of each page, the stretch of items that only repeat
/// earlier ones: a merged cell cut by a page break is printed again in
/// fragments ("nya", "sehat dan Usaha Mikro ...") with the cells of its
/// row. The stretch must open with a whole earlier cell of three words or
/// more, so a short cell printed twice in its own right ("Kabid UMKM") is
/// never taken for a repeat.
fn drop_repeated_tail(items: Vec<Item>) -> Vec<Item> {
    let page_of = |it: &Item| match it {
        Item::Text(c) | Item::Unit(c) => Some(c.page),
        _ => None,
    };
    let mut keep = vec![true; items.len()];
    let mut k = 0;
    while k < items.len() {
        let page = page_of(&items[k]);
        let mut end = k + 1;
        while end < items.len() && page_of(&items[end]).is_none_or(|p| Some(p) == page || page.is_none()) {
            end += 1;
        }
        if let Some(from) = repeated_tail_start(&items[..end], k) {
            keep[from..end].iter_mut().for_each(|x| *x = false);
        }
        k = end;
    }
    items.into_iter().zip(keep).filter(|(_, k)| *k).map(|(it, _)| it).collect()
}

/// Where the repeated stretch ending at `items.len()` starts, looking no
/// earlier than `page_start`.
fn repeated_tail_start(items: &[Item], page_start: usize) -> Option<usize> {
    let text_of = |it: &Item| match it {
        Item::Text(c) | Item::Unit(c) => Some(c.text.clone()),
        _ => None,
    };
    for s in page_start..items.len() {
        let Some(first) = text_of(&items[s]) else { continue };
        let earlier: Vec<String> = items[..s].iter().filter_map(text_of).collect();
        let whole = first.split_whitespace().count() >= 3 && earlier.iter().any(|e| e.contains(&first));
        if !whole {
            continue;
        }
        let before = letters(&earlier.join(" "));
        let repeats = items[s..].iter().all(|it| match it {
            Item::Text(c) | Item::Unit(c) => is_subsequence(&letters(&c.text), &before),
            Item::Values(v) => items[..s].iter().any(|e| e == &Item::Values(v.clone())),
            Item::Break => true,
        });
        if repeats {
            return Some(s);
        }
    }
    None
}

/// One indicator as found at its unit: the item indices of its cells.
#[derive(Debug, Clone, Default, PartialEq)]
struct Record {
    indicator: Option<usize>,
    unit: usize,
    definition: Option<usize>,
    /// The values printed right after the unit or the definition.
    values: Option<usize>,
    /// The text right after the record's last cell, unless it opens the
    /// next indicator: a program's responsible (a sasaran's next column is
    /// no part of the record, so this is only claimed for programs).
    trailing: Option<usize>,
}

impl Record {
    fn last(&self) -> usize {
        self.values.or(self.definition).unwrap_or(self.unit)
    }
}

/// The records, one per unit cell: the text before the unit is the
/// indicator; a text right after it the definition; values right after
/// either, the targets.
fn records(items: &[Item]) -> Vec<Record> {
    let is_text = |k: usize| matches!(items.get(k), Some(Item::Text(c)) if !starts_with_label(&c.text));
    let opens_record = |k: usize| is_text(k) && matches!(items.get(k + 1), Some(Item::Unit(_)));
    let mut out = Vec::new();
    for (u, it) in items.iter().enumerate() {
        if !matches!(it, Item::Unit(_)) {
            continue;
        }
        let mut r = Record { unit: u, ..Record::default() };
        if u > 0 && is_text(u - 1) {
            r.indicator = Some(u - 1);
        }
        let mut k = u + 1;
        if is_text(k) && !opens_record(k) {
            r.definition = Some(k);
            k += 1;
        }
        if matches!(items.get(k), Some(Item::Values(_))) {
            r.values = Some(k);
            k += 1;
        }
        if is_text(k) && !opens_record(k) {
            r.trailing = Some(k);
        }
        out.push(r);
    }
    out
}

fn label_at(items: &[Item], k: usize) -> Option<&Cell> {
    match &items[k] {
        Item::Text(c) if parse_label(&c.text).is_some_and(|l| l.level == Level::Program) => Some(c),
        _ => None,
    }
}

/// Sasaran or program, per record, and the middle cells of each row band.
struct Levels {
    sasaran: Vec<bool>,
    /// Per program label (item index): the middle cells printed before it.
    bands: Vec<(usize, Vec<usize>)>,
    /// Per band, the sasaran record of its row.
    band_record: Vec<Option<usize>>,
    /// Records that follow a program label with only program records between.
    chained: Vec<Option<usize>>,
}

/// Decides the records' levels.
///
/// A record that follows a program label, with only other program records
/// (and their responsible cells) between, is a program's. The texts left
/// just before a program label are a band's middle cells (problem ...
/// policy): a row's sasaran targets are followed by them and then by the
/// row's program. Each band's sasaran record is the last record before its
/// middle cells; bands printed one after the other with no record between
/// (the extractor printed their sasaran rows together) take the last
/// records before the first of them, in order.
fn levels(items: &[Item], recs: &[Record]) -> Levels {
    let n = recs.len();
    let rec_at: HashMap<usize, usize> = recs.iter().enumerate().flat_map(|(r, rec)| rec.indicator.into_iter().chain([rec.unit]).map(move |k| (k, r))).collect();
    let mut chained: Vec<Option<usize>> = vec![None; n];
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut label: Option<usize> = None;
    let mut k = 0;
    while k < items.len() {
        if label_at(items, k).is_some() {
            label = Some(k);
        } else if let Some(&r) = rec_at.get(&k) {
            chained[r] = label;
            let rec = &recs[r];
            if label.is_some() {
                claimed.extend(rec.trailing);
            }
            k = rec.trailing.filter(|_| label.is_some()).unwrap_or(rec.last()) + 1;
            continue;
        } else if let Item::Text(_) = items[k] {
            label = None;
        }
        k += 1;
    }
    let owned = |k: usize| rec_at.contains_key(&k) || recs.iter().any(|r| r.definition == Some(k) || r.values == Some(k)) || claimed.contains(&k);
    let mut bands: Vec<(usize, Vec<usize>)> = Vec::new();
    for k in 0..items.len() {
        if label_at(items, k).is_none() {
            continue;
        }
        let mut cells = Vec::new();
        let mut j = k;
        while j > 0 {
            j -= 1;
            match &items[j] {
                Item::Values(_) | Item::Break if !owned(j) => continue,
                Item::Text(_) if !owned(j) && label_at(items, j).is_none() => cells.push(j),
                _ => break,
            }
        }
        cells.reverse();
        if !cells.is_empty() {
            bands.push((k, cells));
        }
    }
    // Pools: the records between one band and the next.
    let mut band_record: Vec<Option<usize>> = vec![None; bands.len()];
    let mut pool_of: Vec<Vec<usize>> = Vec::new();
    let mut from = 0;
    for (lab, cells) in &bands {
        let to = cells[0];
        pool_of.push((0..n).filter(|&r| recs[r].unit > from && recs[r].unit < to).collect());
        from = *lab;
    }
    let mut b = 0;
    while b < bands.len() {
        let mut g = 1;
        while b + g < bands.len() && pool_of[b + g].is_empty() {
            g += 1;
        }
        let pool = &pool_of[b];
        let take = g.min(pool.len());
        for (i, &r) in pool[pool.len() - take..].iter().enumerate() {
            band_record[b + i] = Some(r);
        }
        b += g;
    }
    let mut sasaran = vec![false; n];
    for r in band_record.iter().flatten() {
        sasaran[*r] = true;
    }
    if bands.is_empty() {
        // No middle cells to go by: the records before the first program
        // label that follow no label are the sasaran's.
        let first_label = (0..items.len()).find(|&k| label_at(items, k).is_some()).unwrap_or(items.len());
        for r in 0..n {
            sasaran[r] = chained[r].is_none() && recs[r].unit < first_label;
        }
    }
    Levels { sasaran, bands, band_record, chained }
}

/// Words of a text for comparing it with program names: lowercased, four
/// letters or more.
fn content_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4).map(str::to_lowercase).collect()
}

/// Scores how well a program record fits each candidate program by the
/// words its indicator and definition share with the program's name, a
/// word counting less the more programs name it. Returns the best
/// candidate; ties go to a program with no sure record yet, then to the
/// earlier one.
fn likeliest_program(text: &str, candidates: &[usize], names: &HashMap<usize, String>, has_sure: &HashSet<usize>) -> usize {
    let words = content_words(text);
    let all: Vec<HashSet<String>> = names.values().map(|n| content_words(n)).collect();
    let df = |w: &str| all.iter().filter(|s| s.contains(w)).count().max(1) as f64;
    let score = |c: usize| -> f64 { content_words(&names[&c]).iter().filter(|w| words.contains(*w)).map(|w| 1.0 / df(w)).sum() };
    let mut best = candidates[0];
    let rank = |c: usize| (score(c), !has_sure.contains(&c));
    for &c in &candidates[1..] {
        let (s, free) = rank(c);
        let (bs, bfree) = rank(best);
        if s > bs + 1e-9 || ((s - bs).abs() <= 1e-9 && free && !bfree) {
            best = c;
        }
    }
    best
}

/// The values of every record: the rows in reading order take the free
/// value runs in reading order, by the quarterly arithmetic. The extractor
/// prints a row's missing values after its unit, never before, so a record
/// after the last free run keeps only its own values (a row whose targets
/// are blank must not take its neighbour's quarters).
fn solve_values(items: &[Item], recs: &[Record]) -> Solved {
    let used: HashSet<usize> = recs.iter().filter_map(|r| r.values).collect();
    let free_at: Vec<usize> = (0..items.len()).filter(|k| !used.contains(k) && matches!(items[*k], Item::Values(_))).collect();
    let values_of = |k: usize| match &items[k] {
        Item::Values(v) => v.clone(),
        _ => Vec::new(),
    };
    let free: Vec<String> = free_at.iter().flat_map(|&k| values_of(k)).collect();
    let inline: Vec<RowValues> = recs.iter().map(|r| RowValues { inline: r.values.map(values_of).unwrap_or_default() }).collect();
    let cap = Role::VALUES.len();
    // A row printed whole is read as printed, whatever its arithmetic
    // (the quarterly warnings will say when it does not add up).
    let whole: Vec<bool> = inline.iter().map(|r| r.inline.len() == cap).collect();
    let last_free = free_at.last().copied().unwrap_or(0);
    let takes_free = |r: usize| !whole[r] && recs[r].unit < last_free;
    let takers: Vec<usize> = (0..recs.len()).filter(|&r| takes_free(r)).collect();
    let others: Vec<usize> = (0..recs.len()).filter(|&r| !takes_free(r) && !whole[r]).collect();
    let pick = |rs: &[usize]| rs.iter().map(|&r| inline[r].clone()).collect::<Vec<_>>();
    let with_free = solve(&pick(&takers), &free, cap);
    let alone = solve(&pick(&others), &[], cap);
    let mut solved = Solved { rows: vec![Vec::new(); recs.len()], confirmed: vec![true; recs.len()], stray: with_free.stray, mode: with_free.mode, owner: Vec::new() };
    for (r, row) in inline.iter().enumerate().filter(|(r, _)| whole[*r]) {
        solved.rows[r] = row.inline.clone();
    }
    for (part, rs) in [(&with_free, &takers), (&alone, &others)] {
        for (k, &r) in rs.iter().enumerate() {
            solved.rows[r] = part.rows[k].clone();
            solved.confirmed[r] = part.confirmed[k];
        }
    }
    solved
}

fn text_at(items: &[Item], k: Option<usize>) -> String {
    match k.map(|k| &items[k]) {
        Some(Item::Text(c)) | Some(Item::Unit(c)) => c.text.clone(),
        _ => String::new(),
    }
}

/// Builds the rows: per sasaran name its sasaran records, then per program
/// (in the order printed) its label row and its records.
fn build(items: &[Item], recs: &[Record], middle: &[Role], wide: &mut Wide) {
    let lv = levels(items, recs);
    let labels: Vec<usize> = (0..items.len()).filter(|&k| label_at(items, k).is_some()).collect();
    let names: HashMap<usize, String> = labels.iter().map(|&k| (k, parse_label(&text_at(items, Some(k))).map(|l| l.name).unwrap_or_default())).collect();

    // Middle cells of each band by role, filled from the end (the policy
    // stands last, next to the program); a band missing its first cells
    // continues the merged cells of the band above.
    let mut band_cells: Vec<Vec<(Role, String)>> = Vec::new();
    for (_, cells) in &lv.bands {
        let mut got: Vec<(Role, String)> = cells.iter().rev().zip(middle.iter().rev()).map(|(&c, &r)| (r, text_at(items, Some(c)))).collect();
        if let Some(above) = band_cells.last() {
            for (r, t) in above {
                if !got.iter().any(|(g, _)| g == r) && middle.iter().position(|m| m == r) < middle.iter().position(|m| got.iter().any(|(g, _)| g == m)) {
                    got.push((*r, t.clone()));
                }
            }
        }
        band_cells.push(got);
    }
    let band_of_label: HashMap<usize, usize> = lv.bands.iter().enumerate().map(|(b, (lab, _))| (*lab, b)).collect();

    // Label runs: labels with no record between them.
    let mut run_of: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut run: Vec<usize> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| labels[p]);
        let record_between = prev.is_some_and(|p| recs.iter().any(|r| r.unit > p && r.unit < l));
        if prev.is_some() && record_between {
            run.clear();
        }
        run.push(l);
        for &m in &run {
            run_of.insert(m, run.clone());
        }
    }

    // Programs of the program records.
    let mut program_of: Vec<Option<usize>> = vec![None; recs.len()];
    let mut ambiguous = vec![false; recs.len()];
    let mut has_sure: HashSet<usize> = HashSet::new();
    for (r, c) in lv.chained.iter().enumerate() {
        if let Some(l) = c.filter(|_| !lv.sasaran[r]) {
            if run_of[&l].len() == 1 {
                program_of[r] = Some(l);
                has_sure.insert(l);
            }
        }
    }
    for r in 0..recs.len() {
        if lv.sasaran[r] || program_of[r].is_some() || labels.is_empty() {
            continue;
        }
        let candidates = match lv.chained[r] {
            Some(l) => run_of[&l].clone(),
            None => labels.clone(),
        };
        let text = format!("{} {}", text_at(items, recs[r].indicator), text_at(items, recs[r].definition));
        program_of[r] = Some(likeliest_program(&text, &candidates, &names, &has_sure));
        ambiguous[r] = candidates.len() > 1;
    }

    let solved = solve_values(items, recs);

    // Sasaran names: texts no record, band or label owns.
    let mut owned: HashSet<usize> = HashSet::new();
    for (r, rec) in recs.iter().enumerate() {
        owned.extend([rec.indicator, Some(rec.unit), rec.definition, rec.values].into_iter().flatten());
        if !lv.sasaran[r] {
            owned.extend(rec.trailing);
        }
    }
    owned.extend(lv.bands.iter().flat_map(|(_, c)| c.iter().copied()));
    let sasaran_names: Vec<usize> = (0..items.len()).filter(|&k| matches!(items[k], Item::Text(_)) && !owned.contains(&k) && label_at(items, k).is_none()).collect();
    let name_for = |at: usize| -> Option<usize> { sasaran_names.iter().rev().find(|&&k| k < at).or(sasaran_names.first()).copied() };

    let row_of = |r: usize, wide_row: &mut Row| {
        let rec = &recs[r];
        let anchor = match rec.indicator.map(|k| &items[k]) {
            Some(Item::Text(c)) => c.clone(),
            _ => match &items[rec.unit] {
                Item::Unit(c) => c.clone(),
                _ => unreachable!("a record's unit is a unit cell"),
            },
        };
        wide_row.page = anchor.page;
        wide_row.line = anchor.line;
        wide_row.set(Role::Indicator, text_at(items, rec.indicator));
        wide_row.set(Role::Unit, text_at(items, Some(rec.unit)));
        wide_row.set(Role::Definition, text_at(items, rec.definition));
        for (role, v) in Role::VALUES.iter().zip(&solved.rows[r]) {
            wide_row.set(*role, v.clone());
        }
        if !solved.confirmed[r] && solved.rows[r].iter().any(|v| !v.is_empty()) {
            wide_row.warnings.push("values_unconfirmed".to_string());
        }
        if rec.indicator.is_none() {
            wide_row.warnings.push("indicator_not_found".to_string());
        }
    };

    // Sasaran rows, grouped under their names in order.
    let mut rows: Vec<Row> = Vec::new();
    let mut open_name: Option<usize> = None;
    let band_of_record: HashMap<usize, usize> = lv.band_record.iter().enumerate().filter_map(|(b, r)| r.map(|r| (r, b))).collect();
    for r in (0..recs.len()).filter(|&r| lv.sasaran[r]) {
        let mut row = Row::default();
        let name = name_for(recs[r].unit);
        if name.is_some() && name != open_name {
            row.node = Some(text_at(items, name));
            row.node_level = Some(Level::Sasaran);
            open_name = name;
        }
        row_of(r, &mut row);
        if let Some(&b) = band_of_record.get(&r) {
            for (role, t) in &band_cells[b] {
                row.set(*role, t.clone());
            }
        }
        rows.push(row);
    }
    // Program rows, per label in the order printed.
    for &l in &labels {
        let mut label_row = Row::default();
        let Item::Text(c) = &items[l] else { continue };
        label_row.page = c.page;
        label_row.line = c.line;
        label_row.node = Some(c.text.clone());
        rows.push(label_row);
        let band = band_of_label.get(&l).map(|&b| &band_cells[b]);
        for r in (0..recs.len()).filter(|&r| program_of[r] == Some(l)) {
            let mut row = Row::default();
            row_of(r, &mut row);
            row.set(Role::Responsible, text_at(items, recs[r].trailing));
            for (role, t) in band.into_iter().flatten().filter(|(role, _)| *role != Role::Responsible) {
                row.set(*role, t.clone());
            }
            if ambiguous[r] {
                row.warnings.push("program_ambiguous".to_string());
            }
            rows.push(row);
        }
    }
    // Program records with no label at all stay under the sasaran.
    for r in (0..recs.len()).filter(|&r| !lv.sasaran[r] && program_of[r].is_none()) {
        let mut row = Row::default();
        row_of(r, &mut row);
        row.set(Role::Responsible, text_at(items, recs[r].trailing));
        row.warnings.push("program_not_found".to_string());
        rows.push(row);
    }
    if solved.stray > 0 {
        wide.warnings.push(format!("stray_values:{}", solved.stray));
    }
    wide.rows = rows;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Item {
        Item::Text(Cell { text: t.to_string(), page: 1, line: 1 })
    }
    fn unit(t: &str) -> Item {
        Item::Unit(Cell { text: t.to_string(), page: 1, line: 1 })
    }
    fn values(v: &[&str]) -> Item {
        Item::Values(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn unit_cells_are_told_by_their_neighbours() {
        let items = split_unit_cells(vec![text("Prosentase Koperasi Aktif"), text("Prosen Jumlah Koperasi aktif dibagi jumlah")]);
        assert_eq!(items, vec![text("Prosentase Koperasi Aktif"), unit("Prosen"), text("Jumlah Koperasi aktif dibagi jumlah")]);
        // An indicator opening with a percent word, before its unit cell.
        let items = split_unit_cells(vec![text("Kabid Umum"), text("Persentase pegawai terlatih"), unit("Persen"), values(&["5"])]);
        assert_eq!(items[1], text("Persentase pegawai terlatih"));
        // A unit alone in its cell.
        let items = split_unit_cells(vec![text("Cakupan desa terlayani"), text("Desa"), text("Jumlah desa terlayani")]);
        assert_eq!(items[1], unit("Desa"));
    }

    #[test]
    fn records_take_definition_values_and_trailing_text() {
        let items = vec![
            text("Jumlah pelaku terlatih"), unit("Orang"), text("Pelaku yang ikut pelatihan"), values(&["40", "0", "10", "10", "20"]),
            text("Kabid Usaha"), text("Cakupan layanan"), unit("Persen"), values(&["2"]),
        ];
        let recs = records(&items);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0], Record { indicator: Some(0), unit: 1, definition: Some(2), values: Some(3), trailing: Some(4) });
        assert_eq!(recs[1], Record { indicator: Some(5), unit: 6, definition: None, values: Some(7), trailing: None });
    }

    #[test]
    fn repeated_fragments_at_a_page_end_are_dropped() {
        let items = vec![
            text("Naiknya mutu layanan publik daerah"), text("Indeks kepuasan"), unit("Indeks"), values(&["80"]),
            text("Kabid Mutu"), values(&["20", "20", "20", "20"]),
            text("Naiknya mutu layanan publik daerah"), text("mutu layanan"), values(&["20", "20", "20", "20"]),
        ];
        let kept = drop_repeated_tail(items.clone());
        assert_eq!(kept, items[..6].to_vec());
        // A short cell printed twice in its own right stays.
        let items = vec![text("Kabid Mutu"), text("Indeks"), text("Kabid Mutu")];
        assert_eq!(drop_repeated_tail(items.clone()), items);
    }

    #[test]
    fn tujuan_list_lines() {
        assert_eq!(tujuan_list_start("Tujuan      :    1. Meningkatnya Jumlah Koperasi"), Some("1. Meningkatnya Jumlah Koperasi"));
        assert_eq!(tujuan_list_start("Tujuan 1 Menurunnya"), None);
        assert_eq!(numbered(" 2. Meningkatnya mutu"), (Some(2), "Meningkatnya mutu".to_string()));
    }

    #[test]
    fn middle_columns_follow_the_header() {
        let block = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let roles = middle_roles(&[block("PERMASALAHAN"), block("PENANGGUNG JAWAB STRATEGI ARAH KEBIJAKAN PROGRAM INDIKATOR PROGRAM")]);
        assert_eq!(roles, vec![Role::Problem, Role::Responsible, Role::Strategy, Role::Policy]);
        let roles = middle_roles(&[block("PERMASALAHAN STRATEGI ARAH KEBIJAKAN PROGRAM INDIKATOR PROGRAM SATUAN TARGET PENANGGUNG JAWAB")]);
        assert_eq!(roles, vec![Role::Problem, Role::Strategy, Role::Policy]);
    }

    #[test]
    fn ambiguous_programs_go_by_shared_words() {
        let names: HashMap<usize, String> = [(1, "Peningkatan Mutu Pendidikan Dasar".to_string()), (2, "Peningkatan Layanan Kesehatan Ibu".to_string())].into();
        let none = HashSet::new();
        assert_eq!(likeliest_program("Persentase ibu hamil yang dilayani kesehatan", &[1, 2], &names, &none), 2);
        assert_eq!(likeliest_program("Angka partisipasi pendidikan dasar", &[1, 2], &names, &none), 1);
        // Nothing shared: a program with no sure record first.
        let sure: HashSet<usize> = [1].into();
        assert_eq!(likeliest_program("Jumlah lulusan", &[1, 2], &names, &sure), 2);
    }
}
