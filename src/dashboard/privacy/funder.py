"""The Dataset as a funder sees it: no personal name or email in any text, whatever its column.

Each person becomes "Person" and a short code (``pseudonyms``: "Person K7Q2M") cut from a hash
of that person's identity keyed with the deployment's secret (``privacy.secret``), so it cannot
be worked back from a member list and does not move when someone joins — and emails are
blanked. Every other text a page can show is masked for known names and emails
(``privacy.masking.Masker``), not only the free-text columns: organizations named after a person
("Ann Lee Consulting"), projects ("Ann's garden", in every page's filters), categories, sheet and
source names, problem values and reasons. Values that group records — collaborations, projects,
organizations, categories, sources, tabs — are masked alike in every table and kept apart: two
projects that mask to the same text get "(2)", "(3)"… so no figure merges them. A People tab's
problem values are hidden whole, whatever the tab is called ("Members"). Every page then runs
unchanged on this view, so no page can leak what it never receives.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import replace

import pandas as pd

from dashboard.clean.names import key_of
from dashboard.dataset import Dataset, SourceStatus
from dashboard.privacy.masking import Masker
from dashboard.privacy.secret import pseudonym_secret
from dashboard.schema import canonical_tab

HIDDEN = "[hidden]"
PERSON_TABLES = ("commitments", "win_people", "meeting_people")
IDENTITY = frozenset({"person", "name", "email"})  # pseudonymised or blanked, not masked
OUR_WORDS = frozenset({"status", "size", "sector", "kind", "column"})  # fixed lists of ours
NAME_COLUMNS = frozenset({"lead", "coordinator"})  # hold a person's name, whoever it is
GROUPING = ("collaboration", "project", "organization", "category", "source", "tab")


CODE_CHARS = 5  # base32: 33 million codes; two of 1,000 people share one with odds ~1 in 67


def pseudonyms(people: pd.Series, secret: str | None = None) -> pd.Series:
    """``Person <code>`` for each distinct identity: the first ``CODE_CHARS`` characters (base32)
    of HMAC-SHA256(secret, identity). A person's code depends on the secret and that person
    alone — never on who else is in the data, so it stays the same from quarter to quarter.

    Two people whose codes share the first ``CODE_CHARS`` characters are still kept apart: each
    of them gets one more character of their own hash, until their codes differ (only the
    people in such a clash get longer codes; every other code stays as it was)."""
    key = pseudonym_secret(secret)
    distinct = [str(p) for p in pd.unique(people.dropna())]
    digests = {
        identity: base64.b32encode(
            hmac.new(key, identity.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()
        ).decode("ascii")
        for identity in distinct
    }
    length = dict.fromkeys(distinct, CODE_CHARS)
    while True:
        holders: dict[str, list[str]] = {}
        for identity in distinct:
            holders.setdefault(digests[identity][: length[identity]], []).append(identity)
        clashes = [group for group in holders.values() if len(group) > 1]
        if not clashes:
            break
        for group in clashes:
            for identity in group:
                length[identity] += 1
    codes = [f"Person {digests[i][: length[i]]}" for i in distinct]
    return pd.Series(codes, index=pd.Index(distinct, dtype=object), dtype=object)


def _texts(frame: pd.DataFrame) -> list[str]:
    return [
        column
        for column in frame.columns
        if column not in IDENTITY | OUR_WORDS
        and (pd.api.types.is_string_dtype(frame[column]) or frame[column].dtype == object)
    ]


def _apply(column: pd.Series, mapping: dict) -> pd.Series:
    """``column`` through ``mapping`` (a dict lookup per row, not a Python call), values it does
    not hold left as they were."""
    mapped = column.map(mapping)
    return mapped.where(mapped.notna(), column).astype(column.dtype)


def grouping_masks(values: pd.Series, masker: Masker) -> dict[str, str]:
    """Masked text for each distinct value of a grouping column, one value to one text: values
    that are the same name (by name key) stay together, different ones that mask alike are told
    apart with " (2)", " (3)"…"""
    distinct = sorted({str(v) for v in values.dropna()}, key=lambda v: (key_of(v), v))
    masked = {value: masker(value) for value in distinct}
    out: dict[str, str] = {}
    seen: dict[str, dict[str, int]] = {}  # masked key → original key → its number
    for value in distinct:
        text = masked[value]
        if text == value:
            out[value] = value
            continue
        owners = seen.setdefault(key_of(text), {})
        if key_of(value) not in owners:
            owners[key_of(value)] = len(owners) + 1
        number = owners[key_of(value)]
        out[value] = text if number == 1 else f"{text} ({number})"
    return out


def anonymised(dataset: Dataset, secret: str | None = None) -> Dataset:
    """The dataset with every person pseudonymised and every text masked (for funders)."""
    masker = masker_of(dataset)
    names = pseudonyms(dataset.people["person"], secret)
    tables: dict[str, pd.DataFrame] = {
        **dataset.tables(),
        "problems": _problems(dataset.problems),
    }
    tables["people"] = tables["people"].assign(
        person=dataset.people["person"].map(names),
        name=dataset.people["person"].map(names),
        email=pd.Series(pd.NA, index=dataset.people.index, dtype="string"),
    )
    for table in PERSON_TABLES:
        frame = tables[table]
        tables[table] = frame.assign(person=frame["person"].map(names))
    grouping = {
        column: grouping_masks(
            pd.concat([t[column] for t in tables.values() if column in t.columns]), masker
        )
        for column in GROUPING
    }
    free: dict[str, str] = {}
    for name, frame in tables.items():
        changed = {}
        for column in _texts(frame):
            if column in grouping:
                changed[column] = _apply(frame[column], grouping[column])
            elif column in NAME_COLUMNS:
                changed[column] = frame[column].mask(frame[column].notna(), HIDDEN)
            else:
                changed[column] = _masked(frame[column], masker, free)
        tables[name] = frame.assign(**changed)
    sources = [_source(s, grouping["source"], masker) for s in dataset.sources]
    placements = dataset.placements.iloc[0:0]  # where rows sit: no page needs it, none gets it
    return replace(dataset, **tables, sources=sources, placements=placements)


def _masked(column: pd.Series, masker: Masker, memo: dict[str, str]) -> pd.Series:
    """Mask each distinct value once (texts repeat across rows and tables), blanks kept blank."""
    for value in column.dropna().unique():
        if value not in memo:
            memo[value] = masker(value)
    return _apply(column, memo)


def masker_of(dataset: Dataset) -> Masker:
    """The masker of everyone ``dataset`` knows by name: its People table, and the names of
    People rows the table does not keep (a repeat of an earlier row, with its own spelling:
    "Annie Lee" beside "Ann Lee", one email)."""
    problems = dataset.problems
    named = _on_people_tab(problems) & problems["column"].eq("name").fillna(False).astype(bool)
    return Masker(dataset.people, also=problems.loc[named, "value"].dropna().astype(str))


def _on_people_tab(problems: pd.DataFrame) -> pd.Series:
    """Whether each problem is on a People tab, whatever the tab's title: "People", "Members",
    "Participants"…"""
    titles = problems["tab"].dropna().unique()
    people_titles = [t for t in titles if (tab := canonical_tab(str(t))) and tab.name == "People"]
    return problems["tab"].isin(people_titles).fillna(False).astype(bool)


def _problems(problems: pd.DataFrame) -> pd.DataFrame:
    """A People tab's problem values hidden whole (they are names and emails) — and those of a
    lead or coordinator cell."""
    on_people = _on_people_tab(problems)
    # a lead or coordinator not on People is no name the masker knows: hidden whole too
    on_people |= problems["column"].isin(NAME_COLUMNS).fillna(False).astype(bool)
    return problems.assign(
        value=problems["value"].mask(on_people & problems["value"].notna(), HIDDEN)
    )


def _source(source: SourceStatus, labels: dict[str, str], masker: Masker) -> SourceStatus:
    def mask(text: str | None) -> str | None:
        return masker(text) if text else text

    return replace(
        source,
        label=labels.get(source.label, masker(source.label)),
        title=mask(source.title) or "",
        location=mask(source.location) or "",
        error=mask(source.error),
        stale=mask(source.stale),
    )
