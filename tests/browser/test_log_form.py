"""The Log a win form in a real Chromium: after a win is written the browser's fields are empty.

AppTest cannot catch this: it reads the server's widget state, while a field whose session-state
key was merely dropped kept, in the browser, everything the user had typed — so people thought
the win had not been saved.
"""

from __future__ import annotations

from tests.browser.helpers import CEILING_MS, SHOTS, settle


def test_a_written_win_empties_the_form_and_shows_what_was_written(browser, writable_workbook):
    from dashboard.sources.local import read_xlsx

    workbook, server = writable_workbook
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server.url}/Log_a_win")
    settle(page)
    page.get_by_label("What happened").fill("Mayor opened the food hub")
    page.get_by_label("Category").fill("partnership")
    form = page.locator("[data-testid=stForm]").first
    form.locator("[data-testid=stSelectbox]").filter(has_text="Project").click()
    page.get_by_role("option", name="Food Hub").click()
    form.get_by_role("button", name="Log the win").click()
    page.wait_for_selector("text=Win logged to rv", timeout=CEILING_MS)
    settle(page)
    assert page.get_by_label("What happened").input_value() == ""
    assert page.get_by_label("Category").input_value() == ""
    project = form.locator("[data-testid=stSelectbox]").filter(has_text="Project")
    assert "Food Hub" not in project.inner_text()
    written = page.locator("[data-testid=stTable]").first.inner_text()
    assert "Mayor opened the food hub" in written and "partnership" in written
    page.screenshot(path=str(SHOTS / "Log_a_win-written.png"), full_page=True)
    wins = [row[1] for row in read_xlsx(workbook)["Wins"]]
    assert wins.count("Mayor opened the food hub") == 1
