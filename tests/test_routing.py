"""Routing new articles: one alert per chat and story, parked for inactive chats."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import Decision
from bot.deliver.routing import (
    alert_key,
    route_articles,
    route_pending,
)
from bot.match.matching import Match
from storage import chats, outbox, subscriptions
from storage.articles import StoredArticle, unrouted_article_ids
from storage.chats import Chat
from tests.helpers import Article, Found

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


class Index:
    def __init__(self, queries: dict[int, str]) -> None:
        self.queries = queries

    def match(self, title: str, body: str) -> Sequence[Match]:
        return [Found(i, q, body, 1.0) for i, q in self.queries.items() if q in title + body]


ARTICLES = {
    1: Article(1, "قمة الناتو", "اجتمع الناتو وبحث إيران", 10),
    2: Article(2, "الناتو مجددا", "مصدر آخر عن القمة: الناتو", 10),  # same story, other source
    3: Article(3, "إيران", "خبر عن إيران", None),
}


def load(db: Database, article_id: int) -> StoredArticle:
    return ARTICLES[article_id]


def render(article: StoredArticle, matches: Sequence[Match], chat: Chat) -> OutgoingMessage:
    words = ",".join(sorted(m.matched for m in matches))
    return OutgoingMessage(text=f"{article.title}|{words}|{chat.id}")


@pytest.fixture
def world(db: Database) -> Index:
    for story in (10,):
        db.table("stories").insert({"id": story, "created_at": NOW.isoformat()})
    for article in ARTICLES.values():
        db.table("articles").insert(
            {
                "id": article.id,
                "content_hash": str(article.id),
                "file_name": f"{article.id}.txt",
                "title": article.title,
                "published_from": "text",
                "body": article.body,
                "language": "ar",
                "ingested_at": NOW.isoformat(),
                "story_id": article.story_id,
            }
        )
    queries: dict[int, str] = {}
    for chat_id, query in [(1, "الناتو"), (1, "إيران"), (2, "الناتو"), (3, "إيران")]:
        chats.upsert_chat(db, chat_id, now=NOW)
        sub = subscriptions.add_subscription(db, chat_id, query, query, now=NOW)
        queries[sub.id] = query
    return Index(queries)


def test_one_alert_per_chat_with_all_its_matches(db: Database, world: Index) -> None:
    report = route_articles(db, [1], index=world, load_article=load, render=render, now=NOW)
    assert (report.matches, report.queued) == (4, 3)
    assert [i.payload.text for i in outbox.items_for_chat(db, 1)] == ["قمة الناتو|إيران,الناتو|1"]
    assert [i.dedup_key for i in outbox.items_for_chat(db, 2)] == ["story:10"]
    assert db["matches"].count == 4


def test_the_same_story_from_another_source_alerts_once(db: Database, world: Index) -> None:
    route_articles(db, [1], index=world, load_article=load, render=render, now=NOW)
    report = route_articles(db, [2], index=world, load_article=load, render=render, now=NOW)
    assert (report.queued, report.already_alerted) == (0, 2)
    assert db["outbox"].count == 3
    assert db["matches"].count == 6  # the second source's matches are still recorded


def test_article_without_story_uses_its_own_key(db: Database, world: Index) -> None:
    route_articles(db, [3], index=world, load_article=load, render=render, now=NOW)
    assert {i.dedup_key for i in outbox.items_for_chat(db, 3)} == {"article:3"}
    assert alert_key(ARTICLES[1]) == "story:10"


def test_inactive_chat_gets_a_parked_alert(db: Database, world: Index) -> None:
    chats.deactivate_chat(db, 2, "Forbidden: bot was blocked by the user", now=NOW)
    report = route_articles(db, [1], index=world, load_article=load, render=render, now=NOW)
    assert (report.queued, report.parked) == (2, 1)
    [parked] = outbox.items_for_chat(db, 2)
    assert parked.status == "parked"
    assert parked.last_error == "chat inactive: Forbidden: bot was blocked by the user"


def test_a_render_error_costs_only_that_chat(db: Database, world: Index) -> None:
    def fragile(article: StoredArticle, matches: Sequence[Match], chat: Chat) -> OutgoingMessage:
        if chat.id == 1:
            raise ValueError("renderer bug")
        return render(article, matches, chat)

    report = route_articles(db, [1], index=world, load_article=load, render=fragile, now=NOW)
    assert (report.queued, report.render_errors) == (2, 1)
    assert db["matches"].count == 4  # every match is still recorded


def test_a_subscription_removed_meanwhile_is_skipped(db: Database, world: Index) -> None:
    subscriptions.remove_subscription(db, 2, "الناتو")
    report = route_articles(db, [1], index=world, load_article=load, render=render, now=NOW)
    assert report.queued == 2 and outbox.items_for_chat(db, 2) == []


def test_each_alert_records_the_subscriptions_that_produced_it(db: Database, world: Index) -> None:
    route_articles(db, [1], index=world, load_article=load, render=render, now=NOW)
    ids = {sub.query: sub.id for sub in subscriptions.list_subscriptions(db, 1)}
    recorded = dict(db.execute("SELECT chat_id, subscription_ids FROM outbox").fetchall())
    assert json.loads(recorded[1]) == sorted([ids["الناتو"], ids["إيران"]])
    [nato_2] = subscriptions.list_subscriptions(db, 2)
    assert json.loads(recorded[2]) == [nato_2.id]


def test_a_dropped_alert_is_counted_and_logged(
    db: Database, world: Index, caplog: pytest.LogCaptureFixture
) -> None:
    def expired_for_chat_2(
        db: Database, chat: Chat, subscription_ids: Sequence[int], now: datetime
    ) -> Decision:
        return Decision("drop") if chat.id == 2 else Decision("send")

    with caplog.at_level(logging.INFO, logger="bot.deliver.routing"):
        report = route_articles(
            db,
            [1],
            index=world,
            load_article=load,
            render=render,
            now=NOW,
            policy=expired_for_chat_2,
        )
    assert (report.queued, report.dropped) == (2, 1)
    assert outbox.items_for_chat(db, 2) == []
    assert any("chat 2" in r.getMessage() and "expired" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    ("published", "origin", "pushed"),
    [
        (datetime(2025, 2, 28, 9, 0, tzinfo=UTC), "text", True),  # a day old
        (datetime(2025, 1, 20, 9, 0, tzinfo=UTC), "text", False),  # 40 days old
        (datetime(2015, 8, 10, tzinfo=UTC), "text", False),
        (datetime(2015, 8, 10, tzinfo=UTC), "mtime", True),  # no date of its own: news now
        (None, "text", True),
    ],
)
def test_old_news_is_recorded_but_not_pushed(
    db: Database,
    world: Index,
    published: datetime | None,
    origin: str,
    pushed: bool,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from datetime import timedelta

    article = ARTICLES[3].model_copy(update={"published": published, "published_from": origin})
    with caplog.at_level(logging.INFO, logger="bot.deliver.routing"):
        report = route_articles(
            db,
            [3],
            index=world,
            load_article=lambda _db, _id: article,
            render=render,
            now=NOW,
            max_age=timedelta(days=3),
        )
    assert report.matches == 2  # /recent lists it either way
    assert db["matches"].count == 2
    assert (report.queued, report.too_old) == ((2, 0) if pushed else (0, 1))
    if not pushed:
        assert "older than the alert age limit" in caplog.text


def outbox_rows(db: Database) -> list[tuple[int, str]]:
    return [(r["chat_id"], r["dedup_key"]) for r in db.query("SELECT * FROM outbox ORDER BY id")]


@pytest.mark.parametrize("batch", [1, 2, 200])
def test_route_pending_routes_every_unrouted_article_once(
    db: Database, world: Index, batch: int
) -> None:
    """Stored but never routed (the process died in between): routed now, whatever the batch;
    a second run (or a restart) queues nothing again."""
    assert unrouted_article_ids(db) == [1, 2, 3]
    first = route_pending(db, index=world, load_article=load, render=render, now=NOW, batch=batch)
    assert (first.articles, first.queued, first.already_alerted) == (3, 5, 2)
    assert unrouted_article_ids(db) == []
    rows = outbox_rows(db)
    assert sorted(rows) == [
        (1, "article:3"),
        (1, "story:10"),
        (2, "story:10"),
        (3, "article:3"),
        (3, "story:10"),
    ]
    again = route_pending(db, index=world, load_article=load, render=render, now=NOW)
    assert again.articles == 0
    assert outbox_rows(db) == rows


def test_articles_routed_by_id_are_not_routed_again(db: Database, world: Index) -> None:
    route_articles(db, [1, 3], index=world, load_article=load, render=render, now=NOW)
    assert unrouted_article_ids(db) == [2]
    report = route_pending(db, index=world, load_article=load, render=render, now=NOW)
    assert (report.articles, report.queued, report.already_alerted) == (1, 0, 2)
    assert unrouted_article_ids(db) == []


def test_routing_an_article_twice_queues_nothing_twice(db: Database, world: Index) -> None:
    """A crash after the outbox commit cannot leave an article unrouted (one transaction),
    but even routing it again by id adds no row: the dedup keys and match pairs hold."""
    route_articles(db, [1, 2, 3], index=world, load_article=load, render=render, now=NOW)
    rows = outbox_rows(db)
    matches = db.execute("SELECT COUNT(*) FROM matches").fetchone()[0]
    again = route_articles(db, [1, 2, 3], index=world, load_article=load, render=render, now=NOW)
    assert again.queued == 0
    assert outbox_rows(db) == rows
    assert db.execute("SELECT COUNT(*) FROM matches").fetchone()[0] == matches


def test_a_failed_outbox_write_leaves_the_article_unrouted(db: Database, world: Index) -> None:
    """The mark and the alerts are one transaction: when queuing fails, neither is kept."""
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'x'); END")
    with pytest.raises(sqlite3.IntegrityError):
        route_articles(db, [1], index=world, load_article=load, render=render, now=NOW)
    assert unrouted_article_ids(db) == [1, 2, 3]
    assert db.execute("SELECT COUNT(*) FROM matches").fetchone()[0] == 0
    db.execute("DROP TRIGGER refuse")
    report = route_pending(db, index=world, load_article=load, render=render, now=NOW)
    assert report.queued == 5


def test_a_matcher_bug_on_one_article_does_not_hold_back_the_others(
    db: Database, world: Index, caplog: pytest.LogCaptureFixture
) -> None:
    def fragile(db: Database, article_id: int) -> StoredArticle:
        if article_id == 2:
            raise ValueError("parser bug")
        return ARTICLES[article_id]

    report = route_pending(db, index=world, load_article=fragile, render=render, now=NOW)
    assert (report.articles, report.failed, report.queued) == (3, 1, 5)
    assert unrouted_article_ids(db) == []
    assert any("article 2" in r.getMessage() for r in caplog.records)
