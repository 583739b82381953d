"""The dashboard under hostile input (issue 11), driven with AppTest as a user would: uploads,
links, reviewers' names, login. Every hostile file is made here; nothing goes online."""

import datetime as dt
import sqlite3
import struct
import tomllib

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.briefing import briefing_png
from dashboard.links import LinkSpec, link_notes
from geodata.boundaries import load_oblasts
from tests.conftest import ROOT

GOOD = b"published: 2024-05-14\nsource: Test Wire\n---\nUkrainian troops withdrew from Vovchansk on Tuesday, " \
       b"the General Staff of Ukraine said.\n"
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "not-a-secret-only-a-test",
        "client_id": "frontline-claims", "client_secret": "test",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def shown(at):
    """What the headline counts: claims in view, events and settlements on the map, undated."""
    counts = at.session_state["_counts"]
    return {key: counts[key] for key in ("claims", "events", "settlements", "undated")}


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "claims.sqlite"
    monkeypatch.setenv("FRONTLINE_DB", str(path))
    return path


def start(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
    return at


def plain(text: str) -> str:
    return text.replace("\\", "")  # Markdown escapes: what the user reads


def stored_reviews(db) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as check:
        return check.execute("SELECT action, reviewer FROM reviews").fetchall()


def reject_one_robotyne_claim(at: AppTest) -> None:
    at.selectbox(key="event_place").set_value("695586").run()  # Robotyne
    next(b for b in at.button if b.key and b.key.startswith("reject-")).click().run()
    assert not at.exception, at.exception


# -- uploads: one bad file never loses the others, and no traceback -----------------------------
def test_an_upload_with_hostile_files_stores_the_good_ones_and_names_the_rest(db):
    at = start(view="Add articles")
    at.file_uploader(key="upload").set_value([
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "application/json"),
        ("deep.md", b"---\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n" + GOOD, "text/markdown"),
        ("ancient.txt", GOOD.replace(b"2024-05-14", b"0001-01-01"), "text/plain"),
        ("late_nul.txt", GOOD + b"More text. " * 1000 + b"\x00", "text/plain"),
        ("evil\u202etxt.exe.txt", GOOD.replace(b"Tuesday", b"Monday").replace(b"Test Wire", b"Evil\xe2\x80\xae Wire"),
         "text/plain"),
        ("good.txt", GOOD, "text/plain"),
    ]).run()
    at.button(key="upload_go").click().run()
    assert not at.exception, at.exception
    assert "2 articles read (2 new" in at.success[0].value
    refused = [plain(e.value) for e in at.error]
    assert len(refused) == 4 and all(e.startswith("Refused ") for e in refused)
    assert any("deep.json: not an article: JSON nested too deeply" in e for e in refused)
    assert any("deep.md: malformed front matter: nested too deeply" in e for e in refused)
    assert any("ancient.txt: published date 0001-01-01 is before 1991" in e for e in refused)
    assert any("late_nul.txt: binary file" in e for e in refused)
    with sqlite3.connect(db) as check:
        paths = {row[0]: row[1] for row in check.execute("SELECT path, source FROM articles")}
    assert paths["evil\\u202etxt.exe.txt"] == "Evil Wire" and "good.txt" in paths


def test_no_traceback_reaches_the_page(db, monkeypatch):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"  # what might still escape shows no details

    from dashboard import views

    def broken(*args):
        raise RuntimeError("/srv/secret/path/module.py line 12")

    monkeypatch.setattr(views, "timeline", broken)
    at = start()
    assert "Something went wrong while drawing this page (RuntimeError)" in plain(at.error[0].value)
    assert "/srv/secret" not in at.error[0].value


# -- links ------------------------------------------------------------------------------------------
def test_reversed_dates_in_a_link_are_read_in_order_and_said(db):
    at = start(dates=["2024-05-31", "2024-05-01"])
    assert shown(at) == {"claims": 9, "events": 3, "settlements": 3, "undated": 0}
    assert "reversed, read as 2024-05-01 to 2024-05-31" in plain(at.warning[0].value)


def test_what_a_link_asks_for_and_the_page_ignores_is_named(db):
    at = start(claimant=["Ukrainian General Staff", "Nobody"], gside="UA", undated="maybe", foo="1",
               asof_on="true", asof="1999-01-01")
    notice = plain(at.warning[0].value)
    assert "claimant 'Nobody': no such claimant here" in notice
    assert "gside 'UA': no such gaining side here" in notice  # the link holds labels: "Ukrainian gain claimed"
    assert "undated 'maybe': write true or false" in notice
    assert "'foo': not a setting of this page" in notice
    assert "asof '1999-01-01': outside the claims' dates" in notice
    assert at.multiselect(key="claimant").value == ["Ukrainian General Staff"]  # the rest is applied
    at.run()
    assert plain(at.warning[0].value) == notice  # it stays while the page is open


def test_a_clean_link_brings_no_notice(db):
    at = start(view="Briefing", claimant="Russian Ministry of Defence", dates=["2024-05-01", "2024-05-31"],
               undated="False", gside="Russian gain claimed", q="Robotyne")
    assert not at.warning


def test_link_notes_read_dates_as_streamlit_writes_them():
    spec = LinkSpec(dates={"dates": 2}, first_day=dt.date(2022, 1, 1), last_day=dt.date(2025, 1, 1))
    assert link_notes({"dates": ["1716163200000000", "1717113600000000"]}, spec) == []  # microseconds
    assert link_notes({"dates": ["2024-05-01"]}, spec) == ["dates '2024-05-01': 2 dates needed"]
    assert link_notes({"dates": ["May", "June"]}, spec) == ["dates 'May', 'June': not a date (write YYYY-MM-DD)"]
    assert link_notes({"embed": ["true"]}, spec) == []  # Streamlit's own


# -- display -----------------------------------------------------------------------------------------
def test_dollar_signs_in_sources_and_titles_draw_as_text_on_the_png():
    places = pd.DataFrame([{"lat": 48.59, "lon": 37.99, "gaining_side": "RU", "event_type": "capture",
                            "disputed": False, "place_name": "Price $\\frac{ and $", "settlement": "x"}])
    png = briefing_png(places, load_oblasts(), title="Costs $x^{ and $10", subtitle="$5 to $\\frac{1}{",
                       sources_note="Sources: $$Wire$ $")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1600, 1000)


# -- reviews --------------------------------------------------------------------------------------
def test_a_reviewers_name_is_plain_text_short_and_clean(db):
    at = start()
    hostile = "![x](http://127.0.0.1:9/pixel.png) **Bold** :red[big] \u202eevil\x1b" + "A" * 200
    at.text_input(key="reviewer").set_value(hostile).run()
    reject_one_robotyne_claim(at)
    [(action, name)] = stored_reviews(db)
    assert action == "reject" and 0 < len(name) <= 80
    assert "\u202e" not in name and "\x1b" not in name and name.startswith("![x](http://127.0.0.1:9/pixel.png)")
    toast = at.toast[0].value
    assert "](" not in toast.replace("\\]\\(", "") and "\\!\\[x\\]\\(http" in toast  # escaped: no image, no link


def test_with_a_login_configured_the_reviewer_is_the_logged_in_user(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "name": "Olena Kovalenko", "email": "olena@example.org"}
    at.session_state["reviewer"] = "Mallory"  # a name typed in another mode counts for nothing
    at.run()
    assert not at.exception, at.exception
    assert not [t for t in at.text_input if t.key == "reviewer"]  # the name field is gone
    assert any("Reviewing as **Olena Kovalenko**" in c.value for c in at.sidebar.caption)
    reject_one_robotyne_claim(at)
    assert stored_reviews(db) == [("reject", "Olena Kovalenko")]


def test_with_a_login_configured_nobody_reviews_before_logging_in(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.session_state["reviewer"] = "Mallory"
    at.run()
    assert not at.exception, at.exception
    assert not [t for t in at.text_input if t.key == "reviewer"]
    at.selectbox(key="event_place").set_value("695586").run()
    assert not [b for b in at.button if b.key and b.key.startswith(("reject-", "confirm-"))]
    assert any("Log in (in the sidebar) to review." in c.value for c in at.caption)
    assert [b.key for b in at.sidebar.button if b.key == "login"] == ["login"] or any(
        "Authlib" in e.value for e in at.sidebar.error)
