"""/feeds through the real Application and the sandbox, against a local news site."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.app import MarsadApp
from bot.chat.feeds import LISTED_FEEDS, feed_list
from bot.core import callbacks
from bot.core.bidi import FSI, LRI, PDI
from bot.sandbox import Limits, Sandbox, StoredMessage
from bot.sandbox.newssite import FeedEntry, NewsSite, article_page, rss_feed
from storage.articles import count_articles
from storage.feeds import add_feed, list_feeds
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
        await sandbox.wait_for(lambda: list_feeds(db)[0].paused, 30, "the feed to pause")
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


def test_long_list_is_cut_with_a_pointer(db: Database) -> None:
    now = datetime.now(UTC)
    for number in range(LISTED_FEEDS + 2):
        add_feed(db, f"https://site{number}.example/rss", now)
    listing = feed_list(db, "ar", ZoneInfo("Asia/Riyadh"))
    assert len(listing.buttons) == LISTED_FEEDS
    assert "و2 غيرها" in listing.text and len(listing.text) < 4096


async def test_run_reads_the_feeds_file_and_polls_in_the_background(
    sandbox: Sandbox, site: NewsSite, tmp_path: Path
) -> None:
    """In `marsad run`: the feeds file is read at start, `feed_job` polls the feed, the inbox
    job stores what it wrote, and the chat keeps answering meanwhile."""
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text(f"# local site\n{site.url('/rss.xml')}\n", encoding="utf-8")
    for n, title in enumerate(TITLES):
        paragraphs = [f"{title}. " + "نص الفقرة عن تطورات الوضع الأمني في المنطقة " * 6] * 3
        site.set(f"/n/{n}.html", article_page(site="موقع", title=title, paragraphs=paragraphs))
    # A short interval: the job ticks every min(MARSAD_FEED_INTERVAL, 30 s).
    async with bot(sandbox, tmp_path, feeds_file=str(feeds_file), feed_interval=0.3) as application:
        db = application.bot_data.services.db
        assert [feed.url for feed in list_feeds(db)] == [site.url("/rss.xml")]
        assert "أوامر مرصد" in read(await say(sandbox, "/help", user=USER))
        # The database changes without the sandbox seeing it: poll.
        for _ in range(600):
            if count_articles(db) == len(TITLES):
                break
            await asyncio.sleep(0.05)
        stored = {row[0] for row in db.execute("SELECT title FROM articles")}
        assert stored == set(TITLES)
        assert list_feeds(db)[0].items_collected == len(TITLES)
