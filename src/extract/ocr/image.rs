//! The page image of a scan: which image XObject a page draws, where, and
//! turned so that it reads upright on the displayed page.
//!
//! The content stream is walked for `cm`, `q`/`Q` and `Do` only; form
//! XObjects are followed (some scan tools wrap the page image in one).
//! A page that draws several images is represented by the largest, which
//! for a scan is the page itself (the others are logos or stamps).

use super::decode::{decode, DecodeError};
use super::deskew::Level;
use super::raster::Gray;
use crate::extract::pdf::{PageFrame, PageRef};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// Forms nested deeper than this are not followed (guards against cycles).
const MAX_FORM_DEPTH: usize = 8;
/// Images covering less of the page than this are decorations, not a scan.
const MIN_PAGE_SHARE: f64 = 0.25;

/// Maps a pixel of the upright raster to displayed-page points: first
/// levelled (if the scan is askew), then `x = x0 + px * sx`, `y = y0 + py * sy`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub x0: f64,
    pub y0: f64,
    pub sx: f64,
    pub sy: f64,
    pub level: Level,
}

impl Placement {
    /// A pixel box (left, top, width, height) in points (x0, y0, x1, y1).
    pub fn points(&self, left: f64, top: f64, width: f64, height: f64) -> (f32, f32, f32, f32) {
        let (left, top, width, height) = self.level.boxed(left, top, width, height);
        let x0 = self.x0 + left * self.sx;
        let y0 = self.y0 + top * self.sy;
        (x0 as f32, y0 as f32, (x0 + width * self.sx) as f32, (y0 + height * self.sy) as f32)
    }

    /// The raster's resolution in dots per inch, as Tesseract wants it.
    pub fn dpi(&self) -> u32 {
        (72.0 / self.sx.max(self.sy).max(1e-6)).round().clamp(30.0, 2400.0) as u32
    }
}

/// The upright page raster and where it sits on the page.
#[derive(Debug, Clone)]
pub struct PageImage {
    pub gray: Gray,
    pub placement: Placement,
}

/// The page's scan image, or None when it draws no image large enough.
pub fn page_image(doc: &Document, page: &PageRef, frame: &PageFrame) -> Result<Option<PageImage>, DecodeError> {
    let mut placed = Vec::new();
    let resources = page_resources(doc, page.id);
    let content = doc.get_page_content(page.id).ok().and_then(|data| Content::decode(&data).ok());
    if let Some(content) = content {
        collect_images(doc, &content, &resources, IDENTITY, 0, &mut placed);
    }
    let (page_width, page_height) = frame.size();
    let corners = |m: &Matrix| Corners::of(m, frame);
    let Some((id, corners)) = placed
        .into_iter()
        .map(|(id, m)| (id, corners(&m)))
        .max_by(|a, b| a.1.area().total_cmp(&b.1.area()))
    else {
        return Ok(None);
    };
    if corners.area() < MIN_PAGE_SHARE * page_width * page_height {
        return Ok(None);
    }
    let stream = doc.get_object(id).and_then(Object::as_stream).map_err(|e| DecodeError::Damaged(e.to_string()))?;
    let gray = decode(doc, stream)?;
    upright(gray, corners).map(Some).ok_or_else(|| DecodeError::Unsupported("image drawn at an angle".into()))
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`, in PDF's row-vector convention (`cm` makes CTM = M × CTM).
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn matrix_of(operands: &[Object]) -> Option<Matrix> {
    let mut m = [0.0; 6];
    if operands.len() != 6 {
        return None;
    }
    for (slot, o) in m.iter_mut().zip(operands) {
        *slot = f64::from(o.as_float().ok()?);
    }
    Some(m)
}

/// Records every image drawn by `content` with its CTM; follows forms.
fn collect_images(
    doc: &Document,
    content: &Content,
    resources: &[Dictionary],
    ctm: Matrix,
    depth: usize,
    out: &mut Vec<(ObjectId, Matrix)>,
) {
    let mut stack = Vec::new();
    let mut ctm = ctm;
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(ctm),
            "cm" => {
                if let Some(m) = matrix_of(&op.operands) {
                    ctm = multiply(&m, &ctm);
                }
            }
            "Do" => {
                let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else { continue };
                let Some(id) = xobject(doc, resources, name) else { continue };
                let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else { continue };
                match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                    Ok(b"Image") => out.push((id, ctm)),
                    Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                        let form_matrix = stream.dict.get(b"Matrix").ok().and_then(|m| m.as_array().ok()).and_then(|a| matrix_of(a));
                        let form_ctm = multiply(&form_matrix.unwrap_or(IDENTITY), &ctm);
                        let mut form_resources: Vec<Dictionary> = stream
                            .dict
                            .get(b"Resources")
                            .ok()
                            .and_then(|r| doc.dereference(r).ok())
                            .and_then(|(_, r)| r.as_dict().ok().cloned())
                            .into_iter()
                            .collect();
                        form_resources.extend(resources.iter().cloned());
                        let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
                        if let Ok(form) = Content::decode(&data) {
                            collect_images(doc, &form, &form_resources, form_ctm, depth + 1, out);
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// The page's resource dictionaries, own first, then inherited.
fn page_resources(doc: &Document, page: ObjectId) -> Vec<Dictionary> {
    let Ok((own, inherited)) = doc.get_page_resources(page) else { return Vec::new() };
    own.cloned().into_iter().chain(inherited.into_iter().filter_map(|id| doc.get_dictionary(id).ok().cloned())).collect()
}

fn xobject(doc: &Document, resources: &[Dictionary], name: &[u8]) -> Option<ObjectId> {
    resources.iter().find_map(|res| {
        let xobjects = doc.dereference(res.get(b"XObject").ok()?).ok()?.1.as_dict().ok()?;
        xobjects.get(name).ok()?.as_reference().ok()
    })
}

/// Where the image's top-left, top-right and bottom-left corners land on
/// the displayed page (PDF draws an image in the unit square, first row at
/// the top, v = 1).
#[derive(Debug, Clone, Copy)]
struct Corners {
    top_left: (f64, f64),
    top_right: (f64, f64),
    bottom_left: (f64, f64),
}

impl Corners {
    fn of(m: &Matrix, frame: &PageFrame) -> Self {
        let place = |u: f64, v: f64| frame.point(m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]);
        Corners { top_left: place(0.0, 1.0), top_right: place(1.0, 1.0), bottom_left: place(0.0, 0.0) }
    }

    fn area(&self) -> f64 {
        let (ax, ay) = (self.top_right.0 - self.top_left.0, self.top_right.1 - self.top_left.1);
        let (bx, by) = (self.bottom_left.0 - self.top_left.0, self.bottom_left.1 - self.top_left.1);
        (ax * by - ay * bx).abs()
    }
}

/// Turns the raster so that its x axis runs right and its y axis down on
/// the displayed page; None when the image is drawn skewed (not a quarter
/// turn), which no scan tool does.
fn upright(gray: Gray, corners: Corners) -> Option<PageImage> {
    let (w, h) = (gray.width as f64, gray.height as f64);
    let origin = corners.top_left;
    // Displacement per pixel along the raster's x and y axes.
    let mut along_x = ((corners.top_right.0 - origin.0) / w, (corners.top_right.1 - origin.1) / w);
    let mut along_y = ((corners.bottom_left.0 - origin.0) / h, (corners.bottom_left.1 - origin.1) / h);
    let axis_aligned = |a: (f64, f64), b: (f64, f64)| a.1.abs() <= 1e-3 * a.0.abs() && b.0.abs() <= 1e-3 * b.1.abs();
    let mut gray = gray;
    if !axis_aligned(along_x, along_y) {
        if !axis_aligned(along_y, along_x) {
            return None;
        }
        gray = gray.transposed();
        std::mem::swap(&mut along_x, &mut along_y);
    }
    let mut x0 = origin.0;
    let mut y0 = origin.1;
    if along_x.0 < 0.0 {
        gray = gray.flipped_horizontally();
        x0 += along_x.0 * gray.width as f64;
        along_x.0 = -along_x.0;
    }
    if along_y.1 < 0.0 {
        gray = gray.flipped_vertically();
        y0 += along_y.1 * gray.height as f64;
        along_y.1 = -along_y.1;
    }
    Some(PageImage { gray, placement: Placement { x0, y0, sx: along_x.0, sy: along_y.1, level: Level::NONE } })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> PageFrame {
        PageFrame::new(0.0, 0.0, 600.0, 800.0, 0)
    }

    #[test]
    fn full_page_image_maps_pixels_to_points() {
        let gray = Gray::blank(1200, 1600);
        let corners = Corners::of(&[600.0, 0.0, 0.0, 800.0, 0.0, 0.0], &frame());
        let image = upright(gray, corners).unwrap();
        let p = image.placement;
        assert_eq!((p.x0, p.y0, p.sx, p.sy), (0.0, 0.0, 0.5, 0.5));
        assert_eq!(image.placement.dpi(), 144);
        assert_eq!(image.placement.points(100.0, 200.0, 10.0, 20.0), (50.0, 100.0, 55.0, 110.0));
    }

    #[test]
    fn image_drawn_upside_down_is_flipped_back() {
        let mut gray = Gray::blank(2, 2);
        gray.pixels[0] = 0; // first row, left
        // Flipped vertically: v runs down, so the first row lands at the bottom.
        let corners = Corners::of(&[600.0, 0.0, 0.0, -800.0, 0.0, 800.0], &frame());
        let image = upright(gray, corners).unwrap();
        assert_eq!(image.gray.pixels, vec![255, 255, 0, 255]);
        assert_eq!((image.placement.x0, image.placement.y0), (0.0, 0.0));
    }

    #[test]
    fn quarter_turned_image_is_transposed() {
        let gray = Gray::blank(1600, 1200);
        // Rotated 90°: image x runs down the page, image y runs right to left... placed as a portrait page.
        let corners = Corners::of(&[0.0, -800.0, 600.0, 0.0, 0.0, 800.0], &frame());
        let image = upright(gray, corners).unwrap();
        assert_eq!((image.gray.width, image.gray.height), (1200, 1600));
        assert!((image.placement.sx - 0.5).abs() < 1e-9 && (image.placement.sy - 0.5).abs() < 1e-9);
    }

    #[test]
    fn cm_concatenates_in_pdf_order() {
        let scale = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        let shift = [1.0, 0.0, 0.0, 1.0, 10.0, 0.0];
        // `shift cm` then `scale cm`: the scale applies first to the image's points.
        assert_eq!(multiply(&scale, &shift), [2.0, 0.0, 0.0, 2.0, 10.0, 0.0]);
    }
}
