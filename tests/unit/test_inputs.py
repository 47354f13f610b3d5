"""Every validation rule of FillRequest, each with a failing input and the flag it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from meta_optout_assist.errors import BadInput
from meta_optout_assist.inputs import EVIDENCE_MAX_BYTES, build_request
from meta_optout_assist.site import registry

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "answer.png"
    path.write_bytes(PNG)
    return path


def third_party(image: Path, **override):
    values = dict(platform="facebook", form="third-party", email="anna@example.org", country="US",
                  request="object", first_name="Anna", last_name="Muster-Łącka",
                  prompts=("who is Anna Muster?",), evidence=image, details="d" * 120)
    values.update(override)
    return build_request(**values)


def test_a_complete_third_party_request_is_accepted(image):
    request = third_party(image)
    values = request.values(registry.load().entry("facebook", "third-party"))
    assert values["prompts"] == "who is Anna Muster?"
    assert values["knowledge"] == "yes"  # a fixed answer of the form, from the registry


@pytest.mark.parametrize(
    ("override", "flag"),
    [
        ({"details": "too short"}, "--details"),
        ({"details": "d" * 99}, "--details"),
        ({"details": None}, "--details"),
        ({"prompts": ()}, "--prompt"),
        ({"prompts": ("x" * 2001,)}, "--prompt"),
        ({"request": None}, "--request"),
        ({"request": "forget"}, "--request"),
        ({"first_name": "Anna2"}, "--first-name"),
        ({"last_name": "  "}, "--last-name"),
        ({"email": "anna@"}, "--email"),
        ({"country": "ZZ"}, "--country"),
    ],
)
def test_third_party_rules(image, override, flag):
    with pytest.raises(BadInput) as err:
        third_party(image, **override)
    assert flag in err.value.message


def test_evidence_must_exist(image, tmp_path):
    with pytest.raises(BadInput, match="--evidence.*not a file"):
        third_party(image, evidence=tmp_path / "missing.png")


def test_evidence_must_be_an_image(image, tmp_path):
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    with pytest.raises(BadInput, match="--evidence.*not a PNG, JPEG, GIF or WebP"):
        third_party(image, evidence=text)


def test_evidence_size_is_capped(image, tmp_path):
    big = tmp_path / "huge.png"
    with big.open("wb") as fh:
        fh.write(PNG)
        fh.truncate(EVIDENCE_MAX_BYTES + 1)
    with pytest.raises(BadInput, match="--evidence.*limit"):
        third_party(image, evidence=big)


def test_objection_reason_limits():
    with pytest.raises(BadInput, match="reason is required"):
        build_request(platform="facebook", email="a@example.org", country="DE")
    with pytest.raises(BadInput, match="limit is 5000"):
        build_request(platform="facebook", email="a@example.org", country="DE", reason="r" * 5001)


def test_reason_template_renders_in_the_page_language():
    request = build_request(platform="instagram", email="a@example.org", country="FR",
                            reason_template="creative-work")
    form = registry.load().entry("instagram", "objection")
    fr = request.values(form, "fr")["reason"]
    de = request.values(form, "de")["reason"]
    assert fr != de and "a@example.org" in fr and "Instagram" in de
