"""The window's QActions, with standard key sequences, icons and translatable texts."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from models.paths import resource

SK = QKeySequence.StandardKey


def icon(name: str) -> QIcon:
    """A toolbar icon: the PNGs rendered at build time (tools/build_icons.py, 1x and 2x), else the
    SVG source; ``name-filled``, if present, is the checked state."""
    result = QIcon()
    for variant, state in ((name, QIcon.State.Off), (f"{name}-filled", QIcon.State.On)):
        png = resource("icons", "png", f"{variant}.png")
        if png.exists():
            result.addFile(str(png), state=state)
            result.addFile(str(png.with_name(f"{variant}@2x.png")), state=state)
        elif (svg := resource("icons", f"{variant}.svg")).exists():
            result.addFile(str(svg), state=state)
    return result


def unique_keys(keys: list) -> list[QKeySequence]:
    """The key sequences of ``keys`` (standard keys expand per platform), each once: a sequence
    listed twice on one action (``QKeySequence.Quit`` is Ctrl+Q on X11) makes Qt call the
    shortcut ambiguous and do nothing."""
    seen: dict[str, QKeySequence] = {}
    for k in keys:
        for seq in QKeySequence.keyBindings(k) if isinstance(k, SK) else [QKeySequence(k)]:
            if not seq.isEmpty():
                seen.setdefault(seq.toString(), seq)
    return list(seen.values())


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ("后退(&B)" -> "后退", "&Back" -> "Back") and trailing "…":
    toolbar buttons have no mnemonics, so they must not show one."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class Actions(QObject):
    """Creates every action once; ``retranslate`` gives them their texts (the window calls it when built
    and after each language change)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        w = parent

        def act(keys: list, icon_name: str = "", checkable: bool = False) -> QAction:
            a = QAction(w)
            a.setShortcuts(unique_keys(keys))
            if icon_name:
                a.setIcon(icon(icon_name))
            a.setCheckable(checkable)
            w.addAction(a)
            return a

        self.find = act([SK.Find], "find")
        # Explicit keys: some platforms add Ctrl+G to FindNext, which is "go to recommendation" here.
        self.find_next = act(["F3"])
        self.find_previous = act(["Shift+F3"])
        self.focus_search = act(["Ctrl+K", "Ctrl+L"], "search")
        self.focus_tree = act(["Ctrl+1"])
        self.copy_citation = act(["Ctrl+Shift+C"], "quote")
        self.toggle_bookmark = act(["Ctrl+D"], "bookmark", checkable=True)
        self.print_summary = act([SK.Print], "print")
        self.export_pdf = act(["Ctrl+E"], "pdf")
        self.briefing_pack = act(["Ctrl+Shift+E"])
        self.quit = act([SK.Quit, "Ctrl+Q"])
        self.zoom_in = act([SK.ZoomIn, "Ctrl+="], "zoom-in")
        self.zoom_out = act([SK.ZoomOut], "zoom-out")
        self.zoom_reset = act(["Ctrl+0"])
        self.back = act([SK.Back], "back")
        self.forward = act([SK.Forward], "forward")
        self.overview = act(["Ctrl+Home"], "overview")
        self.go_to_number = act(["Ctrl+G"])
        self.next_rec = act(["Ctrl+PgDown"])
        self.previous_rec = act(["Ctrl+PgUp"])
        self.group_by_sector = act(["Ctrl+T"], "group", checkable=True)
        self.clear_filters = act(["Ctrl+Shift+X"], "clear")
        self.show_bookmarks = act(["Ctrl+B"], "", checkable=True)
        self.show_sidebar = act([], "", checkable=True)
        self.show_tree = act([], "", checkable=True)
        self.about = act([])
        self.lang_group = QActionGroup(w)
        self.lang_zh = act([], checkable=True)
        self.lang_en = act([], checkable=True)
        self.lang_group.addAction(self.lang_zh)
        self.lang_group.addAction(self.lang_en)
        self.back.setEnabled(False)
        self.forward.setEnabled(False)

    def retranslate(self) -> None:
        texts = {
            self.find: (self.tr("&Find in Page…"), self.tr("Find text in the recommendation shown")),
            self.find_next: (self.tr("Find &Next"), ""),
            self.find_previous: (self.tr("Find Pre&vious"), ""),
            self.focus_search: (self.tr("&Search All…"), self.tr("Search the whole report")),
            self.focus_tree: (self.tr("Go to &Tree"), ""),
            self.copy_citation: (
                self.tr("Copy &Citation"),
                self.tr("Copy a stable citation with the selected text"),
            ),
            self.toggle_bookmark: (
                self.tr("&Bookmark"),
                self.tr("Bookmark the recommendation shown (Ctrl+D)"),
            ),
            self.print_summary: (
                self.tr("&Print Summary…"),
                self.tr("Print a summary of the recommendation shown"),
            ),
            self.export_pdf: (self.tr("&Export Summary as PDF…"), ""),
            self.briefing_pack: (self.tr("Export &Briefing Pack…"), ""),
            self.quit: (self.tr("&Quit"), ""),
            self.zoom_in: (self.tr("Zoom &In"), self.tr("Larger text")),
            self.zoom_out: (self.tr("Zoom O&ut"), self.tr("Smaller text")),
            self.zoom_reset: (self.tr("&Actual Size"), ""),
            self.back: (self.tr("&Back"), self.tr("Go back (Alt+Left)")),
            self.forward: (self.tr("&Forward"), self.tr("Go forward (Alt+Right)")),
            self.overview: (self.tr("&Overview"), self.tr("Show the overview page")),
            self.go_to_number: (
                self.tr("&Go to Recommendation…"),
                self.tr("Open recommendation N (Ctrl+G)"),
            ),
            self.next_rec: (self.tr("&Next Recommendation"), self.tr("Open the next recommendation (Ctrl+PgDown)")),
            self.previous_rec: (
                self.tr("&Previous Recommendation"),
                self.tr("Open the previous recommendation (Ctrl+PgUp)"),
            ),
            self.group_by_sector: (
                self.tr("Group by &Sector"),
                self.tr("Group the tree by WIPO sector instead of cluster"),
            ),
            self.clear_filters: (self.tr("C&lear Filters"), self.tr("Clear the search and every filter")),
            self.show_bookmarks: (self.tr("Bookmarks &Panel"), ""),
            self.show_sidebar: (self.tr("Search and &Filters Panel"), self.tr("Show or hide the search and filters")),
            self.show_tree: (self.tr("&Contents Panel"), self.tr("Show or hide the list of recommendations")),
            self.about: (self.tr("&About DA Navigator"), ""),
            self.lang_zh: ("中文", ""),
            self.lang_en: ("English", ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setIconText(plain_text(text))
            action.setToolTip(tip or text.replace("&", "").rstrip("…"))
            action.setStatusTip(tip)
