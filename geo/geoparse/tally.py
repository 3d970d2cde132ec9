"""Sums over a story's names that each name sees without its own part.

Each name's readings are weighed by what the story's *other* names say (a name must not vote for
its own reading: "Paris" five times is no evidence of France). Summing the others afresh for
every name costs the square of the names (1,000 names, a million additions); summing once and
taking the name's own part out costs one subtraction. Amounts are summed exactly, as integers,
so that taking a part out leaves no rounding behind and no order of the names sums differently.
"""

from __future__ import annotations

from collections import Counter

_SCALE = 1074  # every finite float is a whole multiple of 2 ** -1074
_NOTHING: Counter = Counter()


def _exact(amount: float) -> int:
    """``amount`` times 2 ** 1074, exactly."""
    numerator, denominator = amount.as_integer_ratio()
    return numerator << (_SCALE + 1 - denominator.bit_length())


class Tally:
    """Amounts per code (a country, a region), in all and per name."""

    def __init__(self):
        self.sums: Counter = Counter()
        self.parts: dict[str, Counter] = {}
        self.total = 0

    def add(self, name: str, code: str, amount: float = 1) -> None:
        x = _exact(amount)
        self.sums[code] += x
        self.total += x
        part = self.parts.get(name)
        if part is None:
            part = self.parts[name] = Counter()
        part[code] += x

    def less(self, name: str, per: int = 1) -> Less:
        """The sums of every name but ``name``, each divided by ``per``."""
        return Less(self, self.parts.get(name, _NOTHING), per)


class Less:
    """A tally without one name's part."""

    __slots__ = ("sums", "own", "per", "total")

    def __init__(self, tally: Tally, own: Counter, per: int):
        self.sums, self.own, self.per = tally.sums, own, per
        self.total = (tally.total - sum(own.values())) / (per << _SCALE)  # all codes together

    def get(self, code: str, default: float = 0) -> float:
        amount = self.sums.get(code, 0) - self.own.get(code, 0)
        return amount / (self.per << _SCALE) if amount else default
