#!/usr/bin/env bash
# The accessibility check: the app as a screen reader sees and drives it, through AT-SPI, with no display.
#   bash tools/atspi_check.sh [CHECK.py ...]   (default: every tests/atspi/check_*.py; each gets a fresh app,
#                                               in English for check_*_en.py, else in Chinese)
# Starts, and stops by PID on exit: Xvfb on a free private display, a private D-Bus session bus, the AT-SPI
# bus launcher, then the app on the xcb platform (the offscreen platform has no AT-SPI bridge). Each check
# runs under Debian's /usr/bin/python3, which has python3-pyatspi (the app's venv does not).
# Needs the database and translations (make db i18n); installs the Debian packages from tools/apt-packages.txt.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
have_stack() {
  command -v Xvfb >/dev/null && command -v dbus-daemon >/dev/null && [[ -x /usr/libexec/at-spi-bus-launcher ]] \
    && /usr/bin/python3 -c 'import pyatspi' 2>/dev/null
}
if ! bash tools/setup_system.sh >/dev/null && ! have_stack; then
  echo "atspi_check: the AT-SPI stack is not installed (Debian packages in tools/apt-packages.txt)" >&2
  exit 2
fi
make -s db i18n >/dev/null || exit 2
[[ -x .venv/bin/python ]] || { echo "no .venv: run make setup" >&2; exit 2; }
checks=("$@")
((${#checks[@]})) || checks=(tests/atspi/check_*.py)
RUN=$(mktemp -d "${TMPDIR:-/tmp}/atspi-check.XXXXXX")
pids=()
stop() {  # newest first: app, registry, launcher, bus, X
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null; done
  for i in "${pids[@]}"; do wait "$i" 2>/dev/null; done
  pids=()
}
trap 'stop; rm -rf "$RUN"' EXIT
trap 'exit 130' INT TERM
until_ok() { local tenths=$1; shift; for ((k = 0; k < tenths; k++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }
bus_has() { dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner "string:$1" | grep -q 'boolean true'; }

start_stack() {  # $1: a fresh folder for this run, $2...: the app's arguments
  local dir=$1 n
  shift
  for n in $(seq 90 140); do [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]] || break; done
  Xvfb ":$n" -screen 0 1400x900x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
  pids+=($!)
  until_ok 100 test -S "/tmp/.X11-unix/X$n" || { echo "Xvfb did not start" >&2; return 1; }
  export DISPLAY=":$n" XDG_RUNTIME_DIR="$dir/xdg"
  mkdir -m 700 "$XDG_RUNTIME_DIR"
  dbus-daemon --session --nofork --print-address=3 3>"$dir/bus" 2>"$dir/dbus.log" &
  pids+=($!)
  until_ok 100 test -s "$dir/bus" || { echo "dbus-daemon did not start" >&2; return 1; }
  DBUS_SESSION_BUS_ADDRESS=$(head -1 "$dir/bus")
  export DBUS_SESSION_BUS_ADDRESS
  # Wait with NameHasOwner: asking org.a11y.Bus anything earlier would activate a second launcher.
  /usr/libexec/at-spi-bus-launcher --launch-immediately >"$dir/launcher.log" 2>&1 &
  pids+=($!)
  until_ok 100 bus_has org.a11y.Bus || { echo "the AT-SPI bus did not start" >&2; return 1; }
  (exec env QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 DA_NAVIGATOR_USER_DIR="$dir/user" \
    DA_NAVIGATOR_SETTINGS_DIR="$dir/settings" "$ROOT/.venv/bin/python" "$ROOT/main.py" "$@") >"$dir/app.log" 2>&1 &
  pids+=($!)
}

registry_pid() {  # at-spi2-registryd is started by the AT-SPI bus, not by us: ask that bus for its PID
  local a11y
  a11y=$(dbus-send --session --print-reply=literal --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress | tr -d ' ')
  dbus-send --bus="$a11y" --print-reply=literal --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.a11y.atspi.Registry 2>/dev/null | awk '{print $2}'
}

failed=0
for check in "${checks[@]}"; do
  dir="$RUN/$(basename "$check" .py)"
  mkdir -p "$dir"
  echo "== $check"
  args=()
  [[ $check == *_en.py ]] && args=(--lang en)  # check_*_en.py: the English UI
  if start_stack "$dir" "${args[@]}"; then
    PYTHONPATH="$ROOT/tests/atspi" /usr/bin/python3 "$check"
    rc=$?
  else
    rc=2
  fi
  reg=$(registry_pid)
  [[ $reg =~ ^[0-9]+$ ]] && pids+=("$reg")
  if ((rc)); then failed=1; echo "-- $check failed ($rc); app log:"; tail -20 "$dir/app.log"; fi
  stop
done
exit $failed
