"""Issue 11 item 10: Annex II review recommendations print and join briefing packs; a pack can be
saved as an editable .odt; file dialogs start in the folder last used, not the program's folder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from models.bookmarks import BookmarkStore
from models.settings import Settings
from tests.test_printing import pdf_pages, pdf_text, squash
from ui import file_dialogs, printing
from ui.briefing_dialog import BriefingDialog
from ui.print_render import briefing_job, write_odt


def test_review_recommendation_prints(window, repo, tmp_path, monkeypatch):
    a = window.actions_
    window.detail.show_target("review:3")
    assert a.print_summary.isEnabled() and a.export_pdf.isEnabled()
    out = tmp_path / "review3.pdf"
    monkeypatch.setattr(file_dialogs.QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    a.export_pdf.trigger()
    text = squash(pdf_text(out))
    rev = repo.review(3)
    assert "独立审查建议3" in text and "进展情况" in text
    assert squash(rev.text)[:12] in text
    assert "来源:CDIP/33/2,附件二,独立审查建议3" in text  # NFKC: full-width punctuation as ASCII


def test_briefing_pack_with_review_recommendations(repo, tmp_path):
    store = BookmarkStore(tmp_path / "b.sqlite")
    store.add("review", 7)  # Annex II keeps the review's own numbers: 3, 7, 8, 9, 10, 12
    store.set_note("review", 7, "审查建议七的笔记")
    out = tmp_path / "pack.pdf"
    assert printing.export_briefing_pack(None, repo, [], store, out, chosen=[6], chosen_reviews=[7, 10]) == out
    assert pdf_pages(out) >= 5  # cover, contents, 6, review 7, review 10
    toc = squash(pdf_text(out, 2))
    assert "建议6" in toc and "独立审查建议7" in toc and "独立审查建议10" in toc
    assert "审查建议七的笔记" in squash(pdf_text(out))
    assert "共收录1项建议、2项独立审查建议" in squash(pdf_text(out, 1))
    store.close()


def test_briefing_dialog_offers_annex_two(repo, qtbot):
    dialog = BriefingDialog(repo, [6], bookmarked=[6], reviews_checked=[3], reviews_bookmarked=[8])
    qtbot.addWidget(dialog)
    assert dialog.selected() == [6] and dialog.selected_reviews() == [3]
    assert dialog.list.count() == 45 + len(repo.reviews())
    dialog.check(None)
    assert len(dialog.selected_reviews()) == len(repo.reviews())
    dialog.check(({6}, {8}))
    assert dialog.selected() == [6] and dialog.selected_reviews() == [8]


def test_briefing_pack_saves_as_editable_odt(repo, tmp_path):
    job = briefing_job(repo, [6, 12], {12: "关于建议12的笔记"}, reviews=[3])
    out = tmp_path / "pack.odt"
    assert write_odt(job, out) == 4  # cover and three entries; no page-numbered contents
    with zipfile.ZipFile(out) as odt:
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = odt.read("content.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", content)
    assert "建议 6" in text and "独立审查建议 3" in text and "关于建议12的笔记" in text
    assert "来源：CDIP/33/2，附件一，建议 12" in text
    assert content.count('fo:break-before="page"') == 1  # one style, used before every part
    assert not list(tmp_path.glob("*.part"))


def test_save_dialog_offers_odt_and_starts_in_the_last_folder(repo, tmp_path, monkeypatch):
    seen = []
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()

    def fake(parent, title, start, filters):
        seen.append((start, filters))
        return str((first if len(seen) == 1 else second) / "pack"), filters.split(";;")[1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    monkeypatch.chdir(tmp_path)
    written = printing.export_briefing_pack(None, repo, [], None, chosen=[6])
    assert written == first / "pack.odt" and written.exists()
    assert not seen[0][0].startswith(str(Path.cwd()))  # not the program's (working) folder
    assert "*.odt" in seen[0][1] and "*.pdf" in seen[0][1]
    printing.export_briefing_pack(None, repo, [], None, chosen=[7])
    assert Path(seen[1][0]).parent == first  # the second dialog starts where the first one saved
    assert Settings().last_folder() == str(second)
