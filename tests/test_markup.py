"""Markup left in web copy (geo.events.markup, geo.text.sentences): front matter, HTML image tags
and paragraph tags. The sentences are made up, in the styles of the copy."""

from __future__ import annotations

from factories import event_kinds
from geo.types import Document


def _events(pipeline, monkeypatch, text: str, off=(), day: str = "2025-03-04"):
    monkeypatch.setattr(pipeline, "without", frozenset(off))
    return pipeline.parse(Document(text, date=day)).events


# -- the body's first sentence glued to a page's front matter ------------------------------------------

_FRONT = ("---\nlayout: post\nauthor: Staff\ntitle: Russian forces take a town in the south\ndate: '2025-03-04'\n"
          "categories: World\n---\n")


def test_the_sentence_after_the_front_matter_is_the_articles_first(pipeline, monkeypatch):
    text = _FRONT + ("Russian forces have captured the town of Vasylivka in the Zaporizhzhia region, a Ukrainian "
                     "official said on Tuesday.\n\nFighting went on elsewhere along the front.")
    assert ("Non-state actor overtakes territory", "Vasylivka") in event_kinds(pipeline, monkeypatch, text)
    off = event_kinds(pipeline, monkeypatch, text, off=("body_after_front_matter",))
    assert ("Non-state actor overtakes territory", "Vasylivka") not in off


def test_the_front_matter_itself_stays_metadata(pipeline, monkeypatch):
    # The title and excerpt sum up the story: only the body's sentence is coded, once.
    text = ("---\ntitle: Russian drones hit Kherson\nexcerpt: Russian drones hit Kherson overnight\n---\n"
            "Russian drones hit a market in Kherson overnight, killing two people, the governor said.")
    kinds = event_kinds(pipeline, monkeypatch, text)
    assert kinds == [("Air/drone strike", "Kherson")]


# -- HTML left in a feed item ---------------------------------------------------------------------------

_ITEM = ('## Russia strikes Kharkiv again\n - [https://example.org/news/1](https://example.org/news/1)\n'
         ' - date published: 2025-03-04T08:00:00+00:00\n\n'
         '<img alt="A man sweeps glass." height="349" src="https://example.org/a.jpg" title="In this photo provided '
         'by the regional administration, a man sweeps glass after a missile attack in Mykolaiv, Ukraine, Monday, '
         'March 3, 2025. (Regional Administration via AP)" width="620" /><p>Russia on Tuesday said it attacked '
         'military facilities in the Ukrainian city of Kharkiv overnight, including a hotel housing "foreign '
         'fighters," officials said.</p>\n')


def test_a_feed_items_sentence_starts_after_its_image_tag(pipeline, monkeypatch):
    events = _events(pipeline, monkeypatch, _ITEM)
    kharkiv = [e for e in events if e.place is not None and e.place.name == "Kharkiv"]
    assert kharkiv and kharkiv[0].sentence.text.startswith("Russia on Tuesday said")
    # the caption's words (a photo of Mykolaiv) are no event of the item
    assert all(e.place is None or e.place.name != "Mykolayiv" for e in events)


def test_without_the_rule_the_quotes_of_the_tag_make_the_item_a_quotation(pipeline, monkeypatch):
    events = _events(pipeline, monkeypatch, _ITEM, off=("markup_is_no_text",))
    assert not any(e.sentence.text.startswith("Russia on Tuesday said") for e in events)


def test_a_sentence_mentioning_a_tag_in_prose_is_untouched(pipeline, monkeypatch):
    text = "Russian artillery shelled Kherson on Monday, the <b>regional governor</b> said."
    assert event_kinds(pipeline, monkeypatch, text) == [("Shelling/artillery/missile attack", "Kherson")]


# -- HTML paragraphs in web copy --------------------------------------------------------------------------

def test_a_closing_paragraph_tag_ends_the_sentence():
    from geo.rules import switched_off
    from geo.text.sentences import split

    text = ('<p>MYKOLAIV — The military said it shot down 12 drones on Wednesday.</p>\n<p>"Our airspace was '
            'violated," the command said.</p>\n<p>Dr. Petrenko said the U.S. team left.</p>')
    assert [s.text for s in split(text)] == [
        "<p>MYKOLAIV — The military said it shot down 12 drones on Wednesday.",
        '</p>\n<p>"Our airspace was violated," the command said.', "</p>\n<p>Dr. Petrenko said the U.S. team left.</p>"]
    with switched_off(frozenset({"paragraph_tags_end_sentences"})):
        assert len(split(text)) == 1


def test_a_paragraph_of_html_copy_is_reported_apart(pipeline, monkeypatch):
    text = ("<p>BELGOROD — The governor said on Monday that the region's schools would stay shut.</p>\n<p>Russian "
            "artillery shelled Kherson on Monday, killing two people, officials said.</p>")
    assert ("Shelling/artillery/missile attack", "Kherson") in event_kinds(pipeline, monkeypatch, text)
