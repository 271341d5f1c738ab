//! The 2018 wide layout (issue #5): the scrambled dump of the Purbalingga
//! plan of 2018 gives its seven indicator rows exactly as read by hand.
//!
//! `fixtures/hand/rencana-aksi-2018.expected.csv` was written from the dump
//! by hand, not from the converter's output. The dump does not keep the
//! order of the rows inside a program (a page's program rows are printed
//! before the title), so rows are matched by level and indicator; every
//! other field must be equal. The last column says whether the row's
//! program could only be inferred (the `program_ambiguous` warning).

mod common;

use common::{convert, fixture, parse_csv, render};
use rencana::write::Format;

/// The CSV columns the hand reading states, beside `program_ambiguous`.
const FIELDS: &[&str] = &[
    "level", "sasaran", "program", "indicator", "unit", "unit_raw", "definition", "target", "tw1", "tw2", "tw3", "tw4",
    "quarterly", "responsible", "problem", "strategy", "policy",
];

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_2018_dump_gives_its_rows_as_read_by_hand() {
    let doc = convert(&fixture("seed/rencana-aksi-2018.txt")).expect("the 2018 dump converts");
    let (out_header, out_rows) = parse_csv(&render(&[doc], Format::Csv));
    let expected_text = std::fs::read_to_string(fixture("hand/rencana-aksi-2018.expected.csv")).expect("hand fixture");
    let (exp_header, exp_rows) = parse_csv(&expected_text);
    assert_eq!(out_rows.len(), exp_rows.len(), "row count");

    let key = |header: &[String], row: &[String]| (row[column(header, "level")].clone(), row[column(header, "indicator")].clone());
    for exp in &exp_rows {
        let want = key(&exp_header, exp);
        let found: Vec<&Vec<String>> = out_rows.iter().filter(|r| key(&out_header, r) == want).collect();
        assert_eq!(found.len(), 1, "rows for {want:?}");
        let got = found[0];
        for f in FIELDS {
            assert_eq!(got[column(&out_header, f)], exp[column(&exp_header, f)], "{f} of {want:?}");
        }
        let warnings = &got[column(&out_header, "warnings")];
        let ambiguous = warnings.split(';').any(|w| w == "program_ambiguous");
        assert_eq!(ambiguous, exp[column(&exp_header, "program_ambiguous")] == "yes", "program_ambiguous of {want:?}: {warnings}");
    }
}

#[test]
fn the_2018_title_lists_its_tujuan_in_the_json() {
    let doc = convert(&fixture("seed/rencana-aksi-2018.txt")).expect("the 2018 dump converts");
    assert_eq!((doc.year, doc.agency.as_str(), doc.region.as_str()), (Some(2018), "DINAS KOPERASI DAN USAHA KECIL MENENGAH", "KABUPATEN PURBALINGGA"));
    let json: serde_json::Value = serde_json::from_str(&render(&[doc], Format::Json)).expect("JSON");
    let tujuan: Vec<(u64, &str)> = json["tujuan"].as_array().expect("tujuan list").iter().map(|t| (t["no"].as_u64().unwrap(), t["text"].as_str().unwrap())).collect();
    assert_eq!(
        tujuan,
        [(1, "Meningkatnya Jumlah Koperasi Sehat di Kabupaten purbaligga"), (2, "Meningkatnya Jumlah UMKM yang Bersertifikat/ IJIN")]
    );
}
