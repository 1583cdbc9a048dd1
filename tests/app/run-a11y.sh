#!/bin/sh
# Runs the accessibility test on its own session bus with the AT-SPI bus,
# inside the display the suite already has (xvfb-run first, then dbus).
set -eu
binary="$1"
script="$(dirname "$0")/test-a11y.py"
if [ -z "${DISPLAY:-}" ] || [ ! -x /usr/bin/dbus-run-session ] || [ ! -x /usr/libexec/at-spi-bus-launcher ]; then
  echo "No display or no AT-SPI: skipping the accessibility test"
  exit 77
fi
if ! /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
  echo "python3-pyatspi is missing: skipping the accessibility test"
  exit 77
fi
# The AT-SPI client library warns about registry races that say nothing of
# the application (GetItems on a cache not exported yet); the suite's
# fatal warnings are for the application alone.
export JM_APP_G_DEBUG="${G_DEBUG:-}"
unset G_DEBUG
exec dbus-run-session -- sh -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  launcher=$!
  sleep 1
  /usr/bin/python3 "$0" "$1"
  status=$?
  kill $launcher 2>/dev/null || true
  exit $status
' "$script" "$binary"
