# Sourced by tools/windows/*.sh: where the Windows toolchain lives, and the one way wine is called.
# Everything stays under build/ (never in $HOME); every wine call runs under `timeout` with its output
# piped (Python under wine dies when its stdout is a file: "init_sys_streams ... Invalid handle").
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WIN_TOOLS=$ROOT/build/wintools          # Windows CPython, wheels, the build prefix
WIN_PY=$WIN_TOOLS/python                # python.exe + Lib/site-packages
export WINEPREFIX=${WINEPREFIX:-$WIN_TOOLS/prefix} WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
# No menu/.desktop files written into the Linux $HOME; no Mono/Gecko download dialogs from wineboot.
# No winedbg: a program that crashes ends with its exception code at once. With the debugger, one rare
# crash at exit under wine (after the window had painted) left winedbg holding the output pipe, and
# `w` waited on it past its timeout: the CI run hung instead of reporting the crash.
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=d;mshtml=d;winedbg.exe=d"
unset WINEUSERNAME
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -1)

winpath() { local p; p=$(realpath -m "$1"); printf 'Z:%s' "${p//\//\\}"; }  # a Linux path as wine sees it

# w [--timeout S] PROGRAM ARGS...: run a Windows program; output through a pipe; exit code kept.
w() {
  local secs=300
  if [[ ${1:-} == --timeout ]]; then secs=$2; shift 2; fi
  timeout --kill-after=10 "$secs" wine "$@" 2>&1 </dev/null | cat
  return "${PIPESTATUS[0]}"
}

# wpy ARGS...: the Windows CPython under wine.
wpy() { w --timeout "${WPY_TIMEOUT:-600}" "$WIN_PY/python.exe" "$@"; }

wine_idle() { timeout 120 wineserver -w || true; }  # wait until the prefix's wine processes ended
wine_stop() { timeout 30 wineserver -k 2>/dev/null || true; }

# fresh_prefix DIR: a new 64-bit prefix, ready for Qt (USER decides the Windows user name), ~10 s.
# The TEST-ONLY icuuc.dll stub goes into its system32 (wine 8 has no ICU; Windows 10+ ships it), and
# the sRGB colour profile is removed (Qt's windows plugin then skips mscms.WcsCreateIccProfile, which
# wine 8 does not implement and which aborts the first window).
fresh_prefix() {
  local dir=$1
  rm -rf "$dir"; mkdir -p "$(dirname "$dir")"
  WINEPREFIX=$dir timeout 300 wineboot -i 2>&1 </dev/null | grep -vE "syswow64|^\s*$" || true
  WINEPREFIX=$dir wine_idle
  [[ -d $dir/drive_c/windows/system32 ]] || { echo "wineboot did not create $dir" >&2; return 1; }
  cp "$WIN_TOOLS/icuuc.dll" "$dir/drive_c/windows/system32/icuuc.dll"
  rm -f "$dir/drive_c/windows/system32/spool/drivers/color/srgb color space profile.icm"
}
