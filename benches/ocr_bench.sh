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
#        the cheapest run counts).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${RENCANA:-${CARGO_TARGET_DIR:-target}/release/rencana}
RUNS=${RUNS:-3}
for tool in tesseract pdfimages python3; do
    command -v "$tool" >/dev/null || { echo "ocr_bench: '$tool' is missing (apt-get install tesseract-ocr poppler-utils)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "ocr_bench: no binary at $BIN (cargo build --release first)" >&2; exit 1; }
[ $# -gt 0 ] || set -- fixtures/scan/*.pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export OMP_THREAD_LIMIT=1

# CPU seconds (user + system, the command and its child processes) of the
# cheapest of $RUNS runs. CPU time, not wall time: the machines this runs on
# are shared, and with one thread on each side CPU time is what a page costs.
cheapest() {
    python3 - "$RUNS" "$@" <<'PY'
import resource, subprocess, sys
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best = cpu if best is None else min(best, cpu)
print(best)
PY
}

# Tesseract alone on every page image of the current PDF.
tesseract_pages() {
    for img in "$tmp"/img-*; do
        tesseract "$img" stdout -l ind+eng --psm 11 -c preserve_interword_spaces=1 tsv
    done
}
export -f tesseract_pages
export tmp

printf "%-28s %5s %14s %14s %7s\n" file pages "rencana cpu/p" "tesseract cpu/p" ratio
for pdf in "$@"; do
    rm -f "$tmp"/img-*
    pdfimages -all "$pdf" "$tmp/img"
    pages=$(ls "$tmp"/img-* | wc -l)
    # One page at a time on both sides, so neither competes with itself.
    ours=$(RAYON_NUM_THREADS=1 cheapest "$BIN" convert "$pdf" -o "$tmp/out.csv")
    theirs=$(cheapest bash -c tesseract_pages)
    awk -v f="$(basename "$pdf")" -v p="$pages" -v a="$ours" -v b="$theirs" \
        'BEGIN { printf "%-28s %5d %14.2f %14.2f %7.2f\n", f, p, a / p, b / p, a / b }'
done
