"""What every handler does the same way: find the services, the chat's language and zone,
read a command's argument, and send an `OutgoingMessage` (the form render produces)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final
from zoneinfo import ZoneInfo

from telegram import CallbackQuery, LinkPreviewOptions, Message, Update
from telegram.error import RetryAfter

from bot.core import callbacks
from bot.core.callbacks import CallbackError
from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import zone_or
from bot.core.texts import Lang, chat_language, plain
from bot.deliver.sender import keyboard, retry_after_seconds
from bot.services import Context, Services
from storage import chats
from storage.chats import Chat

__all__ = [
    "argument",
    "chat_lang",
    "chat_zone",
    "edit",
    "ensure_chat",
    "reply",
    "send",
]

# Tries of one reply under flood control before giving up to the error handler.
REPLY_ATTEMPTS: Final = 4

_COMMAND = re.compile(r"^/\S+[ \t]*\n?")


def argument(message: Message) -> str:
    """The text after the command, new lines kept (`context.args` would split them away)."""
    return _COMMAND.sub("", message.text or "", count=1).strip()


def ensure_chat(services: Services, update: Update) -> Chat | None:
    """The chat of this update, recorded (created or refreshed) in storage."""
    chat = update.effective_chat
    if chat is None:
        return None
    return chats.upsert_chat(
        services.db, chat.id, kind=chat.type, title=chat.title, now=services.clock()
    )


def chat_lang(services: Services, chat: Chat | None) -> Lang:
    """The chat's language by the one rule (`bot.core.texts.chat_language`)."""
    return chat_language(chat.language if chat else None, services.settings.language)


def chat_zone(services: Services, chat: Chat | None) -> ZoneInfo:
    """The chat's time zone, else MARSAD_TIMEZONE (`bot.core.preferences.zone_or`)."""
    return zone_or(chat.timezone if chat else None, services.settings.zone)


def _preview(message: OutgoingMessage) -> LinkPreviewOptions:
    return LinkPreviewOptions(is_disabled=message.disable_web_page_preview)


async def reply(update: Update, message: OutgoingMessage) -> None:
    """Answer the update's message (or send to its chat, for a button press)."""
    chat = update.effective_chat
    if chat is None:
        return
    await send(update, chat.id, message)


async def _honouring_retry_after(call: Callable[[], Awaitable[object]]) -> None:
    """Run a Bot API call; on flood control wait as long as Telegram says and try again.

    A reply is what the user is waiting for: a 429 delays it, it does not drop it. After
    REPLY_ATTEMPTS the error goes to the error handler (logged, admins told).
    """
    for attempt in range(1, REPLY_ATTEMPTS + 1):
        try:
            await call()
            return
        except RetryAfter as exc:
            if attempt == REPLY_ATTEMPTS:
                raise
            await asyncio.sleep(retry_after_seconds(exc))


async def send(update: Update, chat_id: int, message: OutgoingMessage) -> None:
    bot = update.get_bot()
    await _honouring_retry_after(
        lambda: bot.send_message(
            chat_id,
            message.text,
            parse_mode=message.parse_mode,
            reply_markup=keyboard(message),
            link_preview_options=_preview(message),
            disable_notification=message.disable_notification,
        )
    )


async def edit(query: CallbackQuery, message: OutgoingMessage) -> None:
    """Replace the pressed message's text and buttons (pagination edits in place)."""
    await _honouring_retry_after(
        lambda: query.edit_message_text(
            message.text,
            parse_mode=message.parse_mode,
            reply_markup=keyboard(message),
            link_preview_options=_preview(message),
        )
    )


@dataclass(frozen=True, slots=True)
class Press:
    """A button press in a known chat, with the integer arguments its callback data carries."""

    query: CallbackQuery
    services: Services
    chat: Chat
    lang: Lang
    action: str
    args: tuple[int, ...]


async def read_press(update: Update, context: Context, *, arity: int | None = None) -> Press | None:
    """The press behind `update` (with `arity` arguments, when given), or None when there is
    nothing to do.

    Data that cannot be read (forged, or left by an older version of the bot) is answered as
    an expired button, so the client's spinner stops and the user knows why.
    """
    query = update.callback_query
    if query is None:
        return None
    services = context.bot_data.services
    chat = ensure_chat(services, update)
    if chat is None:
        return None
    lang = chat_lang(services, chat)
    try:
        press = callbacks.parse(query.data)
    except CallbackError:
        press = None
    if press is None or (arity is not None and len(press.args) != arity):
        await query.answer(plain("page.expired", lang), show_alert=True)
        return None
    return Press(query, services, chat, lang, press.action, press.args)
