"""Greetings are answered as greetings, not searched for."""

from __future__ import annotations

import pytest

from bot.chat.greeting import greeting_of


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("مرحبا", "hello"),
        ("مرحباً!", "hello"),
        ("أهلاً", "hello"),
        ("اهلا وسهلا", "hello"),
        ("مرحبا يا مرصد", "hello"),
        ("صباح الخير 🌞", "hello"),
        ("hi", "hello"),
        ("Hello!", "hello"),
        ("السلام عليكم", "salam"),
        ("السلام عليكم ورحمة الله وبركاته", "salam"),
        ("سلام عليكم", "salam"),
        ("الناتو", None),
        ("مرحبا بالناتو", None),  # a greeting with a topic is a search
        ("أهلا، ما أخبار إيران اليوم؟", None),
        ("", None),
    ],
)
def test_greeting_of(message: str, expected: str | None) -> None:
    assert greeting_of(message) == expected
