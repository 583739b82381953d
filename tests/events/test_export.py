"""Exports open where analysts open them: Excel (CSV), QGIS and geopandas (GeoJSON, GeoParquet)."""

import csv

import geopandas
import pandas as pd
import pytest

from events import Store
from events.export import ACLED_COLUMNS, EXPORTERS, export
from events.pipeline import ingest_paths
from events.query import CLAIM_COLUMNS, claims_frame
from tests.conftest import SAMPLES

CONTRACT = ["claim_id", "event_id", "article", "source", "published", "settlement", "place_name", "geonameid", "admin1",
            "lat", "lon", "event_type", "gaining_side", "claimant", "claimant_side", "hedged", "event_date",
            "date_precision", "status", "evidence"]


@pytest.fixture(scope="module")
def claims(tmp_path_factory, gazetteer, rules):
    with Store(tmp_path_factory.mktemp("db") / "c.sqlite") as store:
        ingest_paths([SAMPLES], store, gazetteer, rules)
        return claims_frame(store)


def test_claims_table_has_the_contract_columns_first(claims):
    assert list(claims.columns[:len(CONTRACT)]) == CONTRACT == list(CLAIM_COLUMNS[:len(CONTRACT)])
    assert len(claims) > 15 and claims["status"].isin(["corroborated", "disputed", "single-source", "superseded"]).all()
    assert set(claims["article"].str.split("/").str[-1].str[:3]) == {"000", "001", "002", "003", "004"}


def test_csv_opens_in_excel_with_cyrillic_and_quotes_intact(claims, tmp_path):
    path = tmp_path / "claims.csv"
    export(claims, "csv", path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert list(rows[0])[:len(CONTRACT)] == CONTRACT and len(rows) == len(claims)
    assert any("“" in r["evidence"] for r in rows)


@pytest.mark.parametrize("fmt, reader", [("geojson", geopandas.read_file), ("parquet", geopandas.read_parquet)])
def test_geo_formats_read_back_with_points_and_all_fields(claims, tmp_path, fmt, reader):
    path = tmp_path / f"claims.{fmt}"
    export(claims, fmt, path)
    back = reader(path)
    assert len(back) == len(claims) and back.crs.to_epsg() == 4326
    assert set(CONTRACT) <= set(back.columns)
    robotyne = back[back["place_name"] == "Robotyne"].iloc[0]
    assert (round(robotyne.geometry.y, 3), round(robotyne.geometry.x, 3)) == (47.448, 35.837)


def test_acled_shape(claims, tmp_path):
    path = tmp_path / "acled.csv"
    export(claims, "acled", path)
    acled = pd.read_csv(path, encoding="utf-8-sig")
    assert list(acled.columns) == list(ACLED_COLUMNS)
    assert set(acled["time_precision"]) <= {1, 2, 3}
    capture = acled[(acled["location"] == "Robotyne") & (acled["event_date"] == "2024-05-15")].iloc[0]
    assert (capture["event_type"], capture["sub_event_type"], capture["actor1"]) == (
        "Battles", "Non-state actor overtakes territory", "Military Forces of Russia")
    assert capture["claimant"] == "Russian Ministry of Defence" and "hedged" in capture["notes"]


def test_unknown_format_lists_the_known_ones(claims, tmp_path):
    with pytest.raises(ValueError, match=", ".join(EXPORTERS)):
        export(claims, "xlsx", tmp_path / "x")
