"""Everything that is not a widget: content repository, search, bookmarks, item models."""
