"""Issue 10 "Performance": the bundle's start-up finds its regular expressions compiled at build time
(models/regex_cache.py), and a compiled pattern from the cache is the pattern re would have compiled."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

from models import regex_cache

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    (r"(?P<word>\w+)\s+(?P=word)", 0),
    (r"(?:建议|rec(?:ommendation)?\.?)?\s*(\d{1,3})", re.IGNORECASE),
    ("""
        (?P<head>[A-Z]+)   # a verbose pattern with comments
        /(?P<n>\\d+)/(?P<k>\\d+)
     """, re.VERBOSE),
    (r"[\s\u3000]+", 0),
    (rb"\x00[\x80-\xff]+", 0),
    (r"^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$", re.MULTILINE),
]
TEXTS = ["the the CDIP/33/2 建议 12 Rec. 45", "- item\n  2) 二\n", b"\x00\x81\x82 x".decode("latin-1"),
         "　全角　空格 and tabs\t\there"]


def fresh(pattern, flags):
    return re._compiler.compile(pattern, flags)


def test_a_cached_pattern_is_the_one_re_compiles(tmp_path):
    path = tmp_path / "cache.bin"
    path.write_bytes(regex_cache.build(SAMPLES))
    saved = dict(re._cache)
    try:
        re._cache.clear()
        assert regex_cache.install(str(path)) == len(SAMPLES)
        for pattern, flags in SAMPLES:
            cached = re.compile(pattern, flags)
            assert cached is re._cache[type(pattern), pattern, int(flags)]  # served from the cache
            real = fresh(pattern, int(flags))
            assert cached is not real
            assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
                real.pattern, real.flags, real.groups, real.groupindex)
            for text in TEXTS:
                subject = text.encode("latin-1", "replace") if isinstance(pattern, bytes) else text
                assert [m.span() for m in cached.finditer(subject)] == [m.span() for m in real.finditer(subject)]
                assert [m.groups() for m in cached.finditer(subject)] == [m.groups() for m in real.finditer(subject)]
    finally:
        re._cache.clear()
        re._cache.update(saved)


def test_a_file_from_another_python_or_a_damaged_file_is_ignored(tmp_path):
    """Nothing installed, nothing raised: start-up goes on and compiles every pattern as usual."""
    other = tmp_path / "other.bin"
    key, entries = marshal.loads(regex_cache.build(SAMPLES))
    other.write_bytes(marshal.dumps((((3, 10, 0), *key[1:]), entries)))
    damaged = tmp_path / "damaged.bin"
    damaged.write_bytes(regex_cache.build(SAMPLES)[:40])
    garbled = tmp_path / "garbled.bin"  # loads, right Python, but a program _sre refuses after a good one
    garbled.write_bytes(marshal.dumps((key, [entries[0], (0, "abc", 32, [999, 1, 2], 0, {}, ())])))
    wrong_type = tmp_path / "wrong-type.bin"
    wrong_type.write_bytes(marshal.dumps((key, [(0, "abc", 32, "not a program", 0, {}, ())])))
    before = dict(re._cache)
    assert regex_cache.install(str(garbled)) == 0
    assert regex_cache.install(str(wrong_type)) == 0
    assert regex_cache.install(str(other)) == 0
    assert regex_cache.install(str(damaged)) == 0
    assert regex_cache.install(str(tmp_path / "missing.bin")) == 0
    assert re._cache == before


def test_locale_and_debug_patterns_are_never_stored():
    _key, entries = marshal.loads(regex_cache.build([(rb"\w+", re.LOCALE), (r"x", re.DEBUG), (r"y", 0)]))
    assert [e[1] for e in entries] == ["y"]


def test_recording_sees_what_is_compiled_and_puts_re_back():
    compiler = re._compiler.compile
    pattern = r"recorded-\d+-" + str(id(object()))  # never compiled before: not in re's cache
    with regex_cache.record() as seen:
        re.compile(pattern)
    assert (pattern, 0) in seen
    assert re._compiler.compile is compiler


def test_the_build_records_pysides_start_up_patterns(tmp_path):
    """tools/build_regex_cache.py, run by build.spec, stores the patterns start-up compiles: PySide6's
    signature module's (the costly ones) and the app's own."""
    out = tmp_path / "regex_cache.bin"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_regex_cache.py"), str(out)], cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    key, entries = marshal.loads(out.read_bytes())
    assert key == regex_cache.version_key()
    patterns = [e[1] for e in entries]
    assert any("edge of a word" in p for p in patterns if isinstance(p, str))  # PySide6's pyi generator
    from models import markdown_html

    assert markdown_html._TOKEN.pattern in patterns and markdown_html._BULLET.pattern in patterns


def test_the_bundle_builds_the_cache_and_its_first_runtime_hook_installs_it():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"tools" / "build_regex_cache.py"' in spec and '(str(regex_cache), ".")' in spec
    hook = (ROOT / "tools" / "pyi_rth_warmup.py").read_text(encoding="utf-8")
    assert 'regex_cache.install(os.path.join(sys._MEIPASS, "regex_cache.bin"))' in hook


def test_python_main_installs_the_development_cache_before_it_imports_qt():
    """`python main.py` fills re's cache from the file `make` writes, before anything imports PySide6."""
    script = (
        "import os, sys, main\n"
        "from models import regex_cache\n"
        "seen = []\n"
        "regex_cache.install = lambda path: seen.append((path, 'PySide6' in sys.modules)) or 0\n"
        "main.main(['--export-json', os.devnull])\n"
        "print(seen)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == repr([(str(ROOT / "build" / "regex_cache.bin"), False)]), out.stderr
