//! Page numbers: "Halaman 1 dari 2", "Hal. 1", "- 1 -", "Page 2 of 5".
//! Printed in a page's footer or header, they are no part of the table; left
//! in, a reader takes "Halaman 1" for a row (its "1" a value) or glues it to
//! the unit of the row above.

use crate::extract::Page;
use std::borrow::Cow;

/// True when the whole line is a page number. A bare number is not: it may
/// be a value or a NO cell on a line of its own.
pub fn is_page_number(text: &str) -> bool {
    use std::sync::OnceLock;
    static PATTERN: OnceLock<regex::Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        // A page's number as OCR may read it ("l" or "I" for 1), or lost
        // ("Halaman dari 1": the count still tells the footer).
        let n = r"[0-9][0-9lI]*|[lI]";
        regex::Regex::new(&format!(
            r"(?i)^(?:(?:halaman|hal|hlm|page)\.?\s*(?:(?:{n})(?:\s*(?:dari|of|/)\s*(?:{n}))?|(?:dari|of)\s+(?:{n}))|[-–—]\s*(?:{n})\s*[-–—])$"
        ))
        .expect("page number pattern")
    });
    pattern.is_match(text.trim())
}

/// The pages without their page-number lines. Flow dumps keep the line,
/// blank (a blank line parts cells there, and line numbers stay as
/// printed); positioned pages drop it. Borrowed when no page has one.
pub fn without_page_numbers(pages: &[Page], keep_blank: bool) -> Cow<'_, [Page]> {
    let numbered = |p: &Page| p.lines.iter().any(|l| !l.is_blank() && is_page_number(&l.text()));
    if !pages.iter().any(numbered) {
        return Cow::Borrowed(pages);
    }
    let mut out = pages.to_vec();
    for p in &mut out {
        if keep_blank {
            for l in p.lines.iter_mut().filter(|l| !l.is_blank() && is_page_number(&l.text())) {
                l.words.clear();
            }
        } else {
            p.lines.retain(|l| l.is_blank() || !is_page_number(&l.text()));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_as_plans_print_them() {
        for s in ["Halaman 1 dari 2", "Hal. 1", "HALAMAN 3", "hlm. 12", "- 1 -", "-2-", "Page 2 of 5", "Hal 1/4", "Halaman l dari 2", "Halaman dari 1"] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["1", "12", "Halaman", "Jumlah halaman 2", "1 - 2", "Halaman 1 dari 2 Kepala Dinas", "-", "2 - 3"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn a_flow_dump_keeps_the_line_blank_a_positioned_page_drops_it() {
        let pages = crate::extract::text::pages_of("Jumlah dokumen\nDokumen 4 1 2 3 4\nHalaman 1 dari 2\n", true);
        let flow = without_page_numbers(&pages, true);
        assert_eq!(flow[0].lines.len(), pages[0].lines.len());
        assert!(flow[0].lines.iter().all(|l| !l.text().contains("Halaman")));
        let positioned = without_page_numbers(&pages, false);
        assert_eq!(positioned[0].lines.len(), pages[0].lines.len() - 1);
        let plain = crate::extract::text::pages_of("Jumlah dokumen\nDokumen 4 1 2 3 4\n", true);
        assert!(matches!(without_page_numbers(&plain, true), Cow::Borrowed(_)));
    }
}
