"""The read-only repository over a freshly built database: entities, filters, facets, errors."""

from __future__ import annotations

import sqlite3

import pytest

from models.repository import ContentError, ContentRepository


def test_document_and_tree_shape(repo):
    doc = repo.document()
    assert (doc.symbol, doc.date, doc.language) == ("CDIP/33/2", "2024-10-11", "zh")
    clusters = repo.clusters()
    assert [c.id for c in clusters] == list("ABCDEF")
    assert sum(len(c.numbers) for c in clusters) == 45
    assert clusters[1].numbers == tuple(range(15, 24))
    assert [r.number for r in repo.reviews()] == [3, 7, 8, 9, 10, 12]
    assert len(repo.sectors()) == 8


def test_recommendation_entity(repo):
    rec = repo.recommendation(13)
    assert rec.reported_with == (14, 17) and rec.cluster == "A"
    assert [f.number for f in rec.footnotes] == [13, 14, 15]
    assert repo.recommendation(16).cited_by == (20,)
    assert "知识产权和创新合作作为技术转让和将研究成果推向市场的基础" in repo.recommendation(36).projects
    with pytest.raises(KeyError):
        repo.recommendation(46)


def test_filters_combine_and_facets_count_the_current_result(repo):
    patents = repo.filter_numbers(sectors=["专利和技术部门"])
    both = repo.filter_numbers(sectors=["专利和技术部门"], clusters=["B"])
    assert set(both) == set(patents) & set(range(15, 24))
    facets = repo.facets(both)
    assert facets["clusters"] == {"B": len(both)}
    assert facets["sectors"]["专利和技术部门"] == len(both)
    assert sum(facets["immediate"].values()) == len(both)
    assert repo.filter_numbers(immediate=True) == [1, 3, 4, 6, 15, 21, 42, 44]
    assert 3 in repo.filter_numbers(countries=["阿尔巴尼亚"])
    assert repo.filter_numbers(documents=["WO/PBC/37/7"]) == [2]
    assert repo.filter_numbers(query="TISC", clusters=["A"]) == sorted(
        repo.matching_numbers("TISC") & set(range(1, 15))
    )


def test_overview_counts_agree_with_facets(repo):
    matrix = repo.cluster_sector_matrix()
    assert sum(v for (c, _), v in matrix.items() if c == "F") == 3  # rec 45: three sectors
    assert repo.country_counts()["中国"] >= 5
    assert repo.document_counts()["CDIP/33/3"] == len(repo.filter_numbers(documents=["CDIP/33/3"]))


def test_missing_and_corrupt_databases_give_clear_errors(tmp_path):
    with pytest.raises(ContentError, match="找不到内容数据库"):
        ContentRepository(tmp_path / "nope.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ContentError, match="damaged"):
        ContentRepository(junk)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)")
    with pytest.raises(ContentError, match="schema version"):
        ContentRepository(other)


def test_opened_read_only(repo):
    with pytest.raises(sqlite3.OperationalError):
        repo._db.execute("DELETE FROM recommendations")


def test_export_json_has_every_field(repo, tmp_path):
    import json

    from models.export import export_json

    out = tmp_path / "out.json"
    export_json(repo, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["document"]) >= {"symbol", "language", "date", "title", "period"}
    assert len(data["recommendations"]) == 45 and len(data["review_recommendations"]) == 6
    for rec in data["recommendations"]:
        assert rec["text"] and rec["sectors"] and rec["implementation"] and rec["activities"]
    assert data["clusters"][0]["recommendations"] == list(range(1, 15))


def test_a_refused_database_is_closed(tmp_path, monkeypatch):
    """__init__ raising (here: a schema version from the future) leaves no connection open."""
    path = tmp_path / "future.sqlite"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 999")
    db.close()
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: opened.append(real_connect(*a, **k)) or opened[-1])
    with pytest.raises(ContentError, match="999"):
        ContentRepository(path)
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        opened[0].execute("SELECT 1")


def test_valid_numbers_cover_every_edition_from_the_rows(repo):
    valid = repo.valid_numbers()
    assert set(valid) == {(s, lang, kind) for s, lang in repo.editions() for kind in ("recommendation", "review")}
    assert valid[("CDIP/33/2", "zh", "recommendation")] == {s.number for s in repo.summaries()} == set(range(1, 46))
    assert valid[("CDIP/33/2", "zh", "review")] == {r.number for r in repo.reviews()}


def test_facet_counts_are_remembered_per_number_set_and_handed_out_as_copies(repo):
    """repo.facets() keeps its answer per set of numbers (the content is read-only): the same set in any
    order, with repeats, gets the same counts as a fresh query; a caller changing its copy changes nothing."""
    from models.facets import FACETS
    from models.repository import _json_list

    numbers = [12, 3, 45, 7, 3]
    first = repo.facets(numbers)
    fresh = {f.key: repo._counts(f.key, _json_list(sorted(set(numbers)))) for f in FACETS}
    assert first == fresh and list(first["sectors"]) == list(fresh["sectors"])  # values and their order
    first["clusters"].clear()
    again = repo.facets([45, 12, 7, 3])
    assert again == fresh and again is not first
    assert repo.facets([1, 2]) != fresh
