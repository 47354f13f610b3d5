"""The names file, `<data dir>/profiles.json`: the saved profiles' names only (no email, no
country), so they can be listed without the keyring and forgotten with the rest."""

from __future__ import annotations

import json
import os
from pathlib import Path

from meta_optout_assist.errors import BadInput
from meta_optout_assist.store.files import private_dir, write_private
from meta_optout_assist.store.layout import DataLayout
from meta_optout_assist.store.profiles.model import is_profile_name

NAMES_FILE_VERSION = 1


def names_file(data_dir: Path) -> Path:
    return DataLayout(data_dir).names_file


def _staging(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp")


def _damaged(path: Path, why: str) -> BadInput:
    return BadInput(
        f"{path} is damaged ({why})",
        hint="it only lists profile names; delete it and add your profiles again with "
        "`assist profile add NAME ... --force`",
    )


def list_profiles(data_dir: Path) -> list[str]:
    """The profile names kept in data_dir/profiles.json (no keyring needed), sorted."""
    path = names_file(data_dir)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as err:
        raise BadInput(f"cannot read {path}: {err.strerror}") from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as err:
        raise _damaged(path, f"not JSON: {err}") from None
    names = data.get("profiles") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(is_profile_name(n) for n in names):
        raise _damaged(path, 'expected {"profiles": [names...]}')
    return sorted(set(names))


def write_names(data_dir: Path, names: list[str]) -> None:
    """Replace the names file atomically: a crash leaves the old or the new list, never half."""
    path = names_file(data_dir)
    private_dir(path.parent)
    payload = json.dumps({"version": NAMES_FILE_VERSION, "profiles": sorted(set(names))}, indent=2)
    tmp = _staging(path)
    write_private(tmp, payload + "\n")
    os.replace(tmp, path)


def remove_names_file(data_dir: Path) -> None:
    """Delete the names file (and a staging copy a crash may have left)."""
    path = names_file(data_dir)
    path.unlink(missing_ok=True)
    _staging(path).unlink(missing_ok=True)
