"""Subscriptions: the queries each chat follows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from storage.rows import model_from_row
from storage.timestamps import to_db

__all__ = [
    "Subscription",
    "active_subscriptions",
    "add_subscription",
    "list_subscriptions",
    "remove_subscription",
    "remove_subscription_by_id",
    "subscription_chats",
    "subscription_queries",
]


class Subscription(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    chat_id: int
    query: str
    query_key: str
    mode: str
    created_at: datetime


def _subscription(row: dict[str, Any]) -> Subscription:
    return model_from_row(Subscription, row)


def add_subscription(
    db: Database,
    chat_id: int,
    query: str,
    query_key: str,
    mode: str = "instant",
    *,
    now: datetime,
) -> Subscription:
    """Follow `query` in the chat (which must exist); following the same key again returns
    the existing subscription unchanged."""
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO subscriptions (chat_id, query, query_key, mode, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [chat_id, query, query_key, mode, to_db(now)],
        )
    rows = db.query(
        "SELECT * FROM subscriptions WHERE chat_id = ? AND query_key = ?", [chat_id, query_key]
    )
    return _subscription(next(iter(rows)))


def remove_subscription(db: Database, chat_id: int, query_key: str) -> Subscription | None:
    """Stop following; returns what was removed, or None if the chat did not follow it."""
    rows = list(
        db.query(
            "SELECT * FROM subscriptions WHERE chat_id = ? AND query_key = ?",
            [chat_id, query_key],
        )
    )
    if not rows:
        return None
    with db.atomic():
        db.execute("DELETE FROM subscriptions WHERE id = ?", [rows[0]["id"]])
    return _subscription(rows[0])


def list_subscriptions(db: Database, chat_id: int) -> list[Subscription]:
    rows = db.query("SELECT * FROM subscriptions WHERE chat_id = ? ORDER BY id", [chat_id])
    return [_subscription(row) for row in rows]


def active_subscriptions(db: Database) -> list[tuple[int, int, str]]:
    """(subscription id, chat id, query) of every subscription, to build the match index.

    Chats that blocked the bot are included on purpose: their subscriptions are kept, and
    their alerts are parked (not dropped) until they come back.
    """
    rows = db.execute("SELECT id, chat_id, query FROM subscriptions ORDER BY id").fetchall()
    return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]


def subscription_chats(db: Database, subscription_ids: list[int]) -> dict[int, int]:
    """Subscription id -> chat id, for the ids that still exist."""
    rows = _column_by_id(db, "chat_id", subscription_ids)
    return {sub_id: int(chat_id) for sub_id, chat_id in rows}


def subscription_queries(db: Database, subscription_ids: list[int]) -> dict[int, str]:
    """Subscription id -> the query as the user wrote it, for the ids that still exist."""
    rows = _column_by_id(db, "query", subscription_ids)
    return {sub_id: str(query) for sub_id, query in rows}


def _column_by_id(db: Database, column: str, ids: list[int]) -> list[tuple[int, Any]]:
    """(id, `column`) of the subscriptions among `ids`, asked 500 ids at a time (SQLite caps
    the parameters of one statement)."""
    found: list[tuple[int, Any]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"SELECT id, {column} FROM subscriptions WHERE id IN ({marks})", chunk
        ).fetchall()
        found.extend((int(r[0]), r[1]) for r in rows)
    return found


def remove_subscription_by_id(
    db: Database, chat_id: int, subscription_id: int
) -> Subscription | None:
    """Remove one subscription of `chat_id` (an inline button names it by id); None if it is
    gone or belongs to another chat (a forwarded button must not unfollow for someone else)."""
    rows = list(
        db.query(
            "SELECT * FROM subscriptions WHERE id = ? AND chat_id = ?", [subscription_id, chat_id]
        )
    )
    if not rows:
        return None
    with db.atomic():
        db.execute("DELETE FROM subscriptions WHERE id = ?", [subscription_id])
    return _subscription(rows[0])
