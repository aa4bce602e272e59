"""Read-only access to the bundled content database: the only module with content SQL.

The file is opened with ``mode=ro&immutable=1``; every query takes parameters. Any problem
with the file becomes a :class:`ContentError` whose message can be shown to the user.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from models import names, paths
from models.entities import (
    Cluster,
    Document,
    Facets,
    Footnote,
    ImmediateMarks,
    Recommendation,
    RecommendationSummary,
    ReviewRecommendation,
    SearchHit,
    short_title,
)
from models.facets import BY_KEY as FACET_BY_KEY
from models.facets import FACETS
from models.search import Query, parse_query, rank, snippet
from models.vocabulary import CONTENT_SCHEMA_VERSION

#: The rowids of the sections holding one phrase (FTS5 trigram), in one edition. CROSS JOIN keeps the
#: full-text index the outer loop: with a plain JOIN, SQLite walks the edition's sections and probes
#: the index once per row (~11 ms a keystroke for "CDIP/33/3" instead of ~0.5 ms).
FTS_SECTIONS = (
    "SELECT s.rowid FROM sections_fts "
    "CROSS JOIN sections s ON s.rowid = sections_fts.rowid "
    "WHERE sections_fts MATCH ? AND s.doc_id = ?"
)


class ContentError(Exception):
    """The content database is missing, corrupt or of an unknown schema; message is user-facing."""


class ContentDamaged(ContentError):
    """SQLite reported damage inside the content database: the installation should be reinstalled."""


def _damaged(path: Path, error: sqlite3.DatabaseError) -> ContentDamaged:
    return ContentDamaged(
        f"内容数据库已损坏：{path}（{error}）。请重新安装 DA Navigator。\n"
        f"The content database is damaged: {path} ({error}). Please reinstall DA Navigator."
    )


def _json_list(values: Iterable) -> str:
    return json.dumps(list(values), ensure_ascii=False)


class ContentRepository:
    """One open edition of the report. Cheap to query; use from one thread."""

    def __init__(self, path: Path | str | None = None, edition: tuple[str, str] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.content_db()
        if not self.path.is_file():
            raise ContentError(f"找不到内容数据库：{self.path}\nContent database not found: {self.path}")
        try:
            self._db = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        except sqlite3.DatabaseError as error:
            raise _damaged(self.path, error) from error
        try:
            self._open(edition)
        except BaseException:
            self._db.close()  # a refused file is not left open
            raise

    def _open(self, edition: tuple[str, str] | None) -> None:
        """Check the schema version and load the edition's document row (ContentError if not)."""
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version != CONTENT_SCHEMA_VERSION:
                raise ContentError(
                    f"内容数据库版本不符（{version}，应为 {CONTENT_SCHEMA_VERSION}）：{self.path}\n"
                    f"Content database has schema version {version}, expected {CONTENT_SCHEMA_VERSION}."
                )
            where, args = ("WHERE symbol = ? AND language = ?", edition) if edition else ("", ())
            row = self._db.execute(f"SELECT id, symbol, language, date, title, period, source_sha256 "
                                   f"FROM documents {where} ORDER BY id LIMIT 1", args).fetchone()
        except sqlite3.DatabaseError as error:
            raise _damaged(self.path, error) from error
        if row is None:
            raise ContentError(f"内容数据库中没有所需版本 {edition}\nEdition {edition} is not in {self.path}")
        self._doc_id = row[0]
        self._document = Document(*row[1:])
        self._summaries: list[RecommendationSummary] | None = None
        self._own: dict[tuple[str, int], str] | None = None
        self._all_sections: dict[int, tuple[str, int, str, str, str]] | None = None
        self._facet_counts: dict[tuple[int, ...], Facets] = {}  # by number set: typing repeats them
        names.register(self.english_names())

    def close(self) -> None:
        self._db.close()

    def _rows(self, sql: str, *args) -> list[tuple]:
        """Run a read query with positional parameters, or one dict of named ones."""
        params = args[0] if len(args) == 1 and isinstance(args[0], dict) else args
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise _damaged(self.path, error) from error

    # --- the document -------------------------------------------------------------------------
    def document(self) -> Document:
        return self._document

    def editions(self) -> list[tuple[str, str]]:
        return [(s, lang) for s, lang in self._rows("SELECT symbol, language FROM documents ORDER BY id")]

    def valid_numbers(self) -> dict[tuple[str, str, str], set[int]]:
        """(symbol, language, "recommendation" | "review") → its numbers, for every edition in the file."""
        valid: dict[tuple[str, str, str], set[int]] = {
            (symbol, language, kind): set() for symbol, language in self.editions()
            for kind in ("recommendation", "review")
        }
        for table, kind in (("recommendations", "recommendation"), ("review_recommendations", "review")):
            for symbol, language, number in self._rows(
                f"SELECT d.symbol, d.language, t.number FROM {table} t JOIN documents d ON d.id = t.doc_id"
            ):
                valid[(symbol, language, kind)].add(number)
        return valid

    def cover_note(self) -> str:
        return self._rows("SELECT cover_note FROM documents WHERE id = ?", self._doc_id)[0][0]

    def clusters(self) -> list[Cluster]:
        rows = self._rows("SELECT c.id, c.title, group_concat(r.number) FROM clusters c "
                          "JOIN recommendations r ON r.doc_id = c.doc_id AND r.cluster = c.id "
                          "WHERE c.doc_id = ? GROUP BY c.id ORDER BY c.id", self._doc_id)
        return [Cluster(cid, title, tuple(sorted(int(n) for n in numbers.split(",")))) for cid, title, numbers in rows]

    def sectors(self) -> list[str]:
        return [name for (name,) in self._rows("SELECT name FROM sectors ORDER BY position")]

    def immediate_marks(self) -> ImmediateMarks:
        """How many immediate-implementation marks this edition carries, by origin, against the stated total."""
        (total, source), = self._rows(
            "SELECT immediate_total, immediate_total_source FROM documents WHERE id = ?", self._doc_id
        )
        marked = [s for s in self.summaries() if s.immediate]
        printed, curated = ([s.number for s in marked if s.immediate_source == o] for o in ("source", "curated"))
        return ImmediateMarks(total=total, total_source=source, printed=tuple(printed), curated=tuple(curated))

    def english_names(self) -> dict[str, str]:
        """WIPO's English names of the clusters and sectors (curated), keyed by the Chinese name."""
        rows = self._rows(
            "SELECT title, title_en FROM clusters WHERE doc_id = ? UNION ALL SELECT name, name_en FROM sectors",
            self._doc_id,
        )
        return {zh: en for zh, en in rows if en}

    def footnote(self, number: int) -> str:
        rows = self._rows("SELECT text FROM footnotes WHERE doc_id = ? AND number = ?", self._doc_id, number)
        if not rows:
            raise KeyError(number)
        return rows[0][0]

    # --- entries ------------------------------------------------------------------------------
    def summaries(self) -> list[RecommendationSummary]:
        if self._summaries is None:
            sectors: dict[int, list[str]] = {}
            for number, sector in self._rows(
                "SELECT number, sector FROM recommendation_sectors WHERE doc_id = ? "
                "ORDER BY number, position",
                self._doc_id,
            ):
                sectors.setdefault(number, []).append(sector)
            self._summaries = [
                RecommendationSummary(
                    n,
                    cluster,
                    bool(imm),
                    src,
                    short_title(text),
                    tuple(json.loads(partners)),
                    tuple(sectors.get(n, ())),
                )
                for n, cluster, imm, src, text, partners in self._rows(
                    "SELECT number, cluster, immediate, immediate_source, text, reported_with "
                    "FROM recommendations WHERE doc_id = ? ORDER BY number",
                    self._doc_id,
                )
            ]
        return list(self._summaries)

    def recommendation(self, number: int) -> Recommendation:
        rows = self._rows(
            "SELECT number, cluster, immediate, immediate_source, text, reported_with, "
            "implementation, activities FROM recommendations WHERE doc_id = ? AND number = ?",
            self._doc_id,
            number,
        )
        if not rows:
            raise KeyError(number)
        n, cluster, imm, src, text, partners, implementation, activities = rows[0]
        d = self._doc_id
        return Recommendation(
            number=n,
            cluster=cluster,
            immediate=bool(imm),
            immediate_source=src,
            text=text,
            reported_with=tuple(json.loads(partners)),
            sectors=self._column(
                "SELECT sector FROM recommendation_sectors WHERE doc_id = ? AND number = ? ORDER BY position",
                d,
                n,
            ),
            implementation=implementation,
            highlights=self._column(
                "SELECT text FROM highlights WHERE doc_id = ? AND number = ? ORDER BY position", d, n
            ),
            activities=activities,
            footnotes=self._footnotes("recommendation", n),
            links=self._links("recommendation", n),
            see_also=self._column(
                "SELECT DISTINCT target FROM cross_references WHERE doc_id = ? AND number = ? "
                "ORDER BY target",
                d,
                n,
            ),
            documents=self._column(
                "SELECT symbol FROM document_citations WHERE doc_id = ? AND kind = 'recommendation' "
                "AND number = ? GROUP BY symbol ORDER BY min(rowid)",
                d,
                n,
            ),
            countries=self._column(
                "SELECT p.name FROM place_mentions m JOIN places p USING (code) WHERE m.doc_id = ? "
                "AND m.kind = 'recommendation' AND m.number = ? GROUP BY p.code "
                "ORDER BY min(m.rowid)",
                d,
                n,
            ),
            cited_by=self._column(
                "SELECT DISTINCT number FROM cross_references WHERE doc_id = ? AND target = ? "
                "ORDER BY number",
                d,
                n,
            ),
            projects=self._column(
                "SELECT p.title FROM projects p JOIN project_recommendations r "
                "ON r.doc_id = p.doc_id AND r.project_id = p.id WHERE p.doc_id = ? AND r.number = ? "
                "ORDER BY p.id",
                d,
                n,
            ),
        )

    def reviews(self) -> list[ReviewRecommendation]:
        return [
            self.review(n)
            for (n,) in self._rows(
                "SELECT number FROM review_recommendations WHERE doc_id = ? ORDER BY number", self._doc_id
            )
        ]

    def review(self, number: int) -> ReviewRecommendation:
        rows = self._rows(
            "SELECT number, addressees, text, progress FROM review_recommendations "
            "WHERE doc_id = ? AND number = ?",
            self._doc_id,
            number,
        )
        if not rows:
            raise KeyError(number)
        n, addressees, text, progress = rows[0]
        return ReviewRecommendation(
            n, tuple(json.loads(addressees)), text, progress, self._footnotes("review", n)
        )

    def links(self, kind: str, number: int) -> tuple[str, ...]:
        return self._links(kind, number)

    def _column(self, sql: str, *args) -> tuple:
        return tuple(row[0] for row in self._rows(sql, *args))

    def _footnotes(self, kind: str, number: int) -> tuple[Footnote, ...]:
        return tuple(
            Footnote(n, text)
            for n, text in self._rows(
                "SELECT f.number, f.text FROM entry_footnotes e JOIN footnotes f ON f.doc_id = e.doc_id "
                "AND f.number = e.footnote WHERE e.doc_id = ? AND e.kind = ? AND e.number = ? ORDER BY f.number",
                self._doc_id,
                kind,
                number,
            )
        )

    def _links(self, kind: str, number: int) -> tuple[str, ...]:
        sql = "SELECT url FROM links WHERE doc_id = ? AND kind = ? AND number = ? ORDER BY position"
        return self._column(sql, self._doc_id, kind, number)

    # --- search and filters -------------------------------------------------------------------
    def _matching_sections(self, query: Query) -> list[tuple[str, int, str, str, str]]:
        """Sections (kind, number, section, body, folded body) in which at least one term occurs."""
        sections = self._sections()
        found: dict[int, tuple[str, int, str, str, str]] = {}
        for term, folded in zip(query.terms, query.folded, strict=True):
            if len(term) >= 3:
                rowids = [rowid for (rowid,) in self._rows(FTS_SECTIONS, query.fts_phrase(term), self._doc_id)]
            else:  # trigram FTS cannot match under 3 characters: scan the edition's folded text
                rowids = [rowid for rowid, row in sections.items() if folded in row[4]]
            for rowid in rowids:
                found.setdefault(rowid, sections[rowid])
        return list(found.values())

    def _sections(self) -> dict[int, tuple[str, int, str, str, str]]:
        """The edition's sections by rowid, each with its case-folded body; read at the first search
        (~75,000 characters), so that no keystroke reads or folds them again."""
        if self._all_sections is None:
            rows = self._rows("SELECT rowid, kind, number, section, body FROM sections WHERE doc_id = ?", self._doc_id)
            self._all_sections = {rowid: (*row, row[3].casefold()) for rowid, *row in rows}
        return self._all_sections

    def _own_texts(self) -> dict[tuple[str, int], str]:
        """Each entry's own wording, case-folded (ranking puts own-text matches first)."""
        if self._own is None:
            sections = self._sections().values()
            self._own = {(k, n): folded for k, n, section, _body, folded in sections if section == "text"}
        return self._own

    def search(self, query: str | Query, limit: int = 200) -> list[SearchHit]:
        """Hits ranked by search.rank; an entry matches only if it contains every term."""
        parsed = query if isinstance(query, Query) else parse_query(query)
        if not parsed:
            return []
        ranked = rank(parsed, self._matching_sections(parsed), self._own_texts())
        mark = parsed.highlighter()
        return [  # snippets are made when read (SearchHit)
            SearchHit(r.kind, r.number, r.section, partial(snippet, r.body, r.folded, parsed, mark), r.score)
            for r in ranked[:limit]
        ]

    def matching_numbers(self, query: str | Query) -> set[int]:
        """Recommendations (Annex I) containing every term of ``query``."""
        parsed = query if isinstance(query, Query) else parse_query(query)
        ranked = rank(parsed, self._matching_sections(parsed)) if parsed else []
        return {r.number for r in ranked if r.kind == "recommendation"}

    def filter_numbers(
        self, query: str = "", numbers: Iterable[int] | None = None, **chosen: Iterable | bool | None
    ) -> list[int]:
        """Recommendation numbers passing every active facet (``models.facets``: values within
        one facet combine with OR, facets with AND), within ``numbers`` and matching ``query``."""
        params: dict = {"doc": self._doc_id}
        where = ["r.doc_id = :doc"]
        for key, values in chosen.items():
            facet = FACET_BY_KEY[key]  # an unknown facet is a programming error: KeyError
            values = [values] if isinstance(values, bool) else list(values or ())
            if values:
                params[key] = _json_list(values)
                where.append(facet.where)
        if numbers is not None:
            params["numbers"] = _json_list(numbers)
            where.append("r.number IN (SELECT value FROM json_each(:numbers))")
        sql = f"SELECT r.number FROM recommendations r WHERE {' AND '.join(where)} ORDER BY r.number"
        result = [n for (n,) in self._rows(sql, params)]
        if parse_query(query).terms:
            matching = self.matching_numbers(query)
            result = [n for n in result if n in matching]
        return result

    def facets(self, numbers: Iterable[int]) -> Facets:
        """Counts of recommendations per value of every facet, over ``numbers`` (a copy: yours to change);
        remembered per set of numbers: keystrokes mostly match the same ones, five GROUP BYs cost ~1.8 ms."""
        key = tuple(sorted(set(numbers)))
        if key not in self._facet_counts:
            if len(self._facet_counts) >= 256:
                self._facet_counts.clear()
            ids = _json_list(key)
            self._facet_counts[key] = Facets({f.key: self._counts(f.key, ids) for f in FACETS})
        return Facets({k: dict(v) for k, v in self._facet_counts[key].items()})

    def _counts(self, key: str, ids: str) -> dict:
        """One facet's counts over the recommendation numbers in the JSON array ``ids``."""
        facet = FACET_BY_KEY[key]
        return {facet.decode(v): n for v, n in self._rows(facet.counts, {"doc": self._doc_id, "ids": ids})}

    # --- overview -----------------------------------------------------------------------------
    def cluster_sector_matrix(self) -> dict[tuple[str, str], int]:
        rows = self._rows(
            "SELECT r.cluster, s.sector, count(*) FROM recommendations r JOIN recommendation_sectors s "
            "ON s.doc_id = r.doc_id AND s.number = r.number WHERE r.doc_id = ? "
            "GROUP BY r.cluster, s.sector",
            self._doc_id,
        )
        return {(cluster, sector): count for cluster, sector, count in rows}

    def country_counts(self) -> dict[str, int]:
        return self._counts("countries", _json_list(s.number for s in self.summaries()))

    def document_counts(self) -> dict[str, int]:
        """Recommendations citing each document symbol (the page links the symbols cited anywhere)."""
        return self._counts("documents", _json_list(s.number for s in self.summaries()))
