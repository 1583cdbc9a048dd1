#!/bin/sh
# What Orca would say while the canvas's keyboard focus moves over a map:
# runs Orca (Debian's orca 43) with its debug log, opens the restaurant
# example, walks a few cells and cards with the arrow keys, and prints the
# lines Orca logged as speech. Run it inside a display and a session bus:
#   xvfb-run -a -s '-screen 0 1600x1000x24' dbus-run-session -- \
#     sh tests/app/orca-speaks.sh _build/src/app/journey-maps
# With no speech server Orca still logs what it would have said.
# Exit 77 when Orca, xdotool or AT-SPI are missing; 1 when Orca did not
# say the touchpoint card the walk ends on, with its name and its place.
set -u
binary="${1:?usage: orca-speaks.sh PATH-TO-journey-maps [EXAMPLE]}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
example="${2:-$root/data/examples/restaurant-regular.journey}"
for tool in orca xdotool; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: skipping"; exit 77; }
done
[ -x /usr/libexec/at-spi-bus-launcher ] || { echo "AT-SPI is missing: skipping"; exit 77; }

work="$(mktemp -d)"
app= orca= launcher=
trap 'kill $app $orca $launcher 2>/dev/null; rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export GSETTINGS_BACKEND=memory JOURNEY_MAPS_RECOVERY_DIR="$work/recovery"
# The build tree's schemas, unless the program is installed.
[ -n "${GSETTINGS_SCHEMA_DIR:-}" ] || [ ! -f "$root/_build/data/gschemas.compiled" ] \
  || export GSETTINGS_SCHEMA_DIR="$root/_build/data"
unset NO_AT_BRIDGE
# Orca asks for screen coordinates, which GTK 4.8 under X11 answers with a
# warning ("Screen coordinates not supported"): not fatal here.
unset G_DEBUG

/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
sleep 1
orca --replace --debug-file "$work/orca.log" >"$work/orca.out" 2>&1 &
orca=$!
sleep 4
"$binary" "$example" &
app=$!
window=""
for _ in $(seq 50); do
  window="$(xdotool search --onlyvisible --pid $app 2>/dev/null | head -1)"
  [ -n "$window" ] && break
  sleep 0.2
done
[ -n "$window" ] || { echo "the window never showed"; exit 1; }
sleep 2
xdotool windowfocus --sync "$window"
xdotool mousemove --window "$window" 600 600 click 1
sleep 1
# The first cell, the next cell to the right, a step header above it, and
# down into the touchpoints' first card.
for keys in ctrl+Home Right Up Down Down Down; do
  xdotool key --clearmodifiers "$keys"
  sleep 1.5
done
sleep 2
# Orca 43 logs each utterance as "SPEECH OUTPUT: 'text'".
grep -a "SPEECH OUTPUT" "$work/orca.log" | sed "s/^ *//" | uniq > "$work/speech.txt"
cat "$work/speech.txt"
# A card is said with what it is and holds, then where it is.
if ! grep -q "Touchpoint, Website: " "$work/speech.txt" \
   || ! grep -q "stage Discover, step Looks it up, lane Touchpoints" "$work/speech.txt"; then
  echo "Orca did not say the touchpoint card and its place (log: $(wc -l < "$work/orca.log") lines)" >&2
  exit 1
fi
