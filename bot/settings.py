"""Runtime settings: one frozen object, read once from the environment and `.env`."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = ["Settings", "SettingsError", "load_settings"]

TELEGRAM_API_URL = "https://api.telegram.org/bot"

IdList = Annotated[tuple[int, ...], NoDecode]
NameList = Annotated[tuple[str, ...], NoDecode]
# Languages `bot.ingest.articles.detect_language` tells apart.
ARTICLE_LANGUAGES = ("ar", "en", "fr")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")
_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


class SettingsError(Exception):
    """A setting has a bad value; the message names it in one line."""


class Settings(BaseSettings):
    """Every knob of Marsad. Documented with defaults in `.env.example`."""

    model_config = SettingsConfigDict(
        env_prefix="MARSAD_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        # `MARSAD_TELEGRAM_TOKEN=` (as in .env.example) means "not set", not an empty token.
        env_ignore_empty=True,
        frozen=True,
    )

    telegram_token: SecretStr | None = None
    telegram_api_url: str = TELEGRAM_API_URL
    data_dir: Path = Path("data")
    inbox_dir: Path | None = None
    db_path: Path | None = None
    scan_interval: float = Field(default=1.0, gt=0, le=3600)
    max_file_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    admin_ids: IdList = ()
    allowed_user_ids: IdList = ()
    timezone: str = "Asia/Riyadh"
    language: str = "ar"
    max_subscriptions_per_chat: int = Field(default=50, ge=1, le=1000)
    # Telegram allows ~30 msg/s per bot, ~1 msg/s per private chat, 20 msg/min per group;
    # we stay a little under so that a 429 is the exception, not the rule.
    global_rate: float = Field(default=29.0, gt=0)
    chat_rate: float = Field(default=1.0, gt=0)
    group_per_minute: int = Field(default=19, gt=0)
    # Instant alerts one private chat gets in a minute; the rest of a burst waits for the end
    # of that minute and arrives as one digest.
    chat_burst: int = Field(default=3, ge=1)
    # An article whose own date is older than this is stored and listed but never pushed.
    alert_max_age: timedelta = timedelta(days=3)
    inbox_silence_alert_minutes: int = Field(default=180, ge=0)
    # Delivery (bot/delivery.py). Each message in flight at a crash may be sent twice after
    # the restart, so more than 1 trades that guarantee for throughput on slow links.
    send_concurrency: int = Field(default=1, ge=1, le=64)
    send_timeout: float = Field(default=15.0, gt=0)
    sender_interval: float = Field(default=0.5, gt=0, le=60)
    retry_base: float = Field(default=1.0, gt=0)
    retry_max: float = Field(default=600.0, gt=0)
    parked_max_age_hours: float = Field(default=48.0, ge=0)
    # Delivery preferences (bot/preference_jobs.py): how often due digests, ended mutes and
    # expired follows are looked for; a digest goes out at most this late.
    digest_interval: float = Field(default=15.0, gt=0, le=3600)
    # Largest /import file accepted, in bytes.
    max_import_bytes: int = Field(default=512 * 1024, gt=0)
    # Extra alias table merged over the built-in one (bot/match/data/aliases.json format).
    aliases_file: Path | None = None
    # Extra thesaurus merged over the built-in one (bot/match/data/concepts.json format).
    concepts_file: Path | None = None
    # Languages an inbox file must be written in to become an article; others are quarantined.
    article_languages: NameList = ("ar",)
    # Operating (bot/ops): start-up backoff while Telegram is unreachable, doubling from the
    # base up to the cap; the HTTP endpoint for /healthz and /metrics (off without a port);
    # log format; retention; webhook mode instead of polling.
    start_retry_base: float = Field(default=1.0, gt=0, le=60)
    start_retry_max: float = Field(default=60.0, gt=0, le=3600)
    http_port: int | None = Field(default=None, ge=1, le=65535)
    http_host: str = "127.0.0.1"
    log_format: Literal["plain", "json"] = "plain"
    retention_days: int | None = Field(default=None, ge=1)
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    # The feed collector (bot/ingest/collector): feeds read at start, poll interval (a feed
    # may override it), and the politeness limits of every request it makes.
    feeds_file: Path | None = None
    feed_interval: float = Field(default=300.0, gt=0, le=86400)
    feed_timeout: float = Field(default=20.0, gt=0, le=300)
    feed_max_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    feed_host_delay: float = Field(default=2.0, ge=0, le=300)
    feed_failure_alert: int = Field(default=5, ge=1)

    @field_validator("admin_ids", "allowed_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p]
            return tuple(int(p) for p in parts)
        return value

    @field_validator("article_languages", mode="before")
    @classmethod
    def _split_names(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(p.strip().lower() for p in value.replace(";", ",").split(",") if p.strip())
        return value

    @field_validator("article_languages")
    @classmethod
    def _check_article_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [code for code in value if code not in ARTICLE_LANGUAGES]
        if unknown or not value:
            raise ValueError(f"must be a comma-separated list of {', '.join(ARTICLE_LANGUAGES)}")
        return value

    @field_validator("alert_max_age", mode="before")
    @classmethod
    def _read_duration(cls, value: Any) -> Any:
        # «3d», «72h», «90m», «2w» (or ISO 8601, «P3D»).
        if isinstance(value, str):
            match = _DURATION.fullmatch(value.strip().lower())
            if match is not None:
                return timedelta(seconds=float(match[1]) * _DURATION_UNITS[match[2]])
        return value

    @field_validator("alert_max_age")
    @classmethod
    def _positive_duration(cls, value: timedelta) -> timedelta:
        if value <= timedelta(0):
            raise ValueError("must be a positive duration such as 3d, 72h or 90m")
        return value

    @field_validator("aliases_file", "feeds_file", "concepts_file", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("aliases_file", "feeds_file", "concepts_file")
    @classmethod
    def _check_aliases_file(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"no such file: {value}")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("language")
    @classmethod
    def _check_language(cls, value: str) -> str:
        if value not in ("ar", "en"):
            raise ValueError("must be 'ar' or 'en'")
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        # Telegram delivers webhooks over HTTPS only (a reverse proxy may end TLS in front).
        if value is not None and not value.startswith("https://"):
            raise ValueError("must start with https://")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, _ and -.
        if value is not None and not _SECRET_TOKEN.fullmatch(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @model_validator(mode="after")
    def _derive_paths(self) -> Settings:
        # Frozen model: derived defaults are set once here, through object.__setattr__.
        if self.inbox_dir is None:
            object.__setattr__(self, "inbox_dir", self.data_dir / "inbox")
        if self.db_path is None:
            object.__setattr__(self, "db_path", self.data_dir / "marsad.db")
        return self

    @property
    def inbox(self) -> Path:
        assert self.inbox_dir is not None  # set by _derive_paths
        return self.inbox_dir

    @property
    def database(self) -> Path:
        assert self.db_path is not None  # set by _derive_paths
        return self.db_path

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Values no log line or output may show (the logging redactor hides them)."""
        values = (self.telegram_token, self.webhook_secret)
        return tuple(v.get_secret_value() for v in values if v is not None)


def load_settings(**overrides: Any) -> Settings:
    """Build the settings once; a bad value raises SettingsError naming the setting."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "MARSAD_" + "_".join(str(p) for p in first["loc"]).upper()
        raise SettingsError(f"{name}: {first['msg']}") from None
