"""The parsed article: the shape the ingest stage produces and storage saves."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["ArticleKind", "DateOrigin", "ParsedArticle"]

# Where `published` came from: the article text itself, or the file's mtime as a fallback.
DateOrigin = Literal["text", "mtime"]

# A flash is a breaking-news line («عاجل: ...») with little or no text of its own.
ArticleKind = Literal["article", "flash"]


class ParsedArticle(BaseModel):
    """What the parser extracted from one article file."""

    model_config = ConfigDict(frozen=True)

    path: str
    title: str
    published: datetime | None
    published_from: DateOrigin
    source: str | None
    tags: tuple[str, ...] = ()
    body: str
    related: tuple[str, ...] = ()
    language: str
    # The article's own address, when the file gives one.
    url: str | None = None
    kind: ArticleKind = "article"
