//! Connected ink components: the glyphs and strokes of a binarised scan.

use super::raster::Ink;

/// A pixel box: left, top, right, bottom (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PixelBox {
    pub left: usize,
    pub top: usize,
    pub right: usize,
    pub bottom: usize,
}

impl PixelBox {
    pub fn width(&self) -> usize {
        self.right - self.left
    }
    pub fn height(&self) -> usize {
        self.bottom - self.top
    }
    /// True when the boxes share pixels.
    pub fn intersects(&self, other: &PixelBox) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }
}

/// One connected ink component.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Component {
    pub bounds: PixelBox,
}

/// The median height of the components that are not specks: on a text
/// page, about the x-height.
pub fn typical_height(components: &[Component]) -> Option<f32> {
    let mut heights: Vec<usize> = components.iter().map(|c| c.bounds.height()).filter(|&h| h >= 4).collect();
    if heights.is_empty() {
        return None;
    }
    heights.sort_unstable();
    Some(heights[heights.len() / 2] as f32)
}

/// Connected components (8-neighbourhood) by union-find over runs of ink.
pub fn components(ink: &Ink) -> Vec<Component> {
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // (row, start, end)
    let mut row_starts = Vec::with_capacity(ink.height + 1);
    for y in 0..ink.height {
        row_starts.push(runs.len());
        let row = &ink.dots[y * ink.width..(y + 1) * ink.width];
        let mut x = 0;
        while x < ink.width {
            if row[x] {
                let start = x;
                while x < ink.width && row[x] {
                    x += 1;
                }
                runs.push((y, start, x));
            } else {
                x += 1;
            }
        }
    }
    row_starts.push(runs.len());
    let mut parent: Vec<usize> = (0..runs.len()).collect();
    for y in 1..ink.height {
        let (prev, cur) = (row_starts[y - 1]..row_starts[y], row_starts[y]..row_starts[y + 1]);
        let mut j = prev.start;
        for i in cur {
            let (_, s, e) = runs[i];
            while j < prev.end && runs[j].2 < s {
                j += 1;
            }
            let mut k = j;
            // Touching diagonally counts: a run above that ends at s or starts at e.
            while k < prev.end && runs[k].1 <= e {
                union(&mut parent, i, k);
                k += 1;
            }
        }
    }
    let mut boxes: std::collections::HashMap<usize, PixelBox> = std::collections::HashMap::new();
    for (i, &(y, s, e)) in runs.iter().enumerate() {
        let root = find(&mut parent, i);
        let b = boxes.entry(root).or_insert(PixelBox { left: s, top: y, right: e, bottom: y + 1 });
        b.left = b.left.min(s);
        b.right = b.right.max(e);
        b.top = b.top.min(y);
        b.bottom = b.bottom.max(y + 1);
    }
    let mut out: Vec<Component> = boxes.into_values().map(|bounds| Component { bounds }).collect();
    out.sort_by_key(|c| (c.bounds.top, c.bounds.left));
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_join_diagonal_neighbours_and_split_gaps() {
        let mut ink = Ink::with_rects(10, 4, &[(0, 0, 2, 2), (5, 0, 2, 2)]);
        ink.dots[2 * 10 + 2] = true; // diagonal from (1,1)
        let c = components(&ink);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].bounds, PixelBox { left: 0, top: 0, right: 3, bottom: 3 });
    }

}
