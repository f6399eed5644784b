from __future__ import annotations

import pytest

from bot.arabic import index_text, normalize, strip_proclitics, tokenize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الناتو", "الناتو"),
        ("النّاتُو", "الناتو"),  # shadda and damma
        ("النـــاتو", "الناتو"),  # tatweel
        ("أمريكا", "امريكا"),
        ("إيران", "ايران"),
        ("آسيا", "اسيا"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("الكورية", "الكوريه"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("کوریا", "كوريا"),  # Persian kaf and yeh
        ("ڤلاديمير", "فلاديمير"),
        ("٢٠٢٤", "2024"),
        ("۲۰۲۴", "2024"),
        ("كوريا\u00a0الشمالية", "كوريا الشماليه"),
        ("الن\u200cاتو", "الناتو"),  # zero-width non-joiner
        ("\u202bالناتو\u202c", "الناتو"),  # bidi embedding
        ("NATO", "nato"),
        ("ﺍﻟﻨﺎﺗﻮ", "الناتو"),  # presentation forms
    ],
)
def test_normalize_folds_variants(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_tokenize_drops_punctuation() -> None:
    assert tokenize("قال «ستولتنبرغ»: الناتو، (NATO) في 2024!") == [
        "قال",
        "ستولتنبرغ",
        "الناتو",
        "nato",
        "في",
        "2024",
    ]


@pytest.mark.parametrize(
    ("token", "stem"),
    [
        ("والناتو", "ناتو"),
        ("بالناتو", "ناتو"),
        ("للناتو", "ناتو"),
        ("الناتو", "ناتو"),
        ("وللناتو", "ناتو"),
        ("ناتو", "ناتو"),
        ("ولد", "ولد"),  # too short to strip
        ("بكين", "كين"),  # ambiguous; harmless for search because queries strip alike
    ],
)
def test_strip_proclitics(token: str, stem: str) -> None:
    assert strip_proclitics(token) == stem


def test_index_text_makes_clitic_forms_meet() -> None:
    assert index_text("والناتو") == index_text("الناتو") == index_text("للنّاتو")
