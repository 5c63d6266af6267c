#!/usr/bin/env python3
"""Keep translations in step with the code.

    python tools/i18n.py update    extract strings into resources/translations/*.ts (lupdate)
    python tools/i18n.py release   compile the .ts files into camdesk/resources/translations/*.qm

Translators edit the .ts files with Qt Linguist (pyside6-linguist). English
has a plural-only file so "%n customer(s)" reads "1 customer" / "2 customers".
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "translations"
TARGET = ROOT / "camdesk" / "resources" / "translations"
LANGUAGES = {"zh_CN": [], "en": ["-pluralonly"]}


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def python_sources() -> list[str]:
    return sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "camdesk").rglob("*.py")
        if "migrations" not in p.parts
    )


def update(target_dir: Path = SOURCES) -> None:
    for code, extra in LANGUAGES.items():
        ts = target_dir / f"camdesk_{code}.ts"
        subprocess.run(
            [tool("pyside6-lupdate"), *extra, "-no-obsolete", "-locations", "none",
             *python_sources(), "-ts", str(ts)],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip


def release(source_dir: Path = SOURCES, target_dir: Path = TARGET) -> None:
    for code in LANGUAGES:
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(source_dir / f"camdesk_{code}.ts"),
             "-qm", str(target_dir / f"camdesk_{code}.qm")],
            check=True,
        )  # fmt: skip


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    else:
        print(__doc__)
        sys.exit(2)
