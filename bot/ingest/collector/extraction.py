"""The article on a news page: decoded right whatever its declared charset, then extracted by
trafilatura without the site's chrome (menus, share bars, related lists, "most read" boxes,
footers, scripts).

Extraction is CPU work of tens of milliseconds per page: callers run `extract_page` in a
worker thread (`asyncio.to_thread`) so the bot's event loop keeps answering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import trafilatura

from bot.ingest.articles import ArticleError, decode_article
from bot.ingest.collector.syndication import parse_date

__all__ = ["ExtractedPage", "decode_page", "extract_page"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """What a page gave: its article text, and its own title and date when it has them."""

    text: str
    title: str | None
    published: datetime | None


def decode_page(raw: bytes, content_type: str = "") -> str:
    """The page's text. The bytes decide first (UTF-8, or Windows-1256 when it reads as Arabic,
    as `decode_article` does for inbox files), because sites often declare a wrong charset;
    the declared one is used only when the bytes are neither."""
    try:
        return decode_article(raw, max_bytes=len(raw) + 1)
    except ArticleError:
        pass
    declared = _HEADER_CHARSET.search(content_type)
    meta = _META_CHARSET.search(raw[:4096])
    for name in (declared.group(1) if declared else None, meta.group(1).decode() if meta else None):
        if name:
            try:
                return raw.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return raw.decode("utf-8", errors="replace")


def extract_page(raw: bytes, url: str, content_type: str = "") -> ExtractedPage:
    """The article text of a page (paragraphs on their own lines); empty when none is found."""
    page = decode_page(raw, content_type)
    document = trafilatura.bare_extraction(
        page,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        with_metadata=True,
    )
    if document is None:
        return ExtractedPage("", None, None)
    body = getattr(document, "text", None) or ""
    title = getattr(document, "title", None)
    date = getattr(document, "date", None)
    lines = [
        cleaned for cleaned in (" ".join(line.split()) for line in str(body).split("\n")) if cleaned
    ]
    shown_title = str(title).strip() if title else ""
    # The headline comes back as the first line of the text: it is the title, not the body.
    if lines and shown_title and lines[0] == " ".join(shown_title.split()):
        lines = lines[1:]
    return ExtractedPage(
        text="\n".join(lines),
        title=shown_title or None,
        published=parse_date(str(date)) if date else None,
    )
