//! Units of measure: the canonical lowercase form and the known set.

use super::function_word::is_function_word;

/// Spellings of "percent" found in plans.
const PERCENT: &[&str] = &["persentase", "persen", "prosen", "prosentase", "presentase", "%"];

/// Units seen across plans; anything else gets an `unknown_unit` warning
/// so an officer checks it (it may be a misread cell).
const KNOWN: &[&str] = &[
    "persen", "orang", "unit", "dokumen", "laporan", "paket", "buah", "bulan", "kali", "jiwa", "kegiatan",
    "angka", "nilai", "indeks", "predikat", "kelompok", "lembaga", "koperasi", "usaha", "tahun", "hari",
    "sekolah", "desa", "kelurahan", "kecamatan", "rupiah", "rp", "km", "meter", "m", "m2", "m3", "ha", "ton", "kg",
    "lokasi", "titik", "set", "layanan", "aplikasi", "sistem", "kasus", "keluarga", "kk", "rumah", "ruang",
    "event", "festival", "poin", "skor", "level", "rasio", "opd", "perda", "perkara", "pelaku", "sertifikat",
    "izin", "produk", "pasar", "peserta", "anak", "siswa", "guru", "pegawai", "asn", "kendaraan", "gedung",
    "judul", "eksemplar", "berkas", "naskah", "pokmas", "umkm", "ikm", "ukm", "wirausaha", "kawasan", "kategori",
    "pelaku usaha", "rumah tangga", "kepala keluarga", "miliar rupiah", "juta rupiah", "hari kerja", "jam", "menit",
    "minggu", "bidang tanah", "perangkat daerah", "unit kerja",
    // Family planning (Dinas PPKB) counts the acceptors of contraception.
    "akseptor",
    // Per mille: death rates of hospitals (NDR, GDR) per 1.000 patients.
    "‰", "permil", "per mil",
];

/// Canonical form: lowercase, percent spellings → "persen".
pub fn canonical(raw: &str) -> String {
    let u = raw.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if PERCENT.contains(&u.as_str()) {
        "persen".to_string()
    } else {
        u
    }
}

/// A unit cell whose one word was cut at the narrow SATUAN column's edge
/// without a hyphen ("Persent" / "ase", "Kelomp" / "ok"), made whole when
/// the pieces joined are a known unit and the cell as printed is not.
/// Any other text comes back as it is.
pub fn mend_cut_unit(raw: &str) -> std::borrow::Cow<'_, str> {
    let words: Vec<&str> = raw.split_whitespace().collect();
    if let [head, tail] = words.as_slice() {
        let joined = format!("{head}{tail}");
        let cut = tail.starts_with(|c: char| c.is_lowercase()) && joined.chars().all(char::is_alphabetic);
        if cut && !is_known(&canonical(raw)) && is_known(&canonical(&joined)) {
            return std::borrow::Cow::Owned(joined);
        }
    }
    std::borrow::Cow::Borrowed(raw)
}

/// True for a unit in the known set (after [`canonical`]).
pub fn is_known(canonical: &str) -> bool {
    KNOWN.contains(&canonical)
}

/// True for a word in capitals that is the acronym of words the text
/// runs in order ("LHP": "Laporan Hasil Pemeriksaan"; "PD": "perangkat
/// daerah"), or that the text prints in brackets ("(LHP)"): what an
/// indicator counts, named short in a narrow cell.
pub fn is_acronym_of(word: &str, text_words: &[&str]) -> bool {
    let n = word.chars().count();
    if !(2..=6).contains(&n) || !word.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let bracketed = format!("({word})");
    text_words.iter().any(|w| w.trim_end_matches([',', '.', ';']) == bracketed)
        || text_words.windows(n).any(|run| run.iter().zip(word.chars()).all(|(w, c)| w.chars().next().is_some_and(|f| f.to_ascii_uppercase() == c)))
}

/// True for a word that shortens exactly one known unit of one word, three
/// letters at least, its full stop or not ("Dok", "Keg."): a unit cut to
/// fit the cell. ("Kel" may be kelompok, kelurahan or keluarga: none.)
pub fn shortens_known_unit(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) || is_known(&w) {
        return false;
    }
    KNOWN.iter().filter(|k| !k.contains(' ') && k.len() > w.len() && k.starts_with(w.as_str())).count() == 1
}

/// Titles of officials: the first word of a PENANGGUNG JAWAB cell
/// ("Sekretaris", "Kabid Pelayanan", "Kasi Promosi"), never a unit.
const OFFICIAL_TITLES: &[&str] = &[
    "sekretaris", "kepala", "kadis", "kabid", "kabag", "kasi", "kasie", "kasubag", "kasubbag", "kasubid", "seksi", "camat",
    "lurah", "direktur", "inspektur",
];

/// True for a text opening with an official's title ("Kabid Pelayanan
/// Perizinan"): a PENANGGUNG JAWAB cell.
pub fn opens_with_official_title(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|w| OFFICIAL_TITLES.contains(&w.to_lowercase().trim_end_matches('.')))
}

/// True for an indicator named as a percentage ("Persentase ...") with a
/// unit that is not one: no plan of the corpus or the held-out set pairs
/// them (94 such indicators), so a reading that does has put an indicator
/// beside another row's unit.
pub fn contradicts_unit(indicator: &str, unit: &str) -> bool {
    let (_, text) = crate::parse::label::parse_indicator_number(indicator);
    let opener = text.split_whitespace().next().unwrap_or("");
    canonical(opener) == "persen" && !unit.trim().is_empty() && canonical(unit) != "persen"
}

/// True when a word can stand as a unit in a flow dump, where the unit is
/// found as the word just before the targets.
pub fn looks_like_unit(word: &str) -> bool {
    let c = canonical(word);
    is_known(&c) || (c.chars().all(|ch| ch.is_alphabetic() || ch == '/') && (2..=12).contains(&c.chars().count()) && !OFFICIAL_TITLES.contains(&c.as_str()))
}

/// A unit cell read "Y" or "Ya": Tesseract's reading of a lone "%" (its
/// upper ring and stroke a "Y", its lower ring an "a" or lost), of a kind
/// with "Yo" and "Yb" (see `extract::ocr::repair`). "Ya" is a word, so only
/// a whole unit cell, which no plan fills with "yes" or a lone letter, is
/// taken for the sign.
pub fn is_percent_misread(cell: &str) -> bool {
    matches!(cell, "Y" | "Ya")
}

/// True when a word just before values may be the unit cell of a flow
/// dump's row: a word that looks like a unit and is no function word but
/// "per", which opens a rate unit ("per 1.000 KH"). pdftotext prints a
/// wrapped indicator's last word ("pendapatan BLUD terhadap") right before
/// value cells displaced from elsewhere; no conjunction or preposition is
/// a unit. (The positional readers place the unit by its column, where a
/// function word standing in for a misread unit still marks the row.)
pub fn may_be_unit_before_values(word: &str) -> bool {
    looks_like_unit(word) && (!is_function_word(word) || word.trim().eq_ignore_ascii_case("per"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_spellings() {
        for p in ["Persentase", "Persen", "Prosen", "Prosentase", "Presentase", "%", "PERSEN"] {
            assert_eq!(canonical(p), "persen");
        }
        assert_eq!(canonical("Dokumen"), "dokumen");
        // A unit cut at the column's edge is mended; two words are kept.
        assert_eq!(mend_cut_unit("Persent ase"), "Persentase");
        assert_eq!(mend_cut_unit("Kelomp ok"), "Kelompok");
        assert_eq!(mend_cut_unit("Rumah Tangga"), "Rumah Tangga");
        assert_eq!(mend_cut_unit("per tahun"), "per tahun");
        assert_eq!(mend_cut_unit("Orang"), "Orang");
        // Metres, one letter: a bridge's span, a pipe's length.
        assert!(looks_like_unit("M") && is_known(&canonical("M")));
        assert!(is_known("laporan"));
        assert!(!is_known("xyzzy"));
        assert!(looks_like_unit("Investor"));
        assert!(!looks_like_unit("Sekretaris"));
        assert!(!looks_like_unit("Kabid"));
        assert!(!may_be_unit_before_values("terhadap"));
        assert!(may_be_unit_before_values("per"));
        assert!(may_be_unit_before_values("Hektar"));
        assert!(opens_with_official_title("Kasi Promosi"));
        assert!(contradicts_unit("Persentase balita gizi buruk", "Orang"));
        assert!(!contradicts_unit("Prosentase PMKS yang tertangani", "%"));
        assert!(!contradicts_unit("Jumlah ibu hamil", "Persen"));
        assert!(contradicts_unit("2. Persentase guru bersertifikat", "Orang"));
        assert!(!opens_with_official_title("Data BPS"));
    }
}
