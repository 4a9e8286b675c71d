"""The HTTP boundary to Google: endpoint redirection, pacing, timeouts and retries, in one gspread
client.

``SMALLWINS_SHEETS_ENDPOINT`` (like Google's own ``*_EMULATOR_HOST`` variables) sends every
Google API call to another address, paths unchanged; it is how tests reach the Sheets test double
and how a user points the app at a proxy. Nothing else in the code path changes.

Retries are tenacity's, under one policy: transient answers (408, 429, 5xx), timeouts and
dropped connections are tried again with jittered exponential backoff — or after Google's
``Retry-After`` — within a number of attempts and one time budget for the whole read or write
(``CALL_SECONDS``, the one bound on a call's total time). Time spent queueing for the Sheets quota
(``quota.Pacer``) is not failing, so the budget does not count it.

The budget is a deadline, not only a count of retries: a socket timeout bounds each read from the
socket, so a server that answers 200 and then sends one byte every few seconds would never time
out. Every answer's body is therefore read by ``DeadlineAdapter`` in pieces, each socket read
waiting at most for what is left of the budget, and the call fails as a timeout once it is spent.

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
from dataclasses import dataclass, field

import requests
import tenacity
import urllib3
from google.auth.api_key import Credentials as APIKeyCredentials
from google.auth.credentials import Credentials
from gspread.exceptions import APIError
from gspread.http_client import HTTPClient
from requests.adapters import HTTPAdapter

from dashboard.sources.quota import Pacer

ENDPOINT_VARIABLE = "SMALLWINS_SHEETS_ENDPOINT"
SHEETS_HOST = "https://sheets.googleapis.com"
GOOGLE_HOSTS = (SHEETS_HOST, "https://www.googleapis.com")
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# The most one read (or write) of a sheet may take, all its requests, retries and answers
# included, less the time it queued for the quota: docs/operating.md's "gives up within about a
# minute" (How the sheets are read).
CALL_SECONDS = 60.0
BODY_CHUNK = 256 * 1024
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


@dataclass
class RetryPolicy:
    """Exponential backoff with jitter, bounded in attempts and in total time.

    The defaults give up within about a minute, so a hung or throttling Google never hangs a
    read for long (and the app never waits on it: reads run in the background).
    """

    attempts: int = 5
    first_delay: float = 1.0
    max_delay: float = 16.0
    budget_seconds: float = field(default_factory=lambda: CALL_SECONDS)
    sleep: Callable[[float], None] = field(default=time.sleep)

    def delay(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), self.max_delay)
        base = min(self.first_delay * 2 ** (attempt - 1), self.max_delay)
        return base * (0.5 + random.random() / 2)


class Budget:
    """The time one read (or write) may spend on Google, across all its requests, less the time
    it queued for the quota."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started: float | None = None
        self.queued = 0.0

    def start(self) -> None:
        if self.started is None:
            self.started = time.monotonic()

    def left(self) -> float:
        if self.started is None:
            return self.seconds
        return self.seconds - (time.monotonic() - self.started - self.queued)


def transient(error: BaseException) -> bool:
    """Worth another try: a timeout, a dropped connection, or Google's 408/429/5xx."""
    if isinstance(error, APIError):
        return error.response.status_code in RETRY_STATUSES
    return isinstance(error, requests.Timeout | requests.ConnectionError)


def _retry_after(error: BaseException | None) -> str | None:
    if isinstance(error, APIError):
        return error.response.headers.get("Retry-After")
    return None


def retrying(policy: RetryPolicy, budget: Budget, pacer: Pacer | None = None) -> tenacity.Retrying:
    """The one retry policy of every call to Google (reads here, writes in ``writing/``)."""

    def stop(state: tenacity.RetryCallState) -> bool:
        return state.attempt_number >= policy.attempts or budget.left() <= 0

    def wait(state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        retry_after = _retry_after(error)
        if pacer is not None and retry_after and retry_after.strip().isdigit():
            pacer.hold(float(retry_after))
        return max(0.0, min(policy.delay(state.attempt_number, retry_after), budget.left()))

    return tenacity.Retrying(
        stop=stop,
        wait=wait,
        retry=tenacity.retry_if_exception(transient),
        sleep=policy.sleep,
        reraise=True,
    )


class DeadlineAdapter(HTTPAdapter):
    """Reads every answer's body before ``budget`` runs out, or fails with ``requests.Timeout``:
    each socket read waits at most for what is left of it (a trickling server cannot stretch a
    call past its budget one byte at a time)."""

    def __init__(self, budget: Budget) -> None:
        super().__init__()
        self.budget = budget

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        left = self.budget.left()
        if left <= 0:
            raise requests.Timeout(f"no time left for {request.method} (budget spent)")
        deadline = time.monotonic() + left
        response = super().send(request, True, timeout, verify, cert, proxies)
        if not stream:
            try:
                response._content = _body_by(response.raw, deadline)
            finally:
                response.raw.release_conn()
        return response


def _body_by(raw: urllib3.HTTPResponse, deadline: float) -> bytes:
    """The whole (decoded) body of ``raw``, each socket read bounded by ``deadline``."""
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raw.close()
            raise requests.Timeout("the answer did not arrive in time (budget spent)")
        sock = getattr(getattr(raw, "connection", None), "sock", None)
        if sock is not None:
            sock.settimeout(max(0.01, left))
        try:
            chunk = raw.read1(BODY_CHUNK, decode_content=True)
        except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
            raw.close()
            raise requests.Timeout("the answer did not arrive in time (budget spent)") from None
        except urllib3.exceptions.HTTPError as error:
            raise requests.ConnectionError(str(error)) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


class SmallWinsHTTPClient(HTTPClient):
    """gspread's HTTP client, redirected by the environment, paced, with a timeout and retries.

    The budget runs from the client's first request, across all its requests: a client serves
    one read or one write, so a whole read gives up within about a minute, not a minute per call.
    """

    retry_policy = RetryPolicy()
    default_timeout: float = 20.0
    pacer: Pacer | None = None

    def __init__(self, auth: Credentials, session: requests.Session | None = None) -> None:
        super().__init__(auth, session)
        self.timeout = self.default_timeout
        self.budget = Budget(self.retry_policy.budget_seconds)
        self._mount_deadline()

    def _mount_deadline(self) -> None:
        deadline = DeadlineAdapter(self.budget)
        self.session.mount("https://", deadline)
        self.session.mount("http://", deadline)

    def request(self, method, endpoint, params=None, *args, **kwargs):
        token = getattr(getattr(self, "auth", None), "token", None)
        if isinstance(getattr(self, "auth", None), APIKeyCredentials) and token:
            # google-auth sends the key as a header; Google also takes ``key=``, which some
            # proxies and emulators expect: send both
            params = {**(params or {}), "key": token}
        paced = self.pacer if endpoint.startswith(SHEETS_HOST) else None  # Drive: its own quota
        self.budget.start()
        for attempt in retrying(self.retry_policy, self.budget, paced):
            with attempt:
                if paced is not None:
                    self.budget.queued += paced.wait()
                # the last attempt waits only for what is left of the budget
                self.timeout = max(1.0, min(self.default_timeout, self.budget.left()))
                return super().request(method, redirect(endpoint), params, *args, **kwargs)
        raise AssertionError("unreachable: tenacity re-raises the last error")  # pragma: no cover
