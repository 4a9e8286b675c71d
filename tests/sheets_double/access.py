"""Who is asking, and with what: a Bearer token the double issued, an API key, or nothing.

The OAuth scopes each API accepts are those Google documents for the methods the double serves.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.sheets_double.oauth import Grant
from tests.sheets_double.server import Request

_AUTH = "https://www.googleapis.com/auth/"
SHEETS_READ_SCOPES = frozenset(
    _AUTH + name
    for name in ("spreadsheets", "spreadsheets.readonly", "drive", "drive.readonly", "drive.file")
)
SHEETS_WRITE_SCOPES = frozenset(_AUTH + name for name in ("spreadsheets", "drive", "drive.file"))
DRIVE_SCOPES = frozenset(
    _AUTH + name
    for name in (
        "drive",
        "drive.readonly",
        "drive.metadata",
        "drive.metadata.readonly",
        "drive.file",
    )
)
# the names the monolithic module had, kept for code that imports them
READ_SCOPES, WRITE_SCOPES = SHEETS_READ_SCOPES, SHEETS_WRITE_SCOPES


@dataclass(frozen=True)
class Caller:
    """The credential a request carried.

    ``via`` is "token", "key" or None (nothing); ``known`` says whether the double issued that
    token (or it is the right API key); ``user`` is whom Google's per-user quota counts."""

    via: str | None
    known: bool
    user: str | None = None
    scopes: frozenset[str] = frozenset()

    @property
    def by_token(self) -> bool:
        return self.via == "token" and self.known


def identify(request: Request, tokens: dict[str, Grant], api_key: str) -> Caller:
    """The caller of ``request``: an ``Authorization: Bearer`` header wins over an API key
    (``key=`` or ``X-Goog-Api-Key``), as it does at Google."""
    authorization = request.headers.get("authorization", "")
    if authorization.startswith("Bearer "):
        grant = tokens.get(authorization.removeprefix("Bearer "))
        if grant is None:
            return Caller("token", known=False)
        return Caller("token", known=True, user=grant.user, scopes=grant.scopes)
    key = (request.query.get("key") or [None])[0] or request.headers.get("x-goog-api-key")
    if key is not None:
        return Caller("key", known=key == api_key, user=key)
    return Caller(None, known=False)
