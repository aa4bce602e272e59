"""Run-time UI language: the app's own translations (resources/i18n/*.qm, built from .ts by
``make i18n``) plus Qt's qtbase strings for standard dialogs. Source strings are English."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from models import names
from models.paths import resource

# English is the source language; its .qm holds only the plural forms of the %n messages.
QM = {"zh": "da_navigator_zh_CN", "en": "da_navigator_en"}
QT_QM = {"zh": "qtbase_zh_CN"}

# Qt's own file dialog (the non-native one) has source strings that qtbase_zh_CN.qm (Qt 6.12) does not
# translate, so it was half English; our .ts translates them in Qt's context. Listed for lupdate only.
QT_MISSING = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


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
        if lang in QT_QM:
            qt_tr = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_tr.load(QT_QM[lang], qt_dir) or qt_tr.load(QT_QM[lang], str(resource("i18n"))):
                self._installed.append(qt_tr)
        for translator in self._installed:
            app.installTranslator(translator)
        self.language = lang
        names.set_language(lang)
        QLocale.setDefault(QLocale("zh_CN" if lang == "zh" else "en_US"))
        return ok
