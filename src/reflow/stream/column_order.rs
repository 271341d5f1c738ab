//! Columns printed in another order than the one the positional reader
//! follows.
//!
//! The reader finds its columns from the body: an anchor line is a unit
//! word followed by the targets, the node and indicator columns lie left of
//! the unit, text right of the targets is KETERANGAN and the like. Offices
//! print the same columns in other orders too (SATUAN after the quarters,
//! say). Such a page is read by first moving each column's band of the page
//! to the place its role has in the reader's order; the roles come from the
//! header words (the header → role table), never from a column's place.
//!
//! A column is found from the header: the header's words grouped into
//! phrases (words a space apart on a line), phrases over each other joined
//! into one column's header, and a phrase over several columns ("TARGET"
//! over the year and the quarters) left out as a group header. The border
//! between two columns is where the fewest body words cross, between their
//! headers. Where the header does not give each column's role once, the
//! columns cannot be moved: a page whose header still shows two columns out
//! of order on one line (SATUAN right of TW IV) is refused rather than read
//! into wrong numbers, any other is read as printed.

use super::{header_lines, opens_a_column_name};
use crate::extract::{Page, Ruling, Word};
use crate::parse::header::{bare_quarter_numeral, is_month_name, is_month_span, is_plan_year, is_quarter_word, names_earlier_figure, squash, value_role_of, Role, LEVEL_WORDS};
use crate::reflow::frame::{core_words, is_signature_start};
use std::borrow::Cow;

/// Where the columns with no place of their own in the reader's order
/// (ANGGARAN, REALISASI, KETERANGAN, ...) go: after the quarters, in their
/// printed order.
const AFTER_THE_QUARTERS: usize = 9;

/// The value columns share one rank: the reader names them by their
/// headers in any order (the year's target printed after the quarters is
/// read as such, see `name_columns`), and their bands are never moved
/// among themselves. pdftotext lays each line of a layout dump out by its
/// own words, the header's apart from the body's: over a target printed
/// after the quarters, the header's "IV" stood over the body's target
/// column, and bands moved by the header gave every row's TW IV to the
/// target (gen118, 27 wrong values); on a PDF's last page, with few rows
/// to place the borders by, a moved band cut a node's name in two.
fn reading_rank(role: Role) -> usize {
    let role = if matches!(role, Role::Tw1 | Role::Tw2 | Role::Tw3 | Role::Tw4) { Role::Target } else { role };
    role.reading_place().unwrap_or(AFTER_THE_QUARTERS)
}

/// One column's header on a page: its extent and role.
#[derive(Debug, Clone)]
struct HeaderColumn {
    x0: f32,
    x1: f32,
    role: Role,
    text: String,
}

/// The columns of one page, in printed order, with the borders between
/// them (one fewer than the columns).
#[derive(Debug, Clone)]
struct Bands {
    roles: Vec<Role>,
    borders: Vec<f32>,
}

/// The pages as the reader can read them: unchanged when their columns are
/// in the reader's order (or the header does not say), with the column
/// bands moved when the header names every column once, or the reason the
/// plan is refused.
pub(super) fn in_reading_order(pages: &[Page]) -> Result<Cow<'_, [Page]>, String> {
    let positioned = pages.iter().any(|p| p.width > 0.0);
    let mut moved: Option<Vec<Page>> = None;
    let mut last_bands: Option<Bands> = None;
    for (n, page) in pages.iter().enumerate() {
        let header = naming_lines(page, &header_lines(page));
        let bands = if header.is_empty() {
            last_bands.clone()
        } else {
            let columns = header_columns(page, &header, positioned);
            if std::env::var_os("RENCANA_DEBUG").is_some() {
                eprintln!("header columns (lines {header:?}): {:?}", columns.iter().map(|c| (c.x0, c.x1, c.role, c.text.as_str())).collect::<Vec<_>>());
            }
            if in_order(&columns) {
                // A header in the reader's order: this page is read as printed.
                last_bands = None;
                continue;
            }
            if !names_each_column_once(&columns) && !plainly_out_of_order(page, &header, positioned) {
                // A header that names no column out of order by itself: the
                // page is read as printed.
                last_bands = None;
                continue;
            }
            if !names_each_column_once(&columns) {
                let printed: Vec<&str> = columns.iter().map(|c| c.text.as_str()).collect();
                return Err(format!(
                    "the table's columns are in an order this reader cannot follow (header on page {}: {}); \
                     columns are read by their header words, and these do not name each column once",
                    page.number,
                    printed.join(" | ")
                ));
            }
            Some(Bands { roles: columns.iter().map(|c| c.role).collect(), borders: borders(page, &header, &columns) })
        };
        let Some(bands) = bands else { continue };
        let pages_out = moved.get_or_insert_with(|| pages.to_vec());
        move_bands(&mut pages_out[n], &header, &bands);
        last_bands = Some(bands);
    }
    Ok(match moved {
        Some(p) => Cow::Owned(p),
        None => Cow::Borrowed(pages),
    })
}

/// True when the columns the reader relies on come in its order, and no
/// budget stands before them (ANGGARAN between URAIAN and INDIKATOR would
/// be read as the node's text).
fn in_order(columns: &[HeaderColumn]) -> bool {
    let ranks: Vec<usize> = columns.iter().map(|c| reading_rank(c.role)).filter(|&r| r < AFTER_THE_QUARTERS).collect();
    let first_read = columns.iter().position(|c| matches!(c.role, Role::Indicator | Role::Unit) || Role::VALUES.contains(&c.role));
    let budget_before = first_read.is_some_and(|f| columns[..f].iter().any(|c| c.role == Role::Budget));
    ranks.windows(2).all(|w| w[0] <= w[1]) && !budget_before
}

/// True when each column the reader relies on is named by exactly one
/// header, the unit and a target among them: only then can the bands be
/// told apart.
fn names_each_column_once(columns: &[HeaderColumn]) -> bool {
    let mut seen = std::collections::HashSet::new();
    let once = columns.iter().filter(|c| c.role.reading_place().is_some()).all(|c| seen.insert(c.role));
    once && seen.contains(&Role::Unit) && seen.iter().any(|r| r.is_value())
}

/// True when two phrases of the header, each naming a column by itself,
/// name them out of the reader's order on one line (SATUAN right of TW IV).
fn plainly_out_of_order(page: &Page, header: &[usize], positioned: bool) -> bool {
    header.iter().any(|&i| {
        let ranks: Vec<usize> = phrases(&page.lines[i].words, positioned)
            .iter()
            .filter_map(|p| value_role_of(&p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")))
            .filter_map(|r| r.ungrouped().reading_place())
            .collect();
        ranks.windows(2).any(|w| w[0] > w[1])
    })
}

/// The header lines that name columns: from the first with a word only a
/// header has ("TAHUN 2026" above it is the title's last line), without
/// a second copy of the header on the page ([`first_header_copy`]).
fn naming_lines(page: &Page, header: &[usize]) -> Vec<usize> {
    let first = header.iter().position(|&i| {
        let words: Vec<&str> = page.lines[i].words.iter().map(|w| w.text.as_str()).collect();
        core_words(&words) > 0
    });
    first.map(|f| first_header_copy(page, &header[f..]).to_vec()).unwrap_or_default()
}

/// The header lines up to a second copy of the header on the same page
/// (a plan printing one table per sasaran, each under its own header):
/// the copy names the same columns again, and read with the first it
/// would double every column's name ("TW III TW III" names no quarter).
/// A copy opens with the first line's words.
pub(super) fn first_header_copy<'h>(page: &Page, header: &'h [usize]) -> &'h [usize] {
    let Some((&first, rest)) = header.split_first() else { return header };
    let opening = super::line_words(page, first);
    let end = rest.iter().position(|&i| super::line_words(page, i) == opening).map_or(header.len(), |k| k + 1);
    &header[..end]
}

/// A line's words split into phrases: words a word space apart.
fn phrases(words: &[Word], positioned: bool) -> Vec<Vec<&Word>> {
    let mut out: Vec<Vec<&Word>> = Vec::new();
    for w in words {
        let joined = out.last().and_then(|p| p.last()).is_some_and(|prev| {
            let gap = w.x0 - prev.x1;
            // A word space: one character in a dump, under 0.8 of the
            // text's height on a page (a column gap is wider than both). OCR's
            // boxes hug the ink: a capitals-only word's box is the cap
            // height, some 0.7 of the font size, and a word space about
            // 0.3 of it ("INDIKATOR KINERJA" 2.6 pt apart, boxes 5 pt high).
            if positioned {
                // The lower box: OCR may box a misread word over two lines.
                let height = (w.y1 - w.y0).abs().min((prev.y1 - prev.y0).abs());
                gap < 0.8 * height.max(1.0)
            } else {
                gap < 2.0
            }
        });
        if joined {
            out.last_mut().expect("a phrase").push(w);
        } else {
            out.push(vec![w]);
        }
    }
    out.into_iter().flat_map(month_spans_apart).flat_map(column_names_apart).collect()
}

/// A dump prints narrow header cells a word space apart ("TW I TW II TW
/// III TW IV", "TAHUN PENANGGUNG" over "2026 JAWAB", gen65): a phrase is
/// cut before a quarter word that follows a quarter's numeral, before a
/// word that only ever opens a column's name, and before a word opening a
/// value column's name after a word that ends one ("SATUAN TARGET" over
/// "2026 ANGGARAN (Rp)", gen76).
fn column_names_apart(phrase: Vec<&Word>) -> Vec<Vec<&Word>> {
    let mut out: Vec<Vec<&Word>> = Vec::new();
    for (k, w) in phrase.iter().enumerate() {
        let after_quarter = k > 0 && is_quarter_word(&squash(&w.text)) && is_quarter_numeral(&phrase[k - 1].text);
        let after_name = k > 0 && ends_a_column_name(&phrase[k - 1].text) && opens_a_value_column_name(&w.text);
        if k == 0 || after_quarter || after_name || opens_a_column_name(&w.text) {
            out.push(vec![*w]);
        } else {
            out.last_mut().expect("a phrase").push(w);
        }
    }
    out
}

/// A header word no column's name goes on after: SATUAN (a unit's column
/// is named by the word alone), KINERJA (of INDIKATOR KINERJA), a year
/// ("TARGET 2026").
fn ends_a_column_name(word: &str) -> bool {
    let w = squash(word);
    matches!(w.as_str(), "SATUAN" | "KINERJA") || is_plan_year(&w)
}

/// A header word that opens the name of a column of numbers: the year's
/// target, a budget, the quarters; also such a name cut at its narrow
/// cell's edge, in capitals, five letters at least ("SATUAN TARGE" over
/// "T", gen58).
fn opens_a_value_column_name(word: &str) -> bool {
    const NAMES: [&str; 4] = ["TARGET", "PAGU", "ANGGARAN", "REALISASI"];
    let w = squash(word);
    let cut = w.len() >= 5 && !word.chars().any(char::is_lowercase) && NAMES.iter().any(|n| n.starts_with(w.as_str()));
    NAMES.contains(&w.as_str()) || cut || is_quarter_word(&w)
}

fn is_quarter_numeral(word: &str) -> bool {
    matches!(word.trim_end_matches('.'), "I" | "II" | "III" | "IV" | "1" | "2" | "3" | "4")
}

/// Quarters headed by the months they span, in narrow columns, print
/// closer than a word space: "Jan - Mar Apr - Jun" is one column's heading
/// each span, apart, and so is what follows the last span ("Okt - Des
/// PENANGGUNG JAWAB" in a dump).
fn month_spans_apart(phrase: Vec<&Word>) -> Vec<Vec<&Word>> {
    let mut spans: Vec<Vec<&Word>> = Vec::new();
    let mut k = 0;
    while k < phrase.len() {
        let w = &phrase[k].text;
        let len = if is_month_span(w) {
            1
        } else if is_month_name(w) && phrase.get(k + 1).is_some_and(|d| matches!(d.text.as_str(), "-" | "\u{2013}")) && phrase.get(k + 2).is_some_and(|m| is_month_name(&m.text)) {
            3
        } else {
            break;
        };
        spans.push(phrase[k..k + len].to_vec());
        k += len;
    }
    if spans.is_empty() {
        return vec![phrase];
    }
    if k < phrase.len() {
        spans.push(phrase[k..].to_vec());
    }
    spans
}

/// A header column being gathered: its left and right edges, and its
/// words with the header line each is on.
type ColumnWords<'a> = (f32, f32, Vec<(usize, &'a Word)>);

/// The header's columns, left to right.
fn header_columns(page: &Page, header: &[usize], positioned: bool) -> Vec<HeaderColumn> {
    // (line, x0, x1, words) of each phrase.
    let all: Vec<(usize, f32, f32, Vec<&Word>)> = header
        .iter()
        .flat_map(|&i| {
            phrases(&page.lines[i].words, positioned).into_iter().map(move |p| {
                let x0 = p.iter().map(|w| w.x0).fold(f32::MAX, f32::min);
                let x1 = p.iter().map(|w| w.x1).fold(f32::MIN, f32::max);
                (i, x0, x1, p)
            })
        })
        .collect();
    let overlaps = |a: &(usize, f32, f32, Vec<&Word>), b: &(usize, f32, f32, Vec<&Word>)| a.1 <= b.2 && b.1 <= a.2;
    let spans = |a: &(usize, f32, f32, Vec<&Word>), all: &[(usize, f32, f32, Vec<&Word>)]| header.iter().any(|&line| line != a.0 && all.iter().filter(|b| b.0 == line && overlaps(a, b)).count() >= 2);
    // A dump prints narrow header cells a word space apart ("KONDISI
    // TARGE" over "AWAL T" over "2022 2023"): a phrase over several
    // columns that opens with a word only a column's name opens, its
    // words each over one column at most, is those columns' names side by
    // side, not a group's name ("TARGET PER TRIWULAN" over the quarters).
    let all: Vec<(usize, f32, f32, Vec<&Word>)> = if positioned {
        all
    } else {
        fn apart<'w>(a: &(usize, f32, f32, Vec<&'w Word>)) -> Vec<(usize, f32, f32, Vec<&'w Word>)> {
            a.3.iter().map(|w| (a.0, w.x0, w.x1, vec![*w])).collect()
        }
        let side_by_side: Vec<bool> = all.iter().map(|a| a.3.len() >= 2 && opens_a_column_name(&a.3[0].text) && spans(a, &all) && apart(a).iter().all(|w| !spans(w, &all))).collect();
        all.iter().zip(side_by_side).flat_map(|(a, split)| if split { apart(a) } else { vec![a.clone()] }).collect()
    };
    // A phrase over two phrases of one other line heads a group of columns.
    let spanning: Vec<bool> = all
        .iter()
        .map(|a| header.iter().any(|&line| line != a.0 && all.iter().filter(|b| b.0 == line && overlaps(a, b)).count() >= 2))
        .collect();
    // Each column's extent, and its words with their header line.
    let mut columns: Vec<ColumnWords> = Vec::new();
    for (a, _) in all.iter().zip(&spanning).filter(|(_, s)| !**s) {
        let mut col = (a.1, a.2, a.3.iter().map(|w| (a.0, *w)).collect::<Vec<_>>());
        // Join every column this phrase reaches over.
        let mut k = 0;
        while k < columns.len() {
            if columns[k].0 <= col.1 && col.0 <= columns[k].1 {
                let c = columns.remove(k);
                col = (col.0.min(c.0), col.1.max(c.1), [c.2, col.2].concat());
                k = 0;
            } else {
                k += 1;
            }
        }
        columns.push(col);
    }
    columns.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut columns: Vec<HeaderColumn> = columns
        .into_iter()
        .map(|(x0, x1, mut words)| {
            // Line by line, left to right: OCR gives the words of one line
            // tops a pixel or two apart, which must not reorder them
            // ("KINERJA INDIKATOR").
            words.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.x0.total_cmp(&b.1.x0)));
            let text = words.iter().map(|(_, w)| w.text.as_str()).collect::<Vec<_>>().join(" ");
            let role = value_role_of(&text).map(Role::ungrouped).unwrap_or(Role::Extra);
            HeaderColumn { x0, x1, role, text }
        })
        .collect();
    let quarter_group = all.iter().zip(&spanning).any(|(a, s)| *s && a.3.iter().any(|w| is_quarter_word(&squash(&w.text))));
    if quarter_group {
        name_bare_quarter_numerals(&mut columns);
    }
    name_bare_year_target(&mut columns);
    name_misread_quarters(&mut columns);
    name_quarters_between_target_and_tw4(&mut columns);
    quarters_in_printed_order(&mut columns);
    join_level_columns(columns)
}

/// A plan prints its quarters in their order: quarter names read out of
/// order were misread (OCR's "TwIi" over TW I and "wI" over TW II), and
/// the quarters named go to their columns by position. Without this the
/// columns would be moved to the order the misread names give, and the
/// quarters' numbers swapped.
fn quarters_in_printed_order(columns: &mut [HeaderColumn]) {
    let quarters = [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    let at: Vec<usize> = (0..columns.len()).filter(|&k| quarters.contains(&columns[k].role)).collect();
    let mut roles: Vec<Role> = at.iter().map(|&k| columns[k].role).collect();
    let rank = |r: &Role| quarters.iter().position(|q| q == r);
    if roles.windows(2).all(|w| rank(&w[0]) < rank(&w[1])) {
        return;
    }
    roles.sort_by_key(rank);
    roles.dedup();
    // (A quarter named twice: which column is which cannot be told.)
    if roles.len() != at.len() {
        return;
    }
    for (k, role) in at.into_iter().zip(roles) {
        columns[k].role = role;
    }
}

/// The header's columns that name values (a target, a quarter, a
/// baseline), as their centres and texts, left to right.
pub(super) fn value_header_columns(page: &Page, header: &[usize], positioned: bool) -> Vec<(f32, String)> {
    let header = naming_lines(page, header);
    header_columns(page, &header, positioned)
        .into_iter()
        .filter(|c| c.role.is_value() || names_earlier_figure(&c.text))
        .map(|c| ((c.x0 + c.x1) / 2.0, c.text))
        .collect()
}

/// The year's target and the four quarters in the order the header prints
/// them, when it names each once (else `None`): the header's columns are
/// told by its phrases, with a group heading ("TARGET PER TRIWULAN") over
/// its quarters apart from the target's own cell.
pub(super) fn target_and_quarters_in_printed_order(page: &Page, header: &[usize], positioned: bool) -> Option<Vec<Role>> {
    let header = naming_lines(page, header);
    let roles: Vec<Role> = header_columns(page, &header, positioned).into_iter().map(|c| c.role).filter(|r| Role::VALUES.contains(r)).collect();
    let mut seen = std::collections::HashSet::new();
    (roles.len() == 5 && roles.iter().all(|r| seen.insert(*r))).then_some(roles)
}

/// The extents of the header's columns that name money (PAGU ANGGARAN,
/// a quarter's "Anggaran (Rp)", KEUANGAN) and no target or quarter, each
/// reaching halfway to the next column: where an unruled page prints a
/// budget among the value columns, the header alone tells its cells from
/// the values' ("TW I" centred over "Fisik" and "Anggaran (Rp)"). Sums of
/// money stand right-aligned, right of their header; leftwards the span
/// ends where the header starts (a dump's target, right-aligned in its
/// cell, may end under the budget's header), a character in in a dump.
/// None when the rows' runs of values (`n_values` long) hold the money
/// too: then those are value columns, measured and named with the rest
/// (each quarter's "Keuangan (Rp)" kept under its name).
pub(super) fn money_header_spans(page: &Page, header: &[usize], positioned: bool, n_values: usize) -> Vec<(f32, f32)> {
    let header = naming_lines(page, header);
    let columns = header_columns(page, &header, positioned);
    let names_word = |c: &HeaderColumn, words: &[&str]| c.text.split_whitespace().any(|w| words.contains(&squash(w).as_str()));
    let names_target = |c: &HeaderColumn| matches!(c.role, Role::Target | Role::Tw1 | Role::Tw2 | Role::Tw3 | Role::Tw4);
    let names_money = |c: &HeaderColumn| !names_target(c) && names_word(c, &["PAGU", "ANGGARAN", "KEUANGAN", "RP"]);
    // (A quarter's physical target, FISIK, is named by the quarter centred
    // over it and its money.)
    let holds_targets = |c: &HeaderColumn| names_target(c) || names_word(c, &["FISIK"]);
    // Among the values: a budget after them (ANGGARAN printed last) is a
    // value column of its own, measured with them. (A baseline, KONDISI
    // AWAL, is measured with them too, gen149.)
    if n_values > columns.iter().filter(|c| holds_targets(c) || names_earlier_figure(&c.text)).count() {
        return Vec::new();
    }
    (0..columns.len())
        .filter(|&k| names_money(&columns[k]) && columns[..k].iter().any(holds_targets) && columns[k + 1..].iter().any(holds_targets))
        .map(|k| {
            let left = columns[k].x0 + if positioned { 0.0 } else { 1.0 };
            let right = columns.get(k + 1).map_or(columns[k].x1, |n| (columns[k].x1 + n.x0) / 2.0);
            (left, right)
        })
        .collect()
}

/// Under a group header naming the quarters ("TARGET PER TRIWULAN") the
/// columns are headed by their numerals alone ("I" .. "IV").
fn name_bare_quarter_numerals(columns: &mut [HeaderColumn]) {
    for c in columns.iter_mut().filter(|c| c.role == Role::Extra) {
        if let Some(q) = bare_quarter_numeral(&c.text) {
            c.role = q;
        }
    }
}

/// URAIAN printed as a column per level ("PROGRAM" | "KEGIATAN / SUB
/// KEGIATAN", gen71): columns headed by level words only, side by side,
/// are the node column's band, one column for the reader.
fn join_level_columns(columns: Vec<HeaderColumn>) -> Vec<HeaderColumn> {
    let names_levels = |c: &HeaderColumn| {
        let words: Vec<&str> = c.text.split(['/', ' ']).filter(|w| !w.is_empty()).collect();
        !words.is_empty() && words.iter().all(|w| LEVEL_WORDS.contains(w))
    };
    let mut out: Vec<HeaderColumn> = Vec::new();
    for mut c in columns {
        let level_column = c.role == Role::Extra && names_levels(&c);
        if level_column {
            c.role = Role::Node;
        }
        match out.last_mut() {
            Some(prev) if c.role == Role::Node && prev.role == Role::Node => {
                prev.x1 = prev.x1.max(c.x1);
                prev.text = format!("{} {}", prev.text, c.text);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Three columns between the target and TW IV are TW I to TW III in that
/// order, whatever OCR read their headers as: "Tw i" for "TW III" (its
/// strokes lost) must not make the third quarter the first. Columns of
/// another kind between (a unit, a budget), or three quarter names with no
/// misread one, leave the header as read.
fn name_quarters_between_target_and_tw4(columns: &mut [HeaderColumn]) {
    let position = |role: Role| columns.iter().position(|c| c.role == role);
    let (Some(t), Some(f)) = (position(Role::Target), position(Role::Tw4)) else { return };
    // (TW IV read left of the target leaves no columns between.)
    if f != t + 4 {
        return;
    }
    let quarters = [Role::Tw1, Role::Tw2, Role::Tw3];
    let between = &columns[t + 1..f];
    // (Three quarter names, one of them twice, are a header as printed,
    // not misread: its order is the reader's to refuse.)
    if !between.iter().all(|c| c.role == Role::Extra || quarters.contains(&c.role)) || !between.iter().any(|c| c.role == Role::Extra) {
        return;
    }
    for (c, role) in columns[t + 1..f].iter_mut().zip(quarters) {
        c.role = role;
    }
}

/// A value column headed by a year alone ("2026"), where "TARGET" over it
/// was read as nothing, is the year's target, when the header names no
/// target column, no other column is a bare year (a table of yearly
/// targets, 2022 to 2026, is no Rencana Aksi header), and a quarter is
/// named right of it.
fn name_bare_year_target(columns: &mut [HeaderColumn]) {
    let years: Vec<usize> = (0..columns.len()).filter(|&k| is_plan_year(columns[k].text.trim())).collect();
    let [k] = years.as_slice() else { return };
    let quarter_after = columns[k + 1..].iter().any(|c| [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].contains(&c.role));
    if columns[*k].role == Role::Extra && quarter_after && !columns.iter().any(|c| c.role == Role::Target) {
        columns[*k].role = Role::Target;
    }
}

/// Columns whose header was misread (OCR's "tw}", "wu", "Twill" for TW I,
/// TW II, TW III) between two value columns that leave exactly that many
/// value columns unnamed between them ("TARGET" and "TW IV") are those
/// columns, in order: a plan prints the target and the quarters side by
/// side. A SATUAN printed between the target and the quarters (gen133:
/// TARGET, SATUAN, TW I .. TW IV) stands apart from that run. Anywhere
/// else an unnamed column stays unnamed: left so, the misread quarters
/// would be moved after the named ones as columns of no known place, and
/// every row's quarters shuffled.
fn name_misread_quarters(columns: &mut [HeaderColumn]) {
    // The columns but the unit's, by their index.
    let at: Vec<usize> = (0..columns.len()).filter(|&k| columns[k].role != Role::Unit).collect();
    let named: Vec<Role> = at.iter().map(|&k| columns[k].role).collect();
    let value_at = |k: usize| Role::VALUES.iter().position(|r| *r == named[k]);
    let mut k = 0;
    while k < named.len() {
        let Some(from) = value_at(k) else {
            k += 1;
            continue;
        };
        let run = (k + 1..named.len()).take_while(|&j| named[j] == Role::Extra).count();
        let next = k + 1 + run;
        let fits = run > 0 && next < named.len() && value_at(next).is_some_and(|to| to == from + run + 1);
        if fits {
            let between = &Role::VALUES[from + 1..from + 1 + run];
            if between.iter().all(|r| !named.contains(r)) {
                for (j, role) in (k + 1..next).zip(between) {
                    columns[at[j]].role = *role;
                }
            }
        }
        k = next.max(k + 1);
    }
}

/// The lines of a page whose words are table cells: below the header, and
/// above the signature block (a signature line spans several columns and
/// must keep its words in order).
fn table_lines(page: &Page, header: &[usize]) -> std::ops::Range<usize> {
    let start = header.last().map(|&h| h + 1).unwrap_or(0);
    let end = (start..page.lines.len()).find(|&i| is_signature_start(&page.lines[i].text())).unwrap_or(page.lines.len());
    start..end
}

/// The border between each two neighbouring columns: between their headers,
/// where the fewest body words cross (the middle of the widest such gap).
fn borders(page: &Page, header: &[usize], columns: &[HeaderColumn]) -> Vec<f32> {
    let body: Vec<&Word> = page.lines[table_lines(page, header)].iter().flat_map(|l| l.words.iter()).collect();
    columns
        .windows(2)
        .map(|pair| {
            let (from, to) = (pair[0].x1, pair[1].x0);
            let mut edges: Vec<f32> = body.iter().flat_map(|w| [w.x0, w.x1]).filter(|&x| x > from && x < to).collect();
            edges.push(from);
            edges.push(to);
            edges.sort_by(f32::total_cmp);
            edges.dedup();
            // The gaps between consecutive edges, scored by how many words
            // cross them, fewest first, then widest.
            edges
                .windows(2)
                .map(|e| {
                    let mid = (e[0] + e[1]) / 2.0;
                    let crossing = body.iter().filter(|w| w.x0 < mid && w.x1 > mid).count();
                    (crossing, e[1] - e[0], mid)
                })
                .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
                .map(|(_, _, mid)| mid)
                .unwrap_or((from + to) / 2.0)
        })
        .collect()
}

/// Moves each column's band of the page's header and table lines to its
/// place in the reader's order, keeping the bands' widths.
fn move_bands(page: &mut Page, header: &[usize], bands: &Bands) {
    let lines: Vec<usize> = header.iter().copied().chain(table_lines(page, header)).collect();
    let band_at = |x: f32| bands.borders.iter().filter(|&&b| x > b).count();
    let band_of = |w: &Word| band_at((w.x0 + w.x1) / 2.0);
    let words = || lines.iter().flat_map(|&i| page.lines[i].words.iter());
    let left = words().map(|w| w.x0).fold(f32::MAX, f32::min);
    let right = words().map(|w| w.x1).fold(f32::MIN, f32::max);
    if left > right {
        return;
    }
    let mut edges = vec![left.min(bands.borders.first().copied().unwrap_or(left))];
    edges.extend(bands.borders.iter().copied());
    edges.push(right.max(*edges.last().expect("an edge")));
    let mut order: Vec<usize> = (0..bands.roles.len()).collect();
    order.sort_by_key(|&k| reading_rank(bands.roles[k]));
    let mut shift = vec![0.0f32; bands.roles.len()];
    let mut at = edges[0];
    for &k in &order {
        shift[k] = at - edges[k];
        at += edges[k + 1] - edges[k];
    }
    for &i in &lines {
        let line = &mut page.lines[i];
        for w in &mut line.words {
            let dx = shift[band_of(w)];
            w.x0 += dx;
            w.x1 += dx;
        }
        line.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    // The drawn cell borders move with their columns. The border between
    // two columns (the ruling nearest their band border) edges both: it
    // is drawn again at each band's moved edge (the band border lies in
    // the gap between the cells' text, where the ruling does).
    let (horizontal, vertical): (Vec<Ruling>, Vec<Ruling>) = page.rulings.iter().partition(|r| r.is_horizontal());
    let x_of = |r: &Ruling| (r.x0 + r.x1) / 2.0;
    let at = |r: &Ruling, x: f32| Ruling { x0: x, x1: x, ..*r };
    let nearest: Vec<Option<usize>> = bands.borders.iter().map(|&b| (0..vertical.len()).min_by(|&p, &q| (x_of(&vertical[p]) - b).abs().total_cmp(&(x_of(&vertical[q]) - b).abs()))).collect();
    let mut rulings = horizontal;
    for (i, r) in vertical.iter().enumerate() {
        if let Some(k) = nearest.iter().position(|n| *n == Some(i)) {
            let b = bands.borders[k];
            rulings.push(at(r, b + shift[k]));
            rulings.push(at(r, b + shift[k + 1]));
        } else {
            rulings.push(at(r, x_of(r) + shift[band_at(x_of(r))]));
        }
    }
    page.rulings = rulings;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::pages_of;

    fn texts(page: &Page) -> Vec<String> {
        page.lines.iter().map(|l| l.text()).collect()
    }

    #[test]
    fn uraian_printed_as_a_column_per_level_is_one_node_band() {
        let col = |x0: f32, x1: f32, role: Role, text: &str| HeaderColumn { x0, x1, role, text: text.to_string() };
        let mut columns = vec![
            col(72.0, 114.0, Role::Extra, "PROGRAM"),
            col(178.0, 238.0, Role::Extra, "KEGIATAN / SUB KEGIATAN"),
            col(302.0, 383.0, Role::Indicator, "INDIKATOR KINERJA"),
            col(417.0, 449.0, Role::Target, "TARGET 2025"),
            col(468.0, 470.0, Role::Extra, "I"),
            col(499.0, 503.0, Role::Extra, "II"),
            col(529.0, 536.0, Role::Extra, "III"),
            col(561.0, 568.0, Role::Extra, "IV"),
            col(587.0, 619.0, Role::Unit, "SATUAN"),
        ];
        // Under "TARGET PER TRIWULAN" the numerals name the quarters.
        name_bare_quarter_numerals(&mut columns);
        let joined = join_level_columns(columns);
        let roles: Vec<Role> = joined.iter().map(|c| c.role).collect();
        assert_eq!(roles, [Role::Node, Role::Indicator, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Unit]);
        assert_eq!((joined[0].x0, joined[0].x1), (72.0, 238.0));
        assert!(names_each_column_once(&joined) && !in_order(&joined));
    }

    #[test]
    fn a_second_copy_of_the_header_on_a_page_names_no_column_again() {
        // gen152: one table per sasaran, each under its own header.
        let dump = "\
INDIKATOR   SATUAN   CAPAIAN   TARGET
                     2024      TW III
Rasio       Rasio    8.3       7.1
INDIKATOR   SATUAN   CAPAIAN   TARGET
                     2024      TW III";
        let page = &pages_of(dump, false)[0];
        assert_eq!(first_header_copy(page, &[0, 1, 3, 4]), [0, 1]);
        let columns = header_columns(page, &naming_lines(page, &[0, 1, 3, 4]), false);
        let names: Vec<&str> = columns.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(names, ["INDIKATOR", "SATUAN", "CAPAIAN 2024", "TARGET TW III"]);
        // One copy only: every line kept.
        assert_eq!(first_header_copy(page, &[0, 1]), [0, 1]);
    }

    fn cut_of(page: &Page) -> Vec<String> {
        phrases(&page.lines[0].words, false).iter().map(|p| p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")).collect()
    }

    #[test]
    fn narrow_header_cells_a_word_space_apart_are_columns_apart() {
        let page = &pages_of("TW I    TW II TW III TW IV      TAHUN PENANGGUNG", false)[0];
        let cut: Vec<String> = phrases(&page.lines[0].words, false).iter().map(|p| p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(cut, ["TW I", "TW II", "TW III", "TW IV", "TAHUN", "PENANGGUNG"]);
        // A cell's own words stay together.
        let page = &pages_of("INDIKATOR KINERJA   TARGET TW I", false)[0];
        let cut: Vec<String> = phrases(&page.lines[0].words, false).iter().map(|p| p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(cut, ["INDIKATOR KINERJA", "TARGET TW I"]);
        // A value column's name after one that ends a name (gen76).
        let page = &pages_of("SATUAN TARGET     PAGU\n       2026 ANGGARAN (Rp)", false)[0];
        let cut = |l: usize| phrases(&page.lines[l].words, false).iter().map(|p| p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ")).collect::<Vec<_>>();
        assert_eq!((cut(0), cut(1)), (vec!["SATUAN".to_string(), "TARGET".into(), "PAGU".into()], vec!["2026".to_string(), "ANGGARAN (Rp)".into()]));
        // ... and its name cut at a narrow cell's edge (gen58's "TARGE" / "T").
        let page = &pages_of("SATUAN TARGE   TARGET PER TRIWULAN", false)[0];
        assert_eq!(cut_of(page), ["SATUAN", "TARGE", "TARGET PER TRIWULAN"]);
        // Not a word in lower case, nor under five letters.
        let page = &pages_of("SATUAN Targe   SATUAN TARG", false)[0];
        assert_eq!(cut_of(page), ["SATUAN Targe", "SATUAN TARG"]);
    }

    #[test]
    fn money_columns_between_the_targets_are_spans_of_their_own() {
        let header = "                      TW I                  TW II\nTARGET    PAGU (Rp)   Fisik    Anggaran    Fisik    Anggaran";
        let page = &pages_of(header, false)[0];
        let spans = money_header_spans(page, &[0, 1], false, 3);
        // PAGU, and TW I's money; TW II's comes after the last quarter.
        assert_eq!(spans, [(11.0, 20.5), (32.0, 41.0)]);
        // Rows holding the money among their values: value columns.
        assert!(money_header_spans(page, &[0, 1], false, 5).is_empty());
    }

    #[test]
    fn quarter_names_read_out_of_order_go_by_position() {
        let col = |x0: f32, role: Role, text: &str| HeaderColumn { x0, x1: x0 + 10.0, role, text: text.to_string() };
        // OCR's "TwIi" over TW I and "TARGET wI" over TW II.
        let mut columns = vec![col(340.0, Role::Target, "TAHUN"), col(384.0, Role::Tw2, "TwIi"), col(402.0, Role::Tw1, "TARGET wI"), col(444.0, Role::Tw3, "Tw III")];
        quarters_in_printed_order(&mut columns);
        assert_eq!(columns.iter().map(|c| c.role).collect::<Vec<_>>(), [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3]);
        // A quarter named twice is left as read.
        let mut twice = vec![col(384.0, Role::Tw2, "TW II"), col(402.0, Role::Tw2, "TW II"), col(420.0, Role::Tw1, "TW I")];
        quarters_in_printed_order(&mut twice);
        assert_eq!(twice.iter().map(|c| c.role).collect::<Vec<_>>(), [Role::Tw2, Role::Tw2, Role::Tw1]);
    }

    #[test]
    fn narrow_value_headers_a_word_space_apart_under_a_column_name_are_columns() {
        // "SATUAN KONDISI TARGE" over "AWAL T" over "2022 2023": SATUAN, the
        // baseline and the cut target are three columns, not a group.
        let dump = "\
INDIKATOR   SATUAN KONDISI TARGE    TARGET TRIWULAN
                   AWAL    T
                   2022    2023    TW I TW II TW III TW IV
";
        let page = &pages_of(dump, false)[0];
        let columns = header_columns(page, &[0, 1, 2], false);
        let named: Vec<(Role, &str)> = columns.iter().map(|c| (c.role, c.text.as_str())).collect();
        assert_eq!(named, [(Role::Indicator, "INDIKATOR"), (Role::Unit, "SATUAN"), (Role::Extra, "KONDISI AWAL 2022"), (Role::Target, "TARGE T 2023"), (Role::Tw1, "TW I"), (Role::Tw2, "TW II"), (Role::Tw3, "TW III"), (Role::Tw4, "TW IV")]);
        // A group's name over the quarters stays a group's.
        let dump = "\
SATUAN  TARGET 2026  TARGET PER TRIWULAN (KUMULATIF)
                     I      II      III      IV
";
        let page = &pages_of(dump, false)[0];
        let roles: Vec<Role> = header_columns(page, &[0, 1], false).iter().map(|c| c.role).collect();
        assert_eq!(roles, [Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4]);
    }

    #[test]
    fn a_budget_before_the_indicator_goes_after_the_quarters() {
        // Month-span quarter headings a space apart are a column each.
        let dump = "\
URAIAN      ANGGARAN (Rp)      INDIKATOR       SATUAN   TARGET   Jan - Mar Apr - Jun Jul - Sep Okt - Des PJ
Program 1   Rp 2.486.750.000   Jumlah patroli  Kali        240      60        60        60        60     Sekretaris
";
        let pages = pages_of(dump, true);
        let read = in_reading_order(&pages).expect("readable");
        assert_eq!(texts(&read[0])[1], "Program 1 Jumlah patroli Kali 240 60 60 60 60 Rp 2.486.750.000 Sekretaris");
        // Drawn cell borders move with their columns: none cuts a word of
        // the moved row, and each cell keeps a border either side.
        let mut ruled = pages.clone();
        let starts = ["URAIAN", "ANGGARAN", "INDIKATOR", "SATUAN", "TARGET", "Jan", "Apr", "Jul", "Okt", "PJ"];
        let header = &pages[0].lines[0].words;
        let mut xs: Vec<f32> = starts.iter().map(|s| header.iter().find(|w| w.text == *s).expect("a header word").x0 - 0.5).collect();
        xs.push(header.last().expect("words").x1 + 20.0);
        ruled[0].rulings = xs.iter().map(|&x| Ruling { x0: x, y0: 0.0, x1: x, y1: 100.0 }).collect();
        let read = in_reading_order(&ruled).expect("readable");
        let borders: Vec<f32> = read[0].rulings.iter().filter(|r| !r.is_horizontal()).map(|r| r.x0).collect();
        let row = &read[0].lines[1].words;
        assert!(row.iter().all(|w| !borders.iter().any(|&b| b > w.x0 && b < w.x1)), "{borders:?}");
        let cell = |from: &str, to: &str| {
            let (a, b) = (row.iter().find(|w| w.text == from).expect("a word"), row.iter().find(|w| w.text == to).expect("a word"));
            borders.iter().any(|&x| x >= a.x1 && x <= b.x0)
        };
        assert!(cell("patroli", "Kali") && cell("Kali", "240") && cell("60", "Rp") && cell("2.486.750.000", "Sekretaris"));
        assert!(!cell("Jumlah", "patroli") && !cell("Rp", "2.486.750.000"));
    }

    #[test]
    fn a_unit_column_after_the_quarters_is_moved_before_the_target() {
        let dump = "\
URAIAN      INDIKATOR        TARGET  TW I  TW II  TW III  TW IV   SATUAN   REALISASI
Program 1   Jumlah bibit         12     3      3       3      3    Batang       2
";
        let pages = pages_of(dump, true);
        let read = in_reading_order(&pages).expect("readable");
        assert_eq!(texts(&read[0])[1], "Program 1 Jumlah bibit Batang 12 3 3 3 3 2");
        assert_eq!(texts(&read[0])[0], "URAIAN INDIKATOR SATUAN TARGET TW I TW II TW III TW IV REALISASI");
    }

    #[test]
    fn misread_quarter_headers_between_the_target_and_a_quarter_are_the_quarters_between() {
        let column = |text: &str, role: Role| HeaderColumn { x0: 0.0, x1: 0.0, role, text: text.to_string() };
        let mut columns = vec![
            column("TARGET 2026", Role::Target),
            column("tw}", Role::Extra),
            column("wu", Role::Extra),
            column("Twill", Role::Extra),
            column("TW IV", Role::Tw4),
            column("SATUAN", Role::Unit),
            column("REALISASI", Role::Extra),
        ];
        name_misread_quarters(&mut columns);
        let roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
        assert_eq!(roles, [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Unit, Role::Extra]);
        // Two unnamed columns where three quarters are missing, or an
        // unnamed column after the last quarter: left unnamed.
        let mut columns = vec![column("TARGET", Role::Target), column("wu", Role::Extra), column("x", Role::Extra), column("TW IV", Role::Tw4)];
        name_misread_quarters(&mut columns);
        assert_eq!(columns[1].role, Role::Extra);
        let mut columns = vec![column("TW IV", Role::Tw4), column("REALISASI", Role::Extra), column("SATUAN", Role::Unit)];
        name_misread_quarters(&mut columns);
        assert_eq!(columns[1].role, Role::Extra);
        // gen133's scan: SATUAN printed between the target and the
        // quarters, TW I and TW II read "wi".
        let mut columns = vec![column("TARGET 2025", Role::Target), column("SATUAN", Role::Unit), column("wi", Role::Extra), column("wi", Role::Extra), column("Twill", Role::Tw3), column("Twiv", Role::Tw4), column("(Rp)", Role::Extra)];
        name_misread_quarters(&mut columns);
        let roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
        assert_eq!(roles, [Role::Target, Role::Unit, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Extra]);
    }

    #[test]
    fn the_three_columns_between_target_and_tw4_are_the_quarters_in_order() {
        let column = |text: &str, role: Role| HeaderColumn { x0: 0.0, x1: 0.0, role, text: text.to_string() };
        let mut columns = vec![column("TARGET 2026", Role::Target), column("wi", Role::Extra), column("Twit", Role::Extra), column("Tw i", Role::Tw1), column("Twiv", Role::Tw4), column("SATUAN", Role::Unit)];
        name_misread_quarters(&mut columns);
        name_quarters_between_target_and_tw4(&mut columns);
        let roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
        assert_eq!(roles, [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Unit]);
        // TW IV before the target (a misread header the reader refuses
        // later): nothing between, nothing named, no slice out of order.
        let mut columns = vec![column("TW IV", Role::Tw4), column("wi", Role::Extra), column("TARGET", Role::Target)];
        name_quarters_between_target_and_tw4(&mut columns);
        assert_eq!(columns[1].role, Role::Extra);
        // A unit between: left as read.
        let mut columns = vec![column("TARGET", Role::Target), column("SATUAN", Role::Unit), column("TW I", Role::Tw1), column("TW II", Role::Tw2), column("TW IV", Role::Tw4)];
        name_quarters_between_target_and_tw4(&mut columns);
        assert_eq!(columns[1].role, Role::Unit);
    }

    #[test]
    fn a_value_column_headed_by_a_year_alone_is_the_target() {
        let column = |text: &str, role: Role| HeaderColumn { x0: 0.0, x1: 0.0, role, text: text.to_string() };
        let mut columns = vec![column("INDIKATOR KINERJA", Role::Indicator), column("2026", Role::Extra), column("wi", Role::Extra), column("TW II", Role::Tw2), column("SATUAN", Role::Unit)];
        name_bare_year_target(&mut columns);
        name_misread_quarters(&mut columns);
        let roles: Vec<Role> = columns.iter().map(|c| c.role).collect();
        assert_eq!(roles, [Role::Indicator, Role::Target, Role::Tw1, Role::Tw2, Role::Unit]);
        // Yearly columns, 2025 and 2026: no target among them.
        let mut columns = vec![column("2025", Role::Extra), column("2026", Role::Extra), column("TW I", Role::Tw1)];
        name_bare_year_target(&mut columns);
        assert!(columns.iter().all(|c| c.role != Role::Target));
    }

    #[test]
    fn columns_in_the_readers_order_are_left_as_printed() {
        let dump = "\
URAIAN      INDIKATOR       SATUAN  TARGET  TW I  TW II  TW III  TW IV  REALISASI
Program 1   Jumlah bibit    Batang      12     3      3       3      3      2
";
        let pages = pages_of(dump, true);
        assert!(matches!(in_reading_order(&pages), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn a_header_naming_a_column_twice_out_of_order_is_refused() {
        let dump = "\
URAIAN      INDIKATOR        TARGET  TW I  TW I  TW III  TW IV   SATUAN
Program 1   Jumlah bibit         12     3      3       3      3    Batang
";
        let pages = pages_of(dump, true);
        let err = in_reading_order(&pages).expect_err("refused");
        assert!(err.contains("order"), "{err}");
    }
}
