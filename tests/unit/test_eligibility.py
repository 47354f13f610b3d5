"""Who may use which form: the objection form in the EU, the EEA, the UK and Brazil, reportedly in
Switzerland, uncertainly in Japan and South Korea (not offered there, but it can be tried); the
third-party form everywhere; and the advice says which command to run and how certain it is."""

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
    found: dict[str, FormAdvice] = {}
    for advice in forms_for(code):  # the first of each kind: Facebook's and Instagram's objection forms
        found.setdefault(advice.form, advice)
    return found


@pytest.mark.parametrize("code", ["DE", "FR", "GB", "NO", "IS", "LI", "ie", "Poland", "BR", "Brasil"])
def test_eu_eea_uk_and_brazil_residents_may_object(code: str) -> None:
    assert is_objection_eligible(code)
    forms = _by_form(code)
    assert forms["objection"].eligible
    assert forms["objection"].certainty == "verified" and forms["objection"].caveat is None
    assert forms["third-party"].eligible


@pytest.mark.parametrize("code", ["US", "TR", "GI", "JE", "CN"])
def test_others_get_only_the_third_party_form(code: str) -> None:
    assert not is_objection_eligible(code)
    assert region_of(code) is None
    forms = _by_form(code)
    assert not forms["objection"].eligible
    assert forms["objection"].certainty is None
    assert forms["third-party"].eligible
    assert "third-party" in forms["objection"].how
    assert "--force" not in forms["objection"].how
    # Only the regions the form is offered in are named; the uncertain ones are not.
    assert "Brazil or (reported) Switzerland" in forms["objection"].how
    assert "Japan" not in forms["objection"].how and "Korea" not in forms["objection"].how


def test_brazil_is_a_verified_region_with_its_sources_and_no_old_note() -> None:
    assert region_of("BR") == "BR"
    objection = _by_form("BR")["objection"]
    assert "assist fill --platform facebook --country BR" in objection.how
    assert "--force" not in objection.how
    assert objection.source and "folha.uol.com.br" in objection.source and "16 December 2025" in objection.source
    # The note: what is only reported about the Brazilian form, and no word of "not filled".
    assert objection.note and "Brasil" in objection.note and "nanobits.tv.br" in objection.note
    assert "does not fill" not in objection.note


def test_switzerland_is_eligible_but_only_reported() -> None:
    assert is_objection_eligible("CH")
    objection = _by_form("CH")["objection"]
    assert objection.eligible and objection.certainty == "reported"
    assert objection.caveat and objection.caveat.startswith("Reported, not confirmed by Meta:")
    for source in ("watson.ch", "itmagazine.ch", "savary.swiss", "27 May 2025"):
        assert source in objection.caveat
    assert "assist fill --platform facebook --country CH`" in objection.how


@pytest.mark.parametrize(("code", "name", "sources"), [
    ("JP", "Japan", ("itoweblog.blogspot.com",)),
    ("KR", "South Korea", ("khan.co.kr/article/202504162049035", "forbesjapan.com/articles/detail/83051")),
])
def test_japan_and_korea_are_uncertain_not_eligible_and_say_how_to_try(code, name, sources) -> None:
    assert not is_objection_eligible(code)
    assert region_of(code) == code
    forms = _by_form(code)
    objection = forms["objection"]
    assert not objection.eligible and objection.certainty == "uncertain"
    assert objection.how.startswith(f"It is uncertain whether Meta offers this form to people who live in {name}:")
    assert all(source in objection.how and source in objection.source for source in sources)
    assert f"`assist fill --platform facebook --country {code} --force`" in objection.how
    assert "Otherwise use the third-party form." in objection.how
    assert objection.caveat == f"Uncertain: {objection.source}"
    assert forms["third-party"].eligible and forms["third-party"].certainty is None


def test_every_region_states_its_certainty_and_source() -> None:
    from meta_optout_assist.legal import eligibility

    regions = eligibility._data().regions
    assert {name: r.certainty for name, r in regions.items()} == {
        "EU": "verified", "EEA": "verified", "UK": "verified", "BR": "verified", "CH": "reported",
        "JP": "uncertain", "KR": "uncertain"}
    assert all(r.source.strip() for r in regions.values())


def test_a_certainty_outside_the_scale_is_refused() -> None:
    from meta_optout_assist.legal import eligibility

    schema = eligibility._schema()
    good = {"regions": {"X": {"name": "X", "countries": ["DE"], "certainty": "verified", "source": "s"}},
            "territory_note": "{place} {parent}"}
    schema.model_validate(good)
    good["regions"]["X"]["certainty"] = "probable"
    with pytest.raises(ValueError, match="certainty"):
        schema.model_validate(good)


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
    assert [advice.form for advice in forms_for("DE")] == ["objection", "third-party", "objection"]
    whatsapp = forms_for("DE")[2]
    assert whatsapp.ids == ("whatsapp-objection",) and "--phone +CCNUMBER" in whatsapp.how


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
