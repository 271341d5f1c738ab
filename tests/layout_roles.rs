//! Columns are told by their header words, not by their place: a plan with
//! an extra REALISASI column converts to the same rows, the extra column
//! kept as an extra field.

use rencana::{convert_path, Options};
use std::path::Path;

fn fixture(name: &str) -> rencana::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/layout").join(name);
    convert_path(&path, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The CSV fields of every row but the provenance (source, page, row).
fn rows(doc: &rencana::Document) -> Vec<Vec<String>> {
    doc.indicators.iter().map(|i| rencana::write::record(doc, i).iter().skip(3).map(|f| f.as_csv()).collect()).collect()
}

#[test]
fn an_extra_realisasi_column_changes_no_row() {
    let plain = fixture("dev04.layout.txt");
    let extra = fixture("realisasi-column.layout.txt");
    assert_eq!(plain.indicators.len(), 27);
    assert_eq!(rows(&plain), rows(&extra));
}

#[test]
fn the_extra_column_is_kept_under_its_header() {
    let doc = fixture("realisasi-column.layout.txt");
    assert_eq!(doc.extra_columns, vec!["REALISASI".to_string()]);
    for ind in &doc.indicators {
        assert_eq!(ind.extra, vec![("REALISASI".to_string(), "9,5".to_string())], "row {}", ind.row);
    }
}
