"""The outbox and chat storage: dedup, one-transaction recording, claims, parking, migration."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from storage import chats, outbox, subscriptions
from storage.outbox import MatchRecord, NewAlert

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def message(text: str = "تنبيه") -> OutgoingMessage:
    return OutgoingMessage(text=text)


def add_article(db: Database, article_id: int, story_id: int | None = None) -> None:
    if story_id is not None and not db["stories"].count_where("id = ?", [story_id]):
        db.table("stories").insert({"id": story_id, "created_at": NOW.isoformat()})
    db.table("articles").insert(
        {
            "id": article_id,
            "content_hash": f"h{article_id}",
            "file_name": f"{article_id}.txt",
            "title": "عنوان",
            "published_from": "text",
            "body": "نص",
            "language": "ar",
            "ingested_at": NOW.isoformat(),
            "story_id": story_id,
        }
    )


def test_enqueue_is_unique_per_chat_and_dedup_key(db: Database) -> None:
    first = outbox.enqueue(db, NewAlert(1, "story:5", message()), now=NOW)
    again = outbox.enqueue(db, NewAlert(1, "story:5", message("other")), now=NOW)
    other_chat = outbox.enqueue(db, NewAlert(2, "story:5", message()), now=NOW)
    assert first is not None and other_chat is not None and again is None
    assert outbox.counts(db)["pending"] == 2
    item = outbox.get_item(db, first)
    assert item is not None and item.payload.text == "تنبيه"


def test_record_alerts_is_one_transaction(db: Database) -> None:
    chats.upsert_chat(db, 1, now=NOW)
    sub = subscriptions.add_subscription(db, 1, "الناتو", "ناتو", now=NOW)
    add_article(db, 10, story_id=3)
    good = MatchRecord(10, sub.id, 1, "الناتو", "اجتمع الناتو", 1.0)
    broken = MatchRecord(999, sub.id, 1, "x", "x", 1.0)  # no such article: FK violation
    with pytest.raises(sqlite3.IntegrityError):
        outbox.record_alerts(
            db, [good, broken], [NewAlert(1, "story:3", message(), 3, 10)], now=NOW
        )
    assert db["matches"].count == 0 and db["outbox"].count == 0  # neither half was kept
    created = outbox.record_alerts(db, [good], [NewAlert(1, "story:3", message(), 3, 10)], now=NOW)
    assert len(created) == 1 and created[0] is not None and db["matches"].count == 1
    # The same story again (another source): the match is kept, no second alert.
    add_article(db, 11, story_id=3)
    again = MatchRecord(11, sub.id, 1, "الناتو", "الناتو", 0.9)
    assert outbox.record_alerts(
        db, [again], [NewAlert(1, "story:3", message(), 3, 11)], now=NOW
    ) == [None]
    assert db["matches"].count == 2 and db["outbox"].count == 1


def test_due_items_oldest_per_chat_and_claim_lifecycle(db: Database) -> None:
    ids = [
        outbox.enqueue(db, NewAlert(chat, key, message()), now=NOW)
        for chat, key in [(1, "a"), (1, "b"), (2, "a")]
    ]
    due = outbox.due_items(db, now=NOW)
    assert [(i.chat_id, i.dedup_key) for i in due] == [(1, "a"), (2, "a")]
    assert outbox.claim(db, due[0].id, now=NOW)
    assert not outbox.claim(db, due[0].id, now=NOW)  # already sending
    outbox.mark_sent(db, due[0].id, 77, now=NOW)
    outbox.claim(db, due[1].id, now=NOW)
    outbox.reschedule(db, due[1].id, at=NOW + timedelta(seconds=30), error="NetworkError: x")
    assert [i.dedup_key for i in outbox.due_items(db, now=NOW)] == ["b"]
    assert outbox.next_due_at(db) == NOW
    sent = outbox.get_item(db, ids[0] or 0)
    assert sent is not None and sent.status == "sent" and sent.telegram_message_id == 77
    retry = outbox.get_item(db, ids[2] or 0)
    assert retry is not None and retry.attempts == 1 and retry.last_error == "NetworkError: x"


def test_recover_in_flight_after_a_crash(db: Database) -> None:
    item_id = outbox.enqueue(db, NewAlert(1, "a", message()), now=NOW)
    assert item_id is not None and outbox.claim(db, item_id, now=NOW)
    assert outbox.due_items(db, now=NOW) == []
    assert outbox.recover_in_flight(db, now=NOW) == 1
    assert [i.id for i in outbox.due_items(db, now=NOW)] == [item_id]


def test_unreadable_payload_is_failed_with_reason(db: Database) -> None:
    db.table("outbox").insert(
        {
            "chat_id": 1,
            "dedup_key": "x",
            "payload": "{}",
            "next_attempt_at": NOW.isoformat(),
            "created_at": NOW.isoformat(),
        }
    )
    assert outbox.due_items(db, now=NOW) == []
    row = next(iter(db["outbox"].rows))
    assert row["status"] == "failed" and row["last_error"].startswith("unreadable payload")


def test_deactivate_parks_and_reactivate_unparks_recent_alerts(db: Database) -> None:
    chats.upsert_chat(db, 1, now=NOW)
    subscriptions.add_subscription(db, 1, "الناتو", "ناتو", now=NOW)
    old = outbox.enqueue(db, NewAlert(1, "old", message()), now=NOW - timedelta(days=5))
    new = outbox.enqueue(db, NewAlert(1, "new", message()), now=NOW)
    assert chats.deactivate_chat(db, 1, "Forbidden: bot was blocked by the user", now=NOW) == 2
    chat = chats.get_chat(db, 1)
    assert chat is not None and not chat.active and chat.inactive_reason is not None
    assert len(subscriptions.list_subscriptions(db, 1)) == 1  # kept
    assert outbox.due_items(db, now=NOW) == []
    assert chats.reactivate_chat(db, 1, now=NOW, max_age=timedelta(hours=48)) == 1
    statuses = {i.id: i.status for i in outbox.items_for_chat(db, 1)}
    assert statuses == {old: "expired", new: "pending"}
    chat = chats.get_chat(db, 1)
    assert chat is not None and chat.active


def test_migrate_moves_chat_subscriptions_and_undelivered_alerts(db: Database) -> None:
    chats.upsert_chat(db, -5, kind="group", title="g", now=NOW)
    subscriptions.add_subscription(db, -5, "الناتو", "ناتو", now=NOW)
    sent = outbox.enqueue(db, NewAlert(-5, "s1", message()), now=NOW)
    pending = outbox.enqueue(db, NewAlert(-5, "s2", message()), now=NOW)
    assert sent is not None and pending is not None
    outbox.claim(db, sent, now=NOW)
    outbox.mark_sent(db, sent, 1, now=NOW)
    outbox.claim(db, pending, now=NOW)  # in flight when Telegram said "migrated"
    assert chats.migrate_chat_id(db, -5, -1005, now=NOW) == 1
    assert chats.get_chat(db, -5) is None
    moved = chats.get_chat(db, -1005)
    assert moved is not None and moved.kind == "supergroup"
    assert [s.query for s in subscriptions.list_subscriptions(db, -1005)] == ["الناتو"]
    assert [(i.dedup_key, i.status) for i in outbox.items_for_chat(db, -1005)] == [
        ("s2", "pending")
    ]
    assert [i.status for i in outbox.items_for_chat(db, -5)] == ["sent"]


def test_migrate_into_an_existing_chat_merges(db: Database) -> None:
    for chat_id in (-5, -1005):
        chats.upsert_chat(db, chat_id, kind="group", now=NOW)
        subscriptions.add_subscription(db, chat_id, "الناتو", "ناتو", now=NOW)
        outbox.enqueue(db, NewAlert(chat_id, "story:1", message()), now=NOW)
    subscriptions.add_subscription(db, -5, "إيران", "ايران", now=NOW)
    chats.migrate_chat_id(db, -5, -1005, now=NOW)
    assert sorted(s.query_key for s in subscriptions.list_subscriptions(db, -1005)) == [
        "ايران",
        "ناتو",
    ]
    assert [i.status for i in outbox.items_for_chat(db, -5)] == ["failed"]  # duplicate story
    assert len(outbox.items_for_chat(db, -1005)) == 1


def test_subscriptions_basic(db: Database) -> None:
    chats.upsert_chat(db, 1, now=NOW)
    first = subscriptions.add_subscription(db, 1, "الناتو", "ناتو", now=NOW)
    assert subscriptions.add_subscription(db, 1, "والناتو", "ناتو", now=NOW) == first
    subscriptions.add_subscription(db, 1, "إيران", "ايران", now=NOW)
    assert subscriptions.active_subscriptions(db) == [
        (first.id, 1, "الناتو"),
        (first.id + 1, 1, "إيران"),
    ]
    assert subscriptions.subscription_chats(db, [first.id, 999]) == {first.id: 1}
    removed = subscriptions.remove_subscription(db, 1, "ناتو")
    assert removed is not None and removed.query == "الناتو"
    assert subscriptions.remove_subscription(db, 1, "ناتو") is None
    assert [s.query for s in subscriptions.list_subscriptions(db, 1)] == ["إيران"]
