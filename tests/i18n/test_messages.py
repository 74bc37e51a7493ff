from __future__ import annotations

import string

from eipkit.i18n import LANGUAGES, messages, t
from eipkit.park import CHECKS


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_both_languages_with_same_placeholders() -> None:
    for key, entry in messages().items():
        assert set(entry) == set(LANGUAGES), key
        assert _fields(entry["en"]) == _fields(entry["vi"]), key


def test_check_messages_exist_in_both_languages() -> None:
    for name, entry in CHECKS.items():
        for lang in LANGUAGES:
            assert entry[lang]["message"] and entry[lang]["fix"], name


def test_vietnamese_text() -> None:
    assert t("info.by_sector", "vi") == "Doanh nghiệp theo ngành"
