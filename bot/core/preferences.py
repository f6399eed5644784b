"""Delivery preferences, pure: durations, clock times, quiet hours, time zones, digest schedules,
and the one decision of what happens to an alert right now.

Every function takes the current instant as an argument (an aware datetime) instead of reading
a clock, so that jobs and tests drive time explicitly. Wall-clock rules (quiet hours, the daily
digest time, the top of the hour) are evaluated in the chat's IANA zone through `zoneinfo`, so
they follow daylight-saving transitions; instants are compared in UTC.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.core.arabic import fold_digits
from bot.core.errors import MarsadError, PreferenceErrorCode

__all__ = [
    "BURST_WINDOW",
    "DEFAULT_DAILY_AT",
    "MAX_DURATION",
    "MODES",
    "ChatPrefs",
    "Decision",
    "HoldReason",
    "Mode",
    "PreferenceError",
    "QuietHours",
    "SubscriptionPrefs",
    "batch_burst",
    "decide",
    "digest_release",
    "digest_silent",
    "format_clock",
    "format_duration",
    "format_local",
    "is_muted",
    "next_daily",
    "next_hourly",
    "next_release",
    "parse_clock",
    "parse_duration",
    "parse_mode",
    "parse_quiet_hours",
    "resolve_timezone",
    "silence_alert_due",
    "split_follow_duration",
    "zone_or",
]

Mode = Literal["instant", "hourly", "daily"]
MODES: tuple[Mode, ...] = ("instant", "hourly", "daily")
HoldReason = Literal["digest", "mute", "burst"]

# The daily digest time when none was given: the start of a working day.
DEFAULT_DAILY_AT = time(8, 0)
# A mute or a time-limited follow longer than a year is almost surely a typo («700d»).
MAX_DURATION = timedelta(days=366)


class PreferenceError(MarsadError[PreferenceErrorCode], ValueError):
    """A user's argument could not be understood. `code` names the problem for the reply text;
    `value` is the argument as given."""

    def __init__(self, code: PreferenceErrorCode, value: str) -> None:
        super().__init__(code, repr(value))
        self.value = value


# ---------------------------------------------------------------------------------------------
# Durations: «2h», «1d», «7d», «30m», «1h30m», «90 min», «ساعتين», «٣ أيام», «أسبوع»

_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}

# Arabic unit words, already in the folded form `_fold_arabic` produces (أ/إ/آ → ا, ة → ه,
# ى → ي), each with the unit and the count a bare word implies (a dual means two).
_ARABIC_UNITS: dict[str, tuple[str, int]] = {
    "دقيقه": ("m", 1),
    "دقائق": ("m", 1),
    "دقايق": ("m", 1),
    "دقيقتين": ("m", 2),
    "دقيقتان": ("m", 2),
    "د": ("m", 1),
    "ساعه": ("h", 1),
    "ساعات": ("h", 1),
    "ساعتين": ("h", 2),
    "ساعتان": ("h", 2),
    "س": ("h", 1),
    "يوم": ("d", 1),
    "ايام": ("d", 1),
    "يومين": ("d", 2),
    "يومان": ("d", 2),
    "ي": ("d", 1),
    "اسبوع": ("w", 1),
    "اسابيع": ("w", 1),
    "اسبوعين": ("w", 2),
    "اسبوعان": ("w", 2),
}
_LATIN_UNITS: dict[str, str] = {
    "m": "m",
    "min": "m",
    "mins": "m",
    "minute": "m",
    "minutes": "m",
    "h": "h",
    "hr": "h",
    "hrs": "h",
    "hour": "h",
    "hours": "h",
    "d": "d",
    "day": "d",
    "days": "d",
    "w": "w",
    "wk": "w",
    "week": "w",
    "weeks": "w",
}
_DURATION_PART = re.compile(r"(\d+(?:[.,٫]\d+)?)?\s*([^\W\d_]+)")

# Counts written as words, folded: «ثلاث ساعات», «عشر دقائق», «عشرين دقيقة».
_NUMBER_WORDS: dict[str, int] = {
    "واحد": 1,
    "واحده": 1,
    "اثنين": 2,
    "اثنتين": 2,
    "اثنان": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "عشرين": 20,
    "عشرون": 20,
    "ثلاثين": 30,
    "ثلاثون": 30,
    "اربعين": 40,
    "اربعون": 40,
    "خمسين": 50,
    "خمسون": 50,
}
# Fractions of the unit that follows («نصف ساعة») or of the unit just named («ساعة ونصف»).
_FRACTION_WORDS: dict[str, float] = {"نصف": 0.5, "نص": 0.5, "ربع": 0.25, "ثلث": 1 / 3}


def _spell_numbers(folded: str) -> str:
    """Number and fraction words as digits the unit parser reads: «ثلاث ساعات» → «3 ساعات»,
    «نصف ساعه» → «0.5 ساعه», «ساعه ونصف» → «ساعه 0.5h», «ساعه واحده» → «ساعه»."""
    out: list[str] = []
    # «و» joins parts: «ساعة و30 دقيقة», «يوم وساعتين», «ساعة ونصف» (but «واحدة» stays).
    tokens = [
        token[1:] if token.startswith("و") and token not in _NUMBER_WORDS else token
        for token in re.sub(r"(^|\s)و(?=\d)", r"\1", folded).split()
    ]
    tokens = [token for token in tokens if token]
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        previous = tokens[index - 1] if index else ""
        if token in _NUMBER_WORDS:
            if _NUMBER_WORDS[token] == 1 and previous in _ARABIC_UNITS:
                continue  # «ساعة واحدة»: the unit already says one
            out.append(str(_NUMBER_WORDS[token]))
        elif token in _FRACTION_WORDS:
            fraction = f"{_FRACTION_WORDS[token]:.4f}"
            if following in _ARABIC_UNITS or following in _LATIN_UNITS:
                out.append(fraction)
            elif previous in _ARABIC_UNITS:
                out.append(fraction + _ARABIC_UNITS[previous][0])
            else:
                out.append(token)  # left for the parser to refuse
        else:
            out.append(token)
    return " ".join(out)


def _fold_arabic(text: str) -> str:
    text = fold_digits(text).strip().lower()
    text = re.sub("[\u064b-\u065f\u0670\u0640]", "", text)  # harakat and tatweel
    return text.translate(str.maketrans("أإآةى", "اااهي"))


def parse_duration(text: str) -> timedelta:
    """«2h», «1d 12h», «90min», «ساعتين», «٣ أيام», «أسبوع», «نصف ساعة», «ساعة ونصف»,
    «ثلاث ساعات» → a positive timedelta ≤ a year.

    A bare number means hours, the unit users mean most often with /mute. Raises
    PreferenceError("bad_duration") for anything else, ("too_long") beyond MAX_DURATION.
    """
    folded = _fold_arabic(text)
    folded = _spell_numbers(folded)
    if not folded:
        raise PreferenceError("bad_duration", text)
    if re.fullmatch(r"\d+", folded):
        folded += "h"
    total = 0.0
    pos = 0
    for match in _DURATION_PART.finditer(folded):
        if folded[pos : match.start()].strip():
            raise PreferenceError("bad_duration", text)
        number, word = match.groups()
        # Only a spelled-out Arabic word stands alone («ساعة», «يومين»); «h» or «س» needs a number.
        if word in _LATIN_UNITS and number:
            unit, implied = _LATIN_UNITS[word], 1
        elif word in _ARABIC_UNITS and (number or len(word) > 1):
            unit, implied = _ARABIC_UNITS[word]
        else:
            raise PreferenceError("bad_duration", text)
        count = float(number.replace(",", ".").replace("٫", ".")) if number else implied
        total += count * _UNIT_SECONDS[unit]
        pos = match.end()
    if pos == 0 or folded[pos:].strip():
        raise PreferenceError("bad_duration", text)
    if total < 60:
        raise PreferenceError("bad_duration", text)
    duration = timedelta(seconds=round(total))
    if duration > MAX_DURATION:
        raise PreferenceError("too_long", text)
    return duration


def format_duration(duration: timedelta) -> str:
    """A compact, language-neutral rendering: «2d 3h», «45m» (whole minutes)."""
    minutes = int(duration.total_seconds() // 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days}d"] if days else []
    if hours:
        parts.append(f"{hours}h")
    if minutes or not parts:
        parts.append(f"{minutes}m")
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# Clock times and quiet hours

_CLOCK = re.compile(r"(\d{1,2})(?:[:.٫](\d{2}))?\s*(am|pm|ص|م)?")


def parse_clock(text: str) -> time:
    """«08:00», «8:30», «8», «20.15», «٠٨:٠٠», «8pm», «8 م» → a wall-clock time (minutes).

    Raises PreferenceError("bad_time") for anything else («24:00», «8:60», «soon»).
    """
    folded = _fold_arabic(text)
    match = _CLOCK.fullmatch(folded)
    if match is None:
        raise PreferenceError("bad_time", text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    suffix = match.group(3)
    if suffix is not None:
        if not 1 <= hour <= 12:
            raise PreferenceError("bad_time", text)
        hour = hour % 12 + (12 if suffix in ("pm", "م") else 0)
    if hour > 23 or minute > 59:
        raise PreferenceError("bad_time", text)
    return time(hour, minute)


def format_clock(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily wall-clock window [start, end); start > end means it spans midnight."""

    start: time
    end: time

    def contains(self, moment: datetime, zone: ZoneInfo) -> bool:
        """Whether the wall clock in `zone` at the instant `moment` falls in the window."""
        local = moment.astimezone(zone).time().replace(second=0, microsecond=0)
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def __str__(self) -> str:
        return f"{format_clock(self.start)}-{format_clock(self.end)}"


_RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|‐|to|الي|حتي|→)\s*")


def parse_quiet_hours(text: str) -> QuietHours:
    """«23:00-07:00», «23-7», «22:30 – 06:15», «من 23 إلى 7» → QuietHours.

    Raises PreferenceError("bad_range") when there are not exactly two clock times, and
    ("empty_range") when both ends are equal (a window of zero or of all day is a mistake).
    """
    folded = _fold_arabic(text)
    folded = re.sub(r"^من\s+", "", folded)
    parts = _RANGE_SEPARATOR.split(folded)
    if len(parts) != 2:
        raise PreferenceError("bad_range", text)
    try:
        start, end = parse_clock(parts[0]), parse_clock(parts[1])
    except PreferenceError:
        raise PreferenceError("bad_range", text) from None
    if start == end:
        raise PreferenceError("empty_range", text)
    return QuietHours(start, end)


# ---------------------------------------------------------------------------------------------
# Time zones


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """Lower-cased IANA names → canonical names, plus unambiguous city names («riyadh»)."""
    names = {name.lower(): name for name in available_timezones()}
    cities: dict[str, list[str]] = {}
    for name in available_timezones():
        if "/" in name and not name.startswith(("Etc/", "SystemV/")):
            cities.setdefault(name.rsplit("/", 1)[1].lower(), []).append(name)
    for city, candidates in cities.items():
        if city not in names and len(candidates) == 1:
            names[city] = candidates[0]
    return names


def _arabic_place_key(text: str) -> str:
    """An Arabic place name as the zone table is keyed: folded, one space, no article on
    its first word («الرياض», «رياض» and «الرّياض» meet)."""
    words = _fold_arabic(text).split()
    if words and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _arabic_zone_names() -> dict[str, str]:
    """Arabic city and country names → IANA names (bot/core/data/zones_ar.json). Cities win
    over countries on a shared name; a country appears only when it has one zone."""
    table = json.loads(
        (resources.files("bot.core") / "data" / "zones_ar.json").read_text(encoding="utf-8")
    )
    names: dict[str, str] = {}
    for section in ("countries", "cities"):
        for place, zone in table[section].items():
            names[_arabic_place_key(place)] = zone
    return names


def resolve_timezone(text: str) -> str:
    """«Asia/Riyadh», «asia/riyadh», «Riyadh», «new york», «الرياض», «القاهرة», «السعودية»
    → the canonical IANA name.

    Raises PreferenceError("bad_zone") for a name the zoneinfo database does not know.
    """
    key = text.strip().replace(" ", "_").lower()
    name = _zone_names().get(key)
    if name is None:
        name = _arabic_zone_names().get(_arabic_place_key(text))
    if name is None:
        raise PreferenceError("bad_zone", text)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise PreferenceError("bad_zone", text) from None
    return name


# ---------------------------------------------------------------------------------------------
# Digest schedules


def _local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The instant the wall clock in `zone` shows `at` on `day`, in UTC.

    A wall time skipped by a spring-forward gap maps (fold=0, the offset before the change)
    to the matching instant just after the gap; a repeated autumn time maps to its first
    occurrence, so a daily digest fires exactly once on both transition days.
    """
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def next_daily(now: datetime, at: time, zone: ZoneInfo) -> datetime:
    """The first instant strictly after `now` when the wall clock in `zone` reads `at`."""
    local_day = now.astimezone(zone).date()
    for offset in range(3):
        candidate = _local_instant(local_day + timedelta(days=offset), at, zone)
        if candidate > now:
            return candidate
    raise AssertionError("a daily time recurs within three calendar days")  # pragma: no cover


def next_hourly(now: datetime, zone: ZoneInfo) -> datetime:
    """The first instant strictly after `now` at the top of a local hour in `zone`.

    Stepped minute by minute in UTC because a few zones are offset by 30 or 45 minutes, and
    a DST change may move the local top of the hour.
    """
    candidate = now.astimezone(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
    for _ in range(24 * 60):
        if candidate.astimezone(zone).minute == 0:
            return candidate
        candidate += timedelta(minutes=1)
    raise AssertionError("a local hour starts within a day")  # pragma: no cover


# ---------------------------------------------------------------------------------------------
# The decision for one alert


@dataclass(frozen=True, slots=True)
class ChatPrefs:
    """What a chat chose: its zone, quiet hours, and whether (until when) it is muted."""

    timezone: str
    quiet: QuietHours | None = None
    muted: bool = False
    muted_until: datetime | None = None  # None while muted = until /unmute
    language: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True, slots=True)
class SubscriptionPrefs:
    """How one subscription delivers: its mode (daily time), urgency and optional expiry."""

    mode: Mode = "instant"
    daily_at: time | None = None
    urgent: bool = False
    expires_at: datetime | None = None

    def live(self, now: datetime) -> bool:
        return self.expires_at is None or now < self.expires_at


@dataclass(frozen=True, slots=True)
class Decision:
    """Send now (silently or not), or hold until `release_at` (None = until /unmute)."""

    action: Literal["send", "hold", "drop"]
    silent: bool = False
    reason: HoldReason | None = None
    release_at: datetime | None = None
    urgent: bool = False  # a matching subscription is urgent: its digest rings too


def is_muted(prefs: ChatPrefs, now: datetime) -> bool:
    return prefs.muted and (prefs.muted_until is None or now < prefs.muted_until)


def next_release(sub: SubscriptionPrefs, now: datetime, zone: ZoneInfo) -> datetime | None:
    """When a digest-mode subscription next releases what it holds; None for instant."""
    if sub.mode == "hourly":
        return next_hourly(now, zone)
    if sub.mode == "daily":
        return next_daily(now, sub.daily_at or DEFAULT_DAILY_AT, zone)
    return None


def digest_release(subs: Sequence[SubscriptionPrefs], now: datetime, zone: ZoneInfo) -> datetime:
    """When an alert held for a digest is released, after a mode change, given every
    subscription of the chat that produced it: at the most immediate of their schedules
    (an instant one = now), as `decide` would have chosen had the modes been so from the
    start. Expired ones still count: the alert was produced while they were live.
    With no subscription left (all unfollowed), now: a held alert is never orphaned.
    """
    releases = [next_release(sub, now, zone) or now for sub in subs]
    return min(releases, default=now)


def decide(prefs: ChatPrefs, subs: Sequence[SubscriptionPrefs], now: datetime) -> Decision:
    """What to do with one story for one chat, matched by `subs`, at the instant `now`.

    - No live subscription (all expired): drop; nothing should be delivered.
    - Muted: hold until the mute ends (or /unmute), whatever the modes: /mute pauses all.
    - Any instant subscription: send now; the earliest delivery wins when a story matches
      subscriptions of different modes, because the story can be delivered only once.
    - Otherwise hold for the earliest digest among the matching subscriptions.
    Sending is silent inside quiet hours unless a matching subscription is urgent.
    """
    live = [sub for sub in subs if sub.live(now)]
    if not live:
        return Decision("drop")
    urgent = any(sub.urgent for sub in live)
    if is_muted(prefs, now):
        return Decision("hold", reason="mute", release_at=prefs.muted_until, urgent=urgent)
    if any(sub.mode == "instant" for sub in live):
        return Decision("send", silent=digest_silent(prefs, now, urgent=urgent), urgent=urgent)
    zone = prefs.zone
    releases = [r for r in (next_release(sub, now, zone) for sub in live) if r is not None]
    return Decision("hold", reason="digest", release_at=min(releases), urgent=urgent)


# Telegram counts a group's messages per minute; a held burst is released a window later.
BURST_WINDOW = timedelta(minutes=1)


def batch_burst(
    decision: Decision,
    *,
    recent: int,
    budget: int,
    now: datetime,
    pending_release: datetime | None,
) -> Decision:
    """Turn a group's "send" into a hold for one batched digest when a burst would exceed the
    group's per-minute budget (`recent` = messages enqueued for it in the last BURST_WINDOW).

    While a batch is waiting, later alerts join it, so that the group reads them in order.
    """
    if decision.action != "send" or (recent < budget and pending_release is None):
        return decision
    release_at = pending_release if pending_release is not None else now + BURST_WINDOW
    return Decision(
        "hold",
        silent=decision.silent,
        reason="burst",
        release_at=release_at,
        urgent=decision.urgent,
    )


def digest_silent(prefs: ChatPrefs, now: datetime, *, urgent: bool) -> bool:
    """Whether a message sent at `now` goes without sound: inside quiet hours, not urgent."""
    return prefs.quiet is not None and not urgent and prefs.quiet.contains(now, prefs.zone)


def parse_mode(text: str) -> Mode:
    """«instant» / «hourly» / «daily» and their Arabic names → a Mode."""
    folded = _fold_arabic(text)
    aliases: dict[str, Mode] = {
        "instant": "instant",
        "now": "instant",
        "فوري": "instant",
        "فورا": "instant",
        "hourly": "hourly",
        "hour": "hourly",
        "كل ساعه": "hourly",
        "ساعي": "hourly",
        "daily": "daily",
        "day": "daily",
        "يومي": "daily",
        "يوميا": "daily",
    }
    mode = aliases.get(folded)
    if mode is None:
        raise PreferenceError("bad_mode", text)
    return mode


# ---------------------------------------------------------------------------------------------
# Inbox silence


def silence_alert_due(
    last_activity: datetime,
    last_alerted: datetime | None,
    now: datetime,
    threshold: timedelta,
) -> bool:
    """Whether admins should hear that the inbox has been silent for longer than `threshold`.

    One alert per silent spell: none again until new activity comes after the last alert.
    A zero threshold disables the alert.
    """
    if threshold <= timedelta(0) or now - last_activity <= threshold:
        return False
    return last_alerted is None or last_alerted < last_activity


_NUMBERED_DURATION = re.compile(r"(?:^|\s)([\d٠-٩۰-۹]+(?:[.,٫][\d٠-٩]+)?\s*[^\W\d_]+)\s*$")


def split_follow_duration(arg: str) -> tuple[str, timedelta | None]:
    """«الناتو 7d» → («الناتو», 7 days); «كوريا الشمالية ٣ أيام» → (…, 3 days).

    Only a trailing duration *with a number* counts, so that a keyword ending in a word
    such as «يوم» («يوم الأرض» stays a keyword). A trailing number-and-word that is no
    duration («قمة 2024», «S400») is left in the keyword. Raises PreferenceError("too_long")
    for a duration over MAX_DURATION, and ("bad_duration") for a number with a time unit that
    makes no follow («الناتو 0d», «الناتو 0.5m»): following the literal «الناتو 0d» would
    never match anything.
    """
    match = _NUMBERED_DURATION.search(arg)
    if match is None:
        return arg, None
    rest = arg[: match.start(1)].rstrip()
    try:
        duration = parse_duration(match.group(1))
    except PreferenceError as exc:
        if exc.code == "too_long" or (rest and _names_time_units(match.group(1))):
            raise
        return arg, None
    return (rest, duration) if rest else (arg, None)


def _names_time_units(text: str) -> bool:
    """Whether every word of a number-and-word text is a unit of time («0d», «٠ ساعة»)."""
    words = [m.group(2) for m in _DURATION_PART.finditer(_fold_arabic(text))]
    return bool(words) and all(w in _LATIN_UNITS or w in _ARABIC_UNITS for w in words)


def format_local(moment: datetime, zone: ZoneInfo) -> str:
    """An instant as the chat reads it: «2024-06-01 08:00» in its own zone."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def zone_or(name: str | None, default: ZoneInfo) -> ZoneInfo:
    """A chat's stored time zone, or `default` when it has none or the name is unknown here
    (a zone removed from this machine's tz database must not break its alerts)."""
    if not name:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return default
