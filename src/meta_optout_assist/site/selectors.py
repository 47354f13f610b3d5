"""Site knowledge as data: the schema of selectors/*.yaml and its loader.

Like a consent-manager rule set, everything that changes when Meta changes its pages (addresses,
form ids, texts per language, ways to find each field) lives in YAML, validated here at load with
errors that name the file and the key, so a person can point `--selectors DIR` at a fixed copy.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from meta_optout_assist.errors import SelectorsError

SCHEMA_VERSION = 1
SELECTORS_ENV = "ASSIST_SELECTORS"
PLATFORMS = ("facebook", "instagram")
FORMS = ("objection", "third-party")

Texts = dict[str, list[str]]  # locale → phrasings


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Strategy(_Strict):
    """One way to find an element. Exactly one of css/role/label/placeholder/text.

    `name`, `label`, `placeholder`, `text` and `has_text` name a key of `texts`.
    """

    css: str | None = None
    role: str | None = None
    name: str | None = None
    label: str | None = None
    placeholder: str | None = None
    text: str | None = None
    exact: bool = False
    visible: bool = True  # false for inputs Meta hides behind a styled button (file uploads)
    has_text: str | None = None
    inner_css: str | None = None

    @model_validator(mode="after")
    def _one_primary(self) -> Strategy:
        primaries = [k for k in ("css", "role", "label", "placeholder", "text") if getattr(self, k)]
        if len(primaries) != 1:
            raise ValueError(
                "a locator strategy needs exactly one of css, role, label, placeholder, text "
                f"(found {primaries or 'none'})"
            )
        if self.name and not self.role:
            raise ValueError("`name` goes with `role`")
        return self

    def text_keys(self) -> list[str]:
        return [k for k in (self.name, self.label, self.placeholder, self.text, self.has_text) if k]


Locators = list[Strategy]


class FieldSpec(_Strict):
    kind: Literal["text", "choice", "radio", "file", "check"]
    locators: Locators = Field(min_length=1)
    # For kind=radio: option key → text key naming the option's label.
    options: dict[str, str] = Field(default_factory=dict)


class FormSpec(_Strict):
    title: Texts = Field(default_factory=dict)
    addresses: list[str] = Field(min_length=1)
    gate_addresses: list[str] = Field(default_factory=list)
    privacy_centre: list[str] = Field(default_factory=list)
    requires_login: bool = True
    fields: dict[str, FieldSpec]
    # The field whose presence means "this form is on the page".
    detect_by: str
    submit: Locators = Field(min_length=1)

    @model_validator(mode="after")
    def _detect_by_is_a_field(self) -> FormSpec:
        if self.detect_by not in self.fields:
            raise ValueError(f"detect_by names {self.detect_by!r}, which is not one of the fields")
        return self

    @field_validator("addresses", "gate_addresses", "privacy_centre")
    @classmethod
    def _https(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith("https://"):
                raise ValueError(f"addresses must be https:// URLs, got {url!r}")
        return urls


class LoginSpec(_Strict):
    addresses: list[str] = Field(min_length=1)


class PlatformFile(_Strict):
    schema_version: int
    last_verified: dt.date
    platform: Literal["facebook", "instagram"]
    display_name: str
    hosts: list[str] = Field(min_length=1)
    login: LoginSpec
    forms: dict[Literal["objection", "third-party"], FormSpec]
    texts: dict[str, Texts] = Field(default_factory=dict)
    locators: dict[str, Locators] = Field(default_factory=dict)


class CommonFile(_Strict):
    schema_version: int
    last_verified: dt.date
    # Hosts (and their subdomains) the browser may reach; everything else is blocked.
    allowed_hosts: list[str] = Field(min_length=1)
    texts: dict[str, Texts]
    locators: dict[str, Locators]


class Selectors(BaseModel):
    """Everything known about one platform: its file merged over common.yaml."""

    model_config = ConfigDict(frozen=True)

    platform: str
    display_name: str
    hosts: list[str]
    allowed_hosts: list[str]
    login: LoginSpec
    forms: dict[str, FormSpec]
    texts: dict[str, Texts]
    locators: dict[str, Locators]
    version: str  # "<schema>/<last_verified>", recorded in every receipt
    source: Path

    def form(self, name: str) -> FormSpec:
        try:
            return self.forms[name]
        except KeyError:
            raise SelectorsError(
                f"{self.source}: the {self.display_name} selectors have no form {name!r}",
                hint=f"forms known there: {', '.join(self.forms)}",
            ) from None


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
    if directory is None and os.environ.get(SELECTORS_ENV):
        directory = Path(os.environ[SELECTORS_ENV]).expanduser()
    return directory if directory is not None else bundled_dir()


def _read_yaml(path: Path) -> dict:
    import yaml

    from meta_optout_assist.site.yaml_text import safe_load

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SelectorsError(
            f"selectors file not found: {path}",
            hint="point --selectors at a folder holding common.yaml, facebook.yaml and instagram.yaml",
        ) from None
    except (OSError, UnicodeDecodeError) as err:
        raise SelectorsError(f"cannot read selectors file {path}: {err}") from None
    try:
        data = safe_load(text)
    except (yaml.YAMLError, ValueError) as err:  # ValueError: a date like 2025-13-01
        where = getattr(err, "problem_mark", None)
        at = f" at line {where.line + 1}, column {where.column + 1}" if where else ""
        raise SelectorsError(
            f"{path}: not valid YAML{at}: {getattr(err, 'problem', None) or err}",
            hint="fix the file, or remove --selectors to use the bundled copy",
        ) from None
    if not isinstance(data, dict):
        raise SelectorsError(f"{path}: expected a mapping at the top level, got {type(data).__name__}")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise SelectorsError(
            f"{path}: schema_version is {version!r}, this tool reads version {SCHEMA_VERSION}",
            hint="use selectors written for this version of meta-optout-assist, or update the tool",
        )
    return data


def _validate(model: type[BaseModel], data: dict, path: Path) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top level)"
        more = f" (and {err.error_count() - 1} more problems)" if err.error_count() > 1 else ""
        raise SelectorsError(
            f"{path}: key `{key}`: {first['msg']}{more}",
            hint="fix the file, or remove --selectors to use the bundled copy",
        ) from None


def _check_references(sel: Selectors) -> None:
    """Every text key a locator names must exist, so a typo fails at load, not on Meta's page."""
    groups: dict[str, Locators] = dict(sel.locators)
    for form_name, form in sel.forms.items():
        groups[f"forms.{form_name}.submit"] = form.submit
        for field_name, spec in form.fields.items():
            groups[f"forms.{form_name}.fields.{field_name}.locators"] = spec.locators
            for option, key in spec.options.items():
                if key not in sel.texts:
                    raise SelectorsError(
                        f"{sel.source}: key `forms.{form_name}.fields.{field_name}.options.{option}`"
                        f" names text {key!r}, which no `texts:` section defines"
                    )
    for where, strategies in groups.items():
        for i, strategy in enumerate(strategies):
            for key in strategy.text_keys():
                if key not in sel.texts:
                    raise SelectorsError(
                        f"{sel.source}: key `{where}[{i}]` names text {key!r}, "
                        "which no `texts:` section defines",
                        hint="add it under texts: in common.yaml or the platform file",
                    )


@cache
def _load_cached(directory: Path, platform: str) -> Selectors:
    common = _validate(CommonFile, _read_yaml(directory / "common.yaml"), directory / "common.yaml")
    path = directory / f"{platform}.yaml"
    own = _validate(PlatformFile, _read_yaml(path), path)
    if own.platform != platform:
        raise SelectorsError(f"{path}: key `platform` says {own.platform!r}, expected {platform!r}")
    sel = Selectors(
        platform=platform,
        display_name=own.display_name,
        hosts=own.hosts,
        allowed_hosts=common.allowed_hosts,
        login=own.login,
        forms=dict(own.forms),
        texts={**common.texts, **own.texts},
        locators={**common.locators, **own.locators},
        version=f"{own.schema_version}/{own.last_verified.isoformat()}",
        source=path,
    )
    _check_references(sel)
    return sel


def load(platform: str, directory: Path | None = None) -> Selectors:
    """Load and validate one platform's selectors (common.yaml merged under <platform>.yaml)."""
    if platform not in PLATFORMS:
        raise SelectorsError(f"unknown platform {platform!r}", hint=f"use one of {', '.join(PLATFORMS)}")
    return _load_cached(resolve_dir(directory).resolve(), platform)
