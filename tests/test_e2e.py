"""End to end: the real Application, inbox, matcher and renderer ↔ real HTTP ↔ the sandbox.

Files are dropped into the inbox as a producer would; what the sandbox's users receive is
checked. The last test kills a real `marsad run` process with SIGKILL mid-delivery.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.core.outgoing import OutgoingMessage
from bot.match.matching import parse_query
from bot.sandbox import Limits, Sandbox
from bot.settings import Settings, load_settings
from storage import chats, outbox, subscriptions
from storage.articles import count_articles
from storage.db import open_database
from storage.outbox import NewAlert
from storage.timestamps import utcnow
from tests.helpers import drop as drop_text
from tests.helpers import follow, run_app, sandbox_settings

ARTICLES = Path(__file__).parent / "data" / "articles"
NATO = ARTICLES / "004_1e0cd23aaef11339.txt"  # اليابان والناتو ... الصين وروسيا
EU_ARTICLE = (
    "الاتحاد الأوروبي يقر حزمة عقوبات جديدة\n"
    "أقر الاتحاد الأوروبي اليوم حزمة عقوبات جديدة تشمل قطاعات الطاقة والمصارف، "
    "وقال مسؤولون في بروكسل إن الحزمة تستهدف شركات الشحن ومصافي النفط.\n"
    "وأضاف المسؤولون أن الدول الأعضاء ستراجع تنفيذ العقوبات خلال الأشهر المقبلة.\n"
)


def e2e_settings(sandbox: Sandbox, tmp_path: Path, **overrides: Any) -> Settings:
    """Short retry delays too: some tests here make sends fail on purpose."""
    return sandbox_settings(
        sandbox, tmp_path, **{"retry_base": 0.05, "retry_max": 0.3, **overrides}
    )


def drop(settings: Settings, source: Path, name: str, text: str | None = None) -> None:
    """Deliver `source` (or `text` in its place) into the inbox as `name`."""
    drop_text(settings, name, text if text is not None else source.read_text(encoding="utf-8"))


async def test_follow_then_file_then_alert(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.user_says(7, "/start")
        await sandbox.wait_for_messages(7, 1)
        follow(application, 7, "الناتو")
        follow(application, 8, "البرازيل")  # matches nothing here
        drop(settings, NATO, "nato.txt")
        messages = await sandbox.wait_for_messages(7, 2)
        alert = messages[1]
        assert alert.parse_mode == "HTML"
        assert "الناتو" in alert.text and "اليابان" in alert.text
        assert alert.buttons  # the renderer's buttons went through Telegram's validation
    assert sandbox.sent_to(8) == []


async def test_a_name_that_is_not_utf8_neither_stops_the_scan_nor_loses_its_alert(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    """A bad file and a good article under names that are not UTF-8, beside a good file:
    the bad one is quarantined with its reason, both articles are stored and alerted."""
    settings = e2e_settings(sandbox, tmp_path)
    sandbox.add_user(7)
    sandbox.add_user(8)
    async with run_app(settings) as application:
        follow(application, 7, "الناتو")
        follow(application, 8, "الاتحاد الأوروبي")
        settings.inbox.mkdir(parents=True, exist_ok=True)
        (settings.inbox / os.fsdecode(b"a_bad_\xff.bin")).write_bytes(b"\x00\x01" * 40)
        (settings.inbox / os.fsdecode(b"b_nato_\xfe.txt")).write_bytes(NATO.read_bytes())
        drop(settings, NATO, "c_eu.txt", EU_ARTICLE)
        [nato] = await sandbox.wait_for_messages(7, 1)
        [eu] = await sandbox.wait_for_messages(8, 1)
        assert "اليابان" in nato.text and "بروكسل" in eu.text
    reason = settings.inbox / "quarantine" / os.fsdecode(b"a_bad_\xff.bin.reason")
    assert "file: a_bad_\\xff.bin" in reason.read_text(encoding="utf-8")


async def test_no_duplicate_on_reingest_or_another_source(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        follow(application, 7, "الناتو")
        sandbox.add_user(7)
        drop(settings, NATO, "first.txt")
        await sandbox.wait_for_messages(7, 1)
        services = application.bot_data.services
        drop(settings, NATO, "same-article-other-name.txt")
        lines = NATO.read_text(encoding="utf-8").split("\n")
        lines.insert(3, "وأضاف مصدر آخر أن الاجتماع كان مثمرا.")
        drop(settings, NATO, "another-source.txt", "\n".join(lines))
        processed = settings.inbox / "processed"
        await sandbox.wait_for(
            lambda: len(list(processed.rglob("*.txt"))) == 3 and not services.sender.busy,
            10,
            "the three files to be processed",
        )
        assert services.db["articles"].count == 2  # the renamed copy is the same article
        assert services.db["matches"].count == 2  # the other source matched too ...
        await sandbox.wait_for(lambda: outbox.counts(services.db)["pending"] == 0, 30, "idle")
    assert len(sandbox.sent_to(7)) == 1  # ... but the story alerts once


async def test_429_storm_loses_nothing(tmp_path: Path) -> None:
    # The sender believes it may send 10x faster than the server allows.
    limits = Limits(global_per_second=10, chat_per_second=10, chat_burst=1)
    async with Sandbox(limits=limits) as sandbox:
        settings = e2e_settings(sandbox, tmp_path, global_rate=100.0, chat_rate=10.0)
        users = range(100, 130)
        async with run_app(settings) as application:
            for user in users:
                sandbox.add_user(user)
                follow(application, user, "الناتو")
            drop(settings, NATO, "nato.txt")
            await sandbox.wait_for(
                lambda: all(sandbox.sent_to(u) for u in users), 20, "an alert for every user"
            )
        assert sandbox.world.counters["flood_429"] >= 1
        assert Counter(m.chat_id for m in sandbox.world.all_sent()) == dict.fromkeys(users, 1)


async def test_outage_then_recovery(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.add_user(7)
        follow(application, 7, "روسيا")
        sandbox.faults.methods = frozenset({"sendmessage"})
        sandbox.faults.error_rate = 1.0  # every send answers 500 ...
        drop(settings, NATO, "nato.txt")
        services = application.bot_data.services
        await sandbox.wait_for(lambda: services.sender.totals.retried >= 3, 10, "retries")
        sandbox.faults.error_rate = 0.0  # ... until the API recovers
        messages = await sandbox.wait_for_messages(7, 1)
    assert len(messages) == 1 and "روسيا" in messages[0].text


async def kill_mid_delivery_and_restart(
    sandbox: Sandbox, tmp_path: Path, env: dict[str, str], users: list[int], *, sends: int
) -> None:
    """Run the bot as a child process, kill -9 it once `sends` messages are out, start it again
    and stop it by SIGTERM once every user has an alert: every user gets one, and at most one
    alert twice (the one in flight at the kill)."""

    async def start() -> asyncio.subprocess.Process:
        with (tmp_path / "marsad.log").open("ab") as log:  # the child keeps its own copy
            return await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", env=env, cwd=tmp_path,
                stdout=log, stderr=log,
            )  # fmt: skip

    process = await start()
    await sandbox.wait_for(lambda: len(sandbox.world.all_sent()) >= sends, 30, f"{sends} sends")
    process.send_signal(signal.SIGKILL)
    await process.wait()
    assert len(sandbox.world.all_sent()) < len(users)  # really killed mid-delivery
    process = await start()
    try:
        await sandbox.wait_for(
            lambda: all(sandbox.sent_to(u) for u in users), 30, "every alert delivered"
        )
    finally:
        process.send_signal(signal.SIGTERM)  # and a clean shutdown on SIGTERM
        assert await asyncio.wait_for(process.wait(), 15) == 0
    per_user = Counter(m.chat_id for m in sandbox.world.all_sent())
    assert set(per_user) == set(users)
    assert sum(per_user.values()) - len(users) <= 1  # only the one in flight may repeat


async def test_restart_after_kill_delivers_everything_at_most_one_duplicate(
    tmp_path: Path,
) -> None:
    async with Sandbox() as sandbox:
        sandbox.faults.latency = 0.03  # a slower network, so that the kill lands mid-delivery
        sandbox.faults.methods = frozenset({"sendmessage"})
        users = list(range(500, 560))
        data = tmp_path / "data"
        db = open_database(data / "marsad.db")
        for user in users:
            sandbox.add_user(user)
            chats.upsert_chat(db, user, now=utcnow())
            alert = OutgoingMessage(text=f"<b>تنبيه</b> للمستخدم {user}")
            outbox.enqueue(db, NewAlert(user, f"story:{user}", alert), now=utcnow())
        db.close()
        env = {
            **os.environ,
            "MARSAD_TELEGRAM_TOKEN": sandbox.token,
            "MARSAD_TELEGRAM_API_URL": sandbox.api_url,
            "MARSAD_DATA_DIR": str(data),
            "MARSAD_SENDER_INTERVAL": "0.1",
        }
        await kill_mid_delivery_and_restart(sandbox, tmp_path, env, users, sends=15)
        db = open_database(data / "marsad.db")
        assert outbox.counts(db)["sent"] == len(users)
        db.close()


# A scanner that dies by SIGKILL right after committing the articles, before any routing:
# the exact point where alerts were lost when routing only followed the scan in memory.
STORE_THEN_DIE = """
import os, signal
from datetime import UTC, datetime
from bot.ingest.inbox import InboxScanner
from bot.settings import load_settings
from storage.db import open_database
settings = load_settings()
report = InboxScanner(settings, open_database(settings.database)).scan(datetime.now(UTC))
assert report.new == 2, report
os.kill(os.getpid(), signal.SIGKILL)
"""


async def test_kill_between_storing_and_routing_loses_no_alert(tmp_path: Path) -> None:
    """Articles stored, files moved to processed/, then kill -9 before any alert is queued:
    the restarted bot routes what was stored; killed -9 again while sending, and restarted,
    it delivers every alert, with at most one repeat (the one in flight at the second kill)."""
    async with Sandbox() as sandbox:
        sandbox.faults.latency = 0.03  # a slower network, so that the kill lands mid-delivery
        sandbox.faults.methods = frozenset({"sendmessage"})
        users = list(range(700, 730))
        data = tmp_path / "data"
        settings = load_settings(data_dir=data)
        db = open_database(settings.database)
        for user in users:
            sandbox.add_user(user)
            chats.upsert_chat(db, user, now=utcnow())
            query = parse_query("الناتو" if user % 2 else "الاتحاد الأوروبي")
            subscriptions.add_subscription(db, user, query.text, query.key, now=utcnow())
        db.close()
        drop(settings, NATO, "nato.txt")
        drop(settings, NATO, "eu.txt", EU_ARTICLE)
        old = time.time() - 60  # written long ago: taken on the first scan
        for name in ("nato.txt", "eu.txt"):
            os.utime(settings.inbox / name, (old, old))
        env = {**os.environ, "MARSAD_DATA_DIR": str(data), "MARSAD_SENDER_INTERVAL": "0.1"}
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-c", STORE_THEN_DIE, env=env, cwd=tmp_path
        )
        assert await child.wait() == -signal.SIGKILL
        db = open_database(settings.database)
        assert count_articles(db) == 2 and sum(outbox.counts(db).values()) == 0
        assert sorted(p.name for p in (settings.inbox / "processed").rglob("*.txt")) == [
            "eu.txt",
            "nato.txt",
        ]
        db.close()
        env |= {"MARSAD_TELEGRAM_TOKEN": sandbox.token, "MARSAD_TELEGRAM_API_URL": sandbox.api_url}
        await kill_mid_delivery_and_restart(sandbox, tmp_path, env, users, sends=5)
        assert "stored but not routed" in (tmp_path / "marsad.log").read_text()


def test_demo_runs_offline_and_prints_the_transcript(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = logging.getLogger()
    level = root.level
    try:
        code = main(["demo", "--follow", "الناتو", "--data-dir", str(tmp_path / "demo")])
    finally:
        root.setLevel(level)  # `marsad demo` quiets logging for its transcript
    out = capsys.readouterr().out
    assert code == 0
    assert "👤 user: /follow الناتو" in out
    assert "تتعهد اليابان والناتو" in out  # the NATO article reached the demo user
    # ... through the collector: the feed added in chat, its article collected.
    assert "👤 user: /feeds add http://127.0.0.1:" in out
    assert "جُمع: خبر واحد" in out and "1 collected from a feed" in out
    assert "1 keyword(s) followed" in out
    # It ends with the way to a real bot.
    assert "@BotFather" in out and ".venv/bin/marsad run" in out and "--keep-running" in out
