from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.match.following import (
    find_subscription,
    plan_follow,
    preview,
    split_keywords,
    watch_terms,
)
from bot.match.matching import parse_query
from storage.search import ArticleHit


@dataclass(frozen=True)
class Sub:
    id: int
    query: str


def art(n: int, title: str, body: str) -> ArticleHit:
    return ArticleHit(id=n, title=title, body=body, source=None, published=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الناتو", ["الناتو"]),
        ("الناتو\nكوريا الشمالية", ["الناتو", "كوريا الشمالية"]),
        ("الناتو، إيران ,  روسيا", ["الناتو", "إيران", "روسيا"]),
        ('"كوريا، الشمالية"، إيران', ['"كوريا، الشمالية"', "إيران"]),
        ("روسيا + اليابان", ["روسيا + اليابان"]),
        ("\n ، \n", []),
        ('"غير مغلق\nإيران', ['"غير مغلق', "إيران"]),
    ],
)
def test_split_keywords(text: str, expected: list[str]) -> None:
    assert split_keywords(text) == expected


def test_plan_adds_new_and_reports_the_rest() -> None:
    existing = [Sub(1, "الناتو"), Sub(2, "إيران")]
    plan = plan_follow('كوريا الشمالية\nإيران\nحلف شمال الأطلسي\n"\nروسيا\nروسيا', existing, 50)
    assert [q.text for q in plan.add] == ["كوريا الشمالية", "روسيا"]
    assert plan.duplicates == ("إيران", "روسيا")  # the second «روسيا» repeats the first
    assert plan.near_duplicates == (("حلف شمال الأطلسي", "الناتو"),)
    assert [keyword for keyword, _ in plan.invalid] == ['"']


@pytest.mark.parametrize(
    ("keyword", "code"),
    [("-الصين", "only_exclusions"), ("x" * 101, "too_long"), ("!!!", "no_letters")],
)
def test_plan_reports_invalid_keywords_with_their_code(keyword: str, code: str) -> None:
    plan = plan_follow(keyword, [], 50)
    assert plan.add == () and plan.invalid == ((keyword, code),)


def test_plan_respects_the_limit() -> None:
    existing = [Sub(i, f"كلمة{i}") for i in range(3)]
    plan = plan_follow("الناتو، إيران، روسيا", existing, 4)
    assert [q.text for q in plan.add] == ["الناتو"]
    assert plan.over_limit == ("إيران", "روسيا") and plan.limit == 4
    full = plan_follow("الناتو", [*existing, Sub(9, "x1")], 4)
    assert full.add == () and full.over_limit == ("الناتو",)


SUBS = [Sub(1, "الناتو"), Sub(2, "كوريا الشمالية"), Sub(3, "ستولتنبرغ"), Sub(4, "الصواريخ -إيران")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الناتو", 1),
        ("ناتو", 1),  # without the article
        ("حلف شمال الأطلسي", 1),  # alias of the same entity
        ("كوريا الشماليه", 2),  # teh marbuta written as heh
        ("ستولتنبرج", 3),  # another transliteration
        ("الصواريخ -إيران", 4),
        ("الصواريخ -ايران", 4),
        ("اليابان", None),
        ("!!", None),
    ],
)
def test_find_subscription_tolerates_variants(text: str, expected: int | None) -> None:
    found = find_subscription(text, SUBS)
    assert (found.id if found else None) == expected


def test_watch_terms_include_aliases_not_exclusions() -> None:
    terms = watch_terms(parse_query("الناتو -روسيا"))
    assert terms[0] == "الناتو" and "حلف شمال الأطلسي" in terms
    assert not any(t.startswith("-") for t in terms)


def test_preview_counts_matches_and_keeps_the_newest() -> None:
    articles = [
        art(1, "الناتو يجتمع", "نص."),
        art(2, "خبر", "قال حلف شمال الأطلسي إنه سيجتمع."),
        art(3, "اليابان", "لا شيء هنا."),
        art(4, "والناتو أيضاً", "نص."),
    ]
    count, newest = preview(parse_query("الناتو"), articles)
    assert count == 3 and newest == articles[:2]
