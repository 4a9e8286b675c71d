"""``by_collaboration``: each collaboration's dataset from one pass, as ``filtered`` gives it."""

from __future__ import annotations

import pandas as pd

from dashboard.filtering import by_collaboration, filtered

TABLES = (
    "collaborations",
    "projects",
    "commitments",
    "wins",
    "win_people",
    "meetings",
    "meeting_people",
    "people",
)


def test_each_collaboration_as_filtered_gives_it(demo_dataset):
    dataset = demo_dataset
    names = dataset.collaborations["collaboration"].tolist()
    assert len(names) >= 2  # the demo has several collaborations: the split is not trivial
    split = by_collaboration(dataset, [*names, "No such collaboration"])
    for name in names:
        alone = filtered(dataset, [name])
        for table in TABLES:
            pd.testing.assert_frame_equal(getattr(split[name], table), getattr(alone, table))
    # every win of the workbook is in exactly one collaboration's part
    assert sum(len(split[name].wins) for name in names) == len(dataset.wins)
    assert split["No such collaboration"].wins.empty
    assert split["No such collaboration"].win_people.empty
