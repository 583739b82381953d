"""Optional online fallback: geopy's Nominatim for names the offline gazetteer does not know.

Off by default. When switched on it only runs for names that resolve to ``unknown`` offline; it
waits at least one second between requests (geopy's RateLimiter, Nominatim's usage policy),
gives up after a short timeout without retrying, caches every answer (misses too) in a small
SQLite file, and after a network failure stops asking for a while. Any failure returns the
offline answer with a warning: it never raises into the caller and never blocks for long.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geodata.gazetteer import Gazetteer
from geodata.normalize import normalize_name
from geodata.records import Place, PlaceKind, Resolution, Status
from geodata.resolve import resolve

__all__ = ["OnlineSettings", "NominatimResolver", "DEFAULT_CACHE"]

DEFAULT_CACHE = Path.home() / ".cache" / "frontline-claims" / "nominatim.sqlite"
DEFAULT_USER_AGENT = "frontline-claims/0.1 (offline-first conflict-event dashboard)"


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
        return True, json.loads(row[0])

    def put(self, query: str, payload: dict[str, Any] | None) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO nominatim VALUES (?, ?, ?)", (query, json.dumps(payload), time.time()))


def _place_from(raw: dict[str, Any]) -> Place:
    address = raw.get("address") or {}
    name = raw.get("name") or str(raw.get("display_name", "?")).split(",")[0]
    country = str(address.get("country_code", "")).upper()
    return Place(geonameid=0, name=name, kind=PlaceKind.PLACE, country=country, admin1_code="",
                 admin1=address.get("state", ""), admin2_code="", admin2=address.get("district", ""),
                 lat=float(raw["lat"]), lon=float(raw["lon"]), population=0,
                 feature_code=f"{raw.get('class', '')}:{raw.get('type', '')}", geonames_name="",
                 source="nominatim")


class NominatimResolver:
    """Offline resolution first; Nominatim only for ``unknown`` names. Same call shape as resolve()."""

    def __init__(self, gazetteer: Gazetteer, settings: OnlineSettings | None = None) -> None:
        from geopy.adapters import RequestsAdapter
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim

        self.gazetteer = gazetteer
        self.settings = settings or OnlineSettings()
        geocoder = Nominatim(
            user_agent=self.settings.user_agent, domain=self.settings.domain, scheme=self.settings.scheme,
            timeout=self.settings.timeout,
            # no transport retries: one short attempt, then the offline answer
            adapter_factory=lambda proxies, ssl_context: RequestsAdapter(proxies=proxies, ssl_context=ssl_context,
                                                                        max_retries=0))
        self._geocode = RateLimiter(geocoder.geocode, min_delay_seconds=self.settings.min_delay_seconds,
                                    max_retries=0, swallow_exceptions=False)
        self._cache = _Cache(self.settings.cache_path)
        self._offline_until = 0.0

    def resolve(self, name: str, *, hint: str | None = None, context: Sequence[Place] = (),
                regions: Sequence[str] = ()) -> Resolution:
        from geopy.exc import GeopyError

        offline = resolve(name, self.gazetteer, hint=hint, context=context, regions=regions)
        key = normalize_name(name) if offline.query == name else ""
        if offline.status is not Status.UNKNOWN or not key:
            return offline
        found, payload = self._cache.get(key)
        if found:
            return self._answer(offline, payload, cached=True)
        if time.monotonic() < self._offline_until:
            return replace(offline, warnings=offline.warnings + ("online lookup paused after a network failure",))
        try:
            location = self._within_deadline(name)
        except (GeopyError, OSError, ValueError) as exc:
            self._offline_until = time.monotonic() + self.settings.retry_after_seconds
            reason = f"{type(exc).__name__}: {exc}"[:200]
            return replace(offline, warnings=offline.warnings + (f"online lookup failed ({reason}); offline answer kept",))
        payload = location.raw if location is not None else None
        self._cache.put(key, payload)
        answer = self._answer(offline, payload, cached=False)
        return replace(answer, warnings=answer.warnings + (self._cache.warning,)) if self._cache.warning else answer

    def _within_deadline(self, name: str) -> Any:
        """The geocode call, abandoned after twice the timeout: the timeout bounds each socket
        read, and a server trickling one byte a second would otherwise hold the caller for ever."""
        outcome: dict[str, Any] = {}

        def call() -> None:
            try:
                outcome["location"] = self._geocode(name, exactly_one=True, addressdetails=True, language="en",
                                                    country_codes=list(self.settings.country_codes))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
                outcome["error"] = exc

        worker = threading.Thread(target=call, name="nominatim", daemon=True)
        worker.start()
        worker.join(2 * self.settings.timeout + self.settings.min_delay_seconds)
        if worker.is_alive():
            raise TimeoutError(f"Nominatim did not answer within {2 * self.settings.timeout:.0f} s")
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("location")

    @staticmethod
    def _answer(offline: Resolution, payload: dict[str, Any] | None, *, cached: bool) -> Resolution:
        source = "Nominatim (cached)" if cached else "Nominatim"
        if payload is None:
            return replace(offline, reason=f"{offline.reason}; {source} found nothing either")
        try:
            place = _place_from(payload)
        except (KeyError, TypeError, ValueError) as exc:
            return replace(offline, warnings=offline.warnings + (f"{source} sent an unusable answer ({exc})",))
        return Resolution(query=offline.query, status=Status.RESOLVED, place=place, score=50.0,
                          reason=f"not in the offline gazetteer; found online by {source}, unverified",
                          candidates=(place,), warnings=offline.warnings, hint=offline.hint)
