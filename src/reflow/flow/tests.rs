//! Small hand-made dumps, one per reading-order pattern the flow reflow
//! must undo. Each builds pages the way the text reader does and checks the
//! rows.

use super::reflow;
use crate::extract::text::read;
use crate::parse::header::Role;
use crate::reflow::{Row, Table};

fn table(text: &str) -> Table {
    reflow(&read(text))
}

/// (node label text if any, indicator, unit, target, tw1..tw4) per indicator row.
fn rows(t: &Table) -> Vec<(Option<String>, String, String, Vec<String>)> {
    let mut out = Vec::new();
    let mut pending_node: Option<String> = None;
    for r in &t.rows {
        if r.node.is_some() && !r.has_indicator() {
            pending_node = r.node.clone();
            continue;
        }
        if !r.has_indicator() {
            continue;
        }
        let node = r.node.clone().or(pending_node.take());
        let vals = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].iter().map(|x| r.get(*x).unwrap_or("").to_string()).collect();
        out.push((node, r.get(Role::Indicator).unwrap_or("").to_string(), r.get(Role::Unit).unwrap_or("").to_string(), vals));
    }
    out
}

fn v(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s.split(' ').map(String::from).collect();
    out.resize(5, String::new());
    out
}

const HEADER: &str = "NO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV KETERANGAN";

fn warnings(t: &Table) -> Vec<String> {
    t.rows.iter().flat_map(|r: &Row| r.warnings.clone()).chain(t.warnings.clone()).collect()
}

#[test]
fn mutool_prints_one_line_cells_first_and_wrapped_cells_after() {
    // mutool (calc): the units and values of every row come first, with the
    // one-line cells beside them; the wrapped node and indicator cells come
    // after, in order.
    let text = format!(
        "RENCANA AKSI TAHUN 2023\n\n{HEADER}\n\nRata-rata Lama Sekolah\nAngka\n10,8\n2,7\n5,4\n8,1\n10,8\n\nPersentase\n100%\n0%\n0%\n50%\n100%\nData BPS\n\nProgram 1 Pengelolaan Pendidikan\nPersen\n24,4%\n6,1%\n12,2%\n18,3% 24,4%\n\n\
         Tujuan 1 Meningkatnya kualitas dan\npemerataan layanan pendidikan\nSasaran 1 Meningkatnya akses\npendidikan dasar\n\n\
         Persentase sekolah dasar yang\nmemenuhi standar sarana\n\nPersentase satuan pendidikan\nyang memenuhi standar\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(r[0].1, "Rata-rata Lama Sekolah");
    assert!(r[0].0.as_deref().is_some_and(|n| n.starts_with("Tujuan 1")), "{r:?}");
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("Persentase sekolah dasar yang memenuhi standar sarana", "Persentase"));
    assert!(r[1].0.as_deref().is_some_and(|n| n.starts_with("Sasaran 1")), "{r:?}");
    assert_eq!(r[1].3, v("100% 0% 0% 50% 100%"));
    assert_eq!(r[2].0.as_deref(), Some("Program 1 Pengelolaan Pendidikan"));
    assert_eq!(r[2].1, "Persentase satuan pendidikan yang memenuhi standar");
    assert_eq!(r[2].3, v("24,4% 6,1% 12,2% 18,3% 24,4%"));
}

#[test]
fn pdftotext_prints_a_column_as_one_block() {
    // pdftotext: the URAIAN column of the first rows as one block, then the
    // indicators, then the values. The nodes go to the rows in order;
    // numbering "2." keeps the second indicator under the same node.
    let text = format!(
        "RENCANA AKSI TAHUN 2025\n\n{HEADER}\n\nTUJUAN 1\nMeningkatnya\nkualitas layanan\nSasaran 1\nMeningkatnya\nakses\n\n\
         1. Rata-rata Lama\nNilai\nSekolah\n\n29,5\n\n0\n\n9,83\n\n19,67 29,5\n\n\
         1. Angka\nPartisipasi Murni Persentase 100\nSD/MI\n2. Angka\nPartisipasi Murni persen\n100\nSMP/MTs\n\n\
         0\n\n33,33 66,67 100\n\n0\n\n0\n\n50\n\n100\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(r[0].0.as_deref().is_some_and(|n| n.starts_with("TUJUAN 1")));
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("1. Rata-rata Lama Sekolah", "Nilai"));
    assert_eq!(r[0].3, v("29,5 0 9,83 19,67 29,5"));
    assert!(r[1].0.as_deref().is_some_and(|n| n.starts_with("Sasaran 1")));
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("1. Angka Partisipasi Murni SD/MI", "Persentase"));
    assert_eq!(r[1].3, v("100 0 33,33 66,67 100"));
    assert_eq!(r[2].0, None);
    assert_eq!((r[2].1.as_str(), r[2].2.as_str()), ("2. Angka Partisipasi Murni SMP/MTs", "persen"));
    assert_eq!(r[2].3, v("100 0 0 50 100"));
}

#[test]
fn interleaved_title_case_name_and_sentence_case_indicator() {
    // The node's and the indicator's lines alternate by height; a line may
    // hold both ("Penyediaan Gaji dan menerima gaji dan"). Names of
    // kegiatan are in title case, indicators in sentence case.
    let text = format!(
        "RENCANA AKSI\n\n{HEADER}\n\nKegiatan1\nPenyediaan\nLayanan\nJumlah\nRujukan\nperempuan\nLanjutan bagi\nkorban kekerasan\nPerempuan\nyang\nJiwa\nKorban\nmendapatkan\nKekerasan\nlayanan\n\
         Sub kegiatan 1\nJumlah orang yang\nPenyediaan Gaji dan menerima gaji dan\nOrang\nTunjangan ASN\ntunjangan ASN\n\n\
         100\n\n25\n\n50\n\n75\n\n100\n\n1200\n\n0\n\n400\n\n800\n\n1200\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].0.as_deref(), Some("Kegiatan1 Penyediaan Layanan Rujukan Lanjutan bagi Perempuan Korban Kekerasan"));
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Jumlah perempuan korban kekerasan yang mendapatkan layanan", "Jiwa"));
    assert_eq!(r[1].0.as_deref(), Some("Sub kegiatan 1 Penyediaan Gaji dan Tunjangan ASN"));
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("Jumlah orang yang menerima gaji dan tunjangan ASN", "Orang"));
    assert_eq!(r[1].3, v("1200 0 400 800 1200"));
}

#[test]
fn units_between_indicator_lines_and_above_their_indicator() {
    // A lone "Persentase" is the unit when the indicator above has none,
    // the start of the next indicator otherwise; "Kali" printed above its
    // indicator (top-aligned cells) is that indicator's unit; "Layanan"
    // alone inside a name is a word of the name.
    let text = format!(
        "RENCANA AKSI\n\n{HEADER}\n\nProgram 1\nPerlindungan\nPersentase\nperempuan\nkorban kekerasan\nPersentase\nyang\nmendapatkan\nlayanan\nKali\n\
         Kegiatan1 Pelestarian Kesenian\nJumlah kelompok kesenian\ntradisional yang dibina\n\n\
         29,1\n\n0\n\n0\n\n14,55 29,1\n\n12\n\n3\n\n6\n\n9\n\n12\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Persentase perempuan korban kekerasan yang mendapatkan layanan", "Persentase"));
    assert_eq!(r[0].3, v("29,1 0 0 14,55 29,1"));
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("Jumlah kelompok kesenian tradisional yang dibina", "Kali"));
    assert_eq!(r[1].3, v("12 3 6 9 12"));
}

#[test]
fn value_cells_cut_displaced_and_split_from_their_percent() {
    // Values as blocks of their own: "A" / "A" (target and TW IV only), a
    // row whose last value is printed after the next rows, a "%" printed
    // apart from "40,05", and a header fragment among the values.
    let text = format!(
        "RENCANA AKSI\n\n{HEADER}\n\nTujuan 1 Meningkatnya kualitas 1. Predikat SAKIP\nPredikat\nSasaran 1 Meningkatnya\n1. Nilai SAKIP\nNilai\nProgram 1 Penelitian\nPersentase hasil penelitian\n%\n\n\
         TARGET\n2020\n\nA\n\nA\n\n62,8\n\n15,7\n\n31,4\n\n47,1\n\n80,1%\n\n0%\n\n0%\n\n40,05\n80,1% Target RPJMD\n%\n\nKETERANGAN\n\n62,8\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(r[0].3, ["A", "", "", "", "A"]);
    assert_eq!(r[1].3, v("62,8 15,7 31,4 47,1 62,8"));
    assert_eq!(r[2].3, v("80,1% 0% 0% 40,05 80,1%"));
    assert_eq!(r[2].2, "%");
}

#[test]
fn label_number_on_a_line_of_its_own() {
    // "Sub. Kegiatan" / "1 Penyediaan": the number wrapped below the label;
    // "Buah" / "5" / "2": the next label's number printed among the values.
    let text = format!(
        "RENCANA AKSI\n\n{HEADER}\n\nSub. Kegiatan\nJumlah orang\n1 Penyediaan\nyang mendapatkan\nPermakanan\nJiwa\n5\n1,25\n2,5\n3,75\n5\n\
         Sub. Kegiatan Jumlah\nBuah\n5\n2\ngedung kantor\nPemeliharaan/ dan bangunan\n\n0\n\n1,67\n\n3,33\n\n5\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].0.as_deref(), Some("Sub. Kegiatan 1 Penyediaan Permakanan"));
    assert_eq!(r[0].3, v("5 1,25 2,5 3,75 5"));
    assert!(r[1].0.as_deref().is_some_and(|n| n.starts_with("Sub. Kegiatan 2")), "{r:?}");
    assert_eq!(r[1].3, v("5 0 1,67 3,33 5"));
}

#[test]
fn a_dump_in_reading_order() {
    // The seed's shape: node, indicator with unit and targets, notes.
    let text = format!(
        "RENCANA AKSI TAHUN 2025\n\n{HEADER}\n\n1 Tujuan 1\nMeningkatnya\nKoperasi\n\n1. Persentase koperasi\nsehat Persentase 7,1 0 0 3,9 7,1\n\nCapaian pada\nakhir tahun\n\n\
         Program 1\nPendidikan dan\nlatihan\n\nPersentase SDM koperasi\nyang kompeten Persentase 62 0 15 45 62\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{:?} {:?}", r, warnings(&t));
    assert!(r[0].0.as_deref().is_some_and(|n| n.starts_with("Tujuan 1")), "{r:?}");
    assert!(r[1].0.as_deref().is_some_and(|n| n.starts_with("Program 1")), "{r:?}");
    assert_eq!(r[0].3, v("7,1 0 0 3,9 7,1"));
    assert_eq!(r[1].1, "Persentase SDM koperasi yang kompeten");
}

#[test]
fn a_unit_wrapped_after_its_first_word_is_one_unit() {
    // mutool prints the wrapped cells after the one-line ones: the second
    // row's values come first, its unit cell last; "Rumah " ends in a
    // space, so its cell goes on with "Tangga".
    let text = format!(
        "RENCANA AKSI TAHUN 2026\n\n{HEADER}\n\nJumlah penerima bantuan\nOrang\n40\n10\n20\n30\n40\n\n12\n3\n6\n9\n12\n\nJumlah rumah tangga yang \ndiverifikasi\n\nRumah \nTangga\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[1].2, "Rumah Tangga", "{r:?}");
    assert_eq!(r[1].3, v("12 3 6 9 12"));
}

#[test]
fn a_word_target_on_lines_of_its_own_is_the_target_and_tw_iv() {
    // mutool prints each cell on its own line: "Kategori" (the unit), then
    // "Baik" for the year's target and "Baik" for TW IV, the quarters
    // between blank or printed as dashes.
    for (cells, values) in [("Baik\nBaik", "Baik    Baik"), ("Baik\n-\n-\n-\nBaik", "Baik - - - Baik")] {
        let text = format!(
            "RENCANA AKSI TAHUN 2026\n\n{HEADER}\n\nIndeks Profesionalitas ASN\nIndeks\n72,5\n-\n-\n-\n72,5\n\n2. Predikat sistem merit\nKategori\n{cells}\n\n\
             3. Persentase ASN yang dilatih\nPersen\n60\n10\n20\n40\n60\n"
        );
        let t = table(&text);
        let r = rows(&t);
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("2. Predikat sistem merit", "Kategori"), "{r:?}");
        assert_eq!(r[1].3, v(values));
    }
}

#[test]
fn five_cells_of_one_word_on_lines_of_their_own_are_the_rows_values() {
    // gen134's pdftotext dump: "Status" (a unit no vocabulary holds), then
    // "Siaga" in the target and each quarter, blank lines between; the
    // recovery reading's walk took them for text and gave the next row's
    // "100"s to this one.
    let text = format!(
        "RENCANA AKSI TAHUN 2019\n\n{HEADER}\n\na. Status kesiapsiagaan\nPusdalops 24 jam\n\nStatus\n\nSiaga\n\nSiaga\n\nSiaga\n\nSiaga\n\nSiaga\n\n\
         b. Persentase korban bencana\nyang tertangani\n\n%\n\n100\n\n100\n\n100\n\n100\n\n100\n"
    );
    let columns = [Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Note];
    let recovered = super::recover::recover(&read(&text), &columns);
    let siaga: Vec<Option<&str>> = recovered.rows.first().map(|r| Role::VALUES.iter().map(|v| r.get(*v)).collect()).unwrap_or_default();
    assert_eq!(siaga, [Some("Siaga"); 5], "{:?}", recovered.rows);
}

#[test]
fn a_numbered_label_alone_takes_the_name_under_it() {
    // "Program 1" alone on its line, then its name, which opens with the
    // word "Program" too: one node, not a numbered label and a bare one.
    let text = format!(
        "RENCANA AKSI TAHUN 2027\n\n{HEADER}\n\nSasaran 1\nMenurunnya angka kecelakaan lalu \nlintas\n\nAngka kecelakaan per 10.000 \nkendaraan\n\nKejadian\n4,2\n4,2\nSekretaris\n\n\
         Program 1\nProgram Penyelenggaraan Lalu \nLintas dan Angkutan Jalan\n\nPersentase perlengkapan jalan yang \nterpasang\n\nPersen\n64\n10\n18\n20\n16\nKabid Lalu Lintas\n"
    );
    // The recovery reading's walk (the in-order reading splits these two
    // lines still).
    let columns = [Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Note];
    let recovered = super::recover::recover(&read(&text), &columns);
    let nodes: Vec<&str> = recovered.rows.iter().filter_map(|r| r.node.as_deref()).collect();
    assert_eq!(nodes.len(), 2, "{nodes:?}");
    assert!(nodes[1].starts_with("Program 1 Program Penyelenggaraan Lalu Lintas"), "{nodes:?}");
}

#[test]
fn a_unit_cell_wrapped_over_two_lines_is_one_unit() {
    // pdftotext: "Pelaku Usaha" in a narrow SATUAN cell, a paragraph of
    // its own; a one-word unit printed with a short indicator stays apart.
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\nProgram 1 Pelayanan Penanaman Modal\n\nJumlah pelaku usaha yang menerima\ninsentif penanaman modal\n\nPelaku\nUsaha\n\n\
         15\n\n3\n\n7\n\n11\n\n15\n\nJumlah izin\nIzin\n\n40\n\n10\n\n20\n\n30\n\n40\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Jumlah pelaku usaha yang menerima insentif penanaman modal", "Pelaku Usaha"));
    assert_eq!(r[0].3, v("15 3 7 11 15"));
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("Jumlah izin", "Izin"));
}

#[test]
fn a_label_line_run_into_the_indicator_beside_it_is_parted() {
    // pdftotext: the first lines of the URAIAN and INDIKATOR cells on one
    // baseline became one line; the name goes on in title case, the
    // indicator in lowercase.
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
         Kegiatan 1 Rehabilitasi Sosial Dasar Jumlah penyandang disabilitas\nPenyandang Disabilitas Terlantar\nterlantar yang direhabilitasi\n\n\
         Orang\n\n150\n\n30\n\n80\n\n120\n\n150\n",
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0.as_deref(), Some("Kegiatan 1 Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar"));
    assert_eq!(r[0].1, "Jumlah penyandang disabilitas terlantar yang direhabilitasi");
    assert_eq!(r[0].3, v("150 30 80 120 150"));
}

#[test]
fn a_bare_label_over_two_cells_printed_line_by_line_is_parted() {
    // pdftotext: "KEGIATAN 1" alone, then the indicator's and the name's
    // lines in turn, one line holding both ("... Daerah media massa").
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
         KEGIATAN 1\nJumlah konten informasi publik yang\nPengelolaan Informasi dan\ndipublikasikan melalui media sosial dan\n\
         Komunikasi Publik Pemerintah Daerah media massa\nKabupaten/Kota\n\n\
         Konten\n\n1.440\n\n360\n\n720\n\n1.080\n\n1.440\n",
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0.as_deref(), Some("KEGIATAN 1 Pengelolaan Informasi dan Komunikasi Publik Pemerintah Daerah Kabupaten/Kota"));
    assert_eq!(r[0].1, "Jumlah konten informasi publik yang dipublikasikan melalui media sosial dan media massa");
}

#[test]
fn a_word_target_on_lines_of_its_own_with_tw_iv_cut_is_read_whole() {
    // mutool: "Kategori" / "Informatif" / "Informa" (TW IV's narrower cell
    // cut the word) and, after a blank line, its tail "tif".
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO\nURAIAN\nINDIKATOR KINERJA\nSATUAN\nTARGET\nTW I\nTW II\nTW III\nTW IV\n\n\
         Sasaran 1 Meningkatnya keterbukaan informasi\n\nKategori keterbukaan informasi publik\nKategori\nInformatif\nInforma\n\ntif\n\n\
         Persentase penyebarluasan informasi\nPersen\n100\n25\n50\n75\n100\n",
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Kategori keterbukaan informasi publik", "Kategori"));
    assert_eq!(r[0].3, v("Informatif    Informatif"));
    assert_eq!(r[1].1, "Persentase penyebarluasan informasi");
}

#[test]
fn the_line_under_a_bare_label_opening_with_its_level_word_is_its_name() {
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
         PROGRAM 1\nPROGRAM PENGEMBANGAN\nSUMBER DAYA MANUSIA\n\n1. Persentase ASN yang mengikuti\npengembangan kompetensi\n\nPersen\n\n60\n\n10\n\n20\n\n20\n\n10\n",
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0.as_deref(), Some("PROGRAM 1 PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA"));
}

#[test]
fn a_rate_unit_in_a_paragraph_of_its_own_keeps_its_base() {
    // pdftotext: "per 100.000" / "KH" is the SATUAN cell, not the end of
    // the indicator above it.
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
         Sasaran 1 Meningkatnya akses pelayanan kesehatan\n\nAngka Kematian Ibu per 100.000\nkelahiran hidup\n\nper 100.000\nKH\n\n\
         78,5\n\n-\n\n-\n\n-\n\n78,5\n",
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Angka Kematian Ibu per 100.000 kelahiran hidup", "per 100.000 KH"));
}

#[test]
fn an_opening_noun_inside_a_name_opens_no_indicator() {
    // "Peningkatan Cakupan dan Mutu Pelayanan": the name goes on with "dan".
    assert!(!super::opens_indicator(&["Cakupan", "dan", "Mutu"]));
    assert!(!super::opens_indicator(&["Indeks", "Kepuasan", "Masyarakat"]));
    assert!(super::opens_indicator(&["Persentase", "bayi", "yang"]));
    assert!(super::opens_indicator(&["Jumlah", "penyandang"]));
}

/// pdftotext without -layout, every cell a paragraph of its own: the rows
/// of `(indicator, unit, values, responsible)`, an indicator None where
/// the dump printed it elsewhere.
fn cell_per_paragraph(rows: &[(Option<&str>, &str, &str, &str)]) -> String {
    let mut s = String::from(
        "RENCANA AKSI TAHUN 2026\nDINAS PENANAMAN MODAL\nKOTA CONTOH\n\nNO\n\nURAIAN\n\nINDIKATOR KINERJA\n\nSATUAN\n\nTARGET\n2026\n\nTW I\n\nTW II\n\nTW III\n\nTW IV\n\nPENANGGUNG\nJAWAB\n\n",
    );
    for (ind, unit, vals, resp) in rows {
        if let Some(ind) = ind {
            s.push_str(&format!("{ind}\n\n"));
        }
        s.push_str(&format!("{unit}\n\n"));
        for val in vals.split(' ') {
            s.push_str(&format!("{val}\n\n"));
        }
        s.push_str(&format!("{resp}\n\n"));
    }
    s
}

#[test]
fn a_short_block_between_the_indicator_and_the_values_is_the_unit() {
    // Units no list knows, one or two words, each a block of its own.
    let text = cell_per_paragraph(&[
        (Some("Jumlah investor yang merealisasikan\ninvestasi"), "Investor", "210 50 100 160 210", "Sekretaris"),
        (Some("Nilai realisasi investasi"), "Miliar Rupiah", "1.450 300 700 1.100 1.450", "Kepala Dinas"),
        (Some("Luas taman keanekaragaman hayati\nyang dipelihara"), "Hektar", "4,75 1 2,25 3,5 4,75", "Kasi Konservasi"),
    ]);
    let r = rows(&table(&text));
    let got: Vec<(&str, &str)> = r.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Jumlah investor yang merealisasikan investasi", "Investor"),
            ("Nilai realisasi investasi", "Miliar Rupiah"),
            ("Luas taman keanekaragaman hayati yang dipelihara", "Hektar")
        ]
    );
    assert_eq!(r[1].3, v("1.450 300 700 1.100 1.450"));
}

#[test]
fn cells_printed_after_the_pages_rows_go_back_to_their_rows() {
    // A tujuan's name and its one indicator, merged over the rows below,
    // and the sasaran's name come after the page's other cells, with the
    // NO column's "2"; the first row has only its unit and values where
    // it stands.
    let mut text = cell_per_paragraph(&[
        (None, "Miliar Rupiah", "1.450 300 700 1.100 1.450", "Kepala Dinas"),
        (Some("Pertumbuhan nilai investasi"), "Persen", "8,5 2 4,5 6,5 8,5", "Sekretaris"),
    ]);
    text.push_str("Program 1\nProgram Pengembangan Iklim\nPenanaman Modal\n\n");
    text.push_str(cell_per_paragraph(&[(Some("Jumlah kajian iklim investasi"), "Kajian", "4 1 2 3 4", "Kabid Iklim")]).split_once("JAWAB\n\n").unwrap().1);
    text.push_str("Kegiatan 1\nPenyusunan Kajian Iklim\n\n");
    text.push_str(cell_per_paragraph(&[(Some("Jumlah dokumen kajian"), "Dokumen", "4 1 2 3 4", "Kasi Iklim")]).split_once("JAWAB\n\n").unwrap().1);
    text.push_str("Tujuan 1\nMeningkatnya iklim investasi yang\nkondusif\n\nNilai realisasi investasi\n\n2\n\nSasaran 1\nMeningkatnya realisasi investasi\n");
    let t = table(&text);
    let got: Vec<(Option<String>, String, Option<String>)> =
        t.rows.iter().map(|r| (r.node.clone(), r.get(Role::Indicator).unwrap_or("").to_string(), r.get(Role::Target).map(str::to_string))).collect();
    let node = |k: usize| got[k].0.as_deref().unwrap_or("");
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!((got[0].1.as_str(), got[0].2.as_deref()), ("Nilai realisasi investasi", Some("1.450")), "{got:?}");
    assert!(node(0).starts_with("Tujuan 1"), "{got:?}");
    assert_eq!((node(1), got[1].1.as_str()), ("Sasaran 1 Meningkatnya realisasi investasi", "Pertumbuhan nilai investasi"));
    assert_eq!((node(2), got[2].1.as_str(), got[2].2.as_deref()), ("Program 1 Program Pengembangan Iklim Penanaman Modal", "Jumlah kajian iklim investasi", Some("4")));
    assert_eq!((node(3), got[3].1.as_str()), ("Kegiatan 1 Penyusunan Kajian Iklim", "Jumlah dokumen kajian"));
}

#[test]
fn header_cells_joined_to_the_cells_under_them_are_taken_out() {
    // pdftotext: on page 2 the repeated header's "URAIAN" and "INDIKATOR
    // KINERJA" share a paragraph with the first row's cells under them;
    // the rest of the header (from "TARGET") follows as a block.
    let page2 = ["URAIAN", "Sub Kegiatan 1 2.11.04.2.01.0001", "Pengelolaan Taman", "INDIKATOR KINERJA", "Luas taman yang", "dipelihara", "TARGET"];
    let mut all: Vec<super::SrcLine> = std::iter::once((1, "Jumlah bibit tanaman yang ditanam"))
        .chain(page2.iter().map(|t| (2, *t)))
        .enumerate()
        .map(|(i, (page, t))| super::SrcLine { page, line: i as u32, text: t.to_string(), para_break: i == 1 || i == 4, after_header: false, open_end: false })
        .collect();
    let mut keep = vec![true; all.len()];
    super::drop_header_cells_above(&mut all, &mut keep, 7);
    assert_eq!(keep, [true, false, true, true, false, true, true, true]);
    assert!(all[2].para_break && all[5].para_break && !all[3].para_break);
}

#[test]
fn notes_of_several_rows_printed_together_go_to_none_of_them() {
    // pdftotext prints the KETERANGAN cells of a page as one column after
    // the last row's values: which row each note is for is lost. The
    // PENANGGUNG JAWAB cell printed first is still the row's own.
    let mut text = cell_per_paragraph(&[
        (Some("Jumlah investor yang merealisasikan\ninvestasi"), "Investor", "210 50 100 160 210", "Sekretaris"),
        (Some("Nilai realisasi investasi"), "Miliar Rupiah", "1.450 300 700 1.100 1.450", "Kepala Dinas"),
    ]);
    text = text.replace("PENANGGUNG\nJAWAB\n\n", "PENANGGUNG\nJAWAB\n\nKETERANGAN\n\n");
    text.push_str("Target RPJMD\n\nData BPS\n\nCapaian pada\nakhir tahun\n");
    let t = table(&text);
    let trailing: Vec<(Option<&str>, Option<&str>)> = t.rows.iter().filter(|r| r.has_indicator()).map(|r| (r.get(Role::Responsible), r.get(Role::Note))).collect();
    assert_eq!(trailing, [(Some("Sekretaris"), None), (Some("Kepala Dinas"), None)], "{:?}", t.warnings);
    assert!(t.warnings.iter().any(|w| w == "trailing_cells_unplaced:3"), "{:?}", t.warnings);
}

#[test]
fn a_header_piece_cut_over_two_lines_still_names_its_column() {
    // "PENANGGUNG" / "JAWAB", a header cell printed after the rows: the
    // run of header lines names PENANGGUNG JAWAB, though neither line does.
    let text = "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
                1. Persentase ASN yang memenuhi\nstandar kompetensi jabatan\n\nPersen 68 - - - 68\n\nSekretaris\n\nPENANGGUNG\nJAWAB\n";
    let mut table = crate::reflow::Table::default();
    let (_, _, header_roles, _) = super::body_lines(&read(text), &mut table);
    assert!(header_roles.contains(&Role::Responsible), "{header_roles:?}");
    assert!(!table.columns.contains(&Role::Responsible));
}

#[test]
fn a_tall_penanggung_jawab_cell_printed_with_the_one_above_is_parted() {
    // "Kasubag Perencanaan dan Keuangan" wraps over three lines and
    // reaches up beside the row above: pdftotext prints that row's
    // "Kabid Program" in the same block, after the lower row's values.
    let text = cell_per_paragraph(&[
        (Some("Persentase PMKS yang tertangani"), "Persen", "100 0 33,33 66,67 100", ""),
        (Some("Persentase PMKS yang memperoleh\nrehabilitasi sosial"), "Persen", "18,81 0 6,27 12,54 18,81", "Kabid Program\nKasubag\nPerencanaan dan\nKeuangan"),
        (Some("Jumlah orang yang mendapatkan\npermakanan"), "Orang", "150 0 50 100 150", "Sekretaris"),
    ]);
    let t = table(&text);
    let resp: Vec<Option<&str>> = t.rows.iter().filter(|r| r.has_indicator()).map(|r| r.get(Role::Responsible)).collect();
    assert_eq!(resp, [Some("Kabid Program"), Some("Kasubag Perencanaan dan Keuangan"), Some("Sekretaris")], "{:?}", t.warnings);
}

#[test]
fn an_indicator_beside_another_rows_unit_leaves_the_values_unread() {
    // The first row's indicator is not printed: the recovery reading,
    // pairing indicators and units by order, would give "Persentase ..."
    // the first row's "Orang" and its values. Such a pairing shows the
    // order slipped: no row's values are given, and the reading says why.
    let text = cell_per_paragraph(&[
        (None, "Orang", "480 60 160 160 100", "Sekretaris"),
        (Some("Persentase ASN yang mengikuti\npengembangan kompetensi"), "Persen", "60 10 20 20 10", "Kabid Pengembangan"),
        (Some("Jumlah ASN yang mengikuti\nseminar teknis"), "Orang", "240 0 80 80 80", "Subbid Diklat"),
    ]);
    let columns = [Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Responsible];
    let recovered = super::recover::recover(&read(&text), &columns);
    let paired: Vec<(&str, &str, Option<&str>)> =
        recovered.rows.iter().map(|r| (r.get(Role::Indicator).unwrap_or(""), r.get(Role::Unit).unwrap_or(""), r.get(Role::Target))).collect();
    assert!(paired.iter().any(|p| p.0.starts_with("Persentase") && p.1 == "Orang"), "{paired:?}");
    assert!(paired.iter().all(|p| p.2.is_none()), "{paired:?}");
    assert!(recovered.warnings.iter().any(|w| w.starts_with("indicators_beside_other_units")), "{:?}", recovered.warnings);
}

#[test]
fn a_two_word_unit_in_a_paragraph_of_its_own_is_one_unit() {
    // pdftotext: "Wajib Pajak" is the SATUAN cell, a paragraph between the
    // indicator and the values; no list of units holds it. The last line
    // of a wrapped indicator run into a one-word unit ("Daerah Persen",
    // no paragraph of its own) keeps its words.
    let text = String::from(
        "RENCANA AKSI TAHUN 2027\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
         Kegiatan 1 Pengelolaan Pendapatan Daerah\n\n1. Jumlah wajib pajak baru yang\ndidaftarkan\n\nWajib Pajak\n\n12.000\n\n3.000\n\n3.000\n\n3.000\n\n3.000\n\n\
         2. Persentase laporan keuangan Perangkat\nDaerah Persen\n\n100\n\n25\n\n50\n\n75\n\n100\n",
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("1. Jumlah wajib pajak baru yang didaftarkan", "Wajib Pajak"));
    assert_eq!(r[0].3, v("12.000 3.000 3.000 3.000 3.000"));
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("2. Persentase laporan keuangan Perangkat Daerah", "Persen"));
}

#[test]
fn a_unit_line_after_an_indicator_line_left_open_is_one_unit() {
    // mutool: a wrapped indicator's first line ends in a space ("yang "),
    // its other lines printed elsewhere; "Unit Usaha" on the next line is
    // the unit cell all the same. "Miliar" / "Rupiah", a unit plans print
    // as one, is one unit even inside the indicator's paragraph.
    let text = format!(
        "RENCANA AKSI TAHUN 2026\n\n{HEADER}\n\nVolume usaha koperasi\nMiliar\nRupiah\n\n1.184,6\n-\n-\n-\n1.184,6\n\n\
         Jumlah usaha mikro yang \nUnit Usaha\n1.200\n300\n300\n300\n300\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Volume usaha koperasi", "Miliar Rupiah"));
    assert_eq!(r[0].3, v("1.184,6 - - - 1.184,6"));
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("Jumlah usaha mikro yang", "Unit Usaha"));
    assert_eq!(r[1].3, v("1.200 300 300 300 300"));
}

#[test]
fn the_first_rows_number_under_the_header_is_no_value() {
    // pdftotext prints the first row's NO cell ("1") right under the
    // header, before any text of the row: taken as a value, it became the
    // first row's budget and every row took the values of the row below.
    let text = String::from(
        "RENCANA AKSI TAHUN 2027\n\nNO\n\nURAIAN\n\nINDIKATOR KINERJA\n\nSATUAN\n\nTARGET\n\nTW I\n\nTW II\n\nTW III\n\nTW IV\n\nANGGARAN (Rp)\n\n1\n\n\
         Sasaran 1 Menurunnya risiko bencana\n\nIndeks Risiko Bencana\n\nIndeks\n\n128,44\n\n-\n\n-\n\n-\n\n128,44\n\n\
         Indeks Ketahanan Daerah\n\nIndeks\n\n0,58\n\n-\n\n-\n\n-\n\n0,58\n\n\
         Program 1 Penanggulangan Bencana\n\nPersentase layanan pencegahan\n\nPersen\n\n100\n\n20\n\n55\n\n80\n\n100\n\n2.964.500.000\n",
    );
    let columns = [Role::No, Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget];
    let recovered = super::recover::recover(&read(&text), &columns);
    let rows: Vec<(&str, &str, &str)> = recovered
        .rows
        .iter()
        .filter(|r| r.has_indicator())
        .map(|r| (r.get(Role::Indicator).unwrap_or(""), r.get(Role::Target).unwrap_or(""), r.get(Role::Budget).unwrap_or("")))
        .collect();
    assert_eq!(rows, [("Indeks Risiko Bencana", "128,44", ""), ("Indeks Ketahanan Daerah", "0,58", ""), ("Persentase layanan pencegahan", "100", "2.964.500.000")]);
}

#[test]
fn a_wrapped_unit_printed_after_its_values_goes_back_to_them() {
    // mutool: one-line cells first, row by row; the second row's unit
    // ("Desa" / "Wisata") wraps, so its values run on after the first
    // row's and the unit comes later among the wrapped text cells.
    let text = format!(
        "RENCANA AKSI\n\nDINAS PARIWISATA\n\nTAHUN ANGGARAN 2026\n\n{HEADER}\n\nUnit\n38\n38\n38\n38\n38\n\n22\n4\n6\n6\n6\n\nEvent\n8\n1\n3\n2\n2\n\n\
         Jumlah wahana yang \ndipelihara\n\nJumlah desa wisata yang \ndibina\n\nDesa \nWisata\n\nJumlah event pariwisata yang \ndiselenggarakan\n"
    );
    let columns = [Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4];
    let recovered = super::recover::recover(&read(&text), &columns);
    let rows: Vec<(&str, &str, &str, &str)> = recovered
        .rows
        .iter()
        .filter(|r| r.has_indicator())
        .map(|r| (r.get(Role::Indicator).unwrap_or(""), r.get(Role::Unit).unwrap_or(""), r.get(Role::Target).unwrap_or(""), r.get(Role::Budget).unwrap_or("")))
        .collect();
    assert_eq!(
        rows,
        [
            ("Jumlah wahana yang dipelihara", "Unit", "38", ""),
            ("Jumlah desa wisata yang dibina", "Desa Wisata", "22", ""),
            ("Jumlah event pariwisata yang diselenggarakan", "Event", "8", "")
        ]
    );
}

#[test]
fn the_titles_year_line_above_the_header_names_no_column() {
    // "TAHUN ANGGARAN 2026" is made of header words; its ANGGARAN named a
    // budget column the plan has not, and the year was lost to the title.
    let text = format!("RENCANA AKSI

DINAS PARIWISATA

TAHUN ANGGARAN 2026

{HEADER}

Jumlah event pariwisata
Event
8
1
3
2
2
");
    let t = table(&text);
    assert!(!t.columns.contains(&Role::Budget), "{:?}", t.columns);
    assert!(t.title.iter().any(|l| l == "TAHUN ANGGARAN 2026"), "{:?}", t.title);
    assert_eq!(rows(&t)[0].3, v("8 1 3 2 2"));
}

/// A line's words, split at its spaces.
fn line_words(text: &str) -> Vec<String> {
    text.split(' ').map(String::from).collect()
}

/// The parts `scan_line` finds in a line of text, with no known units.
fn scanned(text: &str) -> Vec<super::scan::Part> {
    let words = line_words(text);
    let num: Vec<bool> = words.iter().map(|x| crate::parse::number::is_number(x)).collect();
    super::scan::scan_line(&words, &num, &super::scan::Units::default())
}

#[test]
fn a_number_opening_a_line_that_goes_on_in_lowercase_is_text() {
    // "(per" / "1.000 penduduk)": the wrapped end of a rate indicator.
    use super::scan::Part;
    assert_eq!(scanned("1.000 penduduk)"), [Part::Text(line_words("1.000 penduduk)"))]);
    // Values run into the next cell's capitalised text stay values.
    assert_eq!(scanned("1.200 Seksi Kesehatan")[0], Part::Values(line_words("1.200")));
}

#[test]
fn a_names_year_after_tahun_is_text() {
    // "Penyusunan RKPD Tahun 2020", a kegiatan's name: no unit "Tahun"
    // with the target 2020.
    use super::scan::Part;
    let text = "Pemerintah Daerah (RKPD) Tahun 2020";
    assert_eq!(scanned(text), [Part::Text(line_words(text))]);
    // A unit "Tahun" before a row's values stays a unit.
    assert!(scanned("Usia harapan hidup Tahun 74,12 - - - 74,12").contains(&Part::Unit("Tahun".to_string())));
}

#[test]
fn a_unit_cut_at_its_cells_edge_anchors_its_values() {
    // mutool: "Dokume" / "n" in a narrow SATUAN cell, the values after
    // the tail; the row above ends in "Kelomp" / "ok".
    let text = format!(
        "RENCANA AKSI TAHUN 2026\n\n{HEADER}\n\nJumlah kelompok yang dibina\nKelomp\n\nok\n\n45\n10\n12\n12\n11\n\n\
         Jumlah dokumen layanan yang \nditerbitkan\n\nDokume\n\nn\n\n1.460\n340\n365\n375\n380\n\n\
         Rata-rata waktu penyelesaian\nHari\n2,5\n2,5\n2,5\n2,5\n2,5\n"
    );
    let t = table(&text);
    let r = rows(&t);
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Jumlah kelompok yang dibina", "Kelompok"));
    assert_eq!((r[1].1.as_str(), r[1].2.as_str()), ("Jumlah dokumen layanan yang diterbitkan", "Dokumen"));
    assert_eq!(r[1].3, v("1.460 340 365 375 380"));
    assert_eq!(r[2].3, v("2,5 2,5 2,5 2,5 2,5"));
}

#[test]
fn values_read_after_two_indicators_go_to_neither_when_units_tell() {
    // pdftotext printed two rows' indicators before the first one's unit
    // ("Km") and values, and the in-order reading gave them to the
    // indicator read last, which names the next row's unit ("Kelompok
    // Tani"): whose the values are is unknown.
    let row = |node: &str, ind: &str, unit: &str, vals: &str| {
        let mut r = Row { node: (!node.is_empty()).then(|| node.to_string()), ..Row::default() };
        r.set(Role::Indicator, ind.to_string());
        r.set(Role::Unit, unit.to_string());
        for (role, v) in [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4].into_iter().zip(vals.split(' ')) {
            r.set(role, v.to_string());
        }
        r
    };
    let mut rows = vec![
        row("Panjang jaringan irigasi tersier yang Pembangunan Jaringan Irigasi", "Jumlah kelompok tani penerima manfaat", "Km", "22,75 0 6,25 15 22,75"),
        row("", "Seksi Lahan dan Irigasi", "Kelompok Tani", "38 0 12 28 38"),
        // "Persentase ..." names its own unit; the next unit, "Perangkat
        // Daerah", in its text says nothing.
        row("", "Persentase perangkat daerah yang didampingi", "Persen", "100 25 50 75 100"),
        row("", "Jumlah perangkat daerah yang dievaluasi", "Perangkat Daerah", "12 3 6 9 12"),
    ];
    super::unplace_values_of_another_indicator(&mut rows);
    let target = |r: &Row| r.get(Role::Target).unwrap_or("").to_string();
    assert_eq!(rows.iter().map(target).collect::<Vec<_>>(), ["", "38", "100", "12"]);
    assert!(rows[0].warnings.iter().any(|w| w == "values_unaligned"));
}

#[test]
fn a_short_indicator_run_into_its_unit_stays_the_indicator() {
    // pdftotext ran a short indicator and its unit cell into one line, a
    // paragraph of its own: "Nilai SAKIP" is the indicator, "Nilai" the unit.
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
         Sasaran 1 Meningkatnya akuntabilitas kinerja\n\nNilai SAKIP Nilai\n\n80\n\n-\n\n-\n\n-\n\n80\n",
    );
    let r = rows(&table(&text));
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].1.as_str(), r[0].2.as_str()), ("Nilai SAKIP", "Nilai"));
}

#[test]
fn a_percentage_cut_at_its_cells_edge_keeps_its_values() {
    // "Persent" / "ase": a tail of three letters; the unit made whole is a
    // percentage, as its indicator says, so the values stay.
    let text = format!("RENCANA AKSI TAHUN 2026\n\n{HEADER}\n\nPersentase layanan yang \ndiselesaikan\n\nPersent\n\nase\n\n95\n95\n95\n95\n95\n");
    let r = rows(&table(&text));
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!((r[0].2.as_str(), r[0].3.clone()), ("Persentase", v("95 95 95 95 95")));
}

#[test]
fn a_percentage_indicator_beside_another_unit_leaves_its_values() {
    // The in-order reading paired "Persentase ..." with the next row's
    // unit and values ("Orang" 150 - 50 50 50): neither is its own.
    let text = String::from(
        "RENCANA AKSI TAHUN 2026\n\nNO URAIAN INDIKATOR KINERJA SATUAN TARGET TW I TW II TW III TW IV\n\n\
         Program 3 Pengembangan Kepemudaan\n\nPersentase organisasi kepemudaan yang aktif\n\nOrang\n\n150\n\n-\n\n50\n\n50\n\n50\n",
    );
    let r = rows(&table(&text));
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].3, v(""));
}

#[test]
fn a_row_printed_whole_keeps_its_values_where_counts_elsewhere_fail() {
    // The third row's indicator is lost and its values run on with numbers
    // no row takes: the counts that pair indicators and values by order no
    // longer agree. The rows printed whole before it (indicator, unit, a
    // run of values the arithmetic confirms) need no counting and keep
    // their values; the third row's are withheld.
    let text = cell_per_paragraph(&[
        (Some("Persentase pencari kerja yang\nditempatkan"), "Persen", "42 8 12 12 10", "Sekretaris"),
        (Some("Jumlah peserta pelatihan berbasis\nkompetensi"), "Orang", "320 - 112 144 64", "Kabid Pelatihan"),
        (None, "Hari", "9.600 - 18 4 5 5 4", "BLK Sragen"),
    ]);
    let columns = [Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Responsible];
    let recovered = super::recover::recover(&read(&text), &columns);
    let rows: Vec<(&str, &str, &str, &str)> = recovered
        .rows
        .iter()
        .map(|r| (r.get(Role::Indicator).unwrap_or(""), r.get(Role::Unit).unwrap_or(""), r.get(Role::Target).unwrap_or(""), r.get(Role::Tw4).unwrap_or("")))
        .collect();
    assert_eq!(
        rows,
        [
            ("Persentase pencari kerja yang ditempatkan", "Persen", "42", "10"),
            ("Jumlah peserta pelatihan berbasis kompetensi", "Orang", "320", "64"),
            ("", "Hari", "", ""),
        ],
        "{:?}",
        recovered.warnings
    );
    assert!(recovered.warnings.iter().any(|w| w.starts_with("stray_values")), "{:?}", recovered.warnings);
}

#[test]
fn a_unit_left_without_an_indicator_leaves_the_rows_paired_by_order_unread() {
    // The first row's indicator is not printed: paired by order, each
    // indicator would take the row above's unit and values ("Jumlah ASN
    // yang mengikuti seminar" with 480). With more units than indicators
    // no pairing by order can be trusted.
    let text = cell_per_paragraph(&[
        (None, "Orang", "480 60 160 160 100", "Sekretaris"),
        (Some("Jumlah ASN yang mengikuti\nseminar teknis"), "Orang", "240 0 80 80 80", "Subbid Diklat"),
        (Some("Jumlah ASN yang mengikuti\nbimbingan teknis"), "Orang", "120 30 30 30 30", "Subbid Diklat"),
    ]);
    let columns = [Role::Node, Role::Indicator, Role::Unit, Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Responsible];
    let recovered = super::recover::recover(&read(&text), &columns);
    let paired: Vec<(&str, Option<&str>)> = recovered.rows.iter().map(|r| (r.get(Role::Indicator).unwrap_or(""), r.get(Role::Target))).collect();
    assert!(recovered.warnings.iter().any(|w| w.starts_with("units_without_indicator")), "{:?}", recovered.warnings);
    assert!(paired.iter().all(|p| p.1.is_none()), "{paired:?}");
}

#[test]
fn a_baseline_column_after_the_target_withholds_every_value() {
    // KONDISI AWAL between TARGET and the quarters: a flow dump runs last
    // year's value into the row's values, where it would be read as TW I.
    // (Before the target it is kept aside: see
    // `a_baseline_before_the_years_target_is_kept_aside_under_its_name`.)
    let text = "URAIAN\nINDIKATOR KINERJA\nSATUAN\nTARGET\nKONDISI\nAWAL\nTW I\nTW II\nTW III\nTW IV\n\n\
                Program 1 Pengelolaan Pendidikan\nPersentase sekolah terakreditasi\nPersen\n76,00\n70,00\n73,00\n74,00\n75,00\n76,00\n";
    let t = table(text);
    let with_indicator: Vec<&Row> = t.rows.iter().filter(|r| r.has_indicator()).collect();
    assert!(!with_indicator.is_empty(), "{:?}", t.rows);
    for r in with_indicator {
        assert!(Role::VALUES.iter().all(|role| r.get(*role).is_none()), "{r:?}");
        assert!(r.warnings.iter().any(|w| w == "values_unconfirmed"));
    }
    assert!(t.warnings.iter().any(|w| w.starts_with("values_withheld")), "{:?}", t.warnings);
    // Without the column, the same row keeps its values.
    let plain = table(&text.replace("KONDISI\nAWAL\n", "").replace("70,00\n", ""));
    assert!(plain.rows.iter().any(|r| r.get(Role::Target) == Some("76,00")), "{:?}", plain.rows);
    // The header's lines interleaved with the next cell's ("KONDISI" /
    // "TARGET" / "AWAL" / "2026" / "2025").
    let interleaved = table(&text.replace("KONDISI\nAWAL\nTARGET\n", "KONDISI\nTARGET\nAWAL\n"));
    assert!(interleaved.warnings.iter().any(|w| w.starts_with("values_withheld")), "{:?}", interleaved.warnings);
}

#[test]
fn two_indicators_printed_before_two_units_go_to_their_rows_in_order() {
    // pdftotext printed both rows' indicator cells, then the first unit and
    // values, the first row's responsible, the second unit and values.
    let text = "URAIAN\n\nINDIKATOR KINERJA\n\nSATUAN\n\nTARGET\n\nTW I\n\nTW II\n\nTW III\n\nTW IV\n\nPENANGGUNG JAWAB\n\n\
                Sub Kegiatan 1\nPengelolaan Arsip Inaktif\n\nJumlah arsip inaktif yang ditata\nJumlah daftar arsip inaktif yang tersusun\n\n\
                Boks\n\n1.800\n\n400\n\n900\n\n1.400\n\n1.800\n\nSeksi Arsip Dinamis\n\nDokumen\n\n36\n\n8\n\n18\n\n28\n\n36\n\nSeksi Arsip Dinamis\n";
    let t = table(text);
    let got: Vec<(String, String, Option<String>)> = t
        .rows
        .iter()
        .filter(|r| r.has_indicator())
        .map(|r| (r.get(Role::Indicator).unwrap_or("").to_string(), r.get(Role::Unit).unwrap_or("").to_string(), r.get(Role::Target).map(str::to_string)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Jumlah arsip inaktif yang ditata".to_string(), "Boks".to_string(), Some("1.800".to_string())),
            ("Jumlah daftar arsip inaktif yang tersusun".to_string(), "Dokumen".to_string(), Some("36".to_string())),
        ],
        "{:?}",
        t.rows
    );
}

#[test]
fn two_indicators_run_together_are_told_apart_where_an_opener_starts_again() {
    assert_eq!(
        super::two_indicators("Jumlah arsip inaktif yang ditata Jumlah daftar arsip inaktif yang tersusun"),
        Some(("Jumlah arsip inaktif yang ditata".to_string(), "Jumlah daftar arsip inaktif yang tersusun".to_string()))
    );
    // One indicator, or three: no split.
    assert_eq!(super::two_indicators("Jumlah arsip inaktif yang ditata"), None);
    assert_eq!(super::two_indicators("Jumlah arsip ditata Jumlah daftar tersusun Persentase arsip tertata"), None);
}

#[test]
fn a_line_naming_the_bare_label_above_opens_no_node_of_its_own() {
    let src = |texts: &[&str]| -> Vec<super::SrcLine> {
        texts.iter().enumerate().map(|(i, t)| super::SrcLine { page: 1, line: i as u32 + 1, text: t.to_string(), para_break: false, after_header: false, open_end: false }).collect()
    };
    assert_eq!(super::labelled_lines(&src(&["PROGRAM1", "Program Keserasian Kebijakan", "a) Persentase", "KEGIATAN 1", "Pelembagaan"])), 2);
    assert_eq!(super::labelled_lines(&src(&["Program 1 Pelayanan", "Program 2 Pembinaan"])), 2);
}

#[test]
fn a_formula_column_between_indicator_and_unit_is_the_definition() {
    // mutool prints the FORMULA cell as a block of its own after the
    // indicator's; the NO column's "1.1" and its wrapped "1.1.1.1." / "1"
    // are row numbers, not the row before's PENANGGUNG JAWAB.
    let text = "RENCANA AKSI TAHUN 2026\n\nNO\nURAIAN\nINDIKATOR KINERJA\nFORMULA /\n\nCARA PENGHITUNGAN\n\nSATUAN\nTARGET\nTW I\nTW II\nTW III\nTW IV\nPENANGGUNG JAWAB\n\n\
        1\nSasaran 1\nMeningkatnya kualitas \npengelolaan anggaran\n\n1. Tingkat penyerapan \nanggaran belanja daerah\n\nRealisasi belanja daerah / \npagu belanja x 100%\n\nPersen\n95\n18\n42\n70\n95\nSekretaris\n\n\
        2. Waktu rata-rata \npenerbitan SP2D\n\nJumlah hari proses / \njumlah SP2D\n\nHari Kerja\n1,5\n2\n2\n1,5\n1,5\nSekretaris\n\n\
        1.1.1.1.\n\n1\n\nSub Kegiatan 1\nPenyusunan RKA SKPD\n\nJumlah dokumen RKA yang \ndiverifikasi\n\nJumlah RKA yang selesai \ndiverifikasi\n\nDokumen\n48\n-\n48\n48\n48\nKabid Anggaran\n";
    let t = table(text);
    let with_ind: Vec<&Row> = t.rows.iter().filter(|r| r.get(Role::Indicator).is_some()).collect();
    let got: Vec<(&str, &str, &str)> = with_ind.iter().map(|r| (r.get(Role::Indicator).unwrap_or(""), r.get(Role::Definition).unwrap_or(""), r.get(Role::Responsible).unwrap_or(""))).collect();
    assert_eq!(
        got,
        [
            ("1. Tingkat penyerapan anggaran belanja daerah", "Realisasi belanja daerah / pagu belanja x 100%", "Sekretaris"),
            ("2. Waktu rata-rata penerbitan SP2D", "Jumlah hari proses / jumlah SP2D", "Sekretaris"),
            ("Jumlah dokumen RKA yang diverifikasi", "Jumlah RKA yang selesai diverifikasi", "Kabid Anggaran"),
        ]
    );
    assert_eq!(with_ind[1].get(Role::Target), Some("1,5"));
}

#[test]
fn five_values_that_add_up_fill_the_quarters_when_the_budget_is_blank() {
    // ANGGARAN printed before TARGET; the row has no budget, and its five
    // values are its target and quarters.
    let text = "RENCANA AKSI TAHUN 2027\n\nURAIAN INDIKATOR KINERJA SATUAN ANGGARAN TARGET TW I TW II TW III TW IV\n\n\
        Program 1 Penyelenggaraan LLAJ\nWaktu tunggu rata-rata\nMenit 15 15 15 15 15\n\nJumlah halte yang dibangun\nUnit 1.250.000.000 12 3 6 9 12\n";
    let r = rows(&table(text));
    assert_eq!(r[0].3, v("15 15 15 15 15"), "{r:?}");
    assert_eq!(r[1].3, v("12 3 6 9 12"), "{r:?}");
}

#[test]
fn a_renstra_target_before_the_years_is_kept_aside_and_notes_under_the_table_are_no_row() {
    let text = "RENCANA AKSI TAHUN 2025\n\nNO\nURAIAN\nINDIKATOR KINERJA\nSATUAN\nTARGET\nAKHIR\n\nRENSTRA\n\n(2026)\n\nTARGET\nTAHUN\n2025\n\nTRIWULAN\n\nI\nII\nIII\nIV\n\n\
        Program 1\nPROGRAM PENATAAN ORGANISASI\n\nPersentase rekomendasi yang \nditindaklanjuti\n\n%\n100\n85\n20\n40\n60\n85\n\n\
        Jumlah dokumen evaluasi\n\nDokumen\n3\n1\n-\n-\n-\n1\n\nKeterangan:\n1. Target triwulan bersifat kumulatif.\n2. Sesuai Peraturan Bupati Nomor 12 Tahun 2021.\n\nKendal, 3 Januari 2025\nKEPALA BAGIAN\n";
    let t = table(text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].3, v("85 20 40 60 85"));
    assert_eq!(r[1].3, v("1 - - - 1"));
    let renstra: Vec<&str> = t.rows.iter().flat_map(|r| r.extra.iter().map(|(_, v)| v.as_str())).collect();
    assert_eq!(renstra, ["100", "3"]);
}

#[test]
fn a_header_piece_is_no_node() {
    use super::is_header_piece_as_node;
    // The header's last lines taken for the first row's node.
    assert!(is_header_piece_as_node("SUB KEGIATAN RENCANA CAPAIAN PER"));
    assert!(is_header_piece_as_node("INDIKATOR KINERJA"));
    // A bare level word may be a node's label; a name in capitals is a node's.
    assert!(!is_header_piece_as_node("PROGRAM"));
    assert!(!is_header_piece_as_node("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"));
    assert!(!is_header_piece_as_node("Rencana capaian per triwulan"));
}

#[test]
fn quarters_named_on_a_second_header_row_stand_beside_the_target() {
    use super::quarters_beside_target;
    use Role::*;
    // TARGET over "TAHUN 2026", TW I .. TW IV; the trailing cells two rows high.
    let read = vec![No, Node, Indicator, Unit, Target, Budget, Responsible, Note, Tw1, Tw2, Tw3, Tw4];
    assert_eq!(quarters_beside_target(read), [No, Node, Indicator, Unit, Target, Tw1, Tw2, Tw3, Tw4, Budget, Responsible, Note]);
    // Already beside it, or with another column between: as read.
    let plain = vec![Node, Indicator, Unit, Target, Tw1, Tw2, Tw3, Tw4, Budget];
    assert_eq!(quarters_beside_target(plain.clone()), plain);
    let other = vec![Node, Target, Indicator, Tw1, Tw2, Tw3, Tw4];
    assert_eq!(quarters_beside_target(other.clone()), other);
    assert_eq!(quarters_beside_target(vec![Target, Tw1]), [Target, Tw1]);
}

#[test]
fn a_blank_first_quarter_opens_a_run_of_values() {
    use super::{find_anchors, Tok};
    let words = ["dibangun", "Titik", "-", "24", "48", "24", "96", "Seksi", "Prasarana", "minimal", "B", "34,31", "35", "36", "37", "38"];
    let toks: Vec<Tok> = words.iter().enumerate().map(|(line, text)| Tok { text, line }).collect();
    let anchors = find_anchors(&toks, 5);
    // "Titik" over "- 24 48 24 96" (TW I blank, the target last) anchors
    // its row; a letter grade before numbers still does not ("minimal B").
    assert_eq!(anchors[0].values, ["-", "24", "48", "24", "96"]);
    assert!(anchors.iter().all(|a| a.values[0] != "B"));
}

#[test]
fn a_word_target_with_its_quarters_run_on_one_line_anchors_its_row() {
    use super::{find_anchors, Tok};
    // "Kategori" / "Kondusif" / "Kondusif Kondusif Kondusif Kondusif Satpol PP"
    let lines: [&[&str]; 4] = [&["ketertiban", "umum"], &["Kategori"], &["Kondusif"], &["Kondusif", "Kondusif", "Kondusif", "Kondusif", "Satpol"]];
    let toks: Vec<Tok> = lines.iter().enumerate().flat_map(|(line, ws)| ws.iter().map(move |text| Tok { text, line })).collect();
    let anchors = find_anchors(&toks, 5);
    assert_eq!(anchors.len(), 1);
    assert_eq!(toks[anchors[0].unit_tok].text, "Kategori");
    // The five cells, and the row's values end before "Satpol".
    assert_eq!(anchors[0].values, ["Kondusif"; 5]);
    assert_eq!(toks[anchors[0].end].text, "Satpol");
}

#[test]
fn five_cells_of_one_word_after_a_unit_the_vocabulary_lacks_are_a_row() {
    use super::{find_anchors, Tok};
    // gen134's mutool dump: "Status" / "Siaga" x 5, each on its line.
    let lines: [&[&str]; 8] = [&["Pusdalops", "24", "jam"], &["Status"], &["Siaga"], &["Siaga"], &["Siaga"], &["Siaga"], &["Siaga"], &["b.", "Persentase"]];
    let toks: Vec<Tok> = lines.iter().enumerate().flat_map(|(line, ws)| ws.iter().map(move |text| Tok { text, line })).collect();
    let anchors = find_anchors(&toks, 5);
    assert_eq!(anchors.len(), 1);
    assert_eq!(toks[anchors[0].unit_tok].text, "Status");
    assert_eq!(anchors[0].values, ["Siaga"; 5]);
}

#[test]
fn a_row_number_where_the_budget_would_be_is_no_budget() {
    let roles = [Role::Target, Role::Tw1, Role::Tw2, Role::Tw3, Role::Tw4, Role::Budget];
    let vals = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // The next row's NO cell "3" after a row that obeys: left out.
    let mut row = Row::default();
    super::assign_values(&mut row, &vals(&["12", "3", "6", "9", "12", "3"]), &roles);
    assert_eq!((row.get(Role::Target), row.get(Role::Tw4), row.get(Role::Budget)), (Some("12"), Some("12"), None));
    // A sum of money is the budget.
    let mut row = Row::default();
    super::assign_values(&mut row, &vals(&["12", "3", "6", "9", "12", "250.000.000"]), &roles);
    assert_eq!(row.get(Role::Budget), Some("250.000.000"));
}

#[test]
fn a_bound_printed_with_a_space_is_one_value() {
    assert_eq!(super::prep::with_bounds_joined(["≤", "2,5", "Bidang", ">", "x"].map(String::from).to_vec()), ["≤2,5", "Bidang", ">", "x"]);
    assert!(super::words::is_num("≤2,5") && super::words::is_num("≥85") && !super::words::is_num("≥"));
    assert_eq!(super::prep::with_bounds_joined(["Rp.", "865.000.000,-"].map(String::from).to_vec()), ["Rp.865.000.000,-"]);
    assert_eq!(super::prep::with_bounds_joined(["usia", "<", "5", "tahun"].map(String::from).to_vec()), ["usia", "<", "5", "tahun"]);
    assert!(super::words::is_num("Rp.865.000.000,-"));
}

#[test]
fn a_baseline_before_the_years_target_is_kept_aside_under_its_name() {
    let text = "RENCANA AKSI TAHUN 2025\n\nNO\nURAIAN\nINDIKATOR KINERJA\nSATUAN\nKONDISI\nAWAL\n\nTARGET\nTAHUN\n2025\n\nTRIWULAN\n\nI\nII\nIII\nIV\n\n\
        Program 1\nPROGRAM PENATAAN ORGANISASI\n\nPersentase rekomendasi yang \nditindaklanjuti\n\n%\n80\n85\n20\n40\n60\n85\n\n\
        Jumlah dokumen evaluasi\n\nDokumen\n2\n1\n-\n-\n-\n1\n";
    let t = table(text);
    let r = rows(&t);
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!(r[0].3, v("85 20 40 60 85"));
    assert_eq!(r[1].3, v("1 - - - 1"));
    let kept: Vec<(&str, &str)> = t.rows.iter().flat_map(|r| r.extra.iter().map(|(n, v)| (n.as_str(), v.as_str()))).collect();
    assert_eq!(kept, [("KONDISI AWAL", "80"), ("KONDISI AWAL", "2")]);
}

#[test]
fn a_budget_after_a_rows_grades_is_its_value() {
    use super::{find_anchors, Tok};
    let words = ["Dinas", "Nilai", "B", "-", "-", "-", "B", "1.184.320.000,-", "Sekretaris"];
    let toks: Vec<Tok> = words.iter().enumerate().map(|(line, text)| Tok { text, line }).collect();
    // With a budget column the sum is the row's sixth value; without one
    // the row's five values stand alone.
    assert_eq!(find_anchors(&toks, 6)[0].values, ["B", "-", "-", "-", "B", "1.184.320.000,-"]);
    assert_eq!(find_anchors(&toks, 5)[0].values, ["B", "-", "-", "-", "B"]);
    // A grade before a quarter's number is still text ("minimal B").
    let words = ["Nilai", "B", "-", "34,31", "35", "36", "1.184.320.000"];
    let toks: Vec<Tok> = words.iter().enumerate().map(|(line, text)| Tok { text, line }).collect();
    assert!(find_anchors(&toks, 6).iter().all(|a| a.values[0] != "B"));
}

#[test]
fn a_bound_printed_with_a_space_is_a_value_line() {
    use super::unit_last::{kind_of, Kind};
    let line = |t: &str| crate::extract::text::read(t).remove(0).lines.remove(0);
    assert_eq!(kind_of(&line("≥ 90"), false), Kind::Values);
    assert_eq!(kind_of(&line("≤ 2,5 ≤ 2,5"), false), Kind::Values);
    assert_eq!(kind_of(&line("usia < 5 tahun"), false), Kind::Other);
}

#[test]
fn a_first_node_with_its_bare_label_on_a_line_of_its_own_is_no_header_cell() {
    // Cells one a line under a header cut in lines: "Sasaran" over its
    // name opens the body.
    let text = "NO\nURAIAN\nINDIKATOR KINERJA\nSATUAN\nTARGET\nTW I\nTW II\nTW III\nTW IV\n\nSasaran\nMeningkatnya budaya gemar membaca\n\nNilai Tingkat Gemar Membaca\n\nNilai\n62,35\n-\n-\n-\n62,35\n";
    let t = table(text);
    let got = rows(&t);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.as_deref().is_some_and(|n| n.contains("Meningkatnya budaya")), "{got:?}");
    assert_eq!(got[0].1, "Nilai Tingkat Gemar Membaca");
    assert_eq!(got[0].3, v("62,35 - - - 62,35"));
}

#[test]
fn a_baseline_after_the_quarters_group_cell_is_still_before_the_target() {
    // mutool prints the "TARGET TRIWULAN" group cell first, the KONDISI
    // AWAL and TARGET cells under the header's first row later: the
    // baseline is still the column before the year's target.
    let text = "RENCANA AKSI TAHUN 2025\n\nNO\nURAIAN\nINDIKATOR KINERJA\nSATUAN\n\nTARGET TRIWULAN\n\nKONDISI\nAWAL\nTAHUN 2024\n\nTARGET\nTAHUN\n2025\n\nTW I\nTW II\nTW III\nTW IV\n\n\
        Program 1\nPROGRAM PENATAAN ORGANISASI\n\nPersentase rekomendasi yang \nditindaklanjuti\n\n%\n80\n85\n20\n40\n60\n85\n";
    let t = table(text);
    let r = rows(&t);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].3, v("85 20 40 60 85"));
    assert_eq!(t.rows[0].extra, [("KONDISI AWAL".to_string(), "80".to_string())]);
}

#[test]
fn quarters_paired_with_their_money_keep_the_money_apart() {
    // Each quarter as FISIK / KEUANGAN (Rp): the money follows its
    // quarter's target in the row's values; a row with no money prints its
    // five values alone; values that do not add up are no row's.
    let header = "RENCANA AKSI TAHUN 2023\n\nINDIKATOR KINERJA\nSATUAN TARGET\n2023\n\nTW I\nTW II\nTW III\nTW IV\nFisik\nKeuangan\n(Rp)\nFisik\nKeuangan\n(Rp)\nFisik\nKeuangan\n(Rp)\nFisik\nKeuangan\n(Rp)\n\n";
    let rows_text = "Sasaran 1\nMeningkatnya kerukunan\n\nIndeks Kerukunan Umat Beragama\nIndeks\n78,4\n-\n-\n-\n78,4\n\n\
        Kegiatan 1\nFasilitasi Kebijakan\n\nJumlah dokumen yang difasilitasi\nDokumen\n6\n1\n285.000.000\n3\n570.000.000\n5\n855.000.000\n6\n1.140.000.000\n\n\
        Jumlah rapat koordinasi\nKali\n48\n12\n18.000.000\n24\n2%\n36\n54.000.000\n48\n72.000.000\n";
    let t = table(&format!("{header}{rows_text}"));
    let r = rows(&t);
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!(r[0].3, v("78,4 - - - 78,4"));
    assert_eq!(r[1].3, v("6 1 3 5 6"));
    let money: Vec<&str> = t.rows[1].extra.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(money, ["TW I Keuangan (Rp)", "TW II Keuangan (Rp)", "TW III Keuangan (Rp)", "TW IV Keuangan (Rp)"]);
    assert!(r[2].3.iter().all(String::is_empty), "{r:?}");
}
