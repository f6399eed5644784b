"""The collector: reads feeds, brings each new item's article, and writes it to the inbox.

It is a producer like any other: the inbox scanner (bot/ingest/inbox.py) stays the one
entrance, and parses, stores and matches what the collector writes. For each due feed:

1. a conditional GET (the stored ETag / Last-Modified; a 304 ends the poll cheaply);
2. the feed parsed (RSS, Atom, JSON Feed); items already written, by guid or by link, in this
   feed or any other, are skipped;
3. an item with its full text in the feed (content:encoded, Atom content) is written as is;
   a teaser-only item has its page fetched and the article extracted (in a worker thread);
4. one file per item, written under a dot-name and renamed into the inbox.

An item whose page fails is not marked seen and the feed's validators are not stored, so the
next poll reads the whole feed again and retries it; after `PAGE_ATTEMPTS` failures the item
is written with the feed's own text when it has some, so nothing is lost for good. A failing
feed waits longer each time (the interval doubled per failure, up to `MAX_BACKOFF`); the
admins are told once when it keeps failing and once when it recovers.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from sqlite_utils import Database

from bot.core.clock import Clock
from bot.core.outgoing import OutgoingMessage
from bot.core.texts import pick_lang, text
from bot.ingest.collector import SourceError
from bot.ingest.collector.extraction import extract_page
from bot.ingest.collector.fetcher import Fetcher, FetchError
from bot.ingest.collector.syndication import FeedItem, ParsedFeed, parse_feed
from bot.settings import Settings
from storage.digests import enqueue_notice
from storage.feeds import (
    Feed,
    add_feed,
    due_feeds,
    mark_failing_reported,
    mark_items,
    record_failure,
    record_retry,
    record_success,
    seen_keys,
    set_url,
)
from storage.preferences import chat_prefs

__all__ = [
    "FULL_TEXT_WORDS",
    "MAX_BACKOFF",
    "PAGE_ATTEMPTS",
    "Collector",
    "FeedOutcome",
    "ItemFailure",
    "article_file_text",
]

log = logging.getLogger(__name__)

# An item whose feed text has at least this many words is taken as the whole article; a
# shorter one is a teaser and its page is fetched.
FULL_TEXT_WORDS = 120
PAGE_ATTEMPTS = 3
MAX_BACKOFF = timedelta(hours=6)
_FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9,"
    " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
_PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class ItemFailure:
    """An item not written this time (its page failed); it is tried again on the next poll."""

    url: str
    reason: str


@dataclass
class FeedOutcome:
    """What one poll of one feed did."""

    feed_id: int
    url: str
    title: str | None = None
    error: str | None = None
    not_modified: bool = False
    written: list[Path] = field(default_factory=list)
    item_failures: list[ItemFailure] = field(default_factory=list)
    moved_to: str | None = None
    notice: Literal["failing", "recovered"] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _words(value: str) -> int:
    return len(value.split())


def _one_line(value: str) -> str:
    return " ".join(value.split())


def article_file_text(
    *, title: str, published: datetime | None, source: str, url: str | None, body: str
) -> str:
    """An inbox file in the inbox contract's shape: the title, `تاريخ النشر:`, `المصدر:`,
    `الرابط:` lines, a blank line, and the article's paragraphs."""
    lines = [_one_line(title)]
    if published is not None:
        lines.append("تاريخ النشر: " + published.astimezone(UTC).strftime("%Y-%m-%d %H:%M +00:00"))
    if source:
        lines.append("المصدر: " + _one_line(source))
    if url:
        lines.append("الرابط: " + url)
    lines.append("")
    lines.append(body.strip())
    return "\n".join(lines) + "\n"


def write_inbox_file(inbox: Path, name: str, content: str) -> Path:
    """Write `content` to `inbox/name` atomically: a dot-name first (the scanner never reads
    dotfiles), fsync, then a rename, so the scanner sees the whole file or nothing."""
    inbox.mkdir(parents=True, exist_ok=True)
    target = inbox / name
    temporary = inbox / f".{name}.tmp"
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    return target


def _item_keys(item: FeedItem) -> tuple[str, ...]:
    if item.keys:
        return item.keys
    # Neither guid nor link: the title and text are all that identify it.
    digest = hashlib.sha1((item.title + "\n" + item.summary + item.content).encode()).hexdigest()
    return ("text:" + digest,)


def _site_name(feed_title: str | None, url: str) -> str:
    return feed_title or urlsplit(url).netloc


class Collector:
    """Polls feeds into the inbox; one instance keeps the per-host politeness across polls."""

    def __init__(self, db: Database, settings: Settings, clock: Clock | None = None) -> None:
        self.db = db
        self.settings = settings
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        # Per-host last-request times outlive a round: the next round stays polite too.
        self._fetcher = Fetcher(
            timeout=settings.feed_timeout,
            max_bytes=settings.feed_max_bytes,
            host_delay=settings.feed_host_delay,
        )
        self._round = asyncio.Lock()
        self._claimed: set[str] = set()

    # ------------------------------------------------------------------------- entries

    async def collect_due(self) -> list[FeedOutcome]:
        """Poll every feed that is due (not paused, its next poll time passed)."""
        return await self.collect(due_feeds(self.db, self.clock()))

    async def collect_urls(self, urls: Sequence[str]) -> list[FeedOutcome]:
        """Poll these feeds now, due or not; unknown ones are added first."""
        now = self.clock()
        return await self.collect([add_feed(self.db, url, now)[0] for url in urls])

    async def collect(self, feeds: Sequence[Feed]) -> list[FeedOutcome]:
        """Poll `feeds` concurrently (one request at a time per host); one round at a time."""
        if not feeds:
            return []
        async with self._round, self._fetcher:
            return list(await asyncio.gather(*(self._poll(feed) for feed in feeds)))

    async def preview(self, url: str) -> ParsedFeed:
        """Fetch and parse a feed without storing anything (to validate `/feeds add`).
        Raises a SourceError: FetchError or FeedError."""
        # Its own fetcher: an admin's command does not wait for a polling round to end.
        async with Fetcher(
            timeout=self.settings.feed_timeout,
            max_bytes=self.settings.feed_max_bytes,
            host_delay=self.settings.feed_host_delay,
        ) as fetcher:
            fetched = await fetcher.fetch(url, accept=_FEED_ACCEPT)
            return parse_feed(fetched.body, fetched.url)

    # ------------------------------------------------------------------------- one feed

    def _interval(self, feed: Feed) -> timedelta:
        return timedelta(seconds=feed.interval_seconds or self.settings.feed_interval)

    async def _poll(self, feed: Feed) -> FeedOutcome:
        outcome = FeedOutcome(feed_id=feed.id, url=feed.url, title=feed.title)
        try:
            await self._read(feed, outcome)
        except SourceError as exc:
            self._fail(feed, outcome, exc.reason)
        except Exception as exc:  # a bug on one feed must not stop the others
            log.exception("unexpected error polling %s", feed.url)
            self._fail(feed, outcome, f"unexpected error: {type(exc).__name__}: {exc}")
        return outcome

    async def _read(self, feed: Feed, outcome: FeedOutcome) -> None:
        fetched = await self._fetcher.fetch(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=_FEED_ACCEPT
        )
        moved = fetched.moved_to
        if moved and moved != feed.url and set_url(self.db, feed.id, moved):
            log.info("feed moved permanently: %s → %s", feed.url, moved)
            outcome.moved_to = outcome.url = moved
        now = self.clock()
        if fetched.not_modified:
            outcome.not_modified = True
            self._succeed(feed, outcome, now, fetched.etag, fetched.last_modified)
            return
        # Parsing a large feed is CPU work: off the event loop, as extraction is.
        parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.url)
        outcome.title = parsed.title or feed.title
        source = _site_name(outcome.title, parsed.site_url or fetched.url)
        # Oldest first, so the inbox receives them in the order they were published.
        fresh = [item for item in parsed.items if not seen_keys(self.db, _item_keys(item))]
        fresh.sort(key=lambda item: item.published or datetime.min.replace(tzinfo=UTC))
        for item in fresh:
            # The same item may sit twice in one feed, or have been written by a feed polled
            # at the same moment: look again just before writing.
            keys = _item_keys(item)
            if seen_keys(self.db, keys) or self._claimed.intersection(keys):
                continue
            # Claimed while its page is fetched, so a feed polled beside this one that lists
            # the same item leaves it to this one (which retries it if the page fails).
            self._claimed.update(keys)
            try:
                await self._collect_item(feed, item, source, outcome)
            finally:
                self._claimed.difference_update(keys)
        if outcome.item_failures:
            # Leave the validators out: the next poll must read the feed in full to retry.
            self._succeed(feed, outcome, self.clock(), None, None)
        else:
            self._succeed(feed, outcome, self.clock(), fetched.etag, fetched.last_modified)

    async def _collect_item(
        self, feed: Feed, item: FeedItem, source: str, outcome: FeedOutcome
    ) -> None:
        keys = _item_keys(item)
        feed_text = item.content if _words(item.content) >= _words(item.summary) else item.summary
        body = feed_text
        title = item.title
        published = item.published
        if _words(feed_text) < FULL_TEXT_WORDS and item.link:
            try:
                fetched = await self._fetcher.fetch(item.link, accept=_PAGE_ACCEPT)
                page = await asyncio.to_thread(
                    extract_page, fetched.body, fetched.url, fetched.content_type
                )
                if not page.text:
                    raise FetchError("no article text found on the page")
            except FetchError as exc:
                attempts = record_retry(self.db, feed.id, keys[0], exc.reason)
                if attempts < PAGE_ATTEMPTS or not feed_text:
                    log.warning(
                        "page of %s failed (%s), attempt %d: retried on the next poll",
                        item.link,
                        exc.reason,
                        attempts,
                    )
                    outcome.item_failures.append(ItemFailure(item.link, exc.reason))
                    return
                log.warning(
                    "page of %s failed %d times (%s): writing the feed's own text",
                    item.link,
                    attempts,
                    exc.reason,
                )
            else:
                if _words(page.text) > _words(feed_text):
                    body = page.text
                title = title or page.title or ""
                published = published or page.published
        if not title.strip() or not body.strip():
            what = "title" if not title.strip() else "text"
            reason = f"item has no {what}"
            log.warning("skipping an item of %s: %s", feed.url, reason)
            outcome.item_failures.append(ItemFailure(item.link or feed.url, reason))
            return
        content = article_file_text(
            title=title, published=published, source=source, url=item.link, body=body
        )
        now = self.clock()
        name = f"{now.strftime('%Y%m%dT%H%M%S')}-feed{feed.id}-{_short_hash(keys[0])}.txt"
        path = await asyncio.to_thread(write_inbox_file, self.settings.inbox, name, content)
        mark_items(
            self.db, feed.id, keys, url=item.link, file_name=name, published=published, now=now
        )
        outcome.written.append(path)

    # ------------------------------------------------------------------------- health

    def _succeed(
        self,
        feed: Feed,
        outcome: FeedOutcome,
        now: datetime,
        etag: str | None,
        last_modified: str | None,
    ) -> None:
        record_success(
            self.db,
            feed.id,
            now,
            now + self._interval(feed),
            title=outcome.title,
            etag=etag,
            last_modified=last_modified,
        )
        if feed.failing_reported:
            self._notify_admins(feed, outcome, "recovered", now, reason=feed.last_error or "")
            mark_failing_reported(self.db, feed.id, False)
            outcome.notice = "recovered"

    def _fail(self, feed: Feed, outcome: FeedOutcome, reason: str) -> None:
        now = self.clock()
        outcome.error = reason
        backoff = min(
            self._interval(feed) * 2 ** min(feed.consecutive_failures + 1, 20), MAX_BACKOFF
        )
        failures = record_failure(self.db, feed.id, reason, now, now + backoff)
        log.warning("feed %s failed (%d in a row): %s", feed.url, failures, reason)
        if failures >= self.settings.feed_failure_alert and not feed.failing_reported:
            self._notify_admins(feed, outcome, "failing", now, reason=reason, failures=failures)
            mark_failing_reported(self.db, feed.id, True)
            outcome.notice = "failing"

    def _notify_admins(
        self,
        feed: Feed,
        outcome: FeedOutcome,
        kind: Literal["failing", "recovered"],
        now: datetime,
        *,
        reason: str,
        failures: int = 0,
    ) -> None:
        """Queue one notice per admin in the outbox (the only path to users)."""
        name = outcome.title or feed.title or urlsplit(outcome.url).netloc
        for admin_id in self.settings.admin_ids:
            prefs = chat_prefs(self.db, admin_id, default_timezone=self.settings.timezone)
            lang = pick_lang(prefs.language, pick_lang(self.settings.language))
            message = OutgoingMessage(
                text=text(
                    f"feeds.notice.{kind}",
                    lang,
                    name=name,
                    url=outcome.url,
                    reason=reason,
                    failures=failures,
                )
            )
            enqueue_notice(
                self.db, admin_id, f"feed-{kind}:{feed.id}:{now.isoformat()}", message, now
            )


def _short_hash(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:12]
