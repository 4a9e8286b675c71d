"""The deployment's pseudonym secret: what makes "Person 17" mean nothing without it.

A funder sees each person as "Person N", N ranked by a keyed hash of the person's identity. Keyed
with this secret, the numbering cannot be recomputed from a member list (an unkeyed hash could:
every pseudonym of the demo was re-identified that way). The same secret gives the same numbers
on every page, process and restart of one deployment.

Where it comes from, first found first: the app's Streamlit secrets (``[privacy]
pseudonym_secret``, passed in by the ui layer), the environment variable
``SMALLWINS_PSEUDONYM_SECRET``, else a file ``pseudonym-secret`` in the cache folder
(``SMALLWINS_CACHE_DIR`` or the user cache, as for snapshots), generated once, readable by its owner
only. Several app processes sharing the cache folder share the secret.
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from pathlib import Path

from dashboard.sources.snapshots import cache_dir

SECRET_VARIABLE = "SMALLWINS_PSEUDONYM_SECRET"
SECRET_FILE = "pseudonym-secret"


def _kept_secret() -> str:
    """The secret in the cache folder, made on first use. Created with a hard link from a
    complete temporary file, so two processes starting at once end up with the same one."""
    path = cache_dir() / SECRET_FILE
    try:
        kept = path.read_text(encoding="utf-8").strip()
        if kept:
            return kept
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{SECRET_FILE}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(32))
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(temporary, path)  # fails if another process made it first: theirs is used
    except FileExistsError:
        pass
    except OSError:  # no hard links here (some network drives): a rename is nearly as good
        if not path.exists():
            os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path.read_text(encoding="utf-8").strip()


def pseudonym_secret(given: str | None = None) -> str:
    """The deployment's secret: ``given`` (Streamlit secrets), the environment, else the file."""
    for found in (given, os.environ.get(SECRET_VARIABLE)):
        if found and str(found).strip():
            return str(found).strip()
    return _kept_secret()


def hash_key(secret: str) -> str:
    """The 16-character key pandas' keyed hash (SipHash) takes, derived from the secret."""
    digest = hashlib.sha256(f"smallwins-pseudonyms:{secret}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:16]
