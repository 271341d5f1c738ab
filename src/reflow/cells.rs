//! Cell text: joining the wrapped lines of a cell into one string.
//!
//! A word too long for its cell is cut without a hyphen ("Kemandiria" / "n",
//! "Pengang" / "garan"). Whether two pieces are one word is decided from the
//! document's own vocabulary (the joined word is printed whole elsewhere)
//! or, for a one- or two-letter lowercase tail that is no word by itself,
//! from its shape. Spelling is otherwise kept as printed.

use std::collections::HashMap;

/// Short lowercase words that stand alone at the start of a wrapped line.
const SHORT_WORDS: &[&str] = &["di", "ke", "ya", "se", "si", "sd", "mi", "tk", "km", "m2", "rp", "kk", "no"];

/// The lowercase letter runs of a document, to recognise words cut in two.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Word → how often it is printed. A fragment of a cut word is printed
    /// once (where it was cut); a real word usually more often.
    words: HashMap<String, usize>,
    /// All words concatenated, for "appears inside a longer word" checks.
    text: String,
}

impl Vocabulary {
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words: HashMap<String, usize> = HashMap::new();
        // Most words are printed more than once: lowercased into one
        // buffer, a word is copied only the first time it is seen.
        let mut lower = String::new();
        for t in texts {
            for w in letter_runs(t) {
                if w.chars().count() >= 3 {
                    lower.clear();
                    if w.is_ascii() {
                        lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
                    } else {
                        lower.push_str(&w.to_lowercase());
                    }
                    match words.get_mut(lower.as_str()) {
                        Some(n) => *n += 1,
                        None => {
                            words.insert(lower.clone(), 1);
                        }
                    }
                }
            }
        }
        let mut all: Vec<&String> = words.keys().collect();
        all.sort();
        let text = all.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
        Vocabulary { words, text }
    }

    /// True when `w` (lowercase) is printed whole somewhere (as a word or
    /// inside one, e.g. "rehabilitasi" inside "direhabilitasi").
    fn knows(&self, w: &str) -> bool {
        self.words.contains_key(w) || (w.chars().count() >= 7 && self.text.contains(w)) || self.knows_root_of(w)
    }

    /// True when `w` is a printed word with an Indonesian prefix or suffix
    /// added ("penganggaran" from "anggaran"): affixed forms are often
    /// printed only once.
    fn knows_root_of(&self, w: &str) -> bool {
        const PREFIXES: &[&str] = &["meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "ber", "ter", "di", "ke", "se"];
        const SUFFIXES: &[&str] = &["kan", "an", "nya", "i"];
        let root_known = |r: &str| r.chars().count() >= 5 && self.words.contains_key(r);
        // Nouns in -ivitas from adjectives in -if ("produktivitas" from
        // "produktif", "efektivitas" from "efektif").
        let from_adjective = w.strip_suffix("ivitas").is_some_and(|r| root_known(&format!("{r}if")));
        from_adjective
            || PREFIXES.iter().filter_map(|p| w.strip_prefix(p)).any(|r| root_known(r) || SUFFIXES.iter().filter_map(|s| r.strip_suffix(s)).any(root_known))
            || SUFFIXES.iter().filter_map(|s| w.strip_suffix(s)).any(root_known)
    }

    /// True when `w` is printed more than once: a word in its own right,
    /// not only the piece of a cut word.
    fn is_word(&self, w: &str) -> bool {
        self.words.get(&w.to_lowercase()).is_some_and(|&n| n >= 2)
    }
}

fn letter_runs(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty())
}

/// True when the line break between `left` (end of a line) and `right`
/// (start of the next) cuts one word in two.
pub fn is_cut_word(left: &str, right: &str, vocab: &Vocabulary) -> bool {
    let tail = match left.rsplit(|c: char| !c.is_alphabetic()).next() {
        Some(t) if !t.is_empty() && left.ends_with(|c: char| c.is_alphabetic()) => t,
        _ => return false,
    };
    let head = match right.split(|c: char| !c.is_alphabetic()).next() {
        Some(h) if !h.is_empty() => h,
        _ => return false,
    };
    // "Pengelolaan" / "e-government": a piece joined to more by a hyphen
    // opens a word of its own, never a cut word's tail.
    if right[head.len()..].starts_with('-') {
        return false;
    }
    // "... pemerintahan" / "a. Jumlah rapat": a letter numbering an
    // item opens the next indicator, never a cut word's tail.
    if right.split_whitespace().next().is_some_and(crate::parse::label::is_letter_numbering) {
        return false;
    }
    if is_capitals(tail) && is_capitals(head) {
        return is_cut_capitals(tail, head, vocab);
    }
    if !head.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    // Any one of the rules below tells a cut; the ones that look nothing
    // up go first.
    // "Meningkat" / "nya": the enclitic -nya never stands alone.
    if head == "nya" && tail.chars().count() >= 3 {
        return true;
    }
    // "Pengemba" / "ngan", "Purbali" / "ngga": no Indonesian word opens
    // with "ng" and a consonant or "nga"+consonant; a word cut after a
    // vowel, before the syllable "nga"/"ngan", leaves one.
    if tail.ends_with(|c: char| "aiueo".contains(c)) && opens_with_cut_ng(head) {
        return true;
    }
    // "Kemandiria" / "n": a one- or two-letter tail that is no word.
    if head.chars().count() <= 2 && !SHORT_WORDS.contains(&head) && tail.chars().count() >= 3 {
        return true;
    }
    let joined = format!("{tail}{head}").to_lowercase();
    // "diuji di" / "laboratorium": a short word ending a line stands alone;
    // a word is cut only where it is longer than its cell, so its first
    // piece fills a line and is never a two-letter preposition.
    let tail_is_word = SHORT_WORDS.contains(&tail.to_lowercase().as_str()) || vocab.is_word(tail);
    // "Rekomenda" / "si": a tail that happens to be a short word ("si")
    // still ends a word the document prints whole, when the piece before
    // it is no word.
    if SHORT_WORDS.contains(&head) && !tail_is_word && tail.chars().count() >= 4 && vocab.words.contains_key(&joined) {
        return true;
    }
    let head_is_word = SHORT_WORDS.contains(&head) || vocab.is_word(head);
    if head_is_word {
        return false;
    }
    // The two pieces make a word the document prints whole.
    if vocab.words.contains_key(&joined) {
        return true;
    }
    !tail_is_word && vocab.knows(&joined)
}

fn is_capitals(s: &str) -> bool {
    s.chars().all(char::is_uppercase)
}

/// A name in capitals cut at its cell's edge ("PENGEMBANGA" / "N",
/// "KEMASYARAKAT" / "AN", "KABUPATEN/KOT" / "A"): the two pieces make a
/// word the document prints (in any case), and the second is no word of
/// its own. Capitals carry no lowercase tail to tell a cut by, and a cut
/// repeats wherever the same name is printed in the same column, so the
/// first piece may be printed more than once: the joined word decides.
/// A roman numeral ("TAHAP" / "II") is a word.
fn is_cut_capitals(tail: &str, head: &str, vocab: &Vocabulary) -> bool {
    let head_lower = head.to_lowercase();
    let roman = head.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if tail.chars().count() < 3 || roman || SHORT_WORDS.contains(&head_lower.as_str()) || vocab.is_word(head) {
        return false;
    }
    // A lone capital opening a line is no word of a name, unless it is a
    // class letter ("TIPE" / "B") or a numeral: the last letter of a word
    // too long for its cell ("PENGEMBANGA" / "N", printed whole nowhere).
    if head.chars().count() == 1 && !matches!(head, "A" | "B" | "C" | "D" | "I" | "V" | "X") {
        return true;
    }
    let joined = format!("{tail}{head}").to_lowercase();
    vocab.words.contains_key(&joined) || vocab.knows(&joined)
}

/// "ngan", "ngga", "nggal": a syllable that opens no Indonesian word (the
/// few words in "ng" are "ngeri", "ngarai", "nganga" and the like, which
/// go on with a vowel and a consonant other than n).
fn opens_with_cut_ng(head: &str) -> bool {
    // (Only "n" and its lowercase forms open a lowercase head so.)
    if !head.starts_with(['n', 'N']) && head.is_ascii() {
        return false;
    }
    let h = head.to_lowercase();
    h.starts_with("ngg") || (h.starts_with("ngan") && (h.len() == 4 || !h[4..].starts_with('g')))
}

/// Joins the lines of one cell: whitespace folded, cut words rejoined.
pub fn join_lines<S: AsRef<str>>(lines: &[S], vocab: &Vocabulary) -> String {
    let mut out = String::new();
    let widest = lines.iter().map(|l| l.as_ref().trim().chars().count()).max().unwrap_or(0);
    let mut prev = "";
    for line in lines {
        // The line folded opens as it does trimmed: the rules below look
        // at its start only, so its words are folded straight into `out`.
        let line = line.as_ref().trim_start();
        if line.is_empty() {
            continue;
        }
        let glued = !out.is_empty()
            && (is_cut_word(&out, line, vocab)
                || out.ends_with('-') && line.starts_with(|c: char| c.is_lowercase())
                // "Bersertifikat" / "/ijin": a slash opens no word.
                || line.starts_with('/') && out.ends_with(|c: char| c.is_alphanumeric())
                // "Gram/Kap/" / "Hari": a line may break after a slash
                // between words, as it does after a hyphen.
                || out.ends_with('/') && !out.ends_with(" /") && line.starts_with(|c: char| c.is_alphanumeric())
                || is_cut_in_slashed_run(prev, line, widest, vocab));
        prev = line;
        for (k, word) in line.split_whitespace().enumerate() {
            if k > 0 || !(out.is_empty() || glued) {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// "(Renja/Renstra/RKA/DPA/Perub" / "ahan-DPA)": words joined by slashes,
/// alone on the cell's widest line, are one token too long for the cell,
/// broken where the cell ends; a lowercase piece that is no word of the
/// document goes on it, though it runs on with a hyphen (which
/// [`is_cut_word`] takes for a word of its own, "e-government"). A run of
/// slashed words broken at a space leaves a line narrower than the cell.
fn is_cut_in_slashed_run(prev: &str, line: &str, widest: usize, vocab: &Vocabulary) -> bool {
    let prev = prev.trim();
    if prev.contains(char::is_whitespace) || !prev.contains('/') || !prev.ends_with(char::is_alphabetic) || prev.chars().count() < widest {
        return false;
    }
    let tail = prev.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let head = line.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    tail.chars().count() >= 2
        && head.starts_with(char::is_lowercase)
        && !SHORT_WORDS.contains(&head)
        && !vocab.is_word(head)
        && !vocab.is_word(tail)
}

/// Whitespace folded to single spaces, trimmed.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(s: &str) -> Vocabulary {
        Vocabulary::from_texts([s])
    }

    #[test]
    fn a_line_broken_after_a_slash_is_rejoined() {
        let v = vocab("");
        assert_eq!(join_lines(&["Gram/Kap/", "Hari"], &v), "Gram/Kap/Hari");
        assert_eq!(join_lines(&["TUJUAN / SASARAN /", "PROGRAM"], &v), "TUJUAN / SASARAN / PROGRAM");
    }

    #[test]
    fn cut_words_in_capitals_are_rejoined() {
        let v = vocab("PROGRAM PENGEMBANGA N KETAHANAN Pengembangan ORGANISASI KEMASYARAKAT AN Kemasyarakatan KABUPATEN/KOT A Kota PENDUDUK DAN KB TAHAP II");
        assert_eq!(join_lines(&["PROGRAM PENGEMBANGA", "N KETAHANAN"], &v), "PROGRAM PENGEMBANGAN KETAHANAN");
        assert_eq!(join_lines(&["ORGANISASI KEMASYARAKAT", "AN"], &v), "ORGANISASI KEMASYARAKATAN");
        assert_eq!(join_lines(&["DAERAH KABUPATEN/KOT", "A"], &v), "DAERAH KABUPATEN/KOTA");
        // Two words: the joined one is printed nowhere, or the second is a numeral.
        assert_eq!(join_lines(&["PENDUDUK DAN", "KB"], &v), "PENDUDUK DAN KB");
        assert_eq!(join_lines(&["TAHAP", "II"], &v), "TAHAP II");
        assert_eq!(join_lines(&["PROGRAM", "KETAHANAN"], &v), "PROGRAM KETAHANAN");
        // A lone last letter, though the word is printed whole nowhere; a class letter stays.
        let v = vocab("PENGEMBANGA N ETIKA RUMAH SAKIT TIPE B");
        assert_eq!(join_lines(&["DAN PENGEMBANGA", "N ETIKA"], &v), "DAN PENGEMBANGAN ETIKA");
        assert_eq!(join_lines(&["RUMAH SAKIT TIPE", "B"], &v), "RUMAH SAKIT TIPE B");
    }

    #[test]
    fn a_run_of_slashed_words_cut_at_the_cells_edge_is_rejoined() {
        let v = vocab("Jumlah dokumen perencanaan perangkat daerah (Renja/Renstra/RKA/DPA/Perub ahan-DPA) dokumen");
        let cut = ["Jumlah dokumen perencanaan", "perangkat daerah", "(Renja/Renstra/RKA/DPA/Perub", "ahan-DPA)"];
        assert_eq!(join_lines(&cut, &v), "Jumlah dokumen perencanaan perangkat daerah (Renja/Renstra/RKA/DPA/Perubahan-DPA)");
        // Broken at a space: the slashed run is no wider than the cell's other lines.
        let v = vocab("Jumlah dokumen perencanaan Renja/Renstra lainnya");
        assert_eq!(join_lines(&["Jumlah dokumen perencanaan", "Renja/Renstra", "lainnya"], &v), "Jumlah dokumen perencanaan Renja/Renstra lainnya");
        // A word of the document opens the next line.
        let v = vocab("Dokumen Renja/Renstra/RKA dokumen");
        assert_eq!(join_lines(&["Renja/Renstra/RKA", "dokumen"], &v), "Renja/Renstra/RKA dokumen");
    }

    #[test]
    fn a_hyphenated_word_on_the_next_line_is_no_cut_words_tail() {
        // "e" alone would be a one-letter tail; "e-government" is a word.
        let v = vocab("Pengelolaan e-government di Lingkup Pemerintah");
        assert_eq!(join_lines(&["Pengelolaan", "e-government di Lingkup"], &v), "Pengelolaan e-government di Lingkup");
        assert_eq!(join_lines(&["Layanan", "e-KTP"], &v), "Layanan e-KTP");
    }

    #[test]
    fn cut_words_are_rejoined() {
        let v = vocab("Meningkatnya Kemandirian,kualita s dan Daya Saing kualitas Kelembagaan");
        assert_eq!(join_lines(&["Meningkatnya", "Kemandirian,kualita", "s dan Daya Saing"], &v), "Meningkatnya Kemandirian,kualitas dan Daya Saing");
        assert_eq!(join_lines(&["kemitraan,kemudaha", "n, Perizinan"], &v), "kemitraan,kemudahan, Perizinan");
        let v = vocab("Pemeliharaan/Rehabil itasi dipelihara/direhabilitasi");
        assert_eq!(join_lines(&["Pemeliharaan/Rehabil", "itasi Gedung"], &v), "Pemeliharaan/Rehabilitasi Gedung");
        let v = vocab("Pemeliharaan Barang By.Pem eliharaan,Pajak,dan");
        assert_eq!(join_lines(&["Jasa Pemeliharaan,By.Pem", "eliharaan,Pajak"], &v), "Jasa Pemeliharaan,By.Pemeliharaan,Pajak");
        let v = vocab("Peningkatan ,Produktivi tas,Nilai usaha yang produktif,bernilai");
        assert_eq!(join_lines(&["Peningkatan ,Produktivi", "tas,Nilai tambah"], &v), "Peningkatan ,Produktivitas,Nilai tambah");
        let v = vocab("Perencanaan,Pengang garan pengelolaan anggaran yang");
        assert_eq!(join_lines(&["Perencanaan,Pengang", "garan, dan"], &v), "Perencanaan,Penganggaran, dan");
        // A letter numbering the next item is no cut word's tail.
        assert_eq!(join_lines(&["administrasi pemerintahan", "a. Jumlah rapat"], &v), "administrasi pemerintahan a. Jumlah rapat");
        // A tail that is a short word ("si") still ends a word printed whole.
        let v = vocab("Jumlah rekomendasi KKPR Rekomenda si");
        assert_eq!(join_lines(&["Rekomenda", "si"], &v), "Rekomendasi");
        assert_eq!(join_lines(&["yang diuji", "di laboratorium"], &v), "yang diuji di laboratorium");
        let v = vocab("Meningkat nya Meningkat Pengemba ngan Purbali ngga Bersertifikat /ijin");
        assert_eq!(join_lines(&["Meningkat", "nya Koperasi"], &v), "Meningkatnya Koperasi");
        assert_eq!(join_lines(&["Pengemba", "ngan, Peningkatan"], &v), "Pengembangan, Peningkatan");
        assert_eq!(join_lines(&["kab.Purbali", "ngga dibagi"], &v), "kab.Purbalingga dibagi");
        assert_eq!(join_lines(&["Bersertifikat", "/ijin"], &v), "Bersertifikat/ijin");
    }

    #[test]
    fn whole_words_stay_apart() {
        let v = vocab("Penyediaan Jasa Surat menyurat yang dilakukan pemeriksaan di daerah");
        assert_eq!(join_lines(&["Penyediaan Jasa Surat", "menyurat"], &v), "Penyediaan Jasa Surat menyurat");
        assert_eq!(join_lines(&["yang telah", "dilakukan  pemeriksaan"], &v), "yang telah dilakukan pemeriksaan");
        let v = vocab("Jumlah sampel yang diuji di laboratorium");
        assert_eq!(join_lines(&["yang diuji di", "laboratorium"], &v), "yang diuji di laboratorium");
        assert_eq!(join_lines(&["Peningkatan Pemahaman dan", "Pengetahuan"], &v), "Peningkatan Pemahaman dan Pengetahuan");
        assert_eq!(join_lines(&["kantor", "di daerah"], &v), "kantor di daerah");
        assert_eq!(join_lines(&["perundang-", "undangan"], &v), "perundang-undangan");
        assert_eq!(join_lines(&["menjadi", "nyata"], &v), "menjadi nyata");
    }
}
