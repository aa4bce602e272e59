"""Everything that is not a widget: content repository, search, bookmarks, item models."""

from models import qt_compat as _qt_compat  # noqa: E402,F401  (PySide6 6.12 None refcount bug on 3.11)
