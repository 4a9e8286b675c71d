"""Slack and Teams through the HTTP stand-in (which checks each payload against their documented
shapes and limits), and "sent once": a rerun, --force, a failed channel retried alone."""

from __future__ import annotations

import json

from dashboard.digest import sent_log
from tests.digest.conftest import WEEK_WINS, digest_table, run_cli, write_config

UNTIL = "2026-10-28"
TOKEN = "T0SECRET/B0SECRET/abcSECRETxyz"  # a webhook URL's secret part


def _config(isolated, data_file, to, **keys):
    keys.setdefault("audience", "team")
    keys.setdefault("collaborations", ["River Valley"])
    return write_config(isolated, data_file, digest_table("RV weekly", to, **keys), timeout=1.0)


def test_slack_and_teams_get_their_documented_payloads(
    isolated, data_file, stand_in, monkeypatch, capsys
):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_RIVERVALLEY", f"{stand_in.url}/slack/{TOKEN}/ok")
    (isolated / ".streamlit").mkdir()
    (isolated / ".streamlit" / "secrets.toml").write_text(
        f'[webhooks]\nfunders-channel = "{stand_in.url}/teams/{TOKEN}/ok"\n'
    )
    config = _config(isolated, data_file, ["slack:rivervalley", "teams:funders-channel"])
    status, out, err = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0, out + err
    assert stand_in.answers == [200, 202]  # each accepted at the first try: valid as documented
    [slack] = stand_in.payloads("/slack/")
    blocks = json.dumps(slack["blocks"])
    assert slack["text"] == "Small wins: River Valley, week of 19 October 2026"
    for win in WEEK_WINS:
        assert win in blocks
    [teams] = stand_in.payloads("/teams/")
    card = teams["attachments"][0]["content"]
    texts = " ".join(b["text"] for b in card["body"])
    assert all(win in texts for win in WEEK_WINS)
    assert card["actions"][0]["url"].startswith("https://wins.example.org/?collaboration=River")
    # the webhook URLs are secrets: in no line said, nor in the sent-log
    logged = sent_log.path().read_text()
    assert "SECRET" not in out + err + logged
    assert "slack:rivervalley" in logged and "teams:funders-channel" in logged


def test_sent_once_force_and_a_failed_channel_retried_alone(
    isolated, data_file, stand_in, monkeypatch, capsys
):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_GOOD", f"{stand_in.url}/slack/{TOKEN}/ok")
    monkeypatch.setenv("SMALLWINS_WEBHOOK_BAD", f"{stand_in.url}/teams/{TOKEN}/fail")
    config = _config(isolated, data_file, ["slack:good", "teams:bad"])
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 1
    assert "slack:good: sent" in out and "teams:bad: failed" in out
    assert "answered 500" in out and "SECRET" not in out
    assert stand_in.calls[f"/teams/{TOKEN}/fail"] == 4  # the first try and 3 retries
    # the next run: the good channel was recorded, the failed one is tried again, alone
    monkeypatch.setenv("SMALLWINS_WEBHOOK_BAD", f"{stand_in.url}/teams/{TOKEN}/ok")
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0
    assert "slack:good: already sent" in out and "teams:bad: sent" in out
    assert stand_in.calls[f"/slack/{TOKEN}/ok"] == 1 and stand_in.calls[f"/teams/{TOKEN}/ok"] == 1
    # a third run sends nothing; --force sends both again
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0 and out.count("already sent") == 2
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL, "--force")
    assert status == 0 and out.count(": sent") == 2
    assert stand_in.calls[f"/slack/{TOKEN}/ok"] == 2 and stand_in.calls[f"/teams/{TOKEN}/ok"] == 2
    # a new week is a new digest
    status, out, _ = run_cli(capsys, "digest", config, "--until", "2026-11-02")
    assert status == 0 and "week of 26 October 2026" in out and out.count(": sent") == 2


def test_a_hanging_webhook_times_out_and_is_not_recorded(
    isolated, data_file, stand_in, monkeypatch, capsys
):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_SLOW", f"{stand_in.url}/slack/{TOKEN}/hang")
    config = _config(isolated, data_file, ["slack:slow"])
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 1 and "did not answer within 1 s" in out
    assert sent_log.read() == {}


def test_a_flaky_webhook_is_retried_until_it_takes_the_digest(
    isolated, data_file, stand_in, monkeypatch, capsys
):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_FLAKY", f"{stand_in.url}/slack/{TOKEN}/flaky")
    config = _config(isolated, data_file, ["slack:flaky"])
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0 and "slack:flaky: sent" in out
    assert stand_in.answers == [500, 500, 200]


def test_dry_run_sends_and_records_nothing_and_out_writes_each_message(
    isolated, data_file, stand_in, monkeypatch, capsys
):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_RV", f"{stand_in.url}/slack/{TOKEN}/ok")
    monkeypatch.setenv("SMALLWINS_SMTP_URL", "smtp://127.0.0.1:1")
    monkeypatch.setenv("SMALLWINS_MAIL_FROM", "wins@region.org")
    config = _config(isolated, data_file, ["slack:rv", "mailto:team@rv.org"])
    out_folder = isolated / "messages"
    status, out, _ = run_cli(
        capsys, "digest", config, "--until", UNTIL, "--dry-run", "--out", out_folder
    )
    assert status == 0 and out.count("would send") == 2
    assert stand_in.received == [] and not sent_log.path().exists()
    files = sorted(p.name for p in out_folder.iterdir())
    assert files == [
        "rv-weekly-2026-10-19-mailto-team-rv-org.eml",
        "rv-weekly-2026-10-19-slack-rv.json",
    ]
    payload = json.loads((out_folder / files[1]).read_text())
    assert payload["text"].startswith("Small wins: River Valley")
    assert b"First apprentice hired" in (out_folder / files[0]).read_bytes()
    assert "SECRET" not in "".join(p.read_text(errors="replace") for p in out_folder.iterdir())


def test_a_damaged_sent_log_is_treated_as_absent(
    isolated, data_file, stand_in, monkeypatch, capsys
):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_RV", f"{stand_in.url}/slack/{TOKEN}/ok")
    config = _config(isolated, data_file, ["slack:rv"])
    sent_log.path().parent.mkdir(parents=True, exist_ok=True)
    sent_log.path().write_bytes(b'{"format": 1, "sent": {"RV weekly": {"2026-10-19/20')
    status, out, err = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0 and "slack:rv: sent" in out and "cannot be read" in err
    assert sent_log.was_sent(sent_log.read(), "RV weekly", "2026-10-19/2026-10-25", "slack:rv")


def test_quiet_periods(isolated, data_file, stand_in, monkeypatch, capsys):
    monkeypatch.setenv("SMALLWINS_WEBHOOK_RV", f"{stand_in.url}/slack/{TOKEN}/ok")
    quiet_week = "2026-10-06"  # 28 September – 4 October: no win, nothing kept, no one new
    config = write_config(
        isolated,
        data_file,
        digest_table("Team", ["slack:rv"], audience="team"),
        digest_table("Funders", ["slack:rv"], audience="funder", send_when_quiet=True),
        digest_table("Coordinators", ["slack:rv"], audience="coordinator"),
    )
    status, out, _ = run_cli(capsys, "digest", config, "--until", quiet_week)
    assert status == 0
    assert "Team, week of 28 September 2026: nothing to celebrate" in out
    assert "Funders, week of 28 September 2026 → slack:rv: sent" in out
    assert "Coordinators, week of 28 September 2026 → slack:rv: sent" in out
    assert len(stand_in.received) == 2


def test_a_missing_webhook_and_an_unknown_name_are_configuration_problems(
    isolated, data_file, capsys
):
    config = _config(isolated, data_file, ["teams:nowhere"])
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 2 and "SMALLWINS_WEBHOOK_NOWHERE" in out
    status, _, err = run_cli(capsys, "digest", config, "--name", "Nope")
    assert status == 2 and "no digest named 'Nope'" in err and "'RV weekly'" in err


def test_two_runs_at_once_send_each_channel_once(isolated, data_file, stand_in, tmp_path):
    """Two schedulers (two replicas) firing together: they take turns, and the second finds the
    digest already sent."""
    import os
    import subprocess
    import sys

    from tests.digest.conftest import ROOT

    config = _config(isolated, data_file, ["slack:rv"])
    env = {
        **os.environ,
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "SMALLWINS_WEBHOOK_RV": f"{stand_in.url}/slack/{TOKEN}/ok",
    }
    command = [sys.executable, "-m", "dashboard", "digest", str(config), "--until", UNTIL]
    runs = [
        subprocess.Popen(command, env=env, cwd=isolated, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert sorted(": sent —" in out for out in outputs) == [False, True]
    assert any("already sent" in out for out in outputs)
    assert stand_in.calls[f"/slack/{TOKEN}/ok"] == 1


def test_no_log_line_holds_a_webhook_url(
    isolated, data_file, stand_in, monkeypatch, capsys, caplog
):
    import logging

    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("SMALLWINS_WEBHOOK_RV", f"{stand_in.url}/slack/{TOKEN}/ok")
    config = _config(isolated, data_file, ["slack:rv"])
    status, out, err = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 0
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "POST /[redacted]" in logged  # urllib3 did log the request line
    assert "SECRET" not in logged + out + err
