//! Plans that print programs, kegiatan and sub kegiatan by their
//! Permendagri code and name alone, as SIPD exports do ("1.04.02 PROGRAM
//! PENGEMBANGAN PERUMAHAN", "1.04.02.2.01 Pendataan ...").
//!
//! The flow readers read labels with the grammar that wants a level word
//! ([`crate::parse::label::written`]): in most dumps a code line is the
//! name of a bare label printed apart from it ("Program 1" ...
//! "1.02.02 PROGRAM ..."), and read as a node of its own it would open the
//! node twice. A plan that labels none of its programs, kegiatan or sub
//! kegiatan has no such bare labels: there each code line is the node, and
//! its level (told by the code's length, as the full grammar reads it) is
//! written out before it ("Program 1.04.02 PROGRAM ..."), the form the flow
//! readers know.

use crate::extract::{Line, Page, Word};
use crate::parse::label::{parse_label, written, Level};
use std::borrow::Cow;

/// The pages with each node printed by its code alone given its level
/// word, when the plan labels no program, kegiatan or sub kegiatan and at
/// least two lines are such nodes; otherwise the pages as they are.
pub(super) fn with_level_words(pages: &[Page]) -> Cow<'_, [Page]> {
    let lower_levels = |l: Level| matches!(l, Level::Program | Level::Kegiatan | Level::SubKegiatan);
    // Each line's level if it opens with a code alone, page by page.
    let mut levels: Vec<Vec<Option<Level>>> = Vec::with_capacity(pages.len());
    for p in pages {
        let mut page_levels = Vec::with_capacity(p.lines.len());
        for line in &p.lines {
            let text = line.text();
            // A label word printed as a label ("Program 1", "Kegiatan"), not
            // an official name after its code ("1.04.02 PROGRAM ...").
            if written::parse_label(&text).is_some_and(|l| lower_levels(l.level) && (l.number.is_some() || l.code.is_none())) {
                return Cow::Borrowed(pages);
            }
            page_levels.push(code_alone(&text));
        }
        levels.push(page_levels);
    }
    if levels.iter().flatten().flatten().count() < 2 {
        return Cow::Borrowed(pages);
    }
    let pages = pages
        .iter()
        .zip(&levels)
        .map(|(p, page_levels)| Page {
            lines: p
                .lines
                .iter()
                .zip(page_levels)
                .map(|(line, level)| match level {
                    Some(level) => with_level_word(line, *level),
                    None => line.clone(),
                })
                .collect(),
            ..p.clone()
        })
        .collect();
    Cow::Owned(pages)
}

/// The level of a line that opens with a node's code alone.
fn code_alone(text: &str) -> Option<Level> {
    parse_label(text).filter(|l| l.number.is_none() && l.code.as_deref().is_some_and(|c| l.printed.trim_end_matches('.') == c)).map(|l| l.level)
}

/// The line with its level's word(s) put before the code, at the code's place.
fn with_level_word(line: &Line, level: Level) -> Line {
    let words: &[&str] = match level {
        Level::Program => &["Program"],
        Level::Kegiatan => &["Kegiatan"],
        Level::SubKegiatan => &["Sub", "Kegiatan"],
        Level::Tujuan | Level::Sasaran => &[],
    };
    let at = line.words.first();
    let (x0, y0, y1) = at.map(|w| (w.x0, w.y0, w.y1)).unwrap_or_default();
    let mut out: Vec<Word> = words.iter().map(|t| Word { text: t.to_string(), x0, x1: x0, y0, y1 }).collect();
    out.extend(line.words.iter().cloned());
    Line { words: out, open_end: line.open_end }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::read;

    fn texts(pages: &[Page]) -> Vec<String> {
        pages.iter().flat_map(|p| p.lines.iter().map(Line::text)).filter(|t| !t.is_empty()).collect()
    }

    #[test]
    fn code_lines_of_a_plan_without_labels_get_their_level_word() {
        let pages = read("Tujuan\nMeningkatnya kualitas\n1.04.02 PROGRAM PENGEMBANGAN PERUMAHAN\n1.04.02.2.01 Pendataan Rumah\n1.04.02.2.01.0003 Rehabilitasi Rumah\n");
        let got = texts(&with_level_words(&pages));
        assert_eq!(
            &got[2..],
            ["Program 1.04.02 PROGRAM PENGEMBANGAN PERUMAHAN", "Kegiatan 1.04.02.2.01 Pendataan Rumah", "Sub Kegiatan 1.04.02.2.01.0003 Rehabilitasi Rumah"]
        );
        let l = written::parse_label(&got[2]).expect("a program label");
        assert_eq!((l.level, l.code.as_deref(), l.name.as_str()), (Level::Program, Some("1.04.02"), "PROGRAM PENGEMBANGAN PERUMAHAN"));
    }

    #[test]
    fn a_plan_with_labels_keeps_its_code_lines() {
        let text = "Program 1\n1.02.02 PROGRAM PEMENUHAN UPAYA\nKegiatan 1\n1.02.02.2.01 Penyediaan Fasilitas\n";
        let pages = read(text);
        assert!(matches!(with_level_words(&pages), Cow::Borrowed(_)));
    }
}
