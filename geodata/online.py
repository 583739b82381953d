"""Optional online fallback: geopy's Nominatim for names the offline gazetteer does not know.

Off by default. When switched on it only runs for names that resolve to ``unknown`` offline; it
waits at least one second between requests (geopy's RateLimiter, Nominatim's usage policy),
gives up without retrying when the whole answer has not arrived within the timeout, reads at
most 1 MB of it, checks it before caching it (misses are cached too) in a small SQLite file,
and after a network failure stops asking for a while. Any failure, and any answer that is not a
place, returns the offline answer with a warning: it never raises into the caller, never blocks
for long and leaves no thread behind.
"""

from __future__ import annotations

import http.client
import json
import math
import socket
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.request import HTTPHandler, HTTPSHandler, ProxyHandler, Request, build_opener, getproxies

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable, GeopyError

from geodata.gazetteer import Gazetteer
from geodata.normalize import normalize_name
from geodata.records import Place, PlaceKind, Resolution, Status
from geodata.resolve import resolve

__all__ = ["OnlineSettings", "NominatimResolver", "DEFAULT_CACHE"]

DEFAULT_CACHE = Path.home() / ".cache" / "frontline-claims" / "nominatim.sqlite"
DEFAULT_USER_AGENT = "frontline-claims/0.1 (offline-first conflict-event dashboard)"
#: Nominatim's answer for one name is a few kilobytes; anything past this is refused unread.
MAX_ANSWER_BYTES = 1_000_000
#: A longer name in an answer is not a place name (the offline resolver never asks for one).
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class OnlineSettings:
    """How to reach Nominatim. ``domain``/``scheme`` point tests at a local server."""

    user_agent: str = DEFAULT_USER_AGENT
    domain: str = "nominatim.openstreetmap.org"
    scheme: str = "https"
    timeout: float = 3.0
    min_delay_seconds: float = 1.0
    cache_path: Path = DEFAULT_CACHE
    country_codes: tuple[str, ...] = ("ua", "ru")
    retry_after_seconds: float = 300.0  # after a network failure, stay offline this long

    def __post_init__(self) -> None:
        if not self.user_agent.strip():
            raise ValueError("Nominatim needs a user agent that identifies the application; set user_agent")
        if self.min_delay_seconds < 1.0:
            raise ValueError("Nominatim allows at most one request per second; min_delay_seconds must be >= 1")
        if not 0 < self.timeout <= 30:
            raise ValueError(f"timeout must lie in (0, 30] seconds, not {self.timeout}")


class _Cache:
    """query -> Nominatim JSON (or None for "nothing found"), in one SQLite file; in memory, with
    a warning, when that file cannot be used (damaged, unwritable, no home directory)."""

    def __init__(self, path: Path) -> None:
        self.warning = ""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open(str(path))
        except (OSError, sqlite3.Error) as exc:
            self.warning = f"Nominatim cache {path} unusable ({exc}); answers kept for this run only"
            self._db = self._open(":memory:")
        self._lock = threading.Lock()

    @staticmethod
    def _open(where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, check_same_thread=False, timeout=5)
        db.execute("CREATE TABLE IF NOT EXISTS nominatim (query TEXT PRIMARY KEY, payload TEXT, fetched REAL)")
        return db

    def get(self, query: str) -> tuple[bool, dict[str, Any] | None]:
        with self._lock:
            row = self._db.execute("SELECT payload FROM nominatim WHERE query = ?", (query,)).fetchone()
        if row is None:
            return False, None
        try:
            return True, json.loads(row[0])
        except (TypeError, ValueError, RecursionError):  # a damaged entry: ask again
            return False, None

    def put(self, query: str, payload: dict[str, Any] | None) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO nominatim VALUES (?, ?, ?)", (query, json.dumps(payload), time.time()))


def _text(value: object) -> str:
    """A string field of an answer, without control or format characters (bidi overrides)."""
    if not isinstance(value, str):
        return ""
    return "".join(c for c in value[:MAX_NAME + 1] if unicodedata.category(c) not in ("Cc", "Cf", "Cs")).strip()


def _checked(raw: object) -> dict[str, Any]:
    """The fields used from one Nominatim place, checked, in Nominatim's own shape (so that a
    checked answer checks again); ValueError says what is wrong with it."""
    if not isinstance(raw, dict):
        raise ValueError(f"a place must be an object, not {type(raw).__name__}")
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError("it has no coordinates") from exc
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates {lat}, {lon} are not on Earth")
    address = raw.get("address")
    if address is None:
        address = {}
    if not isinstance(address, dict):
        raise ValueError(f"its address is a {type(address).__name__}, not an object")
    name = _text(raw.get("name")) or _text(raw.get("display_name")).split(",")[0].strip()
    if not name:
        raise ValueError("it has no name")
    if len(name) > MAX_NAME:
        raise ValueError(f"its name is longer than {MAX_NAME} characters")
    country = _text(address.get("country_code"))
    return {"name": name, "lat": lat, "lon": lon, "class": _text(raw.get("class")), "type": _text(raw.get("type")),
            "address": {"country_code": country if len(country) == 2 else "", "state": _text(address.get("state")),
                        "district": _text(address.get("district"))}}


def _place_from(payload: dict[str, Any]) -> Place:
    checked = _checked(payload)
    address = checked["address"]
    return Place(geonameid=0, name=checked["name"], kind=PlaceKind.PLACE, country=address["country_code"].upper(),
                 admin1_code="", admin1=address["state"], admin2_code="", admin2=address["district"],
                 lat=checked["lat"], lon=checked["lon"], population=0,
                 feature_code=f"{checked['class']}:{checked['type']}", geonames_name="", source="nominatim")


class _Watchdog:
    """Shuts the sockets of one request down when its time is up. A socket timeout bounds each
    read, not the answer: a server trickling a byte a second would hold the caller for ever.
    The timer thread is cancelled and joined when the request ends: no thread is left behind."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.name = "nominatim-deadline"
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        self._timer.join()


def _shut(sock: socket.socket) -> None:
    # the plain socket's shutdown, also under TLS: the reading thread then sees the end of the
    # stream, and the TLS state it is using is left alone
    with suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection], watchdog: _Watchdog) -> Any:
    class Watched(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            super().connect()
            watchdog.watch(self.sock)

    return Watched


class _WatchedHTTP(HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self.watchdog = watchdog

    def http_open(self, req: Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPConnection, self.watchdog), req)


class _WatchedHTTPS(HTTPSHandler):
    def __init__(self, watchdog: _Watchdog, context: Any) -> None:
        super().__init__(context=context)
        self.watchdog = watchdog

    def https_open(self, req: Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(http.client.HTTPSConnection, self.watchdog), req, context=self._context)


class BoundedAdapter(BaseSyncAdapter):
    """A geopy adapter (urllib underneath, proxies from the environment as geopy's own) that
    bounds an answer: all of it within ``timeout`` seconds, at most MAX_ANSWER_BYTES of it, and
    JSON that is not nested past Python's limit. Raises only geopy's exceptions."""

    def __init__(self, *, proxies: dict[str, str] | None, ssl_context: Any) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.proxies = getproxies() if proxies is None else proxies
        self.ssl_context = ssl_context

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as exc:  # "[[[[...": the JSON parser is recursive
            raise GeocoderParseError(f"the answer is not JSON a place can be read from ({type(exc).__name__})") from exc

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        late = GeocoderTimedOut(f"Nominatim did not answer within {timeout:g} s")
        with _Watchdog(timeout) as watchdog:
            opener = build_opener(_WatchedHTTP(watchdog), _WatchedHTTPS(watchdog, self.ssl_context),
                                  ProxyHandler(self.proxies))
            try:
                with opener.open(Request(url, headers=headers), timeout=timeout) as page:
                    length = page.headers.get("Content-Length", "")
                    if length.isdigit() and int(length) > MAX_ANSWER_BYTES:
                        raise GeocoderServiceError(f"answer of {int(length) / 1e6:.1f} MB refused unread "
                                                   f"(at most {MAX_ANSWER_BYTES / 1e6:g} MB)")
                    body = page.read(MAX_ANSWER_BYTES + 1)
            except GeopyError:
                raise
            except HTTPError as exc:  # its body is not read: it could trickle or be huge too
                raise late if watchdog.expired else AdapterHTTPError(
                    str(exc), status_code=exc.code, headers={k.lower(): v for k, v in exc.headers.items()},
                    text="") from exc
            except Exception as exc:  # noqa: BLE001 - urllib's, http.client's and socket's errors
                if watchdog.expired or isinstance(exc, TimeoutError) or isinstance(getattr(exc, "reason", None),
                                                                                   TimeoutError):
                    raise late from exc
                reason = exc.reason if isinstance(exc, URLError) else exc
                raise GeocoderUnavailable(f"{type(reason).__name__}: {reason}") from exc
        if watchdog.expired:  # cut off mid-answer: what arrived is not all of it
            raise late
        if len(body) > MAX_ANSWER_BYTES:
            raise GeocoderServiceError(f"answer longer than {MAX_ANSWER_BYTES / 1e6:g} MB refused")
        return body.decode("utf-8", errors="replace")


class NominatimResolver:
    """Offline resolution first; Nominatim only for ``unknown`` names. Same call shape as resolve()."""

    def __init__(self, gazetteer: Gazetteer, settings: OnlineSettings | None = None) -> None:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        self.gazetteer = gazetteer
        self.settings = settings or OnlineSettings()
        # one bounded attempt (no retries), then the offline answer
        geocoder = Nominatim(user_agent=self.settings.user_agent, domain=self.settings.domain,
                             scheme=self.settings.scheme, timeout=self.settings.timeout, adapter_factory=BoundedAdapter)
        self._geocode = RateLimiter(geocoder.geocode, min_delay_seconds=self.settings.min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self._cache = _Cache(self.settings.cache_path)
        self._offline_until = 0.0

    def resolve(self, name: str, *, hint: str | None = None, context: Sequence[Place] = (),
                regions: Sequence[str] = ()) -> Resolution:
        offline = resolve(name, self.gazetteer, hint=hint, context=context, regions=regions)
        key = normalize_name(name) if offline.query == name else ""
        if offline.status is not Status.UNKNOWN or not key:
            return offline
        try:
            return self._online(name, key, offline)
        except Exception as exc:  # noqa: BLE001 - the contract: never raise into the caller
            reason = f"{type(exc).__name__}: {exc}"[:200]
            return replace(offline, warnings=offline.warnings + (f"online lookup failed ({reason}); offline answer kept",))

    def _online(self, name: str, key: str, offline: Resolution) -> Resolution:
        found, payload = self._cache.get(key)
        if found:
            return self._answer(offline, payload, cached=True)
        if time.monotonic() < self._offline_until:
            return replace(offline, warnings=offline.warnings + ("online lookup paused after a network failure",))
        try:
            location = self._geocode(name, exactly_one=True, addressdetails=True, language="en",
                                     country_codes=list(self.settings.country_codes))
        except (GeopyError, OSError) as exc:
            self._offline_until = time.monotonic() + self.settings.retry_after_seconds
            reason = f"{type(exc).__name__}: {exc}"[:200]
            return replace(offline, warnings=offline.warnings + (f"online lookup failed ({reason}); offline answer kept",))
        except Exception as exc:  # noqa: BLE001 - geopy reading an answer that is no place ([1], [null], {"foo": 1})
            return self._unusable(offline, f"{type(exc).__name__}: {exc}"[:200])
        try:  # checked before it is cached: a bad answer must not come back on every later call
            payload = _checked(location.raw) if location is not None else None
        except ValueError as exc:
            return self._unusable(offline, str(exc))
        self._cache.put(key, payload)
        answer = self._answer(offline, payload, cached=False)
        return replace(answer, warnings=answer.warnings + (self._cache.warning,)) if self._cache.warning else answer

    @staticmethod
    def _unusable(offline: Resolution, reason: str) -> Resolution:
        return replace(offline, warnings=offline.warnings + (f"Nominatim sent an unusable answer ({reason}); "
                                                             "offline answer kept, nothing cached",))

    @staticmethod
    def _answer(offline: Resolution, payload: dict[str, Any] | None, *, cached: bool) -> Resolution:
        source = "Nominatim (cached)" if cached else "Nominatim"
        if payload is None:
            return replace(offline, reason=f"{offline.reason}; {source} found nothing either")
        try:
            place = _place_from(payload)
        except ValueError as exc:
            return replace(offline, warnings=offline.warnings + (f"{source} sent an unusable answer ({exc})",))
        return Resolution(query=offline.query, status=Status.RESOLVED, place=place, score=50.0,
                          reason=f"not in the offline gazetteer; found online by {source}, unverified",
                          candidates=(place,), warnings=offline.warnings, hint=offline.hint)
