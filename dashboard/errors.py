"""No traceback on the page: an error while drawing becomes a message a user can act on, and
the traceback goes to the server's log (``client.showErrorDetails = "none"`` in
``.streamlit/config.toml`` hides whatever still escapes)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from dashboard.text import md
from events import EventsError
from geodata import GeodataError

__all__ = ["errors_as_messages"]

_LOG = logging.getLogger("frontline_claims")


@contextmanager
def errors_as_messages() -> Iterator[None]:
    """Show an exception raised inside as an error message. Streamlit's own control flow
    (st.rerun, st.stop) is not an Exception and passes through."""
    try:
        yield
    except (EventsError, GeodataError) as exc:  # ours: the message says what to do
        _LOG.warning("%s", exc)
        st.error(md(exc))
    except Exception as exc:  # noqa: BLE001 - anything else: a message here, the traceback in the log
        _LOG.exception("error while drawing the page")
        st.error(f"Something went wrong while drawing this page ({md(type(exc).__name__)}); nothing was lost. "
                 "Reload the page or clear the filters; if it happens again, the server's log has the details.")
