"""Display names of clusters and sectors in the UI language (pure Python).

The database keys clusters and sectors by their Chinese names (as printed in CDIP/33/2); WIPO's
English names are curated metadata (data/curated.py, with their source). The repository registers
them when it opens and ui.i18n sets the language when it switches; the English UI shows WIPO's
English names, the Chinese UI the printed ones.
"""

from __future__ import annotations

from collections.abc import Mapping

_ENGLISH: dict[str, str] = {}
_language = "zh"


def register(english: Mapping[str, str]) -> None:
    """Remember English names, keyed by the Chinese name."""
    _ENGLISH.update(english)


def set_language(language: str) -> None:
    global _language
    _language = language


def shown(name: str) -> str:
    """``name`` as the UI shows it: WIPO's English name in the English UI when one is known."""
    return name if _language == "zh" else _ENGLISH.get(name, name)


#: A document language code as the UI names it: (Chinese UI, English UI).
LANGUAGES = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}


def language_name(code: str) -> str:
    """``zh`` → 中文 in the Chinese UI, Chinese in the English UI; unknown codes as they are."""
    pair = LANGUAGES.get(code)
    if pair is None:
        return code
    return pair[0] if _language == "zh" else pair[1]
