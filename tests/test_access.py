"""A shared library: far corrections ask first, who did what is recorded, each user undoes their
own, failed uploads are listed, long uploads parse in windows (the dashboard through AppTest)."""

from __future__ import annotations

from geo.library.audit import AuditLog
from geo.library.failures import FailureLog
from geo.store import Store
from test_app import app, articles_page, library_file, pick, upload  # noqa: F401 - fixtures

FAR = "This moves every mention of Kherson by "


def audit(path) -> AuditLog:
    with Store.open(path) as store:
        return AuditLog.beside(store)


def test_a_far_pin_asks_first_then_is_recorded(app, library_file):
    pick(app, "Kherson")
    app.number_input(key="corr_lat").set_value(0.0)
    app.number_input(key="corr_lon").set_value(0.0)
    app.button(key="corr_pin").click().run()
    assert not app.exception
    (question,) = [w.value for w in app.warning if FAR in w.value.replace("\\", "")]
    assert "by 6,079 km, to Kherson (0.000, 0.000)" in question.replace("\\", "")
    with Store.open(library_file) as store:
        assert not store.corrections()  # nothing until confirmed

    app.button(key="corr_confirm").click().run()
    assert not app.exception
    with Store.open(library_file) as store:
        (correction,) = store.corrections()
    (row,) = audit(library_file).actions("correct")
    assert row.target == str(correction.id) and row.who == "" and row.detail == "kherson -> Kherson (0.0000, 0.0000)"


def test_a_near_choice_applies_at_once(app, library_file):
    pick(app, "Kherson")
    options = app.selectbox(key="corr_pick").options
    app.selectbox(key="corr_pick").select_index(next(i for i, o in enumerate(options) if "Airport" in o))
    app.button(key="corr_apply").click().run()
    assert not [w for w in app.warning if FAR in w.value.replace("\\", "")]
    with Store.open(library_file) as store:
        assert len(store.corrections()) == 1


def test_each_user_undoes_their_own_corrections(app, library_file, monkeypatch):
    monkeypatch.setattr("ui.access.current_user", lambda: "alice@example.org")
    pick(app, "Kherson")
    options = app.selectbox(key="corr_pick").options
    app.selectbox(key="corr_pick").select_index(next(i for i, o in enumerate(options) if "Airport" in o))
    app.button(key="corr_apply").click().run()
    with Store.open(library_file) as store:
        (correction,) = store.corrections()
    assert audit(library_file).author("correct", str(correction.id)) == "alice@example.org"
    undo_key = f"undo_{correction.id}"
    pick(app, "Kherson International Airport")
    assert [b for b in app.button if b.key == undo_key]

    monkeypatch.setattr("ui.access.current_user", lambda: "bob@example.org")
    app.run()
    assert not [b for b in app.button if b.key == undo_key]  # Bob sees no undo for Alice's correction

    monkeypatch.setattr("ui.access.current_user", lambda: "alice@example.org")
    app.run()
    app.button(key=undo_key).click().run()
    with Store.open(library_file) as store:
        assert not store.corrections()
    assert [a.who for a in audit(library_file).actions("undo")] == ["alice@example.org"]


def test_removal_is_recorded_with_who_and_when(app, library_file):
    page = articles_page()
    (info,) = page.session_state["library"].articles()
    page.button(key=f"remove_{info.id}").click().run()
    (row,) = audit(library_file).actions("remove")
    assert row.target == info.id and row.at.endswith("+00:00")


def test_failed_upload_is_recorded_and_listed_then_forgotten_when_fixed(app, library_file):
    upload(app, ("notes.txt", b"", "text/plain"), ("ok.txt", b"Shelling hit Kharkiv overnight.", "text/plain"))
    assert [e.value for e in app.error] == ["notes\\.txt is empty"]
    with Store.open(library_file) as store:
        assert [(f.name, f.reason, f.step) for f in FailureLog.beside(store).failures()] == [
            ("notes.txt", "notes.txt is empty", "upload")]
        assert "Kharkiv" in {e.place.name for e in store.place_mentions()}  # the good one was kept
    page = articles_page()
    assert [e.label for e in page.expander if "could not be added" in e.label] == ["1 file could not be added"]

    upload(app, ("notes.txt", b"Drones struck Odesa.", "text/plain"))
    with Store.open(library_file) as store:
        assert FailureLog.beside(store).failures() == []


def test_a_long_upload_parses_in_windows(app, library_file):
    text = ("Nothing happened at the committee meeting today. " * 60 + "\n\n") * 60 + "Shelling hit Kherson."
    upload(app, ("long.txt", text.encode(), "text/plain"))
    assert not app.error
    notes = [w.value.replace("\\", "") for w in app.warning]
    assert any("long.txt: long text: parsed in 2 parts of at most 100,000 characters" in n for n in notes), notes


def test_a_configured_login_comes_before_any_page():
    from streamlit.testing.v1 import AppTest

    from factories import ROOT

    at = AppTest.from_file(str(ROOT / "pages" / "3_About.py"), default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "geo", "client_secret": "s",
                          "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
    at.run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Log in"]
    assert [i.value for i in at.info] == ["This library is shared: log in to see it."]
    assert not at.markdown or all("About" not in m.value for m in at.markdown)


def test_a_proxy_header_is_required_when_configured(monkeypatch):
    from streamlit.testing.v1 import AppTest

    from factories import ROOT

    monkeypatch.setenv("GEO_USER_HEADER", "X-Forwarded-User")
    at = AppTest.from_file(str(ROOT / "pages" / "1_Articles.py"), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] == ["This dashboard is served through its login proxy; open it there."]
    assert not at.title  # nothing of the library was shown
