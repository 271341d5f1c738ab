//! `pdftotext -layout` reader: the same words as a text dump, but their
//! character columns are meaningful, so the positioned-word reflow applies.

use super::{Page, Word};
use crate::parse::number::is_number;

pub fn read(text: &str) -> Vec<Page> {
    let mut pages = super::text::pages_of(text, false);
    for line in pages.iter_mut().flat_map(|p| p.lines.iter_mut()) {
        if line.words.iter().any(|w| glued_dash(&w.text).is_some()) {
            line.words = line.words.drain(..).flat_map(dash_apart).collect();
        }
    }
    pages
}

/// The number of a word that is a number with a dash glued on ("2-"): a
/// target right-aligned in its cell touching the next cell's "-" left-
/// aligned, the two cells a character apart on the grid (gen115: "2-" for
/// TARGET "2" and TW I "-"). No number is written so; an accountant's
/// ",-" after a sum is its own.
fn glued_dash(text: &str) -> Option<&str> {
    let head = text.strip_suffix('-')?;
    (!head.ends_with(',') && is_number(head)).then_some(head)
}

/// The word as its two cells' words, each where it stands on the grid.
fn dash_apart(w: Word) -> Vec<Word> {
    match glued_dash(&w.text) {
        Some(head) => {
            let split = w.x1 - 1.0;
            vec![Word { text: head.to_string(), x1: split, ..w.clone() }, Word { text: "-".to_string(), x0: split, ..w }]
        }
        None => vec![w],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_touching_the_next_cells_dash_is_two_words() {
        let page = &read("Dokumen        2-       -     1     1\n")[0];
        let words: Vec<(&str, f32, f32)> = page.lines[0].words.iter().map(|w| (w.text.as_str(), w.x0, w.x1)).collect();
        assert_eq!(words[1..3], [("2", 15.0, 16.0), ("-", 16.0, 17.0)]);
        // A negative number, a sum's ",-" and a word's hyphen stay whole.
        for whole in ["-0,35", "485.000.000,-", "rata-"] {
            assert_eq!(read(whole)[0].lines[0].words.len(), 1, "{whole}");
        }
    }
}
