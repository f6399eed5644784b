"""The command menu: registered with setMyCommands in Arabic (default) and English."""

from __future__ import annotations

import logging

from telegram import BotCommand
from telegram.error import TelegramError

from bot.services import Context
from bot.texts import command_descriptions

__all__ = ["set_commands_job"]

log = logging.getLogger(__name__)


async def set_commands_job(context: Context) -> None:
    """Publish the menu once at start: Arabic for everyone, English for English clients."""
    arabic = [BotCommand(c, d) for c, d in command_descriptions("ar")]
    english = [BotCommand(c, d) for c, d in command_descriptions("en")]
    try:
        await context.bot.set_my_commands(arabic)
        await context.bot.set_my_commands(arabic, language_code="ar")
        await context.bot.set_my_commands(english, language_code="en")
    except TelegramError as exc:
        # The bot works without a menu; say so and go on.
        log.warning("setMyCommands failed: %s", exc)
