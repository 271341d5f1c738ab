//! Words whose box took in stray ink above or below their line, read again
//! within the line.
//!
//! A speck or the remnant of a border over a word makes Tesseract read the
//! word and the stray ink as one tall glyph line, and misread both:
//! "penurunan" came out "oe" at confidence 20 in a box twice the height of
//! its line. Cut out at the height of the words beside it, the same word
//! reads right at confidence 80 or more. Only words without digits are
//! read again so (numbers have their own doubt and second reading,
//! [`super::reread`]); the second reading replaces the first only when it
//! is sure.

use super::blobs::PixelBox;
use super::tesseract::TsvWord;

/// A word read below this confidence may be misread.
const DOUBTED_CONF: f32 = 60.0;
/// Words at least this sure give the line's band.
const SURE_CONF: f32 = 80.0;
/// A box this many times its line's height took in more than its word.
const OVERGROWN: f32 = 1.5;
/// Paper kept above and below the band, in band heights: descenders and
/// accents reach a little out of the neighbours' boxes.
const PAD: f32 = 0.25;
/// How far to look for the words beside, in band heights.
const REACH: f32 = 12.0;

/// The page words (image 1) read with doubt in a box much taller than the
/// sure words beside them, each with the box to read it again from: its
/// own width, the height of those words.
pub fn overgrown(words: &[TsvWord]) -> Vec<(usize, PixelBox)> {
    let sure: Vec<&TsvWord> = words.iter().filter(|w| w.image == 1 && w.conf >= SURE_CONF && w.text.chars().any(char::is_alphanumeric)).collect();
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.image == 1 && w.conf < DOUBTED_CONF && w.text.chars().any(char::is_alphabetic) && !w.text.chars().any(|c| c.is_ascii_digit()))
        .filter_map(|(i, w)| {
            let (top, bottom) = band_beside(w, &sure)?;
            let height = bottom - top;
            if (w.height as f32) < OVERGROWN * height as f32 {
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
        .collect()
}

/// The band (top, bottom) of the nearest sure word on each side of `w`
/// whose middle lies within `w`'s height: the line `w` is on.
fn band_beside(w: &TsvWord, sure: &[&TsvWord]) -> Option<(u32, u32)> {
    let on_line = |s: &&&TsvWord| {
        let middle = (s.top + s.bottom()) / 2;
        w.top <= middle && middle < w.bottom() && s.height < w.height
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
/// in place of each overgrown word, in the cut box; a reading of digits
/// keeps the first reading's confidence. Returns how many were replaced.
pub fn believe(words: &mut [TsvWord], overgrown: &[(usize, PixelBox)], readings: Vec<Vec<TsvWord>>) -> usize {
    let mut replaced = 0;
    for (&(i, cut), reading) in overgrown.iter().zip(readings) {
        let Some(conf) = reading.iter().map(|w| w.conf).reduce(f32::min) else { continue };
        let text = reading.iter().map(|w| w.text.trim()).collect::<Vec<_>>().join(" ");
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            eprintln!("overgrown {:?} conf {} -> {text:?} conf {conf}", words[i].text, words[i].conf);
        }
        if conf < SURE_CONF {
            continue;
        }
        let w = &mut words[i];
        // A number misread as letters ("aga" for 625) keeps the first
        // reading's doubt: believed only as any doubted number is, by a
        // digits-only reading that agrees or by the plan's arithmetic.
        if text.chars().any(char::is_alphabetic) {
            w.conf = conf;
        } else if !text.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        w.text = text;
        w.top = cut.top as u32;
        w.height = cut.height() as u32;
        replaced += 1;
    }
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(left: u32, top: u32, width: u32, height: u32, conf: f32, text: &str) -> TsvWord {
        TsvWord { image: 1, block: 1, par: 1, line: 1, left, top, width, height, conf, text: text.into() }
    }

    #[test]
    fn a_doubted_word_twice_its_lines_height_is_cut_to_the_line() {
        let words = vec![
            word(100, 333, 90, 15, 96.0, "Persentase"),
            word(200, 322, 91, 34, 20.0, "oe"),
            word(300, 334, 70, 15, 95.0, "timbulan"),
        ];
        let found = overgrown(&words);
        assert_eq!(found.len(), 1);
        let (i, cut) = found[0];
        assert_eq!(i, 1);
        // The band 333..349, with 4 px of paper each side, within the word's box.
        assert_eq!(cut, PixelBox { left: 200, right: 291, top: 329, bottom: 353 });
    }

    #[test]
    fn sure_words_numbers_and_words_of_line_height_are_left_alone() {
        let beside = word(100, 333, 90, 15, 96.0, "Persentase");
        for w in [word(200, 322, 91, 34, 85.0, "penurunan"), word(200, 322, 91, 34, 20.0, "4.250"), word(200, 333, 91, 16, 20.0, "oe")] {
            assert!(overgrown(&[beside.clone(), w.clone()]).is_empty(), "{w:?}");
        }
        // No sure word beside: no line to cut to.
        assert!(overgrown(&[word(200, 322, 91, 34, 20.0, "oe")]).is_empty());
    }

    #[test]
    fn only_a_sure_reading_replaces_the_first() {
        let mut words = vec![word(100, 333, 90, 15, 96.0, "Persentase"), word(200, 322, 91, 34, 20.0, "oe")];
        let found = overgrown(&words);
        let read = |conf: f32| vec![vec![word(201, 333, 88, 15, conf, "penurunan")]];
        assert_eq!(believe(&mut words, &found, read(60.0)), 0);
        assert_eq!(words[1].text, "oe");
        assert_eq!(believe(&mut words, &found, read(81.3)), 1);
        assert_eq!((words[1].text.as_str(), words[1].top, words[1].height), ("penurunan", 329, 23));
    }

    #[test]
    fn a_number_read_again_stays_doubted() {
        let mut words = vec![word(100, 333, 90, 15, 96.0, "Persentase"), word(200, 322, 91, 34, 45.9, "aga")];
        let found = overgrown(&words);
        assert_eq!(believe(&mut words, &found, vec![vec![word(201, 333, 30, 15, 96.8, "625")]]), 1);
        assert_eq!((words[1].text.as_str(), words[1].conf), ("625", 45.9));
    }
}
