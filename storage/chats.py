"""Chats (private users, groups, channels): who Marsad talks to and whether it still can."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from bot.core.outgoing import GROUP_KINDS
from storage.rows import model_from_row
from storage.timestamps import to_db

__all__ = [
    "Chat",
    "deactivate_chat",
    "get_chat",
    "migrate_chat_id",
    "reactivate_chat",
    "set_language",
    "upsert_chat",
]

# Outbox states that still mean "this alert has not reached the user".
_UNDELIVERED = ("pending", "sending", "parked")


class Chat(BaseModel):
    """A chat as stored; `active` is False once Telegram said we may not write to it."""

    model_config = ConfigDict(frozen=True)

    id: int
    kind: str
    title: str | None
    language: str | None
    timezone: str | None
    active: bool
    inactive_reason: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_group(self) -> bool:
        """Many people read this chat: replies address them in the plural."""
        return self.kind in GROUP_KINDS


def _chat(row: dict[str, Any]) -> Chat:
    return model_from_row(Chat, row)


def get_chat(db: Database, chat_id: int) -> Chat | None:
    rows = list(db.query("SELECT * FROM chats WHERE id = ?", [chat_id]))
    return _chat(rows[0]) if rows else None


def upsert_chat(
    db: Database, chat_id: int, *, kind: str = "private", title: str | None = None, now: datetime
) -> Chat:
    """Create the chat or refresh its kind and title; its active flag is left alone."""
    stamp = to_db(now)
    with db.atomic():
        db.execute(
            """
            INSERT INTO chats (id, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind,
                title = COALESCE(excluded.title, chats.title), updated_at = excluded.updated_at
            """,
            [chat_id, kind, title, stamp, stamp],
        )
    chat = get_chat(db, chat_id)
    assert chat is not None  # just written
    return chat


def deactivate_chat(db: Database, chat_id: int, reason: str, *, now: datetime) -> int:
    """Telegram refused the chat (blocked, kicked, deactivated): mark it inactive, keep its
    subscriptions, park its undelivered alerts with the reason. Returns how many were parked."""
    stamp = to_db(now)
    with db.atomic():
        db.execute(
            """
            INSERT INTO chats (id, kind, active, inactive_reason, created_at, updated_at)
            VALUES (?, ?, 0, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET active = 0, inactive_reason = excluded.inactive_reason,
                updated_at = excluded.updated_at
            """,
            [chat_id, "private" if chat_id > 0 else "group", reason, stamp, stamp],
        )
        cursor = db.execute(
            "UPDATE outbox SET status = 'parked', last_error = ? "
            "WHERE chat_id = ? AND status IN ('pending', 'sending')",
            [reason, chat_id],
        )
    return int(cursor.rowcount)


def reactivate_chat(
    db: Database, chat_id: int, *, now: datetime, max_age: timedelta | None = None
) -> int:
    """The user is back (/start): the chat is active again and its parked alerts are queued.

    Parked alerts older than `max_age` are marked expired instead (with the reason), so that
    someone returning after months is not flooded with stale news. Returns how many were queued.
    """
    stamp = to_db(now)
    cutoff = to_db(now - max_age) if max_age is not None else ""
    with db.atomic():
        db.execute(
            "UPDATE chats SET active = 1, inactive_reason = NULL, updated_at = ? WHERE id = ?",
            [stamp, chat_id],
        )
        db.execute(
            "UPDATE outbox SET status = 'expired', last_error = ? "
            "WHERE chat_id = ? AND status = 'parked' AND created_at < ?",
            [f"parked alert older than {max_age} when the chat came back", chat_id, cutoff],
        )
        cursor = db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = NULL "
            "WHERE chat_id = ? AND status = 'parked'",
            [stamp, chat_id],
        )
    return int(cursor.rowcount)


def migrate_chat_id(db: Database, old_id: int, new_id: int, *, now: datetime) -> int:
    """A group became a supergroup (Telegram's ChatMigrated): move the chat, its subscriptions,
    matches and undelivered alerts to the new id. Sent alerts stay under the old id as history.

    An alert whose story is already queued for the new id is marked failed as a duplicate.
    Returns how many alerts now wait under the new id.
    """
    stamp = to_db(now)
    with db.atomic():
        old = get_chat(db, old_id)
        new = get_chat(db, new_id)
        if old is not None and new is None:
            # subscriptions follow through ON UPDATE CASCADE
            db.execute(
                "UPDATE chats SET id = ?, kind = 'supergroup', updated_at = ? WHERE id = ?",
                [new_id, stamp, old_id],
            )
        elif old is not None and new is not None:
            db.execute(
                "UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?",
                [new_id, old_id],
            )
            db.execute("DELETE FROM subscriptions WHERE chat_id = ?", [old_id])
            db.execute("DELETE FROM chats WHERE id = ?", [old_id])
        db.execute("UPDATE matches SET chat_id = ? WHERE chat_id = ?", [new_id, old_id])
        placeholders = ", ".join("?" for _ in _UNDELIVERED)
        cursor = db.execute(
            "UPDATE OR IGNORE outbox SET chat_id = ?, next_attempt_at = ?, status = "
            "CASE WHEN status = 'sending' THEN 'pending' ELSE status END "
            f"WHERE chat_id = ? AND status IN ({placeholders})",
            [new_id, stamp, old_id, *_UNDELIVERED],
        )
        db.execute(
            "UPDATE outbox SET status = 'failed', last_error = ? "
            f"WHERE chat_id = ? AND status IN ({placeholders})",
            [f"duplicate: already queued for migrated chat {new_id}", old_id, *_UNDELIVERED],
        )
    return int(cursor.rowcount)


def set_language(db: Database, chat_id: int, language: str, *, now: datetime) -> None:
    """The chat's reply language (/lang); the chat must exist."""
    with db.atomic():
        db.execute(
            "UPDATE chats SET language = ?, updated_at = ? WHERE id = ?",
            [language, to_db(now), chat_id],
        )
