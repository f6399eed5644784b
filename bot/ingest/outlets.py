"""Outlets: which news site or agency a page names, and the name an alert shows for it.

Pages name their outlet in a few recurring forms: a site banner above the headline («سكاي نيوز
عربية - أبوظبي»), a credit opening the first paragraph («القاهرة - رويترز:», «تونس (CNN)--»,
«سبق- الرياض:»), a wire dateline ending in the agency («الرياض ... واس»), a byline or link
line naming a newspaper («رابط الخبر بصحيفة الوئام»), and the host of the page's address.
`data/outlets.json` maps the well-known ones to one Arabic name; an unknown host is its own
name, an unknown newspaper after «صحيفة» keeps the name the page gives.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from bot.core.arabic import normalize

__all__ = [
    "credit_outlet",
    "host_outlet",
    "known_outlet",
    "mentioned_outlet",
    "named_outlet",
]


@dataclass(frozen=True, slots=True)
class _Table:
    by_name: dict[str, str]  # normalized name or alias → display name
    by_host: dict[str, str]  # host without «www.» → display name
    credited: frozenset[str]  # normalized names that may stand in a credit


def _key(value: str) -> str:
    return " ".join(normalize(value.replace(".", " ")).split())


@lru_cache(maxsize=1)
def _table() -> _Table:
    raw = (resources.files("bot.ingest") / "data" / "outlets.json").read_text(encoding="utf-8")
    by_name: dict[str, str] = {}
    by_host: dict[str, str] = {}
    credited: set[str] = set()
    for entry in json.loads(raw)["outlets"]:
        name = entry["name"]
        for alias in (name, *entry["names"]):
            key = _key(alias)
            by_name.setdefault(key, name)
            # «الرياض» alone is the city as often as the newspaper; «جريدة الرياض» is not.
            if entry.get("in_credits", True) or " " in key:
                credited.add(key)
        for host in entry["hosts"]:
            by_host[host.lower()] = name
    return _Table(by_name, by_host, frozenset(credited))


def known_outlet(value: str) -> str | None:
    """The display name of an outlet called exactly `value` («الجزيرة نت» → «الجزيرة»)."""
    return _table().by_name.get(_key(value))


def host_outlet(url: str) -> str | None:
    """The outlet of an address: a known host's name, else the host itself."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host or "." not in host:
        return None
    table = _table().by_host
    # «arabic.cnn.com» before «cnn.com»; «m.youm7.com» finds «youm7.com».
    parts = host.split(".")
    for start in range(len(parts) - 1):
        name = table.get(".".join(parts[start:]))
        if name is not None:
            return name
    return host


# «صحيفة الوئام الإلكترونية», «جريدة الحياة», «موقع المدن»: a newspaper named by its kind.
_PAPER = re.compile(
    r"^(?:صحيفه|جريده|موقع|بوابه|قناه|وكاله)\s+(?P<name>[^\d\W][\w ]{1,30}?)"
    r"(?:\s+(?:الالكترونيه|الالكتروني|اون ?لاين|نت|الاخباريه|الاخباري))?$"
)
_BANNER_PARTS = re.compile(r"\s+[-–—ـ|/]\s+|\s*[|]\s*")
_BANNER_WORDS = 6


def named_outlet(line: str, *, first: bool = False) -> str | None:
    """The outlet a short banner or label line names as a whole («سكاي نيوز عربية - أبوظبي»,
    «الجزيرة نت», «صحيفة الوئام الإلكترونية»), else None.

    A name that is also a word or a place («الأخبار», «الرأي», «اليوم») names the outlet only
    on the `first` line of a page, where the site's banner stands; further down it is a menu
    item or a section label.
    """
    if len(line) > 80 or len(line.split()) > _BANNER_WORDS:
        return None
    table = _table()
    for part in _BANNER_PARTS.split(line.strip(" :")):
        key = _key(part)
        if key in table.by_name and (first or key in table.credited):
            return table.by_name[key]
        paper = _PAPER.match(_key(part))
        if paper is not None:
            name = _PAPER_SUFFIX.sub("", part.split(maxsplit=1)[1].strip())
            return known_outlet(paper["name"]) or known_outlet(name) or name
    return None


_PAPER_SUFFIX = re.compile(r"\s+(?:ال[إا]لكتروني[ةه]?|[أا]ون ?لاين|نت|ال[إا]خباري[ةه]?)$")
# «رابط الخبر بصحيفة الوئام: ...», «المقال من موقع المدن»: a link line naming the paper.
_LINK_MENTION = re.compile(
    r"^(?:رابط|الرابط|المقال|الخبر|نشر)\b[^:]{0,20}?\bب?(?:صحيف[ةه]|جريد[ةه]|موقع)\s+"
    r"(?P<name>[^\d\W][\w ]{1,25}?)\s*[:：]"
)
_EMAIL_HOST = re.compile(r"[\w.+-]+@(?P<host>[\w-]+(?:\.[\w-]+)+)")


def mentioned_outlet(line: str) -> str | None:
    """The outlet named by a link or contact line: «رابط الخبر بصحيفة الوئام: ...», or the
    known host of a writer's address («alrashed@asharqalawsat.com»)."""
    link = _LINK_MENTION.match(line)
    if link is not None:
        name = _PAPER_SUFFIX.sub("", link["name"].strip())
        return known_outlet(name) or name
    email = _EMAIL_HOST.search(line) if "@" in line else None
    if email is not None:
        host = email["host"].lower().removeprefix("www.")
        return _table().by_host.get(host)
    return None


_CREDIT_SEPARATORS = re.compile(r"\s*(?:--+|[-–—ـ:：|/]+)\s*")
# «تونس (CNN)--», «بغداد - (أ ف ب) -»: a bracketed credit stands against a dash or a colon,
# unlike a mention inside a sentence («علمت (الجزيرة) أن»).
_AGENCY_BRACKET = re.compile(
    r"(?:^|[-–—ـ:]\s*|\s)\(\s*(?P<name>[^()]{1,25}?)\s*\)(?=\s*(?:--|[-–—ـ:]))"
)
_CREDIT_MARKS = re.compile(r"[-–—ـ:：|/()]")
_CREDIT_CHARS = 70  # a credit sits in the first few words of a paragraph
_CREDIT_NAME_WORDS = 4


def credit_outlet(text: str, *, whole_line: bool = False) -> str | None:
    """The outlet credited at the start of `text` («أبوظبي - سكاي نيوز عربية قال ...»,
    «تونس (CNN)-- ...», «محمد زامل- سبق- الخرمة: ...»), else None. With `whole_line`, `text`
    is a credit or dateline line of its own and its last words count too («... م واس»).

    Names that are also places count only in their long forms: in «سبق- الرياض:» the city
    «الرياض» is not the newspaper of that name.
    """
    head = text[:_CREDIT_CHARS]
    if not whole_line and not _CREDIT_MARKS.search(head):
        return None  # most paragraphs open without any credit: spare the lookups
    table = _table()
    for bracket in _AGENCY_BRACKET.finditer(head):
        key = _key(bracket["name"])
        if key in table.credited:
            return table.by_name[key]
    segments = [s for s in _CREDIT_SEPARATORS.split(head) if s.strip()]
    if not whole_line:
        # The last segment runs on into the paragraph: only its first words can be a name.
        segments = segments[:4]
    for position, segment in enumerate(segments):
        words = _key(segment).split()
        last = position == len(segments) - 1
        spans = [words] if len(words) <= _CREDIT_NAME_WORDS else []
        if whole_line:
            spans += [words[:n] for n in range(_CREDIT_NAME_WORDS, 0, -1)]
        elif last:
            # Running text: «سكاي نيوز عربية قال ...», but «سبق أن أعلنت ...» is a verb.
            spans += [words[:n] for n in range(_CREDIT_NAME_WORDS, 1, -1)]
            if words and words[0].isascii():
                spans.append(words[:1])
        if whole_line:
            spans += [words[-n:] for n in range(_CREDIT_NAME_WORDS, 0, -1)]
        for span in spans:
            key = " ".join(span)
            if key in table.credited:
                return table.by_name[key]
    return None
