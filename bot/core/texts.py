"""Every user-facing string, Arabic first and English second, in one table.

`text(key, lang, **values)` fills a template for an HTML message: values are escaped and put in
first-strong isolates, and Latin/digit runs of Arabic templates are wrapped in left-to-right
isolates (see `bot.core.bidi`), so that an interpolated «NATO» or «/follow» never scrambles a line.
`plain(key, lang, **values)` does the same without HTML escaping, for button labels and command
descriptions, which Telegram shows as plain text. A value that is already safe HTML (a fragment
rendered by `bot.deliver.render`) is passed as `Html(...)` and inserted as is.

Other modules may add entries; keep both languages, Arabic first.
"""

from __future__ import annotations

import html
import re
import string
from typing import Final, Literal

from bot.core.bidi import isolate, wrap_ltr_runs

__all__ = [
    "ADMIN_COMMANDS",
    "COMMANDS",
    "ECHO_CHARS",
    "LANGUAGES",
    "Html",
    "Lang",
    "addressed",
    "chat_language",
    "clip",
    "command_descriptions",
    "count_noun",
    "elapsed",
    "mode_label",
    "pick_lang",
    "plain",
    "query_error",
    "text",
]

Lang = Literal["ar", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("ar", "en")


class Html(str):
    """A fragment that is already valid, escaped Telegram HTML: inserted into templates as is."""

    __slots__ = ()


_TEXTS: Final[dict[str, tuple[str, str]]] = {
    # --- /start and /help ----------------------------------------------------------------
    "start": (
        "<b>مرحباً بك في مرصد</b> 🛰\n"
        "أتابع لك الأخبار الأمنية بالعربية وأرسل لك ملخصاً قصيراً فور ورود خبر يطابق "
        "اهتماماتك.\n\n"
        "للمتابعة أرسل: /follow ثم الكلمة، مثل:\n"
        "/follow كوريا الشمالية\n\n"
        "أو اضغط أحد الأمثلة أدناه. للمساعدة: /help",
        "<b>Welcome to Marsad</b> 🛰\n"
        "I watch Arabic security news for you and send a short summary as soon as an article "
        "matches what you follow.\n\n"
        "To follow a topic send /follow and the keyword, for example:\n"
        "/follow كوريا الشمالية\n\n"
        "or tap one of the examples below. Help: /help",
    ),
    "start.again": (
        "أهلاً بعودتك! استأنفتُ إرسال التنبيهات إلى هذه المحادثة.",
        "Welcome back! Alerts to this chat are on again.",
    ),
    "start.examples": (
        "كوريا الشمالية\nالناتو\nالصواريخ الباليستية",
        "كوريا الشمالية\nالناتو\nالصواريخ الباليستية",
    ),
    "help": (
        "<b>أوامر مرصد</b>\n\n"
        "/follow الناتو — متابعة كلمة أو أكثر (سطر لكل كلمة أو فاصلة «،»). "
        'العبارة الدقيقة بين علامتي تنصيص: "كوريا الشمالية"، الاستبعاد بعلامة ناقص: '
        "-الصين، والجمع بعلامة زائد: روسيا + اليابان\n"
        "/unfollow الناتو — إيقاف متابعة (بلا كلمة: اختيار من قائمة)\n"
        "/list — قائمة متابعاتك وطريقة التسليم\n"
        "/recent — أحدث الأخبار المطابقة لمتابعاتك (أو: /recent الناتو)\n"
        "/search صواريخ — البحث في كل الأخبار المخزنة (أو أرسل النص مباشرة)\n"
        "/lang en — تغيير اللغة (ar أو en)\n"
        "/mode الناتو daily 08:00 — التسليم: فوري أو ملخص كل ساعة أو ملخص يومي\n"
        "/quiet 23:00-07:00 — ساعات هدوء بلا صوت (/quiet off للإلغاء)\n"
        "/urgent الناتو — متابعة عاجلة ترن حتى في ساعات الهدوء\n"
        "/mute 2h — إيقاف التنبيهات مؤقتاً، و/unmute لاستئنافها في ملخص واحد\n"
        "/follow الناتو 7d — متابعة محددة المدة\n"
        "/tz الرياض — المنطقة الزمنية (مدينة أو دولة)\n"
        "/export و/import — حفظ المتابعات واستعادتها\n"
        "/help — هذه الرسالة",
        "<b>Marsad commands</b>\n\n"
        "/follow الناتو — follow one or more keywords (one per line, or separated by «،» or ,). "
        'An exact phrase in quotes: "كوريا الشمالية", exclude with a minus: -الصين, '
        "require both with a plus: روسيا + اليابان\n"
        "/unfollow الناتو — stop following (without a keyword: pick from a list)\n"
        "/list — what you follow and how it is delivered\n"
        "/recent — newest articles that matched what you follow (or: /recent الناتو)\n"
        "/search صواريخ — search every stored article (or just send the text)\n"
        "/lang ar — change the language (ar or en)\n"
        "/mode الناتو daily 08:00 — delivery: instant, hourly or daily digest\n"
        "/quiet 23:00-07:00 — quiet hours without sound (/quiet off to end)\n"
        "/urgent الناتو — an urgent keyword rings even in quiet hours\n"
        "/mute 2h — pause alerts; /unmute resumes them as one digest\n"
        "/follow الناتو 7d — a time-limited follow\n"
        "/tz Europe/Berlin — time zone\n"
        "/export and /import — save and restore your subscriptions\n"
        "/help — this message",
    ),
    "help.admin": (
        "<b>للمسؤولين</b>\n"
        "/stats — إحصاءات المحادثات والمتابعات والأخبار وصندوق الإرسال\n"
        "/broadcast تحديث الخدمة الليلة — رسالة إلى كل المحادثات النشطة\n"
        "/feeds — مصادر الأخبار (خلاصات RSS وAtom)؛ /feeds add URL لإضافة خلاصة",
        "<b>For administrators</b>\n"
        "/stats — chats, subscriptions, articles and the outbox\n"
        "/broadcast Maintenance tonight — a message to every active chat\n"
        "/feeds — news sources (RSS and Atom feeds); /feeds add URL to add one",
    ),
    # --- /follow -------------------------------------------------------------------------
    "follow.usage": (
        "اكتب الكلمة بعد الأمر، مثل:\n/follow الناتو\n"
        "ولعدة كلمات اجعل كل كلمة في سطر أو افصل بينها بـ «،».",
        "Write the keyword after the command, for example:\n/follow الناتو\n"
        "For several keywords put each on its own line or separate them with «،» or a comma.",
    ),
    "follow.added": ("✅ سأتابع لك: <b>{query}</b>", "✅ Now following: <b>{query}</b>"),
    "follow.watches": ("يشمل ذلك: {terms}", "This covers: {terms}"),
    "follow.preview": (
        "من المخزَّن في آخر 7 أيام طابقها {count:n:article}، أحدثها:",
        "Of the articles stored in the last 7 days, {count:n:article} would have matched; "
        "the newest:",
    ),
    "follow.preview_one": (
        "في آخر 7 أيام طابقها خبر واحد مخزن:",
        "In the last 7 days one stored article would have matched:",
    ),
    "follow.preview_none": (
        "لم يطابقها أي خبر مخزن في آخر 7 أيام؛ سأنبهك فور وصول خبر جديد.",
        "No stored article of the last 7 days matches it; I will alert you when one arrives.",
    ),
    "follow.duplicate": (
        "ℹ️ أنت تتابع «{query}» من قبل.",
        "ℹ️ You already follow «{query}».",
    ),
    "follow.near_duplicate": (
        "ℹ️ «{query}» قريبة جداً من متابعتك «{existing}»، فلم أضفها مرة ثانية.",
        "ℹ️ «{query}» is nearly the same as «{existing}», which you follow; not added twice.",
    ),
    "follow.limit": (
        "⚠️ بلغت الحد الأقصى ({limit} متابعة). احذف بعضها بـ /unfollow ثم أعد المحاولة. "
        "لم تُضف: {queries}",
        "⚠️ You reached the limit of {limit} subscriptions. Remove some with /unfollow and try "
        "again. Not added: {queries}",
    ),
    "follow.invalid": ("⚠️ «{query}»: {reason}", "⚠️ «{query}»: {reason}"),
    # --- query errors (codes of bot.match.matching.QueryError) ----------------------------------
    "query_error.empty": (
        "الكلمة فارغة. مثال: /follow الناتو",
        "The keyword is empty. Example: /follow الناتو",
    ),
    "query_error.too_long": (
        "الكلمة طويلة جداً؛ اختصرها إلى بضع كلمات مميزة. مثال: /follow الصواريخ الباليستية",
        "The keyword is too long; shorten it to a few telling words. "
        "Example: /follow الصواريخ الباليستية",
    ),
    "query_error.no_letters": (
        "ليس فيها حروف تصلح للمتابعة؛ الرموز أو الأرقام وحدها لا تكفي. مثال: /follow إيران",
        "It has no letters to look for; symbols or numbers alone are not enough. "
        "Example: /follow إيران",
    ),
    "query_error.too_short": (
        "فيها كلمة من حرف واحد تطابق كل خبر تقريباً؛ اكتب الكلمة كاملة. مثال: /follow إيران",
        "It has a one-letter word that would match almost every article; write the whole word. "
        "Example: /follow إيران",
    ),
    "query_error.too_many_terms": (
        "فيها كلمات كثيرة جداً؛ قسّمها إلى متابعات أقصر (كل متابعة في سطر).",
        "It has too many terms; split it into shorter subscriptions (one per line).",
    ),
    "query_error.bad_syntax": (
        'صيغة غير صحيحة. أمثلة صحيحة: "كوريا الشمالية" أو روسيا + اليابان أو الصواريخ -إيران',
        'Invalid syntax. Valid examples: "كوريا الشمالية" or روسيا + اليابان or الصواريخ -إيران',
    ),
    "query_error.only_exclusions": (
        "لا يمكن أن تكون المتابعة استبعاداً فقط؛ أضف كلمة للمتابعة. مثال: الصواريخ -إيران",
        "A subscription cannot be only exclusions; add a word to follow. Example: الصواريخ -إيران",
    ),
    "query_error.other": (
        "تعذر فهم هذه الكلمة. مثال: /follow الناتو",
        "I could not understand this keyword. Example: /follow الناتو",
    ),
    # --- /unfollow -----------------------------------------------------------------------
    "unfollow.done": ("🗑 أوقفتُ متابعة «{query}».", "🗑 Stopped following «{query}»."),
    "unfollow.not_found": (
        "لا أجد «{query}» في متابعاتك. اختر من القائمة:",
        "«{query}» is not among your subscriptions. Pick one from the list:",
    ),
    "unfollow.pick": ("اختر ما تريد إيقاف متابعته:", "Pick what to stop following:"),
    "unfollow.gone": (
        "هذه المتابعة محذوفة من قبل.",
        "This subscription was already removed.",
    ),
    "unfollow.button": ("🗑 {query}", "🗑 {query}"),
    # --- /list ---------------------------------------------------------------------------
    "list.empty": (
        "لا تتابع شيئاً بعد. جرّب: /follow الناتو",
        "You follow nothing yet. Try: /follow الناتو",
    ),
    "list.header": (
        "<b>متابعاتك ({count})</b>",
        "<b>Your subscriptions ({count})</b>",
    ),
    "list.item": ("{n}. {query} — {mode}", "{n}. {query} — {mode}"),
    "list.mode_hint": (
        "لتغيير طريقة التسليم اضغط ⚙ ورقم المتابعة.",
        "To change how one is delivered, tap ⚙ and its number.",
    ),
    "list.mode_button": ("⚙ {n}", "⚙ {n}"),
    "mode.instant": ("فوري", "instant"),
    "mode.hourly": ("ملخص كل ساعة", "hourly digest"),
    "mode.daily": ("ملخص يومي", "daily digest"),
    # --- /recent and /search ---------------------------------------------------------------
    "recent.header": (
        "<b>أحدث الأخبار المطابقة</b> ({first}–{last} من {total})",
        "<b>Newest matching articles</b> ({first}–{last} of {total})",
    ),
    "recent.header_keyword": (
        "<b>أحدث الأخبار عن «{query}»</b> ({first}–{last} من {total})",
        "<b>Newest articles about «{query}»</b> ({first}–{last} of {total})",
    ),
    "recent.empty": (
        "لا أخبار مطابقة لمتابعاتك بعد. تابع موضوعاً بـ /follow أو ابحث بـ /search.",
        "No article has matched your subscriptions yet. Follow a topic with /follow or "
        "search with /search.",
    ),
    "recent.empty_keyword": (
        "لا أخبار مخزنة عن «{query}». جرّب كلمة أعم أو /search.",
        "No stored article about «{query}». Try a broader word or /search.",
    ),
    "search.usage": (
        "اكتب ما تبحث عنه بعد الأمر، مثل:\n/search الصواريخ الباليستية",
        "Write what you are looking for after the command, for example:\n"
        "/search الصواريخ الباليستية",
    ),
    "search.header": (
        "<b>نتائج البحث عن «{query}»</b> ({first}–{last} من {total})",
        "<b>Results for «{query}»</b> ({first}–{last} of {total})",
    ),
    "search.empty": (
        "لا نتائج لـ «{query}». جرّب كلمات أقل أو أعم، مثل: {suggestion}",
        "No results for «{query}». Try fewer or broader words, such as: {suggestion}",
    ),
    "search.empty_plain": (
        "لا نتائج لـ «{query}». جرّب كلمة أعم.",
        "No results for «{query}». Try a broader word.",
    ),
    "page.previous": ("◀", "◀"),
    "page.next": ("▶", "▶"),
    "page.position": ("{page}/{pages}", "{page}/{pages}"),
    "page.expired": (
        "انتهت صلاحية هذه القائمة؛ أعد إرسال الأمر.",
        "This list has expired; send the command again.",
    ),
    "item.full": ("📄 {n}", "📄 {n}"),
    # --- alerts --------------------------------------------------------------------------
    "alert.why": ("<b>لماذا؟</b> {reasons}", "<b>Why?</b> {reasons}"),
    "alert.reason": ("«{query}»: {words}", "«{query}»: {words}"),
    "alert.also_in": ("ورد أيضاً في: {sources}", "Also reported by: {sources}"),
    "alert.full_text": ("النص الكامل", "Full text"),
    "alert.unfollow": ("إيقاف متابعة {query}", "Unfollow {query}"),
    "alert.no_date": ("بلا تاريخ", "undated"),
    "alert.arrived": ("وصل {date}", "received {date}"),
    "alert.unknown_source": ("مصدر غير معروف", "unknown source"),
    "list.separator": ("، ", ", "),
    "full.missing": (
        "هذا الخبر لم يعد محفوظاً.",
        "This article is no longer stored.",
    ),
    "full.continued": ("(تابع {part}/{parts})", "(continued {part}/{parts})"),
    # --- /lang ---------------------------------------------------------------------------
    "lang.usage": (
        "اختر اللغة: /lang ar للعربية أو /lang en للإنجليزية.",
        "Choose the language: /lang ar for Arabic or /lang en for English.",
    ),
    "lang.set": ("تم: سأرد عليك بالعربية.", "Done: I will reply in English."),
    # --- errors --------------------------------------------------------------------------
    "error.user": (
        "⚠️ حدث خطأ غير متوقع وأبلغتُ المشرفين. حاول مرة أخرى بعد قليل.",
        "⚠️ Something went wrong and the admins were told. Please try again shortly.",
    ),
    "error.admin": (
        "⚠️ خطأ في مرصد\n{context}\n<pre>{error}</pre>",
        "⚠️ Marsad error\n{context}\n<pre>{error}</pre>",
    ),
    "error.not_allowed": (
        "عذراً، هذا البوت خاص بمستخدمين محددين.",
        "Sorry, this bot is limited to specific users.",
    ),
    # --- what no command handles (handlers.fallback) --------------------------------------
    "unknown.command": (
        "لا أعرف الأمر {command}. أرسل /help لقائمة الأوامر مع مثال لكل منها.",
        "I do not know the command {command}. Send /help for every command with an example.",
    ),
    "unknown.not_text": (
        "أقرأ النص فقط: أرسل كلمة للبحث في الأخبار، مثل: الناتو، أو تابعها بـ /follow الناتو. "
        "للمساعدة: /help",
        "I read text only: send a word to search the news, such as الناتو, or follow it "
        "with /follow الناتو. Help: /help",
    ),
    "unknown.edited": (
        "لا أنفّذ الرسائل المعدّلة. أرسل النص المصحّح في رسالة جديدة.",
        "I do not act on edited messages. Send the corrected text as a new message.",
    ),
    # --- delivery preferences: /tz /quiet /mute /unmute /mode /urgent -----------
    "tz.show": (
        "🕰 المنطقة الزمنية لهذه المحادثة: <b>{zone}</b> (الساعة الآن {now}).\nللتغيير: /tz الرياض",
        "🕰 This chat's time zone: <b>{zone}</b> (now {now}).\nTo change it: /tz Europe/Berlin",
    ),
    "tz.set": (
        "✅ المنطقة الزمنية الآن <b>{zone}</b> (الساعة الآن {now}).",
        "✅ Time zone set to <b>{zone}</b> (now {now}).",
    ),
    "tz.bad_zone": (
        "⚠️ لا أعرف المنطقة الزمنية «{value}». اكتب اسم مدينة أو دولة، مثل: /tz الرياض "
        "أو /tz القاهرة (ولدولة فيها أكثر من منطقة زمنية اسم المدينة)، أو اسمها في قاعدة "
        "IANA مثل /tz Europe/Berlin",
        "⚠️ Unknown time zone «{value}». Use a city or country name such as /tz Dubai or "
        "/tz الرياض (a city for a country with several zones), or an IANA name such as "
        "/tz Europe/Berlin",
    ),
    "quiet.none": (
        "🔔 لا ساعات هدوء في هذه المحادثة. لضبطها: /quiet 23:00-07:00 "
        "(تصل التنبيهات فيها بلا صوت).",
        "🔔 No quiet hours set. To set them: /quiet 23:00-07:00 (alerts then arrive silently).",
    ),
    "quiet.show": (
        "🌙 ساعات الهدوء: <b>{window}</b> بتوقيت {zone}. للإلغاء: /quiet off",
        "🌙 Quiet hours: <b>{window}</b> ({zone} time). To turn off: /quiet off",
    ),
    "quiet.set": (
        "🌙 ساعات الهدوء: <b>{window}</b> بتوقيت {zone}. تصل التنبيهات فيها بلا صوت، "
        "إلا المتابعات العاجلة (/urgent).",
        "🌙 Quiet hours: <b>{window}</b> ({zone} time). Alerts then arrive silently, except "
        "urgent subscriptions (/urgent).",
    ),
    "quiet.off": ("🔔 أُلغيت ساعات الهدوء.", "🔔 Quiet hours turned off."),
    "quiet.bad_range": (
        "⚠️ لم أفهم «{value}». اكتب البداية والنهاية بالساعة والدقيقة، مثل: /quiet 23:00-07:00",
        "⚠️ I could not read «{value}». Give a start and an end time, e.g. /quiet 23:00-07:00",
    ),
    "quiet.empty_range": (
        "⚠️ البداية والنهاية متساويتان. مثال صحيح: /quiet 23:00-07:00",
        "⚠️ The start and the end are the same. For example: /quiet 23:00-07:00",
    ),
    "mute.forever": (
        "🔕 أوقفتُ التنبيهات مؤقتاً. سأحتفظ بها وأرسلها ملخصاً واحداً عند /unmute.",
        "🔕 Alerts paused. I keep them and send them as one digest on /unmute.",
    ),
    "mute.until": (
        "🔕 أوقفتُ التنبيهات حتى {until}. سأحتفظ بها وأرسلها ملخصاً واحداً بعدها (أو عند /unmute).",
        "🔕 Alerts paused until {until}. I keep them and send them as one digest then "
        "(or on /unmute).",
    ),
    "mute.bad_duration": (
        "⚠️ لم أفهم المدة «{value}». أمثلة: /mute 2h أو /mute نصف ساعة أو /mute ساعتين، "
        "أو /mute وحده حتى /unmute.",
        "⚠️ I could not read the duration «{value}». Examples: /mute 2h, /mute 30m, /mute 1d, "
        "or just /mute until /unmute.",
    ),
    "mute.too_long": (
        "⚠️ المدة «{value}» أطول من سنة. استخدم /mute وحده للإيقاف حتى /unmute.",
        "⚠️ «{value}» is longer than a year. Use /mute alone to pause until /unmute.",
    ),
    "unmute.not_muted": ("🔔 التنبيهات غير موقوفة.", "🔔 Alerts are not paused."),
    "unmute.nothing": (
        "🔔 استأنفتُ التنبيهات. لم يصل شيء أثناء الإيقاف.",
        "🔔 Alerts are back on. Nothing arrived while they were paused.",
    ),
    "unmute.done": (
        "🔔 استأنفتُ التنبيهات. سأرسل الآن ما وصل أثناء الإيقاف ({count}) في ملخص واحد.",
        "🔔 Alerts are back on. What arrived meanwhile ({count}) follows as one digest.",
    ),
    "mode.usage": (
        "اكتب الكلمة ثم طريقة التسليم: {modes}. أمثلة:\n"
        "/mode الناتو daily 08:00\n/mode الناتو hourly\n/mode الناتو instant\n"
        "أو استخدم أزرار /list.",
        "Write the keyword, then the delivery mode: {modes}. Examples:\n"
        "/mode الناتو daily 08:00\n/mode الناتو hourly\n/mode الناتو instant\n"
        "or use the buttons of /list.",
    ),
    "mode.bad_time": (
        "⚠️ الوقت يُكتب للملخص اليومي فقط، بالساعة والدقيقة. مثال: /mode الناتو daily 08:00",
        "⚠️ A time goes only with daily, as hours and minutes. Example: /mode الناتو daily 08:00",
    ),
    "mode.bad_mode": (
        "⚠️ لم أجد طريقة التسليم ({modes}). مثال: /mode الناتو daily 08:00",
        "⚠️ No delivery mode found ({modes}). Example: /mode الناتو daily 08:00",
    ),
    "mode.set_instant": (
        "⚡ «{query}»: تنبيه فوري لكل خبر.",
        "⚡ «{query}»: an instant alert for every story.",
    ),
    "mode.set_hourly": (
        "🕐 «{query}»: ملخص واحد كل ساعة.",
        "🕐 «{query}»: one digest every hour.",
    ),
    "mode.set_daily": (
        "📅 «{query}»: ملخص يومي الساعة {time}.",
        "📅 «{query}»: a daily digest at {time}.",
    ),
    "mode.pick": (
        "اختر المتابعة لتغيير طريقة تسليمها:",
        "Choose a subscription to change how it is delivered:",
    ),
    "mode.choose": (
        "كيف تصلك أخبار «{query}»؟ فوري، أو ملخص كل ساعة، أو ملخص يومي "
        "(الوقت: /mode {query} daily 08:00).",
        "How should «{query}» reach you? Instant, an hourly digest, or a daily digest "
        "(set its time: /mode {query} daily 08:00).",
    ),
    "sub.gone": (
        "هذه المتابعة لم تعد موجودة.",
        "This subscription no longer exists.",
    ),
    "sub.not_found": (
        "⚠️ لا تتابع «{query}». اعرض متابعاتك بـ /list",
        "⚠️ You do not follow «{query}». See what you follow with /list",
    ),
    "urgent.usage": (
        "اكتب الكلمة العاجلة: /urgent الناتو — تصل تنبيهاتها بصوت حتى في ساعات الهدوء.",
        "Write the urgent keyword: /urgent الناتو — its alerts ring even in quiet hours.",
    ),
    "urgent.list": (
        "🚨 المتابعات العاجلة: {queries}\nلإلغاء إحداها أرسل /urgent مع الكلمة مرة أخرى.",
        "🚨 Urgent subscriptions: {queries}\nSend /urgent with the keyword again to undo.",
    ),
    "urgent.on": (
        "🚨 «{query}» عاجلة: تصل تنبيهاتها بصوت حتى في ساعات الهدوء.",
        "🚨 «{query}» is urgent: its alerts ring even in quiet hours.",
    ),
    "urgent.off": ("«{query}» لم تعد عاجلة.", "«{query}» is no longer urgent."),
    # --- digests, time-limited follows, groups, access ------------------------------------
    "digest.header": (
        "<b>🗞 ملخص مرصد: {count:n:article}</b>",
        "<b>🗞 Marsad digest: {count:n:story}</b>",
    ),
    "digest.part": (" ({part}/{parts})", " ({part}/{parts})"),
    "digest.button": ("📄 {n}", "📄 {n}"),
    "follow.until": (
        "⏳ تنتهي هذه المتابعة تلقائياً في {until}.",
        "⏳ This subscription ends by itself on {until}.",
    ),
    "follow.duration_too_long": (
        "⚠️ «{value}»: مدة المتابعة أطول من سنة. اكتب مدة أقصر، مثل: /follow الناتو 30d، "
        "أو تابع بلا مدة: /follow الناتو",
        "⚠️ «{value}»: a follow can last at most a year. Give a shorter time, such as "
        "/follow الناتو 30d, or follow without one: /follow الناتو",
    ),
    "follow.bad_duration": (
        "⚠️ مدة المتابعة «{value}» غير صالحة (أقلها دقيقة). مثال: /follow الناتو 7d، "
        "أو تابع بلا مدة: /follow الناتو",
        "⚠️ «{value}» is not a valid follow duration (one minute at least). Example: "
        "/follow الناتو 7d, or follow without one: /follow الناتو",
    ),
    "expiry.notice": (
        "⏳ انتهت مدة متابعة «{query}». لمتابعتها من جديد: /follow {query}",
        "⏳ Your time-limited subscription «{query}» has ended. To follow again: /follow {query}",
    ),
    "group.admins_only": (
        "⚠️ في المجموعات يغيّر المشرفون فقط ما يتابعه البوت وإعداداته.",
        "⚠️ In groups only admins can change what the bot follows and its settings.",
    ),
    "admin.only": ("⛔ هذا الأمر للمسؤولين فقط.", "⛔ This command is for administrators only."),
    "stats.body": (
        "<b>📊 إحصاءات مرصد</b>\n"
        "المحادثات: {chats_active} نشطة، {chats_inactive} متوقفة ({groups} مجموعات)\n"
        "المتابعات: {subscriptions}\n"
        "الأخبار: {articles_today} اليوم، {articles_total} إجمالاً\n"
        "صندوق الإرسال: {outbox_pending} بانتظار الإرسال، {outbox_held} محتجزة، "
        "{outbox_failed} فاشلة، {outbox_sent_today} أُرسلت اليوم\n"
        "آخر نشاط لصندوق الوارد: {last_inbox}",
        "<b>📊 Marsad statistics</b>\n"
        "Chats: {chats_active} active, {chats_inactive} inactive ({groups} groups)\n"
        "Subscriptions: {subscriptions}\n"
        "Articles: {articles_today} today, {articles_total} in total\n"
        "Outbox: {outbox_pending} pending, {outbox_held} held, {outbox_failed} failed, "
        "{outbox_sent_today} sent today\n"
        "Last inbox activity: {last_inbox}",
    ),
    "stats.never": ("لا يوجد", "never"),
    "broadcast.usage": (
        "اكتب نص الرسالة بعد الأمر: /broadcast النص",
        "Write the message after the command: /broadcast TEXT",
    ),
    "broadcast.queued": (
        "📣 أُضيفت الرسالة إلى صندوق الإرسال (المحادثات النشطة: {count}).",
        "📣 The message is queued for {count:n:chat} (all active).",
    ),
    "broadcast.message": ("📣 {body}", "📣 {body}"),
    "silence.alert": (
        "⚠️ لم يصل أي ملف إلى صندوق الوارد منذ {minutes} دقيقة (آخر نشاط: {last}).",
        "⚠️ No file has reached the inbox for {minutes} minutes (last activity: {last}).",
    ),
    # --- /export and /import --------------------------------------------------------------
    "export.caption": (
        "📦 متابعاتك وإعداداتك ({count:n:subscription}). لاستعادتها أرسل هذا الملف إلى البوت، "
        "أو رُدّ عليه بـ /import.",
        "📦 Your subscriptions and settings ({count:n:subscription}). To restore them send this "
        "file back to the bot, or reply to it with /import.",
    ),
    "import.usage": (
        "أرسل ملف التصدير (JSON) الذي أنشأه /export، أو رُدّ عليه بـ /import.",
        "Send the export file (JSON) made by /export, or reply to it with /import.",
    ),
    "import.too_large": (
        "⚠️ الملف أكبر من الحد ({limit_kb} ك.ب). ملف التصدير أصغر من ذلك بكثير.",
        "⚠️ The file is over the limit ({limit_kb} kB). An export file is far smaller.",
    ),
    "import.not_utf8": (
        "⚠️ الملف ليس نصاً بترميز UTF-8؛ أرسل ملف JSON الذي أنشأه /export.",
        "⚠️ The file is not UTF-8 text; send the JSON file made by /export.",
    ),
    "import.not_json": (
        "⚠️ الملف ليس JSON صالحاً. أرسل الملف الذي أنشأه /export كما هو.",
        "⚠️ The file is not valid JSON. Send the file made by /export as it is.",
    ),
    "import.wrong_format": (
        "⚠️ هذا ليس ملف تصدير من مرصد. أنشئ واحداً بـ /export.",
        "⚠️ This is not a Marsad export file. Make one with /export.",
    ),
    "import.newer_version": (
        "⚠️ الملف من إصدار أحدث من مرصد ولا أستطيع قراءته.",
        "⚠️ The file comes from a newer version of Marsad; I cannot read it.",
    ),
    "import.bad_document": (
        "⚠️ بنية الملف غير صحيحة. أنشئ ملفاً جديداً بـ /export.",
        "⚠️ The file's structure is broken. Make a new one with /export.",
    ),
    "import.report": (
        "<b>📥 نتيجة الاستيراد</b>\nأُضيفت: {added}\nتُركت: {skipped}\nغير صالحة: {invalid}",
        "<b>📥 Import result</b>\nAdded: {added}\nSkipped: {skipped}\nInvalid: {invalid}",
    ),
    "import.download_failed": (
        "⚠️ تعذّر تنزيل الملف من تيليجرام. أعد إرساله بعد قليل.",
        "⚠️ Could not download the file from Telegram. Send it again in a moment.",
    ),
    "import.added_line": ("✅ {query}", "✅ {query}"),
    "import.skip.exists": ("↩️ {query} — متابعة من قبل", "↩️ {query} — already followed"),
    "import.skip.duplicate": ("↩️ {query} — مكررة في الملف", "↩️ {query} — repeated in the file"),
    "import.skip.expired": ("↩️ {query} — انتهت مدتها", "↩️ {query} — its time is over"),
    "import.skip.limit": ("↩️ {query} — تجاوز الحد الأقصى", "↩️ {query} — over the limit"),
    "import.invalid_line": ("❌ {what}: {reason}", "❌ {what}: {reason}"),
    "cmd.mode": ("طريقة التسليم: فوري أو ملخص", "Delivery: instant or digest"),
    "cmd.quiet": ("ساعات الهدوء", "Quiet hours"),
    "cmd.urgent": ("متابعة عاجلة ترن دائماً", "Urgent keyword that always rings"),
    "cmd.mute": ("إيقاف التنبيهات مؤقتاً", "Pause alerts"),
    "cmd.unmute": ("استئناف التنبيهات", "Resume alerts"),
    "cmd.tz": ("المنطقة الزمنية", "Time zone"),
    "cmd.export": ("تصدير المتابعات", "Export subscriptions"),
    "cmd.import": ("استيراد المتابعات", "Import subscriptions"),
    # --- topics and English keywords (matching: bot.match.concepts) -------------------------
    "follow.latin_hint": (
        "⚠️ «{query}» كلمة إنجليزية لا يعرف مرصد مقابلها العربي، والأخبار هنا عربية فلن تطابق"
        " شيئاً. اكتبها بالعربية، مثل: /follow حزب الله",
        "⚠️ «{query}» is an English word Marsad knows no Arabic name for, and the news here is"
        " in Arabic, so it will match nothing. Write it in Arabic, e.g. /follow حزب الله",
    ),
    # --- command descriptions for setMyCommands (plain text) -------------------------------
    "cmd.start": ("بدء الاستخدام", "Get started"),
    "cmd.help": ("الأوامر مع أمثلة", "Commands with examples"),
    "cmd.follow": ("متابعة كلمة أو أكثر", "Follow one or more keywords"),
    "cmd.unfollow": ("إيقاف متابعة", "Stop following a keyword"),
    "cmd.list": ("قائمة متابعاتك", "Your subscriptions"),
    "cmd.recent": ("أحدث الأخبار المطابقة", "Newest matching articles"),
    "cmd.search": ("البحث في الأخبار", "Search stored articles"),
    "cmd.lang": ("تغيير اللغة", "Change the language"),
    "cmd.stats": ("إحصاءات مرصد (للمسؤولين)", "Marsad statistics (admins)"),
    "cmd.broadcast": ("رسالة إلى كل المحادثات (للمسؤولين)", "Message every chat (admins)"),
    # --- actionable alerts: source and link, age, greetings ---------------------------------
    "alert.open": ("🔗 فتح الخبر", "🔗 Open article"),
    "alert.age": ("⏳ نُشر قبل {age}", "⏳ published {age} ago"),
    "item.open": ("🔗 {n}", "🔗 {n}"),
    "recent.keywords": ("🔑 {keywords}", "🔑 {keywords}"),
    "greeting": (
        "أهلاً وسهلاً! 👋 أنا مرصد، أتابع الأخبار الأمنية.\n"
        "للمتابعة: /follow الناتو — لأحدث الأخبار: /recent — للبحث أرسل كلمة مثل: الناتو.\n"
        "كل الأوامر: /help",
        "Hello! 👋 I am Marsad, I watch security news.\n"
        "To follow a topic: /follow الناتو — newest articles: /recent — to search, send a word "
        "such as الناتو.\nEvery command: /help",
    ),
    "greeting.salam": (
        "وعليكم السلام ورحمة الله! 👋 أنا مرصد، أتابع الأخبار الأمنية.\n"
        "للمتابعة: /follow الناتو — لأحدث الأخبار: /recent — للبحث أرسل كلمة مثل: الناتو.\n"
        "كل الأوامر: /help",
        "Peace be upon you too! 👋 I am Marsad, I watch security news.\n"
        "To follow a topic: /follow الناتو — newest articles: /recent — to search, send a word "
        "such as الناتو.\nEvery command: /help",
    ),
    # --- flashes: breaking-news lines alerted like articles ---------------------------------
    "alert.flash": ("⚡ عاجل", "⚡ Breaking"),
    # --- the feed collector: /feeds and its notices to admins ------------------------------
    "cmd.feeds": ("مصادر الأخبار: الخلاصات (للمسؤولين)", "News sources: feeds (admins)"),
    "feeds.usage": (
        "استخدم:\n/feeds — قائمة الخلاصات وحالتها\n/feeds add URL [ثوانٍ] — إضافة خلاصة "
        "(RSS أو Atom أو JSON Feed) مع مدة الاستطلاع اختيارياً\n"
        "/feeds remove|pause|resume رقم — حذف أو إيقاف أو استئناف خلاصة برقمها في القائمة",
        "Usage:\n/feeds — the feeds and their state\n/feeds add URL [SECONDS] — add a feed "
        "(RSS, Atom or JSON Feed), optionally with its own poll interval\n"
        "/feeds remove|pause|resume NUMBER — remove, pause or resume a feed by its number",
    ),
    "feeds.empty": (
        "لا توجد خلاصات بعد. أضف واحدة: /feeds add https://example.com/rss.xml",
        "No feeds yet. Add one: /feeds add https://example.com/rss.xml",
    ),
    "feeds.header": ("<b>📰 الخلاصات ({count})</b>", "<b>📰 Feeds ({count})</b>"),
    "feeds.line": (
        "{number}. {state} {name}\n{url}\nجُمع: {items:n:article} — أحدث خبر: {newest}",
        "{number}. {state} {name}\n{url}\nCollected: {items:n:article} — newest: {newest}",
    ),
    "feeds.line.error": (
        "آخر خطأ ({failures} متتالية): {error}",
        "Last error ({failures} in a row): {error}",
    ),
    "feeds.state.active": ("🟢", "🟢"),
    "feeds.state.paused": ("⏸", "⏸"),
    "feeds.state.failing": ("🔴", "🔴"),
    "feeds.never": ("لا شيء بعد", "none yet"),
    "feeds.more": (
        "… و{count} غيرها: /feeds pause|resume|remove رقم يعمل مع كل الخلاصات.",
        "… and {count} more: /feeds pause|resume|remove NUMBER works on every feed.",
    ),
    "feeds.button.pause": ("⏸ إيقاف {number}", "⏸ Pause {number}"),
    "feeds.button.resume": ("▶️ استئناف {number}", "▶️ Resume {number}"),
    "feeds.button.remove": ("🗑 حذف {number}", "🗑 Remove {number}"),
    "feeds.bad_url": (
        "⚠️ هذا ليس عنوان http(s) صالحاً: {url}",
        "⚠️ Not a valid http(s) address: {url}",
    ),
    "feeds.bad_interval": (
        "⚠️ مدة الاستطلاع عدد ثوانٍ بين 60 و86400، مثل: /feeds add URL 600",
        "⚠️ The poll interval is a number of seconds from 60 to 86400, e.g. /feeds add URL 600",
    ),
    "feeds.add_failed": (
        "❌ تعذّرت قراءة الخلاصة {url}: {reason}",
        "❌ Could not read the feed {url}: {reason}",
    ),
    "feeds.added": (
        "✅ أُضيفت الخلاصة «{name}»\n{url}\nأحدث ما فيها:",
        "✅ Feed added: «{name}»\n{url}\nIts newest items:",
    ),
    "feeds.already": (
        "↩️ الخلاصة «{name}» مضافة من قبل\n{url}\nأحدث ما فيها:",
        "↩️ The feed «{name}» was already added\n{url}\nIts newest items:",
    ),
    "feeds.added.item": ("• {title}", "• {title}"),
    "feeds.added.none": ("(لا عناصر فيها الآن)", "(no items in it now)"),
    "feeds.not_found": (
        "⚠️ لا توجد خلاصة بالرقم {number}. أرسل /feeds لرؤية القائمة.",
        "⚠️ No feed number {number}. Send /feeds to see the list.",
    ),
    "feeds.removed": ("🗑 حُذفت الخلاصة «{name}».", "🗑 Feed removed: «{name}»."),
    "feeds.paused": ("⏸ أُوقفت الخلاصة «{name}».", "⏸ Feed paused: «{name}»."),
    "feeds.resumed": ("▶️ استُؤنفت الخلاصة «{name}».", "▶️ Feed resumed: «{name}»."),
    "feeds.notice.failing": (
        "⚠️ الخلاصة «{name}» تفشل منذ {failures} محاولات متتالية: {reason}\n{url}\n"
        "ستُعاد المحاولة بفواصل أطول، وستصلك رسالة عند عودتها.",
        "⚠️ The feed «{name}» has failed {failures} times in a row: {reason}\n{url}\n"
        "It is retried less often; you will be told when it works again.",
    ),
    "feeds.notice.recovered": (
        "✅ عادت الخلاصة «{name}» تعمل.\n{url}",
        "✅ The feed «{name}» works again.\n{url}",
    ),
}

# A group reads the bot's replies together: these Arabic texts address it in the plural
# («سأتابع لكم»), in place of the singular of the table above (English needs no change).
_GROUP_ARABIC: Final[dict[str, str]] = {
    "start": (
        "<b>مرحباً بكم في مرصد</b> 🛰\n"
        "أتابع لكم الأخبار الأمنية بالعربية وأرسل لكم ملخصاً قصيراً فور ورود خبر يطابق "
        "اهتماماتكم.\n\n"
        "للمتابعة أرسلوا: /follow ثم الكلمة، مثل:\n"
        "/follow كوريا الشمالية\n\n"
        "أو اضغطوا أحد الأمثلة أدناه. للمساعدة: /help"
    ),
    "start.again": "أهلاً بعودتكم! استأنفتُ إرسال التنبيهات إلى هذه المجموعة.",
    "follow.added": "✅ سأتابع لكم: <b>{query}</b>",
    "follow.preview_none": "لم يطابقها أي خبر مخزن في آخر 7 أيام؛ سأنبهكم فور وصول خبر جديد.",
    "follow.usage": (
        "اكتبوا الكلمة بعد الأمر، مثل:\n/follow الناتو\n"
        "ولعدة كلمات اجعلوا كل كلمة في سطر أو افصلوا بينها بـ «،»."
    ),
    "unfollow.not_found": "لا أجد «{query}» في متابعاتكم. اختاروا من القائمة:",
    "unfollow.pick": "اختاروا ما تريدون إيقاف متابعته:",
    "list.empty": "لا تتابعون شيئاً بعد. جرّبوا: /follow الناتو",
    "list.header": "<b>متابعاتكم ({count})</b>",
    "list.mode_hint": "لتغيير طريقة التسليم اضغطوا ⚙ ورقم المتابعة.",
    "recent.empty": (
        "لا أخبار مطابقة لمتابعاتكم بعد. تابعوا موضوعاً بـ /follow أو ابحثوا بـ /search."
    ),
    "recent.empty_keyword": "لا أخبار مخزنة عن «{query}». جرّبوا كلمة أعم أو /search.",
    "search.usage": "اكتبوا ما تبحثون عنه بعد الأمر، مثل:\n/search الصواريخ الباليستية",
    "search.empty": "لا نتائج لـ «{query}». جرّبوا كلمات أقل أو أعم، مثل: {suggestion}",
    "search.empty_plain": "لا نتائج لـ «{query}». جرّبوا كلمة أعم.",
    "lang.set": "تم: سأرد عليكم بالعربية.",
    "greeting": (
        "أهلاً وسهلاً بكم! 👋 أنا مرصد، أتابع الأخبار الأمنية.\n"
        "للمتابعة: /follow الناتو — لأحدث الأخبار: /recent — للبحث أرسلوا كلمة مثل: الناتو.\n"
        "كل الأوامر: /help"
    ),
    "greeting.salam": (
        "وعليكم السلام ورحمة الله! 👋 أنا مرصد، أتابع الأخبار الأمنية.\n"
        "للمتابعة: /follow الناتو — لأحدث الأخبار: /recent — للبحث أرسلوا كلمة مثل: الناتو.\n"
        "كل الأوامر: /help"
    ),
}

# The commands shown in Telegram's menu, in order.
COMMANDS: Final[tuple[str, ...]] = (
    "start",
    "help",
    "follow",
    "unfollow",
    "list",
    "recent",
    "search",
    "lang",
    "mode",
    "quiet",
    "urgent",
    "mute",
    "unmute",
    "tz",
    "export",
    "import",
)
# Added to the menu of the administrators' own chats (MARSAD_ADMIN_IDS).
ADMIN_COMMANDS: Final[tuple[str, ...]] = ("feeds", "stats", "broadcast")

_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&#?\w+;")
_FORMATTER = string.Formatter()


# Counted nouns, for a `{count:n:NOUN}` field. Arabic: (1, 2, 3–10, 11–99, 100s) — «خبر واحد»,
# «خبران», «5 أخبار», «12 خبراً», «100 خبر»; the form follows the last two digits.
_NOUNS: Final[dict[str, tuple[tuple[str, str, str, str, str], tuple[str, str]]]] = {
    "article": (("خبر واحد", "خبران", "أخبار", "خبراً", "خبر"), ("article", "articles")),
    "story": (("خبر واحد", "خبران", "أخبار", "خبراً", "خبر"), ("story", "stories")),
    "subscription": (
        ("متابعة واحدة", "متابعتان", "متابعات", "متابعةً", "متابعة"),
        ("subscription", "subscriptions"),
    ),
    "chat": (("محادثة واحدة", "محادثتان", "محادثات", "محادثةً", "محادثة"), ("chat", "chats")),
}


def count_noun(count: int, noun: str, lang: Lang) -> str:
    """`count` and the noun in the form the number takes («5 أخبار», «12 خبراً», «1 article»)."""
    arabic, english = _NOUNS[noun]
    if lang != "ar":
        return f"{count} {english[0] if count == 1 else english[1]}"
    one, two, few, many, hundreds = arabic
    if count == 1:
        return one
    if count == 2:
        return two
    tail = count % 100
    if count == 0:
        return f"0 {hundreds}"
    if 3 <= tail <= 10:
        return f"{count} {few}"
    if 11 <= tail <= 99:
        return f"{count} {many}"
    return f"{count} {hundreds}"  # 100, 101, 102, 200…: the singular


# Elapsed time after «قبل»: (1, 2 in the genitive dual, 3–10, 11–99, 100s) — «ساعة»,
# «ساعتين», «5 ساعات», «11 ساعةً», «100 ساعة»; English singular and plural.
_AGO_UNITS: Final[dict[str, tuple[tuple[str, str, str, str, str], tuple[str, str]]]] = {
    "minute": (("دقيقة", "دقيقتين", "دقائق", "دقيقةً", "دقيقة"), ("minute", "minutes")),
    "hour": (("ساعة", "ساعتين", "ساعات", "ساعةً", "ساعة"), ("hour", "hours")),
    "day": (("يوم", "يومين", "أيام", "يوماً", "يوم"), ("day", "days")),
    "month": (("شهر", "شهرين", "أشهر", "شهراً", "شهر"), ("month", "months")),
    "year": (("سنة", "سنتين", "سنوات", "سنةً", "سنة"), ("year", "years")),
}


def elapsed(seconds: float, lang: Lang) -> str:
    """How long ago, in the largest whole unit, as it reads after «قبل» or before "ago":
    «5 ساعات», «يومين», «11 يوماً», «سنة»; "5 hours", "2 days", "1 year"."""
    minutes = max(1, int(seconds // 60))
    hours, days = minutes // 60, minutes // 1440
    if days >= 365:
        count, unit = days // 365, "year"
    elif days >= 30:
        count, unit = days // 30, "month"
    elif days >= 1:
        count, unit = days, "day"
    elif hours >= 1:
        count, unit = hours, "hour"
    else:
        count, unit = minutes, "minute"
    arabic, english = _AGO_UNITS[unit]
    if lang != "ar":
        return f"{count} {english[0] if count == 1 else english[1]}"
    one, two, few, many, hundreds = arabic
    if count == 1:
        return one
    if count == 2:
        return two
    tail = count % 100
    if 3 <= tail <= 10:
        return f"{count} {few}"
    if 11 <= tail <= 99:
        return f"{count} {many}"
    return f"{count} {hundreds}"


def pick_lang(value: str | None, default: Lang = "ar") -> Lang:
    """A stored or requested language code as a `Lang`, `default` when unknown."""
    if value == "ar":
        return "ar"
    if value == "en":
        return "en"
    return default


def chat_language(choice: str | None, default: str) -> Lang:
    """The one rule for the language a chat reads: its own /lang choice, else the deployment's
    MARSAD_LANGUAGE, else Arabic. Commands, buttons, alerts, digests and notices all use it, so a
    chat never gets one command in Arabic and the next in English."""
    return pick_lang(choice, pick_lang(default))


_GROUP_SUFFIX: Final = "@group"


def addressed(key: str, *, group: bool) -> str:
    """The key of text `key` as said to a group (its plural Arabic form) when `group` and
    there is one, else `key`: `text(addressed("follow.added", group=True), "ar", ...)`."""
    return key + _GROUP_SUFFIX if group and key in _GROUP_ARABIC else key


def _template(key: str, lang: Lang) -> str:
    base = key.removesuffix(_GROUP_SUFFIX)
    try:
        arabic, english = _TEXTS[base]
    except KeyError:
        raise KeyError(f"no text {key!r} in bot.core.texts") from None
    if lang != "ar":
        return english
    return _GROUP_ARABIC[base] if base != key else arabic


def _fill(key: str, lang: Lang, values: dict[str, object], *, as_html: bool) -> str:
    template = _template(key, lang)
    rtl = lang == "ar"
    out: list[str] = []
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        out.append(_literal(literal, rtl=rtl, as_html=as_html))
        if field is None:
            continue
        if field not in values:
            raise KeyError(f"text {key!r} needs a value for {field!r}")
        value = values[field]
        if spec and spec.startswith("n:") and isinstance(value, int):
            # A number and a noun from the table above: safe as is, and a bare number needs no
            # isolation, as an int value gets none.
            out.append(count_noun(value, spec[2:], lang))
            continue
        if conversion or spec:
            value = format(_FORMATTER.convert_field(value, conversion), spec or "")
        out.append(_value(value, as_html=as_html))
    return "".join(out)


def _literal(literal: str, *, rtl: bool, as_html: bool) -> str:
    if not rtl or not literal:
        return literal
    if not as_html:
        return wrap_ltr_runs(literal, rtl=True)
    # Isolate only the text between tags: a tag name is Latin too.
    pieces: list[str] = []
    last = 0
    for tag in _TAG_OR_ENTITY.finditer(literal):
        pieces.append(wrap_ltr_runs(literal[last : tag.start()], rtl=True))
        pieces.append(tag.group())
        last = tag.end()
    pieces.append(wrap_ltr_runs(literal[last:], rtl=True))
    return "".join(pieces)


def _value(value: object, *, as_html: bool) -> str:
    if isinstance(value, Html):
        return str(value) if as_html else html.unescape(_TAG_OR_ENTITY.sub("", value))
    if isinstance(value, int | float):
        return str(value)
    shown = wrap_ltr_runs(str(value))
    return isolate(html.escape(shown, quote=False) if as_html else shown)


# How much of a user's own input a reply quotes back: enough to recognise it, never enough
# to push a reply past Telegram's 4096 characters (a pasted article is not a keyword).
ECHO_CHARS: Final = 80


def clip(value: str, limit: int = ECHO_CHARS) -> str:
    """`value` on one line, cut to `limit` characters with «…» when longer (for quoting)."""
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def text(key: str, lang: Lang, **values: object) -> str:
    """The HTML text `key` in `lang`, with `values` escaped and isolated."""
    return _fill(key, lang, values, as_html=True)


def plain(key: str, lang: Lang, **values: object) -> str:
    """The plain text `key` in `lang` (button labels, command menus): no HTML, isolated values."""
    return _fill(key, lang, values, as_html=False)


def query_error(code: str, lang: Lang) -> str:
    """The plain-language reason for a `QueryError` code, with an example of valid input."""
    key = f"query_error.{code}"
    return plain(key if key in _TEXTS else "query_error.other", lang)


def mode_label(mode: str, lang: Lang) -> str:
    """The name of a delivery mode as the user sees it (the raw name if it has no entry)."""
    key = f"mode.{mode}"
    return plain(key, lang) if key in _TEXTS else mode


def command_descriptions(lang: Lang, *, admin: bool = False) -> list[tuple[str, str]]:
    """(command, description) pairs for `setMyCommands`, in menu order (with the admin
    commands at the end when `admin`)."""
    commands = COMMANDS + ADMIN_COMMANDS if admin else COMMANDS
    return [(command, plain(f"cmd.{command}", lang)) for command in commands]
