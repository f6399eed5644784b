"""The alias table: entities (countries, organisations, leaders, seas) and every name they go by.

Built from two data files shipped in `bot/match/data/` and an optional admin file:
- `countries.json`: Arabic and English country and region names exported from CLDR by
  `scripts/export_countries.py` (babel is a dev-time tool only);
- `aliases.json`: curated names for the security domain (official long names, alliances,
  leaders' spelling families, seas), merged into the CLDR entries by `id`;
- `MARSAD_ALIASES_FILE`: the same format, merged last, for admins to extend the table.

Pure code: reads files only when asked to, no import-time work.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from rapidfuzz.distance import Levenshtein

from bot.core.arabic import WORD_RE, normalize, skeleton

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

M = TypeVar("M", bound=BaseModel)

__all__ = [
    "PLACE_KINDS",
    "SENSE_MARKS",
    "AliasEntity",
    "AliasFileError",
    "AliasTable",
    "DataEntry",
    "Entity",
    "Phrase",
    "cue_table",
    "default_alias_table",
    "fuzzy_budget",
    "load_alias_table",
    "merge_entries",
    "nisba_display",
    "nisba_phrases",
    "phrase_of",
    "read_data_file",
    "stem_of",
]

EntityKind = Literal["country", "region", "city", "org", "person", "sea", "place", "people"]
# Kinds whose names have nisba adjectives that readers treat as mentions («الروسية» for روسيا).
PLACE_KINDS = frozenset({"country", "region", "place"})
BUILTIN_FILES = ("countries.json", "aliases.json")
# The thesaurus (bot.match.concepts) also lists named bodies (kind "org"): they are names.
BUILTIN_CONCEPTS = "concepts.json"

# A word starting with «ال» only carries the article when it is spelled with a plain alef:
# «ألمانيا», «إلى» begin with a hamza and are not definite, though they normalize alike.
_ARTICLE = "ال"
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u00ad]")
# The marks that tell one reading of a word from another (harakat, tanween, shadda, sukun,
# superscript alef): a written sense keeps its own (`AliasEntity.written_senses`).
SENSE_MARKS = "\u064b-\u065f\u0670"
_SENSE_MARKS = re.compile(f"[{SENSE_MARKS}]")


class AliasFileError(ValueError):
    """An alias file is missing or malformed; the message names the file and the problem."""


class AliasEntity(BaseModel):
    """One entry of an alias file (the format admins write)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str = Field(min_length=1)
    kind: EntityKind | None = None
    names: tuple[str, ...] = ()
    nisba: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()
    # Names that are also common words («القاعدة»: a rule, a base): they name the entity only
    # with one of the cue words close by («تنظيم», «زعيم», «عناصر»...).
    homographs: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    # Longer phrases in which a name means something else («حماس الجماهير»: the crowd's
    # enthusiasm, «نصف قطر»: a radius): they hide the entity's mentions inside them.
    blocked: tuple[str, ...] = Field(default=(), alias="not")
    # The same for phrases that give a name another sense for the whole article: «التحالف
    # الدولي للطاقة الشمسية» also hides the same article's later «التحالف الدولي».
    senses: tuple[str, ...] = ()
    # The name written with a mark that normalization drops and that says another place or
    # thing is meant: found in an article, it gives the entity's bare name that other sense
    # for the whole article. «عمّان» (Amman, with its shadda) for Oman («عُمان» never takes one).
    written_senses: tuple[str, ...] = ()
    # The city entity a country's capital is («طهران» for IR): a topic tied to the country
    # («البرنامج النووي الإيراني») also meets it there («برنامج طهران النووي»).
    capital: tuple[str, ...] = ()
    # The places a bloc stands for («الغرب»: the United States, the European Union...): a
    # topic tied to the bloc («العقوبات الغربية») also meets them where it is told by one of
    # them («فرضت الولايات المتحدة عقوبات»). Not the reverse, and not the bloc's bare name: a
    # follower of «الغرب» wants the West named, not every American story.
    members: tuple[str, ...] = ()
    # Names the press uses bare for the entity where the story is the entity's own, and for
    # other things elsewhere («التحالف»: the Saudi-led coalition in a story of Yemen): they
    # count only in an article that says one of the context words anywhere, and never where
    # the bare word heads a phrase of its own (`MatchIndex._out_of_context`).
    context_names: tuple[str, ...] = ()
    context_words: tuple[str, ...] = ()

    @field_validator("written_senses")
    @classmethod
    def _marked(cls, spellings: tuple[str, ...]) -> tuple[str, ...]:
        # Without its mark a written sense is the bare name itself: it would hide every
        # article's mentions of the entity.
        for spelling in spellings:
            if not _SENSE_MARKS.search(spelling):
                raise ValueError(f"written sense {spelling!r} carries no diacritic mark")
        return spellings


class _AliasFile(BaseModel):
    model_config = ConfigDict(extra="ignore")  # free-form "about" / "source" notes

    entities: list[AliasEntity]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A name or keyword as normalized words; `definite` = its first word carries the article."""

    words: tuple[str, ...]
    definite: bool

    @property
    def stem(self) -> str:
        """The first word without its article."""
        return self.words[0][2:] if self.definite else self.words[0]

    @property
    def letters(self) -> str:
        """All letters, first word without its article, no spaces: what fuzzy tolerance measures."""
        return self.stem + "".join(self.words[1:])


def phrase_of(text: str) -> Phrase | None:
    """Normalized words of `text` and whether the first one is definite (None if no words)."""
    raw = [m.group() for m in WORD_RE.finditer(text)]
    words = tuple(w for w in (normalize(r) for r in raw) if w)
    if not words:
        return None
    first_raw = _MARKS.sub("", raw[0])
    definite = first_raw.startswith(_ARTICLE) and len(words[0]) >= len(_ARTICLE) + 3
    return Phrase(words, definite)


# Phrases as the stems of their words, in order.
Phrases = tuple[tuple[str, ...], ...]


def stem_of(norm: str) -> str:
    """A normalized word without its article (as the matcher's readings have it)."""
    return norm[2:] if norm.startswith("ال") and len(norm) > 4 else norm


def fuzzy_budget(letters: int) -> int:
    """Edits allowed to a transliterated name: none for short words, more for longer ones."""
    if letters < 5:
        return 0
    if letters <= 7:
        return 1
    if letters <= 11:
        return 2
    return 3


class DataEntry(Protocol):
    """What merging reads of an entry of an alias or concepts file by name: its id and kind."""

    @property
    def id(self) -> str: ...

    @property
    def kind(self) -> str | None: ...


def cue_table(
    owners: Iterable[tuple[str, Iterable[str], Iterable[str]]], *, phrases: bool = False
) -> dict[tuple[str, str], tuple[str, ...]]:
    """(owner id, article-insensitive key of a homograph) → the normalized cue words it needs,
    for every (id, homographs, cues) of an entity or a concept that lists cues. With
    `phrases`, a cue of several words stays one cue, its words space-separated."""
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    for owner, homographs, cues in owners:
        normalized = [" ".join(normalize(cue).split()) for cue in cues]
        words = tuple(w for cue in normalized for w in ([cue] if phrases else cue.split()) if w)
        for form in homographs if words else ():
            phrase = phrase_of(form)
            if phrase is not None:
                table[(owner, key_of(phrase))] = words
    return table


def merge_entries(
    entries: Iterable[DataEntry], fields: Sequence[str]
) -> tuple[dict[str, dict[str, list[str]]], dict[str, str]]:
    """The entries of each id merged (the files admins add extend the built-in ones): each of
    `fields` as the values of every entry, in order, without repeats; and the last kind given."""
    merged: dict[str, dict[str, list[str]]] = {}
    kinds: dict[str, str] = {}
    for entry in entries:
        slot = merged.setdefault(entry.id, {name: [] for name in fields})
        for name in fields:
            for value in getattr(entry, name):
                if value not in slot[name]:
                    slot[name].append(value)
        if entry.kind is not None:
            kinds[entry.id] = entry.kind
    return merged, kinds


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity of the merged table."""

    id: str
    kind: str
    names: tuple[str, ...]
    nisba: tuple[str, ...]
    derived: tuple[str, ...]
    covers: frozenset[str]
    blocked: tuple[str, ...] = ()
    capital: tuple[str, ...] = ()  # entity ids
    members: tuple[str, ...] = ()  # entity ids (`AliasEntity.members`)
    senses: tuple[str, ...] = ()
    written_senses: tuple[str, ...] = ()  # `AliasEntity.written_senses`
    homographs: tuple[str, ...] = ()  # names that are also common words
    context_names: tuple[str, ...] = ()  # names only in an article of their context

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS

    def nisba_names(self) -> tuple[str, ...]:
        """The names a place's regular adjective is formed from: not those that are also
        common words, whose adjective is the common word's («الساحل» is the Sahel with its
        cues, but «الساحلي» is coastal)."""
        if not self.is_place:
            return ()
        common = {normalize(h) for h in self.homographs}
        return tuple(n for n in self.names if normalize(n) not in common)


class AliasTable:
    """Entities by id, and the lookups matching needs: name → entity, known single words."""

    def __init__(self, entries: Iterable[AliasEntity]) -> None:
        fields = (
            "names",
            "nisba",
            "derived",
            "covers",
            "homographs",
            "cues",
            "blocked",
            "capital",
            "members",
            "senses",
            "written_senses",
            "context_names",
            "context_words",
        )
        merged, kinds = merge_entries(entries, fields)
        self._entities: dict[str, Entity] = {
            eid: Entity(
                id=eid,
                kind=kinds.get(eid, "country"),
                names=tuple(slot["names"]),
                nisba=tuple(slot["nisba"]),
                derived=tuple(slot["derived"]),
                covers=frozenset(slot["covers"]),
                blocked=tuple(slot["blocked"]),
                capital=tuple(slot["capital"]),
                members=tuple(slot["members"]),
                senses=tuple(slot["senses"]),
                written_senses=tuple(slot["written_senses"]),
                homographs=tuple(slot["homographs"]),
                context_names=tuple(slot["context_names"]),
            )
            for eid, slot in merged.items()
        }
        # Article-insensitive key of every name → entities; skeleton → (letters, entity) for
        # names typed in another transliteration («ستولتنبرج» finds ستولتنبرغ).
        self._by_key: dict[str, set[tuple[str, bool]]] = {}
        self._by_skeleton: dict[str, list[tuple[str, str]]] = {}
        # Normalized single words that are names: a token that is itself a name is read as
        # that name, not as clitics + another word («بكين» is Beijing, not ب + كين).
        self._lexicon: dict[str, set[str]] = {}
        for entity in self._entities.values():
            for name in entity.names:
                phrase = phrase_of(name)
                if phrase is None:
                    continue
                self._by_key.setdefault(key_of(phrase), set()).add((entity.id, phrase.definite))
                letters = phrase.letters
                self._by_skeleton.setdefault(skeleton(letters), []).append((letters, entity.id))
                if len(phrase.words) == 1:
                    self._lexicon.setdefault(phrase.words[0], set()).add(entity.id)
                    self._lexicon.setdefault(phrase.stem, set()).add(entity.id)

        self._derived: dict[str, set[str]] = {}
        # Definite singular adjectives of places («الروسي», «الباكستانية») → the places. Plural
        # ones describe people («عناصر داعش العراقيين»), never a body.
        self._adjectives: dict[str, set[str]] = {}
        for entity in self._entities.values():
            for phrase in nisba_phrases(entity):
                self._derived.setdefault(key_of(phrase), set()).add(entity.id)
                word = phrase.words[0]
                if (
                    entity.is_place
                    and phrase.definite
                    and len(phrase.words) == 1
                    and word.endswith(("ي", "يه"))
                ):
                    self._adjectives.setdefault(word, set()).add(entity.id)
        self._bodies = frozenset(e.id for e in self._entities.values() if e.kind == "org")
        self._people = frozenset(e.id for e in self._entities.values() if e.kind == "person")
        self._places = frozenset(e.id for e in self._entities.values() if e.is_place)
        self._located = self._places | {e.id for e in self._entities.values() if e.kind == "city"}
        self._cues = cue_table(
            (eid, slot["homographs"], slot["cues"]) for eid, slot in merged.items()
        )
        self._context = cue_table(
            ((eid, slot["context_names"], slot["context_words"]) for eid, slot in merged.items()),
            phrases=True,
        )
        # Single-word context names without the article («تحالف», «جيش»): bodies, which a
        # phrase of common words may hold between its words as their possessor.
        self._context_stems = frozenset(
            phrase.stem
            for slot in merged.values()
            for name in slot["context_names"]
            if (phrase := phrase_of(name)) is not None and len(phrase.words) == 1
        )

        # For an entity with a one-word name of its context («التحالف»): the longer names
        # that word heads, its own and other bodies' (`namesakes`).
        heads = {
            eid: {p.stem for n in slot["context_names"] if (p := phrase_of(n)) is not None}
            for eid, slot in merged.items()
            if slot["context_names"]
        }
        headed: list[tuple[str, str, tuple[str, ...], bool]] = []
        for eid, slot in merged.items():
            for text in (*slot["names"], *slot["senses"], *slot["blocked"]):
                phrase = phrase_of(text)
                if phrase is not None and len(phrase.words) > 1 and not text.isascii():
                    own = text in slot["names"]
                    said = (phrase.stem, *map(stem_of, phrase.words[1:]))
                    headed.append((eid, phrase.stem, said, own))
        self._namesakes: dict[str, tuple[Phrases, Phrases]] = {}
        for eid, stems in heads.items():
            mine = tuple(w for e, head, w, own in headed if e == eid and own and head in stems)
            # Any name or sense phrase of another body, and this one's senses and blocked
            # phrases («التحالف الدولي للطاقة الشمسية»): each is another coalition named.
            others = tuple(
                w for e, head, w, own in headed if head in stems and (e != eid or not own)
            )
            self._namesakes[eid] = (mine, others)

    def namesakes(self, entity_id: str) -> tuple[Phrases, Phrases]:
        """For an entity with a one-word name of its context («التحالف»): its own longer
        names headed by that word, and the other bodies' ones («تحالف دعم الشرعية», «التحالف
        الدولي»), each as word stems (without the article); ((), ()) for others. An article
        that names another coalition in full, never this one, means that one by the bare
        word."""
        return self._namesakes.get(entity_id, ((), ()))

    @property
    def has_homographs(self) -> bool:
        return bool(self._cues)

    def cues(self, entity_id: str | None, words: tuple[str, ...]) -> tuple[str, ...]:
        """Cue words a mention of this name of the entity needs (a homograph), or ()."""
        if entity_id is None or not self._cues:
            return ()
        return self._cues.get((entity_id, " ".join(words)), ())

    def context_words(self, entity_id: str | None, words: tuple[str, ...]) -> tuple[str, ...]:
        """Words (or phrases, their words space-separated) one of which the article must say
        for this name of the entity to count (a name of its context,
        `AliasEntity.context_names`), or ()."""
        if entity_id is None or not self._context:
            return ()
        return self._context.get((entity_id, " ".join(words)), ())

    def is_context_stem(self, stem: str) -> bool:
        """Is this normalized word (without the article) a one-word context name?"""
        return stem in self._context_stems

    def derived_entities(self, phrase: Phrase) -> list[str]:
        """Entities this phrase is a derived form of («الروسية» → RU)."""
        return sorted(self._derived.get(key_of(phrase), ()))

    def __len__(self) -> int:
        return len(self._entities)

    def display_name(self, entity_id: str) -> str | None:
        """The entity's first Arabic name (None for an unknown id or one with none)."""
        entity = self._entities.get(entity_id)
        if entity is None:
            return None
        return next((name for name in entity.names if not name.isascii()), None)

    def entity(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def entities(self) -> Iterable[Entity]:
        return self._entities.values()

    def resolve(self, phrase: Phrase) -> list[str]:
        """Ids of the entities this keyword names: by exact name, else by a close spelling."""
        # «ناتو» finds الناتو (an article dropped), but «السيول» (floods) does not find سيول
        # (Seoul): an article the name never takes makes another word.
        found = self._named(phrase)
        if found:
            return sorted(found)
        qualified = self._qualified_body(phrase)
        if qualified:
            return qualified
        # A one-word keyword that is a name's adjective or other form names it too: a
        # follower of «الحوثي» follows the Houthis («الحوثيون», «أنصار الله»).
        if len(phrase.words) == 1 and (derived := self._derived.get(key_of(phrase))):
            return sorted(derived)
        letters = phrase.letters
        budget = fuzzy_budget(len(letters))
        if budget == 0 or len(skeleton(letters)) < 4:
            return []
        close = {
            eid
            for other, eid in self._by_skeleton.get(skeleton(letters), ())
            if Levenshtein.distance(letters, other, score_cutoff=budget) <= budget
        }
        return sorted(close)

    def _named(self, phrase: Phrase) -> set[str]:
        """Ids of the entities with this exact name, article aside: «ناتو» finds الناتو, but a
        name the article never takes is not found with one («السيول» is no سيول)."""
        return {
            eid
            for eid, definite in self._by_key.get(key_of(phrase), ())
            if definite or not phrase.definite
        }

    def _qualified_body(self, phrase: Phrase) -> list[str]:
        """A body's name the way its follower may add to it: its forces («قوات التحالف
        الدولي») or its purpose or leader («التحالف الدولي ضد الإرهاب», «... لمحاربة داعش»,
        «... بقيادة واشنطن»): the body, when the rest is a known body's exact name."""
        words = phrase.words
        if len(words) > 2 and words[0] in _FORCES:
            bodies = self._bodies_named(Phrase(words[1:], words[1].startswith("ال")))
            if bodies:
                return bodies
        for cut in range(2, len(words) - 1):
            if words[cut] in _PURPOSES and (
                bodies := self._bodies_named(Phrase(words[:cut], phrase.definite))
            ):
                return bodies
        return []

    def names_body(self, phrase: Phrase) -> bool:
        """Whether this phrase, as written, is the name of a body (an organisation)."""
        return bool(self._bodies_named(phrase))

    def _bodies_named(self, phrase: Phrase) -> list[str]:
        """The bodies (organisations) this phrase is an exact name of."""
        return sorted(
            eid
            for eid, definite in self._by_key.get(key_of(phrase), ())
            if (definite or not phrase.definite) and eid in self._bodies
        )

    def capital_names(self, entity_id: str) -> list[str]:
        """The names of a country's capital (none for an entity without one, or unknown)."""
        entity = self._entities.get(entity_id)
        capitals = (self._entities.get(c) for c in entity.capital) if entity else ()
        return [name for city in capitals if city is not None for name in city.names]

    def member_names(self, entity_id: str) -> list[str]:
        """The first names of a bloc's member places and of their capitals, where the press
        puts their governments («فرضت واشنطن عقوبات»): none for another entity, or unknown."""
        entity = self._entities.get(entity_id)
        members = [self._entities[m] for m in entity.members] if entity else []
        ids = [i for member in members for i in (member.id, *member.capital)]
        names = (self.display_name(i) for i in dict.fromkeys(ids))
        return [name for name in names if name is not None]

    def known_word(self, word: str) -> bool:
        """Is this normalized single word itself a known name?"""
        return word in self._lexicon

    def known_derived(self, word: str) -> bool:
        """Is this normalized single word (without the article) a derived form or adjective
        of a known name («حوثي», «ايراني»)?"""
        return word in self._derived

    def word_entities(self, word: str) -> set[str]:
        return self._lexicon.get(word, set())

    def is_body(self, entity_id: str | None) -> bool:
        """Is this entity an organisation (alliance, agency, council, armed group)?"""
        return entity_id in self._bodies

    def is_person(self, entity_id: str | None) -> bool:
        return entity_id in self._people

    def is_place_id(self, entity_id: str | None) -> bool:
        return entity_id in self._places

    def names_place(self, words: tuple[str, ...]) -> bool:
        """Are these normalized words, as they stand, a country's name of several words
        («الولايات المتحده», «دوله الامارات العربيه المتحده»)? Exact names only."""
        phrase = phrase_of(" ".join(words))
        # A region is no country to invest in: «قمة للاستثمار في الشرق الأوسط» names a summit.
        return phrase is not None and any(
            self._entities[eid].kind == "country" for eid in self._named(phrase)
        )

    def is_located_id(self, entity_id: str | None) -> bool:
        """A place or a city: a name a street, a square or a time zone may be named after."""
        return entity_id in self._located

    def adjective_places(self, word: str) -> set[str]:
        """Places whose definite nisba adjective this normalized word is («الروسي» → RU)."""
        return self._adjectives.get(word, set())

    def covers(self, outer: str | None, inner: str) -> bool:
        """Does a mention of `outer` inside a name of `inner` still count («كوريا» in
        «كوريا الشمالية»)? Same entity, or `outer` lists `inner` in its covers."""
        if outer is None:
            return False
        entity = self._entities.get(outer)
        return outer == inner or (entity is not None and inner in entity.covers)


# Normalized words that open what a follower adds to a body's name: its purpose or leader.
_PURPOSES = frozenset(
    {"ضد", "لمحاربه", "لمكافحه", "لقتال", "لهزيمه", "لدعم", "بقياده", "بزعامه", "في"}
)
# Normalized words for a body's forces before its name («قوات التحالف الدولي»).
_FORCES = frozenset({"قوات", "وقوات"})


def key_of(phrase: Phrase) -> str:
    """Article-insensitive lookup key: «الناتو» and «ناتو» share it."""
    return " ".join((phrase.stem, *phrase.words[1:]))


# Masculine singular nisba + these endings: feminine (ة, normalized ه), plurals, duals.
_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ات", "ان", "تان", "تين")


def _nisba_base(stem: str) -> str | None:
    """Regular nisba of a place name's stem: روسيا → روسي, كندا → كندي, اليابان → ياباني."""
    if stem.endswith(("يا", "يه")):
        base = stem[:-1]
    elif stem.endswith(("ا", "ه")):
        base = stem[:-1] + "ي"
    elif stem.endswith(("ي", "و")):
        return None  # مالي, كونغو: no regular form (and «مالية» would be "financial")
    else:
        base = stem + "ي"
    # A root shorter than three letters gives common words, not adjectives («آسيا» → «أسى»).
    return base if len(base) >= 4 else None


def _written_nisba(stem: str) -> str:
    """`_nisba_base` on the name as written, so that the adjective keeps its hamza and
    taa marbuta spelling: إيران → إيراني, أوكرانيا → أوكراني, سورية → سوري."""
    if stem.endswith(("يا", "ية", "يه")):
        return stem[:-1]
    if stem.endswith(("ا", "ة", "ه")):
        return stem[:-1] + "ي"
    return stem + "ي"


def nisba_display(entity: Entity) -> str | None:
    """The entity's first definite nisba adjective as a reader writes it («الإيراني»,
    «الكوري الشمالي»): what /follow shows; the matcher uses the normalized `nisba_phrases`."""
    for written in entity.nisba_names():
        phrase = phrase_of(written)
        if phrase is None or _nisba_base(phrase.stem) is None:
            continue
        raw = [_MARKS.sub("", m.group()) for m in WORD_RE.finditer(written)]
        stem = raw[0][len(_ARTICLE) :] if phrase.definite else raw[0]
        if len(phrase.words) == 1:
            return _ARTICLE + _written_nisba(stem)
        if len(phrase.words) == 2 and raw[1].startswith(_ARTICLE):
            adjective = raw[1][len(_ARTICLE) :]
            if adjective.endswith(("ية", "يه")) and len(adjective) >= 4:
                return f"{_ARTICLE}{_written_nisba(stem)} {_ARTICLE}{adjective[:-1]}"
    for written in entity.nisba:
        words = [_MARKS.sub("", m.group()) for m in WORD_RE.finditer(written)]
        if words:
            return " ".join(w if w.startswith(_ARTICLE) else _ARTICLE + w for w in words)
    return None


def nisba_phrases(entity: Entity) -> list[Phrase]:
    """Derived forms of an entity that count as its mentions, nisba ones inflected for gender
    and number. Regular nisba is derived for places only; listed forms for any entity.

    Regular nisba of each one-word name (روسيا → الروسي، الروسية، الروسيون ...), of two-word
    names «N + adjective» (كوريا الشمالية → الكوري الشمالي، الكورية الشمالية ...), the table's own
    nisba entries, and its other derived forms as written («الروس», «الأتراك»).
    """
    bases: list[tuple[str, ...]] = []
    for name in entity.nisba_names():
        phrase = phrase_of(name)
        if phrase is None:
            continue
        head = _nisba_base(phrase.stem)
        if head is None:
            continue
        if len(phrase.words) == 1:
            bases.append((head,))
        elif len(phrase.words) == 2 and phrase.words[1].startswith(_ARTICLE):
            adjective = phrase.words[1][2:]
            if adjective.endswith("يه") and len(adjective) >= 4:
                bases.append((head, adjective[:-1]))
    for nisba in entity.nisba:
        phrase = phrase_of(nisba)
        if phrase is not None:
            bases.append((phrase.stem, *phrase.words[1:]))
    phrases: list[Phrase] = []
    for base in dict.fromkeys(bases):
        for ending in _NISBA_ENDINGS:
            words = tuple(w + ending for w in base)
            # Definite (الكوري الشمالي) and indefinite (كوري شمالي) agree across the words.
            phrases.append(Phrase(("ال" + words[0], *("ال" + w for w in words[1:])), True))
            if len(words) > 1:
                phrases.append(Phrase(words, False))
    for form in entity.derived:
        phrase = phrase_of(form)
        if phrase is not None:
            phrases.append(phrase)
    return phrases


def read_data_file(path: Path | Traversable, model: type[M], error: type[ValueError]) -> M:
    """A JSON data file (built in, or an admin's) validated as `model`; `error` with the file
    and the first problem (unreadable, not JSON, or the field that is wrong) otherwise."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return model.model_validate(data)
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise error(f"{path}: not JSON: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise error(f"{path}: {where}: {first['msg']}") from None


def _read(path: Path | Traversable) -> list[AliasEntity]:
    return read_data_file(path, _AliasFile, AliasFileError).entities


def _read_concepts_file(
    path: Path | Traversable,
) -> tuple[list[AliasEntity], list[tuple[str, str]]]:
    """What the alias table takes from a concepts file, read once: its named bodies (entries
    of kind "org") as alias entries, with their Arabic and English names; and (concept id,
    member id) for every named instance a concept lists (`ConceptEntry.members`). The file's
    other entries are topics (bot.match.concepts)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return [], []  # bot.match.concepts reads the same file and reports what is wrong
    concepts = data.get("concepts") if isinstance(data, dict) else None
    entries = [e for e in (concepts if isinstance(concepts, list) else ()) if isinstance(e, dict)]
    bodies: list[AliasEntity] = []
    for entry in entries:
        if entry.get("kind") != "org" or not entry.get("id"):
            continue
        names = [n for n in (*entry.get("names", ()), *entry.get("en", ())) if isinstance(n, str)]
        bodies.append(AliasEntity(id=str(entry["id"]), kind="org", names=tuple(names)))
    members = [
        (str(entry.get("id")), member)
        for entry in entries
        for member in entry.get("members", ())
        if isinstance(member, str)
    ]
    return bodies, members


def load_alias_table(
    extra_files: Sequence[Path] = (), concept_files: Sequence[Path] = ()
) -> AliasTable:
    """The built-in table merged with admin files (later files add names, override kinds),
    and the named bodies of the built-in thesaurus and admin concepts files. A concept's
    member that names no entity is an error of its file."""
    data = resources.files("bot.match") / "data"
    entries: list[AliasEntity] = []
    for name in BUILTIN_FILES:
        entries.extend(_read(data / name))
    thesaurus: Path | Traversable = data / BUILTIN_CONCEPTS
    thesaurus_bodies, thesaurus_members = _read_concepts_file(thesaurus)
    admin = [(path, *_read_concepts_file(path)) for path in concept_files]
    entries.extend(thesaurus_bodies)
    for path in extra_files:
        entries.extend(_read(path))
    for _path, bodies, _members in admin:
        entries.extend(bodies)
    table = AliasTable(entries)
    for entity in table.entities():
        unknown = [m for m in entity.members if table.display_name(m) is None]
        if unknown:
            raise AliasFileError(
                f"alias entity {entity.id} lists members {unknown}, which are no entities of"
                " the alias tables"
            )
    listed = [(thesaurus, thesaurus_members), *((path, members) for path, _b, members in admin)]
    for source, members in listed:
        for concept_id, member in members:
            if table.display_name(member) is None:
                raise AliasFileError(
                    f"{source}: concept {concept_id} lists member «{member}», which is no entity"
                    " of the alias tables (an id of aliases.json, an alias file or an org"
                    " concept)"
                )
    return table


@cache
def default_alias_table() -> AliasTable:
    """The built-in table, loaded once on first use."""
    return load_alias_table()
