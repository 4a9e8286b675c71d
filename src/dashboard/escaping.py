"""Text from a sheet made inert in Markdown: shown as typed, never run as a link, an image,
emphasis or HTML, in whatever tool it is pasted into (the 30/30 agenda's ``.md`` download) or
rendered by (the pages: ``ui.components.plain`` adds what Streamlit needs beyond this).

CommonMark lets any ASCII punctuation be backslash-escaped, and an escaped character is always
literal text. Two sets, one rule:

- ``MARKDOWN_ESCAPES``: every character Markdown or HTML gives a meaning to, for text that may
  begin a line (``#`` a heading, ``-``/``+``/``1.`` a list, ``=`` an underline, ``>`` a quote);
- ``INLINE_ESCAPES``: those that mean something in the middle of a line, for text that never
  begins one (the agenda's table cells, after "| "), so a date stays ``2024-03-01`` and not
  ``2024\\-03\\-01``. Links and images need ``[``, HTML and autolinks ``<``, entities ``&``:
  all escaped in both.
"""

from __future__ import annotations

MARKDOWN_ESCAPES = {c: f"\\{c}" for c in "\\`*_{}[]()#+-.!|<>~$&=^"}
INLINE_ESCAPES = {c: f"\\{c}" for c in "\\`*_[]!|<>~$&^"}
_INLINE = str.maketrans(INLINE_ESCAPES)
_LINE_BREAKS = str.maketrans({"\r": " ", "\n": " ", "\u2028": " ", "\u2029": " "})


def markdown_inline(text: object) -> str:
    """``text`` escaped for the middle of a Markdown line, kept on that one line (a line break
    would end a table row or start a new block)."""
    return str(text).translate(_LINE_BREAKS).translate(_INLINE)
