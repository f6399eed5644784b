"""The outbox: every alert is persisted here, with its match, before anything is sent.

States: `pending` (waiting, possibly for a retry at `next_attempt_at`) → `sending` (claimed
just before the HTTP call) → `sent`; or `parked` (the chat refused us; back to pending when it
returns), `failed` (Telegram rejected the message itself; the reason is kept), `expired`
(parked too long). `(chat_id, dedup_key)` is unique, so a story alerts a chat once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from storage.articles import mark_routed
from storage.timestamps import from_db, to_db

__all__ = [
    "STATUSES",
    "MatchRecord",
    "NewAlert",
    "OutboxItem",
    "Status",
    "claim",
    "counts",
    "due_items",
    "enqueue",
    "fail",
    "get_item",
    "items_for_chat",
    "mark_sent",
    "next_due_at",
    "record_alerts",
    "recover_in_flight",
    "reschedule",
]

# "held": waiting for a digest, a mute's end or a group's next minute (storage/digests.py);
# "digested": delivered as a line of the digest row named by `digest_id`.
Status = Literal["pending", "sending", "sent", "parked", "failed", "expired", "held", "digested"]
STATUSES: tuple[Status, ...] = (
    "pending",
    "sending",
    "sent",
    "parked",
    "failed",
    "expired",
    "held",
    "digested",
)


class OutboxItem(BaseModel):
    """One queued message, with its rendered payload."""

    model_config = ConfigDict(frozen=True)

    id: int
    chat_id: int
    kind: str
    dedup_key: str
    story_id: int | None
    article_id: int | None
    payload: OutgoingMessage
    status: Status
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    telegram_message_id: int | None
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class MatchRecord:
    """A subscription that matched an article, as recorded in `matches`."""

    article_id: int
    subscription_id: int
    chat_id: int
    matched: str
    sentence: str
    score: float


@dataclass(frozen=True)
class NewAlert:
    """An outbox row to create; `status="parked"` (with a reason) for an inactive chat;
    `status="held"` (with `hold_reason`, `release_at`) for one that waits for a digest."""

    chat_id: int
    dedup_key: str
    payload: OutgoingMessage
    story_id: int | None = None
    article_id: int | None = None
    kind: str = "alert"
    status: Literal["pending", "parked", "held"] = "pending"
    reason: str | None = None
    hold_reason: str | None = None
    release_at: datetime | None = None  # None while held = until /unmute
    urgent: bool = False
    # The chat's subscriptions that matched: a mode change reschedules only their held alerts.
    subscription_ids: tuple[int, ...] = ()


def _item(row: dict[str, Any]) -> OutboxItem:
    return OutboxItem(
        id=row["id"],
        chat_id=row["chat_id"],
        kind=row["kind"],
        dedup_key=row["dedup_key"],
        story_id=row["story_id"],
        article_id=row["article_id"],
        payload=OutgoingMessage.model_validate_json(row["payload"]),
        status=row["status"],
        attempts=row["attempts"],
        next_attempt_at=from_db(row["next_attempt_at"]),
        last_error=row["last_error"],
        telegram_message_id=row["telegram_message_id"],
        created_at=from_db(row["created_at"]),
        sent_at=from_db(row["sent_at"]) if row["sent_at"] else None,
    )


_INSERT = (
    "INSERT OR IGNORE INTO outbox (chat_id, kind, dedup_key, story_id, article_id, payload, "
    "status, last_error, next_attempt_at, created_at, hold_reason, release_at, urgent, "
    "subscription_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _insert(db: Database, alert: NewAlert, stamp: str) -> int | None:
    cursor = db.execute(
        _INSERT,
        [
            alert.chat_id,
            alert.kind,
            alert.dedup_key,
            alert.story_id,
            alert.article_id,
            alert.payload.model_dump_json(),
            alert.status,
            alert.reason,
            stamp,
            stamp,
            alert.hold_reason,
            to_db(alert.release_at) if alert.release_at is not None else None,
            int(alert.urgent),
            json.dumps(sorted(set(alert.subscription_ids))) if alert.subscription_ids else None,
        ],
    )
    return int(cursor.lastrowid) if cursor.rowcount == 1 and cursor.lastrowid else None


def enqueue(db: Database, alert: NewAlert, *, now: datetime) -> int | None:
    """Queue one message; None if the chat already has this dedup key (nothing is changed)."""
    with db.atomic():
        return _insert(db, alert, to_db(now))


def record_alerts(
    db: Database,
    matches: Sequence[MatchRecord],
    alerts: Sequence[NewAlert],
    *,
    now: datetime,
    routed: Sequence[int] = (),
) -> list[int | None]:
    """Record matches and queue alerts in ONE transaction: both are kept, or neither.

    `routed` names the articles whose routing this completes: they are marked routed in the
    same transaction, so a crash leaves them either routed with their alerts queued, or
    unrouted with nothing queued (routed again after a restart).
    Matches already recorded and alerts already queued (same chat and dedup key) are left
    as they are. Returns, for each alert, the id of its new outbox row or None if the chat
    already had that key.
    """
    stamp = to_db(now)
    created: list[int | None] = []
    with db.atomic():
        db.conn.executemany(
            "INSERT OR IGNORE INTO matches (article_id, subscription_id, chat_id, matched, "
            "sentence, score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (m.article_id, m.subscription_id, m.chat_id, m.matched, m.sentence, m.score, stamp)
                for m in matches
            ],
        )
        created = [_insert(db, alert, stamp) for alert in alerts]
        mark_routed(db, routed, now=now)
    return created


def due_items(db: Database, *, now: datetime, limit: int = 200) -> list[OutboxItem]:
    """Pending items due by `now`: the oldest due one of each chat (so one busy chat cannot
    starve the others and each chat's alerts go out in order), oldest first.

    A row whose payload no longer parses is marked failed with the reason, not retried.
    """
    stamp = to_db(now)
    rows = db.query(
        """
        SELECT * FROM outbox WHERE id IN (
            SELECT MIN(id) FROM outbox
            WHERE status = 'pending' AND next_attempt_at <= ? GROUP BY chat_id
        ) ORDER BY next_attempt_at, id LIMIT ?
        """,
        [stamp, limit],
    )
    items: list[OutboxItem] = []
    for row in list(rows):
        try:
            items.append(_item(row))
        except ValidationError as exc:
            fail(db, row["id"], f"unreadable payload: {exc.errors()[0]['msg']}")
    return items


def next_due_at(db: Database) -> datetime | None:
    """When the next pending item becomes due (None if nothing is pending)."""
    row = db.execute("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'").fetchone()
    return from_db(row[0]) if row and row[0] else None


def claim(db: Database, item_id: int, *, now: datetime) -> bool:
    """Mark the item `sending` (and count the attempt) just before the HTTP call.

    False if someone else changed it meanwhile (parked, migrated): then do not send.
    """
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? "
            "WHERE id = ? AND status = 'pending'",
            [to_db(now), item_id],
        )
    return bool(cursor.rowcount == 1)


def mark_sent(db: Database, item_id: int, telegram_message_id: int, *, now: datetime) -> None:
    with db.atomic():
        db.execute(
            "UPDATE outbox SET status = 'sent', telegram_message_id = ?, sent_at = ?, "
            "last_error = NULL WHERE id = ?",
            [telegram_message_id, to_db(now), item_id],
        )


def reschedule(db: Database, item_id: int, *, at: datetime, error: str) -> None:
    """Back to pending, to be tried again at `at` (a transient error or flood control).

    An alert or digest whose chat was muted while it was in flight is held with the mute
    instead, so that it comes out in the mute's digest rather than during the mute.
    """
    with db.atomic():
        db.execute(
            """
            UPDATE outbox SET
                status = CASE WHEN m.muted THEN 'held' ELSE 'pending' END,
                hold_reason = CASE WHEN m.muted THEN 'mute' ELSE hold_reason END,
                release_at = CASE WHEN m.muted THEN m.until ELSE release_at END,
                next_attempt_at = ?, last_error = ?
            FROM (
                SELECT o.id AS item,
                    o.kind IN ('alert', 'digest') AND COALESCE(c.muted, 0) = 1 AS muted,
                    c.muted_until AS until
                FROM outbox o LEFT JOIN chats c ON c.id = o.chat_id WHERE o.id = ?
            ) AS m
            WHERE outbox.id = m.item AND outbox.status = 'sending'
            """,
            [to_db(at), error, item_id],
        )


def fail(db: Database, item_id: int, error: str) -> None:
    """Telegram rejected the message itself (BadRequest): keep the reason, do not retry."""
    with db.atomic():
        db.execute(
            "UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?", [error, item_id]
        )


def recover_in_flight(db: Database, *, now: datetime) -> int:
    """At start-up: items left `sending` by a crash go back to pending (they may have reached
    Telegram, but we cannot know: resending risks one duplicate, dropping risks a loss)."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, "
            "last_error = 'interrupted while sending (crash or kill); resent' "
            "WHERE status = 'sending'",
            [to_db(now)],
        )
    return int(cursor.rowcount)


def get_item(db: Database, item_id: int) -> OutboxItem | None:
    rows = list(db.query("SELECT * FROM outbox WHERE id = ?", [item_id]))
    return _item(rows[0]) if rows else None


def items_for_chat(db: Database, chat_id: int) -> list[OutboxItem]:
    rows = db.query("SELECT * FROM outbox WHERE chat_id = ? ORDER BY id", [chat_id])
    return [_item(row) for row in rows]


def counts(db: Database) -> dict[str, int]:
    """How many outbox rows are in each state (every state listed, zero included)."""
    result: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for status, number in db.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status"):
        result[str(status)] = int(number)
    return result
