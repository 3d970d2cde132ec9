"""Numbers as news writes them: digits, words ("two", "twenty-one"), "a"/"an" for one."""

from __future__ import annotations

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)} | _TENS | {
    "a": 1, "an": 1, "single": 1, "another": 1, "a dozen": 12, "dozen": 12, "hundred": 100,
    "a hundred": 100, "one hundred": 100}
for _t, _v in _TENS.items():
    for _i, _u in enumerate(_UNITS[1:10], start=1):
        WORDS[f"{_t}-{_u}"] = WORDS[f"{_t} {_u}"] = _v + _i

# A regular-expression alternative for any number as written (longest first).
# Digits group by threes ("1,200"); "2024," ends a date, not a count.
# "another two people": the number after "another" counts.
_WORDS = "|".join(sorted((w.replace(" ", r"\s") for w in WORDS), key=len, reverse=True))
PATTERN = r"(?:(?:another\s+(?=\d|[a-z]+\s))?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+|" + _WORDS + r"))"


def number(text: str) -> int | None:
    """The value of a number as written, None when it is not one (or vague: "several")."""
    t = " ".join(text.lower().split())
    if t.startswith("another ") and t != "another":
        t = t[len("another "):]
    if t.replace(",", "").isdigit():
        return int(t.replace(",", ""))
    return WORDS.get(t)
