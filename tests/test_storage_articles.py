"""Saving and reading articles: dedup by content hash, FTS with normalized text, story links."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.core.arabic import index_text
from bot.core.article import ParsedArticle
from bot.ingest.articles import content_hash, read_article
from storage.articles import (
    article_id_for_hash,
    count_articles,
    get_article,
    save_article,
    story_sources,
)
from storage.search import fts_query

DATA = Path(__file__).parent / "data"
NOW = datetime(2024, 6, 21, 8, 0, tzinfo=UTC)


def article(title: str, body: str, *, source: str | None = None, hours: float = 0) -> ParsedArticle:
    return ParsedArticle(
        path=f"{title}.txt",
        title=title,
        published=NOW + timedelta(hours=hours),
        published_from="text",
        source=source,
        tags=("روسيا", "الناتو"),
        body=body,
        related=("خبر آخر",),
        language="ar",
    )


def owner(name: str, published: datetime) -> tuple[ParsedArticle, bytes]:
    path = next((DATA / "articles").glob(f"{name}*"))
    parsed = read_article(path)
    dated = parsed.model_copy(update={"published": published, "published_from": "text"})
    return dated, path.read_bytes()


def test_save_and_get_round_trip(db: Database) -> None:
    parsed = article(
        "وزير الخارجية يزور موسكو", "قال وزير الخارجية إن الزيارة ناجحة.", source="واس"
    )
    result = save_article(db, parsed, content_hash="h1", file_name="a.txt", now=NOW)
    assert result.is_new and not result.duplicate and result.story_id is not None
    stored = get_article(db, result.article_id)
    assert stored.title == parsed.title
    assert stored.body == parsed.body
    assert stored.published == parsed.published
    assert stored.published_from == "text"
    assert stored.source == "واس"
    assert stored.tags == ("روسيا", "الناتو")
    assert stored.related == ("خبر آخر",)
    assert stored.file_name == "a.txt"
    assert stored.content_hash == "h1"
    assert stored.ingested_at == NOW
    assert stored.story_id == result.story_id
    assert count_articles(db) == 1


def test_same_hash_is_a_duplicate(db: Database) -> None:
    parsed = article("عنوان", "نص الخبر هنا.")
    first = save_article(db, parsed, content_hash="same", file_name="a.txt", now=NOW)
    again = save_article(db, parsed, content_hash="same", file_name="b.txt", now=NOW)
    assert again.duplicate and not again.is_new
    assert again.article_id == first.article_id
    assert again.story_id == first.story_id
    assert count_articles(db) == 1
    assert article_id_for_hash(db, "same") == first.article_id
    assert article_id_for_hash(db, "other") is None


def test_fts_holds_index_text_not_raw_text(db: Database) -> None:
    parsed = article("والناتو يحذّر روسيا", "وقالت الحكومةُ اليابانية إن الخطر قائم.")
    result = save_article(db, parsed, content_hash="h", file_name="a.txt", now=NOW)
    title, body = db.execute(
        "SELECT title, body FROM articles_fts WHERE rowid = ?", [result.article_id]
    ).fetchone()
    assert title == index_text(parsed.title)
    assert body == index_text(parsed.body)
    hits = db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [fts_query("الناتو")]
    ).fetchall()
    assert hits == [(result.article_id,)]


def test_get_article_missing(db: Database) -> None:
    with pytest.raises(KeyError):
        get_article(db, 42)


def test_owner_pact_articles_form_one_story(db: Database) -> None:
    day = datetime(2024, 6, 20, tzinfo=UTC)
    results = {}
    for name, hours in (("000", 0), ("001", 1), ("002", 5), ("004", 6)):
        parsed, raw = owner(name, day + timedelta(hours=hours))
        results[name] = save_article(
            db, parsed, content_hash=content_hash(raw), file_name=f"{name}.txt", now=NOW
        )
    assert results["000"].story_id == results["002"].story_id
    assert len({results[n].story_id for n in ("000", "001", "004")}) == 3
    assert story_sources(db, results["000"].story_id or 0) == ["الأسبوع"]


def test_same_story_outside_the_window_is_a_new_story(db: Database) -> None:
    parsed, raw = owner("000", NOW)
    other, raw2 = owner("002", NOW + timedelta(days=5))
    a = save_article(db, parsed, content_hash=content_hash(raw), file_name="a", now=NOW)
    b = save_article(db, other, content_hash=content_hash(raw2), file_name="b", now=NOW)
    assert a.story_id != b.story_id


def test_story_sources_lists_each_source_once(db: Database) -> None:
    body = (
        "أعلنت وزارة الدفاع الروسية اليوم أن قواتها أسقطت طائرات مسيرة أوكرانية فوق مقاطعة "
        "بيلغورود الحدودية، وأن الدفاعات الجوية اعترضت صواريخ أطلقت من منطقة خاركيف."
    )
    ids = [
        save_article(
            db,
            article("روسيا تسقط مسيرات أوكرانية فوق بيلغورود", body + " " * i, source=src),
            content_hash=f"h{i}",
            file_name=f"f{i}.txt",
            now=NOW,
        )
        for i, src in enumerate(["واس", "رويترز", "واس", None])
    ]
    assert len({r.story_id for r in ids}) == 1
    assert story_sources(db, ids[0].story_id or 0) == ["واس", "رويترز"]


@pytest.mark.parametrize("undated_first", [True, False])
def test_undated_article_joins_story_by_arrival_time(db: Database, undated_first: bool) -> None:
    """An outlet that prints no date (002) still clusters with the dated report (000)."""
    dated, dated_raw = owner("000", datetime(2024, 6, 20, tzinfo=UTC))
    undated, undated_raw = owner("002", NOW)
    undated = undated.model_copy(update={"published_from": "mtime"})
    pair = [(undated, undated_raw), (dated, dated_raw)]
    if not undated_first:
        pair.reverse()
    stories = [
        save_article(db, p, content_hash=content_hash(raw), file_name=p.path, now=NOW).story_id
        for p, raw in pair
    ]
    assert stories[0] == stories[1]


def test_dated_articles_far_apart_do_not_join_by_arrival(db: Database) -> None:
    """Two dated reports of one text, a year apart, arriving together stay separate stories."""
    first, _ = owner("000", datetime(2024, 6, 20, tzinfo=UTC))
    second = first.model_copy(update={"published": datetime(2025, 6, 20, tzinfo=UTC)})
    a = save_article(db, first, content_hash="a", file_name="a.txt", now=NOW)
    b = save_article(db, second, content_hash="b", file_name="b.txt", now=NOW)
    assert a.story_id != b.story_id
