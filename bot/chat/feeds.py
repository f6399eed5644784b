"""The /feeds command family (administrators only): list the collector's feeds with their
state, add one (fetched once to validate), pause, resume or remove one.

Feeds are named by their stored id, which `/feeds` shows beside each one, so a number keeps
meaning the same feed however the list changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.core import callbacks
from bot.core.outgoing import Button, OutgoingMessage
from bot.core.preferences import format_local
from bot.core.texts import Lang, clip, plain, text
from bot.ingest.collector import SourceError
from bot.ingest.collector.collector import Collector
from bot.ingest.collector.sources import is_feed_url
from bot.settings import Settings
from storage.feeds import Feed, add_feed, delete_feed, feed_by_id, list_feeds, set_paused

__all__ = [
    "LISTED_FEEDS",
    "MAX_INTERVAL",
    "MIN_INTERVAL",
    "PREVIEW_ITEMS",
    "feed_list",
    "feeds_command",
    "press_feed_button",
]

MIN_INTERVAL = 60.0
MAX_INTERVAL = 86400.0
PREVIEW_ITEMS = 3
# Feeds shown by /feeds: about 250 characters each keeps the list under Telegram's 4096.
LISTED_FEEDS = 15


def _name(feed: Feed) -> str:
    return feed.title or feed.url


def feed_list(db: Database, lang: Lang, zone: ZoneInfo) -> OutgoingMessage:
    """Every feed with its state (items collected, newest item, last error) and buttons."""
    feeds = list_feeds(db)
    if not feeds:
        return OutgoingMessage(text=text("feeds.empty", lang))
    parts = [text("feeds.header", lang, count=len(feeds))]
    rows: list[tuple[Button, ...]] = []
    for feed in feeds[:LISTED_FEEDS]:
        state = "paused" if feed.paused else "failing" if feed.consecutive_failures else "active"
        newest = (
            format_local(feed.newest_item_at, zone)
            if feed.newest_item_at
            else plain("feeds.never", lang)
        )
        block = text(
            "feeds.line",
            lang,
            number=feed.id,
            state=plain(f"feeds.state.{state}", lang),
            name=clip(_name(feed), 60),
            url=feed.url,
            items=feed.items_collected,
            newest=newest,
        )
        if feed.consecutive_failures and feed.last_error:
            block += "\n" + text(
                "feeds.line.error",
                lang,
                failures=feed.consecutive_failures,
                error=clip(feed.last_error, 120),
            )
        parts.append(block)
        toggle = "resume" if feed.paused else "pause"
        rows.append(
            (
                Button(
                    text=plain(f"feeds.button.{toggle}", lang, number=feed.id),
                    callback_data=callbacks.feed_action(feed.id, toggle),
                ),
                Button(
                    text=plain("feeds.button.remove", lang, number=feed.id),
                    callback_data=callbacks.feed_action(feed.id, "remove"),
                ),
            )
        )
    if len(feeds) > LISTED_FEEDS:
        parts.append(text("feeds.more", lang, count=len(feeds) - LISTED_FEEDS))
    return OutgoingMessage(text="\n\n".join(parts), buttons=tuple(rows))


def _change(
    db: Database, action: str, feed_id: int, now: datetime
) -> tuple[str, dict[str, object]]:
    """Pause, resume or remove a feed; the reply's text key and values."""
    feed = feed_by_id(db, feed_id)
    if feed is None:
        return "feeds.not_found", {"number": feed_id}
    if action == "remove":
        delete_feed(db, feed_id)
        return "feeds.removed", {"name": clip(_name(feed), 60)}
    set_paused(db, feed_id, action == "pause", now)
    return ("feeds.paused" if action == "pause" else "feeds.resumed"), {
        "name": clip(_name(feed), 60)
    }


async def _add(
    db: Database, settings: Settings, args: Sequence[str], now: datetime, lang: Lang
) -> OutgoingMessage:
    url = args[0]
    if not is_feed_url(url):
        return OutgoingMessage(text=text("feeds.bad_url", lang, url=clip(url)))
    interval: float | None = None
    if len(args) > 1:
        try:
            interval = float(args[1])
        except ValueError:
            interval = -1.0
        if not MIN_INTERVAL <= interval <= MAX_INTERVAL or len(args) > 2:
            return OutgoingMessage(text=text("feeds.bad_interval", lang))
    try:
        parsed = await Collector(db, settings).preview(url)
    except SourceError as exc:
        return OutgoingMessage(text=text("feeds.add_failed", lang, url=url, reason=exc.reason))
    feed, created = add_feed(db, url, now, interval_seconds=interval)
    name = parsed.title or url
    newest = sorted(
        parsed.items,
        key=lambda item: item.published.timestamp() if item.published else 0.0,
        reverse=True,
    )[:PREVIEW_ITEMS]
    lines = [
        text("feeds.added" if created else "feeds.already", lang, name=clip(name, 80), url=feed.url)
    ]
    lines.extend(text("feeds.added.item", lang, title=clip(item.title, 120)) for item in newest)
    if not newest:
        lines.append(text("feeds.added.none", lang))
    return OutgoingMessage(text="\n".join(lines))


async def feeds_command(
    db: Database, settings: Settings, args: Sequence[str], now: datetime, lang: Lang
) -> OutgoingMessage:
    """`/feeds`, `/feeds add URL [SECONDS]`, `/feeds remove|pause|resume NUMBER`."""
    if not args:
        return feed_list(db, lang, settings.zone)
    verb = args[0].lower()
    if verb == "add" and len(args) >= 2:
        return await _add(db, settings, args[1:], now, lang)
    if verb in callbacks.FEED_ACTIONS and len(args) == 2 and args[1].lstrip("#").isdigit():
        key, values = _change(db, verb, int(args[1].lstrip("#")), now)
        return OutgoingMessage(text=text(key, lang, **values))
    return OutgoingMessage(text=text("feeds.usage", lang))


def press_feed_button(
    db: Database, settings: Settings, feed_id: int, action_index: int, now: datetime, lang: Lang
) -> tuple[str, OutgoingMessage]:
    """A feed button pressed: do it; returns the short (plain) answer and the list as it is
    now."""
    key: str
    values: dict[str, object]
    if not 0 <= action_index < len(callbacks.FEED_ACTIONS):
        key, values = "feeds.not_found", {"number": feed_id}
    else:
        key, values = _change(db, callbacks.FEED_ACTIONS[action_index], feed_id, now)
    return plain(key, lang, **values), feed_list(db, lang, settings.zone)
