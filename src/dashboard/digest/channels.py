"""Sending a digest: email through SMTP, Slack and Teams through their webhooks — each try
bounded by a timeout, and retried with backoff under the project's retry policy
(``sources.http.RetryPolicy``: jittered exponential delays, ``Retry-After`` honoured).

What is worth another try: a connection refused or dropped, a timeout, an SMTP 4xx reply, a
webhook's 408, 429 or 5xx. A permanent refusal (an SMTP 5xx, a webhook's other 4xx) fails at
once. Either way the error said is ours, in words: a webhook's URL is a secret, and a requests
exception's text holds it, so none is ever repeated; an SMTP URL's password never leaves
``SmtpServer``.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Literal
from urllib.parse import unquote, urlsplit

import requests
import tenacity

from dashboard.sources.http import RETRY_STATUSES, Budget, RetryPolicy

ATTEMPTS = 4  # the first try and 3 retries
PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}


class ChannelError(Exception):
    """A channel could not be reached or refused the digest; ``transient``: worth a retry."""

    def __init__(self, message: str, transient: bool = True, retry_after: str | None = None):
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after


class SecretError(ValueError):
    """A secret the channel needs is missing or cannot be used (a configuration problem)."""


def policy() -> RetryPolicy:
    return RetryPolicy(attempts=ATTEMPTS, first_delay=1.0, max_delay=8.0, budget_seconds=300.0)


def with_retries(send: Callable[[], None], retry_policy: RetryPolicy | None = None) -> None:
    """``send()`` until it works, it fails for good, or the tries are spent."""
    rules = retry_policy or policy()
    budget = Budget(rules.budget_seconds)
    budget.start()

    def wait(state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        after = error.retry_after if isinstance(error, ChannelError) else None
        return max(0.0, min(rules.delay(state.attempt_number, after), budget.left()))

    retrying = tenacity.Retrying(
        stop=lambda s: s.attempt_number >= rules.attempts or budget.left() <= 0,
        wait=wait,
        retry=tenacity.retry_if_exception(lambda e: isinstance(e, ChannelError) and e.transient),
        sleep=rules.sleep,
        reraise=True,
    )
    retrying(send)


# --- email ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpServer:
    """An SMTP URL read: ``smtp://`` (plain, a local relay), ``smtp+starttls://``, ``smtps://``.
    The password is kept out of ``repr``."""

    scheme: Literal["smtp", "smtp+starttls", "smtps"]
    host: str
    port: int
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @classmethod
    def parse(cls, url: str) -> SmtpServer:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        if scheme not in PORTS:
            raise SecretError(
                "the SMTP URL must start with smtp://, smtp+starttls:// or smtps:// "
                f"(it starts with {scheme or 'nothing'}://)"
            )
        try:
            port = parts.port or PORTS[scheme]
        except ValueError:
            raise SecretError("the SMTP URL's port is not a number") from None
        if not parts.hostname:
            raise SecretError("the SMTP URL names no host")
        user = unquote(parts.username) if parts.username else None
        password = unquote(parts.password) if parts.password else None
        # urlsplit's hostname is Optional; a URL without a host was refused above
        return cls(scheme, parts.hostname, port, user, password)  # type: ignore[arg-type]

    @property
    def where(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"


def _smtp_error(server: SmtpServer, error: Exception) -> ChannelError:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return ChannelError(
            f"{server.where} refused the recipient ({', '.join(map(str, codes))})",
            transient=all(400 <= c < 500 for c in codes),
        )
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return ChannelError(f"{server.where} refused the user name and password", transient=False)
    if isinstance(error, smtplib.SMTPResponseException):
        said = (
            error.smtp_error.decode("utf-8", "replace")
            if isinstance(error.smtp_error, bytes)
            else str(error.smtp_error)
        )
        return ChannelError(
            f"{server.where} answered {error.smtp_code} {said[:200]}",
            transient=400 <= error.smtp_code < 500,
        )
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return ChannelError(
            f"{server.where}: TLS failed ({error.__class__.__name__}: {error})", transient=False
        )
    if isinstance(error, TimeoutError):
        return ChannelError(f"{server.where} did not answer in time")
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return ChannelError(f"{server.where} closed the connection")
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return ChannelError(f"{server.where} does not offer that: {error}", transient=False)
    if isinstance(error, smtplib.SMTPException):  # (smtplib's errors are OSErrors too)
        return ChannelError(f"{server.where}: {error}", transient=False)
    if isinstance(error, OSError):
        return ChannelError(f"could not reach {server.where} ({error.strerror or error})")
    return ChannelError(f"{server.where}: {error.__class__.__name__}", transient=False)


def send_email(server: SmtpServer, message: EmailMessage, timeout: float) -> None:
    """One try at handing ``message`` to the server."""
    context = ssl.create_default_context()
    try:
        if server.scheme == "smtps":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=timeout, context=context
            )
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=timeout)
        with client:
            if server.scheme == "smtp+starttls":
                client.starttls(context=context)
            if server.user:
                client.login(server.user, server.password or "")
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        raise _smtp_error(server, error) from None


# --- webhooks ---------------------------------------------------------------------------------


class RedactWebhooks(logging.Filter):
    """urllib3 logs each request line (path included) at DEBUG level, and a webhook's path is
    its secret: every path posted to is blanked in those lines, whatever the logging set-up."""

    paths: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        redacted = text
        for path in self.paths:
            redacted = redacted.replace(path, "/[redacted]")
        if redacted != text:
            record.msg, record.args = redacted, ()
        return True


for _logger in ("urllib3.connectionpool", "requests"):
    if not any(isinstance(f, RedactWebhooks) for f in logging.getLogger(_logger).filters):
        logging.getLogger(_logger).addFilter(RedactWebhooks())


def post_webhook(url: str, payload: dict, timeout: float, label: str) -> None:
    """One try at posting ``payload``; any 2xx is taken (Slack answers 200 ``ok``, a Teams
    Workflows webhook 202)."""
    secret = urlsplit(url)
    RedactWebhooks.paths.add(secret.path + (f"?{secret.query}" if secret.query else ""))
    RedactWebhooks.paths.add(secret.path)
    try:
        answer = requests.post(url, json=payload, timeout=timeout)
    except requests.Timeout:
        raise ChannelError(f"{label}: the webhook did not answer within {timeout:g} s") from None
    except requests.RequestException:
        raise ChannelError(f"{label}: could not reach the webhook") from None
    if 200 <= answer.status_code < 300:
        return
    said = answer.text.strip().replace("\n", " ")[:120]
    raise ChannelError(
        f"{label}: the webhook answered {answer.status_code}" + (f" ({said})" if said else ""),
        transient=answer.status_code in RETRY_STATUSES,
        retry_after=answer.headers.get("Retry-After"),
    )
