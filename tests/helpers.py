"""Helpers shared by test modules: the real Application against the local sandbox, and plain
stand-ins for what routing reads of an article and a match (bot.deliver.routing's protocols)."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.app import MarsadApp, build_application, running
from bot.core.article import ArticleKind, DateOrigin
from bot.match.matching import Match, MatchIndex, parse_query
from bot.sandbox import Sandbox
from bot.services import Components, default_components
from bot.settings import Settings, load_settings
from storage import chats, outbox, subscriptions
from storage.articles import StoredArticle
from storage.timestamps import utcnow


def sandbox_settings(sandbox: Sandbox, tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a bot that talks to `sandbox`, keeps its data in `tmp_path` and runs its
    inbox and sender jobs ten times a second, so that tests wait little."""
    values: dict[str, Any] = {
        "telegram_token": sandbox.token,
        "telegram_api_url": sandbox.api_url,
        "data_dir": tmp_path / "data",
        "scan_interval": 0.1,
        "sender_interval": 0.1,
    }
    values.update(overrides)
    return load_settings(**values)


# What the `start_bot` fixture (tests/conftest.py) gives: settings overrides -> a running app.
StartBot = Callable[..., AbstractAsyncContextManager[MarsadApp]]


@asynccontextmanager
async def run_app(
    settings: Settings, components: Components | None = None, *, clock: FakeClock | None = None
) -> AsyncIterator[MarsadApp]:
    """The Application (the real components unless given; reading "now" from `clock` when
    given) running, polling, until the block ends."""
    components = components or default_components(settings)
    if clock is not None:
        components = replace(components, clock=clock)
    application = build_application(settings, components)
    async with running(application, poll_timeout=1):
        yield application


def follow(application: MarsadApp, chat_id: int, query: str) -> None:
    """Subscribe as /follow does: store the subscription and add it to the live index."""
    services = application.bot_data.services
    parsed = parse_query(query)
    chats.upsert_chat(services.db, chat_id, now=utcnow())
    subscription = subscriptions.add_subscription(
        services.db, chat_id, parsed.text, parsed.key, now=utcnow()
    )
    services.index.add(subscription.id, parsed)


def drop(settings: Settings, name: str, text: str) -> None:
    """Write elsewhere, then rename into the inbox: how a producer delivers a file."""
    settings.inbox.mkdir(parents=True, exist_ok=True)
    staging = settings.inbox.parent / f".{name}.staging"
    staging.write_text(text, encoding="utf-8")
    staging.rename(settings.inbox / name)


def stored_article(
    id: int,
    title: str,
    body: str,
    *,
    source: str | None = None,
    published: datetime | None = None,
    published_from: DateOrigin = "text",
    story_id: int | None = None,
    file_name: str | None = None,
    url: str | None = None,
    ingested_at: datetime | None = None,
    kind: ArticleKind = "article",
) -> StoredArticle:
    """A stored article as storage returns it; arrival defaults to publication."""
    return StoredArticle(
        id=id,
        title=title,
        body=body,
        published=published,
        published_from=published_from,
        source=source,
        tags=(),
        related=(),
        language="ar",
        story_id=story_id,
        file_name=file_name or f"{id}.txt",
        content_hash=f"hash{id}",
        ingested_at=ingested_at or published or datetime(2025, 3, 1, tzinfo=UTC),
        url=url,
        kind=kind,
    )


def Article(  # noqa: N802 - reads like the constructor it stands for
    id: int, title: str, body: str, story_id: int | None
) -> StoredArticle:
    """A stored article with what routing reads of it."""
    return stored_article(id, title, body, story_id=story_id)


def Found(subscription_id: int, matched: str, sentence: str, score: float) -> Match:  # noqa: N802
    """One subscription's mention, found in the body."""
    return Match(subscription_id, matched, matched, sentence, 0, len(matched), "body", score)


# (keyword, text, whether the keyword should match the text, category of the case)
MatchCase = tuple[str, str, bool, str]


def read_match_cases(path: Path) -> list[MatchCase]:
    """The labelled cases of a matching set (tests/data/matching_*.tsv)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        return [
            (row["keyword"], row["text"], row["expected"] == "1", row["category"]) for row in reader
        ]


def score_match_cases(cases: list[MatchCase]) -> tuple[float, float, list[str]]:
    """Precision and recall of MatchIndex on `cases`, and one line per case it gets wrong."""
    queries = {keyword: parse_query(keyword) for keyword, _, _, _ in cases}
    index = MatchIndex.build(enumerate(queries.values()))
    ids = {keyword: n for n, keyword in enumerate(queries)}
    tp = fp = fn = 0
    errors: list[str] = []
    for keyword, text, expected, category in cases:
        got = any(m.subscription_id == ids[keyword] for m in index.match("", text))
        tp += got and expected
        fp += got and not expected
        fn += expected and not got
        if got != expected:
            errors.append(f"{category}: {keyword} | {text[:70]} | expected {int(expected)}")
    return tp / (tp + fp), tp / (tp + fn), errors


class FakeClock:
    """The bot's "now", moved by hand; jobs and handlers read it through the components."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


async def processed(sandbox: Sandbox, settings: Settings, count: int) -> None:
    """Wait until `count` inbox files have been taken (moved to processed/)."""
    folder = settings.inbox / "processed"
    await sandbox.wait_for(
        lambda: len(list(folder.rglob("*.txt"))) >= count, 10, f"{count} processed file(s)"
    )


async def settle(application: MarsadApp) -> None:
    """Let the inbox, digest and sender jobs run a few times (they tick every 0.1 s), until
    the intake and the sender are idle and nothing is pending."""
    await asyncio.sleep(0.6)
    services = application.bot_data.services
    for _ in range(80):
        idle = not services.sender.busy and not services.intake.busy
        if idle and not outbox.counts(services.db)["pending"]:
            return
        await asyncio.sleep(0.1)
