"""Who may see what: roles from the configuration's ``[access]`` table (docs/operating.md,
"Sign-in and roles").

    [access]
    coordinators = ["ana@region.org"]          # emails, or domains ("region.org" or "@region.org")
    funders = ["foundation.org"]
    [access.teams]
    "River Valley" = ["rivervalley.org", "joe@gmail.com"]   # collaboration → its members

A coordinator sees everything; a team member sees the collaborations listed for them; a funder
sees every collaboration, anonymised. An exact email outranks a domain, and coordinator outranks
team outranks funder, so one person listed twice gets the widest of their most specific roles.
With sign-in on and no roles configured at all, every signed-in person is a coordinator (sign-in
as a gate only).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

COORDINATOR, TEAM, FUNDER = "coordinator", "team", "funder"


class AccessError(ValueError):
    """The ``[access]`` table cannot be used as written."""


@dataclass(frozen=True)
class Viewer:
    """Who is looking: their role, and for a team member, which collaborations."""

    role: str
    email: str | None = None
    collaborations: tuple[str, ...] = ()
    signed_in: bool = False

    @property
    def anonymised(self) -> bool:
        return self.role == FUNDER

    @property
    def may_write(self) -> bool:
        return self.role in (COORDINATOR, TEAM)


OPEN = Viewer(COORDINATOR)  # no sign-in configured: the app runs open, as it always has


def _entries(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AccessError(f"[access] {where} must be a list of emails or domains")
    return tuple(v.strip().casefold() for v in value if v.strip())


@dataclass(frozen=True)
class AccessRules:
    coordinators: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()
    teams: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def from_config(cls, table: Mapping[str, object] | None) -> AccessRules:
        table = dict(table or {})
        unknown = set(table) - {"coordinators", "funders", "teams"}
        if unknown:
            raise AccessError(f"[access] has unknown setting(s) {', '.join(sorted(unknown))}")
        teams = table.get("teams") or {}
        if not isinstance(teams, Mapping):
            raise AccessError("[access.teams] must map each collaboration to a list of members")
        return cls(
            coordinators=_entries(table.get("coordinators"), "coordinators"),
            funders=_entries(table.get("funders"), "funders"),
            teams=tuple(
                (str(name), _entries(members, f"teams.{name}")) for name, members in teams.items()
            ),
        )

    @property
    def empty(self) -> bool:
        return not (self.coordinators or self.funders or any(m for _, m in self.teams))

    def viewer(self, email: str | None) -> Viewer | None:
        """The role of a signed-in ``email``, or None when it has none."""
        if not email or "@" not in email:
            return None
        if self.empty:
            return Viewer(COORDINATOR, email, signed_in=True)
        address = email.strip().casefold()
        for exact in (True, False):
            found = self._match(address, exact)
            if found is not None:
                return found
        return None

    def _match(self, address: str, exact: bool) -> Viewer | None:
        def hits(entries: tuple[str, ...]) -> bool:
            return any(_matches(address, entry, exact) for entry in entries)

        if hits(self.coordinators):
            return Viewer(COORDINATOR, address, signed_in=True)
        teams = tuple(name for name, members in self.teams if hits(members))
        if teams:
            return Viewer(TEAM, address, teams, signed_in=True)
        if hits(self.funders):
            return Viewer(FUNDER, address, signed_in=True)
        return None


def _matches(address: str, entry: str, exact: bool) -> bool:
    if exact:
        return "@" in entry and not entry.startswith("@") and address == entry
    if "@" in entry and not entry.startswith("@"):
        return False
    return address.endswith("@" + entry.lstrip("@"))
