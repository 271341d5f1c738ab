//! JSONL: one object per indicator with the CSV's fields; numbers as JSON
//! numbers, with the printed strings kept beside them (`target_raw`).

use super::{record, Field, COLUMNS};
use crate::normalise::Document;
use crate::parse::number::Value;
use serde_json::{Map, Value as Json};
use std::io::Write;

/// One indicator as a JSON object.
pub fn object(doc: &Document, ind: &crate::normalise::Indicator) -> Map<String, Json> {
    let mut m = Map::new();
    for (name, field) in COLUMNS.iter().zip(record(doc, ind)) {
        let v = match field {
            Field::Text(s) if *name == "warnings" => {
                Json::Array(s.split(';').filter(|w| !w.is_empty()).map(|w| Json::String(w.to_string())).collect())
            }
            Field::Text(s) => Json::String(s),
            Field::Int(n) => n.map(Json::from).unwrap_or(Json::Null),
            Field::Value(v) => value_json(&v),
        };
        m.insert(name.to_string(), v);
        if matches!(*name, "target" | "tw1" | "tw2" | "tw3" | "tw4" | "budget") {
            let raw = ind.raw.iter().find(|(r, _)| raw_name(*r) == *name).map(|(_, t)| t.clone());
            m.insert(format!("{name}_raw"), raw.map(Json::String).unwrap_or(Json::Null));
        }
    }
    if !ind.extra.is_empty() {
        let extra: Map<String, Json> = ind.extra.iter().map(|(k, v)| (k.clone(), Json::String(v.clone()))).collect();
        m.insert("extra".to_string(), Json::Object(extra));
    }
    m
}

fn raw_name(r: crate::parse::header::Role) -> &'static str {
    use crate::parse::header::Role::*;
    match r {
        Target => "target",
        Tw1 => "tw1",
        Tw2 => "tw2",
        Tw3 => "tw3",
        Tw4 => "tw4",
        Budget => "budget",
        _ => "",
    }
}

/// A value as JSON: a number, a text target as a string, else null.
pub fn value_json(v: &Value) -> Json {
    match v {
        Value::Number(s) => s.parse::<serde_json::Number>().map(Json::Number).unwrap_or(Json::String(s.clone())),
        Value::Text(s) => Json::String(s.clone()),
        Value::Empty | Value::Unreadable(_) => Json::Null,
    }
}

pub fn write<W: Write>(out: &mut W, doc: &Document) -> std::io::Result<()> {
    for ind in &doc.indicators {
        serde_json::to_writer(&mut *out, &Json::Object(object(doc, ind)))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
