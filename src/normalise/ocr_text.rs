//! The text cells of rows read by OCR, rid of what a scan adds to them.
//!
//! Specks and the ends of cell borders are read as marks and strokes:
//! a "." or "-" standing after an indicator ("... sesuai standar ."), a
//! quote glued to a cell's first word ("‘Persentase"), a stroke "I" where
//! a name starts by its cell's left border ("I Penanggulangan ..."), a
//! lone "i" amid words, a full stop after a cell's last word ("Gender."),
//! a dash glued before a word, a doubted number ("5?") strayed in.
//! No cell of a plan prints these alone, so in the text cells of OCR'd
//! rows (node, indicator, unit, notes) they go. Value cells are left as
//! read: there a "-" is a blank target.

use crate::extract::ocr::{is_doubted_number, is_lone_stroke};
use crate::parse::unit::{canonical, is_known};
use crate::parse::header::Role;
use crate::parse::label::printed_label;
use crate::reflow::{Row, Table};

/// The text cells cleaned.
const TEXT_ROLES: [Role; 4] = [Role::Indicator, Role::Unit, Role::Note, Role::Responsible];

/// Marks that never stand alone as a word of a text cell.
fn is_mark_only(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, '.' | ',' | ':' | ';' | '-' | '\u{2013}' | '\u{2014}' | '\'' | '"' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '_' | '=' | '~' | '|' | '\u{2022}' | '\u{b7}' | '\u{a9}' | '\u{a3}' | '\u{a2}' | '\u{a5}' | '\u{a7}' | '\u{a4}' | '\u{b0}' | '*'))
}

/// Quote marks glued to a cell's first word, or to its last with none
/// opened: specks read as quotes (or as a copyright sign).
const GLUED_QUOTES: &[char] = &['\'', '"', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{a9}'];

/// A speck read as a lone "i" or "a", with marks after it or not ("a,"):
/// neither is a word of a plan's text.
fn is_lone_letter(w: &str) -> bool {
    matches!(w.trim_end_matches(['.', ',', ':', ';']), "i" | "a")
}

/// One text cell cleaned: mark-only words and lone "i"/"a" dropped
/// anywhere, a stroke before a capitalised first word or after a
/// lowercase last one dropped, quotes off the first word and unopened
/// ones off the last, specks read as full stops taken off or parting two
/// words, and a capital misread in a sentence made small (each step says
/// why below).
pub fn clean(text: &str) -> String {
    let mut words: Vec<&str> = text
        .split_whitespace()
        // A doubted number ("5?") in a text cell is a value's fragment.
        .filter(|w| !is_mark_only(w) && !is_lone_letter(w) && !is_doubted_number(w))
        .map(|w| match w.strip_prefix('-') {
            // A dash glued before a lowercase word ("-lingkungan").
            Some(rest) if rest.chars().next().is_some_and(char::is_lowercase) => rest,
            _ => w,
        })
        .collect();
    if words.len() >= 2 && is_lone_stroke(words[0]) && words[1].chars().next().is_some_and(char::is_uppercase) {
        words.remove(0);
    }
    // A list's bullet "•" before a capitalised first word, read as "+",
    // "»", "«" or "°" (a "+" amid words, "12 bulanan + 1 tahunan", stays);
    // or an item's number "5)" with its digit so misread ("») Volume"):
    // the number is lost either way, the text is the indicator's.
    let misread_mark = |w: &str| matches!(w.strip_suffix(')').unwrap_or(w), "+" | "»" | "«" | "°");
    if words.len() >= 2 && misread_mark(words[0]) && words[1].chars().next().is_some_and(char::is_uppercase) {
        words.remove(0);
    }
    // And after a lowercase last word ("... yang ditanam I"); a numeral
    // after a capital ("Tahap I") stays.
    if words.len() >= 2 && is_lone_stroke(words[words.len() - 1]) && words[words.len() - 2].chars().next().is_some_and(char::is_lowercase) {
        words.pop();
    }
    if let Some(first) = words.first_mut() {
        let trimmed = first.trim_start_matches(GLUED_QUOTES);
        if !trimmed.is_empty() {
            *first = trimmed;
        }
    }
    // A speck read as a full stop or colon after the last word ("Gender.",
    // "Panti Sosial:"): a cell of a plan ends without one. An abbreviation
    // ("Kab.", "dll.") keeps it.
    if let Some(last) = words.last_mut() {
        let stem = last.strip_suffix(['.', ':', ';']).unwrap_or(last);
        if stem.len() < last.len() && stem.chars().count() >= 4 && stem.chars().all(char::is_alphabetic) {
            *last = stem;
        }
    }
    // A closing quote after the last word that no quote opened
    // ("Praktikum Sekolah\u{2019}").
    let opened = words.iter().any(|w| w.starts_with(GLUED_QUOTES));
    if let Some(last) = words.last_mut() {
        let stem = last.trim_end_matches(GLUED_QUOTES);
        if !opened && stem.len() < last.len() && stem.chars().count() >= 2 && stem.chars().all(char::is_alphabetic) {
            *last = stem;
        }
    }
    // And after a word the sentence goes on from in lowercase ("gizi
    // buruk yang. mendapat", "merealisasikan: investasi"), or a long word
    // a name goes on from ("Koordinasi Kewenangan. Kabupaten/Kota"): no
    // cell of a plan holds two sentences, and abbreviations are short.
    for k in 0..words.len().saturating_sub(1) {
        let stem = words[k].strip_suffix(['.', ':', ';']).unwrap_or(words[k]);
        let next = words[k + 1].chars().next();
        let goes_on = next.is_some_and(char::is_lowercase) && stem.chars().count() >= 3 && stem.chars().all(char::is_lowercase);
        let name_goes_on = next.is_some_and(char::is_uppercase) && stem.chars().count() >= 5 && stem.chars().all(char::is_alphabetic);
        if stem.len() < words[k].len() && (goes_on || name_goes_on) {
            words[k] = stem;
        }
    }
    let mut out = String::with_capacity(text.len());
    for (k, &w) in words.iter().enumerate() {
        if !out.is_empty() {
            out.push(' ');
        }
        if k > 0 && k + 1 < words.len() && is_capital_misread_in_sentence(words[k - 1], w, words[k + 1]) {
            out.extend(w.chars().next().into_iter().flat_map(char::to_lowercase));
            out.push_str(&w[1..]);
            continue;
        }
        match glued_by_a_speck(w).or_else(|| numeral_glued_to_dan(w)) {
            Some((left, right)) => {
                out.push_str(left);
                out.push(' ');
                out.push_str(right);
            }
            None => out.push_str(w),
        }
    }
    out
}

/// A roman numeral run into the "dan" after it ("Semester Idan II",
/// "Tahap IIdan III"): OCR loses the narrow space after an I. No word
/// opens so; the numeral and "dan" apart.
fn numeral_glued_to_dan(w: &str) -> Option<(&str, &str)> {
    let numeral = w.strip_suffix("dan")?;
    matches!(numeral, "I" | "II" | "III" | "IV" | "V").then_some((numeral, "dan"))
}

/// Letters whose capital is their small letter drawn larger: Tesseract
/// tells them apart by height alone, and gets it wrong on a scan.
const SAME_SHAPE_IN_CAPITAL: &[char] = &['C', 'K', 'O', 'S', 'U', 'V', 'W', 'X', 'Z'];

/// A word in lowercase read with a capital ("media Komunikasi publik",
/// "aparatur Sipil negara"): its first letter one whose capital has the
/// small letter's shape, the rest small letters, between two words in
/// lowercase. A name in a sentence ("di Kabupaten Sleman") has a capital
/// beside it, and an acronym ("SKPD") more capitals.
fn is_capital_misread_in_sentence(before: &str, word: &str, after: &str) -> bool {
    let lowercase_word = |w: &str| w.chars().next().is_some_and(char::is_lowercase) && w.chars().all(char::is_alphabetic);
    let mut chars = word.chars();
    let shaped = chars.next().is_some_and(|c| SAME_SHAPE_IN_CAPITAL.contains(&c));
    shaped && word.len() >= 3 && chars.all(|c| c.is_lowercase()) && lowercase_word(before) && lowercase_word(after.trim_end_matches(['.', ',']))
}

/// Two words a speck between them joined into one as a full stop
/// ("ibu.hamil", "Pengelolaan.Pelayanan", "Kewenangan.Daerah"): the two
/// halves, when the left one is a word in lowercase or a long one (an
/// abbreviation is short and capitalised: "Kab.Banyumas" stays) and the
/// right one starts with a word. One full stop only: an address
/// ("dinkes.kebumenkab.go.id") keeps its own.
fn glued_by_a_speck(w: &str) -> Option<(&str, &str)> {
    let (left, right) = w.split_once('.')?;
    let letters = left.chars().count();
    let left_is_word = letters >= 3 && left.chars().all(char::is_alphabetic) && left.ends_with(char::is_lowercase);
    let long_or_lowercase = letters >= 5 || left.starts_with(char::is_lowercase);
    let right_is_word = right.chars().take_while(|c| c.is_alphabetic()).count() >= 3 && !right.contains('.');
    (left_is_word && long_or_lowercase && right_is_word).then_some((left, right))
}

/// A node cell cleaned after its label ("Sub Kegiatan 1 a Pelaksanaan ...").
fn clean_node(text: &str) -> String {
    let label = printed_label(text).unwrap_or("");
    let at = if label.is_empty() { 0 } else { text.find(label).map_or(0, |i| i + label.len()) };
    let (head, rest) = text.split_at(at);
    let rest = clean(rest);
    match (head.trim().is_empty(), rest.is_empty()) {
        (true, _) => rest,
        (false, true) => head.trim().to_string(),
        (false, false) => format!("{} {rest}", head.trim()),
    }
}

/// The table with the text cells of rows on `ocr_pages` cleaned; `None`
/// when no row is on one.
pub fn cleaned(table: &Table, ocr_pages: &[u32]) -> Option<Table> {
    if !table.rows.iter().any(|r| ocr_pages.contains(&r.page)) {
        return None;
    }
    let mut out = table.clone();
    for row in out.rows.iter_mut().filter(|r| ocr_pages.contains(&r.page)) {
        clean_row(row);
    }
    Some(out)
}

fn clean_row(row: &mut Row) {
    if let Some(node) = row.node.as_mut() {
        *node = clean_node(node);
    }
    for (role, text) in row.cells.iter_mut().filter(|(r, _)| TEXT_ROLES.contains(r)) {
        *text = clean(text);
        if *role == Role::Unit {
            *text = clean_unit(text);
        }
        if *role == Role::Indicator {
            *text = small_letter_numbering(text);
        }
    }
}

/// An indicator lettered "a.", "b.", "c." with its letter read as a
/// capital of the same shape ("C. Jumlah sekolah ..."): the small letter
/// back, so the numbering comes off the text as the other letters' does.
fn small_letter_numbering(text: &str) -> String {
    let mut chars = text.chars();
    let (Some(letter), Some(mark), Some(' ')) = (chars.next(), chars.next(), chars.next()) else { return text.to_string() };
    let opens_sentence = chars.next().is_some_and(char::is_uppercase);
    if SAME_SHAPE_IN_CAPITAL.contains(&letter) && matches!(mark, '.' | ')') && opens_sentence {
        return format!("{}{}", letter.to_ascii_lowercase(), &text[1..]);
    }
    text.to_string()
}

/// A unit cell cleaned further: a stroke after it is its cell's right
/// border ("Batang I", "Rumah Tangga I"; no unit ends in a numeral), a
/// full stop after it a speck ("per 1.000 KH."; no unit ends with one,
/// where a text cell's last word may be an abbreviation), and a "%" read
/// as "Ya" or "Y" is the sign (`parse::unit::is_percent_misread`).
fn clean_unit(unit: &str) -> String {
    let mut words: Vec<&str> = unit.split_whitespace().collect();
    if words.len() >= 2 && words.last().is_some_and(|w| is_lone_stroke(w)) {
        words.pop();
    }
    if let Some(last) = words.last_mut() {
        if let Some(stem) = last.strip_suffix('.').filter(|s| s.chars().any(char::is_alphabetic)) {
            *last = stem;
        }
    }
    let unit = words.join(" ");
    // A known unit parted by a speck read as a gap ("pred ikat", "perse
    // ntase"): its pieces together, when they make one and the cell as
    // read makes none ("Rumah Tangga" stays two words).
    let joined = words.concat();
    if words.len() >= 2 && !is_known(&canonical(&unit)) && is_known(&canonical(&joined)) {
        return joined;
    }
    if crate::parse::unit::is_percent_misread(&unit) {
        "%".to_string()
    } else {
        unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specks_strokes_and_glued_quotes_go() {
        assert_eq!(clean("Persentase ibu hamil sesuai standar ."), "Persentase ibu hamil sesuai standar");
        assert_eq!(clean("Persentase PMKS yang tertangani -"), "Persentase PMKS yang tertangani");
        assert_eq!(clean("\u{2018}Persentase penurunan timbulan sampah"), "Persentase penurunan timbulan sampah");
        assert_eq!(clean("Meningkatnya iklim investasi i yang kondusif"), "Meningkatnya iklim investasi yang kondusif");
        assert_eq!(clean("I Penanggulangan Pencemaran"), "Penanggulangan Pencemaran");
        assert_eq!(clean("Indeks Pembangunan Gender."), "Indeks Pembangunan Gender");
        assert_eq!(clean("Persentase penurunan timbulan sampah 5?"), "Persentase penurunan timbulan sampah");
        assert_eq!(clean("Jumlah pengaduan pencemaran -lingkungan"), "Jumlah pengaduan pencemaran lingkungan");
        assert_eq!(clean("Pemerintah Kab."), "Pemerintah Kab.");
        assert_eq!(clean("a, Penyediaan Permakanan"), "Penyediaan Permakanan");
        assert_eq!(clean("Pengemis di Luar Panti Sosial:"), "Pengemis di Luar Panti Sosial");
        assert_eq!(clean("balita gizi buruk yang. mendapat perawatan"), "balita gizi buruk yang mendapat perawatan");
        assert_eq!(clean("investor yang merealisasikan: investasi"), "investor yang merealisasikan investasi");
        assert_eq!(clean("\u{b0} Administrasi Umum"), "Administrasi Umum");
        // A bullet read as "+" or "»" before the indicator; a "+" amid words stays.
        assert_eq!(clean("+ Jumlah KTP-el yang dicetak"), "Jumlah KTP-el yang dicetak");
        assert_eq!(clean("» Jumlah akta kelahiran yang diterbitkan"), "Jumlah akta kelahiran yang diterbitkan");
        assert_eq!(clean("12 bulanan + 1 tahunan"), "12 bulanan + 1 tahunan");
        // A full stop before a capital, or after an abbreviation, stays.
        assert_eq!(clean("Pemerintah Kab. Sleman"), "Pemerintah Kab. Sleman");
        assert_eq!(clean("sarana, prasarana dan alat"), "sarana, prasarana dan alat");
        // Words and numerals that are text stay.
        assert_eq!(clean("Persentase sekolah dengan akreditasi minimal B"), "Persentase sekolah dengan akreditasi minimal B");
        assert_eq!(clean("Pembinaan Tahap I"), "Pembinaan Tahap I");
        assert_eq!(clean("Jumlah bibit tanaman yang ditanam I"), "Jumlah bibit tanaman yang ditanam");
        assert_eq!(clean("Pengelolaan Taman Keanekaragaman Hayati \u{a3}"), "Pengelolaan Taman Keanekaragaman Hayati");
        assert_eq!(clean("Jumlah e-KTP (elektronik) 10%"), "Jumlah e-KTP (elektronik) 10%");
        assert_eq!(clean("Koordinasi Kewenangan. Kabupaten/Kota"), "Koordinasi Kewenangan Kabupaten/Kota");
        assert_eq!(clean("Ruang Praktikum Sekolah\u{2019}"), "Ruang Praktikum Sekolah");
        assert_eq!(clean("Rehabilitasi Sosial *"), "Rehabilitasi Sosial");
        // A quoted word keeps its quotes; an abbreviation its full stop.
        assert_eq!(clean("Predikat \u{201c}BB\u{201d}"), "Predikat \u{201c}BB\u{201d}");
        assert_eq!(clean("Dinas Kab. Sleman"), "Dinas Kab. Sleman");
    }

    #[test]
    fn a_capital_of_the_small_letters_shape_in_a_sentence_is_a_small_letter() {
        assert_eq!(clean("Jumlah media Komunikasi publik yang dikelola"), "Jumlah media komunikasi publik yang dikelola");
        assert_eq!(clean("aparatur Sipil negara"), "aparatur sipil negara");
        // Names, acronyms, other capitals, and a cell's edges stay.
        assert_eq!(clean("wisatawan di Kabupaten Sleman"), "wisatawan di Kabupaten Sleman");
        assert_eq!(clean("akuntansi SKPD yang"), "akuntansi SKPD yang");
        assert_eq!(clean("jumlah Desa wisata"), "jumlah Desa wisata");
        assert_eq!(clean("bantuan Operasional"), "bantuan Operasional");
    }

    #[test]
    fn a_speck_read_as_a_full_stop_between_two_words_parts_them() {
        assert_eq!(clean("Persentase ibu.hamil yang"), "Persentase ibu hamil yang");
        assert_eq!(clean("Pengelolaan.Pelayanan Kesehatan"), "Pengelolaan Pelayanan Kesehatan");
        assert_eq!(clean("Kewenangan.Kabupaten/Kota"), "Kewenangan Kabupaten/Kota");
        // Abbreviations, decimals and addresses keep their full stops.
        assert_eq!(clean("Pemerintah Kab.Banyumas"), "Pemerintah Kab.Banyumas");
        assert_eq!(clean("Prov.Jawa Tengah"), "Prov.Jawa Tengah");
        assert_eq!(clean("laman dinkes.kebumenkab.go.id"), "laman dinkes.kebumenkab.go.id");
        assert_eq!(clean("Permendagri No.86 Tahun 2017"), "Permendagri No.86 Tahun 2017");
    }

    #[test]
    fn a_letter_numbering_read_as_a_capital_is_a_small_letter() {
        assert_eq!(small_letter_numbering("C. Jumlah sekolah"), "c. Jumlah sekolah");
        assert_eq!(small_letter_numbering("S) Jumlah desa"), "s) Jumlah desa");
        // Not before a sentence, or a letter of its own capital shape.
        assert_eq!(small_letter_numbering("C. jumlah"), "C. jumlah");
        assert_eq!(small_letter_numbering("A. Jumlah"), "A. Jumlah");
        assert_eq!(small_letter_numbering("CV Jaya"), "CV Jaya");
    }

    #[test]
    fn a_numeral_run_into_dan_is_parted() {
        assert_eq!(clean("Penyajian Data Kependudukan Semester Idan II"), "Penyajian Data Kependudukan Semester I dan II");
        assert_eq!(clean("Tahap IIdan III"), "Tahap II dan III");
        // An item's number read as a mark before its parenthesis.
        assert_eq!(clean("») Volume air limbah"), "Volume air limbah");
        assert_eq!(clean("2) Volume"), "2) Volume");
        // A word that ends so is no numeral.
        assert_eq!(clean("Kegiatan Pidan lainnya"), "Kegiatan Pidan lainnya");
    }

    #[test]
    fn a_unit_cell_read_ya_is_a_percent_sign() {
        let mut row = Row::default();
        row.set(Role::Unit, "Ya".to_string());
        row.set(Role::Note, "Ya".to_string());
        clean_row(&mut row);
        assert_eq!((row.get(Role::Unit), row.get(Role::Note)), (Some("%"), Some("Ya")));
        // Its lower ring lost: "Y" alone.
        let mut row = Row::default();
        row.set(Role::Unit, "Y".to_string());
        clean_row(&mut row);
        assert_eq!(row.get(Role::Unit), Some("%"));
    }

    #[test]
    fn a_stroke_after_a_unit_is_its_border() {
        assert_eq!(clean_unit("Batang I"), "Batang");
        assert_eq!(clean_unit("Rumah Tangga I"), "Rumah Tangga");
        assert_eq!(clean_unit("Unit"), "Unit");
        assert_eq!(clean_unit("per 1.000 KH."), "per 1.000 KH");
    }

    #[test]
    fn a_known_unit_parted_by_a_speck_is_one_word() {
        assert_eq!(clean_unit("pred ikat"), "predikat");
        assert_eq!(clean_unit("perse ntase"), "persentase");
        assert_eq!(clean_unit("Rumah Tangga"), "Rumah Tangga");
        assert_eq!(clean_unit("Pelaku Usaha"), "Pelaku Usaha");
    }

    #[test]
    fn a_node_is_cleaned_after_its_label() {
        assert_eq!(clean_node("Sub Kegiatan 1 a Pelaksanaan Kegiatan Promosi"), "Sub Kegiatan 1 Pelaksanaan Kegiatan Promosi");
        assert_eq!(clean_node("Kegiatan 2 I Penanggulangan Pencemaran ."), "Kegiatan 2 Penanggulangan Pencemaran");
        assert_eq!(clean_node("Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah ."), "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah");
    }
}
