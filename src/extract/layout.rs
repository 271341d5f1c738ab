//! `pdftotext -layout` reader: the same words as a text dump, but their
//! character columns are meaningful, so the positioned-word reflow applies.

use super::Page;

pub fn read(text: &str) -> Vec<Page> {
    super::text::pages_of(text, false)
}
