"""Administration queries: service-wide figures for /stats, inbox activity, admin alerts."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from storage.preferences import from_db_time, to_db_time

__all__ = [
    "Stats",
    "enqueue_broadcast",
    "get_state_time",
    "last_inbox_activity",
    "recent_alert_count",
    "record_inbox_activity",
    "set_state_time",
    "stats",
]

INBOX_ACTIVITY = "inbox_activity"
SILENCE_ALERTED = "inbox_silence_alerted"


def get_state_time(db: Database, key: str) -> datetime | None:
    row = db.execute("SELECT value FROM service_state WHERE key = ?", [key]).fetchone()
    return from_db_time(row[0]) if row else None


def set_state_time(db: Database, key: str, moment: datetime) -> None:
    stamp = to_db_time(moment)
    with db.atomic():
        db.execute(
            "INSERT INTO service_state (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE "
            "SET value = excluded.value, updated_at = excluded.updated_at",
            [key, stamp, stamp],
        )


def record_inbox_activity(db: Database, now: datetime) -> None:
    """The inbox scan saw a file (stored, duplicate or quarantined): the feed is alive."""
    set_state_time(db, INBOX_ACTIVITY, now)


def last_inbox_activity(db: Database) -> datetime | None:
    """The latest sign of life of the inbox: a recorded scan hit or the newest stored article."""
    recorded = get_state_time(db, INBOX_ACTIVITY)
    row = db.execute("SELECT MAX(ingested_at) FROM articles").fetchone()
    newest = from_db_time(row[0]) if row and row[0] else None
    candidates = [moment for moment in (recorded, newest) if moment is not None]
    return max(candidates) if candidates else None


def recent_alert_count(
    db: Database, chat_id: int, now: datetime, window: timedelta, *, exclude_id: int | None = None
) -> int:
    """Messages sent or waiting to be sent to the chat that were enqueued within `window`.

    This is what a group's per-minute budget has to carry; held alerts are not counted, a
    digest is (it is one message). `exclude_id` leaves out the alert being decided.
    """
    since = to_db_time(now - window)
    row = db.execute(
        "SELECT COUNT(*) FROM outbox WHERE chat_id = ? "
        "AND status IN ('pending', 'sending', 'sent') AND created_at >= ? AND id IS NOT ?",
        [chat_id, since, exclude_id],
    ).fetchone()
    return int(row[0])


class Stats(BaseModel):
    """The figures /stats shows."""

    model_config = ConfigDict(frozen=True)

    chats_active: int
    chats_inactive: int
    groups: int
    subscriptions: int
    articles_total: int
    articles_today: int
    outbox_pending: int
    outbox_held: int
    outbox_failed: int
    outbox_sent_today: int
    last_inbox_activity: datetime | None


def stats(db: Database, *, day_start: datetime) -> Stats:
    """Service figures; "today" counts from `day_start` (local midnight, chosen by the caller)."""
    since = to_db_time(day_start)

    def one(sql: str, args: list[object] | None = None) -> int:
        return int(db.execute(sql, args or []).fetchone()[0] or 0)

    return Stats(
        chats_active=one("SELECT COUNT(*) FROM chats WHERE active = 1"),
        chats_inactive=one("SELECT COUNT(*) FROM chats WHERE active = 0"),
        groups=one("SELECT COUNT(*) FROM chats WHERE kind IN ('group', 'supergroup', 'channel')"),
        subscriptions=one("SELECT COUNT(*) FROM subscriptions"),
        articles_total=one("SELECT COUNT(*) FROM articles"),
        articles_today=one("SELECT COUNT(*) FROM articles WHERE ingested_at >= ?", [since]),
        outbox_pending=one("SELECT COUNT(*) FROM outbox WHERE status = 'pending'"),
        outbox_held=one("SELECT COUNT(*) FROM outbox WHERE status = 'held'"),
        outbox_failed=one("SELECT COUNT(*) FROM outbox WHERE status = 'failed'"),
        outbox_sent_today=one(
            "SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND sent_at >= ?", [since]
        ),
        last_inbox_activity=last_inbox_activity(db),
    )


def enqueue_broadcast(db: Database, dedup_key: str, message: OutgoingMessage, now: datetime) -> int:
    """Queue `message` for every active chat in one transaction; returns how many were queued.

    The same dedup key for every chat makes a repeated /broadcast update queue nothing new.
    """
    stamp = to_db_time(now)
    with db.atomic():
        cursor = db.execute(
            "INSERT OR IGNORE INTO outbox (chat_id, kind, dedup_key, payload, status, attempts, "
            "next_attempt_at, created_at) "
            "SELECT id, 'broadcast', ?, ?, 'pending', 0, ?, ? FROM chats WHERE active = 1",
            [dedup_key, message.model_dump_json(), stamp, stamp],
        )
    return int(cursor.rowcount)
