from __future__ import annotations

from pathlib import Path

from storage.db import open_database
from storage.migrations import migrations


def test_file_database_uses_wal_and_applies_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "sub" / "marsad.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"articles", "articles_fts", "chats", "subscriptions", "outbox"} <= set(db.table_names())
    db.close()


def test_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    open_database(path).close()
    db = open_database(path)
    assert migrations.pending(db) == []
    names = [m.name for m in migrations.applied(db)]
    assert len(names) == len(set(names))
    db.close()
