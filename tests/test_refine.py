"""Stages after resolution: the online fallback (against a fake Nominatim on 127.0.0.1) and the
user's corrections (stored, applied to later articles, undone, kept across reopening)."""

from __future__ import annotations

import ipaddress
import json
import socket
import time

import pytest
from fake_geocoder_server import FakeGeocoderServer

from geo.cli import main
from geo.library.corrections import CorrectionStage, apply_corrections, context_of, correct, user_place
from geo.geoparse.fallback import ONLINE_SCORE, GeocoderFallback, dominant_country
from geo.geocoders import GeocodeCache, NominatimGeocoder
from geo.geoparse.pipeline import Pipeline
from geo.store import Store
from geo.types import Document

# The gazetteer knows Kherson and Ukraine but not the village; spaCy calls it a GPE.
VILLAGE_TEXT = "Shelling hit Kherson, Beryslav and Zirkopillia in Ukraine on Monday."
VILLAGE = {
    "place_id": 7, "osm_type": "node", "osm_id": 5551, "lat": "47.2331", "lon": "33.9515",
    "class": "place", "type": "village", "place_rank": 19, "name": "Zirkopillia",
    "display_name": "Zirkopillia, Kherson Oblast, Ukraine",
    "address": {"village": "Zirkopillia", "state": "Kherson Oblast", "country": "Ukraine",
                "country_code": "ua"},
}
# An unknown name before a facility word, asked online: OSM has it as a military checkpoint.
CHECKPOINT_TEXT = "Russian troops were seen near Qwertyvka Checkpoint on Monday, Ukraine's army said."
CHECKPOINT = {
    "place_id": 8, "osm_type": "node", "osm_id": 5552, "lat": "47.41", "lon": "35.12",
    "class": "military", "type": "checkpoint", "place_rank": 30, "name": "Qwertyvka Checkpoint",
    "display_name": "Qwertyvka Checkpoint, Zaporizhzhia Oblast, Ukraine",
    "address": {"military": "Qwertyvka Checkpoint", "state": "Zaporizhzhia Oblast", "country": "Ukraine",
                "country_code": "ua"},
}
UA_ODESSA = "Drones struck Odessa on the Black Sea overnight, Ukraine's air force said, after attacks on Mykolaiv."
UA_LATER = "Drones hit Odessa and Kherson overnight, officials in Ukraine said."
UA_MYKOLAIV = "Shelling hit Mykolaiv and Kherson overnight, officials in Ukraine said."
US_ODESSA = "The oil boom reached Odessa, Texas, where rigs crowd the Permian Basin near Midland."


class Server(FakeGeocoderServer):
    def answer(self, path, query):
        if path == "/search" and query.lower() == "zirkopillia":
            return [VILLAGE]
        if path == "/search" and query.lower() == "qwertyvka checkpoint":
            return [CHECKPOINT]
        return super().answer(path, query)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail any test whose code opens a connection anywhere but this machine."""
    connect, outside = socket.socket.connect, []

    def guarded(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not ipaddress.ip_address(address[0]).is_loopback:
            outside.append(address)
            raise ConnectionRefusedError(f"test guard: no connections to {address}")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield
    assert not outside, f"connections left this machine: {outside}"


@pytest.fixture(scope="module")
def base(geo_data_dir):
    from geo.geoparse.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def server():
    with Server() as srv:
        yield srv


def staged(base, *stages):
    """A pipeline sharing the loaded gazetteer and model, with only the given stages."""
    return Pipeline(base.gazetteer, base.nlp, stages=list(stages))


@pytest.fixture
def pipeline(base, server, tmp_path):
    """A pipeline asking the fake Nominatim through a fresh geocoder (own cache and breaker)."""
    def make(mode="fallback", timeout=2.0):
        geocoder = NominatimGeocoder(server.url, cache=GeocodeCache(tmp_path / "cache.sqlite"),
                                     timeout=timeout)
        return staged(base, GeocoderFallback(geocoder, mode))
    return make


def by_text(parsed):
    return {r.mention.text: r for r in parsed.resolutions}


# -- online fallback -------------------------------------------------------------------

def test_unknown_village_is_resolved_online_with_the_documents_country(pipeline, server, base):
    offline = by_text(base.parse(Document(VILLAGE_TEXT), refine=False))
    assert offline["Zirkopillia"].place is None
    parsed = pipeline().parse(Document(VILLAGE_TEXT))
    found = by_text(parsed)
    village = found["Zirkopillia"]
    assert (village.place.id, village.place.source, village.place.feature) == ("nominatim:N5551", "nominatim", "city")
    assert village.score == ONLINE_SCORE and parsed.notes == []
    assert found["Kherson"] == offline["Kherson"]  # resolved offline: not asked
    [request] = server.requests
    assert request.params["q"] == "Zirkopillia" and request.params["countrycodes"] == "ua"


def test_a_checkpoint_the_service_knows_places_the_mention_and_its_event(pipeline, server):
    # Issue 20: checkpoints, bases and depots are where events happen; nationality words
    # ("Russian troops") are actors, not the story's country to search in.
    parsed = pipeline().parse(Document(CHECKPOINT_TEXT, date="2024-03-14"))
    checkpoint = by_text(parsed)["Qwertyvka Checkpoint"]
    assert (checkpoint.place.id, checkpoint.place.feature) == ("nominatim:N5552", "landmark")
    assert server.requests[0].params["countrycodes"] == "ua"


def test_online_first_asks_for_every_mention_and_keeps_the_offline_reading(pipeline, server, base):
    offline = by_text(base.parse(Document(VILLAGE_TEXT), refine=False))
    found = by_text(pipeline(mode="first").parse(Document(VILLAGE_TEXT)))
    kherson = found["Kherson"]
    assert kherson.place.id == "nominatim:R1732331"
    assert kherson.alternatives[0] == offline["Kherson"].place
    assert found["Ukraine"] == offline["Ukraine"]  # the service knows no "Ukraine": offline stands
    assert sorted(r.params["q"] for r in server.requests) == ["Beryslav", "Kherson", "Ukraine", "Zirkopillia"]


@pytest.mark.parametrize("mode, message", [("500", "(HTTP 500)"), ("slow", "did not answer within 0.5 s")])
def test_failing_service_leaves_the_offline_answer_and_says_so(pipeline, server, base, mode, message):
    server.mode = mode
    offline = base.parse(Document(VILLAGE_TEXT), refine=False)
    start = time.monotonic()
    parsed = pipeline(mode="first", timeout=0.5).parse(Document(VILLAGE_TEXT))
    assert time.monotonic() - start < 0.5 + 1
    assert parsed.resolutions == offline.resolutions
    [note] = parsed.notes
    assert note.startswith("geocoder nominatim unavailable: ") and message in note
    assert len(server.requests) == 1  # the first failure stops asking for this document


def test_without_geocoder_nothing_is_asked(base, server, monkeypatch, tmp_path):
    monkeypatch.delenv("GEO_GEOCODER", raising=False)
    monkeypatch.setenv("GEO_GEOCODER_MODE", "first")
    quiet = Pipeline(base.gazetteer, base.nlp)
    assert quiet.stages == []
    assert by_text(quiet.parse(Document(VILLAGE_TEXT)))["Zirkopillia"].place is None
    assert server.requests == []
    # ...and the same environment naming the service makes the default pipeline ask it.
    monkeypatch.setenv("GEO_GEOCODER", f"nominatim:{server.url}")
    monkeypatch.setenv("GEO_GEOCODER_MODE", "fallback")
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))  # the geocoder cache goes there
    online = Pipeline(base.gazetteer, base.nlp)
    assert by_text(online.parse(Document(VILLAGE_TEXT)))["Zirkopillia"].place.id == "nominatim:N5551"
    assert len(server.requests) == 1


def test_misconfigured_geocoder_parses_offline_with_a_note(base, monkeypatch):
    monkeypatch.setenv("GEO_GEOCODER", "bing")
    parsed = Pipeline(base.gazetteer, base.nlp).parse(Document(VILLAGE_TEXT))
    assert by_text(parsed)["Kherson"].place.id == "gn:706448"
    assert parsed.notes and parsed.notes[0].startswith("geocoder bing unavailable: unknown geocoder")


# -- corrections -----------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    return tmp_path / "library.sqlite"


def index_of(parsed, text):
    return next(i for i, r in enumerate(parsed.resolutions) if r.mention.text == text)


def test_correction_follows_the_name_in_later_articles_until_undone(base, db):
    offline = staged(base)
    first = offline.parse(Document(UA_ODESSA))
    assert (dominant_country(first), context_of(first)) == ("UA", "country:UA")
    gazetteer_choice = by_text(first)["Mykolaiv"].place
    other = by_text(first)["Mykolaiv"].alternatives[1]  # another candidate the UI offered
    with Store.open(db) as store:
        store.save(first)
        fixed = correct(store, first, index_of(first, "Mykolaiv"), other)
        store.replace_resolutions(first.doc.id, fixed)
        r = by_text(store.parsed(first.doc.id))["Mykolaiv"]
        assert (r.place, r.score, r.alternatives[0]) == (other, 1.0, gazetteer_choice)
        [c] = store.corrections()
        assert (c.name, c.context) == ("mykolaiv", "country:UA")

        corrected = staged(base, CorrectionStage(store.corrections))
        assert by_text(corrected.parse(Document(UA_MYKOLAIV)))["Mykolaiv"].place == other
        assert store.undo_correction(c.id)
        assert by_text(corrected.parse(Document(UA_MYKOLAIV)))["Mykolaiv"].place == gazetteer_choice


def test_a_correction_under_one_spelling_is_user_set_under_every_spelling(base, db):
    # Issue 17: one name key. Corrected as "Mykolaiv", shown as user set where an article says
    # "Mykolayiv"; the undo list finds it there too.
    from geo.library import StoreLibrary
    from ui.corrections import corrections_for, user_set_ids

    offline = staged(base)
    first = offline.parse(Document(UA_ODESSA))
    pin = user_place(47.0, 32.0, name="My Mykolaiv")
    later = offline.parse(Document("Shelling hit Mykolayiv and Kherson overnight, officials in Ukraine said."))
    with Store.open(db) as store:
        store.save(first)
        store.replace_resolutions(first.doc.id, correct(store, first, index_of(first, "Mykolaiv"), pin))
        relabelled = staged(base, CorrectionStage(store.corrections)).parse(later.doc)
        store.save(relabelled)
        lib = StoreLibrary(store)
        spelt = [e for e in lib.place_mentions() if e.mention.text == "Mykolayiv"]
        assert spelt and spelt[0].place == pin
        assert user_set_ids(lib, spelt) == {pin.id}
        assert [c.place for c in corrections_for(store, spelt)] == [pin]


def test_dropped_pin_survives_reopening_and_respects_the_context(base, db):
    offline = staged(base)
    first = offline.parse(Document(UA_ODESSA))
    pin = user_place(46.4846, 30.7326, "port", "Odesa port")
    assert (pin.id, pin.source, pin.feature) == ("user:46.4846,30.7326", "user", "port")
    with Store.open(db) as store:
        correct(store, first, index_of(first, "Odessa"), pin)
    with Store.open(db) as store:  # a new process, say
        corrections = store.corrections()
    assert [c.place for c in corrections] == [pin]
    later = apply_corrections(offline.parse(Document(UA_LATER)), corrections)
    odessa = by_text(later)["Odessa"]
    assert (odessa.place, odessa.score, odessa.alternatives[0].id) == (pin, 1.0, "gn:698740")
    texas = apply_corrections(offline.parse(Document(US_ODESSA)), corrections)
    assert by_text(texas)["Odessa"].place.id == "gn:5527554"  # another country: not applied


def test_ingest_applies_stored_corrections(base, db):
    from geo.library.bulk import ingest

    first = base.parse(Document(UA_ODESSA))
    pin = user_place(46.49, 30.74, name="Odesa centre")
    with Store.open(db) as store:
        correct(store, first, index_of(first, "Odessa"), pin)
        report = ingest(store, [Document(UA_LATER)], workers=1)
        assert report.added == 1
        assert by_text(store.parsed(Document(UA_LATER).id))["Odessa"].place == pin


def test_corrections_command_lists_exports_and_undoes(capsys, db, tmp_path):
    pin = user_place(46.4846, 30.7326, "port", "Odesa port")
    with Store.open(db) as store:
        cid = store.add_correction("Odessa", pin, "country:UA")
    assert main(["corrections", "list", "--db", str(db), "--json"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["place"]["id"] == pin.id
    assert main(["corrections", "undo", str(cid), "--db", str(db)]) == 0
    assert main(["corrections", "undo", str(cid), "--db", str(db)]) == 2  # already undone
    out = tmp_path / "corrections.json"
    assert main(["corrections", "export", "--db", str(db), "-o", str(out)]) == 0
    [record] = json.loads(out.read_text(encoding="utf-8"))
    assert (record["name"], record["context"], record["active"]) == ("odessa", "country:UA", False)
    capsys.readouterr()
    assert main(["corrections", "list", "--db", str(db)]) == 0
    assert capsys.readouterr().out == ""
