//! JSON: one object per document, with the title facts, the signatory, the
//! nested tree of nodes with their indicators, and the warnings.

use super::jsonl::value_json;
use crate::normalise::{Document, Indicator, Node};
use serde_json::{json, Map, Value as Json};
use std::io::Write;

fn node_json(n: &Node) -> Map<String, Json> {
    let mut m = Map::new();
    m.insert("level".into(), json!(n.level.as_str()));
    m.insert("no".into(), json!(n.number));
    m.insert("label".into(), json!(n.label));
    m.insert("name".into(), json!(n.name));
    m.insert("code".into(), json!(n.code));
    m.insert("page".into(), json!(n.page));
    m.insert("row".into(), json!(n.row));
    m.insert("indicators".into(), json!([]));
    m.insert("children".into(), json!([]));
    m
}

fn indicator_json(ind: &Indicator) -> Json {
    let mut m = Map::new();
    m.insert("no".into(), json!(ind.number));
    m.insert("text".into(), json!(ind.text));
    m.insert("unit".into(), json!(ind.unit));
    m.insert("unit_raw".into(), json!(ind.unit_raw));
    m.insert("target".into(), value_json(&ind.target));
    for (i, q) in ind.tw.iter().enumerate() {
        m.insert(format!("tw{}", i + 1), value_json(q));
    }
    m.insert("budget".into(), value_json(&ind.budget));
    let raw: Map<String, Json> = ind.raw.iter().map(|(r, t)| (format!("{r:?}").to_lowercase(), json!(t))).collect();
    m.insert("raw".into(), Json::Object(raw));
    m.insert("quarterly".into(), json!(ind.quarterly.map(|q| q.as_str())));
    for (k, v) in [
        ("responsible", &ind.responsible),
        ("definition", &ind.definition),
        ("problem", &ind.problem),
        ("strategy", &ind.strategy),
        ("policy", &ind.policy),
        ("note", &ind.note),
    ] {
        m.insert(k.into(), json!(v));
    }
    if !ind.extra.is_empty() {
        let extra: Map<String, Json> = ind.extra.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
        m.insert("extra".into(), Json::Object(extra));
    }
    let mut prov = Map::new();
    prov.insert("page".into(), json!(ind.page));
    prov.insert("row".into(), json!(ind.row));
    if let Some(b) = ind.bbox {
        prov.insert("bbox".into(), json!(b));
    }
    m.insert("provenance".into(), Json::Object(prov));
    m.insert("warnings".into(), json!(ind.warnings));
    Json::Object(m)
}

/// True when `n` is the node `json` was made from, printed again: same
/// level, label, name and code.
fn same_node(json: &Map<String, Json>, n: &Node) -> bool {
    json["level"] == json!(n.level.as_str()) && json["label"] == json!(n.label) && json["name"] == json!(n.name) && json["code"] == json!(n.code)
}

/// A node of the tree being built: its fields, its children (indices into
/// the arena) and its indicators.
type ArenaNode = (Map<String, Json>, Vec<usize>, Vec<Json>);

/// Builds the nested tree: each node under the nearest open node above it.
fn tree(doc: &Document) -> Vec<Json> {
    // Arena of nodes; `stack` holds the open node index per depth.
    let mut arena: Vec<ArenaNode> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut stack: [Option<usize>; 5] = [None; 5];
    let mut node_index = std::collections::HashMap::new();
    for n in &doc.nodes {
        let d = n.level.depth();
        let parent = stack[..d].iter().rev().flatten().next().copied();
        let siblings = match parent {
            Some(p) => &arena[p].1,
            None => &roots,
        };
        // A node printed again right after itself (a merged cell repeated
        // at a page break, or re-printed beside its later indicators) is
        // the same node: its indicators and children go to the first one.
        let repeated = siblings.last().copied().filter(|&last| same_node(&arena[last].0, n));
        let idx = match repeated {
            Some(last) => last,
            None => {
                let idx = arena.len();
                arena.push((node_json(n), Vec::new(), Vec::new()));
                match parent {
                    Some(p) => arena[p].1.push(idx),
                    None => roots.push(idx),
                }
                idx
            }
        };
        stack[d] = Some(idx);
        for s in stack.iter_mut().skip(d + 1) {
            *s = None;
        }
        node_index.insert((n.page, n.row, n.level), idx);
    }
    for ind in &doc.indicators {
        if let Some(n) = ind.node() {
            if let Some(&idx) = node_index.get(&(n.page, n.row, n.level)) {
                arena[idx].2.push(indicator_json(ind));
            }
        }
    }
    fn build(i: usize, arena: &mut Vec<ArenaNode>) -> Json {
        let children: Vec<usize> = std::mem::take(&mut arena[i].1);
        let kids: Vec<Json> = children.into_iter().map(|c| build(c, arena)).collect();
        let inds = std::mem::take(&mut arena[i].2);
        let mut m = std::mem::take(&mut arena[i].0);
        m.insert("indicators".into(), Json::Array(inds));
        m.insert("children".into(), Json::Array(kids));
        Json::Object(m)
    }
    roots.into_iter().map(|r| build(r, &mut arena)).collect()
}

/// The document as one JSON value.
pub fn document(doc: &Document) -> Json {
    let mut v = json!({
        "source": doc.source,
        "input_kind": doc.kind,
        "title": doc.title,
        "year": doc.year,
        "agency": doc.agency,
        "region": doc.region,
        "signatory": doc.signatory,
        "columns": doc.columns,
        "extra_columns": doc.extra_columns,
        "quarterly": doc.quarterly.map(|q| q.as_str()),
        "indicator_count": doc.indicators.len(),
        "nodes": tree(doc),
        "warnings": doc.warnings,
    });
    // Only plans that list their tujuan in the title block have the field.
    if !doc.tujuan.is_empty() {
        v["tujuan"] = json!(doc.tujuan);
    }
    v
}

/// Writes one document, or an array when several go to one file.
pub fn write<W: Write>(out: &mut W, docs: &[Document]) -> std::io::Result<()> {
    let v = if docs.len() == 1 { document(&docs[0]) } else { Json::Array(docs.iter().map(document).collect()) };
    serde_json::to_writer_pretty(&mut *out, &v)?;
    out.write_all(b"\n")
}
