"""End to end through the sandbox: alerts an analyst can act on. The source is named and a
button opens the article's address; old news is kept but not pushed; a burst of stories to a
private chat arrives whole, in a few messages, across a restart in the middle of it."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import MarsadApp
from bot.sandbox import Limits, Sandbox
from bot.settings import Settings
from storage.search import recent_for_chat
from storage.timestamps import utcnow
from tests.helpers import FakeClock, drop, follow, processed, run_app, sandbox_settings, settle

KEYWORD = "طائرات دون طيار"
ADDRESS = "https://www.alarabiya.net/arab-and-world/2026/11/29/drones"
RIYADH = ZoneInfo("Asia/Riyadh")


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(seed=1, limits=Limits(chat_burst=10, chat_per_second=5.0)) as server:
        yield server


def settings_for(sandbox: Sandbox, tmp_path: Path, **overrides: Any) -> Settings:
    return sandbox_settings(sandbox, tmp_path, digest_interval=0.1, **overrides)


@asynccontextmanager
async def watching(
    sandbox: Sandbox, settings: Settings, clock: FakeClock
) -> AsyncIterator[MarsadApp]:
    """The bot running, with chat 7 following KEYWORD."""
    async with run_app(settings, clock=clock) as application:
        follow(application, 7, KEYWORD)
        sandbox.add_user(7)
        yield application


def nonsense(seed: int, count: int) -> list[str]:
    """Distinct made-up words, so that generated stories share no story cluster."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    rng = random.Random(seed)
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 7))) for _ in range(count)]


ISOLATES = "\u2066\u2067\u2068\u2069"


def visible(text: str) -> str:
    return "".join(c for c in text if c not in ISOLATES)


def article_file(title: str, body: str, *, date: datetime | None = None) -> str:
    lines = [title]
    if date is not None:  # written as a Riyadh outlet prints it (MARSAD_TIMEZONE)
        lines.append(f"تاريخ النشر: {date.astimezone(RIYADH):%Y-%m-%d %H:%M}")
    lines += [body, "المصدر: العربية", f"الرابط: {ADDRESS}"]
    return "\n".join(lines) + "\n"


DRONES = (
    "إسقاط طائرات دون طيار قرب الحدود الشمالية",
    "أعلنت الدفاعات الجوية أنها أسقطت ثلاث طائرات دون طيار كانت تحلق قرب منشآت نفطية "
    "فجر اليوم، دون أن تسفر عن إصابات، وفتحت السلطات تحقيقاً في مصدرها.",
)


async def test_alert_names_the_source_and_opens_the_address(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    clock = FakeClock(utcnow())
    settings = settings_for(sandbox, tmp_path)
    async with watching(sandbox, settings, clock):
        drop(settings, "drones.txt", article_file(*DRONES, date=clock.now - timedelta(hours=5)))
        [alert] = await sandbox.wait_for_messages(7, 1)
    assert "العربية" in alert.text.split("\n")[1]
    assert "نُشر قبل 5 ساعات" in visible(alert.text)
    assert [data for row in alert.buttons for _, data in row if data == ADDRESS] == [ADDRESS]


async def test_old_dated_article_is_listed_not_pushed(sandbox: Sandbox, tmp_path: Path) -> None:
    clock = FakeClock(utcnow())
    settings = settings_for(sandbox, tmp_path)
    async with watching(sandbox, settings, clock) as application:
        old = article_file(*DRONES, date=clock.now - timedelta(days=40))
        drop(settings, "old.txt", old)
        await processed(sandbox, settings, 1)
        await settle(application)
        db = application.bot_data.services.db
        assert sandbox.sent_to(7) == []
        assert [hit.title for hit in recent_for_chat(db, 7, limit=5).hits] == [DRONES[0]]
        sandbox.user_says(7, "/recent")
        [listing] = await sandbox.wait_for_messages(7, 1)
    shown = visible(listing.text)
    assert DRONES[0] in shown and f"🔑 {KEYWORD}" in shown


async def test_eight_stories_at_once_arrive_whole_in_few_messages_across_a_restart(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    clock = FakeClock(utcnow())
    settings = settings_for(sandbox, tmp_path)
    titles = []
    async with watching(sandbox, settings, clock) as application:
        for n in range(8):
            words = nonsense(n, 40)
            titles.append(f"{KEYWORD} و{words[0]} {words[1]} {words[2]}")
            body = f"{' '.join(words[3:])} {KEYWORD}."
            drop(settings, f"{n}.txt", article_file(titles[-1], body, date=clock.now))
        await processed(sandbox, settings, 8)
        await settle(application)
        assert len(sandbox.sent_to(7)) == settings.chat_burst  # the rest waits for its minute
    # Stopped in the middle of the burst: the held stories are in the database, not lost.
    clock.now += timedelta(minutes=1)
    async with run_app(settings, clock=clock) as application:
        await sandbox.wait_for_messages(7, settings.chat_burst + 1)
        await settle(application)
    messages = sandbox.sent_to(7)
    assert len(messages) <= 5
    assert messages[-1].text.startswith("🗞")  # the digest of the rest of the burst
    delivered = "\n".join(message.text for message in messages)
    for title in titles:  # nothing lost, nothing twice
        assert delivered.count(title) == 1, title


@pytest.mark.parametrize(
    ("message", "expected"),
    [("مرحبا", "أهلاً وسهلاً"), ("السلام عليكم", "وعليكم السلام"), ("hi", "أهلاً وسهلاً")],
)
async def test_a_greeting_gets_a_greeting_and_a_hint(
    sandbox: Sandbox, tmp_path: Path, message: str, expected: str
) -> None:
    async with run_app(settings_for(sandbox, tmp_path), clock=FakeClock(utcnow())):
        sandbox.user_says(7, message)
        [answer] = await sandbox.wait_for_messages(7, 1)
    shown = visible(answer.text)
    assert expected in shown and "/follow" in shown and "لا نتائج" not in shown


async def test_a_group_is_answered_in_the_plural_and_tz_takes_arabic(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with run_app(settings_for(sandbox, tmp_path), clock=FakeClock(utcnow())):
        group = sandbox.create_group("غرفة الرصد", admins=[1])
        sandbox.user_says(1, f"/follow {KEYWORD}", group.id)
        [followed] = await sandbox.wait_for_messages(group.id, 1)
        sandbox.user_says(1, "/tz القاهرة", group.id)
        [_, zone] = await sandbox.wait_for_messages(group.id, 2)
        sandbox.user_says(7, "/mute نصف ساعة")
        [muted] = await sandbox.wait_for_messages(7, 1)
    assert "سأتابع لكم" in visible(followed.text) and "سأنبهكم" in visible(followed.text)
    assert "Africa/Cairo" in visible(zone.text)
    assert "أوقفتُ التنبيهات حتى" in visible(muted.text)
