#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, Rust tests (core and shell, including the
# TypeScript bindings check), the UI's typecheck and unit tests, browser tests in headless
# Chromium, and end-to-end tests of the real app under Xvfb.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

build_ui

say "cargo fmt --check"
cargo fmt --all -- --check

say "cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

say "Rust tests (core, CLI, shell, bindings)"
cargo test --workspace --quiet

say "UI typecheck"
(cd ui && npx tsc --noEmit)

say "UI unit tests"
(cd ui && npx vitest run)

say "UI browser tests (headless Chromium)"
(cd ui && node tests/browser/run.mjs)

if [ -f tests/e2e/run.mjs ]; then
  install_tauri_driver
  say "End-to-end tests (real app, Xvfb, tauri-driver)"
  cargo build -p journeymap-desktop --quiet
  (cd ui && node ../tests/e2e/run.mjs)
fi
