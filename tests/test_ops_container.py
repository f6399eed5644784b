"""The container files keep their promises: non-root, data in a volume, health-checked."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _instructions(text: str) -> dict[str, list[str]]:
    """Dockerfile instructions by keyword, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", text)
    found: dict[str, list[str]] = {}
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, rest = line.strip().partition(" ")
            found.setdefault(keyword.upper(), []).append(rest.strip())
    return found


def test_dockerfile_runs_unprivileged_with_a_volume_and_a_health_check() -> None:
    found = _instructions((ROOT / "Dockerfile").read_text(encoding="utf-8"))
    assert found["FROM"][0].startswith("python:") and "slim" in found["FROM"][0]
    assert found["USER"] and found["USER"][-1] not in ("root", "0")
    data = found["VOLUME"][0]
    assert "/srv/marsad/data" in data
    assert any("MARSAD_DATA_DIR=/srv/marsad/data" in env for env in found["ENV"])
    assert "/healthz" in found["HEALTHCHECK"][0]
    assert found["CMD"][-1] == '["marsad", "run"]'


def test_compose_runs_the_bot_with_a_volume_and_an_env_file() -> None:
    compose = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    assert "env_file: .env" in compose
    assert re.search(r"^\s+- marsad-data:/srv/marsad/data$", compose, re.MULTILINE)
    assert re.search(r"^volumes:\n\s+marsad-data:", compose, re.MULTILINE)


def test_secrets_and_local_state_stay_out_of_the_image() -> None:
    ignored = set((ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".env", ".venv", "data", ".git"} <= ignored
