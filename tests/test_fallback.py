"""Strange input through the real Application and the sandbox: every command with odd
arguments, unknown commands, stickers and photos, edited messages, unknown buttons, pages past
the end; private chats get a short helpful reply, groups stay quiet."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.app import MarsadApp, build_application, running
from bot.core.article import ParsedArticle
from bot.core.bidi import FSI, LRI, PDI
from bot.sandbox import Limits, Sandbox, StoredMessage
from bot.services import default_components
from bot.settings import load_settings
from storage import subscriptions
from storage.articles import mark_routed, save_article
from storage.timestamps import utcnow

USER = 7
MEMBER = 8
ADMIN = 99
ERROR_REPLY = "حدث خطأ غير متوقع"
HELP = "أوامر مرصد"


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(seed=1, limits=Limits(chat_per_second=100.0, chat_burst=100)) as server:
        yield server


@asynccontextmanager
async def bot(sandbox: Sandbox, tmp_path: Path, **overrides: Any) -> AsyncIterator[MarsadApp]:
    settings = load_settings(
        telegram_token=sandbox.token,
        telegram_api_url=sandbox.api_url,
        data_dir=tmp_path / "data",
        scan_interval=0.1,
        sender_interval=0.1,
        **overrides,
    )
    application = build_application(settings, default_components(settings))
    async with running(application, poll_timeout=1):
        yield application


def read(message: StoredMessage) -> str:
    return message.text.replace(FSI, "").replace(LRI, "").replace(PDI, "")


async def say(sandbox: Sandbox, text: str, user: int = USER, chat: int | None = None) -> str:
    """Send `text`; the bot's one reply, as read."""
    target = user if chat is None else chat
    before = len(sandbox.sent_to(target))
    sandbox.user_says(user, text, chat)
    return read((await sandbox.wait_for_messages(target, before + 1))[-1])


async def replies_to(sandbox: Sandbox, chat: int, send: Any, user: int = USER) -> list[str]:
    """What the bot answers to `send()` in `chat`: a /help sent right after marks the end, so
    silence is observed without waiting on a clock."""
    before = len(sandbox.sent_to(chat))
    send()
    sandbox.user_says(user, "/help", None if chat == user else chat)
    await sandbox.wait_for(
        lambda: any(HELP in m.text for m in sandbox.sent_to(chat)[before:]), 10, "/help"
    )
    new = [read(m) for m in sandbox.sent_to(chat)[before:]]
    return new[:-1]


ODD_ARGUMENTS = [
    "   ",
    "ا" * 5000,
    "!!!؟؟؟...،،،",
    "<b>x</b>",
    "&",
    "&amp; <i>",
    "🛰🚀",
    "NATO",
    "قال ستولتنبرغ (NATO) في 2024",
    "٢٠٢٤",
]
ARGUMENT_COMMANDS = [
    "follow", "unfollow", "recent", "search", "lang", "mode", "quiet", "urgent", "mute", "tz",
]  # fmt: skip


async def test_every_command_answers_odd_arguments_without_error(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with bot(sandbox, tmp_path):
        await say(sandbox, "/follow الناتو")
        for command in ARGUMENT_COMMANDS:
            for argument in ODD_ARGUMENTS:
                shown = await say(sandbox, f"/{command} {argument}")
                where = f"/{command} {argument[:20]!r}"
                assert shown.strip(), where
                assert ERROR_REPLY not in shown, where
                assert len(shown) <= 4096, where


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("/foo", "لا أعرف الأمر /foo"),
        ("/foo bar baz", "لا أعرف الأمر /foo"),
        ("/" + "x" * 300, "لا أعرف الأمر"),
        ("/follow إيران 99999d", "مدة المتابعة أطول من سنة"),
        ("/follow ٢٠٢٤", "الرموز أو الأرقام وحدها لا تكفي"),
        ("/unfollow " + "ن" * 5000, "لا أجد"),
        ("الناتو والمريخ؟", "مثل: الناتو"),
        # Question words are not required terms: the article is found.
        ("ماذا عن الناتو؟", "قال الحلف إن الاجتماع مهم."),
    ],
)
async def test_private_replies_to_unknown_and_odd_input(
    sandbox: Sandbox, tmp_path: Path, sent: str, expected: str
) -> None:
    async with bot(sandbox, tmp_path) as application:
        if sent.startswith("/unfollow"):
            await say(sandbox, "/follow الناتو")
        if sent.endswith("؟"):  # something to suggest
            parsed = ParsedArticle(
                path="a.txt",
                title="الناتو",
                published=utcnow(),
                published_from="text",
                source="المصدر",
                body="قال الحلف إن الاجتماع مهم.",
                language="ar",
            )
            db = application.bot_data.services.db
            saved = save_article(db, parsed, content_hash="a", file_name="a.txt", now=utcnow())
            mark_routed(db, [saved.article_id], now=utcnow())  # archive, not news
        shown = await say(sandbox, sent)
        assert expected in shown and ERROR_REPLY not in shown and len(shown) < 400


async def test_unknown_command_in_english(sandbox: Sandbox, tmp_path: Path) -> None:
    async with bot(sandbox, tmp_path):
        await say(sandbox, "/lang en")
        shown = await say(sandbox, "/foo")
        assert shown == (
            "I do not know the command /foo. Send /help for every command with an example."
        )


@pytest.mark.parametrize("kind", ["sticker", "photo", "voice", "location"])
async def test_media_gets_a_hint_in_private_and_silence_in_groups(
    sandbox: Sandbox, tmp_path: Path, kind: str
) -> None:
    async with bot(sandbox, tmp_path):
        private = await replies_to(sandbox, USER, lambda: sandbox.user_sends_media(USER, kind))
        assert len(private) == 1 and "أقرأ النص فقط" in private[0] and "/follow" in private[0]
        group = sandbox.create_group("فريق", admins=[USER], members=[MEMBER])
        silent = await replies_to(
            sandbox, group.id, lambda: sandbox.user_sends_media(MEMBER, kind, group.id)
        )
        assert silent == []


async def test_groups_stay_quiet_on_unknown_commands_and_chatter(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    async with bot(sandbox, tmp_path):
        group = sandbox.create_group("فريق", admins=[USER], members=[MEMBER])
        for sent in ("/foo", "/help@another_bot", "صباح الخير", "/foo@marsad_sandbox_bot"):
            silent = await replies_to(
                sandbox, group.id, lambda s=sent: sandbox.user_says(MEMBER, s, group.id)
            )
            assert silent == [], sent


async def test_edited_messages_are_not_run_again(sandbox: Sandbox, tmp_path: Path) -> None:
    async with bot(sandbox, tmp_path) as application:
        sent = sandbox.user_says(USER, "/follow الصين")
        await sandbox.wait_for_messages(USER, 1)
        edited = await replies_to(
            sandbox,
            USER,
            lambda: sandbox.user_edits(USER, USER, sent.message_id, "/follow روسيا"),
        )
        assert edited == ["لا أنفّذ الرسائل المعدّلة. أرسل النص المصحّح في رسالة جديدة."]
        db = application.bot_data.services.db
        assert [s.query for s in subscriptions.list_subscriptions(db, USER)] == ["الصين"]
        group = sandbox.create_group("فريق", admins=[USER])
        in_group = sandbox.user_says(USER, "/follow اليابان", group.id)
        await sandbox.wait_for_messages(group.id, 1)
        silent = await replies_to(
            sandbox,
            group.id,
            lambda: sandbox.user_edits(USER, group.id, in_group.message_id, "/follow كوبا"),
        )
        assert silent == []
        assert [s.query for s in subscriptions.list_subscriptions(db, group.id)] == ["اليابان"]


@pytest.mark.parametrize(
    "data",
    [
        "zzz:1",
        "mp:abc",
        "ms:1",
        "pg:1",
        "full:x",
        "unf:",
        # Numbers beyond SQLite's 64-bit integers (forged): expired, not an OverflowError.
        "unf:99999999999999999999999999",
        "pg:9223372036854775808:1",
        "full:9223372036854775808",
        "ms:1:99999999999999999999",
    ],
)
async def test_unknown_or_malformed_button_is_answered(
    sandbox: Sandbox, tmp_path: Path, data: str
) -> None:
    async with bot(sandbox, tmp_path, admin_ids=str(ADMIN)):
        sandbox.add_user(ADMIN)
        sandbox.user_says(USER, "/start")
        message = (await sandbox.wait_for_messages(USER, 1))[-1]
        sandbox.world.chats[USER].messages[message.message_id].reply_markup = {
            "inline_keyboard": [[{"text": "?", "callback_data": data}]]
        }
        query = sandbox.press_button(USER, USER, message.message_id, data)
        answers = sandbox.world.callback_answers
        await sandbox.wait_for(lambda: query in answers, 30, "the press to be answered")
        assert "انتهت صلاحية" in str(answers[query]["text"]) and answers[query]["show_alert"]
        # Answered as expired, not as a crash: the admins hear of no error.
        assert sandbox.sent_to(ADMIN) == []


async def test_help_shows_admin_commands_to_admins_only(sandbox: Sandbox, tmp_path: Path) -> None:
    async with bot(sandbox, tmp_path, admin_ids=str(ADMIN)):
        sandbox.add_user(ADMIN)
        for_user = await say(sandbox, "/help")
        for_admin = await say(sandbox, "/help", user=ADMIN)
        assert "/stats" not in for_user and "/broadcast" not in for_user
        assert "/stats" in for_admin and "/broadcast تحديث الخدمة الليلة" in for_admin
        for command in ("/mode", "/quiet", "/urgent", "/mute", "/unmute", "/tz", "/export",
                        "/import", "/follow", "/unfollow", "/list", "/recent", "/search",
                        "/lang"):  # fmt: skip
            assert command in for_user, command

        def menus() -> dict[tuple[str, str], list[str]]:
            found = {}
            for key, commands in sandbox.world.commands.items():
                scope, lang = json.loads(key)
                found[(str(scope.get("chat_id", "")), lang)] = [c["command"] for c in commands]
            return found

        await sandbox.wait_for(lambda: len(menus()) >= 5, 30, "setMyCommands")
        shown = menus()
        for lang in ("", "en"):
            assert "stats" not in shown[("", lang)] and "mode" in shown[("", lang)]
            assert shown[(str(ADMIN), lang)][-2:] == ["stats", "broadcast"]
