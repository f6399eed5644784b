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

from handlers import access, admin, preferences, transfer
from handlers.follow import follow
from handlers.start import start

__all__ = ["register"]


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Every handler, in the order PTB tries them."""
    # Group -1 runs first for every update: the allowlist stops strangers before any command.
    application.add_handler(TypeHandler(Update, access.guard), group=-1)
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("follow", follow))
    # Delivery preferences, groups and administration (issue 6).
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
    application.add_handler(CallbackQueryHandler(preferences.mode_button, pattern=r"^(mp|ms):"))
    # An export file sent back in a private chat restores it (in groups: /import as a reply).
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.Document.FileExtension("json"),
            transfer.import_document,
        )
    )
