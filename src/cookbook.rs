//! Recipes for using rencana as a library. Each runs as a test
//! (`cargo test --doc`) on the plans bundled in `fixtures/`.
//!
//! # Contents
//!
//! 1. [Convert one plan to CSV](#convert-one-plan-to-csv)
//! 2. [Walk the indicators](#walk-the-indicators)
//! 3. [Find what an officer must check](#find-what-an-officer-must-check)
//! 4. [Convert text already in memory](#convert-text-already-in-memory)
//! 5. [Force the input kind](#force-the-input-kind)
//! 6. [Convert a folder into one file](#convert-a-folder-into-one-file)
//!
//! # Convert one plan to CSV
//!
//! [`convert_path`](crate::convert_path) reads any input kind (PDF, scan,
//! text dump) and tells the kinds apart by itself;
//! [`write_docs`](crate::output::write_docs) writes CSV, JSON or JSONL.
//!
//! ```
//! use rencana::{convert_path, output::write_docs, write::Format, Options};
//! use std::path::Path;
//!
//! let doc = convert_path(Path::new("fixtures/seed/rencana-aksi-2025.txt"), &Options::default())?;
//! let csv = write_docs(Vec::new(), &[doc], Format::Csv)?;
//! let csv = String::from_utf8(csv).unwrap();
//! assert!(csv.starts_with("source,page,row,year,agency,region,level,"));
//! assert_eq!(csv.lines().count(), 1 + 63); // the header row and one row per indicator
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Walk the indicators
//!
//! A [`Document`](crate::Document) holds the title's year, agency and
//! region, and the indicators in document order, each with its node and
//! the node's ancestors, its unit and its values.
//!
//! ```
//! use rencana::{convert_path, Options};
//! use std::path::Path;
//!
//! let doc = convert_path(Path::new("fixtures/seed/rencana-aksi-2025.txt"), &Options::default())?;
//! assert_eq!(doc.year, Some(2025));
//! let first = &doc.indicators[0];
//! assert_eq!(first.level.as_str(), "tujuan");
//! assert_eq!(first.unit, "persen");
//! // Values in CSV form: '.' decimal, no thousands separators.
//! let quarters: Vec<&str> = first.tw.iter().map(|v| v.as_field()).collect();
//! assert_eq!(quarters.len(), 4);
//! for ind in &doc.indicators {
//!     let node = ind.node().map(|n| n.name.as_str()).unwrap_or("");
//!     println!("{:<12} {:<40} {:<30} {}", ind.level.as_str(), node, ind.text, ind.target.as_field());
//! }
//! # Ok::<(), rencana::Error>(())
//! ```
//!
//! # Find what an officer must check
//!
//! Nothing doubtful is filled in silently: a value that could not be read
//! is empty and the indicator carries a warning code (see the README's
//! list), as does the document for what concerns it as a whole.
//!
//! ```
//! use rencana::{convert_path, Options};
//! use std::path::Path;
//!
//! let doc = convert_path(Path::new("fixtures/synthetic/dev02.pdf"), &Options::default())?;
//! let to_check: Vec<(&str, &[String])> = doc
//!     .indicators
//!     .iter()
//!     .filter(|i| !i.warnings.is_empty())
//!     .map(|i| (i.text.as_str(), i.warnings.as_slice()))
//!     .collect();
//! for (indicator, warnings) in &to_check {
//!     println!("{indicator}: {}", warnings.join("; "));
//! }
//! println!("document: {:?}", doc.warnings);
//! # Ok::<(), rencana::Error>(())
//! ```
//!
//! # Convert text already in memory
//!
//! [`convert_bytes`](crate::convert_bytes) takes the bytes and a name for
//! messages; nothing is read from disk.
//!
//! ```
//! use rencana::{convert_bytes, Options};
//! use std::path::Path;
//!
//! let text = "\
//! RENCANA AKSI TAHUN 2026
//! DINAS KOPERASI DAN UKM KABUPATEN CONTOH
//! URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV
//! Program 1 Pembinaan Koperasi 1. Persentase koperasi aktif Persen 60 15 30 45 60
//! ";
//! let doc = convert_bytes(Path::new("contoh.txt"), text.as_bytes(), &Options::default())?;
//! let ind = &doc.indicators[0];
//! assert_eq!(ind.text, "Persentase koperasi aktif");
//! assert_eq!(ind.target.as_field(), "60");
//! assert_eq!(ind.quarterly.map(|q| q.as_str()), Some("cumulative"));
//! # Ok::<(), rencana::Error>(())
//! ```
//!
//! # Force the input kind
//!
//! Detection looks at the bytes, never the file name. When a layout dump
//! is taken for a flow dump (or the other way round), say which it is.
//!
//! ```
//! use rencana::{convert_path, InputKind, Options};
//! use std::path::Path;
//!
//! let opts = Options { input_kind: Some(InputKind::Layout), ..Options::default() };
//! let doc = convert_path(Path::new("fixtures/seed/rencana-aksi-2025.layout.txt"), &opts)?;
//! assert_eq!(doc.indicators.len(), 63);
//! # Ok::<(), rencana::Error>(())
//! ```
//!
//! # Convert a folder into one file
//!
//! [`batch::run`](crate::batch::run) converts many inputs in parallel; one
//! bad file is reported, not fatal, and the output is the same whatever
//! the number of threads.
//!
//! ```
//! use rencana::batch::{collect_inputs, run, BatchOptions, Destination};
//! use rencana::{write::Format, Options};
//!
//! let out = std::env::temp_dir().join(format!("rencana-cookbook-{}.jsonl", std::process::id()));
//! let inputs = collect_inputs(&["fixtures/synthetic".into()]);
//! let opts = BatchOptions { convert: Options::default(), format: Format::Jsonl, skip_existing: false };
//! let report = run(&inputs, &Destination::File(out.clone()), &opts, &|_| {})?;
//! assert_eq!(report.failed, 0);
//! let lines = std::fs::read_to_string(&out)?.lines().count();
//! assert_eq!(lines, report.rows); // one JSON object per indicator
//! std::fs::remove_file(&out)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
