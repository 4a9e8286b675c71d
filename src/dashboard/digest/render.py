"""A digest in words: the email (plain text, and HTML with inline styles and the chart inline),
Slack's Block Kit message and Teams' Adaptive Card.

Every text from a sheet is escaped for where it goes — HTML entities in the email, Slack's
``&``/``<``/``>`` — so a win's text is shown as typed and never becomes markup or a link. The
HTML has no script, no stylesheet and no remote image: mail clients (Gmail, Outlook) keep
inline styles only, and the chart is a PNG part of the message (``cid:``).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

import altair as alt
import vl_convert

from dashboard.digest.content import Commitment, Digest, Win
from dashboard.formatting import day, percent

CHART_ID = "wins-per-week"
GREEN = "#2e7d32"
FONT = "font-family:Arial,Helvetica,sans-serif;color:#1f2933;"


def chart_png(digest: Digest) -> bytes:
    """Wins per week over the 12 weeks, as a small PNG (vl-convert, as the reports draw)."""
    chart = (
        alt.Chart(digest.weekly.assign(label=digest.weekly["week"].dt.strftime("%d %b")))
        .mark_bar(color=GREEN)
        .encode(
            x=alt.X("label:N", sort=None, title="Week starting"),
            y=alt.Y("wins:Q", title="Wins", axis=alt.Axis(tickMinStep=1)),
        )
        .properties(width=480, height=140, title="Small wins per week, last 12 weeks")
    )
    return vl_convert.vegalite_to_png(chart.to_json(), scale=2)


# --- the parts, in words ----------------------------------------------------------------------


def win_line(win: Win) -> str:
    details = [p for p in (win.project, win.size) if p]
    line = f"{day(win.date)}: {win.text}"
    if details:
        line += f" ({', '.join(details)})"
    if win.people:
        line += f" — {', '.join(win.people)}"
    return line


def commitment_line(item: Commitment, kept: bool) -> str:
    when = item.done if kept and item.done else item.due
    verb = "kept" if kept else "due"
    project = f" ({item.project})" if item.project else ""
    return f"{item.who}: {item.what or 'a commitment'}{project}" + (
        f", {verb} {day(when)}" if when else ""
    )


def summary(digest: Digest) -> str:
    """The first sentence: what the period brought."""
    wins, kept, joined = digest.wins.total, digest.kept.total, digest.joined.total
    return (
        f"{wins} small win{'s' * (wins != 1)}, {kept} commitment{'s' * (kept != 1)} kept and "
        f"{joined} {'person' if joined == 1 else 'people'} new, {digest.period.label}."
    )


def follow_through(digest: Digest) -> str:
    if digest.follow_through is None:
        return "No commitment came due in the period."
    return (
        f"Follow-through: {percent(digest.follow_through)} of the {digest.commitments_due} "
        f"commitment{'s' * (digest.commitments_due != 1)} due in the period were kept."
    )


def sections(digest: Digest) -> Iterator[tuple[str, list[str], int]]:
    """(heading, lines, how many more) of each part after the wins, in order; a part with
    nothing to say has one line saying so."""
    yield (
        "Who joined",
        [
            f"{p.name}" + (f", {p.organization}" if p.organization else "")
            for p in digest.joined.shown
        ]
        or ["No one new this time."],
        digest.joined.more,
    )
    yield (
        "Introductions that happened",
        [f"{i.first} and {i.second} ({day(i.date)})" for i in digest.introductions.shown]
        or ["No new link closed a triangle."],
        digest.introductions.more,
    )
    yield (
        "Commitments kept",
        [commitment_line(c, True) for c in digest.kept.shown] + [follow_through(digest)],
        digest.kept.more,
    )
    if digest.coming_up is not None:
        lines = [commitment_line(c, False) for c in digest.coming_up.shown] or [
            "Nothing is due in the next 14 days."
        ]
        if digest.overdue:
            lines.append(f"{digest.overdue} open commitment{'s' * (digest.overdue != 1)} overdue.")
        yield "Coming up (next 14 days)", lines, digest.coming_up.more
    if digest.quiet_collaborations is not None:
        yield (
            "No win in the last 30 days",
            list(digest.quiet_collaborations) or ["Every collaboration logged a win."],
            0,
        )


def _more(count: int) -> str:
    return f"and {count} more" if count else ""


# --- plain text -------------------------------------------------------------------------------


def text(digest: Digest) -> str:
    lines = [digest.subject, "", summary(digest), "", "SMALL WINS TO CELEBRATE"]
    lines += [
        f"- {win_line(w)}" + (f" [{w.evidence}]" if w.evidence else "") for w in digest.wins.shown
    ]
    if not digest.wins.total:
        lines.append("No win was logged in the period.")
    if digest.wins.more:
        lines.append(f"... {_more(digest.wins.more)}" + (f": {digest.link}" if digest.link else ""))
    for heading, items, more in sections(digest):
        lines += ["", heading.upper(), *(f"- {item}" for item in items)]
        if more:
            lines.append(f"... {_more(more)}")
    if digest.link:
        lines += ["", f"Open Small Wins: {digest.link}"]
    lines += ["", f"'{digest.spec.name}': a digest from Small Wins."]
    return "\n".join(lines) + "\n"


# --- HTML (inline styles only) ------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _a(url: str, label: str) -> str:
    return f'<a href="{_e(url)}" style="color:{GREEN};">{_e(label)}</a>'


def _win_html(win: Win) -> str:
    details = " · ".join(_e(p) for p in (win.project, win.size, win.collaboration) if p)
    people = (
        f"<br><span style='color:#52606d;'>{_e(', '.join(win.people))}</span>" if win.people else ""
    )
    evidence = (
        f" · {_a(win.evidence, 'evidence')}"
        if win.evidence.startswith(("http://", "https://"))
        else (f" · {_e(win.evidence)}" if win.evidence else "")
    )
    return (
        '<tr><td style="padding:8px 12px;border-bottom:1px solid #e4e7eb;vertical-align:top;'
        f'white-space:nowrap;color:#52606d;">{_e(day(win.date))}</td>'
        '<td style="padding:8px 12px;border-bottom:1px solid #e4e7eb;">'
        f"<strong>{_e(win.text)}</strong><br><span style='color:#52606d;font-size:13px;'>"
        f"{details}{evidence}</span>{people}</td></tr>"
    )


def html_body(digest: Digest, image_src: str = f"cid:{CHART_ID}") -> str:
    """The email's HTML document: ``html_content`` in a page of its own."""
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{_e(digest.subject)}</title></head>"
        f'<body style="margin:0;padding:0;background:#f5f7fa;{FONT}">'
        f"{html_content(digest, image_src)}</body></html>"
    )


def html_content(digest: Digest, image_src: str = f"cid:{CHART_ID}") -> str:
    """The email's HTML inside its body (the Digests page shows this): one table-based column,
    inline styles, the chart from ``image_src``."""
    h2 = f'<h2 style="{FONT}font-size:17px;margin:24px 0 8px;">'
    parts = [
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        'style="background:#f5f7fa;"><tr><td align="center" style="padding:16px;">',
        '<table role="presentation" width="640" cellpadding="0" cellspacing="0" '
        f'style="max-width:640px;background:#ffffff;border-radius:6px;{FONT}">',
        f'<tr><td style="padding:20px 24px;background:{GREEN};color:#ffffff;'
        'border-radius:6px 6px 0 0;">'
        f'<div style="font-size:13px;">Small Wins · {_e(digest.spec.name)}</div>'
        f'<h1 style="margin:4px 0 0;font-size:21px;color:#ffffff;">{_e(digest.subject)}</h1>'
        "</td></tr>",
        '<tr><td style="padding:16px 24px;">'
        f'<p style="{FONT}font-size:15px;">{_e(summary(digest))}</p>',
        f"{h2}Small wins to celebrate</h2>",
    ]
    if digest.wins.total:
        parts.append(
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
            f'style="{FONT}font-size:14px;">'
        )
        parts += [_win_html(w) for w in digest.wins.shown]
        parts.append("</table>")
        if digest.wins.more:
            rest = _more(digest.wins.more)
            parts.append(
                f'<p style="{FONT}">'
                + (_a(digest.link, rest) if digest.link else _e(rest))
                + "</p>"
            )
    else:
        parts.append(f'<p style="{FONT}">No win was logged in the period.</p>')
    for heading, items, more in sections(digest):
        parts.append(f"{h2}{_e(heading)}</h2><ul style='{FONT}font-size:14px;padding-left:20px;'>")
        parts += [f"<li style='margin:2px 0;'>{_e(item)}</li>" for item in items]
        parts.append("</ul>")
        if more:
            parts.append(f'<p style="{FONT}font-size:14px;">{_e(_more(more))}</p>')
    parts.append(
        f'{h2}Wins per week</h2><img src="{_e(image_src)}" width="560" '
        'alt="Small wins per week over the last 12 weeks" style="display:block;max-width:100%;'
        'height:auto;border:0;">'
    )
    if digest.link:
        parts.append(
            f'<p style="margin:24px 0 8px;"><a href="{_e(digest.link)}" style="background:{GREEN};'
            "color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;"
            'display:inline-block;font-weight:bold;">Open Small Wins</a></p>'
        )
    parts.append(
        f'<p style="{FONT}font-size:12px;color:#7b8794;margin-top:24px;">'
        f"A {_e(digest.spec.every)}ly digest from Small Wins for the {_e(digest.spec.audience)} "
        "audience.</p></td></tr></table></td></tr></table>"
    )
    return "".join(parts)


def email(digest: Digest, sender: str, recipient: str, chart: bytes | None = None) -> EmailMessage:
    """The message as it goes: multipart/alternative (text, then HTML) with the chart as a
    related inline part of the HTML."""
    message = EmailMessage()
    message["Subject"] = digest.subject
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    message.set_content(text(digest))
    message.add_alternative(html_body(digest), subtype="html")
    # a multipart/alternative message: its payload is the list of its parts
    html_part = message.get_payload()[1]  # type: ignore[index]
    assert isinstance(html_part, EmailMessage)
    html_part.add_related(
        chart if chart is not None else chart_png(digest),
        maintype="image",
        subtype="png",
        cid=f"<{CHART_ID}>",
        filename="wins-per-week.png",
        disposition="inline",
    )
    return message


# --- Slack: Block Kit --------------------------------------------------------------------------

SLACK_BLOCKS = 50  # Slack's limit of blocks in a message
SLACK_TEXT = 3000  # of characters in a section's text
SLACK_HEADER = 150  # in a header's plain text
LINE_CHARS = 300  # a win or list line in a chat message: the email has the whole text


def slack_escape(value: object) -> str:
    """Slack's three control characters as entities (api.slack.com, "Escaping text")."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _packed(lines: list[str], limit: int = SLACK_TEXT) -> list[str]:
    """Lines joined into texts of at most ``limit`` characters (a longer line is cut)."""
    texts: list[str] = []
    for line in (_clip(line, limit) for line in lines):
        if texts and len(texts[-1]) + 1 + len(line) <= limit:
            texts[-1] += "\n" + line
        else:
            texts.append(line)
    return texts


def _slack_win(win: Win) -> str:
    line = f"• *{slack_escape(day(win.date))}* {slack_escape(_clip(win.text, LINE_CHARS))}"
    details = [slack_escape(p) for p in (win.project, win.size) if p]
    if details:
        line += f" _({', '.join(details)})_"
    if win.people:
        line += f" — {slack_escape(', '.join(win.people))}"
    if win.evidence.startswith(("http://", "https://")) and "|" not in win.evidence:
        line += f" <{slack_escape(win.evidence)}|evidence>"
    return line


def slack(digest: Digest) -> dict:
    """An incoming webhook's payload: ``text`` (the notification) and ``blocks``."""

    def section(body: str) -> dict:
        return {"type": "section", "text": {"type": "mrkdwn", "text": body}}

    blocks: list[dict] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": _clip(digest.subject, SLACK_HEADER),
                "emoji": True,
            },
        },
        section(slack_escape(summary(digest))),
        {"type": "divider"},
    ]
    wins = [_slack_win(w) for w in digest.wins.shown] or ["No win was logged in the period."]
    if digest.wins.more:
        rest = _more(digest.wins.more)
        wins.append(f"<{slack_escape(digest.link)}|{rest}>" if digest.link else rest)
    blocks += [section(t) for t in _packed(["*:tada: Small wins to celebrate*", *wins])]
    for heading, items, more in sections(digest):
        lines = [f"*{slack_escape(heading)}*"]
        lines += [f"• {slack_escape(_clip(i, LINE_CHARS))}" for i in items]
        if more:
            lines.append(_more(more))
        blocks += [section(t) for t in _packed(lines)]
    footer: list[dict] = []
    if digest.link:
        footer.append(section(f"<{slack_escape(digest.link)}|Open Small Wins>"))
    footer.append(
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": slack_escape(f"'{digest.spec.name}', a digest from Small Wins"),
                }
            ],
        }
    )
    if len(blocks) + len(footer) > SLACK_BLOCKS:
        blocks = blocks[: SLACK_BLOCKS - len(footer) - 1] + [section("… more in the app.")]
    return {"text": _clip(digest.subject, SLACK_TEXT), "blocks": blocks + footer}


# --- Teams: an Adaptive Card through a Workflows webhook -----------------------------------------

CARD_VERSION = "1.4"  # what Teams renders in channels posted to by Workflows
CARD_TYPE = "application/vnd.microsoft.card.adaptive"


def _block(value: str, **style: object) -> dict:
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def teams(digest: Digest) -> dict:
    """The message a Workflows webhook ("Post to a channel when a webhook request is received")
    takes: a ``message`` with one Adaptive Card attachment."""
    body: list[dict] = [
        _block(digest.subject, size="Large", weight="Bolder"),
        _block(summary(digest), spacing="Small"),
        _block("🎉 Small wins to celebrate", weight="Bolder", spacing="Medium", separator=True),
    ]
    if digest.wins.total:
        body += [_block(_clip(win_line(w), LINE_CHARS), spacing="Small") for w in digest.wins.shown]
        if digest.wins.more:
            rest = _more(digest.wins.more)
            body.append(
                _block(f"[{rest}]({digest.link})" if digest.link else rest, spacing="Small")
            )
    else:
        body.append(_block("No win was logged in the period.", spacing="Small"))
    for heading, items, more in sections(digest):
        body.append(_block(heading, weight="Bolder", spacing="Medium", separator=True))
        body.append(
            _block(
                "\n".join(f"- {_clip(item, LINE_CHARS)}" for item in items)
                + (f"\n\n{_more(more)}" if more else ""),
                spacing="Small",
            )
        )
    card: dict = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": CARD_VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }
    if digest.link:
        card["actions"] = [
            {"type": "Action.OpenUrl", "title": "Open Small Wins", "url": digest.link}
        ]
    return {
        "type": "message",
        "attachments": [{"contentType": CARD_TYPE, "contentUrl": None, "content": card}],
    }
