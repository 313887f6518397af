#!/usr/bin/env bash
# Wall time and peak memory of dotnet-discmaster against genisoimage, xorriso
# and a plain `cat` of the tree, on a few large files and on many small ones.
# Usage: bench/run.sh [--quick]   (env: BENCH_DIR, BENCH_ROUNDS, DISCMASTER_DLL)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BENCH_DIR:-$REPO/bench/out}
MiB=$((1024 * 1024))
QUICK=0
case "${1:-}" in
  --quick) QUICK=1 ;;
  "") ;;
  *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
esac

# Tree shapes: large = payloads of PAY bytes + the rest up to L_BYTES in L_FILES
# files; small = S_FILES files of 0-4 KiB in S_DIRS folders.
if ((QUICK)); then
  ROUNDS=${BENCH_ROUNDS:-3} SUFFIX=-quick
  L_BYTES=$((100 * MiB)) L_FILES=100 PAY=$((10 * MiB)) S_FILES=4000 S_DIRS=20
else
  ROUNDS=${BENCH_ROUNDS:-5} SUFFIX=
  L_BYTES=$((1024 * MiB)) L_FILES=1000 PAY=$((100 * MiB)) S_FILES=40000 S_DIRS=200
fi
PAYLOADS=3
TOOLS=(discmaster genisoimage xorriso cat)
log() { printf '== %s\n' "$*" >&2; }

# --- prerequisites -----------------------------------------------------------
missing=()
command -v genisoimage >/dev/null || missing+=(genisoimage)
command -v xorriso >/dev/null || missing+=(xorriso)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v perl >/dev/null || missing+=(perl)
if ((${#missing[@]})); then
  if ((EUID == 0)) && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    # Another apt may hold the dpkg lock (e.g. a provisioning run): wait for it.
    apt-get -q -o DPkg::Lock::Timeout=900 update
    DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=900 install "${missing[@]}"
  else
    echo "missing: ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
mkdir -p "$WORK"

# The tool is optional so the peers can still be measured while it is broken.
DLL=${DISCMASTER_DLL:-}
if [[ -z $DLL ]]; then
  if ! command -v dotnet >/dev/null; then
    log "dotnet not found: skipping discmaster (install the .NET 10 SDK or set DISCMASTER_DLL)"
  else
    log "building src/DiscMastering.Tool (Release)"
    if dotnet build "$REPO/src/DiscMastering.Tool" -c Release -nologo -v q >"$WORK/build.log" 2>&1; then
      DLL=$REPO/src/DiscMastering.Tool/bin/Release/net10.0/dotnet-discmaster.dll
    else
      log "discmaster: BUILD FAILED (see $WORK/build.log); timing the peers only"
    fi
  fi
fi
if [[ -n $DLL && ! -f $DLL ]]; then log "discmaster: $DLL not found; skipping it"; DLL=; fi
[[ -n $DLL ]] || TOOLS=("${TOOLS[@]:1}")

# --- source trees ------------------------------------------------------------
# Contents are slices of one random seed file, so 1 GiB takes seconds; names and
# sizes come from a fixed xorshift sequence, so every run builds the same shape.
# 8.3 names keep genisoimage from renaming files on the ISO 9660 side.
make_tree() { # kind dir stampfile
  local spec="$1 $L_BYTES $L_FILES $PAY $PAYLOADS $S_FILES $S_DIRS"
  if [[ -f $3 && $(cat "$3") == "$spec" ]]; then return; fi
  log "generating $1 tree in $2"
  [[ -f $WORK/seed.bin ]] || head -c $((128 * MiB)) /dev/urandom >"$WORK/seed.bin"
  rm -rf "$2" "$3"
  perl - "$WORK/seed.bin" "$2" $spec <<'PERL'
use strict; use warnings; use File::Path qw(make_path);
my ($seedf, $root, $kind, $lbytes, $lfiles, $pay, $npay, $sfiles, $sdirs) = @ARGV;
open my $sf, '<:raw', $seedf or die; local $/; my $seed = <$sf>; close $sf;
my $slen = length $seed; my $x = 2463534242;
sub rnd { $x ^= ($x << 13) & 0xFFFFFFFF; $x ^= $x >> 17; $x ^= ($x << 5) & 0xFFFFFFFF; $x / 4294967296 }
sub put { my ($path, $size) = @_; (my $d = $path) =~ s{/[^/]+$}{}; make_path($d);
  open my $fh, '>:raw', $path or die "$path: $!"; my $off = int(rnd() * $slen);
  while ($size > 0) { my $n = $slen - $off; $n = $size if $n > $size;
    print $fh substr($seed, $off, $n); $size -= $n; $off = 0; }
  close $fh or die; }
if ($kind eq 'large') {
  put("$root/payload/pay$_.bin", $pay) for 1 .. $npay;
  my $n = $lfiles - $npay; my @s = map { exp(log(512) + rnd() * log(16384)) } 1 .. $n; # 512 B - 8 MiB, log-uniform
  my $sum = 0; $sum += $_ for @s; my $k = ($lbytes - $npay * $pay) / $sum;
  my $leaves = int($n / 10) || 1;
  for my $i (0 .. $n - 1) { my $l = $i % $leaves;
    put(sprintf("%s/d%02d/s%02d/f%05d.bin", $root, $l / 10, $l % 10, $i), int($s[$i] * $k)); }
} else {
  for my $i (0 .. $sfiles - 1) { my $l = $i % $sdirs;
    put(sprintf("%s/d%02d/s%d/f%05d.dat", $root, $l / 10, $l % 10, $i), int(rnd() * 4097)); }
}
PERL
  echo "$spec" >"$3"
}

# --- runs --------------------------------------------------------------------
tool_cmd() { # tool tree out -> CMD
  case $1 in
    discmaster) CMD=(dotnet "$DLL" image "$2" -o "$3" --progress none) ;;
    genisoimage) CMD=(genisoimage -quiet -J -joliet-long -o "$3" "$2") ;;
    # xorriso adds Rock Ridge unless told not to; compare like with like.
    xorriso) CMD=(xorriso -as mkisofs -quiet --norock -J -joliet-long -o "$3" "$2") ;;
    cat) CMD=(bash -c 'find "$1" -type f -print0 | sort -z | xargs -0 cat >"$2"' _ "$2" "$3") ;;
  esac
}
run_one() { # tool tree round -> appends "tool round wall rss bytes" to $TIMES
  local out=$WORK/out-$1.iso
  tool_cmd "$1" "$2" "$out"
  rm -f "$out"
  if ! /usr/bin/time -o "$WORK/time.txt" -f '%e %M' "${CMD[@]}" >"$WORK/$1.log" 2>&1; then
    log "$1 FAILED on $2 (round $3):"; tail -n 5 "$WORK/$1.log" >&2; rm -f "$out"; return 1
  fi
  [[ $3 == warm ]] || echo "$1 $3 $(tail -n 1 "$WORK/time.txt") $(stat -c %s "$out")" >>"$TIMES"
  rm -f "$out"
  sync # flush this run's writeback now so it is not billed to the next tool
}
median() { sort -g | awk '{ a[NR] = $1 } END { if (!NR) print "-"; else print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

RESULTS=$WORK/results$SUFFIX.md
{
  echo "# Benchmark results$([[ -n $SUFFIX ]] && echo ' (quick)')"
  echo
  echo "$(date -u +%F), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)), $(free -g | awk '/^Mem/ { print $2 }') GiB RAM;"
  echo "$ROUNDS rounds after one warm-up run each; medians; $(genisoimage --version 2>&1 | head -1), $(xorriso -version 2>/dev/null | head -1 | cut -d: -f1)."
} >"$RESULTS"

for kind in large small; do
  tree=$WORK/trees/$kind$SUFFIX
  make_tree "$kind" "$tree" "$tree.stamp"
  TIMES=$WORK/times-$kind$SUFFIX.txt; : >"$TIMES"
  nfiles=$(find "$tree" -type f | wc -l); tmib=$(($(du -sb "$tree" | cut -f1) / MiB))
  log "$kind: $nfiles files, $tmib MiB; warming up"
  active=()
  for t in "${TOOLS[@]}"; do run_one "$t" "$tree" warm && active+=("$t") || true; done
  # Alternate tools within each round so drift (thermal, background load) hits all alike.
  for ((r = 1; r <= ROUNDS; r++)); do
    log "$kind: round $r/$ROUNDS"
    for t in "${active[@]}"; do run_one "$t" "$tree" "$r" || true; done
  done
  base=$(awk '$1 == "genisoimage" { print $3 }' "$TIMES" | median)
  {
    echo; echo "## $kind tree: $nfiles files, $tmib MiB"; echo
    printf '| %-11s | %13s | %19s | %10s | %15s |\n' tool "median wall s" "median peak RSS MiB" "output MiB" "wall vs geniso"
    echo "|-------------|--------------:|--------------------:|-----------:|----------------:|"
    for t in "${TOOLS[@]}"; do
      wall=$(awk -v t="$t" '$1 == t { print $3 }' "$TIMES" | median)
      rss=$(awk -v t="$t" '$1 == t { printf "%.1f\n", $4 / 1024 }' "$TIMES" | median)
      size=$(awk -v t="$t" '$1 == t { printf "%.1f\n", $5 / 1048576 }' "$TIMES" | median)
      ratio=-
      [[ $wall != - && $base != - ]] && ratio=$(awk -v a="$wall" -v b="$base" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
      [[ $wall == - ]] && wall=failed
      printf '| %-11s | %13s | %19s | %10s | %15s |\n' "$t" "$wall" "$rss" "$size" "$ratio"
    done
  } >>"$RESULTS"
done
[[ -n $DLL ]] || printf '\ndiscmaster was not measured (no build).\n' >>"$RESULTS"
echo; cat "$RESULTS"; echo; echo "(written to $RESULTS)"
