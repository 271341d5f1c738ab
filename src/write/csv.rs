//! CSV: UTF-8, a header row, RFC 4180 quoting, one row per indicator.

use super::{record, COLUMNS};
use crate::normalise::Document;
use std::io::Write;

/// Writes CSV rows for several documents; the header only when `header`.
pub struct CsvWriter<W: Write> {
    inner: ::csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> std::io::Result<Self> {
        let mut inner = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
        inner.write_record(COLUMNS).map_err(std::io::Error::other)?;
        Ok(CsvWriter { inner })
    }

    pub fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        for ind in &doc.indicators {
            let row: Vec<String> = record(doc, ind).iter().map(|f| f.as_csv()).collect();
            self.inner.write_record(&row).map_err(std::io::Error::other)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.inner.flush()?;
        self.inner.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
    }
}
