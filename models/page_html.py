"""Entities → HTML for the detail pane (QTextBrowser), plus stable citations.

Link schemes: ``rec:N`` (recommendation), ``review:N`` (Annex II), ``fn:N`` (footnote in
the page), ``doc:SYMBOL`` (filter by cited document); http/https URLs are external.
Section headings carry anchors ``sec-<key>`` so a search hit can scroll to its section.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from models import names
from models.bidi import isolate
from models.entities import Document, Footnote, Recommendation, ReviewRecommendation
from models.markdown_html import Renderer, escape
from models.target import Target
from models.vocabulary import SECTION_NAMES


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def section_title(key: str, short: bool = False) -> str:
    """The UI's name for a section: the heading in the page, or (``short``) the label of a search hit."""
    if short and key in ("text", "sectors"):
        return tr("Text") if key == "text" else tr("Sectors")
    title = _SECTION_TITLES.get(key)  # one translation looked up, not all ten: each hit row asks, per paint
    return title() if title is not None else key


_SECTION_TITLES = {
    "text": lambda: tr("Recommendation"),
    "sectors": lambda: tr("Related WIPO sectors"),
    "implementation": lambda: tr("Implementation"),
    "highlights": lambda: tr("Highlights"),
    "activities": lambda: tr("Activities/results"),
    "footnotes": lambda: tr("Footnotes"),
    "progress": lambda: tr("Progress"),
    "links": lambda: tr("Links"),
    "references": lambda: tr("References"),
    "cover": lambda: tr("Cover note"),
}


def _heading(key: str) -> str:
    return f'<h2><a name="sec-{key}"></a>{escape(section_title(key))}</h2>'


def _numbers(nums: Iterable[int], scheme: str = "rec") -> str:
    return "、".join(f'<a href="{scheme}:{n}">{n}</a>' for n in nums)


BOOKMARK_ICON = "icon:bookmark"  # an image resource the viewer provides (resources/icons/bookmark.svg)
BOOKMARK_MARK = f' <img src="{BOOKMARK_ICON}" width="20" height="20">'


def joint_note(partners: Iterable[int], linked: bool = True) -> str:
    """ "与建议 13、17 合并报告" (or the English UI wording)."""
    nums = tuple(partners)
    body = _numbers(nums) if linked else "、".join(str(n) for n in nums)
    return tr("Reported jointly with recommendations %1").replace("%1", body)


def _footnotes(r: Renderer, notes: Iterable[Footnote]) -> str:
    notes = list(notes)
    if not notes:
        return ""
    items = "".join(
        f'<p class="footnote"><a name="fn-{fn.number}"></a><sup>{fn.number}</sup> {r.inline(fn.text)}</p>'
        for fn in notes
    )
    return _heading("footnotes") + items


def render_recommendation(
    rec: Recommendation,
    terms: Iterable[str] = (),
    cluster_title: str = "",
    bookmarked: bool = False,
    note: str = "",
    documents: Iterable[str] | None = None,
) -> tuple[str, int]:
    """HTML for one recommendation; returns (html, number of highlighted matches)."""
    r = Renderer(terms, {fn.number: fn.text for fn in rec.footnotes}, documents)
    star = ' <span class="star" title="immediate">★</span>' if rec.immediate else ""
    mark = BOOKMARK_MARK if bookmarked else ""
    title = escape(tr("Recommendation %1").replace("%1", str(rec.number)))
    out = [f'<h1><a name="top"></a>{title}{star}{mark}</h1>']
    meta = [
        escape(
            tr("Cluster %1").replace("%1", rec.cluster) + (f" · {cluster_title}" if cluster_title else "")
        )
    ]
    if rec.immediate:
        source = (
            tr("mark printed in CDIP/33/2")
            if rec.immediate_source == "source"
            else tr("curated from a public source")
        )
        meta.append(escape(tr("for immediate implementation (%1)").replace("%1", source)))
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if rec.reported_with:
        out.append(f'<p class="joint">{joint_note(rec.reported_with)}</p>')
    if note.strip():
        label = escape(tr("Note"))
        out.append(f'<p class="note"><b>{label}:</b> {escape(isolate(note))}</p>')
    out.append(_heading("text") + f'<div class="rectext">{r.blocks(rec.text)}</div>')
    if rec.sectors:
        out.append(
            _heading("sectors") + "<ul>" + "".join(f"<li>{_sector(r, s)}</li>" for s in rec.sectors) + "</ul>"
        )
    if rec.implementation.strip():
        out.append(_heading("implementation") + r.blocks(rec.implementation))
    out.append(_heading("highlights"))
    if rec.highlights:
        out.append("<ul>" + "".join(f"<li>{_unwrap_p(r.blocks(h))}</li>" for h in rec.highlights) + "</ul>")
    else:
        none = escape(tr("None reported"))
        out.append(f"<p><i>{none}</i></p>")
    if rec.activities.strip():
        out.append(_heading("activities") + r.blocks(rec.activities))
    out.append(_footnotes(r, rec.footnotes))
    out.append(_references(r, rec))
    if rec.links:
        items = "".join(
            f'<li><a href="{escape(u, quote=True)}">{r.text(u)}</a></li>'
            for u in rec.links
            if _is_web(u)
        )
        hint = escape(tr("External links open in your browser and need a network connection."))
        out.append(_heading("links") + f'<ul>{items}</ul><p class="hint">{hint}</p>')
    return "\n".join(out), r.hit_count


def _references(r: Renderer, rec: Recommendation) -> str:
    rows = []
    if rec.see_also:
        rows.append((tr("Refers to"), _numbers(rec.see_also)))
    if rec.cited_by:
        rows.append((tr("Cited by"), _numbers(rec.cited_by)))
    if rec.projects:
        rows.append((tr("DA projects"), "；".join(r.text(p) for p in rec.projects)))
    if rec.documents:
        docs = "、".join(f'<a href="doc:{escape(d, quote=True)}">{r.text(d)}</a>' for d in rec.documents)
        rows.append((tr("Documents cited"), docs))
    if rec.countries:
        rows.append((tr("Countries mentioned"), "、".join(r.text(c) for c in rec.countries)))
    if not rows:
        return ""
    body = "".join(f'<tr><td class="label">{escape(k)}</td><td>{v}</td></tr>' for k, v in rows)
    return _heading("references") + f'<table class="refs" cellpadding="3">{body}</table>'


def render_review(
    rev: ReviewRecommendation, terms: Iterable[str] = (), bookmarked: bool = False
) -> tuple[str, int]:
    r = Renderer(terms, {fn.number: fn.text for fn in rev.footnotes}, max_rec=0)
    mark = BOOKMARK_MARK if bookmarked else ""
    title = tr("Independent review recommendation %1").replace("%1", str(rev.number))
    out = [f'<h1><a name="top"></a>{escape(title)}{mark}</h1>']
    if rev.addressees:
        label = escape(tr("Addressed to"))
        out.append(f'<p class="meta">{label}: {r.text("、".join(rev.addressees))}</p>')
    out.append(_heading("text") + r.blocks(rev.text))
    out.append(_heading("progress") + r.blocks(rev.progress))
    out.append(_footnotes(r, rev.footnotes))
    return "\n".join(out), r.hit_count


def render_cover(doc: Document, cover_markdown: str, terms: Iterable[str] = ()) -> tuple[str, int]:
    r = Renderer(terms)
    edition = escape(f"{doc.symbol} · {doc.date} · {names.language_name(doc.language)}")
    out = [
        f'<h1><a name="top"></a>{r.text(doc.title)}</h1>',
        f'<p class="meta">{edition} · {r.text(doc.period)}</p>',
        _heading("cover"),
        r.blocks(cover_markdown),
    ]
    return "\n".join(out), r.hit_count


def _sector(r: Renderer, name: str) -> str:
    """The printed sector name; WIPO's English name after it in the English UI."""
    english = names.shown(name)
    return r.text(name) + (f" ({escape(english)})" if english != name else "")


def _unwrap_p(fragment: str) -> str:
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p>") == 1:
        return fragment[3:-4]
    return fragment


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def citation(doc: Document, target: str, section: str | None = None, selected: str = "") -> str:
    """A stable reference such as ``CDIP/33/2，附件一，建议 6（亮点）`` followed by the selection."""
    where = Target.parse(target)
    if where.kind == "rec":
        ref = f"{doc.symbol}，附件一，建议 {where.number}"
    elif where.kind == "review":
        ref = f"{doc.symbol}，附件二，独立审查建议 {where.number}"
    else:
        ref = doc.symbol
    if section in SECTION_NAMES:
        ref += f"（{SECTION_NAMES[section]}）"
    selected = selected.strip()
    return f"{ref}：“{selected}”" if selected else ref
