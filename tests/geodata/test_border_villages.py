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


def test_a_name_given_to_another_village_the_export_could_not_place_or_to_a_namesake_spot_is_dropped():
    rows = [
        # Lyubimovka of the Bolshesoldatskoye district is placed; that of the Korenevo district (307420) is not
        row("Любимовка", 51.51, 35.66, code="307864"), row("Любимовка", 51.08, 39.37, accuracy=1.0, code="307420"),
        # GeoNames put the Grayvoron district's Kozinka on Kazinka by Valuyki: two names on one spot
        row("Козинка", 50.24, 37.84, state="Белгородская Область", code="309384"),
        row("Казинка", 50.24, 37.84, state="Белгородская Область", code="309966"),
        row("Снагость", 51.31, 34.89, code="307431"), row("Снагость", 51.08, 39.37, accuracy=1.0, code="307432"),
    ]
    assert [r["name"] for r in tool.border_villages(rows, UKRAINE)] == ["Снагость"]  # (a second office of its district)


def test_a_name_of_one_village_in_each_of_two_oblasts_is_kept_in_both_and_a_common_name_in_neither():
    rows = [row("Крупец", 51.62, 34.37, code="307360"), row("Крупец", 52.51, 34.40, state="Брянская Область", code="242322")]
    rows += [row("Поповка", 51.73, 34.44, code="307573")] + [
        row("Поповка", 55.0, 40.0 + i, state="Владимирская Область", code=f"60{i}000") for i in range(tool.COMMON_NAME_AREAS)]
    kept = tool.border_villages(rows, UKRAINE + [(52.4, 34.0), (51.6, 34.1)])  # (by Shostka and Seredyna-Buda)
    assert [(r["name"], r["admin1_code"]) for r in kept] == [("Крупец", "RU.10"), ("Крупец", "RU.41")]


def test_a_name_the_gazetteer_reads_as_a_ukrainian_place_nearby_is_left_out(gazetteer):
    # Zybino is the Russian form of Zybyne by Vovchansk (Kharkiv Oblast), 30 km away
    assert tool.ukrainian_namesake(["Зыбино", "Zybino"], (50.30, 36.70), gazetteer)
    # Martynovka by Sudzha: the nearest Martynivka (Sumy Oblast) lies 99 km off, the text's region and places tell them apart
    assert not tool.ukrainian_namesake(["Мартыновка", "Martynovka"], (51.24, 35.36), gazetteer)
    # a made-up name the gazetteer reads as no Ukrainian place
    assert not tool.ukrainian_namesake(["Щуфляндия", "Shchuflyandiya"], (51.30, 35.10), gazetteer)
