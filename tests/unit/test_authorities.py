"""Escalation contacts: an authority for every country with an objection route (EU/EEA/UK, Brazil,
Switzerland), none elsewhere, and Meta's DPO."""

from __future__ import annotations

import pycountry
import pytest

from meta_optout_assist.legal.authorities import (
    Authority,
    authorities_directory_url,
    authority_for,
    meta_dpo,
)
from meta_optout_assist.legal.eligibility import is_objection_eligible

EU27 = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split()
COVERED = [*EU27, "IS", "LI", "NO", "GB", "BR", "CH"]


@pytest.mark.parametrize("code", COVERED)
def test_every_objection_country_has_an_authority_with_https_urls(code: str) -> None:
    authority = authority_for(code)
    assert isinstance(authority, Authority)
    assert authority.country == code
    assert authority.name_local.strip() and authority.name_en.strip()
    assert authority.url.startswith("https://")
    for url in (authority.complaint_url, authority.regional_list_url):
        assert url is None or url.startswith("https://")


def test_authorities_cover_exactly_the_objection_countries() -> None:
    every = {c.alpha_2 for c in pycountry.countries}
    codes = {a.country for code in every if (a := authority_for(code))}
    assert codes == set(COVERED)
    assert all(is_objection_eligible(code) for code in codes)


@pytest.mark.parametrize("code", ["US", "JP", "KR", "CN"])
def test_no_authority_where_there_is_no_objection_route(code: str) -> None:
    assert authority_for(code) is None


def test_known_authorities() -> None:
    ie = authority_for("ie")
    assert ie is not None and ie.url == "https://www.dataprotection.ie"
    assert ie.note and "lead" in ie.note
    fr = authority_for("FR")
    assert fr is not None and fr.url == "https://www.cnil.fr" and fr.abbreviation == "CNIL"
    gb = authority_for("UK")
    assert gb is not None and gb.url == "https://ico.org.uk"
    assert gb.complaint_url == "https://ico.org.uk/make-a-complaint/"


def test_brazil_petitions_the_anpd_through_gov_br() -> None:
    br = authority_for("BR")
    assert br is not None and br.abbreviation == "ANPD"
    assert br.name_local == "Autoridade Nacional de Proteção de Dados"
    assert br.url == "https://www.gov.br/anpd"
    assert br.complaint_url == "https://www.gov.br/pt-br/servicos/abrir-requerimento-relacionado-a-lgpd"
    assert br.note and "Art. 18 § 1" in br.note and "first made the request to Meta" in br.note


def test_switzerland_reports_to_the_fdpic() -> None:
    ch = authority_for("CH")
    assert ch is not None and ch.name_en == "Federal Data Protection and Information Commissioner"
    assert ch.url == "https://www.edoeb.admin.ch"
    assert ch.complaint_url and ch.complaint_url.startswith("https://www.edoeb.admin.ch/")
    assert "EDÖB" in ch.display_name and "PFPDT" in ch.display_name
    assert ch.note and "not a party" in ch.note


def test_germany_points_to_the_land_authorities() -> None:
    de = authority_for("DE")
    assert de is not None and de.abbreviation == "BfDI"
    assert de.url == "https://www.bfdi.bund.de"
    assert de.regional_list_url and de.regional_list_url.startswith("https://")
    assert de.note and "Land" in de.note


def test_territories_get_their_country_authority() -> None:
    re_ = authority_for("RE")
    assert re_ is not None and re_.country == "FR"


def test_display_name() -> None:
    nl = authority_for("NL")
    assert nl is not None and nl.display_name == "Autoriteit Persoonsgegevens (AP)"
    assert nl.name == nl.name_local == "Autoriteit Persoonsgegevens"


def test_meta_dpo_is_marked_unverified() -> None:
    dpo = meta_dpo()
    assert dpo.name == "Meta Platforms Ireland Ltd."
    assert dpo.address == "Merrion Road\nDublin 4\nD04 X2K5\nIreland"
    assert dpo.contact_url == "https://www.facebook.com/help/contact/540977946302970"
    assert "unverified" in dpo.note.lower()


def test_directory_url() -> None:
    assert authorities_directory_url().startswith("https://www.edpb.europa.eu/")


def test_bad_code_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        authority_for("Atlantis")
