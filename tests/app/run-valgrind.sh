#!/bin/sh
# run-valgrind.sh JOURNEY_MAPS EXAMPLES_DIR SUPPRESSIONS — journey-maps
# --check and --export of every example under valgrind's memcheck: no
# invalid read or write, no use of uninitialised memory, no block lost
# for good (definite leaks; fontconfig's own is suppressed). The exports
# rotate through PNG (at a small scale, for speed), PDF and SVG, so every
# example is exported once and every format at least twice.
set -eu
binary="$1"
examples="$2"
suppressions="$3"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

export G_SLICE=always-malloc
export G_DEBUG=gc-friendly

memcheck () {
  valgrind -q --trace-children=yes --error-exitcode=1 --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --suppressions="$suppressions" --num-callers=30 "$@"
}

status=0
echo "--check of every example"
memcheck "$binary" --check "$examples"/*.journey || status=1

i=0
for map in "$examples"/*.journey; do
  name="$(basename "$map" .journey)"
  case $((i % 3)) in
    0) set -- --export="$out/$name.png" --scale=0.5 ;;
    1) set -- --export="$out/$name.pdf" ;;
    2) set -- --export="$out/$name.svg" ;;
  esac
  echo "$* $name"
  if ! memcheck "$binary" "$@" "$map"; then
    echo "FAILED: $* $map" >&2
    status=1
  fi
  i=$((i + 1))
done

[ "$(ls "$out" | wc -l)" -eq "$i" ] || { echo "not every export was written" >&2; status=1; }
exit "$status"
