"""Accents and other marks taken off text, the one rule for comparing names, headers and free
text and for fonts that know only Latin-1: Unicode's compatibility decomposition (NFKD: "é" is
"e" and a combining acute, "ﬁ" is "f" and "i"), then every combining mark dropped.

"José Pérez", "Jose Perez" and "JOSÉ PÉREZ" then compare equal once case is folded
(``clean.names.key_of``, ``schema.header_key``); masking a name in a win's text needs the same
letters at the same positions (``each_without_marks``).
"""

from __future__ import annotations

import unicodedata


def without_marks(text: str) -> str:
    """``text`` decomposed (NFKD) with its combining marks dropped: "Pérez" → "Perez"."""
    if text.isascii():  # nothing to decompose, no marks: most names, headers and texts
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def each_without_marks(text: str) -> str:
    """The same, character for character, so positions still match ``text``: each character
    becomes the first of its decomposition ("é" → "e", "ﬁ" → "f"; a lone mark stays)."""
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text)


# Apostrophes people type or word processors substitute: "O’Brien" is "O'Brien".
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u02bb\uff07`\u00b4\u2032", "'"))
_INVISIBLE = frozenset({"Cf", "Mn", "Me"})  # zero-width, soft hyphen, bidi marks; marks


def for_finding(text: str) -> tuple[str, list[int] | None]:
    """``text`` as names are looked for in it, and where each of its characters came from.

    Each character becomes the first of its decomposition ("é" → "e"), apostrophes become "'",
    and characters that show nothing — format characters (zero-width space and joiners, soft
    hyphen, word joiner, bidi marks) and lone combining marks — are dropped, so "An\\u200bn",
    "Jo\\u00adsé" and "O’Brien" read "Ann", "Jose" and "O'Brien". The list gives, for each
    character of the result, its index in ``text`` (None: the same indexes, nothing dropped),
    so a match can be masked in the text as written."""
    if text.isascii():
        return text.translate(_APOSTROPHES), None
    kept: list[str] = []
    positions: list[int] = []
    for index, character in enumerate(text):
        first = unicodedata.normalize("NFKD", character)[0]
        if unicodedata.category(first) in _INVISIBLE:
            continue
        kept.append(first)
        positions.append(index)
    return "".join(kept).translate(_APOSTROPHES), positions
