"""Names and name lists, by the reading rules of docs/METRICS.md.

A key is computed once per distinct spelling, then mapped onto the column: a column of 200,000
cells holds a few thousand spellings, so this stays fast without a per-row loop.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd

# `,` `;` `/` `&`, newline and the whole word "and" (any case) separate people in a list.
LIST_SEPARATORS = re.compile(r"[,;/&\n\r]|\band\b", re.IGNORECASE)


@lru_cache(maxsize=500_000)
def key_of(name: str) -> str:
    """``" jose  PÉREZ"`` → ``"jose perez"``: NFKD, marks removed, case folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def display_of(name: str) -> str:
    """A spelling fit to show: surrounding whitespace stripped, inner runs collapsed."""
    return " ".join(name.split())


def per_unique(values: pd.Series, func) -> pd.Series:  # noqa: ANN001 - str -> str | None
    """``func`` applied once per distinct text, mapped back onto the column (as ``string``)."""
    mapping = {text: func(text) for text in values.dropna().unique()}
    return values.map(mapping).astype("string")


def squeeze(text: str) -> str:
    """Lower case with inner runs of whitespace collapsed: how choices (statuses…) compare."""
    return " ".join(text.lower().split())


def keys(values: pd.Series) -> pd.Series:
    """The key of every name in a text Series (``<NA>`` stays ``<NA>``, and so does a blank key)."""
    uniques = values.dropna().unique()
    mapping = {name: key_of(name) for name in uniques}
    out = values.map(mapping).astype("string")
    return out.mask(out.eq(""))


def displays(values: pd.Series) -> pd.Series:
    uniques = values.dropna().unique()
    mapping = {name: display_of(name) for name in uniques}
    return values.map(mapping).astype("string")


_COMBINING = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


def text_keys(values: pd.Series) -> pd.Series:
    """Free text (a win's description) compared as names are, with vectorised string operations:
    such a column has as many distinct values as rows, so a per-value loop would be slow."""
    folded = values.astype("string").str.normalize("NFKD").str.replace(_COMBINING, "", regex=True)
    return folded.str.casefold().str.replace(r"\s+", " ", regex=True).str.strip()


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
