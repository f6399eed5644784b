"""`marsad run` as a process: the token never shows in any line, Telegram unreachable at start
means retrying with a growing backoff (no traceback), a rejected token ends it in one line."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import httpx

from bot.sandbox import Sandbox
from tests.test_ops_health import free_port

WRONG_TOKEN = "987654321:WRONG-token-that-Telegram-refuses"
# Start-up: `marsad` imports PTB, aiohttp and the alias tables; slow machines take seconds.
PATIENCE = 60.0


def closed_port() -> int:
    """A loopback port nobody listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def start(tmp_path: Path, token: str, api_url: str, *flags: str, **env: str) -> Process:
    environment = {
        **os.environ,
        "MARSAD_TELEGRAM_TOKEN": token,
        "MARSAD_TELEGRAM_API_URL": api_url,
        "MARSAD_DATA_DIR": str(tmp_path / "data"),
        **env,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", *flags, "run",
        env=environment, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    return Process(process)


class Process:
    """A child `marsad run` whose output is read line by line as it comes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[str] = []

    async def wait_for_line(self, needle: str, seconds: float = PATIENCE) -> str:
        async def read() -> str:
            assert self.process.stdout is not None
            while True:
                raw = await self.process.stdout.readline()
                if not raw:
                    raise AssertionError(f"exited before «{needle}»:\n" + "".join(self.lines))
                line = raw.decode("utf-8", "replace")
                self.lines.append(line)
                if needle in line:
                    return line

        return await asyncio.wait_for(read(), seconds)

    async def finish(self, seconds: float = PATIENCE) -> int:
        """Wait for the exit, keeping the rest of the output; the exit code."""
        assert self.process.stdout is not None
        rest = await asyncio.wait_for(self.process.stdout.read(), seconds)
        self.lines.extend(rest.decode("utf-8", "replace").splitlines(keepends=True))
        return await asyncio.wait_for(self.process.wait(), seconds)

    async def stop(self) -> int:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        return await self.finish()

    @property
    def output(self) -> str:
        return "".join(self.lines)


def assert_clean(output: str, token: str) -> None:
    assert output.strip()
    assert token not in output
    assert token.split(":")[1] not in output
    assert "Traceback" not in output


async def test_unreachable_telegram_is_retried_with_backoff(tmp_path: Path) -> None:
    token = "123456789:SECRET-token-of-an-unreachable-bot"
    child = await start(
        tmp_path,
        token,
        f"http://127.0.0.1:{closed_port()}/bot",
        "-v",
        MARSAD_START_RETRY_BASE="0.05",
        MARSAD_START_RETRY_MAX="0.4",
    )
    try:
        await child.wait_for_line("(attempt 6:")
        assert child.process.returncode is None  # still trying
    finally:
        code = await child.stop()
    assert code == 0  # SIGTERM while waiting is a clean stop
    output = child.output
    assert_clean(output, token)
    retries = [line for line in output.splitlines() if "Telegram unreachable" in line]
    delays = [float(line.rsplit("retrying in ", 1)[1].split()[0]) for line in retries[:6]]
    assert delays == [0.05, 0.1, 0.2, 0.4, 0.4, 0.4]


async def test_rejected_token_ends_with_one_line(tmp_path: Path, sandbox: Sandbox) -> None:
    child = await start(tmp_path, WRONG_TOKEN, sandbox.api_url)
    code = await child.finish()
    assert code == 1
    assert_clean(child.output, WRONG_TOKEN)
    assert child.output.splitlines() == [
        "marsad run: Telegram rejected the bot token (401 Unauthorized): check "
        "MARSAD_TELEGRAM_TOKEN against @BotFather"
    ]


async def test_rejected_token_verbose_shows_no_token(tmp_path: Path, sandbox: Sandbox) -> None:
    child = await start(tmp_path, WRONG_TOKEN, sandbox.api_url, "-vv")
    assert await child.finish() == 1
    assert_clean(child.output, WRONG_TOKEN)
    assert "marsad run: Telegram rejected the bot token" in child.output.splitlines()[-1]


async def test_good_token_never_logged_even_at_double_verbose(
    tmp_path: Path, sandbox: Sandbox
) -> None:
    port = free_port()
    child = await start(tmp_path, sandbox.token, sandbox.api_url, "-vv", MARSAD_HTTP_PORT=str(port))
    try:
        await child.wait_for_line("Application started")
        sandbox.user_says(11, "/start")
        await sandbox.wait_for_messages(11, 1, seconds=PATIENCE)
        async with httpx.AsyncClient() as client:
            health = await client.get(f"http://127.0.0.1:{port}/healthz")
            metrics = await client.get(f"http://127.0.0.1:{port}/metrics")
    finally:
        code = await child.stop()
    assert code == 0
    assert health.status_code == 200, health.text
    assert "marsad_alerts_sent_total" in metrics.text
    output = child.output
    assert_clean(output, sandbox.token)
    assert "sendMessage" in output  # -vv really logged the Bot API requests, URLs masked
    assert "/bot<secret>/" in output


async def test_outage_while_running_is_one_line_per_retry(tmp_path: Path) -> None:
    async with Sandbox() as sandbox:
        child = await start(tmp_path, sandbox.token, sandbox.api_url)
        try:
            await child.wait_for_line("Application started")
            await sandbox.stop()  # Telegram goes away while the bot polls
            await child.wait_for_line("Telegram unreachable (")
            await sandbox.start()  # and comes back on the same address
            sandbox.user_says(12, "/start")
            await sandbox.wait_for_messages(12, 1, seconds=PATIENCE)
        finally:
            code = await child.stop()
    assert code == 0
    assert_clean(child.output, sandbox.token)
    assert all(line[:4].isdigit() for line in child.output.splitlines())  # one line per record
