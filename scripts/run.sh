#!/usr/bin/env bash
# Builds Journeymap and opens it on the bundled sample project (or on the .journey file given).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
build_ui
say "Building the desktop app"
cargo build -p journeymap-desktop --manifest-path "$ROOT/Cargo.toml"
say "Launching Journeymap"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the app under Xvfb (take screenshots with 'import -window root')." >&2
  exec xvfb-run -a env WEBKIT_DISABLE_DMABUF_RENDERER=1 "$CARGO_TARGET_DIR/debug/journeymap-desktop" "$@"
fi
WEBKIT_DISABLE_DMABUF_RENDERER=1 exec "$CARGO_TARGET_DIR/debug/journeymap-desktop" "$@"
