#!/bin/sh
# The browser tests drive Debian's Chromium (never a downloaded Playwright build). Installs it when
# it is missing and we may (root); otherwise says what to do. Safe to run any number of times.
set -eu
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    apt-get update
    # A CJK font, so that screenshots under test-artifacts/ show the Chinese.
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-wqy-microhei
else
    echo "ensure_chromium: $CHROMIUM is missing; install it (sudo apt-get install chromium) or the browser tests fail." >&2
fi
