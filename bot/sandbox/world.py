"""The sandbox's Telegram: users, chats, messages, updates, and the Bot API methods over them.

Everything here is plain state and synchronous method bodies; `bot.sandbox.server` puts it
behind HTTP and adds long polling and faults. Requests and answers follow
https://core.telegram.org/bots/api: values arrive as JSON (typed) or as form fields (strings,
with objects JSON-encoded, which is how python-telegram-bot sends them), results are wrapped
in `{"ok": true, "result": ...}` and errors are `{"ok": false, "error_code", "description"}`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.html import Entity, EntityParseError, parse_html, utf16_len
from bot.sandbox.limits import FloodControl, Limits

__all__ = [
    "ApiError",
    "Params",
    "SandboxChat",
    "SandboxError",
    "SandboxUser",
    "SandboxWorld",
    "StoredMessage",
    "Upload",
]

Json = dict[str, Any]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_pin_messages",
)


# What `user_sends_media` attaches, in the Bot API's message fields.
MEDIA: dict[str, Json] = {
    "sticker": {"sticker": {"file_id": "STK", "file_unique_id": "STKU", "type": "regular",
                            "width": 512, "height": 512, "is_animated": False,
                            "is_video": False}},
    "photo": {"photo": [{"file_id": "PHO", "file_unique_id": "PHOU", "width": 90,
                         "height": 90}]},
    "voice": {"voice": {"file_id": "VOI", "file_unique_id": "VOIU", "duration": 2}},
    "location": {"location": {"latitude": 24.71, "longitude": 46.67}},
}  # fmt: skip


class ApiError(Exception):
    """A Bot API error answer: HTTP status = error_code, Telegram's description."""

    def __init__(self, code: int, description: str, parameters: Json | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_json(self) -> Json:
        data: Json = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            data["parameters"] = self.parameters
        return data


def bad_request(what: str, parameters: Json | None = None) -> ApiError:
    return ApiError(400, f"Bad Request: {what}", parameters)


class SandboxError(Exception):
    """A control-API call that makes no sense (unknown user, no such button)."""


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


class Params:
    """A request's parameters, whether they came as JSON values or as form strings."""

    def __init__(self, values: Mapping[str, Any], files: Mapping[str, Upload] | None = None):
        self.values = dict(values)
        self.files = dict(files or {})

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "") or name in self.files

    def string(self, name: str) -> str | None:
        value = self.values.get(name)
        if value is None:
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise bad_request(f"invalid {name} specified")
        if isinstance(value, int):
            return value
        try:
            return int(str(value))
        except ValueError:
            raise bad_request(f"invalid {name} specified") from None

    def boolean(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1")

    def obj(self, name: str) -> Any:
        value = self.values.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {name} JSON object") from None
        return value


@dataclass
class SandboxUser:
    id: int
    first_name: str
    username: str | None = None
    language_code: str | None = "ar"
    blocked: bool = False
    deactivated: bool = False
    started: bool = True

    def to_json(self) -> Json:
        data: Json = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass
class StoredMessage:
    """One message in a chat, sent by the bot or by a user."""

    message_id: int
    chat_id: int
    date: int
    from_bot: bool
    user_id: int | None
    text: str  # after entity parsing: what the user reads
    raw_text: str  # as sent (HTML source for parse_mode=HTML)
    parse_mode: str | None = None
    entities: list[Entity] = field(default_factory=list)
    reply_markup: Json | None = None
    document: Upload | None = None
    edit_date: int | None = None
    deleted: bool = False
    disable_notification: bool = False  # sent silently (quiet hours)
    reply_to: int | None = None  # the message id this one replies to

    @property
    def buttons(self) -> list[list[tuple[str, str]]]:
        """Inline keyboard as rows of (text, callback_data or url)."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [
            [(b["text"], b.get("callback_data") or b.get("url") or "") for b in row] for row in rows
        ]


@dataclass
class SandboxChat:
    id: int
    type: str  # private | group | supergroup
    title: str | None = None
    user_id: int | None = None
    members: dict[int, str] = field(default_factory=dict)  # user id -> status
    bot_status: str = "member"
    migrated_to: int | None = None
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")


@dataclass
class Event:
    """One line of the transcript: who said what, in which chat, when."""

    at: float
    chat_id: int
    kind: str  # user | bot | edit | callback | answer | delete
    message: StoredMessage | None = None
    text: str = ""


class SandboxWorld:
    """The state of the sandbox's Telegram and the Bot API methods that act on it."""

    def __init__(self, token: str, limits: Limits | None = None) -> None:
        bot_id, _, _secret = token.partition(":")
        self.token = token
        self.bot_id = int(bot_id) if bot_id.isdigit() else 1
        self.bot_username = "marsad_sandbox_bot"
        self.limits = limits or Limits()
        self.flood = FloodControl(self.limits)
        self.users: dict[int, SandboxUser] = {}
        self.chats: dict[int, SandboxChat] = {}
        self.updates: list[Json] = []
        self.next_update_id = 1
        self.callback_queries: dict[str, Json] = {}
        self.callback_answers: dict[str, Json] = {}
        self.commands: dict[str, list[Json]] = {}
        self.events: list[Event] = []
        self.poll_generation = 0
        self.counters: dict[str, int] = {}
        self._ids = itertools.count(1)
        self._group_ids = itertools.count(1)
        self._changed: asyncio.Event | None = None
        self.methods: dict[str, Callable[[Params], Any]] = {
            "getme": self.get_me,
            "logout": lambda p: True,
            "close": lambda p: True,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "sendmessage": self.send_message,
            "senddocument": self.send_document,
            "editmessagetext": self.edit_message_text,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "answercallbackquery": self.answer_callback_query,
            "deletemessage": self.delete_message,
            "sendchataction": self.send_chat_action,
            "getchat": self.get_chat,
            "getchatmember": self.get_chat_member,
            "getfile": self.get_file,
            "getchatadministrators": self.get_chat_administrators,
            "getchatmembercount": self.get_chat_member_count,
            "leavechat": self.leave_chat,
        }

    # ---- change notification (long polling and test waits) ----------------------------------

    def changed(self) -> asyncio.Event:
        if self._changed is None:
            self._changed = asyncio.Event()
        return self._changed

    def notify(self) -> None:
        """Wake everyone waiting on the world (getUpdates, wait_for)."""
        event = self.changed()
        self._changed = asyncio.Event()
        event.set()

    def count(self, name: str) -> None:
        self.counters[name] = self.counters.get(name, 0) + 1

    # ---- control side: the users' world ------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str = "",
        *,
        username: str | None = None,
        language_code: str | None = "ar",
        started: bool = True,
    ) -> SandboxUser:
        """A Telegram user; `started` means they opened a private chat with the bot."""
        user = self.users.get(user_id)
        if user is None:
            user = SandboxUser(user_id, first_name or f"User {user_id}", username, language_code)
            self.users[user_id] = user
        user.started = user.started or started
        if started and user_id not in self.chats:
            self.chats[user_id] = SandboxChat(user_id, "private", user_id=user_id)
        return user

    def create_group(
        self,
        title: str,
        *,
        admins: list[int] | tuple[int, ...] = (),
        members: list[int] | tuple[int, ...] = (),
        supergroup: bool = True,
        bot_admin: bool = False,
    ) -> SandboxChat:
        """A group with the bot in it; the first admin is the creator."""
        number = next(self._group_ids)
        chat_id = -(1_000_000_000_000 + number) if supergroup else -(4_000_000 + number)
        chat = SandboxChat(chat_id, "supergroup" if supergroup else "group", title=title)
        for index, user_id in enumerate(admins):
            self.add_user(user_id, started=False)
            chat.members[user_id] = "creator" if index == 0 else "administrator"
        for user_id in members:
            self.add_user(user_id, started=False)
            chat.members.setdefault(user_id, "member")
        chat.bot_status = "administrator" if bot_admin else "member"
        self.chats[chat_id] = chat
        adder = admins[0] if admins else None
        self._member_update(chat, adder, "left", chat.bot_status)
        return chat

    def migrate_group(self, chat_id: int) -> SandboxChat:
        """Upgrade a basic group to a supergroup: the old id answers with migrate_to_chat_id."""
        old = self._chat(chat_id)
        if old.type != "group":
            raise SandboxError(f"chat {chat_id} is not a basic group")
        new = SandboxChat(
            -(1_000_000_000_000 + next(self._group_ids)),
            "supergroup",
            title=old.title,
            members=dict(old.members),
            bot_status=old.bot_status,
        )
        old.migrated_to = new.id
        self.chats[new.id] = new
        return new

    def block(self, user_id: int, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot; Telegram tells the bot with my_chat_member."""
        user = self._user(user_id)
        if user.blocked == blocked:
            return
        user.blocked = blocked
        chat = self.chats.get(user_id)
        if chat is not None:
            old, new = ("member", "kicked") if blocked else ("kicked", "member")
            self._member_update(chat, user_id, old, new)

    def deactivate(self, user_id: int) -> None:
        self._user(user_id).deactivated = True

    def remove_bot(self, chat_id: int) -> None:
        """An admin kicks the bot out of a group."""
        chat = self._chat(chat_id)
        old = chat.bot_status
        chat.bot_status = "kicked"
        admins = [u for u, s in chat.members.items() if s in ("creator", "administrator")]
        self._member_update(chat, admins[0] if admins else None, old, "kicked")

    def user_says(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        *,
        reply_to: int | None = None,
        document: Upload | None = None,
    ) -> StoredMessage:
        """A user sends a text message (a command if it starts with /) to a chat with the bot;
        `reply_to` makes it a reply to that message, `document` attaches a file (the text is
        then its caption)."""
        user = self._user(user_id)
        if chat_id is None:
            chat_id = user_id
            user.started = True
            if user_id not in self.chats:
                self.chats[user_id] = SandboxChat(user_id, "private", user_id=user_id)
            if user.blocked and text.startswith("/start"):
                self.block(user_id, False)
        chat = self._chat(chat_id)
        if chat.is_group and user_id not in chat.members:
            raise SandboxError(f"user {user_id} is not a member of chat {chat_id}")
        entities = [
            Entity("bot_command", utf16_len(text[: m.start()]), utf16_len(m.group()))
            for m in _COMMAND.finditer(text)
        ]
        message = self._store(chat, from_bot=False, user_id=user_id, text=text, raw=text)
        message.entities = entities
        if reply_to is not None:
            if reply_to not in chat.messages:
                raise SandboxError(f"no message {reply_to} in chat {chat.id} to reply to")
            message.reply_to = reply_to
        message.document = document
        self.events.append(Event(time.time(), chat.id, "user", message, text))
        self._push_update({"message": self._message_json(message)})
        return message

    def user_sends_media(self, user_id: int, kind: str, chat_id: int | None = None) -> int:
        """A user sends something that is not text (`kind` a key of MEDIA: a sticker, a
        photo, a voice note, a location); returns its message id."""
        chat = self._chat(user_id if chat_id is None else chat_id)
        self._user(user_id)
        message = self._store(chat, from_bot=False, user_id=user_id, text="", raw="")
        body = self._message_json(message)
        body.update(MEDIA[kind])
        self.events.append(Event(time.time(), chat.id, "user", message, f"[{kind}]"))
        self._push_update({"message": body})
        return message.message_id

    def user_edits(self, user_id: int, chat_id: int, message_id: int, text: str) -> None:
        """A user edits a message they sent: Telegram sends it again as `edited_message`."""
        message = self._chat(chat_id).messages.get(message_id)
        if message is None or message.from_bot or message.user_id != user_id:
            raise SandboxError(f"user {user_id} sent no message {message_id} in chat {chat_id}")
        message.text = message.raw_text = text
        message.entities = [
            Entity("bot_command", utf16_len(text[: m.start()]), utf16_len(m.group()))
            for m in _COMMAND.finditer(text)
        ]
        message.edit_date = int(time.time())
        self.events.append(Event(time.time(), chat_id, "user", message, text))
        self._push_update({"edited_message": self._message_json(message)})

    def press_button(
        self, user_id: int, chat_id: int, message_id: int, data: str | None = None
    ) -> str:
        """A user presses an inline button (by callback data; the first one if None)."""
        self._user(user_id)
        chat = self._chat(chat_id)
        message = chat.messages.get(message_id)
        if message is None or message.deleted or not message.from_bot:
            raise SandboxError(f"no bot message {message_id} in chat {chat_id}")
        rows = (message.reply_markup or {}).get("inline_keyboard", [])
        choices = [b for row in rows for b in row]
        button = next(
            (b for b in choices if "callback_data" in b and data in (None, b["callback_data"])),
            None,
        )
        if button is None:
            raise SandboxError(f"message {message_id} has no button with data {data!r}")
        query_id = str(next(self._ids) * 7919 + 10**15)
        query = {
            "id": query_id,
            "from": self.users[user_id].to_json(),
            "message": self._message_json(message),
            "chat_instance": str(abs(chat_id) * 31 + 17),
            "data": button["callback_data"],
        }
        self.callback_queries[query_id] = query
        self.events.append(Event(time.time(), chat_id, "callback", message, button["text"]))
        self._push_update({"callback_query": query})
        return query_id

    def sent_to(self, chat_id: int, *, include_deleted: bool = False) -> list[StoredMessage]:
        """What the bot has sent to a chat, oldest first."""
        chat = self.chats.get(chat_id)
        if chat is None:
            return []
        return [
            m for m in chat.messages.values() if m.from_bot and (include_deleted or not m.deleted)
        ]

    def all_sent(self) -> list[StoredMessage]:
        return [m for chat in self.chats.values() for m in chat.messages.values() if m.from_bot]

    # ---- Bot API methods -----------------------------------------------------------------------

    def bot_json(self) -> Json:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Marsad Sandbox",
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def get_me(self, p: Params) -> Json:
        return self.bot_json()

    def delete_webhook(self, p: Params) -> bool:
        if p.boolean("drop_pending_updates"):
            self.updates.clear()
        return True

    def get_webhook_info(self, p: Params) -> Json:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    def _scope_key(self, p: Params) -> str:
        scope = p.obj("scope") or {"type": "default"}
        if not isinstance(scope, dict) or "type" not in scope:
            raise bad_request("can't parse BotCommandScope JSON object")
        return json.dumps([scope, p.string("language_code") or ""], sort_keys=True)

    def set_my_commands(self, p: Params) -> bool:
        commands = p.obj("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            name = command.get("command", "") if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID")
            description = command.get("description", "")
            if not 1 <= len(description) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(p)] = commands
        return True

    def get_my_commands(self, p: Params) -> list[Json]:
        return self.commands.get(self._scope_key(p), [])

    def delete_my_commands(self, p: Params) -> bool:
        self.commands.pop(self._scope_key(p), None)
        return True

    def send_message(self, p: Params) -> Json:
        chat = self._target(p)
        text, entities = self._formatted(p, "text", "parse_mode", MAX_TEXT, "message is too long")
        markup = self._reply_markup(p)
        self._check_reply(chat, p)
        self._flood(chat)
        message = self._store(chat, from_bot=True, user_id=None, text=text, raw=p.string("text"))
        message.parse_mode = p.string("parse_mode")
        message.entities = entities
        message.reply_markup = markup
        message.disable_notification = p.boolean("disable_notification")
        self.count("messages_sent")
        self.events.append(Event(time.time(), chat.id, "bot", message, text))
        self.notify()
        return self._message_json(message)

    def send_document(self, p: Params) -> Json:
        chat = self._target(p)
        upload = p.files.get("document")
        if upload is None:
            if not p.has("document"):
                raise bad_request("there is no document in the request")
            raise bad_request("wrong file identifier/HTTP URL specified")
        caption: str = ""
        entities: list[Entity] = []
        if p.has("caption"):
            caption, entities = self._formatted(
                p, "caption", "parse_mode", MAX_CAPTION, "message caption is too long"
            )
        markup = self._reply_markup(p)
        self._flood(chat)
        message = self._store(chat, from_bot=True, user_id=None, text=caption, raw=caption)
        message.document = upload
        message.entities = entities
        message.parse_mode = p.string("parse_mode")
        message.reply_markup = markup
        message.disable_notification = p.boolean("disable_notification")
        self.count("messages_sent")
        self.events.append(Event(time.time(), chat.id, "bot", message, f"[{upload.filename}]"))
        self.notify()
        return self._message_json(message)

    def edit_message_text(self, p: Params) -> Json:
        chat, message = self._own_message(p, "message to edit not found")
        text, entities = self._formatted(p, "text", "parse_mode", MAX_TEXT, "message is too long")
        markup = self._reply_markup(p)
        if text == message.text and entities == message.entities and markup == message.reply_markup:
            raise bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        self._flood(chat, per_chat=False)
        message.text, message.raw_text, message.entities = text, p.string("text") or "", entities
        message.parse_mode = p.string("parse_mode")
        message.reply_markup = markup
        message.edit_date = int(time.time())
        self.events.append(Event(time.time(), chat.id, "edit", message, text))
        self.notify()
        return self._message_json(message)

    def edit_message_reply_markup(self, p: Params) -> Json:
        chat, message = self._own_message(p, "message to edit not found")
        markup = self._reply_markup(p)
        if markup == message.reply_markup:
            raise bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        self._flood(chat, per_chat=False)
        message.reply_markup = markup
        message.edit_date = int(time.time())
        self.events.append(Event(time.time(), chat.id, "edit", message, message.text))
        self.notify()
        return self._message_json(message)

    def answer_callback_query(self, p: Params) -> bool:
        query_id = p.string("callback_query_id") or ""
        if query_id not in self.callback_queries or query_id in self.callback_answers:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        text = p.string("text") or ""
        if len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        answer = {"text": text, "show_alert": p.boolean("show_alert"), "url": p.string("url")}
        self.callback_answers[query_id] = answer
        chat_id = self.callback_queries[query_id]["message"]["chat"]["id"]
        self.events.append(Event(time.time(), chat_id, "answer", None, text))
        self.notify()
        return True

    def delete_message(self, p: Params) -> bool:
        chat, message = self._any_message(p, "message to delete not found")
        if not message.from_bot and chat.type == "private":
            pass  # bots may delete incoming messages in private chats
        elif not message.from_bot and chat.bot_status != "administrator":
            raise bad_request("message can't be deleted")
        message.deleted = True
        self.events.append(Event(time.time(), chat.id, "delete", message, message.text))
        self.notify()
        return True

    def send_chat_action(self, p: Params) -> bool:
        self._target(p)
        if p.string("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def get_chat(self, p: Params) -> Json:
        chat = self._readable(p)
        data = self._chat_json(chat)
        data.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return data

    def get_file(self, p: Params) -> Json:
        """A document's download path (`file_path`, relative to /file/bot<token>/)."""
        file_id = p.string("file_id") or ""
        upload = self.file(file_id)
        if upload is None:
            raise bad_request("wrong file_id or the file is temporarily unavailable")
        return {
            "file_id": file_id,
            "file_unique_id": "U" + file_id.removeprefix("DOC"),
            "file_size": len(upload.data),
            "file_path": f"documents/{file_id}",
        }

    def file(self, file_id: str) -> Upload | None:
        """The document behind a file id `DOC<chat id>_<message id>` (see _message_json)."""
        match = re.fullmatch(r"DOC(-?\d+)_(\d+)", file_id)
        if match is None:
            return None
        chat = self.chats.get(int(match.group(1)))
        message = chat.messages.get(int(match.group(2))) if chat is not None else None
        return message.document if message is not None else None

    def get_chat_member(self, p: Params) -> Json:
        chat = self._readable(p)
        user_id = p.integer("user_id")
        if user_id is None:
            raise bad_request("user_id is empty")
        if user_id == self.bot_id:
            return self._member_json(chat, user_id, chat.bot_status)
        if user_id not in self.users:
            raise bad_request("user not found")
        if chat.type == "private":
            status = "member" if user_id == chat.user_id else "left"
        else:
            status = chat.members.get(user_id, "left")
        return self._member_json(chat, user_id, status)

    def get_chat_administrators(self, p: Params) -> list[Json]:
        chat = self._readable(p)
        if chat.type == "private":
            return [self._member_json(chat, chat.user_id or 0, "member")]
        admins = [
            self._member_json(chat, user_id, status)
            for user_id, status in chat.members.items()
            if status in ("creator", "administrator")
        ]
        if chat.bot_status == "administrator":
            admins.append(self._member_json(chat, self.bot_id, "administrator"))
        return admins

    def get_chat_member_count(self, p: Params) -> int:
        chat = self._readable(p)
        if chat.type == "private":
            return 2
        return sum(1 for s in chat.members.values() if s not in ("left", "kicked")) + 1

    def leave_chat(self, p: Params) -> bool:
        chat = self._readable(p)
        if chat.type == "private":
            raise bad_request("chat member status can't be changed in private chats")
        chat.bot_status = "left"
        return True

    # ---- helpers ------------------------------------------------------------------------------

    def _user(self, user_id: int) -> SandboxUser:
        user = self.users.get(user_id)
        if user is None:
            raise SandboxError(f"no user {user_id}; add_user first")
        return user

    def _chat(self, chat_id: int) -> SandboxChat:
        chat = self.chats.get(chat_id)
        if chat is None:
            raise SandboxError(f"no chat {chat_id}")
        return chat

    def _lookup(self, p: Params) -> SandboxChat:
        raw = p.values.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat: SandboxChat | None = None
        if isinstance(raw, str) and raw.startswith("@"):
            name = raw[1:].lower()
            chat = next(
                (
                    self.chats.get(u.id)
                    for u in self.users.values()
                    if u.username and u.username.lower() == name
                ),
                None,
            )
        else:
            chat_id = p.integer("chat_id")
            chat = self.chats.get(chat_id) if chat_id is not None else None
            if chat is None and chat_id in self.users:
                # Telegram knows the user (from a group) but they never opened the bot.
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _readable(self, p: Params) -> SandboxChat:
        chat = self._lookup(p)
        if chat.migrated_to is not None:
            raise bad_request(
                "group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        if chat.is_group and chat.bot_status in ("kicked", "left"):
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat.type} chat")
        return chat

    def _target(self, p: Params) -> SandboxChat:
        """The chat a message goes to, or the error Telegram gives for it."""
        chat = self._readable(p)
        if chat.type == "private":
            user = self.users[chat.user_id or chat.id]
            if user.deactivated:
                raise ApiError(403, "Forbidden: user is deactivated")
            if user.blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if not user.started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        return chat

    def _flood(self, chat: SandboxChat, per_chat: bool = True) -> None:
        now = time.monotonic()
        key = chat.id if per_chat else None
        wait = self.flood.check(key, chat.is_group, now)
        if wait:
            self.count("flood_429")
            raise ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
        self.flood.record(key, chat.is_group, now)

    def _formatted(
        self, p: Params, name: str, mode_name: str, limit: int, too_long: str
    ) -> tuple[str, list[Entity]]:
        raw = p.string(name) or ""
        mode = p.string(mode_name)
        entities: list[Entity] = []
        if mode is not None and mode.lower() == "html":
            try:
                text, entities = parse_html(raw)
            except EntityParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        elif mode in (None, ""):
            text = raw
        else:
            raise bad_request(f"unsupported parse_mode {mode!r} in the sandbox")
        # Telegram trims surrounding whitespace before checking for an empty message.
        stripped = text.strip()
        if not stripped:
            raise bad_request("message text is empty" if name == "text" else "caption is empty")
        if utf16_len(stripped) > limit:
            raise bad_request(too_long)
        shift = utf16_len(text) - utf16_len(text.lstrip())
        if shift:
            entities = [Entity(e.type, e.offset - shift, e.length, e.extra) for e in entities]
        return stripped, entities

    def _reply_markup(self, p: Params) -> Json | None:
        if not p.has("reply_markup"):
            return None
        markup = p.obj("reply_markup")
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return markup  # reply keyboards, force_reply, remove: passed through
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array'
            )
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise bad_request('can\'t find field "text"')
                actions = [k for k in button if k != "text"]
                if len(actions) != 1:
                    raise bad_request(
                        "can't parse inline keyboard button: exactly one of the "
                        "optional fields must be used"
                    )
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                    raise bad_request("BUTTON_DATA_INVALID")
                url = button.get("url")
                if url is not None and not re.match(r"(https?|tg)://\S+$", str(url)):
                    raise bad_request("BUTTON_URL_INVALID")
        return markup

    def _check_reply(self, chat: SandboxChat, p: Params) -> None:
        reply = p.obj("reply_parameters") if p.has("reply_parameters") else None
        target = reply.get("message_id") if isinstance(reply, dict) else None
        if target is None:
            target = p.integer("reply_to_message_id")
            allow = p.boolean("allow_sending_without_reply")
        else:
            allow = bool(reply.get("allow_sending_without_reply")) if reply else False
        if target is None or allow:
            return
        message = chat.messages.get(int(target))
        if message is None or message.deleted:
            raise bad_request("message to be replied not found")

    def _any_message(self, p: Params, missing: str) -> tuple[SandboxChat, StoredMessage]:
        if p.has("inline_message_id"):
            raise bad_request("inline messages are not supported by the sandbox")
        chat = self._readable(p)
        message_id = p.integer("message_id")
        message = chat.messages.get(message_id) if message_id is not None else None
        if message is None or message.deleted:
            raise bad_request(missing)
        return chat, message

    def _own_message(self, p: Params, missing: str) -> tuple[SandboxChat, StoredMessage]:
        chat, message = self._any_message(p, missing)
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return chat, message

    def _store(
        self, chat: SandboxChat, *, from_bot: bool, user_id: int | None, text: str, raw: str | None
    ) -> StoredMessage:
        message = StoredMessage(
            message_id=chat.next_message_id,
            chat_id=chat.id,
            date=int(time.time()),
            from_bot=from_bot,
            user_id=user_id,
            text=text,
            raw_text=raw or "",
        )
        chat.next_message_id += 1
        chat.messages[message.message_id] = message
        return message

    def _push_update(self, body: Json) -> None:
        body["update_id"] = self.next_update_id
        self.next_update_id += 1
        self.updates.append(body)
        self.notify()

    def _member_update(self, chat: SandboxChat, by: int | None, old: str, new: str) -> None:
        actor = self.users[by].to_json() if by in self.users else self.bot_json()
        bot_user = self.bot_json()
        self._push_update(
            {
                "my_chat_member": {
                    "chat": self._chat_json(chat),
                    "from": actor,
                    "date": int(time.time()),
                    "old_chat_member": self._status_json(bot_user, old),
                    "new_chat_member": self._status_json(bot_user, new),
                }
            }
        )

    def _status_json(self, user: Json, status: str) -> Json:
        data: Json = {"user": user, "status": status}
        if status == "kicked":
            data["until_date"] = 0
        if status == "administrator":
            data.update({"can_be_edited": False, "is_anonymous": False})
            data.update(dict.fromkeys(_ADMIN_RIGHTS, True))
        if status == "creator":
            data["is_anonymous"] = False
        return data

    def _member_json(self, chat: SandboxChat, user_id: int, status: str) -> Json:
        user = self.bot_json() if user_id == self.bot_id else self.users[user_id].to_json()
        return self._status_json(user, status)

    def _chat_json(self, chat: SandboxChat) -> Json:
        data: Json = {"id": chat.id, "type": chat.type}
        if chat.type == "private":
            user = self.users[chat.user_id or chat.id]
            data["first_name"] = user.first_name
            if user.username:
                data["username"] = user.username
        else:
            data["title"] = chat.title or ""
        return data

    def _message_json(self, message: StoredMessage) -> Json:
        chat = self.chats[message.chat_id]
        sender = self.bot_json() if message.from_bot else self.users[message.user_id or 0].to_json()
        data: Json = {
            "message_id": message.message_id,
            "from": sender,
            "chat": self._chat_json(chat),
            "date": message.date,
        }
        key = "caption" if message.document is not None else "text"
        if message.text:
            data[key] = message.text
        if message.entities:
            ekey = "caption_entities" if message.document is not None else "entities"
            data[ekey] = [e.to_json() for e in message.entities]
        if message.document is not None:
            doc = message.document
            data["document"] = {
                "file_id": f"DOC{message.chat_id}_{message.message_id}",
                "file_unique_id": f"U{message.chat_id}_{message.message_id}",
                "file_name": doc.filename,
                "mime_type": doc.content_type,
                "file_size": len(doc.data),
            }
        if message.reply_markup is not None and "inline_keyboard" in message.reply_markup:
            data["reply_markup"] = message.reply_markup
        replied = chat.messages.get(message.reply_to) if message.reply_to is not None else None
        if replied is not None and replied.reply_to is None:  # one level, as Telegram nests
            data["reply_to_message"] = self._message_json(replied)
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date
        return data
