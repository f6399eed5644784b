"""Delivery benchmark: the real sender (PTB over HTTP) against the sandbox with limits on.

Runs, side by side in one process:
1. scaled: N alerts to N chats, the sandbox's bot-wide limit and the sender's rate both
   multiplied by --scale (Telegram's 30/s x scale), so that 10,000 alerts take seconds;
2. real: M alerts to M chats at Telegram's real 30/s and the sender at --rate-fraction of it;
3. latency (when the inbox and matcher are available): single article files dropped into
   the inbox of a running bot with a 1 s scan interval; file landed -> alert received.

Prints achieved rate as a fraction of the limit, 429s received, alerts lost and duplicated,
latency median/p95, and ends with one JSON line. Goals: >= 0.95 of the limit, 0 429s,
0 lost, 0 duplicated, p95 <= 2 s.

    .venv/bin/python benchmarks/delivery_bench.py [--alerts 10000 --scale 10 --real 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from telegram import Bot

from bot.delivery import Sender
from bot.outgoing import Button, OutgoingMessage
from bot.sandbox import Limits, Sandbox
from bot.settings import load_settings
from storage import outbox
from storage.db import open_database
from storage.outbox import NewAlert
from storage.timestamps import utcnow

TELEGRAM_RATE = 30.0


def alert(n: int) -> OutgoingMessage:
    return OutgoingMessage(
        text=f"<b>قمة الناتو في لاهاي</b>\nتنبيه رقم {n}: اجتمع قادة الحلف لبحث الإنفاق الدفاعي.",
        buttons=((Button(text="النص الكامل", callback_data=f"full:{n}"),),),
    )


async def throughput(
    alerts: int, scale: float, fraction: float, concurrency: int
) -> dict[str, Any]:
    """Send `alerts` alerts to as many chats; return the figures."""
    limit = TELEGRAM_RATE * scale
    limits = Limits(global_per_second=limit)
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            data_dir=Path(tmp),
            global_rate=limit * fraction,
            send_concurrency=concurrency,
        )
        db = open_database(settings.database)
        outbox.record_alerts(
            db,
            [],
            [
                NewAlert(chat_id=1000 + n, dedup_key=f"story:{n}", payload=alert(n))
                for n in range(alerts)
            ],
            now=utcnow(),
        )
        async with Sandbox(limits=limits) as sandbox:
            for n in range(alerts):
                sandbox.add_user(1000 + n)
            async with Bot(sandbox.token, base_url=sandbox.api_url) as bot:
                sender = Sender(db, bot, settings)
                started = time.perf_counter()
                while outbox.counts(db)["pending"] or outbox.counts(db)["sending"]:
                    await sender.drain()
                    await asyncio.sleep(0.01)
                wall = time.perf_counter() - started
            times = sorted(e.at for e in sandbox.world.events if e.kind == "bot")
            per_chat = Counter(m.chat_id for m in sandbox.world.all_sent())
            flood = sandbox.world.counters.get("flood_429", 0)
        db.close()
    achieved = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0
    return {
        "alerts": alerts,
        "limit_per_s": limit,
        "sender_rate_per_s": limit * fraction,
        "concurrency": concurrency,
        "achieved_per_s": round(achieved, 2),
        "fraction_of_limit": round(achieved / limit, 4),
        "fraction_of_sender_rate": round(achieved / (limit * fraction), 4),
        "wall_s": round(wall, 2),
        "429s": flood,
        "lost": sum(1 for n in range(alerts) if per_chat[1000 + n] == 0),
        "duplicated": sum(c - 1 for c in per_chat.values() if c > 1),
    }


def show(name: str, figures: dict[str, Any]) -> None:
    print(
        f"{name:>8}: {figures['alerts']} alerts, limit {figures['limit_per_s']:g}/s, "
        f"sender {figures['sender_rate_per_s']:g}/s x{figures['concurrency']}: "
        f"achieved {figures['achieved_per_s']}/s = {figures['fraction_of_limit']:.3f} of the limit "
        f"({figures['fraction_of_sender_rate']:.3f} of the sender's rate), "
        f"429s {figures['429s']}, lost {figures['lost']}, duplicated {figures['duplicated']}, "
        f"{figures['wall_s']} s",
        flush=True,
    )


async def main(args: argparse.Namespace) -> int:
    results: dict[str, Any] = {}
    scaled = await throughput(args.alerts, args.scale, args.rate_fraction, args.concurrency)
    show("scaled", scaled)
    results["scaled"] = scaled
    if args.real:
        real = await throughput(args.real, 1.0, args.rate_fraction, 1)
        show("real", real)
        results["real"] = real
    runs = [results["scaled"], *([results["real"]] if "real" in results else [])]
    results["goals_met"] = all(
        r["fraction_of_limit"] >= 0.95
        and r["429s"] == 0
        and r["lost"] == 0
        and r["duplicated"] == 0
        for r in runs
    )
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=10_000, help="alerts in the scaled run")
    parser.add_argument("--scale", type=float, default=5.0, help="limit multiplier (scaled run)")
    parser.add_argument("--real", type=int, default=1000, help="alerts at the real 30/s (0 = skip)")
    parser.add_argument("--rate-fraction", type=float, default=0.97, help="sender rate / limit")
    parser.add_argument("--concurrency", type=int, default=4, help="sends in flight (scaled run)")
    sys.exit(asyncio.run(main(parser.parse_args())))
