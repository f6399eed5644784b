"""Arabic text normalization and tokenization, shared by matching, search and summaries."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "WORD_RE",
    "fold_digits",
    "index_text",
    "is_query_filler",
    "normalize",
    "query_terms",
    "sentence_spans",
    "skeleton",
    "split_sentences",
    "strip_invisible",
    "strip_proclitics",
    "tokenize",
    "word_spans",
]

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks; tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Zero-width and bidi control marks that copy-paste and web pages leave inside words.
# Zero-width and bidi control marks that copy-paste and web pages leave inside words: spaces
# and joiners, LRM/RLM/ALM, embeddings and isolates, word joiner, BOM, soft hyphen, and the
# Mongolian vowel separator.
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c\u180e]"
)

_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ۍ": "ي",
        "ئ": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ە": "ه",
        "ؤ": "و",
        "ک": "ك",
        "گ": "ك",
        "ڪ": "ك",
        "ڤ": "ف",
        "ڥ": "ف",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TOKEN = re.compile(r"[\w]+", re.UNICODE)
# One pass each for what `normalize` deletes and what it folds: it runs on every article text.
_MARKS = re.compile(f"{_INVISIBLE.pattern}|{_DIACRITICS.pattern}")
_FOLD: dict[int, str | int | None] = {**_LETTERS, **_DIGITS}


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII digits."""
    return text.translate(_DIGITS)


def strip_invisible(text: str) -> str:
    """`text` without the invisible marks `normalize` ignores: what a user types as a keyword is
    stored and matched as it reads (a zero-width space inside a word would split it)."""
    return _INVISIBLE.sub("", text)


def normalize(text: str) -> str:
    """Fold orthographic variation so that equal words compare equal.

    Removes diacritics, tatweel and invisible marks; unifies alef, yeh, teh marbuta,
    hamza seats and Persian/Urdu letters; folds digits and whitespace; lowercases Latin.
    The length of the result may differ from the input: use `tokenize` with offsets
    when positions in the original text matter.
    """
    text = unicodedata.normalize("NFKC", text) if not text.isascii() else text
    text = _MARKS.sub("", text).translate(_FOLD)
    # str.split() splits on all Unicode whitespace (NBSP, thin spaces ...), faster than a regex.
    return " ".join(text.lower().split())


def tokenize(text: str) -> list[str]:
    """Normalized word tokens of `text` (letters and digits; punctuation dropped)."""
    return _TOKEN.findall(normalize(text).replace("_", " "))


# A word in the original text: letters/digits with the marks that may sit inside an Arabic word
# (diacritics, tatweel, zero-width joiners, soft hyphen). Underscore is not a letter.
WORD_RE = re.compile(
    "(?:[^\\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u00ad])+"
)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized word) for every word of `text`, offsets into the original text.

    The same words as `tokenize`, but keeping where each one sits, so that a match can be
    shown and highlighted in the text the user reads.
    """
    spans: list[tuple[int, int, str]] = []
    for m in WORD_RE.finditer(text):
        word = normalize(m.group())
        if word:
            spans.append((m.start(), m.end(), word))
    return spans


# Transliterated names are spelled by ear: G is غ ج ك or ق, T is ت or ط, S is س ص or ث, Z is ز ذ
# or ظ, D is د or ض, and long vowels come and go (ستولتنبرغ / ستولتنبرج, بيونغ / بيونج,
# ترامب / ترمب). The skeleton keeps the consonants of a normalized word, one letter per class.
_SKELETON = str.maketrans(
    {
        "غ": "ك", "ج": "ك", "ق": "ك", "ط": "ت", "ص": "س", "ث": "س", "ذ": "ز", "ظ": "ز",
        "ض": "د", "ا": None, "و": None, "ي": None, "ء": None,
        "a": None, "e": None, "i": None, "o": None, "u": None, "y": None,
    }
)  # fmt: skip


def skeleton(word: str) -> str:
    """Consonant skeleton of a normalized word, equal for transliteration variants of a name."""
    # The affricate ts (German z) is written تس or تز: شولتس / شولتز، هرتسوغ / هرتزوغ.
    return word.translate(_SKELETON).replace("تز", "تس")


# Proclitic chains a reader strips to find the word: conjunction (و ف), preposition (ب ك ل),
# article (ال), and the fused «لل». Longest first so that «وبال» wins over «و».
_PROCLITICS = (
    "وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل",
    "ال", "لل", "وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك",
)  # fmt: skip


# Cached: a pure function of a token, called for every word of every article indexed.
@lru_cache(maxsize=100_000)
def strip_proclitics(token: str, min_stem: int = 3) -> str:
    """The token without its leading clitics and article, keeping at least `min_stem` letters.

    Works on normalized tokens. Ambiguous by nature (a word may really start with و or ب),
    so callers that need precision compare both the token and its stripped form.
    """
    for prefix in _PROCLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= min_stem:
            return token[len(prefix) :]
    return token


def index_text(text: str) -> str:
    """Text as stored in the full-text index: each token, followed by its clitic-stripped form
    when that differs.

    Both are kept because stripping is ambiguous and not idempotent: «بكوريا» strips to
    «كوريا» but «كوريا» itself strips to «وريا». A query term then matches either form
    (see `storage.search.fts_query`), so «كوريا» finds «بكوريا» and «الكتاب» finds «كتاب».
    """
    terms: list[str] = []
    for token in tokenize(text):
        terms.append(token)
        stem = strip_proclitics(token)
        if stem != token:
            terms.append(stem)
    return " ".join(terms)


# Words a user types around what they look for («ماذا عن الناتو؟», «آخر أخبار كوريا», «what
# about NATO»): question words, prepositions, pronouns, and the news words every query to a news
# bot implies. Normalized forms (see `normalize`), so «إلى» is «الي» and «متى» is «متي».
# Distinct from the summary and story stopword lists: those also drop reporting verbs.
_QUERY_FILLER = frozenset(
    """
    ماذا وماذا ما وما من عن في علي الي هل وهل كيف متي اين لماذا ولماذا لما كم اي ايش شو وش ليش
    هو هي هم ماهو ماهي هذا هذه ذلك تلك هناك هنا مع حول بشان بخصوص عند لدي و او ثم ام
    اخبار الاخبار واخبار خبر الخبر اخر واخر احدث جديد الجديد جديده مستجدات اي شي شيء عندك
    ابحث اريد اعطني
    what whats about the a an of in on at to and or for with is are was were any s how when
    where why who which news latest new recent tell me show give
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def is_query_filler(token: str) -> bool:
    """Whether a normalized token is a question or function word of a query, not its subject,
    alone or after the conjunction و/ف («وأين», «فماذا»)."""
    return token in _QUERY_FILLER or (token[:1] in ("و", "ف") and token[1:] in _QUERY_FILLER)


def query_terms(text: str) -> list[str]:
    """The distinct tokens of a query that say what it is about: question and function words
    are dropped when a content word remains; a query made only of them is kept as typed."""
    terms = list(dict.fromkeys(tokenize(text)))
    content = [t for t in terms if not is_query_filler(t)]
    return content or terms


# A sentence ends at . ! ? ؟ ؛ … or a line break. A full stop between two digits (2.5) or after a
# single letter / common abbreviation (د. محمد, U.S.) does not end a sentence.
# Written to start with one character class (a mark or a line break, then the rest of the
# run): the regex engine then skips to candidates in C, five times faster on news bodies than
# the alternation «[marks]+[closers]*|\n+», with the same matches.
_SENTENCE_END = re.compile(r"[.!?؟؛…\n](?:(?<=\n)\n*|(?<!\n)[.!?؟؛…]*[»\"”’')\]]*)")
_ABBREVIATION = re.compile(r"(?:^|[\s(«\"])(?:\w|د|م|ص|ق|ج|mr|dr|st|vs|etc|u\.s|u\.n)$", re.I)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of `text`, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for mark in _SENTENCE_END.finditer(text):
        end = mark.end()
        if mark.group().startswith(".") and "\n" not in mark.group():
            before, after = text[mark.start() - 1 : mark.start()], text[end : end + 1]
            if before.isdigit() and after.isdigit():
                continue
            if _ABBREVIATION.search(text[max(start, mark.start() - 6) : mark.start()]):
                continue
        _append_trimmed(spans, text, start, end)
        start = end
    _append_trimmed(spans, text, start, len(text))
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if any(ch.isalnum() for ch in text[start:end]):
        spans.append((start, end))


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, in order."""
    return [text[a:b] for a, b in sentence_spans(text)]
