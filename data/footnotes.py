"""Stage 2: find each footnote's reference marker and replace it with a sentinel.

Markers are glued to the text (``国家 2参与者``, ``活动。5``) or stand alone on a line in
mid-sentence. A definition sits at the bottom of the page that holds its marker, and markers
appear in number order, so for footnote N we take the first plausible ``N`` on N's page
after footnote N-1's marker. Real numbers are told apart by what follows them: a space and
more text (``14 种语言``), a measure word (``32份``) or another digit.
"""

from __future__ import annotations

import re

from data.lines import Classified, SourceError

#: Sentinels for a footnote reference inside text: START + number + END.
START, END = "\x0e", "\x0f"  # shift-out / shift-in: not white space, never in the source
#: Characters that follow a real quantity, never a footnote marker.
MEASURE_WORDS = "年月日个名项次种份所期门场届部位人万亿倍家条号段轮批台岁周天"
CANDIDATE = re.compile(r"(?<![\d./A-Za-z,\-_%])(\d{1,2})(?![\d.,%/A-Za-z_])(?P<after> ?)")


def sentinel(number: int) -> str:
    return f"{START}{number}{END}"


def _is_marker(text: str, match: re.Match[str]) -> bool:
    rest = text[match.end(1) :]
    if rest.strip() == "":
        return True  # end of line: "活动。5", "IPTI，8", a lone "13"
    if match.group("after"):
        return False  # "14 种语言": a space and more text
    return rest[0] not in MEASURE_WORDS


def mark_references(doc: Classified) -> dict[int, int]:
    """Replace every footnote marker with a sentinel; return footnote -> source line number."""
    found: dict[int, int] = {}
    lines = doc.lines
    position = (0, 0)  # (line index, character offset) just after the previous marker
    for number in sorted(doc.footnotes):
        page = doc.footnote_pages[number]
        hit = _find(doc, number, page, position)
        if hit is None:
            raise SourceError(
                next(x.no for x in lines if x.kind == "fn_number" and x.footnote == number),
                f"no reference marker found for footnote {number} on its page",
            )
        index, start, end = hit
        line = lines[index]
        line.text = line.text[:start] + sentinel(number) + line.text[end:]
        found[number] = line.no
        position = (index, start + len(sentinel(number)))
    return found


def _find(doc: Classified, number: int, page: int, position: tuple[int, int]) -> tuple[int, int, int] | None:
    first_index, offset = position
    for index in range(first_index, len(doc.lines)):
        line = doc.lines[index]
        if line.page < page or line.kind not in ("body", "header"):
            continue
        if line.page > page or line.kind == "fn_number":
            if line.page > page:
                return None
            continue
        skip = offset if index == first_index else 0
        if line.kind == "header":
            m = re.search(r"\*(\d+)$", line.text)
            if m and int(m.group(1)) == number and m.start(1) >= skip:
                return index, m.start(1), m.end(1)
            continue
        for match in CANDIDATE.finditer(line.text, skip):
            if int(match.group(1)) == number and _is_marker(line.text, match):
                return index, match.start(1), match.end(1)
    return None
