"""Logging set up once at start: plain or JSON lines on stderr, secrets never shown.

Every handler gets a formatter that replaces each secret (the bot token, alone or as
`bot<token>` in a Bot API URL, and the webhook secret) in the finished line, so a message, its
arguments, an exception's text and a traceback are all covered whatever logged them. httpx
logs each request's URL (which holds the token) at INFO: it stays at WARNING unless `-vv`.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import IO, Literal
from urllib.parse import quote

__all__ = ["JsonFormatter", "RedactingFormatter", "Redactor", "configure_logging"]

PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Structured fields a caller may pass with `extra=`; the JSON format gives each its own key.
STRUCTURED_FIELDS = ("chat", "story", "file")
MASK = "<secret>"
HANDLER_NAME = "marsad"


class Redactor:
    """Replaces every secret, in its raw and URL-quoted forms, by a fixed mask."""

    def __init__(self, secrets: Iterable[str]) -> None:
        forms: set[str] = set()
        for secret in secrets:
            # A short value would mask ordinary words; a real token is ~46 characters.
            if len(secret) >= 8:
                forms.update({secret, quote(secret, safe="")})
        # Longest first, so that a form containing another is replaced whole.
        self.forms = sorted(forms, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for form in self.forms:
            if form in text:
                text = text.replace(form, MASK)
        return text


class RedactingFormatter(logging.Formatter):
    """Formats with `inner`, then hides the secrets in the whole line (traceback included)."""

    def __init__(self, inner: logging.Formatter, redact: Redactor) -> None:
        super().__init__()
        self.inner = inner
        self.redact = redact

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(self.inner.format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, the structured fields passed
    with `extra=` (chat, story, file), and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in STRUCTURED_FIELDS:
            value = record.__dict__.get(name)
            if value is not None:
                entry[name] = value if isinstance(value, int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(
    verbosity: int,
    *,
    fmt: Literal["plain", "json"] = "plain",
    secrets: Iterable[str] = (),
    stream: IO[str] | None = None,
) -> logging.Handler:
    """Give the root logger a handler on `stream` (stderr) that formats as `fmt` and redacts
    `secrets`. Verbosity 0: INFO; 1 (`-v`): DEBUG; 2 (`-vv`): also every HTTP
    request httpx makes (their URLs are redacted too). Returns the handler."""
    inner = JsonFormatter() if fmt == "json" else logging.Formatter(PLAIN_FORMAT)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(inner, Redactor(secrets)))
    handler.set_name(HANDLER_NAME)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(old)
    # As logging.basicConfig: a host that configured logging already (pytest's capture, an
    # embedding program) keeps its handlers, unless a stream is asked for explicitly.
    if stream is not None or not root.handlers:
        root.addHandler(handler)
        root.setLevel(logging.DEBUG if verbosity else logging.INFO)
        # Warnings go through the same handler, so they are redacted too.
        logging.captureWarnings(True)
    chatty = logging.DEBUG if verbosity >= 2 else logging.WARNING
    for name in ("httpx", "httpcore", "hpack"):
        logging.getLogger(name).setLevel(chatty)
    # APScheduler logs every job run at INFO: the sender runs twice a second.
    logging.getLogger("apscheduler").setLevel(logging.DEBUG if verbosity >= 2 else logging.WARNING)
    # aiohttp's access log would add a line per health check.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    return handler
