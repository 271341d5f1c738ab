//! Words Tesseract misread once that the document prints right many times.
//!
//! A plan repeats its words: "Jumlah" opens half the indicators, "Daerah"
//! ends most names. Tesseract misreads a few of those copies the way it
//! always does, one glyph for a like-shaped one ("Jumiah", "modai",
//! "Disahilitas", "Daerali", "Arigkutan") or a letter at either end lost
//! ("Pemerinta", "eningkatnya"). Such a word is put right when the
//! document itself prints the right word often (at least [`MIN_COUNT`]
//! times, and [`MIN_RATIO`] times as often as the misreading), the two
//! differ by one such confusion only, and one word alone fits. No outside
//! dictionary: a word the document does not repeat is left as read.

use super::OcrPage;
use std::collections::HashMap;

/// How often the document must print the right word.
const MIN_COUNT: usize = 3;
/// And how many times more often than the misreading (a held-out scan
/// read "Jumlah" five times and "Jumiah" twice).
const MIN_RATIO: usize = 2;
/// Words shorter than this are not touched: short words differ by one
/// glyph too often ("dan", "dari").
const MIN_LEN: usize = 5;
/// But a right word may be shorter: a two-glyph misreading of one glyph
/// makes a short word long enough ("yarig" for "yang").
const MIN_RIGHT_LEN: usize = 4;

/// A word read without its last letter is put right only from this length.
const MIN_LEN_TRUNCATED: usize = 7;

/// Glyphs Tesseract takes for each other (either way).
const CONFUSIONS: &[(&str, &str)] = &[("i", "l"), ("h", "b"), ("li", "h"), ("rn", "m"), ("ri", "n"), ("cl", "d"), ("I", "l"), ("e", "c"), ("n", "u")];

/// Puts right, across all OCR'd pages, the words misread as described above.
pub fn correct_misreadings(pages: &mut [OcrPage]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for w in pages.iter().flat_map(|p| p.lines.iter().flat_map(|l| l.words.iter())) {
        if let Some(core) = letters_core(&w.text, MIN_RIGHT_LEN) {
            *counts.entry(core.to_string()).or_default() += 1;
        }
    }
    let fixes: HashMap<String, String> = counts
        .iter()
        .filter(|(word, _)| word.chars().count() >= MIN_LEN)
        .filter_map(|(word, &n)| right_word(word, n, &counts).map(|right| (word.clone(), right)))
        .collect();
    if fixes.is_empty() {
        return;
    }
    if std::env::var_os("RENCANA_DEBUG").is_some() {
        eprintln!("misreadings put right: {fixes:?}");
    }
    for w in pages.iter_mut().flat_map(|p| p.lines.iter_mut().flat_map(|l| l.words.iter_mut())) {
        let Some(core) = letters_core(&w.text, MIN_LEN) else { continue };
        if let Some(right) = fixes.get(core) {
            w.text = w.text.replacen(core, right, 1);
        }
    }
}

/// The word without the punctuation around it, when it is letters only,
/// `min_len` of them at least.
fn letters_core(text: &str, min_len: usize) -> Option<&str> {
    let core = text.trim_matches(|c: char| !c.is_alphanumeric());
    (core.chars().count() >= min_len && core.chars().all(char::is_alphabetic)).then_some(core)
}

/// The one word the document prints often that `word` (printed `n` times)
/// is a misreading of.
fn right_word(word: &str, n: usize, counts: &HashMap<String, usize>) -> Option<String> {
    let often = |c: &str| counts.get(c).is_some_and(|&m| m >= MIN_COUNT && m >= MIN_RATIO * n);
    let mut found: Vec<String> = Vec::new();
    for (a, b) in CONFUSIONS.iter().flat_map(|&(a, b)| [(a, b), (b, a)]) {
        for (at, _) in word.match_indices(a) {
            let candidate = format!("{}{}{}", &word[..at], b, &word[at + a.len()..]);
            if often(&candidate) && !found.contains(&candidate) {
                found.push(candidate);
            }
        }
    }
    // The last letter lost, in a long word only: short words that differ
    // by a last letter are often both words ("bidan", "bidang"). Or the
    // first, at a cell's edge ("eningkatnya" for "Meningkatnya"): a word
    // opening in lowercase that a frequent word ends with.
    let long = word.chars().count() >= MIN_LEN_TRUNCATED;
    let lower_start = word.chars().next().is_some_and(char::is_lowercase);
    let last_lost = |c: &str| c.len() == word.len() + 1 && c.starts_with(word);
    let first_lost = |c: &str| lower_start && c.chars().count() == word.chars().count() + 1 && c.ends_with(word);
    for (candidate, _) in counts.iter().filter(|(c, _)| long && (last_lost(c) || first_lost(c))) {
        if often(candidate) && !found.contains(candidate) {
            found.push(candidate.clone());
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Line, Word};

    fn page(text: &str) -> OcrPage {
        let lines = text
            .lines()
            .map(|l| Line {
                words: l.split_whitespace().map(|w| Word { text: w.to_string(), x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0 }).collect(),
                open_end: false,
            })
            .collect();
        OcrPage { number: 1, lines, rulings: Vec::new() }
    }

    fn text(p: &OcrPage) -> Vec<String> {
        p.lines.iter().map(|l| l.text()).collect()
    }

    #[test]
    fn a_word_misread_once_is_put_right_by_its_many_copies() {
        let mut pages = [page(
            "Jumlah konten\nJumlah media\nJumlah sampah\nJumiah rambu\nKewenangan Daerah\nDaerah Kabupaten\nPemerintah Daerah\nKewenangan Daerali.\nInstansi Pemerinta\nPemerintah Pusat\nPemerintah Desa",
        )];
        correct_misreadings(&mut pages);
        let t = text(&pages[0]);
        assert_eq!(t[3], "Jumlah rambu");
        assert_eq!(t[7], "Kewenangan Daerah.");
        assert_eq!(t[8], "Instansi Pemerintah");
        let mut pages = [page("Jumlah a\nJumlah b\nJumlah c\nJumlah d\nJumlah e\nJumiah f\nJumiah g")];
        correct_misreadings(&mut pages);
        assert_eq!(text(&pages[0])[6], "Jumlah g");
        let mut pages = [page("Angkutan umum yang\nAngkutan barang yang\nAngkutan sekolah yang\nArigkutan kota yarig")];
        correct_misreadings(&mut pages);
        assert_eq!(text(&pages[0])[3], "Angkutan kota yang");
    }

    #[test]
    fn a_frequent_word_read_without_its_first_letter_is_put_right() {
        let mut pages = [page("Meningkatnya akses\nMeningkatnya mutu\nMeningkatnya kualitas\neningkatnya perlindungan\nmerata\nmerata\nmerata\nerata")];
        correct_misreadings(&mut pages);
        let t = text(&pages[0]);
        assert_eq!(t[3], "Meningkatnya perlindungan");
        // A short word is left: too many words end as another does.
        assert_eq!(t[7], "erata");
    }

    #[test]
    fn words_the_document_does_not_repeat_or_that_fit_two_words_stay() {
        // "pelayaran" is a word of its own: r for n is no OCR confusion.
        let mut pages = [page("pelayanan publik\npelayanan dasar\npelayanan umum\npelayaran laut\nJumlah\nJumiah")];
        correct_misreadings(&mut pages);
        let t = text(&pages[0]);
        assert_eq!(t[3], "pelayaran laut");
        // "Jumlah" printed once: not often enough to overrule.
        assert_eq!(t[5], "Jumiah");
        // A short word one letter short of a frequent one is a word too.
        let mut pages = [page("bidang kesehatan\nbidang sosial\nbidang umum\nbidan desa")];
        correct_misreadings(&mut pages);
        assert_eq!(text(&pages[0])[3], "bidan desa");
    }
}
