//! Batch conversion of archives: many inputs, converted in parallel, one
//! bad file never stopping the rest.
//!
//! - Inputs are files, folders (walked recursively for PDFs and text
//!   dumps, in name order) or simple glob patterns (`plans/*.pdf`).
//! - Output is either one combined file (documents in input order, told
//!   apart by the `source` column) or a folder holding one output per input,
//!   mirroring the input tree.
//! - Files are converted in parallel; results are written in input order,
//!   a bounded window at a time, so the output is byte-identical whatever
//!   the number of threads and memory stays flat in the number of files.
//! - Every output file is written atomically (temporary file, then rename),
//!   so an interrupted batch can be resumed with `skip_existing`.

use crate::output::{write_docs, write_file_atomic};
use crate::write::Format;
use crate::{convert_path, Document, Options};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Instant;

/// One input and where its output goes in folder mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// The path relative to the folder it was found under (its own file
    /// name when given directly): mirrored under the output folder.
    pub relative: PathBuf,
}

/// Where the results go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// One combined output on standard output.
    Stdout,
    /// One combined output file.
    File(PathBuf),
    /// One output per input under this folder.
    Folder(PathBuf),
}

/// How one input went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Converted,
    Failed,
    Skipped,
}

/// The report line of one input (`--report`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileReport {
    pub path: String,
    pub status: Status,
    pub rows: usize,
    pub warnings: usize,
    pub seconds: f64,
    pub output: Option<String>,
    pub error: Option<String>,
}

/// The whole batch's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub converted: usize,
    pub failed: usize,
    pub skipped: usize,
    pub rows: usize,
}

impl Report {
    fn from_files(files: Vec<FileReport>) -> Report {
        let count = |s: Status| files.iter().filter(|f| f.status == s).count();
        Report {
            converted: count(Status::Converted),
            failed: count(Status::Failed),
            skipped: count(Status::Skipped),
            rows: files.iter().map(|f| f.rows).sum(),
            files,
        }
    }
}

/// How to run a batch.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    pub convert: Options,
    pub format: Format,
    /// Folder mode: leave inputs whose output already exists.
    pub skip_existing: bool,
}

/// Extensions a folder walk picks up.
const INPUT_EXTENSIONS: &[&str] = &["pdf", "txt"];

/// Expands the command line's inputs: files as given, folders walked
/// recursively (sorted, so the order is the same on every machine), glob
/// patterns matched. An argument that matches nothing is kept as is, so
/// that converting it reports the missing file.
pub fn collect_inputs(args: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut found = Vec::new();
            walk(arg, &mut found);
            found.sort();
            for f in found {
                let relative = f.strip_prefix(arg).map(Path::to_path_buf).unwrap_or_else(|_| f.clone());
                out.push(Input { path: f, relative });
            }
        } else if is_glob(arg) {
            let pattern = arg.to_string_lossy();
            let mut found: Vec<PathBuf> = glob::glob(&pattern).map(|g| g.flatten().filter(|p| p.is_file()).collect()).unwrap_or_default();
            found.sort();
            if found.is_empty() {
                out.push(plain(arg));
            }
            out.extend(found.iter().map(|p| plain(p)));
        } else {
            out.push(plain(arg));
        }
    }
    out
}

fn plain(p: &Path) -> Input {
    Input { path: p.to_path_buf(), relative: PathBuf::from(p.file_name().unwrap_or(p.as_os_str())) }
}

fn is_glob(p: &Path) -> bool {
    let s = p.to_string_lossy();
    !p.exists() && s.contains(['*', '?', '['])
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| INPUT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
}

/// Reads `--from-list`: one path a line; blank lines and `#` comments skipped.
pub fn read_list(text: &str) -> Vec<PathBuf> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(PathBuf::from).collect()
}

/// The output path of one input in folder mode: its relative path with the
/// format's extension added ("2024/plan.pdf" → "out/2024/plan.pdf.csv"), so
/// "plan.pdf" and "plan.txt" do not collide.
pub fn output_path(folder: &Path, input: &Input, format: Format) -> PathBuf {
    let ext = match format {
        Format::Csv => "csv",
        Format::Json => "json",
        Format::Jsonl => "jsonl",
    };
    let mut name = input.relative.as_os_str().to_os_string();
    name.push(".");
    name.push(ext);
    folder.join(name)
}

/// Runs a batch. `progress` is called once per finished input, from the
/// worker threads, in any order.
pub fn run(
    inputs: &[Input],
    dest: &Destination,
    opts: &BatchOptions,
    progress: &(dyn Fn(&FileReport) + Sync),
) -> std::io::Result<Report> {
    match dest {
        Destination::Folder(folder) => Ok(run_to_folder(inputs, folder, opts, progress)),
        Destination::File(path) => run_combined(inputs, Some(path), opts, progress),
        Destination::Stdout => run_combined(inputs, None, opts, progress),
    }
}

fn convert_one(input: &Input, opts: &Options) -> (Result<Document, crate::Error>, f64) {
    let start = Instant::now();
    let r = convert_path(&input.path, opts);
    (r, start.elapsed().as_secs_f64())
}

fn report_of(input: &Input, result: &Result<Document, crate::Error>, seconds: f64, output: Option<&Path>) -> FileReport {
    let (status, rows, warnings, error) = match result {
        Ok(d) => (Status::Converted, d.indicators.len(), d.warnings.len() + d.indicators.iter().map(|i| i.warnings.len()).sum::<usize>(), None),
        Err(e) => (Status::Failed, 0, 0, Some(e.to_string())),
    };
    FileReport {
        path: input.path.display().to_string(),
        status,
        rows,
        warnings,
        seconds: (seconds * 1000.0).round() / 1000.0,
        output: output.map(|p| p.display().to_string()),
        error,
    }
}

fn run_to_folder(inputs: &[Input], folder: &Path, opts: &BatchOptions, progress: &(dyn Fn(&FileReport) + Sync)) -> Report {
    let files: Vec<FileReport> = inputs
        .par_iter()
        .map(|input| {
            let out = output_path(folder, input, opts.format);
            if opts.skip_existing && out.exists() {
                let r = FileReport {
                    path: input.path.display().to_string(),
                    status: Status::Skipped,
                    rows: 0,
                    warnings: 0,
                    seconds: 0.0,
                    output: Some(out.display().to_string()),
                    error: None,
                };
                progress(&r);
                return r;
            }
            let (result, seconds) = convert_one(input, &opts.convert);
            let result = result.and_then(|doc| {
                let written = out
                    .parent()
                    .map(std::fs::create_dir_all)
                    .unwrap_or(Ok(()))
                    .and_then(|_| write_file_atomic(&out, std::slice::from_ref(&doc), opts.format));
                written.map(|_| doc).map_err(|e| crate::Error::io(&out, e))
            });
            let r = report_of(input, &result, seconds, result.is_ok().then_some(out.as_path()));
            progress(&r);
            r
        })
        .collect();
    Report::from_files(files)
}

/// Converts with every thread taking the next input in order, and writes
/// each result as soon as all before it are written. A thread does not
/// start an input more than a window ahead of the writing, so at most a
/// window of results waits in memory whatever the batch's length.
///
/// Why not fixed windows converted in parallel one after another: each
/// such window waits for its slowest file, idling the other cores behind
/// one scrambled flow dump (measured 1.70x from one to two jobs against
/// 1.92x in folder mode); a sliding window has no such barrier.
fn run_combined(inputs: &[Input], path: Option<&Path>, opts: &BatchOptions, progress: &(dyn Fn(&FileReport) + Sync)) -> std::io::Result<Report> {
    let threads = rayon::current_num_threads().max(1);
    let window = threads * 16;
    let next_input = AtomicUsize::new(0);
    let writing = Mutex::new(InOrder {
        sink: CombinedSink::open(path, opts.format)?,
        next: 0,
        waiting: BTreeMap::new(),
        files: Vec::with_capacity(inputs.len()),
        error: None,
    });
    let written = Condvar::new();
    let lock = || writing.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    rayon::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|_| loop {
                let i = next_input.fetch_add(1, Ordering::SeqCst);
                let Some(input) = inputs.get(i) else { break };
                {
                    let mut state = lock();
                    while i >= state.next + window && state.error.is_none() {
                        state = written.wait(state).unwrap_or_else(std::sync::PoisonError::into_inner);
                    }
                    if state.error.is_some() {
                        break;
                    }
                }
                let (result, seconds) = convert_one(input, &opts.convert);
                let report = report_of(input, &result, seconds, path);
                progress(&report);
                // Rendered here, by the worker: a waiting result is its
                // output bytes, several times smaller than its document.
                let rendered = result.ok().map(|doc| Rendered::new(doc, opts.format)).transpose();
                let mut state = lock();
                match rendered {
                    Ok(rendered) => {
                        state.waiting.insert(i, (report, rendered));
                        state.write_ready();
                    }
                    Err(e) => {
                        state.error.get_or_insert(e);
                    }
                }
                written.notify_all();
            });
        }
    });
    let state = writing.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(e) = state.error {
        return Err(e);
    }
    state.sink.finish()?;
    Ok(Report::from_files(state.files))
}

/// The combined output's writing state: results that wait for those
/// before them, and the next input to write.
struct InOrder {
    sink: CombinedSink,
    next: usize,
    waiting: BTreeMap<usize, (FileReport, Option<Rendered>)>,
    files: Vec<FileReport>,
    error: Option<std::io::Error>,
}

impl InOrder {
    /// Writes every waiting result whose predecessors are all written.
    fn write_ready(&mut self) {
        while let Some((report, rendered)) = self.waiting.remove(&self.next) {
            self.files.push(report);
            if let Some(rendered) = rendered {
                if let Err(e) = self.sink.push(rendered) {
                    self.error.get_or_insert(e);
                }
            }
            self.next += 1;
        }
    }
}

/// One document as the combined output will hold it: CSV rows (with their
/// header row) or JSONL lines, written by the worker that converted it; a
/// whole document for JSON, whose array is written at the end.
enum Rendered {
    Bytes(Vec<u8>),
    Document(Box<Document>),
}

impl Rendered {
    fn new(doc: Document, format: Format) -> std::io::Result<Rendered> {
        if format == Format::Json {
            return Ok(Rendered::Document(Box::new(doc)));
        }
        let mut bytes = Vec::new();
        write_docs(&mut bytes, std::slice::from_ref(&doc), format)?;
        Ok(Rendered::Bytes(bytes))
    }
}

/// The combined output: CSV and JSONL stream document by document; JSON is
/// one array, so its documents are kept until the end.
struct CombinedSink {
    format: Format,
    tmp: Option<tempfile::NamedTempFile>,
    target: Option<PathBuf>,
    out: Box<dyn std::io::Write + Send>,
    csv_header_written: bool,
    json_docs: Vec<Document>,
    any: bool,
}

impl CombinedSink {
    fn open(path: Option<&Path>, format: Format) -> std::io::Result<Self> {
        let (tmp, out): (Option<tempfile::NamedTempFile>, Box<dyn std::io::Write + Send>) = match path {
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let tmp = tempfile::NamedTempFile::new_in(dir)?;
                let file = tmp.reopen()?;
                (Some(tmp), Box::new(std::io::BufWriter::new(file)))
            }
            None => (None, Box::new(std::io::BufWriter::new(std::io::stdout()))),
        };
        Ok(CombinedSink { format, tmp, target: path.map(Path::to_path_buf), out, csv_header_written: false, json_docs: Vec::new(), any: false })
    }

    fn push(&mut self, rendered: Rendered) -> std::io::Result<()> {
        self.any = true;
        match rendered {
            Rendered::Document(doc) => self.json_docs.push(*doc),
            Rendered::Bytes(bytes) => {
                // Every document's CSV starts with the header row: keep the first only.
                let body = if self.format == Format::Csv && self.csv_header_written {
                    let at = bytes.windows(2).position(|w| w == b"\r\n").map(|i| i + 2).unwrap_or(0);
                    &bytes[at..]
                } else {
                    &bytes[..]
                };
                self.out.write_all(body)?;
                self.csv_header_written = true;
            }
        }
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<()> {
        if self.format == Format::Json && !self.json_docs.is_empty() {
            write_docs(&mut self.out, &self.json_docs, Format::Json)?;
        }
        self.out.flush()?;
        drop(self.out);
        if let (Some(tmp), Some(target)) = (self.tmp, self.target) {
            if self.any {
                tmp.as_file().sync_all()?;
                tmp.persist(&target).map_err(|e| e.error)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_mirror_the_tree_and_keep_the_input_extension() {
        let input = Input { path: "arsip/2024/plan.pdf".into(), relative: "2024/plan.pdf".into() };
        assert_eq!(output_path(Path::new("out"), &input, Format::Csv), PathBuf::from("out/2024/plan.pdf.csv"));
        assert_eq!(output_path(Path::new("out"), &input, Format::Jsonl), PathBuf::from("out/2024/plan.pdf.jsonl"));
    }

    #[test]
    fn lists_skip_blanks_and_comments() {
        assert_eq!(read_list("a.pdf\n\n# old\n b.txt \n"), vec![PathBuf::from("a.pdf"), PathBuf::from("b.txt")]);
    }

    #[test]
    fn folders_are_walked_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("b")).unwrap();
        for f in ["b/z.pdf", "a.txt", "b/c.TXT", "skip.csv"] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let got: Vec<PathBuf> = collect_inputs(&[dir.path().to_path_buf()]).into_iter().map(|i| i.relative).collect();
        assert_eq!(got, vec![PathBuf::from("a.txt"), PathBuf::from("b/c.TXT"), PathBuf::from("b/z.pdf")]);
    }
}
