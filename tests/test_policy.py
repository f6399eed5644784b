"""Holding alerts and releasing them as digests through the outbox, restarts included."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from bot.core import callbacks
from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import QuietHours, SubscriptionPrefs
from bot.deliver.digest import DigestLabels
from bot.deliver.policy import apply_decision, release_due, reschedule_digests
from storage import outbox
from storage.db import open_database
from storage.digests import (
    DigestConflictError,
    advance_digests,
    due_chats,
    enqueue_notice,
    held_counts,
    release_as_digest,
)
from storage.preferences import mute_chat, set_mode, set_quiet_hours, to_db_time, unmute_chat

NOON = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)  # 12:00 in Riyadh
LABELS = DigestLabels(header=lambda count: f"<b>ملخص {count}</b>")
DAILY = SubscriptionPrefs(mode="daily", daily_at=time(8))
HOURLY = SubscriptionPrefs(mode="hourly")
INSTANT = SubscriptionPrefs()


def enqueue(
    db: Database, chat_id: int, n: int, at: datetime, subscription_ids: tuple[int, ...] = ()
) -> int:
    """An article and its pending alert, as the pipeline writes them."""
    stamp = to_db_time(at)
    db.table("chats").insert({"id": chat_id, "created_at": stamp, "updated_at": stamp}, ignore=True)
    article = (
        db.table("articles")
        .insert(
            {
                "content_hash": f"h{n}",
                "file_name": f"{n}.txt",
                "title": f"عنوان الخبر {n}",
                "published_from": "file",
                "source": "Reuters",
                "body": "نص",
                "language": "ar",
                "ingested_at": stamp,
            }
        )
        .last_pk
        or 0
    )
    message = OutgoingMessage(text=f"<b>عنوان الخبر {n}</b>\nملخص")
    return int(
        db.table("outbox")
        .insert(
            {
                "chat_id": chat_id,
                "kind": "alert",
                "dedup_key": f"story:{n}",
                "story_id": n,
                "article_id": article,
                "payload": message.model_dump_json(),
                "status": "pending",
                "next_attempt_at": stamp,
                "created_at": stamp,
                "subscription_ids": json.dumps(subscription_ids) if subscription_ids else None,
            }
        )
        .last_pk
        or 0
    )


def receive(db: Database, chat_id: int, subs: list[SubscriptionPrefs], n: int, at: datetime) -> str:
    outbox_id = enqueue(db, chat_id, n, at)
    decision = apply_decision(db, outbox_id, chat_id, subs, at, default_timezone="Asia/Riyadh")
    return decision.action


def statuses(db: Database, chat_id: int) -> dict[str, int]:
    rows = db.execute(
        "SELECT status, COUNT(*) FROM outbox WHERE chat_id = ? GROUP BY status", [chat_id]
    ).fetchall()
    return dict(rows)


def digests(db: Database, chat_id: int) -> list[OutgoingMessage]:
    rows = db.execute(
        "SELECT payload FROM outbox WHERE chat_id = ? AND kind = 'digest' ORDER BY id", [chat_id]
    ).fetchall()
    return [OutgoingMessage.model_validate_json(row[0]) for row in rows]


def release(db: Database, now: datetime) -> int:
    return len(release_due(db, now, default_timezone="Asia/Riyadh", labels_for=lambda _: LABELS))


def test_daily_digest_releases_at_the_time_once(db: Database) -> None:
    for n in range(1, 4):
        assert receive(db, 7, [DAILY], n, NOON + timedelta(hours=n)) == "hold"
    assert held_counts(db, 7) == {"digest": 3}
    tomorrow_8 = datetime(2024, 6, 2, 5, 0, tzinfo=UTC)
    assert release(db, tomorrow_8 - timedelta(seconds=1)) == 0
    assert release(db, tomorrow_8) == 1
    assert release(db, tomorrow_8 + timedelta(minutes=5)) == 0  # nothing twice
    [digest] = digests(db, 7)
    assert digest.text.startswith("<b>ملخص 3</b>")
    assert digest.buttons[0][0].callback_data == callbacks.full_text(3)
    assert statuses(db, 7) == {"digested": 3, "pending": 1}


def test_next_period_collects_only_new_items(db: Database) -> None:
    receive(db, 7, [HOURLY], 1, NOON + timedelta(minutes=10))
    assert release(db, NOON + timedelta(hours=1)) == 1
    receive(db, 7, [HOURLY], 2, NOON + timedelta(minutes=70))
    assert release(db, NOON + timedelta(hours=2)) == 1
    first, second = digests(db, 7)
    assert "عنوان الخبر 1" in first.text and "عنوان الخبر 2" not in first.text
    assert "عنوان الخبر 2" in second.text and "عنوان الخبر 1" not in second.text


def test_restart_in_the_middle_of_a_digest_period(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    db = open_database(path)
    receive(db, 7, [DAILY], 1, NOON)
    receive(db, 7, [DAILY], 2, NOON + timedelta(hours=1))
    db.close()
    db = open_database(path)  # restart: held items are still there, not due yet
    assert release(db, NOON + timedelta(hours=3)) == 0
    receive(db, 7, [DAILY], 3, NOON + timedelta(hours=4))
    db.close()
    db = open_database(path)  # down over the digest time: the late run releases all three
    assert release(db, datetime(2024, 6, 2, 9, 0, tzinfo=UTC)) == 1
    db.close()
    db = open_database(path)
    assert release(db, datetime(2024, 6, 2, 9, 1, tzinfo=UTC)) == 0
    [digest] = digests(db, 7)
    assert all(f"عنوان الخبر {n}" in digest.text for n in (1, 2, 3))
    db.close()


def test_instant_in_quiet_hours_is_marked_silent_by_the_decision(db: Database) -> None:
    set_quiet_hours(db, 7, QuietHours(time(11), time(13)), NOON)
    outbox_id = enqueue(db, 7, 1, NOON)
    decision = apply_decision(db, outbox_id, 7, [INSTANT], NOON, default_timezone="Asia/Riyadh")
    assert (decision.action, decision.silent) == ("send", True)
    assert statuses(db, 7) == {"pending": 1}


def test_digest_released_in_quiet_hours_is_silent(db: Database) -> None:
    set_quiet_hours(db, 7, QuietHours(time(23), time(9)), NOON)
    receive(db, 7, [DAILY], 1, NOON)
    receive(db, 7, [DAILY], 2, NOON)
    release(db, datetime(2024, 6, 2, 5, 0, tzinfo=UTC))  # 08:00 local, inside 23-09
    [digest] = digests(db, 7)
    assert digest.disable_notification


def test_mute_holds_and_unmute_releases_one_digest(db: Database) -> None:
    mute_chat(db, 7, None, NOON)
    for n in range(1, 6):
        assert receive(db, 7, [INSTANT], n, NOON + timedelta(minutes=n)) == "hold"
    assert release(db, NOON + timedelta(days=3)) == 0  # indefinite: waits for /unmute
    assert unmute_chat(db, 7, NOON + timedelta(days=3)) == 5
    assert release(db, NOON + timedelta(days=3)) == 1
    [digest] = digests(db, 7)
    assert digest.text.startswith("<b>ملخص 5</b>")
    assert statuses(db, 7) == {"digested": 5, "pending": 1}


def test_timed_mute_releases_at_its_end_and_lone_alert_goes_as_itself(db: Database) -> None:
    mute_chat(db, 7, NOON + timedelta(hours=2), NOON)
    receive(db, 7, [INSTANT], 1, NOON + timedelta(minutes=5))
    assert release(db, NOON + timedelta(hours=1)) == 0
    assert release(db, NOON + timedelta(hours=2)) == 1
    assert digests(db, 7) == []
    assert statuses(db, 7) == {"pending": 1}
    payload = db.execute("SELECT payload FROM outbox WHERE chat_id = 7").fetchone()[0]
    assert json.loads(payload)["disable_notification"] is False


def test_remute_moves_held_alerts_to_the_new_end(db: Database) -> None:
    mute_chat(db, 7, None, NOON)
    receive(db, 7, [INSTANT], 1, NOON)
    receive(db, 7, [INSTANT], 2, NOON)
    mute_chat(db, 7, NOON + timedelta(hours=1), NOON)
    assert due_chats(db, NOON + timedelta(hours=1)) == [7]


def test_switching_to_instant_brings_held_digests_forward(db: Database) -> None:
    receive(db, 7, [DAILY], 1, NOON)
    assert advance_digests(db, 7, NOON + timedelta(minutes=1)) == 1
    assert release(db, NOON + timedelta(minutes=1)) == 1


def test_digest_conflict_changes_nothing(db: Database) -> None:
    first = enqueue(db, 7, 1, NOON)
    apply_decision(db, first, 7, [DAILY], NOON, default_timezone="Asia/Riyadh")
    second = enqueue(db, 7, 2, NOON)  # still pending: not part of any hold
    with pytest.raises(DigestConflictError):
        release_as_digest(db, 7, [first, second], [OutgoingMessage(text="x")], NOON)
    assert statuses(db, 7) == {"held": 1, "pending": 1}
    assert digests(db, 7) == []


def test_chats_are_released_independently(db: Database) -> None:
    receive(db, 7, [HOURLY], 1, NOON)
    receive(db, 8, [HOURLY], 2, NOON)
    receive(db, 8, [HOURLY], 3, NOON)
    assert release(db, NOON + timedelta(hours=1)) == 2
    assert len(digests(db, 7)) == 1 and len(digests(db, 8)) == 1
    assert "عنوان الخبر 1" not in digests(db, 8)[0].text


def group_receive(db: Database, n: int, at: datetime, budget: int = 5) -> str:
    outbox_id = enqueue(db, -100, n, at)
    decision = apply_decision(
        db, outbox_id, -100, [INSTANT], at, default_timezone="Asia/Riyadh", group_budget=budget
    )
    return decision.action


def test_group_burst_is_batched_into_one_digest(db: Database) -> None:
    actions = [group_receive(db, n, NOON + timedelta(seconds=n)) for n in range(1, 13)]
    assert actions == ["send"] * 5 + ["hold"] * 7
    assert release(db, NOON + timedelta(seconds=30)) == 0
    assert release(db, NOON + timedelta(seconds=65)) == 0
    assert release(db, NOON + timedelta(seconds=66)) == 1  # one minute after the first hold
    [digest] = digests(db, -100)
    assert digest.text.startswith("<b>ملخص 7</b>")
    assert statuses(db, -100) == {"pending": 6, "digested": 7}


def test_alerts_join_a_waiting_batch_then_flow_again(db: Database) -> None:
    for n in range(1, 7):
        group_receive(db, n, NOON)
    # The minute has passed, but a batch is still waiting: the newcomer joins it, in order.
    assert group_receive(db, 7, NOON + timedelta(seconds=59)) == "hold"
    release(db, NOON + timedelta(seconds=60))
    assert group_receive(db, 8, NOON + timedelta(seconds=125)) == "send"


def test_private_chats_have_no_burst_budget(db: Database) -> None:
    assert {receive(db, 7, [INSTANT], n, NOON) for n in range(1, 30)} == {"send"}


def test_delivery_policy_reads_stored_preferences(db: Database) -> None:
    from bot.deliver.policy import delivery_policy
    from bot.settings import load_settings
    from storage import chats
    from storage.preferences import set_mode

    settings = load_settings(group_per_minute=3)
    policy = delivery_policy(settings)
    private = chats.upsert_chat(db, 7, kind="private", now=NOON)
    group = chats.upsert_chat(db, -100, kind="supergroup", now=NOON)
    stamp = to_db_time(NOON)
    subs = {}
    for chat_id in (7, -100):
        row = {"chat_id": chat_id, "query": "q", "query_key": "q", "created_at": stamp}
        subs[chat_id] = int(db.table("subscriptions").insert(row).last_pk or 0)
    set_mode(db, 7, subs[7], "hourly")
    decision = policy(db, private, [subs[7]], NOON)
    assert (decision.action, decision.reason) == ("hold", "digest")
    assert policy(db, private, [], NOON).action == "drop"  # subscriptions gone meanwhile
    actions = []
    for n in range(1, 5):
        actions.append(policy(db, group, [subs[-100]], NOON).action)
        enqueue(db, -100, n, NOON)  # what the pipeline writes after a "send"
    assert actions == ["send", "send", "hold", "hold"]  # budget: one under the limit


# --- /mute catches what is pending, not what is in flight ------------------------------------


def test_mute_holds_pending_alerts_but_not_the_one_in_flight(db: Database) -> None:
    ids = [enqueue(db, 7, n, NOON) for n in (1, 2, 3)]
    assert outbox.claim(db, ids[0], now=NOON)  # the sender took the first: in flight
    assert mute_chat(db, 7, None, NOON + timedelta(seconds=1)) == 2
    assert not outbox.claim(db, ids[1], now=NOON)  # a held alert is never sent as well
    outbox.mark_sent(db, ids[0], 555, now=NOON)
    assert release(db, NOON + timedelta(hours=5)) == 0  # indefinite: waits for /unmute
    assert unmute_chat(db, 7, NOON + timedelta(hours=5)) == 2
    assert release(db, NOON + timedelta(hours=5)) == 1
    [digest] = digests(db, 7)
    assert "عنوان الخبر 1" not in digest.text  # already delivered: not repeated
    assert "عنوان الخبر 2" in digest.text and "عنوان الخبر 3" in digest.text
    assert statuses(db, 7) == {"sent": 1, "digested": 2, "pending": 1}


def test_an_alert_in_flight_at_mute_that_fails_is_held_with_the_mute(db: Database) -> None:
    notice = enqueue_notice(db, 7, "expired:1", OutgoingMessage(text="انتهت"), NOON) or 0
    [alert] = [enqueue(db, 7, 1, NOON)]
    assert outbox.claim(db, alert, now=NOON) and outbox.claim(db, notice, now=NOON)
    mute_chat(db, 7, NOON + timedelta(hours=2), NOON)
    for item in (alert, notice):  # flood control: both go back to the queue
        outbox.reschedule(db, item, at=NOON + timedelta(seconds=5), error="429")
    assert statuses(db, 7) == {"held": 1, "pending": 1}  # the notice is not an alert
    assert release(db, NOON + timedelta(hours=1)) == 0
    assert release(db, NOON + timedelta(hours=2)) == 1


def test_mute_leaves_other_chats_and_service_messages_alone(db: Database) -> None:
    enqueue(db, 7, 1, NOON)
    enqueue(db, 8, 2, NOON)
    notice = enqueue_notice(db, 7, "expired:1", OutgoingMessage(text="انتهت"), NOON)
    assert mute_chat(db, 7, NOON + timedelta(hours=1), NOON) == 1
    assert statuses(db, 8) == {"pending": 1}
    assert outbox.get_item(db, notice or 0) is not None
    assert statuses(db, 7) == {"held": 1, "pending": 1}  # the notice still goes out


def test_timed_mute_releases_a_caught_alert_as_itself(db: Database) -> None:
    enqueue(db, 7, 1, NOON)
    mute_chat(db, 7, NOON + timedelta(hours=2), NOON)
    assert release(db, NOON + timedelta(hours=1)) == 0
    assert release(db, NOON + timedelta(hours=2)) == 1
    assert digests(db, 7) == [] and statuses(db, 7) == {"pending": 1}


def test_mute_holds_an_unsent_digest_and_releases_it_as_it_is(db: Database) -> None:
    receive(db, 7, [HOURLY], 1, NOON)
    receive(db, 7, [HOURLY], 2, NOON)
    assert release(db, NOON + timedelta(hours=1)) == 1  # the digest is queued, not yet sent
    mute_chat(db, 7, None, NOON + timedelta(hours=1))
    assert statuses(db, 7) == {"digested": 2, "held": 1}
    assert unmute_chat(db, 7, NOON + timedelta(hours=2)) == 2  # the stories it carries
    assert release(db, NOON + timedelta(hours=2)) == 1
    [digest] = digests(db, 7)  # the same message, not a digest of a digest
    assert digest.text.startswith("<b>ملخص 2</b>")
    assert statuses(db, 7) == {"digested": 2, "pending": 1}


def test_a_digest_due_during_a_mute_waits_and_joins_the_mute_digest(db: Database) -> None:
    receive(db, 7, [DAILY], 1, NOON)
    mute_chat(db, 7, None, NOON + timedelta(hours=1))
    receive(db, 7, [INSTANT], 2, NOON + timedelta(hours=2))
    tomorrow_8 = datetime(2024, 6, 2, 5, 0, tzinfo=UTC)
    assert release(db, tomorrow_8) == 0  # muted: the daily digest does not ring
    unmute_chat(db, 7, tomorrow_8 + timedelta(hours=1))
    assert release(db, tomorrow_8 + timedelta(hours=1)) == 1
    [digest] = digests(db, 7)
    assert "عنوان الخبر 1" in digest.text and "عنوان الخبر 2" in digest.text


# --- a mode change moves only the held alerts of that subscription ---------------------------


def subscribe(db: Database, chat_id: int, query: str, prefs: SubscriptionPrefs) -> int:
    stamp = to_db_time(NOON)
    db.table("chats").insert({"id": chat_id, "created_at": stamp, "updated_at": stamp}, ignore=True)
    row = {
        "chat_id": chat_id,
        "query": query,
        "query_key": query,
        "mode": prefs.mode,
        "daily_at": f"{prefs.daily_at:%H:%M}" if prefs.daily_at else None,
        "created_at": stamp,
    }
    return int(db.table("subscriptions").insert(row).last_pk or 0)


def hold_for(db: Database, n: int, subs: dict[int, SubscriptionPrefs]) -> int:
    outbox_id = enqueue(db, 7, n, NOON, tuple(subs))
    apply_decision(db, outbox_id, 7, list(subs.values()), NOON, default_timezone="Asia/Riyadh")
    return outbox_id


def release_at(db: Database, outbox_id: int) -> datetime | None:
    row = db.execute("SELECT release_at FROM outbox WHERE id = ?", [outbox_id]).fetchone()
    return datetime.fromisoformat(row[0]) if row[0] else None


TOMORROW_8 = datetime(2024, 6, 2, 5, 0, tzinfo=UTC)  # 08:00 in Riyadh
NEXT_HOUR = NOON + timedelta(hours=1)


def test_switching_one_subscription_moves_only_its_alerts(db: Database) -> None:
    nato = subscribe(db, 7, "الناتو", DAILY)
    korea = subscribe(db, 7, "كوريا", DAILY)
    only_nato = hold_for(db, 1, {nato: DAILY})
    only_korea = hold_for(db, 2, {korea: DAILY})
    both = hold_for(db, 3, {nato: DAILY, korea: DAILY})
    set_mode(db, 7, nato, "instant")
    assert reschedule_digests(db, 7, nato, NOON, default_timezone="Asia/Riyadh") == 2
    assert release_at(db, only_nato) == NOON
    assert release_at(db, both) == NOON  # the most immediate of its subscriptions
    assert release_at(db, only_korea) == TOMORROW_8  # not korea's: untouched
    assert release(db, NOON) == 1
    [digest] = digests(db, 7)
    assert "عنوان الخبر 2" not in digest.text


@pytest.mark.parametrize(
    ("new_mode", "other", "expected"),
    [
        # An alert matched by the switched subscription and another one follows the more
        # immediate of their modes; alone, it follows the new mode, later as well as sooner.
        ("hourly", None, NEXT_HOUR),
        ("daily", None, TOMORROW_8),
        ("instant", None, NOON),
        ("daily", HOURLY, NEXT_HOUR),
        ("hourly", DAILY, NEXT_HOUR),
        ("daily", DAILY, TOMORROW_8),
    ],
)
def test_a_held_alert_follows_its_most_immediate_subscription(
    db: Database, new_mode: str, other: SubscriptionPrefs | None, expected: datetime
) -> None:
    switched = subscribe(db, 7, "الناتو", HOURLY)
    subs = {switched: HOURLY}
    if other is not None:
        subs[subscribe(db, 7, "كوريا", other)] = other
    outbox_id = hold_for(db, 1, subs)
    set_mode(db, 7, switched, new_mode, time(8))  # type: ignore[arg-type]
    reschedule_digests(db, 7, switched, NOON, default_timezone="Asia/Riyadh")
    assert release_at(db, outbox_id) == expected


def test_an_alert_of_unknown_subscriptions_is_only_brought_forward(db: Database) -> None:
    nato = subscribe(db, 7, "الناتو", HOURLY)
    legacy = enqueue(db, 7, 1, NOON)  # queued before subscriptions were recorded
    apply_decision(db, legacy, 7, [HOURLY], NOON, default_timezone="Asia/Riyadh")
    set_mode(db, 7, nato, "daily", time(8))
    assert reschedule_digests(db, 7, nato, NOON, default_timezone="Asia/Riyadh") == 0
    assert release_at(db, legacy) == NEXT_HOUR  # never held longer than it was
    set_mode(db, 7, nato, "instant")
    assert reschedule_digests(db, 7, nato, NOON, default_timezone="Asia/Riyadh") == 1
    assert release_at(db, legacy) == NOON


def test_a_private_burst_beyond_the_chat_budget_waits_for_one_digest(db: Database) -> None:
    from bot.deliver.policy import delivery_policy
    from bot.settings import load_settings
    from storage import chats

    policy = delivery_policy(load_settings(chat_burst=3))
    private = chats.upsert_chat(db, 7, kind="private", now=NOON)
    stamp = to_db_time(NOON)
    row = {"chat_id": 7, "query": "q", "query_key": "q", "created_at": stamp}
    sub = int(db.table("subscriptions").insert(row).last_pk or 0)
    actions = []
    for n in range(1, 9):
        # Decided before the alert is written, as the pipeline does (bot.deliver.routing).
        decision = policy(db, private, [sub], NOON + timedelta(seconds=n))
        outbox_id = enqueue(db, 7, n, NOON + timedelta(seconds=n))
        if decision.action == "hold" and decision.reason is not None:
            from storage.digests import hold_alert

            hold_alert(db, outbox_id, reason=decision.reason, release_at=decision.release_at)
        actions.append(decision.action)
    assert actions == ["send"] * 3 + ["hold"] * 5
    assert release(db, NOON + timedelta(seconds=30)) == 0
    assert release(db, NOON + timedelta(seconds=65)) == 1  # the minute after the first hold
    [digest] = digests(db, 7)
    assert digest.text.startswith("<b>ملخص 5</b>")
    assert statuses(db, 7) == {"pending": 4, "digested": 5}  # 3 alerts and the digest
