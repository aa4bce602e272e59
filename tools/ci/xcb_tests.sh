#!/usr/bin/env bash
# The GUI tests whose outcome depends on the platform's key bindings, run again under the real
# X11 (xcb) platform on a private Xvfb display: there QKeySequence.Quit is Ctrl+Q, so a key bound
# twice becomes an "ambiguous shortcut" that offscreen never shows. Needs Xvfb (tools/apt-packages.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
command -v Xvfb >/dev/null || { echo "Xvfb is not installed (apt-get install xvfb)"; exit 1; }
display=""
for n in $(seq 91 140); do  # a free display number: no lock file and no socket
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then display=":$n"; break; fi
done
[ -n "$display" ] || { echo "no free X display number"; exit 1; }
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
DISPLAY="$display" QT_QPA_PLATFORM=xcb "$PY" -m pytest -q -p no:cacheprovider tests/test_shortcuts.py "$@"
