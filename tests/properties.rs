//! Property tests: whatever the bytes, the converter gives a document or a
//! one-line error, never a panic (not even one caught and turned into an
//! "internal error"), and what it writes keeps the CSV contract.

mod common;

use common::{fixture, parse_csv, render};
use proptest::prelude::*;
use rencana::write::{Format, COLUMNS};
use rencana::{Document, Options};
use std::path::Path;

/// Converts bytes as the CLI would: the document, or None after checking
/// that the error is one line naming the file and no caught panic.
fn convert_checked(name: &str, bytes: &[u8]) -> Result<Option<Document>, TestCaseError> {
    match rencana::convert_bytes(Path::new(name), bytes, &Options::default()) {
        Ok(doc) => Ok(Some(doc)),
        Err(e) => {
            let msg = e.to_string();
            prop_assert!(!msg.contains("internal error"), "a panic inside the converter: {msg}");
            prop_assert!(!msg.contains('\n'), "a multi-line error: {msg:?}");
            prop_assert!(msg.contains(name), "the error does not name the file: {msg}");
            Ok(None)
        }
    }
}

/// The CSV contract on a converted document: the 36 columns in order,
/// every record complete, one record per indicator.
fn check_csv_contract(doc: &Document) -> Result<(), TestCaseError> {
    let csv = render(std::slice::from_ref(doc), Format::Csv);
    let (header, records) = parse_csv(&csv);
    prop_assert_eq!(header, COLUMNS);
    prop_assert_eq!(records.len(), doc.indicators.len());
    for r in &records {
        prop_assert_eq!(r.len(), 36);
        let level = r[6].as_str();
        prop_assert!(
            ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan"].contains(&level),
            "level {:?}",
            level
        );
        for (i, value) in r[22..27].iter().enumerate() {
            prop_assert!(!value.contains(',') && !value.contains('%'), "{} = {:?}", COLUMNS[22 + i], value);
        }
    }
    Ok(())
}

/// `cases` cases per property. Failures are not persisted to files: the
/// minimal failing input is in the test's output.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Lines that look like the parts of a plan, for text that reaches the
/// parser's deeper paths rather than failing early.
fn plan_line() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        Just("Tujuan 1"),
        Just("Tujuan 2 :"),
        Just("Sasaran 1"),
        Just("Program 1"),
        Just("PROGRAM 2"),
        Just("Program"),
        Just("Kegiatan1"),
        Just("Kegiatan 3"),
        Just("Sub. Kegiatan 1"),
        Just("Su kegiatan 6"),
        Just("Indikator Tujuan 2 :"),
        Just("1."),
        Just("2.17.06.2.01"),
    ];
    let words = prop::sample::subsequence(
        vec![
            "Persentase", "koperasi", "Sehat", "Meningkatnya", "Kemandiria", "n", "UMKM", "Jumlah", "dokumen",
            "Persen", "Prosen", "%", "Orang", "Unit", "Laporan", "BB", "WTP", "Capaian", "pada", "akhir", "tahun",
        ],
        0..6,
    )
    .prop_map(|w| w.join(" "));
    let number = prop_oneof![
        Just("7,1"),
        Just("0,625"),
        Just("1.250.000"),
        Just("3%"),
        Just("-"),
        Just("0"),
        Just("65,8"),
        Just("100"),
        Just("1,2,3"),
        Just("Rp 1.500.000,00"),
    ];
    let numbers = prop::collection::vec(number, 0..6).prop_map(|n| n.join(" "));
    prop_oneof![
        3 => (label, words.clone()).prop_map(|(l, w)| format!("{l} {w}")),
        3 => (words.clone(), numbers.clone()).prop_map(|(w, n)| format!("{w} {n}")),
        1 => Just("NO URAIAN INDIKATOR KINERJA SATUAN TARGET".to_string()),
        1 => Just("KETERANGAN2024 TW.I TW.II TW.III TW.IV".to_string()),
        1 => Just("RENCANA AKSI TAHUN 2025".to_string()),
        1 => Just("DINAS KOPERASI DAN UKM KABUPATEN PURBALINGGA".to_string()),
        1 => Just("DIBAGI KEMASING_MASIng KEGIATAN".to_string()),
        1 => Just("NIP. 19700101 199003 1 001".to_string()),
        1 => Just(String::new()),
        1 => Just("\u{c}".to_string()),
        1 => (words, numbers).prop_map(|(w, n)| format!("   {w}        Persen      {n}")),
        1 => "[ -~]{0,40}",
        1 => "\\PC{0,20}",
    ]
}

/// A row of a `pdftotext -layout` dump: cells padded into columns.
fn layout_line() -> impl Strategy<Value = String> {
    let node = prop_oneof![Just(""), Just("Program 1"), Just("Kegiatan 2"), Just("Sub Kegiatan 3"), Just("Sasaran 1")];
    let indicator = prop_oneof![Just(""), Just("Persentase koperasi sehat"), Just("Jumlah dokumen"), Just("Cakupan")];
    let unit = prop_oneof![Just(""), Just("Persen"), Just("Dokumen"), Just("%"), Just("Orang")];
    let value = prop_oneof![Just(""), Just("7,1"), Just("0"), Just("-"), Just("100"), Just("BB"), Just("1.250.000")];
    let values = prop::collection::vec(value, 5);
    prop_oneof![
        8 => (node, indicator, unit, values).prop_map(|(n, i, u, v)| {
            format!("     {n:<18}{i:<30}{u:<10}{:>8}{:>8}{:>8}{:>8}{:>8}", v[0], v[1], v[2], v[3], v[4])
        }),
        1 => Just("     NO   URAIAN            INDIKATOR KINERJA             SATUAN     TARGET    TW I   TW II  TW III   TW IV".to_string()),
        1 => Just("                     RENCANA AKSI TAHUN 2025".to_string()),
        1 => Just(String::new()),
        1 => Just("\u{c}".to_string()),
    ]
}

fn layout_text() -> impl Strategy<Value = String> {
    prop::collection::vec(layout_line(), 0..50).prop_map(|lines| lines.join("\n"))
}

fn plan_text() -> impl Strategy<Value = String> {
    prop::collection::vec(plan_line(), 0..60).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Some(doc) = convert_checked("noise.txt", &bytes)? {
            check_csv_contract(&doc)?;
        }
    }

    #[test]
    fn plan_like_text_never_panics_and_keeps_the_csv_contract(text in plan_text()) {
        if let Some(doc) = convert_checked("plan.txt", text.as_bytes())? {
            check_csv_contract(&doc)?;
        }
    }

    #[test]
    fn layout_like_text_never_panics_and_keeps_the_csv_contract(text in layout_text()) {
        if let Some(doc) = convert_checked("plan.layout.txt", text.as_bytes())? {
            check_csv_contract(&doc)?;
        }
    }

    #[test]
    fn plan_like_text_converts_the_same_way_twice(text in plan_text()) {
        let first = rencana::convert_bytes(Path::new("plan.txt"), text.as_bytes(), &Options::default());
        let second = rencana::convert_bytes(Path::new("plan.txt"), text.as_bytes(), &Options::default());
        match (first, second) {
            (Ok(a), Ok(b)) => prop_assert_eq!(render(&[a], Format::Csv), render(&[b], Format::Csv)),
            (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
            (a, b) => prop_assert!(false, "different outcomes: {:?} / {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Bytes starting like a PDF go to the PDF reader.
    #[test]
    fn bytes_that_start_like_a_pdf_never_panic(tail in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.extend(tail);
        convert_checked("noise.pdf", &bytes)?;
    }

    /// Every prefix of a real PDF: a truncated download.
    #[test]
    fn truncated_pdfs_never_panic(cut in 0.0f64..1.0) {
        let pdf = std::fs::read(fixture("synthetic/dev02.pdf")).unwrap();
        let len = (pdf.len() as f64 * cut) as usize;
        if let Some(doc) = convert_checked("cut.pdf", &pdf[..len])? {
            check_csv_contract(&doc)?;
        }
    }

    /// A real PDF with a few bytes overwritten: a damaged file.
    #[test]
    fn damaged_pdfs_never_panic(damage in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16)) {
        let mut pdf = std::fs::read(fixture("synthetic/dev02.pdf")).unwrap();
        let len = pdf.len();
        for (at, byte) in damage {
            pdf[at.index(len)] = byte;
        }
        if let Some(doc) = convert_checked("damaged.pdf", &pdf)? {
            check_csv_contract(&doc)?;
        }
    }
}

/// The real fixtures keep the CSV contract too (not only random text).
#[test]
fn every_fixture_output_has_the_36_columns() {
    for input in common::input_fixtures() {
        if let Ok(doc) = common::convert(&input.path) {
            let result = check_csv_contract(&doc);
            assert!(result.is_ok(), "{}: {result:?}", input.rel);
        }
    }
}

/// How many times each fixture is converted to catch output that depends
/// on hash-map order or the like.
const DETERMINISM_RUNS: usize = 8;

/// The same input must give byte-identical output every time (regression
/// tests and batch runs with any `--jobs` rely on it).
#[test]
fn every_fixture_converts_the_same_way_each_time() {
    let mut unstable = Vec::new();
    for input in common::input_fixtures() {
        let outputs: std::collections::BTreeSet<String> = (0..DETERMINISM_RUNS)
            .map(|_| match common::convert(&input.path) {
                Ok(doc) => render(&[doc], Format::Json),
                Err(e) => e.to_string(),
            })
            .collect();
        if outputs.len() > 1 {
            unstable.push(format!("{} ({} different outputs in {DETERMINISM_RUNS} runs)", input.rel, outputs.len()));
        }
    }
    assert!(unstable.is_empty(), "outputs that change from run to run: {unstable:?}");
}
