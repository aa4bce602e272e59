"""The bundled fonts: GB 2312 coverage, one code point per glyph, exact PDF text, a glyph for every symbol."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tokenize
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tools.build_font import NOT_DRAWN, app_text, gb2312, gb2312_hanzi, split_by_font

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
REGULAR = ("DANavigatorCJK.otf", "DANavigatorSymbols.ttf")
BOLD = ("DANavigatorCJK-Bold.otf", "DANavigatorSymbols-Bold.ttf")


def cmap(*names: str) -> dict[int, str]:
    from fontTools.ttLib import TTFont

    if not (FONTS / REGULAR[0]).is_file():
        pytest.skip("bundled fonts not built (make font)")
    out: dict[int, str] = {}
    for name in names:
        if not (path := FONTS / name).is_file():
            continue  # a missing subset covers nothing
        with TTFont(path) as font:
            for table in font["cmap"].tables:
                if table.isUnicode() and table.format != 14:
                    out.update({u: f"{name}:{g}" for u, g in table.cmap.items()})
    return out


def drawn(chars: set[str]) -> set[str]:
    """What a font must draw: no line breaks, tabs or other controls."""
    return {c for c in chars if unicodedata.category(c) not in NOT_DRAWN}


# --- GB 2312 and the subset's character set ------------------------------------------------------
def test_gb2312_is_enumerated_from_its_code_layout() -> None:
    """Rows 16-55 (0xB0-0xD7) hold level 1, rows 56-87 (0xD8-0xF7) level 2 (GB 2312-1980 layout)."""
    level1, level2 = gb2312_hanzi(1), gb2312_hanzi(2)
    assert (len(level1), len(level2), len(gb2312_hanzi())) == (3755, 3008, 6763)
    assert level1[0] == "啊" and level1[-1] == "座" and level2[0] == "亍" and level2[-1] == "齄"
    assert {"你", "买", "亲", "严"} <= set(level1) and "鬯" in level2
    assert len(gb2312()) == 7445  # with the 682 symbols, Latin, kana, Greek, Cyrillic, pinyin, box drawing


def test_one_code_point_per_glyph_prefers_what_the_app_shows() -> None:
    """Noto draws · • ‧ with one glyph: the CJK subset maps only the one the app shows; the others
    go to the symbols subset (DejaVu) if it has them, so each copies back as itself."""
    cjk_cmap = {0xB7: "dot", 0x2022: "dot", 0x2027: "dot", 0x5B57: "zi"}
    cjk, symbols = split_by_font({"·", "•", "‧", "字", "⚑"}, {"•"}, cjk_cmap, {0xB7: "a", 0x2691: "b"})
    assert cjk == {"•", "字"} and symbols == {"·", "⚑"}
    cjk, _ = split_by_font({"·", "•", "‧"}, set(), cjk_cmap, {})
    assert cjk == {"·"}  # nothing shown: GB 2312's (U+00B7 is in it), else the lowest


def test_bundled_fonts_cover_gb2312_and_everything_the_app_shows(content_db: Path) -> None:
    regular, bold = cmap(*REGULAR), cmap(*BOLD)
    cjk = cmap(REGULAR[0])
    assert not set(gb2312_hanzi()) - {chr(u) for u in cjk}
    shown = drawn(app_text(content_db))
    assert not {c for c in shown if ord(c) not in regular}
    assert not {c for c in shown if ord(c) not in bold}
    assert "⚑" in {chr(u) for u in regular}


def test_no_radicals_and_one_code_point_per_glyph_in_the_cjk_subset() -> None:
    """Qt's PDF writer copies a glyph as its lowest code point: ⾿ U+2FBF would replace 鬯."""
    for name in (*REGULAR, *BOLD):
        mapping = cmap(name)
        assert not [hex(u) for u in mapping if 0x2E80 <= u <= 0x2FDF], name
        by_glyph: dict[str, list[int]] = {}
        for u, glyph in mapping.items():
            by_glyph.setdefault(glyph, []).append(u)
        shared = {g: [hex(u) for u in us] for g, us in by_glyph.items() if len(us) > 1}
        assert not shared, (name, shared)


def test_a_subset_is_rebuilt_only_when_its_characters_change(tmp_path: Path) -> None:
    """`make` re-runs the font build after any UI edit; unchanged subsets are kept (build time)."""
    from tools.build_font import DEJAVU_DIR, SYMBOLS_FAMILY, Job, subset_face, up_to_date

    if not (DEJAVU_DIR / "DejaVuSans.ttf").is_file():
        pytest.skip("fonts-dejavu-core is not installed")
    job = Job(DEJAVU_DIR / "DejaVuSans.ttf", 0, SYMBOLS_FAMILY, "Regular", tmp_path / "s.ttf")
    assert not up_to_date(job, {"⚑"})
    subset_face(job, {"⚑", "→"})
    assert up_to_date(job, {"⚑", "→"})
    assert not up_to_date(job, {"⚑", "→", "★"})


# --- printed text copies back exactly ------------------------------------------------------------
PRINT_PROBE = """
import sys, json
from pathlib import Path
import qt_compat
qt_compat.apply()
from models.repository import ContentRepository
from ui.print_render import briefing_job, ensure_gui_app, write_pdf
ensure_gui_app()
repo = ContentRepository(Path(sys.argv[1]))
note = sys.argv[3]
job = briefing_job(repo, [s.number for s in repo.summaries()], {1: note})
write_pdf(job, sys.argv[2])
shown = [p.doc.toPlainText() for p in job.parts]
frame = [p.header + p.detail + p.citation for p in job.parts] + [job.printed, job.document.symbol,
         job.document.title, "打印日期：第/页0123456789·…"]
print(json.dumps({"shown": shown, "frame": frame}))
"""


def random_level2_note(count: int = 200) -> str:
    return "".join(random.Random(20261126).sample(gb2312_hanzi(2), count))


def empty_fontconfig(tmp_path: Path) -> dict[str, str]:
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    return {"FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(tmp_path)}


@pytest.mark.parametrize("system_fonts", [True, False], ids=["system-fonts", "no-system-fonts"])
def test_every_printed_summary_and_a_level2_note_copy_back_exactly(
    content_db: Path, tmp_path: Path, system_fonts: bool
) -> None:
    """All 45 summaries in one briefing pack plus a note of 200 random GB 2312 level-2 hanzi (and 鬯):
    pdftotext gives back every character printed, no other, and the note verbatim. (Annex II pages
    are left out: a paragraph that crosses a page also leaves its last line of the first page, clipped
    away, in the next page's text, because QTextLayout::draw always includes the line above its clip.)"""
    import json
    from collections import Counter

    cmap(*REGULAR)  # skips if the fonts are not built
    note = random_level2_note() + "鬯"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **({} if system_fonts else empty_fontconfig(tmp_path))}
    pdf = tmp_path / "all.pdf"
    result = subprocess.run([sys.executable, "-c", PRINT_PROBE, str(content_db), str(pdf), note], cwd=ROOT,
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")

    def visible(s: str) -> Counter[str]:
        return Counter(c for c in s if not c.isspace() and unicodedata.category(c) != "Cf")

    got, body = visible(text), visible("".join(printed["shown"]))
    frame = set("".join(printed["frame"]))
    assert not {c for c in (got - body) if c not in frame}  # nothing copies as another character
    assert not body - got  # every character of every summary (and the note) is there
    assert note in re.sub(r"\s+", "", text)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = {line.split()[0] for line in fonts.splitlines()[2:] if line.strip()}
    assert names <= {"DANavigatorCJK-Regular", "DANavigatorCJK-Bold", "DANavigatorSymbols-Regular",
                     "DANavigatorSymbols-Bold"}, names  # the bundled fonts come first, system fonts unused


SCREEN_PROBE = """
import json, sys
import qt_compat
qt_compat.apply()
from PySide6.QtGui import QGuiApplication, QTextLayout
from models.fonts import register_bundled_font
app = QGuiApplication([])
register_bundled_font(app)
layout = QTextLayout(sys.argv[1], app.font())
layout.beginLayout()
layout.createLine().setLineWidth(1e7)
layout.endLayout()
missing = [i for run in layout.glyphRuns() for i, glyph in enumerate(run.glyphIndexes()) if glyph == 0]
print(json.dumps({"glyphs": sum(len(run.glyphIndexes()) for run in layout.glyphRuns()), "notdef": len(missing),
                  "families": sorted({run.rawFont().familyName() for run in layout.glyphRuns()})}))
"""


def test_screen_font_draws_every_gb2312_hanzi_with_no_system_fonts(tmp_path: Path) -> None:
    """What a note editor or search box draws on a machine with no fonts: no empty boxes (.notdef)."""
    import json

    cmap(*REGULAR)
    text = "".join(gb2312_hanzi()) + "⚑"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **empty_fontconfig(tmp_path)}
    result = subprocess.run([sys.executable, "-c", SCREEN_PROBE, text], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)
    assert probe == {"glyphs": 6764, "notdef": 0, "families": ["DA Navigator CJK", "DA Navigator Symbols"]}


# --- every symbol the UI draws has a bundled glyph --------------------------------------------------
class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: set[str] = set()

    def handle_data(self, data: str) -> None:
        self.chars.update(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.chars.update("".join(v or "" for k, v in attrs if k in ("title", "alt")))


def html_text(markup: str) -> set[str]:
    parser = _Text()
    parser.feed(markup)
    return parser.chars


def source_strings() -> set[str]:
    """Characters written as such in the app's Python string literals (escapes such as "\\u2029"
    are code, not text to draw)."""
    chars: set[str] = set()
    files = [*ROOT.glob("ui/**/*.py"), *ROOT.glob("models/**/*.py"), ROOT / "main.py", ROOT / "selftest.py"]
    for path in files:
        with path.open(encoding="utf-8") as handle:
            for token in tokenize.generate_tokens(handle.readline):
                if token.type == tokenize.STRING:
                    chars.update(token.string)
    return chars


def ts_strings() -> set[str]:
    chars: set[str] = set()
    for ts in ROOT.glob("resources/i18n/*.ts"):
        for element in ET.parse(ts).iter():
            if element.tag in ("source", "translation", "numerusform") and element.text:
                chars.update(element.text)
    return chars


def rendered_pages(repo) -> set[str]:  # noqa: ANN001 - ContentRepository
    """Every page of the detail pane and every printed summary, bookmarked and with a note."""
    from models import page_html, print_html

    doc = repo.document()
    clusters = {c.id: c.title for c in repo.clusters()}
    chars = html_text(page_html.render_cover(doc, repo.cover_note())[0])
    for s in repo.summaries():
        rec = repo.recommendation(s.number)
        chars |= html_text(page_html.render_recommendation(rec, (), clusters.get(rec.cluster, ""), True, "笔记")[0])
        chars |= html_text(print_html.summary_html(doc, rec, clusters.get(rec.cluster, ""), "笔记"))
    for rev in repo.reviews():
        chars |= html_text(page_html.render_review(rev, (), True)[0])
        chars |= html_text(print_html.review_html(doc, rev, "笔记"))
    return chars


def test_every_character_the_ui_draws_has_a_bundled_glyph(repo, qapp) -> None:
    """Pages in both languages, UI strings (.ts and source literals) and print templates."""
    from ui.i18n import Translations

    covered = {chr(u) for u in cmap(*REGULAR)}
    found: dict[str, set[str]] = {"source strings": source_strings(), ".ts": ts_strings()}
    for template in ROOT.glob("resources/print/*"):
        found[template.name] = set(template.read_text(encoding="utf-8"))
    translations = Translations()
    try:
        for lang in ("zh", "en"):
            translations.switch(lang)
            found[f"pages ({lang})"] = rendered_pages(repo)
    finally:
        translations.switch("en")
    missing = {where: "".join(sorted(drawn(chars) - covered)) for where, chars in found.items()}
    assert not {where: chars for where, chars in missing.items() if chars}
