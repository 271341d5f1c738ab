//! An 8-bit grayscale raster (0 black, 255 white): the page image as
//! Tesseract gets it, and the ink map our own glyph and ruling finders read.

/// Row-major grayscale pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Gray {
    /// A white raster.
    pub fn blank(width: usize, height: usize) -> Self {
        Gray { width, height, pixels: vec![255; width * height] }
    }

    pub fn get(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// Swaps the axes (pixel (x, y) moves to (y, x)).
    pub fn transposed(&self) -> Gray {
        let mut out = Gray::blank(self.height, self.width);
        for y in 0..self.height {
            for x in 0..self.width {
                out.pixels[x * out.width + y] = self.get(x, y);
            }
        }
        out
    }

    /// Mirrors left to right.
    pub fn flipped_horizontally(&self) -> Gray {
        let mut out = self.clone();
        for row in out.pixels.chunks_mut(self.width.max(1)) {
            row.reverse();
        }
        out
    }

    /// Mirrors top to bottom.
    pub fn flipped_vertically(&self) -> Gray {
        let mut pixels = Vec::with_capacity(self.pixels.len());
        for row in self.pixels.chunks(self.width.max(1)).rev() {
            pixels.extend_from_slice(row);
        }
        Gray { width: self.width, height: self.height, pixels }
    }

    /// Copies `src`'s rectangle (x, y, w, h) to (dx, dy) in `self`.
    pub fn paste(&mut self, src: &Gray, (x, y, w, h): (usize, usize, usize, usize), (dx, dy): (usize, usize)) {
        for row in 0..h {
            let from = (y + row) * src.width + x;
            let to = (dy + row) * self.width + dx;
            self.pixels[to..to + w].copy_from_slice(&src.pixels[from..from + w]);
        }
    }

    /// Softened by a 3 x 3 binomial kernel (1 2 1 across and down; edges
    /// repeat): the grain of a JPEG scan smoothed, as a renderer's
    /// resampling does.
    pub fn smoothed(&self) -> Gray {
        let (w, h) = (self.width, self.height);
        if w == 0 || h == 0 {
            return self.clone();
        }
        let pass = |src: &[u16], step: usize, len: usize, count: usize, stride: usize| -> Vec<u16> {
            let mut out = vec![0u16; src.len()];
            for line in 0..count {
                let base = line * stride;
                for i in 0..len {
                    let at = |k: usize| src[base + k * step];
                    let (before, after) = (at(i.saturating_sub(1)), at((i + 1).min(len - 1)));
                    out[base + i * step] = before + 2 * at(i) + after;
                }
            }
            out
        };
        let wide: Vec<u16> = self.pixels.iter().map(|&p| u16::from(p)).collect();
        let across = pass(&wide, 1, w, h, w);
        let both = pass(&across, w, h, w, 1);
        Gray { width: w, height: h, pixels: both.iter().map(|&v| ((v + 8) / 16) as u8).collect() }
    }

    /// Binary PGM (P5), which Tesseract (Leptonica) reads without a codec.
    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }

    /// Otsu's threshold: the gray level that best splits ink from paper.
    /// Pixels darker than it are ink.
    pub fn ink_threshold(&self) -> u8 {
        let mut histogram = [0u64; 256];
        for &p in &self.pixels {
            histogram[p as usize] += 1;
        }
        let total = self.pixels.len() as f64;
        let sum_all: f64 = histogram.iter().enumerate().map(|(v, &n)| v as f64 * n as f64).sum();
        let (mut weight_dark, mut sum_dark) = (0.0, 0.0);
        let (mut best, mut best_variance) = (128u8, -1.0);
        for (level, &n) in histogram.iter().enumerate() {
            weight_dark += n as f64;
            sum_dark += level as f64 * n as f64;
            let weight_light = total - weight_dark;
            if weight_dark == 0.0 || weight_light == 0.0 {
                continue;
            }
            let mean_dark = sum_dark / weight_dark;
            let mean_light = (sum_all - sum_dark) / weight_light;
            let variance = weight_dark * weight_light * (mean_dark - mean_light).powi(2);
            if variance > best_variance {
                best_variance = variance;
                best = level as u8;
            }
        }
        best.saturating_add(1)
    }

    /// The ink map: true where the pixel is darker than the Otsu threshold.
    pub fn ink(&self) -> Ink {
        let threshold = self.ink_threshold();
        Ink { width: self.width, height: self.height, dots: self.pixels.iter().map(|&p| p < threshold).collect() }
    }
}

/// A binary raster: true is ink.
#[derive(Debug, Clone, PartialEq)]
pub struct Ink {
    pub width: usize,
    pub height: usize,
    pub dots: Vec<bool>,
}

#[cfg(test)]
impl Ink {
    /// A raster with ink in the given rectangles (left, top, width, height).
    pub fn with_rects(width: usize, height: usize, rects: &[(usize, usize, usize, usize)]) -> Ink {
        let mut dots = vec![false; width * height];
        for &(l, t, w, h) in rects {
            for y in t..t + h {
                for x in l..l + w {
                    dots[y * width + x] = true;
                }
            }
        }
        Ink { width, height, dots }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raster(width: usize, pixels: &[u8]) -> Gray {
        Gray { width, height: pixels.len() / width, pixels: pixels.to_vec() }
    }

    #[test]
    fn transpose_and_flips_move_pixels() {
        let g = raster(3, &[1, 2, 3, 4, 5, 6]);
        assert_eq!(g.transposed(), raster(2, &[1, 4, 2, 5, 3, 6]));
        assert_eq!(g.flipped_horizontally(), raster(3, &[3, 2, 1, 6, 5, 4]));
        assert_eq!(g.flipped_vertically(), raster(3, &[4, 5, 6, 1, 2, 3]));
    }

    #[test]
    fn otsu_separates_ink_from_paper() {
        let mut pixels = vec![240u8; 90];
        pixels.extend([20u8; 10]);
        let g = raster(10, &pixels);
        let ink = g.ink();
        assert_eq!(ink.dots.iter().filter(|&&d| d).count(), 10);
    }

    #[test]
    fn pgm_has_header_and_pixels() {
        let pgm = raster(2, &[0, 255]).to_pgm();
        assert_eq!(pgm, b"P5\n2 1\n255\n\x00\xff".to_vec());
    }

    #[test]
    fn smoothing_spreads_a_dark_pixel_and_keeps_a_flat_field() {
        let mut g = Gray::blank(3, 3);
        g.pixels[4] = 0;
        let s = g.smoothed();
        // Centre: (255 * 12 + 0 * 4) / 16; edge neighbours lose 2/16, corners 1/16.
        assert_eq!(s.pixels, vec![239, 223, 239, 223, 191, 223, 239, 223, 239]);
        assert_eq!(Gray::blank(4, 2).smoothed(), Gray::blank(4, 2));
        assert_eq!(Gray::blank(0, 0).smoothed(), Gray::blank(0, 0));
    }
}
