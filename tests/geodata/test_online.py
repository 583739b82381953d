"""The Nominatim fallback, against a small HTTP server on 127.0.0.1 (never the internet)."""

import json
import sqlite3
import sys
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geodata import Status
from geodata.online import NominatimResolver, OnlineSettings

ATLANTIS = [{"place_id": 1, "lat": "48.1", "lon": "37.5", "name": "Atlantisivka", "display_name": "Atlantisivka, Donetsk",
             "class": "place", "type": "village", "address": {"state": "Donetsk Oblast", "country_code": "ua"}}]


class _QuietOnHangUp(ThreadingHTTPServer):
    """The timeout tests hang up on purpose; a handler still writing then gets a broken pipe,
    which the stock server prints as a traceback in the middle of a later test's output."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class FakeNominatim:
    """Answers /search like Nominatim; ``mode`` picks found / empty / error / hang / trickle, or
    raw (sends ``body``) / huge (``huge_mb`` MB of spaces, with or without a Content-Length)."""

    def __init__(self):
        self.mode = "found"
        self.body = b""
        self.huge_mb, self.with_length = 20, True
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
                if outer.mode == "raw":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(outer.body)
                    return
                if outer.mode == "huge":
                    self.send_response(200)
                    if outer.with_length:
                        self.send_header("Content-Length", str(outer.huge_mb * 1_000_000))
                    self.end_headers()
                    chunk = b" " * 100_000
                    try:
                        for _ in range(outer.huge_mb * 10):
                            self.wfile.write(chunk)
                    except OSError:
                        pass  # the client hung up: that is the point
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

        self.server = _QuietOnHangUp(("127.0.0.1", 0), Handler)
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


HOSTILE = {
    "object": b'{"foo": 1}', "number in a list": b"[1]", "null in a list": b"[null]", "true": b"true",
    "string": b'"Atlantisivka"', "list in a list": b"[[]]", "not JSON": b"<html>busy</html>",
    "deep JSON": b"[" * 100_000 + b"]" * 100_000,
    "deep place": b'[{"lat": "48.1", "lon": "37.5", "name": "A", "address": ' + b"[" * 50_000 + b"]" * 50_000 + b"}]",
    "address string": b'[{"lat": "48.1", "lon": "37.5", "name": "Atlantisivka", "address": "Donetsk"}]',
    "address list": b'[{"lat": "48.1", "lon": "37.5", "name": "Atlantisivka", "address": ["Donetsk"]}]',
    "no coordinates": b'[{"name": "Atlantisivka"}]',
    "coordinates a list": b'[{"lat": [48.1], "lon": "37.5", "name": "Atlantisivka"}]',
    "coordinates not numbers": b'[{"lat": "north", "lon": "east", "name": "Atlantisivka"}]',
    "NaN": b'[{"lat": "nan", "lon": "37.5", "name": "Atlantisivka"}]',
    "infinity": b'[{"lat": 1e999, "lon": "37.5", "name": "Atlantisivka"}]',
    "off the Earth": b'[{"lat": "91", "lon": "37.5", "name": "Atlantisivka"}]',
    "no name": b'[{"lat": "48.1", "lon": "37.5"}]',
    "name an object": b'[{"lat": "48.1", "lon": "37.5", "name": {"en": "A"}, "display_name": 7}]',
    "million-character name": b'[{"lat": "48.1", "lon": "37.5", "name": "' + b"A" * 1_000_000 + b'"}]',
    "error object": b'{"error": "Unable to geocode"}',
    "error not a string": b'{"error": {"code": 500}}',
    "latin-1 bytes": b'[{"lat": "48.1", "lon": "37.5", "name": "\xff\xfe"}]',
}


@pytest.mark.parametrize("body", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_answer_never_raises_and_is_never_cached(online, server, tmp_path, body):
    server.mode, server.body = "raw", body
    result = online.resolve("Atlantisivka")
    if result.status is Status.RESOLVED:  # only a readable place may come through, its name cleaned
        assert result.place.name.isprintable() and len(result.place.name) <= 200
    else:
        assert result.status is Status.UNKNOWN
    with sqlite3.connect(tmp_path / "cache.sqlite") as cache:
        cached = [json.loads(row[0]) for row in cache.execute("SELECT payload FROM nominatim")]
    assert cached in ([], [None]) or result.status is Status.RESOLVED
    again = online.resolve("Atlantisivka")  # from the cache, or asked again: never an exception
    assert again.status is result.status


def test_a_place_name_is_cleaned_of_bidi_and_control_characters(online, server):
    server.mode = "raw"
    server.body = json.dumps([{**ATLANTIS[0], "name": "Atlantis\u202eivka\u0007"}]).encode()
    assert online.resolve("Atlantisivka").place.name == "Atlantisivka"


@pytest.mark.parametrize("with_length", [True, False])
def test_a_huge_answer_is_refused_with_bounded_memory(online, server, with_length):
    server.mode, server.with_length = "huge", with_length
    tracemalloc.start()
    try:
        result = online.resolve("Atlantisivka")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.status is Status.UNKNOWN and any("MB" in w for w in result.warnings)
    assert peak < 5_000_000  # the answer was 20 MB


def test_no_thread_is_left_behind_after_a_trickling_server(online, server):
    server.mode = "trickle"
    before = {t.ident for t in threading.enumerate()}
    online.resolve("Atlantisivka")
    left = [t.name for t in threading.enumerate() if t.ident not in before and not t.name.startswith("Thread-")]
    assert left == []
    assert not any(t.name.startswith("nominatim") for t in threading.enumerate())
