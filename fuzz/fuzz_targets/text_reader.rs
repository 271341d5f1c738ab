//! Fuzzes the text readers: the bytes as a file named `fuzz.txt`, once with
//! detection and once forced to each text kind (flow and layout).
//!
//! Any result (Ok or Err) is fine; a panic is a finding. libfuzzer-sys's
//! panic hook aborts even on panics the library would catch, and the check
//! on "internal error" catches a contained panic should that hook change.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rencana::{Error, InputKind, Options};
use std::path::Path;

fn check(data: &[u8], input_kind: Option<InputKind>) {
    let opts = Options { input_kind, ..Options::default() };
    if let Err(Error::Input { reason, .. }) = rencana::convert_bytes(Path::new("fuzz.txt"), data, &opts) {
        assert!(!reason.starts_with("internal error"), "contained panic ({input_kind:?}): {reason}");
    }
}

fuzz_target!(|data: &[u8]| {
    check(data, None);
    check(data, Some(InputKind::Text));
    check(data, Some(InputKind::Layout));
});
