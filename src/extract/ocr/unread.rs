//! Words Tesseract left out: ink of text size that no word of the page
//! reading covers, cut out and read again.
//!
//! In sparse mode (page segmentation 11) Tesseract sometimes reads no word
//! at all from a clean, well-spaced cell: a "300" between "300" and "Unit"
//! on a row that reads fine otherwise, a "30" at the start of the
//! quarters. The same pixels are read at once when the page is cut
//! differently, so the unread ink is found from the page's ink components,
//! laid out in a paste-up ([`super::isolated`]) and read in a second run
//! with the full alphabet. What it reads joins the page words at the
//! ink's place and goes through the same repair and doubt as every other
//! word.
//!
//! Lone glyphs have their own paste-up, read with the page; ink beside a
//! word that was read (a letter left out of its box) is no left-out word
//! and is left alone.

use super::blobs::{Component, PixelBox};
use super::tesseract::TsvWord;

/// Components shorter than this share of the typical (x-)height are
/// specks, dots and commas: they neither make nor join a left-out word.
const MIN_HEIGHT: f32 = 0.6;
/// Taller components are strokes or drawings, not glyphs (digits and
/// capitals are about 1.4 x-heights, with a descender below 2).
const MAX_HEIGHT: f32 = 2.4;
/// Glyphs closer than this many x-heights are one word's (letter spacing
/// is about a fifth of the x-height, a word space about a half).
const LETTER_GAP: f32 = 0.45;
/// A left-out word stands at least this many x-heights from every word
/// read on its band: nearer, it is part of that word.
const CLEARANCE: f32 = 1.0;
/// A left-out word is at least this tall (in x-heights): lower ink is
/// a rule's remnant or a row of dots.
const MIN_WORD_HEIGHT: f32 = 0.9;
/// And at least this wide for its height: a narrower sliver is what is
/// left of a border (a "1" is about 0.35 of its height wide).
const MIN_WORD_ASPECT: f32 = 0.2;
/// More left-out words than this on a page is no table read with a few
/// gaps but a picture, a stamp or handwriting: none is read again (the
/// second run would cost as much as the page and find nothing of use).
const MAX_UNREAD: usize = 200;
/// Below this confidence a reading without digits is no word (a smudge
/// read "OM" at 4): it would only soil a text cell. A number read as
/// unsure is kept: repaired or refused, it tells of a value that cannot
/// be read instead of a cell that looks empty.
const MIN_TEXT_CONF: f32 = 50.0;

/// The boxes of ink of text size that no page word (image 1) covers or
/// stands beside, lone glyphs (read from their own paste-up) aside.
pub fn unread_ink(components: &[Component], words: &[TsvWord], lone: &[PixelBox], typical: f32) -> Vec<PixelBox> {
    let read: Vec<PixelBox> = words.iter().filter(|w| w.image == 1).map(TsvWord::pixel_box).collect();
    let mut glyphs: Vec<PixelBox> = components
        .iter()
        .map(|c| c.bounds)
        .filter(|b| {
            let h = b.height() as f32;
            (MIN_HEIGHT * typical..=MAX_HEIGHT * typical).contains(&h)
                && !read.iter().any(|r| r.intersects(b))
                && !lone.contains(b)
        })
        .collect();
    glyphs.sort_by_key(|b| b.left);
    let words = join_letters(glyphs, typical);
    let reach = (CLEARANCE * typical) as usize;
    let unread: Vec<PixelBox> = words
        .into_iter()
        .filter(|w| w.height() as f32 >= MIN_WORD_HEIGHT * typical && w.width() as f32 >= MIN_WORD_ASPECT * w.height() as f32)
        .filter(|w| {
            let wide = PixelBox { left: w.left.saturating_sub(reach), right: w.right + reach, ..*w };
            !read.iter().any(|r| r.intersects(&wide))
        })
        .collect();
    if unread.len() > MAX_UNREAD {
        return Vec::new();
    }
    unread
}

/// Glyph boxes (sorted by left edge) joined into words: boxes on one band
/// whose gap is within a letter space.
fn join_letters(glyphs: Vec<PixelBox>, typical: f32) -> Vec<PixelBox> {
    let gap = (LETTER_GAP * typical).ceil() as usize;
    let mut words: Vec<PixelBox> = Vec::new();
    for g in glyphs {
        let near = words.iter_mut().rev().find(|w| {
            let band = w.top.max(g.top) < w.bottom.min(g.bottom);
            band && g.left <= w.right + gap && w.left <= g.right + gap
        });
        match near {
            Some(w) => {
                w.left = w.left.min(g.left);
                w.right = w.right.max(g.right);
                w.top = w.top.min(g.top);
                w.bottom = w.bottom.max(g.bottom);
            }
            None => words.push(g),
        }
    }
    words
}

/// What was read from each left-out box ([`super::isolated::read_alone`]) that
/// is a word: a reading without digits under [`MIN_TEXT_CONF`] is not.
/// Each box's words are a line of their own, as a recovered lone glyph is.
pub fn words_read(per_box: Vec<Vec<TsvWord>>) -> Vec<TsvWord> {
    per_box
        .into_iter()
        .enumerate()
        .flat_map(|(i, words)| {
            words.into_iter().map(move |w| TsvWord { block: u32::MAX - 1, par: i as u32, ..w })
        })
        .filter(|w| w.conf >= MIN_TEXT_CONF || w.text.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::blobs::components;
    use super::super::raster::Ink;
    use super::*;

    fn read_word(left: u32, width: u32, text: &str) -> TsvWord {
        TsvWord { image: 1, block: 1, par: 1, line: 1, left, top: 20, width, height: 14, conf: 96.0, text: text.into() }
    }

    /// Three glyphs 8 px wide and 14 tall (x-height 10) from `left`, 3 px apart.
    fn three_glyphs(left: usize) -> Vec<(usize, usize, usize, usize)> {
        (0..3).map(|i| (left + i * 11, 20, 8, 14)).collect()
    }

    #[test]
    fn ink_no_word_covers_is_found_as_one_word() {
        let mut rects = three_glyphs(10); // read: "300"
        rects.extend(three_glyphs(200)); // left out
        rects.push((400, 20, 8, 14)); // a lone glyph, read from its own paste-up
        rects.push((300, 30, 2, 2)); // a speck
        let ink = Ink::with_rects(500, 60, &rects);
        let words = [read_word(10, 30, "300")];
        let lone = [PixelBox { left: 400, top: 20, right: 408, bottom: 34 }];
        let found = unread_ink(&components(&ink), &words, &lone, 10.0);
        assert_eq!(found, vec![PixelBox { left: 200, top: 20, right: 230, bottom: 34 }]);
    }

    #[test]
    fn ink_beside_a_word_read_is_part_of_it() {
        // Tesseract's box for "30" missed the last glyph of "300".
        let ink = Ink::with_rects(200, 60, &three_glyphs(10));
        let words = [read_word(10, 19, "30")];
        assert!(unread_ink(&components(&ink), &words, &[], 10.0).is_empty());
    }

    #[test]
    fn a_page_of_unread_ink_is_not_read_again() {
        // A picture's worth of word-sized blobs, none read.
        let rects: Vec<(usize, usize, usize, usize)> =
            (0..(MAX_UNREAD + 1)).map(|i| (10 + (i % 20) * 30, 10 + (i / 20) * 30, 20, 14)).collect();
        let ink = Ink::with_rects(700, 400, &rects);
        assert!(unread_ink(&components(&ink), &[], &[], 10.0).is_empty());
        let fewer = Ink::with_rects(700, 400, &rects[..20]);
        assert_eq!(unread_ink(&components(&fewer), &[], &[], 10.0).len(), 20);
    }

    #[test]
    fn a_sliver_is_no_word() {
        // What is left of a border: 2 px wide, 20 tall.
        let ink = Ink::with_rects(200, 60, &[(100, 20, 2, 20)]);
        assert!(unread_ink(&components(&ink), &[], &[], 10.0).is_empty());
    }

    #[test]
    fn ink_lower_than_text_is_no_word() {
        // A dotted leader: a row of dots, each 4 px tall.
        let rects: Vec<(usize, usize, usize, usize)> = (0..6).map(|i| (10 + i * 6, 30, 4, 4)).collect();
        let ink = Ink::with_rects(200, 60, &rects);
        assert!(unread_ink(&components(&ink), &[], &[], 10.0).is_empty());
    }

    #[test]
    fn a_smudge_read_as_letters_is_no_word() {
        let word = |text: &str, conf: f32| TsvWord { image: 1, block: 1, par: 1, line: 1, left: 0, top: 0, width: 9, height: 9, conf, text: text.into() };
        let read = words_read(vec![vec![word("300", 91.0)], vec![word("30", 74.0), word("OM", 4.0)]]);
        let texts: Vec<(&str, u32)> = read.iter().map(|w| (w.text.as_str(), w.par)).collect();
        assert_eq!(texts, vec![("300", 0), ("30", 1)]);
        assert!(read.iter().all(|w| w.block == u32::MAX - 1));
    }
}
