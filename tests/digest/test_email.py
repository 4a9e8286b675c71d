"""Email through a real SMTP server (aiosmtpd in its own process, STARTTLS with a certificate
made by the test, a login): the message as received, parsed."""

from __future__ import annotations

import email
from email import policy

from dashboard.digest import sent_log
from tests.digest.conftest import (
    NAMES,
    WEEK_WINS,
    digest_table,
    run_cli,
    start_smtp,
    write_config,
)

UNTIL = "2026-10-28"  # a Wednesday: the week of 19 October is due


def _parsed(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def test_a_team_digest_arrives_as_text_and_html_with_the_chart_inline(
    isolated, data_file, smtp, capsys
):
    config = write_config(
        isolated,
        data_file,
        digest_table(
            "River Valley weekly",
            ["mailto:team@rv.org"],
            audience="team",
            collaborations=["River Valley"],
        ),
    )
    status, out, err = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0, out + err
    assert "→ mailto:team@rv.org: sent" in out
    [raw] = smtp.messages()
    assert smtp.recipients() == ["team@rv.org"]
    message = _parsed(raw)
    assert message["Subject"] == "Small wins: River Valley, week of 19 October 2026"
    assert message["From"] == "wins@region.org" and message["To"] == "team@rv.org"
    assert message.get_content_type() == "multipart/alternative"
    plain, related = message.get_payload()
    assert plain.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html_part, image = related.get_payload()
    assert html_part.get_content_type() == "text/html"
    assert image.get_content_type() == "image/png"
    assert image.get_content().startswith(b"\x89PNG")
    cid = image["Content-ID"].strip("<>")
    html = html_part.get_content()
    assert f'src="cid:{cid}"' in html
    assert "<script" not in html.lower() and "<link" not in html.lower()
    text = plain.get_content()
    for win in WEEK_WINS:
        assert win in text and win in html
    for absent in ("Old win", "Next week win", "Clinic opened"):  # other weeks, other teams
        assert absent not in text
    assert "Ann Lee, Bo Chen" in text  # a team's digest names people
    assert "Book the hall" in text and "1 open commitment overdue." in text
    assert "https://wins.example.org/?collaboration=River+Valley&from=2026-10-19" in text
    # the password is in the URL only: never in what was said or written
    everything = out + err + sent_log.path().read_text()
    assert "p@ss" not in everything and "w0rd" not in everything


def test_a_funder_digest_names_no_one(isolated, data_file, smtp, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("Funders", ["mailto:board@foundation.org"], audience="funder"),
    )
    status, out, err = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0, out + err
    [raw] = smtp.messages()
    message = _parsed(raw)
    parts = [p for p in message.walk() if p.get_content_maintype() == "text"]
    everything = message["Subject"] + "".join(p.get_content() for p in parts)
    for name in [*NAMES, "Diaz", "Chen"]:
        assert name not in everything, name
    assert "Food Hub site visit with [someone]" in everything
    assert "Person " in everything  # people as the funder's pages show them


def test_plain_smtp_to_a_local_relay_and_smtps_refused_without_tls(
    isolated, data_file, tmp_path, monkeypatch, capsys
):
    relay = start_smtp(tmp_path / "relay", tls=False)
    try:
        monkeypatch.setenv("SMALLWINS_SMTP_URL", f"smtp://127.0.0.1:{relay.port}")
        monkeypatch.setenv("SMALLWINS_MAIL_FROM", "wins@region.org")
        config = write_config(
            isolated,
            data_file,
            digest_table("Coordinators", ["mailto:ana@region.org"], audience="coordinator"),
        )
        status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
        assert status == 0 and len(relay.messages()) == 1
        assert "High Plains" in _parsed(relay.messages()[0]).get_body(("plain",)).get_content()
        # smtps:// to a server that speaks no TLS: a failure, said and not recorded
        monkeypatch.setenv("SMALLWINS_SMTP_URL", f"smtps://127.0.0.1:{relay.port}")
        status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL, "--force")
        assert status == 1 and "failed" in out and "not recorded" in out
    finally:
        relay.stop()


def test_a_refusing_server_is_a_failed_channel_and_the_next_run_sends_it(
    isolated, data_file, tmp_path, monkeypatch, capsys
):
    refusing = start_smtp(tmp_path / "refusing", tls=False, refuse=550)
    try:
        monkeypatch.setenv("SMALLWINS_SMTP_URL", f"smtp://127.0.0.1:{refusing.port}")
        monkeypatch.setenv("SMALLWINS_MAIL_FROM", "wins@region.org")
        config = write_config(
            isolated,
            data_file,
            digest_table("RV", ["mailto:team@rv.org"], audience="team"),
        )
        status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
        assert status == 1 and "mailto:team@rv.org: failed" in out and "550" in out
    finally:
        refusing.stop()
    working = start_smtp(tmp_path / "working", tls=False)
    try:
        monkeypatch.setenv("SMALLWINS_SMTP_URL", f"smtp://127.0.0.1:{working.port}")
        status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
        assert status == 0 and "sent" in out and len(working.messages()) == 1
    finally:
        working.stop()


def test_no_mail_server_configured_is_a_configuration_problem(isolated, data_file, capsys):
    config = write_config(
        isolated, data_file, digest_table("RV", ["mailto:team@rv.org"], audience="team")
    )
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 2 and "SMALLWINS_SMTP_URL" in out


def test_the_server_is_down(isolated, data_file, monkeypatch, capsys):
    from tests.digest.conftest import free_port

    monkeypatch.setenv("SMALLWINS_SMTP_URL", f"smtp://127.0.0.1:{free_port()}")
    monkeypatch.setenv("SMALLWINS_MAIL_FROM", "wins@region.org")
    config = write_config(
        isolated, data_file, digest_table("RV", ["mailto:team@rv.org"], audience="team")
    )
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 1 and "could not reach smtp://127.0.0.1" in out
    assert not sent_log.path().exists()


def test_a_certificate_the_system_does_not_trust_is_refused(
    isolated, data_file, smtp, monkeypatch, capsys
):
    """STARTTLS checks the server's certificate: the test's own is trusted only through
    SSL_CERT_FILE; without it the same server is refused, and nothing is sent."""
    monkeypatch.setenv("SSL_CERT_FILE", str(isolated / "no-such-bundle.pem"))
    config = write_config(
        isolated, data_file, digest_table("RV", ["mailto:team@rv.org"], audience="team")
    )
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 1 and "TLS failed" in out
    assert smtp.messages() == []


def test_smtps_speaks_tls_from_the_start(isolated, data_file, tmp_path, monkeypatch, capsys):
    server = start_smtp(tmp_path / "smtps", user="digest", password="secret", implicit_tls=True)
    try:
        monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))
        monkeypatch.setenv("SMALLWINS_SMTP_URL", f"smtps://digest:secret@127.0.0.1:{server.port}")
        monkeypatch.setenv("SMALLWINS_MAIL_FROM", "Small Wins <wins@region.org>")
        config = write_config(
            isolated, data_file, digest_table("RV", ["mailto:team@rv.org"], audience="team")
        )
        status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
        assert status == 0, out
        [raw] = server.messages()
        message = _parsed(raw)
        assert message["From"] == "Small Wins <wins@region.org>"
        assert message["Message-ID"].endswith("@region.org>")
    finally:
        server.stop()
