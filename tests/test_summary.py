from __future__ import annotations

import pytest

from bot.deliver.summary import (
    MAX_CHARS,
    MAX_SENTENCES,
    find_terms,
    keyword_terms,
    summarize,
    unwrap,
)

BODY = (
    "أعلنت وزارة الدفاع اليابانية اليوم أن كوريا الشمالية أطلقت صاروخاً باليستياً سقط في البحر.\n"
    "وقال المتحدث باسم الحكومة إن طوكيو قدمت احتجاجاً شديداً عبر القنوات الدبلوماسية.\n"
    "وأضاف أن الصاروخ حلق لمسافة 2.5 ألف كيلومتر قبل سقوطه خارج المنطقة الاقتصادية.\n"
    "وفي سياق آخر، افتتحت في العاصمة معرضاً للكتاب يستمر أسبوعاً كاملاً بمشاركة دور نشر.\n"
    "ودعا حلف شمال الأطلسي كوريا الشمالية إلى وقف تجاربها الصاروخية فوراً والعودة للحوار.\n"
)


def test_summary_is_a_few_body_sentences_in_order() -> None:
    summary = summarize(BODY)
    assert 2 <= len(summary.sentences) <= MAX_SENTENCES
    assert "معرضاً للكتاب" not in summary.text  # the side detail: centrality leaves it out
    assert len(summary.text) <= MAX_CHARS
    starts = [s.start for s in summary.sentences]
    assert starts == sorted(starts)
    for sentence in summary.sentences:
        assert BODY[sentence.start : sentence.end] == sentence.text


def test_is_deterministic() -> None:
    assert summarize(BODY, ["الناتو"]) == summarize(BODY, ["الناتو"])


def test_keyword_sentence_is_included_and_highlighted() -> None:
    summary = summarize(BODY, ["حلف شمال الأطلسي"])
    assert summary.mentions_keyword
    highlighted = [s.text[a:b] for s in summary.sentences for a, b in s.highlights]
    assert highlighted == ["حلف شمال الأطلسي"]


@pytest.mark.parametrize(
    ("keyword", "sentence", "expected"),
    [
        ("الناتو", "قال إن والناتو سيجتمع", ["والناتو"]),
        ("كوريا الشمالية", "أطلقت كوريا الشماليّة صاروخاً", ["كوريا الشماليّة"]),
        ("صاروخ", "تجربة صاروخية جديدة", ["صاروخية"]),
        ("إيران", "زار ايران وفد", ["ايران"]),
        ("الناتو -روسيا", "الناتو وروسيا", ["الناتو"]),
        ('"الأمم المتحدة"', "قرار للأمم المتحدة اليوم", ["للأمم المتحدة"]),
        ("روسيا + اليابان", "روسيا تحذر اليابان", ["روسيا", "اليابان"]),
        ("الصين", "الصينيون والصينية", ["الصينيون", "والصينية"]),
        ("الصين", "صينوغرافيا", []),  # not an inflection: no match
    ],
)
def test_find_terms(keyword: str, sentence: str, expected: list[str]) -> None:
    spans = find_terms(sentence, keyword_terms([keyword]))
    assert [sentence[a:b] for a, b in spans] == expected


def test_excluded_words_are_not_terms() -> None:
    assert keyword_terms(["الصواريخ -إيران"]) == [("صواريخ",)]


def test_short_lines_and_chrome_are_not_picked() -> None:
    body = "افتح ملخص المحرر مجانًا\n" + BODY + "شاركها.\nاترك تعليقاً\n"
    text = summarize(body).text
    assert "افتح" not in text and "شاركها" not in text and "اترك" not in text


def test_a_single_overlong_sentence_is_cut_at_a_word() -> None:
    body = " ".join(["كلمة"] * 400) + "."
    summary = summarize(body, max_chars=100)
    assert len(summary.text) <= 100 and summary.text.endswith("…")


def test_empty_body_gives_an_empty_summary() -> None:
    assert summarize("").sentences == ()
    assert summarize("   \n ").text == ""


def test_hard_wrapped_text_is_joined_keeping_offsets() -> None:
    wrapped = (
        "هذه جملة طويلة مكتوبة على عدة أسطر بعرض ثابت كما تفعل بعض\n"
        "المصادر القديمة التي تقطع الفقرات عند عرض محدد من الحروف دون\n"
        "مراعاة لنهاية الجملة ثم تكمل الكلام في السطر التالي مباشرة.\n"
        "وجملة ثانية قصيرة.\n"
    )
    flat = unwrap(wrapped)
    assert len(flat) == len(wrapped)
    assert flat.count("\n") == 2
    assert unwrap(BODY) == BODY  # lines ending like sentences stay as they are


def test_the_sentence_that_matched_is_shown_even_when_no_keyword_word_is_in_it() -> None:
    """The matcher found «بيونغ يانغ» through an alias; the keyword's own words are absent."""
    body = BODY + (
        "وفي تطور لاحق، أعلنت بيونغ يانغ أنها ستجري اختباراً جديداً لمحركات الوقود الصلب "
        "خلال الأسابيع المقبلة في موقع سوهاي.\n"
    )
    evidence = "أعلنت بيونغ يانغ أنها ستجري اختباراً جديداً لمحركات الوقود الصلب"
    assert "سوهاي" not in summarize(body, ["كوريا الشمالية"]).text
    shown = summarize(body, ["كوريا الشمالية"], evidence=[evidence]).text
    assert "سوهاي" in shown
    # Evidence that is not a sentence of the body changes nothing.
    unrelated = summarize(body, ["كوريا الشمالية"], evidence=["نص لا علاقة له بالخبر إطلاقاً"])
    assert unrelated == summarize(body, ["كوريا الشمالية"])
