"""Search latency: /search over 100,000 stored articles, p95 must stay ≤ 50 ms.

Articles are generated from the real sample texts (`../shared/samples/saudinewsnet/` and
`articles/`): each takes a title and ten body sentences drawn with a fixed seed, so the
vocabulary and its frequencies are those of real Arabic news. They are stored with the
schema's migrations, the full-text index holding `bot.core.arabic.index_text` as the inbox writes
it. Queries are single words and two-word phrases from the same texts (common and rare), plus
clitic variants such as «والناتو». Each query runs `storage.search.search_articles` for the
first page (5 hits and the capped total), as /search does.

    python benchmarks/search_bench.py [--articles N] [--queries N]

Prints the figures and a final JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core.arabic import index_text, split_sentences, tokenize
from storage.db import open_database
from storage.search import search_articles

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
GOAL_P95_MS = 50.0
PAGE = 5


def sample_texts() -> tuple[list[str], list[str]]:
    """(titles, sentences) of the sample articles."""
    titles: list[str] = []
    sentences: list[str] = []
    files = sorted((SAMPLES / "saudinewsnet").glob("*.txt")) + sorted(
        (SAMPLES / "articles").glob("*.txt")
    )
    for path in files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        if len(lines) < 3:
            continue
        titles.append(lines[0])
        sentences.extend(s for s in split_sentences("\n".join(lines[2:])) if len(s) > 30)
    return titles, sentences


def generate(db_path: Path, count: int, rng: random.Random) -> None:
    titles, sentences = sample_texts()
    # Index text is word by word, so an article's index text is its sentences' joined: computing
    # it once per sample sentence keeps generation fast without changing what is stored.
    title_index = [index_text(t) for t in titles]
    sentence_index = [index_text(s) for s in sentences]
    db = open_database(db_path)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    batch: list[dict[str, object]] = []
    fts: list[dict[str, object]] = []
    for i in range(1, count + 1):
        t = rng.randrange(len(titles))
        picked = rng.sample(range(len(sentences)), 10)
        title = titles[t]
        body = "\n".join(sentences[k] for k in picked)
        published = (start + timedelta(minutes=5 * i)).isoformat()
        batch.append(
            {
                "id": i,
                "content_hash": f"bench-{i}",
                "file_name": f"bench-{i}.txt",
                "title": title,
                "published": published,
                "published_from": "text",
                "source": "bench",
                "tags": "[]",
                "body": body,
                "related": "[]",
                "language": "ar",
                "ingested_at": published,
            }
        )
        fts.append(
            {
                "rowid": i,
                "title": title_index[t],
                "body": " ".join(sentence_index[k] for k in picked),
            }
        )
        if len(batch) == 5000 or i == count:
            with db.conn:
                db["articles"].insert_all(batch)
                db["articles_fts"].insert_all(fts)
            batch, fts = [], []
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    db.conn.commit()
    db.close()


def queries(count: int, rng: random.Random) -> list[str]:
    _, sentences = sample_texts()
    words = [w for s in sentences for w in s.split() if len(tokenize(w)) == 1 and len(w) > 3]
    chosen = ["الناتو", "والناتو", "كوريا الشمالية", "السعودية", "الصواريخ الباليستية"]
    while len(chosen) < count:
        if rng.random() < 0.5:
            chosen.append(rng.choice(words))
        else:
            sentence = rng.choice(sentences).split()
            k = rng.randrange(0, max(1, len(sentence) - 1))
            chosen.append(" ".join(sentence[k : k + 2]))
    return chosen[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="database file to reuse (built if missing)")
    args = parser.parse_args()
    if not (SAMPLES / "saudinewsnet").is_dir():
        print(f"samples not found under {SAMPLES}", file=sys.stderr)
        return 1
    rng = random.Random(20240620)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        if not path.exists():
            generate(path, args.articles, rng)
        build_s = time.perf_counter() - t0
        print(f"stored {args.articles} articles in {build_s:.1f} s")
        db = open_database(path)
        asked = queries(args.queries, rng)
        for text in asked[:20]:  # warm the page cache as a running bot would be
            search_articles(db, text, limit=PAGE)
        latencies: list[float] = []
        found = 0
        for text in asked:
            t = time.perf_counter()
            page = search_articles(db, text, limit=PAGE)
            latencies.append((time.perf_counter() - t) * 1000)
            found += bool(page.hits)
        db.close()
    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(
        f"{len(asked)} queries, {found} with hits: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {latencies[-1]:.1f} ms (goal p95 ≤ {GOAL_P95_MS:.0f} ms)"
    )
    result = {
        "articles": args.articles,
        "queries": len(asked),
        "queries_with_hits": found,
        "p50_ms": round(p50, 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(latencies[-1], 2),
        "goal_p95_ms": GOAL_P95_MS,
        "ok": p95 <= GOAL_P95_MS,
        "build_s": round(build_s, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
