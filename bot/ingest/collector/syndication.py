"""Reading feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed into one shape.

XML is parsed with defusedxml (no entity expansion, no external entities). A feed whose
declared charset is wrong (a Windows-1256 feed declared UTF-8, or none at all) is decoded by
`bot.ingest.articles.decode_article` and parsed again. Links are made absolute against the
feed's address and any `xml:base`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from bot.ingest.articles import ArticleError, decode_article
from bot.ingest.collector import SourceError

__all__ = ["FeedError", "FeedItem", "ParsedFeed", "html_to_text", "parse_feed"]

_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"


class FeedError(SourceError):
    """The document is not a feed we can read; `reason` says why in one line."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry: its identity, address, title, date, and whatever text the feed carries.

    `content` is the full text when the feed gives one (content:encoded, Atom content,
    JSON content_html/content_text); `summary` is the teaser (description, Atom summary).
    Both are plain text with paragraphs on their own lines.
    """

    guid: str | None
    link: str | None
    title: str
    published: datetime | None
    summary: str
    content: str

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys that identify the item across feeds: its link and its guid."""
        keys = []
        if self.link:
            keys.append("link:" + self.link)
        if self.guid:
            keys.append("guid:" + self.guid)
        return tuple(keys)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title, its site's address, and its items in document order."""

    title: str | None
    site_url: str | None
    items: list[FeedItem] = field(default_factory=list)


# ---------------------------------------------------------------------------------- text


_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "section",
        "article",
        "figure",
        "figcaption",
        "ul",
        "ol",
        "table",
        "hr",
        "pre",
        "header",
        "footer",
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: one line per paragraph, spaces collapsed, scripts out."""
    if "<" not in fragment and "&" not in fragment:
        raw = fragment
    else:
        collector = _TextCollector()
        collector.feed(fragment)
        collector.close()
        raw = "".join(collector.parts)
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------------- dates


def parse_date(value: str | None) -> datetime | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, JSON Feed, dc:date) date; naive ones read as UTC."""
    if not value or not value.strip():
        return None
    value = value.strip()
    moment: datetime | None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            moment = datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            return None
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# ---------------------------------------------------------------------------------- XML

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
_PREFIX = re.compile(r"<(/?)[\w.-]+:")


def _parse_xml(raw: bytes) -> Element:
    try:
        return fromstring(raw)  # type: ignore[no-any-return]
    except DefusedXmlException as exc:
        raise FeedError(f"refused XML construct: {type(exc).__name__}") from None
    except (ParseError, LookupError, UnicodeError, ValueError) as first:
        # A wrong or unknown declared charset: decode by content, parse the text as UTF-8.
        try:
            text = decode_article(_XML_DECLARATION.sub(b"", raw, count=1), max_bytes=len(raw) + 1)
        except ArticleError:
            raise FeedError(f"malformed XML: {first}") from None
        try:
            return fromstring(text.encode("utf-8"))  # type: ignore[no-any-return]
        except (ParseError, DefusedXmlException):
            raise FeedError(f"malformed XML: {first}") from None


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def _child(element: Element, *names: str) -> Element | None:
    for name in names:
        found = element.find(name)
        if found is not None:
            return found
    return None


def _base(element: Element, inherited: str) -> str:
    declared = element.get(_XML_NS + "base")
    return urljoin(inherited, declared) if declared else inherited


def _absolute(base: str, link: str | None) -> str | None:
    if not link or not link.strip():
        return None
    return urljoin(base, link.strip())


def _rss_items(channel_items: list[Element], base: str) -> list[FeedItem]:
    items: list[FeedItem] = []
    for item in channel_items:
        item_base = _base(item, base)
        link = _absolute(item_base, _text(_child(item, "link", _RSS1 + "link")) or None)
        guid_element = item.find("guid")
        guid = _text(guid_element) or item.get(_RDF + "about") or None
        if link is None and guid_element is not None and guid_element.get("isPermaLink") != "false":
            link = _absolute(item_base, guid) if guid and "://" in guid else None
        date = _text(_child(item, "pubDate", _DC + "date", _RSS1 + "pubDate")) or None
        items.append(
            FeedItem(
                guid=guid,
                link=link,
                title=html_to_text(_text(_child(item, "title", _RSS1 + "title"))),
                published=parse_date(date),
                summary=html_to_text(_text(_child(item, "description", _RSS1 + "description"))),
                content=html_to_text(_text(item.find(_CONTENT + "encoded"))),
            )
        )
    return items


def _atom_text(element: Element | None) -> str:
    """Atom text constructs: `text`, `html` (escaped markup) or `xhtml` (inline markup)."""
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind == "xhtml":
        markup = "".join(tostring(child, encoding="unicode") for child in element)
        # Serialized children carry namespace prefixes (`<ns0:p>`): drop them for the reader.
        return html_to_text(_PREFIX.sub(r"<\1", markup))
    if kind == "html" or "html" in kind:
        return html_to_text(_text(element))
    return html_to_text(_text(element)) if "<" in _text(element) else _text(element)


def _atom_link(entry: Element, base: str) -> str | None:
    links = entry.findall(_ATOM + "link")
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return _absolute(base, link.get("href"))
    return _absolute(base, links[0].get("href")) if links else None


def _parse_atom(root: Element, url: str) -> ParsedFeed:
    base = _base(root, url)
    entries: list[FeedItem] = []
    for entry in root.findall(_ATOM + "entry"):
        entry_base = _base(entry, base)
        date = _text(_child(entry, _ATOM + "published", _ATOM + "updated")) or None
        entries.append(
            FeedItem(
                guid=_text(entry.find(_ATOM + "id")) or None,
                link=_atom_link(entry, entry_base),
                title=_atom_text(entry.find(_ATOM + "title")),
                published=parse_date(date),
                summary=_atom_text(entry.find(_ATOM + "summary")),
                content=_atom_text(entry.find(_ATOM + "content")),
            )
        )
    return ParsedFeed(
        title=_atom_text(root.find(_ATOM + "title")) or None,
        site_url=_atom_link(root, base),
        items=entries,
    )


def _parse_rss(root: Element, url: str) -> ParsedFeed:
    base = _base(root, url)
    channel = _child(root, "channel", _RSS1 + "channel")
    if channel is None:
        raise FeedError("RSS document without a channel")
    # RSS 0.9x/2.0 nest items in the channel; RSS 1.0 (RDF) puts them beside it.
    raw_items = channel.findall("item") or root.findall(_RSS1 + "item") or root.findall("item")
    site = _absolute(base, _text(_child(channel, "link", _RSS1 + "link")) or None)
    return ParsedFeed(
        title=html_to_text(_text(_child(channel, "title", _RSS1 + "title"))) or None,
        site_url=site,
        items=_rss_items(raw_items, _base(channel, base)),
    )


# ---------------------------------------------------------------------------------- JSON


def _json_str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _parse_json_feed(raw: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(decode_article(raw, max_bytes=len(raw) + 1))
    except (ValueError, ArticleError) as exc:
        raise FeedError(f"malformed JSON Feed: {exc}") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise FeedError("JSON without a JSON Feed `items` list")
    base = _json_str(document.get("feed_url")) or url
    items: list[FeedItem] = []
    for entry in document["items"]:
        if not isinstance(entry, dict):
            continue
        content_html = _json_str(entry.get("content_html"))
        content = (
            html_to_text(content_html) if content_html else _json_str(entry.get("content_text"))
        )
        items.append(
            FeedItem(
                guid=_json_str(entry.get("id")) or (str(entry["id"]) if "id" in entry else None),
                link=_absolute(url, _json_str(entry.get("url")) or None),
                title=html_to_text(_json_str(entry.get("title"))),
                published=parse_date(_json_str(entry.get("date_published")) or None),
                summary=html_to_text(_json_str(entry.get("summary"))),
                content=content,
            )
        )
    return ParsedFeed(
        title=_json_str(document.get("title")) or None,
        site_url=_absolute(base, _json_str(document.get("home_page_url")) or None),
        items=items,
    )


# ---------------------------------------------------------------------------------- entry


def parse_feed(raw: bytes, url: str) -> ParsedFeed:
    """The feed in `raw`, fetched from `url`; raises FeedError when it is none we can read."""
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head in (b"{", b"["):
        return _parse_json_feed(raw, url)
    if not raw.strip():
        raise FeedError("empty document")
    root = _parse_xml(raw)
    tag = root.tag
    if tag == _ATOM + "feed":
        return _parse_atom(root, url)
    if tag in ("rss", _RDF + "RDF") or tag.endswith("}rss"):
        return _parse_rss(root, url)
    local = tag.rsplit("}", 1)[-1]
    if local == "html":
        raise FeedError("an HTML page, not a feed")
    raise FeedError(f"not a feed: the document is <{local}>")
