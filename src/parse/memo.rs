//! Answers of pure tests on text, kept per thread.
//!
//! The flow reader asks whether a word is a header word, or which column a
//! run of words names, of every word and window of words of every line, in
//! several passes (header search, body lines, wide rows, recovery); most
//! lines are asked again and again. The tests are pure functions of their
//! text, so a thread keeps recent answers. The table is emptied when full:
//! what a thread holds stays bounded however many documents it converts.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Texts kept before the table is emptied (each a few dozen bytes).
const LIMIT: usize = 1 << 14;

/// A per-thread table of one test's answers, keyed by the text asked
/// about. Used from a `thread_local!`.
#[derive(Default)]
pub struct TextMemo<T: Copy> {
    answers: RefCell<FxHashMap<Box<str>, T>>,
}

impl<T: Copy> TextMemo<T> {
    /// The answer of `test` for `text`, worked out once. (`test` may ask
    /// this table again: no borrow is held while it runs.)
    pub fn get_or(&self, text: &str, test: impl FnOnce(&str) -> T) -> T {
        if let Some(answer) = self.answers.borrow().get(text) {
            return *answer;
        }
        let answer = test(text);
        let mut answers = self.answers.borrow_mut();
        if answers.len() >= LIMIT {
            answers.clear();
        }
        answers.insert(text.into(), answer);
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_once_and_again_after_emptying() {
        let memo: TextMemo<usize> = TextMemo::default();
        let calls = std::cell::Cell::new(0);
        let len = |t: &str| {
            calls.set(calls.get() + 1);
            t.len()
        };
        assert_eq!(memo.get_or("TARGET", len), 6);
        assert_eq!(memo.get_or("TARGET", len), 6);
        assert_eq!(calls.get(), 1);
        for k in 0..LIMIT {
            memo.get_or(&k.to_string(), len);
        }
        assert!(memo.answers.borrow().len() <= LIMIT);
        assert_eq!(memo.get_or("TARGET", len), 6);
        assert_eq!(calls.get(), LIMIT + 2);
    }
}
