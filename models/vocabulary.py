"""The document's fixed vocabulary, shared by the importer (data/) and the reader (models/, ui/).

Pure constants: importing this module costs nothing and pulls in nothing else.
"""

from __future__ import annotations

#: The edition the bundled database holds (document symbol, language).
EDITION: tuple[str, str] = ("CDIP/33/2", "zh")
#: Version of the content database's schema (PRAGMA user_version); bump it with docs/schema.md.
CONTENT_SCHEMA_VERSION = 2
#: Development Agenda recommendations (Annex I covers all of them, numbered 1..RECOMMENDATIONS).
RECOMMENDATIONS = 45

#: Section keys in display order, with the name the document prints for each (citations use it).
#: ``text`` is the recommendation's own wording; the four middle ones are Annex I's labelled rows.
SECTION_NAMES: dict[str, str] = {
    "text": "案文",
    "sectors": "相关产权组织部门",
    "implementation": "落实工作",
    "highlights": "亮点",
    "activities": "活动/成果",
    "footnotes": "脚注",
    "progress": "进展",
}
SECTIONS: tuple[str, ...] = tuple(SECTION_NAMES)
#: The labelled rows of an Annex I entry, in the order the document prints them.
ENTRY_SECTIONS: tuple[str, ...] = ("sectors", "implementation", "highlights", "activities")

#: A document symbol as stored and shown (``CDIP/18/6``, ``WO/GA/55/12``); links and print use it.
DOC_SYMBOL_PATTERN = r"(?<![A-Za-z0-9/])[A-Z]{2,}(?:/[A-Z]{1,8})*/\d{1,3}(?:/[A-Z0-9]{1,8})*(?![A-Za-z0-9])"
