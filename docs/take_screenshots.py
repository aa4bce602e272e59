"""Take the README screenshots: ``xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/take_screenshots.py``.

Writes docs/images/{window-zh,window-en,wide-en,small-bookmarks-zh,help-en,guide-en,guide-zh,search-zh,
overview-zh,note-zh,note-en,overview-dark}.png from the real database, with fresh settings and
bookmarks (nothing of the user's is read or changed).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"


def main() -> int:
    tmp = tempfile.mkdtemp()
    os.environ.update(DA_NAVIGATOR_SETTINGS_DIR=f"{tmp}/settings", DA_NAVIGATOR_USER_DIR=f"{tmp}/user")
    sys.path.insert(0, str(ROOT))
    import qt_compat

    qt_compat.apply()
    from PySide6.QtWidgets import QApplication

    from models.bookmarks import BookmarkStore
    from models.repository import ContentRepository
    from ui.app import make_app
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    app = make_app()
    OUT.mkdir(parents=True, exist_ok=True)
    repo = ContentRepository()

    translations = Translations()  # one: a second instance would leave the first one's translators installed

    def window(lang: str) -> MainWindow:
        translations.switch(lang)
        w = MainWindow(repo, translations)
        w.resize(1400, 860)
        w.splitter.setSizes([310, 360, 730])
        w.show()
        w.finish_startup()
        settle()
        return w

    def settle() -> None:
        for _ in range(8):  # a few rounds: the layout fits the panes in posted events
            app.processEvents()

    def shot(w, name: str) -> None:
        settle()
        w.grab().save(str(OUT / f"{name}.png"))
        print("wrote", OUT / f"{name}.png")

    w = window("zh")
    w.detail.show_target("rec:13")
    w.tree.setFocus()
    shot(w, "window-zh")
    w.sidebar.search.setFocus()
    w.sidebar.set_query("中小企业")
    first_hit = w.sidebar.results_model.first_hit()
    w.sidebar.results.setCurrentIndex(first_hit)
    w.sidebar.results.open_index(first_hit)
    shot(w, "search-zh")
    w.sidebar.clear_all()
    w.detail.show_target("overview")
    shot(w, "overview-zh")
    w.actions_.lang_en.trigger()
    settle()
    w.detail.show_target("rec:6")
    shot(w, "window-en")
    # 1920×1080, English: a heat-map cell's two filters as chips; lines stop at 45 characters
    w.resize(1920, 1080)
    w.sidebar.apply_facets([("clusters", "A"), ("sectors", repo.sectors()[3])])
    w.detail.show_target("rec:9")
    shot(w, "wide-en")
    for tab, name in ((0, "help-en"), (1, "guide-en")):  # F1: the shortcut sheet; the user guide
        dialog = w.help.open(tab)
        shot(dialog, name)
        dialog.close()
    w.actions_.lang_zh.trigger()
    settle()
    dialog = w.help.open(1)
    shot(dialog, "guide-zh")
    dialog.close()
    # 1024×700, Chinese, bookmarks panel open: the reading pane keeps its width, the sidebar gives way
    w.sidebar.clear_all()
    w.resize(1024, 700)
    for n in (6, 13, 25):
        w.bookmarks.toggle(f"rec:{n}")
    w.actions_.show_bookmarks.setChecked(True)
    w.detail.show_target("rec:13")
    shot(w, "small-bookmarks-zh")
    w.close()

    notes = {6: "我方立场：支持加强技术援助的中立性。\n发言要点：请秘书处说明评估方法。",
             13: "Position: support; ask about the legislative-assistance database."}
    store = BookmarkStore()  # the temporary user folder's store, which the windows open too
    for number, note in notes.items():
        store.set_note("recommendation", number, note)
    store.close()
    for lang, number in (("zh", 6), ("en", 13)):  # the note under the page, at the smallest size
        w = window(lang)
        w.resize(1024, 700)
        w.detail.show_target(f"rec:{number}")
        w.tree.setFocus()
        shot(w, f"note-{lang}")
        w.close()

    from ui.palette import make_palette

    QApplication.setPalette(make_palette(dark=True))  # the styled widgets pick their colours from it
    w = window("zh")
    w.detail.show_target("overview")
    shot(w, "overview-dark")
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
