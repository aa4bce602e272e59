"""Briefing packs (cover, contents, one summary per page run) and the --print-summary command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_printing import pdf_pages, pdf_text, squash
from ui.print_render import briefing_job, summary_job, write_pdf

pytestmark = pytest.mark.usefixtures("qapp")
ROOT = Path(__file__).resolve().parent.parent


def page_starts(path: Path, total: int) -> dict[int, int]:
    """Recommendation number → first page whose running header names it."""
    starts: dict[int, int] = {}
    for page in range(1, total + 1):
        layout = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(page), "-l", str(page),
                                 str(path), "-"], capture_output=True, check=True).stdout.decode("utf-8")
        first_line = layout.strip().splitlines()[0]  # the running header: "CDIP/33/2 · …   建议 N"
        m = re.search(r"建议 (\d+)", first_line)
        if m:
            starts.setdefault(int(m.group(1)), page)
    return starts


def test_pack_structure_and_table_of_contents(repo, tmp_path: Path) -> None:
    numbers = [6, 12, 45]
    out = tmp_path / "pack.pdf"
    job = briefing_job(repo, numbers, {12: "关于建议12的笔记"})
    pages = write_pdf(job, out)
    assert pdf_pages(out) == pages == 2 + sum(p.pages for p in job.parts[2:])
    cover = squash(pdf_text(out, 1))
    assert "简报材料" in cover and "共收录3项建议" in cover
    for n in numbers:
        assert f"建议{n}" in cover
    toc = pdf_text(out, 2)
    assert "目录" in toc
    starts = page_starts(out, pages)
    assert list(starts) == numbers and starts[6] == 3
    toc_flat = squash(toc)
    for n in numbers:
        title = squash(repo.recommendation(n).title)
        assert re.search(rf"建议{n}★?{re.escape(title)}{starts[n]}(?!\d)", toc_flat), (n, starts[n])
    for page in range(1, pages + 1):
        assert f"第{page}/{pages}页" in squash(pdf_text(out, page))
    assert "关于建议12的笔记" in squash(pdf_text(out, starts[12], starts[12] + 1))


def test_pack_of_all_45_starts_each_on_a_new_page(repo, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    numbers = list(range(1, 46))
    job = briefing_job(repo, numbers)
    pages = write_pdf(job, out)
    toc_pages = job.parts[1].pages
    assert toc_pages >= 1 and pages == 1 + toc_pages + sum(p.pages for p in job.parts[2:])
    starts = page_starts(out, pages)
    summaries = [n for n in starts if starts[n] > 1 + toc_pages]
    assert summaries == numbers
    expected = 2 + toc_pages
    for part, n in zip(job.parts[2:], numbers, strict=True):
        assert starts[n] == part.first_page == expected
        expected += part.pages
    toc = squash(pdf_text(out, 2, 1 + toc_pages))
    assert all(f"建议{n}" in toc for n in numbers)


def test_letter_and_a4_both_work(repo, tmp_path: Path) -> None:
    for size in ("a4", "letter"):
        out = tmp_path / f"{size}.pdf"
        write_pdf(briefing_job(repo, [1, 2]), out, size)
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert ("(A4)" if size == "a4" else "612 x 792 pts (letter)") in info


def test_preview_paints_the_same_pages_as_the_pdf(repo, tmp_path: Path) -> None:
    """The preview/printer path (QPrinter) and the PDF export produce the same pages."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.print_render import page_layout

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    printer.setPageLayout(page_layout("a4"))
    summary_job(repo, 13, "笔记").paint(printer)
    del printer
    write_pdf(summary_job(repo, 13, "笔记"), tmp_path / "export.pdf")
    assert pdf_pages(tmp_path / "printer.pdf") == pdf_pages(tmp_path / "export.pdf")
    assert pdf_text(tmp_path / "printer.pdf") == pdf_text(tmp_path / "export.pdf")


def _cli(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_command_line(content_db: Path, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "DA_NAVIGATOR_DB": str(content_db), "QT_QPA_PLATFORM": "offscreen",
           "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user")}
    single = _cli("--print-summary", "6", "--output", "r6.pdf", cwd=tmp_path, env=env)
    assert single.returncode == 0, single.stderr
    assert pdf_pages(tmp_path / "r6.pdf") == 1 and "建议6" in squash(pdf_text(tmp_path / "r6.pdf"))
    pack = _cli("--print-summary", "6,12,45", cwd=tmp_path, env=env)
    assert pack.returncode == 0, pack.stderr
    produced = tmp_path / "CDIP-33-2-briefing-3.pdf"
    assert produced.exists() and pdf_pages(produced) >= 5
    bad = _cli("--print-summary", "46", cwd=tmp_path, env=env)
    assert bad.returncode == 2 and "46" in bad.stderr
    assert not (tmp_path / "user" / "bookmarks.sqlite").exists()  # printing never creates a store


def test_command_line_includes_the_users_note(content_db: Path, tmp_path: Path) -> None:
    import os

    from models.bookmarks import BookmarkStore

    BookmarkStore(tmp_path / "user" / "bookmarks.sqlite").set_note("recommendation", 6, "命令行也打印笔记")
    env = {**os.environ, "DA_NAVIGATOR_DB": str(content_db), "QT_QPA_PLATFORM": "offscreen",
           "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user")}
    result = _cli("--print-summary", "6", "--output", "r6.pdf", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert "命令行也打印笔记" in squash(pdf_text(tmp_path / "r6.pdf"))


def test_command_line_with_no_system_fonts(content_db: Path, tmp_path: Path) -> None:
    """Only the bundled subset is available: the summary still carries real, selectable Chinese text."""
    import os

    from models.fonts import bundled_font_files

    if not bundled_font_files():
        pytest.skip("bundled font not built (make font)")
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    env = {**os.environ, "DA_NAVIGATOR_DB": str(content_db), "QT_QPA_PLATFORM": "offscreen",
           "DA_NAVIGATOR_USER_DIR": str(tmp_path / "user"), "FONTCONFIG_FILE": str(conf)}
    result = _cli("--print-summary", "22", "--output", "r22.pdf", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    fonts = subprocess.run(["pdffonts", str(tmp_path / "r22.pdf")], capture_output=True, text=True,
                           check=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:] if line.strip()]
    assert names and all(name.startswith("DANavigator") for name in names), names
    text = squash(pdf_text(tmp_path / "r22.pdf"))
    assert "建议22" in text and "CDIP/14/12Rev." in text and "第1/1页" in text
