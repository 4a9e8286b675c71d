"""How much of a workbook is read: the limits that keep one runaway cell, list or tab from
hanging the app (docs/METRICS.md, "Limits"; README, "Problems").

Each is a problem when reached, never a silent cut.
"""

from __future__ import annotations

# Google Sheets' own limit for one cell. A longer cell (possible in .xlsx and CSV files) is cut
# here, with a problem ``cell too long``.
MAX_CELL_CHARS = 50_000

# A people list (Wins.people, Meetings.attendees) naming more people than this is a problem
# ``list too long``, and that record forms no links: a list of 8,000 names would otherwise make
# 32 million pairs of "worked together".
MAX_LIST_PEOPLE = 100

# Rows of one tab, the header and title rows included, as the sheet numbers them. Google Sheets
# holds at most 10 million cells per spreadsheet — a 10-column Commitments tab alone cannot pass
# 1,000,000 rows — and Excel at most 1,048,576 rows per sheet. 500,000 is over twice the largest
# workbook benchmarked (200,000 commitments) and keeps a runaway file's read to seconds; rows
# past it are not read, and a problem ``too many rows`` says so.
MAX_TAB_ROWS = 500_000

# A problem shows at most this much of the cell it is about (a 1 MB cell must not flood a page or
# the ``check`` listing); the cut is marked with "…".
MAX_PROBLEM_VALUE_CHARS = 200

# Python's csv module refuses a field longer than this (its default ``field_size_limit``). Neither
# Excel (32,767) nor Google Sheets (50,000) can write such a cell, so a CSV file holding one was
# not written by a spreadsheet: the source is reported unreadable.
MAX_CSV_FIELD_CHARS = 131_072

# An .xlsx file is a zip of XML parts; a tiny file can expand to gigabytes (a "zip bomb": 1 MB
# holding one 1 GiB cell took 2.2 GB of memory to read). Before a workbook is parsed, the expanded
# size of each part — as its zip entry declares it, and as it really decompresses, read in pieces
# and stopped at the limit — must stay within these, or the source is unreadable. 500,000 rows of
# ten columns (``MAX_TAB_ROWS``) are about 200 MB of sheet XML.
MAX_XLSX_PART_BYTES = 256 * 1024**2
MAX_XLSX_BYTES = 512 * 1024**2  # all parts together

# The longest run of text between two XML tags of a part (one cell's text, escaped): Excel holds
# 32,767 characters in a cell and Google Sheets 50,000 (at most about 300 KB of XML), so a run
# past this was not written by a spreadsheet. Checked while the parts are measured, so no cell
# that large is ever held in memory.
MAX_XLSX_TEXT_BYTES = 2 * 1024**2
