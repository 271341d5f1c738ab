//! Body lines for the recovery reading ([`super::recover`]): the table's
//! lines with everything that is not a cell taken out wherever the reading
//! order put it. A scrambled dump repeats header cells in fragments between
//! value blocks ("TARGET" / "2023" / "Triwula" / "n II"), and may print the
//! signature block in the middle of the table (pdftotext and mutool print a
//! page's blocks in drawing order, and the signature is drawn before the
//! wrapped cells of the same page).

use super::super::frame::{core_words, is_civil_service_rank, is_header_line, is_quarter_heading, names_levels_with_slashes, is_quarter_number_under, is_signature_start, is_title_year_line};
use crate::extract::Page;
use super::SrcLine;
use crate::parse::header::{is_header_word, is_plan_year, squash};
use crate::parse::label::written::starts_with_label;
use crate::parse::number::{is_number, is_text_target};
use super::words::is_num;
use crate::parse::unit::opens_with_official_title;

/// One line of the body, split into words.
#[derive(Debug, Clone)]
pub(super) struct BodyLine {
    pub page: u32,
    pub line: u32,
    pub words: Vec<String>,
    /// Paragraph (blank-line separated block) the line belongs to.
    pub para: usize,
    /// A header block (so a new page) comes just before this line's paragraph.
    pub after_header: bool,
    /// The line ends in a space: its cell goes on on the next line.
    pub open_end: bool,
}

impl BodyLine {
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// Words of a column header: a run of header-only lines with two of them
/// is a header, even when it is cut in pieces ("TARGET" / "2023" /
/// "Triwula" / "n II") and lacks the two core words a whole header shows.
fn is_column_word(w: &str) -> bool {
    let s = squash(w);
    is_strong_column_word(w) || matches!(s.as_str(), "KINERJA" | "JAWAB" | "NO" | "NOMOR" | "TAHUN")
}

/// Column words that never stand alone in a cell: one is enough.
/// ("Kinerja" or "Tahun" alone on a line may be a wrapped name.)
fn is_strong_column_word(w: &str) -> bool {
    let s = squash(w);
    matches!(s.as_str(), "TARGET" | "SATUAN" | "URAIAN" | "INDIKATOR" | "PENANGGUNG")
        || s.starts_with("KETERANGAN")
        || s.starts_with("TRIWUL")
        || (s.starts_with("TW") && s.len() <= 5)
}

/// True when every word reads as a target (numbers, "A", "BB"): a value
/// line, never a header fragment, though "A" may end a header word.
fn all_values(words: &[String]) -> bool {
    words.iter().all(|w| {
        !is_plan_year(w) && (is_text_target(w) || is_number(w))
    })
}

/// Every non-blank line of the pages, with paragraph breaks (a blank line
/// or a new page before it). Nothing is taken out yet.
pub(super) fn lines_of(pages: &[Page]) -> Vec<SrcLine> {
    let mut out = Vec::new();
    for p in pages {
        let mut blank = true;
        for (i, l) in p.lines.iter().enumerate() {
            if l.is_blank() {
                blank = true;
                continue;
            }
            out.push(SrcLine { page: p.number, line: i as u32 + 1, text: l.text(), para_break: blank, after_header: false, open_end: l.open_end });
            blank = false;
        }
    }
    out
}

/// What [`clean`] took out besides the body.
#[derive(Debug, Default)]
pub(super) struct Removed {
    /// The lines above the first header.
    pub title: Vec<String>,
    /// Signature lines in order: place and date, position, name, NIP.
    pub signature: Vec<String>,
    /// Words of the header fragments, for the columns they name.
    pub header_words: Vec<String>,
    /// Cells of trailing columns printed on a sheet of their own (see
    /// [`drop_trailing_column_sheets`]).
    pub unplaced_trailing_cells: usize,
}

/// A bound printed with a space ("≤ 2,5", "≥ 85": a target that is a
/// limit) as one word, "≤2,5", which reads as one value cell; so a sum of
/// money after its currency ("Rp. 865.000.000,-", a budget cell). Only at
/// a line's start or after another value: in text ("balita usia < 5
/// tahun") the sign and its number stay apart.
pub(super) fn with_bounds_joined(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut it = words.into_iter().peekable();
    while let Some(w) = it.next() {
        let sign = matches!(w.as_str(), "≤" | "≥" | "<=" | ">=" | "<" | ">" | "Rp" | "Rp." | "RP" | "RP.");
        let after_value = out.last().is_none_or(|p| is_num(p) || p.chars().all(|c| matches!(c, '-' | '–' | '—')));
        match it.peek() {
            Some(next) if sign && after_value && is_number(next) => {
                let joined = format!("{w}{next}");
                it.next();
                out.push(joined);
            }
            _ => out.push(w),
        }
    }
    out
}

/// A flow line's text with its bounds and sums of money joined as
/// [`with_bounds_joined`] joins them (the in-order reading splits the
/// text itself); the text as it is when nothing joins.
///
/// Sums after "Rp" are left apart here: joined for the in-order reading
/// too they mended gen26's, gen28's and gen49's mutool dumps but broke
/// gen29's (5 wrong values) and three pdftotext dumps.
pub(super) fn text_with_bounds_joined(text: &str) -> Option<String> {
    if !text.contains(['≤', '≥', '<', '>']) {
        return None;
    }
    let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    let n = words.len();
    let joined = with_bounds_joined(words);
    (joined.len() < n).then(|| joined.join(" "))
}

/// Removes header fragments and signature lines from `lines`, and returns
/// the body lines (with paragraph numbers) and what was removed.
pub(super) fn clean(lines: &[SrcLine]) -> (Vec<BodyLine>, Removed) {
    let mut words: Vec<Vec<String>> = lines.iter().map(|l| with_bounds_joined(l.text.split_whitespace().map(str::to_string).collect())).collect();
    let n = lines.len();
    let mut keep = vec![true; n];
    // Header fragments: runs of header-only lines (labels and value lines
    // excepted) holding a column word.
    let mut header_like: Vec<bool> = (0..n)
        .map(|i| {
            let w: Vec<&str> = words[i].iter().map(String::as_str).collect();
            is_header_line(&w)
                && words[i].iter().any(|x| x.chars().any(char::is_alphanumeric))
                && (!starts_with_label(&lines[i].text) || names_levels_with_slashes(&w))
                && (!all_values(&words[i]) || is_quarter_heading(&w))
        })
        .collect();
    // A quarter's number printed on a line of its own under a header line
    // ending in "TRW" / "TW" (one or two lines up: "SATUAN TARGET TRW" /
    // "TAHUN" / "1") is the header's, not a value.
    for i in 0..n {
        let w: Vec<&str> = words[i].iter().map(String::as_str).collect();
        if !header_like[i] && (i.saturating_sub(2)..i).any(|k| header_like[k] && is_quarter_number_under(&w, &words[k].iter().map(String::as_str).collect::<Vec<_>>())) {
            header_like[i] = true;
        }
    }
    let mut header_words: Vec<String> = Vec::new();
    let mut first_header: Option<usize> = None;
    let mut page_header_before = vec![false; n];
    let mut is_header = vec![false; n];
    let mut i = 0;
    while i < n {
        // Above the first header, the title's year line ("TAHUN ANGGARAN
        // 2026") is made of header words too, but stays with the title.
        let title_year = || is_title_year_line(&words[i].iter().map(String::as_str).collect::<Vec<_>>());
        if !header_like[i] || (first_header.is_none() && title_year()) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && header_like[j] {
            j += 1;
        }
        let has_column_word = (i..j).any(|k| words[k].iter().any(|w| is_column_word(w)));
        // A lone "NO" or "TAHUN" line is too weak alone; with another
        // header word in the run it is a header.
        let n_header_words = (i..j).flat_map(|k| words[k].iter()).filter(|w| is_header_word(w) && squash(w).len() >= 2).count();
        if has_column_word && (n_header_words >= 2 || (i..j).any(|k| words[k].iter().any(|w| is_strong_column_word(w)))) {
            for k in i..j {
                keep[k] = false;
                is_header[k] = true;
                header_words.extend(words[k].iter().cloned());
            }
            // The lines above the first header are the title block.
            if first_header.is_none() {
                first_header = Some(i);
            }
            // A whole header (two words only a header has) opens a page.
            let core: usize = (i..j).map(|k| core_words(&words[k].iter().map(String::as_str).collect::<Vec<_>>())).sum();
            if core >= 2 && j < n {
                page_header_before[j] = true;
            }
        }
        i = j;
    }
    let title: Vec<String> = match first_header {
        Some(h) => {
            for k in keep.iter_mut().take(h) {
                *k = false;
            }
            lines[..h].iter().map(|l| l.text.clone()).collect()
        }
        None => Vec::new(),
    };
    // Signature: "Place, Month Year", the position lines under it (capitals,
    // no digits), the name above "NIP ..." and the NIP line.
    let mut place: Vec<String> = Vec::new();
    let mut position: Vec<String> = Vec::new();
    let mut name: Vec<String> = Vec::new();
    let mut nip: Vec<String> = Vec::new();
    // Where the last "Place, date" line stands, while no NIP has closed it.
    let mut opened_at: Option<usize> = None;
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let text = lines[i].text.trim();
        if text.starts_with("NIP") {
            keep[i] = false;
            nip.push(text.to_string());
            // The name: the nearest kept line above, when it reads as a
            // personal name with titles ("Drs. AGUS PRIYANTO, M.M"); a
            // civil servant's rank may stand between ("Pembina Utama Muda").
            // Two signatories side by side print their names, then their
            // ranks, in turn (gen111: "Drs. H. MUHAMMAD HASRUL, M.Si.",
            // "Ir. ANDI ...", "Pembina Utama Muda (IV/c)", "Pembina Utama
            // Madya"): up to four such lines go.
            let mut nearest = (0..i).rev().find(|&k| keep[k]);
            let mut named: Option<usize> = None;
            for _ in 0..4 {
                let Some(k) = nearest.filter(|&k| is_signatory_line(&lines[k].text)) else { break };
                keep[k] = false;
                name.push(lines[k].text.trim().to_string());
                if is_person_name(&lines[k].text) {
                    named = Some(k);
                }
                nearest = (0..k).rev().find(|&k| keep[k]);
            }
            // A long position wraps over lines that open with no official
            // title ("Kepala Dinas Pengendalian Penduduk," / "Keluarga
            // Berencana, Pemberdayaan" / "Kabupaten Kudus"): what stands
            // between the date and the name is the position, when it is a
            // few lines of words.
            if let Some((s, k)) = opened_at.zip(named).filter(|&(s, k)| s < k) {
                let between: Vec<usize> = (s + 1..k).filter(|&j| keep[j] && !lines[j].text.trim().is_empty()).collect();
                if between.len() <= 6 && between.iter().all(|&j| is_position_continuation(&lines[j].text)) {
                    for j in between {
                        keep[j] = false;
                        position.push(lines[j].text.trim().to_string());
                    }
                }
            }
            opened_at = None;
        } else if is_signature_start(text) {
            opened_at = Some(i);
            keep[i] = false;
            place.push(text.to_string());
            let mut k = i + 1;
            while k < n && keep[k] && is_position_line(&lines[k].text) {
                keep[k] = false;
                position.push(lines[k].text.trim().to_string());
                k += 1;
            }
            // A signature with no NIP (gen109: the name and the rank end
            // it): the names and ranks right under the position go too
            // (with a NIP, the NIP's line finds them, and the position's
            // wrapped lines between).
            let nip_follows = (k..n.min(k + 12)).any(|j| lines[j].text.trim().starts_with("NIP"));
            let mut taken = 0;
            while !nip_follows && k < n && taken < 4 {
                let t = lines[k].text.trim();
                if keep[k] && !t.is_empty() {
                    if !is_signatory_line(t) {
                        break;
                    }
                    keep[k] = false;
                    name.push(t.to_string());
                    taken += 1;
                }
                k += 1;
            }
        }
    }
    let signature: Vec<String> = place.into_iter().chain(position).chain(name).chain(nip).collect();
    drop_cut_signature_pieces(lines, &mut keep, &signature);
    let unplaced_trailing_cells = drop_trailing_column_sheets(lines, &words, &mut keep, &is_header);
    let mut out: Vec<BodyLine> = Vec::new();
    let mut para = 0usize;
    let mut prev: Option<usize> = None;
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let new_page = prev.is_some_and(|p| lines[p].page != lines[i].page);
        // A removed line between two kept ones breaks the paragraph too.
        let gap = prev.is_some_and(|p| p + 1 != i);
        if prev.is_some() && (lines[i].para_break || new_page || gap) {
            para += 1;
        }
        let starts_para = prev.is_none() || lines[i].para_break || new_page || gap;
        let header_gap = prev.is_some_and(|p| (p + 1..=i).any(|k| page_header_before[k]));
        let ah = starts_para && (lines[i].after_header || new_page || header_gap);
        out.push(BodyLine { page: lines[i].page, line: lines[i].line, words: std::mem::take(&mut words[i]), para, after_header: ah, open_end: lines[i].open_end });
        prev = Some(i);
    }
    (out, Removed { title, signature, header_words, unplaced_trailing_cells })
}

/// A table wider than its sheet goes on on a second sheet, and the
/// signature block, centred near the cut, is printed again there in pieces:
/// each line's tail, cut inside a word ("304 199703 2 003" of "NIP.
/// 19710304 199703 2 003", "DINAS SOSIAL" of "KEPALA DINAS SOSIAL"). A page
/// holding tails of two or more different signature lines holds such a
/// piece block; its tails are no cells (one tail alone may be a cell's
/// text that happens to end the same way).
fn drop_cut_signature_pieces(lines: &[SrcLine], keep: &mut [bool], signature: &[String]) {
    let tail_of = |text: &str| -> Option<usize> {
        let t = text.trim();
        (t.chars().count() >= 4).then_some(())?;
        signature.iter().position(|s| s.len() > t.len() && s.ends_with(t))
    };
    let mut pages: Vec<u32> = lines.iter().map(|l| l.page).collect();
    pages.dedup();
    for page in pages {
        let pieces: Vec<(usize, usize)> = (0..lines.len())
            .filter(|&i| keep[i] && lines[i].page == page)
            .filter_map(|i| tail_of(&lines[i].text).map(|s| (i, s)))
            .collect();
        let mut distinct: Vec<usize> = pieces.iter().map(|(_, s)| *s).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() >= 2 {
            for (i, _) in pieces {
                keep[i] = false;
            }
        }
    }
}

/// A table wider than its sheet may print its last columns on a sheet of
/// their own: the sheet opens with a header naming only KETERANGAN or
/// PENANGGUNG JAWAB, and holds no values. Its cells come apart from the rows
/// they belong to (nothing on the sheet tells which row a note is on), so
/// they are left out rather than guessed; returns how many (paragraphs).
fn drop_trailing_column_sheets(lines: &[SrcLine], words: &[Vec<String>], keep: &mut [bool], is_header: &[bool]) -> usize {
    let mut dropped = 0;
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = (start..lines.len()).find(|&k| lines[k].page != page).unwrap_or(lines.len());
        let header: Vec<usize> = (start..end).take_while(|&k| is_header[k]).collect();
        let names_only_trailing = !header.is_empty() && header.iter().flat_map(|&k| words[k].iter()).all(|w| is_trailing_column_word(w));
        let later_header = (start + header.len()..end).any(|k| is_header[k]);
        let holds_values = (start..end).any(|k| keep[k] && words[k].iter().any(|w| is_number(w)));
        if names_only_trailing && !later_header && !holds_values {
            for k in start..end {
                if keep[k] {
                    keep[k] = false;
                    dropped += usize::from(lines[k].para_break);
                }
            }
        }
        start = end;
    }
    dropped
}

/// Header words of the columns after the values: KETERANGAN, PENANGGUNG JAWAB.
fn is_trailing_column_word(w: &str) -> bool {
    let s = squash(w);
    s.starts_with("KETERANGAN") || matches!(s.as_str(), "PENANGGUNG" | "JAWAB")
}

/// "KEPALA DINAS SOSIAL ...", "Kepala Dinas Lingkungan Hidup": capitals
/// or an official's title first, at least two words, no digits.
fn is_position_line(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() >= 2
        && !t.chars().any(|c| c.is_ascii_digit())
        && (t.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) || (words.len() <= 8 && opens_with_official_title(t)))
        && !starts_with_label(t)
        && !is_header_line(&words)
}

/// A line of a position that wrapped: words, no digits, no label, no
/// header ("Keluarga Berencana, Pemberdayaan", "Kabupaten Kudus").
fn is_position_continuation(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=8).contains(&words.len()) && !t.chars().any(|c| c.is_ascii_digit()) && !starts_with_label(t) && !is_header_line(&words)
}

/// A signatory's name or civil-service rank, the lines under a
/// signature's position.
fn is_signatory_line(text: &str) -> bool {
    is_person_name(text) || is_civil_service_rank(text)
}

/// "HARYANTO, S.Sos, M.Si", "Ir. BUDI SANTOSO, M.T": a name with academic
/// titles, told by a comma or a dotted title and a word in capitals.
fn is_person_name(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let has_caps_word = words.iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && w.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()));
    (1..=8).contains(&words.len())
        && has_caps_word
        && (t.contains(',') || words.iter().any(|w| w.ends_with('.')))
        && !t.chars().any(|c| c.is_ascii_digit())
        && !starts_with_label(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(texts: &[&str]) -> Vec<SrcLine> {
        texts
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(i, t)| SrcLine {
                page: 1,
                line: i as u32 + 1,
                text: t.to_string(),
                para_break: i == 0 || texts[i - 1].is_empty(),
                after_header: false,
                open_end: false,
            })
            .collect()
    }

    #[test]
    fn a_sheet_of_trailing_columns_and_the_signature_cut_on_it_are_taken_out() {
        // Sheet 1: the table and the signature; sheet 2: KETERANGAN only,
        // its notes and the tails of the signature lines cut at its left edge.
        let sheets: [&[&str]; 2] = [
            &["RENCANA AKSI", "", "URAIAN", "INDIKATOR KINERJA", "", "Persen", "80", "", "Tegal, 6 Januari 2026", "KEPALA DINAS SOSIAL", "", "Dra. RINA MARLINA, M.Si", "NIP. 19710304 199703 2 003"],
            &["KETERANGAN", "", "Data DTKS", "", "Per triwulan", "", " Januari 2026", "DINAS SOSIAL", "", "MARLINA, M.Si", "304 199703 2 003"],
        ];
        let mut lines = Vec::new();
        for (p, texts) in sheets.iter().enumerate() {
            for (i, t) in texts.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
                let para_break = i == 0 || texts[i - 1].is_empty();
                lines.push(SrcLine { page: p as u32 + 1, line: i as u32 + 1, text: t.to_string(), para_break, after_header: false, open_end: false });
            }
        }
        let (body, removed) = clean(&lines);
        let texts: Vec<String> = body.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["Persen", "80"]);
        assert_eq!(removed.unplaced_trailing_cells, 2);
        assert_eq!(removed.signature.len(), 4);
    }

    #[test]
    fn header_fragments_and_signature_are_taken_out() {
        let lines = src(&[
            "RENCANA AKSI", "", "NO", "URAIAN", "Persen", "100", "", "TARGET", "", "2023", "", "Triwula", "", "n II", "", "A", "", "A",
            "Klaten, Februari 2023", "KEPALA DINAS PENDIDIKAN", "", "Tujuan 1 Meningkatnya", "Drs. AGUS PRIYANTO, M.M",
            "NIP. 19670122 198807 1 006", "Program",
        ]);
        let (body, removed) = clean(&lines);
        let sig = removed.signature.clone();
        let texts: Vec<String> = body.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["Persen", "100", "A", "A", "Tujuan 1 Meningkatnya", "Program"]);
        assert_eq!(removed.title, ["RENCANA AKSI"]);
        assert_eq!(sig, ["Klaten, Februari 2023", "KEPALA DINAS PENDIDIKAN", "Drs. AGUS PRIYANTO, M.M", "NIP. 19670122 198807 1 006"]);
    }

    #[test]
    fn a_position_in_mixed_case_and_a_rank_under_the_name_are_the_signatures() {
        // "Kepala Dinas ..." opens with an official's title; "Pembina Utama
        // Muda" is the signatory's rank, printed between name and NIP.
        let lines = src(&[
            "URAIAN", "INDIKATOR KINERJA", "", "Persen", "100", "", "Sleman, Januari 2026", "Kepala Dinas Lingkungan Hidup", "",
            "Ir. BAMBANG SUHARTO, M.Si", "Pembina Utama Muda", "NIP 19690507 199403 1 006", "", "Kepala Seksi Pupuk",
        ]);
        let (body, removed) = clean(&lines);
        let texts: Vec<String> = body.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["Persen", "100", "Kepala Seksi Pupuk"]);
        assert_eq!(removed.signature, ["Sleman, Januari 2026", "Kepala Dinas Lingkungan Hidup", "Pembina Utama Muda", "Ir. BAMBANG SUHARTO, M.Si", "NIP 19690507 199403 1 006"]);
    }

    #[test]
    fn two_signatories_side_by_side_give_their_names_and_ranks_in_turn() {
        // gen111: the names of both, then the ranks of both, then one NIP.
        let lines = src(&[
            "URAIAN", "INDIKATOR KINERJA", "", "Persen", "100", "", "Makassar, 6 Januari 2025", "", "Mengetahui,", "KEPALA DINAS PEMADAM KEBAKARAN", "",
            "Drs. H. MUHAMMAD HASRUL, M.Si.", "", "Ir. ANDI MUHAMMAD YASIR, M.T.", "Pembina Utama Muda (IV/c)", "", "Pembina Utama Madya",
            "NIP. 19700227 199203 1 005", "", "Kabid Pencegahan", "Kebakaran",
        ]);
        let (body, removed) = clean(&lines);
        let texts: Vec<String> = body.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["Persen", "100", "Kabid Pencegahan", "Kebakaran"]);
        assert_eq!(removed.signature.len(), 8, "{:?}", removed.signature);
    }

    #[test]
    fn a_signature_without_a_nip_ends_with_its_name_and_rank() {
        // gen109: the place and date, the position, the name, the rank.
        let lines = src(&[
            "URAIAN", "INDIKATOR KINERJA", "", "Persen", "100", "", "Labuan Bajo, 8 Januari 2024", "", "KEPALA DINAS PARIWISATA", "",
            "STEFANUS JEMSIFORI, S.E., M.Si.", "", "Pembina Tk. I (IV/b)", "", "Program", "PROGRAM PENGEMBANGAN EKONOMI KREATIF",
        ]);
        let (body, removed) = clean(&lines);
        let texts: Vec<String> = body.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["Persen", "100", "Program", "PROGRAM PENGEMBANGAN EKONOMI KREATIF"]);
        assert_eq!(removed.signature.len(), 4, "{:?}", removed.signature);
    }

    #[test]
    fn a_position_wrapped_over_lines_without_a_title_is_the_signatures() {
        // The lines between the date and the name continue the position.
        let lines = src(&[
            "URAIAN", "INDIKATOR KINERJA", "", "Persen", "100", "", "Kudus, 8 Januari 2026", "", "Kepala Dinas Pengendalian Penduduk,",
            "Keluarga Berencana, Pemberdayaan", "Perempuan dan Perlindungan Anak", "", "Kabupaten Kudus", "", "Hj. SITI MARFU'AH, S.KM., M.Kes",
            "NIP. 19730418 199803 2 006", "", "Kegiatan 1", "Perencanaan,",
        ]);
        let (body, removed) = clean(&lines);
        let texts: Vec<String> = body.iter().map(|l| l.text()).collect();
        assert_eq!(texts, ["Persen", "100", "Kegiatan 1", "Perencanaan,"]);
        assert_eq!(removed.signature.len(), 7);
        // A label between them is the table's: no position then.
        let lines = src(&["URAIAN", "INDIKATOR KINERJA", "", "Kudus, 8 Januari 2026", "Kegiatan 1 Perencanaan", "Hj. SITI MARFU'AH, S.KM., M.Kes", "NIP. 19730418 199803 2 006"]);
        let (body, _) = clean(&lines);
        assert_eq!(body.iter().map(|l| l.text()).collect::<Vec<_>>(), ["Kegiatan 1 Perencanaan"]);
    }
}
