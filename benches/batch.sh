#!/usr/bin/env bash
# Batch benchmark (issue 6): 1,000 documents, copies of the corpus inputs of
# every kind (text PDFs, flow, layout and mutool dumps), under distinct names
# in a tree of 10 folders, converted by one `rencana convert` run.
#
#   bash benches/batch.sh                 # build, then measure
#   RUNS=5 bash benches/batch.sh          # more repetitions (medians are reported)
#
# Measures
#   (a) text path throughput on flow dumps, --jobs 1: total bytes of the flow
#       .txt inputs / seconds / 1 (target ≥ 50 MB/s per core); also layout
#       and mutool dumps, and with folder output;
#   (b) PDF path pages per second (--jobs 1 and --jobs 2);
#   (c) speed-up from --jobs 1 to --jobs 2 on the whole set (target ≥ 1.8×),
#       with folder output and with combined output;
#   (d) peak RSS for 1,000 documents vs 10 (the 10 inputs that need the
#       most memory to convert alone), with
#       combined output (-o all.csv) and folder output (-o out/) (target
#       ratio ≤ 1.2); and for 1,000 vs 10 copies of one flow dump (only the
#       number of documents differs);
#   (e) outputs byte-identical for --jobs 1 and --jobs 2 (diff -r, cmp);
# and prints a table at the end.
#
# Scanned PDFs (*.scan.pdf: OCR with Tesseract, seconds per page) are left
# out unless SCANS=1. Wall times are medians of RUNS runs; CPU is user +
# system. On a busy machine (see the load average printed) the speed-up and
# wall-time figures are pessimistic: compare the CPU column.
#
# Environment: RENCANA=path/to/rencana (skip the build), CORPUS=dir (default
# ../shared/corpus beside the repository, else fixtures/), DOCS (1000),
# SMALL (10), RUNS (3), SCANS=1, KEEP=1 keeps the work folder, ONLY=memory
# measures (d) alone.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
[[ -d $CORPUS ]] || CORPUS=$ROOT/fixtures
DOCS=${DOCS:-1000}
SMALL=${SMALL:-10}
RUNS=${RUNS:-3}

need() { # need COMMAND DEBIAN-PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "installing $2 for $1 ..." >&2
        { apt-get install -y "$2" || { apt-get update && apt-get install -y "$2"; }; } >/dev/null 2>&1 || true
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is needed (Debian package $2)" >&2; exit 2; }
}
export DEBIAN_FRONTEND=noninteractive
need pdfinfo poppler-utils
[[ -x /usr/bin/time ]] || need /usr/bin/time time

if [[ -z ${RENCANA:-} ]]; then
    (cd "$ROOT" && cargo build --release --quiet)
    TARGET_DIR=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
    RENCANA=$TARGET_DIR/release/rencana
fi
[[ -x $RENCANA ]] || { echo "error: no rencana binary at $RENCANA" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rencana-batchbench.XXXXXX")
if [[ -z ${KEEP:-} ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work folder: $WORK"; fi

# --- the templates: every corpus input, by kind
kind_of() {
    case $1 in
        *.scan.pdf) echo scan ;;
        *.pdf) echo pdf ;;
        *.layout.txt) echo layout ;;
        *.mutool.txt) echo mutool ;;
        *.txt) echo flow ;;
        *) echo other ;;
    esac
}
TEMPLATES=() TKIND=() TPAGES=() TBYTES=()
shopt -s nullglob
for f in "$CORPUS"/*/*.pdf "$CORPUS"/*/*.txt; do
    k=$(kind_of "$f")
    [[ $k == scan && -z ${SCANS:-} ]] && continue
    p=0
    [[ $k == pdf || $k == scan ]] && p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    TEMPLATES+=("$f") TKIND+=("$k") TPAGES+=("${p:-0}") TBYTES+=("$(stat -c %s "$f")")
done
NT=${#TEMPLATES[@]}
((NT > 0)) || { echo "error: no inputs under $CORPUS" >&2; exit 2; }

# --- 1,000 documents: the templates in turn, 10 folders, distinct names.
# Kind subsets (flow/, layout/, mutool/, pdf/) hold hard links to the same copies.
ALL=$WORK/docs
mkdir -p "$ALL" "$WORK"/sub/{flow,layout,mutool,pdf,scan}
declare -A KBYTES=([flow]=0 [layout]=0 [mutool]=0 [pdf]=0 [scan]=0) KPAGES=([pdf]=0 [scan]=0) KCOUNT=()
TOTAL_BYTES=0 TOTAL_PAGES=0
for ((i = 0; i < DOCS; i++)); do
    t=$((i % NT)) k=${TKIND[$((i % NT))]}
    dir=$ALL/g$(printf %02d $((i * 10 / DOCS)))
    mkdir -p "$dir"
    name=$(printf '%04d-%s' "$i" "$(basename "${TEMPLATES[$t]}")")
    cp "${TEMPLATES[$t]}" "$dir/$name"
    ln "$dir/$name" "$WORK/sub/$k/$name"
    KBYTES[$k]=$((KBYTES[$k] + TBYTES[t]))
    KCOUNT[$k]=$((${KCOUNT[$k]:-0} + 1))
    TOTAL_BYTES=$((TOTAL_BYTES + TBYTES[t]))
    if [[ $k == pdf || $k == scan ]]; then
        KPAGES[$k]=$((KPAGES[$k] + TPAGES[t]))
        TOTAL_PAGES=$((TOTAL_PAGES + TPAGES[t]))
    fi
done
# The small set: one copy each of the SMALL templates that need the most
# memory to convert alone (peak RSS of one run each). The 1,000 hold copies
# of all of them, so a ratio near 1 says memory does not grow with the
# number of documents; comparing with lighter documents (say the largest
# files, mostly PDFs) would measure the mix instead.
SMALLDIR=$WORK/small
mkdir -p "$SMALLDIR"
for j in "${!TEMPLATES[@]}"; do
    /usr/bin/time -f '%M' -o "$WORK/time-one" "$RENCANA" convert "${TEMPLATES[$j]}" -o "$WORK/one.csv" --quiet 2>/dev/null || true
    TRSS[$j]=$(tail -1 "$WORK/time-one")
done
for t in $(for j in "${!TEMPLATES[@]}"; do echo "${TRSS[$j]} $j"; done | sort -rn | head -n "$SMALL" | awk '{print $2}'); do
    cp "${TEMPLATES[$t]}" "$SMALLDIR/$(basename "${TEMPLATES[$t]}")"
done
# The same-document sets: SMALL and DOCS copies of the flow dump with the
# largest working set (the reading-order recovery), so that only the number
# of documents differs (the mixed sets above also differ in their mix: the
# largest inputs are PDFs, lighter to convert than a scrambled flow dump).
SAME_T=$(for j in "${!TEMPLATES[@]}"; do [[ ${TKIND[$j]} == flow ]] && echo "${TBYTES[$j]} $j"; done | sort -rn | head -1 | awk '{print $2}')
SAME10=$WORK/same-small SAMEN=$WORK/same-big
mkdir -p "$SAME10" "$SAMEN"
for ((i = 0; i < DOCS; i++)); do
    cp "${TEMPLATES[$SAME_T]}" "$SAMEN/$(printf %04d $i).txt"
    ((i < SMALL)) && cp "${TEMPLATES[$SAME_T]}" "$SAME10/$(printf %04d $i).txt"
done

# run LABEL ARGS...: runs rencana convert ARGS --quiet RUNS times; sets
# W (median wall s), C (median cpu s), M (median peak RSS KiB), RC (exit).
run() {
    local label=$1; shift
    local i walls=() cpus=() rsss=() rc=0
    for ((i = 0; i < RUNS; i++)); do
        rm -rf "$WORK/out-$label" "$WORK/out-$label".*
        rc=0
        /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" "$RENCANA" convert "$@" --quiet 2>"$WORK/err-$label.txt" || rc=$?
        if ((rc > 1)); then
            echo "error: rencana convert $* exited $rc:" >&2; head -5 "$WORK/err-$label.txt" >&2; exit 1
        fi
        local e u s m
        read -r e u s m < <(tail -1 "$WORK/time")
        walls+=("$e") cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')") rsss+=("$m")
    done
    W=$(median "${walls[@]}") C=$(median "${cpus[@]}") M=$(median "${rsss[@]}") RC=$rc
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
mb() { awk -v b="$1" 'BEGIN {printf "%.2f", b / 1e6}'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }

echo "# rencana batch benchmark: $DOCS documents"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $RUNS runs per figure (medians)"
echo "rencana: $RENCANA"
echo "corpus: $CORPUS ($NT inputs); documents: $(for k in flow layout mutool pdf scan; do [[ -n ${KCOUNT[$k]:-} ]] && printf '%s %d (%s MB) ' "$k" "${KCOUNT[$k]}" "$(mb "${KBYTES[$k]}")"; done)"
echo "PDF pages: ${KPAGES[pdf]}${SCANS:+ (+${KPAGES[scan]} scanned)}; total input $(mb "$TOTAL_BYTES") MB"
echo

ROWS=()
row() { ROWS+=("$(printf '%-46s %12s %10s %s' "$1" "$2" "$3" "$4")"); }

if [[ ${ONLY:-} != memory ]]; then
# (a) text path, --jobs 1
for k in flow mutool layout; do
    [[ -n ${KCOUNT[$k]:-} ]] || continue
    run "$k-j1" "$WORK/sub/$k" -o "$WORK/out-$k-j1.csv" --jobs 1; w=$W c=$C m=$M rc=$RC
    row "(a) $k dumps, --jobs 1, -o all.csv" "$(div "$(mb "${KBYTES[$k]}")" "$w") MB/s" "cpu $(div "$(mb "${KBYTES[$k]}")" "$c")" "$( [[ $k == flow ]] && echo "target >= 50 MB/s per core")"
    if [[ $k == flow ]]; then
        run "$k-j1-dir" "$WORK/sub/$k" -o "$WORK/out-$k-j1-dir/" --jobs 1; w=$W c=$C m=$M rc=$RC
        row "(a) flow dumps, --jobs 1, -o out/" "$(div "$(mb "${KBYTES[$k]}")" "$w") MB/s" "cpu $(div "$(mb "${KBYTES[$k]}")" "$c")" "(one fsynced file per input)"
    fi
done

# (b) PDF path
if [[ -n ${KCOUNT[pdf]:-} ]]; then
    run pdf-j1 "$WORK/sub/pdf" -o "$WORK/out-pdf-j1.csv" --jobs 1; w1=$W c1=$C m=$M rc=$RC
    run pdf-j2 "$WORK/sub/pdf" -o "$WORK/out-pdf-j2.csv" --jobs 2; w2=$W c2=$C m=$M rc=$RC
    row "(b) PDF, ${KPAGES[pdf]} pages, --jobs 1" "$(div "${KPAGES[pdf]}" "$w1") pages/s" "cpu $(div "${KPAGES[pdf]}" "$c1")" ""
    row "(b) PDF, ${KPAGES[pdf]} pages, --jobs 2" "$(div "${KPAGES[pdf]}" "$w2") pages/s" "cpu $(div "${KPAGES[pdf]}" "$c2")" ""
fi

# (c) speed-up on the whole set; also keeps the outputs for (e)
run dir-j1 "$ALL" -o "$WORK/out-dir-j1/" --jobs 1; fw1=$W fc1=$C fm1=$M frc=$RC
run dir-j2 "$ALL" -o "$WORK/out-dir-j2/" --jobs 2; fw2=$W fc2=$C fm2=$M frc=$RC
run all-j1 "$ALL" -o "$WORK/out-all-j1.csv" --jobs 1; cw1=$W cc1=$C cm1=$M crc=$RC
run all-j2 "$ALL" -o "$WORK/out-all-j2.csv" --jobs 2; cw2=$W cc2=$C cm2=$M crc=$RC
row "(c) whole set -o out/: --jobs 1 / --jobs 2" "${fw1}s/${fw2}s" "$(div "$fw1" "$fw2")x" "target >= 1.8x; cpu ${fc1}s/${fc2}s, exit $frc"
row "(c) whole set -o all.csv: --jobs 1 / --jobs 2" "${cw1}s/${cw2}s" "$(div "$cw1" "$cw2")x" "target >= 1.8x; cpu ${cc1}s/${cc2}s, exit $crc"
row "    whole set, --jobs 2, -o all.csv" "$(div "$(mb "$TOTAL_BYTES")" "$cw2") MB/s" "$(div "$DOCS" "$cw2") docs/s" ""

fi
# (d) peak memory: SMALL vs DOCS documents (default jobs = all cores)
run small-all "$SMALLDIR" -o "$WORK/out-small.csv"; sm=$M
run big-all "$ALL" -o "$WORK/out-big.csv"; bm=$M
row "(d) peak RSS -o all.csv: $DOCS vs $SMALL docs" "$((bm / 1024))/$((sm / 1024)) MiB" "$(div "$bm" "$sm")x" "target <= 1.2x"
run small-dir "$SMALLDIR" -o "$WORK/out-small-dir/"; sm=$M
run big-dir "$ALL" -o "$WORK/out-big-dir/"; bm=$M
row "(d) peak RSS -o out/: $DOCS vs $SMALL docs" "$((bm / 1024))/$((sm / 1024)) MiB" "$(div "$bm" "$sm")x" "target <= 1.2x"
# With --jobs 2 the peak of a short run depends on which two heavy
# documents happen to be converted at once (10 documents: 21 to 27 MiB from
# run to run); with --jobs 1 it does not, and the ratio shows growth alone.
run small-dir-j1 "$SMALLDIR" -o "$WORK/out-small-dir-j1/" --jobs 1; sm=$M
run big-dir-j1 "$ALL" -o "$WORK/out-big-dir-j1/" --jobs 1; bm=$M
row "(d) peak RSS -o out/ --jobs 1: $DOCS vs $SMALL docs" "$((bm / 1024))/$((sm / 1024)) MiB" "$(div "$bm" "$sm")x" "target <= 1.2x"
run same-small "$SAME10" -o "$WORK/out-same-small.csv"; sm=$M
run same-big "$SAMEN" -o "$WORK/out-same-big.csv"; bm=$M
row "(d) peak RSS, one flow dump $DOCS vs $SMALL times" "$((bm / 1024))/$((sm / 1024)) MiB" "$(div "$bm" "$sm")x" "$(basename "${TEMPLATES[$SAME_T]}"), -o all.csv"

if [[ ${ONLY:-} == memory ]]; then
    printf '%-46s %12s %10s %s\n' measure value "" note
    printf '%s\n' "${ROWS[@]}"
    exit 0
fi
# (e) determinism
nout=$(find "$WORK/out-dir-j1" -type f | wc -l)
if diff -r "$WORK/out-dir-j1" "$WORK/out-dir-j2" >/dev/null; then same_dir=identical; else same_dir=DIFFERENT; fi
if cmp -s "$WORK/out-all-j1.csv" "$WORK/out-all-j2.csv"; then same_all=identical; else same_all=DIFFERENT; fi
row "(e) -o out/ --jobs 1 vs 2 ($nout files)" "$same_dir" "" "diff -r"
row "(e) -o all.csv --jobs 1 vs 2" "$same_all" "" "cmp"
nfail=$(grep -c . "$WORK/err-dir-j1.txt" || true)

printf '%-46s %12s %10s %s\n' measure value "" note
printf '%s\n' "${ROWS[@]}"
echo
echo "inputs that failed to convert (stderr lines of the --jobs 1 folder run): $nfail"
[[ $nfail -gt 0 ]] && sed 's/^.*\/[0-9]\{4\}-//' "$WORK/err-dir-j1.txt" | sort | uniq -c | sort -rn | head -5 || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $same_dir == identical && $same_all == identical ]]
