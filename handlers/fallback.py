"""What nothing else handles: unknown commands, messages that are not text, edited messages and
buttons the bot no longer knows. In a private chat each gets a short reply that says what to do
instead; in a group the bot stays quiet (it must not answer every sticker or other bot's command).
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.core.outgoing import OutgoingMessage
from bot.core.texts import clip, plain, text
from bot.services import Context
from handlers.common import reply

__all__ = ["edited_message", "not_text", "unknown_button", "unknown_command"]


def _private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


async def _answer(update: Update, context: Context, key: str, **values: object) -> None:
    context.record_chat()
    await reply(update, OutgoingMessage(text=text(key, context.lang, **values)))


async def unknown_command(update: Update, context: Context) -> None:
    """A command the bot does not have: name it and point to /help."""
    message = update.effective_message
    if message is None or not message.text or not _private(update):
        return
    command = message.text.split(maxsplit=1)[0]
    await _answer(update, context, "unknown.command", command=clip(command, 40))


async def not_text(update: Update, context: Context) -> None:
    """A sticker, photo, voice note or file where text was expected: say what the bot reads."""
    if _private(update):
        await _answer(update, context, "unknown.not_text")


async def edited_message(update: Update, context: Context) -> None:
    """An edited message is not acted on again (an edited /follow would follow twice); in a
    private chat the user is told to send the corrected text as a new message."""
    if _private(update):
        await _answer(update, context, "unknown.edited")
    raise ApplicationHandlerStop


async def unknown_button(update: Update, context: Context) -> None:
    """A button whose data no handler knows (an old keyboard, a forged press): stop the
    client's spinner with the same words as an expired list."""
    query = update.callback_query
    if query is None:
        return
    context.record_chat()
    await query.answer(plain("page.expired", context.lang), show_alert=True)
