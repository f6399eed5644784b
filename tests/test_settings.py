from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import Settings, SettingsError, load_settings


def test_defaults_derive_paths_from_data_dir(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    assert settings.inbox == tmp_path / "inbox"
    assert settings.database == tmp_path / "marsad.db"
    assert settings.scan_interval == 1
    assert settings.telegram_token is None
    assert settings.telegram_api_url == "https://api.telegram.org/bot"


def test_environment_is_read_with_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_ADMIN_IDS", "1, 2;3")
    monkeypatch.setenv("MARSAD_SCAN_INTERVAL", "2.5")
    monkeypatch.setenv("MARSAD_TELEGRAM_TOKEN", "123:abc")
    settings = load_settings()
    assert settings.admin_ids == (1, 2, 3)
    assert settings.scan_interval == 2.5
    assert settings.telegram_token is not None
    assert "123:abc" not in repr(settings)


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("MARSAD_TIMEZONE=Europe/London\n", encoding="utf-8")
    assert load_settings().timezone == "Europe/London"


def test_settings_are_frozen(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    with pytest.raises(Exception, match="frozen"):
        settings.scan_interval = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("MARSAD_SCAN_INTERVAL", "0", "MARSAD_SCAN_INTERVAL"),
        ("MARSAD_SCAN_INTERVAL", "soon", "MARSAD_SCAN_INTERVAL"),
        ("MARSAD_TIMEZONE", "Mars/Olympus", "MARSAD_TIMEZONE"),
        ("MARSAD_ADMIN_IDS", "12,abc", "MARSAD_ADMIN_IDS"),
        ("MARSAD_TELEGRAM_API_URL", "ftp://x", "MARSAD_TELEGRAM_API_URL"),
        ("MARSAD_LANGUAGE", "fr", "MARSAD_LANGUAGE"),
        ("MARSAD_ARTICLE_LANGUAGES", "ar,de", "MARSAD_ARTICLE_LANGUAGES"),
        ("MARSAD_ARTICLE_LANGUAGES", " , ", "MARSAD_ARTICLE_LANGUAGES"),
    ],
)
def test_bad_value_names_the_setting(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, named: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=named):
        load_settings()


def test_cli_reports_bad_setting_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MARSAD_SCAN_INTERVAL", "-1")
    assert main(["config"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "MARSAD_SCAN_INTERVAL" in err[0]


@pytest.mark.parametrize(
    ("variable", "value", "secret"),
    [
        ("MARSAD_TELEGRAM_TOKEN", "999:secret-token", "secret-token"),
        ("MARSAD_WEBHOOK_SECRET", "hook-secret-value", "hook-secret-value"),
    ],
)
def test_cli_config_masks_secrets(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    variable: str,
    value: str,
    secret: str,
) -> None:
    monkeypatch.setenv(variable, value)
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert secret not in out
    assert f"{variable}=(set)" in out
    assert "MARSAD_HTTP_PORT=None" in out


def test_article_languages_are_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().article_languages == ("ar",)
    monkeypatch.setenv("MARSAD_ARTICLE_LANGUAGES", "ar, EN")
    assert load_settings().article_languages == ("ar", "en")


def test_env_example_documents_every_setting_with_its_default(tmp_path: Path) -> None:
    """Copying .env.example to .env changes nothing: each line states the real default."""
    example = Path(__file__).parent.parent / ".env.example"
    documented = {
        line.split("=", 1)[0]
        for line in example.read_text(encoding="utf-8").splitlines()
        if line.startswith("MARSAD_")
    }
    assert documented == {f"MARSAD_{name.upper()}" for name in Settings.model_fields}
    defaults = load_settings()
    (tmp_path / ".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_settings() == defaults


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3d", timedelta(days=3)), ("72h", timedelta(days=3)), ("90m", timedelta(minutes=90)),
     ("2w", timedelta(weeks=2)), ("P3D", timedelta(days=3))],
)  # fmt: skip
def test_alert_max_age_is_a_duration(value: str, expected: timedelta) -> None:
    assert load_settings(alert_max_age=value).alert_max_age == expected


@pytest.mark.parametrize("value", ["0d", "soon", "-1h"])
def test_a_bad_alert_max_age_names_the_setting(value: str) -> None:
    with pytest.raises(SettingsError, match="MARSAD_ALERT_MAX_AGE"):
        load_settings(alert_max_age=value)
