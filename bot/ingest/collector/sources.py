"""Where feeds come from besides `/feeds add`: the operator's `MARSAD_FEEDS_FILE`, either one
URL a line (`#` starts a comment) or an OPML file, the format feed readers export."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from sqlite_utils import Database

from storage.feeds import add_feed

__all__ = ["FeedsFileError", "is_feed_url", "load_feeds_file", "read_feeds_file"]

log = logging.getLogger(__name__)


class FeedsFileError(Exception):
    """The feeds file cannot be read; the message says why in one line."""


def is_feed_url(value: str) -> bool:
    """An absolute http(s) address with a host: the only kind of feed address accepted."""
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value.strip()


def read_feeds_file(path: Path) -> list[str]:
    """The feed addresses in `path`, in order, without repeats. Raises FeedsFileError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FeedsFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        try:
            root = fromstring(raw)
        except (ParseError, DefusedXmlException) as exc:
            raise FeedsFileError(f"{path}: malformed OPML: {exc}") from None
        candidates = [
            outline.get("xmlUrl") or outline.get("xmlurl") or "" for outline in root.iter("outline")
        ]
    else:
        text = raw.decode("utf-8-sig", errors="replace")
        candidates = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    urls: list[str] = []
    for number, candidate in enumerate(candidates, start=1):
        if not candidate:
            continue
        if not is_feed_url(candidate):
            log.warning(
                "%s: entry %d is not an http(s) address, skipped: %r", path, number, candidate
            )
            continue
        if candidate not in urls:
            urls.append(candidate)
    return urls


def load_feeds_file(db: Database, path: Path, now: datetime) -> int:
    """Add the feeds of `path` (those already stored keep their state); returns how many
    were new. A bad file is logged, never fatal: the bot runs with the feeds it has."""
    try:
        urls = read_feeds_file(path)
    except FeedsFileError as exc:
        log.error("MARSAD_FEEDS_FILE: %s", exc)
        return 0
    added = sum(1 for url in urls if add_feed(db, url, now)[1])
    log.info("feeds file %s: %d feed(s), %d new", path, len(urls), added)
    return added
