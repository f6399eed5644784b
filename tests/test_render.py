from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core import callbacks
from bot.core.article import DateOrigin
from bot.core.bidi import LRI, PDI
from bot.core.texts import Lang
from bot.deliver.render import (
    MESSAGE_LIMIT,
    ArticleItem,
    Reason,
    SubscriptionItem,
    format_date,
    highlight_snippet,
    markup,
    match_window,
    message_length,
    render_alert,
    render_article_page,
    render_follow_result,
    render_full_text,
    render_subscription_page,
    render_unfollow_picker,
    split_html,
)
from bot.match.following import FollowPlan
from storage.articles import StoredArticle
from tests.helpers import stored_article

RIYADH = ZoneInfo("Asia/Riyadh")
TAG = re.compile(r"</?(b|i|pre|code)>")


def Article(  # noqa: N802 - reads like the constructor it stands for
    id: int,
    title: str,
    body: str,
    source: str | None,
    published: datetime | None,
    file_name: str = "article.txt",
) -> StoredArticle:
    """A stored article with the fields an alert reads."""
    return stored_article(id, title, body, source=source, published=published, file_name=file_name)


def replaced(article: StoredArticle, **changes: object) -> StoredArticle:
    return article.model_copy(update=changes)


BODY = (
    "قال الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ (NATO) في 2024 إن الحلف سيعزز دفاعاته.\n"
    "وأضاف أن الدول الأعضاء ستزيد إنفاقها العسكري إلى 2% من الناتج المحلي.\n"
    "وأكدت اليابان أنها ستنشئ مكتب اتصال مع الناتو في طوكيو قريباً.\n"
    "ويأتي ذلك وسط توتر متزايد مع روسيا والصين وكوريا الشمالية في المنطقة.\n"
)
ARTICLE = Article(
    7,
    "الناتو <يعزز> دفاعاته & يوسع شراكاته",
    BODY,
    "الأسبوع",
    datetime(2024, 6, 20, 9, 30, tzinfo=UTC),
)


def visible(message: str) -> str:
    """What the user reads: tags removed, entities decoded, isolates dropped."""
    return (
        html.unescape(TAG.sub("", message)).replace(LRI, "").replace(PDI, "").replace("\u2068", "")
    )


def balanced(message: str) -> bool:
    stack: list[str] = []
    for match in re.finditer(r"<(/?)(\w+)>", message):
        if match.group(1):
            if not stack or stack.pop() != match.group(2):
                return False
        else:
            stack.append(match.group(2))
    return not stack


def test_markup_escapes_bolds_and_isolates() -> None:
    raw = "قال ستولتنبرغ (NATO) في 2024 <script>"
    shown = markup(raw, [(4, 13)])
    assert (
        shown == f"قال <b>ستولتنبرغ</b> ({LRI}NATO{PDI}) في {LRI}2024{PDI} &lt;{LRI}script{PDI}&gt;"
    )


def test_markup_bold_over_a_latin_run_nests_correctly() -> None:
    shown = markup("حلف NATO اليوم", [(4, 8)])
    assert shown == f"حلف <b>{LRI}NATO{PDI}</b> اليوم"
    assert balanced(shown)


def test_alert_layout() -> None:
    reasons = [Reason(3, "الناتو", ("الناتو", "حلف شمال الأطلسي"))]
    message = render_alert(
        ARTICLE, reasons, lang="ar", zone=RIYADH, other_sources=["الجزيرة", "الأسبوع"]
    )
    lines = message.text.split("\n")
    assert lines[0] == "<b>الناتو &lt;يعزز&gt; دفاعاته &amp; يوسع شراكاته</b>"
    assert "الأسبوع" in lines[1] and f"{LRI}2024-06-20 12:30{PDI}" in lines[1]  # Riyadh is UTC+3
    assert "<b>الناتو</b>" in message.text or "<b>حلف شمال الأطلسي</b>" in message.text
    assert "لماذا؟" in message.text
    assert "ورد أيضاً في:" in message.text and "الجزيرة" in message.text
    assert visible(message.text).count("الأسبوع") == 1  # the alert's own source is not «also in»
    assert balanced(message.text)
    assert message.parse_mode == "HTML"
    labels = [b.text for row in message.buttons for b in row]
    assert labels[0] == "النص الكامل" and "إيقاف متابعة" in labels[1]
    assert callbacks.parse(message.buttons[0][0].callback_data) == callbacks.Callback("full", (7,))
    assert callbacks.parse(message.buttons[1][0].callback_data) == callbacks.Callback("unf", (3,))


@pytest.mark.parametrize(("lang", "marker"), [("ar", "⚡ عاجل"), ("en", "⚡ Breaking")])
def test_a_flash_alert_says_so_in_its_header(lang: Lang, marker: str) -> None:
    flash = replaced(
        ARTICLE,
        title="الحوثيون يعلنون استهداف سفينة في البحر الأحمر",
        body="الحوثيون يعلنون استهداف سفينة في البحر الأحمر",
        kind="flash",
    )
    first = render_alert(flash, [], lang=lang, zone=RIYADH).text.split("\n")[0]
    assert visible(first).startswith(marker)
    assert "الحوثيون يعلنون" in first
    plain = render_alert(ARTICLE, [], lang=lang, zone=RIYADH).text
    assert marker not in plain


@pytest.mark.parametrize(
    ("published_from", "lang", "arrived"),
    [("text", "ar", None), ("mtime", "ar", "وصل"), ("mtime", "en", "received")],
)
def test_alert_says_when_the_time_shown_is_the_arrival(
    published_from: DateOrigin, lang: Lang, arrived: str | None
) -> None:
    article = Article(1, "الناتو", BODY, "الأسبوع", datetime(2024, 6, 20, tzinfo=UTC))
    article = replaced(article, published_from=published_from)
    message = render_alert(article, [], lang=lang, zone=RIYADH)
    assert "2024-06-20 03:00" in message.text
    assert ("وصل" in message.text or "received" in message.text) == (arrived is not None)
    if arrived:
        assert arrived in message.text


def test_page_item_without_its_own_date_says_arrival() -> None:
    moment = datetime(2024, 6, 20, tzinfo=UTC)
    page = render_article_page(
        "h",
        [ArticleItem(1, "أ", None, moment, dated=False), ArticleItem(2, "ب", None, moment)],
        first_number=1,
        view_id=1,
        page=0,
        pages=1,
        lang="ar",
        zone=RIYADH,
    )
    assert page.text.count("وصل") == 1


def test_alert_of_a_sourceless_article_does_not_cite_its_own_file() -> None:
    article = Article(1, "الناتو", BODY, None, None, "nato.txt")
    message = render_alert(article, [], lang="ar", zone=RIYADH, other_sources=["nato.txt"])
    assert "ورد أيضاً" not in message.text
    assert "مصدر غير معروف" in message.text


def test_alert_in_english_without_sources() -> None:
    message = render_alert(ARTICLE, [Reason(1, "اليابان", ("اليابان",))], lang="en", zone=UTC)
    assert "Why?" in message.text and "Also reported" not in message.text
    assert "2024-06-20 09:30" in message.text
    assert message.buttons[0][0].text == "Full text"


@pytest.mark.parametrize(
    "article",
    [
        Article(1, "ع" * 5000, "& " * 5000 + ".", "<" * 500, None),
        Article(2, "T", ("جملة طويلة جداً <&> " * 300 + ". ") * 10, None, None),
        Article(3, "", "", None, None),
    ],
)
def test_alert_always_fits(article: StoredArticle) -> None:
    reasons = [Reason(i, "<كلمة>" * 30, ("&" * 50,) * 20) for i in range(10)]
    message = render_alert(
        article, reasons, lang="ar", zone=RIYADH, other_sources=["<م>" * 40] * 20
    )
    assert message_length(message.text) <= MESSAGE_LIMIT
    assert balanced(message.text)
    assert all(len((b.callback_data or "").encode()) <= 64 for row in message.buttons for b in row)


def test_format_date() -> None:
    naive = datetime(2024, 1, 1, 22, 0)
    assert format_date(naive, RIYADH, "ar") == "2024-01-02 01:00"
    assert format_date(None, RIYADH, "en") == "undated"


def long_body(paragraphs: int) -> str:
    sentence = "وقال المتحدث إن الحكومة ستواصل جهودها الدبلوماسية مع الشركاء في المنطقة (UN)."
    return "\n".join(" ".join([sentence] * 12) for _ in range(paragraphs))


def test_full_text_is_split_under_the_limit_at_sentence_ends() -> None:
    article = Article(9, "عنوان", long_body(20), "المصدر", None)
    messages = render_full_text(article, lang="ar", zone=RIYADH)
    assert len(messages) > 1
    for index, message in enumerate(messages):
        assert message_length(message.text) < MESSAGE_LIMIT
        assert balanced(message.text)
        body = message.text.split("\n\n(")[0] if index + 1 < len(messages) else message.text
        assert body.rstrip().endswith(")."), body[-40:]
    assert "تابع 2/" in visible(messages[0].text)
    joined = " ".join(visible(m.text) for m in messages)
    assert joined.count("وقال المتحدث") == 20 * 12


def test_short_full_text_is_one_message_with_title() -> None:
    messages = render_full_text(ARTICLE, lang="ar", zone=RIYADH)
    assert len(messages) == 1
    assert messages[0].text.startswith("<b>الناتو")
    assert visible(messages[0].text).count("ستولتنبرغ") == 1


def test_split_cuts_an_endless_sentence_between_words_and_a_huge_word_anywhere() -> None:
    raw = " ".join(["كلمة"] * 3000) + " " + "x" * 9000
    parts = split_html(raw, 1000, rtl=True)
    assert all(message_length(p) <= 1000 for p in parts)
    assert "".join(visible(p) for p in parts).replace(" ", "") == raw.replace(" ", "")


def test_article_page_has_full_text_buttons_and_navigation() -> None:
    items = [
        ArticleItem(
            i,
            f"عنوان {i}",
            "المصدر",
            datetime(2024, 6, i, tzinfo=UTC),
            *highlight_snippet(BODY, "الناتو"),
        )
        for i in range(1, 6)
    ]
    message = render_article_page(
        "<b>h</b>", items, first_number=6, view_id=4, page=2, pages=3, lang="ar", zone=RIYADH
    )
    assert "6. <b>عنوان" in message.text and "10. <b>عنوان" in message.text
    full_row, nav = message.buttons
    assert [callbacks.parse(b.callback_data).args for b in full_row] == [(i,) for i in range(1, 6)]
    assert [b.text for b in nav] == ["◀", "2/3", "▶"]
    assert callbacks.parse(nav[0].callback_data).args == (4, 1)
    assert callbacks.parse(nav[2].callback_data).args == (4, 3)


@pytest.mark.parametrize(
    ("page", "pages", "labels"), [(1, 1, None), (1, 2, ["1/2", "▶"]), (2, 2, ["◀", "2/2"])]
)
def test_navigation_row_at_the_edges(page: int, pages: int, labels: list[str] | None) -> None:
    items = [SubscriptionItem(1, "الناتو", "instant")]
    message = render_subscription_page(
        items,
        total=1,
        first_number=1,
        view_id=1,
        page=page,
        pages=pages,
        lang="ar",
        mode_names={"instant": "فوري"},
    )
    assert "الناتو" in message.text and "فوري" in message.text
    if labels is None:
        assert len(message.buttons) == 1  # only the mode button
    else:
        assert [b.text for b in message.buttons[-1]] == labels


def test_subscription_page_has_a_mode_button_per_line() -> None:
    items = [SubscriptionItem(100 + n, f"كلمة {n}", "instant") for n in range(7)]
    message = render_subscription_page(
        items,
        total=17,
        first_number=11,
        view_id=3,
        page=2,
        pages=2,
        lang="ar",
        mode_names={"instant": "فوري"},
    )
    *mode_rows, nav = message.buttons
    assert [len(row) for row in mode_rows] == [5, 2]
    pressed = [callbacks.parse(b.callback_data) for row in mode_rows for b in row]
    assert all(p.action == "mp" for p in pressed)
    assert [p.args for p in pressed] == [(100 + n,) for n in range(7)]
    assert "11" in mode_rows[0][0].text and "17" in mode_rows[1][1].text
    assert callbacks.parse(nav[0].callback_data).action == "pg"


def test_unfollow_picker_buttons() -> None:
    items = [
        SubscriptionItem(5, "كوريا الشمالية", "instant"),
        SubscriptionItem(6, "x" * 200, "instant"),
    ]
    message = render_unfollow_picker("اختر", items, view_id=2, page=1, pages=1, lang="ar")
    assert [callbacks.parse(row[0].callback_data).args for row in message.buttons] == [(5,), (6,)]
    assert len(message.buttons[1][0].text) < 50


def test_snippet_window_highlights_the_query() -> None:
    snippet, spans = highlight_snippet(BODY * 5, "والناتو", width=120)
    assert spans and all(
        snippet[a:b].endswith("الناتو") or "الناتو" in snippet[a:b] for a, b in spans
    )
    assert len(snippet) <= 122


@dataclass(frozen=True)
class Added:
    query_text: str
    watches: tuple[str, ...]
    preview_count: int
    preview_items: tuple[ArticleItem, ...] = ()


def reason_of(code: str, lang: str) -> str:
    return f"reason:{code}"


def test_follow_result_reports_watches_preview_and_everything_not_added() -> None:
    item = ArticleItem(42, "الناتو يجتمع", "الأسبوع", datetime(2024, 6, 20, tzinfo=UTC))
    added = [
        Added("الناتو", ("الناتو", "حلف شمال الأطلسي"), 3, (item,)),
        Added("بوتين", ("بوتين",), 0),
    ]
    plan = FollowPlan(
        invalid=(("-x", "only_exclusions"),),
        duplicates=("إيران",),
        near_duplicates=(("ناتو", "الناتو"),),
        over_limit=("روسيا",),
        limit=50,
    )
    message = render_follow_result(added, plan, lang="ar", zone=RIYADH, error_reason=reason_of)
    shown = visible(message.text)
    assert "سأتابع لك: الناتو" in shown and "يشمل ذلك: الناتو، حلف شمال الأطلسي" in shown
    assert "طابقها 3 أخبار" in shown and "الناتو يجتمع" in shown
    assert "لم يطابقها أي خبر" in shown  # the second keyword's empty preview
    assert "يشمل ذلك: بوتين" not in shown  # nothing beyond the keyword itself
    assert "تتابع «إيران» من قبل" in shown and "قريبة جداً من متابعتك «الناتو»" in shown
    assert "reason:only_exclusions" in shown and "الحد الأقصى (50 متابعة)" in shown
    assert callbacks.parse(message.buttons[0][0].callback_data).args == (42,)
    assert balanced(message.text)


@pytest.mark.parametrize(
    ("added", "arabic_only", "hinted"),
    [
        (Added("Hezbollah", ("Hezbollah", "حزب الله"), 0), True, False),  # a known entity
        (Added("drones", ("drones", "الطائرات المسيرة"), 0), True, False),  # a known topic
        (Added("Blorfs", ("Blorfs",), 0), True, True),
        (Added("Blorfs", ("Blorfs",), 0), False, False),  # English articles are taken too
    ],
)
def test_follow_result_hints_at_english_words_that_match_nothing(
    added: Added, arabic_only: bool, hinted: bool
) -> None:
    message = render_follow_result(
        [added], FollowPlan(), lang="ar", zone=UTC, error_reason=reason_of, arabic_only=arabic_only
    )
    assert ("كلمة إنجليزية" in message.text) is hinted


def test_follow_result_without_anything_is_the_usage() -> None:
    message = render_follow_result([], FollowPlan(), lang="en", zone=UTC, error_reason=reason_of)
    assert message.text.startswith("Write the keyword")


def test_alert_names_the_outlet_and_opens_the_article() -> None:
    article = replaced(ARTICLE, url="https://www.elaosboa.com/news/1")
    message = render_alert(article, [], lang="ar", zone=RIYADH)
    assert "الأسبوع" in message.text.split("\n")[1]
    urls = [b.url for row in message.buttons for b in row if b.url]
    assert urls == ["https://www.elaosboa.com/news/1"]
    # No source line in the file: the site of its address names the outlet.
    unnamed = replaced(article, source=None)
    message = render_alert(unnamed, [], lang="ar", zone=RIYADH)
    assert "elaosboa.com" in message.text.split("\n")[1]
    assert "مصدر غير معروف" not in message.text


@pytest.mark.parametrize("url", [None, "javascript:alert(1)", "/relative"])
def test_alert_without_an_openable_address_has_no_link_button(url: str | None) -> None:
    article = replaced(ARTICLE, url=url)
    message = render_alert(article, [], lang="ar", zone=RIYADH)
    assert not [b for row in message.buttons for b in row if b.url]


@pytest.mark.parametrize(
    ("hours_late", "arabic", "english"),
    [
        (1, None, None),
        (5, "نُشر قبل 5 ساعات", "published 5 hours ago"),
        (48, "نُشر قبل يومين", "published 2 days ago"),
        (24 * 40, "نُشر قبل شهر", "published 1 month ago"),
    ],
)
def test_alert_of_late_news_says_its_age(
    hours_late: int, arabic: str | None, english: str | None
) -> None:
    from datetime import timedelta

    assert ARTICLE.published is not None
    article = replaced(
        ARTICLE, ingested_at=ARTICLE.published + timedelta(hours=hours_late, minutes=5)
    )
    langs: tuple[tuple[Lang, str | None], ...] = (("ar", arabic), ("en", english))
    for lang, expected in langs:
        message = render_alert(article, [], lang=lang, zone=RIYADH)
        shown = visible(message.text)
        if expected is None:
            assert "⏳" not in shown
        else:
            assert expected in shown


def test_article_page_shows_keywords_and_link_buttons() -> None:
    items = [
        ArticleItem(
            1,
            "الناتو يجتمع",
            None,
            datetime(2024, 6, 20, tzinfo=UTC),
            url="https://www.aljazeera.net/n/1",
            keywords=("الناتو", "حلف شمال الأطلسي"),
        ),
        ArticleItem(2, "إيران", "الأسبوع", datetime(2024, 6, 19, tzinfo=UTC)),
    ]
    page = render_article_page(
        "<b>h</b>", items, first_number=1, view_id=3, page=1, pages=1, lang="ar", zone=RIYADH
    )
    shown = visible(page.text)
    assert "aljazeera.net" in shown and "🔑 الناتو، حلف شمال الأطلسي" in shown
    links = [(b.text, b.url) for row in page.buttons for b in row if b.url]
    assert links == [("🔗 1", "https://www.aljazeera.net/n/1")]


def test_alert_summary_shows_the_sentence_that_matched() -> None:
    late = "وفي ختام البيان، أشارت بيونغ يانغ إلى أنها ستواصل تطوير قدراتها الدفاعية بلا توقف."
    article = replaced(ARTICLE, body=BODY + late + "\n")
    # The matcher knew «بيونغ يانغ» as the capital's name; the summary's keyword words do not.
    reason = Reason(3, "كوريا الشمالية", ("كوريا الشمالية",), sentence=late)
    message = render_alert(article, [reason], lang="ar", zone=RIYADH)
    assert "ستواصل تطوير قدراتها" in visible(message.text)
    without = dataclasses.replace(reason, sentence="")
    message = render_alert(article, [without], lang="ar", zone=RIYADH)
    assert "ستواصل تطوير قدراتها" not in visible(message.text)


LONG_SENTENCE = (
    "قال المتحدث باسم الجيش في بيان صدر مساء اليوم إن الدفاعات الجوية اعترضت صاروخا باليستيا"
    " أطلق من اليمن باتجاه المدينة الساحلية وإن الشظايا سقطت في منطقة مفتوحة دون أن تسفر عن"
    " إصابات وفق ما أفادت به السلطات المحلية في بيان لاحق"
)


@pytest.mark.parametrize(
    ("sentence", "words", "limit"),
    [
        ("أطلقت كوريا الشمالية صاروخا باليستيا.", ["صاروخا باليستيا"], 160),
        (LONG_SENTENCE, ["صاروخا باليستيا"], 160),
        (LONG_SENTENCE, ["السلطات المحلية"], 80),
        (LONG_SENTENCE, ["قال المتحدث"], 60),
    ],
)
def test_match_window_bolds_the_match_within_the_limit(
    sentence: str, words: list[str], limit: int
) -> None:
    found = match_window(sentence, words, limit)
    assert found is not None
    snippet, spans = found
    assert len(snippet.strip("… ")) <= limit
    assert [snippet[a:b] for a, b in spans] == words
    assert snippet.removeprefix("… ").removesuffix(" …") in sentence


def test_match_window_without_the_words() -> None:
    assert match_window("جملة لا تذكر شيئا", ["الناتو"]) is None


def test_why_shows_each_keyword_with_its_sentence() -> None:
    reasons = [
        Reason(1, "الصواريخ الباليستية", ("صاروخا باليستيا",), sentence=LONG_SENTENCE),
        Reason(2, "اليمن", ("اليمن",), sentence=LONG_SENTENCE),
    ]
    message = render_alert(ARTICLE, reasons, lang="ar", zone=RIYADH)
    why = message.text.split("لماذا؟", 1)[1]
    # The query is isolated (FSI … PDI) in the template; the sentence keeps its bold tags.
    lines = [line.replace("\u2068", "").replace(PDI, "") for line in why.split("\n")[1:]]
    assert lines[0].startswith("«الصواريخ الباليستية»:") and "<b>صاروخا باليستيا</b>" in lines[0]
    assert lines[1].startswith("«اليمن»:") and "<b>اليمن</b>" in lines[1]
    assert all(len(visible(line)) <= 160 + 40 for line in lines)
    assert balanced(message.text)
