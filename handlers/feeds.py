"""/feeds and its buttons: the collector's feeds, managed by the bot's administrators."""

from __future__ import annotations

from telegram import Update

from bot.chat.access import is_admin
from bot.chat.feeds import feeds_command, press_feed_button
from bot.core.texts import plain
from bot.services import Context
from handlers.access import require_admin
from handlers.common import edit, read_press, reply

__all__ = ["feeds", "feeds_button"]


async def feeds(update: Update, context: Context) -> None:
    """/feeds [add URL [SECONDS] | remove N | pause N | resume N]."""
    if update.effective_message is None or not await require_admin(update, context):
        return
    services = context.services
    answer = await feeds_command(
        services.db,
        services.settings,
        list(context.args or []),
        services.clock(),
        context.lang,
    )
    await reply(update, answer)


async def feeds_button(update: Update, context: Context) -> None:
    """A pause, resume or remove button under the /feeds list."""
    press = await read_press(update, context, arity=2)
    if press is None:
        return
    user = update.effective_user
    if not is_admin(user.id if user else None, press.services.settings):
        await press.query.answer(plain("admin.only", press.lang), show_alert=True)
        return
    feed_id, action = press.args
    answer, listing = press_feed_button(
        press.services.db,
        press.services.settings,
        feed_id,
        action,
        press.services.clock(),
        press.lang,
    )
    await press.query.answer(answer)
    await edit(press.query, listing)
