"""Opening the SQLite database: WAL mode, pragmas, and the migrations that define the schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from storage.migrations import migrations

__all__ = ["open_database"]


def open_database(path: Path | str | None = None) -> Database:
    """Open (creating if needed) the database at `path`, or in memory, with the schema applied.

    The connection is made with `check_same_thread=False` because the bot's event loop and
    a CLI's worker may hand it between threads; callers keep writes on one path at a time.
    """
    if path is None or str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    db = Database(conn)
    migrations.apply(db)
    return db
