"""Build the content database from the source text: ``python -m data.build [--source F] [--output DB]``.

The build is reproducible (same input, same content), atomic (written to a temporary file and
moved into place; a failed build leaves the previous database untouched) and ends with a
VACUUMed file in ``journal_mode=DELETE`` that the app opens read-only. Schema: docs/schema.md.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from data import curated, extract, gazetteer
from data.database import write_database
from data.footnotes import END, START, mark_references
from data.lines import SourceError, classify
from data.parse import Entry, Parsed, Review, parse
from data.text import Block, escape, normalize, plain, to_markdown
from models.vocabulary import EDITION

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE / "source" / "CDIP-33-2.zh.txt"
DEFAULT_OUTPUT = HERE / "build" / "content.sqlite"
SYMBOL, LANGUAGE = EDITION


def read_source(path: Path) -> tuple[str, str]:
    """The source text and its sha256; a clear SourceError for unreadable input."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(0, f"cannot read source {path}: {error.strerror}") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(line, f"source is not valid UTF-8 (byte {error.start})") from error
    return text, hashlib.sha256(raw).hexdigest()


def load(text: str) -> Parsed:
    doc = classify(text)
    mark_references(doc)
    return parse(doc)


# --- content model ------------------------------------------------------------------------------
def _section_texts(entry: Entry) -> dict[str, list[Block]]:
    return {key: entry.sections[key] for key in ("implementation", "highlights", "activities")}


def _footnotes_in(blocks_by_section: dict[str, list[Block]]) -> list[int]:
    numbers: list[int] = []
    for items in blocks_by_section.values():
        for block in items:
            for ch in re.findall(rf"{START}(\d+){END}", block.text):
                if int(ch) not in numbers:
                    numbers.append(int(ch))
    return numbers


def _sectors(entry: Entry) -> list[str]:
    raw = "".join(b.text for b in entry.sections["sectors"])
    names = [name.strip() for name in raw.split("；") if name.strip()]
    unknown = [n for n in names if n not in curated.SECTORS]
    if unknown:
        raise SourceError(
            entry.first_line, f"recommendation {entry.numbers}: unknown WIPO sector(s) {unknown}"
        )
    return names


_OTHER_IMMEDIATE = re.compile(r"其余需要立即落实的\s*(\d+)\s*项建议")


def immediate_total(parsed: Parsed) -> tuple[int, str]:
    """How many recommendations the report says are for immediate implementation, and where it says so.

    The joint report on 15, 21 and 44 reads “…落实这些建议（以及其余需要立即落实的 16 项建议）”:
    its own recommendations plus “the other 16” (19, as the 2007 General Assembly decided)."""
    for entry in parsed.entries:
        text = "".join(plain(b.text) for b in entry.sections["implementation"])
        found = _OTHER_IMMEDIATE.search(text)
        if found:
            total = len(entry.numbers) + int(found.group(1))
            if total != curated.IMMEDIATE_TOTAL:
                raise SourceError(entry.first_line, f"{total} recommendations for immediate implementation, "
                                  f"expected {curated.IMMEDIATE_TOTAL}")
            numbers = "、".join(map(str, entry.numbers))
            arithmetic = f"{len(entry.numbers)} + {found.group(1)}"
            return total, f"{SYMBOL}，建议 {numbers}，落实工作：“{found.group(0)}”（{arithmetic}）"
    raise SourceError(0, "the number of recommendations for immediate implementation is not stated")


def model(parsed: Parsed, sha256: str) -> dict:
    """The whole content model as plain data (what the database and the JSON export hold)."""
    footnotes = {n: escape(normalize(plain(t))) for n, t in parsed.footnotes.items()}
    plain_footnotes = {n: normalize(plain(t)) for n, t in parsed.footnotes.items()}
    recommendations = []
    for index, entry in enumerate(parsed.entries, start=1):
        sections = _section_texts(entry)
        shared_notes = _footnotes_in(sections)
        for number in entry.numbers:
            own = {"text": entry.texts[number], **sections}
            notes = _footnotes_in({"text": entry.texts[number]}) + shared_notes
            if number == 1 and 1 in parsed.footnotes and 1 not in notes:
                notes.insert(0, 1)  # footnote 1 hangs on the heading "建议 1*¹": it defines the asterisk
            immediate_source = (
                "source"
                if number in entry.stars
                else ("curated" if number in curated.IMMEDIATE_CURATED else None)
            )
            plain_sections = {k: "\n".join(plain(b.text) for b in v) for k, v in own.items()}
            plain_sections["sectors"] = "；".join(_sectors(entry))
            plain_sections["footnotes"] = "\n".join(plain_footnotes[n] for n in notes)
            joined = "\n".join(plain_sections.values())
            recommendations.append(
                {
                    "number": number,
                    "entry": index,
                    "cluster": curated.cluster_of(number),
                    "immediate": immediate_source is not None,
                    "immediate_source": immediate_source,
                    "text": to_markdown(entry.texts[number]),
                    "reported_with": [n for n in entry.numbers if n != number],
                    "sectors": _sectors(entry),
                    "implementation": to_markdown(sections["implementation"]),
                    "highlights": [
                        to_markdown([b]).removeprefix("- ")
                        for b in sections["highlights"]
                        if plain(b.text) != "不适用"
                    ],
                    "activities": to_markdown(sections["activities"]),
                    "footnotes": [{"number": n, "text": footnotes[n]} for n in notes],
                    "links": [b.text for b in entry.sections["links"]],
                    "see_also": extract.cross_references(joined, set(entry.numbers)),
                    "documents": extract.document_symbols(joined),
                    "countries": [p.name for p in extract.places(joined)],
                    "_plain": plain_sections,
                    "_places": extract.places(joined),
                }
            )
    reviews = [_review(r, footnotes, plain_footnotes) for r in parsed.reviews]
    total, total_source = immediate_total(parsed)
    projects = [
        p for r in parsed.reviews for p in extract.projects("\n".join(plain(b.text) for b in r.progress))
    ]
    return {
        "document": {
            "symbol": SYMBOL,
            "language": LANGUAGE,
            "date": parsed.meta["date"],
            "title": parsed.meta["title"],
            "period": parsed.meta["period"],
            "session": parsed.meta.get("session", ""),
            "committee": parsed.meta.get("committee", ""),
            "sha256": sha256,
            "immediate_total": total,
            "immediate_total_source": total_source,
        },
        "cover_note": to_markdown(parsed.cover),
        "_cover_plain": "\n".join(plain(b.text) for b in parsed.cover),
        "cover_links": parsed.cover_links,
        "clusters": [
            {"id": cid, "title": title, "recommendations": list(numbers)}
            for cid, title, numbers in curated.CLUSTERS
        ],
        "recommendations": recommendations,
        "review_recommendations": reviews,
        "projects": [
            {
                "title": p.title,
                "proposers": p.proposers,
                "recommendations": list(p.recommendations),
                "status": p.status,
            }
            for p in projects
        ],
        "footnotes": footnotes,
        "placement": parsed.placement,
    }


def _review(review: Review, footnotes: dict[int, str], plain_footnotes: dict[int, str]) -> dict:
    notes = review.heading_footnotes + [
        n
        for n in _footnotes_in({"t": review.text, "p": review.progress})
        if n not in review.heading_footnotes
    ]
    return {
        "number": review.number,
        "addressees": review.addressees,
        "text": to_markdown(review.text),
        "progress": to_markdown(review.progress),
        "footnotes": [{"number": n, "text": footnotes[n]} for n in notes],
        "links": list(dict.fromkeys(review.links)),
        "_plain": {
            "text": "\n".join(plain(b.text) for b in review.text),
            "progress": "\n".join(plain(b.text) for b in review.progress),
            "footnotes": "\n".join(plain_footnotes[n] for n in notes),
        },
    }


def country_review(content: dict, source: str) -> list[str]:
    """Import-report lines for a person to review: each country mention a gazetteer rule dropped
    from a recommendation's index (line, ``country-dropped:<rule>``, name, context)."""
    texts = ["\n".join(rec["_plain"].values()) for rec in content["recommendations"]]
    rules = "; ".join(f"{rule.key}: {rule.reason}" for rule in gazetteer.RULES)
    head = f"# country mentions not indexed, for review (rules: {rules})\n"
    return [head] + [f"{line}\tcountry-dropped:{key}\t{name}\t{context}\n"
                     for line, key, name, context in gazetteer.dropped_mentions(texts, source)]


def build(source: Path = DEFAULT_SOURCE, output: Path = DEFAULT_OUTPUT) -> dict:
    """Parse ``source`` and atomically replace ``output``; return the content model."""
    text, sha256 = read_source(source)
    content = model(load(text), sha256)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".content-", suffix=".sqlite", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        write_database(content, tmp, source.name)
        check = sqlite3.connect(tmp)
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise RuntimeError("integrity check failed on the new database")
        check.close()
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--report", type=Path, help="also write the import report: one line per source line, "
                        "then each country mention a gazetteer rule dropped")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        content = build(args.source, args.output)
    except (SourceError, ValueError) as error:
        print(
            f"import failed: {args.source}: {error}\nThe previous database (if any) is unchanged.",
            file=sys.stderr,
        )
        return 2
    except (OSError, sqlite3.Error, RuntimeError) as error:
        print(
            f"import failed while writing {args.output}: {error}\nThe previous database (if any) is unchanged.",
            file=sys.stderr,
        )
        return 3
    source_text = args.source.read_text(encoding="utf-8")
    review = country_review(content, source_text)
    if args.report:
        lines = source_text.split("\n")
        with args.report.open("w", encoding="utf-8") as report:
            for number, placement in sorted(content["placement"].items()):
                report.write(f"{number}\t{placement}\t{lines[number - 1].strip()}\n")
            report.write("".join(review))
    elapsed = time.perf_counter() - started
    print(
        f"built {args.output} in {elapsed:.2f} s: {len(content['recommendations'])} recommendations, "
        f"{len(content['review_recommendations'])} review recommendations, {len(content['footnotes'])} footnotes, "
        f"{args.output.stat().st_size // 1024} KiB; {len(review) - 1} country mentions left out of the index "
        f"by a rule ({'listed in ' + str(args.report) if args.report else 'listed by --report FILE'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
