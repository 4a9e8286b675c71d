"""What the digest tests share: a small hand-made workbook (its figures worked out in
``workbook``'s docstring), a configuration writer, a real SMTP server in its own process
(aiosmtpd; STARTTLS with a certificate made here), and the Slack/Teams stand-in."""

from __future__ import annotations

import datetime as dt
import ipaddress
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from dashboard.sources.local import write_xlsx
from tests.digest.webhook_server import StandIn
from tests.streamlit_server import free_port

ROOT = Path(__file__).resolve().parents[2]
D = dt.date


def workbook() -> dict[str, list[list[object]]]:
    """Two collaborations. The week of Monday 19 October 2026 (to Sunday 25 October), worked by
    hand:

    River Valley (RV) — wins in the week: 19 Oct "First apprentice hired" (Ann Lee, Bo Chen;
    evidence link), 23 Oct "Food Hub site visit with Cy Diaz" (Cy Diaz, Ann Lee), 24 Oct "Bo met
    Cy at the plant" (Bo Chen, Cy Diaz); before: 12 Oct "Old win"; after: 26 Oct "Next week win".
    Who joined: Cy Diaz (first activity: a commitment made 20 Oct). Introductions: Bo–Cy (24 Oct:
    both already linked to Ann — Ann–Bo since 2 Sep, their project; Ann–Cy since 20 Oct).
    Kept: Ann's "Call the board" (done 21 Oct). Due in the week: Ann's (20 Oct, done) and Bo's
    (22 Oct, open): follow-through 1 of 2 = 50%. Coming up (26 Oct – 8 Nov): Cy's "Book the
    hall" (due 3 Nov); Ann's due 20 Nov is past the 14 days. Overdue on 25 Oct: Bo's, 1.

    High Plains (HP) — one win, 10 Sep "Clinic opened" (Dee Dunn, Eve Fox); no win in the 30
    days to 25 Oct: quiet. Kept: Dee's "Hire a nurse" (done, no done date, due 21 Oct).
    All collaborations: 3 wins, 2 kept, due 3 (Ann, Bo, Dee), 2 done: follow-through 67%.
    """
    return {
        "Collaborations": [
            ["Collaboration", "Region"],
            ["River Valley", "Midwest"],
            ["High Plains", "West"],
        ],
        "People": [
            ["Name", "Email", "Organization", "Sector", "Collaboration"],
            ["Ann Lee", "ann@rv.org", "Acme Tools", "business", "River Valley"],
            ["Bo Chen", "bo@rv.org", "State University", "education", "River Valley"],
            ["Cy Diaz", "cy@rv.org", "County", "government", "River Valley"],
            ["Dee Dunn", "dee@hp.org", "Plains Clinic", "health", "High Plains"],
            ["Eve Fox", "eve@hp.org", "Plains Clinic", "health", "High Plains"],
        ],
        "Projects": [
            ["Project", "Collaboration", "Status", "Started"],
            ["Apprenticeships", "River Valley", "active", D(2026, 9, 1)],
            ["Food Hub", "River Valley", "active", D(2026, 10, 1)],
            ["Clinic", "High Plains", "active", D(2026, 9, 1)],
        ],
        "Commitments": [
            ["Person", "Commitment", "Project", "Made", "Due", "Status", "Done"],
            [
                "Ann Lee",
                "Call the board",
                "Apprenticeships",
                D(2026, 9, 1),
                D(2026, 10, 20),
                "done",
                D(2026, 10, 21),
            ],
            [
                "Bo Chen",
                "Draft the MOU",
                "Apprenticeships",
                D(2026, 9, 2),
                D(2026, 10, 22),
                "open",
                "",
            ],
            ["Cy Diaz", "Book the hall", "Food Hub", D(2026, 10, 20), D(2026, 11, 3), "open", ""],
            ["Ann Lee", "Find a grocer", "Food Hub", D(2026, 10, 1), D(2026, 11, 20), "open", ""],
            ["Dee Dunn", "Hire a nurse", "Clinic", D(2026, 9, 1), D(2026, 10, 21), "done", ""],
        ],
        "Wins": [
            ["Date", "Win", "Project", "People", "Size", "Evidence"],
            [D(2026, 10, 12), "Old win", "Apprenticeships", "Ann Lee", "small", ""],
            [
                D(2026, 10, 19),
                "First apprentice hired",
                "Apprenticeships",
                "Ann Lee and Bo Chen",
                "large",
                "https://example.org/hired",
            ],
            [
                D(2026, 10, 23),
                "Food Hub site visit with Cy Diaz",
                "Food Hub",
                "Cy Diaz, Ann Lee",
                "small",
                "",
            ],
            [
                D(2026, 10, 24),
                "Bo met Cy at the plant",
                "Food Hub",
                "Bo Chen; Cy Diaz",
                "medium",
                "",
            ],
            [D(2026, 10, 26), "Next week win", "Food Hub", "Ann Lee", "small", ""],
            [D(2026, 9, 10), "Clinic opened", "Clinic", "Dee Dunn & Eve Fox", "large", ""],
        ],
    }


WEEK_WINS = ["First apprentice hired", "Food Hub site visit with Cy Diaz", "Bo met Cy at the plant"]
NAMES = ["Ann Lee", "Bo Chen", "Cy Diaz", "Dee Dunn", "Eve Fox", "ann@rv.org", "bo@rv.org"]


@pytest.fixture
def data_file(tmp_path) -> Path:
    path = tmp_path / "workbook.xlsx"
    write_xlsx(path, workbook())
    return path


def digest_table(name: str, to: list[str], **keys: object) -> str:
    lines = ["[[digests]]", f'name = "{name}"', f"to = {to!r}".replace("'", '"')]
    for key, value in keys.items():
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, list):
            lines.append(f"{key} = {value!r}".replace("'", '"'))
        else:
            lines.append(f'{key} = "{value}"')
    return "\n".join(lines) + "\n"


def write_config(folder: Path, data_file: Path, *digests: str, timeout: float = 2.0) -> Path:
    config = folder / "smallwins.toml"
    config.write_text(
        f'[app]\npublic_url = "https://wins.example.org"\ntimeout_seconds = {timeout}\n\n'
        f'[[sources]]\nname = "rv"\nlocation = "{data_file}"\n\n' + "\n".join(digests),
        encoding="utf-8",
    )
    return config


@pytest.fixture
def isolated(tmp_path, monkeypatch) -> Path:
    """A working folder with no secrets file, its own cache folder, no digest variables."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SMALLWINS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SMALLWINS_PSEUDONYM_SECRET", "a test secret of at least thirty-two bytes")
    for variable in ("SMALLWINS_CONFIG", "SMALLWINS_SMTP_URL", "SMALLWINS_MAIL_FROM"):
        monkeypatch.delenv(variable, raising=False)
    return work


def run_cli(capsys, *args: object) -> tuple[int, str, str]:
    from dashboard import cli

    status = cli.main([str(a) for a in args])
    said = capsys.readouterr()
    return status, said.out, said.err


# --- the SMTP server ------------------------------------------------------------------------------


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, and its key, made now."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert, key_file = folder / "cert.pem", folder / "key.pem"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert, key_file


@dataclass
class SmtpServer:
    process: subprocess.Popen
    port: int
    folder: Path
    cert: Path | None

    def messages(self) -> list[bytes]:
        return [p.read_bytes() for p in sorted(self.folder.glob("*.eml"))]

    def recipients(self) -> list[str]:
        return [p.read_text() for p in sorted(self.folder.glob("*.rcpt"))]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_smtp(
    folder: Path,
    tls: bool = True,
    user: str | None = None,
    password: str | None = None,
    refuse: int | None = None,
    implicit_tls: bool = False,
) -> SmtpServer:
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    args = [sys.executable, "-m", "tests.digest.smtp_server", str(folder), str(port)]
    cert = None
    if tls:
        cert, key = self_signed(folder)
        args += ["--cert", str(cert), "--key", str(key)]
    if user:
        args += ["--user", user, "--password", password or ""]
    if refuse:
        args += ["--refuse", str(refuse)]
    if implicit_tls:
        args.append("--implicit-tls")
    process = subprocess.Popen(args, cwd=ROOT)
    server = SmtpServer(process, port, folder, cert)
    deadline = time.monotonic() + 60
    while not (folder / "ready").exists():
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise RuntimeError("the SMTP server did not start")
        time.sleep(0.1)
    return server


@pytest.fixture
def smtp(tmp_path, monkeypatch):
    """A STARTTLS server requiring a login; the client trusts its certificate (SSL_CERT_FILE,
    which OpenSSL's default verify paths read), so the certificate is really checked."""
    server = start_smtp(tmp_path / "smtp", user="digest", password="p@ss w0rd:/x")
    monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))
    monkeypatch.setenv(
        "SMALLWINS_SMTP_URL", f"smtp+starttls://digest:p%40ss%20w0rd%3A%2Fx@127.0.0.1:{server.port}"
    )
    monkeypatch.setenv("SMALLWINS_MAIL_FROM", "wins@region.org")
    yield server
    server.stop()


@pytest.fixture
def stand_in():
    server = StandIn()
    yield server
    server.stop()
