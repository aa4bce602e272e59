"""Importer facts, checked against what the source text (data/source/CDIP-33-2.zh.txt) says.

Each row of EXPECTED was read off the source: the first characters of the recommendation's
text, its "相关产权组织部门" row (letters below), the number of "亮点" bullets (不适用 = 0),
its cluster and the recommendations it is reported together with.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from data import build

SECTOR_LETTERS = {
    "P": "专利和技术部门",
    "B": "品牌和外观设计部门",
    "C": "版权和创意产业部门",
    "R": "区域和国家发展部门",
    "I": "基础设施和平台部门",
    "G": "全球挑战和伙伴关系部门",
    "E": "知识产权和创新生态系统部门",
    "A": "行政、财务和管理部门",
}
EXPECTED = [
    (1, "产权组织的技术援助应", "PBCRIGE", 5, "A", ()),
    (2, "通过捐助国提供资金，", "RIG", 2, "A", ()),
    (3, "增加用于产权组织技术", "RCE", 6, "A", ()),
    (4, "尤其重视中小企业以及", "CRE", 5, "A", ()),
    (5, "产权组织应在其网站上", "RGIA", 4, "A", ()),
    (6, "产权组织负责技术援助", "RIA", 6, "A", ()),
    (7, "根据发展中国家尤其是", "RG", 1, "A", ()),
    (8, "请产权组织与研究机构", "RIE", 5, "A", ()),
    (9, "请产权组织与成员国合", "RGA", 1, "A", ()),
    (10, "帮助成员国通过进一步", "CRGE", 8, "A", ()),
    (11, "帮助成员国加强各国保", "PCRE", 4, "A", ()),
    (12, "根据产权组织的任务授", "PBRIGEA", 2, "A", ()),
    (13, "产权组织的立法援助应", "PBCRG", 3, "A", (14, 17)),
    (14, "在产权组织与世贸组织", "PBCRG", 3, "A", (13, 17)),
    (15, "准则制定活动应：", "PBCG", 6, "B", (21, 44)),
    (16, "在产权组织的准则制定", "PBGE", 3, "B", ()),
    (17, "产权组织在其包括准则", "PBCRG", 3, "B", (13, 14)),
    (18, "促请政府间委员会（I", "G", 3, "B", ()),
    (19, "开始进行讨论，内容系", "PRCE", 2, "B", ()),
    (20, "提倡开展有助于在产权", "BPCRGE", 2, "B", ()),
    (21, "在开展任何新的准则制", "PBCG", 6, "B", (15, 44)),
    (22, "产权组织的各项准则制", "PBIGE", 2, "B", ()),
    (23, "考虑如何更好地推动有", "GCE", 3, "B", ()),
    (24, "请产权组织在不超出其", "CGI", 5, "C", ()),
    (25, "探讨为促进有利于向发", "PRGE", 4, "C", ()),
    (26, "鼓励成员国尤其是发达", "RE", 2, "C", ()),
    (27, "为利用与知识产权有关", "PIC", 5, "C", ()),
    (28, "探讨成员国尤其是发达", "PRE", 3, "C", ()),
    (29, "将有关知识产权相关的", "PRE", 1, "C", ()),
    (30, "产权组织应与其他政府", "PIGE", 5, "C", ()),
    (31, "执行成员国议定的、有", "RIGE", 2, "C", ()),
    (32, "在产权组织创造机会，", "RG", 0, "C", ()),
    (33, "请产权组织建立一个有", "RA", 2, "D", ()),
    (34, "为帮助成员国制定重大", "RE", 2, "D", ()),
    (35, "请产权组织根据成员国", "PBCE", 3, "D", (37,)),
    (36, "交流关于人体基因组项", "E", 2, "D", ()),
    (37, "根据请求并在成员国的", "PBCE", 3, "D", (35,)),
    (38, "加强产权组织客观评估", "R", 1, "D", ()),
    (39, "请产权组织在其核心权", "E", 1, "E", ()),
    (40, "请产权组织根据成员国", "PBG", 2, "E", ()),
    (41, "对产权组织目前在合作", "RA", 2, "E", ()),
    (42, "加强各项措施，根据产", "G", 3, "E", ()),
    (43, "考虑如何改进产权组织", "RGCE", 3, "E", ()),
    (44, "根据产权组织作为联合", "PBCG", 6, "E", (15, 21)),
    (45, "根据TRIPS协定第", "RGE", 5, "F", ()),
]


@pytest.fixture(scope="module")
def content() -> dict:
    text, sha = build.read_source(build.DEFAULT_SOURCE)
    return build.model(build.load(text), sha)


@pytest.fixture(scope="module")
def recs(content: dict) -> dict[int, dict]:
    return {r["number"]: r for r in content["recommendations"]}


@pytest.mark.parametrize(("number", "start", "sectors", "highlights", "cluster", "partners"), EXPECTED)
def test_recommendation_facts(recs, number, start, sectors, highlights, cluster, partners):
    rec = recs[number]
    assert rec["text"].startswith(start)
    assert rec["sectors"] == [SECTOR_LETTERS[c] for c in sectors]
    assert len(rec["highlights"]) == highlights
    assert rec["cluster"] == cluster
    assert tuple(rec["reported_with"]) == partners


def test_document_metadata(content):
    doc = content["document"]
    assert (doc["symbol"], doc["language"], doc["date"]) == ("CDIP/33/2", "zh", "2024-10-11")
    assert doc["title"] == "实施45项发展议程建议的进展报告"
    assert doc["period"] == "2023年7月至2024年7月"
    assert doc["sha256"] == "199ac9f953ce8ecdddd7422920b0652d84b4854ed54f864a7a1ce62d9a8eb0a7"
    assert content["cover_note"].startswith("1\\. 本文件附件一载有")
    assert content["cover_note"].count("\n\n") == 4  # paragraphs 1–5


def test_all_45_in_40_entries(content):
    numbers = [r["number"] for r in content["recommendations"]]
    assert sorted(numbers) == list(range(1, 46))
    assert len({r["entry"] for r in content["recommendations"]}) == 40


def test_immediate_marks_record_where_they_came_from(recs):
    shown = {n for n, r in recs.items() if r["immediate_source"] == "source"}
    assert shown == {1, 3, 6, 15, 21, 42, 44}  # the asterisks the extraction kept
    assert {n for n, r in recs.items() if r["immediate_source"] == "curated"} == {4}
    assert {n for n, r in recs.items() if r["immediate"]} == shown | {4}


def test_sector_name_with_ideographic_comma_is_one_sector(recs):
    assert recs[5]["sectors"][-1] == "行政、财务和管理部门"


def test_review_recommendations(content):
    reviews = {r["number"]: r for r in content["review_recommendations"]}
    assert list(reviews) == [3, 7, 8, 9, 10, 12]
    assert reviews[3]["addressees"] == ["秘书处"]
    assert reviews[7]["addressees"] == ["成员国", "CDIP", "秘书处"]
    assert reviews[8]["addressees"] == ["CDIP", "秘书处"]
    assert reviews[3]["text"].startswith("产权组织应当继续确保对发展议程建议落实工作进行有效的协调")
    assert reviews[8]["text"].startswith("涉及到开发新项目的今后工作应当模块化")
    assert reviews[12]["progress"].startswith("采取了以下措施更好地传播关于发展议程及其落实情况的信息")
    assert [f["number"] for f in reviews[3]["footnotes"]] == [27]
    assert [f["number"] for f in reviews[7]["footnotes"]] == [28, 29]


# --- debris rules, with the source's own examples -----------------------------------------------
def test_latin_words_wrapped_keep_one_space(recs):
    assert "用户超过56,000人。WIPO INSPIRE内的" in recs[8]["activities"]
    assert all("WIPOINSPIRE" not in r["activities"] + "".join(r["highlights"]) for r in recs.values())


def test_chinese_wrap_and_number_wrap_join_without_space(recs):
    assert "产权组织重建基金于2024年1月启动" in recs[1]["activities"]


def test_url_broken_over_lines_is_rejoined(recs):
    assert "<https://www.wipo.int/econ_stat/zh/economics/>" in "".join(recs[35]["highlights"])


def test_justified_spaced_characters_are_closed_up(recs):
    assert "开发专利信息查询工具项目——第一阶段和第二阶段" in recs[19]["activities"]
    assert "在该分议程项目下，CDIP审议了以下文件" in recs[33]["implementation"]


def test_bullets_become_list_items_and_stray_bullets_vanish(recs):
    assert recs[42]["highlights"][-1].endswith("高级别利益攸关方对话。")
    assert "\n- 推广产权组织与技术转让有关的活动和资源（CDIP/20/11）" in recs[19]["activities"]
    assert "\n- 高级别咨询；" in recs[13]["implementation"]


def test_no_private_use_characters_or_page_furniture(content):
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in content["recommendations"]]
    blob = json.dumps(public, ensure_ascii=False) + json.dumps(
        [{k: v for k, v in r.items() if not k.startswith("_")} for r in content["review_recommendations"]],
        ensure_ascii=False,
    )
    assert not re.search("[\ue000-\uf8ff]", blob)
    assert "附件一第" not in blob
    assert "建议 3*" not in blob and "建议3*" not in blob
    assert "doc_details.jsp" not in json.dumps([r["activities"] for r in content["recommendations"]])


def test_page_links_are_kept_as_links(recs):
    assert "https://inspire.wipo.int/" in recs[8]["links"]
    assert all(u.startswith("http") and "%E2%80%8C" not in u for r in recs.values() for u in r["links"])


def test_glued_footnote_markers_become_references(recs):
    assert "安第斯共同体国家[^2]参与者提供14种语言[^3]的41门" in recs[3]["activities"]
    assert "304个。[^21]在本报告所涉期间" in recs[42]["activities"]
    assert "立了19个国家IPTI，[^8]并在东盟" in recs[10]["activities"]


def test_standalone_footnote_markers_join_the_sentence(recs):
    assert "向11个[^13]发展中国家和最不发达国家" in recs[13]["activities"]
    assert "能力建设活动[^25]，以在国际" in recs[45]["activities"]


def test_footnote_definitions_belong_to_their_entry_not_the_body(recs):
    assert [f["number"] for f in recs[3]["footnotes"]] == [2, 3]
    assert recs[3]["footnotes"][1]["text"].startswith("阿尔巴尼亚语、保加利亚语")
    assert "阿尔巴尼亚语" not in recs[3]["activities"]
    assert recs[1]["footnotes"][0]["text"].startswith("标有\\*星号的发展议程建议是2007年大会")
    wrapped = recs[11]["footnotes"][1]["text"]  # footnote 10 is wrapped over two source lines
    assert wrapped.endswith("坦桑尼亚联合共和国、乌干达和赞比亚。")


def test_derived_indexes(content, recs):
    assert recs[20]["see_also"] == [16]
    assert set(recs[32]["see_also"]) == {7, 22}
    assert 5 not in recs[12]["see_also"]  # "独立审查建议 5和 11" are review recommendations
    assert "WO/PBC/37/7" in recs[2]["documents"]
    assert "SCCR/45/7" in recs[16]["documents"]
    assert "WIPO/ACE/12/14" in recs[45]["documents"]
    assert "CDIP/18/6 Rev." in recs[19]["documents"]
    assert "CDIP/10/9" in recs[22]["documents"]  # written "CDIP10/9" in the source
    assert "大韩民国" in recs[2]["countries"]
    assert "坦桑尼亚联合共和国" in recs[1]["countries"]
    assert "中国" in recs[8]["countries"]  # 中国国家知识产权局
    assert "安第斯共同体" in recs[3]["countries"]
    assert "立陶宛" not in recs[3]["countries"]  # only 立陶宛语 (a language) is mentioned
    assert "中国" not in recs[5]["countries"]  # 发展中国家 is not China
    projects = {p["title"]: p for p in content["projects"]}
    assert projects["表彰世界知识产权审查员"]["recommendations"] == [11]
    assert projects["数字环境中版权和内容传播"]["recommendations"] == [1, 3, 4, 10, 11, 16, 25, 35]


def test_derived_indexes_as_the_repository_serves_them(repo):
    """The same facts, read back from the database rows (what the reader shows), not the dict."""
    assert repo.recommendation(20).see_also == (16,)
    assert set(repo.recommendation(32).see_also) == {7, 22}
    assert 20 in repo.recommendation(16).cited_by
    assert "CDIP/18/6 Rev." in repo.recommendation(19).documents
    assert "CDIP/10/9" in repo.recommendation(22).documents
    assert "大韩民国" in repo.recommendation(2).countries
    assert "立陶宛" not in repo.recommendation(3).countries
    assert "中国" not in repo.recommendation(5).countries
    assert 2 in repo.filter_numbers(documents=["WO/PBC/37/7"])
    assert 8 in repo.filter_numbers(countries=["中国"]) and 5 not in repo.filter_numbers(countries=["中国"])


def test_every_source_line_is_placed(content):
    text = build.DEFAULT_SOURCE.read_text(encoding="utf-8")
    non_blank = [i + 1 for i, line in enumerate(text.split("\n")) if line.strip()]
    placement = content["placement"]
    assert set(placement) == set(non_blank)
    assert all(placement[n] for n in non_blank)


# --- the build: atomic, reproducible, read-only, bad input ----------------------------------------
def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_build_is_reproducible_and_finalised(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build.build(output=a)
    build.build(output=b)
    assert _dump(a) == _dump(b)
    con = sqlite3.connect(f"{a.as_uri()}?mode=ro&immutable=1", uri=True)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("SELECT source_sha256 FROM documents").fetchone()[0].startswith("199ac9f9")
    assert con.execute("SELECT count(*) FROM recommendations").fetchone()[0] == 45


def _source_lines() -> list[str]:
    return build.DEFAULT_SOURCE.read_text(encoding="utf-8").split("\n")


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("missing", None, "cannot read source"),
        ("truncated", lambda lines: "\n".join(lines[: len(lines) // 2]), "expected the Annex II title"),
        ("not-utf8", lambda lines: "\n".join(lines).encode("utf-8")[:5000] + b"\xff\xfe", "not valid UTF-8"),
        # Recommendation 9's entry (lines 1234–1285) removed: numbering no longer matches.
        ("entry-removed", lambda lines: "\n".join(lines[:1233] + lines[1285:]),
         "expected 40 report entries ('相关产权组织部门' rows), found 39"),
    ],
)
def test_bad_source_fails_loudly_and_keeps_previous_database(tmp_path, capsys, name, make, expected):
    output = tmp_path / "content.sqlite"
    build.build(output=output)
    before = output.read_bytes()
    source = tmp_path / f"{name}.txt"
    if make is not None:
        data = make(_source_lines())
        source.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    code = build.main(["--source", str(source), "--output", str(output)])
    message = capsys.readouterr().err
    assert code != 0
    assert expected in message and "unchanged" in message
    assert output.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".content-")]


def test_short_line_before_a_footnote_marker_ends_the_paragraph(recs):
    # "…汇编成 14 份工作文件。23" is a 9-cell line, far short of the column: the paragraph ended there.
    assert "汇编成14份工作文件。[^23]\n\n在会议间隙，ACE影院" in recs[45]["activities"]
    assert "知识产权挑战。[^26]\n\n2024年7月，产权组织发起了" in recs[45]["activities"]
