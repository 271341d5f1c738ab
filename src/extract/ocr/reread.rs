//! Numbers Tesseract doubted, read again on their own with a digits-only
//! alphabet.
//!
//! Read with the rest of the page, a number Tesseract is unsure of is
//! refused ([`super::repair`]): "22,5%" printed over two lines of its cell
//! came out as "225%" at confidence 56. Cut out and read alone, with only
//! the characters a number has, the same pixels often read cleanly. The
//! second reading is believed only when it agrees with the first on the
//! digits (only the marks differ: a lost comma, a percent sign) and passes
//! the same confidence and width checks; otherwise the number stays
//! refused. All of a page's doubted numbers go to one Tesseract run, laid
//! out side by side in a paste-up ([`super::isolated`]).

use super::blobs::PixelBox;
use super::image::Placement;
use super::isolated::{self, PasteUp};
use super::raster::Gray;
use super::repair::{self, UNREADABLE_MARK};
use super::tesseract::{TesseractError, TsvWord};
use crate::parse::number::{parse_value, Value};
use std::path::Path;

/// The characters a number may be printed with.
const NUMBER_ALPHABET: &str = "0123456789,.%-";
/// The confidence a second reading of a broken number needs (above
/// [`repair::MIN_REPAIRED_CONF`]: it replaces digits, not only marks).
const BROKEN_NUMBER_CONF: f32 = 90.0;
/// White border kept around a word's box when it is cut out, in pixels at
/// the page's resolution: Tesseract's boxes hug the ink.
const MARGIN: usize = 3;

/// The page words (image 1) whose reading is a number Tesseract doubted,
/// or digits and marks that make no number ("2:0").
pub fn doubted(words: &[TsvWord], placement: &Placement) -> Vec<usize> {
    (0..words.len())
        .filter(|&i| {
            let w = &words[i];
            let size = size_in_points(w, placement);
            let read = repair::repair(&w.text, w.conf, size);
            w.image == 1 && (read.ends_with(UNREADABLE_MARK) || is_broken_number(&read) || is_number_with_trailing_mark(&read) || is_zero_in_specks(&w.text, size))
        })
        .collect()
}

/// A number with a mark after it that no number is printed with ("120."
/// for 120 in a TW III cell): a speck beside the digits, or a lost digit
/// after a separator. Read alone, the digits decide ([`agrees`]). Not a
/// row's number ("1.", "12."): three digits at least, or a decimal comma.
fn is_number_with_trailing_mark(read: &str) -> bool {
    let body = read.trim_end_matches(['.', ',', ':', ';']);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.len() < read.len()
        && (digits >= 3 || body.contains(','))
        && body.ends_with(|c: char| c.is_ascii_digit())
        && matches!(parse_value(body), Value::Number(_))
        && !matches!(parse_value(read), Value::Number(_))
}

/// Specks and strokes that a lone "0" on a speckled scan is read as
/// ("jo)", "fo)", "0}", "(o"): one round glyph, the rest strokes that no
/// cell prints around a number, in a box no wider than one glyph. A
/// quarter that is 0 (nothing done yet) is the commonest lone digit of a
/// plan, and read so it was a value lost.
pub(super) fn is_zero_in_specks(text: &str, (width, height): (f32, f32)) -> bool {
    let round = text.chars().filter(|c| matches!(c, '0' | 'o' | 'O')).count();
    let strokes = |c: char| matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '|' | '!' | 'j' | 'J' | 'f' | 't' | 'i' | 'l');
    round == 1 && text.chars().count() <= 4 && text.chars().all(|c| matches!(c, '0' | 'o' | 'O') || strokes(c)) && text.chars().any(|c| "()[]{}|!".contains(c)) && width <= height
}

/// The lone glyphs read from the paste-up ([`super::isolated`]) as a
/// number Tesseract doubted (a lone "0" on a grey, speckled scan), as page
/// words at the glyphs' places (image 1), to be read again with the page's
/// doubted words. Once on the page they take the glyph's place: the
/// paste-up's reading of it is no longer used. A glyph the page reading
/// has a word over is left to that word (as a sure reading is, in
/// `page_words`): two readings of one glyph made one cell read "0 0".
pub fn doubted_glyphs(words: &[TsvWord], up: &PasteUp, placement: &Placement) -> Vec<TsvWord> {
    let on_page: Vec<PixelBox> = words.iter().filter(|w| w.image == 1).map(TsvWord::pixel_box).collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate().filter(|(_, w)| w.image == 2) {
        for (glyph, text) in up.place(word).into_iter().filter(|(g, _)| !on_page.iter().any(|b| b.intersects(g))) {
            let at = TsvWord {
                image: 1,
                // A line of its own, as page_words gives a recovered glyph.
                block: u32::MAX,
                par: i as u32,
                line: glyph.left as u32,
                left: glyph.left as u32,
                top: glyph.top as u32,
                width: glyph.width() as u32,
                height: glyph.height() as u32,
                conf: word.conf,
                text,
            };
            let size = size_in_points(&at, placement);
            if repair::repair(&at.text, at.conf, size).ends_with(UNREADABLE_MARK) || is_zero_in_specks(&at.text, size) {
                out.push(at);
            }
        }
    }
    out
}

/// Reads the doubted words again and puts an agreeing reading (text and
/// confidence) in place of the first. Returns how many were replaced.
pub fn reread(words: &mut [TsvWord], doubted: &[usize], page: &Gray, placement: &Placement, dir: &Path) -> Result<usize, TesseractError> {
    let boxes: Vec<PixelBox> = doubted.iter().map(|&i| box_around(&words[i], MARGIN, (page.width, page.height))).collect();
    let Some(up) = isolated::paste_up(&page.smoothed(), &boxes) else { return Ok(0) };
    let second = up.recognise(dir, "doubted", "doubted numbers", placement.dpi(), Some(NUMBER_ALPHABET))?;
    let readings = per_slot(&up, &second, boxes.len());
    let mut replaced = 0;
    for (&i, reading) in doubted.iter().zip(readings) {
        let broken = is_broken_number(&words[i].text);
        if std::env::var_os("RENCANA_DEBUG").is_some() {
            eprintln!("reread {:?} conf {} -> {:?}", words[i].text, words[i].conf, reading);
        }
        let Some((text, conf)) = reading else { continue };
        let size = size_in_points(&words[i], placement);
        let believed = if broken {
            replaces_broken(&words[i].text, &text, conf)
        } else if is_zero_in_specks(&words[i].text, size) {
            // Nothing to agree with but the round glyph: the second
            // reading must be that glyph alone, and sure of it.
            text == "0" && conf >= BROKEN_NUMBER_CONF
        } else {
            agrees(&words[i].text, &text)
        };
        if believed && !repair::repair(&text, conf, size).ends_with(UNREADABLE_MARK) {
            words[i].text = text;
            words[i].conf = conf;
            replaced += 1;
        }
    }
    Ok(replaced)
}

/// The second reading of each cut-out word: its words in reading order,
/// joined (a cell's number may wrap: "22,5" over "%"), with the lowest
/// confidence among them.
fn per_slot(up: &PasteUp, second: &[TsvWord], slots: usize) -> Vec<Option<(String, f32)>> {
    let mut parts: Vec<Vec<&TsvWord>> = vec![Vec::new(); slots];
    for w in second {
        if let Some(s) = up.slot_of(w) {
            parts[s].push(w);
        }
    }
    parts
        .into_iter()
        .map(|mut ws| {
            ws.sort_by_key(|w| (w.top, w.left));
            let text: String = ws.iter().map(|w| w.text.as_str()).collect();
            let conf = ws.iter().map(|w| w.conf).reduce(f32::min)?;
            Some((text, conf))
        })
        .collect()
}

/// Digits with a mark between them that makes no number ("2:0", "1;5"):
/// a separator misread, and maybe a digit with it. ("1." and "2)" number
/// indicators: no mark between digits.)
fn is_broken_number(read: &str) -> bool {
    let chars: Vec<char> = read.chars().collect();
    let first = chars.iter().position(char::is_ascii_digit);
    let last = chars.iter().rposition(char::is_ascii_digit);
    let mark_inside = matches!((first, last), (Some(a), Some(b)) if chars[a..b].iter().any(|c| !c.is_ascii_digit()));
    mark_inside && !chars.iter().any(|c| c.is_alphabetic()) && matches!(parse_value(read), Value::Unreadable(_))
}

/// A reading of a broken number is believed when it is confident and has
/// as many digits as the first (the glyphs are the same; the first
/// reading lost a separator and misread the digit beside it: "2:0" for
/// "2,7").
fn replaces_broken(first: &str, second: &str, conf: f32) -> bool {
    let count = |s: &str| s.chars().filter(char::is_ascii_digit).count();
    matches!(parse_value(second), Value::Number(_)) && conf >= BROKEN_NUMBER_CONF && count(first) == count(second)
}

/// True when the second reading is a number with the same digits as the
/// first, in the same order.
fn agrees(first: &str, second: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    matches!(parse_value(second), Value::Number(_)) && !digits(second).is_empty() && digits(first) == digits(second)
}

/// The word's box grown by `margin` pixels on each side, kept inside a
/// raster of `width` × `height`.
pub(super) fn box_around(w: &TsvWord, margin: usize, (width, height): (usize, usize)) -> PixelBox {
    PixelBox {
        left: (w.left as usize).saturating_sub(margin),
        top: (w.top as usize).saturating_sub(margin),
        right: (w.right() as usize + margin).min(width),
        bottom: (w.bottom() as usize + margin).min(height),
    }
}

pub(super) fn size_in_points(w: &TsvWord, placement: &Placement) -> (f32, f32) {
    let (x0, y0, x1, y1) = placement.points(w.left as f64, w.top as f64, w.width as f64, w.height as f64);
    (x1 - x0, y1 - y0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_with_a_mark_after_it_is_doubted() {
        assert!(is_number_with_trailing_mark("120."));
        assert!(is_number_with_trailing_mark("45,5:"));
        assert!(!is_number_with_trailing_mark("120"));
        assert!(!is_number_with_trailing_mark("Jumlah."));
        // A row's number.
        assert!(!is_number_with_trailing_mark("1."));
        assert!(!is_number_with_trailing_mark("12."));
    }

    #[test]
    fn a_zero_read_among_specks_is_doubted() {
        for junk in ["jo)", "fo)", "0}", "(o", "to)"] {
            assert!(is_zero_in_specks(junk, (5.0, 8.0)), "{junk}");
        }
        // A word, a number, a bare letter, or a box wider than one glyph.
        for other in ["to", "o", "0", "10)", "(ok)", "ko)"] {
            assert!(!is_zero_in_specks(other, (5.0, 8.0)), "{other}");
        }
        assert!(!is_zero_in_specks("(o)", (12.0, 8.0)));
    }

    #[test]
    fn a_second_reading_is_believed_only_with_the_same_digits() {
        assert!(agrees("225%", "22,5%"));
        assert!(agrees("777", "7,77"));
        assert!(!agrees("250", "2,7"));
        assert!(!agrees("TP", ""));
        assert!(agrees("2:5", "2,5"));
    }

    #[test]
    fn a_doubted_lone_glyph_becomes_a_page_word_at_its_place() {
        use super::super::deskew::Level;
        let page = Gray::blank(400, 100);
        let glyphs = [PixelBox { left: 10, top: 10, right: 20, bottom: 30 }, PixelBox { left: 300, top: 10, right: 310, bottom: 30 }];
        let up = isolated::paste_up(&page, &glyphs).unwrap();
        let on_slot = |i: usize, conf: f32| {
            let (l, t, r, b) = up.slot_box(i);
            TsvWord { image: 2, block: 1, par: 1, line: 1, left: l as u32, top: t as u32, width: (r - l) as u32, height: (b - t) as u32, conf, text: "0".into() }
        };
        let placement = Placement { x0: 0.0, y0: 0.0, sx: 0.5, sy: 0.5, level: Level::NONE };
        // The first glyph read surely, the second doubted.
        let words = vec![on_slot(0, 95.0), on_slot(1, 60.0)];
        let doubted = doubted_glyphs(&words, &up, &placement);
        assert_eq!(doubted.len(), 1);
        let w = &doubted[0];
        assert_eq!((w.image, w.left, w.top, w.width, w.height, w.text.as_str()), (1, 300, 10, 10, 20, "0"));
        // The page reading has a word over that glyph: it is left to it.
        let mut read_on_page = vec![TsvWord { image: 1, left: 298, top: 8, width: 14, height: 24, ..on_slot(0, 80.0) }];
        read_on_page.extend(words);
        assert!(doubted_glyphs(&read_on_page, &up, &placement).is_empty());
    }

    #[test]
    fn a_broken_number_is_replaced_by_a_confident_reading_of_as_many_digits() {
        assert!(is_broken_number("2:0"));
        assert!(!is_broken_number("1."));
        assert!(!is_broken_number("2)"));
        assert!(!is_broken_number("22,5"));
        assert!(!is_broken_number("TW.2"));
        assert!(replaces_broken("2:0", "2,7", 94.0));
        assert!(!replaces_broken("2:0", "2,7", 80.0));
        assert!(!replaces_broken("2:0", "2,75", 96.0));
    }
}
