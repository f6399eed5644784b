"""Near-duplicate story detection, measured on the owner's articles and the Saudi sample."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from bot.core.article import ParsedArticle
from bot.core.stories import (
    SAME_STORY_THRESHOLD,
    STORY_WINDOW,
    StoryCandidate,
    best_story,
    similarity,
    story_terms,
)
from bot.ingest.articles import read_article

DATA = Path(__file__).parent / "data"


def load(name: str) -> ParsedArticle:
    folder = "articles" if name[0].isdigit() else "saudinewsnet"
    return read_article(next((DATA / folder).glob(f"{name}*")))


def score(a: str, b: str) -> float:
    x, y = load(a), load(b)
    return similarity(story_terms(x.title, x.body), story_terms(y.title, y.body))


# Pairs that report the same event from two outlets.
SAME = [
    ("000", "002"),  # Russia–North Korea pact: Japan's alarm (al-Osboa / FT Arabic)
    ("SNN-aawsat-20150804-0138", "SNN-aljazirah-20150804-0450"),  # al-Anad base recaptured
]
# Pairs on related subjects that are different events.
DIFFERENT = [
    ("000", "001"),  # Japan and Russian military ties, seven months apart
    ("000", "003"),  # the pact (2024) vs Lavrov in Wonsan (2025)
    ("002", "003"),
    ("000", "004"),
    ("SNN-was-20150810-1558", "SNN-was-20150810-1662"),  # SPA wire boilerplate
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_event_from_two_outlets_clusters(a: str, b: str) -> None:
    assert score(a, b) >= SAME_STORY_THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_events_do_not_cluster(a: str, b: str) -> None:
    assert score(a, b) < SAME_STORY_THRESHOLD


def test_template_news_is_kept_apart_by_the_time_window() -> None:
    """Two calls of teachers to interviews by two regions share a template: the words alone
    would cluster them (the known weakness of the measure); they are 3.5 days apart."""
    a, b = "SNN-almadina-20150722-0578", "SNN-alweeam-20150725-1173"
    assert score(a, b) >= SAME_STORY_THRESHOLD
    pa, pb = load(a).published, load(b).published
    assert pa is not None and pb is not None
    assert abs(pa - pb) > STORY_WINDOW


def test_threshold_separates_the_whole_sample_within_the_window() -> None:
    """Over all 105 articles: inside the 48 h window, only the known same-event pairs cluster."""
    names = [p.name for p in sorted((DATA / "articles").glob("*.txt"))] + [
        p.name for p in sorted((DATA / "saudinewsnet").glob("*.txt"))
    ]
    articles = {n: load(n) for n in names}
    terms = {n: story_terms(a.title, a.body) for n, a in articles.items()}
    clustered = set()
    for x, y in itertools.combinations(names, 2):
        owner = x[0].isdigit() and y[0].isdigit()  # owner files carry no comparable dates
        px, py = articles[x].published, articles[y].published
        assert px is not None and py is not None
        if not owner and abs(px - py) > STORY_WINDOW:
            continue
        if similarity(terms[x], terms[y]) >= SAME_STORY_THRESHOLD:
            clustered.add((x[:3] if owner else x[:-4], y[:3] if owner else y[:-4]))
    assert clustered == set(SAME)


def test_rewrite_of_a_story_matches_it() -> None:
    original = load("000")
    rewrite = ParsedArticle(
        path="x",
        title="طوكيو قلقة من اتفاقية الدفاع المشترك بين روسيا وكوريا الشمالية",
        published=original.published,
        published_from="text",
        source=None,
        body=(
            "عبرت الحكومة اليابانية الخميس عن قلق بالغ من اتفاقية الدفاع المشترك التي وقعتها "
            "كوريا الشمالية وروسيا، وتنص على المساعدة المتبادلة في حالة العدوان. وقال المتحدث "
            "باسم الحكومة يوشيماسا هاياشي إن بوتين لم يستبعد التعاون العسكري الفني مع بيونغ "
            "يانغ، وإن ذلك قد ينتهك قرارات مجلس الأمن."
        ),
        language="ar",
    )
    a = story_terms(original.title, original.body)
    b = story_terms(rewrite.title, rewrite.body)
    assert best_story(b, [StoryCandidate(1, 7, a)]) == (7, similarity(a, b))


def test_short_texts_sharing_a_few_words_are_not_a_story() -> None:
    a = story_terms("روسيا", "روسيا تعلن")
    b = story_terms("روسيا", "روسيا ترفض")
    assert similarity(a, b) == 0.0


def test_best_story_picks_the_most_similar_candidate() -> None:
    base = frozenset(f"كلمة{i}" for i in range(20))
    near = StoryCandidate(1, 10, frozenset(list(base)[:15]))
    far = StoryCandidate(2, 20, frozenset(list(base)[:5]) | {"اخرى", "مختلفة"})
    assert best_story(base, [far, near]) == (10, similarity(base, near.terms))
    assert best_story(base, [StoryCandidate(3, 30, frozenset({"لا", "شيء"}))]) is None
