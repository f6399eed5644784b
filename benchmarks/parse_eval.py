"""Parsing quality on real pages: what the parser gets right, and both errors of cutting.

Two measurements:

1. The development set `tests/data/real_pages/` (real Arabic articles in real site layouts,
   chrome and other stories included; see its README): for each file, is the title right, the
   date, the first and last words of the body, the source, the address, the kind, the related
   headlines; is any other story's text in the body ("foreign text kept"), is any of the
   article's own text missing ("own text cut"); was the file refused.
2. Clean single articles (the Saudi sample, the owner's files, EASC when present): every
   paragraph of their text must stay in the body, so any long line missing is own text cut.

    python benchmarks/parse_eval.py [--pages DIR] [--samples ../shared/samples]

Prints a table and a final JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.ingest.articles import ArticleError, decode_article, parse_article  # noqa: E402

MTIME = datetime(2030, 1, 1, tzinfo=UTC)
CHECKS = (
    ("title", "titles"),
    ("published", "dates (or none when the page has none)"),
    ("start", "body starts where the article starts"),
    ("end", "body ends where the article ends"),
    ("clean", "bodies without other stories' text"),
    ("whole", "bodies not cut short (own background kept)"),
    ("source", "sources"),
    ("url", "addresses"),
    ("kind", "kinds (article / flash)"),
    ("related", "related headlines"),
)
LONG_LINE_WORDS = 12  # a clean article's paragraph, not a caption or a crosshead


def judge(record: dict[str, object], text: str) -> dict[str, bool]:
    """Which checks one parsed page passes (all fail when the page is refused)."""
    try:
        article = parse_article(text, str(record["file"]), MTIME)
    except ArticleError:
        return {name: False for name, _ in CHECKS}
    body = article.body
    dated = article.published.date().isoformat() if article.published_from == "text" else None
    must_not = [str(p) for p in record["must_not_contain"]]  # type: ignore[attr-defined]
    must = [str(p) for p in record["must_contain"]]  # type: ignore[attr-defined]
    return {
        "title": article.title == record["title"],
        "published": dated == record["published"],
        "start": body.startswith(str(record["body_start"])),
        "end": body.endswith(str(record["body_end"])),
        "clean": not any(p in body for p in must_not),
        "whole": all(p in body for p in must) and str(record["body_end"]) in body,
        "source": article.source == record["source"],
        "url": getattr(article, "url", None) == record["url"],
        "kind": getattr(article, "kind", "article") == record["kind"],
        "related": sorted(article.related) == sorted(record["related"]),  # type: ignore[arg-type]
    }


def read_text(path: Path) -> str:
    return decode_article(path.read_bytes())


def dev_set(pages: Path) -> tuple[int, int, dict[str, int], list[str]]:
    lines = (pages / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    passed = dict.fromkeys((name for name, _ in CHECKS), 0)
    refused = 0
    misses: list[str] = []
    for record in records:
        text = read_text(pages / record["file"])
        try:
            parse_article(text, record["file"], MTIME)
        except ArticleError:
            refused += 1
        for name, ok in judge(record, text).items():
            passed[name] += ok
            if not ok:
                misses.append(f"{record['file']}: {name}")
    return len(records), refused, passed, misses


def clean_articles(samples: Path) -> list[Path]:
    files = sorted((ROOT / "tests" / "data" / "saudinewsnet").glob("*.txt"))
    files += sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    files += sorted((samples / "easc").glob("*/article.txt"))
    return files


# Lines of these files that are chrome, not article text: link lines, a writer's other
# articles, a wire dateline.
CHROME = re.compile(r"^(?:رابط الخبر|مقالات أخرى للكاتب|.{0,60} م واس$)")


def flat(text: str) -> str:
    return " ".join(text.split())


def own_text_cut(files: list[Path]) -> tuple[int, int, int]:
    """(long lines, long lines missing from the body, files with a missing line)."""
    lines = missing = files_cut = 0
    for path in files:
        text = read_text(path)
        article = parse_article(text, str(path), MTIME)
        body = flat(article.body)
        own = [
            flat(line)
            for line in text.split("\n")
            if len(line.split()) >= LONG_LINE_WORDS
            and not CHROME.match(line.strip())
            and not flat(line).endswith(article.title)
        ]
        if path.parent.name == "articles":
            own = own[:2]  # their tails hold other stories: only the opening is surely own
        lost = [line for line in own if line[:40] not in body]
        lines += len(own)
        missing += len(lost)
        files_cut += bool(lost)
    return lines, missing, files_cut


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "real_pages")
    parser.add_argument("--samples", type=Path, default=ROOT.parent / "shared" / "samples")
    parser.add_argument("--misses", action="store_true", help="list every failed check")
    args = parser.parse_args()

    total, refused, passed, misses = dev_set(args.pages)
    print(f"development set: {total} pages, {refused} refused")
    for name, label in CHECKS:
        print(f"  {passed[name]:>3}/{total}  {label}")
    if args.misses:
        for miss in misses:
            print("   miss", miss)
    files = clean_articles(args.samples)
    lines, missing, files_cut = own_text_cut(files)
    print(
        f"clean articles: {len(files)} files, {lines} paragraphs, {missing} cut ({files_cut} files)"
    )
    print(
        json.dumps(
            {
                "pages": total,
                "refused": refused,
                "passed": passed,
                "foreign_text_kept": total - passed["clean"],
                "own_text_cut": total - passed["whole"],
                "clean_files": len(files),
                "clean_paragraphs": lines,
                "clean_paragraphs_cut": missing,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
