//! The frame around the table: the title block above it, header rows
//! (repeated on every page), and the signature block below it. Shared by
//! both reflow algorithms, which see the same frame in different shapes.

use crate::extract::Line;
use crate::parse::header::{bare_quarter_numeral, is_core_header_word, LEVEL_WORDS, is_header_word, is_plan_year, is_quarter_word, role_of, squash, Role};
use crate::parse::number::{is_number_piece, is_sum_of_money, is_sum_of_money_typed_english};

/// True when every word of the line may belong to a header row. A
/// quarter's Arabic numeral counts only after its "TW" ("TW 1"): a line of
/// small numbers alone is a row's values.
pub fn is_header_line(words: &[&str]) -> bool {
    let after_quarter_word = |i: usize| i > 0 && is_quarter_word(&squash(words[i - 1]));
    // A quarter's two cells in monitoring formats (Renja, RKA): FISIK (the
    // indicator's target) and KEUANGAN (the money planned), printed under
    // every quarter, so a header line holds them twice or more. One alone
    // is a word of a name ("Administrasi" / "Keuangan" / "Perangkat").
    let pair_word = |w: &str| matches!(squash(w).as_str(), "FISIK" | "KEUANGAN");
    let pairs = words.iter().filter(|w| pair_word(w)).count() >= 2;
    // "RENCANA TARGET": a group cell over the year's target and the
    // quarters ("RENCANA" alone opens titles: "RENCANA KINERJA").
    let plan_of_target = |i: usize| squash(words[i]) == "RENCANA" && words.get(i + 1).is_some_and(|n| squash(n) == "TARGET");
    // "TARGET PER TRIWULAN": a group cell over the quarters ("per" is a
    // word of text elsewhere: "per 1.000 penduduk", a note "Per triwulan").
    let per_quarter = |i: usize| i > 0 && squash(words[i - 1]) == "TARGET" && squash(words[i]) == "PER" && words.get(i + 1).is_some_and(|n| is_quarter_word(&squash(n)));
    if names_levels_with_slashes(words) {
        return true;
    }
    !words.is_empty() && words.iter().enumerate().all(|(i, w)| is_header_word(w) || (pairs && pair_word(w)) || (matches!(*w, "1" | "2" | "3" | "4") && after_quarter_word(i)) || plan_of_target(i) || per_quarter(i))
}

/// "TUJUAN / SASARAN /", "PROGRAM / KEGIATAN": URAIAN named by its levels
/// in capitals, the slashes apart; a header's line, though it opens as a
/// label does (a node's label is never followed by a slash).
pub fn names_levels_with_slashes(words: &[&str]) -> bool {
    words.contains(&"/") && words.iter().all(|w| *w == "/" || LEVEL_WORDS.contains(w))
}

/// "TAHUN ANGGARAN 2026", "TAHUN 2026": the title's line naming the plan's
/// year, made of header words, just above the header in many plans.
pub fn is_title_year_line(words: &[&str]) -> bool {
    let squashed: Vec<String> = words.iter().map(|w| squash(w)).filter(|w| !w.is_empty()).collect();
    match squashed.as_slice() {
        [t, y] => t == "TAHUN" && is_plan_year(y),
        [t, a, y] => t == "TAHUN" && a == "ANGGARAN" && is_plan_year(y),
        _ => false,
    }
}


/// A quarter's number on a line of its own under its "TRW" / "TW" (a flow
/// dump prints the two lines of "TRW" / "1" apart): `words` is "1" to "4"
/// alone and the line above ends in a quarter word.
pub fn is_quarter_number_under(words: &[&str], above: &[&str]) -> bool {
    // ("TRIWULAN KE-" / "1": the quarter word before "ke-", "the n-th".)
    let group = match above {
        [.., q, ke] if squash(ke) == "KE" => Some(*q),
        [.., q] => Some(*q),
        [] => None,
    };
    matches!(words, ["1" | "2" | "3" | "4"]) && group.is_some_and(|w| is_quarter_word(&squash(w)))
}

/// The next quarter's number under the one before ("1" / "2"), the
/// numerals of "TRIWULAN KE-" printed a line each.
pub fn is_next_quarter_number(words: &[&str], above: &[&str]) -> bool {
    matches!((above, words), (["1"], ["2"]) | (["2"], ["3"]) | (["3"], ["4"]))
}

/// "TW 1" .. "TRIWULAN 4": a quarter's heading written with a digit. Its
/// words read as values too ("TW" is a BPK opinion, a text target), but
/// no row prints an opinion followed by a lone digit.
pub fn is_quarter_heading(words: &[&str]) -> bool {
    matches!(words, [q, "1" | "2" | "3" | "4"] if is_quarter_word(&squash(q)))
}

/// How many words only a header has.
pub fn core_words(words: &[&str]) -> usize {
    words.iter().filter(|w| is_core_header_word(w)).count()
}

/// The roles named by a header read as one run of words (a flow dump's
/// header, or the header cells of one column). Shortest match first, so
/// "INDIKATOR" does not swallow the "SATUAN" after "KINERJA"; "TW" alone
/// waits for its numeral.
pub fn roles_in_words(words: &[&str]) -> (Vec<Role>, Vec<u32>) {
    let mut roles = Vec::new();
    let mut years = Vec::new();
    let mut group_at: Option<usize> = None;
    let mut i = 0;
    while i < words.len() {
        let w = squash(words[i]);
        if let Some(y) = year_in(&w) {
            years.push(y);
        }
        // "REALISASI TW I" (cut "REALISA" / "SI" in a narrow cell): the
        // quarter under REALISASI is the realisation's, no target's.
        let realisation = if w == "REALISASI" { 1 } else if w == "REALISA" && words.get(i + 1).is_some_and(|n| squash(n) == "SI") { 2 } else { 0 };
        if realisation > 0 {
            let after = &words[i + realisation..];
            let quarter = match after {
                [q, n, ..] if is_quarter_word(&squash(q)) && bare_quarter_numeral(n).is_some() => 2,
                _ => 0,
            };
            i += realisation + quarter;
            continue;
        }
        let mut matched = 0;
        // "INDIKATOR SASARAN", "INDIKATOR PROGRAM": the word after names
        // the column's group, so the pair is tried before "INDIKATOR" alone.
        let grouped = words.get(i..i + 2).and_then(|pair| role_of(&pair.join(" "))).filter(|r| r.ungrouped() != *r);
        if let Some(r) = grouped {
            roles.push(r);
            i += 2;
            continue;
        }
        for n in 1..=3 {
            if i + n > words.len() {
                continue;
            }
            let joined = words[i..i + n].join(" ");
            if let Some(r) = role_of(&joined) {
                // "TW" followed by "I" must take both words.
                if n == 1 && is_quarter_word(&w) {
                    continue;
                }
                if roles.last() != Some(&r) || r == Role::Extra {
                    roles.push(r);
                }
                matched = n;
                break;
            }
        }
        // "TRIWULAN KE-" over "1" "2" "3" "4": the group word, then the
        // four numerals in order, name the four quarters.
        if matched == 0 && is_quarter_word(&w) {
            let from = i + 1 + usize::from(words.get(i + 1).is_some_and(|n| squash(n) == "KE"));
            let numerals = words.get(from..from + 4).map(|ns| ns.iter().map(|n| bare_quarter_numeral(n)).collect::<Vec<_>>());
            if numerals.is_some_and(|ns| ns == [Some(Role::Tw1), Some(Role::Tw2), Some(Role::Tw3), Some(Role::Tw4)]) {
                roles.extend([Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4]);
                i = from + 4;
                continue;
            }
        }
        // "TARGET TRIWULAN" over TW I..IV: a group cell naming no column.
        if matched == 0 && is_quarter_word(&w) && group_at.is_none() {
            group_at = Some(roles.len());
        }
        i += matched.max(1);
    }
    if let Some(at) = group_at {
        put_quarters_under_their_group(&mut roles, at);
    }
    put_unit_under_indicator_group(&mut roles);
    (roles, years)
}

/// "INDIKATOR KINERJA" as a group over "Uraian" and "Satuan": printed row
/// by row, the second row's "Uraian" (read as URAIAN again) and "Satuan"
/// come after every cell of the first row, the targets and the budget
/// among them. A unit named after the values, right after a second node
/// or indicator word, is that group's: it goes back beside the indicator
/// and the repeated word is dropped.
fn put_unit_under_indicator_group(roles: &mut Vec<Role>) {
    let Some(unit) = roles.iter().position(|r| *r == Role::Unit) else { return };
    let Some(indicator) = roles.iter().position(|r| *r == Role::Indicator) else { return };
    let after_values = roles[..unit].iter().any(|r| Role::VALUES.contains(r) || *r == Role::Budget);
    let repeated = unit >= 1 && unit - 1 > indicator && matches!(roles[unit - 1], Role::Node | Role::Indicator);
    if after_values && repeated {
        roles.remove(unit);
        roles.remove(unit - 1);
        roles.insert(indicator + 1, Role::Unit);
    }
}

/// A header of two rows is printed row by row: the first row's cells
/// ("TARGET TRIWULAN", "ANGGARAN (Rp)") before the second's ("TW I" ..
/// "TW IV"), so the quarters come after a column printed right of their
/// group. Quarters named after another column that follows a bare group
/// word (at `at`) are that group's: they go back to its place.
fn put_quarters_under_their_group(roles: &mut Vec<Role>, at: usize) {
    const QUARTERS: [Role; 4] = [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    let Some(first) = roles.iter().position(|r| QUARTERS.contains(r)) else { return };
    if first <= at || roles[first..].iter().any(|r| !QUARTERS.contains(r)) {
        return;
    }
    let quarters = roles.split_off(first);
    roles.splice(at..at, quarters);
}

/// True when a header read as one run of words names the unit column after
/// the quarters (URAIAN, INDIKATOR, TARGET, TW I..IV, SATUAN): a flow dump
/// prints such a row's values before its unit, where a flow reader takes
/// the unit for the start of the values. Only a header read URAIAN before
/// INDIKATOR before the targets tells its columns' order: a flow dump
/// prints a header of two rows row by row, the second row's cells after
/// the first's.
pub fn names_unit_after_quarters(roles: &[Role]) -> bool {
    let first = |role: Role| roles.iter().position(|r| *r == role);
    let first_value = roles.iter().position(|r| Role::VALUES.contains(r));
    let (Some(node), Some(indicator), Some(value), Some(unit)) = (first(Role::Node), first(Role::Indicator), first_value, first(Role::Unit)) else {
        return false;
    };
    let quarters = [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].map(first);
    node < indicator && indicator < value && quarters.iter().all(|q| q.is_some_and(|q| q < unit))
}

/// True when the header prints the year's TARGET before SATUAN and the
/// quarters after it (NO, URAIAN, INDIKATOR, TARGET, SATUAN, TW I..IV): a
/// flow dump then gives each row's target before its unit.
pub fn names_target_before_unit(roles: &[Role]) -> bool {
    let first = |role: Role| roles.iter().position(|r| *r == role);
    let (Some(indicator), Some(target), Some(unit), Some(tw1)) = (first(Role::Indicator), first(Role::Target), first(Role::Unit), first(Role::Tw1)) else {
        return false;
    };
    indicator < target && target < unit && unit < tw1
}

fn year_in(squashed: &str) -> Option<u32> {
    let digits: String = squashed.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
    let digits: String = digits.chars().rev().collect();
    match digits.parse::<u32>() {
        Ok(y) if digits.len() == 4 && (1990..=2100).contains(&y) => Some(y),
        _ => None,
    }
}

const MONTHS: &[&str] = &[
    "januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
    "nopember", "november", "desember",
];

/// The first line of a signature block: "Purbalingga, Januari 2025",
/// "Tegal, 2 Januari 2020", or a line that starts with "NIP". The year may
/// be cut or misread ("Tegal, 6 Januari 2(": a scan's page edge): the place,
/// the comma and the month tell the line already, and no cell of the table
/// is a place name, a comma and a month alone.
pub fn is_signature_start(text: &str) -> bool {
    let t = text.trim();
    // "Mengetahui," / "Menyetujui," (acknowledged / approved by): the
    // second signatory's heading, alone or on the line of the first's
    // place and date ("Mengetahui, Selong, 7 Januari 2026").
    if let Some(rest) = ["Mengetahui", "MENGETAHUI", "Menyetujui", "MENYETUJUI"].iter().find_map(|h| t.strip_prefix(h)) {
        let rest = rest.trim_start_matches([',', ':']).trim();
        if rest.is_empty() || is_signature_start(rest) {
            return true;
        }
    }
    if let Some((place, date)) = t.split_once(',') {
        let place_ok = !place.is_empty() && place.split_whitespace().count() <= 3 && place.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.');
        let parts: Vec<String> = date.split_whitespace().map(str::to_lowercase).collect();
        if let Some(month) = parts.iter().position(|p| MONTHS.contains(&p.as_str())) {
            let day_ok = parts[..month].iter().all(|p| p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()));
            let year_ok = parts[month + 1..].iter().all(|p| p.len() <= 4 && p.starts_with(|c: char| c.is_ascii_digit()));
            if place_ok && day_ok && year_ok && parts.len() <= 3 {
                return true;
            }
        }
    }
    t.starts_with("NIP")
}

/// The heading of notes printed under the table, before the signature
/// ("Keterangan:", "Catatan :", "Ket:", "NB:", or a footnote marked "*)"),
/// with the first note after it or not: what follows is about the plan,
/// no row's cell. (A KETERANGAN cell holds its note without naming its
/// column.)
pub fn is_table_notes_start(text: &str) -> bool {
    let t = text.trim_start();
    // A footnote the header's "*)" points to: "*) Target triwulan tidak
    // kumulatif", "**) Pagu sesuai DPA" (gen157).
    if let Some((mark, rest)) = t.split_once(char::is_whitespace) {
        if mark.len() >= 2 && mark.ends_with(')') && mark[..mark.len() - 1].bytes().all(|b| b == b'*') && rest.trim_start().starts_with(char::is_alphabetic) {
            return true;
        }
    }
    let Some((head, _)) = t.split_once(':') else { return false };
    matches!(head.trim_end().to_lowercase().as_str(), "keterangan" | "catatan" | "ket" | "nb")
}

/// The words a table's closing total row is headed with.
fn is_total_word(w: &str) -> bool {
    matches!(w.to_uppercase().trim_end_matches(':'), "JUMLAH" | "TOTAL" | "ANGGARAN" | "KESELURUHAN")
}

/// The word a total row opens with.
fn opens_total(w: &str) -> bool {
    w.eq_ignore_ascii_case("JUMLAH") || w.eq_ignore_ascii_case("TOTAL")
}

/// The currency printed before a sum ("Rp", "Rp.").
pub fn is_currency(w: &str) -> bool {
    matches!(w.trim_end_matches('.'), "Rp" | "RP")
}

/// Sums of money only, with their currency or not ("Rp 83.325.000.000").
fn is_sums_only(words: &[&str]) -> bool {
    let mut sums = words.iter().filter(|w| !is_currency(w)).peekable();
    sums.peek().is_some() && sums.all(|w| is_sum_of_money(w) || is_sum_of_money_typed_english(w))
}

/// A table's closing total row: "JUMLAH" (or "TOTAL", "JUMLAH TOTAL")
/// with sums of money only ("JUMLAH 7.833.650.000 1.729.625.000 ...",
/// "JUMLAH Rp 83.325.000.000"): the budget summed, no indicator's values.
/// A flow dump may print the sums on lines of their own after the words
/// (see [`is_total_heading`] and [`continues_total`]).
fn is_total_row(words: &[&str]) -> bool {
    let heading = words.iter().take_while(|w| is_total_word(w)).count();
    // What is summed may be named after the word, in capitals: "JUMLAH
    // RENCANA PENARIKAN DANA" over the quarters' planned spending.
    let named = words[heading..].iter().take(MOST_WORDS_NAMING_A_TOTAL + 1).take_while(|w| names_what_is_summed(w)).count();
    (1..=2).contains(&heading) && named <= MOST_WORDS_NAMING_A_TOTAL && opens_total(words[0]) && is_sums_only(&words[heading + named..])
}

const MOST_WORDS_NAMING_A_TOTAL: usize = 4;

/// A word in capitals, no currency: a word of a total's heading.
fn names_what_is_summed(w: &str) -> bool {
    !is_currency(w) && w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// [`is_total_row`] for a line of positioned words, told by its first
/// word before its words are gathered.
pub fn is_total_line(line: &Line) -> bool {
    line.words.first().is_some_and(|w| opens_total(&w.text)) && is_total_row(&line.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>())
}

/// How many lines a total row takes from line `i` on, where its sum is
/// cut in its cell and printed on the lines below ("JUMLAH ... Rp" /
/// "6.842.500.00" / "0", gen66: a Writer table's closing row, the sum too
/// wide for its cell): the heading in capitals with nothing but the
/// currency after it, then lines of number pieces only, joined a sum of
/// money. `None` for any other line ([`is_total_line`] reads a total row
/// printed on one line).
pub fn total_row_with_sum_below(lines: &[Line], i: usize) -> Option<usize> {
    const LONGEST_CUT: usize = 3;
    let words: Vec<&str> = lines[i].words.iter().map(|w| w.text.as_str()).collect();
    let heading = words.iter().take_while(|w| is_total_word(w)).count();
    let currency_only = words[heading..].iter().all(|w| is_currency(w));
    if !matches!(words.first(), Some(&"JUMLAH" | &"TOTAL")) || !(1..=2).contains(&heading) || !currency_only {
        return None;
    }
    let mut sum = String::new();
    for (k, line) in lines[i + 1..].iter().take(LONGEST_CUT).enumerate() {
        if line.words.is_empty() || !line.words.iter().all(|w| is_number_piece(&w.text) || is_currency(&w.text)) {
            break;
        }
        line.words.iter().filter(|w| is_number_piece(&w.text)).for_each(|w| sum.push_str(&w.text));
        if is_sum_of_money(&sum) {
            return Some(k + 2);
        }
    }
    None
}

/// "JUMLAH" alone on its line (or "JUMLAH TOTAL"): a total row's heading,
/// its sums printed after it.
pub fn is_total_heading(words: &[&str]) -> bool {
    (1..=2).contains(&words.len()) && opens_total(words[0]) && words.iter().all(|w| is_total_word(w))
}

/// A line after a total row's heading ([`is_total_heading`]) holding its
/// sums, after one more heading word at most ("TOTAL 1.250.000.000").
pub fn continues_total(words: &[&str]) -> bool {
    let heading = words.iter().take_while(|w| is_total_word(w)).count();
    heading <= 1 && is_sums_only(&words[heading..])
}

/// A civil servant's rank printed under the name in a signature: "Pembina
/// Utama Muda", "Penata Tingkat I", "Pembina Tk. I" (the ranks of groups
/// IV to II: Pembina, Penata, Pengatur, Juru), with the group perhaps
/// ("IV/c").
pub fn is_civil_service_rank(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && matches!(words[0].to_lowercase().as_str(), "pembina" | "penata" | "pengatur" | "juru")
        && words[1..].iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
            matches!(w.to_lowercase().as_str(), "utama" | "muda" | "madya" | "tingkat" | "tk" | "i" | "ii" | "iii" | "iv" | "")
                || w.split('/').all(|g| matches!(g.to_lowercase().as_str(), "i" | "ii" | "iii" | "iv" | "a" | "b" | "c" | "d" | "e"))
        })
}

/// Title facts read from the lines above the table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Title {
    pub text: String,
    pub year: Option<u32>,
    pub agency: String,
    pub region: String,
}

/// Reads "RENCANA AKSI TAHUN 2025" / "DINAS ... KABUPATEN PURBALINGGA".
///
/// The agency and region are read from the lines under the title line
/// when they name one (a kop surat above the title, "PEMERINTAH KABUPATEN
/// ..." / "DINAS SOSIAL" / its street address, says it again less
/// plainly), else from the lines above it; or from the title line itself
/// ("RENCANA AKSI KINERJA BADAN PENDAPATAN DAERAH"). A decree's LAMPIRAN
/// block ("LAMPIRAN KEPUTUSAN ...", "NOMOR : ...", "TANGGAL : ..."), an
/// address line and header words that strayed above the table are none
/// of them.
pub fn read_title(lines: &[String]) -> Title {
    let mut title = Title::default();
    let (mut above, mut under) = (Vec::new(), Vec::new());
    // Lines set aside that may still name the region (a LAMPIRAN block's
    // "KEPUTUSAN KEPALA DINAS ... KABUPATEN BOYOLALI").
    let mut aside: Vec<String> = Vec::new();
    let mut title_agency: Option<String> = None;
    let mut seen_title = false;
    let mut in_decree = false;
    for l in lines {
        let t = l.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.is_empty() {
            continue;
        }
        let upper = t.to_uppercase();
        if upper.contains("RENCANA AKSI") || (title.text.is_empty() && upper.starts_with("RENCANA")) {
            title.text = t.clone();
            title.year = upper.split_whitespace().filter_map(|w| year_in(&squash(w))).next();
            // (A running head "Rencana Aksi Dinas ... Tahun 2025" above
            // the title: the last title line counts, the lines under the
            // first one are above the last.)
            title_agency = agency_in_title_line(&t);
            above.append(&mut under);
            seen_title = true;
            in_decree = false;
            continue;
        }
        if title.year.is_none() {
            if let Some(y) = upper.split_whitespace().filter_map(|w| year_in(&squash(w))).next() {
                if upper.starts_with("TAHUN") {
                    title.year = Some(y);
                    continue;
                }
            }
        }
        // A LAMPIRAN block runs to its TANGGAL line (its first line may
        // wrap: "LAMPIRAN KEPUTUSAN KEPALA DINAS PPKB" / "KABUPATEN ...").
        if opens_decree_line(&upper) {
            in_decree = !upper.starts_with("TANGGAL");
            aside.push(t);
            continue;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        if in_decree || is_address_line(&upper) {
            aside.push(t);
            continue;
        }
        if is_header_line(&words) || words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
            continue;
        }
        if seen_title { under.push(t) } else { above.push(t) }
    }
    let names_agency = |ls: &[String]| ls.iter().any(|l| agency_start(&l.to_uppercase()).is_some());
    let names_region = |ls: &[String]| ls.iter().any(|l| region_start(&l.to_uppercase()).is_some());
    let mut rest = if names_agency(&under) || names_region(&under) {
        // The office in the title line, its region under it.
        match title_agency {
            Some(a) if !names_agency(&under) => std::iter::once(a).chain(under).collect(),
            _ => under,
        }
    } else if let Some(a) = title_agency {
        vec![a]
    } else {
        above.iter().cloned().chain(under).collect()
    };
    // The region named only in lines set aside or above (a kop surat's
    // "PEMERINTAH KOTA SEMARANG"): from its word to its line's end.
    if !names_region(&rest) {
        let named = aside.iter().chain(&above).find_map(|l| region_start(&l.to_uppercase()).map(|at| l[at..].to_string()));
        rest.extend(named);
    }
    // "PEMERINTAH KABUPATEN ..." names the government, not the office.
    let rest: Vec<String> = rest.into_iter().map(|l| l.strip_prefix("PEMERINTAH ").map(str::to_string).unwrap_or(l)).collect();
    let body = rest.join(" ");
    let upper = body.to_uppercase();
    match region_start(&upper) {
        Some(at) => {
            title.agency = body[..at].trim().trim_end_matches(',').to_string();
            title.region = body[at..].trim().to_string();
        }
        None => title.agency = body.trim().to_string(),
    }
    // The office from its first word ("LAMPIRAN PERJANJIAN KINERJA DINAS
    // KEBUDAYAAN": the words before name the document).
    if let Some(at) = agency_start(&title.agency.to_uppercase()).filter(|&at| at > 0) {
        title.agency = title.agency[at..].to_string();
    }
    title
}

/// Where a text names a region: KABUPATEN, KOTA, PROVINSI or "KAB.".
fn region_start(upper: &str) -> Option<usize> {
    ["KABUPATEN", "KOTA", "PROVINSI", "KAB."].iter().filter_map(|k| find_word(upper, k)).min()
}

/// Where a text names an office of a regional government.
fn agency_start(upper: &str) -> Option<usize> {
    ["DINAS", "BADAN", "SEKRETARIAT", "INSPEKTORAT", "KECAMATAN", "KELURAHAN", "SATUAN", "BAGIAN", "KANTOR", "UPTD", "RSUD", "RUMAH SAKIT", "PUSKESMAS"]
        .iter()
        .filter_map(|k| find_word(upper, k))
        .min()
}

/// The office a title line names after its words ("RENCANA AKSI KINERJA
/// BADAN PENDAPATAN DAERAH", "RENCANA AKSI DINAS SOSIAL TAHUN 2027"),
/// without the year.
fn agency_in_title_line(line: &str) -> Option<String> {
    let upper = line.to_uppercase();
    let at = agency_start(&upper)?;
    let words: Vec<&str> = line[at..].split_whitespace().take_while(|w| !w.eq_ignore_ascii_case("TAHUN") && year_in(&squash(w)).is_none()).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A line of a decree's LAMPIRAN block.
fn opens_decree_line(upper: &str) -> bool {
    let words: Vec<&str> = upper.split_whitespace().collect();
    match words.as_slice() {
        // ("LAMPIRAN PERJANJIAN KINERJA DINAS ..." titles the table.)
        ["LAMPIRAN" | "LAMPIRAN:"] => true,
        ["LAMPIRAN" | "LAMPIRAN:", next, ..] => matches!(*next, "KEPUTUSAN" | "PERATURAN" | "SURAT" | ":" | "I" | "II"),
        [first, ..] => ["NOMOR", "TANGGAL", "TENTANG"].iter().any(|k| first.strip_prefix(k).is_some_and(|r| r.is_empty() || r == ":" || r == ".")),
        [] => false,
    }
}

/// A kop surat's address line: street, telephone, mail, post code.
fn is_address_line(upper: &str) -> bool {
    upper.starts_with("JL.") || upper.starts_with("JALAN ") || ["TELP", "TELEPON", "FAX", "E-MAIL", "EMAIL", "KODE POS", "WEBSITE", "LAMAN"].iter().any(|k| find_word(upper, k).is_some() || upper.contains(&format!("{k}.")))
}

/// Byte offset of `word` as a whole word in `s`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(word) {
        let at = from + i;
        let before_ok = at == 0 || !s[..at].ends_with(|c: char| c.is_alphanumeric());
        let after = &s[at + word.len()..];
        let after_ok = word.ends_with('.') || !after.starts_with(|c: char| c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_row_with_its_sum_cut_below_it() {
        let line = |t: &str| Line {
            words: t.split_whitespace().map(|w| crate::extract::Word { text: w.to_string(), x0: 0.0, x1: 0.0, y0: 0.0, y1: 0.0 }).collect(),
            open_end: false,
        };
        let lines: Vec<Line> = ["disediakan", "JUMLAH Rp", "6.842.500.00", "0", "Kupang, 20 Januari 2026"].iter().map(|t| line(t)).collect();
        assert_eq!(total_row_with_sum_below(&lines, 1), Some(3));
        assert_eq!(total_row_with_sum_below(&lines, 0), None);
        // An indicator's "Jumlah" over its values is no total row.
        let lines: Vec<Line> = ["Jumlah", "12"].iter().map(|t| line(t)).collect();
        assert_eq!(total_row_with_sum_below(&lines, 0), None);
        let lines: Vec<Line> = ["JUMLAH", "12 3 6"].iter().map(|t| line(t)).collect();
        assert_eq!(total_row_with_sum_below(&lines, 0), None);
    }

    #[test]
    fn civil_service_ranks_are_told_from_names_and_positions() {
        for rank in ["Pembina Utama Muda", "Pembina Tk. I", "Penata Tingkat I", "Pembina (IV/a)", "Pengatur Muda"] {
            assert!(is_civil_service_rank(rank), "{rank}");
        }
        for other in ["Pembina Kesejahteraan Sosial", "Ir. BAMBANG SUHARTO, M.Si", "KEPALA DINAS SOSIAL", "Penata ruang kota"] {
            assert!(!is_civil_service_rank(other), "{other}");
        }
    }

    #[test]
    fn title_block() {
        let t = read_title(&["RENCANA AKSI TAHUN 2025".into(), "DINAS KOPERASI DAN UKM KABUPATEN PURBALINGGA".into()]);
        assert_eq!((t.year, t.agency.as_str(), t.region.as_str()), (Some(2025), "DINAS KOPERASI DAN UKM", "KABUPATEN PURBALINGGA"));
        let t = read_title(&["RENCANA AKSI TAHUN 2020".into(), "BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH KOTA TEGAL".into()]);
        assert_eq!(t.region, "KOTA TEGAL");
        assert_eq!(t.agency, "BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH");
    }

    #[test]
    fn agency_and_region_past_a_kop_surat_a_decree_and_a_running_head() {
        let read = |ls: &[&str]| {
            let t = read_title(&ls.iter().map(|l| l.to_string()).collect::<Vec<_>>());
            (t.agency, t.region, t.year)
        };
        let kop = ["PEMERINTAH KABUPATEN OGAN KOMERING ILIR", "DINAS SOSIAL", "Jl. Letnan Muchtar Saleh No. 12 Kayuagung, Telp. (0712) 321456", "RENCANA AKSI PERANGKAT DAERAH TAHUN 2027", "DINAS SOSIAL KABUPATEN OGAN KOMERING ILIR"];
        assert_eq!(read(&kop), ("DINAS SOSIAL".into(), "KABUPATEN OGAN KOMERING ILIR".into(), Some(2027)));
        let decree = ["LAMPIRAN", "KEPUTUSAN KEPALA DINAS PETERNAKAN DAN", "KESEHATAN HEWAN KABUPATEN BOYOLALI", "NOMOR : 500.7/015/2026", "TANGGAL : 5 Januari 2026", "RENCANA AKSI TAHUN 2026", "DINAS PETERNAKAN DAN KESEHATAN HEWAN"];
        assert_eq!(read(&decree), ("DINAS PETERNAKAN DAN KESEHATAN HEWAN".into(), "KABUPATEN BOYOLALI".into(), Some(2026)));
        let in_title = ["RENCANA AKSI KINERJA BADAN PENDAPATAN DAERAH", "PROVINSI SUMATERA UTARA", "TAHUN 2024"];
        assert_eq!(read(&in_title), ("BADAN PENDAPATAN DAERAH".into(), "PROVINSI SUMATERA UTARA".into(), Some(2024)));
        let running = ["Rencana Aksi Dinas Pendidikan Daerah Provinsi Sulawesi Utara Tahun 2025", "RENCANA AKSI", "DINAS PENDIDIKAN DAERAH PROVINSI SULAWESI UTARA", "TAHUN 2025"];
        assert_eq!(read(&running), ("DINAS PENDIDIKAN DAERAH".into(), "PROVINSI SULAWESI UTARA".into(), Some(2025)));
        let pk = ["LAMPIRAN PERJANJIAN KINERJA DINAS KEBUDAYAAN KOTA YOGYAKARTA", "RENCANA AKSI TAHUN 2026"];
        assert_eq!(read(&pk).0, "DINAS KEBUDAYAAN");
    }

    #[test]
    fn a_quarter_under_realisasi_names_no_target_quarter() {
        use Role::*;
        for words in ["TARGET 2020 TARGET TRIWULAN REALISA SI TW I PENANGGUNG JAWAB TW I TW II TW III TW IV", "TARGET 2020 TARGET TRIWULAN REALISASI TW I PENANGGUNG JAWAB TW I TW II TW III TW IV"] {
            let (roles, _) = roles_in_words(&words.split_whitespace().collect::<Vec<_>>());
            assert_eq!(roles, vec![Target, Tw1, Tw2, Tw3, Tw4, Responsible], "{words}");
        }
    }

    #[test]
    fn a_unit_under_the_indicator_group_goes_beside_the_indicator() {
        let words = "NO KODE URAIAN INDIKATOR KINERJA TARGET 2027 TARGET TRIWULAN ANGGARAN (Rp) Uraian Satuan TW I TW II TW III TW IV";
        let (roles, _) = roles_in_words(&words.split_whitespace().collect::<Vec<_>>());
        use Role::*;
        assert_eq!(roles, vec![No, Node, Indicator, Unit, Target, Tw1, Tw2, Tw3, Tw4, Budget]);
        // SATUAN printed last on its own stays where the header puts it.
        let words = "URAIAN INDIKATOR TARGET TW I TW II TW III TW IV SATUAN";
        let (roles, _) = roles_in_words(&words.split_whitespace().collect::<Vec<_>>());
        assert_eq!(roles.last(), Some(&Unit));
    }

    #[test]
    fn header_roles_from_a_flow_header() {
        let words: Vec<&str> = "NO URAIAN INDIKATOR KINERJA SATUAN TARGET KETERANGAN2024 TW.I TW.II TW.III TW.IV".split(' ').collect();
        let (roles, years) = roles_in_words(&words);
        assert_eq!(roles, vec![Role::No, Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Note, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4]);
        assert_eq!(years, vec![2024]);
        // "TW 1": a quarter's Arabic numeral is a header word after its TW,
        // but a line of small numbers alone is a row's values.
        assert!(is_header_line(&["2026", "TW", "1", "TW", "2", "TW", "3", "TW", "4", "ANGGARAN", "(Rp)", "JAWAB"]));
        assert!(!is_header_line(&["2", "4", "4", "2"]));
        // "Trw. 1" too, and the URAIAN column named by its levels beside SUMBER DANA.
        assert!(is_header_line(&["KEGIATAN/SUB", "KEGIATAN", "TAHUN", "2027", "Trw.", "1", "Trw.", "2", "Trw.", "3", "Trw.", "4", "DANA"]));
        let words: Vec<&str> = "Triwulan I Triwulan II PENANGGUNG JAWAB".split(' ').collect();
        assert_eq!(roles_in_words(&words).0, vec![Role::Tw1, Role::Tw2, Role::Responsible]);
        let words: Vec<&str> = "SASARAN INDIKATOR SASARAN SATUAN PROGRAM INDIKATOR PROGRAM SATUAN".split(' ').collect();
        assert_eq!(roles_in_words(&words).0, vec![Role::SasaranIndicator, Role::Unit, Role::ProgramIndicator, Role::Unit]);
        // A header of two rows printed row by row: the quarters under
        // "TARGET TRIWULAN" come after ANGGARAN, printed right of the group.
        let words: Vec<&str> = "URAIAN INDIKATOR KINERJA SATUAN TARGET 2026 TARGET TRIWULAN ANGGARAN (Rp) TW I TW II TW III TW IV".split(' ').collect();
        let quarters = [Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
        let mut expected = vec![Role::Node, Role::Indicator, Role::Unit, Role::Target];
        expected.extend(quarters);
        expected.push(Role::Budget);
        assert_eq!(roles_in_words(&words).0, expected);
        // Without the group word the order printed stands.
        let words: Vec<&str> = "URAIAN INDIKATOR SATUAN TARGET ANGGARAN TW I TW II TW III TW IV".split(' ').collect();
        assert_eq!(roles_in_words(&words).0[4], Role::Budget);
    }

    #[test]
    fn a_quarters_number_under_its_word_is_the_headers() {
        assert!(is_quarter_number_under(&["1"], &["SATUAN", "TARGET", "TRW"]));
        assert!(is_quarter_number_under(&["4"], &["Tw."]));
        assert!(!is_quarter_number_under(&["5"], &["TRW"]));
        assert!(!is_quarter_number_under(&["1"], &["TAHUN"]));
        assert!(!is_quarter_number_under(&["1", "2"], &["TRW"]));
        assert!(is_quarter_heading(&["TW", "1"]) && is_quarter_heading(&["Triwulan", "4"]));
        assert!(!is_quarter_heading(&["TW", "5"]) && !is_quarter_heading(&["TW"]) && !is_quarter_heading(&["WTP", "1"]));
    }

    #[test]
    fn triwulan_ke_over_its_numerals_names_the_quarters() {
        // "RENCANA TARGET" / "TRIWULAN KE-" / "1" / "2" / "3" / "4", a line each.
        assert!(is_header_line(&["RENCANA", "TARGET"]) && is_header_line(&["TRIWULAN", "KE-"]));
        assert!(!is_header_line(&["RENCANA", "KINERJA"]) && !is_header_line(&["ke", "daerah"]));
        assert!(is_header_line(&["TUJUAN", "/", "SASARAN", "/"]) && !is_header_line(&["TUJUAN"]) && !is_header_line(&["Tujuan", "/", "Sasaran"]));
        assert!(is_quarter_number_under(&["1"], &["TRIWULAN", "KE-"]));
        assert!(is_next_quarter_number(&["2"], &["1"]) && is_next_quarter_number(&["4"], &["3"]));
        assert!(!is_next_quarter_number(&["3"], &["1"]) && !is_next_quarter_number(&["5"], &["4"]));
        let (roles, _) = roles_in_words(&["SATUAN", "TRIWULAN", "KE-", "1", "2", "3", "4", "KET."]);
        assert_eq!(roles, [Role::Unit, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Note]);
    }

    #[test]
    fn signature_lines() {
        assert!(is_signature_start("Purbalingga, Januari 2025"));
        assert!(is_signature_start("Tegal, 2 Januari 2020"));
        assert!(is_signature_start("NIP. 19670919 199003 1 010"));
        // The year cut at a scan's edge, or printed with no day.
        assert!(is_signature_start("Tegal, 6 Januari 2("));
        assert!(is_signature_start("Sleman, Januari"));
        // The second signatory's heading, alone or beside the first's date.
        assert!(is_signature_start("Mengetahui,") && is_signature_start("Mengetahui, Selong, 7 Januari 2026"));
        assert!(!is_signature_start("Mengetahui jumlah penduduk"));
        assert!(!is_signature_start("Perencanaan, Penganggaran, dan"));
        assert!(!is_signature_start("Kegiatan, Maret dan April"));
        assert!(is_table_notes_start("Keterangan:") && is_table_notes_start("Catatan : target kumulatif"));
        assert!(is_total_row(&["JUMLAH", "7.833.650.000", "1.729.625.000"]) && is_total_row(&["JUMLAH", "Rp", "83.325.000.000"]));
        assert!(!is_total_row(&["Jumlah", "laporan", "4"]) && !is_total_row(&["JUMLAH", "12"]));
        // What is summed named in capitals (gen119); not an indicator's words.
        assert!(is_total_row(&["JUMLAH", "RENCANA", "PENARIKAN", "DANA", "2.550.500.000", "3.265.000.000"]));
        assert!(!is_total_row(&["JUMLAH", "RENCANA", "PENARIKAN", "DANA", "12", "3"]));
        assert!(!is_total_row(&["JUMLAH", "PENERIMAAN", "PAJAK", "DAERAH", "YANG", "DITERIMA", "985.400.000.000"]));
        assert!(!is_total_row(&["Jumlah", "penerimaan", "pajak", "985.400.000.000"]));
        assert!(!is_table_notes_start("KETERANGAN") && !is_table_notes_start("Keterangan tambahan: x"));
        assert!(is_table_notes_start("*) Target triwulan tidak kumulatif") && is_table_notes_start("**) Pagu sesuai DPA"));
        assert!(!is_table_notes_start("*)") && !is_table_notes_start(") Target") && !is_table_notes_start("* Target"));
        assert!(!is_signature_start("Laporan, Januari - Maret 2025"));
    }
}
