"""Sheet text shown through Streamlit's Markdown stays text: ``plain`` and ``text_table``.

What the browser makes of the escaped text is checked in tests/browser/test_payloads.py; here,
that every character Markdown or Streamlit gives a meaning to is escaped, and that undoing the
escapes (as a Markdown renderer does) gives back exactly what was typed."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui.components import plain
from tests.ui.apptest import WORD_JOINER, rendered

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "**bold** and _em_",
    "[click](javascript:window.__pwned=1)",
    "# Heading",
    "$x^2$ and $$y$$",
    ":red[red] :blue-background[bg] :small[s]",
    ":material/home: :smile:",
    "&lt;b&gt; &amp; &#60;",
    "<https://x.org> ![img](x)",
    "foo\n===",
    "- item\n1. item\n> quote",
    "`code` ~~gone~~ a | b",
    r"C:\path\*not*",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escaped_text_renders_as_typed(payload):
    assert rendered(plain(payload)) == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_markdown_character_is_left_bare(payload):
    bare = re.sub(r"\\[!-/:-@\[-`{-~]|&#58;|&#8288;", "", plain(payload))
    assert not set(bare) & set("\\`*_{}[]()#+-.!|<>~$&=^:")


def test_colons_become_a_character_reference_which_stops_directives_icons_and_emoji():
    assert plain(":red[x]") == r"&#58;red\[x\]"
    assert plain(":smile:") == "&#58;smile&#58;"
    assert plain("at 10:30") == "at 10&#58;30"


def test_names_streamlit_replaces_in_the_rendered_text_get_an_invisible_word_joiner():
    assert rendered(plain(":streamlit: :material_home:")) == (
        f":{WORD_JOINER}streamlit: :{WORD_JOINER}material_home:"
    )


def test_plain_text_and_numbers_are_unchanged_apart_from_escapes():
    assert plain("Ann Lee") == "Ann Lee"
    assert plain(42) == "42"


def _table_app() -> None:
    # AppTest runs this function's source alone: what it uses is imported inside it
    import pandas as pd

    from dashboard.ui.components import text_table

    frame = pd.DataFrame(
        {"who": ["**Ann**", None], "wins": [3, 4], "what": ["# big", pd.NA]},
        index=pd.Index(["<b>x</b>", "y"], name="project"),
    )
    text_table(frame)


def test_text_table_escapes_cells_index_and_headers_and_keeps_numbers_and_blanks():
    at = AppTest.from_function(_table_app).run()
    assert not at.exception
    shown = at.table[0].value
    assert shown["Who"].tolist()[0] == r"\*\*Ann\*\*"
    assert shown["Who"].tolist()[1] == ""  # blank, never "None"
    assert shown["What"].tolist()[0] == r"\# big"
    assert shown["Wins"].tolist() == [3, 4]
    assert shown.index.tolist() == [r"\<b\>x\</b\>", "y"]
