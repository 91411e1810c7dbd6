# chiso — make serve | make test | make build | make bench
SHELL := /bin/bash
.DEFAULT_GOAL := help

help:
	@echo "make serve   install what is missing, build, serve the app on http://127.0.0.1:8080"
	@echo "make test    install what is missing, run every test"
	@echo "make build   release site in dist/"
	@echo "make bench   native benchmark (10,000-unit synthetic snapshot)"

test: test-native

test-native:
	cargo test --locked --all-targets

bench:
	cargo run --locked --profile bench --bin chiso -- bench --units 10000 --runs 20

.PHONY: help test test-native bench
