"""Site knowledge for one form, ready for the flow: common.yaml, the form's site file and its
registry entry (selectors/forms/<id>.yaml) merged into one validated `Selectors`.

Like a consent-manager rule set, everything that changes when Meta changes its pages (addresses,
texts per language, ways to find each field) lives in YAML, validated at load with errors that name
the file and the key, so a person can point `--selectors DIR` at a fixed copy.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from meta_optout_assist.errors import SelectorsError
from meta_optout_assist.site.files import FORMS_DIR, load_file, resolve_dir
from meta_optout_assist.site.schema import (
    CommonFile,
    FormEntry,
    Locators,
    LoginSpec,
    SiteFile,
    Strategy,
    Texts,
)

__all__ = ["Selectors", "Strategy", "load", "load_site", "platform_name", "site_file"]


class Selectors(BaseModel):
    """Everything known about one form on its site: texts and locators of common.yaml, the site's
    file and the form's document merged (the later wins), and the form itself."""

    model_config = ConfigDict(frozen=True)

    platform: str  # the site: facebook, instagram…
    display_name: str
    hosts: list[str]
    allowed_hosts: list[str]
    login: LoginSpec | None
    form: FormEntry
    texts: dict[str, Texts]
    locators: dict[str, Locators]
    version: str  # "<schema>/<oldest last_verified>", recorded in every receipt
    source: Path  # the form's document


@cache
def _common(directory: Path) -> CommonFile:
    return load_file(CommonFile, directory / "common.yaml")


@cache
def _site(directory: Path, site: str) -> SiteFile:
    path = directory / f"{site}.yaml"
    own = load_file(SiteFile, path)
    if own.site != site:
        raise SelectorsError(f"{path}: key `site` says {own.site!r}, expected {site!r}")
    return own


def site_file(site: str, directory: Path | None = None) -> SiteFile:
    """One site's file (facebook.yaml…), validated."""
    return _site(resolve_dir(directory).resolve(), site)


def platform_name(platform: str) -> str | None:
    """A --platform value as the platform calls itself (its site file's `display_name`: Facebook,
    Instagram, WhatsApp…); None when the registry knows no such platform."""
    from meta_optout_assist.site import registry

    key = platform.strip().lower() if isinstance(platform, str) else ""
    try:
        if key not in registry.load().platforms():
            return None
        return site_file(key).display_name
    except SelectorsError:  # no site file of that name, or selectors not readable
        return key.capitalize() or None


def common_file(directory: Path | None = None) -> CommonFile:
    return _common(resolve_dir(directory).resolve())


def _check_references(sel: Selectors) -> None:
    """Every text and locator key the form names must exist, so a typo fails at load, not on
    Meta's page."""
    form = sel.form
    where = f"{sel.source}: key"
    groups: dict[str, Locators] = {f"locators.{k}": v for k, v in sel.locators.items()}
    groups["submit"] = form.submit
    for name, spec in form.fields.items():
        groups[f"fields.{name}.locators"] = spec.locators
        groups[f"fields.{name}.picker"] = spec.picker
        for option, key in spec.options.items():
            if key not in sel.texts:
                raise SelectorsError(f"{where} `fields.{name}.options.{option}` names text {key!r}, "
                                     "which no `texts:` section defines")
    for group, strategies in groups.items():
        for i, strategy in enumerate(strategies):
            for key in strategy.text_keys():
                if key not in sel.texts:
                    raise SelectorsError(
                        f"{where} `{group}[{i}]` names text {key!r}, which no `texts:` section defines",
                        hint="add it under texts: in the form's document, its site file or common.yaml",
                    )
    if form.privacy_centre and form.privacy_centre.link not in sel.locators:
        raise SelectorsError(f"{where} `privacy_centre.link` names locator "
                             f"{form.privacy_centre.link!r}, which no `locators:` section defines")


@cache
def _merged(directory: Path, form_id: str) -> Selectors:
    from meta_optout_assist.site import registry

    form = registry.load(directory).by_id(form_id)
    common, own = _common(directory), _site(directory, form.site)
    verified = min(common.last_verified, own.last_verified, form.last_verified)
    sel = Selectors(
        platform=own.site, display_name=own.display_name, hosts=own.hosts,
        allowed_hosts=common.allowed_hosts, login=own.login, form=form,
        texts={**common.texts, **own.texts, **form.texts},
        locators={**common.locators, **own.locators, **form.locators},
        version=f"{form.schema_version}/{verified.isoformat()}",
        source=directory / FORMS_DIR / f"{form.id}.yaml",
    )
    _check_references(sel)
    return sel


def load(form: FormEntry | str, directory: Path | None = None) -> Selectors:
    """The merged, validated selectors of one form (a registry entry or its id)."""
    form_id = form if isinstance(form, str) else form.id
    return _merged(resolve_dir(directory).resolve(), form_id)


def load_site(platform: str, kind: str = "objection", directory: Path | None = None) -> Selectors:
    """The selectors of the `kind` form of `platform` (`--platform`, `--form`)."""
    from meta_optout_assist.site import registry

    return load(registry.load(directory).entry(platform, kind), directory)


def clear_caches() -> None:
    """Forget what was read (a test that rewrites a selectors folder in place)."""
    from meta_optout_assist.site import registry

    for loader in (_common, _site, _merged):
        loader.cache_clear()
    registry.clear_cache()
