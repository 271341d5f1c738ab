//! Notes printed under a flow dump's table: "Catatan:" and the bulleted
//! sentences after it ("- Target triwulan non kumulatif ..."). pdftotext
//! prints them where their lines fall in its reading order, often before
//! the last rows' value cells, so no reader can cut the dump at them; the
//! heading and its notes are blanked wherever they stand, and the lines
//! after them are read as before.

use crate::extract::Page;
use crate::reflow::frame::is_table_notes_start;
use std::borrow::Cow;

/// A note of a list under "Catatan:": a bullet ("-", "•", "*") or a number
/// ("1.", "2)") opening a sentence of four words or more.
fn is_note(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else { return false };
    let bullet = matches!(first, "-" | "–" | "•" | "*") || {
        let body = first.trim_end_matches(['.', ')']);
        body.len() < first.len() && !body.is_empty() && body.len() <= 2 && body.bytes().all(|b| b.is_ascii_digit())
    };
    let rest: Vec<&str> = words.collect();
    bullet && rest.len() >= 4 && rest.iter().filter(|w| w.chars().any(char::is_lowercase)).count() >= 3
}

/// The pages with each notes heading and the notes right under it blank
/// (the lines keep their places). Borrowed when no page has one.
pub fn without_table_notes(pages: &[Page]) -> Cow<'_, [Page]> {
    let heading = |p: &Page| p.lines.iter().any(|l| !l.is_blank() && is_table_notes_start(&l.text()));
    if !pages.iter().any(heading) {
        return Cow::Borrowed(pages);
    }
    let mut out = pages.to_vec();
    for p in &mut out {
        let mut i = 0;
        while i < p.lines.len() {
            let text = p.lines[i].text();
            // The heading alone, or with its first note ("Catatan : target
            // kumulatif"): then it is one line of notes.
            if p.lines[i].is_blank() || !is_table_notes_start(&text) {
                i += 1;
                continue;
            }
            p.lines[i].words.clear();
            i += 1;
            while i < p.lines.len() && !p.lines[i].is_blank() && is_note(&p.lines[i].text()) {
                p.lines[i].words.clear();
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pages: &[Page]) -> Vec<String> {
        pages.iter().flat_map(|p| p.lines.iter().filter(|l| !l.is_blank()).map(|l| l.text())).collect()
    }

    #[test]
    fn the_heading_and_its_bulleted_notes_are_blanked_and_the_values_after_them_stay() {
        let doc = crate::extract::text::read("Tunjangan ASN\nCatatan:\n- Target triwulan non kumulatif (capaian masing-masing triwulan).\n- Rencana keuangan per triwulan sesuai anggaran kas.\n\n2\n\n-\n");
        assert_eq!(texts(&without_table_notes(&doc)), vec!["Tunjangan ASN", "2", "-"]);
    }

    #[test]
    fn a_note_is_a_bulleted_sentence() {
        assert!(is_note("1. Target kumulatif sampai dengan triwulan berjalan"));
        assert!(!is_note("- 1 2 3 4 5") && !is_note("- Persentase") && !is_note("Jumlah desa yang difasilitasi dalam pengisian"));
        let doc = crate::extract::text::read("Program 1\n- 30 40 50 60\n");
        assert!(matches!(without_table_notes(&doc), Cow::Borrowed(_)));
    }
}
