"""Arabic-aware keyword matching: subscriptions compiled into a token index, articles matched.

A subscription (`parse_query`) is a phrase, or several joined by `+` (all needed), with
optional `-word` exclusions; `"..."` asks for the exact form. Each term is compiled into
*variants*: the phrase itself, the names of the entity it denotes (alias table), the nisba
forms of a place, and a joined form of a split transliterated name. Variants are indexed by
their first word (clitic-free stem) and by that word's consonant skeleton, so an article is
matched by looking each of its words up once and verifying only the candidates found.

What counts as a mention (the rules, in the order the matcher applies them):
- words compare after `normalize` (diacritics, alef/yeh/teh-marbuta forms, Persian letters...);
- the first word may carry proclitics (و ف ب ك ل) and the article (ال, لل); a known name
  without the article never matches the word with it (سيول Seoul ≠ السيول floods), a name with
  the article needs it (القاعدة ≠ قاعدة), a common word matches both (هجوم / الهجوم), and takes
  the accusative alef (صاروخًا);
- a token that is itself a known name is not split into clitics (بكين is not ب + كين);
- phrase words are consecutive (only spaces or dashes between them) and each is the same word;
- transliterated names may differ by consonants of one sound class and long vowels, within an
  edit budget that grows with length (none below five letters), never onto another known name;
  a split name may be written joined and the reverse (بيونغ يانغ / بيونغيانغ); a final -a after
  a consonant may be written with teh marbuta (كيشيدا / كيشيدة);
- place names bring their nisba forms (الروسية، الكوريين الشماليين، مسؤولا إيرانيا), unless quoted;
- a mention inside a longer name of a different entity does not count (غينيا in غينيا بيساو,
  الهندي in المحيطين الهندي والهادئ), unless the entity covers it (كوريا in كوريا الشمالية);
- a body named by a phrase and followed by a country's singular adjective is that country's own
  body (مجلس الأمن الروسي), unless the country covers it (حزب الله اللبناني);
- an exclusion (-word) refuses its word wherever it stands, even inside a longer name;
- a phrase of common words (no known name in it; a single word only if the thesaurus knows it)
  matches its forms on every word (bot.match.morphology): the article, proclitics and pronoun
  suffixes, dual, sound and broken plurals, agreeing adjectives, the accusative alef and
  loanword spellings («صاروخا باليستيا», «وقفا لإطلاق النار», «برنامجها النووي»), with up to two
  modifiers between its words that agree with them in definiteness, or a name as possessor
  («وقف فوري وشامل لإطلاق النار», «برنامج إيران النووي»; two joined by «أو»: «برنامج صاروخي
  أو نووي»), never a function word or a prepositional phrase («هجوم على موقع إلكتروني»); a
  phrase that names a concept of the thesaurus (bot.match.concepts) watches all the concept's
  names and those of the narrower concepts it covers, except inside the longer phrases the
  concept lists as another sense, and still inside the names of the bodies it covers
  («اللاجئين» in «مفوضية اللاجئين») or at the head of another body's name («ميليشيا الدعم
  السريع»); a keyword that is only a concept's homograph («الانقلاب») names the concept;
- one sense per article: where a phrase gives a word another sense («تضخم البروستاتا», a
  concept's or an entity's `senses`) or a person's full name holds it («محمد شياع السوداني»),
  the article's other mentions written the same do not count either («التضخم الحميد»,
  «استقبال السوداني»);
- such a topic qualified by a place's or a people's adjective («البرنامج النووي الإيراني»,
  «العقوبات الأمريكية») is the topic in all its forms and the place under all its names, in one
  sentence or with either in the title («برنامج إيران النووي», «قالت إيران إن برنامجها النووي»);
- quotes and brackets around a word of a name do not part it («حركة "الشباب"»);
- a name that is also a common word counts only with a cue word close by (القاعدة with تنظيم,
  زعيم, عناصر...); a country's adjective after a definite word or a foreign name particle, or
  opening a clause before a definite word, is a given name («الأمير تركي الفيصل», «دي روسي»);
  a derived form takes no bare preposition («كروس» is not ك + روس); a word of the text under
  five letters is never a misspelt name («تركه» is not «تركية»).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from itertools import accumulate, pairwise
from operator import attrgetter
from typing import Literal, NamedTuple, get_args

from rapidfuzz.distance import Levenshtein

from bot.core.arabic import WORD_RE, normalize, sentence_spans, skeleton, strip_invisible
from bot.core.errors import MarsadError, QueryErrorCode
from bot.match.aliases import (
    SENSE_MARKS,
    AliasTable,
    Phrase,
    default_alias_table,
    fuzzy_budget,
    key_of,
    nisba_display,
    nisba_phrases,
    phrase_of,
    stem_of,
)
from bot.match.concepts import (
    CHAIN_SEPARATOR,
    INTO_PLACE,
    PAIR_SEPARATOR,
    ConceptTable,
    Keys,
    default_concept_table,
)
from bot.match.morphology import FUNCTION_WORDS, hidden_reading

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
    "names_something",
    "owned_topic",
    "parse_query",
]

MAX_QUERY_CHARS = 100
MAX_TERMS = 6  # terms joined by + plus exclusions
MAX_PHRASE_WORDS = 6

ErrorCode = QueryErrorCode
# Stable machine codes of QueryError (bot/core/errors.py); bot/core/texts.py words them.
ERROR_CODES: tuple[ErrorCode, ...] = get_args(QueryErrorCode)


class QueryError(MarsadError[QueryErrorCode], ValueError):
    """A subscription text that cannot be compiled; `code` is one of ERROR_CODES."""


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

    def describe(
        self,
        aliases: AliasTable | None = None,
        concepts: ConceptTable | None = None,
        *,
        every_form: bool = False,
    ) -> list[str]:
        """What will be watched: each term, then the names and forms that come with it: an
        entity's names, or the names of the concepts a topic phrase names (and of those they
        cover); a topic of a place («البرنامج النووي الإيراني») lists the topic's and the
        place's. `every_form` adds the forms a concept counts beyond its names (derived forms,
        homographs), which a full-text search for candidates must look for too."""
        table = aliases or default_alias_table()
        thesaurus = concepts or default_concept_table()
        lines: list[str] = []
        for term in self.required:
            lines.append(term.surface)
            if term.exact:
                continue
            seen = {key_of(term.phrase)}
            owned = owned_topic(term, table, thesaurus)
            # The place before the topic's many names: a /follow reply shows the first dozen.
            for part in reversed(owned) if owned else (term,):
                if part is not term and key_of(part.phrase) not in seen:
                    seen.add(key_of(part.phrase))
                    lines.append(part.surface)
                lines += _watched_names(part.phrase, table, thesaurus, seen, every_form)
                if part is (owned[1] if owned else term):  # a place: its capital too
                    lines += [n for n in capital_names(part, table) if not n.isascii()]
                if owned and part is owned[1]:  # a bloc's members, for its topic
                    lines += [n for n in member_names(part, table) if not n.isascii()]
        lines.extend(f"-{term.surface}" for term in self.excluded)
        return lines


def _same_word(phrase: Phrase, keys: Keys, other: Phrase, other_keys: Keys) -> bool:
    """Are two phrases forms of each other, word by word (their keys meet), or one word of
    one family: the same letters but for the long vowels, a derivational «م», «ت» or «ا»
    before them and the ending («القرصنة» / «القراصنة», «تهريب» / «المهرب»)?"""
    if len(keys) == len(other_keys) and all(a & b for a, b in zip(keys, other_keys, strict=True)):
        return True
    return len(phrase.words) == len(other.words) == 1 and _family(phrase.words[0]) == _family(
        other.words[0]
    )


def _family(word: str) -> str:
    """A normalized word's letters that its family shares (see `_same_word`)."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    for ending in ("ات", "ين", "ون", "ه", "ا"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if word[:1] in ("م", "ت", "ا") and len(word) >= 4:
        word = word[1:]
    return "".join(letter for letter in word if letter not in "اوي")


def _watched_names(
    phrase: Phrase, table: AliasTable, thesaurus: ConceptTable, seen: set[str], every_form: bool
) -> list[str]:
    """The names a term brings (see `Query.describe`), those not in `seen` (which they join)."""
    names: list[str] = []
    if not table.resolve(phrase):
        for concept_id in thesaurus.resolve(phrase):
            for concept in thesaurus.watched(concept_id):
                extra = (*concept.derived, *concept.homographs) if every_form else ()
                # A pair's first phrase finds every candidate a search needs; a reply shows
                # the pair.
                pairs = [
                    a if every_form else f"{a}{PAIR_SEPARATOR}{b}" for a, b in concept.together
                ]
                pairs += [
                    chain[0] if every_form else CHAIN_SEPARATOR.join(chain)
                    for chain in concept.chains
                ]
                names += [*concept.names, *extra, *pairs]
        # Named instances, by the name the table shows first.
        members = thesaurus.members(thesaurus.resolve(phrase))
        names += [n for n in map(table.display_name, members) if n is not None]
    for entity_id in table.resolve(phrase):
        entity = table.entity(entity_id)
        names += entity.names
        # A search's candidates include the articles that name it only in its context.
        names += entity.context_names if every_form else ()
        if entity.is_place:
            # As written, with its hamza («الإيراني»), not the matcher's folded form.
            adjective = nisba_display(entity)
            names += [adjective] if adjective else []
    out: list[str] = []
    for name in names:
        other = phrase_of(name)
        if other is None or key_of(other) in seen or name.isascii():
            continue
        seen.add(key_of(other))
        out.append(name)
    return out


def capital_names(place: Term, table: AliasTable) -> list[str]:
    """The names of the capital of the place a term names: where the press puts a country's
    government («طهران», «واشنطن»), as good as its name beside a topic tied to it. Not the
    reverse: a follower of a capital wants the city and the government by the city's name,
    not every mention of the country (labellers of real pages split 1:1 on it)."""
    return [name for eid in table.resolve(place.phrase) for name in table.capital_names(eid)]


def member_names(place: Term, table: AliasTable) -> list[str]:
    """The first names of the member places of the bloc a term names («الغرب»: the United
    States, the European Union...), which a topic tied to the bloc meets too."""
    return [name for eid in table.resolve(place.phrase) for name in table.member_names(eid)]


def owned_topic(term: Term, table: AliasTable, concepts: ConceptTable) -> tuple[Term, ...] | None:
    """A topic of the thesaurus qualified by a place's or a people's adjective
    («البرنامج النووي الإيراني», «العقوبات الأمريكية», «الهجمات الحوثية»): the topic and the
    place as terms of their own, which the matcher wants in one sentence, the topic in all its
    forms and synonyms and the place under all its names: the adjective is one way to tie
    them; the press has others («برنامج إيران النووي», «وقالت إيران إن برنامجها النووي
    سلمي», «فرضت الولايات المتحدة عقوبات»). None for a keyword that is a known name itself
    («الحرس الثوري الإيراني»)."""
    phrase = term.phrase
    if term.exact or len(phrase.words) < 2 or table.resolve(phrase):
        return None
    for size in (1, 2):  # «الإيراني», «الكوري الشمالي»
        if len(phrase.words) <= size:
            break
        tail = phrase.words[-size:]
        owners = table.derived_entities(Phrase(tail, tail[0].startswith("ال")))
        topic = Phrase(phrase.words[:-size], phrase.definite)
        if not owners or not concepts.resolve(topic):
            continue
        entity = table.entity(owners[0])
        name = next((n for n in entity.names if not n.isascii()), None)
        place = phrase_of(name) if name is not None else None
        if name is None or place is None:
            return None
        surface = " ".join(term.surface.split()[:-size]) or " ".join(topic.words)
        return Term(surface, topic, False), Term(name, place, False)
    return _possessed_topic(term, table, concepts) or _aimed_topic(term, table, concepts)


# Prepositions that tie a topic to whom or where it is aimed, normalized («على روسيا»).
_AIMED = frozenset({"علي", "ضد", "في", "بحق", "تجاه", "بشان"})


def _aimed_topic(term: Term, table: AliasTable, concepts: ConceptTable) -> tuple[Term, ...] | None:
    """A topic aimed at a named target or place by a preposition («العقوبات على روسيا»,
    «الغارات على غزة»): the topic and the name, which the press ties in other words too
    («العقوبات ضد روسيا», «عقوبات تستهدف روسيا»). Only the first preposition is read; a
    keyword whose words around it are not a known topic and a known name stays a phrase."""
    words = term.phrase.words
    surface = term.surface.split()
    aligned = len(surface) == len(words)
    for at in range(1, len(words)):
        if words[at] in _AIMED and at < len(words) - 1:
            inner = words[at + 1 :]
            shown = surface[at + 1 :] if aligned else list(inner)
        elif words[at][:1] == "ل" and len(words[at]) > 3:
            # The preposition «ل» glued to the place: its possessor («البرنامج النووي لكوريا
            # الشمالية», «للعراق» = «ل» + «العراق»).
            inner = (_unglue_lam(words[at]), *words[at + 1 :])
            shown = [_unglue_lam(surface[at]), *surface[at + 1 :]] if aligned else list(inner)
        else:
            continue
        if len(inner) > 3:
            return None
        target = Phrase(inner, inner[0].startswith("ال"))
        if not table.resolve(target):
            if words[at] in _AIMED:
                return None
            continue
        topic = Phrase(words[:at], term.phrase.definite)
        topic_term = Term(
            " ".join(surface[:at]) if aligned else " ".join(topic.words), topic, False
        )
        target_term = Term(" ".join(shown), target, False)
        if concepts.resolve(topic):
            return topic_term, target_term
        # A topic tied to one place and aimed at another («العقوبات الأمريكية على روسيا»):
        # the three in one sentence.
        tied = owned_topic(topic_term, table, concepts) if len(topic.words) > 1 else None
        return (*tied, target_term) if tied is not None else None
    return None


def _unglue_lam(word: str) -> str:
    """A word without the «ل» glued to it; before the article it took the article's alef
    («للعراق» → «العراق», «لكوريا» → «كوريا»)."""
    return "ال" + word[2:] if word.startswith("لل") else word[1:]


def _possessed_topic(
    term: Term, table: AliasTable, concepts: ConceptTable
) -> tuple[Term, Term] | None:
    """A topic whose place stands inside it as its possessor («برنامج إيران النووي»,
    «برنامج كوريا الشمالية الصاروخي»): the topic without the place, and the place."""
    words = term.phrase.words
    surface = term.surface.split()
    for size in (1, 2):
        for start in range(1, len(words) - size):
            inner = words[start : start + size]
            place = Phrase(inner, inner[0].startswith("ال"))
            place_ids = table.resolve(place)
            if not place_ids or not table.entity(place_ids[0]).is_place:
                continue
            topic = Phrase((*words[:start], *words[start + size :]), term.phrase.definite)
            if not concepts.resolve(topic):
                continue
            shown = surface[:start] + surface[start + size :] if len(surface) == len(words) else []
            return (
                Term(" ".join(shown) or " ".join(topic.words), topic, False),
                Term(" ".join(surface[start : start + size]) or " ".join(inner), place, False),
            )
    return None


_QUOTES = '"“”„″'
_PLUS = "+＋"
_MINUS = "-−–"
_EDGE_PUNCTUATION = " \t«»()[]{}.,،؛;:!?؟'`"


def parse_query(text: str) -> Query:
    """Parse a subscription text; raises QueryError with a stable `code` when it is unusable.

    Invisible marks (zero-width spaces, bidi controls ...) are removed first: `Query.text`,
    what is stored and shown, is the keyword as it reads.
    """
    text = strip_invisible(text)
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


def names_something(
    phrase: Phrase, aliases: AliasTable | None = None, concepts: ConceptTable | None = None
) -> bool:
    """Is this phrase a name of a known entity or of a topic of the thesaurus (maybe a
    place's: «البرنامج النووي الإيراني»)?"""
    table = aliases or default_alias_table()
    thesaurus = concepts or default_concept_table()
    if table.resolve(phrase) or thesaurus.resolve(phrase):
        return True
    term = Term(" ".join(phrase.words), phrase, False)
    return owned_topic(term, table, thesaurus) is not None


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
    # Names of one topic («الطائرات المسيرة» / «المسيرات»), not a broader and a narrower one.
    thesaurus = default_concept_table()
    if (
        not a.exact
        and not b.exact
        and (set(thesaurus.resolve(a.phrase)) & set(thesaurus.resolve(b.phrase)))
    ):
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


class Match(NamedTuple):
    """The best mention of one subscription in one article (a named tuple: an article at
    100k subscriptions yields hundreds, and a tuple is the cheapest record to make).

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
_TANWEEN = 4  # flag on the article mode: the word may take the accusative alef
# Flag on the article mode of a derived form (nisba, people plural): an adjective takes no
# preposition, so «كروس» is not ك + روس and «بروسي» is not ب + روسي (with the article it is).
_DERIVED = 8
_PREPOSITIONS = frozenset("بكل")
# Particles of foreign family names: «دي روسي», «فان ديك» are people, not adjectives.
_NAME_PARTICLES = frozenset({"دي", "دا", "دو", "دوس", "ديل", "فان", "فون", "سان"})
# Words of Arabic lineage after a given name («تركي بن محمد», «تركي آل الشيخ»; normalized).
_LINEAGE = frozenset({"بن", "ابن", "بنت", "ال"})
# Reporting verbs (past tense, normalized): an adjective needs a noun before it, so after
# «قال» a «تركي» followed by a family name is a person («قال تركي الفيصل»).
_REPORTING_VERBS = frozenset(
    f"{verb}{ending}"
    for verb in (
        "قال",
        "اكد",
        "اضاف",
        "اوضح",
        "صرح",
        "اشار",
        "ذكر",
        "كشف",
        "اعلن",
        "افاد",
        "اجاب",
        "شدد",
    )
    for ending in ("", "ت")
)
# What a reporting verb's subject says next: «أن» or a quote («وأكد تركي أن»).
_THAT = frozenset(("ان", "انه", "انها"))
_VOWEL_ENDINGS = frozenset("اويهء")
_SKELETON_KEY = "\x01"  # prefix of skeleton keys in the same bucket dict
_PHRASE_KEY = "\x02"  # prefix of the first-word keys of phrases of common words
# Entity marks of concept variants: a concept's names («~ID») and the phrases in which its
# names mean something else («!ID»).
_CONCEPT_PREFIX, _NOT_PREFIX = "~", "!"
_NO_FOLLOW: dict[str, tuple[_Variant, ...]] = {}  # shared, never written to
_NO_LONGER: dict[str, tuple[tuple[_Split, _Variant], ...]] = {}  # shared, never written to
# Shared, never written to.
_NO_JOINT: dict[_Variant, _Subscription | tuple[_Subscription, ...]] = {}
# Modifiers that may interrupt a phrase of common words («وقف فوري وشامل لإطلاق النار»).
_MAX_GAP = 2
_MAX_QUOTED = 5  # words of a quoted name between a phrase's words (`_verify_phrase`)
# Words on each side of a homograph name in which a cue makes it the name.
_CUE_WINDOW = 4
_TOPIC_CUE_WINDOW = 6  # for a concept's homograph (`MatchIndex._cued`)
# Words after a form that goes into a place where its «في» may stand (`MatchIndex._into_place`):
# an amount between («استثمار أكثر من 7.9 مليار دولار في»).
_INTO_WINDOW = 8
# Normalized words of an amount of money, with «ب» or «و» before them too (`_amount_word`).
_AMOUNT_WORDS = frozenset(
    """
    مليار مليارات المليارات مليون ملايين الملايين الف الاف تريليون دولار دولارا دولارات
    الدولارات درهم جنيه ريال يورو دينار ليره روبل يوان اكثر اقل من نحو حوالي قرابه ما يقارب
    يزيد قيمه بقيمه قيمتها مبلغ اجماليه اجمالي تصل الي
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_PAUSE = re.compile(r"\s*[،,]\s*")  # a comma alone between two words (`MatchIndex._cued`)
_LONG_HOMOGRAPH = 3  # words of a homograph name whose cue may stand past a comma
_CLAUSE_MARKS = "،؛;:!?؟\n"  # break a clause wherever they stand; «.» and «,» too, but
_CLAUSE_BREAK = re.compile(f"[.,{_CLAUSE_MARKS}]")
# ... not as the point or comma of a number («15.2 مليار»: `_clause_break`).
_NUMBER_SAFE_BREAK = re.compile(f"[{_CLAUSE_MARKS}]|(?<!\\d)[.,]|[.,](?!\\d)")
# How far (in characters, from where the one before starts) a chain's next phrase may start:
# a subject's adjectives and a verb's «عددا من» between them.
_CHAIN_REACH = 48
# Letters a word of the text needs before it may be a misspelling of a name.
_FUZZY_MIN_WRITTEN = 5
# WORD_RE's words, kept by split(); `_WORD_SPLIT` is the same without its one exception, the
# underscore (a separator for WORD_RE, a letter for \w): one character class, twice as fast,
# used for texts without an underscore.
_WORD_SPLIT_EXACT = re.compile(f"({WORD_RE.pattern})")
_WORD_SPLIT = re.compile(
    "([\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u00ad]+)"
)
# What may stand between two words of one name or phrase: spaces, dashes, a hashtag's
# underscores («#حزب_الله»), and quotes or brackets around a word of it (Arabic papers quote
# a group's last word: «حركة "الشباب"», «لـ«حزب الله» العراقي»), never a clause's punctuation.
_GAP = re.compile(r"[\s_\-‐-―ـ\u200c-\u200f\"'«»“”„‘’‹›()\[\]]*")
# Landmarks a street map names after places (normalized, singular, no article): streets,
# squares and hotels («فندق فلسطين» in Baghdad); and a clock's time zone named after a city
# («الساعة 2 بتوقيت موسكو»), which says when, not where.
_LANDMARKS = frozenset(("شارع", "ميدان", "جاده", "كورنيش", "دوار", "ساحه", "فندق", "توقيت"))
# Administrative units (normalized, singular, no article): a common noun right after one, bare
# of the article, is the unit's name («ولاية لغمان» is Laghman, not two mines).
_UNITS = frozenset(("ولايه", "محافظه", "اقليم", "مقاطعه", "مديريه", "قضاء", "بلده", "قريه"))
# Latin words joined by dots: a host name or an address, never a name in the news.
_HOSTNAME = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


def _blank(found: re.Match[str]) -> str:
    return " " * len(found.group())


# Outlets (normalized, singular, no article): the quoted words right after one are its name
# («موقع "سوق المال"», «قناة "روسيا اليوم"»), not news of a market or of Russia; a body's
# name there is the body itself («وكالة "الأونروا"»).
_OUTLETS = frozenset(
    ("صحيفه", "جريده", "مجله", "موقع", "قناه", "وكاله", "اذاعه", "شبكه", "تلفزيون", "منصه")
)
# The most words an outlet's quoted name is read over; an unclosed quote names nothing.
_TITLE_WORDS = 6
_OPENING_QUOTES = frozenset('"«“„‹')
# Dots a page put inside a word so that filters miss it (`_undot`): the text has some.
_DOTTED = re.compile("[\u0621-\u064a\u0640]\\.{1,3}[\u0621-\u064a\u0640]")
_DOTS = frozenset((".", ".."))
# A text's marks that tell readings apart, and tatweel, all dropped but those a written sense
# keeps (`_drop_written_senses`).
_READING_MARKS = re.compile(f"[{SENSE_MARKS}\u0640]")
_LETTERS = frozenset(map(chr, range(0x0621, 0x064B))) | {"\u0640"}
# A proclitic written apart, drawn out with a tatweel («لـ إيران», «وبـ 5»): one word with the
# next when that is a word of letters.
_DETACHED = re.compile("[وف]?[لبك]\u0640+")
_SPACED = re.compile(
    "\u0640 \u0640|(?<![\u0621-\u064a])[وف]?[لبك]\u0640+ [\u0621-\u064a]|\u0640 \\.[\u0621-\u064a]"
)
_QUOTE_MARKS = frozenset('"«»“”„‹›')  # not the apostrophe: it may stand for a hamza
# A letter that only ends a word (teh marbuta, alef maqsura) followed by another letter: two
# words whose space a page lost («الولاياتالمتحدةوإيران», «علىالحدود»).
_WORD_FINAL = "[ةى]"
# So is a word of three letters or more ending in a consonant that does not join the next
# letter (د ذ ر ز: the writer saw a space that was not there) before the article and a stem
# («أسعارالفائدة», «تصديرالنفط», «ديرالزور»). Not a root's «ال» before a pronoun («إزالتها»,
# «اعتزالهما»), nor the nisba plurals of words in -ال («ليبراليين»), nor the names the press
# writes joined on purpose («عبدالله», «نصرالله», «بدرالدين»).
_ARTICLE_AFTER = (
    "(?<!عبد)(?=ال(?!له|دين|ي)(?!ت?(?:هما|ها|هم|هن|كما|كم|نا|ه)(?![\u0621-\u064a]))"
    "[\u0621-\u064a]{3})"
)
_GLUED_ARTICLE = "(?<=[\u0621-\u064a]{2}[دذرز])" + _ARTICLE_AFTER
# The same, consuming its letter first: a search of a whole text tries the look-arounds only
# after one of these four letters, not at every position.
_GLUED_ARTICLE_SEARCH = re.compile("[دذرز](?<=[\u0621-\u064a]{3})" + _ARTICLE_AFTER)
# Cheap tests first: most texts hold none of these pairs of letters.
_GLUED_ARTICLE_HINTS = ("دال", "ذال", "رال", "زال")
_GLUED_FINAL = re.compile(f"{_WORD_FINAL}(?=[\u0621-\u064a])")
_GLUED_END = re.compile(f"{_GLUED_FINAL.pattern}|{_GLUED_ARTICLE}")
# Where `_unglue` cuts.
_GLUED_END_CUT = re.compile(f"(?<={_WORD_FINAL})(?=[\u0621-\u064a])|{_GLUED_ARTICLE}")


def _lost_space(text: str) -> bool:
    """Does the text hold two words whose space a page lost (`_unglue`)?"""
    return _GLUED_FINAL.search(text) is not None or (
        any(hint in text for hint in _GLUED_ARTICLE_HINTS)
        and _GLUED_ARTICLE_SEARCH.search(text) is not None
    )


_ARABIC_WORD = re.compile("[\u0621-\u064a]+")


def _arabic(word: str) -> bool:
    """Is this normalized word all Arabic letters (no Latin name's letters in it)?"""
    return _ARABIC_WORD.fullmatch(word) is not None


# Digits at either end of a word of Arabic letters (`MatchIndex._analyze`).
_GLUED_NUMBER = re.compile("^[0-9]+(?=[\u0621-\u064a]{2})|(?<=[\u0621-\u064a]{2})[0-9]+$")
_QUOTE = re.compile(r"[\"'«»“”„‘’‹›()\[\]]")
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
    """One surface form to look for, shared by every subscription term that wants it.

    Kept small: the index holds one per form of every subscription (100k keywords → ~200k).
    """

    __slots__ = (
        "article",
        "blocker",
        "budget",
        "checks",
        "entity",
        "feeds",
        "joint",
        "keys",
        "owners",
        "quality",
        "skels",
        "solo",
        "standing",
        "uses",
        "words",
    )

    def __init__(
        self,
        words: tuple[str, ...],
        article: int,
        budget: int,
        entity: str | None,
        quality: float,
        keys: tuple[frozenset[str], ...] = (),
    ) -> None:
        self.words = words  # normalized; words[0] without its article
        # A phrase of common words: the morphological keys of each word (every form of the
        # word has one of them); empty for names, matched by their spelling.
        self.keys = keys
        self.article = article  # _FORBID / _OPTIONAL / _REQUIRE, maybe | _TANWEEN
        self.budget = budget  # edits allowed; 0 = exact words only
        self.skels = tuple(skeleton(w) for w in words) if budget else ()
        self.entity = entity
        self.quality = quality
        # Subscriptions a mention of this form may match, to be checked: those with one term
        # and nothing excluded whose term it is a form of; of the others (`joint`) only those
        # whose anchor term (`_Subscription.anchor`) it is a form of, so that a concept's name
        # followed by thousands of «NAME + word» keywords is not read for each of them.
        self.owners: tuple[_Subscription, ...] = ()
        # Those with no other form are kept apart, by their match's head (`_Subscription.head`):
        # a mention of this form is a match of each as it stands, none to gather or look up.
        self.solo: tuple[tuple[int, str], ...] = ()
        # Kept apart, as they are checked apart: the subscriptions of several terms it anchors,
        # by a form of their next required term (by this form if they have none), so that only
        # those whose other term the article mentions are checked (`_partners`).
        # Most entries hold one subscription: kept as is, a tuple only for several (a tuple
        # each would be most of an index of 100,000 keywords).
        self.joint: dict[_Variant, _Subscription | tuple[_Subscription, ...]] = _NO_JOINT
        self.uses = 0  # terms of subscriptions that want it: at 0 it leaves the index
        # Variants every counting mention of this one also counts for, at their quality
        # (`MatchIndex._feed`): a concept's members (`_member_feed`) and a topic's forms in a
        # keyword of several terms (`_slot_feed`), which followers own as one variant.
        self.feeds: tuple[_Variant, ...] = ()
        self.blocker = False  # a name whose span hides other entities' mentions inside it
        # A name standing for a place (its capital, a bloc's member): not where it is only the
        # dateline's place of writing (`_datelined`).
        self.standing = False
        # Set by the index from its alias table: whether a mention needs a look at its
        # neighbours before it counts (a homograph's cue, a national body's adjective, a given
        # name).
        self.checks = bool(article & _DERIVED)

    @property
    def signature(
        self,
    ) -> tuple[tuple[str, ...], int, int, str | None, float, tuple[frozenset[str], ...]]:
        return (self.words, self.article, self.budget, self.entity, self.quality, self.keys)


def _budget(words: tuple[str, ...], fuzzy: bool) -> int:
    """Edits a variant tolerates: only transliterable names long enough to tell apart."""
    # Transliterated names carry no article inside («كوريا الشمالية» is an Arabic phrase).
    if not fuzzy or any(w.startswith("ال") for w in words[1:]):
        return 0
    joined = "".join(words)
    return fuzzy_budget(len(joined)) if len(skeleton(joined)) >= 4 else 0


@dataclass(frozen=True, slots=True, eq=False)  # slots: see `_Word`
class _Split:
    """One reading of a word: its stem once a proclitic chain is removed."""

    stem: str
    article: bool  # the removed prefix contains the article
    skel: str
    skel_key: str  # index key of the skeleton
    tanween: bool  # a final accusative alef was removed («صاروخا» → صاروخ)


def _split(stem: str, article: bool, tanween: bool = False) -> _Split:
    skel = skeleton(stem)
    return _Split(stem, article, skel, _SKELETON_KEY + skel, tanween)


# A class with slots, not a named tuple: Python 3.11 reads slots fast (a specialized
# instruction) and a named tuple's fields slowly, and matching reads several a word.
@dataclass(frozen=True, slots=True, eq=False)
class _Word:
    """Analysis of one distinct raw word, cached across articles. What the index holds for
    it (`alone` on) is looked up anew whenever the index changes."""

    norm: str
    skel: str
    skel_key: str  # `skel` as a key of `longer`
    # {norm, skel_key}: a set, so that one C call tells whether a word may continue a longer
    # name (`after`), reading the hashes it holds rather than the strings.
    marks: frozenset[str]
    splits: tuple[_Split, ...]
    keys: frozenset[str]  # morphological keys (bot.match.morphology)
    named: bool  # the word, clitics aside, is a known name
    definite: bool  # it carries the article
    # A function word or a preposition with the article: never a modifier inside a phrase.
    barrier: bool
    # One-word variants this word is a mention of whatever stands around it, with the
    # quality of the mention: most hits, so found once per word and not once per article.
    alone: tuple[tuple[_Variant, float], ...]
    # Of those, the ones that block longer names or need a look at their neighbours (rare).
    alone_special: tuple[tuple[_Variant, float], ...]
    # Names of several words starting with this word (and one-word fuzzy names it may begin
    # when written as two), by what the next word must be: its normal form, or `skel_key` of
    # its skeleton; each with the reading of this word it starts from. Article and clitic
    # rules of this word are already applied.
    longer: dict[str, tuple[tuple[_Split, _Variant], ...]]
    after: frozenset[str]  # the keys of `longer`
    # For phrases of common words starting with a key of this word: second-word key → phrases.
    follow: dict[str, tuple[_Variant, ...]]
    needs: frozenset[str]  # the keys of `follow`
    busy: bool  # any of the three above, `landmark` or `unit`: a word the matcher must look at
    # A street, square or roundabout: a place named right after it is the landmark's name
    # («شارع فلسطين» in Baghdad), not the place.
    landmark: bool = False
    # An administrative unit (`_UNITS`): the indefinite common noun after it is a name.
    unit: bool = False
    # An outlet (`_OUTLETS`): the quoted words right after it are its name (`_title_end`).
    outlet: bool = False


# tuple.__new__ skips a named tuple's Python-level constructor: an article at 100k keywords
# makes hundreds of matches.
_new_match = tuple.__new__
# A variant entry's best mention's (score, length), and where its mentions start (C getters).
_RANK = attrgetter("rank")
_STARTS = attrgetter("starts")
# Every raw word with no letters once normalized (a lone diacritic): part of a gap.
_NO_KEYS: frozenset[str] = frozenset()
_BLANK = _Word(
    "",
    "",
    "",
    _NO_KEYS,
    (),
    _NO_KEYS,
    False,
    False,
    False,
    (),
    (),
    _NO_LONGER,
    _NO_KEYS,
    _NO_FOLLOW,
    _NO_KEYS,
    False,
)


@dataclass(frozen=True, slots=True, eq=False)  # slots: see `_Word`
class _Field:
    """One field of an article as the matcher reads it."""

    text: str
    words: list[_Word]  # the analysed words, in order
    spans: list[tuple[int, int]]  # where each stands in `text`
    linked: list[bool]  # words i and i + 1 may belong to one phrase (only spaces between)
    quoted: frozenset[int]  # the linked gaps (after word n) that hold a quotation mark
    # Where each stem stands (`_stems_at`): filled on first use, as few articles need it.
    stems: dict[str, list[int]] = dataclass_field(default_factory=dict)
    keys: set[str] = dataclass_field(default_factory=set)  # of all its words (`_keys_of`)


@dataclass(slots=True, eq=False)  # slots: see `_Word`; not frozen, which slows creation
class _Hit:
    variant: _Variant
    start: int
    end: int
    quality: float
    first: int  # index of its first word
    last: int  # index of its last word
    # A phrase read through modifiers with a word joined by «و» in it: its next word
    # («الغارات الجوية والبرية») or one of the modifiers («الغارات الجوية والعمليات البرية»).
    joined: bool = False


class _VariantHits:
    """One variant's mentions in one article: the best one's rank (score, length), where it
    is and in which field; and where they all start (offsets distinct across fields)."""

    __slots__ = ("end", "field", "order", "rank", "shown", "start", "starts")

    def __init__(
        self,
        score: float,
        start: int,
        end: int,
        field: FieldName,
        at: int,
        order: int,
    ) -> None:
        self.order = order  # of first mention, among the article's variants
        # Kept as one tuple: entries are compared by it in C (`_RANK`).
        self.rank = (score, end - start)
        self.start, self.end = start, end  # of the best mention, in its field
        self.field: FieldName = field
        # A list: most variants are mentioned once, and a list is cheaper to make than a set
        # (`add` keeps it distinct).
        self.starts = [at]
        # What a match shows of its best mention (`_Reader.show`), once one does.
        self.shown: _Shown | None = None

    def add(self, score: float, start: int, end: int, field: FieldName, at: int) -> None:
        # A variant's mentions come in the order of their first word: the same place twice
        # (two ways of finding one phrase) is the last one, and `starts` stays distinct.
        if at != self.starts[-1]:
            self.starts.append(at)
        rank = (score, end - start)
        if rank > self.rank:
            self.rank, self.field = rank, field
            self.start, self.end = start, end


class _Mentions:
    """An article's mentions, per variant, gathered as its fields are read; and the
    subscriptions they dispatch (`_Variant.owners`, `_Variant.solo`). Hidden mentions apart:
    they count for exclusions only."""

    __slots__ = (
        "anchors",
        "at",
        "contextual",
        "field",
        "fields",
        "found",
        "hidden",
        "senses",
        "shown",
        "solos",
        "weight",
    )

    def __init__(self) -> None:
        # Variants hash by identity: a dict keyed by them needs no id() call.
        self.shown: dict[_Variant, _VariantHits] = {}
        self.hidden: dict[_Variant, _VariantHits] = {}
        # Most subscriptions are dispatched by one form: that one entry is kept as is,
        # several go in a list.
        self.found: dict[_Subscription, _VariantHits | list[_VariantHits]] = {}
        # Entries of forms that are some subscriptions' only form, with those subscriptions'
        # heads: each is a match as it stands.
        self.solos: list[tuple[tuple[tuple[int, str], ...], _VariantHits]] = []
        # Mentioned forms that anchor subscriptions of several terms (`_Variant.joint`).
        self.anchors: list[_Variant] = []
        # Forms a phrase hid as another sense for the article (`MatchIndex._blocked`), with
        # how the words were written.
        self.senses: dict[_Variant, set[str]] = {}
        # Forms that count only if the article says one of these words (`AliasEntity.
        # context_names`), and the fields read, where to look for them.
        self.contextual: dict[_Variant, tuple[str, ...]] = {}
        self.fields: list[_Field] = []
        self.field: FieldName = "title"
        self.weight = 1.0
        self.at = 0  # offset of the field: mentions distinct across fields

    def read(self, field: FieldName, at: int) -> None:
        """Mentions from now on are in this field, which starts at `at` in the article."""
        self.field, self.weight, self.at = field, _FIELD_WEIGHT[field], at

    def add(self, variant: _Variant, quality: float, start: int, end: int) -> None:
        """A mention that counts: the subscriptions it dispatches are gathered."""
        if variant.feeds:
            for fed in variant.feeds:
                self.add(fed, quality * fed.quality, start, end)
        shown = self.shown
        entry = shown.get(variant)
        if entry is not None:
            entry.add(self.weight * quality, start, end, self.field, self.at + start)
            return
        shown[variant] = entry = _VariantHits(
            self.weight * quality, start, end, self.field, self.at + start, len(shown)
        )
        if variant.solo:
            self.solos.append((variant.solo, entry))
        found = self.found
        for subscription in variant.owners:
            earlier = found.get(subscription)
            if earlier is None:
                found[subscription] = entry
            elif isinstance(earlier, list):
                earlier.append(entry)
            else:
                found[subscription] = [earlier, entry]
        if variant.joint:
            self.anchors.append(variant)

    def drop(self, variant: _Variant) -> None:
        """A form's mentions all turn out hidden, after they were gathered as counting."""
        entry = self.hidden[variant] = self.shown.pop(variant)
        self.solos = [solo for solo in self.solos if solo[1] is not entry]
        for subscription in variant.owners:
            earlier = self.found[subscription]
            if isinstance(earlier, list):
                earlier.remove(entry)
            if earlier is entry or not earlier:
                del self.found[subscription]
        if variant in self.anchors:
            self.anchors.remove(variant)
        for fed in variant.feeds:
            if fed in self.shown:
                self._refeed(fed)

    def _refeed(self, fed: _Variant) -> None:
        """A fed variant's entry again, from the mentions of the forms still counting that
        feed it (one of them was dropped); dropped too if none is left."""
        sources = [entry for v, entry in self.shown.items() if fed in v.feeds]
        if not sources:
            self.drop(fed)
            return
        entry, best = self.shown[fed], max(sources, key=_RANK)
        entry.rank = (best.rank[0] * fed.quality, best.rank[1])
        entry.start, entry.end, entry.field = best.start, best.end, best.field
        entry.starts = sorted({at for source in sources for at in source.starts})
        entry.shown = None

    def hide(self, variant: _Variant, quality: float, start: int, end: int) -> None:
        """A mention hidden by a longer name or by its context: it counts for exclusions."""
        hidden = self.hidden
        entry = hidden.get(variant)
        if entry is not None:
            entry.add(self.weight * quality, start, end, self.field, self.at + start)
            return
        hidden[variant] = _VariantHits(
            self.weight * quality, start, end, self.field, self.at + start, len(hidden)
        )


@dataclass(frozen=True, slots=True, eq=False)
class _Subscription:
    head: tuple[int, str]  # (id, keyword): what each of its matches starts with
    required: int  # the first `required` terms are required, the rest excluded
    # The forms of every term, one after the other; `bounds` says where each term's start
    # (and where the last ends), empty for a keyword of one term: most are, and this way
    # they hold one tuple.
    variants: tuple[_Variant, ...]
    bounds: tuple[int, ...]
    anchor: int  # the required term whose forms dispatch the subscription (`_Variant.owners`)
    # Its required terms count only when they meet in one sentence: a topic and the place
    # its keyword's adjective names («البرنامج النووي الإيراني», see `owned_topic`).
    near: bool = False
    # One of the pairs of phrases of a topic (`Concept.together`): its head is the topic
    # keyword's, whose own match it may duplicate.
    companion: bool = False
    # One of a topic's chains (`Concept.chains`): its terms follow one another in a clause.
    chain: bool = False
    # A pair or chain of a topic tied to a place: its last required term is the place.
    placed: bool = False

    def terms(self) -> list[tuple[_Variant, ...]]:
        """The forms of each term: required ones, then excluded ones."""
        if not self.bounds:
            return [self.variants]
        return [self.variants[a:b] for a, b in pairwise(self.bounds)]


class MatchIndex:
    """Every active subscription compiled into one index; `match` reads one article.

    `match` returns one Match per subscription (its best mention), best score first.
    """

    def __init__(
        self, aliases: AliasTable | None = None, concepts: ConceptTable | None = None
    ) -> None:
        self._table = aliases or default_alias_table()
        self._concepts = concepts or default_concept_table()
        self._morphology = self._concepts.morphology
        self._buckets: dict[str, tuple[_Variant, ...]] = {}
        # First words (and first-word skeletons) of phrase variants → their second words (or
        # skeletons) → how many phrases: a word looks at the next one only if it may follow.
        self._heads: dict[str, tuple[str, ...]] = {}
        self._subscriptions: dict[int, _Subscription] = {}
        # Subscriptions of a topic's pairs of phrases, by the topic keyword's id.
        self._companions: dict[int, list[_Subscription]] = {}
        # Members of concepts (`_member_feed`): their names' variants feed one variant each.
        self._feeds: dict[tuple[str, ...], _Variant] = {}
        # Forms of a topic in keywords of several terms (`_slot_feed`): one variant each.
        self._slot_feeds: dict[tuple[_Variant, ...], _Variant] = {}
        self._version = 0  # bumped by every change, so what words hold is looked up anew
        self._analyses: dict[str, _Word] = {}  # raw word → its analysis, whatever the index
        # Raw word → its analysis with what the index holds for it, at `_words_version`.
        self._words: dict[str, _Word] = {}
        self._words_version = 0
        self._scores: dict[float, float] = {}  # see `_Reader.show`
        # Skeleton beginnings (2 and 3 letters) of one-word fuzzy names → their skeletons →
        # how many names.
        self._joined: dict[str, tuple[str, ...]] = {}
        self._cue_keys: dict[tuple[str, ...], frozenset[str]] = {}
        # Phrases of common words: first-word key → second-word key → phrases.
        self._second: dict[str, dict[str, tuple[_Variant, ...]]] = {}
        # (concept, body) pairs where the body's name speaks of the concept: its names inside
        # the body's count («اللاجئين» in «مفوضية اللاجئين»), as a covered entity's do.
        topics = {c.id for c in self._concepts.concepts()}
        self._inside = frozenset(
            (_CONCEPT_PREFIX + c.id, covered)
            for c in self._concepts.concepts()
            for covered in c.covers
            if covered not in topics
        )
        # A concept's phrases of another sense hide the names of the concepts it covers too:
        # «مسيرات عاشورائية» are processions, and no suicide drones («مسيرات ... انتحاري»).
        self._narrower = frozenset(
            (_NOT_PREFIX + c.id, _CONCEPT_PREFIX + covered.id)
            for c in self._concepts.concepts()
            if c.blocked or c.senses
            for covered in self._concepts.watched(c.id)[1:]
        )
        # Phrases that give a concept's name another sense for the whole article.
        self._senses: set[_Variant] = set()
        # Names written with a mark that gives their bare name another sense for the whole
        # article (`AliasEntity.written_senses`), and the marks that may tell them.
        self._written_senses = tuple(
            _written_sense(entity.id, spelling)
            for entity in self._table.entities()
            for spelling in entity.written_senses
        )
        self._written_marks = frozenset(m for sense in self._written_senses for m in sense.marks)
        self._nationals: dict[str, list[tuple[Phrase, Keys]]] = {}
        self._add_blockers()

    @classmethod
    def build(
        cls,
        items: Iterable[tuple[int, Query]],
        aliases: AliasTable | None = None,
        concepts: ConceptTable | None = None,
    ) -> MatchIndex:
        index = cls(aliases, concepts)
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
        required = query.required
        owned = (
            owned_topic(required[0], self._table, self._concepts) if len(required) == 1 else None
        )
        if owned is not None:
            required = owned
        slots: list[tuple[_Variant, ...]] = []
        for term in (*required, *query.excluded):
            # A topic of the thesaurus is matched by its forms; another phrase of common words
            # by its forms and by today's rules too (an unknown phrase may be a name: «هونغ
            # كونغ» keeps its spelling tolerance).
            specs = self._specs(term)
            if self._common_phrase(term):
                # Of today's variants only those the forms do not cover: a spelling
                # tolerance, a joined or teh-marbuta spelling.
                topic = bool(self._concepts.resolve(term.phrase))
                own = (term.phrase.stem, *term.phrase.words[1:])
                kept = [s for s in specs if s[0] != own or _budget(s[0], s[2]) > 0]
                specs = self._phrase_specs(term) + ([] if topic else kept)
            # A country's capital is where the press puts it («غارة إسرائيلية على بيروت»):
            # under its own name's rules, a form of the country's bare name, and of the place
            # a topic is tied to.
            place = term is owned[1] if owned is not None else term is required[0]
            standing = []
            if place and not term.exact:
                standing += self._standing_specs(capital_names(term, self._table))
            if owned is not None and term is owned[1]:
                # A bloc's members tell a topic tied to it (`AliasEntity.members`).
                standing += self._standing_specs(member_names(term, self._table))
            variants = dict.fromkeys(self._intern(*spec) for spec in specs)
            for spec in standing:
                variant = self._intern(*spec)
                variant.standing = True
                variants[variant] = None
            feed = self._member_feed(term) if not term.exact else None
            if feed is not None:
                variants[feed] = None
            slot = tuple(variants)
            if len(required) > 1 and len(slots) < len(required) and len(slot) > _FEED_OVER:
                # A topic's many forms in a keyword of several terms («TOPIC + word»): one
                # variant fed by them all, so that the dispatch by the next term is keyed once,
                # not once per form (an index of 100k keywords held 23 MB of such keys).
                slot = (self._slot_feed(slot),)
            slots.append(slot)
        # Only the forms of one required term dispatch: the one likely rarest in text, the
        # longest phrase (a topic of two words is rarer than a single word); of equals, the
        # one with the most forms, which would cost the most to look up were it not the anchor.
        anchor = max(
            range(len(required)),
            key=lambda n: (len(required[n].phrase.words), len(slots[n])),
        )
        head = (subscription_id, query.text)
        subscription = self._subscriptions[subscription_id] = _new_subscription(
            head, slots, len(required), anchor, near=owned is not None
        )
        self._register(subscription)
        # A topic's pairs of phrases that tell it in one sentence: each a subscription of two
        # terms (and the keyword's excluded ones) under the same head, matched as one.
        # A topic tied to a place («الغارات الإسرائيلية») has them too, the place in the same
        # sentence: its forms follow the pair's.
        pairs = self._pairs(required[0]) if len(required) == 1 or owned is not None else []
        if pairs:
            placed = owned is not None
            self._companions[subscription_id] = companions = [
                _new_subscription(
                    head,
                    [*pair, *slots[1:]],
                    len(pair) + len(required) - 1,
                    0,
                    near=True,
                    companion=True,
                    chain=chain,
                    placed=placed,
                )
                for pair, chain in pairs
            ]
            for companion in companions:
                self._register(companion)

    def _standing_specs(
        self, names: list[str]
    ) -> list[tuple[tuple[str, ...], int, bool, str | None, float, tuple[frozenset[str], ...]]]:
        """The variants of names that stand for a place (its capital, a bloc's members),
        each under its own names' rules and weaker than the place's own: shown only
        without them."""
        specs = []
        for name in names:
            phrase = phrase_of(name)
            if phrase is not None:
                specs += [
                    (*spec[:4], spec[4] * _CAPITAL_QUALITY, spec[5])
                    for spec in self._specs(Term(name, phrase, False))
                ]
        return specs

    def _slot_feed(self, slot: tuple[_Variant, ...]) -> _Variant:
        """One variant that every counting mention of these forms counts for, at the same
        score (`_Variant.feeds`); the same one for the same forms."""
        feed = self._slot_feeds.get(slot)
        if feed is not None:
            return feed
        feed = _Variant((f"\x04{len(self._slot_feeds)}",), _OPTIONAL, 0, slot[0].entity, 1.0)
        self._slot_feeds[slot] = feed
        for variant in slot:
            self._feed(variant, feed)
        return feed

    def _feed(self, variant: _Variant, feed: _Variant) -> None:
        """Every counting mention of `variant` counts for `feed` too; the variant stays in
        the index for its life, as feeds are kept (bounded by the thesaurus's forms)."""
        if feed in variant.feeds:
            return
        if not variant.uses:
            self._version += 1  # a form no one wanted: words see it anew
        variant.uses += 1
        variant.feeds = (*variant.feeds, feed)

    def _member_feed(self, term: Term) -> _Variant | None:
        """One variant standing for the named instances of the concepts a topic names
        (`Concept.members`: «داعش» for «الجماعات الإرهابية»), or None. Their names are
        indexed under their own rules, once, and each counting mention of them also counts
        for this variant (`_Variant.feeds`): a follower owns one variant, not a hundred."""
        if self._table.resolve(term.phrase):
            return None
        concept_ids = self._concepts.resolve(term.phrase)
        members = tuple(self._concepts.members(concept_ids))
        if not members:
            return None
        feed = self._feeds.get(members)
        if feed is not None:
            return feed
        # Never looked up by its words (it is not interned): fed by the members' variants.
        feed = _Variant(
            ("\x03" + " ".join(members),),
            _OPTIONAL,
            0,
            _CONCEPT_PREFIX + concept_ids[0],
            _MEMBER_QUALITY,
        )
        self._feeds[members] = feed
        for entity_id in members:
            name = self._table.display_name(entity_id)
            phrase = phrase_of(name) if name is not None else None
            if name is None or phrase is None:
                continue
            for spec in self._specs(Term(name, phrase, False)):
                self._feed(self._intern(*spec), feed)
        return feed

    def _register(self, subscription: _Subscription) -> None:
        """File a subscription under the forms of its anchor term (see `_Variant`)."""
        anchor = subscription.anchor
        for n, variants in enumerate(subscription.terms()):
            for variant in variants:
                if not variant.uses:
                    self._version += 1  # a form no one wanted (a blocker's): words see it anew
                variant.uses += 1
                if n == anchor and subscription.bounds:
                    if variant.joint is _NO_JOINT:
                        variant.joint = {}
                    joint = variant.joint
                    for partner in _partners(subscription, variant):
                        earlier = joint.get(partner)
                        if earlier is None:
                            joint[partner] = subscription
                        elif isinstance(earlier, tuple):
                            joint[partner] = (*earlier, subscription)
                        else:
                            joint[partner] = (earlier, subscription)
                elif n == anchor and len(variants) == 1:
                    variant.solo = (*variant.solo, subscription.head)
                elif n == anchor:
                    variant.owners = (*variant.owners, subscription)

    def _pairs(self, term: Term) -> list[tuple[list[tuple[_Variant, ...]], bool]]:
        """The terms of each pair and chain of phrases (`Concept.together`, `Concept.chains`)
        of the topics a keyword of common words names, and of those they cover: each phrase
        in all its forms, and whether they make a chain."""
        if term.exact or not self._common_phrase(term):
            return []
        concepts = self._concepts
        pairs: list[tuple[list[tuple[_Variant, ...]], bool]] = []
        for concept_id in concepts.resolve(term.phrase):
            for concept in concepts.watched(concept_id):
                owner = _CONCEPT_PREFIX + concept.id
                tied = [(texts, False) for texts in concept.together]
                for texts, chain in (*tied, *((texts, True) for texts in concept.chains)):
                    pair: list[tuple[_Variant, ...]] = []
                    # A pair, where each phrase is a name's, shows before a chain of words.
                    quality = 0.75 if chain else 0.8
                    for text in texts:
                        phrase = phrase_of(text)
                        assert phrase is not None  # validated by ConceptEntry
                        keys = concepts.keys(phrase)
                        pair.append(
                            (self._intern(phrase.words, _OPTIONAL, False, owner, quality, keys),)
                        )
                    pairs.append((pair, chain))
        return pairs

    def remove(self, subscription_id: int) -> None:
        """Drop a subscription; unknown ids are ignored (removal is idempotent)."""
        subscription = self._subscriptions.pop(subscription_id, None)
        if subscription is None:
            return
        self._unregister(subscription)
        for companion in self._companions.pop(subscription_id, ()):
            self._unregister(companion)

    def _unregister(self, subscription: _Subscription) -> None:
        for n, variants in enumerate(subscription.terms()):
            for variant in variants:
                variant.uses -= 1
                if n == subscription.anchor:
                    variant.owners = tuple(o for o in variant.owners if o is not subscription)
                    variant.solo = tuple(h for h in variant.solo if h is not subscription.head)
                    for partner in _partners(subscription, variant) if subscription.bounds else ():
                        earlier = variant.joint[partner]
                        rest = tuple(
                            o
                            for o in (earlier if isinstance(earlier, tuple) else (earlier,))
                            if o is not subscription
                        )
                        if len(rest) > 1:
                            variant.joint[partner] = rest
                        elif rest:
                            variant.joint[partner] = rest[0]
                        else:
                            del variant.joint[partner]
                    if not variant.joint:
                        variant.joint = _NO_JOINT
                if not variant.uses:
                    if variant.blocker:
                        self._version += 1  # it stays as a blocker only
                    else:
                        self._discard(variant)

    def _common_phrase(self, term: Term) -> bool:
        """Is this term a phrase of common words (matched by its forms, with the concepts it
        names)? Not when quoted, not when it names or contains a known name, not a Latin word
        that names no concept (F-16 is matched as written), and a single word only when the
        thesaurus knows it: an unknown word may be a name, which stemming would mangle
        («عمران» is not a plural of «عمر»)."""
        phrase = term.phrase
        table = self._table
        if term.exact or table.resolve(phrase) or table.derived_entities(phrase):
            return False
        # A name's letters after the article are no name where the thesaurus names the
        # phrase: «العجز المالي» is a fiscal deficit, not Mali's (which never takes «ال»).
        named = bool(self._concepts.resolve(phrase))
        if any(
            table.known_word(w) or (table.known_word(w[2:]) and not named) for w in phrase.words
        ):
            return False
        if len(phrase.words) == 1 or all(w.isascii() for w in phrase.words):
            return named or self._morphology.knows(phrase.stem)
        return True

    def _phrase_specs(
        self, term: Term
    ) -> list[tuple[tuple[str, ...], int, bool, str | None, float, tuple[frozenset[str], ...]]]:
        """Variants of a phrase of common words: the phrase in all its forms, and the names of
        the concepts it names (and of those they cover), in all theirs; listed derived forms as
        written (clitics aside)."""
        concepts = self._concepts
        out: list[
            tuple[tuple[str, ...], int, bool, str | None, float, tuple[frozenset[str], ...]]
        ] = []
        seen: set[tuple[frozenset[str], ...]] = set()

        def spec(phrase: Phrase, keys: Keys, quality: float, concept_id: str | None) -> None:
            owner = None if concept_id is None else _CONCEPT_PREFIX + concept_id
            out.append((phrase.words, _OPTIONAL, False, owner, quality, keys))

        def put(phrase: Phrase, quality: float, concept_id: str | None) -> None:
            keys = concepts.keys(phrase)
            if keys not in seen:
                seen.add(keys)
                spec(phrase, keys, quality, concept_id)

        resolved = concepts.resolve(term.phrase)
        own = concepts.keys(term.phrase)
        homograph = concepts.is_homograph(term.phrase)
        if not all(w.isascii() for w in term.phrase.words):
            # The keyword's own forms belong to each concept it names, whose phrases of
            # other senses hide them («القرصنة»: sea piracy's and hacking's): one variant each.
            seen.add(own)
            owners: list[str | None] = [*resolved] or [None]
            for concept_id in owners:
                spec(term.phrase, own, 1.0, concept_id)
        for concept_id in resolved:
            for concept in concepts.watched(concept_id):
                for name in concept.names:
                    phrase = phrase_of(name)
                    if phrase is not None:
                        put(phrase, 0.9, concept.id)
                for head in concept.national:
                    for phrase, keys in self._national_forms(head):
                        if keys not in seen:
                            seen.add(keys)
                            spec(phrase, keys, 0.9, concept.id)
                for form in (*concept.derived, *concept.homographs, *concept.into):
                    phrase = phrase_of(form)
                    if (
                        phrase is not None
                        and homograph
                        and form in concept.homographs
                        and _same_word(phrase, concepts.keys(phrase), term.phrase, own)
                    ):
                        # The follower wrote this word: in all its forms and those of its
                        # family («القراصنة», «المهرب»), no cue needed. Not the concept's
                        # other homographs: «القرصنة» is no licence for every «اختراق» (of a
                        # border, of a defence line).
                        put(phrase, 0.9, concept.id)
                    elif phrase is not None:
                        words = (phrase.stem, *phrase.words[1:])
                        nisba = words[-1][-1:] == "ي"
                        if nisba and phrase.definite and form in concept.homographs:
                            # An adjective stands for its noun only with the article
                            # («النووي الإيراني»: the programme); «عالما نوويا إيرانيا» is a
                            # nuclear scientist.
                            article = _REQUIRE
                        else:
                            # An adjective or participle takes the accusative alef
                            # («انتحاريًا»).
                            article = _OPTIONAL | (_TANWEEN if nisba else 0)
                        owner = _CONCEPT_PREFIX + concept.id
                        out.append((words, article, False, owner, 0.85, ()))
        return out

    def _national_forms(self, head: str) -> list[tuple[Phrase, Keys]]:
        """A noun with any country after it (`Concept.national`): one phrase followed by a
        country's adjective («الاقتصاد الروسي»), one by a country's one-word name in construct
        («اقتصاد روسيا»), each with the forms of every country in its second word."""
        cached = self._nationals.get(head)
        if cached is not None:
            return cached
        noun = phrase_of(head)
        forms: list[tuple[Phrase, Keys]] = []
        if noun is not None and len(noun.words) == 1:
            adjectives: set[str] = set()
            names: set[str] = set()
            for entity in self._table.entities():
                if entity.kind != "country":
                    continue
                named = [p for p in map(phrase_of, entity.names) if p is not None]
                own = {p.stem for p in named}
                for nisba in nisba_phrases(entity):
                    word = nisba.words[-1]
                    # The masculine singular, which agrees with the noun; Arabic only; not a
                    # name that is its own adjective: Mali's «المالي» is the word for financial.
                    if (
                        len(nisba.words) == 1
                        and word.endswith("ي")
                        and _arabic(word)
                        and stem_of(word) not in own
                    ):
                        adjectives.add(word)
                names.update(
                    phrase.words[0]
                    for phrase in named
                    if len(phrase.words) == 1
                    and _arabic(phrase.stem)
                    and not phrase.stem.endswith("ي")  # read as an adjective too
                )
            definite = noun.words[0] if noun.definite else "ال" + noun.words[0]
            for first, seconds in ((definite, adjectives), (noun.stem, names)):
                phrases = [phrase_of(f"{first} {second}") for second in sorted(seconds)]
                pairs = [p for p in phrases if p is not None and len(p.words) == 2]
                if not pairs:
                    continue
                keyed = [self._concepts.keys(phrase) for phrase in pairs]
                # As spelled: a loanword's looser spellings (`~` keys) would make Aruba's
                # «الأروبي» the European («الأوروبي»).
                spelled = frozenset(
                    key for keys in keyed for key in keys[1] if not key.startswith("~")
                )
                forms.append((pairs[0], (keyed[0][0], spelled)))
        self._nationals[head] = forms
        return forms

    def _specs(
        self, term: Term
    ) -> list[tuple[tuple[str, ...], int, bool, str | None, float, tuple[frozenset[str], ...]]]:
        """(words, article mode, fuzzy, entity, quality, keys) of every variant of a term."""
        table = self._table
        entity_ids = table.resolve(term.phrase)
        entity = entity_ids[0] if entity_ids else None
        specs: dict[tuple[tuple[str, ...], int], tuple[bool, str | None, float]] = {}

        def put(
            phrase: Phrase, article: int, quality: float, owner: str | None, *, fuzzy: bool = True
        ) -> None:
            """A variant of the phrase's words; spelling-tolerant only if the term is not exact
            and the form not `fuzzy=False` (Arabic morphology rather than transliteration)."""
            words = (phrase.stem, *phrase.words[1:])
            specs.setdefault((words, article), (fuzzy and not term.exact, owner, quality))

        # The keyword itself: with the article it names something that has it (a known name
        # requires it, a common word may drop it); without, the article would change the word.
        own = term.phrase
        known = bool(entity) or table.known_word(own.stem)
        if not own.definite:
            # A name never takes the article (سيول Seoul ≠ السيول floods); a common noun does
            # (هجوم → الهجوم).
            article = _FORBID if known else _OPTIONAL
        elif known:
            article = _REQUIRE  # the bare word is a name of its own: السيول (floods) ≠ سيول
        else:
            article = _OPTIONAL
        if entity is None:
            # A derived form («الحوثي», «الروسية») belongs to its entity: not hidden inside that
            # entity's own names («جماعة الحوثي»).
            derived = table.derived_entities(own)
            entity = derived[0] if derived else None
        if (
            not term.exact
            and entity is None
            and len(own.words) == 1
            and own.stem[-1:] not in _VOWEL_ENDINGS
            and len(own.stem) >= 3
        ):
            # Indefinite accusative of a common noun: «صاروخ» → «أطلقت صاروخًا» (names are
            # diptote or resolved above, so «مصر» never becomes «مصرا»).
            article |= _TANWEEN
        put(own, article, 1.0, entity)
        if not term.exact:
            for entity_id in entity_ids:
                info = table.entity(entity_id)
                for name in info.names:
                    phrase = phrase_of(name)
                    if phrase is None:
                        continue
                    # A name shaped like a feminine nisba («تركية», «سورية») is Arabic
                    # morphology, not a transliteration: exact, since «ترقية» (an upgrade) is
                    # one letter away.
                    nisba_shaped = (
                        len(phrase.words) == 1 and not phrase.definite and phrase.stem[-2:] == "يه"
                    )
                    article = _REQUIRE if phrase.definite else _FORBID
                    put(phrase, article, 0.9, entity_id, fuzzy=not nisba_shaped)
                # Exact: a bare common word («التحالف») has no misspelling to forgive.
                for name in info.context_names:
                    phrase = phrase_of(name)
                    if phrase is not None:
                        article = _REQUIRE if phrase.definite else _FORBID
                        put(phrase, article, 0.85, entity_id, fuzzy=False)
                # Derived forms are Arabic morphology, not transliteration: no fuzzy tolerance
                # («قطريات» must not reach «قطرات»).
                for phrase in nisba_phrases(info):
                    words = (phrase.stem, *phrase.words[1:])
                    article = (_OPTIONAL if phrase.definite else _FORBID) | _DERIVED
                    if len(words) == 1 and words[0].endswith("ي"):
                        # An adjective takes the accusative alef: «مسؤولًا إيرانيًّا».
                        article |= _TANWEEN
                    specs.setdefault((words, article), (False, entity_id, 0.85))
            # A transliterated name split in two or three words is also written joined.
            # Only syllable-like words without the article («بيونغ يانغ», «هونغ كونغ»):
            # Arabic phrases («وزارة الخارجية») are never written joined.
            for (words, article), (fuzzy, owner, _q) in list(specs.items()):
                if (
                    1 < len(words) <= 3
                    and article & 3 == _FORBID
                    and fuzzy
                    and all(len(w) <= 6 and not w.startswith("ال") for w in words)
                ):
                    joined = Phrase(("".join(words),), False)
                    if len(skeleton(joined.stem)) >= 4:
                        put(joined, _FORBID, 0.85, owner)
            # Some pages glue the words of a name whose later words take the article
            # («الولاياتالمتحدة», «ديرالزور»): a token no word is, matched as written.
            # Names only: an unknown keyword gets no such variant (one for each would swell
            # the index, and a glued unknown phrase is rarer still).
            for (words, article), (_fuzzy, owner, _q) in list(specs.items()):
                glued = _glued(words) if owner is not None else None
                if glued is not None and not article & _DERIVED:
                    specs.setdefault((glued, article), (False, owner, 0.85))
            # Arabic compound names are written apart or joined («عبد الملك» / «عبدالملك»،
            # «نصر الله» / «نصرالله»): each spelling brings the other, as written (a spelling
            # tolerance would reach other names: «عبدالله» / «عبدالإله», «أنصارالله» / «نصر الله»).
            for (words, article), (fuzzy, owner, _q) in list(specs.items()):
                other = _compound_spelling(words) if fuzzy and article & 3 != _REQUIRE else None
                if other is not None:
                    specs.setdefault((other, article), (False, owner, 0.85))
            # A foreign name ending in the vowel -a is also written with a final teh marbuta
            # (كيشيدا / كيشيدة، جاكرتا / جاكرتة). After a consonant only: «روسيا» and
            # «أوتاوا» end in a long vowel that keeps its alef.
            for (words, article), (fuzzy, owner, _q) in list(specs.items()):
                last = words[-1]
                if (
                    fuzzy
                    and article & 3 == _FORBID
                    and len(last) >= 5
                    and last[-1] == "ا"
                    and last[-2] not in _VOWEL_ENDINGS
                    and not any(w.startswith("ال") for w in words)
                ):
                    put(Phrase((*words[:-1], last[:-1] + "ه"), False), _FORBID, 0.85, owner)
        return [(w, a, f, e, q, ()) for (w, a), (f, e, q) in specs.items()]

    def _intern(
        self,
        words: tuple[str, ...],
        article: int,
        fuzzy: bool,
        entity: str | None,
        quality: float,
        keys: tuple[frozenset[str], ...] = (),
    ) -> _Variant:
        words = tuple(sys.intern(w) for w in words)
        budget = 0 if keys else _budget(words, fuzzy)
        signature = (words, article, budget, entity, quality, keys)
        variant = _Variant(words, article, budget, entity, quality, keys)
        if len(keys) > 1:
            return self._intern_phrase(variant)
        anchors = _anchors(variant)
        for existing in self._buckets.get(anchors[0], ()):
            if existing.signature == signature:
                return existing  # shared by every subscription that wants this form
        self._version += 1
        variant.checks = bool(
            # A homograph form needs a cue, and a name of its context its context words
            # (`AliasEntity.context_names`); a keyword's own forms do not (keys: its follower
            # wrote it, «الانقلاب»), though they share its words.
            (
                not keys
                and bool(self._cues(entity, words) or self._table.context_words(entity, words))
            )
            or article & _DERIVED
            or (len(words) > 1 and self._table.is_body(entity))
            or bool(self._unless(entity))
        )
        for key in anchors:
            # Tuples, not lists: most buckets hold one variant, and a tuple is smaller.
            self._buckets[key] = (*self._buckets.get(key, ()), variant)
            if " " in key:
                head, second = key.split(" ", 1)
                _note(self._heads, head, second)
        for head in _joined_heads(variant):
            _note(self._joined, head, variant.skels[0])
        return variant

    def _intern_phrase(self, variant: _Variant) -> _Variant:
        """Index a phrase of common words under every pair of its first two words' keys."""
        first, second = variant.keys[0], variant.keys[1]
        signature = variant.signature
        for existing in self._second.get(min(first), {}).get(min(second), ()):
            if existing.signature == signature:
                return existing
        self._version += 1
        variant.checks = variant.checks or bool(self._unless(variant.entity))
        for k1 in first:
            follow = self._second.setdefault(k1, {})
            for k2 in second:
                follow[k2] = (*follow.get(k2, ()), variant)
        return variant

    def _discard(self, variant: _Variant) -> None:
        if len(variant.keys) > 1:
            self._version += 1
            for k1 in variant.keys[0]:
                follow = self._second.get(k1, {})
                for k2 in variant.keys[1]:
                    bucket = tuple(v for v in follow.get(k2, ()) if v is not variant)
                    if bucket:
                        follow[k2] = bucket
                    else:
                        follow.pop(k2, None)
                if not follow:
                    self._second.pop(k1, None)
            return
        self._version += 1
        for key in _anchors(variant):
            current = self._buckets.get(key, ())
            if not any(v is variant for v in current):
                continue  # already gone (a query naming the same term twice)
            bucket = tuple(v for v in current if v is not variant)
            if bucket:
                self._buckets[key] = bucket
            else:
                self._buckets.pop(key, None)
            if " " in key:
                head, second = key.split(" ", 1)
                if key not in self._buckets:
                    _forget(self._heads, head, second)
        for head in _joined_heads(variant):
            if _SKELETON_KEY + variant.skels[0] not in self._buckets:
                _forget(self._joined, head, variant.skels[0])

    def _name_blocker(self, phrase: Phrase, owner: str) -> _Variant:
        """A name's words as a blocker, under the rules of names (as written, its article as
        written): it hides the mentions inside it that its owner does not cover."""
        article = _REQUIRE if phrase.definite else _FORBID
        variant = self._intern((phrase.stem, *phrase.words[1:]), article, False, owner, 1.0)
        variant.blocker = True
        return variant

    def _add_blockers(self) -> None:
        """Multi-word names of every entity: a mention strictly inside one of them belongs to
        that entity unless the mentioned entity covers it."""
        for entity in self._table.entities():
            owned = [(phrase_of(name), entity.id) for name in entity.names]
            owned += [(phrase, entity.id) for phrase in nisba_phrases(entity)]
            # Phrases in which its name means something else («حماس الجماهير»): they hide
            # that entity's mentions only; some for the whole article (`_senses`).
            others = (*entity.blocked, *entity.senses)
            owned += [(phrase_of(text), _NOT_PREFIX + entity.id) for text in others]
            senses = {key_of(p) for p in map(phrase_of, entity.senses) if p is not None}
            for phrase, owner in owned:
                if phrase is None or len(phrase.words) < 2:
                    continue
                variant = self._name_blocker(phrase, owner)
                if owner.startswith(_NOT_PREFIX) and key_of(phrase) in senses:
                    self._senses.add(variant)
        # Longer phrases in which a concept's name means something else («المسيرات
        # الاحتجاجية» are marches): they hide the name's mentions inside them, in all forms.
        # Of those, the ones that set the sense of the article's other mentions (`_senses`).
        # A name of the concept that ends where such a phrase begins takes the phrase's sense
        # with it: «محاولة اغتيال معنوي» is no attempted assassination, though the mention of
        # «محاولة اغتيال» starts before «اغتيال معنوي» does.
        for concept in self._concepts.concepts():
            names = [p for p in map(phrase_of, concept.names) if p is not None]
            named = [(p.words, self._concepts.keys(p)) for p in names if len(p.words) > 1]
            for text in (*concept.blocked, *concept.senses):
                phrase = phrase_of(text)
                if phrase is None or len(phrase.words) < 2:
                    continue
                keys = self._concepts.keys(phrase)
                owner = _NOT_PREFIX + concept.id
                if self._table.names_body(phrase):
                    # A body's name keeps the rules of names, so it hides only itself: «البنك
                    # الدولي» is the World Bank, «البنوك الدولية» are banks.
                    variant = self._name_blocker(phrase, owner)
                    if text in concept.senses:
                        self._senses.add(variant)
                    continue
                if _adverbial(phrase):
                    # «احتجاجا على» (in protest at) as written: its forms are other words
                    # («الاحتجاجات على», the protests against).
                    variant = self._intern(phrase.words, _FORBID, False, owner, 1.0)
                    variant.blocker = True
                    if text in concept.senses:
                        self._senses.add(variant)
                    continue
                blockers = [(phrase.words, keys)]
                blockers += [
                    ((*words, *phrase.words[1:]), (*name_keys, *keys[1:]))
                    for words, name_keys in named
                    if not name_keys[-1].isdisjoint(keys[0])
                ]
                for words, word_keys in blockers:
                    variant = self._intern(words, _OPTIONAL, False, owner, 1.0, word_keys)
                    variant.blocker = True
                    if text in concept.senses:
                        self._senses.add(variant)

    # -- matching ------------------------------------------------------------------------------

    def match(self, title: str, body: str) -> list[Match]:
        """Matches of one article (title and body only, never its related-headlines tail)."""
        # Per variant first (a shared variant, a concept's name, may have thousands of owners
        # and several mentions), then per subscription the variants dispatch.
        mentions = _Mentions()
        if title:
            mentions.read("title", 0)
            self._collect(title, mentions)
        if body:
            mentions.read("body", len(title) + 1)
            self._collect(body, mentions)
        reader = _Reader(title, body, self._scores)
        if self._written_senses and any(
            mark in title or mark in body for mark in self._written_marks
        ):
            _drop_written_senses(mentions, title, body, self._written_senses)
        if mentions.senses:
            self._drop_other_senses(mentions, reader)
        if mentions.contextual:
            self._drop_out_of_context(mentions)
        shown, hidden = mentions.shown, mentions.hidden
        # Every required term found, no excluded one: the best mention of any term.
        matches: list[Match] = []
        for heads, top in mentions.solos:  # one term of one form, nothing excluded
            if top.shown is None:
                top.shown = reader.show(top, len(top.starts))  # see `_mentions`
            shown_as = top.shown
            for head in heads:
                matches.append(_new_match(Match, head + shown_as))
        for subscription, entries in mentions.found.items():  # one term, nothing excluded
            if isinstance(entries, _VariantHits):
                top = entries
                # One entry, and so its mentions: shown the same for every subscription.
                if top.shown is None:
                    top.shown = reader.show(top, len(top.starts))  # see `_mentions`
                shown_as = top.shown
            else:
                shown_as = reader.show(max(entries, key=_RANK), _mentions(entries))
            matches.append(_new_match(Match, subscription.head + shown_as))
        # Of several terms: those whose next term the article mentions too (set operations
        # in C: most are «TOPIC + word» where the word is not there).
        joint: dict[_Subscription, None] = {}
        for variant in mentions.anchors:
            for partner in variant.joint.keys() & shown.keys():
                dispatched = variant.joint[partner]
                if isinstance(dispatched, tuple):
                    joint.update(dict.fromkeys(dispatched))
                else:
                    joint[dispatched] = None
        companions = False
        for subscription in joint:
            terms = _terms_found(subscription, shown, hidden)
            if terms is None:
                continue
            if subscription.chain:
                best = reader.following(terms[:-1] if subscription.placed else terms)
                if best is None or (subscription.placed and reader.meeting(terms) is None):
                    continue
            elif subscription.near:
                best = reader.meeting(terms)
                if best is None:
                    continue
            else:
                best = _best_of_terms(terms)
            every = [entry for entries in terms for entry in entries]
            shown_as = reader.show(best, _mentions(every))
            matches.append(_new_match(Match, subscription.head + shown_as))
            companions = companions or subscription.companion
        # Best score first, then by subscription (sorts are stable; C-level keys are fast).
        matches.sort(key=attrgetter("subscription_id"))
        matches.sort(key=attrgetter("score"), reverse=True)
        if companions:  # one match per subscription: its best, the first in this order
            kept: dict[int, Match] = {}
            for match in matches:
                kept.setdefault(match.subscription_id, match)
            matches = list(kept.values())
        return matches

    def _collect(self, text: str, mentions: _Mentions) -> None:
        """Verified mentions of owned variants in one field, into `mentions`: hidden where a
        longer name of another entity covers them, or where their context says otherwise."""
        field = self._read(text)
        mentions.fields.append(field)
        words, spans, linked = field.words, field.spans, field.linked
        blocks: list[_Hit] = []  # names found so far that hide what they cover
        reach = -1  # the last word they cover
        clauses: dict[int, bool] = {}  # see `_cued`
        add, hide = mentions.add, mentions.hide
        named_after = -1  # the word right after a landmark noun (`_Word.landmark`)
        unit_after = -1  # the word right after an administrative unit (`_Word.unit`)
        title_end = -1  # the last word of an outlet's quoted name (`_title_end`)
        for i, word in enumerate(words):
            if not word.busy:
                continue
            if word.landmark and linked[i]:
                named_after = i + 1
            if word.unit and linked[i]:
                unit_after = i + 1
            if word.outlet and linked[i]:
                title_end = _title_end(field, i, self._table.adjective_places)
            # Longer mentions first: one may hide this word's own (they are added after it).
            found: list[_Hit] = []
            if word.alone_special:
                start, end = spans[i]
                found = [_Hit(v, start, end, q, i, i) for v, q in word.alone_special]
            if linked[i] and not word.after.isdisjoint(words[i + 1].marks):
                following = words[i + 1]
                longer = word.longer
                candidates = longer.get(following.norm, ()) + longer.get(following.skel_key, ())
                found += self._longer(candidates, field, i)
            if needs := word.needs:
                # Only if a word close after has a key some phrase starting here needs next
                # (further after a quoted name: «صاروخ "الشهيد حاج قاسم" الباليستي»).
                for j in range(i + 1, _reach(field, i)):
                    if not linked[j - 1]:  # padded: False past the last word
                        break
                    if not needs.isdisjoint(words[j].keys):
                        found += self._phrase_hits(word.follow, field, i, j)
                        break
            if found:
                for hit in found:
                    if hit.variant.blocker:
                        blocks.append(hit)
                        reach = max(reach, hit.last)
            if word.alone:
                start, end = spans[i]
                # The hottest path: a word that mentions names by itself.
                if reach < i and named_after != i and unit_after != i and title_end < i:
                    for variant, quality in word.alone:
                        if variant.standing and _datelined(field, i, i):
                            hide(variant, quality, start, end)
                        else:
                            add(variant, quality, start, end)
                else:
                    for variant, quality in word.alone:
                        if (
                            (variant.standing and _datelined(field, i, i))
                            or (unit_after == i and _is_common_noun(variant, word))
                            or (title_end >= i and not self._table.is_body(variant.entity))
                            or self._hides(
                                variant, start, end, i, named_after, reach, blocks, mentions, word
                            )
                        ):
                            hide(variant, quality, start, end)
                        else:
                            add(variant, quality, start, end)
            for hit in found:
                variant = hit.variant
                if not variant.uses:  # a blocker only
                    continue
                # A longer name first: a phrase that hides the mention may also set the
                # article's sense (`_blocked`), whatever else hides it.
                if (
                    (title_end >= i and not self._table.is_body(variant.entity))
                    or (variant.standing and _datelined(field, hit.first, hit.last))
                    or self._hides(
                        variant, hit.start, hit.end, i, named_after, reach, blocks, mentions, word
                    )
                    or (variant.checks and self._out_of_context(hit, field, clauses))
                ):
                    hide(variant, hit.quality, hit.start, hit.end)
                else:
                    add(variant, hit.quality, hit.start, hit.end)
                    if variant.checks and (context := self._context_words(variant)):
                        mentions.contextual[variant] = context

    def _hides(
        self,
        variant: _Variant,
        start: int,
        end: int,
        i: int,
        named_after: int,
        reach: int,
        blocks: list[_Hit],
        mentions: _Mentions,
        word: _Word,
    ) -> bool:
        """Is this mention at word i hidden where it stands: a place named after a landmark
        noun («شارع فلسطين», see `_Word.landmark`), or a longer name found so far covering it
        (`_blocked`, for words up to `reach`)?"""
        if named_after == i and self._table.is_located_id(variant.entity):
            return True
        return reach >= i and self._blocked(variant, start, end, i, blocks, mentions, word)

    def _blocked(
        self,
        variant: _Variant,
        start: int,
        end: int,
        i: int,
        blocks: list[_Hit],
        mentions: _Mentions,
        word: _Word,
    ) -> bool:
        """Does a longer name found so far (it starts at word i, `word`, or before) hide this
        mention starting at word i? A phrase that gives a name another sense for the whole
        article is noted in `mentions` (see `_drop_other_senses`)."""
        table, inside = self._table, self._inside
        blocked = False
        for b in blocks:
            if (
                b.last >= i
                and (
                    (
                        end <= b.end
                        and (
                            b.end - b.start > end - start
                            # A phrase of another sense as long as a mention with words
                            # between its own («القيمة السوقية لعملة» is no «قيمة العملة»).
                            or (
                                len(b.variant.words) > len(variant.words)
                                and (b.variant.entity or "").startswith(_NOT_PREFIX)
                            )
                        )
                    )
                    # A phrase that sets another sense for the article and starts a longer
                    # mention gives its first word that sense («اغتيال معنوي لخصومه
                    # السياسيين»); a phrase blocked only where it stands does not: the longer
                    # mention tells the sense there («اغتيال شخصية بارزة» is no character
                    # assassination).
                    or (b.start == start and end > b.end and b.variant in self._senses)
                    # A phrase of common words does not start inside an entity's longer
                    # name, nor inside a phrase its own concept says is another thing (a
                    # `not` phrase; `_blocks` keeps only its own concept's): there its word
                    # is the name's or that thing's («تنظيم القاعدة الأمريكيين» holds no
                    # American base, «وزيرة الاستثمار المصرية» no Egyptian investment).
                    or (
                        b.start < start < b.end < end
                        and len(variant.keys) > 1
                        and (b.variant.entity or _CONCEPT_PREFIX)[:1] != _CONCEPT_PREFIX
                    )
                )
                and (variant.entity, b.variant.entity) not in inside
                and not _coordinated_inside(b, variant, start, end)
                and (
                    _blocks(b.variant.entity, variant.entity, table)
                    or (b.variant.entity, variant.entity) in self._narrower
                )
                and not _heads(variant, start, b)
            ):
                # A person's family name («محمد شياع السوداني») is how the article calls him
                # again («استقبال السوداني»).
                if b.variant in self._senses or (
                    end == b.end and table.is_person(b.variant.entity)
                ):
                    mentions.senses.setdefault(variant, set()).add(_bare(word))
                    return True
                # Another blocker over the same words may set the article's sense («مصارف
                # زراعية» hides, «المصارف الزراعية» also sets it): the blocks come in no set
                # order, so the answer must not depend on which is met first.
                blocked = True
        return blocked

    def _drop_other_senses(self, mentions: _Mentions, reader: _Reader) -> None:
        """One sense per article: where a phrase gives a name another sense («تضخم
        البروستاتا», «التحالف الدولي للطاقة الشمسية»), the article uses the word in that
        sense, and its other mentions written the same («التضخم الحميد», «التحالف الدولي»)
        do not count either. A form mentioned in another word too («الاحتجاجات») still
        counts."""
        for variant, bares in mentions.senses.items():
            entry = mentions.shown.get(variant)
            if entry is None:
                continue
            for at in entry.starts:
                field, offset = reader.locate(at)
                text = reader.text(field)
                found = (_WORD_SPLIT if "_" not in text else _WORD_SPLIT_EXACT).match(text, offset)
                word = self._words.get(found.group()) if found else None
                if word is None or _bare(word) not in bares:
                    break
            else:
                mentions.drop(variant)

    def _drop_out_of_context(self, mentions: _Mentions) -> None:
        """A name of its context («التحالف» for the coalition in Yemen) counts only in an
        article that says one of its context words, in the title or the body, before or after
        it: the story is the entity's own."""
        for variant, context in mentions.contextual.items():
            if variant not in mentions.shown:
                continue
            wanted = self._cue_words(tuple(c for c in context if " " not in c))
            said = any(not _keys_of(field).isdisjoint(wanted) for field in mentions.fields)
            # A context of several words is said by them in a row («تنظيم الدولة»): ISIS's
            # other name, whose words alone are common. As written, clitics aside: «الدول
            # الإسلامية» (Islamic states) is no «الدولة الإسلامية».
            phrases = [tuple(map(stem_of, c.split())) for c in context if " " in c]
            said = said or any(
                _says(field, phrase) for field in mentions.fields for phrase in phrases
            )
            if not said or self._namesake_meant(variant, mentions):
                mentions.drop(variant)

    def _namesake_meant(self, variant: _Variant, mentions: _Mentions) -> bool:
        """Does the article name another body by the longer name this bare word heads
        («تحالف دعم الشرعية», «التحالف الدولي»), and this one by none of its own? Then the
        bare «التحالف» is that one, whatever its story's words."""
        assert variant.entity is not None  # a name of its context is an entity's
        mine, others = self._table.namesakes(variant.entity)
        fields = mentions.fields
        return any(_says(f, p) for f in fields for p in others) and not any(
            _says(f, p) for f in fields for p in mine
        )

    def _context_words(self, variant: _Variant) -> tuple[str, ...]:
        entity = variant.entity
        if entity is None or entity.startswith(_CONCEPT_PREFIX):
            return ()
        return self._table.context_words(entity, variant.words)

    def _cue_words(self, cues: tuple[str, ...]) -> frozenset[str]:
        """The morphological keys of cue words (each cue in all its forms), cached. A
        plural-only word keeps its number as a keyword does: «بيانات» (data) cues hacking,
        «بيان» (a statement) does not."""
        wanted = self._cue_keys.get(cues)
        if wanted is None:
            keys = self._morphology.phrase_keys
            wanted = self._cue_keys[cues] = frozenset().union(*(keys((c,))[0] for c in cues))
        return wanted

    def _longer(
        self, candidates: tuple[tuple[_Split, _Variant], ...], field: _Field, i: int
    ) -> list[_Hit]:
        """Mentions starting at word i that take the next word too: a name of several words,
        or a one-word name written as two (بيونغيانغ as «بيونغ يانغ»)."""
        following = field.words[i + 1]
        found: list[_Hit] = []
        seen: set[_Variant] = set()
        for split, variant in candidates:
            if variant in seen:
                continue
            words = variant.words
            if len(words) == 2 and split.stem == words[0] and following.norm == words[1]:
                # Most are two words as written: nothing left to verify.
                start, end = field.spans[i][0], field.spans[i + 1][1]
                hit: _Hit | None = _Hit(variant, start, end, variant.quality, i, i + 1)
            else:
                hit = self._verify(variant, field, i, split)
            if hit is not None:
                seen.add(variant)
                found.append(hit)
        return found

    def _phrase_hits(
        self, follow: dict[str, tuple[_Variant, ...]], field: _Field, i: int, first: int
    ) -> list[_Hit]:
        """Phrases of common words starting at word i. They are indexed by their first two
        words' keys; the second word may come after up to _MAX_GAP modifiers, from word
        `first` on (the first after i with a key some of them need next)."""
        words, linked = field.words, field.linked
        starting: dict[_Variant, int] = {}  # where each phrase's second word is first seen
        keys = words[i].needs
        for j in range(first, _reach(field, i)):
            if j > first and not linked[j - 1]:  # padded: False past the last word
                break
            for key in keys & words[j].keys:
                if not starting:  # the usual case: one key, at the first word after
                    starting = dict.fromkeys(follow[key], j)
                    continue
                for variant in follow[key]:
                    starting.setdefault(variant, j)
        found = []
        spans = field.spans
        for variant, j in starting.items():
            if j == i + 1 and len(variant.keys) == 2:
                # Most are two words, the second right after the first (the caller saw them
                # linked): what _verify_phrase would find, without it.
                if not self._clause(variant, words[i], words[j]) and not _conjoined(
                    variant.words[1], words[j]
                ):
                    found.append(_Hit(variant, spans[i][0], spans[j][1], variant.quality, i, j))
            elif (hit := self._verify_phrase(variant, field, i)) is not None:
                found.append(hit)
        return found

    def _out_of_context(self, hit: _Hit, field: _Field, clauses: dict[int, bool]) -> bool:
        """Does the context hide a mention that counts only in its context: a national
        body's adjective, a homograph's cue, a given name?"""
        variant = hit.variant
        table = self._table
        if (
            len(variant.words) > 1
            and table.is_body(variant.entity)
            and self._foreign_body(hit, field)
        ):
            return True
        context = self._context_words(variant)
        # A homograph that is also a name of its context waits for the whole article's
        # context words (`_drop_out_of_context`), not only the cues close by.
        cues = self._cues(variant.entity, variant.words)
        if (
            cues
            and not context
            and (not self._cued(hit, cues, field, clauses) or self._national_noun(hit, field))
        ):
            return True
        if context and _heads_phrase(hit, field):
            return True
        unless = self._unless(variant.entity)
        if unless and _in_sentence(hit, field, self._cue_words(unless)):
            return True
        return bool(variant.article & _DERIVED) and (
            _given_name(hit, field) or _language(hit, field) or _kunya(hit, field)
        )

    def _national_noun(self, hit: _Hit, field: _Field) -> bool:
        """Is this one-word homograph of a body the common noun of a country, its adjective
        right after it («القاعدة الروسية»: Russia's base; «الشباب الكاميروني»: Cameroon's
        youth; «الاحتلال الأمريكي»), whatever cue stands close by? Not where the country
        covers the body («الاحتلال الإسرائيلي» is Israel's own). A concept's homograph keeps
        its sense with a country's adjective («العقوبات الأمريكية»), unless it names a body."""
        n = hit.last
        if hit.first != n or not field.linked[n]:
            return False
        entity = hit.variant.entity
        assert entity is not None  # a homograph is an entity's or a concept's
        if entity.startswith(_CONCEPT_PREFIX) and self._concepts.concept(entity[1:]).kind != "org":
            return False
        after = field.words[n + 1]
        if not _definite_nisba(after) or after.barrier:
            return False
        return self._foreign_adjective(after, entity)

    def _unless(self, entity: str | None) -> tuple[str, ...]:
        """Words that give a concept's forms another sense in their sentence (`unless`)."""
        if entity is None or not entity.startswith(_CONCEPT_PREFIX):
            return ()
        return self._concepts.unless(entity[1:])

    def _cues(self, entity: str | None, words: tuple[str, ...]) -> tuple[str, ...]:
        """Cue words a homograph name of an entity or form of a concept needs close by."""
        if entity is not None and entity.startswith(_CONCEPT_PREFIX):
            return self._concepts.cues(entity[1:], words)
        return self._table.cues(entity, words)

    def _cued(
        self, hit: _Hit, cues: tuple[str, ...], field: _Field, clauses: dict[int, bool]
    ) -> bool:
        """A name that is also a common word («القاعدة»: a rule, a base) names its entity only
        with a cue word within _CUE_WINDOW words in the same clause («تنظيم», «زعيم»,
        «عناصر», quotes allowed between: «قائد «القاعدة»»); otherwise the mention is hidden
        (an exclusion still sees the word). A concept's cues are words of its topic, not of
        any military story: they reach further (_TOPIC_CUE_WINDOW), over a quantity
        («لتهريب كميات ضخمة من حبوب الكبتاغون»)."""
        if cues == (INTO_PLACE,):
            return self._into_place(hit, field)
        spans = field.spans
        window = _TOPIC_CUE_WINDOW if _concept(hit.variant) else _CUE_WINDOW
        wanted = self._cue_words(cues)
        if len(hit.variant.words) >= _LONG_HOMOGRAPH:
            # A name of three words is no common word in another sense, only a namesake
            # body's: its cue may stand past a comma, the press's pause between a subject and
            # its object («استهدف طيران تحالف دعم الشرعية، تجمعات للحوثيين»).
            return _said_around(hit, field, wanted, window, _sentence_joined(field))

        # A comma right before an indefinite mention may be the press's pause between a
        # verb's subject and its object («فرضت وزارة الخزانة الأمريكية، عقوبات»).
        pause = (
            _concept(hit.variant)
            and hit.first > 0
            and not field.words[hit.first].definite
            and _PAUSE.fullmatch(_gap(field, hit.first - 1)) is not None
        )

        def same_clause(k: int) -> bool:  # words k and k + 1
            if pause and k == hit.first - 1:
                return True
            joined = clauses.get(k)
            if joined is None:
                gap = _CLAUSE_BREAK.search(field.text, spans[k][1], spans[k + 1][0])
                joined = clauses[k] = gap is None
            return joined

        return _said_around(hit, field, wanted, window, same_clause)

    def _into_place(self, hit: _Hit, field: _Field) -> bool:
        """Does the mention go into a country: «في» right after it, or after an amount
        («استثمار أكثر من 7.9 مليار دولار في الإمارات»), and a country's name right after
        that (or after one word of title: «في دولة الإمارات»)? Any other word between tells
        what the «في» belongs to («ضخ استثمارات لتحسين الإنترنت في مصر», «استثمار الثروات
        الموجودة في الأردن»)."""
        words, spans, text = field.words, field.spans, field.text
        k = hit.last
        while k + 1 < len(words) and k - hit.last < _INTO_WINDOW:
            if _clause_break(text, spans[k][1], spans[k + 1][0]):
                return False
            k += 1
            if words[k].norm != "في":
                if _amount_word(words[k].norm):
                    continue
                return False
            for j in (k + 1, k + 2):
                if j >= len(words) or _clause_break(text, spans[j - 1][1], spans[j][0]):
                    break
                if self._place_word(words[j]) or self._place_phrase(words, j):
                    return True
        return False

    def _place_phrase(self, words: list[_Word], start: int) -> bool:
        """Does a country's name of two or three words start here («في الولايات المتحدة»)?"""
        table = self._table
        return any(
            table.names_place(tuple(word.norm for word in words[start : start + size]))
            for size in (2, 3)
            if start + size <= len(words)
        )

    def _place_word(self, word: _Word) -> bool:
        """Is this word, clitics aside, the one-word name of a country (not a city: «صندوق
        الرياض» is a fund)?"""
        table = self._table
        return any(
            table.is_place_id(entity)
            for stem in {word.norm, *(split.stem for split in word.splits)}
            for entity in table.word_entities(stem)
        )

    def _foreign_body(self, hit: _Hit, field: _Field) -> bool:
        """A body named by a descriptive phrase and followed by a country's singular adjective
        is that country's own body: «مجلس الأمن الروسي» is not the UN Security Council. Unless
        the country is the body's home (it covers it): «حزب الله اللبناني», «الحرس الثوري
        الإيراني». One-word names are left alone: after «قوات الناتو» the adjective may
        describe the forces («قوات الناتو الأمريكية»); their national namesakes are listed
        names instead («طالبان الباكستانية»). A name that ends in a place's adjective goes
        on listing them («العدوان السعودي الأمريكي الصهيوني»): the next is one more."""
        n = hit.last
        if not field.linked[n]:
            return False
        table = self._table
        if table.adjective_places(field.words[n].norm):
            return False
        entity = hit.variant.entity
        assert entity is not None  # a body is an entity
        return self._foreign_adjective(field.words[n + 1], entity)

    def _foreign_adjective(self, word: _Word, entity: str) -> bool:
        """Is this word a country's adjective, of a country that does not cover the entity
        («الروسي» after the UN's «مجلس الأمن»; not «اللبناني» after «حزب الله»)?"""
        table = self._table
        places = table.adjective_places(word.norm)
        return bool(places) and not any(table.covers(p, entity) for p in places)

    def _verify_phrase(self, variant: _Variant, field: _Field, i: int) -> _Hit | None:
        """Does the phrase of common words `variant` start at word i (whose keys meet its
        first word's)? Each next word is a form of the phrase's word, right after the previous
        one or after at most _MAX_GAP modifiers: words of the same clause (no punctuation
        between) that are not function words."""
        words, linked, quoted = field.words, field.linked, field.quoted
        last = i
        joined = False
        # A phrase that gives its words another sense for the whole article is a fixed term:
        # its construct («قانون العقوبات», a noun and the definite noun it is of) is written
        # whole, since words between make another construct («قانون رفع العقوبات» is a law
        # that lifts sanctions, no penal code).
        fixed = variant in self._senses
        for position, wanted in enumerate(variant.keys[1:], 1):
            k = last + 1
            # A noun with a pronoun is definite: its modifiers take the article
            # («برنامجها الصاروخي والنووي»).
            definite = words[last].definite or words[last].norm.endswith(_PRONOUNS)
            named = False
            possessor = False  # a definite name between: «قصف قوات الأسد»
            inside = False  # a quotation opened after the noun: a name («مجموعات "عرين الأسود"»)
            # Words of that name: they count apart from the gap of modifiers, since a name
            # is one thing however many its words («صاروخ "الشهيد حاج قاسم" الباليستي»).
            named_words = 0
            bridged = False  # crossed a preposition that links a construct (`_construct`)
            # A preposition of the phrase takes its object right after it: modifiers stand
            # after a noun, never between a preposition and its noun («فرض عقوبات على
            # مستوطنين متهمين» holds no «العقوبات على المتهمين»).
            governed = variant.words[position - 1] in FUNCTION_WORDS
            # The phrase's word is the definite genitive of the indefinite noun before it
            # («قصف الطائرات», «تجميد الأصول»): a construct, whose words stay together.
            genitive = (
                not governed
                and _definite(variant.words[position])
                and not _definite(variant.words[position - 1])
            )
            construct = False  # a fixed term's construct crossed words (see `fixed`)
            while True:
                if (
                    k >= len(words)
                    or k - last - 1 - named_words > _MAX_GAP
                    or named_words > _MAX_QUOTED
                    or not linked[k - 1]
                ):
                    return None
                word = words[k]
                # Opened right after the noun, closed by the next mark: a noun that stands
                # inside a quotation of its own does not open one on its way out.
                if quoted and k - 1 in quoted and (inside or k - 1 == last):
                    inside = not inside
                if word.keys & wanted:
                    if k == last + 1 and _conjoined(variant.words[position], word):
                        return None
                    if construct and not word.norm.startswith("لل"):
                        return None
                    if (
                        genitive
                        and k > last + 1
                        and (not word.definite or (words[last].definite and not bridged))
                        and word.norm[:1] != "ل"
                        and not all(_quantifier(w) for w in words[last + 1 : k])
                    ):
                        # A construct's noun takes its genitive right after it, or by «ل»:
                        # an indefinite noun past other words is the genitive of a noun
                        # between («قصف مصنع طائرات» bombs a plant of planes, no «قصف
                        # الطائرات»), unless only a number or «أي» stands between («تجميد أي
                        # أصول», «إنتاج 6 أسلحة نووية»); and a noun with the article heads no
                        # construct: what follows its modifiers is joined to it («التضخم
                        # الشديد والديون» holds no «تضخم الديون»).
                        return None
                    # After a possessor's name the phrase resumes with an agreeing
                    # (definite) word: «قصف قوات الأسد طيران الاستطلاع» holds no «قصف
                    # الطيران».
                    if possessor and not word.definite and not inside:
                        return None
                    if last == i and not bridged and self._clause(variant, words[i], word):
                        return None
                    if (
                        k > last + 1
                        and not bridged
                        and not word.named
                        and (
                            (word.norm.endswith("يه") and self._masculine(words[last]))
                            or (
                                word.norm.endswith("ي")
                                and variant.words[position] not in FUNCTION_WORDS
                                and _feminine_head(words[last])
                            )
                        )
                    ):
                        # Past a noun, an adjective whose gender the phrase's noun cannot take
                        # describes that noun: «استهداف قاعدة جوية» targets an air base, «عملية
                        # إنزال جوي» is an airborne landing, no air operation.
                        return None
                    if (
                        word.norm.endswith("ات")
                        and variant.words[position].endswith("ي")
                        and self._masculine(words[last])
                    ):
                        # A nisba's feminine plural never describes a masculine singular
                        # noun: it is a noun of its own («قصف لمصنع كيماويات» bombs a plant
                        # of chemicals, with no chemical bombing).
                        return None
                    joined = joined or (k > last + 1 and word.norm[:1] == "و")
                    break
                if governed:
                    return None
                if fixed and genitive and word.norm[:1] != "و":
                    # Only the «ل» of the genitive lets modifiers in («المسيرات المماثلة
                    # للتضامن» are still marches of solidarity), and a noun joined by «و»
                    # shares the construct («ركود وتجمع المياه»).
                    construct = True
                if inside and not word.barrier:
                    # Quoted words right after the noun name it, whatever their form: its
                    # modifier may follow the closing mark («جماعة "أبو سياف" المسلحة»).
                    named = True
                    named_words += 1
                    k += 1
                    continue
                # A modifier agrees with its noun in definiteness («وقف فوري وشامل»); a name
                # may stand between as the possessor, with its own adjective («برنامج كوريا
                # الشمالية النووي»); another noun may not («برنامج منع الانتشار النووي»), nor
                # a prepositional phrase («البيت باللون الأبيض»).
                if word.barrier:
                    # «أو» between two modifiers joins them: «برنامج صاروخي أو نووي»; «غير»
                    # and its adjective are one modifier («وقف غير معلن لإطلاق النار»), never
                    # the phrase's own next word negated («البرنامج غير النووي»).
                    if word.norm == "غير" and _negated_modifier(words, linked, k, wanted):
                        k += 1
                    elif (
                        word.norm in ("من", "في")
                        and linked[k]
                        and not words[k + 1].keys.isdisjoint(wanted)
                        and _construct(variant.words, position)
                        and (
                            words[last].definite
                            if word.norm == "في"
                            else named or (k == last + 1 and words[last].norm.endswith(_PRONOUNS))
                        )
                    ):
                        # A construct's noun says what of by a preposition once its place is
                        # taken: by «من» after its possessor («إنتاجها من النفط», «إنتاج
                        # السعودية من النفط»), by «في» after the article («الارتفاع المتزايد في
                        # أسعار السلع», «العجز في الموازنة»).
                        bridged = True
                    elif word.norm != "او" or k == last + 1:
                        return None
                elif (
                    word.norm[:1] == "و"
                    and len(word.norm) >= 6
                    and word.norm.endswith(_POSSESSIVES)
                ):
                    # Another noun joined with its own pronoun, never a modifier: «صواريخ
                    # إيران وبرنامجها النووي» are no nuclear missiles (a possessor may have
                    # one: «برنامج بلادهم للأسلحة النووية»).
                    return None
                elif not named and self._feminine_adjective(word) and self._masculine(words[last]):
                    # It describes another noun: «وزارة الدفاع الروسية القوات الجوية» holds no
                    # «الدفاع الجوي».
                    return None
                elif word.named:
                    named = True
                    # A definite name that is no adjective (a nisba ends in «ي»/«ية»:
                    # «وزير الدولة اللبناني لشؤون النازحين»).
                    possessor = possessor or (word.definite and not _definite_nisba(word))
                elif (
                    not (named and word.definite)
                    and word.definite != definite
                    and not _annexed(words, k, last)
                    and not _coordinated(words, linked, k, last, wanted)
                ):
                    return None
                # A word joined by «و» among the modifiers may head the rest: «الغارات الجوية
                # والعمليات البرية» holds no «الغارات البرية» that hides the air raids.
                joined = joined or word.norm[:1] == "و"
                k += 1
            last = k
        quality = variant.quality if last - i + 1 == len(variant.keys) else variant.quality * 0.95
        return _Hit(variant, field.spans[i][0], field.spans[last][1], quality, i, last, joined)

    def _clause(self, variant: _Variant, first: _Word, second: _Word) -> bool:
        """Are these two words of a text, forms of a phrase's first two, a clause rather than
        the phrase? A definite noun followed by an indefinite word: «البنوك هدفًا رئيسيًا»
        (banks are a main target) is no «بنك الأهداف», whose second word is definite; a «ل»
        may make the genitive («الأسعار العالمية للنفط»). The first word is definite only if
        its reading with the article is the phrase's word: «ألغام» is no «ال» + «غام»."""
        if not (
            first.definite
            and not second.definite
            and second.norm[:1] != "ل"
            and _definite(variant.words[1])
        ):
            return False
        wanted = variant.keys[0]
        return any(
            split.article and not self._morphology.token_keys(split.stem).isdisjoint(wanted)
            for split in first.splits
        )

    def _feminine_adjective(self, word: _Word) -> bool:
        """Is this word a feminine nisba adjective («الروسية», «الجوية»), not a name written
        like one («سورية»)?"""
        return word.norm.endswith("يه") and not any(
            self._table.known_word(split.stem) for split in word.splits
        )

    def _masculine(self, word: _Word) -> bool:
        """Is this word a masculine singular noun, one that a feminine adjective does not
        describe? Only when its form says so: no feminine, dual, plural or accusative ending,
        no pronoun, not a broken plural of the lexicon (a thing's plural takes a feminine
        adjective: «صواريخ إيرانية»)."""
        norm = word.norm
        for prefix in _DEFINITE_PREFIXES:
            if norm.startswith(prefix) and len(norm) - len(prefix) >= 3:
                norm = norm[len(prefix) :]
                break
        # A broken plural behind a proclitic is one too: «لبرامج إيران الصاروخية والنووية».
        plural = self._morphology.is_plural
        return (
            len(norm) >= 3
            and not norm.endswith(_NOT_MASCULINE_ENDINGS)
            and norm not in _FEMININE_NOUNS
            and not plural(norm)
            and not any(plural(split.stem) for split in word.splits)
        )

    def _verify(self, variant: _Variant, field: _Field, i: int, split: _Split) -> _Hit | None:
        """Does `variant`, a name of several words, occur at word i read as `split`? Also a
        one-word fuzzy name written as two words here (بيونغيانغ as «بيونغ يانغ»)."""
        if _article_refused(variant.article, split):
            return None
        words, spans, linked = field.words, field.spans, field.linked
        names = variant.words
        n = len(names)
        exact = split.stem == names[0]
        if split.tanween and not (exact and variant.article & _TANWEEN):
            return None
        if not exact:
            if not variant.budget:
                return None
            if split.skel != variant.skels[0]:
                if n == 1 and linked[i] and not split.article:
                    following = words[i + 1]
                    if split.skel + following.skel == variant.skels[0] and self._close(
                        split.stem + following.norm, variant
                    ):
                        quality = variant.quality * 0.9
                        return _Hit(variant, spans[i][0], spans[i + 1][1], quality, i, i + 1)
                return None
        if i + n > len(words):
            return None
        parts = [split.stem]
        for j in range(1, n):
            if not linked[i + j - 1]:
                return None
            word = words[i + j]
            if word.norm != names[j]:
                if not variant.budget or word.skel != variant.skels[j]:
                    return None
                exact = False
            parts.append(word.norm)
        quality = variant.quality
        if not exact:
            if not self._close("".join(parts), variant):
                return None
            quality *= 0.9
        return _Hit(variant, spans[i][0], spans[i + n - 1][1], quality, i, i + n - 1)

    def _close(self, written: str, variant: _Variant) -> bool:
        """A fuzzy candidate within budget, and not itself the name of another entity."""
        budget = variant.budget
        # A short word of the text is a word of the language, not a spelling of a name
        # («تركه», «تركة» are not «تركية»).
        if len(written) < _FUZZY_MIN_WRITTEN:
            return False
        name = "".join(variant.words)
        # A name shaped like an Arabic dual («طالبان») is not that word's other case
        # («لطالبين»: to two students), nor its sound plural.
        if name.endswith("ان") and written.endswith(("ين", "ون")) and written[:-2] == name[:-2]:
            return False
        # A Slavic family name's feminine is another person's, his wife's or daughter's
        # («زيلينسكا» of «زيلينسكي», «بتروفا» of «بتروف»), not a spelling of his.
        if (name.endswith("سكي") and written == name[:-1] + "ا") or (
            name.endswith(("وف", "يف")) and written == name + "ا"
        ):
            return False
        if Levenshtein.distance(written, name, score_cutoff=budget) > budget:
            return False
        others = self._table.word_entities(written)
        return not others or variant.entity in others

    # -- text analysis -------------------------------------------------------------------------

    def _read(self, text: str) -> _Field:
        """The words of a field, where they stand, and which follow each other closely."""
        # split() alternates the text between words and the words: one C call for all. The
        # rest is C loops too (map, accumulate, zip): a field has hundreds of words, nearly
        # all of them cached.
        # A web address («arabic.china.org.cn», «info@site.com») names no place: blanked out
        # of the words (spaces of its length keep the offsets).
        read = _HOSTNAME.sub(_blank, text) if "." in text and _HOSTNAME.search(text) else text
        parts = (_WORD_SPLIT if "_" not in read else _WORD_SPLIT_EXACT).split(read)
        # Substring tests first (C, no regex scan of every article): most texts have none.
        dotted = (".." in text or "\u0640." in text or ".\u0640" in text) and _DOTTED.search(
            text
        ) is not None
        # «تحـ ـريـ ـر الشـ ـام», «حمـ .اس»; a proclitic drawn out apart from its word: «لـ إيران».
        spaced = "\u0640 " in text and _SPACED.search(text) is not None
        if dotted or spaced:
            parts = _undot(parts)
        if _lost_space(text):
            parts = _unglue(parts)
        raws = parts[1::2]
        if dotted or spaced:  # read without the dots; `parts` keep them, so offsets add up
            raws = [
                raw.replace(".", "").replace(" ", "") if "." in raw or " " in raw else raw
                for raw in raws
            ]
        if self._words_version != self._version:
            self._words, self._words_version = {}, self._version
        words: list[_Word] = list(map(self._words.get, raws))  # type: ignore[arg-type]
        # Words without letters once normalized (a lone diacritic) are not cached: a gap.
        blank = False
        if None in words:
            words = [word or self._word(raw) for word, raw in zip(words, raws, strict=True)]
            blank = _BLANK in words
        ends = list(accumulate(map(len, parts)))  # of each part: word n is part 2n + 1
        spans = list(zip(ends[0::2], ends[1::2], strict=False))  # one start more: the tail's
        gaps = parts[2::2]  # after each word
        if blank:
            kept = [n for n, word in enumerate(words) if word is not _BLANK]
            words = [words[n] for n in kept]
            spans = [spans[n] for n in kept]
            gaps = [text[a[1] : b[0]] for a, b in pairwise(spans)] + [""]
        # Only spaces or dashes between: the two may belong to one phrase. Most gaps are one
        # space; the others are read by _GAP.
        linked = list(map(" ".__eq__, gaps))
        last = len(linked) - 1
        n = -1
        quoted: set[int] = set()
        while (n := _index(linked, False, n + 1, last)) >= 0:
            linked[n] = _GAP.fullmatch(gaps[n]) is not None
            if linked[n] and not _QUOTE_MARKS.isdisjoint(gaps[n]):
                quoted.add(n)
        if linked:
            linked[last] = False  # after the last word
        # Padded: a look ahead of up to _MAX_GAP + 1 words stops here without a bound check.
        linked += [False] * (_MAX_GAP + 2)
        return _Field(text, words, spans, linked, frozenset(quoted))

    def _word(self, raw: str) -> _Word:
        """A word of the text as the index holds it now (`_Word`), into the caches."""
        analyses = self._analyses
        if len(analyses) > 100_000:  # news vocabulary is bounded; a flood is not
            analyses.clear()
            self._words.clear()
        analysis = analyses.get(raw)
        if analysis is None:
            analysis = analyses[raw] = self._analyze(raw)
        if not analysis.norm:
            return _BLANK
        word = self._words[raw] = self._look_up(analysis)
        return word

    def _look_up(self, word: _Word) -> _Word:
        """What the index holds for a word: looked up once, until the index changes."""
        alone = self._alone(word)
        plain = tuple(a for a in alone if a[0].uses and not a[0].blocker and not a[0].checks)
        special = tuple(a for a in alone if a not in plain)
        longer = self._longer_of(word)
        follow = self._follow(word)
        busy = bool(alone or longer or follow or word.landmark or word.unit or word.outlet)
        return replace(
            word,
            alone=plain,
            alone_special=special,
            longer=longer,
            after=frozenset(longer),
            follow=follow,
            needs=frozenset(follow),
            busy=busy,
        )

    def _alone(self, word: _Word) -> tuple[tuple[_Variant, float], ...]:
        """One-word variants the word is a mention of by itself, with the mention's quality:
        the name as written (clitics aside), its accusative, a spelling within budget, and
        the one-word phrases of common words with a key of the word."""
        buckets = self._buckets
        found: dict[_Variant, float] = {}
        for split in word.splits:
            candidates = buckets.get(split.stem, ())
            # One-word fuzzy variants have skeletons of four letters or more.
            if len(split.skel) >= 4:
                candidates += buckets.get(split.skel_key, ())
            for variant in candidates:
                if variant in found:
                    continue
                if variant.article & _DERIVED and _bare_preposition(word.norm, split):
                    continue
                if _article_refused(variant.article, split):
                    continue
                if split.stem == variant.words[0]:
                    if split.tanween and not variant.article & _TANWEEN:
                        continue
                    found[variant] = variant.quality
                elif (
                    not split.tanween
                    and variant.budget
                    and split.skel == variant.skels[0]
                    and self._close(split.stem, variant)
                ):
                    found[variant] = variant.quality * 0.9
        for key in word.keys:
            for variant in buckets.get(_PHRASE_KEY + key, ()):
                found.setdefault(variant, variant.quality)
        return tuple((v, quality) for v, quality in found.items() if v.uses or v.blocker)

    def _longer_of(self, word: _Word) -> dict[str, tuple[tuple[_Split, _Variant], ...]]:
        """Names of several words (and one-word fuzzy names written as two) that may start
        with this word, by what the next word must be (`_Word.longer`)."""
        buckets, heads, joined = self._buckets, self._heads, self._joined
        found: dict[str, list[tuple[_Split, _Variant]]] = {}

        def put(split: _Split, next_key: str, bucket_key: str) -> None:
            for variant in buckets.get(bucket_key, ()):
                if _starts_here(variant, split, word.norm):
                    found.setdefault(next_key, []).append((split, variant))

        for split in word.splits:
            for second in heads.get(split.stem, ()):
                put(split, second, f"{split.stem} {second}")
            for second in heads.get(split.skel_key, ()):
                put(split, _SKELETON_KEY + second, f"{split.skel_key} {second}")
            if not split.article:
                # The rest of a one-word fuzzy name's skeleton, written as the next word.
                cut = len(split.skel)
                for name in joined.get(split.skel[:3], ()):
                    if len(name) > cut and name.startswith(split.skel):
                        put(split, _SKELETON_KEY + name[cut:], _SKELETON_KEY + name)
        return {key: tuple(pairs) for key, pairs in found.items()} if found else _NO_LONGER

    def _follow(self, word: _Word) -> dict[str, tuple[_Variant, ...]]:
        """Second-word key → phrases of common words whose first word has a key of this word."""
        found = [self._second[k] for k in word.keys if k in self._second]
        if len(found) <= 1:
            return found[0] if found else _NO_FOLLOW
        merged: dict[str, tuple[_Variant, ...]] = {}
        for follow in found:
            for key, variants in follow.items():
                merged[key] = (*merged.get(key, ()), *variants)
        return merged

    def _analyze(self, raw: str) -> _Word:
        """The ways a word may be read: as is, and without each proclitic chain it starts with."""
        norm = normalize(raw)
        if norm[:1].isdigit() or norm[-1:].isdigit():
            # A number glued to a word («4العراق» in a scraped «list 4 of 4» counter,
            # «2024الحرب») is read apart: the word is what it is with a space between.
            norm = _GLUED_NUMBER.sub("", norm) or norm
        table = self._table
        whole, *stripped = _readings(norm, 2)
        splits = [whole]
        nouns = self._morphology.knows
        known = [norm] if table.known_word(norm) or nouns(norm) else []
        for split in stripped:
            stem = split.stem
            # A known name keeps its letters: «بكين» is not ب + كين (the article may still go);
            # so does a noun of the lexicon: «بطاقة» (a card) is not ب + طاقة.
            if hidden_reading(known, stem):
                continue
            splits.append(split)
            if table.known_word(stem) or nouns(stem):
                known.append(stem)
        # «صاروخًا»: the accusative alef after a consonant; only common nouns accept this reading.
        # «إيرانيًّا»: after the nisba yeh; only nisba adjectives accept that one.
        splits += [
            _split(split.stem[:-1], split.article, tanween=True)
            for split in splits
            if len(split.stem) >= 4
            and split.stem[-1] == "ا"
            and (split.stem[-2] not in _VOWEL_ENDINGS or split.stem[-2] == "ي")
        ]
        named = any(table.known_word(split.stem) for split in splits)  # the whole word too
        if not named and len(norm) >= 7:
            two = _two_names(norm, table)
            splits += two
            named = bool(two)
        # A name, or a name's adjective standing as one («ميليشيا الحوثي الإرهابية»): the
        # possessor a phrase of common words may hold between its words (`_verify_phrase`).
        named = named or any(table.known_derived(split.stem) for split in splits)
        # So is a body the press names by a bare word in its context («ضربات التحالف الجوية»).
        named = named or any(
            split.article and table.is_context_stem(split.stem) for split in splits
        )
        # A known name keeps its letters here too: «بعقوبة» is a city, not ب + عقوبة.
        keys = frozenset((norm,)) if table.known_word(norm) else self._morphology.token_keys(norm)
        # A word of the lexicon that starts like a preposition and the article is that word:
        # «باليستي» (ballistic) is an indefinite modifier, no ب + ال + a stem.
        prepositional = norm.startswith(_PREPOSITION_ARTICLE)
        whole_word = prepositional and self._morphology.keeps_letters(norm)
        barrier = norm in FUNCTION_WORDS or (prepositional and not whole_word)
        # Singular and without the article: «شارع فلسطين», «بشارع مصر»; not «الشارع المصري»
        # nor «شوارع غزة» (the streets of Gaza).
        landmark = any(split.stem in _LANDMARKS and not split.article for split in splits)
        unit = any(split.stem in _UNITS and not split.article for split in splits)
        # An outlet noun bare of the article; or the agency, whose country may follow it
        # («الوكالة الفرنسية للأنباء», `_title_end`).
        outlet = any(
            split.stem in _OUTLETS and (not split.article or split.stem == _AGENCY)
            for split in splits
        )
        return _Word(
            norm,
            whole.skel,
            whole.skel_key,
            frozenset((norm, whole.skel_key)),
            tuple(splits),
            keys,
            named,
            _definite(norm) and not whole_word,
            barrier,
            (),
            (),
            _NO_LONGER,
            _NO_KEYS,
            _NO_FOLLOW,
            _NO_KEYS,
            False,
            landmark,
            unit,
            outlet,
        )


# Words after which a bare noun is an act, not a body: «التحالف مع روسيا», «التحالف بين».
_PAIRING = frozenset(("مع", "بين"))
# Demonstratives (normalized): the noun after one refers back to what the text has just named.
_DEMONSTRATIVES = frozenset(("هذا", "هذه", "ذلك", "تلك", "وهذا", "وهذه", "وذلك", "وتلك"))


def _amount_word(norm: str) -> bool:
    """Is this normalized word part of an amount of money («أكثر من 7.9 مليار دولار»)?"""
    return norm.isdigit() or norm in _AMOUNT_WORDS or norm[1:] in _AMOUNT_WORDS


def _clause_break(text: str, start: int, end: int) -> bool:
    """Does the gap text[start:end] between two words break the clause? Not the point or
    comma of a number («15.2 مليار»): its digits are the words on either side."""
    return _NUMBER_SAFE_BREAK.search(text[max(0, start - 1) : end + 1]) is not None


def _said_around(
    hit: _Hit, field: _Field, wanted: frozenset[str], window: int, joined: Callable[[int], bool]
) -> bool:
    """Does a word within `window` words of the mention, on either side, have one of these
    keys? The scan stops at a gap `joined(k)` refuses (between words k and k + 1)."""
    words = field.words
    k = hit.first
    while k > 0 and hit.first - k < window and joined(k - 1):
        k -= 1
        if words[k].keys & wanted:
            return True
    k = hit.last
    while k + 1 < len(words) and k - hit.last < window and joined(k):
        k += 1
        if words[k].keys & wanted:
            return True
    return False


def _in_sentence(hit: _Hit, field: _Field, wanted: frozenset[str]) -> bool:
    """Does a word of the mention's sentence (up to _SENTENCE_REACH words each way) have one
    of these keys?"""
    return _said_around(hit, field, wanted, _SENTENCE_REACH, _sentence_joined(field))


def _sentence_joined(field: _Field) -> Callable[[int], bool]:
    """Are words k and k + 1 of the field in one sentence (`_said_around`'s gap test)?"""
    spans, text = field.spans, field.text

    def same_sentence(k: int) -> bool:
        return _SENTENCE_END.search(text, spans[k][1], spans[k + 1][0]) is None

    return same_sentence


_SENTENCE_END = re.compile(r"[.!?؟\n]|\s{3,}")  # a run of spaces: a strip of headlines
_SENTENCE_REACH = 40  # words each way: a sentence of a news report


def _reach(field: _Field, i: int) -> int:
    """Past the last word where a phrase starting at word i may have its second word: after
    _MAX_GAP modifiers, or a quoted name's words too when a quotation opens right after it."""
    return i + 2 + _MAX_GAP + (_MAX_QUOTED if i in field.quoted else 0)


def _says(field: _Field, phrase: tuple[str, ...]) -> bool:
    """Does the field hold the phrase's words (their stems) in a row, clitics aside?"""
    words, linked, size = field.words, field.linked, len(phrase)
    last = len(words) - size
    for i in _stems_at(field).get(phrase[0], ()):
        if i > last:
            break
        if all(
            linked[i + k] and any(split.stem == phrase[k + 1] for split in words[i + k + 1].splits)
            for k in range(size - 1)
        ):
            return True
    return False


def _keys_of(field: _Field) -> set[str]:
    """The morphological keys of all the field's words, gathered once a field (as `_stems_at`)."""
    keys = field.keys
    if not keys:
        keys.update(*(word.keys for word in field.words))
    return keys


def _stems_at(field: _Field) -> dict[str, list[int]]:
    """Where each stem (of any reading) stands in the field, in order: built once a field,
    since an article may be asked for several phrases and a scan of every word for each one
    was half the time of matching at 10k keywords."""
    at = field.stems
    if not at:
        for i, word in enumerate(field.words):
            for split in word.splits:
                where = at.setdefault(split.stem, [])
                if not where or where[-1] != i:
                    where.append(i)
    return at


def _definite_nisba(word: _Word) -> bool:
    """Is this word a definite nisba adjective («الوطني», «الصينية»)?"""
    return word.definite and word.norm.endswith(("ي", "يه"))


def _heads_phrase(hit: _Hit, field: _Field) -> bool:
    """Does this bare name of its context head a phrase of its own: another body named by a
    nisba after a one-word name («التحالف الوطني», «التحالف الكردستاني»), or an alliance
    made with someone («التحالف مع إيران»)? Or does a demonstrative before it point back to
    another one («ويضم هذا التحالف فصائل»)?"""
    first = hit.first
    if first > 0 and field.linked[first - 1] and field.words[first - 1].norm in _DEMONSTRATIVES:
        return True  # «هذا التحالف»: the alliance the text has just named, whichever it is
    n = hit.last
    if not field.linked[n]:
        return False
    after = field.words[n + 1]
    if after.norm in _PAIRING:
        return True
    # A name of several words says which alliance it is: the nisba after it lists its
    # members («تحالف العدوان الأمريكي السعودي»).
    return hit.first == n and _definite_nisba(after) and not after.barrier


def _gap(field: _Field, n: int) -> str:
    """The text between word n and the next one (to the field's end after the last word)."""
    spans = field.spans
    return field.text[spans[n][1] : spans[n + 1][0] if n + 1 < len(spans) else None]


def _title_end(field: _Field, i: int, places: Callable[[str], set[str]]) -> int:
    """The last word of the quoted name right after the outlet noun at word i («موقع "سوق
    المال"»): the first word a quote mark closes, within `_TITLE_WORDS` words of one clause;
    -1 where no quote opens right after the noun or none closes it."""
    linked, words = field.linked, field.words
    last = len(field.spans) - 1
    agency = any(split.stem == _AGENCY for split in words[i].splits)
    if agency and (nisba := _agency_country(field, i)) > 0:
        return nisba
    if words[i].definite:
        return -1  # «وقالت الوكالة "..."» quotes what the agency said
    if i < last and linked[i] and words[i + 1].norm == "انباء":
        i += 1  # a news agency: «وكالة أنباء "إيتار تاس" الروسية»
    if i == last or _OPENING_QUOTES.isdisjoint(_gap(field, i)):
        return -1
    for j in range(i + 1, min(i + 1 + _TITLE_WORDS, last + 1)):
        if not _QUOTE_MARKS.isdisjoint(_gap(field, j)):
            # A paper's or a channel's country after its name still counts: readers count
            # the country (10 of 13 probe texts where it was the only mention: «شبكة "سي إن
            # إن" الأميركية»). A news agency's is a credit, as «وكالة الأنباء الفرنسية» is
            # («وكالة "تاس" الروسية»), and another adjective says what the outlet covers
            # («صحيفة "فايننشال تايمز" الاقتصادية»).
            after = field.words[j + 1] if j < last and linked[j] else None
            nisba = (
                after is not None and _definite_nisba(after) and (agency or not places(after.norm))
            )
            return j + 1 if nisba else j
        if not linked[j]:
            break
    return -1


def _agency_country(field: _Field, i: int) -> int:
    """The country's adjective that names the news agency at word i («وكالة الأنباء
    الفرنسية», «وكالة الصحافة الفرنسية», «الوكالة الفرنسية للأنباء»): an agency quoted, not
    news of its country; -1 if none."""
    linked, words = field.linked, field.words
    last = len(words) - 1
    k = i + 1
    if k <= last and linked[i] and words[k].norm in _AGENCY_NEWS:
        if k == last or not linked[k] or not _definite_nisba(words[k + 1]):
            return -1
        return k + 1
    if (
        k < last
        and linked[i]
        and linked[k]
        and _definite_nisba(words[k])
        and words[k + 1].norm == "للانباء"
    ):
        return k
    return -1


_AGENCY = "وكاله"
_AGENCY_NEWS = frozenset(("انباء", "الانباء", "الصحافه"))  # «وكالة الأنباء», «وكالة الصحافة»
_DASHES = "-–—ـ"
_DATELINE_AFTER = _DASHES + "(:"  # a dash, an opening bracket («القاهرة (رويترز) -»), a colon
_DATELINE_BEFORE = "\n.!?؟" + _DASHES  # a line's or a sentence's start, or a byline's dash


def _datelined(field: _Field, first: int, last: int) -> bool:
    """Are words first..last a dateline's place («القاهرة - أ ش أ», «أحمد جودة - القاهرة -»):
    at a line's or sentence's start or after a byline's dash, with a dash or an opening
    bracket right after them? The place the article was written, not what it is about;
    readers do not count it for the country («القاهرة: ...», a capital speaking, still does)."""
    after = _gap(field, last).lstrip(" \t")
    if not after or after[0] not in _DATELINE_AFTER:
        return False
    if not first:
        return after[0] != ":"  # the field's first word; «القاهرة:» is the capital speaking
    before = _gap(field, first - 1).rstrip(" \t")
    if after[0] == ":":
        # After a byline's dash a colon ends the dateline too («أحمد علي- سبق- القاهرة:»).
        return bool(before) and before[-1] in _DASHES
    return bool(before) and before[-1] in _DATELINE_BEFORE


def _index(values: list[bool], value: bool, start: int, stop: int) -> int:
    """list.index in values[start:stop], or -1."""
    try:
        return values.index(value, start, stop)
    except ValueError:
        return -1


def _starts_here(variant: _Variant, split: _Split, norm: str) -> bool:
    """May `variant` start at a word read as `split` (its article, clitics and accusative
    alef allowed), whatever follows?"""
    if _article_refused(variant.article, split):
        return False
    # A preposition bare of the article goes on no adjective («لكوري شمالي»), but on the noun
    # heading a derived phrase it does («لنظام الأسد», «لخادم الحرمين الشريفين»).
    if (
        variant.article & _DERIVED
        and variant.words[0].endswith("ي")
        and _bare_preposition(norm, split)
    ):
        return False
    exact = split.stem == variant.words[0]
    return not split.tanween or (exact and bool(variant.article & _TANWEEN))


def _article_refused(mode: int, split: _Split) -> bool:
    """Does the variant's article mode refuse this reading (with or without the article)?"""
    if split.article:
        return mode & 3 == _FORBID
    return mode & 3 == _REQUIRE


def _given_name(hit: _Hit, field: _Field) -> bool:
    """Is this country's adjective, also a given name, a person's name here? After a
    definite word it cannot be that word's adjective (adjectives agree in definiteness:
    «الأمير تركي الفيصل»), after a foreign name particle it is a surname («دي روسي»), and
    at the start of a clause or after a reporting verb, followed by a definite word, it is a
    first name before a family name («تركي الفيصل قال», «قال تركي الدخيل»), and before a
    word of lineage or after one it is always one («تركي بن محمد», «تركي آل الشيخ», «فيصل بن
    تركي»). Indefinite singular
    adjectives only (تركي، روسي): after a reporting verb a definite one may be a family name
    («قال السوداني») or the country's side («أضاف الكويتي»), and is left counting."""
    n = hit.first
    if n != hit.last:
        return False
    words, linked = field.words, field.linked
    norm = words[n].norm
    if not norm.endswith("ي") or _definite(norm):
        return False
    # A quote or bracket before it opens a phrase of its own: «بالقاعة (مصري الجنسية)».
    before = (
        words[n - 1].norm
        if n > 0
        and linked[n - 1]
        and _QUOTE.search(field.text, field.spans[n - 1][1], field.spans[n][0]) is None
        else None
    )
    after = words[n + 1].norm if linked[n] else None
    # Before a word of lineage, or after one: «تركي بن محمد», «عبدالعزيز بن تركي».
    if after in _LINEAGE or (before in _LINEAGE and before != "ال"):
        return True
    if before is not None and (_definite(before) or before in _NAME_PARTICLES):
        return True
    # Opening a clause, or right after a reporting verb, before a family name.
    opening = (
        before is None
        or before in _REPORTING_VERBS
        or (before[:1] in ("و", "ف") and before[1:] in _REPORTING_VERBS)
    )
    # A definite feminine noun after it says in what it is so («تركي الجنسية»), and so do the
    # nouns of make and origin («روسي الصنع», «مصري الأصل»): no family name.
    if (
        opening
        and after is not None
        and _definite(after)
        and not after.endswith("يه")
        and after not in _MAKE_NOUNS
    ):
        return True
    # The subject of a reporting verb saying something is a person («أجاب تركي "..."»,
    # «وأكد تركي أن»): an adjective is no subject without its noun.
    return (
        before is not None
        and opening
        and after is not None
        and (after in _THAT or n in field.quoted)
    )


# Nouns of make and origin (normalized) after a people's adjective: it is the country's.
_MAKE_NOUNS = frozenset(("الصنع", "الاصل", "المولد", "المنشا"))


# «أبو» with its clitics, normalized: a first name and an adjective after it make a kunya.
_ABU = frozenset(("ابو", "وابو", "فابو", "لابو", "بابو"))
# Places named «أبو X» (Abu Dhabi, Abu Ghraib, Abu Kamal): an adjective after them is theirs.
_ABU_PLACES = frozenset(("ظبي", "غريب", "كمال"))


def _kunya(hit: _Hit, field: _Field) -> bool:
    """Is this masculine adjective of a people the end of a nom de guerre or a kunya: «أبو»,
    a first name, then the adjective («أبو أسامة العراقي», «أبو حمزة المصري»)? It names the
    man, not his country."""
    n = hit.first
    if n != hit.last or n < 2:
        return False
    words, linked = field.words, field.linked
    norm = words[n].norm
    if not (linked[n - 2] and linked[n - 1]) or not norm.endswith("ي") or not _definite(norm):
        return False
    name = words[n - 1].norm
    return words[n - 2].norm in _ABU and not _definite(name) and name not in _ABU_PLACES


# Words for a language, normalized: the adjective after them names it («باللغة الروسية»).
_LANGUAGE_NOUNS = frozenset(("اللغه", "باللغه", "لغه", "واللغه", "للغه", "بلغه"))


def _language(hit: _Hit, field: _Field) -> bool:
    """Is this feminine adjective of a people the name of its language? With «ب» on the
    adjective itself it modifies no noun before it: it is the language a thing is said or
    written in («ناطقة بالروسية», «تحدث بالفرنسية»); after a word for language it names
    one («باللغة الروسية»). Neither is news of the country."""
    n = hit.first
    if n != hit.last:
        return False
    norm = field.words[n].norm
    if not norm.endswith("يه"):
        return False
    if norm.startswith(("بال", "وبال", "فبال")):
        return True
    if n > 0 and field.linked[n - 1] and field.words[n - 1].norm in _LANGUAGE_NOUNS:
        return True
    # A list of such adjectives with no noun, English among them, is a list of languages
    # («الفرنسية، الإنجليزية، الروسية، الصينية»): English is no people's adjective the press
    # uses for a country.
    listed = _listed_adjectives(field, n)
    return len(listed) > 1 and any(
        field.words[k].norm.removeprefix("و") in _LANGUAGE_ONLY for k in listed
    )


# English, normalized: a language, never a country's adjective in the press (British is
# «البريطانية»).
_LANGUAGE_ONLY = frozenset(("الانجليزيه", "الانكليزيه"))
_LIST_GAP = re.compile(r"\s*[،,]?\s*")


def _listed_adjectives(field: _Field, n: int) -> list[int]:
    """The definite feminine adjectives listed with word n, itself one: next to each other,
    apart by a comma or joined by «و»."""
    words, spans, text = field.words, field.spans, field.text

    def adjective(k: int) -> bool:
        norm = words[k].norm.removeprefix("و")
        return norm.startswith("ال") and norm.endswith("يه")

    def apart(k: int) -> bool:  # only a comma or spaces between words k and k + 1
        return _LIST_GAP.fullmatch(text, spans[k][1], spans[k + 1][0]) is not None

    listed = [n]
    k = n - 1
    while k >= 0 and len(listed) < 12 and apart(k) and adjective(k):
        listed.append(k)
        k -= 1
    k = n + 1
    while k < len(spans) and len(listed) < 12 and apart(k - 1) and adjective(k):
        listed.append(k)
        k += 1
    return listed


def _glued(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """A name of two or three words whose later words take the article, glued into one
    («الولايات المتحدة» → «الولاياتالمتحدة»), or None. `words[0]` is without its article."""
    if 1 < len(words) <= 3 and all(w.startswith("ال") and len(w) > 3 for w in words[1:]):
        return ("".join(words),)
    return None


def _compound_spelling(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The other spelling of the Arabic compound names in a name's words, or None: «عبد»
    before a definite word and a word before «الله» joined («عبد الملك» → «عبدالملك»,
    «نصر الله» → «نصرالله»), joined ones split («عبدالله» → «عبد الله»)."""
    out: list[str] = []
    n = 0
    while n < len(words):
        word = words[n]
        after = words[n + 1] if n + 1 < len(words) else ""
        if (word == "عبد" and after.startswith("ال")) or (after == "الله" and len(word) >= 3):
            out.append(word + after)
            n += 2
            continue
        if word.startswith("عبدال") and len(word) > 6:
            out += ["عبد", word[3:]]
        elif word.endswith("الله") and len(word) >= 7:
            out += [word[:-4], "الله"]
        else:
            out.append(word)
        n += 1
    other = tuple(out)
    return other if other != words else None


def _new_subscription(
    head: tuple[int, str],
    slots: Sequence[tuple[_Variant, ...]],
    required: int,
    anchor: int,
    *,
    near: bool,
    companion: bool = False,
    chain: bool = False,
    placed: bool = False,
) -> _Subscription:
    """A subscription of these terms' forms (required ones first)."""
    bounds = [0]
    for variants in slots:
        bounds.append(bounds[-1] + len(variants))
    return _Subscription(
        head,
        required,
        tuple(v for variants in slots for v in variants),
        tuple(bounds) if len(slots) > 1 else (),
        anchor,
        near=near,
        companion=companion,
        chain=chain,
        placed=placed,
    )


def _partners(subscription: _Subscription, anchor: _Variant) -> tuple[_Variant, ...]:
    """The forms `anchor`'s dispatch of a subscription of several terms is keyed by: those
    of its first required term besides the anchor's, or the anchor itself if it has none."""
    terms = subscription.terms()
    for n in range(subscription.required):
        if n != subscription.anchor:
            return terms[n]
    return (anchor,)


def _mentions(entries: Sequence[_VariantHits]) -> int:
    """The distinct places the entries' variants are mentioned at: one word may be a form of
    two of a subscription's terms."""
    if len(entries) == 1:
        return len(entries[0].starts)  # the common case, without a set: starts are distinct
    return len(set().union(*map(_STARTS, entries)))


def _terms_found(
    subscription: _Subscription,
    shown: dict[_Variant, _VariantHits],
    hidden: dict[_Variant, _VariantHits],
) -> list[list[_VariantHits]] | None:
    """The mentions of each required term of a subscription, or None if a term is missing or
    an excluded one is mentioned (even hidden inside a longer name: the word is there). The
    anchor term, which dispatched the subscription, and its next required term are found
    (`_Variant.joint`); the others are checked first."""
    terms = subscription.terms()
    seen, unseen = shown.keys(), hidden.keys()
    for n, variants in enumerate(terms):
        if n == subscription.anchor:
            continue
        if n < subscription.required:
            if seen.isdisjoint(variants):
                return None
        elif not (seen.isdisjoint(variants) and unseen.isdisjoint(variants)):
            return None
    return [
        [shown[v] for v in variants if v in shown] for variants in terms[: subscription.required]
    ]


def _best_of_terms(terms: list[list[_VariantHits]]) -> _VariantHits:
    """The best mention of any term; on a tie, that of the term mentioned first, and within
    a term its first best mention."""
    bests = [
        (max(entries, key=lambda e: (*e.rank, -e.order)), min(e.order for e in entries))
        for entries in terms
    ]
    return max(bests, key=lambda best: (*best[0].rank, -best[1]))[0]


def _blocks(block: str | None, mentioned: str | None, table: AliasTable) -> bool:
    """Does a longer name or phrase hide a mention inside it? A phrase in which an entity's
    or a concept's name means something else (entity «!ID») hides that one's names only; a
    name hides everything but the entities that cover it."""
    if block is not None and block.startswith(_NOT_PREFIX):
        return mentioned in (block[1:], _CONCEPT_PREFIX + block[1:])
    return not table.covers(mentioned, block or "")


def _coordinated_inside(block: _Hit, variant: _Variant, start: int, end: int) -> bool:
    """Is this phrase of several words, from where a phrase of another sense starts, read
    through the modifiers between that phrase's words, with a word joined by «و» among them
    (`_Hit.joined`)? «غاراته الجوية والبرية» are air raids and ground raids, and in «الغارات
    الجوية والعمليات البرية» the ground word is the operations'; «الغارات البرية» hides
    neither's air raids."""
    return (
        start == block.start
        and end < block.end
        and len(variant.keys) > 1
        and block.joined
        and (block.variant.entity or "").startswith(_NOT_PREFIX)
    )


def _construct(words: tuple[str, ...], position: int) -> bool:
    """May this phrase word be a noun in construct with the word before («إنتاج النفط»)?
    Definite, or itself the head of the next («ارتفاع أسعار السلع»), and no nisba adjective
    («البرنامج النووي»). A participle is not told apart («الطائرات المسيرة»): no text puts
    «من» or «في» before one of its noun's."""
    word = words[position]
    if word.endswith(("ي", "يه")):
        return False
    return _definite(word) or position < len(words) - 1


def _concept(variant: _Variant) -> bool:
    """Is it a form of a concept's (not an entity's)?"""
    return variant.entity is not None and variant.entity.startswith(_CONCEPT_PREFIX)


def _annexed(words: list[_Word], k: int, last: int) -> bool:
    """Is word k the noun an adjective of range or term before it takes («وقف قصير الأجل
    لإطلاق النار», «صواريخ بعيدة المدى»): definite after an indefinite modifier?"""
    return k - 1 > last and words[k].norm in _ANNEXED and not words[k - 1].definite


def _coordinated(
    words: list[_Word], linked: list[bool], k: int, last: int, wanted: frozenset[str]
) -> bool:
    """Is word k, right after the phrase's noun, a first complement that the phrase's next
    word is joined to by «و» or «أو» («تجارة المخدرات أو الأسلحة», «تهريب المخدرات
    والسلاح»): both of one definiteness, so that the noun governs each of them?"""
    if k != last + 1 or not linked[k] or k + 1 >= len(words):
        return False
    joined = words[k + 1]
    if joined.norm == "او":
        if k + 2 >= len(words) or not linked[k + 1]:
            return False
        joined = words[k + 2]
    elif joined.norm[:1] != "و":
        return False
    return bool(joined.keys & wanted) and joined.definite == words[k].definite


def _negated_modifier(
    words: list[_Word], linked: list[bool], k: int, wanted: frozenset[str]
) -> bool:
    """Does «غير» at word k negate a modifier right after it, one that is not the word a
    phrase needs next (`MatchIndex._verify_phrase`)?"""
    following = words[k + 1] if linked[k] and k + 1 < len(words) else None
    return following is not None and not following.barrier and not following.keys & wanted


def _two_names(norm: str, table: AliasTable) -> list[_Split]:
    """Readings of a word that is two known names whose space a page lost, joined by «و» or
    not («امريكاوايران», «روسيااوكرانيا»): each name with its clitics, so that both are
    mentioned. Both halves must be names of three letters or more."""
    for cut in range(3, len(norm) - 2):
        left, right = norm[:cut], norm[cut:]
        if right.startswith("و") and len(right) > 3 and not table.known_word(right):
            right = right[1:]
        lefts = [s for s in _readings(left, 3) if table.known_word(s.stem)]
        rights = [s for s in _readings(right, 3) if table.known_word(s.stem)]
        if lefts and rights:
            return lefts + rights
    return []


def _readings(word: str, min_stem: int) -> list[_Split]:
    """A word as is, then without each proclitic chain it starts with that leaves at least
    `min_stem` letters, in the order of `_PREFIXES`."""
    readings = [_split(word, False)]
    for prefix, article in _PREFIXES[1:]:
        if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
            readings.append(_split(word[len(prefix) :], article))
    return readings


def _undot(parts: list[str]) -> list[str]:
    """Text parts (see `_unglue`) with the words a page broke with dots to slip past filters
    joined again, dots and all («القاع..دة», «الحـ.ـوثي»), or with a space between tatweels
    («تحـ ـريـ ـر»), and a proclitic drawn out apart from its word («لـ إيران»). One dot
    alone between letters is a lost space after a full stop («الاجتماع.وقال»), and stays a
    gap."""
    out = [parts[0]]
    carried = ""  # the pieces so far of a word broken with dots, dots and all
    for n in range(1, len(parts), 2):
        word, gap = carried + parts[n], parts[n + 1]
        following = parts[n + 2] if n + 2 < len(parts) else ""
        if (
            (
                gap == " "
                and word[-1] == "\u0640"
                and (following[:1] == "\u0640" or _DETACHED.fullmatch(word) is not None)
                and following[:1] in _LETTERS
            )
            or (
                # A drawn-out letter, a space and a dot glued to the rest: «حمـ .اس».
                gap == " ." and word[-1] == "\u0640" and following[:1] in _LETTERS
            )
            or (
                gap in _DOTS
                and following
                and word[-1] in _LETTERS
                and following[0] in _LETTERS
                # A tatweel beside the dot, or two dots before a fragment of a word: between two
                # whole words they are an ellipsis («الاجتماع..الحوثي»), and so they are after a
                # letter that only ends a word («السعودية..فتح مركز»).
                and (
                    word[-1] == "\u0640"
                    or following[0] == "\u0640"
                    or (
                        gap == ".."
                        and len(following) <= 3
                        and following not in FUNCTION_WORDS
                        and word[-1] not in "ةى"
                    )
                )
            )
        ):
            carried = word + gap  # joined to the next word
            continue
        carried = ""
        out += (word, gap)
    return out


def _unglue(parts: list[str]) -> list[str]:
    """Text parts (gaps and words alternating, as split() gives them) with every word that
    runs on past a word-final letter, or into the next word's article (`_GLUED_END`), cut
    there: the pieces are words with an empty gap between, so offsets still add up to the
    text's."""
    out = [parts[0]]
    for n in range(1, len(parts), 2):
        word = parts[n]
        if _GLUED_END.search(word) is None:
            out += (word, parts[n + 1])
            continue
        pieces = _GLUED_END_CUT.split(word)
        for piece in pieces[:-1]:
            out += (piece, "")
        out += (pieces[-1], parts[n + 1])
    return out


@dataclass(frozen=True, slots=True)
class _WrittenSense:
    """A name written with a mark that gives the entity's bare name another sense."""

    entity: str
    marks: str  # the marks it is written with, kept in the text it is looked for in
    pattern: re.Pattern[str]  # the spelling, with a proclitic or two, as a whole word
    bare: str  # the normalized bare name whose mentions it hides


def _written_sense(entity: str, spelling: str) -> _WrittenSense:
    marks = "".join(sorted(set(_READING_MARKS.findall(spelling)) - {"\u0640"}))
    kept = re.escape(_keep_marks(spelling, marks))
    pattern = re.compile(f"(?<![\u0621-\u064a])[وف]?[بلك]?{kept}(?![\u0621-\u064a])")
    return _WrittenSense(entity, marks, pattern, normalize(spelling))


def _keep_marks(text: str, marks: str) -> str:
    """The text without tatweel and the marks that tell readings apart, but for `marks`."""
    return _READING_MARKS.sub(lambda m: m.group() if m.group() in marks else "", text)


def _drop_written_senses(
    mentions: _Mentions, title: str, body: str, senses: tuple[_WrittenSense, ...]
) -> None:
    """An article that writes a name in another sense with a mark that says so («عمّان»,
    Amman) uses the bare word in that sense throughout: its mentions of the entity by that
    bare word go (`_drop_other_senses` drops a variant whose every mention is such a word);
    a longer name («سلطنة عمان») still counts. The text is read with only the sense's own
    marks left, so other marks on the word («عَمّان») do not hide it."""
    texts: dict[str, str] = {}  # the article with only these marks left → its text
    for sense in senses:
        if not any(variant.entity == sense.entity for variant in mentions.shown):
            continue
        text = texts.get(sense.marks)
        if text is None:
            text = texts[sense.marks] = _keep_marks(f"{title}\n{body}", sense.marks)
        if sense.pattern.search(text):
            for variant in mentions.shown:
                if variant.entity == sense.entity:
                    mentions.senses.setdefault(variant, set()).add(sense.bare)


def _bare(word: _Word) -> str:
    """A word without any proclitic or article it may carry, nor a plain pronoun suffix
    («والتضخم» → «تضخم», «احتجاجه» → «احتجاج»): a number ending stays («احتجاجات»)."""
    stem = min((split.stem for split in word.splits), key=len)
    for suffix in _BARE_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
            return stem[: -len(suffix)]
    return stem


# Pronoun suffixes `_bare` takes off, longest first («ه» alone is also a teh marbuta).
_BARE_SUFFIXES = ("هما", "كم", "هم", "ها", "نا", "ه")
# The ones that are never a teh marbuta (normalized «ة» is «ه»): `_verify_phrase`.
_PRONOUNS = _BARE_SUFFIXES[:-1]


def _adverbial(phrase: Phrase) -> bool:
    """An indefinite accusative noun before a preposition, the adverb of purpose
    («احتجاجا على», «رفضا ل...»): a fixed phrase, not a noun phrase with other forms."""
    first = phrase.words[0]
    return (
        not phrase.definite
        and len(first) >= 4
        and first.endswith("ا")
        and phrase.words[1] in FUNCTION_WORDS
    )


def _is_common_noun(variant: _Variant, word: _Word) -> bool:
    """Is this one-word mention a concept's common noun written bare of the article? After an
    administrative unit it is the unit's name («ولاية لغمان», «محافظة حرب»), while a place's
    name there is the place («محافظة القدس», «مدينة غزة»)."""
    return (variant.entity or "")[:1] == _CONCEPT_PREFIX and not word.definite


def _heads(variant: _Variant, start: int, block: _Hit) -> bool:
    """Is a concept's name or a common word the head of a longer name that hides it? Then the
    text calls the body so: «ميليشيا الدعم السريع» is a militia, «التحالف الدولي» a coalition.
    Not in a phrase that lists another sense of the name («المسيرات الاحتجاجية»)."""
    return (
        start == block.start
        and (_concept(variant) or (variant.entity is None and bool(variant.keys)))
        and not (block.variant.entity or "").startswith(_NOT_PREFIX)
    )


def _bare_preposition(norm: str, split: _Split) -> bool:
    """Was a preposition removed from this word without the article (ب ك ل + bare stem)?"""
    if split.article:
        return False
    prefix = norm[: len(norm) - len(split.stem) - split.tanween]
    return any(letter in _PREPOSITIONS for letter in prefix)


_PREPOSITION_ARTICLE = tuple(c + p for c in ("", "و", "ف") for p in ("بال", "كال", "لل"))


# Nouns of range and term an adjective takes as its complement (`_annexed`), normalized.
_ANNEXED = frozenset(("المدي", "الاجل", "الامد", "النطاق", "المستوي", "الطويل", "القصير"))
_CAPITAL_QUALITY = 0.9  # a capital's mention, for its country (see `MatchIndex.add`)
_FEED_OVER = 8  # forms of a term in a keyword of several terms beyond which they feed one
_MEMBER_QUALITY = 0.8  # a named instance's mention, for its concept (`_member_feed`)
# Feminine nouns without a feminine ending (normalized, without the article): «الحرب
# الإلكترونية السيبرانية».
_FEMININE_NOUNS = frozenset(
    ("حرب", "نار", "ارض", "دار", "شمس", "ريح", "عين", "يد", "نفس", "بير", "كاس", "روح", "سوق")
)
# Pronoun suffixes no adjective takes (not «ه»: it is also a teh marbuta, normalized).
_POSSESSIVES = ("ها", "هم", "هما", "هن", "كم")
_DEFINITE_PREFIXES = ("وال", "بال", "فال", "ال", "لل")
# A sound feminine plural, bare or with a pronoun (`_feminine_head`).
_FEMININE_PLURAL_ENDINGS = ("ات", "اته", "اتها", "اتهم", "اتهن", "اتنا", "اتكم")
# Endings of a noun that may take a feminine adjective (`MatchIndex._masculine`): feminine,
# plurals, duals, accusative, nisba, pronouns (normalized: teh marbuta is «ه»).
_NOT_MASCULINE_ENDINGS = ("ه", "ا", "ات", "ان", "ين", "ون", "ي", "ى", "هم", "هن", "كم", "نا")


def _feminine_head(word: _Word) -> bool:
    """Is this noun, by its form, one a masculine adjective does not describe: a sound
    feminine plural («عمليات», with a pronoun: «عملياتها») or a feminine in «-ية» («عملية»)?
    A bare «ه» proves nothing: after normalization it is also the pronoun («برنامجه»)."""
    norm = word.norm
    return len(norm) >= 4 and (
        norm.endswith(_FEMININE_PLURAL_ENDINGS) or (len(norm) >= 5 and norm.endswith("يه"))
    )


def _conjoined(wanted: str, word: _Word) -> bool:
    """Is this word of a text joined by «و» to the word before it, where a phrase's next
    word (`wanted`, normalized) has no «و»? Then the two are listed, not one phrase:
    «الاستثمار والطاقة» (investment and energy) is no «استثمار الطاقات». Past a modifier the
    «و» joins modifiers («الأسلحة الكيميائية والبيولوجية»): the caller asks only right after."""
    return word.norm[:1] == "و" and not wanted.removeprefix("ال").startswith("و")


def _quantifier(word: _Word) -> bool:
    """A number or «أي»: the words that may stand between a noun and its indefinite genitive."""
    return word.norm == "اي" or word.norm.isdigit()


def _definite(norm: str) -> bool:
    return norm.startswith(_DEFINITE_PREFIXES) and len(norm) >= 5


def _note(table: dict[str, tuple[str, ...]], head: str, second: str) -> None:
    """Record that `second` may follow `head` (tuples: most heads have one or two)."""
    seconds = table.get(head, ())
    if second not in seconds:
        table[head] = (*seconds, second)


def _forget(table: dict[str, tuple[str, ...]], head: str, second: str) -> None:
    seconds = tuple(s for s in table.get(head, ()) if s != second)
    if seconds:
        table[head] = seconds
    else:
        table.pop(head, None)


def _joined_heads(variant: _Variant) -> list[str]:
    """Skeleton beginnings of a one-word fuzzy name, for spotting it written as two words."""
    if len(variant.words) != 1 or not variant.budget or variant.article & 3 == _REQUIRE:
        return []
    skel = variant.skels[0]
    return [skel[:2], skel[:3]]


def _anchors(variant: _Variant) -> list[str]:
    """Index keys of a variant: its first word, or first two words of a phrase, so that a
    candidate found is nearly always a mention; the same by skeleton for fuzzy variants."""
    words, skels = variant.words, variant.skels
    if variant.keys:
        return sorted(_PHRASE_KEY + key for key in variant.keys[0])
    if len(words) == 1:
        keys = [words[0]]
        if variant.budget:
            keys.append(_SKELETON_KEY + skels[0])
    else:
        keys = [f"{words[0]} {words[1]}"]
        if variant.budget:
            keys.append(f"{_SKELETON_KEY}{skels[0]} {skels[1]}")
    return keys


# What a Match shows of a mention: matched, sentence, start, end, field, score.
_Shown = tuple[str, str, int, int, FieldName, float]


class _Reader:
    """What matches show of an article's mentions: the words, the sentence around them (each
    field split in sentences once it has a match, each sentence cut out once), the score."""

    __slots__ = ("body_at", "fields", "scores")

    def __init__(self, title: str, body: str, scores: dict[float, float]) -> None:
        self.fields: dict[str, _Sentences | str] = {"title": title, "body": body}
        self.body_at = len(title) + 1  # where the body starts in article offsets
        self.scores = scores  # raw score → rounded, kept by the index across articles

    def show(self, top: _VariantHits, mentions: int) -> _Shown:
        field = top.field
        sentences = self.fields[field]
        if isinstance(sentences, str):  # hot: not through `_sentences`
            sentences = self.fields[field] = _Sentences(sentences)
        start, end = top.start, top.end
        raw = top.rank[0] if mentions == 1 else top.rank[0] + min(mentions - 1, 5) * 0.02
        # Scores take few values (field weights × qualities + bonuses): round() is slow.
        score = self.scores.get(raw)
        if score is None:
            if len(self.scores) > 10_000:
                self.scores.clear()
            score = self.scores[raw] = round(raw, 3)
        text = sentences.text
        return (text[start:end], sentences.around(start, end), start, end, field, score)

    def meeting(self, terms: list[list[_VariantHits]]) -> _VariantHits | None:
        """Where terms that must meet in one sentence do (a term in the title meets them
        all): the mention to show, the first term's (a topic tied to a place shows the
        topic) unless only another's best mention stands in such a sentence; None if they
        never meet. Mentions are where they start in the article (`_VariantHits.starts`)."""
        places = [
            {self._sentence_of(*self.locate(at)) for entry in entries for at in entry.starts}
            for entries in terms
        ]
        # A term in the title is what the article is about: it meets every sentence.
        shared = set().union(*places)
        for place in places:
            if not any(field == "title" for field, _n in place):
                shared &= place
        if not shared:
            return None
        for entries in terms:
            there = [e for e in entries if self._sentence_of(e.field, e.start) in shared]
            if there:
                return _best_of_terms([there])
        return _best_of_terms(terms[:1])

    def following(self, terms: list[list[_VariantHits]]) -> _VariantHits | None:
        """Where each term follows the one before it in one clause of one field, starting at
        most `_CHAIN_REACH` characters after it: the chain as one mention, or None."""
        places = [
            sorted(self.locate(at) for entry in entries for at in entry.starts) for entries in terms
        ]
        for field, start in places[0]:
            text = self.text(field)
            reached = [start]  # where the chain's last term so far may stand
            for place in places[1:]:
                reached = [
                    offset
                    for where, offset in place
                    if where == field
                    and any(
                        at < offset <= at + _CHAIN_REACH
                        and _CLAUSE_BREAK.search(text, at, offset) is None
                        for at in reached
                    )
                ]
                if not reached:
                    break
            if reached:
                # The whole chain is shown, subject to object, to its last term's end (its
                # first word's, where that term's best mention stands elsewhere).
                last = min(reached)
                words = _WORD_SPLIT.search(text, last)
                end = words.end() if words is not None else len(text)
                for entry in terms[-1]:
                    if entry.field == field and entry.start == last:
                        end = max(end, entry.end)
                score = _best_of_terms(terms[:1]).rank[0]
                at = start + (self.body_at if field == "body" else 0)
                order = min(e.order for entries in terms for e in entries)
                return _VariantHits(score, start, end, field, at, order)
        return None

    def locate(self, at: int) -> tuple[FieldName, int]:
        """The field an article offset (`_VariantHits.starts`) falls in, and where in it."""
        return ("title", at) if at < self.body_at else ("body", at - self.body_at)

    def text(self, field: FieldName) -> str:
        sentences = self.fields[field]
        return sentences if isinstance(sentences, str) else sentences.text

    def _sentence_of(self, field: FieldName, offset: int) -> tuple[FieldName, int]:
        """The sentence of `field` that holds `offset`: the field and its index (-1 before
        the first)."""
        return field, bisect_right(self._sentences(field).firsts, offset) - 1

    def _sentences(self, field: FieldName) -> _Sentences:
        sentences = self.fields[field]
        if isinstance(sentences, str):
            sentences = self.fields[field] = _Sentences(sentences)
        return sentences


class _Sentences:
    """The sentences of one field, split once the article has a match in it; each one cut
    out once, however many matches it holds."""

    __slots__ = ("cut", "firsts", "spans", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self.firsts = [a for a, _ in self.spans]
        self.cut: dict[int, str] = {}

    def around(self, start: int, end: int) -> str:
        """The sentence holding a mention (extended if the mention runs past its end)."""
        n = bisect_right(self.firsts, start) - 1
        if n < 0 or start >= self.spans[n][1]:
            return self.text[start:end]
        a, b = self.spans[n]
        if end > b:
            return self.text[a:end]
        sentence = self.cut.get(n)
        if sentence is None:
            sentence = self.cut[n] = self.text[a:b]
        return sentence
