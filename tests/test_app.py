"""The assembled Application against the sandbox over real HTTP, with simple pipeline parts.

These tests pin the wiring (post_init services, jobs, handlers, shutdown); the real inbox,
matcher and renderer are exercised end to end in tests/test_e2e.py.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from bot.deliver.routing import ArticleLike, MatchLike
from bot.sandbox import Sandbox
from bot.services import Components, ScanReportLike, SubscriptionIndex
from bot.settings import Settings
from storage import chats, outbox, subscriptions
from storage.chats import Chat
from storage.timestamps import utcnow
from tests.helpers import Article, Found, run_app, sandbox_settings


@dataclass
class SubstringIndex:
    """Matches a subscription when its query occurs verbatim (enough to test the wiring)."""

    queries: dict[int, str] = field(default_factory=dict)

    def match(self, title: str, body: str) -> Sequence[MatchLike]:
        text = f"{title}\n{body}"
        return [Found(i, q, q, 1.0) for i, q in self.queries.items() if q in text]

    def add(self, subscription_id: int, query: Any) -> None:
        self.queries[subscription_id] = str(query)

    def remove(self, subscription_id: int) -> None:
        self.queries.pop(subscription_id, None)


@dataclass
class Report:
    new_article_ids: list[int]

    @property
    def processed(self) -> int:
        return len(self.new_article_ids)


class FolderScanner:
    """First line = title; the same title = the same story."""

    def __init__(self, settings: Settings, db: Database) -> None:
        self.inbox = settings.inbox
        self.db = db
        self.inbox.mkdir(parents=True, exist_ok=True)

    def scan(self, now: datetime) -> ScanReportLike:
        new: list[int] = []
        for path in sorted(self.inbox.glob("*.txt")):
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            story = self.db["stories"].insert({"created_at": now.isoformat()}).last_pk
            article = self.db["articles"].insert(
                {
                    "content_hash": path.name,
                    "file_name": path.name,
                    "title": title,
                    "published_from": "mtime",
                    "body": body,
                    "language": "ar",
                    "ingested_at": now.isoformat(),
                    "story_id": story,
                }
            )
            new.append(int(article.last_pk))
            path.unlink()
        return Report(new)


def load(db: Database, article_id: int) -> ArticleLike:
    row = db["articles"].get(article_id)
    return Article(row["id"], row["title"], row["body"], row["story_id"])


def render(article: ArticleLike, matches: Sequence[MatchLike], chat: Chat) -> OutgoingMessage:
    words = "، ".join(m.matched for m in matches)
    return OutgoingMessage(text=f"<b>{html.escape(article.title)}</b>\n{html.escape(words)}")


def simple_components(index: SubscriptionIndex) -> Components:
    def make_index(db: Database) -> SubscriptionIndex:
        for sub_id, _chat, query in subscriptions.active_subscriptions(db):
            index.add(sub_id, query)
        return index

    return Components(
        make_index=make_index,
        make_scanner=FolderScanner,
        load_article=load,
        make_renderer=lambda db: render,
    )


async def test_start_then_file_then_alert(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = sandbox_settings(sandbox, tmp_path)
    index = SubstringIndex()
    async with run_app(settings, simple_components(index)) as application:
        sandbox.user_says(7, "/start")
        [welcome] = await sandbox.wait_for_messages(7, 1)
        assert "مرصد" in welcome.text
        services = application.bot_data.services
        subscription = subscriptions.add_subscription(
            services.db, 7, "الناتو", "ناتو", now=utcnow()
        )
        services.index.add(subscription.id, "الناتو")
        (settings.inbox / "a.txt").write_text("قمة الناتو\nاجتمع قادة الناتو.", encoding="utf-8")
        (settings.inbox / "b.txt").write_text("طقس\nلا شيء هنا.", encoding="utf-8")
        messages = await sandbox.wait_for_messages(7, 2)
        assert messages[1].text == "قمة الناتو\nالناتو"
        assert messages[1].parse_mode == "HTML"
    db = Database(str(settings.database))
    assert outbox.counts(db)["sent"] == 1
    db.close()


async def test_blocked_user_comes_back_with_start(sandbox: Sandbox, tmp_path: Path) -> None:
    settings = sandbox_settings(sandbox, tmp_path)
    async with run_app(settings, simple_components(SubstringIndex())) as application:
        sandbox.user_says(7, "/start")
        await sandbox.wait_for_messages(7, 1)
        services = application.bot_data.services
        subscription = subscriptions.add_subscription(
            services.db, 7, "إيران", "ايران", now=utcnow()
        )
        services.index.add(subscription.id, "إيران")
        sandbox.block(7)
        (settings.inbox / "a.txt").write_text("إيران\nخبر عن إيران.", encoding="utf-8")
        await sandbox.wait_for(
            lambda: outbox.counts(services.db)["parked"] == 1, 10, "the alert to be parked"
        )
        chat = chats.get_chat(services.db, 7)
        assert chat is not None and not chat.active
        assert len(subscriptions.list_subscriptions(services.db, 7)) == 1
        sandbox.user_says(7, "/start")  # unblocks and starts again
        messages = await sandbox.wait_for_messages(7, 3)
        assert "بعودتك" in messages[1].text
        assert messages[2].text == "إيران\nإيران"
