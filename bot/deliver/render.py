"""Rendering: alerts, full texts and paginated lists as Telegram HTML. Pure code.

Every piece of article or user text goes through `markup`, which escapes it, bolds the given
spans and wraps Latin/digit runs of Arabic text in left-to-right isolates (see `bot.core.bidi`).
Telegram rejects a message over 4096 characters; we count the HTML we send (tags and entities
included), which is never less than what Telegram counts, so a message that fits here fits there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Final, Protocol

from bot.core import callbacks
from bot.core.arabic import sentence_spans
from bot.core.bidi import LRI, PDI, has_arabic, ltr_runs
from bot.core.links import outlet_name, safe_url
from bot.core.outgoing import Button, OutgoingMessage
from bot.core.texts import Html, Lang, addressed, elapsed, plain, text
from bot.deliver.summary import (
    Summary,
    cut_at_word,
    find_terms,
    keyword_terms,
    merge_spans,
    summarize,
)
from bot.match.following import FollowPlan
from storage.articles import StoredArticle

__all__ = [
    "AGE_SHOWN_AFTER",
    "MESSAGE_LIMIT",
    "WHY_WINDOW",
    "ArticleItem",
    "FollowedLike",
    "Reason",
    "StoredArticle",
    "SubscriptionItem",
    "format_date",
    "highlight_snippet",
    "link_button",
    "markup",
    "match_window",
    "message_length",
    "page_count",
    "render_alert",
    "render_article_page",
    "render_follow_result",
    "render_full_text",
    "render_subscription_page",
    "render_unfollow_picker",
    "split_html",
]

MESSAGE_LIMIT: Final = 4096
# Room kept under the limit in full-text parts for the «(تابع 2/3)» line.
_PART_HEADER_ROOM: Final = 64
_BUTTON_LABEL_CHARS: Final = 32
# An article that arrives later than this after its own publication says how old it is:
# a reader takes an alert for news of the last hour unless told otherwise.
AGE_SHOWN_AFTER: Final = timedelta(hours=2)
# «لماذا؟» shows at most this many characters of a mention's sentence.
WHY_WINDOW: Final = 160
# «⚙ 10» buttons under a /list page: five fit a phone's width.
_MODE_BUTTONS_PER_ROW: Final = 5


@dataclass(frozen=True, slots=True)
class Reason:
    """Why an article reached a chat: one subscription and the words that matched it.

    `terms` are the further forms the subscription watches (its aliases): the summary prefers
    and bolds them too, since the matcher reports only the best mention. `sentence` is the
    sentence of the best mention: «لماذا؟» shows it (or a window of it) with `words` in bold,
    so a reader sees at once whether the match is right.
    """

    subscription_id: int
    query: str
    words: tuple[str, ...]
    terms: tuple[str, ...] = ()
    sentence: str = ""  # where the matcher found it: the summary always shows it


@dataclass(frozen=True, slots=True)
class ArticleItem:
    """One line of a /recent or /search page."""

    article_id: int
    title: str
    source: str | None
    published: datetime | None
    snippet: str = ""
    highlights: tuple[tuple[int, int], ...] = ()
    dated: bool = True  # False: `published` is when the article arrived, not its own date
    url: str | None = None
    keywords: tuple[str, ...] = ()  # the chat's keywords it matched (/recent)


@dataclass(frozen=True, slots=True)
class SubscriptionItem:
    """One line of a /list page."""

    subscription_id: int
    query: str
    mode: str


def message_length(value: str) -> int:
    """Length as Telegram counts it (UTF-16 code units), of the HTML itself: an upper bound."""
    return len(value.encode("utf-16-le")) // 2


def markup(raw: str, bold: Sequence[tuple[int, int]] = (), *, rtl: bool | None = None) -> str:
    """`raw` as Telegram HTML: escaped, `bold` spans in <b>, Latin/digit runs isolated.

    `rtl` says whether the surrounding text is Arabic (default: whether `raw` has Arabic).
    """
    events: list[tuple[int, int, str]] = []
    # At one offset closing comes before opening, and a bold span that starts or ends with an
    # isolated run keeps the isolate inside it: <b>LRI…PDI</b>.
    for start, end in ltr_runs(raw, rtl=rtl):
        events.append((start, 2, LRI))
        events.append((end, 0, PDI))
    for start, end in _clean_spans(bold, len(raw)):
        events.append((start, 1, "<b>"))
        events.append((end, 1, "</b>"))
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[str] = []
    last = 0
    for offset, _, token in events:
        out.append(html.escape(raw[last:offset], quote=False))
        out.append(token)
        last = offset
    out.append(html.escape(raw[last:], quote=False))
    return "".join(out)


def _clean_spans(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    clipped = ((max(0, s), min(length, e)) for s, e in spans)
    return merge_spans((s, e) for s, e in clipped if s < e)


def format_date(moment: datetime | None, zone: tzinfo, lang: Lang) -> str:
    """`moment` in the chat's time zone as «2024-06-20 14:30» (naive times are taken as UTC)."""
    if moment is None:
        return plain("alert.no_date", lang)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def _shorten(value: str, limit: int) -> str:
    return cut_at_word(" ".join(value.split()), limit)


def _article_byline(article: StoredArticle, zone: tzinfo, lang: Lang) -> str:
    """The byline of a stored article: its outlet, its own date (or arrival), its site."""
    return _byline(
        article.source,
        article.published,
        zone,
        lang,
        dated=article.published_from != "mtime",
        url=article.url,
    )


def _byline(
    source: str | None,
    published: datetime | None,
    zone: tzinfo,
    lang: Lang,
    *,
    dated: bool,
    url: str | None = None,
) -> str:
    shown_source = outlet_name(source, url) or plain("alert.unknown_source", lang)
    when = format_date(published, zone, lang)
    if not dated and published is not None:
        # The article printed no date: say the time shown is its arrival, not its publication.
        when = plain("alert.arrived", lang, date=when)
    return (
        "📰 "
        + markup(_shorten(shown_source, 80), rtl=lang == "ar")
        + " · "
        + markup(when, rtl=lang == "ar")
    )


def _age_line(article: StoredArticle, lang: Lang) -> str | None:
    """«⏳ نُشر قبل 5 ساعات» when the article reached us well after its own date."""
    if article.published_from == "mtime" or article.published is None:
        return None
    arrived = article.ingested_at
    if arrived is None:
        return None
    published = article.published
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    if arrived.tzinfo is None:
        arrived = arrived.replace(tzinfo=UTC)
    age = arrived - published
    if age <= AGE_SHOWN_AFTER:
        return None
    return text("alert.age", lang, age=elapsed(age.total_seconds(), lang))


def link_button(url: str | None, label: str) -> Button | None:
    """A button opening the article's address, when it has one a button may open."""
    address = safe_url(url)
    return None if address is None else Button(text=label, url=address)


def _summary_html(summary: Summary, rtl: bool) -> str:
    return " ".join(markup(s.text, s.highlights, rtl=rtl) for s in summary.sentences)


def _reason_html(reason: Reason, lang: Lang, word_limit: int, window: int) -> str:
    words = list(dict.fromkeys(w.strip() for w in reason.words if w.strip()))[:word_limit]
    rtl = lang == "ar"
    context = match_window(reason.sentence, words, window) if reason.sentence else None
    if context is not None:
        snippet, spans = context
        return text(
            "alert.reason",
            lang,
            query=_shorten(reason.query, 60),
            words=Html(markup(snippet, spans, rtl=has_arabic(snippet) or rtl)),
        )
    shown = plain("list.separator", lang).join(_shorten(w, 40) for w in words) or reason.query
    return text(
        "alert.reason",
        lang,
        query=_shorten(reason.query, 60),
        words=Html("<b>" + markup(shown, rtl=rtl) + "</b>"),
    )


def match_window(
    sentence: str, words: Sequence[str], limit: int = WHY_WINDOW
) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """The sentence of a mention, cut to at most `limit` characters around the first matched
    word (an ellipsis where it is cut, between words), and the spans of the matched words in
    it; None when no matched word is found in the sentence."""
    sentence = " ".join(sentence.split())
    found = sorted(
        (m.start(), m.end()) for w in words if w for m in re.finditer(re.escape(w), sentence)
    )
    if not found:
        return None
    start, end = 0, len(sentence)
    if end > limit:
        first_start, first_end = found[0]
        room = max(0, limit - (first_end - first_start))
        start = max(0, first_start - room // 2)
        end = min(len(sentence), start + limit)
        start = max(0, end - limit)
        # Cut between words: a space after `start`, before `end`.
        if start > 0:
            space = sentence.find(" ", start, first_start)
            start = space + 1 if space >= 0 else start
        if end < len(sentence):
            space = sentence.rfind(" ", max(first_end, start), end)
            end = space if space >= 0 else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(sentence) else ""
    shift = len(prefix) - start
    spans = tuple(
        (max(a, start) + shift, min(b, end) + shift) for a, b in found if a < end and b > start
    )
    return prefix + sentence[start:end] + suffix, spans


@dataclass(frozen=True, slots=True)
class _AlertBudget:
    title_chars: int
    summary_chars: int
    reasons: int
    words: int
    sources: int


# Tried in order until the alert fits: the first always fits for sane articles; the last
# fits whatever the input (every part is capped, even after escaping).
_BUDGETS: Final = (
    _AlertBudget(300, 600, 5, 6, 8),
    _AlertBudget(200, 450, 3, 4, 5),
    _AlertBudget(120, 300, 2, 3, 3),
    _AlertBudget(60, 150, 1, 2, 0),
)


def render_alert(
    article: StoredArticle,
    reasons: Sequence[Reason],
    *,
    lang: Lang,
    zone: tzinfo,
    other_sources: Sequence[str] = (),
) -> OutgoingMessage:
    """The alert for `article` in one chat: title, byline, summary, why, buttons; ≤ 4096."""
    keywords = [w for r in reasons for w in (*r.words, r.query, *r.terms)]
    rtl = lang == "ar"
    # The article's own source (or file) is not «also» news.
    own = {article.source, article.file_name}
    others = [s for s in dict.fromkeys(other_sources) if s and s not in own]
    message = ""
    age = _age_line(article, lang)
    for budget in _BUDGETS:
        summary = summarize(
            article.body,
            keywords,
            title=article.title,
            max_chars=budget.summary_chars,
            evidence=[r.sentence for r in reasons if r.sentence],
        )
        headline = "<b>" + markup(_shorten(article.title, budget.title_chars), rtl=rtl) + "</b>"
        if article.kind == "flash":
            headline = text("alert.flash", lang) + " " + headline
        lines = [
            headline,
            _article_byline(article, zone, lang),
            *([age] if age else []),
            "",
            _summary_html(summary, has_arabic(article.body) or rtl),
            "",
        ]
        if reasons:
            window = WHY_WINDOW if budget.words >= 4 else WHY_WINDOW // 2
            # A mention in the title is shown by the title itself: the words only.
            title = " ".join(article.title.split())
            shown = [
                _reason_html(
                    r if " ".join(r.sentence.split()) != title else replace(r, sentence=""),
                    lang,
                    budget.words,
                    window,
                )
                for r in reasons[: budget.reasons]
            ]
            # One line per keyword when each shows its sentence; a list of words otherwise.
            if len(shown) > 1 and any(r.sentence for r in reasons[: budget.reasons]):
                why = "".join("\n" + line for line in shown)  # one line per sentence
            else:
                why = plain("list.separator", lang).join(shown)
            lines.append(text("alert.why", lang, reasons=Html(why)))
        if others and budget.sources:
            names = plain("list.separator", lang).join(
                _shorten(s, 40) for s in others[: budget.sources]
            )
            lines.append(text("alert.also_in", lang, sources=names))
        message = "\n".join(lines).strip()
        if message_length(message) <= MESSAGE_LIMIT:
            break
    first_row = [
        Button(text=plain("alert.full_text", lang), callback_data=callbacks.full_text(article.id))
    ]
    link = link_button(article.url, plain("alert.open", lang))
    if link is not None:
        first_row.append(link)
    buttons: list[tuple[Button, ...]] = [tuple(first_row)]
    for reason in reasons[:3]:
        label = plain("alert.unfollow", lang, query=_shorten(reason.query, _BUTTON_LABEL_CHARS))
        buttons.append(
            (Button(text=label, callback_data=callbacks.unfollow(reason.subscription_id)),)
        )
    return OutgoingMessage(text=message, buttons=tuple(buttons))


def split_html(raw: str, limit: int, *, rtl: bool, first_limit: int | None = None) -> list[str]:
    """`raw` as HTML parts of at most `limit` characters (`first_limit` for the first part),
    cut between sentences.

    Paragraphs (lines) are kept as lines; a sentence longer than a part is cut between words,
    and a word longer than a part (a URL) between characters.
    """
    first_limit = limit if first_limit is None else first_limit
    piece_limit = min(limit, first_limit)
    units: list[tuple[str, str]] = []  # (html, separator before it)
    for paragraph in (line for line in raw.split("\n") if line.strip()):
        for s_index, (start, end) in enumerate(sentence_spans(paragraph)):
            separator = "\n" if s_index == 0 else " "
            for piece_index, piece in enumerate(_pieces(paragraph[start:end], piece_limit, rtl)):
                units.append((piece, separator if piece_index == 0 else " "))
    parts: list[str] = []
    current = ""
    for piece, separator in units:
        candidate = current + separator + piece if current else piece
        if message_length(candidate) <= (limit if parts else first_limit):
            current = candidate
            continue
        parts.append(current)
        current = piece
    if current:
        parts.append(current)
    return parts


def _pieces(sentence: str, limit: int, rtl: bool) -> list[str]:
    whole = markup(sentence, rtl=rtl)
    if message_length(whole) <= limit:
        return [whole]
    pieces: list[str] = []
    current: list[str] = []
    for word in sentence.split():
        trial = markup(" ".join([*current, word]), rtl=rtl)
        if message_length(trial) <= limit:
            current.append(word)
            continue
        if current:
            pieces.append(markup(" ".join(current), rtl=rtl))
        current = [word]
        # A single word over the limit: cut it by characters.
        while message_length(markup(current[0], rtl=rtl)) > limit:
            head = current[0][: max(1, limit // 6)]
            pieces.append(markup(head, rtl=rtl))
            current = [current[0][len(head) :]]
    if current:
        pieces.append(markup(" ".join(current), rtl=rtl))
    return pieces


def render_full_text(article: StoredArticle, *, lang: Lang, zone: tzinfo) -> list[OutgoingMessage]:
    """The cleaned article as one or more messages, each under 4096 characters."""
    rtl = has_arabic(article.body) or lang == "ar"
    head = (
        "<b>"
        + markup(_shorten(article.title, 300), rtl=rtl)
        + "</b>\n"
        + _article_byline(article, zone, lang)
        + "\n\n"
    )
    room = MESSAGE_LIMIT - _PART_HEADER_ROOM
    bodies = split_html(article.body, room, rtl=rtl, first_limit=room - message_length(head)) or [
        ""
    ]
    total = len(bodies)
    messages: list[OutgoingMessage] = []
    for index, body in enumerate(bodies):
        prefix = head if index == 0 else ""
        suffix = (
            "\n\n" + text("full.continued", lang, part=index + 2, parts=total)
            if index + 1 < total
            else ""
        )
        messages.append(OutgoingMessage(text=(prefix + body + suffix).strip()))
    return messages


def page_count(total: int, per_page: int) -> int:
    """Number of pages for `total` items (at least 1, so an empty list has a page)."""
    return max(1, -(-total // per_page))


def _nav_row(view_id: int, page: int, pages: int, lang: Lang) -> tuple[Button, ...]:
    if pages <= 1:
        return ()
    row: list[Button] = []
    if page > 1:
        row.append(
            Button(
                text=plain("page.previous", lang), callback_data=callbacks.page(view_id, page - 1)
            )
        )
    row.append(
        Button(
            text=plain("page.position", lang, page=page, pages=pages),
            callback_data=callbacks.noop(),
        )
    )
    if page < pages:
        row.append(
            Button(text=plain("page.next", lang), callback_data=callbacks.page(view_id, page + 1))
        )
    return tuple(row)


def render_article_page(
    header: str,
    items: Sequence[ArticleItem],
    *,
    first_number: int,
    view_id: int,
    page: int,
    pages: int,
    lang: Lang,
    zone: tzinfo,
) -> OutgoingMessage:
    """A page of articles: numbered titles, bylines, snippets, a full-text button per item."""
    rtl = lang == "ar"
    blocks = [header]
    for number, item in enumerate(items, start=first_number):
        lines = [
            f"{number}. <b>" + markup(_shorten(item.title, 200), rtl=rtl or None) + "</b>",
            _byline(item.source, item.published, zone, lang, dated=item.dated, url=item.url),
        ]
        if item.keywords:
            shown = plain("list.separator", lang).join(_shorten(k, 40) for k in item.keywords[:5])
            lines.append(text("recent.keywords", lang, keywords=shown))
        if item.snippet:
            lines.append(markup(item.snippet, item.highlights, rtl=rtl or None))
        blocks.append("\n".join(lines))
    message = "\n\n".join(blocks)
    if message_length(message) > MESSAGE_LIMIT:
        # Snippets are the only unbounded part; drop them rather than split a list.
        return render_article_page(
            header,
            [
                ArticleItem(
                    i.article_id,
                    i.title,
                    i.source,
                    i.published,
                    dated=i.dated,
                    url=i.url,
                    keywords=i.keywords,
                )
                for i in items
            ],
            first_number=first_number,
            view_id=view_id,
            page=page,
            pages=pages,
            lang=lang,
            zone=zone,
        )
    full_row = tuple(
        Button(
            text=plain("item.full", lang, n=number),
            callback_data=callbacks.full_text(item.article_id),
        )
        for number, item in enumerate(items, start=first_number)
    )
    links = [
        link_button(item.url, plain("item.open", lang, n=number))
        for number, item in enumerate(items, start=first_number)
    ]
    link_row = tuple(b for b in links if b is not None)
    rows = [row for row in (full_row, link_row, _nav_row(view_id, page, pages, lang)) if row]
    return OutgoingMessage(text=message, buttons=tuple(rows))


def render_subscription_page(
    items: Sequence[SubscriptionItem],
    *,
    total: int,
    first_number: int,
    view_id: int,
    page: int,
    pages: int,
    lang: Lang,
    mode_names: dict[str, str],
    group: bool = False,
) -> OutgoingMessage:
    """A page of the chat's subscriptions with their delivery modes, and a «⚙ n» button
    per line that opens its mode picker (the `mp`/`ms` buttons of /mode)."""
    lines = [text(addressed("list.header", group=group), lang, count=total)]
    for number, item in enumerate(items, start=first_number):
        mode = mode_names.get(item.mode, item.mode)
        lines.append(text("list.item", lang, n=number, query=item.query, mode=mode))
    if items:
        lines.append(text(addressed("list.mode_hint", group=group), lang))
    mode_buttons = [
        Button(
            text=plain("list.mode_button", lang, n=number),
            callback_data=callbacks.mode_picker(item.subscription_id),
        )
        for number, item in enumerate(items, start=first_number)
    ]
    rows = [
        tuple(mode_buttons[start : start + _MODE_BUTTONS_PER_ROW])
        for start in range(0, len(mode_buttons), _MODE_BUTTONS_PER_ROW)
    ]
    nav = _nav_row(view_id, page, pages, lang)
    if nav:
        rows.append(nav)
    return OutgoingMessage(text="\n".join(lines), buttons=tuple(rows))


def render_unfollow_picker(
    header: str,
    items: Sequence[SubscriptionItem],
    *,
    view_id: int,
    page: int,
    pages: int,
    lang: Lang,
) -> OutgoingMessage:
    """Subscriptions as buttons: one tap removes one."""
    rows: list[tuple[Button, ...]] = [
        (
            Button(
                text=plain(
                    "unfollow.button", lang, query=_shorten(item.query, _BUTTON_LABEL_CHARS)
                ),
                callback_data=callbacks.unfollow(item.subscription_id),
            ),
        )
        for item in items
    ]
    nav = _nav_row(view_id, page, pages, lang)
    if nav:
        rows.append(nav)
    return OutgoingMessage(text=header, buttons=tuple(rows))


def highlight_snippet(
    body: str, query: str, width: int = 220
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `body` around the first occurrence of the query's words, and their spans."""
    terms = keyword_terms([query]) + [(w,) for t in keyword_terms([query]) for w in t]
    flat = " ".join(body.split())
    spans = find_terms(flat, terms)
    if not spans:
        snippet = _shorten(flat, width)
        return snippet, ()
    first = spans[0][0]
    start = max(0, first - width // 3)
    if start:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > first else end
    window = flat[start:end]
    prefix = "…" if start else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return prefix + window + suffix, inside


class FollowedLike(Protocol):
    """One added subscription as /follow reports it (bot.chat.watchlist.Followed)."""

    @property
    def query_text(self) -> str: ...
    @property
    def watches(self) -> tuple[str, ...]: ...
    @property
    def preview_count(self) -> int: ...
    @property
    def preview_items(self) -> tuple[ArticleItem, ...]: ...


def render_follow_result(
    added: Sequence[FollowedLike],
    plan: FollowPlan,
    *,
    lang: Lang,
    zone: tzinfo,
    error_reason: Callable[[str, Lang], str],
    group: bool = False,
    arabic_only: bool = False,
) -> OutgoingMessage:
    """The /follow reply: what is watched (aliases and concept names included), the 7-day
    preview, and every keyword not added with the reason (duplicate, near duplicate, invalid,
    over the limit). `group`: the reply speaks to a group (plural Arabic forms). With
    `arabic_only` (the deployment takes Arabic articles only), a Latin keyword that watches no
    Arabic name gets a hint that it can match nothing."""
    rtl = lang == "ar"
    separator = plain("list.separator", lang)
    blocks: list[str] = []
    full_buttons: list[Button] = []
    for item in added:
        lines = [
            text(addressed("follow.added", group=group), lang, query=_shorten(item.query_text, 100))
        ]
        extra = [w for w in item.watches if w != item.query_text]
        if extra:
            shown = separator.join(_shorten(w, 60) for w in item.watches[:12])
            lines.append(text("follow.watches", lang, terms=shown))
        if arabic_only and not any(has_arabic(w) for w in (item.query_text, *item.watches)):
            lines.append(text("follow.latin_hint", lang, query=_shorten(item.query_text, 60)))
        if item.preview_count == 0:
            lines.append(text(addressed("follow.preview_none", group=group), lang))
        elif item.preview_count == 1:
            lines.append(text("follow.preview_one", lang))
        else:
            lines.append(text("follow.preview", lang, count=item.preview_count))
        for hit in item.preview_items:
            lines.append(
                "• "
                + markup(_shorten(hit.title, 150), rtl=rtl or None)
                + "\n  "
                + _byline(hit.source, hit.published, zone, lang, dated=hit.dated, url=hit.url)
            )
            full_buttons.append(
                Button(
                    text="📄 " + _shorten(hit.title, 24),
                    callback_data=callbacks.full_text(hit.article_id),
                )
            )
        blocks.append("\n".join(lines))
    notes: list[str] = []
    for keyword in plan.duplicates:
        notes.append(text("follow.duplicate", lang, query=_shorten(keyword, 100)))
    for keyword, existing in plan.near_duplicates:
        notes.append(
            text(
                "follow.near_duplicate",
                lang,
                query=_shorten(keyword, 100),
                existing=_shorten(existing, 100),
            )
        )
    for keyword, code in plan.invalid:
        notes.append(
            text(
                "follow.invalid", lang, query=_shorten(keyword, 60), reason=error_reason(code, lang)
            )
        )
    if plan.over_limit:
        queries = separator.join(_shorten(k, 40) for k in plan.over_limit[:10])
        notes.append(text("follow.limit", lang, limit=plan.limit, queries=queries))
    if notes:
        blocks.append("\n".join(notes))
    message = "\n\n".join(blocks) or text(addressed("follow.usage", group=group), lang)
    if message_length(message) > MESSAGE_LIMIT:
        message = _cut_html_blocks(blocks, MESSAGE_LIMIT)
    rows = tuple((button,) for button in full_buttons[:8])
    return OutgoingMessage(text=message, buttons=rows)


def _cut_html_blocks(blocks: Sequence[str], limit: int) -> str:
    """As many whole blocks as fit (each block is balanced HTML), then an ellipsis."""
    kept: list[str] = []
    for block in blocks:
        if message_length("\n\n".join([*kept, block, "…"])) > limit:
            break
        kept.append(block)
    return "\n\n".join([*kept, "…"])
