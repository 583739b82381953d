"""Who reviews. Two modes:

- One analyst on their own machine (the default): the name typed in the sidebar, kept as plain
  text (control and bidi characters removed, at most REVIEWER_MAX characters).
- A team on a shared server: with an ``[auth]`` section in ``.streamlit/secrets.toml`` the
  app uses Streamlit's built-in OpenID Connect login (``st.login``); the reviewer is the
  logged-in user and the name field is gone, so nobody reviews under another's name.

Tests drive the second mode through AppTest's ``secrets`` and ``user`` (Streamlit's hook for
``st.user``), with no identity provider and no network.
"""

from __future__ import annotations

import importlib.util

import streamlit as st

from dashboard.text import md
from events.textsafe import clean_line

__all__ = ["REVIEWER_MAX", "auth_configured", "reviewer", "reviewer_sidebar", "review_hint"]

REVIEWER_MAX = 80


def auth_configured() -> bool:
    """Whether ``.streamlit/secrets.toml`` (or the test's secrets) configures a login."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file, or one that cannot be read: no login
        return False


def reviewer() -> str:
    """The reviewer's name, as stored with a review and shown beside it; "" when nobody may
    review yet (no name typed, or not logged in)."""
    if auth_configured():
        if not st.user.is_logged_in:
            return ""
        return clean_line(str(st.user.get("name") or st.user.get("email") or ""), REVIEWER_MAX)
    return clean_line(str(st.session_state.get("reviewer") or ""), REVIEWER_MAX)


def reviewer_sidebar() -> None:
    """The name field, or log in / log out when a login is configured."""
    if not auth_configured():
        st.sidebar.text_input("Your name (for reviews)", key="reviewer", placeholder="e.g. analyst initials",
                              max_chars=REVIEWER_MAX)
        return
    if st.user.is_logged_in:
        st.sidebar.caption(f"Reviewing as **{md(reviewer())}**")
        if st.sidebar.button("Log out", key="logout"):
            st.logout()
        return
    if importlib.util.find_spec("authlib") is None:
        st.sidebar.error("Login is configured but Authlib is missing: `pip install -r requirements.txt`.")
        return
    st.sidebar.caption("Log in to review claims.")
    if st.sidebar.button("Log in", key="login"):
        st.login()


def review_hint() -> str:
    """What to do before reviewing, for the place of the review buttons."""
    return "Log in (in the sidebar) to review." if auth_configured() else "Enter your name in the sidebar to review."
