"""Shared fixtures: settings rooted in tmp_path, an in-memory database, a local sandbox."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from bot.app import MarsadApp
from bot.sandbox import Sandbox
from bot.settings import Settings, load_settings
from storage.db import open_database
from tests.helpers import StartBot, run_app, sandbox_settings

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's MARSAD_* variables or a stray .env file."""
    import os

    for key in list(os.environ):
        if key.startswith("MARSAD_"):
            monkeypatch.delenv(key)
    # As `marsad` does at start-up (bot/cli.py): PTB's opt-in to timedelta time periods,
    # without which every RetryAfter warns.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(data_dir=tmp_path / "data")


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database(None)
    yield database
    database.close()


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """A local Bot API server on a free loopback port (limits on, no faults)."""
    async with Sandbox(seed=1) as server:
        yield server


@pytest.fixture
def start_bot(sandbox: Sandbox, tmp_path: Path) -> StartBot:
    """The real Application against this test's sandbox: `async with start_bot(**settings)`."""

    def start(**overrides: Any) -> AbstractAsyncContextManager[MarsadApp]:
        return run_app(sandbox_settings(sandbox, tmp_path, **overrides))

    return start
