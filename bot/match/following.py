"""What /follow and /unfollow decide, before anything is stored. Pure code.

`plan_follow` turns one message (several keywords) into what to add and what to report:
invalid keywords with their error code, exact and near duplicates of what the chat already
follows (or of an earlier keyword of the same message), and what the per-chat limit leaves out.
`find_subscription` finds the subscription an /unfollow argument means, tolerating spelling
variants. `preview` counts which stored articles a new subscription would have matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Protocol, TypeVar

from rapidfuzz import fuzz

from bot.core.arabic import normalize
from bot.match.aliases import phrase_of
from bot.match.concepts import ConceptTable, default_concept_table
from bot.match.matching import MatchIndex, Query, QueryError, is_near_duplicate, parse_query
from storage.search import ArticleHit

__all__ = [
    "FollowPlan",
    "Followed",
    "find_subscription",
    "plan_follow",
    "preview",
    "search_forms",
    "split_keywords",
    "watch_terms",
]

# Separators of several keywords in one /follow: new lines, and Arabic and Latin commas outside
# a quoted phrase.
_SEPARATORS: Final = "\n،,"
_QUOTES: Final = '"“”„″'
# How close an /unfollow argument must be to a subscription's text (0–100, rapidfuzz ratio on
# normalized text) to count as a misspelling of it, when the matcher does not equate them.
FUZZY_UNFOLLOW: Final = 85


class Followed(Protocol):
    """A subscription as the chat has it (storage.subscriptions.Subscription has these)."""

    @property
    def id(self) -> int: ...
    @property
    def query(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FollowPlan:
    """What one /follow message leads to."""

    add: tuple[Query, ...] = ()
    invalid: tuple[tuple[str, str], ...] = ()  # (keyword as written, QueryError code)
    duplicates: tuple[str, ...] = ()  # already followed as written
    near_duplicates: tuple[tuple[str, str], ...] = ()  # (keyword, the subscription it repeats)
    over_limit: tuple[str, ...] = ()
    limit: int = 0


def split_keywords(text: str) -> list[str]:
    """The keywords of one message: split on new lines, «،» and «,» outside quotes, trimmed."""
    keywords: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch in _QUOTES:
            quoted = not quoted
        # A new line always ends a keyword: an unclosed quote must not swallow the next ones.
        if ch == "\n" or (ch in _SEPARATORS and not quoted):
            keywords.append("".join(current))
            current = []
            quoted = False
            continue
        current.append(ch)
    keywords.append("".join(current))
    return [k.strip() for k in keywords if k.strip()]


def plan_follow(text: str, existing: Sequence[Followed], limit: int) -> FollowPlan:
    """Decide what to add from `text` given the chat's `existing` subscriptions and `limit`."""
    known: list[tuple[str, Query]] = []
    for sub in existing:
        try:
            known.append((sub.query, parse_query(sub.query)))
        except QueryError:
            continue  # stored before a syntax change; it cannot be a duplicate of a valid one
    add: list[Query] = []
    invalid: list[tuple[str, str]] = []
    duplicates: list[str] = []
    near: list[tuple[str, str]] = []
    over: list[str] = []
    room = max(0, limit - len(existing))
    for keyword in split_keywords(text):
        try:
            query = parse_query(keyword)
        except QueryError as exc:
            invalid.append((keyword, exc.code))
            continue
        same = next((t for t, q in known if q.key == query.key), None)
        if same is not None:
            duplicates.append(keyword)
            continue
        close = next((t for t, q in known if is_near_duplicate(q, query)), None)
        if close is not None:
            near.append((keyword, close))
            continue
        if len(add) >= room:
            over.append(keyword)
            continue
        add.append(query)
        known.append((keyword, query))
    return FollowPlan(
        add=tuple(add),
        invalid=tuple(invalid),
        duplicates=tuple(duplicates),
        near_duplicates=tuple(near),
        over_limit=tuple(over),
        limit=limit,
    )


F = TypeVar("F", bound=Followed)


def find_subscription(text: str, subscriptions: Sequence[F]) -> F | None:
    """The subscription `text` names: same query, a near duplicate (alias, article, spelling
    of a name), or failing those the closest text within FUZZY_UNFOLLOW. The one lookup for
    every command that names a subscription (/unfollow, /mode, /urgent, ...)."""
    try:
        wanted: Query | None = parse_query(text)
    except QueryError:
        wanted = None
    if wanted is not None:
        parsed: list[tuple[F, Query]] = []
        for sub in subscriptions:
            try:
                parsed.append((sub, parse_query(sub.query)))
            except QueryError:
                continue
        for sub, query in parsed:
            if query.key == wanted.key:
                return sub
        for sub, query in parsed:
            if is_near_duplicate(query, wanted):
                return sub
    target = _loose(text)
    if not target:
        return None
    best: tuple[float, F] | None = None
    for sub in subscriptions:
        score = fuzz.ratio(target, _loose(sub.query))
        if score >= FUZZY_UNFOLLOW and (best is None or score > best[0]):
            best = (score, sub)
    return best[1] if best else None


_PUNCTUATION = re.compile(r"[^\w\s]")


def _loose(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", normalize(text)).split())


def watch_terms(
    query: Query, concepts: ConceptTable | None = None, *, every_form: bool = False
) -> list[str]:
    """What a subscription watches, as words to look for: its terms and their aliases (and
    with `every_form`, a concept's forms beyond its names: see `Query.describe`)."""
    watched = query.describe(concepts=concepts, every_form=every_form)
    return [line for line in watched if not line.startswith("-")]


def search_forms(query: Query, concepts: ConceptTable | None = None) -> list[list[list[str]]]:
    """What a full-text search must look for to find every article `query` may match: each
    watched phrase (its terms, aliases and concept names) as its words, each word as the stems
    of its forms (the article dropped, singulars of plurals), to be matched as prefixes. The
    matcher then checks each candidate."""
    thesaurus = concepts or default_concept_table()
    keys = thesaurus.morphology.keyword_keys
    phrases: list[list[list[str]]] = []
    # Every form a concept counts, not only its names: «اغتال» for «الاغتيالات».
    for line in watch_terms(query, thesaurus, every_form=True):
        phrase = phrase_of(line)
        if phrase is None:
            continue
        words = [phrase.stem, *phrase.words[1:]]
        forms = [
            {word, *(k for k in keys(word, n) if not k.startswith("~"))}
            for n, word in enumerate(words)
        ]
        # A final teh marbuta becomes «ت» before the dual's and the pronouns' endings
        # («طائرة» → «طائرتين», «طائرته»): prefixes must reach those too.
        phrases.append([sorted(f | {w[:-1] + "ت" for w in f if w.endswith("ه")}) for f in forms])
    return phrases


A = TypeVar("A", bound=ArticleHit)


def preview(query: Query, candidates: Iterable[A], newest: int = 2) -> tuple[int, list[A]]:
    """How many `candidates` (newest first) the query matches, and the first `newest` of them."""
    index = MatchIndex.build([(0, query)])
    count = 0
    shown: list[A] = []
    for article in candidates:
        if index.match(article.title, article.body):
            count += 1
            if len(shown) < newest:
                shown.append(article)
    return count, shown
