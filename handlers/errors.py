"""Errors and access: log unexpected errors with context (never the token), tell the admins
and the user; turn away users outside MARSAD_ALLOWED_USER_IDS when that list is set."""

from __future__ import annotations

import html
import logging
import traceback

from telegram import Update
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.chat.access import is_allowed
from bot.core.outgoing import OutgoingMessage
from bot.core.texts import chat_language, plain, text
from bot.services import Context
from handlers.common import reply

__all__ = ["describe", "error_handler", "gatekeeper"]

log = logging.getLogger(__name__)

# What an admin notice quotes of the traceback: its end, where the cause is.
_TRACE_CHARS = 2500


def describe(update: object) -> str:
    """Where an error happened, for the log and the admins: chat, user, and what they sent."""
    if not isinstance(update, Update):
        return "a job" if update is None else type(update).__name__
    parts: list[str] = []
    if update.effective_chat is not None:
        parts.append(f"chat {update.effective_chat.id} ({update.effective_chat.type})")
    if update.effective_user is not None:
        parts.append(f"user {update.effective_user.id}")
    if update.callback_query is not None:
        parts.append(f"button {update.callback_query.data!r}")
    elif update.effective_message is not None and update.effective_message.text:
        parts.append(f"text {update.effective_message.text[:120]!r}")
    return ", ".join(parts) or f"update {update.update_id}"


def _scrubbed_trace(error: BaseException, secret: str | None) -> str:
    trace = "".join(traceback.format_exception(error))
    # An HTTP error may quote the request URL, which holds the token.
    return trace.replace(secret, "<token>") if secret else trace


async def error_handler(update: object, context: Context) -> None:
    """Log the error with where it happened, notify the admins, and apologise to the user."""
    error = context.error
    if error is None:
        return
    if update is None and isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        # Telegram unreachable while polling (or from a job): PTB retries with a growing
        # pause. One line per attempt, as at start-up; no traceback, no admin message.
        log.warning("Telegram unreachable (%s); retrying", " ".join(str(error).split())[:200])
        return
    services = context.services
    token = services.settings.telegram_token
    secret = token.get_secret_value() if token is not None else None
    where = describe(update)
    trace = _scrubbed_trace(error, secret)
    log.error("error while handling %s:\n%s", where, trace)
    admin_lang = chat_language(None, services.settings.language)
    notice = text(
        "error.admin",
        admin_lang,
        context=where,
        error=trace[-_TRACE_CHARS:],
    )
    for admin in services.settings.admin_ids:
        try:
            await context.bot.send_message(admin, notice)  # HTML by the builder's Defaults
        except TelegramError as exc:
            log.warning("could not notify admin %s: %s", admin, html.escape(str(exc)))
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await reply(update, OutgoingMessage(text=text("error.user", context.lang)))
        except TelegramError as exc:
            log.warning("could not tell chat %s about the error: %s", update.effective_chat.id, exc)


async def gatekeeper(update: Update, context: Context) -> None:
    """When MARSAD_ALLOWED_USER_IDS is set, stop updates from anyone else, with a short reply."""
    settings = context.services.settings
    user = update.effective_user
    # Admins always pass (bot.chat.access), so a typo in the allow-list cannot lock them out.
    if is_allowed(user.id if user is not None else None, settings):
        return
    lang = chat_language(None, context.services.settings.language)
    if update.callback_query is not None:
        await update.callback_query.answer(plain("error.not_allowed", lang), show_alert=True)
    elif update.effective_message is not None and update.effective_chat is not None:
        await reply(update, OutgoingMessage(text=text("error.not_allowed", lang)))
    raise ApplicationHandlerStop
