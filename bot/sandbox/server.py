"""The sandbox over HTTP: the Bot API at `/bot<token>/<method>`, a control API at `/sandbox/`.

Start it in-process (`async with Sandbox() as sandbox:`) or as `marsad sandbox --port N`.
The bot talks to `sandbox.api_url` exactly as it talks to `https://api.telegram.org/bot`.
Tests and the demo drive the users' side either through the Python methods of `Sandbox`
(`user_says`, `press_button`, `sent_to`, `create_group`, `block`, `outage`, ...) or through
the HTTP control endpoints (listed in `Sandbox.control_routes`), which take and give JSON.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import fields
from typing import Any

from aiohttp import web

from bot.sandbox.limits import Faults, Limits
from bot.sandbox.world import (
    ApiError,
    Event,
    Json,
    Params,
    SandboxChat,
    SandboxError,
    SandboxUser,
    SandboxWorld,
    StoredMessage,
    Upload,
)

__all__ = ["DEFAULT_TOKEN", "Sandbox", "serve"]

DEFAULT_TOKEN = "123456789:SANDBOX-marsad-local-token"
_CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
_BAD_GATEWAY = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _message_view(message: StoredMessage) -> Json:
    return {
        "message_id": message.message_id,
        "chat_id": message.chat_id,
        "from_bot": message.from_bot,
        "text": message.text,
        "html": message.raw_text,
        "parse_mode": message.parse_mode,
        "buttons": message.buttons,
        "document": message.document.filename if message.document else None,
        "silent": message.disable_notification,
        "edited": message.edit_date is not None,
        "deleted": message.deleted,
        "date": message.date,
    }


class Sandbox:
    """A local Bot API server: async context manager, or `start()`/`stop()`."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        limits: Limits | None = None,
        faults: Faults | None = None,
        seed: int | None = None,
    ) -> None:
        self.world = SandboxWorld(token, limits)
        self.faults = faults or Faults()
        self.host = host
        self.port = port
        self._random = random.Random(seed)
        self._runner: web.AppRunner | None = None

    # ---- lifecycle ---------------------------------------------------------------------------

    @property
    def token(self) -> str:
        return self.world.token

    @property
    def limits(self) -> Limits:
        return self.world.limits

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_url(self) -> str:
        """What MARSAD_TELEGRAM_API_URL (PTB's base_url) must be: the token is appended."""
        return f"{self.base_url}/bot"

    def application(self) -> web.Application:
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_route("GET", "/file/bot{token}/{path:.*}", self._file)
        for method, path, handler in self.control_routes():
            app.router.add_route(method, path, handler)
        return app

    async def start(self) -> None:
        self._runner = web.AppRunner(self.application(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        address = self._runner.addresses[0]
        self.port = int(address[1])

    async def stop(self) -> None:
        if self._runner is not None:
            self.world.poll_generation += 1  # release long polls at once
            self.world.notify()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ---- in-process control API ----------------------------------------------------------------

    def add_user(self, user_id: int, first_name: str = "", **kwargs: Any) -> SandboxUser:
        return self.world.add_user(user_id, first_name, **kwargs)

    def user_says(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        *,
        reply_to: int | None = None,
    ) -> StoredMessage:
        """Send text (a command if it starts with /) as a user; adds the user if unknown."""
        if user_id not in self.world.users:
            self.world.add_user(user_id)
        return self.world.user_says(user_id, text, chat_id, reply_to=reply_to)

    def user_sends_file(
        self,
        user_id: int,
        filename: str,
        data: bytes,
        *,
        content_type: str = "application/json",
        caption: str = "",
        chat_id: int | None = None,
    ) -> StoredMessage:
        """Send a document as a user (the bot downloads it with getFile)."""
        if user_id not in self.world.users:
            self.world.add_user(user_id)
        upload = Upload(filename, content_type, data)
        return self.world.user_says(user_id, caption, chat_id, document=upload)

    def user_sends_media(self, user_id: int, kind: str, chat_id: int | None = None) -> int:
        """Send a sticker, photo, voice note or location (sandbox.world.MEDIA) as a user."""
        if user_id not in self.world.users:
            self.world.add_user(user_id)
        return self.world.user_sends_media(user_id, kind, chat_id)

    def user_edits(self, user_id: int, chat_id: int, message_id: int, text: str) -> None:
        """Edit a message the user sent (the bot gets an `edited_message` update)."""
        self.world.user_edits(user_id, chat_id, message_id, text)

    def press_button(
        self, user_id: int, chat_id: int, message_id: int, data: str | None = None
    ) -> str:
        return self.world.press_button(user_id, chat_id, message_id, data)

    def create_group(self, title: str, **kwargs: Any) -> SandboxChat:
        return self.world.create_group(title, **kwargs)

    def block(self, user_id: int, blocked: bool = True) -> None:
        self.world.block(user_id, blocked)

    def sent_to(self, chat_id: int) -> list[StoredMessage]:
        return self.world.sent_to(chat_id)

    def outage(self, seconds: float) -> None:
        """Answer 502 to every Bot API request for the next `seconds`."""
        self.faults.outage_until = time.monotonic() + seconds

    def transcript(self, chat_id: int | None = None) -> list[Event]:
        return [e for e in self.world.events if chat_id is None or e.chat_id == chat_id]

    async def wait_for(
        self, predicate: Callable[[], bool], seconds: float = 10.0, what: str = "condition"
    ) -> None:
        """Wait until `predicate()` holds (checked on every change), or raise TimeoutError."""
        deadline = time.monotonic() + seconds
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"sandbox: timed out after {seconds}s waiting for {what}")
            event = self.world.changed()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), min(remaining, 0.5))

    async def wait_for_messages(
        self, chat_id: int, count: int, seconds: float = 10.0
    ) -> list[StoredMessage]:
        """Wait until the bot has sent at least `count` messages to `chat_id`."""
        await self.wait_for(
            lambda: len(self.sent_to(chat_id)) >= count,
            seconds,
            f"{count} message(s) to chat {chat_id} (got {len(self.sent_to(chat_id))})",
        )
        return self.sent_to(chat_id)

    # ---- Bot API over HTTP -------------------------------------------------------------------

    async def _file(self, request: web.Request) -> web.StreamResponse:
        """File downloads, as https://api.telegram.org/file/bot<token>/<file_path>."""
        if request.match_info["token"] != self.world.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        path = request.match_info["path"]
        upload = self.world.file(path.removeprefix("documents/"))
        if upload is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.Response(body=upload.data, content_type=upload.content_type)

    async def _api(self, request: web.Request) -> web.StreamResponse:
        world = self.world
        token, method = request.match_info["token"], request.match_info["method"]
        world.count("requests")
        if time.monotonic() < self.faults.outage_until:
            world.count("outage_502")
            return web.Response(status=502, text=_BAD_GATEWAY, content_type="text/html")
        if ":" not in token:
            return web.json_response(ApiError(404, "Not Found").to_json(), status=404)
        if token != world.token:
            return web.json_response(ApiError(401, "Unauthorized").to_json(), status=401)
        faulty = await self._inject_faults(method)
        if faulty is not None:
            return faulty
        name = method.lower()
        params = await self._params(request)
        try:
            if name == "getupdates":
                result: Any = await self._get_updates(params)
            else:
                impl = world.methods.get(name)
                if impl is None:
                    raise ApiError(404, "Not Found")
                result = impl(params)
        except ApiError as exc:
            world.count(f"error_{exc.code}")
            return web.json_response(exc.to_json(), status=exc.code)
        return web.json_response({"ok": True, "result": result})

    async def _inject_faults(self, method: str) -> web.StreamResponse | None:
        faults = self.faults
        if not faults.applies_to(method):
            return None
        if faults.latency > 0:
            await asyncio.sleep(faults.latency)
        if faults.timeout_rate > 0 and self._random.random() < faults.timeout_rate:
            # The request is lost: the client times out long before this answer.
            self.world.count("timeouts")
            await asyncio.sleep(faults.hang_seconds)
            return web.Response(status=504, text="Gateway Timeout")
        if faults.error_rate > 0 and self._random.random() < faults.error_rate:
            self.world.count("error_500")
            error = ApiError(500, "Internal Server Error")
            return web.json_response(error.to_json(), status=500)
        return None

    async def _params(self, request: web.Request) -> Params:
        values: dict[str, Any] = dict(request.query)
        files: dict[str, Upload] = {}
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                body = None
            if isinstance(body, dict):
                values.update(body)
        elif request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = Upload(value.filename, value.content_type, value.file.read())
                else:
                    values[key] = value
        return Params(values, files)

    async def _get_updates(self, p: Params) -> list[Json]:
        world = self.world
        world.poll_generation += 1
        generation = world.poll_generation
        world.notify()  # an older long poll ends with 409 Conflict, as on Telegram
        offset = p.integer("offset")
        limit = min(100, max(1, p.integer("limit") or 100))
        try:
            timeout = max(0.0, float(p.string("timeout") or 0))
        except ValueError:
            raise ApiError(400, "Bad Request: invalid timeout specified") from None
        if offset is not None and offset > 0:
            world.updates = [u for u in world.updates if u["update_id"] >= offset]
        elif offset is not None and offset < 0:
            world.updates = world.updates[offset:]
        deadline = time.monotonic() + timeout
        while True:
            if world.poll_generation != generation:
                raise ApiError(409, _CONFLICT)
            if world.updates:
                return world.updates[:limit]
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            event = world.changed()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    # ---- control API over HTTP ---------------------------------------------------------------

    def control_routes(self) -> list[tuple[str, str, Handler]]:
        return [
            ("POST", "/sandbox/users", self._control(self._c_add_user)),
            ("POST", "/sandbox/users/{user_id}/messages", self._control(self._c_user_says)),
            ("POST", "/sandbox/users/{user_id}/block", self._control(self._c_block)),
            ("POST", "/sandbox/callbacks", self._control(self._c_press)),
            ("GET", "/sandbox/chats/{chat_id}/messages", self._control(self._c_sent)),
            ("POST", "/sandbox/groups", self._control(self._c_group)),
            ("POST", "/sandbox/faults", self._control(self._c_faults)),
            ("POST", "/sandbox/limits", self._control(self._c_limits)),
            ("GET", "/sandbox/stats", self._control(self._c_stats)),
            ("GET", "/sandbox/transcript", self._control(self._c_transcript)),
        ]

    @staticmethod
    async def _body(request: web.Request) -> Json:
        try:
            body = await request.json()
        except ValueError:
            raise SandboxError("the body must be a JSON object") from None
        if not isinstance(body, dict):
            raise SandboxError("the body must be a JSON object")
        return body

    @staticmethod
    def _control(
        action: Callable[[web.Request], Awaitable[Any]],
    ) -> Handler:
        async def handler(request: web.Request) -> web.StreamResponse:
            try:
                return web.json_response({"ok": True, "result": await action(request)})
            except (SandboxError, KeyError, TypeError, ValueError) as exc:
                return web.json_response({"ok": False, "error": str(exc)}, status=400)

        return handler

    async def _c_add_user(self, request: web.Request) -> Any:
        body = await self._body(request)
        user = self.add_user(
            int(body["id"]),
            str(body.get("first_name", "")),
            username=body.get("username"),
            language_code=body.get("language_code", "ar"),
        )
        return user.to_json()

    async def _c_user_says(self, request: web.Request) -> Any:
        body = await self._body(request)
        chat_id = body.get("chat_id")
        message = self.user_says(
            int(request.match_info["user_id"]),
            str(body["text"]),
            int(chat_id) if chat_id is not None else None,
        )
        return _message_view(message)

    async def _c_block(self, request: web.Request) -> Any:
        body = await self._body(request)
        self.block(int(request.match_info["user_id"]), bool(body.get("blocked", True)))
        return True

    async def _c_press(self, request: web.Request) -> Any:
        body = await self._body(request)
        data = body.get("data")
        return {
            "callback_query_id": self.press_button(
                int(body["user_id"]),
                int(body["chat_id"]),
                int(body["message_id"]),
                str(data) if data is not None else None,
            )
        }

    async def _c_sent(self, request: web.Request) -> Any:
        return [_message_view(m) for m in self.sent_to(int(request.match_info["chat_id"]))]

    async def _c_group(self, request: web.Request) -> Any:
        body = await self._body(request)
        chat = self.create_group(
            str(body["title"]),
            admins=[int(u) for u in body.get("admins", [])],
            members=[int(u) for u in body.get("members", [])],
            supergroup=bool(body.get("supergroup", True)),
            bot_admin=bool(body.get("bot_admin", False)),
        )
        return {"id": chat.id, "type": chat.type, "title": chat.title}

    async def _c_faults(self, request: web.Request) -> Any:
        body = await self._body(request)
        known = {f.name for f in fields(Faults)}
        for key, value in body.items():
            if key == "outage_seconds":
                self.outage(float(value))
            elif key == "methods":
                self.faults.methods = (
                    frozenset(str(m).lower() for m in value) if value is not None else None
                )
            elif key in known:
                setattr(self.faults, key, float(value))
            else:
                raise SandboxError(f"unknown fault {key!r}")
        return True

    async def _c_limits(self, request: web.Request) -> Any:
        body = await self._body(request)
        limits = self.limits
        for key, value in body.items():
            if key not in {f.name for f in fields(Limits)}:
                raise SandboxError(f"unknown limit {key!r}")
            current = getattr(limits, key)
            setattr(limits, key, type(current)(value))
        return True

    async def _c_stats(self, request: web.Request) -> Any:
        return dict(self.world.counters)

    async def _c_transcript(self, request: web.Request) -> Any:
        raw = request.query.get("chat_id")
        chat_id = int(raw) if raw else None
        return [
            {"at": e.at, "chat_id": e.chat_id, "kind": e.kind, "text": e.text}
            for e in self.transcript(chat_id)
        ]


async def serve(sandbox: Sandbox, stop: asyncio.Event) -> None:
    """Run `sandbox` until `stop` is set (`marsad sandbox` sets it on SIGINT/SIGTERM)."""
    async with sandbox:
        print(
            f"Marsad sandbox (local Bot API) on {sandbox.base_url}\n"
            f"  MARSAD_TELEGRAM_API_URL={sandbox.api_url}\n"
            f"  MARSAD_TELEGRAM_TOKEN={sandbox.token}\n"
            f"  control API: {sandbox.base_url}/sandbox/ (users, messages, callbacks, groups, "
            "faults, limits, stats, transcript)",
            flush=True,
        )
        await stop.wait()
