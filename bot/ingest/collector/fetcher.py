"""Polite HTTP fetching for the collector.

- One request at a time per host, at least `host_delay` seconds apart (a news site serves
  its readers first); different hosts are fetched concurrently.
- A timeout per request, a size limit on every answer (read streaming, cut at the limit), and
  at most `MAX_REDIRECTS` redirects, followed by hand so that a permanent one (301, 308) can
  be reported and stored.
- Conditional requests: the caller passes the stored ETag and Last-Modified; a 304 comes
  back as `not_modified`.
- A `User-Agent` that names Marsad, so that site owners know who asks and how to reach us.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

from bot.ingest.collector import SourceError

__all__ = ["MAX_REDIRECTS", "USER_AGENT", "FetchError", "Fetched", "Fetcher"]

MAX_REDIRECTS = 5
_PERMANENT = frozenset({301, 308})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _version() -> str:
    try:
        return version("marsad")
    except PackageNotFoundError:
        return "0"


# Names the program and what it does; site owners who see it can reach the bot's operator.
USER_AGENT = f"Marsad/{_version()} (news-alert feed reader; polite: one request at a time)"


class FetchError(SourceError):
    """A fetch that gave nothing usable: no answer, a refusal, too large, too many redirects."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """An answer: its final address, body, validators, and the address a permanent redirect
    moved the request to (None when it did not move)."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    moved_to: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """Fetches through one httpx client; holds the per-host locks and last-request times.

    Use as an async context manager (the client is opened and closed with it). The host
    bookkeeping lives on the instance, so keep one Fetcher for a whole polling round.
    """

    def __init__(self, *, timeout: float, max_bytes: int, host_delay: float) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.host_delay = host_delay
        self._locks: dict[str, asyncio.Lock] = {}
        self._last: dict[str, float] = {}
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Fetched:
        """GET `url`, following redirects by hand; raises FetchError on anything but 2xx/304."""
        current = url
        moved_to: str | None = None
        permanent_so_far = True
        for _ in range(MAX_REDIRECTS + 1):
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            status, response_headers, body = await self._get(current, headers)
            if status in _REDIRECTS:
                location = response_headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} without a Location header")
                target = urljoin(current, location)
                if urlsplit(target).scheme not in ("http", "https"):
                    raise FetchError(f"redirect to a non-HTTP address: {target}")
                # Only a chain of permanent redirects moves the feed for good.
                permanent_so_far = permanent_so_far and status in _PERMANENT
                if permanent_so_far:
                    moved_to = target
                current = target
                continue
            if status == 304:
                return Fetched(current, 304, b"", "", etag, last_modified, moved_to)
            if not 200 <= status < 300:
                raise FetchError(f"HTTP {status}")
            return Fetched(
                url=current,
                status=status,
                body=body,
                content_type=response_headers.get("content-type", ""),
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
                moved_to=moved_to,
            )
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    async def _get(self, url: str, headers: dict[str, str]) -> tuple[int, httpx.Headers, bytes]:
        client = self._client
        if client is None:
            raise RuntimeError("Fetcher used outside `async with`")
        host = urlsplit(url).netloc.lower()
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._last.get(host, -1e9) + self.host_delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                return await self._read(client, url, headers)
            finally:
                self._last[host] = time.monotonic()

    async def _read(
        self, client: httpx.AsyncClient, url: str, headers: dict[str, str]
    ) -> tuple[int, httpx.Headers, bytes]:
        try:
            async with client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(
                        f"too large: {int(declared):,} bytes (limit {self.max_bytes:,})"
                    )
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"too large: over {self.max_bytes:,} bytes")
                    chunks.append(chunk)
                return response.status_code, response.headers, b"".join(chunks)
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.timeout:g} s") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"bad address: {exc}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"network error: {type(exc).__name__}: {exc}") from None
