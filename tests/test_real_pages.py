"""The development set of real pages: real articles in real site layouts, chrome and other
stories included (tests/data/real_pages, its README says how it was made)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.ingest.articles import decode_article, parse_article

PAGES = Path(__file__).parent / "data" / "real_pages"
MTIME = datetime(2030, 1, 1, tzinfo=UTC)
RECORDS: list[dict[str, Any]] = [
    json.loads(line) for line in (PAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines()
]


def test_the_set_is_large_and_varied() -> None:
    assert len(RECORDS) >= 64
    assert len({r["site"] for r in RECORDS if r["layout"]}) >= 5
    assert sum(r["kind"] == "flash" for r in RECORDS) >= 5
    assert all((PAGES / r["file"]).is_file() for r in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=[r["file"] for r in RECORDS])
def test_real_page(record: dict[str, Any]) -> None:
    text = decode_article((PAGES / record["file"]).read_bytes())
    article = parse_article(text, record["file"], MTIME)

    assert article.title == record["title"]
    own = article.published if article.published_from == "text" else None
    dated = own.date().isoformat() if own is not None else None
    assert dated == record["published"]
    assert article.body.startswith(record["body_start"])
    assert article.body.endswith(record["body_end"])
    for foreign in record["must_not_contain"]:
        assert foreign not in article.body, foreign
    for own in record["must_contain"]:
        assert own in article.body, own
    assert article.source == record["source"]
    assert article.url == record["url"]
    assert article.kind == record["kind"]
    assert sorted(article.related) == sorted(record["related"])
    if record["kind"] == "article":
        assert len(article.body.split("\n")) == record["paragraphs"]
