"""The sandbox answers like Telegram: validation, HTML entities, flood limits, faults."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)

from bot.deliver.sender import retry_after_seconds
from bot.sandbox import (
    ApiError,
    EntityParseError,
    FloodControl,
    Limits,
    Sandbox,
    SandboxError,
    parse_html,
)
from bot.sandbox.world import Params, SandboxWorld

TOKEN = "42:test-token"


@pytest.mark.parametrize(
    ("html", "text", "entities"),
    [
        ("<b>الناتو</b> يجتمع", "الناتو يجتمع", [("bold", 0, 6)]),
        (
            "<strong>a</strong><i>b</i><em>c</em>",
            "abc",
            [("bold", 0, 1), ("italic", 1, 1), ("italic", 2, 1)],
        ),
        ("a &lt;b&gt; &amp; &quot;c&quot; &#1605;", 'a <b> & "c" م', []),
        ('<a href="https://example.com/?a=1&amp;b=2">رابط</a>', "رابط", [("text_link", 0, 4)]),
        (
            '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>',
            "xy",
            [("spoiler", 0, 1), ("spoiler", 1, 1)],
        ),
        ("<blockquote expandable>q</blockquote>", "q", [("expandable_blockquote", 0, 1)]),
        ('<pre><code class="language-python">x=1</code></pre>', "x=1", [("pre", 0, 3)]),
        ("<b>😀</b>x", "😀x", [("bold", 0, 2)]),  # UTF-16 units: the emoji counts 2
        ("<u><s>n</s></u>", "n", [("underline", 0, 1), ("strikethrough", 0, 1)]),
        ("AT&T", "AT&T", []),
    ],
)
def test_html_parses_like_telegram(
    html: str, text: str, entities: list[tuple[str, int, int]]
) -> None:
    plain, found = parse_html(html)
    assert plain == text
    assert sorted((e.type, e.offset, e.length) for e in found) == sorted(entities)


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("<br/>", 'Unsupported start tag "" at byte offset 0'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<a>x</a>", 'Tag "a" must have attribute "href" at byte offset 0'),
        ("ع <p>x</p>", 'Unsupported start tag "p" at byte offset 3'),  # byte offsets, not chars
    ],
)
def test_html_rejects_what_telegram_rejects(html: str, message: str) -> None:
    with pytest.raises(EntityParseError) as info:
        parse_html(html)
    assert str(info.value) == message


def world_with_user() -> SandboxWorld:
    world = SandboxWorld(TOKEN)
    world.add_user(7, "Ali")
    return world


@pytest.mark.parametrize(
    ("params", "code", "description"),
    [
        ({"chat_id": 99, "text": "x"}, 400, "Bad Request: chat not found"),
        ({"text": "x"}, 400, "Bad Request: chat_id is empty"),
        ({"chat_id": 7, "text": ""}, 400, "Bad Request: message text is empty"),
        ({"chat_id": 7, "text": "  \n "}, 400, "Bad Request: message text is empty"),
        (
            {"chat_id": 7, "text": "<b></b>", "parse_mode": "HTML"},
            400,
            "Bad Request: message text is empty",
        ),
        ({"chat_id": 7, "text": "ب" * 4097}, 400, "Bad Request: message is too long"),
        (
            {"chat_id": 7, "text": "<x>", "parse_mode": "HTML"},
            400,
            'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 0',
        ),
        (
            {
                "chat_id": 7,
                "text": "a",
                "reply_markup": json.dumps(
                    {"inline_keyboard": [[{"text": "b", "callback_data": "x" * 65}]]}
                ),
            },
            400,
            "Bad Request: BUTTON_DATA_INVALID",
        ),
        (
            {"chat_id": "7", "text": "a", "reply_markup": "{not json"},
            400,
            "Bad Request: can't parse reply_markup JSON object",
        ),
    ],
)
def test_send_message_validation(params: dict[str, object], code: int, description: str) -> None:
    world = world_with_user()
    with pytest.raises(ApiError) as info:
        world.send_message(Params(params))
    assert (info.value.code, info.value.description) == (code, description)


def test_text_limit_counts_after_entity_parsing() -> None:
    world = world_with_user()
    # 4096 visible characters wrapped in tags: the markup does not count.
    message = world.send_message(
        Params({"chat_id": 7, "text": "<b>" + "ن" * 4096 + "</b>", "parse_mode": "HTML"})
    )
    assert len(message["text"]) == 4096
    assert message["entities"] == [{"type": "bold", "offset": 0, "length": 4096}]


def test_blocked_deactivated_and_never_started_users_are_forbidden() -> None:
    world = world_with_user()
    world.add_user(8, started=False)
    world.add_user(9)
    world.deactivate(9)
    world.block(7)
    cases = {
        7: "bot was blocked by the user",
        8: "bot can't initiate conversation with a user",
        9: "user is deactivated",
    }
    for chat_id, reason in cases.items():
        with pytest.raises(ApiError) as info:
            world.send_message(Params({"chat_id": chat_id, "text": "x"}))
        assert (info.value.code, info.value.description) == (403, f"Forbidden: {reason}")


def test_private_chat_allows_a_short_burst_then_429_with_retry_after() -> None:
    world = world_with_user()
    for _ in range(3):
        world.send_message(Params({"chat_id": 7, "text": "x"}))
    with pytest.raises(ApiError) as info:
        world.send_message(Params({"chat_id": 7, "text": "x"}))
    assert info.value.code == 429
    assert info.value.parameters == {"retry_after": 1}
    assert info.value.description == "Too Many Requests: retry after 1"


@pytest.mark.parametrize(
    ("limits", "chat_ids", "accepted"),
    [
        (Limits(global_per_second=30, chat_burst=100), list(range(1, 41)), 30),
        (Limits(group_per_window=20, chat_per_second=100, chat_burst=100), [-5] * 25, 20),
        (Limits(enabled=False), [1] * 50, 50),
    ],
)
def test_flood_control_windows(limits: Limits, chat_ids: list[int], accepted: int) -> None:
    flood = FloodControl(limits)
    ok = 0
    for chat_id in chat_ids:  # all at the same instant
        if flood.check(chat_id, chat_id < 0, 100.0) == 0:
            flood.record(chat_id, chat_id < 0, 100.0)
            ok += 1
    assert ok == accepted


def test_group_retry_after_counts_down_the_minute() -> None:
    flood = FloodControl(Limits(group_per_window=20, chat_per_second=100, chat_burst=100))
    for second in range(20):
        flood.record(-5, True, 1000.0 + second)
    assert flood.check(-5, True, 1020.0) == 40
    assert flood.check(-5, True, 1060.5) == 0


def test_press_button_makes_a_callback_query_and_the_answer_is_recorded() -> None:
    world = world_with_user()
    markup = {"inline_keyboard": [[{"text": "إلغاء", "callback_data": "unfollow:1"}]]}
    sent = world.send_message(Params({"chat_id": 7, "text": "x", "reply_markup": markup}))
    query_id = world.press_button(7, 7, sent["message_id"], "unfollow:1")
    update = world.updates[-1]
    assert update["callback_query"]["data"] == "unfollow:1"
    assert world.answer_callback_query(Params({"callback_query_id": query_id, "text": "تم"}))
    with pytest.raises(ApiError, match="query is too old"):
        world.answer_callback_query(Params({"callback_query_id": query_id}))
    with pytest.raises(SandboxError):
        world.press_button(7, 7, sent["message_id"], "nope")


def test_edit_delete_and_not_modified() -> None:
    world = world_with_user()
    sent = world.send_message(Params({"chat_id": 7, "text": "one"}))
    ref = {"chat_id": 7, "message_id": sent["message_id"]}
    edited = world.edit_message_text(Params({**ref, "text": "two"}))
    assert edited["text"] == "two" and "edit_date" in edited
    with pytest.raises(ApiError, match="message is not modified"):
        world.edit_message_text(Params({**ref, "text": "two"}))
    assert world.delete_message(Params(ref)) is True
    with pytest.raises(ApiError, match="message to delete not found"):
        world.delete_message(Params(ref))
    with pytest.raises(ApiError, match="message to edit not found"):
        world.edit_message_text(Params({**ref, "text": "three"}))


async def test_real_bot_over_http(sandbox: Sandbox) -> None:
    sandbox.add_user(7, "Ali")
    group = sandbox.create_group("محللون", admins=[7, 8], members=[9])
    async with Bot(sandbox.token, base_url=sandbox.api_url) as bot:
        me = await bot.get_me()
        assert me.is_bot and me.id == 123456789
        button = InlineKeyboardButton("إلغاء", callback_data="unfollow:1")
        message = await bot.send_message(
            7,
            "<b>تنبيه</b>: الناتو",
            parse_mode="HTML",
            reply_markup=InlineKeyboardMarkup([[button]]),
        )
        assert message.text == "تنبيه: الناتو"
        assert sandbox.sent_to(7)[0].buttons == [[("إلغاء", "unfollow:1")]]
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(12345, "x")
        document = await bot.send_document(7, b"a,b\n", filename="export.csv", caption="تصدير")
        assert document.document is not None and document.document.file_name == "export.csv"
        assert sandbox.sent_to(7)[-1].document is not None
        admins = await bot.get_chat_administrators(group.id)
        assert {a.user.id for a in admins} == {7, 8}
        member = await bot.get_chat_member(group.id, 9)
        assert member.status == "member"
        chat = await bot.get_chat(group.id)
        assert chat.title == "محللون" and chat.type == "supergroup"
        await bot.set_my_commands([("follow", "تابع موضوعا")])
        assert [c.command for c in await bot.get_my_commands()] == ["follow"]
        assert await bot.send_chat_action(7, "typing")
        sandbox.block(7)
        with pytest.raises(Forbidden, match="blocked"):
            await bot.send_message(7, "x")
    with pytest.raises(InvalidToken):
        async with Bot("42:wrong", base_url=sandbox.api_url) as other:
            await other.get_me()


async def test_unknown_method_is_telegrams_404(sandbox: Sandbox) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{sandbox.api_url}{sandbox.token}/sendTelepathy", json={}
        ) as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found",
            }
        async with session.get(f"{sandbox.api_url}{sandbox.token}/getme") as response:
            assert (await response.json())["ok"] is True  # method names are case-insensitive


async def test_long_poll_waits_for_an_update_and_offset_confirms(sandbox: Sandbox) -> None:
    async with Bot(sandbox.token, base_url=sandbox.api_url) as bot:
        poll = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.2)
        assert not poll.done()  # really long-polling
        sandbox.user_says(7, "/follow الناتو")
        updates = await asyncio.wait_for(poll, 3)
        assert updates[0].message is not None and updates[0].message.text == "/follow الناتو"
        assert updates[0].message.entities[0].type == "bot_command"
        again = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
        assert again == ()


async def test_a_second_poller_ends_the_first_with_conflict(sandbox: Sandbox) -> None:
    async with (
        Bot(sandbox.token, base_url=sandbox.api_url) as first,
        Bot(sandbox.token, base_url=sandbox.api_url) as second,
    ):
        old = asyncio.create_task(first.get_updates(timeout=5))
        await asyncio.sleep(0.2)
        new = asyncio.create_task(second.get_updates(timeout=0))
        with pytest.raises(Conflict):
            await asyncio.wait_for(old, 3)
        assert await new == ()


async def test_faults_outage_and_errors(sandbox: Sandbox) -> None:
    sandbox.add_user(7)
    async with Bot(sandbox.token, base_url=sandbox.api_url) as bot:
        sandbox.outage(0.5)
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(7, "x")
        await asyncio.sleep(0.6)
        assert (await bot.send_message(7, "x")).message_id == 1
        sandbox.faults.error_rate = 1.0
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(7, "x")
        sandbox.faults.error_rate = 0.0
        sandbox.faults.timeout_rate = 1.0
        sandbox.faults.hang_seconds = 1.0
        with pytest.raises(NetworkError):  # TimedOut is a NetworkError
            await bot.send_message(7, "x", read_timeout=0.2)
    assert len(sandbox.sent_to(7)) == 1


async def test_rate_limit_answer_reaches_ptb_as_retry_after(sandbox: Sandbox) -> None:
    sandbox.add_user(7)
    async with Bot(sandbox.token, base_url=sandbox.api_url) as bot:
        for _ in range(3):
            await bot.send_message(7, "x")
        with pytest.raises(RetryAfter) as info:
            await bot.send_message(7, "x")
        assert retry_after_seconds(info.value) == 1.0


async def test_migrated_group_answers_with_the_new_id(sandbox: Sandbox) -> None:
    group = sandbox.create_group("g", admins=[1], supergroup=False)
    new = sandbox.world.migrate_group(group.id)
    async with Bot(sandbox.token, base_url=sandbox.api_url) as bot:
        with pytest.raises(ChatMigrated) as info:
            await bot.send_message(group.id, "x")
        assert info.value.new_chat_id == new.id


async def test_control_api_over_http(sandbox: Sandbox) -> None:
    base = f"{sandbox.base_url}/sandbox"
    async with aiohttp.ClientSession() as session:
        await session.post(f"{base}/users", json={"id": 5, "first_name": "Sara"})
        async with session.post(f"{base}/users/5/messages", json={"text": "/start"}) as response:
            assert (await response.json())["result"]["text"] == "/start"
        async with session.post(f"{base}/groups", json={"title": "g", "admins": [5]}) as response:
            group = (await response.json())["result"]
        assert group["type"] == "supergroup"
        async with session.post(f"{base}/faults", json={"error_rate": 0.5}) as response:
            assert response.status == 200
        assert sandbox.faults.error_rate == 0.5
        async with session.post(f"{base}/faults", json={"nonsense": 1}) as response:
            assert response.status == 400
        async with session.get(f"{base}/chats/5/messages") as response:
            assert (await response.json())["result"] == []
    texts = [u["message"]["text"] for u in sandbox.world.updates if "message" in u]
    assert texts == ["/start"]
