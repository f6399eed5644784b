"""Greetings: a first message such as «مرحبا» or «السلام عليكم» is a hello, not a search."""

from __future__ import annotations

from typing import Final, Literal

from bot.core.arabic import tokenize

__all__ = ["Greeting", "greeting_of"]

Greeting = Literal["salam", "hello"]

# Whole messages, as `tokenize` folds them («مرحباً!» → مرحبا, «أهلاً» → اهلا).
_SALAM: Final = frozenset(
    {
        "السلام عليكم",
        "السلام عليكم ورحمه الله",
        "السلام عليكم ورحمه الله وبركاته",
        "سلام عليكم",
        "سلام",
        "salam",
        "salam alaikum",
        "assalamu alaikum",
    }
)
_HELLO_WORDS: Final = frozenset(
    {
        "مرحبا",
        "مرحبتين",
        "اهلا",
        "اهلين",
        "هلا",
        "هاي",
        "هلو",
        "hi",
        "hello",
        "hey",
        "hallo",
        "marhaba",
    }
)
_HELLO_PHRASES: Final = frozenset(
    {"صباح الخير", "مساء الخير", "اهلا وسهلا", "good morning", "good evening"}
)
# Words that may follow a greeting without making it a question: «مرحبا يا مرصد», «هلا والله».
_TRAILING: Final = frozenset({"يا", "مرصد", "بوت", "والله", "بك", "بكم", "there", "bot", "marsad"})


def greeting_of(message: str) -> Greeting | None:
    """Which greeting `message` is, when it is nothing but one; None for anything else
    («مرحبا بالناتو» is still a search)."""
    words = tokenize(message)
    if not words or len(words) > 6:
        return None
    phrase = " ".join(words)
    if phrase in _SALAM:
        return "salam"
    core = list(words)
    while len(core) > 1 and core[-1] in _TRAILING:
        core.pop()
    shortened = " ".join(core)
    if shortened in _SALAM:
        return "salam"
    if shortened in _HELLO_PHRASES or (len(core) == 1 and core[0] in _HELLO_WORDS):
        return "hello"
    return None
