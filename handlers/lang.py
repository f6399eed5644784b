"""/lang ar|en: the chat's reply language, stored."""

from __future__ import annotations

from telegram import Update

from bot.core.outgoing import OutgoingMessage
from bot.core.texts import LANGUAGES, addressed, pick_lang, text
from bot.services import Context
from handlers.access import may_change
from handlers.common import argument, reply
from storage import chats
from storage.timestamps import utcnow

__all__ = ["lang"]


async def lang(update: Update, context: Context) -> None:
    """Set the chat's language; anything but ar/en gets the usage."""
    message = update.effective_message
    chat = context.chat
    if chat is None or message is None:
        return
    wanted = argument(message).lower()
    aliases = {"ar": "ar", "arabic": "ar", "عربي": "ar", "العربية": "ar", "en": "en",
               "english": "en", "إنجليزي": "en", "الإنجليزية": "en"}  # fmt: skip
    code = aliases.get(wanted)
    if code not in LANGUAGES:
        await reply(update, OutgoingMessage(text=text("lang.usage", context.lang)))
        return
    if not await may_change(update, context):  # in a group, only its admins, as every setting
        return
    chosen = pick_lang(code)
    chats.set_language(context.db, chat.id, chosen, now=utcnow())
    await reply(
        update, OutgoingMessage(text=text(addressed("lang.set", group=chat.is_group), chosen))
    )
