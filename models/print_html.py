"""The printable one-recommendation summary and the briefing pack's cover and contents, as HTML.

Pure functions over entities (no widgets): ui/printing lays the HTML out page by page.
Templates and the stylesheet live in resources/print/. The summary holds the header, the
recommendation's text, sectors, highlights, the user's note, cross-references and cited
documents; implementation and activities are left out so every entry fits on one or two pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from string import Template

from models.bidi import isolate
from models.entities import Document, Recommendation, ReviewRecommendation
from models.markdown_html import Renderer
from models.names import LANGUAGES
from models.paths import resource
from models.vocabulary import DOC_SYMBOL_PATTERN

NOTE_PRINT_LIMIT = 1500  # characters of a note that are printed (keeps the summary within two pages)
_FOOTNOTE_REF = re.compile(r"\[\^\d{1,3}\]")
_ANCHOR = re.compile(r"</?a\b[^>]*>", re.IGNORECASE)
_SYMBOL = re.compile(DOC_SYMBOL_PATTERN)
_JOIN = "/\u2060"  # a word joiner after each "/": a symbol such as CDIP/12/8 never breaks across lines


def _keep_symbols_whole(text: str) -> str:
    return _SYMBOL.sub(lambda m: m.group(0).replace("/", _JOIN), text)


@dataclass(frozen=True)
class TocEntry:
    label: str  # "建议 6 ★", "独立审查建议 3"
    title: str
    page: int


def rec_label(number: int, immediate: bool) -> str:
    return f"建议 {number}" + (" ★" if immediate else "")


def review_label(number: int) -> str:
    return f"独立审查建议 {number}"


@cache
def _template(name: str) -> Template:
    return Template(resource("print", name).read_text(encoding="utf-8"))


@cache
def stylesheet() -> str:
    return resource("print", "print.css").read_text(encoding="utf-8")


def printed_date(day: date | None = None) -> str:
    day = day or date.today()
    return f"{day.year}年{day.month}月{day.day}日"


def citation(doc: Document, number: int) -> str:
    return f"来源：{doc.symbol}，附件一，建议 {number}"


def review_citation(doc: Document, number: int) -> str:
    return f"来源：{doc.symbol}，附件二，独立审查建议 {number}"


def numbers_text(numbers: Iterable[int]) -> str:
    return "、".join(str(n) for n in numbers)


def _markdown(text: str) -> str:
    """Markdown → print HTML: no footnote markers (footnotes are not printed), no hyperlinks."""
    renderer = Renderer(documents=(), max_rec=0, join_url_scheme=False)
    body = renderer.blocks(_keep_symbols_whole(_FOOTNOTE_REF.sub("", text or "")))
    return _ANCHOR.sub("", body)


def _inline(text: str) -> str:
    body = _markdown(text)
    if body.startswith("<p>") and body.endswith("</p>") and body.count("<p>") == 1:
        return body[3:-4]
    return body


def _note_html(note: str) -> str:
    note = (note or "").strip()
    if not note:
        return ""
    if len(note) > NOTE_PRINT_LIMIT:
        note = note[:NOTE_PRINT_LIMIT].rstrip() + f"……（备注共 {len(note)} 字，此处只打印前 {NOTE_PRINT_LIMIT} 字）"
    body = "<br/>".join(html.escape(isolate(line)) for line in note.splitlines())
    return (
        '<h2>备注</h2><table class="notebox" width="100%" cellpadding="8" cellspacing="0">'
        f'<tr><td><p class="note">{body}</p></td></tr></table>'
    )


def _references(rec: Recommendation) -> str:
    rows: list[tuple[str, str]] = []
    if rec.see_also:
        rows.append(("参见", "建议 " + numbers_text(rec.see_also)))
    if rec.cited_by:
        rows.append(("被引用于", "建议 " + numbers_text(rec.cited_by)))
    if rec.documents:
        rows.append(("引用文件", "、".join(html.escape(d).replace("/", _JOIN)
                                          for d in rec.documents)))
    if not rows:
        return ""
    body = "".join(f'<tr><td class="label" width="70">{k}</td><td>{v}</td></tr>' for k, v in rows)
    return f'<h2>交叉引用与引用文件</h2><table width="100%" cellpadding="2" cellspacing="0">{body}</table>'


def summary_title(rec: Recommendation) -> str:
    return f"建议 {rec.number}" + (" ★" if rec.immediate else "")


def summary_html(doc: Document, rec: Recommendation, cluster_title: str = "", note: str = "") -> str:
    """The body of one printed summary (running header and footer are drawn per page)."""
    star = ' <span class="star">★</span>' if rec.immediate else ""
    meta = [f"第 {html.escape(rec.cluster)} 组" + (f"：{html.escape(cluster_title)}" if cluster_title else "")]
    if rec.immediate:
        meta.append('<span class="star">★</span> 需立即落实')
    meta.append(f"报告期：{html.escape(doc.period)}")
    joint = ""
    if rec.reported_with:
        joint = (
            '<table class="joint" cellpadding="4" cellspacing="0"><tr><td>'
            f"与建议 {numbers_text(rec.reported_with)} 合并报告</td></tr></table>"
        )
    sectors = ""
    if rec.sectors:
        sectors = "<h2>相关产权组织部门</h2><p>" + "；".join(html.escape(s) for s in rec.sectors) + "</p>"
    if rec.highlights:
        items = "".join(f"<li>{_inline(h)}</li>" for h in rec.highlights)
        highlights = f"<h2>亮点</h2><ul>{items}</ul>"
    else:
        highlights = '<h2>亮点</h2><p class="muted">本期未报告亮点。</p>'
    legend = ""
    if rec.immediate:
        mark = "CDIP/33/2 原文标注" if rec.immediate_source == "source" else "据公开来源补充"
        legend = f'<p class="legend">★ 需立即落实的建议（{mark}）。</p>'
    return _template("summary.html").substitute(
        title=f"建议 {rec.number}{star}",
        meta=" · ".join(meta),
        joint=joint,
        text=f'<div class="rectext">{_markdown(rec.text)}</div>',
        sectors=sectors,
        highlights=highlights,
        note=_note_html(note),
        references=_references(rec),
        legend=legend,
    )


def cover_html(
    doc: Document,
    entries: Sequence[tuple[int, bool, str]],
    day: date | None = None,
    reviews: Sequence[tuple[int, str]] = (),
) -> str:
    """Briefing-pack cover: title, edition, print date and the list (number, immediate, short title),
    then the Annex II review recommendations (number, short title)."""
    labelled = [(rec_label(n, imm), t) for n, imm, t in entries] + [(review_label(n), t) for n, t in reviews]
    lines = "".join(
        f'<tr><td class="toc-num" width="84">{label}</td><td>{html.escape(t)}</td></tr>' for label, t in labelled
    )
    if len(labelled) > 16:  # a long list would push the cover onto a second page: numbers only
        groups = [f"建议 {numbers_text(n for n, _, _ in entries)}"] if entries else []
        groups += [f"独立审查建议 {numbers_text(n for n, _ in reviews)}"] if reviews else []
        listing = f'<p class="cover-list">{"；".join(groups)}</p>'
    else:
        listing = f'<table cellpadding="2" cellspacing="0">{lines}</table>'
    return _template("cover.html").substitute(
        symbol=html.escape(doc.symbol),
        language=html.escape(LANGUAGES.get(doc.language, (doc.language,))[0]),  # printed in Chinese: 中文
        period=html.escape(doc.period),
        title=html.escape(doc.title),
        date=html.escape(doc.date),
        printed=printed_date(day),
        count=_count_text(len(entries), len(reviews)),
        list=listing,
    )


def _count_text(recs: int, reviews: int) -> str:
    parts = [f"{recs} 项建议"] if recs else []
    parts += [f"{reviews} 项独立审查建议"] if reviews else []
    return "、".join(parts)


def review_title(rev: ReviewRecommendation) -> str:
    return review_label(rev.number)


def review_html(doc: Document, rev: ReviewRecommendation, note: str = "") -> str:
    """The body of one printed Annex II review recommendation: its text and the progress reported."""
    meta = ["附件二 · 独立审查建议"]
    if rev.addressees:
        meta.append("提交对象：" + html.escape("、".join(rev.addressees)))
    meta.append(f"报告期：{html.escape(doc.period)}")
    progress = _markdown(rev.progress) if rev.progress.strip() else '<p class="muted">本期未报告进展。</p>'
    return _template("review.html").substitute(
        title=html.escape(review_title(rev)),
        meta=" · ".join(meta),
        text=f'<div class="rectext">{_markdown(rev.text)}</div>',
        progress=progress,
        note=_note_html(note),
    )


def toc_html(entries: Sequence[TocEntry]) -> str:
    rows = "".join(
        f'<tr><td class="toc-num" width="110">{e.label}</td>'
        f'<td>{html.escape(e.title)}</td><td class="toc-page" width="40">{e.page}</td></tr>'
        for e in entries
    )
    return _template("toc.html").substitute(rows=rows)


def parse_numbers(spec: str, valid: Iterable[int]) -> list[int]:
    """"6", "6,12,45", "1-5,9" or "all" → numbers in the given order (duplicates dropped).

    Raises ValueError with a user-facing message for anything else or an unknown number.
    """
    known = sorted(set(valid))
    spec = (spec or "").strip().replace("，", ",").replace("、", ",")
    if spec.lower() in {"all", "*"}:
        return known
    out: list[int] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        m = re.fullmatch(r"(\d{1,4})(?:\s*-\s*(\d{1,4}))?", part)
        if not m:
            raise ValueError(f"无法识别的建议编号“{part[:20]}”（示例：6 或 6,12,45 或 1-45 或 all）")
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        for n in range(lo, hi + 1) if lo <= hi else ():
            if n not in known:
                raise ValueError(f"没有建议 {n}（有效范围：{known[0]}–{known[-1]}）" if known else f"没有建议 {n}")
            if n not in out:
                out.append(n)
    if not out:
        raise ValueError("请给出至少一个建议编号（示例：6 或 6,12,45）")
    return out
