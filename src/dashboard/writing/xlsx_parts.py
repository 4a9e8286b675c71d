"""The parts of an ``.xlsx`` file (a zip of XML parts) that logging a row reads and replaces.

A new row changes one part, the tab's sheet XML; every other part — formulas and their saved
values, macros (``xl/vbaProject.bin``), charts, pictures, pivot tables, styles — is copied as it
was. openpyxl's load and save would rebuild the whole file from what openpyxl understands, and it
does not keep formulas' saved values, pictures or charts (its documentation says so).
"""

from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

from dashboard.schema import canonical_tab

_OFFICE_DOCUMENT = "/officeDocument"  # relationship types end so, in both OOXML flavours
_WORKSHEET = "/worksheet"
_SHARED_STRINGS = "/sharedStrings"
_STYLES = "/styles"


class NotWritable(ValueError):
    """The workbook cannot take a row without losing something; the message says what to do."""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attribute(element: ET.Element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (``r:id`` in either flavour)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id → (type, target part) of the relationships of ``part``."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    found = {}
    for element in ET.fromstring(archive.read(rels)).iter():
        if _local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
            continue
        target = element.get("Target", "")
        target = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        found[element.get("Id", "")] = (element.get("Type", ""), posixpath.normpath(target))
    return found


@dataclass(frozen=True)
class Workbook:
    """Where the parts are: each worksheet's XML by tab title, the shared strings, the styles;
    and whether dates count from 1904 (the old Mac date system) rather than 1900."""

    sheets: dict[str, str]
    shared_strings: str | None
    styles: str | None = None
    date1904: bool = False

    def sheet_of(self, tab: str) -> tuple[str, str]:
        """(title, part) of the sheet that holds canonical tab ``tab``."""
        for title, part in self.sheets.items():
            found = canonical_tab(title)
            if found is not None and found.name == tab:
                return title, part
        raise NotWritable(f"the workbook has no {tab} tab")


def workbook_parts(archive: zipfile.ZipFile) -> Workbook:
    root = _relationships(archive, "")
    documents = [target for kind, target in root.values() if kind.endswith(_OFFICE_DOCUMENT)]
    if not documents or documents[0] not in archive.namelist():
        raise NotWritable("the file has no workbook part: it is not an Excel workbook")
    book = documents[0]
    rels = _relationships(archive, book)
    sheets = {}
    date1904 = False
    for element in ET.fromstring(archive.read(book)).iter():
        if _local(element.tag) == "sheet":
            kind, target = rels.get(_attribute(element, "id") or "", ("", ""))
            if kind.endswith(_WORKSHEET):
                sheets[element.get("name", "")] = target
        elif _local(element.tag) == "workbookPr":
            date1904 = element.get("date1904", "").lower() in ("1", "true")
    strings = [target for kind, target in rels.values() if kind.endswith(_SHARED_STRINGS)]
    styles = [target for kind, target in rels.values() if kind.endswith(_STYLES)]
    return Workbook(
        sheets,
        strings[0] if strings else None,
        styles[0] if styles and styles[0] in archive.namelist() else None,
        date1904,
    )


def shared_strings(archive: zipfile.ZipFile, part: str | None) -> list[str]:
    """The shared string table: what a ``t="s"`` cell's index stands for (rich text joined, the
    phonetic guides of East Asian text left out, as Excel shows it)."""
    if part is None or part not in archive.namelist():
        return []
    strings = []
    for _, element in ET.iterparse(io.BytesIO(archive.read(part))):
        if _local(element.tag) != "si":
            continue
        texts = [
            node.text or ""
            for child in element
            if _local(child.tag) in ("t", "r")
            for node in (child.iter() if _local(child.tag) == "r" else [child])
            if _local(node.tag) == "t"
        ]
        strings.append("".join(texts))
        element.clear()
    return strings


def replaced(data: bytes, contents: dict[str, bytes]) -> bytes:
    """The zip ``data`` with each part of ``contents`` holding its new bytes; every other part as
    it was, in the same order, with the same names, dates and compression."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        target.comment = source.comment
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            name = info.filename
            body = contents[name] if name in contents else source.read(name)
            target.writestr(copy, body)
    return out.getvalue()
