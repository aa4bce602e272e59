#!/usr/bin/env bash
# Refresh the translation sources from the code (keeps existing translations), then edit
# resources/i18n/da_navigator_zh_CN.ts with Qt Linguist (pyside6-linguist). `make i18n` compiles .qm.
set -euo pipefail
cd "$(dirname "$0")/../.."
.venv/bin/pyside6-lupdate -no-obsolete -locations none ui/*.py models/*.py -source-language en -target-language zh_CN \
  -ts resources/i18n/da_navigator_zh_CN.ts
