"""The scheduled side of delivery preferences, run by PTB's JobQueue (APScheduler):

- `digest_job`: release due held alerts (digests, ended mutes, group bursts) into the outbox;
- `expiry_job`: end time-limited follows and tell their chats;
- `inbox_silence_job`: tell the admins when no file has reached the inbox for too long.

Each job reads "now" from the injected clock (`PreferenceJobData.clock`), never from the
system directly, so tests move time forward without patching. The work of each job is a
plain function (`run_digests`, `run_expiry`, `run_silence_check`) tested without Telegram;
the `_job` wrappers only unpack the job's data. Jobs write to the outbox; the sender job
delivers, at Telegram's limits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database
from telegram.ext import CallbackContext, JobQueue

from bot.core.clock import Clock
from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import format_local, silence_alert_due
from bot.core.texts import Lang, chat_language, plain, text
from bot.deliver.digest import DigestLabels
from bot.deliver.policy import Release, release_due
from bot.settings import Settings
from storage.admin import SILENCE_ALERTED, get_state_time, last_inbox_activity, set_state_time
from storage.digests import enqueue_notice
from storage.preferences import SubscriptionSettings, chat_prefs, expire_subscriptions

__all__ = [
    "PreferenceJobData",
    "digest_job",
    "digest_labels",
    "expiry_job",
    "inbox_silence_job",
    "run_digests",
    "run_expiry",
    "run_silence_check",
    "schedule_preference_jobs",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreferenceJobData:
    """What the jobs need: the database, the settings, the clock, and a hook told of each
    expired subscription (the app removes it from the live match index)."""

    db: Database
    settings: Settings
    clock: Clock
    started_at: datetime
    on_expired: Callable[[SubscriptionSettings], None] = lambda _sub: None


def digest_labels(lang: Lang) -> DigestLabels:
    return DigestLabels(
        header=lambda count: text("digest.header", lang, count=count),
        part=lambda part, parts: plain("digest.part", lang, part=part, parts=parts),
        button=lambda n: plain("digest.button", lang, n=n),
        link=lambda n: plain("item.open", lang, n=n),
    )


def run_digests(db: Database, settings: Settings, now: datetime) -> list[Release]:
    """Release everything due at `now`; one digest per chat."""
    releases = release_due(
        db,
        now,
        default_timezone=settings.timezone,
        labels_for=lambda language: digest_labels(chat_language(language, settings.language)),
    )
    for release in releases:
        log.info("released %d held alert(s) to chat %s", release.items, release.chat_id)
    return releases


def run_expiry(db: Database, settings: Settings, now: datetime) -> list[SubscriptionSettings]:
    """Delete the follows whose time is up and queue a notice to each of their chats."""
    expired = expire_subscriptions(db, now)
    for sub in expired:
        prefs = chat_prefs(db, sub.chat_id, default_timezone=settings.timezone)
        lang = chat_language(prefs.language, settings.language)
        message = OutgoingMessage(text=text("expiry.notice", lang, query=sub.query))
        enqueue_notice(db, sub.chat_id, f"expired:{sub.id}", message, now)
        log.info("time-limited follow %s of chat %s ended", sub.id, sub.chat_id)
    return expired


def run_silence_check(
    db: Database, settings: Settings, now: datetime, *, started_at: datetime
) -> bool:
    """Queue an alert to every admin when the inbox has been silent too long (once a spell).

    With no activity ever recorded, the silence is counted from the bot's start.
    """
    threshold = timedelta(minutes=settings.inbox_silence_alert_minutes)
    last = last_inbox_activity(db) or started_at
    alerted = get_state_time(db, SILENCE_ALERTED)
    if not settings.admin_ids or not silence_alert_due(last, alerted, now, threshold):
        return False
    minutes = int((now - last).total_seconds() // 60)
    for admin_id in settings.admin_ids:
        prefs = chat_prefs(db, admin_id, default_timezone=settings.timezone)
        lang = chat_language(prefs.language, settings.language)
        message = OutgoingMessage(
            text=text("silence.alert", lang, minutes=minutes, last=format_local(last, prefs.zone))
        )
        enqueue_notice(db, admin_id, f"silence:{last.isoformat()}", message, now)
    set_state_time(db, SILENCE_ALERTED, now)
    log.warning("inbox silent for %d minutes: admins alerted", minutes)
    return True


def _data(context: CallbackContext[Any, Any, Any, Any]) -> PreferenceJobData:
    job = context.job
    assert job is not None and isinstance(job.data, PreferenceJobData)  # set when scheduled
    return job.data


async def digest_job(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Release due digests, ended mutes and group bursts into the outbox."""
    data = _data(context)
    run_digests(data.db, data.settings, data.clock())


async def expiry_job(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """End time-limited follows."""
    data = _data(context)
    for sub in run_expiry(data.db, data.settings, data.clock()):
        data.on_expired(sub)


async def inbox_silence_job(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """Tell the admins when the inbox has been silent for too long."""
    data = _data(context)
    run_silence_check(data.db, data.settings, data.clock(), started_at=data.started_at)


def schedule_preference_jobs(queue: JobQueue[Any], data: PreferenceJobData) -> None:
    """Schedule the three jobs. They poll (every `digest_interval` seconds) rather than
    sleep until a computed instant, so that a changed preference, a restart or a clock
    moved by a test is picked up at the next tick."""
    interval = data.settings.digest_interval
    kwargs = {"coalesce": True, "misfire_grace_time": None}
    queue.run_repeating(digest_job, interval, first=0, data=data, name="digest", job_kwargs=kwargs)
    queue.run_repeating(expiry_job, interval, first=0, data=data, name="expiry", job_kwargs=kwargs)
    if data.settings.inbox_silence_alert_minutes > 0:
        queue.run_repeating(
            inbox_silence_job, 60.0, first=60.0, data=data, name="inbox-silence", job_kwargs=kwargs
        )
