"""Ready-made reasons a person can send with `--reason-template NAME`, in eight languages.

Meta's 2024 form required a free-text reason and gave no criteria; many people did not know what
to write. These templates (data/reasons/*.yaml) are written as a person would write them, with
the legal terms of each language, and filled with the person's email, platform and country. The
Portuguese ones cite the GDPR and, for Brazil, the LGPD: a Portuguese reader may live in either.
A sign-off paragraph holding {name} is dropped when no name is given.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from meta_optout_assist.legal.countries import (
    SUPPORTED_LOCALES,
    DataFileError,
    country_name,
    normalize_locale,
    read_validated,
)

PLACEHOLDERS: tuple[str, ...] = ("name", "email", "platform", "country")
REQUIRED_PLACEHOLDERS: tuple[str, ...] = ("email", "platform", "country")
FALLBACK_LOCALE = "en"

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Template:
    """One reason template: its name and, per locale, a title, a one-line summary and the text."""

    name: str
    title: dict[str, str]
    summary: dict[str, str]
    text: dict[str, str]

    def title_for(self, locale: str | None) -> str:
        return self.title[best_locale(locale).locale]

    def summary_for(self, locale: str | None) -> str:
        return self.summary[best_locale(locale).locale]


class LocaleChoice(NamedTuple):
    """The locale a template will be written in, and whether that is a fallback to English."""

    locale: str
    fell_back: bool


def best_locale(locale: str | None) -> LocaleChoice:
    """The supported locale for a request such as "de_AT"; English (fell_back=True) otherwise."""
    if locale is None or not str(locale).strip():
        return LocaleChoice(FALLBACK_LOCALE, False)
    try:
        return LocaleChoice(normalize_locale(locale), False)
    except ValueError:
        return LocaleChoice(FALLBACK_LOCALE, True)


def _paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]


def _check_text(text: str) -> str:
    """Placeholders must be known, required ones present, {name} only in the last paragraph."""
    found = _PLACEHOLDER.findall(text)
    unknown = sorted(set(found) - set(PLACEHOLDERS))
    if unknown:
        raise ValueError(f"unknown placeholder(s) {unknown}; allowed: {list(PLACEHOLDERS)}")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise ValueError("stray brace: write placeholders as {name}, {email}, …")
    missing = [p for p in REQUIRED_PLACEHOLDERS if p not in found]
    if missing:
        raise ValueError(f"missing placeholder(s) {missing}")
    paragraphs = _paragraphs(text)
    if any("{name}" in p for p in paragraphs[:-1]):
        raise ValueError("{name} may only appear in the last paragraph (the sign-off)")
    return text


@functools.cache
def _schema() -> Any:
    # pydantic is imported here, not at module import: `assist --help` must stay fast.
    from pydantic import BaseModel, ConfigDict, field_validator

    def per_locale(value: dict[str, str]) -> dict[str, str]:
        missing = [loc for loc in SUPPORTED_LOCALES if loc not in value]
        extra = [loc for loc in value if loc not in SUPPORTED_LOCALES]
        if missing or extra:
            raise ValueError(
                f"locales must be exactly {list(SUPPORTED_LOCALES)}; "
                f"missing {missing}, unexpected {extra}"
            )
        if any(not str(v).strip() for v in value.values()):
            raise ValueError("empty entry")
        return value

    class TemplateFile(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

        name: str
        title: dict[str, str]
        summary: dict[str, str]
        text: dict[str, str]

        @field_validator("name")
        @classmethod
        def _slug(cls, value: str) -> str:
            if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
                raise ValueError("use lower-case words joined by hyphens")
            return value

        @field_validator("title", "summary", "text")
        @classmethod
        def _all_locales(cls, value: dict[str, str]) -> dict[str, str]:
            return per_locale(value)

        @field_validator("title", "summary")
        @classmethod
        def _one_line(cls, value: dict[str, str]) -> dict[str, str]:
            if any("\n" in v.strip() for v in value.values()):
                raise ValueError("must be one line")
            return {loc: v.strip() for loc, v in value.items()}

        @field_validator("text")
        @classmethod
        def _placeholders(cls, value: dict[str, str]) -> dict[str, str]:
            for locale, text in value.items():
                try:
                    _check_text(text)
                except ValueError as exc:
                    raise ValueError(f"{locale}: {exc}") from None
            return value

    return TemplateFile


@functools.cache
def _templates() -> dict[str, Template]:
    from importlib import resources

    folder = resources.files("meta_optout_assist.legal").joinpath("data").joinpath("reasons")
    files = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith((".yaml", ".yml"))),
        key=lambda entry: entry.name,
    )
    schema = _schema()
    out: dict[str, Template] = {}
    for entry in files:
        where = f"data/reasons/{entry.name}"
        model = read_validated(schema, "reasons", entry.name)
        stem = entry.name.rsplit(".", 1)[0]
        if model.name != stem:
            raise DataFileError(f"{where}: name: {model.name!r} must match the file name {stem!r}")
        out[model.name] = Template(
            name=model.name,
            title=dict(model.title),
            summary=dict(model.summary),
            text={loc: text.strip() for loc, text in model.text.items()},
        )
    if not out:
        raise DataFileError("data/reasons: no templates found")
    return out


def list_templates() -> list[Template]:
    """All templates, sorted by name."""
    return list(_templates().values())


def template_names() -> list[str]:
    """The names `--reason-template` accepts."""
    return list(_templates())


def get_template(name: str) -> Template:
    """The template called NAME; ValueError listing the valid names otherwise."""
    key = name.strip().lower() if isinstance(name, str) else ""
    try:
        return _templates()[key]
    except KeyError:
        raise ValueError(
            f"Unknown reason template {name!r}: choose one of {', '.join(template_names())}."
        ) from None


def _platform_label(platform: str) -> str:
    """The platform as it calls itself: Facebook, Instagram, WhatsApp…"""
    from meta_optout_assist.site.selectors import platform_name

    name = platform_name(platform)
    if name is None:
        raise ValueError(f"Unknown platform {platform!r}: `assist forms --country CC` lists the platforms.")
    return name


def fill(text: str, values: dict[str, str]) -> str:
    """Substitute placeholders; a paragraph with an empty placeholder (no name) is left out."""
    kept = []
    for paragraph in _paragraphs(text):
        used = _PLACEHOLDER.findall(paragraph)
        if any(not values.get(key, "").strip() for key in used):
            continue
        kept.append(_PLACEHOLDER.sub(lambda m: " ".join(values[m.group(1)].split()), paragraph))
    return "\n\n".join(kept)


def render(
    template: str,
    /,
    locale: str | None,
    *,
    email: str,
    platform: str,
    country_code: str,
    name: str | None = None,
) -> str:
    """The reason text ready to paste into Meta's form.

    An unsupported locale falls back to English; call best_locale(locale) to learn whether it did.
    Raises ValueError for an unknown template, platform or country, or an empty email.
    """
    chosen = get_template(template)
    loc = best_locale(locale).locale
    if not isinstance(email, str) or not email.strip():
        raise ValueError("An email address is needed: the reason asks Meta to confirm to it.")
    values = {
        "name": (name or "").strip(),
        "email": email.strip(),
        "platform": _platform_label(platform),
        "country": country_name(country_code, loc),
    }
    return fill(chosen.text[loc], values)
