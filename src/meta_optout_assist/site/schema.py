"""The shape of the site knowledge in selectors/: pydantic models for its three kinds of file.

- common.yaml: what every Meta site shares (allowed hosts, texts, locators of the pages that look
  the same everywhere: cookie banner, code step, confirmation, errors, gate question);
- <site>.yaml: one site (facebook.com, instagram.com…): its hosts and login page;
- forms/<id>.yaml: one form, the registry's entry: what it is, where it lives, what it asks, how
  Meta verifies it and who may use it.

A locator is a list of strategies tried in order, from a tiny vocabulary (css | role + name |
label | placeholder | text), like a consent rule's steps; texts are phrasings per language.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 2
Texts = dict[str, list[str]]  # language → phrasings
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def metas_domains(hosts: list[str]) -> list[str]:
    """Registrable domains of Meta's only, in lower case (site/domains.py says why)."""
    from meta_optout_assist.site.domains import problem

    for host in hosts:
        why = problem(host)
        if why:
            raise ValueError(why)
    return [h.strip().lower().rstrip(".") for h in hosts]


def https_only(urls: list[str]) -> list[str]:
    for url in urls:
        if not url.startswith("https://"):
            raise ValueError(f"addresses must be https:// URLs, got {url!r}")
    return urls


class Strategy(Strict):
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


class LoginSpec(Strict):
    addresses: list[str] = Field(min_length=1)


class CommonFile(Strict):
    schema_version: int
    last_verified: dt.date
    # Hosts (and their subdomains) the browser may reach; everything else is blocked.
    allowed_hosts: list[str] = Field(min_length=1)
    texts: dict[str, Texts]
    locators: dict[str, Locators]

    _hosts = field_validator("allowed_hosts")(metas_domains)


class SiteFile(Strict):
    schema_version: int
    last_verified: dt.date
    site: str
    display_name: str
    hosts: list[str] = Field(min_length=1)
    login: LoginSpec | None = None  # None: the site has no login page of its own
    texts: dict[str, Texts] = Field(default_factory=dict)
    locators: dict[str, Locators] = Field(default_factory=dict)

    _hosts = field_validator("hosts")(metas_domains)


# -- the registry of forms --------------------------------------------------------------------

class FieldSpec(Strict):
    """One field on the form's page: how to find it, what kind of widget it is, and what goes in:
    a request `input` (the person's email, reason…) or a fixed answer `value`."""

    kind: Literal["text", "choice", "radio", "file", "check", "phone"]
    input: str | None = None
    value: str | None = None
    label: str  # how the review before Send names it
    locators: Locators = Field(min_length=1)
    # For kind=radio: option key → text key naming the option's label.
    options: dict[str, str] = Field(default_factory=dict)
    # For kind=phone: the country-code picker beside the number, when the page has one (without
    # one, the number is typed whole, +CC included).
    picker: Locators = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_source(self) -> FieldSpec:
        if (self.input is None) == (self.value is None):
            raise ValueError("a field takes exactly one of `input` (what the person gives) and "
                             "`value` (a fixed answer)")
        if self.value is not None and self.kind == "radio" and self.value not in self.options:
            raise ValueError(f"value {self.value!r} is not one of the options {list(self.options)}")
        if self.picker and self.kind != "phone":
            raise ValueError("`picker` goes with kind: phone")
        return self


class InputSpec(Strict):
    """What the form needs from the person for one input, checked before a browser opens."""

    required: bool = False
    why: str | None = None  # said when it is missing
    min_length: int | None = Field(default=None, ge=1)
    max_length: int | None = Field(default=None, ge=1)


class PrivacyRoute(Strict):
    """The way a person reaches the form from the Privacy Centre, when every address is gone."""

    addresses: list[str] = Field(min_length=1)
    link: str  # a locator key: the link to follow on those pages

    _https = field_validator("addresses")(https_only)


class FormEntry(Strict):
    """One of Meta's forms (selectors/forms/<id>.yaml)."""

    schema_version: int
    last_verified: dt.date
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    form: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")  # the --form value
    platforms: list[str] = Field(min_length=1)  # the --platform values that pick it
    once: bool = False  # --platform all fills it once, not once per platform
    site: str  # selectors/<site>.yaml
    title: dict[str, str]
    about: str | None = None  # a sentence for `assist forms`: what the form is for
    login: Literal["required", "optional", "none"]
    regions: list[str] = Field(min_length=1)  # region names of legal/data/eligibility.yaml, or "anywhere"
    addresses: list[str] = Field(min_length=1)
    gate_addresses: list[str] = Field(default_factory=list)
    privacy_centre: PrivacyRoute | None = None
    verification: list[Literal["code", "link", "none"]] = Field(min_length=1)
    # Every input the form takes: the fields' own, and those only the tool uses (the country for
    # who may use the form, when the page has no country field).
    inputs: dict[str, InputSpec]
    detect_by: str
    fields: dict[str, FieldSpec] = Field(min_length=1)
    submit: Locators = Field(min_length=1)
    texts: dict[str, Texts] = Field(default_factory=dict)
    locators: dict[str, Locators] = Field(default_factory=dict)

    _https = field_validator("addresses", "gate_addresses")(https_only)

    @field_validator("title")
    @classmethod
    def _english_title(cls, title: dict[str, str]) -> dict[str, str]:
        if "en" not in title:
            raise ValueError("needs at least the English title (`en`)")
        return title

    @model_validator(mode="after")
    def _consistent(self) -> FormEntry:
        if self.detect_by not in self.fields:
            raise ValueError(f"detect_by names {self.detect_by!r}, which is not one of the fields")
        for name, spec in self.fields.items():
            if spec.input is not None and spec.input not in self.inputs:
                raise ValueError(f"fields.{name}: input {spec.input!r} is not listed under `inputs`")
        return self

    def title_in(self, language: str | None) -> str:
        return self.title.get(language or "en") or self.title["en"]

    @property
    def required_inputs(self) -> list[str]:
        return [name for name, spec in self.inputs.items() if spec.required]
