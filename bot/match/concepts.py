"""The security thesaurus: topics an analyst follows, each with every phrase that names it.

Built from `data/concepts.json` and optional admin files (`MARSAD_CONCEPTS_FILE`, same
format, merged by `id`). A concept's names are phrases of common words («الطائرات المسيرة»,
«الطائرات بدون طيار», «المسيرات»): a keyword that is a form of one of them watches them all,
each in all its forms (bot.match.morphology). `covers` lists narrower concepts whose
mentions count too (a follower of missiles gets ballistic missiles, never the reverse);
`derived` lists forms matched as written (agent nouns, verbs); `not` lists longer phrases in
which a name does not mean the concept («المسيرات الاحتجاجية» are marches, not drones);
`senses` lists phrases that give a name another sense for the whole article: «تضخم البروستاتا»
does not count, nor does the same article's «التضخم الحميد». `together` lists pairs of
phrases («الاشتباكات + الحدود») that tell the concept when both stand in one sentence, each in
all its forms: an event the press tells in two parts («اندلعت اشتباكات بين قوات البلدين على
الحدود»); and chains of phrases («الطائرات > أطلقت > صواريخ») that tell it when each follows
the one before it closely in one clause: a subject, its verb and its object («طائرة مسيّرة
إسرائيلية أطلقت صاروخين»), where the same words in one sentence may say another thing («أطلقت
روسيا طائرات مسيرة وصواريخ»).
Concepts of kind `org` are named bodies: they join the alias table (bot.match.aliases), where
names keep the rules of names.

Pure code: reads files only when asked to, no import-time work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.core.arabic import normalize
from bot.match.aliases import Phrase, cue_table, merge_entries, phrase_of, read_data_file
from bot.match.morphology import Morphology

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "BUILTIN_CONCEPTS",
    "CHAIN_SEPARATOR",
    "INTO_PLACE",
    "PAIR_SEPARATOR",
    "Concept",
    "ConceptEntry",
    "ConceptFileError",
    "ConceptTable",
    "default_concept_table",
    "load_concept_table",
]

BUILTIN_CONCEPTS = "concepts.json"
ORG_KIND = "org"
# The cue of a form that counts where it goes into a place (`ConceptEntry.into`): no word of
# a text is written so.
INTO_PLACE = "<into>"
PAIR_SEPARATOR = " + "  # between the two phrases of a `together` pair
CHAIN_SEPARATOR = " > "  # between the phrases of a `together` chain, in the text's order


class ConceptFileError(ValueError):
    """A concepts file is missing or malformed; the message names the file and the problem."""


class ConceptEntry(BaseModel):
    """One entry of a concepts file (the format admins write)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str = Field(min_length=1)
    kind: str | None = None
    names: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    note: str = ""
    covers: tuple[str, ...] = ()
    # Concepts that count for a follower of this one, not for followers of the concepts that
    # cover it: everyday words for inflation («ارتفاع الأسعار») are inflation to its follower,
    # not news of the economy, which covers inflation.
    kin: tuple[str, ...] = ()
    # Nouns that name the concept with a country's adjective after them («الاقتصاد الروسي»)
    # or, without their article, a country's name («اقتصاد روسيا»): any country's.
    national: tuple[str, ...] = ()
    # Nouns and verbs that name the concept where they go into a country: «في» and its name
    # right after them, or after an amount of money («استثمار 15 مليار دولار في الإمارات»).
    into: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()
    blocked: tuple[str, ...] = Field(default=(), alias="not")
    senses: tuple[str, ...] = ()
    # Forms that are also common words («مسيرة»: a march, a drone): they count, as written
    # with clitics, only with one of the cue words close by («أسقطت», «غارة», «انتحارية»).
    homographs: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    # Words that give every form of the concept another sense where one of them stands in
    # the mention's sentence: a football match's «عقوبات» are penalties, its «احتجاجات» a
    # club's or players' objections («المباراة», «اللاعبين», «لجنة الانضباط»).
    unless: tuple[str, ...] = ()
    # Pairs of phrases, written «A + B», that count when both stand in one sentence; chains,
    # written «A > B > C», that count when each follows the one before it closely in a clause.
    together: tuple[str, ...] = ()
    # Named bodies (alias-table ids) that are instances of the concept: every name of theirs
    # counts for it («داعش» for «الجماعات الإرهابية»).
    members: tuple[str, ...] = ()

    @field_validator("together")
    @classmethod
    def _two_phrases(cls, pairs: tuple[str, ...]) -> tuple[str, ...]:
        for pair in pairs:
            parts, chain = _together_parts(pair)
            if (
                (not chain and len(parts) != 2)
                or (chain and PAIR_SEPARATOR in pair)
                or any(phrase_of(part) is None for part in parts)
            ):
                raise ValueError(
                    f"«{pair}» is not two phrases joined by «{PAIR_SEPARATOR}» nor a chain"
                    f" of phrases joined by «{CHAIN_SEPARATOR}»"
                )
        return pairs


class _ConceptFile(BaseModel):
    model_config = ConfigDict(extra="ignore")  # free-form "about" notes

    concepts: list[ConceptEntry] = []
    lexicon: dict[str, list[str]] = {}
    plural_only: list[str] = []


@dataclass(frozen=True, slots=True)
class Concept:
    """One concept of the merged table."""

    id: str
    kind: str
    names: tuple[str, ...]
    en: tuple[str, ...]
    covers: tuple[str, ...]
    derived: tuple[str, ...]
    blocked: tuple[str, ...]
    senses: tuple[str, ...]  # blocked too, and they set the sense of the article's other mentions
    homographs: tuple[str, ...]
    cues: tuple[str, ...]  # normalized words
    unless: tuple[str, ...]  # normalized words (`ConceptEntry.unless`)
    together: tuple[tuple[str, str], ...] = ()  # pairs of phrases that count in one sentence
    # Chains of phrases that count when each follows the one before it closely in a clause.
    chains: tuple[tuple[str, ...], ...] = ()
    members: tuple[str, ...] = ()  # alias-table ids of named instances
    kin: tuple[str, ...] = ()  # ids counted for this concept's own followers only
    national: tuple[str, ...] = ()  # nouns naming it with any country (`ConceptEntry.national`)
    into: tuple[str, ...] = ()  # forms naming it before «في» and a place (`ConceptEntry.into`)


Keys = tuple[frozenset[str], ...]


class ConceptTable:
    """Concepts by id; which concepts a keyword names; the morphology their phrases use."""

    def __init__(
        self,
        entries: Iterable[ConceptEntry],
        lexicon: dict[str, list[str]] | None = None,
        plural_only: Iterable[str] = (),
    ) -> None:
        self.morphology = Morphology(lexicon or {}, plural_only)
        fields = (
            "names",
            "en",
            "covers",
            "kin",
            "national",
            "into",
            "derived",
            "blocked",
            "senses",
            "homographs",
            "cues",
            "unless",
            "together",
            "members",
        )
        # Named bodies live in the alias table.
        merged, kinds = merge_entries((e for e in entries if e.kind != ORG_KIND), fields)
        self._concepts = {
            cid: Concept(
                id=cid,
                kind=kinds.get(cid, "topic"),
                names=tuple(slot["names"]),
                en=tuple(slot["en"]),
                covers=tuple(slot["covers"]),
                kin=tuple(slot["kin"]),
                national=tuple(slot["national"]),
                into=tuple(slot["into"]),
                derived=tuple(slot["derived"]),
                blocked=tuple(slot["blocked"]),
                senses=tuple(slot["senses"]),
                homographs=tuple(slot["homographs"]),
                cues=tuple(w for cue in slot["cues"] for w in normalize(cue).split()),
                unless=tuple(w for word in slot["unless"] for w in normalize(word).split()),
                together=tuple(
                    (parts[0], parts[1])
                    for parts, chain in map(_together_parts, slot["together"])
                    if not chain
                ),
                chains=tuple(
                    parts for parts, chain in map(_together_parts, slot["together"]) if chain
                ),
                members=tuple(slot["members"]),
            )
            for cid, slot in merged.items()
        }
        # (concept, homograph's words, first without its article) → its cue words.
        self._cues = cue_table((c.id, c.homographs, c.cues) for c in self._concepts.values())
        # A form that goes into a place has that for its only cue (`MatchIndex._cued`).
        self._cues.update(
            cue_table((c.id, c.into, (INTO_PLACE,)) for c in self._concepts.values() if c.into)
        )
        # First-word key → (concept, keys of the whole name, or of a homograph); English name
        # → concepts.
        self._by_key: dict[str, list[tuple[str, Keys]]] = {}
        self._by_homograph: dict[str, list[tuple[str, Keys]]] = {}
        self._by_english: dict[str, set[str]] = {}
        for concept in self._concepts.values():
            self._index(self._by_key, concept.id, concept.names)
            self._index(self._by_homograph, concept.id, concept.homographs)
            for english in concept.en:
                self._by_english.setdefault(" ".join(normalize(english).split()), set()).add(
                    concept.id
                )

    def _index(
        self, table: dict[str, list[tuple[str, Keys]]], concept_id: str, forms: Iterable[str]
    ) -> None:
        """Files each form under its first word's keys, with the keys of all its words."""
        for form in forms:
            phrase = phrase_of(form)
            if phrase is not None:
                keys = self.keys(phrase)
                for key in keys[0]:
                    table.setdefault(key, []).append((concept_id, keys))

    def __len__(self) -> int:
        return len(self._concepts)

    def concept(self, concept_id: str) -> Concept:
        return self._concepts[concept_id]

    def concepts(self) -> Iterable[Concept]:
        return self._concepts.values()

    def keys(self, phrase: Phrase) -> Keys:
        """Keys of each word of a phrase of common words."""
        return self.morphology.phrase_keys(phrase.words)

    def resolve(self, phrase: Phrase) -> list[str]:
        """Ids of the concepts this keyword names: one of their names in any of its forms,
        or one of their English names; failing those, one of their homographs («الانقلاب»,
        «القرصنة»): in a security bot its follower means the concept's sense (a quoted
        keyword is matched as written)."""
        found = set(self._by_english.get(" ".join(phrase.words), ()))
        found |= self._named(phrase, self._by_key)
        return sorted(found or self._named(phrase, self._by_homograph))

    def is_homograph(self, phrase: Phrase) -> bool:
        """Does this keyword name concepts only as one of their homographs? Then it wants
        their homograph forms with or without cues: its follower wrote the word itself."""
        named = self._by_english.get(" ".join(phrase.words)) or self._named(phrase, self._by_key)
        return not named and bool(self._named(phrase, self._by_homograph))

    def _named(self, phrase: Phrase, table: dict[str, list[tuple[str, Keys]]]) -> set[str]:
        keys = self.keys(phrase)
        return {
            concept_id
            for key in keys[0]
            for concept_id, name_keys in table.get(key, ())
            if len(name_keys) == len(keys)
            and all(a & b for a, b in zip(keys, name_keys, strict=True))
        }

    def cues(self, concept_id: str, words: tuple[str, ...]) -> tuple[str, ...]:
        """Cue words a homograph form of the concept needs close by, or ()."""
        return self._cues.get((concept_id, " ".join(words)), ()) if self._cues else ()

    def unless(self, concept_id: str) -> tuple[str, ...]:
        """Words that give the concept's forms another sense in their sentence, or ()."""
        concept = self._concepts.get(concept_id)
        return concept.unless if concept is not None else ()

    def members(self, concept_ids: Iterable[str]) -> list[str]:
        """Alias-table ids of the named instances of these concepts and of every concept they
        cover, each once."""
        found: dict[str, None] = {}
        for concept_id in concept_ids:
            for concept in self.watched(concept_id):
                found.update(dict.fromkeys(concept.members))
        return list(found)

    def watched(self, concept_id: str) -> list[Concept]:
        """The concept, every concept it covers, transitively, broadest first, and its own kin
        (with what they cover): a concept's kin are not watched by the concepts covering it."""
        order: list[Concept] = []
        seen: set[str] = set()
        root = self._concepts.get(concept_id)
        for start in ([concept_id], root.kin if root is not None else ()):
            pending = list(start)
            while pending:
                current = pending.pop(0)
                if current in seen or current not in self._concepts:
                    continue
                seen.add(current)
                concept = self._concepts[current]
                order.append(concept)
                pending.extend(concept.covers)
        return order


def _together_parts(text: str) -> tuple[tuple[str, ...], bool]:
    """The phrases of a `together` entry, and whether they make a chain («A > B > C») rather
    than a pair («A + B»)."""
    chain = CHAIN_SEPARATOR in text
    parts = text.split(CHAIN_SEPARATOR if chain else PAIR_SEPARATOR)
    return tuple(part.strip() for part in parts), chain


def _read(path: Path | Traversable) -> _ConceptFile:
    return read_data_file(path, _ConceptFile, ConceptFileError)


def load_concept_table(extra_files: Sequence[Path] = ()) -> ConceptTable:
    """The built-in thesaurus merged with admin files (later files add names and plurals)."""
    files: list[_ConceptFile] = [_read(resources.files("bot.match") / "data" / BUILTIN_CONCEPTS)]
    files += [_read(path) for path in extra_files]
    entries = [entry for file in files for entry in file.concepts]
    lexicon: dict[str, list[str]] = {}
    for file in files:
        for singular, plurals in file.lexicon.items():
            lexicon.setdefault(singular, []).extend(plurals)
    plural_only = [word for file in files for word in file.plural_only]
    return ConceptTable(entries, lexicon, plural_only)


@cache
def default_concept_table() -> ConceptTable:
    """The built-in thesaurus, loaded once on first use."""
    return load_concept_table()
