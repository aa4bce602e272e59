"""Run-time UI language: the app's own translations (resources/i18n/*.qm, built from .ts by
``make i18n``) plus Qt's qtbase strings for standard dialogs. Source strings are English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models.paths import resource

QM = {"zh": "da_navigator_zh_CN"}
QT_QM = {"zh": "qtbase_zh_CN"}


class Translations:
    """Installs the translators for one language; switching replaces them (widgets get LanguageChange)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"
        self.missing: list[str] = []

    def switch(self, lang: str) -> bool:
        """Install ``lang`` ("zh" or "en"); False if the app's .qm file is missing (English shown)."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        self.missing = []
        ok = True
        if lang in QM:
            app_tr = QTranslator(app)
            if app_tr.load(QM[lang], str(resource("i18n"))):
                self._installed.append(app_tr)
            else:
                self.missing.append(str(resource("i18n", QM[lang] + ".qm")))
                ok = False
            qt_tr = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_tr.load(QT_QM[lang], qt_dir) or qt_tr.load(QT_QM[lang], str(resource("i18n"))):
                self._installed.append(qt_tr)
        for translator in self._installed:
            app.installTranslator(translator)
        self.language = lang
        QLocale.setDefault(QLocale("zh_CN" if lang == "zh" else "en_US"))
        return ok
