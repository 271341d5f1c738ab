//! One shown glyph, placed on the displayed page, with its decoded text.

use super::frame::{apply, apply_vector, PageFrame};
use pdf_extract::Transform;

/// Share of the font size above the baseline taken as the glyph box top.
const ASCENT: f64 = 0.8;
/// Share of the font size below the baseline taken as the glyph box bottom.
const DESCENT: f64 = 0.2;
/// How far (in font sizes) the writing direction may lean and still be upright.
const UPRIGHT_SLANT: f64 = 0.1;

/// What a glyph contributes to the text.
#[derive(Debug, Clone, PartialEq)]
pub enum GlyphText {
    Chars(String),
    /// A space character: always a word boundary.
    Space,
    /// No usable Unicode (no ToUnicode map, U+FFFD, private use, controls).
    Undecodable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: GlyphText,
    /// Box on the displayed page (y down).
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    /// Pen position on the baseline.
    pub origin: (f64, f64),
    /// Font size as rendered (after all scaling), in points.
    pub size: f64,
    /// Written left to right with its top up, as on a normal page.
    pub upright: bool,
    /// Index of the text-showing operation it came from.
    pub run: u32,
}

impl Glyph {
    /// Places a glyph given pdf-extract's rendering matrix (which excludes
    /// the font size), its advance in text-space units per 1000, and its text.
    pub fn place(frame: &PageFrame, trm: &Transform, advance: f64, font_size: f64, raw: &str, run: u32) -> Glyph {
        let (ox, oy) = apply(trm, 0.0, 0.0);
        let origin = frame.point(ox, oy);
        let (ax, ay) = apply_vector(trm, advance * font_size, 0.0);
        let advance = frame.vector(ax, ay);
        let (ux, uy) = apply_vector(trm, 0.0, font_size);
        let up = frame.vector(ux, uy);
        let size = up.0.hypot(up.1);
        // Up points to smaller y on an upright page; zero-width glyphs have no
        // usable advance, so the up vector decides.
        let upright = up.1 < 0.0 && up.0.abs() <= UPRIGHT_SLANT * size;
        let (x0, x1, y0, y1) = glyph_box(origin, advance, up);
        Glyph { text: classify(raw), x0, x1, y0, y1, origin, size, upright, run }
    }

    pub fn baseline(&self) -> f64 {
        self.origin.1
    }
}

/// Bounding box of the parallelogram spanned by the advance and the
/// ascent/descent along the up vector.
fn glyph_box(origin: (f64, f64), advance: (f64, f64), up: (f64, f64)) -> (f64, f64, f64, f64) {
    let mut xs = [0.0; 4];
    let mut ys = [0.0; 4];
    let corners = [(0.0, -DESCENT), (1.0, -DESCENT), (0.0, ASCENT), (1.0, ASCENT)];
    for (i, (a, u)) in corners.iter().enumerate() {
        xs[i] = origin.0 + a * advance.0 + u * up.0;
        ys[i] = origin.1 + a * advance.1 + u * up.1;
    }
    let min = |v: &[f64; 4]| v.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = |v: &[f64; 4]| v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    (min(&xs), max(&xs), min(&ys), max(&ys))
}

/// Sorts pdf-extract's decoded string for one glyph into text, space or junk.
pub fn classify(raw: &str) -> GlyphText {
    if !raw.is_empty() && raw.chars().all(char::is_whitespace) {
        return GlyphText::Space;
    }
    let mut text = String::with_capacity(raw.len());
    for c in raw.chars() {
        if is_undecodable(c) {
            return GlyphText::Undecodable;
        }
        push_expanded(c, &mut text);
    }
    if text.is_empty() {
        GlyphText::Undecodable
    } else {
        GlyphText::Chars(text)
    }
}

fn is_undecodable(c: char) -> bool {
    c == '\u{FFFD}'
        || (c.is_control() && !c.is_whitespace())
        || matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// Office fonts map "fi", "fl", ... to one ligature glyph; the text wants letters.
fn push_expanded(c: char, out: &mut String) {
    let expansion = match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        // A soft hyphen that was drawn is a visible hyphen at a line end.
        '\u{00AD}' => "-",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(expansion);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) -> Transform {
        Transform::row_major(a, b, c, d, e, f)
    }

    #[test]
    fn upright_glyph_box_sits_on_the_flipped_baseline() {
        let frame = PageFrame::new(0.0, 0.0, 600.0, 800.0, 0);
        let g = Glyph::place(&frame, &matrix(1.0, 0.0, 0.0, 1.0, 100.0, 700.0), 0.5, 10.0, "A", 0);
        assert!(g.upright);
        assert_eq!(g.origin, (100.0, 100.0));
        assert_eq!((g.x0, g.x1), (100.0, 105.0));
        assert!((g.y0 - 92.0).abs() < 1e-9 && (g.y1 - 102.0).abs() < 1e-9);
        assert_eq!(g.size, 10.0);
    }

    #[test]
    fn scaled_text_matrix_scales_size_and_advance() {
        let frame = PageFrame::new(0.0, 0.0, 600.0, 800.0, 0);
        let g = Glyph::place(&frame, &matrix(2.0, 0.0, 0.0, 2.0, 0.0, 700.0), 0.5, 1.0, "A", 0);
        assert_eq!(g.size, 2.0);
        assert_eq!(g.x1 - g.x0, 1.0);
    }

    #[test]
    fn vertical_text_is_not_upright() {
        let frame = PageFrame::new(0.0, 0.0, 600.0, 800.0, 0);
        let g = Glyph::place(&frame, &matrix(0.0, 1.0, -1.0, 0.0, 100.0, 100.0), 0.5, 10.0, "A", 0);
        assert!(!g.upright);
    }

    #[test]
    fn classify_sorts_text_space_and_junk() {
        assert_eq!(classify("a"), GlyphText::Chars("a".into()));
        assert_eq!(classify(" "), GlyphText::Space);
        assert_eq!(classify("\u{A0}"), GlyphText::Space);
        assert_eq!(classify(""), GlyphText::Undecodable);
        assert_eq!(classify("\u{FFFD}"), GlyphText::Undecodable);
        assert_eq!(classify("\u{E012}"), GlyphText::Undecodable);
        assert_eq!(classify("\u{0}"), GlyphText::Undecodable);
        assert_eq!(classify("\u{FB01}"), GlyphText::Chars("fi".into()));
    }
}
