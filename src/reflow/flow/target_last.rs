//! Plans that print the four quarters before the year's target ("I II III
//! IV" under TRIWULAN, then "TARGET TAHUN 2026"). A flow dump often prints
//! that two-line TARGET cell away from the rest of the header, so the
//! readings lay the values out target first, as most plans do: every row
//! whose values differ would have its target in TW I and the year's target
//! in TW IV. The numbers themselves tell the order: a year's target is the
//! sum of incremental quarters or the last of cumulative ones, and read
//! the wrong way round the rows stop adding up.

use super::super::Row;
use crate::normalise::quarterly;
use crate::parse::header::Role;
use crate::parse::number::parse_value;

/// How a row's five values, as laid out (target, TW I..IV), fit the
/// quarterly arithmetic ([`quarterly::fits`], either mode): read target
/// first, read target last.
fn fits(row: &Row) -> Option<(bool, bool)> {
    let v: Vec<Option<f64>> = Role::VALUES.iter().map(|r| row.get(*r).and_then(|t| parse_value(t).as_f64())).collect();
    // Rows with fewer than three numbers ("5,35 - - - 5,35") read the same
    // both ways round.
    if v.iter().flatten().count() < 3 {
        return None;
    }
    let obeys = |target: Option<f64>, quarters: [Option<f64>; 4]| quarterly::fits(target, quarters).is_some_and(|(cumulative, incremental)| cumulative || incremental);
    Some((obeys(v[0], [v[1], v[2], v[3], v[4]]), obeys(v[4], [v[0], v[1], v[2], v[3]])))
}

/// When the rows add up with the target read last, and hardly any only
/// with it read first, moves each row's last value to the target and the
/// others one quarter on. A row that adds up only as laid out stays: the
/// recovery reading arranges a row's values to fit the arithmetic where
/// the print leaves it free to. Returns how many rows were laid out again.
pub(super) fn put_target_first(rows: &mut [Row]) -> usize {
    let (mut first_only, mut last_only) = (0, 0);
    for r in rows.iter() {
        match fits(r) {
            Some((true, false)) => first_only += 1,
            Some((false, true)) => last_only += 1,
            _ => {}
        }
    }
    if last_only < 2 || first_only * 4 >= last_only {
        return 0;
    }
    let mut moved = 0;
    for r in rows.iter_mut() {
        let vals: Vec<Option<String>> = Role::VALUES.iter().map(|role| r.get(*role).map(str::to_string)).collect();
        if vals.iter().all(Option::is_none) || fits(r) == Some((true, false)) {
            continue;
        }
        r.cells.retain(|(role, _)| !Role::VALUES.contains(role));
        // Printed I, II, III, IV, target: laid out target, TW I..IV. A row
        // of two values ("BB" / "BB", its blank quarters dropped) was laid
        // out at both ends, target and TW IV: printed last and first, they
        // are the target and TW IV still, the other way round.
        let ends_only = vals[0].is_some() && vals[4].is_some() && vals[1..4].iter().all(Option::is_none);
        let order = if ends_only { [4, 1, 2, 3, 0] } else { [4, 0, 1, 2, 3] };
        for (role, &k) in Role::VALUES.iter().zip(&order) {
            if let Some(t) = &vals[k] {
                r.cells.push((*role, t.clone()));
            }
        }
        moved += 1;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(vals: &[&str]) -> Row {
        let mut r = Row::default();
        r.set(Role::Indicator, "Produksi karet rakyat".to_string());
        for (role, v) in Role::VALUES.iter().zip(vals) {
            r.set(*role, v.to_string());
        }
        r
    }

    fn values(r: &Row) -> Vec<&str> {
        Role::VALUES.iter().map(|role| r.get(*role).unwrap_or("")).collect()
    }

    #[test]
    fn quarters_printed_before_the_target_are_put_after_it() {
        // Incremental quarters summing to the last value, a held rate, a
        // row that reads the same both ways.
        let mut rows = vec![row(&["3.950", "4.610", "5.240", "4.620", "18.420"]), row(&["1", "2", "2", "1", "6"]), row(&["-", "-", "-", "14,25", "14,25"])];
        assert_eq!(put_target_first(&mut rows), 3);
        assert_eq!(values(&rows[0]), ["18.420", "3.950", "4.610", "5.240", "4.620"]);
        assert_eq!(values(&rows[1]), ["6", "1", "2", "2", "1"]);
        assert_eq!(values(&rows[2]), ["14,25", "-", "-", "-", "14,25"]);
        // Two values laid out at the ends: TW IV printed first, the target last.
        let mut rows = vec![row(&["3.950", "4.610", "5.240", "4.620", "18.420"]), row(&["1", "2", "2", "1", "6"]), row(&["BB", "", "", "", "BB"]), row(&["80", "", "", "", "100"])];
        assert_eq!(put_target_first(&mut rows), 4);
        assert_eq!(values(&rows[2]), ["BB", "", "", "", "BB"]);
        assert_eq!(values(&rows[3]), ["100", "", "", "", "80"]);
    }

    #[test]
    fn a_plan_printing_the_target_first_is_left_as_it_is() {
        let mut rows = vec![row(&["18.420", "3.950", "4.610", "5.240", "4.620"]), row(&["100", "25", "50", "75", "100"]), row(&["6", "1", "2", "2", "1"])];
        let before: Vec<Row> = rows.clone();
        assert_eq!(put_target_first(&mut rows), 0);
        assert_eq!(rows, before);
    }

    #[test]
    fn a_row_already_laid_out_target_first_stays() {
        let mut rows: Vec<Row> = (0..5).map(|_| row(&["1", "2", "2", "1", "6"])).collect();
        rows.push(row(&["42.750", "41.200", "41.900", "42.300", "42.750"]));
        assert_eq!(put_target_first(&mut rows), 5);
        assert_eq!(values(&rows[5]), ["42.750", "41.200", "41.900", "42.300", "42.750"]);
    }

    #[test]
    fn one_row_that_adds_up_only_read_last_is_no_evidence() {
        let mut rows = vec![row(&["2", "1", "1", "0", "4"]), row(&["20", "5", "10", "15", "20"])];
        assert_eq!(put_target_first(&mut rows), 0);
    }
}
