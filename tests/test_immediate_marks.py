"""Issue 11 item 6: the ★ facet says how many of the report's 19 immediate-implementation
recommendations this edition marks, which are printed and which curated, and why the rest are unmarked."""

from __future__ import annotations

import pytest
from ui_helpers import ensure_qm

from data.build import immediate_total, load
from ui.facet_panel import FacetPanel
from ui.i18n import Translations

SOURCE = "data/source/CDIP-33-2.zh.txt"


def test_the_total_is_read_from_the_source_text():
    from data.build import DEFAULT_SOURCE

    text = DEFAULT_SOURCE.read_text(encoding="utf-8")
    # CDIP/33/2, joint report on 15, 21 and 44: “…落实这些建议（以及其余需要立即落实的 16 项建议）”
    assert "其余需要立即落实的 16 项建议" in text
    total, source = immediate_total(load(text))
    assert total == 19
    assert "15、21、44" in source and "3 + 16" in source


def test_repository_splits_printed_and_curated(repo):
    marks = repo.immediate_marks()
    assert marks.total == 19
    assert marks.printed == (1, 3, 6, 15, 21, 42, 44)  # asterisks surviving in the source text
    assert marks.curated == (4,)  # data/curated.py, with its source
    assert marks.marked == 8 == sum(s.immediate for s in repo.summaries())


@pytest.fixture
def translations():
    ensure_qm()
    t = Translations()
    yield t
    t.switch("en")


@pytest.mark.parametrize(
    ("lang", "headline", "why"),
    [
        ("en", "8 of 19 marked in this edition", "the other 11 stay unmarked rather than guessed"),
        ("zh", "本版标出 8 项（共 19 项）", "其余 11 项不作标注"),
    ],
)
def test_facet_says_8_of_19_and_why(qtbot, repo, translations, lang, headline, why):
    translations.switch(lang)
    panel = FacetPanel(repo)
    qtbot.addWidget(panel)
    note = panel.immediate_note.text()
    assert note.startswith(headline), note
    assert why in note
    assert ("7 printed in CDIP/33/2 (1, 3, 6, 15, 21, 42, 44)" if lang == "en" else "7 项印有星号") in note
    assert ("1 added from a cited public WIPO list (4)" if lang == "en" else "1 项（4）") in note
    assert panel.page("immediate").item(True).toolTip() == headline


def test_paper_uses_the_reports_word_as_the_window_does(repo):
    """The report says 立即落实 and the window 需立即落实（CDIP/33/2 原文标注 / 据公开来源补充）: so does paper."""
    from data.build import DEFAULT_SOURCE
    from models.print_html import cover_html, summary_html

    text = DEFAULT_SOURCE.read_text(encoding="utf-8")
    assert "立即落实" in text and "立即实施" not in text
    doc = repo.document()
    printed = summary_html(doc, repo.recommendation(1))  # a mark printed in the report
    curated = summary_html(doc, repo.recommendation(4))  # a mark curated from a public source
    for body in (printed, curated):
        assert "需立即落实" in body and "立即实施" not in body
    assert "CDIP/33/2 原文标注" in printed and "据公开来源补充" in curated
    cover = cover_html(doc, [(1, True, "产权组织的技术援助")])
    assert "需立即落实" in cover and "立即实施" not in cover
