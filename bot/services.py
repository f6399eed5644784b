"""The bot's running services, typed, as handlers and jobs find them in `context.bot_data`.

`post_init` (bot/app.py) builds one `Services` and attaches it to the application's
`BotData`; a handler reads `context.bot_data.services.db` instead of loose dict keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlite_utils import Database
from telegram.ext import CallbackContext, ExtBot

from bot.deliver.routing import ArticleLoader, MatchLike, Renderer
from bot.deliver.sender import Sender
from bot.settings import Settings
from storage.timestamps import utcnow

__all__ = [
    "BotData",
    "Components",
    "Context",
    "ScanReportLike",
    "Scanner",
    "Services",
    "SubscriptionIndex",
]


class SubscriptionIndex(Protocol):
    """The live match index (bot.match.matching.MatchIndex): matched against every new article,
    updated by /follow and /unfollow."""

    def match(self, title: str, body: str) -> Sequence[MatchLike]: ...
    def add(self, subscription_id: int, query: Any) -> None: ...
    def remove(self, subscription_id: int) -> None: ...


class ScanReportLike(Protocol):
    @property
    def new_article_ids(self) -> list[int]: ...
    @property
    def processed(self) -> int: ...  # files taken: new, duplicate or quarantined


class Scanner(Protocol):
    """The inbox scanner (bot.ingest.inbox.InboxScanner)."""

    def scan(self, now: datetime) -> ScanReportLike: ...


@dataclass(frozen=True)
class Components:
    """The pipeline's parts that other modules provide, as factories (tests inject their own)."""

    make_index: Callable[[Database], SubscriptionIndex]
    make_scanner: Callable[[Settings, Database], Scanner]
    load_article: ArticleLoader
    make_renderer: Callable[[Database], Renderer]
    # "Now" for the jobs and handlers that follow wall-clock preferences (digests, mutes):
    # tests pass a clock they move by hand.
    clock: Callable[[], datetime] = utcnow


@dataclass
class Services:
    settings: Settings
    db: Database
    index: SubscriptionIndex
    scanner: Scanner
    sender: Sender
    render: Renderer
    components: Components

    def clock(self) -> datetime:
        """The current instant, from the components' clock."""
        return self.components.clock()


class BotData:
    """`context.bot_data`: holds the services once `post_init` has built them."""

    def __init__(self) -> None:
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("services are built in post_init; the application is not started")
        return self._services

    def attach(self, services: Services) -> None:
        self._services = services

    def detach(self) -> Services | None:
        services, self._services = self._services, None
        return services


Context = CallbackContext[ExtBot[Any], dict[Any, Any], dict[Any, Any], BotData]
