"""The `marsad` command line: one sub-command per job, all registered in `build_parser`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.ops.logs import configure_logging
from bot.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from bot.core.article import ParsedArticle

__all__ = ["build_parser", "main"]

Command = Callable[[argparse.Namespace, Settings], int]


def shown_path(path: Path) -> str:
    """A path as one printable line: its bytes that are not UTF-8 and control characters
    escaped (bot.ingest.inbox.printable), so printing it can neither fail nor forge a line."""
    from bot.ingest.inbox import printable

    return printable(str(path))


def collect_paths(
    command: str, paths: Sequence[Path], skipped: list[Path] | None = None
) -> list[Path] | None:
    """The article files under `paths`; None (after saying why on stderr) when one is missing.

    Entries that are not regular files (dangling or outward links, FIFOs ...) are skipped
    with one line each on stderr, names escaped, and appended to `skipped`.
    """
    from bot.ingest.inbox import collect_files

    def skip(path: Path, reason: str) -> None:
        print(f"marsad {command}: skipped {shown_path(path)}: {reason}", file=sys.stderr)
        if skipped is not None:
            skipped.append(path)

    try:
        return collect_files(paths, on_skip=skip)
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
            print(f"marsad {command}: {shown_path(path)}: {exc.reason}", file=sys.stderr)
            continue
        yield path, article


def config_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print the effective settings (the token masked)."""
    for name, value in settings.model_dump().items():
        if name in ("telegram_token", "webhook_secret"):
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

    from bot.ingest.inbox import FileOutcome, ingest_paths, printable
    from storage.db import open_database

    skipped: list[Path] = []
    files = collect_paths("ingest", args.paths, skipped)
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
        print(f"quarantined: {shown_path(path)}: {printable(reason)}")
    print(
        f"new: {report.new}  duplicate: {report.duplicate}  quarantined: {report.quarantined}"
        f"  skipped: {len(skipped)}"
    )
    return 1 if report.quarantined or skipped else 0


def parse_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print what the parser extracts from each file; nothing is stored."""
    import json

    files = collect_paths("parse", args.paths)
    if files is None:
        return 2
    failed: list[Path] = []
    for path, article in read_articles("parse", files, settings, failed):
        record = {
            "path": shown_path(path),
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
            print(f"== {shown_path(path)}")
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
            print(json.dumps({"path": shown_path(path), "matches": found}, ensure_ascii=False))
            continue
        print(f"== {shown_path(path)}: {len(matches)} match{'es' if len(matches) != 1 else ''}")
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
    """Run the bot (long polling, or a webhook) until SIGINT/SIGTERM."""
    if settings.telegram_token is None:
        print(NO_TOKEN, file=sys.stderr, end="")
        return 2
    import asyncio
    import signal

    from telegram import Update

    from bot.app import build_application
    from bot.ops.startup import TokenRejectedError, connect, webhook_options
    from bot.services import default_components

    application = build_application(settings, default_components(settings))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # While waiting for Telegram, SIGTERM stops as SIGINT does (PTB's runner installs its
    # own handlers once it takes over).
    loop.add_signal_handler(signal.SIGTERM, _stop_waiting)
    try:
        loop.run_until_complete(
            connect(
                application,
                base=settings.start_retry_base,
                cap=settings.start_retry_max,
                sleep=asyncio.sleep,
            )
        )
    except TokenRejectedError as exc:
        loop.close()
        print(f"marsad run: {exc}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, SystemExit):
        loop.close()
        return 0
    loop.remove_signal_handler(signal.SIGTERM)
    # PTB's runners find the application initialized and go on: post_init, updates, jobs.
    # They stop cleanly on SIGINT, SIGTERM and SIGABRT: pending sends finish, the database is
    # closed in post_shutdown.
    webhook = webhook_options(settings)
    if webhook is None:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    else:
        application.run_webhook(**webhook, allowed_updates=Update.ALL_TYPES)
    return 0


def _stop_waiting() -> None:
    raise SystemExit(0)


def backup_command(args: argparse.Namespace, settings: Settings) -> int:
    """Copy the live database to DEST with SQLite's online backup, then check the copy."""
    import sqlite3

    from storage.backup import backup_database, integrity_check

    dest: Path = args.dest
    if dest.is_dir():
        dest = dest / f"marsad-{_stamp()}.db"
    try:
        backup_database(settings.database, dest)
    except (OSError, sqlite3.Error) as exc:
        print(f"marsad backup: {exc}", file=sys.stderr)
        return 1
    verdict = integrity_check(dest)
    if verdict != "ok":
        print(
            f"marsad backup: the copy {dest} fails the integrity check: {verdict}", file=sys.stderr
        )
        return 1
    print(f"backup: {dest} ({dest.stat().st_size} bytes, integrity ok)")
    return 0


def prune_command(args: argparse.Namespace, settings: Settings) -> int:
    """Apply the retention limit now (MARSAD_RETENTION_DAYS, or --days)."""
    from bot.ops.retention import prune
    from storage.timestamps import utcnow

    days = args.days if args.days is not None else settings.retention_days
    if days is None:
        print("marsad prune: set MARSAD_RETENTION_DAYS or pass --days N", file=sys.stderr)
        return 2
    report = prune(settings, days=days, now=utcnow())
    print(
        f"pruned: {report.folders} processed folder(s), {report.files} file(s), "
        f"{report.bodies} article body(ies)"
    )
    return 0


def _stamp() -> str:
    from storage.timestamps import utcnow

    return utcnow().strftime("%Y%m%dT%H%M%SZ")


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
            print(json.dumps({"path": shown_path(path), "summary": summary}, ensure_ascii=False))
        else:
            print(f"== {shown_path(path)}\n{summary}\n")
    return 1 if failed else 0


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Command,
    summary: str,
    examples: Sequence[str],
) -> argparse.ArgumentParser:
    """A sub-command whose --help states what it does (its handler's docstring) and examples."""
    parser = sub.add_parser(
        name,
        help=summary,
        description=(handler.__doc__ or summary).strip(),
        epilog="examples:\n" + "\n".join(f"  {line}" for line in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(handler=handler)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("marsad")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def collect_command(args: argparse.Namespace, settings: Settings) -> int:
    """Read feeds once into the inbox: the given URLs, or every configured feed that is due."""
    import asyncio

    from bot.ingest.collector.collector import Collector
    from bot.ingest.collector.sources import is_feed_url, load_feeds_file
    from storage.db import open_database

    if not args.once:
        print(
            "marsad collect: give --once (`marsad run` polls feeds continuously)",
            file=sys.stderr,
        )
        return 2
    bad = [url for url in args.urls if not is_feed_url(url)]
    if bad:
        for url in bad:
            print(f"marsad collect: not an http(s) address: {url}", file=sys.stderr)
        return 2
    db = open_database(settings.database)
    try:
        collector = Collector(db, settings)
        if args.urls:
            outcomes = asyncio.run(collector.collect_urls(args.urls))
        else:
            if settings.feeds_file is not None:
                load_feeds_file(db, settings.feeds_file, collector.clock())
            outcomes = asyncio.run(collector.collect_due())
    finally:
        db.close()
    failed = False
    for outcome in outcomes:
        if outcome.error is not None:
            failed = True
            print(f"{outcome.url}: {outcome.error}", file=sys.stderr)
            continue
        for item in outcome.item_failures:
            failed = True
            print(f"{item.url}: {item.reason} (item of {outcome.url})", file=sys.stderr)
        state = "not modified" if outcome.not_modified else f"{len(outcome.written)} new"
        print(f"{outcome.url}: {state}")
    if not outcomes:
        print("no feed is due" if not args.urls else "no feed read")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    """Every sub-command, in the order `marsad --help` lists them."""
    parser = argparse.ArgumentParser(
        prog="marsad",
        description="Marsad (مرصد): Arabic security-news alerts on Telegram.",
        epilog="examples:\n  marsad demo\n  marsad -v run\n  marsad COMMAND --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="debug logging; -vv adds every HTTP request (secrets are always masked)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _command(
        sub,
        "config",
        config_command,
        "print the effective settings",
        ["marsad config", "MARSAD_LANGUAGE=en marsad config | grep LANGUAGE"],
    )

    from bot.sandbox import DEFAULT_TOKEN

    sandbox = _command(
        sub,
        "sandbox",
        sandbox_command,
        "serve the local Bot API sandbox (tests, demo)",
        ["marsad sandbox --port 8081", "marsad sandbox --error-rate 0.1 --latency 0.2"],
    )
    sandbox.add_argument("--port", type=int, default=8081, help="TCP port (default 8081)")
    sandbox.add_argument("--host", default="127.0.0.1", help="address (default loopback)")
    sandbox.add_argument("--token", default=DEFAULT_TOKEN, help="the one bot token accepted")
    sandbox.add_argument("--no-limits", action="store_true", help="no flood limits (no 429s)")
    sandbox.add_argument("--error-rate", type=float, default=0.0, help="share of 500 answers")
    sandbox.add_argument("--latency", type=float, default=0.0, help="seconds added per request")

    _command(
        sub,
        "run",
        run_command,
        "run the bot (needs MARSAD_TELEGRAM_TOKEN)",
        [
            "MARSAD_TELEGRAM_TOKEN=123:ABC marsad run",
            "MARSAD_HTTP_PORT=8080 marsad -v run    # with /healthz and /metrics",
        ],
    )

    demo = _command(
        sub,
        "demo",
        demo_command,
        "run the whole bot offline against the local sandbox",
        ["marsad demo", "marsad demo --follow الناتو --follow إيران --keep-running"],
    )
    demo.add_argument(
        "--follow", action="append", metavar="KEYWORD", help="keyword to follow (repeatable)"
    )
    demo.add_argument("--keep-running", action="store_true", help="stay up after the transcript")
    demo.add_argument("--data-dir", type=Path, help="keep data here (default: a temp folder)")

    ingest = _command(
        sub,
        "ingest",
        ingest_command,
        "import article files or folders (backfill); the files are not moved",
        ["marsad ingest archive/2024/", "marsad ingest a.txt b.html"],
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    parse = _command(
        sub,
        "parse",
        parse_command,
        "print what the parser extracts from article files",
        ["marsad parse story.txt", "marsad parse --json inbox/ | jq .title"],
    )
    parse.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parse.add_argument("--json", action="store_true", help="one JSON object per line")

    match = _command(
        sub,
        "match",
        match_command,
        "show which keywords match article files",
        [
            "marsad match --follow الناتو story.txt",
            'marsad match --follow "كوريا + روسيا" --json dir/',
        ],
    )
    match.add_argument(
        "--follow", action="append", required=True, metavar="KEYWORD", help="repeatable"
    )
    match.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    match.add_argument("--json", action="store_true", help="one JSON object per file")

    collect = _command(
        sub,
        "collect",
        collect_command,
        "read news feeds into the inbox (the given URLs, or the due feeds)",
        ["marsad collect --once", "marsad collect --once https://example.com/rss.xml"],
    )
    collect.add_argument("--once", action="store_true", help="one round, then exit")
    collect.add_argument("urls", nargs="*", metavar="FEED_URL", help="feeds to read now")

    summarize = _command(
        sub,
        "summarize",
        summarize_command,
        "print the summary alerts carry for article files",
        ["marsad summarize story.txt", "marsad summarize --keyword الناتو --json dir/"],
    )
    summarize.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    summarize.add_argument("--keyword", metavar="K", help="prefer sentences naming this keyword")
    summarize.add_argument("--json", action="store_true", help='one {"path", "summary"} per line')

    backup = _command(
        sub,
        "backup",
        backup_command,
        "copy the live database (safe while the bot runs)",
        ["marsad backup /backups/marsad-today.db", "marsad backup /backups/    # a dated name"],
    )
    backup.add_argument("dest", type=Path, metavar="DEST", help="a new file, or a folder")

    prune_parser = _command(
        sub,
        "prune",
        prune_command,
        "remove processed files and old article bodies past the retention limit",
        ["MARSAD_RETENTION_DAYS=90 marsad prune", "marsad prune --days 30"],
    )
    prune_parser.add_argument(
        "--days", type=int, metavar="N", help="keep N days (default MARSAD_RETENTION_DAYS)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `marsad` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # PTB 22 warns on every RetryAfter unless time periods are opted in to timedelta (the
    # coming default); bot.deliver.sender.retry_after_seconds reads either form.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"marsad: bad setting: {exc}", file=sys.stderr)
        return 2
    # Once, before anything logs: the format asked for, and the secrets masked everywhere.
    configure_logging(args.verbose, fmt=settings.log_format, secrets=settings.secrets)
    handler: Command = args.handler
    return handler(args, settings)


if __name__ == "__main__":
    sys.exit(main())
