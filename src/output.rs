//! Output files are written atomically: to a temporary file beside the
//! target, renamed over it only once complete, so an interrupted or failed
//! run never leaves a half-written output.

use crate::normalise::Document;
use crate::write::{csv::CsvWriter, json, jsonl, Format};
use std::io::Write;
use std::path::Path;

/// Writes `docs` in `format` to `w`.
pub fn write_docs<W: Write>(w: W, docs: &[Document], format: Format) -> std::io::Result<W> {
    match format {
        Format::Csv => {
            let mut cw = CsvWriter::new(w)?;
            for d in docs {
                cw.write(d)?;
            }
            cw.finish()
        }
        Format::Jsonl => {
            let mut w = w;
            for d in docs {
                jsonl::write(&mut w, d)?;
            }
            Ok(w)
        }
        Format::Json => {
            let mut w = w;
            json::write(&mut w, docs)?;
            Ok(w)
        }
    }
}

/// Writes to `path` through a temporary file and a rename.
pub fn write_file_atomic(path: &Path, docs: &[Document], format: Format) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    let buf = std::io::BufWriter::new(tmp);
    let buf = write_docs(buf, docs, format)?;
    let tmp = buf.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
