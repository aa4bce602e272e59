"""Issue 11 item 11 (English UI) and item 10's file-dialog language: WIPO's English cluster and sector
names as curated metadata, Qt plural forms, the edition's language by name, Qt's file dialog in Chinese."""

from __future__ import annotations

import re
import sqlite3

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget
from ui_helpers import ensure_qm

from models.settings import Settings
from ui.i18n import Translations
from ui.main_window import MainWindow

CLUSTERS_EN = {  # as WIPO names them (issue 11)
    "A": "Technical Assistance and Capacity Building",
    "B": "Norm-setting, Flexibilities, Public Policy and Public Domain",
    "C": "Technology Transfer, Information and Communication Technologies (ICT) and Access to Knowledge",
    "D": "Assessment, Evaluation and Impact Studies",
    "E": "Institutional Matters including Mandate and Governance",
    "F": "Other Issues",
}
SECTORS_EN = [
    "Patents and Technology", "Brands and Designs", "Copyright and Creative Industries",
    "Regional and National Development", "Infrastructure and Platforms", "Global Challenges and Partnerships",
    "IP and Innovation Ecosystems", "Administration, Finance and Management",
]


@pytest.fixture
def translations():
    ensure_qm()
    t = Translations()
    yield t
    t.switch("en")
    QCoreApplication.processEvents()  # deliver LanguageChange while the repository is still open


@pytest.fixture
def window(repo, qtbot, translations):
    def make(lang: str) -> MainWindow:
        translations.switch(lang)
        w = MainWindow(repo, translations, Settings())
        qtbot.addWidget(w)
        w.show()
        w.finish_startup()
        return w

    return make


def test_english_names_are_curated_metadata_with_a_source(repo, content_db):
    english = repo.english_names()
    assert [english[c.title] for c in repo.clusters()] == list(CLUSTERS_EN.values())
    assert [english[s] for s in repo.sectors()] == SECTORS_EN
    db = sqlite3.connect(content_db)
    sources = {r[0] for r in db.execute("SELECT title_en_source FROM clusters")}
    sources |= {r[0] for r in db.execute("SELECT name_en_source FROM sectors")}
    assert all("WIPO" in s for s in sources) and len(sources) == 2


def test_english_ui_shows_wipo_english_names(window, repo, qtbot):
    w = window("en")
    texts = []
    annex = w.tree_model.index(1, 0, w.tree_model.index(0, 0))
    for row in range(w.tree_model.rowCount(annex)):
        texts.append(w.tree_model.index(row, 0, annex).data())
    assert texts[0].startswith("A  Technical Assistance and Capacity Building")
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in texts), texts
    assert w.sidebar.facets.page("clusters").count_text("C").startswith("C " + CLUSTERS_EN["C"])
    assert w.sidebar.facets.page("sectors").count_text("专利和技术部门").startswith("Patents and Technology")
    w.actions_.group_by_sector.setChecked(True)
    annex = w.tree_model.index(1, 0, w.tree_model.index(0, 0))
    assert w.tree_model.index(0, 0, annex).data().startswith("Patents and Technology (")
    w.detail.show_target("rec:1")
    page = w.detail.browser.toPlainText()
    sectors = repo.recommendation(1).sectors
    assert sectors and all(f"{s} ({repo.english_names()[s]})" in page for s in sectors)
    assert "Cluster A · Technical Assistance and Capacity Building" in page
    # back in Chinese: the printed names
    w.actions_.lang_zh.trigger()
    qtbot.waitUntil(lambda: w.sidebar.facets.page("clusters").count_text("A").startswith("A 技术援助和能力建设"))
    annex = w.tree_model.index(1, 0, w.tree_model.index(0, 0))
    assert w.tree_model.index(0, 0, annex).data().startswith("专利和技术部门 (")


def test_status_bar_names_the_language(window, repo):
    w = window("en")
    assert w.edition_label.text().endswith(" · Chinese")
    w.actions_.lang_zh.trigger()
    assert w.edition_label.text().endswith(" · 中文")
    assert not w.edition_label.text().endswith("zh")


@pytest.mark.parametrize(
    ("context", "source", "n", "expected"),
    [
        ("BookmarksPanel", "%n bookmark(s)", 1, "1 bookmark"),
        ("BookmarksPanel", "%n bookmark(s)", 3, "3 bookmarks"),
        ("FilterSidebar", "%n recommendations match the filters", 1, "1 recommendation matches the filters"),
        ("FilterSidebar", "%n passages", 7, "7 passages"),
    ],
)
def test_english_plural_forms(qapp, translations, context, source, n, expected):
    translations.switch("en")
    assert QCoreApplication.translate(context, source, "", n) == expected
    assert "(s)" not in QCoreApplication.translate(context, source, "", n)


def test_sidebar_summary_uses_plural_forms(window, qtbot):
    w = window("en")
    w.sidebar.apply_facets([("clusters", "F")])
    assert w.sidebar.summary.text() == "1 recommendation matches the filters"
    w.actions_.lang_zh.trigger()
    qtbot.waitUntil(lambda: w.sidebar.summary.text() == "1 项建议符合筛选条件")


def test_qt_file_dialog_is_all_chinese(qapp, translations):
    translations.switch("zh")
    dialog = QFileDialog(None, "x", "", "PDF 文件 (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    english = []
    for w in [dialog, *dialog.findChildren(QWidget)]:
        texts = [w.toolTip(), w.accessibleName()]
        if isinstance(w, QLabel):
            texts.append(w.text())
        english += [t for t in texts if re.search(r"[A-Za-z]{2,}", t.replace("PDF", "").replace("pdf", ""))]
    assert not english, english
    assert dialog.findChild(QLabel, "lookInLabel").text() == "查找范围(&L)："
    dialog.deleteLater()
