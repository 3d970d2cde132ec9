"""A Nominatim + Photon look-alike on 127.0.0.1, so geocoder tests never touch the network.

GET /search?q=...&format=json  answers like Nominatim (addressdetails, extratags);
GET /api?q=...                 answers like Photon (GeoJSON FeatureCollection).
`mode` makes it misbehave: "ok", "slow", "500", "429", "badjson". Every request is
recorded with its arrival time (time.monotonic) so tests can count and space them.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

NOMINATIM = {
    "kherson": [
        {
            "place_id": 298765, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
            "osm_type": "relation", "osm_id": 1732331, "lat": "46.6354170", "lon": "32.6168670",
            "class": "boundary", "type": "administrative", "place_rank": 16, "importance": 0.62,
            "addresstype": "city", "name": "Kherson",
            "display_name": "Kherson, Kherson Urban Hromada, Kherson Raion, Kherson Oblast, 73000, Ukraine",
            "address": {"city": "Kherson", "district": "Kherson Raion", "state": "Kherson Oblast",
                        "ISO3166-2-lvl4": "UA-65", "postcode": "73000", "country": "Ukraine",
                        "country_code": "ua"},
            "extratags": {"population": "283649", "wikidata": "Q2107"},
            "boundingbox": ["46.5730", "46.7085", "32.4564", "32.7425"],
        },
        {
            "place_id": 298766, "osm_type": "relation", "osm_id": 3141618, "lat": "46.7", "lon": "33.3",
            "class": "boundary", "type": "administrative", "place_rank": 8, "addresstype": "state",
            "name": "Kherson Oblast", "display_name": "Kherson Oblast, Ukraine",
            "address": {"state": "Kherson Oblast", "country": "Ukraine", "country_code": "ua"},
        },
    ],
    "kakhovka reservoir": [
        {
            "place_id": 11, "osm_type": "relation", "osm_id": 2826420, "lat": "47.3", "lon": "34.3",
            "class": "natural", "type": "water", "place_rank": 22,
            "name": "Kakhovka Reservoir", "display_name": "Kakhovka Reservoir, Ukraine",
            "address": {"water": "Kakhovka Reservoir", "country": "Ukraine", "country_code": "ua"},
            "extratags": {"water": "reservoir"},
        },
    ],
}

PHOTON = {
    "kherson": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [32.616867, 46.635417]},
         "properties": {"osm_type": "N", "osm_id": 337468345, "osm_key": "place", "osm_value": "city",
                        "type": "city", "name": "Kherson", "countrycode": "UA", "country": "Ukraine",
                        "state": "Kherson Oblast", "county": "Kherson Raion"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-96.62, 35.8]},
         "properties": {"osm_type": "N", "osm_id": 151, "osm_key": "place", "osm_value": "hamlet",
                        "type": "city", "name": "Kherson", "countrycode": "US", "country": "United States",
                        "state": "Oklahoma"}},
    ],
    "nova kakhovka": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [33.3792, 46.7554]},
         "properties": {"osm_type": "W", "osm_id": 42, "osm_key": "waterway", "osm_value": "dam",
                        "type": "other", "name": "Kakhovka Dam", "countrycode": "UA",
                        "state": "Kherson Oblast"}},
    ],
}


@dataclass
class Request:
    at: float  # time.monotonic() when the server read it
    path: str
    params: dict[str, str]
    headers: dict[str, str]


class FakeGeocoderServer:
    def __init__(self, delay: float = 3.0):
        self.mode = "ok"
        self.delay = delay  # how long "slow" makes the client wait
        self.requests: list[Request] = []
        self._release = threading.Event()  # lets slow handlers finish at shutdown
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeGeocoderServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeGeocoderServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def answer(self, path: str, query: str) -> object:
        key = " ".join(query.lower().split())
        if path == "/search":
            return NOMINATIM.get(key, [])
        if path == "/api":
            return {"type": "FeatureCollection", "features": PHOTON.get(key, [])}
        return None


def _handler(server: FakeGeocoderServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            params = {k: v[-1] for k, v in parse_qs(url.query).items()}
            server.requests.append(Request(time.monotonic(), url.path, params, dict(self.headers)))
            mode = server.mode
            try:
                if mode == "slow":
                    server._release.wait(server.delay)
                if mode == "500":
                    return self._send(500, b"Internal Server Error", "text/plain")
                if mode == "429":
                    return self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": "30"})
                if mode == "badjson":
                    return self._send(200, b"{\"features\": [", "application/json")
                body = server.answer(url.path, params.get("q", ""))
                if body is None:
                    return self._send(404, b"not found", "text/plain")
                self._send(200, json.dumps(body).encode(), "application/json")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def _send(self, status, body, ctype, headers=None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep pytest output clean
            pass

    return Handler
