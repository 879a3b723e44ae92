#!/bin/sh
# Builds the benchmarks (and the service they start) from a frozen copy of the working tree,
# so edits made to src/ while a benchmark runs cannot change what is measured.
#
#   sh bench/snapshot.sh [/tmp/xf-bench]     then: cd /tmp/xf-bench && node dist/bench/<script>.js
#
# The copy holds src/, config/, bench/, package.json and tsconfig.json; node_modules and
# bench/results are symlinks to this checkout. SNAPSHOT records a fingerprint of src+config.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:-/tmp/xf-bench}
case "$(basename "$DEST")" in xf-bench*) ;; *) echo "destination must be named xf-bench*" >&2; exit 2 ;; esac
rm -rf "$DEST"
mkdir -p "$DEST" "$ROOT/bench/results"
cp -R "$ROOT/src" "$ROOT/config" "$DEST/"
mkdir -p "$DEST/bench"
cp -R "$ROOT/bench/lib" "$ROOT/bench"/*.ts "$ROOT/bench/tsconfig.json" "$DEST/bench/"
cp "$ROOT/package.json" "$ROOT/tsconfig.json" "$DEST/"
ln -s "$ROOT/node_modules" "$DEST/node_modules"
ln -s "$ROOT/bench/results" "$DEST/bench/results"
cd "$DEST"
FINGERPRINT=$(find src config -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)
printf 'snapshot of %s at %s, src+config sha256 %s\n' "$ROOT" "$(date -u +%FT%TZ)" "$FINGERPRINT" > SNAPSHOT
if ! "$ROOT/node_modules/.bin/tsc" -p bench/tsconfig.json; then
  echo "warning: tsc reported errors (JavaScript was emitted anyway)" >&2
fi
cat SNAPSHOT
