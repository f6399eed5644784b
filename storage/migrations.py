"""The schema, as sqlite-utils migrations. A landed migration is never edited: add a new one."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

__all__ = ["migrations"]

migrations = Migrations("marsad")


@migrations()
def m001_articles(db: Database) -> None:
    """Articles, story clusters and the full-text index over their normalized text."""
    db.execute(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            title TEXT NOT NULL,
            published TEXT,
            published_from TEXT NOT NULL,
            source TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            body TEXT NOT NULL,
            related TEXT NOT NULL DEFAULT '[]',
            language TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            story_id INTEGER REFERENCES stories(id)
        )
        """
    )
    db.execute("CREATE INDEX articles_story ON articles(story_id)")
    db.execute("CREATE INDEX articles_ingested ON articles(ingested_at)")
    # Holds the *normalized* title and body (rowid = articles.id), so that a search for
    # «والناتو» finds «الناتو»; the original text stays in `articles`.
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize='unicode61')")


@migrations()
def m002_chats_and_subscriptions(db: Database) -> None:
    """Chats (users, groups, channels) and the keywords they follow."""
    db.execute(
        """
        CREATE TABLE chats (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL DEFAULT 'private',
            title TEXT,
            language TEXT,
            timezone TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            inactive_reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON UPDATE CASCADE ON DELETE CASCADE,
            query TEXT NOT NULL,
            query_key TEXT NOT NULL,
            mode TEXT NOT NULL DEFAULT 'instant',
            created_at TEXT NOT NULL,
            UNIQUE(chat_id, query_key)
        )
        """
    )
    db.execute("CREATE INDEX subscriptions_chat ON subscriptions(chat_id)")


@migrations()
def m003_outbox(db: Database) -> None:
    """Matches and the outbox: every alert is persisted here before it is sent."""
    db.execute(
        """
        CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
            chat_id INTEGER NOT NULL,
            matched TEXT NOT NULL,
            sentence TEXT NOT NULL,
            score REAL NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE(article_id, subscription_id)
        )
        """
    )
    db.execute("CREATE INDEX matches_chat ON matches(chat_id, created_at)")
    db.execute(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'alert',
            dedup_key TEXT NOT NULL,
            story_id INTEGER,
            article_id INTEGER,
            payload TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            telegram_message_id INTEGER,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            UNIQUE(chat_id, dedup_key)
        )
        """
    )
    db.execute("CREATE INDEX outbox_due ON outbox(status, next_attempt_at)")


@migrations()
def m010_story_signatures(db: Database) -> None:
    """Each article's story signature, so a new article finds its story among recent ones."""
    db.execute(
        """
        CREATE TABLE story_signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories(id),
            published TEXT NOT NULL,
            terms TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX story_signatures_published ON story_signatures(published)")


@migrations()
def m040_views(db: Database) -> None:
    """Saved list views: what a paginated message shows, so its ◀ ▶ buttons carry only an id.

    A button's callback data holds at most 64 bytes, too little for a search query; the query
    is kept here and the button says `pg:<view id>:<page>`. Views survive restarts.
    """
    db.execute(
        """
        CREATE TABLE views (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            query TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX views_chat ON views(chat_id, id)")


@migrations()
def m011_undated_arrivals(db: Database) -> None:
    """Undated articles by arrival time: the story finder places them in time by it."""
    db.execute(
        "CREATE INDEX articles_undated_ingested ON articles(ingested_at)"
        " WHERE published_from = 'mtime'"
    )


@migrations()
def m012_index_surface_and_stem(db: Database) -> None:
    """Re-index articles with each token's surface form beside its clitic-stripped form."""
    from bot.core.arabic import index_text

    db.execute("DELETE FROM articles_fts")
    rows = db.execute("SELECT id, title, body FROM articles").fetchall()
    db.conn.executemany(
        "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
        [(id_, index_text(title), index_text(body)) for id_, title, body in rows],
    )


@migrations()
def m050_delivery_preferences(db: Database) -> None:
    """Quiet hours, mute, per-subscription digest modes, held alerts and service state.

    Times are ISO-8601 UTC strings with microseconds (`storage.preferences.to_db_time`), so
    that they compare correctly as text. Held alerts stay in the outbox (status 'held', with the
    reason and the instant they are due) until a digest takes them (status 'digested',
    `digest_id` naming the digest row), so nothing is lost or sent twice across restarts.
    """
    db.execute("ALTER TABLE chats ADD COLUMN quiet_start TEXT")
    db.execute("ALTER TABLE chats ADD COLUMN quiet_end TEXT")
    db.execute("ALTER TABLE chats ADD COLUMN muted INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE chats ADD COLUMN muted_until TEXT")
    db.execute("ALTER TABLE subscriptions ADD COLUMN daily_at TEXT")
    db.execute("ALTER TABLE subscriptions ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE subscriptions ADD COLUMN expires_at TEXT")
    db.execute("CREATE INDEX subscriptions_expiry ON subscriptions(expires_at)")
    db.execute("ALTER TABLE outbox ADD COLUMN hold_reason TEXT")
    db.execute("ALTER TABLE outbox ADD COLUMN release_at TEXT")
    db.execute("ALTER TABLE outbox ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE outbox ADD COLUMN digest_id INTEGER")
    db.execute("CREATE INDEX outbox_held ON outbox(chat_id, status, release_at)")
    db.execute(
        """
        CREATE TABLE service_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


@migrations()
def m080_outbox_subscriptions(db: Database) -> None:
    """Which of the chat's subscriptions produced each alert, as a JSON array of ids.

    A mode change then reschedules only the held alerts of that subscription. Alerts queued
    before this step get theirs from `matches` (same article and chat); NULL stays for rows
    no subscription produced (digests, notices) and for alerts whose subscriptions are gone.
    """
    db.execute("ALTER TABLE outbox ADD COLUMN subscription_ids TEXT")
    db.execute(
        """
        UPDATE outbox SET subscription_ids = (
            SELECT json_group_array(m.subscription_id) FROM matches m
            WHERE m.article_id = outbox.article_id AND m.chat_id = outbox.chat_id
        )
        WHERE kind = 'alert' AND article_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM matches m
            WHERE m.article_id = outbox.article_id AND m.chat_id = outbox.chat_id
        )
        """
    )


@migrations()
def m081_article_url_kind(db: Database) -> None:
    """The article's own address (a `الرابط:` line, a collected item's link) and its kind:
    `article`, or `flash` for a breaking-news line with little or no text."""
    db.execute("ALTER TABLE articles ADD COLUMN url TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article'")


@migrations()
def m090_article_routing(db: Database) -> None:
    """When each article was routed (matched, its alerts queued); NULL until then.

    Routing sets it in the transaction that queues the article's alerts, so an article stored
    but not yet routed when the process died is found and routed after a restart. Articles
    stored before this step count as routed: an upgrade must not alert on the archive.
    """
    db.execute("ALTER TABLE articles ADD COLUMN routed_at TEXT")
    db.execute("UPDATE articles SET routed_at = ingested_at")
    db.execute("CREATE INDEX articles_unrouted ON articles(id) WHERE routed_at IS NULL")


@migrations()
def m110_feeds(db: Database) -> None:
    """The collector's feeds and the items it has written to the inbox.

    A feed keeps its HTTP validators (ETag, Last-Modified) for conditional requests, its health
    (last success, last error, consecutive failures, whether the admins were told) and when it
    is next due. `feed_items` holds one row per key of a collected item (its guid and its
    link, both), so the same article seen in two feeds is written once; `feed_retries` counts
    failed page fetches of items still to be written.
    """
    db.execute(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT,
            etag TEXT,
            last_modified TEXT,
            interval_seconds REAL,
            paused INTEGER NOT NULL DEFAULT 0,
            added_at TEXT NOT NULL,
            last_success_at TEXT,
            last_error TEXT,
            last_error_at TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            failing_reported INTEGER NOT NULL DEFAULT 0,
            next_poll_at TEXT,
            items_collected INTEGER NOT NULL DEFAULT 0,
            newest_item_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE feed_items (
            item_key TEXT PRIMARY KEY,
            feed_id INTEGER,
            url TEXT,
            file_name TEXT,
            collected_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE feed_retries (
            feed_id INTEGER NOT NULL,
            item_key TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            last_error TEXT NOT NULL,
            PRIMARY KEY (feed_id, item_key)
        )
        """
    )
