"""`marsad ingest` and `marsad parse`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from storage.articles import count_articles
from storage.db import open_database

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MARSAD_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_ingest_reports_counts_and_keeps_the_files(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "backfill"
    shutil.copytree(DATA / "articles", folder)
    (folder / "broken.txt").write_bytes(b"")
    (folder / "again.txt").write_bytes(
        (DATA / "articles" / "000_e31137d72a583bee.txt").read_bytes()
    )

    assert main(["ingest", str(folder)]) == 1  # a quarantined file makes the exit code say so
    out = capsys.readouterr().out
    assert f"quarantined: {folder / 'broken.txt'}: empty file" in out
    assert out.strip().endswith("new: 5  duplicate: 1  quarantined: 1  skipped: 0")
    assert (folder / "broken.txt").exists() and len(list(folder.iterdir())) == 7

    assert main(["ingest", str(folder / "again.txt")]) == 0
    assert capsys.readouterr().out.strip() == "new: 0  duplicate: 1  quarantined: 0  skipped: 0"
    db = open_database(data_dir / "marsad.db")
    assert count_articles(db) == 5
    db.close()


def test_ingest_skips_what_is_not_a_file_and_finishes(data_dir: Path, tmp_path: Path) -> None:
    """Dangling and outward links, a FIFO, a linked folder: one line each, never opened; names
    that are not UTF-8 or hold a new line are imported or reported escaped, on one line.
    Run as a process with a timeout, so a FIFO opened by mistake fails the test, not hangs it."""
    folder = tmp_path / "backfill"
    folder.mkdir()
    articles = sorted((DATA / "articles").glob("*.txt"))
    (folder / os.fsdecode(b"good_\xff.txt")).write_bytes(articles[0].read_bytes())
    (folder / "good.txt").write_bytes(articles[1].read_bytes())
    (folder / "evil\nquarantined: forged.txt").write_bytes(b"")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(articles[2].read_bytes())
    (folder / "outside.txt").symlink_to(secret)
    (folder / "linked").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", str(folder)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "MARSAD_DATA_DIR": str(data_dir)},
        check=False,
    )
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err
    skipped = sorted(line for line in err.splitlines() if "skipped" in line)
    assert skipped == [
        f"marsad ingest: skipped {folder / 'dangling.txt'}: dangling symbolic link",
        f"marsad ingest: skipped {folder / 'linked'}: symbolic link to a folder, not followed",
        f"marsad ingest: skipped {folder / 'outside.txt'}: symbolic link out of the folder"
        f" (to {secret})",
        f"marsad ingest: skipped {folder / 'pipe.txt'}: not a regular file (FIFO)",
    ]
    assert out.splitlines() == [
        f"quarantined: {folder}/evil\\nquarantined: forged.txt: empty file",
        "new: 2  duplicate: 0  quarantined: 1  skipped: 4",
    ]
    db = open_database(data_dir / "marsad.db")
    names = [row[0] for row in db.execute("SELECT file_name FROM articles ORDER BY file_name")]
    assert names == ["good.txt", "good_\\xff.txt"]
    db.close()


def test_ingest_missing_path(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "no-such-folder"]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_parse_json_lines(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--json", str(DATA / "articles")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 5
    first = records[0]
    assert set(first) >= {
        "path", "title", "published", "source", "tags", "body", "related", "language"
    }  # fmt: skip
    assert first["published"] == "2024-06-20T00:00:00+00:00"
    assert first["source"] == "الأسبوع"
    assert "كوريا الشمالية" in first["tags"]
    assert first["related"][0].startswith("تقتل الأشخاص")
    assert first["language"] == "ar"
    assert (first["url"], first["kind"]) == (None, "article")
    assert not (data_dir / "marsad.db").exists()  # parse stores nothing


def test_parse_json_prints_address_and_kind(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flash = tmp_path / "flash.txt"
    flash.write_text("عاجل: الحوثيون يعلنون استهداف سفينة في البحر الأحمر\n", encoding="utf-8")
    page = DATA / "real_pages" / "046_spa.txt"
    assert main(["parse", "--json", str(flash), str(page)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["kind"], r["url"]) for r in records] == [
        ("flash", None),
        ("article", "http://www.spa.gov.sa/details.php?id=1386683"),
    ]
    assert records[1]["source"] == "واس"


def test_parse_undecodable_file_is_reported_and_fails(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")
    good = DATA / "articles" / "004_1e0cd23aaef11339.txt"
    assert main(["parse", "--json", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}: binary file: looks like a PNG image" in captured.err
    assert json.loads(captured.out)["title"].startswith("تتعهد اليابان")


def test_parse_plain_output(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(DATA / "encodings" / "politics-17.cp1256.txt")]) == 0
    out = capsys.readouterr().out
    assert "title: حرب اليمن أو حرب شمال اليمن الأهلية" in out
    assert "published_from: mtime" in out
