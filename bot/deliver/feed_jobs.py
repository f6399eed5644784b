"""The collector's scheduled side: `feed_job` polls the due feeds inside `marsad run`.

Fetching is async and extraction runs in a worker thread (bot.ingest.collector), so a round
of polls never blocks the chat. What the collector writes lands in the inbox, where
`inbox_job` picks it up like any other file. The job ticks often (at most every
`TICK_SECONDS`) and polls only feeds whose own next poll time has come, so a per-feed
interval, a backoff, or a feed just added by an admin is honoured without rescheduling.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlite_utils import Database
from telegram.ext import CallbackContext, JobQueue

from bot.ingest.collector.collector import Collector
from bot.ingest.collector.sources import load_feeds_file
from bot.settings import Settings

__all__ = ["TICK_SECONDS", "FeedJobData", "feed_job", "schedule_feed_job"]

log = logging.getLogger(__name__)

TICK_SECONDS = 30.0


@dataclass
class FeedJobData:
    """What the job needs; the collector is built once so per-host politeness spans rounds."""

    db: Database
    settings: Settings
    clock: Callable[[], datetime]
    collector: Collector = field(init=False)

    def __post_init__(self) -> None:
        self.collector = Collector(self.db, self.settings, self.clock)


async def feed_job(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Poll the due feeds once; log what was written and what failed."""
    job = context.job
    assert job is not None and isinstance(job.data, FeedJobData)  # set when scheduled
    outcomes = await job.data.collector.collect_due()
    written = sum(len(outcome.written) for outcome in outcomes)
    failed = [outcome for outcome in outcomes if not outcome.ok]
    if outcomes:
        log.info(
            "feeds: %d polled, %d item(s) written to the inbox, %d feed(s) failed",
            len(outcomes),
            written,
            len(failed),
        )


def schedule_feed_job(queue: JobQueue[Any], data: FeedJobData) -> None:
    """Add the feeds of `MARSAD_FEEDS_FILE` (if set), then poll due feeds on a short tick."""
    if data.settings.feeds_file is not None:
        load_feeds_file(data.db, data.settings.feeds_file, data.clock())
    tick = min(data.settings.feed_interval, TICK_SECONDS)
    queue.run_repeating(
        feed_job,
        tick,
        first=0,
        data=data,
        name="feeds",
        job_kwargs={"coalesce": True, "misfire_grace_time": None},
    )
