"""A reader session of random operations in a fresh process, as the app configures it (make_app);
prints the RSS after a warm-up and at the end: ``python -m tests.soak_session OPERATIONS DB``."""

from __future__ import annotations

import os
import random
import sys


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def main(count: int, db: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qt_compat

    qt_compat.apply()
    from PySide6.QtCore import QCoreApplication, QEvent

    from models.repository import ContentRepository
    from models.settings import Settings
    from ui.app import make_app
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    app = make_app()
    translations = Translations()
    translations.switch("zh")
    window = MainWindow(ContentRepository(db), translations, Settings())
    window.show()
    window.finish_startup()
    rng = random.Random(9)
    queries = ["专利", "技术转让", "TISC", "知识产权", "发展", "版权 合作", "", "中小企业", "最不发达国家"]
    ops = [
        lambda: window.detail.show_target(f"rec:{rng.randint(1, 45)}"),
        lambda: window.detail.show_target(f"review:{rng.randint(1, 6)}"),
        lambda: window.detail.show_target("cover"),
        lambda: window.sidebar.set_query(rng.choice(queries)),
        lambda: window.detail.zoom_in() if rng.random() < 0.5 else window.detail.zoom_out(),
        lambda: window.detail.back(),
        lambda: window.toggle_bookmark(),
    ]

    def run(n: int) -> None:
        for i in range(n):
            rng.choice(ops)()
            app.processEvents()
            if i % 500 == 0:
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    run(500)  # warm-up: fonts, caches, the first pages
    start = rss_mb()
    run(count)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print(f"start {start:.1f} end {rss_mb():.1f}", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
