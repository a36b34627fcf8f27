#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, Rust tests (core and shell, including the
# TypeScript bindings check), the UI's typecheck and unit tests, browser tests in headless
# Chromium, end-to-end tests of the real app under Xvfb, and the installable packages.
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

say "UI typecheck (the app, and the room's participant page against the API types)"
(cd ui && npx tsc --noEmit && npx tsc -p tsconfig.room.json)
say "UI format and lint (Biome)"
(cd ui && npx biome check)

say "UI unit tests"
(cd ui && npx vitest run)

say "UI browser tests (headless Chromium)"
(cd ui && node tests/browser/run.mjs)
cargo build --quiet --bin journeymap
(cd ui && node tests/browser/html-export.mjs)
(cd ui && node tests/browser/room-page.mjs)

say "Fuzzing, bounded (${FUZZ_SECONDS:-15} s per target; run longer by hand with FUZZ_SECONDS)"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked --quiet
TARGETS=(json_import holidays_csv holidays_ics sheet_import cjml_import project_file)
for target in "${TARGETS[@]}"; do mkdir -p "fuzz/corpus/$target"; done
cp assets/sample.json tests/fixtures/schema-v1.json fuzz/corpus/json_import/
printf 'date,name\n2026-12-25,Christmas\n' > fuzz/corpus/holidays_csv/seed.csv
cp ui/tests/fixtures/feedback.csv tests/fixtures/touchpoints.xlsx fuzz/corpus/sheet_import/
cp tests/fixtures/schema-v1.json fuzz/corpus/cjml_import/seed.json
printf '<CJML version="2.0">\n<actualJourney><journeyID>A</journeyID><touchpoints><actualCommunicationPoint><touchpointID>TP1</touchpointID><initiator><initiatorLabel>Hi &amp; bye</initiatorLabel></initiator></actualCommunicationPoint></touchpoints></actualJourney>\n</CJML>\n' > fuzz/corpus/cjml_import/seed.xml
printf 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261225\nRRULE:FREQ=YEARLY;BYMONTH=12\nSUMMARY:Christmas\nEND:VEVENT\nEND:VCALENDAR\n' > fuzz/corpus/holidays_ics/seed.ics
# A project with small pages keeps the seed (and each run) small.
rm -f fuzz/corpus/project_file/seed.journey
cp tests/fixtures/schema-v1.journey fuzz/corpus/project_file/seed.journey
sqlite3 fuzz/corpus/project_file/seed.journey 'PRAGMA page_size=512; VACUUM;'
for target in "${TARGETS[@]}"; do
  # cargo fuzz needs nightly features; RUSTC_BOOTSTRAP lets the stable toolchain provide them.
  (cd fuzz && RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$HOME/.cache/journeymap/fuzz-target" \
    cargo fuzz run "$target" "corpus/$target" -- -max_total_time="${FUZZ_SECONDS:-15}" -rss_limit_mb=1024 -timeout=20 -print_final_stats=0 2>&1 | grep -E "^Done [0-9]+ runs|^==[0-9]+==ERROR|panicked at" || true)
  found=$(find "fuzz/artifacts/$target" -maxdepth 1 \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) 2>/dev/null | head -1)
  if [ -n "$found" ]; then
    echo "fuzzing found a crash, a memory blow-up or a hang in $target: $found" >&2
    exit 1
  fi
done

if [ -f tests/e2e/run.mjs ]; then
  install_tauri_driver
  say "End-to-end tests (real app, Xvfb, tauri-driver)"
  cargo build -p journeymap-desktop --quiet
  (cd ui && node ../tests/e2e/run.mjs)
fi

say "Packages: build the .deb and .rpm, install the .deb, use it, remove it"
bash scripts/package-test.sh
