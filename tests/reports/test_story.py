"""The impact report's story of the network in plain words, on a workbook worked out by hand.

Collaboration North, period February 2024 (the day before it: 31 January).
People: Hub (Acme), Amy and Ben (Beta), Cal (Gamma), Dot (Delta).
  01-10 wins: Hub–Amy, Hub–Ben, Hub–Cal — on 31 January a star: N 4, links Hub 3, others 1 →
        Σ(3 − d) = 6 over (4−1)(4−2) = 6 → centralization 1.00; organizations linked:
        Acme–Beta, Acme–Gamma → 2
  02-05 Amy–Ben: Hub was linked to both → an introduction that happened
  02-10 Cal–Dot: Dot had nobody → not one
  02-15 Amy–Cal: Hub again → an introduction
  On 29 February: N 5; links Hub 3, Amy 3, Ben 2, Cal 3, Dot 1 → Σ(3 − d) = 0+0+1+0+2 = 3 over
  4·3 = 12 → 0.25; organizations linked: + Gamma–Delta, Beta–Gamma (Amy–Ben stays in Beta) → 4.
Commitments due in February: Hub's (done, with a result) and Amy's (missed, none) → 1 of 2.
"""

from __future__ import annotations

import datetime as dt

from dashboard.reports.impact import build_report
from dashboard.reports.story import story, story_figures
from tests.metrics.book import book, commitment, person, win

START, END = dt.date(2024, 2, 1), dt.date(2024, 2, 29)


def north():
    pairs = [
        ("2024-01-10", "Hub, Amy"),
        ("2024-01-10", "Hub, Ben"),
        ("2024-01-10", "Hub, Cal"),
        ("2024-02-05", "Amy, Ben"),
        ("2024-02-10", "Cal, Dot"),
        ("2024-02-15", "Amy, Cal"),
    ]
    return book(
        collaborations=["North"],
        people=[
            person("Hub", org="Acme"),
            person("Amy", org="Beta"),
            person("Ben", org="Beta"),
            person("Cal", org="Gamma"),
            person("Dot", org="Delta"),
        ],
        wins=[win(day, names, collab="North") for day, names in pairs],
        commitments=[
            commitment(
                "Hub",
                "P",
                "2024-01-20",
                "2024-02-10",
                "done",
                "2024-02-09",
                collab="North",
                result="The county wants numbers",
            ),
            commitment("Amy", "Q", "2024-01-20", "2024-02-20", "missed", collab="North"),
        ],
    )


def test_story_figures():
    assert story_figures(north(), START, END, "North") == {
        "centralization_before": 1.0,
        "centralization_after": 0.25,
        "introductions": 2,
        "org_links_before": 2,
        "org_links_after": 4,
        "learning_share": 0.5,
    }


STORY = (
    "Leadership is more shared than on 31 January 2024: leadership concentration 1.00 → 0.25 "
    "(0 when everyone has as many working relationships, 1 when all run through one person). "
    "2 introductions happened (new links between people who already shared a colleague); "
    "organization pairs linked: 2 → 4. A result was written down for 50% of the commitments "
    "reported back."
)


def test_the_story_in_words():
    assert story(story_figures(north(), START, END, "North"), START) == STORY


def test_the_report_tells_it_per_collaboration_without_names():
    paragraph = build_report(north(), START, END).paragraphs["North"]
    assert paragraph.endswith(STORY)
    assert not any(name in paragraph for name in ("Hub", "Amy", "Ben", "Cal", "Dot"))


def test_a_concentrating_network_and_too_few_people():
    figures = {
        "centralization_before": 0.2,
        "centralization_after": 0.5,
        "introductions": 1,
        "org_links_before": 0,
        "org_links_after": 1,
        "learning_share": None,
    }
    said = story(figures, START)
    assert "more concentrated" in said and "0.20 → 0.50" in said
    assert "1 introduction happened" in said and "result" not in said
    figures.update(centralization_before=None)
    assert story(figures, START).startswith("1 introduction happened")
