"""Telegram update handlers: one module per command family, registered in one place."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import admin, fallback, feeds, preferences, transfer
from handlers.commands import set_commands_job
from handlers.errors import error_handler, gatekeeper
from handlers.follow import follow, unfollow, unfollow_button
from handlers.lang import lang
from handlers.lists import full_text_button, list_command, noop_button, page_button, recent
from handlers.search import plain_text, search
from handlers.start import example_button, help_command, start

__all__ = ["register"]


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Every handler, in the order PTB tries them."""
    # Group -1 runs before everything: it stops updates from users outside the allow-list.
    application.add_handler(TypeHandler(Update, gatekeeper), group=-1)

    # First: an edited message is not acted on again (PTB's handlers would run it twice).
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, fallback.edited_message))
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("help", help_command))
    application.add_handler(CommandHandler("follow", follow))
    application.add_handler(CommandHandler("unfollow", unfollow))
    application.add_handler(CommandHandler("list", list_command))
    application.add_handler(CommandHandler("recent", recent))
    application.add_handler(CommandHandler("search", search))
    application.add_handler(CommandHandler("lang", lang))
    # Delivery preferences, groups and administration.
    application.add_handler(CommandHandler("mode", preferences.mode))
    application.add_handler(CommandHandler("quiet", preferences.quiet))
    application.add_handler(CommandHandler("urgent", preferences.urgent))
    application.add_handler(CommandHandler("mute", preferences.mute))
    application.add_handler(CommandHandler("unmute", preferences.unmute))
    application.add_handler(CommandHandler("tz", preferences.tz))
    application.add_handler(CommandHandler("export", transfer.export))
    application.add_handler(CommandHandler("import", transfer.import_reply))
    application.add_handler(CommandHandler("stats", admin.stats))
    application.add_handler(CommandHandler("broadcast", admin.broadcast))
    # The feed collector's sources (admins).
    application.add_handler(CommandHandler("feeds", feeds.feeds))

    # Buttons: the prefix is the action written by bot.core.callbacks.
    application.add_handler(CallbackQueryHandler(full_text_button, pattern=r"^full:"))
    application.add_handler(CallbackQueryHandler(unfollow_button, pattern=r"^unf:"))
    application.add_handler(CallbackQueryHandler(page_button, pattern=r"^pg:"))
    application.add_handler(CallbackQueryHandler(example_button, pattern=r"^ex:"))
    application.add_handler(CallbackQueryHandler(noop_button, pattern=r"^noop$"))
    application.add_handler(CallbackQueryHandler(preferences.mode_button, pattern=r"^(mp|ms):"))
    application.add_handler(CallbackQueryHandler(feeds.feeds_button, pattern=r"^fd:"))

    # An export file sent back in a private chat restores it (in groups: /import as a reply).
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.Document.FileExtension("json"),
            transfer.import_document,
        )
    )

    # Last: any other text in a private chat is a search (in groups it is conversation).
    application.add_handler(
        MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, plain_text)
    )
    # What no handler above took: an unknown command, a sticker or photo, an unknown button.
    # Each answers in private chats only; in groups the bot stays quiet.
    application.add_handler(MessageHandler(filters.COMMAND, fallback.unknown_command))
    application.add_handler(MessageHandler(filters.ATTACHMENT, fallback.not_text))
    application.add_handler(CallbackQueryHandler(fallback.unknown_button))

    application.add_error_handler(error_handler)
    if application.job_queue is not None:
        application.job_queue.run_once(set_commands_job, 0, name="set-commands")
