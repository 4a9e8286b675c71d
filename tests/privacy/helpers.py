"""Workbooks and probes the privacy tests share: names where the People columns are not (the
funder tests), and names written in hostile ways with the probes that find them (issue 21,
finding 2), used by the AppTest and the browser tests alike."""

from __future__ import annotations

import re

from dashboard.folding import for_finding


def names_elsewhere_workbook() -> dict[str, list[list[object]]]:
    """Names where the People columns are not: organizations, projects, a category, and a People
    tab called "Members" with a bad email (a problem whose value is a name's email)."""
    return {
        "Collaborations": [["Collaboration"], ["River Valley"]],
        "Members": [
            ["Name", "Email", "Organization", "Sector", "Collaboration"],
            ["Ann Lee", "ann@lee.org", "Ann Lee Consulting", "business", "River Valley"],
            ["Bo Chen", "bo.chen(at)mail", "Self-employed (Bo Chen)", "business", "River Valley"],
            ["Cy Diaz", "", "Diaz Farms", "business", "River Valley"],
            ["Dee Dunn", "", "Dunn Farms", "business", "River Valley"],
        ],
        "Projects": [
            ["Project", "Collaboration"],
            ["Ann's garden", "River Valley"],
            ["Dee's garden", "River Valley"],
        ],
        "Commitments": [
            ["Person", "Project", "Commitment", "Made", "Due", "Status"],
            ["Ann Lee", "Ann's garden", "Ask Bo Chen", "2024-03-01", "2024-03-20", "open"],
            ["Cy Diaz", "Dee's garden", "Dig", "2024-03-02", "2024-03-25", "done"],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People", "Category"],
            ["2024-03-05", "Seeds in", "Ann's garden", "Ann Lee, Bo Chen", "Chen's pick"],
            ["2024-03-06", "Fence up", "Dee's garden", "Cy Diaz & Dee Dunn", "build"],
        ],
    }


HOSTILE_NAMES = ["Ann Lee", "José Pérez", "Seán O'Brien", "王小明"]
HOSTILE = {
    "王小明完成了培训": "[someone]完成了培训",
    "An\u200bn Le\u200be ran the workshop": "[someone] ran the workshop",
    "Jo\u00adsé joined": "[someone] joined",
    "Certificate_Ann_Lee.pdf": "Certificate_[someone].pdf",
    "ann_lee_workshop.jpg": "[someone]_workshop.jpg",
    "Ann2024 kickoff": "[someone]2024 kickoff",
    "O’Brien hosted": "[someone] hosted",
    "Thanks to Seán O’Brien": "Thanks to [someone]",
}
# what must not be found in anything a funder receives (folded as the masker folds)
PROBES = ["ann", "lee", "jose", "perez", "sean", "brien", "o'brien", "王小明"]


def leaks(text: str) -> list[str]:
    folded = for_finding(text)[0].casefold()
    found = [p for p in PROBES if not p.isascii() and p in folded]
    return found + [
        p
        for p in PROBES
        if p.isascii() and re.search(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])", folded)
    ]


def hostile_workbook() -> dict[str, list[list[object]]]:
    """One River Valley garden whose wins name its four people in every hostile spelling."""
    texts = list(HOSTILE)
    return {
        "Collaborations": [["Collaboration"], ["River Valley"]],
        "People": [
            ["Name", "Email", "Organization", "Sector", "Collaboration"],
            *[[name, "", "Acme", "business", "River Valley"] for name in HOSTILE_NAMES],
        ],
        "Projects": [["Project", "Collaboration"], ["Garden", "River Valley"]],
        "Wins": [
            ["Date", "Win", "Project", "People", "Evidence"],
            *[
                [f"2024-03-{day:02d}", text, "Garden", "Ann Lee", texts[-day]]
                for day, text in enumerate(texts, start=1)
            ],
        ],
    }
