#!/usr/bin/env bash
# Prints the gzip size of the built wasm and JS: the page's own (what every visit loads, against the
# 150 KB gzip budget) and the import worker's (loaded to read data files, off the page's thread).
set -euo pipefail
dist=${1:-dist}
budget=$((150 * 1024))
page=0
worker=0
for f in "$dist"/*.wasm "$dist"/*.js; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  case "$(basename "$f")" in
    chiso-import*) worker=$((worker + gz)) ;;
    sw.js) ;;
    *) page=$((page + gz)) ;;
  esac
  printf 'size: %-40s %8d bytes, gzip %7d bytes\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'size: import worker wasm + JS gzip %d bytes (%d KB), loaded when data is read\n' "$worker" $((worker / 1024))
printf 'size: page wasm + JS gzip %d bytes (%d KB) of a %d KB budget\n' "$page" $((page / 1024)) $((budget / 1024))
