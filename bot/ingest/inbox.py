"""The inbox: article files arrive in a folder and become stored articles, each exactly once.

`InboxScanner.scan` is called every `MARSAD_SCAN_INTERVAL` seconds (by the JobQueue job in the
bot, or by a loop without Telegram). A file is taken only once it is complete (see
`InboxScanner`), then read, decoded, parsed, saved, and moved to `processed/YYYY-MM-DD/`;
a file that cannot become an article moves to `quarantine/` with a `<name>.reason` sidecar.
`ingest_paths` runs the same pipeline over files and folders for a backfill, leaving the
files where they are; backfilled articles are stored as already routed (never alerted).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from stat import S_ISLNK, S_ISREG
from typing import Literal

from sqlite_utils import Database

from bot.core.article import ParsedArticle
from bot.core.stories import SignatureCache
from bot.ingest.articles import (
    ArticleError,
    content_hash,
    decode_article,
    file_kind,
    parse_article,
    read_file,
)
from bot.settings import Settings
from storage.articles import article_id_for_hash, mark_routed, save_article, write_batch

__all__ = [
    "INGEST_BATCH",
    "NAME_MAX",
    "PROCESSED_DIR",
    "QUARANTINE_DIR",
    "FileOutcome",
    "InboxScanner",
    "IngestReport",
    "PreparedFile",
    "ScanReport",
    "collect_files",
    "fit_name",
    "ingest_file",
    "ingest_paths",
    "is_ignored_name",
    "prepare_file",
    "printable",
    "save_prepared",
    "skip_reason",
]

log = logging.getLogger(__name__)

PROCESSED_DIR = "processed"
QUARANTINE_DIR = "quarantine"
# Files saved per transaction: one commit per batch, and each file moved only after it.
INGEST_BATCH = 64
_IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".swp", ".reason")
# Scans after the first that must see a file unchanged before it is taken: two whole intervals.
_STABLE_SCANS = 2
# Bytes in one file name on the file systems we meet (ext4, xfs, btrfs, tmpfs, APFS, NTFS).
NAME_MAX = 255


_LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French", "und": "no known language"}


def printable(text: str) -> str:
    """`text` as one unambiguous line for logs, reports, sidecars and the database.

    File names are bytes: those that are not UTF-8 (kept by Python as lone surrogates) are
    shown as `\\xff`; control and format characters (a new line, a bidi override) as `\\n`,
    `\\u202e`; a backslash is doubled. A name can then neither break an encoder nor forge a
    line of output.
    """
    if text.isascii() and text.isprintable() and "\\" not in text:
        return text
    shown: list[str] = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # one byte that was not UTF-8 (surrogateescape)
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\":
            shown.append("\\\\")
        elif ch.isprintable():
            shown.append(ch)
        elif code < 0x80:
            shown.append(ch.encode("unicode_escape").decode("ascii"))  # \n, \t, \x7f
        else:  # never `\x85` for U+0085: that spelling is a byte's
            shown.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return "".join(shown)


def fit_name(stem: str, tail: str = "", limit: int = NAME_MAX) -> str:
    """`stem + tail` as a file name of at most `limit` bytes: when too long, the stem is cut
    (on a character boundary) and marked with a hash of the whole, so that two long names
    cut alike stay apart and `tail` (`.reason`, `-1.txt`) is kept."""
    name = stem + tail
    if len(os.fsencode(name)) <= limit:
        return name
    whole = os.fsencode(stem)
    mark = "~" + hashlib.sha256(whole).hexdigest()[:8]
    cut = whole[: max(0, limit - len(os.fsencode(tail)) - len(mark))]
    while cut and 0x80 <= cut[-1] < 0xC0:  # continuation bytes of a cut character
        cut = cut[:-1]
    if cut and cut[-1] >= 0xC0:  # and its lead byte
        cut = cut[:-1]
    return os.fsdecode(cut) + mark + tail


def skip_reason(path: Path, folder: Path | None = None) -> str | None:
    """Why `path` is not an article file to read, or None when it is a regular file.

    Looks without following or opening: a dangling symbolic link, a link leading out of
    `folder` (when given), a FIFO (opening one would wait for a writer for ever), a socket,
    a device or a folder are skipped.
    """
    try:
        mode = os.lstat(path).st_mode
        if S_ISLNK(mode):
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                return "dangling symbolic link"
            if folder is not None and not target.is_relative_to(folder.resolve()):
                return f"symbolic link out of the folder (to {printable(str(target))})"
            mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if not S_ISREG(mode):
        return f"not a regular file ({file_kind(mode)})"
    return None


def is_ignored_name(name: str) -> bool:
    """Names a producer uses while writing (or that are ours): never read as articles."""
    lowered = name.lower()
    return name.startswith((".", "~")) or lowered.endswith(_IGNORED_SUFFIXES)


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one file."""

    path: Path
    kind: Literal["new", "duplicate", "quarantined"]
    article_id: int | None = None
    story_id: int | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PreparedFile:
    """A file read, decoded and parsed, not yet saved."""

    path: Path
    parsed: ParsedArticle
    digest: str


def ingest_file(
    path: Path,
    db: Database,
    settings: Settings,
    now: datetime,
    signatures: SignatureCache | None = None,
) -> FileOutcome:
    """Read, decode, parse and save one file. Never raises ArticleError: it becomes an outcome.

    Database errors do propagate: they are not the file's fault, and the file must stay
    where it is to be tried again.
    """
    prepared = prepare_file(path, db, settings)
    if isinstance(prepared, FileOutcome):
        return prepared
    return save_prepared(prepared, db, now, signatures)


def prepare_file(path: Path, db: Database, settings: Settings) -> FileOutcome | PreparedFile:
    """Read, decode and parse one file, writing nothing: the slow part of ingesting, done
    before the write transaction so that the database is locked only while rows are saved.
    Returns the outcome instead when the file is a known duplicate or cannot be an article."""
    try:
        raw, mtime = read_file(path, settings.max_file_bytes)
    except ArticleError as exc:
        return FileOutcome(path, "quarantined", reason=exc.reason)
    digest = content_hash(raw)
    existing = article_id_for_hash(db, digest)
    if existing is not None:
        # Same bytes seen before (another name, or a crash between save and move): no re-parse.
        return FileOutcome(path, "duplicate", article_id=existing)
    try:
        text = decode_article(raw, settings.max_file_bytes)
        parsed = parse_article(text, printable(str(path)), mtime, default_tz=settings.zone)
    except ArticleError as exc:
        return FileOutcome(path, "quarantined", reason=exc.reason)
    if parsed.language not in settings.article_languages:
        accepted = ",".join(settings.article_languages)
        return FileOutcome(
            path,
            "quarantined",
            reason=f"not an article in an accepted language: the text reads as"
            f" {_LANGUAGE_NAMES.get(parsed.language, parsed.language)!s}"
            f" (MARSAD_ARTICLE_LANGUAGES={accepted})",
        )
    return PreparedFile(path, parsed, digest)


def save_prepared(
    prepared: PreparedFile,
    db: Database,
    now: datetime,
    signatures: SignatureCache | None = None,
) -> FileOutcome:
    """Save a prepared file's article (once per content hash)."""
    path = prepared.path
    result = save_article(
        db,
        prepared.parsed,
        content_hash=prepared.digest,
        file_name=printable(path.name),
        now=now,
        signatures=signatures,
    )
    kind: Literal["new", "duplicate"] = "duplicate" if result.duplicate else "new"
    return FileOutcome(path, kind, article_id=result.article_id, story_id=result.story_id)


@dataclass
class _OutcomeCounts:
    """The outcomes counted by a scan and by a backfill alike."""

    new: int = 0
    duplicate: int = 0
    quarantined: int = 0
    new_article_ids: list[int] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.new + self.duplicate + self.quarantined

    def count(self, outcome: FileOutcome) -> None:
        """Count one file; a quarantined file's reason is kept by the caller, in its own form."""
        if outcome.kind == "new":
            self.new += 1
            assert outcome.article_id is not None
            self.new_article_ids.append(outcome.article_id)
        elif outcome.kind == "duplicate":
            self.duplicate += 1
        else:
            self.quarantined += 1


@dataclass
class ScanReport(_OutcomeCounts):
    """What one scan did."""

    waiting: int = 0  # files seen but not yet stable: taken on a later scan
    failed: int = 0  # left in place after an unexpected error, tried again next scan
    quarantine_reasons: list[tuple[str, str]] = field(default_factory=list)


class InboxScanner:
    """Scans the inbox folder; holds between scans what it needs to see a file is complete.

    A file is taken once it has not changed for two whole scan intervals: its mtime is older
    than `settle_seconds` (two intervals, at least two seconds: a file moved in by an atomic
    rename after being written elsewhere), or three scans in a row saw the same size and mtime
    (a file written in place, whatever its mtime says; counted in scans, not by a clock that
    tests may stop). A writer pausing less than two scan intervals mid-file is never cut off.
    Symbolic links, FIFOs and other entries that are not regular files are skipped (logged
    once each). Dotfiles, `~` files, `*.tmp`, `*.part` (and similar) and the `processed/` and
    `quarantine/` subfolders are never read. Only the top level of the inbox is scanned, so
    the cost of a scan does not grow with the files already processed.
    """

    def __init__(self, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db
        self.inbox = settings.inbox
        # At least two scan intervals: a writer that pauses shorter than that is not cut off.
        self.settle_seconds = max(2 * settings.scan_interval, 2.0)
        # name -> (size, mtime) last seen, and on how many scans since it has stayed so
        self._seen: dict[str, tuple[tuple[int, int], int]] = {}
        self._skipped: set[str] = set()  # entries already logged as skipped
        self._signatures = SignatureCache()

    def scan(self, now: datetime) -> ScanReport:
        """Process every complete file now in the inbox; one bad file never stops the scan."""
        report = ScanReport()
        try:
            self.inbox.mkdir(parents=True, exist_ok=True)
            entries = sorted(
                (e for e in os.scandir(self.inbox) if not is_ignored_name(e.name)),
                key=lambda e: e.name,
            )
        except OSError as exc:
            log.error("inbox %s cannot be read: %s", self.inbox, exc)
            return report
        present: set[str] = set()
        ready: list[Path] = []
        for entry in entries:
            try:
                if not entry.is_file(follow_symlinks=False):
                    self._skip(entry, present)
                    continue
                stat = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # vanished between listing and stat: the producer renamed it
            present.add(entry.name)
            signature = (stat.st_size, stat.st_mtime_ns)
            settled = now.timestamp() - stat.st_mtime >= self.settle_seconds
            seen = self._seen.get(entry.name)
            unchanged = seen[1] + 1 if seen is not None and seen[0] == signature else 0
            if not settled and unchanged < _STABLE_SCANS:
                self._seen[entry.name] = (signature, unchanged)
                report.waiting += 1
                continue
            self._seen.pop(entry.name, None)
            ready.append(Path(entry.path))
        for name in set(self._seen) - present:
            del self._seen[name]
        self._skipped &= present
        for start in range(0, len(ready), INGEST_BATCH):
            self._process_batch(ready[start : start + INGEST_BATCH], now, report)
        if report.processed or report.failed:
            log.info(
                "inbox scan: %d new, %d duplicate, %d quarantined, %d waiting, %d failed",
                report.new,
                report.duplicate,
                report.quarantined,
                report.waiting,
                report.failed,
            )
        return report

    def _skip(self, entry: os.DirEntry[str], present: set[str]) -> None:
        """An entry that is not a regular file: said once, then left alone while it stays."""
        if entry.name in (PROCESSED_DIR, QUARANTINE_DIR):
            return
        present.add(entry.name)
        if entry.name not in self._skipped:
            self._skipped.add(entry.name)
            # A link inside the inbox is skipped too: only files delivered into it are taken.
            reason = skip_reason(Path(entry.path), self.inbox) or "symbolic link"
            log.warning("inbox: skipped %s: %s", printable(entry.name), reason)

    def _process_batch(self, paths: list[Path], now: datetime, report: ScanReport) -> None:
        """Save a batch in one transaction, then move its files: never a file before its commit."""
        # Parsing first, outside the transaction: the write lock (which a command on the event
        # loop may be waiting for) is held only while the batch's rows are written.
        try:
            prepared = [self._prepare(path) for path in paths]
            with write_batch(self.db):
                outcomes = [
                    item if isinstance(item, FileOutcome) else self._save(item, now)
                    for item in prepared
                ]
        except sqlite3.Error as exc:
            # The rolled-back articles' ids may be given again: their signatures must go.
            self._signatures.clear()
            if len(paths) > 1:
                # Nothing of the batch was kept; one by one, a file that keeps failing is
                # the only one left behind.
                log.warning("database error in a batch of %d files: %s", len(paths), exc)
                for path in paths:
                    self._process_batch([path], now, report)
                return
            log.error(
                "database error on %s, left in the inbox for next scan: %s",
                printable(paths[0].name),
                exc,
            )
            report.failed += 1
            return
        for outcome in outcomes:
            self._settle(outcome, now, report)

    def _prepare(self, path: Path) -> FileOutcome | PreparedFile:
        try:
            return prepare_file(path, self.db, self.settings)
        except sqlite3.Error:
            raise
        except Exception as exc:  # a parser bug must not stop the scan, nor lose the file
            return _unexpected(path, exc)

    def _save(self, prepared: PreparedFile, now: datetime) -> FileOutcome:
        try:
            return save_prepared(prepared, self.db, now, self._signatures)
        except sqlite3.Error:
            raise
        except Exception as exc:  # save_article rolled its own rows back
            return _unexpected(prepared.path, exc)

    def _settle(self, outcome: FileOutcome, now: datetime, report: ScanReport) -> None:
        path = outcome.path
        try:
            if outcome.kind == "quarantined":
                self._quarantine(path, outcome.reason or "unknown problem", now)
            else:
                day = now.astimezone(self.settings.zone).strftime("%Y-%m-%d")
                _move_unique(path, self.inbox / PROCESSED_DIR / day)
        except OSError as exc:
            log.error("cannot move %s out of the inbox: %s", printable(path.name), exc)
            report.failed += 1
            return
        report.count(outcome)
        if outcome.kind == "quarantined":
            report.quarantine_reasons.append((printable(path.name), outcome.reason or ""))

    def _quarantine(self, path: Path, reason: str, now: datetime) -> None:
        target = _move_unique(path, self.inbox / QUARANTINE_DIR)
        # Within the name limit (a 250-byte name plus «.reason» is not); the sidecar names
        # the file it speaks of, escaped, whatever bytes its name holds.
        sidecar = target.with_name(fit_name(target.name, ".reason"))
        sidecar.write_text(
            f"{printable(reason)}\nfile: {printable(path.name)}\n"
            f"quarantined as: {printable(target.name)}\nat: {now.astimezone(UTC).isoformat()}\n",
            encoding="utf-8",
        )
        log.warning("quarantined %s: %s", printable(path.name), printable(reason))


def _move_unique(path: Path, folder: Path) -> Path:
    """Move `path` into `folder` without overwriting: «a.txt» becomes «a-1.txt» and so on."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    counter = 0
    while True:
        try:
            # A hard link fails if the target exists, so no other file is ever overwritten.
            os.link(path, target)
            break
        except FileExistsError:
            counter += 1
            target = folder / fit_name(path.stem, f"-{counter}{path.suffix}")
        except OSError:
            # No hard links (some network and FAT file systems): fall back to check-and-rename.
            while target.exists():
                counter += 1
                target = folder / fit_name(path.stem, f"-{counter}{path.suffix}")
            path.rename(target)
            return target
    path.unlink()
    return target


@dataclass
class IngestReport(_OutcomeCounts):
    """What a backfill did; the files themselves stay where they are."""

    problems: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.processed


def collect_files(
    paths: Iterable[Path], on_skip: Callable[[Path, str], None] | None = None
) -> list[Path]:
    """Article files named by `paths`: files as given, folders searched recursively.

    Inside folders, ignored names (dotfiles, `*.tmp`, `*.part`, `.reason` sidecars ...) and
    the inbox's `quarantine/` subfolder are left out. Entries that are not regular files
    are skipped, each passed to `on_skip` with why (logged when there is none): dangling
    links, links leading out of the folder, FIFOs, sockets, devices, and links to folders
    (not followed). A path that does not exist at all raises FileNotFoundError.
    """

    def skip(path: Path, reason: str) -> None:
        if on_skip is not None:
            on_skip(path, reason)
        else:
            log.warning("skipped %s: %s", printable(str(path)), reason)

    files: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for root, dirs, names in os.walk(path):
                folder = Path(root)
                for name in sorted(d for d in dirs if (folder / d).is_symlink()):
                    skip(folder / name, "symbolic link to a folder, not followed")
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".")
                    and d != QUARANTINE_DIR
                    and not (folder / d).is_symlink()
                )
                for name in sorted(names):
                    if is_ignored_name(name):
                        continue
                    reason = skip_reason(folder / name, path)
                    if reason is None:
                        files.append(folder / name)
                    else:
                        skip(folder / name, reason)
        elif os.path.lexists(path):
            # Named on its own: the caller chose it, a link may lead anywhere; it must still
            # be a regular file that exists.
            reason = skip_reason(path)
            if reason is None:
                files.append(path)
            elif path.is_dir():
                files.extend(collect_files([path.resolve()], on_skip))
            else:
                skip(path, reason)
        else:
            raise FileNotFoundError(f"no such file or folder: {printable(str(path))}")
    return files


def ingest_paths(
    paths: Iterable[Path],
    db: Database,
    settings: Settings,
    progress: Callable[[FileOutcome], None] | None = None,
    now: Callable[[], datetime] | None = None,
) -> IngestReport:
    """Import article files and folders (a backfill) without moving them."""
    clock = now or (lambda: datetime.now(UTC))
    report = IngestReport()
    signatures = SignatureCache()
    files = collect_files(paths)
    for start in range(0, len(files), INGEST_BATCH):
        with write_batch(db):
            outcomes = [
                ingest_file(path, db, settings, clock(), signatures)
                for path in files[start : start + INGEST_BATCH]
            ]
            # A backfill is the archive (search, stories), not news: never alerted, also
            # not by a running bot routing what it finds unrouted.
            new_ids = [o.article_id for o in outcomes if o.kind == "new" and o.article_id]
            mark_routed(db, new_ids, now=clock())
        for outcome in outcomes:
            report.count(outcome)
            if outcome.kind == "quarantined":
                report.problems.append((outcome.path, outcome.reason or "unknown problem"))
            if progress is not None:
                progress(outcome)
    return report


def _unexpected(path: Path, exc: Exception) -> FileOutcome:
    """A bug met on one file: logged with its traceback, the file quarantined with the cause."""
    log.exception("unexpected error on %s", printable(path.name))
    return FileOutcome(path, "quarantined", reason=f"unexpected error: {type(exc).__name__}: {exc}")
