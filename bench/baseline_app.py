"""The baseline for bundle benchmarks: a bare PySide6 QMainWindow with a QTreeView and a QTextBrowser.

Frozen with PyInstaller's defaults by bench/bundle_bench.py. Honours the same start-up probe as
the app (ui.ready_probe, inlined here so the baseline bundles nothing of ours): with
DA_NAVIGATOR_BENCH_READY=FILE it writes the time of the first paint with the tree filled and the
CPU time up to it, and quits.
"""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView


class _Probe(QObject):
    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self.path:
            path, self.path = self.path, ""
            stamp, cpu = time.time(), time.process_time()
            QTimer.singleShot(0, lambda: _finish(path, stamp, cpu))
        return False


def _finish(path: str, stamp: float, cpu: float) -> None:
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"{stamp:.6f} {cpu:.6f}\n")
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    model = QStandardItemModel()
    for cluster in "ABCDEF":
        parent = QStandardItem(f"Cluster {cluster}")
        for n in range(8):
            parent.appendRow(QStandardItem(f"Recommendation {n}"))
        model.appendRow(parent)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    tree = QTreeView()
    tree.setModel(model)
    tree.expandAll()
    splitter.addWidget(tree)
    browser = QTextBrowser()
    browser.setHtml("<h1>Baseline</h1><p>Text.</p>")
    splitter.addWidget(browser)
    window.setCentralWidget(splitter)
    window.resize(1200, 800)
    probe = _Probe(os.environ.get("DA_NAVIGATOR_BENCH_READY", ""))
    window.installEventFilter(probe)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
