"""Inline-button callback data: short, typed, at most 64 bytes (Telegram's limit).

`render` writes these strings onto buttons and the handlers read them back with `parse`, so the
format lives in one place. Long state (a search query, a keyword) never travels in a button: it
is saved as a view in storage and the button carries the view's id and a page number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from bot.core.errors import CallbackErrorCode, MarsadError

__all__ = [
    "FEED_ACTIONS",
    "MAX_BYTES",
    "MAX_ID",
    "Callback",
    "CallbackError",
    "feed_action",
    "follow_example",
    "full_text",
    "mode_picker",
    "noop",
    "page",
    "parse",
    "set_mode",
    "unfollow",
]

MAX_BYTES: Final = 64
# The largest id a button may carry: SQLite's INTEGER is a signed 64-bit number, so a larger
# one (forged data) could never name a row and would overflow the query instead.
MAX_ID: Final = 2**63 - 1
# Digits allowed per number: more than MAX_ID has, so `int()` never parses a giant string.
_MAX_DIGITS: Final = len(str(MAX_ID))

Action = Literal["full", "unf", "pg", "ex", "noop", "mp", "ms", "fd"]
_ACTIONS: Final[frozenset[str]] = frozenset({"full", "unf", "pg", "ex", "noop", "mp", "ms", "fd"})
# What a feed button does, by its index in the callback data (`fd:<feed id>:<index>`).
FEED_ACTIONS: Final[tuple[str, ...]] = ("pause", "resume", "remove")


class CallbackError(MarsadError[CallbackErrorCode], ValueError):
    """Callback data this version of the bot did not write (old button, forged data)."""


@dataclass(frozen=True, slots=True)
class Callback:
    """A decoded button press: what to do and its integer arguments."""

    action: Action
    args: tuple[int, ...] = ()


def _encode(action: Action, *args: int) -> str:
    data = ":".join([action, *(str(a) for a in args)])
    if len(data.encode()) > MAX_BYTES:  # only reachable with absurd ids; fail loudly
        raise CallbackError("too_long", f"over {MAX_BYTES} bytes: {data!r}")
    return data


def full_text(article_id: int) -> str:
    """Send the full text of an article."""
    return _encode("full", article_id)


def unfollow(subscription_id: int) -> str:
    """Remove one subscription."""
    return _encode("unf", subscription_id)


def page(view_id: int, number: int) -> str:
    """Show page `number` (from 1) of a saved list view, editing the same message."""
    return _encode("pg", view_id, number)


def follow_example(index: int) -> str:
    """Follow the `index`-th example keyword of the welcome message."""
    return _encode("ex", index)


def mode_picker(subscription_id: int) -> str:
    """Show the delivery modes of one subscription as buttons."""
    return _encode("mp", subscription_id)


def set_mode(subscription_id: int, mode_index: int) -> str:
    """Deliver one subscription in mode number `mode_index` of `bot.core.preferences.MODES`."""
    return _encode("ms", subscription_id, mode_index)


def feed_action(feed_id: int, action: str) -> str:
    """Pause, resume or remove one collector feed (an admin's /feeds list)."""
    return _encode("fd", feed_id, FEED_ACTIONS.index(action))


def noop() -> str:
    """A button that only shows information (the page position)."""
    return _encode("noop")


_ARITY: Final[dict[str, int]] = {
    "full": 1,
    "unf": 1,
    "pg": 2,
    "ex": 1,
    "noop": 0,
    "mp": 1,
    "ms": 2,
    "fd": 2,
}


def parse(data: str | None) -> Callback:
    """Decode callback data; raises CallbackError for anything this module did not write."""
    if not data:
        raise CallbackError("empty")
    action, *raw = data.split(":")
    if action not in _ACTIONS or len(raw) != _ARITY[action]:
        raise CallbackError("unknown", repr(data))
    if not all(part.isascii() and part.isdigit() and len(part) <= _MAX_DIGITS for part in raw):
        raise CallbackError("bad_number", repr(data))
    args = tuple(int(part) for part in raw)
    if any(a > MAX_ID for a in args):
        raise CallbackError("bad_number", f"out of range in {data!r}")
    return Callback(action, args)  # type: ignore[arg-type]  # checked against _ACTIONS
