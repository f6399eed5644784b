"""Access control: allowlist, admins, group admins."""

from __future__ import annotations

import pytest

from bot.chat.access import can_change_subscriptions, is_admin, is_allowed
from bot.settings import Settings, load_settings


@pytest.fixture
def closed() -> Settings:
    return load_settings(allowed_user_ids="10,11", admin_ids="99")


@pytest.mark.parametrize(
    ("user_id", "allowed"), [(10, True), (11, True), (12, False), (99, True), (None, False)]
)
def test_allowlist(closed: Settings, user_id: int | None, allowed: bool) -> None:
    assert is_allowed(user_id, closed) is allowed


@pytest.mark.parametrize("user_id", [1, 12345, None])
def test_empty_allowlist_is_open(settings: Settings, user_id: int | None) -> None:
    assert is_allowed(user_id, settings)


@pytest.mark.parametrize(("user_id", "admin"), [(99, True), (10, False), (None, False)])
def test_admins(closed: Settings, user_id: int | None, admin: bool) -> None:
    assert is_admin(user_id, closed) is admin


def test_no_admins_configured(settings: Settings) -> None:
    assert not is_admin(1, settings)


@pytest.mark.parametrize(
    ("kind", "status", "can"),
    [
        ("private", None, True),
        ("private", "member", True),
        ("group", "creator", True),
        ("group", "administrator", True),
        ("supergroup", "administrator", True),
        ("supergroup", "member", False),
        ("group", "restricted", False),
        ("group", "left", False),
        ("supergroup", None, False),
        ("channel", "administrator", True),
    ],
)
def test_group_admin_check(kind: str, status: str | None, can: bool) -> None:
    assert can_change_subscriptions(kind, status) is can
