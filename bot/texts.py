"""Every user-facing string, Arabic first and English second, in one table.

`text(key, lang, **values)` fills a template for an HTML message; values are HTML-escaped.
Other modules may add entries; keep both languages, Arabic first.
"""

from __future__ import annotations

import html
from typing import Final, Literal

__all__ = ["Lang", "pick_lang", "text"]

Lang = Literal["ar", "en"]

_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "start": (
        "<b>مرحباً بك في مرصد</b>\n"
        "أتابع لك الأخبار الأمنية بالعربية وأرسل لك ملخصاً قصيراً فور ورود خبر يطابق "
        "اهتماماتك. للمتابعة أرسل: /follow ثم الكلمة.",
        "<b>Welcome to Marsad</b>\n"
        "I watch Arabic security news for you and send a short summary as soon as an article "
        "matches what you follow. To follow a topic send /follow and the keyword.",
    ),
    "start.again": (
        "أهلاً بعودتك! استأنفتُ إرسال التنبيهات إلى هذه المحادثة.",
        "Welcome back! Alerts to this chat are on again.",
    ),
}


def pick_lang(value: str | None, default: Lang = "ar") -> Lang:
    """The reply language for a Telegram language code ("en-GB" -> en); Arabic otherwise."""
    if value and value.lower().startswith("en"):
        return "en"
    if value and value.lower().startswith("ar"):
        return "ar"
    return default


def text(key: str, lang: Lang, **values: object) -> str:
    arabic, english = _TEXTS[key]
    template = arabic if lang == "ar" else english
    return template.format(**{k: html.escape(str(v)) for k, v in values.items()})
