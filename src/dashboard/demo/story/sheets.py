"""How the demo's teams laid out their tabs: header words and the Read me tab."""

from __future__ import annotations

# How the teams typed their headers (30/30-form words, British spelling, an extra Notes column).
HEADERS: dict[str, tuple[tuple[str, str], ...]] = {
    "Collaborations": (
        ("Collaboration", "collaboration"),
        ("Region", "region"),
        ("Country", "country"),
        ("Started", "started"),
        ("Coordinator", "coordinator"),
    ),
    "People": (
        ("Name", "name"),
        ("Email", "email"),
        ("Organisation", "organization"),
        ("Sector", "sector"),
        ("Collaboration", "collaboration"),
        ("Joined", "joined"),
        ("Role", "role"),
    ),
    "Projects": (
        ("Project", "project"),
        ("Collaboration", "collaboration"),
        ("Outcome", "outcome"),
        ("Status", "status"),
        ("Started", "started"),
        ("Pathfinder", "pathfinder"),
        ("Lead", "lead"),
        ("Notes", "notes"),
    ),
    "Commitments": (
        ("Who is responsible", "person"),
        ("Project", "project"),
        ("Action step", "commitment"),
        ("Date made", "made"),
        ("By when", "due"),
        ("Status", "status"),
        ("Done", "done"),
        ("Results/learning", "result"),
    ),
    "Wins": (
        ("Date", "date"),
        ("Win", "win"),
        ("Project", "project"),
        ("People", "people"),
        ("Category", "category"),
        ("Size", "size"),
        ("Evidence", "evidence"),
        ("ID", "id"),
    ),
    "Meetings": (
        ("Date", "date"),
        ("Project", "project"),
        ("Collaboration", "collaboration"),
        ("Attendees", "attendees"),
    ),
}


READ_ME: tuple[str, ...] = (
    "Small Wins workbook - one row per commitment, win and 30/30 meeting.",
    "Add new rows at the bottom of each tab. Separate names in a list with commas.",
    "Questions: ask your coordinator.",
)
