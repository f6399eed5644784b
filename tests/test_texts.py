from __future__ import annotations

import re
import string

import pytest

from bot.core import texts
from bot.core.bidi import FSI, LRI, PDI
from bot.core.texts import (
    ECHO_CHARS,
    LANGUAGES,
    Html,
    clip,
    command_descriptions,
    count_noun,
    mode_label,
    plain,
    query_error,
    text,
)


def test_every_entry_has_both_languages_and_the_same_fields() -> None:
    fields = re.compile(r"\{(\w+)")
    for key, (arabic, english) in texts._TEXTS.items():
        assert arabic.strip() and english.strip(), key
        assert set(fields.findall(arabic)) == set(fields.findall(english)), key


def test_values_are_escaped_and_isolated() -> None:
    shown = text("follow.added", "ar", query="<b>NATO & co</b>")
    assert "<b>NATO" not in shown
    assert f"{FSI}&lt;b&gt;NATO &amp; co&lt;/b&gt;{PDI}" in shown
    assert shown.startswith("✅")


def test_html_values_are_inserted_as_is() -> None:
    shown = text("alert.why", "en", reasons=Html("<b>x</b>"))
    assert shown == "<b>Why?</b> <b>x</b>"


def test_arabic_templates_isolate_commands_but_not_tags() -> None:
    shown = text("help", "ar")
    assert f"{LRI}/follow{PDI}" in shown
    assert "<b>" in shown and f"{LRI}b{PDI}" not in shown


def test_plain_does_not_escape() -> None:
    assert plain("alert.unfollow", "en", query="A&B") == f"Unfollow {FSI}A&B{PDI}"


def test_missing_value_and_unknown_key_fail_loudly() -> None:
    with pytest.raises(KeyError):
        text("follow.added", "ar")
    with pytest.raises(KeyError):
        text("no.such.key", "ar")


@pytest.mark.parametrize(
    "code", ["empty", "too_long", "no_letters", "too_many_terms", "bad_syntax"]
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_query_errors_have_their_own_message(code: str, lang: texts.Lang) -> None:
    assert query_error(code, lang) != query_error("something_new", lang)


def test_unknown_mode_shows_its_name() -> None:
    assert mode_label("instant", "ar") == "فوري"
    assert mode_label("weekly", "ar") == "weekly"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_command_descriptions_fit_the_bot_api(lang: texts.Lang) -> None:
    pairs = command_descriptions(lang)
    assert [c for c, _ in pairs] == list(texts.COMMANDS)
    assert all(1 <= len(d) <= 256 and re.fullmatch(r"[a-z_]{1,32}", c) for c, d in pairs)


def test_pick_lang() -> None:
    assert texts.pick_lang("en") == "en"
    assert texts.pick_lang(None) == "ar"
    assert texts.pick_lang("fr", "en") == "en"


@pytest.mark.parametrize(
    ("count", "arabic", "english"),
    [
        (0, "0 خبر", "0 articles"),
        (1, "خبر واحد", "1 article"),
        (2, "خبران", "2 articles"),
        (3, "3 أخبار", "3 articles"),
        (10, "10 أخبار", "10 articles"),
        (11, "11 خبراً", "11 articles"),
        (99, "99 خبراً", "99 articles"),
        (100, "100 خبر", "100 articles"),
        (102, "102 خبر", "102 articles"),
        (105, "105 أخبار", "105 articles"),
        (1000, "1000 خبر", "1000 articles"),
    ],
)
def test_counted_nouns_agree_with_the_number(count: int, arabic: str, english: str) -> None:
    assert count_noun(count, "article", "ar") == arabic
    assert count_noun(count, "article", "en") == english
    assert arabic in plain("follow.preview", "ar", count=count)


def test_clip_quotes_long_input_on_one_line() -> None:
    assert clip("الناتو") == "الناتو"
    assert clip("كوريا\n  الشمالية") == "كوريا الشمالية"
    long = clip("ا" * 5000)
    assert len(long) == ECHO_CHARS and long.endswith("…")


@pytest.mark.parametrize(
    ("seconds", "arabic", "english"),
    [
        (30, "دقيقة", "1 minute"),
        (5 * 60, "5 دقائق", "5 minutes"),
        (3600, "ساعة", "1 hour"),
        (2 * 3600 + 59, "ساعتين", "2 hours"),
        (5 * 3600, "5 ساعات", "5 hours"),
        (11 * 3600, "11 ساعةً", "11 hours"),
        (86400, "يوم", "1 day"),
        (2 * 86400, "يومين", "2 days"),
        (3 * 86400, "3 أيام", "3 days"),
        (40 * 86400, "شهر", "1 month"),
        (11 * 30 * 86400, "11 شهراً", "11 months"),
        (9 * 365 * 86400 + 86400 * 5, "9 سنوات", "9 years"),
    ],
)
def test_elapsed_reads_as_arabic_counts_it(seconds: int, arabic: str, english: str) -> None:
    assert texts.elapsed(seconds, "ar") == arabic
    assert texts.elapsed(seconds, "en") == english


def test_group_forms_keep_the_singular_placeholders() -> None:
    """A plural form must fill from the same values as the text it replaces."""
    for key, arabic in texts._GROUP_ARABIC.items():
        singular = texts._TEXTS[key][0]
        assert {f for _, f, _, _ in string.Formatter().parse(arabic) if f} == {
            f for _, f, _, _ in string.Formatter().parse(singular) if f
        }, key
        assert texts.addressed(key, group=True) != key


@pytest.mark.parametrize(
    ("group", "expected"),
    [(False, "سأتابع لك"), (True, "سأتابع لكم")],
)
def test_a_group_is_addressed_in_the_plural(group: bool, expected: str) -> None:
    key = texts.addressed("follow.added", group=group)
    assert expected in texts.text(key, "ar", query="الناتو")
    assert texts.text(key, "en", query="x").startswith("✅ Now following")
    assert texts.addressed("help", group=True) == "help"  # no plural form: the text as is
