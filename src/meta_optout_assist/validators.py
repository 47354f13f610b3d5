"""The rules of each input a person gives (email, phone, names, country, language, reason template,
evidence image): each check takes what was typed and returns it normalised, or raises ValueError
saying what is accepted. inputs.py names the flag; profiles and the questions use the same rules."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

PROMPT_MAX = 2000
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"RIFF": "WebP",
}


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
