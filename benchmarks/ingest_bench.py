"""Ingest throughput: the Saudi sample repeated to N files, into a fresh database.

Each copy gets a last line «نسخة رقم K» so that its bytes (and content hash) are unique:
without it all but the first 100 would be hash duplicates and skip parsing. Copies of one
article are near-duplicates, so story clustering does real work (each copy finds the earlier
ones inside the 48 h window). The files are dropped into an inbox and taken by one
`InboxScanner.scan`, the production path: read, hash, decode, parse, save (article, FTS row,
story), move to processed/.

Usage: python benchmarks/ingest_bench.py [--files 5000] [--samples ../shared/samples]
Prints articles/s and peak memory; the last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ingest.inbox import InboxScanner  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from storage.articles import count_articles  # noqa: E402
from storage.db import open_database  # noqa: E402

GOAL = 200.0  # articles per second on 2 cores


def write_copies(
    inbox: Path, sources: list[Path], originals: list[bytes], first: int, last: int
) -> None:
    """Copies first..last-1, each made unique by a last line, dated as if renamed in."""
    old = time.time() - 3600  # an atomic rename keeps an old mtime: taken on the first scan
    for k in range(first, last):
        raw = originals[k % len(originals)] + f"\nنسخة رقم {k}\n".encode()
        path = inbox / f"{k:05d}-{sources[k % len(sources)].name}"
        path.write_bytes(raw)
        os.utime(path, (old, old))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument(
        "--samples", type=Path, default=ROOT.parent / "shared" / "samples" / "saudinewsnet"
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also report the Python heap peak (tracing slows ingest ~4x: rates not comparable)",
    )
    args = parser.parse_args()
    sources = sorted(args.samples.glob("*.txt"))
    if not sources:
        sources = sorted((ROOT / "tests" / "data" / "saudinewsnet").glob("*.txt"))
    originals = [p.read_bytes() for p in sources]

    tail = min(1000, args.files // 5)  # the last files, timed alone: the rate at a full archive
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(data_dir=Path(tmp) / "data")
        settings.inbox.mkdir(parents=True)
        db = open_database(settings.database)
        scanner = InboxScanner(settings, db)
        if args.tracemalloc:
            tracemalloc.start()
        timings = []
        for first, last in ((0, args.files - tail), (args.files - tail, args.files)):
            write_copies(settings.inbox, sources, originals, first, last)
            started = time.perf_counter()
            report = scanner.scan(datetime.now(UTC) + timedelta(seconds=1))
            timings.append((report, time.perf_counter() - started))
        heap_peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
        stored = count_articles(db)
        stories = db.execute("SELECT COUNT(DISTINCT story_id) FROM articles").fetchone()[0]
        db.close()

    (head_report, head_time), (tail_report, tail_time) = timings
    elapsed = head_time + tail_time
    report = head_report
    report.new += tail_report.new
    report.duplicate += tail_report.duplicate
    report.quarantined += tail_report.quarantined
    tail_rate = tail_report.new / tail_time if tail_time else 0.0
    rate = report.new / elapsed if elapsed else 0.0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {args.files} (from {len(sources)} Saudi articles, each copy made unique)")
    print(f"new: {report.new}  duplicate: {report.duplicate}  quarantined: {report.quarantined}")
    print(f"stored: {stored}  stories: {stories}")
    print(f"time: {elapsed:.2f} s  rate: {rate:.0f} articles/s  (goal {GOAL:.0f})")
    print(f"last {tail} files, with {args.files - tail} already stored: {tail_rate:.0f} articles/s")
    print(
        f"peak RSS: {rss_mb:.0f} MB"
        + (f"  heap peak: {heap_peak / 2**20:.1f} MB" if heap_peak else "")
    )
    print(
        json.dumps(
            {
                "files": args.files,
                "new": report.new,
                "quarantined": report.quarantined,
                "stories": stories,
                "seconds": round(elapsed, 3),
                "articles_per_second": round(rate, 1),
                "articles_per_second_last": round(tail_rate, 1),
                "goal_articles_per_second": GOAL,
                "meets_goal": min(rate, tail_rate) >= GOAL,
                "peak_rss_mb": round(rss_mb, 1),
                "heap_peak_mb": round(heap_peak / 2**20, 1) if heap_peak else None,
            }
        )
    )
    return 0 if report.quarantined == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
