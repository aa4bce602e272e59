"""Stage 1 of the import: classify every source line and strip the PDF's page furniture.

The extraction has one text line per PDF line, each followed by a blank line. A line that
starts with exactly one space opens a new page; a bare number followed by a line indented
by two spaces is a footnote definition; whole-line URLs are the page's link targets.
Every source line ends up in exactly one ``Line.kind`` (the import report lists them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.vocabulary import EDITION

URL_LINE = re.compile(r"^https?://\S+$")
#: Running header or lost heading: "建议 3*", "建议 1*1" (footnote 1), "建议 15*、21*和 44*".
RUNNING_HEADER = re.compile(r"^建议 ?(\d+)(\*?)(\d*)((?:[、和] ?\d+\*?)*) ?$")
PAGE_LABEL = re.compile(r"^附件[一二]第\d+页$")
SYMBOL_LINE = EDITION[0]
MARKERS = ("[后接附件]", "[后接附件二]", "[附录另附（仅英文版）]")
FOOTNOTE_NUMBER = re.compile(r"^\d{1,2}$")
#: Zero-width non-joiners the PDF put inside some link targets.
URL_DEBRIS = "%E2%80%8C"


class SourceError(ValueError):
    """The source text does not have the expected structure; the message names the line."""

    def __init__(self, line_no: int, message: str) -> None:
        super().__init__(f"line {line_no}: {message}")
        self.line_no = line_no


@dataclass
class Line:
    """One non-blank source line after classification."""

    no: int  # 1-based line number in the source file
    page: int
    text: str  # stripped of leading/trailing white space
    hard_end: bool  # the source line ended with a space: the PDF broke the line here
    kind: str = "body"  # body | url | header | furniture | marker | fn_number | fn_text
    footnote: int | None = None  # for fn_number / fn_text
    header_numbers: tuple[int, ...] = ()
    header_stars: tuple[int, ...] = ()
    page_start: bool = False


@dataclass
class Classified:
    lines: list[Line]
    footnotes: dict[int, str] = field(default_factory=dict)  # raw definition text
    footnote_pages: dict[int, int] = field(default_factory=dict)


def parse_header(text: str) -> tuple[tuple[int, ...], tuple[int, ...], int | None] | None:
    """Numbers, starred numbers and trailing footnote marker of a running header, else None."""
    m = RUNNING_HEADER.match(text)
    if not m:
        return None
    parts = [(m.group(1), m.group(2))]
    parts += re.findall(r"(\d+)(\*?)", m.group(4))
    numbers = tuple(int(n) for n, _ in parts)
    stars = tuple(int(n) for n, s in parts if s)
    marker = int(m.group(3)) if m.group(3) else None
    return numbers, stars, marker


def classify(text: str) -> Classified:
    """Classify every non-blank line of the source text."""
    out: list[Line] = []
    page = 1
    raw_lines = text.split("\n")
    for index, raw in enumerate(raw_lines):
        if not raw.strip():
            continue
        stripped = raw.strip()
        page_start = (raw.startswith(" ") and not raw.startswith("  ")) or stripped == SYMBOL_LINE
        if page_start and out:
            page += 1
        line = Line(index + 1, page, stripped, raw.endswith(" "), page_start=page_start)
        if URL_LINE.match(stripped):
            line.kind = "url"
        elif stripped == SYMBOL_LINE or PAGE_LABEL.match(stripped):
            line.kind = "furniture"
        elif stripped in MARKERS:
            line.kind = "marker"
        elif (header := parse_header(stripped)) is not None:
            line.kind = "header"
            line.header_numbers, line.header_stars, _ = header
        elif FOOTNOTE_NUMBER.match(stripped) and _next_is_indented(raw_lines, index):
            line.kind = "fn_number"
            line.footnote = int(stripped)
        out.append(line)
    result = Classified(out)
    _attach_footnote_texts(result)
    return result


def _next_is_indented(raw_lines: list[str], index: int) -> bool:
    for raw in raw_lines[index + 1 :]:
        if raw.strip():
            return raw.startswith("  ")
    return False


def _attach_footnote_texts(result: Classified) -> None:
    """Definition text runs from the number line to the next page, URL, number or marker."""
    current: int | None = None
    for line in result.lines:
        if line.kind == "fn_number":
            if line.footnote in result.footnotes:
                raise SourceError(line.no, f"footnote {line.footnote} is defined twice")
            current = line.footnote
            result.footnotes[current] = ""
            result.footnote_pages[current] = line.page
            continue
        if current is None:
            continue
        if line.kind != "body" or line.page_start:
            current = None
            continue
        line.kind = "fn_text"
        line.footnote = current
        result.footnotes[current] += line.text if not result.footnotes[current] else "\n" + line.text
    expected = list(range(1, len(result.footnotes) + 1))
    if sorted(result.footnotes) != expected:
        raise SourceError(0, f"footnotes are not numbered 1..N: {sorted(result.footnotes)}")


def clean_url(url: str) -> str:
    return url.replace(URL_DEBRIS, "")
