"""Durations, clock times, quiet hours, zones, digest schedules and the delivery decision."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.preferences import (
    ChatPrefs,
    Decision,
    PreferenceError,
    QuietHours,
    SubscriptionPrefs,
    decide,
    format_duration,
    next_daily,
    next_hourly,
    parse_clock,
    parse_duration,
    parse_mode,
    parse_quiet_hours,
    resolve_timezone,
    silence_alert_due,
    split_follow_duration,
)

RIYADH = ZoneInfo("Asia/Riyadh")
BERLIN = ZoneInfo("Europe/Berlin")


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2h", timedelta(hours=2)),
        ("1d", timedelta(days=1)),
        ("7d", timedelta(days=7)),
        ("30m", timedelta(minutes=30)),
        ("1h30m", timedelta(minutes=90)),
        ("1d 12h", timedelta(hours=36)),
        ("90 min", timedelta(minutes=90)),
        ("2 hours", timedelta(hours=2)),
        ("1.5h", timedelta(minutes=90)),
        ("2W", timedelta(days=14)),
        ("3", timedelta(hours=3)),
        ("٢h", timedelta(hours=2)),
        ("٣ أيام", timedelta(days=3)),
        ("ساعتين", timedelta(hours=2)),
        ("ساعة", timedelta(hours=1)),
        ("ساعه", timedelta(hours=1)),
        ("يوم", timedelta(days=1)),
        ("يومين", timedelta(days=2)),
        ("أسبوع", timedelta(days=7)),
        ("اسبوعين", timedelta(days=14)),
        ("٤٥ دقيقة", timedelta(minutes=45)),
        ("ساعة و30 دقيقة", timedelta(minutes=90)),
        ("يوم وساعتين", timedelta(hours=26)),
        ("5 س", timedelta(hours=5)),
    ],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "bad_duration"),
        ("soon", "bad_duration"),
        ("h", "bad_duration"),
        ("2x", "bad_duration"),
        ("-2h", "bad_duration"),
        ("2h foo", "bad_duration"),
        ("10s", "bad_duration"),
        ("0h", "bad_duration"),
        ("بكرة", "bad_duration"),
        ("400d", "too_long"),
    ],
)
def test_parse_duration_rejects(text: str, code: str) -> None:
    with pytest.raises(PreferenceError) as info:
        parse_duration(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("duration", "text"),
    [(timedelta(hours=2), "2h"), (timedelta(days=1, hours=3), "1d 3h"), (timedelta(0), "0m")],
)
def test_format_duration(duration: timedelta, text: str) -> None:
    assert format_duration(duration) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:00", time(8, 0)),
        ("8:30", time(8, 30)),
        ("8", time(8, 0)),
        ("20.15", time(20, 15)),
        ("٠٨:٠٠", time(8, 0)),
        ("23:59", time(23, 59)),
        ("00:00", time(0, 0)),
        ("8pm", time(20, 0)),
        ("12am", time(0, 0)),
        ("8 م", time(20, 0)),
        ("7 ص", time(7, 0)),
    ],
)
def test_parse_clock(text: str, expected: time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["24:00", "8:60", "soon", "", "8:5", "13pm", "-1", "08:00:00"])
def test_parse_clock_rejects(text: str) -> None:
    with pytest.raises(PreferenceError) as info:
        parse_clock(text)
    assert info.value.code == "bad_time"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("23:00-07:00", time(23), time(7)),
        ("23-7", time(23), time(7)),
        ("22:30 – 06:15", time(22, 30), time(6, 15)),
        ("٢٣:٠٠-٠٧:٠٠", time(23), time(7)),
        ("من 23 إلى 7", time(23), time(7)),
        ("13:00 to 14:00", time(13), time(14)),
    ],
)
def test_parse_quiet_hours(text: str, start: time, end: time) -> None:
    assert parse_quiet_hours(text) == QuietHours(start, end)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("23:00", "bad_range"),
        ("25:00-07:00", "bad_range"),
        ("7-7", "empty_range"),
        ("a-b", "bad_range"),
    ],
)
def test_parse_quiet_hours_rejects(text: str, code: str) -> None:
    with pytest.raises(PreferenceError) as info:
        parse_quiet_hours(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("local", "inside"),
    [
        (time(22, 59), False),
        (time(23, 0), True),
        (time(0, 0), True),
        (time(3, 30), True),
        (time(6, 59), True),
        (time(7, 0), False),
        (time(12, 0), False),
    ],
)
def test_quiet_hours_across_midnight(local: time, inside: bool) -> None:
    quiet = QuietHours(time(23), time(7))
    moment = datetime.combine(datetime(2024, 6, 1).date(), local, tzinfo=RIYADH)
    assert quiet.contains(moment, RIYADH) is inside


def test_quiet_hours_same_day_window() -> None:
    quiet = QuietHours(time(13), time(14))
    assert quiet.contains(datetime(2024, 6, 1, 13, 30, tzinfo=BERLIN), BERLIN)
    assert not quiet.contains(datetime(2024, 6, 1, 14, 0, tzinfo=BERLIN), BERLIN)


def test_quiet_hours_follow_dst_wall_clock() -> None:
    # 22:30 UTC is 23:30 in Berlin in winter (+1) but 00:30 in summer (+2): both quiet;
    # 05:30 UTC is 06:30 in winter (quiet) and 07:30 in summer (not quiet).
    quiet = QuietHours(time(23), time(7))
    assert quiet.contains(utc(2024, 1, 15, 22, 30), BERLIN)
    assert quiet.contains(utc(2024, 7, 15, 22, 30), BERLIN)
    assert quiet.contains(utc(2024, 1, 15, 5, 30), BERLIN)
    assert not quiet.contains(utc(2024, 7, 15, 5, 30), BERLIN)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asia/Riyadh", "Asia/Riyadh"),
        ("asia/riyadh", "Asia/Riyadh"),
        ("Riyadh", "Asia/Riyadh"),
        ("  Europe/Berlin ", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("UTC", "UTC"),
    ],
)
def test_resolve_timezone(text: str, name: str) -> None:
    assert resolve_timezone(text) == name


@pytest.mark.parametrize("text", ["Mars/Olympus", "", "Asia", "../etc/passwd", "GMT+3x"])
def test_resolve_timezone_rejects(text: str) -> None:
    with pytest.raises(PreferenceError) as info:
        resolve_timezone(text)
    assert info.value.code == "bad_zone"


@pytest.mark.parametrize(
    ("now", "at", "zone", "expected"),
    [
        # Riyadh is UTC+3 all year: 08:00 local is 05:00 UTC.
        (utc(2024, 3, 30, 4, 0), time(8), RIYADH, utc(2024, 3, 30, 5, 0)),
        (utc(2024, 3, 30, 5, 0), time(8), RIYADH, utc(2024, 3, 31, 5, 0)),
        (utc(2024, 3, 30, 23, 0), time(8), RIYADH, utc(2024, 3, 31, 5, 0)),
        # Berlin springs forward on 2024-03-31: 08:00 is 07:00 UTC the day before, 06:00 after.
        (utc(2024, 3, 30, 8, 0), time(8), BERLIN, utc(2024, 3, 31, 6, 0)),
        (utc(2024, 3, 31, 6, 0), time(8), BERLIN, utc(2024, 4, 1, 6, 0)),
        # 02:30 does not exist on 2024-03-31 in Berlin: the digest comes at 03:30 CEST.
        (utc(2024, 3, 30, 12, 0), time(2, 30), BERLIN, utc(2024, 3, 31, 1, 30)),
        # Autumn: 02:30 happens twice on 2024-10-27; the digest fires at the first one only.
        (utc(2024, 10, 26, 12, 0), time(2, 30), BERLIN, utc(2024, 10, 27, 0, 30)),
        (utc(2024, 10, 27, 0, 30), time(2, 30), BERLIN, utc(2024, 10, 28, 1, 30)),
    ],
)
def test_next_daily(now: datetime, at: time, zone: ZoneInfo, expected: datetime) -> None:
    assert next_daily(now, at, zone) == expected


@pytest.mark.parametrize(
    ("now", "zone", "expected"),
    [
        (utc(2024, 1, 1, 10, 20), RIYADH, utc(2024, 1, 1, 11, 0)),
        (utc(2024, 1, 1, 11, 0), RIYADH, utc(2024, 1, 1, 12, 0)),
        (utc(2024, 1, 1, 10, 20), ZoneInfo("Asia/Kolkata"), utc(2024, 1, 1, 10, 30)),
        (utc(2024, 3, 31, 0, 59, 59), BERLIN, utc(2024, 3, 31, 1, 0)),
    ],
)
def test_next_hourly(now: datetime, zone: ZoneInfo, expected: datetime) -> None:
    assert next_hourly(now, zone) == expected


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("instant", "instant"),
        ("Hourly", "hourly"),
        ("daily", "daily"),
        ("يومي", "daily"),
        ("فوري", "instant"),
    ],
)
def test_parse_mode(text: str, mode: str) -> None:
    assert parse_mode(text) == mode


def test_parse_mode_rejects() -> None:
    with pytest.raises(PreferenceError):
        parse_mode("weekly")


NOW = utc(2024, 6, 1, 21, 0)  # 00:00 in Riyadh
NOON = utc(2024, 6, 1, 9, 0)  # 12:00 in Riyadh
QUIET = QuietHours(time(23), time(7))
INSTANT = SubscriptionPrefs()
URGENT = SubscriptionPrefs(urgent=True)
HOURLY = SubscriptionPrefs(mode="hourly")
DAILY = SubscriptionPrefs(mode="daily", daily_at=time(8))


@pytest.mark.parametrize(
    ("prefs", "subs", "now", "expected"),
    [
        (ChatPrefs("Asia/Riyadh"), [INSTANT], NOW, Decision("send")),
        (ChatPrefs("Asia/Riyadh", quiet=QUIET), [INSTANT], NOW, Decision("send", silent=True)),
        (ChatPrefs("Asia/Riyadh", quiet=QUIET), [INSTANT], NOON, Decision("send")),
        (ChatPrefs("Asia/Riyadh", quiet=QUIET), [URGENT], NOW, Decision("send", urgent=True)),
        (
            ChatPrefs("Asia/Riyadh", quiet=QUIET),
            [INSTANT, URGENT],
            NOW,
            Decision("send", urgent=True),
        ),
        (
            ChatPrefs("Asia/Riyadh"),
            [HOURLY],
            NOON,
            Decision("hold", reason="digest", release_at=utc(2024, 6, 1, 10, 0)),
        ),
        (
            ChatPrefs("Asia/Riyadh"),
            [DAILY],
            NOON,
            Decision("hold", reason="digest", release_at=utc(2024, 6, 2, 5, 0)),
        ),
        # The earliest delivery wins when a story matches subscriptions of several modes.
        (
            ChatPrefs("Asia/Riyadh"),
            [DAILY, HOURLY],
            NOON,
            Decision("hold", reason="digest", release_at=utc(2024, 6, 1, 10, 0)),
        ),
        (ChatPrefs("Asia/Riyadh"), [DAILY, INSTANT], NOON, Decision("send")),
        # Mute holds everything, urgent included; None = until /unmute.
        (
            ChatPrefs("Asia/Riyadh", muted=True),
            [URGENT],
            NOON,
            Decision("hold", reason="mute", release_at=None, urgent=True),
        ),
        (
            ChatPrefs("Asia/Riyadh", muted=True, muted_until=utc(2024, 6, 1, 12)),
            [INSTANT],
            NOON,
            Decision("hold", reason="mute", release_at=utc(2024, 6, 1, 12)),
        ),
        # A mute that has run out no longer holds.
        (
            ChatPrefs("Asia/Riyadh", muted=True, muted_until=utc(2024, 6, 1, 8)),
            [INSTANT],
            NOON,
            Decision("send"),
        ),
        # Expired time-limited follows deliver nothing.
        (ChatPrefs("Asia/Riyadh"), [SubscriptionPrefs(expires_at=NOON)], NOON, Decision("drop")),
        (ChatPrefs("Asia/Riyadh"), [], NOON, Decision("drop")),
        (
            ChatPrefs("Asia/Riyadh"),
            [SubscriptionPrefs(expires_at=NOON + timedelta(seconds=1))],
            NOON,
            Decision("send"),
        ),
    ],
)
def test_decide(
    prefs: ChatPrefs, subs: list[SubscriptionPrefs], now: datetime, expected: Decision
) -> None:
    assert decide(prefs, subs, now) == expected


def test_decide_daily_across_berlin_dst() -> None:
    prefs = ChatPrefs("Europe/Berlin")
    before = decide(prefs, [DAILY], utc(2024, 3, 30, 12))
    after = decide(prefs, [DAILY], utc(2024, 3, 31, 12))
    assert before.release_at == utc(2024, 3, 31, 6)  # 08:00 CEST
    assert after.release_at == utc(2024, 4, 1, 6)


H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("last_activity", "last_alerted", "now", "threshold", "due"),
    [
        (utc(2024, 1, 1, 0), None, utc(2024, 1, 1, 2), 3 * H, False),
        (utc(2024, 1, 1, 0), None, utc(2024, 1, 1, 4), 3 * H, True),
        (utc(2024, 1, 1, 0), utc(2024, 1, 1, 3, 1), utc(2024, 1, 1, 9), 3 * H, False),
        (utc(2024, 1, 1, 5), utc(2024, 1, 1, 3, 1), utc(2024, 1, 1, 9), 3 * H, True),
        (utc(2024, 1, 1, 0), None, utc(2024, 1, 9), timedelta(0), False),
    ],
)
def test_silence_alert_due(
    last_activity: datetime,
    last_alerted: datetime | None,
    now: datetime,
    threshold: timedelta,
    due: bool,
) -> None:
    assert silence_alert_due(last_activity, last_alerted, now, threshold) is due


@pytest.mark.parametrize(
    ("arg", "rest", "duration"),
    [
        ("الناتو 7d", "الناتو", timedelta(days=7)),
        ("كوريا الشمالية ٣ أيام", "كوريا الشمالية", timedelta(days=3)),
        ("الناتو 12h", "الناتو", timedelta(hours=12)),
        ("الناتو\nإيران 2w", "الناتو\nإيران", timedelta(days=14)),
        ("يوم الأرض", "يوم الأرض", None),
        ("قمة 2024", "قمة 2024", None),
        ("F16", "F16", None),
        ("7d", "7d", None),
        ("الناتو", "الناتو", None),
        ("صواريخ S400", "صواريخ S400", None),
        # A number and a word that is no unit of time stays in the keyword, even when zero.
        ("مجموعة 0x", "مجموعة 0x", None),
        ("0d", "0d", None),
    ],
)
def test_split_follow_duration(arg: str, rest: str, duration: timedelta | None) -> None:
    assert split_follow_duration(arg) == (rest, duration)


@pytest.mark.parametrize(
    ("arg", "code"),
    [
        ("الناتو 900d", "too_long"),
        ("الناتو 0d", "bad_duration"),
        ("الناتو 0h", "bad_duration"),
        ("كوريا الشمالية ٠ يوم", "bad_duration"),
        ("الناتو 0 ساعات", "bad_duration"),
        ("الناتو 0.5m", "bad_duration"),
        ("الناتو 0w", "bad_duration"),
    ],
)
def test_split_follow_duration_rejects(arg: str, code: str) -> None:
    with pytest.raises(PreferenceError) as caught:
        split_follow_duration(arg)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نصف ساعة", timedelta(minutes=30)),
        ("نص ساعة", timedelta(minutes=30)),
        ("ربع ساعة", timedelta(minutes=15)),
        ("ساعة ونصف", timedelta(minutes=90)),
        ("ساعة وربع", timedelta(minutes=75)),
        ("ساعتين ونص", timedelta(minutes=150)),
        ("ساعة واحدة", timedelta(hours=1)),
        ("ساعتين", timedelta(hours=2)),
        ("ثلاث ساعات", timedelta(hours=3)),
        ("ثلاثة أيام", timedelta(days=3)),
        ("عشر دقائق", timedelta(minutes=10)),
        ("عشرين دقيقة", timedelta(minutes=20)),
        ("يومين", timedelta(days=2)),
        ("أسبوع", timedelta(weeks=1)),
        ("يوم وساعتين", timedelta(hours=26)),
        ("ساعة و 30 دقيقة", timedelta(minutes=90)),
        ("٣ ساعات", timedelta(hours=3)),
    ],
)
def test_parse_duration_in_words(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["نصف", "ساعة نصف نصف", "يوم الأرض", "ونصف"])
def test_parse_duration_in_words_rejects(text: str) -> None:
    with pytest.raises(PreferenceError):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("الرياض", "Asia/Riyadh"),
        ("رياض", "Asia/Riyadh"),
        ("القاهرة", "Africa/Cairo"),
        ("القاهره", "Africa/Cairo"),
        ("دبي", "Asia/Dubai"),
        ("أبو ظبي", "Asia/Dubai"),
        ("السعودية", "Asia/Riyadh"),
        ("المملكة العربية السعودية", "Asia/Riyadh"),
        ("مصر", "Africa/Cairo"),
        ("الكويت", "Asia/Kuwait"),
        ("عمّان", "Asia/Amman"),
        ("سلطنة عمان", "Asia/Muscat"),
        ("الدار البيضاء", "Africa/Casablanca"),
        ("لندن", "Europe/London"),
        ("واشنطن", "America/New_York"),
        ("Cairo", "Africa/Cairo"),
    ],
)
def test_resolve_timezone_takes_arabic_places(text: str, zone: str) -> None:
    assert resolve_timezone(text) == zone


@pytest.mark.parametrize("text", ["روسيا", "الولايات المتحدة", "مرصد"])
def test_resolve_timezone_refuses_countries_of_several_zones(text: str) -> None:
    with pytest.raises(PreferenceError):
        resolve_timezone(text)


def test_every_zone_of_the_arabic_table_exists() -> None:
    import json
    from importlib import resources
    from zoneinfo import ZoneInfo

    table = json.loads(
        (resources.files("bot.core") / "data" / "zones_ar.json").read_text(encoding="utf-8")
    )
    for section in ("cities", "countries"):
        for place, zone in table[section].items():
            assert ZoneInfo(zone), place
