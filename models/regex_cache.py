"""Regular expressions compiled at build time, for the bundle's start-up.

Every start compiles the same ~30 regular expressions before the window opens, ~30 ms of pure Python on
this machine; three verbose ones in PySide6's signature module take ~10 ms each. Compiling is
deterministic: the same pattern and flags give the same ``_sre`` program on the same Python. So the
build records the patterns start-up compiles (``record``, run by ``tools/build_regex_cache.py``), stores
their programs (``build``), and the bundle's first runtime hook puts the ready ``Pattern`` objects into
``re``'s own cache (``install``), where ``re.compile`` finds them; ``python main.py`` does the same
with the file `make` writes (``development_cache()``).

The file carries the Python version and ``_sre``'s magic number: a file from another Python is ignored,
and a pattern not in it compiles as usual. Patterns with the LOCALE or DEBUG flag are never stored.
"""

from __future__ import annotations

import _sre
import marshal
import sys
from collections.abc import Iterable

installed = 0  # patterns install() put into re's cache in this process (the self-test reports it)
SKIPPED_FLAGS = 4 | 128  # re.LOCALE (matching depends on the locale at run time), re.DEBUG (prints)


def development_cache() -> str:
    """Where `make` writes the cache for ``python main.py`` (the bundle carries its own)."""
    import os

    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build", "regex_cache.bin")


def version_key() -> tuple:
    """What a stored program depends on: the interpreter and its regular-expression engine."""
    return (tuple(sys.version_info[:3]), _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)


def program(pattern: str | bytes, flags: int) -> tuple:
    """The arguments ``_sre.compile`` gets for ``pattern``, as ``re._compiler.compile`` makes them."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses: plain ints
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def build(patterns: Iterable[tuple[str | bytes, int]]) -> bytes:
    """The cache file's bytes for ``patterns`` ((pattern, flags) pairs; duplicates and skipped flags dropped)."""
    entries = {(p, int(f)): program(p, int(f)) for p, f in patterns if not f & SKIPPED_FLAGS}
    return marshal.dumps((version_key(), [(f, *prog) for (_p, f), prog in entries.items()]))


def install(path: str) -> int:
    """Put the file's compiled patterns into ``re``'s cache; how many (0: no file, another Python, or a
    damaged file: then nothing is installed and every pattern compiles as usual)."""
    try:
        with open(path, "rb") as file:
            key, entries = marshal.loads(file.read())
        if key != version_key():
            return 0
        # All or nothing: _sre checks each program and refuses a damaged one (RuntimeError).
        ready = {(type(pattern), pattern, flags): _sre.compile(pattern, *args) for flags, pattern, *args in entries}
    except (OSError, ValueError, EOFError, TypeError, RuntimeError):
        return 0
    import re

    global installed
    cache = re._cache  # type: ignore[attr-defined]  # {(type, pattern, flags): Pattern} on 3.11
    for key, compiled in ready.items():
        cache.setdefault(key, compiled)
    installed = len(ready)
    return installed


class record:  # noqa: N801 (used as a context manager, like a function)
    """``with record() as seen:`` collects the (pattern, flags) pairs ``re`` compiles meanwhile."""

    def __enter__(self) -> list[tuple[str | bytes, int]]:
        from re import _compiler

        self.seen: list[tuple[str | bytes, int]] = []
        self._compile = _compiler.compile

        def compile_and_note(p, flags=0):
            if isinstance(p, (str, bytes)):
                self.seen.append((p, int(flags)))
            return self._compile(p, flags)

        _compiler.compile = compile_and_note
        return self.seen

    def __exit__(self, *exc: object) -> None:
        from re import _compiler

        _compiler.compile = self._compile
