"""The production pipeline parts, assembled for `build_application`.

Index: `bot.match.matching.MatchIndex` over every stored subscription (aliases from the built-in
table plus MARSAD_ALIASES_FILE, topics from the built-in thesaurus plus MARSAD_CONCEPTS_FILE).
Scanner: `bot.ingest.inbox.InboxScanner`. Articles: `storage.articles.get_article`. Alerts:
`bot.deliver.render.render_alert` in the chat's language and time zone, with the story's other
sources.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlite_utils import Database

from bot.core.outgoing import OutgoingMessage
from bot.core.texts import pick_lang
from bot.deliver.render import Reason, render_alert
from bot.deliver.routing import ArticleLike, MatchLike, Renderer
from bot.ingest.inbox import InboxScanner
from bot.match.aliases import default_alias_table, load_alias_table
from bot.match.concepts import default_concept_table, load_concept_table
from bot.match.following import watch_terms
from bot.match.matching import MatchIndex, QueryError, parse_query
from bot.services import Components, Scanner, SubscriptionIndex
from bot.settings import Settings
from storage.articles import StoredArticle, get_article, story_sources
from storage.chats import Chat
from storage.subscriptions import active_subscriptions, subscription_queries

__all__ = ["default_components"]

log = logging.getLogger(__name__)


def _zone(name: str | None, default: tzinfo) -> tzinfo:
    if name is None:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r stored for a chat; using the default", name)
        return default


def _watched(query: str | None) -> tuple[str, ...]:
    """The subscription's terms and aliases: the summary prefers and bolds every one of them
    (the matcher reports only the best mention)."""
    if query is None:
        return ()
    try:
        return tuple(watch_terms(parse_query(query)))
    except QueryError:
        return ()


def default_components(settings: Settings) -> Components:
    concept_files = [settings.concepts_file] if settings.concepts_file is not None else []
    aliases = (
        load_alias_table([settings.aliases_file] if settings.aliases_file else [], concept_files)
        if settings.aliases_file is not None or concept_files
        else default_alias_table()
    )
    concepts = load_concept_table(concept_files) if concept_files else default_concept_table()

    def make_index(db: Database) -> SubscriptionIndex:
        index = MatchIndex.build((), aliases, concepts)
        for subscription_id, chat_id, query in active_subscriptions(db):
            try:
                index.add(subscription_id, parse_query(query))
            except QueryError as exc:
                # Accepted by an older version's rules: kept in storage, reported, not matched.
                log.error(
                    "subscription %s of chat %s (%r) no longer compiles: %s",
                    subscription_id,
                    chat_id,
                    query,
                    exc,
                )
        return index

    def make_scanner(settings: Settings, db: Database) -> Scanner:
        return InboxScanner(settings, db)

    def load_article(db: Database, article_id: int) -> ArticleLike:
        return get_article(db, article_id)

    def make_renderer(db: Database) -> Renderer:
        default_lang = pick_lang(settings.language)

        def render(
            article: ArticleLike, matches: Sequence[MatchLike], chat: Chat
        ) -> OutgoingMessage:
            assert isinstance(article, StoredArticle)  # what load_article returns
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
            zone = (
                settings.zone
                if chat.timezone is None
                else Settings.model_validate({"timezone": chat.timezone}).zone
            )
            return render_alert(
                article,
                reasons,
                lang=pick_lang(chat.language, default_lang),
                zone=zone,
                other_sources=others,
            )

        return render

    return Components(
        make_index=make_index,
        make_scanner=make_scanner,
        load_article=load_article,
        make_renderer=make_renderer,
    )
