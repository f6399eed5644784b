"""Article addresses: which a button may open, and the outlet an address names."""

from __future__ import annotations

import pytest

from bot.core.links import outlet_name, safe_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.aljazeera.net/news/2024/1/1/x", "https://www.aljazeera.net/news/2024/1/1/x"),
        ("  http://alarabiya.net/a?b=1  ", "http://alarabiya.net/a?b=1"),
        ("javascript:alert(1)", None),
        ("/news/relative/path", None),
        ("https://", None),
        ("https://exa mple.com/a", None),
        ("ftp://example.com/file", None),
        ("", None),
        (None, None),
        ("https://example.com/" + "a" * 3000, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    ("source", "url", "expected"),
    [
        ("الأسبوع", "https://www.elaosboa.com/1", "الأسبوع"),
        (None, "https://www.aljazeera.net/news/1", "aljazeera.net"),
        ("  ", "https://SPA.gov.sa/x", "spa.gov.sa"),
        (None, "not a url", None),
        (None, None, None),
    ],
)
def test_outlet_name(source: str | None, url: str | None, expected: str | None) -> None:
    assert outlet_name(source, url) == expected
