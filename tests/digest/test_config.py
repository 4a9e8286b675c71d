"""``[[digests]]`` and ``[app] public_url`` checked like the rest of smallwins.toml: each mistake
names its line and key; and a source that cannot be read sends nothing (exit 2)."""

from __future__ import annotations

from tests.digest.conftest import digest_table, run_cli, write_config

UNTIL = "2026-10-28"


def test_a_typo_names_its_line(isolated, data_file, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("RV", ["mailto:team@rv.org", "slak:rv"], audience="team", every="weekly"),
    )
    lines = config.read_text().splitlines()
    to_line = next(n for n, line in enumerate(lines, 1) if line.startswith("to ="))
    every_line = next(n for n, line in enumerate(lines, 1) if line.startswith("every ="))
    status, _, err = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 2
    assert f"line {to_line}: [[digests]] #1 'to' must be" in err and '"slak:rv"' in err
    assert f"line {every_line}: [[digests]] #1 'every' must be 'week' or 'month'" in err


def test_an_unknown_key_gets_a_close_match(isolated, data_file, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("RV", ["mailto:team@rv.org"], audience="team", send_when_qiet=True),
    )
    status, _, err = run_cli(capsys, "digest", config)
    assert status == 2 and "did you mean 'send_when_quiet'?" in err


def test_a_webhook_url_in_the_file_is_refused(isolated, data_file, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("RV", ["slack:https://hooks.slack.com/services/T0/B0/x"], audience="team"),
    )
    status, _, err = run_cli(capsys, "digest", config)
    assert status == 2 and "goes in the secrets" in err


def test_public_url_must_be_a_web_address(isolated, data_file, capsys):
    config = write_config(
        isolated, data_file, digest_table("RV", ["mailto:team@rv.org"], audience="team")
    )
    config.write_text(config.read_text().replace("https://wins.example.org", "wins.example.org"))
    status, _, err = run_cli(capsys, "digest", config)
    assert status == 2 and "line 2: [app] 'public_url' must be an address starting with" in err


def test_two_digests_with_one_name(isolated, data_file, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("RV", ["mailto:a@rv.org"], audience="team"),
        digest_table("rv", ["mailto:b@rv.org"], audience="team"),
    )
    status, _, err = run_cli(capsys, "digest", config)
    assert status == 2 and "[[digests]] #1 and #2 are both named 'rv'" in err


def test_a_funder_address_on_a_digest_with_names_is_refused(isolated, data_file, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("RV", ["mailto:board@foundation.org"], audience="team"),
    )
    config.write_text(config.read_text() + '\n[access]\nfunders = ["foundation.org"]\n')
    status, _, err = run_cli(capsys, "digest", config)
    assert status == 2 and "a funder in [access]" in err and 'audience = "funder"' in err


def test_a_team_member_never_gets_a_collaboration_not_theirs(isolated, data_file, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("All", ["mailto:joe@rv.org"], audience="team"),
    )
    config.write_text(config.read_text() + '\n[access.teams]\n"River Valley" = ["rv.org"]\n')
    status, _, err = run_cli(capsys, "digest", config)
    assert status == 2 and "could not see every collaboration" in err


def test_an_unknown_collaboration_exits_2(isolated, data_file, capsys):
    config = write_config(
        isolated,
        data_file,
        digest_table("RV", ["mailto:a@rv.org"], audience="team", collaborations=["Rivr Valley"]),
    )
    status, out, _ = run_cli(capsys, "digest", config, "--until", UNTIL, "--dry-run")
    assert status == 2 and "did you mean 'River Valley'?" in out


def test_an_unreadable_source_sends_nothing(isolated, tmp_path, capsys):
    config = write_config(
        isolated,
        tmp_path / "missing.xlsx",
        digest_table("RV", ["mailto:a@rv.org"], audience="team"),
    )
    status, _, err = run_cli(capsys, "digest", config, "--until", UNTIL)
    assert status == 2 and "no digest is sent from partial data" in err


def test_no_digests_configured(isolated, data_file, capsys):
    config = write_config(isolated, data_file)
    status, _, err = run_cli(capsys, "digest", config)
    assert status == 2 and "no [[digests]] configured" in err
