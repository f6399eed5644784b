"""The live match index: one `MatchIndex` shared by the chat and the ingest worker.

Commands (/follow, /unfollow, /import, expiring follows) change it on the event loop while the
ingest worker matches articles in its thread; a lock makes each call whole, so a match never
sees a half-added subscription and a dict never changes size under an iteration. Matching one
article takes about a millisecond, so a command waits at most that long for the lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from bot.match.aliases import AliasTable
from bot.match.concepts import ConceptTable
from bot.match.matching import Match, MatchIndex, Query

__all__ = ["LiveIndex"]


class LiveIndex:
    """A `MatchIndex` whose calls are safe from any thread."""

    def __init__(
        self, aliases: AliasTable | None = None, concepts: ConceptTable | None = None
    ) -> None:
        self._index = MatchIndex(aliases, concepts)
        self._lock = threading.Lock()

    def match(self, title: str, body: str) -> list[Match]:
        with self._lock:
            return list(self._index.match(title, body))

    def add(self, subscription_id: int, query: Query) -> None:
        with self._lock:
            self._index.add(subscription_id, query)

    def add_all(self, entries: Iterable[tuple[int, Query]]) -> None:
        with self._lock:
            for subscription_id, query in entries:
                self._index.add(subscription_id, query)

    def remove(self, subscription_id: int) -> None:
        with self._lock:
            self._index.remove(subscription_id)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, subscription_id: object) -> bool:
        return subscription_id in self._index
