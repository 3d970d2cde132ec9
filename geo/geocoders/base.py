"""OnlineGeocoder: one geopy geocoder behind a rate limiter, a disk cache and a circuit breaker.

A service answers names the offline gazetteer cannot. It is optional and may be down, so a
lookup never raises for a service failure: it returns [] and says why in `status`.
"""

from __future__ import annotations

import functools
import logging
from typing import Any, ClassVar

from geopy.adapters import AdapterHTTPError, RequestsAdapter, URLLibAdapter
from geopy.exc import (
    GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges, GeocoderParseError,
    GeocoderQuotaExceeded, GeocoderRateLimited, GeocoderTimedOut, GeocoderUnavailable, GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder

from geo.types import Place

from .breaker import CircuitBreaker
from .cache import GeocodeCache
from .endpoint import Endpoint

log = logging.getLogger(__name__)

USER_AGENT = "geo-events-map/0.1 (offline geoparsing dashboard)"
DEFAULT_TIMEOUT = 5.0

# What a service may send that geopy's parsers trip over (JSON of the wrong shape).
_MALFORMED = (LookupError, TypeError, ValueError, AttributeError)

# geopy's requests adapter retries twice by default, and sleeps out a 429's Retry-After
# (seconds to hours) inside the call: one slow name would stall a whole article.
_ADAPTER = (functools.partial(RequestsAdapter, max_retries=0)
            if RequestsAdapter.is_available else URLLibAdapter)


class _Spacing(RateLimiter):
    """geopy's RateLimiter spaces request starts; a request that takes longer to reach the
    server than the next one would shrink the gap the server sees, so count from the answer."""

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        finally:
            with self._lock:
                self._last_call = self._clock()


class OnlineGeocoder:
    service: ClassVar[str]  # our name for it: spec prefix, Place.source, Place.id prefix
    geopy_class: ClassVar[type[Geocoder]]
    default_url: ClassVar[str | None] = None  # None: the spec must give a URL
    key_param: ClassVar[str | None] = None  # geopy's argument for the API key / username
    key_env: ClassVar[str | None] = None  # the service's usual environment variable for it
    key_required: ClassVar[bool] = False

    def __init__(self, url: str | None = None, *, key: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, min_delay: float | None = None,
                 user_agent: str = USER_AGENT, language: str | None = "en",
                 cache: GeocodeCache | None = None, breaker: CircuitBreaker | None = None):
        self.endpoint = Endpoint.parse(url or self.default_url or "")
        self.timeout = timeout
        self.language = language
        self.cache = cache
        self.breaker = breaker or CircuitBreaker()
        self._error: str | None = None
        self.min_delay = self._spacing(min_delay)
        options: dict[str, Any] = {}
        if self.key_param:
            options[self.key_param] = key
        self.geocoder = self.geopy_class(
            scheme=self.endpoint.scheme, domain=self.endpoint.domain, timeout=timeout,
            user_agent=user_agent, proxies=self.endpoint.proxies, adapter_factory=_ADAPTER, **options,
        )
        # No retries here either: the next article asks again, the breaker handles outages.
        self._search_spaced = _Spacing(self._search, min_delay_seconds=self.min_delay,
                                      max_retries=0, swallow_exceptions=False)

    @property
    def status(self) -> str | None:
        """Why the last call failed, for the UI ("service unavailable"); None once one succeeds."""
        if self._error and not self.breaker.allows():
            return f"{self._error}; not asking again for {self.breaker.remaining:.0f} s"
        return self._error

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.endpoint.url!r})"

    def lookup(self, name: str, *, country: str | None = None, limit: int = 5) -> list[Place]:
        """Places the service knows by `name`, best first; [] when unknown or unavailable."""
        if limit < 1:
            raise ValueError(f"limit must be >= 1, got {limit}")
        name = " ".join(name.split())
        country = country.upper() if country else None
        if not name:
            return []
        if self.cache is not None:
            cached = self.cache.get(self.service, name, country, limit)
            if cached is not None:
                return cached
        if not self.breaker.allows():
            log.debug("%s paused, not asking for %r", self.service, name)
            return []
        try:
            raws = self._search_spaced(name, country, limit)
        except GeopyError as exc:
            self._failed(self._describe(exc), exc, getattr(exc, "retry_after", None))
            return []
        except _MALFORMED as exc:
            self._failed(f"{self._where} sent an answer that could not be read", exc)
            return []
        places = self._places(raws, country)[:limit]
        self.breaker.success()
        self._error = None
        if self.cache is not None:
            self.cache.put(self.service, name, country, limit, places)
        return places

    # -- what each service module provides -------------------------------------------

    def _search(self, name: str, country: str | None, limit: int) -> list[dict[str, Any]]:
        """Ask the service; return the raw result dicts (Location.raw)."""
        raise NotImplementedError

    def _place(self, raw: dict[str, Any]) -> Place | None:
        """One raw result as a Place, or None to drop it."""
        raise NotImplementedError

    # -- shared plumbing -------------------------------------------------------------

    def _spacing(self, min_delay: float | None) -> float:
        """Seconds between two requests; a shared server deserves spacing, our own does not."""
        if min_delay is None:
            return 0.0 if self.endpoint.loopback else 1.0
        return max(0.0, min_delay)

    @staticmethod
    def _raws(found) -> list[dict[str, Any]]:
        if found is None:
            return []
        return [loc.raw for loc in (found if isinstance(found, list) else [found])]

    def _places(self, raws: list[dict[str, Any]], country: str | None) -> list[Place]:
        places = []
        for raw in raws:
            try:
                place = self._place(raw)
            except _MALFORMED:
                log.warning("%s: skipping a result that could not be read: %.200r", self.service, raw)
                continue
            # Not every service can filter by country, so filter here for all of them.
            if place is not None and (not country or place.country == country):
                places.append(place)
        return places

    @property
    def _where(self) -> str:
        return f"{self.service} at {self.endpoint.url}"

    def _failed(self, message: str, exc: Exception, pause: float | None = None) -> None:
        self.breaker.failure(pause)
        self._error = message
        # A service failure is expected and one line says enough; a malformed answer may be a bug.
        log.warning("geocoder: %s", self.status, exc_info=None if isinstance(exc, GeopyError) else exc)
        log.debug("geocoder failure details", exc_info=exc)

    def _describe(self, exc: GeopyError) -> str:
        where = self._where
        cause = exc.__cause__
        http = f" (HTTP {cause.status_code})" if isinstance(cause, AdapterHTTPError) else ""
        if isinstance(exc, GeocoderRateLimited):
            return f"{where} refused: too many requests{http}"
        if isinstance(exc, (GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges)):
            return f"{where} rejected the API key{http}"
        if isinstance(exc, GeocoderQuotaExceeded):
            return f"{where} quota exceeded{http}"
        if isinstance(exc, GeocoderTimedOut) and not http:
            return f"{where} did not answer within {self.timeout:g} s"
        if isinstance(exc, GeocoderUnavailable):
            why = "connection refused" if "refused" in str(exc).lower() else "network error"
            return f"{where} is unreachable ({why})"
        if isinstance(exc, GeocoderParseError):
            return f"{where} sent an answer that is not valid JSON"
        return f"{where} is unavailable{http or ': ' + str(exc)}"
