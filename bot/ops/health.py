"""Health: is the bot receiving updates, and can it write its database?

`UpdateMonitor` watches getUpdates through httpx event hooks on the polling request (PTB
retries polling errors by itself and never says when it recovers): polling works unless no
getUpdates has succeeded for `stale_after` seconds since one was sent. In webhook mode the
webhook server running is the sign. `check_health` adds the database probe and the figures
the /healthz body carries.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
from telegram.request import HTTPXRequest

from storage import operations, outbox
from storage.timestamps import to_db

__all__ = ["Health", "UpdateMonitor", "check_health"]


class UpdateMonitor:
    """Whether getUpdates succeeds. A long poll answers only after its timeout when nothing
    happens, so a request in flight counts as working; what counts against polling is time
    since the first request that has not been followed by a 200 (refused, or no answer)."""

    def __init__(self, *, stale_after: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.stale_after = stale_after
        self.clock = clock
        self.last_ok: float | None = None
        self.waiting_since: float | None = None  # first getUpdates sent since the last 200

    async def on_request(self, request: httpx.Request) -> None:
        if request.url.path.endswith("/getUpdates") and self.waiting_since is None:
            self.waiting_since = self.clock()

    async def on_response(self, response: httpx.Response) -> None:
        if response.status_code == 200 and response.request.url.path.endswith("/getUpdates"):
            self.last_ok = self.clock()
            self.waiting_since = None

    def request(self) -> HTTPXRequest:
        """The request object for getUpdates (one connection, as PTB's default), watched."""
        hooks: dict[str, Any] = {"request": [self.on_request], "response": [self.on_response]}
        return HTTPXRequest(connection_pool_size=1, httpx_kwargs={"event_hooks": hooks})

    def problem(self, *, webhook: bool, receiving: bool) -> str | None:
        """Why updates are not arriving, or None. `receiving`: the updater is running."""
        if not receiving:
            return "not receiving updates (updater stopped)"
        if webhook:
            return None
        if self.waiting_since is None:
            return None if self.last_ok is not None else "polling has not started"
        waited = self.clock() - self.waiting_since
        if waited > self.stale_after:
            return f"getUpdates has not succeeded for {waited:.0f} s"
        return None


@dataclass(frozen=True)
class Health:
    problems: tuple[str, ...]
    last_scan: datetime | None
    outbox_depth: int
    oldest_pending_age_seconds: float | None
    feeds_failing: int

    @property
    def ok(self) -> bool:
        return not self.problems

    def body(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "unhealthy",
            "problems": list(self.problems),
            "last_scan": to_db(self.last_scan) if self.last_scan is not None else None,
            "outbox_depth": self.outbox_depth,
            "oldest_pending_age_seconds": self.oldest_pending_age_seconds,
            "feeds_failing": self.feeds_failing,
        }


def check_health(
    database: Path,
    *,
    updates_problem: str | None,
    last_scan: datetime | None,
    now: datetime,
    write_timeout: float = 5.0,
) -> Health:
    """Probe the database (a write transaction opened within `write_timeout` seconds and
    rolled back) and read the figures; blocking: run it in a worker thread."""
    problems = [updates_problem] if updates_problem else []
    depth, oldest_age, feeds = 0, None, 0
    why = (
        operations.probe_writable(database, timeout=write_timeout)
        if database.is_file()
        else "no database file"
    )
    if why is not None:
        problems.append(f"database not writable: {why}")
    else:
        db = operations.open_reader(database)
        try:
            counts = outbox.counts(db)
            depth = counts.get("pending", 0) + counts.get("sending", 0)
            oldest = operations.oldest_pending_at(db)
            oldest_age = None if oldest is None else max(0.0, (now - oldest).total_seconds())
            feeds = operations.failing_feeds(db)
        finally:
            db.close()
    return Health(tuple(problems), last_scan, depth, oldest_age, feeds)
