"""What the map page at scale keeps of the library, per version of it, for every visitor: the
sidebar's counts and the answers to the questions its parts ask (a view's cells, a feed, a
timeline). No streamlit here: ui.serve fills these while the server starts, outside any script
run, where importing the page's map component would leave it unregistered.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from geo.map import summary
from geo.map.aggregate import Facets

_facets: dict[tuple[str, int], Facets] = {}
_lock = threading.Lock()
_answers: OrderedDict[tuple, object] = OrderedDict()  # (library, version, question) -> answer, the newest last
ANSWERS = 64  # a few views and filters per visitor: a view seen again, a click that moves nothing


def facets(lib) -> Facets:
    """The library's counts, read once per change of it, for every visitor (and kept in it for the next process)."""
    key = (lib.store.url, lib.version)
    with _lock:
        if key not in _facets:
            found = summary.library_facets(lib.store)  # one row when a process before counted them
            _facets.clear()
            _facets[key] = found
        return _facets[key]


def answer(lib, question: tuple, compute):
    """``compute(conn)`` for ``question`` on this version of the library, kept for the next time
    it is asked (by anyone: the library is one): a new visitor's first view, a click that reruns
    the map without moving it, the timeline of a filter while the map pans."""
    key = (lib.store.url, lib.version, hashlib.sha1(repr(question).encode()).hexdigest())
    with _lock:
        if key in _answers:
            _answers.move_to_end(key)
            return _answers[key]
    with lib.store._read() as conn:  # noqa: SLF001 - one snapshot per answer
        found = compute(conn)
    with _lock:
        _answers[key] = found
        while len(_answers) > ANSWERS:
            _answers.popitem(last=False)
    return found
