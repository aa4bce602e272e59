#!/usr/bin/env bash
# Run the frozen bundle's self-test twice: with the system's fonts, and with fontconfig pointed at
# an empty font set (a machine with no fonts at all: the bundled CJK subset must carry the PDF).
# Also checks that the runs wrote nothing inside the bundle. Usage: frozen_selftest.sh EXECUTABLE
set -euo pipefail
exe=${1:?usage: frozen_selftest.sh "dist/DA Navigator/DA Navigator"}
[[ -x "$exe" ]] || { echo "frozen_selftest: $exe not found; run 'make dist' first" >&2; exit 1; }
bundle=$(cd "$(dirname "$exe")" && pwd)
py=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/stamp"
sleep 1

run() {  # run NAME [ENV=VALUE...]: self-test with a fresh per-user folder; report in $work/NAME.json
  local name=$1; shift
  mkdir -p "$work/$name-home"
  env QT_QPA_PLATFORM=offscreen HOME="$work/$name-home" XDG_DATA_HOME="$work/$name-home/data" \
      XDG_CONFIG_HOME="$work/$name-home/config" XDG_CACHE_HOME="$work/$name-home/cache" "$@" \
      "$exe" --self-test "$work/$name.json" || { echo "frozen_selftest: $name run failed:"; cat "$work/$name.json"; return 1; }
  "$py" - "$work/$name.json" "$name" <<'PY'
import json, sys
report, name = json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2]
checks = {c["name"]: c for c in report["checks"]}
for c in report["checks"]:
    print(f"  {name:8} {c['name']:13} {c['status']:8} {c['ms']:8.1f} ms  {c.get('reason', c.get('error', ''))}")
problems = [f"{n} is {checks.get(n, {}).get('status', 'missing')}" for n in
            ("fonts", "database", "build_record", "search", "render", "pdf", "user_data")
            if checks.get(n, {}).get("status") != "pass"]
if not report["versions"]["frozen"]:
    problems.append("the report does not come from a frozen build")
if problems:
    sys.exit(f"frozen_selftest {name}: every check must pass in the bundle: " + "; ".join(problems))
print(f"  {name}: PDF text {checks['pdf'].get('chinese_text')!r}, fonts {checks['pdf'].get('fonts')}")
PY
}

echo "frozen self-test: $exe"
run system

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

changed=$(find "$bundle" -newer "$work/stamp" | head -5)
[[ -z "$changed" ]] || { echo "frozen_selftest: the self-test wrote inside the bundle: $changed" >&2; exit 1; }
echo "frozen self-test passed (system fonts and no fonts); nothing written inside the bundle"
