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
use super::isolated::{self, PasteUp};
use super::raster::Gray;
use super::tesseract::{self, TesseractError, TsvWord};
use std::path::Path;

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
    words
        .into_iter()
        .filter(|w| w.height() as f32 >= MIN_WORD_HEIGHT * typical)
        .filter(|w| {
            let wide = PixelBox { left: w.left.saturating_sub(reach), right: w.right + reach, ..*w };
            !read.iter().any(|r| r.intersects(&wide))
        })
        .collect()
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

/// Reads the left-out ink in one Tesseract run and gives what it reads as
/// page words (image 1) at the ink's place, each word of a box on a line
/// of its own.
pub fn read_unread(boxes: &[PixelBox], page: &Gray, dir: &Path, dpi: u32) -> Result<Vec<TsvWord>, TesseractError> {
    let Some(up) = isolated::paste_up(page, boxes) else { return Ok(Vec::new()) };
    let image = dir.join("unread.pgm");
    let list = dir.join("unread.txt");
    let written = std::fs::write(&image, up.image.to_pgm()).and_then(|_| tesseract::write_list(&list, &[image]));
    if let Err(e) = written {
        return Err(TesseractError::Failed(format!("cannot write the image of unread ink: {e}")));
    }
    let read = tesseract::recognise(&list, dpi)?;
    Ok(on_page(&up, boxes, read))
}

/// The words read from the paste-up, moved to the page.
fn on_page(up: &PasteUp, boxes: &[PixelBox], read: Vec<TsvWord>) -> Vec<TsvWord> {
    read.into_iter()
        .filter(|w| !w.text.trim().is_empty())
        .filter(|w| w.conf >= MIN_TEXT_CONF || w.text.chars().any(|c| c.is_ascii_digit()))
        .filter_map(|w| {
            let slot = up.slot_of(&w)?;
            let (dx, dy) = up.offset_of(slot, &boxes[slot]);
            let moved = |v: u32, d: i64| (v as i64 + d).max(0) as usize;
            // Tesseract's box may take in some paper around the ink: the
            // word is kept within the ink it was read from.
            let ink = &boxes[slot];
            let left = moved(w.left, dx).max(ink.left);
            let right = moved(w.right(), dx).min(ink.right);
            let (top, bottom) = (moved(w.top, dy).max(ink.top), moved(w.bottom(), dy).min(ink.bottom));
            (left < right && top < bottom).then(|| TsvWord {
                image: 1,
                // A line of its own, as a recovered lone glyph has.
                block: u32::MAX - 1,
                par: slot as u32,
                line: w.line,
                left: left as u32,
                top: top as u32,
                width: (right - left) as u32,
                height: (bottom - top) as u32,
                ..w
            })
        })
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
    fn ink_lower_than_text_is_no_word() {
        // A dotted leader: a row of dots, each 4 px tall.
        let rects: Vec<(usize, usize, usize, usize)> = (0..6).map(|i| (10 + i * 6, 30, 4, 4)).collect();
        let ink = Ink::with_rects(200, 60, &rects);
        assert!(unread_ink(&components(&ink), &[], &[], 10.0).is_empty());
    }

    #[test]
    fn readings_move_to_the_ink_they_were_read_from() {
        let page = Gray::blank(600, 100);
        let boxes = [PixelBox { left: 200, top: 20, right: 230, bottom: 34 }, PixelBox { left: 400, top: 60, right: 420, bottom: 74 }];
        let up = isolated::paste_up(&page, &boxes).unwrap();
        // Where the paste-up put each box, found by reading over it.
        let over = |i: usize, conf: f32, text: &str| {
            let probe = (0..up.image.width as u32)
                .flat_map(|x| (0..up.image.height as u32).map(move |y| (x, y)))
                .map(|(x, y)| TsvWord { image: 1, block: 1, par: 1, line: 1, left: x, top: y, width: 2, height: 2, conf, text: text.into() })
                .find(|w| up.slot_of(w) == Some(i))
                .unwrap();
            // A box with a pixel of paper around the ink, as Tesseract gives.
            TsvWord { left: probe.left.saturating_sub(1), top: probe.top.saturating_sub(1), width: 40, height: 20, ..probe }
        };
        let moved = on_page(&up, &boxes, vec![over(0, 91.0, "300"), over(1, 74.0, "30"), over(1, 4.0, "OM")]);
        let placed: Vec<(&str, u32, u32, u32, u32)> = moved.iter().map(|w| (w.text.as_str(), w.left, w.top, w.right(), w.bottom())).collect();
        assert_eq!(placed[0], ("300", 200, 20, 230, 34));
        assert_eq!((placed[1].0, placed[1].1 >= 400, placed[1].3 <= 420), ("30", true, true));
        // The smudge read at confidence 4 is no word.
        assert_eq!(placed.len(), 2);
        assert!(moved.iter().all(|w| w.image == 1));
    }
}
