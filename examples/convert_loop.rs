//! Converts the given files N times in one process, for profiling the
//! converter's steady state without process start-up and one-time setup
//! (regex compilation) in the figures:
//!
//! ```sh
//! cargo build --release --example convert_loop
//! valgrind --tool=callgrind target/release/examples/convert_loop 3 fixtures/synthetic/dev05.txt
//! ```
//!
//! (instructions for N = 3 less those for N = 1, halved, is one
//! conversion's steady-state cost). Prints the total CSV bytes written.

use rencana::write::Format;
use rencana::Options;

fn main() {
    // As the command line tool does: the allocator settings change what a
    // conversion costs (large blocks mapped afresh for every document).
    rencana::memory::tune_allocator_for_batches();
    let args: Vec<String> = std::env::args().collect();
    let Some(n) = args.get(1).and_then(|a| a.parse::<usize>().ok()) else {
        eprintln!("usage: convert_loop N FILE...");
        std::process::exit(2);
    };
    let files: Vec<(std::path::PathBuf, Vec<u8>)> = args[2..]
        .iter()
        .map(|p| match std::fs::read(p) {
            Ok(bytes) => (p.into(), bytes),
            Err(e) => {
                eprintln!("convert_loop: {p}: {e}");
                std::process::exit(1);
            }
        })
        .collect();
    let mut total = 0;
    for _ in 0..n {
        for (path, bytes) in &files {
            if let Ok(doc) = rencana::convert_bytes(path, bytes, &Options::default()) {
                total += rencana::output::write_docs(Vec::new(), &[doc], Format::Csv).expect("in memory").len();
            }
        }
    }
    println!("{total}");
}
