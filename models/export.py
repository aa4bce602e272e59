"""The whole content model as JSON (see docs/export.md); export_cli.py is the command line."""

from __future__ import annotations

import json
from pathlib import Path

from models.atomic_write import write_text
from models.repository import ContentRepository

RECOMMENDATION_FIELDS = (
    "number",
    "cluster",
    "immediate",
    "text",
    "reported_with",
    "sectors",
    "implementation",
    "highlights",
    "activities",
    "footnotes",
    "links",
    "see_also",
    "documents",
    "countries",
)


def content_model(repo: ContentRepository) -> dict:
    doc = repo.document()
    recommendations = []
    for summary in repo.summaries():
        rec = repo.recommendation(summary.number)._asdict()
        rec["footnotes"] = [f._asdict() for f in rec["footnotes"]]
        item = {key: rec[key] for key in RECOMMENDATION_FIELDS}
        item["immediate_source"] = rec["immediate_source"]
        item["cited_by"], item["projects"] = rec["cited_by"], rec["projects"]
        recommendations.append(item)
    return {
        "document": {
            "symbol": doc.symbol,
            "language": doc.language,
            "date": doc.date,
            "title": doc.title,
            "period": doc.period,
            "source_sha256": doc.sha256,
        },
        "cover_note": repo.cover_note(),
        "clusters": [
            {"id": c.id, "title": c.title, "recommendations": list(c.numbers)} for c in repo.clusters()
        ],
        "recommendations": recommendations,
        "review_recommendations": [
            {
                "number": r.number,
                "addressees": list(r.addressees),
                "text": r.text,
                "progress": r.progress,
                "footnotes": [f._asdict() for f in r.footnotes],
            }
            for r in repo.reviews()
        ],
    }


def export_json(repo: ContentRepository, path: Path | str) -> Path:
    """Write the content model completely or not at all (models.atomic_write); returns the file."""
    data = json.dumps(content_model(repo), ensure_ascii=False, indent=2)
    return write_text(path, data + "\n")
