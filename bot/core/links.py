"""Article addresses: which ones a button may open, and the outlet an address names."""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

__all__ = ["outlet_name", "safe_url"]

# Telegram refuses longer button URLs; an address this long is a tracking link anyway.
MAX_URL_CHARS: Final = 2048


def safe_url(url: str | None) -> str | None:
    """`url` when a Telegram button may open it (http or https, a host, no spaces), else None.

    The address comes from an inbox file: anything else (a `javascript:` link, a relative
    path, a typo) would make Telegram reject the whole alert.
    """
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL_CHARS or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def outlet_name(source: str | None, url: str | None) -> str | None:
    """Who published the article: its named source, else the site its address is on
    («aljazeera.net» for `https://www.aljazeera.net/news/...`), else None."""
    if source and source.strip():
        return source.strip()
    address = safe_url(url)
    if address is None:
        return None
    host = (urlsplit(address).hostname or "").lower()
    return host.removeprefix("www.") or None
