//! Running the `tesseract` program and reading its TSV output.
//!
//! We run the program rather than link libtesseract: a `-sys` crate would
//! need the C++ library's headers and a C++ toolchain at build time (and
//! breaks with each Tesseract ABI change), while the program is one Debian
//! package away; a crash or hang inside Tesseract stays in its own process
//! instead of taking the converter down; and the TSV it prints carries the
//! same word boxes and confidences the API would give. The cost, a process
//! start and model load per page, is measured by `benches/ocr_bench.sh`.

use super::blobs::PixelBox;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The program and the Debian package that provides it.
const PROGRAM: &str = "tesseract";
const PACKAGE: &str = "tesseract-ocr";
/// Indonesian first: the plans are Indonesian, with English loan words
/// ("Target", "Output") that `eng` reads better.
pub const LANGUAGES: &str = "ind+eng";

/// Which Tesseract text line a word is on: (image, block, paragraph, line).
pub type LineKey = (u32, u32, u32, u32);

/// One recognised word, in the pixels of the image it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct TsvWord {
    /// 1-based index of the image in the run's input list.
    pub image: u32,
    pub block: u32,
    pub par: u32,
    pub line: u32,
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
    /// Tesseract's confidence, 0 to 100.
    pub conf: f32,
    pub text: String,
}

impl TsvWord {
    pub fn right(&self) -> u32 {
        self.left + self.width
    }
    pub fn bottom(&self) -> u32 {
        self.top + self.height
    }
    /// The word's box, in the pixels of its image.
    pub fn pixel_box(&self) -> PixelBox {
        PixelBox { left: self.left as usize, top: self.top as usize, right: self.right() as usize, bottom: self.bottom() as usize }
    }
    /// Which Tesseract text line the word is on.
    pub fn line_key(&self) -> LineKey {
        (self.image, self.block, self.par, self.line)
    }
}

/// Why Tesseract gave no words.
#[derive(Debug, Clone, PartialEq)]
pub enum TesseractError {
    /// The program (or a language's data) is not installed: the message
    /// names the Debian package to install.
    Missing(String),
    /// It ran and failed.
    Failed(String),
}

impl std::fmt::Display for TesseractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TesseractError::Missing(m) | TesseractError::Failed(m) => f.write_str(m),
        }
    }
}

/// Recognises the images listed in `list` (a text file of image paths, one
/// per line, which Tesseract reads as a multi-page input) and returns the
/// words of all of them.
///
/// Page segmentation 11 ("sparse text") finds each cell's text on its own
/// instead of forcing a table row into one text line. On a page of the
/// corpus scans it read 98% of the text PDF's words, against 87% for modes
/// 4 and 6, and no number that is not at its place in the text PDF, against
/// 25 and 27 for modes 4 and 6 (which join cells on different baselines).
/// Its one weakness, lone glyphs, is made up for by [`super::isolated`].
/// One OpenMP thread per process, because pages already run in parallel.
pub fn recognise(list: &Path, dpi: u32) -> Result<Vec<TsvWord>, TesseractError> {
    run(list, dpi, &["-c", "preserve_interword_spaces=1"])
}

/// As [`recognise`], with only the characters of `alphabet` allowed.
pub fn recognise_alphabet(list: &Path, dpi: u32, alphabet: &str) -> Result<Vec<TsvWord>, TesseractError> {
    run(list, dpi, &["-c", "preserve_interword_spaces=1", "-c", &format!("tessedit_char_whitelist={alphabet}")])
}

fn run(list: &Path, dpi: u32, config: &[&str]) -> Result<Vec<TsvWord>, TesseractError> {
    let output = Command::new(PROGRAM)
        .arg(list)
        .arg("stdout")
        .args(["-l", LANGUAGES, "--psm", "11", "--dpi", &dpi.to_string()])
        .args(config)
        .arg("tsv")
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| missing_or_failed(&e))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if let Some(language) = missing_language(&stderr) {
        return Err(TesseractError::Missing(format!(
            "OCR needs Tesseract's '{language}' language data: install the Debian package tesseract-ocr-{language}"
        )));
    }
    if !output.status.success() {
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("no message");
        return Err(TesseractError::Failed(format!("tesseract failed ({}): {last}", output.status)));
    }
    Ok(parse_tsv(&String::from_utf8_lossy(&output.stdout)))
}

fn missing_or_failed(e: &std::io::Error) -> TesseractError {
    if e.kind() == std::io::ErrorKind::NotFound {
        TesseractError::Missing(format!(
            "OCR needs the '{PROGRAM}' program: install the Debian package {PACKAGE} (with tesseract-ocr-ind and tesseract-ocr-eng)"
        ))
    } else {
        TesseractError::Failed(format!("cannot run {PROGRAM}: {e}"))
    }
}

/// Tesseract says `Failed loading language 'ind'` when a traineddata is missing.
fn missing_language(stderr: &str) -> Option<String> {
    let rest = stderr.split("Failed loading language '").nth(1)?;
    Some(rest.split('\'').next()?.to_string())
}

/// Writes the list file Tesseract reads as a multi-image input.
pub fn write_list(list: &Path, images: &[std::path::PathBuf]) -> std::io::Result<()> {
    let mut f = std::fs::File::create(list)?;
    for image in images {
        writeln!(f, "{}", image.display())?;
    }
    Ok(())
}

/// The word rows (level 5) of Tesseract's TSV; blank words are dropped.
pub fn parse_tsv(tsv: &str) -> Vec<TsvWord> {
    tsv.lines().skip(1).filter_map(parse_row).collect()
}

fn parse_row(row: &str) -> Option<TsvWord> {
    let f: Vec<&str> = row.split('\t').collect();
    if f.len() < 12 || f[0] != "5" {
        return None;
    }
    let n = |i: usize| f[i].trim().parse::<u32>().ok();
    let text = f[11..].join("\t").trim().to_string();
    if text.is_empty() {
        return None;
    }
    Some(TsvWord {
        image: n(1)?,
        block: n(2)?,
        par: n(3)?,
        line: n(4)?,
        left: n(6)?,
        top: n(7)?,
        width: n(8)?,
        height: n(9)?,
        conf: f[10].trim().parse().ok()?,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t
4\t1\t2\t1\t1\t0\t741\t405\t400\t21\t-1\t
5\t1\t2\t1\t1\t1\t741\t405\t88\t21\t95.3\tPersen
5\t1\t2\t1\t1\t2\t880\t404\t56\t21\t96.1\t100%
5\t1\t2\t1\t1\t3\t950\t404\t5\t21\t95\t 
5\t2\t1\t1\t1\t1\t10\t20\t30\t40\t12\tYo
";

    #[test]
    fn reads_word_rows_only() {
        let words = parse_tsv(TSV);
        assert_eq!(words.len(), 3);
        assert_eq!(words[0].text, "Persen");
        assert_eq!((words[1].left, words[1].top, words[1].right(), words[1].bottom()), (880, 404, 936, 425));
        assert_eq!(words[2].image, 2);
        assert!((words[2].conf - 12.0).abs() < 1e-6);
    }

    #[test]
    fn names_the_missing_language_package() {
        let stderr = "Error opening data file /usr/share/tesseract-ocr/5/tessdata/ind.traineddata\nFailed loading language 'ind'\n";
        assert_eq!(missing_language(stderr), Some("ind".into()));
        assert_eq!(missing_language("Estimating resolution"), None);
    }

    #[test]
    fn a_missing_program_names_the_debian_package() {
        let e = missing_or_failed(&std::io::Error::from(std::io::ErrorKind::NotFound));
        assert!(matches!(&e, TesseractError::Missing(m) if m.contains("tesseract-ocr")));
    }
}
