//! Word classes of the Indonesian plan vocabulary that the recovery
//! reading ([`super::recover`]) decides on: conjunctions, the nouns that
//! open an indicator, the case style of a name or an indicator, the verbs
//! of an indicator's relative clause. They are about the grammar of the
//! family of documents (Permendagri nomenclature in title case, indicators
//! in sentence case), not about any one plan.

pub(super) use crate::parse::function_word::is_function_word;
use crate::parse::label::{parse_indicator_number, strip_indicator_numbering};
use crate::parse::number::{is_bound, is_number};
use crate::parse::unit::may_be_unit_before_values;

/// The word before five value cells each saying `word` ("Status" /
/// "Siaga" x 5) as the row's unit, whether the vocabulary knows it or
/// not: nothing but a row's values is so printed. A word that may be a
/// unit, and another word than the targets'. (Both flow readings, the
/// anchors' and the recovery walk's, read such a row by this.)
pub(super) fn heads_five_word_targets(unit: &str, word: &str) -> bool {
    may_be_unit_before_values(unit) && unit != word
}

/// Nouns that open an indicator's text ("Persentase ...", "Jumlah ...").
pub(super) const OPENERS: &[&str] = &[
    "jumlah", "jml", "jmh", "jmlh", "persentase", "prosentase", "presentase", "nilai", "indeks", "index", "rata-rata",
    "angka", "tingkat", "rasio", "cakupan", "predikat", "pertumbuhan", "penambahan", "pertambahan", "terlaksananya",
    "tersedianya", "capaian", "proporsi", "kontribusi", "skor", "opini", "laju", "luas", "panjang", "kadar",
];

/// Nouns of quantity that open an indicator where a lower-case word
/// follows ("Volume beras Adan yang", "Frekuensi patroli"), as
/// [`opens_indicator`] asks. The flow readings' looser tests of a line's
/// opening ([`is_opener`]) leave them out: there a wrapped cell's first
/// word before a capital ("Volume usaha koperasi" / "Miliar" / "Rupiah")
/// weighed against the unit's lines.
const QUANTITY_OPENERS: &[&str] = &["volume", "banyaknya", "frekuensi"];

/// How many letters `w` holds.
pub(super) fn letter_count(w: &str) -> usize {
    w.chars().filter(|c| c.is_alphabetic()).count()
}

pub(super) fn starts_upper(w: &str) -> bool {
    w.chars().find(|c| c.is_alphabetic()).is_some_and(|c| c.is_uppercase())
}

pub(super) fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_lowercase())
}

/// "SKPD", "SD/MI", "RPJMD": capitals only; neutral for case style.
pub(super) fn is_acronym(w: &str) -> bool {
    letter_count(w) >= 2 && w.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
}

/// A word that carries meaning and case: three letters or more, no
/// conjunction, no abbreviation.
pub(super) fn is_content(w: &str) -> bool {
    letter_count(w) >= 3 && !is_function_word(w) && !is_abbreviation(w)
}

/// "SMP/MTs", "SD/MI", "PMKS": two capitals or more, and mostly capitals.
pub(super) fn is_abbreviation(w: &str) -> bool {
    let upper = w.chars().filter(|c| c.is_alphabetic() && c.is_uppercase()).count();
    upper >= 2 && upper * 3 >= letter_count(w) * 2
}

/// Words that carry the case style: letters, three or more, not function
/// words, not acronyms.
pub(super) fn style_counts(words: &[String]) -> (f64, f64) {
    let mut cap = 0.0;
    let mut low = 0.0;
    for w in words {
        if letter_count(w) < 3 || is_function_word(w) || is_acronym(w) {
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

pub(super) fn is_opener(w: &str) -> bool {
    let l = w.trim_end_matches([',', ':', '.']).to_lowercase();
    OPENERS.contains(&l.as_str())
}

/// How surely `words` open an indicator: 2 for numbering ("1. Indeks",
/// "Indikator Sasaran 1 :"), 1 for an opener noun in capitals followed by
/// more than a preposition ("Persentase sekolah", not "Capaian pada").
pub(super) fn ind_start(words: &[String]) -> Option<u8> {
    if words.is_empty() {
        return None;
    }
    let text = words.join(" ");
    let (n, rest) = parse_indicator_number(&text);
    if n.is_some() && rest.chars().next().is_some_and(|c| c.is_alphabetic()) {
        return Some(2);
    }
    // A letter or a dotted number ("a. Jumlah", "1.1 Indeks"): numbering too.
    let (_, rest) = strip_indicator_numbering(&text);
    if rest.len() < text.trim_start().len() && rest.chars().next().is_some_and(|c| c.is_alphabetic()) {
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
pub(super) const NAMING_OPENERS: &[&str] = &[
    "capaian", "tingkat", "pertumbuhan", "penambahan", "pertambahan", "kontribusi", "proporsi", "cakupan", "luas",
    "panjang", "laju", "kadar", "opini", "terlaksananya", "tersedianya",
];

/// Where an indicator starts inside a line, after at least `min` words:
/// numbering followed by a capital ("1. Predikat"), or an opener noun in
/// capitals that no name would hold there. In a title-case line the noun
/// must be followed by a lowercase word or end the line ("Pengelolaan
/// Pendidikan Persentase satuan ...", but not "Penurunan Angka Kematian").
pub(super) fn inline_ind_start(words: &[String], min: usize) -> Option<usize> {
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

pub(super) fn is_num(w: &str) -> bool {
    is_number(w) || is_bound(w)
}

pub(super) fn is_dash(w: &str) -> bool {
    !w.is_empty() && w.chars().count() <= 2 && w.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

pub(super) fn is_small_int(w: &str) -> bool {
    !w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit())
}

/// A line that reads as more of a title-case name although it opens with
/// an indicator noun ("Capaian Kinerja dan"): every word capitalised, and
/// either a noun that often names programmes or a line ending in a
/// conjunction.
pub(super) fn continues_title(words: &[String]) -> bool {
    if words.len() < 2 {
        return false;
    }
    let (cap, low) = style_counts(&words[1..]);
    let title_line = low == 0.0 && cap >= 1.0;
    let last = words.last().expect("checked");
    let open_end = is_function_word(last) || last.ends_with(',');
    title_line && (NAMING_OPENERS.contains(&words[0].to_lowercase().as_str()) || open_end)
}

/// Words of an indicator's relative clause: "yang" and verbs with the
/// passive or active prefixes (di-, ter-, me-, ber-), lowercase; not the
/// "-nya" nouns that open a tujuan's or sasaran's name ("Meningkatnya").
/// Worth a point each, up to two.
pub(super) fn clause_words(words: &[String]) -> f64 {
    let mut v: f64 = 0.0;
    for w in words {
        if !starts_lower(w) {
            continue;
        }
        let l = w.to_lowercase();
        if l == "yang" {
            v += 0.5;
        } else if l.chars().count() >= 7 && !l.ends_with("nya") && ["di", "ter", "mem", "men", "meng", "meny", "ber"].iter().any(|p| l.starts_with(p)) {
            v += 0.8;
        }
    }
    v.min(2.0)
}

/// True when `words` open an indicator: an opening noun with a capital,
/// then a lowercase word that is no function word (a name's "Peningkatan
/// Cakupan dan Mutu Pelayanan" goes on with "dan").
pub(in crate::reflow) fn opens_indicator(words: &[&str]) -> bool {
    let opener = |w: &str| {
        let w = w.to_lowercase();
        OPENERS.contains(&w.as_str()) || QUANTITY_OPENERS.contains(&w.as_str())
    };
    matches!(words, [w, next, ..] if starts_upper(w) && opener(w) && next.chars().next().is_some_and(char::is_lowercase) && !is_function_word(next))
}
