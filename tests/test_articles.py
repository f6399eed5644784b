"""Decoding and parsing of article files: the owner's five articles, the Saudi sample, encodings."""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.ingest.articles import (
    ArticleError,
    content_hash,
    decode_article,
    detect_language,
    parse_article,
    read_article,
)
from bot.ingest.outlets import host_outlet

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
MTIME = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)

# Lines of site chrome that must never reach a body, whatever the site.
KNOWN_CHROME = (
    "اترك تعليقاً",
    "شاركها",
    "Exit mobile version",
    "زر الذهاب إلى الأعلى",
    "لن يتم نشر عنوان بريدك الإلكتروني",
    "عبر Google news",
    "افتح ملخص المحرر",
    "اخبار الإمارات",
    "اقرأ أيضا",
    "إقرأ أيضا",
    "المصدر:",
    "كلمات دلالية:",
    "تاريخ النشر",
    "// انتهى //",
    "رابط الخبر بصحيفة",
    "مقالات أخرى للكاتب",
    ". سمات ",
)
# Whole lines of chrome, checked line by line.
KNOWN_CHROME_LINES = re.compile(r"^\d{1,2}:\d{2} ت م$|^https?://\S+$|^\W*$")


def parse(text: str, path: str = "x.txt") -> object:
    return parse_article(text, path, MTIME)


# --- the owner's five reference articles -------------------------------------------------------

OWNER = [
    pytest.param(
        "000_e31137d72a583bee.txt",
        "اليابان «تشعر بقلق بالغ» حيال اتفاقية الدفاع المشتركة بين روسيا وكوريا الشمالية",
        datetime(2024, 6, 20, tzinfo=UTC),
        "الأسبوع",
        (
            "روسيا",
            "اليابان",
            "الأمم المتحدة",
            "الولايات المتحدة",
            "مجلس الأمن",
            "الناتو",
            "حلف الناتو",
            "حلف شمال الأطلسي",
            "كوريا الشمالية",
            "العقوبات الأمريكية",
        ),
        "أعربت اليابان، اليوم الخميس، عن بالغ قلقها",
        "خاصة من الولايات المتحدة وحلف شمال الأطلسي «الناتو».",
        6,
        (
            "تقتل الأشخاص في 48 ساعة.. بكتيريا «آكلة اللحوم» تغزو اليابان"
            " ومخاوف من تحولها لـ «وباء»",
            "ميركاتو 2024.. بايرن ميونيخ يعلن ضم الياباني هيروكي إيتو",
            "زيلينسكي: أوكرانيا ستوقع اتفاقات أمنية مع الولايات المتحدة واليابان",
            "«ستكون العواقب وخيمة».. روسيا تتوعد اليابان بسبب دعمها لأوكرانيا",
            "حريق في مبنى وزارة الخارجية الروسية.. فيديو",
            "الخارجية الروسية: مصير الاتفاق النووي الإيراني لا يمكن تحديده دون موسكو وبكين",
            "«الخارجية الروسية»: تصريحات ماكرون تهديد لنا",
        ),
        id="000-alosboa-related-tail-with-whole-article",
    ),
    pytest.param(
        "001_b667a227aae9b741.txt",
        "كيشيدا يبحث مع رئيس الأركان الأمريكي العلاقات العسكرية بين روسيا والصين",
        datetime(2023, 11, 10, tzinfo=UTC),
        "بوابة الفجر",
        (
            "الولايات المتحدة",
            "صواريخ",
            "وزارة الخارجية",
            "صاروخ",
            "منطقة",
            "رئيس الوزراء الياباني",
            "طوكيو",
            "رئيس الوزراء",
            "زيادة",
            "واشنطن",
        ),
        "بحث رئيس الوزراء الياباني فوميو كيشيدا في طوكيو",
        "بالرغم من هذه الادعاءات المزعومة.",
        6,
        ("كوريا الشمالية تندد بالتدريبات العسكرية بين واشنطن وسول وطوكيو",),
        id="001-alfajr",
    ),
    pytest.param(
        "002_252d55118e74173a.txt",
        "دقت اليابان وكوريا الجنوبية ناقوس الخطر بشأن تعميق التعاون العسكري بين روسيا…",
        None,
        None,
        (),
        "دقت اليابان وكوريا الجنوبية ناقوس الخطر",
        "كعضو في مجلس الأمن التابع للأمم المتحدة”.",
        17,
        (),
        id="002-ft-no-title-editor-digest-chrome",
    ),
    pytest.param(
        "003_9319c7fd703c3c7c.txt",
        "موسكو تحذّر واشنطن وسيؤول وطوكيو من تشكيل تحالف أمني ضد كوريا الشمالية",
        None,
        None,
        (),
        "حذّر وزير الخارجية الروسي، سيرغي لافروف",
        "بما في ذلك السفر الجوي».",
        11,
        (),
        id="003-emarat-section-label-and-comment-chrome",
    ),
    pytest.param(
        "004_1e0cd23aaef11339.txt",
        "تتعهد اليابان والناتو برد “حازم” على تهديدات الصين وروسيا",
        None,
        None,
        (),
        "طوكيو – قال ينس ستولتنبرج يوم الثلاثاء في طوكيو",
        "يجعل اليابان تتماشى مع المبادئ التوجيهية لأعضاء الناتو.",
        15,
        (),
        id="004-plain",
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "published", "source", "tags", "first", "last", "lines", "related"), OWNER
)
def test_owner_articles(
    tmp_path: Path,
    name: str,
    title: str,
    published: datetime | None,
    source: str | None,
    tags: tuple[str, ...],
    first: str,
    last: str,
    lines: int,
    related: tuple[str, ...],
) -> None:
    path = tmp_path / name
    path.write_bytes((ARTICLES / name).read_bytes())
    os.utime(path, (MTIME.timestamp(), MTIME.timestamp()))

    article = read_article(path)

    assert article.title == title
    if published is None:
        assert article.published == MTIME
        assert article.published_from == "mtime"
    else:
        assert article.published == published
        assert article.published_from == "text"
    assert article.source == source
    assert article.tags == tags
    body_lines = article.body.split("\n")
    assert body_lines[0].startswith(first)
    assert body_lines[-1].endswith(last)
    assert len(body_lines) == lines
    assert article.related == related
    assert article.language == "ar"
    for chrome in KNOWN_CHROME:
        assert chrome not in article.body
    for headline in article.related:
        assert headline not in article.body
    assert title not in article.body


def test_embedded_other_article_is_neither_body_nor_related() -> None:
    article = read_article(ARTICLES / "000_e31137d72a583bee.txt")
    assert "وزارة الخارجية الروسية، اليوم الخميس" not in article.body
    assert all("وزارة الخارجية الروسية، اليوم الخميس" not in r for r in article.related)


# --- the Saudi sample --------------------------------------------------------------------------

SAUDI = sorted((DATA / "saudinewsnet").glob("*.txt"))


def test_saudi_sample_is_complete() -> None:
    assert len(SAUDI) == 100


@pytest.mark.parametrize("path", SAUDI, ids=[p.name for p in SAUDI])
def test_saudi_articles(path: Path) -> None:
    first_line = " ".join(path.read_text(encoding="utf-8").split("\n")[0].split())
    article = read_article(path)
    assert article.body.strip()
    assert article.title.strip()
    assert article.language == "ar"
    assert article.published_from == "text"  # line 2 is the crawl time
    assert article.published is not None and article.published.year == 2015
    for line in article.body.split("\n"):
        assert line.strip() == line and line
        assert not KNOWN_CHROME_LINES.search(line), line
        for chrome in KNOWN_CHROME:
            assert chrome not in line, (chrome, line)
    if not first_line.startswith("2015-"):
        assert first_line.endswith(article.title) or article.title in first_line


def test_saudi_inline_tags_are_cut_from_the_last_paragraph() -> None:
    article = read_article(DATA / "saudinewsnet" / "SNN-3alyoum-20150808-0038.txt")
    assert article.tags == ("بوتين", "ديمتري", "بيسكوف", "روسيا", "ساعة")
    assert article.body.endswith("ونافالني زعيم معارض روسي وناشط في مجال مكافحة الفساد.")


def test_saudi_glued_related_headlines() -> None:
    article = read_article(DATA / "saudinewsnet" / "SNN-aljazirah-20150809-0426.txt")
    assert "هل فعلاً الإسلام ينتشر؟!!" in article.related
    assert "مقالات أخرى" not in article.body


def test_wire_category_is_cut_from_title() -> None:
    article = read_article(DATA / "saudinewsnet" / "SNN-was-20150810-1593.txt")
    assert article.title == "محاضرتان بدعوي المخواة غداً"


# --- titles ------------------------------------------------------------------------------------

BODY = "قال المتحدث باسم الوزارة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث الملفات العالقة."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("اخبار الإمارات\n\nعنوان الخبر الرئيسي هنا\n\n" + BODY, "عنوان الخبر الرئيسي هنا"),
        ("افتح ملخص المحرر مجانًا\nعنوان الخبر الرئيسي هنا\n" + BODY, "عنوان الخبر الرئيسي هنا"),
        ("الرئيسية > أخبار > سياسة\nعنوان الخبر الرئيسي هنا\n" + BODY, "عنوان الخبر الرئيسي هنا"),
        ("\ufeff\n  \u00a0\nعنوان\u200f الخبر\n" + BODY, "عنوان الخبر"),
        ("رأسمالية\n2015-07-21 13:06:06\n" + BODY, "رأسمالية"),
        ("سياسي / الرئيس يستقبل الوفد\n" + BODY, "الرئيس يستقبل الوفد"),
        (
            "أخبار سارة للمعلمين والمعلمات هذا العام\n" + BODY,
            "أخبار سارة للمعلمين والمعلمات هذا العام",
        ),
        (BODY[:-1] + " بحضور الوزراء.\n" + BODY, BODY[:-1] + " بحضور الوزراء"),
    ],
)
def test_title(text: str, title: str) -> None:
    assert parse(text).title == title  # type: ignore[attr-defined]


def test_long_first_paragraph_gives_a_short_title_and_stays_in_body() -> None:
    first = " ".join(["كلمة"] * 40) + "."
    article = parse_article(first + "\n" + BODY, "x", MTIME)
    assert article.title == " ".join(["كلمة"] * 12) + "…"
    assert article.body.split("\n")[0] == first


# --- dates -------------------------------------------------------------------------------------

RIYADH = timezone(timedelta(hours=3))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("تاريخ النشر: 20th, June 2024 GMT", datetime(2024, 6, 20, tzinfo=UTC)),
        ("2015-07-24 15:37:29", datetime(2015, 7, 24, 15, 37, 29, tzinfo=UTC)),
        ("2024-06-20T10:30:00+03:00", datetime(2024, 6, 20, 10, 30, tzinfo=RIYADH)),
        ("2024-06-20T07:30:00Z", datetime(2024, 6, 20, 7, 30, tzinfo=UTC)),
        ("20 يونيو 2024", datetime(2024, 6, 20, tzinfo=UTC)),
        ("٢٠ حزيران ٢٠٢٤", datetime(2024, 6, 20, tzinfo=UTC)),
        ("الخميس 20 حزيران/يونيو 2024 - 10:30 م", datetime(2024, 6, 20, 22, 30, tzinfo=UTC)),
        ("نشر في: ٣ كانون الثاني ٢٠٢٤ الساعة ٠٩:١٥", datetime(2024, 1, 3, 9, 15, tzinfo=UTC)),
        ("الأحد، 12 تشرين الأول 2023", datetime(2023, 10, 12, tzinfo=UTC)),
        ("5 آب (أغسطس) 2022", datetime(2022, 8, 5, tzinfo=UTC)),
        ("June 20, 2024", datetime(2024, 6, 20, tzinfo=UTC)),
        ("Published: Jun 20, 2024 10:15 PM", datetime(2024, 6, 20, 22, 15, tzinfo=UTC)),
        ("20/06/2024", datetime(2024, 6, 20, tzinfo=UTC)),
        ("آخر تحديث: 2024/06/21 08:00", datetime(2024, 6, 21, 8, tzinfo=UTC)),
        ("السبت 1 مارس 2025 بتوقيت مكة المكرمة", datetime(2025, 3, 1, tzinfo=RIYADH)),
        ("10 جويلية 2024", datetime(2024, 7, 10, tzinfo=UTC)),
        ("١٥ أغسطس ٢٠١٥ ١٠:٠٠ ص", datetime(2015, 8, 15, 10, tzinfo=UTC)),
    ],
)
def test_date_forms(line: str, expected: datetime) -> None:
    article = parse_article(f"عنوان الخبر المهم\n{line}\n{BODY}", "x", MTIME)
    assert article.published == expected
    assert article.published_from == "text"
    assert line not in article.body
    assert article.body == BODY


@pytest.mark.parametrize(
    "body",
    [
        "وفي 20 يونيو 2024 وقع البلدان اتفاقية للتعاون في مجالات عدة.",
        "في كانون الأول (ديسمبر) ، أعلنت اليابان أكبر تغيير في إستراتيجيتها.",
        "2024-13-45 ليس تاريخا صحيحا ولا يعد سطر تاريخ في هذا الخبر.",
    ],
)
def test_dates_inside_body_text_are_not_the_publication_date(body: str) -> None:
    article = parse_article(f"عنوان الخبر المهم\n{BODY}\n{body}", "x", MTIME)
    assert article.published == MTIME
    assert article.published_from == "mtime"
    assert body in article.body


def test_naive_dates_use_the_given_zone() -> None:
    article = parse_article(f"عنوان\n2015-07-24 15:37:29\n{BODY}", "x", MTIME, default_tz=RIYADH)
    assert article.published == datetime(2015, 7, 24, 15, 37, 29, tzinfo=RIYADH)


# --- source, tags, related tail, chrome ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        ("روسيا، اليابان، الأمم المتحدة", ("روسيا", "اليابان", "الأمم المتحدة")),
        ("الناتو | أوكرانيا | كييف", ("الناتو", "أوكرانيا", "كييف")),
        ("#إيران #العراق", ("إيران", "العراق")),
        ("كوريا الشمالية مجلس الأمن الصين", ("كوريا الشمالية", "مجلس الأمن", "الصين")),
        ("حلف شمال الأطلسي روسيا روسيا", ("حلف شمال الأطلسي", "روسيا")),
    ],
)
def test_tags(value: str, tags: tuple[str, ...]) -> None:
    article = parse(f"عنوان الخبر\n{BODY}\nكلمات دلالية: {value}")
    assert article.tags == tags  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "line", ["المصدر: وكالات", "المصدر : وكالات", "مصدر الخبر: وكالات", "Source: وكالات"]
)
def test_source(line: str) -> None:
    article = parse(f"عنوان الخبر\n{BODY}\n{line}")
    assert article.source == "وكالات"  # type: ignore[attr-defined]
    assert article.body == BODY  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "marker",
    [
        "اقرأ أيضاً",
        "إقرأ أيضاً:",
        "اقرأ أيضا",
        "اقرأ أيضًا:",
        "اقرا ايضا -",
        "طالع أيضا:",
        "مواضيع ذات صلة",
        "أخبار ذات صلة:",
        "ذات صلة",
        "Read also:",
    ],
)
def test_related_tail_markers(marker: str) -> None:
    text = f"عنوان الخبر\n{BODY}\n{marker}\nعنوان خبر آخر عن الصين\nخبر ثالث عن الهند"
    article = parse_article(text, "x", MTIME)
    assert article.body == BODY
    assert article.related == ("عنوان خبر آخر عن الصين", "خبر ثالث عن الهند")


def test_related_headline_glued_to_marker() -> None:
    article = parse_article(f"عنوان\n{BODY}\nاقرأ أيضاًحريق في مبنى الوزارة", "x", MTIME)
    assert article.related == ("حريق في مبنى الوزارة",)


@pytest.mark.parametrize(
    "chrome",
    [
        "شاركها.",
        "شارك هذا المقال",
        "اترك تعليقاً",
        "أضف تعليقاً",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
        "Exit mobile version",
        "زر الذهاب إلى الأعلى",
        "العودة إلى الأعلى",
        "تابعوا آخر أخبارنا المحلية والرياضية وآخر المستجدات السياسية والإقتصادية عبر Google news",
        "تابعونا على تويتر وفيسبوك",
        "جميع الحقوق محفوظة © 2024",
        "// انتهى //",
        "16:55 ت م",
        "فيسبوك تويتر واتساب",
        "https://example.com/news/123",
        "Share this:",
        "***",
        # unseen sites: short lines with give-away words
        "حمّل تطبيق الموقع الآن",
        "اشترك في نشرتنا البريدية",
        "Follow us on Instagram",
    ],
)
def test_trailing_chrome_is_removed(chrome: str) -> None:
    article = parse_article(f"عنوان الخبر\n{BODY}\n{chrome}\nاترك تعليقاً", "x", MTIME)
    assert article.body == BODY


@pytest.mark.parametrize(
    "line",
    [
        "وشارك في الاجتماع ممثلون عن عشر دول.",
        "وتابع الوزير: «لن نتراجع عن قرارنا».",
        "تويتر تحظر حساب الرئيس السابق بشكل دائم.",
        "انتهى الاجتماع دون اتفاق.",
    ],
)
def test_article_text_that_looks_like_chrome_is_kept(line: str) -> None:
    article = parse_article(f"عنوان الخبر\n{BODY}\n{line}", "x", MTIME)
    assert article.body == f"{BODY}\n{line}"


def test_title_only_file_is_an_error() -> None:
    with pytest.raises(ArticleError, match="no article text"):
        parse_article("عنوان فقط\nاترك تعليقاً\n", "x", MTIME)


def test_chrome_only_file_is_an_error() -> None:
    with pytest.raises(ArticleError, match="no title"):
        parse_article("2024-06-20\nExit mobile version\n", "x", MTIME)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (BODY, "ar"),
        ("The minister said the talks would resume next week in the capital.", "en"),
        ("Le ministre a dit que les discussions reprendront la semaine prochaine.", "fr"),
        ("12345 67890", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


# --- decoding ----------------------------------------------------------------------------------

ARABIC = "عنوان الخبر\n" + BODY + "\n"
CP1256 = sorted((DATA / "encodings").glob("*.cp1256.txt"))


@pytest.mark.parametrize(
    "raw",
    [
        ARABIC.encode("utf-8"),
        b"\xef\xbb\xbf" + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),  # with BOM, native order
        b"\xff\xfe" + ARABIC.encode("utf-16-le"),
        b"\xfe\xff" + ARABIC.encode("utf-16-be"),
        ARABIC.encode("utf-16-le"),  # no BOM: detected from the text
        ARABIC.encode("utf-32"),
        ARABIC.encode("cp1256"),
        ARABIC.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf32",
        "cp1256",
        "crlf",
    ],
)
def test_decode_encodings(raw: bytes) -> None:
    assert decode_article(raw, 10_000) == ARABIC


@pytest.mark.parametrize("path", CP1256, ids=[p.name for p in CP1256])
def test_decode_windows_1256_samples(path: Path) -> None:
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = decode_article(raw, 1_000_000)
    assert text == raw.decode("cp1256").replace("\r\n", "\n")
    assert "ال" in text


def test_cp1256_samples_parse(tmp_path: Path) -> None:
    for path in CP1256:
        article = read_article(path)
        assert article.body and article.title and article.language == "ar"


def test_utf8_with_one_broken_byte_is_still_read() -> None:
    raw = ARABIC.encode("utf-8")[:-3] + b"\xd8\n"
    assert decode_article(raw, 10_000).startswith("عنوان الخبر")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "empty file"),
        ("\ufeff".encode(), "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 8, "binary"),
        (b"abc\x00\x01\x02\x03\x04" * 50, "binary"),
        ("Привет мир, как дела? Сегодня хорошая погода.".encode("koi8-r"), "undecodable"),
        ("中华人民共和国国务院新闻办公室今天举行发布会".encode("gb2312"), "undecodable"),
        ("こんにちは世界、今日はいい天気です。".encode("shift_jis"), "undecodable"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
        (b"1234 5678 ---- !!!!", "letters"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-only",
        "pdf",
        "png",
        "zip",
        "all-bytes",
        "nul-binary",
        "koi8",
        "gb2312",
        "shift-jis",
        "broken-utf16",
        "no-letters",
    ],
)
def test_decode_rejects(raw: bytes, reason: str) -> None:
    with pytest.raises(ArticleError) as info:
        decode_article(raw, 10_000)
    assert reason.lower() in info.value.reason.lower()


def test_decode_size_limit() -> None:
    with pytest.raises(ArticleError, match="too large"):
        decode_article(ARABIC.encode() * 100, 1000)


def test_read_article_size_limit_and_missing_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(ARABIC.encode() * 100)
    with pytest.raises(ArticleError, match="too large"):
        read_article(big, max_bytes=1000)
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "missing.txt")


def test_read_article_uses_mtime_when_the_text_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    os.utime(path, (MTIME.timestamp(), MTIME.timestamp()))
    article = read_article(path)
    assert (article.published, article.published_from) == (MTIME, "mtime")
    assert article.path == str(path)


def test_content_hash_depends_only_on_bytes() -> None:
    assert content_hash(b"abc") == content_hash(b"abc")
    assert content_hash(b"abc") != content_hash(b"abd")
    assert len(content_hash(b"")) == 64


# --- unseen sites: hand-made pages in the styles of major Arabic news sites -------------------

SITES = DATA / "sites"
# Lines of page chrome in tests/data/sites: none may reach a body or the related headlines.
SITE_CHROME = (
    "الرئيسية",
    "list 1 of 2",
    "end of list",
    "آخر تحديث",
    "نشر في",
    "كتب:",
    "بقلم",
    "Author,",
    "منذ ساعتين",
    "تابعونا",
    "تابعوا",
    "اشترك",
    "جميع الحقوق محفوظة",
    "©",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "شاهد أيضاً",
    "المزيد من التفاصيل",
    "صورة أرشيفية",
    "صدر الصورة",
    "التعليق على الصورة",
    "(أ.ف.ب)",
    "الكوكيز",
    "شروط الاستخدام",
    "ذو الحِجّة",
    "فرانس24 / أ ف ب",
    "أنقرة / الأناضول",
    "كاتب وأكاديمي",
    "البريد الإلكتروني",
    "أضف تعليق",
)
# Whole lines of chrome whose words may also occur inside article sentences.
SITE_CHROME_LINES = ("شارك", "حفظ", "إعلان", "تعليقات", "الاسم", "التعليق", "الخليج")


def at(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2024, 6, day, hour, minute, tzinfo=RIYADH)


SITE_CASES = [
    pytest.param(
        "aljazeera.txt",
        "قمة الناتو تبحث تعزيز الدفاعات الجوية لأوكرانيا وسط تحذيرات روسية",
        at(20),
        "الجزيرة",
        ("أكد الأمين العام لحلف", "وإنه يطيل أمد الحرب فقط."),
        4,
        "وأضاف أن الحلف لا يسعى",
        (
            "روسيا تعلن السيطرة على قرية جديدة في منطقة خاركيف",
            "أوكرانيا تتسلم الدفعة الأولى من مقاتلات إف-16",
            "زيلينسكي يطالب الغرب بمزيد من أنظمة باتريوت",
            "بوتين: الغرب يدفع أوروبا نحو حرب واسعة",
            "ستولتنبرغ: على الحلفاء إنفاق المزيد على الدفاع",
        ),
        id="aljazeera-menu-date-share-inline-list-related",
    ),
    pytest.param(
        "alarabiya.txt",
        "وزير الدفاع البريطاني يزور كييف ويعلن حزمة مساعدات عسكرية جديدة",
        at(20, 20, 15),  # «نشر في», not the «آخر تحديث» line above the title
        "العربية",
        ("أعلن وزير الدفاع البريطاني", "من طراز ستورم شادو."),
        4,
        "كما التقى الوزير الرئيس الأوكراني",
        (
            "روسيا تتهم بريطانيا بالمشاركة المباشرة في الحرب",
            "ارتفاع أسعار النفط بعد هجوم على ناقلة في البحر الأحمر",
            "مصر تعلن موعد عيد الأضحى رسمياً",
        ),
        id="alarabiya-breadcrumb-update-line-inline-glued-most-read",
    ),
    pytest.param(
        "skynews.txt",
        "الحوثيون يعلنون استهداف سفينة تجارية في خليج عدن بصاروخ باليستي",
        at(20, 22, 30),
        "سكاي نيوز عربية",
        ("أعلنت جماعة الحوثي، الأحد", "تضامن مع الفلسطينيين في غزة."),
        4,
        "من جانبها، قالت هيئة عمليات التجارة",
        (
            "الجيش الأميركي يدمر مسيرات حوثية فوق البحر الأحمر",
            "واشنطن تفرض عقوبات جديدة على شبكة تمويل حوثية",
            "ارتفاع تكاليف الشحن عبر قناة السويس",
        ),
        id="skynews-breaking-label-weekday-pm-watch-also-caption",
    ),
    pytest.param(
        "rtarabic.txt",
        "لافروف: موسكو مستعدة للحوار مع واشنطن حول الاستقرار الاستراتيجي",
        at(20),
        "RT",
        ("صرح وزير الخارجية الروسي", "سباق تسلح جديد في أوروبا."),
        3,
        "وأشار إلى أن معاهدة ستارت",
        ("واشنطن ترد على تصريحات لافروف بشأن ستارت", "الكرملين: لا خطط لقمة بوتين وبايدن"),
        id="rt-menu-slash-date-more-button-read-more-tail",
    ),
    pytest.param(
        "youm7.txt",
        "وزير الخارجية المصري يبحث مع نظيره الأمريكي تطورات الأوضاع في غزة",
        at(20, 22, 30),
        "اليوم السابع",
        ("بحث وزير الخارجية سامح شكري", "بما يحقق الاستقرار في المنطقة."),
        4,
        "وأشار المتحدث باسم وزارة الخارجية",
        (
            "السيسي يستقبل رئيس وزراء اليونان في قصر الاتحادية",
            "شكري يلتقي وزير خارجية الأردن على هامش اجتماعات جنيف",
        ),
        id="youm7-byline-inline-headline-related-topics-comment-form",
    ),
    pytest.param(
        "masrawy.txt",
        "الجيش الإسرائيلي يعلن مقتل جنديين في اشتباكات شمال قطاع غزة",
        None,  # «منذ ساعتين» is no date: the file's mtime
        "مصراوي",
        ("أعلن الجيش الإسرائيلي، اليوم", "إلى أكثر من 300 جندي."),
        3,
        "وبحسب البيان، يرتفع بذلك",
        (
            "مصدر أمني: القاهرة تستضيف جولة جديدة من مفاوضات التهدئة الأسبوع المقبل",
            "مقتل 20 فلسطينيا في قصف إسرائيلي على مخيم النصيرات",
        ),
        id="masrawy-relative-time-ad-label-read-also-tail-cookies",
    ),
    pytest.param(
        "aawsat.txt",
        "طهران تلوّح بتغيير عقيدتها النووية... والغرب يحذّر",
        at(20),  # time before the date, Hijri date beside it
        "الشرق الأوسط",
        ("لوّحت إيران بإمكانية تغيير", "بنسبة 60 في المائة."),
        4,
        "وردت الخارجية الفرنسية",
        (),
        id="aawsat-kicker-hijri-caption-bare-tags",
    ),
    pytest.param(
        "alquds.txt",
        "الحرب في السودان: عام من الدمار والصمت الدولي",
        at(20),
        "القدس العربي",
        ("يدخل السودان عامه الثاني", "إرادة حقيقية لوقف هذه الحرب؟"),
        3,
        "لقد فشلت المبادرات",
        (),
        id="alquds-byline-levantine-month-indic-digits-author-bio-comments",
    ),
    pytest.param(
        "bbc.txt",
        "كوريا الشمالية تطلق صاروخاً باليستياً باتجاه بحر اليابان",
        at(20),
        "بي بي سي عربي",
        ("أطلقت كوريا الشمالية صاروخاً", "عبر القنوات الدبلوماسية."),
        3,
        "وأدانت اليابان عملية الإطلاق",
        (
            "كيم جونغ أون يشرف على تجربة راجمة صواريخ جديدة",
            "بوتين وكيم يوقعان اتفاقية شراكة استراتيجية",
        ),
        id="bbc-skip-link-author-box-dashed-date-image-credit-suggested",
    ),
    pytest.param(
        "france24.txt",
        "الساحل: مقتل عشرات الجنود في هجوم لمتشددين في بوركينا فاسو",
        at(20, 10, 30),
        "فرانس 24",
        ("قتل عشرات الجنود في هجوم", "نزوح أكثر من مليوني شخص."),
        4,
        "ولم يصدر تعليق رسمي من السلطات",
        ("النيجر ومالي وبوركينا فاسو تعلن تشكيل قوة عسكرية مشتركة",),
        id="france24-published-and-updated-agency-credit-glued-inline",
    ),
    pytest.param(
        "anadolu.txt",
        "تركيا تدعو مجلس الأمن إلى تحرك عاجل لوقف الهجمات على غزة",
        at(20),
        "الأناضول",
        ("دعت تركيا مجلس الأمن الدولي", "إلى وقف دائم لإطلاق النار."),
        3,
        "جاء ذلك في بيان صادر",
        (),
        id="anadolu-category-menu-dateline-dotted-date-copyright-footer",
    ),
    pytest.param(
        "tail_other_article.txt",
        "الجيش السوداني يستعيد السيطرة على مدينة سنجة",
        at(20, 22, 30),
        "الخليج",
        ("أعلن الجيش السوداني استعادة", "في وقت سابق من الشهر الجاري."),
        3,
        "وتعد سنجة من أهم المدن",
        ("الأمم المتحدة: 25 مليون سوداني يحتاجون إلى مساعدات إنسانية عاجلة",),
        id="whole-other-article-after-read-also-at-the-end",
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "published", "source", "edges", "paragraphs", "resumed", "related"),
    SITE_CASES,
)
def test_unseen_site_styles(
    name: str,
    title: str,
    published: datetime | None,
    source: str | None,
    edges: tuple[str, str],
    paragraphs: int,
    resumed: str,
    related: tuple[str, ...],
) -> None:
    text = (SITES / name).read_text(encoding="utf-8")
    article = parse_article(text, name, MTIME, default_tz=RIYADH)
    assert article.title == title
    assert article.published == (published or MTIME)
    assert article.published_from == ("text" if published else "mtime")
    assert article.source == source
    body_lines = article.body.split("\n")
    assert body_lines[0].startswith(edges[0]) and body_lines[-1].endswith(edges[1])
    assert len(body_lines) == paragraphs
    assert any(line.startswith(resumed) for line in body_lines)  # text after an inline block
    assert article.related == related
    for chrome in SITE_CHROME:
        assert chrome not in article.body, chrome
        assert all(chrome not in headline for headline in article.related), chrome
    for line in SITE_CHROME_LINES:
        assert line not in body_lines and line not in article.related
    for headline in article.related:
        assert headline not in article.body


def test_bare_tag_lines_after_the_last_sentence_become_tags() -> None:
    article = parse_article((SITES / "aawsat.txt").read_text(encoding="utf-8"), "x", MTIME)
    assert article.tags == ("إيران", "الوكالة الدولية للطاقة الذرية")


def test_the_other_article_after_a_tail_marker_stays_out() -> None:
    text = (SITES / "tail_other_article.txt").read_text(encoding="utf-8")
    article = parse_article(text, "x", MTIME)
    assert "25 مليون شخص" not in article.body
    assert all("التمويل المتاح" not in headline for headline in article.related)


@pytest.mark.parametrize(
    "block",
    [
        "اقرأ أيضا: مقتل خمسة في انفجار بالعاصمة",
        "اقرأ أيضاً\nمقتل خمسة في انفجار بالعاصمة",
        "إقرأ أيضامقتل خمسة في انفجار بالعاصمة",
        "شاهد أيضاً:\nمقتل خمسة في انفجار بالعاصمة",
        "اقرأ أيضا\nمقتل خمسة في انفجار بالعاصمة\nالبرلمان يقر الموازنة الجديدة",
    ],
)
def test_inline_read_also_removes_only_its_headlines(block: str) -> None:
    after = (
        "وأضاف المتحدث أن الاجتماع سيبحث كذلك ملف الحدود والتعاون الأمني بين البلدين خلال العام."
    )
    article = parse_article(f"عنوان الخبر\n{BODY}\n{block}\n{after}", "x", MTIME)
    assert article.body == f"{BODY}\n{after}"
    assert article.related[0] == "مقتل خمسة في انفجار بالعاصمة"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("آخر تحديث: 20 يونيو ,2024: 10:30 م KSA", datetime(2024, 6, 20, 22, 30, tzinfo=RIYADH)),
        ("نُشر: 10:30-20 يونيو 2024 م ـ 14 ذو الحِجّة 1445 هـ", datetime(2024, 6, 20, tzinfo=RIYADH)),
        ("نشرت في: 20/06/2024 - 10:30", datetime(2024, 6, 20, 10, 30, tzinfo=RIYADH)),
        ("الأحد 20 يونيو 2024 - 10:30 م", datetime(2024, 6, 20, 22, 30, tzinfo=RIYADH)),
        ("الخميس 14 ذو الحجة 1445 هـ - 20 يونيو 2024 م", datetime(2024, 6, 20, tzinfo=RIYADH)),
        ("٢٠ حزيران ٢٠٢٤", datetime(2024, 6, 20, tzinfo=RIYADH)),
        ("2024/06/20", datetime(2024, 6, 20, tzinfo=RIYADH)),
        ("20-06-2024", datetime(2024, 6, 20, tzinfo=RIYADH)),
    ],
)
def test_header_date_forms(line: str, expected: datetime) -> None:
    article = parse_article(
        f"موقع الأخبار\n{line}\nعنوان الخبر الرئيسي هنا\n{BODY}", "x", MTIME, default_tz=RIYADH
    )
    assert article.published == expected
    assert article.title == "عنوان الخبر الرئيسي هنا"
    assert article.body == BODY


@pytest.mark.parametrize("line", ["منذ ساعتين", "قبل 5 دقائق", "3 hours ago"])
def test_relative_times_fall_back_to_mtime(line: str) -> None:
    article = parse_article(f"عنوان الخبر الرئيسي هنا\n{line}\n{BODY}", "x", MTIME)
    assert (article.published, article.published_from) == (MTIME, "mtime")
    assert article.body == BODY


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a,b,c\n1,2,3\n4,5,6\n7,8,9\n", "looks like a table (3 fields separated by ','"),
        ("الاسم\tالمدينة\tالعمر\nمحمد\tجدة\t30\nسارة\tالرياض\t25\n", "separated by '\\t'"),
        (
            "[12:00:01] started\n[12:00:02] fetched 3 feeds\n[12:00:03] stopped\n",
            "looks like a log file",
        ),
        ("ERROR disk full\nWARN retrying\nINFO done\n", "looks like a log file"),
        ("[main]\nkey = value\nother: 3\nname=x\n", "looks like a configuration file"),
        ("عنوان الخبر\nنص قصير جداً.\n", "3 words of text under the title (at least 8)"),
    ],
)
def test_machine_made_or_too_short_text_is_not_an_article(text: str, reason: str) -> None:
    with pytest.raises(ArticleError, match=r"^not an article: ") as caught:
        parse_article(text, "x", MTIME)
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    "text",
    [
        # Prose with commas on every line is still prose.
        f"عنوان الخبر، والتفاصيل\n{BODY[:-1]}، والتقى الوفدان، ثم غادرا.\n{BODY}\n{BODY}\n",
        # A dated timeline inside an article is a minority of its lines.
        f"عنوان الخبر\n{BODY}\n2024-06-20 10:00 بدء الاجتماع\n{BODY}\n{BODY}\n",
    ],
)
def test_prose_with_separators_is_still_an_article(text: str) -> None:
    assert parse_article(text, "x", MTIME).body


# --- short articles and flashes: never refused ------------------------------------------------

SHORT_COMMA_ARTICLE = (
    "آلاف من رجال الأمن يحتجون أمام مقر الحكومة\n"
    "تجمع نحو ثلاثة آلاف من عناصر الأمن، أمام مكتب رئيس الوزراء، للمطالبة بتحسين أوضاعهم.\n"
    "وردد المحتجون شعارات تطالب بمنح الخطر، وبالتجهيزات اللازمة، وبإطار قانوني للسلاح.\n"
    "وقال الأمين العام للنقابة إن التحرك، الذي دعت إليه النقابات، يهدف إلى لفت الانتباه.\n"
)


def test_short_article_with_commas_in_every_paragraph_is_prose() -> None:
    article = parse_article(SHORT_COMMA_ARTICLE, "x", MTIME)
    assert article.kind == "article"
    assert article.body.count("\n") == 2


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (
            "عاجل: الحوثيون يعلنون استهداف سفينة في البحر الأحمر",
            "الحوثيون يعلنون استهداف سفينة في البحر الأحمر",
            "الحوثيون يعلنون استهداف سفينة في البحر الأحمر",
        ),
        (
            "عاجل | انفجار سيارة مفخخة جنوب بغداد\nمصادر أمنية: سقوط قتلى وجرحى",
            "انفجار سيارة مفخخة جنوب بغداد",
            "مصادر أمنية: سقوط قتلى وجرحى",
        ),
        (
            "عاجل.. انفجار قرب السفارة في العاصمة",
            "انفجار قرب السفارة في العاصمة",
            "انفجار قرب السفارة في العاصمة",
        ),
        (
            "عاجل\nروسيا تشن هجوما واسعا بالمسيرات على كييف",
            "روسيا تشن هجوما واسعا بالمسيرات على كييف",
            "روسيا تشن هجوما واسعا بالمسيرات على كييف",
        ),
        (
            "خبر عاجل: اشتباكات مسلحة جنوب طرابلس\nسماع دوي انفجارات قرابة الفجر\n"
            "لا أنباء عن ضحايا حتى الآن",
            "اشتباكات مسلحة جنوب طرابلس",
            "سماع دوي انفجارات قرابة الفجر\nلا أنباء عن ضحايا حتى الآن",
        ),
        # No label: a headline with a seven-word line is a flash too.
        (
            "زلزال بقوة 6 درجات يضرب جنوب تركيا\nلا تقارير عن أضرار أو إصابات حتى الآن",
            "زلزال بقوة 6 درجات يضرب جنوب تركيا",
            "لا تقارير عن أضرار أو إصابات حتى الآن",
        ),
    ],
)
def test_flashes_are_articles_of_kind_flash(text: str, title: str, body: str) -> None:
    article = parse_article(text, "x", MTIME)
    assert (article.kind, article.title, article.body) == ("flash", title, body)


def test_a_breaking_label_on_a_full_article_keeps_it_an_article() -> None:
    article = parse_article(
        f"عاجل: عنوان الخبر المهم هنا\n{BODY}\n{BODY}\n{BODY}\n{BODY}", "x", MTIME
    )
    assert article.kind == "article"
    assert article.title == "عنوان الخبر المهم هنا"


@pytest.mark.parametrize("text", ["عاجل", "عاجل: تقرير", "تقرير\nتم.", "عنوان فقط\nشاركها."])
def test_a_word_or_two_is_no_flash(text: str) -> None:
    with pytest.raises(ArticleError):
        parse_article(text, "x", MTIME)


# --- source and address ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "first", "footer", "source"),
    [
        ("", "أبوظبي - سكاي نيوز عربية قال مسؤولون إن", "", "سكاي نيوز عربية"),
        ("", "تونس (CNN)-- قال مسؤولون إن", "", "CNN"),
        ("", "القاهرة - رويترز: قال مسؤولون إن", "", "رويترز"),
        ("", "بغداد - (أ ف ب) - قال مسؤولون إن", "", "فرانس برس"),
        ("", "محمد زامل- سبق- الخرمة: قال مسؤولون إن", "", "سبق"),
        ("", "الرياض - قال مسؤولون إن", "", None),  # a city, not the newspaper «الرياض»
        ("وكالة الأناضول\n", "قال مسؤولون إن", "", "الأناضول"),
        ("صحيفة المرصد الإلكترونية\n", "قال مسؤولون إن", "", "المرصد"),
        ("", "قال مسؤولون إن", "المصدر: الجزيرة + وكالات", "الجزيرة"),
        ("", "قال مسؤولون إن", "الرابط: https://www.youm7.com/story/2024/6/20/1", "اليوم السابع"),
        ("", "قال مسؤولون إن", "URL: https://news.example.org/a/1", "news.example.org"),
        ("", "قال مسؤولون إن", "رابط الخبر بصحيفة الوئام: عنوان الخبر", "الوئام"),
        ("", "قال مسؤولون إن", "writer@asharqalawsat.com", "الشرق الأوسط"),
        ("", "قال مسؤولون (الجزيرة) إن", "", None),  # a mention, not a credit
    ],
)
def test_source_forms(header: str, first: str, footer: str, source: str | None) -> None:
    text = f"{header}عنوان الخبر المهم هنا\n{first} {BODY}\n{BODY}\n{footer}"
    assert parse_article(text, "x", MTIME).source == source


@pytest.mark.parametrize(
    ("text", "url"),
    [
        (
            f"عنوان الخبر\n{BODY}\nالرابط: https://aawsat.com/a/1-«داعش»",
            "https://aawsat.com/a/1-«داعش»",
        ),
        (
            f"عنوان الخبر\n{BODY}\nURL: http://www.spa.gov.sa/x.php?id=1.",
            "http://www.spa.gov.sa/x.php?id=1",
        ),
        (f"https://example.com/news/7\nعنوان الخبر\n{BODY}", "https://example.com/news/7"),
        (f"عنوان الخبر\n{BODY}\nhttps://example.com/news/7", "https://example.com/news/7"),
        # Several bare links are documents the article points to, not its own address.
        (f"عنوان الخبر\n{BODY}\nhttps://a.example/1.pdf\nhttps://a.example/2.pdf", None),
        (f"عنوان الخبر\n{BODY}", None),
    ],
)
def test_address(text: str, url: str | None) -> None:
    article = parse_article(text, "x", MTIME)
    assert article.url == url
    assert "http" not in article.body


def test_saudi_sample_sources_come_from_the_text_and_are_never_wrong() -> None:
    # The manifest's address gives the truth; the files themselves carry no address.
    manifest = [
        json.loads(line)
        for line in (DATA / "saudinewsnet" / "manifest.jsonl").read_text("utf-8").splitlines()
    ]
    named = 0
    for entry in manifest:
        article = read_article(DATA / "saudinewsnet" / entry["file"])
        assert article.url is None
        if article.source is not None:
            assert article.source == host_outlet(entry["url"]), entry["file"]
            named += 1
    # Credits («سبق- الرياض:», «... واس», «عين اليوم –», «الرياضي ـ»), link lines
    # («رابط الخبر بصحيفة الوئام») and writers' addresses name the outlet in 29 files.
    assert named >= 29


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("SNN-sabq-20150721-2725.txt", "سبق"),
        ("SNN-was-20150810-1593.txt", "واس"),
        ("SNN-alweeam-20150725-1173.txt", "الوئام"),
        ("SNN-3alyoum-20150724-0000.txt", "عين اليوم"),
        ("SNN-arreyadi-20150721-2316.txt", "الرياضي"),
        ("SNN-aawsat-20150804-0081.txt", "الشرق الأوسط"),
        ("SNN-okaz-20150723-1241.txt", None),  # nothing in the text names it
    ],
)
def test_saudi_outlet_forms(name: str, source: str | None) -> None:
    assert read_article(DATA / "saudinewsnet" / name).source == source


# --- other stories inside the text --------------------------------------------------------------

OWN = [
    "أعلنت وزارة الدفاع الأوكرانية اليوم إسقاط عشرين طائرة مسيرة روسية فوق العاصمة كييف ليلا.",
    "وقال المتحدث باسم الوزارة إن الدفاعات الجوية تصدت للمسيرات الروسية في موجتين متتاليتين.",
    "وكانت روسيا قد كثفت هجماتها على البنية التحتية للطاقة في أوكرانيا منذ بداية الشتاء.",
]
OTHER = [
    "صادق البرلمان الإيراني على قانون جديد للضرائب يرفع الرسوم على السلع المستوردة بنسبة عشرة.",
    "افتتح أمير المنطقة مهرجان التمور السنوي بمشاركة مئات المزارعين والتجار من مختلف المحافظات.",
    "تعاقد نادي الهلال مع لاعب وسط برازيلي لمدة ثلاثة مواسم مقابل مبلغ لم يكشف عنه رسميا.",
]
TITLE = "أوكرانيا تسقط عشرين مسيرة روسية فوق كييف"


@pytest.mark.parametrize(
    "between", ["", "شارك\nفيسبوك تويتر واتساب\n", "كلمات دلالية: أوكرانيا روسيا\n"]
)
def test_openings_of_other_stories_after_the_article_are_cut(between: str) -> None:
    text = "\n".join([TITLE, *OWN]) + "\n" + between + "\n".join(OTHER)
    article = parse_article(text, "x", MTIME)
    assert article.body == "\n".join(OWN)
    assert "الإيراني" not in article.body  # no alert for «إيران» on a story about Ukraine


def test_the_articles_own_background_is_kept() -> None:
    background = [
        "ويأتي ذلك بعد أيام من قصف استهدف محطة كهرباء في مدينة خاركيف شرقي البلاد.",
        "في سياق منفصل، قال مسؤولون أميركيون إن واشنطن ستبحث مع حلفائها تمويل إعادة الإعمار.",
        "يذكر أن البرلمان الأوروبي أقر الشهر الماضي حزمة مساعدات جديدة بقيمة خمسين مليار يورو.",
    ]
    text = "\n".join([TITLE, *OWN, *background])
    assert parse_article(text, "x", MTIME).body == "\n".join(OWN + background)


def test_headline_lines_of_other_stories_between_paragraphs_go_to_related() -> None:
    stray = "الهلال يضم لاعب وسط برازيليا لثلاثة مواسم"
    text = "\n".join([TITLE, OWN[0], stray, *OWN[1:]])
    article = parse_article(text, "x", MTIME)
    assert article.body == "\n".join(OWN)
    assert article.related == (stray,)


def test_a_crosshead_of_the_article_stays() -> None:
    crosshead = "موجتان من المسيرات"
    text = "\n".join([TITLE, OWN[0], crosshead, OWN[1], OWN[2]])
    article = parse_article(text, "x", MTIME)
    assert crosshead in article.body.split("\n")


@pytest.mark.parametrize("marker", ["قد يهمك", "للمزيد:", "قصص ذات صلة"])
def test_inline_link_blocks_go_to_related(marker: str) -> None:
    headline = "الهلال يضم لاعب وسط برازيليا لثلاثة مواسم"
    text = "\n".join([TITLE, OWN[0], marker, headline, *OWN[1:]])
    article = parse_article(text, "x", MTIME)
    assert article.body == "\n".join(OWN)
    assert article.related == (headline,)


def test_a_promotion_line_inside_the_text_does_not_end_it() -> None:
    aside = "تعد صفارات الإنذار جزءا من منظومة تحذير وطنية أقيمت في المدن الكبرى منذ عامين."
    promo = "تابعوا آخر الأخبار عبر قناتنا على تلغرام"
    text = "\n".join([TITLE, OWN[0], promo, aside, OWN[1], OWN[2]])
    article = parse_article(text, "x", MTIME)
    assert article.body == "\n".join([OWN[0], aside, OWN[1], OWN[2]])


def test_words_broken_for_a_censor_are_joined() -> None:
    body = "أقرت إسـ.ـرائيل بالتعرض لهـ.ـجوم إلكتروني واسع، وقالت إن الأضـ-ـرار محدودة حتى الآن."
    article = parse_article(f"عنوان الخبر المهم\n{body}\n{BODY}", "x", MTIME)
    assert "أقرت إسرائيل بالتعرض لهجوم إلكتروني واسع، وقالت إن الأضرار محدودة" in article.body
