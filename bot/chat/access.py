"""Who may use the bot and who administers it, from the settings' id lists."""

from __future__ import annotations

from bot.core.outgoing import GROUP_KINDS
from bot.settings import Settings

__all__ = ["can_change_subscriptions", "is_admin", "is_allowed"]


def is_allowed(user_id: int | None, settings: Settings) -> bool:
    """Whether this user may use the bot: everyone when the allowlist is empty.

    Admins are always allowed, so that a typo in the allowlist cannot lock them out. An
    update without a user (a channel post) is allowed only when the bot is open.
    """
    if not settings.allowed_user_ids:
        return True
    if user_id is None:
        return False
    return user_id in settings.allowed_user_ids or user_id in settings.admin_ids


def is_admin(user_id: int | None, settings: Settings) -> bool:
    """Whether this user may run the admin commands (/stats, /broadcast)."""
    return user_id is not None and user_id in settings.admin_ids


def can_change_subscriptions(chat_kind: str, member_status: str | None) -> bool:
    """In a group or channel only its admins change what the bot follows; anyone in private.

    `member_status` is the sender's status from getChatMember (None when unknown: refused).
    A message sent on behalf of the group itself (anonymous admin) comes with status
    "administrator" from the caller.
    """
    if chat_kind not in GROUP_KINDS:
        return True
    return member_status in ("creator", "administrator")
