"""Outgoing messages: what the outbox stores and the sender hands to the Bot API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = ["GROUP_KINDS", "Button", "OutgoingMessage"]


class Button(BaseModel):
    """An inline keyboard button: exactly one of callback data (≤ 64 bytes) or a URL."""

    model_config = ConfigDict(frozen=True)

    text: str
    callback_data: str | None = None
    url: str | None = None

    @model_validator(mode="after")
    def _one_action(self) -> Button:
        if (self.callback_data is None) == (self.url is None):
            raise ValueError("a button needs exactly one of callback_data or url")
        if self.callback_data is not None and len(self.callback_data.encode()) > 64:
            raise ValueError("callback_data is over Telegram's 64 bytes")
        return self


class OutgoingMessage(BaseModel):
    """A rendered message, persisted as JSON in the outbox before it is sent."""

    model_config = ConfigDict(frozen=True)

    text: str
    parse_mode: Literal["HTML"] | None = "HTML"
    buttons: tuple[tuple[Button, ...], ...] = ()
    disable_notification: bool = False
    disable_web_page_preview: bool = True


# Chat kinds where many people read the same alerts and only admins may change them.
GROUP_KINDS = frozenset({"group", "supergroup", "channel"})
