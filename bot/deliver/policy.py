"""Holding alerts and releasing them as digests: the glue between the decision, the outbox
and the digest renderer, used by the pipeline (hold) and by the digest job (release).

No Telegram here: releasing writes digest messages to the outbox, the sender delivers them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.core.outgoing import GROUP_KINDS
from bot.core.preferences import (
    BURST_WINDOW,
    Decision,
    SubscriptionPrefs,
    batch_burst,
    decide,
    digest_release,
    digest_silent,
    is_muted,
    next_release,
)
from bot.deliver.digest import DigestItem, DigestLabels, render_digest
from bot.deliver.routing import DeliveryPolicy
from bot.settings import Settings
from storage.admin import recent_alert_count
from storage.chats import Chat
from storage.digests import (
    DigestConflictError,
    due_chats,
    due_items,
    due_messages,
    held_digests,
    held_release,
    hold_alert,
    release_as_digest,
    release_single,
    set_digest_releases,
)
from storage.preferences import chat_prefs, expire_mutes, subscription_prefs

__all__ = [
    "Release",
    "apply_decision",
    "decide_for_chat",
    "delivery_policy",
    "release_due",
    "reschedule_digests",
]

log = logging.getLogger(__name__)

LabelsFor = Callable[[str | None], DigestLabels]


def decide_for_chat(
    db: Database,
    chat_id: int,
    subs: Sequence[SubscriptionPrefs],
    now: datetime,
    *,
    default_timezone: str,
    group_budget: int | None = None,
    outbox_id: int | None = None,
) -> Decision:
    """The decision for one story and chat, from the chat's stored preferences.

    `group_budget` (messages per minute; for groups and channels, and the private chats'
    burst allowance) holds a burst beyond it and batches it into one digest. `outbox_id` is
    the alert's row when it is already enqueued, so that it does not count against its own
    budget.
    """
    decision = decide(chat_prefs(db, chat_id, default_timezone=default_timezone), subs, now)
    if group_budget is not None:
        decision = batch_burst(
            decision,
            recent=recent_alert_count(db, chat_id, now, BURST_WINDOW, exclude_id=outbox_id),
            budget=group_budget,
            now=now,
            pending_release=held_release(db, chat_id, "burst"),
        )
    return decision


def delivery_policy(settings: Settings) -> DeliveryPolicy:
    """The pipeline's policy: each chat's preferences decide each alert (bot.deliver.routing).

    Groups and channels get a per-minute budget one under `group_per_minute`, leaving room
    for the digest that carries the rest of a burst. A private chat gets `chat_burst` alerts
    a minute: a person paged forty times in a minute reads none of them; the rest of the
    burst comes as one digest at the end of that minute.
    """
    group_budget = max(settings.group_per_minute - 1, 1)

    def policy(
        db: Database, chat: Chat, subscription_ids: Sequence[int], now: datetime
    ) -> Decision:
        prefs = subscription_prefs(db, subscription_ids)
        subs = [prefs[sub_id] for sub_id in subscription_ids if sub_id in prefs]
        return decide_for_chat(
            db,
            chat.id,
            subs,
            now,
            default_timezone=settings.timezone,
            group_budget=group_budget if chat.kind in GROUP_KINDS else settings.chat_burst,
        )

    return policy


def apply_decision(
    db: Database,
    outbox_id: int,
    chat_id: int,
    subs: Sequence[SubscriptionPrefs],
    now: datetime,
    *,
    default_timezone: str,
    group_budget: int | None = None,
) -> Decision:
    """Decide the fate of a freshly enqueued (pending) alert and hold it if it must wait.

    Returns the decision; on "send" the caller keeps the row pending, with the payload's
    `disable_notification` set from `decision.silent` before it was written.
    """
    decision = decide_for_chat(
        db,
        chat_id,
        subs,
        now,
        default_timezone=default_timezone,
        group_budget=group_budget,
        outbox_id=outbox_id,
    )
    if decision.action == "hold" and decision.reason is not None:
        hold_alert(
            db,
            outbox_id,
            reason=decision.reason,
            release_at=decision.release_at,
            urgent=decision.urgent,
        )
    return decision


@dataclass(frozen=True, slots=True)
class Release:
    """What one chat got from a release: digest rows, or one alert sent as itself."""

    chat_id: int
    items: int
    digest_ids: tuple[int, ...]


def release_due(
    db: Database,
    now: datetime,
    *,
    default_timezone: str,
    labels_for: LabelsFor,
) -> list[Release]:
    """Release every chat's due held alerts into the outbox, one digest per chat.

    A lone alert held for a mute or a burst goes out as itself (the full alert reads better
    than a one-line digest); a digest-mode alert always comes as a digest, as the user chose.
    Safe to run again at any time: released alerts are no longer held.
    """
    for chat_id in expire_mutes(db, now):
        log.info("mute of chat %s ended", chat_id)
    releases = []
    for chat_id in due_chats(db, now):
        prefs = chat_prefs(db, chat_id, default_timezone=default_timezone)
        if is_muted(prefs, now):
            # A digest or a burst due during a mute waits for its end: /mute pauses all, and
            # the mute's digest carries them (their release time has passed by then).
            continue
        for message_id, urgent in due_messages(db, chat_id, now):
            if release_single(db, message_id, now, silent=digest_silent(prefs, now, urgent=urgent)):
                releases.append(Release(chat_id, 1, (message_id,)))
        items = due_items(db, chat_id, now)
        if not items:
            continue
        silent = digest_silent(prefs, now, urgent=any(item.urgent for item in items))
        if len(items) == 1 and items[0].hold_reason != "digest":
            if release_single(db, items[0].outbox_id, now, silent=silent):
                releases.append(Release(chat_id, 1, ()))
            continue
        messages = render_digest(
            [DigestItem(i.article_id, i.title, i.source, i.at, i.url) for i in items],
            labels=labels_for(prefs.language),
            zone=prefs.zone,
            now=now,
            silent=silent,
        )
        try:
            ids = release_as_digest(db, chat_id, [i.outbox_id for i in items], messages, now)
        except DigestConflictError as exc:
            # Another writer released some of them; the rest are still held for the next run.
            log.warning("digest skipped: %s", exc)
            continue
        releases.append(Release(chat_id, len(items), tuple(ids)))
    return releases


def reschedule_digests(
    db: Database, chat_id: int, subscription_id: int, now: datetime, *, default_timezone: str
) -> int:
    """After `subscription_id`'s mode changed: move the held digest alerts it produced.

    The rule: an alert follows the most immediate mode among the chat's subscriptions that
    produced it (`bot.core.preferences.digest_release`), so switching one of two daily keywords to
    instant brings forward only the stories that keyword matched, and switching hourly to
    daily makes its stories wait for the daily digest unless another of their keywords is
    more immediate. Alerts whose producers were not recorded are only brought forward, never
    held longer (they may belong to this subscription or another). Returns how many moved.
    """
    held = held_digests(db, chat_id, subscription_id)
    if not held:
        return 0
    wanted = {subscription_id}
    for item in held:
        wanted.update(item.subscription_ids or ())
    prefs = subscription_prefs(db, wanted)
    zone = chat_prefs(db, chat_id, default_timezone=default_timezone).zone
    changed = prefs.get(subscription_id)
    releases: dict[int, datetime] = {}
    for item in held:
        if item.subscription_ids is None:
            release = (next_release(changed, now, zone) if changed else None) or now
            if item.release_at is not None and item.release_at <= release:
                continue
        else:
            subs = [prefs[i] for i in item.subscription_ids if i in prefs]
            release = digest_release(subs, now, zone)
        if release != item.release_at:
            releases[item.outbox_id] = release
    return set_digest_releases(db, chat_id, releases)
