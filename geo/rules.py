"""Rules as data: small named decisions with a reason and a switch.

Recognition (geo/geoparse/recognize_rules.py, geo/geoparse/recognize_passes.py), resolution (geo/geoparse/resolve_rules.py,
geo/geoparse/resolve_overrides.py) and event extraction (geo/events/) are ordered lists of such rules,
like the components of a spaCy pipeline; a decision written inside a stage's code instead of as
a list member is registered with ``switch``. Every one can be switched off by name, so that what
it is worth can be measured: a rule that is worth nothing anywhere should be deleted, not kept
"just in case".

Which rules are off is the pipeline's own setting (``Pipeline(..., without={...})``), in force
while it parses; ``geo eval --without`` and ``GEO_WITHOUT=rule,rule`` only fill it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable

ENV = "GEO_WITHOUT"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    reason: str
    fn: Callable | None
    stage: str = ""  # the module that registered it

    def __call__(self, *args):
        return self.fn(*args)


REGISTRY: dict[str, Rule] = {}
_OFF: ContextVar[frozenset[str]] = ContextVar("rules_off", default=frozenset())


def _register(name: str, reason: str, fn: Callable | None, stage: str) -> Rule:
    if name in REGISTRY:
        raise ValueError(f"two rules named {name!r}")
    made = REGISTRY[name] = Rule(name, reason, fn, stage)
    return made


def rule(into: list, name: str, reason: str):
    """Decorator: append the function to ``into`` as a named rule."""
    def wrap(fn):
        into.append(_register(name, reason, fn, fn.__module__))
        return fn
    return wrap


def switch(name: str, reason: str) -> Rule:
    """Register a decision that a stage's code makes in place, asking ``on(name)``."""
    return _register(name, reason, None, sys._getframe(1).f_globals.get("__name__", ""))


def from_environment() -> frozenset[str]:
    """The names GEO_WITHOUT lists (worker processes inherit it with the environment)."""
    return frozenset(n.strip() for n in os.environ.get(ENV, "").split(",") if n.strip())


@contextmanager
def switched_off(names: frozenset[str]) -> Iterator[None]:
    """Within the block, the rules named are off (for this thread or task only)."""
    token = _OFF.set(names)
    try:
        yield
    finally:
        _OFF.reset(token)


def on(name: str) -> bool:
    return name not in _OFF.get()


def active(rules: list[Rule]) -> list[Rule]:
    off = _OFF.get()
    return [r for r in rules if r.name not in off] if off else rules


def unknown(names: Iterable[str]) -> list[str]:
    """Names that no rule carries (for a clear error on a typo). Rules register as their modules
    load: ask after loading the pipeline (geo.geoparse.pipeline imports every stage)."""
    return [n for n in names if n not in REGISTRY]
