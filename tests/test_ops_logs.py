"""Logs: the token never shows, in any format, message, argument or traceback; JSON lines."""

from __future__ import annotations

import io
import json
import logging
import warnings
from collections.abc import Iterator

import pytest

from bot.ops.logs import MASK, Redactor, configure_logging

TOKEN = "123456789:AAH-secret_Token-value"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """configure_logging rewires the root logger: put pytest's setup back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore", "apscheduler")}
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)
    logging.captureWarnings(False)


@pytest.mark.parametrize(
    "text",
    [
        f"POST https://api.telegram.org/bot{TOKEN}/getMe",
        f"The token `{TOKEN}` was rejected by the server.",
        f"quoted: bot{TOKEN.replace(':', '%3A')}/sendMessage",
        f"twice {TOKEN} and {TOKEN}",
    ],
)
def test_redactor_hides_every_form_of_the_token(text: str) -> None:
    redacted = Redactor([TOKEN])(text)
    assert TOKEN not in redacted
    assert "secret_Token" not in redacted
    assert MASK in redacted


def test_short_values_are_not_treated_as_secrets() -> None:
    assert Redactor(["abc"])("abc abc") == "abc abc"


@pytest.mark.parametrize("fmt", ["plain", "json"])
def test_message_arguments_and_tracebacks_are_redacted(fmt: str, restore_logging: None) -> None:
    out = io.StringIO()
    configure_logging(1, fmt=fmt, secrets=[TOKEN], stream=out)  # type: ignore[arg-type]
    log = logging.getLogger("marsad.test")
    log.info("calling %s", f"https://api.telegram.org/bot{TOKEN}/getMe")
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        log.exception("start failed")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn(f"odd token {TOKEN}", UserWarning, stacklevel=1)
    text = out.getvalue()
    assert TOKEN not in text
    assert "secret_Token" not in text
    assert text.count(MASK) >= 3


def test_json_format_is_one_object_per_line_with_structured_fields(
    restore_logging: None,
) -> None:
    out = io.StringIO()
    configure_logging(0, fmt="json", stream=out)
    log = logging.getLogger("bot.deliver.sender")
    log.warning("sent «الناتو»\nsecond line", extra={"chat": 42, "story": 7, "file": "a.txt"})
    log.debug("not shown at verbosity 0")
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "bot.deliver.sender"
    assert entry["message"] == "sent «الناتو»\nsecond line"
    assert (entry["chat"], entry["story"], entry["file"]) == (42, 7, "a.txt")
    assert entry["time"].endswith("+00:00")


@pytest.mark.parametrize(
    ("verbosity", "httpx_level"), [(0, "WARNING"), (1, "WARNING"), (2, "DEBUG")]
)
def test_http_request_logs_only_at_double_verbose(
    verbosity: int, httpx_level: str, restore_logging: None
) -> None:
    configure_logging(verbosity, stream=io.StringIO())
    assert logging.getLevelName(logging.getLogger("httpx").level) == httpx_level
    assert logging.getLogger().level == (logging.DEBUG if verbosity else logging.INFO)
