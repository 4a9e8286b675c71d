"""Data health lists what ``check`` questions: the new kinds, located, in the page's table."""

from __future__ import annotations

from dashboard.sources.local import write_xlsx
from tests.clean.questions import AHEAD, questioned_workbook
from tests.ui.apptest import open_page


def test_data_health_lists_the_questions(monkeypatch, tmp_path):
    write_xlsx(tmp_path / "book.xlsx", questioned_workbook())
    config = tmp_path / "smallwins.toml"
    config.write_text(f'[[sources]]\nlocation = "{tmp_path / "book.xlsx"}"\nname = "team"\n')
    monkeypatch.setenv("SMALLWINS_CONFIG", str(config))
    monkeypatch.chdir(tmp_path)
    app = open_page("pages/5_Data_health.py")
    per_tab, listing = app.dataframe[0].value, app.dataframe[-1].value
    counts = {(str(r.iloc[0]), str(r.iloc[1])): int(r.iloc[2]) for _, r in per_tab.iterrows()}
    assert counts[("Commitments", "unknown project")] == 1
    assert counts[("Wins", "unknown project")] == 1
    assert counts[("Commitments", "date in the future")] == 1
    assert counts[("Projects", "unknown person")] == 1
    assert counts[("Collaborations", "unknown person")] == 1
    assert counts[("Wins", "ambiguous name")] == 1
    text = listing.astype(str).to_string()
    assert AHEAD in text and "Quinn Ghost" in text and "People rows 3 and 5" in text
