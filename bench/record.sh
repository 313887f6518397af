#!/usr/bin/env bash
# Recording to a libburn stdio: pseudo-drive, from a folder: `discmaster burn <folder>` (masters on the fly and
# streams the image to libburn) against xorriso (the same through its own libburn) and `cat` of the tree.
# Usage: bench/record.sh [folder]   (default: the large tree bench/run.sh makes; env: BENCH_DIR, BENCH_ROUNDS, DISCMASTER_DLL)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_DIR:-$REPO/bench/out}
ROUNDS=${BENCH_ROUNDS:-5}
TREE=${1:-$WORK/trees/large}
log() { printf '== %s\n' "$*" >&2; }

[[ -d $TREE ]] || { echo "no tree at $TREE: run bench/run.sh first, or name a folder" >&2; exit 1; }
missing=()
command -v xorriso >/dev/null || missing+=(xorriso)
/sbin/ldconfig -p | grep -q 'libburn\.so\.4 ' || missing+=(libburn4)
[[ -x /usr/bin/time ]] || missing+=(time)
if ((${#missing[@]})); then echo "missing: ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2; exit 1; fi

DLL=${DISCMASTER_DLL:-$REPO/src/DiscMastering.Tool/bin/Release/net10.0/dotnet-discmaster.dll}
if [[ -z ${DISCMASTER_DLL:-} ]]; then
  log "building src/DiscMastering.Tool (Release)"
  dotnet build "$REPO/src/DiscMastering.Tool" -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { echo "build failed: $WORK/build.log" >&2; exit 1; }
fi

OUT=$WORK/drive.bin
TIMES=$WORK/record-times.txt; : >"$TIMES"
tool_cmd() {
  case $1 in
    discmaster) CMD=(dotnet "$DLL" burn "$TREE" --recorder "stdio:$OUT" --progress none) ;;
    # Joliet without Rock Ridge, as discmaster writes; -commit records to the pseudo-drive through libburn.
    xorriso) CMD=(xorriso -abort_on FAILURE -outdev "stdio:$OUT" -joliet on -rockridge off -map "$TREE" / -commit) ;;
    cat) CMD=(bash -c 'find "$1" -type f -print0 | sort -z | xargs -0 cat >"$2"' _ "$TREE" "$OUT") ;;
  esac
}
run_one() { # tool round
  tool_cmd "$1"; rm -f "$OUT"
  /usr/bin/time -o "$WORK/time.txt" -f '%e %M' "${CMD[@]}" >"$WORK/record-$1.log" 2>&1 || { log "$1 failed:"; tail -n 5 "$WORK/record-$1.log" >&2; return 1; }
  [[ $2 == warm ]] || echo "$1 $2 $(tail -n 1 "$WORK/time.txt") $(stat -c %s "$OUT")" >>"$TIMES"
  rm -f "$OUT"; sync
}
median() { sort -g | awk '{ a[NR] = $1 } END { if (!NR) print "-"; else print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

for t in discmaster xorriso cat; do run_one "$t" warm; done
for ((r = 1; r <= ROUNDS; r++)); do log "round $r/$ROUNDS"; for t in discmaster xorriso cat; do run_one "$t" "$r"; done; done

base=$(awk '$1 == "xorriso" { print $3 }' "$TIMES" | median)
echo "Recording $(find "$TREE" -type f | wc -l) files, $(($(du -sb "$TREE" | cut -f1) / 1048576)) MiB, to a stdio: pseudo-drive; medians of $ROUNDS rounds"
echo
echo "| tool | wall s | peak RSS MiB | drive MiB | wall vs xorriso |"
echo "|---|---:|---:|---:|---:|"
for t in discmaster xorriso cat; do
  wall=$(awk -v t="$t" '$1 == t { print $3 }' "$TIMES" | median)
  rss=$(awk -v t="$t" '$1 == t { printf "%.1f\n", $4 / 1024 }' "$TIMES" | median)
  size=$(awk -v t="$t" '$1 == t { printf "%.1f\n", $5 / 1048576 }' "$TIMES" | median)
  echo "| $t | $wall | $rss | $size | $(awk -v a="$wall" -v b="$base" 'BEGIN { printf "%.2f", a / b }') |"
done
