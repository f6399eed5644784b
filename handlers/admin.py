"""/stats and /broadcast: for the bot's administrators (MARSAD_ADMIN_IDS) only."""

from __future__ import annotations

from datetime import datetime, time

from telegram import Update

from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import format_local
from bot.core.texts import plain, text
from bot.services import Context
from handlers.access import require_admin
from handlers.common import reply
from storage.admin import enqueue_broadcast
from storage.admin import stats as service_stats

__all__ = ["broadcast", "stats"]


async def stats(update: Update, context: Context) -> None:
    """Chats, subscriptions, articles today, the outbox, and the inbox's last sign of life."""
    message = update.effective_message
    if message is None or not await require_admin(update, context):
        return
    services = context.services
    zone = services.settings.zone
    now = services.clock()
    day_start = datetime.combine(now.astimezone(zone).date(), time(0), tzinfo=zone)
    figures = service_stats(services.db, day_start=day_start)
    lang = context.lang
    last = figures.last_inbox_activity
    values = figures.model_dump(exclude={"last_inbox_activity"})
    shown = format_local(last, zone) if last else plain("stats.never", lang)
    await reply(update, OutgoingMessage(text=text("stats.body", lang, last_inbox=shown, **values)))


async def broadcast(update: Update, context: Context) -> None:
    """/broadcast TEXT: queue TEXT to every active chat, sent through the outbox at the limits."""
    message = update.effective_message
    if message is None or not await require_admin(update, context):
        return
    lang = context.lang
    raw = message.text or ""
    parts = raw.split(maxsplit=1)
    body = parts[1].strip() if len(parts) > 1 else ""
    if not body:
        await reply(update, OutgoingMessage(text=text("broadcast.usage", lang)))
        return
    services = context.services
    outgoing = OutgoingMessage(text=text("broadcast.message", lang, body=body))
    # Keyed by the command message, so a redelivered update queues nothing twice.
    key = f"broadcast:{message.chat_id}:{message.message_id}"
    count = enqueue_broadcast(services.db, key, outgoing, services.clock())
    await reply(update, OutgoingMessage(text=text("broadcast.queued", lang, count=count)))
