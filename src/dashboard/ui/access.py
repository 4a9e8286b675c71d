"""Sign-in (Streamlit's built-in OIDC: ``st.login`` / ``st.user``) and each viewer's view.

Sign-in is on when ``.streamlit/secrets.toml`` has an ``[auth]`` section (docs/operating.md,
"Sign-in and roles"); roles come from the configuration's ``[access]`` table
(``dashboard.access``). Without ``[auth]`` the app runs open: everyone is a coordinator, and the
Data health page says so.
The view a role may see (``dashboard.privacy``) is built once per dataset read and role, and
every page is drawn from it — a page cannot show what its viewer's dataset does not hold.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from dashboard.access import OPEN, AccessError, AccessRules, Viewer
from dashboard.dataset import Dataset
from dashboard.privacy import anonymised, for_team
from dashboard.privacy.secret import SecretUnavailable
from dashboard.ui import data
from dashboard.ui.components import plain


def _auth_section() -> Mapping | None:
    try:
        section = st.secrets.get("auth")
    except Exception:
        return None
    return section if isinstance(section, Mapping) and section else None


def sign_in_configured() -> bool:
    return _auth_section() is not None


def _provider() -> str | None:
    """The provider to sign in with: None for a single ``[auth]`` provider, else the first
    ``[auth.<name>]`` section (Streamlit's two layouts)."""
    section = _auth_section() or {}
    if "client_id" in section:
        return None
    named = [name for name, value in section.items() if isinstance(value, Mapping)]
    return named[0] if named else None


def viewer() -> Viewer:
    """Who is looking. Stops the run at the sign-in screen, or for an account with no role."""
    if not sign_in_configured():
        return OPEN
    if not st.user.is_logged_in:
        st.title("Small Wins")
        st.info("Sign in to see your collaborations' momentum, participation and network.")
        st.button("Sign in", type="primary", on_click=st.login, args=(_provider(),))
        st.stop()
    email = st.user.get("email")
    try:
        rules = AccessRules.from_config(data.settings().extra.get("access"))
    except AccessError as error:
        st.error(f"The configuration's access rules cannot be used: {plain(str(error))}")
        st.stop()
    found = rules.viewer(str(email) if email else None)
    if found is None:
        st.title("Small Wins")
        st.warning(
            f"You are signed in as {plain(str(email or 'an account without an email'))}, which "
            "has no access to this dashboard. Ask your coordinator to add you."
        )
        st.button("Sign out", on_click=st.logout)
        st.stop()
    return found


def show_identity(who: Viewer) -> None:
    """In the sidebar: who is signed in and as what, and a way out."""
    if not who.signed_in:
        return
    scope = f" · {', '.join(who.collaborations)}" if who.collaborations else ""
    st.caption(f"Signed in as {plain(who.email or '')} ({who.role}{plain(scope)})")
    st.button("Sign out", on_click=st.logout, key="sign_out")


def _pseudonym_secret() -> str | None:
    """``[privacy] pseudonym_secret`` from Streamlit secrets, when the deployment gives one (else
    the environment or the cache folder's, ``privacy.secret``)."""
    try:
        section = st.secrets.get("privacy")
    except Exception:
        return None
    value = section.get("pseudonym_secret") if isinstance(section, Mapping) else None
    return str(value) if value else None


@st.cache_resource(show_spinner=False, max_entries=16)
def _visible(stamp: tuple, role: str, collaborations: tuple[str, ...], _full: Dataset) -> Dataset:
    view = for_team(_full, collaborations) if role == "team" else _full
    return anonymised(view, _pseudonym_secret()) if role == "funder" else view


def visible(full: Dataset, who: Viewer) -> Dataset:
    """The part of the dataset ``who`` may see (cached per read and role)."""
    if who.role == "coordinator":
        return full
    try:
        return _visible(data.stamp(full), who.role, who.collaborations, full)
    except SecretUnavailable as error:  # never a view under a weak key: say what to fix, stop
        st.error(f"The anonymised view cannot be shown: {plain(str(error))}")
        st.stop()
        raise  # st.stop() raises; this line only tells the type checker


def access_note(who: Viewer) -> str:
    """One sentence for the Data health page on how access works right now."""
    if not sign_in_configured():
        return (
            "Sign-in is off: anyone who can open this address sees every collaboration, with "
            "names. Turn it on with an [auth] section in .streamlit/secrets.toml and roles in "
            '[access] (docs/operating.md, "Sign-in and roles").'
        )
    what = {
        "coordinator": "every collaboration, with names",
        "team": f"only {plain(', '.join(who.collaborations))}",
        "funder": "every collaboration, anonymised: no personal names or emails",
    }[who.role]
    return f"Sign-in is on. You are a {who.role}: you see {what}."
