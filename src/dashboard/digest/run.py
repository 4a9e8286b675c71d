"""One run of ``smallwins digest``: each configured digest (or the one named) for its last
complete period before a day, to each of its channels once.

A channel is recorded in the sent-log only when it took the digest, so a failed one is sent —
alone — by the next run. A quiet team or funder digest is not sent ("nothing to celebrate") and
not recorded: should a win of that period be logged late, a later run sends it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Literal

from dashboard import secrets
from dashboard.atomic import write_bytes_atomically
from dashboard.config import ConfigError
from dashboard.dataset import Dataset
from dashboard.digest import render, sent_log
from dashboard.digest.channels import (
    ATTEMPTS,
    ChannelError,
    SecretError,
    SmtpServer,
    post_webhook,
    send_email,
    with_retries,
)
from dashboard.digest.content import Digest, compose
from dashboard.digest.period import Period, last_complete
from dashboard.digest.setup import Channel, DigestSettings, DigestSpec

Status = Literal[
    "sent", "already sent", "would send", "failed", "nothing to celebrate", "not configured"
]
NO_SENDER = "Small Wins <smallwins@localhost>"  # in a dry run's files, when none is configured


@dataclass(frozen=True)
class Outcome:
    digest: str
    period: Period
    status: Status
    channel: str = ""
    detail: str = ""

    @property
    def line(self) -> str:
        head = f"{self.digest}, {self.period.label}"
        if self.channel:
            head += f" → {self.channel}"
        return f"{head}: {self.status}" + (f" — {self.detail}" if self.detail else "")


def exit_status(outcomes: list[Outcome]) -> int:
    """0: everything due went (or had gone); 1: a channel failed; 2: a configuration problem."""
    if any(o.status == "not configured" for o in outcomes):
        return 2
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "digest"


@dataclass(frozen=True)
class Message:
    """What goes to one channel, ready to send or to write."""

    channel: Channel
    suffix: str
    body: bytes
    send: Callable[[], None] | None  # None: a secret it needs is missing (``problem``)
    problem: str = ""


def _messages(digest: Digest, timeout: float) -> list[Message]:
    chart = render.chart_png(digest)
    smtp = secrets.smtp()
    out = []
    for channel in digest.spec.channels:
        if channel.kind == "email":
            message = render.email(digest, smtp.sender or NO_SENDER, channel.target, chart)
            problem, send = "", None
            try:
                if not smtp.url:
                    raise SecretError(
                        "no mail server: set SMALLWINS_SMTP_URL, or url under [smtp] in "
                        ".streamlit/secrets.toml"
                    )
                if not smtp.sender:
                    raise SecretError(
                        "no sender: set SMALLWINS_MAIL_FROM, or sender under [smtp] in "
                        ".streamlit/secrets.toml"
                    )
                server = SmtpServer.parse(smtp.url)
                send = _email_sender(server, message, timeout)
            except SecretError as error:
                problem = str(error)
            out.append(Message(channel, ".eml", message.as_bytes(), send, problem))
            continue
        payload = render.slack(digest) if channel.kind == "slack" else render.teams(digest)
        body = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        url = secrets.webhook_url(channel.target)
        if not url or not re.match(r"^https?://", url):
            variable = secrets.webhook_variable(channel.target)
            problem = (
                f"no webhook named '{channel.target}': set {variable}, or {channel.target} = "
                '"https://…" under [webhooks] in .streamlit/secrets.toml'
                if not url
                else f"the webhook '{channel.target}' is not an http(s) address"
            )
            out.append(Message(channel, ".json", body, None, problem))
            continue
        out.append(Message(channel, ".json", body, _poster(url, payload, timeout, channel), ""))
    return out


def _email_sender(server: SmtpServer, message: EmailMessage, timeout: float) -> Callable[[], None]:
    return lambda: send_email(server, message, timeout)


def _poster(url: str, payload: dict, timeout: float, channel: Channel) -> Callable[[], None]:
    return lambda: post_webhook(url, payload, timeout, channel.label)


@dataclass(frozen=True)
class Options:
    """How a run goes: ``dry_run`` sends and records nothing; ``out`` also writes each message
    there; ``force`` sends again what was sent; ``timeout`` bounds each try (seconds)."""

    dry_run: bool = False
    out: Path | None = None
    force: bool = False
    timeout: float = 20.0


def run(
    dataset: Dataset,
    config: DigestSettings,
    until: dt.date,
    *,
    name: str | None = None,
    options: Options = Options(),
    say: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Send what is due; each outcome is also given to ``say`` as it happens."""
    specs = (config.named(name),) if name else config.digests
    secret = secrets.pseudonym_secret_from_secrets()
    outcomes: list[Outcome] = []

    def note(outcome: Outcome) -> None:
        outcomes.append(outcome)
        say(outcome)

    with nullcontext() if options.dry_run else sent_log.sending():
        for spec in specs:
            _one(dataset, config, spec, until, secret, options, note)
    return outcomes


def _one(
    dataset: Dataset,
    config: DigestSettings,
    spec: DigestSpec,
    until: dt.date,
    secret: str | None,
    options: Options,
    note: Callable[[Outcome], None],
) -> None:
    """One digest: composed for its period, then delivered unless quiet."""
    period = last_complete(spec.every, until)
    try:
        digest = compose(dataset, spec, period, config.public_url, secret)
    except ConfigError as error:
        note(Outcome(spec.name, period, "not configured", detail=str(error)))
        return
    if digest.quiet and not spec.always_sent:
        note(
            Outcome(
                spec.name,
                period,
                "nothing to celebrate",
                detail="no win, no kept commitment, no one new; not sent "
                "(send_when_quiet = true sends it anyway)",
            )
        )
        return
    _deliver(spec, digest, period, options, note)


def _deliver(
    spec: DigestSpec,
    digest: Digest,
    period: Period,
    options: Options,
    note: Callable[[Outcome], None],
) -> None:
    log = sent_log.read()
    out, force = options.out, options.force
    for message in _messages(digest, options.timeout):
        label = message.channel.label
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            file = out / f"{_slug(spec.name)}-{period.start}-{_slug(label)}{message.suffix}"
            write_bytes_atomically(file, message.body)
        if message.send is None:
            note(Outcome(spec.name, period, "not configured", label, message.problem))
            continue
        when = sent_log.was_sent(log, spec.name, period.key, label)
        if when and not force:
            note(
                Outcome(
                    spec.name,
                    period,
                    "already sent",
                    label,
                    f"on {when.replace('T', ' ')}; --force sends it again",
                )
            )
            continue
        if options.dry_run:
            again = f" again (already sent on {when.replace('T', ' ')})" if when else ""
            note(Outcome(spec.name, period, "would send", label, f"{digest.subject}{again}"))
            continue
        try:
            with_retries(message.send)
        except ChannelError as error:
            tries = f"tried up to {ATTEMPTS} times; " if error.transient else ""
            note(
                Outcome(
                    spec.name,
                    period,
                    "failed",
                    label,
                    f"{error} ({tries}not recorded: the next run sends it)",
                )
            )
            continue
        sent_log.record(spec.name, period.key, label)
        note(Outcome(spec.name, period, "sent", label, digest.subject))
