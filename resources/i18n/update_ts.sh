#!/usr/bin/env bash
# Refresh the translation sources from the code (keeps existing translations), then edit
# resources/i18n/da_navigator_zh_CN.ts with Qt Linguist (pyside6-linguist). `make i18n` compiles .qm.
# da_navigator_en.ts holds only the English plural forms of the %n messages (-pluralonly):
# source strings are English, so "%n bookmark(s)" needs one to read "1 bookmark" / "3 bookmarks".
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/pyside6-lupdate -no-obsolete -locations none ui/*.py models/*.py -source-language en -target-language zh_CN \
  -ts resources/i18n/da_navigator_zh_CN.ts
.venv/bin/pyside6-lupdate -no-obsolete -locations none -pluralonly ui/*.py models/*.py -source-language en \
  -target-language en -ts resources/i18n/da_navigator_en.ts
