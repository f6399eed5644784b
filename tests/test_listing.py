from __future__ import annotations

from datetime import UTC

import pytest
from sqlite_utils import Database

from bot.chat.listing import render_view, suggest_broader
from storage.views import ViewKind, save_view
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


def _ids_shown(db: Database, kind: ViewKind, query: str) -> list[str]:
    shown = render_view(db, save_view(db, 1, kind, query), 1, lang="ar", zone=UTC).text
    return sorted(t for t in ("قمة الحلف", "اجتماع الناتو", "تدريبات") if t in shown)


@pytest.mark.parametrize(
    ("kind", "query"),
    [
        ("recent", "NATO"),
        ("recent", "الناتو"),
        ("recent", "حلف شمال الأطلسي"),
        ("search", "الناتو"),
        ("search", "حلف شمال الأطلسي"),
        ("search", "ماذا عن الناتو؟"),
    ],
)
def test_keyword_views_use_aliases(db: Database, kind: ViewKind, query: str) -> None:
    store(db, "قمة الحلف", "قال الأمين العام لحلف شمال الأطلسي إن القمة مهمة.")
    store(db, "اجتماع الناتو", "اجتمع وزراء الناتو في بروكسل.")
    store(db, "تدريبات", "تدريبات عسكرية في بحر البلطيق.")
    assert _ids_shown(db, kind, query) == ["اجتماع الناتو", "قمة الحلف"]


@pytest.mark.parametrize(
    ("kind", "query"),
    [("recent", "الطائرات المسيرة"), ("search", "الطائرات المسيرة"), ("recent", "drones")],
)
def test_keyword_views_use_forms_and_concepts(db: Database, kind: ViewKind, query: str) -> None:
    store(db, "هجوم", "أسقطت الدفاعات طائرتين مسيرتين فوق المدينة.")
    store(db, "غارة", "هاجمت طائرات بدون طيار موقعا عسكريا.")
    store(db, "احتجاج", "خرجت المسيرات الاحتجاجية في العاصمة.")
    shown = render_view(db, save_view(db, 1, kind, query), 1, lang="ar", zone=UTC).text
    assert "<b>طائرتين مسيرتين</b>" in shown and "<b>طائرات بدون طيار</b>" in shown
    assert "الاحتجاجية" not in shown


@pytest.mark.parametrize("kind", ["recent", "search"])
def test_keyword_views_find_what_alerts_find(db: Database, kind: ViewKind) -> None:
    """Forms beyond a concept's names (a verb, a homograph with its cue) and a topic tied to
    a place are found by the views as by the matcher."""
    store(db, "خبر أول", "وقالت إيران إن برنامجها النووي سلمي.")
    store(db, "خبر ثان", "اغتالت مجموعة مسلحة القيادي في الجنوب.")
    store(db, "خبر ثالث", "أسقطت الدفاعات الجوية مسيرة فوق المدينة.")
    store(db, "خبر رابع", "طورت كوريا الشمالية برنامجها النووي.")

    def shown(query: str) -> str:
        return render_view(db, save_view(db, 1, kind, query), 1, lang="ar", zone=UTC).text

    assert "<b>برنامجها النووي</b>" in shown("البرنامج النووي الإيراني")
    assert "كوريا" not in shown("البرنامج النووي الإيراني")
    assert "<b>اغتالت</b>" in shown("الاغتيالات")
    assert "<b>مسيرة</b>" in shown("الطائرات المسيرة")


def test_free_text_search_stays_word_by_word(db: Database) -> None:
    store(db, "زيارة", "زار الوزير بغداد ثم توجه إلى أربيل.")
    shown = render_view(db, save_view(db, 1, "search", "بغداد أربيل"), 1, lang="ar", zone=UTC)
    assert "زيارة" in shown.text
