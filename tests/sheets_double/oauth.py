"""OAuth for service accounts: the key file a test hands the app, and the token endpoint.

google-auth signs a JWT with the key and trades it at ``token_uri`` for an access token; the
double reads the JWT's claims (its signature is trusted) and remembers each token's scopes and
who it was issued to (the ``iss`` claim: the service account's e-mail), which is the user
Google's per-user quotas count.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from tests.sheets_double.errors import OAuthError

JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
CLIENT_EMAIL = "dashboard@smallwins-test.iam.gserviceaccount.com"


@dataclass(frozen=True)
class Grant:
    """What an access token allows, and whose it is."""

    scopes: frozenset[str]
    user: str | None


def assertion_claims(form: dict[str, str] | None) -> dict[str, Any] | None:
    """The claims of a JWT-bearer grant's assertion, or None when it is not one."""
    try:
        claims = json.loads(_b64decode((form or {})["assertion"].split(".")[1]))
    except (KeyError, IndexError, ValueError, TypeError):
        return None
    return claims if isinstance(claims, dict) else None


def issue_token(form: dict[str, str], tokens: dict[str, Grant]) -> dict[str, Any]:
    """OAuth's JWT-bearer grant: a new access token for the assertion's scopes and issuer."""
    if form.get("grant_type") != JWT_BEARER:
        raise OAuthError("unsupported_grant_type", "Invalid grant_type: " + str(form))
    claims = assertion_claims(form)
    if claims is None:
        raise OAuthError("invalid_grant", "Invalid JWT assertion.")
    scopes = frozenset(str(claims.get("scope", "")).split())
    if not scopes:
        raise OAuthError("invalid_scope", "Invalid OAuth scope or ID token audience provided.")
    token = f"ya29.test-token-{len(tokens) + 1}"
    tokens[token] = Grant(scopes, claims.get("iss"))
    return {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}


def service_account_info(token_uri: str, client_email: str = CLIENT_EMAIL) -> dict[str, str]:
    """A service-account key in Google's JSON layout, whose tokens come from ``token_uri``."""
    pem = private_key_pem()
    account, _, domain = client_email.partition("@")
    project = domain.split(".")[0]
    return {
        "type": "service_account",
        "project_id": project,
        "private_key_id": hashlib.sha1(pem.encode()).hexdigest(),
        "private_key": pem,
        "client_email": client_email,
        "client_id": "100000000000000000001",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": token_uri,
        "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
        "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/"
        f"{account}%40{domain}",
        "universe_domain": "googleapis.com",
    }


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


@functools.cache
def private_key_pem() -> str:
    """One RSA key per process: generating one costs ~0.1 s, and any valid key will do."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
