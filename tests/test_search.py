"""Search returns exactly what a plain substring scan of the source finds, for any input."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import build
from models.search import SNIPPET_CHARS, parse_query, rank, snippet

QUERIES = [
    "专",
    "权",
    "专利",
    "版权",
    "中小企业",
    "知识产权",
    "TISC",
    "tisc",
    "WIPO GREEN",
    "CDIP/33/3",
    "GRATK",
]


@pytest.fixture(scope="module")
def source_scan(content_db) -> dict[int, str]:
    """Per recommendation: its source lines (as placed by the import) and its footnote texts,
    with all white space removed and case folded: the reference a search must agree with."""
    lines = build.DEFAULT_SOURCE.read_text(encoding="utf-8").split("\n")
    con = sqlite3.connect(content_db)
    texts: dict[int, list[str]] = {n: [] for n in range(1, 46)}
    for line_no, placement in con.execute("SELECT line, placement FROM source_lines"):
        if m := re.fullmatch(r"recommendation ([\d+]+)", placement):
            for n in m.group(1).split("+"):
                texts[int(n)].append(lines[line_no - 1])
    footnote_lines: dict[int, list[str]] = {}
    for line_no, placement in con.execute("SELECT line, placement FROM source_lines"):
        if m := re.fullmatch(r"footnote (\d+) text", placement):
            footnote_lines.setdefault(int(m.group(1)), []).append(lines[line_no - 1])
    for kind, number, footnote in con.execute("SELECT kind, number, footnote FROM entry_footnotes"):
        if kind == "recommendation":
            texts[number] += footnote_lines[footnote]
    squash = re.compile(r"\s+|https?://\S+")
    return {n: squash.sub("", "".join(parts)).casefold() for n, parts in texts.items()}


@pytest.mark.parametrize("query", QUERIES)
def test_search_matches_substring_scan(repo, source_scan, query):
    needle = re.sub(r"\s+", "", query).casefold()
    expected = {n for n, text in source_scan.items() if needle in text}
    assert repo.matching_numbers(query) == expected
    assert expected  # every query in the list occurs somewhere


def test_multi_term_means_all_terms(repo, source_scan):
    both = {n for n, text in source_scan.items() if "专利" in text and "版权" in text}
    assert repo.matching_numbers("专利 版权") == both
    assert both < repo.matching_numbers("专利")
    assert repo.matching_numbers("专利\u3000版权") == both  # full-width space separates too


def test_hits_are_ranked_with_marked_snippets(repo):
    hits = repo.search("中小企业")
    assert hits[0].number == 4 and hits[0].section == "text"  # in the recommendation's own text
    assert all("\x02中小企业\x03" in h.snippet for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_review_and_cover_are_searchable(repo):
    kinds = {(h.kind, h.number) for h in repo.search("发展议程协调司")}
    assert ("review", 3) in kinds
    assert ("cover", 0) in {(h.kind, h.number) for h in repo.search("IP-TAD")}


HOSTILE = [
    '"',
    "AND",
    "OR NOT",
    "(",
    ")",
    "*",
    ":",
    "-",
    "^",
    "NEAR(a b)",
    "body:专利",
    "x" * 10_000,
    "😀",
    "\x00",
    "专利\x00版权",
    "'; DROP TABLE sections; --",
    "",
    "   ",
    "\u3000",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_never_raises(repo, query):
    hits = repo.search(query)
    assert isinstance(hits, list)
    repo.filter_numbers(query=query)
    assert repo.summaries()  # the database is intact


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(repo, text):
    for hit in repo.search(text):
        assert 1 <= hit.number <= 45 or hit.kind != "recommendation"


def test_literal_fts_syntax_is_searched_as_text(repo):
    assert {h.number for h in repo.search("(a)")} >= {15}  # "(a) 有包容性" in recommendation 15


def test_query_parsing_limits():
    assert parse_query("专利  专利 PATENT patent").terms == ("专利", "PATENT")
    assert len(parse_query(" ".join(str(i) for i in range(100))).terms) == 8
    assert parse_query("a\x00b").terms == ("a", "b")


def test_snippet_marks_every_term():
    text = "产权组织向十一个发展中国家提供了立法和政策建议，涉及专利和版权。"
    assert snippet(text, text.casefold(), parse_query("专利 版权")).count("\x02") == 2


def _entries(hits) -> list[int]:
    out: list[int] = []
    for h in hits:
        if h.kind == "recommendation" and h.number not in out:
            out.append(h.number)
    return out


def test_recommendation_whose_own_text_is_about_the_query_ranks_first(repo):
    """技术转让: 25's own text asks for policies to 转让和推广技术, and the entry uses 技术转让 most
    (17 times); 19 uses it 12 times, but its own text is about something else."""
    order = _entries(repo.search("技术转让"))
    assert order[0] == 25
    own_text = [n for n in order if parse_query("技术转让").words_in(repo.recommendation(n).text.casefold())]
    assert order[: len(own_text)] == own_text  # every own-text entry before every other
    assert order.index(29) < order.index(19)


def test_rank_is_a_pure_function_of_query_sections_and_own_texts():
    q = parse_query("专利")
    sections = [("recommendation", 1, "activities", "专利 专利 专利"), ("recommendation", 2, "highlights", "专利"),
                ("recommendation", 3, "activities", "版权")]
    assert [r.number for r in rank(q, sections)] == [1, 2]  # 3 lacks the term; 1 uses it most
    own = {("recommendation", 2): "关于专利的建议"}
    assert [r.number for r in rank(q, sections, own)] == [2, 1]  # own text first


def _ranked_by_definition(query, sections, own):
    """rank() as its docstring defines it, written plainly: every section's score, then one sort."""
    scored, terms, totals = [], {}, {}
    for kind, number, section, _body, folded in sections:
        counts = [folded.count(t) for t in query.folded]
        present = {t for t, n in zip(query.folded, counts, strict=True) if n}
        if present:
            weight = {"text": 3.0, "highlights": 2.0}.get(section, 1.0)
            terms.setdefault((kind, number), set()).update(present)
            totals[(kind, number)] = totals.get((kind, number), 0.0) + sum(counts) * weight
            scored.append(((len(present) * 10.0 + sum(counts)) * weight, kind, number, section))
    whole = [r for r in scored if terms[(r[1], r[2])] == set(query.folded)]
    return sorted(whole, key=lambda r: (not query.words_in(own.get((r[1], r[2]), "")), -totals[(r[1], r[2])],
                                        r[1] != "recommendation", r[2], -r[0]))


ONE_AND_MORE_TERMS = ["专", "国", "权", "专利", "TISC", "技术转让", "专利 版权", "技术 转让 非洲", "WIPO 学院"]


@pytest.mark.parametrize("text", ONE_AND_MORE_TERMS)
def test_rank_orders_the_report_as_defined(repo, text):
    """The ranking of the real sections, one term (its own, quicker path) or several, equals the plain
    definition: entry by entry (own text first, then weighted uses, recommendations, number), and within an
    entry its best sections first."""
    query = parse_query(text)
    sections = repo._matching_sections(query)
    got = [(r.score, r.kind, r.number, r.section) for r in rank(query, sections, repo._own_texts())]
    assert got == _ranked_by_definition(query, sections, repo._own_texts())
    assert len(got) > 3


def test_snippets_are_long_enough_to_judge(repo):
    for hit in repo.search("知识产权")[:50]:
        text = hit.snippet.replace("\x02", "").replace("\x03", "").strip("…")
        body = next(b for k, n, s, b, _folded in repo._matching_sections(parse_query("知识产权"))
                    if (k, n, s) == (hit.kind, hit.number, hit.section))
        assert len(text) >= min(len(body), SNIPPET_CHARS) - 1
        assert len(text) <= SNIPPET_CHARS


def test_full_text_search_starts_from_the_index_not_from_every_section(content_db):
    """The phrase search reads the FTS index once: with the sections as the outer loop, SQLite
    would probe the index once per section (289 probes, ~20× slower for "CDIP/33/3")."""
    from models.repository import FTS_SECTIONS

    con = sqlite3.connect(content_db)
    plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + FTS_SECTIONS, ('"CDIP/33/3"', 1))]
    assert plan[0].startswith("SCAN sections_fts VIRTUAL TABLE"), plan
    assert "rowid=?" in plan[1], plan


def test_snippets_are_made_only_for_the_hits_read(repo, monkeypatch):
    """A one-character query has ~200 hits and the list shows ~20: their snippets are made when read."""
    import models.repository as repository

    made, real = [], repository.snippet
    monkeypatch.setattr(repository, "snippet", lambda *args: made.append(args) or real(*args))
    hits = repo.search("权", limit=10_000)
    assert len(hits) > 150 and made == []
    first = hits[0].snippet
    assert "\x02权\x03" in first and hits[0].snippet is first and len(made) == 1
