#!/usr/bin/env bash
# Installs what Journeymap needs on Debian, skipping whatever is already there:
# system packages (apt-get), the UI's npm packages, and the e2e driver (cargo install).
# Sourced by run.sh and test.sh; safe to run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/journeymap/target}"
export PATH="$HOME/.cargo/bin:$PATH"

APT_PACKAGES=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  xvfb xauth webkit2gtk-driver chromium sqlite3 qpdf poppler-utils imagemagick
  dbus x11-utils xdg-utils shared-mime-info desktop-file-utils xclip
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_apt() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    say "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

check_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "Rust (cargo) is required: install it with rustup (https://rustup.rs) and run this again." >&2
    exit 1
  fi
}

install_npm() {
  local stamp="$ROOT/ui/node_modules/.journeymap-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/ui/package-lock.json" "$stamp"; then
    say "Installing npm packages (ui/)"
    # `npm install` rather than `npm ci`: with this registry's lockfile settings (no resolved URLs)
    # `npm ci` refuses lockfiles that omit other platforms' optional packages. Versions still
    # come from package-lock.json.
    (cd "$ROOT/ui" && npm install --no-audit --no-fund --loglevel=error)
    cp "$ROOT/ui/package-lock.json" "$stamp"
  fi
}

install_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    say "Installing tauri-driver (for end-to-end tests)"
    cargo install tauri-driver --version '^2' --locked --quiet
  fi
}

build_ui() {
  say "Building the UI (ui/dist)"
  (cd "$ROOT/ui" && npx vite build --logLevel warn)
}

install_apt
check_rust
install_npm
