//! Header words → column roles.
//!
//! The table of header words is the one place to extend when a plan names a
//! column differently. A header is matched on its letters and digits only,
//! upper-cased ("TW.I", "TW I", "Triwulan I" and "TRIWULAN 1" all become
//! TW1), so a header broken over lines ("Triwula" / "n II") still matches.

use crate::parse::spelling::one_edit_apart;
use crate::parse::memo::TextMemo;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    No,
    /// URAIAN: the node (Tujuan, Sasaran, Program, ...) with its label.
    Node,
    Indicator,
    /// INDIKATOR SASARAN: in the wide (2018) layout, the sasaran group's
    /// indicator; the SATUAN, KONSEP DEFINISI and TARGET columns after it
    /// belong to the same group.
    SasaranIndicator,
    /// INDIKATOR PROGRAM: the program group's indicator, as above.
    ProgramIndicator,
    Unit,
    Definition,
    Target,
    Tw1,
    Tw2,
    Tw3,
    Tw4,
    Budget,
    Problem,
    Strategy,
    Policy,
    Responsible,
    Note,
    /// A column with no known role (REALISASI, CAPAIAN, ...): kept, never dropped.
    Extra,
}

impl Role {
    pub const VALUES: [Role; 5] = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];

    /// Columns whose cells are numbers (or short text targets).
    pub fn is_value(self) -> bool {
        matches!(self, Role::Target | Role::Tw1 | Role::Tw2 | Role::Tw3 | Role::Tw4 | Role::Budget)
    }

    /// The place of the role in the order the readers follow: NO, URAIAN,
    /// INDIKATOR, SATUAN, TARGET, TW I to TW IV. `None` for the columns
    /// with no place of their own (ANGGARAN, KETERANGAN, REALISASI, ...),
    /// which may come anywhere after the quarters.
    pub fn reading_place(self) -> Option<usize> {
        [Role::No, Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4]
            .iter()
            .position(|r| *r == self)
    }

    /// The role without its group: a group's indicator is an indicator.
    /// For readers that know one indicator column only.
    pub fn ungrouped(self) -> Role {
        match self {
            Role::SasaranIndicator | Role::ProgramIndicator => Role::Indicator,
            r => r,
        }
    }
}

/// The words a quarter's heading opens with ("TW I", "Trw. 1",
/// "TRIWULAN IV"), squashed; longest first, so that stripping the first
/// that matches leaves the numeral alone.
pub const QUARTER_WORDS: [&str; 5] = ["TRIWULAN", "TRIW", "TRWL", "TRW", "TW"];

/// [`QUARTER_WORDS`] as a regex alternation, for the patterns below.
macro_rules! quarter_word_pattern {
    () => {
        "(TRIWULAN|TRIW|TRWL|TRW|TW)"
    };
}

/// A squashed word that is a quarter word alone: it waits for its numeral,
/// or names the quarters' group ("TARGET TRIWULAN").
pub fn is_quarter_word(squashed: &str) -> bool {
    QUARTER_WORDS.contains(&squashed)
}

/// Header text (already squashed by [`squash`]) → role. Order matters: the
/// first match wins.
const HEADER_ROLES: &[(&str, Role)] = &[
    (r"^NO\.?$|^NOMOR$", Role::No),
    // "URUSAN / PROGRAM / KEGIATAN / SUB KEGIATAN" (SIPD exports), "NOMENKLATUR".
    (r"^(URAIAN|URUSANPROGRAM.*|PROGRAMKEGIATAN.*|SASARANPROGRAMKEGIATAN.*|TUJUANSASARAN.*|NOMENKLATUR.*)$", Role::Node),
    (r"^INDIKATORSASARAN", Role::SasaranIndicator),
    (r"^INDIKATORPROGRAM", Role::ProgramIndicator),
    (r"^INDIKATOR", Role::Indicator),
    (r"^SATUAN|^SAT$", Role::Unit),
    // How the indicator is measured: KONSEP DEFINISI (2018 plans), FORMULA
    // / CARA PENGHITUNGAN, RUMUS, DEFINISI OPERASIONAL.
    (r"^KONSEPDEFINISI|^DEFINISI|^FORMULA|^CARAPENGHITUNGAN|^CARAPERHITUNGAN|^CARAPENGUKURAN|^RUMUS|^METODEPENGHITUNGAN", Role::Definition),
    (concat!("^", quarter_word_pattern!(), "(KE)?(I|1)$"), Role::Tw1),
    (concat!("^", quarter_word_pattern!(), "(KE)?(II|2)$"), Role::Tw2),
    (concat!("^", quarter_word_pattern!(), "(KE)?(III|3)$"), Role::Tw3),
    (concat!("^", quarter_word_pattern!(), "(KE)?(IV|4)$"), Role::Tw4),
    // The Renstra's (or RPJMD's) target for its last year, printed beside
    // the year's as a reference ("TARGET AKHIR RENSTRA (2026)", "TARGET
    // RPJMD", "TARGET 5 TAHUN"): no target of this plan's year.
    (r"^TARGET.*(RENSTRA|RPJMD|PERIODE|JANGKAMENENGAH|5TAHUN|LIMATAHUN)", Role::Extra),
    (r"^TARGET", Role::Target),
    // SUMBER DANA, the source of funds ("DAU", "DAK", "Bankeu Provinsi"):
    // a remark on the row, read as KETERANGAN is (before ^DANA, a budget).
    // SUMBER DATA (where the figure is measured: "BPS", "Laporan UPTD")
    // is such a remark too.
    (r"^SUMBERDANA|^SUMBERDATA", Role::Note),
    (r"^(ANGGARAN|PAGU|DANA)", Role::Budget),
    (r"^PERMASALAHAN", Role::Problem),
    (r"^STRATEGI", Role::Strategy),
    (r"^ARAHKEBIJAKAN|^KEBIJAKAN", Role::Policy),
    // The unit that carries the row out, named by its kind in some plans.
    // PIC: the "person in charge", in plans written in office English.
    (r"^PENANGGUNGJAWAB|^PJ$|^PIC$|^PELAKSANA|^BAGIAN$|^BIDANG$|^UNITKERJA$", Role::Responsible),
    (r"^KETERANGAN|^KET$", Role::Note),
];

/// The first two letters of every alternative of [`HEADER_ROLES`]: text
/// opening otherwise names no role, and is turned away before the patterns run.
const ROLE_STARTS: &[&[u8; 2]] = &[
    b"NO", b"UR", b"PR", b"SA", b"TU", b"IN", b"KO", b"DE", b"TW", b"TR", b"TA", b"AN", b"PA", b"DA", b"PE", b"ST", b"AR",
    b"KE", b"PJ", b"PI", b"SU", b"BA", b"BI", b"UN", b"FO", b"CA", b"RU", b"ME",
];

/// The words that may appear in a header row, for telling header lines
/// (repeated on every page) from table content.
const HEADER_WORDS: &[&str] = &[
    "NO", "URAIAN", "INDIKATOR", "KINERJA", "SATUAN", "SAT", "TARGET", "TAHUN", "TW", "TRIWULAN", "KETERANGAN",
    "PENANGGUNG", "JAWAB", "ANGGARAN", "RP", "REALISASI", "CAPAIAN", "KONSEP", "DEFINISI", "PERMASALAHAN",
    "STRATEGI", "ARAH", "KEBIJAKAN", "PAGU", "I", "II", "III", "IV", "PROGRAM", "KEGIATAN", "SASARAN",
    // Abbreviations in narrow columns: KET(ERANGAN), TRW and TRWL
    // (triwulan, "Trw. 1", "Trwl. II").
    "KET", "TRW", "TRWL",
    // SUMBER DANA: the source of funds (DAU, DAK), a column of some plans;
    // SUMBER DATA, the source of the figure.
    "SUMBER", "DANA", "DATA",
    // FORMULA / CARA PENGHITUNGAN: how the indicator is measured.
    "FORMULA", "FORMULASI", "CARA", "PENGHITUNGAN", "PERHITUNGAN", "PENGUKURAN", "RUMUS",
    // "TARGET KUMULATIF" over "s.d. TW I": cumulative plans; "INDIKATOR
    // KINERJA UTAMA" (IKU).
    "KUMULATIF", "UTAMA", "PIC",
    // "SASARAN STRATEGIS": URAIAN named by its level, cut over two lines.
    "STRATEGIS",
    // "KUMULATIF S.D. BULAN" over the months the quarters end with (the
    // month names themselves are header words too; a long one may be cut,
    // "Septembe" / "r").
    "SEPTEMBER", "DESEMBER",
    // PELAKSANA: the unit carrying the row out, PENANGGUNG JAWAB's column
    // under another name.
    "PELAKSANA",
    // KODE: the nodes' Permendagri codes, a column of SIPD exports.
    "KODE",
    // KONDISI AWAL (the baseline, last year's figure) and DEFINISI
    // OPERASIONAL: columns of RSUD and Renstra-style plans.
    "KONDISI", "AWAL", "OPERASIONAL",
];

/// Upper-cased letters and digits only.
pub fn squash(s: &str) -> String {
    if s.is_ascii() {
        // (The same, byte by byte: most header text is ASCII.)
        return s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_uppercase())).collect();
    }
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

thread_local! {
    static ROLES: TextMemo<Option<Role>> = TextMemo::default();
    static IS_HEADER_WORD: TextMemo<bool> = TextMemo::default();
}

/// The role of a header cell's text, if it names a known column.
pub fn role_of(header: &str) -> Option<Role> {
    ROLES.with(|memo| memo.get_or(header, worked_out_role_of))
}

fn worked_out_role_of(header: &str) -> Option<Role> {
    // A header cell read with the column number printed under it ("Tw.1
    // (7)") names what it names without the number.
    // So does one read with the months its quarter spans ("TW I (Jan-Mar)").
    let aside = |w: &str| is_column_number(w) || is_month_span(w);
    if header.split_whitespace().any(aside) {
        let kept: Vec<&str> = header.split_whitespace().filter(|w| !aside(w)).collect();
        if kept.is_empty() {
            return quarter_of_months(header);
        }
        return role_of(&kept.join(" "));
    }
    role_of_text(header).or_else(|| {
        // On a scan, the ruling beside a header cell is often read as a
        // letter or a stroke standing alone ("I ANGGARAN (Rp)", "PENANGGUNG
        // I : JAWAB I"). Without them the cell may name its column; only
        // tried when the text as read names none, so "TW I" keeps its I.
        let words: Vec<&str> = header.split_whitespace().collect();
        let kept: Vec<&str> = words.iter().copied().filter(|w| !is_ruling_speck(w)).collect();
        (!kept.is_empty() && kept.len() < words.len()).then(|| role_of_text(&kept.join(" "))).flatten()
    })
    .or_else(|| misread_role_name(header))
    .or_else(|| role_of_lost_tail(header))
    .or_else(|| role_of_cut_word(header))
    .or_else(|| quarter_read_with_marks(header))
    .or_else(|| quarter_of_months(header))
}

/// A header cell whose word its narrow cell cut without a hyphen
/// ("TARGE" / "T" / "2023"): the two pieces joined name the column. Only
/// capitals, and only a join that makes a header word.
fn role_of_cut_word(header: &str) -> Option<Role> {
    let words: Vec<&str> = header.split_whitespace().collect();
    let capitals = |w: &str| w.chars().all(|c| c.is_ascii_uppercase());
    (1..words.len()).find_map(|k| {
        let joined = format!("{}{}", words[k - 1], words[k]);
        if !capitals(words[k - 1]) || !capitals(words[k]) || !is_header_word(&joined) || is_header_word(words[k - 1]) {
            return None;
        }
        let text: Vec<&str> = words[..k - 1].iter().copied().chain(std::iter::once(joined.as_str())).chain(words[k + 1..].iter().copied()).collect();
        role_of_text(&text.join(" "))
    })
}

/// A quarter's heading whose numeral OCR read as marks: "Tw!" and "TW|"
/// for "TW I", "TW!!" for "TW II" (a stroke read as "!" or "|", dropped
/// when the text is squashed). Only a heading of one word, the marks
/// joined to the quarter word: a "|" standing apart is a ruling. The marks
/// are the strokes OCR also reads as "l", which the header table puts
/// right after a quarter word ([`quarter_numeral_as_read`]).
fn quarter_read_with_marks(header: &str) -> Option<Role> {
    let word = header.trim();
    // (No digit: "Tw!1" or a year run on is no reading of marks alone.)
    if !word.contains(['!', '|']) || word.contains(|c: char| c.is_whitespace() || c.is_ascii_digit()) {
        return None;
    }
    role_of_text(&word.replace(['!', '|'], "l")).filter(|r| [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].contains(r))
}

/// Column names long enough that a name one letter off is still theirs.
const LONG_ROLE_NAMES: &[(&str, Role)] = &[
    ("ANGGARAN", Role::Budget),
    ("PENANGGUNGJAWAB", Role::Responsible),
    ("KETERANGAN", Role::Note),
    ("PERMASALAHAN", Role::Problem),
    ("STRATEGI", Role::Strategy),
    ("ARAHKEBIJAKAN", Role::Policy),
    ("KONSEPDEFINISI", Role::Definition),
    ("INDIKATORKINERJA", Role::Indicator),
];

/// The role of a header cell OCR misread by one letter ("ANGI GARAN (Rp)":
/// a glyph added where the word was parted), its unit "(Rp)" aside.
fn misread_role_name(header: &str) -> Option<Role> {
    let s = squash(header);
    let s = s.strip_suffix("RP").unwrap_or(&s);
    LONG_ROLE_NAMES.iter().find(|(name, _)| one_edit_apart(s, name)).map(|(_, role)| *role)
}

/// Long column names whose first six letters or more, read alone, are
/// still theirs.
const TAILED_ROLE_NAMES: &[(&str, Role)] =
    &[("INDIKATOR", Role::Indicator), ("KETERANGAN", Role::Note), ("PENANGGUNG", Role::Responsible), ("ANGGARAN", Role::Budget), ("PERMASALAHAN", Role::Problem)];

/// The role of a header cell of one word in capitals that OCR read only
/// the start of ("INDIKA" for "INDIKATOR": the tail lost to the ink of a
/// shaded or ruled cell): six letters or more of a long column name.
fn role_of_lost_tail(header: &str) -> Option<Role> {
    let word = header.trim();
    if word.chars().count() < 6 || !word.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    TAILED_ROLE_NAMES.iter().find(|(name, _)| name.len() > word.len() && name.starts_with(word)).map(|(_, role)| *role)
}

/// A word that is a ruling read as text: a lone stroke or colon.
fn is_ruling_speck(word: &str) -> bool {
    matches!(word, "I" | "l" | "|" | "!" | ":" | ";" | "i")
}

fn role_of_text(header: &str) -> Option<Role> {
    use std::sync::OnceLock;
    // All the patterns in one pass: the first that matches wins.
    static TABLE: OnceLock<regex::RegexSet> = OnceLock::new();
    // The text squashed opens as the text matched does (which drops a
    // trailing year only): one of the patterns' starts, or no role.
    let mut start = header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase);
    let (Some(a), Some(b)) = (start.next(), start.next()) else { return None };
    if !ROLE_STARTS.iter().any(|r| char::from(r[0]) == a && char::from(r[1]) == b) {
        return None;
    }
    let table = TABLE.get_or_init(|| regex::RegexSet::new(HEADER_ROLES.iter().map(|(p, _)| p)).expect("header patterns"));
    let s = squash(header);
    // "TARGET 2025", "TW.I 2024": a trailing year belongs to the header, not the role.
    let s = s.trim_end_matches(|c: char| c.is_ascii_digit());
    let s = if s.ends_with("TW") || s.ends_with("TRIWULAN") { squash(header) } else { s.to_string() };
    let s = quarter_numeral_as_read(&s);
    table.matches(&s).iter().next().map(|k| HEADER_ROLES[k].1)
}

/// A quarter's roman numeral as OCR reads it, "l" for "I" ("TW-Il",
/// "TW-Ill", squashed "TWIL", "TWILL"), put right: only after a quarter
/// word, and only where the whole tail is such a numeral.
fn quarter_numeral_as_read(squashed: &str) -> String {
    for word in QUARTER_WORDS {
        if let Some(rest) = squashed.strip_prefix(word) {
            let fixed = rest.replace('L', "I");
            if rest.contains('L') && matches!(fixed.as_str(), "I" | "II" | "III" | "IV") {
                return format!("{word}{fixed}");
            }
            break;
        }
    }
    squashed.to_string()
}

/// The role of the header text gathered over one value column, which may
/// hold a group header's words too: "TARGET" centred over five columns
/// lands on the middle quarter ("TARGET Triwulan II"), "TAHUN 2026" sits
/// under it over the yearly target. A quarter named at the end wins over
/// the group word before it; "TAHUN" alone is the yearly target.
pub fn value_role_of(header: &str) -> Option<Role> {
    use std::sync::OnceLock;
    static QUARTER: OnceLock<regex::Regex> = OnceLock::new();
    let quarter = QUARTER.get_or_init(|| regex::Regex::new(concat!(quarter_word_pattern!(), "(IV|III|II|I|4|3|2|1)$")).expect("quarter pattern"));
    let s = squash(header);
    let s = s.trim_end_matches(|c: char| c.is_ascii_digit());
    if let Some(c) = quarter.captures(s).filter(|_| s.starts_with("TARGET")) {
        return quarter_of_numeral(&c[2]);
    }
    if s.starts_with("TAHUN") && !s.contains("TW") && !s.contains("TRIWULAN") {
        return Some(Role::Target);
    }
    role_of(header).or_else(|| quarter_under_group_words(header))
}

/// The quarter a value column's own cell names at the end of its text,
/// under words of the group headings above it: "TARGET KINERJA" over
/// "TRIWULAN (KUMULATIF)" and "TAHUN" centred over several columns land
/// on one quarter each ("KINERJA (KUMULATIF) TW-III", "TAHUN TW-IV"). Only
/// such words: "REALISASI TW I" or "ANGGARAN TW I" names no target.
fn quarter_under_group_words(header: &str) -> Option<Role> {
    use std::sync::OnceLock;
    static QUARTER: OnceLock<regex::Regex> = OnceLock::new();
    let quarter = QUARTER.get_or_init(|| regex::Regex::new(concat!("^", quarter_word_pattern!(), "(KE)?(IV|III|II|I|4|3|2|1)$")).expect("quarter pattern"));
    const GROUP_WORDS: &[&str] = &["TARGET", "KINERJA", "TRIWULAN", "TAHUN", "KUMULATIF", "RENCANA", "PER", "SD"];
    let words: Vec<&str> = header.split_whitespace().collect();
    (1..=words.len().min(2)).find_map(|n| {
        let (group, own) = words.split_at(words.len() - n);
        let own = squash(&own.join(" "));
        let c = quarter.captures(&own)?;
        let of_group = |w: &&str| {
            let w = squash(w);
            GROUP_WORDS.contains(&w.as_str()) || is_plan_year(&w)
        };
        (!group.is_empty() && group.iter().all(of_group)).then(|| quarter_of_numeral(&c[3])).flatten()
    })
}

/// The quarter a value column's header names by its numeral alone ("I",
/// "III (7)", "4"): plans that print "TRIWULAN" once over the four
/// quarters leave only the numerals over the columns. Meaningful only
/// under such a group word: the caller checks the header has one.
pub fn bare_quarter_numeral(header: &str) -> Option<Role> {
    let words: Vec<&str> = header.split_whitespace().filter(|w| !is_column_number(w)).collect();
    match words.as_slice() {
        [w] => quarter_of_numeral(w.trim_end_matches('.')),
        _ => None,
    }
}

/// The quarter a numeral names: "I" or "1" TW I ... "IV" or "4" TW IV.
fn quarter_of_numeral(numeral: &str) -> Option<Role> {
    match numeral {
        "I" | "1" => Some(Role::Tw1),
        "II" | "2" => Some(Role::Tw2),
        "III" | "3" => Some(Role::Tw3),
        "IV" | "4" => Some(Role::Tw4),
        _ => None,
    }
}

/// True when a header's columns (`roles`, left to right) hold the four
/// quarters in their order and the year's target before or after all of
/// them, as plans print them (most target first, some after TW IV). Any
/// other order is a misread header: "TW.I" read for "TW.III", TARGET
/// between two quarters.
pub fn value_columns_in_order(roles: &[Role]) -> bool {
    let at = |r: &Role| roles.iter().position(|c| c == r);
    let quarters: Vec<usize> = [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].iter().filter_map(at).collect();
    let target_between = at(&Role::Target).is_some_and(|t| quarters.iter().any(|&q| q < t) && quarters.iter().any(|&q| q > t));
    quarters.windows(2).all(|w| w[0] < w[1]) && !target_between
}

/// A value column's header naming a figure of an earlier year printed
/// beside the targets, never one of them: KONDISI AWAL (the baseline;
/// "AWAL (2019)" where KONDISI sits on a line of its own, "KONDISI AWAI"
/// as OCR reads it), BASELINE, or an earlier year's achievement, CAPAIAN
/// or REALISASI with its year and no TARGET or RENCANA ("TARGET CAPAIAN",
/// "RENCANA CAPAIAN" over the quarters name this year's targets). (A
/// KONDISI AKHIR, the Renstra's end, is no target of the year either.)
pub fn names_earlier_figure(header: &str) -> bool {
    let words: Vec<String> = header.split_whitespace().map(squash).collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    let achieved = (has("CAPAIAN") || has("REALISASI")) && words.iter().any(|w| is_plan_year(w)) && !has("TARGET") && !has("RENCANA");
    has("KONDISI") || has("AWAL") || has("BASELINE") || achieved
}

/// A year as plans print it over their targets ("2026"): four digits from 2000.
pub fn is_plan_year(w: &str) -> bool {
    w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit())
}

/// "(1)", "(12)": a column number, printed under many headers.
pub fn is_column_number(word: &str) -> bool {
    word.len() >= 3 && word.starts_with('(') && word.ends_with(')') && word[1..word.len() - 1].chars().all(|c| c.is_ascii_digit())
}

/// Indonesian month names and their abbreviations, in capitals.
const MONTHS: [&str; 26] = [
    "JAN", "JANUARI", "FEB", "FEBRUARI", "MAR", "MARET", "APR", "APRIL", "MEI", "JUN", "JUNI", "JUL", "JULI", "AGT", "AGS", "AGU", "AGUSTUS", "SEP",
    "SEPT", "SEPTEMBER", "OKT", "OKTOBER", "NOV", "NOVEMBER", "DES", "DESEMBER",
];

/// A quarter named by its months alone, as some plans head the quarter
/// columns: the span ("Jan - Mar", "Oktober-Desember") or the month it
/// ends with, up to which a cumulative target runs ("Maret", "s.d. Juni"
/// under "KUMULATIF S.D. BULAN").
///
/// ```
/// use rencana::parse::header::{quarter_of_months, Role};
/// assert_eq!(quarter_of_months("Jan - Mar"), Some(Role::Tw1));
/// assert_eq!(quarter_of_months("Septembe r"), Some(Role::Tw3));
/// assert_eq!(quarter_of_months("Mei"), None);
/// ```
pub fn quarter_of_months(text: &str) -> Option<Role> {
    use std::sync::OnceLock;
    static QUARTERS: OnceLock<[regex::Regex; 4]> = OnceLock::new();
    let quarters = QUARTERS.get_or_init(|| {
        // (A month cut at its cell's edge, "Septembe" / "r", is squashed whole again.)
        ["(JAN|JANUARI)?(MAR|MARET)", "(APR|APRIL)?(JUN|JUNI)", "(JUL|JULI)?(SEP|SEPT|SEPTEMBER)", "(OKT|OKTOBER)?(DES|DESEMBER)"]
            .map(|q| regex::Regex::new(&format!("^(SD|SAMPAIDENGAN)?(BULAN)?{q}$")).expect("month pattern"))
    });
    let s = squash(text);
    let k = quarters.iter().position(|q| q.is_match(&s))?;
    Some([Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4][k])
}

/// An Indonesian month's name or its abbreviation ("Maret", "Okt.").
pub fn is_month_name(word: &str) -> bool {
    MONTHS.contains(&word.trim_end_matches('.').to_uppercase().as_str())
}

/// The months a quarter spans, printed under its heading: "(Jan-Mar)",
/// "(Okt-Des)", "Januari-Maret" (Indonesian month names or their
/// abbreviations, two of them joined by a dash, in brackets or not).
pub fn is_month_span(word: &str) -> bool {
    let t = word.trim().trim_start_matches('(').trim_end_matches([')', ',', '.']);
    let parts: Vec<String> = t.split(['-', '\u{2013}']).map(|p| p.trim_end_matches('.').to_uppercase()).collect();
    parts.len() == 2 && parts.iter().all(|p| MONTHS.contains(&p.as_str()))
}

/// True for a word that belongs to a header row: a header word, a fragment
/// of one cut at a cell edge ("Triwula", "n"), a year or a roman numeral.
pub fn is_header_word(word: &str) -> bool {
    IS_HEADER_WORD.with(|memo| memo.get_or(word, worked_out_is_header_word))
}

fn worked_out_is_header_word(word: &str) -> bool {
    let t = word.trim();
    // "s.d. TW I": sampai dengan, up to (a cumulative quarter's heading),
    // as printed with its marks ("SD" alone is Sekolah Dasar).
    if is_column_number(t) || is_month_span(t) || matches!(t, "s.d." | "s/d" | "S.D." | "S/D" | "s.d") {
        return true;
    }
    if is_slash_list_of_levels(t) {
        return true;
    }
    let w = squash(word);
    if w.is_empty() {
        return true;
    }
    if is_plan_year(&w) || MONTHS.contains(&w.as_str()) {
        return true;
    }
    // "Ke-1" .. "Ke-4": the ordinal of "Triwulan Ke-1", on a line of its
    // own; "TRIWULAN KE-" over the numerals. (A bare "ke" is a word of
    // text: only with its hyphen.)
    if matches!(w.as_str(), "KE1" | "KE2" | "KE3" | "KE4" | "KEI" | "KEII" | "KEIII" | "KEIV") || t.eq_ignore_ascii_case("ke-") {
        return true;
    }
    if w.starts_with("TW") {
        let w = quarter_numeral_as_read(&w);
        let rest = &w[2..];
        return matches!(rest, "" | "I" | "II" | "III" | "IV" | "1" | "2" | "3" | "4");
    }
    // "Trw-1", "TRIWULAN-IV", "Trwl.2": the other quarter words with their
    // numeral, run together as a narrow cell prints them.
    for q in ["TRIWULAN", "TRWL", "TRW"] {
        if let Some(rest) = w.strip_prefix(q) {
            if matches!(rest, "I" | "II" | "III" | "IV" | "1" | "2" | "3" | "4") {
                return true;
            }
        }
    }
    if let Some(rest) = w.strip_prefix("KETERANGAN") {
        // "KETERANGAN2024": two header cells run together in a flow dump.
        return rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit());
    }
    // "nI", "n III": the tail of "Triwulan" cut at the cell edge, run
    // together with its numeral.
    for numeral in ["IV", "III", "II", "I"] {
        if let Some(head) = w.strip_suffix(numeral) {
            if !head.is_empty() && head.len() <= 3 && HEADER_WORDS.iter().any(|h| h.len() > 4 && h.ends_with(head)) {
                return true;
            }
        }
    }
    HEADER_WORDS.iter().any(|h| {
        *h == w || (w.len() >= 4 && h.starts_with(w.as_str())) || (w.len() <= 3 && h.len() > 4 && h.ends_with(w.as_str()))
    })
}

/// The URAIAN column named by its levels in capitals, slashes between
/// ("TUJUAN/SASARAN/PROGRAM/", "KEGIATAN/SUB"): a header's, never a body
/// cell's (a body's "program/kegiatan" is in lowercase).
fn is_slash_list_of_levels(word: &str) -> bool {
    let mut parts = word.split('/').filter(|p| !p.is_empty()).peekable();
    word.contains('/') && parts.peek().is_some() && !word.chars().any(char::is_lowercase) && parts.all(|p| {
        let p = p.trim_end_matches('.');
        LEVEL_WORDS.contains(&p) || p == "SUBKEGIATAN"
    })
}

/// The words of the levels as a header names the URAIAN column by them
/// ("TUJUAN / SASARAN / PROGRAM / KEGIATAN / SUB KEGIATAN").
pub const LEVEL_WORDS: [&str; 5] = ["TUJUAN", "SASARAN", "PROGRAM", "KEGIATAN", "SUB"];

/// True for a word OCR misread from a header word by one letter, whole or
/// cut at a cell edge ("Tanun" for TAHUN, "Triwuta" for "Triwula", "ANGI"
/// for "ANGG..."), or the tail of one parted by a misread glyph ("GARAN"
/// of ANGGARAN). Words of four letters or more only: shorter ones are too
/// near too many words.
pub fn is_misread_header_word(word: &str) -> bool {
    let w = squash(word);
    if w.len() < 4 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    HEADER_WORDS.iter().filter(|h| h.len() >= 5).any(|h| {
        one_edit_apart(&w, h) || (w.len() < h.len() && one_edit_apart(&w, &h[..w.len()])) || (w.len() >= 5 && h.ends_with(w.as_str()))
    })
}

/// True when a header word cut at a cell edge is made whole by the start
/// of the next line ("PERMASAL" / "AHAN", "PENANGG" / "UNG"): capitals
/// are cut too, where the cut-word rule for text looks for a lowercase tail.
pub fn completes_header_word(left: &str, right: &str) -> bool {
    let l = squash(left);
    !l.is_empty() && HEADER_WORDS.iter().any(|h| h.len() > l.len() && *h == format!("{l}{}", squash(right)))
}

/// The column names only a header prints.
const CORE_NAMES: [&str; 5] = ["URAIAN", "INDIKATOR", "SATUAN", "TARGET", "KETERANGAN"];

/// The words that only a header has: a line with two of them is a header.
pub fn is_core_header_word(word: &str) -> bool {
    let w = squash(word);
    CORE_NAMES.contains(&w.as_str())
        || matches!(w.as_str(), "TWI" | "TWII" | "TWIII" | "TWIV" | "TW1" | "TW2" | "TW3" | "TW4")
        || w.starts_with("KETERANGAN")
}

/// A core header word cut at its cell's edge, in capitals as headers are
/// printed: "SATUA" / "N", "TARGE" / "T 2026" in narrow columns. Five
/// letters at least, so no short capitalised word of a body line is one.
/// For positioned pages, where the cut word's tail lies under it; a flow
/// dump may print the header's pieces anywhere, and there a line of cut
/// words alone is left to the cells around it.
pub fn is_cut_core_word(word: &str) -> bool {
    let squashed = squash(word);
    squashed.len() >= 5
        && word.chars().all(|c| !c.is_lowercase())
        && CORE_NAMES.iter().any(|h| h.len() > squashed.len() && h.starts_with(squashed.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_in_arabic_numerals_are_core_header_words() {
        for w in ["TW.1", "TW 4", "TWI", "Tw.IV"] {
            assert!(is_core_header_word(w), "{w}");
        }
        assert!(!is_core_header_word("TW5"));
    }

    #[test]
    fn core_header_words_cut_at_a_narrow_cells_edge() {
        for w in ["SATUA", "TARGE", "INDIKA", "KETERANG"] {
            assert!(is_cut_core_word(w), "{w}");
        }
        // Too short, in lowercase as body text is, or whole.
        for w in ["SATU", "Satua", "targe", "TARGET", "PROGRAM", "TARGETS"] {
            assert!(!is_cut_core_word(w), "{w}");
        }
        // Abbreviations of column names, and the URAIAN column named by
        // its levels, are header words.
        for w in ["KET.", "SAT", "Trw.", "Trwl.", "SUMBER", "KEGIATAN/SUB", "TUJUAN/SASARAN/PROGRAM/"] {
            assert!(is_header_word(w), "{w}");
        }
        for w in ["program/kegiatan", "SUB", "Tujuan/"] {
            assert!(!is_header_word(w), "{w}");
        }
        assert_eq!(role_of("SAT"), Some(Role::Unit));
        assert_eq!(role_of("KET."), Some(Role::Note));
        assert_eq!(role_of("SUMBER DANA"), Some(Role::Note));
        assert_eq!(role_of("Tw.1 (7)"), Some(Role::Tw1));
        assert_eq!(role_of("BAGIAN"), Some(Role::Responsible));
        assert_eq!(role_of("UNIT KERJA"), Some(Role::Responsible));
        assert_eq!(role_of("(7)"), None);
        assert_eq!(role_of("DANA (Rp)"), Some(Role::Budget));
        assert_eq!(role_of("SUMBER DATA"), Some(Role::Note));
        assert_eq!(role_of("FORMULA / CARA PENGHITUNGAN"), Some(Role::Definition));
        assert_eq!(role_of("RUMUS"), Some(Role::Definition));
        // A word its narrow cell cut without a hyphen, over its year.
        assert_eq!(role_of("TARGE T 2023"), Some(Role::Target));
        assert_eq!(role_of("SATUA N"), Some(Role::Unit));
        assert_eq!(role_of("TW I"), Some(Role::Tw1));
        assert_eq!(role_of("REALISASI T"), None);
        // OCR's "l" for "I" in a quarter's numeral.
        assert_eq!(role_of("TW-Il"), Some(Role::Tw2));
        assert_eq!(role_of("TW-Ill"), Some(Role::Tw3));
        assert!(is_header_word("TW-Ill"));
        assert!(!is_header_word("TW-Lx"));
    }

    #[test]
    fn a_quarter_named_by_its_numeral_alone() {
        assert_eq!(bare_quarter_numeral("I"), Some(Role::Tw1));
        assert_eq!(bare_quarter_numeral("III (9)"), Some(Role::Tw3));
        assert_eq!(bare_quarter_numeral("4"), Some(Role::Tw4));
        assert_eq!(bare_quarter_numeral("TRIWULAN"), None);
        // A numeral read as marks, joined to its quarter word.
        assert_eq!(role_of("Tw!"), Some(Role::Tw1));
        assert_eq!(role_of("TW|!"), Some(Role::Tw2));
        assert_eq!(role_of("Tw!V"), Some(Role::Tw4));
        assert_eq!(role_of("TW |"), None);
        // The months a quarter spans, under its heading.
        assert!(is_month_span("(Jan-Mar)") && is_month_span("(Okt-Des)") && is_month_span("Juli-September"));
        assert!(!is_month_span("(Jan)") && !is_month_span("Mar-Apr-Mei") && !is_month_span("(1-3)"));
        assert_eq!(role_of("TW II (Apr-Jun)"), Some(Role::Tw2));
        assert!(is_header_word("(Jul-Sep)"));
        // "SASARAN" / "STRATEGIS": a header cell cut over two lines.
        assert!(is_header_word("STRATEGIS") && is_header_word("UTAMA"));
        assert!(is_header_word("s.d.") && is_header_word("KUMULATIF") && !is_header_word("SD"));
        assert_eq!(bare_quarter_numeral("V"), None);
        assert_eq!(bare_quarter_numeral("TAHUN 2026"), None);
    }

    #[test]
    fn header_words_misread_by_one_letter() {
        for w in ["Tanun", "Triwuta", "ANGI", "GARAN", "INDIKATUR", "KETERANGAM"] {
            assert!(is_misread_header_word(w), "{w}");
        }
        for w in ["Persen", "Jumlah", "yang", "TW", "Orang", "Tahun2026", "100"] {
            assert!(!is_misread_header_word(w), "{w}");
        }
    }

    #[test]
    fn figures_of_earlier_years_are_told_from_targets() {
        for h in ["KONDISI AWAL 2025", "AWAL (2019) (5)", "KONDISI AWAI (2019)", "BASELINE", "CAPAIAN 2024", "REALISASI 2023"] {
            assert!(names_earlier_figure(h), "{h}");
        }
        for h in ["TARGET CAPAIAN 2025", "RENCANA CAPAIAN", "CAPAIAN IV", "REALISASI TW I", "TARGET 2025"] {
            assert!(!names_earlier_figure(h), "{h}");
        }
    }

    #[test]
    fn a_quarter_under_group_headings_names_its_column() {
        // gen150: "TARGET KINERJA" over "TRIWULAN (KUMULATIF)" and "TAHUN",
        // their words landing on the quarters' own cells.
        assert_eq!(value_role_of("TRIWULAN TW-I"), Some(Role::Tw1));
        assert_eq!(value_role_of("KINERJA (KUMULATIF) TW-III"), Some(Role::Tw3));
        assert_eq!(value_role_of("TAHUN TW-IV"), Some(Role::Tw4));
        assert_eq!(value_role_of("PER Triw. II"), Some(Role::Tw2));
        // Words naming no target before the quarter: no target's column.
        assert_eq!(value_role_of("REALISASI TW I"), None);
        assert_eq!(value_role_of("KEUANGAN TW II"), None);
    }

    #[test]
    fn header_roles() {
        assert_eq!(role_of("TW.I"), Some(Role::Tw1));
        assert_eq!(role_of("TW I"), Some(Role::Tw1));
        assert_eq!(role_of("Triwula n II"), Some(Role::Tw2));
        assert_eq!(role_of("Triwul an III"), Some(Role::Tw3));
        assert_eq!(role_of("Triwulan IV"), Some(Role::Tw4));
        assert_eq!(role_of("Trwl. II"), Some(Role::Tw2));
        assert_eq!(role_of("TARGET 2020"), Some(Role::Target));
        assert_eq!(role_of("TARGET TAHUN 2027"), Some(Role::Target));
        assert_eq!(value_role_of("TARGET Triwulan II"), Some(Role::Tw2));
        assert_eq!(value_role_of("TARGET TRIWULAN I"), Some(Role::Tw1));
        assert_eq!(value_role_of("TAHUN 2026"), Some(Role::Target));
        assert_eq!(value_role_of("TARGET 2026"), Some(Role::Target));
        assert_eq!(value_role_of("Triwulan IV"), Some(Role::Tw4));
        assert_eq!(role_of("INDIKATOR KINERJA"), Some(Role::Indicator));
        // OCR read only the start of a long name (gen127's scan).
        assert_eq!(role_of("INDIKA"), Some(Role::Indicator));
        assert_eq!(role_of("KETERA"), Some(Role::Note));
        // Not fewer than six letters, not in lower case, not a name whole.
        assert_eq!(role_of("INDIK"), None);
        assert_eq!(role_of("Indika"), None);
        assert_eq!(role_of("PENANGGUNG JAWAB"), Some(Role::Responsible));
        assert_eq!(role_of("ANGGARAN (Rp)"), Some(Role::Budget));
        assert_eq!(role_of("KONSEP DEFINISI"), Some(Role::Definition));
        assert_eq!(role_of("URAIAN"), Some(Role::Node));
        // URAIAN named by the levels it holds, with the column's number.
        assert_eq!(role_of("SASARAN / PROGRAM / KEGIATAN / SUB KEGIATAN (2)"), Some(Role::Node));
        assert_eq!(role_of("REALISASI"), None);
        // The Renstra's target is no target of the plan's year.
        assert_eq!(role_of("TARGET AKHIR RENSTRA (2026)"), Some(Role::Extra));
        assert_eq!(role_of("TARGET RPJMD"), Some(Role::Extra));
        assert_eq!(role_of("TARGET TAHUN 2025"), Some(Role::Target));
        // Rulings read as strokes beside the words of a scanned header.
        assert_eq!(role_of("I ANGGARAN (Rp)"), Some(Role::Budget));
        assert_eq!(role_of("PENANGGUNG I : JAWAB I"), Some(Role::Responsible));
        assert_eq!(role_of("| KETERANGAN"), Some(Role::Note));
        assert_eq!(role_of("I REALISASI I"), None);
        // A header word misread by one letter.
        assert_eq!(role_of("ANGI GARAN (Rp)"), Some(Role::Budget));
        assert_eq!(role_of("KETERANGAM"), Some(Role::Note));
        assert_eq!(role_of("REALISASI (Rp)"), None);
        assert_eq!(role_of("INDIKATOR SASARAN"), Some(Role::SasaranIndicator));
        assert_eq!(role_of("INDIKATOR PROGRAM"), Some(Role::ProgramIndicator));
        assert_eq!(role_of("PERMASALAHAN"), Some(Role::Problem));
        assert_eq!(role_of("ARAH KEBIJAKAN"), Some(Role::Policy));
        assert_eq!(role_of("PENANGG UNG JAWAB"), Some(Role::Responsible));
        assert_eq!(role_of("TARGET KINERJA PROGRAM TH 2018"), Some(Role::Target));
    }

    #[test]
    fn every_role_pattern_opens_with_a_listed_start() {
        // The alternatives that open a match: those anchored with '^', and
        // those of the group that opens one.
        for (pattern, _) in HEADER_ROLES {
            let mut in_leading_group = false;
            for piece in pattern.split('|') {
                if piece.starts_with('^') || in_leading_group {
                    let literal = piece.trim_start_matches(['^', '(']);
                    assert!(ROLE_STARTS.iter().any(|r| literal.as_bytes().starts_with(r.as_slice())), "{pattern}: {piece}");
                }
                if piece.starts_with("^(") {
                    in_leading_group = true;
                }
                if piece.contains(')') {
                    in_leading_group = false;
                }
            }
        }
    }

    #[test]
    fn cut_header_words_are_completed() {
        assert!(completes_header_word("PERMASAL", "AHAN"));
        assert!(completes_header_word("PENANGG", "UNG"));
        assert!(!completes_header_word("PERMASALAHAN", ""));
        assert!(!completes_header_word("Usaha", "Kecil"));
    }

    #[test]
    fn header_words_and_fragments() {
        for w in ["NO", "URAIAN", "Triwula", "n", "an", "2020", "TW.III", "KETERANGAN2024", "JAWAB"] {
            assert!(is_header_word(w), "{w}");
        }
        for w in ["Meningkatnya", "Persentase", "7,1", "Tujuan"] {
            assert!(!is_header_word(w), "{w}");
        }
    }
}
