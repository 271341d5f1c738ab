//! Quarterly targets: cumulative (TW IV equals the target, each quarter at
//! least the one before) or incremental (the quarters add up to the target).
//! The plan's mode is the one most of its rows follow; rows that follow
//! neither get a warning, since a data officer must check them.

use super::Document;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Quarterly {
    Cumulative,
    Incremental,
}

impl Quarterly {
    pub fn as_str(self) -> &'static str {
        match self {
            Quarterly::Cumulative => "cumulative",
            Quarterly::Incremental => "incremental",
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.011 + b.abs() * 1e-4
}

/// Which modes a row's numbers fit: (cumulative, incremental).
fn fits(target: Option<f64>, tw: [Option<f64>; 4]) -> Option<(bool, bool)> {
    let target = target?;
    let q: Vec<f64> = tw.iter().map(|v| v.unwrap_or(0.0)).collect();
    if tw.iter().all(Option::is_none) {
        return None;
    }
    let cumulative = tw[3].is_some_and(|t4| close(t4, target)) && q.windows(2).all(|w| w[1] + 1e-9 >= w[0]);
    let incremental = close(q.iter().sum(), target);
    Some((cumulative, incremental))
}

pub fn classify(doc: &mut Document) {
    let mut votes = (0usize, 0usize);
    for ind in &doc.indicators {
        let tw = [ind.tw[0].as_f64(), ind.tw[1].as_f64(), ind.tw[2].as_f64(), ind.tw[3].as_f64()];
        match fits(ind.target.as_f64(), tw) {
            Some((true, false)) => votes.0 += 1,
            Some((false, true)) => votes.1 += 1,
            _ => {}
        }
    }
    let mode = if votes.0 == 0 && votes.1 == 0 {
        None
    } else if votes.0 >= votes.1 {
        Some(Quarterly::Cumulative)
    } else {
        Some(Quarterly::Incremental)
    };
    doc.quarterly = mode;
    for ind in &mut doc.indicators {
        let tw = [ind.tw[0].as_f64(), ind.tw[1].as_f64(), ind.tw[2].as_f64(), ind.tw[3].as_f64()];
        let Some((cum, inc)) = fits(ind.target.as_f64(), tw) else { continue };
        ind.quarterly = match (cum, inc, mode) {
            (true, true, m) => m,
            (true, false, _) => Some(Quarterly::Cumulative),
            (false, true, _) => Some(Quarterly::Incremental),
            (false, false, _) => None,
        };
        if ind.quarterly.is_none() {
            let t4 = tw[3];
            if mode != Some(Quarterly::Incremental) && t4.is_some_and(|t4| !close(t4, ind.target.as_f64().unwrap_or(t4))) {
                ind.warnings.push("tw4_differs_from_target".to_string());
            }
            let q: Vec<f64> = tw.iter().flatten().copied().collect();
            if mode == Some(Quarterly::Cumulative) && q.windows(2).any(|w| w[1] + 1e-9 < w[0]) {
                ind.warnings.push("cumulative_quarter_decreases".to_string());
            }
            if mode == Some(Quarterly::Incremental) {
                ind.warnings.push("quarters_do_not_add_up".to_string());
            }
        }
    }
}
