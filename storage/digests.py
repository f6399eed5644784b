"""Held alerts and the digests they are released into; both live in the outbox.

An alert that must wait (digest mode, mute, a group burst) is an outbox row with status
'held', a `hold_reason` and a `release_at` (NULL = until /unmute). Releasing a chat's due
alerts inserts the digest message(s) as ordinary pending outbox rows and marks the alerts
'digested' with the digest's id, in one transaction: an alert is in exactly one digest, and
a crash before the commit leaves everything held for the next run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import HoldReason
from storage.preferences import from_db_time, to_db_time

__all__ = [
    "DigestConflictError",
    "HeldDigest",
    "HeldItem",
    "advance_digests",
    "due_chats",
    "due_items",
    "due_messages",
    "enqueue_notice",
    "held_counts",
    "held_digests",
    "held_release",
    "hold_alert",
    "release_as_digest",
    "release_single",
    "set_digest_releases",
]


class DigestConflictError(RuntimeError):
    """Some alerts were no longer held when their digest was written; nothing was changed."""


class HeldItem(BaseModel):
    """A held alert with what a digest line shows about its story."""

    model_config = ConfigDict(frozen=True)

    outbox_id: int
    chat_id: int
    article_id: int | None
    story_id: int | None
    title: str
    source: str | None
    at: datetime
    urgent: bool
    hold_reason: HoldReason
    url: str | None = None


def hold_alert(
    db: Database,
    outbox_id: int,
    *,
    reason: HoldReason,
    release_at: datetime | None,
    urgent: bool = False,
) -> bool:
    """Turn a pending alert that has not been sent into a held one; False if it was not pending.

    Called by the pipeline in the transaction that enqueued the alert, so the sender never
    sees it pending.
    """
    cursor = db.execute(
        "UPDATE outbox SET status = 'held', hold_reason = ?, release_at = ?, urgent = ? "
        "WHERE id = ? AND status = 'pending'",
        [reason, to_db_time(release_at) if release_at else None, int(urgent), outbox_id],
    )
    return bool(cursor.rowcount)


def due_chats(db: Database, now: datetime) -> list[int]:
    """Chats with held alerts whose release time has come."""
    rows = db.execute(
        "SELECT DISTINCT chat_id FROM outbox "
        "WHERE status = 'held' AND release_at IS NOT NULL AND release_at <= ? ORDER BY chat_id",
        [to_db_time(now)],
    ).fetchall()
    return [row[0] for row in rows]


_TAG = re.compile(r"<[^>]+>")


def _title_from_payload(payload: str) -> str:
    # An alert whose article row is gone still has its rendered text; its first line is the title.
    try:
        text = str(json.loads(payload).get("text", ""))
    except (ValueError, AttributeError):
        text = ""
    first = next((line for line in _TAG.sub("", text).splitlines() if line.strip()), "")
    return first.strip() or "—"


def due_items(db: Database, chat_id: int, now: datetime) -> list[HeldItem]:
    """The chat's held alerts due at `now`, with title, source and time of their article."""
    rows = db.execute(
        """
        SELECT o.id, o.chat_id, o.article_id, o.story_id, o.payload, o.urgent, o.hold_reason,
               o.created_at, a.title, a.source, a.published, a.ingested_at, a.url
        FROM outbox o LEFT JOIN articles a ON a.id = o.article_id
        WHERE o.chat_id = ? AND o.status = 'held' AND o.kind = 'alert'
          AND o.release_at IS NOT NULL AND o.release_at <= ?
        ORDER BY o.id
        """,
        [chat_id, to_db_time(now)],
    ).fetchall()
    items = []
    for row in rows:
        (oid, cid, article_id, story_id, payload, urgent, reason, created, title, source) = row[:10]
        published, ingested, url = row[10], row[11], row[12]
        items.append(
            HeldItem(
                outbox_id=oid,
                chat_id=cid,
                article_id=article_id,
                story_id=story_id,
                title=title or _title_from_payload(payload),
                source=source,
                at=_first_time(published, ingested, created) or now,
                urgent=bool(urgent),
                hold_reason=reason or "digest",
                url=url,
            )
        )
    return items


def due_messages(db: Database, chat_id: int, now: datetime) -> list[tuple[int, bool]]:
    """The chat's held ready-made messages (digests caught by a mute) due at `now`, each
    with whether an alert it carries is urgent: they go out as they are, never as lines of
    another digest."""
    rows = db.execute(
        "SELECT o.id, EXISTS (SELECT 1 FROM outbox i WHERE i.digest_id = o.id AND i.urgent = 1) "
        "FROM outbox o WHERE o.chat_id = ? AND o.status = 'held' AND o.kind != 'alert' "
        "AND o.release_at IS NOT NULL AND o.release_at <= ? ORDER BY o.id",
        [chat_id, to_db_time(now)],
    ).fetchall()
    return [(int(row[0]), bool(row[1])) for row in rows]


def _first_time(*values: str | None) -> datetime | None:
    for value in values:
        if not value:
            continue
        try:
            return from_db_time(value)
        except ValueError:
            continue
    return None


def held_counts(db: Database, chat_id: int) -> dict[str, int]:
    """How many alerts the chat has held, by reason."""
    rows = db.execute(
        "SELECT hold_reason, COUNT(*) FROM outbox WHERE chat_id = ? AND status = 'held' "
        "GROUP BY hold_reason",
        [chat_id],
    ).fetchall()
    return {str(reason): int(count) for reason, count in rows}


def held_release(db: Database, chat_id: int, reason: HoldReason) -> datetime | None:
    """The earliest release time of the chat's alerts held for `reason`, if any."""
    row = db.execute(
        "SELECT MIN(release_at) FROM outbox WHERE chat_id = ? AND status = 'held' "
        "AND hold_reason = ?",
        [chat_id, reason],
    ).fetchone()
    return from_db_time(row[0]) if row and row[0] else None


def release_as_digest(
    db: Database,
    chat_id: int,
    item_ids: Sequence[int],
    messages: Sequence[OutgoingMessage],
    now: datetime,
) -> list[int]:
    """Enqueue the digest `messages` for `chat_id` and mark `item_ids` as digested, atomically.

    The digest rows' dedup keys derive from the smallest item id, which belongs to no other
    digest; raises DigestConflictError (changing nothing) if any item is no longer held.
    """
    if not item_ids or not messages:
        raise ValueError("a digest needs items and messages")
    stamp = to_db_time(now)
    first = min(item_ids)
    marks = ",".join("?" * len(item_ids))
    with db.atomic():
        digest_ids = []
        for part, message in enumerate(messages, start=1):
            cursor = db.execute(
                "INSERT INTO outbox (chat_id, kind, dedup_key, payload, status, attempts, "
                "next_attempt_at, created_at) "
                "VALUES (?, 'digest', ?, ?, 'pending', 0, ?, ?)",
                [
                    chat_id,
                    f"digest:{first}:{part}",
                    message.model_dump_json(),
                    stamp,
                    stamp,
                ],
            )
            digest_ids.append(int(cursor.lastrowid or 0))
        cursor = db.execute(
            f"UPDATE outbox SET status = 'digested', digest_id = ? "
            f"WHERE chat_id = ? AND status = 'held' AND id IN ({marks})",
            [digest_ids[0], chat_id, *item_ids],
        )
        if cursor.rowcount != len(set(item_ids)):
            raise DigestConflictError(
                f"chat {chat_id}: items changed while their digest was written"
            )
    return digest_ids


def release_single(db: Database, outbox_id: int, now: datetime, *, silent: bool) -> bool:
    """Send a lone held alert as itself (pending again, due now) rather than as a digest.

    Its sound follows the quiet hours at release, not those when it was held.
    """
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, release_at = NULL, "
            "payload = json_set(payload, '$.disable_notification', json(?)) "
            "WHERE id = ? AND status = 'held'",
            [to_db_time(now), "true" if silent else "false", outbox_id],
        )
    return bool(cursor.rowcount)


class HeldDigest(BaseModel):
    """An alert held for a digest, with the subscriptions that produced it (None: unknown,
    an alert queued before they were recorded whose matches are gone)."""

    model_config = ConfigDict(frozen=True)

    outbox_id: int
    subscription_ids: tuple[int, ...] | None
    release_at: datetime | None


def held_digests(db: Database, chat_id: int, subscription_id: int) -> list[HeldDigest]:
    """The chat's alerts held for a digest that `subscription_id` produced, and those whose
    producers are unknown (which any of the chat's subscriptions may have produced)."""
    rows = db.execute(
        """
        SELECT o.id, o.subscription_ids, o.release_at FROM outbox o
        WHERE o.chat_id = ? AND o.status = 'held' AND o.hold_reason = 'digest'
          AND (o.subscription_ids IS NULL
               OR EXISTS (SELECT 1 FROM json_each(o.subscription_ids) WHERE value = ?))
        ORDER BY o.id
        """,
        [chat_id, subscription_id],
    ).fetchall()
    return [
        HeldDigest(
            outbox_id=row[0],
            subscription_ids=tuple(int(i) for i in json.loads(row[1])) if row[1] else None,
            release_at=from_db_time(row[2]),
        )
        for row in rows
    ]


def set_digest_releases(db: Database, chat_id: int, releases: Mapping[int, datetime]) -> int:
    """Move the given held digest alerts (outbox id → new release time), atomically.

    Alerts released or re-held (a mute) meanwhile are left alone. Returns how many moved.
    """
    moved = 0
    with db.atomic():
        for outbox_id, release_at in releases.items():
            cursor = db.execute(
                "UPDATE outbox SET release_at = ? WHERE id = ? AND chat_id = ? "
                "AND status = 'held' AND hold_reason = 'digest'",
                [to_db_time(release_at), outbox_id, chat_id],
            )
            moved += cursor.rowcount
    return moved


def advance_digests(db: Database, chat_id: int, release_at: datetime) -> int:
    """Bring the chat's held digest alerts forward to `release_at` if they were due later.

    Used when a subscription's mode changes: an alert is never held longer than the new
    schedule says (a story held for a daily digest goes out with the next hourly one, or now
    when switching to instant). Mute and burst holds are untouched.
    """
    with db.atomic():
        cursor = db.execute(
            "UPDATE outbox SET release_at = ? WHERE chat_id = ? AND status = 'held' "
            "AND hold_reason = 'digest' AND (release_at IS NULL OR release_at > ?)",
            [to_db_time(release_at), chat_id, to_db_time(release_at)],
        )
    return int(cursor.rowcount)


def enqueue_notice(
    db: Database, chat_id: int, dedup_key: str, message: OutgoingMessage, now: datetime
) -> int | None:
    """Queue a service message (expiry notice, admin alert, broadcast) in the outbox.

    The dedup key makes it idempotent: a job that runs twice for the same event queues it
    once. Returns the new row's id, or None when that key was already queued for the chat.
    """
    stamp = to_db_time(now)
    with db.atomic():
        cursor = db.execute(
            "INSERT OR IGNORE INTO outbox (chat_id, kind, dedup_key, payload, status, attempts, "
            "next_attempt_at, created_at) VALUES (?, 'notice', ?, ?, 'pending', 0, ?, ?)",
            [chat_id, dedup_key, message.model_dump_json(), stamp, stamp],
        )
    return int(cursor.lastrowid) if cursor.rowcount == 1 and cursor.lastrowid else None
