"""/follow and /unfollow, and the «إيقاف متابعة» button."""

from __future__ import annotations

from telegram import Update

from bot.chat import watchlist
from bot.core.outgoing import OutgoingMessage
from bot.core.preferences import PreferenceError, format_local, split_follow_duration
from bot.core.texts import addressed, clip, plain, query_error, text
from bot.deliver.render import render_follow_result
from bot.services import Context
from handlers.access import may_change
from handlers.common import argument, read_press, reply, reply_view
from storage.preferences import set_expiry

__all__ = ["follow", "reply_follow", "unfollow", "unfollow_button"]


async def follow(update: Update, context: Context) -> None:
    """Follow one or more keywords (one per line, or separated by «،» / «,»)."""
    message = update.effective_message
    if message is None:
        return
    await reply_follow(update, context, argument(message))


async def reply_follow(update: Update, context: Context, keywords: str) -> None:
    """Follow `keywords` in this chat and answer with what is watched and the preview."""
    services = context.services
    chat = context.chat
    if chat is None:
        return
    lang = context.lang
    if not keywords:
        await reply(
            update, OutgoingMessage(text=text(addressed("follow.usage", group=chat.is_group), lang))
        )
        return
    if not await may_change(update, context):  # in a group, only its admins
        return
    # «/follow الناتو 7d»: a time-limited follow (bot.core.preferences), ended by the expiry job.
    try:
        keywords, duration = split_follow_duration(keywords)
    except PreferenceError as exc:
        if exc.code == "too_long":
            warning = text("follow.duration_too_long", lang, value=clip(keywords))
        else:  # «0d»: only the duration is wrong, so only it is quoted back
            warning = text("follow.bad_duration", lang, value=clip(exc.value))
        await reply(update, OutgoingMessage(text=warning))
        return
    now = services.clock()
    result = watchlist.follow(
        services.db,
        services.index,
        chat.id,
        keywords,
        limit=services.settings.max_subscriptions_per_chat,
        now=now,
    )
    answer = render_follow_result(
        result.added,
        result.plan,
        lang=lang,
        zone=context.zone,
        error_reason=query_error,
        group=chat.is_group,
        arabic_only=services.settings.article_languages == ("ar",),
    )
    if duration is not None and result.added:
        until = now + duration
        for item in result.added:
            set_expiry(services.db, chat.id, item.subscription.id, until)
        note = text("follow.until", lang, until=format_local(until, context.zone))
        if len(answer.text) + len(note) + 2 <= 4096:
            answer = answer.model_copy(update={"text": f"{answer.text}\n\n{note}"})
    await reply(update, answer)


async def unfollow(update: Update, context: Context) -> None:
    """Stop following a keyword; without one (or an unknown one), pick from buttons."""
    services = context.services
    message = update.effective_message
    chat = context.chat
    if message is None or chat is None:
        return
    lang = context.lang
    if not await may_change(update, context):  # in a group, only its admins
        return
    wanted = argument(message)
    if wanted:
        removed = watchlist.unfollow(services.db, services.index, chat.id, wanted)
        if removed is not None:
            await reply(
                update, OutgoingMessage(text=text("unfollow.done", lang, query=removed.query))
            )
            return
    await reply_view(update, context, chat, "unfollow", wanted)


async def unfollow_button(update: Update, context: Context) -> None:
    """«إيقاف متابعة …» (on an alert or in the /unfollow picker): remove that subscription."""
    press = await read_press(update, context, arity=1)
    if press is None:
        return
    query, services, chat, lang = press.query, press.services, press.chat, press.lang
    if not await may_change(update, context):  # in a group, only its admins
        return
    removed = watchlist.unfollow_id(services.db, services.index, chat.id, press.args[0])
    if removed is None:
        await query.answer(plain("unfollow.gone", lang))
        return
    await query.answer(plain("unfollow.done", lang, query=removed.query))
    await reply(update, OutgoingMessage(text=text("unfollow.done", lang, query=removed.query)))
