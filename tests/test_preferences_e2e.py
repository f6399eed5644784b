"""End to end through the sandbox (real Application ↔ HTTP ↔ sandbox): a daily digest fires
at its configured time with the clock moved by the test, quiet hours make alerts silent and
urgent ones ring, a mute holds alerts and /unmute releases them as one digest, only group
admins change a group's settings, and an export sent back restores a chat's subscriptions.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.core.texts import count_noun
from bot.sandbox import Limits, Sandbox, StoredMessage
from bot.settings import Settings
from storage import chats
from storage.preferences import chat_prefs, subscription_settings
from storage.timestamps import utcnow
from tests.helpers import FakeClock, drop, follow, processed, run_app, sandbox_settings, settle

ARTICLES = Path(__file__).parent / "data" / "articles"
NATO = ARTICLES / "004_1e0cd23aaef11339.txt"  # اليابان والناتو ...


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """Telegram's limits, but a private chat's burst of 10: these tests interleave command
    replies (sent directly) with alerts (paced by the sender) in one chat within a second,
    which rate limiting is not what they are about."""
    async with Sandbox(seed=1, limits=Limits(chat_burst=10, chat_per_second=5.0)) as server:
        yield server


def e2e_settings(sandbox: Sandbox, tmp_path: Path, **overrides: Any) -> Settings:
    """Also a fast digest job, and Riyadh as the zone digest times are given in."""
    return sandbox_settings(
        sandbox, tmp_path, **{"digest_interval": 0.1, "timezone": "Asia/Riyadh", **overrides}
    )


# Four unrelated articles: few shared words, so that story clustering keeps them apart.
STORIES = {
    "بروكسل": (
        "الناتو يقر خطة جديدة للدفاع الجوي في بروكسل",
        "أقر الوزراء خطة لتعزيز بطاريات باتريوت ورادارات بعيدة المدى على الجناح الشرقي، "
        "وتتحمل الخزانة المشتركة نصف التكلفة المقدرة بمليارات اليورو حتى نهاية العقد.",
    ),
    "أنقرة": (
        "تركيا تستضيف مناورات بحرية للناتو قرب سواحلها",
        "أعلنت أنقرة أن فرقاطات وغواصات من ثماني دول ستبحر في البحر الأسود الشهر المقبل "
        "ضمن تمرين سنوي، بمشاركة طائرات استطلاع ومروحيات إنقاذ وسفن إمداد.",
    ),
    "روما": (
        "إيطاليا ترفع ميزانيتها العسكرية استجابة لمطالب الناتو",
        "قالت الحكومة الإيطالية إن الإنفاق سيبلغ اثنين في المئة من الناتج المحلي، مع صفقات "
        "ذخيرة ومسيّرات وتحديث القواعد الجوية في صقلية وسردينيا خلال ثلاث سنوات.",
    ),
    "وارسو": (
        "بولندا تفتتح أكبر مصنع للذخيرة في وسط أوروبا",
        "افتتح رئيس الوزراء البولندي مصنعاً لقذائف المدفعية قرب مدينة لودز، يوفر ألفي وظيفة "
        "وينتج مئة وخمسين ألف قذيفة سنوياً لتعويض المخزون الذي أُرسل إلى أوكرانيا.",
    ),
}


def story(city: str) -> str:
    """One of four unrelated NATO articles (each its own story), as an inbox file."""
    title, body = STORIES[city]
    return f"{title}\n{city} – {body}\n"


async def test_daily_digest_fires_at_the_configured_time(sandbox: Sandbox, tmp_path: Path) -> None:
    clock = FakeClock(utcnow())
    settings = e2e_settings(sandbox, tmp_path)
    at = (clock.now + timedelta(hours=3)).astimezone(settings.zone).replace(second=0)
    async with run_app(settings, clock=clock) as application:
        sandbox.add_user(7)
        follow(application, 7, "الناتو")
        sandbox.user_says(7, f"/mode الناتو daily {at:%H:%M}")
        [reply] = await sandbox.wait_for_messages(7, 1)
        assert f"{at:%H:%M}" in reply.text
        drop(settings, "nato.txt", NATO.read_text(encoding="utf-8"))
        drop(settings, "brussels.txt", story("بروكسل"))
        await processed(sandbox, settings, 2)
        clock.now += timedelta(hours=2, minutes=50)  # ten minutes early: nothing yet
        await settle(application)
        assert len(sandbox.sent_to(7)) == 1
        clock.now = at.replace(microsecond=0).astimezone(clock.now.tzinfo)  # the digest's time
        messages = await sandbox.wait_for_messages(7, 2)
        digest = messages[1]
        assert digest.text.splitlines()[0] == "🗞 ملخص مرصد: خبران"
        assert "بروكسل" in digest.text.splitlines()[2]  # newest first
        assert "اليابان" in digest.text
        buttons = [data for row in digest.buttons for _, data in row]
        assert len(buttons) == 2 and all(data.startswith("full:") for data in buttons)
        # After the digest: a new story waits for tomorrow's; nothing is sent twice.
        clock.now += timedelta(minutes=5)
        drop(settings, "ankara.txt", story("أنقرة"))
        await processed(sandbox, settings, 3)
        await settle(application)
        clock.now += timedelta(hours=12)
        await settle(application)
    assert len(sandbox.sent_to(7)) == 2


async def test_digest_survives_a_restart_mid_period(sandbox: Sandbox, tmp_path: Path) -> None:
    clock = FakeClock(utcnow())
    settings = e2e_settings(sandbox, tmp_path)
    sandbox.add_user(7)
    async with run_app(settings, clock=clock) as first:
        follow(first, 7, "الناتو")
        sandbox.user_says(7, "/mode الناتو hourly")
        await sandbox.wait_for_messages(7, 1)
        drop(settings, "a.txt", story("بروكسل"))
        await processed(sandbox, settings, 1)
        await settle(first)
    clock.now += timedelta(hours=1, minutes=1)  # the hour passes while the bot is down
    async with run_app(settings, clock=clock) as second:
        messages = await sandbox.wait_for_messages(7, 2)
        assert "بروكسل" in messages[1].text and messages[1].buttons
        await settle(second)
    assert len(sandbox.sent_to(7)) == 2


async def test_quiet_hours_make_alerts_silent_and_urgent_rings(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    local = utcnow().astimezone(settings.zone)
    window = f"{(local - timedelta(hours=1)):%H:%M}-{(local + timedelta(hours=2)):%H:%M}"
    async with run_app(settings) as application:
        sandbox.add_user(7)
        follow(application, 7, "الناتو")
        follow(application, 7, "بولندا")
        sandbox.user_says(7, f"/quiet {window}")
        await sandbox.wait_for_messages(7, 1)
        drop(settings, "a.txt", story("بروكسل"))
        silent = (await sandbox.wait_for_messages(7, 2))[1]
        assert silent.disable_notification and "بروكسل" in silent.text
        sandbox.user_says(7, "/urgent بولندا")
        await sandbox.wait_for_messages(7, 3)
        drop(settings, "b.txt", story("وارسو"))
        ringing = (await sandbox.wait_for_messages(7, 4))[3]
        assert not ringing.disable_notification and "وارسو" in ringing.text
        sandbox.user_says(7, "/quiet off")
        await sandbox.wait_for_messages(7, 5)
        drop(settings, "c.txt", story("روما"))
        after = (await sandbox.wait_for_messages(7, 6))[5]
        assert not after.disable_notification and "روما" in after.text


async def test_mute_holds_alerts_and_unmute_releases_one_digest(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.add_user(7)
        follow(application, 7, "الناتو")
        sandbox.user_says(7, "/mute")
        await sandbox.wait_for_messages(7, 1)
        for n, city in enumerate(("بروكسل", "أنقرة", "روما")):
            drop(settings, f"{n}.txt", story(city))
        await processed(sandbox, settings, 3)
        await settle(application)
        assert len(sandbox.sent_to(7)) == 1  # held, not sent, not dropped
        sandbox.user_says(7, "/unmute")
        messages = await sandbox.wait_for_messages(7, 3)
        assert "(3)" in messages[1].text  # the reply counts what was held
        digest = messages[2]
        assert digest.text.splitlines()[0] == "🗞 ملخص مرصد: 3 أخبار"
        assert all(STORIES[city][0] in digest.text for city in ("بروكسل", "أنقرة", "روما"))
        await settle(application)
    assert len(sandbox.sent_to(7)) == 3


async def refused_to_member_done_for_admin(
    sandbox: Sandbox, group_id: int, member_says: str, admin_says: str
) -> StoredMessage:
    """Member 2 of the group says one command and is refused; admin 1 says the other: the
    answer to the admin (the group's second message)."""
    sandbox.user_says(2, member_says, group_id)
    [refusal] = await sandbox.wait_for_messages(group_id, 1)
    assert "المشرفون فقط" in refusal.text
    sandbox.user_says(1, admin_says, group_id)
    [_, answer] = await sandbox.wait_for_messages(group_id, 2)
    return answer


async def test_only_group_admins_change_settings(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings):
        group = sandbox.create_group("غرفة الرصد", admins=[1], members=[2])
        done = await refused_to_member_done_for_admin(sandbox, group.id, "/mute", "/mute 2h")
        assert "🔕" in done.text
        sandbox.user_says(2, "/quiet", group.id)  # reading the settings is open to members
        [*_, shown] = await sandbox.wait_for_messages(group.id, 3)
        assert "/quiet 23:00-07:00" in shown.text


@pytest.mark.parametrize(
    "command", ["/lang en", "/mute 2h", "/quiet 22:00-06:00", "/tz Asia/Riyadh", "/follow الناتو"]
)
async def test_group_members_change_no_setting(
    sandbox: Sandbox, tmp_path: Path, command: str
) -> None:
    """Every setting follows one rule in a group: a member is refused, nothing changes."""
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        group = sandbox.create_group("غرفة الرصد", admins=[1], members=[2])
        services = application.bot_data.services
        sandbox.user_says(1, "/tz", group.id)  # registers the group as the admin sees it
        await sandbox.wait_for_messages(group.id, 1)
        before = chat_prefs(services.db, group.id, default_timezone=settings.timezone)
        sandbox.user_says(2, command, group.id)
        [*_, refusal] = await sandbox.wait_for_messages(group.id, 2)
        assert "المشرفون فقط" in refusal.text
        assert chat_prefs(services.db, group.id, default_timezone=settings.timezone) == before
        assert subscription_settings(services.db, group.id) == []


async def test_allowlist_and_admin_commands(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path, allowed_user_ids="7", admin_ids="9")
    async with run_app(settings):
        sandbox.user_says(5, "/tz")
        [refused] = await sandbox.wait_for_messages(5, 1)
        assert "خاص" in refused.text
        sandbox.user_says(7, "/tz")  # the chat becomes known (and active)
        sandbox.user_says(7, "/stats")
        [_, not_admin] = await sandbox.wait_for_messages(7, 2)
        assert "للمسؤولين" in not_admin.text
        sandbox.user_says(9, "/stats")  # an admin is always allowed
        [figures] = await sandbox.wait_for_messages(9, 1)
        assert "إحصاءات" in figures.text
        sandbox.user_says(9, "/broadcast صيانة مجدولة الليلة")
        messages = await sandbox.wait_for_messages(7, 3)
        assert "📣" in messages[2].text and "صيانة مجدولة الليلة" in messages[2].text
        [_, queued] = await sandbox.wait_for_messages(9, 2)
        assert "1" in queued.text


async def test_export_then_send_the_file_back(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.add_user(7)
        sandbox.add_user(8)
        follow(application, 7, "الناتو")
        follow(application, 7, "كوريا الشمالية")
        sandbox.user_says(7, "/mode الناتو daily 07:30")
        sandbox.user_says(7, "/export")
        messages = await sandbox.wait_for_messages(7, 2)
        exported = messages[1]
        assert exported.document is not None
        data = exported.document.data
        assert json.loads(data)["format"] == "marsad.subscriptions"
        # Chat 8 restores it by sending the file; chat 7 by replying /import to it.
        sandbox.user_sends_file(8, exported.document.filename, data)
        [report] = await sandbox.wait_for_messages(8, 1)
        assert "أُضيفت: 2" in report.text
        services = application.bot_data.services
        restored = {s.query: s for s in subscription_settings(services.db, 8)}
        assert restored["الناتو"].mode == "daily" and f"{restored['الناتو'].daily_at}" == "07:30:00"
        sandbox.user_says(7, "/import", reply_to=exported.message_id)
        [*_, again] = await sandbox.wait_for_messages(7, 3)
        assert "أُضيفت: 0" in again.text and "متابعة من قبل" in again.text
        sandbox.user_sends_file(8, "broken.json", b"{not json")
        [*_, broken] = await sandbox.wait_for_messages(8, 2)
        assert "JSON" in broken.text


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000 + b"]" * 100_000,  # deeper than Python's stack
        b'{"format": "marsad.subscriptions", "version": ' + b"9" * 5000 + b"}",
    ],
    ids=["deeply-nested", "5000-digit-number"],
)
async def test_hostile_import_gets_a_reply_and_no_admin_alarm(
    sandbox: Sandbox, tmp_path: Path, data: bytes
) -> None:
    settings = e2e_settings(sandbox, tmp_path, admin_ids="9")
    async with run_app(settings):
        sandbox.add_user(9)
        sandbox.user_sends_file(8, "hostile.json", data)
        [reply] = await sandbox.wait_for_messages(8, 1)
        assert "JSON" in reply.text and "صالحاً" in reply.text
        await asyncio.sleep(0.3)  # an error report to the admins would be on its way by now
    assert sandbox.sent_to(9) == []


async def test_time_limited_follow_ends_with_a_notice(sandbox: Sandbox, tmp_path: Path) -> None:
    clock = FakeClock(utcnow())
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings, clock=clock) as application:
        sandbox.add_user(7)
        sandbox.user_says(7, "/follow الناتو 7d")
        [reply] = await sandbox.wait_for_messages(7, 1)
        assert "⏳" in reply.text and "الناتو" in reply.text
        clock.now += timedelta(days=6, hours=23)
        await settle(application)
        assert len(sandbox.sent_to(7)) == 1
        clock.now += timedelta(hours=1)
        [_, notice] = await sandbox.wait_for_messages(7, 2)
        assert "انتهت مدة متابعة" in notice.text
        services = application.bot_data.services
        assert subscription_settings(services.db, 7) == []
        drop(settings, "a.txt", story("بروكسل"))  # no longer followed: no alert
        await processed(sandbox, settings, 1)
        await settle(application)
    assert len(sandbox.sent_to(7)) == 2


async def test_group_members_cannot_follow(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        group = sandbox.create_group("غرفة الرصد", admins=[1], members=[2])
        command = "/follow الناتو"
        added = await refused_to_member_done_for_admin(sandbox, group.id, command, command)
        assert "الناتو" in added.text and "المشرفون" not in added.text
        services = application.bot_data.services
        assert [s.query for s in subscription_settings(services.db, group.id)] == ["الناتو"]


async def test_mode_buttons(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.add_user(7)
        follow(application, 7, "الناتو")
        sandbox.user_says(7, "/mode")
        [picker] = await sandbox.wait_for_messages(7, 1)
        [[(label, data)]] = picker.buttons
        assert label.startswith("الناتو") and data.startswith("mp:")
        sandbox.press_button(7, 7, picker.message_id, data)
        await sandbox.wait_for(lambda: len(sandbox.sent_to(7)[0].buttons[0]) == 3, 30, "modes")
        hourly = sandbox.sent_to(7)[0].buttons[0][1][1]
        sandbox.press_button(7, 7, picker.message_id, hourly)
        await sandbox.wait_for(lambda: "🕐" in sandbox.sent_to(7)[0].text, 30, "hourly set")
        services = application.bot_data.services
        [sub] = subscription_settings(services.db, 7)
        assert sub.mode == "hourly"


async def test_list_buttons_change_a_mode(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.add_user(7)
        follow(application, 7, "الناتو")
        follow(application, 7, "كوريا الشمالية")
        sandbox.user_says(7, "/list")
        [listing] = await sandbox.wait_for_messages(7, 1)
        [row] = listing.buttons
        assert [label for label, _ in row] == ["⚙ 1", "⚙ 2"]
        sandbox.press_button(7, 7, listing.message_id, row[1][1])  # كوريا الشمالية
        await sandbox.wait_for(lambda: len(sandbox.sent_to(7)[0].buttons[0]) == 3, 30, "modes")
        assert "كوريا الشمالية" in sandbox.sent_to(7)[0].text
        daily = sandbox.sent_to(7)[0].buttons[0][2][1]
        sandbox.press_button(7, 7, listing.message_id, daily)
        await sandbox.wait_for(lambda: "📅" in sandbox.sent_to(7)[0].text, 30, "daily set")
        assert "08:00" in sandbox.sent_to(7)[0].text  # no time chosen: the default one
        services = application.bot_data.services
        modes = {s.query: s.mode for s in subscription_settings(services.db, 7)}
        assert modes == {"الناتو": "instant", "كوريا الشمالية": "daily"}


def nonsense_words(seed: int, count: int) -> list[str]:
    """Distinct made-up Arabic words, so that generated articles share no story."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    rng = random.Random(seed)
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 7))) for _ in range(count)]


async def test_a_group_burst_is_batched_into_a_digest_not_429(tmp_path: Path) -> None:
    """Thirty stories at once for a group: the sandbox allows 20 messages a minute in a
    group, so the bot sends alerts up to its budget and batches the rest into one digest a
    minute later; every story arrives once, and Telegram never answers 429."""
    limits = Limits(chat_burst=50, chat_per_second=50.0)  # the group's minute is the subject
    async with Sandbox(seed=1, limits=limits) as sandbox:
        clock = FakeClock(utcnow())
        settings = e2e_settings(sandbox, tmp_path, chat_rate=50.0)
        titles = []
        async with run_app(settings, clock=clock) as application:
            group = sandbox.create_group("غرفة الرصد", admins=[1])
            follow(application, group.id, "الناتو")
            services = application.bot_data.services
            chats.upsert_chat(services.db, group.id, kind="supergroup", now=utcnow())
            for n in range(30):
                words = nonsense_words(n, 45)
                titles.append(f"الناتو و{words[0]} {words[1]} {words[2]}")
                body = " ".join(words[3:])
                drop(settings, f"{n:02d}.txt", f"{titles[-1]}\nبروكسل – {body} الناتو.\n")
            await processed(sandbox, settings, 30)
            await settle(application)
            alerts = sandbox.sent_to(group.id)
            assert len(alerts) == settings.group_per_minute - 1  # room left for the digest
            clock.now += timedelta(minutes=1)  # the burst's minute is over
            await sandbox.wait_for_messages(group.id, len(alerts) + 1)
            await settle(application)
        messages = sandbox.sent_to(group.id)
        assert len(messages) == settings.group_per_minute <= limits.group_per_window
        assert sandbox.world.counters.get("flood_429", 0) == 0
        digest = messages[-1]
        held = count_noun(30 - len(alerts), "article", "ar")  # «12 خبراً»
        assert digest.text.splitlines()[0] == f"🗞 ملخص مرصد: {held}"
        delivered = "\n".join(message.text for message in messages)
        for title in titles:  # nothing lost, nothing twice
            assert delivered.count(title) == 1, title


@pytest.mark.parametrize(
    ("command", "fragment"),
    [
        ("/follow الناتو 0d", "«0d» غير صالحة"),
        ("/follow كوريا الشمالية ٠ يوم", "غير صالحة"),
        ("/mode الناتو weekly", "لم أجد طريقة التسليم"),
        ("/mode الناتو daily 25:00", "الوقت يُكتب"),
    ],
)
async def test_bad_duration_and_mode_get_their_own_message(
    sandbox: Sandbox, tmp_path: Path, command: str, fragment: str
) -> None:
    settings = e2e_settings(sandbox, tmp_path)
    async with run_app(settings) as application:
        sandbox.add_user(7)
        sandbox.user_says(7, command)
        [answer] = await sandbox.wait_for_messages(7, 1)
        shown = "".join(c for c in answer.text if c not in "\u2066\u2067\u2068\u2069")
        assert fragment in shown
        # Nothing followed under a literal «الناتو 0d».
        assert subscription_settings(application.bot_data.services.db, 7) == []
