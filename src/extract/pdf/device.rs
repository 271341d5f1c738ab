//! The pdf-extract output device: records every glyph and every ruling of
//! one page, placed on the displayed page. Grouping happens afterwards.

use super::frame::PageFrame;
use super::glyph::Glyph;
use super::rulings;
use crate::extract::Ruling;
use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, Transform};

/// Glyphs farther than this (points) outside the page are not shown by any
/// viewer, so they are not text of the page.
const OFF_PAGE_MARGIN: f64 = 2.0;

pub struct PageCollector {
    /// The page's /Rotate (pdf-extract does not pass it on).
    rotate: u16,
    /// Known once pdf-extract reports the media box.
    pub frame: Option<PageFrame>,
    pub glyphs: Vec<Glyph>,
    pub rulings: Vec<Ruling>,
    run: u32,
}

impl PageCollector {
    pub fn new(rotate: u16) -> Self {
        PageCollector { rotate, frame: None, glyphs: Vec::new(), rulings: Vec::new(), run: 0 }
    }
}

impl OutputDev for PageCollector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let m = media_box;
        self.frame = Some(PageFrame::new(m.llx, m.lly, m.urx, m.ury, self.rotate));
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let Some(frame) = self.frame else { return Ok(()) };
        // Width is the glyph's advance per unit of font size; char and word
        // spacing move the next glyph but are not part of this one's box.
        let glyph = Glyph::place(&frame, trm, width, font_size, text, self.run);
        let finite = [glyph.x0, glyph.x1, glyph.y0, glyph.y1].iter().all(|v| v.is_finite());
        if finite && frame.contains(glyph.origin.0, glyph.origin.1, OFF_PAGE_MARGIN) {
            self.glyphs.push(glyph);
        }
        Ok(())
    }

    /// Called once per shown string.
    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.run += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(&mut self, ctm: &Transform, _cs: &ColorSpace, _color: &[f64], path: &Path) -> Result<(), OutputError> {
        if let Some(frame) = self.frame {
            rulings::from_stroke(path, ctm, &frame, &mut self.rulings);
        }
        Ok(())
    }

    fn fill(&mut self, ctm: &Transform, _cs: &ColorSpace, _color: &[f64], path: &Path) -> Result<(), OutputError> {
        if let Some(frame) = self.frame {
            rulings::from_fill(path, ctm, &frame, &mut self.rulings);
        }
        Ok(())
    }
}
