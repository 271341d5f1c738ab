#!/usr/bin/env bash
# OCR time per page: `rencana convert` on a scanned PDF against Tesseract
# alone on the same page images, with the same settings (ind+eng, sparse
# text, TSV, one thread). The ratio is rencana's cost over Tesseract's:
# decoding the page image, levelling, border and lone-glyph finding, the
# paste-up, and the reflow.
#
# usage: benches/ocr_bench.sh [SCAN.pdf ...]   (default: fixtures/scan/*.pdf)
# needs: tesseract-ocr, tesseract-ocr-ind, tesseract-ocr-eng, and
#        poppler-utils (pdfimages, for Tesseract's own input); a release build.
# env:   RENCANA (binary, default target/release/rencana), RUNS (default 3;
#        the fastest run counts, to keep other load on the machine out).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${RENCANA:-${CARGO_TARGET_DIR:-target}/release/rencana}
RUNS=${RUNS:-3}
for tool in tesseract pdfimages; do
    command -v "$tool" >/dev/null || { echo "ocr_bench: '$tool' is missing (apt-get install tesseract-ocr poppler-utils)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "ocr_bench: no binary at $BIN (cargo build --release first)" >&2; exit 1; }
[ $# -gt 0 ] || set -- fixtures/scan/*.pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMP_THREAD_LIMIT=1

# Fastest of $RUNS runs of a command, in seconds.
fastest() {
    local best=""
    for _ in $(seq "$RUNS"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        t1=$(date +%s.%N)
        best=$(awk -v t0="$t0" -v t1="$t1" -v b="$best" 'BEGIN { d = t1 - t0; print (b == "" || d < b) ? d : b }')
    done
    echo "$best"
}

tesseract_pages() {
    for img in "$tmp"/img-*; do
        tesseract "$img" stdout -l ind+eng --psm 11 -c preserve_interword_spaces=1 tsv
    done
}

printf "%-28s %5s %12s %12s %7s\n" file pages "rencana s/p" "tesseract s/p" ratio
for pdf in "$@"; do
    rm -f "$tmp"/img-*
    pdfimages -all "$pdf" "$tmp/img"
    pages=$(ls "$tmp"/img-* | wc -l)
    # One page at a time on both sides: rencana would otherwise run the
    # pages in parallel and look faster per page than it is.
    ours=$(RAYON_NUM_THREADS=1 fastest "$BIN" convert "$pdf" -o "$tmp/out.csv")
    theirs=$(fastest tesseract_pages)
    awk -v f="$(basename "$pdf")" -v p="$pages" -v a="$ours" -v b="$theirs" \
        'BEGIN { printf "%-28s %5d %12.2f %12.2f %7.2f\n", f, p, a / p, b / p, a / b }'
done
