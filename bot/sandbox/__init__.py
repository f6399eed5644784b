"""A local stand-in for the Telegram Bot API, faithful enough to run the real bot against.

Used by `marsad demo`, the end-to-end tests and the benchmarks; `marsad sandbox` serves it.
"""

from bot.sandbox.html import Entity, EntityParseError, parse_html, utf16_len
from bot.sandbox.limits import Faults, FloodControl, Limits
from bot.sandbox.server import DEFAULT_TOKEN, Sandbox
from bot.sandbox.world import (
    ApiError,
    Event,
    SandboxChat,
    SandboxError,
    SandboxUser,
    SandboxWorld,
    StoredMessage,
)

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "Entity",
    "EntityParseError",
    "Event",
    "Faults",
    "FloodControl",
    "Limits",
    "Sandbox",
    "SandboxChat",
    "SandboxError",
    "SandboxUser",
    "SandboxWorld",
    "StoredMessage",
    "parse_html",
    "utf16_len",
]
