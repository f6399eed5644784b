"""The scheduled work: digests with texts, expiry notices, the inbox silence alert."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import SubscriptionPrefs
from bot.deliver.jobs import run_digests, run_expiry, run_silence_check
from bot.deliver.policy import apply_decision
from bot.settings import Settings, load_settings
from storage.admin import record_inbox_activity
from storage.preferences import set_expiry, subscription_settings, to_db_time

NOW = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


def notices(db: Database, chat_id: int) -> list[OutgoingMessage]:
    rows = db.execute(
        "SELECT payload FROM outbox WHERE chat_id = ? AND kind IN ('notice', 'digest') ORDER BY id",
        [chat_id],
    ).fetchall()
    return [OutgoingMessage.model_validate_json(row[0]) for row in rows]


def add_chat(db: Database, chat_id: int, language: str | None = None) -> None:
    stamp = to_db_time(NOW)
    db.table("chats").insert(
        {"id": chat_id, "language": language, "created_at": stamp, "updated_at": stamp},
        ignore=True,
    )


def test_digest_uses_the_chat_language(db: Database, settings: Settings) -> None:
    add_chat(db, 7, "en")
    daily = SubscriptionPrefs(mode="daily", daily_at=time(8))
    for n in range(2):
        article = db.table("articles").insert(
            {
                "content_hash": f"h{n}",
                "file_name": "f",
                "title": f"Title {n}",
                "published_from": "file",
                "body": "b",
                "language": "ar",
                "ingested_at": to_db_time(NOW),
            }
        )
        row = db.table("outbox").insert(
            {
                "chat_id": 7,
                "dedup_key": f"story:{n}",
                "article_id": article.last_pk,
                "payload": OutgoingMessage(text="x").model_dump_json(),
                "status": "pending",
                "next_attempt_at": to_db_time(NOW),
                "created_at": to_db_time(NOW),
            }
        )
        apply_decision(db, int(row.last_pk or 0), 7, [daily], NOW, default_timezone="Asia/Riyadh")
    assert run_digests(db, settings, NOW) == []
    [release] = run_digests(db, settings, datetime(2024, 6, 2, 5, tzinfo=UTC))
    assert release.items == 2
    [digest] = notices(db, 7)
    assert digest.text.startswith("<b>🗞 Marsad digest: 2 stories</b>")


def test_expiry_deletes_and_notifies_once(db: Database, settings: Settings) -> None:
    add_chat(db, 7)
    sub = db.table("subscriptions").insert(
        {"chat_id": 7, "query": "الناتو", "query_key": "ناتو", "created_at": to_db_time(NOW)}
    )
    set_expiry(db, 7, int(sub.last_pk or 0), NOW + timedelta(days=7))
    assert run_expiry(db, settings, NOW + timedelta(days=6)) == []
    [expired] = run_expiry(db, settings, NOW + timedelta(days=7))
    assert expired.query == "الناتو"
    assert run_expiry(db, settings, NOW + timedelta(days=8)) == []
    assert subscription_settings(db, 7) == []
    [notice] = notices(db, 7)
    assert "انتهت مدة متابعة" in notice.text and "الناتو" in notice.text


def test_silence_alert_once_per_spell() -> None:
    from storage.db import open_database

    db = open_database(None)
    settings = load_settings(admin_ids="5,6", inbox_silence_alert_minutes=60)
    started = NOW
    assert not run_silence_check(db, settings, NOW + timedelta(minutes=59), started_at=started)
    assert run_silence_check(db, settings, NOW + timedelta(minutes=61), started_at=started)
    assert not run_silence_check(db, settings, NOW + timedelta(minutes=300), started_at=started)
    assert [len(notices(db, admin)) for admin in (5, 6)] == [1, 1]
    assert "61" in notices(db, 5)[0].text
    record_inbox_activity(db, NOW + timedelta(minutes=310))  # the feed came back, then stopped
    assert not run_silence_check(db, settings, NOW + timedelta(minutes=360), started_at=started)
    assert run_silence_check(db, settings, NOW + timedelta(minutes=371), started_at=started)
    assert [len(notices(db, admin)) for admin in (5, 6)] == [2, 2]
    db.close()


def test_no_silence_alert_without_admins(db: Database, settings: Settings) -> None:
    assert not run_silence_check(db, settings, NOW + timedelta(days=3), started_at=NOW)
