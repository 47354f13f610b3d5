"""What the person asks for, validated in one place before any browser opens.

Pydantic models turn flags (and profile values) into a `FillRequest`; any problem becomes a
BadInput that names the field and what is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from meta_optout_assist.errors import BadInput
from meta_optout_assist.validators import (  # noqa: F401 - the rules, named here as before
    EMAIL_EXAMPLE,
    EVIDENCE_MAX_BYTES,
    PERSON_NAME_MAX,
    PHONE_EXAMPLE,
    PROMPT_MAX,
    check_country,
    check_email,
    check_evidence,
    check_locale,
    check_person_name,
    check_phone,
    check_reason_template,
    image_kind,
    line_ends,
    phone_parts,
)

if TYPE_CHECKING:
    from meta_optout_assist.site.schema import FormEntry

# The inputs a form in the registry may ask for (selectors/forms/*.yaml `inputs`), and the flags
# that give each. A form that needs a new kind of input needs a flag here; every other form is data.
INPUT_FLAGS: dict[str, tuple[str, ...]] = {
    "email": ("--email E",),
    "country": ("--country CC",),
    "reason": ("--reason TEXT", "--reason-template NAME"),
    "request": ("--request object|delete",),
    "first_name": ("--first-name F",),
    "last_name": ("--last-name L",),
    "prompts": ("--prompt TEXT",),
    "evidence": ("--evidence IMAGE",),
    "details": ("--details TEXT",),
    "phone": ("--phone +CCNUMBER",),
}
# Inputs that are choices, not the person's own words: diagnostics leave them readable.
UNMASKED_INPUTS = frozenset({"country", "request"})


class FillRequest(BaseModel):
    """One form to fill for one account: everything the page objects need to type.

    Which inputs a form needs (and their lengths) is the registry's say (selectors/forms/*.yaml);
    `build_request` checks them against the form the platform and --form name.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: str
    form: str = "objection"
    account: str = "default"
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    reason: str | None = Field(default=None)
    reason_template: str | None = None
    locale: str | None = None
    # Third-party form only.
    request: Literal["object", "delete"] | None = None
    first_name: str | None = None
    last_name: str | None = None
    prompts: tuple[str, ...] = ()
    evidence: Path | None = None
    details: str | None = None

    @field_validator("email")
    @classmethod
    def _email(cls, v: str | None) -> str | None:
        return None if v is None else check_email(v)

    @field_validator("phone")
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        return None if v is None else check_phone(v)

    @field_validator("country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        return None if v is None else check_country(v)

    @field_validator("locale")
    @classmethod
    def _locale(cls, v: str | None) -> str | None:
        return None if v is None else check_locale(v)

    @field_validator("first_name", "last_name")
    @classmethod
    def _names(cls, v: str | None) -> str | None:
        return None if v is None else check_person_name(v)

    @field_validator("evidence")
    @classmethod
    def _evidence(cls, v: Path | None) -> Path | None:
        return None if v is None else check_evidence(v)

    @field_validator("reason", "details")
    @classmethod
    def _strip(cls, v: str | None) -> str | None:
        return None if v is None else line_ends(v).strip()

    @field_validator("prompts")
    @classmethod
    def _prompts(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(line_ends(p).strip() for p in v if p.strip())
        for p in cleaned:
            if len(p) > PROMPT_MAX:
                raise ValueError(f"a prompt is {len(p)} characters; the limit is {PROMPT_MAX}")
        return cleaned

    @model_validator(mode="before")
    @classmethod
    def _country_from_phone(cls, data: object, info: ValidationInfo) -> object:
        """A form that needs no country of its own (WhatsApp's) takes the number's country when the
        person gives none: it says who may use the form."""
        form = (info.context or {}).get("form")
        wanted = form.inputs.get("country") if form is not None else None
        if not (isinstance(data, dict) and wanted is not None and not wanted.required
                and not data.get("country") and data.get("phone")):
            return data
        try:
            region = phone_parts(check_phone(str(data["phone"])))[2]
        except ValueError:  # the phone's own validator says what is wrong with it
            return data
        return {**data, "country": region} if region else data

    @model_validator(mode="after")
    def _for_the_form(self, info: ValidationInfo) -> FillRequest:
        form = (info.context or {}).get("form")
        if form is not None:
            check_for_form(self, form)
        return self

    @field_validator("reason_template")
    @classmethod
    def _template(cls, v: str | None) -> str | None:
        return None if v is None else check_reason_template(v)

    def given(self, name: str) -> bool:
        """Whether the person gave input `name` (a reason counts when given as a template)."""
        if name == "reason":
            return bool(self.reason or self.reason_template)
        return bool(getattr(self, name))

    def reason_text(self, locale: str) -> str | None:
        """The reason as typed, or the chosen template in the form page's language."""
        if self.reason or not self.reason_template:
            return self.reason
        from meta_optout_assist.legal.reasons import render

        return render(self.reason_template, locale, email=self.email or "", platform=self.platform,
                      country_code=self.country or "", name=self.full_name())

    def full_name(self) -> str | None:
        names = [n for n in (self.first_name, self.last_name) if n]
        return " ".join(names) or None

    def input_value(self, name: str, locale: str = "en") -> object:
        """What goes into a field that takes input `name` (None: nothing given)."""
        if name == "reason":
            return self.reason_text(locale)
        if name == "prompts":
            return "\n\n".join(self.prompts) or None
        return getattr(self, name)

    def values(self, form: FormEntry, locale: str = "en") -> dict[str, object]:
        """Field key → value for the page objects: the person's inputs and the form's fixed answers."""
        values = {key: spec.value if spec.value is not None else self.input_value(spec.input or "", locale)
                  for key, spec in form.fields.items()}
        return {k: v for k, v in values.items() if v is not None}

    def typed_texts(self, form: FormEntry, locale: str = "en") -> list[str]:
        """Every free text the person gave this form (what diagnostics mask)."""
        out: list[str] = []
        for name in form.inputs:
            value = self.input_value(name, locale)
            if isinstance(value, Path):
                value = value.name
            if isinstance(value, str) and name not in UNMASKED_INPUTS:
                out.append(value)
        if self.phone:  # the whole number, and as a page may show it: without its country code
            out += [self.phone, phone_parts(self.phone)[1]]
        out += list(self.prompts)
        if self.first_name and self.last_name:
            out.append(f"{self.first_name} {self.last_name}")
        return [v for v in out if v.strip()]


def flag_of(name: str) -> str:
    """The flag that gives input `name`: --email, --prompt…"""
    return INPUT_FLAGS[name][0].split()[0]


def check_for_form(request: FillRequest, form: FormEntry) -> None:
    """The form's own needs (selectors/forms/*.yaml `inputs`): what it requires, how long it may be."""
    problems = []
    for name in form.required_inputs:
        if request.given(name):
            continue
        why = form.inputs[name].why
        problems.append(f"a {name.replace('_', ' ')} is required: {why} (use {' or '.join(INPUT_FLAGS[name])})"
                        if why else f"{flag_of(name)}: is required")
    if problems:
        raise ValueError("\n  ".join(problems))
    for name, spec in form.inputs.items():
        value = request.input_value(name)
        if not isinstance(value, str) or name == "reason" and not request.reason:
            continue
        flag = flag_of(name)
        low, high = spec.min_length, spec.max_length
        if low and len(value) < low:
            raise ValueError(f"{flag} is {len(value)} characters; Meta's form wants at least {low}"
                             + (f" (and at most {high})" if high else ""))
        if high and len(value) > high:
            raise ValueError(f"the {name.replace('_', ' ')} is {len(value)} characters; the limit is {high}")


_FLAG_NAMES = {
    **{name: flag_of(name) for name in INPUT_FLAGS},
    "locale": "--locale", "platform": "--platform", "form": "--form", "account": "--profile",
    "reason_template": "--reason-template",
}

_FIELD_WORD_RE = re.compile(r"\b[a-z]+_[a-z_]+\b")


def flag_errors(err: ValidationError, flags: Mapping[str, str]) -> list[str]:
    """One line per problem pydantic found, each naming the flag it is about ("--email: …").

    `flags` maps field names to what the person typed them as. A rule across fields has no single
    field: its own message names the fields, and those names become flags too."""
    lines = []
    for problem in err.errors(include_url=False):
        loc = problem.get("loc") or ()
        field = str(loc[0]) if loc else ""
        ctx = problem.get("ctx") or {}
        if problem["type"] == "missing":
            msg = "is required"
        elif problem["type"] == "value_error" and "error" in ctx:
            msg = str(ctx["error"])
        else:
            msg = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
        if field:
            lines.append(f"{flags.get(field, field)}: {msg}")
        else:
            lines.append(_FIELD_WORD_RE.sub(lambda m: flags.get(m[0], m[0]), msg))
    return lines


def build_request(*, selectors_dir: Path | None = None, **values: object) -> FillRequest:
    """Validate flags into a FillRequest for the form they name (the registry in `selectors_dir`),
    or raise BadInput naming the flag and what it accepts."""
    from meta_optout_assist.site import registry

    form = registry.load(selectors_dir).entry(str(values.get("platform")), str(values.get("form", "objection")))
    try:
        return FillRequest.model_validate(values, context={"form": form})
    except ValidationError as err:
        raise BadInput("\n  ".join(flag_errors(err, _FLAG_NAMES)),
                       hint="run `assist fill --help` for what each option takes") from None
