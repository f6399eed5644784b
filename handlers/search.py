"""/search and plain text: full-text search over every stored article."""

from __future__ import annotations

from telegram import Update

from bot.chat.greeting import greeting_of
from bot.core.outgoing import OutgoingMessage
from bot.core.texts import addressed, text
from bot.services import Context
from handlers.common import argument, reply, reply_view

__all__ = ["plain_text", "search"]

# A pasted article is not a query: searching for its first words is as good as it gets.
MAX_QUERY_CHARS = 200


async def search(update: Update, context: Context) -> None:
    """Search stored articles (normalized like matching), ranked, 5 a page."""
    message = update.effective_message
    if message is None:
        return
    await _search(update, context, argument(message))


async def plain_text(update: Update, context: Context) -> None:
    """A plain message in a private chat is a search, unless it is a greeting."""
    message = update.effective_message
    if message is None or not message.text:
        return
    greeting = greeting_of(message.text)
    if greeting is not None:
        chat = context.chat
        key = "greeting.salam" if greeting == "salam" else "greeting"
        group = chat is not None and chat.is_group
        answer = text(addressed(key, group=group), context.lang)
        await reply(update, OutgoingMessage(text=answer))
        return
    await _search(update, context, message.text.strip())


async def _search(update: Update, context: Context, query: str) -> None:
    chat = context.chat
    if chat is None:
        return
    query = " ".join(query.split())[:MAX_QUERY_CHARS]
    if not query:
        usage = text(addressed("search.usage", group=chat.is_group), context.lang)
        await reply(update, OutgoingMessage(text=usage))
        return
    await reply_view(update, context, chat, "search", query)
