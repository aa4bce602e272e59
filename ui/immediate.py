"""What the ★ (immediate implementation) marks cover in this edition, in words, for the facet and tooltips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.entities import ImmediateMarks


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files module-level tr() under ""


def _numbers(numbers: tuple[int, ...]) -> str:
    return QCoreApplication.translate("", ", ", "between numbers").join(map(str, numbers))


def marks_headline(marks: ImmediateMarks) -> str:
    """``8 of 19 marked in this edition``."""
    return (
        tr("%1 of %2 marked in this edition")
        .replace("%1", str(marks.marked))
        .replace("%2", str(marks.total))
    )


def marks_explained(marks: ImmediateMarks) -> str:
    """The headline, the printed/curated split, and why the rest carry no mark."""
    missing = marks.total - marks.marked
    parts = [
        marks_headline(marks) + tr(": "),
        QCoreApplication.translate("", "%n printed in CDIP/33/2 (%1)", "", len(marks.printed)).replace(
            "%1", _numbers(marks.printed)
        ),
    ]
    if marks.curated:
        parts.append(
            tr(", ")
            + QCoreApplication.translate(
                "", "%n added from a cited public WIPO list (%1)", "", len(marks.curated)
            ).replace("%1", _numbers(marks.curated))
        )
    parts.append(tr(". "))
    parts.append(
        tr(
            "The report says %1 recommendations are for immediate implementation (recommendations 15, 21 and 44 "
            "“and the other 16”) and marks them with an asterisk in the entry headings; most headings did not "
            "survive in the text this edition was built from, so the other %2 stay unmarked rather than guessed."
        )
        .replace("%1", str(marks.total))
        .replace("%2", str(missing))
    )
    return "".join(parts)
