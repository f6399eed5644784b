from __future__ import annotations

import pytest

from bot.core.bidi import LRI, PDI, has_arabic, ltr_runs, wrap_ltr_runs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("قال ستولتنبرغ (NATO) في 2024", f"قال ستولتنبرغ ({LRI}NATO{PDI}) في {LRI}2024{PDI}"),
        ("NATO يجتمع اليوم", f"{LRI}NATO{PDI} يجتمع اليوم"),
        ("نسبة 2.5% فقط", f"نسبة {LRI}2.5%{PDI} فقط"),
        ("في 2024-06-20 14:30 صباحاً", f"في {LRI}2024-06-20 14:30{PDI} صباحاً"),
        ("قالت U.S. Army إن", f"قالت {LRI}U.S. Army{PDI} إن"),
        ("للمتابعة: /follow الناتو", f"للمتابعة: {LRI}/follow{PDI} الناتو"),
        ("سطر A\nB سطر", f"سطر {LRI}A{PDI}\n{LRI}B{PDI} سطر"),
        ("عام ٢٠٢٤ م", f"عام {LRI}٢٠٢٤{PDI} م"),
        ("NATO summit in 2024", "NATO summit in 2024"),  # no Arabic: nothing to isolate
        ("الناتو وحده", "الناتو وحده"),
    ],
)
def test_wrap_ltr_runs(raw: str, expected: str) -> None:
    assert wrap_ltr_runs(raw) == expected


def test_runs_never_cross_a_line_break() -> None:
    text = "الحلف NATO\nEU الاتحاد"
    assert all("\n" not in text[a:b] for a, b in ltr_runs(text))


def test_rtl_override_isolates_a_fragment_without_arabic() -> None:
    assert wrap_ltr_runs("(NATO)", rtl=True) == f"({LRI}NATO{PDI})"
    assert has_arabic("ﻻ") and not has_arabic("NATO 2024")
