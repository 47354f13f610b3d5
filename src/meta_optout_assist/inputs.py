"""What the person asks for, validated in one place before any browser opens.

Pydantic models turn flags (and profile values) into a `FillRequest`; any problem becomes a
BadInput that names the field and what is accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from meta_optout_assist.errors import BadInput

REASON_MAX = 5000
DETAILS_MIN = 100
DETAILS_MAX = 5000
PROMPT_MAX = 2000
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"RIFF": "WebP",
}

Platform = Literal["facebook", "instagram"]
FormName = Literal["objection", "third-party"]


# RFC 5322 "atext" for the part before the @, dot-separated, no empty parts.
_LOCAL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\Z"
)
_LABEL_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\Z")
_TLD_RE = re.compile(r"(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})\Z")
EMAIL_EXAMPLE = "name@example.org"

PERSON_NAME_MAX = 100
_NAME_SEPARATORS = frozenset(" -'\u2019")  # space, hyphen, apostrophe, typographic apostrophe


def check_email(value: str) -> str:
    """A practical email syntax check (no DNS): `local@domain.tld`, internationalised domains
    allowed. Returns the address with surrounding spaces removed and the domain in lower case."""

    def bad(why: str) -> ValueError:
        return ValueError(
            f"{value!r} is not an email address ({why}); expected e.g. {EMAIL_EXAMPLE}"
        )

    text = value.strip()
    if not text:
        raise bad("it is empty")
    if any(ch.isspace() for ch in text):
        raise bad("it contains a space")
    if text.count("@") != 1:
        raise bad("it needs exactly one @")
    local, domain = text.split("@")
    if not local:
        raise bad("nothing before the @")
    if len(local) > 64:
        raise bad("more than 64 characters before the @")
    if not _LOCAL_RE.match(local):
        raise bad("the part before the @ has a character or dot that is not allowed")
    if not domain:
        raise bad("nothing after the @")
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise bad("the part after the @ is not a valid domain") from None
    labels = ascii_domain.split(".")
    if len(labels) < 2:
        raise bad("the domain needs a dot, as in example.org")
    if not all(_LABEL_RE.match(label) for label in labels):
        raise bad("the part after the @ is not a valid domain")
    if not _TLD_RE.match(labels[-1]):
        raise bad(f"{labels[-1]!r} is not a top-level domain")
    if len(local) + 1 + len(ascii_domain) > 254:
        raise bad("longer than 254 characters")
    return f"{local}@{domain.lower()}"


def check_person_name(value: str) -> str:
    """A first or last name: letters (accents included), spaces, hyphens, apostrophes."""
    text = " ".join(unicodedata.normalize("NFC", value).split())
    rule = (
        f"1 to {PERSON_NAME_MAX} characters: letters (accents included), spaces, hyphens "
        "and apostrophes"
    )
    if not text:
        raise ValueError(f"it is empty; use {rule}")
    if len(text) > PERSON_NAME_MAX:
        raise ValueError(f"it has {len(text)} characters; use {rule}")
    if not text[0].isalpha():
        raise ValueError(f"{value!r} must start with a letter; use {rule}")
    for ch in text:
        if not (ch.isalpha() or unicodedata.category(ch).startswith("M") or ch in _NAME_SEPARATORS):
            raise ValueError(f"{value!r} contains {ch!r}; use {rule}")
    return text


def check_country(value: str) -> str:
    from meta_optout_assist.legal.countries import normalize_code

    return normalize_code(value)


def check_locale(value: str) -> str:
    """A supported language ("de", "fr", …) from "de", "de_DE", "de-AT", …"""
    from meta_optout_assist.legal.countries import normalize_locale

    return normalize_locale(value)


def check_reason_template(value: str) -> str:
    from meta_optout_assist.legal.reasons import template_names

    known = template_names()
    if value not in known:
        raise ValueError(f"there is no reason template {value!r}; use one of {', '.join(known)} "
                         "(`assist reasons` shows them)")
    return value


def check_evidence(path: Path) -> Path:
    try:
        path = path.expanduser()
    except RuntimeError:  # "~someone/…" for a user this system does not know
        raise ValueError(f"{path}: no such home folder") from None
    try:
        if not path.is_file():
            raise ValueError(f"{path} is not a file")
        size = path.stat().st_size
        if size > EVIDENCE_MAX_BYTES:
            raise ValueError(f"{path} is {size // 1024} KiB; the limit is {EVIDENCE_MAX_BYTES // 1048576} MiB")
        with path.open("rb") as fh:
            head = fh.read(12)
    except OSError as err:  # a name too long, no permission, …
        raise ValueError(f"{path} cannot be read ({err.strerror or err})") from None
    kind = next((k for magic, k in _IMAGE_MAGIC.items() if head.startswith(magic)), None)
    if kind is None or (kind == "WebP" and head[8:12] != b"WEBP"):
        raise ValueError(f"{path} is not a PNG, JPEG, GIF or WebP image")
    return path


class FillRequest(BaseModel):
    """One form to fill for one account: everything the page objects need to type."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: Platform
    form: FormName = "objection"
    account: str = "default"
    email: str
    country: str
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
    def _email(cls, v: str) -> str:
        return check_email(v)

    @field_validator("country")
    @classmethod
    def _country(cls, v: str) -> str:
        return check_country(v)

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
        return None if v is None else v.strip()

    @field_validator("prompts")
    @classmethod
    def _prompts(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(p.strip() for p in v if p.strip())
        for p in cleaned:
            if len(p) > PROMPT_MAX:
                raise ValueError(f"a prompt is {len(p)} characters; the limit is {PROMPT_MAX}")
        return cleaned

    @model_validator(mode="after")
    def _per_form(self) -> FillRequest:
        if self.form == "objection":
            if not self.reason and not self.reason_template:
                raise ValueError(
                    "a reason is required: the 2024 form refuses an objection without one, and a "
                    "reason makes acceptance likelier (use --reason TEXT or --reason-template NAME)"
                )
            if self.reason and len(self.reason) > REASON_MAX:
                raise ValueError(f"the reason is {len(self.reason)} characters; the limit is {REASON_MAX}")
        else:
            missing = [flag for flag, value in (
                ("--request", self.request), ("--first-name", self.first_name),
                ("--last-name", self.last_name), ("--details", self.details),
            ) if not value]
            if not self.prompts:
                missing.append("--prompt")
            if missing:
                raise ValueError(f"the third-party form needs {', '.join(missing)}")
            assert self.details is not None
            if not DETAILS_MIN <= len(self.details) <= DETAILS_MAX:
                raise ValueError(
                    f"--details is {len(self.details)} characters; Meta's form wants at least "
                    f"{DETAILS_MIN} (and at most {DETAILS_MAX})"
                )
        return self

    @field_validator("reason_template")
    @classmethod
    def _template(cls, v: str | None) -> str | None:
        return None if v is None else check_reason_template(v)

    def reason_text(self, locale: str) -> str | None:
        """The reason as typed, or the chosen template in the form page's language."""
        if self.reason or not self.reason_template:
            return self.reason
        from meta_optout_assist.legal.reasons import render

        return render(self.reason_template, locale, email=self.email, platform=self.platform,
                      country_code=self.country, name=self.full_name())

    def full_name(self) -> str | None:
        names = [n for n in (self.first_name, self.last_name) if n]
        return " ".join(names) or None

    def values(self, locale: str = "en") -> dict[str, object]:
        """Field key → value for the page objects (keys match selectors' field names)."""
        values: dict[str, object] = {"email": self.email, "country": self.country}
        if self.form == "objection":
            values["reason"] = self.reason_text(locale)
        else:
            values.update(
                request=self.request, first_name=self.first_name, last_name=self.last_name,
                knowledge="yes", prompts="\n\n".join(self.prompts), evidence=self.evidence,
                details=self.details,
            )
        return {k: v for k, v in values.items() if v is not None}


_FLAG_NAMES = {
    "email": "--email", "country": "--country", "reason": "--reason", "locale": "--locale",
    "first_name": "--first-name", "last_name": "--last-name", "prompts": "--prompt",
    "evidence": "--evidence", "details": "--details", "request": "--request",
    "platform": "--platform", "form": "--form", "account": "--profile",
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


def build_request(**values: object) -> FillRequest:
    """Validate flags into a FillRequest, or raise BadInput naming the flag and what it accepts."""
    try:
        return FillRequest(**values)  # type: ignore[arg-type]
    except ValidationError as err:
        raise BadInput("\n  ".join(flag_errors(err, _FLAG_NAMES)),
                       hint="run `assist fill --help` for what each option takes") from None
