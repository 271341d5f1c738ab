//! PDF reader: glyphs with positions → words → lines, plus ruling lines.
//! (Being written; see issue 3.)

use super::Extracted;
use crate::error::Error;
use std::path::Path;

pub fn read(path: &Path, _bytes: &[u8]) -> Result<Extracted, Error> {
    Err(Error::input(path, "PDF input is not supported yet"))
}
