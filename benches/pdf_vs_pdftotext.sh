#!/usr/bin/env bash
# PDF benchmark (issue 3): rencana's whole PDF → CSV conversion beside
# `pdftotext -layout`'s text dump alone, on the same files in the same run.
#
#   bash benches/pdf_vs_pdftotext.sh            # build, then measure
#   RUNS=30 bash benches/pdf_vs_pdftotext.sh    # more runs per file
#
# What it reports:
#   1. pages per second for both tools over the text PDFs of fixtures/ and
#      of the shared corpus (identical copies counted once; scans left out:
#      for them rencana runs OCR, pdftotext dumps nothing), one process per
#      file as a user runs them, and the ratio rencana / pdftotext
#      (target ≥ 1.0). Both wall-clock (median per file) and CPU time
#      (user + system, mean per file) are given: on a busy machine the CPU
#      time is the steadier of the two.
#   2. peak memory (maximum resident set size, /usr/bin/time -v) for a
#      50-page plan made by concatenating the fixture PDFs with qpdf
#      (target < 100 MiB), and both tools' speed on it.
#
# Needs pdftotext and pdfinfo (poppler-utils), GNU time, qpdf; hyperfine when
# present (else a timing loop). Missing Debian packages are installed when
# running as root with apt-get (as CI does).
#
# Environment: RENCANA=path/to/rencana (skip the build), CORPUS=dir (default
# ../shared/corpus beside the repository), RUNS (default 20), WARMUP (3),
# BIG_PAGES (50), KEEP=1 keeps the work folder.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${CORPUS:-$ROOT/../shared/corpus}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
BIG_PAGES=${BIG_PAGES:-50}

need() { # need COMMAND DEBIAN-PACKAGE [optional]
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "installing $2 for $1 ..." >&2
        { apt-get install -y "$2" || { apt-get update && apt-get install -y "$2"; }; } >/dev/null 2>&1 || true
    fi
    command -v "$1" >/dev/null 2>&1 && return 0
    [[ ${3:-} == optional ]] && return 1
    echo "error: $1 is needed (Debian package $2)" >&2
    exit 2
}
export DEBIAN_FRONTEND=noninteractive
need pdftotext poppler-utils
need pdfinfo poppler-utils
[[ -x /usr/bin/time ]] || need /usr/bin/time time
HAVE_HYPERFINE=0; need hyperfine hyperfine optional && HAVE_HYPERFINE=1
HAVE_QPDF=0; need qpdf qpdf optional && HAVE_QPDF=1

if [[ -z ${RENCANA:-} ]]; then
    (cd "$ROOT" && cargo build --release --quiet)
    TARGET_DIR=$(cd "$ROOT" && cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
    RENCANA=$TARGET_DIR/release/rencana
fi
[[ -x $RENCANA ]] || { echo "error: no rencana binary at $RENCANA" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rencana-pdfbench.XXXXXX")
if [[ -z ${KEEP:-} ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work folder: $WORK"; fi

# --- the PDFs: fixtures and corpus copies, text layer only, each content once
declare -A SEEN=()
FILES=()
PAGES=()
shopt -s nullglob
for f in "$ROOT"/fixtures/*/*.pdf "$CORPUS"/*/*.pdf; do
    case $f in *.scan.pdf) continue ;; esac
    sum=$(cksum <"$f")
    [[ -n ${SEEN[$sum]:-} ]] && continue
    SEEN[$sum]=1
    n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [[ -n $n && $n -gt 0 ]] || continue
    FILES+=("$f")
    PAGES+=("$n")
done
(( ${#FILES[@]} > 0 )) || { echo "error: no PDFs found" >&2; exit 2; }
TOTAL_PAGES=0
for n in "${PAGES[@]}"; do TOTAL_PAGES=$((TOTAL_PAGES + n)); done

# time_pair NAME FILE: prints "pdftotext_wall rencana_wall pdftotext_cpu rencana_cpu" (seconds)
time_pair() {
    local name=$1 f=$2 csv=$WORK/$1.hf.csv
    local a=(pdftotext -layout "$f" "$WORK/out.txt")
    local b=("$RENCANA" convert "$f" -o "$WORK/out.csv" --quiet)
    if (( HAVE_HYPERFINE )); then
        hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" -i \
            --export-csv "$csv" "${a[*]@Q}" "${b[*]@Q}" >/dev/null 2>&1
        # columns: command,mean,stddev,median,user,system,min,max
        awk -F, 'NR == 2 {aw = $4; ac = $5 + $6} NR == 3 {bw = $4; bc = $5 + $6}
                 END {printf "%.6f %.6f %.6f %.6f\n", aw, bw, ac, bc}' "$csv"
    else
        # Alternate the two tools run by run so that load changes hit both;
        # wall time from date, CPU time (10 ms resolution) from GNU time.
        local i t0 t1 ta=() tb=() ca=0 cb=0
        for ((i = 0; i < WARMUP + RUNS; i++)); do
            t0=$(date +%s%N); /usr/bin/time -f '%U %S' -o "$WORK/ta" "${a[@]}" >/dev/null 2>&1 || true; t1=$(date +%s%N)
            ((i >= WARMUP)) && { ta+=($((t1 - t0))); ca=$(awk -v s="$ca" '{print s + $1 + $2}' "$WORK/ta"); }
            t0=$(date +%s%N); /usr/bin/time -f '%U %S' -o "$WORK/tb" "${b[@]}" >/dev/null 2>&1 || true; t1=$(date +%s%N)
            ((i >= WARMUP)) && { tb+=($((t1 - t0))); cb=$(awk -v s="$cb" '{print s + $1 + $2}' "$WORK/tb"); }
        done
        local ma mb
        ma=$(printf '%s\n' "${ta[@]}" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}')
        mb=$(printf '%s\n' "${tb[@]}" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}')
        awk -v ma="$ma" -v mb="$mb" -v ca="$ca" -v cb="$cb" -v r="$RUNS" \
            'BEGIN {printf "%.6f %.6f %.6f %.6f\n", ma/1e9, mb/1e9, ca/r, cb/r}'
    fi
}

echo "# PDF → CSV (rencana) vs PDF → text (pdftotext -layout)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "rencana: $RENCANA"
echo "pdftotext: $(pdftotext -v 2>&1 | head -1)"
echo "timing: $( ((HAVE_HYPERFINE)) && echo "hyperfine -N, $WARMUP warm-up + $RUNS runs per file and tool" || echo "loop, $WARMUP warm-up + $RUNS runs per file and tool, alternating")"
echo
printf '%-28s %5s %12s %12s %8s %12s %12s %8s\n' file pages pdftotext_ms rencana_ms ratio pdftotext_cpu rencana_cpu ratio
SUM_AW=0 SUM_BW=0 SUM_AC=0 SUM_BC=0
for i in "${!FILES[@]}"; do
    f=${FILES[$i]} n=${PAGES[$i]}
    # a check that rencana converts the file at all (a failing file would be fast for the wrong reason)
    if ! "$RENCANA" convert "$f" -o "$WORK/check.csv" --quiet 2>"$WORK/err.txt"; then
        echo "warning: rencana failed on $f: $(head -1 "$WORK/err.txt")" >&2
    fi
    read -r aw bw ac bc < <(time_pair "p$i" "$f")
    SUM_AW=$(awk -v s="$SUM_AW" -v x="$aw" 'BEGIN {print s + x}')
    SUM_BW=$(awk -v s="$SUM_BW" -v x="$bw" 'BEGIN {print s + x}')
    SUM_AC=$(awk -v s="$SUM_AC" -v x="$ac" 'BEGIN {print s + x}')
    SUM_BC=$(awk -v s="$SUM_BC" -v x="$bc" 'BEGIN {print s + x}')
    awk -v f="${f#"$ROOT"/}" -v n="$n" -v aw="$aw" -v bw="$bw" -v ac="$ac" -v bc="$bc" 'BEGIN {
        if (length(f) > 28) f = "…" substr(f, length(f) - 26)
        printf "%-28s %5d %12.1f %12.1f %8.2f %12.1f %12.1f %8.2f\n", f, n, aw*1000, bw*1000, aw/bw, ac*1000, bc*1000, (bc > 0 ? ac/bc : 0)}'
done
echo
awk -v n="$TOTAL_PAGES" -v k="${#FILES[@]}" -v aw="$SUM_AW" -v bw="$SUM_BW" -v ac="$SUM_AC" -v bc="$SUM_BC" 'BEGIN {
    printf "all %d PDFs, %d pages (one process per file):\n", k, n
    printf "  wall:  pdftotext %7.1f pages/s   rencana %7.1f pages/s   ratio rencana/pdftotext %.2f (target >= 1.0)\n", n/aw, n/bw, aw/bw
    printf "  cpu:   pdftotext %7.1f pages/s   rencana %7.1f pages/s   ratio rencana/pdftotext %.2f\n", n/ac, n/bc, (bc > 0 ? ac/bc : 0)
}'

# --- a 50-page plan: peak memory and speed
echo
if (( ! HAVE_QPDF )); then
    echo "no qpdf: the ${BIG_PAGES}-page measurement is skipped"
    exit 0
fi
ARGS=() got=0
while ((got < BIG_PAGES)); do
    for i in "${!FILES[@]}"; do
        ((got >= BIG_PAGES)) && break
        take=$((BIG_PAGES - got)); ((take > PAGES[i])) && take=${PAGES[$i]}
        ARGS+=("${FILES[$i]}" "1-$take")
        got=$((got + take))
    done
done
BIG=$WORK/big-${BIG_PAGES}p.pdf
qpdf --empty --pages "${ARGS[@]}" -- "$BIG"
echo "# ${BIG_PAGES}-page plan ($(pdfinfo "$BIG" | awk '/^Pages:/ {print $2}') pages, $(( $(stat -c %s "$BIG") / 1024 )) KiB; the fixture PDFs concatenated with qpdf)"
peak() { # peak RSS in KiB of a command, the largest of 3 runs
    local best=0 kb
    for _ in 1 2 3; do
        kb=$(/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')
        ((kb > best)) && best=$kb
    done
    echo "$best"
}
RB=$(peak "$RENCANA" convert "$BIG" -o "$WORK/big.csv" --quiet)
PB=$(peak pdftotext -layout "$BIG" "$WORK/big.txt")
rows=$(($(wc -l <"$WORK/big.csv") - 1))
read -r aw bw ac bc < <(time_pair big "$BIG")
awk -v rb="$RB" -v pb="$PB" -v n="$BIG_PAGES" -v rows="$rows" -v aw="$aw" -v bw="$bw" -v ac="$ac" -v bc="$bc" 'BEGIN {
    printf "  peak RSS: rencana %.1f MiB (target < 100 MiB), pdftotext %.1f MiB; %d CSV rows\n", rb/1024, pb/1024, rows
    printf "  wall:  pdftotext %7.1f pages/s   rencana %7.1f pages/s   ratio %.2f\n", n/aw, n/bw, aw/bw
    printf "  cpu:   pdftotext %7.1f pages/s   rencana %7.1f pages/s   ratio %.2f\n", n/ac, n/bc, (bc > 0 ? ac/bc : 0)
}'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
