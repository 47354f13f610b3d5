"""Reason templates: every template in every language is complete, renders cleanly with and
without a name, and a broken template file is refused with a message naming file and key."""

from __future__ import annotations

import re

import pytest

from meta_optout_assist.legal import reasons
from meta_optout_assist.legal.countries import SUPPORTED_LOCALES, country_name, data_error
from meta_optout_assist.legal.reasons import (
    PLACEHOLDERS,
    best_locale,
    fill,
    get_template,
    list_templates,
    render,
)

REQUIRED = {
    "art21-particular-situation",
    "creative-work",
    "people-in-photos",
    "professional-confidentiality",
}
LEGAL_TERMS = {
    "en": "GDPR",
    "de": "DSGVO",
    "fr": "RGPD",
    "es": "RGPD",
    "it": "GDPR",
    "nl": "AVG",
    "pl": "RODO",
    "pt": "RGPD",  # and, for Brazil, the LGPD: see test_portuguese_cites_the_gdpr_and_the_lgpd
}
NAMES = sorted(REQUIRED)
EMAIL = "anna.example@example.org"


def test_the_required_templates_exist() -> None:
    assert REQUIRED <= {t.name for t in list_templates()}


@pytest.mark.parametrize("name", NAMES)
def test_every_template_has_every_locale_and_only_known_placeholders(name: str) -> None:
    template = get_template(name)
    for field in (template.title, template.summary, template.text):
        assert set(field) == set(SUPPORTED_LOCALES)
    for locale, text in template.text.items():
        assert set(re.findall(r"\{([^{}]*)\}", text)) <= set(PLACEHOLDERS), locale
        assert 400 <= len(text) <= 1200, (locale, len(text))
        assert LEGAL_TERMS[locale] in text, locale
        assert "\n" not in template.title[locale] and "\n" not in template.summary[locale]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("platform", ["facebook", "instagram"])
@pytest.mark.parametrize("person", ["Anna Kowalska", None, ""])
def test_renders_in_every_language_with_and_without_name(
    name: str, locale: str, platform: str, person: str | None
) -> None:
    text = render(name, locale, email=EMAIL, platform=platform, country_code="NL", name=person)
    assert "{" not in text and "}" not in text
    assert EMAIL in text
    assert platform.capitalize() in text
    assert country_name("NL", locale) in text
    assert text == text.strip()
    assert "\n\n\n" not in text
    if person:
        assert text.endswith(person)
    else:
        assert "Anna" not in text
        assert text.splitlines()[-1].strip() != ""


def test_without_name_the_sign_off_goes_away_whole() -> None:
    with_name = render(
        "creative-work",
        "de",
        email=EMAIL,
        platform="facebook",
        country_code="DE",
        name="Max Muster",
    )
    without = render("creative-work", "de", email=EMAIL, platform="facebook", country_code="DE")
    assert with_name.endswith("Mit freundlichen Grüßen\nMax Muster")
    assert "Mit freundlichen Grüßen" not in without
    assert without.endswith("Wohnsitzland: Deutschland")


def test_locale_variants_and_fallback() -> None:
    de = render(
        "art21-particular-situation", "de_AT", email=EMAIL, platform="facebook", country_code="AT"
    )
    assert "Widerspruch gemäß Art. 21 Abs. 1 DSGVO" in de
    assert "Österreich" in de
    pt = render(
        "art21-particular-situation", "pt_BR", email=EMAIL, platform="facebook", country_code="PT"
    )
    assert "artigo 21.º, n.º 1, do RGPD" in pt and "País de residência: Portugal" in pt
    sv = render(
        "art21-particular-situation", "sv_SE", email=EMAIL, platform="facebook", country_code="SE"
    )
    assert "Article 21(1) GDPR" in sv and "Sweden" in sv
    assert best_locale("pt_BR") == ("pt", False)
    assert best_locale("sv_SE") == ("en", True)
    assert best_locale("fr-BE") == ("fr", False)
    assert best_locale(None) == ("en", False)


@pytest.mark.parametrize("name", NAMES)
def test_portuguese_cites_the_gdpr_and_the_lgpd(name: str) -> None:
    """A Portuguese reader lives in Portugal (GDPR) or Brazil (LGPD): each text is right for both."""
    template = get_template(name)
    text = template.text["pt"]
    assert "artigo 21.º, n.º 1, do RGPD" in text
    assert "no Brasil, do artigo 18, § 2.º, da LGPD" in text
    assert "LGPD" in template.title["pt"] + template.summary["pt"] or name != "art21-particular-situation"
    brazil = render(name, "pt", email=EMAIL, platform="instagram", country_code="BR", name="Ana Souza")
    assert "conta do Instagram" in brazil and f"em {EMAIL}" in brazil
    assert brazil.endswith("País de residência: Brasil\n\nCordialmente,\nAna Souza")


def test_unknown_template_lists_the_names() -> None:
    with pytest.raises(ValueError, match="art21-particular-situation") as info:
        render("no-such-template", "en", email=EMAIL, platform="facebook", country_code="DE")
    assert "creative-work" in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"platform": "tiktok"}, "Unknown platform .tiktok."),
        ({"email": "  "}, "email"),
        ({"country_code": "Atlantis"}, "country"),
    ],
)
def test_bad_arguments_are_value_errors(kwargs: dict[str, str], match: str) -> None:
    args = {"email": EMAIL, "platform": "facebook", "country_code": "DE", **kwargs}
    with pytest.raises(ValueError, match=match):
        render("creative-work", "en", **args)


def test_values_are_not_reinterpreted_as_placeholders() -> None:
    text = fill("Hello {name}, write to {email}.\n\nBye", {"name": "{email}", "email": "x@y.z"})
    assert text == "Hello {email}, write to x@y.z.\n\nBye"


def test_a_broken_template_is_refused_naming_file_and_key() -> None:
    """Validation runs at load: a missing locale or an unknown placeholder names file and key."""
    good = get_template("creative-work")
    data = {
        "name": "bad",
        "title": dict(good.title),
        "summary": dict(good.summary),
        "text": dict(good.text),
    }
    del data["title"]["pl"]
    data["text"]["fr"] += " {phone}"
    with pytest.raises(ValueError) as info:
        reasons._schema().model_validate(data)
    message = str(data_error("data/reasons/bad.yaml", info.value))
    assert "data/reasons/bad.yaml: title:" in message and "pl" in message
    assert "data/reasons/bad.yaml: text:" in message and "phone" in message


def test_name_placeholder_outside_the_sign_off_is_refused() -> None:
    good = get_template("creative-work")
    text = dict(good.text)
    text["en"] = "Hello {name}.\n\n" + text["en"]
    with pytest.raises(ValueError, match="last paragraph"):
        reasons._schema().model_validate(
            {"name": "x", "title": good.title, "summary": good.summary, "text": text}
        )
