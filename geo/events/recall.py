"""Events a reader of war news codes that the extractor missed (issue 20, second recall round).
Each kind is a named switch with its reason; the stages ask it where they decide."""

from __future__ import annotations

import re

from geo.rules import on, switch

# An analyst's footnote marks after the final stop: "... on February 26.[77]",
# "... overnight.[[xxii]](https://criticalthreats.org/analysis/<#_edn34>)".
_FOOTNOTES = re.compile(r"(?:\s*\[\[?[\w,. -]{1,12}\]\]?(?:\(<?[^()\s]*>?\))?)+\s*$")
switch("footnote_ends_no_heading", "'Russian forces attacked near X on February 26.[77]': a sentence whose final stop "
       "an analyst's footnote mark follows is a sentence, not a heading without a stop")


def without_footnotes(line: str) -> str:
    """The line without the footnote marks it ends in (a heading check sees its final stop)."""
    if not on("footnote_ends_no_heading") or "[" not in line:
        return line
    return _FOOTNOTES.sub("", line)
