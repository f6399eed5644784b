"""Reading articles back for the chat: full-text search, recent matches, keyword previews.

The full-text index (`articles_fts`) holds `bot.core.arabic.index_text` of each title and body, so a
query goes through the same normalization: «والناتو» finds «الناتو», «أمريكا» finds «امريكا».
"""

from __future__ import annotations

from collections.abc import Sequence, Sized
from datetime import UTC, datetime
from typing import Final

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from bot.core.arabic import query_terms, strip_proclitics

__all__ = [
    "ArticleHit",
    "Page",
    "articles_since",
    "candidates_for_forms",
    "forms_query",
    "fts_query",
    "recent_for_chat",
    "recent_for_terms",
    "search_articles",
]

# Counting every hit of a very common word costs more than the answer is worth: past this
# many, pages say «1000+» in effect (the count stops here).
COUNT_CAP: Final = 1000
# Ranking every hit of a common word is what makes a search slow. Hits are ranked among the
# newest RANK_WINDOW matches (rowid = article id = arrival order): in a news archive the
# answer to a query is recent, and the total still counts older hits.
RANK_WINDOW: Final = 2000
# Terms shorter than this are matched whole; longer ones also match as prefixes, so that
# «صاروخ» finds «صاروخية» (suffixes are not stripped in the index).
PREFIX_MIN: Final = 3


class ArticleHit(BaseModel):
    """An article as a list shows it."""

    model_config = ConfigDict(frozen=True)

    id: int
    title: str
    body: str
    source: str | None
    published: datetime | None
    # False when the article has no date of its own and `published` is its arrival time.
    dated: bool = True
    url: str | None = None
    # The chat's keywords it matched (recent_for_chat), each once, in the order followed.
    keywords: tuple[str, ...] = ()


class Page(BaseModel):
    """One page of hits and the total number of hits (capped at COUNT_CAP)."""

    model_config = ConfigDict(frozen=True)

    hits: tuple[ArticleHit, ...]
    total: int


def fts_query(text: str, *, any_term: bool = False) -> str | None:
    """An FTS5 query for `text`: its index terms, quoted (no FTS syntax gets through), prefix-
    matched when long enough, all required (or any, with `any_term`). None if no term.
    Question and function words («ماذا عن», «آخر أخبار») are left out while a content word
    remains (`bot.core.arabic.query_terms`): requiring them would find nothing."""
    terms = query_terms(text)
    if not terms:
        return None
    parts = []
    for term in terms:
        surface = f'"{term}"*' if len(term) >= PREFIX_MIN else f'"{term}"'
        stem = strip_proclitics(term)
        # The stem is matched whole: as a prefix, a short stem («تاب» of «كتاب») would
        # reach unrelated words («تابع»).
        parts.append(surface if stem == term else f'({surface} OR "{stem}")')
    return (" OR " if any_term else " AND ").join(parts)


_COLUMNS = "a.id, a.title, a.body, a.source, a.published, a.published_from, a.url"
# When the article is news from: its own date, or its arrival when it printed none (the
# file's mtime stands in as `published` then, and says nothing about the news).
_NEWS_TIME = (
    "(CASE WHEN a.published_from = 'mtime' OR a.published IS NULL "
    "THEN a.ingested_at ELSE a.published END)"
)


def _hit(row: tuple[object, ...], keywords: tuple[str, ...] = ()) -> ArticleHit:
    published = row[4]
    return ArticleHit(
        id=int(str(row[0])),
        title=str(row[1]),
        body=str(row[2]),
        source=None if row[3] is None else str(row[3]),
        published=datetime.fromisoformat(published) if isinstance(published, str) else None,
        dated=row[5] != "mtime",
        url=None if row[6] is None else str(row[6]),
        keywords=keywords,
    )


def _count(db: Database, sql: str, params: list[object]) -> int:
    row = db.execute(f"SELECT count(*) FROM ({sql} LIMIT {COUNT_CAP})", params).fetchone()
    return int(row[0]) if row else 0


def _total(counted: int, offset: int, rows: Sized) -> int:
    """The count, raised to what this page proves exists (the count stops at COUNT_CAP); a
    page past the end proves nothing, so its offset must not pass for a total."""
    return max(counted, offset + len(rows)) if len(rows) else counted


def search_articles(db: Database, text: str, *, limit: int, offset: int = 0) -> Page:
    """Articles matching every term of `text`, best first (title hits weigh double), ranked
    among the newest RANK_WINDOW hits."""
    query = fts_query(text)
    if query is None:
        return Page(hits=(), total=0)
    rows = db.execute(
        f"""
        SELECT {_COLUMNS} FROM (
            SELECT rowid, bm25(articles_fts, 2.0, 1.0) AS score FROM articles_fts
            WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT {RANK_WINDOW}
        ) f
        JOIN articles a ON a.id = f.rowid
        ORDER BY f.score, a.id DESC
        LIMIT ? OFFSET ?
        """,
        [query, limit, offset],
    ).fetchall()
    total = _count(db, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [query])
    return Page(hits=tuple(_hit(r) for r in rows), total=_total(total, offset, rows))


def recent_for_terms(db: Database, text: str, *, limit: int, offset: int = 0) -> Page:
    """Newest articles matching every term of `text` (by publication, then arrival), among
    the last RANK_WINDOW to arrive."""
    query = fts_query(text)
    if query is None:
        return Page(hits=(), total=0)
    matching = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
    rows = db.execute(
        f"""
        SELECT {_COLUMNS} FROM articles a
        WHERE a.id IN ({matching} ORDER BY rowid DESC LIMIT {RANK_WINDOW})
        ORDER BY {_NEWS_TIME} DESC, a.id DESC
        LIMIT ? OFFSET ?
        """,
        [query, limit, offset],
    ).fetchall()
    total = _count(db, matching, [query])
    return Page(hits=tuple(_hit(r) for r in rows), total=_total(total, offset, rows))


def recent_for_chat(db: Database, chat_id: int, *, limit: int, offset: int = 0) -> Page:
    """Articles that matched any subscription of `chat_id`, each once, newest news first (by
    the article's own date, by its arrival when it has none), with the keywords it matched."""
    rows = db.execute(
        f"""
        SELECT {_COLUMNS} FROM articles a
        JOIN (SELECT DISTINCT article_id FROM matches WHERE chat_id = ?) m
          ON m.article_id = a.id
        ORDER BY {_NEWS_TIME} DESC, a.id DESC
        LIMIT ? OFFSET ?
        """,
        [chat_id, limit, offset],
    ).fetchall()
    row = db.execute(
        "SELECT count(DISTINCT article_id) FROM matches WHERE chat_id = ?", [chat_id]
    ).fetchone()
    keywords = _matched_keywords(db, chat_id, [int(r[0]) for r in rows])
    return Page(
        hits=tuple(_hit(r, keywords.get(int(r[0]), ())) for r in rows),
        total=int(row[0]) if row else 0,
    )


def _matched_keywords(
    db: Database, chat_id: int, article_ids: list[int]
) -> dict[int, tuple[str, ...]]:
    """Per article, the chat's keywords that matched it: the subscription as the user wrote
    it, or the matched words when the subscription has since been removed."""
    if not article_ids:
        return {}
    marks = ",".join("?" * len(article_ids))
    found: dict[int, dict[str, None]] = {}
    for article_id, keyword in db.execute(
        f"""
        SELECT m.article_id, coalesce(s.query, m.matched) FROM matches m
        LEFT JOIN subscriptions s ON s.id = m.subscription_id
        WHERE m.chat_id = ? AND m.article_id IN ({marks})
        ORDER BY m.subscription_id
        """,
        [chat_id, *article_ids],
    ):
        if keyword:
            found.setdefault(int(article_id), {})[str(keyword)] = None
    return {article_id: tuple(words) for article_id, words in found.items()}


def forms_query(phrases: Sequence[Sequence[Sequence[str]]]) -> str | None:
    """An FTS5 query for phrases given by the forms of their words: any phrase, all its words,
    each word any of its forms (each a prefix of an index term). None if nothing usable."""
    alternatives: list[str] = []
    for phrase in phrases:
        words: list[str] = []
        for forms in phrase:
            usable = sorted({f for f in (_fold_form(x) for x in forms) if len(f) >= PREFIX_MIN})
            if usable:
                words.append("(" + " OR ".join(f'"{f}"*' for f in usable) + ")")
        if words:
            alternatives.append("(" + " AND ".join(words) + ")")
    return " OR ".join(dict.fromkeys(alternatives)) or None


def candidates_for_forms(
    db: Database,
    phrases: Sequence[Sequence[Sequence[str]]],
    *,
    limit: int = RANK_WINDOW,
    since: datetime | None = None,
) -> list[ArticleHit]:
    """The newest `limit` articles (published, or undated ingested, since `since` if given)
    that may mention one of `phrases` (see `forms_query`), newest first: the candidates a
    keyword view or a follow preview checks with the matcher."""
    query = forms_query(phrases)
    if query is None:
        return []
    after = "" if since is None else "AND coalesce(a.published, a.ingested_at) >= ?"
    params: list[object] = [query, limit]
    if since is not None:
        params.append(since.astimezone(UTC).isoformat(timespec="seconds"))
    rows = db.execute(
        f"""
        SELECT {_COLUMNS} FROM articles a
        WHERE a.id IN (
            SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?
        ) {after}
        ORDER BY coalesce(a.published, a.ingested_at) DESC, a.id DESC
        """,
        params,
    ).fetchall()
    return [_hit(r) for r in rows]


def _fold_form(form: str) -> str:
    """A word form as the index holds it: letters and digits only, no FTS syntax."""
    return "".join(ch for ch in form if ch.isalnum())


def articles_since(
    db: Database, since: datetime, terms: list[str], *, limit: int = 5000
) -> list[ArticleHit]:
    """Articles published (or, undated, ingested) since `since` that contain any of `terms`
    (words or phrases), newest first: the candidates a follow preview checks with the matcher."""
    queries = [q for q in (fts_query(t) for t in terms) if q]
    if not queries:
        return []
    query = " OR ".join(f"({q})" for q in queries)
    rows = db.execute(
        f"""
        SELECT {_COLUMNS} FROM articles a
        WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
          AND coalesce(a.published, a.ingested_at) >= ?
        ORDER BY coalesce(a.published, a.ingested_at) DESC, a.id DESC
        LIMIT ?
        """,
        [query, since.astimezone(UTC).isoformat(timespec="seconds"), limit],
    ).fetchall()
    return [_hit(r) for r in rows]
