import dataclasses

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
