"""The sender against the sandbox over real HTTP: pacing, 429s, outages, blocks, migrations."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from telegram import Bot

from bot.core.outgoing import Button, OutgoingMessage
from bot.deliver.sender import Pacer, Sender, backoff
from bot.sandbox import Limits, Sandbox
from bot.settings import Settings, load_settings
from storage import chats, outbox
from storage.outbox import NewAlert
from storage.timestamps import utcnow


def fast_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Limits and backoff scaled so that each test takes a second or two."""
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "global_rate": 280.0,
        "chat_rate": 9.5,
        "retry_base": 0.05,
        "retry_max": 0.4,
        "send_timeout": 2.0,
    }
    values.update(overrides)
    return load_settings(**values)


FAST_LIMITS = Limits(global_per_second=300, chat_per_second=10, chat_burst=1)


@pytest.fixture
async def fast_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(limits=Limits(**vars(FAST_LIMITS)), seed=3) as server:
        yield server


async def make_sender(sandbox: Sandbox, db: Database, settings: Settings) -> tuple[Sender, Bot]:
    bot = Bot(sandbox.token, base_url=sandbox.api_url)
    await bot.initialize()
    return Sender(db, bot, settings, rng=random.Random(5)), bot


def queue(db: Database, chat_id: int, key: str, text: str | None = None) -> int:
    payload = OutgoingMessage(
        text=text or f"<b>تنبيه</b> {key}",
        buttons=((Button(text="إلغاء المتابعة", callback_data=f"unfollow:{key}"),),),
    )
    item_id = outbox.enqueue(db, NewAlert(chat_id, key, payload), now=utcnow())
    assert item_id is not None
    return item_id


async def drain_until_settled(sender: Sender, db: Database) -> None:
    """Drain, then wait for retries to come due, until nothing is pending."""
    while True:
        await sender.drain()
        due = outbox.next_due_at(db)
        if due is None:
            return
        await asyncio.sleep(max(0.0, (due - utcnow()).total_seconds()))


def delivered(sandbox: Sandbox) -> Counter[tuple[int, str]]:
    """(chat, text) -> how many times the bot sent it."""
    return Counter((m.chat_id, m.text) for m in sandbox.world.all_sent())


async def test_delivers_everything_once_within_limits(
    fast_sandbox: Sandbox, db: Database, tmp_path: Path
) -> None:
    for user in range(1, 61):
        fast_sandbox.add_user(user)
    for user in range(1, 61):
        queue(db, user, f"s{user}")
    for n in range(4):  # several alerts to one chat: spaced by chat_rate, in order
        queue(db, 1, f"extra{n}")
    sender, bot = await make_sender(fast_sandbox, db, fast_settings(tmp_path))
    async with bot:
        report = await sender.drain()
    assert report.sent == 64 and report.rate_limited == 0
    assert set(delivered(fast_sandbox).values()) == {1}
    assert fast_sandbox.world.counters.get("flood_429", 0) == 0
    assert outbox.counts(db)["sent"] == 64
    first_chat = [m.text for m in fast_sandbox.sent_to(1)]
    assert first_chat == ["تنبيه s1", *(f"تنبيه extra{n}" for n in range(4))]
    assert fast_sandbox.sent_to(2)[0].buttons == [[("إلغاء المتابعة", "unfollow:s2")]]
    stored = outbox.items_for_chat(db, 2)[0]
    assert stored.telegram_message_id == fast_sandbox.sent_to(2)[0].message_id


async def test_429_storm_pauses_and_loses_nothing(db: Database, tmp_path: Path) -> None:
    limits = Limits(global_per_second=15, chat_per_second=10, chat_burst=1)
    async with Sandbox(limits=limits) as sandbox:
        for user in range(1, 41):
            sandbox.add_user(user)
            queue(db, user, f"s{user}")
        # The sender believes it may send 20x faster than the server allows.
        sender, bot = await make_sender(sandbox, db, fast_settings(tmp_path, global_rate=300.0))
        async with bot:
            report = await sender.drain()
        assert report.rate_limited >= 1
        assert report.sent == 40
        assert set(delivered(sandbox).values()) == {1}
        # Each 429 paused everything for retry_after: no hammering while told to wait.
        assert sandbox.world.counters["flood_429"] == report.rate_limited
        assert report.rate_limited <= 4


async def test_outage_then_recovery(fast_sandbox: Sandbox, db: Database, tmp_path: Path) -> None:
    for user in range(1, 11):
        fast_sandbox.add_user(user)
        queue(db, user, f"s{user}")
    sender, bot = await make_sender(fast_sandbox, db, fast_settings(tmp_path))
    fast_sandbox.outage(0.8)
    async with bot:
        await drain_until_settled(sender, db)
    assert sender.totals.retried >= 1
    assert outbox.counts(db)["sent"] == 10
    assert set(delivered(fast_sandbox).values()) == {1}
    # Backing off: the outage was probed a few times, not hammered per message.
    assert fast_sandbox.world.counters["outage_502"] <= 8


async def test_random_5xx_and_timeouts_are_retried(
    fast_sandbox: Sandbox, db: Database, tmp_path: Path
) -> None:
    fast_sandbox.faults.error_rate = 0.25
    fast_sandbox.faults.timeout_rate = 0.15
    fast_sandbox.faults.hang_seconds = 0.5
    fast_sandbox.faults.methods = frozenset({"sendmessage"})
    for user in range(1, 31):
        fast_sandbox.add_user(user)
        queue(db, user, f"s{user}")
    sender, bot = await make_sender(fast_sandbox, db, fast_settings(tmp_path, send_timeout=0.2))
    async with bot:
        while outbox.counts(db)["sent"] < 30:
            await sender.drain()
            await fast_sandbox.wait_for(lambda: is_due(db), 2, "a due retry")
    counters = fast_sandbox.world.counters
    assert counters["error_500"] >= 1 and counters["timeouts"] >= 1
    assert set(delivered(fast_sandbox).values()) == {1}
    assert sender.totals.retried == counters["error_500"] + counters["timeouts"]


async def test_blocked_user_parks_alerts_until_start(
    fast_sandbox: Sandbox, db: Database, tmp_path: Path
) -> None:
    fast_sandbox.add_user(7)
    fast_sandbox.add_user(8)
    chats.upsert_chat(db, 7, now=utcnow())
    fast_sandbox.block(7)
    for n in range(3):
        queue(db, 7, f"b{n}")
    queue(db, 8, "ok")
    sender, bot = await make_sender(fast_sandbox, db, fast_settings(tmp_path))
    async with bot:
        report = await sender.drain()
        assert report.sent == 1 and report.parked == 3
        chat = chats.get_chat(db, 7)
        assert chat is not None and not chat.active
        assert chat.inactive_reason == "Forbidden: bot was blocked by the user"
        assert {i.status for i in outbox.items_for_chat(db, 7)} == {"parked"}
        # Only one request to the blocked chat: the others were parked without trying.
        assert fast_sandbox.world.counters["error_403"] == 1
        fast_sandbox.block(7, False)
        assert chats.reactivate_chat(db, 7, now=utcnow(), max_age=timedelta(hours=1)) == 3
        report = await sender.drain()
    assert report.sent == 3
    assert [m.text for m in fast_sandbox.sent_to(7)] == [f"تنبيه b{n}" for n in range(3)]


async def test_migrated_group_alerts_follow_the_new_id(
    fast_sandbox: Sandbox, db: Database, tmp_path: Path
) -> None:
    group = fast_sandbox.create_group("g", admins=[1], supergroup=False)
    new = fast_sandbox.world.migrate_group(group.id)
    chats.upsert_chat(db, group.id, kind="group", now=utcnow())
    queue(db, group.id, "g1")
    queue(db, group.id, "g2")
    sender, bot = await make_sender(fast_sandbox, db, fast_settings(tmp_path))
    async with bot:
        report = await sender.drain()
    assert report.migrated == 1 and report.sent == 2
    assert [m.text for m in fast_sandbox.sent_to(new.id)] == ["تنبيه g1", "تنبيه g2"]
    assert chats.get_chat(db, new.id) is not None and chats.get_chat(db, group.id) is None


async def test_bad_request_is_recorded_not_retried(
    fast_sandbox: Sandbox, db: Database, tmp_path: Path
) -> None:
    fast_sandbox.add_user(7)
    bad = queue(db, 7, "bad", text="<b>unclosed")
    queue(db, 7, "good")
    sender, bot = await make_sender(fast_sandbox, db, fast_settings(tmp_path))
    async with bot:
        report = await sender.drain()
        again = await sender.drain()
    assert (report.failed, report.sent, again.sent, again.failed) == (1, 1, 0, 0)
    item = outbox.get_item(db, bad)
    assert item is not None and item.status == "failed"
    assert item.last_error is not None and "can't parse entities" in item.last_error.lower()


async def test_drain_stops_promptly_when_told(
    fast_sandbox: Sandbox, db: Database, tmp_path: Path
) -> None:
    for user in range(1, 21):
        fast_sandbox.add_user(user)
        queue(db, user, f"s{user}")
    sender, bot = await make_sender(fast_sandbox, db, fast_settings(tmp_path))
    async with bot:
        report = await sender.drain(keep_going=lambda: sender.totals.sent < 5)
    assert report.sent == 5
    assert outbox.counts(db) | {"sent": 5, "pending": 15} == outbox.counts(db)


@pytest.mark.parametrize(
    ("sends", "chat_id", "expected_delay"),
    [
        ([], 1, 0.0),
        ([1], 1, 1.0),  # chat_rate 1/s
        ([1], 2, 0.0),
        ([-5] * 3, -5, 60.0),  # a group's window of 3 per minute is full
    ],
)
def test_pacer_chat_delays(sends: list[int], chat_id: int, expected_delay: float) -> None:
    pacer = Pacer(global_rate=1000.0, chat_rate=1.0, group_per_minute=3)
    for sent_to in sends:
        pacer.take(sent_to, 100.0)
    assert pacer.chat_delay(chat_id, 100.0) == pytest.approx(expected_delay)


def test_pacer_spaces_globally_and_pauses() -> None:
    pacer = Pacer(global_rate=10.0, chat_rate=1.0, group_per_minute=20)
    pacer.take(1, 0.0)
    assert pacer.global_delay(0.0) == pytest.approx(0.1)
    pacer.pause(5.0)
    assert pacer.global_delay(1.0) == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("failures", "low", "high"), [(1, 0.5, 1.0), (3, 2.0, 4.0), (30, 300.0, 600.0)]
)
def test_backoff_doubles_with_jitter_and_a_cap(failures: int, low: float, high: float) -> None:
    rng = random.Random(1)
    values = [backoff(failures, 1.0, 600.0, rng) for _ in range(50)]
    assert all(low <= v <= high for v in values) and len(set(values)) > 1


def is_due(db: Database) -> bool:
    """Whether the outbox has nothing waiting or its next row is due now."""
    due = outbox.next_due_at(db)
    return due is None or due <= utcnow()
