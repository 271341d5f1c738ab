//! The library's error type: every failure names the file it is about, so a
//! batch run can print one line per bad input.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// The input cannot be converted (empty, not a plan, encrypted, ...).
    #[error("{path}: {reason}")]
    Input { path: PathBuf, reason: String },
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }
    pub fn input(path: &Path, reason: impl Into<String>) -> Self {
        Error::Input { path: path.to_path_buf(), reason: reason.into() }
    }
}
