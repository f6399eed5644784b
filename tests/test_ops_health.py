"""/healthz and /metrics: the update monitor, the database probe, and the endpoint served by
the real application against the sandbox."""

from __future__ import annotations

import socket
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from bot.core.outgoing import OutgoingMessage
from bot.ops.health import UpdateMonitor, check_health
from bot.sandbox import Sandbox
from storage import outbox
from storage.db import open_database
from tests.helpers import StartBot, drop, follow

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ARTICLE = (Path(__file__).parent / "data" / "articles" / "004_1e0cd23aaef11339.txt").read_text(
    encoding="utf-8"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _exchange(path: str, status: int | None) -> tuple[httpx.Request, httpx.Response | None]:
    request = httpx.Request("POST", f"http://127.0.0.1/bot1:x/{path}")
    return request, None if status is None else httpx.Response(status, request=request)


async def _poll(monitor: UpdateMonitor, status: int | None, path: str = "getUpdates") -> None:
    request, response = _exchange(path, status)
    await monitor.on_request(request)
    if response is not None:
        await monitor.on_response(response)


async def test_polling_health_follows_get_updates() -> None:
    clock = Clock()
    monitor = UpdateMonitor(stale_after=60, clock=clock)
    assert monitor.problem(webhook=False, receiving=True) == "polling has not started"
    assert monitor.problem(webhook=False, receiving=False) is not None
    await _poll(monitor, None)  # a long poll in flight counts as working
    clock.now += 30
    assert monitor.problem(webhook=False, receiving=True) is None
    await _poll(monitor, 200)
    assert monitor.problem(webhook=False, receiving=True) is None
    # An outage: requests fail (no answer, or 502) for longer than stale_after.
    await _poll(monitor, None)
    clock.now += 40
    await _poll(monitor, 502)
    await _poll(monitor, 200, path="sendMessage")  # other methods say nothing about polling
    clock.now += 40
    assert monitor.problem(webhook=False, receiving=True) == "getUpdates has not succeeded for 80 s"
    assert monitor.problem(webhook=True, receiving=True) is None
    await _poll(monitor, 200)
    assert monitor.problem(webhook=False, receiving=True) is None


def test_health_counts_waiting_alerts_and_probes_writes(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    missing = check_health(path, updates_problem=None, last_scan=None, now=NOW)
    assert not missing.ok and "no database file" in missing.problems[0]
    db = open_database(path)
    for chat, minutes in ((1, 30), (2, 5)):
        queued = NOW - timedelta(minutes=minutes)
        outbox.enqueue(db, outbox.NewAlert(chat, "k", OutgoingMessage(text="x")), now=queued)
    db.close()
    health = check_health(path, updates_problem=None, last_scan=NOW, now=NOW)
    assert health.ok
    assert health.body() == {
        "status": "ok",
        "problems": [],
        "last_scan": "2026-11-30T09:00:00.000000+00:00",
        "outbox_depth": 2,
        "oldest_pending_age_seconds": 1800.0,
        "feeds_failing": 0,
    }
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        locked = check_health(
            path, updates_problem="polling stalled", last_scan=None, now=NOW, write_timeout=0.05
        )
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert not locked.ok
    assert locked.problems[0] == "polling stalled"
    assert "database not writable" in locked.problems[1]


def test_failing_feeds_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "marsad.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO feeds (url, paused, consecutive_failures, added_at) VALUES (?, ?, ?, ?)",
        [("a", 0, 3, "t"), ("b", 0, 0, "t"), ("c", 1, 5, "t"), ("d", 0, 1, "t")],
    )
    conn.commit()
    conn.close()
    health = check_health(path, updates_problem=None, last_scan=None, now=NOW)
    assert health.feeds_failing == 2


def _metric(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} not served")


async def test_endpoint_serves_health_and_metrics(start_bot: StartBot, sandbox: Sandbox) -> None:
    port = free_port()
    async with start_bot(http_port=port, retention_days=30) as application:
        assert application.job_queue is not None
        assert application.job_queue.get_jobs_by_name("retention")
        sandbox.add_user(7)
        follow(application, 7, "الناتو")
        services = application.bot_data.services
        drop(services.settings, "nato.txt", ARTICLE)
        await sandbox.wait_for_messages(7, 1)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            await sandbox.wait_for(lambda: services.sender.totals.sent >= 1, 30, "sent counted")
            health = await client.get("/healthz")
            metrics = await client.get("/metrics")
            missing = await client.get("/nothing")
    assert health.status_code == 200, health.text
    body = health.json()
    assert body["status"] == "ok" and body["last_scan"] is not None
    assert body["outbox_depth"] == 0 and body["feeds_failing"] == 0
    assert missing.status_code == 404
    assert metrics.headers["content-type"].startswith("text/plain")
    text = metrics.text
    names = {line.split("{")[0].split(" ")[0] for line in text.splitlines() if line[:1] != "#"}
    assert all(name.startswith("marsad_") for name in names)
    assert _metric(text, "marsad_articles_ingested_total") == 1
    assert _metric(text, "marsad_articles_quarantined_total") == 0
    assert _metric(text, "marsad_matches_total") == 1
    assert _metric(text, "marsad_alerts_sent_total") == 1
    assert _metric(text, "marsad_rate_limited_total") == 0
    assert _metric(text, 'marsad_outbox_alerts{status="sent"}') == 1
    assert _metric(text, "marsad_send_latency_seconds_count") == 1
    assert _metric(text, "marsad_scan_duration_seconds_count") >= 1
    assert _metric(text, "marsad_outbox_depth") == 0
    assert "marsad_inbox_files_waiting" in names


@pytest.mark.parametrize("http_port", [None])
async def test_endpoint_is_off_by_default(start_bot: StartBot, http_port: int | None) -> None:
    async with start_bot(http_port=http_port) as application:
        assert application.job_queue is not None
        assert not application.job_queue.get_jobs_by_name("retention")
