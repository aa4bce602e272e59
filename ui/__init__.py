"""Widgets only. Each module holds one main widget; none of them runs SQL."""
