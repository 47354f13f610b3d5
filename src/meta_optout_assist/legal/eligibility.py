"""Which of Meta's AI forms a person may use, given the country they live in.

Meta offers the user objection form only in the EU, the EEA and the UK; the third-party
information form is open to everyone. The country lists live in data/eligibility.yaml because
Meta changes them, and the advice text tells the person which `assist fill` command to run.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Literal

from meta_optout_assist.legal.countries import country_name, normalize_code, read_validated

Region = Literal["EU", "EEA", "UK"]
FormKey = Literal["objection", "third-party"]



@dataclass(frozen=True)
class FormAdvice:
    """One form, whether this person may use it, and what to run."""

    form: FormKey
    title: str
    platforms: tuple[str, ...]
    eligible: bool
    how: str
    note: str | None = None
    warning: str | None = None


@functools.cache
def _schema() -> Any:
    # pydantic is imported here, not at module import: `assist --help` must stay fast.
    from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

    def code(value: str) -> str:
        if not isinstance(value, str) or normalize_code(value) != value:
            raise ValueError(f"{value!r} is not an upper-case ISO 3166-1 alpha-2 code")
        return value

    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    class Objection(Strict):
        title: str
        platforms: tuple[Literal["facebook", "instagram"], ...]
        regions: tuple[Region, ...]
        how_eligible: str
        how_not_eligible: str

    class ThirdParty(Strict):
        title: str
        platforms: tuple[Literal["facebook", "instagram"], ...]
        regions: Literal["all"]
        how: str

    class Forms(Strict):
        objection: Objection
        third_party: ThirdParty = Field(alias="third-party")

    class CountryAdvice(Strict):
        note: str | None = None
        warning: str | None = None

    class EligibilityFile(Strict):
        regions: dict[Region, tuple[str, ...]]
        territories: dict[str, str] = {}
        forms: Forms
        countries: dict[str, CountryAdvice] = {}
        territory_note: str

        @field_validator("regions")
        @classmethod
        def _region_codes(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
            for codes in value.values():
                for item in codes:
                    code(item)
            return value

        @field_validator("territories", "countries")
        @classmethod
        def _keys_are_codes(cls, value: dict[str, Any]) -> dict[str, Any]:
            for item in value:
                code(item)
            return value

        @model_validator(mode="after")
        def _consistent(self) -> EligibilityFile:
            seen: dict[str, str] = {}
            for region, codes in self.regions.items():
                for item in codes:
                    if item in seen:
                        raise ValueError(f"{item} is listed in both {seen[item]} and {region}")
                    seen[item] = region
            for place, parent in self.territories.items():
                if parent not in seen:
                    raise ValueError(f"territories.{place}: parent {parent} is in no region")
                if place in seen:
                    raise ValueError(f"territories.{place}: also listed as a country")
            return self

    return EligibilityFile


@functools.cache
def _data() -> Any:
    return read_validated(_schema(), "eligibility.yaml")


def country_for_form(code: str) -> str:
    """The country to pick in a form's list: the parent country for Réunion, Åland and the like."""
    alpha2 = normalize_code(code)
    return _data().territories.get(alpha2, alpha2)


def region_of(code: str) -> Region | None:
    """The region (EU, EEA or UK) where the person lives, None anywhere else."""
    alpha2 = country_for_form(code)
    for region, codes in _data().regions.items():
        if alpha2 in codes:
            return region
    return None


def is_objection_eligible(code: str) -> bool:
    """Whether Meta offers this person the user objection form (EU, EEA and UK residents)."""
    return region_of(code) in _data().forms.objection.regions


def forms_for(code: str) -> list[FormAdvice]:
    """Both forms, in the order to use them, each saying whether and how this person can use it."""
    data = _data()
    alpha2 = normalize_code(code)
    form_code = country_for_form(alpha2)
    advice = data.countries.get(alpha2) or data.countries.get(form_code)
    territory = None
    if form_code != alpha2:
        territory = data.territory_note.replace("{place}", country_name(alpha2)).replace(
            "{parent}", country_name(form_code)
        )
    note = " ".join(part for part in (territory, advice.note if advice else None) if part)

    objection = data.forms.objection
    eligible = is_objection_eligible(alpha2)
    third = data.forms.third_party
    return [
        FormAdvice(
            form="objection",
            title=objection.title,
            platforms=tuple(objection.platforms),
            eligible=eligible,
            how=(objection.how_eligible if eligible else objection.how_not_eligible).replace(
                "{code}", form_code
            ),
            note=note or None,
            warning=advice.warning if advice and eligible else None,
        ),
        FormAdvice(
            form="third-party",
            title=third.title,
            platforms=tuple(third.platforms),
            eligible=True,
            how=third.how.replace("{code}", form_code),
            note=territory,
        ),
    ]
