"""Stage 4: recover the document's structure from the classified lines.

Cover note → Annex I (40 report entries for the 45 recommendations) → Annex II (independent
review). Recommendation numbers are recovered from order (most ``建议 N`` headings were lost)
and cross-checked against every running header and joint heading that survived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from data.footnotes import END, START
from data.lines import Classified, Line, SourceError, clean_url
from data.text import Block, blocks
from models.vocabulary import ENTRY_SECTIONS, RECOMMENDATIONS, SECTION_NAMES

LABELS = tuple(SECTION_NAMES[key] for key in ENTRY_SECTIONS)
SECTION_KEYS = {SECTION_NAMES[key]: key for key in ENTRY_SECTIONS}
LABEL_LINE = re.compile(rf"^({'|'.join(map(re.escape, LABELS))})(?: (.*))?$")
JOINT_TEXT = re.compile(r"^建议 ?(\d+)：(.*)$")
REVIEW_HEADING = re.compile(rf"^建议 ?(\d+)（([^）]+)）(?:{START}(\d+){END})?$")
ANNEX1_TITLE = re.compile(r"^45 ?项发展议程建议实施情况报告（(.+)）$")
EXPECTED_ENTRIES = 40
EXPECTED_RECOMMENDATIONS = RECOMMENDATIONS


@dataclass
class Entry:
    """One Annex I report entry: one recommendation or a joint report of several."""

    numbers: list[int]
    texts: dict[int, list[Block]]
    sections: dict[str, list[Block]]
    links: list[str] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    stars: set[int] = field(default_factory=set)


@dataclass
class Review:
    number: int
    addressees: list[str]
    text: list[Block]
    progress: list[Block]
    heading_footnotes: list[int]
    links: list[str] = field(default_factory=list)


@dataclass
class Parsed:
    meta: dict[str, str]
    cover: list[Block]
    cover_links: list[str]
    entries: list[Entry]
    reviews: list[Review]
    footnotes: dict[int, str]
    placement: dict[int, str]  # source line number -> where it went


def parse(doc: Classified) -> Parsed:
    lines = doc.lines
    annex1 = _index(lines, lambda x: x.kind == "body" and x.text == "附件一", "the Annex I title '附件一'")
    annex2 = _index(lines, lambda x: x.text == "独立审查实施工作", "the Annex II title '独立审查实施工作'")
    end1 = _index(lines, lambda x: x.text == "[后接附件二]", "the end-of-Annex-I marker")
    placement: dict[int, str] = {}
    for line in lines:
        placement[line.no] = {
            "url": "link",
            "furniture": "page furniture",
            "marker": "annex marker",
            "header": "running header",
            "fn_number": f"footnote {line.footnote} number",
            "fn_text": f"footnote {line.footnote} text",
        }.get(line.kind, "")
    placement[lines[annex1].no] = "annex I heading"
    meta, cover, cover_links = _cover(lines[:annex1], placement)
    entries = _annex1(lines[annex1:end1], meta, placement)
    reviews = _annex2(lines[annex2:], placement)
    footnotes = {n: text.replace("\n", "") for n, text in doc.footnotes.items()}
    return Parsed(meta, cover, cover_links, entries, reviews, footnotes, placement)


def _index(lines: list[Line], test, what: str) -> int:
    for i, line in enumerate(lines):
        if test(line):
            return i
    raise SourceError(lines[-1].no if lines else 0, f"expected {what}, not found")


def _body(lines: list[Line]) -> list[tuple[str, bool]]:
    return [(x.text, x.hard_end) for x in lines if x.kind == "body"]


# --- cover note -------------------------------------------------------------------------------
def _cover(lines: list[Line], placement: dict[int, str]) -> tuple[dict[str, str], list[Block], list[str]]:
    meta: dict[str, str] = {}
    body = [x for x in lines if x.kind == "body"]
    first_para = next((i for i, x in enumerate(body) if re.match(r"^1\. ", x.text)), None)
    if first_para is None:
        raise SourceError(body[0].no if body else 1, "cover note: paragraph '1. ' not found")
    for line in body[:first_para]:
        placement[line.no] = "cover page"
        if m := re.match(r"^日期：(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日$", line.text):
            meta["date"] = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
        elif m := re.match(r"^原文：(.+)$", line.text):
            meta["original_language"] = m[1]
        elif "进展报告" in line.text:
            meta["title"] = line.text.replace(" ", "")
        elif re.match(r"^第.+届会议$", line.text):
            meta["session"] = line.text
        elif "日内瓦" in line.text:
            meta["session_dates"] = line.text.replace(" ", "")
        elif line.text.startswith("发展与知识产权委员会"):
            meta["committee"] = line.text
    for key in ("date", "title"):
        if key not in meta:
            raise SourceError(body[0].no, f"cover page: no {key} found")
    for line in body[first_para:]:
        placement[line.no] = "cover note"
    links = [clean_url(x.text) for x in lines if x.kind == "url"]
    return meta, blocks(_body(body[first_para:])), links


# --- Annex I ----------------------------------------------------------------------------------
def _annex1(lines: list[Line], meta: dict[str, str], placement: dict[int, str]) -> list[Entry]:
    title = next((x for x in lines if ANNEX1_TITLE.match(x.text)), None)
    if title is None:
        raise SourceError(lines[0].no, "Annex I: title '45 项发展议程建议实施情况报告（…）' not found")
    meta["period"] = ANNEX1_TITLE.match(title.text)[1].replace(" ", "")
    placement[title.no] = "annex I title"
    label_at = [i for i, x in enumerate(lines) if x.kind == "body" and x.text.startswith(LABELS[0])]
    starts = [_entry_start(lines, i) for i in label_at]
    if len(starts) != EXPECTED_ENTRIES:
        raise SourceError(
            lines[0].no,
            f"Annex I: expected {EXPECTED_ENTRIES} report entries ('{LABELS[0]}' rows), found {len(starts)}",
        )
    entries: list[Entry] = []
    assigned: set[int] = set()
    for k, (start, label) in enumerate(zip(starts, label_at, strict=True)):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        entry = _entry(lines[start:label], lines[label:stop], assigned)
        entry.first_line, entry.last_line = lines[start].no, lines[stop - 1].no
        assigned.update(entry.numbers)
        entries.append(entry)
        for line in lines[start:stop]:
            if not placement.get(line.no):
                placement[line.no] = f"recommendation {'+'.join(map(str, entry.numbers))}"
    _check_headers(lines, starts, entries)
    missing = set(range(1, EXPECTED_RECOMMENDATIONS + 1)) - assigned
    if missing:
        raise SourceError(lines[-1].no, f"Annex I: recommendations {sorted(missing)} not found")
    return entries


def _entry_start(lines: list[Line], label: int) -> int:
    """Walk back from the sectors row to the page start or heading that opens the entry."""
    i = label - 1
    while i >= 0:
        line = lines[i]
        if line.kind == "header" or ANNEX1_TITLE.match(line.text):
            return i + 1
        if line.kind == "body" and line.page_start:
            return i
        if line.kind not in ("body",):
            return i + 1
        i -= 1
    raise SourceError(lines[label].no, "recommendation text before the sectors row not found")


def _entry(head: list[Line], rest: list[Line], assigned: set[int]) -> Entry:
    expected = min(set(range(1, EXPECTED_RECOMMENDATIONS + 1)) - assigned)
    text_lines = [x for x in head if x.kind == "body"]
    if not text_lines or len(text_lines) > 16:
        raise SourceError(
            rest[0].no,
            f"recommendation {expected}: its text before '{LABELS[0]}' "
            f"has {len(text_lines)} lines (expected 1–16)",
        )
    texts: dict[int, list[tuple[str, bool]]] = {}
    current: int | None = None
    for line in text_lines:
        m = JOINT_TEXT.match(line.text)
        if m:
            current = int(m[1])
            texts[current] = [(m[2], line.hard_end)]
        elif current is None:
            current = expected
            texts[current] = [(line.text, line.hard_end)]
        else:
            texts[current].append((line.text, line.hard_end))
    numbers = list(texts)
    if numbers[0] != expected or any(n in assigned for n in numbers) or numbers != sorted(numbers):
        raise SourceError(
            text_lines[0].no, f"expected recommendation {expected} here, the text says {numbers}"
        )
    return Entry(numbers, {n: blocks(t) for n, t in texts.items()}, _sections(rest, numbers))


def _sections(lines: list[Line], numbers: list[int]) -> dict[str, list[Block]]:
    found: dict[str, list[tuple[str, bool]]] = {}
    order: list[str] = []
    current: str | None = None
    links: list[str] = []
    for line in lines:
        if line.kind == "url":
            links.append(clean_url(line.text))
        if line.kind != "body":
            continue
        m = LABEL_LINE.match(line.text)
        if m:
            current = SECTION_KEYS[m[1]]
            order.append(m[1])
            found[current] = [(m[2], line.hard_end)] if m[2] else []
        elif current is None:
            raise SourceError(line.no, f"recommendation {numbers}: text before '{LABELS[0]}'")
        else:
            found[current].append((line.text, line.hard_end))
    if order != list(LABELS):
        raise SourceError(lines[0].no, f"recommendation {numbers}: sections {order}, expected {list(LABELS)}")
    sections = {key: blocks(value) for key, value in found.items()}
    sections["links"] = [Block("link", url) for url in dict.fromkeys(links)]
    return sections


def _check_headers(lines: list[Line], starts: list[int], entries: list[Entry]) -> None:
    """Every surviving running header must name exactly the entry of the page it heads."""
    for i, line in enumerate(lines):
        if line.kind != "header":
            continue
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j].kind == "body"), None)
        if nxt is None:
            continue
        k = max(idx for idx, start in enumerate(starts) if start <= nxt) if nxt >= starts[0] else 0
        entry = entries[k]
        if sorted(line.header_numbers) != sorted(entry.numbers):
            raise SourceError(
                line.no,
                f"running header names recommendation(s) {list(line.header_numbers)} "
                f"but the structure gives {entry.numbers} here",
            )
        entry.stars.update(line.header_stars)


# --- Annex II ---------------------------------------------------------------------------------
def _annex2(lines: list[Line], placement: dict[int, str]) -> list[Review]:
    placement[lines[0].no] = "annex II title"
    reviews: list[Review] = []
    current: Review | None = None
    buffer: list[tuple[str, bool]] = []
    in_progress = False

    def flush() -> None:
        if current is None:
            return
        if in_progress:
            current.progress = blocks(buffer)
        else:
            raise SourceError(lines[-1].no, f"review recommendation {current.number}: no '进展' row")

    for line in lines[1:]:
        if line.kind == "url" and current is not None:
            current.links.append(clean_url(line.text))
        if line.kind != "body":
            continue
        m = REVIEW_HEADING.match(line.text)
        if m:
            flush()
            addressees = [a.strip() for a in re.split(r"[、和]", m[2]) if a.strip()]
            current = Review(int(m[1]), addressees, [], [], [int(m[3])] if m[3] else [])
            reviews.append(current)
            buffer, in_progress = [], False
        elif current is None:
            raise SourceError(line.no, "Annex II: text before the first '建议 N（…）' heading")
        elif line.text.startswith("进展 ") or line.text == "进展":
            current.text = blocks(buffer)
            buffer, in_progress = [(line.text[3:], line.hard_end)] if len(line.text) > 3 else [], True
        else:
            text = line.text
            if not buffer and not in_progress:
                text = re.sub(rf"^建议 ?{current.number}：", "", text)
            buffer.append((text, line.hard_end))
        placement[line.no] = f"review recommendation {current.number}"
    flush()
    if [r.number for r in reviews] != [3, 7, 8, 9, 10, 12]:
        raise SourceError(
            lines[0].no,
            f"Annex II: found review recommendations {[r.number for r in reviews]}, "
            "expected [3, 7, 8, 9, 10, 12]",
        )
    return reviews
