"""`marsad demo`: the whole bot, offline, against the local sandbox, with a readable transcript.

Starts the sandbox on loopback and the real Application against it (a temporary data folder
unless one is given). A demo user sends /start and /follow for a few keywords through real
updates; the owner's sample articles (shipped in bot/demo_articles) are dropped into the
inbox the way a producer delivers files; when every file is processed and every alert sent,
the last sample reaches the bot through the built-in collector instead: a small RSS feed and
an article page (wrapped in site chrome) are served from the demo's own loopback news site,
the demo user (an administrator here) adds the feed with /feeds add, and the feed job writes
the article into the inbox. Then the user opens an alert's full text, pages through /recent,
searches, lists and unfollows.
The conversation is printed as it happens, as the user sees it, then what to do next.
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
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from bot.app import MarsadApp, build_application, running
from bot.ingest.articles import decode_article, parse_article
from bot.sandbox import Sandbox, StoredMessage
from bot.sandbox.newssite import FeedEntry, NewsSite, article_page, rss_feed
from bot.services import default_components
from bot.settings import Settings, load_settings
from storage import outbox
from storage.feeds import list_feeds

__all__ = ["DEFAULT_KEYWORDS", "run_demo"]

DEFAULT_KEYWORDS = ("كوريا الشمالية", "الناتو", "الصين")
DEMO_USER = 5550001
REPLY_WAIT = 15.0
HUMAN_PAUSE = 1.0
ALERTS_WAIT = 120.0
# The demo's samples date from 2015 to 2024: old news, which a real bot would not push.
DEMO_MAX_AGE = timedelta(days=365 * 30)
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


def _print_line(line: Line, out: TextIO) -> None:
    head, *rest = line.text.split("\n")
    print(f"{line.who} {head}", file=out)
    for more in rest:
        print(f"    {more}", file=out)
    print(file=out, flush=True)


class _Transcript:
    """Prints the demo user's conversation as it happens: each call shows what is new."""

    def __init__(self, sandbox: Sandbox, out: TextIO) -> None:
        self.sandbox = sandbox
        self.out = out
        self.shown = 0

    def note(self, who: str, text: str) -> None:
        _print_line(Line(time.time(), who, text), self.out)

    def flush(self) -> None:
        events = self.sandbox.transcript(DEMO_USER)
        for event in events[self.shown :]:
            if event.kind == "user":
                line = Line(event.at, "👤 user:", event.text)
            elif event.kind == "callback":
                line = Line(event.at, "👆 user pressed:", f"[ {event.text} ]")
            elif event.kind == "edit":
                line = Line(event.at, "✏️ Marsad edited its message:", event.text)
            elif event.kind == "bot" and event.message is not None:
                line = Line(event.at, "🤖 Marsad:", _show_message(event.message))
            else:
                continue
            _print_line(line, self.out)
        self.shown = len(events)


# Printed last: how to go from the demo to a real bot.
NEXT_STEPS = """\
Next steps
  1. Get a bot token: in Telegram, talk to @BotFather, send /newbot, copy the token.
  2. Put it in .env (see .env.example):  MARSAD_TELEGRAM_TOKEN=123456:ABC...
  3. Run the real bot:  .venv/bin/marsad run   (or: source .venv/bin/activate; marsad run)
     and drop article files into the inbox folder (MARSAD_INBOX_DIR, default data/inbox).
  Try more first:  .venv/bin/marsad demo --follow إيران --keep-running
     keeps the sandbox and the bot up so that you can drop your own files and talk to it.
"""


async def _say(sandbox: Sandbox, text: str, shown: _Transcript) -> None:
    """Send a command as the demo user and wait for the bot's reply, then pause as a person
    does: Telegram allows about one message a second per chat, replies included."""
    before = len(sandbox.sent_to(DEMO_USER))
    sandbox.user_says(DEMO_USER, text)
    await sandbox.wait_for_messages(DEMO_USER, before + 1, REPLY_WAIT)
    shown.flush()
    await asyncio.sleep(HUMAN_PAUSE)


async def _press(sandbox: Sandbox, message: StoredMessage, data: str, shown: _Transcript) -> None:
    """Press a button of `message` as the demo user; wait for the reply or the edit it brings."""

    def changes() -> int:
        return len([e for e in sandbox.transcript(DEMO_USER) if e.kind in ("bot", "edit")])

    before = changes()
    sandbox.press_button(DEMO_USER, DEMO_USER, message.message_id, data)
    await sandbox.wait_for(lambda: changes() > before, REPLY_WAIT, "the button's answer")
    shown.flush()
    await asyncio.sleep(HUMAN_PAUSE)


async def _tour(
    sandbox: Sandbox, keywords: Sequence[str], first_alert: int, shown: _Transcript
) -> None:
    """After the alerts, the rest of the chat as an analyst would try it: the full text of an
    alert, /recent and its next page, /search, /list, and /unfollow."""
    sent = sandbox.sent_to(DEMO_USER)
    if len(sent) > first_alert:
        alert = sent[first_alert]
        full = next((d for row in alert.buttons for _, d in row if d.startswith("full:")), None)
        if full is not None:
            await _press(sandbox, alert, full, shown)
    await _say(sandbox, "/recent", shown)
    recent = sandbox.sent_to(DEMO_USER)[-1]
    forward = [d for row in recent.buttons for label, d in row if label == "▶"]
    if forward:
        await _press(sandbox, recent, forward[0], shown)
    await _say(sandbox, "/search اليابان", shown)
    await _say(sandbox, "/list", shown)
    if keywords:
        await _say(sandbox, f"/unfollow {keywords[-1]}", shown)


def _drop(inbox: Path, name: str, data: bytes) -> None:
    """Write beside the inbox, then rename in: a file is never seen half-written."""
    inbox.mkdir(parents=True, exist_ok=True)
    staging = inbox.parent / f".{name}.part"
    staging.write_bytes(data)
    staging.replace(inbox / name)


async def _wait_for_alerts(
    sandbox: Sandbox,
    application: MarsadApp,
    settings: Settings,
    names: Sequence[str],
    shown: _Transcript,
) -> None:
    await _wait_until_settled(
        sandbox,
        application,
        lambda: [n for n in names if (settings.inbox / n).exists()],
        shown,
    )


async def _wait_until_settled(
    sandbox: Sandbox,
    application: MarsadApp,
    waiting_files: Callable[[], list[str]],
    shown: _Transcript,
) -> None:
    """Wait until no file is waiting in the inbox and the outbox has nothing left to send,
    printing the conversation as it goes."""
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
        shown.flush()
    shown.flush()


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
    sandbox: Sandbox,
    application: MarsadApp,
    settings: Settings,
    feed_url: str,
    shown: _Transcript,
) -> None:
    """Add the feed as an admin would, run the feed job now (instead of waiting for its
    tick), and wait until the collected article has been processed and its alerts sent."""
    await _say(sandbox, f"/feeds add {feed_url}", shown)
    queue = application.job_queue
    assert queue is not None  # python-telegram-bot[job-queue] is a dependency
    for job in queue.get_jobs_by_name("feeds"):
        await job.run(application)
    db = application.bot_data.services.db

    def collected() -> list[str]:
        if not any(feed.items_collected for feed in list_feeds(db)):
            return ["(the feed)"]
        return [entry.name for entry in settings.inbox.glob("*.txt")]

    await _wait_until_settled(sandbox, application, collected, shown)
    await _say(sandbox, "/feeds", shown)


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
            )
            articles = demo_articles()
            # The samples are real articles of past years: without a wider age limit they
            # would be stored and listed but never pushed. Each is shown as its own alert.
            values.update(
                alert_max_age=DEMO_MAX_AGE,
                chat_burst=max(settings.chat_burst, len(articles)),
                # The demo user manages the demo's feed with /feeds, an admin command.
                admin_ids=(*settings.admin_ids, DEMO_USER),
                feed_host_delay=DEMO_HOST_DELAY,
            )
            demo_settings = load_settings(**values)
            print(f"Marsad demo: local Bot API sandbox on {sandbox.base_url}", file=out)
            print(f"data folder: {root}  (inbox: {demo_settings.inbox})", file=out, flush=True)
            sandbox.add_user(DEMO_USER, "Demo", username="demo_analyst", language_code="ar")
            application = build_application(demo_settings, default_components(demo_settings))
            shown = _Transcript(sandbox, out)
            print("─" * 72, file=out, flush=True)
            async with running(application, poll_timeout=1):
                for command in ["/start", *(f"/follow {k}" for k in keywords)]:
                    await _say(sandbox, command, shown)
                # The last sample comes through the collector, from the local news site.
                *dropped, (fed_name, fed_data) = articles
                for name, data in dropped:
                    shown.note("📥 file dropped into the inbox:", name)
                    _drop(demo_settings.inbox, name, data)
                await _wait_for_alerts(
                    sandbox, application, demo_settings, [n for n, _ in dropped], shown
                )
                with NewsSite() as site:
                    feed_url = _serve_feed(site, fed_name, fed_data, demo_settings)
                    shown.note("📰 a news site serves a feed:", f"{feed_url} ({fed_name})")
                    await _collect_feed(sandbox, application, demo_settings, feed_url, shown)
                # Alerts are the messages with a full-text button (replies have none).
                alerts = sum(
                    1
                    for message in sandbox.sent_to(DEMO_USER)
                    if any(data.startswith("full:") for row in message.buttons for _, data in row)
                )
                await _tour(sandbox, keywords, 1 + len(keywords), shown)
                shown.flush()
                print("─" * 72, file=out)
                print(
                    f"{len(dropped)} article(s) dropped, 1 collected from a feed, "
                    f"{len(keywords)} keyword(s) followed, "
                    f"{alerts} alert(s) received.\n",
                    file=out,
                    flush=True,
                )
                print(NEXT_STEPS, file=out, flush=True)
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
