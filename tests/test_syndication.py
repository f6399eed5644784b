"""Reading feeds: every format into one shape, absolute links, dates, charsets, bad input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.ingest.collector.sources import FeedsFileError, read_feeds_file
from bot.ingest.collector.syndication import FeedError, html_to_text, parse_date, parse_feed

URL = "https://news.example/feeds/main.xml"
TITLE = "غارات جديدة على جنوب لبنان"
PUBLISHED = datetime(2024, 6, 20, 10, 30, tzinfo=UTC)

RSS2 = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>الأخبار</title><link>https://news.example/</link>
<item><title>{TITLE}</title><link>/news/1.html</link>
<guid isPermaLink="false">n-1</guid><pubDate>Thu, 20 Jun 2024 13:30:00 +0300</pubDate>
<description>&lt;p&gt;موجز الخبر&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>الفقرة الأولى.</p><script>x()</script>
<p>الفقرة الثانية.</p>]]></content:encoded>
</item></channel></rss>"""

RSS091 = f"""<?xml version="1.0"?>
<rss version="0.91"><channel><title>الأخبار</title><link>https://news.example/</link>
<item><title>{TITLE}</title><link>https://news.example/news/1.html</link>
<description>موجز الخبر</description></item></channel></rss>"""

RSS1 = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example/"><title>الأخبار</title><link>https://news.example/</link>
</channel>
<item rdf:about="https://news.example/news/1.html"><title>{TITLE}</title>
<link>https://news.example/news/1.html</link><description>موجز الخبر</description>
<dc:date>2024-06-20T10:30:00Z</dc:date></item></rdf:RDF>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/">
<title>الأخبار</title><link href="https://news.example/"/>
<entry><title>{TITLE}</title><link rel="alternate" href="news/1.html"/><id>n-1</id>
<updated>2024-06-20T10:30:00+00:00</updated><summary>موجز الخبر</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
<p>الفقرة الأولى.</p><p>الفقرة الثانية.</p></div></content>
</entry></feed>"""

JSON_FEED = f"""{{"version": "https://jsonfeed.org/version/1.1", "title": "الأخبار",
"home_page_url": "https://news.example/", "items": [{{"id": "n-1", "url": "/news/1.html",
"title": "{TITLE}", "date_published": "2024-06-20T10:30:00Z", "summary": "موجز الخبر",
"content_html": "<p>الفقرة الأولى.</p><p>الفقرة الثانية.</p>"}}]}}"""


@pytest.mark.parametrize(
    ("document", "guid", "published", "content"),
    [
        (RSS2, "n-1", PUBLISHED, "الفقرة الأولى.\nالفقرة الثانية."),
        (RSS091, None, None, ""),
        (RSS1, "https://news.example/news/1.html", PUBLISHED, ""),
        (ATOM, "n-1", PUBLISHED, "الفقرة الأولى.\nالفقرة الثانية."),
        (JSON_FEED, "n-1", PUBLISHED, "الفقرة الأولى.\nالفقرة الثانية."),
    ],
    ids=["rss2", "rss091", "rss1-rdf", "atom-xhtml", "json-feed"],
)
def test_every_format_reads_alike(
    document: str, guid: str | None, published: datetime | None, content: str
) -> None:
    feed = parse_feed(document.encode("utf-8"), URL)
    assert feed.title == "الأخبار"
    (item,) = feed.items
    assert item.title == TITLE
    assert item.link == "https://news.example/news/1.html"  # relative links made absolute
    assert item.guid == guid
    assert item.published == published
    assert item.summary == "موجز الخبر"
    assert item.content == content


def test_feed_in_windows_1256_declared_or_not() -> None:
    declared = RSS091.replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="windows-1256"?>'
    )
    wrong = RSS091.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-8"?>')
    for document in (declared, wrong):
        (item,) = parse_feed(document.encode("cp1256"), URL).items
        assert item.title == TITLE


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty document"),
        (b"<rss><channel><item><title>x</channel>", "malformed XML"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "an HTML page, not a feed"),
        (b"<html><body><p>x</p></body></html>", "an HTML page, not a feed"),
        (b"<opml/>", "not a feed: the document is <opml>"),
        (b'{"title": "no items"}', "JSON without a JSON Feed `items` list"),
        (b"{not json", "malformed JSON Feed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
            b"<rss><channel><title>&b;</title></channel></rss>",
            "refused XML construct",
        ),
    ],
)
def test_what_is_not_a_feed_says_why(raw: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(raw, URL)
    assert caught.value.reason.startswith(reason)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Thu, 20 Jun 2024 13:30:00 +0300", PUBLISHED),
        ("Thu, 20 Jun 2024 10:30:00 GMT", PUBLISHED),
        ("2024-06-20T10:30:00Z", PUBLISHED),
        ("2024-06-20T13:30:00+03:00", PUBLISHED),
        ("2024-06-20T10:30:00", PUBLISHED),
        ("الخميس", None),
        ("", None),
    ],
)
def test_dates(value: str, expected: datetime | None) -> None:
    assert parse_date(value) == expected


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = "<div><p>أولى &amp; ثانية</p><script>var a=1;</script><br>ثالثة  <b>رابعة</b></div>"
    assert html_to_text(fragment) == "أولى & ثانية\nثالثة رابعة"


def test_feeds_file_lines_and_opml(tmp_path: Path) -> None:
    lines = tmp_path / "feeds.txt"
    lines.write_text(
        "# المصادر\nhttps://a.example/rss\n\nhttps://b.example/atom.xml  # أخبار\n"
        "not a url\nhttps://a.example/rss\n",
        encoding="utf-8",
    )
    assert read_feeds_file(lines) == ["https://a.example/rss", "https://b.example/atom.xml"]
    opml = tmp_path / "export.opml"
    opml.write_text(
        '<opml version="1.0"><body><outline text="x" xmlUrl="https://a.example/rss"/>'
        '<outline text="folder"><outline xmlUrl="https://c.example/feed.json"/></outline>'
        "</body></opml>",
        encoding="utf-8",
    )
    assert read_feeds_file(opml) == ["https://a.example/rss", "https://c.example/feed.json"]
    with pytest.raises(FeedsFileError):
        read_feeds_file(tmp_path / "missing.txt")
