"""What the person asks for, validated in one place before any browser opens.

Pydantic models turn flags (and profile values) into a `FillRequest`; any problem becomes a
BadInput that names the field and what is accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from meta_optout_assist.errors import BadInput

if TYPE_CHECKING:
    from meta_optout_assist.site.schema import FormEntry

PROMPT_MAX = 2000
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"RIFF": "WebP",
}

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


PHONE_EXAMPLE = "+4915112345678"
_PHONE_SEPARATORS = str.maketrans("", "", " -./()\u00a0")


def check_phone(value: str) -> str:
    """A phone number in E.164 (+ country code, then the number: +4915112345678). Spaces, dashes,
    dots and brackets people write between the digits are dropped. Returns the E.164 form."""
    import phonenumbers

    def bad(why: str) -> ValueError:
        return ValueError(f"{value!r} is not a phone number in international form ({why}); "
                          f"expected e.g. {PHONE_EXAMPLE}: +, the country code, then the number")

    text = str(value).strip().translate(_PHONE_SEPARATORS)
    if not text:
        raise bad("it is empty")
    if not text.startswith("+"):
        raise bad("it does not start with + and the country code"
                  + (f"; write +{text[2:]}?" if text.isdigit() and text.startswith("00") else ""))
    digits = text[1:]
    if not digits.isdigit():
        odd = next(ch for ch in digits if not ch.isdigit())
        raise bad(f"it contains {odd!r}; only digits may follow the +")
    if len(digits) < 8:
        raise bad("it is too short")
    if len(digits) > 15:
        raise bad("it is longer than the 15 digits a phone number can have")
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        raise bad("its country code is not one that exists") from None
    if not phonenumbers.is_possible_number(number):
        raise bad("it has the wrong number of digits for its country code")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_parts(e164: str) -> tuple[str, str, str | None]:
    """(country calling code with +, the national number, the number's country as an ISO code):
    what a form with a country-code picker takes apart."""
    import phonenumbers

    number = phonenumbers.parse(e164, None)
    region = phonenumbers.region_code_for_number(number)
    return f"+{number.country_code}", phonenumbers.national_significant_number(number), \
        region if region and region != "ZZ" else None


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


def line_ends(text: str) -> str:
    """Windows' and old Mac line ends (CRLF, CR) as the LF a browser's text box keeps: a reason from
    `$(cat reason.txt)` saved on Windows is typed, shown and compared as the page has it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def image_kind(head: bytes) -> str | None:
    """PNG, JPEG, GIF or WebP, from a file's first bytes (12 are enough); None for anything else."""
    kind = next((k for magic, k in _IMAGE_MAGIC.items() if head.startswith(magic)), None)
    return None if kind == "WebP" and head[8:12] != b"WEBP" else kind


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
    kind = image_kind(head)
    if kind is None:
        raise ValueError(f"{path} is not a PNG, JPEG, GIF or WebP image")
    return path


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
