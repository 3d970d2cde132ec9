"""`geo rules`: every named rule of the pipeline, stage by stage, with its reason; each name is one
that `geo eval --without` (and GEO_WITHOUT) switches off."""

from __future__ import annotations

from geo.commands.shared import dump_json


def register(sub) -> None:
    p = sub.add_parser("rules", help="list the pipeline's named rules (what `geo eval --without` switches off)")
    p.add_argument("--json", action="store_true", help="one JSON object a rule: name, stage, reason")
    p.set_defaults(run=run)


def run(args) -> int:
    import geo.geoparse.pipeline  # noqa: F401 - every stage's rules register as it loads
    from geo.rules import REGISTRY

    for r in sorted(REGISTRY.values(), key=lambda r: _ORDER.get(r.stage, len(_ORDER))):
        reason = " ".join(r.reason.split())
        if args.json:
            print(dump_json({"name": r.name, "stage": r.stage, "reason": reason}))
        else:
            print(f"{r.name:34} {r.stage:24} {reason}")
    return 0


# The stages in the order a document meets them; events (geo.events.*) come last.
_ORDER = {stage: i for i, stage in enumerate((
    "geo.geoparse.recognize", "geo.geoparse.recognize_rules", "geo.geoparse.recognize_passes", "geo.geoparse.resolve", "geo.geoparse.story",
    "geo.geoparse.resolve_rules", "geo.geoparse.resolve_overrides"))}
