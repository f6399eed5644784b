from __future__ import annotations

from datetime import UTC

import pytest
from sqlite_utils import Database

from bot.chat.listing import render_view, suggest_broader
from storage.views import save_view
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


@pytest.mark.parametrize("query", ["ماذا عن الناتو؟", "آخر أخبار الناتو في بروكسل"])
def test_search_page_shows_the_subject_not_function_words(db: Database, query: str) -> None:
    # «في» and «عن» open the body; the snippet must be about «الناتو», far below.
    body = (
        "اجتمع القادة في مدريد وتحدثوا عن الطقس. " * 30
        + "ثم قال الأمين العام إن الناتو باق في بروكسل."
    )
    store(db, "قمة", body)
    shown = render_view(db, save_view(db, 1, "search", query), 1, lang="ar", zone=UTC).text
    assert "<b>الناتو</b>" in shown
    assert "<b>في</b>" not in shown and "<b>عن</b>" not in shown
