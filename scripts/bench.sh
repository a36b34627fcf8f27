#!/usr/bin/env bash
# Every benchmark, printed as tables: the core (criterion, release build), the canvas (headless
# Chromium and the real app window in WebKitGTK), and the app's cold start and memory (real
# window under Xvfb). Results and the machine they ran on are kept in docs/performance.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
build_ui
install_tauri_driver
say "Core: open, autosave, save-as, JSON, PDF report (cargo bench)"
cargo bench --bench core

say "Live room: 60 participants x (20 notes + 10 votes) on loopback (cargo bench)"
cargo bench --bench room
say "Canvas: pan and zoom frame times, headless Chromium and the real window (WebKitGTK)"
cargo build --quiet --bin journeymap
cargo build --quiet --release -p journeymap-desktop
(cd ui && node bench/canvas.mjs 1000 10000)
say "App: cold start and resident memory with 10,000 touchpoints (release), and the Tauri floor"
cargo build --quiet --release --manifest-path benches/tauri-baseline/Cargo.toml
(cd ui && JOURNEYMAP_PROFILE=release node bench/app.mjs 10000 && JOURNEYMAP_PROFILE=release node bench/app.mjs --baseline)
say "Page memory: the JavaScript heap by kind, and what twenty edits allocate (headless Chromium)"
(cd ui && node bench/heap.mjs 10000)
