"""Read-only access to the bundled content database: the only module with content SQL.

(Interface fixed first so the UI, printing and self-test can be written against it;
bodies are filled in with the importer.)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from models.entities import (
    Cluster,
    Document,
    Facets,
    Recommendation,
    RecommendationSummary,
    ReviewRecommendation,
    SearchHit,
)


class ContentError(Exception):
    """The content database is missing, corrupt or of an unknown schema; message is user-facing."""


class ContentRepository:
    """One open edition of the report. Cheap to query; safe to share within one thread."""

    def __init__(self, path: Path | str | None = None, edition: tuple[str, str] | None = None) -> None:
        raise NotImplementedError

    def close(self) -> None: ...

    # --- the document -------------------------------------------------------------
    def document(self) -> Document: ...
    def editions(self) -> list[tuple[str, str]]: ...
    def cover_note(self) -> str: ...  # Markdown
    def clusters(self) -> list[Cluster]: ...
    def sectors(self) -> list[str]: ...

    # --- entries ------------------------------------------------------------------
    def summaries(self) -> list[RecommendationSummary]: ...  # all 45, by number
    def recommendation(self, number: int) -> Recommendation: ...  # KeyError if unknown
    def reviews(self) -> list[ReviewRecommendation]: ...  # Annex II, by number
    def review(self, number: int) -> ReviewRecommendation: ...

    # --- search and filters -------------------------------------------------------
    def search(self, query: str, limit: int = 200) -> list[SearchHit]: ...
    def filter_numbers(
        self,
        query: str = "",
        clusters: Iterable[str] = (),
        sectors: Iterable[str] = (),
        immediate: bool | None = None,
        countries: Iterable[str] = (),
        documents: Iterable[str] = (),
        numbers: Iterable[int] | None = None,
    ) -> list[int]: ...
    def facets(self, numbers: Iterable[int]) -> Facets: ...

    # --- overview -----------------------------------------------------------------
    def cluster_sector_matrix(self) -> dict[tuple[str, str], int]: ...
    def country_counts(self) -> dict[str, int]: ...
    def document_counts(self) -> dict[str, int]: ...
