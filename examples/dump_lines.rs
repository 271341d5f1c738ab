//! Prints what the extract stage gives the reflow stage: each page's lines,
//! every word with its box in points, and the rulings. For looking at why
//! a plan reflows as it does:
//!
//! ```sh
//! cargo run --release --example dump_lines -- fixtures/synthetic/dev01.scan.pdf
//! ```

use rencana::OcrMode;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump_lines FILE");
        std::process::exit(2);
    };
    let extracted = match rencana::extract::read(std::path::Path::new(&path), None, OcrMode::Auto) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for page in &extracted.pages {
        println!("== page {} ({} x {} pt), {} rulings", page.number, page.width, page.height, page.rulings.len());
        for line in &page.lines {
            let words: Vec<String> =
                line.words.iter().map(|w| format!("{}@{:.0}-{:.0},{:.0}-{:.0}", w.text, w.x0, w.x1, w.y0, w.y1)).collect();
            println!("{}", words.join(" "));
        }
    }
    for w in &extracted.warnings {
        println!("warning: {w}");
    }
}
