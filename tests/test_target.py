"""models.target: the one string form of a place in the document, parsed and built in one place."""

from __future__ import annotations

import pytest

from models.target import Target


@pytest.mark.parametrize("text", ["rec:6", "review:3", "cover", "overview"])
def test_target_round_trips_its_string_form(text: str) -> None:
    assert str(Target.parse(text)) == text


def test_target_kinds_and_bookmark_keys() -> None:
    assert Target.parse("rec:6") == Target.rec(6) and Target.rec(6).bookmark_key == ("recommendation", 6)
    assert Target.parse("review:3").bookmark_key == ("review", 3)
    assert Target.from_bookmark("review", 3) == Target.review(3)
    assert Target.parse("rec:6").is_rec and not Target.parse("review:3").is_rec
    for page in ("cover", "overview", "", "rec:", "rec:x", "rec:99999999"):
        assert not Target.parse(page).is_entry and Target.parse(page).bookmark_key is None
