"""The assembled Application against the sandbox over real HTTP: the wiring (post_init
services, jobs, handlers, shutdown) and the rule that the event loop only waits: the inbox
is scanned, parsed and matched in a worker thread while chats are answered."""

from __future__ import annotations

import time
from pathlib import Path

from sqlite_utils import Database

from bot.app import build_index
from bot.match.matching import parse_query
from bot.sandbox import Sandbox
from bot.services import default_components
from bot.settings import Settings
from storage import chats, outbox, subscriptions
from storage.timestamps import utcnow
from tests.helpers import drop, follow, run_app, sandbox_settings

NATO = "قمة الناتو في واشنطن\nاجتمع قادة دول حلف الناتو في واشنطن لبحث الحرب وتعزيز الدفاع المشترك."
WEATHER = "طقس معتدل\nتتوقع الأرصاد الجوية طقسا معتدلا على معظم المناطق مع رياح خفيفة ونشاط للغبار."


async def test_start_then_file_then_alert(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = sandbox_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.user_says(7, "/start")
        [welcome] = await sandbox.wait_for_messages(7, 1)
        assert "مرصد" in welcome.text
        follow(application, 7, "الناتو")
        drop(settings, "a.txt", NATO)
        drop(settings, "b.txt", WEATHER)
        messages = await sandbox.wait_for_messages(7, 2)
        assert "قمة الناتو في واشنطن" in messages[1].text
        assert messages[1].parse_mode == "HTML"
    db = Database(str(settings.database))
    assert outbox.counts(db)["sent"] == 1
    db.close()


async def test_blocked_user_comes_back_with_start(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = sandbox_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.user_says(7, "/start")
        await sandbox.wait_for_messages(7, 1)
        services = application.bot_data.services
        follow(application, 7, "الناتو")
        sandbox.block(7)
        drop(settings, "a.txt", NATO)
        await sandbox.wait_for(
            lambda: outbox.counts(services.db)["parked"] == 1, 10, "the alert to be parked"
        )
        chat = chats.get_chat(services.db, 7)
        assert chat is not None and not chat.active
        assert len(subscriptions.list_subscriptions(services.db, 7)) == 1
        sandbox.user_says(7, "/start")  # unblocks and starts again
        messages = await sandbox.wait_for_messages(7, 3)
        assert "بعودتك" in messages[1].text
        assert "قمة الناتو في واشنطن" in messages[2].text


async def test_commands_answered_within_a_second_during_a_large_drop(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """Thousands of files arrive at once: /help is still answered within a second, because
    scanning, parsing and matching run in the intake worker's thread."""
    settings = sandbox_settings(sandbox, tmp_path, scan_interval=0.2)
    async with run_app(settings) as application:
        services = application.bot_data.services
        sandbox.user_says(7, "/start")
        await sandbox.wait_for_messages(7, 1)
        follow(application, 7, "الناتو")
        settings.inbox.mkdir(parents=True, exist_ok=True)
        staging = settings.inbox.parent / "staging"
        staging.mkdir()
        for n in range(2000):
            body = f"{NATO} البيان رقم {n} صدر اليوم عن الأمانة العامة للحلف في بروكسل."
            (staging / f"{n:05}.txt").write_text(body, encoding="utf-8")
        for path in sorted(staging.iterdir()):
            path.rename(settings.inbox / path.name)
        # Wait until the worker is busy with the drop, then ask.
        await sandbox.wait_for(
            lambda: (
                services.intake.scanner.inbox.exists()
                and sum(1 for _ in settings.inbox.glob("*.txt")) < 2000
            ),
            30,
            "the scan to start",
        )
        remaining = sum(1 for _ in settings.inbox.glob("*.txt"))
        before = len(sandbox.sent_to(7))
        asked = time.monotonic()
        sandbox.user_says(7, "/help")
        await sandbox.wait_for(lambda: len(sandbox.sent_to(7)) > before, 30, "the /help answer")
        waited = time.monotonic() - asked
        still = sum(1 for _ in settings.inbox.glob("*.txt"))
        assert still > 0, f"the drop ({remaining} files left) ended before /help was asked"
        assert waited < 1.0, f"/help took {waited:.2f} s while the inbox was being ingested"


def test_index_skips_a_subscription_that_no_longer_compiles(
    db: Database, settings: Settings
) -> None:
    chats.upsert_chat(db, 7, now=utcnow())
    good = subscriptions.add_subscription(db, 7, "الناتو", parse_query("الناتو").key, now=utcnow())
    bad = subscriptions.add_subscription(db, 7, "-", "-", now=utcnow())
    index = build_index(db, default_components(settings))
    assert good.id in index
    assert bad.id not in index
