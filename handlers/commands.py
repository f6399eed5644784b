"""The command menu: registered with setMyCommands in Arabic (default) and English, and with
the admin commands added in each administrator's own chat."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.core.texts import Lang, command_descriptions
from bot.services import Context

__all__ = ["set_commands_job"]

log = logging.getLogger(__name__)


def _menu(lang: Lang, *, admin: bool = False) -> list[BotCommand]:
    return [BotCommand(c, d) for c, d in command_descriptions(lang, admin=admin)]


async def set_commands_job(context: Context) -> None:
    """Publish the menu once at start: Arabic for everyone, English for English clients;
    administrators also see /stats and /broadcast in their chat with the bot."""
    try:
        await context.bot.set_my_commands(_menu("ar"))
        await context.bot.set_my_commands(_menu("ar"), language_code="ar")
        await context.bot.set_my_commands(_menu("en"), language_code="en")
    except TelegramError as exc:
        # The bot works without a menu; say so and go on.
        log.warning("setMyCommands failed: %s", exc)
    for admin in context.services.settings.admin_ids:
        scope = BotCommandScopeChat(admin)
        try:
            await context.bot.set_my_commands(_menu("ar", admin=True), scope=scope)
            await context.bot.set_my_commands(
                _menu("en", admin=True), scope=scope, language_code="en"
            )
        except TelegramError as exc:
            # Typically an admin who never opened a chat with the bot («chat not found»).
            log.warning("setMyCommands for admin %s failed: %s", admin, exc)
