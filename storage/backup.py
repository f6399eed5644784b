"""Online backup: a consistent copy of the live database, safe while the bot writes.

SQLite's backup API copies every page in one step, inside one read transaction: in WAL mode
that reader never blocks the bot's writer and sees one committed state, so the copy is a
consistent snapshot (a copy made in several steps would restart whenever a writer commits).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = ["backup_database", "integrity_check"]


def backup_database(source: Path, dest: Path) -> None:
    """Copy the database at `source` to `dest` (a new file: an existing one is refused)."""
    if dest.exists():
        raise FileExistsError(f"{dest} exists; choose a new file name")
    if not source.is_file():
        raise FileNotFoundError(f"no database at {source}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source), timeout=30)
    try:
        out = sqlite3.connect(str(dest))
        try:
            src.backup(out)
            # A single-file copy: no -wal beside it to carry along when it is moved.
            out.execute("PRAGMA journal_mode=DELETE")
        finally:
            out.close()
    finally:
        src.close()


def integrity_check(path: Path) -> str:
    """SQLite's verdict on the file at `path`: "ok", or the first problems it lists."""
    conn = sqlite3.connect(str(path))
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(row[0]) for row in rows[:10])
