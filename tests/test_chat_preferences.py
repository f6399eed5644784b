"""The preference commands' logic: arguments, stored effect, and the reply chosen."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlite_utils import Database

from bot.chat.preferences import (
    Reply,
    mode_command,
    mute_command,
    quiet_command,
    split_mode_args,
    tz_command,
    unmute_command,
    urgent_command,
)
from bot.core.preferences import PreferenceError, QuietHours, SubscriptionPrefs
from bot.core.texts import text
from bot.match.following import find_subscription
from storage.digests import due_chats, hold_alert
from storage.preferences import chat_prefs, subscription_settings, to_db_time

NOW = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)  # 12:00 in Riyadh
ZONE = "Asia/Riyadh"


def add_subscription(db: Database, chat_id: int, query: str) -> int:
    stamp = to_db_time(NOW)
    db.table("chats").insert({"id": chat_id, "created_at": stamp, "updated_at": stamp}, ignore=True)
    row = {"chat_id": chat_id, "query": query, "query_key": key(query), "created_at": stamp}
    return int(db.table("subscriptions").insert(row).last_pk or 0)


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("الناتو daily 08:00", ("الناتو", "daily", time(8))),
        ("كوريا الشمالية daily 7:30", ("كوريا الشمالية", "daily", time(7, 30))),
        ("كوريا الشمالية hourly", ("كوريا الشمالية", "hourly", None)),
        ("الناتو يومي ٠٩:٠٠", ("الناتو", "daily", time(9))),
        ("الناتو كل ساعة", ("الناتو", "hourly", None)),
        ("الناتو instant", ("الناتو", "instant", None)),
        ("الناتو daily", ("الناتو", "daily", None)),
        ("الناتو", None),
        ("daily", None),
        ("", None),
    ],
)
def test_split_mode_args(arg: str, expected: object) -> None:
    assert split_mode_args(arg) == expected


@pytest.mark.parametrize(
    ("arg", "code"),
    [
        ("الناتو hourly 08:00", "bad_time"),
        ("الناتو daily 25:00", "bad_time"),
        ("الناتو daily 8:75", "bad_time"),
        ("كوريا الشمالية يومي غدا", "bad_time"),
        ("الناتو كل ساعة 9", "bad_time"),
        ("الناتو blah 08:00", "bad_mode"),
        ("الناتو weekly", "bad_mode"),
        ("الناتو أسبوعي", "bad_mode"),
        ("كوريا الشمالية monthly", "bad_mode"),
        ("الناتو 08:00", "bad_mode"),
        ("الناتو 08:00 xx", "bad_mode"),
    ],
)
def test_split_mode_args_rejects(arg: str, code: str) -> None:
    with pytest.raises(PreferenceError) as caught:
        split_mode_args(arg)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("arg", "key"),
    [
        ("الناتو weekly", "mode.bad_mode"),
        ("الناتو daily 25:00", "mode.bad_time"),
        ("الناتو", "mode.usage"),
    ],
)
def test_mode_bad_argument_gets_its_own_message(db: Database, arg: str, key: str) -> None:
    add_subscription(db, 1, "الناتو")
    reply = mode_command(db, 1, arg, NOW, default_zone=ZONE)
    assert reply.key == key
    # Each message shows a working example (bidi isolates aside).
    shown = text(key, "ar", **reply.values)
    assert "/mode الناتو daily 08:00" in "".join(
        c for c in shown if c not in "\u2066\u2067\u2068\u2069"
    )


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("كوريا  الشماليّة", "كوريا الشمالية"),
        ("ناتو", "الناتو"),
        ("حلف شمال الأطلسي", "الناتو"),  # an alias: /unfollow finds it, so /mode does too
        ("إيران", None),
        ("  ", None),
    ],
)
def test_settings_commands_find_subscriptions_as_unfollow_does(
    db: Database, said: str, meant: str | None
) -> None:
    add_subscription(db, 1, "كوريا الشمالية")
    add_subscription(db, 1, "الناتو")
    found = find_subscription(said, subscription_settings(db, 1))
    assert (found.query if found else None) == meant


def test_tz(db: Database) -> None:
    assert tz_command(db, 1, "", NOW, default_zone=ZONE) == Reply(
        "tz.show", {"zone": ZONE, "now": "2024-06-01 12:00"}
    )
    assert tz_command(db, 1, "europe/berlin", NOW, default_zone=ZONE) == Reply(
        "tz.set", {"zone": "Europe/Berlin", "now": "2024-06-01 11:00"}
    )
    assert tz_command(db, 1, "Mars/Base", NOW, default_zone=ZONE).key == "tz.bad_zone"
    assert chat_prefs(db, 1, default_timezone=ZONE).timezone == "Europe/Berlin"


@pytest.mark.parametrize(
    ("arg", "key"),
    [
        ("23:00-07:00", "quiet.set"),
        ("25:00-07:00", "quiet.bad_range"),
        ("7-7", "quiet.empty_range"),
        ("tonight", "quiet.bad_range"),
    ],
)
def test_quiet_arguments(db: Database, arg: str, key: str) -> None:
    assert quiet_command(db, 1, arg, NOW, default_zone=ZONE).key == key


def test_quiet_set_show_off(db: Database) -> None:
    assert quiet_command(db, 1, "", NOW, default_zone=ZONE).key == "quiet.none"
    quiet_command(db, 1, "٢٣-٧", NOW, default_zone=ZONE)
    assert chat_prefs(db, 1, default_timezone=ZONE).quiet == QuietHours(time(23), time(7))
    assert quiet_command(db, 1, "", NOW, default_zone=ZONE) == Reply(
        "quiet.show", {"window": "23:00-07:00", "zone": ZONE}
    )
    assert quiet_command(db, 1, "off", NOW, default_zone=ZONE).key == "quiet.off"
    assert chat_prefs(db, 1, default_timezone=ZONE).quiet is None


def test_mute_and_unmute(db: Database) -> None:
    assert unmute_command(db, 1, NOW, default_zone=ZONE).key == "unmute.not_muted"
    assert mute_command(db, 1, "2h", NOW, default_zone=ZONE) == Reply(
        "mute.until", {"until": "2024-06-01 14:00"}
    )
    prefs = chat_prefs(db, 1, default_timezone=ZONE)
    assert prefs.muted and prefs.muted_until == NOW + timedelta(hours=2)
    assert mute_command(db, 1, "forever", NOW, default_zone=ZONE).key == "mute.bad_duration"
    assert mute_command(db, 1, "900d", NOW, default_zone=ZONE).key == "mute.too_long"
    assert mute_command(db, 1, "", NOW, default_zone=ZONE).key == "mute.forever"
    assert chat_prefs(db, 1, default_timezone=ZONE).muted_until is None
    assert unmute_command(db, 1, NOW, default_zone=ZONE).key == "unmute.nothing"
    assert not chat_prefs(db, 1, default_timezone=ZONE).muted


def test_unmute_makes_held_alerts_due(db: Database) -> None:
    mute_command(db, 1, "", NOW, default_zone=ZONE)
    for n in range(3):
        row = db.table("outbox").insert(
            {
                "chat_id": 1,
                "dedup_key": f"s{n}",
                "payload": "{}",
                "status": "pending",
                "next_attempt_at": to_db_time(NOW),
                "created_at": to_db_time(NOW),
            }
        )
        hold_alert(db, int(row.last_pk or 0), reason="mute", release_at=None)
    assert due_chats(db, NOW) == []
    assert unmute_command(db, 1, NOW, default_zone=ZONE) == Reply("unmute.done", {"count": 3})
    assert due_chats(db, NOW) == [1]


def test_mode(db: Database) -> None:
    sub = add_subscription(db, 1, "الناتو")
    assert mode_command(db, 1, "الناتو daily 07:30", NOW, default_zone=ZONE) == Reply(
        "mode.set_daily", {"query": "الناتو", "time": "07:30"}
    )
    # Switching to daily without a time keeps the time chosen before.
    mode_command(db, 1, "الناتو hourly", NOW, default_zone=ZONE)
    assert mode_command(db, 1, "الناتو daily", NOW, default_zone=ZONE) == Reply(
        "mode.set_daily", {"query": "الناتو", "time": "07:30"}
    )
    assert mode_command(db, 1, "الناتو فوري", NOW, default_zone=ZONE).key == "mode.set_instant"
    [settings] = subscription_settings(db, 1)
    assert settings.id == sub and settings.prefs == SubscriptionPrefs()
    assert mode_command(db, 1, "إيران hourly", NOW, default_zone=ZONE).key == "sub.not_found"
    assert mode_command(db, 1, "الناتو", NOW, default_zone=ZONE).key == "mode.usage"
    assert mode_command(db, 1, "الناتو hourly 08:00", NOW, default_zone=ZONE).key == "mode.bad_time"


def test_mode_switch_brings_held_digests_forward(db: Database) -> None:
    add_subscription(db, 1, "الناتو")
    mode_command(db, 1, "الناتو daily 08:00", NOW, default_zone=ZONE)
    row = db.table("outbox").insert(
        {
            "chat_id": 1,
            "dedup_key": "s",
            "payload": "{}",
            "status": "pending",
            "next_attempt_at": to_db_time(NOW),
            "created_at": to_db_time(NOW),
        }
    )
    hold_alert(db, int(row.last_pk or 0), reason="digest", release_at=NOW + timedelta(hours=20))
    mode_command(db, 1, "الناتو hourly", NOW, default_zone=ZONE)
    assert due_chats(db, NOW + timedelta(hours=1)) == [1]
    mode_command(db, 1, "الناتو instant", NOW, default_zone=ZONE)
    assert due_chats(db, NOW) == [1]


def test_urgent_toggles(db: Database) -> None:
    add_subscription(db, 1, "الناتو")
    assert urgent_command(db, 1, "") == Reply("urgent.usage")
    assert urgent_command(db, 1, "الناتو") == Reply("urgent.on", {"query": "الناتو"})
    assert urgent_command(db, 1, "") == Reply("urgent.list", {"queries": "الناتو"})
    assert urgent_command(db, 1, "النّاتو") == Reply("urgent.off", {"query": "الناتو"})
    assert urgent_command(db, 1, "إيران").key == "sub.not_found"


def test_export_reads_back(db: Database) -> None:
    from bot.chat.preferences import export_chat
    from bot.chat.transfer import SubscriptionEntry, load_document

    add_subscription(db, 1, "الناتو")
    add_subscription(db, 1, "كوريا الشمالية")
    mode_command(db, 1, "الناتو daily 07:30", NOW, default_zone=ZONE)
    urgent_command(db, 1, "كوريا الشمالية")
    quiet_command(db, 1, "23-7", NOW, default_zone=ZONE)
    loaded = load_document(export_chat(db, 1, NOW, default_zone=ZONE))
    assert loaded.invalid == ()
    assert loaded.settings is not None
    assert (loaded.settings.timezone, loaded.settings.quiet_hours) == (ZONE, "23:00-07:00")
    assert [entry for _, entry in loaded.entries] == [
        SubscriptionEntry(query="الناتو", mode="daily", daily_at="07:30"),
        SubscriptionEntry(query="كوريا الشمالية", urgent=True),
    ]


def key(query: str) -> str:
    from bot.core.arabic import normalize

    return " ".join(normalize(query).split())


def no_letters(query: str) -> str | None:
    return None if any(c.isalpha() for c in query) else "no_letters"


def test_import_round_trip_into_another_chat(db: Database) -> None:
    from bot.chat.preferences import export_chat, import_chat

    add_subscription(db, 1, "الناتو")
    mode_command(db, 1, "الناتو daily 07:30", NOW, default_zone=ZONE)
    add_subscription(db, 1, "إيران")
    urgent_command(db, 1, "إيران")
    tz_command(db, 1, "Europe/Berlin", NOW, default_zone=ZONE)
    quiet_command(db, 1, "22-6", NOW, default_zone=ZONE)
    data = export_chat(db, 1, NOW, default_zone=ZONE)
    add_subscription(db, 2, "النّاتو")
    outcome = import_chat(
        db, 2, data, NOW, key=key, check_query=no_letters, limit=50, max_bytes=100_000
    )
    assert outcome.error is None and outcome.plan is not None
    assert [e.query for e in outcome.plan.add] == ["إيران"]
    assert [query for _, query in outcome.added] == ["إيران"]
    assert outcome.plan.skipped == [("الناتو", "exists")]
    subs = {s.query: s for s in subscription_settings(db, 2)}
    assert subs["إيران"].urgent and subs["إيران"].query_key == key("إيران")
    prefs = chat_prefs(db, 2, default_timezone=ZONE)
    assert prefs.timezone == "Europe/Berlin" and prefs.quiet == QuietHours(time(22), time(6))
    # Importing the same file again adds nothing.
    again = import_chat(
        db, 2, data, NOW, key=key, check_query=no_letters, limit=50, max_bytes=100_000
    )
    assert again.plan is not None and again.plan.add == []


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"x" * 2000, "import.too_large"),
        (b"\x89PNG\r\n\x1a\n\xff\xff", "import.not_utf8"),
        (b"hello", "import.not_json"),
        (b'{"format": "other"}', "import.wrong_format"),
    ],
)
def test_import_unusable_files(db: Database, data: bytes, code: str) -> None:
    from bot.chat.preferences import import_chat

    outcome = import_chat(
        db, 1, data, NOW, key=key, check_query=no_letters, limit=50, max_bytes=1000
    )
    assert outcome.error is not None and outcome.error.key == code
    assert subscription_settings(db, 1) == []
