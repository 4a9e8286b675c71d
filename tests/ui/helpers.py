"""What the AppTest tests of sign-in, roles and privacy share: the ``[auth]`` secrets that switch
sign-in on, the collaboration the team role is given, everything a run sent to the browser as
text, and the demo's personal names and emails as patterns to search it for."""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

TEAM = "High Plains Rural Health"  # the team role's collaboration in the ``roles`` fixture
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "client",
    "client_secret": "secret",
    "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration",
}


# what a River Valley member must never receive of Lakeside's rows (a team's Data health)
FOREIGN = [
    "lake.typo(at)mail",  # Lakeside People row: invalid email
    "Lakeside secret deal with the mayor",  # the text of a duplicate Lakeside win
    "lake-due-typo",  # a cell of a Lakeside commitment skipped (made missing)
    "nobody.typo(at)mail",  # a People row naming no collaboration
    "gigantic-unplaced",  # a cell of a win skipped (no date) naming no collaboration
]


def two_collaborations_workbook() -> dict[str, list[list[object]]]:
    """River Valley and Lakeside in one untagged workbook, each with problems of its own rows."""
    return {
        "Collaborations": [["Collaboration"], ["River Valley"], ["Lakeside"]],
        "People": [
            ["Name", "Email", "Organization", "Sector", "Collaboration"],
            ["Ann Lee", "rv.typo(at)mail", "Acme", "business", "River Valley"],
            ["Lu Lake", "lake.typo(at)mail", "Pier", "business", "Lakeside"],
            ["No Body", "nobody.typo(at)mail", "Solo", "business", ""],
        ],
        "Projects": [
            ["Project", "Collaboration"],
            ["Garden", "River Valley"],
            ["Marina", "Lakeside"],
        ],
        "Commitments": [
            ["Person", "Project", "Commitment", "Made", "Due", "Status"],
            ["Ann Lee", "Garden", "Dig", "2024-03-01", "not-a-date-rv", "open"],
            ["Lu Lake", "Marina", "Skipped Lakeside step", "", "lake-due-typo", "open"],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People", "Size"],
            ["2024-03-05", "Riverside tour", "Garden", "Ann Lee, Ghost Person"],
            ["2024-03-06", "Lakeside secret deal with the mayor", "Marina", "Lu Lake"],
            ["2024-03-06", "Lakeside secret deal with the mayor", "Marina", "Lu Lake"],
            ["", "Unplaced win text", "", "Lu Lake", "gigantic-unplaced"],
        ],
    }


def _arrow_text(data: bytes) -> str:
    try:
        return pa.ipc.open_stream(data).read_all().to_pandas().to_csv()
    except (pa.ArrowInvalid, OSError):
        return data.decode("utf-8", errors="replace")


def _strings(message) -> list[str]:
    """Every string and byte payload of a protobuf message, Arrow tables decoded to CSV."""
    found = []
    for field, value in message.ListFields():
        repeated = getattr(field, "is_repeated", None)
        repeated = repeated if repeated is not None else field.label == field.LABEL_REPEATED
        values = value if repeated else [value]
        for item in values:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, bytes):
                found.append(_arrow_text(item))
            elif hasattr(item, "ListFields"):
                found.extend(_strings(item))
    return found


def sent_to_browser(app: AppTest) -> str:
    """Everything the run sent to the browser, as text."""
    texts, stack = [], [app._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ListFields"):
            texts.extend(_strings(proto))
        value = getattr(node, "value", None) if type(node).__name__ == "Dataframe" else None
        if isinstance(value, pd.DataFrame):
            texts.append(value.to_csv())
        stack.extend(getattr(node, "children", {}).values())
    return "\n".join(texts)


def personal_patterns(people: pd.DataFrame) -> list[re.Pattern]:
    """The listed people's full names and emails in any case; each part of a name of 4 letters
    or more as written (capitalised), since "mark" and "vega" are also words of every Vega-Lite
    chart spec."""
    people = people[people["listed"]]
    whole = set(people["email"].dropna()) | set(people["name"].dropna())
    parts = {
        part
        for name in people["name"].dropna()
        for part in re.split(r"[\s\-']+", name)
        if len(part) >= 4
    }
    return [
        *(re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE) for w in sorted(whole)),
        *(re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in sorted(parts)),
    ]
