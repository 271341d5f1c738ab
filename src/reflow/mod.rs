//! Reflow: rebuild the table from extracted lines. Two algorithms behind one
//! output type, as in tabula's "basic"/"spreadsheet" or camelot's
//! stream/lattice:
//! - [`flow`] for flow dumps, where the cells of a row run together and only
//!   the grammar (labels, unit + targets) tells them apart;
//! - [`stream`] for positioned words (layout dumps, PDFs), where columns are
//!   found from alignment and the header.
//!
//! Both give a [`Table`]: the title lines above the table, the rows (node
//! cells and indicator cells), and the lines below it (the signature block).

pub mod cells;
pub mod flow;
pub mod frame;
pub mod page_number;
pub mod running_head;
pub mod sheet_headings;
pub mod stream;
pub mod table_notes;

use crate::extract::{Extracted, InputKind};
use crate::parse::header::Role;
use crate::parse::label::Level;
use std::borrow::Cow;

/// One row of the rebuilt table. A row may open a node (its URAIAN cell),
/// carry an indicator, or both; a node cell merged over several indicator
/// rows is given once, on the first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Where the row starts in the source (1-based page, 1-based line or
    /// line index on the page).
    pub page: u32,
    pub line: u32,
    /// Box of the row on the page, where the reader had positions.
    pub bbox: Option<[f32; 4]>,
    /// The URAIAN cell's text when a node starts on this row (label included).
    pub node: Option<String>,
    /// The node's level where its column tells it rather than a label (the
    /// wide layout's SASARAN column); `None`: read it from the label.
    pub node_level: Option<Level>,
    /// Cells by role, text already rejoined. No `Role::Node` here.
    pub cells: Vec<(Role, String)>,
    /// Cells of columns with no known role, by header text.
    pub extra: Vec<(String, String)>,
    /// Reflow's own warnings for this row.
    pub warnings: Vec<String>,
}

impl Row {
    pub fn get(&self, role: Role) -> Option<&str> {
        self.cells.iter().find(|(r, _)| *r == role).map(|(_, t)| t.as_str())
    }
    pub fn set(&mut self, role: Role, text: String) {
        if text.trim().is_empty() {
            return;
        }
        match self.cells.iter_mut().find(|(r, _)| *r == role) {
            Some((_, t)) => {
                t.push(' ');
                t.push_str(&text);
            }
            None => self.cells.push((role, text)),
        }
    }
    /// Puts `text` in the `role` cell in place of what it held (`set`
    /// adds to a cell, as a wrapped cell's lines are gathered).
    pub fn replace(&mut self, role: Role, text: String) {
        self.cells.retain(|(r, _)| *r != role);
        self.set(role, text);
    }
    /// True when the row carries an indicator (as opposed to a node alone).
    pub fn has_indicator(&self) -> bool {
        self.cells.iter().any(|(r, t)| !t.is_empty() && (*r == Role::Indicator || r.is_value() || *r == Role::Unit))
    }
}

/// The rebuilt table of one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Lines above the first header: the title block.
    pub title: Vec<String>,
    /// The plan's tujuan listed in the title block ("Tujuan : 1. ... 2. ..."),
    /// as (number, text).
    pub tujuan: Vec<(Option<u32>, String)>,
    /// The columns named by the header, in order.
    pub columns: Vec<Role>,
    /// Header texts of the columns with no known role.
    pub extra_columns: Vec<String>,
    /// Years printed in the header ("TARGET 2024").
    pub header_years: Vec<u32>,
    pub rows: Vec<Row>,
    /// Lines below the table: place and date, signatory, NIP.
    pub signature: Vec<String>,
    pub warnings: Vec<String>,
    /// Why the table cannot be read at all (its columns in an order the
    /// reader cannot follow): the input is refused rather than read into
    /// wrong numbers.
    pub refusal: Option<String>,
}

/// Rebuilds the table with the algorithm that fits the input kind.
pub fn reflow(doc: &Extracted) -> Table {
    // Flow dumps keep page numbers' lines, blank (a blank line parts cells
    // there); positioned pages drop them. Running heads are blanked in
    // every kind (see `running_head`).
    let keep_blank = doc.kind == InputKind::Text;
    // A sheet's printed row numbers first: a blank sheet row's number
    // alone on its line ("4") reads like a page number.
    let pages = if keep_blank { Cow::Borrowed(&doc.pages[..]) } else { sheet_headings::without_sheet_headings(&doc.pages) };
    let pages = page_number::without_page_numbers(&pages, keep_blank);
    let pages = running_head::without_running_heads(&pages);
    match doc.kind {
        InputKind::Text => flow::reflow(&table_notes::without_table_notes(&pages)),
        InputKind::Layout | InputKind::Pdf => stream::reflow(&pages),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_adds_to_a_cell_and_replace_puts_in_its_place() {
        let mut row = Row::default();
        row.set(Role::Indicator, "Jumlah arsip".to_string());
        row.set(Role::Indicator, "yang ditata".to_string());
        assert_eq!(row.get(Role::Indicator), Some("Jumlah arsip yang ditata"));
        row.replace(Role::Indicator, "Jumlah daftar arsip".to_string());
        assert_eq!(row.get(Role::Indicator), Some("Jumlah daftar arsip"));
        assert_eq!(row.cells.len(), 1);
    }
}
