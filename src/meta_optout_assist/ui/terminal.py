"""What the person sees in the terminal: one place for consoles, so --quiet and tests can swap them."""

from __future__ import annotations

from functools import lru_cache

from rich.console import Console


@lru_cache(maxsize=1)
def console_out() -> Console:
    return Console(highlight=False)


@lru_cache(maxsize=1)
def console_err() -> Console:
    return Console(stderr=True, highlight=False)
