"""Accents and other marks taken off text, the one rule for comparing names, headers and free
text and for fonts that know only Latin-1: Unicode's compatibility decomposition (NFKD: "é" is
"e" and a combining acute, "ﬁ" is "f" and "i"), then every combining mark dropped.

"José Pérez", "Jose Perez" and "JOSÉ PÉREZ" then compare equal once case is folded
(``clean.names.key_of``, ``schema.header_key``). Masking a name in a win's text folds further
(``for_finding``): every spelling a reader would take for the name, with where each letter came
from, so the name is masked in the text as written.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from anyascii import anyascii


def without_marks(text: str) -> str:
    """``text`` decomposed (NFKD) with its combining marks dropped: "Pérez" → "Perez"."""
    if text.isascii():  # nothing to decompose, no marks: most names, headers and texts
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Apostrophes people type or word processors substitute: "O’Brien" is "O'Brien".
_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u02bb\uff07`\u00b4\u2032", "'"))
_INVISIBLE = frozenset({"Cf", "Mn", "Me"})  # zero-width, soft hyphen, bidi marks; marks
# alphabets whose letters are taken to Latin (anyascii): "Ł" → "l", "ß" → "ss", a Cyrillic "А"
# that looks like a Latin "A" → "a". Scripts written without spaces stay as they are: their
# names are looked for inside words (``privacy.masking``), which a transliteration would undo.
_TRANSLITERATED = ("LATIN", "GREEK", "CYRILLIC")


def for_finding(text: str) -> tuple[str, list[int] | None]:
    """``text`` as names are looked for in it, and where each of its characters came from.

    Each character is folded apart (``_folded``): its marks taken off, a letter of the Latin,
    Greek or Cyrillic alphabets with no plain Latin decomposition transliterated, apostrophes
    made "'", case folded; characters that show nothing — format characters (zero-width space
    and joiners, soft hyphen, word joiner, bidi marks) and lone combining marks — dropped. So
    "An\u200bn", "Jo\u00adsé", "O’Brien", "Strauß", "Łukasz" and "Soﬁa" read "ann", "jose",
    "o'brien", "strauss", "lukasz" and "sofia", as the same names written plainly do. The list
    gives, for each character of the result, its index in ``text`` (None: the same indexes,
    nothing dropped or expanded), so a match can be masked in the text as written."""
    if text.isascii():
        return text.translate(_APOSTROPHES).casefold(), None
    kept: list[str] = []
    positions: list[int] = []
    for index, character in enumerate(text):
        folded = _folded(character)
        kept.append(folded)
        positions.extend([index] * len(folded))
    return "".join(kept), positions


@lru_cache(maxsize=8192)
def _folded(character: str) -> str:
    """One character as ``for_finding`` reads it: "" for one that shows nothing, "ss" for "ß".
    A Hangul syllable decomposes into its letters and is composed again: it stays a syllable."""
    decomposed = unicodedata.normalize("NFKD", character)
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in _INVISIBLE)
    if not kept.isascii():
        kept = "".join(_transliterated(c) for c in unicodedata.normalize("NFC", kept))
    return kept.translate(_APOSTROPHES).casefold()


def _transliterated(character: str) -> str:
    if character.isascii() or not unicodedata.name(character, "").startswith(_TRANSLITERATED):
        return character
    return anyascii(character) or character
