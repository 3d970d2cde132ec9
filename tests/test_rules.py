"""Every named rule can be switched off, by the pipeline's own ``without``; `geo eval --without`
and GEO_WITHOUT only fill it (issue 17)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import GeoError
from geo.geoparse.front import km_to_front
from geo.types import Document

GEO = Path(__file__).resolve().parents[1] / "geo"
TEXT = "Russian troops shelled Ivanivka, Kharkiv, with mortars. Nobody was hurt."


def rule_names() -> list[str]:
    import geo.geoparse.pipeline  # noqa: F401 - every stage's rules register as it loads
    from geo.rules import REGISTRY

    return list(REGISTRY)


def test_every_switch_a_stage_asks_about_is_a_registered_rule():
    asked = {m.group(1) for path in GEO.rglob("*.py")
             for m in re.finditer(r'\bon\("(\w+)"\)', path.read_text(encoding="utf-8"))}
    assert asked and asked <= set(rule_names()), sorted(asked - set(rule_names()))


def test_geo_rules_lists_every_rule_once(capsys):
    assert main(["rules", "--json"]) == 0
    listed = [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()]
    assert sorted(listed) == sorted(rule_names()) and len(set(listed)) == len(listed)


@pytest.mark.parametrize("name", rule_names())
def test_every_rule_is_accepted_by_the_pipeline(pipeline, name):
    from geo.geoparse.pipeline import Pipeline

    assert Pipeline(pipeline.gazetteer, pipeline.nlp, stages=[], without={name}).without == {name}


def test_an_unknown_rule_is_refused(pipeline):
    from geo.geoparse.pipeline import Pipeline

    with pytest.raises(GeoError, match="no rule named no_such_rule"):
        Pipeline(pipeline.gazetteer, pipeline.nlp, stages=[], without={"no_such_rule"})


def test_geo_eval_accepts_every_rule_geo_rules_names(tmp_path, geo_data_dir, monkeypatch, capsys):
    monkeypatch.setenv("GEO_WITHOUT", "")  # restored afterwards: the command fills it
    corpus = tmp_path / "captions.csv"
    corpus.write_text("id,text,location,latitude,longitude\n"
                      "c1,Russian forces shelled Kupiansk on Monday.,Kupiansk,49.7106,37.6156\n", encoding="utf-8")
    assert main(["eval", str(corpus), "--json", "--workers", "1", "--without", ",".join(rule_names())]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["texts"] == 1
    assert main(["eval", str(corpus), "--without", "soft_votes,no_such_rule"]) == 2
    assert "no_such_rule" in capsys.readouterr().out


def test_the_switch_belongs_to_the_pipeline_not_to_the_process(pipeline, monkeypatch):
    from geo.geoparse.pipeline import Pipeline

    def place(p):
        [found] = [r.place for r in p.parse(Document(TEXT)).resolutions if r.mention.text == "Ivanivka"]
        return found

    without = Pipeline(pipeline.gazetteer, pipeline.nlp, stages=pipeline.stages, without={"namesake_near_front"})
    assert km_to_front(place(without).lat, place(without).lon) > 10
    assert km_to_front(place(pipeline).lat, place(pipeline).lon) < 10  # the other pipeline is unchanged
    monkeypatch.setenv("GEO_WITHOUT", "namesake_near_front")  # only fills a pipeline made after
    assert km_to_front(place(pipeline).lat, place(pipeline).lon) < 10


def test_a_switched_off_rule_leaves_what_a_span_is(pipeline):
    # The passes over the document and resolution read whether a span is a demonym: switching
    # the rule `demonym` off changes whether such a span is a place, not what it is.
    from geo.geoparse.cues import DocContext
    from geo.geoparse.recognize_rules import decide
    from geo.rules import switched_off

    doc = pipeline.nlp("Ukrainian troops entered Kupiansk on Monday.")
    ctx = DocContext(doc, {0}, pipeline.gazetteer)
    [span] = [s for s in pipeline.recogniser.gazetteer_spans(doc) if s.text == "Ukrainian"]
    with switched_off(frozenset({"demonym"})):
        decide(ctx, span, ctx.entity_of.get(span.start), False, pipeline.recogniser.common)
    assert span.demonym
