"""What web copy's layout does to names before any rule reads them.

Invisible marks pasted into web copy: zero-width spaces and joiners, word joiners, soft hyphens.

Some wire pages scatter them between words ("in the \u200btown of \u200dX"), where the tokeniser
glues each onto the next word: the model then sees no town after "the town of" and the name is
lost. Names are therefore recognised and resolved in the text without the marks that stand
between words, and their offsets mapped back onto the text as written. Inside a word
("Kher\u200bson") a mark is left to the name keys (geo/gazetteer/names.py), which drop it.

Feed digests put a link line (" - [url](url)") below each heading; the model runs a heading's last
name on over the line break and the dash ("Strike on Belgorod\n -" as one PERSON), and a name
inside a longer entity is vetoed. Layout is no part of a name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from geo.gazetteer.names import INVISIBLE
from geo.rules import on, switch

_MARKS = re.compile(INVISIBLE.pattern + "+")  # the marks the name keys drop (geo/gazetteer/names.py)

switch("invisible_marks_between_words",
       "'in the \\u200btown of \\u200dX': a zero-width mark a web page put between words is no part of "
       "them: names are read as if it were absent, so the model sees the town after 'the town of'")


class Reading:
    """``text`` with its between-word marks removed, and the way back to the text's offsets."""

    def __init__(self, text: str):
        self.text, self._back = text, None
        if not on("invisible_marks_between_words") or _MARKS.search(text) is None:
            return
        kept, back, last = [], [], 0
        for m in _MARKS.finditer(text):
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if before.isalnum() and after.isalnum():
                continue  # inside a word: the name keys drop it
            kept.append(text[last:m.start()])
            back.extend(range(last, m.start()))
            last = m.end()
        if not kept:
            return
        kept.append(text[last:])
        back.extend(range(last, len(text) + 1))  # one past the end maps to the end
        self.text, self._back = "".join(kept), back

    @property
    def changed(self) -> bool:
        return self._back is not None

    def start(self, i: int) -> int:
        return i if self._back is None else self._back[i]

    def end(self, i: int) -> int:
        """The written offset just past the character before read offset ``i``."""
        return i if self._back is None or i == 0 else self._back[i - 1] + 1

    def forward(self, i: int) -> int:
        """The read offset of written offset ``i`` (the next kept character's)."""
        return i if self._back is None else bisect.bisect_left(self._back, i)

    def sentences(self, sentences: list) -> list:
        if self._back is None:
            return sentences
        out = []
        for s in sentences:
            a, b = self.forward(s.start), self.forward(s.end)
            out.append(replace(s, start=a, end=b, text=self.text[a:b]))
        return out


# Tokens of layout: a line break or run of spaces, a list dash or bullet, a table's bar.
_LAYOUT = {"", "-", "\u2013", "\u2014", "*", "\u2022", "|"}

switch("entity_ends_at_layout", "'## Two Killed in Strike on Belgorod' above a ' - [link]' line: an entity the "
       "model runs on over a line break and a list dash ends where the name does, so the town is not vetoed as "
       "part of a longer name")


def is_layout(token_text: str) -> bool:
    return token_text.strip() in _LAYOUT and on("entity_ends_at_layout")
