"""Arabic-aware keyword matching: subscriptions compiled into a token index, articles matched.

A subscription (`parse_query`) is a phrase, or several joined by `+` (all needed), with
optional `-word` exclusions; `"..."` asks for the exact form. Each term is compiled into
*variants*: the phrase itself, the names of the entity it denotes (alias table), the nisba
forms of a place, and a joined form of a split transliterated name. Variants are indexed by
their first word (clitic-free stem) and by that word's consonant skeleton, so an article is
matched by looking each of its words up once and verifying only the candidates found.

What counts as a mention (the rules, in the order the matcher applies them):
- words compare after `normalize` (diacritics, alef/yeh/teh-marbuta forms, Persian letters...);
- the first word may carry proclitics (و ف ب ك ل) and the article (ال, لل); a keyword without
  the article never matches the word with it (سيول Seoul ≠ السيول floods), a name with the
  article needs it (القاعدة ≠ قاعدة), a common word with it matches both (النفط, نفط);
- a token that is itself a known name is not split into clitics (بكين is not ب + كين);
- phrase words are consecutive (only spaces or dashes between them) and each is the same word;
- transliterated names may differ by consonants of one sound class and long vowels, within an
  edit budget that grows with length (none below five letters), never onto another known name;
  a split name may be written joined and the reverse (بيونغ يانغ / بيونغيانغ);
- place names bring their nisba forms (الروسية، الكوريين الشماليين), unless quoted;
- a mention inside a longer name of a different entity does not count (غينيا in غينيا بيساو,
  الهندي in المحيطين الهندي والهادئ), unless the entity covers it (كوريا in كوريا الشمالية).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Levenshtein

from bot.aliases import (
    AliasTable,
    Phrase,
    default_alias_table,
    fuzzy_budget,
    key_of,
    nisba_phrases,
    phrase_of,
)
from bot.arabic import WORD_RE, normalize, sentence_spans, skeleton

__all__ = [
    "ERROR_CODES",
    "MAX_PHRASE_WORDS",
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "Match",
    "MatchIndex",
    "Query",
    "QueryError",
    "Term",
    "is_near_duplicate",
    "parse_query",
]

MAX_QUERY_CHARS = 100
MAX_TERMS = 6  # terms joined by + plus exclusions
MAX_PHRASE_WORDS = 6

ErrorCode = Literal[
    "empty", "too_long", "no_letters", "too_short", "too_many_terms", "bad_syntax",
    "only_exclusions",
]  # fmt: skip
# Stable machine codes of QueryError; bot/texts.py words them for users.
ERROR_CODES: tuple[ErrorCode, ...] = (
    "empty",  # nothing but spaces
    "too_long",  # over MAX_QUERY_CHARS characters
    "no_letters",  # only punctuation or digits
    "too_short",  # a term of a single letter would match almost every article
    "too_many_terms",  # over MAX_TERMS terms, or a phrase over MAX_PHRASE_WORDS words
    "bad_syntax",  # unclosed quote, empty side of +, quoted and plain words mixed in one term
    "only_exclusions",  # -word terms with nothing to look for
)


class QueryError(ValueError):
    """A subscription text that cannot be compiled; `code` is one of ERROR_CODES."""

    def __init__(self, code: ErrorCode, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code: ErrorCode = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Term:
    """One phrase of a query: as written, normalized, and whether quoted (exact form)."""

    surface: str
    phrase: Phrase
    exact: bool

    @property
    def key(self) -> str:
        text = " ".join(self.phrase.words)
        return f'"{text}"' if self.exact else text


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed subscription: every `required` term must occur, no `excluded` one may."""

    text: str
    key: str
    required: tuple[Term, ...]
    excluded: tuple[Term, ...]

    def describe(self, aliases: AliasTable | None = None) -> list[str]:
        """What will be watched: each term, then the names and forms that come with it."""
        table = aliases or default_alias_table()
        lines: list[str] = []
        for term in self.required:
            lines.append(term.surface)
            if term.exact:
                continue
            seen = {key_of(term.phrase)}
            for entity_id in table.resolve(term.phrase):
                entity = table.entity(entity_id)
                extra = list(entity.names)
                if entity.is_place:
                    extra += [" ".join(n.words) for n in nisba_phrases(entity)[:1]]
                for name in extra:
                    phrase = phrase_of(name)
                    if phrase is None or key_of(phrase) in seen or name.isascii():
                        continue
                    seen.add(key_of(phrase))
                    lines.append(name)
        lines.extend(f"-{term.surface}" for term in self.excluded)
        return lines


_QUOTES = '"“”„″'
_PLUS = "+＋"
_MINUS = "-−–"
_EDGE_PUNCTUATION = " \t«»()[]{}.,،؛;:!?؟'`"


def parse_query(text: str) -> Query:
    """Parse a subscription text; raises QueryError with a stable `code` when it is unusable."""
    if not text or not text.strip():
        raise QueryError("empty", "the keyword is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError("too_long", f"{len(text)} characters, at most {MAX_QUERY_CHARS}")
    if not any(ch.isalpha() for ch in normalize(text)):
        raise QueryError("no_letters", "the keyword has no letters")
    required: list[Term] = []
    excluded: list[Term] = []
    for part in _split_parts(text):
        positive: list[Term] = []
        plain: list[str] = []
        for kind, raw, negated in part:
            if negated:
                excluded.append(_term(raw, exact=kind == "quoted"))
            elif kind == "quoted":
                positive.append(_term(raw, exact=True))
            else:
                plain.append(raw)
        if plain:
            positive.append(_term(" ".join(plain), exact=False))
        if len(positive) > 1:
            raise QueryError("bad_syntax", "join a quoted phrase and other words with +")
        required.extend(positive)
    if not required:
        raise QueryError("only_exclusions", "add a word to look for besides the -exclusions")
    if len(required) + len(excluded) > MAX_TERMS:
        raise QueryError("too_many_terms", f"at most {MAX_TERMS} terms")
    key = " + ".join(sorted(t.key for t in required))
    key += "".join(f" -{k}" for k in sorted(t.key for t in excluded))
    return Query(text=text, key=key, required=tuple(required), excluded=tuple(excluded))


def _split_parts(text: str) -> list[list[tuple[str, str, bool]]]:
    """Lex into (kind, raw, negated) items grouped by `+`; raise on unclosed quotes, empty sides."""
    parts: list[list[tuple[str, str, bool]]] = [[]]
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in _PLUS:
            parts.append([])
            i += 1
            continue
        negated = False
        if ch in _MINUS:
            if i + 1 >= n or text[i + 1].isspace() or text[i + 1] in _PLUS:
                i += 1  # a lone dash is punctuation (الكونغو - كينشاسا)
                continue
            negated = True
            i += 1
            ch = text[i]
        if ch in _QUOTES:
            close = next((j for j in range(i + 1, n) if text[j] in _QUOTES), -1)
            if close < 0:
                raise QueryError("bad_syntax", "a quotation mark is not closed")
            parts[-1].append(("quoted", text[i + 1 : close], negated))
            i = close + 1
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in _PLUS and text[j] not in _QUOTES:
            j += 1
        parts[-1].append(("word", text[i:j], negated))
        i = j
    cleaned = [[item for item in part if phrase_of(item[1]) is not None] for part in parts]
    if len(cleaned) > 1 and any(not part for part in cleaned):
        raise QueryError("bad_syntax", "+ needs a word on each side")
    return cleaned


def _term(raw: str, *, exact: bool) -> Term:
    phrase = phrase_of(raw)
    if phrase is None:
        raise QueryError("bad_syntax", "an empty term")
    if len(phrase.words) > MAX_PHRASE_WORDS:
        raise QueryError("too_many_terms", f"a phrase has at most {MAX_PHRASE_WORDS} words")
    if len(phrase.letters) < 2:
        raise QueryError("too_short", f"«{raw.strip()}» is too short to look for")
    return Term(surface=raw.strip(_EDGE_PUNCTUATION + _QUOTES), phrase=phrase, exact=exact)


def is_near_duplicate(a: Query, b: Query, aliases: AliasTable | None = None) -> bool:
    """Would `b` watch the same thing as `a`? Same terms up to the article, spelling variants
    of a transliterated name, or names of the same entity («الناتو» / «حلف شمال الأطلسي»)."""
    if a.key == b.key:
        return True
    table = aliases or default_alias_table()
    return _same_terms(a.required, b.required, table) and _same_terms(a.excluded, b.excluded, table)


def _same_terms(left: tuple[Term, ...], right: tuple[Term, ...], table: AliasTable) -> bool:
    if len(left) != len(right):
        return False
    remaining = list(right)
    for term in left:
        twin = next((r for r in remaining if _same_term(term, r, table)), None)
        if twin is None:
            return False
        remaining.remove(twin)
    return True


def _same_term(a: Term, b: Term, table: AliasTable) -> bool:
    if key_of(a.phrase) == key_of(b.phrase):
        return True
    if set(table.resolve(a.phrase)) & set(table.resolve(b.phrase)):
        return True
    x, y = a.phrase.letters, b.phrase.letters
    budget = fuzzy_budget(min(len(x), len(y)))
    return (
        len(a.phrase.words) == len(b.phrase.words)
        and budget > 0
        and skeleton(x) == skeleton(y)
        and len(skeleton(x)) >= 4
        and Levenshtein.distance(x, y, score_cutoff=budget) <= budget
    )


# ---------------------------------------------------------------------------------------------
# The index

FieldName = Literal["title", "body"]
_FIELD_WEIGHT: dict[str, float] = {"title": 1.0, "body": 0.6}


@dataclass(frozen=True, slots=True)
class Match:
    """The best mention of one subscription in one article.

    `score` = field weight (title 1.0, body 0.6) × quality (1.0 the keyword as written,
    0.9 an alias, 0.85 a derived or joined form, ×0.9 a transliteration variant) + 0.02 per
    further mention (at most 0.1): any title mention outranks any body mention. Among equal
    scores the longest mention is shown («تنظيم الدولة الإسلامية» over «الدولة الإسلامية»).
    """

    subscription_id: int
    keyword: str
    matched: str
    sentence: str
    start: int
    end: int
    field: FieldName
    score: float


# Article modes of a variant's first word.
_FORBID, _OPTIONAL, _REQUIRE = 0, 1, 2
_VOWEL_ENDINGS = frozenset("اويهء")
_SKELETON_KEY = "\x01"  # prefix of skeleton keys in the same bucket dict
_GAP = re.compile(r"[\s\-‐-―ـ\u200c-\u200f]*")
# Proclitic chains: conjunction, then preposition, then article («لل» = ل + ال). Longest first.
_PREFIXES: tuple[tuple[str, bool], ...] = tuple(
    sorted(
        {
            (conj + prep + art, bool(art))
            for conj in ("", "و", "ف")
            for prep in ("", "ب", "ك", "ل")
            for art in ("", "ال")
            if not (prep == "ل" and art)
        }
        | {(conj + "لل", True) for conj in ("", "و", "ف")},
        key=lambda p: len(p[0]),
    )
)


class _Variant:
    """One surface form to look for, shared by every subscription term that wants it."""

    __slots__ = (
        "article",
        "blocker",
        "budget",
        "entity",
        "fuzzy",
        "joined",
        "owners",
        "quality",
        "signature",
        "skels",
        "words",
    )

    def __init__(
        self,
        words: tuple[str, ...],
        article: int,
        fuzzy: bool,
        entity: str | None,
        quality: float,
    ) -> None:
        self.signature = (words, article, fuzzy, entity, quality)
        self.words = words  # normalized; words[0] without its article
        self.article = article
        self.joined = "".join(words)
        self.budget = fuzzy_budget(len(self.joined)) if fuzzy else 0
        self.fuzzy = self.budget > 0 and len(skeleton(self.joined)) >= 4
        self.skels = tuple(skeleton(w) for w in words)
        self.entity = entity
        self.quality = quality
        self.owners: list[tuple[int, int]] = []  # (subscription id, term slot)
        self.blocker = False  # a name whose span hides other entities' mentions inside it


@dataclass(frozen=True, slots=True)
class _Split:
    stem: str
    article: bool  # the removed prefix contains the article
    skel: str


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    norm: str
    splits: tuple[_Split, ...]


@dataclass(slots=True)
class _Hit:
    variant: _Variant
    start: int
    end: int
    quality: float


@dataclass(frozen=True, slots=True)
class _Subscription:
    query: Query
    variants: tuple[_Variant, ...]


class MatchIndex:
    """Every active subscription compiled into one index; `match` reads one article.

    `match` returns one Match per subscription (its best mention), best score first.
    """

    def __init__(self, aliases: AliasTable | None = None) -> None:
        self._table = aliases or default_alias_table()
        self._buckets: dict[str, list[_Variant]] = {}
        self._variants: dict[tuple[tuple[str, ...], int, bool, str | None, float], _Variant] = {}
        self._subscriptions: dict[int, _Subscription] = {}
        self._words: dict[str, _Token] = {}  # analysis cache by raw word (positions zeroed)
        self._add_blockers()

    @classmethod
    def build(
        cls, items: Iterable[tuple[int, Query]], aliases: AliasTable | None = None
    ) -> MatchIndex:
        index = cls(aliases)
        for subscription_id, query in items:
            index.add(subscription_id, query)
        return index

    def __len__(self) -> int:
        return len(self._subscriptions)

    def __contains__(self, subscription_id: object) -> bool:
        return subscription_id in self._subscriptions

    # -- compiling -----------------------------------------------------------------------------

    def add(self, subscription_id: int, query: Query) -> None:
        """Index a subscription (replacing one with the same id)."""
        if subscription_id in self._subscriptions:
            self.remove(subscription_id)
        variants: list[_Variant] = []
        terms = [(slot, t) for slot, t in enumerate(query.required)]
        terms += [(~slot, t) for slot, t in enumerate(query.excluded)]
        for slot, term in terms:
            for spec in self._specs(term):
                variant = self._intern(*spec)
                variant.owners.append((subscription_id, slot))
                variants.append(variant)
        self._subscriptions[subscription_id] = _Subscription(query, tuple(variants))

    def remove(self, subscription_id: int) -> None:
        """Drop a subscription; unknown ids are ignored (removal is idempotent)."""
        subscription = self._subscriptions.pop(subscription_id, None)
        if subscription is None:
            return
        for variant in subscription.variants:
            variant.owners = [o for o in variant.owners if o[0] != subscription_id]
            if not variant.owners and not variant.blocker:
                self._discard(variant)

    def _specs(self, term: Term) -> list[tuple[tuple[str, ...], int, bool, str | None, float]]:
        """(words, article mode, fuzzy, entity, quality) of every variant of a term."""
        table = self._table
        entity_ids = table.resolve(term.phrase)
        entity = entity_ids[0] if entity_ids else None
        specs: dict[tuple[tuple[str, ...], int], tuple[bool, str | None, float]] = {}

        def put(phrase: Phrase, article: int, quality: float, owner: str | None) -> None:
            words = (phrase.stem, *phrase.words[1:])
            specs.setdefault((words, article), (not term.exact, owner, quality))

        # The keyword itself: with the article it names something that has it (a known name
        # requires it, a common word may drop it); without, the article would change the word.
        own = term.phrase
        if not own.definite:
            article = _FORBID
        elif entity or table.known_word(own.stem):
            article = _REQUIRE  # the bare word is a name of its own: السيول (floods) ≠ سيول
        else:
            article = _OPTIONAL
        put(own, article, 1.0, entity)
        if not term.exact and entity is None and own.words[-1][-1:] not in _VOWEL_ENDINGS:
            # Indefinite accusative of a common noun: «صاروخ» → «أطلقت صاروخًا» (names are
            # diptote or resolved above, so «مصر» never becomes «مصرا»).
            tanween = Phrase((*own.words[:-1], own.words[-1] + "ا"), own.definite)
            if len(tanween.letters) >= 4:
                specs.setdefault(((tanween.stem, *tanween.words[1:]), article), (False, None, 0.95))
        if not term.exact:
            for entity_id in entity_ids:
                info = table.entity(entity_id)
                for name in info.names:
                    phrase = phrase_of(name)
                    if phrase is not None:
                        put(phrase, _REQUIRE if phrase.definite else _FORBID, 0.9, entity_id)
                # Derived forms are Arabic morphology, not transliteration: no fuzzy tolerance
                # («قطريات» must not reach «قطرات»).
                for phrase in nisba_phrases(info):
                    words = (phrase.stem, *phrase.words[1:])
                    article = _OPTIONAL if phrase.definite else _FORBID
                    specs.setdefault((words, article), (False, entity_id, 0.85))
            # A transliterated name split in two or three words is also written joined.
            for (words, article), (fuzzy, owner, _q) in list(specs.items()):
                if 1 < len(words) <= 3 and article == _FORBID and fuzzy:
                    joined = Phrase(("".join(words),), False)
                    if len(skeleton(joined.stem)) >= 4:
                        put(joined, _FORBID, 0.85, owner)
        return [(w, a, f, e, q) for (w, a), (f, e, q) in specs.items()]

    def _intern(
        self, words: tuple[str, ...], article: int, fuzzy: bool, entity: str | None, quality: float
    ) -> _Variant:
        signature = (words, article, fuzzy, entity, quality)
        variant = self._variants.get(signature)
        if variant is None:
            variant = _Variant(words, article, fuzzy, entity, quality)
            self._variants[signature] = variant
            self._buckets.setdefault(words[0], []).append(variant)
            if variant.fuzzy and variant.skels[0]:
                self._buckets.setdefault(_SKELETON_KEY + variant.skels[0], []).append(variant)
        return variant

    def _discard(self, variant: _Variant) -> None:
        if self._variants.get(variant.signature) is variant:
            del self._variants[variant.signature]
        keys = [variant.words[0]]
        if variant.fuzzy and variant.skels[0]:
            keys.append(_SKELETON_KEY + variant.skels[0])
        for key in keys:
            bucket = self._buckets.get(key)
            if bucket is not None:
                bucket[:] = [v for v in bucket if v is not variant]
                if not bucket:
                    del self._buckets[key]

    def _add_blockers(self) -> None:
        """Multi-word names of every entity: a mention strictly inside one of them belongs to
        that entity unless the mentioned entity covers it."""
        for entity in self._table.entities():
            phrases = [phrase_of(name) for name in entity.names]
            phrases += nisba_phrases(entity)
            for phrase in phrases:
                if phrase is None or len(phrase.words) < 2:
                    continue
                article = _REQUIRE if phrase.definite else _FORBID
                words = (phrase.stem, *phrase.words[1:])
                self._intern(words, article, False, entity.id, 1.0).blocker = True

    # -- matching ------------------------------------------------------------------------------

    def match(self, title: str, body: str) -> list[Match]:
        """Matches of one article (title and body only, never its related-headlines tail)."""
        best: dict[int, tuple[float, _Hit, FieldName, str]] = {}
        mentions: dict[int, set[tuple[str, int]]] = {}
        found: dict[int, set[int]] = {}  # subscription → slots whose terms occur
        fields: tuple[tuple[FieldName, str], ...] = (("title", title), ("body", body))
        for field, text in fields:
            if not text:
                continue
            for hit in self._hits(text):
                for subscription_id, slot in hit.variant.owners:
                    found.setdefault(subscription_id, set()).add(slot)
                    if slot < 0:
                        continue
                    mentions.setdefault(subscription_id, set()).add((field, hit.start))
                    score = _FIELD_WEIGHT[field] * hit.quality
                    current = best.get(subscription_id)
                    if (
                        current is None
                        or score > current[0]
                        or (
                            score == current[0]
                            and hit.end - hit.start > current[1].end - current[1].start
                        )
                    ):
                        best[subscription_id] = (score, hit, field, text)
        matches: list[Match] = []
        spans: dict[str, list[tuple[int, int]]] = {}
        for subscription_id, (score, hit, field, text) in best.items():
            query = self._subscriptions[subscription_id].query
            slots = found[subscription_id]
            if any(slot not in slots for slot in range(len(query.required))):
                continue
            if any(slot < 0 for slot in slots):
                continue
            bonus = min(len(mentions[subscription_id]) - 1, 5) * 0.02
            matches.append(
                Match(
                    subscription_id=subscription_id,
                    keyword=query.text,
                    matched=text[hit.start : hit.end],
                    sentence=_sentence(spans, field, text, hit.start, hit.end),
                    start=hit.start,
                    end=hit.end,
                    field=field,
                    score=round(score + bonus, 3),
                )
            )
        matches.sort(key=lambda m: (-m.score, m.subscription_id))
        return matches

    def _hits(self, text: str) -> list[_Hit]:
        """Verified mentions of owned variants in one field, blocked ones removed."""
        tokens = self._tokens(text)
        buckets = self._buckets
        hits: list[_Hit] = []
        blocks: list[_Hit] = []
        count = len(tokens)
        for i, token in enumerate(tokens):
            seen: set[int] = set()
            for split in token.splits:
                for key in (split.stem, _SKELETON_KEY + split.skel):
                    bucket = buckets.get(key)
                    if bucket is None:
                        continue
                    for variant in bucket:
                        if id(variant) in seen:
                            continue
                        hit = self._verify(variant, tokens, i, split, text)
                        if hit is not None:
                            seen.add(id(variant))
                            (blocks if variant.blocker else hits).append(hit)
                            if variant.blocker and variant.owners:
                                hits.append(hit)
            if i + 1 < count:
                self._joined_hits(tokens, i, text, hits, seen)
        if not blocks:
            return hits
        table = self._table
        return [
            hit
            for hit in hits
            if not any(
                b.start <= hit.start
                and hit.end <= b.end
                and b.end - b.start > hit.end - hit.start
                and not table.covers(hit.variant.entity, b.variant.entity or "")
                for b in blocks
            )
        ]

    def _verify(
        self, variant: _Variant, tokens: list[_Token], i: int, split: _Split, text: str
    ) -> _Hit | None:
        if split.article:
            if variant.article == _FORBID:
                return None
        elif variant.article == _REQUIRE:
            return None
        words = variant.words
        n = len(words)
        if i + n > len(tokens):
            return None
        exact = split.stem == words[0]
        if not exact and (not variant.fuzzy or split.skel != variant.skels[0]):
            return None
        parts = [split.stem]
        for j in range(1, n):
            token = tokens[i + j]
            if not _GAP.fullmatch(text, tokens[i + j - 1].end, token.start):
                return None
            if token.norm != words[j]:
                if not variant.fuzzy or token.splits[0].skel != variant.skels[j]:
                    return None
                exact = False
            parts.append(token.norm)
        quality = variant.quality
        if not exact:
            written = "".join(parts)
            if not self._close(written, variant):
                return None
            quality *= 0.9
        return _Hit(variant, tokens[i].start, tokens[i + n - 1].end, quality)

    def _close(self, written: str, variant: _Variant) -> bool:
        """A fuzzy candidate within budget, and not itself the name of another entity."""
        budget = variant.budget
        if Levenshtein.distance(written, variant.joined, score_cutoff=budget) > budget:
            return False
        others = self._table.word_entities(written)
        return not others or variant.entity in others

    def _joined_hits(
        self, tokens: list[_Token], i: int, text: str, hits: list[_Hit], seen: set[int]
    ) -> None:
        """A one-word name written in two words here (بيونغيانغ as «بيونغ يانغ»)."""
        nxt = tokens[i + 1]
        if not _GAP.fullmatch(text, tokens[i].end, nxt.start):
            return
        tail = skeleton(nxt.norm)
        for split in tokens[i].splits:
            if split.article:
                continue
            bucket = self._buckets.get(_SKELETON_KEY + split.skel + tail)
            if bucket is None:
                continue
            for variant in bucket:
                if len(variant.words) != 1 or variant.article == _REQUIRE or id(variant) in seen:
                    continue
                if self._close(split.stem + nxt.norm, variant):
                    seen.add(id(variant))
                    quality = variant.quality * 0.9
                    hits.append(_Hit(variant, tokens[i].start, nxt.end, quality))

    # -- text analysis -------------------------------------------------------------------------

    def _tokens(self, text: str) -> list[_Token]:
        cache = self._words
        tokens: list[_Token] = []
        for m in WORD_RE.finditer(text):
            raw = m.group()
            info = cache.get(raw)
            if info is None:
                if len(cache) > 200_000:  # news vocabulary is bounded; a flood is not
                    cache.clear()
                info = cache[raw] = self._analyze(raw)
            if info.norm:
                tokens.append(_Token(m.start(), m.end(), info.norm, info.splits))
        return tokens

    def _analyze(self, raw: str) -> _Token:
        """The ways a word may be read: as is, and without each proclitic chain it starts with."""
        norm = normalize(raw)
        splits = [_Split(norm, False, skeleton(norm))]
        known = [norm] if self._table.known_word(norm) else []
        for prefix, article in _PREFIXES[1:]:
            if not norm.startswith(prefix) or len(norm) - len(prefix) < 2:
                continue
            stem = norm[len(prefix) :]
            # A known name keeps its letters: «بكين» is not ب + كين (the article may still go).
            if any(
                len(k) > len(stem) and not (k.endswith(stem) and k[: -len(stem)].endswith("ال"))
                for k in known
            ):
                continue
            splits.append(_Split(stem, article, skeleton(stem)))
            if self._table.known_word(stem):
                known.append(stem)
        return _Token(0, 0, norm, tuple(splits))


def _sentence(
    spans: dict[str, list[tuple[int, int]]], field: str, text: str, start: int, end: int
) -> str:
    """The sentence holding a mention (extended if the mention runs past its end)."""
    if field not in spans:
        spans[field] = sentence_spans(text)
    for a, b in spans[field]:
        if a <= start < b:
            return text[a : max(b, end)]
    return text[start:end]
