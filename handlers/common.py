"""What every handler does the same way: read a command's argument, read a button press,
and send or edit an `OutgoingMessage` (the form render produces) through flood control.
The services, the chat and its language come from the typed context (`bot.services`)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final

from telegram import CallbackQuery, LinkPreviewOptions, Message, Update
from telegram.error import RetryAfter

from bot.chat.listing import render_view
from bot.core import callbacks
from bot.core.callbacks import CallbackError
from bot.core.outgoing import OutgoingMessage
from bot.core.texts import Lang, plain
from bot.deliver.sender import keyboard, retry_after_seconds
from bot.services import Context, Services
from storage.chats import Chat
from storage.views import ViewKind, save_view

__all__ = [
    "argument",
    "edit",
    "reply",
    "reply_view",
    "send",
]

# Tries of one reply under flood control before giving up to the error handler.
REPLY_ATTEMPTS: Final = 4

_COMMAND = re.compile(r"^/\S+[ \t]*\n?")


def argument(message: Message) -> str:
    """The text after the command, new lines kept (`context.args` would split them away)."""
    return _COMMAND.sub("", message.text or "", count=1).strip()


def _preview(message: OutgoingMessage) -> LinkPreviewOptions:
    return LinkPreviewOptions(is_disabled=message.disable_web_page_preview)


async def reply(update: Update, message: OutgoingMessage) -> None:
    """Answer the update's message (or send to its chat, for a button press)."""
    chat = update.effective_chat
    if chat is None:
        return
    await send(update, chat.id, message)


async def reply_view(
    update: Update, context: Context, chat: Chat, kind: ViewKind, query: str = ""
) -> None:
    """Save a new list view of the chat (`kind`, for `query`) and answer with its first page;
    the page buttons read the view back."""
    db = context.db
    view = save_view(db, chat.id, kind, query)
    await reply(
        update, render_view(db, view, 1, lang=context.lang, zone=context.zone, group=chat.is_group)
    )


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
    chat = context.chat
    if chat is None:
        return None
    lang = context.lang
    try:
        press = callbacks.parse(query.data)
    except CallbackError:
        press = None
    if press is None or (arity is not None and len(press.args) != arity):
        await query.answer(plain("page.expired", lang), show_alert=True)
        return None
    return Press(query, context.services, chat, lang, press.action, press.args)
