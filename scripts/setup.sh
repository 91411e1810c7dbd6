#!/usr/bin/env bash
# Installs what chiso's build and tests need, and only what is missing: a warm machine spends seconds here.
#   scripts/setup.sh web     wasm target, trunk, wasm-bindgen-cli, wasm-opt (binaryen from npm)
#   scripts/setup.sh browser the above, plus Chromium, chromedriver and playwright-core
# Tool versions are pinned here and must agree with Cargo.lock (wasm-bindgen) and Trunk.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14            # 0.22 needs a newer rustc than this machine's
BINARYEN_VERSION=132.0.0
PLAYWRIGHT_VERSION=1.64.1   # known to drive Debian's Chromium here
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
TOOLS=.tools                     # npm packages, git-ignored

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

web() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 7 minutes)"
    cargo install trunk --version "=$TRUNK_VERSION" --locked --no-default-features
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
    # With --locked it can fail (its lockfile names a crate version the registry lacks): retry without.
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --locked \
      || cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
  npm_tool binaryen "$BINARYEN_VERSION"
}

npm_tool() {
  local name=$1 version=$2
  if [ "$(node -p "require('./$TOOLS/node_modules/$name/package.json').version" 2>/dev/null)" != "$version" ]; then
    say "npm install $name@$version"
    mkdir -p "$TOOLS"
    [ -f "$TOOLS/package.json" ] || echo '{"private": true}' > "$TOOLS/package.json"
    npm install --prefix "$TOOLS" --no-audit --no-fund --save-exact "$name@$version"
  fi
}

browser() {
  web
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "apt-get install chromium chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  npm_tool playwright-core "$PLAYWRIGHT_VERSION"
}

case "${1:-browser}" in
  web) web ;;
  browser) browser ;;
  *) echo "usage: $0 [web|browser]" >&2; exit 2 ;;
esac
