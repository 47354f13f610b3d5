"""The replica's harder variants, each a whole form filled as `assist fill` fills it
(tests/inprocess_fill.py: the same flow, journal and receipt, in the worker's browser): slow pages
whose fields are drawn seconds after load, a wrong and an expired email code (the person types
again; the tool keeps waiting), the confirmation as a dialog, and a refusal (exit 5, nothing
confirmed). Asserts on what the replica received and on the journal. Meta's error on Send:
tests/e2e/test_fill.py (the error page, through the CLI) and tests/pages/test_pages.py (the error dialog
of custom widgets)."""

from __future__ import annotations

import pytest

from tests.support.values import EMAIL, REASON, journal


def _fill(site, fill_here):
    return fill_here(site, platform="facebook", email=EMAIL, country="DE", reason=REASON)


def _codes(site) -> list[tuple[str, bool, str | None]]:
    return [(e["code"], e["ok"], e["reason"]) for e in site.events if e["type"] == "code_entered"]


@pytest.mark.slow
@pytest.mark.parametrize("variant", [
    # Custom widgets drawn 2.5 s after load; the person first types a wrong code, then a code that
    # has expired (Meta sends a new one), then the new one.
    {"widgets": "custom", "wrong_code_first": True, "code_expired_first": True},
    # Native form delivered 2.5 s after load; a wrong code reloads the page with the code pop-up
    # again; the confirmation is a dialog over the form, not a page.
    {"widgets": "native", "wrong_code_first": True, "confirmation_style": "dialog"},
], ids=["custom-wrong-then-expired-code", "native-wrong-code-dialog"])
def test_slow_pages_and_refused_codes_still_end_confirmed_once(site, fill_here, data_dir, variant):
    site.configure(simulate_person=True, person_delay_ms=100, slow_ms=2500, **variant)
    run = _fill(site, fill_here)
    assert run.code == 0, run.text

    [sub] = site.submissions  # one submission, confirmed once, whatever the code attempts
    assert sub["status"] == "confirmed"
    assert sub["fields"] == {"country": "DE", "email": EMAIL, "reason": REASON}
    codes = _codes(site)
    issued = site.issued_codes
    if variant.get("code_expired_first"):
        assert [(ok, why) for _, ok, why in codes] == [(False, "wrong"), (False, "expired"), (True, None)]
        assert len(issued) == 2 and codes[1][0] == issued[0] and codes[2][0] == issued[1]
    else:
        assert [(ok, why) for _, ok, why in codes] == [(False, "wrong"), (True, None)]
        assert codes[0][0] not in issued and codes[1][0] == issued[0]
    [record] = journal(data_dir)
    assert record["state"] == "confirmed" and record["confirmed_at"]


@pytest.mark.slow
@pytest.mark.parametrize(("locale", "word"), [("it", "opposizione"), ("pt", "objeção")])
def test_refusal_exits_5_and_is_never_taken_for_a_confirmation(site, fill_here, data_dir, locale, word):
    """A refusal ends like a confirmation ("Riceverai un'e-mail con i dettagli", "Você receberá um
    email com os detalhes")."""
    site.configure(simulate_person=True, person_delay_ms=50, locale=locale, submit_outcome="refusal")
    run = _fill(site, fill_here)
    assert run.code == 5, run.text
    assert word in run.text
    [sub] = site.submissions
    assert (sub["status"], sub["fields"]["country"]) == ("refused", "DE")
    assert [ok for _, ok, _ in _codes(site)] == [True]  # refused after a right code, not for it
    [record] = journal(data_dir)
    assert record["state"] != "confirmed" and record["confirmed_at"] is None
