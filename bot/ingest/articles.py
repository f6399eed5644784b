"""Articles: decoding and parsing of inbox files. Pure code apart from `read_article`.

An inbox file is messy text copied from a news site: a title (sometimes after site chrome),
an optional date line, the body, `المصدر:` and `كلمات دلالية:` lines, a «اقرأ أيضاً» tail with
other stories' headlines (sometimes whole other articles), and trailing chrome such as
«اترك تعليقاً» or «Exit mobile version». `parse_article` turns it into a `ParsedArticle`
whose body holds only the article's own text.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from stat import S_ISBLK, S_ISCHR, S_ISDIR, S_ISFIFO, S_ISLNK, S_ISREG, S_ISSOCK

from bot.core.arabic import normalize, split_sentences
from bot.core.article import ArticleKind, DateOrigin, ParsedArticle
from bot.core.stories import story_terms
from bot.ingest.outlets import credit_outlet, host_outlet, mentioned_outlet, named_outlet

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MIN_BODY_WORDS",
    "ArticleError",
    "DateOrigin",
    "ParsedArticle",
    "content_hash",
    "decode_article",
    "detect_language",
    "file_kind",
    "parse_article",
    "read_article",
    "read_file",
]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The least body an article has: a one-sentence news flash has about ten words.
MIN_BODY_WORDS = 8


class ArticleError(Exception):
    """A file that cannot become an article; `reason` is written to the quarantine sidecar."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def content_hash(raw: bytes) -> str:
    """Identity of a file's bytes: the same bytes under another name are the same article."""
    return hashlib.sha256(raw).hexdigest()


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office document"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


def _is_arabic_letter(ch: str) -> bool:
    return ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f") and ch.isalpha()


# C0 and C1 control characters other than tab, newlines and form feeds.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Runs, not single characters: counting the length of runs is twice as fast (every file).
_LETTERS = re.compile(r"[^\W\d_]+")
_SPACE_RUNS = re.compile(r"\s+")
_ARABIC_LETTERS = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u0750-\u077f]+")


def _control_count(text: str) -> int:
    return _CONTROL.subn("", text)[1]


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of `text` the run pattern `runs` covers."""
    return sum(map(len, runs.findall(text)))


def _plausible_text(text: str) -> bool:
    """Text a person wrote: almost no control characters and a fair share of letters."""
    if not text:
        return False
    if _control_count(text) > max(2, len(text) // 500):
        return False
    sample = text[:20000]
    visible = len(sample) - _count(_SPACE_RUNS, sample)
    return visible > 0 and _count(_LETTERS, sample) >= 0.4 * visible


_ARABIC_FUNCTION_WORDS = frozenset(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "أن",
        "ان",
        "إن",
        "و",
        "مع",
        "هذا",
        "هذه",
        "التي",
        "الذي",
        "ما",
        "لا",
        "كان",
        "قد",
        "أو",
        "او",
        "بعد",
        "قبل",
        "بين",
        "كل",
    ]
)
_ARABIC_TEXT_SYMBOLS = frozenset("«»–—…‘’“”\u00a0\u200c\u200d\u200e\u200f")


def _plausible_cp1256(text: str) -> bool:
    """Windows-1256 decodes any byte string, so judge the result: is it Arabic prose?

    Bytes of another encoding (Latin-1, KOI8-R, GB2312, ...) come out as Arabic letters
    mixed with Latin accents and symbols such as ¹ ½ ¢, and without the function words and
    the article «ال» that make up a large share of any real Arabic text.
    """
    if not _plausible_text(text):
        return False
    odd = sum(
        1
        for ch in text
        if not (ch.isascii() or "\u0600" <= ch <= "\u06ff" or ch in _ARABIC_TEXT_SYMBOLS)
    )
    if odd > len(text) // 100:
        return False
    words = [w for w in _WORD.findall(text) if any(_is_arabic_letter(c) for c in w)]
    if len(words) < 3:
        return False
    common = sum(
        1
        for w in words
        if w in _ARABIC_FUNCTION_WORDS or w.startswith(("ال", "وال", "بال", "لل", "فال"))
    )
    return common >= 0.15 * len(words)


def _utf16_without_bom(raw: bytes) -> str | None:
    """Some Windows tools write UTF-16 without a BOM; Arabic text then shows 0x06 high bytes."""
    if len(raw) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        # Without a BOM only trust the common case: Arabic or ASCII text, not any 16-bit soup.
        familiar = sum(1 for ch in text if ch.isascii() or "\u0600" <= ch <= "\u06ff")
        if familiar >= 0.95 * len(text) and _plausible_text(text):
            return text
    return None


def decode_article(raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of an article file: UTF-8 (with or without BOM), UTF-16/32 with BOM,
    or Windows-1256. Line ends are normalized to \\n.

    Raises ArticleError for empty, oversized, binary or undecodable input.
    """
    if len(raw) > max_bytes:
        raise ArticleError(f"file too large: {len(raw):,} bytes (limit {max_bytes:,})")
    if not raw.strip():
        raise ArticleError("empty file")
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise ArticleError(f"binary file: looks like {what}, not article text")

    text: str | None = None
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"undecodable: broken {name} at byte {exc.start}") from None
            text = text.lstrip("\ufeff")
            break
    else:
        if b"\x00" in raw:
            text = _utf16_without_bom(raw)
            if text is None:
                raise ArticleError("binary file: contains NUL bytes and is not UTF-16 text")
        else:
            text = _decode_8bit(raw)

    if not text.strip():
        raise ArticleError("empty file")
    if not _plausible_text(text):
        if _control_count(text) > 2:
            raise ArticleError("binary file: too many control characters for text")
        raise ArticleError("no readable text: too few letters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not any(ch.isalnum() for ch in text):
        raise ArticleError("empty file: no letters or digits")
    return text


def _decode_8bit(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    cp1256 = raw.decode("cp1256", errors="replace")
    if _plausible_cp1256(cp1256):
        return cp1256
    # A UTF-8 file with a couple of broken bytes (cut mid-character, one bad copy-paste) is
    # still worth reading; a file full of errors is some other encoding.
    lenient = raw.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    if broken <= max(3, len(lenient) // 1000) and _plausible_text(lenient):
        return lenient.replace("\ufffd", "")
    raise ArticleError("undecodable: not UTF-8, UTF-16 or Windows-1256 text")


# ---------------------------------------------------------------------------------------------
# Line cleaning and chrome
# ---------------------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?؟…]\s*[»”\"')\]]*\s*$")


# A dot or dash between two tatweels inside a word: some pages break words a censor's filter
# would catch so («إسـ.ـرائيل», «هـ.ـجوم»); the word is one word.
_CENSOR_BREAK = re.compile("\u0640[.\\-_·•*]+\u0640")


def _clean_line(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", _CENSOR_BREAK.sub("", line))).strip()


# Cached: the same line is measured by several rules (paragraph, prose, headline, label).
@lru_cache(maxsize=8192)
def _words(line: str) -> int:
    return len(_WORD.findall(line))


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Optional tanween/diacritic after a letter, as in «أيضاً» / «أيضًا».
_D = "[\u064b-\u0652]*"
_ALSO = f"[اأ]{_D}ي{_D}ض{_D}[اًٌ]?{_D}"

# Lines that are site chrome wherever they stand (matched against the normalized line).
_CHROME_ANYWHERE = _compile(
    [
        r"^شاركها\W*$",
        r"^(?:شارك|مشاركه|انشر|share)(?: (?:هذا|هذه|the|this|on|via|عبر)\b.{0,30})?\W*$",
        r"^(?:اترك|اكتب|اضف) (?:تعليقا|تعليق|ردا|رد)\b",
        r"^لن يتم نشر عنوان بريدك",
        r"^الحقول الالزاميه",
        r"^exit mobile version$",
        r"^(?:زر )?(?:الذهاب|العوده|الرجوع|انتقل) (?:الي|ل)(?:ل)?(?: ال)?اعلي",
        r"^(?:back to top|scroll to top|skip to (?:main )?content)\W*$",
        r"^تابعوا? .{0,150}\b(?:google news|جوجل نيوز|غوغل نيوز)\b",
        r"^تابعونا (?:علي|عبر)\b",
        r"^(?:follow us|subscribe|sign up|log ?in|sign in)\b.{0,40}$",
        r"^افتح ملخص المحرر",
        r"^unlock the editor",
        r"^(?:جميع|كل) الحقوق محفوظه",
        r"^(?:حقوق (?:النشر|الطبع)|copyright|©).{0,80}$",
        r"^all rights reserved",
        r"^/+ ?انتهي ?/+$",
        r"^[-–—*(]* ?(?:انتهي|النهايه)\W*$",
        r"^رابط (?:الخبر|المقال|مختصر|دائم)\b",
        r"^(?:طباعه|ارسال|حفظ|print|email)(?: (?:المقال|الخبر|this))?\W*$",
        r"^(?:النشره|القائمه) (?:البريديه|الاخباريه|الرئيسيه)\W*$",
        r"^(?:اقرا|اقرأ) (?:المقال|الخبر) (?:من|علي) المصدر",
        r"^(?:تخطي|تخط|انتقل) (?:الي ?|ل)(?:ال)?محتوي",
        r"^(?:الرئيسيه|home) ?[>›»/|]",
        r"^(?:(?:facebook|twitter|whatsapp|telegram|linkedin|instagram|youtube|فيسبوك|فيس بوك|"
        r"تويتر|واتساب|تيليجرام|تلغرام|لينكدان|انستغرام|انستجرام|يوتيوب)\W*)+$",
        r"^\d{1,2}:\d{2}(?::\d{2})? ?(?:ت ?م|ت ?غ|gmt|utc|am|pm|ص|م)?$",
        r"^(?:https?://|www\.)\S+$",
        r"^list \d+ of \d+$|^end of list$|^article information$",
        r"^(?:اعلان|advertisement|ads?|sponsored|محتوي مدعوم)$",
        r"^(?:المزيد من التفاصيل|التفاصيل|للمزيد|more|read more)\W*$",
        # Relative times fall back to the file's date: «منذ ساعتين», «قبل 5 دقائق», «2 hours ago».
        r"^(?:منذ|قبل) (?:\d+ )?(?:ثانيه|ثوان|دقيقه|دقيقتين|دقايق|ساعه|ساعتين|ساعات|يوم|يومين|"
        r"ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر)$",
        r"^\d+ (?:seconds?|minutes?|mins?|hours?|days?|weeks?) ago$",
        r"^.{0,30}\b(?:شروط الاستخدام|سياسه الخصوصيه|privacy policy|terms of use)\b.{0,40}$",
        r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$",
    ]
)

# Words that give away a short trailing line as chrome on sites we have not seen.
_CHROME_WORDS = _compile(
    [
        r"\bتعليق",
        r"\bشارك",
        r"\bتابع",
        r"\bاشترك",
        r"\bحقوق\b",
        r"\bالاعلي\b",
        r"\bgoogle\b",
        r"\bفيسبوك\b",
        r"\bتويتر\b",
        r"\bواتساب\b",
        r"\bتلغرام\b",
        r"\bتيليجرام\b",
        r"\bيوتيوب\b",
        r"\bانستغرام\b",
        r"\bالبريد الالكتروني\b",
        r"\bالنشره\b",
        r"\bطباعه\b",
        r"\bتطبيق\b",
        r"\bاعلان\b",
        r"\bمحتوي مدعوم\b",
        r"\bshare\b",
        r"\bcomment",
        r"\bfollow\b",
        r"\bsubscribe\b",
        r"\bnewsletter\b",
        r"\bcopyright\b",
        r"©",
        r"\bmobile version\b",
        r"https?://",
    ]
)

# The related-items tail: «اقرأ أيضاً», «إقرأ أيضا:», «ذات صلة», «مقالات أخرى للكاتب» ...
_MARKER_END = r"\s*(?:[:：.\-–—]+\s*|$)"
_RELATED_MARKER = re.compile(
    rf"^(?:[اإأآ]{_D}ق{_D}ر{_D}[أا]{_D}|طالع|شاهد|انظر|اقرئي){_D}\s*(?:{_ALSO}|كذلك|المزيد)"
    r"\s*[:：.\-–—]*\s*"
    r"|^(?:ال)?(?:مواضيع|موضوعات|اخبار|أخبار|مقالات|قصص|روابط|تقارير)\s+(?:ال)?(?:ذات\s+صلة|"
    r"متعلقة|مرتبطة|مشابهة|مقترحة|قد\s+تهمك)"
    + _MARKER_END
    + r"|^(?:مقالات|مواضيع)\s+[أا]خرى\s+للكاتب\s*[:：.\-–—]*\s*"
    r"|^(?:ذات\s+صلة|قد\s+يهمك|اخترنا\s+لك|للمزيد|لمزيد\s+من\s+(?:الأخبار|الاخبار)|"
    rf"قد\s+يعجبك(?:\s+{_ALSO})?|الأكثر\s+(?:قراءة|مشاهدة|تداولا)|الاكثر\s+(?:قراءة|مشاهدة|تداولا)|"
    r"المزيد\s+من\s+الأخبار|"
    r"المزيد\s+من\s+الاخبار|read\s+(?:also|more)|related(?:\s+(?:articles|news|stories))?|"
    r"see\s+also)" + _MARKER_END,
    re.IGNORECASE,
)
# Where a wire story or a photo caption block ends: nothing after it is article text.
_END_MARKER = re.compile(
    r"^(?:/+\s*انتهى\s*/+|[-–—*(]*\s*انتهى\s*[-–—*)]*|شرح\s+الصور[ةه]?\s*:?|"
    r"-?\s*end\s*-?)$",
    re.IGNORECASE,
)

_SOURCE_LINE = re.compile(
    r"^(?:المصدر|مصدر الخبر|مصدر|المصادر|source)\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE
)
_TAGS_LINE = re.compile(
    r"^(?:كلمات\s+دلالية|الكلمات\s+الدلالية|كلمات\s+مفتاحية|الكلمات\s+المفتاحية|الوسوم|وسوم|"
    r"الكلمات\s+المفتاحيه|tags|keywords)\s*[:：]\s*(?P<value>.+)$",
    re.IGNORECASE,
)
# Tags some sites glue to the end of the last paragraph: «... الفساد. سمات بوتين روسيا».
_INLINE_TAGS = re.compile(
    r"(?<=[.!؟?»”\"])\s+(?:سمات|وسوم|الوسوم|كلمات\s+دلالية|tags)\s*[:：]?\s+(?P<value>[^.!؟?]{2,200})$",
    re.IGNORECASE,
)
# Chrome some sites glue to the end of the last paragraph: «... . رابط الخبر بصحيفة الوئام: ...».
_INLINE_CHROME = re.compile(
    r"(?<=[.!؟?»”\"])\s*(?:رابط\s+(?:الخبر|المقال)|رابط\s+مختصر|لمزيد\s+من\s+الأخبار)\b.*$"
)
# A wire category before the headline: «عام / ...», «سياسي / ...».
_TITLE_CATEGORY = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?\s+/\s+(?=\S)")
# Leading lines that name a site or a section rather than the story.
_SECTION_LABEL = _compile(
    [
        r"^(?:اخبار|الاخبار|الرئيسيه|عاجل|محليات|دوليات|عربي|عالمي|اقتصاد|رياضه|سياسه|منوعات|"
        r"ثقافه|تقارير|مقالات|اراء|راي|تكنولوجيا|صحه|فن|news|home|world|politics)(?: \w+){0,2}$",
        r"[>›»|/] ?\w+ ?[>›»|/]",
    ]
)


# Separators of menu, breadcrumb and credit lines: «الرئيسية / أخبار مصر», «لندن - العربية.نت».
_LABEL_SEPARATORS = re.compile(r"\s+[-–—ـ/|>›»+·•]\s+|\s*[,،|·•]\s*")
# Bylines and author boxes (normalized): «بقلم: ...», «كتب- أحمد علي:», «Author, ...».
_BYLINE = re.compile(
    r"^(?:بقلم|كتب|كتبت|كتبه|كتابه|اعداد|تحرير|حرره|المحرر|محرر|مراسل|مراسله|تقرير|متابعه|"
    r"حاوره|حاورته|حاورها|حوار|اجري الحوار|تصوير|ترجمه|"
    r"by|author|role|written by|reporting by|edited by)\b\s*[:：,،\-–—]?.{0,60}$"
)
_UPDATE_LABEL = re.compile(r"^(?:اخر تحديث|تاريخ التحديث|تم التحديث|محدث|updated|last updated)\b")
# Photo captions and credits: «صورة أرشيفية ...», «صدر الصورة، Getty Images», «... (أ.ف.ب)».
_CAPTION_START = _compile(
    [
        r"^(?:صوره|الصوره|صور|صدر الصوره|مصدر الصوره|التعليق علي الصوره|تعليق الصوره|"
        r"الصوره من|photo|image|picture|caption|getty images)\b",
    ]
)
_CAPTION_CREDIT = re.compile(r"\((?:[^()]{1,25})\)\s*$")
_CAPTION_WORDS = 20


def _is_caption(line: str) -> bool:
    if (
        len(line) > _CHROME_MAX_CHARS
        or _words(line) > _CAPTION_WORDS
        or _SENTENCE_END.search(line.rstrip(" )"))
    ):
        return False
    if _CAPTION_START.search(_norm(line)):
        return True
    credit = _CAPTION_CREDIT.search(line)
    # «الرئيس خلال زيارة (أ.ف.ب)»: a credit of an agency or a photographer, not «(الناتو)».
    return credit is not None and _words(credit.group()) <= 3 and "." in credit.group()


# Where the page footer or the comments begin: nothing after is article text or related news.
_FOOTER = _compile(
    [
        r"^(?:التعليقات|تعليقات|تعليقات القراء|اضف تعليق|اضف تعليقك|اترك تعليقا|اترك ردا|"
        r"comments?|leave a (?:comment|reply))\W*(?:\(\d+\))?\W*$",
        r"(?:جميع|كل) الحقوق محفوظه|all rights reserved|©|\bcopyright\b",
    ]
)


def _is_footer(line: str) -> bool:
    if len(line) > _CHROME_MAX_CHARS:
        return False
    return _words(line) <= 25 and bool(_FOOTER.search(_norm(line)))


# Phrases that make a short line chrome wherever they stand in it (cookie banners).
_CHROME_PHRASES = re.compile(
    r"ملفات تعريف الارتباط|الكوكيز|\bcookies?\b.{0,60}\b(?:accept|agree|consent|policy)\b"
)


# Cached: one line goes through several chrome checks, each on its normalized form.
@lru_cache(maxsize=4096)
def _norm(line: str) -> str:
    return normalize(line)


_CHROME_MAX_CHARS = 200  # every chrome pattern is a short line; paragraphs skip the check


def _is_chrome(line: str) -> bool:
    if len(line) > _CHROME_MAX_CHARS and " " in line:
        return False
    normalized = _norm(line)
    # Every pattern is anchored at the start: match, not search, spares a scan of the line.
    return bool(_CHROME_ANYWHERE.match(normalized) or _CHROME_PHRASES.search(normalized))


def _is_trailing_chrome(line: str, arabic_article: bool) -> bool:
    """Chrome rules for the last lines of the body, general enough for unseen sites."""
    if _is_chrome(line):
        return True
    words = _words(line)
    if words == 0:
        return True  # "***", "—", "|" and the like
    if words <= 10 and not _SENTENCE_END.search(line) and _CHROME_WORDS.search(_norm(line)):
        return True
    # A short Latin-only line at the end of an Arabic article is a widget label ("Share this").
    return arabic_article and words <= 5 and line.isascii() and not any(c.isdigit() for c in line)


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------


def _month_numbers(months: list[tuple[str, ...]]) -> dict[str, int]:
    """The names of the twelve months, January first, each normalized → its number."""
    return {
        normalize(name): number for number, names in enumerate(months, start=1) for name in names
    }


# Keys are normalized (bot.core.arabic.normalize): alef and teh marbuta folded, lowercase.
_MONTHS: dict[str, int] = {
    # English
    **_month_numbers(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    ),
    # Egypt and the Gulf (يناير family)
    **_month_numbers(
        [
            ("يناير",),
            ("فبراير",),
            ("مارس",),
            ("أبريل", "إبريل", "ابريل", "أبريل"),
            ("مايو",),
            ("يونيو", "يونية"),
            ("يوليو", "يولية"),
            ("أغسطس", "اغسطس"),
            ("سبتمبر",),
            ("أكتوبر", "اكتوبر"),
            ("نوفمبر",),
            ("ديسمبر",),
        ]
    ),
    # The Levant and Iraq (كانون الثاني family)
    **_month_numbers(
        [
            ("كانون الثاني", "كانون ثاني"),
            ("شباط",),
            ("آذار", "اذار"),
            ("نيسان",),
            ("أيار", "ايار"),
            ("حزيران",),
            ("تموز",),
            ("آب", "اب"),
            ("أيلول", "ايلول"),
            ("تشرين الأول", "تشرين اول"),
            ("تشرين الثاني", "تشرين ثاني"),
            ("كانون الأول", "كانون اول"),
        ]
    ),
    # The Maghreb
    **{
        normalize(name): number
        for name, number in [
            ("جانفي", 1),
            ("فيفري", 2),
            ("أفريل", 4),
            ("ماي", 5),
            ("جوان", 6),
            ("جويلية", 7),
            ("يوليوز", 7),
            ("أوت", 8),
            ("غشت", 8),
            ("شتنبر", 9),
            ("نونبر", 11),
            ("دجنبر", 12),
        ]
    },
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_TIME_RE = (
    r"(?:[\s,،\-–|:]*(?:الساعه|at|في)?\s*(?P<hh>\d{1,2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?"
    r"(?:\.\d+)?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.|صباحا|مساء|ص|م)?(?![\w]))?"
)
_TZ_RE = (
    r"(?:\s*(?P<tz>z|gmt|utc|ت ?غ)?\s*(?P<off>[+-]\d{1,2}(?::?\d{2})?)?"
    r"(?:\s*(?:بتوقيت|توقيت)\s+(?P<tzname>[\w ]{2,20}))?)?"
)
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern + _TIME_RE + _TZ_RE, re.IGNORECASE))
    for kind, pattern in [
        ("ymd", r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:t|(?!\d))"),
        ("dmy", r"(?<!\d)(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})(?!\d)"),
        (
            "d_month_y",
            rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*(?:من\s+)?(?P<month>{_MONTH_RE})"
            rf"(?:\s*[/(\-]\s*(?:{_MONTH_RE})\s*\)?)?\s*[,،]?\s*(?P<y>\d{{4}})(?!\d)",
        ),
        (
            "month_d_y",
            rf"(?<!\w)(?P<month>{_MONTH_RE})(?:\s*[/(\-]\s*(?:{_MONTH_RE})\s*\)?)?\s+(?P<d>\d{{1,2}})"
            r"(?:st|nd|rd|th)?\s*[,،]?\s*(?P<y>\d{4})(?!\d)",
        ),
    ]
)
_DATE_LABEL = re.compile(
    r"^(?:تاريخ النشر|تاريخ الخبر|نشر بتاريخ|نشرت? في|تم النشر(?: في)?|النشر|نشرت?|التاريخ|"
    r"تاريخ|اخر تحديث(?: في)?|تاريخ التحديث|تم التحديث(?: في)?|محدث|published(?: on| at)?|"
    r"(?:last )?updated(?: on| at)?|posted(?: on)?|date)\s*[:：]?\s*",
    re.IGNORECASE,
)
_HIJRI_MONTHS = (
    "محرم|صفر|ربيع (?:الاول|الاخر|الثاني)|جمادي (?:الاولي|الاخره|الاخري|الثانيه)|رجب|شعبان|"
    "رمضان|شوال|(?:ذو|ذي) (?:القعده|الحجه)"
)
# What may stand beside a date on a date line: a Hijri date, a time, «م», «هـ», «ـ».
_DATE_NOISE = re.compile(
    rf"\d{{1,2}} (?:{_HIJRI_MONTHS}) \d{{4}}(?: ?ه\b)?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?|"
    # A numeric Hijri date beside the Gregorian one, «(آخر تحديث)» after it (Al Jazeera).
    r"(?<!\d)\d{1,2}/\d{1,2}/1[34]\d\d(?!\d)|\(?اخر تحديث\)?|"
    r"(?<!\w)[مصه](?!\w)|\bksa\b"
)
_WEEKDAYS = _compile(
    [
        r"\b(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)\b",
        r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        r"\b(?:mon|tue|wed|thu|fri|sat|sun)\b",
        r"\b(?:يوم|الموافق|الساعه|بتوقيت|gmt|utc|ت غ|مكه|المكرمه|السعوديه|الرياض|القاهره|"
        r"ابوظبي|الدوحه|بيروت|دمشق|بغداد)\b",
    ]
)
_ZONE_NAMES = {
    "مكه": 3,
    "مكه المكرمه": 3,
    "الرياض": 3,
    "السعوديه": 3,
    "القاهره": 2,
    "ابوظبي": 4,
    "الامارات": 4,
    "الدوحه": 3,
    "بيروت": 2,
    "دمشق": 3,
    "بغداد": 3,
    "غرينتش": 0,
    "غرينيتش": 0,
}


def _find_dates(normalized: str, default_tz: tzinfo) -> list[tuple[datetime, int, int]]:
    found: list[tuple[datetime, int, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(normalized):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            value = _date_from_match(kind, m, default_tz)
            if value is not None:
                found.append((value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda item: item[1])
    return found


def _date_from_match(kind: str, m: re.Match[str], default_tz: tzinfo) -> datetime | None:
    groups = m.groupdict()
    year, day = int(groups["y"]), int(groups["d"])
    if "month" in groups and groups.get("month"):
        month = _MONTHS[groups["month"].lower()]
    else:
        month = int(groups["m"])
        if kind == "dmy" and month > 12 and day <= 12:  # US order 06/20/2024
            day, month = month, day
    hour = int(groups["hh"]) if groups.get("hh") else 0
    minute = int(groups["mi"]) if groups.get("mi") else 0
    second = int(groups["ss"]) if groups.get("ss") else 0
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm in ("pm", "م", "مساء") and hour < 12:
        hour += 12
    elif ampm in ("am", "ص", "صباحا") and hour == 12:
        hour = 0
    if not 1900 <= year <= 2100:
        return None
    try:
        value = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return value.replace(tzinfo=_zone(groups, default_tz))


def _zone(groups: dict[str, str | None], default_tz: tzinfo) -> tzinfo:
    offset = groups.get("off")
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (
            (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        )
        if hours <= 14:
            return timezone(sign * timedelta(hours=hours, minutes=minutes))
    name = (groups.get("tzname") or "").strip()
    for zone_name, hours in _ZONE_NAMES.items():
        if name.startswith(zone_name):
            return timezone(timedelta(hours=hours))
    if groups.get("tz"):
        return UTC
    return default_tz


def _date_line(line: str, default_tz: tzinfo, *, anywhere: bool, slack: int = 0) -> datetime | None:
    """The date of a line that is (almost) nothing but a date, else None.

    Outside the header (`anywhere=True`) only a labelled line («تاريخ النشر: ...») counts,
    so that a body sentence mentioning «20 يونيو 2024» is never taken for the article's date.
    `slack` more words are allowed beside the date (a dateline's place and agency).
    """
    if len(line) > 120 or not any(ch.isdigit() for ch in line):
        return None  # a date line is short and has digits; paragraphs skip the work
    normalized = _norm(line)
    label = _DATE_LABEL.match(normalized)
    if anywhere and (label is None or label.end() == 0):
        return None
    rest = normalized[label.end() :] if label else normalized
    dates = _find_dates(rest, default_tz)
    if not dates:
        return None
    residue = rest
    for _, start, end in reversed(dates):
        residue = residue[:start] + " " + residue[end:]
    residue = _DATE_NOISE.sub(" ", _DATE_LABEL.sub(" ", _WEEKDAYS.sub(" ", residue)))
    if _words(residue) > (3 if label else 1) + slack:
        return None
    return dates[0][0]


# ---------------------------------------------------------------------------------------------
# Tags, related headlines, language
# ---------------------------------------------------------------------------------------------

_TAG_SEPARATORS = re.compile(r"\s*(?:[,،؛;|#•·]|\s{2,}|\t)\s*")
# Nouns that head a construct phrase (idafa) in tag lists: «مجلس الأمن», «حلف شمال الأطلسي».
_CONSTRUCT_HEADS = frozenset(
    normalize(w)
    for w in [
        "مجلس",
        "حلف",
        "وزارة",
        "وزير",
        "رئيس",
        "منطقة",
        "جامعة",
        "منظمة",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "بحر",
        "قطاع",
        "مدينة",
        "محافظة",
        "دولة",
        "جيش",
        "قوات",
        "هيئة",
        "مكتب",
        "وكالة",
        "حزب",
        "حركة",
        "اتفاقية",
        "مجموعة",
        "صندوق",
        "بنك",
        "أمير",
        "ولي",
        "خادم",
        "مجلس",
        "سوق",
        "شبه",
        "جزيرة",
        "قناة",
        "مضيق",
        "خليج",
        "نائب",
        "الأمين",
        "أمين",
        "كأس",
        "دوري",
        "منتخب",
        "نادي",
    ]
)
_GEO_HEADS = frozenset(normalize(w) for w in ["شمال", "جنوب", "شرق", "غرب", "وسط", "شبه", "جزيرة"])


def _split_tags(value: str) -> tuple[str, ...]:
    """Tags from a `كلمات دلالية:` value.

    With separators (comma, ،, |, #) the split is exact. Many sites list tags with single
    spaces, so multi-word tags are rebuilt: a construct head takes the next word («مجلس
    الأمن»), and a nisba/participle adjective joins the word before it («كوريا الشمالية»,
    «الأمم المتحدة»). A heuristic: proper names of several words may still be split.
    """
    value = value.strip().strip(".")
    if _TAG_SEPARATORS.search(value):
        parts = [p.strip(" .") for p in _TAG_SEPARATORS.split(value)]
        return _dedupe(p for p in parts if p)
    groups: list[list[str]] = []
    for word in value.split():
        key = normalize(word)
        previous = normalize(groups[-1][-1]) if groups else ""
        is_adjective = key.startswith("ال") and (
            key.endswith(("يه", "ي", "يون", "يين")) or (key.startswith("الم") and key.endswith("ه"))
        )
        # A construct head takes a definite noun or a place word: «منطقة رئيس» stay two tags.
        completes_head = previous in _CONSTRUCT_HEADS and (
            key.startswith("ال") or key in _GEO_HEADS
        )
        if groups and (completes_head or is_adjective):
            groups[-1].append(word)
        else:
            groups.append([word])
    return _dedupe(" ".join(group) for group in groups)


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = normalize(item)
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return tuple(out)


def _split_glued_headlines(text: str) -> list[str]:
    """«...بـ(الإرهاب)!لماذا لايتحرشون!!؟هل ...» : headlines run together after ! or ؟."""
    parts = re.split(r"(?<=[!?؟])(?=[^\s!?؟.\"»)])", text)
    return [p.strip() for p in parts if _words(p) > 0]


def _is_headline(line: str) -> bool:
    words = _words(line)
    if words == 0 or words > 30:
        return False
    if words > 18 and _SENTENCE_END.search(line):
        return False
    # A longer line closed by a single full stop is a sentence of a pasted article.
    return not (words > 12 and line.endswith(".") and not line.endswith(".."))


_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "it",
        "are",
        "this",
    ]
)
_FRENCH = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "et",
        "de",
        "du",
        "un",
        "une",
        "est",
        "dans",
        "pour",
        "que",
        "sur",
        "au",
        "avec",
        "par",
    ]
)


def detect_language(text: str) -> str:
    """'ar', 'en', 'fr' or 'und', from the script of the letters and common words."""
    sample = text[:5000]
    letters = _count(_LETTERS, sample)
    if not letters:
        return "und"
    if _count(_ARABIC_LETTERS, sample) >= 0.5 * letters:
        return "ar"
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "und"
    english = sum(1 for w in words if w in _ENGLISH)
    french = sum(1 for w in words if w in _FRENCH)
    if max(english, french) < 0.04 * len(words):
        return "und"
    return "en" if english >= french else "fr"


# ---------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------

_HEADER_LINES = 6  # leading lines searched for chrome, the title and a bare date line
_HEADER_SCAN = 15  # leading lines searched for the first paragraph, the end of the header
_TITLE_WORDS = 12  # words kept when a title has to be cut from a first paragraph


def _looks_like_paragraph(line: str) -> bool:
    words = _words(line)
    return words > 30 or (words > 14 and bool(_SENTENCE_END.search(line)))


def _title_from_paragraph(line: str) -> str:
    sentences = split_sentences(line)
    first = sentences[0] if sentences else line
    words = first.split()
    if len(words) <= 20:
        return first.rstrip(".")
    return " ".join(words[:_TITLE_WORDS]) + "…"


def _is_head_chrome(line: str, following: list[str]) -> bool:
    if _is_chrome(line):
        return True
    # A short section/site label («اخبار الإمارات») is chrome when a real headline follows.
    if _words(line) <= 3 and _SECTION_LABEL.search(_norm(line)):
        return any(_words(nxt) >= 3 for nxt in following[:2])
    return False


@dataclass
class _Outlet:
    """Where the page names its outlet, strongest first: a site banner over the headline, the
    host of its address, a credit («القاهرة - رويترز»), a link or contact line naming it."""

    banner: str | None = None
    credit: str | None = None
    mention: str | None = None

    def banner_of(self, line: str, *, first: bool) -> bool:
        """Is `line` a banner naming an outlet (`first`: the page's first line)? The first
        one found is kept."""
        name = named_outlet(line, first=first)
        if name is not None:
            self.banner = self.banner or name
        return name is not None

    def credit_of(self, line: str) -> None:
        self.credit = self.credit or credit_outlet(line, whole_line=True)

    def best(self, url: str | None) -> str | None:
        host = host_outlet(url) if url else None
        return self.banner or host or self.credit or self.mention


@dataclass
class _Header:
    """What the lines before the body gave: the title and metadata, and where the body starts."""

    title: str
    body_start: int
    lead: list[str]  # article lines between the title and the first paragraph
    published: datetime | None
    source: str | None
    outlet: _Outlet


_DATELINE_WORDS = 2


def _is_label(line: str) -> bool:
    """A menu, breadcrumb or credit line: short items between separators («أنقرة / الأناضول»)."""
    if _SENTENCE_END.search(line):
        return False  # a sentence of hard-wrapped text, not a menu
    category = _TITLE_CATEGORY.match(line)
    if category and _words(line[category.end() :]) >= 3:
        return False  # a wire category before a headline: «سياسي / الرئيس يستقبل الوفد»
    parts = [p for p in _LABEL_SEPARATORS.split(line) if p.strip()]
    return len(parts) >= 2 and all(_words(p) <= 3 for p in parts)


# «بيروت: نذير رضا», «صنعاء: عرفات مدابش عدن: محمد علي محسن», «لندن: «الشرق الأوسط»»:
# a place (or a role) and a colon before each name.
_CREDIT_LINE = re.compile(r"^(?:[^\W\d_]+(?: [^\W\d_]+)?\s*[:：]\s*[^:：]{2,40}?\s*){1,3}$")
_CREDIT_LINE_WORDS = 9


def _is_credit_line(line: str) -> bool:
    if _words(line) > _CREDIT_LINE_WORDS or _SENTENCE_END.search(line):
        return False
    return bool(_CREDIT_LINE.match(line))


def _read_header(lines: list[str], default_tz: tzinfo) -> _Header | None:
    """Title and metadata from the lines before the first paragraph.

    Site names, menus, section labels, bylines, share bars and dates come before the body on
    most sites, in any order around the headline. The title is the first line there that is
    not one of those; a short line (≤ 3 words) is a label when a longer line follows it.
    None when no paragraph starts within `_HEADER_SCAN` lines (short-line texts).
    """
    first = next(
        (
            i
            for i, line in enumerate(lines[:_HEADER_SCAN])
            # A short sentence counts once a headline may stand above it.
            if (_looks_like_paragraph(line) or (i > 0 and _is_prose(line))) and not _is_chrome(line)
        ),
        None,
    )
    if first is None:
        return None
    dates: list[tuple[bool, datetime]] = []
    source: str | None = None
    outlet = _Outlet()
    candidates: list[int] = []
    labels: list[int] = []
    for i, line in enumerate(lines[:first]):
        # Before the body a date may come with a place and an agency: «الخرطوم 11 اغسطس 2015 واس».
        date = _date_line(line, default_tz, anywhere=False, slack=_DATELINE_WORDS)
        if date is not None:
            dates.append((bool(_UPDATE_LABEL.match(_norm(line))), date))
            outlet.credit_of(line)
        elif (found := _SOURCE_LINE.match(line)) and _words(found["value"]) <= 8:
            source = source or found["value"].strip().rstrip(".")
        elif outlet.banner_of(line, first=i == 0):
            continue
        elif (
            _is_head_chrome(line, lines[i + 1 :])
            or _RELATED_MARKER.match(line)
            or _BYLINE.match(_norm(line))
            or _is_caption(line)
        ):
            outlet.credit_of(line)
            continue
        else:
            if _is_label(line):
                labels.append(i)
                outlet.credit_of(line)
            else:
                candidates.append(i)
    # A publication date beats an «آخر تحديث» date, wherever each stands.
    published = next((d for update, d in dates if not update), dates[0][1] if dates else None)
    pool = candidates or labels
    title_index: int | None = None
    for position, i in enumerate(pool):
        words = _words(lines[i])
        longest_after = max((_words(lines[j]) for j in pool[position + 1 :]), default=0)
        if words <= 3 and longest_after >= max(4, words + 2):
            continue
        title_index = i
        break
    if title_index is None:
        return _Header(_title_from_paragraph(lines[first]), first, [], published, source, outlet)
    title = _TITLE_CATEGORY.sub("", lines[title_index])
    # What stands between the title and the first paragraph, apart from labels, bylines and
    # dates, is article text: a standfirst, or the first lines of hard-wrapped text.
    # Short lines there without a full stop are credits and datelines («لندن: «الشرق الأوسط»»).
    lead = [
        lines[i]
        for i in candidates
        if i > title_index
        and _norm(lines[i]) != _norm(title)
        and (_words(lines[i]) > 3 or _SENTENCE_END.search(lines[i]))
        and not _is_credit_line(lines[i])
    ]
    for i in candidates:
        if i > title_index and lines[i] not in lead:
            outlet.credit_of(lines[i])
    return _Header(title, first, lead, published, source, outlet)


def parse_article(
    text: str, path: str, mtime: datetime, *, default_tz: tzinfo = UTC
) -> ParsedArticle:
    """Extract title, date, source, tags, clean body and related headlines from `text`.

    Dates without a zone are read in `default_tz`. With no date in the text, `published` is
    `mtime` and `published_from` says "mtime". Raises ArticleError when no title or no body
    text remains.
    """
    lines = [cleaned for cleaned in (_clean_line(raw) for raw in text.split("\n")) if cleaned]
    if not lines:
        raise ArticleError("no text lines")
    # On the raw lines: cleaning turns the tabs of a TSV into spaces.
    shape = _non_article_shape(
        [raw.strip() for raw in text.split("\n", 2 * _SHAPE_LINES) if raw.strip()]
    )
    if shape is not None:
        raise ArticleError(f"not an article: {shape}")

    lines, breaking = _take_breaking_label(lines)
    lines, url = _take_address(lines)
    published: datetime | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    title: str | None = None
    body: list[str] = []

    header = _read_header(lines, default_tz)
    outlet = _Outlet()
    if header is not None:
        title, published, source = header.title, header.published, header.source
        outlet = header.outlet
        body.extend(header.lead)
        index = header.body_start
    else:
        # No paragraph near the top: the first meaningful line is the title.
        index = 0
        while index < len(lines) and index < _HEADER_LINES:
            line = lines[index]
            date = _date_line(line, default_tz, anywhere=False)
            if date is not None:
                published = published or date
            elif (
                outlet.banner_of(line, first=index == 0)
                or _is_head_chrome(line, lines[index + 1 :])
                or _RELATED_MARKER.match(line)
            ):
                pass
            elif (found := _SOURCE_LINE.match(line)) and _words(found["value"]) <= 8:
                source = source or found["value"].strip().rstrip(".")
            else:
                if _looks_like_paragraph(line):
                    title = _title_from_paragraph(line)
                    body.append(line)  # the paragraph is body text, not just a title
                else:
                    title = _TITLE_CATEGORY.sub("", line)
                index += 1
                break
            index += 1
    if title is None:
        raise ArticleError("no title: the file holds only site chrome or dates")

    # Just after the title: a bare date line (the saudinewsnet crawl time, a dateline).
    rest = lines[index:]
    header_end = min(len(rest), 3)
    kept: list[str] = []
    for position, line in enumerate(rest):
        if position < header_end and published is None:
            date = _date_line(line, default_tz, anywhere=False)
            if date is not None:
                published = date
                continue
        if position < header_end and normalize(line) == normalize(title):
            continue
        kept.append(line)

    # Metadata lines anywhere; the body ends where the related-items tail begins.
    tail: list[str] = []
    related: list[str] = []
    in_tail = ended = False
    boundary: int | None = None  # where a source or tag line closed the article's text
    position = 0
    while position < len(kept):
        line = kept[position]
        position += 1
        source_match = _SOURCE_LINE.match(line)
        tags_match = _TAGS_LINE.match(line)
        if source_match and _words(source_match["value"]) <= 8:
            source = source or source_match["value"].strip().rstrip(".")
            boundary = boundary if boundary is not None or not body else len(body)
            continue
        if tags_match:
            tags = tags or _split_tags(tags_match["value"])
            boundary = boundary if boundary is not None or not body else len(body)
            continue
        if not in_tail:
            date = _date_line(line, default_tz, anywhere=True)
            if date is not None:
                published = published or date
                continue
        if body and (_END_MARKER.match(line) or _is_footer(line)):
            in_tail, ended = True, True
        if not in_tail and body and _RELATED_MARKER.match(line):
            # After the source or tag line, a marker starts the tail: the article has ended.
            inline = (
                None if boundary is not None else _inline_related(kept, position - 1, title, body)
            )
            if inline is not None:
                headlines, position = inline
                related.extend(headlines)
                continue
            in_tail = True
        if not in_tail:
            body.append(line)
        elif not ended:
            tail.append(line)

    related.extend(_related_from_tail(tail))
    body, headlines = _cut_other_stories(body, title, boundary)
    related.extend(headlines)
    # Judged once, before the trailing chrome goes: a few short lines never tip 5000 characters.
    language = detect_language(title + "\n" + "\n".join(body))
    arabic_article = language == "ar"
    body = [line for line in body if not (_is_chrome(line) or _is_caption(line))]
    while body and _is_trailing_chrome(body[-1], arabic_article):
        body.pop()
    body, loose_tags = _cut_trailing_labels(body)
    # Two or more bare words-only lines after the last sentence are a tag list («إيران»).
    if len(loose_tags) >= 2 and all(_BARE_WORDS.fullmatch(line) for line in loose_tags):
        tags = tags or _dedupe(loose_tags)
    if body:
        glued = _INLINE_CHROME.search(body[-1])
        if glued is not None:
            outlet.mention = outlet.mention or mentioned_outlet(glued.group().strip(" ."))
            body[-1] = body[-1][: glued.start()].rstrip()
        inline_tags = _INLINE_TAGS.search(body[-1])
        if inline_tags and _words(inline_tags["value"]) <= 15:
            tags = tags or _split_tags(inline_tags["value"])
            body[-1] = body[-1][: inline_tags.start()].rstrip()
    body_words = sum(_words(line) for line in body)
    kind: ArticleKind = "article"
    # A headline of a few words, alone or with a line or two (often «عاجل:»): a flash, the
    # news itself, sent first. A word or two over a line is no news.
    headline = _words(title) >= _FLASH_TITLE_WORDS or (breaking and bool(body))
    short = body_words <= (_FLASH_WORDS if breaking else _UNLABELLED_FLASH_WORDS)
    if headline and short:
        kind = "flash"
        body = body or [title]
    elif not body:
        raise ArticleError("no article text: only a title and site chrome")
    elif body_words < MIN_BODY_WORDS:
        raise ArticleError(
            f"not an article: {body_words} words of text under the title (at least"
            f" {MIN_BODY_WORDS})"
        )

    body_text = "\n".join(body)
    if source is None:
        outlet.credit = outlet.credit or credit_outlet(body[0])
        for line in lines[-_FOOTER_LINES:]:
            outlet.mention = outlet.mention or mentioned_outlet(line)
        source = outlet.best(url)
    return ParsedArticle(
        path=path,
        title=title,
        published=published if published is not None else mtime,
        published_from="text" if published is not None else "mtime",
        source=_without_agencies(source) if source else None,
        url=url,
        tags=tags,
        body=body_text,
        related=_dedupe(related),
        language=language,
        kind=kind,
    )


# «عاجل: ...», «عاجل | ...» or a lone «عاجل» line over the headline.
_BREAKING_LABEL = re.compile(
    r"^\W{0,2}(?:عاجل|خبر\s+عاجل|عاجل\s+جدا|breaking(?:\s+news)?|urgent)\W{0,2}"
    r"(?:\s*(?:[:：|\-–—/]+|\.\.+)\s*|$)",
    re.IGNORECASE,
)
_FLASH_TITLE_WORDS = 3  # «انفجار في بغداد» is a flash; «عاجل» or «تقرير» alone is not
_FLASH_WORDS = 40  # a breaking line with more text than this is an article like any other
_UNLABELLED_FLASH_WORDS = 15  # a headline and a line or two under it, without «عاجل»


def _take_breaking_label(lines: list[str]) -> tuple[list[str], bool]:
    """The lines without the breaking-news label of the headline, and whether there was one."""
    for index, line in enumerate(lines[:_HEADER_LINES]):
        label = _BREAKING_LABEL.match(line)
        if label is None:
            continue
        rest = line[label.end() :].strip()
        if not rest:
            return lines[:index] + lines[index + 1 :], True
        if _words(rest) >= _FLASH_TITLE_WORDS:
            return [*lines[:index], rest, *lines[index + 1 :]], True
    return lines, False


_FOOTER_LINES = 12  # last lines searched for a link or contact line naming the outlet
_AGENCIES_SUFFIX = re.compile(r"\s*(?:[+/،,&]|\bو)\s*(?:وكالات|agencies)\s*$", re.IGNORECASE)


def _without_agencies(source: str) -> str:
    """«الجزيرة + وكالات», «الجزيرة + الفرنسية» are Al Jazeera's stories: the agencies it drew
    on are not its outlet."""
    first = source.split(" + ", 1)[0]
    return _AGENCIES_SUFFIX.sub("", first).strip() or source


# The article's own address: «الرابط: https://...», «URL: ...», «رابط الخبر: ...».
_ADDRESS_LINE = re.compile(
    r"^(?:الرابط|رابط\s+(?:الخبر|المقال|المادة|دائم|مختصر)|المصدر|url|link|permalink|source)"
    r"\s*[:：]\s*(?P<url>https?://\S+)$",
    re.IGNORECASE,
)
_BARE_ADDRESS = re.compile(r"^(?P<url>https?://[^\s/]+\.[^\s/]+(?:/\S*)?)$", re.IGNORECASE)


def _take_address(lines: list[str]) -> tuple[list[str], str | None]:
    """The lines without the article's address line, and the address.

    A labelled line counts anywhere; a bare address only in the header or the footer, where
    pages print their own link (a bare link inside the text may point anywhere).
    """
    labelled: tuple[int, str] | None = None
    bare: list[tuple[int, str]] = []
    edge = set(range(min(len(lines), _HEADER_SCAN))) | set(
        range(max(0, len(lines) - _FOOTER_LINES), len(lines))
    )
    for index, line in enumerate(lines):
        if "://" not in line:
            continue
        found = _ADDRESS_LINE.match(line)
        if found is not None and labelled is None:
            labelled = index, found["url"]
        elif index in edge and (found := _BARE_ADDRESS.match(line)):
            bare.append((index, found["url"]))
    # Several bare links are a list of documents or sources, none of them the page itself.
    chosen = labelled or (bare[0] if len(bare) == 1 else None)
    if chosen is None:
        return lines, None
    index, url = chosen
    return lines[:index] + lines[index + 1 :], _trim_address(url)


def _trim_address(url: str) -> str:
    """The address without the punctuation of the sentence around it, keeping its own «»()."""
    url = url.rstrip(".,;:'\"")
    for opening, closing in ("()", "«»", "[]"):
        if url.endswith(closing) and url.count(opening) < url.count(closing):
            url = url[:-1]
    return url


# A table, a log or a configuration file: most lines share a machine-made shape.
_TABLE_SEPARATORS = (",", ";", "\t", "|", "،")
_LOG_LINE = re.compile(
    r"^\W{0,2}(?:\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}|\d{2}:\d{2}:\d{2}|"
    r"(?:info|warn|warning|error|debug|trace|fatal|critical|notice)\b)",
    re.IGNORECASE,
)
_SETTING_LINE = re.compile(r"^[\w.\-\[\]]+\s*[=:]\s*\S*$")
_SHAPE_SHARE = 0.6  # share of lines that must have the shape
_SHAPE_LINES = 200  # lines looked at


def _non_article_shape(lines: list[str]) -> str | None:
    """What machine-made text `lines` are (a CSV table, a log, settings), or None for prose."""
    sample = lines[:_SHAPE_LINES]
    if len(sample) < 3:
        return None
    needed = _SHAPE_SHARE * len(sample)
    for separator in _TABLE_SEPARATORS:
        counts = [line.count(separator) for line in sample]
        fields = max(set(counts), key=counts.count)
        if fields < 2 or counts.count(fields) < needed:
            continue
        rows = sum(
            1
            for line, count in zip(sample, counts, strict=True)
            if count == fields and _is_row(line, separator)
        )
        if rows >= needed:
            return f"looks like a table ({fields + 1} fields separated by {separator!r} per line)"
    if sum(1 for line in sample if _LOG_LINE.match(line)) >= needed:
        return "looks like a log file (most lines start with a time or a log level)"
    if sum(1 for line in sample if _SETTING_LINE.match(line)) >= needed:
        return "looks like a configuration file (most lines are key = value)"
    return None


_ROW_FIELD_WORDS = 6  # a table cell holds a few words; a clause between commas holds more


def _is_row(line: str, separator: str) -> bool:
    """A table row, not a sentence whose clauses are separated by commas.

    Prose ends in sentence punctuation and its clauses run long; the cells of a table row
    are short and the row ends in a value, never in a full stop.
    """
    if separator in ",،" and _SENTENCE_END.search(line):
        return False
    cells = line.split(separator)
    return sum(_words(cell) for cell in cells) <= _ROW_FIELD_WORDS * len(cells)


# Share bars and follow lines: on many sites the article ends there and other stories follow.
_SHARE_WORDS = _compile(
    [
        r"\bشارك",
        r"\bتابع",
        r"\bمشارك",
        r"\b(?:facebook|twitter|whatsapp|telegram|google news|فيسبوك|فيس بوك|تويتر|واتساب)\b",
        r"\b(?:share|follow)\b",
    ]
)
# Words that carry a paragraph on from the one before: «وقال», «فيما», «كما», «من جهته».
_CONTINUATIONS = _compile(
    [
        r"^(?:كما|ثم|لكن|لكنه|لكنها|غير ان|الا ان|اما|بينما|فيما|حيث|اذ|يذكر|يشار|يذكر ان|"
        r"بدوره|بدورها|بالمقابل|ايضا|هذا|هذه|وهذا|ذلك|لذلك|لهذا|اضافه|علما|مع ذلك|رغم ذلك|"
        r"من جهته|من جهتها|من جانبه|من جانبها|في المقابل|الي ذلك|في سياق|في الاثناء|"
        r"في غضون ذلك|على صعيد|في هذا|في ذلك|وفي|وفق|بحسب|حسب|وذلك|وكان|وكانت|"
        r"جدير بالذكر|الجدير بالذكر|تجدر الاشاره|من هنا|من هذا|من هذه|من ناحيه|من جهه)\b",
        # «و» or «ف» glued to a verb or a word: not the nouns that start with the letter.
        r"^[وف](?!(?:زير|زار|زرا|فد\b|فود|كال|لي\b|لاي|اشنطن|سط|حد|ثيق|فا|رنس|نزويل|اصل|"
        r"يلق|قار|يكتور|صل|جه|ضع|ريق|لسطين)\w*\b)\w{3,}",
    ]
)
_SUBJECT_SHARED = 2  # content words a paragraph shares with the story it belongs to


def _subject_terms(text: str) -> frozenset[str]:
    return story_terms(text, "") - _GENERIC_TERMS


# Words any two news items share (after `story_terms`): they tie no paragraph to a story.
_GENERIC_WORDS = (
    "علي الي عبد محمد بن ابن اول اولي ثاني عدد منطقة مدينة عاصمة يوم صباح مساء سبت احد"
    " اثنين ثلاثاء اربعاء خميس جمعة اسبوع شهر جانب اطار عمل شكل اجل نحو وسط اكثر اقل"
    " رئيس سابق جديد كبير"
)
_GENERIC_TERMS = frozenset(normalize(word) for word in _GENERIC_WORDS.split())


def _coheres(line: str, subject: frozenset[str]) -> bool:
    """Does `line` speak of the story whose content words are `subject`?"""
    return _coheres_terms(_subject_terms(line), subject)


def _coheres_terms(terms: frozenset[str], subject: frozenset[str]) -> bool:
    shared = len(terms & subject)
    # A headline-sized line has few content words: one shared one ties it to the story.
    return shared >= _SUBJECT_SHARED or (shared >= 1 and len(terms) <= 8)


def _stays_on(terms: frozenset[str], title: str, above: list[str]) -> bool:
    """Do the content words `terms` of a paragraph keep to the article's subject: its title
    and lead, or a fair share of its text so far?"""
    subject = _subject_terms(title) | (_subject_terms(above[0]) if above else frozenset())
    if _coheres_terms(terms, subject):
        return True
    so_far = frozenset().union(*(_subject_terms(line) for line in above[1:]))
    return _shares_above(terms, so_far)


def _shares_above(terms: frozenset[str], above: frozenset[str]) -> bool:
    shared = len(terms & above)
    return shared >= _ABOVE_SHARED and shared >= _ABOVE_SHARE * len(terms)


def _is_opening(paragraph: str) -> bool:
    """Does `paragraph` start a story rather than carry one on?"""
    return not _CONTINUATIONS.match(_norm(paragraph[:40]))


def _is_share_bar(line: str) -> bool:
    return _is_chrome(line) and bool(_SHARE_WORDS.search(_norm(line)))


def _cut_other_stories(
    body: list[str], title: str, boundary: int | None
) -> tuple[list[str], list[str]]:
    """The body without other stories' text, and the headlines of other stories in it.

    Pages put other stories inside or after the article without a marker: the openings of
    unrelated stories after the last paragraph or after a share bar, and headline-only lines
    between paragraphs. They share no subject with the title and the lead, and each opens a
    story instead of carrying one on. The article's own background paragraphs talk about the
    same people and places, or carry on from the paragraph before («وكانت ...», «يذكر أن»).
    """
    prose = [i for i, line in enumerate(body) if _is_prose(line) and not _is_chrome(line)]
    if len(prose) < 2 or _hard_wrapped(body):
        return body, []
    # Terms are computed only for the few lines that need judging: this runs on every file.
    cache: dict[int, frozenset[str]] = {}

    def terms(i: int) -> frozenset[str]:
        if i not in cache:
            cache[i] = _subject_terms(body[i])
        return cache[i]

    subject_cache: list[frozenset[str]] = []

    def subject() -> frozenset[str]:
        if not subject_cache:
            subject_cache.append(_subject_terms(title) | terms(prose[0]))
        return subject_cache[0]

    if boundary is None:
        boundary = next((i for i in range(prose[0] + 1, prose[-1]) if _is_share_bar(body[i])), None)

    def off_subject(k: int, article_end: int) -> bool:
        """Does the k-th paragraph speak of something else than the article's paragraphs
        before `article_end`?"""
        i = prose[k]
        if _coheres_terms(terms(i), subject()):
            return False
        above = frozenset().union(*(terms(j) for j in prose[:article_end]))
        return not _shares_above(terms(i), above)

    def foreign(k: int) -> bool:
        """Is the k-th paragraph the opening of another story than the text above it?"""
        return _is_opening(body[prose[k]]) and off_subject(k, k)

    end = len(body)
    if boundary is not None and prose[0] < boundary <= prose[-1]:
        # After a share bar, a source or a tag line: the first paragraph of another story
        # ends the article.
        # A promotion line inside the text («تابعونا على تلغرام») is no end: most of what
        # follows the cut must be other stories too.
        after = [k for k, i in enumerate(prose) if i >= boundary]
        for k in after:
            if foreign(k):
                rest = range(k, len(prose))
                if 2 * sum(off_subject(j, k) for j in rest) >= len(rest):
                    end = prose[k]
                break
    else:
        # A run of other stories' openings at the very end.
        k = len(prose)
        while k > _OWN_PARAGRAPHS and foreign(k - 1):
            k -= 1
        if len(prose) - k >= _TAIL_OPENINGS:
            end = prose[k]
    kept: list[str] = []
    headlines: list[str] = []
    last = max((i for i in prose if i < end), default=prose[0])
    for i, line in enumerate(body[:end]):
        if prose[0] < i < last and _is_stray_headline(body, i) and not _coheres(line, subject()):
            headlines.append(line)
        else:
            kept.append(line)
    return kept, headlines


# Content words shared with the article's text above: still its subject.
_ABOVE_SHARED = 3
_ABOVE_SHARE = 0.2
_TAIL_OPENINGS = 2  # without a share bar, one odd last paragraph is no tail of other stories
_OWN_PARAGRAPHS = 2  # paragraphs of an article kept whatever follows them
_WRAPPED_SHARE = 0.5


def _hard_wrapped(body: list[str]) -> bool:
    """Text broken into lines of a fixed width: its lines are not paragraphs."""
    short = sum(1 for line in body if _words(line) <= 15 and not _SENTENCE_END.search(line))
    return short > _WRAPPED_SHARE * len(body)


def _is_stray_headline(body: list[str], index: int) -> bool:
    """A headline-only line standing between two paragraphs (a link to another story)."""
    line = body[index]
    if _words(line) > _STRAY_HEADLINE_WORDS:
        return False
    if _is_prose(line) or _is_chrome(line) or _is_caption(line) or not _is_headline(line):
        return False
    if line.startswith(_BULLETS):
        return False  # an interview's question or a list item of the article
    if line.endswith((".", ":", "،")):
        return False
    before = next((body[i] for i in range(index - 1, -1, -1) if not _is_chrome(body[i])), "")
    after = next((body[i] for i in range(index + 1, len(body)) if not _is_chrome(body[i])), "")
    if not (_is_prose(before) and _is_prose(after)):
        return False
    # A crosshead of the article announces the paragraph under it («القوة الشرائية» over
    # «وقال العصيمي إن مؤشر القوة الشرائية ...»); a link to another story shares nothing.
    # Word stems, not words: «الحرم الجامعي» over «مداهمة جامعة ذمار».
    opening = story_terms("", after, lead_words=_CROSSHEAD_ECHO_WORDS) - _GENERIC_TERMS
    stems = _stems(_subject_terms(line))
    # A full headline echoed by a single word is a coincidence; a crosshead is a few words.
    needed = 1 if len(stems) <= _CROSSHEAD_TERMS else 2
    return len(stems & _stems(opening)) < needed


def _stems(terms: frozenset[str]) -> set[str]:
    return {term[:_STEM_CHARS] for term in terms}


_STEM_CHARS = 4
_CROSSHEAD_TERMS = 4
_CROSSHEAD_ECHO_WORDS = 30  # how far into its paragraph a crosshead's words recur


_STRAY_HEADLINE_WORDS = 16
_BULLETS = ("●", "•", "▪", "■", "◾", "*", "-", "–", "—", "س:", "ج:")
_INLINE_HEADLINES = 3  # «اقرأ أيضاً» inside an article links one to three other stories


def _inline_related(
    lines: list[str], index: int, title: str, above: list[str]
) -> tuple[list[str], int] | None:
    """A «اقرأ أيضاً» block inside the article: (its headlines, where the article resumes).

    Sites put a marker with one to three links between two paragraphs of the story. It is
    inline when a paragraph follows the headlines and that paragraph is not the lead of the
    linked story itself (a whole other article pasted after its headline, as at the end of
    many pages, repeats its headline's words in its first paragraph).
    """
    marker = _RELATED_MARKER.match(lines[index])
    assert marker is not None
    glued = lines[index][marker.end() :].strip(" :-–—")
    headlines = [glued] if glued else []
    position = index + 1
    while position < len(lines):
        line = lines[position]
        if _is_chrome(line):
            position += 1
            continue
        if _is_prose(line) or _SOURCE_LINE.match(line) or _TAGS_LINE.match(line):
            break
        if len(headlines) == _INLINE_HEADLINES or not _is_headline(line):
            return None
        if _RELATED_MARKER.match(line) or _is_footer(line) or _END_MARKER.match(line):
            return None
        headlines.append(line)
        position += 1
    if not headlines or position == len(lines) or not _is_prose(lines[position]):
        return None
    if _is_lead_of(headlines[-1], lines[position], title, above):
        return None
    return headlines, position


def _is_prose(line: str) -> bool:
    """A paragraph, or a sentence closed by a full stop: article text, not a headline."""
    if _looks_like_paragraph(line):
        return True
    # The closing quote of a last sentence: «... كابيلا."».
    line = line.rstrip("\"»”')] ")
    if line.endswith("..") or not line.endswith((".", "؟", "?")):
        return False
    # A question of a few words is a headline («كيف يؤثر الاتفاق النووي على روسيا؟»).
    return _words(line) >= (8 if line.endswith(".") else _QUESTION_WORDS)


_QUESTION_WORDS = 14


def _is_lead_of(headline: str, paragraph: str, title: str, above: list[str]) -> bool:
    """Does `paragraph` open the story of `headline` rather than continue the one of `title`
    (whose text so far is `above`)?"""
    headline_terms = story_terms(headline, "")
    title_terms = story_terms(title, "")
    paragraph_terms = story_terms(paragraph, "")
    if not headline_terms:
        return False
    echo = len(headline_terms & paragraph_terms) / len(headline_terms)
    if echo < _STRONG_ECHO and _stays_on(_subject_terms(paragraph), title, above):
        return False
    echo = len(headline_terms & paragraph_terms) / len(headline_terms)
    continuation = len(title_terms & paragraph_terms) / len(title_terms) if title_terms else 0.0
    return echo >= _LEAD_ECHO and echo > continuation


_LEAD_ECHO = 0.34  # a lead repeats at least a third of its headline's content words
_STRONG_ECHO = 0.5  # ... and half of them whatever else it shares with the article


def _cut_trailing_labels(body: list[str]) -> tuple[list[str], list[str]]:
    """Short label lines after the last sentence (bare tags, an author's one-line bio)."""
    end = len(body)
    while end > 1 and _is_loose_label(body[end - 1]):
        end -= 1
    if end == len(body) or not _SENTENCE_END.search(body[end - 1]):
        return body, []
    return body[:end], body[end:]


def _is_loose_label(line: str) -> bool:
    if _words(line) > _LABEL_WORDS or _SENTENCE_END.search(line) or line.endswith((":", "،", ",")):
        return False
    return _is_label(line) or not any(ch.isdigit() for ch in line)


_LABEL_WORDS = 5
_BARE_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


_LIST_END = re.compile(r"^(?:end of list|نهاية القائمة)\W*$", re.IGNORECASE)


def _related_from_tail(tail: list[str]) -> list[str]:
    """Headlines from the related-items tail; whole paragraphs of other stories are dropped."""
    related: list[str] = []
    for line in tail:
        if _LIST_END.match(line):
            break  # what follows a closed list is another page block, often a whole article
        marker = _RELATED_MARKER.match(line)
        if marker:
            line = line[marker.end() :].strip(" :-–—")
            if not line:
                continue
        if _is_chrome(line) or _is_trailing_chrome(line, arabic_article=False):
            continue
        for headline in _split_glued_headlines(line):
            if _is_headline(headline):
                related.append(headline)
    return related


def read_article(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, *, default_tz: tzinfo = UTC
) -> ParsedArticle:
    """Read, decode and parse the file at `path`; its mtime is the fallback date."""
    raw, mtime = read_file(path, max_bytes)
    return parse_article(decode_article(raw, max_bytes), str(path), mtime, default_tz=default_tz)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, datetime]:
    """The bytes of the regular file at `path` and its mtime; ArticleError when it cannot be.

    Opened without blocking and checked on the open descriptor: a FIFO or a device put (or
    swapped) where a file was expected is refused, never waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if not S_ISREG(stat.st_mode):
                raise ArticleError(f"not a regular file ({file_kind(stat.st_mode)})")
            if stat.st_size > max_bytes:
                raise ArticleError(f"file too large: {stat.st_size:,} bytes (limit {max_bytes:,})")
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleError(f"cannot read file: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:  # grew after the check
        raise ArticleError(f"file too large: over {max_bytes:,} bytes")
    return raw, datetime.fromtimestamp(stat.st_mtime, UTC)


def file_kind(mode: int) -> str:
    """What an `st_mode` names, for a reason or a skip line: «FIFO», «socket», «folder» ..."""
    kinds = ((S_ISDIR, "folder"), (S_ISFIFO, "FIFO"), (S_ISSOCK, "socket"),
             (S_ISCHR, "character device"), (S_ISBLK, "block device"), (S_ISLNK, "symbolic link"),
             (S_ISREG, "file"))  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "special file")
