"""The demo story's projects: when each started and stopped, what it set out to change."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from dashboard.demo.story.regions import COAST, NORTH, PLAINS, RIVER


class ProjectSpec(NamedTuple):
    """A project as the core team wrote it down; ``ended`` is when its 30/30s stopped."""

    name: str
    collab: str
    status: str
    started: dt.date
    ended: dt.date | None
    pathfinder: str


_D = dt.date
PROJECTS: tuple[ProjectSpec, ...] = (
    ProjectSpec("Apprenticeship Pipeline", RIVER, "active", _D(2024, 11, 5), None, "yes"),
    ProjectSpec("Shared Supplier Directory", RIVER, "active", _D(2025, 1, 14), None, "yes"),
    ProjectSpec(
        "Plant Tours for Teachers", RIVER, "completed", _D(2025, 3, 11), _D(2026, 2, 15), "yes"
    ),
    ProjectSpec("Automation Adoption Clinic", RIVER, "active", _D(2025, 9, 9), None, "yes"),
    ProjectSpec(
        "Energy Cost Cooperative", RIVER, "paused", _D(2025, 6, 10), _D(2025, 12, 10), "no"
    ),
    ProjectSpec("Telehealth Kiosks in Libraries", PLAINS, "active", _D(2024, 12, 10), None, "yes"),
    ProjectSpec("Rural Nursing Pipeline", PLAINS, "active", _D(2025, 1, 14), None, "yes"),
    ProjectSpec("Community Health Worker Network", PLAINS, "active", _D(2025, 5, 6), None, "yes"),
    ProjectSpec("Mobile Dental Days", PLAINS, "paused", _D(2025, 8, 12), _D(2026, 1, 15), "yes"),
    ProjectSpec("Dock-to-Table Seafood Hub", COAST, "active", _D(2025, 1, 21), None, "yes"),
    ProjectSpec("School Lunch Local Sourcing", COAST, "active", _D(2025, 2, 11), None, "yes"),
    ProjectSpec(
        "Farmers Market SNAP Match", COAST, "completed", _D(2025, 4, 8), _D(2026, 3, 20), "yes"
    ),
    ProjectSpec("Cold Storage Co-op", COAST, "paused", _D(2025, 5, 13), _D(2025, 11, 15), "yes"),
    ProjectSpec("Food Waste Recovery", COAST, "active", _D(2026, 2, 10), None, "no"),
    ProjectSpec("Graduate Retention Scheme", NORTH, "active", _D(2025, 2, 11), None, "yes"),
    ProjectSpec("Shared Prototyping Lab", NORTH, "active", _D(2025, 3, 11), None, "yes"),
    ProjectSpec(
        "Digital Skills Bootcamps", NORTH, "completed", _D(2025, 4, 8), _D(2026, 1, 31), "yes"
    ),
    ProjectSpec("Founders' Meetup Circuit", NORTH, "active", _D(2025, 10, 14), None, "no"),
    ProjectSpec("Net Zero Supply Chain Pilot", NORTH, "active", _D(2026, 4, 14), None, "yes"),
)
# What each project's core team set out to change (the Strategic Doing "outcome").
OUTCOMES: dict[str, str] = {
    "Apprenticeship Pipeline": "Every valley manufacturer can hire a trained apprentice by 2027",
    "Shared Supplier Directory": "Small manufacturers find a capable local supplier in a day",
    "Plant Tours for Teachers": "Every middle-school science teacher has seen a modern plant floor",
    "Automation Adoption Clinic": "Small shops try one automation step with expert help",
    "Energy Cost Cooperative": "Members cut energy bills through joint purchasing",
    "Telehealth Kiosks in Libraries": "Every county seat has a private telehealth spot nearby",
    "Rural Nursing Pipeline": "Local students can train as nurses without leaving the county",
    "Community Health Worker Network": "Every clinic can refer patients to a health worker",
    "Mobile Dental Days": "Children in outlying towns see a dentist every year",
    "Dock-to-Table Seafood Hub": "Local restaurants buy from local boats every week",
    "School Lunch Local Sourcing": "One local meal a week in every school cafeteria",
    "Farmers Market SNAP Match": "Families using SNAP can double their dollars at every market",
    "Cold Storage Co-op": "Small growers share refrigerated storage near the port",
    "Food Waste Recovery": "Surplus food from restaurants reaches pantries the same day",
    "Graduate Retention Scheme": "Half of local tech graduates take a first job in the region",
    "Shared Prototyping Lab": "Any small firm can build a prototype in the lab within a week",
    "Digital Skills Bootcamps": "Adults can retrain for a digital job in twelve weeks",
    "Founders' Meetup Circuit": "Founders in every town meet monthly and know who to ask",
    "Net Zero Supply Chain Pilot": "Small suppliers cut emissions with help from their buyers",
}
NOTES: dict[str, str] = {
    "Plant Tours for Teachers": "All 14 middle schools reached",
    "Energy Cost Cooperative": "Paused until the utility rate case is decided",
    "Mobile Dental Days": "Van out of service over winter",
    "Farmers Market SNAP Match": "Handed over to the market board",
    "Cold Storage Co-op": "Waiting on the port lease decision",
    "Founders' Meetup Circuit": "Rotates between five towns",
}
