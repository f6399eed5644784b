"""The bot's running services and the typed context every handler and job receives.

`post_init` (bot/app.py) builds one `Services` and attaches it to `BotData`. Handlers get a
`Context` (python-telegram-bot's `ContextTypes` with the `MarsadContext` subclass below):
`context.services`, `context.settings`, `context.db`, and for an update from a chat
`context.chat` (recorded in storage on first use) and `context.lang`, instead of repeating
that prologue in every handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database
from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.core.preferences import zone_or
from bot.core.texts import Lang, chat_language
from bot.deliver.intake import Intake
from bot.deliver.sender import Sender
from bot.match.aliases import AliasTable, default_alias_table, load_alias_table
from bot.match.concepts import ConceptTable, default_concept_table, load_concept_table
from bot.match.live import LiveIndex
from bot.settings import Settings
from storage import chats
from storage.chats import Chat
from storage.timestamps import utcnow

__all__ = [
    "BotData",
    "Components",
    "Context",
    "MarsadContext",
    "Services",
    "default_components",
]


@dataclass(frozen=True)
class Components:
    """What a deployment (or a test) chooses beyond the settings: the alias table and the
    topic thesaurus the match index is built with, and the clock jobs and handlers read "now"
    from (tests move it by hand to reach a digest's hour)."""

    aliases: AliasTable
    concepts: ConceptTable
    clock: Callable[[], datetime] = utcnow


def default_components(settings: Settings) -> Components:
    """The built-in alias table and thesaurus, extended by MARSAD_ALIASES_FILE and
    MARSAD_CONCEPTS_FILE when set; the wall clock."""
    concept_files = [settings.concepts_file] if settings.concepts_file is not None else []
    aliases = (
        load_alias_table([settings.aliases_file] if settings.aliases_file else [], concept_files)
        if settings.aliases_file is not None or concept_files
        else default_alias_table()
    )
    concepts = load_concept_table(concept_files) if concept_files else default_concept_table()
    return Components(aliases=aliases, concepts=concepts)


@dataclass
class Services:
    settings: Settings
    db: Database  # the event loop's connection; the intake worker has its own
    index: LiveIndex
    intake: Intake
    sender: Sender
    components: Components

    def clock(self) -> datetime:
        """The current instant, from the components' clock."""
        return self.components.clock()


class BotData:
    """`context.bot_data`: holds the services once `post_init` has built them."""

    def __init__(self) -> None:
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("services are built in post_init; the application is not started")
        return self._services

    def attach(self, services: Services) -> None:
        self._services = services

    def detach(self) -> Services | None:
        services, self._services = self._services, None
        return services


class MarsadContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The context handlers and jobs receive: the services, and the update's chat and language.

    `chat` records the chat in storage the first time a handler asks for it (an update from a
    new chat creates it), once per update.
    """

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application, chat_id=chat_id, user_id=user_id)
        self._update: Update | None = None
        self._chat: Chat | None = None

    @classmethod
    def from_update(
        cls, update: object, application: Application[Any, Any, Any, Any, Any, Any]
    ) -> MarsadContext:
        context = super().from_update(update, application)
        if isinstance(update, Update):
            context._update = update
        return context

    @property
    def services(self) -> Services:
        return self.bot_data.services

    @property
    def settings(self) -> Settings:
        return self.bot_data.services.settings

    @property
    def db(self) -> Database:
        return self.bot_data.services.db

    @property
    def chat(self) -> Chat | None:
        """The update's chat as stored (created or refreshed on first use), None without one."""
        return self.record_chat()

    def record_chat(self) -> Chat | None:
        """Record the update's chat in storage (once per update) and return it."""
        if self._chat is None and self._update is not None:
            effective = self._update.effective_chat
            if effective is not None:
                services = self.services
                self._chat = chats.upsert_chat(
                    services.db,
                    effective.id,
                    kind=effective.type,
                    title=effective.title,
                    now=services.clock(),
                )
        return self._chat

    def refresh_chat(self) -> Chat | None:
        """Read the chat again after a handler changed it (its language, its state)."""
        if self._chat is not None:
            self._chat = chats.get_chat(self.db, self._chat.id) or self._chat
        return self.chat

    def _known_chat(self) -> Chat | None:
        """The update's chat as stored, without recording it: reading a setting must not
        make a chat (a refused user, an admin's reply) a subscriber of broadcasts."""
        if self._chat is None and self._update is not None and self._update.effective_chat:
            return chats.get_chat(self.db, self._update.effective_chat.id)
        return self._chat

    @property
    def zone(self) -> ZoneInfo:
        """The chat's time zone, else MARSAD_TIMEZONE (`bot.core.preferences.zone_or`)."""
        chat = self._known_chat()
        return zone_or(chat.timezone if chat else None, self.settings.zone)

    @property
    def lang(self) -> Lang:
        """The language this update is answered in (`bot.core.texts.chat_language`)."""
        chat = self._known_chat()
        return chat_language(chat.language if chat else None, self.settings.language)


Context = MarsadContext
