"""Keeping people's names and emails out of what a funder receives.

Free text a team typed (a win's description) may name people: every known person's full name,
each part of it, and their email are masked, whatever the case or accents, before the text goes
into a report that is not for internal use.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from dashboard.clean.cells import _EMAIL  # the pattern the loader reads emails with

MASK = "[someone]"
_EMAIL_IN_TEXT = re.compile(_EMAIL.pattern.strip("^$"), re.IGNORECASE)


def _bare(text: str) -> str:
    """Accents removed, character for character (so positions still match the original)."""
    return "".join(
        unicodedata.normalize("NFKD", c)[0] if unicodedata.normalize("NFKD", c) else c for c in text
    )


class Masker:
    """Masks the names and emails of ``people`` (the Dataset's People table) in text."""

    def __init__(self, people: pd.DataFrame) -> None:
        words: set[str] = set()
        for name in people["name"].dropna():
            bare = _bare(str(name)).casefold().strip()
            words.add(bare)
            words.update(part for part in re.split(r"[\s\-']+", bare) if len(part) >= 3)
        ordered = sorted(words - {""}, key=len, reverse=True)
        body = "|".join(re.escape(word) for word in ordered)
        self._names = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def __call__(self, text: object) -> str:
        if text is None or text is pd.NA or (isinstance(text, float) and text != text):
            return ""
        value = _EMAIL_IN_TEXT.sub(MASK, str(text))
        if self._names is None:
            return value
        bare = _bare(value)
        spans = [m.span() for m in self._names.finditer(bare)]
        for start, end in reversed(spans):
            value = value[:start] + MASK + value[end:]
        return value
