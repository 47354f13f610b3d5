"""Who may use which form: `assist forms` (with the certainty of a reported or uncertain route), and
fill refusing the objection form where Meta does not offer it, unless --force."""

from __future__ import annotations

import pytest

from meta_optout_assist.errors import BadInput
from meta_optout_assist.inputs import build_request

FILL = ["fill", "--platform", "facebook", "--email", "person@example.org", "--reason", "Mine.",
        "--base-url", "http://127.0.0.1:9", "--headless", "--yes"]


def test_forms_for_a_us_resident_points_to_the_third_party_form(assist):
    run = assist("forms", "--country", "us")
    assert run.code == 0, run.text
    assert "United States (US)" in run.out
    assert "not offered to you" in run.out  # the objection form
    assert "you can use it" in run.out  # the third-party form
    assert "--form third-party" in run.out


def test_forms_for_a_german_resident(assist):
    run = assist("forms", "--country", "DE")
    assert run.code == 0
    assert run.out.count("you can use it") == 3  # Facebook's and Instagram's, third-party, WhatsApp's
    assert "Object to the use of your messages with AIs on WhatsApp" in run.out
    assert "Platforms: WhatsApp" in run.out and "--platform whatsapp --country DE --phone" in run.out


def test_forms_with_an_unknown_country_is_bad_input(assist):
    run = assist("forms", "--country", "Atlantis")
    assert run.code == 2 and "--country" in run.err and "Traceback" not in run.text


def test_fill_objection_from_the_us_refuses_with_guidance(assist, data_dir):
    run = assist(*FILL, "--country", "US")
    assert run.code == 2, run.text
    assert "third-party" in run.err and "--force" in run.err
    assert not data_dir.exists() or not any(data_dir.iterdir())


def test_force_lets_an_ineligible_country_through_with_a_warning(capsys):
    from meta_optout_assist.cli.fill import _check_eligibility

    request = build_request(platform="facebook", email="p@example.org", country="US", reason="Mine.")
    with pytest.raises(BadInput):
        _check_eligibility([request], force=False)
    _check_eligibility([request], force=True)
    assert "--force" in capsys.readouterr().err


def test_norway_is_eligible_but_warned_about_the_2024_list(capsys):
    from meta_optout_assist.cli.fill import _check_eligibility

    _check_eligibility([build_request(platform="facebook", email="p@example.org", country="NO",
                                      reason="Mine.")], force=False)
    assert "Norway" in capsys.readouterr().err


def test_forms_for_a_brazilian_resident(assist):
    run = assist("forms", "--country", "BR")
    assert run.code == 0, run.text
    assert "Brazil (BR)" in run.out
    assert run.out.count("you can use it") == 3  # WhatsApp's form is described for Brazil too
    assert "Certainty:" not in run.out and "(reported)" not in run.out  # a verified route
    assert "--force" not in run.out


def test_forms_for_a_swiss_resident_shows_the_route_is_reported_and_why(assist):
    run = assist("forms", "--country", "CH")
    assert run.code == 0, run.text
    assert run.out.count("you can use it") == 2 and "(reported)" in run.out
    out = " ".join(run.out.split())
    assert "Certainty: Reported, not confirmed by Meta:" in out
    assert "watson.ch; itmagazine.ch; savary.swiss" in out


def test_forms_for_japan_says_uncertain_why_and_how_to_try(assist):
    country = "JP"  # South Korea's advice has the same shape (tests/unit/test_eligibility.py)
    run = assist("forms", "--country", country)
    assert run.code == 0, run.text
    out = " ".join(run.out.split())
    assert "uncertain whether it is offered to you" in out
    assert "It is uncertain whether Meta offers this form" in out
    assert f"assist fill --platform facebook --country {country} --force" in out
    assert run.out.count("you can use it") == 1  # the third-party form


def test_fill_objection_from_an_uncertain_country_refuses_with_the_advice(assist, data_dir):
    country = "KR"
    run = assist(*FILL, "--country", country)
    assert run.code == 2, run.text
    err = " ".join(run.err.split())
    assert "It is uncertain whether Meta offers this form" in err
    assert f"--country {country} --force" in err and "third-party" in err
    assert "Traceback" not in run.text
    assert not data_dir.exists() or not any(data_dir.iterdir())


def test_force_tries_an_uncertain_country_with_a_warning(capsys):
    from meta_optout_assist.cli.fill import _check_eligibility

    request = build_request(platform="instagram", email="p@example.org", country="JP", reason="Mine.")
    with pytest.raises(BadInput, match="uncertain"):
        _check_eligibility([request], force=False)
    _check_eligibility([request], force=True)
    err = " ".join(capsys.readouterr().err.split())
    assert "Uncertain: Only a blog (itoweblog.blogspot.com, 2025-12-16)" in err
    assert "Trying it anyway (--force)." in err


def test_brazil_and_switzerland_fill_without_force(capsys):
    from meta_optout_assist.cli.fill import _check_eligibility

    _check_eligibility([build_request(platform="facebook", email="p@example.org", country="BR",
                                      reason="Meu motivo.")], force=False)
    assert capsys.readouterr().err == ""
    _check_eligibility([build_request(platform="facebook", email="p@example.org", country="CH",
                                      reason="Mine.")], force=False)
    assert "Reported, not confirmed by Meta" in " ".join(capsys.readouterr().err.split())
