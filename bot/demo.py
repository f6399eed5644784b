"""`marsad demo`: the whole bot, offline, against the local sandbox, with a readable transcript.

Starts the sandbox on loopback and the real Application against it (a temporary data folder
unless one is given). A demo user sends /start and /follow for a few keywords through real
updates; the owner's sample articles (shipped in bot/demo_articles) are dropped into the
inbox the way a producer delivers files; when every file is processed and every alert sent,
the last sample instead reaches the bot through the built-in collector: a small RSS feed and
an article page (wrapped in site chrome) are served from the demo's own loopback news site,
the demo user (an administrator here) adds the feed with /feeds add, and the feed job writes
the article into the inbox. Then the user opens an alert's full text, pages through /recent,
searches, lists and unfollows; then the conversation is printed as the user saw it.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from bot.app import MarsadApp, build_application, running
from bot.components import default_components
from bot.ingest.articles import decode_article, parse_article
from bot.sandbox import Sandbox, StoredMessage
from bot.sandbox.newssite import FeedEntry, NewsSite, article_page, rss_feed
from bot.settings import Settings, load_settings
from storage import outbox
from storage.feeds import list_feeds

__all__ = ["DEFAULT_KEYWORDS", "run_demo"]

DEFAULT_KEYWORDS = ("كوريا الشمالية", "الناتو", "الصين")
DEMO_USER = 5550001
REPLY_WAIT = 15.0
HUMAN_PAUSE = 1.0
ALERTS_WAIT = 120.0
DEMO_SITE = "الأسبوع"
# Politeness between two requests to the demo's news site: short, so the demo stays brisk.
DEMO_HOST_DELAY = 0.2


@dataclass(frozen=True)
class Line:
    at: float
    who: str
    text: str


def demo_articles() -> list[tuple[str, bytes]]:
    """The owner's sample articles, as shipped inside the package."""
    folder = resources.files("bot") / "demo_articles"
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    )


def _show_message(message: StoredMessage) -> str:
    lines = [message.text]
    if message.document is not None:
        lines.append(f"[file: {message.document.filename}]")
    for row in message.buttons:
        lines.append("  ".join(f"[ {label} ]" for label, _ in row))
    return "\n".join(lines)


def _print_transcript(lines: Sequence[Line], out: TextIO) -> None:
    rule = "─" * 72
    print(rule, file=out)
    for line in sorted(lines, key=lambda item: item.at):
        head, *rest = line.text.split("\n")
        print(f"{line.who} {head}", file=out)
        for more in rest:
            print(f"    {more}", file=out)
        print(file=out)
    print(rule, file=out)


async def _say(sandbox: Sandbox, text: str) -> None:
    """Send a command as the demo user and wait for the bot's reply, then pause as a person
    does: Telegram allows about one message a second per chat, replies included."""
    before = len(sandbox.sent_to(DEMO_USER))
    sandbox.user_says(DEMO_USER, text)
    await sandbox.wait_for_messages(DEMO_USER, before + 1, REPLY_WAIT)
    await asyncio.sleep(HUMAN_PAUSE)


async def _press(sandbox: Sandbox, message: StoredMessage, data: str) -> None:
    """Press a button of `message` as the demo user; wait for the reply or the edit it brings."""

    def changes() -> int:
        return len([e for e in sandbox.transcript(DEMO_USER) if e.kind in ("bot", "edit")])

    before = changes()
    sandbox.press_button(DEMO_USER, DEMO_USER, message.message_id, data)
    await sandbox.wait_for(lambda: changes() > before, REPLY_WAIT, "the button's answer")
    await asyncio.sleep(HUMAN_PAUSE)


async def _tour(sandbox: Sandbox, keywords: Sequence[str], first_alert: int) -> None:
    """After the alerts, the rest of the chat as an analyst would try it: the full text of an
    alert, /recent and its next page, /search, /list, and /unfollow."""
    sent = sandbox.sent_to(DEMO_USER)
    if len(sent) > first_alert:
        alert = sent[first_alert]
        full = next((d for row in alert.buttons for _, d in row if d.startswith("full:")), None)
        if full is not None:
            await _press(sandbox, alert, full)
    await _say(sandbox, "/recent")
    recent = sandbox.sent_to(DEMO_USER)[-1]
    forward = [d for row in recent.buttons for label, d in row if label == "▶"]
    if forward:
        await _press(sandbox, recent, forward[0])
    await _say(sandbox, "/search اليابان")
    await _say(sandbox, "/list")
    if keywords:
        await _say(sandbox, f"/unfollow {keywords[-1]}")


def _drop(inbox: Path, name: str, data: bytes) -> None:
    """Write beside the inbox, then rename in: a file is never seen half-written."""
    inbox.mkdir(parents=True, exist_ok=True)
    staging = inbox.parent / f".{name}.part"
    staging.write_bytes(data)
    staging.replace(inbox / name)


async def _wait_for_alerts(
    sandbox: Sandbox, application: MarsadApp, settings: Settings, names: Sequence[str]
) -> None:
    await _wait_until_settled(
        sandbox, application, lambda: [n for n in names if (settings.inbox / n).exists()]
    )


async def _wait_until_settled(
    sandbox: Sandbox, application: MarsadApp, waiting_files: Callable[[], list[str]]
) -> None:
    """Wait until no file is waiting in the inbox and the outbox has nothing left to send."""
    services = application.bot_data.services

    def settled() -> bool:
        waiting = bool(waiting_files())
        counts = outbox.counts(services.db)
        return not waiting and not counts["pending"] and not counts["sending"]

    # The sandbox changes on every message; the inbox does not, so poll it too.
    deadline = time.monotonic() + ALERTS_WAIT
    while not settled():
        if time.monotonic() > deadline:
            raise TimeoutError("the demo's alerts did not all arrive in time")
        with contextlib.suppress(TimeoutError):
            await sandbox.wait_for(lambda: False, 0.2, "a change")


def _serve_feed(site: NewsSite, name: str, data: bytes, settings: Settings) -> str:
    """Serve one sample as a news site does: an RSS item with a teaser, and the article's
    page in site chrome (menus, share bars, a related box mid-text, a footer). Returns the
    feed's address."""
    article = parse_article(decode_article(data), name, datetime.now(UTC), default_tz=settings.zone)
    slug = "/news/" + name.removesuffix(".txt") + ".html"
    site.set(
        slug,
        article_page(
            site=DEMO_SITE,
            title=article.title,
            paragraphs=article.body.split("\n"),
            published=article.published,
        ),
    )
    teaser = " ".join(article.body.split()[:25]) + " …"
    published = article.published or datetime.now(UTC)
    item = FeedEntry(
        title=article.title,
        link=site.url(slug),
        guid=site.url(slug),
        published=published,
        summary=teaser,
    )
    site.set(
        "/rss.xml",
        rss_feed(DEMO_SITE, site.url("/"), [item]),
        content_type="application/rss+xml; charset=utf-8",
    )
    return site.url("/rss.xml")


async def _collect_feed(
    sandbox: Sandbox, application: MarsadApp, settings: Settings, feed_url: str
) -> None:
    """Add the feed as an admin would, run the feed job now (instead of waiting for its
    tick), and wait until the collected article has been processed and its alerts sent."""
    await _say(sandbox, f"/feeds add {feed_url}")
    queue = application.job_queue
    assert queue is not None  # python-telegram-bot[job-queue] is a dependency
    for job in queue.get_jobs_by_name("feeds"):
        await job.run(application)
    db = application.bot_data.services.db

    def collected() -> list[str]:
        if not any(feed.items_collected for feed in list_feeds(db)):
            return ["(the feed)"]
        return [entry.name for entry in settings.inbox.glob("*.txt")]

    await _wait_until_settled(sandbox, application, collected)
    await _say(sandbox, "/feeds")


async def run_demo(
    settings: Settings,
    *,
    keywords: Sequence[str] = DEFAULT_KEYWORDS,
    data_dir: Path | None = None,
    keep_running: bool = False,
    out: TextIO,
) -> int:
    """Run the demo; returns the process exit code."""
    temporary = tempfile.mkdtemp(prefix="marsad-demo-") if data_dir is None else None
    root = data_dir if data_dir is not None else Path(str(temporary))
    try:
        async with Sandbox() as sandbox:
            values: dict[str, Any] = settings.model_dump(exclude={"inbox_dir", "db_path"})
            values.update(
                telegram_token=sandbox.token,
                telegram_api_url=sandbox.api_url,
                data_dir=root,
                # The demo user manages the demo's feed with /feeds, an admin command.
                admin_ids=(*settings.admin_ids, DEMO_USER),
                feed_host_delay=DEMO_HOST_DELAY,
            )
            demo_settings = load_settings(**values)
            print(f"Marsad demo: local Bot API sandbox on {sandbox.base_url}", file=out)
            print(f"data folder: {root}  (inbox: {demo_settings.inbox})", file=out, flush=True)
            sandbox.add_user(DEMO_USER, "Demo", username="demo_analyst", language_code="ar")
            application = build_application(demo_settings, default_components(demo_settings))
            lines: list[Line] = []
            site = NewsSite()
            async with running(application, poll_timeout=1):
                for command in ["/start", *(f"/follow {k}" for k in keywords)]:
                    await _say(sandbox, command)
                articles = demo_articles()
                # The last sample comes through the collector, from the local news site.
                *dropped, (fed_name, fed_data) = articles
                for name, data in dropped:
                    lines.append(Line(time.time(), "📥 file dropped into the inbox:", name))
                    _drop(demo_settings.inbox, name, data)
                await _wait_for_alerts(sandbox, application, demo_settings, [n for n, _ in dropped])
                with site:
                    feed_url = _serve_feed(site, fed_name, fed_data, demo_settings)
                    lines.append(
                        Line(
                            time.time(), "📰 a news site serves a feed:", f"{feed_url} ({fed_name})"
                        )
                    )
                    await _collect_feed(sandbox, application, demo_settings, feed_url)
                # Alerts are the messages with a full-text button (replies have none).
                alerts = sum(
                    1
                    for message in sandbox.sent_to(DEMO_USER)
                    if any(data.startswith("full:") for row in message.buttons for _, data in row)
                )
                await _tour(sandbox, keywords, first_alert=1 + len(keywords))
                for event in sandbox.transcript(DEMO_USER):
                    if event.kind == "user":
                        lines.append(Line(event.at, "👤 user:", event.text))
                    elif event.kind == "callback":
                        lines.append(Line(event.at, "👆 user pressed:", f"[ {event.text} ]"))
                    elif event.kind == "edit":
                        lines.append(Line(event.at, "✏️ Marsad edited its message:", event.text))
                    elif event.kind == "bot" and event.message is not None:
                        lines.append(Line(event.at, "🤖 Marsad:", _show_message(event.message)))
                _print_transcript(lines, out)
                print(
                    f"{len(dropped)} article(s) dropped, 1 collected from a feed, "
                    f"{len(keywords)} keyword(s) followed, "
                    f"{alerts} alert(s) received.",
                    file=out,
                    flush=True,
                )
                if keep_running:
                    await _keep_running(sandbox, demo_settings, out)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    return 0


async def _keep_running(sandbox: Sandbox, settings: Settings, out: TextIO) -> None:
    print(
        "\nStill running (Ctrl-C to stop). Drop article files into "
        f"{settings.inbox}\nand talk as the demo user through the control API, e.g.:\n"
        f"  curl -s -X POST {sandbox.base_url}/sandbox/users/{DEMO_USER}/messages "
        "-H 'Content-Type: application/json' -d '{\"text\": \"/follow إيران\"}'\n"
        f"  curl -s {sandbox.base_url}/sandbox/chats/{DEMO_USER}/messages",
        file=out,
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
