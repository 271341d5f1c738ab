//! Columns are told by their header words, not by their place: a plan with
//! an extra REALISASI column converts to the same rows, the extra column
//! kept as an extra field.

use rencana::parse::header::Role;
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

fn generated(name: &str) -> rencana::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/generated").join(name);
    convert_path(&path, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// gen07 is gen05's plan printed with SATUAN after the quarters and an
/// extra REALISASI column (see fixtures/generated/plans.py).
#[test]
fn reordered_columns_give_the_same_rows() {
    for (plain, reordered) in [("gen05.pdf", "gen07.pdf"), ("gen05.layout.txt", "gen07.layout.txt")] {
        let (plain, reordered) = (generated(plain), generated(reordered));
        assert_eq!(plain.indicators.len(), 19);
        assert_eq!(rows(&plain), rows(&reordered), "{}", reordered.source);
    }
}

#[test]
fn the_realisasi_column_of_a_reordered_plan_is_an_extra_field() {
    for name in ["gen07.pdf", "gen07.layout.txt"] {
        let doc = generated(name);
        assert_eq!(doc.extra_columns, vec!["REALISASI".to_string()], "{name}");
        let bytes = rencana::output::write_docs(Vec::new(), &[doc], rencana::write::Format::Json).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let mut realisasi = Vec::new();
        collect_extra(&json["nodes"], &mut realisasi);
        // The first quarter's realisation, as printed in each row.
        let expected = ["-", "0%", "18", "7", "23.850", "0", "23.850", "300", "20", "-", "-", "12", "96", "10", "30", "-", "0", "2.500", "1"];
        assert_eq!(realisasi, expected, "{name}");
    }
}

/// The REALISASI field of every indicator of a JSON node tree, in order.
fn collect_extra(nodes: &serde_json::Value, out: &mut Vec<String>) {
    for node in nodes.as_array().into_iter().flatten() {
        for ind in node["indicators"].as_array().into_iter().flatten() {
            out.push(ind["extra"]["REALISASI"].as_str().unwrap_or("<missing>").to_string());
        }
        collect_extra(&node["children"], out);
    }
}

/// A flow dump of gen07 prints each row's unit after its values ("72 18
/// 18 18 18 Persen 18 18.750.000.000"): the units are put back in front of
/// their values, and every value read is the one gen05's PDF has for the
/// same indicator. The REALISASI cells, which a flow dump cannot tell from
/// the budget, are left out with a warning, never read as the budget.
#[test]
fn a_flow_dump_with_the_unit_after_the_quarters_is_read_with_its_units_moved() {
    let truth = generated("gen05.pdf");
    let by_text = |text: &str| truth.indicators.iter().find(|i| i.text == text);
    for (name, at_least) in [("gen07.txt", 14), ("gen07.mutool.txt", 18)] {
        let doc = generated(name);
        assert!(doc.warnings.iter().any(|w| w.starts_with("column_not_read: REALISASI")), "{name}: {:?}", doc.warnings);
        let mut same = 0;
        for ind in &doc.indicators {
            let Some(t) = by_text(&ind.text) else { continue };
            let values = |i: &rencana::normalise::Indicator| [&i.target, &i.tw[0], &i.tw[1], &i.tw[2], &i.tw[3], &i.budget].map(|v| v.as_field().to_string());
            for (got, want) in values(ind).iter().zip(values(t)) {
                assert!(got.is_empty() || *got == want, "{name} {}: {got} read, {want} printed", ind.text);
            }
            same += usize::from(values(ind) == values(t) && ind.unit == t.unit);
        }
        assert!(same >= at_least, "{name}: {same} rows as printed");
    }
}

/// gen118 (an RSUD plan) prints the quarters before the year's target,
/// under a three-row header ("TARGET KINERJA" over "TRIWULAN" and "TAHUN
/// 2023"). Its layout dump squeezes the header's "I II III IV" left of
/// where the rows print their quarters: read by where the header stands,
/// every row's TW IV was the target and each quarter the one before.
#[test]
fn quarters_printed_before_the_target_keep_their_values() {
    for name in ["gen118.pdf", "gen118.layout.txt"] {
        let doc = generated(name);
        let bor = doc.indicators.iter().find(|i| i.text.starts_with("Bed Occupancy Rate")).unwrap_or_else(|| panic!("{name}: no BOR row"));
        let raw = |role: Role| bor.raw.iter().find(|(r, _)| *r == role).map_or("", |(_, v)| v.as_str());
        let values: Vec<&str> = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].into_iter().map(raw).collect();
        assert_eq!(values, ["75", "70", "72", "74", "75"], "{name}");
    }
}
