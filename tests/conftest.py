"""Shared fixtures: settings rooted in tmp_path, an in-memory database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.settings import Settings, load_settings
from storage.db import open_database

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's MARSAD_* variables or a stray .env file."""
    import os

    for key in list(os.environ):
        if key.startswith("MARSAD_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(data_dir=tmp_path / "data")


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database(None)
    yield database
    database.close()
