"""The one size limit on what is read: files, folders, `geo parse --jsonl` records, pasted text
and uploads all pass ``check`` before they are read whole.

One setting, Streamlit's ``server.maxUploadSize`` (``.streamlit/config.toml``, or the
``STREAMLIT_SERVER_MAX_UPLOAD_SIZE`` variable Streamlit itself reads), so the browser refuses a
bigger upload before sending it and every reader here refuses the same size. One unit: MB =
10^6 bytes, as the uploader counts and shows it.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

from geo.errors import TooLarge

MB = 1_000_000
DEFAULT_MB = 20
SETTING = "server.maxUploadSize"
ENV = "STREAMLIT_SERVER_MAX_UPLOAD_SIZE"
CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"  # the dashboard's own


def limit_mb() -> int:
    """The limit in MB: the environment's override, else the dashboard's config, else 20."""
    return _limit_mb(os.environ.get(ENV), CONFIG)


@lru_cache(maxsize=8)
def _limit_mb(env: str | None, config: Path) -> int:
    for value in (env, _configured(config)):
        try:
            mb = int(str(value).strip())
        except ValueError:
            continue
        if mb >= 1:
            return mb
    return DEFAULT_MB


def _configured(config: Path) -> object:
    try:
        with config.open("rb") as f:
            return tomllib.load(f).get("server", {}).get("maxUploadSize")
    except (OSError, tomllib.TOMLDecodeError):
        return None


def legacy_note() -> str:
    """A line for whoever still sets the old variable, which each reader read its own way."""
    if os.environ.get("GEO_MAX_UPLOAD_MB"):
        return (f"GEO_MAX_UPLOAD_MB is no longer read: the size limit is {SETTING} in "
                f".streamlit/config.toml or {ENV} (now {limit_mb()} MB)")
    return ""


def max_bytes() -> int:
    return limit_mb() * MB


def check(size: int, label: str, limit: int | None = None) -> None:
    """Raise TooLarge when ``size`` bytes exceed ``limit`` (by default the setting)."""
    limit = max_bytes() if limit is None else limit
    if size > limit:
        raise TooLarge(f"{label} is {size / MB:.1f} MB; the limit is {limit / MB:g} MB ({SETTING})")
