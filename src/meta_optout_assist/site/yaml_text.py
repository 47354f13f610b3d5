"""Reading YAML: PyYAML's C parser (libyaml) when PyYAML was built with it, else its pure-Python
one. The selectors are read at every start; the C parser reads them ten times faster. Both build
plain data with the same safe constructor, and both raise yaml.YAMLError (with the line and column
of the fault) on a broken file."""

from __future__ import annotations

from typing import Any


def safe_load(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, C or Python
