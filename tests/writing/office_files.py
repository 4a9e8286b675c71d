"""Workbooks written the way Excel and LibreOffice write them, which openpyxl does not do.

openpyxl saves formulas without the values they last computed, strings inline, and no macros, so
a file it wrote cannot show what a real team's workbook holds. These are written part by part in
the two editors' own shapes: shared strings, every formula with its saved value (``<v>``), Excel's
``x14ac`` row attributes and ``mc:Ignorable`` namespaces, LibreOffice's row attributes and its
habit of writing a formatted empty row down at row 1,048,576, and for ``.xlsm`` a VBA project part.

A cell is text, a number, a date (written as Excel does: a serial number in a date style), or
``Formula(text, saved)`` — what ``=DATE(2025,3,26)`` is in a file Excel saved.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils.cell import get_column_letter

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
VBA_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"VBA project of the test" * 40
_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class Formula:
    text: str  # without the "="
    saved: object  # the value the editor computed and saved beside it


def _serial(value: dt.date) -> int:
    return (value - _EPOCH).days


class _Strings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.index)
        n = len(self.index)
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" '
            f'count="{n}" uniqueCount="{n}">{items}</sst>'
        )


def _cell(ref: str, value: object, strings: _Strings, editor: str) -> str:
    style = ' s="0"' if editor == "libreoffice" else ""
    if isinstance(value, Formula):
        saved = value.saved
        aca = ' aca="false"' if editor == "libreoffice" else ""
        if isinstance(saved, str):
            return (
                f'<c r="{ref}"{style} t="str"><f{aca}>{escape(value.text)}</f>'
                f"<v>{escape(saved)}</v></c>"
            )
        if isinstance(saved, dt.date):
            saved = _serial(saved)
        return f'<c r="{ref}" s="1"><f{aca}>{escape(value.text)}</f><v>{saved}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="1"><v>{_serial(value)}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    return f'<c r="{ref}"{style} t="s"><v>{strings(str(value))}</v></c>'


def _sheet(
    rows: list[list[object]],
    strings: _Strings,
    editor: str,
    styled_last_row: bool,
    styled_empty_rows: int = 0,
) -> str:
    width = max((len(r) for r in rows), default=1)
    height = len(rows)
    body = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(
            _cell(f"{get_column_letter(c)}{number}", v, strings, editor)
            for c, v in enumerate(row, start=1)
            if v is not None and v != ""
        )
        if editor == "excel":
            attrs = f' spans="1:{width}" x14ac:dyDescent="0.25"'
        else:
            attrs = (
                ' customFormat="false" ht="12.8" hidden="false" customHeight="false" '
                'outlineLevel="0" collapsed="false"'
            )
        body.append(f'<row r="{number}"{attrs}>{cells}</row>')
    for number in range(height + 1, height + 1 + styled_empty_rows):  # formatted ahead, empty
        body.append(f'<row r="{number}"><c r="A{number}" s="1"/><c r="H{number}" s="2"/></row>')
    height += styled_empty_rows
    if styled_last_row:  # a whole column formatted: LibreOffice writes the sheet's last row
        body.append(
            '<row r="1048576" s="2" customFormat="true" ht="12.8" hidden="false" '
            'customHeight="false" outlineLevel="0" collapsed="false">'
            '<c r="A1048576" s="2"/></row>'
        )
        height = 1_048_576
    ref = f"A1:{get_column_letter(width)}{max(height, 1)}"
    if editor == "excel":
        root = (
            f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'mc:Ignorable="x14ac xr xr2 xr3" '
            'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
            'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
            'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" '
            'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" '
            'xr:uid="{00000000-0001-0000-0000-000000000000}">'
        )
        head = (
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
        )
    else:
        root = f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
        head = (
            '<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr>'
            '<sheetViews><sheetView showGridLines="true" workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0"/>'
        )
    dims = f'<dimension ref="{ref}"/>'
    if editor == "libreoffice":
        head = head.replace("<sheetViews>", dims + "<sheetViews>", 1)
        dims = ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{root}{dims}{head}'
        f"<sheetData>{''.join(body)}</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
        'footer="0.3"/></worksheet>'
    )


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def write_office_workbook(
    path: Path,
    sheets: dict[str, list[list[object]]],
    editor: str = "excel",
    macros: bool = False,
    styled_last_row: tuple[str, ...] = (),
    styled_empty_rows: dict[str, int] | None = None,
) -> Path:
    """Write ``sheets`` ({tab: rows}) as ``editor`` ("excel" or "libreoffice") would save them;
    ``macros`` adds a VBA project (name the file ``.xlsm``); the tabs in ``styled_last_row`` get
    a formatted empty cell at A1048576; ``styled_empty_rows`` gives a tab that many empty rows
    below its data, formatted ahead (a date style in column A, bold in H)."""
    strings = _Strings()
    parts: dict[str, str | bytes] = {}
    rels, sheet_entries, overrides = [], [], []
    for number, (title, rows) in enumerate(sheets.items(), start=1):
        parts[f"xl/worksheets/sheet{number}.xml"] = _sheet(
            rows, strings, editor, title in styled_last_row, (styled_empty_rows or {}).get(title, 0)
        )
        rels.append(
            f'<Relationship Id="rId{number}" Type="{REL}/worksheet" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
        sheet_entries.append(
            f'<sheet name="{escape(title)}" sheetId="{number}" r:id="rId{number}"/>'
        )
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>')
    rels.append(
        f'<Relationship Id="rId{n + 2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    )
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    defaults = (
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    )
    if macros:
        main = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        defaults += '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        rels.append(
            f'<Relationship Id="rId{n + 3}" Type="http://schemas.microsoft.com/office/'
            '2006/relationships/vbaProject" Target="vbaProject.bin"/>'
        )
        parts["xl/vbaProject.bin"] = VBA_BYTES
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts["[Content_Types].xml"] = (
        f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'{defaults}<Override PartName="/xl/workbook.xml" ContentType="{main}"/>'
        + "".join(overrides)
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
        'sharedStrings+xml"/></Types>'
    )
    parts["_rels/.rels"] = (
        f'{head}<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    parts["xl/workbook.xml"] = (
        f'{head}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView/></bookViews>'
        f'<sheets>{"".join(sheet_entries)}</sheets><calcPr calcId="191029"/></workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'{head}<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>'
    )
    parts["xl/styles.xml"] = _STYLES
    parts["xl/sharedStrings.xml"] = strings.xml()
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
    order += [name for name in parts if name not in order]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in order:
            body = parts[name]
            archive.writestr(name, body if isinstance(body, bytes) else body.encode("utf-8"))
    return path


def members(path: Path) -> dict[str, bytes]:
    """Every part of a zip file, by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
