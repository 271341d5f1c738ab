//! Sheet headings: a spreadsheet printed with its row and column headings
//! (Calc's "Print: Column and row headers", Excel's "Row and column
//! headings") carries the column letters ("A B C ... J") over the table and
//! the sheet's row numbers ("1", "2", ...) down its left edge, on every
//! page. They are no part of the plan. Left in, the letters read as a row
//! of the table and the row numbers as its NO column; and the title rows,
//! numbered 1 to 4, read as table rows (gen117's PDF 0.68, layout 0.76).
//!
//! Told on each page by the letters' line: single column names in the
//! spreadsheet's order from "A", five at least. The row numbers are the
//! bare integers that open lines left of the "A", in one narrow band down
//! the page.

use crate::extract::{Line, Page, Word};
use std::borrow::Cow;

/// At least this many column letters make a headings line: a plan's
/// line of grades ("A B C") is shorter.
const FEWEST_LETTERS: usize = 5;

/// The pages without their sheet headings (unchanged, borrowed, when none
/// is printed).
pub fn without_sheet_headings(pages: &[Page]) -> Cow<'_, [Page]> {
    if !pages.iter().any(|p| letters_line(p).is_some()) {
        return Cow::Borrowed(pages);
    }
    Cow::Owned(pages.iter().map(without_headings_of).collect())
}

fn without_headings_of(page: &Page) -> Page {
    let Some(at) = letters_line(page) else { return page.clone() };
    let left_of_a = page.lines[at].words[0].x0;
    // The row numbers stand centred in a column as narrow as the longest
    // of them: within a few characters (or points) of one another.
    let tol = if page.width > 0.0 { 8.0 } else { 2.0 };
    let centre = |w: &Word| (w.x0 + w.x1) / 2.0;
    let opens_with_number = |l: &Line| l.words.first().filter(|w| is_sheet_row_number(&w.text) && w.x1 < left_of_a).map(centre);
    let mut centres: Vec<f32> = page.lines.iter().filter_map(opens_with_number).collect();
    centres.sort_by(f32::total_cmp);
    let band = centres.get(centres.len() / 2).copied();
    let mut out = page.clone();
    out.lines.remove(at);
    if let Some(band) = band {
        for line in &mut out.lines {
            if opens_with_number(line).is_some_and(|c| (c - band).abs() <= tol) {
                line.words.remove(0);
            }
        }
    }
    out
}

/// The index of the page's column letters line, if it has one.
fn letters_line(page: &Page) -> Option<usize> {
    page.lines.iter().position(|l| l.words.len() >= FEWEST_LETTERS && l.words.iter().enumerate().all(|(k, w)| w.text == column_name(k)))
}

/// A spreadsheet's name for its `k`-th column: A to Z, then AA, AB, ...
fn column_name(k: usize) -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    if k < 26 {
        letter(k).to_string()
    } else {
        format!("{}{}", letter(k / 26 - 1), letter(k))
    }
}

/// A sheet's row number: digits only, a few of them (a plan's NO cell,
/// [`crate::parse::label::is_row_number`], may be roman or end in a dot).
fn is_sheet_row_number(text: &str) -> bool {
    (1..=5).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::pages_of;

    fn texts(page: &Page) -> Vec<String> {
        page.lines.iter().map(|l| l.text()).collect()
    }

    #[test]
    fn column_names_run_from_a_to_z_then_two_letters() {
        assert_eq!((column_name(0), column_name(9), column_name(25), column_name(26), column_name(27)), ("A".into(), "J".into(), "Z".into(), "AA".into(), "AB".into()));
    }

    #[test]
    fn letters_and_row_numbers_go_the_table_stays() {
        // (The letters' line keeps its indent: no line continuation.)
        let dump = concat!(
            "          A          B                   C              D        E      F\n",
            "1                     RENCANA AKSI TAHUN 2021\n",
            "2        NO      URAIAN        INDIKATOR KINERJA     SATUAN   TARGET  TW I\n",
            "3        1       Program 1     Jumlah dokumen        Dokumen     12     3\n",
        );
        let pages = pages_of(dump, true);
        let clean = without_sheet_headings(&pages);
        assert_eq!(texts(&clean[0]), ["RENCANA AKSI TAHUN 2021", "NO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I", "1 Program 1 Jumlah dokumen Dokumen 12 3"]);
    }

    #[test]
    fn a_page_without_the_letters_is_left_as_it_is() {
        // A NO column and a line of grades: no sheet headings.
        let dump = "\
NO   URAIAN      INDIKATOR         SATUAN  TARGET  TW I  TW II  TW III  TW IV
1    Sasaran 1   Nilai SAKIP       Predikat   A     A     B      C       D
";
        let pages = pages_of(dump, true);
        assert!(matches!(without_sheet_headings(&pages), Cow::Borrowed(_)));
    }
}
