"""A local news site for the collector's tests and `marsad demo`: feeds and article pages on
loopback, served from a thread (so synchronous CLI runs and async tests can both use it).

Pages are built like real Arabic news sites: a header with the site's name, a section menu, a
breadcrumb, a share bar, the headline and date, the article's paragraphs with a «اقرأ أيضاً»
box in the middle, a «الأكثر قراءة» list, tags, a newsletter box, a footer and scripts. Each
route answers with validators (ETag, Last-Modified) and honours conditional requests; routes
can also fail (any status), redirect, answer slowly, or be changed while the site runs. Every
request is logged with its headers.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "FeedEntry",
    "NewsSite",
    "Request",
    "Route",
    "article_page",
    "atom_feed",
    "json_feed",
    "rss_feed",
]


@dataclass
class Route:
    """What one path answers."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    location: str | None = None
    validators: bool = True
    modified: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Request:
    """One request the site received."""

    path: str
    headers: dict[str, str]

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


class NewsSite:
    """The site: `set` a route, `url` a path, read `requests`. A context manager."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site._answer(self)

            def log_message(self, format: str, *args: Any) -> None:
                return  # quiet: tests read `requests` instead

        self._server = ThreadingHTTPServer((host, port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> NewsSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: str | bytes, **options: Any) -> None:
        """Serve `body` at `path` (text is sent as UTF-8 unless `encoding` is given)."""
        encoding = options.pop("encoding", "utf-8")
        raw = body.encode(encoding) if isinstance(body, str) else body
        with self._lock:
            self.routes[path] = Route(raw, **options)

    def redirect(self, path: str, to: str, status: int = 301) -> None:
        with self._lock:
            self.routes[path] = Route(b"", status=status, location=to, validators=False)

    def requests_to(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self._lock:
            self.requests.append(Request(path, headers))
            route = self.routes.get(path)
        if route is None:
            route = Route(b"<h1>404</h1>", status=404, validators=False)
        if route.delay:
            time.sleep(route.delay)
        if route.location is not None:
            handler.send_response(route.status)
            handler.send_header("Location", route.location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        modified = format_datetime(route.modified, usegmt=True)
        fresh = headers.get("if-none-match") == route.etag or (
            "if-none-match" not in headers and headers.get("if-modified-since") == modified
        )
        if route.validators and route.status == 200 and fresh:
            handler.send_response(304)
            handler.send_header("ETag", route.etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(route.status)
        handler.send_header("Content-Type", route.content_type)
        handler.send_header("Content-Length", str(len(route.body)))
        if route.validators:
            handler.send_header("ETag", route.etag)
            handler.send_header("Last-Modified", modified)
        handler.end_headers()
        # The client may give up mid-answer (a timeout or a size limit): nothing to do then.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(route.body)


# ------------------------------------------------------------------------------ pages

_SECTIONS = ("الرئيسية", "سياسة", "اقتصاد", "رياضة", "منوعات", "تكنولوجيا", "صحة", "فيديو")
_MOST_READ = (
    "ارتفاع أسعار الذهب في الأسواق المحلية مع نهاية الأسبوع",
    "منتخب الشباب يتأهل إلى الدور نصف النهائي من البطولة",
    "طقس الغد: أجواء حارة نهاراً ومعتدلة ليلاً على أغلب المناطق",
)


def article_page(
    *,
    site: str,
    title: str,
    paragraphs: list[str],
    published: datetime | None = None,
    related: list[tuple[str, str]] | None = None,
    charset: str = "utf-8",
) -> str:
    """An article page wrapped in site chrome; the related box sits after the 2nd paragraph."""
    esc = html.escape
    related = related or [
        ("/news/related-1.html", "مسؤول أممي يحذر من تدهور الأوضاع الإنسانية في المنطقة"),
        ("/news/related-2.html", "وزير الخارجية يبحث مع نظيره سبل تعزيز التعاون الثنائي"),
    ]
    box = (
        '<div class="related-inline"><strong>اقرأ أيضاً</strong><ul>'
        + "".join(f'<li><a href="{esc(href)}">{esc(text)}</a></li>' for href, text in related)
        + "</ul></div>"
    )
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        body.append(f"<p>{esc(paragraph)}</p>")
        if index == 1:
            body.append(box)
    stamp = published.isoformat() if published else ""
    shown = published.strftime("%Y-%m-%d %H:%M") if published else ""
    menu = "".join(f'<li><a href="/section/{i}">{esc(s)}</a></li>' for i, s in enumerate(_SECTIONS))
    most_read = "".join(
        f'<li><a href="/top/{i}">{esc(t)}</a></li>' for i, t in enumerate(_MOST_READ)
    )
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="{charset}">
<title>{esc(title)} | {esc(site)}</title>
<meta property="og:title" content="{esc(title)}">
<meta property="article:published_time" content="{stamp}">
<script>window.dataLayer = window.dataLayer || [];
function gtag(){{dataLayer.push(arguments);}}</script>
<style>body {{ font-family: sans-serif; }}</style>
</head><body>
<header class="site-header"><div class="logo"><a href="/">{esc(site)}</a></div>
<nav class="main-menu"><ul>{menu}</ul></nav>
<div class="top-bar">آخر الأخبار | تابعونا على وسائل التواصل الاجتماعي</div></header>
<div class="breadcrumb"><a href="/">الرئيسية</a> / <a href="/section/1">سياسة</a></div>
<main><article class="post">
<h1 class="post-title">{esc(title)}</h1>
<div class="post-meta"><time datetime="{stamp}">{shown}</time>
<span class="author">بواسطة: المحرر</span></div>
<div class="share-bar">شارك: <a href="#">فيسبوك</a> <a href="#">تويتر</a>
<a href="#">واتساب</a> <a href="#">تيليجرام</a></div>
<div class="post-content">
{"".join(body)}
</div>
<div class="tags">كلمات دلالية: <a href="/tag/1">أخبار</a>
<a href="/tag/2">سياسة</a></div>
<div class="share-bar">شارك: <a href="#">فيسبوك</a> <a href="#">تويتر</a>
<a href="#">واتساب</a></div>
</article>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ol>{most_read}</ol></aside>
<div class="newsletter">اشترك في النشرة البريدية ليصلك كل جديد
<input type="email"> <button>اشترك</button></div>
</main>
<footer class="site-footer"><ul><li><a href="/about">من نحن</a></li>
<li><a href="/contact">اتصل بنا</a></li>
<li><a href="/privacy">سياسة الخصوصية</a></li></ul>
<p>جميع الحقوق محفوظة © 2024 {esc(site)}</p></footer>
<script>(function(){{var s=document.createElement('script');s.src='/ads.js';
document.body.appendChild(s);}})();</script>
</body></html>
"""


# ------------------------------------------------------------------------------ feeds


@dataclass(frozen=True)
class FeedEntry:
    """One item as a feed lists it; `content` (full text) is left out when empty."""

    title: str
    link: str
    guid: str
    published: datetime
    summary: str
    content: str = ""


def _paragraphs_html(text: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())


def rss_feed(title: str, link: str, entries: list[FeedEntry], encoding: str = "utf-8") -> str:
    """RSS 2.0 with `content:encoded` for entries that carry their full text."""
    items = []
    for entry in entries:
        content = (
            f"<content:encoded><![CDATA[{_paragraphs_html(entry.content)}]]></content:encoded>"
            if entry.content
            else ""
        )
        items.append(
            f"<item><title>{html.escape(entry.title)}</title><link>{html.escape(entry.link)}</link>"
            f'<guid isPermaLink="false">{html.escape(entry.guid)}</guid>'
            f"<pubDate>{format_datetime(entry.published)}</pubDate>"
            f"<description>{html.escape(entry.summary)}</description>{content}</item>"
        )
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
        f"<description>{html.escape(title)}</description>{''.join(items)}</channel></rss>\n"
    )


def atom_feed(title: str, link: str, entries: list[FeedEntry], base: str | None = None) -> str:
    """Atom 1.0; with `base`, links are written relative and resolved through xml:base."""
    parts = []
    for entry in entries:
        href = entry.link
        if base and href.startswith(base):
            href = href[len(base) :]
        content = (
            f'<content type="html">{html.escape(_paragraphs_html(entry.content))}</content>'
            if entry.content
            else ""
        )
        parts.append(
            f"<entry><title>{html.escape(entry.title)}</title>"
            f'<link rel="alternate" href="{html.escape(href)}"/><id>{html.escape(entry.guid)}</id>'
            f"<updated>{entry.published.isoformat()}</updated>"
            f"<published>{entry.published.isoformat()}</published>"
            f"<summary>{html.escape(entry.summary)}</summary>{content}</entry>"
        )
    base_attr = f' xml:base="{html.escape(base)}"' if base else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom"{base_attr}>'
        f'<title>{html.escape(title)}</title><link href="{html.escape(link)}"/>'
        f"<id>{html.escape(link)}</id><updated>{datetime.now(UTC).isoformat()}</updated>"
        f"{''.join(parts)}</feed>\n"
    )


def json_feed(title: str, link: str, entries: list[FeedEntry]) -> str:
    """JSON Feed 1.1."""
    items = []
    for entry in entries:
        item: dict[str, str] = {
            "id": entry.guid,
            "url": entry.link,
            "title": entry.title,
            "date_published": entry.published.isoformat(),
            "summary": entry.summary,
        }
        if entry.content:
            item["content_html"] = _paragraphs_html(entry.content)
        else:
            item["content_text"] = entry.summary
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": link,
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False)
