"""What the preference commands do, without Telegram: parse the argument, change storage,
and say which reply to give (a `bot.core.texts` key and its values).

The handlers in `handlers/preferences.py` only extract the chat, the argument and the clock,
call these, and render the reply in the chat's language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from bot.chat.transfer import (
    ChatSettings,
    ImportPlan,
    LoadedDocument,
    SubscriptionEntry,
    TransferError,
    build_document,
    dump_document,
    load_document,
    plan_import,
)
from bot.core.preferences import (
    DEFAULT_DAILY_AT,
    MODES,
    Mode,
    PreferenceError,
    format_clock,
    format_local,
    parse_clock,
    parse_duration,
    parse_mode,
    parse_quiet_hours,
    resolve_timezone,
)
from bot.deliver.policy import reschedule_digests
from bot.match.following import find_subscription
from storage.preferences import (
    SubscriptionSettings,
    chat_prefs,
    import_subscriptions,
    mute_chat,
    set_mode,
    set_quiet_hours,
    set_timezone,
    set_urgent,
    subscription_settings,
    unmute_chat,
)

__all__ = [
    "ImportOutcome",
    "Reply",
    "apply_mode",
    "export_chat",
    "import_chat",
    "mode_command",
    "mute_command",
    "quiet_command",
    "split_mode_args",
    "tz_command",
    "unmute_command",
    "urgent_command",
]

_OFF = {"off", "none", "no", "stop", "الغاء", "إلغاء", "ايقاف", "إيقاف", "لا"}


@dataclass(frozen=True)
class Reply:
    """A reply to give: the `bot.core.texts` key and the values its template needs."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# /tz


def tz_command(db: Database, chat_id: int, arg: str, now: datetime, *, default_zone: str) -> Reply:
    """/tz shows the chat's zone; /tz ZONE sets it (validated against zoneinfo)."""
    if not arg.strip():
        prefs = chat_prefs(db, chat_id, default_timezone=default_zone)
        return Reply("tz.show", {"zone": prefs.timezone, "now": format_local(now, prefs.zone)})
    try:
        zone = resolve_timezone(arg)
    except PreferenceError:
        return Reply("tz.bad_zone", {"value": arg.strip()[:60]})
    set_timezone(db, chat_id, zone, now)
    return Reply("tz.set", {"zone": zone, "now": format_local(now, ZoneInfo(zone))})


# ---------------------------------------------------------------------------------------------
# /quiet


def quiet_command(
    db: Database, chat_id: int, arg: str, now: datetime, *, default_zone: str
) -> Reply:
    """/quiet shows the window; /quiet 23:00-07:00 sets it; /quiet off clears it."""
    arg = arg.strip()
    prefs = chat_prefs(db, chat_id, default_timezone=default_zone)
    if not arg:
        if prefs.quiet is None:
            return Reply("quiet.none")
        return Reply("quiet.show", {"window": str(prefs.quiet), "zone": prefs.timezone})
    if arg.lower() in _OFF:
        set_quiet_hours(db, chat_id, None, now)
        return Reply("quiet.off")
    try:
        quiet = parse_quiet_hours(arg)
    except PreferenceError as exc:
        return Reply(f"quiet.{exc.code}", {"value": arg[:60]})
    set_quiet_hours(db, chat_id, quiet, now)
    return Reply("quiet.set", {"window": str(quiet), "zone": prefs.timezone})


# ---------------------------------------------------------------------------------------------
# /mute and /unmute


def mute_command(
    db: Database, chat_id: int, arg: str, now: datetime, *, default_zone: str
) -> Reply:
    """/mute pauses every alert until /unmute; /mute 2h for a while. Alerts are kept."""
    arg = arg.strip()
    prefs = chat_prefs(db, chat_id, default_timezone=default_zone)
    if not arg:
        mute_chat(db, chat_id, None, now)
        return Reply("mute.forever")
    try:
        duration = parse_duration(arg)
    except PreferenceError as exc:
        return Reply(f"mute.{exc.code}", {"value": arg[:60]})
    until = now + duration
    mute_chat(db, chat_id, until, now)
    return Reply("mute.until", {"until": format_local(until, prefs.zone)})


def unmute_command(db: Database, chat_id: int, now: datetime, *, default_zone: str) -> Reply:
    """/unmute ends the mute; what was held becomes due now and goes out as one digest."""
    prefs = chat_prefs(db, chat_id, default_timezone=default_zone)
    if not prefs.muted:
        return Reply("unmute.not_muted")
    count = unmute_chat(db, chat_id, now)
    return Reply("unmute.done", {"count": count}) if count else Reply("unmute.nothing")


# ---------------------------------------------------------------------------------------------
# /mode


def split_mode_args(arg: str) -> tuple[str, Mode, time | None] | None:
    """«KEYWORD daily 08:00», «KEYWORD hourly», «KEYWORD فوري» → (keyword, mode, time).

    The keyword may have spaces, so the mode (and a daily time) are read from the end.
    Returns None when the argument is a bare keyword (or empty): the usage text helps most.
    Raises PreferenceError("bad_time") for a time that is not one, or one given to a mode
    other than daily, and PreferenceError("bad_mode") when a keyword is followed by a word
    that names no mode («الناتو weekly»): each gets its own message with an example.
    """
    words = arg.split()
    at: time | None = None
    if len(words) >= 3:
        try:
            at = parse_clock(words[-1])
        except PreferenceError:
            # «الناتو daily 25:00»: a mode, then something in the place of the time.
            if _ending_mode(words[:-1]) is not None:
                raise
        else:
            words = words[:-1]
    found = _ending_mode(words)
    if found is not None:
        mode, width = found
        if at is not None and mode != "daily":
            raise PreferenceError("bad_time", arg)
        return " ".join(words[:-width]), mode, at
    if len(words) >= 2 or at is not None:
        raise PreferenceError("bad_mode", arg)
    return None


def _ending_mode(words: list[str]) -> tuple[Mode, int] | None:
    """The mode the words end with and how many words name it, if a keyword comes before."""
    for width in (2, 1):  # «كل ساعة» is two words
        if len(words) <= width:
            continue
        try:
            return parse_mode(" ".join(words[-width:])), width
        except PreferenceError:
            continue
    return None


def mode_command(
    db: Database, chat_id: int, arg: str, now: datetime, *, default_zone: str
) -> Reply:
    """/mode KEYWORD instant|hourly|daily [HH:MM]: how one subscription is delivered."""
    try:
        parsed = split_mode_args(arg.strip())
    except PreferenceError as exc:
        return Reply(f"mode.{exc.code}", {"modes": " | ".join(MODES)})
    if parsed is None:
        return Reply("mode.usage", {"modes": " | ".join(MODES)})
    keyword, mode, at = parsed
    sub = find_subscription(keyword, subscription_settings(db, chat_id))
    if sub is None:
        return Reply("sub.not_found", {"query": keyword[:80]})
    return apply_mode(db, chat_id, sub, mode, at, now, default_zone=default_zone)


def apply_mode(
    db: Database,
    chat_id: int,
    sub: SubscriptionSettings,
    mode: Mode,
    at: time | None,
    now: datetime,
    *,
    default_zone: str,
) -> Reply:
    """Set the mode (from the command or a /list button) and reschedule the held alerts
    this subscription produced (`bot.deliver.policy.reschedule_digests`)."""
    if mode == "daily" and at is None:
        at = sub.daily_at
    set_mode(db, chat_id, sub.id, mode, at)
    updated = next(s for s in subscription_settings(db, chat_id) if s.id == sub.id)
    reschedule_digests(db, chat_id, sub.id, now, default_timezone=default_zone)
    if mode == "daily":
        # Daily without a time ever chosen (a /list button) delivers at the default time.
        shown = format_clock(updated.daily_at or DEFAULT_DAILY_AT)
        return Reply("mode.set_daily", {"query": sub.query, "time": shown})
    return Reply(f"mode.set_{mode}", {"query": sub.query})


# ---------------------------------------------------------------------------------------------
# /urgent


def urgent_command(db: Database, chat_id: int, arg: str) -> Reply:
    """/urgent KEYWORD toggles whether it rings during quiet hours; bare /urgent lists them."""
    subs = subscription_settings(db, chat_id)
    keyword = arg.strip()
    if not keyword:
        urgent = [sub.query for sub in subs if sub.urgent]
        if not urgent:
            return Reply("urgent.usage")
        return Reply("urgent.list", {"queries": "، ".join(urgent)})
    sub = find_subscription(keyword, subs)
    if sub is None:
        return Reply("sub.not_found", {"query": keyword[:80]})
    set_urgent(db, chat_id, sub.id, not sub.urgent)
    return Reply("urgent.off" if sub.urgent else "urgent.on", {"query": sub.query})


# ---------------------------------------------------------------------------------------------
# /export


def export_chat(db: Database, chat_id: int, now: datetime, *, default_zone: str) -> bytes:
    """The chat's subscriptions and preferences as the JSON document /import reads back."""
    prefs = chat_prefs(db, chat_id, default_timezone=default_zone)
    entries = [
        SubscriptionEntry(
            query=sub.query,
            mode=sub.mode,
            daily_at=format_clock(sub.daily_at) if sub.daily_at and sub.mode == "daily" else None,
            urgent=sub.urgent,
            expires_at=sub.expires_at,
        )
        for sub in subscription_settings(db, chat_id)
    ]
    language = prefs.language if prefs.language in ("ar", "en") else None
    settings = ChatSettings(
        timezone=prefs.timezone,
        language=language,
        quiet_hours=str(prefs.quiet) if prefs.quiet else None,
    )
    return dump_document(build_document(now=now, settings=settings, subscriptions=entries))


# ---------------------------------------------------------------------------------------------
# /import


@dataclass(frozen=True)
class ImportOutcome:
    """The reply to an import: an unusable file (`error`), or the plan that was applied."""

    error: Reply | None = None
    plan: ImportPlan | None = None
    added: tuple[tuple[int, str], ...] = ()  # (subscription id, query) of what was added


def import_chat(
    db: Database,
    chat_id: int,
    data: bytes,
    now: datetime,
    *,
    key: Callable[[str], str],
    check_query: Callable[[str], str | None],
    limit: int,
    max_bytes: int,
) -> ImportOutcome:
    """Restore subscriptions and preferences from an /export document.

    Entries are checked one by one; what can be added is added in one transaction, and the
    outcome says what was added, skipped (already followed, repeated, expired, over the
    limit) and invalid. The chat's settings in the file (zone, quiet hours) are applied too.
    """
    try:
        document: LoadedDocument = load_document(data, max_bytes=max_bytes)
    except TransferError as exc:
        return ImportOutcome(error=Reply(f"import.{exc.code}", {"limit_kb": max_bytes // 1024}))
    existing = {sub.query_key for sub in subscription_settings(db, chat_id)}
    plan = plan_import(
        document, existing_keys=existing, key=key, limit=limit, now=now, check_query=check_query
    )
    ids = import_subscriptions(
        db,
        chat_id,
        [(e.query, key(e.query), e.mode, e.daily_time, e.urgent, e.expires_at) for e in plan.add],
        now,
    )
    if plan.settings is not None:
        if plan.settings.timezone is not None:
            set_timezone(db, chat_id, plan.settings.timezone, now)
        if plan.settings.quiet is not None:
            set_quiet_hours(db, chat_id, plan.settings.quiet, now)
    added = tuple(
        (sub.id, sub.query) for sub in subscription_settings(db, chat_id) if sub.id in set(ids)
    )
    return ImportOutcome(plan=plan, added=added)
