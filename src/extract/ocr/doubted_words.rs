//! Words of text Tesseract doubted, read again on their own at the height
//! of their line.
//!
//! Tesseract's doubt over a word of text is mostly the page around it: a
//! speck or the remnant of a border over the word makes it read both as
//! one tall line and misread them ("penurunan" came out "oe" at confidence
//! 20 in a box twice the height of its line; "Pengelolaan" as "Pena"), and
//! a word among others may be read by the wrong language model ("Dapodik"
//! as "Para"). Cut out at the height of the sure words beside it, the same
//! word mostly reads right at confidence 80 or more. Words with digits are
//! left to their own doubt and second reading ([`super::reread`]), unless
//! their box is far taller than their line (a speck made "Dasar" read "2"):
//! those are read again too, and replaced only by a word of text. The
//! second reading replaces the first only when it is sure.

use crate::parse::spelling::one_edit_apart;
use super::blobs::PixelBox;
use super::tesseract::TsvWord;

/// A word read below this confidence may be misread.
const DOUBTED_CONF: f32 = 60.0;
/// Words at least this sure give the line's band.
const SURE_CONF: f32 = 80.0;
/// Paper kept above and below the band, in band heights: descenders and
/// accents reach a little out of the neighbours' boxes.
const PAD: f32 = 0.25;
/// How far to look for the words beside, in band heights.
const REACH: f32 = 12.0;
/// At most this many words of a page are read again (a page doubted all
/// over is read no better word by word, and would cost twice).
const MAX_WORDS: usize = 300;

/// The page words (image 1) of text read with doubt beside sure words,
/// each with the box to read it again from: its own width, within the
/// height of those words.
pub fn doubted_words(words: &[TsvWord]) -> Vec<(usize, PixelBox)> {
    let sure: Vec<&TsvWord> = words.iter().filter(|w| w.image == 1 && w.conf >= SURE_CONF && w.text.chars().any(char::is_alphanumeric)).collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.image == 1 && w.conf < DOUBTED_CONF && (is_text(&w.text) || w.text.chars().any(|c| c.is_ascii_digit())))
        .filter_map(|(i, w)| {
            let (top, bottom) = band_beside(w, &sure)?;
            let height = bottom - top;
            // A word read with digits is a number's to doubt, unless its
            // box is far taller than its line: a speck joined a word of
            // text ("Dasar" read "2" in a box twice the line's height).
            if !is_text(&w.text) && (w.height as f32) < TALL * height as f32 {
                return None;
            }
            let pad = (PAD * height as f32).ceil() as u32;
            let cut = PixelBox {
                left: w.left as usize,
                right: w.right() as usize,
                top: top.saturating_sub(pad).max(w.top) as usize,
                bottom: (bottom + pad).min(w.bottom()) as usize,
            };
            Some((i, cut))
        })
        .take(MAX_WORDS)
        .collect()
}

/// Letters and no digit.
fn is_text(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(|c| c.is_ascii_digit())
}

/// A box this many times its line's height holds more than the word.
const TALL: f32 = 1.6;

/// The band (top, bottom) of the nearest sure word on each side of `w`
/// whose middle lies within `w`'s height: the line `w` is on.
fn band_beside(w: &TsvWord, sure: &[&TsvWord]) -> Option<(u32, u32)> {
    let on_line = |s: &&&TsvWord| {
        let middle = (s.top + s.bottom()) / 2;
        w.top <= middle && middle < w.bottom()
    };
    let near = |s: &&&TsvWord| {
        let gap = if s.right() <= w.left { w.left - s.right() } else { s.left.saturating_sub(w.right()) };
        gap as f32 <= REACH * s.height as f32
    };
    let left = sure.iter().filter(on_line).filter(near).filter(|s| s.right() <= w.left).max_by_key(|s| s.right());
    let right = sure.iter().filter(on_line).filter(near).filter(|s| s.left >= w.right()).min_by_key(|s| s.left);
    let beside: Vec<&&TsvWord> = left.into_iter().chain(right).collect();
    if beside.is_empty() {
        return None;
    }
    let top = beside.iter().map(|s| s.top).min()?;
    let bottom = beside.iter().map(|s| s.bottom()).max()?;
    Some((top, bottom))
}

/// Puts a sure second reading (every word of it at [`SURE_CONF`] or more)
/// in place of each doubted word, at the height it was cut to. A reading
/// of digits keeps the first reading's doubt, and must not be read a third time:
/// cut-outs of the same ink lose the same commas ("Us" read again "71"
/// where "7,1" is printed, and a digits-only reading agreed), so only the
/// plan's arithmetic can vouch for it. Returns those words.
pub fn believe(words: &mut [TsvWord], doubted: &[(usize, PixelBox)], readings: Vec<Vec<TsvWord>>) -> Vec<usize> {
    let mut numbers = Vec::new();
    for (&(i, cut), reading) in doubted.iter().zip(readings) {
        let Some(conf) = reading.iter().map(|w| w.conf).reduce(f32::min) else { continue };
        let text = reading.iter().map(|w| w.text.trim()).collect::<Vec<_>>().join(" ");
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            eprintln!("doubted word {:?} conf {} -> {text:?} conf {conf}", words[i].text, words[i].conf);
        }
        if conf < SURE_CONF {
            continue;
        }
        let w = &mut words[i];
        if !is_text(&w.text) {
            // A tall word read with digits: only a word of text read in
            // its place replaces it; digits stay the number rules' to doubt.
            if is_text(&text) {
                w.conf = conf;
                w.text = text;
                w.top = cut.top as u32;
                w.height = cut.height() as u32;
            }
            continue;
        }
        if !text.chars().any(char::is_alphabetic) {
            if text.chars().any(|c| c.is_ascii_digit()) {
                w.text = text;
                numbers.push(i);
            }
        } else if !one_edit_apart(&w.text, &text) {
            w.conf = conf;
            w.text = text;
        }
        // A first reading one letter away was all but right, and the
        // second, read without the words around, is no surer of that
        // letter ("(RPJPD," read again "(RP3PD,"): the word keeps its
        // text and takes only its line's height.
        w.top = cut.top as u32;
        w.height = cut.height() as u32;
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(left: u32, top: u32, width: u32, height: u32, conf: f32, text: &str) -> TsvWord {
        TsvWord { image: 1, block: 1, par: 1, line: 1, left, top, width, height, conf, text: text.into() }
    }

    #[test]
    fn a_doubted_word_in_a_box_twice_its_lines_height_is_cut_to_the_line() {
        let words = vec![
            word(100, 333, 90, 15, 96.0, "Persentase"),
            word(200, 322, 91, 34, 20.0, "oe"),
            word(300, 334, 70, 15, 95.0, "timbulan"),
        ];
        let found = doubted_words(&words);
        assert_eq!(found.len(), 1);
        let (i, cut) = found[0];
        assert_eq!(i, 1);
        // The band 333..349, with 4 px of paper each side, within the word's box.
        assert_eq!(cut, PixelBox { left: 200, right: 291, top: 329, bottom: 353 });
    }

    #[test]
    fn sure_words_and_numbers_are_left_alone() {
        let beside = word(100, 333, 90, 15, 96.0, "Persentase");
        for w in [word(200, 322, 91, 34, 85.0, "penurunan"), word(200, 334, 91, 15, 20.0, "4.250")] {
            assert!(doubted_words(&[beside.clone(), w.clone()]).is_empty(), "{w:?}");
        }
        // A word read with digits in a box twice its line's height is read
        // again; only a word of text read in its place replaces it.
        let mut tall = [beside.clone(), word(200, 322, 91, 34, 20.0, "2"), word(300, 322, 91, 34, 20.0, "4.250")];
        let found = doubted_words(&tall);
        assert_eq!(found.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1, 2]);
        let numbers = believe(&mut tall, &found, vec![vec![word(0, 0, 50, 15, 96.0, "Dasar")], vec![word(0, 0, 50, 15, 96.0, "4.250")]]);
        assert!(numbers.is_empty());
        assert_eq!((tall[1].text.as_str(), tall[2].text.as_str()), ("Dasar", "4.250"));
        assert_eq!(tall[2].conf, 20.0);
        // No sure word beside: no line to cut to.
        assert!(doubted_words(&[word(200, 322, 91, 34, 20.0, "oe")]).is_empty());
        // A doubted word of its line's height is read again from its own box.
        let found = doubted_words(&[beside, word(200, 334, 91, 15, 40.0, "Para")]);
        assert_eq!(found, vec![(1, PixelBox { left: 200, right: 291, top: 334, bottom: 349 })]);
    }

    #[test]
    fn only_a_sure_reading_replaces_the_first() {
        let mut words = vec![word(100, 333, 90, 15, 96.0, "Persentase"), word(200, 322, 91, 34, 20.0, "oe")];
        let found = doubted_words(&words);
        let read = |conf: f32| vec![vec![word(201, 333, 88, 15, conf, "penurunan")]];
        believe(&mut words, &found, read(60.0));
        assert_eq!(words[1].text, "oe");
        believe(&mut words, &found, read(81.3));
        assert_eq!((words[1].text.as_str(), words[1].top, words[1].height), ("penurunan", 329, 23));
    }

    #[test]
    fn a_reading_one_letter_away_leaves_the_first() {
        assert!(one_edit_apart("(RPJPD,", "(RP3PD,"));
        assert!(one_edit_apart("\u{2018}Sub", "Sub"));
        assert!(one_edit_apart("an", "ani"));
        assert!(!one_edit_apart("oe", "penurunan"));
        assert!(!one_edit_apart("Triwulan", "Triwulan"));
        let mut words = vec![word(100, 333, 90, 15, 96.0, "Dokumen"), word(200, 322, 91, 34, 58.2, "(RPJPD,")];
        let found = doubted_words(&words);
        believe(&mut words, &found, vec![vec![word(201, 333, 88, 15, 89.6, "(RP3PD,")]]);
        assert_eq!((words[1].text.as_str(), words[1].top, words[1].height), ("(RPJPD,", 329, 23));
    }

    #[test]
    fn a_number_read_again_stays_doubted() {
        let mut words = vec![word(100, 333, 90, 15, 96.0, "Persentase"), word(200, 322, 91, 34, 2.5, "Us")];
        let found = doubted_words(&words);
        assert_eq!(believe(&mut words, &found, vec![vec![word(201, 333, 30, 15, 83.4, "71")]]), vec![1]);
        assert_eq!((words[1].text.as_str(), words[1].conf), ("71", 2.5));
    }
}
