"""A small, fast Markdown subset → HTML converter for the detail pane (Qt rich text).

Handles what the importer writes: backslash escapes, ``<url>`` autolinks, paragraphs, ``#`` headings,
``-``/``*``/``•`` and ``1.``
lists (one nesting level), ``**bold**``, ``[text](url)``, bare http(s) URLs, footnote
references ``[^N]``, cross-references (``建议 16``, ``建议 7和 22``) and document symbols.
Search terms are highlighted in text runs. Never raises on odd input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from models.search import Query
from models.vocabulary import DOC_SYMBOL_PATTERN, RECOMMENDATIONS

_TOKEN = re.compile(
    r"(?P<esc>\\(?P<escch>[\\`*_{}\[\]()<>#+\-.!|~]))"
    r"|(?P<auto><(?P<autourl>https?://[^>\s]{1,500})>)"
    r"|(?P<fn>\[\^(?P<fnnum>\d{1,3})\])"
    r"|(?P<mdlink>\[(?P<mdtext>[^\]\n]{1,300})\]\((?P<mdurl>[^)\s]{1,500})\))"
    r"|(?P<url>https?://[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+[A-Za-z0-9/#=_\-])"
    r"|(?P<xref>建议\s*(?P<xnums>\d{1,2}\*?(?:\s*(?:和|、|及|与|至|,|，|以及)\s*\d{1,2}\*?)*))"
    rf"|(?P<doc>{DOC_SYMBOL_PATTERN})"
    r"|(?P<bold>\*\*(?P<boldtext>[^*\n]{1,500})\*\*)"
)
_NUM = re.compile(r"\d{1,2}")
_BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
_ORDERED = re.compile(r"^\s*\d{1,3}[.)]\s+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def escape(text: str, quote: bool = True) -> str:
    """HTML-escape (the stdlib's ``html`` module costs ~3 ms to import at start-up)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;") if quote else text


def _is_cjk(ch: str) -> bool:
    """CJK ideographs, radicals, punctuation and full-width forms (a plain range test: a regex
    character class over these ranges takes ~4 ms to compile at start-up)."""
    return "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"

HIGHLIGHT_STYLE = "background-color:#ffd54f;color:#000000;"
# WORD JOINER: Qt's line breaker may break after "http://" (a slash); one after "://" keeps the scheme
# with the host. Invisible; the detail pane strips it from copied text (``strip_joiners``).
WORD_JOINER = "\u2060"


def strip_joiners(text: str) -> str:
    """Text as the user expects to copy it: without the invisible line-break guards."""
    return text.replace(WORD_JOINER, "")


class Renderer:
    """Converts Markdown to HTML with the app's link schemes (``rec:``, ``fn:``, ``doc:``)."""

    def __init__(
        self,
        terms: Iterable[str] = (),
        footnotes: dict[int, str] | None = None,
        documents: Iterable[str] | None = None,
        max_rec: int = RECOMMENDATIONS,
        join_url_scheme: bool = True,
    ) -> None:
        self._hl = Query(tuple(t for t in terms if t and t.strip())).highlighter()
        self._footnotes = footnotes or {}
        self._documents = set(documents) if documents is not None else None
        self._max_rec = max_rec
        self._join_scheme = join_url_scheme
        self.hit_count = 0

    # --- inline ---------------------------------------------------------------------
    def text(self, raw: str) -> str:
        """Escape and highlight a plain run of text."""
        if not self._hl:
            return escape(raw, quote=False)
        out: list[str] = []
        pos = 0
        for m in self._hl.finditer(raw):
            if m.end() == m.start():
                continue
            out.append(escape(raw[pos : m.start()], quote=False))
            out.append(f'<span style="{HIGHLIGHT_STYLE}">{escape(m.group(0), quote=False)}</span>')
            self.hit_count += 1
            pos = m.end()
        out.append(escape(raw[pos:], quote=False))
        return "".join(out)

    def inline(self, raw: str) -> str:
        raw = raw.replace("\x00", "")
        out: list[str] = []
        pos = 0
        for m in _TOKEN.finditer(raw):
            out.append(self.text(raw[pos : m.start()]))
            out.append(self._token(m))
            pos = m.end()
        out.append(self.text(raw[pos:]))
        return "".join(out)

    def _token(self, m: re.Match[str]) -> str:
        if m.group("esc"):
            return self.text(m.group("escch"))
        if m.group("auto"):
            url = m.group("autourl")
            return _link(url, self._url_label(url))
        if m.group("fn"):
            num = int(m.group("fnnum"))
            tip = escape(self._footnotes.get(num, ""), quote=True)
            return f'<sup><a href="fn:{num}" title="{tip}">{num}</a></sup>'
        if m.group("mdlink"):
            return _link(m.group("mdurl"), self.text(m.group("mdtext")))
        if m.group("url"):
            url = m.group("url")
            return _link(url, self._url_label(url))
        if m.group("xref"):
            return self._xref(m.group("xref"))
        if m.group("doc"):
            sym = m.group("doc")
            if self._documents is None or sym in self._documents:
                return f'<a href="doc:{escape(sym, quote=True)}">{self.text(sym)}</a>'
            return self.text(sym)
        return f"<b>{self.text(m.group('boldtext'))}</b>"

    def _url_label(self, url: str) -> str:
        """The URL as link text; never broken right after its scheme (``http://`` | ``www…``)."""
        scheme, sep, rest = url.partition("://")
        if not (self._join_scheme and sep and rest):
            return self.text(url)
        return self.text(scheme + sep) + WORD_JOINER + self.text(rest)

    def _xref(self, chunk: str) -> str:
        out: list[str] = []
        pos = 0
        for m in _NUM.finditer(chunk):
            n = int(m.group(0))
            out.append(self.text(chunk[pos : m.start()]))
            if 1 <= n <= self._max_rec:
                out.append(f'<a href="rec:{n}">{m.group(0)}</a>')
            else:
                out.append(self.text(m.group(0)))
            pos = m.end()
        out.append(self.text(chunk[pos:]))
        return "".join(out)

    # --- blocks ---------------------------------------------------------------------
    def blocks(self, markdown: str, heading_level: int = 3) -> str:
        """Convert a Markdown text; every ``#`` heading becomes ``<h{heading_level}>``."""
        lines = (markdown or "").replace("\r\n", "\n").split("\n")
        out: list[str] = []
        para: list[str] = []
        items: list[tuple[int, bool, list[str]]] = []  # (indent, ordered, lines)

        def flush_para() -> None:
            if para:
                out.append(f"<p>{self.inline(_join(para))}</p>")
                para.clear()

        def flush_list() -> None:
            if items:
                out.append(self._list(items))
                items.clear()

        for line in lines:
            if not line.strip():
                flush_para()
                flush_list()
                continue
            heading = _HEADING.match(line)
            bullet = _BULLET.match(line)
            if heading:
                flush_para()
                flush_list()
                level = heading_level
                out.append(f"<h{level}>{self.inline(heading.group(2).strip())}</h{level}>")
            elif bullet and bullet.group(2).strip():
                flush_para()
                items.append((len(bullet.group(1)), bool(_ORDERED.match(line)), [bullet.group(2)]))
            elif bullet:
                continue  # a stray empty bullet is not an item
            elif items and (line.startswith(" ") or not para):
                items[-1][2].append(line.strip())
            else:
                para.append(line.strip())
        flush_para()
        flush_list()
        return "\n".join(out)

    def _list(self, items: list[tuple[int, bool, list[str]]]) -> str:
        base = min(indent for indent, _, _ in items)
        tag = "ol" if items[0][1] else "ul"
        out = [f"<{tag}>"]
        nested: list[str] = []
        nested_ordered = False  # the nested list's own kind, from its first item
        for indent, ordered, parts in items:
            body = self.inline(_join(parts))
            if indent > base:
                if not nested:
                    nested_ordered = ordered
                nested.append(body)
                continue
            if nested:
                out.append(_nested(nested, nested_ordered))
                nested = []
            out.append(f"<li>{body}</li>")
        if nested:
            out.append(_nested(nested, nested_ordered))
        out.append(f"</{tag}>")
        return "".join(out)


def _nested(bodies: list[str], ordered: bool) -> str:
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{b}</li>" for b in bodies) + f"</{tag}>"


def _join(parts: list[str]) -> str:
    """Join wrapped lines: no space around CJK, one space between Latin words."""
    text = parts[0]
    for part in parts[1:]:
        if text and part and (_is_cjk(text[-1]) or _is_cjk(part[0])):
            text += part
        else:
            text += " " + part
    return text


def _link(url: str, label_html: str) -> str:
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return label_html
    return f'<a href="{escape(url, quote=True)}">{label_html}</a>'


def plain_snippet(snippet: str, mark: Callable[[str], str] | None = None) -> str:
    """Strip (or transform) the \\x02…\\x03 match markers of a SearchHit snippet."""
    if mark is None:
        return snippet.replace("\x02", "").replace("\x03", "")
    return re.sub("\x02(.*?)\x03", lambda m: mark(m.group(1)), snippet, flags=re.DOTALL)
