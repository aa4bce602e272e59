#!/usr/bin/env bash
# make selftest-windows: prove the Windows build under wine (run `make dist-windows` first).
#   bundle    no icuuc.dll stub, nothing from a wine prefix; DB, fonts, translations, icon, version resource
#   selftest  the frozen `--self-test REPORT.json` (offscreen): every check passes, on Windows' SQLite
#   pdf       `--print-summary`: a PDF with Chinese text in embedded fonts (checked with poppler here)
#   window    the app on Xvfb with Qt's Windows platform plugin: window painted with its tree filled,
#             a screenshot, a clean close; user data under %APPDATA%, nothing written in the bundle
#   zh_user   the same as a Windows user named 张三 (C:\users\张三), in a zh_CN locale
#   install   installer round trip: /S install, run, bookmark, /S uninstall, bookmarks survive
#   dpi       the window at 150 % (QT_SCALE_FACTOR=1.5): a screenshot to look at
#   portable  the unzipped folder with a `portable` marker keeps user data in <folder>\userdata
# Usage: selftest.sh [STEP...] (default: all). Screenshots, reports and logs go to $CI_LOGS
# (default build/windows/selftest). Exits 1 if any check failed.
set -uo pipefail
source "$(dirname "$0")/wine_env.sh"
cd "$ROOT"
APP="$ROOT/dist/windows/DA Navigator"
ZIP=$ROOT/dist/DA-Navigator-$VERSION-win64.zip
SETUP=$ROOT/dist/DA-Navigator-$VERSION-setup.exe
WORK=$ROOT/build/windows-test
LOGS=$(realpath -m "${CI_LOGS:-$ROOT/build/windows/selftest}")
HOST_PY=${PYTHON:-$ROOT/.venv/bin/python}
for f in "$APP/DA Navigator.exe" "$ZIP" "$SETUP"; do
  [[ -f $f ]] || { echo "selftest-windows: $f missing: run 'make dist-windows' first" >&2; exit 1; }
done
mkdir -p "$WORK" "$LOGS"
FAILS=0; t0=$SECONDS
step() { echo "== selftest-windows $((SECONDS - t0))s: $*"; }
check() {  # check "what" COMMAND...: run, report ok/FAIL, count failures
  local what=$1; shift
  if "$@"; then echo "   ok   $what"; else echo "   FAIL $what"; FAILS=$((FAILS + 1)); fi
}

# ---- bundle contents -------------------------------------------------------------------------------
bundle() {
  step "bundle: contents, and nothing from a wine prefix or the icuuc.dll stub"
  local unzipped=$WORK/unzipped
  rm -rf "$unzipped"; mkdir -p "$unzipped"; unzip -q "$ZIP" -d "$unzipped"
  check "the zip holds exactly the folder" diff -rq "$APP" "$unzipped/DA Navigator"
  check "bundle contents" "$HOST_PY" tools/windows/check_bundle.py "$APP" --prefix "$WINEPREFIX" \
    --stub "$WIN_TOOLS/icuuc.dll" --version "$VERSION"
}

# ---- the frozen self-test and a summary PDF --------------------------------------------------------
selftest() {
  step "frozen --self-test under wine (offscreen)"
  local report=$LOGS/selftest-report.json
  rm -f "$report"
  w --timeout 300 "$APP/DA Navigator.exe" --self-test "$(winpath "$report")"
  local rc=$?
  check "self-test exit code 0 (got $rc) and report written" test "$rc" -eq 0 -a -s "$report"
  check "every check passes, frozen, Windows SQLite 3.45" "$HOST_PY" - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
v = report["versions"]
for c in report["checks"]:
    print(f"     {c['name']:13} {c['status']:8} {c['ms']:8.1f} ms  {c.get('reason', c.get('error', ''))}")
print(f"     python {v['python']}, SQLite {v['sqlite']}, Qt {v['qt']}, {v['platform']}, app {v['app']}")
bad = [c["name"] for c in report["checks"] if c["status"] != "pass"]
folder = next((c.get("folder", "") for c in report["checks"] if c["name"] == "user_data"), "")
ok = not bad and v["frozen"] and v["sqlite"].startswith("3.45.") and "\\AppData\\Roaming\\" in folder
sys.exit(0 if ok else f"not passed: {bad}, frozen={v['frozen']}, sqlite={v['sqlite']}, user data in {folder}")
PY
}

pdf() {
  step "--print-summary under wine: Chinese text, embedded fonts"
  local out=$LOGS/summary-6.pdf
  rm -f "$out"
  WINEQT_QPA_PLATFORM=offscreen w --timeout 300 "$APP/DA Navigator.exe" --print-summary 6 --output "$(winpath "$out")"
  check "PDF written" test -s "$out"
  check "PDF text holds 建议 6" bash -c "pdftotext '$out' - | tr -d ' \n' | grep -q '建议6'"
  pdffonts "$out" | sed 's/^/     /'
  check "every PDF font embedded" fonts_embedded "$out"
}
fonts_embedded() {  # pdffonts columns end: emb sub uni object-id gen
  local rows; rows=$(pdffonts "$1" | tail -n +3)
  [[ -n $rows ]] && ! awk '{print $(NF-4)}' <<<"$rows" | grep -qvx yes
}

# ---- an X server, the test prefixes --------------------------------------------------------------
XPID=; XDISPLAY=
xserver() {  # start a private Xvfb once (CI has no display); Qt's windows plugin under wine needs X
  [[ -n $XDISPLAY ]] && return 0
  exec {fd}<> <(:)
  Xvfb -displayfd "$fd" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XPID=$!
  read -r -t 30 -u "$fd" number || { echo "selftest-windows: Xvfb did not start" >&2; exit 1; }
  exec {fd}>&-
  XDISPLAY=:$number
}
cleanup() {
  for p in "$WORK"/prefix-*; do [[ -d $p ]] && WINEPREFIX=$p wine_stop; done
  [[ -n $XPID ]] && kill "$XPID" 2>/dev/null
}
trap cleanup EXIT

prefix_root() {  # a copy of the build prefix (user root)
  [[ -f $WORK/prefix-root/.copied ]] && return 0
  rm -rf "$WORK/prefix-root"; cp -a "$WINEPREFIX" "$WORK/prefix-root" && touch "$WORK/prefix-root/.copied"
}
prefix_zh() {  # a fresh prefix for the Windows user 张三, Chinese locale (ACP 936), ~10 s
  [[ -f $WORK/prefix-zh/.made ]] && return 0
  mkdir -p "$WORK/locale"
  [[ -d $WORK/locale/zh_CN.UTF-8 ]] || localedef -i zh_CN -f UTF-8 "$WORK/locale/zh_CN.UTF-8" 2>/dev/null \
    || [[ -d $WORK/locale/zh_CN.UTF-8 ]] || { echo "localedef zh_CN failed" >&2; return 1; }
  LOCPATH=$WORK/locale LANG=zh_CN.UTF-8 USER=张三 fresh_prefix "$WORK/prefix-zh" && touch "$WORK/prefix-zh/.made"
}

# as PREFIX USER COMMAND...: run in that prefix as that Windows user (the zh prefix in its locale)
as() {
  local prefix=$1 user=$2; shift 2
  local lang=C.UTF-8; [[ $user == root ]] || lang=zh_CN.UTF-8
  WINEPREFIX=$prefix USER=$user LOCPATH=$WORK/locale LANG=$lang LC_ALL=$lang DISPLAY=$XDISPLAY "$@"
}

screenshot() {  # screenshot FILE: the X screen as PNG (Qt on the Linux side), once it is painted (<= 60 s)
  env -u QT_QPA_PLATFORM DISPLAY="$XDISPLAY" QT_QPA_PLATFORM=xcb "$HOST_PY" - "$1" <<'PY'
import sys
import time
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
for _ in range(60):
    image = app.primaryScreen().grabWindow(0).toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    if len(colours) > 20:
        time.sleep(2)  # painted: let it settle (fonts, the detail pane), then the picture to keep
        sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else "cannot save")
    time.sleep(1)
image.save(sys.argv[1])
sys.exit(f"the screen stayed blank ({len(colours)} colours)")
PY
}

# ---- the window ---------------------------------------------------------------------------------------
# window_smoke PREFIX USER TAG [ENV=VALUE...]: on Xvfb with Qt's Windows platform plugin, (1) the app
# paints its main window with the tree filled and exits cleanly (DA_NAVIGATOR_BENCH_READY probe);
# (2) started again: a screenshot, closed by WM_CLOSE (taskkill), exit 0; user data and settings are
# under %APPDATA%\DA Navigator; nothing was written inside the bundle.
window_smoke() {
  local prefix=$1 user=$2 tag=$3; shift 3
  xserver
  local roaming="$prefix/drive_c/users/$user/AppData/Roaming" ready=$WORK/ready-$tag rc
  rm -rf "$roaming/DA Navigator" "$ready"
  touch "$WORK/stamp-$tag"; sleep 1
  check "profile folder C:\\users\\$user exists" test -d "$prefix/drive_c/users/$user"
  as "$prefix" "$user" env DA_NAVIGATOR_BENCH_READY="$(winpath "$ready")" "$@" \
    bash -c 'source tools/windows/wine_env.sh; w --timeout 180 "$0/DA Navigator.exe"' "$APP"
  rc=$?
  check "$tag: window painted with its tree filled, exit code $rc" test "$rc" -eq 0 -a -s "$ready"

  as "$prefix" "$user" env "$@" bash -c 'source tools/windows/wine_env.sh; w --timeout 180 "$0/DA Navigator.exe"' \
    "$APP" >"$LOGS/$tag.log" &
  local job=$! found=
  for _ in $(seq 60); do
    if xwininfo -display "$XDISPLAY" -root -tree 2>/dev/null | grep -qiE '"da navigator.exe".* [0-9]{3,}x[0-9]{3,}'; then
      found=1; break
    fi
    sleep 1
  done
  check "$tag: a window of DA Navigator.exe is mapped" test -n "$found"
  check "$tag: screenshot $LOGS/$tag.png" screenshot "$LOGS/$tag.png"
  as "$prefix" "$user" bash -c 'source tools/windows/wine_env.sh; w --timeout 60 taskkill /im "DA Navigator.exe"' >/dev/null
  wait "$job"; rc=$?
  check "$tag: closed by WM_CLOSE, exit code $rc" test "$rc" -eq 0
  check "$tag: settings in %APPDATA%\\DA Navigator ($(cd "$roaming" && find "DA Navigator" -maxdepth 2 2>/dev/null | tr '\n' ' '))" \
    test -n "$(find "$roaming/DA Navigator" -name '*.ini' 2>/dev/null)"
  check "$tag: nothing written inside the bundle" test -z "$(find "$APP" -newer "$WORK/stamp-$tag" | head -3)"
}

window() {
  step "window on Xvfb, Qt's Windows platform plugin, user root"
  if prefix_root; then window_smoke "$WORK/prefix-root" root window; else check "test prefix for root" false; fi
}

zh_user() {
  step "window as the Windows user 张三 (C:\\users\\张三, zh_CN locale)"
  if prefix_zh; then window_smoke "$WORK/prefix-zh" 张三 window-zh; else check "test prefix for 张三" false; fi
}

dpi() {  # 150 % scaling: a screenshot to look at (Qt reads QT_SCALE_FACTOR; wine passes WINEQT_*)
  step "window at QT_SCALE_FACTOR=1.5"
  if prefix_root; then window_smoke "$WORK/prefix-root" root window-scale150 WINEQT_SCALE_FACTOR=1.5
  else check "test prefix for root" false; fi
}

# ---- the installer round trip ---------------------------------------------------------------------------
regdump() {  # regdump PREFIX USER KEY: a registry key as text (`reg export` writes UTF-16; the console garbles CJK)
  local file=$WORK/reg-$$.reg; rm -f "$file"
  as "$1" "$2" bash -c 'source tools/windows/wine_env.sh; w --timeout 60 reg export "$0" "$1" /y' "$3" "$(winpath "$file")" >/dev/null
  [[ -f $file ]] && iconv -f UTF-16LE -t UTF-8 "$file" | tr -d '\r' | sed 's/\\\\/\\/g'
  rm -f "$file"
}
bookmarks() {  # bookmarks add|show STORE: the app's own BookmarkStore, on the Windows app's file
  "$HOST_PY" - "$@" "$APP/_internal/data/build/content.sqlite" <<'PY'
import sys
from models.bookmarks import BookmarkStore
from models.repository import ContentRepository
action, path, db = sys.argv[1:4]
doc = ContentRepository(db).document()  # the edition the Windows app keys its bookmarks by
store = BookmarkStore(path, (doc.symbol, doc.language))
if action == "add":
    store.add("recommendation", 6, note="张三的笔记：安装往返 ✓")
mark = store.get("recommendation", 6)
print(f"     bookmark 6: {mark.note if mark else None!r}")
store.close()
sys.exit(0 if mark and mark.note == "张三的笔记：安装往返 ✓" else 1)
PY
}

# roundtrip PREFIX USER TAG: setup.exe /S -> files, shortcut, Apps & Features entry -> the installed app
# paints its window -> a bookmark with a note in its store -> the app again -> Uninstall.exe /S -> program,
# shortcut and entry gone, the bookmark and its note still there.
roundtrip() {
  local prefix=$1 user=$2 tag=$3 rc
  xserver
  local home="$prefix/drive_c/users/$user" whome="C:\\users\\$user"
  local inst="$home/AppData/Local/Programs/DA Navigator" winst="$whome\\AppData\\Local\\Programs\\DA Navigator"
  local lnk="$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/DA Navigator.lnk"
  local key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\DA Navigator'
  local run='source tools/windows/wine_env.sh; w --timeout "${T:-180}" "$@"'
  rm -rf "$home/AppData/Roaming/DA Navigator"
  local s=$SECONDS
  as "$prefix" "$user" bash -c "$run" _ "$SETUP" /S; rc=$?
  as "$prefix" "$user" bash -c 'source tools/windows/wine_env.sh; wine_idle'
  echo "     setup.exe /S: exit $rc, $((SECONDS - s)) s"
  check "$tag: installed files = the bundle + Uninstall.exe" diff -rq -x Uninstall.exe "$APP" "$inst"
  check "$tag: Uninstall.exe" test -f "$inst/Uninstall.exe"
  check "$tag: Start-menu shortcut" test -s "$lnk"
  local reg; reg=$(regdump "$prefix" "$user" "$key")
  sed -n '3,$s/^/     /p' <<<"$reg"
  check "$tag: Apps & Features: DisplayName" grep -qxF '"DisplayName"="DA Navigator"' <<<"$reg"
  check "$tag: Apps & Features: DisplayVersion $VERSION" grep -qxF "\"DisplayVersion\"=\"$VERSION\"" <<<"$reg"
  check "$tag: Apps & Features: InstallLocation $winst" grep -qxF "\"InstallLocation\"=\"$winst\"" <<<"$reg"
  check "$tag: Apps & Features: UninstallString" grep -qxF "\"UninstallString\"=\"\\\"$winst\\Uninstall.exe\\\"\"" <<<"$reg"

  local ready=$WORK/ready-$tag; rm -f "$ready"
  as "$prefix" "$user" env DA_NAVIGATOR_BENCH_READY="$(winpath "$ready")" bash -c "$run" _ "$winst\\DA Navigator.exe"
  rc=$?
  check "$tag: the installed app paints its window, exit code $rc" test "$rc" -eq 0 -a -s "$ready"
  local store; store=$(find "$home/AppData/Roaming/DA Navigator" -name bookmarks.sqlite 2>/dev/null | head -1)
  check "$tag: bookmark store under %APPDATA%\\DA Navigator" test -n "$store"
  [[ -n $store ]] && check "$tag: bookmark 6 with a note added" bookmarks add "$store"
  rm -f "$ready"
  as "$prefix" "$user" env DA_NAVIGATOR_BENCH_READY="$(winpath "$ready")" bash -c "$run" _ "$winst\\DA Navigator.exe"
  rc=$?
  check "$tag: the app starts again with the bookmark, exit code $rc" test "$rc" -eq 0 -a -s "$ready"

  s=$SECONDS    # the uninstaller copies itself to %TEMP% and returns at once: wait for the prefix to idle
  as "$prefix" "$user" bash -c "$run" _ "$winst\\Uninstall.exe" /S
  as "$prefix" "$user" bash -c 'source tools/windows/wine_env.sh; wine_idle'
  echo "     Uninstall.exe /S: $((SECONDS - s)) s"
  check "$tag: program folder removed" test ! -e "$inst"
  check "$tag: shortcut removed" test ! -e "$lnk"
  check "$tag: Apps & Features entry removed" test -z "$(regdump "$prefix" "$user" "$key")"
  [[ -n $store ]] && check "$tag: bookmark and note survive the uninstall" bookmarks show "$store"
}

install() {
  step "installer round trip, user 张三"
  if prefix_zh; then roundtrip "$WORK/prefix-zh" 张三 install-zh; else check "test prefix for 张三" false; fi
}

# ---- portable mode ------------------------------------------------------------------------------------------
# The zip unpacked as on a USB stick, with a `portable` marker file beside the .exe: bookmarks and
# settings go to <folder>\userdata, and nothing to %APPDATA%.
portable() {
  step "portable mode: the unzipped folder with a 'portable' marker"
  prefix_root || { check "test prefix for root" false; return; }
  xserver
  local stick=$WORK/usb-stick ready=$WORK/ready-portable rc
  local roaming="$WORK/prefix-root/drive_c/users/root/AppData/Roaming"
  rm -rf "$stick" "$roaming/DA Navigator" "$ready"; mkdir -p "$stick"
  unzip -q "$ZIP" -d "$stick"
  touch "$stick/DA Navigator/portable"
  as "$WORK/prefix-root" root env DA_NAVIGATOR_BENCH_READY="$(winpath "$ready")" \
    bash -c 'source tools/windows/wine_env.sh; w --timeout 180 "$0/DA Navigator.exe"' "$stick/DA Navigator"
  rc=$?
  check "portable: window painted, exit code $rc" test "$rc" -eq 0 -a -s "$ready"
  check "portable: userdata\\ beside the .exe ($(cd "$stick/DA Navigator" && find userdata 2>/dev/null | tr '\n' ' '))" \
    test -f "$stick/DA Navigator/userdata/bookmarks.sqlite"
  check "portable: nothing written to %APPDATA%\\DA Navigator" test ! -e "$roaming/DA Navigator"
}

steps=("$@")
((${#steps[@]})) || steps=(bundle selftest pdf window zh_user dpi install portable)
for s in "${steps[@]}"; do "$s"; done
wine_stop
step "done: $FAILS failed check(s); logs in $LOGS"
((FAILS == 0))
