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
The stage: on 31 January the star (4 linked, Hub has 3 ≥ (4−1)/2 links, centralization 1.00) is
a single hub; on 29 February 5 linked, Hub has 3 ≥ 2 links but centralization 0.25 → no hub; the
main core is the 2-core Hub, Amy, Ben, Cal (Dot has one link; Ben two, so no 3-core): 4 people,
5 of their 6 pairs linked (0.83 ≥ 0.5), and with Dot (linked to Cal) all 5 → a core with a
periphery. Weavers: Amy–Ben (02-05) and Amy–Cal (02-15) both credit Hub (linked to each on
01-10), nobody else → 1 weaver.
"""

from __future__ import annotations

import datetime as dt

from dashboard.reports.impact import build_report
from dashboard.reports.period import PeriodScope
from dashboard.reports.story import stories_by_group, story, story_figures
from tests.metrics.book import book, commitment, person, win

START, END = dt.date(2024, 2, 1), dt.date(2024, 2, 29)


NORTH_PEOPLE = [
    person("Hub", org="Acme"),
    person("Amy", org="Beta"),
    person("Ben", org="Beta"),
    person("Cal", org="Gamma"),
    person("Dot", org="Delta"),
]
NORTH_WINS = [
    win(day, names, collab="North")
    for day, names in [
        ("2024-01-10", "Hub, Amy"),
        ("2024-01-10", "Hub, Ben"),
        ("2024-01-10", "Hub, Cal"),
        ("2024-02-05", "Amy, Ben"),
        ("2024-02-10", "Cal, Dot"),
        ("2024-02-15", "Amy, Cal"),
    ]
]
NORTH_COMMITMENTS = [
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
]


def north():
    return book(
        collaborations=["North"],
        people=NORTH_PEOPLE,
        wins=NORTH_WINS,
        commitments=NORTH_COMMITMENTS,
    )


def test_story_figures():
    assert story_figures(north(), START, END, "North") == {
        "centralization_before": 1.0,
        "centralization_after": 0.25,
        "introductions": 2,
        "org_links_before": 2,
        "org_links_after": 4,
        "learning_share": 0.5,
        "stage_before": "hub",
        "stage_after": "core_periphery",
        "weavers": 1,
        "weaver_names": ["Hub"],
    }


STORY = (
    "The network moved from a single hub to a core with a periphery. "
    "Leadership is more shared than on 31 January 2024: leadership concentration 1.00 → 0.25 "
    "(0 when everyone has as many working relationships, 1 when all run through one person). "
    "2 introductions happened (new links between people who already shared a colleague), made "
    "by 1 network weaver (a colleague both already knew); "
    "organization pairs linked: 2 → 4. A result was written down for 50% of the commitments "
    "reported back."
)


def test_the_story_in_words():
    assert story(story_figures(north(), START, END, "North"), START) == STORY


def test_the_report_tells_it_per_collaboration_without_names():
    paragraph = build_report(north(), START, END).paragraphs["North"]
    assert paragraph.endswith(STORY)
    assert not any(name in paragraph for name in ("Hub", "Amy", "Ben", "Cal", "Dot"))


def test_with_names_on_the_weavers_are_named():
    figures = story_figures(north(), START, END, "North")
    assert "(a colleague both already knew: Hub)" in story(figures, START, show_names=True)
    paragraph = build_report(north(), START, END, show_names=True).paragraphs["North"]
    assert "made by 1 network weaver (a colleague both already knew: Hub)" in paragraph
    figures.update(weavers=5, weaver_names=["Hub", "Amy", "Ben"])
    said = story(figures, START, show_names=True)
    assert (
        "made by 5 network weavers (a colleague both already knew: Hub, Amy, Ben and 2 more)"
        in said
    )


def test_a_network_that_kept_its_stage():
    figures = {**story_figures(north(), START, END, "North"), "stage_before": "core_periphery"}
    assert story(figures, START).startswith("The network stayed a core with a periphery. ")


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


def test_every_collaboration_told_side_by_side_as_alone():
    """South beside North, Hub in both: each one's graph is its own (Hub's 3 North links
    counted in South would make South's busiest 5). South: Hub (Acme), Eve and Fay (Epsilon).
      01-05 Hub–Eve: on 31 January N 2 → no centralization; organizations Acme–Epsilon → 1
      02-12 Eve–Fay: Fay had nobody → not an introduction
      02-20 Hub–Fay: Eve was linked to both → an introduction, Eve its weaver
      On 29 February N 3, links 3, busiest 2 → (3·2 − 2·3) / (2·1) = 0.00; organizations:
      still Acme–Epsilon (Eve–Fay is within Epsilon) → 1. No commitments: no learning share."""
    south = [("2024-01-05", "Hub, Eve"), ("2024-02-12", "Eve, Fay"), ("2024-02-20", "Hub, Fay")]
    data = book(
        collaborations=["North", "South"],
        people=[
            *NORTH_PEOPLE,
            person("Eve", org="Epsilon"),
            person("Fay", org="Epsilon"),
        ],
        wins=[*NORTH_WINS, *(win(day, names, collab="South") for day, names in south)],
        commitments=NORTH_COMMITMENTS,
    )
    north_told, south_told = stories_by_group(
        PeriodScope.of(data, END, ["North", "South"]), START, END
    )
    assert north_told == story_figures(north(), START, END, "North")
    alone = story_figures(data, START, END, "South")
    assert south_told == alone
    assert {key: south_told[key] for key in alone if not key.startswith("stage")} == {
        "centralization_before": None,
        "centralization_after": 0.0,
        "introductions": 1,
        "org_links_before": 1,
        "org_links_after": 1,
        "learning_share": None,
        "weavers": 1,
        "weaver_names": ["Eve"],
    }
