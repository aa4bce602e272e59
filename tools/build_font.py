"""Subset Noto Sans CJK SC to the characters DA Navigator shows, for the bundle.

The subset covers every character in the content database, every character in the UI sources,
translations and print templates, ASCII, Latin-1 and the usual CJK and general punctuation; with
``--common-hanzi`` also the 3,755 most common hanzi (GB 2312 level 1), for notes typed on a machine
with no Chinese font (about 2.5x the size, and as much more memory at run time). Regular and Bold are
subset from the system's ``fonts-noto-cjk`` (SIL OFL 1.1) and renamed "DA Navigator CJK", as the
OFL asks of modified versions; the licence travels in resources/fonts/OFL.txt.

    python -m tools.build_font --db data/build/content.sqlite --output resources/fonts/DANavigatorCJK.otf
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FAMILY = "DA Navigator CJK"
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
#: Face index of "Noto Sans CJK SC" inside Debian's NotoSansCJK-*.ttc (fc-query lists JP, KR, SC, TC, HK).
SC_FACE = 2
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
TEXT_SOURCES = ("ui/**/*.py", "models/**/*.py", "resources/i18n/*.ts", "resources/print/**/*", "selftest.py")

RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1 supplement
    (0x2000, 0x206F),  # general punctuation: — – … ‘ ’ “ ” • ‰
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers ① …
    (0x25A0, 0x26FF),  # shapes and symbols: ▶ ● ★ ☆
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。《》「」【】
    (0xFF00, 0xFFEF),  # full-width forms: ，：；（）！？
)


def common_hanzi() -> set[str]:
    """GB 2312 level 1: the 3,755 most frequent simplified characters (rows 16–55)."""
    chars: set[str] = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def database_text(db: Path) -> set[str]:
    """Every character of every text column of every table in the content database."""
    chars: set[str] = set()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            try:
                rows = conn.execute(f'SELECT * FROM "{table}"')
            except sqlite3.DatabaseError:  # virtual tables whose module is unavailable here
                continue
            for row in rows:
                for value in row:
                    if isinstance(value, str):
                        chars.update(value)
    finally:
        conn.close()
    return chars


def source_text(root: Path = ROOT) -> set[str]:
    chars: set[str] = set()
    for pattern in TEXT_SOURCES:
        for path in root.glob(pattern):
            if path.is_file():
                chars.update(path.read_text(encoding="utf-8", errors="ignore"))
    return chars


def wanted_characters(db: Path | None, common: bool = False) -> set[str]:
    chars = source_text() | (common_hanzi() if common else set())
    if db is not None:
        chars |= database_text(db)
    for lo, hi in RANGES:
        chars.update(chr(c) for c in range(lo, hi + 1))
    return {c for c in chars if c.isprintable() and not 0xE000 <= ord(c) <= 0xF8FF}


def rename(font: TTFont, style: str) -> None:
    """Give the subset its own family name (OFL: modified versions are not the original font)."""
    names = {1: FAMILY, 2: style, 3: f"{FAMILY} {style}; subset", 4: f"{FAMILY} {style}",
             6: f"DANavigatorCJK-{style}", 16: FAMILY, 17: style}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names or record.nameID in (21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [names[6]]
        top = cff.topDictIndex[0]
        top.FamilyName, top.FullName = FAMILY, names[4]


def subset_face(source: Path, chars: set[str], style: str, output: Path) -> None:
    options = subset.Options()
    options.font_number = SC_FACE
    options.layout_features = ["*"]  # keep vert, locl, kerning, punctuation width features
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = True
    font = subset.load_font(str(source), options)
    fd, tmp = tempfile.mkstemp(dir=output.parent, suffix=".tmp")
    os.close(fd)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(c) for c in chars])
        subsetter.subset(font)
        rename(font, style)
        subset.save_font(font, tmp, options)
        os.replace(tmp, output)
    finally:
        font.close()
        Path(tmp).unlink(missing_ok=True)


def output_for(output: Path, style: str) -> Path:
    return output if style == "Regular" else output.with_name(f"{output.stem}-{style}{output.suffix}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="content database whose characters must be covered")
    parser.add_argument("--output", type=Path, default=ROOT / "resources/fonts/DANavigatorCJK.otf")
    parser.add_argument("--source-dir", type=Path, default=NOTO_DIR)
    parser.add_argument("--common-hanzi", action="store_true", help="add the 3,755 GB 2312 level-1 hanzi")
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.exists():
        print(f"build_font: content database {args.db} not found (run `make db`)", file=sys.stderr)
        return 2
    chars = wanted_characters(args.db, args.common_hanzi)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    jobs = {style: (args.source_dir / filename, output_for(args.output, style)) for style, filename in WEIGHTS.items()}
    for source, _ in jobs.values():
        if not source.exists():
            print(f"build_font: {source} not found (Debian package fonts-noto-cjk)", file=sys.stderr)
            return 2
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=len(jobs)) as pool:  # one weight per core
        futures = [pool.submit(subset_face, source, chars, style, target) for style, (source, target) in jobs.items()]
        for future in futures:
            future.result()
    for style, (_, target) in jobs.items():
        print(f"build_font: {target} {style}: {len(chars)} characters, {target.stat().st_size / 1024:.0f} KiB")
    print(f"build_font: done in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
