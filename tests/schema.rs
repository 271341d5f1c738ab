//! The JSON and JSONL outputs of every fixture validate against the
//! committed JSON Schemas (`schemas/`), and the three formats agree with
//! each other on the rows they hold.

mod common;

use common::{convert, input_fixtures, parse_csv, render};
use rencana::write::{Format, COLUMNS};
use rencana::Document;
use serde_json::{json, Value as Json};

fn load_schema(name: &str) -> Json {
    let path = common::crate_root().join("schemas").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::draft202012::new(&load_schema(name)).unwrap_or_else(|e| panic!("{name}: not a usable schema: {e}"))
}

fn document_validator() -> jsonschema::Validator {
    validator("rencana-aksi.schema.json")
}

fn row_validator() -> jsonschema::Validator {
    validator("rencana-aksi-row.schema.json")
}

/// Every schema violation of `instance`, one line each (empty when valid).
fn violations(v: &jsonschema::Validator, instance: &Json) -> Vec<String> {
    v.iter_errors(instance).map(|e| format!("at '{}': {e}", e.instance_path())).take(10).collect()
}

/// The documents of every input fixture that converts.
fn converted_fixtures() -> Vec<(String, Document)> {
    let docs: Vec<(String, Document)> =
        input_fixtures().into_iter().filter_map(|i| convert(&i.path).ok().map(|d| (i.rel, d))).collect();
    assert!(docs.len() >= 20, "most fixtures should convert; only {} did", docs.len());
    docs
}

fn json_output(docs: &[Document]) -> Json {
    serde_json::from_str(&render(docs, Format::Json)).expect("the JSON output parses")
}

fn jsonl_output(docs: &[Document]) -> Vec<Json> {
    render(docs, Format::Jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("a JSONL line does not parse: {e}: {l}")))
        .collect()
}

#[test]
fn both_schemas_are_valid_draft_2020_12() {
    for name in ["rencana-aksi.schema.json", "rencana-aksi-row.schema.json"] {
        let schema = load_schema(name);
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}");
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{name} is not a valid schema: {e}");
        }
    }
}

#[test]
fn every_json_output_matches_the_document_schema() {
    let v = document_validator();
    let mut problems = Vec::new();
    let docs = converted_fixtures();
    for (rel, doc) in &docs {
        let errors = violations(&v, &json_output(std::slice::from_ref(doc)));
        if !errors.is_empty() {
            problems.push(format!("{rel}:\n  {}", errors.join("\n  ")));
        }
    }
    // Several inputs written to one file give an array of documents.
    let all: Vec<Document> = docs.into_iter().map(|(_, d)| d).collect();
    let combined = json_output(&all);
    assert!(combined.is_array());
    let errors = violations(&v, &combined);
    if !errors.is_empty() {
        problems.push(format!("all fixtures in one file:\n  {}", errors.join("\n  ")));
    }
    assert!(problems.is_empty(), "JSON outputs that do not match the schema:\n{}", problems.join("\n"));
}

#[test]
fn every_jsonl_row_matches_the_row_schema() {
    let v = row_validator();
    let mut problems = Vec::new();
    for (rel, doc) in converted_fixtures() {
        for (n, row) in jsonl_output(&[doc]).iter().enumerate() {
            let errors = violations(&v, row);
            if !errors.is_empty() {
                problems.push(format!("{rel} line {}:\n  {}", n + 1, errors.join("\n  ")));
            }
        }
    }
    assert!(problems.is_empty(), "JSONL rows that do not match the schema:\n{}", problems.join("\n"));
}

/// The keys a JSONL row has, in order: the CSV columns with `*_raw` after
/// each value column.
fn expected_jsonl_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for c in COLUMNS {
        keys.push(c.to_string());
        if matches!(c, "target" | "tw1" | "tw2" | "tw3" | "tw4" | "budget") {
            keys.push(format!("{c}_raw"));
        }
    }
    keys
}

/// All indicators of a JSON document's node tree, depth first.
fn tree_indicators(nodes: &Json) -> Vec<Json> {
    let mut out = Vec::new();
    for node in nodes.as_array().into_iter().flatten() {
        out.extend(node["indicators"].as_array().into_iter().flatten().cloned());
        out.extend(tree_indicators(&node["children"]));
    }
    out
}

/// A JSONL field as the CSV would print it.
fn as_csv_field(v: &Json) -> String {
    match v {
        Json::Null => String::new(),
        Json::String(s) => s.clone(),
        Json::Array(items) => items.iter().map(as_csv_field).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

#[test]
fn csv_jsonl_and_json_hold_the_same_rows() {
    let mut problems = Vec::new();
    for (rel, doc) in converted_fixtures() {
        let docs = [doc];
        let (header, records) = parse_csv(&render(&docs, Format::Csv));
        let lines = jsonl_output(&docs);
        let json = json_output(&docs);
        let in_tree = tree_indicators(&json["nodes"]);
        assert_eq!(header, COLUMNS, "{rel}: CSV header");
        if records.len() != lines.len() || json["indicator_count"] != json!(records.len()) || in_tree.len() != records.len()
        {
            problems.push(format!(
                "{rel}: {} CSV rows, {} JSONL rows, indicator_count {}, {} indicators in the JSON tree",
                records.len(),
                lines.len(),
                json["indicator_count"],
                in_tree.len()
            ));
            continue;
        }
        for (n, (record, line)) in records.iter().zip(&lines).enumerate() {
            let keys: Vec<&String> = line.as_object().unwrap().keys().filter(|k| *k != "extra").collect();
            if keys.iter().map(|k| k.as_str()).ne(expected_jsonl_keys().iter().map(String::as_str)) {
                problems.push(format!("{rel} row {}: JSONL keys {keys:?}", n + 1));
                break;
            }
            for (column, csv_value) in COLUMNS.iter().zip(record) {
                let jsonl_value = as_csv_field(&line[*column]);
                // Numbers may print differently ("7.10" in CSV, 7.1 in JSON); compare their values.
                let same = jsonl_value == *csv_value
                    || matches!((jsonl_value.parse::<f64>(), csv_value.parse::<f64>()), (Ok(a), Ok(b)) if a == b);
                if !same {
                    problems.push(format!("{rel} row {} {column}: CSV {csv_value:?}, JSONL {jsonl_value:?}", n + 1));
                }
            }
        }
        // The tree holds a node printed twice once, with the indicators of
        // both prints, so it lists indicators by node, not in document
        // order: compare the two as sets of (indicator, target).
        let key = |text: &Json, target: &Json| format!("{text}\u{1f}{target}");
        let mut tree_keys: Vec<String> = in_tree.iter().map(|i| key(&i["text"], &i["target"])).collect();
        let mut row_keys: Vec<String> = lines.iter().map(|l| key(&l["indicator"], &l["target"])).collect();
        tree_keys.sort();
        row_keys.sort();
        if tree_keys != row_keys {
            problems.push(format!("{rel}: the JSON tree's indicators differ from the rows"));
        }
    }
    assert!(problems.is_empty(), "the formats disagree:\n{}", problems.join("\n"));
}

/// A minimal document that the schema accepts, to break in the next test.
fn minimal_document() -> Json {
    let indicator = json!({
        "no": 1, "text": "Persentase koperasi sehat", "unit": "persen", "unit_raw": "Persen",
        "target": 7.1, "tw1": null, "tw2": null, "tw3": null, "tw4": "BB", "budget": null,
        "raw": {"target": "7,1", "tw4": "BB"}, "quarterly": null, "responsible": "", "definition": "",
        "problem": "", "strategy": "", "policy": "", "note": "",
        "provenance": {"page": 1, "row": 3}, "warnings": ["tw4_differs_from_target"]
    });
    let node = json!({
        "level": "program", "no": 1, "label": "Program 1", "name": "Pembinaan", "code": null,
        "page": 1, "row": 3, "children": [], "indicators": [indicator]
    });
    json!({
        "source": "x.txt", "input_kind": "text", "title": "RENCANA AKSI TAHUN 2025", "year": 2025,
        "agency": "", "region": "", "signatory": null, "columns": ["node", "indicator", "target"],
        "extra_columns": [], "quarterly": null, "indicator_count": 1, "warnings": [], "nodes": [node]
    })
}

/// What a broken document lacks, and how to break a good one so.
type Breakage = (&'static str, fn(&mut Json));

#[test]
fn the_document_schema_rejects_malformed_documents() {
    let v = document_validator();
    assert_eq!(violations(&v, &minimal_document()), Vec::<String>::new());
    let broken: [Breakage; 6] = [
        ("a missing field", |d| drop(d.as_object_mut().unwrap().remove("year"))),
        ("an unknown level", |d| d["nodes"][0]["level"] = json!("bidang")),
        ("a blank target string", |d| d["nodes"][0]["indicators"][0]["target"] = json!(" ")),
        ("a warning with ';'", |d| d["warnings"] = json!(["a;b"])),
        ("an unknown field", |d| d["nodes"][0]["indicators"][0]["colour"] = json!("red")),
        ("a raw cell of an unknown column", |d| d["nodes"][0]["indicators"][0]["raw"]["unit"] = json!("x")),
    ];
    for (what, breaks) in broken {
        let mut doc = minimal_document();
        breaks(&mut doc);
        assert!(!v.is_valid(&doc), "the schema accepts {what}");
    }
}

#[test]
fn the_row_schema_rejects_malformed_rows() {
    let v = row_validator();
    let doc = convert(&common::fixture("seed/rencana-aksi-2025.txt")).expect("the 2025 plan converts");
    let row = jsonl_output(&[doc]).remove(0);
    assert_eq!(violations(&v, &row), Vec::<String>::new());
    let broken: [Breakage; 4] = [
        ("a missing column", |r| drop(r.as_object_mut().unwrap().remove("tw3_raw"))),
        ("a page 0", |r| r["page"] = json!(0)),
        ("warnings as one string", |r| r["warnings"] = json!("unknown_unit")),
        ("an unknown quarterly mode", |r| r["quarterly"] = json!("monthly")),
    ];
    for (what, breaks) in broken {
        let mut r = row.clone();
        breaks(&mut r);
        assert!(!v.is_valid(&r), "the row schema accepts {what}");
    }
}
