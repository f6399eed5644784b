"""Assembling the bot: the PTB Application, its services, its jobs, and its lifecycle.

`build_application(settings, components)` wires everything; `post_init` opens the database,
puts alerts interrupted by a crash back in the queue, builds the match index from the stored
subscriptions, creates the inbox scanner and the sender, stores them typed in `bot_data`
(`bot.services.BotData`) and schedules two jobs through PTB's JobQueue:

- `inbox_job` every `scan_interval`: scan the inbox, match new articles, queue alerts, and
  wake the sender at once when something was queued;
- `sender_job` every `sender_interval`: drain the outbox (bot/delivery.py).

`post_shutdown` closes the database. Handlers are registered by `handlers.register(app)`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application, ApplicationBuilder, ContextTypes, ExtBot, JobQueue

import handlers
from bot.deliver.feed_jobs import FeedJobData, schedule_feed_job
from bot.deliver.jobs import PreferenceJobData, schedule_preference_jobs
from bot.deliver.policy import delivery_policy
from bot.deliver.routing import route_articles
from bot.deliver.sender import Sender
from bot.services import BotData, Components, Context, Services
from bot.settings import Settings
from storage import outbox
from storage.admin import record_inbox_activity
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
    """Scan the inbox once; queue the alerts of new articles; wake the sender if any."""
    services = context.bot_data.services
    now = services.clock()
    report = services.scanner.scan(now)
    if report.processed:
        # Any file, even a rejected one, shows the feed is alive (the silence alert's clock).
        record_inbox_activity(services.db, now)
    if not report.new_article_ids:
        return
    routed = route_articles(
        services.db,
        report.new_article_ids,
        index=services.index,
        load_article=services.components.load_article,
        render=services.render,
        now=now,
        policy=delivery_policy(services.settings),
    )
    log.info(
        "inbox: %d new article(s), %d match(es), %d alert(s) queued, %d held, %d parked, "
        "%d already sent",
        routed.articles,
        routed.matches,
        routed.queued,
        routed.held,
        routed.parked,
        routed.already_alerted,
    )
    if routed.queued and context.job_queue is not None:
        context.job_queue.run_once(sender_job, 0, name="sender-now")


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


def build_application(settings: Settings, components: Components) -> MarsadApp:
    """The Application for `settings`: Bot API at `telegram_api_url`, services built at start."""
    if settings.telegram_token is None:
        raise MissingTokenError("MARSAD_TELEGRAM_TOKEN is not set")

    async def post_init(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        db = open_database(settings.database)
        recovered = outbox.recover_in_flight(db, now=components.clock())
        if recovered:
            log.warning("%d alert(s) were being sent when Marsad stopped: queued again", recovered)
        index = components.make_index(db)
        services = Services(
            settings=settings,
            db=db,
            index=index,
            scanner=components.make_scanner(settings, db),
            sender=Sender(db, application.bot, settings, wall=components.clock),
            render=components.make_renderer(db),
            components=components,
        )
        bot_data: BotData = application.bot_data
        bot_data.attach(services)
        log.info(
            "Marsad started: %d subscription(s), inbox %s, outbox %s",
            len(active_subscriptions(db)),
            settings.inbox,
            outbox.counts(db),
        )
        queue = application.job_queue
        assert queue is not None  # python-telegram-bot[job-queue] is a dependency
        queue.run_repeating(
            inbox_job,
            interval=settings.scan_interval,
            first=0,
            name="inbox",
            job_kwargs={"coalesce": True, "misfire_grace_time": None},
        )
        # Two instances: a long drain keeps running while the next tick returns at once
        # (Sender.drain is single-flight), instead of APScheduler logging a skipped run.
        queue.run_repeating(
            sender_job,
            interval=settings.sender_interval,
            first=0,
            name="sender",
            job_kwargs={"coalesce": True, "misfire_grace_time": None, "max_instances": 2},
        )
        # Digests, mute ends, time-limited follows and the inbox silence alert (issue 6).
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

    async def post_shutdown(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        bot_data: BotData = application.bot_data
        services = bot_data.detach()
        if services is not None:
            services.db.close()

    application: MarsadApp = (
        ApplicationBuilder()
        .token(settings.telegram_token.get_secret_value())
        .base_url(settings.telegram_api_url)
        .base_file_url(file_url(settings.telegram_api_url))
        .context_types(ContextTypes(bot_data=BotData))
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
