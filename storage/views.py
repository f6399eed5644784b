"""Saved list views: the query behind a paginated message, referenced by its buttons."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

__all__ = ["View", "ViewKind", "get_view", "save_view"]

ViewKind = Literal["recent", "search", "list", "unfollow"]

# Old views are pruned per chat: a button on a message that far back answers «expired».
KEEP_PER_CHAT = 200


class View(BaseModel):
    """What a paginated message lists: its kind and query (keyword or search text, may be '')."""

    model_config = ConfigDict(frozen=True)

    id: int
    chat_id: int
    kind: ViewKind
    query: str


def save_view(db: Database, chat_id: int, kind: ViewKind, query: str = "") -> View:
    """Store a new view for `chat_id` and prune that chat's oldest ones."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO views (chat_id, kind, query, created_at) VALUES (?, ?, ?, ?)",
            [chat_id, kind, query, now],
        )
        view_id = int(cursor.lastrowid or 0)
        db.execute(
            """
            DELETE FROM views WHERE chat_id = ? AND id NOT IN (
                SELECT id FROM views WHERE chat_id = ? ORDER BY id DESC LIMIT ?
            )
            """,
            [chat_id, chat_id, KEEP_PER_CHAT],
        )
    return View(id=view_id, chat_id=chat_id, kind=kind, query=query)


def get_view(db: Database, view_id: int, chat_id: int) -> View | None:
    """The view `view_id` if it exists and belongs to `chat_id` (buttons can be forwarded)."""
    row = db.execute(
        "SELECT id, chat_id, kind, query FROM views WHERE id = ? AND chat_id = ?",
        [view_id, chat_id],
    ).fetchone()
    if row is None:
        return None
    return View(id=row[0], chat_id=row[1], kind=row[2], query=row[3])
