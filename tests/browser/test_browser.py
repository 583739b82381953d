"""What a user sees in a real browser, offline: markers and clusters, place names, the first click,
filters, legend, playback, the list of names awaiting a place, no script errors, hostile article
text shown as text. Takes the screenshots shown in the README (into a temporary folder unless
FRONTLINE_SCREENSHOTS names one: python docs/make_screenshots.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.conftest import _ingest, _serve
from tests.conftest import ROOT

MARKERS = "path.fc-marker"
CLUSTERS = ".fc-cluster"
AMBIGUOUS_ARTICLE = ("published: 2024-05-15\nsource: Test Wire\n---\nRussian troops captured Olhivka on Monday, the "
                     "Russian defence ministry said. Heavy fighting in Andriivka continued, officials said.\n")


def map_frame(page: Page):
    return page.frame_locator('iframe[title="streamlit_folium.st_folium"]')


def drawn(page: Page, n: int):
    """Wait until the claims layer holds ``n`` settlements (drawn apart or in clusters)."""
    expect(map_frame(page).locator(f"body[data-fc-drawn='{n}']")).to_have_count(1, timeout=45_000)


def idle(page: Page) -> None:
    """Wait until Streamlit has finished rerunning (stale elements are greyed out): a widget used
    during a rerun can be drawn afresh under the user, losing what was typed into it."""
    page.wait_for_function("!document.querySelector('[data-stale=\"true\"]') && "
                           "!document.querySelector('[data-testid^=\"stStatusWidgetRunning\"]')", timeout=30_000)


def settle(page: Page) -> None:
    """Wait until Streamlit has finished rerunning and Leaflet has finished zooming (a screenshot
    mid-animation shows swollen markers)."""
    idle(page)
    map_frame(page).locator(".leaflet-zoom-anim").wait_for(state="detached", timeout=10_000)
    page.wait_for_timeout(800)  # tiles of the base layer and the last repaint


def boxes(locator) -> list[list[float]]:
    return locator.evaluate_all("els => els.map(e => { const r = e.getBoundingClientRect(); "
                                "return [r.left, r.top, r.right, r.bottom]; })")


def overlapping(rects: list[list[float]]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(rects) for j, b in enumerate(rects[:i])
            if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]


def choose(page: Page, box, option: str) -> None:
    """Pick an option of a select box with the keyboard, as a user may, typing again (as a user
    would) when a rerun that began just before redrew the box and dropped the typing."""
    combobox = page.get_by_role("combobox", name=box)
    for attempt in range(3):
        idle(page)
        combobox.click()
        combobox.fill(option)
        try:
            page.get_by_role("option", name=option).first.wait_for(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    combobox.press("Enter")


def scroll_top(page: Page) -> float:
    return page.evaluate("() => (document.querySelector('[data-testid=stMain]') || document.scrollingElement).scrollTop")


def test_map_draws_every_settlement_offline_with_a_legend(page: Page, app_url, screenshots):
    page.goto(app_url)
    frame = map_frame(page)
    drawn(page, 6)  # every settlement of the samples
    # Klishchiivka and Andriivka lie 3 km apart: at this zoom one cluster of two, the others apart
    expect(frame.locator(MARKERS)).to_have_count(4)
    expect(frame.locator(CLUSTERS)).to_have_text("2")
    legend = frame.locator(".fc-legend")
    expect(legend).to_be_visible()
    expect(legend).to_contain_text("Russian gain claimed")
    expect(legend).to_contain_text("disputed by the other side")
    expect(page.get_by_text("16 claims on the map", exact=True)).to_be_visible()
    expect(page.get_by_text("(7 events, 6 settlements)")).to_be_visible()
    settle(page)
    page.screenshot(path=str(screenshots / "map.png"))
    assert page.errors == []


def test_place_names_on_the_map_at_every_zoom(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    drawn(page, 6)
    settle(page)
    regions, names = frame.locator(".fc-region"), frame.locator(".fc-name")
    expect(regions.filter(has_text=re.compile("^Donetsk Oblast$"))).to_have_count(1)
    expect(names.filter(has_text=re.compile("^Kharkiv$"))).to_have_count(1)  # cities first
    assert names.filter(has_text=re.compile("^Klishchiivka$")).count() == 0  # a village waits for a closer look
    assert overlapping(boxes(frame.locator(".fc-name, .fc-region"))) == []  # like a reference map: no name over another
    width = frame.locator(".leaflet-container").bounding_box()
    assert all(b[2] <= width["x"] + width["width"] + 1 for b in boxes(names))  # none cut at the edge
    # choosing a place zooms to it with its neighbours named
    choose(page, re.compile("^Settlement: every claim about it"), "Andriivka")
    expect(names.filter(has_text=re.compile("^Klishchiivka$"))).to_have_count(1, timeout=30_000)
    expect(names.filter(has_text=re.compile("^Bakhmut$"))).to_have_count(1)
    settle(page)
    assert overlapping(boxes(frame.locator(".fc-name, .fc-region"))) == []
    assert page.errors == []


@pytest.mark.parametrize("size", [(1366, 768), (1440, 900)], ids=["1366x768", "1440x900"])
def test_the_first_click_on_a_marker_opens_it_and_lists_its_claims(page: Page, app_url, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(app_url)
    frame = map_frame(page)
    drawn(page, 6)
    settle(page)
    # a marker on screen, though the map reaches below the window's edge
    markers = frame.locator(MARKERS)
    target = next(b for b in (markers.nth(i).bounding_box() for i in range(markers.count()))
                  if b and 0 < b["y"] and b["y"] + b["height"] < size[1] - 10)
    assert frame.locator(".leaflet-container").bounding_box()["y"] + 620 > size[1]
    before = scroll_top(page)
    page.mouse.click(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_be_visible(timeout=10_000)  # the first click is not lost
    assert scroll_top(page) == before  # and the page did not jump under the mouse
    name = popup.locator("b").first.inner_text()
    expect(page.get_by_role("combobox", name=re.compile("^Settlement: every claim about it"))).to_have_value(
        name, timeout=30_000)
    assert page.errors == []


def test_places_too_close_to_tell_apart_gather_in_a_cluster_that_opens(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    drawn(page, 6)
    settle(page)
    cluster = frame.locator(CLUSTERS)
    expect(cluster).to_have_text("2")
    cluster.click()  # zooms in until the two places stand apart
    expect(frame.locator(CLUSTERS)).to_have_count(0, timeout=15_000)
    settle(page)
    for i in range(frame.locator(MARKERS).count()):
        marker = frame.locator(MARKERS).nth(i)
        box = marker.bounding_box()
        if box and box["y"] > 0:
            marker.hover()
    tooltips = frame.locator(".leaflet-tooltip").all_inner_texts()
    assert any(t.startswith("Klishchiivka") for t in tooltips) and any(t.startswith("Andriivka") for t in tooltips)
    assert page.errors == []


def test_a_claimant_filter_changes_the_markers(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    drawn(page, 6)
    settle(page)  # the map's first answer reruns the page; a choice made during that rerun can be lost
    page.get_by_role("combobox", name=re.compile("Claimant$")).click()
    page.get_by_role("option", name="Ukrainian General Staff").click()
    page.keyboard.press("Escape")
    drawn(page, 2)  # Lukiantsi and Vovchansk
    expect(frame.locator(MARKERS)).to_have_count(2)
    expect(page.get_by_text("2 claims on the map", exact=True)).to_be_visible()
    assert "claimant=Ukrainian+General+Staff" in page.url  # the link reproduces the view
    assert page.errors == []


def test_hostile_article_text_is_shown_as_text_and_runs_nothing(page: Page, hostile_url):
    page.goto(hostile_url + "/?q=Soledar")
    frame = map_frame(page)
    drawn(page, 1)
    frame.locator(MARKERS).first.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("<img src=x onerror=")
    expect(popup).to_contain_text("<script>window.__xss = 'source'</script>Evil Wire")
    expect(popup).to_contain_text("{{ 7*7 }}")  # no template engine read it on the server
    assert frame.locator(".leaflet-popup-content img").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator("body").evaluate(
        "() => window.__xss") is None
    page.goto(hostile_url + "/?view=Briefing")
    sources = page.get_by_text(re.compile("^Sources: "))
    # (the Briefing renders after a fresh page load: on a slow machine that takes longer than expect's 5 s)
    expect(sources).to_contain_text("<script>window.__xss = 'source'</script>Evil Wire, AFP", timeout=30_000)
    assert page.evaluate("() => window.__xss") is None
    assert page.errors == []


def test_briefing_view_for_a_slide(page: Page, app_url, screenshots):
    page.goto(app_url + "/?view=Briefing&claimant=Russian+Ministry+of+Defence")
    frame = map_frame(page)
    drawn(page, 3)  # Robotyne, Klishchiivka, Andriivka
    expect(frame.locator(MARKERS)).to_have_count(3)  # a slide shows every place apart, named
    expect(page.get_by_role("heading", name="Claims of control")).to_be_visible()
    expect(page.get_by_text(re.compile("^Sources: "))).to_contain_text("AFP, dpa, unattributed (3 articles)")
    expect(frame.locator(".fc-label")).to_have_count(3)  # names beside the points, for the slide
    expect(frame.locator(".fc-region").filter(has_text="Donetsk Oblast")).to_have_count(1)  # and the oblasts'
    expect(frame.locator(".fc-legend")).to_be_visible()
    # what the other side says, event by event, under the map
    table = page.locator("[data-testid=stTable]")
    expect(table).to_contain_text("no Ukrainian claim in these articles")
    expect(table.get_by_role("row").filter(has_text="Andriivka")).to_contain_text("Ukrainian military claims a recapture")
    settle(page)
    map_box = frame.locator(".leaflet-container").bounding_box()
    assert all(b[0] >= map_box["x"] - 1 and b[2] <= map_box["x"] + map_box["width"] + 1
               for b in boxes(frame.locator(".fc-label")))  # no name cut at the edge
    page.screenshot(path=str(screenshots / "briefing.png"))
    expect(page.get_by_role("button", name="← Back to the map")).to_be_visible()
    page.get_by_role("button", name="← Back to the map").click()
    expect(page.get_by_role("heading", name="Frontline Claims")).to_be_visible(timeout=30_000)
    assert page.errors == []


def test_playback_keeps_headline_caption_and_slider_on_one_day(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    drawn(page, 6)
    page.get_by_text("Status as of a day").click()
    caption = page.get_by_text(re.compile("^Claimed status as of"))
    expect(caption).to_contain_text("2025-11-09", timeout=30_000)  # starts at the last day
    frame.locator(".leaflet-container").evaluate("el => { el.dataset.probe = 'same map'; }")
    choose(page, "Playback speed", "a month per second")
    page.get_by_role("button", name="▶ Play").click()
    expect(caption).to_contain_text("2022-0", timeout=30_000)  # back to the first day, then forward
    seen = set()
    for _ in range(3):
        page.wait_for_timeout(1100)
        state = page.evaluate("""() => {
            if (document.querySelector('[data-stale="true"]')) { return null; }
            const texts = sel => [...document.querySelectorAll(sel)].map(e => e.innerText);
            const head = texts('[data-testid=stMarkdownContainer]').find(t => t.includes('on the map as of')) || '';
            const cap = texts('[data-testid=stCaptionContainer]').find(t => t.startsWith('Claimed status as of')) || '';
            const slider = document.querySelector('input[aria-label="As of"]');
            return [head, cap, slider && slider.getAttribute('aria-valuetext')];
        }""")
        if state is None:
            continue
        head, cap, slider = state
        day = re.search(r"as of (\d{4}-\d{2}-\d{2})", cap).group(1)
        assert f"as of {day}" in head and day == slider, state  # one day everywhere
        settlements = int(re.search(r": (\d+) settlements?", cap).group(1))
        assert frame.locator("body").get_attribute("data-fc-drawn") == str(settlements)
        seen.add(day)
    assert len(seen) >= 2  # the day moved on
    page.get_by_role("button", name="⏸ Pause").click()
    expect(page.get_by_role("button", name="▶ Play")).to_be_visible(timeout=30_000)
    expect(frame.locator(".leaflet-container[data-probe='same map']")).to_have_count(1)  # no reload, zoom kept
    assert page.errors == []


def test_a_click_on_a_place_lists_its_claims_below_the_map(page: Page, app_url):
    page.goto(app_url + "/?q=Robotyne")
    frame = map_frame(page)
    drawn(page, 1)
    settle(page)
    frame.locator(MARKERS).first.click()
    box = page.get_by_role("combobox", name=re.compile("^Settlement: every claim about it"))
    expect(box).to_have_value("Robotyne", timeout=30_000)
    expect(page.get_by_text("Enter your name in the sidebar to review.").first).to_be_visible()
    assert page.errors == []


def test_an_empty_view_and_back_keeps_the_same_map(page: Page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    drawn(page, 6)
    settle(page)
    frame.locator(".leaflet-container").evaluate("el => { el.dataset.probe = 'same map'; }")
    search = page.get_by_role("textbox", name="Search settlements and evidence")
    search.fill("Atlantis")
    search.press("Enter")
    expect(page.get_by_text(re.compile("No claims match: the search"))).to_be_visible(timeout=30_000)
    drawn(page, 0)
    search.fill("")
    search.press("Enter")
    drawn(page, 6)
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
    drawn(page, 1)
    settle(page)
    frame.locator(MARKERS).first.click()
    expect(page.get_by_role("combobox", name=re.compile("^Settlement: every claim about it"))).to_have_value(
        "Robotyne", timeout=30_000)
    name = page.get_by_role("textbox", name="Your name (for reviews)")
    name.fill("![x](http://127.0.0.1:9/pixel.png) \u202eevil")
    name.press("Enter")
    settle(page)  # a click during the rerun that stores the name can be lost on a loaded machine
    page.get_by_role("button", name="Confirm").first.click()
    # the review as the claim's line tells it (the toast may be gone by then on a loaded machine)
    expect(page.locator("[data-testid=stMain]")).to_contain_text(
        "confirm by ![x](http://127.0.0.1:9/pixel.png) evil", timeout=30_000)  # the bidi character gone
    assert page.locator("img[src*=pixel]").count() == 0 and fetched == []
    assert page.errors == []


@pytest.fixture(scope="module")
def ambiguous_url(tmp_path_factory):
    """The samples and an article naming Olhivka and Andriivka, each shared by several villages."""
    folder = tmp_path_factory.mktemp("ambiguous")
    (folder / "namesakes.txt").write_text(AMBIGUOUS_ARTICLE, encoding="utf-8")
    db = _ingest(folder / "claims.sqlite", ROOT / "events" / "samples", folder / "namesakes.txt")
    server, url = _serve(db)
    yield url
    server.terminate()
    server.wait(timeout=20)


def test_names_awaiting_a_place_are_listed_once_and_placed_in_one_go(page: Page, ambiguous_url):
    page.goto(ambiguous_url)
    drawn(page, 6)
    expect(page.get_by_text(re.compile(r"· 2 awaiting a place"))).to_be_visible()
    page.get_by_text("2 names could be several villages (2 claims waiting for a place): choose which").click()
    table = page.locator("[data-testid=stDataFrame]").first
    expect(table).to_be_visible()
    page.get_by_role("textbox", name="Your name (for reviews)").fill("analyst C")
    page.get_by_role("textbox", name="Your name (for reviews)").press("Enter")
    idle(page)  # the rerun that stores the name could redraw the next select box under the keyboard
    choose(page, "Name to place", "Olhivka — 1 claim in 1 article")
    places = page.get_by_role("combobox", name="Which place is “Olhivka”?")
    expect(places).to_have_value("")  # none chosen for the analyst
    idle(page)  # (the rerun that drew this box could redraw it under the click)
    places.click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    kherson = options.filter(has_text="Kherson Oblast").first
    expect(kherson).to_contain_text("Raion")  # raion and population beside each place
    kherson.click()
    idle(page)
    page.get_by_role("button", name=re.compile(r"^Place 1 claim at Olhivka")).click()
    drawn(page, 7)  # Olhivka is on the map
    expect(page.get_by_text(re.compile(r"· 1 awaiting a place"))).to_be_visible(timeout=30_000)
    assert page.errors == []


def test_screenshots_of_a_test_run_stay_out_of_the_working_tree(screenshots):
    import os

    if not os.environ.get("FRONTLINE_SCREENSHOTS"):
        assert not screenshots.resolve().is_relative_to(ROOT)  # docs/screenshots change only on purpose
