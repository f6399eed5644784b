"""The collector's feeds: their address, HTTP validators, health and schedule, and the items
already written to the inbox (by guid and by link, across every feed)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from storage.preferences import from_db_time, to_db_time

__all__ = [
    "Feed",
    "add_feed",
    "clear_retry",
    "delete_feed",
    "due_feeds",
    "feed_by_id",
    "feed_by_url",
    "list_feeds",
    "mark_failing_reported",
    "mark_items",
    "record_failure",
    "record_retry",
    "record_success",
    "seen_keys",
    "set_paused",
    "set_url",
]


class Feed(BaseModel):
    """One feed as stored, with what `/feeds` shows of its health."""

    model_config = ConfigDict(frozen=True)

    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    interval_seconds: float | None
    paused: bool
    added_at: datetime
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    consecutive_failures: int
    failing_reported: bool
    next_poll_at: datetime | None
    items_collected: int
    newest_item_at: datetime | None


_COLUMNS = (
    "id, url, title, etag, last_modified, interval_seconds, paused, added_at, last_success_at,"
    " last_error, last_error_at, consecutive_failures, failing_reported, next_poll_at,"
    " items_collected, newest_item_at"
)


def _feed(row: tuple[object, ...]) -> Feed:
    (
        id_,
        url,
        title,
        etag,
        last_modified,
        interval,
        paused,
        added_at,
        last_success_at,
        last_error,
        last_error_at,
        failures,
        reported,
        next_poll_at,
        collected,
        newest,
    ) = row
    added = from_db_time(str(added_at))
    assert added is not None  # NOT NULL column
    return Feed(
        id=int(str(id_)),
        url=str(url),
        title=str(title) if title is not None else None,
        etag=str(etag) if etag is not None else None,
        last_modified=str(last_modified) if last_modified is not None else None,
        interval_seconds=float(str(interval)) if interval is not None else None,
        paused=bool(paused),
        added_at=added,
        last_success_at=from_db_time(str(last_success_at) if last_success_at else None),
        last_error=str(last_error) if last_error is not None else None,
        last_error_at=from_db_time(str(last_error_at) if last_error_at else None),
        consecutive_failures=int(str(failures)),
        failing_reported=bool(reported),
        next_poll_at=from_db_time(str(next_poll_at) if next_poll_at else None),
        items_collected=int(str(collected)),
        newest_item_at=from_db_time(str(newest) if newest else None),
    )


def add_feed(
    db: Database, url: str, now: datetime, *, interval_seconds: float | None = None
) -> tuple[Feed, bool]:
    """Store a feed (due at once); returns it and whether it was new. An existing feed keeps
    its state; a given interval replaces its override."""
    with db.atomic():
        cursor = db.execute(
            "INSERT OR IGNORE INTO feeds (url, interval_seconds, added_at, next_poll_at)"
            " VALUES (?, ?, ?, ?)",
            [url, interval_seconds, to_db_time(now), to_db_time(now)],
        )
        created = cursor.rowcount == 1
        if not created and interval_seconds is not None:
            db.execute(
                "UPDATE feeds SET interval_seconds = ? WHERE url = ?", [interval_seconds, url]
            )
    feed = feed_by_url(db, url)
    assert feed is not None  # inserted or already there
    return feed, created


def feed_by_url(db: Database, url: str) -> Feed | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", [url]).fetchone()
    return _feed(row) if row else None


def feed_by_id(db: Database, feed_id: int) -> Feed | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM feeds WHERE id = ?", [feed_id]).fetchone()
    return _feed(row) if row else None


def list_feeds(db: Database) -> list[Feed]:
    """Every feed, in the order they were added."""
    return [_feed(row) for row in db.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY id")]


def due_feeds(db: Database, now: datetime) -> list[Feed]:
    """Feeds not paused whose next poll time has come, the longest waiting first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM feeds WHERE paused = 0"
        " AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at, id",
        [to_db_time(now)],
    )
    return [_feed(row) for row in rows]


def delete_feed(db: Database, feed_id: int) -> bool:
    """Forget a feed and its pending retries; the keys of items it wrote stay, so that
    adding it back does not write them again."""
    with db.atomic():
        db.execute("DELETE FROM feed_retries WHERE feed_id = ?", [feed_id])
        cursor = db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
    return cursor.rowcount == 1


def set_paused(db: Database, feed_id: int, paused: bool, now: datetime) -> bool:
    """Pause or resume a feed; a resumed feed is due at once. False when there is no such feed."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE feeds SET paused = ?, next_poll_at = ? WHERE id = ?",
            [int(paused), to_db_time(now), feed_id],
        )
    return cursor.rowcount == 1


def set_url(db: Database, feed_id: int, url: str) -> bool:
    """A permanent redirect moved the feed: store its new address (False if taken already)."""
    if feed_by_url(db, url) is not None:
        return False
    with db.atomic():
        db.execute("UPDATE feeds SET url = ? WHERE id = ?", [url, feed_id])
    return True


def record_success(
    db: Database,
    feed_id: int,
    now: datetime,
    next_poll: datetime,
    *,
    title: str | None,
    etag: str | None,
    last_modified: str | None,
) -> None:
    """The feed was read (200 or 304): failures reset, the validators for the next
    conditional request stored (None for both when the next poll must read it in full)."""
    with db.atomic():
        db.execute(
            "UPDATE feeds SET last_success_at = ?, consecutive_failures = 0, next_poll_at = ?,"
            " title = COALESCE(?, title), etag = ?, last_modified = ? WHERE id = ?",
            [to_db_time(now), to_db_time(next_poll), title, etag, last_modified, feed_id],
        )


def record_failure(
    db: Database, feed_id: int, reason: str, now: datetime, next_poll: datetime
) -> int:
    """The feed could not be read; returns its consecutive failures, this one included."""
    with db.atomic():
        db.execute(
            "UPDATE feeds SET last_error = ?, last_error_at = ?, next_poll_at = ?,"
            " consecutive_failures = consecutive_failures + 1 WHERE id = ?",
            [reason, to_db_time(now), to_db_time(next_poll), feed_id],
        )
    row = db.execute("SELECT consecutive_failures FROM feeds WHERE id = ?", [feed_id]).fetchone()
    return int(row[0]) if row else 0


def mark_failing_reported(db: Database, feed_id: int, reported: bool) -> None:
    """Remember that the admins were told the feed fails (or, False, that it recovered)."""
    with db.atomic():
        db.execute("UPDATE feeds SET failing_reported = ? WHERE id = ?", [int(reported), feed_id])


def seen_keys(db: Database, keys: Iterable[str]) -> set[str]:
    """Which of `keys` (item guids and links) belong to items already written."""
    wanted = list(dict.fromkeys(keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        rows = db.execute(f"SELECT item_key FROM feed_items WHERE item_key IN ({marks})", chunk)
        found.update(str(row[0]) for row in rows)
    return found


def mark_items(
    db: Database,
    feed_id: int,
    keys: Iterable[str],
    *,
    url: str | None,
    file_name: str,
    published: datetime | None,
    now: datetime,
) -> None:
    """An item was written to the inbox: remember its keys, count it, forget its retries."""
    stamp = to_db_time(now)
    key_list = list(dict.fromkeys(keys))
    with db.atomic():
        db.conn.executemany(
            "INSERT OR IGNORE INTO feed_items (item_key, feed_id, url, file_name, collected_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [(key, feed_id, url, file_name, stamp) for key in key_list],
        )
        db.conn.executemany(
            "DELETE FROM feed_retries WHERE feed_id = ? AND item_key = ?",
            [(feed_id, key) for key in key_list],
        )
        newest = to_db_time(published) if published is not None else None
        db.execute(
            "UPDATE feeds SET items_collected = items_collected + 1, newest_item_at = CASE"
            " WHEN ? IS NULL THEN newest_item_at"
            " WHEN newest_item_at IS NULL OR newest_item_at < ? THEN ? ELSE newest_item_at END"
            " WHERE id = ?",
            [newest, newest, newest, feed_id],
        )


def record_retry(db: Database, feed_id: int, key: str, reason: str) -> int:
    """An item's page could not be fetched; returns how many times that has happened."""
    with db.atomic():
        db.execute(
            "INSERT INTO feed_retries (feed_id, item_key, attempts, last_error)"
            " VALUES (?, ?, 1, ?) ON CONFLICT(feed_id, item_key) DO UPDATE"
            " SET attempts = attempts + 1, last_error = excluded.last_error",
            [feed_id, key, reason],
        )
    row = db.execute(
        "SELECT attempts FROM feed_retries WHERE feed_id = ? AND item_key = ?", [feed_id, key]
    ).fetchone()
    return int(row[0]) if row else 0


def clear_retry(db: Database, feed_id: int, key: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM feed_retries WHERE feed_id = ? AND item_key = ?", [feed_id, key])
