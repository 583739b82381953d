"""The dashboard driven with Streamlit's AppTest (no browser): what a user does and sees."""

import datetime as dt
import json
import sqlite3

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.assets import assets_installed
from tests.conftest import ROOT


def map_args(at, key_part="map"):
    components = [e for e in at.get("component_instance") if e.proto.component_name == "streamlit_folium.st_folium"]
    assert components, "no map on the page"
    return json.loads(components[0].proto.json_args)


def features_on_map(at):
    """Markers the map will draw: the rows of the claims layer's table."""
    script = map_args(at)["feature_group"]
    start = script.find("var rows = ")
    if start < 0:
        return 0
    return len(json.loads(script[start + len("var rows = "):script.index(";\n", start)]))


def shown(at):
    """What the headline counts: claims in view, events and settlements on the map, undated."""
    counts = at.session_state["_counts"]
    return {key: counts[key] for key in ("claims", "events", "settlements", "undated")}


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "claims.sqlite"
    monkeypatch.setenv("FRONTLINE_DB", str(path))
    return path


@pytest.fixture
def app(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def test_first_view_shows_the_sample_corpus(app):
    # the news of the five samples; their three history claims of Robotyne (2022, 2023) wait for the box
    assert shown(app) == {"claims": 16, "events": 7, "settlements": 6, "undated": 0}
    assert "**16 claims on the map** (7 events, 6 settlements)" in app.markdown[0].value
    assert features_on_map(app) == 6
    app.checkbox(key="history").check().run()
    assert shown(app) == {"claims": 19, "events": 9, "settlements": 6, "undated": 0}


def test_a_claimant_filter_changes_counts_and_markers(app):
    app.multiselect(key="claimant").set_value(["Russian Ministry of Defence"]).run()
    assert shown(app)["claims"] == 4  # Robotyne twice, two denials
    assert features_on_map(app) == 3  # Robotyne, Klishchiivka, Andriivka


def test_the_date_range_filters(app):
    app.slider(key="dates").set_value((dt.date(2024, 5, 1), dt.date(2024, 5, 31))).run()
    assert shown(app) == {"claims": 9, "events": 3, "settlements": 3, "undated": 0}


def test_status_as_of_a_day(app):
    app.toggle(key="asof_on").set_value(True).run()
    app.slider(key="asof").set_value(dt.date(2023, 12, 31)).run()
    assert not app.exception
    assert features_on_map(app) == 3  # Robotyne retaken by Ukraine, Klishchiivka and Andriivka disputed
    assert "Claimed status as of **2023-12-31**: 3 settlements" in [c.value for c in app.caption]
    app.radio(key="asof_side").set_value("RU").run()
    assert features_on_map(app) == 2  # by Russian claimants only: their 2023 denials (2022 was a journalist's)


def test_playback_draws_claims_after_the_slider_day(app):
    # the "as of" slider at the first day, then playing: later days bring their claims to the map
    app.toggle(key="asof_on").set_value(True).run()
    app.slider(key="asof").set_value(dt.date(2022, 2, 1)).run()
    assert features_on_map(app) == 1  # Robotyne, taken in February 2022 (dpa's background)
    app.button(key="play").click().run()
    assert app.session_state["playing"] and app.button(key="pause")
    app.session_state["asof"] = dt.date(2024, 6, 1)  # where the ticking has got to
    app.run()
    assert not app.exception
    assert features_on_map(app) == 5  # by June 2024: Robotyne, Klishchiivka, Andriivka, Lukiantsi, Vovchansk
    # the headline, the caption and the slider say the same day
    assert app.slider(key="asof").value == dt.date(2024, 6, 1)
    assert "as of 2024-06-01**" in app.markdown[0].value
    assert "Claimed status as of **2024-06-01**: 5 settlements" in [c.value for c in app.caption]
    app.button(key="pause").click().run()
    assert not app.session_state["playing"] and app.slider(key="asof").value == dt.date(2024, 6, 1)


def test_next_change_skips_to_the_next_claimed_change(app):
    app.toggle(key="asof_on").set_value(True).run()
    app.slider(key="asof").set_value(dt.date(2022, 2, 1)).run()
    app.button(key="skip").click().run()
    assert app.slider(key="asof").value == dt.date(2023, 6, 1)  # Ukraine retook Robotyne in summer 2023
    app.button(key="skip").click().run()
    assert app.slider(key="asof").value == dt.date(2023, 11, 14)  # Ukraine's claim to have retaken Andriivka
    assert "as of 2023-11-14**" in app.markdown[0].value


def test_a_click_on_a_place_lists_its_claims(app):
    app.session_state["focus"] = "695586"  # what a click on Robotyne (or a table row) sets
    app.run()
    assert app.selectbox(key="event_place").value == "695586"
    assert any("Russian Ministry of Defence" in m.value for m in app.markdown)


def test_claims_with_unknown_dates_are_counted_but_not_drawn(app, db):
    from dashboard import cache
    from events import Store
    from events.articles import load_bytes
    from events.pipeline import ingest

    undated = b"Russian troops captured Chasiv Yar, the Russian defence ministry said.\n"
    with Store(db) as store:
        ingest(load_bytes(undated, "undated.txt", cache.rules()), store, cache.gazetteer(), cache.rules())
    app.run()
    assert shown(app)["undated"] == 1
    assert features_on_map(app) == 6  # the six dated settlements; Chasiv Yar is only in the list below the map


def test_an_empty_result_says_which_filter_emptied_it(app):
    app.text_input(key="q").set_value("Atlantis").run()
    message = app.info[0].value.replace("\\", "")  # markdown escapes: user text is shown as text
    assert "the search 'Atlantis' removes the last" in message and features_on_map(app) == 0


def test_filters_come_from_the_url(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["claimant"] = ["Ukrainian General Staff"]
    at.run()
    assert at.multiselect(key="claimant").value == ["Ukrainian General Staff"]
    assert shown(at)["claims"] == 2  # Lukiantsi and Vovchansk


def test_pasted_article_runs_through_the_pipeline_and_appears(app, db):
    app.segmented_control(key="view").set_value("add").run()
    app.text_area(key="paste_text").set_value(
        "Russian troops captured Krynky on Monday, the Russian defence ministry said. "
        "Heavy fighting in Andriivka continued, officials said.")
    app.text_input(key="paste_source").set_value("Test Wire")
    app.date_input(key="paste_date").set_value(dt.date(2024, 5, 15))
    app.button[0].click().run()
    assert not app.exception
    assert "1 article read (1 new" in app.success[0].value  # plurals right
    assert any("could be several villages" in w.value for w in app.warning)  # the Andriivka
    app.segmented_control(key="view").set_value("map").run()
    assert shown(app)["claims"] > 16
    # the analyst places the ambiguous Andriivka, once for the name: it then shows on the map at that village
    app.text_input(key="reviewer").set_value("analyst B").run()
    names = app.selectbox(key="ambiguous-name")
    # one row per name, with its counts (Krynky is settled by the war-zone rule: the one on the Dnipro)
    assert names.options == ["Andriivka — 1 claim in 1 article"]
    names.select(names.options[0]).run()
    place = next(s for s in app.selectbox if s.key and s.key.startswith("ambiguous-place-"))
    assert place.value is None  # none chosen for the analyst
    bakhmut = next(o for o in place.options if o.startswith("Andriivka — Bakhmut Raion, Donetsk Oblast"))
    assert " km from " in bakhmut or "no recorded population" in bakhmut  # raion, population, distance
    place.select(bakhmut).run()
    next(b for b in app.button if b.key and b.key.startswith("ambiguous-go-")).click().run()
    assert not app.exception
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT action, reviewer, place_name FROM reviews").fetchall() == [
            ("move", "analyst B", "Andriivka")]
    assert not [s for s in app.selectbox if s.key == "ambiguous-name"]  # Andriivka placed: none waits


def _paste(app, text, source, day):
    app.segmented_control(key="view").set_value("add").run()
    app.text_area(key="paste_text").set_value(text)
    app.text_input(key="paste_source").set_value(source)
    app.date_input(key="paste_date").set_value(day)
    app.button[0].click().run()
    assert not app.exception
    app.segmented_control(key="view").set_value("map").run()


def test_a_pick_places_the_name_in_the_articles_about_that_oblast_first(app, db):
    # three articles name an Andriivka: one beside Pokrovsk (Donetsk Oblast), one in the Donetsk
    # region twice but beside no other place, one in the Dnipropetrovsk region (nine namesakes there)
    _paste(app, "The Russian defence ministry said on Monday its forces had captured Andriivka and Pokrovsk.",
           "Wire B", dt.date(2024, 5, 16))
    _paste(app, "Russian forces captured Andriivka in the Donetsk region on Monday, the Russian defence ministry "
                "said. Ukraine's General Staff said on Tuesday that its troops had retaken Andriivka.",
           "Wire A", dt.date(2024, 5, 15))
    _paste(app, "Russian troops entered Andriivka in the Dnipropetrovsk region on Monday, the Russian defence "
                "ministry said.", "Wire C", dt.date(2024, 5, 17))
    app.text_input(key="reviewer").set_value("analyst C").run()
    with sqlite3.connect(db) as check:
        rows = check.execute("SELECT c.id, a.source FROM claims c JOIN articles a ON a.id = c.article_id "
                             "WHERE c.settlement = 'Andriivka' AND c.place_status = 'ambiguous'").fetchall()
    by_source = {source: {claim for claim, s in rows if s == source} for source in ("Wire A", "Wire B", "Wire C")}
    assert len(by_source["Wire A"]) >= 2 and by_source["Wire B"] and by_source["Wire C"]
    names = app.selectbox(key="ambiguous-name")
    names.select(next(o for o in names.options if o.startswith("Andriivka — "))).run()
    place = next(s for s in app.selectbox if s.key and s.key.startswith("ambiguous-place-"))
    place.select(next(o for o in place.options if "Bakhmut Raion" in o)).run()
    # the likeliest scope comes first: the articles that name other places of Donetsk Oblast;
    # each article alone and every claim of the name are the other choices
    scope = next(r for r in app.radio if r.key and r.key.startswith("ambiguous-scope-"))
    labels = list(scope.options)  # as the page words them
    assert labels[0] == "the 1 claim in articles that name other places of Donetsk Oblast"
    assert sum(label.startswith("only the ") for label in labels) == 3
    assert labels[-1] == f"all {len(rows)} claims of the name"
    next(b for b in app.button if b.key and b.key.startswith("ambiguous-go-")).click().run()
    assert not app.exception
    with sqlite3.connect(db) as check:
        placed = dict(check.execute("SELECT claim_id, geonameid FROM reviews WHERE action = 'move'").fetchall())
    assert set(placed) == by_source["Wire B"] and set(placed.values()) == {9114136}
    # the other two articles' Andriivkas still wait for a pick
    waiting = len(by_source["Wire A"]) + len(by_source["Wire C"])
    assert f"Andriivka — {waiting} claims in 2 articles" in app.selectbox(key="ambiguous-name").options


def test_refused_files_are_reported(app, db):
    # the upload widget itself is driven in the browser test; its files go through load_bytes
    from dashboard import cache
    from events.articles import load_bytes
    from events.pipeline import ingest
    from events import Store

    items = load_bytes(b"", "empty.txt", cache.rules()) + load_bytes(b"\x00\x01", "bin.txt", cache.rules())
    with Store(db) as store:
        summary = ingest(items, store, cache.gazetteer(), cache.rules())
    assert [s.reason for s in summary.skipped] == ["empty file", "binary file (contains NUL bytes), not text"]


def test_a_review_persists_and_survives_reingestion(app, db):
    app.text_input(key="reviewer").set_value("analyst A").run()
    app.selectbox(key="event_place").set_value("695586").run()  # Robotyne
    # its claims oldest first: the last is the Russian ministry's claim of May 2024 (news, on the map)
    reject = [b for b in app.button if b.key and b.key.startswith("reject-")][-1]
    claim_id = reject.key.removeprefix("reject-")
    reject.click().run()
    assert not app.exception
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT action, reviewer FROM reviews WHERE claim_id = ?", (claim_id,)).fetchall() == [
            ("reject", "analyst A")]
    assert shown(app)["claims"] == 15
    import subprocess
    import sys
    subprocess.run([sys.executable, "-m", "events", "ingest", "events/samples", "--db", str(db)], cwd=ROOT, check=True,
                   capture_output=True)
    app.run()
    assert shown(app)["claims"] == 15


def test_map_scripts_are_served_locally_even_after_a_rerun(app):
    if not assets_installed():
        pytest.fail("map assets missing: run `npm ci --prefix static/vendor` (the README's set-up command does)")
    app.multiselect(key="gside").set_value(["UA"]).run()  # the asset patch must survive reruns
    links = map_args(app)["js_links"]
    assert "/app/static/vendor/node_modules/leaflet/dist/leaflet.js" in links
    assert all(link.startswith("/app/static/") for link in links)


def test_briefing_view_has_title_legend_sources_and_png(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["view"] = "Briefing"  # bound widgets keep their label in the URL
    at.run()
    assert not at.exception
    assert any(m.value.startswith("# Claims of control") for m in at.markdown)
    assert any("Sources: AFP, dpa, unattributed (5 articles)" in c.value.replace("\\", "") for c in at.caption)
    assert "Claims of control" in map_args(at)["html"] + map_args(at)["script"]  # the legend inside the map


def test_briefing_answers_what_russias_ministry_claimed_in_may_2024(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"view": "Briefing", "claimant": "Russian Ministry of Defence",
                            "dates": ["2024-05-01", "2024-05-31"]})
    at.run()
    assert not at.exception
    subtitle = next(m.value for m in at.markdown if m.value.startswith("2024"))
    assert "claimant: Russian Ministry of Defence" in subtitle.replace("\\", "")
    [table] = at.table
    rows = table.value.map(lambda v: str(v).replace("\\", "")).to_dict("records")
    assert rows == [{"place": "Robotyne", "date": "2024-05-15", "claim": "recapture: Russian gain claimed",
                     "claimed by": "Russian Ministry of Defence (Russian side), hedged",
                     "the other side": "no Ukrainian claim in these articles", "status": "one side only"}]


def test_place_finder(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["view"] = "Find a place"
    at.run()
    assert "**Vovchansk**" in at.success[0].value
    at.text_input(key="name").set_value("Andriivka").run()
    assert "74 places" in at.warning[0].value
    at.selectbox(key="hint").set_value("Donetsk Oblast").run()
    assert "10 of 74" in at.warning[0].value


def test_rejected_claims_are_listed_with_who_rejected_them_and_can_be_restored(app, db):
    app.text_input(key="reviewer").set_value("analyst A").run()
    app.selectbox(key="event_place").set_value("695586").run()  # Robotyne
    [b for b in app.button if b.key and b.key.startswith("reject-")][-1].click().run()  # its news of May 2024
    assert shown(app)["claims"] == 15
    undo = app.selectbox(key="unreject_pick")
    assert len(undo.options) == 1 and undo.options[0].startswith("Robotyne: ") and \
        undo.options[0].endswith("rejected by analyst A")
    app.multiselect(key="status").set_value(["rejected"]).run()  # the status filter lists them too
    assert shown(app)["claims"] == 1 and features_on_map(app) == 0  # never drawn
    app.multiselect(key="status").set_value([]).run()
    app.selectbox(key="unreject_pick").select(undo.options[0]).run()
    app.button(key="unreject").click().run()
    assert not app.exception
    assert shown(app)["claims"] == 16 and not [s for s in app.selectbox if s.key == "unreject_pick"]
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0


def test_fixing_a_date_keeps_its_precision_and_moving_chooses_no_place_for_you(app):
    app.text_input(key="reviewer").set_value("analyst A").run()
    app.checkbox(key="history").check().run()
    app.selectbox(key="event_place").set_value("695586").run()  # Robotyne: retaken in summer 2023
    precisions = [s for s in app.selectbox if s.key and s.key.startswith("prec-")]
    assert "season" in [s.value for s in precisions] and "month" in [s.value for s in precisions]
    claim = next(t for t in app.text_input if t.key and t.key.startswith("move-")).key.removeprefix("move-")
    app.text_input(key=f"move-{claim}").set_value("Andriivka").run()
    pick = app.selectbox(key=f"movepick-{claim}")
    assert pick.value is None and len(pick.options) == 74  # every namesake, none chosen
    assert all(" — " in o and ("people" in o or "no recorded population" in o) for o in pick.options)
    km = [float(o.split(" km from ")[0].rsplit("· ", 1)[1].replace(",", "")) if " km from " in o else 1e9
          for o in pick.options]
    assert km == sorted(km) and km[0] < 1e9  # nearest to the other places of the article first
