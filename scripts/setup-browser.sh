#!/bin/sh
# Debian's Chromium for the end-to-end tests of the web page (Playwright drives it; no browser
# download at test time). Installs it when missing; needs root or sudo and Debian's packages.
set -e
if command -v chromium >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium >/dev/null
command -v chromium >/dev/null
