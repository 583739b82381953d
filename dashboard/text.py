"""Untrusted text (anything from an article: names as written, outlets, claimants of local
authorities, dates as written) shown through Streamlit's Markdown must not become markup."""

from __future__ import annotations

import re

__all__ = ["md"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """``text`` with every Markdown and HTML special character escaped, for st.markdown/caption."""
    return _SPECIAL.sub(r"\\\1", "" if text is None else str(text))
