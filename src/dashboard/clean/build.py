"""Build the clean Dataset from the typed tables of every source (see ``dataset.py``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.clean import names, people, questions
from dashboard.clean.frame import ROW
from dashboard.clean.merge import CollaborationNames, record_collaboration, report_unknown_people
from dashboard.clean.problems import LOCATION, ProblemLog
from dashboard.dataset import Dataset, empty_placements
from dashboard.limits import MAX_LIST_PEOPLE
from dashboard.schema import UNASSIGNED
from dashboard.sources.collector import collector_paused

RECORD_TABS = ("Commitments", "Wins", "Meetings")
LISTS = {"Wins": "people", "Meetings": "attendees"}  # the record tabs' columns of people lists
_KEEP = ["source", "tab", ROW]


@collector_paused()  # as for reading (``clean.source``): the raw rows are still alive
def build_dataset(tables: dict[str, pd.DataFrame], problems: list[pd.DataFrame]) -> Dataset:
    """Resolve people, projects and collaborations across sources; drop duplicate wins.
    ``tables``: each tab's typed rows of every source (``clean.source.clean_sources``)."""
    tabs = {tab: tables[tab] for tab in ("Collaborations", "People", "Projects")}
    records = {tab: tables[tab] for tab in RECORD_TABS}
    log = ProblemLog()
    for found in problems:
        log.add_frame(found)
    directory = people.directory(tabs["People"])
    _duplicate_people(directory, log)
    projects, project_of = _projects(tabs["Projects"], records, log)
    collabs = CollaborationNames(
        tabs["Collaborations"]["collaboration"],
        projects["collaboration"],
        tabs["People"]["collaboration"],
        *(records[tab]["collaboration"] for tab in RECORD_TABS),
        *(records[tab]["source_collab"] for tab in RECORD_TABS),
        tabs["People"]["source_collab"],
    )
    listed_collab = projects.set_index("project")["collaboration"].dropna()
    listed_ids = projects.loc[projects["listed"], ["source", "project"]]
    for tab in RECORD_TABS:
        table = records[tab]
        typed = table["project"].copy()
        table["project"] = project_of(table)
        table["collaboration"] = record_collaboration(table, listed_collab, collabs)
        log.add_frame(questions.unknown_projects(table, typed, listed_ids, table["collaboration"]))
        log.add_frame(questions.future_dates(table, tab))
    log.add_frame(questions.unknown_leads(tabs["Projects"], tabs["Collaborations"], directory))
    # each people list split once, for the name checks and the links alike
    lists = {tab: names.split_lists(records[tab][column]) for tab, column in LISTS.items()}
    log.add_frame(
        questions.ambiguous_names(records, [(tabs["Projects"], "lead")], directory, lists)
    )
    placements = _placements(tabs, records, collabs)
    commitments, extra_c = _commitments(records["Commitments"], directory, log)
    wins, win_people, extra_w = _listed_people(
        records["Wins"], "people", lists["Wins"], directory, log
    )
    wins, win_people = _drop_duplicate_wins(wins, win_people, log)
    meetings, meeting_people, extra_m = _listed_people(
        records["Meetings"], "attendees", lists["Meetings"], directory, log
    )
    return Dataset(
        collaborations=_collaborations(tabs["Collaborations"], collabs, records),
        people=_people(directory, collabs, [extra_c, extra_w, extra_m]),
        projects=_finish_projects(projects, records, collabs),
        commitments=commitments,
        wins=wins.rename(columns={"_win": "win_id"}),
        win_people=win_people,
        meetings=_first(meetings.rename(columns={"_win": "meeting_id"}), "meeting_id"),
        meeting_people=meeting_people.rename(columns={"win_id": "meeting_id"}),
        problems=log.frame(),
        placements=placements,
    )


def _placements(
    tabs: dict[str, pd.DataFrame], records: dict[str, pd.DataFrame], collabs: CollaborationNames
) -> pd.DataFrame:
    """Each row read (duplicates and rows ignored later included) with its collaboration: a
    record's as resolved (its project's, its own, its source's); a People, Projects or
    Collaborations row's own, else its source's; <NA> where none is named."""
    parts = []
    for tab, table in {**tabs, **records}.items():
        if tab in records:
            collaboration = table["collaboration"].mask(table["collaboration"].eq(UNASSIGNED))
        else:
            named = table["collaboration"].astype("string").fillna(table["source_collab"])
            collaboration = collabs.canonical(named)
        parts.append(
            pd.DataFrame(
                {
                    "source": table["source"].astype("string"),
                    "tab": table["tab"].astype("string"),
                    "row": table[ROW].astype("Int64"),
                    "collaboration": collaboration.astype("string"),
                }
            )
        )
    return pd.concat(parts, ignore_index=True) if parts else empty_placements()


def _duplicate_people(directory: people.Directory, log: ProblemLog) -> None:
    dup = directory.duplicates
    log.add_rows(
        dup,
        pd.Series(True, index=dup.index),
        "name",
        dup["name"],
        "duplicate person",
        "the same person (by email, else name) is listed earlier; this row is ignored",
    )


def _projects(listed: pd.DataFrame, records: dict[str, pd.DataFrame], log: ProblemLog) -> tuple:
    """Project identities per source: listed ones first, then those only named in records."""
    listed = listed.copy()
    listed["key"] = names.keys(listed["project"])
    repeated = listed.duplicated(["source", "key"])
    log.add_rows(
        listed,
        repeated,
        "project",
        listed["project"],
        "duplicate project",
        "this project is listed earlier on the tab; this row is ignored",
    )
    listed = listed[~repeated.to_numpy()]
    named = [
        pd.DataFrame({"source": t["source"], "key": names.keys(t["project"]), "name": t["project"]})
        for t in records.values()
    ]
    spelled = pd.concat(
        [
            pd.DataFrame(
                {"source": listed["source"], "key": listed["key"], "name": listed["project"]}
            )
        ]
        + named,
        ignore_index=True,
    ).dropna(subset=["key"])
    spelled = spelled.drop_duplicates(["source", "key"]).reset_index(drop=True)
    in_many = spelled.groupby("key")["source"].transform("nunique") > 1
    spelled["project"] = spelled["name"].where(
        ~in_many, spelled["name"] + " (" + spelled["source"] + ")"
    )
    ids = spelled.set_index(["source", "key"])["project"]
    listed = listed.merge(
        spelled[["source", "key", "project"]], on=["source", "key"], suffixes=("_", "")
    )
    listed = listed.drop(columns=["project_"])
    listed["listed"] = True

    def project_of(table: pd.DataFrame) -> pd.Series:
        index = pd.MultiIndex.from_arrays([table["source"], names.keys(table["project"])])
        return pd.Series(ids.reindex(index).to_numpy(), index=table.index, dtype="string")

    all_projects = spelled[["source", "project"]].merge(
        listed.drop(columns=["source"]), on="project", how="left"
    )
    all_projects["listed"] = all_projects["listed"].fillna(False).astype(bool)
    return all_projects, project_of


def _finish_projects(
    projects: pd.DataFrame, records: dict[str, pd.DataFrame], collabs: CollaborationNames
) -> pd.DataFrame:
    """Projects with a collaboration: their own, else the source's, else their records'."""
    seen = pd.concat([records[t][["project", "collaboration"]] for t in RECORD_TABS])
    from_records = seen.dropna().drop_duplicates("project").set_index("project")["collaboration"]
    out = projects.copy()
    chosen = out["collaboration"].astype("string").fillna(out["source_collab"])
    chosen = chosen.fillna(out["project"].map(from_records).astype("string"))
    out["collaboration"] = collabs.canonical(chosen).fillna(UNASSIGNED)
    out["status"] = out["status"].fillna("active")
    columns = ["project", "collaboration", "outcome", "status", "started", "pathfinder", "lead"]
    return out[columns + ["listed", "source"]].reset_index(drop=True)


def _commitments(
    table: pd.DataFrame, directory: people.Directory, log: ProblemLog
) -> tuple[pd.DataFrame, pd.DataFrame]:
    ids, unknown = people.resolve(table["person"], directory)
    report_unknown_people(log, table, unknown, "person", table["person"])
    extra = people.unlisted(ids[unknown], table.loc[unknown, "person"])
    out = table.assign(person=ids)
    columns = ["person", "project", "commitment", "made", "due", "status", "done", "result"]
    return out[columns + ["collaboration"] + _KEEP].reset_index(drop=True), extra


def _listed_people(
    table: pd.DataFrame,
    column: str,
    mentions: pd.Series,
    directory: people.Directory,
    log: ProblemLog,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Records with a people list (wins, meetings), and the exploded (record, person) links.
    ``mentions``: the column's lists split (``names.split_lists``), on the table's index."""
    table = table.reset_index(drop=True)  # the index the mentions are on (the tables' own)
    table["_win"] = np.arange(len(table), dtype="int64")
    _report_long_lists(table, column, mentions, log)
    ids, unknown = people.resolve(mentions, directory)
    # where each mention's record is, as a problem says it: those columns only (taking every
    # column for each of 300,000 mentions was 3 % of a large workbook's cleaning, py-spy)
    located = table.loc[mentions.index, list(LOCATION)]
    report_unknown_people(log, located, unknown, column, mentions)
    # the ids' own text array: not through Python objects and back
    links = pd.DataFrame({"win_id": mentions.index.to_numpy(), "person": ids.array})
    links = links.drop_duplicates().reset_index(drop=True).astype({"person": "string"})
    extra = people.unlisted(ids[unknown], mentions[unknown])
    return table.drop(columns=[column, "source_collab"]), links, extra


def _report_long_lists(
    table: pd.DataFrame, column: str, mentions: pd.Series, log: ProblemLog
) -> None:
    """A problem ``list too long`` for every list naming more than ``MAX_LIST_PEOPLE`` people
    (docs/METRICS.md, "Limits"): its people still count as active that day, but the record forms
    no links (``metrics.network``) — a list of 8,000 names would otherwise be 32 million pairs."""
    sizes = mentions.groupby(level=0).nunique()
    long = sizes.index[sizes > MAX_LIST_PEOPLE]
    if len(long) == 0:
        return
    record = "win" if column == "people" else "meeting"
    log.add_rows(
        table,
        pd.Series(table.index.isin(long), index=table.index),
        column,
        table[column],
        "list too long",
        f"names more than {MAX_LIST_PEOPLE} people; they count as taking part that day, but "
        f"the {record} forms no links between them: split it into several records",
    )


def _drop_duplicate_wins(
    wins: pd.DataFrame, links: pd.DataFrame, log: ProblemLog
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A row equal to an earlier one after normalisation counts once; a repeated id keeps the
    first row. The people list is compared as a set, through an order-free hash of its ids."""
    codes = pd.util.hash_array(links["person"].astype(str).to_numpy())
    signature = pd.Series(codes, dtype="uint64").groupby(links["win_id"].to_numpy()).sum()
    compared = pd.DataFrame(
        {
            "date": wins["date"],
            "win": names.text_keys(wins["win"]),
            "project": wins["project"],
            "people": wins["_win"].map(signature),
            "category": wins["category"],
            "size": wins["size"],
            "evidence": wins["evidence"],
            "id": wins["id"],
        }
    )
    same_row = compared.duplicated()
    log.add_rows(
        wins,
        same_row,
        "win",
        wins["win"],
        "duplicate row",
        "the same win is recorded earlier; counted once",
    )
    same_id = (
        wins["id"].notna()
        & ~same_row
        & wins[~same_row]["id"].duplicated().reindex(wins.index, fill_value=False)
    )
    log.add_rows(
        wins,
        same_id,
        "id",
        wins["id"],
        "duplicate id",
        "this id is used by an earlier win; only the first is counted",
    )
    keep = ~(same_row | same_id)
    kept = wins[keep.to_numpy()]
    columns = ["_win", "date", "win", "project", "category", "size", "evidence", "id"]
    kept = kept[columns + ["collaboration"] + _KEEP].reset_index(drop=True)
    return kept, links[links["win_id"].isin(kept["_win"])].reset_index(drop=True)


def _people(
    directory: people.Directory, collabs: CollaborationNames, extras: list[pd.DataFrame]
) -> pd.DataFrame:
    listed = directory.people.copy()
    listed["collaboration"] = collabs.canonical(
        listed["collaboration"].fillna(listed["source_collab"])
    )
    listed["listed"] = True
    unlisted = pd.concat(extras, ignore_index=True).drop_duplicates("person")
    unlisted = unlisted[~unlisted["person"].isin(listed["person"])]
    unlisted = unlisted.assign(listed=False)
    columns = [
        "person",
        "name",
        "email",
        "organization",
        "sector",
        "collaboration",
        "joined",
        "role",
        "listed",
    ]
    out = pd.concat([listed, unlisted], ignore_index=True).reindex(columns=columns)
    out["listed"] = out["listed"].astype(bool)
    for column in ("person", "name", "email", "organization", "sector", "collaboration", "role"):
        out[column] = out[column].astype("string")
    out["joined"] = pd.to_datetime(out["joined"]).astype("datetime64[ns]")
    return out


def _collaborations(
    listed: pd.DataFrame,
    collabs: CollaborationNames,
    records: dict[str, pd.DataFrame],
) -> pd.DataFrame:
    """Collaborations on their tab, then any other named anywhere (``unassigned`` excluded)."""
    listed = listed.assign(collaboration=collabs.canonical(listed["collaboration"]))
    listed = listed.drop_duplicates("collaboration").assign(listed=True)
    named = pd.concat([records[t]["collaboration"] for t in RECORD_TABS], ignore_index=True)
    others = pd.DataFrame({"collaboration": collabs.canonical(pd.Series(collabs.all_names()))})
    others = pd.concat([others, pd.DataFrame({"collaboration": named})], ignore_index=True)
    others = others[others["collaboration"].ne(UNASSIGNED) & others["collaboration"].notna()]
    others = others.drop_duplicates().assign(listed=False)
    others = others[~others["collaboration"].isin(listed["collaboration"])]
    columns = ["collaboration", "region", "country", "started", "coordinator", "listed"]
    out = pd.concat([listed, others], ignore_index=True).reindex(columns=columns)
    out["listed"] = out["listed"].astype(bool)
    return out.reset_index(drop=True)


def _first(table: pd.DataFrame, column: str) -> pd.DataFrame:
    return table[[column] + [c for c in table.columns if c != column]]
