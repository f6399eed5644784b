"""A chat's watch list: following and unfollowing, in storage and in the live match index.

The handlers call one function here per command. Decisions are made by `bot.match.following` (pure);
this module applies them: it writes the subscriptions, keeps the in-memory `MatchIndex` in step
(so the next article is matched against the new list without a restart), and builds the
7-day preview from stored articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final

from sqlite_utils import Database

from bot.deliver.render import ArticleItem
from bot.match.following import (
    FollowPlan,
    find_subscription,
    plan_follow,
    preview,
    search_forms,
    watch_terms,
)
from bot.match.live import LiveIndex
from bot.match.matching import Query
from storage import subscriptions
from storage.search import ArticleHit, candidates_for_forms
from storage.subscriptions import Subscription

__all__ = [
    "PREVIEW_DAYS",
    "FollowResult",
    "Followed",
    "follow",
    "unfollow",
    "unfollow_id",
]

PREVIEW_DAYS: Final = 7
# Newest articles shown under a new subscription's preview count.
PREVIEW_SHOWN: Final = 2


@dataclass(frozen=True)
class Followed:
    """A subscription just added: what it watches and what it would have matched lately."""

    subscription: Subscription
    watches: tuple[str, ...]
    preview_count: int
    newest: tuple[ArticleHit, ...]

    @property
    def query_text(self) -> str:
        return self.subscription.query

    @property
    def preview_items(self) -> tuple[ArticleItem, ...]:
        return tuple(
            ArticleItem(a.id, a.title, a.source, a.published, dated=a.dated, url=a.url)
            for a in self.newest
        )


@dataclass(frozen=True)
class FollowResult:
    """Everything the /follow reply reports."""

    added: tuple[Followed, ...] = ()
    plan: FollowPlan = field(default_factory=FollowPlan)


def follow(
    db: Database, index: LiveIndex, chat_id: int, text: str, *, limit: int, now: datetime
) -> FollowResult:
    """Follow every new keyword of `text` in the chat (which must exist), within `limit`."""
    existing = subscriptions.list_subscriptions(db, chat_id)
    plan = plan_follow(text, existing, limit)
    since = now - timedelta(days=PREVIEW_DAYS)
    added: list[Followed] = []
    for query in plan.add:
        added.append(_add(db, index, chat_id, query, since, now))
    return FollowResult(added=tuple(added), plan=plan)


def _add(
    db: Database, index: LiveIndex, chat_id: int, query: Query, since: datetime, now: datetime
) -> Followed:
    subscription = subscriptions.add_subscription(db, chat_id, query.text, query.key, now=now)
    index.add(subscription.id, query)
    terms = watch_terms(query)
    # Candidates by every form of every watched phrase (a topic's «صاروخا باليستيا» too).
    candidates = candidates_for_forms(db, search_forms(query), limit=5000, since=since)
    count, newest = preview(query, candidates, newest=PREVIEW_SHOWN)
    return Followed(subscription, tuple(terms), count, tuple(newest))


def unfollow(db: Database, index: LiveIndex, chat_id: int, text: str) -> Subscription | None:
    """Remove the subscription `text` names (spelling variants tolerated); None if none does."""
    found = find_subscription(text, subscriptions.list_subscriptions(db, chat_id))
    if found is None:
        return None
    return unfollow_id(db, index, chat_id, found.id)


def unfollow_id(
    db: Database, index: LiveIndex, chat_id: int, subscription_id: int
) -> Subscription | None:
    """Remove one subscription of this chat by id (an inline button); None if already gone."""
    removed = subscriptions.remove_subscription_by_id(db, chat_id, subscription_id)
    if removed is not None:
        index.remove(removed.id)
    return removed
