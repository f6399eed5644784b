"""The `marsad` command line: one sub-command per job, all registered in `build_parser`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.core.article import ParsedArticle

__all__ = ["build_parser", "main"]

Command = Callable[[argparse.Namespace, Settings], int]


def configure_logging(verbose: bool) -> None:
    """Log to stderr; httpx logs every request at INFO, which would echo the bot token."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # APScheduler logs every job run at INFO: the sender runs twice a second.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def collect_paths(command: str, paths: Sequence[Path]) -> list[Path] | None:
    """The article files under `paths`; None (after saying why on stderr) when one is missing."""
    from bot.ingest.inbox import collect_files

    try:
        return collect_files(paths)
    except FileNotFoundError as exc:
        print(f"marsad {command}: {exc}", file=sys.stderr)
        return None


def read_articles(
    command: str, files: Sequence[Path], settings: Settings, failed: list[Path]
) -> Iterator[tuple[Path, ParsedArticle]]:
    """Each file that parses, with its article; a file that does not is reported on stderr and
    appended to `failed`, so the command can exit non-zero once every file has had its turn."""
    from bot.ingest.articles import ArticleError, read_article

    for path in files:
        try:
            article = read_article(path, settings.max_file_bytes, default_tz=settings.zone)
        except ArticleError as exc:
            failed.append(path)
            print(f"marsad {command}: {path}: {exc.reason}", file=sys.stderr)
            continue
        yield path, article


def config_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print the effective settings (the token masked)."""
    for name, value in settings.model_dump().items():
        if name == "telegram_token":
            shown = "(set)" if value is not None else "(not set)"
        else:
            shown = ",".join(map(str, value)) if isinstance(value, tuple) else str(value)
        print(f"MARSAD_{name.upper()}={shown}")
    return 0


def sandbox_command(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the local Bot API sandbox until Ctrl-C / SIGTERM."""
    import asyncio
    import signal

    from bot.sandbox import Faults, Limits, Sandbox
    from bot.sandbox.server import serve

    limits = Limits(enabled=not args.no_limits)
    faults = Faults(error_rate=args.error_rate, latency=args.latency)
    sandbox = Sandbox(
        token=args.token, host=args.host, port=args.port, limits=limits, faults=faults
    )

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(sandbox, stop)

    try:
        asyncio.run(main())
    except OSError as exc:
        print(f"marsad sandbox: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    return 0


def ingest_command(args: argparse.Namespace, settings: Settings) -> int:
    """Import article files and folders into the database (a backfill); files are not moved."""
    from tqdm import tqdm

    from bot.ingest.inbox import FileOutcome, ingest_paths
    from storage.db import open_database

    files = collect_paths("ingest", args.paths)
    if files is None:
        return 2
    db = open_database(settings.database)
    try:
        with tqdm(total=len(files), unit="file", file=sys.stderr, disable=None) as bar:

            def advance(outcome: FileOutcome) -> None:
                bar.update(1)

            report = ingest_paths(files, db, settings, progress=advance)
    finally:
        db.close()
    for path, reason in report.problems:
        print(f"quarantined: {path}: {reason}")
    print(f"new: {report.new}  duplicate: {report.duplicate}  quarantined: {report.quarantined}")
    return 1 if report.quarantined else 0


def parse_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print what the parser extracts from each file; nothing is stored."""
    import json

    files = collect_paths("parse", args.paths)
    if files is None:
        return 2
    failed: list[Path] = []
    for path, article in read_articles("parse", files, settings, failed):
        record = {
            "path": str(path),
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "published_from": article.published_from,
            "source": article.source,
            "tags": list(article.tags),
            "body": article.body,
            "related": list(article.related),
            "language": article.language,
            "url": article.url,
            "kind": article.kind,
        }
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"== {path}")
            keys = ("title", "kind", "published", "published_from", "source", "url", "language")
            for key in keys:
                print(f"{key}: {record[key]}")
            print(f"tags: {' | '.join(article.tags)}")
            print(f"related: {' | '.join(article.related)}")
            print(article.body)
            print()
    return 1 if failed else 0


def match_command(args: argparse.Namespace, settings: Settings) -> int:
    """Match article files against keywords given on the command line; nothing is stored."""
    import json

    from bot.match.aliases import AliasFileError, load_alias_table
    from bot.match.concepts import ConceptFileError, load_concept_table
    from bot.match.matching import MatchIndex, QueryError, parse_query

    queries = []
    for keyword in args.follow:
        try:
            queries.append(parse_query(keyword))
        except QueryError as exc:
            print(
                f"marsad match: bad keyword «{keyword}»: {exc.code}: {exc.detail}", file=sys.stderr
            )
            return 2
    concept_files = [settings.concepts_file] if settings.concepts_file else []
    try:
        aliases = load_alias_table(
            [settings.aliases_file] if settings.aliases_file else [], concept_files
        )
        concepts = load_concept_table(concept_files)
    except (AliasFileError, ConceptFileError) as exc:
        print(f"marsad match: {exc}", file=sys.stderr)
        return 2
    files = collect_paths("match", args.paths)
    if files is None:
        return 2
    index = MatchIndex.build(enumerate(queries), aliases=aliases, concepts=concepts)
    bold = sys.stdout.isatty()
    failed: list[Path] = []
    for path, article in read_articles("match", files, settings, failed):
        matches = index.match(article.title, article.body)
        if args.json:
            found = [
                {
                    "keyword": m.keyword,
                    "matched": m.matched,
                    "sentence": m.sentence,
                    "score": m.score,
                }
                for m in matches
            ]
            print(json.dumps({"path": str(path), "matches": found}, ensure_ascii=False))
            continue
        print(f"== {path}: {len(matches)} match{'es' if len(matches) != 1 else ''}")
        text = {"title": article.title, "body": article.body}
        for m in matches:
            field = text[m.field]
            at = field.find(m.sentence)
            before = m.sentence[: m.start - at] if at >= 0 else ""
            after = m.sentence[m.end - at :] if at >= 0 else ""
            shown = f"\033[1;31m{m.matched}\033[0m" if bold else f"[[{m.matched}]]"
            print(f"  {m.score:.3f}  {m.keyword} → {m.matched} ({m.field})")
            print(f"         {before}{shown}{after}")
    return 1 if failed else 0


NO_TOKEN = """marsad run: no bot token.
Set MARSAD_TELEGRAM_TOKEN to the token @BotFather gave you, in the environment or in a .env
file in this folder, for example:

    export MARSAD_TELEGRAM_TOKEN=123456789:AA...

To see everything working offline first, without a token or network, run:

    marsad demo
"""


def run_command(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot (long polling) until SIGINT/SIGTERM."""
    if settings.telegram_token is None:
        print(NO_TOKEN, file=sys.stderr, end="")
        return 2
    from telegram import Update

    from bot.app import build_application
    from bot.components import default_components

    application = build_application(settings, default_components(settings))
    # run_polling stops cleanly on SIGINT, SIGTERM and SIGABRT: pending sends finish, the
    # database is closed in post_shutdown.
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0


def demo_command(args: argparse.Namespace, settings: Settings) -> int:
    """Run everything offline: sandbox, bot, a demo user, the sample articles, a transcript."""
    import asyncio

    from bot.demo import DEFAULT_KEYWORDS, run_demo

    if not args.verbose:
        logging.getLogger().setLevel(logging.WARNING)  # the transcript is the output
    keywords = args.follow or list(DEFAULT_KEYWORDS)
    try:
        return asyncio.run(
            run_demo(
                settings,
                keywords=keywords,
                data_dir=args.data_dir,
                keep_running=args.keep_running,
                out=sys.stdout,
            )
        )
    except TimeoutError as exc:
        print(f"marsad demo: {exc}", file=sys.stderr)
        return 1


def summarize_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print the summary an alert would carry for each article file (plain text)."""
    import json

    from bot.deliver.summary import summarize

    files = collect_paths("summarize", args.paths)
    if files is None:
        return 2
    keywords = [args.keyword] if args.keyword else []
    failed: list[Path] = []
    for path, article in read_articles("summarize", files, settings, failed):
        summary = summarize(article.body, keywords, title=article.title).text
        if args.json:
            print(json.dumps({"path": str(path), "summary": summary}, ensure_ascii=False))
        else:
            print(f"== {path}\n{summary}\n")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    """Every sub-command, in the order `marsad --help` lists them."""
    parser = argparse.ArgumentParser(
        prog="marsad", description="Marsad (مرصد): Arabic security-news alerts on Telegram."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    config = sub.add_parser("config", help="print the effective settings")
    config.set_defaults(handler=config_command)

    from bot.sandbox import DEFAULT_TOKEN

    sandbox = sub.add_parser("sandbox", help="serve the local Bot API sandbox (tests, demo)")
    sandbox.add_argument("--port", type=int, default=8081, help="TCP port (default 8081)")
    sandbox.add_argument("--host", default="127.0.0.1", help="address (default loopback)")
    sandbox.add_argument("--token", default=DEFAULT_TOKEN, help="the one bot token accepted")
    sandbox.add_argument("--no-limits", action="store_true", help="no flood limits (no 429s)")
    sandbox.add_argument("--error-rate", type=float, default=0.0, help="share of 500 answers")
    sandbox.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    sandbox.set_defaults(handler=sandbox_command)

    run = sub.add_parser("run", help="run the bot (needs MARSAD_TELEGRAM_TOKEN)")
    run.set_defaults(handler=run_command)

    demo = sub.add_parser("demo", help="run the whole bot offline against the local sandbox")
    demo.add_argument(
        "--follow", action="append", metavar="KEYWORD", help="keyword to follow (repeatable)"
    )
    demo.add_argument("--keep-running", action="store_true", help="stay up after the transcript")
    demo.add_argument("--data-dir", type=Path, help="keep data here (default: a temp folder)")
    demo.set_defaults(handler=demo_command)

    ingest = sub.add_parser(
        "ingest", help="import article files or folders (backfill); the files are not moved"
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.set_defaults(handler=ingest_command)

    parse = sub.add_parser("parse", help="print what the parser extracts from article files")
    parse.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parse.add_argument("--json", action="store_true", help="one JSON object per line")
    parse.set_defaults(handler=parse_command)

    match = sub.add_parser("match", help="show which keywords match article files")
    match.add_argument(
        "--follow", action="append", required=True, metavar="KEYWORD", help="repeatable"
    )
    match.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    match.add_argument("--json", action="store_true", help="one JSON object per file")
    match.set_defaults(handler=match_command)

    summarize = sub.add_parser("summarize", help="print the summary alerts carry for article files")
    summarize.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    summarize.add_argument("--keyword", metavar="K", help="prefer sentences naming this keyword")
    summarize.add_argument("--json", action="store_true", help='one {"path", "summary"} per line')
    summarize.set_defaults(handler=summarize_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `marsad` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # PTB 22 warns on every RetryAfter unless time periods are opted in to timedelta (the
    # coming default); bot.deliver.sender.retry_after_seconds reads either form.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    configure_logging(args.verbose)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"marsad: bad setting: {exc}", file=sys.stderr)
        return 2
    handler: Command = args.handler
    return handler(args, settings)


if __name__ == "__main__":
    sys.exit(main())
