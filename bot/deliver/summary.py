"""Extractive, deterministic summaries: the few sentences an alert carries.

Sentences come from `bot.core.arabic.sentence_spans`. Each is scored by three general signals:
its position (news put the essentials first), its centrality (how much of its vocabulary the
rest of the article shares, over normalized, clitic-stripped words weighted by how few sentences
use them) and, when the alert is about a keyword, whether it mentions that keyword. Sentences
are then picked greedily by score, skipping near-repeats, within a character budget, and shown
in their original order. Pure code: no I/O, same input gives the same summary.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core import arabic
from bot.core.arabic import sentence_spans, strip_proclitics

__all__ = [
    "DEFAULT_WEIGHTS",
    "Summary",
    "SummarySentence",
    "SummaryWeights",
    "cut_at_word",
    "find_terms",
    "keyword_terms",
    "merge_spans",
    "summarize",
    "unwrap",
    "word_spans",
]

MAX_CHARS = 600
# Chosen with the weights (cross-validated): four short news sentences fill a 600-character
# alert better than three, and human summaries of these articles run to ~600 characters.
MAX_SENTENCES = 4

# Separators of several keywords in one subscription or CLI argument.
_KEYWORD_SPLIT = re.compile(r"[+،,;\n]")
# Attached pronouns and the plural/adjective endings that inflect a keyword in running text
# («صاروخ» → «صاروخية», «الصواريخ» stays a different word). Longest first.
_SUFFIXES = ("يين", "يون", "ية", "يه", "ات", "ان", "ين", "ون", "ها", "هم", "هما", "ي", "ه", "ا")

# Function words that say nothing about what a sentence is about (normalized, clitic-stripped
# forms). A general Arabic list plus the reporting verbs every news sentence uses.
_STOPWORDS = frozenset(
    """
    في من على الي عن مع ان او ثم حتي اذا اذ لو لا لم لن ما ماذا هل قد كل بعض غير بين عند
    منذ خلال بعد قبل حول ضد دون عبر لدي لكن بل اي التي الذي الذين اللذين اللتين اللواتي هذا
    هذه ذلك تلك هولاء اوليك هنا هناك هو هي هم هن انا نحن انت انتم كان كانت كانوا يكون تكون
    ليس ليست اما الا اليوم امس غدا ايضا فقط كما مثل وفق وفقا نحو لدى سوف سيكون يمكن تم
    قال قالت يقول تقول اضاف اضافت وقال واضاف اكد اكدت اعلن اعلنت ذكر ذكرت اشار اشارت
    تابع اوضح صرح بحسب حسب وكان وهو وهي وهم الذي عليه عليها فيه فيها منه منها اليه اليها
    له لها لهم به بها بهم عنه عنها انه انها لانه لان عام العام يوم شيء جدا ايضا اكثر اقل
    the a an of in on at to and or for with by from is are was were be been it its this that
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class SummaryWeights:
    """How the signals combine into a sentence's score.

    score = position · (1 + rank)^-decay + centrality · c/c_max + title · cos(title)
    (+ `keyword` for a sentence naming the subscription's keyword). Chosen by two-fold
    cross-validation on the EASC development articles (benchmarks/summary_eval.py): news
    states the gist first, so position is the strong prior and centrality only reorders
    what follows the lead.
    """

    position: float = 0.7
    decay: float = 0.5
    centrality: float = 0.2
    title: float = 0.15
    keyword: float = 0.5


DEFAULT_WEIGHTS = SummaryWeights()


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One picked sentence: its text, where it sits in the body, and the spans to bold."""

    text: str
    start: int
    end: int
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Summary:
    """The picked sentences, in the order they appear in the article."""

    sentences: tuple[SummarySentence, ...]

    @property
    def text(self) -> str:
        """The summary as plain text, sentences joined by a space."""
        return " ".join(s.text for s in self.sentences)

    @property
    def mentions_keyword(self) -> bool:
        return any(s.highlights for s in self.sentences)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word of `text`, split as the matcher splits words
    (`bot.core.arabic.word_spans`); `key` is normalized and clitic-stripped."""
    return [(start, end, strip_proclitics(word)) for start, end, word in arabic.word_spans(text)]


def keyword_terms(keywords: Iterable[str]) -> list[tuple[str, ...]]:
    """The word sequences to look for, from subscription queries or matched words.

    Each keyword may hold several alternatives (split on «+», «،», «,», new lines); words marked
    for exclusion (a leading minus) are dropped, quotes are ignored.
    """
    terms: list[tuple[str, ...]] = []
    for keyword in keywords:
        for part in _KEYWORD_SPLIT.split(keyword):
            words = [w for w in part.split() if not w.startswith(("-", "−"))]
            keys = tuple(key for _, _, key in word_spans(" ".join(words)))
            if keys and keys not in terms:
                terms.append(keys)
    return terms


def _same_word(token: str, term: str) -> bool:
    if token == term:
        return True
    if len(term) < 3 or not token.startswith(term):
        return False
    return token[len(term) :] in _SUFFIXES


def find_terms(text: str, terms: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Character spans of `text` where one of `terms` occurs (word by word, inflection-tolerant)."""
    words = word_spans(text)
    spans: list[tuple[int, int]] = []
    for i in range(len(words)):
        for term in terms:
            if i + len(term) > len(words):
                continue
            if all(_same_word(words[i + k][2], term[k]) for k in range(len(term))):
                spans.append((words[i][0], words[i + len(term) - 1][1]))
    return merge_spans(spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` sorted, with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(slots=True)
class _Candidate:
    index: int
    start: int
    end: int
    text: str
    content: Counter[str]
    words: int
    score: float = 0.0
    has_keyword: bool = False


_TERMINAL = ".!?؟؛…\"'»”)"


def unwrap(text: str) -> str:
    """`text` with hard line wraps joined, same length (so offsets stay valid).

    Some sources wrap paragraphs at a fixed width: a line break then falls mid-sentence and
    would cut it in two. When most lines are of similar width and do not end like a sentence,
    a break after a full-width line that does not end like a sentence becomes a space.
    """
    lines = text.split("\n")
    filled = [line.rstrip() for line in lines[:-1] if line.strip()]
    if len(filled) < 3:
        return text
    open_ended = sum(not line.endswith(tuple(_TERMINAL)) for line in filled)
    widths = sorted(len(line) for line in filled)
    width = widths[len(widths) // 2]
    if open_ended < len(filled) / 2 or widths[(len(widths) * 3) // 4] > 2 * width:
        return text
    out: list[str] = []
    for line, following in itertools.pairwise(lines):
        stripped = line.rstrip()
        joins = (
            len(stripped) >= 0.6 * width
            and not stripped.endswith(tuple(_TERMINAL))
            and following.strip() != ""
        )
        out.append(line + (" " if joins else "\n"))
    out.append(lines[-1])
    return "".join(out)


def _candidates(body: str) -> list[_Candidate]:
    """Sentences worth showing: enough words to stand alone (drops headings, bylines, chrome)."""
    all_sentences: list[_Candidate] = []
    flat = unwrap(body)
    for index, (start, end) in enumerate(sentence_spans(flat)):
        sentence = flat[start:end]
        keys = [key for _, _, key in word_spans(sentence)]
        content = Counter(k for k in keys if k not in _STOPWORDS and len(k) > 1)
        all_sentences.append(_Candidate(index, start, end, sentence, content, len(keys)))
    # A sentence either ends like one, or is long enough not to be a heading or a button.
    kept = [
        c
        for c in all_sentences
        if c.words >= 5 and (c.text.endswith(tuple(_TERMINAL)) or c.words >= 8)
    ]
    return kept or all_sentences


def _weights(candidates: Sequence[_Candidate]) -> dict[str, float]:
    """Inverse sentence frequency: a word in every sentence tells nothing."""
    frequency: Counter[str] = Counter()
    for candidate in candidates:
        frequency.update(candidate.content.keys())
    n = len(candidates)
    return {word: math.log((n + 1) / count) for word, count in frequency.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(value * b.get(word, 0.0) for word, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _score(
    candidates: list[_Candidate],
    title: str | None,
    terms: list[tuple[str, ...]],
    weights_of: SummaryWeights,
) -> None:
    weights = _weights(candidates)
    document: Counter[str] = Counter()
    for candidate in candidates:
        document.update(candidate.content)
    title_vector: dict[str, float] = {}
    if title:
        title_words = Counter(k for _, _, k in word_spans(title) if k not in _STOPWORDS)
        title_vector = {w: c * weights.get(w, 0.0) for w, c in title_words.items()}

    centralities: list[float] = []
    for candidate in candidates:
        own = {w: c * weights[w] for w, c in candidate.content.items()}
        # Similarity to the rest of the article, the sentence itself left out.
        rest = {w: (document[w] - candidate.content[w]) * weights[w] for w in document}
        centralities.append(_cosine(own, rest))
    top = max(centralities, default=0.0) or 1.0

    for rank, (candidate, centrality) in enumerate(zip(candidates, centralities, strict=True)):
        # Rank among kept sentences: chrome dropped before the first sentence does not count.
        position = (1.0 + rank) ** -weights_of.decay
        about_title = _cosine(
            {w: c * weights[w] for w, c in candidate.content.items()}, title_vector
        )
        # Position dominates (news state the essentials first); centrality picks, among later
        # sentences, those that carry the article's vocabulary rather than a side detail.
        score = (
            weights_of.centrality * centrality / top
            + weights_of.position * position
            + weights_of.title * about_title
        )
        # A very short sentence rarely carries a fact on its own.
        words = sum(candidate.content.values())
        score *= min(1.0, 0.5 + words / 16)
        candidate.has_keyword = bool(terms) and bool(find_terms(candidate.text, terms))
        if candidate.has_keyword:
            score += weights_of.keyword
        candidate.score = score


def _evidence_candidate(
    candidates: Sequence[_Candidate], evidence: Sequence[str]
) -> _Candidate | None:
    """The candidate that is (or best contains) one of the matcher's evidence sentences."""
    for sentence in evidence:
        wanted = Counter(
            k for _, _, k in word_spans(sentence) if k not in _STOPWORDS and len(k) > 1
        )
        if not wanted:
            continue
        best = max(candidates, key=lambda c: (_overlap(wanted, c.content), -c.index))
        if _overlap(wanted, best.content) >= 0.6:
            return best
    return None


def _overlap(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a.keys() & b.keys())
    return shared / min(len(a), len(b))


def cut_at_word(text: str, limit: int, *, trailing: str = "") -> str:
    """`text` shortened at a word boundary to at most `limit` characters, with an ellipsis;
    the characters in `trailing` are dropped from the end of the cut first."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(trailing) + "…"


def summarize(
    body: str,
    keywords: Sequence[str] = (),
    *,
    title: str | None = None,
    max_sentences: int = MAX_SENTENCES,
    max_chars: int = MAX_CHARS,
    evidence: Sequence[str] = (),
    weights: SummaryWeights = DEFAULT_WEIGHTS,
) -> Summary:
    """The sentences of `body` (at most `max_sentences`) that best stand for it, in order,
    within `max_chars`.

    `keywords` are the subscription queries and/or matched words the alert is about: a sentence
    mentioning one is preferred (the summary says why the article matched) and the words are
    returned as highlights. `title`, when given, counts as one more hint of what matters.
    `evidence` are the sentences the matcher found the keyword in: the first of them that is
    a sentence of the body is always shown, so the alert shows why it came even when the
    match was an alias or a spelling variant that `keywords` do not spell out.
    """
    candidates = _candidates(body)
    if not candidates:
        return Summary(())
    terms = keyword_terms(keywords)
    _score(candidates, title, terms, weights)
    ranked = sorted(candidates, key=lambda c: (-c.score, c.index))

    # The sentence that matched goes first, else the best one naming the keyword.
    proof = _evidence_candidate(candidates, evidence)
    queue = ([proof] if proof else [c for c in ranked if c.has_keyword][:1]) + ranked
    best = queue[0]
    if len(best.text) > max_chars:
        # The sentence that matters most is longer than the whole budget: show it, shortened,
        # rather than a lesser sentence that happens to be short.
        shown = cut_at_word(best.text, max_chars, trailing=" ،,؛:")
        return Summary(
            (SummarySentence(shown, best.start, best.end, tuple(find_terms(shown, terms))),)
        )

    chosen: list[_Candidate] = []
    used = 0
    for candidate in queue:
        if len(chosen) == max_sentences:
            break
        if candidate in chosen:
            continue
        cost = len(candidate.text) + (1 if chosen else 0)
        if used + cost > max_chars:
            continue
        if any(_overlap(candidate.content, c.content) > 0.6 for c in chosen):
            continue
        chosen.append(candidate)
        used += cost

    chosen.sort(key=lambda c: c.index)
    return Summary(
        tuple(
            SummarySentence(c.text, c.start, c.end, tuple(find_terms(c.text, terms)))
            for c in chosen
        )
    )
