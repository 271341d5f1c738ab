//! Text-path throughput: whole conversions (read bytes → CSV in memory) of
//! the text-dump fixtures, one group per dump kind, reported in MB/s.
//!
//! ```sh
//! cargo bench --bench convert
//! ```
//!
//! Runs on one thread; the figure is per core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rencana::write::Format;
use rencana::Options;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// The dump kinds, by file-name suffix. A flow dump is a `.txt` that is
/// none of the others.
const KINDS: [(&str, &str); 3] = [("flow", ".txt"), ("layout", ".layout.txt"), ("mutool", ".mutool.txt")];

fn kind_of(name: &str) -> &'static str {
    KINDS.iter().rev().find(|(_, suffix)| name.ends_with(suffix)).map(|(k, _)| *k).unwrap_or("other")
}

/// (file name, bytes) of every text fixture of one kind.
fn inputs(kind: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for dir in ["seed", "synthetic"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("fixtures") {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".txt") && kind_of(&name) == kind {
                let bytes = std::fs::read(&path).expect("fixture");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Converts one input and writes its CSV to memory; the CSV's length.
fn convert_to_csv(path: &Path, bytes: &[u8]) -> usize {
    match rencana::convert_bytes(path, bytes, &Options::default()) {
        Ok(doc) => rencana::output::write_docs(Vec::new(), &[doc], Format::Csv).expect("in memory").len(),
        // Inputs the converter cannot read yet still cost their reading time.
        Err(_) => 0,
    }
}

fn text_path(c: &mut Criterion) {
    for (kind, _) in KINDS {
        let files = inputs(kind);
        assert!(!files.is_empty(), "no {kind} fixtures");
        let total: usize = files.iter().map(|(_, b)| b.len()).sum();
        let mut group = c.benchmark_group(format!("text_path/{kind}"));
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function(format!("{} files, {} KiB", files.len(), total / 1024), |b| {
            b.iter(|| files.iter().map(|(p, bytes)| convert_to_csv(p, black_box(bytes))).sum::<usize>())
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = text_path
}
criterion_main!(benches);
