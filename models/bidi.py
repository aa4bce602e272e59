"""Keep a user's text from reordering the text around it (Unicode bidirectional controls).

A note may hold embedding, override and isolate controls (U+202A–202E, U+2066–2069); they are
stored as typed. Shown or printed next to the app's own text, an unclosed U+202E (RIGHT-TO-LEFT
OVERRIDE) would reverse everything after it, and a stray U+2069 or U+202C could close the app's
own isolate. :func:`isolate` makes each line self-contained: closers without an opener are
dropped, openers left open are closed at the end of the line, and the line is wrapped in
FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so whatever happens inside stays inside.
"""

from __future__ import annotations

EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF
PDF = "\u202c"
ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI
FSI, PDI = "\u2068", "\u2069"
CONTROLS = frozenset(EMBEDDINGS + PDF + ISOLATES + PDI)


def balance_line(line: str) -> str:
    """``line`` with every directional embedding, override and isolate matched (nothing else changes)."""
    if not CONTROLS.intersection(line):
        return line
    out: list[str] = []
    stack: list[str] = []  # PDF or PDI: the closer each open control needs
    for ch in line:
        if ch in EMBEDDINGS:
            stack.append(PDF)
        elif ch in ISOLATES:
            stack.append(PDI)
        elif ch == PDF:
            if not stack or stack[-1] != PDF:
                continue  # closes nothing of its own: dropped
            stack.pop()
        elif ch == PDI:
            if PDI not in stack:
                continue
            while stack.pop() != PDI:  # a PDI also ends the embeddings opened inside its isolate
                pass
        out.append(ch)
    return "".join(out) + "".join(reversed(stack))


def isolate(text: str) -> str:
    """``text`` whose lines with directional controls are balanced and wrapped in an isolate, so they
    cannot reorder their neighbours; lines without such controls are returned as they are."""
    return "\n".join(FSI + balance_line(line) + PDI if CONTROLS.intersection(line) else line
                      for line in text.split("\n"))
