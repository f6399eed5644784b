"""Retention: old articles lose their body, never their title, metadata or links.

The full-text index row is cut the same way in the same transaction, so search stays
consistent (the title still finds the article). An article with an alert still to deliver
(pending, sending, held or parked) keeps its body: its «full text» button must work.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from storage.timestamps import to_db

__all__ = ["prune_article_bodies"]


def prune_article_bodies(db: Database, *, before: datetime) -> int:
    """Empty the body of each article stored before `before` without an unfinished alert;
    return how many were emptied."""
    with db.conn:
        ids = [
            int(row[0])
            for row in db.execute(
                """
                SELECT a.id FROM articles a
                WHERE a.ingested_at < ? AND a.body != ''
                  AND NOT EXISTS (
                      SELECT 1 FROM outbox o WHERE o.article_id = a.id
                      AND o.status IN ('pending', 'sending', 'held', 'parked')
                  )
                """,
                [to_db(before)],
            )
        ]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            db.execute(f"UPDATE articles SET body = '' WHERE id IN ({marks})", chunk)
            db.execute(f"UPDATE articles_fts SET body = '' WHERE rowid IN ({marks})", chunk)
    return len(ids)
