#!/usr/bin/env bash
# Builds the .deb (or, with --reuse, takes the one in dist/packages/) and checks it as a person
# installing it would: its contents and declared dependencies, installation with apt, the
# installed `journeymap --version`, the .journey MIME type and its default app, the sample opened
# through the installed desktop entry (screenshot), a second start handing its file to the
# running window, and a clean removal. Needs root (or sudo) to install; uses Xvfb.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
[ "${1:-}" = --reuse ] || bash scripts/package.sh
deb=$(ls dist/packages/*.deb | head -1)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
fail() { echo "package test: $*" >&2; exit 1; }
work=$(mktemp -d)
app_pids() { pgrep -x journeymap-desk || true; }
cleanup() {
  for pid in $(app_pids); do kill "$pid" 2>/dev/null || true; done
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "Package contents ($(basename "$deb"))"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||')
for f in usr/bin/journeymap-desktop usr/bin/journeymap usr/share/applications/Journeymap.desktop \
  usr/share/mime/packages/journeymap.xml; do
  grep -qxF "$f" <<<"$contents" || fail "$f is not in the package"
done
for size in 32x32 64x64 128x128 512x512; do
  grep -qxF "usr/share/icons/hicolor/$size/apps/journeymap-desktop.png" <<<"$contents" || fail "no $size icon"
done
package=$(dpkg-deb -f "$deb" Package)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not Cargo's $version"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libwebkit2gtk-4.1-0 libgtk-3-0 shared-mime-info desktop-file-utils; do
  grep -q "$d" <<<"$depends" || fail "Depends lacks $d: $depends"
done
entry=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO usr/share/applications/Journeymap.desktop)
grep -qx 'MimeType=application/x-journeymap;' <<<"$entry" || fail "the desktop entry does not claim .journey files"
grep -qx 'Exec=journeymap-desktop %f' <<<"$entry" || fail "the desktop entry does not pass the file: $(grep Exec <<<"$entry")"
echo "ok   $package $version: app, CLI, desktop entry, MIME type, icons; depends on $depends"

say "Start-up code: src-tauri/startup.order still names the packaged app's functions"
# The linker gathers the functions it lists (src-tauri/build.rs); a changed shell or dependency
# renames some, and a list gone stale cost 5 MB of the app's memory unnoticed (docs/performance.md).
dpkg-deb --fsys-tarfile "$deb" | tar -xO usr/bin/journeymap-desktop >"$work/app"
listed=$(LC_ALL=C sort -u src-tauri/startup.order | wc -l)
found=$(nm "$work/app" | awk '{print $NF}' | LC_ALL=C sort -u | LC_ALL=C comm -12 - <(LC_ALL=C sort -u src-tauri/startup.order) | wc -l)
[ $((found * 100)) -ge $((listed * 95)) ] ||
  fail "only $found of the $listed functions in src-tauri/startup.order are in the app: run scripts/startup-order.sh"
echo "ok   $found of $listed start-up functions are in the packaged app"

say "Installing it with apt"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$(realpath "$deb")" >/dev/null
[ "$(/usr/bin/journeymap --version)" = "journeymap $version (file format $(sqlite3 assets/sample.journey 'PRAGMA user_version'))" ] ||
  fail "installed journeymap --version says: $(/usr/bin/journeymap --version)"
cp assets/sample.journey "$work/Northwind.journey"
cp assets/sample.journey "$work/no-extension"
cp tests/fixtures/schema-v1.journey "$work/Older.journey"
type_of() { XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$1"; }
[ "$(type_of "$work/Northwind.journey")" = application/x-journeymap ] || fail "xdg-mime: $(type_of "$work/Northwind.journey")"
[ "$(type_of "$work/no-extension")" = application/x-journeymap ] || fail "the SQLite magic is not recognised: $(type_of "$work/no-extension")"
[ "$(xdg-mime query default application/x-journeymap)" = Journeymap.desktop ] ||
  fail "default app for .journey: $(xdg-mime query default application/x-journeymap)"
echo "ok   journeymap --version; .journey is application/x-journeymap (by name and by content), opened by Journeymap.desktop"

say "Opening the sample through the installed desktop entry (Xvfb)"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=$display HOME="$work/home" WEBKIT_DISABLE_DMABUF_RENDERER=1
mkdir -p "$HOME"
titles() { xwininfo -root -tree 2>/dev/null | grep -o '"[^"]*Journeymap"' || true; }
wait_title() {
  for _ in $(seq 1 60); do
    titles | grep -qF "$1" && return 0
    sleep 0.5
  done
  fail "no window titled '$1' (windows: $(titles))"
}
# One session bus for both starts (the handoff goes over it); it lives until the checks are done.
dbus-run-session -- bash -c '
  gio launch /usr/share/applications/Journeymap.desktop "$1"
  for _ in $(seq 1 60); do xwininfo -root -tree | grep -q "Northwind.journey" && break; sleep 0.5; done
  sleep 2
  # A second start (another double-click) hands its file to the running window and exits.
  timeout 20 journeymap-desktop "$2"
  echo $? > "$3.second"
  while [ ! -e "$3" ]; do sleep 0.3; done
' _ "$work/Northwind.journey" "$work/Older.journey" "$work/done" &
session=$!
wait_title "Northwind.journey"
import -window root "${SCREENSHOTS:-/tmp}/package-opened.png" 2>/dev/null || true
wait_title "Older.journey"
for _ in $(seq 1 40); do [ -e "$work/done.second" ] && break; sleep 0.5; done
[ "$(cat "$work/done.second" 2>/dev/null)" = 0 ] || fail "the second start did not exit cleanly ($(cat "$work/done.second" 2>/dev/null))"
[ "$(app_pids | wc -l)" -eq 1 ] || fail "a second app process is running"
sleep 1
import -window root "${SCREENSHOTS:-/tmp}/package-second-start.png" 2>/dev/null || true
for pid in $(app_pids); do kill "$pid"; done
touch "$work/done"
wait "$session" || true
echo "ok   the sample opened from the desktop entry; a second start opened its file in the same window"

say "Removing it"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$package" >/dev/null
for f in /usr/bin/journeymap /usr/bin/journeymap-desktop /usr/share/applications/Journeymap.desktop /usr/share/mime/packages/journeymap.xml; do
  [ ! -e "$f" ] || fail "$f is left after removal"
done
[ "$(type_of "$work/Northwind.journey")" != application/x-journeymap ] || fail "the MIME type is left after removal"
echo "ok   removed cleanly"
