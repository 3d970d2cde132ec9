"""The NER model sees only windows around capitalised words, with the same labels there."""

import pytest

from geo.geoparse.ner import label_docs, windows
from geo.text.sentences import split


@pytest.fixture(scope="module")
def nlp():
    from geo.geoparse.pipeline import load_spacy

    return load_spacy()


TEXT = ("The army said that it had taken control of the bridge over the river in the early hours. "
        "It said the shelling stopped at dawn and that there were no further details for now. "
        "Residents of Kherson and Mykolaiv were told to stay indoors, the spokesman said Monday. "
        "Later the general confirmed that the roads near Holopaw were closed to all traffic.")
KNOWN = {"Kherson", "Mykolaiv"}


def test_windows_skip_lowercase_stretches_and_plain_first_words(nlp):
    doc = nlp.make_doc(TEXT)
    ranges = windows(doc, split(TEXT), knows_name=KNOWN.__contains__, margin=3)
    covered = "".join(TEXT[a:b] for a, b in ranges)
    assert "Kherson" in covered and "Mykolaiv" in covered
    assert "Holopaw" in covered  # unknown, but after "near"
    assert "bridge over the river" not in covered  # no capital in the first two sentences but "The", "It"
    assert "Monday" not in covered  # unknown and after no word that introduces a place
    assert sum(b - a for a, b in ranges) < len(TEXT) / 2


def test_a_first_word_that_names_a_place_opens_a_window(nlp):
    text = "Kherson was quiet on Monday morning, and nothing else was reported by anyone at all."
    doc = nlp.make_doc(text)
    assert windows(doc, split(text), knows_name=lambda w: w == "Kherson", margin=3)[0][0] == 0
    assert all(a > 0 for a, _ in windows(doc, split(text), knows_name=lambda w: False, margin=3))


def test_labels_in_windows_match_labels_over_the_whole_text(nlp):
    whole = {(e.start_char, e.end_char, e.label_) for e in nlp(TEXT).ents
             if any(name in e.text for name in KNOWN | {"Holopaw"})}
    doc = label_docs(nlp, [TEXT], [split(TEXT)], knows_name=KNOWN.__contains__)[0]
    assert {(e.start_char, e.end_char, e.label_) for e in doc.ents
            if any(name in e.text for name in KNOWN | {"Holopaw"})} == whole


def test_a_text_repeating_itself_is_labelled_once_per_distinct_window(geo_data_dir):
    from geo.geoparse.ner import _LONGEST, windows
    from geo.geoparse.pipeline import load_pipeline
    from geo.text.sentences import split

    text = "Shelling hit Kyiv again. " * 400
    pipeline = load_pipeline()
    doc = pipeline.nlp.make_doc(text)
    ranges = windows(doc, split(text), pipeline.gazetteer.has, text=text)
    assert all(len(pipeline.nlp.make_doc(text[a:b])) <= _LONGEST + 8 for a, b in ranges)
    assert len({text[a:b] for a, b in ranges}) < 10  # the same few windows, labelled once each
