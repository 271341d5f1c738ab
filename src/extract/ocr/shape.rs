//! The shape of a lone glyph, read from the ink itself: the check that
//! lets a doubted lone "0" stand.
//!
//! Tesseract doubts a lone "0" in a value cell of a grey, speckled scan
//! (against "O", confidence 45 to 75 on the degraded held-out scans), and
//! read alone again it often finds nothing at all. A zero's shape is
//! unlike any other digit's: one hole, tall, in the middle of the glyph.
//! An "8" has two holes; a "6" and a "9" have theirs low or high and
//! short; a "4" a small one high up; the rest none. So a doubted "0"
//! whose ink has that shape is believed; any other stays refused.

use super::blobs::PixelBox;
use super::raster::Ink;

/// A zero is taller than wide, though not a sliver (Arial's is 0.56 of its
/// height wide, bold faces up to 0.7; a letter O is 0.8 and more).
const MIN_ASPECT: f32 = 0.35;
const MAX_ASPECT: f32 = 0.9;
/// A zero's hole spans most of its height (about 0.7); a 6's or a 9's
/// about 0.45.
const MIN_HOLE_HEIGHT: f32 = 0.5;
/// And sits in the middle: its centre within this share of the height
/// from the glyph's centre.
const MAX_HOLE_OFFSET: f32 = 0.15;
/// Holes smaller than this share of the glyph's box are grain, not holes.
const MIN_HOLE_AREA: f32 = 0.02;
/// Glyphs smaller than this (pixels high) are too coarse to judge.
const MIN_HEIGHT: usize = 8;

/// True when the ink inside `b` (a glyph's box) is shaped as a zero.
pub fn is_zero_shaped(ink: &Ink, b: &PixelBox) -> bool {
    let (w, h) = (b.width(), b.height());
    if h < MIN_HEIGHT || b.right > ink.width || b.bottom > ink.height {
        return false;
    }
    let aspect = w as f32 / h as f32;
    if !(MIN_ASPECT..=MAX_ASPECT).contains(&aspect) {
        return false;
    }
    let holes = holes(ink, b);
    let big: Vec<&PixelBox> = holes.iter().filter(|(_, area)| *area as f32 >= MIN_HOLE_AREA * (w * h) as f32).map(|(hb, _)| hb).collect();
    let [hole] = big.as_slice() else { return false };
    let centre = (hole.top + hole.bottom) as f32 / 2.0 - b.top as f32;
    hole.height() as f32 >= MIN_HOLE_HEIGHT * h as f32 && (centre - h as f32 / 2.0).abs() <= MAX_HOLE_OFFSET * h as f32
}

/// The paper regions inside the box that do not reach its edge (4-connected),
/// with their areas in pixels.
fn holes(ink: &Ink, b: &PixelBox) -> Vec<(PixelBox, usize)> {
    let (w, h) = (b.width(), b.height());
    let paper = |x: usize, y: usize| !ink.dots[(b.top + y) * ink.width + b.left + x];
    // 0 unvisited, 1 reaches the edge, 2 visited inside.
    let mut seen = vec![0u8; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        let (sx, sy) = (start % w, start / w);
        if seen[start] != 0 || !paper(sx, sy) {
            continue;
        }
        let mut region = PixelBox { left: sx, top: sy, right: sx + 1, bottom: sy + 1 };
        let (mut area, mut open) = (0, false);
        seen[start] = 2;
        stack.push((sx, sy));
        while let Some((x, y)) = stack.pop() {
            area += 1;
            open |= x == 0 || y == 0 || x + 1 == w || y + 1 == h;
            region.left = region.left.min(x);
            region.right = region.right.max(x + 1);
            region.top = region.top.min(y);
            region.bottom = region.bottom.max(y + 1);
            let mut visit = |nx: usize, ny: usize| {
                if seen[ny * w + nx] == 0 && paper(nx, ny) {
                    seen[ny * w + nx] = 2;
                    stack.push((nx, ny));
                }
            };
            if x > 0 {
                visit(x - 1, y);
            }
            if x + 1 < w {
                visit(x + 1, y);
            }
            if y > 0 {
                visit(x, y - 1);
            }
            if y + 1 < h {
                visit(x, y + 1);
            }
        }
        if !open {
            let placed = PixelBox { left: b.left + region.left, top: b.top + region.top, right: b.left + region.right, bottom: b.top + region.bottom };
            out.push((placed, area));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An ink map drawn with '#' for ink, and the box around all of it.
    fn drawn(rows: &[&str]) -> (Ink, PixelBox) {
        let width = rows[0].len();
        let dots = rows.iter().flat_map(|r| r.chars().map(|c| c == '#')).collect();
        let ink = Ink { width, height: rows.len(), dots };
        (ink, PixelBox { left: 0, top: 0, right: width, bottom: rows.len() })
    }

    const ZERO: [&str; 10] =
        ["..####..", ".##..##.", "##....##", "##....##", "##....##", "##....##", "##....##", "##....##", ".##..##.", "..####.."];
    const EIGHT: [&str; 10] =
        ["..####..", ".##..##.", ".##..##.", "..####..", ".##..##.", "##....##", "##....##", "##....##", ".##..##.", "..####.."];
    const SIX: [&str; 10] =
        ["..####..", ".##.....", "##......", "##......", "######..", "##...##.", "##....##", "##....##", ".##..##.", "..####.."];
    const NINE: [&str; 10] =
        ["..####..", ".##..##.", "##....##", "##....##", ".##...##", "..######", "......##", "......##", ".....##.", "..####.."];
    const ONE: [&str; 10] =
        ["...##...", "..###...", ".####...", "...##...", "...##...", "...##...", "...##...", "...##...", "...##...", ".######."];

    #[test]
    fn a_zero_is_told_from_the_other_digits() {
        let (ink, b) = drawn(&ZERO);
        assert!(is_zero_shaped(&ink, &b));
        for other in [EIGHT, SIX, NINE, ONE] {
            let (ink, b) = drawn(&other);
            assert!(!is_zero_shaped(&ink, &b), "{other:?}");
        }
    }

    #[test]
    fn a_zero_with_its_hole_filled_or_too_wide_is_not_believed() {
        let mut filled = ZERO;
        filled[5] = "########";
        let (ink, b) = drawn(&filled);
        assert!(!is_zero_shaped(&ink, &b));
        // A letter O: as wide as it is nearly tall.
        let o = ["...######...", ".###....###.", "##........##", "##........##", "##........##", "##........##", "##........##", "##........##", ".###....###.", "...######..."];
        let (ink, b) = drawn(&o);
        assert!(!is_zero_shaped(&ink, &b));
    }
}
