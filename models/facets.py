"""The facets of the filter sidebar, each defined once: the repository builds its SQL from them,
``FilterState`` keeps one value set per facet, and the facet panel shows one page per facet.

Adding a facet means adding one ``Facet`` here (and its English title to the translations).
Values within one facet combine with OR, facets with AND (``ContentRepository.filter_numbers``).
"""

# No `from __future__ import annotations` here: NamedTuple turns string annotations into compiled
# ForwardRefs, ~0.3 ms a class on the start-up path; real annotations cost nothing.

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.names import shown as display_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("Facet", text)


class Facet(NamedTuple):
    key: str  # FilterState / filter_numbers keyword and Facets key
    title: str  # English source of the panel page and chip title (translated in context "Facet")
    where: str  # SQL condition on ``recommendations r``; the chosen values arrive as JSON array :<key>
    counts: str  # SQL (value, count) over the numbers in JSON array :ids of document :doc
    searchable: bool = False  # a long list: the panel adds a box to filter its rows
    decode: Callable[[object], object] = lambda v: v  # SQL value -> state value

    def label(self, value: object, names: dict | None = None) -> str:
        """How a value reads in the panel and on a chip (``names``: e.g. cluster titles)."""
        if self.key == "immediate":
            return _tr(_IMMEDIATE if value else _NOT_MARKED)
        if names and value in names:
            return f"{value} {display_name(names[value])}"
        return display_name(str(value))  # WIPO's English sector names in the English UI

    def translated_title(self) -> str:
        return _tr(self.title)


_IMMEDIATE = QT_TRANSLATE_NOOP("Facet", "★ For immediate implementation")
_NOT_MARKED = QT_TRANSLATE_NOOP("Facet", "Not marked")
_IN_DOC = "doc_id = :doc AND number IN (SELECT value FROM json_each(:ids))"

FACETS: tuple[Facet, ...] = (
    Facet(
        "clusters",
        QT_TRANSLATE_NOOP("Facet", "Cluster"),
        "r.cluster IN (SELECT value FROM json_each(:clusters))",
        f"SELECT cluster, count(*) FROM recommendations WHERE {_IN_DOC} GROUP BY cluster ORDER BY cluster",
    ),
    Facet(
        "sectors",
        QT_TRANSLATE_NOOP("Facet", "WIPO sector"),
        "r.number IN (SELECT number FROM recommendation_sectors WHERE doc_id = r.doc_id "
        "AND sector IN (SELECT value FROM json_each(:sectors)))",
        f"SELECT sector, count(DISTINCT number) FROM recommendation_sectors WHERE {_IN_DOC} "
        "GROUP BY sector ORDER BY 2 DESC, sector",
    ),
    Facet(
        "immediate",
        QT_TRANSLATE_NOOP("Facet", "Immediate implementation"),
        "r.immediate IN (SELECT value FROM json_each(:immediate))",
        f"SELECT immediate, count(*) FROM recommendations WHERE {_IN_DOC} GROUP BY immediate ORDER BY 1 DESC",
        decode=bool,
    ),
    Facet(
        "countries",
        QT_TRANSLATE_NOOP("Facet", "Country mentioned"),
        "r.number IN (SELECT m.number FROM place_mentions m JOIN places p USING (code) "
        "WHERE m.doc_id = r.doc_id AND m.kind = 'recommendation' AND (p.name IN "
        "(SELECT value FROM json_each(:countries)) OR p.code IN (SELECT value FROM json_each(:countries))))",
        "SELECT p.name, count(DISTINCT m.number) FROM place_mentions m JOIN places p USING (code) "
        "WHERE m.kind = 'recommendation' AND m.doc_id = :doc AND m.number IN (SELECT value FROM json_each(:ids)) "
        "GROUP BY p.code ORDER BY 2 DESC, p.name",
        searchable=True,
    ),
    Facet(
        "documents",
        QT_TRANSLATE_NOOP("Facet", "Document cited"),
        "r.number IN (SELECT number FROM document_citations WHERE doc_id = r.doc_id "
        "AND kind = 'recommendation' AND symbol IN (SELECT value FROM json_each(:documents)))",
        f"SELECT symbol, count(DISTINCT number) FROM document_citations "
        f"WHERE kind = 'recommendation' AND {_IN_DOC} GROUP BY symbol ORDER BY 2 DESC, symbol",
        searchable=True,
    ),
)

BY_KEY: dict[str, Facet] = {f.key: f for f in FACETS}
