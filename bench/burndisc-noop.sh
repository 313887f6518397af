#!/usr/bin/env bash
# What an incremental `dotnet build -t:BurnDisc` costs when nothing changed, next to a no-op `dotnet build`
# of the same project: a console app using the DiscMastering.Tasks package packed from this repository.
# Usage: bench/burndisc-noop.sh   (env: BENCH_NOOP_DIR, BENCH_ROUNDS)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Outside the repository, so the app picks up none of its Directory.*.props, as a user's project would.
WORK=${BENCH_NOOP_DIR:-${TMPDIR:-/tmp}/discmaster-bench-noop}
ROUNDS=${BENCH_ROUNDS:-10}
VERSION=0.1.0-bench.$(date -u +%Y%m%d%H%M%S)

if ! command -v hyperfine >/dev/null; then
  if ((EUID == 0)); then
    apt-get -q update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get -q -y install hyperfine >/dev/null
  else
    echo "missing: hyperfine; install with: sudo apt-get install -y hyperfine" >&2
    exit 1
  fi
fi

rm -rf "$WORK" && mkdir -p "$WORK/feed" "$WORK/App"
dotnet pack "$REPO/src/DiscMastering.Tasks" -c Release -o "$WORK/feed" -p:Version="$VERSION" -nologo -v q >"$WORK/pack.log"

cd "$WORK/App"
cat >nuget.config <<XML
<configuration><packageSources><add key="local" value="$WORK/feed" /></packageSources></configuration>
XML
dotnet new console -n App -o . --force >/dev/null
# A package of its own version in a cache of its own: no earlier build of it can be picked up.
export NUGET_PACKAGES=$WORK/packages
dotnet add package DiscMastering.Tasks --version "$VERSION" >/dev/null
dotnet build -c Release -t:BurnDisc -nologo -v q >/dev/null
image=bin/Release/net10.0/disc/App.iso
before=$(stat -c %.9Y "$image")

hyperfine --warmup 2 --runs "$ROUNDS" --export-markdown "$WORK/results.md" \
  -n 'dotnet build' 'dotnet build -c Release --no-restore -nologo -v q' \
  -n 'dotnet build -t:BurnDisc' 'dotnet build -c Release --no-restore -nologo -v q -t:BurnDisc'

after=$(stat -c %.9Y "$image")
[[ $before == "$after" ]] && echo "image untouched by the no-op runs" || echo "the image was rewritten: the no-op was not a no-op"
echo "(written to $WORK/results.md)"
