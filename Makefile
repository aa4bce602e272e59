# DA Navigator — every target sets up what it needs (Debian packages, venv, database) idempotently.
#   make run    start the app          make test   ruff + pytest (offscreen)
#   make dist   build the bundle       make bench  benchmarks -> bench/results.json
#   make dist-windows  Windows bundle, zip and installer, built under wine (make selftest-windows)
#   make db     content database       make clean  remove build outputs (make distclean: also .venv)
SHELL := /bin/bash
.DEFAULT_GOAL := run
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
APT_STAMP := $(VENV)/.apt-stamp
# The venv stamp is named after the requirements' hash: editing requirements.txt reinstalls.
REQ_HASH := $(shell sha256sum requirements.txt 2>/dev/null | cut -c1-16)
VENV_STAMP := $(VENV)/.requirements-$(REQ_HASH)

DB := data/build/content.sqlite
DB_DEPS := models/vocabulary.py $(wildcard data/source/*.txt) $(shell find data -name '*.py' -not -path 'data/build/*' 2>/dev/null)
FONT := resources/fonts/DANavigatorCJK.otf
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
ICON_SOURCES := $(wildcard resources/icons/*.svg)
ICONS := $(patsubst resources/icons/%.svg,resources/icons/png/%.png,$(ICON_SOURCES))
UI_SOURCES := $(shell find ui models -name '*.py' 2>/dev/null) $(wildcard resources/i18n/*.ts)
DIST_DIR := dist/DA Navigator
REGEX_CACHE := build/regex_cache.bin

.PHONY: run test lint setup db font icons i18n resources dist dist-onefile selftest bench startup-phases clean distclean \
	windows-toolchain dist-windows selftest-windows

# ---- set-up -----------------------------------------------------------------------------------
$(APT_STAMP): tools/apt-packages.txt tools/setup_system.sh
	@mkdir -p $(VENV)
	bash tools/setup_system.sh
	@touch $@

$(VENV_STAMP): requirements.txt | $(APT_STAMP)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.requirements-*
	@touch $@

setup: $(VENV_STAMP)

# ---- build outputs ----------------------------------------------------------------------------
$(DB): $(DB_DEPS) | $(VENV_STAMP)
	$(PY) -m data.build --output $(DB)

db: $(DB)

$(FONT): $(DB) tools/build_font.py $(UI_SOURCES) | $(VENV_STAMP)
	$(PY) -m tools.build_font --db $(DB) --output $(FONT)

font: $(FONT)

$(ICONS) &: $(ICON_SOURCES) tools/build_icons.py | $(VENV_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m tools.build_icons

icons: $(ICONS)

resources/i18n/%.qm: resources/i18n/%.ts | $(VENV_STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

i18n: $(QM)

resources: $(FONT) $(QM) $(ICONS)

# ---- everyday targets ---------------------------------------------------------------------------
$(REGEX_CACHE): tools/build_regex_cache.py main.py $(UI_SOURCES) | $(VENV_STAMP)
	@mkdir -p build
	QT_QPA_PLATFORM=offscreen $(PY) tools/build_regex_cache.py $@

run: $(DB) resources $(REGEX_CACHE)
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then \
	  $(PY) main.py $(ARGS); \
	else \
	  echo "No \$$DISPLAY or \$$WAYLAND_DISPLAY: starting under xvfb-run, so the window is NOT visible."; \
	  echo "To see it, run 'make run' from a desktop session (or ssh -X), or set DISPLAY."; \
	  xvfb-run -a -s "-screen 0 1400x900x24" $(PY) main.py $(ARGS); \
	fi

lint: $(VENV_STAMP)
	$(VENV)/bin/ruff check .

test: lint resources
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# ---- the bundle ---------------------------------------------------------------------------------
# build.spec snapshots the database and writes its sha256 build record into the bundle.
dist: $(DB) resources
	$(PY) -m PyInstaller --noconfirm --log-level WARN build.spec
	@du -sh "$(DIST_DIR)"
	@rm -f "dist/DA Navigator.zip" && (cd dist && zip -qr9y "DA Navigator.zip" "DA Navigator") && du -h "dist/DA Navigator.zip"

# Optional single-file build (unpacks itself on every launch, so onedir is what we ship).
dist-onefile: $(DB) resources
	DA_NAVIGATOR_ONEFILE=1 $(PY) -m PyInstaller --noconfirm --log-level WARN \
	  --distpath dist/onefile --workpath build/onefile build.spec
	@du -sh "dist/onefile/DA Navigator"

# The frozen self-test, with the system's fonts and with no fonts at all.
selftest:
	bash tools/frozen_selftest.sh "$(DIST_DIR)/DA Navigator"

# ---- Windows x64, built and tested on Linux under wine (tools/windows/, docs/bundle.md) -------------
# The toolchain (Debian packages, a signature-checked Windows CPython, Windows wheels at the pins of
# requirements.txt, a wine prefix under build/wintools) is set up once; the script skips what is current.
windows-toolchain: | $(VENV_STAMP)
	bash tools/windows/toolchain.sh

dist-windows: $(DB) resources windows-toolchain
	bash tools/windows/build.sh

# Self-test, window smoke test (also as a Chinese-named Windows user), installer round trip, bundle checks.
selftest-windows: windows-toolchain
	bash tools/windows/selftest.sh

# The bundle bench compares the Windows build with the Linux one built in the same run.
bench: dist dist-windows $(REGEX_CACHE)
	$(PY) -m bench.run $(BENCH_ARGS)

# Where start-up time goes, phase by phase (a diagnostic; make bench holds the budgets).
startup-phases: $(DB) resources dist
	$(PY) -m bench.phases
	$(PY) -m bench.phases --frozen

clean:
	rm -rf build dist bench/build bench/dist data/build resources/icons/png resources/fonts/*.otf resources/fonts/*.ttf resources/fonts/DejaVu-LICENSE.txt $(QM) .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
