"""/start and /help: greet with example keywords, resume a chat that had blocked the bot."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.chat.access import is_admin
from bot.core import callbacks
from bot.core.callbacks import CallbackError
from bot.core.outgoing import Button, OutgoingMessage
from bot.core.texts import addressed, plain, text
from bot.services import Context
from handlers.common import reply
from handlers.follow import reply_follow
from storage import chats
from storage.timestamps import utcnow

__all__ = ["example_button", "examples", "help_command", "start"]


def examples(lang: str) -> list[str]:
    """The example keywords of the welcome message."""
    return plain("start.examples", "ar" if lang == "ar" else "en").split("\n")


async def start(update: Update, context: Context) -> None:
    """Welcome (with example keywords as buttons); a chat that had blocked the bot is resumed."""
    services = context.services
    chat_id = update.effective_chat.id if update.effective_chat else None
    before = chats.get_chat(services.db, chat_id) if chat_id is not None else None
    chat = context.chat
    if chat is None:
        return
    lang = context.lang
    if before is not None and not before.active:
        max_age = timedelta(hours=services.settings.parked_max_age_hours)
        chats.reactivate_chat(services.db, chat.id, now=utcnow(), max_age=max_age)
        # A returning user knows the bot: a short line, then their parked alerts.
        await reply(
            update, OutgoingMessage(text=text(addressed("start.again", group=chat.is_group), lang))
        )
        return
    buttons = tuple(
        (Button(text=word, callback_data=callbacks.follow_example(i)),)
        for i, word in enumerate(examples(lang))
    )
    await reply(
        update,
        OutgoingMessage(text=text(addressed("start", group=chat.is_group), lang), buttons=buttons),
    )


async def help_command(update: Update, context: Context) -> None:
    """Every command with one example."""
    services = context.services
    chat = context.chat
    lang = context.lang
    shown = text("help", lang)
    user = update.effective_user
    # The admin commands are listed to admins only, and only in a private chat with the bot.
    if user is not None and is_admin(user.id, services.settings) and chat and chat.id == user.id:
        shown += "\n\n" + text("help.admin", lang)
    await reply(update, OutgoingMessage(text=shown))


async def example_button(update: Update, context: Context) -> None:
    """A welcome example pressed: follow it, as /follow would."""
    query = update.callback_query
    if query is None:
        return
    context.record_chat()
    lang = context.lang
    try:
        (index,) = callbacks.parse(query.data).args
        keyword = examples(lang)[index]
    except (CallbackError, IndexError, ValueError):
        await query.answer(plain("page.expired", lang), show_alert=True)
        return
    await query.answer()
    await reply_follow(update, context, keyword)
