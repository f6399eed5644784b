"""Stored preferences: zone, quiet hours, mute, subscription modes and expiry."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlite_utils import Database

from bot.core.preferences import ChatPrefs, QuietHours, SubscriptionPrefs
from storage.preferences import (
    chat_prefs,
    expire_mutes,
    expire_subscriptions,
    from_db_time,
    mute_chat,
    set_expiry,
    set_mode,
    set_quiet_hours,
    set_timezone,
    set_urgent,
    subscription_prefs,
    subscription_settings,
    to_db_time,
    unmute_chat,
)

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def add_subscription(db: Database, chat_id: int, query: str) -> int:
    stamp = to_db_time(NOW)
    db.table("chats").insert(
        {"id": chat_id, "created_at": stamp, "updated_at": stamp}, pk="id", ignore=True
    )
    return int(
        db.table("subscriptions")
        .insert({"chat_id": chat_id, "query": query, "query_key": query, "created_at": stamp})
        .last_pk
        or 0
    )


def test_db_time_round_trip_and_order() -> None:
    berlin = datetime(2024, 6, 1, 14, 0, 30, 999, tzinfo=UTC).astimezone()
    assert to_db_time(berlin) == "2024-06-01T14:00:30.000999+00:00"
    assert from_db_time(to_db_time(NOW)) == NOW
    assert to_db_time(NOW) < to_db_time(NOW + timedelta(seconds=1))


def test_unknown_chat_has_defaults(db: Database) -> None:
    assert chat_prefs(db, 5, default_timezone="Asia/Riyadh") == ChatPrefs("Asia/Riyadh")


def test_zone_quiet_and_mute(db: Database) -> None:
    set_timezone(db, 5, "Europe/Berlin", NOW)
    set_quiet_hours(db, 5, QuietHours(time(23), time(7)), NOW)
    mute_chat(db, 5, NOW + timedelta(hours=2), NOW)
    prefs = chat_prefs(db, 5, default_timezone="Asia/Riyadh")
    assert prefs == ChatPrefs(
        "Europe/Berlin",
        quiet=QuietHours(time(23), time(7)),
        muted=True,
        muted_until=NOW + timedelta(hours=2),
    )
    set_quiet_hours(db, 5, None, NOW)
    unmute_chat(db, 5, NOW)
    assert chat_prefs(db, 5, default_timezone="Asia/Riyadh") == ChatPrefs("Europe/Berlin")


def test_expire_mutes(db: Database) -> None:
    mute_chat(db, 1, NOW + timedelta(hours=1), NOW)
    mute_chat(db, 2, None, NOW)
    mute_chat(db, 3, NOW + timedelta(hours=3), NOW)
    assert expire_mutes(db, NOW + timedelta(minutes=59)) == []
    assert expire_mutes(db, NOW + timedelta(hours=1)) == [1]
    assert expire_mutes(db, NOW + timedelta(days=9)) == [3]
    assert chat_prefs(db, 2, default_timezone="UTC").muted


def test_subscription_settings(db: Database) -> None:
    nato = add_subscription(db, 5, "الناتو")
    iran = add_subscription(db, 5, "إيران")
    other = add_subscription(db, 6, "روسيا")
    assert set_mode(db, 5, nato, "daily", time(7, 30))
    assert set_urgent(db, 5, iran, True)
    assert set_expiry(db, 5, iran, NOW + timedelta(days=7))
    assert not set_mode(db, 5, other, "hourly")  # not this chat's
    assert set_mode(db, 6, other, "hourly", time(9))  # a time only matters for daily
    prefs = subscription_prefs(db, [nato, iran, other, 999])
    assert prefs == {
        nato: SubscriptionPrefs(mode="daily", daily_at=time(7, 30)),
        iran: SubscriptionPrefs(urgent=True, expires_at=NOW + timedelta(days=7)),
        other: SubscriptionPrefs(mode="hourly"),
    }
    assert [s.query for s in subscription_settings(db, 5)] == ["الناتو", "إيران"]
    assert subscription_prefs(db, []) == {}


def test_expire_subscriptions(db: Database) -> None:
    keep = add_subscription(db, 5, "الناتو")
    brief = add_subscription(db, 5, "إيران")
    set_expiry(db, 5, brief, NOW + timedelta(days=7))
    assert expire_subscriptions(db, NOW + timedelta(days=6)) == []
    [gone] = expire_subscriptions(db, NOW + timedelta(days=7))
    assert (gone.id, gone.chat_id, gone.query) == (brief, 5, "إيران")
    assert [s.id for s in subscription_settings(db, 5)] == [keep]
