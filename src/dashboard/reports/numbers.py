"""How the report files write a figure: one home for the rounding of shares and changes, used by
the PDF, HTML, CSV and XLSX alike and by the report's sentences.

A share (follow-through, the learning share) is a whole percent, as on the app's pages; a count
has thousands separators and no ``.0``; nothing known is a dash, never ``nan`` or ``None``.
"""

from __future__ import annotations

import math

SHARES = frozenset({"follow_through", "learning_share"})
NOTHING = "–"


def known(value: object) -> bool:
    """Not None, NaN or pandas' NA."""
    if value is None:
        return False
    try:
        # a cell of any type is tried: float() raising TypeError or ValueError is the answer
        return not math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value) not in ("<NA>", "NaT")


def share(value: object) -> str:
    """``0.7637`` → ``76%`` (the same rounding as :func:`change`'s points)."""
    return f"{_percent(value)}%" if known(value) else NOTHING


def count(value: object) -> str:
    """``195.0`` → ``195``; ``1234`` → ``1,234``."""
    # `value` is a figure `known` accepted: a number (or pandas' numeric NA excluded), so
    # float() takes it; typed `object` because report frames hold pandas' untyped cells
    return f"{float(value):,.0f}" if known(value) else NOTHING  # type: ignore[arg-type]


def index(value: object) -> str:
    """An index from 0 to 1 that is not a share (degree centralization): ``0.31``."""
    # `value` is a figure `known` accepted: a number (or pandas' numeric NA excluded), so
    # float() takes it; typed `object` because report frames hold pandas' untyped cells
    return f"{float(value):.2f}" if known(value) else NOTHING  # type: ignore[arg-type]


def figure(key: str, value: object) -> str:
    """A figure of the report by its key: a share or a count."""
    return share(value) if key in SHARES else count(value)


def _percent(value: object) -> int:
    # `value` is a figure `known` accepted: a number (or pandas' numeric NA excluded), so
    # float() takes it; typed `object` because report frames hold pandas' untyped cells
    return round(float(value) * 100)  # type: ignore[arg-type]


def change(key: str, now: object, before: object) -> str:
    """The change from ``before`` to ``now``: ``+77``, ``-3``, ``0``; a share's in points of
    percent, between the shares as they are shown (80% against 73% is ``+7 pts``)."""
    if not (known(now) and known(before)):
        return NOTHING
    if key in SHARES:
        points = _percent(now) - _percent(before)
        return f"{points:+d} pts" if points else "0 pts"
    # `value` is a figure `known` accepted: a number (or pandas' numeric NA excluded), so
    # float() takes it; typed `object` because report frames hold pandas' untyped cells
    whole = round(float(now) - float(before))  # type: ignore[arg-type]
    return f"{whole:+,d}" if whole else "0"
