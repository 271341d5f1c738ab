//! Parse: the grammars that read a cell's text (labels, numbers, units) and
//! the header that tells which column holds what.

pub mod function_word;
pub mod header;
pub mod label;
pub mod memo;
pub mod number;
pub mod spelling;
pub mod unit;
