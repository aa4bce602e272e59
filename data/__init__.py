"""Source text and the importer that turns it into the bundled SQLite database."""
