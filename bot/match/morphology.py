"""Arabic morphology of common words: the forms a word of a topic phrase takes in news text.

A word is reduced to *keys*: normalized stems with the article, proclitics, pronoun suffixes,
number and gender endings removed, broken plurals mapped to their singular and regular
loanword spellings folded. Two words are forms of one another when their key sets meet. The
matcher indexes a phrase of common words by the keys of its first word and checks the words
after it by key, so every word of «الصواريخ الباليستية» matches «صاروخا باليستيا»,
«صواريخ بالستية» or «وصواريخهم الباليستية».

Names never come here: stemming mangles transliterated names (measured on the name sets),
so they keep the matcher's own rules.

Broken plurals come from the thesaurus's curated `lexicon` (singular → plurals; admins extend
it in their concepts file). A lexicon package was measured against it on the topic
development set (tests/data/topic_cases.tsv, 410 topic cases) and the name sets: rules alone
R=0.956; curated list (243 entries) P=1.000 R=0.996; arramooz-pysqlite's noun dictionary
(broken plurals of the 652 entries it finds for the thesaurus's words, 225 singulars)
P=1.000 R=0.996; both together the same; names unchanged (P=0.999 R=0.997) in every case.
Equal figures, so the curated list is kept: the package is a 22 MB SQLite dictionary whose
unvocalized lookups also return wrong pairs («زمام» → «أزمة», «بخت» → «أبحاث», «أرضة» →
«أرض») that a matcher would turn into false mentions.

Pure code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from bot.core.arabic import normalize

__all__ = [
    "FUNCTION_WORDS",
    "Morphology",
    "loan_key",
]

# Closed-class words (prepositions, conjunctions, relative and demonstrative pronouns,
# particles, auxiliaries, discourse adverbs): a phrase may be interrupted by modifiers («وقف
# فوري وشامل لإطلاق النار»), never by one of these, which starts a new constituent («هجوم على
# موقع إلكتروني», «عقوبات وتحديدا غرامات مالية»).
# Normalized spellings.
FUNCTION_WORDS = frozenset(
    """
    في من الي علي عن مع ضد منذ حتي عبر خلال بين بعد قبل عند لدي نحو دون حول ضمن تجاه
    و او ثم ام بل لكن لان ان انه انها اذا اذ كما لا لم لن ما قد قد سوف هل الا غير سوي
    الذي التي الذين اللذين اللتين اللواتي اللاتي هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك
    هو هي هم هن انا نحن كان كانت يكون تكون كانوا ليس ليست وفي ومن والي وعلي وعن ومع
    فيه فيها منه منها عليه عليها اليه اليها عنه عنها بها به لها له بعد بينما حيث كل بعض
    ايضا وايضا كذلك وكذلك تحديدا وتحديدا بالتحديد خصوصا وخصوصا فقط ربما
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

# Proclitic chains on any word of a phrase: conjunction, preposition, article («لل» = ل + ال).
_PROCLITICS = tuple(
    sorted(
        {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل") for a in ("", "ال")}
        | {c + "لل" for c in ("", "و", "ف")},
        key=len,
        reverse=True,
    )
)
_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه", "ك")
_MIN_STEM = 3
_MASCULINE_PLURAL_STEM = 6


# The tens (normalized), which look like sound plurals of the units: «الأربعين» (forty, as
# in «مسيرة الأربعين», the Arbaeen march) is no plural of «الأربع» (the four).
_TENS = frozenset(
    ten + ending
    for ten in ("عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع")
    for ending in ("ين", "ون")
)


def hidden_reading(known: Iterable[str], stem: str) -> bool:
    """Is stem a clitic reading of a longer known word (a name, a noun of the lexicon)? Such a
    word keeps its letters: only its article and the clitics before it may be read off
    («بكين» is not ب + كين, «بطاقة» not ب + طاقة)."""
    return any(
        len(word) > len(stem) and not (word.endswith(stem) and word[: -len(stem)].endswith("ال"))
        for word in known
    )


def _pronoun_bases(word: str) -> Iterator[tuple[str, str]]:
    """(pronoun, the word before it) for each pronoun suffix the word may end in, leaving a
    stem of at least _MIN_STEM letters."""
    for pronoun in _PRONOUNS:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= _MIN_STEM:
            yield pronoun, word[: -len(pronoun)]


def loan_key(word: str) -> str | None:
    """Spelling key of a long nisba adjective, the kind borrowed words take: the long vowels
    ي and و inside it dropped, so «باليستي» / «بالستي», «أمريكي» / «أميركي», «إلكتروني» /
    «الكتروني» share it. Marked so that it never equals a stem."""
    if len(word) < 6 or not word.endswith("ي"):
        return None
    inner = word[1:-1].replace("ي", "").replace("و", "")
    return "~" + word[0] + inner + "ي"


def _fold_nisba(word: str) -> str:
    """«كيميائي», «كيمياوي» and «كيماوي» are one adjective: the -ائي / -اوي endings fold
    (ئ is already ي after normalization)."""
    for ending in ("يايي", "ياوي"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + "اوي"
    if word.endswith("ايي") and len(word) > 4:
        return word[:-3] + "اوي"
    return word


class Morphology:
    """Keys of words, with a broken-plural lexicon (plural → singulars, normalized) and the
    plurals a keyword keeps (`plural_only`)."""

    def __init__(
        self,
        plurals: Mapping[str, Iterable[str]] | None = None,
        plural_only: Iterable[str] = (),
    ) -> None:
        singular_of: dict[str, set[str]] = {}
        for singular, forms in (plurals or {}).items():
            base = normalize(singular)
            for form in forms:
                singular_of.setdefault(normalize(form), set()).add(base)
        self._singular_of = {k: frozenset(v) for k, v in singular_of.items()}
        self._singulars = frozenset(s for v in singular_of.values() for s in v)
        # Plurals whose singular means something else in the news («عقوبات» are sanctions,
        # «عقوبة» is a penalty): alone in a keyword they stand for the plural only.
        self._plural_only = frozenset(normalize(word) for word in plural_only)
        self._token_cache: dict[str, frozenset[str]] = {}
        # Keyword words repeat across thousands of subscriptions: one set each, shared.
        self._keyword_cache: dict[tuple[str, bool], frozenset[str]] = {}

    def knows(self, word: str) -> bool:
        """Is this normalized word (without the article) a noun of the lexicon, singular or
        plural?"""
        return word in self._singular_of or word in self._singulars

    def _knows_form(self, word: str) -> bool:
        """Is this word a noun of the lexicon, or one with a pronoun suffix («بطاقته»)?"""
        return self.knows(word) or any(
            self.knows(base) or (base.endswith("ت") and self.knows(base[:-1] + "ه"))
            for _, base in _pronoun_bases(word)
        )

    def keeps_letters(self, word: str) -> bool:
        """Is this normalized word, as it stands, a form of a lexicon word (its number and
        gender endings read off)? Then no proclitic or article is read off it: «باليستي»,
        «باليستية» (ballistic) are no ب + ال + a stem."""
        return any(self._knows_form(form) for form in self._number_forms(word, masculine=True))

    def is_plural(self, word: str) -> bool:
        """Is this normalized word (without the article) a broken plural of the lexicon?"""
        return word in self._singular_of

    def token_keys(self, word: str) -> frozenset[str]:
        """Keys of one normalized word of a text (cached: news vocabulary is bounded)."""
        keys = self._token_cache.get(word)
        if keys is None:
            if len(self._token_cache) > 200_000:
                self._token_cache.clear()
            keys = self._token_cache[word] = self._token_keys(word)
        return keys

    def _number_forms(self, word: str, masculine: bool, keyword: bool = False) -> set[str]:
        """A clitic-free word and its singular readings (dual, plural, accusative, feminine).

        A keyword's plural in -ات is read as a masculine singular only when the stem is long
        (the verbal nouns «احتجاجات» → «احتجاج», «اعتقالات» → «اعتقال»): a short one is the
        plural of a feminine noun («مظاهرات» is not «مظاهر», «عقوبات» is not «عقوب»)."""
        out = {word}
        n = len(word)
        if n >= _MIN_STEM + 3 and word.endswith(("تان", "تين")):
            out.add(word[:-3] + "ه")
        if not keyword and n >= _MIN_STEM + 2 and word.endswith(("تي", "تا")):
            # A feminine dual before its complement, either case: «طائرتي مسيرة», «حاملتا
            # الطائرات».
            out.add(word[:-2] + "ه")
        if (
            n >= _MIN_STEM + 2
            and word.endswith(("ان", "ين", "ون"))
            and word.removeprefix("ال") not in _TENS
        ):
            out.add(word[:-2])
        if n >= _MIN_STEM + 2 and word.endswith("ات"):
            out.add(word[:-2] + "ه")
            # The article is no part of the stem: «المظاهرات» is as short as «مظاهرات».
            stem = n - 2 - (2 if word.startswith("ال") else 0)
            if not keyword or stem >= _MASCULINE_PLURAL_STEM:
                out.add(word[:-2])
        # The accusative alef: صاروخا، باليستيا. Never after teh marbuta (folded to «ه»),
        # which takes no alef: «عملها» is «عمل» + «ها» (her work), not «عملة». A «ه» after
        # an alef is the root's (teh marbuta never follows one): «مياها», «اتجاها».
        if (
            n >= _MIN_STEM + 1
            and word.endswith("ا")
            and word[-2] not in "او"
            and (word[-2] != "ه" or word[-3] == "ا")
        ):
            out.add(word[:-1])
        for form in list(out):
            # Feminine of a nisba adjective always folds (باليستية → باليستي); of other words
            # only where asked (an adjective's gender follows its noun).
            if len(form) > _MIN_STEM and (form.endswith("يه") or (masculine and form[-1] == "ه")):
                out.add(form[:-1])
        for form in list(out):
            out |= self._singular_of.get(form, frozenset())
            if form.startswith("ال"):
                # With its article too: a text's word that is also a name keeps only its
                # whole form as key («القاعدة», al-Qaeda's name, for «القواعد»).
                out |= {"ال" + s for s in self._singular_of.get(form[2:], ())}
        keys = set()
        for form in out:
            # A reading that is a function word («كما» from «كمائن», «الي» from «آلية») would
            # make every «كما» and «إلى» of a text a form of the word.
            if form != word and (len(form) < _MIN_STEM or form in FUNCTION_WORDS):
                continue
            folded = _fold_nisba(form)
            keys.add(folded)
            loan = loan_key(folded)
            if loan is not None:
                keys.add(loan)
        return keys

    def keyword_keys(self, word: str, position: int) -> frozenset[str]:
        """Keys of one normalized word of a keyword: with or without its article; a word
        after the first may also be the masculine of a feminine (an adjective agreeing)."""
        cached = self._keyword_cache.get((word, position > 0))
        if cached is None:
            if len(self._keyword_cache) > 200_000:  # words of keywords come and go
                self._keyword_cache.clear()
            cached = self._keyword_cache[word, position > 0] = self._keyword_keys(word, position)
        return cached

    def phrase_keys(self, words: Sequence[str]) -> tuple[frozenset[str], ...]:
        """Keys of each normalized word of a keyword or a concept's name. A one-word plural
        listed as plural-only keeps its number (with clitics and pronouns): in a phrase the
        other words tell the sense («عقوبات اقتصادية»), alone the singular is another word."""
        if len(words) == 1:
            bare = words[0][2:] if words[0].startswith("ال") else words[0]
            if bare in self._plural_only:
                if bare.endswith(("ين", "ون")):  # a sound plural: either case
                    stem = bare[:-2]
                    forms = {stem + "ين", stem + "ون"}
                    if len(bare) >= _MASCULINE_PLURAL_STEM:
                        # Before its complement it drops its «ن»: «مسلحي التنظيم».
                        forms |= {stem + "ي", stem + "و"}
                    return (frozenset(forms),)
                return (frozenset((bare,)),)
        return tuple(self.keyword_keys(word, position) for position, word in enumerate(words))

    def _keyword_keys(self, word: str, position: int) -> frozenset[str]:
        stems = {word}
        # A later word joined by «و» («القرصنة والسرقة المسلحة») has the forms of the word
        # without it, as a text's word has with or without (`_token_keys`).
        if position > 0 and word.startswith("وال") and len(word) - 3 >= _MIN_STEM:
            word = word[1:]
            stems.add(word)
        # Not «ان» from «الآن»: a function word is never a form of a content word.
        if word.startswith("ال") and len(word) - 2 >= 2 and word[2:] not in FUNCTION_WORDS:
            stems.add(word[2:])
        keys: set[str] = set()
        for stem in stems:
            keys |= self._number_forms(stem, masculine=position > 0, keyword=True)
            # A sound masculine plural before its complement drops its «ن»: «لاجئو الروهينغا»,
            # «مسلحي الجماعة».
            # Never with the article: a noun before its complement has none.
            if (
                len(stem) >= _MASCULINE_PLURAL_STEM
                and stem.endswith(("ين", "ون"))
                and not stem.startswith("ال")
            ):
                keys |= {stem[:-2] + "و", stem[:-2] + "ي"}
        return frozenset(keys)

    def _token_keys(self, word: str) -> frozenset[str]:
        """Keys of one normalized word of a text: every proclitic chain, pronoun suffix and
        number ending it may carry removed."""
        stems = {word}
        nouns = [word] if self._knows_form(word) else []
        for prefix in reversed(_PROCLITICS):  # shortest first: «وبطاقة» meets «بطاقة»
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                stem = word[len(prefix) :]
                # A noun of the lexicon keeps its letters: «بطاقة» (a card) is not ب + طاقة,
                # «فرد» not ف + رد; its article and the clitics before it still go.
                if hidden_reading(nouns, stem):
                    continue
                stems.add(stem)
                if self._knows_form(stem):
                    nouns.append(stem)
        keys: set[str] = set()
        for stem in stems:
            keys |= self._number_forms(stem, masculine=True)
            for pronoun, base in _pronoun_bases(stem):
                keys |= self._number_forms(base, masculine=True)
                if base.endswith("ت"):  # طائرته → طائرة
                    keys |= self._number_forms(base[:-1] + "ه", masculine=True)
                elif base[-1] in "يو" and base[-2] in "اوي" and len(base) > _MIN_STEM:
                    # A final hamza sits on a seat before a suffix: «لجوئهم» is «لجوء»
                    # + «هم», «وزرائها» «وزراء», «حلفاؤها» «حلفاء» (seats fold to ي/و).
                    keys |= self._number_forms(base[:-1] + "ء", masculine=True)
                elif pronoun != "ه" and base.endswith("ي") and len(base) > _MIN_STEM + 1:
                    # A dual before its pronoun: «برنامجيها» (its two programmes). An
                    # adjective takes no pronoun, so this «ي» is no nisba; but «يه» is
                    # mostly one's feminine («الاحتجاجية», teh marbuta folded to «ه»).
                    keys |= self._number_forms(base[:-1], masculine=True)
        return frozenset(keys)
