"""The ``[[digests]]`` tables of smallwins.toml as typed specs, and ``[app] public_url``.

The schema (``config_file``) checks each table's keys and types; here the file is checked for
what a schema cannot see: two digests with one name (the sent-log tells digests apart by name),
and a recipient who could not see the digest in the app — a funder's address on a digest with
names, a team member's on a collaboration that is not theirs (``[access]``). Each mistake names
its line, like the rest of the file's.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dashboard.access import COORDINATOR, FUNDER, TEAM, AccessRules
from dashboard.config import ConfigError, Settings
from dashboard.digest.period import Every

Audience = Literal["team", "coordinator", "funder"]
Kind = Literal["email", "slack", "teams"]
KINDS: dict[str, Kind] = {"mailto": "email", "slack": "slack", "teams": "teams"}


@dataclass(frozen=True)
class Channel:
    """One place a digest goes: an email address, or a webhook by its name in the secrets."""

    kind: Kind
    target: str  # the address, or the webhook's name

    @property
    def label(self) -> str:
        """As written in smallwins.toml (``mailto:team@region.org``, ``slack:rivervalley``)."""
        scheme = "mailto" if self.kind == "email" else self.kind
        return f"{scheme}:{self.target}"

    @classmethod
    def parse(cls, text: str) -> Channel:
        scheme, target = text.split(":", 1)
        return cls(KINDS[scheme], target)


@dataclass(frozen=True)
class DigestSpec:
    name: str
    audience: Audience
    every: Every
    channels: tuple[Channel, ...]
    collaborations: tuple[str, ...] = ()  # empty: every collaboration
    send_when_quiet: bool = False
    line: int | None = None  # where its table starts in the file

    @property
    def always_sent(self) -> bool:
        """The coordinator's digest goes even when quiet: who is quiet is its news."""
        return self.send_when_quiet or self.audience == COORDINATOR


@dataclass(frozen=True)
class DigestSettings:
    digests: tuple[DigestSpec, ...] = ()
    public_url: str | None = None
    file: str | None = None

    def named(self, name: str) -> DigestSpec:
        for spec in self.digests:
            if spec.name.casefold() == name.strip().casefold():
                return spec
        known = ", ".join(f"'{s.name}'" for s in self.digests) or "none"
        raise ConfigError(f"no digest named '{name}' in {self.file}; configured: {known}")


def digest_settings(settings: Settings) -> DigestSettings:
    """The digests configured in the file ``settings`` were read from (none without a file)."""
    if not settings.path:
        return DigestSettings()
    from dashboard.config_file import key_lines, validated

    file = Path(settings.path)
    try:
        text = file.read_text(encoding="utf-8")
        checked = validated(tomllib.loads(text), text, str(file))
    except (OSError, ValueError) as error:  # the file was read a moment ago: said as it is
        raise ConfigError(str(error)) from None
    lines = key_lines(text)
    specs = tuple(
        DigestSpec(
            name=table.name.strip(),
            audience=table.audience,
            every=table.every,
            channels=tuple(dict.fromkeys(Channel.parse(t.strip()) for t in table.to)),
            collaborations=tuple(dict.fromkeys(c.strip() for c in table.collaborations)),
            send_when_quiet=table.send_when_quiet,
            line=lines.get(("digests", number)),
        )
        for number, table in enumerate(checked.digests)
    )
    _one_name_each(specs, file, lines)
    _visible_to_recipients(specs, AccessRules.from_config(settings.extra.get("access")), file)
    url = checked.app.public_url
    return DigestSettings(specs, url.rstrip("/") if url else None, str(file))


def _one_name_each(specs: tuple[DigestSpec, ...], file: Path, lines: dict[tuple, int]) -> None:
    seen: dict[str, int] = {}
    for number, spec in enumerate(specs, 1):
        key = spec.name.casefold()
        if key in seen:
            line = lines.get(("digests", number - 1, "name"), spec.line)
            raise ConfigError(
                f"{file}, line {line}: [[digests]] #{seen[key]} and #{number} are both named "
                f"'{spec.name}'; the sent-log tells digests apart by name: give each its own"
            )
        seen[key] = number


def _visible_to_recipients(specs: tuple[DigestSpec, ...], rules: AccessRules, file: Path) -> None:
    """A digest never shows an address more than its owner could see in the app. Addresses the
    ``[access]`` table does not know (a mailing list) are the coordinator's call."""
    if rules.empty:
        return
    for number, spec in enumerate(specs, 1):
        for channel in spec.channels:
            if channel.kind != "email":
                continue
            who = rules.viewer(channel.target)
            if who is None or who.role == COORDINATOR:
                continue
            where = f"{file}, line {spec.line}: [[digests]] #{number} '{spec.name}'"
            if who.role == FUNDER and spec.audience != FUNDER:
                raise ConfigError(
                    f"{where} goes to {channel.target}, a funder in [access], but its audience "
                    f"is '{spec.audience}' (with names): make it audience = \"funder\""
                )
            if who.role == TEAM:
                hidden = (
                    ["every collaboration"]
                    if not spec.collaborations
                    else [c for c in spec.collaborations if c not in who.collaborations]
                )
                if spec.audience == COORDINATOR or hidden:
                    what = ", ".join(hidden) or "the coordinator's digest"
                    raise ConfigError(
                        f"{where} goes to {channel.target}, a team member of "
                        f"{', '.join(who.collaborations)} in [access], who could not see "
                        f"{what} in the app"
                    )
