"""Telegram's `parse_mode=HTML`: the allowed tag set, entity offsets in UTF-16 code units.

Telegram rejects a message whose markup it cannot parse with 400 "can't parse entities"; the
sandbox does the same so that a renderer bug shows up in tests instead of in production.
Only the tags of https://core.telegram.org/bots/api#html-style are accepted; the four named
entities `&lt; &gt; &amp; &quot;` and every numeric entity are decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

__all__ = ["Entity", "EntityParseError", "parse_html", "utf16_len"]

# Tag name -> Bot API entity type. `span` and `code`/`pre` attributes are checked below.
_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:\s+[a-zA-Z][a-zA-Z0-9-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"']+))?)*)\s*>"
)
_ATTR = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_PLAIN = re.compile(r"[^<>&]+")
_ENTITY = re.compile(r"&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{0,31});")


class EntityParseError(ValueError):
    """The markup is not valid Telegram HTML; the message is Telegram's wording."""


@dataclass
class Entity:
    """A message entity as the Bot API returns it (offsets in UTF-16 code units)."""

    type: str
    offset: int
    length: int
    extra: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"type": self.type, "offset": self.offset, "length": self.length}
        data.update(self.extra)
        return data


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


def _attrs(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for name, value in _ATTR.findall(raw):
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs[name.lower()] = unescape(value)
    return attrs


def _open(name: str, attrs: dict[str, str], parent: str | None, where: int) -> dict[str, str]:
    """Check one start tag's attributes; return the entity's extra fields."""
    if name == "a":
        href = attrs.get("href", "")
        if not href:
            raise EntityParseError(f'Tag "a" must have attribute "href" at byte offset {where}')
        return {"url": href}
    if name == "span":
        if attrs.get("class") != "tg-spoiler":
            raise EntityParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {where}'
            )
        return {}
    if name == "tg-emoji":
        emoji_id = attrs.get("emoji-id", "")
        if not emoji_id.isdigit():
            raise EntityParseError(f"Custom emoji identifier expected at byte offset {where}")
        return {"custom_emoji_id": emoji_id}
    if name == "tg-time":
        unix = attrs.get("unix", "")
        if not unix.lstrip("-").isdigit():
            raise EntityParseError(f"Unix time expected at byte offset {where}")
        extra = {"unix_time": unix}
        if "format" in attrs:
            if not re.fullmatch(r"r|w?[dD]?[tT]?", attrs["format"]):
                raise EntityParseError(f"Invalid date-time format at byte offset {where}")
            extra["date_time_format"] = attrs["format"]
        return extra
    if name == "code" and "class" in attrs:
        language = attrs["class"]
        if parent != "pre" or not language.startswith("language-"):
            return {}
        return {"language": language.removeprefix("language-")}
    return {}


def parse_html(text: str) -> tuple[str, list[Entity]]:
    """Parse Telegram HTML into plain text and entities, or raise EntityParseError."""
    out: list[str] = []
    out_len = 0  # UTF-16 length of everything in `out`
    stack: list[tuple[str, int, dict[str, str], dict[str, str]]] = []
    entities: list[Entity] = []
    pos = 0
    while pos < len(text):
        run = _PLAIN.match(text, pos)
        if run is not None:  # a run of plain text: measured once, not per character
            out.append(run.group())
            out_len += utf16_len(run.group())
            pos = run.end()
            continue
        char = text[pos]
        if char == "<":
            match = _TAG.match(text, pos)
            where = _byte_offset(text, pos)
            if match is None:
                raise EntityParseError(f'Unsupported start tag "" at byte offset {where}')
            closing, name, raw_attrs = match.group(1), match.group(2).lower(), match.group(3)
            if name not in _TAGS:
                kind = "end" if closing else "start"
                raise EntityParseError(f'Unsupported {kind} tag "{name}" at byte offset {where}')
            if not closing:
                attrs = _attrs(raw_attrs)
                parent = stack[-1][0] if stack else None
                stack.append((name, out_len, attrs, _open(name, attrs, parent, where)))
            else:
                if not stack:
                    raise EntityParseError(f"Unexpected end tag at byte offset {where}")
                open_name, start, attrs, extra = stack.pop()
                if open_name != name:
                    raise EntityParseError(
                        f'Unmatched end tag at byte offset {where}, expected "</{open_name}>", '
                        f'found "</{name}>"'
                    )
                kind = _TAGS[name]
                if name == "blockquote" and "expandable" in attrs:
                    kind = "expandable_blockquote"
                if name == "code" and "language" in extra and stack and stack[-1][0] == "pre":
                    # <pre><code class="language-x"> is one `pre` entity with a language.
                    stack[-1][3]["language"] = extra["language"]
                elif out_len > start:
                    entities.append(Entity(kind, start, out_len - start, extra))
            pos = match.end()
            continue
        if char == "&":
            match = _ENTITY.match(text, pos)
            if match is not None:
                body = match.group(1)
                decoded: str | None
                if body.startswith("#"):
                    number = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
                    decoded = chr(number) if 0 < number <= 0x10FFFF else None
                else:
                    decoded = _NAMED.get(body)
                if decoded is not None:
                    out.append(decoded)
                    out_len += utf16_len(decoded)
                    pos = match.end()
                    continue
        if char == ">":
            where = _byte_offset(text, pos)
            raise EntityParseError(f'Unsupported start tag "" at byte offset {where}')
        out.append(char)
        out_len += utf16_len(char)
        pos += 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e.offset, -e.length))
    return "".join(out), entities
