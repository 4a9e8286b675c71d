"""The four collaborations of the demo story: who takes part, for which organisations, and the
few people who bridge regions."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Collab(NamedTuple):
    """A regional collaboration; its first person in ``PEOPLE`` is the coordinator."""

    name: str
    region: str
    country: str
    started: dt.date
    slug: str


RIVER = "River Valley Manufacturing Network"
PLAINS = "High Plains Rural Health"
COAST = "Coastal Food Systems Alliance"
NORTH = "Northern Tech Corridor"

# The High Plains coordinator moved away in May 2026; nobody picked the sheet up again.
STALLED = PLAINS
STALL_DATE = dt.date(2026, 5, 12)

COLLABORATIONS: tuple[Collab, ...] = (
    Collab(RIVER, "Midwest", "United States", dt.date(2024, 11, 1), "rvmn"),
    Collab(PLAINS, "Great Plains", "United States", dt.date(2024, 12, 2), "hprh"),
    Collab(COAST, "Gulf Coast", "United States", dt.date(2025, 1, 13), "cfsa"),
    Collab(NORTH, "North East England", "United Kingdom", dt.date(2025, 2, 3), "ntc"),
)

# The first four of each list form the core team from day one; the rest join over time.
CORE_TEAM = 4
PEOPLE: dict[str, tuple[str, ...]] = {
    RIVER: (
        "Dana Kowalski",
        "Marcus Bell",
        "José Pérez",
        "Linh Tran",
        "Greg Halvorsen",
        "Aisha Rahman",
        "Tom Brennan",
        "Keisha Moore",
        "Raj Patel",
        "Erin Schultz",
        "Darnell Washington",
        "Megan O'Brien",
        "Luis Ortega",
        "Hannah Lindgren",
        "Samuel Okafor",
        "Priya Desai",
        "Brian Novak",
        "Carmen Reyes",
        "Jake Hoffmann",
        "Nadia Haddad",
        "Kevin Yoder",
        "Rosa Jiménez",
        "Paul Adeyemi",
        "Laura Fischer",
        "Tyler Brooks",
        "Mei Chen",
        "Victor Sandoval",
    ),
    PLAINS: (
        "Sharon Whitehorse",
        "Dale Pedersen",
        "Marisol Vega",
        "Curtis Hanson",
        "Beth Ann Kramer",
        "Faisal Qureshi",
        "Mary Jo Svoboda",
        "Trevor Lund",
        "Nkechi Obi",
        "Wyatt Ferris",
        "Olga Petrova",
        "Kimberly Dahl",
        "Héctor Morales",
        "Janelle Haugen",
        "Scott Bergstrom",
        "Abby Nygaard",
        "Luke Friesen",
        "Sunita Rao",
        "Travis Meyer",
        "Cheryl Wagner",
        "Jonah Reimer",
        "Patricia Holm",
    ),
    COAST: (
        "Renée Broussard",
        "Andre Thibodeaux",
        "María Delgado",
        "Minh Nguyễn",
        "Tuan Pham",
        "Claire Landry",
        "Jamal Carter",
        "Beatrice Fontenot",
        "Sofia Castillo",
        "Derek Guidry",
        "Latoya Johnson",
        "Hugo Martín",
        "Anh Le",
        "Cody Hebert",
        "Grace Okonkwo",
        "Elena Vargas",
        "Owen Richard",
        "Imani Brooks",
        "Felipe Soto",
        "Jenna Babin",
        "Kwame Asante",
        "Lucy Trahan",
        "Omar Farouk",
        "Tanya Melancon",
        "Ben Cormier",
    ),
    NORTH: (
        "Siobhán O'Neill",
        "Callum Robson",
        "Priya Sharma",
        "Gareth Jones",
        "Aisha Begum",
        "Tom Armstrong",
        "Ellie Charlton",
        "Kwabena Mensah",
        "Rachel Milburn",
        "Daniel Okoro",
        "Fiona Carr",
        "Hamza Iqbal",
        "Jessica Dodds",
        "Liam Hutchinson",
        "Zoë Fairbanks",
        "Ravi Kapoor",
        "Grace Pattinson",
        "Mark Elliott",
        "Sana Malik",
        "Chris Bainbridge",
        "Hannah Wilkinson",
        "Oluwaseun Adebayo",
        "Beth Nicholson",
        "Wei Zhang",
        "Katie Lowes",
    ),
}

# How the same person gets typed in different rows (all one person by docs/METRICS.md's name rule).
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "José Pérez": (" jose  PÉREZ", "Jose Perez"),
    "Siobhán O'Neill": ("Siobhan O'Neill", "siobhán o'neill"),
    "Renée Broussard": ("Renee Broussard",),
    "Zoë Fairbanks": ("Zoe Fairbanks", "zoë  fairbanks"),
    "Héctor Morales": ("Hector Morales",),
    "Minh Nguyễn": ("Minh Nguyen",),
}

ORGANIZATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    RIVER: (
        ("Hartwell Precision Machining", "business"),
        ("Valley Tool & Die", "business"),
        ("Brightline Plastics", "business"),
        ("Kessler Foundry", "business"),
        ("River Valley Community College", "education"),
        ("Lakeshore State University", "education"),
        ("Marlow County Workforce Board", "government"),
        ("Valley Manufacturers Association", "nonprofit"),
        ("Tri-County Community Foundation", "funder"),
        ("Eastside Neighbors Association", "community"),
    ),
    PLAINS: (
        ("Prairie View Regional Hospital", "nonprofit"),
        ("Sandhills Family Clinic", "business"),
        ("Buffalo Creek Public Library", "government"),
        ("High Plains State University School of Nursing", "education"),
        ("Larkin County Health Department", "government"),
        ("Plains Community Health Workers Association", "nonprofit"),
        ("Sweetgrass Rural Health Fund", "funder"),
        ("Cottonwood Grain Cooperative", "business"),
        ("Wagon Wheel Senior Center", "community"),
    ),
    COAST: (
        ("Pelican Bay Seafood Co.", "business"),
        ("Bayou Fresh Produce", "business"),
        ("Gulf Coast Grocers Cooperative", "business"),
        ("Harbor Kitchen Incubator", "nonprofit"),
        ("Coastal Parish School District", "education"),
        ("Gulf State University Extension", "education"),
        ("Port Anselm City Council", "government"),
        ("Second Harvest of the Coast", "nonprofit"),
        ("Harbor Arts Collective", "community"),
        ("Delta Families Foundation", "funder"),
    ),
    NORTH: (
        ("Tyneside Robotics Ltd", "business"),
        ("Quayside Software", "business"),
        ("Wearmouth Photonics", "business"),
        ("University of Northgate", "education"),
        ("Tynebridge College", "education"),
        ("Northgate City Council", "government"),
        ("Digital North Trust", "nonprofit"),
        ("Ouseburn Makers Guild", "community"),
        ("Coalfields Innovation Fund", "funder"),
    ),
}

# People who take part in another region's project from a date on: the ties that bridge regions.
BRIDGES: tuple[tuple[str, str, dt.date], ...] = (
    ("Samuel Okafor", "Shared Prototyping Lab", dt.date(2025, 10, 1)),
    ("Wei Zhang", "Automation Adoption Clinic", dt.date(2025, 11, 1)),
    ("Grace Okonkwo", "Community Health Worker Network", dt.date(2025, 6, 1)),
    ("Nkechi Obi", "School Lunch Local Sourcing", dt.date(2025, 8, 1)),
    ("Laura Fischer", "Food Waste Recovery", dt.date(2026, 3, 1)),
)

# Named in wins but never added to People (the Data health page lists them).
UNKNOWN_PEOPLE = {PLAINS: "Bob Harlan", NORTH: "Councillor Hughes"}
