from __future__ import annotations

import pytest

from bot.core.arabic import index_text, normalize, split_sentences, strip_proclitics, tokenize


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


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("والناتو", ["والناتو", "ناتو"]),
        ("للنّاتو", ["للناتو", "ناتو"]),
        ("بكوريا", ["بكوريا", "كوريا"]),
        ("كوريا", ["كوريا", "وريا"]),
        ("قمة", ["قمه"]),
    ],
)
def test_index_text_keeps_surface_and_stem(text: str, terms: list[str]) -> None:
    assert index_text(text).split() == terms


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("قال الوزير. ثم غادر.", ["قال الوزير.", "ثم غادر."]),
        ("هل انتهى؟ نعم! حسناً؛ تابع", ["هل انتهى؟", "نعم!", "حسناً؛", "تابع"]),
        ("ارتفع بنسبة 2.5 في المئة. وانخفض", ["ارتفع بنسبة 2.5 في المئة.", "وانخفض"]),
        ("التقى د. محمد بالوفد. ثم عاد", ["التقى د. محمد بالوفد.", "ثم عاد"]),
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
        ("قال: «انتهى الأمر.» ثم صمت", ["قال: «انتهى الأمر.»", "ثم صمت"]),
        ("The U.S. said no. Fine", ["The U.S. said no.", "Fine"]),
        ("...\n\n", []),
        # Runs of marks and of line breaks end one sentence each, closers included.
        ("انتهى!؟\n\nثم بدأ", ["انتهى!؟", "ثم بدأ"]),
        ("خبر\n\n\n.عاجل", ["خبر", "عاجل"]),
        ("لماذا؟؟ (لا نعرف.) ثم", ["لماذا؟؟", "(لا نعرف.)", "ثم"]),
        ("سطر\n\n..\nآخر", ["سطر", "آخر"]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
