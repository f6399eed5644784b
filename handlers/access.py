"""Who may change a group's subscriptions, and who may run the admin commands.

(The allow-list itself is `handlers.errors.gatekeeper`, with the rule of `bot.chat.access`.)
`may_change` is the group-admin check the commands that change subscriptions or settings
call: in a group, only its admins (asked through getChatMember) may change them.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.chat.access import can_change_subscriptions, is_admin
from bot.core.outgoing import GROUP_KINDS, OutgoingMessage
from bot.core.texts import text
from bot.services import Context
from handlers.common import reply

__all__ = ["may_change", "require_admin"]

log = logging.getLogger(__name__)


async def may_change(update: Update, context: Context) -> bool:
    """In a group: True only for its admins (replying to anyone else). Elsewhere: True.

    A message sent as the group itself (an anonymous admin) counts as an admin's. When
    Telegram cannot say (network error), the change is refused rather than allowed.
    """
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or chat.type not in GROUP_KINDS:
        return True
    if (
        message is not None
        and message.sender_chat is not None
        and message.sender_chat.id == chat.id
    ):
        return True
    user = update.effective_user
    status: str | None = None
    if user is not None:
        try:
            member = await context.bot.get_chat_member(chat.id, user.id)
            status = str(member.status)
        except TelegramError as exc:
            log.warning("getChatMember(%s, %s) failed: %s", chat.id, user.id, exc)
    if can_change_subscriptions(chat.type, status):
        return True
    lang = context.lang
    if update.callback_query is not None:
        await update.callback_query.answer(text("group.admins_only", lang), show_alert=True)
    elif message is not None:
        await reply(update, OutgoingMessage(text=text("group.admins_only", lang)))
    return False


async def require_admin(update: Update, context: Context) -> bool:
    """True for a bot administrator (MARSAD_ADMIN_IDS); anyone else gets a refusal."""
    user = update.effective_user
    if is_admin(user.id if user else None, context.services.settings):
        return True
    if update.effective_message is not None:
        await reply(update, OutgoingMessage(text=text("admin.only", context.lang)))
    return False
