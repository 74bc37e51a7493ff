"""User-facing text in English and Vietnamese.

Messages live in ``messages.yaml`` (``key: {en: ..., vi: ...}``); :func:`t` returns one in the
requested language, filled with keyword values. A test checks that every key has both languages.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["LANGUAGES", "messages", "t"]

#: Supported languages.
LANGUAGES: tuple[str, ...] = ("vi", "en")


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    """Return the message catalogue ``{key: {"en": ..., "vi": ...}}``."""
    text = resources.files("eipkit.i18n").joinpath("messages.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = yaml.safe_load(text)
    return data


def t(key: str, lang: str = "en", **values: Any) -> str:
    """Return message ``key`` in ``lang``, formatted with ``values``.

    Examples
    --------
    >>> t("validate.ok", "vi", source="demo")
    'demo: dữ liệu hợp lệ.'
    """
    entry = messages()[key]
    return entry.get(lang, entry["en"]).format(**values)
