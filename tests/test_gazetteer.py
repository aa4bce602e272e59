"""The country index: precise exclusion rules, and every dropped mention listed for review."""

from __future__ import annotations

import re
from functools import cache

from data.build import DEFAULT_SOURCE, country_review, load, model, read_source
from data.gazetteer import find_places, mentions, places

SOURCE_LINES = DEFAULT_SOURCE.read_text(encoding="utf-8").split("\n")


@cache
def content() -> dict:
    text, sha256 = read_source(DEFAULT_SOURCE)
    return model(load(text), sha256)


def dropped(text: str) -> dict[str, str]:
    return {m.name: m.dropped_by.key for m in mentions(text) if m.dropped_by}


def test_each_rule_drops_only_what_it_names() -> None:
    assert dropped("立陶宛语、蒙古语") == {"立陶宛": "language", "蒙古": "language"}
    assert dropped("阿拉伯文版和西班牙文版") == {"西班牙": "edition"}
    assert dropped("以英文、法文和西班牙文提供") == {"西班牙": "language-list"}
    assert dropped("面向发展中国家") == {"中国": "developing"}
    kept = "在大韩民国文化、体育和旅游部；中国语境下；中国家具；西班牙文学奖；越南政府"
    assert not dropped(kept)
    assert [p.name for p in find_places(kept)] == ["大韩民国", "中国", "西班牙", "越南"]


def test_real_mentions_followed_by_wen_are_indexed() -> None:
    """Line 4418: 在大韩民国文化、体育和旅游部提供的信托基金 (a ministry of culture, not a language)."""
    assert "在大韩民国文化、体育和旅游部" in SOURCE_LINES[4418 - 1]
    rec45 = next(r for r in content()["recommendations"] if r["number"] == 45)
    assert "大韩民国" in rec45["countries"]


def review_rows() -> list[tuple[int, str, str, str]]:
    text = "\n".join(SOURCE_LINES)
    rows = []
    for line in country_review(content(), text)[1:]:
        number, rule, name, context = line.rstrip("\n").split("\t")
        rows.append((int(number), rule, name, context))
    return rows


def test_import_report_lists_each_dropped_mention_with_its_line() -> None:
    rows = review_rows()
    by_line = {(line, name): rule for line, rule, name, _ in rows}
    # Facts read from data/source/CDIP-33-2.zh.txt:
    assert "阿拉伯文版和西班牙文版" in SOURCE_LINES[1386 - 1]
    assert by_line[1386, "西班牙"] == "country-dropped:edition"
    assert "以英文、法文和西班牙文提供" in SOURCE_LINES[1822 - 1]
    assert by_line[1822, "西班牙"] == "country-dropped:language-list"
    assert "立陶宛语" in SOURCE_LINES[554 - 1]
    assert by_line[554, "立陶宛"] == "country-dropped:language"
    for line, _, name, _ in rows:  # each listed line holds the name, or its start (wrapped after a blank line)
        assert line > 0
        here = re.sub(r"\s+", "", "".join(SOURCE_LINES[line - 1 : line + 2]))
        assert name in here, (line, name)


def test_every_gazetteer_name_in_a_recommendation_is_indexed_or_listed() -> None:
    """A plain search for every gazetteer name in each recommendation's text, sections and footnotes:
    each occurrence is indexed, part of a longer indexed or listed name, or listed with its reason."""
    rows = review_rows()
    names = sorted(places(), key=len, reverse=True)
    unexplained: list[tuple[int, str, str]] = []
    for rec in content()["recommendations"]:
        text = "\n".join(rec["_plain"].values())
        indexed = set(rec["countries"])
        spans = [(m.start, m.end) for m in mentions(text)]
        for name in names:
            for found in re.finditer(re.escape(name), text):
                start, end = found.span()
                if places()[name].name in indexed and (start, end) in spans:
                    continue
                if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
                    continue  # 几内亚 inside 巴布亚新几内亚: the longer name is the mention
                snippet = re.sub(r"\s+", " ", text[max(0, start - 2) : end + 1])
                if any(n == name and snippet in context for _, _, n, context in rows):
                    continue
                unexplained.append((rec["number"], name, text[max(0, start - 6) : end + 4]))
    assert not unexplained
