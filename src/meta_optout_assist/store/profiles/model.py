"""What a profile is: one person's details for the forms, validated by the rules `assist fill`
applies to its flags, with errors that name the flag to fix."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from meta_optout_assist.errors import BadInput
from meta_optout_assist.inputs import flag_errors
from meta_optout_assist.validators import check_country as validate_country
from meta_optout_assist.validators import check_email as validate_email
from meta_optout_assist.validators import check_locale as validate_locale
from meta_optout_assist.validators import check_person_name as validate_person_name
from meta_optout_assist.validators import check_phone as validate_phone
from meta_optout_assist.validators import check_reason_template as validate_reason_template

_PROFILE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}\Z")
PROFILE_NAME_RULE = (
    "1 to 40 characters: letters A-Z, digits, '-' and '_', starting with a letter or digit"
)


def is_profile_name(value: object) -> bool:
    """Could this be a profile's name? (No keyring entry is ever looked up for one that is not.)"""
    return isinstance(value, str) and _PROFILE_NAME_RE.match(value) is not None


def validate_profile_name(value: str) -> str:
    """A profile name as typed, or ValueError saying what is accepted."""
    if not is_profile_name(value):
        raise ValueError(f"{value!r} is not a usable profile name; use {PROFILE_NAME_RULE}")
    return value


class Profile(BaseModel):
    """One person's details for the forms. Validated on creation and again on every load."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=True)

    name: str
    email: str
    country: str
    phone: str | None = None  # WhatsApp's form asks for the account's number
    locale: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    reason_template: str | None = None
    reason: str | None = None  # in the person's own words, instead of a template
    created_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))

    @field_validator("phone", "locale", "first_name", "last_name", "reason_template", "reason", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return validate_profile_name(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return validate_email(value)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return validate_country(value)

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        return None if value is None else validate_phone(value)

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str | None) -> str | None:
        return None if value is None else validate_locale(value)

    @field_validator("first_name", "last_name")
    @classmethod
    def _person_name(cls, value: str | None) -> str | None:
        return None if value is None else validate_person_name(value)

    @field_validator("reason_template")
    @classmethod
    def _reason_template(cls, value: str | None) -> str | None:
        return None if value is None else validate_reason_template(value)

    @model_validator(mode="after")
    def _both_names_or_neither(self) -> Profile:
        if (self.first_name is None) != (self.last_name is None):
            missing = "last_name" if self.last_name is None else "first_name"
            raise ValueError(
                f"{missing} is missing: first_name and last_name go together, give both or neither"
            )
        return self


# How each field is called on the command line, for error messages.
FIELD_FLAGS = {
    "name": "NAME",
    "email": "--email",
    "country": "--country",
    "phone": "--phone",
    "reason": "--reason",
    "locale": "--locale",
    "first_name": "--first-name",
    "last_name": "--last-name",
    "reason_template": "--reason-template",
    "created_at": "created_at",
}


def describe_validation_error(err: ValidationError) -> str:
    """One line per problem, each starting with the flag it is about."""
    return "\n".join(flag_errors(err, FIELD_FLAGS))


def build_profile(**fields: Any) -> Profile:
    """A Profile from what the person typed, or BadInput naming each wrong flag and what works."""
    try:
        return Profile(**fields)
    except ValidationError as err:
        raise BadInput(
            "the profile is not valid:\n" + describe_validation_error(err),
            hint="fix the flags named above and run the command again",
        ) from None


def load_profile(name: str, raw: str) -> Profile:
    """The profile kept as JSON under `name`, or BadInput if it no longer validates or is another's."""
    try:
        profile = Profile.model_validate_json(raw)
    except ValidationError as err:
        raise BadInput(
            f"the stored profile {name!r} is no longer valid:\n" + describe_validation_error(err),
            hint=f"replace it: `assist profile add {name} --email E --country CC --force`",
        ) from None
    if profile.name != name:
        raise BadInput(
            f"the keyring entry for profile {name!r} holds a profile named {profile.name!r}",
            hint=f"replace it: `assist profile add {name} --email E --country CC --force`",
        )
    return profile
