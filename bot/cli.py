"""The `marsad` command line: one sub-command per job, all registered in `build_parser`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from bot.settings import Settings, SettingsError, load_settings

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `marsad` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # PTB 22 warns on every RetryAfter unless time periods are opted in to timedelta (the
    # coming default); bot.delivery.retry_after_seconds reads either form.
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
