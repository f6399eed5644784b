"""`Operations`: what the application wires in for operators, in one object.

`bot.app` creates it with the settings, hands its `updates_request()` to the builder (the
health check watches getUpdates), wraps the scanner with `observe`, calls `start` at the end
of post_init and `stop` at the start of post_shutdown. `start` serves /healthz and /metrics
on MARSAD_HTTP_PORT (aiohttp, inside the bot's event loop) and schedules the daily retention
job when MARSAD_RETENTION_DAYS is set.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiohttp import web
from telegram.ext import JobQueue, Updater
from telegram.request import HTTPXRequest

from bot.deliver.sender import DrainReport
from bot.ingest.inbox import InboxScanner
from bot.ops.health import UpdateMonitor, check_health
from bot.ops.metrics import Metrics, ObservedScanner
from bot.ops.retention import prune
from bot.settings import Settings

__all__ = ["RETENTION_INTERVAL", "Operations"]

log = logging.getLogger(__name__)


RETENTION_INTERVAL = 24 * 3600.0
PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


class Operations:
    def __init__(self, settings: Settings, clock: Callable[[], datetime]) -> None:
        self.settings = settings
        self.clock = clock
        self.metrics = Metrics(settings.database, settings.inbox)
        self.updates = UpdateMonitor()
        self.scanner: ObservedScanner | None = None
        self.updater: Updater | None = None
        self._runner: web.AppRunner | None = None

    @property
    def webhook(self) -> bool:
        return self.settings.webhook_url is not None

    def updates_request(self) -> HTTPXRequest:
        return self.updates.request()

    def observe(self, scanner: InboxScanner) -> ObservedScanner:
        observed = ObservedScanner(scanner, self.metrics)
        self.scanner = observed
        return observed

    async def start(
        self, *, sender_totals: DrainReport, updater: Updater | None, job_queue: JobQueue[Any]
    ) -> None:
        self.metrics.sender_totals = sender_totals
        self.updater = updater
        days = self.settings.retention_days
        if days is not None:
            job_queue.run_repeating(
                self._retention_job, interval=RETENTION_INTERVAL, first=60, name="retention"
            )
        port = self.settings.http_port
        if port is None:
            return
        runner = web.AppRunner(self.web_application(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.http_host, port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            # The bot itself can still work: say so loudly rather than refuse to start.
            log.error("cannot serve /healthz on %s:%d: %s", self.settings.http_host, port, exc)
            return
        self._runner = runner
        log.info("serving /healthz and /metrics on http://%s:%d", self.settings.http_host, port)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    def web_application(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        return app

    async def _healthz(self, request: web.Request) -> web.Response:
        receiving = self.updater is not None and self.updater.running
        health = await asyncio.to_thread(
            check_health,
            self.settings.database,
            updates_problem=self.updates.problem(webhook=self.webhook, receiving=receiving),
            last_scan=self.scanner.last_scan_at if self.scanner is not None else None,
            now=self.clock(),
        )
        return web.Response(
            text=json.dumps(health.body(), ensure_ascii=False),
            status=200 if health.ok else 503,
            content_type="application/json",
        )

    async def _metrics(self, request: web.Request) -> web.Response:
        body = await asyncio.to_thread(self.metrics.exposition)
        return web.Response(body=body, headers={"Content-Type": PROMETHEUS_TEXT})

    async def _retention_job(self, context: object) -> None:
        days = self.settings.retention_days
        if days is None:
            return
        try:
            await asyncio.to_thread(prune, self.settings, days=days, now=self.clock())
        except Exception:  # retried tomorrow; the operator sees why now
            log.exception("retention failed")
