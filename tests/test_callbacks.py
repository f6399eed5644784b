from __future__ import annotations

import pytest

from bot.core import callbacks
from bot.core.callbacks import Callback, CallbackError


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (callbacks.full_text(12), Callback("full", (12,))),
        (callbacks.unfollow(3), Callback("unf", (3,))),
        (callbacks.page(9, 2), Callback("pg", (9, 2))),
        (callbacks.follow_example(1), Callback("ex", (1,))),
        (callbacks.noop(), Callback("noop")),
    ],
)
def test_round_trip(data: str, expected: Callback) -> None:
    assert len(data.encode()) <= callbacks.MAX_BYTES
    assert callbacks.parse(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "full",
        "full:x",
        "full:1:2",
        "pg:1",
        "drop:1",
        "unf:-1",
        "noop:1",
        # Forged numbers beyond SQLite's 64-bit integers: refused here, never sent to a query.
        "unf:99999999999999999999999999",
        "pg:9223372036854775808:1",
        "pg:1:9223372036854775808",
        "full:" + "9" * 40,
        "unf:+5",
        "unf: 5",
        "unf:1_000",
        "unf:\u0661\u0662",  # Arabic-Indic digits: int() accepts them, we never write them
    ],
)
def test_rejects_foreign_data(data: str | None) -> None:
    with pytest.raises(CallbackError):
        callbacks.parse(data)


def test_huge_ids_fail_loudly() -> None:
    with pytest.raises(CallbackError):
        callbacks.page(10**40, 10**40)


def test_largest_sqlite_id_still_parses() -> None:
    assert callbacks.parse(f"unf:{callbacks.MAX_ID}") == Callback("unf", (callbacks.MAX_ID,))
