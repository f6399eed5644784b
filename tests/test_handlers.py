"""Every command and button through the real Application and real HTTP to the local sandbox."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from telegram import Update

from bot.app import MarsadApp
from bot.core import callbacks
from bot.core.article import ParsedArticle
from bot.core.bidi import FSI, LRI, PDI
from bot.sandbox import Limits, Sandbox, StoredMessage
from bot.services import MarsadContext
from handlers.errors import describe, error_handler
from storage import chats, subscriptions
from storage.articles import mark_routed, save_article
from storage.timestamps import utcnow
from tests.helpers import StartBot, run_app, sandbox_settings

ARTICLES = Path(__file__).parent / "data" / "articles"
USER = 7


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """A sandbox whose per-chat limit lets a test type fast; flood control has its own test."""
    limits = Limits(chat_per_second=100.0, chat_burst=100)
    async with Sandbox(seed=1, limits=limits) as server:
        yield server


async def say(sandbox: Sandbox, text: str, replies: int = 1, user: int = USER) -> StoredMessage:
    """Send `text` as the user; return the last of the `replies` messages it brings."""
    before = len(sandbox.sent_to(user))
    sandbox.user_says(user, text)
    messages = await sandbox.wait_for_messages(user, before + replies)
    return messages[-1]


async def press(sandbox: Sandbox, message: StoredMessage, data: str, replies: int = 0) -> None:
    """Press a button; wait for `replies` new messages, or (0) for the message to be edited."""
    before = len(sandbox.sent_to(message.chat_id))
    edits = len([e for e in sandbox.transcript(message.chat_id) if e.kind == "edit"])
    sandbox.press_button(USER, message.chat_id, message.message_id, data)
    if replies:
        await sandbox.wait_for_messages(message.chat_id, before + replies)
        return
    await sandbox.wait_for(
        lambda: len([e for e in sandbox.transcript(message.chat_id) if e.kind == "edit"]) > edits,
        5,
        "the message to be edited",
    )


def store(application: MarsadApp, title: str, body: str, days_ago: float = 1) -> int:
    parsed = ParsedArticle(
        path=f"{title}.txt",
        title=title,
        published=utcnow() - timedelta(days=days_ago),
        published_from="text",
        source="المصدر",
        body=body,
        language="ar",
    )
    db = application.bot_data.services.db
    saved = save_article(db, parsed, content_hash=title + body, file_name="x.txt", now=utcnow())
    # Already in the archive, as a backfill leaves it: the bot's routing does not alert on it.
    mark_routed(db, [saved.article_id], now=utcnow())
    return saved.article_id


def read(message: StoredMessage) -> str:
    """The message as the user reads it, without the invisible bidi isolates."""
    return message.text.replace(FSI, "").replace(LRI, "").replace(PDI, "")


def data_of(message: StoredMessage) -> list[str]:
    return [data for row in message.buttons for _, data in row]


# --- /start, /help, /lang ---------------------------------------------------------------------


async def test_start_offers_examples_that_follow_in_one_tap(
    sandbox: Sandbox, start_bot: StartBot
) -> None:
    async with start_bot() as application:
        welcome = await say(sandbox, "/start")
        assert "مرحباً بك في مرصد" in read(welcome) and welcome.parse_mode == "HTML"
        examples = data_of(welcome)
        assert examples == [callbacks.follow_example(i) for i in range(3)]
        sandbox.press_button(USER, USER, welcome.message_id, examples[0])
        reply = (await sandbox.wait_for_messages(USER, 2))[-1]
        assert "سأتابع لك" in read(reply) and "كوريا الشمالية" in read(reply)
        subs = subscriptions.list_subscriptions(application.bot_data.services.db, USER)
        assert [s.query for s in subs] == ["كوريا الشمالية"]


async def test_help_and_language(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot():
        help_ar = await say(sandbox, "/help")
        assert (
            "/follow" in read(help_ar)
            and "/search" in read(help_ar)
            and "أوامر مرصد" in read(help_ar)
        )
        assert "ar or en" not in read(await say(sandbox, "/lang xx"))  # Arabic usage
        assert read(await say(sandbox, "/lang en")) == "Done: I will reply in English."
        assert "Marsad commands" in read(await say(sandbox, "/help"))
        assert "Arabic" in read(await say(sandbox, "/lang"))
        assert read(await say(sandbox, "/lang ar")) == "تم: سأرد عليك بالعربية."


async def test_command_menu_is_set_in_both_languages(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot():
        await sandbox.wait_for(lambda: len(sandbox.world.commands) >= 3, 30, "setMyCommands")
        menus = {json.loads(k)[1]: v for k, v in sandbox.world.commands.items()}
        assert [c["command"] for c in menus[""]][:3] == ["start", "help", "follow"]
        assert menus["en"][2]["description"] == "Follow one or more keywords"
        assert menus["ar"][2]["description"] == "متابعة كلمة أو أكثر"


# --- /follow ----------------------------------------------------------------------------------


async def test_follow_several_with_aliases_duplicates_and_errors(
    sandbox: Sandbox, start_bot: StartBot
) -> None:
    async with start_bot() as application:
        services = application.bot_data.services
        assert "اكتب الكلمة بعد الأمر" in read(await say(sandbox, "/follow"))
        reply = await say(sandbox, "/follow الناتو\nإيران، الناتو, حلف شمال الأطلسي")
        assert "سأتابع لك: الناتو" in read(reply) and "سأتابع لك: إيران" in read(reply)
        assert "حلف شمال الأطلسي" in read(reply).split("إيران")[0]  # the alias, under الناتو
        assert "تتابع «الناتو» من قبل" in read(reply)
        assert "قريبة جداً من متابعتك «الناتو»" in read(reply)
        subs = subscriptions.list_subscriptions(services.db, USER)
        assert [s.query for s in subs] == ["الناتو", "إيران"]
        assert all(s.id in services.index for s in subs)  # the live index follows the change
        bad = await say(sandbox, '/follow "كوريا')
        assert "صيغة غير صحيحة" in read(bad)
        assert "حروف" in read(await say(sandbox, "/follow !!!"))


async def test_follow_limit(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot(max_subscriptions_per_chat=2):
        reply = await say(sandbox, "/follow الناتو، إيران، روسيا")
        assert "الحد الأقصى (2 متابعة)" in read(reply) and "روسيا" in read(reply).split("الحد")[1]


async def test_follow_previews_recent_articles_with_full_text(
    sandbox: Sandbox, start_bot: StartBot
) -> None:
    async with start_bot() as application:
        old = store(application, "الناتو قبل شهر", "قال الحلف إن الاجتماع مهم.", days_ago=30)
        first = store(application, "اجتماع للناتو في بروكسل", "قال الحلف إن الاجتماع مهم جداً.", 2)
        second = store(application, "خبر آخر", "أعلن حلف شمال الأطلسي خطة جديدة للدفاع.", 1)
        store(application, "اليابان", "لا علاقة لهذا بالموضوع.", 1)
        reply = await say(sandbox, "/follow الناتو")
        assert "طابقها خبران" in read(reply)
        assert data_of(reply) == [callbacks.full_text(second), callbacks.full_text(first)]
        assert callbacks.full_text(old) not in data_of(reply)
        await press(sandbox, reply, callbacks.full_text(second), replies=1)
        full = sandbox.sent_to(USER)[-1]
        assert read(full).startswith("خبر آخر") and "خطة جديدة للدفاع" in read(full)


# --- /unfollow --------------------------------------------------------------------------------


async def test_unfollow_by_variant_by_picker_and_unknown(
    sandbox: Sandbox, start_bot: StartBot
) -> None:
    async with start_bot() as application:
        services = application.bot_data.services
        await say(sandbox, "/follow الناتو\nكوريا الشمالية\nإيران")
        nato, korea, iran = subscriptions.list_subscriptions(services.db, USER)
        done = await say(sandbox, "/unfollow ناتو")
        assert "أوقفتُ متابعة «الناتو»" in read(done) and nato.id not in services.index
        picker = await say(sandbox, "/unfollow")
        assert data_of(picker) == [callbacks.unfollow(korea.id), callbacks.unfollow(iran.id)]
        await press(sandbox, picker, callbacks.unfollow(korea.id), replies=1)
        assert "أوقفتُ متابعة «كوريا الشمالية»" in read(sandbox.sent_to(USER)[-1])
        assert korea.id not in services.index
        unknown = await say(sandbox, "/unfollow المريخ")
        assert "لا أجد «المريخ»" in read(unknown) and data_of(unknown) == [
            callbacks.unfollow(iran.id)
        ]
        assert [s.id for s in subscriptions.list_subscriptions(services.db, USER)] == [iran.id]
        # The same button pressed twice: already gone, nothing breaks.
        sandbox.press_button(USER, USER, picker.message_id, callbacks.unfollow(korea.id))
        await sandbox.wait_for(lambda: True, 0.1)


async def test_unfollow_with_nothing_followed(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot():
        assert "لا تتابع شيئاً بعد" in read(await say(sandbox, "/unfollow"))
        assert "لا تتابع شيئاً بعد" in read(await say(sandbox, "/list"))


# --- /list, /recent, /search and pages -----------------------------------------------------------


async def test_list_pages_edit_the_same_message(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot():
        words = ["الناتو", "إيران", "روسيا", "الصين", "اليابان", "كوبا", "مصر", "تركيا", "الهند",
                 "باكستان", "البرازيل", "كندا"]  # fmt: skip
        await say(sandbox, "/follow " + "\n".join(words))
        first = await say(sandbox, "/list")
        assert "متابعاتك (12)" in read(first) and "1. الناتو — فوري" in read(first)
        assert "11. " not in read(first)
        nav = first.buttons[-1]
        assert [label for label, _ in nav] == ["1/2", "▶"]
        count = len(sandbox.sent_to(USER))
        await press(sandbox, first, nav[1][1])
        edited = sandbox.sent_to(USER)[-1]
        assert len(sandbox.sent_to(USER)) == count and edited.message_id == first.message_id
        assert "11. البرازيل" in read(edited) and [b for b, _ in edited.buttons[-1]] == ["◀", "2/2"]


async def test_recent_and_search_paginate(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot() as application:
        assert "لا أخبار مطابقة لمتابعاتك" in read(await say(sandbox, "/recent"))
        ids = [
            store(application, f"الناتو خبر {i}", f"قال الحلف شيئاً رقم {i}.", i) for i in range(7)
        ]
        recent = await say(sandbox, "/recent الناتو")
        assert "(1–5 من 7)" in read(recent) and "الناتو خبر 0" in read(recent)
        full_row, nav = recent.buttons
        assert [d for _, d in full_row] == [callbacks.full_text(i) for i in ids[:5]]
        await press(sandbox, recent, nav[-1][1])
        page2 = sandbox.sent_to(USER)[-1]
        assert page2.message_id == recent.message_id and "(6–7 من 7)" in read(page2)
        found = await say(sandbox, "/search والنّاتو")
        assert "نتائج البحث عن «والنّاتو»" in read(found) and "(1–5 من 7)" in read(found)
        plain = await say(sandbox, "حلف")
        assert "نتائج البحث عن «حلف»" in read(plain)
        empty = await say(sandbox, "/search الناتو المريخ")
        assert "لا نتائج" in read(empty) and "الناتو" in read(empty).split("مثل")[1]
        assert "لا نتائج" in read(await say(sandbox, "المريخ"))
        assert "اكتب ما تبحث عنه" in read(await say(sandbox, "/search"))


async def test_expired_and_forged_buttons_answer_politely(
    sandbox: Sandbox, start_bot: StartBot
) -> None:
    async with start_bot() as application:
        store(application, "الناتو", "قال الحلف.", 1)
        message = await say(sandbox, "/search الناتو")
        count = len(sandbox.sent_to(USER))
        missing = await say(sandbox, "/start", 1)
        sandbox.world.chats[USER].messages[missing.message_id].reply_markup = {
            "inline_keyboard": [
                [{"text": "x", "callback_data": "full:999"}],
                [{"text": "y", "callback_data": "pg:999:2"}],
            ]
        }
        sandbox.press_button(USER, USER, missing.message_id, "full:999")
        reply = (await sandbox.wait_for_messages(USER, count + 2))[-1]
        assert read(reply) == "هذا الخبر لم يعد محفوظاً."
        sandbox.press_button(USER, USER, missing.message_id, "pg:999:2")
        await sandbox.wait_for(lambda: True, 0.2)
        assert read(message) == read(sandbox.sent_to(USER)[count - 1])


# --- errors and access ----------------------------------------------------------------------


async def test_error_handler_tells_user_and_admins_without_the_token(
    sandbox: Sandbox, start_bot: StartBot
) -> None:
    async with start_bot(admin_ids="99") as application:
        sandbox.add_user(99)
        trigger = await say(sandbox, "/help")
        update = Update.de_json(
            {"update_id": 1, "message": {"message_id": trigger.message_id, "date": 0,
             "chat": {"id": USER, "type": "private"}, "from": {"id": USER, "is_bot": False,
             "first_name": "u"}, "text": "/recent"}},
            application.bot,
        )  # fmt: skip
        try:
            raise RuntimeError(f"boom at {sandbox.api_url}{sandbox.token}/sendMessage")
        except RuntimeError as exc:
            context = MarsadContext.from_error(update, exc, application)
        await error_handler(update, context)
        admin = (await sandbox.wait_for_messages(99, 1))[-1]
        assert (
            "خطأ في مرصد" in read(admin) and "chat 7" in read(admin) and "'/recent'" in read(admin)
        )
        assert sandbox.token not in read(admin) and "<token>" in read(admin)
        assert "حدث خطأ غير متوقع" in read(sandbox.sent_to(USER)[-1])
        assert describe(None) == "a job"


async def test_allow_list_turns_others_away(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot(allowed_user_ids="7"):
        assert "مرحباً" in read(await say(sandbox, "/start"))
        assert "خاص بمستخدمين محددين" in read(await say(sandbox, "/start", user=8))


async def test_replies_wait_out_flood_control(tmp_path: Path) -> None:
    limits = Limits(chat_per_second=2.0, chat_burst=1)
    async with (
        Sandbox(seed=1, limits=limits) as sandbox,
        run_app(sandbox_settings(sandbox, tmp_path)),
    ):
        for _ in range(4):
            sandbox.user_says(USER, "/help")
        messages = await sandbox.wait_for_messages(USER, 4, seconds=15)
        assert all("أوامر مرصد" in m.text for m in messages)


async def test_start_after_blocking_resumes_the_chat(sandbox: Sandbox, start_bot: StartBot) -> None:
    async with start_bot() as application:
        await say(sandbox, "/start")
        services = application.bot_data.services
        chats.deactivate_chat(services.db, USER, "blocked", now=utcnow())
        again = await say(sandbox, "/start")
        assert "أهلاً بعودتك" in read(again) and again.buttons == []
        chat = chats.get_chat(services.db, USER)
        assert chat is not None and chat.active


def drop(application: MarsadApp, source: Path) -> None:
    """Deliver an article file to the inbox as a producer does (write aside, rename in)."""
    inbox = application.bot_data.services.settings.inbox
    inbox.mkdir(parents=True, exist_ok=True)
    staging = inbox.parent / f".{source.name}.part"
    staging.write_bytes(source.read_bytes())
    staging.rename(inbox / source.name)


async def test_end_to_end_follow_preview_alert_full_text_unfollow(
    sandbox: Sandbox, start_bot: StartBot
) -> None:
    async with start_bot() as application:
        services = application.bot_data.services
        earlier = store(
            application, "قمة الناتو", "قال الأمين العام لحلف شمال الأطلسي إن القمة مهمة."
        )
        follow = await say(sandbox, "/follow الناتو")
        assert "طابقها خبر واحد" in read(follow) and data_of(follow) == [
            callbacks.full_text(earlier)
        ]
        (subscription,) = subscriptions.list_subscriptions(services.db, USER)

        drop(application, ARTICLES / "004_1e0cd23aaef11339.txt")  # Japan and NATO
        alert = (await sandbox.wait_for_messages(USER, 2, seconds=15))[-1]
        shown = read(alert)
        assert shown.startswith("تتعهد اليابان والناتو")
        assert "لماذا؟ «الناتو»: والناتو" in shown  # a title mention: the title says it
        assert any(e.type == "bold" for e in alert.entities)
        article_id = callbacks.parse(data_of(alert)[0]).args[0]
        assert data_of(alert) == [
            callbacks.full_text(article_id),
            callbacks.unfollow(subscription.id),
        ]

        await press(sandbox, alert, callbacks.full_text(article_id), replies=1)
        full = sandbox.sent_to(USER)[-1]
        assert "بحلول السنة المالية" in read(full) and "اقرأ أيضاً" not in read(full)

        recent = await say(sandbox, "/recent")
        assert "تتعهد اليابان والناتو" in read(recent) and "(1–1 من 1)" in read(recent)

        await press(sandbox, alert, callbacks.unfollow(subscription.id), replies=1)
        assert "أوقفتُ متابعة «الناتو»" in read(sandbox.sent_to(USER)[-1])
        assert subscriptions.list_subscriptions(services.db, USER) == []
        assert subscription.id not in services.index

        count = len(sandbox.sent_to(USER))
        drop(application, ARTICLES / "000_e31137d72a583bee.txt")  # mentions الناتو too
        processed = services.settings.inbox / "processed"
        await sandbox.wait_for(
            lambda: any(processed.rglob("000_*.txt")), 10, "the second file to be processed"
        )
        await sandbox.wait_for(lambda: not services.sender.busy, 30, "the sender to settle")
        assert len(sandbox.sent_to(USER)) == count  # unfollowed: no alert
        assert "لا أخبار مطابقة" in read(await say(sandbox, "/recent"))  # nothing followed now
