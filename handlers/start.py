"""/start: greet, remember the chat, and resume alerts for a chat that had blocked the bot."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.services import Context
from bot.texts import pick_lang, text
from storage import chats
from storage.timestamps import utcnow

__all__ = ["start"]


async def start(update: Update, context: Context) -> None:
    """Register the chat (or welcome it back, queueing its parked alerts) and greet."""
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None:
        return
    services = context.bot_data.services
    now = utcnow()
    known = chats.get_chat(services.db, chat.id)
    chats.upsert_chat(services.db, chat.id, kind=chat.type, title=chat.title, now=now)
    user = update.effective_user
    lang = pick_lang(user.language_code if user else None, pick_lang(services.settings.language))
    if known is not None and not known.active:
        max_age = timedelta(hours=services.settings.parked_max_age_hours)
        chats.reactivate_chat(services.db, chat.id, now=now, max_age=max_age)
        await message.reply_html(text("start.again", lang))
        return
    await message.reply_html(text("start", lang))
