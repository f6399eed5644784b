"""Subscriptions: the queries each chat follows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from storage.timestamps import from_db, to_db

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
    return Subscription(
        id=row["id"],
        chat_id=row["chat_id"],
        query=row["query"],
        query_key=row["query_key"],
        mode=row["mode"],
        created_at=from_db(row["created_at"]),
    )


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
    with db.conn:
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
    with db.conn:
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
    if not subscription_ids:
        return {}
    result: dict[int, int] = {}
    for start in range(0, len(subscription_ids), 500):
        chunk = subscription_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"SELECT id, chat_id FROM subscriptions WHERE id IN ({marks})", chunk
        ).fetchall()
        result.update({int(r[0]): int(r[1]) for r in rows})
    return result


def subscription_queries(db: Database, subscription_ids: list[int]) -> dict[int, str]:
    """Subscription id -> the query as the user wrote it, for the ids that still exist."""
    result: dict[int, str] = {}
    for start in range(0, len(subscription_ids), 500):
        chunk = subscription_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = db.execute(
            f"SELECT id, query FROM subscriptions WHERE id IN ({marks})", chunk
        ).fetchall()
        result.update({int(r[0]): str(r[1]) for r in rows})
    return result


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
    with db.conn:
        db.execute("DELETE FROM subscriptions WHERE id = ?", [subscription_id])
    return _subscription(rows[0])
