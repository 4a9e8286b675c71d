"""The Digests page's pieces: each digest composed for a period once per data read (cached like
the figures), and shown as its email's HTML — through ``st.html``, which sanitises it
(DOMPurify) and runs no script; the digest's own HTML escapes every text from the sheets, so
there is nothing to run either way. The chart, a ``cid:`` part in the email, is inlined here as
a ``data:`` image."""

from __future__ import annotations

import base64

import streamlit as st

from dashboard.dataset import Dataset
from dashboard.digest.content import Digest, compose
from dashboard.digest.period import Period
from dashboard.digest.render import chart_png, html_content
from dashboard.digest.setup import DigestSpec
from dashboard.secrets import pseudonym_secret_from_secrets
from dashboard.ui import data


@st.cache_resource(show_spinner=False, max_entries=64)
def _composed(
    stamp: tuple, spec: DigestSpec, period: Period, public_url: str | None, _full: Dataset
) -> tuple[Digest, str]:
    digest = compose(_full, spec, period, public_url, pseudonym_secret_from_secrets())
    image = "data:image/png;base64," + base64.b64encode(chart_png(digest)).decode("ascii")
    return digest, html_content(digest, image)


def preview(
    full: Dataset, spec: DigestSpec, period: Period, public_url: str | None
) -> tuple[Digest, str]:
    """The digest and its HTML as the email shows it (the chart inline)."""
    return _composed(data.stamp(full), spec, period, public_url, full)
