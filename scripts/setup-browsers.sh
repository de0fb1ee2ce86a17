#!/usr/bin/env bash
# Installs the three browser engines the browser tests run in, from Debian packages only, and
# the npm drivers that drive them (pinned in package.json / package-lock.json), skipping what is
# there:
#   Chromium     chromium            driven by playwright-core (CDP)
#   Firefox ESR  firefox-esr         driven by puppeteer-core over WebDriver BiDi (no geckodriver)
#   WebKitGTK    webkit2gtk-driver   WebKitWebDriver driving MiniBrowser, through selenium-webdriver,
#                xvfb, xdotool       under xvfb-run (WebKitGTK has no headless mode); xdotool gives
#                                    its window the input focus (there is no window manager)
# No browser is ever downloaded: puppeteer-core and playwright-core fetch none, and the tests
# point them at the Debian binaries (js/test/support/browsers.mjs).
# Run it or source it; `SKIP_BROWSER=1` skips the apt part (as scripts/setup-wasm.sh does).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)

if [ "${SKIP_BROWSER:-}" != 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  command -v xdotool >/dev/null || missing+=(xdotool)
  [ -f /usr/share/i18n/locales/en_GB ] || missing+=(locales)
  if [ "${#missing[@]}" -gt 0 ]; then
    "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      "${missing[@]}" >/dev/null
  fi
fi

if [ ! -d "$root/node_modules/puppeteer-core" ] || [ ! -d "$root/node_modules/selenium-webdriver" ] ||
  ! (cd "$root" && npm ls --depth=0 >/dev/null 2>&1); then
  (cd "$root" && npm ci --no-audit --no-fund)
fi

# WebKitGTK takes the page's language from LANG, and only from a locale the C library has: the
# locales the tests open pages in (js/test/support/browsers.mjs), generated once (~1 s each).
if [ "${SKIP_BROWSER:-}" != 1 ]; then
  for l in en_US en_GB de_DE fr_FR; do
    locale -a 2>/dev/null | grep -qx "$l.utf8" || "${sudo[@]}" localedef -i "$l" -f UTF-8 "$l.UTF-8"
  done
fi
