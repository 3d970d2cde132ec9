"""Online geocoders against a fake Nominatim/Photon on 127.0.0.1: mapping, cache, failures."""

from __future__ import annotations

import ipaddress
import socket
import time

import pytest
from fake_geocoder_server import FakeGeocoderServer

from geo.errors import GeocoderError
from geo.geocoders import (
    CircuitBreaker, GeocodeCache, GeoNamesGeocoder, MapBoxGeocoder, NominatimGeocoder,
    OpenCageGeocoder, PeliasGeocoder, PhotonGeocoder, from_spec,
)
from geo.geocoders.features import from_osm
from geo.types import FEATURES, Place

SERVICES = [NominatimGeocoder, PhotonGeocoder]


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail any test whose code opens a connection anywhere but this machine."""
    connect, outside = socket.socket.connect, []

    def guarded(sock, address):
        inet = sock.family in (socket.AF_INET, socket.AF_INET6)
        if inet and not ipaddress.ip_address(address[0]).is_loopback:
            outside.append(address)  # recorded: the code under test swallows the error below
            raise ConnectionRefusedError(f"test guard: no connections to {address}")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield
    assert not outside, f"connections left this machine: {outside}"


@pytest.fixture
def server():
    with FakeGeocoderServer() as srv:
        yield srv


@pytest.fixture
def make(server, tmp_path):
    def make(cls=NominatimGeocoder, url=None, **options):
        options.setdefault("cache", GeocodeCache(tmp_path / "cache.sqlite"))
        options.setdefault("timeout", 2.0)
        return cls(url or server.url, **options)
    return make


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


# -- normal answers --------------------------------------------------------------------

def test_nominatim_answer_becomes_places(server, make):
    places = make().lookup("Kherson", country="ua")
    assert places[0] == Place(
        id="nominatim:R1732331", name="Kherson", lat=46.635417, lon=32.616867, feature="city",
        country="UA", admin1="Kherson Oblast", population=283649, source="nominatim",
    )
    assert places[1].feature == "region"  # boundary whose addresstype is "state"
    [request] = server.requests
    assert request.path == "/search"
    assert request.params.items() >= {"q": "Kherson", "format": "json", "addressdetails": "1",
                                      "countrycodes": "ua", "limit": "5"}.items()
    assert request.headers["User-Agent"].startswith("geo-events-map/")


def test_nominatim_water_subtag_picks_reservoir(make):
    [place] = make().lookup("Kakhovka Reservoir")
    assert (place.id, place.feature, place.country) == ("nominatim:R2826420", "reservoir", "UA")


def test_photon_answer_becomes_places_filtered_by_country(server, make):
    geocoder = make(PhotonGeocoder)
    assert geocoder.lookup("Kherson", country="UA") == [Place(
        id="photon:N337468345", name="Kherson", lat=46.635417, lon=32.616867, feature="city",
        country="UA", admin1="Kherson Oblast", source="photon",
    )]
    assert [p.country for p in geocoder.lookup("Kherson")] == ["UA", "US"]
    [dam] = geocoder.lookup("Nova Kakhovka")
    assert (dam.id, dam.feature) == ("photon:W42", "dam")
    assert server.requests[0].path == "/api" and server.requests[0].params["q"] == "Kherson"


def test_limit_cuts_the_answer(make):
    assert len(make().lookup("Kherson", limit=1)) == 1


def test_unknown_name_is_empty_without_status(make):
    geocoder = make()
    assert geocoder.lookup("Nowhereville") == []
    assert geocoder.status is None


# -- cache -----------------------------------------------------------------------------

@pytest.mark.parametrize("cls", SERVICES)
def test_cache_answers_the_second_lookup(server, make, tmp_path, cls):
    first = make(cls).lookup("Kherson")
    assert make(cls).lookup("  kherson ") == first  # new process, same file, normalised name
    assert make(cls).lookup("Nowhereville") == []
    assert make(cls).lookup("NOWHEREVILLE") == []  # empty answers are cached too
    assert len(server.requests) == 2


def test_cache_key_includes_country_and_larger_limit_asks_again(server, make):
    geocoder = make()
    geocoder.lookup("Kherson", limit=1)
    geocoder.lookup("Kherson", country="UA", limit=1)
    assert len(server.requests) == 2
    assert len(geocoder.lookup("Kherson", limit=5)) == 2  # the first answer was cut at 1
    assert len(geocoder.lookup("Kherson", limit=3)) == 2  # ...this one was complete
    assert len(server.requests) == 3


def test_failures_are_not_cached(server, make):
    geocoder = make()
    server.mode = "500"
    assert geocoder.lookup("Kherson") == []
    server.mode = "ok"
    assert geocoder.lookup("Kherson")[0].name == "Kherson"
    assert geocoder.status is None
    assert len(server.requests) == 2


# -- failures --------------------------------------------------------------------------

def test_slow_answer_times_out(server, make):
    server.mode = "slow"
    geocoder = make(timeout=0.5)
    start = time.monotonic()
    assert geocoder.lookup("Kherson") == []
    assert time.monotonic() - start < 0.5 + 1
    assert "did not answer within 0.5 s" in geocoder.status


@pytest.mark.parametrize("cls", SERVICES)
@pytest.mark.parametrize("mode, message", [
    ("500", "unavailable (HTTP 500)"),
    ("429", "too many requests (HTTP 429)"),
    ("badjson", "not valid JSON"),
])
def test_bad_answers_give_nothing_and_say_why(server, make, cls, mode, message):
    server.mode = mode
    geocoder = make(cls)
    assert geocoder.lookup("Kherson") == []
    assert message in geocoder.status


def test_429_retry_after_pauses_the_service(server, make):
    server.mode = "429"  # with Retry-After: 30
    geocoder = make()
    geocoder.lookup("Kherson")
    server.mode = "ok"
    assert geocoder.lookup("Odesa") == []
    assert len(server.requests) == 1
    assert "not asking again for 30 s" in geocoder.status


def test_connection_refused(make):
    geocoder = make(url=closed_port_url())
    assert geocoder.lookup("Kherson") == []
    assert "unreachable (connection refused)" in geocoder.status


def test_circuit_breaker_stops_calls_after_three_failures(server, make):
    now = [1000.0]
    geocoder = make(breaker=CircuitBreaker(threshold=3, cooldown=60, clock=lambda: now[0]))
    server.mode = "500"
    for name in ("A", "B", "C"):
        assert geocoder.lookup(name) == []
    assert len(server.requests) == 3
    assert "not asking again for 60 s" in geocoder.status

    server.mode = "ok"
    start = time.monotonic()
    assert geocoder.lookup("Kherson") == []
    assert time.monotonic() - start < 0.1
    assert len(server.requests) == 3

    now[0] += 61  # cool-down over: one trial call, which succeeds and closes the breaker
    assert geocoder.lookup("Kherson")[0].name == "Kherson"
    assert geocoder.status is None and geocoder.breaker.failures == 0


def test_failed_trial_after_cooldown_reopens_at_once(server, make):
    now = [0.0]
    geocoder = make(breaker=CircuitBreaker(threshold=3, cooldown=60, clock=lambda: now[0]))
    server.mode = "500"
    for name in ("A", "B", "C"):
        geocoder.lookup(name)
    now[0] += 61
    geocoder.lookup("D")
    geocoder.lookup("E")
    assert [r.params["q"] for r in server.requests] == ["A", "B", "C", "D"]


def test_rate_limiter_spaces_requests(server, make):
    geocoder = make(min_delay=0.3)
    for name in ("Kherson", "Odesa", "Mykolaiv"):
        geocoder.lookup(name)
    times = [r.at for r in server.requests]
    assert len(times) == 3
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.3


def test_environment_proxy_is_not_used_for_loopback(server, make, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://10.255.255.1:9")  # the guard fails if used
    monkeypatch.setenv("http_proxy", "http://10.255.255.1:9")
    assert make().lookup("Kherson")


# -- from_spec -------------------------------------------------------------------------

@pytest.fixture
def env(monkeypatch, tmp_path):
    for name in ("GEO_GEOCODER", "GEO_GEOCODER_KEY", "GEO_GEOCODER_MIN_DELAY", "GEO_GEOCODER_TIMEOUT",
                 "OPENCAGE_API_KEY", "GEONAMES_USERNAME", "MAPBOX_ACCESS_TOKEN", "PELIAS_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "data"))
    return monkeypatch


def test_unknown_spec_lists_the_accepted_ones(env):
    with pytest.raises(GeocoderError) as err:
        from_spec("bing")
    for name in ("nominatim", "photon", "pelias", "opencage", "geonames", "mapbox"):
        assert name in str(err.value)


@pytest.mark.parametrize("spec, message", [
    ("pelias", "needs the server's URL"),
    ("opencage", "GEO_GEOCODER_KEY or OPENCAGE_API_KEY"),
    ("photon:ftp://example", "not a geocoder URL"),
])
def test_incomplete_spec_says_what_is_missing(env, spec, message):
    with pytest.raises(GeocoderError, match=message):
        from_spec(spec)


def test_no_spec_means_no_geocoder(env):
    assert from_spec() is None
    assert from_spec("none") is None


def test_spec_from_environment(server, env, tmp_path):
    env.setenv("GEO_GEOCODER", f"photon:{server.url}")
    env.setenv("GEO_GEOCODER_TIMEOUT", "2")
    geocoder = from_spec()
    assert isinstance(geocoder, PhotonGeocoder)
    assert (geocoder.timeout, geocoder.min_delay) == (2.0, 0.0)  # loopback: no spacing
    assert from_spec() is geocoder  # one per process: rate limit and breaker are shared
    assert geocoder.lookup("Kherson")
    assert (tmp_path / "data" / "geocoder-cache.sqlite").exists()


def test_public_nominatim_keeps_one_request_per_second(env, tmp_path):
    env.setenv("GEO_GEOCODER_MIN_DELAY", "0")
    geocoder = from_spec("nominatim", cache_path=tmp_path / "c.sqlite")
    assert geocoder.endpoint.url == "https://nominatim.openstreetmap.org"
    assert geocoder.min_delay == 1.0


def test_keyed_service_takes_key_from_environment(env, tmp_path):
    env.setenv("OPENCAGE_API_KEY", "k-123")
    geocoder = from_spec("opencage", cache_path=tmp_path / "c.sqlite")
    assert isinstance(geocoder, OpenCageGeocoder) and geocoder.geocoder.api_key == "k-123"
    env.setenv("GEO_GEOCODER_KEY", "someone")
    assert from_spec("geonames", cache_path=tmp_path / "c.sqlite").geocoder.username == "someone"


# -- mapping of the keyed services (no HTTP: their answers as geopy hands them over) ----

def _place(cls, raw):
    return cls("http://127.0.0.1:1", key="k")._place(raw)


def test_pelias_mapping():
    place = _place(PeliasGeocoder, {
        "geometry": {"coordinates": [32.6, 46.6]},
        "properties": {"gid": "whosonfirst:locality:101751119", "layer": "locality", "name": "Kherson",
                       "country_code": "UA", "region": "Kherson", "label": "Kherson, Ukraine"}})
    assert (place.id, place.feature, place.country, place.lat) == (
        "pelias:whosonfirst:locality:101751119", "city", "UA", 46.6)


def test_opencage_mapping():
    place = _place(OpenCageGeocoder, {
        "components": {"_type": "river", "river": "Dnipro", "country_code": "ua", "state": "Kherson Oblast"},
        "formatted": "Dnipro, Ukraine", "geometry": {"lat": 46.5, "lng": 32.3}})
    assert (place.name, place.feature, place.country) == ("Dnipro", "river", "UA")


def test_geonames_mapping_shares_gazetteer_ids():
    place = _place(GeoNamesGeocoder, {
        "geonameId": 706448, "name": "Kherson", "lat": "46.63", "lng": "32.61", "countryCode": "UA",
        "fcl": "P", "fcode": "PPLA", "adminName1": "Kherson", "adminCode1": "08", "population": 283649})
    assert (place.id, place.geonames_id, place.admin1_code, place.feature) == (
        "gn:706448", 706448, "UA.08", "city")


def test_mapbox_mapping():
    place = _place(MapBoxGeocoder, {
        "id": "place.123", "place_type": ["place"], "text": "Kherson", "center": [32.6, 46.6],
        "context": [{"id": "region.9", "text": "Kherson Oblast", "short_code": "UA-65"},
                    {"id": "country.7", "text": "Ukraine", "short_code": "ua"}]})
    assert (place.id, place.country, place.admin1, place.feature) == (
        "mapbox:place.123", "UA", "Kherson Oblast", "city")


@pytest.mark.parametrize("key, value, feature", [
    ("place", "village", "city"), ("waterway", "river", "river"), ("power", "plant", "power_plant"),
    ("aeroway", "aerodrome", "airport"), ("man_made", "bridge", "bridge"), ("amenity", "cafe", "landmark"),
])
def test_osm_tags_map_into_our_features(key, value, feature):
    assert from_osm(key, value) == feature in FEATURES
