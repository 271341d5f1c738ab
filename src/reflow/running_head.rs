//! Running heads: a line printed at the top (or foot) of every page, such
//! as "Rencana Aksi Dinas Perhubungan Kota Bekasi Tahun 2026" set as a
//! Writer page header. It is no part of the table; left in, a flow dump
//! runs it into the node cell it interrupts ("... Angkutan Jalan Rencana
//! Aksi Dinas Perhubungan ...").

use crate::extract::{Line, Page};
use crate::reflow::cells::fold;
use crate::reflow::frame::{is_header_line, roles_in_words};
use std::borrow::Cow;

/// The text of a page's first and last non-blank lines, folded.
fn ends_of(page: &Page) -> [Option<String>; 2] {
    let folded = |l: &Line| fold(&l.text());
    let mut printed = page.lines.iter().filter(|l| !l.is_blank());
    let first = printed.next().map(folded);
    let last = printed.next_back().map(folded);
    [first, last]
}

/// The texts that open (or close) two pages or more, at least half of
/// them, and are no table header line (a header repeated on every page is
/// the table's own, read elsewhere). Three words at least: a cell's last
/// word ("Jalan") may end two pages.
fn running_lines(pages: &[Page]) -> Vec<String> {
    if pages.len() < 2 {
        return Vec::new();
    }
    let ends: Vec<[Option<String>; 2]> = pages.iter().map(ends_of).collect();
    let mut found = Vec::new();
    for end in 0..2 {
        let texts: Vec<&Option<String>> = ends.iter().map(|e| &e[end]).collect();
        for t in texts.iter().copied().flatten() {
            let count = texts.iter().filter(|u| u.as_ref() == Some(t)).count();
            let words: Vec<&str> = t.split_whitespace().collect();
            // (A header's line naming two columns: "NO TUJUAN / SASARAN /
            // INDIKATOR TARGET ...", its slashes no header words.)
            let names_columns = || roles_in_words(&words).0.len() >= 2;
            if count >= 2 && 2 * count >= pages.len() && words.len() >= 3 && !is_header_line(&words) && !names_columns() && !found.contains(t) {
                found.push(t.clone());
            }
        }
    }
    found
}

/// The pages without their running heads and feet, but on the first page
/// (where the line may be the plan's title, read above the header). The
/// line is kept, blank: a blank line parts cells in a flow dump, and the
/// lines' numbers (the rows' provenance) stay as printed. Borrowed when no
/// page has one.
pub fn without_running_heads(pages: &[Page]) -> Cow<'_, [Page]> {
    let running = running_lines(pages);
    if running.is_empty() {
        return Cow::Borrowed(pages);
    }
    let mut out = pages.to_vec();
    for p in out.iter_mut().skip(1) {
        let ends = ends_of(p);
        let is_running = |l: &Line| {
            let text = fold(&l.text());
            !l.is_blank() && running.contains(&text) && ends.contains(&Some(text))
        };
        for l in p.lines.iter_mut().filter(|l| is_running(l)) {
            l.words.clear();
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(text: &str) -> Vec<Page> {
        crate::extract::text::read(text)
    }

    #[test]
    fn a_line_opening_every_page_is_dropped_but_on_the_first() {
        let doc = pages("Rencana Aksi Dinas X 2026\nRENCANA AKSI\nProgram 1\n\u{c}Rencana Aksi Dinas X 2026\nKegiatan 1\n\u{c}Rencana Aksi Dinas X 2026\nKegiatan 2\n");
        let kept = without_running_heads(&doc);
        let texts: Vec<Vec<String>> = kept.iter().map(|p| p.lines.iter().filter(|l| !l.is_blank()).map(|l| l.text()).collect()).collect();
        // (Blank, the line keeps its place.)
        assert_eq!(kept[1].lines.len(), doc[1].lines.len());
        assert_eq!(texts, vec![vec!["Rencana Aksi Dinas X 2026", "RENCANA AKSI", "Program 1"], vec!["Kegiatan 1"], vec!["Kegiatan 2"]]);
    }

    #[test]
    fn a_repeated_table_header_and_a_line_on_one_page_stay() {
        let doc = pages("NO URAIAN INDIKATOR SATUAN TARGET\nProgram 1\n\u{c}NO URAIAN INDIKATOR SATUAN TARGET\nKegiatan 1\n");
        assert!(matches!(without_running_heads(&doc), Cow::Borrowed(_)));
        let doc = pages("Judul\nProgram 1\n\u{c}Lain\nKegiatan 1\n\u{c}Lain lagi\nKegiatan 2\n");
        assert!(matches!(without_running_heads(&doc), Cow::Borrowed(_)));
        // A cell's last word ending two pages is no running foot.
        let doc = pages("Program 1\nJalan\n\u{c}Kegiatan 1\nJalan\n");
        assert!(matches!(without_running_heads(&doc), Cow::Borrowed(_)));
    }
}
