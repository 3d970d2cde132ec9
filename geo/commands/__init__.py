"""Sub-commands of `geo`, one module each; every module exposes ``register(subparsers)``."""

from importlib import import_module

MODULES = ("parse", "evaluate", "bench", "gazetteer", "assets", "library", "corrections", "synth")


def register_all(subparsers) -> None:
    for name in MODULES:
        import_module(f"geo.commands.{name}").register(subparsers)
