"""Paginated lists: one page of a saved view (recent, search, subscriptions, unfollow picker).

A view (storage.views) records what a list shows; its ◀ ▶ buttons carry the view id and a
page number, and every page, the first included, is built here from storage, so a button
pressed an hour later shows what is stored now.
"""

from __future__ import annotations

import string
from datetime import tzinfo
from typing import Final

from sqlite_utils import Database

from bot.core.arabic import is_query_filler, query_terms, tokenize
from bot.core.outgoing import OutgoingMessage
from bot.core.texts import Lang, addressed, clip, mode_label, text
from bot.deliver.render import (
    ArticleItem,
    SubscriptionItem,
    highlight_snippet,
    page_count,
    render_article_page,
    render_subscription_page,
    render_unfollow_picker,
)
from bot.match.following import search_forms
from bot.match.matching import MatchIndex, QueryError, names_something, parse_query
from storage import search, subscriptions
from storage.search import ArticleHit, Page
from storage.views import View

__all__ = ["ARTICLES_PER_PAGE", "SUBSCRIPTIONS_PER_PAGE", "render_view", "suggest_broader"]

ARTICLES_PER_PAGE: Final = 5
# Newest candidate articles a keyword view checks with the matcher.
KEYWORD_WINDOW: Final = 1000
SUBSCRIPTIONS_PER_PAGE: Final = 10
PICKER_PER_PAGE: Final = 8
_EDGE_PUNCTUATION: Final = string.punctuation + "؟،؛«»…“”"


def render_view(
    db: Database, view: View, page: int, *, lang: Lang, zone: tzinfo, group: bool = False
) -> OutgoingMessage:
    """Page `page` (from 1; clamped to the last page) of `view`, or the empty-list message.
    `group`: the chat is a group, addressed in the plural."""
    if view.kind in ("list", "unfollow"):
        return _subscriptions_page(db, view, page, lang=lang, group=group)
    return _articles_page(db, view, page, lang=lang, zone=zone, group=group)


def _fetch(db: Database, view: View, page: int) -> tuple[Page, dict[int, str]]:
    """One page of the view's articles, and for each the words to highlight when the matcher
    found them (a keyword view: its forms, aliases and concepts)."""
    offset = (page - 1) * ARTICLES_PER_PAGE
    matched = _matched(db, view) if view.query else None
    if matched:
        shown = matched[offset : offset + ARTICLES_PER_PAGE]
        page_hits = Page(hits=tuple(hit for hit, _ in shown), total=len(matched))
        return page_hits, {hit.id: surface for hit, surface in shown}
    return _fetch_text(db, view, offset), {}


def _matched(db: Database, view: View) -> list[tuple[ArticleHit, str]] | None:
    """The view's articles as a subscription to its keyword would match them, with the words
    that matched: `/recent NATO` finds the alerts about «الناتو», and `/search الناتو` the same
    articles as `/search حلف شمال الأطلسي`. Among the newest KEYWORD_WINDOW candidates the
    full-text index finds for the keyword's forms. None for a search that names no known
    entity or topic (free text is searched word by word, as before)."""
    wanted = view.query if view.kind != "search" else " ".join(query_terms(view.query))
    try:
        query = parse_query(wanted)
    except QueryError:
        return None
    if view.kind == "search" and not any(names_something(t.phrase) for t in query.required):
        return None
    index = MatchIndex.build([(0, query)])
    found: list[tuple[float, ArticleHit, str]] = []
    for hit in search.candidates_for_forms(db, search_forms(query), limit=KEYWORD_WINDOW):
        matches = index.match(hit.title, hit.body)
        if matches:
            found.append((matches[0].score, hit, matches[0].matched))
    if view.kind == "search":  # best first (a title mention first), then newest
        found.sort(key=lambda f: (-f[0], -f[1].id))
    return [(hit, surface) for _score, hit, surface in found]


def _fetch_text(db: Database, view: View, offset: int) -> Page:
    if view.kind == "search":
        return search.search_articles(db, view.query, limit=ARTICLES_PER_PAGE, offset=offset)
    if view.query:
        return search.recent_for_terms(db, view.query, limit=ARTICLES_PER_PAGE, offset=offset)
    return search.recent_for_chat(db, view.chat_id, limit=ARTICLES_PER_PAGE, offset=offset)


def _articles_page(
    db: Database, view: View, page: int, *, lang: Lang, zone: tzinfo, group: bool
) -> OutgoingMessage:
    page = max(1, page)
    result, surfaces = _fetch(db, view, page)
    if not result.hits and page > 1:  # the list shrank since the button was drawn
        page = page_count(result.total, ARTICLES_PER_PAGE)
        result, surfaces = _fetch(db, view, page)
    if not result.hits:
        return OutgoingMessage(text=_empty(db, view, lang, group=group))
    pages = page_count(result.total, ARTICLES_PER_PAGE)
    first = (page - 1) * ARTICLES_PER_PAGE + 1
    values = {"first": first, "last": first + len(result.hits) - 1, "total": result.total}
    if view.kind == "search":
        header = text("search.header", lang, query=clip(view.query), **values)
    elif view.query:
        header = text("recent.header_keyword", lang, query=clip(view.query), **values)
    else:
        header = text("recent.header", lang, **values)
    # Highlight what was searched for, not the «عن» of «ماذا عن الناتو».
    searched = " ".join(query_terms(view.query))
    items = [_item(hit, surfaces.get(hit.id, searched)) for hit in result.hits]
    return render_article_page(
        header,
        items,
        first_number=first,
        view_id=view.id,
        page=page,
        pages=pages,
        lang=lang,
        zone=zone,
    )


def _item(hit: ArticleHit, query: str) -> ArticleItem:
    snippet, spans = highlight_snippet(hit.body, query) if query else ("", ())
    return ArticleItem(
        hit.id,
        hit.title,
        hit.source,
        hit.published,
        snippet,
        spans,
        dated=hit.dated,
        url=hit.url,
        keywords=hit.keywords,
    )


def _empty(db: Database, view: View, lang: Lang, *, group: bool) -> str:
    if view.kind == "search":
        broader = suggest_broader(db, view.query)
        if broader:
            return text(
                addressed("search.empty", group=group),
                lang,
                query=clip(view.query),
                suggestion=broader,
            )
        return text(addressed("search.empty_plain", group=group), lang, query=clip(view.query))
    if view.query:
        return text(addressed("recent.empty_keyword", group=group), lang, query=clip(view.query))
    return text(addressed("recent.empty", group=group), lang)


def suggest_broader(db: Database, query: str) -> str | None:
    """For a query without results: the single word of it that finds the most articles."""
    # Quoted back as the suggestion: without the punctuation around it («الناتو؟» → «الناتو»).
    words = [w.strip(_EDGE_PUNCTUATION) for w in query.split()]
    # Not a function word: «في» finds the most articles and helps no one.
    words = [w for w in words if search.fts_query(w) and not all(map(is_query_filler, tokenize(w)))]
    if len(words) < 2:
        return None
    counts = [(search.search_articles(db, w, limit=1).total, w) for w in words]
    total, word = max(counts, key=lambda c: c[0])
    return word if total else None


def _subscriptions_page(
    db: Database, view: View, page: int, *, lang: Lang, group: bool
) -> OutgoingMessage:
    subs = subscriptions.list_subscriptions(db, view.chat_id)
    if not subs:
        return OutgoingMessage(text=text(addressed("list.empty", group=group), lang))
    per_page = SUBSCRIPTIONS_PER_PAGE if view.kind == "list" else PICKER_PER_PAGE
    pages = page_count(len(subs), per_page)
    page = min(max(1, page), pages)
    first = (page - 1) * per_page
    items = [SubscriptionItem(s.id, s.query, s.mode) for s in subs[first : first + per_page]]
    if view.kind == "unfollow":
        # A view made by «/unfollow WORD» that named nothing says so above the buttons.
        header = (
            text(addressed("unfollow.not_found", group=group), lang, query=clip(view.query))
            if view.query
            else text(addressed("unfollow.pick", group=group), lang)
        )
        return render_unfollow_picker(
            header, items, view_id=view.id, page=page, pages=pages, lang=lang
        )
    modes = {s.mode: mode_label(s.mode, lang) for s in subs}
    return render_subscription_page(
        items,
        total=len(subs),
        first_number=first + 1,
        view_id=view.id,
        page=page,
        pages=pages,
        lang=lang,
        mode_names=modes,
        group=group,
    )
