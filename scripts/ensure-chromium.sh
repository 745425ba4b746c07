#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Maven runs this before the
# evalgap-cli tests (and .ci/run before Maven), so a fresh machine needs no set-up by hand.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "evalgap: the browser tests need /usr/bin/chromium: run 'apt-get install -y chromium' as root" >&2; exit 1; }
  sudo="sudo"
fi
echo "evalgap: installing Debian chromium for the browser tests..." >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q chromium >&2 || { $sudo apt-get update -q >&2 && $sudo apt-get install -y -q chromium >&2; }
