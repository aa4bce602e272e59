"""Stage 3: join wrapped PDF lines into paragraphs and write them as Markdown.

Rules (each has a test with the source's own examples):
- a source line that ended with a space was a hard break (paragraph or list-item end),
  except between two Latin tokens (``WIPO`` / ``INSPIRE``), where it is a word space;
- inside Chinese text a wrap joins with no space; between Latin words or numbers it keeps one;
- a URL broken over two lines is rejoined without a space;
- white space next to a CJK character is PDF justification debris and is removed
  (``开 发 专 利`` → ``开发专利``, ``2023 年 7 月`` → ``2023年7月``);
- bullets arrive as U+F0FC, U+F0A7 or ``•`` and become list items; an empty bullet is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from data.footnotes import END, START

BULLETS = ("\uf0fc", "\uf0a7", "•")
CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026" + START + END
)
SPACE_NEAR_CJK = re.compile(rf"[ \t\u00a0]+(?=[{CJK}])|(?<=[{CJK}])[ \t\u00a0]+")
LATIN_END = re.compile(r"[A-Za-z0-9.,)\]'’\-]$")
LATIN_START = re.compile(r"^[A-Za-z0-9(\[]")
URL_TAIL = re.compile(r"https?://\S*$")
URL = re.compile(rf"https?://[^\s{CJK}<>\"]+[^\s{CJK}<>\".,;:)]")
SUBHEADING = re.compile(r"^[A-E][)）] ?[^。；]{2,40}$")
DASH_ITEM = re.compile(r"^- ?")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
SENTENCE_END = ("。", "！", "？")
#: A line this much narrower than the text column (about 34 CJK cells) was not wrapped: it ended.
SHORT_LINE = 20


@dataclass(frozen=True)
class Block:
    """A paragraph, list item or sub-heading, as plain text with footnote sentinels."""

    kind: str  # "para" | "item" | "heading"
    text: str


def starts_item(text: str) -> bool:
    return text.startswith(BULLETS) or text.startswith("- ")


def join_pair(left: str, right: str) -> str:
    """Join two wrapped lines: no space in Chinese or inside a URL, one between Latin words."""
    if URL_TAIL.search(left.rstrip()) and not left.endswith(" "):
        return left + right
    left = left.rstrip()
    if left.endswith("-"):
        return left + right
    if LATIN_END.search(left) and LATIN_START.match(right):
        return f"{left} {right}"
    return left + right


def visual_width(text: str) -> float:
    """Width in CJK cells (a Latin character is half a cell); footnote sentinels take none."""
    text = re.sub(rf"{START}\d+{END}", "", text)
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def is_hard_end(text: str, hard_end: bool, next_text: str | None) -> bool:
    """A trailing space ends the paragraph unless it is a space between two Latin words; so does
    a sentence that ends well short of the full line width (~34 cells), e.g. before a footnote
    marker that swallowed the trailing space (``汇编成 14 份工作文件。23``)."""
    if next_text is not None and re.fullmatch(rf"{START}\d+{END}", next_text):
        return False  # the next line is a lone footnote marker: it belongs to this sentence
    if not hard_end:
        bare = re.sub(rf"{START}\d+{END}$", "", text)
        return bare.endswith(SENTENCE_END) and visual_width(text) < SHORT_LINE
    return not (next_text is not None and LATIN_END.search(text) and LATIN_START.match(next_text))


def blocks(lines: list[tuple[str, bool]]) -> list[Block]:
    """Turn (text, hard_end) lines of one section into blocks."""
    out: list[Block] = []
    current: str | None = None
    lines = [(_drop_stray_bullets(text), hard_end) for text, hard_end in lines]
    for index, (text, hard_end) in enumerate(lines):
        nxt = lines[index + 1][0] if index + 1 < len(lines) else None
        if current is None or starts_item(text):
            if current is not None:
                out.append(_block(current))
            current = text
        else:
            current = join_pair(current, text)
        if is_hard_end(text, hard_end, nxt) or nxt is None:
            out.append(_block(current))
            current = None
        elif hard_end:
            current += " "
    return [b for b in out if b.text]


def _drop_stray_bullets(text: str) -> str:
    """A bullet glyph after the start of a line is an empty bullet the PDF left behind."""
    head, tail = text[:1], text[1:]
    for glyph in BULLETS[:2]:
        tail = tail.replace(glyph, "")
    return (head + tail).rstrip() if tail != text[1:] else text


LABEL_AT_START = re.compile(r"^(\d{1,2}\.|[A-E][)）.]|\(?[a-e]\)|\(?[ivx]{1,4}\))(?=\S)")


def _block(raw: str) -> Block:
    text = LABEL_AT_START.sub(r"\1 ", normalize(raw))
    if text.startswith(BULLETS):
        return Block("item", normalize(text.lstrip("".join(BULLETS) + " ")))
    if DASH_ITEM.match(text):
        return Block("item", DASH_ITEM.sub("", text, count=1).strip())
    if SUBHEADING.match(text):
        return Block("heading", text)
    return Block("para", text)


def normalize(text: str) -> str:
    """Collapse white space and drop the justification spaces next to CJK characters."""
    text = re.sub(r"\s+", " ", text).strip()
    return SPACE_NEAR_CJK.sub("", text)


def escape(text: str) -> str:
    """Escape Markdown syntax in plain text; bare URLs become autolinks."""
    text = text.replace("\\", "\\\\")
    for ch in "*`[]<>#":
        text = text.replace(ch, "\\" + ch)
    text = re.sub(r"^(\d+)\. ", r"\1\\. ", text)
    text = re.sub(r"^([+-]) ", r"\\\1 ", text)
    return URL.sub(lambda m: "<" + m.group(0).replace("\\", "") + ">", text)


def footnote_refs(text: str) -> str:
    return re.sub(rf"{START}(\d+){END}", r"[^\1]", text)


def plain(text: str) -> str:
    """Text with footnote sentinels removed (for search and indexes)."""
    return re.sub(rf"{START}\d+{END}", "", text)


def to_markdown(items: list[Block]) -> str:
    """Blocks as Markdown: paragraphs, '- ' lists (kept together), '#### ' sub-headings."""
    parts: list[str] = []
    previous = None
    for block in items:
        body = footnote_refs(escape(block.text))
        if block.kind == "item":
            line = f"- {body}"
            if previous == "item":
                parts[-1] += "\n" + line
                continue
            parts.append(line)
        elif block.kind == "heading":
            parts.append(f"#### {body}")
        else:
            parts.append(body)
        previous = block.kind
    markdown = "\n\n".join(parts)
    if PRIVATE_USE.search(markdown):
        raise ValueError(f"private-use character left in text: {markdown[:80]!r}")
    return markdown
