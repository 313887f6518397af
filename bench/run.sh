#!/usr/bin/env bash
# Wall time and peak memory of dotnet-discmaster against genisoimage, xorriso
# and a plain `cat` of the tree, on a few large files, on many small ones and on
# an empty folder (start-up alone); with --udf beside genisoimage -udf too.
# Usage: bench/run.sh [--quick]   (env: BENCH_DIR, BENCH_ROUNDS, DISCMASTER)
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
  ROUNDS=${BENCH_ROUNDS:-9} SUFFIX=
  L_BYTES=$((1024 * MiB)) L_FILES=1000 PAY=$((100 * MiB)) S_FILES=40000 S_DIRS=200
fi
PAYLOADS=3
TOOLS=(discmaster discmaster-udf genisoimage genisoimage-udf xorriso cat)
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

# The tool is optional so the peers can still be measured while it is broken. It runs as the linux-x64
# package installs it: the native (ahead-of-time compiled) executable, started directly, not through
# `dotnet discmaster` (whose SDK lookup adds about 0.2 s). DISCMASTER may name another executable, or a
# dotnet-discmaster.dll to run with dotnet.
EXE=${DISCMASTER:-}
if [[ -z $EXE ]]; then
  if ! command -v dotnet >/dev/null; then
    log "dotnet not found: skipping discmaster (install the .NET 10 SDK or set DISCMASTER)"
  else
    log "publishing src/DiscMastering.Tool (Release, linux-x64, Native AOT)"
    if dotnet publish "$REPO/src/DiscMastering.Tool" -c Release -r linux-x64 -o "$WORK/tool" -nologo -v q >"$WORK/build.log" 2>&1; then
      EXE=$WORK/tool/dotnet-discmaster
    else
      log "discmaster: PUBLISH FAILED (see $WORK/build.log); timing the peers only"
    fi
  fi
fi
if [[ -n $EXE && ! -f $EXE ]]; then log "discmaster: $EXE not found; skipping it"; EXE=; fi
[[ -n $EXE ]] || TOOLS=("${TOOLS[@]:2}")

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
    discmaster | discmaster-udf) if [[ $EXE == *.dll ]]; then CMD=(dotnet "$EXE"); else CMD=("$EXE"); fi
      CMD+=(image "$2" -o "$3" --progress none)
      [[ $1 == discmaster-udf ]] && CMD+=(--udf) ;;
    # Every image holds Joliet and Rock Ridge, as discmaster's does by default: like with like.
    genisoimage) CMD=(genisoimage -quiet -J -joliet-long -R -o "$3" "$2") ;;
    # A UDF bridge image like discmaster's --udf.
    genisoimage-udf) CMD=(genisoimage -quiet -J -joliet-long -R -udf -o "$3" "$2") ;;
    xorriso) CMD=(xorriso -as mkisofs -quiet -R -J -joliet-long -o "$3" "$2") ;;
    cat) CMD=(bash -c 'find "$1" -type f -print0 | sort -z | xargs -0 -r cat >"$2"' _ "$2" "$3") ;;
  esac
}
run_one() { # tool tree round -> appends "tool round wall rss bytes cpu" to $TIMES
  local out=$WORK/out-$1.iso start end
  tool_cmd "$1" "$2" "$out"
  rm -f "$out"
  # Wall time to the millisecond from the clock (time's %e has 10 ms steps: too coarse for start-up);
  # peak RSS and CPU time (user + system, which a busy machine disturbs less than wall time) from GNU time.
  start=$(date +%s%N)
  if ! /usr/bin/time -o "$WORK/time.txt" -f '%M %U %S' "${CMD[@]}" </dev/null >"$WORK/$1.log" 2>&1; then
    log "$1 FAILED on $2 (round $3):"; tail -n 5 "$WORK/$1.log" >&2; rm -f "$out"; return 1
  fi
  end=$(date +%s%N)
  [[ $3 == warm ]] || echo "$1 $3 $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') $(tail -n 1 "$WORK/time.txt" | cut -d' ' -f1) $(stat -c %s "$out" 2>/dev/null || echo 0) $(tail -n 1 "$WORK/time.txt" | awk '{ printf "%.2f", $2 + $3 }')" >>"$TIMES"
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

for kind in empty large small; do
  tree=$WORK/trees/$kind$SUFFIX
  if [[ $kind == empty ]]; then mkdir -p "$tree"; else make_tree "$kind" "$tree" "$tree.stamp"; fi
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
  floor=$(awk '$1 == "cat" { print $3 }' "$TIMES" | median)
  ratio() { [[ $1 != - && $2 != - ]] && awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }' || echo -; }
  {
    echo; echo "## $kind tree: $nfiles files, $tmib MiB"; echo
    printf '| %-15s | %13s | %12s | %19s | %10s | %14s | %11s |\n' tool "median wall s" "median CPU s" "median peak RSS MiB" "output MiB" "wall vs geniso" "wall vs cat"
    echo "|-----------------|--------------:|-------------:|--------------------:|-----------:|---------------:|------------:|"
    for t in "${TOOLS[@]}"; do
      wall=$(awk -v t="$t" '$1 == t { print $3 }' "$TIMES" | median)
      rss=$(awk -v t="$t" '$1 == t { printf "%.1f\n", $4 / 1024 }' "$TIMES" | median)
      size=$(awk -v t="$t" '$1 == t { printf "%.1f\n", $5 / 1048576 }' "$TIMES" | median)
      cpu=$(awk -v t="$t" '$1 == t { print $6 }' "$TIMES" | median)
      vs_geniso=$(ratio "$wall" "$base") vs_cat=$(ratio "$wall" "$floor")
      [[ $wall == - ]] && wall=failed
      printf '| %-15s | %13s | %12s | %19s | %10s | %14s | %11s |\n' "$t" "$wall" "$cpu" "$rss" "$size" "$vs_geniso" "$vs_cat"
    done
  } >>"$RESULTS"
done
[[ -n $EXE ]] || printf '\ndiscmaster was not measured (no build).\n' >>"$RESULTS"
echo; cat "$RESULTS"; echo; echo "(written to $RESULTS)"
