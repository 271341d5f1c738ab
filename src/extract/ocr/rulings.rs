//! Table borders on a scan, so the lattice reflow works on scans too.
//!
//! A border is a run of ink much longer than any glyph stroke. Runs at
//! least [`MIN_RUN`] glyph heights long are kept (a one-dimensional
//! morphological opening), then joined with the runs touching them in the
//! next rows or columns: a border printed 2 to 4 pixels thick, or drawn
//! with a slight tilt (a staircase of runs), becomes one component whose
//! box gives the ruling. Specks never form such runs, and a border broken
//! by a dropout is rejoined by the ruling merge afterwards.

use super::blobs::{components, PixelBox};
use super::image::Placement;
use super::raster::{Gray, Ink};
use crate::extract::Ruling;

/// Shortest run, in typical glyph heights, that is a border and not a
/// stroke of a glyph (a dash or the bar of a "T" is about one height).
const MIN_RUN: f32 = 3.0;
/// A border is thin: at most this many glyph heights across (more would be
/// a filled area, such as a shaded header cell).
const MAX_THICKNESS: f32 = 0.6;

/// The borders found on a page: their boxes in pixels (horizontal and
/// vertical) and the ink they are made of.
pub struct Borders {
    horizontal: Vec<PixelBox>,
    vertical: Vec<PixelBox>,
    /// True on the pixels of the long runs, widened by a pixel on each side
    /// across the run (the grey fringe a scanner leaves along a line).
    mask: Vec<bool>,
}

/// Finds the page's borders.
pub fn find(ink: &Ink, glyph_height: f32) -> Borders {
    let min_run = (MIN_RUN * glyph_height).max(8.0) as usize;
    let max_thickness = (MAX_THICKNESS * glyph_height).max(3.0) as usize;
    // Tilt makes a box a little taller than the border is thick.
    let thin = |b: &PixelBox| b.height() <= max_thickness + b.width() / 50 && b.width() >= min_run;
    let (across, across_mask) = long_runs(ink, min_run);
    let turned = transposed(ink);
    let (down, down_mask) = long_runs(&turned, min_run);
    let (w, h) = (ink.width, ink.height);
    let mut mask = vec![false; ink.dots.len()];
    for (i, _) in across_mask.iter().enumerate().filter(|(_, &m)| m) {
        let (x, y) = (i % w, i / w);
        for yy in y.saturating_sub(1)..=(y + 1).min(h - 1) {
            mask[yy * w + x] = true;
        }
    }
    // `down_mask` is transposed: index = x * height + y.
    for (i, _) in down_mask.iter().enumerate().filter(|(_, &m)| m) {
        let (x, y) = (i / h, i % h);
        for xx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
            mask[y * w + xx] = true;
        }
    }
    Borders {
        horizontal: across.into_iter().filter(thin).collect(),
        // Transposed back: the box's x is the page's y.
        vertical: down
            .into_iter()
            .filter(thin)
            .map(|b| PixelBox { left: b.top, top: b.left, right: b.bottom, bottom: b.right })
            .collect(),
        mask,
    }
}

impl Borders {
    /// The borders as rulings, in points.
    pub fn rulings(&self, placement: &Placement) -> Vec<Ruling> {
        let horizontal = self.horizontal.iter().map(|b| {
            let y = (b.top + b.bottom) as f64 / 2.0;
            let (x0, y0, x1, _) = placement.points(b.left as f64, y, b.width() as f64, 0.0);
            Ruling { x0, y0, x1, y1: y0 }
        });
        let vertical = self.vertical.iter().map(|b| {
            let x = (b.left + b.right) as f64 / 2.0;
            let (x0, y0, _, y1) = placement.points(x, b.top as f64, 0.0, b.height() as f64);
            Ruling { x0, y0, x1: x0, y1 }
        });
        horizontal.chain(vertical).collect()
    }

    /// True when a vertical border runs through the box (a pixel or two
    /// either side, for the fringe erasing leaves), over its middle: the
    /// box is where a border was.
    pub fn vertical_through(&self, b: &PixelBox) -> bool {
        const FRINGE: usize = 2;
        let middle = (b.top + b.bottom) / 2;
        self.vertical.iter().any(|v| v.left <= b.right + FRINGE && b.left <= v.right + FRINGE && v.top <= middle && middle <= v.bottom)
    }

    /// Paints the borders white: Tesseract reads a border next to a word as
    /// "|" or "l", and a glyph touching one is not a glyph on its own.
    pub fn erase(&self, gray: &mut Gray, ink: &mut Ink) {
        for (i, _) in self.mask.iter().enumerate().filter(|(_, &m)| m) {
            gray.pixels[i] = 255;
            ink.dots[i] = false;
        }
    }
}

/// Boxes of the groups of horizontal ink runs at least `min_run` long, and
/// the runs' pixels.
fn long_runs(ink: &Ink, min_run: usize) -> (Vec<PixelBox>, Vec<bool>) {
    let mut kept = Ink { width: ink.width, height: ink.height, dots: vec![false; ink.dots.len()] };
    for y in 0..ink.height {
        let row = &ink.dots[y * ink.width..(y + 1) * ink.width];
        let mut x = 0;
        while x < ink.width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < ink.width && row[x] {
                x += 1;
            }
            if x - start >= min_run {
                kept.dots[y * ink.width + start..y * ink.width + x].fill(true);
            }
        }
    }
    let boxes = components(&kept).into_iter().map(|c| c.bounds).collect();
    (boxes, kept.dots)
}

fn transposed(ink: &Ink) -> Ink {
    let mut dots = vec![false; ink.dots.len()];
    for y in 0..ink.height {
        for x in 0..ink.width {
            dots[x * ink.height + y] = ink.dots[y * ink.width + x];
        }
    }
    Ink { width: ink.height, height: ink.width, dots }
}

#[cfg(test)]
mod tests {
    use super::super::deskew::Level;
    use super::*;

    fn blank(width: usize, height: usize) -> Ink {
        Ink { width, height, dots: vec![false; width * height] }
    }

    fn set(ink: &mut Ink, x: usize, y: usize) {
        ink.dots[y * ink.width + x] = true;
    }

    const UNIT: Placement = Placement { x0: 0.0, y0: 0.0, sx: 1.0, sy: 1.0, level: Level::NONE };

    #[test]
    fn a_tilted_thick_border_is_one_ruling() {
        let mut ink = blank(400, 100);
        for x in 10..390 {
            let drift = x / 100; // 1px every 100px
            for t in 0..3 {
                set(&mut ink, x, 50 + drift + t);
            }
        }
        let rulings = find(&ink, 10.0).rulings(&UNIT);
        assert_eq!(rulings.len(), 1);
        let r = rulings[0];
        assert!(r.is_horizontal());
        assert_eq!((r.x0, r.x1), (10.0, 390.0));
        assert!((r.y0 - 53.0).abs() <= 1.0);
    }

    #[test]
    fn vertical_borders_and_specks() {
        let mut ink = blank(100, 200);
        for y in 20..180 {
            set(&mut ink, 40, y);
            set(&mut ink, 41, y);
        }
        // Specks and a short dash are not rulings.
        set(&mut ink, 70, 70);
        for x in 60..70 {
            set(&mut ink, x, 100);
        }
        let borders = find(&ink, 10.0);
        let rulings = borders.rulings(&UNIT);
        assert_eq!(rulings.len(), 1);
        assert_eq!(rulings[0], Ruling { x0: 41.0, y0: 20.0, x1: 41.0, y1: 180.0 });
        // Erasing takes the border (and its fringe) but leaves the dash and the speck.
        let mut gray = Gray::blank(100, 200);
        let mut erased = ink.clone();
        borders.erase(&mut gray, &mut erased);
        assert_eq!(erased.dots.iter().filter(|&&d| d).count(), 11);
        assert_eq!(gray.get(39, 50), 255);
    }
}
