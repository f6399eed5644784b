"""From new articles to queued alerts: match, group per chat, persist matches and alerts together.

For each new article: the match index says which subscriptions it matches; matches are grouped
per chat; each chat gets ONE alert per story (dedup key `story:<id>`, or `article:<id>` for an
article without a story), so a story reported by several sources alerts a chat once. The
matches and the alerts of one article are written in one transaction (storage.outbox), before
anything is sent. Alerts for a chat that refused the bot are queued parked, not dropped.

Each article is marked routed in the transaction that queues its alerts, so a crash between
storing an article and routing it loses nothing: `route_pending` routes every stored article
not yet routed (after each inbox scan, and at start-up). Routing an article twice queues
nothing twice (the outbox's dedup key and the matches' unique pairs).

The parts that other modules own are injected: the index (`bot.match.matching.MatchIndex`), the
article loader (`storage.articles.get_article`) and the renderer (`bot.deliver.render`), so this
module is tested on its own.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NotRequired, Protocol, TypedDict, Unpack

from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import Decision
from bot.match.matching import Match
from storage import chats, outbox, subscriptions
from storage.articles import StoredArticle, mark_routed, unrouted_article_ids
from storage.chats import Chat
from storage.outbox import MatchRecord, NewAlert

__all__ = [
    "ROUTE_BATCH",
    "ArticleLoader",
    "DeliveryPolicy",
    "Matcher",
    "Renderer",
    "RouteOptions",
    "RouteReport",
    "alert_key",
    "is_too_old",
    "route_articles",
    "route_pending",
]

log = logging.getLogger(__name__)

# Articles read per query by `route_pending`: a backlog is routed in bounded steps.
ROUTE_BATCH = 200


class Matcher(Protocol):
    def match(self, title: str, body: str) -> Sequence[Match]: ...


ArticleLoader = Callable[[Database, int], StoredArticle]
# (article, the chat's matches, the chat) -> the alert as that chat should read it
Renderer = Callable[[StoredArticle, Sequence[Match], Chat], OutgoingMessage]
# (db, chat, the chat's matching subscription ids, now) -> send / hold / drop
DeliveryPolicy = Callable[[Database, Chat, Sequence[int], datetime], Decision]


@dataclass
class RouteReport:
    articles: int = 0
    matches: int = 0
    queued: int = 0  # new outbox rows, pending
    parked: int = 0  # new outbox rows for chats that refused the bot
    held: int = 0  # new outbox rows waiting for a digest, a mute's end or a group's minute
    dropped: int = 0  # every matching subscription of the chat had expired
    already_alerted: int = 0  # the chat already had this story
    render_errors: int = 0
    too_old: int = 0  # matching articles older than the age limit: recorded, not pushed
    failed: int = 0  # loading or matching raised (logged); marked routed, not retried

    def add(self, other: RouteReport) -> None:
        """Count `other`'s figures into this report."""
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def is_too_old(article: StoredArticle, now: datetime, max_age: timedelta | None) -> bool:
    """Whether the article's own date is older than `max_age` at `now`: old news found by a
    backfill or a late feed is kept for /recent and /search, and pages no one. An article
    without a date of its own (dated by its file) is news as it arrives."""
    if max_age is None or article.published is None or article.published_from == "mtime":
        return False
    published = article.published
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return now - published > max_age


def alert_key(article: StoredArticle) -> str:
    """The outbox dedup key: one alert per story and chat."""
    if article.story_id is not None:
        return f"story:{article.story_id}"
    return f"article:{article.id}"


def route_articles(
    db: Database,
    article_ids: Iterable[int],
    *,
    index: Matcher,
    load_article: ArticleLoader,
    render: Renderer,
    now: datetime,
    policy: DeliveryPolicy | None = None,
    max_age: timedelta | None = None,
) -> RouteReport:
    """Match each article and queue its alerts; returns what happened, for the logs.

    `policy` (bot.deliver.policy.delivery_policy) applies the chat's delivery preferences: an alert
    is sent now (silently in quiet hours), held for a digest, a mute or a group burst, or
    dropped when every matching subscription has expired. Without it, every alert is sent.
    An article published more than `max_age` before `now` has its matches recorded (so
    /recent lists it) and no alert.
    """
    report = RouteReport()
    unmatched: list[int] = []  # nothing to queue for them: marked routed together at the end
    for article_id in article_ids:
        report.articles += 1
        try:
            article = load_article(db, article_id)
            found = index.match(article.title, article.body)
        except sqlite3.Error:
            raise  # the database's fault, not the article's: it stays unrouted, tried again
        except Exception:
            # A matcher bug on one article must not hold back every article after it.
            log.exception("could not match article %s: no alerts for it", article_id)
            report.failed += 1
            unmatched.append(article_id)
            continue
        if not found:
            unmatched.append(article_id)
            continue
        owners = subscriptions.subscription_chats(db, [m.subscription_id for m in found])
        per_chat: dict[int, list[Match]] = {}
        records: list[MatchRecord] = []
        for match in found:
            chat_id = owners.get(match.subscription_id)
            if chat_id is None:
                continue  # unfollowed between the index update and now
            per_chat.setdefault(chat_id, []).append(match)
            records.append(
                MatchRecord(
                    article.id,
                    match.subscription_id,
                    chat_id,
                    match.matched,
                    match.sentence,
                    match.score,
                )
            )
        report.matches += len(records)
        key = alert_key(article)
        alerts: list[NewAlert] = []
        if per_chat and is_too_old(article, now, max_age):
            log.info(
                "article %s not pushed to %d chat(s): published %s, older than the alert "
                "age limit %s (stored, listed by /recent)",
                article.id,
                len(per_chat),
                article.published,
                max_age,
            )
            report.too_old += 1
            per_chat = {}
        for chat_id, matches in per_chat.items():
            chat = chats.get_chat(db, chat_id)
            if chat is None:
                continue  # subscriptions reference chats: only a concurrent delete gets here
            decision = (
                policy(db, chat, [m.subscription_id for m in matches], now)
                if policy is not None
                else None
            )
            if decision is not None and decision.action == "drop":
                # Only follows whose time is up (or unfollowed this instant) get here
                # (bot.core.preferences.decide): the user asked for no more. Logged, so that a
                # missing alert can be explained.
                log.info(
                    "article %s not sent to chat %s: its matching subscription(s) %s "
                    "expired or were removed",
                    article.id,
                    chat_id,
                    ",".join(str(m.subscription_id) for m in matches),
                )
                report.dropped += 1
                continue
            try:
                payload = render(article, matches, chat)
            except Exception:
                # One chat's rendering bug must not cost every other chat its alert.
                log.exception("could not render article %s for chat %s", article.id, chat_id)
                report.render_errors += 1
                continue
            parked = not chat.active
            held = decision is not None and decision.action == "hold"
            if decision is not None and decision.silent:
                payload = payload.model_copy(update={"disable_notification": True})
            alerts.append(
                NewAlert(
                    chat_id=chat_id,
                    dedup_key=key,
                    payload=payload,
                    story_id=article.story_id,
                    article_id=article.id,
                    status="parked" if parked else "held" if held else "pending",
                    reason=f"chat inactive: {chat.inactive_reason}" if parked else None,
                    hold_reason=decision.reason if held and decision is not None else None,
                    release_at=decision.release_at if held and decision is not None else None,
                    urgent=decision.urgent if decision is not None else False,
                    subscription_ids=tuple(m.subscription_id for m in matches),
                )
            )
        # The article is marked routed in the transaction that queues its alerts.
        created = outbox.record_alerts(db, records, alerts, now=now, routed=[article.id])
        for alert, row_id in zip(alerts, created, strict=True):
            if row_id is None:
                report.already_alerted += 1
            elif alert.status == "parked":
                report.parked += 1
            elif alert.status == "held":
                report.held += 1
            else:
                report.queued += 1
    mark_routed(db, unmatched, now=now)
    return report


class RouteOptions(TypedDict):
    """The keyword arguments of `route_articles`, which `route_pending` passes on as given."""

    index: Matcher
    load_article: ArticleLoader
    render: Renderer
    now: datetime
    policy: NotRequired[DeliveryPolicy | None]
    max_age: NotRequired[timedelta | None]


def route_pending(
    db: Database, *, batch: int = ROUTE_BATCH, **options: Unpack[RouteOptions]
) -> RouteReport:
    """Route every stored article not yet routed, oldest first, `batch` articles at a time,
    each batch by `route_articles` with `options`.

    Called after each inbox scan and at start-up: articles stored by a process that died
    before routing them get their alerts now. Running it twice queues nothing twice.
    """
    report = RouteReport()
    last = 0
    while ids := unrouted_article_ids(db, after=last, limit=batch):
        report.add(route_articles(db, ids, **options))
        last = ids[-1]
    return report
