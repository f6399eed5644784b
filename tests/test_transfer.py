"""Export/import documents: round trip, envelope checks, per-entry validation, the plan."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.chat.transfer import (
    MAX_IMPORT_BYTES,
    ChatSettings,
    SubscriptionEntry,
    TransferError,
    build_document,
    dump_document,
    load_document,
    plan_import,
)
from bot.core.arabic import normalize

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def doc(**overrides: Any) -> bytes:
    data: dict[str, Any] = {
        "format": "marsad.subscriptions",
        "version": 1,
        "exported_at": "2024-06-01T12:00:00+00:00",
        "settings": {"timezone": "Asia/Riyadh", "quiet_hours": "23:00-07:00"},
        "subscriptions": [{"query": "الناتو"}],
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False).encode()


def test_round_trip() -> None:
    entries = [
        SubscriptionEntry(query="كوريا الشمالية", mode="daily", daily_at="7:30", urgent=True),
        SubscriptionEntry(query="الناتو", expires_at=NOW + timedelta(days=7)),
        SubscriptionEntry(query="إيران", mode="hourly"),
    ]
    settings = ChatSettings(timezone="europe/berlin", language="en", quiet_hours="22-6")
    data = dump_document(build_document(now=NOW, settings=settings, subscriptions=entries))
    assert "كوريا الشمالية" in data.decode()  # readable Arabic, not \u escapes
    loaded = load_document(data)
    assert loaded.invalid == ()
    assert loaded.settings == ChatSettings(
        timezone="Europe/Berlin", language="en", quiet_hours="22:00-06:00"
    )
    assert [e for _, e in loaded.entries] == [
        SubscriptionEntry(query="كوريا الشمالية", mode="daily", daily_at="07:30", urgent=True),
        entries[1],
        entries[2],
    ]


def test_daily_without_time_gets_the_default() -> None:
    assert SubscriptionEntry(query="x", mode="daily").daily_at == "08:00"
    assert SubscriptionEntry(query="x", mode="instant", daily_at="09:00").daily_at is None


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\xff\xfe\x00garbage", "not_utf8"),
        (b"{not json", "not_json"),
        (b"[]", "wrong_format"),
        (json.dumps({"format": "other"}).encode(), "wrong_format"),
        (doc(version=2), "newer_version"),
        (doc(version="1"), "bad_document"),
        (doc(version=True), "bad_document"),
        (doc(subscriptions={"query": "x"}), "bad_document"),
        (b" " * (MAX_IMPORT_BYTES + 1), "too_large"),
        # Hostile documents: a clear reply, never a traceback.
        (b"[" * 100_000 + b"]" * 100_000, "not_json"),
        (b'{"format": "marsad.subscriptions", "version": ' + b"7" * 5000 + b"}", "not_json"),
        (b"1" * 5000, "not_json"),
    ],
)
def test_unusable_files(data: bytes, code: str) -> None:
    with pytest.raises(TransferError) as info:
        load_document(data)
    assert info.value.code == code


def test_bom_is_accepted() -> None:
    assert len(load_document(b"\xef\xbb\xbf" + doc()).entries) == 1


def test_bad_entries_are_reported_and_the_rest_kept() -> None:
    data = doc(
        settings={"timezone": "Mars/Base"},
        subscriptions=[
            {"query": "الناتو", "mode": "daily", "daily_at": "08:00"},
            {"query": "   "},
            {"query": "روسيا", "mode": "weekly"},
            {"query": "الصين", "daily_at": "25:00", "mode": "daily"},
            "just a string",
            {"mode": "instant"},
            {"query": "x" * 301},
            {"query": "تركيا", "unknown_field": 1},
        ],
    )
    loaded = load_document(data)
    assert [e.query for _, e in loaded.entries] == ["الناتو", "تركيا"]
    assert loaded.settings is None
    whats = [what for what, _ in loaded.invalid]
    assert whats == ["settings", "#2", "#3 روسيا", "#4 الصين", "#5", "#6", "#7 " + "x" * 40]
    assert all(reason for _, reason in loaded.invalid)


def test_plan_adds_skips_and_limits() -> None:
    data = doc(
        subscriptions=[
            {"query": "الناتو"},  # already followed (another spelling)
            {"query": "كوريا الشمالية"},
            {"query": "كوريا  الشماليه"},  # repeated in the file
            {"query": "إيران", "expires_at": "2024-05-01T00:00:00Z"},
            {"query": "الصين"},
            {"query": "روسيا"},  # over the limit
            {"query": "-"},  # the matcher rejects it
        ]
    )
    plan = plan_import(
        load_document(data),
        existing_keys={normalize("النّاتو")},
        key=lambda q: " ".join(normalize(q).split()),
        limit=3,
        now=NOW,
        check_query=lambda q: "no words" if not any(c.isalpha() for c in q) else None,
    )
    assert [e.query for e in plan.add] == ["كوريا الشمالية", "الصين"]
    assert plan.skipped == [
        ("الناتو", "exists"),
        ("كوريا  الشماليه", "duplicate"),
        ("إيران", "expired"),
        ("روسيا", "limit"),
    ]
    assert plan.invalid == [("-", "no words")]
    assert plan.settings is not None and plan.settings.timezone == "Asia/Riyadh"


@pytest.mark.parametrize("query", ["الن\u200bاتو", "\u202bالناتو\u202c", "\ufeffالناتو\u00ad"])
def test_imported_keywords_lose_invisible_marks(query: str) -> None:
    loaded = load_document(doc(subscriptions=[{"query": query}]))
    assert [entry.query for _, entry in loaded.entries] == ["الناتو"]
