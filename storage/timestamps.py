"""How instants are stored: UTC ISO-8601 text with microseconds, which sorts like time."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["from_db", "to_db", "utcnow"]


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    """`2025-01-31T09:15:00.000000+00:00`; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
