"""Rendering a matched article as one chat's alert.

Routing hands over an article, the chat's matches and the chat; this module looks up what the
alert needs beyond them (each subscription's own words and the terms it watches, the story's
other sources) and renders the alert in the chat's language and time zone.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import zone_or
from bot.core.texts import chat_language
from bot.deliver.render import Reason, render_alert
from bot.deliver.routing import Renderer
from bot.match.following import watch_terms
from bot.match.matching import Match, QueryError, parse_query
from bot.settings import Settings
from storage.articles import StoredArticle, story_sources
from storage.chats import Chat
from storage.subscriptions import subscription_queries

__all__ = ["alert_renderer"]


def _watched(query: str | None) -> tuple[str, ...]:
    """The subscription's terms and aliases: the summary prefers and bolds every one of them
    (the matcher reports only the best mention)."""
    if query is None:
        return ()
    try:
        return tuple(watch_terms(parse_query(query)))
    except QueryError:
        return ()


def alert_renderer(db: Database, settings: Settings) -> Renderer:
    """The renderer routing calls for each chat, reading from `db`."""

    def render(article: StoredArticle, matches: Sequence[Match], chat: Chat) -> OutgoingMessage:
        queries = subscription_queries(db, [m.subscription_id for m in matches])
        reasons = [
            Reason(
                m.subscription_id,
                queries.get(m.subscription_id, m.matched),
                (m.matched,),
                _watched(queries.get(m.subscription_id)),
                m.sentence,
            )
            for m in matches
        ]
        others = story_sources(db, article.story_id) if article.story_id is not None else []
        return render_alert(
            article,
            reasons,
            lang=chat_language(chat.language, settings.language),
            zone=zone_or(chat.timezone, settings.zone),
            other_sources=others,
        )

    return render
