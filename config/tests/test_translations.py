"""The interface is Chinese first: every English source string needs its Chinese translation."""

import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale"
ENTRY = re.compile(
    r'^msgid ((?:".*"\n)+)(?:msgid_plural (?:".*"\n)+)?((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)', re.M
)


def joined(quoted_lines: str) -> str:
    return "".join(re.findall(r'"(.*)"', quoted_lines))


def untranslated(po_file: Path) -> list[str]:
    missing = []
    for match in ENTRY.finditer(po_file.read_text(encoding="utf-8")):
        msgid = joined(match.group(1))
        translations = [
            joined(part) for part in re.split(r"^msgstr(?:\[\d\])? ", match.group(2), flags=re.M) if part
        ]
        if msgid and re.search(r"[A-Za-z]", msgid) and not all(translations):
            missing.append(msgid)
    return missing


def test_every_english_string_has_its_chinese_translation():
    po_file = LOCALE / "zh_Hans" / "LC_MESSAGES" / "django.po"
    assert untranslated(po_file) == []


def test_catalogues_are_compiled():
    for po_file in LOCALE.glob("*/LC_MESSAGES/django.po"):
        assert po_file.with_suffix(".mo").exists(), f"{po_file} is not compiled"


def test_no_translation_is_left_fuzzy():
    """makemessages marks a guessed translation fuzzy, and compilemessages leaves those out: the page
    would show the English."""
    for po_file in LOCALE.glob("*/LC_MESSAGES/django.po"):
        fuzzy = [
            line for line in po_file.read_text(encoding="utf-8").splitlines() if line.startswith("#, fuzzy")
        ]
        assert not fuzzy, f"{po_file}: {len(fuzzy)} fuzzy entries"
