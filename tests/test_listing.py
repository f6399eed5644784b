from __future__ import annotations

import pytest
from sqlite_utils import Database

from bot.listing import suggest_broader
from tests.test_search import store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # «في» is in every article, but a function word is no suggestion.
        ("في الناتو والمريخ", "الناتو"),
        ("ماذا عن الناتو والمريخ؟", "الناتو"),
        ("في المريخ", None),
        ("عن في", None),
    ],
)
def test_suggest_broader_skips_function_words(
    db: Database, query: str, expected: str | None
) -> None:
    store(db, "الناتو في بروكسل", "اجتمع القادة في بروكسل.")
    store(db, "قمة في مدريد", "اجتمع القادة في مدريد.")
    store(db, "اليابان", "زلزال في طوكيو.")
    assert suggest_broader(db, query) == expected
