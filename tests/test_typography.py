"""Issue 20, eighth round (typography of web copy): a sentence set with the typography of pasted web
copy gives the events and places of the same sentence in plain ASCII, at the same offsets, and what comes
back quotes the original. The sentences are made up."""

from __future__ import annotations

import pytest

from geo.text.typography import plain
from geo.types import Document


def _read(pipeline, text, off=()):
    if off:
        from geo.geoparse.pipeline import Pipeline

        pipeline = Pipeline(pipeline.gazetteer, nlp=pipeline.nlp, stages=pipeline.stages, without=off)
    parsed = pipeline.parse(Document(text, date="2025-03-10"))
    places = [(r.mention.start, r.mention.end, r.place and r.place.id) for r in parsed.resolutions]
    events = [(e.sentence.start, e.sentence.end, e.sub_type, e.place and e.place.id, e.mention and e.mention.start,
               e.date, e.fatalities, e.injured, e.actors) for e in parsed.events]
    return parsed, places, events


# (plain ASCII, the character of web copy, what it stands for)
_FORMS = [
    ("no-break space", "Russian forces shelled the Kherson region on 9 March, killing two people.", "\u00a0", " "),
    ("narrow no-break space", "Russian troops captured the village of Ivanivka in Donetsk Oblast on Sunday.",
     "\u202f", " "),
    ("thin space", "Russian forces shelled Kherson region on March 9, killing two people and wounding 14.",
     "\u2009", " "),
    ("no-break hyphen in a name", "Russian drones hit the village of Kamianka-Dniprovska in the Zaporizhzhia region "
     "on Sunday, injuring a woman.", "\u2011", "-"),
    ("hyphen in a name", "Russian forces shelled Mariupol-Skhidnyi on Sunday, killing two people.", "\u2010", "-"),
    ("no-break hyphen in an age", "A 72-year-old man was injured in a Russian drone attack on Kherson on Sunday.",
     "\u2011", "-"),
    ("en dash in a name", "Ukrainian forces struck a Russian command post near Kamianka-Dniprovska on Monday.",
     "\u2013", "-"),
    ("prime for an apostrophe", "A Russian drone struck a fuel depot in Russia's Belgorod Region on Sunday.",
     "\u2032", "'"),
    ("modifier letter apostrophe", "Ukraine's forces shelled Donetsk on Sunday, killing two people, officials said.",
     "\u02bc", "'"),
    ("curly apostrophe naming a side", "Ukraine's forces shelled Donetsk on Sunday, killing two people, officials "
     "said.", "\u2019", "'"),
    ("curly apostrophe", "Russia's Belgorod Region: a drone attack hit an oil depot overnight, the governor said.",
     "\u2019", "'"),
]


@pytest.mark.parametrize("name,ascii_text,mark,stands_for", _FORMS, ids=[f[0] for f in _FORMS])
def test_web_typography_reads_as_plain_ascii(pipeline, name, ascii_text, mark, stands_for):
    web = ascii_text.replace(stands_for, mark)
    assert web != ascii_text and len(web) == len(ascii_text)
    parsed, places, events = _read(pipeline, web)
    assert (places, events) == _read(pipeline, ascii_text)[1:]
    assert events
    # offsets index the original: the document, its id and what is quoted are the copy as written
    assert parsed.doc.text == web
    assert all(e.doc_id == Document(web).id for e in parsed.events)
    assert all(e.sentence.text == web[e.sentence.start:e.sentence.end] for e in parsed.events)
    assert all(r.mention.text == web[r.mention.start:r.mention.end] for r in parsed.resolutions)
    assert all(s.text == web[s.start:s.end] for s in parsed.sentences)


def test_the_forms_that_differed_differ_with_the_switch_off(pipeline):
    ascii_text = "Russian forces shelled the Kherson region on 9 March, killing two people."
    web = ascii_text.replace(" ", "\u00a0")
    plain_places = _read(pipeline, ascii_text)[1]
    assert _read(pipeline, web, off=("web_typography_read_plain",))[1] != plain_places
    ascii_text = "Russian forces shelled Mariupol-Skhidnyi on Sunday, killing two people."
    assert not _read(pipeline, ascii_text.replace("-", "\u2011"), off=("web_typography_read_plain",))[2]


def test_curly_quotes_and_double_spaces_read_as_plain(pipeline):
    ascii_text = '"Russian troops shelled Kherson overnight, killing three people," the governor said on Sunday.'
    close = ascii_text.index('"', 1)
    web = "\u201c" + ascii_text[1:close] + "\u201d" + ascii_text[close + 1:]
    assert _read(pipeline, web)[1:] == _read(pipeline, ascii_text)[1:]
    spaced = "Russian forces shelled Kherson on  Sunday, killing two people.  A drone hit a house in Mykolaiv."
    single = spaced.replace("  ", " ")
    kinds = lambda events: [(e[2], e[3], e[5], e[6]) for e in events]  # noqa: E731 (offsets shift by design)
    assert kinds(_read(pipeline, spaced)[2]) == kinds(_read(pipeline, single)[2])


def test_plain_keeps_every_offset():
    text = "Russia\u02bcs drones hit Mariupol\u2011Skhidnyi\u00a0and Kamianka\u2013Dniprovska on 9\u201310 March."
    read = plain(text)
    assert len(read) == len(text)
    assert read == "Russia's drones hit Mariupol-Skhidnyi and Kamianka-Dniprovska on 9-10 March."
    # the parse before the rules reads every apostrophe as the curly one, the NER model's better form
    assert plain(text, apostrophe="\u2019")[:8] == "Russia\u2019s" and plain("Ukraine\u2019s", "\u2019") == "Ukraine\u2019s"


def test_plain_leaves_breaks_and_quotation_marks():
    text = "\u201cThe attack \u2014 the third this week\u2014was heavy,\u201d she said \u2013 and left."
    assert plain(text) == text
    assert plain("the siege of Mariupol\u2014Azovstal") == "the siege of Mariupol-Azovstal"
    assert plain("plain ASCII text") == "plain ASCII text"


def test_a_region_a_missile_came_from_is_no_place_of_the_attack(pipeline):
    text = ("Russian forces also attacked the Mykolaiv region with a guided missile fired from the airspace of the "
            "occupied Kherson region, officials said on Sunday.")
    places = [e[3] for e in _read(pipeline, text)[2]]
    assert len(places) == 1
