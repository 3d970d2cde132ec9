"""Rules as data: small named decisions with a reason and a switch.

Recognition (geo/recognize_rules.py) and resolution (geo/resolve_rules.py,
geo/resolve_overrides.py) are ordered lists of such rules, like the components of a spaCy pipeline. Each can be switched off by name
(``GEO_WITHOUT=rule,rule`` or ``geo eval --without rule``) so that what it is worth can be
measured: a rule that is worth nothing anywhere should be deleted, not kept "just in case".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable

ENV = "GEO_WITHOUT"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    reason: str
    fn: Callable

    def __call__(self, *args):
        return self.fn(*args)


REGISTRY: dict[str, Rule] = {}
_cache: tuple[str, frozenset[str]] = ("", frozenset())


def rule(into: list, name: str, reason: str):
    """Decorator: append the function to ``into`` as a named rule."""
    def wrap(fn):
        if name in REGISTRY:
            raise ValueError(f"two rules named {name!r}")
        made = REGISTRY[name] = Rule(name, reason, fn)
        into.append(made)
        return fn
    return wrap


def disabled() -> frozenset[str]:
    """Names switched off through the environment (read on each call: workers inherit it)."""
    global _cache
    raw = os.environ.get(ENV, "")
    if raw != _cache[0]:
        _cache = (raw, frozenset(n.strip() for n in raw.split(",") if n.strip()))
    return _cache[1]


def on(name: str) -> bool:
    return name not in disabled()


def active(rules: list[Rule]) -> list[Rule]:
    off = disabled()
    return [r for r in rules if r.name not in off] if off else rules


def unknown(names: list[str]) -> list[str]:
    """Names that no rule carries (for a clear error on a typo). Rules register as their modules
    load: ask after loading the pipeline (geo.pipeline imports every stage)."""
    return [n for n in names if n not in REGISTRY]
