"""Country codes and names: what people type maps to one ISO code, and each code to the names a
form in any supported language shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import meta_optout_assist
from meta_optout_assist.legal.countries import (
    SUPPORTED_LOCALES,
    country_name,
    country_names,
    normalize_code,
    normalize_locale,
)

ALPHA2 = frozenset(c.alpha_2 for c in pycountry.countries)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("DE", "DE"),
        ("de", "DE"),
        (" fr ", "FR"),
        ("gB", "GB"),
        ("UK", "GB"),
        ("EL", "GR"),
        ("DEU", "DE"),
        ("nld", "NL"),
        ("Germany", "DE"),
        ("germany", "DE"),
        ("Deutschland", "DE"),
        ("Niemcy", "DE"),
        ("The Netherlands", "NL"),
        ("Nederland", "NL"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Osterreich", "AT"),
        ("Österreich", "AT"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("South Korea", "KR"),
        ("Korea, Republic of", "KR"),
    ],
)
def test_normalize_code_accepts_codes_and_names(text: str, code: str) -> None:
    assert normalize_code(text) == code


@pytest.mark.parametrize("text", ["", "   ", "XX", "ZZZ", "Atlantis", "D", "DEUT", "12", "ß"])
def test_normalize_code_rejects_with_a_helpful_message(text: str) -> None:
    with pytest.raises(ValueError, match="ISO|country"):
        normalize_code(text)


def test_normalize_code_suggests_close_matches() -> None:
    with pytest.raises(ValueError, match=r"Did you mean Germany \(DE\)"):
        normalize_code("Germny")


def test_normalize_code_rejects_none() -> None:
    with pytest.raises(ValueError):
        normalize_code(None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_normalize_code_returns_a_known_code_or_raises_value_error(text: str) -> None:
    try:
        code = normalize_code(text)
    except ValueError:
        return
    assert code in ALPHA2


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(ALPHA2)), st.sampled_from(SUPPORTED_LOCALES))
def test_every_country_name_maps_back_to_its_code(code: str, locale: str) -> None:
    assert normalize_code(country_name(code, locale)) == code


def test_country_name_of_germany_in_every_locale() -> None:
    names = [country_name("DE", loc) for loc in SUPPORTED_LOCALES]
    assert names == [
        "Germany",
        "Deutschland",
        "Allemagne",
        "Alemania",
        "Germania",
        "Duitsland",
        "Niemcy",
        "Alemanha",
    ]


@pytest.mark.parametrize(
    ("code", "locale", "name"),
    [
        ("NL", "en", "Netherlands"),
        ("NL", "de", "Niederlande"),
        ("NL", "nl", "Nederland"),
        ("GB", "en", "United Kingdom"),
        ("GB", "fr", "Royaume-Uni"),
        ("GB", "pl", "Wielka Brytania"),
        ("CZ", "en", "Czechia"),
        ("CZ", "de", "Tschechien"),
        ("KR", "en", "South Korea"),
        ("RU", "en", "Russia"),
        ("CD", "en", "Democratic Republic of the Congo"),
        ("IR", "fr", "Iran"),
        ("US", "es", "Estados Unidos"),
        ("BR", "pt", "Brasil"),
        ("CH", "pt", "Suíça"),
        ("KR", "pt", "Coreia do Sul"),
        ("IR", "pt", "Irã"),
        ("VN", "pt", "Vietnã"),
        ("RU", "pt", "Rússia"),
    ],
)
def test_country_name_is_the_short_common_name(code: str, locale: str, name: str) -> None:
    assert country_name(code, locale) == name


def test_no_primary_name_reads_like_an_iso_list_entry() -> None:
    for code in sorted(ALPHA2):
        for locale in SUPPORTED_LOCALES:
            assert ", " not in country_name(code, locale), (code, locale)


def test_country_name_accepts_locale_variants() -> None:
    assert country_name("de", "de_DE") == "Deutschland"
    assert country_name("DE", "fr-CA") == "Allemagne"
    assert country_name("DE", "PL") == "Niemcy"


def test_country_name_rejects_unsupported_locale() -> None:
    with pytest.raises(ValueError, match="en, de, fr, es, it, nl, pl, pt"):
        country_name("DE", "sv_SE")


def test_country_names_for_gb_cover_every_language_and_alias() -> None:
    names = country_names("GB")
    assert names[0] == "United Kingdom"
    for expected in [
        "UK",
        "Great Britain",
        "Vereinigtes Königreich",
        "Royaume-Uni",
        "Reino Unido",
        "Regno Unito",
        "Verenigd Koninkrijk",
        "Wielka Brytania",
    ]:
        assert expected in names
    assert len(names) == len({n.casefold() for n in names})


def test_country_names_put_the_requested_locale_first() -> None:
    names = country_names("NL", "nl")
    assert names[0] == "Nederland"
    assert {"Netherlands", "The Netherlands", "Niederlande", "Pays-Bas"} <= set(names)
    cz = country_names("CZ", "de")
    assert cz[0] == "Tschechien"
    assert {"Czechia", "Czech Republic"} <= set(cz)


def test_no_label_is_shared_by_two_countries() -> None:
    owner: dict[str, str] = {}
    for code in sorted(ALPHA2):
        for label in country_names(code):
            key = label.casefold()
            assert owner.setdefault(key, code) == code, (label, owner[key], code)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("de", "de"),
        ("de_DE", "de"),
        ("de-DE", "de"),
        ("DE", "de"),
        ("pl_PL.UTF-8", "pl"),
        ("en", "en"),
        ("nl-BE", "nl"),
        ("fr@euro", "fr"),
        ("pt_BR", "pt"),
        ("pt-PT", "pt"),
    ],
)
def test_normalize_locale(text: str, locale: str) -> None:
    assert normalize_locale(text) == locale


@pytest.mark.parametrize("text", ["", "sv", "C", "zh_CN", "english"])
def test_normalize_locale_rejects_naming_the_supported_ones(text: str) -> None:
    with pytest.raises(ValueError, match="en, de, fr, es, it, nl, pl, pt"):
        normalize_locale(text)


def test_import_is_light() -> None:
    """The CLI imports these modules for --help; none may pull in pycountry, yaml or pydantic."""
    code = (
        "import sys\n"
        "import meta_optout_assist.legal.countries, meta_optout_assist.legal.eligibility\n"
        "import meta_optout_assist.legal.reasons, meta_optout_assist.legal.authorities\n"
        "heavy = {'pycountry', 'yaml', 'pydantic'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    src = Path(meta_optout_assist.__file__).resolve().parent.parent
    path = os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_portuguese_names_are_brazils_first_and_portugals_too() -> None:
    """Meta's Portuguese pages are Brazilian: Brazil's name comes first; Portugal's still maps back."""
    assert country_name("BR", "pt_BR") == country_name("BR", "pt-PT") == "Brasil"
    names = country_names("IR", "pt")
    assert names[:2] == ["Irã", "Irão"]
    for name in ("Irão", "Vietname", "Holanda", "República Checa", "República Tcheca", "Brasil"):
        assert normalize_code(name) in ("IR", "VN", "NL", "CZ", "BR")
    assert normalize_code("Vietname") == "VN" and normalize_code("Suíça") == "CH"
