"""Prometheus metrics, all named `marsad_…`, in a registry of their own (not the global one).

Two sources, and nothing scattered through the pipeline:
- the inbox scanner, wrapped by `ObservedScanner`: scan duration, last scan, files taken;
- figures read at scrape time: the database (through a query-only connection: articles,
  matches, alerts by outbox state, queue-to-sent latency, oldest waiting alert, failing
  feeds), the sender's running totals (sent, retried, 429s, failed) and the inbox folder.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector
from sqlite_utils import Database

from bot.deliver.sender import DrainReport
from bot.ingest.inbox import InboxScanner, ScanReport
from storage import operations, outbox

__all__ = ["LATENCY_BUCKETS", "Metrics", "ObservedScanner"]

log = logging.getLogger(__name__)


# Seconds from queuing an alert to Telegram's acceptance: most go in a second or two; a 429,
# an outage or a group's minute window stretch the tail.
LATENCY_BUCKETS = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0)
SCAN_BUCKETS = (0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class Metrics:
    """The registry and what feeds it. `sender` is set once the bot has one."""

    def __init__(self, database: Path, inbox: Path) -> None:
        self.database = database
        self.inbox = inbox
        self.sender_totals: DrainReport | None = None
        self.registry = CollectorRegistry(auto_describe=True)
        self.scan_seconds = Histogram(
            "marsad_scan_duration_seconds",
            "Time one inbox scan took (parsing and storing what it found).",
            buckets=SCAN_BUCKETS,
            registry=self.registry,
        )
        self.last_scan = Gauge(
            "marsad_last_scan_timestamp_seconds",
            "When the last inbox scan finished (Unix time).",
            registry=self.registry,
        )
        self.ingested = Counter(
            "marsad_articles_ingested",
            "Inbox files stored as new articles since start.",
            registry=self.registry,
        )
        self.quarantined = Counter(
            "marsad_articles_quarantined",
            "Inbox files moved to quarantine (not an article) since start.",
            registry=self.registry,
        )
        self.registry.register(_StoredFigures(self))

    def scanned(self, report: object, seconds: float) -> None:
        """Record one scan: its duration, its end, and what it took."""
        self.scan_seconds.observe(seconds)
        self.last_scan.set(time.time())
        if isinstance(report, ScanReport):
            self.ingested.inc(report.new)
            self.quarantined.inc(report.quarantined)

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format (reads the database: call off-loop)."""
        return generate_latest(self.registry)


class ObservedScanner:
    """The scanner, timed: each scan's duration and outcome go to `metrics`."""

    def __init__(self, scanner: InboxScanner, metrics: Metrics) -> None:
        self.scanner = scanner
        self.metrics = metrics
        self.last_scan_at: datetime | None = None

    def scan(self, now: datetime) -> ScanReport:
        started = time.perf_counter()
        report = self.scanner.scan(now)
        self.metrics.scanned(report, time.perf_counter() - started)
        self.last_scan_at = now
        return report


class _StoredFigures(Collector):
    """Figures read when Prometheus scrapes, from the database, the sender and the inbox."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def describe(self) -> Iterable[Metric]:
        # Without it the registry would call collect() at registration, reading the database
        # while the application is still being built.
        return []

    def collect(self) -> Iterable[Metric]:
        yield from self._sender_totals()
        inbox_files = GaugeMetricFamily(
            "marsad_inbox_files_waiting", "Files in the inbox waiting to be scanned."
        )
        inbox_files.add_metric([], _count_files(self.metrics.inbox))
        yield inbox_files
        if not self.metrics.database.is_file():
            return
        try:
            db = operations.open_reader(self.metrics.database)
        except Exception as exc:  # a scrape reports what it can; health says what is wrong
            log.warning("metrics: cannot read the database: %s", exc)
            return
        try:
            yield from _database_figures(db)
        finally:
            db.close()

    def _sender_totals(self) -> Iterable[Metric]:
        totals = self.metrics.sender_totals
        if totals is None:
            return
        for name, help_text, value in (
            ("marsad_alerts_sent", "Messages Telegram accepted since start.", totals.sent),
            ("marsad_alerts_failed", "Messages Telegram refused for good.", totals.failed),
            ("marsad_send_retries", "Sends retried after a network error.", totals.retried),
            (
                "marsad_rate_limited",
                "429 answers (flood control) from Telegram.",
                totals.rate_limited,
            ),
            ("marsad_alerts_parked", "Messages parked: the chat blocked the bot.", totals.parked),
        ):
            family = CounterMetricFamily(name, help_text)
            family.add_metric([], value)
            yield family


def _database_figures(db: Database) -> Iterable[Metric]:
    stored = GaugeMetricFamily("marsad_articles_stored", "Articles in the database.")
    stored.add_metric([], operations.article_total(db))
    yield stored
    matches = CounterMetricFamily("marsad_matches", "Article-subscription matches recorded.")
    matches.add_metric([], operations.match_total(db))
    yield matches
    states = GaugeMetricFamily(
        "marsad_outbox_alerts", "Outbox rows by state (sent, held, failed, …).", labels=["status"]
    )
    counts = outbox.counts(db)
    for status, number in counts.items():
        states.add_metric([status], number)
    yield states
    depth = GaugeMetricFamily("marsad_outbox_depth", "Alerts waiting to be sent (queue depth).")
    depth.add_metric([], counts.get("pending", 0) + counts.get("sending", 0))
    yield depth
    oldest = operations.oldest_pending_at(db)
    age = GaugeMetricFamily(
        "marsad_oldest_pending_alert_age_seconds", "Age of the oldest alert waiting (0: none)."
    )
    age.add_metric([], 0.0 if oldest is None else max(0.0, time.time() - oldest.timestamp()))
    yield age
    feeds = GaugeMetricFamily("marsad_feeds_failing", "Collector feeds whose last fetch failed.")
    feeds.add_metric([], operations.failing_feeds(db))
    yield feeds
    latency = operations.sent_latencies(db, LATENCY_BUCKETS)
    histogram = HistogramMetricFamily(
        "marsad_send_latency_seconds", "Seconds from queuing an alert to Telegram's acceptance."
    )
    buckets = [(_bound(b), float(n)) for b, n in zip(latency.bounds, latency.at_most, strict=True)]
    buckets.append(("+Inf", float(latency.count)))
    histogram.add_metric([], buckets, sum_value=latency.total_seconds)
    yield histogram


def _bound(value: float) -> str:
    return repr(float(value))


def _count_files(folder: Path) -> int:
    try:
        return sum(
            1 for entry in folder.iterdir() if entry.is_file() and not entry.name.startswith(".")
        )
    except OSError:
        return 0
