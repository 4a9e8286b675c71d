"""The wins the demo's teams log, by project, with their category."""

from __future__ import annotations

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
