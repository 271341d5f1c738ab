//! Fuzzes the PDF reader: the bytes as a file named `fuzz.pdf`, detection
//! on, OCR off (OCR runs the external `tesseract` program for seconds per
//! page: the fuzzer would spend its time waiting on it, not in our code).
//!
//! Any result (Ok or Err) is fine; a panic outside the PDF library guard is
//! a finding (libfuzzer-sys's panic hook aborts on it even though the
//! library would catch it; the guard silences panics inside pdf-extract and
//! lopdf, which come back as "could not read the PDF: ...").
#![no_main]

use libfuzzer_sys::fuzz_target;
use rencana::{Error, OcrMode, Options};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Err(Error::Input { reason, .. }) = rencana::convert_bytes(Path::new("fuzz.pdf"), data, &Options { ocr: OcrMode::Never, ..Options::default() }) {
        assert!(!reason.starts_with("internal error"), "contained panic: {reason}");
    }
});
