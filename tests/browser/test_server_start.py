"""A freshly started server has read and cleaned its data before it answers anyone
(``ui.server``: the lifespan of the ``st.App`` that ``app.py`` names), and a configuration it
cannot use does not stop it from starting: the page says what is wrong, as before."""

from __future__ import annotations

from tests.browser.helpers import Server, settle


def test_a_fresh_server_has_cleaned_the_demo_before_its_first_viewer(tmp_path, browser):
    cache = tmp_path / "cache"
    running = Server(cache=cache)  # returns once /_stcore/health answers: nobody has visited
    try:
        # the clean tables are kept as the cleaning ends (``loader.merged``): cleaned already
        assert len(list(cache.glob("tables-*.arrows"))) == 1
        page = browser.new_page()
        page.goto(running.url)
        settle(page)
        assert page.locator("[data-testid=stException]").count() == 0
        assert page.get_by_text("Wins, last 30 days").count() == 1
        page.close()
    finally:
        running.stop()


def test_a_configuration_mistake_leaves_the_server_starting_and_the_page_saying_it(
    tmp_path, browser
):
    config = tmp_path / "smallwins.toml"
    config.write_text('[app]\ncache_ttl_seconds = "soon"\n')
    cache = tmp_path / "cache"
    running = Server(config, cache)
    try:
        assert not list(cache.glob("tables-*.arrows"))
        page = browser.new_page()
        page.goto(running.url)
        settle(page)
        assert page.get_by_text("The configuration cannot be used").count() == 1
        assert page.get_by_text("cache_ttl_seconds").count() >= 1
        page.close()
    finally:
        running.stop()
