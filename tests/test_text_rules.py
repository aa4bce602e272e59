"""Line-joining and footnote-marker rules, with real examples and hypothesis properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from data.footnotes import MEASURE_WORDS, mark_references, sentinel
from data.lines import classify
from data.text import blocks, join_pair, normalize

CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=20)
LATIN = st.text(
    alphabet=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=12
)


def test_examples_from_the_source():
    assert (
        join_pair("访问该网站的用户超过 56,000 人。WIPO ", "INSPIRE 内的")
        == "访问该网站的用户超过 56,000 人。WIPO INSPIRE 内的"
    )
    assert normalize(join_pair("产权组织重建基金于 2024", "年 1月启动")) == "产权组织重建基金于2024年1月启动"
    assert join_pair("参见： https://www.wipo.int/about-ip/zh/judiciaries/", "index.html。").endswith(
        "judiciaries/index.html。"
    )
    assert (
        normalize("开 发 专 利 信 息 查 询 工 具 项 目 — — 第 一 阶 段")
        == "开发专利信息查询工具项目——第一阶段"
    )
    assert join_pair("（UNIATF-", "NCD）的成员") == "（UNIATF-NCD）的成员"


def test_hard_break_ends_paragraph_but_not_between_latin_words():
    out = blocks(
        [("第一段结束。", True), ("第二段开始", False), ("继续。WIPO", True), ("GREEN 平台。", True)]
    )
    assert [b.text for b in out] == ["第一段结束。", "第二段开始继续。WIPO GREEN平台。"]


def test_bullets_and_empty_bullets():
    out = blocks([("\uf0fc 第一项。", True), ("\uf0a7", True), ("• 第二项", False), ("续。\uf0fc", True)])
    assert [(b.kind, b.text) for b in out] == [("item", "第一项。"), ("item", "第二项续。")]


@given(CJK, CJK)
def test_chinese_wraps_join_without_space(left, right):
    assert join_pair(left, right) == left + right


@given(LATIN, LATIN)
def test_latin_wraps_keep_one_space(left, right):
    assert join_pair(left, right) == f"{left} {right}"


@given(CJK, CJK.filter(lambda s: s[0] not in MEASURE_WORDS), st.integers(min_value=1, max_value=30))
def test_glued_marker_is_found_where_it_was_put(before, after, number):
    # A page with a definition for footnote 1..number; only the marker for `number` is tested.
    lines = [f" {before}"]
    for n in range(1, number):
        lines.append(f"参见甲。{n}")
    lines.append(f"{before}国家 {number}{after}")
    for n in range(1, number + 1):
        lines += [str(n), f"  脚注{n}的文字。"]
    doc = classify("\n\n".join(lines) + "\n")
    mark_references(doc)
    target = [line for line in doc.lines if line.kind == "body" and line.text.startswith(before + "国家")]
    assert target and target[-1].text == f"{before}国家 {sentinel(number)}{after}"


def test_short_sentence_line_is_a_paragraph_end_but_a_lone_marker_joins():
    out = blocks([("这些材料按主题汇编成 14 份工作文件。\x0e23\x0f", False), ("在会议间隙，ACE 影院放映了", False)])
    assert len(out) == 2
    out = blocks([("以促进项目落实和项目的长期可持续性。", False), ("\x0e30\x0f", True)])
    assert [b.text for b in out] == ["以促进项目落实和项目的长期可持续性。\x0e30\x0f"]
