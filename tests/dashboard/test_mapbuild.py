import dataclasses
import re

from dashboard.mapbuild import base_map, resolution_map
from geodata import resolve
from geodata.boundaries import load_oblasts


def test_base_map_reads_offline_with_oblasts_and_no_tiles():
    oblasts = load_oblasts()
    html = base_map(oblasts).get_root().render()
    assert "tile.openstreetmap.org" not in html
    assert all(name in html for name in oblasts["name"])  # every oblast drawn, Crimea and Sevastopol included
    assert {"Autonomous Republic of Crimea", "Sevastopol", "Donetsk Oblast"} <= set(oblasts["name"])
    assert '"maxZoom": 18' in html  # cluster plugins fail without it when there is no tile layer


def test_place_names_are_escaped_in_popups_and_tooltips(gazetteer):
    result = resolve("Vovchansk", gazetteer)
    evil = dataclasses.replace(result.place, name="<script>alert(1)</script>", admin1="<img src=x onerror=alert(2)>")
    html = resolution_map(dataclasses.replace(result, place=evil, candidates=(evil,)), None).get_root().render()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_claims_layer_carries_no_markup_from_articles():
    import pandas as pd

    from dashboard.mapbuild import claims_layers

    hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    places = pd.DataFrame([{"key": "1", "lat": 48.5, "lon": 37.9, "gaining_side": "RU", "event_type": "capture",
                            "disputed": True, "place_name": hostile, "settlement": hostile, "admin1": "Donetsk Oblast",
                            "event_date": "2024-05-15", "date_precision": "day", "claimant": hostile,
                            "claimant_side": "RU", "via": "", "hedged": False, "source": hostile,
                            "url": "javascript:alert(3)", "status": "disputed", "evidence": hostile, "claims": 2}])
    m = base_map(None)
    claims_layers(places).add_to(m)
    page = m.get_root().render()
    assert "</script><script>alert(1)" not in page and "<img src=x" not in page
    assert "\\u003c/script\\u003e" in page  # the text travels as JSON data, escaped for a script block
    assert "fcEsc(" in page  # and is escaped again when the browser builds the popup
    assert '"dashArray": "4 3"' in page  # disputed: dashed outline


def test_with_web_tiles_the_oblasts_are_outlines_over_the_tiles():
    oblasts = load_oblasts()
    assert '"fillOpacity": 1.0' in base_map(oblasts).get_root().render()
    with_tiles = base_map(oblasts, web_tiles=True).get_root().render()
    assert '"fillOpacity": 0.0' in with_tiles and "tile.openstreetmap.org" in with_tiles


def test_every_settlement_of_the_gazetteer_is_named_on_the_map_largest_first(gazetteer):
    from dashboard.labels import MIN_ZOOM, label_zoom, place_labels

    labels = place_labels(gazetteer, load_oblasts())
    names = labels.names.split("\n")
    assert labels.count == len(names) > 33_000 and len(labels.coords) == 6 * labels.count
    assert names[0] == "Kyiv" and {"Kharkiv", "Odesa", "Dnipro"} <= set(names[:8])
    zooms = [10 if z == "0" else int(z) for z in labels.zooms]
    assert zooms == sorted(zooms)  # the largest first: cities from zoom 5, every village from zoom 10
    assert label_zoom(1_000_000) == MIN_ZOOM[0][1] and label_zoom(0) == 10
    assert {"Donetsk Oblast", "Autonomous Republic of Crimea"} <= {r[0] for r in labels.oblasts}
    assert "_" not in labels.coords  # streamlit-folium rewrites "_name" in scripts
    page = base_map(None, labels=labels).get_root().render()
    assert "fcNames" in page and "Klishchiivka" in page and "textContent = text" in page  # names as text


def test_article_text_is_never_read_as_a_template_on_the_server():
    import pandas as pd

    from dashboard.mapbuild import claims_layers

    braces = "{{ 7*7 }} {% for x in range(3) %}X{% endfor %} {# c #}"
    places = pd.DataFrame([{"key": 1, "lat": 48.5, "lon": 37.9, "gaining_side": "RU", "event_type": "capture",
                            "disputed": False, "place_name": braces, "settlement": braces, "admin1": "Donetsk Oblast",
                            "event_date": "2024-05-15", "date_precision": "day", "claimant": braces,
                            "claimant_side": "RU", "via": "", "hedged": False, "source": braces, "url": "",
                            "status": "single-source", "evidence": braces, "claims": 1}])
    m = base_map(None)
    claims_layers(places, labels=True).add_to(m)
    page = m.get_root().render()
    # nothing ran: no 49 as a number of its own (folium's random element ids may hold "49")
    assert not re.search(r"(?<![\w.])49(?![\w.])", page) and "XXX" not in page
    assert "\\u007b{ 7*7 }}" in page or "\\u007b\\u007b 7*7 }}" in page  # the text travels, escaped


def test_overlapping_places_gather_in_clusters_on_the_map_but_not_on_a_slide():
    import pandas as pd

    from dashboard.mapbuild import CLUSTER_RADIUS, claims_layers

    places = pd.DataFrame([{"key": k, "lat": 48.5 + k * 0.01, "lon": 37.9, "gaining_side": "RU",
                            "event_type": "capture", "disputed": False, "place_name": f"P{k}", "settlement": f"P{k}",
                            "admin1": "", "event_date": "2024-05-15", "date_precision": "day", "claimant": "c",
                            "claimant_side": "RU", "via": "", "hedged": False, "source": "", "url": "",
                            "status": "single-source", "evidence": "", "claims": 1} for k in range(3)])
    m = base_map(None)
    claims_layers(places).add_to(m)
    page = m.get_root().render()
    assert "L.markerClusterGroup" in page and f'"maxClusterRadius": {CLUSTER_RADIUS}' in page
    slide = base_map(None)
    claims_layers(places, cluster=False, labels=True).add_to(slide)
    assert '"disableClusteringAtZoom": 0' in slide.get_root().render()
