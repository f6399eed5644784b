"""Start-up: wait for Telegram with a growing backoff; only a rejected token ends the process.

`connect` initializes the application (PTB calls getMe to check the token) before PTB's own
runner takes over, which then finds it initialized. A network fault, a timeout or a 5xx is
logged in one line and retried after base, 2·base, 4·base … seconds, capped; a 401
(`InvalidToken`) raises `TokenRejectedError`, whose message never quotes the token.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypedDict
from urllib.parse import urlsplit

from telegram.error import InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application

from bot.deliver.sender import retry_after_seconds
from bot.settings import Settings

__all__ = ["TokenRejectedError", "WebhookOptions", "backoff_delay", "connect", "webhook_options"]

log = logging.getLogger(__name__)


class TokenRejectedError(Exception):
    """Telegram answered 401 to getMe: the token is wrong or was revoked."""

    def __init__(self) -> None:
        super().__init__(
            "Telegram rejected the bot token (401 Unauthorized): check MARSAD_TELEGRAM_TOKEN "
            "against @BotFather"
        )


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Seconds before retry number `attempt` (1, 2, …): base doubled each time, at most cap."""
    return float(min(cap, base * 2 ** min(attempt - 1, 32)))


async def connect(
    application: Application[Any, Any, Any, Any, Any, Any],
    *,
    base: float,
    cap: float,
    sleep: Callable[[float], Awaitable[None]],
) -> int:
    """Initialize `application`, retrying for as long as Telegram cannot be reached; return
    how many attempts failed first. Raises TokenRejectedError on a 401."""
    failures = 0
    while True:
        try:
            await application.initialize()
            if failures:
                log.info("Telegram reached after %d failed attempt(s)", failures)
            return failures
        except InvalidToken:
            raise TokenRejectedError() from None
        except (NetworkError, RetryAfter) as exc:  # NetworkError covers timeouts and 5xx
            failures += 1
            delay = backoff_delay(failures, base, cap)
            if isinstance(exc, RetryAfter):
                delay = max(delay, retry_after_seconds(exc))
            log.warning(
                "Telegram unreachable at start-up (attempt %d: %s); retrying in %.3g s",
                failures,
                _one_line(exc),
                delay,
            )
            await sleep(delay)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


class WebhookOptions(TypedDict):
    """PTB's `run_webhook` arguments for MARSAD_WEBHOOK_*."""

    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str | None


def webhook_options(settings: Settings) -> WebhookOptions | None:
    """None for long polling (no MARSAD_WEBHOOK_URL); else where the webhook server listens
    and what Telegram is told. It serves the URL's own path, so a reverse proxy forwards
    `https://host/path` to `http://LISTEN:PORT/path` unchanged."""
    if settings.webhook_url is None:
        return None
    secret = settings.webhook_secret
    return WebhookOptions(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=urlsplit(settings.webhook_url).path.strip("/"),
        webhook_url=settings.webhook_url,
        secret_token=secret.get_secret_value() if secret is not None else None,
    )
