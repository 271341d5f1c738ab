//! Straightening a scan that went through the scanner a little askew.
//!
//! A tilt of half a degree moves the right edge of a table row 4 points
//! above its left edge: enough to split one row into two lines or join two
//! rows into one. The tilt is found by the projection-profile method: the
//! ink, projected onto the vertical axis along lines of a trial slope, gives
//! the sharpest profile (text lines and borders as tall narrow peaks) at the
//! slope of the lines. The positions of the words and borders read from the
//! raster are then rotated back ([`Level`]).

use super::raster::Ink;

/// Slopes tried, in degrees: scanners rarely tilt a page by more than this.
const MAX_DEGREES: f64 = 3.0;
const COARSE_STEP: f64 = 0.1;
const FINE_STEP: f64 = 0.01;
/// Tilts smaller than this are left alone (resampling blurs a little, and
/// below it a page-wide row drifts by well under a point).
const MIN_DEGREES: f64 = 0.05;
/// Every how many columns an ink pixel is sampled for the profile (every
/// row is, or the profile of a level page would have empty rows between
/// its samples and look sharper than any tilt).
const SAMPLE: usize = 2;

/// The slope of the page's lines in degrees; positive when they rise to the
/// right (y, which grows downwards, decreasing with x).
pub fn skew_degrees(ink: &Ink) -> f64 {
    let points = ink_sample(ink);
    if points.is_empty() {
        return 0.0;
    }
    let best_in = |from: f64, to: f64, step: f64| {
        let steps = ((to - from) / step).round() as i64;
        (0..=steps)
            .map(|i| from + i as f64 * step)
            .map(|deg| (deg, sharpness(&points, deg, ink.height)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.abs().total_cmp(&a.0.abs())))
            .map(|(deg, _)| deg)
            .unwrap_or(0.0)
    };
    let coarse = best_in(-MAX_DEGREES, MAX_DEGREES, COARSE_STEP);
    best_in(coarse - COARSE_STEP, coarse + COARSE_STEP, FINE_STEP)
}

fn ink_sample(ink: &Ink) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    for y in 0..ink.height {
        for x in (0..ink.width).step_by(SAMPLE) {
            if ink.dots[y * ink.width + x] {
                points.push((x as f64, y as f64));
            }
        }
    }
    points
}

/// Sum of squared bin counts of the profile along lines rising `degrees`.
fn sharpness(points: &[(f64, f64)], degrees: f64, height: usize) -> f64 {
    let slope = degrees.to_radians().tan();
    let margin = (points.iter().map(|p| p.0).fold(0.0, f64::max) * slope.abs()).ceil() as usize + 1;
    let mut bins = vec![0u32; height + 2 * margin];
    for &(x, y) in points {
        // Along a line rising to the right, y + x·slope is constant.
        let row = (y + x * slope).round() as i64 + margin as i64;
        if let Some(bin) = usize::try_from(row).ok().and_then(|r| bins.get_mut(r)) {
            *bin += 1;
        }
    }
    bins.iter().map(|&n| (n as f64) * (n as f64)).sum()
}

/// Levelling of positions read from an askew raster: rotates points about
/// the raster's centre so that lines rising `degrees` become level. The
/// raster itself is not resampled: Tesseract reads slightly tilted text as
/// well as level text, and interpolation blurs thin strokes ("%" read as
/// "96" after resampling, in our tests).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level {
    sin: f64,
    cos: f64,
    cx: f64,
    cy: f64,
}

impl Level {
    /// No levelling.
    pub const NONE: Level = Level { sin: 0.0, cos: 1.0, cx: 0.0, cy: 0.0 };

    /// The levelling of a `width` by `height` raster whose lines rise
    /// `degrees`; tiny tilts are ignored.
    pub fn new(degrees: f64, width: usize, height: usize) -> Self {
        let degrees = if degrees.abs() < MIN_DEGREES { 0.0 } else { degrees };
        let (sin, cos) = degrees.to_radians().sin_cos();
        Level { sin, cos, cx: width as f64 / 2.0, cy: height as f64 / 2.0 }
    }

    /// A point of the raster where it would be on the level page.
    pub fn point(&self, x: f64, y: f64) -> (f64, f64) {
        let (dx, dy) = (x - self.cx, y - self.cy);
        // Along a line rising `degrees`, y + x·tan(degrees) is constant; the
        // rotation keeps that line's level coordinate fixed.
        (self.cx + dx * self.cos - dy * self.sin, self.cy + dy * self.cos + dx * self.sin)
    }

    /// A box (left, top, width, height) moved with its centre.
    pub fn boxed(&self, left: f64, top: f64, width: f64, height: f64) -> (f64, f64, f64, f64) {
        let (cx, cy) = self.point(left + width / 2.0, top + height / 2.0);
        (cx - width / 2.0, cy - height / 2.0, width, height)
    }
}

#[cfg(test)]
mod tests {
    use super::super::raster::Gray;
    use super::*;

    /// Dark lines rising `degrees` to the right, 20px apart.
    fn tilted_lines(degrees: f64) -> Gray {
        let (w, h) = (600, 300);
        let slope = degrees.to_radians().tan();
        let mut g = Gray::blank(w, h);
        for x in 20..w - 20 {
            for base in (40..h - 40).step_by(20) {
                let y = (base as f64 - x as f64 * slope + 10.0).round() as usize;
                g.pixels[y * w + x] = 0;
                g.pixels[(y + 1) * w + x] = 0;
            }
        }
        g
    }

    #[test]
    fn finds_the_tilt_of_lines() {
        for degrees in [0.0, 0.45, -0.8, 1.7] {
            let found = skew_degrees(&tilted_lines(degrees).ink());
            assert!((found - degrees).abs() <= 0.03, "{degrees} gave {found}");
        }
    }

    #[test]
    fn levelling_puts_a_rising_line_on_one_level() {
        let degrees: f64 = 0.6;
        let level = Level::new(degrees, 600, 300);
        let slope = degrees.to_radians().tan();
        let (_, left) = level.point(20.0, 150.0);
        let (_, right) = level.point(580.0, 150.0 - 560.0 * slope);
        assert!((left - right).abs() < 1e-6);
    }

    #[test]
    fn a_level_page_stays_put() {
        assert_eq!(Level::new(0.01, 10, 10).point(3.0, 4.0), (3.0, 4.0));
    }
}
