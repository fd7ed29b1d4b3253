#!/usr/bin/env bash
# Prints the path of a usable Chromium for the dashboard's browser tests (Playwright drives it through
# GITBOT_TEST_CHROMIUM; Playwright's own browser downloads are never used). Progress goes to stderr.
#  - /usr/bin/chromium (Debian's `chromium` package) when it is installed and starts;
#  - otherwise installs Debian's `chromium` with apt-get, non-interactively, as root (`apt-get update` only when the
#    install fails without it);
#  - fails loudly, naming what is missing, when neither works.
set -euo pipefail
chromium="${GITBOT_CHROMIUM_PATH:-/usr/bin/chromium}"

usable() {
  [ -x "$chromium" ] && "$chromium" --headless --no-sandbox --version >/dev/null 2>&1
}

if ! usable; then
  echo "install-chromium.sh: $chromium missing or not runnable; installing Debian's chromium" >&2
  command -v apt-get >/dev/null \
    || { echo "install-chromium.sh: $chromium is missing and apt-get is not available; install Chromium and set GITBOT_TEST_CHROMIUM" >&2; exit 1; }
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null \
      || { echo "install-chromium.sh: installing chromium needs root (not root, no sudo)" >&2; exit 1; }
    as_root=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  install_chromium() { "${as_root[@]}" apt-get install -y -q --no-install-recommends chromium >&2; }
  if ! install_chromium; then
    echo "install-chromium.sh: apt-get install failed; running apt-get update and trying again" >&2
    "${as_root[@]}" apt-get update -q >&2
    install_chromium || { echo "install-chromium.sh: apt-get install chromium failed" >&2; exit 1; }
  fi
  usable || { echo "install-chromium.sh: $chromium still not runnable after installing Debian's chromium" >&2; exit 1; }
fi

echo "install-chromium.sh: $("$chromium" --headless --no-sandbox --version 2>/dev/null)" >&2
echo "$chromium"
