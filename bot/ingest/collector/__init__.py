"""The built-in collector: news feeds and their article pages, written into the inbox."""

from __future__ import annotations

__all__ = ["SourceError"]


class SourceError(Exception):
    """A feed that gave nothing usable, fetched or parsed; `reason` is one line for logs,
    stderr and /feeds."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
