"""The real `assist fill` command, end to end against the replica, with the replica playing the
person (logging in, typing the emailed code). Asserts on exactly what the replica received."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meta_optout_assist.legal.reasons import render
from tests.mock_site.texts import country_name, texts
from tests.support.posix import has_mode
from tests.support.samples import received
from tests.support.values import EMAIL, REASON, canary, files_holding, journal


def fill_args(site, *extra: str, platform: str = "facebook") -> list[str]:
    return [
        "fill", "--platform", platform, "--email", EMAIL, "--country", "DE",
        "--reason", REASON, "--base-url", site.base_url, "--headless", "--yes",
        "--wait-timeout", "60", "--page-timeout", "15", *extra,
    ]



def _objections(site) -> list[dict]:
    return [s for s in site.submissions if s["form"].endswith("objection")]


@pytest.mark.slow
def test_fill_facebook_end_to_end(site, assist, data_dir):
    site.configure(simulate_person=True, person_delay_ms=300)
    run = assist(*fill_args(site))
    assert run.code == 0, run.text

    # Exactly one submission, with exactly what the person asked for.
    subs = _objections(site)
    assert len(subs) == 1, site.submissions
    fields = subs[0]["fields"]
    assert fields["country"] in ("DE", "Germany")
    assert fields["email"] == EMAIL
    assert fields["reason"] == REASON
    assert subs[0]["status"] == "confirmed"
    # Optional cookies declined, never accepted.
    consents = [e for e in site.events if e["type"] == "cookie_consent"]
    assert consents and all(e["choice"] == "essential" for e in consents)
    # The code was typed by the (simulated) person, and it was the one the site emailed.
    entered = [e for e in site.events if e["type"] == "code_entered"]
    assert [e["code"] for e in entered if e["ok"]] == site.issued_codes[-1:]
    assert "Confirmed" in run.err

    records = journal(data_dir)
    assert [r["state"] for r in records] == ["confirmed"]
    receipt = Path(records[0]["receipt_dir"])
    assert {"form-before-send.png", "confirmation.png", "confirmation.html", "sent.json",
            "manifest.json"} <= {p.name for p in receipt.iterdir()}
    assert has_mode(receipt, 0o700)
    assert all(has_mode(p, 0o600) for p in receipt.iterdir())
    sent = json.loads((receipt / "sent.json").read_text())
    assert sent["email"] == EMAIL and sent["reason"] == REASON


@pytest.mark.slow
def test_login_wait_times_out_with_exit_4(site, assist, data_dir):
    site.configure(simulate_person=False)
    run = assist(*fill_args(site)[:-4], "--wait-timeout", "1", "--page-timeout", "15")
    assert run.code == 4, run.text
    assert "log in" in run.err.lower()
    assert _objections(site) == []
    assert [r["state"] for r in journal(data_dir)] == ["failed"]


@pytest.mark.slow
def test_server_error_on_send_exits_5_and_nothing_confirmed(site, assist, data_dir):
    site.configure(simulate_person=True, person_delay_ms=100, submit_outcome="server_error")
    run = assist(*fill_args(site))
    assert run.code == 5, run.text
    records = journal(data_dir)
    assert [r["state"] for r in records] == ["failed"]
    assert records[0]["confirmed_at"] is None


@pytest.mark.slow
def test_unknown_layout_exits_3_with_diagnostics_holding_nothing_private(site, assist, data_dir):
    """A page the tool does not understand, met right after the person logged in: exit 3, and a
    diagnostics bundle (screenshot, page, report) that masks the email and, like every other file
    and the output, holds no trace of the password the person typed."""
    password = canary()
    site.configure(simulate_person=True, person_delay_ms=0, person_password=password, field_set="unknown")
    run = assist(*fill_args(site)[:-2], "--page-timeout", "10")
    assert run.code == 3, run.text
    assert any(e["type"] == "login" for e in site.events), "the person logged in (with the canary)"
    bundles = list((data_dir / "diagnostics").iterdir())
    assert len(bundles) == 1 and str(bundles[0]) in run.err.replace("\n", "")
    html = (bundles[0] / "page.html").read_text()
    assert "Describe the product" in html  # the page the tool did not understand
    assert EMAIL not in html
    assert _objections(site) == []
    assert files_holding(data_dir, {"password": password}) == []
    assert password not in run.out + run.err


@pytest.mark.slow
def test_fill_the_brazilian_objection_form_in_portuguese(site, assist, data_dir):
    """Brazil, through the real command: the form in Portuguese as reported for Brazil (country
    "Brasil", email, the reason box "Diga-nos como esse processamento afeta você", then a numeric
    code Meta emails), a reason template written in Portuguese, and the person's code."""
    site.configure(locale="pt", field_set="2025-country", code_step=True, simulate_person=True,
                   person_delay_ms=300)
    assert texts("pt")["reason_label"] == "Diga-nos como esse processamento afeta você"
    assert country_name("pt", "BR") == "Brasil"  # the replica's country list shows Brazil so
    run = assist("fill", "--platform", "facebook", "--email", EMAIL, "--country", "BR",
                 "--reason-template", "art21-particular-situation", "--base-url", site.base_url,
                 "--headless", "--yes", "--wait-timeout", "60", "--page-timeout", "15")
    assert run.code == 0, run.text

    [sub] = _objections(site)
    reason = render("art21-particular-situation", "pt", email=EMAIL, platform="facebook", country_code="BR")
    assert "no Brasil, do artigo 18, § 2.º, da LGPD" in reason
    assert received(sub["fields"]) == {"country": "BR", "email": EMAIL, "reason": reason}
    assert sub["status"] == "confirmed"
    # The code Meta "emailed" was typed by the (simulated) person, once and right.
    entered = [e for e in site.events if e["type"] == "code_entered"]
    assert [(e["code"], e["ok"]) for e in entered] == [(site.issued_codes[-1], True)]

    [record] = journal(data_dir)
    assert (record["state"], record["locale"], record["country"]) == ("confirmed", "pt", "BR")
    sent = json.loads((Path(record["receipt_dir"]) / "sent.json").read_text())
    assert (sent["country"], sent["email"], sent["reason"]) == ("Brasil", EMAIL, reason)
