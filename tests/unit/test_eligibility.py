"""Who may use which form: the objection form in the EU, the EEA and the UK only; the third-party
form everywhere; and the advice says which command to run."""

from __future__ import annotations

import pytest

from meta_optout_assist.legal.eligibility import (
    FormAdvice,
    country_for_form,
    forms_for,
    is_objection_eligible,
    region_of,
)

EU27 = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()


def _by_form(code: str) -> dict[str, FormAdvice]:
    return {advice.form: advice for advice in forms_for(code)}


@pytest.mark.parametrize("code", ["DE", "FR", "GB", "NO", "IS", "LI", "ie", "Poland"])
def test_eu_eea_uk_residents_may_object(code: str) -> None:
    assert is_objection_eligible(code)
    forms = _by_form(code)
    assert forms["objection"].eligible
    assert forms["third-party"].eligible


@pytest.mark.parametrize("code", ["US", "BR", "CH", "TR", "GI", "JE"])
def test_others_get_only_the_third_party_form(code: str) -> None:
    assert not is_objection_eligible(code)
    assert region_of(code) is None
    forms = _by_form(code)
    assert not forms["objection"].eligible
    assert forms["third-party"].eligible
    assert "third-party" in forms["objection"].how


def test_regions() -> None:
    assert all(region_of(code) == "EU" for code in EU27)
    assert [region_of(c) for c in ("IS", "LI", "NO")] == ["EEA", "EEA", "EEA"]
    assert region_of("GB") == "UK"
    assert region_of("UK") == "UK"
    assert region_of("US") is None


def test_advice_names_the_command_to_run() -> None:
    forms = _by_form("DE")
    assert forms["objection"].platforms == ("facebook", "instagram")
    assert "assist fill --platform facebook --country DE" in forms["objection"].how
    assert "--platform\ninstagram" not in forms["objection"].how
    assert "--form third-party --country DE" in forms["third-party"].how
    assert [advice.form for advice in forms_for("DE")] == ["objection", "third-party"]


def test_norway_carries_the_missing_country_warning() -> None:
    objection = _by_form("NO")["objection"]
    assert objection.eligible
    assert objection.warning and "Norway" in objection.warning
    assert _by_form("DE")["objection"].warning is None


def test_territories_use_their_parent_country() -> None:
    assert country_for_form("RE") == "FR"
    assert country_for_form("AX") == "FI"
    assert country_for_form("DE") == "DE"
    assert region_of("RE") == "EU"
    objection = _by_form("RE")["objection"]
    assert objection.eligible
    assert "--country FR" in objection.how
    assert objection.note and "France" in objection.note


def test_unknown_country_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        forms_for("Atlantis")
    with pytest.raises(ValueError):
        is_objection_eligible("XX")
