"""Reading selectors/: where the folder is, and YAML read and validated with errors that name the
file and the key, so a person pointing `--selectors DIR` at a broken copy learns what to fix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from meta_optout_assist.errors import SelectorsError

if TYPE_CHECKING:
    from pydantic import BaseModel

SELECTORS_ENV = "ASSIST_SELECTORS"
FORMS_DIR = "forms"
FIX_HINT = "fix the file, or remove --selectors to use the bundled copy"

# pydantic and the schema are imported where a file is read: `assist --help` reads the forms'
# names through this module and must start quickly.
M = TypeVar("M", bound="BaseModel")


def bundled_dir() -> Path:
    """selectors/ shipped with the tool: inside the installed package, or the source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "selectors", here.parents[2] / "selectors"):
        if (candidate / "common.yaml").is_file():
            return candidate
    raise SelectorsError(
        "the bundled selectors/ folder is missing from this installation",
        hint="reinstall meta-optout-assist, or pass --selectors DIR",
    )


def resolve_dir(directory: Path | None) -> Path:
    """--selectors DIR, else ASSIST_SELECTORS, else the bundled copy."""
    if directory is None and os.environ.get(SELECTORS_ENV):
        directory = Path(os.environ[SELECTORS_ENV]).expanduser()
    return directory if directory is not None else bundled_dir()


def source_of(directory: Path | None) -> str:
    """Where the selectors come from, in words: "--selectors", ASSIST_SELECTORS or the bundled copy."""
    if directory is not None:
        return "--selectors"
    if os.environ.get(SELECTORS_ENV):
        return SELECTORS_ENV
    return "the bundled copy"


def read_yaml(path: Path) -> dict:
    """A selectors file as data: a mapping of this tool's schema version, or SelectorsError."""
    import yaml

    from meta_optout_assist.site.schema import SCHEMA_VERSION
    from meta_optout_assist.site.yaml_text import safe_load

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SelectorsError(
            f"selectors file not found: {path}",
            hint="point --selectors at a folder holding common.yaml, the site files and forms/",
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise SelectorsError(f"cannot read selectors file {path}: {err}") from None
    try:
        data = safe_load(text)
    except (yaml.YAMLError, ValueError) as err:  # ValueError: a date like 2025-13-01
        where = getattr(err, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where else ""
        raise SelectorsError(f"{path}: not valid YAML{at}: {getattr(err, 'problem', None) or err}",
                             hint=FIX_HINT) from None
    if not isinstance(data, dict):
        raise SelectorsError(f"{path}: expected a mapping at the top level, got {type(data).__name__}")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise SelectorsError(
            f"{path}: schema_version is {version!r}, this tool reads version {SCHEMA_VERSION}",
            hint="use selectors written for this version of meta-optout-assist, or update the tool",
        )
    return data


def validate(model: type[M], data: dict, path: Path) -> M:
    """`model.model_validate(data)`, its first problem turned into a message naming file and key."""
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        more = f" (and {err.error_count() - 1} more problems)" if err.error_count() > 1 else ""
        msg = first["msg"].removeprefix("Value error, ")
        raise SelectorsError(f"{path}: key `{key}`: {msg}{more}", hint=FIX_HINT) from None


def load_file(model: type[M], path: Path) -> M:
    return validate(model, read_yaml(path), path)
