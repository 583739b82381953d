"""tools/ru_border_villages.py: which rows of the GeoNames postal export become border villages.
Rows written here (names of real villages, coordinates rounded)."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "ru_border_villages", Path(__file__).resolve().parents[2] / "tools" / "ru_border_villages.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)

UKRAINE = [(51.0, 35.0), (50.9, 34.8)]  # two places just across the border from Sudzha


def row(city, lat, lon, accuracy=4.0, state="Курская Область", code="307000"):
    return {"country_code": "RU", "postal_code": code, "city": city, "state": state,
            "latitude": lat, "longitude": lon, "accuracy": accuracy}


def test_a_village_placed_on_a_geonames_place_near_the_border_is_kept():
    [kept] = tool.border_villages([row("Снагость", 51.31, 34.89)], UKRAINE)
    assert kept == {"name": "Снагость", "admin1_code": "RU.41", "lat": 51.31, "lon": 34.89, "postal_code": "307000"}


def test_estimated_far_off_box_and_ambiguous_rows_are_dropped():
    rows = [
        row("Горналь", 52.02, 35.36, accuracy=1.0),  # estimated from neighbouring codes: 100 km off
        row("Семеновка", 52.19, 41.10),  # a namesake in another oblast, outside Kursk's box
        row("Курчатов", 51.66, 35.65),  # in the oblast, but 75 km from the border
        row("Козинка", 51.30, 35.10, code="307001"), row("Козинка", 51.60, 35.60, code="307002"),  # two villages
        row("Суджа 1", 51.20, 35.27), row("Суджа", 51.19, 35.26),  # two post offices of one town
    ]
    assert [r["name"] for r in tool.border_villages(rows, UKRAINE)] == ["Суджа"]


def test_a_name_the_gazetteer_reads_as_a_ukrainian_place_near_the_front_is_left_out(gazetteer):
    from geodata.context import load_context

    war_zone = frozenset(c for c in load_context().war_zone if c.startswith("UA."))
    # Zybino is the Russian form of Zybyne by Vovchansk (Kharkiv Oblast), 30 km away
    assert tool.ukrainian_namesake(["Зыбино", "Zybino"], (50.30, 36.70), gazetteer, war_zone)
    # a made-up name the gazetteer reads as no Ukrainian place
    assert not tool.ukrainian_namesake(["Щуфляндия", "Shchuflyandiya"], (51.30, 35.10), gazetteer, war_zone)
