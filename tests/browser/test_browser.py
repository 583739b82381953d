"""What a user sees in a real browser, offline: markers, filters, legend, no script errors,
hostile article text shown as text. Saves the screenshots shown in the README."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import _ingest, _serve
from tests.conftest import ROOT

MARKERS = "path.fc-marker"
SHOTS = ROOT / "docs" / "screenshots"


def map_frame(page: Page):
    return page.frame_locator('iframe[title="streamlit_folium.st_folium"]')


def settle(page: Page) -> None:
    """Wait until Streamlit has finished rerunning (stale elements are greyed out) and Leaflet has
    finished zooming (a screenshot mid-animation shows swollen markers)."""
    page.wait_for_function("!document.querySelector('[data-stale=\"true\"]') && "
                           "!document.querySelector('[data-testid^=\"stStatusWidgetRunning\"]')", timeout=30_000)
    map_frame(page).locator(".leaflet-zoom-anim").wait_for(state="detached", timeout=10_000)
    page.wait_for_timeout(800)  # tiles of the base layer and the last repaint


def test_map_draws_every_settlement_offline_with_a_legend(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(6, timeout=45_000)  # every settlement of the samples
    legend = frame.locator(".fc-legend")
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("Russian gain claimed")
    expect(legend).to_contain_text("disputed by the other side")
    expect(page.get_by_text("16 claims, 7 events, 6 settlements")).to_be_visible()
    settle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "map.png"))
    assert page.errors == []


def test_a_claimant_filter_changes_the_markers(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(6, timeout=45_000)
    page.get_by_role("combobox", name=re.compile("Claimant$")).click()
    page.get_by_role("option", name="Ukrainian General Staff").click()
    page.keyboard.press("Escape")
    expect(frame.locator(MARKERS)).to_have_count(2, timeout=30_000)  # Lukiantsi and Vovchansk
    expect(page.get_by_text("2 claims, 2 events, 2 settlements")).to_be_visible()
    assert "claimant=Ukrainian+General+Staff" in page.url  # the link reproduces the view
    assert page.errors == []


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(page: Page, hostile_url):
    page.goto(hostile_url + "/?q=Soledar")
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(1, timeout=45_000)
    frame.locator(MARKERS).first.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("<img src=x onerror=")
    expect(popup).to_contain_text("<script>window.__xss = 'source'</script>Evil Wire")
    assert frame.locator(".leaflet-popup-content img").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator("body").evaluate(
        "() => window.__xss") is None
    page.goto(hostile_url + "/?view=Briefing")
    sources = page.get_by_text(re.compile("^Sources: "))
    expect(sources).to_contain_text("<script>window.__xss = 'source'</script>Evil Wire, AFP")
    assert page.evaluate("() => window.__xss") is None
    assert page.errors == []


def test_briefing_view_for_a_slide(page: Page, app_url):
    page.goto(app_url + "/?view=Briefing&claimant=Russian+Ministry+of+Defence")
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(3, timeout=45_000)  # Robotyne, Klishchiivka, Andriivka
    expect(page.get_by_role("heading", name="Claims of control")).to_be_visible()
    expect(page.get_by_text(re.compile("^Sources: "))).to_contain_text("AFP, dpa, unattributed (3 articles)")
    expect(frame.locator(".fc-label")).to_have_count(3)  # names beside the points, for the slide
    expect(frame.locator(".fc-legend")).to_be_visible()
    # what the other side says, event by event, under the map
    table = page.locator("[data-testid=stTable]")
    expect(table).to_contain_text("no Ukrainian claim in these articles")
    expect(table.get_by_role("row").filter(has_text="Andriivka")).to_contain_text("Ukrainian military claims a recapture")
    settle(page)
    page.screenshot(path=str(SHOTS / "briefing.png"))
    assert page.errors == []


def test_playback_steps_the_day_forward_without_reloading_the_map(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(6, timeout=45_000)
    page.get_by_text("Status as of a day").click()
    caption = page.get_by_text(re.compile("^Claimed status as of"))
    expect(caption).to_contain_text("2025-11-09", timeout=30_000)  # starts at the last day
    frame.locator(".leaflet-container").evaluate("el => { el.dataset.probe = 'same map'; }")
    page.get_by_text("▶ Play").click()
    expect(caption).to_contain_text("2022-02", timeout=30_000)  # back to the first day, then forward
    first = caption.inner_text()
    expect(caption).not_to_have_text(first, timeout=15_000)
    expect(frame.locator(".leaflet-container[data-probe='same map']")).to_have_count(1)  # no reload, zoom kept
    assert page.errors == []


def test_a_click_on_a_place_lists_its_claims_below_the_map(page: Page, app_url):
    page.goto(app_url + "/?q=Robotyne")
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(1, timeout=45_000)
    settle(page)
    frame.locator(MARKERS).first.click()
    box = page.get_by_role("combobox", name=re.compile("^Settlement: every claim about it"))
    expect(box).to_have_value("Robotyne", timeout=30_000)
    expect(page.get_by_text("Enter your name in the sidebar to review.").first).to_be_visible()
    assert page.errors == []


def test_an_empty_view_and_back_keeps_the_same_map(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(6, timeout=45_000)
    settle(page)
    frame.locator(".leaflet-container").evaluate("el => { el.dataset.probe = 'same map'; }")
    search = page.get_by_role("textbox", name="Search settlements and evidence")
    search.fill("Atlantis")
    search.press("Enter")
    expect(page.get_by_text(re.compile("No claims match: the search"))).to_be_visible(timeout=30_000)
    expect(frame.locator(MARKERS)).to_have_count(0, timeout=30_000)
    search.fill("")
    search.press("Enter")
    expect(frame.locator(MARKERS)).to_have_count(6, timeout=30_000)
    expect(frame.locator(".leaflet-container[data-probe='same map']")).to_have_count(1)  # not reloaded, zoom kept
    assert page.errors == []


@pytest.fixture(scope="module")
def review_url(tmp_path_factory):
    """The app on the samples, in its own database: this test writes a review."""
    db = _ingest(tmp_path_factory.mktemp("review") / "claims.sqlite", ROOT / "events" / "samples")
    server, url = _serve(db)
    yield url
    server.terminate()
    server.wait(timeout=20)


def test_a_reviewers_name_is_shown_as_text_and_fetches_nothing(page: Page, review_url):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "pixel" in request.url else None)
    page.goto(review_url + "/?q=Robotyne")
    frame = map_frame(page)
    expect(frame.locator(MARKERS)).to_have_count(1, timeout=45_000)
    settle(page)
    frame.locator(MARKERS).first.click()
    expect(page.get_by_role("combobox", name=re.compile("^Settlement: every claim about it"))).to_have_value(
        "Robotyne", timeout=30_000)
    name = page.get_by_role("textbox", name="Your name (for reviews)")
    name.fill("![x](http://127.0.0.1:9/pixel.png) \u202eevil")
    name.press("Enter")
    page.get_by_role("button", name="Confirm").first.click()
    toast = page.locator("[data-testid=stToast]")
    expect(toast).to_contain_text("Saved: confirm by ![x](http://127.0.0.1:9/pixel.png) evil", timeout=30_000)
    assert toast.locator("img").count() == 0 and fetched == []
    assert page.errors == []
