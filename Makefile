# chiso — the two commands are `make serve` and `make test`; both install what is missing first.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# wasm-opt (binaryen from npm) and playwright-core live in .tools/; cargo-installed tools in ~/.cargo/bin.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PUBLIC_URL ?= /
PORT ?= 8080

help:
	@echo "make serve   install what is missing, build, serve the app on http://127.0.0.1:$(PORT)"
	@echo "make test    install what is missing, lint, run every test (native, browser, end-to-end) and print sizes"
	@echo "make lint    cargo fmt --check and clippy (warnings denied) for the native and the wasm32 build"
	@echo "make build   release site in dist/ (PUBLIC_URL=/sub/path/ to publish under a sub-path)"
	@echo "make size    gzip size of the built wasm and JS"
	@echo "make bench   the engine on a 10,000-unit synthetic snapshot, natively and in wasm"
	@echo "make fuzz    mutation-fuzz every parser of user data, 10 minutes each"

setup-web:
	@scripts/setup.sh web

setup-browser:
	@scripts/setup.sh browser

build: setup-web
	trunk build --release --public-url "$(PUBLIC_URL)"

serve: setup-web
	trunk serve --port $(PORT)

# Format and lint first (cheap, and a red lint lands nothing), sizes next, so that the last lines are a
# test runner's summary.
test: lint size test-native test-browser test-e2e

# rustfmt (rustfmt.toml) and clippy with warnings denied, for the native and the browser build.
lint: setup-web
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --locked --all-targets

# Components mounted in headless Chromium (wasm-bindgen-test-runner drives chromedriver).
test-browser: setup-browser
	cargo test --locked --target wasm32-unknown-unknown --test web

# The release site, served on 127.0.0.1, checked in headless Chromium against the engine's own figures.
test-e2e: setup-browser build
	cargo build --locked --bin chiso
	node --test tests/e2e/

size: build
	@scripts/size.sh dist

# The engine natively, then in wasm (release build, headless Chromium), on a 10,000-unit snapshot.
bench: setup-browser
	cargo run --locked --profile bench --bin chiso -- bench --units 10000 --runs 20
	cargo test --locked --profile bench --target wasm32-unknown-unknown --test wasm_bench -- --nocapture 2>&1 | grep -E "wasm:|test result"

# Mutation fuzzing of the parsers (snapshot JSON, portal CSV folder, CSV template, share text);
# `make test` runs the same harness for 2 s each.
fuzz:
	FUZZ_SECONDS=600 cargo test --locked --release --test fuzz -- --nocapture --test-threads=1 2>&1 | grep -E "fuzz |test result"

.PHONY: help lint fuzz setup-web setup-browser build serve test test-native test-browser test-e2e size bench
