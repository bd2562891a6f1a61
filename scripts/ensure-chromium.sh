#!/usr/bin/env bash
# Playwright drives Debian's Chromium (browser downloads are impossible here). Install it when
# missing and we are allowed to (root), otherwise say exactly what to do.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "error: no Chromium at $chromium_path. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
