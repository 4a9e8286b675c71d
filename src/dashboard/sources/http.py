"""The HTTP boundary to Google: endpoint redirection, timeouts and retries, in one gspread client.

``SMALLWINS_SHEETS_ENDPOINT`` (like Google's own ``*_EMULATOR_HOST`` variables) sends every
Google API call to another address, paths unchanged; it is how tests reach the Sheets test double
and how a user points the app at a proxy. Nothing else in the code path changes.

An API key travels in the query string (``key=``) as well as a header, and urllib3 logs request
lines at DEBUG level: a filter on its logger blanks the key, so no log line ever holds it.
"""

from __future__ import annotations

import logging
import os
import random
import re
import time
from collections.abc import Callable

import requests
from google.auth.api_key import Credentials as APIKeyCredentials
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient

ENDPOINT_VARIABLE = "SMALLWINS_SHEETS_ENDPOINT"
GOOGLE_HOSTS = ("https://sheets.googleapis.com", "https://www.googleapis.com")
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
_SECRET_PARAMS = re.compile(r"([?&](?:key|access_token)=)[^&\s\"']+", re.IGNORECASE)


class RedactKeys(logging.Filter):
    """Blanks ``key=`` and ``access_token=`` values in the request lines urllib3 logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        redacted = _SECRET_PARAMS.sub(r"\1[redacted]", text)
        if redacted != text:
            record.msg, record.args = redacted, ()
        return True


for _name in ("urllib3.connectionpool", "urllib3.util.retry", "requests"):
    if not any(isinstance(f, RedactKeys) for f in logging.getLogger(_name).filters):
        logging.getLogger(_name).addFilter(RedactKeys())


def redirect(url: str) -> str:
    """``url`` with Google's host replaced by ``SMALLWINS_SHEETS_ENDPOINT``, when that is set."""
    endpoint = os.environ.get(ENDPOINT_VARIABLE, "").strip().rstrip("/")
    if not endpoint:
        return url
    for host in GOOGLE_HOSTS:
        if url.startswith(host):
            return endpoint + url[len(host) :]
    return url


class RetryPolicy:
    """Exponential backoff with jitter, bounded in attempts and in total time.

    The defaults give up within about a minute, so a hung or throttling Google never hangs a page.
    """

    def __init__(
        self,
        attempts: int = 5,
        first_delay: float = 1.0,
        max_delay: float = 16.0,
        budget_seconds: float = 60.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.attempts = attempts
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.budget_seconds = budget_seconds
        self.sleep = sleep

    def delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), self.max_delay)
        base = min(self.first_delay * 2 ** (attempt - 1), self.max_delay)
        return base * (0.5 + random.random() / 2)


class SmallWinsHTTPClient(HTTPClient):
    """gspread's HTTP client, redirected by the environment, with a timeout and retries.

    The retry budget runs from the client's first request, across all its requests: a client
    serves one read (metadata, then batchGet) or one write, so a whole read gives up within about
    a minute, not a minute per call.
    """

    retry_policy = RetryPolicy()
    default_timeout: float = 20.0

    def __init__(self, auth, session=None) -> None:  # noqa: ANN001 - gspread's signature
        super().__init__(auth, session)
        self.timeout = self.default_timeout
        self._started: float | None = None

    def request(self, method, endpoint, params=None, *args, **kwargs):  # noqa: ANN001, ANN201
        token = getattr(getattr(self, "auth", None), "token", None)
        if isinstance(getattr(self, "auth", None), APIKeyCredentials) and token:
            # google-auth sends the key as a header; Google also takes ``key=``, which some
            # proxies and emulators expect: send both
            params = {**(params or {}), "key": token}
        policy = self.retry_policy
        if self._started is None:
            self._started = time.monotonic()
        started = self._started
        attempt = 0
        while True:
            attempt += 1
            # the last attempt waits only for what is left of the budget, so retries and
            # timeouts together stay within about a minute
            left = policy.budget_seconds - (time.monotonic() - started)
            self.timeout = max(1.0, min(self.default_timeout, left))
            try:
                return super().request(method, redirect(endpoint), params, *args, **kwargs)
            except APIError as error:
                status = error.response.status_code
                retry_after = error.response.headers.get("Retry-After")
                if status not in RETRY_STATUSES or not _may_retry(policy, attempt, started):
                    raise
            except (requests.Timeout, requests.ConnectionError):
                retry_after = None
                if not _may_retry(policy, attempt, started):
                    raise
            wait = policy.delay(attempt, retry_after)
            if time.monotonic() - started + wait > policy.budget_seconds:
                wait = max(0.0, policy.budget_seconds - (time.monotonic() - started))
            policy.sleep(wait)


def _may_retry(policy: RetryPolicy, attempt: int, started: float) -> bool:
    return attempt < policy.attempts and time.monotonic() - started < policy.budget_seconds
