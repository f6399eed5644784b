"""Export Arabic (and English) country and region names from CLDR into
bot/match/data/countries.json.

Dev-time only: babel is not a runtime dependency of Marsad. Run it when CLDR gains names:

    .venv/bin/pip install babel
    .venv/bin/python scripts/export_countries.py

The output is committed; `bot.match.matching` reads it together with the curated `aliases.json`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "bot" / "match" / "data" / "countries.json"
# CLDR pseudo-territories that are not places anyone follows.
SKIP = {"ZZ", "QO", "XA", "XB", "EZ", "001"}
# Territories that are organisations rather than places.
ORGANISATIONS = {"EU", "UN"}


def split_name(name: str) -> list[str]:
    """CLDR writes «ميانمار (بورما)» and «الكونغو - كينشاسا»: both halves or the joined form."""
    names: list[str] = []
    inner = re.search(r"\(([^)]*)\)", name)
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if inner and "منطقة" not in inner.group(1) and "region" not in inner.group(1).lower():
        names.append(inner.group(1).strip())
    names.insert(0, re.sub(r"\s+-\s+", " ", base))
    return names


def main() -> None:
    arabic, english = Locale("ar").territories, Locale("en").territories
    entries = []
    for code in sorted(arabic):
        if code in SKIP or code not in english:
            continue
        kind = "org" if code in ORGANISATIONS else "region" if code.isdigit() else "country"
        names = split_name(arabic[code]) + split_name(english[code])
        entries.append({"id": code, "kind": kind, "names": list(dict.fromkeys(names))})
    OUT.write_text(
        json.dumps({"source": "CLDR via babel", "entities": entries}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(entries)} entities to {OUT}")


if __name__ == "__main__":
    main()
