//! From PDF user space (origin bottom-left, y up, possibly a shifted media
//! box and a /Rotate) to the page as displayed: origin top-left, y down,
//! in points. Everything the reader outputs is in the displayed frame.

use pdf_extract::Transform;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageFrame {
    llx: f64,
    ury: f64,
    /// Unrotated media box size.
    media_width: f64,
    media_height: f64,
    /// Clockwise display rotation: 0, 90, 180 or 270.
    rotate: u16,
}

impl PageFrame {
    pub fn new(llx: f64, lly: f64, urx: f64, ury: f64, rotate: u16) -> Self {
        // Media boxes may list their corners in either order.
        let (llx, urx) = (llx.min(urx), llx.max(urx));
        let (lly, ury) = (lly.min(ury), lly.max(ury));
        PageFrame { llx, ury, media_width: urx - llx, media_height: ury - lly, rotate }
    }

    /// Size of the displayed page.
    pub fn size(&self) -> (f64, f64) {
        if self.rotate % 180 == 90 {
            (self.media_height, self.media_width)
        } else {
            (self.media_width, self.media_height)
        }
    }

    /// A user-space point in the displayed frame.
    pub fn point(&self, x: f64, y: f64) -> (f64, f64) {
        // Unrotated, top-down.
        let u = x - self.llx;
        let v = self.ury - y;
        let (w, h) = (self.media_width, self.media_height);
        match self.rotate {
            90 => (h - v, u),
            180 => (w - u, h - v),
            270 => (v, w - u),
            _ => (u, v),
        }
    }

    /// A user-space displacement in the displayed frame.
    pub fn vector(&self, dx: f64, dy: f64) -> (f64, f64) {
        let (x0, y0) = self.point(0.0, 0.0);
        let (x1, y1) = self.point(dx, dy);
        (x1 - x0, y1 - y0)
    }

    pub fn contains(&self, x: f64, y: f64, margin: f64) -> bool {
        let (w, h) = self.size();
        x >= -margin && x <= w + margin && y >= -margin && y <= h + margin
    }
}

/// Applies a PDF matrix to a point (row-vector convention, as in the spec).
pub fn apply(m: &Transform, x: f64, y: f64) -> (f64, f64) {
    (x * m.m11 + y * m.m21 + m.m31, x * m.m12 + y * m.m22 + m.m32)
}

/// Applies a PDF matrix to a displacement (no translation).
pub fn apply_vector(m: &Transform, dx: f64, dy: f64) -> (f64, f64) {
    (dx * m.m11 + dy * m.m21, dx * m.m12 + dy * m.m22)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unrotated_flips_y_and_shifts_origin() {
        let f = PageFrame::new(10.0, 20.0, 110.0, 220.0, 0);
        assert_eq!(f.size(), (100.0, 200.0));
        assert_eq!(f.point(10.0, 220.0), (0.0, 0.0));
        assert_eq!(f.point(60.0, 20.0), (50.0, 200.0));
        assert_eq!(f.vector(1.0, 1.0), (1.0, -1.0));
    }

    #[test]
    fn rotate_90_puts_user_top_left_at_display_top_right() {
        let f = PageFrame::new(0.0, 0.0, 100.0, 200.0, 90);
        assert_eq!(f.size(), (200.0, 100.0));
        assert_eq!(f.point(0.0, 200.0), (200.0, 0.0));
        // Text running up the unrotated page reads left to right when displayed.
        assert_eq!(f.vector(0.0, 1.0), (1.0, 0.0));
    }

    #[test]
    fn rotate_270_puts_user_top_left_at_display_bottom_left() {
        let f = PageFrame::new(0.0, 0.0, 100.0, 200.0, 270);
        assert_eq!(f.point(0.0, 200.0), (0.0, 100.0));
    }
}
