"""Right-to-left safety: keep Latin and digit runs from scrambling the order of Arabic lines.

Telegram clients pick a paragraph's direction from its first strong letter and then apply the
Unicode bidi algorithm. A Latin word at the start of an Arabic line flips the whole line to
left-to-right, and runs such as «(NATO) 2024» or «2.5%» next to Arabic can swap places. Wrapping
each Latin/digit run in a left-to-right isolate (LRI … PDI) makes it an opaque unit for the
algorithm: it keeps its own internal order and is skipped when the paragraph direction is chosen.
Interpolated values whose direction is unknown (a user's keyword) go in first-strong isolates
(FSI … PDI).
"""

from __future__ import annotations

import re

__all__ = ["FSI", "LRI", "PDI", "RLM", "has_arabic", "isolate", "ltr_runs", "wrap_ltr_runs"]

LRI = "\u2066"
FSI = "\u2068"
PDI = "\u2069"
RLM = "\u200f"

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# A run starts and ends with a Latin letter or a digit (ASCII, Arabic-Indic digits too: inside
# a number like ٢.٥ they are weak and reorder like ASCII ones), and may hold the neutral signs
# found inside Latin names, numbers, dates and times.
_LTR_CHAR = r"[A-Za-z0-9\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]"
# A command (/follow), a mention (@name) or a hashtag keeps its sign inside the run.
_LTR_RUN = re.compile(
    rf"(?:[/@#](?={_LTR_CHAR}))?{_LTR_CHAR}(?:[ \t\u00a0.,:/%+\-'&_@#]*{_LTR_CHAR})*%?"
)


def has_arabic(text: str) -> bool:
    """Whether `text` holds at least one Arabic letter (so it reads right to left)."""
    return _ARABIC.search(text) is not None


def ltr_runs(text: str, *, rtl: bool | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the Latin/digit runs that need isolating inside Arabic `text`.

    Empty when the text has no Arabic letter: a purely left-to-right text needs no isolates.
    `rtl` overrides that test, for a fragment of a larger Arabic text. A run never crosses a
    line break, since each line is its own bidi paragraph.
    """
    if not (has_arabic(text) if rtl is None else rtl):
        return []
    return [match.span() for match in _LTR_RUN.finditer(text)]


def wrap_ltr_runs(text: str, *, rtl: bool | None = None) -> str:
    """`text` with every Latin/digit run wrapped in LRI … PDI when the text is Arabic."""
    out: list[str] = []
    last = 0
    for start, end in ltr_runs(text, rtl=rtl):
        out.append(text[last:start])
        out.append(LRI + text[start:end] + PDI)
        last = end
    out.append(text[last:])
    return "".join(out)


def isolate(value: str) -> str:
    """A value of unknown direction (a keyword, a name) as one first-strong isolate."""
    return FSI + value + PDI
