"""Retention (MARSAD_RETENTION_DAYS): processed inbox files and old articles' bodies go.

Processed files live in `<inbox>/processed/YYYY-MM-DD/` (the day in MARSAD_TIMEZONE): a
folder whose day is older than the limit is removed whole. Articles stored before the limit
keep their title and metadata and lose their body (storage.retention), unless an alert of
theirs is still to be delivered. Quarantined files are kept: someone should look at them.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.settings import Settings
from storage.db import open_database
from storage.retention import prune_article_bodies

__all__ = ["PruneReport", "prune"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PruneReport:
    folders: int
    files: int
    bodies: int


def prune(settings: Settings, *, days: int, now: datetime) -> PruneReport:
    """Remove what is older than `days` days; blocking (a worker thread in the bot). Uses its
    own connection, so the bot's connection and its transactions are never shared."""
    cutoff = now - timedelta(days=days)
    folders, files = _prune_processed(
        settings.inbox / "processed", cutoff.astimezone(settings.zone).date()
    )
    db = open_database(settings.database)
    try:
        bodies = prune_article_bodies(db, before=cutoff)
    finally:
        db.close()
    report = PruneReport(folders, files, bodies)
    log.info(
        "retention (%d days): %d processed folder(s) with %d file(s) removed, %d article "
        "body(ies) emptied",
        days,
        report.folders,
        report.files,
        report.bodies,
    )
    return report


def _prune_processed(root: Path, before: date) -> tuple[int, int]:
    folders = files = 0
    if not root.is_dir():
        return 0, 0
    for folder in sorted(root.iterdir()):
        try:
            day = date.fromisoformat(folder.name)
        except ValueError:
            continue  # not one of ours: left alone
        if day >= before or not folder.is_dir() or folder.is_symlink():
            continue
        count = sum(1 for path in folder.rglob("*") if not path.is_dir())
        try:
            shutil.rmtree(folder)
        except OSError as exc:
            log.warning("retention: cannot remove %s: %s", folder, exc)
            continue
        folders += 1
        files += count
    return folders, files
