"""A real Streamlit server on 127.0.0.1 and Debian's Chromium driven by Playwright.

Chromium runs with no network but the local server (every other request is aborted), so the
map must draw from the locally served assets. Where Chromium is missing the tests skip, unless
FRONTLINE_REQUIRE_BROWSER=1 (CI sets it): then they fail.

The tests leave the working tree as they found it: screenshots go to a temporary folder unless
FRONTLINE_SCREENSHOTS names one (``python docs/make_screenshots.py`` sets it to docs/screenshots),
and the browser's profile folder is removed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
XSS_ARTICLE = ("source: <script>window.__xss = 'source'</script>Evil Wire\npublished: 2024-05-20\n---\n"
               "Russian troops captured Soledar <img src=x onerror=\"window.__xss='evidence'\"> {{ 7*7 }} on Monday, "
               "the Russian defence ministry said.\n")
#: Console noise that is not the page's fault (FINDINGS.md section 3.3).
HARMLESS = ("ambient-light-sensor", "allow-scripts and allow-same-origin", "Unrecognized feature", "favicon")


def chromium() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ingest(db: Path, *paths: Path) -> Path:
    for path in paths:
        subprocess.run([sys.executable, "-m", "events", "ingest", str(path), "--db", str(db)], cwd=ROOT, check=True,
                       capture_output=True, timeout=120)
    return db


def _serve(db: Path):
    port = _free_port()
    env = {**os.environ, "FRONTLINE_DB": str(db)}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the Streamlit server did not start: " + server.stderr.read().decode()[-2000:])
    return server, url


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """The app on the five sample articles."""
    db = _ingest(tmp_path_factory.mktemp("samples") / "claims.sqlite", ROOT / "events" / "samples")
    server, url = _serve(db)
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def hostile_url(tmp_path_factory):
    """The app on the samples plus an article whose text and source hold HTML and script."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    db = _ingest(folder / "claims.sqlite", ROOT / "events" / "samples", folder / "hostile.txt")
    server, url = _serve(db)
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the screenshots go: $FRONTLINE_SCREENSHOTS, else a temporary folder."""
    folder = os.environ.get("FRONTLINE_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def browser_context():
    executable = chromium()
    if executable is None:
        if os.environ.get("FRONTLINE_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (apt-get install chromium) but not installed")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="frontline-chromium-")
    try:
        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=executable, headless=True, args=CHROMIUM_ARGS,
                viewport={"width": 1400, "height": 1000})
            # offline: anything but the local server fails at once (CDNs, tiles, telemetry)
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                ("http://127.0.0.1", "data:", "blob:")) else route.abort())
            yield context
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)  # the profile is the test's: nothing left behind


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))
    page.on("console", lambda m: page.errors.append(f"console: {m.text}")
            if m.type == "error" and not any(h in m.text for h in HARMLESS) else None)
    yield page
    page.close()
