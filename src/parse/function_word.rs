//! Function words of Indonesian plan text: the conjunctions and
//! prepositions that stay lowercase inside a title-case name ("Penyediaan
//! Jasa Komunikasi, Sumber Daya Air dan Listrik") and never fill a cell
//! on their own (no unit is "terhadap"; "per" only opens a rate unit).

/// The function words, lowercase.
const FUNCTION_WORDS: &[&str] = &[
    "dan", "yang", "bagi", "di", "ke", "dari", "serta", "atau", "dalam", "untuk", "pada", "dengan", "terhadap", "oleh",
    "melalui", "sebagai", "kepada", "antar", "antara", "se", "per", "tentang", "secara", "atas", "sampai", "the", "of",
];

/// True when `w`, punctuation around it aside, is a function word.
///
/// ```
/// use rencana::parse::function_word::is_function_word;
/// assert!(is_function_word("terhadap"));
/// assert!(is_function_word("Dan,"));
/// assert!(!is_function_word("Orang"));
/// ```
pub fn is_function_word(w: &str) -> bool {
    let t = w.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_ascii() {
        FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(t))
    } else {
        // Outside ASCII, lowercasing may still give a function word (the Kelvin sign is a 'k').
        FUNCTION_WORDS.contains(&t.to_lowercase().as_str())
    }
}
