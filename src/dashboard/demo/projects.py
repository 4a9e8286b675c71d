"""Who leads and who works on each of the demo's projects."""

from __future__ import annotations

import random

from dashboard.demo import story
from dashboard.demo.world import Person, Project, end_of


def assign_projects(rng: random.Random, people: list[Person]) -> list[Project]:
    """Each project gets a lead who was there when it started, and members whose time overlaps."""
    projects: list[Project] = []
    for spec in story.PROJECTS:
        crew = [p for p in people if p.collab == spec.collab]
        ready = [p for p in crew[1:] if p.joined <= spec.started <= p.until] or crew[:1]
        leading = {pr.lead.name for pr in projects}
        lead = rng.choice([p for p in ready if p.name not in leading] or ready)
        lead.until = end_of(spec.collab)
        lead.role = "project lead" if lead.role == "member" else lead.role
        projects.append(Project(spec, lead, [lead]))
    for person in people:
        mine = [
            pr
            for pr in projects
            if pr.spec.collab == person.collab
            and pr.spec.started <= person.until
            and person.joined <= pr.end
        ]
        if person.role != "coordinator":
            mine = rng.sample(mine, min(len(mine), 1 if rng.random() < 0.7 else 2))
        for project in mine:
            if person not in project.members:
                project.members.append(person)
    return projects
