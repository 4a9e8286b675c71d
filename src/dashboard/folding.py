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
