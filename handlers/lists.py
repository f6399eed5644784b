"""/list and /recent, the ◀ ▶ page buttons and the «النص الكامل» button."""

from __future__ import annotations

from telegram import Update
from telegram.error import BadRequest

from bot.chat.listing import render_view
from bot.core.outgoing import OutgoingMessage
from bot.core.texts import plain, text
from bot.deliver.render import render_full_text
from bot.services import Context
from handlers.common import argument, edit, read_press, reply, reply_view
from storage.articles import get_article
from storage.views import get_view

__all__ = ["full_text_button", "list_command", "noop_button", "page_button", "recent"]


async def list_command(update: Update, context: Context) -> None:
    """The chat's subscriptions with their delivery modes, paginated."""
    chat = context.chat
    if chat is None:
        return
    await reply_view(update, context, chat, "list")


async def recent(update: Update, context: Context) -> None:
    """Newest articles that matched the chat's subscriptions, or the given keyword; 5 a page."""
    message = update.effective_message
    chat = context.chat
    if chat is None or message is None:
        return
    await reply_view(update, context, chat, "recent", argument(message))


async def page_button(update: Update, context: Context) -> None:
    """◀ / ▶: show another page of the same list, editing the message in place."""
    press = await read_press(update, context, arity=2)
    if press is None:
        return
    query, services, chat, lang = press.query, press.services, press.chat, press.lang
    view_id, page = press.args
    view = get_view(services.db, view_id, chat.id)
    if view is None:
        await query.answer(plain("page.expired", lang), show_alert=True)
        return
    await query.answer()
    shown = render_view(services.db, view, page, lang=lang, zone=context.zone, group=chat.is_group)
    try:
        await edit(query, shown)
    except BadRequest as exc:
        # Pressing the page already shown changes nothing, which Telegram reports as an error.
        if "not modified" not in str(exc).lower():
            raise


async def noop_button(update: Update, context: Context) -> None:
    """The «2/5» position button: nothing to do but stop the client's spinner."""
    if update.callback_query is not None:
        await update.callback_query.answer()


async def full_text_button(update: Update, context: Context) -> None:
    """«النص الكامل»: send the cleaned article, split into messages under 4096 characters."""
    press = await read_press(update, context, arity=1)
    if press is None:
        return
    query, services, lang = press.query, press.services, press.lang
    try:
        article = get_article(services.db, press.args[0])
    except KeyError:
        await query.answer()
        await reply(update, OutgoingMessage(text=text("full.missing", lang)))
        return
    await query.answer()
    for part in render_full_text(article, lang=lang, zone=context.zone):
        await reply(update, part)
