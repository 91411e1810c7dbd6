#!/usr/bin/env bash
# Prints the gzip size of the built wasm and JS against the budget (150 KB gzip for both together).
set -euo pipefail
dist=${1:-dist}
budget=$((150 * 1024))
total=0
for f in "$dist"/*.wasm "$dist"/*.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  total=$((total + gz))
  printf 'size: %-40s %8d bytes, gzip %7d bytes\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'size: wasm + JS gzip %d bytes (%d KB) of a %d KB budget\n' "$total" $((total / 1024)) $((budget / 1024))
