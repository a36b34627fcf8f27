#!/usr/bin/env bash
# Builds Journeymap's installers with Tauri's bundler into dist/packages/. By default a .deb and
# an .rpm, which build here without network access. Other formats need their own systems and are
# built by .github/workflows/release.yml: --bundles msi,nsis on Windows, app,dmg on macOS,
# appimage on Linux (it downloads its tools). On Linux the packages also carry the `journeymap`
# command-line tool, the .journey MIME type and a desktop entry that opens .journey files.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if command -v apt-get >/dev/null 2>&1; then
  source "$ROOT/scripts/setup.sh"
else
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/journeymap/target}"
  say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
  build_ui() { (cd "$ROOT/ui" && npx vite build --logLevel warn); }
fi
cd "$ROOT"

bundles=deb,rpm
while [ $# -gt 0 ]; do
  case "$1" in
    --bundles) bundles="$2"; shift 2 ;;
    *) echo "usage: scripts/package.sh [--bundles deb,rpm,...]" >&2; exit 2 ;;
  esac
done

build_ui
say "Building the command-line tool (release)"
cargo build --release --quiet --bin journeymap
cli="$CARGO_TARGET_DIR/release/journeymap"
# The CLI goes on PATH beside the app; the path is only known here (the target dir is outside
# the clone), so it is merged into the bundler's configuration for this build.
config=$(printf '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/journeymap":"%s"}},"rpm":{"files":{"/usr/bin/journeymap":"%s"}}}}}' "$cli" "$cli")
say "Bundling: $bundles (release build of the app)"
rm -rf "$CARGO_TARGET_DIR/release/bundle"
ui/node_modules/.bin/tauri build --ci --bundles "$bundles" --config "$config"
rm -rf dist/packages
mkdir -p dist/packages
find "$CARGO_TARGET_DIR/release/bundle" -maxdepth 2 -type f \
  \( -name '*.deb' -o -name '*.rpm' -o -name '*.AppImage' -o -name '*.msi' -o -name '*.exe' -o -name '*.dmg' \) \
  -exec cp {} dist/packages/ \;
chmod 644 dist/packages/*
ls -l dist/packages
