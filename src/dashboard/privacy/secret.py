"""The deployment's pseudonym secret: what makes "Person K7Q2M" mean nothing without it.

A funder sees each person as "Person" and a short code cut from a keyed hash (HMAC-SHA256) of
that person's identity (``privacy.funder.pseudonyms``). Keyed with this secret, the codes cannot
be recomputed from a member list (an unkeyed hash could: every pseudonym of the demo was
re-identified that way). The same secret gives the same codes on every page, process, restart
and quarter of one deployment.

Where it comes from, first found first: the app's Streamlit secrets (``[privacy]
pseudonym_secret``, passed in by the ui layer), the environment variable
``SMALLWINS_PSEUDONYM_SECRET``, else a file ``pseudonym-secret`` in the cache folder
(``SMALLWINS_CACHE_DIR`` or the user cache, as for snapshots), made once from 32 random bytes,
readable by its owner only. Several app processes sharing the cache folder share the secret;
with a Redis (``[app] redis_url``) the generated secret is kept there too (``shared``), set once
by whichever replica comes first, so every replica on every host numbers people alike.

A secret is the UTF-8 bytes of its text, and it is used only when it holds at least
``MIN_SECRET_BYTES`` (32) of them: a short one could be guessed, and then every pseudonym undone.
A short configured secret stops with :class:`SecretUnavailable` naming the setting; a short,
empty or unreadable file is replaced; when it cannot be replaced (a full or read-only disk) the
funder's view is refused with a message naming the file — never made with a weak key.
"""

from __future__ import annotations

import os
import secrets

from dashboard.sources import cache, shared

SECRET_VARIABLE = "SMALLWINS_PSEUDONYM_SECRET"
SECRET_SETTING = "[privacy] pseudonym_secret"
SECRET_FILE = "pseudonym-secret"
MIN_SECRET_BYTES = 32
LOCK_WAIT_SECONDS = shared.LOCK_WAIT_SECONDS  # the folder's lock on the secret file
MAKE_ONE = "python -c 'import secrets; print(secrets.token_urlsafe(32))'"


class SecretUnavailable(RuntimeError):
    """No pseudonym secret strong enough can be had; the message says where to put one."""


def _strong(data: bytes) -> bytes:
    """The secret a file holds, or ``ValueError`` (the file is then absent) when too short."""
    secret = data.strip()
    if len(secret) < MIN_SECRET_BYTES:
        raise ValueError("a pseudonym secret shorter than 32 bytes")
    return secret


def _kept_secret() -> bytes:
    """The secret in the shared store (the cache folder, or Redis), made (or remade, when short
    or damaged) on first use, set only if still absent or unchanged (``compare_and_set``) so two
    processes starting at once end up with the same one."""
    store = shared.active()
    path = cache.cache_dir() / SECRET_FILE
    kept = store.read(SECRET_FILE, _strong)
    if kept is not None:
        return kept
    try:
        made = secrets.token_urlsafe(MIN_SECRET_BYTES).encode("ascii")
        found = store.get(SECRET_FILE)  # None, or short or damaged: replaced only if unchanged
        if store.compare_and_set(SECRET_FILE, found, made):
            return made
        kept = store.read(SECRET_FILE, _strong)  # made by another process meanwhile
        if kept is None:
            raise OSError("the secret changed but is not usable")
        return kept
    except OSError as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise SecretUnavailable(
            f"the pseudonym secret file {path} is missing, empty or shorter than "
            f"{MIN_SECRET_BYTES} bytes and cannot be written ({reason}); free the disk or make "
            f"the folder writable, or set {SECRET_VARIABLE} (or {SECRET_SETTING} in "
            f".streamlit/secrets.toml) to at least {MIN_SECRET_BYTES} random characters, e.g. "
            f"the output of {MAKE_ONE}"
        ) from None


def pseudonym_secret(given: str | None = None) -> bytes:
    """The deployment's secret: ``given`` (Streamlit secrets), the environment, else the file;
    a configured one shorter than ``MIN_SECRET_BYTES`` stops with a message naming it."""
    configured = ((SECRET_SETTING, given), (SECRET_VARIABLE, os.environ.get(SECRET_VARIABLE)))
    for where, found in configured:
        if found is None or not str(found).strip():
            continue
        secret = str(found).strip().encode("utf-8", "surrogatepass")
        if len(secret) < MIN_SECRET_BYTES:
            raise SecretUnavailable(
                f"{where} is shorter than {MIN_SECRET_BYTES} bytes, too short to keep the "
                f"pseudonyms from being undone: set it to at least {MIN_SECRET_BYTES} random "
                f"characters, e.g. the output of {MAKE_ONE}"
            )
        return secret
    return _kept_secret()
