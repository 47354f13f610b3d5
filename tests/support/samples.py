"""What a person gives each input a registry form may ask for, and what the replica should then
receive: so a test can fill any form of the registry without knowing which one it is."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from meta_optout_assist.inputs import build_request

EMAIL = "person@example.org"
TEMPLATE = "art21-particular-situation"
DETAILS = ("Meta AI answered with my home address and my employer, which I never shared with Meta. "
           "I ask you to stop using this information for AI at Meta.")

# language → the country a person there gives, and its name in that language's country list.
COUNTRY = {
    "en": ("IE", "Ireland"), "de": ("DE", "Deutschland"), "fr": ("FR", "France"),
    "es": ("ES", "España"), "it": ("IT", "Italia"), "nl": ("NL", "Nederland"), "pl": ("PL", "Polska"),
    "pt": ("BR", "Brasil"),
}


def png(path: Path) -> Path:
    """A real (tiny) PNG screenshot."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x80\x00" * 8 for _ in range(8))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def mobile_number(country: str) -> str:
    """A mobile number of that country, in E.164 (libphonenumber's example)."""
    import phonenumbers

    number = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def sample_inputs(form, locale: str, tmp_path: Path) -> dict:
    """Values for every input the form takes, as `assist fill`'s flags would give them."""
    samples = {
        "email": EMAIL, "country": COUNTRY[locale][0], "reason_template": TEMPLATE,
        "phone": mobile_number(COUNTRY[locale][0]),
        "request": "object", "first_name": "Ada", "last_name": "Example",
        "prompts": ("Who is Ada Example from Leipzig?", "Where does Ada Example work?"),
        "evidence": png(tmp_path / "meta-ai-answer.png"), "details": DETAILS,
    }
    key = {"reason": "reason_template"}
    return {key.get(name, name): samples[key.get(name, name)] for name in form.inputs}


def received(fields: dict) -> dict:
    """A submission's fields as the replica recorded them, with line ends as typed (a native form
    posts its text areas with CRLF)."""
    return {k: v.replace("\r\n", "\n") if isinstance(v, str) else v for k, v in fields.items()}


def expected_fields(form, inputs: dict, locale: str, shown: set[str]) -> dict:
    """What the replica should have received for those inputs (its own spelling of each field);
    `shown`: the fields the page had (the 2025 forms have no country)."""
    request = build_request(platform=form.platforms[0], form=form.form, **inputs)
    out: dict = {}
    for key, spec in form.fields.items():
        if spec.value is not None:
            out[key] = spec.value
        elif spec.input == "reason":
            out[key] = request.reason_text(locale)
        elif spec.input == "prompts":
            out[key] = list(request.prompts)
        elif spec.input == "evidence":
            out["evidence_filename"] = request.evidence.name
            out["evidence_size"] = request.evidence.stat().st_size
        else:
            out[key] = getattr(request, spec.input)
    return {k: v for k, v in out.items() if k in shown or k != "country"}
