"""Names and name lists, by the reading rules of docs/METRICS.md.

A key is computed once per distinct spelling, then mapped onto the column: a column of 200,000
cells holds a few thousand spellings, so this stays fast without a per-row loop.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.folding import without_marks

# `,` `;` `/` `&`, newline and the whole word "and" (any case) separate people in a list.
LIST_SEPARATORS = re.compile(r"[,;/&\n\r]|\band\b", re.IGNORECASE)

# Unicode's format characters (category Cf): invisible marks — zero-width space and joiners,
# right-to-left and left-to-right marks, the byte-order mark, soft hyphens — that a copy from a
# chat or a PDF leaves in a name, so "Ann\u200bLee" would be a second person. Written out (as of
# Unicode 15) rather than computed from unicodedata at import, which costs 0.2 s.
_CF_RANGES = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
# literal characters, so Python's re and pyarrow's RE2 (string columns) read the class alike
FORMAT_CHARACTERS = "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _CF_RANGES) + "]"
_FORMAT = re.compile(FORMAT_CHARACTERS)


@lru_cache(maxsize=500_000)
def key_of(name: str) -> str:
    """``" jose  PÉREZ"`` → ``"jose perez"``: accents off (``folding``: NFKD, marks removed),
    format characters (Cf) removed, case folded, spaces collapsed (docs/METRICS.md, "Names")."""
    if name.isascii():  # no marks, no format characters
        return " ".join(name.lower().split())
    return " ".join(_FORMAT.sub("", without_marks(name)).casefold().split())


def display_of(name: str) -> str:
    """A spelling fit to show: surrounding whitespace stripped, inner runs collapsed."""
    return " ".join(name.split())


def per_unique(values: pd.Series, func: Callable[[str], object]) -> pd.Series:
    """``func`` applied once per distinct text, put back on the column (as ``string``): the
    distinct texts by their codes (Arrow's dictionary encoding), not a lookup per cell."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    texts = np.asarray(uniques, dtype=object).tolist()  # one conversion, not one per element
    mapped = pd.array([func(text) for text in texts] + [None], dtype="string")
    return pd.Series(mapped.take(np.where(codes < 0, len(uniques), codes)), index=values.index)


def squeeze(text: str) -> str:
    """Lower case with inner runs of whitespace collapsed: how choices (statuses…) compare."""
    return " ".join(text.lower().split())


def keys(values: pd.Series) -> pd.Series:
    """The key of every name in a text Series (``<NA>`` stays ``<NA>``, and so does a blank key)."""
    return per_unique(values, lambda name: key_of(name) or None)


def displays(values: pd.Series) -> pd.Series:
    return per_unique(values, display_of)


def text_keys(values: pd.Series) -> pd.Series:
    """Free text (a win's description) compared as names are (``key_of``), once per distinct
    text; unlike ``keys``, an empty key stays empty."""
    return per_unique(values, key_of)


def split_lists(values: pd.Series) -> pd.Series:
    """Explode name lists into one row per name, keeping the original index.

    Empty parts are dropped; the same name twice in one list is kept once (by key).
    """
    present = values.dropna()
    parts = present.str.split(LIST_SEPARATORS, regex=True).explode()
    parts = parts.astype("string").str.strip()
    parts = parts[parts.notna() & parts.ne("")]
    dedup = pd.DataFrame({"name": parts, "key": keys(parts)})
    dedup = dedup[dedup["key"].notna()]
    repeated = pd.DataFrame(
        {"i": dedup.index.to_numpy(), "k": dedup["key"].to_numpy()}
    ).duplicated()
    dedup = dedup[~repeated.to_numpy()]
    return dedup["name"]
