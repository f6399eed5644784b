"""Summary quality: ROUGE-1/ROUGE-2 F1 against human summaries, beside a lead baseline.

For each article of the Essex Arabic Summaries Corpus (`../shared/samples/easc/topicNN/`), the
summary the alerts would carry (`bot.deliver.summary.summarize`, no keyword) is scored against
each of the five human summaries (A–E) and the scores averaged. In the same run, a lead
baseline takes the article's first whole sentences up to the same number of characters as our
summary, and a stricter prefix baseline the opening text cut mid-sentence to exactly that length.
Tokens are `bot.core.arabic.tokenize` tokens (normalized: alef, yeh, teh marbuta, digits).

The summarizer's parameters (position decay, centrality weight, sentences per summary; see
`bot.deliver.summary.SummaryWeights`) are chosen by two-fold cross-validation: the topics are
split into odd- and even-numbered halves; the grid point with the best gain in ROUGE-1 +
ROUGE-2 over the same-length lead on one half is scored on the other, both ways. The held-out
figures are what to expect on unseen news; the defaults are the grid point the whole set
selects. The per-article lines, the halves
and the whole set are printed for the defaults, with the human summaries' mean length (the
budget should be comparable) and the time `summarize` takes per article.

    python benchmarks/summary_eval.py [--samples DIR] [--max-chars N] [--no-cv]

Prints one line per article, the means, the cross-validation, and a final JSON line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.arabic import split_sentences, tokenize
from bot.deliver.summary import (
    DEFAULT_WEIGHTS,
    MAX_CHARS,
    MAX_SENTENCES,
    SummaryWeights,
    summarize,
    unwrap,
)


def _samples() -> Path:
    """`shared/samples/easc` beside the nearest folder above this script that has one (the
    repository may sit at /work/main or in a worktree deeper down)."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "samples" / "easc"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parents[2] / "shared" / "samples" / "easc"


DEFAULT_SAMPLES = _samples()
# The cross-validated grid: how fast the position prior decays, how much centrality reorders
# what follows the lead, how many sentences a summary may hold.
DECAYS = (0.5, 1.0, 2.0)
CENTRALITIES = (0.0, 0.05, 0.1, 0.2, 0.3)
SENTENCES = (3, 4, 5)


def ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_f1(candidate: str, reference: str, n: int) -> float:
    """ROUGE-N F1 of `candidate` against one `reference`, on normalized tokens."""
    cand, ref = ngrams(tokenize(candidate), n), ngrams(tokenize(reference), n)
    overlap = sum((cand & ref).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(cand.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def lead(article: str, length: int) -> str:
    """The article's first sentences, whole, up to `length` characters (the first one cut at
    a word boundary if it alone is longer): what an alert would show without a summarizer."""
    picked: list[str] = []
    used = 0
    for sentence in split_sentences(unwrap(article)):
        cost = len(sentence) + (1 if picked else 0)
        if used + cost > length:
            break
        picked.append(sentence)
        used += cost
    return " ".join(picked) if picked else prefix(article, length)


def prefix(article: str, length: int) -> str:
    """The article's opening text cut at a word boundary to at most `length` characters: a
    stricter baseline, since it may end mid-sentence to use every character."""
    flat = " ".join(article.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length]
    space = cut.rfind(" ")
    return cut[:space] if space > 0 else cut


def score(summary: str, references: list[str]) -> tuple[float, float]:
    r1 = statistics.fmean(rouge_f1(summary, ref, 1) for ref in references)
    r2 = statistics.fmean(rouge_f1(summary, ref, 2) for ref in references)
    return r1, r2


def split_of(topic: Path) -> str:
    """'tune' for odd topic numbers (hyperparameters are chosen there), 'held-out' for even."""
    number = int("".join(ch for ch in topic.name if ch.isdigit()) or 0)
    return "tune" if number % 2 else "held-out"


def means(rows: list[tuple[float, float]]) -> tuple[float, float]:
    if not rows:
        return 0.0, 0.0
    return statistics.fmean(r[0] for r in rows), statistics.fmean(r[1] for r in rows)


@dataclass(frozen=True)
class Topic:
    name: str
    split: str
    article: str
    references: list[str]


@dataclass(frozen=True)
class Scored:
    """One summary's ROUGE (R1, R2) beside the same-length lead and prefix baselines."""

    ours: tuple[float, float]
    lead: tuple[float, float]
    prefix: tuple[float, float]


Setting = tuple[float, float, int]  # (decay, centrality, sentences)


def score_setting(topics: Sequence[Topic], setting: Setting, max_chars: int) -> list[Scored]:
    decay, centrality, sentences = setting
    weights = SummaryWeights(decay=decay, centrality=centrality)
    rows = []
    for topic in topics:
        summary = summarize(
            topic.article, max_chars=max_chars, max_sentences=sentences, weights=weights
        ).text
        rows.append(
            Scored(
                score(summary, topic.references),
                score(lead(topic.article, len(summary)), topic.references),
                score(prefix(topic.article, len(summary)), topic.references),
            )
        )
    return rows


def best_setting(
    table: dict[Setting, list[Scored]], picked: Callable[[int], bool]
) -> tuple[Setting, float]:
    """The grid point with the highest mean gain in ROUGE-1 + ROUGE-2 over the same-length
    lead on the picked topics: what a summarizer adds over showing the opening sentences (a
    longer summary raises both, so absolute ROUGE would just favour length)."""

    def objective(setting: Setting) -> float:
        rows = [r for i, r in enumerate(table[setting]) if picked(i)]
        return statistics.fmean(r.ours[0] + r.ours[1] - r.lead[0] - r.lead[1] for r in rows)

    best = max(table, key=lambda s: (objective(s), s == _default_setting()))
    return best, objective(best)


def _default_setting() -> Setting:
    return (DEFAULT_WEIGHTS.decay, DEFAULT_WEIGHTS.centrality, MAX_SENTENCES)


def cross_validate(topics: Sequence[Topic], max_chars: int) -> dict[str, float | int | str]:
    """Two-fold cross-validation over the grid; prints each fold and the pooled held-out."""
    table = {
        setting: score_setting(topics, setting, max_chars)
        for setting in itertools.product(DECAYS, CENTRALITIES, SENTENCES)
    }
    result: dict[str, float | int | str] = {"cv_grid_points": len(table)}
    held_out: list[Scored] = []

    def in_split(name: str) -> Callable[[int], bool]:
        return lambda i: topics[i].split == name

    for fit, test in (("tune", "held-out"), ("held-out", "tune")):
        setting, _ = best_setting(table, in_split(fit))
        rows = [r for i, r in enumerate(table[setting]) if topics[i].split == test]
        held_out.extend(rows)
        o = means([r.ours for r in rows])
        b = means([r.lead for r in rows])
        p = means([r.prefix for r in rows])
        print(
            f"cv: fit on {fit:8} → decay={setting[0]} centrality={setting[1]} "
            f"sentences={setting[2]}; on {test:8} ({len(rows)}): ours R1={o[0]:.4f} "
            f"R2={o[1]:.4f}   lead R1={b[0]:.4f} R2={b[1]:.4f}   prefix R1={p[0]:.4f} "
            f"R2={p[1]:.4f}"
        )
    o = means([r.ours for r in held_out])
    b = means([r.lead for r in held_out])
    p = means([r.prefix for r in held_out])
    passed = o[0] >= b[0] and o[1] >= b[1] - 0.01
    print(
        f"cv: held-out, both folds ({len(held_out)}): ours R1={o[0]:.4f} R2={o[1]:.4f}   "
        f"lead R1={b[0]:.4f} R2={b[1]:.4f}   prefix R1={p[0]:.4f} R2={p[1]:.4f}   "
        f"target R1 ≥ lead, R2 ≥ lead − 0.01: {'met' if passed else 'NOT met'}"
    )
    chosen, _ = best_setting(table, lambda _i: True)
    print(
        f"cv: the whole set selects decay={chosen[0]} centrality={chosen[1]} "
        f"sentences={chosen[2]}; the defaults are {_default_setting()}"
    )
    result.update(
        cv_rouge1_f1=round(o[0], 4),
        cv_rouge2_f1=round(o[1], 4),
        cv_lead_rouge1_f1=round(b[0], 4),
        cv_lead_rouge2_f1=round(b[1], 4),
        cv_prefix_rouge1_f1=round(p[0], 4),
        cv_prefix_rouge2_f1=round(p[1], 4),
        cv_target_met=int(passed),
        cv_selected=json.dumps(chosen),
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--max-chars", type=int, default=MAX_CHARS)
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    topics = sorted(p for p in args.samples.glob("topic*") if (p / "article.txt").is_file())
    if not topics:
        print(f"no topic*/article.txt under {args.samples}", file=sys.stderr)
        return 1

    ours: list[tuple[float, float]] = []
    baseline: list[tuple[float, float]] = []
    opening: list[tuple[float, float]] = []
    splits: list[str] = []
    reference_chars: list[int] = []
    seconds: list[float] = []
    for topic in topics:
        article = (topic / "article.txt").read_text(encoding="utf-8-sig")
        references = [p.read_text(encoding="utf-8-sig") for p in sorted(topic.glob("summary-*"))]
        reference_chars.extend(len(" ".join(r.split())) for r in references)
        began = time.perf_counter()
        summary = summarize(article, max_chars=args.max_chars).text
        seconds.append(time.perf_counter() - began)
        splits.append(split_of(topic))
        ours.append(score(summary, references))
        baseline.append(score(lead(article, len(summary)), references))
        opening.append(score(prefix(article, len(summary)), references))
        print(
            f"{topic.name:8} chars={len(summary):4}  ours R1={ours[-1][0]:.3f} R2={ours[-1][1]:.3f}"
            f"  lead R1={baseline[-1][0]:.3f} R2={baseline[-1][1]:.3f}"
            f"  prefix R1={opening[-1][0]:.3f} R2={opening[-1][1]:.3f}"
        )

    # Timing: best of a few repeats over the whole set, so one slow scheduling blip on a shared
    # machine does not decide the figure.
    texts = [(t / "article.txt").read_text(encoding="utf-8-sig") for t in topics]
    rounds = []
    for _ in range(5):
        began = time.perf_counter()
        for text in texts:
            summarize(text, max_chars=args.max_chars)
        rounds.append((time.perf_counter() - began) / len(texts))
    per_article_ms = min(rounds) * 1000

    result: dict[str, float | int | str] = {
        "articles": len(topics),
        "max_chars": args.max_chars,
        "reference_chars_mean": round(statistics.fmean(reference_chars)),
        "reference_chars_median": round(statistics.median(reference_chars)),
        "rouge1_f1": round(statistics.fmean(r[0] for r in ours), 4),
        "rouge2_f1": round(statistics.fmean(r[1] for r in ours), 4),
        "lead_rouge1_f1": round(statistics.fmean(r[0] for r in baseline), 4),
        "lead_rouge2_f1": round(statistics.fmean(r[1] for r in baseline), 4),
        "prefix_rouge1_f1": round(statistics.fmean(r[0] for r in opening), 4),
        "prefix_rouge2_f1": round(statistics.fmean(r[1] for r in opening), 4),
        "wins_rouge1": sum(o[0] > b[0] for o, b in zip(ours, baseline, strict=True)),
    }
    pairs = list(zip(ours, baseline, strict=True))
    result["rouge1_gain"] = round(statistics.fmean(o[0] - b[0] for o, b in pairs), 4)
    result["rouge2_gain"] = round(statistics.fmean(o[1] - b[1] for o, b in pairs), 4)
    print(
        f"all      ({len(topics):2} topics):      ours R1={result['rouge1_f1']:.4f} "
        f"R2={result['rouge2_f1']:.4f}   lead R1={result['lead_rouge1_f1']:.4f} "
        f"R2={result['lead_rouge2_f1']:.4f}   prefix R1={result['prefix_rouge1_f1']:.4f} "
        f"R2={result['prefix_rouge2_f1']:.4f}"
    )
    for name in ("tune", "held-out"):
        picked = [i for i, s in enumerate(splits) if s == name]
        o = means([ours[i] for i in picked])
        b = means([baseline[i] for i in picked])
        p = means([opening[i] for i in picked])
        key = name.replace("-", "_")
        result[f"{key}_articles"] = len(picked)
        result[f"{key}_rouge1_f1"], result[f"{key}_rouge2_f1"] = round(o[0], 4), round(o[1], 4)
        result[f"{key}_lead_rouge1_f1"] = round(b[0], 4)
        result[f"{key}_lead_rouge2_f1"] = round(b[1], 4)
        result[f"{key}_prefix_rouge1_f1"] = round(p[0], 4)
        result[f"{key}_prefix_rouge2_f1"] = round(p[1], 4)
        print(
            f"{name:8} ({len(picked):2} {'odd' if name == 'tune' else 'even'} topics): "
            f"ours R1={o[0]:.4f} R2={o[1]:.4f}   lead R1={b[0]:.4f} R2={b[1]:.4f}   "
            f"prefix R1={p[0]:.4f} R2={p[1]:.4f}"
        )
    result["summarize_ms_per_article"] = round(per_article_ms, 3)
    result["summarize_ms_max_single"] = round(max(seconds) * 1000, 3)
    if not args.no_cv:
        loaded = [
            Topic(
                topic.name,
                split_of(topic),
                (topic / "article.txt").read_text(encoding="utf-8-sig"),
                [p.read_text(encoding="utf-8-sig") for p in sorted(topic.glob("summary-*"))],
            )
            for topic in topics
        ]
        result.update(cross_validate(loaded, args.max_chars))
    print(
        f"human summaries: mean {result['reference_chars_mean']} chars, median "
        f"{result['reference_chars_median']} (budget {args.max_chars});  summarize: "
        f"{per_article_ms:.2f} ms/article (best of 5 rounds), slowest single "
        f"{max(seconds) * 1000:.2f} ms"
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
