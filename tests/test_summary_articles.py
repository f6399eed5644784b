"""The summarizer on the owner's five reference articles, as the inbox parses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.deliver.summary import MAX_CHARS, MAX_SENTENCES, summarize
from bot.ingest.articles import read_article
from bot.match.matching import MatchIndex, parse_query

ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("*.txt"))
CHROME = (
    "اترك تعليقاً",
    "Exit mobile version",
    "اقرأ أيضاً",
    "إقرأ أيضاً",
    "المصدر:",
    "كلمات دلالية",
    "شاركها",
    "افتح ملخص",
)


# (article, keyword it matches): plain mentions, clitic forms, an alias (002: «حلف شمال الأطلسي»
# for «الناتو»), and keywords whose best mention is in the title.
CASES = [
    ("000", "الناتو"),
    ("000", "بوتين"),
    ("000", "كوريا الشمالية"),
    ("001", "كوريا الشمالية"),
    ("001", "اليابان"),
    ("002", "الناتو"),
    ("002", "بوتين"),
    ("003", "كوريا الشمالية"),
    ("003", "اليابان"),
    ("004", "الناتو"),
    ("004", "كوريا الشمالية"),
]


@pytest.mark.parametrize(("prefix", "keyword"), CASES)
def test_owner_article_summary(prefix: str, keyword: str) -> None:
    (path,) = [p for p in ARTICLES if p.name.startswith(prefix)]
    article = read_article(path)
    query = parse_query(keyword)
    matches = MatchIndex.build([(1, query)]).match(article.title, article.body)
    assert matches
    words = [m.matched for m in matches] + query.describe()
    summary = summarize(article.body, words, title=article.title)

    assert 1 <= len(summary.sentences) <= MAX_SENTENCES
    assert len(summary.text) <= MAX_CHARS
    for sentence in summary.sentences:
        assert sentence.text in " ".join(article.body.split()) or sentence.text in article.body
        assert not any(sentence.text in related for related in article.related)
        assert not any(marker in sentence.text for marker in CHROME)
    assert summary.mentions_keyword, summary.text


def test_every_owner_article_matches_north_korea_in_its_body() -> None:
    query = parse_query("كوريا الشمالية")
    for path in ARTICLES:
        article = read_article(path)
        summary = summarize(article.body, query.describe(), title=article.title)
        assert len(summary.sentences) >= 2, path.name
        assert summary.mentions_keyword, path.name


def test_summarize_command_prints_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", "--json", "--keyword", "الناتو", *map(str, ARTICLES)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["path"] for line in lines] == [str(p) for p in ARTICLES]
    assert all(line["summary"] and "<b>" not in line["summary"] for line in lines)


def test_summarize_command_reports_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summarize", "no/such/file.txt"]) == 2
    assert "no/such/file.txt" in capsys.readouterr().err
