"""PyInstaller runtime hook (build.spec), run before PyInstaller's own hooks import inspect and PySide6:
start the warm-up thread (models/warmup.py), then fill re's cache with the patterns start-up compiles
(models/regex_cache.py; the file is written at build time by tools/build_regex_cache.py)."""

import os
import sys

from models import regex_cache, warmup

warmup.start()
regex_cache.install(os.path.join(sys._MEIPASS, "regex_cache.bin"))
