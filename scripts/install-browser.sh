#!/usr/bin/env bash
# Get a browser for `assist`: Playwright's own Chromium where its download works, else Debian's
# chromium via apt-get when root, else say what to do. Does nothing when one is already there.
# With Debian's chromium it also adds Chromium's headless shell where the package exists: headless
# runs (the tests, `make demo` with no display) start in a fraction of the time with it.
set -u
PY=${1:-.venv/bin/python}

add_headless_shell() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && command -v chromium >/dev/null || return 0
  command -v chromium-headless-shell >/dev/null && return 0
  # Only when the package lists already offer it: no network round trip on every `make`.
  apt-cache policy chromium-headless-shell 2>/dev/null | grep -q 'Candidate: [0-9]' || return 0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null 2>&1 \
    && echo "browser: added Debian's chromium-headless-shell for headless runs"
  return 0
}

have_browser() {
  "$PY" - <<'PYEOF' >/dev/null 2>&1
from playwright.sync_api import sync_playwright
from meta_optout_assist.browser.launch import choose
with sync_playwright() as pw:
    choose(pw, None)
PYEOF
}

if have_browser; then
  echo "browser: found"
  add_headless_shell
  exit 0
fi
echo "browser: trying Playwright's Chromium download"
if timeout 300 "$PY" -m playwright install chromium >/dev/null 2>&1 && have_browser; then
  echo "browser: Playwright Chromium installed"
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "browser: installing Debian's chromium with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null && have_browser && add_headless_shell && exit 0
fi
cat >&2 <<'MSG'
No browser could be installed automatically. Install one of:
  - Playwright's Chromium:  .venv/bin/assist install-browser   (runs .venv/bin/python -m playwright install chromium)
  - your system's Chromium: sudo apt-get install chromium   (Debian/Ubuntu)
  - Google Chrome or Microsoft Edge, then pass --browser chrome / --browser msedge
MSG
exit 1
