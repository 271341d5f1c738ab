//! Flow reflow: rebuilds rows from a dump in which the cells of a row run
//! together (pdftotext's default output, mutool, copy-paste).
//!
//! Two readings, and the one the grammar accepts better wins:
//!
//! - the in-order reading (this file), for dumps that keep each row's cells
//!   together. The anchor of every indicator row is its unit followed by its
//!   targets ("Persentase 7,1 0 0 3,9 7,1"); the text between two anchors
//!   holds, in order: the previous row's notes, any node labels ("Program 1
//!   ...") with their names, and the indicator. Labels open a line;
//!   paragraphs (blank-line separated) and indicator numbering ("2. Jumlah
//!   ...") split the rest.
//! - the recovery reading ([`recover`]), for dumps whose reading order is
//!   scrambled: pdftotext interleaves the lines of neighbouring columns and
//!   prints value cells as blocks of their own, mutool prints one-line cells
//!   before wrapped ones. Indicators, units, values and nodes are recovered
//!   as separate sequences and aligned by order and counts.
//!
//! Submodules of the recovery: [`prep`] (body lines: headers, title and
//! signature taken out wherever they are), [`words`] (word classes),
//! [`scan`] (lines into text, units and values), [`plan`] (where indicators
//! start, which words are units), [`walk`] (lines into cells), [`values`]
//! (values to rows by the quarterly arithmetic), [`recover`] (alignment).

use super::cells::{fold, join_lines, Vocabulary};
use super::frame::{core_words, is_header_line, is_next_quarter_number, is_quarter_number_under, is_signature_start, continues_total, is_table_notes_start, is_title_year_line, is_total_heading, is_total_line, names_target_before_unit, names_unit_after_quarters, roles_in_words};
use super::{Row, Table};
use std::borrow::Cow;
use crate::extract::{Line, Page};
use crate::parse::header::{is_header_word, Role, LEVEL_WORDS};
use crate::parse::label::{is_hierarchical_numbering, is_row_number, parse_indicator_number, Level};
use crate::parse::label::written::{names_bare_label, parse_label, printed_label, starts_with_label};
use crate::parse::number::{cut_word_target_tail, is_number, is_readable, is_sum_of_money, is_word_target, number_style, parse_value, separators_swapped, sum_of_money, NumberStyle};
use crate::parse::unit::{canonical, contradicts_unit, is_known, may_be_unit_before_values, mend_cut_unit};
use crate::parse::function_word::is_function_word;

mod cell_passes;
mod code_labels;
mod cut_sums;
mod plan;
mod prep;
mod recover;
mod scan;
mod target_last;
#[cfg(test)]
mod tests;
mod unit_last;
mod values;
mod walk;
mod wide;
pub(super) mod words;

use words::opens_indicator;

/// One source line with where it came from.
#[derive(Debug, Clone)]
pub(super) struct SrcLine {
    page: u32,
    line: u32,
    text: String,
    /// A blank line (or a removed header) comes before this one.
    para_break: bool,
    /// A header block (so a new page) comes just before this one.
    after_header: bool,
    /// The line ends in a space: its cell goes on (see [`crate::extract::Line::open_end`]).
    open_end: bool,
}

/// One word of the body, pointing at its line.
#[derive(Debug, Clone)]
struct Tok<'a> {
    text: &'a str,
    line: usize,
}

/// An indicator's unit and targets found in the token stream.
#[derive(Debug, Clone)]
struct Anchor {
    unit_tok: usize,
    /// The unit's first token: the unit cell may hold several words ("Miliar Rupiah").
    unit_from: usize,
    values: Vec<String>,
    /// One past the last token of the targets.
    end: usize,
}

pub fn reflow(pages: &[Page]) -> Table {
    let (pages, english) = in_indonesian_style(pages);
    let pages = sums_without_currency(&pages);
    let mut table = read(&code_labels::with_level_words(&cut_sums::rejoined(&pages)), false, Placement::Try);
    if english {
        table.warnings.push("numbers_in_english_style".to_string());
    }
    table
}

/// The pages with each line that holds a budget cell alone right after a
/// row's values, a sum after its currency ("350" / "Rp. 1.250.000.000,-",
/// gen112), as the sum alone: the readings take a line's numbers for
/// values, and "Rp." would be text (the sum left in the PENANGGUNG JAWAB
/// cell after it). Only there: a sum a blank line apart from any value
/// (pdftotext printing a wide table's budget cells among its text, gen43)
/// may be any row's, and in a line of cells run together the currency
/// stays (see [`prep::text_with_bounds_joined`]).
fn sums_without_currency(pages: &[Page]) -> Cow<'_, [Page]> {
    let bare = |lines: &[Line], i: usize| {
        let l = &lines[i];
        let text = l.text();
        let t = text.trim();
        let after_value = i > 0 && {
            let prev = lines[i - 1].text();
            let prev = prev.trim();
            !prev.is_empty() && (is_number(prev) || prev == "-")
        };
        (after_value && t.starts_with("Rp") && l.words.len() >= 2).then(|| sum_of_money(t)).flatten().map(str::to_string)
    };
    // One pass, the pages copied at the first sum: a sum made bare is the
    // value a next one follows.
    let mut out: Option<Vec<Page>> = None;
    for n in 0..pages.len() {
        for i in 0..pages[n].lines.len() {
            let lines = &out.as_deref().unwrap_or(pages)[n].lines;
            let Some(sum) = bare(lines, i) else { continue };
            let l = &mut out.get_or_insert_with(|| pages.to_vec())[n].lines[i];
            let mut w = l.words[0].clone();
            w.x1 = l.words.last().map_or(w.x1, |last| last.x1);
            w.text = sum;
            l.words = vec![w];
        }
    }
    out.map_or(Cow::Borrowed(pages), Cow::Owned)
}

/// The pages with their numbers written the Indonesian way when the plan
/// was typed in English style ("1,240", "97.5"; see [`number_style`]),
/// and whether it was. The flow reader's arithmetic (TW IV = target, the
/// quarters' sum) and its searches read numbers the Indonesian way: read
/// so, "1,240" / "310" / "620" / "930" / "1,240" would obey nothing and the
/// row's values be withheld.
fn in_indonesian_style(pages: &[Page]) -> (Cow<'_, [Page]>, bool) {
    let words = pages.iter().flat_map(|p| p.lines.iter().flat_map(|l| l.words.iter().map(|w| w.text.as_str())));
    if number_style(words) != NumberStyle::English {
        return (Cow::Borrowed(pages), false);
    }
    let mut out = pages.to_vec();
    for w in out.iter_mut().flat_map(|p| p.lines.iter_mut().flat_map(|l| l.words.iter_mut())) {
        if w.text.contains(|c: char| c.is_ascii_digit()) {
            let swapped = separators_swapped(&w.text);
            if is_number(&swapped) {
                w.text = swapped;
            }
        }
    }
    (Cow::Owned(out), true)
}

/// Whether a reading puts a spreadsheet's wrapped cells back in their rows
/// ([`cell_passes`]) first.
#[derive(Clone, Copy)]
enum Placement<'a> {
    /// When the dump reads as two passes, read it both ways and keep the
    /// reading the grammar accepts better.
    Try,
    /// The pages are the rows rebuilt so.
    Done(&'a cell_passes::Placed),
}

/// Reads a flow dump; `units_moved`: its unit cells were put in front of
/// their values ([`unit_last`]), and the header's SATUAN is read there;
/// `placement`: see [`Placement`].
fn read(pages: &[Page], units_moved: bool, placement: Placement) -> Table {
    let placed = match placement {
        Placement::Done(p) => Some(p),
        _ => None,
    };
    let cells_placed = placed.is_some();
    // The wide (2018) layout is told by its header words; it has a reading of its own.
    if let Some(wide) = wide::read(pages) {
        return Table {
            title: wide.title,
            tujuan: wide.tujuan,
            columns: wide.columns,
            rows: wide.rows,
            warnings: wide.warnings,
            ..Table::default()
        };
    }
    let mut table = Table::default();
    let (lines, title, header_roles, block_roles) = body_lines(pages, &mut table);
    table.title = title;
    // Values are read in printed order after the unit: with SATUAN printed
    // after the quarters, the units are put back in front of their values
    // first, or every row's numbers would land in the wrong columns.
    if (names_unit_after_quarters(&table.columns) || names_target_before_unit(&table.columns)) && units_moved {
        table.columns = unit_last::columns_unit_first(&table.columns);
    }
    // TARGET printed before SATUAN: each unit cell goes back in front of
    // the one value before it, the row's target.
    if names_target_before_unit(&table.columns) && !units_moved {
        let moved = unit_last::unit_before_values(pages, 1, 0);
        if moved.moved > 0 {
            let mut read = read(&moved.pages, true, placement);
            if read.refusal.is_none() {
                read.warnings.push(format!("units_moved_before_values: {}", moved.moved));
                return read;
            }
        }
    }
    if names_unit_after_quarters(&table.columns) {
        // The four quarters are named before SATUAN, and the year's target
        // comes before them (a flow dump may print its header cell later,
        // as mutool prints a two-line "TARGET" / "2026").
        let unnamed = unit_last::unnamed_after_unit(pages);
        let moved = unit_last::unit_before_values(pages, Role::VALUES.len(), unnamed.len());
        if moved.moved > 0 {
            let mut read = read(&moved.pages, true, placement);
            if read.refusal.is_none() {
                read.warnings.push(format!("units_moved_before_values: {}", moved.moved));
                if moved.blanked > 0 {
                    read.warnings.push(format!("column_not_read: {} ({} cells, a flow dump cannot tell them from the budget)", unnamed.join(", "), moved.blanked));
                }
                return read;
            }
        }
        table.refusal = Some(
            "the header prints SATUAN after the quarterly targets, an order a flow text dump cannot be read in \
             without misplacing numbers; convert the PDF or its `pdftotext -layout` dump instead"
                .to_string(),
        );
        return table;
    }
    if table.columns.is_empty() {
        table.columns = vec![Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    }
    // A spreadsheet's two passes cut its header too (a wrapped header
    // cell, "TARGET" / "2026", comes with the second pass): the order of
    // its pieces tells nothing, and every piece names a column.
    if cells_placed {
        let named: Vec<Role> = table.columns.iter().chain(&header_roles).copied().collect();
        table.columns = columns_in_plan_order(&named);
        // The budget where the rows print their sums of money.
        if let Some(k) = placed.and_then(|p| p.budget_at) {
            table.columns.retain(|r| *r != Role::Budget);
            let values: Vec<usize> = table.columns.iter().enumerate().filter(|(_, r)| r.is_value()).map(|(i, _)| i).collect();
            let at = values.get(k).copied().unwrap_or_else(|| values.last().map_or(table.columns.len(), |i| i + 1));
            table.columns.insert(at, Role::Budget);
        }
    } else if let Some(pooled) = pooled_columns(&table.columns, &block_roles) {
        table.columns = pooled;
    }
    one_target_column(&mut table.columns);
    let value_roles: Vec<Role> = table.columns.iter().copied().filter(|r| r.is_value()).collect();
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("flow columns {:?} (header pieces {:?})", table.columns, header_roles);
    }
    let mut text_after: Vec<Role> = after_values(&table.columns);
    // A header cut in pieces may name PENANGGUNG JAWAB only in a piece of
    // its own (gen10 prints "PENANGGUNG" / "JAWAB" after the rows): it comes
    // first among the trailing columns, as the recovery reading lays them.
    if header_roles.contains(&Role::Responsible) && !text_after.contains(&Role::Responsible) {
        text_after.insert(0, Role::Responsible);
    }
    // A page's header may be cut; any piece naming ANGGARAN tells the plan has budgets.
    let plan_has_budget = table.columns.contains(&Role::Budget) || header_roles.contains(&Role::Budget);
    // The reading with the wrapped cells put back, kept when the grammar
    // accepts it at least as well as the reading of the dump as it is
    // (this function's own, below).
    let mut placed_reading: Option<(Table, cell_passes::Placed)> = None;
    if matches!(placement, Placement::Try) {
        if let Some(placed) = cell_passes::place_wrapped_cells(pages, text_after.len(), plan_has_budget) {
            if std::env::var_os("RENCANA_DEBUG").is_some() {
                for p in &placed.pages {
                    eprintln!("--- page {} with its wrapped cells placed", p.number);
                    p.lines.iter().for_each(|l| eprintln!("{}", l.text()));
                }
            }
            let with = read(&placed.pages, units_moved, Placement::Done(&placed));
            placed_reading = Some((with, placed));
        }
    }
    // A DEFINISI / FORMULA column between INDIKATOR and SATUAN.
    let has_definition = table.columns.iter().position(|r| *r == Role::Definition).is_some_and(|d| table.columns.iter().position(|r| *r == Role::Unit).is_none_or(|u| d < u));
    // A Renstra target printed before the year's: each row's first value
    // is that column's (kept aside, see [`assign_values`]). Printed after
    // the year's, nothing tells its values from the quarters: withheld.
    // (The header's words, looked for among every word of the dump.)
    let words: Vec<&str> = words_of(pages).collect();
    let renstra = names_renstra_target_column(&words);
    // A KONDISI AWAL (baseline) column printed before the year's target is
    // read as such a Renstra target is: each row's first value kept aside,
    // under its own name. Printed after it, its values are withheld.
    let baseline_column = names_baseline_column(&words);
    let baseline_first = baseline_column && renstra.is_none() && names_baseline_before_target(&words);
    // Each quarter printed as a FISIK / KEUANGAN (Rp) pair: the money
    // planned for the quarter follows its target in the row's values.
    let paired = !(renstra.is_some() || baseline_first) && names_paired_quarters(&words);
    let reading_roles: Vec<Role> = if renstra == Some(true) || baseline_first {
        std::iter::once(Role::Extra).chain(value_roles.iter().copied()).collect()
    } else if paired {
        value_roles.iter().flat_map(|r| if matches!(r, Role::Tw1 | Role::Tw2 | Role::Tw3 | Role::Tw4) { vec![*r, Role::Extra] } else { vec![*r] }).collect()
    } else {
        value_roles.clone()
    };
    let mut ordered = in_order(&part_merged_label_lines(&lines), &reading_roles, &text_after, plan_has_budget, has_definition);
    // The in-order reading fits dumps that keep a row's cells together; when
    // the reading order is scrambled, the recovery reading does better.
    // Both are scored on what the grammar accepts. The recovery wins when
    // it scores clearly better, or as well while its alignment left no
    // doubt (every indicator has its unit, every value its row, every node
    // its place); otherwise the in-order reading stays.
    // Pages whose wrapped cells were put back hold their rows in order:
    // no reading order to recover.
    // The recovery reading lays out the values a Rencana Aksi has and no
    // Renstra target.
    let mut recovered = if cells_placed || renstra.is_some() || baseline_first || paired { recover::Recovered::default() } else { recover::recover(pages, &table.columns) };
    for (rows, warnings) in [(&mut ordered.rows, &mut ordered.warnings), (&mut recovered.rows, &mut recovered.warnings)] {
        let moved = target_last::put_target_first(rows);
        if moved > 0 {
            warnings.push(format!("target_printed_after_quarters: {moved} rows"));
        }
    }
    let labels = labelled_lines(&lines);
    let q_old = quality(&ordered.rows, labels);
    let q_new = quality(&recovered.rows, labels);
    const DOUBTS: &[&str] = &["nodes_unaligned", "units_without", "indicators_without", "indicators_beside_other_units", "stray_values"];
    let sure = !recovered.warnings.iter().any(|w| DOUBTS.iter().any(|d| w.starts_with(d)));
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("readings scored: in order {q_old}, recovered {q_new} (alignment sure: {sure}; {:?})", recovered.warnings);
        eprintln!("titles: in order {:?}, recovered {:?}", table.title, recovered.title);
    }
    if !cells_placed && (q_new > q_old + 0.5 || (q_new >= q_old && sure)) {
        table.rows = recovered.rows;
        table.signature = recovered.signature;
        if !recovered.title.is_empty() {
            table.title = recovered.title;
        }
        table.warnings.extend(recovered.warnings);
        table.warnings.push("reading_order_recovered".to_string());
    } else {
        table.rows = ordered.rows;
        table.signature = ordered.signature;
        table.warnings.extend(ordered.warnings);
    }
    if baseline_first {
        for (name, _) in table.rows.iter_mut().flat_map(|r| r.extra.iter_mut()).filter(|(name, _)| name == RENSTRA_TARGET) {
            *name = BASELINE.to_string();
        }
    } else if paired {
        // The extras are the quarters' money, in the quarters' order.
        for row in table.rows.iter_mut() {
            for (k, (name, _)) in row.extra.iter_mut().filter(|(name, _)| name == RENSTRA_TARGET).enumerate() {
                *name = QUARTER_MONEY.get(k).map_or_else(|| name.clone(), |m| m.to_string());
            }
        }
        let used: Vec<String> = QUARTER_MONEY.iter().filter(|m| table.rows.iter().any(|r| r.extra.iter().any(|(n, _)| n == *m))).map(|m| m.to_string()).collect();
        table.extra_columns.extend(used);
    } else if baseline_column {
        withhold_values(&mut table, BASELINE);
    }
    if renstra == Some(false) {
        withhold_values(&mut table, RENSTRA_TARGET);
    }
    if let Some((mut with, placed)) = placed_reading {
        // The same lines either way, so the same labels to find.
        let (q_with, q_without) = (quality(&with.rows, labels), quality(&table.rows, labels));
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            eprintln!("wrapped cells placed: scored {q_with}, as dumped {q_without}");
            for r in &with.rows {
                eprintln!("  placed row {:?} | {:?}", r.node, r.cells);
            }
        }
        if q_with >= q_without {
            // Rows are told where they are in the source, not in the pages rebuilt.
            for row in &mut with.rows {
                let page = placed.pages.iter().position(|p| p.number == row.page);
                if let Some(line) = page.and_then(|k| placed.origin[k].get(row.line as usize - 1)).filter(|l| **l > 0) {
                    row.line = *line;
                }
            }
            if with.signature.is_empty() {
                with.signature = placed.signature.iter().map(|l| fold(l)).collect();
            }
            with.warnings.push(format!("wrapped_cells_placed: {} ({} left out)", placed.placed, placed.unplaced));
            return with;
        }
    }
    table
}

/// Where the header names the Renstra's (RPJMD's) target for its last
/// year ("TARGET AKHIR RENSTRA (2026)", "TARGET RPJMD"): `Some(true)` when
/// it is the first TARGET the header names (printed before the year's, as
/// plans print it), `Some(false)` when after. A flow dump runs its cell
/// into the row's values like the year's target. Told by the words in
/// capitals, "TARGET" with RENSTRA, RPJMD or PERIODE at most three words on.
fn names_renstra_target_column(words: &[&str]) -> Option<bool> {
    let mut targets_before = 0;
    for (k, w) in words.iter().enumerate() {
        if *w != "TARGET" {
            continue;
        }
        if words[k + 1..].iter().take(3).any(|n| matches!(*n, "RENSTRA" | "RPJMD" | "PERIODE")) {
            return Some(targets_before == 0);
        }
        targets_before += 1;
    }
    None
}

/// Every word of the pages, in reading order (the header's words are
/// looked for among them: a flow dump prints the header in pieces).
fn words_of(pages: &[Page]) -> impl Iterator<Item = &str> {
    pages.iter().flat_map(|p| p.lines.iter()).flat_map(|l| l.words.iter().flat_map(|w| w.text.split_whitespace()))
}

/// True when the header names a KONDISI AWAL (baseline) column: last
/// year's value printed beside the year's target. Neither reading knows
/// it, and a flow dump runs it into the row's values, so a baseline would
/// be read as the target and every quarter shifted by one (blind round 6:
/// gen33's mutool dump gave the baselines as targets). Told by the two
/// header words in capitals, one after the other, lines apart or not, or
/// with one word of a neighbouring header cell between (gen63).
fn names_baseline_column(words: &[&str]) -> bool {
    // Words since the last "KONDISI": a neighbouring header cell's word may
    // come between, its lines interleaved ("KONDISI" / "TARGET" / "AWAL").
    // A word cut at a narrow cell's edge ("KONDIS" / "I") leaves the lines
    // of every cell beside it between its pieces and "AWAL" (gen162's
    // pdftotext dump: four "Triwula" / "n" pairs, TARGET, PENANGGUN).
    let mut since_kondisi: Option<(usize, bool)> = None;
    for &w in words {
        if since_kondisi.is_some_and(|(n, cut)| n <= if cut { CUT_HEADER_SPAN } else { 1 }) && w == "AWAL" {
            return true;
        }
        since_kondisi = if is_kondisi(w) { Some((0, w != "KONDISI")) } else { since_kondisi.map(|(n, cut)| (n + 1, cut)) };
    }
    false
}

/// The most words between a cut "KONDIS" and its "AWAL": the pieces of
/// the header cells beside it, a line each.
const CUT_HEADER_SPAN: usize = 16;

/// "KONDISI", or its head cut at a narrow cell's edge ("KONDIS", "KONDI").
fn is_kondisi(w: &str) -> bool {
    w.len() >= 5 && "KONDISI".starts_with(w)
}

/// True when the header's first KONDISI comes before its first TARGET
/// (the baseline column left of the year's target, as plans print it).
/// "TARGET TRIWULAN" names the quarters' group, not the year's target: a
/// dump may print that group cell first, the KONDISI and TARGET cells
/// below it later (blind round 6: gen33's mutool dump), so KONDISI before
/// the first TARGET of another cell is the one to come after; with none
/// (gen106 cuts its target cell "TARGE" / "T"), the first TARGET.
fn names_baseline_before_target(words: &[&str]) -> bool {
    let Some(kondisi) = words.iter().position(|x| is_kondisi(x)) else { return false };
    let year_target = (0..words.len()).find(|&k| words[k] == "TARGET" && words.get(k + 1).is_none_or(|n| *n != "TRIWULAN"));
    year_target.or_else(|| words.iter().position(|x| *x == "TARGET")).is_some_and(|t| kondisi < t)
}

/// True when the header pairs each quarter's FISIK (the target) with its
/// KEUANGAN (Rp), the money planned for it (monitoring formats, Renja):
/// "Fisik" then "Keuangan" at least twice, as no name prints them.
fn names_paired_quarters(words: &[&str]) -> bool {
    words.windows(2).filter(|w| w[0].eq_ignore_ascii_case("FISIK") && w[1].eq_ignore_ascii_case("KEUANGAN")).count() >= 2
}

/// The names the quarters' money is kept under (as the stream reader names them).
const QUARTER_MONEY: [&str; 4] = ["TW I Keuangan (Rp)", "TW II Keuangan (Rp)", "TW III Keuangan (Rp)", "TW IV Keuangan (Rp)"];

/// The name a baseline column's values are kept under.
const BASELINE: &str = "KONDISI AWAL";

/// Leaves every row's target, quarters and budget empty, each row saying so, and
/// names the column that made them unreadable: numbers a dump cannot place
/// are no numbers to hand on.
fn withhold_values(table: &mut Table, column: &str) {
    let mut withheld = 0;
    for row in table.rows.iter_mut() {
        let before = row.cells.len();
        // The budget too: it is the next value after the quarters.
        row.cells.retain(|(role, _)| !Role::VALUES.contains(role) && *role != Role::Budget);
        if row.cells.len() < before {
            withheld += 1;
            if !row.warnings.iter().any(|w| w == "values_unconfirmed") {
                row.warnings.push("values_unconfirmed".to_string());
            }
        }
    }
    if withheld > 0 {
        table.warnings.push(format!("values_withheld: {withheld} rows ({column} column: a flow dump runs it into the targets)"));
    }
}

/// The columns of a header a flow dump printed in pieces. pdftotext and
/// mutool print header cells where their text falls in the reading order:
/// a two-line cell ("TARGET" / "2026") after the one-line ones, the right
/// half of the header after the first row's URAIAN and INDIKATOR cells. The
/// first block then names only some of the columns, in no telling order.
/// When it misses the target or a quarter that the plan is known to have
/// (some piece names a target or a quarter), the roles of every piece are
/// pooled and laid out in the order of a Rencana Aksi: NO, URAIAN,
/// INDIKATOR, SATUAN, the target and the four quarters, ANGGARAN, then
/// PENANGGUNG JAWAB and KETERANGAN (as the recovery reading lays them out).
fn pooled_columns(first: &[Role], pieces: &[Role]) -> Option<Vec<Role>> {
    let quarterly = pieces.iter().chain(first).any(|r| Role::VALUES.contains(r));
    let complete = Role::VALUES.iter().all(|r| first.contains(r));
    if complete || !quarterly {
        return None;
    }
    let named: Vec<Role> = first.iter().chain(pieces).copied().collect();
    Some(columns_in_plan_order(&named))
}

/// A header naming TARGET twice: a group heading over the quarters
/// ("TARGET KUMULATIF", "TARGET PER TRIWULAN"), printed on the header's
/// top row before SATUAN, and the year's target ("TARGET 2026") beside
/// the quarters. Only the one beside the quarters is a column; read as
/// two, every row's values move one column along (gen83's flow dump: TW
/// IV took the budget). Without quarters the first is kept.
fn one_target_column(columns: &mut Vec<Role>) {
    let targets: Vec<usize> = columns.iter().enumerate().filter(|(_, r)| **r == Role::Target).map(|(i, _)| i).collect();
    if targets.len() < 2 {
        return;
    }
    let beside_quarters = |i: usize| columns.get(i + 1) == Some(&Role::Tw1) || (i > 0 && columns[i - 1] == Role::Tw4);
    let keep = targets.iter().copied().find(|&i| beside_quarters(i)).unwrap_or(targets[0]);
    let mut i = 0;
    columns.retain(|r| {
        let drop = *r == Role::Target && i != keep;
        i += 1;
        !drop
    });
}

/// The columns `named` laid out in the order of a Rencana Aksi: NO (when
/// named), URAIAN, INDIKATOR, SATUAN, the target and the four quarters,
/// then ANGGARAN, PENANGGUNG JAWAB and KETERANGAN when named.
fn columns_in_plan_order(named: &[Role]) -> Vec<Role> {
    let is_named = |r: &Role| named.contains(r);
    let mut columns: Vec<Role> = [Role::No].into_iter().filter(is_named).collect();
    columns.extend([Role::Node, Role::Indicator, Role::Unit]);
    columns.extend(Role::VALUES);
    columns.extend([Role::Budget, Role::Responsible, Role::Note].into_iter().filter(is_named));
    columns
}

/// The header's columns with the quarters put beside the year's target
/// when the header named them last, after the columns a plan prints after
/// its values: a two-row header, TARGET over "TAHUN 2026" and TW I..IV,
/// ANGGARAN, PENANGGUNG JAWAB and KETERANGAN two rows high. A flow dump
/// prints the first row's cells before the second's (gen68's mutool dump:
/// "TARGET", "ANGGARAN (Rp)", "PENANGGUNG JAWAB", "KETERANGAN", "TAHUN
/// 2026", "TW I" .. "TW IV"), but the quarters are printed beside their
/// target in every row.
fn quarters_beside_target(mut roles: Vec<Role>) -> Vec<Role> {
    const QUARTERS: [Role; 4] = [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    let Some(target) = roles.iter().position(|r| *r == Role::Target) else { return roles };
    let n = roles.len();
    // The target, one column at least of those after the values, the quarters.
    if n < target + 6 || roles[n - 4..] != QUARTERS {
        return roles;
    }
    let after_values = |r: &Role| matches!(r, Role::Budget | Role::Responsible | Role::Note);
    if roles[target + 1..n - 4].iter().all(after_values) {
        roles.truncate(n - 4);
        for (k, q) in QUARTERS.into_iter().enumerate() {
            roles.insert(target + 1 + k, q);
        }
    }
    roles
}

/// Rows read by one of the two readings.
struct Reading {
    rows: Vec<Row>,
    signature: Vec<String>,
    warnings: Vec<String>,
}

/// How many lines of the body a label opens, after the NO column's number if any.
fn labelled_lines(lines: &[SrcLine]) -> usize {
    let opens = |text: &str| {
        let t = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        starts_with_label(text) || starts_with_label(t)
    };
    // A line naming the bare label above it ("PROGRAM1" / "Program
    // Keserasian ...") opens no node of its own.
    (0..lines.len()).filter(|&k| opens(&lines[k].text) && !(k > 0 && names_bare_label(&lines[k - 1].text, &lines[k].text))).count()
}

/// How much of a reading the grammar accepts: indicator rows whose text
/// is free of labels, with a unit, and whose values obey the quarterly
/// arithmetic; labels printed in the body (`labels` lines open one) but
/// lost, or swallowed into an indicator or a note, count against it.
fn quality(rows: &[Row], labels: usize) -> f64 {
    let has_label_inside = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        // The text from word k on, words joined by single spaces, is the
        // tail of the whole text so joined.
        let joined = words.join(" ");
        let mut from = 0;
        words.iter().enumerate().any(|(k, w)| {
            let tail = &joined[from..];
            from += w.len() + 1;
            k >= 1 && starts_upper(w) && parse_label(tail).is_some_and(|l| l.number.is_some())
        })
    };
    let mut q = 0.0;
    for r in rows.iter().filter(|r| r.has_indicator()) {
        let ind = r.get(Role::Indicator).unwrap_or("");
        let n_words = ind.split_whitespace().count();
        // A unit and values with no indicator, or with a number for one
        // (the row above's budget or NO cell: a dump that printed the value
        // columns apart from the text columns), is no row anyone can use:
        // its values belong to an indicator the reading did not find.
        if !ind.chars().any(char::is_alphabetic) {
            continue;
        }
        if (2..=40).contains(&n_words) && !has_label_inside(ind) {
            q += 1.0;
        }
        if r.get(Role::Unit).is_some_and(|u| !u.is_empty()) {
            q += 0.5;
        }
        // An indicator beside another row's unit.
        if contradicts_unit(ind, r.get(Role::Unit).unwrap_or("")) {
            q -= 1.0;
        }
        let vals: Vec<String> = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].iter().map(|x| r.get(*x).unwrap_or("").to_string()).collect();
        if values::row_obeys(&vals) {
            q += 1.0;
        }
        for role in [Role::Note, Role::Responsible] {
            if r.get(role).is_some_and(has_label_inside) {
                q -= 1.0;
            }
        }
        if let Some(n) = &r.node {
            // The node's own label set apart ("Sub. Kegiatan 1 ...").
            let own = printed_label(n).map(|p| p.split_whitespace().count()).unwrap_or(0);
            let rest: Vec<&str> = n.split_whitespace().skip(own).collect();
            if has_label_inside(&rest.join(" ")) {
                q -= 1.0;
            }
            if is_header_piece_as_node(n) {
                q -= 1.0;
            }
        }
    }
    let nodes = rows.iter().filter(|r| r.node.is_some()).count();
    q -= 0.5 * (labels as f64 - nodes as f64).abs();
    q
}

/// A node's text that is a piece of the header: words in capitals, every
/// one a header word or a word of a header's phrase, one at least naming
/// a column ("SUB KEGIATAN RENCANA CAPAIAN PER", a reading that took the
/// header's last lines for the first row's node). A bare level word
/// ("PROGRAM") may be a node's own label.
fn is_header_piece_as_node(node: &str) -> bool {
    // "RENCANA CAPAIAN PER TRIWULAN", "RENCANA TARGET", "TARGET DAN
    // REALISASI": words no column is named by, printed in its name.
    const PHRASE_WORDS: [&str; 3] = ["RENCANA", "PER", "DAN"];
    let words: Vec<&str> = node.split_whitespace().map(|w| w.trim_matches('/')).filter(|w| !w.is_empty()).collect();
    let names_column = |w: &&str| w.chars().any(char::is_alphabetic) && is_header_word(w) && !LEVEL_WORDS.contains(w);
    words.iter().all(|w| !w.chars().any(char::is_lowercase) && (is_header_word(w) || LEVEL_WORDS.contains(w) || PHRASE_WORDS.contains(w))) && words.iter().any(names_column)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The in-order reading: anchors (unit and targets) in reading order, and
/// the text between two anchors split into notes, nodes and indicator.
fn in_order(lines: &[SrcLine], value_roles: &[Role], text_after: &[Role], plan_has_budget: bool, has_definition: bool) -> Reading {
    let mut reading = Reading { rows: Vec::new(), signature: Vec::new(), warnings: Vec::new() };
    let toks: Vec<Tok> = lines
        .iter()
        .enumerate()
        .flat_map(|(li, l)| l.text.split_whitespace().map(move |w| Tok { text: w, line: li }))
        .collect();
    let mut anchors = find_anchors(&toks, value_roles.len());
    // A plan whose header names ANGGARAN only in a piece the columns missed:
    // read with room for one value more, its rows hold the budget first or
    // last, where their sums of money stand (gen39 prints ANGGARAN before
    // TARGET); rows that do not agree leave the columns as they were.
    let mut with_budget: Option<Vec<Role>> = None;
    if plan_has_budget && !value_roles.contains(&Role::Budget) {
        let wider = find_anchors(&toks, value_roles.len() + 1);
        if let Some(first) = budget_place(&wider, value_roles.len()) {
            with_budget = Some(if first { [&[Role::Budget][..], value_roles].concat() } else { [value_roles, &[Role::Budget][..]].concat() });
            // Only a row whose extra value is its sum of money takes it.
            let at = if first { 0 } else { value_roles.len() };
            for k in 0..anchors.len() {
                let Some(w) = wider.iter().find(|w| w.unit_tok == anchors[k].unit_tok) else { continue };
                let money = w.values.len() == value_roles.len() + 1 && is_sum_of_money(&w.values[at]);
                let clear = anchors.get(k + 1).is_none_or(|next| next.unit_from >= w.end);
                if money && clear {
                    anchors[k] = w.clone();
                }
            }
        }
    }
    // A dump that prints every cell on lines of its own and marks a wrapped
    // line by its trailing space (mutool) tells where every cell ends: a
    // line that does not go on closes its cell. Told by its value cells,
    // one a line (pdftotext may keep trailing spaces too, but runs a row's
    // values together on one line).
    let one_value_a_line = anchors.iter().filter(|a| {
        let mut seen: Vec<usize> = toks[a.unit_tok..a.end].iter().map(|t| t.line).collect();
        seen.dedup();
        a.values.len() >= 2 && seen.len() == a.end - a.unit_tok
    });
    let cells_marked = lines.iter().any(|l| l.open_end) && 2 * one_value_a_line.count() > anchors.len();
    widen_units(&mut anchors, &toks, lines, cells_marked);
    widen_wrapped_units(&mut anchors, &toks, lines);
    let vocab = Vocabulary::from_texts(lines.iter().map(|l| l.text.as_str()));

    // The signature block starts at the first signature line after the last anchor.
    let last_line = anchors.last().map(|a| toks[a.end - 1].line).unwrap_or(0);
    let sig_start = (last_line + 1..lines.len()).find(|&i| is_signature_start(&lines[i].text)).unwrap_or(lines.len());
    reading.signature = lines[sig_start.min(lines.len())..].iter().map(|l| fold(&l.text)).filter(|s| !s.is_empty()).collect();

    let mut prev_end = 0usize;
    let mut rows: Vec<Row> = Vec::new();
    for a in &anchors {
        let seg = segment_lines(lines, &toks, prev_end, a.unit_from, cells_marked);
        if prev_end > 0 && seg.iter().all(|(li, _)| *li >= CELL_END) {
            // No text of its own: the dump printed the indicator cells of
            // this row and the one before as one block, and the texts read
            // before cannot be told apart. Which values go with which text
            // is unknown, so neither row keeps its values.
            if let Some(prev) = rows.iter_mut().rev().find(|r| r.has_indicator()) {
                unplace_values(prev);
            }
            let mut row = Row { page: lines[toks[a.unit_tok].line].page, line: lines[toks[a.unit_tok].line].line, ..Row::default() };
            let unit: Vec<&str> = toks[a.unit_from..=a.unit_tok].iter().map(|t| t.text).collect();
            row.set(Role::Unit, mend_cut_unit(&unit.join(" ")).into_owned());
            row.set(Role::Indicator, String::new());
            unplace_values(&mut row);
            rows.push(row);
            prev_end = a.end;
            continue;
        }
        let same_line_as_prev = prev_end > 0 && seg.first().is_some_and(|s| s.0 == toks[prev_end - 1].line);
        let parts = split_segment(lines, &seg, same_line_as_prev, &vocab, !rows.is_empty(), has_definition);
        if let Some(prev) = rows.iter_mut().rev().find(|r| r.has_indicator()) {
            add_trailing(prev, &parts.notes, text_after);
            for c in &parts.continuation {
                match prev.node.as_mut() {
                    Some(n) => *n = join_lines(&[n.as_str(), c.as_str()], &vocab),
                    None => prev.set(text_after[text_after.len() - 1], c.clone()),
                }
            }
        }
        for (node, at) in parts.nodes_only {
            rows.push(Row { page: lines[at].page, line: lines[at].line, node: Some(node), ..Row::default() });
        }
        let mut indicator = parts.indicator;
        // No indicator of its own (at most a text no indicator opens with,
        // the row before's trailing cell), and the row before holds two:
        // the dump printed both rows' indicator cells before the first unit
        // ("Jumlah arsip inaktif yang ditata" / "Jumlah daftar arsip
        // inaktif ..." / "Boks 1.800 ..." / "Seksi Arsip Dinamis" /
        // "Dokumen 36 ..."). The second is this row's, as the rows go in
        // order, and the text read for this row's is the row before's.
        if parts.node.is_none() && !opens_with_opener(&indicator) && parts.notes.is_empty() {
            if let Some(prev) = rows.last_mut().filter(|r| r.has_indicator() && r.node.is_some()) {
                if let Some((first, second)) = two_indicators(prev.get(Role::Indicator).unwrap_or("")) {
                    prev.replace(Role::Indicator, first);
                    if !indicator.trim().is_empty() {
                        add_trailing(prev, &[indicator], text_after);
                    }
                    indicator = second;
                }
            }
        }
        let start_line = parts.start.unwrap_or(toks[a.unit_tok].line);
        let mut row = Row { page: lines[start_line].page, line: lines[start_line].line, node: parts.node, ..Row::default() };
        row.set(Role::Indicator, indicator);
        if let Some(d) = parts.definition {
            row.set(Role::Definition, d);
        }
        let unit: Vec<&str> = toks[a.unit_from..=a.unit_tok].iter().map(|t| t.text).collect();
        row.set(Role::Unit, mend_cut_unit(&unit.join(" ")).into_owned());
        match &with_budget {
            Some(roles) if a.values.len() == roles.len() => assign_values(&mut row, &a.values, roles),
            _ => assign_values(&mut row, &a.values, value_roles),
        }
        rows.push(row);
        prev_end = a.end;
    }
    // Text after the last anchor and before the signature: the last row's
    // notes. (Notes under the table are no body line: see [`body_lines`].)
    let end_tok = toks.iter().position(|t| t.line >= sig_start).unwrap_or(toks.len());
    if prev_end > 0 && prev_end < end_tok {
        let seg = segment_lines(lines, &toks, prev_end, end_tok, cells_marked);
        let same = seg.first().is_some_and(|s| s.0 == toks[prev_end - 1].line);
        let parts = split_segment(lines, &seg, same, &vocab, true, has_definition);
        let mut notes = parts.notes;
        if !parts.indicator.is_empty() {
            notes.push(parts.indicator);
        }
        if let Some(prev) = rows.iter_mut().rev().find(|r| r.has_indicator()) {
            add_trailing(prev, &notes, text_after);
        }
    }
    if anchors.is_empty() {
        reading.warnings.push("no_table_found".to_string());
    }
    if plan_has_budget {
        drop_budget_sized_values(&mut rows);
    }
    unplace_values_of_another_indicator(&mut rows);
    reading.rows = rows;
    reading
}

/// An indicator cell that holds two indicators run together: exactly one
/// opener noun in capitals ("Jumlah", "Persentase") after the first word,
/// following a word in lowercase, where a sentence starts again. Returns
/// the two texts.
fn two_indicators(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match inner_indicator_starts(text).as_slice() {
        [k] => Some((words[..*k].join(" "), words[*k..].join(" "))),
        _ => None,
    }
}

/// True when a text's first word is an opener noun in capitals
/// ("Jumlah ...", "Persentase ..."), as an indicator opens.
fn opens_with_opener(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|w| starts_upper(w) && words::is_opener(w))
}

/// Where, after its first two words, a text starts an indicator again:
/// an opener noun in capitals after a word in lowercase, with more after
/// it (word indices).
fn inner_indicator_starts(text: &str) -> Vec<usize> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..words.len())
        .filter(|&k| starts_upper(words[k]) && words::is_opener(words[k]) && words[k - 1].chars().last().is_some_and(|c| c.is_lowercase()) && k + 1 < words.len())
        .collect()
}

/// The lowercase words of a text.
fn word_set(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// pdftotext may print two rows' indicators before the first one's unit
/// and values; the in-order reading gives the values to the indicator
/// read last. A unit of two words or more named by an indicator
/// ("Jumlah kelompok tani ..." / "Kelompok Tani", "Jumlah daerah irigasi
/// ..." / "Daerah Irigasi") tells when it did wrong: the row's own unit
/// named only by the text read before its indicator (the other
/// indicator, gone to the node), or the next row's unit named by its
/// indicator while its own unit is not. Such a row's values are left
/// empty: whose they are is unknown.
fn unplace_values_of_another_indicator(rows: &mut [Row]) {
    let names = |text: &[String], unit: &[String]| unit.len() >= 2 && unit.iter().all(|u| text.contains(u));
    let with_ind: Vec<usize> = (0..rows.len()).filter(|&r| rows[r].has_indicator()).collect();
    let mut wrong: Vec<usize> = Vec::new();
    for (k, &r) in with_ind.iter().enumerate() {
        let ind = word_set(rows[r].get(Role::Indicator).unwrap_or(""));
        let unit = word_set(rows[r].get(Role::Unit).unwrap_or(""));
        let node = word_set(rows[r].node.as_deref().unwrap_or(""));
        // "Persentase ..." names its unit "Persen" / "%".
        let percent = canonical(rows[r].get(Role::Unit).unwrap_or("")) == "persen" && ind.iter().any(|w| canonical(w) == "persen");
        let own_named = percent || unit.iter().all(|u| ind.contains(u));
        let named_before = names(&node, &unit) && !own_named;
        let next_unit = with_ind.get(k + 1).map(|&n| word_set(rows[n].get(Role::Unit).unwrap_or(""))).unwrap_or_default();
        let names_next = names(&ind, &next_unit) && !own_named && next_unit != unit;
        // "Persentase ..." beside a unit that is no percentage: another
        // row's unit and values (see `contradicts_unit`).
        let beside_other = contradicts_unit(rows[r].get(Role::Indicator).unwrap_or(""), rows[r].get(Role::Unit).unwrap_or(""));
        // Two indicators or more run together in one text ("Jumlah laporan
        // evaluasi ... triwulanan Persentase perangkat daerah ..."): the
        // dump printed a cell of stacked indicators before their values
        // (gen83), and which group of values is whose is unknown.
        // (The first opening as an indicator does, or going on from one in
        // lowercase: a text opening otherwise holds the row before's
        // trailing cells before the indicator, "Tersedia Kabid Inovasi
        // Jumlah produk ...", and its values are its own.)
        let text = rows[r].get(Role::Indicator).unwrap_or("");
        let opens = opens_with_opener(text) || text.trim_start().starts_with(char::is_lowercase);
        let runs_several = opens && !inner_indicator_starts(text).is_empty();
        if named_before || names_next || beside_other || runs_several {
            wrong.push(r);
        }
    }
    for r in wrong {
        unplace_values(&mut rows[r]);
    }
}

/// The text columns that follow the targets, in header order
/// (KETERANGAN, PENANGGUNG JAWAB, ...); notes by default.
fn after_values(columns: &[Role]) -> Vec<Role> {
    let last_value = columns.iter().rposition(|r| r.is_value());
    let roles: Vec<Role> = match last_value {
        Some(i) => columns[i + 1..].iter().copied().filter(|r| matches!(r, Role::Note | Role::Responsible)).collect(),
        None => Vec::new(),
    };
    if roles.is_empty() {
        vec![Role::Note]
    } else {
        roles
    }
}

/// Paragraphs after a row's targets fill its trailing text columns in
/// order; more paragraphs than columns go to the last one.
fn add_trailing(row: &mut Row, paragraphs: &[String], roles: &[Role]) {
    for (i, p) in paragraphs.iter().enumerate() {
        let role = roles[i.min(roles.len() - 1)];
        row.set(role, p.clone());
    }
}

/// All lines, headers removed (the first header's columns recorded in
/// `table`), with the title block (the lines above the first header) and
/// the roles named by every header line and by every header block returned apart.
fn body_lines(pages: &[Page], table: &mut Table) -> (Vec<SrcLine>, Vec<String>, Vec<Role>, Vec<Role>) {
    let mut header_roles: Vec<Role> = Vec::new();
    // The roles named by whole header blocks (a lone "anggaran" line of the body is no header).
    let mut block_roles: Vec<Role> = Vec::new();
    let mut all: Vec<SrcLine> = Vec::new();
    fn words(l: &Line) -> Vec<&str> {
        l.words.iter().map(|w| w.text.as_str()).collect()
    }
    for p in pages {
        let mut blank = true;
        // Notes under the table ("Keterangan:" / "1. Target triwulan ...
        // Tahun 2021"), up to the signature or the page's end: no cells,
        // and a note's "Tahun 2021" would read as a unit and its target.
        let mut in_notes = false;
        // A total row: "JUMLAH" with its sums on the lines after it (see
        // [`is_total_row`]), the budget summed and no indicator's.
        let mut in_total = false;
        for (i, l) in p.lines.iter().enumerate() {
            if l.is_blank() {
                blank = true;
                continue;
            }
            let sums_after = || p.lines[i + 1..].iter().find(|n| !n.is_blank()).is_some_and(|n| continues_total(&words(n)));
            // (A heading has two words at most: no other line is gathered.)
            if is_total_line(l) || (l.words.len() <= 2 && is_total_heading(&words(l)) && sums_after()) {
                in_total = true;
                continue;
            }
            if in_total && continues_total(&words(l)) {
                continue;
            }
            in_total = false;
            let text = l.text();
            if is_table_notes_start(&text) {
                in_notes = true;
            } else if in_notes && is_signature_start(&text) {
                in_notes = false;
            }
            if in_notes {
                continue;
            }
            // (Bounds and sums of money as one word: the in-order reading
            // splits the text itself.)
            let text = prep::text_with_bounds_joined(&text).unwrap_or(text);
            all.push(SrcLine { page: p.number, line: i as u32 + 1, text, para_break: blank, after_header: false, open_end: l.open_end });
            blank = false;
        }
    }
    // Header blocks: runs of header-only lines holding at least two words
    // that only a header has.
    let mut keep = vec![true; all.len()];
    let mut title: Option<Vec<String>> = None;
    let mut i = 0;
    while i < all.len() {
        // Above the first header, the title's year line ("TAHUN ANGGARAN
        // 2026") is header words only, but no part of the header: its
        // ANGGARAN named a budget column the plan does not have.
        if title.is_none() && is_title_year_line(&all[i].text.split_whitespace().collect::<Vec<_>>()) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut core = 0;
        let mut words_all: Vec<String> = Vec::new();
        while j < all.len() {
            let words: Vec<&str> = all[j].text.split_whitespace().collect();
            // (The quarter's number may come after another cell's line:
            // "SATUAN TARGET TRW" / "TAHUN" / "1" / "2027".)
            let under_quarter = (i.max(j.saturating_sub(2))..j).any(|k| is_quarter_number_under(&words, &all[k].text.split_whitespace().collect::<Vec<_>>()))
                || (j > i && is_next_quarter_number(&words, &all[j - 1].text.split_whitespace().collect::<Vec<_>>()));
            if !is_header_line(&words) && !under_quarter {
                break;
            }
            // A node's bare label in title case over its name ("Sasaran" /
            // "Meningkatnya budaya ...") opens the body, though SASARAN
            // names a column in some headers.
            let name_follows = all.get(j + 1).is_some_and(|n| !is_header_line(&n.text.split_whitespace().collect::<Vec<_>>()) && n.text.starts_with(char::is_uppercase));
            if j > i && is_bare_title_case_label(&all[j].text) && name_follows {
                break;
            }
            // A header cut in pieces may leave "ANGGARAN (Rp)" on a line of its own.
            header_roles.extend(roles_in_words(&words).0);
            core += core_words(&words);
            words_all.extend(words.iter().map(|w| w.to_string()));
            j += 1;
        }
        // ... or across the lines of a run ("PENANGGUNG" / "JAWAB").
        let refs: Vec<&str> = words_all.iter().map(String::as_str).collect();
        let (run_roles, run_years) = if j > i { roles_in_words(&refs) } else { (Vec::new(), Vec::new()) };
        header_roles.extend(run_roles.iter().copied());
        let fragment = j > i && title.is_some() && is_header_fragment(&words_all, &all_years(&all, &table.header_years));
        if j > i && core < 2 && fragment {
            // A header cell printed away from its header (see [`is_header_fragment`]).
            for k in keep.iter_mut().take(j).skip(i) {
                *k = false;
            }
            i = j;
        } else if j > i && core >= 2 {
            block_roles.extend(run_roles.iter().copied());
            if table.columns.is_empty() {
                table.columns = quarters_beside_target(run_roles);
            }
            table.header_years.extend(run_years);
            if title.is_none() {
                title = Some(all[..i].iter().map(|l| l.text.clone()).collect());
                for k in keep.iter_mut().take(i) {
                    *k = false;
                }
            }
            for k in keep.iter_mut().take(j).skip(i) {
                *k = false;
            }
            if j < all.len() {
                all[j].para_break = true;
                all[j].after_header = true;
            }
            drop_header_cells_above(&mut all, &mut keep, i);
            i = j;
        } else {
            i += 1;
        }
    }
    let title = title.unwrap_or_default();
    let lines = all.into_iter().zip(keep).filter(|(_, k)| *k).map(|(l, _)| l).collect();
    (lines, title, header_roles, block_roles)
}

/// A level's word alone, in title case ("Sasaran", "Sub Kegiatan"), not
/// in a header's capitals.
fn is_bare_title_case_label(text: &str) -> bool {
    let t = text.trim();
    // (Only the level's own words: "Sasaran Strategis" heads a column.)
    let level = matches!(t.to_lowercase().as_str(), "tujuan" | "sasaran" | "program" | "kegiatan" | "sub kegiatan" | "subkegiatan");
    level && t.chars().any(char::is_lowercase)
}

/// pdftotext joins a header cell to the cell below it when the two share
/// a column ("URAIAN" / "Sub Kegiatan 1 ..."), so a repeated header may
/// begin with such lines above the block the rest of it makes (at line
/// `block`). Lines of the same page above the block that hold only
/// column names in capitals ("URAIAN", "INDIKATOR KINERJA") are header
/// cells: taken out, the cell under each opens a paragraph.
fn drop_header_cells_above(all: &mut [SrcLine], keep: &mut [bool], block: usize) {
    let page = all[block].page;
    for k in (0..block).rev() {
        if all[k].page != page {
            break;
        }
        let words: Vec<&str> = all[k].text.split_whitespace().collect();
        let capitals = words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()));
        if keep[k] && capitals && is_header_line(&words) && core_words(&words) >= 1 && !roles_in_words(&words).0.is_empty() {
            keep[k] = false;
            if k + 1 < all.len() {
                all[k + 1].para_break = true;
            }
        }
    }
}

/// The years the title and the header name ("RENCANA AKSI TAHUN 2026").
fn all_years(lines: &[SrcLine], header_years: &[u32]) -> Vec<u32> {
    let mut years = header_years.to_vec();
    for l in lines.iter().take(12) {
        years.extend(l.text.split_whitespace().filter_map(|w| w.parse::<u32>().ok()).filter(|y| (1990..=2100).contains(y)));
    }
    years
}

/// True for a header cell that a flow dump printed away from the rest of
/// its header, amid the body: "TAHUN" / "2026" (the year's target under a
/// TARGET spanning the quarters) comes after the first rows' one-line
/// cells. Its words are all header words in capitals and one is the plan's
/// year; read as a unit and a target it would give the year as a target.
fn is_header_fragment(words: &[String], years: &[u32]) -> bool {
    let has_year = words.iter().any(|w| w.parse::<u32>().is_ok_and(|y| years.contains(&y)));
    let capitals = words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()));
    has_year && capitals && words.iter().any(|w| w.chars().any(|c| c.is_alphabetic()))
}

/// A word that can stand in a run of targets.
fn is_value_word(w: &str) -> bool {
    w == "-" || is_readable(w)
}

/// Finds every unit-and-targets anchor. A run takes at most `cap` values
/// (the header's value columns), so a row number that follows ("2 Sasaran
/// 2") is not read as a target.
fn find_anchors(toks: &[Tok], cap: usize) -> Vec<Anchor> {
    let cap = cap.max(1);
    let value_word: Vec<bool> = toks.iter().map(|t| is_value_word(t.text)).collect();
    let mut out = Vec::new();
    let mut i = 1;
    while i < toks.len() {
        let unit = toks[i - 1].text;
        if let Some(mut anchor) = word_target_anchor(toks, i) {
            // The row's budget after its word targets ("B" / "-" / "-" /
            // "-" / "B" / "1.184.320.000,-") is one of its values.
            if anchor.values.len() < cap && toks.get(anchor.end).is_some_and(|t| is_sum_of_money(t.text)) {
                anchor.values.push(toks[anchor.end].text.to_string());
                anchor.end += 1;
            }
            i = anchor.end + 1;
            out.push(anchor);
            continue;
        }
        // A unit cut at its narrow cell's edge ("Dokume" / "n", "Persent" / "ase"): the tail
        // alone stands before the values.
        let cut_unit = i >= 2 && unit.len() <= 3 && unit.chars().all(|c| c.is_lowercase()) && is_known(&canonical(&format!("{}{unit}", toks[i - 2].text)));
        if !value_word[i] || value_word[i - 1] || !(may_be_unit_before_values(unit) || cut_unit) {
            i += 1;
            continue;
        }
        let mut values: Vec<String> = Vec::new();
        let mut j = i;
        while j < toks.len() && values.len() <= cap {
            let t = toks[j].text;
            if t == "%" && values.last().is_some_and(|v| !v.ends_with('%')) {
                values.last_mut().expect("checked").push('%');
            } else if value_word[j] && values.len() < cap {
                values.push(t.to_string());
            } else {
                break;
            }
            j += 1;
        }
        // "minimal B %" then "34,31 ...": a letter grade followed by numbers
        // is text, the real run starts later. (A dash is a blank cell: "-
        // 24 48 24 96", TW I blank in a plan printing its quarters first.)
        // (A row's budget after its grades, "B - - - B 1.184.320.000,-",
        // is no such number.)
        let budget_last = |k: usize| k + 1 == values.len() && k >= 5 && is_sum_of_money(&values[k]);
        let mixed = !is_number_word(&values[0]) && values[0] != "-" && (1..values.len()).any(|k| is_number_word(&values[k]) && !budget_last(k));
        if mixed {
            i += 1;
            continue;
        }
        let label_like = || starts_with_label(&format!("{unit} {}", values[0]));
        // One value alone is an anchor only after a known unit, and not when
        // a label follows it (then it is the NO column: "tahun" / "1" / "Sasaran 1").
        let label_follows = || toks.get(j).is_some_and(|t| starts_with_label(t.text));
        let enough = values.len() >= 2 || (is_known(&canonical(unit)) && is_number_word(&values[0]) && !label_follows() && !label_like());
        if enough {
            let unit_from = if cut_unit { i - 2 } else { i - 1 };
            out.push(Anchor { unit_tok: i - 1, unit_from, values, end: j });
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn is_number_word(w: &str) -> bool {
    is_number(w)
}

/// A qualitative target printed as a word, each cell on a line of its own
/// after the unit's: "Kategori" / "Informatif" / "Informatif" (the target
/// and TW IV; the quarters between blank), or with TW IV's narrower cell
/// cutting the word ("Informa") and its tail ("tif") on the next line.
/// The unit at `i - 1`, the word at `i`.
fn word_target_anchor(toks: &[Tok], i: usize) -> Option<Anchor> {
    // The quarters between may be printed as dashes, each on its line, or
    // say the same word ("Kondusif" in every quarter).
    let dashes = if toks.get(i + 1..i + 4).is_some_and(|q| q.iter().all(|t| t.text == "-")) { 3 } else { 0 };
    // (A dump may run the four quarters' words together on one line:
    // "Terlaksana" / "Terlaksana Terlaksana Terlaksana Terlaksana BOK".)
    let same = dashes == 0 && toks.get(i + 1..i + 5).is_some_and(|q| q.iter().all(|t| t.text == toks[i].text) && (q.windows(2).all(|w| w[0].line < w[1].line) || q.iter().all(|t| t.line == q[0].line && t.line > toks[i].line)));
    let dashes = if same { 3 } else { dashes };
    let (unit, word, tw4) = (&toks[i - 1], &toks[i], toks.get(i + 1 + dashes)?);
    let own_lines = unit.line < word.line && word.line < tw4.line;
    let is_target_word = is_word_target(word.text) && !is_known(&canonical(word.text)) && !starts_with_label(word.text);
    let unit_known = is_known(&canonical(unit.text)) || (same && words::heads_five_word_targets(unit.text, word.text));
    if !own_lines || !is_target_word || !unit_known {
        return None;
    }
    let end = if tw4.text == word.text {
        i + dashes + 2
    } else {
        let tail = cut_word_target_tail(word.text, tw4.text)?;
        toks.get(i + dashes + 2).filter(|t| t.text == tail && t.line > tw4.line)?;
        i + dashes + 3
    };
    let between = if same { word.text } else { "-" };
    let values = if dashes == 3 { vec![word.text.to_string(), between.into(), between.into(), between.into(), word.text.to_string()] } else { vec![word.text.to_string(), word.text.to_string()] };
    Some(Anchor { unit_tok: i - 1, unit_from: i - 1, values, end })
}

/// Where the budget stands in rows with one value more than the `columns`
/// value columns: `Some(true)` first, `Some(false)` last, when at least
/// two such rows hold a sum of money there and nine in ten of them agree.
fn budget_place(anchors: &[Anchor], columns: usize) -> Option<bool> {
    let (mut first, mut last) = (0, 0);
    for a in anchors.iter().filter(|a| a.values.len() == columns + 1) {
        match (is_sum_of_money(&a.values[0]), is_sum_of_money(&a.values[columns])) {
            (true, false) => first += 1,
            (false, true) => last += 1,
            _ => {}
        }
    }
    let (more, fewer) = (first.max(last), first.min(last));
    (more >= 2 && fewer * 10 <= more).then_some(first > last)
}

/// Puts the targets in their columns. With every value present the order
/// says which is which; with a budget column, five values that obey the
/// quarterly arithmetic are the target and quarters of a row whose budget
/// cell is blank. A flow dump drops blank cells, so with fewer values the
/// columns are unknown: two equal values are read as target and TW IV (a
/// cumulative plan's "A ... A"); two that differ cannot be (with the
/// quarters blank, TW IV is the target under either arithmetic), so, as
/// with any other count, only the first is kept, as the target, with a
/// warning; and only under a known unit: values unaligned under a "unit"
/// no plan uses ("Kabid Kesehatan Masyarakat", "NIP") were found beside
/// text that is no unit cell, and are not the row's.
fn assign_values(row: &mut Row, values: &[String], roles: &[Role]) {
    // A Renstra target column ([`names_renstra_target_column`]): only a
    // row printing every value tells which is which.
    if roles.contains(&Role::Extra) {
        // A row whose budget cell is blank prints one value fewer: its
        // target and quarters must add up to say so.
        let roles: Vec<Role> = if values.len() + 1 == roles.len() && roles.last() == Some(&Role::Budget) {
            if !values::row_obeys(&quarterly_values(roles, values)) {
                unplace_values(row);
                return;
            }
            roles[..roles.len() - 1].to_vec()
        } else if values.len() == Role::VALUES.len() && pairs_quarters_with_money(roles) && values::row_obeys(values) {
            // Quarters paired with their money: a row with no money
            // prints its target and quarters alone.
            Role::VALUES.to_vec()
        } else {
            roles.to_vec()
        };
        if values.len() != roles.len() {
            unplace_values(row);
            return;
        }
        // Paired quarters: the target and quarters must add up, and each
        // quarter's money be a sum of money (or none): a dump that ran two
        // rows' values together gives neither.
        if pairs_quarters_with_money(&roles) {
            let money_or_none = roles.iter().zip(values).filter(|(r, _)| **r == Role::Extra).all(|(_, v)| v == "-" || v == "0" || crate::parse::number::is_sum_of_money(v));
            if !values::row_obeys(&quarterly_values(&roles, values)) || !money_or_none {
                unplace_values(row);
                return;
            }
        }
        for (r, v) in roles.iter().zip(values) {
            match r {
                Role::Extra => row.extra.push((RENSTRA_TARGET.to_string(), v.clone())),
                _ => row.set(*r, v.clone()),
            }
        }
        return;
    }
    let quarterly = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    // A row with no budget (printed before the target or after TW IV)
    // whose five values add up: they are its target and quarters.
    let without_budget: Vec<Role> = roles.iter().copied().filter(|r| *r != Role::Budget).collect();
    let budget_blank = roles.len() == quarterly.len() + 1
        && without_budget == quarterly
        && values.len() == quarterly.len()
        && values::row_obeys(values);
    // A row number where the budget would be (the next row's NO cell on a
    // line of its own, after this row's values) is no budget: the row's
    // five values obey and the number is left out.
    let budget_at = roles.iter().position(|r| *r == Role::Budget);
    let no_cell_as_budget = values.len() == roles.len()
        && budget_at.is_some_and(|b| words::is_small_int(&values[b]))
        && without_budget == quarterly
        && values::row_obeys(&values.iter().enumerate().filter(|(k, _)| Some(*k) != budget_at).map(|(_, v)| v.clone()).collect::<Vec<_>>());
    if no_cell_as_budget {
        for (r, v) in roles.iter().zip(values).filter(|(r, _)| **r != Role::Budget) {
            row.set(*r, v.clone());
        }
    } else if values.len() == roles.len() {
        for (r, v) in roles.iter().zip(values) {
            row.set(*r, v.clone());
        }
    } else if budget_blank {
        for (r, v) in quarterly.iter().zip(values) {
            row.set(*r, v.clone());
        }
    } else if values.len() == 2 && roles.contains(&Role::Target) && roles.contains(&Role::Tw4) && same_value(&values[0], &values[1]) {
        row.set(Role::Target, values[0].clone());
        row.set(Role::Tw4, values[1].clone());
        row.warnings.push("quarters_missing".to_string());
    } else if row.get(Role::Unit).is_some_and(|u| is_known(&canonical(u))) {
        row.set(Role::Target, values[0].clone());
        row.warnings.push("values_unaligned".to_string());
    } else {
        unplace_values(row);
    }
}

/// A row's target and quarters among its values, read under `roles`.
fn quarterly_values(roles: &[Role], values: &[String]) -> Vec<String> {
    roles.iter().zip(values).filter(|(r, _)| Role::VALUES.contains(r)).map(|(_, v)| v.clone()).collect()
}

/// True for the reading roles of quarters paired with their money
/// ([`names_paired_quarters`]): an extra value after each of the four
/// quarters, where a Renstra target or a baseline adds one alone.
fn pairs_quarters_with_money(roles: &[Role]) -> bool {
    roles.iter().filter(|r| **r == Role::Extra).count() == 4
}

/// The name a Renstra target column's values are kept under.
const RENSTRA_TARGET: &str = "TARGET AKHIR RENSTRA";

/// Takes a row's values out, with a warning, when they cannot be told to be its own.
fn unplace_values(row: &mut Row) {
    const VALUES: [Role; 6] = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget];
    row.cells.retain(|(role, _)| !VALUES.contains(role));
    row.extra.retain(|(name, _)| name != RENSTRA_TARGET);
    if !row.warnings.iter().any(|w| w == "values_unaligned") {
        row.warnings.push("values_unaligned".to_string());
    }
}

/// Two value cells saying the same: equal numbers ("85" and "85,0") or the
/// same text ("BB", "100%" and "100").
fn same_value(a: &str, b: &str) -> bool {
    match (parse_value(a).as_f64(), parse_value(b).as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        _ => a.trim_end_matches('%') == b.trim_end_matches('%'),
    }
}

/// How many times the largest confirmed target a value must be to be a
/// budget: a plan's budgets are in Rupiah (hundreds of millions), its
/// targets counts and percentages.
const BUDGET_RATIO: f64 = 1000.0;

/// In a plan with an ANGGARAN column, a budget cell whose own column was
/// lost (its row's targets were not found beside it) is read as a target.
/// A value of a row the arithmetic does not confirm that is a thousand
/// times every target of the rows it does confirm is such a budget: it is dropped, with
/// a warning, rather than given as a target.
fn drop_budget_sized_values(rows: &mut [Row]) {
    const TARGETS: [Role; 5] = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    // Rows whose values the reading could not align, or that obey neither
    // arithmetic (a budget read as TW I leaves the row adding up to nothing).
    // (Judged once per row: the arithmetic is asked of every row.)
    let unconfirmed: Vec<bool> = rows
        .iter()
        .map(|r| {
            let vals: Vec<String> = TARGETS.iter().map(|&role| r.get(role).unwrap_or("").to_string()).collect();
            r.warnings.iter().any(|w| w == "values_unaligned" || w == "quarters_missing") || (vals.iter().any(|v| !v.is_empty()) && !values::row_obeys(&vals))
        })
        .collect();
    let number = |r: &Row, role: Role| r.get(role).and_then(|v| parse_value(v).as_f64()).map(f64::abs);
    let largest_confirmed = rows
        .iter()
        .zip(&unconfirmed)
        .filter(|(_, u)| !**u)
        .flat_map(|(r, _)| TARGETS.iter().filter_map(move |&role| number(r, role)))
        .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))));
    let Some(largest) = largest_confirmed else { return };
    for (row, _) in rows.iter_mut().zip(&unconfirmed).filter(|(_, u)| **u) {
        let budget_sized: Vec<Role> = TARGETS.iter().copied().filter(|&role| number(row, role).is_some_and(|x| x > BUDGET_RATIO * largest.max(1.0))).collect();
        if budget_sized.is_empty() {
            continue;
        }
        row.cells.retain(|(role, _)| !budget_sized.contains(role));
        row.warnings.push("budget_read_as_target".to_string());
    }
}

/// In a dump that marks where cells end, a unit cell printed on a line of
/// its own is the whole line: "Miliar Rupiah", "Pelaku Usaha", "per 1.000
/// KH" (up to three words; the anchor found only the last one). The line
/// must open a cell (the line before it closed its own) and hold nothing
/// after the unit but the anchor's values.
///
/// Without cell ends marked (`cells_marked` false: a `pdftotext` dump), a
/// line opens a cell only as a paragraph of its own, and the unit is taken
/// whole only from a line that holds nothing else: capitalised words of
/// letters, no function word, the values on the lines after ("Wajib Pajak",
/// "Kelompok Tani", "Sub Domain"). With cell ends marked, such a line is a
/// unit cell even when the line above did not close its own: mutool prints
/// a wrapped indicator's first line ("Jumlah usaha mikro yang ") and leaves
/// its other lines for later, so the open end points at text printed
/// elsewhere.
fn widen_units(anchors: &mut [Anchor], toks: &[Tok], lines: &[SrcLine], cells_marked: bool) {
    let mut prev_end = 0usize;
    for a in anchors.iter_mut() {
        let li = toks[a.unit_tok].line;
        let line_start = (0..=a.unit_tok).rev().take_while(|&k| toks[k].line == li).last().unwrap_or(a.unit_tok);
        let n_words = a.unit_tok - line_start + 1;
        let alone = toks.get(a.unit_tok + 1).is_none_or(|t| t.line != li);
        let words: Vec<&str> = toks[line_start..=a.unit_tok].iter().map(|t| t.text).collect();
        let unit_cell_words = alone
            && !is_header_line(&words)
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic) && !is_function_word(w));
        // The row's indicator is read before the unit's line (a line that
        // no label opens): a short indicator run into its unit on one line
        // ("Nilai SAKIP Nilai") stays the indicator.
        let text_before = line_start > prev_end && !starts_with_label(&lines[toks[line_start - 1].line].text);
        let opens_cell = if cells_marked {
            li == 0 || lines[li].para_break || !lines[li - 1].open_end || (unit_cell_words && text_before)
        } else {
            (li == 0 || lines[li].para_break) && unit_cell_words && text_before
        };
        let rest_is_values = toks.get(a.unit_tok + 1..).is_some_and(|r| r.iter().take_while(|t| t.line == li).count() < a.end - a.unit_tok);
        let labelled = starts_with_label(&lines[li].text) || parse_indicator_number(&lines[li].text).0.is_some();
        if line_start >= prev_end && n_words > 1 && n_words <= 3 && opens_cell && rest_is_values && !labelled {
            a.unit_from = line_start;
        }
        prev_end = a.end;
    }
}

/// A unit cell wrapped over two lines, in a paragraph of its own: "Pelaku"
/// / "Usaha", "Rumah" / "Tangga" (the anchor found only the last word). The
/// unit's word opens its line, the line above opens the paragraph, and the
/// two lines hold at most three words, capitalised, of letters only. Text
/// must remain before them for the indicator: a short indicator and its
/// unit printed as one paragraph stay apart.
fn widen_wrapped_units(anchors: &mut [Anchor], toks: &[Tok], lines: &[SrcLine]) {
    let mut prev_end = 0usize;
    for a in anchors.iter_mut() {
        // A rate's unit, "per 100.000" / "KH" or "per 1.000 KH", in a
        // paragraph of its own: the base is the unit's, not the indicator's.
        let u = a.unit_tok;
        let opens_paragraph = |k: usize| (k == 0 || toks[k - 1].line != toks[k].line) && (toks[k].line == 0 || lines[toks[k].line].para_break);
        if a.unit_from == u && u >= 2 + prev_end && toks[u - 2].text.eq_ignore_ascii_case("per") && is_number_word(toks[u - 1].text) && opens_paragraph(u - 2) {
            a.unit_from = u - 2;
            prev_end = a.end;
            continue;
        }
        let li = toks[a.unit_tok].line;
        let opens_line = a.unit_tok == 0 || toks[a.unit_tok - 1].line != li;
        let above = li.checked_sub(1);
        let first = above.and_then(|up| (prev_end..a.unit_tok).find(|&k| toks[k].line == up));
        let fits = |first: usize| {
            let up = li - 1;
            let words = &toks[first..=a.unit_tok];
            let unit_like = |t: &Tok| t.text.chars().next().is_some_and(char::is_uppercase) && t.text.chars().all(|c| c.is_alphabetic() || c == '/');
            let opens_paragraph = up == 0 || lines[up].para_break;
            let indicator_before = first > prev_end;
            a.unit_from == a.unit_tok
                && !lines[li].para_break
                && opens_paragraph
                && indicator_before
                && words.len() <= 3
                && words.iter().all(unit_like)
                && !starts_with_label(&lines[up].text)
        };
        // A unit of two words that plans print as one ("Miliar" / "Rupiah",
        // "Juta" / "Rupiah"): its first word alone on the line above may
        // close the indicator's paragraph or stand in one of its own.
        let known_pair = |first: usize| {
            first + 1 == a.unit_tok && toks[first].line + 1 == li && first > prev_end && is_known(&canonical(&format!("{} {}", toks[first].text, toks[a.unit_tok].text)))
        };
        if let Some(first) = first.filter(|&f| opens_line && (fits(f) || known_pair(f))) {
            a.unit_from = first;
        }
        prev_end = a.end;
    }
}

/// A segment entry marking where a cell ends inside a paragraph. Only the
/// trailing text cells (PENANGGUNG JAWAB, KETERANGAN) are split there: a
/// wrapped line of a long node name or indicator sometimes loses its
/// trailing space, and a note cut in two costs less than an indicator.
const CELL_END: usize = usize::MAX - 1;
/// The cell end as a paragraph holds it among its lines.
const CELL_END_MARK: &str = "\u{1f}";

/// A paragraph's lines without the cell ends.
fn without_cell_ends(p: &[String]) -> Vec<String> {
    p.iter().filter(|l| *l != CELL_END_MARK).cloned().collect()
}

/// A paragraph of trailing text as its cells.
fn trailing_cells(p: &[String], vocab: &Vocabulary) -> Vec<String> {
    p.split(|l| l == CELL_END_MARK).filter(|c| !c.is_empty()).map(|c| join_lines(c, vocab)).collect()
}

/// The segment's text as (line index, text on that line within the range).
/// Paragraph breaks are entries of `usize::MAX`; with `cells_marked`, a
/// line that closes its cell is followed by a [`CELL_END`] entry.
fn segment_lines(lines: &[SrcLine], toks: &[Tok], from: usize, to: usize, cells_marked: bool) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for t in &toks[from..to.min(toks.len())] {
        match out.last_mut() {
            Some((li, s)) if *li == t.line => {
                s.push(' ');
                s.push_str(t.text);
            }
            _ => out.push((t.line, t.text.to_string())),
        }
    }
    // Mark paragraph breaks by an empty entry before a line that has one.
    let mut marked = Vec::new();
    let mut prev_line: Option<usize> = None;
    for (k, (li, s)) in out.into_iter().enumerate() {
        let cell_closed = cells_marked && prev_line.is_some_and(|p| !lines[p].open_end);
        if k > 0 && lines[li].para_break {
            marked.push((usize::MAX, String::new()));
        } else if k > 0 && cell_closed {
            marked.push((CELL_END, String::new()));
        }
        prev_line = Some(li);
        marked.push((li, s));
    }
    marked
}

/// What the text between two anchors holds.
#[derive(Debug, Default)]
struct Parts {
    /// Paragraphs that close the previous row (KETERANGAN, PENANGGUNG JAWAB).
    notes: Vec<String>,
    /// Nodes opened here that have no indicator of their own, with their line.
    nodes_only: Vec<(String, usize)>,
    /// The node whose indicator follows (label included).
    node: Option<String>,
    indicator: String,
    /// The row's DEFINISI / FORMULA cell, where the plan prints one between
    /// INDIKATOR and SATUAN.
    definition: Option<String>,
    /// First line of the row.
    start: Option<usize>,
    /// Text at the top of a new page before anything else: the rest of the
    /// previous row's cell, cut by the page break.
    continuation: Vec<String>,
}

/// Splits a segment: notes of the previous row, node cells, the indicator.
fn split_segment(lines: &[SrcLine], seg: &[(usize, String)], first_is_trailing: bool, vocab: &Vocabulary, has_prev: bool, has_definition: bool) -> Parts {
    let mut parts = Parts::default();
    let mut seg: Vec<(usize, String)> = seg.to_vec();
    if first_is_trailing && !seg.is_empty() && seg[0].0 < CELL_END {
        let (_, t) = seg.remove(0);
        parts.notes.push(fold(&t));
    }
    // A page break inside the segment, before any label: what follows it up
    // to the next paragraph break continues the previous row's cell.
    // Pages are told by form feeds or, where a dump has none, by the header
    // repeated at the top of each page.
    let first_page = seg.iter().find(|(li, _)| *li < CELL_END).map(|(li, _)| lines[*li].page);
    if has_prev {
        let new_page = |li: usize| lines[li].after_header || Some(lines[li].page) != first_page;
        if let Some(k) = seg.iter().position(|(li, _)| *li < CELL_END && new_page(*li)) {
            let before_label = !seg[..=k].iter().any(|(li, t)| *li < CELL_END && starts_with_label(t));
            if before_label && !starts_with_label(&seg[k].1) {
                let end = seg[k..].iter().position(|(li, _)| *li == usize::MAX).map(|e| k + e).unwrap_or(seg.len());
                let has_more = seg[end..].iter().any(|(li, _)| *li < CELL_END);
                if has_more {
                    let cont: Vec<String> = seg.drain(k..end).filter(|(li, _)| *li < CELL_END).map(|(_, t)| t).collect();
                    parts.continuation.push(join_lines(&cont, vocab));
                }
            }
        }
    }
    // Row numbers of the NO column: a bare number before a label, or leading one.
    // A hierarchical number ("1.1", "1.1.1.2.") too, and where the narrow
    // NO cell wrapped it ("1.1.1.1." / "1"), both its pieces.
    let mut cleaned: Vec<(usize, String)> = Vec::new();
    for (k, (li, text)) in seg.iter().enumerate() {
        if *li == usize::MAX {
            cleaned.push((*li, text.clone()));
            continue;
        }
        let mut next = seg[k + 1..].iter().filter(|(l, _)| *l < CELL_END).map(|(_, t)| t.as_str());
        let (first, second) = (next.next(), next.next());
        let next_label = first.is_some_and(starts_with_label);
        let hierarchical = is_hierarchical_numbering(text.trim());
        let wrapped = hierarchical && first.is_some_and(is_row_number) && second.is_some_and(starts_with_label);
        if ((is_row_number(text) || hierarchical) && next_label) || wrapped {
            continue;
        }
        cleaned.push((*li, strip_row_number(text).to_string()));
    }
    // "PROGRAM 1" / "PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA": the line
    // under a bare label that opens with its level's word is its name.
    let names_the_label_above = |k: usize| {
        let above = cleaned[..k].iter().rposition(|(li, _)| *li != CELL_END);
        above.is_some_and(|a| cleaned[a].0 < CELL_END && names_bare_label(&cleaned[a].1, &cleaned[k].1))
    };
    let labels: Vec<usize> = cleaned
        .iter()
        .enumerate()
        .filter(|&(k, (li, t))| *li < CELL_END && starts_with_label(t) && !names_the_label_above(k))
        .map(|(k, _)| k)
        .collect();
    let paragraphs = |range: &[(usize, String)]| -> Vec<(usize, Vec<String>)> {
        let mut ps: Vec<(usize, Vec<String>)> = Vec::new();
        let mut cur: Option<(usize, Vec<String>)> = None;
        for (li, t) in range {
            if *li == usize::MAX {
                if let Some(c) = cur.take() {
                    ps.push(c);
                }
                continue;
            }
            if *li == CELL_END {
                if let Some(c) = cur.as_mut() {
                    c.1.push(CELL_END_MARK.to_string());
                }
                continue;
            }
            cur.get_or_insert_with(|| (*li, Vec::new())).1.push(t.clone());
        }
        if let Some(c) = cur {
            ps.push(c);
        }
        ps
    };
    let Some(&first_label) = labels.first() else {
        // No node opens here: another indicator of the same node.
        let ps = paragraphs(&cleaned);
        let numbered = ps.iter().position(|(_, p)| parse_indicator_number(&p[0]).0.is_some());
        let split = match numbered {
            Some(k) => k,
            // The last paragraph (the last two with a definition column).
            None if has_prev => ps.len().saturating_sub(1 + usize::from(has_definition)),
            None => 0,
        };
        for (_, p) in &ps[..split] {
            parts.notes.extend(trailing_cells(p, vocab));
        }
        let ind: Vec<Vec<String>> = ps[split..].iter().map(|(_, p)| p.clone()).collect();
        parts.start = ps.get(split).map(|(li, _)| *li);
        (parts.indicator, parts.definition) = indicator_and_definition(&ind, has_definition, vocab);
        return parts;
    };
    for (_, p) in paragraphs(&cleaned[..first_label]) {
        parts.notes.extend(trailing_cells(&p, vocab));
    }
    for (n, &k) in labels.iter().enumerate() {
        let end = labels.get(n + 1).copied().unwrap_or(cleaned.len());
        let block = &cleaned[k..end];
        let at = block[0].0;
        if n + 1 < labels.len() {
            let text: Vec<String> = block.iter().filter(|(li, _)| *li < CELL_END).map(|(_, t)| t.clone()).collect();
            parts.nodes_only.push((join_lines(&text, vocab), at));
            continue;
        }
        let marked = paragraphs(block);
        let ps: Vec<(usize, Vec<String>)> = marked.iter().map(|(li, p)| (*li, without_cell_ends(p))).collect();
        let (node, indicator, definition) = split_node_and_indicator(&ps, &marked, has_definition, vocab);
        parts.node = Some(node);
        parts.indicator = indicator;
        parts.definition = definition;
        parts.start = Some(at);
    }
    parts
}

/// The paragraphs of a row's text after its node: the indicator, and
/// where the plan has a DEFINISI / FORMULA column (printed between
/// INDIKATOR and SATUAN), the last paragraph is that cell: a dump prints
/// the two cells as blocks of their own, one after the other (gen31:
/// "1. Opini BPK atas Laporan" ... / "Hasil pemeriksaan BPK RI" / "atas
/// LKPD" / "Opini" / "WTP"). In one paragraph, where the dump marks where
/// cells end ([`CELL_END_MARK`]), its last cell is the definition (mutool
/// runs two cells on one baseline together). The marks come second: a
/// wrapped line may lack its trailing space.
fn indicator_and_definition(paras: &[Vec<String>], has_definition: bool, vocab: &Vocabulary) -> (String, Option<String>) {
    let mut cells: Vec<&[String]> = paras.iter().filter(|p| p.iter().any(|l| l != CELL_END_MARK)).map(Vec::as_slice).collect();
    if has_definition && cells.len() == 1 {
        cells = cells[0].split(|l| l == CELL_END_MARK).filter(|c| !c.is_empty()).collect();
    }
    let ind_cells = if has_definition && cells.len() >= 2 { cells.len() - 1 } else { cells.len() };
    let ind: Vec<String> = cells[..ind_cells].iter().flat_map(|c| c.iter().filter(|l| *l != CELL_END_MARK).cloned()).collect();
    let definition = cells.get(ind_cells).map(|c| join_lines(c, vocab));
    (join_lines(&ind, vocab), definition)
}

/// The last label's block: the node's name first, then the indicator
/// (and the definition, see [`indicator_and_definition`]).
/// `ps` are the paragraphs, `marked` the same with their cell ends marked.
fn split_node_and_indicator(ps: &[(usize, Vec<String>)], marked: &[(usize, Vec<String>)], has_definition: bool, vocab: &Vocabulary) -> (String, String, Option<String>) {
    // A label alone on its paragraph continues in the next one.
    let label_only = parse_label(&ps[0].1.join(" ")).is_some_and(|l| l.name.is_empty());
    let node_paras = if label_only { 2.min(ps.len()) } else { 1 };
    let node_lines: Vec<String> = ps[..node_paras].iter().flat_map(|(_, p)| p.clone()).collect();
    let rest: Vec<Vec<String>> = marked[node_paras..].iter().map(|(_, p)| p.clone()).collect();
    if ps[node_paras..].iter().any(|(_, p)| !p.is_empty()) {
        let (indicator, definition) = indicator_and_definition(&rest, has_definition, vocab);
        return (join_lines(&node_lines, vocab), indicator, definition);
    }
    // Node and indicator ran together: split at the indicator's numbering.
    let joined = join_lines(&node_lines, vocab);
    let label_len = parse_label(&joined).map(|l| joined.len() - l.name.len()).unwrap_or(0);
    if let Some(at) = inline_indicator_start(&joined[label_len..]) {
        let at = label_len + at;
        return (joined[..at].trim().to_string(), joined[at..].trim().to_string(), None);
    }
    // Or at the first line that opens like an indicator ("Jumlah ...").
    if let Some(k) = node_lines.iter().skip(1).position(|l| opens_like_indicator(l)) {
        let k = k + 1;
        return (join_lines(&node_lines[..k], vocab), join_lines(&node_lines[k..], vocab), None);
    }
    (joined, String::new(), None)
}

/// Byte offset of "2. Jumlah" / "2.Nilai" inside a run-together cell.
fn inline_indicator_start(s: &str) -> Option<usize> {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"(?:^|\s)(\d{1,2}\s?[.)]\s?\p{Lu})").expect("pattern"));
    re.captures(s).and_then(|c| c.get(1)).map(|m| m.start())
}

/// pdftotext joins the lines of two cells side by side when they sit on
/// one baseline: "Kegiatan 1 Rehabilitasi Sosial Dasar Jumlah penyandang
/// disabilitas", then "Penyandang Disabilitas Terlantar" (the name's) and
/// "terlantar yang direhabilitasi" (the indicator's), all one paragraph;
/// or a bare "KEGIATAN 1", then the two cells' lines in turn, one of them
/// joined ("Komunikasi Publik Pemerintah Daerah media massa"). Where a
/// paragraph opens with a Program, Kegiatan or Sub Kegiatan label and its
/// indicator starts on the label's line (after a word of the name: an
/// indicator's opening noun and a lowercase word, "Jumlah penyandang") or
/// on the next line, the paragraph is parted: these levels' names are title
/// case (nomenclature) and an indicator's wrapped lines go on in
/// lowercase, so each other line gives its title-case words up to the first
/// lowercase one (short function words such as "dan" aside) to the name
/// and the rest to the indicator. The name's lines come first, then the
/// indicator's as a paragraph of their own. A paragraph with a number
/// after its first line, or a second indicator in it, is left as it is.
/// The lines are copied only when a paragraph is parted.
fn part_merged_label_lines(lines: &[SrcLine]) -> Cow<'_, [SrcLine]> {
    let mut out: Option<Vec<SrcLine>> = None;
    let mut i = 0;
    while i < lines.len() {
        let end = (i + 1..lines.len()).find(|&k| lines[k].para_break).unwrap_or(lines.len());
        match part_paragraph(&lines[i..end]) {
            Some(parted) => out.get_or_insert_with(|| lines[..i].to_vec()).extend(parted),
            None => {
                if let Some(o) = out.as_mut() {
                    o.extend_from_slice(&lines[i..end]);
                }
            }
        }
        i = end;
    }
    out.map_or(Cow::Borrowed(lines), Cow::Owned)
}

/// A word that tells a line goes on in lowercase: not a function word
/// ("dan", "dan/atau") and not an "e-" word ("e-Government").
fn is_lowercase_content(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && !w.starts_with("e-") && !w.split('/').all(words::is_function_word)
}

/// One paragraph parted as [`part_merged_label_lines`] says, if it is one.
fn part_paragraph(para: &[SrcLine]) -> Option<Vec<SrcLine>> {
    let first = para.first()?;
    let label = parse_label(&first.text)?;
    if !matches!(label.level, Level::Program | Level::Kegiatan | Level::SubKegiatan) || para.len() < 2 {
        return None;
    }
    if para[1..].iter().any(|l| l.text.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    let line = |l: &SrcLine, text: String, para_break: bool| SrcLine { text, para_break, after_header: false, ..l.clone() };
    let words: Vec<&str> = first.text.split_whitespace().collect();
    let name_from = words.len().checked_sub(label.name.split_whitespace().count())?;
    // The indicator on the label's line, after a word of the name; or on the next line.
    let on_label_line = (name_from + 1..words.len()).find(|&k| opens_indicator(&words[k..]));
    let (mut node_lines, mut indicator_lines, rest) = match on_label_line {
        Some(at) => (vec![line(first, words[..at].join(" "), first.para_break)], vec![line(first, words[at..].join(" "), true)], &para[1..]),
        None if opens_indicator(&para[1].text.split_whitespace().collect::<Vec<_>>()) => {
            (vec![first.clone()], vec![line(&para[1], para[1].text.clone(), true)], &para[2..])
        }
        None => return None,
    };
    for l in rest {
        let ws: Vec<&str> = l.text.split_whitespace().collect();
        if opens_indicator(&ws) {
            // A second indicator: not a paragraph this reading parts.
            return None;
        }
        let mut k = ws.iter().position(|w| is_lowercase_content(w)).unwrap_or(ws.len());
        // Function words before the indicator's part are its ("Karir yang
        // diproses": a name does not end in "yang").
        while k < ws.len() && k > 0 && words::is_function_word(ws[k - 1]) {
            k -= 1;
        }
        if k > 0 {
            node_lines.push(line(l, ws[..k].join(" "), false));
        }
        if k < ws.len() {
            indicator_lines.push(line(l, ws[k..].join(" "), false));
        }
    }
    node_lines.extend(indicator_lines);
    Some(node_lines)
}

/// Words that open an indicator's text; used only where nothing else
/// separates a node's name from its indicator.
fn opens_like_indicator(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "jumlah", "jml", "jmh", "jmlh", "persentase", "prosentase", "presentase", "nilai", "indeks", "rata-rata",
        "angka", "tingkat", "rasio", "cakupan", "predikat", "pertumbuhan", "penambahan", "pertambahan",
        "terlaksananya", "tersedianya", "capaian", "proporsi", "kontribusi", "skor",
    ];
    let first = line.split_whitespace().next().unwrap_or("").to_lowercase();
    OPENERS.contains(&first.trim_end_matches([',', ':']))
}

/// "1 Tujuan 1 ..." → "Tujuan 1 ...": the NO column's number run into the label.
fn strip_row_number(text: &str) -> &str {
    let t = text.trim_start();
    if let Some((first, rest)) = t.split_once(' ') {
        if is_row_number(first) && starts_with_label(rest) {
            return rest.trim_start();
        }
    }
    t
}

#[cfg(test)]
mod value_rule_tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_kondisi_awal_header_cut_at_its_cells_edge_names_the_baseline() {
        let words = |t: &str| t.split(' ').map(str::to_string).collect::<Vec<String>>();
        let named = |t: &str| {
            let w = words(t);
            let w: Vec<&str> = w.iter().map(String::as_str).collect();
            (names_baseline_column(&w), names_baseline_before_target(&w))
        };
        // gen162's pdftotext dump: the cut word's pieces with the lines of
        // the cells beside it between them and "AWAL".
        assert_eq!(named("SATUAN KONDIS Triwula Triwula Triwula Triwula I TARGET PENANGGUN n n n n AWAL 2024 JAWAB"), (true, true));
        assert_eq!(named("KONDISI AWAL TARGET"), (true, true));
        // Whole, "KONDISI" still wants "AWAL" at most a word on.
        assert!(!named("KONDISI Triwula Triwula Triwula AWAL").0);
        // No cut head too short to tell ("KOND"), and no "AWAL" far on.
        assert!(!named("KOND I AWAL").0);
        assert!(!named(&format!("KONDIS I {} AWAL", vec!["x"; CUT_HEADER_SPAN].join(" "))).0);
    }

    #[test]
    fn the_budget_stands_where_the_rows_sums_of_money_do() {
        let anchor = |v: &[&str]| Anchor { unit_tok: 0, unit_from: 0, values: s(v), end: 0 };
        // ANGGARAN printed before TARGET.
        let first = [anchor(&["24.615.000.000", "67,5", "-", "-", "-", "67,5"]), anchor(&["16.840.000.000", "1.240", "-", "420", "510", "310"]), anchor(&["42,5", "-", "15", "17,5", "10"])];
        assert_eq!(budget_place(&first, 5), Some(true));
        // After TW IV.
        let last = [anchor(&["80", "20", "40", "60", "80", "2.340.000.000"]), anchor(&["150", "30", "80", "120", "150", "640.000.000"])];
        assert_eq!(budget_place(&last, 5), Some(false));
        // One row alone, or rows that disagree, tell nothing.
        assert_eq!(budget_place(&last[..1], 5), None);
        assert_eq!(budget_place(&[first[0].clone(), last[0].clone()], 5), None);
    }

    #[test]
    fn two_differing_values_are_not_target_and_tw4() {
        let roles = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
        let mut row = Row::default();
        row.set(Role::Unit, "Orang".to_string());
        assign_values(&mut row, &s(&["98.300", "24.575"]), &roles);
        assert_eq!((row.get(Role::Target), row.get(Role::Tw4)), (Some("98.300"), None));
        assert_eq!(row.warnings, vec!["values_unaligned"]);
        // Under a "unit" no plan uses, unaligned values are none of the row's.
        let mut row = Row::default();
        row.set(Role::Unit, "Kabid Kesehatan Masyarakat".to_string());
        assign_values(&mut row, &s(&["16.087", "21.450", "1.250.000.000"]), &roles);
        assert_eq!(row.get(Role::Target), None);
        assert_eq!(row.warnings, vec!["values_unaligned"]);
        let mut row = Row::default();
        assign_values(&mut row, &s(&["74,12", "74,12"]), &roles);
        assert_eq!(row.get(Role::Tw4), Some("74,12"));
    }

    #[test]
    fn five_values_that_obey_fill_a_row_with_a_blank_budget() {
        let roles = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget];
        let mut row = Row::default();
        assign_values(&mut row, &s(&["85", "20", "45", "65", "85"]), &roles);
        assert_eq!((row.get(Role::Tw3), row.get(Role::Budget)), (Some("65"), None));
        assert!(row.warnings.is_empty());
        // So with a baseline kept aside first (gen112's KONDISI AWAL).
        let roles = [Role::Extra, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget];
        let mut row = Row::default();
        assign_values(&mut row, &s(&["61,2", "68,4", "-", "-", "-", "68,4"]), &roles);
        assert_eq!((row.get(Role::Target), row.get(Role::Tw4), row.extra.len()), (Some("68,4"), Some("68,4"), 1));
        // Values that do not add up are no row's without the budget's cell.
        let mut row = Row::default();
        assign_values(&mut row, &s(&["61,2", "68,4", "10", "-", "-", "68,4"]), &roles);
        assert_eq!((row.get(Role::Target), row.warnings.as_slice()), (None, ["values_unaligned".to_string()].as_slice()));
    }

    #[test]
    fn a_sum_after_its_currency_right_after_the_values_is_a_value() {
        let pages = crate::extract::text::pages_of("Bidang\n350\nRp. 1.250.000.000,-\nKabid\n\nRp 864.500.000\nSub Kegiatan 1", true);
        let out = sums_without_currency(&pages);
        let texts: Vec<String> = out[0].lines.iter().map(|l| l.text()).collect();
        // (A blank line apart from any value, the currency stays.)
        assert_eq!(texts, ["Bidang", "350", "1.250.000.000,-", "Kabid", "", "Rp 864.500.000", "Sub Kegiatan 1"]);
    }

    #[test]
    fn a_budget_sized_unconfirmed_value_is_dropped() {
        let mut ok = Row::default();
        for (r, v) in [(Role::Target, "40"), (Role::Tw1, "10"), (Role::Tw2, "20"), (Role::Tw3, "30"), (Role::Tw4, "40")] {
            ok.set(r, v.to_string());
        }
        let mut bad = Row::default();
        bad.set(Role::Target, "1.250.000.000".to_string());
        bad.warnings.push("values_unaligned".to_string());
        // Not flagged, but adding up to nothing: the budget read as TW I.
        let mut sums_to_nothing = Row::default();
        for (r, v) in [(Role::Target, "2"), (Role::Tw1, "8.750.000.000"), (Role::Tw4, "1")] {
            sums_to_nothing.set(r, v.to_string());
        }
        let mut rows = vec![ok, bad, sums_to_nothing];
        drop_budget_sized_values(&mut rows);
        assert_eq!(rows[1].get(Role::Target), None);
        assert!(rows[1].warnings.contains(&"budget_read_as_target".to_string()));
        assert_eq!(rows[2].get(Role::Tw1), None);
        assert_eq!(rows[2].get(Role::Target), Some("2"));
        assert_eq!(rows[0].get(Role::Target), Some("40"));
    }
}
