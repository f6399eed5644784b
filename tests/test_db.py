from __future__ import annotations

from pathlib import Path

from storage.db import open_database
from storage.migrations import migrations


def old_article_row(article_id: int, content_hash: str, stamp: str) -> dict[str, object]:
    """An article with the columns every migration before the newest requires."""
    return {
        "id": article_id,
        "content_hash": content_hash,
        "file_name": "a.txt",
        "title": "عنوان",
        "published_from": "file",
        "body": "نص",
        "language": "ar",
        "ingested_at": stamp,
    }


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


def test_outbox_subscriptions_are_filled_in_from_matches(tmp_path: Path) -> None:
    """Alerts queued before m080 get their subscriptions from `matches`; others stay NULL."""
    import json
    import sqlite3

    from sqlite_utils import Database

    db = Database(sqlite3.connect(str(tmp_path / "old.db")))
    migrations.apply(db, stop_before="m080_outbox_subscriptions")
    stamp = "2024-06-01T09:00:00.000000+00:00"
    db.table("chats").insert({"id": 7, "created_at": stamp, "updated_at": stamp})
    for sub_id, query in ((1, "الناتو"), (2, "كوريا"), (3, "إيران")):
        db.table("subscriptions").insert(
            {"id": sub_id, "chat_id": 7, "query": query, "query_key": query, "created_at": stamp}
        )
    db.table("articles").insert(old_article_row(10, "h", stamp))
    for sub_id in (1, 2):
        db.table("matches").insert(
            {
                "article_id": 10,
                "subscription_id": sub_id,
                "chat_id": 7,
                "matched": "x",
                "sentence": "x",
                "score": 1.0,
                "created_at": stamp,
            }
        )
    row = {"chat_id": 7, "payload": "{}", "next_attempt_at": stamp, "created_at": stamp}
    db.table("outbox").insert({**row, "id": 1, "dedup_key": "story:1", "article_id": 10})
    db.table("outbox").insert({**row, "id": 2, "dedup_key": "story:2", "article_id": 99})
    db.table("outbox").insert({**row, "id": 3, "dedup_key": "notice", "kind": "notice"})
    migrations.apply(db)
    found = dict(db.execute("SELECT id, subscription_ids FROM outbox ORDER BY id").fetchall())
    assert sorted(json.loads(found[1])) == [1, 2]
    assert found[2] is None and found[3] is None
    db.close()


def test_articles_stored_before_routing_was_recorded_count_as_routed(tmp_path: Path) -> None:
    """An upgrade must not alert on the archive: existing articles are marked routed."""
    import sqlite3

    from sqlite_utils import Database

    from storage.articles import unrouted_article_ids

    db = Database(sqlite3.connect(str(tmp_path / "old.db")))
    migrations.apply(db, stop_before="m090_article_routing")
    stamp = "2024-06-01T09:00:00+00:00"
    for article_id in (1, 2):
        db.table("articles").insert(old_article_row(article_id, str(article_id), stamp))
    migrations.apply(db)
    assert unrouted_article_ids(db) == []
    assert [r[0] for r in db.execute("SELECT routed_at FROM articles")] == [stamp, stamp]
    db.close()
