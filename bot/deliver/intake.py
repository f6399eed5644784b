"""Intake: one inbox scan and the routing of what it stored, off the event loop.

Reading, decoding, parsing and saving files, matching articles and writing the outbox are
blocking work: on the event loop a drop of thousands of files would freeze every chat reply.
`Intake.run` does all of it in a worker thread (`inbox_job` awaits it with
`asyncio.to_thread`), on a database connection of its own, so its transactions never mix with
the statements handlers run on the loop's connection (SQLite's WAL lets the two work side by
side; writes wait for each other through the busy timeout). Runs never overlap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from bot.deliver.alerts import alert_renderer
from bot.deliver.policy import delivery_policy
from bot.deliver.routing import RouteReport, route_pending
from bot.ingest.inbox import InboxScanner, ScanReport
from bot.match.live import LiveIndex
from bot.settings import Settings
from storage.admin import record_inbox_activity
from storage.articles import get_article
from storage.db import open_database

__all__ = ["Intake"]


class Intake:
    """The inbox scanner and the router, on the worker's own database connection."""

    def __init__(self, settings: Settings, index: LiveIndex) -> None:
        self.settings = settings
        self.index = index
        self.db = open_database(settings.database)
        self.scanner = InboxScanner(settings, self.db)
        # What one scan is: the scanner's own, or the same timed by the operator's metrics.
        self.scan: Callable[[datetime], ScanReport] = self.scanner.scan
        self._render = alert_renderer(self.db, settings)
        self._policy = delivery_policy(settings)
        self._running = threading.Lock()

    @property
    def busy(self) -> bool:
        """Whether a run is under way (the job skips its tick instead of queueing another)."""
        return self._running.locked()

    def run(self, now: datetime) -> RouteReport:
        """Scan once, then route every stored article not yet routed. Blocking: call it in a
        thread."""
        with self._running:
            scan = self.scan(now)
            if scan.processed:
                # Any file, even a rejected one, shows the feed is alive (the silence alert).
                record_inbox_activity(self.db, now)
            return self._route(now)

    def route(self, now: datetime) -> RouteReport:
        """Route every stored article not yet routed: at start-up, what a crash between
        storing and routing left behind."""
        with self._running:
            return self._route(now)

    def _route(self, now: datetime) -> RouteReport:
        # Every unrouted article, not only this scan's: storing and routing are two
        # transactions, and a kill between them must not lose the alerts.
        return route_pending(
            self.db,
            index=self.index,
            load_article=get_article,
            render=self._render,
            now=now,
            policy=self._policy,
            max_age=self.settings.alert_max_age,
        )

    def close(self) -> None:
        with self._running:
            self.db.close()
