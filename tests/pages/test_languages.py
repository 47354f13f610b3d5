"""Seven languages, each a whole form filled as `assist fill` fills it (tests/inprocess_fill.py: the
same flow, journal and receipt, in the worker's browser), in Meta-style custom widgets and in
native widgets: the page's language is read from the page, the country is chosen by its name in
that language, the reason template is written in it, and the buttons, banners, gate question, code
step and confirmation are recognised in it. Each case also plays one of the replica's page
variants (field set, gate question, confirmation dialog, platform) so that the languages meet every
page the tool knows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meta_optout_assist.inputs import build_request
from tests.support.values import EMAIL, journal

TEMPLATE = "art21-particular-situation"

# locale → the country a person there gives, and its name in that language's country list.
COUNTRY = {
    "en": ("IE", "Ireland"), "de": ("DE", "Deutschland"), "fr": ("FR", "France"),
    "es": ("ES", "España"), "it": ("IT", "Italia"), "nl": ("NL", "Nederland"), "pl": ("PL", "Polska"),
}

CASES = [
    # (locale, widgets, platform, other variant fields): one run per language, both widget styles
    # and every page variant spread across them (each run costs a browser context: seven).
    ("en", "custom", "instagram", {}),
    ("de", "custom", "facebook", {"gate_first": True}),
    ("fr", "custom", "facebook", {"field_set": "2025-country"}),
    ("es", "custom", "instagram", {"field_set": "2025-country"}),
    ("it", "custom", "facebook", {"confirmation_style": "dialog"}),
    ("nl", "native", "instagram", {}),
    ("pl", "native", "facebook", {"field_set": "2025-country", "gate_first": True}),
]


def _id(case) -> str:
    locale, widgets, platform, extra = case
    return "-".join([locale, widgets, platform, *(f"{k}={v}" for k, v in extra.items())])


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_objection_form_in_every_language(site, fill_here, data_dir, case):
    locale, widgets, platform, extra = case
    code, country_name = COUNTRY[locale]
    site.configure(locale=locale, widgets=widgets, simulate_person=True, person_delay_ms=50, **extra)

    run = fill_here(site, platform=platform, email=EMAIL, country=code, reason_template=TEMPLATE)
    assert run.code == 0, run.text

    # Exactly one objection reached the replica, confirmed, with the reason in the page's language
    # and the email the person gave (the 2025 forms prefill the account's address: replaced).
    expected_reason = build_request(
        platform=platform, email=EMAIL, country=code, reason_template=TEMPLATE).reason_text(locale)
    [sub] = site.submissions
    assert (sub["form"], sub["status"]) == (f"{platform}-objection", "confirmed")
    fields = {**sub["fields"], "reason": sub["fields"]["reason"].replace("\r\n", "\n")}  # form posts: CRLF
    assert fields == {"country": code, "email": EMAIL, "reason": expected_reason}

    # The cookie banner in that language was answered "essential only", on the right platform.
    consents = [e for e in site.events if e["type"] == "cookie_consent"]
    assert consents and {(e["choice"], e["platform"]) for e in consents} == {("essential", platform)}
    if extra.get("gate_first"):
        assert [e for e in site.events if e["type"] == "gate_answer"] == [
            {"type": "gate_answer", "answer": "yes"}]

    # The receipt shows the country as the page listed it, in the page's language.
    [record] = journal(data_dir)
    assert record["state"] == "confirmed" and record["locale"] == locale
    sent = json.loads((Path(record["receipt_dir"]) / "sent.json").read_text())
    assert sent["country"] == country_name
    assert sent["email"] == EMAIL
