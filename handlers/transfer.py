"""/export and /import: a chat's subscriptions and preferences as a JSON file, and back."""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import Document, InputFile, Message, Update
from telegram.error import TelegramError

from bot.chat.preferences import ImportOutcome, export_chat, import_chat
from bot.chat.transfer import export_filename
from bot.core.outgoing import OutgoingMessage
from bot.core.texts import Lang, query_error, text
from bot.match.matching import QueryError, parse_query
from bot.services import Context
from handlers.access import may_change
from handlers.common import reply
from storage import chats
from storage.preferences import subscription_settings

__all__ = ["export", "import_document", "import_reply"]

log = logging.getLogger(__name__)


async def export(update: Update, context: Context) -> None:
    """Send the chat's subscriptions and preferences as a JSON document."""
    chat = update.effective_chat
    message = update.effective_message
    if chat is None or message is None:
        return
    services = context.services
    now = services.clock()
    data = export_chat(services.db, chat.id, now, default_zone=services.settings.timezone)
    count = len(subscription_settings(services.db, chat.id))
    lang = context.lang
    await message.reply_document(
        InputFile(data, filename=export_filename(chat.id, now)),
        caption=text("export.caption", lang, count=count),
    )


def _key(query: str) -> str:
    return parse_query(query).key


def _checker(lang: Lang) -> Callable[[str], str | None]:
    def check(query: str) -> str | None:
        try:
            parse_query(query)
        except QueryError as exc:
            return query_error(exc.code, lang)
        return None

    return check


def _report(outcome: ImportOutcome, lang: Lang) -> str:
    if outcome.error is not None:
        return text(outcome.error.key, lang, **outcome.error.values)
    plan = outcome.plan
    assert plan is not None  # an outcome has an error or a plan
    lines = [
        text(
            "import.report",
            lang,
            added=len(plan.add),
            skipped=len(plan.skipped),
            invalid=len(plan.invalid),
        )
    ]
    lines += [text("import.added_line", lang, query=entry.query) for entry in plan.add[:30]]
    lines += [text(f"import.skip.{why}", lang, query=query) for query, why in plan.skipped[:30]]
    lines += [
        text("import.invalid_line", lang, what=what, reason=reason)
        for what, reason in plan.invalid[:30]
    ]
    report = "\n".join(lines)
    return report if len(report) <= 4000 else report[:3990].rsplit("\n", 1)[0] + "\n…"


async def _import_from(update: Update, context: Context, document: Document) -> None:
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not await may_change(update, context):
        return
    services = context.services
    lang = context.lang
    limit = services.settings.max_import_bytes
    now = services.clock()
    chats.upsert_chat(services.db, chat.id, kind=chat.type, title=chat.title, now=now)
    if document.file_size is not None and document.file_size > limit:
        await reply(
            update, OutgoingMessage(text=text("import.too_large", lang, limit_kb=limit // 1024))
        )
        return
    try:
        file = await context.bot.get_file(document.file_id)
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        log.warning("could not download import file in chat %s: %s", chat.id, exc)
        await reply(update, OutgoingMessage(text=text("import.download_failed", lang)))
        return
    outcome = import_chat(
        services.db,
        chat.id,
        data,
        now,
        key=_key,
        check_query=_checker(lang),
        limit=services.settings.max_subscriptions_per_chat,
        max_bytes=limit,
    )
    for sub_id, query in outcome.added:
        services.index.add(sub_id, parse_query(query))  # matched from the next article on
    await reply(update, OutgoingMessage(text=_report(outcome, lang)))


def _is_export_file(document: Document | None) -> bool:
    if document is None:
        return False
    name = (document.file_name or "").lower()
    return name.endswith(".json") or document.mime_type == "application/json"


async def import_reply(update: Update, context: Context) -> None:
    """/import as a reply to an export file (or with the file attached)."""
    message = update.effective_message
    if message is None:
        return
    replied: Message | None = message.reply_to_message
    document = message.document or (replied.document if replied is not None else None)
    if document is None:
        await reply(update, OutgoingMessage(text=text("import.usage", context.lang)))
        return
    await _import_from(update, context, document)


async def import_document(update: Update, context: Context) -> None:
    """A JSON file sent to the bot: read it as an export to restore."""
    message = update.effective_message
    if message is None or not _is_export_file(message.document):
        return
    assert message.document is not None  # checked by _is_export_file
    await _import_from(update, context, message.document)
