"""HTML for the group pages of the tree (a cluster, a WIPO sector, Annex II): a heading, one line
of context and a linked list of the entries below that node, so no tree node opens an empty pane."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from models.markdown_html import escape


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


@dataclass(frozen=True)
class Entry:
    """One linked line: ``href`` is a location (``rec:6``), ``label`` its number, ``title`` its text."""

    href: str
    label: str
    title: str
    immediate: bool = False


def render_listing(title: str, intro: str, entries: Iterable[Entry]) -> str:
    """A group page: ``title`` as the heading, ``intro`` below it, then one linked row per entry."""
    rows = []
    for e in entries:
        star = ' <span class="star">★</span>' if e.immediate else ""
        rows.append(
            f'<tr><td class="label"><a href="{escape(e.href)}">{escape(e.label)}</a>{star}</td>'
            f"<td>{escape(e.title)}</td></tr>"
        )
    return (
        f'<h1><a name="top"></a>{escape(title)}</h1><p class="meta">{escape(intro)}</p>'
        f'<table class="listing" cellpadding="3">{"".join(rows)}</table>'
    )


def group_page(repo, target: str) -> str:
    """The page of ``cluster:A``, ``sector:<name>`` or ``annex2``; KeyError for anything else."""
    kind, _, key = target.partition(":")
    summaries = repo.summaries()
    if kind == "annex2":
        reviews = repo.reviews()
        entries = [Entry(f"review:{r.number}", str(r.number), r.title) for r in reviews]
        return render_listing(
            tr("Annex II · Independent review"),
            tr("%1 recommendations of the independent review; open one for its progress.").replace(
                "%1", str(len(entries))
            ),
            entries,
        )
    if kind == "cluster":
        cluster = next((c for c in repo.clusters() if c.id == key), None)
        if cluster is None:
            raise KeyError(target)
        title = tr("Cluster %1").replace("%1", cluster.id) + f" · {cluster.title}"
        chosen = [s for s in summaries if s.cluster == key]
    elif kind == "sector" and key in repo.sectors():
        title, chosen = key, [s for s in summaries if key in s.sectors]
    else:
        raise KeyError(target)
    entries = [
        Entry(f"rec:{s.number}", tr("Recommendation %1").replace("%1", str(s.number)), s.title, s.immediate)
        for s in chosen
    ]
    intro = tr("%1 recommendations; open one to read it.").replace("%1", str(len(entries)))
    return render_listing(title, intro, entries)
