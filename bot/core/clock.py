"""The clock type: what jobs, services and the collector call for the current instant.

It is injected rather than read from the system so that tests move time without patching.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

__all__ = ["Clock"]

Clock = Callable[[], datetime]
