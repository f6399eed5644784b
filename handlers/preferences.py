"""/tz, /quiet, /mute, /unmute, /mode (and its buttons), /urgent: how and when alerts arrive.

Thin: each handler checks who may change what (`handlers.access`), calls the command logic in
`bot.chat.preferences`, and replies with the text it names, in the chat's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database
from telegram import Update

from bot.chat.preferences import (
    Reply,
    apply_mode,
    mode_command,
    mute_command,
    quiet_command,
    tz_command,
    unmute_command,
    urgent_command,
)
from bot.core import callbacks
from bot.core.outgoing import Button, OutgoingMessage
from bot.core.preferences import MODES
from bot.core.texts import Lang, mode_label, plain, text
from bot.deliver.jobs import run_digests
from bot.services import Context
from handlers.access import may_change
from handlers.common import argument, edit, read_press, reply
from storage.preferences import subscription_settings

__all__ = ["mode", "mode_button", "mute", "quiet", "tz", "unmute", "urgent"]


def _arg(context: Context) -> str:
    return " ".join(context.args or [])


async def _answer(update: Update, context: Context, answer: Reply) -> None:
    # Through the chat's reply path, which waits out Telegram's flood control.
    lang = context.lang
    await reply(update, OutgoingMessage(text=text(answer.key, lang, **answer.values)))


# (db, chat id, now, the deployment's default zone) -> the reply; one per settings command.
_Command = Callable[[Database, int, datetime, str], Reply]


async def _run(
    update: Update, context: Context, command: _Command, *, changes: bool
) -> Reply | None:
    """The shared body of /tz, /quiet, /mute and /unmute: in a group only admins change a
    setting (reading it is open to members); the chat is recorded; the reply goes back."""
    if changes and not await may_change(update, context):
        return None
    chat = context.chat
    if chat is None:
        return None
    services = context.services
    outcome = command(services.db, chat.id, services.clock(), services.settings.timezone)
    await _answer(update, context, outcome)
    return outcome


async def tz(update: Update, context: Context) -> None:
    """Show the chat's time zone, or set it: /tz Asia/Riyadh."""
    arg = _arg(context)

    def command(db: Database, chat_id: int, now: datetime, zone: str) -> Reply:
        return tz_command(db, chat_id, arg, now, default_zone=zone)

    await _run(update, context, command, changes=bool(arg))


async def quiet(update: Update, context: Context) -> None:
    """Show, set (/quiet 23:00-07:00) or clear (/quiet off) the chat's quiet hours."""
    arg = _arg(context)

    def command(db: Database, chat_id: int, now: datetime, zone: str) -> Reply:
        return quiet_command(db, chat_id, arg, now, default_zone=zone)

    await _run(update, context, command, changes=bool(arg))


async def mute(update: Update, context: Context) -> None:
    """Pause every alert, for a while (/mute 2h) or until /unmute; alerts are kept."""
    arg = _arg(context)

    def command(db: Database, chat_id: int, now: datetime, zone: str) -> Reply:
        return mute_command(db, chat_id, arg, now, default_zone=zone)

    await _run(update, context, command, changes=True)


async def unmute(update: Update, context: Context) -> None:
    """Resume alerts; what was held meanwhile goes out as one digest."""

    def command(db: Database, chat_id: int, now: datetime, zone: str) -> Reply:
        return unmute_command(db, chat_id, now, default_zone=zone)

    outcome = await _run(update, context, command, changes=True)
    if outcome is not None and outcome.key == "unmute.done":
        services = context.services
        run_digests(services.db, services.settings, services.clock())  # not at the next tick


def _picker(update: Update, context: Context, lang: Lang) -> tuple[tuple[Button, ...], ...]:
    """One button per subscription (the most a chat may have), labelled with its mode."""
    chat = update.effective_chat
    if chat is None:
        return ()
    subs = subscription_settings(context.services.db, chat.id)
    return tuple(
        (
            Button(
                text=f"{sub.query[:40]} — {mode_label(sub.mode, lang)}",
                callback_data=callbacks.mode_picker(sub.id),
            ),
        )
        for sub in subs[:90]
    )


def _mode_buttons(sub_id: int, lang: Lang) -> tuple[tuple[Button, ...], ...]:
    return (
        tuple(
            Button(text=mode_label(name, lang), callback_data=callbacks.set_mode(sub_id, index))
            for index, name in enumerate(MODES)
        ),
    )


async def mode(update: Update, context: Context) -> None:
    """/mode KEYWORD instant|hourly|daily [HH:MM]; bare /mode shows buttons to choose."""
    message = update.effective_message
    arg = argument(message) if message else ""
    if message is None:
        return
    if not arg:
        if not await may_change(update, context) or context.chat is None:
            return
        lang = context.lang
        rows = _picker(update, context, lang)
        key = "mode.pick" if rows else "list.empty"
        await reply(update, OutgoingMessage(text=text(key, lang), buttons=rows))
        return

    def command(db: Database, chat_id: int, now: datetime, zone: str) -> Reply:
        return mode_command(db, chat_id, arg, now, default_zone=zone)

    await _run(update, context, command, changes=True)


async def mode_button(update: Update, context: Context) -> None:
    """A press on a /mode button: show one subscription's modes, or set the chosen one."""
    press = await read_press(update, context)
    if press is None or not await may_change(update, context):
        return
    query, services, chat = press.query, press.services, press.chat
    lang = context.lang
    sub = next(
        (s for s in subscription_settings(services.db, chat.id) if s.id == press.args[0]), None
    )
    if sub is None:
        await query.answer(plain("sub.gone", lang), show_alert=True)
        return
    if press.action == "mp":
        await query.answer()
        shown = OutgoingMessage(
            text=text("mode.choose", lang, query=sub.query), buttons=_mode_buttons(sub.id, lang)
        )
        await edit(query, shown)
        return
    index = press.args[1]
    if not 0 <= index < len(MODES):
        await query.answer(plain("sub.gone", lang), show_alert=True)
        return
    outcome = apply_mode(
        services.db,
        chat.id,
        sub,
        MODES[index],
        None,
        services.clock(),
        default_zone=services.settings.timezone,
    )
    await query.answer()
    await edit(query, OutgoingMessage(text=text(outcome.key, lang, **outcome.values)))


async def urgent(update: Update, context: Context) -> None:
    """/urgent KEYWORD: its alerts ring even in quiet hours (again to undo)."""
    arg = _arg(context)

    def command(db: Database, chat_id: int, now: datetime, zone: str) -> Reply:
        return urgent_command(db, chat_id, arg)

    await _run(update, context, command, changes=bool(arg))
