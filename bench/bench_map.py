"""Benchmark the map: synthetic claims at 1,000, 10,000 and 100,000.

    python bench/bench_map.py [--sizes 1000 10000 100000] [--browser]

Prints, side by side in one run: the time to build the map and the size of its HTML for our
approach (one feature per settlement, constant-style GeoJSON layers, details in popups of the
latest claim only) and for the naive one (one folium.Marker with a full popup per claim); the
server-side time of a filter change (filter -> settlements -> feature group JavaScript, what
st_folium sends on a rerun); the time to read the claims table from SQLite; and, with --browser,
the time in headless Chromium from page load until the markers are drawn at 10,000 claims.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import folium  # noqa: E402
import pandas as pd  # noqa: E402
from streamlit_folium import _get_feature_group_string  # noqa: E402

from bench_geodata import machine  # noqa: E402
from dashboard.filters import FilterState, apply_filters, settlements  # noqa: E402
from dashboard.mapbuild import base_map, claims_layers, claims_map  # noqa: E402
from events import Article, Claim, DatePrecision, EventType, PublishedDate, Side, Store  # noqa: E402
from events.query import claims_frame  # noqa: E402
from geodata import Gazetteer, PlaceKind  # noqa: E402
from geodata.boundaries import load_oblasts  # noqa: E402

CLAIMANTS = [("Russian Ministry of Defence", Side.RU), ("Ukrainian General Staff", Side.UA),
             ("Institute for the Study of War", Side.NONE), ("journalist (Bench Wire)", Side.NONE)]
TYPES = [EventType.CAPTURE, EventType.WITHDRAWAL, EventType.CONTESTED, EventType.PARTIAL, EventType.RECAPTURE,
         EventType.DENIAL]


def synthetic_db(path: Path, n: int, gazetteer: Gazetteer, rng: random.Random) -> None:
    """``n`` claims over front-line places and three years, in 1% as many articles."""
    front = [p for p in gazetteer.places(PlaceKind.PLACE) if p.admin1_code in ("UA.05", "UA.07", "UA.14", "UA.26")]
    front = front[: min(len(front), 3000)]
    per_article = 100
    with Store(path) as store:
        for a in range(max(1, n // per_article)):
            day = dt.date(2022, 3, 1) + dt.timedelta(days=rng.randrange(1000))
            text = f"Synthetic bench article {a}. " + "Filler sentence about the war. " * 10
            article = Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], path=f"bench/{a}.txt", text=text,
                              source=rng.choice(["AFP", "dpa", "Reuters", ""]), published=PublishedDate(day))
            claims, places = [], {}
            for i in range(per_article):
                place = rng.choice(front)
                claimant, side = rng.choice(CLAIMANTS)
                kind = rng.choice(TYPES)
                gains = Side.NONE if kind is EventType.DENIAL else rng.choice([Side.RU, Side.UA, Side.NONE])
                evidence = (f"{claimant} said the situation around {place.name} changed: {kind} claimed, "
                            f"with fighting reported in the area on the day before publication.")
                claims.append(Claim(
                    id=hashlib.sha256(f"{a}-{i}".encode()).hexdigest()[:16], article_id=article.id,
                    settlement=place.name, settlement_start=0, settlement_end=5, geonameid=place.geonameid,
                    place_name=place.name, place_status="resolved", place_candidates=(place.geonameid,),
                    event_type=kind, gaining_side=gains, claimant=claimant, claimant_side=side,
                    claimant_kind="official", via="", hedged=rng.random() < 0.3,
                    event_date=day - dt.timedelta(days=rng.randrange(3)), date_precision=DatePrecision.DAY,
                    date_basis="publication date", evidence=evidence, evidence_start=0, evidence_end=10,
                    confidence=0.8, extractor_version="bench"))
                places[place.geonameid] = (place.country, place.admin1, place.admin2, place.lat, place.lon)
            store.ingest(article, claims, places, "bench")


def naive_popup(row: dict) -> str:
    e = html.escape
    return (f"<b>{e(row['place_name'])}</b><br>{e(row['admin1'])}<br>{e(row['event_type'])} · {e(row['gaining_side'])} · "
            f"{e(str(row['event_date']))}<br>claimed by <b>{e(row['claimant'])}</b> ({e(row['claimant_side'])})<br>"
            f"source: {e(row['source'] or 'unattributed')}<br>status: {e(row['status'])}<br>“{e(row['evidence'])}”")


def naive_map(claims: pd.DataFrame, oblasts) -> folium.Map:
    """The naive way: one folium.Marker per claim, its popup carrying everything."""
    m = base_map(oblasts)
    for row in claims.dropna(subset=["lat"]).to_dict("records"):
        folium.Marker((row["lat"], row["lon"]), popup=folium.Popup(naive_popup(row), max_width=320),
                      tooltip=html.escape(row["place_name"])).add_to(m)
    return m


def timed(fn):
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def browser_draw_time(db: Path, expected: int) -> float | None:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("  browser: chromium not installed; skipped")
        return None
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                               "--server.port", str(port), "--server.address", "127.0.0.1"], cwd=ROOT,
                              env={**os.environ, "FRONTLINE_DB": str(db)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=chromium, headless=True,
                                                       args=args, viewport={"width": 1400, "height": 1000})
            # no request interception here: it costs Playwright about a second per page of local
            # assets; the app asks nothing of the internet anyway (the browser tests check that)
            page = ctx.new_page()
            page.goto(f"http://127.0.0.1:{port}/")  # warm: the server caches the claims table
            frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            # the claims layer marks the iframe's body once its markers are on screen (SVG or canvas)
            drawn = frame.locator(f"body[data-fc-drawn='{expected}']")
            drawn.wait_for(state="attached", timeout=300_000)
            runs = []
            for _ in range(3):  # the median of three loads: one load on a shared VM varies by ±0.5 s
                started = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}/")
                drawn.wait_for(state="attached", timeout=300_000)
                runs.append(time.perf_counter() - started)
            ctx.close()
        return sorted(runs)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--naive-max", type=int, default=10_000, help="largest size to build the naive map for")
    parser.add_argument("--browser", action="store_true", help="also time drawing in headless chromium at 10,000")
    args = parser.parse_args()
    rng = random.Random(5)
    gazetteer, oblasts = Gazetteer.load(), load_oblasts()
    print(f"machine: {machine()}")
    print(f"{'claims':>8} {'read':>7} {'places':>7} | {'ours: build':>12} {'HTML':>8} | {'naive: build':>13} {'HTML':>9} | "
          f"{'filter change':>14} {'payload':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            db = Path(tmp) / f"claims{n}.sqlite"
            synthetic_db(db, n, gazetteer, rng)
            with Store(db) as store:
                claims, read_s = timed(lambda: claims_frame(store))
            places, _ = timed(lambda: settlements(apply_filters(claims, FilterState())))
            html, ours_s = timed(lambda: claims_map(settlements(apply_filters(claims, FilterState())), oblasts)
                                 .get_root().render())
            if n <= args.naive_max:
                naive_html, naive_s = timed(lambda: naive_map(claims, oblasts).get_root().render())
                naive = f"{naive_s:>12.1f}s {len(naive_html) / 1e6:>8.1f}MB"
                ratio = f" ({len(naive_html) / len(html):.0f}x smaller)"
            else:
                naive, ratio = f"{'not built':>13} {'':>9}", ""
            m = base_map(oblasts)
            m.get_root().render()
            state = FilterState(claimants=("Russian Ministry of Defence",))

            def change() -> str:
                return _get_feature_group_string(claims_layers(settlements(apply_filters(claims, state))), map=m, idx=0)

            payload, change_s = timed(change)
            print(f"{n:>8,} {read_s:>6.1f}s {len(places):>7,} | {ours_s:>11.2f}s {len(html) / 1e6:>7.2f}MB | {naive} | "
                  f"{change_s:>13.2f}s {len(payload) / 1e6:>7.2f}MB{ratio}")
            if args.browser and n == 10_000:
                drawn = browser_draw_time(db, len(places))
                if drawn is not None:
                    print(f"  browser (headless chromium, warm server): page load -> {len(places):,} markers drawn "
                          f"in {drawn:.1f}s (median of 3 loads)")


if __name__ == "__main__":
    main()
