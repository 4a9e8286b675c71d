"""Every colour a chart or a table cell is drawn in: one home, so a figure has one colour on the
pages and in the report files, and every colour stays distinguishable for the common
colour-blindnesses (protanopia, deuteranopia, tritanopia).

Two colour-blind-safe sets, chosen for it by their authors:

- what a colour *means* — a win, a kept or missed commitment, people, links — comes from
  Okabe & Ito's eight colours ("Color Universal Design", 2008): wins are blue wherever they are
  drawn (the Overview's momentum line, the sparkline, the regions' charts, the report's PDF/HTML);
- a colour per *name* (a project, a category, a sector, a collaboration) comes from Paul Tol's
  "muted" qualitative scheme (nine colours, SRON/EPS/TN/09-002); beyond nine, the others are
  grey (``OTHER``), never a tenth hue that two readers tell apart differently.

Every colour encoding of a chart names its range from here (``scale(range=…)``) and every
uncoloured mark its colour: a chart never falls back on the renderer's default colours, which
differ between Streamlit's theme (the pages) and plain Vega (vl-convert, the files). A test
(tests/charts/test_palette.py) holds every chart to it.
"""

from __future__ import annotations

from typing import Final

# Okabe–Ito: what a colour means
BLUE = "#0072B2"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"  # Okabe–Ito's "bluish green"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"  # Okabe–Ito's "reddish purple"
BLACK = "#000000"

WINS = BLUE
COMMITMENTS_MADE = SKY_BLUE
COMMITMENTS_KEPT = GREEN  # and follow-through, the share kept
COMMITMENTS_MISSED = VERMILLION
PEOPLE = BLACK  # people in the network, active people: a dark line over the bars
NEW_PEOPLE = GREEN
RETURNING_PEOPLE = SKY_BLUE
LAPSED_PEOPLE = ORANGE
LINKS = VERMILLION  # links (relationships) between people
NEW_LINKS = "#F5C28F"  # a light vermillion: the new links behind those closing a triangle
ADJACENT = ORANGE  # pairs one introduction apart: links that could be
LEADERSHIP = PURPLE  # how concentrated the leadership is: top 10 % share, centralization
STAGE = GREEN  # the network's stage over the months (issue 24)
# the network drawn as core and periphery: the core, the people linked to it, everyone further
CORE, PERIPHERY, FURTHER_OUT = VERMILLION, BLUE, "#BDBDBD"
EDGE = "#999999"  # the lines of the network drawings

# wins by size, light to dark: one hue (the wins' blue), so the order reads without colour
# vision; a size not given is grey
WIN_SIZES = ("#BDD7EE", "#4A90C8", "#08306B")
SIZE_NOT_GIVEN = "#D9D9D9"

# Paul Tol's "muted": a colour per name, up to nine
CATEGORIES = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
OTHER = "#BDBDBD"  # the grouped "N other projects": grey, never a palette colour
NOT_GIVEN = "#E0E0E0"  # a win with no category or project given

# sequential, for a count in colour (the regions' heatmap): Vega's "blues" is single-hue
SEQUENTIAL_SCHEME: Final = "blues"

# what a table cell's bar is drawn in (the follow-through column, the wins sparkline)
SHARE_BAR = COMMITMENTS_KEPT
SPARKLINE = WINS


def categories(count: int) -> list[str]:
    """``count`` colours for as many names, repeating the nine past nine (a chart that names more
    groups the rest as ``OTHER``; a network drawing's tooltip names each node)."""
    return [CATEGORIES[k % len(CATEGORIES)] for k in range(count)]
