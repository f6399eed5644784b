"""Telegram update handlers: one module per command family, registered in one place."""
