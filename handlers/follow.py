"""/follow KEYWORD: start alerts for a keyword in this chat.

Minimal and real, so that `marsad demo` and the end-to-end tests can follow through actual
updates; the chat-experience handlers (several keywords, near duplicates, preview) replace it.
"""

from __future__ import annotations

from telegram import Update

from bot.matching import QueryError, parse_query
from bot.services import Context
from bot.texts import pick_lang, query_error, text
from storage import chats, subscriptions
from storage.timestamps import utcnow

__all__ = ["follow"]


async def follow(update: Update, context: Context) -> None:
    """Subscribe the chat to the query after the command; reply what was added or why not."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None or message.text is None:
        return
    services = context.bot_data.services
    user = update.effective_user
    lang = pick_lang(user.language_code if user else None, pick_lang(services.settings.language))
    raw = message.text.partition(" ")[2].strip()
    if not raw:
        await message.reply_html(text("follow.usage", lang))
        return
    try:
        query = parse_query(raw)
    except QueryError as exc:
        await message.reply_html(
            text("follow.invalid", lang, query=raw, reason=query_error(exc.code, lang))
        )
        return
    now = utcnow()
    chats.upsert_chat(services.db, chat.id, kind=chat.type, title=chat.title, now=now)
    if any(
        s.query_key == query.key for s in subscriptions.list_subscriptions(services.db, chat.id)
    ):
        await message.reply_html(text("follow.duplicate", lang, query=query.text))
        return
    subscription = subscriptions.add_subscription(
        services.db, chat.id, query.text, query.key, now=now
    )
    services.index.add(subscription.id, query)
    await message.reply_html(text("follow.added", lang, query=query.text))
