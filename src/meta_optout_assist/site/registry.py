"""The registry of Meta's forms: one document per form in selectors/forms/, read in file-name order.

Which forms exist, which --platform and --form values pick each, what each asks for and who may
use it are data: `assist fill`'s choices, `assist forms`, eligibility, `doctor --live`, the review
before Send and diagnostics all read them here. Meta adds a form: add a document (and the replica's
pages and tests), not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist.errors import SelectorsError

if TYPE_CHECKING:
    from meta_optout_assist.site.schema import FormEntry

ALL = "all"  # --platform all


@dataclass(frozen=True)
class Registry:
    forms: tuple[FormEntry, ...]
    directory: Path

    def platforms(self) -> list[str]:
        """Every --platform value, in registry order."""
        return list(dict.fromkeys(p for f in self.forms for p in f.platforms))

    def kinds(self) -> list[str]:
        """Every --form value, in registry order."""
        return list(dict.fromkeys(f.form for f in self.forms))

    def by_id(self, form_id: str) -> FormEntry:
        for f in self.forms:
            if f.id == form_id:
                return f
        raise SelectorsError(f"{self.directory / 'forms'}: no form with id {form_id!r}")

    def entry(self, platform: str, kind: str) -> FormEntry:
        """The form `--platform platform --form kind` fills."""
        for f in self.forms:
            if f.form == kind and platform in f.platforms:
                return f
        offered = [p for f in self.forms if f.form == kind for p in f.platforms]
        raise SelectorsError(
            f"there is no {kind} form for {platform}",
            hint=f"the {kind} form is there for: {', '.join(offered) or 'no platform'}" if offered
            else f"forms known: {', '.join(self.kinds())}",
        )

    def plan(self, platform: str, kind: str) -> list[tuple[str, FormEntry]]:
        """(platform, form) for each form a run fills: one, or with --platform all every platform's
        form of that kind (a form shared by several platforms once, under the first)."""
        if platform != ALL:
            return [(platform, self.entry(platform, kind))]
        out: list[tuple[str, FormEntry]] = []
        for f in self.forms:
            if f.form != kind:
                continue
            for p in (f.platforms[:1] if f.once else f.platforms):
                if all(p != q for q, _ in out):
                    out.append((p, f))
        return out


def _check(entries: list[FormEntry], folder: Path) -> None:
    from meta_optout_assist.inputs import INPUT_FLAGS

    seen: dict[tuple[str, str], str] = {}
    for f in entries:
        where = folder / f"{f.id}.yaml"
        for name in f.inputs:
            if name not in INPUT_FLAGS:
                raise SelectorsError(
                    f"{where}: key `inputs.{name}`: not an input the tool can ask for "
                    f"(known: {', '.join(INPUT_FLAGS)})")
        for p in f.platforms:
            other = seen.setdefault((p, f.form), f.id)
            if other != f.id:
                raise SelectorsError(f"{where}: key `platforms`: {p} already has a {f.form} form ({other})")


@cache
def _load(directory: Path) -> Registry:
    from meta_optout_assist.site.files import FORMS_DIR, load_file
    from meta_optout_assist.site.schema import FormEntry

    folder = directory / FORMS_DIR
    try:
        if not directory.is_dir():
            raise SelectorsError(f"selectors folder not found: {directory}",
                                 hint="point --selectors (or ASSIST_SELECTORS) at a copy of selectors/")
        paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    except OSError as err:  # a name too long, no permission…
        raise SelectorsError(f"cannot read the selectors folder {directory}: {err.strerror or err}") from None
    if not paths:
        raise SelectorsError(f"{folder}: no form documents (forms/*.yaml)",
                             hint="point --selectors at a complete copy of selectors/")
    entries = []
    for path in paths:
        entry = load_file(FormEntry, path)
        if entry.id != path.stem:
            raise SelectorsError(f"{path}: key `id`: {entry.id!r} must match the file name {path.stem!r}")
        entries.append(entry)
    _check(entries, folder)
    return Registry(tuple(entries), directory)


def clear_cache() -> None:
    _load.cache_clear()


def load(directory: Path | None = None) -> Registry:
    """The registry from --selectors DIR (or ASSIST_SELECTORS, or the bundled copy), validated."""
    from meta_optout_assist.site.files import resolve_dir

    return _load(resolve_dir(directory).resolve())


_LIST_LINE = re.compile(r"^platforms:\s*\[([^\]]*)\]", re.MULTILINE)
_FORM_LINE = re.compile(r"^form:\s*([a-z0-9-]+)\s*(?:#.*)?$", re.MULTILINE)


def names(directory: Path | None = None) -> tuple[list[str], list[str]]:
    """(platforms, forms) as quickly as the command line's help needs them (no YAML parser, no
    validation: `load` says what is wrong, with file and key). Reads the documents' top-level
    `platforms: [...]` and `form:` lines."""
    from meta_optout_assist.site.files import FORMS_DIR, resolve_dir

    platforms: list[str] = []
    kinds: list[str] = []
    try:
        paths = sorted((resolve_dir(directory) / FORMS_DIR).glob("*.yaml"))
        for path in paths:
            text = path.read_text(encoding="utf-8")
            listed, kind = _LIST_LINE.search(text), _FORM_LINE.search(text)
            platforms += [p.strip().strip("'\"") for p in listed.group(1).split(",")] if listed else []
            kinds += [kind.group(1)] if kind else []
    except (OSError, SelectorsError):  # no folder, unreadable: the run's full load reports it
        return [], []
    return list(dict.fromkeys(p for p in platforms if p)), list(dict.fromkeys(kinds))
