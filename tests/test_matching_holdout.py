"""Precision and recall on a held-out set written independently of the matcher's rules.

`tests/data/matching_holdout.tsv` was written by a second reader before reading the rules, the
way a demanding analyst would probe each category of the matching rules and each negative. It
is kept apart from the development set so that a rule tuned to one set shows up as a failure on
the other.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.helpers import MatchCase, read_match_cases, score_match_cases

HOLDOUT = Path(__file__).parent / "data" / "matching_holdout.tsv"


def _holdout_cases() -> list[MatchCase]:
    return read_match_cases(HOLDOUT)


def test_holdout_covers_every_category() -> None:
    cases = _holdout_cases()
    assert len(cases) >= 250
    per_category = Counter(category for _, _, _, category in cases)
    required = {"orthography", "clitics", "nisba", "exact", "transliteration", "alias"}
    required |= {"near_word", "phrase", "longer_entity", "syntax", "real"}
    assert required <= set(per_category)
    negatives = Counter(category for _, _, expected, category in cases if not expected)
    assert min(negatives[c] for c in ("near_word", "phrase", "longer_entity", "exact")) >= 3


def test_holdout_precision_and_recall() -> None:
    cases = _holdout_cases()
    precision, recall, errors = score_match_cases(cases)
    print(f"holdout: {len(cases)} cases, P={precision:.3f} R={recall:.3f}", *errors, sep="\n")
    assert precision >= 0.97, errors
    assert recall >= 0.95, errors
