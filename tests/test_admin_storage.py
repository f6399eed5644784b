"""Service figures and inbox activity."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from storage.admin import (
    get_state_time,
    last_inbox_activity,
    record_inbox_activity,
    set_state_time,
    stats,
)
from storage.preferences import to_db_time

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def add_article(db: Database, n: int, at: datetime) -> None:
    db.table("articles").insert(
        {
            "content_hash": f"h{n}",
            "file_name": f"{n}.txt",
            "title": "t",
            "published_from": "file",
            "body": "b",
            "language": "ar",
            "ingested_at": to_db_time(at),
        }
    )


def test_state_times(db: Database) -> None:
    assert get_state_time(db, "x") is None
    set_state_time(db, "x", NOW)
    set_state_time(db, "x", NOW + timedelta(hours=1))
    assert get_state_time(db, "x") == NOW + timedelta(hours=1)


def test_last_inbox_activity_takes_the_latest_sign(db: Database) -> None:
    assert last_inbox_activity(db) is None
    add_article(db, 1, NOW)
    assert last_inbox_activity(db) == NOW
    record_inbox_activity(db, NOW + timedelta(minutes=5))  # e.g. a quarantined file
    assert last_inbox_activity(db) == NOW + timedelta(minutes=5)
    add_article(db, 2, NOW + timedelta(minutes=9))
    assert last_inbox_activity(db) == NOW + timedelta(minutes=9)


def test_stats(db: Database) -> None:
    stamp = to_db_time(NOW)
    db.table("chats").insert_all(
        [
            {"id": 1, "kind": "private", "active": 1, "created_at": stamp, "updated_at": stamp},
            {"id": 2, "kind": "private", "active": 0, "created_at": stamp, "updated_at": stamp},
            {"id": -3, "kind": "supergroup", "active": 1, "created_at": stamp, "updated_at": stamp},
        ]
    )
    db.table("subscriptions").insert(
        {"chat_id": 1, "query": "q", "query_key": "q", "created_at": stamp}
    )
    add_article(db, 1, NOW - timedelta(days=1))
    add_article(db, 2, NOW)
    for n, status in enumerate(["pending", "pending", "failed", "held", "sent"]):
        db.table("outbox").insert(
            {
                "chat_id": 1,
                "dedup_key": str(n),
                "payload": "{}",
                "status": status,
                "next_attempt_at": stamp,
                "created_at": stamp,
                "sent_at": stamp if status == "sent" else None,
            }
        )
    figures = stats(db, day_start=NOW - timedelta(hours=12))
    assert figures.model_dump() == {
        "chats_active": 2,
        "chats_inactive": 1,
        "groups": 1,
        "subscriptions": 1,
        "articles_total": 2,
        "articles_today": 1,
        "outbox_pending": 2,
        "outbox_held": 1,
        "outbox_failed": 1,
        "outbox_sent_today": 1,
        "last_inbox_activity": NOW,
    }


def test_broadcast_reaches_active_chats_once(db: Database) -> None:
    from bot.core.outgoing import OutgoingMessage
    from storage.admin import enqueue_broadcast

    stamp = to_db_time(NOW)
    for chat_id, active in ((1, 1), (2, 0), (-3, 1)):
        db.table("chats").insert(
            {
                "id": chat_id,
                "kind": "private",
                "active": active,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    message = OutgoingMessage(text="📣 صيانة الليلة")
    assert enqueue_broadcast(db, "broadcast:9:1", message, NOW) == 2
    assert enqueue_broadcast(db, "broadcast:9:1", message, NOW) == 0
    rows = db.execute("SELECT chat_id, kind, status FROM outbox ORDER BY chat_id").fetchall()
    assert rows == [(-3, "broadcast", "pending"), (1, "broadcast", "pending")]
