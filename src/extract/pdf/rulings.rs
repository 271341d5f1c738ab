//! Ruling lines (table borders) from painted paths.
//!
//! Office suites draw cell borders either as stroked line segments (Calc,
//! Writer) or as thin filled rectangles (Word, Excel). Both become
//! horizontal or vertical [`Ruling`]s on the displayed page; diagonal and
//! curved strokes are not rulings and are dropped.

use super::frame::{apply, PageFrame};
use crate::extract::Ruling;
use pdf_extract::{Path, PathOp, Transform};

/// A filled shape narrower than this (points) is a line, not an area.
const THIN: f64 = 2.0;
/// How far the ends of a segment may drift across its axis and still count
/// as horizontal or vertical.
const AXIS_TOLERANCE: f64 = 0.5;
/// Segments on the same axis this close (points) are one ruling: a double
/// border or a stroke and a fill drawn for the same cell edge.
const SAME_LINE: f32 = 1.0;
/// Collinear segments whose ends are this close are joined (cells of one
/// row are usually bordered piecewise).
const JOIN_GAP: f32 = 1.0;
/// Shorter merged rulings are dots or glyph-sized marks.
const MIN_LENGTH: f32 = 2.0;

type Point = (f64, f64);

/// Stroked paths: every straight axis-aligned segment is a ruling.
pub fn from_stroke(path: &Path, ctm: &Transform, frame: &PageFrame, out: &mut Vec<Ruling>) {
    for subpath in subpaths(path, ctm, frame) {
        for pair in subpath.windows(2) {
            // The piece is straight if it ends in a line vertex.
            if let Vertex::Line(end) = pair[1] {
                out.extend(axis_segment(pair[0].point(), end));
            }
        }
    }
}

/// Filled paths: a subpath whose bounding box is thin in one direction and
/// long in the other is a ruling along its middle.
pub fn from_fill(path: &Path, ctm: &Transform, frame: &PageFrame, out: &mut Vec<Ruling>) {
    for subpath in subpaths(path, ctm, frame) {
        let Some((x0, y0, x1, y1)) = bounds(&subpath) else { continue };
        let (w, h) = (x1 - x0, y1 - y0);
        if h < THIN && w >= THIN {
            let y = (y0 + y1) / 2.0;
            out.push(Ruling { x0: x0 as f32, y0: y as f32, x1: x1 as f32, y1: y as f32 });
        } else if w < THIN && h >= THIN {
            let x = (x0 + x1) / 2.0;
            out.push(Ruling { x0: x as f32, y0: y0 as f32, x1: x as f32, y1: y1 as f32 });
        }
    }
}

/// A path vertex on the displayed page; `Curve` ends a curved piece, so the
/// piece leading to it is not straight.
#[derive(Debug, Clone, Copy)]
enum Vertex {
    Line(Point),
    Curve(Point),
}

impl Vertex {
    fn point(self) -> Point {
        match self {
            Vertex::Line(p) | Vertex::Curve(p) => p,
        }
    }
}

/// Splits a path into subpaths of displayed-page vertices; rectangles and
/// closed subpaths end where they started.
fn subpaths(path: &Path, ctm: &Transform, frame: &PageFrame) -> Vec<Vec<Vertex>> {
    let place = |x: f64, y: f64| {
        let (ux, uy) = apply(ctm, x, y);
        frame.point(ux, uy)
    };
    let mut all: Vec<Vec<Vertex>> = Vec::new();
    let mut current: Vec<Vertex> = Vec::new();
    for op in &path.ops {
        match *op {
            PathOp::MoveTo(x, y) => {
                flush(&mut current, &mut all);
                current.push(Vertex::Line(place(x, y)));
            }
            PathOp::LineTo(x, y) => current.push(Vertex::Line(place(x, y))),
            PathOp::CurveTo(_, _, _, _, x, y) => current.push(Vertex::Curve(place(x, y))),
            PathOp::Rect(x, y, w, h) => {
                flush(&mut current, &mut all);
                let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                all.push(corners.iter().map(|&(cx, cy)| Vertex::Line(place(cx, cy))).collect());
            }
            PathOp::Close => {
                if let Some(first) = current.first().copied() {
                    current.push(Vertex::Line(first.point()));
                }
            }
        }
    }
    flush(&mut current, &mut all);
    all
}

fn flush(current: &mut Vec<Vertex>, all: &mut Vec<Vec<Vertex>>) {
    if !current.is_empty() {
        all.push(std::mem::take(current));
    }
}

fn bounds(subpath: &[Vertex]) -> Option<(f64, f64, f64, f64)> {
    let mut it = subpath.iter().map(|v| v.point());
    let (x, y) = it.next()?;
    Some(it.fold((x, y, x, y), |(x0, y0, x1, y1), (x, y)| (x0.min(x), y0.min(y), x1.max(x), y1.max(y))))
}

/// The segment as a ruling if it is horizontal or vertical.
fn axis_segment(a: Point, b: Point) -> Option<Ruling> {
    let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
    if dy <= AXIS_TOLERANCE && dx > dy {
        let y = ((a.1 + b.1) / 2.0) as f32;
        Some(Ruling { x0: a.0.min(b.0) as f32, y0: y, x1: a.0.max(b.0) as f32, y1: y })
    } else if dx <= AXIS_TOLERANCE && dy > dx {
        let x = ((a.0 + b.0) / 2.0) as f32;
        Some(Ruling { x0: x, y0: a.1.min(b.1) as f32, x1: x, y1: a.1.max(b.1) as f32 })
    } else {
        None
    }
}

/// A ruling seen along its own axis: where it sits across the axis and the
/// interval it covers along it.
#[derive(Debug, Clone, Copy)]
struct Span {
    across: f32,
    start: f32,
    end: f32,
}

/// Clips rulings to the page, joins collinear overlapping or touching ones
/// and drops the tiny rest. Horizontal rulings come first (top to bottom),
/// then vertical ones (left to right).
pub fn merge(rulings: Vec<Ruling>, width: f32, height: f32) -> Vec<Ruling> {
    let clipped = rulings.into_iter().filter_map(|r| clip(r, width, height));
    let (horizontal, vertical): (Vec<Ruling>, Vec<Ruling>) = clipped.partition(Ruling::is_horizontal);
    let h = join_spans(horizontal.iter().map(|r| Span { across: r.y0, start: r.x0, end: r.x1 }).collect());
    let v = join_spans(vertical.iter().map(|r| Span { across: r.x0, start: r.y0, end: r.y1 }).collect());
    let h = h.into_iter().map(|s| Ruling { x0: s.start, y0: s.across, x1: s.end, y1: s.across });
    let v = v.into_iter().map(|s| Ruling { x0: s.across, y0: s.start, x1: s.across, y1: s.end });
    h.chain(v).collect()
}

fn clip(r: Ruling, width: f32, height: f32) -> Option<Ruling> {
    let c = Ruling { x0: r.x0.max(0.0), y0: r.y0.max(0.0), x1: r.x1.min(width), y1: r.y1.min(height) };
    (c.x0 <= c.x1 && c.y0 <= c.y1).then_some(c)
}

/// Groups spans lying on (nearly) the same line, then joins the intervals in
/// each group.
fn join_spans(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by(|a, b| a.across.total_cmp(&b.across));
    let mut out = Vec::new();
    let mut group: Vec<Span> = Vec::new();
    for span in spans {
        if group.first().is_some_and(|first| span.across - first.across > SAME_LINE) {
            join_group(&mut group, &mut out);
        }
        group.push(span);
    }
    join_group(&mut group, &mut out);
    out
}

fn join_group(group: &mut Vec<Span>, out: &mut Vec<Span>) {
    if group.is_empty() {
        return;
    }
    let across = group.iter().map(|s| s.across).sum::<f32>() / group.len() as f32;
    group.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut current: Option<Span> = None;
    for s in group.drain(..) {
        current = match current {
            Some(c) if s.start <= c.end + JOIN_GAP => Some(Span { end: c.end.max(s.end), ..c }),
            Some(c) => {
                push_if_long(c, across, out);
                Some(s)
            }
            None => Some(s),
        };
    }
    if let Some(c) = current {
        push_if_long(c, across, out);
    }
}

fn push_if_long(s: Span, across: f32, out: &mut Vec<Span>) {
    if s.end - s.start >= MIN_LENGTH {
        out.push(Span { across, ..s });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(x0: f32, x1: f32, y: f32) -> Ruling {
        Ruling { x0, y0: y, x1, y1: y }
    }
    fn v(x: f32, y0: f32, y1: f32) -> Ruling {
        Ruling { x0: x, y0, x1: x, y1 }
    }
    fn path(ops: Vec<PathOp>) -> Path {
        Path { ops }
    }
    fn frame() -> PageFrame {
        PageFrame::new(0.0, 0.0, 600.0, 800.0, 0)
    }

    #[test]
    fn stroked_lines_become_rulings_and_diagonals_do_not() {
        let p = path(vec![
            PathOp::MoveTo(10.0, 700.0),
            PathOp::LineTo(110.0, 700.0),
            PathOp::MoveTo(10.0, 700.0),
            PathOp::LineTo(10.0, 600.0),
            PathOp::MoveTo(0.0, 0.0),
            PathOp::LineTo(50.0, 50.0),
        ]);
        let mut out = Vec::new();
        from_stroke(&p, &Transform::identity(), &frame(), &mut out);
        assert_eq!(out, vec![h(10.0, 110.0, 100.0), v(10.0, 100.0, 200.0)]);
    }

    #[test]
    fn stroked_rectangle_gives_four_edges() {
        let p = path(vec![PathOp::Rect(10.0, 10.0, 100.0, 50.0)]);
        let mut out = Vec::new();
        from_stroke(&p, &Transform::identity(), &frame(), &mut out);
        assert_eq!(out.len(), 4);
    }

    #[test]
    fn thin_filled_rectangles_are_rulings_but_areas_and_dots_are_not() {
        let p = path(vec![
            PathOp::Rect(10.0, 700.0, 100.0, 0.5),
            PathOp::Rect(10.0, 600.0, 0.5, 100.0),
            PathOp::Rect(200.0, 200.0, 100.0, 100.0),
            PathOp::Rect(300.0, 300.0, 0.5, 0.5),
        ]);
        let mut out = Vec::new();
        from_fill(&p, &Transform::identity(), &frame(), &mut out);
        assert_eq!(out, vec![h(10.0, 110.0, 99.75), v(10.25, 100.0, 200.0)]);
    }

    #[test]
    fn ctm_is_applied() {
        let p = path(vec![PathOp::MoveTo(0.0, 0.0), PathOp::LineTo(10.0, 0.0)]);
        let ctm = Transform::row_major(2.0, 0.0, 0.0, 2.0, 100.0, 100.0);
        let mut out = Vec::new();
        from_stroke(&p, &ctm, &frame(), &mut out);
        assert_eq!(out, vec![h(100.0, 120.0, 700.0)]);
    }

    #[test]
    fn collinear_pieces_are_joined_and_separate_lines_kept() {
        let merged = merge(
            vec![h(0.0, 50.0, 100.0), h(50.0, 90.0, 100.4), h(150.0, 200.0, 100.0), h(0.0, 50.0, 120.0)],
            600.0,
            800.0,
        );
        assert_eq!(merged.len(), 3);
        assert_eq!((merged[0].x0, merged[0].x1), (0.0, 90.0));
        assert_eq!((merged[1].x0, merged[1].x1), (150.0, 200.0));
        assert_eq!(merged[2].y0, 120.0);
    }

    #[test]
    fn tiny_and_off_page_rulings_are_dropped() {
        let merged = merge(vec![h(0.0, 1.0, 10.0), v(10.0, -50.0, -10.0), v(10.0, 790.0, 900.0)], 600.0, 800.0);
        assert_eq!(merged, vec![v(10.0, 790.0, 800.0)]);
    }
}
