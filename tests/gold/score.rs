//! A port of the row-exact check of the corpus scorer (`score.py` in the
//! shared tools): the same text normalisation, the same order-preserving
//! alignment of gold and predicted rows on indicator similarity (Python's
//! `difflib.SequenceMatcher.ratio`, autojunk included), and the same
//! row-exact rule: level, own node name, indicator, unit, target and TW1-4
//! all right; missed and invented rows count against it.

use regex::Regex;
use serde_json::Value as Json;
use std::collections::HashMap;
use std::sync::OnceLock;

const LEVEL_WORDS: &str =
    r"(tujuan|sasaran(\s+strategis)?|program|kegiatan|sub\.?\s*kegiatan|subkegiatan|su\s+kegiatan|sub\s+kegiatn|kegiatn)";
const PERCENT_SPELLINGS: [&str; 6] = ["persentase", "persen", "prosen", "prosentase", "presentase", "%"];
/// Gold and predicted rows whose indicators are less alike are never paired.
const MIN_SIMILARITY: f64 = 0.6;

/// One row as a map of field name to text: a CSV record, or a gold row
/// with its JSON values turned into text.
pub type Row = HashMap<String, String>;

/// The score of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub pred: usize,
    pub matched: usize,
    pub exact: usize,
    pub row_exact: f64,
}

struct Patterns {
    indicator_prefix: Regex,
    number_prefix: Regex,
    label_prefix: Regex,
    spaces: Regex,
    spaced_punctuation: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        indicator_prefix: Regex::new(r"(?i)^(indikator\s+(tujuan|sasaran)\s*\d*\s*:?\s*)").unwrap(),
        number_prefix: Regex::new(r"^\d+\s*[.)]\s*").unwrap(),
        label_prefix: Regex::new(&format!(r"(?i)^{LEVEL_WORDS}\s*\d*\s*[.:]?\s*")).unwrap(),
        spaces: Regex::new(r"\s+").unwrap(),
        spaced_punctuation: Regex::new(r"\s*([,/.:;()\-])\s*").unwrap(),
    })
}

/// `norm_text`: drops an indicator label and a leading number (and, for
/// node names, the level label), folds whitespace and the spaces around
/// punctuation.
pub fn norm_text(s: &str, strip_label: bool) -> String {
    let p = patterns();
    let s = s.trim();
    let s = p.indicator_prefix.replace(s, "");
    let s = p.number_prefix.replace(&s, "");
    let s = if strip_label { p.label_prefix.replace(&s, "").into_owned() } else { s.into_owned() };
    let s = p.spaces.replace_all(&s, " ");
    let s = p.spaced_punctuation.replace_all(&s, "$1");
    s.trim().to_string()
}

/// `key`: lowercase letters and digits only, for similarity.
fn key(s: &str) -> Vec<u8> {
    s.to_lowercase().bytes().filter(|b| b.is_ascii_lowercase() || b.is_ascii_digit()).collect()
}

fn unit_canon(u: &str) -> String {
    let u = u.trim().to_lowercase();
    if PERCENT_SPELLINGS.contains(&u.as_str()) {
        "persen".to_string()
    } else {
        u
    }
}

/// `num`: a value cell as a number rounded to 6 decimals, else its text.
#[derive(Debug, PartialEq)]
enum Num {
    Empty,
    Float(f64),
    Text(String),
}

fn num(v: &str) -> Num {
    let v = v.trim();
    if v.is_empty() || v == "-" {
        return Num::Empty;
    }
    match v.parse::<f64>() {
        // Python's round(x, 6), through the correctly rounded decimal text.
        Ok(x) => Num::Float(format!("{x:.6}").parse().unwrap_or(x)),
        Err(_) => Num::Text(v.to_string()),
    }
}

/// `difflib.SequenceMatcher(None, a, b).ratio()`.
pub fn ratio(a: &[u8], b: &[u8]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * SequenceMatcher::new(a, b).matching_characters() as f64 / total as f64
}

struct SequenceMatcher<'s> {
    a: &'s [u8],
    b: &'s [u8],
    /// Positions of each byte in `b`, without the "popular" bytes.
    b2j: HashMap<u8, Vec<usize>>,
}

impl<'s> SequenceMatcher<'s> {
    fn new(a: &'s [u8], b: &'s [u8]) -> Self {
        let mut b2j: HashMap<u8, Vec<usize>> = HashMap::new();
        for (j, &c) in b.iter().enumerate() {
            b2j.entry(c).or_default().push(j);
        }
        // autojunk: in a long b, bytes making up more than 1% are ignored
        // as match starts.
        if b.len() >= 200 {
            let ntest = b.len() / 100 + 1;
            b2j.retain(|_, idxs| idxs.len() <= ntest);
        }
        SequenceMatcher { a, b, b2j }
    }

    fn find_longest_match(&self, alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
        let (a, b) = (self.a, self.b);
        let (mut besti, mut bestj, mut bestsize) = (alo, blo, 0);
        let mut j2len: HashMap<usize, usize> = HashMap::new();
        for (i, byte) in a.iter().enumerate().take(ahi).skip(alo) {
            let mut new_j2len = HashMap::new();
            for &j in self.b2j.get(byte).map(Vec::as_slice).unwrap_or(&[]) {
                if j < blo {
                    continue;
                }
                if j >= bhi {
                    break;
                }
                let k = if j == 0 { 0 } else { j2len.get(&(j - 1)).copied().unwrap_or(0) } + 1;
                new_j2len.insert(j, k);
                if k > bestsize {
                    (besti, bestj, bestsize) = (i + 1 - k, j + 1 - k, k);
                }
            }
            j2len = new_j2len;
        }
        // Extend over equal bytes on each side (popular ones included).
        while besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1] {
            (besti, bestj, bestsize) = (besti - 1, bestj - 1, bestsize + 1);
        }
        while besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize] {
            bestsize += 1;
        }
        (besti, bestj, bestsize)
    }

    /// The summed size of `get_matching_blocks()`.
    fn matching_characters(&self) -> usize {
        let mut queue = vec![(0, self.a.len(), 0, self.b.len())];
        let mut matched = 0;
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.find_longest_match(alo, ahi, blo, bhi);
            if k > 0 {
                matched += k;
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        matched
    }
}

fn field<'r>(row: &'r Row, name: &str) -> &'r str {
    row.get(name).map(String::as_str).unwrap_or("")
}

fn sim(gold: &Row, pred: &Row) -> f64 {
    ratio(&key(field(gold, "indicator")), &key(field(pred, "indicator")))
}

/// `align`: the order-preserving pairing of gold and predicted rows that
/// maximises the summed indicator similarity; gold index → pred index.
fn align(gold: &[Row], pred: &[Row]) -> HashMap<usize, usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Step {
        SkipGold,
        SkipPred,
        Pair,
    }
    let (n, m) = (gold.len(), pred.len());
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    let mut step = vec![vec![Step::SkipGold; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let (mut b, mut how) = (best[i + 1][j], Step::SkipGold);
            if best[i][j + 1] > b {
                (b, how) = (best[i][j + 1], Step::SkipPred);
            }
            let s = sim(&gold[i], &pred[j]);
            if s >= MIN_SIMILARITY && best[i + 1][j + 1] + s > b {
                (b, how) = (best[i + 1][j + 1] + s, Step::Pair);
            }
            best[i][j] = b;
            step[i][j] = how;
        }
    }
    let mut pairs = HashMap::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        match step[i][j] {
            Step::Pair => {
                pairs.insert(i, j);
                i += 1;
                j += 1;
            }
            Step::SkipGold => i += 1,
            Step::SkipPred => j += 1,
        }
    }
    pairs
}

/// `match_content`: greedy best-similarity pairing regardless of order,
/// for golds marked `"match": "content"`.
fn match_content(gold: &[Row], pred: &[Row]) -> HashMap<usize, usize> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            candidates.push((sim(g, p), i, j));
        }
    }
    candidates.sort_by(|x, y| y.partial_cmp(x).expect("similarities are not NaN"));
    let mut pairs = HashMap::new();
    let mut used = std::collections::HashSet::new();
    for (s, i, j) in candidates {
        if s < MIN_SIMILARITY {
            break;
        }
        if !pairs.contains_key(&i) && !used.contains(&j) {
            pairs.insert(i, j);
            used.insert(j);
        }
    }
    pairs
}

/// True when every row-exact field of the predicted row is right.
fn row_is_exact(g: &Row, p: &Row) -> bool {
    let level = field(g, "level");
    let value_ok = |f: &str| num(field(p, f)) == num(field(g, f));
    field(p, "level").trim().to_lowercase() == level
        && norm_text(field(p, level), true) == norm_text(field(g, level), true)
        && norm_text(field(p, "indicator"), false) == norm_text(field(g, "indicator"), false)
        && (unit_canon(field(p, "unit")) == unit_canon(field(g, "unit"))
            || unit_canon(field(p, "unit_raw")) == unit_canon(field(g, "unit")))
        && ["target", "tw1", "tw2", "tw3", "tw4"].into_iter().all(value_ok)
}

/// Scores predicted rows against a gold document (`{doc, rows: [...]}`).
pub fn score(gold_doc: &Json, pred: &[Row]) -> Score {
    let gold: Vec<Row> = gold_doc["rows"].as_array().expect("gold has rows").iter().map(gold_row).collect();
    let pairs = if gold_doc.get("match").and_then(Json::as_str) == Some("content") {
        match_content(&gold, pred)
    } else {
        align(&gold, pred)
    };
    let exact = (0..gold.len()).filter(|i| pairs.get(i).is_some_and(|&j| row_is_exact(&gold[*i], &pred[j]))).count();
    let denom = gold.len().max(pred.len());
    Score {
        gold: gold.len(),
        pred: pred.len(),
        matched: pairs.len(),
        exact,
        row_exact: if denom == 0 { 1.0 } else { exact as f64 / denom as f64 },
    }
}

/// A gold row with null as empty text and numbers as their text.
fn gold_row(v: &Json) -> Row {
    v.as_object()
        .expect("gold row is an object")
        .iter()
        .map(|(k, v)| {
            let text = match v {
                Json::Null => String::new(),
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            (k.clone(), text)
        })
        .collect()
}

/// Reads a CSV output into rows keyed by the header.
pub fn read_pred(csv_text: &str) -> Vec<Row> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().expect("CSV header").iter().map(str::to_string).collect();
    reader
        .records()
        .map(|r| header.iter().cloned().zip(r.expect("CSV record").iter().map(str::to_string)).collect())
        .collect()
}
