"""Every form in the registry (selectors/forms/*.yaml), in every language it declares, filled as
`assist fill` fills it (tests/support/inprocess_fill.py: the same flow, journal and receipt, in the
worker's browser) on the replica: a new form gets this test by existing. The page's language is read
from the page, the country is chosen by its name in that language, a reason template is written in
it, and the buttons, banners, code step and confirmation are recognised in it. Widget styles
alternate, and the replica's page variants (gate question, field sets, a confirmation dialog) are
spread across the cases, so that the languages meet every page the tool knows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meta_optout_assist.site import registry
from tests.mock_site.texts import LOCALES
from tests.support.samples import COUNTRY, expected_fields, received, sample_inputs
from tests.support.values import journal

FORMS = registry.load().forms
# Replica variants spread over the cases (form id, language) → Variant fields; every other case
# plays the replica's defaults.
VARIANTS = {
    ("facebook-objection", "de"): {"gate_first": True},
    ("facebook-objection", "fr"): {"field_set": "2025-country"},
    ("instagram-objection", "es"): {"field_set": "2025-country"},
    ("facebook-objection", "it"): {"confirmation_style": "dialog"},
    ("facebook-objection", "pl"): {"field_set": "2025-country", "gate_first": True},
    ("third-party", "nl"): {"confirmation_style": "dialog"},
    # The Brazilian form as reported: country ("Brasil"), email, the reason box, then the code.
    ("instagram-objection", "pt"): {"field_set": "2025-country"},
    ("facebook-objection", "pt"): {"gate_first": True},
}
CASES = [(form, locale, ("custom", "native")[(i + j) % 2])
         for i, form in enumerate(FORMS)
         for j, locale in enumerate(loc for loc in LOCALES if loc in form.title)]


@pytest.mark.slow
@pytest.mark.parametrize(("form", "locale", "widgets"), CASES,
                         ids=[f"{f.id}-{loc}-{w}" for f, loc, w in CASES])
def test_every_form_in_every_language(site, fill_here, data_dir, tmp_path, form, locale, widgets):
    extra = VARIANTS.get((form.id, locale), {})
    site.configure(locale=locale, widgets=widgets, simulate_person=True, person_delay_ms=50, **extra)
    platform = form.platforms[0]
    inputs = sample_inputs(form, locale, tmp_path)

    run = fill_here(site, platform=platform, form=form.form, **inputs)
    assert run.code == 0, run.text

    # Exactly one submission reached the replica, on the form's current address, confirmed, with
    # what the person gave (a template written in the page's language; the 2025 forms prefill the
    # account's address: replaced by the one given).
    [sub] = site.submissions
    assert sub["form_id"] == form.addresses[0].rstrip("/").rsplit("/", 1)[1]
    assert sub["status"] == "confirmed"
    assert received(sub["fields"]) == expected_fields(form, inputs, locale, set(sub["fields"]))

    # The cookie banner in that language was answered "essential only" (the replica shows one on
    # Facebook's and Instagram's pages, none on WhatsApp's).
    consents = [e for e in site.events if e["type"] == "cookie_consent"]
    assert all(e["choice"] == "essential" for e in consents)
    assert consents or form.site not in ("facebook", "instagram")
    if extra.get("gate_first"):
        assert [e for e in site.events if e["type"] == "gate_answer"] == [
            {"type": "gate_answer", "answer": "yes"}]

    # The journal and the receipt: the country as the page listed it, in the page's language.
    [record] = journal(data_dir)
    assert record["state"] == "confirmed" and record["locale"] == locale
    sent = json.loads((Path(record["receipt_dir"]) / "sent.json").read_text())
    if "country" in sub["fields"]:
        assert sent["country"] == COUNTRY[locale][1]
    assert sent["email"] == inputs["email"]
