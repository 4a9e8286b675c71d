"""Faults a test switches on: one-shot failures and delays, a standing latency, and a hang.

A rule for kind None matches every request but the token endpoint's (Sheets, Drive and unknown
paths alike). The double's lock guards all of this; waiting happens outside it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class Rule:
    kind: str | None
    times: int
    status: int = 0
    body: dict | None = None
    seconds: float = 0.0
    after: bool = False


def matches(rule_kind: str | None, kind: str) -> bool:
    return rule_kind == kind or (rule_kind is None and kind != "token")


@dataclass
class Plan:
    """What happens to one request on its way to an answer."""

    failure: Rule | None = None
    delay: Rule | None = None
    latency: float = 0.0
    hang: threading.Event | None = None  # set when the hang is healed
    trickle: float = 0.0  # seconds between the bytes of the answer's body (0: all at once)


@dataclass
class Faults:
    failures: list[Rule] = field(default_factory=list)
    delays: list[Rule] = field(default_factory=list)
    latency: dict[str | None, float] = field(default_factory=dict)
    hung: set[tuple[str | None, str | None]] = field(default_factory=set)  # (kind, key)
    trickles: dict[str | None, float] = field(default_factory=dict)
    released: threading.Event = field(default_factory=threading.Event)

    def plan(self, kind: str, serve: bool = True, key: str | None = None) -> Plan:
        """The faults that apply to a request of ``kind`` (on spreadsheet ``key``); one-shot
        rules are used up. A request that will not be served (over quota) uses up delays but no
        failure."""
        seconds = self.latency.get(kind, self.latency.get(None, 0.0) if kind != "token" else 0.0)
        hung = any(matches(k, kind) and h in (None, key) for k, h in self.hung)
        hang = self.released if hung else None
        failure = take(self.failures, kind) if serve else None
        trickle = next((t for k, t in self.trickles.items() if matches(k, kind)), 0.0)
        return Plan(failure, take(self.delays, kind), seconds, hang, trickle)

    def heal(self) -> None:
        """Google is back: pending rules, latency and hangs go, hung requests are answered."""
        self.failures.clear()
        self.delays.clear()
        self.latency.clear()
        self.hung.clear()
        self.trickles.clear()
        self.released.set()
        self.released = threading.Event()


def take(rules: list[Rule], kind: str) -> Rule | None:
    for rule in rules:
        if matches(rule.kind, kind):
            rule.times -= 1
            if rule.times <= 0:
                rules.remove(rule)
            return rule
    return None
