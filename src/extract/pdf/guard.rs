//! Panic isolation for the PDF libraries.
//!
//! pdf-extract (and, more rarely, lopdf) `unwrap`s and `panic!`s on PDFs it
//! does not understand. A converter run over a folder must turn that into an
//! error for the one file, without the default hook spraying a backtrace
//! notice over the terminal. The hook is process-wide but the silence is per
//! thread, so a panic on another (rayon) thread still gets reported normally.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs code inside [`catch_quietly`].
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

static INSTALL_HOOK: Once = Once::new();

/// Runs `f`; a panic inside it comes back as `Err(message)` and is not printed.
pub fn catch_quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    INSTALL_HOOK.call_once(install_quiet_hook);
    let was_quiet = QUIET.with(|q| q.replace(true));
    // AssertUnwindSafe: on a panic everything `f` touched is thrown away by
    // the caller (the page or the document fails as a whole).
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was_quiet));
    result.map_err(|payload| panic_message(payload.as_ref()))
}

/// Wraps whatever hook is installed now so that it is skipped on quiet threads.
fn install_quiet_hook() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !QUIET.with(|q| q.get()) {
            previous(info);
        }
    }));
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    let text = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "internal error in the PDF library".to_string()
    };
    // Keep error reports to one line.
    let first_line = text.lines().next().unwrap_or("").trim();
    if first_line.is_empty() {
        "internal error in the PDF library".to_string()
    } else {
        first_line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        let r: Result<(), String> = catch_quietly(|| panic!("bad font {}", 7));
        assert_eq!(r, Err("bad font 7".to_string()));
    }

    #[test]
    fn a_normal_result_passes_through() {
        assert_eq!(catch_quietly(|| 41 + 1), Ok(42));
    }

    #[test]
    fn quiet_flag_is_restored_after_a_panic() {
        let _ = catch_quietly(|| panic!("x"));
        assert!(!QUIET.with(|q| q.get()));
    }

    #[test]
    fn a_multi_line_message_is_cut_to_one_line() {
        let r: Result<(), String> = catch_quietly(|| panic!("first\nsecond"));
        assert_eq!(r, Err("first".to_string()));
    }
}
