"""Export and import of a chat's subscriptions and preferences as a versioned JSON document.

The document is meant to be kept by a user and sent back, maybe edited by hand, maybe to
another chat: the envelope (format, version) is checked strictly, then every subscription
entry is checked on its own, so that one bad entry is reported as invalid without spoiling
the rest. Nothing here touches the database: `plan_import` says what to add and why the
rest is skipped; the caller applies it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.core.arabic import strip_invisible
from bot.core.errors import MarsadError, TransferErrorCode
from bot.core.preferences import (
    DEFAULT_DAILY_AT,
    Mode,
    PreferenceError,
    QuietHours,
    format_clock,
    parse_clock,
    parse_quiet_hours,
    resolve_timezone,
)

__all__ = [
    "FORMAT",
    "MAX_IMPORT_BYTES",
    "MAX_QUERY_CHARS",
    "VERSION",
    "ChatSettings",
    "ExportDocument",
    "ImportPlan",
    "LoadedDocument",
    "SkipReason",
    "SubscriptionEntry",
    "TransferError",
    "build_document",
    "dump_document",
    "export_filename",
    "load_document",
    "plan_import",
]

FORMAT: Final = "marsad.subscriptions"
VERSION = 1
# An export of 1,000 subscriptions is about 150 kB; anything far beyond is not ours.
MAX_IMPORT_BYTES = 512 * 1024
MAX_QUERY_CHARS = 300


class TransferError(MarsadError[TransferErrorCode], ValueError):
    """The file as a whole cannot be read; `code` names why for the reply text."""


def _canonical(normalize: Callable[[str], str], what: str) -> AfterValidator:
    """A field check that puts a preference written as text in its canonical form; text the
    preferences reject fails validation, its message naming `what`."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return normalize(value)
        except PreferenceError:
            raise ValueError(f"{what} {value!r}") from None

    return AfterValidator(check)


_ClockText = Annotated[str | None, _canonical(lambda v: format_clock(parse_clock(v)), "bad time")]
_ZoneName = Annotated[str | None, _canonical(resolve_timezone, "unknown time zone")]
_QuietText = Annotated[
    str | None, _canonical(lambda v: str(parse_quiet_hours(v)), "bad quiet hours")
]


class SubscriptionEntry(BaseModel):
    """One followed keyword and how it is delivered."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    query: str = Field(min_length=1, max_length=MAX_QUERY_CHARS)
    mode: Mode = "instant"
    daily_at: _ClockText = None
    urgent: bool = False
    expires_at: datetime | None = None

    @field_validator("query")
    @classmethod
    def _strip(cls, value: str) -> str:
        value = strip_invisible(value).strip()
        if not value:
            raise ValueError("empty query")
        return value

    @field_validator("expires_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value

    @model_validator(mode="after")
    def _daily_needs_time(self) -> SubscriptionEntry:
        # A daily digest without a time would fire at an arbitrary hour: take the default.
        if self.mode == "daily" and self.daily_at is None:
            object.__setattr__(self, "daily_at", format_clock(DEFAULT_DAILY_AT))
        if self.mode != "daily" and self.daily_at is not None:
            object.__setattr__(self, "daily_at", None)
        return self

    @property
    def daily_time(self) -> time | None:
        return parse_clock(self.daily_at) if self.daily_at else None


class ChatSettings(BaseModel):
    """The chat-wide preferences worth carrying over (a mute is momentary: not exported)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    timezone: _ZoneName = None
    language: Literal["ar", "en"] | None = None
    quiet_hours: _QuietText = None

    @property
    def quiet(self) -> QuietHours | None:
        return parse_quiet_hours(self.quiet_hours) if self.quiet_hours else None


class ExportDocument(BaseModel):
    """The whole file: envelope, chat settings and subscriptions."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    format: Literal["marsad.subscriptions"] = FORMAT
    version: int = VERSION
    exported_at: datetime
    settings: ChatSettings = ChatSettings()
    subscriptions: tuple[SubscriptionEntry, ...] = ()


def dump_document(document: ExportDocument) -> bytes:
    """The document as indented UTF-8 JSON, Arabic kept readable (not \\u-escaped)."""
    data = document.model_dump(mode="json", exclude_none=True)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_filename(chat_id: int, now: datetime) -> str:
    return f"marsad-{abs(chat_id)}-{now.astimezone(UTC):%Y%m%d-%H%M}.json"


@dataclass(frozen=True)
class LoadedDocument:
    """A readable file: its settings (None when that block was invalid), valid entries, problems."""

    settings: ChatSettings | None
    entries: tuple[tuple[int, SubscriptionEntry], ...]
    invalid: tuple[tuple[str, str], ...]  # (what, why): entry number or "settings", reason


def _reason(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def load_document(data: bytes, *, max_bytes: int = MAX_IMPORT_BYTES) -> LoadedDocument:
    """Read an export file: size, encoding, JSON, envelope; then each entry on its own.

    Raises TransferError with code "too_large", "not_utf8", "not_json", "wrong_format",
    "newer_version" or "bad_document" when the file as a whole is unusable.
    """
    if len(data) > max_bytes:
        raise TransferError("too_large", f"{len(data)} > {max_bytes} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TransferError("not_utf8") from None
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TransferError("not_json", f"line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        # Nesting deeper than the interpreter's stack: no export of ours is more than 3 deep.
        raise TransferError("not_json", "nested too deeply") from None
    except ValueError as exc:
        # An integer of more digits than Python converts (sys.get_int_max_str_digits).
        raise TransferError("not_json", str(exc)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise TransferError("wrong_format")
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TransferError("bad_document", "version")
    if version > VERSION:
        raise TransferError("newer_version", str(version))
    subscriptions = raw.get("subscriptions", [])
    if not isinstance(subscriptions, list):
        raise TransferError("bad_document", "subscriptions is not a list")
    invalid: list[tuple[str, str]] = []
    settings: ChatSettings | None = None
    if raw.get("settings") is not None:
        try:
            settings = ChatSettings.model_validate(raw["settings"])
        except ValidationError as exc:
            invalid.append(("settings", _reason(exc)))
    entries: list[tuple[int, SubscriptionEntry]] = []
    for number, item in enumerate(subscriptions, start=1):
        try:
            entries.append((number, SubscriptionEntry.model_validate(item)))
        except ValidationError as exc:
            label = item.get("query") if isinstance(item, dict) else None
            shown = label.strip()[:40] if isinstance(label, str) else ""
            what = f"#{number} {shown}" if shown else f"#{number}"
            invalid.append((what, _reason(exc)))
    return LoadedDocument(settings, tuple(entries), tuple(invalid))


SkipReason = Literal["duplicate", "exists", "expired", "limit"]


@dataclass
class ImportPlan:
    """What an import does: entries to add, entries skipped (with why), entries invalid."""

    settings: ChatSettings | None
    add: list[SubscriptionEntry] = field(default_factory=list)
    skipped: list[tuple[str, SkipReason]] = field(default_factory=list)
    invalid: list[tuple[str, str]] = field(default_factory=list)


def plan_import(
    document: LoadedDocument,
    *,
    existing_keys: Collection[str],
    key: Callable[[str], str],
    limit: int,
    now: datetime,
    check_query: Callable[[str], str | None] | None = None,
) -> ImportPlan:
    """Decide entry by entry: add, skip (already followed, repeated, expired, over the limit),
    or invalid (a query the matcher rejects: `check_query` returns the reason, or None if fine).

    `key` is the same normalization the subscriptions table keys on, so an import never adds
    a near-duplicate of something followed; `limit` is the most subscriptions a chat may have.
    """
    plan = ImportPlan(settings=document.settings, invalid=list(document.invalid))
    seen = set(existing_keys)
    room = max(limit - len(existing_keys), 0)
    for _number, entry in document.entries:
        problem = check_query(entry.query) if check_query is not None else None
        if problem is not None:
            plan.invalid.append((entry.query, problem))
            continue
        entry_key = key(entry.query)
        if entry_key in existing_keys:
            plan.skipped.append((entry.query, "exists"))
        elif entry_key in seen:
            plan.skipped.append((entry.query, "duplicate"))
        elif entry.expires_at is not None and entry.expires_at <= now:
            plan.skipped.append((entry.query, "expired"))
        elif len(plan.add) >= room:
            plan.skipped.append((entry.query, "limit"))
        else:
            plan.add.append(entry)
            seen.add(entry_key)
    return plan


def build_document(
    *,
    now: datetime,
    settings: ChatSettings,
    subscriptions: Sequence[SubscriptionEntry],
) -> ExportDocument:
    """The export of a chat at `now`."""
    return ExportDocument(exported_at=now, settings=settings, subscriptions=tuple(subscriptions))
