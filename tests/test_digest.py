"""Digest rendering: order, lines, buttons, splitting under Telegram's limits."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core import callbacks
from bot.deliver.digest import (
    MAX_ITEMS_PER_MESSAGE,
    MAX_MESSAGE_CHARS,
    DigestItem,
    DigestLabels,
    render_digest,
)

LABELS = DigestLabels(header=lambda count: f"<b>ملخص: {count} خبر</b>")
RIYADH = ZoneInfo("Asia/Riyadh")
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)  # 15:00 in Riyadh


def item(n: int, *, minutes_ago: int = 0, title: str | None = None) -> DigestItem:
    return DigestItem(
        article_id=n,
        title=title or f"خبر رقم {n} عن الناتو",
        source="Al Arabiya" if n % 2 else "الشرق الأوسط",
        at=NOW - timedelta(minutes=minutes_ago),
    )


def test_newest_first_numbered_with_a_button_each() -> None:
    items = [item(1, minutes_ago=30), item(2, minutes_ago=10), item(3, minutes_ago=20)]
    [message] = render_digest(items, labels=LABELS, zone=RIYADH, now=NOW)
    lines = message.text.splitlines()
    assert lines[0] == "<b>ملخص: 3 خبر</b>"
    assert [line.split(".")[0] for line in lines[2:]] == ["1", "2", "3"]
    assert "رقم 2" in lines[2] and "رقم 3" in lines[3] and "رقم 1" in lines[4]
    buttons = [b for row in message.buttons for b in row]
    assert [b.callback_data for b in buttons] == [callbacks.full_text(n) for n in (2, 3, 1)]
    assert [b.text for b in buttons] == ["📄 1", "📄 2", "📄 3"]


def test_line_shows_local_time_and_source_escaped() -> None:
    older = DigestItem(7, "<script> & «عنوان»", "Reuters & Co", NOW - timedelta(days=2))
    [message] = render_digest([item(1), older], labels=LABELS, zone=RIYADH, now=NOW)
    assert "&lt;script&gt; &amp; «عنوان»" in message.text
    assert "Reuters &amp; Co" in message.text
    assert "\u206615:00\u2069" in message.text  # today: time only, in Riyadh
    assert "\u206630/05 15:00\u2069" in message.text  # another day: date and time


def test_time_follows_the_chat_zone() -> None:
    [message] = render_digest([item(1)], labels=LABELS, zone=ZoneInfo("Europe/Berlin"), now=NOW)
    assert "14:00" in message.text


def test_empty_gives_nothing() -> None:
    assert render_digest([], labels=LABELS, zone=RIYADH, now=NOW) == []


@pytest.mark.parametrize("count", [1, 29, 30, 31, 95, 400])
def test_split_keeps_every_item_once_within_limits(count: int) -> None:
    long_title = "تقرير مطول " * 40
    items = [item(n, minutes_ago=n, title=f"{n}: {long_title}") for n in range(1, count + 1)]
    messages = render_digest(items, labels=LABELS, zone=RIYADH, now=NOW, silent=True)
    seen = [b.callback_data for m in messages for row in m.buttons for b in row]
    assert seen == [callbacks.full_text(n) for n in range(1, count + 1)]
    for part, message in enumerate(messages, start=1):
        assert len(message.text) <= MAX_MESSAGE_CHARS
        assert sum(len(row) for row in message.buttons) <= MAX_ITEMS_PER_MESSAGE
        assert message.disable_notification
        if len(messages) > 1:
            assert message.text.startswith(f"<b>ملخص: {count} خبر</b> ({part}/{len(messages)})")
    numbers = [int(n) for m in messages for n in re.findall(r"^(\d+)\. ", m.text, re.M)]
    assert numbers == list(range(1, count + 1))


def test_item_without_article_has_no_button() -> None:
    lone = DigestItem(None, "تنبيه", None, NOW)
    [message] = render_digest([lone, item(2)], labels=LABELS, zone=RIYADH, now=NOW)
    assert [b.callback_data for row in message.buttons for b in row] == [callbacks.full_text(2)]


def test_digest_lines_name_the_outlet_and_link_the_article() -> None:
    items = [
        DigestItem(1, "خبر أول", None, NOW, "https://www.aljazeera.net/a/1"),
        DigestItem(2, "خبر ثان", "الأسبوع", NOW - timedelta(minutes=1)),
        DigestItem(3, "خبر ثالث", None, NOW - timedelta(minutes=2), "javascript:x"),
    ]
    [message] = render_digest(items, labels=LABELS, zone=RIYADH, now=NOW)
    assert "aljazeera.net" in message.text and "الأسبوع" in message.text
    links = [(b.text, b.url) for row in message.buttons for b in row if b.url]
    assert links == [("🔗 1", "https://www.aljazeera.net/a/1")]
    full = [b.callback_data for row in message.buttons for b in row if b.callback_data]
    assert len(full) == 3
