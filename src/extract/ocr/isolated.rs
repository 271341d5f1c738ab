//! Lone glyphs that Tesseract's sparse mode drops, read from a paste-up.
//!
//! In page segmentation mode 11 Tesseract never makes a text region out of
//! a single connected component: a lone "0" or "2" in a TW cell vanishes
//! (the same glyph is read fine next to other glyphs; Tesseract issues 1108
//! and 3874). We find such glyphs ourselves: connected ink components of
//! text height with no other ink beside them. Each is copied into a small
//! paste-up image, side by side with gaps of a word space, so that together
//! they form text lines sparse mode keeps; the paste-up is recognised in
//! the same Tesseract run as the page (a second image of its input list),
//! so it costs no second process and no second model load. Readings are
//! mapped back to the glyphs' places on the page.

use super::blobs::{Component, PixelBox};
use super::raster::Gray;
use super::tesseract::{self, TesseractError, TsvWord};
use std::path::Path;

/// Components shorter than this share of the typical glyph height are
/// specks (scanner dust, dots of "i").
const SPECK: f32 = 0.3;
/// Lone glyphs of interest are digits: about cap height, which is 1 to 2
/// times the typical (mostly lower-case) glyph height.
const MIN_HEIGHT: f32 = 0.9;
const MAX_HEIGHT: f32 = 2.2;
/// Wider components are not one glyph.
const MAX_ASPECT: f32 = 1.6;
/// A glyph is lone when no other ink lies within this many of its heights
/// to the left or right on its band.
const LONE_GAP: f32 = 1.2;
/// Paste-up layout, in glyph heights: the gap between glyphs, so wide that
/// Tesseract reads each glyph as a word of its own with its own confidence
/// (at 0.8 it ran them into one word, confidence 0) yet still takes the row
/// as one text line; and the margin.
const GAP: f32 = 2.5;
const MARGIN: f32 = 1.0;
/// Glyphs per paste-up line.
const PER_LINE: usize = 40;

/// Finds the lone glyphs of a page.
pub fn lone_glyphs(components: &[Component], typical: f32) -> Vec<PixelBox> {
    let visible: Vec<&Component> = components.iter().filter(|c| c.bounds.height() as f32 >= SPECK * typical).collect();
    let mut by_left = visible.clone();
    by_left.sort_by_key(|c| c.bounds.left);
    visible
        .iter()
        .filter(|c| is_glyph_sized(c, typical) && is_lone(c, &by_left))
        .map(|c| c.bounds)
        .collect()
}

fn is_glyph_sized(c: &Component, typical: f32) -> bool {
    let h = c.bounds.height() as f32;
    let w = c.bounds.width() as f32;
    (MIN_HEIGHT * typical..=MAX_HEIGHT * typical).contains(&h) && w <= MAX_ASPECT * h
}

/// No other visible component overlaps the glyph's band within the gap.
fn is_lone(c: &Component, by_left: &[&Component]) -> bool {
    let b = c.bounds;
    let reach = (LONE_GAP * b.height() as f32) as usize;
    let (lo, hi) = (b.left.saturating_sub(reach), b.right + reach);
    // Sorted by left edge: only components starting left of `hi` can reach.
    let end = by_left.partition_point(|o| o.bounds.left < hi);
    !by_left[..end].iter().any(|o| {
        let ob = o.bounds;
        ob != b && ob.right > lo && ob.top < b.bottom && b.top < ob.bottom
    })
}

/// Reads the boxes of a page on their own, side by side in one paste-up,
/// in one Tesseract run with the full alphabet. Gives what was read from
/// each box, as page words (image 1) within the box, in reading order.
/// `name` names the run's files in `dir`.
pub fn read_alone(boxes: &[PixelBox], page: &Gray, dir: &Path, dpi: u32, name: &str) -> Result<Vec<Vec<TsvWord>>, TesseractError> {
    let mut per_box = vec![Vec::new(); boxes.len()];
    let Some(up) = paste_up(page, boxes) else { return Ok(per_box) };
    for w in up.recognise(dir, name, name, dpi, None)?.into_iter().filter(|w| !w.text.trim().is_empty()) {
        let Some(slot) = up.slot_of(&w) else { continue };
        if let Some(moved) = up.to_page(slot, &boxes[slot], w) {
            per_box[slot].push(moved);
        }
    }
    for words in &mut per_box {
        words.sort_by_key(|w| (w.line, w.left));
    }
    Ok(per_box)
}

/// The paste-up image and where each glyph went in it.
pub struct PasteUp {
    pub image: Gray,
    /// (glyph on the page, its box in the paste-up); a line holding a
    /// single glyph gets a second copy of it, which maps to nothing.
    slots: Vec<(Option<PixelBox>, PixelBox)>,
}

/// Lays the glyphs out in lines of the paste-up, or None if there are none.
pub fn paste_up(page: &Gray, glyphs: &[PixelBox]) -> Option<PasteUp> {
    let tallest = glyphs.iter().map(PixelBox::height).max()?;
    let gap = (GAP * tallest as f32).ceil() as usize;
    let margin = (MARGIN * tallest as f32).ceil() as usize;
    let line_pitch = tallest + 2 * margin;
    let mut lines: Vec<Vec<(Option<PixelBox>, PixelBox)>> = Vec::new();
    for chunk in glyphs.chunks(PER_LINE) {
        let mut members: Vec<(Option<PixelBox>, &PixelBox)> = chunk.iter().map(|g| (Some(*g), g)).collect();
        if members.len() == 1 {
            members.push((None, &chunk[0]));
        }
        let top = margin + lines.len() * line_pitch;
        let mut x = margin;
        let mut placed = Vec::new();
        for (glyph, source) in members {
            // Glyphs share a baseline: their bottoms line up.
            let y = top + tallest - source.height();
            placed.push((glyph, PixelBox { left: x, top: y, right: x + source.width(), bottom: y + source.height() }));
            x += source.width() + gap;
        }
        lines.push(placed);
    }
    let width = lines.iter().filter_map(|l| l.last()).map(|(_, b)| b.right).max()? + margin;
    let height = lines.len() * line_pitch + margin;
    let mut image = Gray::blank(width, height);
    let slots: Vec<(Option<PixelBox>, PixelBox)> = lines.into_iter().flatten().collect();
    for (glyph, at) in &slots {
        let source = glyph.unwrap_or_else(|| original_of(&slots, at));
        image.paste(page, (source.left, source.top, source.width(), source.height()), (at.left, at.top));
    }
    Some(PasteUp { image, slots })
}

/// The page glyph that a ghost copy repeats: the slot before it.
fn original_of(slots: &[(Option<PixelBox>, PixelBox)], ghost: &PixelBox) -> PixelBox {
    let i = slots.iter().position(|(_, at)| at == ghost).unwrap_or(0);
    slots[..i].iter().rev().find_map(|(g, _)| *g).unwrap_or(*ghost)
}

impl PasteUp {
    /// Runs Tesseract on the paste-up alone (with only the characters of
    /// `alphabet`, if given): its image and input list are written to
    /// `dir` as `name`.pgm and `name`.txt; `what` names the boxes in the
    /// error if they cannot be written.
    pub fn recognise(&self, dir: &Path, name: &str, what: &str, dpi: u32, alphabet: Option<&str>) -> Result<Vec<TsvWord>, TesseractError> {
        let image = dir.join(format!("{name}.pgm"));
        let list = dir.join(format!("{name}.txt"));
        let written = std::fs::write(&image, self.image.to_pgm()).and_then(|_| tesseract::write_list(&list, &[image]));
        if let Err(e) = written {
            return Err(TesseractError::Failed(format!("cannot write the image of {what}: {e}")));
        }
        match alphabet {
            Some(alphabet) => tesseract::recognise_alphabet(&list, dpi, alphabet),
            None => tesseract::recognise(&list, dpi),
        }
    }

    /// Where the `i`th slot sits in the paste-up: (left, top, right, bottom).
    #[cfg(test)]
    pub fn slot_box(&self, i: usize) -> (usize, usize, usize, usize) {
        let (_, at) = self.slots[i];
        (at.left, at.top, at.right, at.bottom)
    }

    /// The slot (index into the boxes pasted up) a word read from the
    /// paste-up lies in: the one holding the word's centre, ghosts aside.
    pub fn slot_of(&self, word: &TsvWord) -> Option<usize> {
        let (x, y) = ((word.left + word.right()) as usize / 2, (word.top + word.bottom()) as usize / 2);
        let i = self.slots.iter().position(|(_, at)| at.left <= x && x < at.right && at.top <= y && y < at.bottom)?;
        // Slots of real boxes come in input order; a ghost maps to nothing.
        self.slots[i].0.map(|_| self.slots[..i].iter().filter(|(g, _)| g.is_some()).count())
    }

    /// A word read from the `slot`th box (as [`Self::slot_of`] counts),
    /// moved to the box's place on the page, `page_box`. Tesseract's box
    /// may take in some paper around the ink: the word is kept within the
    /// box it was read from (None if nothing is left).
    fn to_page(&self, slot: usize, page_box: &PixelBox, word: TsvWord) -> Option<TsvWord> {
        let at = self.slots.iter().filter(|(g, _)| g.is_some()).nth(slot)?.1;
        let moved = |v: u32, from: usize, to: usize| (v as usize + to).saturating_sub(from);
        let left = moved(word.left, at.left, page_box.left).max(page_box.left);
        let right = moved(word.right(), at.left, page_box.left).min(page_box.right);
        let top = moved(word.top, at.top, page_box.top).max(page_box.top);
        let bottom = moved(word.bottom(), at.top, page_box.top).min(page_box.bottom);
        (left < right && top < bottom).then(|| TsvWord {
            image: 1,
            left: left as u32,
            top: top as u32,
            width: (right - left) as u32,
            height: (bottom - top) as u32,
            ..word
        })
    }

    /// Maps a word read from the paste-up back to the page: (glyph box,
    /// text) for each glyph it covers. A word covering several glyphs is
    /// split only when it has one character per glyph; otherwise it is
    /// dropped (we cannot tell which part belongs where).
    pub fn place(&self, word: &TsvWord) -> Vec<(PixelBox, String)> {
        let (left, right) = (word.left as usize, word.right() as usize);
        let (top, bottom) = (word.top as usize, word.bottom() as usize);
        let covered: Vec<&(Option<PixelBox>, PixelBox)> = self
            .slots
            .iter()
            .filter(|(_, at)| {
                let centre = (at.left + at.right) / 2;
                left <= centre && centre < right && at.top < bottom && top < at.bottom
            })
            .collect();
        let chars: Vec<char> = word.text.chars().filter(|c| !c.is_whitespace()).collect();
        match covered.as_slice() {
            [(Some(glyph), _)] => vec![(*glyph, word.text.clone())],
            [(None, _)] | [] => Vec::new(),
            many if many.len() == chars.len() => many
                .iter()
                .zip(chars)
                .filter_map(|((glyph, _), c)| glyph.map(|g| (g, c.to_string())))
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::blobs::{components, typical_height};
    use super::super::raster::Ink;
    use super::*;

    #[test]
    fn a_lone_digit_is_found_and_a_word_is_not() {
        // A "word" of five glyphs 10px tall, 3px apart, and a lone glyph 14px tall far right.
        let mut rects: Vec<(usize, usize, usize, usize)> = (0..5).map(|i| (10 + i * 9, 20, 6, 10)).collect();
        rects.push((150, 16, 8, 14));
        let ink = Ink::with_rects(200, 50, &rects);
        let components = components(&ink);
        let glyphs = lone_glyphs(&components, typical_height(&components).unwrap());
        assert_eq!(glyphs, vec![PixelBox { left: 150, top: 16, right: 158, bottom: 30 }]);
    }

    #[test]
    fn paste_up_maps_readings_back_to_the_page() {
        let page = Gray::blank(300, 100);
        let glyphs = [PixelBox { left: 10, top: 10, right: 18, bottom: 24 }, PixelBox { left: 200, top: 50, right: 206, bottom: 64 }];
        let up = paste_up(&page, &glyphs).unwrap();
        let (_, first) = up.slots[0];
        let (_, second) = up.slots[1];
        let word = |left: usize, right: usize, text: &str| TsvWord {
            image: 2,
            block: 1,
            par: 1,
            line: 1,
            left: left as u32,
            top: first.top as u32,
            width: (right - left) as u32,
            height: 14,
            conf: 95.0,
            text: text.into(),
        };
        assert_eq!(up.place(&word(first.left, first.right, "2")), vec![(glyphs[0], "2".to_string())]);
        // One word over both glyphs, one character each: split.
        let both = up.place(&word(first.left, second.right, "20"));
        assert_eq!(both, vec![(glyphs[0], "2".to_string()), (glyphs[1], "0".to_string())]);
        // Over both but unsplittable: dropped.
        assert!(up.place(&word(first.left, second.right, "2,0")).is_empty());
    }

    #[test]
    fn a_word_read_from_the_paste_up_names_its_slot() {
        let page = Gray::blank(300, 100);
        let boxes = [PixelBox { left: 10, top: 10, right: 40, bottom: 24 }, PixelBox { left: 200, top: 50, right: 260, bottom: 64 }];
        let up = paste_up(&page, &boxes).unwrap();
        let over = |i: usize| {
            let (_, at) = up.slots[i];
            TsvWord { image: 1, block: 1, par: 1, line: 1, left: at.left as u32 + 2, top: at.top as u32, width: 10, height: 14, conf: 90.0, text: "1".into() }
        };
        assert_eq!(up.slot_of(&over(0)), Some(0));
        assert_eq!(up.slot_of(&over(1)), Some(1));
        // A lone box's ghost copy is no slot.
        let alone = paste_up(&page, &boxes[..1]).unwrap();
        let (_, ghost) = alone.slots[1];
        let word = TsvWord { left: ghost.left as u32, top: ghost.top as u32, ..over(0) };
        assert_eq!(alone.slot_of(&word), None);
    }

    #[test]
    fn a_reading_moves_to_its_box_on_the_page() {
        let page = Gray::blank(600, 100);
        let boxes = [PixelBox { left: 200, top: 20, right: 230, bottom: 34 }, PixelBox { left: 400, top: 60, right: 420, bottom: 74 }];
        let up = paste_up(&page, &boxes).unwrap();
        let (_, at) = up.slots[1];
        // Tesseract's box with a pixel of paper around the ink.
        let read = TsvWord { image: 1, block: 1, par: 1, line: 1, left: at.left as u32 - 1, top: at.top as u32 - 1, width: 30, height: 20, conf: 90.0, text: "30".into() };
        assert_eq!(up.slot_of(&read), Some(1));
        let moved = up.to_page(1, &boxes[1], read).unwrap();
        assert_eq!((moved.left, moved.top, moved.right(), moved.bottom()), (400, 60, 420, 74));
    }

    #[test]
    fn a_single_glyph_gets_a_ghost_companion() {
        let page = Gray::blank(100, 100);
        let up = paste_up(&page, &[PixelBox { left: 10, top: 10, right: 18, bottom: 24 }]).unwrap();
        assert_eq!(up.slots.len(), 2);
        assert!(up.slots[1].0.is_none());
    }
}
