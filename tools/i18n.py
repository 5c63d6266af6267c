#!/usr/bin/env python3
"""Keep translations in step with the code.

    python tools/i18n.py update    extract strings into resources/translations/*.ts (lupdate)
    python tools/i18n.py release   compile the .ts files into camdesk/resources/translations/*.qm
    python tools/i18n.py todo [L]  list the entries of language L (zh_CN) still unfinished, JSON
    python tools/i18n.py fill F [L]  take translations for them from F (JSON: context ->
                                   source -> text, or a list of plural forms), as a translator
                                   would in Qt Linguist

Translators edit the .ts files with Qt Linguist (pyside6-linguist). English
has a plural-only file so "%n customer(s)" reads "1 customer" / "2 customers".
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def _unfinished(ts: Path) -> tuple[ET.ElementTree, list[tuple[str, str, ET.Element]]]:
    tree = ET.parse(ts)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                found.append((name, message.findtext("source") or "", translation))
    return tree, found


def todo(ts: Path = SOURCES / "camdesk_zh_CN.ts") -> None:
    """Print the unfinished entries of ``ts`` as JSON to fill in."""
    pending: dict[str, dict[str, str]] = {}
    for context, source, _ in _unfinished(ts)[1]:
        pending.setdefault(context, {})[source] = ""
    print(json.dumps(pending, ensure_ascii=False, indent=1))


def fill(answers: Path, ts: Path = SOURCES / "camdesk_zh_CN.ts") -> None:
    given = json.loads(answers.read_text(encoding="utf-8"))
    tree, pending = _unfinished(ts)
    for context, source, translation in pending:
        text = given.get(context, {}).get(source)
        forms = translation.findall("numerusform")
        if text and forms:  # plural forms: a list, one text per form of the language
            texts = text if isinstance(text, list) else [text]
            for form, value in zip(forms, texts * len(forms), strict=False):
                form.text = value
            del translation.attrib["type"]
        elif text:
            translation.text = text
            del translation.attrib["type"]
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )
    update()  # lupdate writes the file back in its own layout
    left = len(_unfinished(ts)[1])
    print(f"{len(pending) - left} filled, {left} still unfinished")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "todo":
        todo(SOURCES / f"camdesk_{sys.argv[2] if len(sys.argv) > 2 else 'zh_CN'}.ts")
    elif command == "fill" and len(sys.argv) > 2:
        fill(
            Path(sys.argv[2]),
            SOURCES / f"camdesk_{sys.argv[3] if len(sys.argv) > 3 else 'zh_CN'}.ts",
        )
    else:
        print(__doc__)
        sys.exit(2)
