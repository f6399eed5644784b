"""`marsad backup DEST`: a consistent copy of the live database while another connection writes."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.core.article import ParsedArticle
from storage.articles import count_articles, save_article
from storage.backup import integrity_check
from storage.db import open_database

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _store(db_path: Path, start: int, count: int) -> None:
    db = open_database(db_path)
    try:
        for n in range(start, start + count):
            parsed = ParsedArticle(
                path=f"{n}.txt",
                title=f"خبر رقم {n} عن الناتو",
                published=NOW,
                published_from="text",
                source="المصدر",
                body="اجتمع وزراء دفاع الحلف في بروكسل لبحث الدعم العسكري. " * 40,
                language="ar",
            )
            save_article(db, parsed, content_hash=f"h{n}", file_name=f"{n}.txt", now=NOW)
    finally:
        db.close()


@pytest.fixture
def live_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The database path `marsad backup` reads, through MARSAD_DATA_DIR; not created yet."""
    data = tmp_path / "data"
    monkeypatch.setenv("MARSAD_DATA_DIR", str(data))
    return data / "marsad.db"


def test_backup_while_another_connection_writes(
    tmp_path: Path, live_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _store(live_db, 0, 200)
    done = threading.Event()

    def write() -> None:
        n = 1000
        while not done.is_set():
            _store(live_db, n, 5)
            n += 5

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [tmp_path / f"copy{i}.db" for i in range(3)]
        codes = [main(["backup", str(copy)]) for copy in copies]
    finally:
        done.set()
        writer.join()
    assert codes == [0, 0, 0]
    assert capsys.readouterr().out.count("integrity ok") == 3
    for copy in copies:
        # The copy stands alone: no -wal file is needed beside it.
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        conn.close()
        assert integrity_check(copy) == "ok"
        db = open_database(copy)
        try:
            stored = count_articles(db)
            fts = db.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        finally:
            db.close()
        # A snapshot: every article with its index row, none half-written.
        assert stored >= 200
        assert fts == stored


def test_backup_into_a_folder_gets_a_dated_name_and_never_overwrites(
    tmp_path: Path, live_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _store(live_db, 0, 3)
    folder = tmp_path / "backups"
    folder.mkdir()
    assert main(["backup", str(folder)]) == 0
    (made,) = folder.iterdir()
    assert made.name.startswith("marsad-") and made.suffix == ".db"
    assert main(["backup", str(made)]) == 1
    assert "exists" in capsys.readouterr().err


def test_backup_without_a_database_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MARSAD_DATA_DIR", str(tmp_path / "nothing"))
    assert main(["backup", str(tmp_path / "copy.db")]) == 1
    assert "no database" in capsys.readouterr().err
