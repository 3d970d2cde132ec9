"""Sub-commands of `geo`, one module each; every module exposes ``register(subparsers)``."""

from importlib import import_module

MODULES = ("parse", "evaluate", "rules", "bench", "gazetteer", "assets", "library", "corrections", "overlays",
           "synth")


def register_all(subparsers) -> None:
    for name in MODULES:
        import_module(f"geo.commands.{name}").register(subparsers)
