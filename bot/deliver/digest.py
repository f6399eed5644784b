"""Digest rendering, pure: many held stories → one message, or a few, each within Telegram's limits.

A digest lists the stories newest first, one numbered line each (title, source, local time),
with one numbered «full text» button per story. Stories are spread over several messages
when one would exceed 4096 characters or carry too many buttons; every part repeats the
header with its number (2/3) so that each reads on its own.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core import callbacks
from bot.core.bidi import LRI, PDI, isolate
from bot.core.links import outlet_name, safe_url
from bot.core.outgoing import Button, OutgoingMessage

__all__ = [
    "MAX_ITEMS_PER_MESSAGE",
    "MAX_MESSAGE_CHARS",
    "DigestItem",
    "DigestLabels",
    "render_digest",
]

MAX_MESSAGE_CHARS = 4096
# Telegram allows 100 inline buttons per message; 30 keeps a digest part readable on a phone.
MAX_ITEMS_PER_MESSAGE = 30
BUTTONS_PER_ROW = 5
MAX_TITLE_CHARS = 220


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One story in a digest: the article to open, its title, source, time and address."""

    article_id: int | None
    title: str
    source: str | None
    at: datetime
    url: str | None = None


@dataclass(frozen=True, slots=True)
class DigestLabels:
    """The localized words of a digest (from `bot.core.texts`): the HTML header for `count`
    stories, the suffix of part `part` of `parts`, and the label of line n's button."""

    header: Callable[[int], str]
    part: Callable[[int, int], str] = lambda part, parts: f" ({part}/{parts})"
    button: Callable[[int], str] = lambda n: f"📄 {n}"
    link: Callable[[int], str] = lambda n: f"🔗 {n}"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _when(at: datetime, now: datetime, zone: ZoneInfo) -> str:
    local, today = at.astimezone(zone), now.astimezone(zone).date()
    if local.date() == today:
        return f"{local:%H:%M}"
    return f"{local:%d/%m %H:%M}"


def _line(n: int, item: DigestItem, now: datetime, zone: ZoneInfo) -> str:
    # Isolates keep a Latin source name or the digits of a time from reordering the Arabic line.
    parts = [f"{n}. <b>{html.escape(_clip(item.title, MAX_TITLE_CHARS))}</b>"]
    outlet = outlet_name(item.source, item.url)
    if outlet:
        parts.append(isolate(html.escape(_clip(outlet, 60))))
    parts.append(f"{LRI}{_when(item.at, now, zone)}{PDI}")
    return " · ".join(parts)


def _keyboard(
    numbered: Sequence[tuple[int, DigestItem]], labels: DigestLabels
) -> tuple[tuple[Button, ...], ...]:
    buttons = [
        # The chat handlers' «full text» callback: the same as on single alerts.
        Button(text=labels.button(n), callback_data=callbacks.full_text(item.article_id))
        for n, item in numbered
        if item.article_id is not None
    ]
    # Then one button per line that opens the original article, when the file gave its address.
    links = [
        Button(text=labels.link(n), url=address)
        for n, item in numbered
        if (address := safe_url(item.url)) is not None
    ]
    return tuple(
        tuple(row[i : i + BUTTONS_PER_ROW])
        for row in (buttons, links)
        for i in range(0, len(row), BUTTONS_PER_ROW)
    )


def render_digest(
    items: Sequence[DigestItem],
    *,
    labels: DigestLabels,
    zone: ZoneInfo,
    now: datetime,
    silent: bool = False,
) -> list[OutgoingMessage]:
    """The digest of `items` (any order; shown newest first) as one or more messages.

    Every item appears in exactly one message; an empty `items` gives no message.
    """
    ordered = sorted(items, key=lambda item: item.at, reverse=True)
    lines = [_line(n, item, now, zone) for n, item in enumerate(ordered, start=1)]
    header = labels.header(len(ordered))
    # The part suffix is reserved for in every chunk, so chunks stay valid once it is added.
    reserve = len(header) + len(labels.part(999, 999)) + 2
    chunks: list[list[int]] = []
    size = reserve
    for index, line in enumerate(lines):
        if (
            chunks
            and len(chunks[-1]) < MAX_ITEMS_PER_MESSAGE
            and size + len(line) + 1 <= MAX_MESSAGE_CHARS
        ):
            chunks[-1].append(index)
            size += len(line) + 1
        else:
            chunks.append([index])
            size = reserve + len(line) + 1
    messages = []
    for part, chunk in enumerate(chunks, start=1):
        title = header + (labels.part(part, len(chunks)) if len(chunks) > 1 else "")
        text = title + "\n\n" + "\n".join(lines[i] for i in chunk)
        numbered = [(i + 1, ordered[i]) for i in chunk]
        messages.append(
            OutgoingMessage(
                text=text,
                buttons=_keyboard(numbered, labels),
                disable_notification=silent,
            )
        )
    return messages
