#!/usr/bin/env bash
# Run the frozen bundle's self-test: with the system's fonts; with fontconfig pointed at an empty
# font set (a machine with no fonts at all: the bundled CJK subset must carry the PDF); and, when
# run as root, as a user who cannot write to the bundle. Also starts the real window offscreen (it
# must paint its filled tree and exit cleanly) and checks that nothing was written inside the bundle.
# Finally portable mode: with a `portable` marker, user data goes to <bundle>/userdata, or (for a
# user who cannot write there) to the per-user folder with a notice.
# Usage: frozen_selftest.sh EXECUTABLE
set -euo pipefail
exe=${1:?usage: frozen_selftest.sh "dist/DA Navigator/DA Navigator"}
[[ -x "$exe" ]] || { echo "frozen_selftest: $exe not found; run 'make dist' first" >&2; exit 1; }
bundle=$(cd "$(dirname "$exe")" && pwd)
py=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/stamp"
sleep 1

as_user=()  # prefix for the read-only run
run() {  # run NAME [ENV=VALUE...]: self-test with a fresh per-user folder; report in $work/NAME.json
  local name=$1; shift
  mkdir -p "$work/$name-home"
  "${as_user[@]}" env QT_QPA_PLATFORM=offscreen HOME="$work/$name-home" XDG_DATA_HOME="$work/$name-home/data" \
      XDG_CONFIG_HOME="$work/$name-home/config" XDG_CACHE_HOME="$work/$name-home/cache" "$@" \
      "$exe" --self-test "$work/$name.json" || { echo "frozen_selftest: $name run failed:"; cat "$work/$name.json"; return 1; }
  "$py" - "$work/$name.json" "$name" <<'PY'
import json, sys
report, name = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2]
checks = {c["name"]: c for c in report["checks"]}
for c in report["checks"]:
    print(f"  {name:8} {c['name']:13} {c['status']:8} {c['ms']:8.1f} ms  {c.get('reason', c.get('error', ''))}")
problems = [f"{n} is {checks.get(n, {}).get('status', 'missing')}" for n in
            ("fonts", "database", "build_record", "search", "render", "pdf", "user_data", "translations", "warmup")
            if checks.get(n, {}).get("status") != "pass"]
if not report["versions"]["frozen"]:
    problems.append("the report does not come from a frozen build")
if problems:
    sys.exit(f"frozen_selftest {name}: every check must pass in the bundle: " + "; ".join(problems))
print(f"  {name}: PDF text {checks['pdf'].get('chinese_text')!r}, fonts {checks['pdf'].get('fonts')}")
PY
}

window() {  # window NAME [ENV=VALUE...]: start the real app offscreen; it must paint its filled tree and quit
  local name=$1; shift
  mkdir -p "$work/$name-window"
  local code=0
  env QT_QPA_PLATFORM=offscreen HOME="$work/$name-window" XDG_DATA_HOME="$work/$name-window/data" \
      XDG_CONFIG_HOME="$work/$name-window/config" DA_NAVIGATOR_BENCH_READY="$work/$name-window/ready" "$@" \
      timeout 120 "$exe" >"$work/$name-window/log" 2>&1 || code=$?
  if [[ $code -ne 0 || ! -s "$work/$name-window/ready" ]]; then
    echo "frozen_selftest: the app's window did not start ($name, exit $code):" >&2
    cat "$work/$name-window/log" >&2
    return 1
  fi
  echo "  $name   window: main window painted with its tree filled, clean exit"
}

echo "frozen self-test: $exe"
run system
window system

# An empty font set: no <dir> elements, so fontconfig knows no fonts at all.
cat > "$work/fonts.conf" <<XML
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$work/fc-cache</cachedir></fontconfig>
XML
if command -v fc-list >/dev/null; then
  count=$(FONTCONFIG_FILE="$work/fonts.conf" fc-list | wc -l)
  [[ $count -eq 0 ]] || { echo "frozen_selftest: the empty font set still lists $count fonts" >&2; exit 1; }
fi
run nofonts FONTCONFIG_FILE="$work/fonts.conf" FONTCONFIG_PATH="$work"
window nofonts FONTCONFIG_FILE="$work/fonts.conf" FONTCONFIG_PATH="$work"

# A bundle the user cannot write to (as installed under /opt, or on a read-only share): run as
# `nobody`, for whom the root-owned bundle is read-only. Needs root and setpriv; skipped otherwise.
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null; then
  chmod 755 "$work"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  if "${as_user[@]}" test -x "$exe" && ! "${as_user[@]}" test -w "$bundle/_internal"; then
    mkdir -p "$work/readonly-home" && chown nobody "$work/readonly-home"
    chmod 777 "$work"
    run readonly
  else
    echo "  readonly: skipped ($bundle is not readable, or is writable, for nobody)"
  fi
  as_user=()
else
  echo "  readonly: skipped (needs root and setpriv to run as another user)"
fi

changed=$(find "$bundle" -newer "$work/stamp" | head -5)
[[ -z "$changed" ]] || { echo "frozen_selftest: the self-test wrote inside the bundle: $changed" >&2; exit 1; }
echo "  nothing written inside the bundle"

# Portable mode: a `portable` marker beside the executable puts bookmarks, notes and settings in
# <bundle>/userdata; a user who cannot write there gets the per-user folder and a notice naming it.
user_data_is() {  # user_data_is NAME FOLDER PORTABLE: the report's user_data check says so
  "$py" - "$work/$1.json" "$2" "$3" <<'PY'
import json, sys
report, folder, portable = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2], sys.argv[3] == "yes"
check = next(c for c in report["checks"] if c["name"] == "user_data")
if check["folder"] != folder or check["portable"] != portable:
    sys.exit(f"frozen_selftest: user data in {check['folder']} (portable {check['portable']}), "
             f"expected {folder} (portable {portable})")
if not portable and "userdata" not in check.get("notice", ""):
    sys.exit(f"frozen_selftest: no notice about the refused portable folder: {check.get('notice')!r}")
print(f"  user data: {check['folder']} (portable {check['portable']}) {check.get('notice', '')}")
PY
}
if [[ ! -w "$bundle" ]]; then
  echo "  portable: skipped ($bundle is not writable for this user, so no marker can be put there)"
  exit 0
fi
[[ ! -e "$bundle/portable" && ! -e "$bundle/userdata" ]] || { echo "frozen_selftest: $bundle already holds portable/userdata" >&2; exit 1; }
trap 'rm -rf "$work" "$bundle/portable" "$bundle/userdata"' EXIT
touch "$bundle/portable"
run portable
user_data_is portable "$bundle/userdata" yes
window portable
[[ -f "$bundle/userdata/bookmarks.sqlite" ]] || { echo "frozen_selftest: the portable window kept no store in $bundle/userdata" >&2; exit 1; }
[[ ! -e "$work/portable-window/data" ]] || { echo "frozen_selftest: the portable window wrote to the per-user folder" >&2; exit 1; }
rm -rf "$bundle/userdata"
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null; then
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  mkdir -p "$work/portable-readonly-home" && chown nobody "$work/portable-readonly-home"
  run portable-readonly
  user_data_is portable-readonly "$work/portable-readonly-home/data/DA Navigator/DA Navigator" no
  as_user=()
else
  echo "  portable-readonly: skipped (needs root and setpriv to run as another user)"
fi
rm -f "$bundle/portable"
echo "frozen self-test passed (system fonts, no fonts, read-only bundle, portable); nothing written inside the bundle outside portable mode"
