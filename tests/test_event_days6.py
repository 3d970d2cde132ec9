"""The day of an event, tenth round (issue 20): an image with no alt text glued to a paragraph's first
sentence is no caption, and a wire photo's caption ended by its place and full date is no event. Every
sentence here is made up."""

from __future__ import annotations

import pytest

from geo.text.ingest import read
from test_namesakes import pipeline, without  # noqa: F401 - the loaded pipeline, and rules switched off on it


def events(pipeline, text):
    return [(e.place.name if e.place else None, e.date, e.sub_type)
            for e in pipeline.parse(read(text.encode(), "probe.txt")).events]


# -- a wordless image before prose: "![](https://.../photo.jpg)The governor reports that ..." ------

IMAGE_THEN_PROSE = ("Published 12 February 2025\n\n![](https://example.org/uploads/2025/02/photo.jpg)The regional "
                    "governor reports that Russian drones struck Kharkiv on Monday, damaging a school. Officials in "
                    "Kharkiv said air defences repelled part of the attack.\n")


def test_a_wordless_image_glued_to_a_sentence_leaves_it_prose(pipeline, without):
    found = events(pipeline, IMAGE_THEN_PROSE)
    assert ("Kharkiv", "2025-02-10", "Air/drone strike") in found  # the sentence is told
    assert ("Kharkiv", "2025-02-10", "Disrupted weapons use") in found  # and its Monday dates the next one
    without("wordless_image_before_prose")
    assert [d for _, d, _ in events(pipeline, IMAGE_THEN_PROSE)] == ["2025-02-12"]  # read as a caption


def test_an_image_with_words_stays_a_caption(pipeline):
    text = ("Published 12 February 2025\n\n![Russian drones struck Kharkiv on Monday, damaging a school]"
            "(https://example.org/uploads/2025/02/photo.jpg)\n\nThe mayor urged residents to stay in shelters.\n")
    assert events(pipeline, text) == []


# -- a wire photo's caption ended by its place, country and full date -------------------------------

@pytest.mark.parametrize("caption", [
    "A firefighter walks past a burned-out bus after a Russian drone strike in Kharkiv, Ukraine, Tuesday, "
    "Feb. 11, 2025.",
    "Rescuers clear the rubble of a school hit by a Russian missile in Kharkiv, Ukraine, on February 11, 2025.",
    "Residents stand by a house destroyed by shelling in Kharkiv, Ukraine February 11, 2025.",
])
def test_a_caption_ended_by_place_and_full_date_is_no_event(pipeline, without, caption):
    text = f"Published 12 February 2025\n\n{caption}\n\nThe mayor urged residents to stay in shelters.\n"
    assert events(pipeline, text) == []
    without("dated_photo_caption")
    assert events(pipeline, text) != []


def test_a_report_ending_in_its_date_is_still_told(pipeline):
    text = "Published 12 February 2025\n\nRussian drones struck Kharkiv on February 11, 2025, wounding five people.\n"
    assert [(p, d) for p, d, _ in events(pipeline, text)] == [("Kharkiv", "2025-02-11")]
