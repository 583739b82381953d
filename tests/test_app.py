"""The Streamlit page, driven with AppTest (no browser): what a user types and what comes back."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.assets import assets_installed
from tests.conftest import ROOT


def map_args(at):
    (component,) = [e for e in at.get("component_instance") if e.proto.component_name == "streamlit_folium.st_folium"]
    return json.loads(component.proto.json_args)


@pytest.fixture
def app():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_first_view_resolves_the_default_name_and_draws_it(app):
    assert "**Vovchansk**" in app.success[0].value and "Kharkiv Oblast" in app.success[0].value
    args = map_args(app)
    assert args["script"].count("L.circleMarker(") == 1


def test_ambiguous_name_lists_candidates_and_an_oblast_narrows_them(app):
    app.text_input(key="name").set_value("Andriivka").run()
    assert "74 places" in app.warning[0].value
    assert map_args(app)["script"].count("L.circleMarker(") == 74
    app.selectbox(key="hint").set_value("Donetsk Oblast").run()
    assert "10 of 74" in app.warning[0].value


def test_unknown_name_says_so(app):
    app.text_input(key="name").set_value("Xyzzyville").run()
    assert "No place found" in app.info[0].value
    assert not app.exception


def test_map_scripts_are_served_locally_even_after_a_rerun(app):
    if not assets_installed():
        pytest.fail("map assets missing: run `npm ci --prefix static/vendor` (the README's set-up command does)")
    app.text_input(key="name").set_value("Kupyansk").run()  # the asset patch must survive reruns
    links = map_args(app)["js_links"]
    assert "/app/static/vendor/node_modules/leaflet/dist/leaflet.js" in links
    assert all(link.startswith("/app/static/") for link in links)
