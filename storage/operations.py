"""Read-only figures for the operator endpoint (/healthz, /metrics), and the write probe.

The endpoint reads through its own connection (`open_reader`, query-only), so a scrape never
waits on, or interferes with, the bot's connection and its transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from storage.timestamps import from_db

__all__ = [
    "LatencyCounts",
    "article_total",
    "failing_feeds",
    "match_total",
    "oldest_pending_at",
    "open_reader",
    "probe_writable",
    "sent_latencies",
]

# Outbox states whose alert is still to be delivered or decided.
UNFINISHED = ("pending", "sending", "held", "parked")


def open_reader(path: Path, *, timeout: float = 5.0) -> Database:
    """A query-only connection to the database at `path` (usable from any thread)."""
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=timeout)
    conn.execute("PRAGMA query_only=ON")
    return Database(conn)


def probe_writable(path: Path, *, timeout: float = 5.0) -> str | None:
    """None when a write transaction can be opened on `path` within `timeout` seconds; else
    why not. Nothing is written: the transaction is rolled back at once."""
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return None
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()


def _count(db: Database, sql: str) -> int:
    row = db.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def article_total(db: Database) -> int:
    return _count(db, "SELECT COUNT(*) FROM articles")


def match_total(db: Database) -> int:
    return _count(db, "SELECT COUNT(*) FROM matches")


def oldest_pending_at(db: Database) -> datetime | None:
    """When the oldest alert still waiting to be sent was queued (None: none waits)."""
    row = db.execute(
        "SELECT MIN(created_at) FROM outbox WHERE status IN ('pending', 'sending')"
    ).fetchone()
    return from_db(str(row[0])) if row and row[0] is not None else None


def failing_feeds(db: Database) -> int:
    """Feeds of the collector whose last fetch failed (0 while there is no feed table)."""
    columns = {str(row[1]) for row in db.execute("PRAGMA table_info(feeds)")}
    if "consecutive_failures" not in columns:
        return 0
    paused = " AND NOT paused" if "paused" in columns else ""
    return _count(db, f"SELECT COUNT(*) FROM feeds WHERE consecutive_failures > 0{paused}")


@dataclass(frozen=True)
class LatencyCounts:
    """A cumulative histogram of queue-to-sent seconds: rows at or under each bound."""

    bounds: tuple[float, ...]
    at_most: tuple[int, ...]
    count: int
    total_seconds: float


def sent_latencies(db: Database, bounds: Sequence[float]) -> LatencyCounts:
    """Seconds from queuing to Telegram's acceptance, over every alert sent, bucketed."""
    buckets = ", ".join(f"SUM(lat <= {float(b)!r})" for b in bounds)
    row = db.execute(
        f"""
        SELECT COUNT(*), COALESCE(SUM(lat), 0){", " + buckets if buckets else ""}
        FROM (
            SELECT MAX(0, (julianday(sent_at) - julianday(created_at)) * 86400.0) AS lat
            FROM outbox WHERE status = 'sent' AND sent_at IS NOT NULL
        )
        """
    ).fetchone()
    return LatencyCounts(
        bounds=tuple(float(b) for b in bounds),
        at_most=tuple(int(v or 0) for v in row[2:]),
        count=int(row[0]),
        total_seconds=float(row[1]),
    )
