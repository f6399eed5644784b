"""`marsad demo`: the whole bot, offline, against the local sandbox, with a readable transcript.

Starts the sandbox on loopback and the real Application against it (a temporary data folder
unless one is given). A demo user sends /start and /follow for a few keywords through real
updates; the owner's sample articles (shipped in bot/demo_articles) are dropped into the
inbox the way a producer delivers files; when every file is processed and every alert sent,
the user opens an alert's full text, pages through /recent, searches, lists and unfollows;
then the conversation is printed as the user saw it.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from bot.app import MarsadApp, build_application, running
from bot.sandbox import Sandbox, StoredMessage
from bot.services import default_components
from bot.settings import Settings, load_settings
from storage import outbox

__all__ = ["DEFAULT_KEYWORDS", "run_demo"]

DEFAULT_KEYWORDS = ("كوريا الشمالية", "الناتو", "الصين")
DEMO_USER = 5550001
REPLY_WAIT = 15.0
HUMAN_PAUSE = 1.0
ALERTS_WAIT = 120.0


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
    services = application.bot_data.services

    def settled() -> bool:
        waiting = any((settings.inbox / name).exists() for name in names)
        counts = outbox.counts(services.db)
        return not waiting and not counts["pending"] and not counts["sending"]

    # The sandbox changes on every message; the inbox does not, so poll it too.
    deadline = time.monotonic() + ALERTS_WAIT
    while not settled():
        if time.monotonic() > deadline:
            raise TimeoutError("the demo's alerts did not all arrive in time")
        with contextlib.suppress(TimeoutError):
            await sandbox.wait_for(lambda: False, 0.2, "a change")


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
            demo_settings = load_settings(**values)
            print(f"Marsad demo: local Bot API sandbox on {sandbox.base_url}", file=out)
            print(f"data folder: {root}  (inbox: {demo_settings.inbox})", file=out, flush=True)
            sandbox.add_user(DEMO_USER, "Demo", username="demo_analyst", language_code="ar")
            application = build_application(demo_settings, default_components(demo_settings))
            lines: list[Line] = []
            async with running(application, poll_timeout=1):
                for command in ["/start", *(f"/follow {k}" for k in keywords)]:
                    await _say(sandbox, command)
                articles = demo_articles()
                for name, data in articles:
                    lines.append(Line(time.time(), "📥 file dropped into the inbox:", name))
                    _drop(demo_settings.inbox, name, data)
                await _wait_for_alerts(
                    sandbox, application, demo_settings, [n for n, _ in articles]
                )
                alerts = len(sandbox.sent_to(DEMO_USER)) - 1 - len(keywords)
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
                    f"{len(articles)} article(s) dropped, {len(keywords)} keyword(s) followed, "
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
