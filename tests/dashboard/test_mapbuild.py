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
