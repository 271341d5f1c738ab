//! Dumps of spreadsheet PDFs that print a page's one-line cells before its
//! wrapped ones.
//!
//! LibreOffice Calc (and so a plan printed from a spreadsheet) draws a
//! page in two passes: every cell whose text fits on one line, row by row,
//! then every cell that wraps, row by row. mutool writes text in drawing
//! order, so its dump of such a page holds the rows' units and values with
//! their short cells ("Persentase" / "35" ... / "Sekretaris"), then the
//! page's node names and long indicators as blocks of their own, far from
//! the rows they belong to:
//!
//! ```text
//! 1            <- NO           (pass 1: one block per row)
//! Persentase   <- SATUAN
//! 35 5 15 25 35 6.255.000.000
//! ...
//! Program 1 / 3.27.03 PROGRAM PENYEDIAAN ...   (pass 2: one block per cell)
//! Persentase kelompok tani yang menerima ...
//! ```
//!
//! Both passes keep the rows' order, and within a row the columns' order,
//! so the wrapped cells can be dealt back to the rows: each row lacks what
//! its first pass did not print (its node's name, its indicator, a wrapped
//! unit, budget or PENANGGUNG JAWAB), and the wrapped cells, read in order,
//! fill those gaps in order. Where that leaves a choice (a node name may
//! open any of the rows whose indicators were short), a row whose
//! PENANGGUNG JAWAB or NO changes opens the node. The page is then written
//! out row by row and read as any dump that keeps its rows together.

use super::prep::{clean, lines_of, BodyLine};
use super::unit_last::{kind_of, Kind};
use crate::extract::{Line, Page, Word};
use crate::parse::header::{is_header_word, LEVEL_WORDS};
use crate::parse::label::{is_code, is_hierarchical_numbering, is_row_number};
use crate::parse::label::written::{names_bare_label, parse_label, starts_with_label};
use crate::parse::number::{is_grouped_thousands, is_number, is_number_piece, is_ratio, is_sum_of_money, is_word_target, parse_value, sum_of_money};
use crate::parse::unit::opens_with_official_title;
use super::values::row_obeys;
use super::words::ind_start;

/// The pages with their wrapped cells put back in their rows.
pub(super) struct Placed {
    pub pages: Vec<Page>,
    /// Wrapped cells put in a row.
    pub placed: usize,
    /// Wrapped cells no row had room for (left out).
    pub unplaced: usize,
    /// The signature's lines, taken out of the pages.
    pub signature: Vec<String>,
    /// Per page of `pages`, per line, the number of the source line it was
    /// (1-based; 0 for a blank line put between cells): the rows' places
    /// are told in the source's lines.
    pub origin: Vec<Vec<u32>>,
    /// Where among a row's values the budget is printed (0: before the
    /// target), told by where the sums of money stand in the rows' values;
    /// `None` when no row shows one.
    pub budget_at: Option<usize>,
}

/// What a wrapped cell holds, as far as its text tells.
#[derive(Debug, Clone, Copy, PartialEq)]
enum CellKind {
    /// A node: opens with its label ("Kegiatan 1", "SASARAN 2 ...").
    Node,
    /// A short cell that reads as a unit ("per 100.000" / "KH").
    Unit,
    /// A value cell that wrapped: a budget cut over lines ("1.050.000.0" /
    /// "00"), a quarter's "66,67" / "%" in a narrow column.
    Value,
    /// Any other text: an indicator, or a trailing column's cell; `official`
    /// when it opens with an official's title (a PENANGGUNG JAWAB cell),
    /// `opener` when it opens as indicators do ("Jumlah ...", "1. ..."),
    /// `short` when it is short enough to be a unit the vocabulary does
    /// not know ("Perangkat" / "Daerah").
    Text { official: bool, opener: bool, short: bool },
}

/// A wrapped cell: its lines, in order.
#[derive(Debug, Clone)]
struct Cell {
    lines: Vec<Line>,
    kind: CellKind,
}

/// One row as its first pass printed it.
#[derive(Debug, Clone, Default)]
struct RowPrint {
    /// NO, node and indicator cells before the unit, in order.
    lead: Vec<Line>,
    has_node: bool,
    has_indicator: bool,
    has_unit: bool,
    /// The unit and the values.
    anchor: Vec<Line>,
    values: usize,
    /// Cells after the values (PENANGGUNG JAWAB, KETERANGAN).
    trail: Vec<Line>,
    /// A NO cell opens the row.
    numbered: bool,
}

/// The slots a wrapped cell may fill in a row, in column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Node = 1,
    Indicator = 2,
    Unit = 3,
    /// A value the first pass lacks (a target, quarter or budget).
    Value = 4,
    /// The first trailing column; the k-th is `Trail as u8 + k`.
    Trail = 5,
}

/// Reads the pages as the two passes of a spreadsheet's pages, when at
/// least one page shows them; `trailing` is how many text columns follow
/// the values (PENANGGUNG JAWAB, KETERANGAN), `budget` whether the plan has
/// a budget column.
pub(super) fn place_wrapped_cells(pages: &[Page], trailing: usize, budget: bool) -> Option<Placed> {
    let src = lines_of(pages);
    let (body, removed) = clean(&src);
    if body.is_empty() {
        return None;
    }
    // A dump that ends each wrapped line in a space tells where a cell ends.
    let open_ends = body.iter().any(|l| l.open_end);
    let mut out = Placed { pages: Vec::with_capacity(pages.len()), placed: 0, unplaced: 0, signature: Vec::new(), origin: Vec::new(), budget_at: None };
    let mut money_at: Vec<usize> = Vec::new();
    let mut two_pass_pages = 0;
    for page in pages {
        let lines: Vec<&BodyLine> = body.iter().filter(|l| l.page == page.number).collect();
        let kept: std::collections::HashSet<u32> = lines.iter().map(|l| l.line).collect();
        // A page that does not read as two passes stays as dumped.
        let as_dumped = |out: &mut Placed| {
            out.pages.push(without_signature(page, &removed.signature, &mut out.signature));
            out.origin.push((1..=page.lines.len() as u32).collect());
        };
        let Some(split) = split_page(page, &lines, trailing, open_ends) else {
            as_dumped(&mut out);
            continue;
        };
        // A wrapped sum of money tells a budget column the header may not name.
        let budget = budget || split.cells.iter().any(|c| c.kind == CellKind::Value && is_sum_of_money(&one_line(&c.lines).text()));
        let (choice, cost) = deal(&split.rows, &split.cells, trailing, budget);
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            for (k, r) in split.rows.iter().enumerate() {
                eprintln!("row {k}: lead {:?} node {} ind {} unit {} values {} trail {:?}", r.lead.iter().map(Line::text).collect::<Vec<_>>(), r.has_node, r.has_indicator, r.has_unit, r.values, r.trail.iter().map(Line::text).collect::<Vec<_>>());
            }
            for (c, ch) in split.cells.iter().zip(&choice) {
                eprintln!("cell {:?} {:?} -> {:?}", c.kind, c.lines.iter().map(Line::text).collect::<Vec<_>>().join(" / "), ch);
            }
            eprintln!("cost {cost}");
        }
        // Cells no row had room for: the page is no two passes after all.
        if choice.iter().any(|c| c.is_none()) {
            if std::env::var_os("RENCANA_DEBUG").is_some() {
                eprintln!("page {}: wrapped cells left out ({} rows, {} cells): {:?}", page.number, split.rows.len(), split.cells.len(), choice.iter().zip(&split.cells).filter(|(c, _)| c.is_none()).map(|(_, c)| c.lines.iter().map(Line::text).collect::<Vec<_>>().join(" / ")).collect::<Vec<_>>());
            }
            as_dumped(&mut out);
            continue;
        }
        two_pass_pages += 1;
        for row in &split.rows {
            let values = &row.anchor[row.has_unit as usize..];
            // (A row counting in money, "Rupiah", has sums for targets.)
            let in_money = row.has_unit && {
                let unit = row.anchor[0].text().to_lowercase();
                unit.contains("rupiah") || unit.split_whitespace().any(|w| w.trim_end_matches('.') == "rp")
            };
            if values.len() >= 6 && !in_money {
                // The budget: the row's largest number, a sum of money.
                let largest = values.iter().enumerate().filter_map(|(k, l)| parse_value(&l.text()).as_f64().map(|v| (k, v, l))).max_by(|a, b| a.1.total_cmp(&b.1));
                money_at.extend(largest.filter(|(_, _, l)| is_sum_of_money(&l.text())).map(|(k, _, _)| k));
            }
        }
        // Lines that are no body (title, header pieces, signature) stay
        // above the rows, blank lines and all.
        let first_body = lines.first().map(|l| l.line).unwrap_or(0);
        let mut top: Vec<Line> = Vec::new();
        let mut bottom: Vec<Line> = Vec::new();
        let mut signature: Vec<Line> = Vec::new();
        for (i, l) in page.lines.iter().enumerate() {
            let n = i as u32 + 1;
            if kept.contains(&n) {
                continue;
            }
            if n < first_body {
                top.push(l.clone());
            } else if !l.is_blank() && removed.signature.iter().any(|s| s.trim() == l.text().trim()) {
                signature.push(l.clone());
            } else {
                bottom.push(l.clone());
            }
        }
        // The signature goes apart: its NIP would read as a row's values.
        out.signature.extend(signature.iter().map(Line::text));
        // Header pieces printed later (a wrapped header cell comes with the
        // second pass) join the header, no blank line between: after the
        // rows they would read as a row ("TAHUN" / "2026"), apart from the
        // header as a node ("TUJUAN/SASARAN/PROGRAM/").
        let mut rebuilt: Vec<Line> = top;
        while rebuilt.last().is_some_and(Line::is_blank) {
            rebuilt.pop();
        }
        rebuilt.extend(bottom.into_iter().filter(|l| !l.is_blank()));
        // (URAIAN's own header, "TUJUAN/SASARAN/PROGRAM/", would read as
        // a node there: it names a column every plan has, and goes.)
        rebuilt.extend(split.header_pieces.iter().filter(|l| !names_levels(l)).cloned());
        let para = |rebuilt: &mut Vec<Line>, lines: &[Line]| {
            if lines.is_empty() {
                return;
            }
            rebuilt.push(Line::default());
            rebuilt.extend(lines.iter().cloned());
        };
        para(&mut rebuilt, &split.before);
        for (r, row) in split.rows.iter().enumerate() {
            let given = |slot: Slot| -> Vec<&Cell> { choice.iter().enumerate().filter(|(_, c)| **c == Some((r, slot as u8))).map(|(k, _)| &split.cells[k]).collect() };
            let trails: Vec<&Cell> = choice
                .iter()
                .enumerate()
                .filter(|(_, c)| c.is_some_and(|(row, s)| row == r && s >= Slot::Trail as u8))
                .map(|(k, _)| &split.cells[k])
                .collect();
            // NO first, then the node, the indicator, the unit and values.
            let (numbers, lead): (Vec<Line>, Vec<Line>) = row.lead.iter().cloned().partition(|l| is_number_cell(&l.text()));
            // An outline's letter ("A.", "b)") tells no reader anything
            // more and would read as a word of the text before the label.
            let numbers: Vec<Line> = numbers.into_iter().filter(|l| !is_outline_letter(&l.text())).collect();
            let (node_lines, rest): (Vec<Line>, Vec<Line>) = lead.into_iter().partition(|l| opens_node(&l.text()));
            let mut nodes: Vec<Vec<Line>> = given(Slot::Node).into_iter().map(|c| c.lines.clone()).collect();
            nodes.extend(node_lines.into_iter().map(|l| vec![l]));
            // A KODE cell's code goes on its label's line ("3.26.02.2.01.0003"
            // / "Sub Kegiatan" / ...), as the label grammar reads codes: alone
            // on a line it would end the row above's last cell.
            for n in &mut nodes {
                if n.len() >= 2 && is_code(n[0].text().trim()) && opens_node(&n[1].text()) {
                    let code = n.remove(0);
                    n[0].words.splice(0..0, code.words);
                }
            }
            // The NO cell goes on the node's first line ("1 PROGRAM 1 ..."),
            // as a dump keeping its rows prints it.
            match nodes.first_mut().and_then(|n| n.first_mut()) {
                Some(first) if !numbers.is_empty() => {
                    let mut words: Vec<Word> = numbers.iter().flat_map(|l| l.words.iter().cloned()).collect();
                    words.append(&mut first.words);
                    first.words = words;
                }
                _ => numbers.iter().for_each(|l| para(&mut rebuilt, std::slice::from_ref(l))),
            }
            for n in &nodes {
                para(&mut rebuilt, n);
            }
            for l in &rest {
                para(&mut rebuilt, std::slice::from_ref(l));
            }
            for c in given(Slot::Indicator) {
                para(&mut rebuilt, &c.lines);
            }
            let mut anchor: Vec<Line> = Vec::new();
            for c in given(Slot::Unit) {
                anchor.push(one_line(&c.lines));
            }
            anchor.extend(row.anchor.iter().cloned());
            for c in given(Slot::Value) {
                let value = one_line(&c.lines);
                match value_place(row, &value.text(), budget) {
                    Some(at) => anchor.insert(at + row.has_unit as usize, value),
                    None => out.unplaced += 1,
                }
            }
            para(&mut rebuilt, &anchor);
            for l in &row.trail {
                para(&mut rebuilt, std::slice::from_ref(l));
            }
            for c in trails {
                para(&mut rebuilt, &c.lines);
            }
        }
        // (Every cell has its row: a page leaving one out is read as dumped.)
        out.placed += choice.len();
        // Lines keep their source's row position (a dump's y is its line).
        let source_line: std::collections::HashMap<u32, u32> = page.lines.iter().enumerate().filter_map(|(i, l)| l.words.first().map(|w| (w.y0.to_bits(), i as u32 + 1))).collect();
        out.origin.push(rebuilt.iter().map(|l| l.words.first().and_then(|w| source_line.get(&w.y0.to_bits()).copied()).unwrap_or(0)).collect());
        out.pages.push(Page { number: page.number, width: page.width, height: page.height, lines: rebuilt, rulings: Vec::new() });
    }
    // The header's order is lost with its wrapped cells; the values keep it.
    // Rows that disagree leave the columns unknown: no reading of them.
    let most = (0..8).max_by_key(|k| money_at.iter().filter(|m| *m == k).count()).unwrap_or(0);
    let agreeing = money_at.iter().filter(|m| **m == most).count();
    if agreeing * 10 < money_at.len() * 9 {
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            eprintln!("two passes read, but the rows place their budgets apart: {money_at:?}");
        }
        return None;
    }
    out.budget_at = (!money_at.is_empty()).then_some(most);
    (two_pass_pages > 0).then_some(out)
}

/// Where among a row's values a wrapped value goes: where the row then
/// obeys the quarterly arithmetic (a quarter's cell that wrapped), or
/// after a full target and quarters (the budget). `None`: nowhere that
/// can be told.
fn value_place(row: &RowPrint, value: &str, budget: bool) -> Option<usize> {
    let values: Vec<String> = row.anchor[row.has_unit as usize..].iter().map(Line::text).collect();
    if values.len() == 5 {
        return (budget && row_obeys(&values)).then_some(5);
    }
    if values.len() != 4 {
        return None;
    }
    (0..=4).find(|&at| {
        let mut with = values.clone();
        with.insert(at, value.to_string());
        row_obeys(&with)
    })
}

/// The page with its signature lines blanked (each line stays in its
/// place, so the rows keep their line numbers), and those lines added to
/// `taken`: a page the rows are not rebuilt on is read as it is, and a
/// signature's name on a page of its own would read as a cell.
fn without_signature(page: &Page, signature: &[String], taken: &mut Vec<String>) -> Page {
    let mut out = page.clone();
    for line in out.lines.iter_mut() {
        let text = line.text();
        if !line.is_blank() && signature.iter().any(|s| s.trim() == text.trim()) {
            taken.push(text);
            *line = Line::default();
        }
    }
    out
}

/// The words of a cell's lines on one line ("per 100.000" / "KH"; a
/// number cut over lines joined without a space).
fn one_line(lines: &[Line]) -> Line {
    let mut words: Vec<String> = lines.iter().flat_map(|l| l.words.iter().flat_map(|w| w.text.split_whitespace().map(str::to_string))).collect();
    if let Some(sum) = sum_in_cell(lines) {
        words = vec![sum];
    } else if lines.iter().all(|l| kind_of(l, false) == Kind::Values || is_number_piece(&l.text())) {
        words = vec![words.concat()];
    }
    // A word broken at its slash ("Orang/" / "bulan") is one word again.
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    for w in words {
        match joined.last_mut() {
            Some(prev) if prev.ends_with('/') && prev.len() > 1 => prev.push_str(&w),
            _ => joined.push(w),
        }
    }
    let words = joined;
    // At the first line's place: the cell starts there.
    let (y0, y1) = lines.iter().flat_map(|l| l.words.first()).map(|w| (w.y0, w.y1)).next().unwrap_or((0.0, 0.0));
    let word = |text: String| Word { text, x0: 0.0, x1: 0.0, y0, y1 };
    Line { words: words.into_iter().map(word).collect(), open_end: false }
}

/// The sum of money a budget cell holds, without its currency, when that
/// is all it holds: a narrow ANGGARAN cell wraps "Rp." / "485.000.000,-",
/// or even "Rp." / "1.250.000.000," / "-".
fn sum_in_cell(lines: &[Line]) -> Option<String> {
    let joined: String = lines.iter().flat_map(|l| l.words.iter().map(|w| w.text.as_str())).collect();
    sum_of_money(&joined).map(str::to_string)
}

/// A wrapped cell opening with a noun of quantity ("Volume produksi
/// batuan ...", "Kapasitas terpasang PLTS ...", gen115): an indicator, as
/// a cell of the second pass (a KETERANGAN cell opens so rarely). Only
/// here: in a flow dump's line such a word may go on a unit ("Volume" /
/// "Miliar Rupiah").
fn opens_with_measure(words: &[String]) -> bool {
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    words.len() >= 2 && matches!(first.as_str(), "volume" | "kapasitas" | "prevalensi" | "frekuensi") && words[0].starts_with(char::is_uppercase)
}

/// A page cut into its two passes.
struct Split {
    /// Body lines before the first row (kept as they are).
    before: Vec<Line>,
    /// Wrapped header cells the body's cleaning left, anywhere on the page.
    header_pieces: Vec<Line>,
    rows: Vec<RowPrint>,
    cells: Vec<Cell>,
}


/// A NO cell or a KODE cell (a node's code alone: "3.30.03.2.01").
fn is_number_cell(text: &str) -> bool {
    is_no_cell(text) || is_code(text.trim())
}

/// A NO cell: a row's count ("12", "IV"), a node's place in the
/// hierarchy ("1.1.2"), or an outline's letter ("A.", "b)": a cell of its
/// own, no initial of a name).
fn is_no_cell(text: &str) -> bool {
    let t = text.trim();
    is_row_number(t) || is_hierarchical_numbering(t) || is_outline_letter(t)
}

/// A letter numbering an outline's level, alone in its cell ("A.", "b)").
fn is_outline_letter(text: &str) -> bool {
    let t = text.trim();
    t.len() == 2 && t.starts_with(|c: char| c.is_ascii_alphabetic()) && t.ends_with(['.', ')'])
}

fn is_unit_line(line: &Line) -> bool {
    kind_of(line, true) == Kind::Unit
}

/// The cell just before a row's values: SATUAN's, unless it reads as an
/// indicator (a label or numbering opens it, or it runs to more than three
/// words; the unit cell then wrapped into the second pass). A short cell
/// there is the unit even when it is no unit the vocabulary knows
/// ("Kelompok Tani", "Desa Wisata").
fn is_unit_before_values(line: &Line) -> bool {
    let text = line.text();
    if opens_with_official_title(&text) {
        return false;
    }
    is_unit_line(line)
        || (line.words.len() <= 3
            && !text.chars().any(|c| c.is_ascii_digit())
            && (!starts_with_label(&text) || is_bare_level_word(&text))
            && !is_row_number(&text)
            && kind_of(line, false) != Kind::Values)
}

/// A level's word alone ("Kegiatan", "Program"): before a row's values,
/// the unit a plan counts in, not a label.
fn is_bare_level_word(text: &str) -> bool {
    !text.trim().contains(' ') && is_bare_label(text)
}

/// A level's label with no name, number or code ("SUB KEGIATAN": a header
/// cell's piece, or a label cell that wrapped).
fn is_bare_label(text: &str) -> bool {
    parse_label(text).is_some_and(|l| l.name.is_empty() && l.number.is_none() && l.code.is_none())
}

/// A block of one to three short lines, none a value, a NO or a label, or
/// a lone "%": the text of cells merged over rows, which a spreadsheet
/// draws apart from the rows they span ("Dokumen"; "Kepala Jawatan Praja"
/// / "Kali").
fn is_merged_cells_block(block: &[Line]) -> bool {
    // (A lone "%" reads as a value's sign anywhere else.)
    if let [line] = block {
        if line.text() == "%" {
            return true;
        }
    }
    (1..=3).contains(&block.len())
        && block.iter().all(|l| {
            let t = l.text();
            l.words.len() <= 4 && !is_value_line(l) && !is_number_cell(&t) && !opens_node(&t) && crate::parse::label::parse_indicator_number(&t).0.is_none()
        })
}

/// A value cell: numbers, dashes and text targets ("BB"), a ratio
/// ("1:2.850") or a sum with its currency ("Rp 388.200.000").
fn is_value_line(line: &Line) -> bool {
    let text = line.text();
    kind_of(line, false) == Kind::Values || is_ratio(&text) || text.strip_prefix("Rp").is_some_and(|n| is_number(n.trim_start_matches(['.', ' '])))
}

/// A line of several value cells printed close enough to share it
/// ("1.250.000 210.000 520.000 930.000", "40 -"; gen109) as a line per
/// cell: each is a value of its row, as the cells printed a line each
/// are, and a row counts its values so.
fn values_apart(line: Line) -> Vec<Line> {
    let cell = |t: &str| t == "-" || is_number(t);
    if line.words.len() < 2 || !line.words.iter().all(|w| cell(&w.text)) {
        return vec![line];
    }
    line.words.iter().map(|w| Line { words: vec![w.clone()], ..line.clone() }).collect()
}

/// Cuts a page into rows (blocks holding a unit and values) and, after the
/// last of them, the wrapped cells; `None` when the page does not read so:
/// no wrapped cell after its rows, or a block of text between two rows.
fn split_page(page: &Page, body: &[&BodyLine], trailing: usize, open_ends: bool) -> Option<Split> {
    let line_of = |b: &BodyLine| page.lines[b.line as usize - 1].clone();
    // Blocks: runs of body lines with one paragraph number.
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    let mut last_para = None;
    for b in body {
        if last_para != Some(b.para) {
            blocks.push(Vec::new());
            last_para = Some(b.para);
        }
        let block = blocks.last_mut().expect("a block was opened");
        let line = line_of(b);
        match sum_then_text(&line) {
            Some((sum, text)) => block.extend([sum, text]),
            None => block.extend(values_apart(line)),
        }
    }
    let blocks = leads_rejoined(blocks);
    let anchored: Vec<Vec<(usize, usize)>> = blocks.iter().map(|b| anchors(b)).collect();
    let first = anchored.iter().position(|a| !a.is_empty())?;
    let last = anchored.iter().rposition(|a| !a.is_empty())?;
    let debug = std::env::var_os("RENCANA_DEBUG").is_some();
    if (first..=last).any(|k| anchored[k].is_empty() && !is_merged_cells_block(&blocks[k])) {
        if debug {
            eprintln!("page {}: no two passes: text between rows ({:?})", page.number, (first..=last).filter(|k| anchored[*k].is_empty()).map(|k| blocks[k].iter().map(Line::text).collect::<Vec<_>>()).collect::<Vec<_>>());
        }
        return None;
    }
    let wrapped: Vec<Line> = blocks[last + 1..].iter().flatten().cloned().collect();
    if wrapped.iter().all(is_value_line) {
        return None;
    }
    let mut rows: Vec<RowPrint> = Vec::new();
    // A merged SATUAN cell's unit, for the rows printed after it that have
    // none of their own.
    let mut merged_unit: Option<Line> = None;
    for k in first..=last {
        if anchored[k].is_empty() {
            // Cells merged over several rows, drawn as blocks of their own
            // before the rows they span: a unit goes to those rows; other
            // text (a merged PENANGGUNG JAWAB) is no one row's, left out.
            merged_unit = blocks[k].iter().find(|l| is_unit_line(l)).cloned().or(merged_unit);
            continue;
        }
        for mut row in rows_of_block(&blocks[k], &anchored[k], trailing) {
            // Under a merged unit, a row's short indicator before its
            // values reads as its unit ("Kejadian pasien jatuh" / "0,24"
            // ...): a cell the vocabulary knows no unit in is the indicator.
            if row.has_unit && merged_unit.is_some() && row.lead.is_empty() && !is_unit_line(&row.anchor[0]) {
                row.lead.push(row.anchor.remove(0));
                row.has_unit = false;
                row.has_indicator = true;
            }
            if row.has_unit {
                merged_unit = None;
            } else if let Some(unit) = &merged_unit {
                row.anchor.insert(0, unit.clone());
                row.has_unit = true;
            }
            rows.push(row);
        }
    }
    // A first pass prints a row's short cells alone: a NO, a node's label
    // and name on one line, an indicator on one line; more is a dump of
    // another order (pdftotext's runs of a column's lines).
    if rows.iter().any(|r| r.lead.len() > 3 || r.trail.len() > trailing) {
        if debug {
            eprintln!("page {}: no two passes: a row with more than short cells ({:?})", page.number, rows.iter().filter(|r| r.lead.len() > 3 || r.trail.len() > trailing).map(|r| (r.lead.iter().map(Line::text).collect::<Vec<_>>(), r.trail.iter().map(Line::text).collect::<Vec<_>>())).next());
        }
        return None;
    }
    let cells = cells_of(&blocks[last + 1..], open_ends);
    // The second pass holds text: numbers there are value cells that
    // wrapped, one a row at most.
    let numbers = cells.iter().filter(|c| c.kind == CellKind::Value).count();
    if numbers > rows.len() || !cells.iter().any(|c| matches!(c.kind, CellKind::Node | CellKind::Text { .. })) {
        if debug {
            eprintln!("page {}: no two passes: {numbers} numbers among {} wrapped cells", page.number, cells.len());
        }
        return None;
    }
    let (pieces, before): (Vec<&Vec<Line>>, Vec<&Vec<Line>>) = blocks[..first].iter().partition(|b| is_header_piece(b));
    let header_pieces = pieces.into_iter().chain(blocks[last + 1..].iter().filter(|b| is_header_piece(b))).flatten().cloned().collect();
    Some(Split { before: before.into_iter().flatten().cloned().collect(), header_pieces, rows, cells })
}

/// A row's short cells (its NO, indicator) put back with its values when
/// a cell merged over it and the next row (a SATUAN "%" spanning both,
/// drawn centred between them) parted them: the dump prints the row's
/// lead, the merged cell and the row's values as three blocks. The merged
/// block goes first, where [`split_page`] reads a merged unit as the unit
/// of the rows after it that print none; the lead joins its values. Only
/// a lead of one or two short lines with no value, before a block that
/// opens with its values (its row prints no lead of its own).
fn leads_rejoined(blocks: Vec<Vec<Line>>) -> Vec<Vec<Line>> {
    let is_lead = |b: &[Line]| (1..=2).contains(&b.len()) && anchors(b).is_empty() && !is_merged_cells_block(b) && !b.iter().all(|l| l.words.iter().all(|w| is_header_word(&w.text))) && !b.iter().any(|l| names_levels(l) || is_bare_label(&l.text())) && b.iter().all(|l| !is_value_line(l) && l.words.len() <= 16);
    let opens_with_values = |b: &[Line]| anchors(b).first().is_some_and(|&(start, _)| start == 0 || (start == 1 && is_unit_before_values(&b[0])));
    let mut out: Vec<Vec<Line>> = Vec::with_capacity(blocks.len());
    let mut k = 0;
    while k < blocks.len() {
        let merged = blocks[k + 1..].iter().take_while(|b| is_merged_cells_block(b)).count();
        let values_at = k + 1 + merged;
        if merged > 0 && is_lead(&blocks[k]) && blocks.get(values_at).is_some_and(|b| opens_with_values(b)) {
            out.extend(blocks[k + 1..values_at].iter().cloned());
            out.push(blocks[k].iter().chain(&blocks[values_at]).cloned().collect());
            k = values_at + 1;
            continue;
        }
        out.push(blocks[k].clone());
        k += 1;
    }
    out
}

/// A line holding a sum of money and then text ("Rp 38.500.000.000 Dana
/// BLUD"): a budget cell and the cell after it (KETERANGAN), printed on
/// one baseline and dumped as one line; as two lines.
fn sum_then_text(line: &Line) -> Option<(Line, Line)> {
    let words = &line.words;
    let take = if words.first()?.text.starts_with("Rp") && words.first()?.text.len() <= 3 { 2 } else { 1 };
    let sum: String = words.get(..take)?.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
    let rest = words.get(take..).filter(|r| !r.is_empty())?;
    let opens_text = rest[0].text.starts_with(char::is_alphabetic) && !is_value_line(&Line { words: vec![rest[0].clone()], ..line.clone() });
    (is_sum_of_money(&sum) && opens_text).then(|| (Line { words: words[..take].to_vec(), ..line.clone() }, Line { words: rest.to_vec(), ..line.clone() }))
}

/// The runs of value lines in a block that are a row's values: after a
/// unit line, or long enough to be a target and its quarters (a lone
/// number is a NO cell). Each run as (first line, one past its last).
fn anchors(block: &[Line]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < block.len() {
        if let Some(end) = word_target_run(block, i) {
            out.push((i, end));
            i = end;
            continue;
        }
        if !is_value_line(&block[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < block.len() && is_value_line(&block[i]) {
            i += 1;
        }
        // A "%" cell is the unit, though it reads as a value's sign; and
        // so after the row's NO cell ("1" / "%" / "2,5" ...: the node and
        // indicator wrapped, printed with the second pass).
        // (A NO column numbering every node, "1.1", reads as a number too.)
        let numbered_percent = i - start >= 3 && is_no_cell(&block[start].text()) && block[start + 1].text() == "%";
        let mut start = if numbered_percent {
            start + 2
        } else if block[start].text() == "%" && i - start >= 2 {
            start + 1
        } else {
            start
        };
        // A NO cell right before the values (the unit and indicator wrapped):
        // the row adds up without it, and not with it as the target.
        if i - start >= 6 && is_no_cell(&block[start].text()) {
            let texts: Vec<String> = block[start..start + 6].iter().map(Line::text).collect();
            if row_obeys(&texts[1..6]) && !row_obeys(&texts[0..5]) {
                start += 1;
            }
        }
        // A sum after its currency on a line of its own ("Rp." /
        // "1.250.000.000," / "-", a budget cell wrapped) is no row.
        if start > 0 && matches!(block[start - 1].text().trim(), "Rp" | "Rp.") {
            continue;
        }
        let after_unit = start > 0 && is_unit_before_values(&block[start - 1]);
        // A sum of money alone after a text cell is a budget printed after
        // a column of text (PELAKSANA), not a row's target.
        let lone_budget = i - start == 1 && is_sum_of_money(&block[start].text()) && !(start > 0 && is_unit_line(&block[start - 1]));
        if (after_unit && !lone_budget) || i - start >= 4 {
            out.push((start, i));
        }
    }
    out
}

/// A row's word target at `at` ("Baik", "Sangat Baik") after its unit,
/// with TW IV saying the same, the quarters between blank or dashes: one
/// past the run. A word alone is no value (it may be a unit or a short
/// cell); the same word twice after a unit is a target.
fn word_target_run(block: &[Line], at: usize) -> Option<usize> {
    let word = block.get(at)?.text();
    if at == 0 || !is_word_target(&word) || !is_unit_before_values(&block[at - 1]) {
        return None;
    }
    // Between the target and TW IV: the three quarters blank or dashes,
    // or saying the same word each ("Kondusif" five times over).
    let dashes = block[at + 1..].iter().take_while(|l| l.text() == "-").count();
    let same = block[at + 1..].iter().take(3).take_while(|l| l.text() == word).count();
    let between = if dashes == 3 || (same == 3 && block.len() > at + 4) { 3 } else { 0 };
    (dashes == 0 || dashes == 3).then_some(())?;
    let last = at + 1 + between;
    // TW IV's word may share its line with the cell after it ("Nindya
    // Kepala Dinas": the two cells' text on one baseline).
    let tw4 = block.get(last)?.text();
    (tw4 == word || tw4.strip_prefix(word.as_str()).is_some_and(|rest| rest.starts_with(' '))).then_some(())?;
    // A budget after them is the row's too.
    Some(last + 1 + block[last + 1..].iter().take_while(|l| is_value_line(l)).count())
}

/// The rows of a block with their value runs at `runs`. The lines between
/// two runs are the first row's trailing cells (at most `trailing` of
/// them) and the next row's NO, node, indicator and unit: a NO, a label or
/// the unit line opens the next row.
fn rows_of_block(block: &[Line], runs: &[(usize, usize)], trailing: usize) -> Vec<RowPrint> {
    let mut rows = Vec::with_capacity(runs.len());
    let mut lead_from = 0;
    for (k, &(start, end)) in runs.iter().enumerate() {
        let unit_at = (start > lead_from && is_unit_before_values(&block[start - 1])).then(|| start - 1);
        let lead_end = unit_at.unwrap_or(start);
        // A budget printed before the indicator (ANGGARAN left of
        // INDIKATOR) goes with the values too.
        let (lead_sums, lead): (Vec<Line>, Vec<Line>) = block[lead_from..lead_end].iter().cloned().partition(|l| is_sum_of_money(&l.text()));
        let next_start = runs.get(k + 1).map(|r| r.0);
        let trail_end = match next_start {
            None => block.len(),
            Some(ns) => {
                let next_unit = if ns > end && is_unit_before_values(&block[ns - 1]) { ns - 1 } else { ns };
                let opens = (end..next_unit).find(|&j| {
                    let t = block[j].text();
                    // (A KODE cell, "3.26.02.2.01.0003", opens it too.)
                    is_number_cell(&t) || is_code(t.trim()) || opens_node(&t) || crate::parse::label::parse_indicator_number(&t).0.is_some()
                });
                let end_of_trail = opens.unwrap_or(next_unit);
                // A budget printed after a text column (PELAKSANA, then
                // PAGU ANGGARAN) is one of the row's cells more.
                let sums = (end..end_of_trail).filter(|&j| is_sum_of_money(&block[j].text())).count();
                end_of_trail.min(end + trailing + sums)
            }
        };
        // That budget goes with the row's values, where a plan prints it
        // most often (after the quarters), so that every row reads alike.
        let (sums, trail): (Vec<Line>, Vec<Line>) = block[end..trail_end].iter().cloned().partition(|l| is_sum_of_money(&l.text()));
        let texts: Vec<String> = lead.iter().map(Line::text).collect();
        let numbered = texts.iter().any(|t| is_no_cell(t));
        let has_node = texts.iter().any(|t| opens_node(t));
        let has_indicator = texts.iter().any(|t| !is_number_cell(t) && !opens_node(t));
        let mut anchor: Vec<Line> = unit_at.map(|u| vec![block[u].clone()]).unwrap_or_default();
        // (A sum keeps its currency out: "Rp" would read as the unit.)
        anchor.extend(block[start..end].iter().map(|l| if is_sum_of_money(&l.text()) { one_line(std::slice::from_ref(l)) } else { l.clone() }));
        let values = end - start + lead_sums.len() + sums.len();
        // (The sum alone, its currency left: "Rp" would read as a value.)
        anchor.extend(lead_sums.iter().chain(&sums).map(|l| one_line(std::slice::from_ref(l))));
        rows.push(RowPrint { lead, has_node, has_indicator, has_unit: unit_at.is_some(), anchor, values, trail, numbered });
        lead_from = trail_end;
    }
    rows
}

/// The longest tail of a word cut at its cell's edge read as one.
const LONGEST_CUT_TAIL: usize = 6;

/// The wrapped cells of a page's second pass. A cell ends with a line
/// that does not end in a space, when the dump marks wrapped lines so (a
/// bare label "Tujuan 1" goes on with its name); otherwise each block is a
/// cell. A number cut over cells ("1.050.000.0" / "00") is one cell.
fn cells_of(blocks: &[Vec<Line>], open_ends: bool) -> Vec<Cell> {
    let mut groups: Vec<Vec<Line>> = Vec::new();
    if open_ends {
        let mut cur: Vec<Line> = Vec::new();
        for l in blocks.iter().flatten() {
            let text = l.text();
            let bare_label = parse_label(&text).is_some_and(|lab| lab.name.is_empty());
            // "rata-" / "rata kabupaten": a word broken at its hyphen goes on.
            let broken_at_hyphen = text.ends_with('-') && text.trim_end_matches('-').ends_with(char::is_alphabetic);
            // "Orang/" / "bulan": a unit broken at its slash goes on too.
            let broken_at_slash = text.ends_with('/') && text.trim_end_matches('/').ends_with(char::is_alphabetic);
            cur.push(l.clone());
            if !l.open_end && !bare_label && !broken_at_hyphen && !broken_at_slash {
                groups.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            groups.push(cur);
        }
    } else {
        // Without the spaces, a label opens a cell of its own ("Tujuan 1
        // ..." / "Sasaran 1 ..." in one block), unless it names the bare
        // label above it ("Program 1" / "PROGRAM PENYEDIAAN ...").
        for block in blocks {
            let mut cur: Vec<Line> = Vec::new();
            for l in block {
                let opens = cur.last().is_some_and(|prev: &Line| opens_node(&l.text()) && !names_bare_label(&prev.text(), &l.text()));
                if opens {
                    groups.push(std::mem::take(&mut cur));
                }
                cur.push(l.clone());
            }
            groups.push(cur);
        }
    }
    let mut cells: Vec<Cell> = Vec::with_capacity(groups.len());
    for g in groups {
        if is_header_piece(&g) {
            continue;
        }
        let kind = kind_of_cell(&g);
        // A word cut at the cell's edge leaves its tail on a line that
        // ends the cell ("Penanggulanga" / "n"; a web address cut,
        // ".../datakunju" / "ngan", gen121): one cell. (A cell of one
        // line is the first pass's; this pass's are wrapped.)
        let tail_of_cut_word = g.len() == 1 && g[0].words.len() == 1 && {
            let t = &g[0].words[0].text;
            (1..=LONGEST_CUT_TAIL).contains(&t.chars().count()) && t.chars().all(|c| c.is_lowercase())
        };
        if tail_of_cut_word {
            if let Some(prev) = cells.last_mut().filter(|c| matches!(c.kind, CellKind::Text { .. } | CellKind::Node)) {
                prev.lines.extend(g);
                continue;
            }
        }
        if kind == CellKind::Value {
            // A sum cut where its line ends ("Rp." / "1.250.000.000," /
            // "-": the accountants' ",-" split) is one cell.
            if let Some(prev) = cells.last_mut().filter(|c| sum_in_cell(&c.lines).is_none()) {
                let both: Vec<Line> = prev.lines.iter().chain(&g).cloned().collect();
                if sum_in_cell(&both).is_some() {
                    *prev = Cell { lines: both, kind: CellKind::Value };
                    continue;
                }
            }
            if let Some(prev) = cells.last_mut().filter(|c| c.kind == CellKind::Value) {
                let (head, tail) = (one_line(&prev.lines).text(), one_line(&g).text());
                let joined = format!("{head}{tail}");
                if tail == "%" || (!is_grouped_thousands(&head) && is_grouped_thousands(&joined)) {
                    prev.lines.extend(g);
                    continue;
                }
            }
        }
        cells.push(Cell { lines: g, kind });
    }
    codes_onto_labels(cells)
}

/// A KODE cell that wrapped comes with the second pass, before its node's
/// label cell, and may itself be cut ("2.11.03.2.01.00" / "01"): the code,
/// made whole, opens the label's cell, where a code printed in URAIAN
/// stands.
fn codes_onto_labels(cells: Vec<Cell>) -> Vec<Cell> {
    let text = |c: &Cell| one_line(&c.lines).text();
    let mut out: Vec<Cell> = Vec::with_capacity(cells.len());
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mut it = cells.into_iter().peekable();
    while let Some(cell) = it.next() {
        let mut code = text(&cell);
        // A NO cell numbering every node that wrapped at a dot
        // ("1.1.2.1." / "1"): no cell a row shows, and no value.
        let no_head = code.ends_with('.') && code.matches('.').count() >= 3 && is_hierarchical_numbering(&code);
        if no_head && it.peek().map(text).is_some_and(|t| digits(&t) && t.len() <= 2) {
            it.next();
            continue;
        }
        if !is_code(&code) || code.contains(' ') {
            out.push(cell);
            continue;
        }
        if let Some(tail) = it.peek().map(text).filter(|t| digits(t)) {
            let joined = format!("{code}{tail}");
            if is_code(&joined) && joined.rsplit('.').next().is_some_and(|g| g.len() == 4) {
                code = joined;
                it.next();
            }
        }
        match it.peek_mut() {
            Some(next) if next.kind == CellKind::Node => {
                let mut line = one_line(&cell.lines);
                line.words = vec![Word { text: code, ..line.words[0].clone() }];
                next.lines.insert(0, line);
            }
            _ => out.push(cell),
        }
    }
    out
}

/// A wrapped header cell the body's cleaning left ("TUJUAN/SASARAN/PROGRAM/"
/// / "KEGIATAN/SUB KEGIATAN", "SASARAN / PROGRAM /" / "KEGIATAN / SUB
/// KEGIATAN", "SUMBER DANA"): header words only, in capitals, and more
/// than a level's label ("KEGIATAN 2" is a node).
fn is_header_piece(lines: &[Line]) -> bool {
    let words: Vec<&str> = lines.iter().flat_map(|l| l.words.iter().map(|w| w.text.as_str())).collect();
    let slashed = words.iter().any(|w| w.contains('/'));
    !words.is_empty()
        && words.iter().all(|w| (is_header_word(w.trim_matches('/')) || (slashed && LEVEL_WORDS.contains(w))) && !w.chars().any(|c| c.is_lowercase()) && !w.chars().all(|c| c.is_ascii_digit()))
        && words.iter().any(|w| (w.chars().any(char::is_alphabetic) && (w.contains('/') || !LEVEL_WORDS.contains(w))) || *w == "/")
}

/// A header line naming URAIAN by its levels, slashes between
/// ("TUJUAN/SASARAN/PROGRAM/", "KEGIATAN/SUB KEGIATAN").
fn names_levels(line: &Line) -> bool {
    line.words.iter().any(|w| w.text.contains('/') && w.text.split('/').filter(|p| !p.is_empty()).all(|p| LEVEL_WORDS.contains(&p)))
}

/// A cell that opens a node: a label with its number or code, or a level
/// word in capitals over a name in title case ("Program Pengembangan
/// ..."). A level word before words in lower case opens an indicator or a
/// wrapped line ("Kegiatan patroli dan penjagaan ...", "kegiatan dan sub
/// kegiatan perangkat daerah").
fn opens_node(text: &str) -> bool {
    let Some(label) = parse_label(text) else { return false };
    let capital = |s: &str| s.trim_start().starts_with(|c: char| c.is_uppercase());
    label.number.is_some() || label.code.is_some() || (capital(&label.printed) && (label.name.is_empty() || capital(&label.name)))
}

fn kind_of_cell(lines: &[Line]) -> CellKind {
    let text = lines.iter().map(Line::text).collect::<Vec<_>>().join(" ");
    if opens_node(&text) {
        CellKind::Node
    } else if sum_in_cell(lines).is_some() || lines.iter().all(|l| is_value_line(l) || is_number_piece(&l.text())) {
        CellKind::Value
    } else if is_unit_line(&one_line(lines)) {
        CellKind::Unit
    } else {
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        let short = words.len() <= 3 && !text.chars().any(|c| c.is_ascii_digit());
        CellKind::Text { official: opens_with_official_title(&text), opener: ind_start(&words).is_some() || opens_with_measure(&words), short }
    }
}

/// Where a wrapped cell went: its row and slot (a [`Slot`] as a number,
/// trailing columns counted on), or `None` when left out.
type Taken = Option<(usize, u8)>;

/// Cost of a row left without an indicator.
const NO_INDICATOR: f64 = 4.0;
/// Cost of a second node name in a row: a node with no indicator of its
/// own (a TUJUAN over its first SASARAN) is rarer than one whose
/// indicators were all short.
const ANOTHER_NODE: f64 = 1.0;
/// Cost of a wrapped cell put in no row.
const LEFT_OUT: f64 = 3.0;
/// A responsible official's cell dealt to the first row out of order: a
/// merged cell carried over a page break (see [`deal`]).
const CARRIED_OVER: f64 = 0.5;

/// The cost of putting a cell of `kind` in `slot` of `row` (`None`: it may
/// not go there); `opening`: the cost of a node opening at the row. (Room
/// left in the trailing columns is the caller's to check.)
fn fit(kind: CellKind, slot: Slot, row: &RowPrint, opening: f64, budget: bool) -> Option<f64> {
    match slot {
        Slot::Node if row.has_node => None,
        Slot::Indicator if row.has_indicator => None,
        Slot::Unit if row.has_unit => None,
        // One value missing: a quarter's (or, in a plan with budgets, the budget).
        Slot::Value if row.values < 4 || row.values >= 5 + budget as usize => None,
        _ => Some(()),
    }?;
    match (kind, slot) {
        (CellKind::Node, Slot::Node) => Some(opening),
        (CellKind::Node, _) => None,
        (CellKind::Value, Slot::Value) => Some(0.0),
        (CellKind::Value, _) => None,
        (CellKind::Unit, Slot::Unit) => Some(0.0),
        (CellKind::Unit, Slot::Indicator) => Some(1.0),
        (CellKind::Unit, s) if s >= Slot::Trail => Some(0.8),
        // A cell of a trailing column (KETERANGAN: "Laporan Bidang
        // Perkebunan") is told from an indicator by how it opens.
        (CellKind::Text { official, opener, .. }, Slot::Indicator) => Some(if official { 1.0 } else if opener { 0.0 } else { 0.3 }),
        (CellKind::Text { official, opener, .. }, s) if s >= Slot::Trail => Some(if official { 0.0 } else if opener { 0.9 } else { 0.2 }),
        (CellKind::Text { official: false, opener: false, short: true }, Slot::Unit) => Some(0.1),
        // A node's name printed without its label.
        (CellKind::Text { official: false, .. }, Slot::Node) => Some(1.5),
        _ => None,
    }
}

/// Deals the wrapped cells to the rows, in order: per cell the row and
/// slot (as a number: [`Slot`], trailing columns counted on) it goes to,
/// or `None`; and the cost of the dealing. Dynamic programming over (row,
/// last slot filled, indicator filled).
fn deal(rows: &[RowPrint], cells: &[Cell], trailing: usize, budget: bool) -> (Vec<Taken>, f64) {
    let n = rows.len();
    if n == 0 {
        return (vec![None; cells.len()], 0.0);
    }
    let slots: Vec<u8> = [Slot::Node, Slot::Indicator, Slot::Unit, Slot::Value].iter().map(|s| *s as u8).chain((0..trailing as u8).map(|k| Slot::Trail as u8 + k)).collect();
    let width = Slot::Trail as usize + trailing;
    // What it costs to open a node at a row. A row opens one when its NO
    // or its PENANGGUNG JAWAB differs from the row above's, or when it
    // has a budget (a node's budget is printed once, on its first row; the
    // first row of a page always may). A row without a budget under one
    // that has one (or goes on with one) goes on with that node.
    let mut in_budgeted = vec![false; n];
    for i in 0..n {
        in_budgeted[i] = rows[i].values >= 6 || (budget && i > 0 && in_budgeted[i - 1] && rows[i].values == 5);
    }
    let opening: Vec<f64> = (0..n)
        .map(|i| {
            let resp_changes = i > 0 && {
                let (a, b) = (rows[i - 1].trail.first().map(Line::text), rows[i].trail.first().map(Line::text));
                a.is_some() && b.is_some() && a != b
            };
            if i == 0 || rows[i].numbered || resp_changes || (budget && rows[i].values >= 6) {
                0.0
            } else if budget && in_budgeted[i - 1] {
                0.5
            } else {
                0.2
            }
        })
        .collect();
    let missing = |i: usize, filled: bool| if rows[i].has_indicator || filled { 0.0 } else { NO_INDICATOR };
    // State index: (row, last slot, indicator filled).
    let idx = |i: usize, s: usize, f: bool| (i * width + s) * 2 + f as usize;
    let states = n * width * 2;
    let mut cost = vec![f64::INFINITY; states];
    // Per cell, per state: the state before and the slot taken (None: left out).
    let mut back: Vec<Vec<(usize, Taken)>> = Vec::with_capacity(cells.len());
    cost[idx(0, 0, false)] = 0.0;
    for cell in cells {
        let mut next = vec![f64::INFINITY; states];
        let mut from = vec![(usize::MAX, None); states];
        for st in 0..states {
            let c = cost[st];
            if !c.is_finite() {
                continue;
            }
            let (i, s, f) = (st / 2 / width, st / 2 % width, st % 2 == 1);
            // Left out.
            if c + LEFT_OUT < next[st] {
                next[st] = c + LEFT_OUT;
                from[st] = (st, None);
            }
            // A PENANGGUNG JAWAB cell merged over rows on both sides of a
            // page break is printed again on the new page, its text first
            // among the wrapped cells (gen111: "Kabid Pencegahan" /
            // "Kebakaran" before the first row's node): the first row's
            // last cell, its node and indicator still to come.
            if st == idx(0, 0, false) && trailing > 0 && rows[0].trail.len() < trailing && matches!(cell.kind, CellKind::Text { official: true, .. }) {
                let slot = Slot::Trail as u8 + (trailing - 1 - rows[0].trail.len()) as u8;
                let total = c + CARRIED_OVER;
                if total < next[st] {
                    next[st] = total;
                    from[st] = (st, Some((0, slot)));
                }
            }
            // Into row i at a later slot, or into a later row.
            let mut closing = 0.0;
            for j in i..n {
                if j > i {
                    closing += missing(j - 1, if j - 1 == i { f } else { false });
                }
                for &slot in &slots {
                    // A node row with nothing but its name (a TUJUAN over
                    // its first SASARAN) prints nothing in the first pass:
                    // its name comes before the next node's in the row.
                    let another_node = j == i && s == Slot::Node as usize && slot == Slot::Node as u8 && cell.kind == CellKind::Node;
                    if j == i && (slot as usize) <= s && !another_node {
                        continue;
                    }
                    let kind_slot = if slot >= Slot::Trail as u8 { Slot::Trail } else { [Slot::Node, Slot::Node, Slot::Indicator, Slot::Unit, Slot::Value][slot as usize] };
                    // Trailing slots are taken in order from the first
                    // free one: the k-th is checked against the room left.
                    let fits = if kind_slot == Slot::Trail {
                        let k = slot - Slot::Trail as u8;
                        let room = trailing.saturating_sub(rows[j].trail.len());
                        ((k as usize) < room).then(|| fit(cell.kind, Slot::Trail, &rows[j], opening[j], budget)).flatten()
                    } else {
                        fit(cell.kind, kind_slot, &rows[j], opening[j], budget)
                    };
                    let Some(w) = fits else { continue };
                    let filled = (j == i && f) || slot == Slot::Indicator as u8;
                    let to = idx(j, slot as usize, filled);
                    let total = c + closing + w + if another_node { ANOTHER_NODE } else { 0.0 };
                    if total < next[to] {
                        next[to] = total;
                        from[to] = (st, Some((j, slot)));
                    }
                }
                if closing >= LEFT_OUT * 2.0 {
                    break;
                }
            }
        }
        cost = next;
        back.push(from);
    }
    // Close the rows left.
    let mut best = (f64::INFINITY, 0);
    for (st, &c) in cost.iter().enumerate() {
        if !c.is_finite() {
            continue;
        }
        let (i, f) = (st / 2 / width, st % 2 == 1);
        let total = c + missing(i, f) + (i + 1..n).map(|j| missing(j, false)).sum::<f64>();
        if total < best.0 {
            best = (total, st);
        }
    }
    let mut choice = vec![None; cells.len()];
    let mut st = best.1;
    for k in (0..cells.len()).rev() {
        let (prev, took) = back[k][st];
        choice[k] = took;
        st = prev;
    }
    (choice, best.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::read;

    fn line(text: &str) -> Line {
        read(text).remove(0).lines.remove(0)
    }

    /// A row as a first pass prints it: `lead` cells, a unit, `values`
    /// values, `trail` cells.
    fn row(lead: &[&str], values: usize, trail: &[&str]) -> RowPrint {
        let mut anchor = vec![line("Persen")];
        anchor.extend((0..values).map(|k| line(&format!("{}", k + 1))));
        let texts: Vec<&str> = lead.to_vec();
        RowPrint {
            lead: lead.iter().map(|t| line(t)).collect(),
            has_node: texts.iter().any(|t| starts_with_label(t)),
            has_indicator: texts.iter().any(|t| !is_number_cell(t) && !starts_with_label(t)),
            has_unit: true,
            anchor,
            values,
            trail: trail.iter().map(|t| line(t)).collect(),
            numbered: texts.iter().any(|t| is_row_number(t)),
        }
    }

    fn cell(text: &str) -> Cell {
        let lines: Vec<Line> = text.split(" / ").map(line).collect();
        let kind = kind_of_cell(&lines);
        Cell { lines, kind }
    }

    fn rows_taken(choice: &[Option<(usize, u8)>]) -> Vec<Option<usize>> {
        choice.iter().map(|c| c.map(|(r, _)| r)).collect()
    }

    fn block(texts: &[&str]) -> Vec<Line> {
        texts.iter().map(|t| line(t)).collect()
    }

    #[test]
    fn merged_cells_drawn_apart_and_a_header_named_by_levels() {
        // A spreadsheet draws a cell merged over rows apart from them:
        // short text, no value, NO or label.
        assert!(is_merged_cells_block(&block(&["Dokumen"])));
        assert!(is_merged_cells_block(&block(&["Kepala Jawatan Praja", "Kali"])));
        assert!(!is_merged_cells_block(&block(&["4"])) && !is_merged_cells_block(&block(&["Kegiatan 1"])));
        assert!(!is_merged_cells_block(&block(&["Jumlah dokumen Rencana Aksi dan Perjanjian"])));
        // "SASARAN / PROGRAM /" over "KEGIATAN / SUB KEGIATAN": header cells, no node.
        assert!(is_header_piece(&block(&["SASARAN / PROGRAM /"])) && is_header_piece(&block(&["KEGIATAN / SUB KEGIATAN"])));
        assert!(!is_header_piece(&block(&["KEGIATAN 2"])) && !is_header_piece(&block(&["SASARAN"])));
    }

    #[test]
    fn a_budget_after_a_text_column_is_the_rows_value() {
        // PELAKSANA, then PAGU ANGGARAN: the sum goes with the values.
        let b = block(&["Persen", "100", "25", "50", "75", "100", "Kabid PPPA", "286.500.000", "Dokumen", "4", "1", "2", "3", "4"]);
        let runs = anchors(&b);
        assert_eq!(runs, [(1, 6), (9, 14)]);
        let rows = rows_of_block(&b, &runs, 1);
        assert_eq!(rows[0].values, 6);
        assert_eq!(rows[0].anchor.last().map(Line::text).as_deref(), Some("286.500.000"));
        assert_eq!(rows[0].trail.iter().map(Line::text).collect::<Vec<_>>(), ["Kabid PPPA"]);
        assert_eq!(rows[1].lead.len(), 0);
    }

    #[test]
    fn a_budget_cell_wrapped_after_its_currency_is_one_value() {
        // ("1.250.000.000," ends its line without the space of a wrap: the
        // dump ends a cell there, and "-" comes as a cell of its own.)
        let cells = cells_of(&[block(&["Rp.", "1.250.000.000,"]), block(&["-"]), block(&["Rp.", "485.000.000,-"])], false);
        assert_eq!(cells.len(), 2, "{:?}", cells.iter().map(|c| one_line(&c.lines).text()).collect::<Vec<_>>());
        assert!(cells.iter().all(|c| c.kind == CellKind::Value));
        assert_eq!(one_line(&cells[0].lines).text(), "1.250.000.000,-");
        // A currency line before numbers is no unit of a row.
        assert!(anchors(&block(&["Rp.", "1.250.000.000,", "-"])).is_empty());
    }

    #[test]
    fn a_wrapped_code_opens_its_labels_cell_and_a_cut_words_tail_stays_in_its_cell() {
        let cells = cells_of(
            &[block(&["2.11.03.2.01.00"]), block(&["01"]), block(&["Sub Kegiatan 1", "Pemantauan Kualitas"]), block(&["Seksi", "Penanggulanga"]), block(&["n"])],
            false,
        );
        let texts: Vec<String> = cells.iter().map(|c| c.lines.iter().map(Line::text).collect::<Vec<_>>().join(" / ")).collect();
        assert_eq!(texts, ["2.11.03.2.01.0001 / Sub Kegiatan 1 / Pemantauan Kualitas", "Seksi / Penanggulanga / n"]);
        assert_eq!(cells[0].kind, CellKind::Node);
        // A web address cut at the cell's edge (gen121's mutool dump).
        let cells = cells_of(&[block(&["Jumlah data kunjungan wisata yang", "www.banyuwangitourism.go.id/datakunju"]), block(&["ngan"])], false);
        assert_eq!(cells.len(), 1);
    }

    #[test]
    fn a_word_target_shares_its_line_with_the_next_cell() {
        let b = block(&["Predikat", "Nindya", "Nindya Kepala Dinas"]);
        assert_eq!(word_target_run(&b, 1), Some(3));
        let b = block(&["Predikat", "Nindya", "Nindyaku"]);
        assert_eq!(word_target_run(&b, 1), None);
        // The same word in every quarter.
        let b = block(&["Kategori", "Kondusif", "Kondusif", "Kondusif", "Kondusif", "Kondusif Kepala Satuan", "Persen"]);
        assert_eq!(word_target_run(&b, 1), Some(6));
    }

    #[test]
    fn a_budget_before_the_indicator_is_the_rows_value_and_a_level_word_before_lower_case_opens_no_node() {
        // (Each row a block of its own, as mutool prints a row's cells.)
        let b = block(&["Rp 1.742.300.000", "Kali", "240", "60", "60", "60", "60"]);
        let rows = rows_of_block(&b, &anchors(&b), 1);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].lead.len(), 0);
        assert_eq!(rows[0].anchor.iter().map(Line::text).collect::<Vec<_>>(), ["Kali", "240", "60", "60", "60", "60", "1.742.300.000"]);
        assert!(opens_node("Kegiatan 1 Penanganan") && opens_node("PROGRAM PENINGKATAN"));
        assert!(!opens_node("Kegiatan patroli dan penjagaan") && !opens_node("kegiatan dan sub kegiatan"));
    }

    #[test]
    fn a_node_name_opens_the_row_whose_pj_changes() {
        // Four rows with short indicators, a fifth whose indicator wrapped:
        // the TUJUAN opens the first row, the SASARAN the first row of the
        // next PENANGGUNG JAWAB, the program the numbered row.
        let rows = [
            row(&["Nilai Tukar Petani (NTP)"], 5, &["Kepala Dinas"]),
            row(&["Skor Pola Pangan Harapan"], 5, &["Kepala Dinas"]),
            row(&["Produksi padi"], 5, &["Sekretaris"]),
            row(&["Produktivitas padi"], 5, &["Sekretaris"]),
            row(&["1"], 5, &[]),
        ];
        let cells = [
            cell("Tujuan 1 / Meningkatnya ketahanan pangan"),
            cell("Sasaran 1 / Meningkatnya produksi padi"),
            cell("Program 1 / 3.27.03 PROGRAM PENYEDIAAN SARANA"),
            cell("Persentase kelompok tani yang / menerima bantuan"),
            cell("Kabid Prasarana dan / Sarana Pertanian"),
        ];
        let (choice, _) = deal(&rows, &cells, 1, false);
        assert_eq!(rows_taken(&choice), vec![Some(0), Some(2), Some(4), Some(4), Some(4)]);
        assert_eq!(choice[3], Some((4, Slot::Indicator as u8)));
        assert_eq!(choice[4], Some((4, Slot::Trail as u8)));
    }

    #[test]
    fn a_row_with_a_budget_opens_a_node_and_one_without_goes_on() {
        // A program with two indicators (its budget on the first row), then
        // a kegiatan: the kegiatan's name goes to the next row with a
        // budget, not to the program's second indicator.
        let rows = [row(&["Indeks Kualitas Air"], 6, &[]), row(&["Indeks Kualitas Udara"], 5, &[]), row(&[], 6, &[])];
        let cells = [cell("Program 2 / Pengendalian Pencemaran"), cell("Kegiatan 1 / Pencegahan Pencemaran"), cell("Jumlah titik pemantauan / kualitas air")];
        let (choice, _) = deal(&rows, &cells, 1, true);
        assert_eq!(rows_taken(&choice), vec![Some(0), Some(2), Some(2)]);
    }

    #[test]
    fn a_node_without_indicators_shares_the_next_nodes_row_only_when_it_must() {
        // TUJUAN has no row of its own: its name and its first SASARAN's
        // come before the first row's wrapped indicator.
        let rows = [row(&[], 2, &[]), row(&[], 5, &[])];
        let cells = [cell("TUJUAN / Meningkatnya kontribusi industri"), cell("SASARAN 1 / Meningkatnya pertumbuhan"), cell("Laju pertumbuhan PDRB / sektor industri"), cell("Jumlah Industri Kecil dan / Menengah yang tumbuh")];
        let (choice, _) = deal(&rows, &cells, 1, false);
        assert_eq!(rows_taken(&choice), vec![Some(0), Some(0), Some(0), Some(1)]);
    }

    #[test]
    fn value_cells_sharing_a_line_are_values_apart_and_a_slash_goes_on() {
        // gen109: the target and three quarters on one line, TW IV wrapped.
        let split = |t: &str| values_apart(block(&[t]).remove(0)).iter().map(Line::text).collect::<Vec<_>>();
        assert_eq!(split("1.250.000 210.000 520.000 930.000"), ["1.250.000", "210.000", "520.000", "930.000"]);
        assert_eq!(split("40 -"), ["40", "-"]);
        assert_eq!(split("Kepala Dinas"), ["Kepala Dinas"]);
        assert_eq!(split("Rp 4.865.300.000"), ["Rp 4.865.300.000"]);
        // "Orang/" / "bulan": one unit cell, one word.
        let mut lines = block(&["Orang/", "bulan"]);
        lines.iter_mut().for_each(|l| l.open_end = false);
        let cells = cells_of(&[lines], true);
        assert_eq!(cells.len(), 1);
        assert_eq!(one_line(&cells[0].lines).text(), "Orang/bulan");
    }

    #[test]
    fn a_hierarchical_no_before_a_percent_unit_is_no_value() {
        // gen115: NO "1.1" reads as the number 1.1; with "%" after it, it
        // is the row's NO cell and "%" its unit, as a "1" would be.
        let b = block(&["1.1", "%", "100", "25", "25", "25", "25", "3.845.500.000"]);
        assert_eq!(anchors(&b), [(2, 8)]);
        let rows = rows_of_block(&b, &anchors(&b), 1);
        assert!(rows[0].has_unit && rows[0].values == 6);
    }

    #[test]
    fn an_officials_cell_carried_over_a_page_break_is_the_first_rows_last() {
        // gen111's page 2: the PENANGGUNG JAWAB cell merged over the rows
        // either side of the break comes first among the wrapped cells.
        let rows = [row(&[], 5, &[]), row(&[], 5, &[])];
        let cells = [cell("Kabid Pencegahan / Kebakaran"), cell("Kegiatan 3 Pemberdayaan / Masyarakat"), cell("Jumlah kelurahan yang memiliki / relawan kebakaran"), cell("Jumlah peserta sosialisasi dan / simulasi")];
        let (choice, _) = deal(&rows, &cells, 1, false);
        assert_eq!(rows_taken(&choice), vec![Some(0), Some(0), Some(0), Some(1)]);
        assert_eq!((choice[0], choice[2]), (Some((0, Slot::Trail as u8)), Some((0, Slot::Indicator as u8))));
    }

    #[test]
    fn a_cell_no_row_has_room_for_is_left_out() {
        let rows = [row(&["Kegiatan 1 Pengawasan Pupuk", "Jumlah kios pupuk yang diawasi"], 5, &["Seksi Pupuk"])];
        let cells = [cell("Jumlah laporan pengawasan / peredaran pupuk")];
        let (choice, _) = deal(&rows, &cells, 1, false);
        assert_eq!(choice, vec![None]);
    }

    #[test]
    fn a_wrapped_quarter_goes_where_the_row_adds_up() {
        // "66,67%" wrapped in TW III's narrow cell: the first pass printed
        // the target, TW I, TW II and TW IV.
        let mut r = row(&[], 0, &[]);
        r.anchor = ["%", "100%", "33,33%", "50%", "100%"].iter().map(|t| line(t)).collect();
        r.values = 4;
        assert_eq!(value_place(&r, "66,67%", false), Some(3));
        // A budget after a whole row, in a plan with budgets only.
        r.anchor = ["%", "100%", "33,33%", "50%", "66,67%", "100%"].iter().map(|t| line(t)).collect();
        r.values = 5;
        assert_eq!(value_place(&r, "1.050.000.000", true), Some(5));
        assert_eq!(value_place(&r, "1.050.000.000", false), None);
    }

    #[test]
    fn a_cut_number_and_a_wrapped_percent_sign_are_one_cell() {
        let blocks = vec![vec![line("1.050.000.0")], vec![line("00")], vec![line("66,67")], vec![line("%")]];
        let cells = cells_of(&blocks, false);
        let texts: Vec<String> = cells.iter().map(|c| one_line(&c.lines).text()).collect();
        assert_eq!(texts, ["1.050.000.000", "66,67%"]);
        assert!(cells.iter().all(|c| c.kind == CellKind::Value));
    }

    #[test]
    fn cells_end_where_a_line_ends_without_a_space() {
        // mutool ends each wrapped line with the space the wrap replaced; a
        // bare label goes on with its name.
        let pages = read("Tujuan 1\nMeningkatnya derajat kesehatan \nmasyarakat\nIndeks Kepuasan Masyarakat \nterhadap layanan\nper 100.000 \nKH\n");
        let cells = cells_of(&[pages[0].lines.clone()], true);
        let kinds: Vec<CellKind> = cells.iter().map(|c| c.kind).collect();
        assert_eq!(kinds, [CellKind::Node, CellKind::Text { official: false, opener: true, short: false }, CellKind::Unit]);
    }

    #[test]
    fn without_the_wraps_spaces_a_label_opens_a_cell() {
        let pages = read("Tujuan 1 Meningkatnya kualitas\npemerataan layanan\nSasaran 1 Meningkatnya akses\npendidikan dasar\nProgram 1\nPROGRAM PENGELOLAAN PENDIDIKAN\n");
        let cells = cells_of(&[pages[0].lines.clone()], false);
        let texts: Vec<String> = cells.iter().map(|c| one_line(&c.lines).text()).collect();
        assert_eq!(texts, ["Tujuan 1 Meningkatnya kualitas pemerataan layanan", "Sasaran 1 Meningkatnya akses pendidikan dasar", "Program 1 PROGRAM PENGELOLAAN PENDIDIKAN"]);
    }

    #[test]
    fn a_dump_in_another_order_is_not_read_as_two_passes() {
        // pdftotext runs a column's lines together: a "row" with many text
        // lines before its values is no first pass.
        let text = "NO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\nTujuan 1\nMeningkatnya kualitas\nperencanaan\nPredikat SAKIP\nPersen\n80\n20\n40\n60\n80\n\nSasaran 1\nMeningkatnya konsistensi\n";
        assert!(place_wrapped_cells(&read(text), 1, false).is_none());
    }

    #[test]
    fn a_unit_merged_over_two_rows_parts_the_first_rows_lead_from_its_values() {
        // SATUAN "%" spans two rows, drawn centred between them: the first
        // row's indicator, the "%", then its values, as three blocks.
        let blocks = vec![block(&["Angka infeksi daerah operasi (IDO)"]), block(&["%"]), block(&["≤ 2", "≤ 2", "≤ 2", "≤ 2", "≤ 2"]), block(&["Kejadian pasien jatuh", "0,24", "0,06", "0,06", "0,06", "0,06"])];
        let joined = leads_rejoined(blocks);
        let texts: Vec<Vec<String>> = joined.iter().map(|b| b.iter().map(Line::text).collect()).collect();
        assert_eq!(texts, [vec!["%".to_string()], ["Angka infeksi daerah operasi (IDO)", "≤ 2", "≤ 2", "≤ 2", "≤ 2", "≤ 2"].map(String::from).to_vec(), ["Kejadian pasien jatuh", "0,24", "0,06", "0,06", "0,06", "0,06"].map(String::from).to_vec()]);
        // A header cell's piece is no row's lead.
        let header = vec![block(&["SUB KEGIATAN"]), block(&["%"]), block(&["Persen", "90", "90", "90", "90", "90"])];
        assert_eq!(leads_rejoined(header.clone()).len(), header.len());
    }

    #[test]
    fn a_sum_and_the_next_cell_on_one_line_are_two_cells() {
        let (sum, rest) = sum_then_text(&line("Rp 38.500.000.000 Dana BLUD")).expect("split");
        assert_eq!((sum.text().as_str(), rest.text().as_str()), ("Rp 38.500.000.000", "Dana BLUD"));
        assert_eq!(sum_then_text(&line("5.000.000.000 Kabid Angkutan")).map(|(a, b)| (a.text(), b.text())), Some(("5.000.000.000".to_string(), "Kabid Angkutan".to_string())));
        assert!(sum_then_text(&line("Rp 38.500.000.000")).is_none());
        assert!(sum_then_text(&line("12 bulanan + 1 tahunan")).is_none());
    }

    #[test]
    fn a_wrapped_no_cell_is_no_value_and_a_hierarchical_no_numbers_its_row() {
        let cells = codes_onto_labels(vec![cell("1.1.2.1."), cell("1"), cell("Sub Kegiatan / Penyediaan Gaji dan Tunjangan ASN")]);
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].kind, CellKind::Node);
        assert!(is_no_cell("1.1.1") && is_no_cell("12") && !is_no_cell("2.185.400.000"));
    }
}
