#!/usr/bin/env bash
# Runs the browser and end-to-end suites N times in a row (default 10) and counts the runs that failed:
# the proof that they do not flake. Usage: scripts/repeat.sh [N]  (after `make build`).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH" CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
n=${1:-10}
cargo build --locked --bin chiso >/dev/null 2>&1 # the end-to-end suite asks the CLI for the engine's figures
browser_failed=0
e2e_failed=0
for i in $(seq 1 "$n"); do
  if ! cargo test --locked --target wasm32-unknown-unknown --test web >"target/repeat-web-$i.log" 2>&1; then
    browser_failed=$((browser_failed + 1)); echo "run $i: browser suite FAILED (target/repeat-web-$i.log)"
  fi
  if ! node --test tests/e2e/ >"target/repeat-e2e-$i.log" 2>&1; then
    e2e_failed=$((e2e_failed + 1)); echo "run $i: end-to-end suite FAILED (target/repeat-e2e-$i.log)"
  fi
  echo "run $i done"
done
echo "repeat: $n runs; browser suite failed $browser_failed, end-to-end suite failed $e2e_failed"
[ "$browser_failed" -eq 0 ] && [ "$e2e_failed" -eq 0 ]
