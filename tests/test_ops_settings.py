"""Operating settings: webhook mode beside polling, the HTTP endpoint, retention, log format."""

from __future__ import annotations

import pytest

from bot.ops.startup import backoff_delay, webhook_options
from bot.settings import SettingsError, load_settings


def test_polling_is_the_default_runner() -> None:
    settings = load_settings()
    assert webhook_options(settings) is None
    assert settings.http_port is None
    assert settings.retention_days is None
    assert settings.log_format == "plain"


def test_webhook_url_chooses_the_webhook_runner() -> None:
    settings = load_settings(
        webhook_url="https://bots.example.org/marsad/hook",
        webhook_listen="0.0.0.0",
        webhook_port=8088,
        webhook_secret="s3cret_value-1",
    )
    assert webhook_options(settings) == {
        "listen": "0.0.0.0",
        "port": 8088,
        "url_path": "marsad/hook",
        "webhook_url": "https://bots.example.org/marsad/hook",
        "secret_token": "s3cret_value-1",
    }
    assert "s3cret_value-1" in settings.secrets


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("MARSAD_WEBHOOK_URL", "http://bots.example.org/hook"),
        ("MARSAD_WEBHOOK_SECRET", "has spaces"),
        ("MARSAD_WEBHOOK_SECRET", "x" * 257),
        ("MARSAD_WEBHOOK_PORT", "0"),
        ("MARSAD_HTTP_PORT", "70000"),
        ("MARSAD_LOG_FORMAT", "xml"),
        ("MARSAD_RETENTION_DAYS", "0"),
        ("MARSAD_START_RETRY_BASE", "0"),
    ],
)
def test_bad_operating_values_name_the_setting(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=variable):
        load_settings()


@pytest.mark.parametrize(
    ("attempt", "expected"),
    [(1, 1.0), (2, 2.0), (3, 4.0), (6, 32.0), (7, 60.0), (500, 60.0)],
)
def test_start_up_backoff_doubles_up_to_the_cap(attempt: int, expected: float) -> None:
    assert backoff_delay(attempt, 1.0, 60.0) == expected
