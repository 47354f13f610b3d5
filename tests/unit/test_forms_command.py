"""Who may use which form: `assist forms`, and fill refusing the objection form outside the EU/EEA/UK."""

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
    assert run.out.count("you can use it") == 2


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
