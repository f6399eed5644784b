"""Assembling the bot: the PTB Application, its services, its jobs, and its lifecycle.

`build_application(settings, components)` wires everything; `post_init` opens the database,
puts alerts interrupted by a crash back in the queue, builds the live match index from the
stored subscriptions, creates the intake worker (bot/deliver/intake.py) and the sender, stores
them typed in `bot_data` (`bot.services.BotData`) and schedules the jobs through PTB's JobQueue:

- `inbox_job` every `scan_interval`: in a worker thread, scan the inbox and route every
  stored article not yet routed (this scan's, and any a crash left behind): match, queue
  alerts; then wake the sender at once when something was queued;
- `sender_job` every `sender_interval`: drain the outbox (bot/deliver/sender.py);
- the preference jobs: digests, mute ends, expiring follows, the inbox silence alert
  (bot/deliver/jobs.py).

`post_shutdown` closes the databases. Handlers are registered, in order, by
`handlers.register(app)`; handlers receive the typed `bot.services.Context`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlite_utils import Database
from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ContextTypes,
    Defaults,
    ExtBot,
    JobQueue,
)

import handlers
from bot.deliver.feed_jobs import FeedJobData, schedule_feed_job
from bot.deliver.intake import Intake
from bot.deliver.jobs import PreferenceJobData, schedule_preference_jobs
from bot.deliver.sender import Sender
from bot.match.live import LiveIndex
from bot.match.matching import QueryError, parse_query
from bot.ops.operations import Operations
from bot.services import BotData, Components, Context, MarsadContext, Services
from bot.settings import Settings
from storage import outbox
from storage.db import open_database
from storage.subscriptions import active_subscriptions

__all__ = [
    "MarsadApp",
    "MissingTokenError",
    "build_application",
    "inbox_job",
    "running",
    "sender_job",
]

log = logging.getLogger(__name__)

MarsadApp = Application[
    ExtBot[None], Context, dict[Any, Any], dict[Any, Any], BotData, JobQueue[Any]
]


class MissingTokenError(RuntimeError):
    """No bot token: `marsad run` cannot talk to Telegram."""


async def inbox_job(context: Context) -> None:
    """Scan the inbox once and route every stored article not yet routed, in a worker thread
    so that chats are answered meanwhile; wake the sender if anything was queued."""
    services = context.services
    if services.intake.busy:
        return  # the running scan takes whatever else has arrived on its next turn
    routed = await asyncio.to_thread(services.intake.run, services.clock())
    if not routed.articles:
        return
    log.info(
        "inbox: %d new article(s), %d match(es), %d alert(s) queued, %d held, %d parked, "
        "%d already sent, %d too old to push",
        routed.articles,
        routed.matches,
        routed.queued,
        routed.held,
        routed.parked,
        routed.already_alerted,
        routed.too_old,
    )
    queue: JobQueue[Any] | None = context.job_queue
    if routed.queued and queue is not None:
        queue.run_once(sender_job, 0, name="sender-now")


async def sender_job(context: Context) -> None:
    """Drain the outbox; stops between messages as soon as the application stops."""
    services = context.bot_data.services
    application = context.application
    report = await services.sender.drain(keep_going=lambda: application.running)
    if report:
        log.info(
            "sender: %d sent, %d retried, %d rate-limited, %d parked, %d failed",
            report.sent,
            report.retried,
            report.rate_limited,
            report.parked,
            report.failed,
        )


def file_url(api_url: str) -> str:
    """The file-download base beside a Bot API base: `…/bot` → `…/file/bot` (Telegram's and
    the sandbox's layout), so /import can download what a user sends."""
    base = api_url.rstrip("/")
    return base.removesuffix("/bot") + "/file/bot" if base.endswith("/bot") else base + "/file"


def build_index(db: Database, components: Components) -> LiveIndex:
    """The live match index over every stored subscription."""
    index = LiveIndex(components.aliases, components.concepts)
    for subscription_id, chat_id, query in active_subscriptions(db):
        try:
            index.add(subscription_id, parse_query(query))
        except QueryError as exc:
            # Accepted by an older version's rules: kept in storage, reported, not matched.
            log.error(
                "subscription %s of chat %s (%r) no longer compiles: %s",
                subscription_id,
                chat_id,
                query,
                exc,
            )
    return index


def build_application(settings: Settings, components: Components) -> MarsadApp:
    """The Application for `settings`: Bot API at `telegram_api_url`, services built at start."""
    if settings.telegram_token is None:
        raise MissingTokenError("MARSAD_TELEGRAM_TOKEN is not set")
    # Operators: /healthz and /metrics, the scanner timed, getUpdates watched (bot/ops).
    ops = Operations(settings, components.clock)

    async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        db = open_database(settings.database)
        recovered = outbox.recover_in_flight(db, now=components.clock())
        if recovered:
            log.warning("%d alert(s) were being sent when Marsad stopped: queued again", recovered)
        index = build_index(db, components)
        intake = Intake(settings, index)
        intake.scan = ops.observe(intake.scanner).scan  # timed for /metrics and /healthz
        services = Services(
            settings=settings,
            db=db,
            index=index,
            intake=intake,
            sender=Sender(db, application.bot, settings, wall=components.clock),
            components=components,
        )
        bot_data: BotData = application.bot_data
        bot_data.attach(services)
        # Articles stored before a crash but never routed get their alerts now.
        pending = await asyncio.to_thread(intake.route, components.clock())
        if pending.articles:
            log.warning(
                "%d article(s) stored but not routed before a stop: routed", pending.articles
            )
        log.info(
            "Marsad started: %d subscription(s), inbox %s, outbox %s",
            len(active_subscriptions(db)),
            settings.inbox,
            outbox.counts(db),
        )
        queue = application.job_queue
        assert queue is not None  # python-telegram-bot[job-queue] is a dependency
        # Two instances of each: while a long scan (in its thread) or a long drain runs, the
        # next tick returns at once (Intake.busy, Sender.busy) instead of APScheduler logging
        # a skipped run.
        for job, interval, name in (
            (inbox_job, settings.scan_interval, "inbox"),
            (sender_job, settings.sender_interval, "sender"),
        ):
            queue.run_repeating(
                job,
                interval=interval,
                first=0,
                name=name,
                job_kwargs={"coalesce": True, "misfire_grace_time": None, "max_instances": 2},
            )
        # Digests, mute ends, time-limited follows and the inbox silence alert.
        schedule_preference_jobs(
            queue,
            PreferenceJobData(
                db=db,
                settings=settings,
                clock=components.clock,
                started_at=components.clock(),
                on_expired=lambda sub: index.remove(sub.id),
            ),
        )
        # The built-in collector: polls due feeds into the inbox (bot/ingest/collector).
        schedule_feed_job(queue, FeedJobData(db=db, settings=settings, clock=components.clock))
        await ops.start(
            sender_totals=services.sender.totals, updater=application.updater, job_queue=queue
        )

    async def post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        await ops.stop()
        bot_data: BotData = application.bot_data
        services = bot_data.detach()
        if services is not None:
            services.intake.close()
            services.db.close()

    application: MarsadApp = (
        ApplicationBuilder()
        .token(settings.telegram_token.get_secret_value())
        .base_url(settings.telegram_api_url)
        .base_file_url(file_url(settings.telegram_api_url))
        .get_updates_request(ops.updates_request())
        .context_types(ContextTypes(context=MarsadContext, bot_data=BotData))
        # Every message is HTML without link previews unless a call says otherwise.
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    # Handlers and the error handler (logs with context, never the token; tells the admins).
    handlers.register(application)
    return application


@asynccontextmanager
async def running(application: MarsadApp, *, poll_timeout: int = 10) -> AsyncIterator[MarsadApp]:
    """Run the application (polling) inside an existing event loop, as `run_polling` does
    in its own: initialize, post_init, poll, start; on exit stop and shut down cleanly.
    Used by `marsad demo` and the end-to-end tests, which share the loop with the sandbox."""
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        updater = application.updater
        assert updater is not None  # built by ApplicationBuilder
        await updater.start_polling(poll_interval=0.0, timeout=poll_timeout)
        await application.start()
        try:
            yield application
        finally:
            if updater.running:
                await updater.stop()
            if application.running:
                await application.stop()
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
