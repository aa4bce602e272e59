"""Entity → HTML for the detail pane, and citations."""

from __future__ import annotations

import re

from ui_helpers import plain

from models.markdown_html import Renderer, plain_snippet
from models.page_html import citation, render_cover, render_recommendation, render_review


def test_footnote_refs_become_superscript_links_with_tooltip():
    r = Renderer(footnotes={2: "脚注二"})
    html = r.inline("国家[^2]参与者")
    assert '<sup><a href="fn:2" title="脚注二">2</a></sup>' in html
    assert html.startswith("国家") and html.endswith("参与者")


def test_cross_references_and_documents():
    r = Renderer(documents={"CDIP/33/3"})
    html = r.inline("请见建议 7和 22，以及文件 CDIP/33/3 和 CDIP/99/9。")
    assert '<a href="rec:7">7</a>' in html and '<a href="rec:22">22</a>' in html
    assert '<a href="doc:CDIP/33/3">CDIP/33/3</a>' in html
    assert "doc:CDIP/99/9" not in html  # unknown symbols stay text
    assert "rec:99" not in Renderer().inline("建议 99")


def test_only_web_links_are_links():
    r = Renderer()
    assert '<a href="https://www.wipo.int/tad">' in r.inline("见 <https://www.wipo.int/tad>。")
    assert "href" not in r.inline("[x](javascript:alert(1))")
    assert "href" not in r.inline("[x](file:///etc/passwd)")
    assert "<script>" not in r.inline("<script>alert(1)</script>")


def test_markdown_blocks_escapes_and_highlight():
    r = Renderer(terms=["专利"])
    html = r.blocks("1\\. 本文\\*件\n\n#### A) 专利战略\n\n- 一项专利\n- \n- 二")
    assert "<p>1. 本文*件</p>" in html
    assert "<h3>A) " in html
    assert html.count("<li>") == 2  # the empty bullet is not an item
    assert r.hit_count == 2
    assert plain_snippet("a\x02b\x03c") == "abc"
    assert plain_snippet("a\x02b\x03c", lambda m: f"[{m}]") == "a[b]c"


def test_every_recommendation_renders_every_section(repo):
    docs = set(repo.document_counts())
    for s in repo.summaries():
        rec = repo.recommendation(s.number)
        html, hits = render_recommendation(rec, documents=docs)
        assert hits == 0
        text = re.sub(r"<[^>]+>", "", html)
        assert f"{rec.number}" in text
        first = plain(rec.text).split("\n")[0][:12]
        assert first in text.replace("&amp;", "&"), (rec.number, first)
        for h in rec.highlights:
            assert plain(h)[:8] in text.replace("&amp;", "&"), (rec.number, h[:8])
        markdown = "\n".join([rec.text, rec.implementation, *rec.highlights, rec.activities])
        for fn in rec.footnotes:
            assert f'name="fn-{fn.number}"' in html
            if f"[^{fn.number}]" in markdown:
                assert f'href="fn:{fn.number}"' in html
        for n in rec.cited_by:
            assert f'href="rec:{n}"' in html
        if rec.reported_with:
            assert all(f'href="rec:{n}"' in html for n in rec.reported_with)


def test_joint_report_note(repo):
    html, _ = render_recommendation(repo.recommendation(13))
    text = re.sub(r"<[^>]+>", "", html)
    assert "14、17" in text


def test_review_and_cover(repo):
    for rev in repo.reviews():
        html, _ = render_review(rev)
        assert 'name="sec-progress"' in html
    html, hits = render_cover(repo.document(), repo.cover_note(), ["附件"])
    assert hits > 0 and repo.document().symbol in html


def test_citation(repo):
    doc = repo.document()
    assert citation(doc, "rec:6", "highlights") == "CDIP/33/2，附件一，建议 6（亮点）"
    assert citation(doc, "rec:6", "text", " 选中 ") == "CDIP/33/2，附件一，建议 6（案文）：“选中”"
    assert citation(doc, "review:3", "progress").startswith("CDIP/33/2，附件二，")


def test_nested_list_keeps_its_own_kind():
    """A nested bullet list between numbered items stays <ul>, a nested numbered list <ol>."""
    from models.markdown_html import Renderer

    assert Renderer().blocks("1. a\n  - x\n2. b") == "<ol><li>a</li><ul><li>x</li></ul><li>b</li></ol>"
    assert Renderer().blocks("- a\n  1. x\n- b") == "<ul><li>a</li><ol><li>x</li></ol><li>b</li></ul>"
    assert Renderer().blocks("- a\n  1. x") == "<ul><li>a</li><ol><li>x</li></ol></ul>"
