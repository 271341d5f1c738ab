//! Normalise: from the rebuilt table to the indicator dataset. Walks the
//! rows keeping the open node at each level (the hierarchy), reads labels,
//! indicator numbers, units and targets with the grammars, decides whether
//! the quarters are cumulative or incremental, and records warnings and
//! provenance.

mod ocr_text;
pub mod quarterly;

use crate::extract::InputKind;
use crate::parse::header::Role;
use crate::parse::label::{is_list_bullet, parse_label, strip_indicator_numbering, Level};
use crate::parse::number::{is_cut_number_tail, is_word_target, number_style, parse_value_in, NumberStyle, Value};
use crate::parse::unit;
use crate::reflow::frame::read_title;
use crate::reflow::Table;
use quarterly::Quarterly;
use serde::Serialize;

/// A node of the hierarchy as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub level: Level,
    pub number: Option<u32>,
    pub label: String,
    pub name: String,
    pub code: Option<String>,
    pub page: u32,
    pub row: u32,
}

/// One indicator: the dataset's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub page: u32,
    pub row: u32,
    pub bbox: Option<[f32; 4]>,
    pub level: Level,
    /// The open node at each level, outermost first (index = level depth).
    pub path: [Option<Node>; 5],
    pub number: Option<u32>,
    pub text: String,
    pub unit: String,
    pub unit_raw: String,
    pub target: Value,
    pub tw: [Value; 4],
    pub budget: Value,
    /// The raw value cells, kept beside the numbers for JSON.
    pub raw: Vec<(Role, String)>,
    pub quarterly: Option<Quarterly>,
    pub responsible: String,
    pub definition: String,
    pub problem: String,
    pub strategy: String,
    pub policy: String,
    pub note: String,
    pub extra: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

impl Indicator {
    /// The node the indicator belongs to.
    pub fn node(&self) -> Option<&Node> {
        self.path[self.level.depth()].as_ref()
    }

    /// The target and the four quarters, in that order.
    pub fn value_cells(&self) -> [&Value; 5] {
        [&self.target, &self.tw[0], &self.tw[1], &self.tw[2], &self.tw[3]]
    }

    /// Cell `k` of [`Indicator::value_cells`] (0 the target, 1..=4 the
    /// quarters), to change.
    pub fn value_cell_mut(&mut self, k: usize) -> &mut Value {
        if k == 0 {
            &mut self.target
        } else {
            &mut self.tw[k - 1]
        }
    }
}

/// The signature block under the table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Signatory {
    pub place: String,
    pub date: String,
    pub position: String,
    pub name: String,
    pub nip: String,
}

/// A tujuan listed in the title block ("Tujuan : 1. Meningkatnya ...").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleTujuan {
    pub no: Option<u32>,
    pub text: String,
}

/// One converted plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub source: String,
    pub kind: InputKind,
    pub title: String,
    pub year: Option<u32>,
    pub agency: String,
    pub region: String,
    pub signatory: Option<Signatory>,
    /// The tujuan listed in the title block, where the plan lists them there
    /// rather than in the table (the 2018 layout).
    pub tujuan: Vec<TitleTujuan>,
    pub columns: Vec<Role>,
    pub extra_columns: Vec<String>,
    /// Every node in document order (those without indicators too).
    pub nodes: Vec<Node>,
    pub indicators: Vec<Indicator>,
    pub quarterly: Option<Quarterly>,
    pub warnings: Vec<String>,
}

pub fn normalise(source: &str, kind: InputKind, table: &Table, reader_warnings: &[String]) -> Document {
    let ocr_pages = ocr_pages(reader_warnings);
    let cleaned = ocr_text::cleaned(table, &ocr_pages);
    let table = cleaned.as_ref().unwrap_or(table);
    let title = read_title(&table.title);
    let mut doc = Document {
        source: source.to_string(),
        kind,
        title: title.text,
        year: title.year,
        agency: title.agency,
        region: title.region,
        signatory: read_signatory(&table.signature),
        tujuan: table.tujuan.iter().map(|(no, text)| TitleTujuan { no: *no, text: text.clone() }).collect(),
        columns: table.columns.clone(),
        extra_columns: table.extra_columns.clone(),
        nodes: Vec::new(),
        indicators: Vec::new(),
        quarterly: None,
        warnings: reader_warnings.to_vec(),
    };
    doc.warnings.extend(table.warnings.iter().cloned());
    if let Some(y) = doc.year {
        if table.header_years.iter().any(|h| *h != y) {
            doc.warnings.push("header_year_differs".to_string());
        }
    }
    // The document's number style, from all its value cells at once: one
    // cell rarely tells it ("12,450"), the plan's others do.
    let style = number_style(table.rows.iter().flat_map(|r| r.cells.iter()).filter(|(role, _)| role.is_value()).map(|(_, v)| v.as_str()));
    if style == NumberStyle::English {
        doc.warnings.push("numbers_in_english_style".to_string());
    }
    let mut path: [Option<Node>; 5] = Default::default();
    let mut current: Option<Level> = None;
    for row in &table.rows {
        let node_cell = row.node.as_deref().map(printed_once);
        if let (Some(cell), Some(level)) = (&node_cell, row.node_level) {
            // A node told by its column: no label, the whole cell is its name.
            let node = Node { level, number: None, label: String::new(), name: cell.to_string(), code: None, page: row.page, row: row.line };
            open_node(&mut path, &node);
            current = Some(level);
            doc.nodes.push(node);
        } else if let Some(cell) = &node_cell {
            match parse_label(cell) {
                Some(l) => {
                    let node = Node {
                        level: l.level,
                        number: l.number,
                        label: l.printed,
                        // (A code printed once in its KODE column, the
                        // name again on each row: the name is repeated.)
                        name: printed_once(&l.name).to_string(),
                        code: l.code,
                        page: row.page,
                        row: row.line,
                    };
                    open_node(&mut path, &node);
                    current = Some(l.level);
                    doc.nodes.push(node);
                }
                None => {
                    // A node cell with no label: continue the open node's name
                    // is not safe to guess; keep the text as a warning.
                    doc.warnings.push(format!("unlabelled_node:page={},row={}", row.page, row.line));
                }
            }
        }
        if !row.has_indicator() {
            continue;
        }
        let Some(level) = current else {
            doc.warnings.push(format!("indicator_without_node:page={},row={}", row.page, row.line));
            continue;
        };
        doc.indicators.push(indicator(row, level, &path, style));
    }
    if kind != InputKind::Text {
        read_lone_word_targets(&mut doc, &ocr_pages);
    }
    withhold_stray_budgets(&mut doc);
    doubt_strict_bounds_read_by_ocr(&mut doc, &ocr_pages);
    quarterly::classify(&mut doc);
    quarterly::confirm_doubted_ocr_values(&mut doc, &ocr_pages);
    quarterly::distrust_ocr_rows(&mut doc, &ocr_pages);
    if kind == InputKind::Text {
        quarterly::distrust_flow_rows(&mut doc);
    }
    doc
}

/// A node cell as printed once. A sheet with no merged cells prints the
/// node's URAIAN again on each of its indicator rows, and the rows'
/// cells read together repeat it ("Koordinasi dan Pengelolaan Kas Daerah
/// Koordinasi dan Pengelolaan Kas Daerah"): the text is one copy when it
/// is two or more equal runs of words, each of two words or more.
fn printed_once(cell: &str) -> &str {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let n = words.len();
    for k in (2..=n / 2).rev() {
        let len = n / k;
        if !n.is_multiple_of(k) || len < 2 || (1..k).any(|c| words[c * len..(c + 1) * len] != words[..len]) {
            continue;
        }
        // The first copy's end in the cell's text: after its last word.
        let mut end = 0;
        for w in &words[..len] {
            end = cell[end..].find(w).map_or(end, |at| end + at + w.len());
        }
        return cell[..end].trim_start();
    }
    cell
}

/// A word target alone in its cell, every quarter blank ("Predikat" /
/// "Sangat Inovatif" / - / - / - / -): on a page read by position the word
/// stands in the target's column, so it is the year's target (a flow dump
/// tells no column, and OCR may misread a word: there it stays
/// unreadable, as [`indicator`] leaves it).
fn read_lone_word_targets(doc: &mut Document, ocr_pages: &[u32]) {
    for ind in doc.indicators.iter_mut().filter(|i| !ocr_pages.contains(&i.page)) {
        let Value::Unreadable(t) = &ind.target else { continue };
        if is_word_target(t) && ind.tw.iter().all(|v| *v == Value::Empty) {
            ind.target = Value::Text(t.clone());
            ind.warnings.retain(|w| w != "unreadable_number:target");
        }
    }
}

/// A budget under a thousand rupiah in a plan whose budgets are sums of
/// millions is another cell's number: a row's NO ("4"), a quarter, a unit's
/// count, run into the budget's place by a dump that printed them apart
/// (blind round 14: gen68's pdftotext dump gave three rows the next row's
/// NO as budget). Left unreadable, its text kept, with a warning. A budget
/// of 0 (none) is a budget; a plan typed in millions ("4.835,6") has no
/// sums of millions to compare with.
fn withhold_stray_budgets(doc: &mut Document) {
    const SUMS_OF_MILLIONS: usize = 2;
    let amount = |v: &Value| v.as_f64().filter(|n| *n > 0.0);
    let millions = doc.indicators.iter().filter(|i| amount(&i.budget).is_some_and(|n| n >= 1e6)).count();
    if millions < SUMS_OF_MILLIONS {
        return;
    }
    for ind in doc.indicators.iter_mut() {
        let Value::Number(n) = &ind.budget else { continue };
        if amount(&ind.budget).is_some_and(|a| a < 1000.0) {
            ind.budget = Value::Unreadable(n.clone());
            ind.warnings.push("unreadable_number:budget".to_string());
        }
    }
}

/// A strict bound read by OCR ("< 45") is most likely "≤ 45" with its
/// bar lost: plans bound their targets with "≤" and "≥", and Tesseract
/// reads the bar under "<" as noise (blind round 15: gen70's scan, six
/// "≤" read as "<"). On a page read by OCR such a cell is left
/// unreadable, its text kept, rather than given out as the other bound.
fn doubt_strict_bounds_read_by_ocr(doc: &mut Document, ocr_pages: &[u32]) {
    for ind in doc.indicators.iter_mut().filter(|i| ocr_pages.contains(&i.page)) {
        let mut doubted = Vec::new();
        let names = ["target", "tw1", "tw2", "tw3", "tw4"];
        for (name, v) in names.iter().zip(std::iter::once(&mut ind.target).chain(ind.tw.iter_mut())) {
            if let Value::Text(t) = v {
                if t.starts_with(['<', '>']) {
                    *v = Value::Unreadable(t.clone());
                    doubted.push(format!("unreadable_number:{name}"));
                }
            }
        }
        ind.warnings.extend(doubted);
    }
}

/// The pages the reader read by OCR (its `ocr:page=N` warnings).
fn ocr_pages(reader_warnings: &[String]) -> Vec<u32> {
    reader_warnings.iter().filter_map(|w| w.strip_prefix("ocr:page=")?.parse().ok()).collect()
}

/// Makes `node` the open node at its level and closes the levels below it.
fn open_node(path: &mut [Option<Node>; 5], node: &Node) {
    let d = node.level.depth();
    path[d] = Some(node.clone());
    for p in path.iter_mut().skip(d + 1) {
        *p = None;
    }
}

fn indicator(row: &crate::reflow::Row, level: Level, path: &[Option<Node>; 5], style: NumberStyle) -> Indicator {
    let mut warnings = row.warnings.clone();
    let (number, text) = strip_indicator_numbering(row.get(Role::Indicator).unwrap_or(""));
    let mut unit_raw = unit::mend_cut_unit(row.get(Role::Unit).unwrap_or("").trim()).into_owned();
    let mut cells: Vec<String> = Role::VALUES.iter().map(|r| row.get(*r).unwrap_or("").to_string()).collect();
    if unit_raw.is_empty() {
        if let Some((printed, numbers)) = unit_printed_with_values(&cells, row.get(Role::Indicator).unwrap_or(""), style) {
            unit_raw = printed;
            cells = numbers;
        }
    }
    let unit = unit::canonical(&unit_raw);
    if !unit.is_empty() && !unit::is_known(&unit) {
        warnings.push("unknown_unit".to_string());
    }
    let read = |cell: &str| if is_cut_number_tail(cell) { Value::Unreadable(cell.trim().to_string()) } else { parse_value_in(cell, style) };
    let cell_value = |role: Role| match Role::VALUES.iter().position(|r| *r == role) {
        Some(k) => read(&cells[k]),
        None => read(row.get(role).unwrap_or("")),
    };
    let mut target = cell_value(Role::Target);
    let mut tw = [cell_value(Role::Tw1), cell_value(Role::Tw2), cell_value(Role::Tw3), cell_value(Role::Tw4)];
    let budget = cell_value(Role::Budget);
    // A target printed as a word ("Baik") is read where the row confirms
    // it: TW IV holds the same word and the quarters between are blank or
    // hold the word again ("Tersedia" in TW II and TW IV); or, in a plan
    // that gives each quarter what it delivers, the one quarter that
    // delivers it holds the word and the others are blank ("Tersedia" in
    // TW III alone, TW IV "-").
    if let Value::Unreadable(t) = target.clone() {
        let same = |v: &Value| matches!(v, Value::Unreadable(q) if *q == t);
        let holding = tw.iter().filter(|v| same(v)).count();
        let confirmed = same(&tw[3]) || holding == 1;
        if is_word_target(&t) && confirmed && tw.iter().all(|v| *v == Value::Empty || same(v)) {
            tw.iter_mut().filter(|v| same(v)).for_each(|v| *v = Value::Text(t.clone()));
            target = Value::Text(t);
        }
    }
    // Milestones of a regulation or document in the quarters before the
    // one that delivers it ("Draft", "Harmonisasi", "Penetapan", then 1 in
    // TW IV, the target): words of four letters or more, read where TW IV
    // holds the target.
    if matches!((&target, &tw[3]), (Value::Number(t), Value::Number(t4)) if t == t4) {
        let milestone = |v: &Value| matches!(v, Value::Unreadable(w) if is_word_target(w) && w.chars().count() >= 4);
        if tw[..3].iter().any(milestone) && tw[..3].iter().all(|v| *v == Value::Empty || milestone(v)) {
            for v in tw[..3].iter_mut() {
                if let Value::Unreadable(w) = v {
                    *v = Value::Text(w.clone());
                }
            }
        }
    }
    // Two indicators of a cell that lists them with bullets ("• Level
    // maturitas SPIP ... • Opini BPK ...") read as one row: the values
    // beside them are the two rows' run together (a dump printing a
    // stacked cell's values line by line), none of them known to be
    // this text's. Withheld, with a warning.
    if text.split_whitespace().skip(1).any(|w| is_list_bullet(w) && w != "*") {
        target = Value::Empty;
        tw = [Value::Empty, Value::Empty, Value::Empty, Value::Empty];
        warnings.push("indicators_joined".to_string());
    }
    let named = [("target", &target), ("tw1", &tw[0]), ("tw2", &tw[1]), ("tw3", &tw[2]), ("tw4", &tw[3]), ("budget", &budget)];
    for (name, value) in named {
        if let Value::Unreadable(_) = value {
            warnings.push(format!("unreadable_number:{name}"));
        }
    }
    let cell = |r: Role| row.get(r).unwrap_or("").to_string();
    Indicator {
        page: row.page,
        row: row.line,
        bbox: row.bbox,
        level,
        path: path.clone(),
        number,
        text: text.trim().to_string(),
        unit,
        unit_raw,
        target,
        tw,
        budget,
        raw: row.cells.iter().filter(|(r, _)| r.is_value()).cloned().collect(),
        quarterly: None,
        responsible: cell(Role::Responsible),
        definition: cell(Role::Definition),
        problem: cell(Role::Problem),
        strategy: cell(Role::Strategy),
        policy: cell(Role::Policy),
        note: cell(Role::Note),
        extra: row.extra.clone(),
        warnings,
    }
}

/// A row with no unit whose values each carry the same one ("52,35
/// Ku/Ha", "45 Kelompok Tani": a plan with no SATUAN column types the unit
/// with every value): the unit as printed, and the cells (target, TW
/// I..IV) without it. None unless every value cell is blank, a dash, a
/// number the grammar reads whole, a text target ("BB") or a number
/// followed by that one unit, and some is the last. A percent sign typed
/// with every number ("85%", which the number grammar reads whole) is
/// the unit "%" so: printed with the values as "96 LHP" prints its unit.
fn unit_printed_with_values(cells: &[String], indicator: &str, style: NumberStyle) -> Option<(String, Vec<String>)> {
    let read: Vec<(&str, Value)> = cells.iter().map(|c| (c.trim(), parse_value_in(c.trim(), style))).collect();
    let mut printed_numbers = read.iter().filter(|(_, v)| matches!(v, Value::Number(_))).map(|(c, _)| *c).peekable();
    let unreadable = read.iter().any(|(_, v)| matches!(v, Value::Unreadable(_)));
    if !unreadable && printed_numbers.peek().is_some() && printed_numbers.all(|n| n.ends_with('%')) {
        return Some(("%".to_string(), cells.to_vec()));
    }
    let mut unit: Option<String> = None;
    let mut numbers = Vec::with_capacity(cells.len());
    for (cell, value) in &read {
        let cell = *cell;
        if !matches!(value, Value::Unreadable(_)) {
            numbers.push(cell.to_string());
            continue;
        }
        let at = cell.find(char::is_alphabetic)?;
        let (number, printed) = (cell[..at].trim(), cell[at..].split_whitespace().collect::<Vec<_>>().join(" "));
        if number.is_empty() || !matches!(parse_value_in(number, style), Value::Number(_)) {
            return None;
        }
        match &unit {
            Some(u) if !u.eq_ignore_ascii_case(&printed) => return None,
            Some(_) => {}
            None => unit = Some(printed),
        }
        numbers.push(number.to_string());
    }
    // Only a unit the vocabulary knows, whole or by its first word
    // ("Kelompok Tani"), a rate ("Ku/Ha"), or what the indicator counts,
    // the word after its "Jumlah" ("Jumlah kios pupuk ..." in "124 Kios"):
    // a word after each number may also be the next row's word target run
    // into this row ("120 Tersedia"), and taking it for a unit would give
    // numbers out wrongly.
    let words: Vec<&str> = indicator.split_whitespace().collect();
    let counted = |w: &str| words.windows(2).any(|p| p[0].eq_ignore_ascii_case("jumlah") && p[1].eq_ignore_ascii_case(w));
    // Or the acronym of what the indicator names ("LHP" of "Laporan Hasil
    // Pemeriksaan (LHP)", "PD" of "perangkat daerah"), or a known unit
    // shortened to fit the cell ("Dok" for Dokumen).
    let known = |u: &str| {
        let first = u.split_whitespace().next().unwrap_or("");
        unit::is_known(&unit::canonical(u))
            || unit::is_known(&unit::canonical(first))
            || u.contains('/')
            || counted(first)
            || (u == first && unit::is_acronym_of(first, &words))
            || (u == first && unit::shortens_known_unit(first))
    };
    // Nor a unit the indicator denies ("Persentase ..." counted in
    // "Orang": two rows run together, the next row's values taken).
    unit.filter(|u| known(u) && !unit::contradicts_unit(indicator, u)).map(|u| (u, numbers))
}

/// "Purbalingga, Januari 2025" / "KEPALA DINAS ..." / name / "NIP. ...".
fn read_signatory(lines: &[String]) -> Option<Signatory> {
    if lines.is_empty() {
        return None;
    }
    let mut s = Signatory::default();
    let mut above_nip = Vec::new();
    for l in lines {
        if let Some(nip) = l.strip_prefix("NIP") {
            s.nip = nip.trim_start_matches(['.', ':', ' ']).trim().to_string();
            // Whatever follows the NIP is stray repeated fragments.
            break;
        } else if s.place.is_empty() && crate::reflow::frame::is_signature_start(l) {
            if let Some((p, d)) = l.split_once(',') {
                s.place = p.trim().to_string();
                s.date = d.trim().to_string();
            }
        } else if !crate::reflow::frame::is_civil_service_rank(l) {
            // (A rank, "Pembina Utama Muda", is neither name nor position.)
            above_nip.push(l.clone());
        }
    }
    // The name is the line just above the NIP; the position lines above it.
    if let Some(name) = above_nip.pop() {
        s.name = name;
    }
    s.position = above_nip.join(" ");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_cell_printed_once_per_indicator_row_is_one_copy() {
        assert_eq!(printed_once("Koordinasi dan Pengelolaan Kas Daerah Koordinasi dan Pengelolaan Kas Daerah"), "Koordinasi dan Pengelolaan Kas Daerah");
        assert_eq!(printed_once("Sub Kegiatan 1 Pengamanan BMD Sub Kegiatan 1 Pengamanan BMD Sub Kegiatan 1 Pengamanan BMD"), "Sub Kegiatan 1 Pengamanan BMD");
        // No equal runs, or runs of one word: the cell as it is.
        assert_eq!(printed_once("Program Penunjang Urusan Pemerintahan Daerah"), "Program Penunjang Urusan Pemerintahan Daerah");
        assert_eq!(printed_once("Sosial Sosial"), "Sosial Sosial");
        assert_eq!(printed_once("Kota Bekasi Kota Bekasi Utara"), "Kota Bekasi Kota Bekasi Utara");
    }

    #[test]
    fn two_bulleted_indicators_read_as_one_row_give_no_values() {
        let read = |text: &str| {
            let mut row = crate::reflow::Row::default();
            row.set(Role::Indicator, text.to_string());
            row.set(Role::Unit, "%".to_string());
            for (role, v) in Role::VALUES.iter().zip(["-", "-", "20", "-", "45"]) {
                row.set(*role, v.to_string());
            }
            let ind = indicator(&row, Level::Sasaran, &Default::default(), NumberStyle::Indonesian);
            (ind.tw[1].clone(), ind.warnings.contains(&"indicators_joined".to_string()))
        };
        // gen150's mutool dump: a stacked cell's two indicators joined.
        assert_eq!(read("• Level kapabilitas APIP • Persentase rekomendasi hasil pengawasan"), (Value::Empty, true));
        // One bulleted indicator keeps its values.
        assert_eq!(read("• Persentase rekomendasi hasil pengawasan"), (Value::Number("20".to_string()), false));
    }

    #[test]
    fn a_word_target_is_read_where_its_quarter_confirms_it() {
        let read = |values: [&str; 5]| {
            let mut row = crate::reflow::Row::default();
            row.set(Role::Indicator, "Dokumen peta ketahanan pangan".to_string());
            row.set(Role::Unit, "Dokumen".to_string());
            for (role, v) in Role::VALUES.iter().zip(values) {
                row.set(*role, v.to_string());
            }
            let ind = indicator(&row, Level::Kegiatan, &Default::default(), NumberStyle::Indonesian);
            (ind.target, ind.tw)
        };
        let text = |t: &str| Value::Text(t.to_string());
        // TW IV holds it, the quarters before blank.
        assert_eq!(read(["Tersedia", "-", "-", "-", "Tersedia"]).0, text("Tersedia"));
        // The one quarter that delivers it (gen132: TW III, TW IV "-").
        let (target, tw) = read(["Tersedia", "-", "-", "Tersedia", "-"]);
        assert_eq!((target, tw[2].clone()), (text("Tersedia"), text("Tersedia")));
        // Two quarters with the word and TW IV without, or another word
        // in a quarter: no confirmation.
        assert!(matches!(read(["Tersedia", "Tersedia", "-", "Tersedia", "-"]).0, Value::Unreadable(_)));
        assert!(matches!(read(["Tersedia", "-", "Proses", "Tersedia", "-"]).0, Value::Unreadable(_)));
    }

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_unit_printed_with_every_value_is_the_rows_unit() {
        let read = |v: &[&str], ind: &str| unit_printed_with_values(&cells(v), ind, NumberStyle::Indonesian);
        assert_eq!(read(&["52,35 Ku/Ha", "-", "-", "-", "52,35 Ku/Ha"], "Produktivitas padi"), Some(("Ku/Ha".into(), cells(&["52,35", "-", "-", "-", "52,35"]))));
        assert_eq!(read(&["148.250 Ton", "32.600 Ton", "71.400  Ton", "118.900 ton", "148.250 Ton"], "Produksi padi").map(|r| r.0), Some("Ton".into()));
        assert_eq!(read(&["45 Kelompok Tani", "", "20 Kelompok Tani", "35 Kelompok Tani", "45 Kelompok Tani"], "x").map(|r| r.0), Some("Kelompok Tani".into()));
        // What the indicator counts, though no vocabulary knows it.
        assert_eq!(read(&["124 Kios", "31 Kios", "62 Kios", "93 Kios", "124 Kios"], "Jumlah kios pupuk bersubsidi").map(|r| r.0), Some("Kios".into()));
        assert_eq!(read(&["124 Kios", "31 Kios", "62 Kios", "93 Kios", "124 Kios"], "Pengawasan pupuk"), None);
        // A next row's word target run into the row is no unit.
        assert_eq!(read(&["120 Tersedia", "25 Tersedia", "55 Tersedia", "90 Tersedia", "120 Tersedia"], "Jumlah produk hukum yang tersedia"), None);
        // Two units, a cell the grammar cannot read, no unit at all.
        assert_eq!(read(&["12 Unit", "3 Orang", "", "", "12 Unit"], "x"), None);
        assert_eq!(read(&["12 Unit", "3?", "", "", "12 Unit"], "x"), None);
        // A percent sign typed with every number is the unit.
        assert_eq!(read(&["85%", "20%", "50%", "70%", "85%"], "Persentase"), Some(("%".into(), cells(&["85%", "20%", "50%", "70%", "85%"]))));
        assert_eq!(read(&["85%", "-", "-", "-", "85"], "Persentase"), None);
        // The acronym of what the indicator names, a known unit shortened.
        assert_eq!(read(&["96 LHP", "20 LHP", "48 LHP", "72 LHP", "96 LHP"], "Jumlah Laporan Hasil Pemeriksaan (LHP) yang diterbitkan").map(|r| r.0), Some("LHP".into()));
        assert_eq!(read(&["12 PD", "4 PD", "8 PD", "12 PD", "12 PD"], "Jumlah perangkat daerah yang didampingi").map(|r| r.0), Some("PD".into()));
        assert_eq!(read(&["12 PD", "4 PD", "8 PD", "12 PD", "12 PD"], "Jumlah desa yang didampingi"), None);
        assert_eq!(read(&["4 Dok", "1 Dok", "2 Dok", "3 Dok", "4 Dok"], "Jumlah laporan reviu").map(|r| r.0), Some("Dok".into()));
        assert_eq!(read(&["4 Kel", "1 Kel", "2 Kel", "3 Kel", "4 Kel"], "x"), None);
        assert_eq!(read(&["BB", "-", "-", "-", "BB"], "Predikat"), None);
        // Nor one the indicator denies: a percentage counted in people is
        // two rows run together.
        assert_eq!(read(&["3.250 Orang", "650 Orang", "", "", "3.250 Orang"], "Persentase kelompok tani yang meningkat Jumlah petani"), None);
    }

    #[test]
    fn a_budget_of_a_few_rupiah_among_millions_is_withheld() {
        use crate::reflow::Row;
        let row = |line: u32, budget: &str| Row {
            page: 1,
            line,
            node: (line == 1).then(|| "Program 1 Pelayanan".to_string()),
            cells: vec![(Role::Indicator, "Jumlah layanan".into()), (Role::Unit, "Layanan".into()), (Role::Target, "12".into()), (Role::Budget, budget.into())],
            ..Row::default()
        };
        let budgets = |rows: Vec<Row>| {
            let table = Table { rows, ..Table::default() };
            let doc = normalise("t", InputKind::Text, &table, &[]);
            doc.indicators.iter().map(|i| i.budget.clone()).collect::<Vec<_>>()
        };
        let n = |s: &str| Value::Number(s.to_string());
        // The next row's NO run into the budget's place.
        let read = budgets(vec![row(1, "4.835.600.000"), row(2, "4"), row(3, "385.600.000"), row(4, "0")]);
        assert_eq!(read, [n("4835600000"), Value::Unreadable("4".into()), n("385600000"), n("0")]);
        // With one sum of millions only, nothing to compare with.
        let read = budgets(vec![row(1, "4.835.600.000"), row(2, "4")]);
        assert_eq!(read, [n("4835600000"), n("4")]);
    }

    #[test]
    fn a_strict_bound_read_by_ocr_is_doubted() {
        use crate::reflow::Row;
        let row = |page: u32| Row {
            page,
            line: 1,
            node: Some("Program 1 Pelayanan".to_string()),
            cells: vec![(Role::Indicator, "Gross Death Rate".into()), (Role::Unit, "per mil".into()), (Role::Target, "< 45".into()), (Role::Tw4, "≤ 45".into())],
            ..Row::default()
        };
        let table = Table { rows: vec![row(1), row(2)], ..Table::default() };
        // Page 2 was read by OCR.
        let doc = normalise("t", InputKind::Pdf, &table, &["ocr:page=2".to_string()]);
        assert_eq!(doc.indicators[0].target, Value::Text("< 45".into()));
        assert_eq!(doc.indicators[1].target, Value::Unreadable("< 45".into()));
        assert_eq!(doc.indicators[1].tw[3], Value::Text("≤ 45".into()));
        assert!(doc.indicators[1].warnings.iter().any(|w| w == "unreadable_number:target"));
    }
}
