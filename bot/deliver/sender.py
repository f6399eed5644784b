"""The sender: drains the outbox to Telegram within its limits, and never loses an alert.

Pacing is ours, not python-telegram-bot's AIORateLimiter (which retries nothing by default):
`Pacer` spaces sends to stay under the bot-wide rate (`global_rate`), one chat's rate
(`chat_rate`) and a group's per-minute allowance (`group_per_minute`), and stops everything
for as long as a 429 says (`RetryAfter`).

How each Telegram answer is handled:
- sent: the row becomes `sent` with Telegram's message id.
- RetryAfter (429): all sending pauses for `retry_after`; the row is retried after it.
- network error, timeout, 5xx: the row is retried with exponential backoff and jitter
  (`retry_base` doubling up to `retry_max`), forever; consecutive failures also pause the
  whole sender the same way, so an outage is probed, not hammered.
- Forbidden (blocked, kicked, deactivated): the chat is marked inactive with the reason, its
  subscriptions are kept and its undelivered alerts parked; `/start` brings them back
  (`storage.chats.reactivate_chat`).
- ChatMigrated: the chat, its subscriptions and undelivered alerts move to the new id, and
  the alert is sent there.
- BadRequest: Telegram refused this message; it is marked failed with Telegram's text (a
  renderer bug must not loop forever) and logged.

Crash safety. A row is marked `sending` (committed) before its HTTP request and `sent` after
Telegram's answer. After a crash at any moment (kill -9), `recover_in_flight` at start-up puts
`sending` rows back to pending and everything pending is delivered. The only message that can
reach a user twice is one that was in flight at the crash: Telegram may have delivered it
while we never learnt so (the answer or our commit was lost), and the Bot API has no
idempotency key and no way for a bot to read what a chat received. Resending is the lesser evil
(a duplicate rather than a lost alert). With `send_concurrency = 1` (the default) at most one
message is in flight, hence at most one duplicate per crash.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import warnings
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlite_utils import Database
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.warnings import PTBDeprecationWarning

from bot.core.outgoing import OutgoingMessage
from bot.settings import Settings
from storage import chats, outbox
from storage.outbox import OutboxItem
from storage.timestamps import utcnow

__all__ = [
    "DrainReport",
    "Pacer",
    "Sender",
    "backoff",
    "keyboard",
    "retry_after_seconds",
    "send_outgoing",
]

log = logging.getLogger(__name__)

Clock = Callable[[], float]
WallClock = Callable[[], datetime]


def retry_after_seconds(exc: RetryAfter) -> float:
    """RetryAfter's wait in seconds, without PTB's int-vs-timedelta deprecation warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def backoff(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with jitter: base·2^(failures-1), capped, times U(0.5, 1)."""
    exponent = min(max(failures, 1) - 1, 40)
    return min(cap, base * 2.0**exponent) * rng.uniform(0.5, 1.0)


@dataclass
class Pacer:
    """Decides when the next message may go: bot-wide spacing, per-chat spacing, per-group
    window, and a global pause (429 or outage). Time is a monotonic clock in seconds."""

    global_rate: float
    chat_rate: float
    group_per_minute: int
    group_window: float = 60.0
    # How late a send may be and still keep its place in the schedule. Sleeps overshoot by a
    # millisecond or so; without catching up, that is lost on every message (15% at 150/s).
    # Bounded, so a stall never turns into a burst: any one-second window then holds at most
    # global_rate x (1 + catch_up) + 1 sends.
    catch_up: float = 0.01
    _next_global: float = 0.0
    _paused_until: float = 0.0
    _next_chat: dict[int, float] = field(default_factory=dict)
    _groups: dict[int, deque[float]] = field(default_factory=dict)

    def global_delay(self, now: float) -> float:
        return max(0.0, self._next_global - now, self._paused_until - now)

    def chat_delay(self, chat_id: int, now: float) -> float:
        delay = max(0.0, self._next_chat.get(chat_id, 0.0) - now)
        window = self._groups.get(chat_id)
        if window is not None:
            while window and window[0] <= now - self.group_window:
                window.popleft()
            if len(window) >= self.group_per_minute:
                delay = max(delay, window[0] + self.group_window - now)
        return delay

    def take(self, chat_id: int, now: float) -> None:
        """Count one send to `chat_id` happening now."""
        # No saving up beyond `catch_up`: an idle minute does not buy a burst.
        self._next_global = max(self._next_global, now - self.catch_up) + 1.0 / self.global_rate
        self._next_chat[chat_id] = now + 1.0 / self.chat_rate
        if chat_id < 0:  # groups, supergroups and channels have negative ids
            self._groups.setdefault(chat_id, deque()).append(now)
        if len(self._next_chat) > 50_000:
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}

    def pause(self, until: float) -> None:
        self._paused_until = max(self._paused_until, until)


@dataclass
class DrainReport:
    """What one drain did (for logs, tests and /stats)."""

    sent: int = 0
    retried: int = 0
    rate_limited: int = 0
    parked: int = 0
    failed: int = 0
    migrated: int = 0

    def __bool__(self) -> bool:
        return any((self.sent, self.retried, self.rate_limited, self.parked, self.failed))


def keyboard(message: OutgoingMessage) -> InlineKeyboardMarkup | None:
    """The message's buttons as Telegram's inline keyboard (the one builder: alerts, replies)."""
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.text, callback_data=b.callback_data, url=b.url) for b in row]
            for row in message.buttons
        ]
    )


async def send_outgoing(
    bot: Bot, chat_id: int, message: OutgoingMessage, *, http_timeout: float | None = None
) -> Message:
    """Send one rendered message through PTB (no retries here: the caller decides)."""
    return await bot.send_message(
        chat_id=chat_id,
        text=message.text,
        parse_mode=message.parse_mode,
        reply_markup=keyboard(message),
        disable_notification=message.disable_notification,
        link_preview_options=LinkPreviewOptions(is_disabled=message.disable_web_page_preview),
        read_timeout=http_timeout,
        write_timeout=http_timeout,
        connect_timeout=http_timeout,
        pool_timeout=http_timeout,
    )


class Sender:
    """Drains the outbox. One drain runs at a time; `drain()` while one runs returns at once
    (the running one keeps querying, so it picks up whatever was queued meanwhile)."""

    def __init__(
        self,
        db: Database,
        bot: Bot,
        settings: Settings,
        *,
        clock: Clock = time.monotonic,
        wall: WallClock = utcnow,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.bot = bot
        self.settings = settings
        self.pacer = Pacer(settings.global_rate, settings.chat_rate, settings.group_per_minute)
        self.clock = clock
        self.wall = wall
        self.rng = rng or random.Random()
        self.totals = DrainReport()
        self._lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(settings.send_concurrency)
        self._failures = 0  # consecutive transient failures, for the global pause

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def drain(self, keep_going: Callable[[], bool] = lambda: True) -> DrainReport:
        """Send everything due, within the limits; return when nothing is due any more
        (or `keep_going()` turns False: then in-flight sends finish and it returns)."""
        report = DrainReport()
        if self._lock.locked():
            return report
        async with self._lock:
            in_flight: set[asyncio.Task[None]] = set()
            try:
                while keep_going():
                    items = outbox.due_items(self.db, now=self.wall(), limit=500)
                    if not items:
                        if not in_flight:
                            break
                        await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                        continue
                    started, soonest = await self._start_sends(items, in_flight, report, keep_going)
                    if not started:
                        if in_flight:
                            await asyncio.wait(
                                in_flight, timeout=soonest, return_when=asyncio.FIRST_COMPLETED
                            )
                        else:
                            await asyncio.sleep(min(soonest, 1.0))
            finally:
                if in_flight:
                    await asyncio.gather(*in_flight)
        return report

    async def _start_sends(
        self,
        items: list[OutboxItem],
        in_flight: set[asyncio.Task[None]],
        report: DrainReport,
        keep_going: Callable[[], bool],
    ) -> tuple[int, float]:
        """Start a send for each item whose chat may receive now; return how many started and
        how long until the soonest held-back chat may."""
        started = 0
        soonest = 1.0
        for item in items:
            if not keep_going():
                break
            delay = self.pacer.chat_delay(item.chat_id, self.clock())
            if delay > 0:
                soonest = min(soonest, delay)
                continue
            await self._slots.acquire()
            try:
                # Short naps, so that a shutdown during a long pause (429, outage) is prompt;
                # the condition is the clock, not an event.
                while (wait := self.pacer.global_delay(self.clock())) > 0 and keep_going():  # noqa: ASYNC110
                    await asyncio.sleep(min(wait, 0.25))
                if not keep_going():
                    self._slots.release()
                    break
                if not outbox.claim(self.db, item.id, now=self.wall()):
                    self._slots.release()
                    continue
            except BaseException:
                self._slots.release()
                raise
            self.pacer.take(item.chat_id, self.clock())
            task = asyncio.create_task(self._send(item, report))
            in_flight.add(task)
            task.add_done_callback(in_flight.discard)
            started += 1
        return started, soonest

    async def _send(self, item: OutboxItem, report: DrainReport) -> None:
        try:
            await self._attempt(item, report)
        finally:
            self._slots.release()

    async def _attempt(self, item: OutboxItem, report: DrainReport) -> None:
        settings = self.settings
        try:
            sent = await send_outgoing(
                self.bot, item.chat_id, item.payload, http_timeout=settings.send_timeout
            )
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            self.pacer.pause(self.clock() + wait)
            outbox.reschedule(
                self.db,
                item.id,
                at=self.wall() + timedelta(seconds=wait),
                error=f"flood control: retry after {wait:g}s",
            )
            log.warning("Telegram flood control: pausing sends for %gs", wait)
            self._count(report, "rate_limited")
        except Forbidden as exc:
            reason = str(exc)
            parked = chats.deactivate_chat(self.db, item.chat_id, reason, now=self.wall())
            log.info("chat %s refused us (%s): %d alert(s) parked", item.chat_id, reason, parked)
            self._count(report, "parked", parked)
        except ChatMigrated as exc:
            new_id = int(exc.new_chat_id)
            chats.migrate_chat_id(self.db, item.chat_id, new_id, now=self.wall())
            log.info("chat %s migrated to %s: its alerts follow", item.chat_id, new_id)
            self._count(report, "migrated")
        except BadRequest as exc:
            outbox.fail(self.db, item.id, f"BadRequest: {exc}")
            log.error("alert %s to chat %s rejected by Telegram: %s", item.id, item.chat_id, exc)
            self._count(report, "failed")
        except (NetworkError, InvalidToken, TelegramError) as exc:
            # NetworkError covers timeouts and 5xx. InvalidToken and unknown errors are not the
            # message's fault either: keep it, back off, and say so loudly.
            self._failures += 1
            delay = backoff(self._failures, settings.retry_base, settings.retry_max, self.rng)
            retry = backoff(item.attempts + 1, settings.retry_base, settings.retry_max, self.rng)
            self.pacer.pause(self.clock() + delay)
            outbox.reschedule(
                self.db,
                item.id,
                at=self.wall() + timedelta(seconds=max(retry, delay)),
                error=f"{type(exc).__name__}: {exc}",
            )
            level = logging.WARNING if isinstance(exc, NetworkError) else logging.ERROR
            log.log(level, "send to chat %s failed (%s); retry in %.1fs", item.chat_id, exc, delay)
            self._count(report, "retried")
        else:
            self._failures = 0
            outbox.mark_sent(self.db, item.id, sent.message_id, now=self.wall())
            self._count(report, "sent")

    def _count(self, report: DrainReport, name: str, amount: int = 1) -> None:
        setattr(report, name, getattr(report, name) + amount)
        setattr(self.totals, name, getattr(self.totals, name) + amount)
