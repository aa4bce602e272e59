"""Printed summaries: every one of the 45 as a PDF with selectable Chinese text, within two pages."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from models import print_html
from models.atomic_write import WriteFailed
from ui.print_render import PrintCancelled, summary_job, write_pdf

pytestmark = pytest.mark.usefixtures("qapp")


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")
    return unicodedata.normalize("NFKC", out)  # system CJK fonts may map 立 back to the radical ⽴


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]


def plain_start(markdown: str, length: int = 10) -> str:
    """The first characters a reader sees: no footnote markers, escapes, emphasis or spaces."""
    text = re.sub(r"\[\^\d+\]", "", markdown)
    text = re.sub(r"\\(.)", r"\1", text).replace("**", "")
    text = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", text)
    return squash(text)[:length]


@pytest.mark.parametrize("size", ["a4", "letter"])
def test_every_recommendation_prints_within_two_pages(repo, tmp_path: Path, size: str) -> None:
    doc = repo.document()
    for s in repo.summaries():
        rec = repo.recommendation(s.number)
        out = tmp_path / f"r{s.number}-{size}.pdf"
        pages = write_pdf(summary_job(repo, s.number), out, size)
        assert 1 <= pages <= 2 and pdf_pages(out) == pages, (s.number, pages)
        text = squash(pdf_text(out))
        assert f"建议{s.number}" in text
        assert plain_start(rec.text) in text, (s.number, plain_start(rec.text))
        for h in rec.highlights:
            assert plain_start(h, 8) in text, (s.number, plain_start(h, 8))
        for sector in rec.sectors:
            assert squash(sector) in text
        for symbol in rec.documents:
            assert squash(symbol) in text
        if rec.reported_with:
            assert f"与建议{print_html.numbers_text(rec.reported_with)}合并报告" in text
        assert squash(f"来源：{doc.symbol}，附件一，建议 {s.number}") in text
        assert f"第1/{pages}页" in text
        assert "落实工作" not in text  # implementation and activities are left out


def test_longest_entries_with_a_long_note_stay_within_two_pages(repo, tmp_path: Path) -> None:
    note = "我方立场：" + "支持加强技术援助的透明度与问责制，并要求秘书处定期报告。" * 200
    sizes = sorted(repo.summaries(), key=lambda s: len(repo.recommendation(s.number).highlights))[-5:]
    for s in sizes:
        out = tmp_path / f"note{s.number}.pdf"
        assert write_pdf(summary_job(repo, s.number, note), out) <= 2
        text = squash(pdf_text(out))
        assert "备注" in text and "笔记" not in text and "我方立场" in text
        assert f"只打印前{print_html.NOTE_PRINT_LIMIT}字" in text


def test_note_is_printed_escaped(repo, tmp_path: Path) -> None:
    out = tmp_path / "r6.pdf"
    write_pdf(summary_job(repo, 6, "第一行 <b>不是标签</b>\n第二行"), out)
    text = pdf_text(out)
    assert "<b>不是标签</b>" in text and "第二行" in text


def test_pdf_embeds_the_fonts(repo, tmp_path: Path) -> None:
    out = tmp_path / "r1.pdf"
    write_pdf(summary_job(repo, 1), out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all("yes" in row[-5:-3] for row in rows)  # emb column
    assert "CDIP/33/2" in pdf_text(out)  # digits after "/" stay text (locl off)


def test_cancel_leaves_no_file(repo, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(PrintCancelled):
        write_pdf(summary_job(repo, 6), out, progress=lambda done, total: False)
    assert list(tmp_path.iterdir()) == []


def test_unknown_number_raises(repo) -> None:
    with pytest.raises(KeyError):
        summary_job(repo, 46)


def test_parse_numbers() -> None:
    valid = range(1, 46)
    assert print_html.parse_numbers("6", valid) == [6]
    assert print_html.parse_numbers("6,12, 45", valid) == [6, 12, 45]
    assert print_html.parse_numbers("3-5，3、9", valid) == [3, 4, 5, 9]
    assert print_html.parse_numbers("all", valid) == list(valid)
    for bad in ("", "0", "46", "6,x", "1-99", "-3"):
        with pytest.raises(ValueError):
            print_html.parse_numbers(bad, valid)


def test_summary_html_is_pure_and_complete(repo) -> None:
    """models.print_html needs no widgets: header, text, joint note, escaped note, no implementation."""
    doc = repo.document()
    rec = repo.recommendation(13)
    body = print_html.summary_html(doc, rec, "技术援助和能力建设", "a < b & c")
    assert "建议 13" in body and "与建议 14、17 合并报告" in body
    assert "a &lt; b &amp; c" in body
    assert "落实工作" not in body and "活动/成果" not in body
    assert "<a " not in body and "[^" not in body  # no links, no footnote markers on paper
    assert "CDIP/\u20603/\u20605" in body  # symbols never break across lines
    assert print_html.citation(doc, 13) == "来源：CDIP/33/2，附件一，建议 13"


def test_missing_folder_and_unbreakable_note(repo, tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match="folder does not exist"):
        write_pdf(summary_job(repo, 6), tmp_path / "missing" / "r6.pdf")
    out = tmp_path / "long.pdf"
    assert write_pdf(summary_job(repo, 10, "x" * 5000), out) <= 2  # wraps anywhere, never off the page
    assert "x" * 40 in pdf_text(out)
