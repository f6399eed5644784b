"""Articles in the database: saving (deduplicated, indexed, clustered into stories) and reading."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from bot.core.arabic import index_text
from bot.core.article import ArticleKind, DateOrigin, ParsedArticle
from bot.core.stories import (
    STORY_WINDOW,
    SignatureCache,
    StoryCandidate,
    best_story,
    story_terms,
)

__all__ = [
    "MAX_STORY_CANDIDATES",
    "SaveResult",
    "StoredArticle",
    "article_id_for_hash",
    "count_articles",
    "get_article",
    "mark_routed",
    "save_article",
    "story_sources",
    "unrouted_article_ids",
    "write_batch",
]

# Bound on the signatures compared per new article, so that ingest cost does not grow with
# the archive: only the most recent articles inside the story window are candidates.
MAX_STORY_CANDIDATES = 400


@dataclass(frozen=True, slots=True)
class SaveResult:
    """Outcome of `save_article`. For a duplicate, `article_id` is the stored original."""

    article_id: int
    is_new: bool
    duplicate: bool
    story_id: int | None


class StoredArticle(BaseModel):
    """An article as stored."""

    model_config = ConfigDict(frozen=True)

    id: int
    title: str
    body: str
    published: datetime | None
    published_from: DateOrigin
    source: str | None
    tags: tuple[str, ...]
    related: tuple[str, ...]
    language: str
    story_id: int | None
    file_name: str
    content_hash: str
    ingested_at: datetime
    url: str | None = None
    kind: ArticleKind = "article"


def _iso(value: datetime) -> str:
    """UTC ISO 8601, so that stored times sort as text."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def article_id_for_hash(db: Database, content_hash: str) -> int | None:
    """The id of the article stored with these bytes, if any."""
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [content_hash]).fetchone()
    return int(row[0]) if row else None


def count_articles(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def save_article(
    db: Database,
    parsed: ParsedArticle,
    *,
    content_hash: str,
    file_name: str,
    now: datetime,
    signatures: SignatureCache | None = None,
) -> SaveResult:
    """Store `parsed` once per content hash, index it for search and link it to its story.

    `signatures`, kept by a long-running caller (the inbox scanner, a backfill), spares
    re-reading the story signatures of recent articles for every new one.
    All of an article's rows are written or none: on its own the save is one committed
    transaction; inside `write_batch` it is a savepoint of the batch's transaction, committed
    with the batch.
    """
    existing = article_id_for_hash(db, content_hash)
    if existing is not None:
        return _duplicate(db, existing)
    terms = story_terms(parsed.title, parsed.body)
    conn = db.conn
    joined = conn.in_transaction
    conn.execute("SAVEPOINT save_article" if joined else "BEGIN")
    try:
        article_id, story_id = _insert(db, parsed, terms, content_hash, file_name, now, signatures)
    except BaseException as exc:
        if joined:
            conn.execute("ROLLBACK TO save_article")
            conn.execute("RELEASE save_article")
        else:
            conn.rollback()
        if isinstance(exc, _StoredMeanwhileError):
            existing = article_id_for_hash(db, content_hash)
            assert existing is not None
            return _duplicate(db, existing)
        raise
    if joined:
        conn.execute("RELEASE save_article")
    else:
        conn.commit()
    if signatures is not None:
        signatures.put(StoryCandidate(article_id, story_id, terms))
    return SaveResult(article_id=article_id, is_new=True, duplicate=False, story_id=story_id)


class _StoredMeanwhileError(Exception):
    """Another writer stored the same bytes between our check and our insert."""


def _insert(
    db: Database,
    parsed: ParsedArticle,
    terms: frozenset[str],
    content_hash: str,
    file_name: str,
    now: datetime,
    signatures: SignatureCache | None,
) -> tuple[int, int]:
    published = parsed.published or now
    # The story first, so that the article row is written once, with its story.
    undated = parsed.published_from == "mtime"
    match = best_story(terms, _story_candidates(db, published, now, undated, signatures))
    if match is None:
        story_id = int(
            db.execute("INSERT INTO stories (created_at) VALUES (?)", [_iso(now)]).lastrowid or 0
        )
    else:
        story_id = match[0]
    cursor = db.execute(
        """
        INSERT INTO articles (content_hash, file_name, title, published, published_from,
            source, tags, body, related, language, ingested_at, story_id, url, kind)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(content_hash) DO NOTHING
        """,
        [
            content_hash,
            file_name,
            parsed.title,
            _iso(parsed.published) if parsed.published else None,
            parsed.published_from,
            parsed.source,
            json.dumps(list(parsed.tags), ensure_ascii=False),
            parsed.body,
            json.dumps(list(parsed.related), ensure_ascii=False),
            parsed.language,
            _iso(now),
            story_id,
            parsed.url,
            parsed.kind,
        ],
    )
    if cursor.rowcount == 0:
        raise _StoredMeanwhileError  # undoes the story row too
    article_id = int(cursor.lastrowid or 0)
    db.execute(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
        [article_id, index_text(parsed.title), index_text(parsed.body)],
    )
    db.execute(
        "INSERT INTO story_signatures (article_id, story_id, published, terms) VALUES (?, ?, ?, ?)",
        [article_id, story_id, _iso(published), " ".join(sorted(terms))],
    )
    return article_id, story_id


def unrouted_article_ids(db: Database, *, after: int = 0, limit: int = 200) -> list[int]:
    """Ids of stored articles not yet routed, oldest first, from the one after `after`."""
    rows = db.execute(
        "SELECT id FROM articles WHERE routed_at IS NULL AND id > ? ORDER BY id LIMIT ?",
        [after, limit],
    )
    return [int(row[0]) for row in rows]


def mark_routed(db: Database, article_ids: Sequence[int], *, now: datetime) -> None:
    """Mark articles routed. Inside an open transaction (`write_batch`, `outbox.record_alerts`)
    it is part of it, so the mark and what routing wrote are kept or lost together."""
    if not article_ids:
        return
    rows = [(_iso(now), article_id) for article_id in article_ids]
    sql = "UPDATE articles SET routed_at = ? WHERE id = ? AND routed_at IS NULL"
    if db.conn.in_transaction:
        db.conn.executemany(sql, rows)
    else:
        with db.conn:
            db.conn.executemany(sql, rows)


@contextmanager
def write_batch(db: Database) -> Iterator[None]:
    """One transaction around several `save_article` calls, committed when the block ends.

    Committing once per batch instead of once per article spares most of the cost of a
    save (each commit also flushes a new full-text segment). A failed save inside the batch
    undoes only its own rows; an exception out of the block rolls the whole batch back.
    Callers must not act on a saved article (move its file, alert on it) before the block
    has ended without error.
    """
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("write_batch inside an open transaction")
    conn.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _duplicate(db: Database, article_id: int) -> SaveResult:
    row = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
    story_id = int(row[0]) if row and row[0] is not None else None
    return SaveResult(article_id=article_id, is_new=False, duplicate=True, story_id=story_id)


def _story_candidates(
    db: Database,
    published: datetime,
    now: datetime,
    undated: bool,
    signatures: SignatureCache | None,
) -> list[StoryCandidate]:
    # An article without a date of its own (mtime fallback) is placed in time by its arrival:
    # it may join a story whose articles arrived within the window, whatever their dates, and
    # a dated article may join it the same way. Otherwise an outlet that omits dates could
    # never be clustered with the outlets that print them.
    window = [_iso(published - STORY_WINDOW), _iso(published + STORY_WINDOW)]
    arrival = [_iso(now - STORY_WINDOW), _iso(now + STORY_WINDOW)]
    rows = db.execute(
        """
        SELECT article_id, story_id FROM story_signatures
        WHERE published BETWEEN ? AND ?
        ORDER BY article_id DESC LIMIT ?
        """,
        [*window, MAX_STORY_CANDIDATES],
    ).fetchall()
    arrived = db.execute(
        f"""
        SELECT s.article_id, s.story_id FROM articles a
        JOIN story_signatures s ON s.article_id = a.id
        WHERE a.ingested_at BETWEEN ? AND ? {"" if undated else "AND a.published_from = 'mtime'"}
        ORDER BY a.id DESC LIMIT ?
        """,
        [*arrival, MAX_STORY_CANDIDATES],
    ).fetchall()
    if arrived:
        merged = dict(rows)
        merged.update(arrived)
        rows = sorted(merged.items(), reverse=True)[:MAX_STORY_CANDIDATES]
    cache = signatures if signatures is not None else SignatureCache(len(rows))
    lookup = cache.get
    cached = [lookup(article_id) for article_id, _ in rows]
    found = [candidate for candidate in cached if candidate is not None]
    if len(found) == len(rows):
        return found
    missing = [article_id for (article_id, _), c in zip(rows, cached, strict=True) if c is None]
    stories = dict(rows)
    for start in range(0, len(missing), 500):  # SQLite's limit on bound parameters
        chunk = missing[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for article_id, terms in db.execute(
            f"SELECT article_id, terms FROM story_signatures WHERE article_id IN ({marks})", chunk
        ):
            cache.put(StoryCandidate(article_id, stories[article_id], frozenset(terms.split())))
    return [c for c in (lookup(article_id) for article_id, _ in rows) if c is not None]


_ARTICLE_COLUMNS = (
    "id, title, body, published, published_from, source, tags, related, language, story_id,"
    " file_name, content_hash, ingested_at, url, kind"
)


def get_article(db: Database, article_id: int) -> StoredArticle:
    """The stored article with this id; KeyError if there is none."""
    row = db.execute(
        f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        raise KeyError(f"no article with id {article_id}")
    (id_, title, body, published, origin, source, tags, related, language, story, name, hash_,
     ingested, url, kind) = row  # fmt: skip
    return StoredArticle(
        id=id_,
        title=title,
        body=body,
        published=datetime.fromisoformat(published) if published else None,
        published_from=origin,
        source=source,
        tags=tuple(json.loads(tags)),
        related=tuple(json.loads(related)),
        language=language,
        story_id=story,
        file_name=name,
        content_hash=hash_,
        ingested_at=datetime.fromisoformat(ingested),
        url=url,
        kind=kind,
    )


def story_sources(db: Database, story_id: int) -> list[str]:
    """Who reported a story: the distinct named sources of its articles, first report first.

    An article without a `المصدر:` line adds no name: its file name means nothing to a reader.
    """
    rows = db.execute(
        "SELECT source FROM articles WHERE story_id = ? AND source IS NOT NULL ORDER BY id",
        [story_id],
    ).fetchall()
    seen: dict[str, None] = {}
    for (name,) in rows:
        seen.setdefault(name, None)
    return list(seen)
