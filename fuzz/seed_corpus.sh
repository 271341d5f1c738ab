#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds from the fixtures (the corpus
# folders are not in git):
#   text_reader: the text dumps under fixtures/ (flow, layout, mutool; ≤ 64 KB);
#   pdf_reader:  the fixture PDFs (no scans, ≤ 64 KB), their first pages alone and uncompressed
#                (qpdf, when installed), and small hand-made PDFs (Courier,
#                no embedded font, uncompressed content: a few KB each, so
#                mutations reach the content-stream and table code rather
#                than the deflate and font decoders) made from the layout
#                dumps by make_pdf.py.
# Then: cargo +nightly fuzz run text_reader -- -dict=fuzz/text.dict
set -euo pipefail
FUZZ=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$FUZZ")
T=$FUZZ/corpus/text_reader P=$FUZZ/corpus/pdf_reader
mkdir -p "$T" "$P"
for f in "$ROOT"/fixtures/*/*.txt; do
    (( $(stat -c %s "$f") <= 65536 )) || continue
    cp "$f" "$T/$(basename "$(dirname "$f")")-$(basename "$f")"; done
for f in "$ROOT"/fixtures/*/*.pdf; do
    # Scans are left out: every run on one would start Tesseract (seconds).
    case $f in *.scan.pdf) continue ;; esac
    (( $(stat -c %s "$f") <= 65536 )) || continue
    b=$(basename "$f" .pdf)
    cp "$f" "$P/$b.pdf"
    if command -v qpdf >/dev/null; then
        qpdf --empty --pages "$f" 1 -- "$P/$b-p1.pdf"
        qpdf --qdf --object-streams=disable --compress-streams=n "$P/$b-p1.pdf" "$P/$b-p1.qdf.pdf" || true
    fi
done
for f in "$ROOT"/fixtures/*/*.layout.txt; do
    python3 "$FUZZ/make_pdf.py" "$f" "$P/courier-$(basename "$f" .layout.txt).pdf"
done
echo "seeds: $(ls "$T" | wc -l) text, $(ls "$P" | wc -l) pdf"
