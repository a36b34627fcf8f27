#!/usr/bin/env bash
# Writes src-tauri/startup.order: the app binary's functions that run from launch to a
# 10,000-card project's first drawn map and through one edit (a card added, undone), traced with
# valgrind's callgrind in a real window under Xvfb. src-tauri/build.rs has the linker lay them out
# side by side, so the code a session needs is read from the file in a few MB rather than in
# 64 KB windows across all 17 MB (docs/performance.md, twelfth round). Run it again after a
# dependency changes; a name no longer in the binary is skipped at link time, so a stale list only
# gathers less. Needs valgrind, Xvfb and xdotool; takes a few minutes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
for tool in valgrind Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "startup-order: $tool is needed (apt-get install valgrind xvfb xdotool)" >&2; exit 1; }
done
build_ui
cargo build --quiet --release --bin journeymap
cargo build --quiet --release -p journeymap-desktop --bin journeymap-desktop
app="$CARGO_TARGET_DIR/release/journeymap-desktop"

work="$(mktemp -d)"
display=:$((90 + RANDOM % 50))
cleanup() {
  [ -n "${traced:-}" ] && kill -9 "$traced" 2>/dev/null || true
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"$CARGO_TARGET_DIR/release/journeymap" generate --touchpoints 10000 -o "$work/g.journey" >/dev/null
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1

# Busy until its CPU time stops moving for 5 s in a row (at most 10 minutes).
settle() {
  local last=-1 still=0 now
  for _ in $(seq 600); do
    now=$(awk '{print $14 + $15}' "/proc/$traced/stat")
    if [ "$now" = "$last" ]; then still=$((still + 1)); else still=0; fi
    [ "$still" -ge 5 ] && return 0
    last=$now
    sleep 1
  done
}

say "Tracing the app's start and an edit under callgrind (slow: a minute or more)"
mkdir -p "$work/home"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" DISPLAY="$display" \
  valgrind --tool=callgrind --demangle=no --dump-instr=no --callgrind-out-file="$work/trace.%p" \
  "$app" "$work/g.journey" >"$work/valgrind.log" 2>&1 &
traced=$!
settle
export DISPLAY="$display"
xdotool mousemove 500 500 click 1
sleep 2
xdotool key t
settle
xdotool key Escape ctrl+z
settle
callgrind_control -d "$traced" >/dev/null
sleep 5

# Every function of the app binary that ran, once each, recursion marks ('2) dropped.
python3 - "$work" "$(basename "$app")" >src-tauri/startup.order <<'EOF'
import glob, re, sys
work, binary = sys.argv[1], sys.argv[2]
seen = {}
for path in sorted(glob.glob(f"{work}/trace.*")):
    objects, names, current = {}, {}, None
    for line in open(path, errors="replace"):
        m = re.match(r"^(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        callee, kind, ref, name = m.groups()
        table = objects if kind == "ob" else names
        if name is not None:
            table[ref] = name
        if callee:
            continue
        if kind == "ob":
            current = objects[ref]
        elif current and current.endswith("/" + binary):
            seen.setdefault(re.sub(r"'\d+$", "", names[ref]), None)
print("\n".join(seen))
EOF
echo "src-tauri/startup.order: $(wc -l <src-tauri/startup.order) functions"
