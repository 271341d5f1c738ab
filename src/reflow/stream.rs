//! Stream reflow: rebuilds rows from positioned words (layout dumps, PDFs).
//! (Being written: for now lines are read as a flow dump.)

use super::Table;
use crate::extract::Page;

pub fn reflow(pages: &[Page]) -> Table {
    super::flow::reflow(pages)
}
