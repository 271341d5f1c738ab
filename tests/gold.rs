//! Gold scores: each input fixture that has a gold file is converted to CSV
//! and scored with a port of the corpus scorer's row-exact check. Each input
//! has a floor just under its score when the floor was set, so a converter
//! change that loses rows fails here. Raise a floor when the converter
//! improves (the table printed with `--nocapture` says which).
//!
//! ```sh
//! cargo test --release --test gold -- --nocapture
//! ```

mod common;
#[path = "gold/score.rs"]
mod score;

use common::{convert, input_fixtures, render, Input};
use rencana::write::Format;
use score::{norm_text, ratio, read_pred, score, Score};

/// The lowest row_exact each input may score (inputs relative to `fixtures/`).
const FLOORS: &[(&str, f64)] = &[
    ("seed/rencana-aksi-2025.layout.txt", 1.000),
    ("seed/rencana-aksi-2025.pdf", 1.000),
    ("seed/rencana-aksi-2025.txt", 1.000),
    ("synthetic/dev01.layout.txt", 1.000),
    ("synthetic/dev01.mutool.txt", 1.000),
    ("synthetic/dev01.pdf", 1.000),
    ("synthetic/dev01.txt", 1.000),
    ("synthetic/dev02.layout.txt", 1.000),
    ("synthetic/dev02.mutool.txt", 1.000),
    ("synthetic/dev02.pdf", 1.000),
    ("synthetic/dev02.txt", 1.000),
    ("synthetic/dev03.layout.txt", 1.000),
    ("synthetic/dev03.mutool.txt", 1.000),
    ("synthetic/dev03.pdf", 1.000),
    ("synthetic/dev03.txt", 1.000),
    ("synthetic/dev04.layout.txt", 1.000),
    ("synthetic/dev04.mutool.txt", 1.000),
    ("synthetic/dev04.pdf", 1.000),
    ("synthetic/dev04.txt", 1.000),
    ("synthetic/dev05.layout.txt", 1.000),
    ("synthetic/dev05.mutool.txt", 1.000),
    ("synthetic/dev05.pdf", 1.000),
    ("synthetic/dev05.txt", 1.000),
    ("synthetic/dev06.layout.txt", 1.000),
    ("synthetic/dev06.mutool.txt", 1.000),
    ("synthetic/dev06.pdf", 1.000),
    ("synthetic/dev06.txt", 1.000),
    // Held-out plans from fixtures/generated/make_plans.py, at their measured
    // scores: the flow dumps of these tables are far from solved (see the
    // README), so these floors only keep them from getting worse.
    ("generated/gen01.layout.txt", 1.0),
    // Lowered from 0.588: rows whose values slipped against their units
    // (recover::slipped_rows) are left empty, the six wrong numbers with
    // two rows that were right.
    ("generated/gen01.mutool.txt", 1.000),
    ("generated/gen01.pdf", 1.000),
    ("generated/gen01.txt", 0.250),
    ("generated/gen02.layout.txt", 1.000),
    ("generated/gen02.mutool.txt", 1.000),
    ("generated/gen02.pdf", 1.000),
    ("generated/gen02.txt", 0.466),
    ("generated/gen03.layout.txt", 1.000),
    ("generated/gen03.mutool.txt", 1.000),
    ("generated/gen03.pdf", 1.000),
    ("generated/gen03.txt", 0.285),
    ("generated/gen04.layout.txt", 1.000),
    ("generated/gen04.mutool.txt", 1.000),
    ("generated/gen04.pdf", 1.000),
    ("generated/gen04.txt", 0.750),
    ("generated/gen05.layout.txt", 1.000),
    ("generated/gen05.mutool.txt", 1.000),
    ("generated/gen05.pdf", 1.000),
    ("generated/gen05.txt", 0.421),
    ("generated/gen06.layout.txt", 1.0),
    ("generated/gen06.mutool.txt", 1.000),
    ("generated/gen06.pdf", 1.000),
    ("generated/gen06.txt", 0.357),
    // gen05's plan with SATUAN after the quarters and an extra REALISASI
    // column: its flow dumps are read with their units moved in front of
    // their values (reflow/flow/unit_last.rs).
    ("generated/gen07.layout.txt", 1.000),
    ("generated/gen07.mutool.txt", 1.000),
    ("generated/gen07.pdf", 1.000),
    ("generated/gen07.txt", 0.850),
    // Validation plans (gen08-gen10), made to judge the flow reader's rules
    // on plans they were not tuned on; floors at their measured scores.
    ("generated/gen08.layout.txt", 1.000),
    ("generated/gen08.mutool.txt", 1.000),
    ("generated/gen08.pdf", 1.000),
    ("generated/gen08.txt", 1.000),
    ("generated/gen09.layout.txt", 1.000),
    ("generated/gen09.mutool.txt", 1.000),
    ("generated/gen09.pdf", 1.000),
    ("generated/gen09.txt", 0.909),
    ("generated/gen10.layout.txt", 1.000),
    ("generated/gen10.mutool.txt", 1.0),
    ("generated/gen10.pdf", 1.000),
    ("generated/gen10.txt", 0.700),
    // Validation plans written blind in session 11 (gen11-gen16): floors at
    // their scores when added, raised as the rules they showed were fixed.
    ("generated/gen11.layout.txt", 1.000),
    ("generated/gen11.mutool.txt", 1.000),
    ("generated/gen11.pdf", 1.000),
    ("generated/gen11.txt", 0.380),
    ("generated/gen12.layout.txt", 1.000),
    ("generated/gen12.mutool.txt", 1.000),
    ("generated/gen12.pdf", 1.000),
    ("generated/gen12.txt", 0.214),
    ("generated/gen13.layout.txt", 1.000),
    ("generated/gen13.mutool.txt", 1.000),
    ("generated/gen13.pdf", 1.000),
    ("generated/gen13.txt", 0.769),
    ("generated/gen14.layout.txt", 1.000),
    ("generated/gen14.mutool.txt", 0.950),
    ("generated/gen14.pdf", 1.000),
    ("generated/gen14.txt", 0.300),
    ("generated/gen15.layout.txt", 1.000),
    ("generated/gen15.mutool.txt", 1.000),
    ("generated/gen15.pdf", 1.000),
    ("generated/gen15.txt", 0.100),
    ("generated/gen16.layout.txt", 0.960),
    ("generated/gen16.mutool.txt", 0.880),
    ("generated/gen16.pdf", 1.000),
    ("generated/gen16.txt", 0.360),
    // gen17-gen20: written blind in session 12; floors at the scores after
    // that session's fixes.
    ("generated/gen17.layout.txt", 1.000),
    ("generated/gen17.mutool.txt", 0.888),
    ("generated/gen17.pdf", 1.000),
    ("generated/gen17.txt", 0.611),
    ("generated/gen18.layout.txt", 1.000),
    ("generated/gen18.mutool.txt", 0.954),
    ("generated/gen18.pdf", 1.000),
    ("generated/gen18.txt", 0.363),
    ("generated/gen19.layout.txt", 1.000),
    ("generated/gen19.mutool.txt", 1.000),
    ("generated/gen19.pdf", 1.000),
    ("generated/gen19.txt", 0.380),
    ("generated/gen20.layout.txt", 1.000),
    ("generated/gen20.mutool.txt", 0.962),
    ("generated/gen20.pdf", 1.000),
    ("generated/gen20.txt", 0.629),
    ("generated/gen21.layout.txt", 1.000),
    ("generated/gen21.mutool.txt", 0.833),
    ("generated/gen21.pdf", 1.000),
    ("generated/gen21.txt", 0.000),
    ("generated/gen22.layout.txt", 1.000),
    ("generated/gen22.mutool.txt", 0.827),
    ("generated/gen22.pdf", 1.000),
    ("generated/gen22.txt", 0.000),
    ("generated/gen23.layout.txt", 0.958),
    ("generated/gen23.mutool.txt", 0.708),
    ("generated/gen23.pdf", 1.000),
    ("generated/gen23.txt", 0.083),
    ("generated/gen24.layout.txt", 0.965),
    ("generated/gen24.mutool.txt", 1.000),
    ("generated/gen24.pdf", 1.000),
    ("generated/gen24.txt", 0.266),
    ("generated/gen25.layout.txt", 0.960),
    ("generated/gen25.mutool.txt", 0.880),
    ("generated/gen25.pdf", 1.000),
    ("generated/gen25.txt", 0.000),
    ("generated/gen26.layout.txt", 1.000),
    ("generated/gen26.mutool.txt", 0.976),
    ("generated/gen26.pdf", 1.000),
    ("generated/gen26.txt", 0.176),
    ("generated/gen27.layout.txt", 1.000),
    ("generated/gen27.mutool.txt", 0.958),
    ("generated/gen27.pdf", 1.000),
    ("generated/gen27.txt", 0.125),
    ("generated/gen28.layout.txt", 0.935),
    ("generated/gen28.mutool.txt", 0.588),
    ("generated/gen28.pdf", 1.000),
    ("generated/gen28.txt", 0.000),
    ("generated/gen29.layout.txt", 1.000),
    ("generated/gen29.mutool.txt", 0.240),
    ("generated/gen29.pdf", 1.000),
    ("generated/gen29.txt", 0.000),
    ("generated/gen30.layout.txt", 1.000),
    ("generated/gen30.mutool.txt", 0.966),
    ("generated/gen30.pdf", 1.000),
    ("generated/gen30.txt", 0.000),
    ("generated/gen31.layout.txt", 0.636),
    ("generated/gen31.mutool.txt", 0.954),
    ("generated/gen31.pdf", 1.000),
    ("generated/gen31.txt", 0.000),
    ("generated/gen32.layout.txt", 1.000),
    ("generated/gen32.mutool.txt", 0.818),
    ("generated/gen32.pdf", 1.000),
    ("generated/gen32.txt", 0.181),
    ("generated/gen33.layout.txt", 1.000),
    ("generated/gen33.mutool.txt", 0.240),
    ("generated/gen33.pdf", 1.000),
    ("generated/gen33.txt", 0.023),
    ("generated/gen34.layout.txt", 0.727),
    ("generated/gen34.mutool.txt", 0.863),
    ("generated/gen34.pdf", 1.000),
    ("generated/gen34.txt", 0.000),
    ("generated/gen35.layout.txt", 0.920),
    ("generated/gen35.mutool.txt", 0.360),
    ("generated/gen35.pdf", 0.960),
    ("generated/gen35.txt", 0.555),
    ("generated/gen36.layout.txt", 1.000),
    ("generated/gen36.mutool.txt", 1.000),
    ("generated/gen36.pdf", 1.000),
    ("generated/gen36.txt", 0.590),
    ("generated/gen37.layout.txt", 1.000),
    ("generated/gen37.mutool.txt", 1.000),
    ("generated/gen37.pdf", 1.000),
    ("generated/gen37.txt", 0.172),
    ("generated/gen38.layout.txt", 0.960),
    ("generated/gen38.mutool.txt", 0.680),
    ("generated/gen38.pdf", 1.000),
    ("generated/gen38.txt", 0.240),
    ("generated/gen39.layout.txt", 1.000),
    ("generated/gen39.mutool.txt", 0.500),
    ("generated/gen39.pdf", 1.000),
    ("generated/gen39.txt", 0.307),
    ("generated/gen40.layout.txt", 0.954),
    ("generated/gen40.mutool.txt", 1.000),
    ("generated/gen40.pdf", 1.000),
    ("generated/gen40.txt", 0.500),
    ("generated/gen41.layout.txt", 0.968),
    ("generated/gen41.mutool.txt", 0.875),
    ("generated/gen41.pdf", 1.000),
    ("generated/gen41.txt", 0.625),
    ("generated/gen42.layout.txt", 1.000),
    ("generated/gen42.mutool.txt", 0.950),
    ("generated/gen42.pdf", 1.000),
    ("generated/gen42.txt", 0.000),
    ("generated/gen43.layout.txt", 0.913),
    ("generated/gen43.mutool.txt", 0.826),
    ("generated/gen43.pdf", 1.000),
    ("generated/gen43.txt", 0.500),
    ("generated/gen44.layout.txt", 1.000),
    ("generated/gen44.mutool.txt", 0.695),
    ("generated/gen44.pdf", 1.000),
    ("generated/gen44.txt", 0.000),
    ("generated/gen45.layout.txt", 1.000),
    // 0.400 -> 0.320 (session 17): rows left-filled by a dump that drops
    // blank cells gave 10 wrong numbers; their values are withheld now.
    ("generated/gen45.mutool.txt", 0.740),
    ("generated/gen45.pdf", 1.000),
    ("generated/gen45.txt", 0.000),
    ("generated/gen46.layout.txt", 0.863),
    ("generated/gen46.mutool.txt", 0.000),
    ("generated/gen46.pdf", 1.000),
    ("generated/gen46.txt", 0.000),
    ("generated/gen47.layout.txt", 0.960),
    ("generated/gen47.mutool.txt", 0.660),
    ("generated/gen47.pdf", 1.000),
    ("generated/gen47.txt", 0.078),
    ("generated/gen48.layout.txt", 1.000),
    ("generated/gen48.mutool.txt", 0.650),
    ("generated/gen48.pdf", 1.000),
    ("generated/gen48.txt", 0.400),
    ("generated/gen49.layout.txt", 0.880),
    ("generated/gen49.mutool.txt", 0.760),
    ("generated/gen49.pdf", 1.000),
    ("generated/gen49.txt", 0.054),
    ("generated/gen50.layout.txt", 1.000),
    ("generated/gen50.mutool.txt", 0.000),
    ("generated/gen50.pdf", 1.000),
    ("generated/gen50.txt", 0.000),
    ("generated/gen51.layout.txt", 0.863),
    ("generated/gen51.mutool.txt", 0.000),
    ("generated/gen51.pdf", 0.909),
    ("generated/gen51.txt", 0.000),
    ("generated/gen52.layout.txt", 1.000),
    ("generated/gen52.mutool.txt", 0.960),
    ("generated/gen52.pdf", 1.000),
    ("generated/gen52.txt", 0.760),
    ("generated/gen53.layout.txt", 1.000),
    ("generated/gen53.mutool.txt", 0.450),
    ("generated/gen53.pdf", 1.000),
    ("generated/gen53.txt", 0.000),
    ("generated/gen54.layout.txt", 1.000),
    ("generated/gen54.mutool.txt", 0.550),
    ("generated/gen54.pdf", 1.000),
    ("generated/gen54.txt", 0.000),
    ("generated/gen55.layout.txt", 1.000),
    ("generated/gen55.mutool.txt", 0.650),
    ("generated/gen55.pdf", 1.000),
    ("generated/gen55.txt", 0.450),
    ("generated/gen56.layout.txt", 0.809),
    ("generated/gen56.mutool.txt", 0.000),
    ("generated/gen56.pdf", 0.952),
    ("generated/gen56.txt", 0.000),
    ("generated/gen57.layout.txt", 0.920),
    ("generated/gen57.mutool.txt", 0.920),
    ("generated/gen57.pdf", 0.960),
    ("generated/gen57.txt", 0.458),
    ("generated/gen58.layout.txt", 0.964),
    ("generated/gen58.mutool.txt", 0.928),
    ("generated/gen58.pdf", 1.000),
    ("generated/gen58.txt", 0.321),
    ("generated/gen59.layout.txt", 0.789),
    ("generated/gen59.mutool.txt", 0.000),
    ("generated/gen59.pdf", 1.000),
    ("generated/gen59.txt", 0.157),
    ("generated/gen60.layout.txt", 0.961),
    ("generated/gen60.mutool.txt", 0.846),
    ("generated/gen60.pdf", 1.000),
    ("generated/gen60.txt", 0.038),
    ("generated/gen61.layout.txt", 1.000),
    ("generated/gen61.mutool.txt", 0.620),
    ("generated/gen61.pdf", 1.000),
    ("generated/gen61.txt", 0.586),
    ("generated/gen62.layout.txt", 1.000),
    ("generated/gen62.mutool.txt", 0.916),
    ("generated/gen62.pdf", 1.000),
    ("generated/gen62.txt", 0.375),
    ("generated/gen63.layout.txt", 1.000),
    ("generated/gen63.mutool.txt", 0.000),
    ("generated/gen63.pdf", 1.000),
    ("generated/gen63.txt", 0.046),
    ("generated/gen64.layout.txt", 1.000),
    ("generated/gen64.mutool.txt", 0.950),
    ("generated/gen64.pdf", 1.000),
    ("generated/gen64.txt", 0.500),
    ("generated/gen65.layout.txt", 1.000),
    ("generated/gen65.mutool.txt", 0.400),
    ("generated/gen65.pdf", 1.000),
    ("generated/gen65.txt", 0.409),
    ("generated/gen66.layout.txt", 1.000),
    ("generated/gen66.mutool.txt", 0.111),
    ("generated/gen66.pdf", 1.000),
    ("generated/gen66.txt", 0.000),
    ("generated/gen67.layout.txt", 1.000),
    ("generated/gen67.mutool.txt", 0.000),
    ("generated/gen67.pdf", 1.000),
    ("generated/gen67.txt", 0.000),
    ("generated/gen68.layout.txt", 1.000),
    ("generated/gen68.mutool.txt", 0.800),
    ("generated/gen68.pdf", 1.000),
    ("generated/gen68.txt", 0.631),
    ("generated/gen69.layout.txt", 1.000),
    ("generated/gen69.mutool.txt", 0.727),
    ("generated/gen69.pdf", 1.000),
    ("generated/gen69.txt", 0.090),
    ("generated/gen70.layout.txt", 0.500),
    ("generated/gen70.mutool.txt", 0.000),
    ("generated/gen70.pdf", 0.925),
    ("generated/gen70.txt", 0.153),
    ("generated/gen71.layout.txt", 1.000),
    ("generated/gen71.mutool.txt", 0.000),
    ("generated/gen71.pdf", 1.000),
    ("generated/gen71.txt", 0.000),
    ("generated/gen72.layout.txt", 0.833),
    ("generated/gen72.mutool.txt", 0.000),
    ("generated/gen72.pdf", 1.000),
    ("generated/gen72.txt", 0.000),
    ("generated/gen73.layout.txt", 1.000),
    ("generated/gen73.mutool.txt", 0.666),
    ("generated/gen73.pdf", 1.000),
    ("generated/gen73.txt", 0.259),
    ("generated/gen74.layout.txt", 0.888),
    ("generated/gen74.mutool.txt", 0.000),
    ("generated/gen74.pdf", 0.962),
    ("generated/gen74.txt", 0.000),
    ("generated/gen75.layout.txt", 0.666),
    ("generated/gen75.mutool.txt", 0.000),
    ("generated/gen75.pdf", 1.000),
    ("generated/gen75.txt", 0.000),
    ("generated/gen76.layout.txt", 0.863),
    ("generated/gen76.mutool.txt", 0.265),
    ("generated/gen76.pdf", 1.000),
    ("generated/gen76.txt", 0.209),
    ("generated/gen77.layout.txt", 1.000),
    ("generated/gen77.mutool.txt", 0.000),
    ("generated/gen77.pdf", 1.000),
    ("generated/gen77.txt", 0.000),
    ("generated/gen78.layout.txt", 1.000),
    ("generated/gen78.mutool.txt", 0.947),
    ("generated/gen78.pdf", 1.000),
    ("generated/gen78.txt", 0.142),
    ("generated/gen79.layout.txt", 0.090),
    ("generated/gen79.mutool.txt", 0.000),
    ("generated/gen79.pdf", 1.000),
    ("generated/gen79.txt", 0.000),
    ("generated/gen80.layout.txt", 1.000),
    ("generated/gen80.mutool.txt", 0.941),
    ("generated/gen80.pdf", 1.000),
    ("generated/gen80.txt", 0.263),
    ("generated/gen81.layout.txt", 0.857),
    ("generated/gen81.mutool.txt", 0.952),
    ("generated/gen81.pdf", 1.000),
    ("generated/gen81.txt", 0.000),
    ("generated/gen82.layout.txt", 0.937),
    ("generated/gen82.mutool.txt", 0.000),
    ("generated/gen82.pdf", 1.000),
    ("generated/gen82.txt", 0.000),
    ("generated/gen83.layout.txt", 1.000),
    ("generated/gen83.mutool.txt", 0.000),
    ("generated/gen83.pdf", 1.000),
    ("generated/gen83.txt", 0.368),
    ("generated/gen84.layout.txt", 1.000),
    ("generated/gen84.mutool.txt", 0.000),
    ("generated/gen84.pdf", 1.000),
    ("generated/gen84.txt", 0.000),
    ("generated/gen85.layout.txt", 1.000),
    ("generated/gen85.mutool.txt", 0.080),
    ("generated/gen85.pdf", 1.000),
    ("generated/gen85.txt", 0.200),
    ("generated/gen86.layout.txt", 1.000),
    ("generated/gen86.mutool.txt", 0.772),
    ("generated/gen86.pdf", 1.000),
    ("generated/gen86.txt", 0.090),
    ("generated/gen87.layout.txt", 0.857),
    ("generated/gen87.mutool.txt", 0.000),
    ("generated/gen87.pdf", 1.000),
    ("generated/gen87.txt", 0.076),
    ("generated/gen88.layout.txt", 0.944),
    ("generated/gen88.mutool.txt", 0.833),
    ("generated/gen88.pdf", 1.000),
    ("generated/gen88.txt", 0.611),
    ("generated/gen89.layout.txt", 1.000),
    ("generated/gen89.mutool.txt", 0.892),
    ("generated/gen89.pdf", 1.000),
    ("generated/gen89.txt", 0.500),
    ("generated/gen90.layout.txt", 1.000),
    ("generated/gen90.mutool.txt", 0.958),
    ("generated/gen90.pdf", 1.000),
    ("generated/gen90.txt", 0.583),
    ("generated/gen91.layout.txt", 1.000),
    ("generated/gen91.mutool.txt", 0.000),
    ("generated/gen91.pdf", 1.000),
    ("generated/gen91.txt", 0.000),
    ("generated/gen92.layout.txt", 1.000),
    ("generated/gen92.mutool.txt", 0.900),
    ("generated/gen92.pdf", 1.000),
    ("generated/gen92.txt", 0.300),
    ("generated/gen93.layout.txt", 0.961),
    ("generated/gen93.mutool.txt", 0.923),
    ("generated/gen93.pdf", 1.000),
    ("generated/gen93.txt", 0.000),
    ("generated/gen94.layout.txt", 1.000),
    ("generated/gen94.mutool.txt", 0.764),
    ("generated/gen94.pdf", 1.000),
    ("generated/gen94.txt", 0.411),
    ("generated/gen95.layout.txt", 0.928),
    ("generated/gen95.mutool.txt", 1.000),
    ("generated/gen95.pdf", 1.000),
    ("generated/gen95.txt", 0.714),
    ("generated/gen96.layout.txt", 1.000),
    ("generated/gen96.mutool.txt", 0.916),
    ("generated/gen96.pdf", 1.000),
    ("generated/gen96.txt", 0.583),
    ("generated/gen100.layout.txt", 1.000),
    ("generated/gen100.mutool.txt", 0.476),
    ("generated/gen100.pdf", 1.000),
    ("generated/gen100.txt", 0.666),
    ("generated/gen97.layout.txt", 1.000),
    ("generated/gen97.mutool.txt", 0.961),
    ("generated/gen97.pdf", 1.000),
    ("generated/gen97.txt", 0.076),
    ("generated/gen98.layout.txt", 1.000),
    ("generated/gen98.mutool.txt", 0.294),
    ("generated/gen98.pdf", 1.000),
    ("generated/gen98.txt", 0.117),
    ("generated/gen99.layout.txt", 0.952),
    ("generated/gen99.mutool.txt", 0.317),
    ("generated/gen99.pdf", 1.000),
    ("generated/gen99.txt", 0.227),
    ("generated/gen101.layout.txt", 1.000),
    ("generated/gen101.mutool.txt", 1.000),
    ("generated/gen101.pdf", 1.000),
    ("generated/gen101.txt", 0.526),
    ("generated/gen102.layout.txt", 1.000),
    ("generated/gen102.mutool.txt", 0.666),
    ("generated/gen102.pdf", 1.000),
    ("generated/gen102.txt", 0.684),
    ("generated/gen103.layout.txt", 1.000),
    ("generated/gen103.mutool.txt", 0.315),
    ("generated/gen103.pdf", 1.000),
    ("generated/gen103.txt", 0.000),
    ("generated/gen104.layout.txt", 0.944),
    ("generated/gen104.mutool.txt", 0.722),
    ("generated/gen104.pdf", 1.000),
    ("generated/gen104.txt", 0.500),
    ("generated/gen105.layout.txt", 1.000),
    ("generated/gen105.mutool.txt", 1.000),
    ("generated/gen105.pdf", 1.000),
    ("generated/gen105.txt", 0.000),
    ("generated/gen106.layout.txt", 1.000),
    ("generated/gen106.mutool.txt", 0.937),
    ("generated/gen106.pdf", 1.000),
    ("generated/gen106.txt", 0.000),
    ("generated/gen107.layout.txt", 0.937),
    ("generated/gen107.mutool.txt", 0.562),
    ("generated/gen107.pdf", 1.000),
    ("generated/gen107.txt", 0.187),
    ("generated/gen108.layout.txt", 1.000),
    ("generated/gen108.mutool.txt", 0.850),
    ("generated/gen108.pdf", 1.000),
    ("generated/gen108.txt", 0.350),
    ("generated/gen109.layout.txt", 0.965),
    ("generated/gen109.mutool.txt", 1.000),
    ("generated/gen109.pdf", 1.000),
    ("generated/gen109.txt", 0.200),
    ("generated/gen110.layout.txt", 0.882),
    ("generated/gen110.mutool.txt", 0.777),
    ("generated/gen110.pdf", 1.000),
    ("generated/gen110.txt", 0.000),
    ("generated/gen111.layout.txt", 0.965),
    ("generated/gen111.mutool.txt", 0.793),
    ("generated/gen111.pdf", 1.000),
    ("generated/gen111.txt", 0.068),
    ("generated/gen112.layout.txt", 1.000),
    ("generated/gen112.mutool.txt", 0.909),
    ("generated/gen112.pdf", 1.000),
    ("generated/gen112.txt", 0.000),
    ("generated/gen113.layout.txt", 1.000),
    ("generated/gen113.mutool.txt", 0.913),
    ("generated/gen113.pdf", 1.000),
    ("generated/gen113.txt", 0.347),
    ("generated/gen114.layout.txt", 0.960),
    ("generated/gen114.mutool.txt", 0.280),
    ("generated/gen114.pdf", 0.960),
    ("generated/gen114.txt", 0.075),
    ("generated/gen115.layout.txt", 0.850),
    ("generated/gen115.mutool.txt", 0.950),
    ("generated/gen115.pdf", 1.000),
    ("generated/gen115.txt", 0.150),
    ("generated/gen116.layout.txt", 0.888),
    ("generated/gen116.mutool.txt", 0.666),
    ("generated/gen116.pdf", 1.000),
    ("generated/gen116.txt", 0.000),
    ("generated/gen117.layout.txt", 1.000),
    ("generated/gen117.mutool.txt", 0.052),
    ("generated/gen117.pdf", 1.000),
    ("generated/gen117.txt", 0.157),
    ("generated/gen118.layout.txt", 0.653),
    ("generated/gen118.mutool.txt", 0.000),
    ("generated/gen118.pdf", 1.000),
    ("generated/gen118.txt", 0.000),
    ("generated/gen119.layout.txt", 0.842),
    ("generated/gen119.mutool.txt", 0.000),
    ("generated/gen119.pdf", 1.000),
    ("generated/gen119.txt", 0.000),
    ("generated/gen120.layout.txt", 0.777),
    ("generated/gen120.mutool.txt", 0.333),
    ("generated/gen120.pdf", 0.777),
    ("generated/gen120.txt", 0.166),
    ("generated/gen121.layout.txt", 1.000),
    ("generated/gen121.mutool.txt", 0.521),
    ("generated/gen121.pdf", 1.000),
    ("generated/gen121.txt", 0.000),
    ("generated/gen122.layout.txt", 0.888),
    ("generated/gen122.mutool.txt", 0.363),
    ("generated/gen122.pdf", 1.000),
    ("generated/gen122.txt", 0.000),
    ("generated/gen123.layout.txt", 0.684),
    ("generated/gen123.mutool.txt", 0.000),
    ("generated/gen123.pdf", 1.000),
    ("generated/gen123.txt", 0.000),
    ("generated/gen124.layout.txt", 0.875),
    ("generated/gen124.mutool.txt", 0.750),
    ("generated/gen124.pdf", 1.000),
    ("generated/gen124.txt", 0.187),
    ("generated/gen125.layout.txt", 1.000),
    ("generated/gen125.mutool.txt", 0.423),
    ("generated/gen125.pdf", 1.000),
    ("generated/gen125.txt", 0.153),
    ("generated/gen126.layout.txt", 0.863),
    ("generated/gen126.mutool.txt", 0.347),
    ("generated/gen126.pdf", 1.000),
    ("generated/gen126.txt", 0.045),
    ("generated/gen127.layout.txt", 0.722),
    ("generated/gen127.mutool.txt", 0.000),
    ("generated/gen127.pdf", 1.000),
    ("generated/gen127.txt", 0.000),
    ("generated/gen128.layout.txt", 0.842),
    ("generated/gen128.mutool.txt", 0.000),
    ("generated/gen128.pdf", 1.000),
    ("generated/gen128.txt", 0.000),
    ("generated/gen129.layout.txt", 0.960),
    ("generated/gen129.mutool.txt", 0.920),
    ("generated/gen129.pdf", 1.000),
    ("generated/gen129.txt", 0.444),
    ("generated/gen130.layout.txt", 1.000),
    ("generated/gen130.mutool.txt", 0.454),
    ("generated/gen130.pdf", 1.000),
    ("generated/gen130.txt", 0.409),
    ("generated/gen131.layout.txt", 0.857),
    ("generated/gen131.mutool.txt", 0.000),
    ("generated/gen131.pdf", 1.000),
    ("generated/gen131.txt", 0.000),
    ("generated/gen132.layout.txt", 1.000),
    ("generated/gen132.mutool.txt", 0.894),
    ("generated/gen132.pdf", 1.000),
    ("generated/gen132.txt", 0.000),
    ("generated/gen133.layout.txt", 1.000),
    ("generated/gen133.mutool.txt", 0.000),
    ("generated/gen133.pdf", 1.000),
    ("generated/gen133.txt", 0.454),
    ("generated/gen134.layout.txt", 1.000),
    ("generated/gen134.mutool.txt", 0.750),
    ("generated/gen134.pdf", 1.000),
    ("generated/gen134.txt", 0.277),
    ("generated/gen135.layout.txt", 1.000),
    ("generated/gen135.mutool.txt", 0.923),
    ("generated/gen135.pdf", 1.000),
    ("generated/gen135.txt", 0.000),
    ("generated/gen136.layout.txt", 1.000),
    ("generated/gen136.mutool.txt", 0.850),
    ("generated/gen136.pdf", 1.000),
    ("generated/gen136.txt", 0.206),
    ("generated/gen137.layout.txt", 0.791),
    ("generated/gen137.mutool.txt", 0.000),
    ("generated/gen137.pdf", 1.000),
    ("generated/gen137.txt", 0.192),
    ("generated/gen138.layout.txt", 0.772),
    ("generated/gen138.mutool.txt", 0.000),
    ("generated/gen138.pdf", 1.000),
    ("generated/gen138.txt", 0.000),
    ("generated/gen139.layout.txt", 0.960),
    ("generated/gen139.mutool.txt", 0.480),
    ("generated/gen139.pdf", 1.000),
    ("generated/gen139.txt", 0.000),
    ("generated/gen140.layout.txt", 0.545),
    ("generated/gen140.mutool.txt", 0.000),
    ("generated/gen140.pdf", 0.772),
    ("generated/gen140.txt", 0.000),
    ("generated/gen141.layout.txt", 0.875),
    ("generated/gen141.mutool.txt", 0.240),
    ("generated/gen141.pdf", 1.000),
    ("generated/gen141.txt", 0.041),
    ("generated/gen142.layout.txt", 0.809),
    ("generated/gen142.mutool.txt", 0.809),
    ("generated/gen142.pdf", 1.000),
    ("generated/gen142.txt", 0.428),
    ("generated/gen143.layout.txt", 0.666),
    ("generated/gen143.mutool.txt", 0.000),
    ("generated/gen143.pdf", 1.000),
    ("generated/gen143.txt", 0.000),
    ("generated/gen144.layout.txt", 1.000),
    ("generated/gen144.mutool.txt", 0.714),
    ("generated/gen144.pdf", 1.000),
    ("generated/gen144.txt", 0.086),
];

/// Scores below the floor by no more than this are float noise.
const EPSILON: f64 = 1e-9;
/// A score this far above its floor is worth raising the floor for.
const RAISE_HINT: f64 = 0.02;

/// Converts an input the way the CLI does and scores its CSV; an input that
/// fails to convert scores as no rows, as in the corpus evaluation.
fn score_input(input: &Input) -> (Score, Option<String>) {
    let gold_path = input.gold().expect("input has a gold file");
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    match convert(&input.path) {
        Ok(doc) => (score(&gold, &read_pred(&render(&[doc], Format::Csv))), None),
        Err(e) => (score(&gold, &[]), Some(common::portable_error(&e))),
    }
}

/// The floor to set for a score: the score rounded down to 3 decimals.
fn floor_for(row_exact: f64) -> f64 {
    (row_exact * 1000.0 + EPSILON).floor() / 1000.0
}

fn floor_of(rel: &str) -> Option<f64> {
    FLOORS.iter().find(|(r, _)| *r == rel).map(|(_, f)| *f)
}

#[test]
fn every_input_scores_at_least_its_floor() {
    let inputs: Vec<Input> = input_fixtures().into_iter().filter(|i| i.gold().is_some()).collect();
    let mut table = format!(
        "{:<36} {:>4} {:>4} {:>7} {:>5} {:>9} {:>6}\n",
        "input", "gold", "pred", "matched", "exact", "row_exact", "floor"
    );
    let mut failures = Vec::new();
    let mut suggested = String::from("const FLOORS: &[(&str, f64)] = &[\n");
    let mut worth_raising = false;
    let (mut exact, mut rows) = (0, 0);
    for input in &inputs {
        let (s, error) = score_input(input);
        let floor = floor_of(&input.rel);
        exact += s.exact;
        rows += s.gold.max(s.pred);
        let note = match floor {
            None => {
                failures.push(format!("{}: no floor in FLOORS (it scores {:.3})", input.rel, s.row_exact));
                "  <- no floor".to_string()
            }
            Some(f) if s.row_exact + EPSILON < f => {
                failures.push(format!("{}: row_exact {:.3} is below its floor {f:.3}", input.rel, s.row_exact));
                "  <- BELOW FLOOR".to_string()
            }
            Some(f) if s.row_exact > f + RAISE_HINT => {
                worth_raising = true;
                "  (raise the floor)".to_string()
            }
            Some(_) => String::new(),
        };
        suggested.push_str(&format!("    ({:?}, {:.3}),\n", input.rel, floor_for(s.row_exact)));
        let error = error.map(|e| format!("  error: {e}")).unwrap_or_default();
        table.push_str(&format!(
            "{:<36} {:>4} {:>4} {:>7} {:>5} {:>9.3} {:>6}{note}{error}\n",
            input.rel,
            s.gold,
            s.pred,
            s.matched,
            s.exact,
            s.row_exact,
            floor.map(|f| format!("{f:.3}")).unwrap_or_else(|| "-".into()),
        ));
    }
    table.push_str(&format!("overall row_exact={:.3} ({exact} of {rows} rows)\n", exact as f64 / rows.max(1) as f64));
    suggested.push_str("];\n");
    println!("\n{table}");
    if worth_raising || !failures.is_empty() {
        println!("Floors at the current scores, to paste into tests/gold.rs once reviewed:\n{suggested}");
    }
    let stale: Vec<&str> =
        FLOORS.iter().map(|(r, _)| *r).filter(|r| !inputs.iter().any(|i| i.rel == *r)).collect();
    assert!(stale.is_empty(), "floors for inputs that are not fixtures: {stale:?}");
    assert!(failures.is_empty(), "{}\n\n{table}", failures.join("\n"));
}

#[test]
fn the_2025_text_dump_gives_exactly_the_gold_rows() {
    let input = input_fixtures().into_iter().find(|i| i.rel == "seed/rencana-aksi-2025.txt").unwrap();
    let (s, error) = score_input(&input);
    assert_eq!(error, None);
    assert_eq!((s.gold, s.pred, s.exact), (63, 63, 63), "{s:?}");
}

// The port must agree with the Python scorer; these values are what
// `score.py` (difflib, re) gives for the same inputs.

#[test]
fn similarity_matches_difflib() {
    assert_eq!(ratio(b"abcd", b"bcde"), 0.75);
    assert_eq!(ratio(b"persentasekoperasisehat", b"prosentasekoperasiaktif"), 0.8260869565217391);
    assert_eq!(ratio(b"", b""), 1.0);
    // Long sequences drop their most common bytes as match starts (autojunk).
    let a = "jumlahkoperasiyangsehatdibagijumlahkoperasidikalikanseratus".repeat(4);
    let b = "jumlahkoperasiaktifdibagijumlahkoperasiterdaftardikalikanseratus".repeat(4);
    assert_eq!(ratio(a.as_bytes(), b.as_bytes()), 0.056910569105691054);
}

#[test]
fn text_normalisation_matches_the_scorer() {
    assert_eq!(norm_text("Indikator Tujuan 2 : Kontribusi  UMKM ( PDRB ) ", false), "Kontribusi UMKM(PDRB)");
    assert_eq!(norm_text("1. Persentase koperasi Sehat", false), "Persentase koperasi Sehat");
    assert_eq!(
        norm_text("Sub. Kegiatan 1 : Pendidikan dan latihan , Perkoperasian", true),
        "Pendidikan dan latihan,Perkoperasian"
    );
    assert_eq!(norm_text("Su kegiatan 6 Fasilitasi", true), "Fasilitasi");
}

#[test]
fn missed_and_invented_rows_count_against_row_exact() {
    let gold = serde_json::json!({"doc": "t", "rows": [
        {"level": "program", "program": "Program 1 Pembinaan", "indicator": "1. Persentase koperasi sehat",
         "unit": "Persen", "target": "7,1", "tw1": "", "tw2": "", "tw3": "", "tw4": "7.1"},
        {"level": "program", "program": "Pembinaan", "indicator": "Jumlah UMKM binaan",
         "unit": "Unit", "target": "10", "tw1": "", "tw2": "", "tw3": "", "tw4": "10"},
    ]});
    let csv = "level,program,indicator,unit,unit_raw,target,tw1,tw2,tw3,tw4\n\
               program,Pembinaan,Persentase koperasi sehat,persen,Prosentase,7.1,,,,7.100\n\
               program,Pembinaan,Rasio yang lain sama sekali,unit,Unit,1,,,,1\n";
    let s = score(&gold, &read_pred(csv));
    // The first rows pair up (the label and the number are stripped before
    // comparing), but the gold's "7,1" is text to the scorer, not 7.1; the
    // second gold row is missed and the second predicted row invented.
    assert_eq!((s.gold, s.pred, s.matched, s.exact), (2, 2, 1, 0), "{s:?}");
    let gold_fixed = serde_json::json!({"doc": "t", "rows": [
        {"level": "program", "program": "Pembinaan", "indicator": "Persentase koperasi sehat",
         "unit": "Persen", "target": "7.1", "tw1": "", "tw2": "-", "tw3": "", "tw4": "7.1"},
    ]});
    let s = score(&gold_fixed, &read_pred(csv));
    assert_eq!((s.gold, s.pred, s.matched, s.exact), (1, 2, 1, 1), "{s:?}");
    assert_eq!(s.row_exact, 0.5);
}
