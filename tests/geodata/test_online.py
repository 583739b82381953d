"""The Nominatim fallback, against a small HTTP server on 127.0.0.1 (never the internet)."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geodata import Status
from geodata.online import NominatimResolver, OnlineSettings

ATLANTIS = [{"place_id": 1, "lat": "48.1", "lon": "37.5", "name": "Atlantisivka", "display_name": "Atlantisivka, Donetsk",
             "class": "place", "type": "village", "address": {"state": "Donetsk Oblast", "country_code": "ua"}}]


class FakeNominatim:
    """Answers /search like Nominatim; ``mode`` picks found / empty / error / hang."""

    def __init__(self):
        self.mode = "found"
        self.requests: list[tuple[float, dict]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                outer.requests.append((time.monotonic(), parse_qs(urlparse(self.path).query)))
                if outer.mode == "hang":
                    time.sleep(3)
                if outer.mode == "trickle":  # headers at once, then a byte now and then: no read times out
                    self.send_response(200)
                    self.end_headers()
                    for _ in range(20):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        time.sleep(0.5)
                    return
                if outer.mode == "error":
                    self.send_response(500)
                    self.end_headers()
                    return
                body = json.dumps(ATLANTIS if outer.mode == "found" else []).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def domain(self):
        return f"127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def server():
    fake = FakeNominatim()
    yield fake
    fake.server.shutdown()


@pytest.fixture
def online(server, gazetteer, tmp_path):
    settings = OnlineSettings(domain=server.domain, scheme="http", timeout=1.0, cache_path=tmp_path / "cache.sqlite",
                              user_agent="frontline-claims-tests")
    return NominatimResolver(gazetteer, settings)


def test_known_names_never_go_online(online, server):
    assert online.resolve("Vovchansk").place.geonameid == 689304
    assert server.requests == []


def test_unknown_name_is_found_online_labelled_unverified_and_cached(online, server):
    result = online.resolve("Atlantisivka")
    assert result.status is Status.RESOLVED
    assert (result.place.name, result.place.source, result.place.lat) == ("Atlantisivka", "nominatim", 48.1)
    assert "unverified" in result.reason
    params = server.requests[0][1]
    assert params["q"] == ["Atlantisivka"] and params["countrycodes"] == ["ua,ru"]
    again = online.resolve("atlantisivka")  # same key: answered from the disk cache
    assert again.place.name == "Atlantisivka" and "cached" in again.reason
    assert len(server.requests) == 1


def test_misses_are_cached_too(online, server):
    server.mode = "empty"
    assert online.resolve("Nowhereville").status is Status.UNKNOWN
    assert online.resolve("Nowhereville").status is Status.UNKNOWN
    assert len(server.requests) == 1


def test_requests_are_at_least_a_second_apart(online, server):
    online.resolve("Firstplace")
    online.resolve("Secondplace")
    (t1, _), (t2, _) = server.requests
    assert t2 - t1 >= 0.99


@pytest.mark.parametrize("mode", ["error", "hang"])
def test_network_failure_falls_back_to_the_offline_answer_quickly(online, server, mode):
    server.mode = mode
    started = time.monotonic()
    result = online.resolve("Atlantisivka")
    assert time.monotonic() - started < 2.5  # one short attempt, no retries
    assert result.status is Status.UNKNOWN
    assert any("online lookup failed" in w for w in result.warnings)
    # and it stops asking for a while instead of failing slowly on every name
    started = time.monotonic()
    assert any("paused" in w for w in online.resolve("Otherplace").warnings)
    assert time.monotonic() - started < 0.5
    assert len(server.requests) == 1


def test_a_server_that_trickles_its_answer_is_abandoned_in_time(online, server):
    server.mode = "trickle"
    started = time.monotonic()
    result = online.resolve("Atlantisivka")
    assert time.monotonic() - started < 4  # twice the 1 s timeout plus the request spacing, not 10 s
    assert result.status is Status.UNKNOWN
    assert any("did not answer within" in w for w in result.warnings)


def test_a_damaged_cache_file_is_replaced_by_memory_with_a_warning(server, gazetteer, tmp_path):
    damaged = tmp_path / "cache.sqlite"
    damaged.write_bytes(b"this is not a database" * 100)
    settings = OnlineSettings(domain=server.domain, scheme="http", timeout=1.0, cache_path=damaged,
                              user_agent="frontline-claims-tests")
    result = NominatimResolver(gazetteer, settings).resolve("Atlantisivka")
    assert result.place.name == "Atlantisivka"
    assert any("cache" in w and "this run only" in w for w in result.warnings)


def test_unreachable_server_falls_back(gazetteer, tmp_path):
    settings = OnlineSettings(domain="127.0.0.1:9", scheme="http", timeout=1.0, cache_path=tmp_path / "c.sqlite")
    result = NominatimResolver(gazetteer, settings).resolve("Atlantisivka")
    assert result.status is Status.UNKNOWN and result.warnings


def test_settings_refuse_to_break_nominatim_policy():
    with pytest.raises(ValueError, match="one request per second"):
        OnlineSettings(min_delay_seconds=0.1)
    with pytest.raises(ValueError, match="user agent"):
        OnlineSettings(user_agent=" ")
