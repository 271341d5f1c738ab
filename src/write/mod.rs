//! Write: one writer per format, all reading the same [`Document`]s.
//! The flat record (the CSV contract's columns) is defined once here in
//! [`record`], so CSV and JSONL cannot drift apart.

pub mod csv;
pub mod json;
pub mod jsonl;

use crate::normalise::{Document, Indicator};
use crate::parse::label::Level;
use crate::parse::number::Value;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Jsonl,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            other => Err(format!("unknown format '{other}' (expected csv, json or jsonl)")),
        }
    }
}

impl Format {
    /// The format an output path's extension names, if any.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(|e| e.parse().ok())
    }
}

/// The CSV contract's columns, in order.
pub const COLUMNS: [&str; 36] = [
    "source", "page", "row", "year", "agency", "region", "level", "code", "tujuan_no", "tujuan", "sasaran_no",
    "sasaran", "program_no", "program", "kegiatan_no", "kegiatan", "sub_kegiatan_no", "sub_kegiatan", "indicator_no",
    "indicator", "unit", "unit_raw", "target", "tw1", "tw2", "tw3", "tw4", "quarterly", "budget", "responsible",
    "definition", "problem", "strategy", "policy", "note", "warnings",
];

/// One field of a flat record.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Text(String),
    Int(Option<u32>),
    Value(Value),
}

impl Field {
    pub fn as_csv(&self) -> String {
        match self {
            Field::Text(s) => s.clone(),
            Field::Int(n) => n.map(|n| n.to_string()).unwrap_or_default(),
            Field::Value(v) => v.as_field().to_string(),
        }
    }
}

/// The flat record of one indicator, column by column as in [`COLUMNS`].
pub fn record(doc: &Document, ind: &Indicator) -> Vec<Field> {
    let text = |s: &str| Field::Text(s.to_string());
    let node = |l: Level| ind.path[l.depth()].as_ref();
    let mut f = vec![
        text(&doc.source),
        Field::Int(Some(ind.page)),
        Field::Int(Some(ind.row)),
        Field::Int(doc.year),
        text(&doc.agency),
        text(&doc.region),
        text(ind.level.as_str()),
        text(ind.node().and_then(|n| n.code.as_deref()).unwrap_or("")),
    ];
    for l in Level::ALL {
        f.push(Field::Int(node(l).and_then(|n| n.number)));
        f.push(text(node(l).map(|n| n.name.as_str()).unwrap_or("")));
    }
    f.extend([
        Field::Int(ind.number),
        text(&ind.text),
        text(&ind.unit),
        text(&ind.unit_raw),
        Field::Value(ind.target.clone()),
        Field::Value(ind.tw[0].clone()),
        Field::Value(ind.tw[1].clone()),
        Field::Value(ind.tw[2].clone()),
        Field::Value(ind.tw[3].clone()),
        text(ind.quarterly.map(|q| q.as_str()).unwrap_or("")),
        Field::Value(ind.budget.clone()),
        text(&ind.responsible),
        text(&ind.definition),
        text(&ind.problem),
        text(&ind.strategy),
        text(&ind.policy),
        text(&ind.note),
        text(&ind.warnings.join(";")),
    ]);
    debug_assert_eq!(f.len(), COLUMNS.len());
    f
}
