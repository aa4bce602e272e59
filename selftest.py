"""Offscreen self-test of an installed (or development) DA Navigator: ``main.py --self-test REPORT``.

Checks, each recorded as ``pass`` / ``fail`` / ``skipped`` with details and timing in a JSON report:
the content database opens read-only, passes ``quick_check``, uses ``journal_mode=DELETE`` (WAL
would need a writable folder) and matches its build record (sha256), Chinese searches of
1, 2 and 3+ characters and a Latin term find every recommendation a plain substring scan finds,
every recommendation renders, a summary PDF is written to a temporary folder and holds Chinese
text in an embedded font, user data goes to a writable per-user folder outside the bundle, the
app's and Qt's Chinese translations load. The
exit code is 0 only if no check failed. A windowed frozen app has no stdout: the report file is
the output (a one-line summary also goes to stderr when there is one).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SEARCH_TERMS = ("专", "专利", "知识产权", "TISC")
PASS, FAIL, SKIPPED = "pass", "fail", "skipped"


class Skip(Exception):
    """Raised by a check that cannot run in this environment (reported as skipped, not failed)."""


class SelfTest:
    def __init__(self) -> None:
        self.checks: list[dict[str, Any]] = []
        self.repo: Any = None
        self.db: Path | None = None
        self.tmp = Path(tempfile.mkdtemp(prefix="da-navigator-selftest-"))

    def check(self, name: str, func: Callable[[], dict[str, Any] | None]) -> None:
        start = time.perf_counter()
        entry: dict[str, Any] = {"name": name}
        try:
            entry.update(func() or {})
            entry["status"] = entry.pop("status", PASS)
        except Skip as exc:
            entry.update(status=SKIPPED, reason=str(exc))
        except Exception as exc:  # noqa: BLE001 - every failure must land in the report
            entry.update(status=FAIL, error=f"{type(exc).__name__}: {exc}", traceback=traceback.format_exc())
        entry["ms"] = round((time.perf_counter() - start) * 1000, 1)
        self.checks.append(entry)

    # --- checks -------------------------------------------------------------------------
    def database(self) -> dict[str, Any]:
        from models import paths
        from models.repository import ContentRepository
        from models.vocabulary import RECOMMENDATIONS

        self.db = paths.content_db()
        if not self.db.is_file():
            raise FileNotFoundError(f"content database not found: {self.db}")
        conn = sqlite3.connect(self.db.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
            journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            conn.close()
        if integrity != "ok":
            raise AssertionError(f"PRAGMA quick_check: {integrity}")
        if journal.lower() != "delete":  # WAL needs a writable folder: it would fail in a read-only install
            raise AssertionError(f"journal_mode is {journal}, expected delete")
        self.repo = ContentRepository(self.db)
        doc = self.repo.document()
        count = len(self.repo.summaries())
        if count != RECOMMENDATIONS:
            raise AssertionError(f"expected {RECOMMENDATIONS} recommendations, found {count}")
        return {"path": str(self.db), "bytes": self.db.stat().st_size, "journal_mode": journal,
                "document": f"{doc.symbol} {doc.language} {doc.date}", "source_sha256": doc.sha256,
                "recommendations": count, "reviews": len(self.repo.reviews())}

    def build_record(self) -> dict[str, Any]:
        if self.db is None or not self.db.is_file():
            raise Skip("no database")
        record = self.db.with_name(self.db.name + ".sha256")
        actual = hashlib.sha256(self.db.read_bytes()).hexdigest()
        if not record.is_file():
            raise Skip(f"no build record {record.name} (development tree; `make dist` writes it)")
        expected = record.read_text(encoding="utf-8").split()[0].lower()
        if actual != expected:
            raise AssertionError(f"sha256 {actual} does not match the build record {expected}")
        return {"sha256": actual, "record": str(record)}

    def search(self) -> dict[str, Any]:
        repo = self._repo()
        corpus = {s.number: _plain(_recommendation_text(repo.recommendation(s.number))) for s in repo.summaries()}
        results = {}
        for term in SEARCH_TERMS:
            start = time.perf_counter()
            hits = repo.search(term)
            ms = (time.perf_counter() - start) * 1000
            found = set(repo.filter_numbers(query=term))
            expected = {n for n, text in corpus.items() if term.lower() in text.lower()}
            missing = sorted(expected - found)
            results[term] = {"hits": len(hits), "recommendations": len(found), "substring_scan": len(expected),
                             "missing": missing, "ms": round(ms, 2)}
            if not hits or missing:
                raise AssertionError(f"search {term!r}: {len(hits)} hits, missed recommendations {missing}")
        return {"terms": results}

    def render(self) -> dict[str, Any]:
        from PySide6.QtGui import QTextDocument

        from models.page_html import render_recommendation

        repo = self._repo()
        sizes = []
        for summary in repo.summaries():
            rec = repo.recommendation(summary.number)
            doc = QTextDocument()
            doc.setHtml(render_recommendation(rec)[0])
            text = _plain(doc.toPlainText())
            head = _plain(rec.text)[:8]
            if not head or head not in text:
                raise AssertionError(f"recommendation {rec.number}: rendered page lacks the start of its text")
            sizes.append(len(text))
        return {"rendered": len(sizes), "min_chars": min(sizes), "max_chars": max(sizes)}

    def pdf(self) -> dict[str, Any]:
        from ui.printing import print_summary_cli

        repo = self._repo()
        number = 6
        rec = repo.recommendation(number)
        out = self.tmp / f"summary-{number}.pdf"
        with contextlib.redirect_stdout(io.StringIO()):  # its "file: N pages" line is not the self-test's
            code = print_summary_cli(str(number), str(out))
        if code != 0 or not out.is_file():
            raise AssertionError(f"print_summary_cli returned {code}; file written: {out.is_file()}")
        data = out.read_bytes()
        if not data.startswith(b"%PDF"):
            raise AssertionError("the summary is not a PDF")
        pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
        if pages < 1:
            raise AssertionError("the PDF has no pages")
        result: dict[str, Any] = {"pages": pages, "bytes": len(data)}
        if shutil.which("pdftotext") is None:
            result["chinese_text"] = "not checked (pdftotext missing)"
            return result
        text = _plain(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                     check=True).stdout)
        wanted = _plain(rec.text)[:8]
        if "建议" not in text or wanted not in text:
            raise AssertionError(f"the PDF text lacks '建议' or {wanted!r}: {text[:200]!r}")
        result["chinese_text"] = wanted
        if shutil.which("pdffonts"):
            fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
            rows = [ln.split() for ln in fonts.splitlines()[2:] if ln.strip()]
            result["fonts"] = [r[0] for r in rows]
            if not rows or any(r[-5] != "yes" for r in rows):  # columns end: emb sub uni object-id gen
                raise AssertionError(f"not every PDF font is embedded:\n{fonts}")
        return result

    def user_data(self) -> dict[str, Any]:
        from models import paths

        data = paths.user_data()  # the same decision the window makes
        if data.folder is None:
            raise AssertionError(data.message())
        folder, bundle = data.folder, paths.ROOT.resolve()
        if not data.portable and folder.resolve().is_relative_to(paths.app_dir()):
            raise AssertionError(f"user data folder {folder} is inside the app folder {paths.app_dir()}")
        probe = folder / f".selftest-{os.getpid()}"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
        return {"folder": str(folder), "bundle": str(bundle), "portable": data.portable,
                "notice": data.message()}

    def fonts(self) -> dict[str, Any]:
        from PySide6.QtGui import QFontDatabase, QGuiApplication

        from models.fonts import FAMILY, bundled_font_files, register_bundled_font

        family = register_bundled_font()
        if family is None:
            if getattr(sys, "frozen", False):
                raise AssertionError(f"the bundled font {FAMILY} is missing or unreadable")
            raise Skip("no bundled font in this development tree (`make font` builds it)")
        families = QFontDatabase.families()
        return {"family": family, "files": [p.name for p in bundled_font_files()],
                "application_font": QGuiApplication.font().families(),
                "system_families": len([f for f in families if f != FAMILY])}

    def warmup(self) -> dict[str, Any]:
        """The start-up warm-up (models/warmup.py) ran before Qt was imported and linked every library;
        in the bundle, re's cache was filled from the build's compiled patterns (models/regex_cache.py)."""
        from models import regex_cache, warmup

        warmup.finish()
        state = {**warmup.state, "regex_cache": regex_cache.installed}
        if state["before_qt"] is None:
            raise Skip("not started (DA_NAVIGATOR_NO_WARMUP is set, or not run through main.py)")
        if not state["before_qt"] or state["failed"] or not state["linked"]:
            raise AssertionError(f"warm-up: {state}")
        if getattr(sys, "frozen", False) and not regex_cache.installed:
            raise AssertionError("the bundle's regex_cache.bin was not installed "
                                 "(missing, damaged, or from another Python)")
        return state

    def translations(self) -> dict[str, Any]:
        """The app's .qm files and Qt's own qtbase_zh_CN load (what ui.i18n installs)."""
        from PySide6.QtCore import QLibraryInfo, QTranslator

        from models.paths import resource

        app_files = sorted(resource("i18n").glob("*.qm"))
        if not app_files:
            if not getattr(sys, "frozen", False):
                raise Skip("no compiled translations in this development tree (`make i18n` builds them)")
            raise AssertionError(f"no compiled translations in {resource('i18n')}")
        for path in app_files:
            if not QTranslator().load(str(path)):
                raise AssertionError(f"{path.name} does not load")
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_zh_CN", qt_dir):
            raise AssertionError(f"Qt's qtbase_zh_CN.qm does not load from {qt_dir}")
        return {"app": [p.name for p in app_files], "qt_dir": qt_dir}

    def _repo(self) -> Any:
        if self.repo is None:
            raise Skip("the database did not open")
        return self.repo


def _plain(text: str) -> str:
    """Text with Markdown markup, footnote references and all whitespace removed, for comparisons."""
    text = re.sub(r"\[\^\d+\]", "", text)
    text = re.sub(r"[*_`#>\[\]()|\\-]", "", text)
    return re.sub(r"\s+", "", text)


def _recommendation_text(rec: Any) -> str:
    """The sections full-text search covers (sector names are a facet, not searched text)."""
    parts = [rec.text, rec.implementation, rec.activities, *rec.highlights]
    parts += [fn.text for fn in rec.footnotes]
    return "\n".join(parts)


def _set_application_names() -> None:
    """The same organisation/application names as the app, so QStandardPaths agree with it."""
    from PySide6.QtCore import QCoreApplication

    try:
        from models.settings import APPLICATION, ORGANIZATION
    except ImportError:
        ORGANIZATION = APPLICATION = "DA Navigator"  # noqa: N806
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANIZATION)
    if QCoreApplication.applicationName() in ("", Path(sys.argv[0]).stem, Path(sys.argv[0]).name):
        QCoreApplication.setApplicationName(APPLICATION)


def _versions() -> dict[str, Any]:
    import PySide6
    from PySide6.QtCore import qVersion

    return {"app": _app_version(), "python": platform.python_version(), "qt": qVersion(),
            "pyside6": PySide6.__version__, "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(), "frozen": bool(getattr(sys, "frozen", False)),
            "qpa": os.environ.get("QT_QPA_PLATFORM", ""), "fontconfig_file": os.environ.get("FONTCONFIG_FILE")}


def _app_version() -> str:
    """From the bundle's build_info.json (written by build.spec), else from pyproject.toml."""
    from models import paths

    info = paths.ROOT / "build_info.json"
    if info.is_file():
        data = json.loads(info.read_text(encoding="utf-8"))
        return f"{data['version']} ({data['commit']}, built {data['built']})"
    import tomllib

    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return f"{project['version']} (source tree)"


def run_self_test(report_path: str | os.PathLike[str]) -> int:
    """Run every check, write the JSON report; exit code 0 all passed, 1 a check failed,
    3 the report cannot be written (a folder, read-only, missing folder, full disk)."""
    from models import exit_codes
    from models.atomic_write import WriteFailed, check_target, write_text

    try:
        path = check_target(report_path)  # before the checks: no point running them for nowhere
        _probe_writable(path.parent)
    except WriteFailed as exc:
        _say(f"self-test report cannot be written: {exc}")
        return exit_codes.WRITE
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qt_compat

    qt_compat.apply()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    wall = time.perf_counter()
    report: dict[str, Any] = {"started": started}
    test = SelfTest()
    try:
        from PySide6.QtWidgets import QApplication

        from models import warmup

        warmup.finish()  # as make_app: Qt reads fontconfig only once the warm-up thread is done with it
        app = QApplication.instance() or QApplication(sys.argv[:1])
        _set_application_names()
        report["versions"] = _versions()
        test.check("fonts", test.fonts)
        test.check("database", test.database)
        test.check("build_record", test.build_record)
        test.check("search", test.search)
        test.check("render", test.render)
        test.check("pdf", test.pdf)
        test.check("user_data", test.user_data)
        test.check("translations", test.translations)
        test.check("warmup", test.warmup)
        del app
    except Exception as exc:  # noqa: BLE001 - e.g. Qt cannot start: still write a report
        test.checks.append({"name": "startup", "status": FAIL, "error": f"{type(exc).__name__}: {exc}",
                            "traceback": traceback.format_exc()})
    finally:
        if test.repo is not None:
            test.repo.close()
        shutil.rmtree(test.tmp, ignore_errors=True)
    failed = [c["name"] for c in test.checks if c["status"] == FAIL]
    report.update(ok=not failed, failed=failed, checks=test.checks,
                  duration_ms=round((time.perf_counter() - wall) * 1000, 1))
    summary = ", ".join(f"{c['name']}={c['status']}" for c in test.checks)
    try:
        write_text(path, json.dumps(report, ensure_ascii=False, indent=2))
    except WriteFailed as exc:
        _say(f"self-test {'passed' if not failed else 'FAILED'}: {summary}; "
             f"but the report cannot be written: {exc}")
        return exit_codes.WRITE
    _say(f"self-test {'passed' if not failed else 'FAILED'}: {summary} -> {path}")
    return exit_codes.OK if not failed else exit_codes.FAILED


def _probe_writable(folder: Path) -> None:
    """Raise WriteFailed if ``folder`` does not take a new file (read-only, no permission)."""
    from models.atomic_write import WriteFailed

    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".selftest-probe-")
    except OSError as exc:
        raise WriteFailed(exc.errno, exc.strerror, str(folder)) from exc
    os.close(fd)
    os.unlink(probe)


def _say(line: str) -> None:
    """One line to stderr when there is one (a windowed frozen app has none)."""
    if sys.stderr is not None:
        print(line, file=sys.stderr)
