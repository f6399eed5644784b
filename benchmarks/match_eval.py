"""Keyword-matching quality on labelled real-news probe sets: precision and recall, names and
topics apart.

A probe set is a folder with three files:

- `texts.jsonl`: one article a line, `{"id", "source", "text"}`; the text's first line is its
  title when it is short (at most 200 characters), as the parser would give it;
- `keywords.tsv`: `kind<TAB>keyword`, kind `name` or `topic`;
- `labels.tsv`: a header, then `id<TAB>keyword<TAB>label<TAB>why`, label 1, 0 or ? (left out).

Every pair was labelled by reading, before the matcher's answer was looked at (the brief a
labeller follows is `benchmarks/probe_brief.md`). All keywords of a set are followed at once, as
subscriptions are in production, with the built-in alias and concept tables.

    python benchmarks/match_eval.py [SET_DIR ...] [--misses]

With no folder, every set under `benchmarks/data/probes/` is read. Prints a line per set, the
pooled figures for names, topics and all, and with `--misses` every wrong pair with the matched
words or the labeller's quote. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bot.match.aliases import load_alias_table
from bot.match.concepts import load_concept_table
from bot.match.matching import MatchIndex, parse_query

DEFAULT_ROOT = Path(__file__).resolve().parent / "data" / "probes"
TITLE_MAX = 200


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn

    def count(self, expected: bool, found: bool) -> None:
        if expected and found:
            self.tp += 1
        elif expected:
            self.fn += 1
        elif found:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def line(self) -> str:
        pairs = self.tp + self.fp + self.fn + self.tn
        return (
            f"pairs {pairs:5d} pos {self.tp + self.fn:4d}  P {self.precision:.3f}  "
            f"R {self.recall:.3f}  (fp {self.fp}, fn {self.fn})"
        )


@dataclass
class SetResult:
    name: str
    kinds: dict[str, Tally] = field(default_factory=lambda: {"name": Tally(), "topic": Tally()})
    misses: list[str] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        out = Tally()
        for tally in self.kinds.values():
            out.add(tally)
        return out


def split_title(text: str) -> tuple[str, str]:
    """The first line as the title when it is short, as a parsed article has it."""
    head, sep, rest = text.strip().partition("\n")
    if sep and len(head) <= TITLE_MAX:
        return head.strip(), rest.strip()
    return "", text.strip()


def read_set(folder: Path) -> tuple[dict[str, str], dict[str, str], dict[tuple[str, str], str]]:
    texts: dict[str, str] = {}
    with open(folder / "texts.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    kinds: dict[str, str] = {}
    for line in (folder / "keywords.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            kind, keyword = line.split("\t", 1)
            kinds[keyword.strip()] = kind.strip()
    labels: dict[tuple[str, str], str] = {}
    for number, line in enumerate((folder / "labels.tsv").read_text(encoding="utf-8").splitlines()):
        if number == 0 or not line.strip():
            continue
        cells = line.split("\t")
        labels[(cells[0].strip(), cells[1].strip())] = "\t".join(
            [cells[2].strip(), *(c.strip() for c in cells[3:4])]
        )
    return texts, kinds, labels


def evaluate(folder: Path) -> SetResult:
    texts, kinds, labels = read_set(folder)
    aliases = load_alias_table()
    concepts = load_concept_table()
    keywords = sorted(kinds)
    index = MatchIndex.build(
        ((n, parse_query(k)) for n, k in enumerate(keywords)), aliases=aliases, concepts=concepts
    )
    result = SetResult(folder.name)
    for text_id, text in sorted(texts.items()):
        title, body = split_title(text)
        found: dict[str, str] = {}
        for match in index.match(title, body):
            found.setdefault(keywords[match.subscription_id], match.matched)
        for keyword in keywords:
            cell = labels.get((text_id, keyword))
            if cell is None:
                print(f"{folder.name}: no label for {text_id} × {keyword}", file=sys.stderr)
                continue
            label, _, why = cell.partition("\t")
            if label not in ("0", "1"):
                continue
            expected = label == "1"
            hit = keyword in found
            result.kinds[kinds[keyword]].count(expected, hit)
            if expected != hit:
                kind = "FN" if expected else "FP"
                shown = why if expected else found[keyword]
                result.misses.append(f"{kind} {folder.name}/{text_id} «{keyword}»: {shown}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--misses", action="store_true", help="print every wrong pair")
    args = parser.parse_args(argv)
    folders = args.sets or sorted(p for p in DEFAULT_ROOT.iterdir() if p.is_dir())
    pooled = {"name": Tally(), "topic": Tally()}
    for folder in folders:
        result = evaluate(folder)
        print(f"{result.name:8s} {result.total.line()}")
        for kind, tally in result.kinds.items():
            pooled[kind].add(tally)
        if args.misses:
            for miss in result.misses:
                print(f"    {miss}")
    total = Tally()
    for kind, tally in pooled.items():
        print(f"{kind + 's':8s} {tally.line()}")
        total.add(tally)
    print(f"{'all':8s} {total.line()}")
    summary = {
        kind: {"precision": round(t.precision, 4), "recall": round(t.recall, 4)}
        for kind, t in [*pooled.items(), ("all", total)]
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
