"""Write the content model to SQLite with sqlite-utils (schema: docs/schema.md)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import sqlite_utils

from data import curated, extract
from models.vocabulary import CONTENT_SCHEMA_VERSION

SCHEMA_VERSION = CONTENT_SCHEMA_VERSION
DOC_ID = 1
#: Table -> primary key. Rows are collected per table, then inserted in this order.
TABLES: dict[str, tuple[str, ...]] = {
    "recommendations": ("doc_id", "number"),
    "review_recommendations": ("doc_id", "number"),
    "recommendation_sectors": ("doc_id", "number", "position"),
    "highlights": ("doc_id", "number", "position"),
    "footnotes": ("doc_id", "number"),
    "entry_footnotes": ("doc_id", "kind", "number", "footnote"),
    "links": ("doc_id", "kind", "number", "position"),
    "cross_references": ("doc_id", "number", "section", "target"),
    "document_citations": ("doc_id", "kind", "number", "section", "symbol"),
    "places": ("code",),
    "place_mentions": ("doc_id", "kind", "number", "section", "code"),
    "projects": ("doc_id", "id"),
    "project_recommendations": ("doc_id", "project_id", "number"),
    "sections": ("doc_id", "kind", "number", "section"),
    "source_lines": ("doc_id", "line"),
}
INDEXES = {
    "recommendation_sectors": ["sector"],
    "place_mentions": ["code"],
    "document_citations": ["symbol"],
    "cross_references": ["target"],
}


def _entry_rows(rows: dict[str, list[dict]], kind: str, number: int, entry: dict, own: set[int]) -> None:
    """Rows shared by recommendations and review recommendations: notes, links, sections, indexes."""
    key = {"doc_id": DOC_ID, "kind": kind, "number": number}
    rows["entry_footnotes"] += [{**key, "footnote": f["number"]} for f in entry["footnotes"]]
    rows["links"] += [{**key, "position": i, "url": u} for i, u in enumerate(entry["links"])]
    for section, body in entry["_plain"].items():
        rows["sections"].append({**key, "section": section, "body": body})
        rows["document_citations"] += [
            {**key, "section": section, "symbol": s} for s in extract.document_symbols(body)
        ]
        places = extract.places(body)
        rows["place_mentions"] += [{**key, "section": section, "code": p.code} for p in places]
        rows["places"] += [
            {"code": p.code, "name": p.name, "name_en": p.name_en, "kind": p.kind} for p in places
        ]
        if kind == "recommendation":
            rows["cross_references"] += [
                {"doc_id": DOC_ID, "number": number, "section": section, "target": t}
                for t in extract.cross_references(body, own)
            ]


def _rows(content: dict) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = defaultdict(list)
    for rec in content["recommendations"]:
        n = rec["number"]
        note = curated.IMMEDIATE_CURATED.get(n) or (
            "CDIP/33/2：标题中的星号（脚注1）" if rec["immediate"] else None
        )
        rows["recommendations"].append(
            {
                "doc_id": DOC_ID,
                "number": n,
                "entry": rec["entry"],
                "cluster": rec["cluster"],
                "immediate": int(rec["immediate"]),
                "immediate_source": rec["immediate_source"],
                "immediate_note": note,
                "text": rec["text"],
                "implementation": rec["implementation"],
                "activities": rec["activities"],
                "reported_with": json.dumps(rec["reported_with"]),
            }
        )
        rows["recommendation_sectors"] += [
            {"doc_id": DOC_ID, "number": n, "position": i, "sector": s} for i, s in enumerate(rec["sectors"])
        ]
        rows["highlights"] += [
            {"doc_id": DOC_ID, "number": n, "position": i, "text": h} for i, h in enumerate(rec["highlights"])
        ]
        _entry_rows(rows, "recommendation", n, rec, {n, *rec["reported_with"]})
    for review in content["review_recommendations"]:
        n = review["number"]
        rows["review_recommendations"].append(
            {
                "doc_id": DOC_ID,
                "number": n,
                "addressees": json.dumps(review["addressees"], ensure_ascii=False),
                "text": review["text"],
                "progress": review["progress"],
            }
        )
        _entry_rows(rows, "review", n, review, set())
    cover = {
        "footnotes": [],
        "links": list(dict.fromkeys(content["cover_links"])),
        "_plain": {"text": content["_cover_plain"]},
    }
    _entry_rows(rows, "cover", 0, cover, set())
    rows["footnotes"] = [{"doc_id": DOC_ID, "number": k, "text": v} for k, v in content["footnotes"].items()]
    for i, project in enumerate(content["projects"], start=1):
        rows["projects"].append(
            {"doc_id": DOC_ID, "id": i, **{k: project[k] for k in ("title", "proposers", "status")}}
        )
        rows["project_recommendations"] += [
            {"doc_id": DOC_ID, "project_id": i, "number": n} for n in project["recommendations"]
        ]
    rows["source_lines"] = [
        {"doc_id": DOC_ID, "line": no, "placement": where}
        for no, where in sorted(content["placement"].items())
    ]
    rows["places"].sort(key=lambda row: row["code"])
    return rows


def write_database(content: dict, path: Path, source_name: str) -> None:
    """Create every table, the FTS index and the schema version; VACUUM; journal_mode=DELETE."""
    db = sqlite_utils.Database(path)
    doc = content["document"]
    db["documents"].insert(
        {
            "id": DOC_ID,
            **{k: doc[k] for k in ("symbol", "language", "date", "title", "period", "session", "committee",
                                   "immediate_total", "immediate_total_source")},
            "source_file": source_name,
            "source_sha256": doc["sha256"],
            "cover_note": content["cover_note"],
            "schema_version": SCHEMA_VERSION,
        },
        pk="id",
    )
    db["documents"].create_index(["symbol", "language"], unique=True)
    db["clusters"].insert_all(
        (
            {
                "doc_id": DOC_ID,
                "id": c["id"],
                "title": c["title"],
                "first_number": c["recommendations"][0],
                "last_number": c["recommendations"][-1],
                "source": curated.CLUSTER_SOURCE,
                "title_en": curated.CLUSTERS_EN[c["id"]],
                "title_en_source": curated.CLUSTERS_EN_SOURCE,
            }
            for c in content["clusters"]
        ),
        pk=("doc_id", "id"),
    )
    db["sectors"].insert_all(
        (
            {"position": i, "name": s, "name_en": curated.SECTORS_EN[s], "name_en_source": curated.SECTORS_EN_SOURCE}
            for i, s in enumerate(curated.SECTORS)
        ),
        pk="name",
    )
    rows = _rows(content)
    for table, pk in TABLES.items():
        db[table].insert_all(rows[table], pk=pk, ignore=True)
    for table, columns in INDEXES.items():
        db[table].create_index(columns)
    db.execute("CREATE VIRTUAL TABLE sections_fts USING fts5(body, content='sections', tokenize='trigram')")
    db.execute("INSERT INTO sections_fts(rowid, body) SELECT rowid, body FROM sections")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.conn.commit()
    db.execute("VACUUM")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
