"""Benchmark the dashboard at scale, in real Chromium, on databases of realistic claims built by the
project's own ingestion of generated articles (bench/corpus.py, cached under /tmp).

    python bench/bench_map.py [--sizes 1000 10000 100000 1000000] [--loads 3] [--no-naive]

For the sample articles and each size, side by side in one run, with one headless Chromium:

- cold start: from starting the server (a new process) to the markers drawn on the first page;
- warm load: a reload, to the markers drawn (median of --loads), and the server's time for it;
- a claimant filter, a date slider step, "status as of a day" and a place chosen in the box:
  the server's time for each (the app logs it with FRONTLINE_TIMING=1) and the browser's until
  the new markers are drawn;
- the Briefing view: the server's time;
- the server's memory: peak resident set (VmHWM) after all of that;
- the one-time preparation: ingestion and the map's columns (events.derived).

Also, at 1,000 and 10,000 claims, the naive map (one folium.Marker with a full popup per claim)
against ours, built in Python: time and HTML size. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_geodata import machine  # noqa: E402
from corpus import cached_db  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FRAME = 'iframe[title="streamlit_folium.st_folium"]'


class Server:
    """The app on a database, in its own process; collects the server times it logs."""

    def __init__(self, db: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port",
             str(self.port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env={**os.environ, "FRONTLINE_DB": str(db), "FRONTLINE_TIMING": "1"},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.times: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()
        for _ in range(600):
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.1)

    def _read(self) -> None:
        for line in self.process.stderr:  # type: ignore[union-attr]
            if line.startswith("frontline-timing "):
                _, seconds, view = line.split()
                self.times.append((float(seconds), view))

    def next_time(self, after: int, timeout: float = 600) -> float:
        """The server time of the first run logged after ``after`` runs."""
        deadline = time.monotonic() + timeout
        while len(self.times) <= after and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.times[after][0] if len(self.times) > after else float("nan")

    def memory_mb(self) -> tuple[float, float]:
        """(peak, current) resident set of the server process, in MB."""
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines())
        return int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wait_drawn(page, layers_before: int | None = None, timeout: float = 600_000) -> None:
    """Until the claims layer has drawn (a new one, if ``layers_before`` is given)."""
    frame = page.frame_locator(FRAME)
    if layers_before is None:
        frame.locator("body[data-fc-drawn]").wait_for(state="attached", timeout=timeout)
    else:
        page.wait_for_function(
            "n => { const f = document.querySelector('iframe[title=\"streamlit_folium.st_folium\"]');"
            " const b = f && f.contentDocument && f.contentDocument.body;"
            " return b && +(b.dataset.fcLayers || 0) > n; }", arg=layers_before, timeout=timeout)


def layers(page) -> int:
    return int(page.frame_locator(FRAME).locator("body").get_attribute("data-fc-layers") or 0)


def idle(page) -> None:
    page.wait_for_function("!document.querySelector('[data-stale=\"true\"]') && "
                           "!document.querySelector('[data-testid^=\"stStatusWidgetRunning\"]')", timeout=600_000)
    page.wait_for_timeout(300)


def interaction(page, server: Server, act) -> tuple[float, float]:
    """(server seconds, browser seconds until the new markers are drawn) for one change made by
    ``act``; the browser time is NaN when the markers did not change (an identical claims layer
    is not sent again)."""
    idle(page)
    before_layers, before_runs = layers(page), len(server.times)
    started = time.perf_counter()
    act()
    seconds = server.next_time(before_runs)
    try:
        wait_drawn(page, before_layers, timeout=5_000)
        browser = time.perf_counter() - started
    except Exception:  # noqa: BLE001 - the same markers: nothing to redraw
        browser = float("nan")
    idle(page)
    return seconds, browser


def measure(db: Path, browser_context, loads: int) -> dict[str, object]:
    server = Server(db)
    out: dict[str, object] = {}
    try:
        page = browser_context.new_page()
        page.goto(server.url)
        wait_drawn(page)
        out["cold"] = time.perf_counter() - server.started
        out["cold_server"] = server.times[0][0] if server.times else float("nan")
        out["places"] = int(page.frame_locator(FRAME).locator("body").get_attribute("data-fc-drawn"))
        browser_times, server_times = [], []
        for _ in range(loads):
            runs = len(server.times)
            started = time.perf_counter()
            page.goto(server.url)
            wait_drawn(page)
            browser_times.append(time.perf_counter() - started)
            server_times.append(server.next_time(runs))
        out["warm"], out["warm_server"] = statistics.median(browser_times), statistics.median(server_times)
        idle(page)

        def claimant() -> None:
            box = page.get_by_role("combobox", name="Claimant", exact=True)
            box.click()
            box.press("ArrowDown")
            box.press("Enter")
            box.press("Escape")

        out["claimant"] = interaction(page, server, claimant)
        out["slider"] = interaction(page, server, lambda: page.locator(
            'input[aria-label="Dates of the claimed events — start"]').press("PageUp"))
        out["as_of"] = interaction(page, server, lambda: page.get_by_text("Status as of a day").click())
        out["as_of_step"] = interaction(page, server, lambda: page.locator('input[aria-label="As of"]').press("PageDown"))
        page.goto(server.url)
        wait_drawn(page)
        idle(page)

        def choose_place() -> None:
            box = page.get_by_role("combobox", name="Settlement: every claim about it, side by side")
            box.click()
            box.press("ArrowDown")
            box.press("Enter")

        runs = len(server.times)
        choose_place()
        out["place"] = server.next_time(runs)  # the run that lists its claims and centres the map
        idle(page)

        def search() -> None:
            box = page.get_by_role("textbox", name="Search settlements and evidence")
            box.fill("Bakh")
            box.press("Enter")

        out["search"] = interaction(page, server, search)
        briefing = []
        for _ in range(2):  # the first also reads the rules the digest needs, once per server
            runs = len(server.times)
            page.goto(server.url + "/?view=Briefing")
            wait_drawn(page)
            briefing.append(server.next_time(runs))
        out["briefing"], out["briefing_first"] = briefing[1], briefing[0]
        out["memory"] = server.memory_mb()
        page.close()
    finally:
        server.stop()
    return out


def naive_vs_ours(db: Path) -> tuple[float, float, float, float]:
    """(ours seconds, ours MB, naive seconds, naive MB): the map built in Python and rendered."""
    import folium
    import numpy as np

    from dashboard import selection
    from dashboard.filters import FilterState
    from dashboard.mapbuild import base_map, claims_map
    from events import Store, derived
    from geodata.boundaries import load_oblasts

    oblasts = load_oblasts()
    with Store(db) as store:
        snap = derived.load(store)
        started = time.perf_counter()
        keep = selection.mask(snap, FilterState())
        rows = selection.place_rows(snap, keep)
        places = derived.frame(store, snap, rows.rows).assign(claims=rows.claims, disputed=rows.disputed)
        ours = claims_map(places, oblasts).get_root().render()
        ours_s = time.perf_counter() - started
        claims = derived.frame(store, snap, np.flatnonzero(keep))
    started = time.perf_counter()
    m = base_map(oblasts)
    e = html.escape
    for r in claims.dropna(subset=["lat"]).to_dict("records"):
        popup = (f"<b>{e(str(r['place_name']))}</b><br>{e(str(r['admin1']))}<br>{e(r['event_type'])} · "
                 f"{e(r['gaining_side'])} · {e(str(r['event_date']))}<br>claimed by <b>{e(r['claimant'])}</b><br>"
                 f"source: {e(r['source'] or 'unattributed')}<br>status: {e(r['status'])}<br>“{e(r['evidence'])}”")
        folium.Marker((r["lat"], r["lon"]), popup=folium.Popup(popup, max_width=320),
                      tooltip=e(str(r["place_name"]))).add_to(m)
    naive = m.get_root().render()
    return ours_s, len(ours) / 1e6, time.perf_counter() - started, len(naive) / 1e6


def samples_db(folder: Path) -> Path:
    db = folder / "samples.sqlite"
    subprocess.run([sys.executable, "-m", "events", "ingest", str(ROOT / "events" / "samples"), "--db", str(db)],
                   cwd=ROOT, check=True, capture_output=True)
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--loads", type=int, default=3, help="warm page loads per size (the median is shown)")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive map built in Python")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        dbs = [("samples", samples_db(Path(tmp)), {})]
        for n in args.sizes:
            db, info = cached_db(n, log=lambda line: print(line, flush=True))
            copy = Path(tmp) / db.name  # the app may write (reviews, refresh): keep the cache pristine
            shutil.copy(db, copy)
            dbs.append((f"{info['claims']:,}", copy, info))
        results = []
        profile = tempfile.mkdtemp(prefix="frontline-bench-chromium-")
        try:
            with sync_playwright() as p:
                context = p.chromium.launch_persistent_context(profile, executable_path=chromium, headless=True,
                                                               args=ARGS, viewport={"width": 1400, "height": 1000})
                warmup = Server(dbs[0][1])  # Chromium's caches of Streamlit's own files: every size alike
                page = context.new_page()
                page.goto(warmup.url)
                wait_drawn(page)
                page.close()
                warmup.stop()
                for name, db, info in dbs:
                    print(f"measuring {name} claims…", flush=True)
                    results.append((name, info, measure(db, context, args.loads)))
                context.close()
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        print()
        print(f"{'claims':>10} {'places':>6} | {'cold start':>10} {'server':>6} | {'warm load':>9} {'server':>6} | "
              f"{'claimant':>11} {'date slider':>11} {'as of':>11} {'as-of step':>11} {'search':>11} | {'place':>5} "
              f"{'briefing':>11} | {'memory':>6}")
        for name, info, r in results:
            def pair(k: str) -> str:
                server_s, browser_s = r[k]
                return f"{server_s:.2f}/" + ("  — " if browser_s != browser_s else f"{browser_s:.1f}s")
            print(f"{name:>10} {r['places']:>6,} | {r['cold']:>9.1f}s {r['cold_server']:>5.1f}s | {r['warm']:>8.2f}s "
                  f"{r['warm_server']:>5.2f}s | {pair('claimant'):>11} {pair('slider'):>11} {pair('as_of'):>11} "
                  f"{pair('as_of_step'):>11} {pair('search'):>11} | {r['place']:>4.2f}s "
                  f"{r['briefing']:>4.2f}s/{r['briefing_first']:.1f}s | "
                  f"{r['memory'][0]:>3.0f} MB")
        print("(cold start: server process started -> markers drawn, and the server's time of that first run;\n"
              " warm load: a reload -> markers drawn (median), and its server time; interactions: server time /\n"
              " browser time until the new markers are drawn, '—' when the markers stay as they were;\n"
              " briefing: server time of a load / of the server's first briefing, which reads the rules;\n"
              " memory: the server's peak resident set)")
        base = results[0][2]["warm"]
        for name, info, r in results[1:]:
            print(f"{name} claims: map drawn in {r['warm'] / base:.2f}x the samples' time; database prepared by ingestion "
                  f"in {info.get('ingest_seconds', 0):,.0f} s ({info.get('workers')} workers) and the map's columns "
                  f"in {info.get('refresh_seconds', 0):,.1f} s")
        if not args.no_naive:
            print()
            for name, db, _ in dbs[1:]:
                if db.stat().st_size > 50e6:
                    continue
                ours_s, ours_mb, naive_s, naive_mb = naive_vs_ours(db)
                print(f"{name} claims, built in Python: ours {ours_s:.2f}s {ours_mb:.2f} MB; one folium.Marker per "
                      f"claim {naive_s:.1f}s {naive_mb:.1f} MB ({naive_s / ours_s:.0f}x slower, "
                      f"{naive_mb / ours_mb:.0f}x larger)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
