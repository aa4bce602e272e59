"""PyInstaller runtime hook (build.spec): start the warm-up thread (models/warmup.py) first thing,
before PyInstaller's own hooks import the inspect module and PySide6."""

from models import warmup

warmup.start()
