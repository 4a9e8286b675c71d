"""The word lists behind the demo workbook (``demo.py``): regions, people, projects, wins.

Kept apart from the generator so the story can be read and edited like a script. Every name and
organisation is fictional; every email domain is an example domain (RFC 2606).
"""

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


class ProjectSpec(NamedTuple):
    """A project as the core team wrote it down; ``ended`` is when its 30/30s stopped."""

    name: str
    collab: str
    status: str
    started: dt.date
    ended: dt.date | None
    pathfinder: str


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
        "Dana Kowalski", "Marcus Bell", "José Pérez", "Linh Tran", "Greg Halvorsen",
        "Aisha Rahman", "Tom Brennan", "Keisha Moore", "Raj Patel", "Erin Schultz",
        "Darnell Washington", "Megan O'Brien", "Luis Ortega", "Hannah Lindgren", "Samuel Okafor",
        "Priya Desai", "Brian Novak", "Carmen Reyes", "Jake Hoffmann", "Nadia Haddad",
        "Kevin Yoder", "Rosa Jiménez", "Paul Adeyemi", "Laura Fischer", "Tyler Brooks",
        "Mei Chen", "Victor Sandoval",
    ),
    PLAINS: (
        "Sharon Whitehorse", "Dale Pedersen", "Marisol Vega", "Curtis Hanson", "Beth Ann Kramer",
        "Faisal Qureshi", "Mary Jo Svoboda", "Trevor Lund", "Nkechi Obi", "Wyatt Ferris",
        "Olga Petrova", "Kimberly Dahl", "Héctor Morales", "Janelle Haugen", "Scott Bergstrom",
        "Abby Nygaard", "Luke Friesen", "Sunita Rao", "Travis Meyer", "Cheryl Wagner",
        "Jonah Reimer", "Patricia Holm",
    ),
    COAST: (
        "Renée Broussard", "Andre Thibodeaux", "María Delgado", "Minh Nguyễn", "Tuan Pham",
        "Claire Landry", "Jamal Carter", "Beatrice Fontenot", "Sofia Castillo", "Derek Guidry",
        "Latoya Johnson", "Hugo Martín", "Anh Le", "Cody Hebert", "Grace Okonkwo",
        "Elena Vargas", "Owen Richard", "Imani Brooks", "Felipe Soto", "Jenna Babin",
        "Kwame Asante", "Lucy Trahan", "Omar Farouk", "Tanya Melancon", "Ben Cormier",
    ),
    NORTH: (
        "Siobhán O'Neill", "Callum Robson", "Priya Sharma", "Gareth Jones", "Aisha Begum",
        "Tom Armstrong", "Ellie Charlton", "Kwabena Mensah", "Rachel Milburn", "Daniel Okoro",
        "Fiona Carr", "Hamza Iqbal", "Jessica Dodds", "Liam Hutchinson", "Zoë Fairbanks",
        "Ravi Kapoor", "Grace Pattinson", "Mark Elliott", "Sana Malik", "Chris Bainbridge",
        "Hannah Wilkinson", "Oluwaseun Adebayo", "Beth Nicholson", "Wei Zhang", "Katie Lowes",
    ),
}  # fmt: skip

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

# Action steps as people say them at a 30/30. "{org}" is filled with one of the region's
# organisations, "{n}" with a small number and "{month}" with the month of the event.
ACTIONS: dict[str, tuple[str, ...]] = {
    "Apprenticeship Pipeline": (
        "Call the county workforce board about apprenticeship funding",
        "Draft a one-page apprenticeship pitch for plant managers",
        "Ask {org} how many apprentices they could host next year",
        "Visit the community college welding lab with two employers",
        "Share the pre-apprenticeship syllabus with HR leads",
        "Set up a meeting with a registered apprenticeship sponsor",
        "Collect starting wages for entry-level machinist roles",
        "Invite high-school counselors to the next plant open day",
        "Walk the shop floor at {org} with a college instructor",
        "Ask {org} to mentor a pre-apprentice",
        "Send the apprenticeship flyer to {org}",
    ),
    "Shared Supplier Directory": (
        "List the machining capabilities of five member shops",
        "Test the directory draft with two purchasing managers",
        "Ask {org} to share their approved-supplier checklist",
        "Set up the shared spreadsheet for supplier profiles",
        "Email ten shops asking them to fill in their profile",
        "Demo the directory at the association breakfast",
        "Interview the buyer at {org} about what they search for",
        "Add the profile of {org} to the directory",
        "Ask {org} to test the search page",
    ),
    "Plant Tours for Teachers": (
        "Book a tour date with {org}",
        "Send the tour sign-up form to the district science leads",
        "Arrange a school bus for the spring tour",
        "Write a classroom activity based on the foundry visit",
        "Collect teacher feedback forms from the last tour",
        "Ask {org} for a safety briefing script for visitors",
        "Thank {org} for hosting the last tour",
    ),
    "Automation Adoption Clinic": (
        "Ask the university robotics lab for two clinic volunteers",
        "Survey ten shops about their worst manual bottleneck",
        "Price a collaborative robot loan for a 60-day trial",
        "Write up the first clinic visit as a case study",
        "Contact the state manufacturing extension office about cost sharing",
        "Book a clinic visit at {org}",
        "Ask {org} to share what their cobot trial cost",
        "Invite {org} to the clinic open day",
    ),
    "Energy Cost Cooperative": (
        "Gather twelve months of energy bills from three members",
        "Ask the utility account rep about group tariffs",
        "Find a broker who has set up a buying group before",
        "Ask {org} for their last year of energy bills",
    ),
    "Telehealth Kiosks in Libraries": (
        "Ask the library board about a private room for telehealth",
        "Get a quote for a kiosk with a secure connection",
        "Call the hospital IT lead about scheduling integration",
        "Train two librarians to help patients log in",
        "Count how many patients drive over an hour for follow-ups",
        "Ask {org} to lend a laptop for the kiosk",
        "Show the kiosk to staff at {org}",
        "Ask {org} to put kiosk flyers at the front desk",
    ),
    "Rural Nursing Pipeline": (
        "Map clinical placement slots at the regional hospital",
        "Ask the nursing school about a rural cohort",
        "Invite two nurses to speak at the high-school career fair",
        "Draft a housing stipend idea for student nurses",
        "Call the health department about scholarship funds",
        "Ask {org} to host a job-shadow day for students",
        "Introduce the nursing school to {org}",
    ),
    "Community Health Worker Network": (
        "List the community health workers already working in the region",
        "Set up a monthly call for community health workers",
        "Ask the senior center to host a blood-pressure check day",
        "Draft a referral form clinics can use",
        "Share the state certification requirements with the group",
        "Ask {org} to refer one patient to a health worker",
        "Visit {org} to explain the referral form",
    ),
    "Mobile Dental Days": (
        "Ask the dental school about a mobile unit visit",
        "Find a parking spot with power for the dental van",
        "Send consent forms to the elementary schools",
        "Ask {org} to help families with transport",
    ),
    "Dock-to-Table Seafood Hub": (
        "Ask three shrimpers what price would make direct sales worth it",
        "Visit the dock with two chefs on a landing day",
        "Check the health code for selling at the dock",
        "Set up a weekly text list of the catch for restaurants",
        "Ask {org} about cold storage at the dock",
        "Take a sample box of shrimp to {org}",
        "Ask {org} how many pounds a week they could buy",
    ),
    "School Lunch Local Sourcing": (
        "Get the district's produce bid calendar",
        "Ask the food-service director which items are easiest to buy local",
        "Arrange a taste test of local sweet potatoes",
        "Connect the district buyer with {org}",
        "Find out the paperwork for farm-to-school grants",
        "Ask {org} for a price on 500 pounds of sweet potatoes",
        "Invite {org} to the cafeteria taste test",
    ),
    "Farmers Market SNAP Match": (
        "Ask the market manager about a token system",
        "Call the foundation about match funding",
        "Print flyers for the food bank pantry days",
        "Train market volunteers on the SNAP card reader",
        "Ask {org} to promote the match at its pantry days",
    ),
    "Cold Storage Co-op": (
        "Count the pallets of cold storage growers need in peak season",
        "Ask the port authority about a lease on the old ice house",
        "Get a quote for a used walk-in cooler",
        "Ask {org} how much cold space they need",
    ),
    "Food Waste Recovery": (
        "Ask five restaurants what surplus they throw away",
        "Test a same-day pickup route with the food bank van",
        "Draft a simple liability waiver for donors",
        "Recruit two volunteer drivers",
        "Ask {org} to try a same-day pickup",
        "Thank {org} for the first donation",
    ),
    "Graduate Retention Scheme": (
        "Ask five employers for paid summer placements",
        "Run a lunchtime talk for final-year students",
        "Collect graduate destination figures from the careers service",
        "Set up a shared placements page",
        "Introduce {org} to the careers service",
        "Ask {org} to take a graduate on a two-week taster",
        "Put {org} in touch with the computing department",
    ),
    "Shared Prototyping Lab": (
        "Agree a booking rule for the 3D printers",
        "Ask the makers guild to run an induction session",
        "Draft a simple price list for lab time",
        "Find insurance cover for outside users",
        "Invite three start-ups to a free trial day",
        "Show {org} round the lab",
        "Ask {org} to donate spare filament and sheet stock",
    ),
    "Digital Skills Bootcamps": (
        "Ask the college which bootcamps already have funding",
        "Line up three employers to interview bootcamp graduates",
        "Share the bootcamp flyer at the jobcentre",
        "Find mentors for the data analysis cohort",
        "Ask {org} to run a mock interview session",
        "Send the bootcamp CVs to {org}",
    ),
    "Founders' Meetup Circuit": (
        "Book a room for the next founders' meetup",
        "Ask two founders to share a failure story",
        "Post the meetup on the local tech Slack",
        "Invite the council's business team to the meetup",
        "Ask {org} to sponsor drinks at the meetup",
        "Invite a founder from {org} to speak",
    ),
    "Net Zero Supply Chain Pilot": (
        "Ask two large buyers what emissions data they need from suppliers",
        "Find a free carbon calculator small firms can use",
        "Sign up three suppliers for a carbon footprint check",
        "Ask {org} to share their energy audit template",
        "Book a carbon check visit at {org}",
        "Ask {org} which suppliers want help first",
    ),
}
GENERIC_ACTIONS: tuple[str, ...] = (
    "Send the 30/30 notes to the whole team",
    "Introduce {org} to the project lead",
    "Write a two-line update for the newsletter",
    "Ask {org} who else we should talk to",
    "Book the room for the next 30/30",
    "Draft the case for support for the funder",
    "Follow up with everyone who missed the last meeting",
    "Share a photo of the last win on social media",
    "Call a new member to welcome them",
    "Introduce a new member to someone at {org}",
    "Ask {org} to share the newsletter with their staff",
    "Thank {org} for hosting the 30/30",
    "Update the project page with this month's wins",
)

# Wins as teams write them, with their category. A text without a placeholder is a milestone:
# it happens once per collaboration.
WINS: dict[str, tuple[tuple[str, str], ...]] = {
    "Apprenticeship Pipeline": (
        ("{org} agreed to host {n} apprentices this summer", "partnership"),
        ("Workforce board committed matching funds for apprentice wages", "funding"),
        ("First pre-apprentice cohort started at the community college", "learning"),
        ("Local paper ran a story on the apprentice pipeline", "media"),
        ("{n} high-school students toured the machining lab", "event"),
        ("County added apprenticeships to its workforce plan", "policy"),
        ("{org} hired a pre-apprentice for the summer", "partnership"),
        ("{n} students signed up for the pre-apprentice course", "learning"),
        ("{org} opened its shop floor for a {month} open day", "event"),
    ),
    "Shared Supplier Directory": (
        ("{n} more shops added their profiles to the directory", "partnership"),
        ("{org} found a local supplier through the directory", "partnership"),
        ("Directory demo drew {n} purchasing managers", "event"),
        ("Association agreed to host the directory on its website", "partnership"),
        ("{org} got a quote request through the directory", "partnership"),
        ("{n}0 purchasing managers searched the directory in {month}", "learning"),
    ),
    "Plant Tours for Teachers": (
        ("{n} teachers toured {org}", "event"),
        ("District added plant tours to teacher development days", "policy"),
        ("A teacher wrote about the tour in the school newsletter", "media"),
        ("Lesson plan from the tour shared with every middle school", "learning"),
        ("{org} sent an engineer to a science class", "partnership"),
    ),
    "Automation Adoption Clinic": (
        ("{org} trialled a cobot on their packing line", "learning"),
        ("State extension office agreed to share clinic costs", "funding"),
        ("Clinic case study published by the association", "media"),
        ("{n} shops signed up for clinic visits", "partnership"),
        ("{org} cut setup time after a clinic visit", "learning"),
        ("Clinic visit at {org} found {n} quick fixes", "learning"),
    ),
    "Energy Cost Cooperative": (
        ("Three members pooled their energy data", "partnership"),
        ("Utility rep walked the team through group tariffs", "learning"),
    ),
    "Telehealth Kiosks in Libraries": (
        ("Library board approved a telehealth room", "partnership"),
        ("First patient visit held at the library kiosk", "learning"),
        ("{org} donated a laptop and headset for the kiosk", "funding"),
        ("Radio station interviewed the team about library telehealth", "media"),
        ("{n} patients used the library kiosk in {month}", "learning"),
        ("Staff at {org} trained to help kiosk patients", "learning"),
    ),
    "Rural Nursing Pipeline": (
        ("Nursing school agreed to a rural cohort of {n}", "partnership"),
        ("{n} students asked about nursing after the career fair", "event"),
        ("Hospital opened {n} more clinical placements", "partnership"),
        ("Rural health fund approved a housing stipend pilot", "funding"),
        ("{n} students shadowed nurses at {org}", "event"),
    ),
    "Community Health Worker Network": (
        ("{n} community health workers joined the monthly call", "partnership"),
        ("Blood-pressure day at the senior center screened {n}0 people", "event"),
        ("Two clinics started using the shared referral form", "policy"),
        ("{org} referred {n} patients to health workers", "partnership"),
        ("{n} health workers finished the certification course", "learning"),
    ),
    "Mobile Dental Days": (
        ("Dental school agreed to bring its van in the spring", "partnership"),
        ("{n}0 children signed up for the first dental day", "event"),
    ),
    "Dock-to-Table Seafood Hub": (
        ("{n} restaurants bought from the dock this week", "partnership"),
        ("{org} put local shrimp on the menu", "partnership"),
        ("Health department confirmed dock sales are allowed", "policy"),
        ("TV news filmed a landing day at the dock", "media"),
        ("{org} bought {n}00 pounds of shrimp at the dock", "partnership"),
    ),
    "School Lunch Local Sourcing": (
        ("Local sweet potatoes served in {n} schools", "partnership"),
        ("Taste test: {n}0 students voted for the local recipe", "event"),
        ("District added a local-preference line to its produce bid", "policy"),
        ("Farm-to-school grant application submitted", "funding"),
        ("{org} delivered a produce order to the district", "partnership"),
    ),
    "Farmers Market SNAP Match": (
        ("Foundation funded the SNAP match for the season", "funding"),
        ("SNAP sales at the market doubled in the first month", "learning"),
        ("{n}0 families used the match on opening day", "event"),
        ("{n}0 families used the match in {month}", "event"),
    ),
    "Cold Storage Co-op": (
        ("Port staff toured the old ice house with growers", "event"),
        ("Growers agreed on a cost-sharing formula", "partnership"),
    ),
    "Food Waste Recovery": (
        ("First same-day pickup delivered {n}0 meals", "learning"),
        ("{org} signed up as a regular donor", "partnership"),
        ("City council recognised the recovery pilot", "policy"),
        ("{n}0 meals rescued from {org} in {month}", "learning"),
    ),
    "Graduate Retention Scheme": (
        ("{org} offered {n} paid placements", "partnership"),
        ("{n}0 students came to the employer lunchtime talk", "event"),
        ("Careers service shared graduate destination data", "learning"),
        ("Placements page featured in the university newsletter", "media"),
        ("{n} graduates took first jobs at {org}", "partnership"),
    ),
    "Shared Prototyping Lab": (
        ("First outside firm built a prototype in the lab", "learning"),
        ("{n} start-ups booked trial days", "partnership"),
        ("Innovation fund agreed to cover lab induction costs", "funding"),
        ("Lab open evening drew {n}0 visitors", "event"),
        ("{org} booked {n} days of lab time", "partnership"),
    ),
    "Digital Skills Bootcamps": (
        ("{n} bootcamp graduates got interviews", "learning"),
        ("{org} hired a bootcamp graduate", "partnership"),
        ("Council added bootcamps to its skills plan", "policy"),
        ("{n} learners finished the {month} bootcamp", "learning"),
    ),
    "Founders' Meetup Circuit": (
        ("{n} founders came to the first meetup in a new town", "event"),
        ("Two founders started a joint bid after the meetup", "partnership"),
        ("Local radio covered the founders' circuit", "media"),
        ("{n} founders came to the {month} meetup", "event"),
    ),
    "Net Zero Supply Chain Pilot": (
        ("{n} suppliers finished their first carbon footprint check", "learning"),
        ("{org} agreed to mentor two small suppliers", "partnership"),
        ("Innovation fund opened a small grant for supplier retrofits", "funding"),
        ("{org} cut energy use after a carbon check", "learning"),
    ),
}
GENERIC_WINS: tuple[tuple[str, str], ...] = (
    ("{org} joined the collaboration", "partnership"),
    ("Every commitment reported back at the {month} 30/30", "learning"),
    ("New member from {org} made a first commitment", "partnership"),
    ("{month} newsletter featured our work", "media"),
    ("Small grant from {org} to cover meeting costs", "funding"),
    ("Shared a lessons-learned note with the other regions", "learning"),
    ("{org} hosted the {month} 30/30", "event"),
    ("{n} people from {org} came to their first 30/30", "event"),
)

# What people report back at the next 30/30 (the "Results/learning" column).
RESULTS: tuple[str, ...] = (
    "Learned that the real barrier is time, not money",
    "Learned that {org} already runs something similar - we should join forces",
    "Learned that people answer calls faster than emails",
    "Learned that the funder wants to see three months of results first",
    "Learned the decision sits with the board, which meets quarterly",
    "Learned that a short demo beats a long explanation",
    "Learned that the timeline is longer than we hoped",
    "Got a yes, and three more names to call",
    "Found a contact at {org} who can open the door next month",
    "Learned that the form needs to be simpler",
    "Learned that they want a one-pager before meeting",
    "Learned that summer is the wrong time to ask",
)
MISSED_RESULTS: tuple[str, ...] = (
    "Ran out of time - carrying it to next month",
    "Could not reach the right person yet",
    "Still waiting for a reply",
    "Put on hold after the budget news",
)

# How the teams typed their headers (30/30-form words, British spelling, an extra Notes column).
HEADERS: dict[str, tuple[tuple[str, str], ...]] = {
    "Collaborations": (
        ("Collaboration", "collaboration"), ("Region", "region"), ("Country", "country"),
        ("Started", "started"), ("Coordinator", "coordinator"),
    ),
    "People": (
        ("Name", "name"), ("Email", "email"), ("Organisation", "organization"),
        ("Sector", "sector"), ("Collaboration", "collaboration"), ("Joined", "joined"),
        ("Role", "role"),
    ),
    "Projects": (
        ("Project", "project"), ("Collaboration", "collaboration"), ("Outcome", "outcome"),
        ("Status", "status"), ("Started", "started"), ("Pathfinder", "pathfinder"),
        ("Lead", "lead"), ("Notes", "notes"),
    ),
    "Commitments": (
        ("Who is responsible", "person"), ("Project", "project"), ("Action step", "commitment"),
        ("Date made", "made"), ("By when", "due"), ("Status", "status"), ("Done", "done"),
        ("Results/learning", "result"),
    ),
    "Wins": (
        ("Date", "date"), ("Win", "win"), ("Project", "project"), ("People", "people"),
        ("Category", "category"), ("Size", "size"), ("Evidence", "evidence"), ("ID", "id"),
    ),
    "Meetings": (
        ("Date", "date"), ("Project", "project"), ("Collaboration", "collaboration"),
        ("Attendees", "attendees"),
    ),
}  # fmt: skip


READ_ME: tuple[str, ...] = (
    "Small Wins workbook - one row per commitment, win and 30/30 meeting.",
    "Add new rows at the bottom of each tab. Separate names in a list with commas.",
    "Questions: ask your coordinator.",
)
