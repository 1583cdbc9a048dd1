# build-aux/deps.sh — the Debian 12 packages Journey Maps needs to build,
# run and test, and a function that installs whichever are missing.
# Sourced by build-aux/run, build-aux/test and build-aux/bench.

JM_BUILD_PACKAGES="
  meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libxml2-dev libcairo2-dev libpango1.0-dev libjpeg62-turbo-dev libpng-dev
  gettext itstool desktop-file-utils appstream
  libzip-dev
"

JM_RUN_PACKAGES="
  gsettings-desktop-schemas adwaita-icon-theme fonts-cantarell fonts-dejavu-core
  fonts-noto-color-emoji
"

JM_TEST_PACKAGES="
  locales xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-pyatspi orca
  libxml2-utils poppler-utils qpdf librsvg2-bin imagemagick
  libgtk-4-bin clang-14 libclang-rt-14-dev clang-tools-14 valgrind xdotool git
  libreoffice-impress chromium tidy
"

# From npm, into the project's own git-ignored _deps/ folder: axe-core,
# which the web page test (tests/export/test-html-browser.py) runs inside
# the exported page in Chromium.
JM_NPM_PACKAGES="axe-core@4.14.1"

jm_install_npm () {
  local top="$1"
  [ -f "$top/_deps/node_modules/axe-core/package.json" ] \
    && grep -q "\"version\": \"${JM_NPM_PACKAGES#axe-core@}\"" "$top/_deps/node_modules/axe-core/package.json" \
    && return 0
  # Node's own packages may bring npm; Debian's otherwise.
  command -v npm >/dev/null || jm_install_missing npm || return 1
  mkdir -p "$top/_deps"
  # shellcheck disable=SC2086
  npm install --prefix "$top/_deps" --no-audit --no-fund --no-save $JM_NPM_PACKAGES
}

# build-aux/bench only: the reference tools timed beside ours (xmllint,
# rsvg-convert, Dia) and Xvfb for the canvas's frames. Not needed by CI.
JM_BENCH_PACKAGES="
  libxml2-utils librsvg2-bin dia xvfb xauth
"

jm_install_missing () {
  local wanted="$*" missing="" pkg
  for pkg in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $pkg"
    fi
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo="sudo"
    else
      echo "These Debian packages are missing and I am not root (and there is no sudo):$missing" >&2
      return 1
    fi
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing || return 1
}

# The locales the tests run in besides C.UTF-8: Italian numbers ("3,8") and
# translations. Debian's `locales` package builds a locale once it is
# enabled in /etc/locale.gen; doing it again is harmless.
JM_TEST_LOCALES="it_IT.UTF-8"

jm_ensure_locales () {
  local wanted="${*:-$JM_TEST_LOCALES}" missing="" loc name
  for loc in $wanted; do
    # `locale -a` spells them it_IT.utf8.
    name="$(echo "$loc" | sed 's/\.UTF-8$/.utf8/')"
    if ! locale -a 2>/dev/null | grep -qx "$name"; then
      missing="$missing $loc"
    fi
  done
  [ -z "$missing" ] && return 0

  echo "Generating locales:$missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo="sudo"
    else
      echo "These locales are missing and I am not root (and there is no sudo):$missing" >&2
      return 1
    fi
  fi
  jm_install_missing locales || return 1
  for loc in $missing; do
    # Uncomment "# it_IT.UTF-8 UTF-8", or add the line if the file lacks it.
    if grep -qE "^# *$loc UTF-8\$" /etc/locale.gen; then
      $sudo sed -i -E "s/^# *($loc UTF-8)\$/\1/" /etc/locale.gen || return 1
    elif ! grep -qE "^$loc UTF-8\$" /etc/locale.gen; then
      echo "$loc UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null || return 1
    fi
  done
  $sudo locale-gen || return 1
}
