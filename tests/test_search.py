from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from bot.core.article import ParsedArticle
from storage.articles import save_article
from storage.search import (
    articles_since,
    candidates_for_forms,
    forms_query,
    fts_query,
    recent_for_chat,
    recent_for_terms,
    search_articles,
)
from storage.views import KEEP_PER_CHAT, get_view, save_view

NOW = datetime(2024, 6, 20, 12, 0, tzinfo=UTC)


def store(db: Database, title: str, body: str, published: datetime | None = NOW) -> int:
    """An article saved as the inbox saves it (row, full-text entry, story)."""
    parsed = ParsedArticle(
        path="x.txt",
        title=title,
        published=published,
        published_from="text" if published else "mtime",
        source="المصدر",
        body=body,
        language="ar",
    )
    digest = f"{title}|{body}|{published}"
    return save_article(db, parsed, content_hash=digest, file_name="x.txt", now=NOW).article_id


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("الناتو", '("الناتو"* OR "ناتو")'),
        ("والناتو", '("والناتو"* OR "ناتو")'),
        ("كوريا الشمالية", '("كوريا"* OR "وريا") AND ("الشماليه"* OR "شماليه")'),
        ('NOT "x" NEAR', '"not"* AND "x" AND "near"*'),
        # Only function words: searched as typed, still quoted.
        ("OR AND", '"or" AND "and"*'),
        ("؟!", None),
    ],
)
def test_fts_query_quotes_terms(query: str, expected: str | None) -> None:
    assert fts_query(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ماذا عن الناتو؟", '("الناتو"* OR "ناتو")'),
        ("آخر أخبار كوريا الشمالية", '("كوريا"* OR "وريا") AND ("الشماليه"* OR "شماليه")'),
        ("what about NATO", '"nato"*'),
        ("ما هي أخبار الناتو", '("الناتو"* OR "ناتو")'),
        ("هل من جديد في إيران", '"ايران"*'),
        ("فماذا عن الناتو", '("الناتو"* OR "ناتو")'),
        ("متى وأين", '"متي"* AND ("واين"* OR "اين")'),
        ("ماذا", '"ماذا"*'),
    ],
)
def test_fts_query_drops_question_and_function_words(query: str, expected: str) -> None:
    assert fts_query(query) == expected


@pytest.mark.parametrize(
    "query",
    ["ماذا عن الناتو؟", "آخر أخبار الناتو", "what about NATO?", "ما هي أخبار الناتو في بروكسل"],
)
def test_search_with_question_words_finds_the_subject(db: Database, query: str) -> None:
    wanted = store(db, "الناتو NATO يجتمع في بروكسل", "اجتمع قادة الحلف.")
    store(db, "اليابان", "لا علاقة لهذا الخبر.")
    assert [h.id for h in search_articles(db, query, limit=5).hits] == [wanted]
    assert [h.id for h in recent_for_terms(db, query, limit=5).hits] == [wanted]


def test_search_is_normalized_and_ranked(db: Database) -> None:
    body_only = store(db, "قمة في مدريد", "قال الأمين العام إن الناتو سيعزز دفاعاته.")
    in_title = store(db, "الناتو يعزز دفاعاته", "اجتمع قادة الحلف في بروكسل.")
    store(db, "اليابان", "لا علاقة لهذا الخبر.")
    page = search_articles(db, "والنّاتو", limit=5)
    assert [h.id for h in page.hits] == [in_title, body_only]
    assert page.total == 2
    assert page.hits[0].published == NOW


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("أعلنت بكوريا الشمالية حالة التأهب", "كوريا الشمالية"),
        ("وصلت الصواريخ إلى كوريا الشمالية", "بكوريا"),
        ("صدر كتاب جديد عن الحرب", "الكتاب"),
        ("قال الأمين العام للناتو", "والناتو"),
        ("قال الأمين العام للناتو", "ناتو"),
    ],
)
def test_search_finds_clitic_variants(db: Database, stored: str, query: str) -> None:
    wanted = store(db, "خبر", stored)
    store(db, "تابع", "تابعت اللجنة أعمالها في وريا")
    assert [h.id for h in search_articles(db, query, limit=5).hits] == [wanted]


def test_search_pages_and_prefixes(db: Database) -> None:
    ids = [store(db, f"خبر {i}", "تجربة صاروخية جديدة.") for i in range(7)]
    first = search_articles(db, "صاروخ", limit=5)
    second = search_articles(db, "صاروخ", limit=5, offset=5)
    assert first.total == second.total == 7
    assert {h.id for h in first.hits + second.hits} == set(ids)
    # A page past the end (a button pressed after the list shrank) keeps the true total.
    for past in (search_articles, recent_for_terms):
        beyond = past(db, "صاروخ", limit=5, offset=490)
        assert beyond.hits == () and beyond.total == 7


def test_search_without_terms_is_empty(db: Database) -> None:
    store(db, "الناتو", "الناتو.")
    assert search_articles(db, "...", limit=5).total == 0
    assert search_articles(db, "المريخ", limit=5).hits == ()


def test_recent_for_terms_is_newest_first(db: Database) -> None:
    old = store(db, "الناتو قديماً", "نص.", NOW - timedelta(days=3))
    new = store(db, "الناتو حديثاً", "نص.", NOW)
    undated = store(db, "الناتو بلا تاريخ", "نص.", None)  # falls back to ingested_at (NOW)
    page = recent_for_terms(db, "الناتو", limit=5)
    assert [h.id for h in page.hits][-1] == old
    assert set(h.id for h in page.hits[:2]) == {new, undated}


def test_recent_for_chat_lists_each_matched_article_once(db: Database) -> None:
    # Newest news first: the article's own date decides, not when it matched.
    first = store(db, "أ", "نص.", NOW)
    second = store(db, "ب", "نص.", NOW - timedelta(days=1))
    db.table("chats").insert({"id": 1, "created_at": "t", "updated_at": "t"})
    for sub_id, query in ((1, "x"), (2, "y")):
        db.table("subscriptions").insert(
            {"id": sub_id, "chat_id": 1, "query": query, "query_key": query, "created_at": "t"}
        )
    for article, sub, at in (
        (first, 1, "2024-01-01"),
        (first, 2, "2024-01-03"),
        (second, 1, "2024-01-02"),
    ):
        db.table("matches").insert(
            {
                "article_id": article,
                "subscription_id": sub,
                "chat_id": 1,
                "matched": "x",
                "sentence": "s",
                "score": 1.0,
                "created_at": at,
            }
        )
    page = recent_for_chat(db, 1, limit=5)
    assert [h.id for h in page.hits] == [first, second] and page.total == 2
    assert [h.keywords for h in page.hits] == [("x", "y"), ("x",)]
    assert recent_for_chat(db, 2, limit=5).total == 0


def test_articles_since_filters_by_date_and_any_term(db: Database) -> None:
    store(db, "الناتو", "نص.", NOW - timedelta(days=10))
    recent = store(db, "حلف شمال الأطلسي", "نص.", NOW - timedelta(days=1))
    other = store(db, "الناتو اليوم", "نص.", NOW)
    hits = articles_since(db, NOW - timedelta(days=7), ["الناتو", "حلف شمال الأطلسي"])
    assert [h.id for h in hits] == [other, recent]
    assert articles_since(db, NOW, ["..."]) == []


def test_views_are_per_chat_and_pruned(db: Database) -> None:
    view = save_view(db, 5, "search", "الناتو")
    assert get_view(db, view.id, 5) == view
    assert get_view(db, view.id, 6) is None  # a forwarded button cannot read another chat's view
    for _ in range(KEEP_PER_CHAT):
        save_view(db, 5, "list")
    assert get_view(db, view.id, 5) is None


def test_hits_say_whether_the_date_is_the_articles_own(db: Database) -> None:
    dated = store(db, "الناتو يجتمع", "اجتماع للحلف.")
    undated = store(db, "الناتو يحذر", "تحذير من الحلف.", published=None)
    hits = {h.id: h.dated for h in search_articles(db, "الناتو", limit=5).hits}
    assert hits == {dated: True, undated: False}


def test_recent_for_chat_orders_by_the_articles_own_date_then_arrival(db: Database) -> None:
    """Matched in one order (as a backfill would), listed by the news' own dates; an article
    without a date of its own counts from its arrival (NOW), not its file's time."""
    dates = [
        datetime(2015, 8, 3, tzinfo=UTC),
        datetime(2015, 8, 10, tzinfo=UTC),
        None,
        datetime(2015, 7, 21, tzinfo=UTC),
        datetime(2015, 7, 31, tzinfo=UTC),
    ]
    ids = [store(db, f"عنوان {n}", f"نص رقم {n}.", date) for n, date in enumerate(dates)]
    db.table("chats").insert({"id": 1, "created_at": "t", "updated_at": "t"})
    db.table("subscriptions").insert(
        {"id": 1, "chat_id": 1, "query": "الناتو", "query_key": "ناتو", "created_at": "t"}
    )
    for n, article in enumerate(ids):
        db.table("matches").insert(
            {
                "article_id": article,
                "subscription_id": 1,
                "chat_id": 1,
                "matched": "الناتو",
                "sentence": "s",
                "score": 1.0,
                "created_at": f"2024-01-0{n + 1}",
            }
        )
    first = recent_for_chat(db, 1, limit=3)
    second = recent_for_chat(db, 1, limit=3, offset=3)
    assert [h.id for h in first.hits + second.hits] == [ids[2], ids[1], ids[0], ids[4], ids[3]]
    assert {h.keywords for h in first.hits + second.hits} == {("الناتو",)}


def test_candidates_for_forms_find_every_form_since_a_date(db: Database) -> None:
    from bot.match.following import search_forms
    from bot.match.matching import parse_query

    recent = store(db, "إطلاق", "أطلقت كوريا صاروخا باليستيا جديدا.")
    plural = store(db, "تجارب", "تجارب على صواريخ بالستية.")
    store(db, "قديم", "صواريخ باليستية قديمة.", published=NOW - timedelta(days=30))
    store(db, "طقس", "أمطار غزيرة على العاصمة.")
    forms = search_forms(parse_query("الصواريخ الباليستية"))
    found = candidates_for_forms(db, forms, since=NOW - timedelta(days=7))
    assert {hit.id for hit in found} == {recent, plural}
    assert forms_query([[["x"]]]) is None  # shorter than an index prefix
