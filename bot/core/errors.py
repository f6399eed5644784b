"""One error hierarchy for what a user or an operator is told about.

Every such error derives from `MarsadError` and carries a `code` of a `Literal` type of its
own, so a reply can be chosen by code (the words live in `bot/core/texts.py`) and a type
checker sees a misspelt code. `detail` is for logs and never shown as it is.
Unexpected faults (bugs, I/O errors) are not MarsadErrors: they reach the error handler, which
logs them and tells the admins.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

__all__ = [
    "CallbackErrorCode",
    "MarsadError",
    "PreferenceErrorCode",
    "QueryErrorCode",
    "TransferErrorCode",
]

Code = TypeVar("Code", bound=str)


class MarsadError(Exception, Generic[Code]):
    """An expected, explainable failure: `code` says which, `detail` says more for the log."""

    def __init__(self, code: Code, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code: Code = code
        self.detail = detail


# A subscription text that cannot be compiled (bot.match.matching.QueryError).
QueryErrorCode = Literal[
    "empty",  # nothing to look for
    "too_long",  # over MAX_QUERY_CHARS characters
    "no_letters",  # only punctuation or digits
    "too_short",  # a term of a single letter would match almost every article
    "too_many_terms",  # over MAX_TERMS terms, or a phrase over MAX_PHRASE_WORDS words
    "bad_syntax",  # unclosed quote, empty side of +, quoted and plain words mixed in one term
    "only_exclusions",  # -word terms with nothing to look for
]

# A preference argument that cannot be understood (bot.core.preferences.PreferenceError).
PreferenceErrorCode = Literal[
    "bad_duration",
    "bad_mode",
    "bad_range",
    "bad_time",
    "bad_zone",
    "empty_range",
    "too_long",
]

# Button data this version did not write: an old button, or forged data
# (bot.core.callbacks.CallbackError).
CallbackErrorCode = Literal["too_long", "empty", "unknown", "bad_number"]

# An /import file that cannot be read as a whole (bot.chat.transfer.TransferError).
TransferErrorCode = Literal[
    "too_large", "not_utf8", "not_json", "wrong_format", "bad_document", "newer_version"
]
