"""/feeds through the real Application and the sandbox, against a local news site."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import MarsadApp
from bot.core import callbacks
from bot.core.bidi import FSI, LRI, PDI
from bot.sandbox import Limits, Sandbox, StoredMessage
from bot.sandbox.newssite import FeedEntry, NewsSite, rss_feed
from storage.feeds import list_feeds
from tests.helpers import run_app, sandbox_settings

ADMIN = 99
USER = 7
START = datetime(2024, 6, 20, 8, 0, tzinfo=UTC)
TITLES = [f"الخبر رقم {n} عن الأمن في المنطقة" for n in range(1, 6)]


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(seed=1, limits=Limits(chat_per_second=100.0, chat_burst=100)) as server:
        yield server


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with NewsSite() as server:
        entries = [
            FeedEntry(
                title=title,
                link=server.url(f"/n/{n}.html"),
                guid=f"g{n}",
                published=START + timedelta(hours=n),
                summary="موجز",
            )
            for n, title in enumerate(TITLES)
        ]
        server.set("/rss.xml", rss_feed("موقع الأخبار", server.url("/"), entries))
        server.set("/down.xml", "oops", status=500)
        yield server


@asynccontextmanager
async def bot(sandbox: Sandbox, tmp_path: Path, **overrides: Any) -> AsyncIterator[MarsadApp]:
    settings = sandbox_settings(
        sandbox, tmp_path, admin_ids=str(ADMIN), feed_host_delay=0, **overrides
    )
    async with run_app(settings) as application:
        sandbox.add_user(ADMIN)
        sandbox.add_user(USER)
        yield application


def read(message: StoredMessage) -> str:
    return message.text.replace(FSI, "").replace(LRI, "").replace(PDI, "")


async def say(sandbox: Sandbox, text: str, user: int = ADMIN) -> StoredMessage:
    before = len(sandbox.sent_to(user))
    sandbox.user_says(user, text)
    return (await sandbox.wait_for_messages(user, before + 1))[-1]


async def test_admin_adds_lists_pauses_and_removes_a_feed(
    sandbox: Sandbox, site: NewsSite, tmp_path: Path
) -> None:
    async with bot(sandbox, tmp_path) as application:
        db = application.bot_data.services.db
        added = read(await say(sandbox, f"/feeds add {site.url('/rss.xml')} 600"))
        assert "موقع الأخبار" in added
        # The newest three items, newest first.
        shown = [title for title in TITLES if title in added]
        assert shown == TITLES[2:]
        assert added.index(TITLES[4]) < added.index(TITLES[2])
        (feed,) = list_feeds(db)
        assert feed.interval_seconds == 600

        listing = await say(sandbox, "/feeds")
        assert site.url("/rss.xml") in read(listing) and "لا شيء بعد" in read(listing)
        pause = callbacks.feed_action(feed.id, "pause")
        assert pause in [data for row in listing.buttons for _, data in row]
        sandbox.press_button(ADMIN, ADMIN, listing.message_id, pause)
        await sandbox.wait_for(lambda: list_feeds(db)[0].paused, 5, "the feed to pause")
        await sandbox.wait_for(
            lambda: "⏸" in sandbox.world.chats[ADMIN].messages[listing.message_id].text,
            5,
            "the list to show it paused",
        )

        resumed = read(await say(sandbox, f"/feeds resume {feed.id}"))
        assert "استُؤنفت" in resumed and not list_feeds(db)[0].paused
        removed = read(await say(sandbox, f"/feeds remove {feed.id}"))
        assert "حُذفت" in removed and list_feeds(db) == []
        assert "لا توجد خلاصة" in read(await say(sandbox, f"/feeds pause {feed.id}"))


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/feeds add ftp://x.example/rss", "ليس عنوان http(s) صالحاً"),
        ("/feeds add {site}/rss.xml 5", "مدة الاستطلاع"),
        ("/feeds add {site}/down.xml", "تعذّرت قراءة الخلاصة"),
        ("/feeds frobnicate", "استخدم:"),
        ("/feeds", "لا توجد خلاصات بعد"),
    ],
)
async def test_feeds_bad_input_gets_a_clear_reply(
    sandbox: Sandbox, site: NewsSite, tmp_path: Path, command: str, expected: str
) -> None:
    async with bot(sandbox, tmp_path) as application:
        reply = read(await say(sandbox, command.format(site=site.base)))
        assert expected in reply
        assert list_feeds(application.bot_data.services.db) == []


async def test_only_admins_manage_feeds(sandbox: Sandbox, site: NewsSite, tmp_path: Path) -> None:
    async with bot(sandbox, tmp_path) as application:
        reply = read(await say(sandbox, f"/feeds add {site.url('/rss.xml')}", user=USER))
        assert "للمسؤولين فقط" in reply
        assert list_feeds(application.bot_data.services.db) == []
        assert site.requests == []
