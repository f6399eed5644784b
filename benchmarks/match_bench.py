"""Matching speed: MatchIndex vs the naive rapidfuzz baseline, at 1k / 10k / 100k keywords.

    .venv/bin/python benchmarks/match_bench.py [--samples ../shared/samples] [--sizes 1000,10000]

Keywords are distinct and drawn from a realistic vocabulary: about 30% are topics, phrases of
common words that name a concept of the thesaurus (every name, definite and indefinite, alone
or joined by + to a word of the articles: «الطائرات المسيرة + أوكرانيا»), so each is matched
in all its forms and with all its synonyms; the rest are alias-table names (countries,
organisations, leaders), single words, and two- or three-word phrases taken from the sample
articles, plus random pairs of real words. Articles are the owner's five and the 100 Saudi ones
(title = first line, body = the rest). The sizes run side by side: each index in a process of
its own, built once in a fresh heap as the bot's is at start, and the warm passes over the
articles alternate between the processes, so the ratio of their times holds on a noisy machine.
Per size it prints the index build time, the memory the index holds (tracemalloc, in a
separate build and process), the median and p95 milliseconds per article (warm token cache,
five passes), and for the sizes where it finishes quickly, the naive baseline (rapidfuzz
partial_ratio of every keyword against title + body, cut-off 80) on a few articles, side by
side in the same run. The last line is JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import random
import statistics
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.core.arabic import WORD_RE
from bot.match.aliases import default_alias_table
from bot.match.concepts import default_concept_table
from bot.match.matching import MatchIndex, Query, QueryError, parse_query

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SAMPLES = ROOT.parent / "shared" / "samples"
STOPWORDS = set(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "أن",
        "ان",
        "إن",
        "التي",
        "الذي",
        "التى",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "مع",
        "بين",
        "كان",
        "كانت",
        "قد",
        "لا",
        "ما",
        "لم",
        "لن",
        "أو",
        "او",
        "ثم",
        "حتى",
        "بعد",
        "قبل",
        "عند",
        "كل",
        "أي",
        "اي",
        "هو",
        "هي",
        "هم",
        "كما",
        "وقال",
        "وقالت",
        "قال",
        "قالت",
        "وأن",
        "وفي",
    ]
)


def load_articles(samples: Path) -> list[tuple[str, str]]:
    files = sorted((samples / "articles").glob("*.txt"))
    files += sorted((samples / "saudinewsnet").glob("*.txt"))
    articles = []
    for path in files:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if len(lines) >= 2:
            articles.append((lines[0], "\n".join(lines[1:])))
    return articles


def topics(size: int, words: list[str], rng: random.Random) -> list[str]:
    """`size` distinct topic keywords: every Arabic name of every concept, definite and
    indefinite, then those names joined by + to a word of the articles."""
    names: list[str] = []
    for concept in default_concept_table().concepts():
        for name in concept.names:
            if name.isascii():
                continue
            names.append(name)
            bare = " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in name.split())
            names.append(bare)
    names = list(dict.fromkeys(names))
    rng.shuffle(names)
    chosen = dict.fromkeys(names[:size])
    while len(chosen) < size:
        chosen[f"{rng.choice(names)} + {rng.choice(words)}"] = None
    return list(chosen)


def vocabulary(
    articles: list[tuple[str, str]], size: int, seed: int = 7, topic_share: float = 0.3
) -> list[str]:
    """`size` distinct keywords, the way subscribers write them: `topic_share` of topics (see
    `topics`), then every alias-table name, topic words and two- or three-word phrases of the
    articles (not the few hundred most frequent words, which nobody follows), then random
    pairs of real words (rare phrases)."""
    rng = random.Random(seed)
    names = [n for e in default_alias_table().entities() for n in e.names if not n.isascii()]
    texts = [[m.group() for m in WORD_RE.finditer(f"{t}\n{b}")] for t, b in articles]
    frequency = Counter(token for tokens in texts for token in tokens)
    common = {token for token, _ in frequency.most_common(300)} | STOPWORDS
    words: list[str] = []
    phrases: list[str] = []
    for tokens in texts:
        topical = [t if len(t) >= 3 and not t.isdigit() and t not in common else "" for t in tokens]
        words += [t for t in topical if len(t) >= 4]
        for a, b, c in zip(topical, topical[1:], topical[2:], strict=False):
            if a and b:
                phrases.append(f"{a} {b}")
                if c:
                    phrases.append(f"{a} {b} {c}")
    mixed = list(dict.fromkeys(words + phrases))
    rng.shuffle(mixed)
    distinct_words = list(dict.fromkeys(words))
    keywords = dict.fromkeys(topics(int(size * topic_share), distinct_words, rng))
    for keyword in names + mixed:
        if len(keywords) >= size:
            break
        keywords[keyword] = None
    while len(keywords) < size:
        keywords[f"{rng.choice(distinct_words)} {rng.choice(distinct_words)}"] = None
    return list(keywords)


def parse_all(keywords: list[str]) -> list[tuple[int, Query]]:
    queries: list[tuple[int, Query]] = []
    for n, keyword in enumerate(keywords):
        try:
            queries.append((n, parse_query(keyword)))
        except QueryError:
            continue
    return queries


def measure_memory(queries: list[tuple[int, Query]]) -> tuple[int, int]:
    """Bytes an index of these queries holds once built, and at the peak of its build."""
    # The alias and concept tables are loaded once a process, for every index: not counted.
    default_alias_table()
    default_concept_table()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = MatchIndex.build(queries)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    return held - before, peak - before


_ROUNDS = 5  # warm passes over the articles per size, alternating between the sizes


def bench_sizes(
    sizes: list[int], articles: list[tuple[str, str]], naive_articles: int, naive_limit: int
) -> dict[int, dict[str, float | int | None]]:
    """Every size side by side: each index lives in a process of its own, built once in a
    fresh heap as the bot's is at start, and the warm passes over the articles alternate
    between the processes, one at a time, so that a slow minute of a noisy machine weighs on
    every size alike and their ratio holds. (One process for all would not do: an index
    built where another one was freed is slower for that alone, and a large index beside a
    small one crowds its memory.)"""
    context = multiprocessing.get_context("spawn")
    workers: dict[int, tuple[BaseProcess, Connection]] = {}
    for size in sizes:  # built one after the other: builds do not slow each other
        mine, theirs = context.Pipe()
        worker: BaseProcess = context.Process(
            target=_serve_size, args=(theirs, size, articles, naive_articles, naive_limit)
        )
        worker.start()
        mine.recv()  # built, and its first pass done
        workers[size] = (worker, mine)
    for round_ in range(_ROUNDS):
        for size in sizes if round_ % 2 == 0 else sizes[::-1]:
            workers[size][1].send(True)
            workers[size][1].recv()
    results: dict[int, dict[str, float | int | None]] = {}
    for size, (worker, connection) in workers.items():
        connection.send(False)
        results[size] = connection.recv()
        worker.join()
    return results


def _serve_size(
    connection: Connection,
    size: int,
    articles: list[tuple[str, str]],
    naive_articles: int,
    naive_limit: int,
) -> None:
    """One size's process (see `bench_sizes`): builds its index, then times a pass over the
    articles each time it is told to, and at the end sends its figures."""
    queries = parse_all(vocabulary(articles, size))
    started = time.perf_counter()
    index = MatchIndex.build(queries)
    build_s = time.perf_counter() - started
    cold = _timed_pass(index, articles)[0]  # a first pass fills the token cache
    connection.send(None)
    warm: list[float] = []
    matches = 0
    while connection.recv():
        times, found = _timed_pass(index, articles)
        warm += times
        matches += found
        connection.send(None)

    naive_ms: float | None = None
    same_ms: float | None = None
    if size <= naive_limit:
        step = max(1, len(articles) // naive_articles)
        chosen = articles[::step][:naive_articles]
        keywords = [query.text for _, query in queries]
        t0 = time.perf_counter()
        for title, body in chosen:
            process.extract(
                f"{title}\n{body}", keywords, scorer=fuzz.partial_ratio, score_cutoff=80, limit=None
            )
        naive_ms = (time.perf_counter() - t0) * 1000 / len(chosen)
        t0 = time.perf_counter()
        for _ in range(3):
            for title, body in chosen:
                index.match(title, body)
        same_ms = (time.perf_counter() - t0) * 1000 / (3 * len(chosen))
    del index
    connection.send(_report(queries, build_s, cold, warm, matches, naive_ms, same_ms))


def _timed_pass(index: MatchIndex, articles: list[tuple[str, str]]) -> tuple[list[float], int]:
    """Milliseconds per article of one pass, and the matches found."""
    times: list[float] = []
    found = 0
    for title, body in articles:
        t0 = time.perf_counter()
        matches = index.match(title, body)
        times.append((time.perf_counter() - t0) * 1000)
        found += len(matches)
    return times, found


def _report(
    queries: list[tuple[int, Query]],
    build_s: float,
    cold: list[float],
    warm: list[float],
    matches: int,
    naive_ms: float | None,
    same_ms: float | None,
) -> dict[str, float | int | None]:
    """One size's figures, printed and returned."""
    # Memory in a process of its own: tracemalloc slows what it traces, and the caches the
    # first build fills (the keys of keyword words) are part of what an index holds.
    held, peak = _in_new_process(measure_memory, queries)
    keywords = len(queries)
    median = statistics.median(warm)
    result: dict[str, float | int | None] = {
        "keywords": keywords,
        "build_s": round(build_s, 3),
        "index_mb": round(held / 2**20, 1),
        "build_peak_mb": round(peak / 2**20, 1),
        "median_ms": round(median, 3),
        "p95_ms": round(sorted(warm)[int(len(warm) * 0.95)], 3),
        "cold_median_ms": round(statistics.median(cold), 3),
        "matches_per_article": round(matches / len(warm), 1),
        "naive_ms": None if naive_ms is None else round(naive_ms, 1),
        "same_articles_ms": None if same_ms is None else round(same_ms, 3),
        "speedup": None if naive_ms is None or not same_ms else round(naive_ms / same_ms, 1),
    }
    naive = (
        f"naive {naive_ms:8.1f} ms vs {same_ms:6.3f} ms on the same articles: ×{result['speedup']}"
        if naive_ms and same_ms
        else ""
    )
    print(
        f"{keywords:>7} keywords: build {build_s:6.2f} s  index {result['index_mb']:6.1f} MB"
        f" (peak {result['build_peak_mb']:6.1f})  median {median:6.3f} ms/article"
        f"  p95 {result['p95_ms']:6.3f}  cold {result['cold_median_ms']:6.3f}"
        f"  matches/article {result['matches_per_article']:6.1f}  {naive}",
        flush=True,
    )
    return result


def _in_new_process(function: Callable[..., T], *args: object) -> T:
    """function(*args) in a new Python process (spawned, not forked: nothing inherited)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--naive-articles", type=int, default=5, help="articles for the baseline")
    parser.add_argument("--naive-limit", type=int, default=10000, help="largest size for it")
    args = parser.parse_args()
    articles = load_articles(args.samples)
    chars = sum(len(t) + len(b) for t, b in articles) / len(articles)
    print(f"{len(articles)} articles, {chars:.0f} characters on average", flush=True)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    results = bench_sizes(sizes, articles, args.naive_articles, args.naive_limit)
    summary: dict[str, object] = {"articles": len(articles), "sizes": results}
    if 10000 in results and 100000 in results:
        ten, hundred = results[10000]["median_ms"], results[100000]["median_ms"]
        assert isinstance(ten, float) and isinstance(hundred, float)
        summary["ratio_100k_to_10k"] = round(hundred / ten, 2)
    summary["largest"] = sizes[-1]
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
