"""Telegram's flood limits as the sandbox enforces them, and the faults it can inject.

Telegram documents its limits loosely ("about 30 messages per second", "no more than one
message per second" in a chat with "short bursts" allowed, "no more than 20 messages per
minute" in a group). The sandbox makes them exact and configurable: a sliding one-second
window for the bot overall, a token bucket per private chat, a sliding window per group.
Beyond them a request gets 429 with `parameters.retry_after` in whole seconds, as Telegram does.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field

__all__ = ["Faults", "FloodControl", "Limits"]


@dataclass
class Limits:
    """Flood limits; `enabled=False` lets everything through (benchmarks of other parts)."""

    enabled: bool = True
    global_per_second: float = 30.0
    chat_per_second: float = 1.0
    chat_burst: int = 3
    group_per_window: int = 20
    group_window: float = 60.0


@dataclass
class Faults:
    """Faults injected on Bot API requests (never on the control API).

    `methods` limits the 5xx/latency/timeout faults to some Bot API methods (lower-case
    names); None means every method. An outage window (monotonic seconds) answers 502 to
    everything, as Telegram's front servers do when the API is down.
    """

    error_rate: float = 0.0
    latency: float = 0.0
    timeout_rate: float = 0.0
    hang_seconds: float = 30.0
    methods: frozenset[str] | None = None
    outage_until: float = 0.0

    def applies_to(self, method: str) -> bool:
        return self.methods is None or method.lower() in self.methods


def _retry_after(seconds: float) -> int:
    """Telegram always says a whole number of seconds, at least one."""
    return max(1, math.ceil(seconds))


@dataclass
class FloodControl:
    """Counts accepted messages and says how long a new one must wait (0 = go)."""

    limits: Limits
    _global: deque[float] = field(default_factory=deque)
    _buckets: dict[int, tuple[float, float]] = field(default_factory=dict)  # tokens, at
    _groups: dict[int, deque[float]] = field(default_factory=dict)

    def check(self, chat_id: int | None, is_group: bool, now: float) -> int:
        """Retry-after in seconds if sending now would break a limit, else 0.

        `chat_id=None` checks the bot-wide limit only (edits, which Telegram counts overall).
        """
        limits = self.limits
        if not limits.enabled:
            return 0
        window = self._global
        while window and window[0] <= now - 1.0:
            window.popleft()
        if len(window) + 1 > limits.global_per_second:
            return _retry_after(window[0] + 1.0 - now)
        if chat_id is None:
            return 0
        if is_group:
            group = self._groups.get(chat_id)
            if group is not None:
                while group and group[0] <= now - limits.group_window:
                    group.popleft()
                if len(group) + 1 > limits.group_per_window:
                    return _retry_after(group[0] + limits.group_window - now)
        tokens = self._tokens(chat_id, now)
        if tokens < 1.0:
            return _retry_after((1.0 - tokens) / limits.chat_per_second)
        return 0

    def record(self, chat_id: int | None, is_group: bool, now: float) -> None:
        """Count one accepted message."""
        if not self.limits.enabled:
            return
        self._global.append(now)
        if chat_id is None:
            return
        if is_group:
            self._groups.setdefault(chat_id, deque()).append(now)
        self._buckets[chat_id] = (self._tokens(chat_id, now) - 1.0, now)

    def _tokens(self, chat_id: int, now: float) -> float:
        burst = float(self.limits.chat_burst)
        tokens, at = self._buckets.get(chat_id, (burst, now))
        return min(burst, tokens + (now - at) * self.limits.chat_per_second)
