"""Per-chat and per-subscription delivery preferences: zone, quiet hours, mute, mode, expiry."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time

from pydantic import BaseModel, ConfigDict
from sqlite_utils import Database

from bot.core.preferences import ChatPrefs, Mode, QuietHours, SubscriptionPrefs, parse_clock

__all__ = [
    "SubscriptionSettings",
    "chat_prefs",
    "expire_mutes",
    "expire_subscriptions",
    "from_db_time",
    "import_subscriptions",
    "mute_chat",
    "set_expiry",
    "set_mode",
    "set_quiet_hours",
    "set_timezone",
    "set_urgent",
    "subscription_prefs",
    "subscription_settings",
    "to_db_time",
    "unmute_chat",
]


def to_db_time(moment: datetime) -> str:
    """An aware instant as the text the schema stores: UTC, ISO-8601, with microseconds.

    One fixed shape (the outbox's own), so that comparing stored times as text compares
    the instants.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware instant")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _ensure_chat(db: Database, chat_id: int, now: datetime) -> None:
    # A preference may be the first thing a chat sets; the chat's other columns keep defaults.
    stamp = to_db_time(now)
    db.execute(
        "INSERT OR IGNORE INTO chats (id, created_at, updated_at) VALUES (?, ?, ?)",
        [chat_id, stamp, stamp],
    )


def chat_prefs(db: Database, chat_id: int, *, default_timezone: str) -> ChatPrefs:
    """The chat's preferences; an unknown chat has the defaults (settings' zone, no quiet)."""
    row = db.execute(
        "SELECT timezone, quiet_start, quiet_end, muted, muted_until, language "
        "FROM chats WHERE id = ?",
        [chat_id],
    ).fetchone()
    if row is None:
        return ChatPrefs(timezone=default_timezone)
    zone, quiet_start, quiet_end, muted, muted_until, language = row
    quiet = None
    if quiet_start is not None and quiet_end is not None:
        quiet = QuietHours(parse_clock(quiet_start), parse_clock(quiet_end))
    return ChatPrefs(
        timezone=zone or default_timezone,
        quiet=quiet,
        muted=bool(muted),
        muted_until=from_db_time(muted_until),
        language=language,
    )


def set_timezone(db: Database, chat_id: int, zone: str, now: datetime) -> None:
    """Store a zone name already checked by `bot.core.preferences.resolve_timezone`."""
    with db.atomic():
        _ensure_chat(db, chat_id, now)
        db.execute(
            "UPDATE chats SET timezone = ?, updated_at = ? WHERE id = ?",
            [zone, to_db_time(now), chat_id],
        )


def set_quiet_hours(db: Database, chat_id: int, quiet: QuietHours | None, now: datetime) -> None:
    """Set the chat's quiet hours, or clear them with None."""
    start = f"{quiet.start:%H:%M}" if quiet else None
    end = f"{quiet.end:%H:%M}" if quiet else None
    with db.atomic():
        _ensure_chat(db, chat_id, now)
        db.execute(
            "UPDATE chats SET quiet_start = ?, quiet_end = ?, updated_at = ? WHERE id = ?",
            [start, end, to_db_time(now), chat_id],
        )


def mute_chat(db: Database, chat_id: int, until: datetime | None, now: datetime) -> int:
    """Mute the chat until `until` (None = until unmuted); returns how many pending
    messages it caught.

    /mute pauses everything not yet delivered: the chat's alerts still pending (queued
    before the mute, or waiting for a retry) are held with the mute, to come out in the
    digest at its end, and so are digest messages not yet sent (released as they are).
    Service messages (replies, notices, broadcasts) are not alerts and go on. A message the
    sender has already claimed (status 'sending') is in flight and left to arrive; the
    sender's claim needs 'pending', so a message held here is never sent as well.
    Alerts already held for an earlier mute follow the new end, so that one mute's alerts
    are released together, once.
    """
    until_text = to_db_time(until) if until is not None else None
    with db.atomic():
        _ensure_chat(db, chat_id, now)
        db.execute(
            "UPDATE chats SET muted = 1, muted_until = ?, updated_at = ? WHERE id = ?",
            [until_text, to_db_time(now), chat_id],
        )
        caught = db.execute(
            "UPDATE outbox SET status = 'held', hold_reason = 'mute' "
            "WHERE chat_id = ? AND status = 'pending' AND kind IN ('alert', 'digest')",
            [chat_id],
        ).rowcount
        db.execute(
            "UPDATE outbox SET release_at = ? "
            "WHERE chat_id = ? AND status = 'held' AND hold_reason = 'mute'",
            [until_text, chat_id],
        )
    return int(caught)


def unmute_chat(db: Database, chat_id: int, now: datetime) -> int:
    """End the chat's mute now; its held alerts (and held digest messages) become due at
    once. Returns how many stories that is."""
    stamp = to_db_time(now)
    with db.atomic():
        db.execute(
            "UPDATE chats SET muted = 0, muted_until = NULL, updated_at = ? WHERE id = ?",
            [stamp, chat_id],
        )
        db.execute(
            "UPDATE outbox SET release_at = ? "
            "WHERE chat_id = ? AND status = 'held' AND hold_reason = 'mute'",
            [stamp, chat_id],
        )
        # Stories, not messages: a held digest message counts the alerts it carries.
        row = db.execute(
            "SELECT (SELECT COUNT(*) FROM outbox WHERE chat_id = :chat AND status = 'held' "
            "AND hold_reason = 'mute' AND kind = 'alert') + (SELECT COUNT(*) FROM outbox "
            "WHERE chat_id = :chat AND status = 'digested' AND digest_id IN (SELECT id FROM "
            "outbox WHERE chat_id = :chat AND status = 'held' AND hold_reason = 'mute' "
            "AND kind = 'digest'))",
            {"chat": chat_id},
        ).fetchone()
    return int(row[0])


def expire_mutes(db: Database, now: datetime) -> list[int]:
    """Clear the mutes that have run out; returns those chats' ids.

    Their held alerts were stored with the mute's end as release time, so the digest job
    picks them up whether or not this ran first.
    """
    stamp = to_db_time(now)
    with db.atomic():
        ids = [
            row[0]
            for row in db.execute(
                "SELECT id FROM chats WHERE muted = 1 AND muted_until IS NOT NULL "
                "AND muted_until <= ? ORDER BY id",
                [stamp],
            ).fetchall()
        ]
        db.execute(
            "UPDATE chats SET muted = 0, muted_until = NULL, updated_at = ? "
            "WHERE muted = 1 AND muted_until IS NOT NULL AND muted_until <= ?",
            [stamp, stamp],
        )
    return ids


class SubscriptionSettings(BaseModel):
    """A subscription with its delivery settings."""

    model_config = ConfigDict(frozen=True)

    id: int
    chat_id: int
    query: str
    query_key: str
    mode: Mode
    daily_at: time | None
    urgent: bool
    expires_at: datetime | None

    @property
    def prefs(self) -> SubscriptionPrefs:
        return SubscriptionPrefs(
            mode=self.mode,
            daily_at=self.daily_at if self.mode == "daily" else None,
            urgent=self.urgent,
            expires_at=self.expires_at,
        )


_SUBSCRIPTION_COLUMNS = "id, chat_id, query, query_key, mode, daily_at, urgent, expires_at"


def _settings(row: tuple[object, ...]) -> SubscriptionSettings:
    sub_id, chat_id, query, query_key, mode, daily_at, urgent, expires_at = row
    return SubscriptionSettings(
        id=sub_id,
        chat_id=chat_id,
        query=query,
        query_key=query_key,
        mode=mode,
        daily_at=parse_clock(str(daily_at)) if daily_at else None,
        urgent=bool(urgent),
        expires_at=from_db_time(str(expires_at)) if expires_at else None,
    )


def subscription_settings(db: Database, chat_id: int) -> list[SubscriptionSettings]:
    """The chat's subscriptions, oldest first, with their delivery settings."""
    rows = db.execute(
        f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE chat_id = ? ORDER BY id",
        [chat_id],
    ).fetchall()
    return [_settings(row) for row in rows]


def subscription_prefs(db: Database, ids: Iterable[int]) -> dict[int, SubscriptionPrefs]:
    """Delivery settings of the given subscriptions (missing ids are absent)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = db.execute(
        f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id IN ({marks})", wanted
    ).fetchall()
    return {settings.id: settings.prefs for settings in map(_settings, rows)}


def _update_subscription(
    db: Database, chat_id: int, sub_id: int, sql: str, args: list[object]
) -> bool:
    with db.atomic():
        cursor = db.execute(
            f"UPDATE subscriptions SET {sql} WHERE id = ? AND chat_id = ?", [*args, sub_id, chat_id]
        )
    return bool(cursor.rowcount)


def set_mode(
    db: Database, chat_id: int, sub_id: int, mode: Mode, daily_at: time | None = None
) -> bool:
    """Set how the chat's subscription delivers; False when it has no such subscription.

    A daily time is kept while another mode is used, so that going back to daily without
    naming a time restores it.
    """
    at = f"{daily_at:%H:%M}" if mode == "daily" and daily_at is not None else None
    return _update_subscription(
        db, chat_id, sub_id, "mode = ?, daily_at = COALESCE(?, daily_at)", [mode, at]
    )


def set_urgent(db: Database, chat_id: int, sub_id: int, urgent: bool) -> bool:
    """Mark the subscription urgent (rings in quiet hours) or not."""
    return _update_subscription(db, chat_id, sub_id, "urgent = ?", [int(urgent)])


def set_expiry(db: Database, chat_id: int, sub_id: int, expires_at: datetime | None) -> bool:
    """Make the subscription time-limited (None = follow until unfollowed)."""
    value = to_db_time(expires_at) if expires_at is not None else None
    return _update_subscription(db, chat_id, sub_id, "expires_at = ?", [value])


def expire_subscriptions(db: Database, now: datetime) -> list[SubscriptionSettings]:
    """Delete the time-limited subscriptions whose time is up, and return them.

    Alerts they already produced stay in the outbox (held ones are still released).
    """
    stamp = to_db_time(now)
    with db.atomic():
        rows = db.execute(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions "
            "WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY id",
            [stamp],
        ).fetchall()
        expired = [_settings(row) for row in rows]
        if expired:
            marks = ",".join("?" * len(expired))
            db.execute(f"DELETE FROM subscriptions WHERE id IN ({marks})", [s.id for s in expired])
    return expired


def import_subscriptions(
    db: Database,
    chat_id: int,
    entries: Iterable[tuple[str, str, Mode, time | None, bool, datetime | None]],
    now: datetime,
) -> list[int]:
    """Add (query, query_key, mode, daily_at, urgent, expires_at) rows in one transaction.

    A key the chat already follows is left as it is (not an error: the import plan reports
    it as skipped). Returns the new subscriptions' ids.
    """
    stamp = to_db_time(now)
    added = []
    with db.atomic():
        _ensure_chat(db, chat_id, now)
        for query, key, mode, daily_at, urgent, expires_at in entries:
            cursor = db.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, query, query_key, mode, daily_at, "
                "urgent, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    chat_id,
                    query,
                    key,
                    mode,
                    f"{daily_at:%H:%M}" if daily_at else None,
                    int(urgent),
                    to_db_time(expires_at) if expires_at else None,
                    stamp,
                ],
            )
            if cursor.rowcount:
                added.append(int(cursor.lastrowid or 0))
    return added
