"""Telegram update handlers: one module per command family, registered in one place."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CommandHandler

from handlers.follow import follow
from handlers.start import start

__all__ = ["register"]


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Every handler, in the order PTB tries them."""
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("follow", follow))
