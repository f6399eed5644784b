"""Retention: processed files and old bodies go; titles, search by title and pending alerts stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.core.article import ParsedArticle
from bot.core.outgoing import OutgoingMessage
from bot.ops.retention import prune
from bot.settings import Settings, load_settings
from storage import outbox
from storage.articles import get_article, save_article
from storage.db import open_database
from storage.search import search_articles

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
BODY = "ناقش وزراء دفاع الحلف في بروكسل خطة لتعزيز الدفاع الجوي على الجناح الشرقي."


def _store(settings: Settings, title: str, age_days: int, *, alert: str | None = None) -> int:
    db = open_database(settings.database)
    try:
        parsed = ParsedArticle(
            path="x.txt",
            title=title,
            published=NOW - timedelta(days=age_days),
            published_from="text",
            source="المصدر",
            body=f"{BODY} {title}",
            language="ar",
        )
        stored_at = NOW - timedelta(days=age_days)
        saved = save_article(db, parsed, content_hash=title, file_name="x.txt", now=stored_at)
        if alert is not None:
            item = outbox.enqueue(
                db,
                outbox.NewAlert(
                    chat_id=1,
                    dedup_key=f"article:{saved.article_id}",
                    payload=OutgoingMessage(text=title),
                    story_id=saved.story_id,
                    article_id=saved.article_id,
                    status="held" if alert == "held" else "pending",
                    hold_reason="digest" if alert == "held" else None,
                ),
                now=stored_at,
            )
            assert item is not None
            if alert == "sent":
                assert outbox.claim(db, item, now=stored_at)
                outbox.mark_sent(db, item, 99, now=stored_at)
        return saved.article_id
    finally:
        db.close()


def _processed(settings: Settings, day: str, names: list[str]) -> Path:
    folder = settings.inbox / "processed" / day
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text("نص", encoding="utf-8")
    return folder


def test_prune_keeps_recent_and_pending_and_empties_old_bodies(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "data", timezone="UTC")
    old = _store(settings, "خبر قديم عن الغواصات", 40)
    old_sent = _store(settings, "خبر قديم أرسل تنبيهه", 40, alert="sent")
    old_pending = _store(settings, "خبر قديم تنبيهه معلق", 40, alert="pending")
    old_held = _store(settings, "خبر قديم ينتظر الملخص", 40, alert="held")
    recent = _store(settings, "خبر حديث عن الطائرات", 3)
    gone = _processed(settings, "2026-10-01", ["a.txt", "b.txt"])
    kept = _processed(settings, "2026-11-29", ["c.txt"])
    other = settings.inbox / "processed" / "notes"
    other.mkdir()

    report = prune(settings, days=30, now=NOW)

    assert (report.folders, report.files, report.bodies) == (1, 2, 2)
    assert not gone.exists() and kept.exists() and other.exists()
    db = open_database(settings.database)
    try:
        emptied = {old, old_sent}
        for article_id in (old, old_sent, old_pending, old_held, recent):
            article = get_article(db, article_id)
            assert article.title  # titles and metadata always stay
            assert (article.body == "") == (article_id in emptied)
        # The index follows: the old body no longer matches, its title still does.
        found_by_body = {hit.id for hit in search_articles(db, "الجناح الشرقي", limit=10).hits}
        assert found_by_body == {old_pending, old_held, recent}
        found_by_title = {hit.id for hit in search_articles(db, "الغواصات", limit=10).hits}
        assert found_by_title == {old}
    finally:
        db.close()
    # Pruning again finds nothing more to do.
    assert prune(settings, days=30, now=NOW) == type(report)(0, 0, 0)


def test_prune_command_needs_a_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MARSAD_DATA_DIR", str(tmp_path / "data"))
    assert main(["prune"]) == 2
    assert "MARSAD_RETENTION_DAYS" in capsys.readouterr().err
    monkeypatch.setenv("MARSAD_RETENTION_DAYS", "30")
    settings = load_settings()
    _processed(settings, "2000-01-01", ["a.txt"])
    assert main(["prune"]) == 0
    assert "1 processed folder(s), 1 file(s)" in capsys.readouterr().out
