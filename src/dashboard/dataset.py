"""The clean tables every figure is computed from, and how they are built from the sources.

Tables (one row per record; ``person`` and ``project`` are identities, not spellings):
- ``collaborations``: collaboration, region, country, started, coordinator, listed
- ``people``: person, name, email, organization, sector, collaboration (home), joined, role, listed
- ``projects``: project, collaboration, outcome, status, started, pathfinder, lead, listed
- ``commitments``: person, project, commitment, made, due, status, done, result, collaboration
- ``wins``: win_id, date, win, project, category, size, evidence, id, collaboration
- ``win_people``: win_id, person — who was named on each win
- ``meetings``: meeting_id, date, project, collaboration; ``meeting_people``: meeting_id, person
Record tables also carry ``source``, ``tab`` and ``row`` (where the record is in its sheet).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# Problem kinds that mean the workbook's structure is broken (``check`` exits 1 on these).
STRUCTURAL_KINDS = ("missing tab", "missing column")


@dataclass(frozen=True)
class SourceStatus:
    """How reading one source went, for the banner and the Data health page.

    ``stale`` is why the live read could not be used when the data is the source's last good
    snapshot (file ``snapshot``, known current at ``read_at``). ``unchanged`` data is the
    snapshot too, served because the sheet has not changed since it was read."""

    label: str
    kind: str
    location: str
    title: str = ""
    url: str | None = None
    read_at: str = ""
    error: str | None = None
    demo: bool = False
    stale: str | None = None
    snapshot: str | None = None
    unchanged: bool = False  # the snapshot, confirmed current at read_at (Drive's modifiedTime)
    changed_at: str = ""  # when the sheet last changed, by Drive (RFC 3339), where known
    data_at: str = ""  # when the data shown was read from the source (identifies it)
    collaboration: str | None = None  # the collaboration the configuration tags it with


PLACEMENT_COLUMNS = ("source", "tab", "row", "collaboration")


def empty_placements() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": pd.Series(dtype="string"),
            "tab": pd.Series(dtype="string"),
            "row": pd.Series(dtype="Int64"),
            "collaboration": pd.Series(dtype="string"),
        }
    )


@dataclass
class Dataset:
    collaborations: pd.DataFrame
    people: pd.DataFrame
    projects: pd.DataFrame
    commitments: pd.DataFrame
    wins: pd.DataFrame
    win_people: pd.DataFrame
    meetings: pd.DataFrame
    meeting_people: pd.DataFrame
    problems: pd.DataFrame
    sources: list[SourceStatus] = field(default_factory=list)
    drive_note: str | None = None  # why Drive's change times could not be used, and the fix
    # every row read, where it sits (source, tab, row) and the collaboration it belongs to
    # (<NA>: none it can be placed in): whose problems a team may see (``privacy.for_team``)
    placements: pd.DataFrame = field(default_factory=lambda: empty_placements())

    @property
    def structural_problems(self) -> pd.DataFrame:
        """Missing required tabs or columns: the workbook's shape is broken."""
        return self.problems[self.problems["kind"].isin(STRUCTURAL_KINDS)]

    @property
    def failed_sources(self) -> list[SourceStatus]:
        return [source for source in self.sources if source.error]

    @property
    def stale_sources(self) -> list[SourceStatus]:
        """Sources shown from their last good snapshot because the live read failed."""
        return [source for source in self.sources if source.stale]

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "collaborations": self.collaborations,
            "people": self.people,
            "projects": self.projects,
            "commitments": self.commitments,
            "wins": self.wins,
            "win_people": self.win_people,
            "meetings": self.meetings,
            "meeting_people": self.meeting_people,
        }
