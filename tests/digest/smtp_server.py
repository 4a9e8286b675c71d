"""A real SMTP server for the digest tests: aiosmtpd, run in its own process.

``python -m tests.digest.smtp_server FOLDER PORT [--cert C --key K] [--user U --password P]
[--refuse CODE]`` keeps each message it is handed as ``FOLDER/<n>.eml`` (the bytes received).
With a certificate it offers STARTTLS and requires it before anything is sent; with a user it
requires AUTH; ``--implicit-tls``: TLS from the first byte (``smtps://``); ``--refuse 451``
(or 550…) answers every message with that code.
"""

from __future__ import annotations

import argparse
import signal
import ssl
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Keeper:
    def __init__(self, folder: Path, refuse: int | None) -> None:
        self.folder = folder
        self.refuse = refuse
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return f"{self.refuse} refused by the test server"
        self.count += 1
        name = self.folder / f"{self.count:03d}.eml"
        partial = name.with_suffix(".part")
        partial.write_bytes(envelope.original_content or envelope.content)
        partial.rename(name)  # a test never reads half a message
        (self.folder / f"{self.count:03d}.rcpt").write_text("\n".join(envelope.rcpt_tos))
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("port", type=int)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", type=int)
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the start (smtps)")
    args = parser.parse_args()
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        good = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        return AuthResult(success=good)

    controller = Controller(
        Keeper(Path(args.folder), args.refuse),
        hostname="127.0.0.1",
        port=args.port,
        tls_context=None if args.implicit_tls else context,
        ssl_context=context if args.implicit_tls else None,
        require_starttls=context is not None and not args.implicit_tls,
        authenticator=authenticator if args.user else None,
        auth_required=bool(args.user),
        # aiosmtpd tells a STARTTLS session from a plain one, not a TLS-from-the-start one
        auth_require_tls=context is not None and not args.implicit_tls,
    )
    controller.start()
    (Path(args.folder) / "ready").write_text("ready")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
