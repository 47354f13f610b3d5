"""Every form Meta offers, filled against the replica, asserting exactly what the replica received:
Instagram's objection form (its cookie banner, its login, the 2025 field set with the account's
address prefilled, a retired form id, the feed after login), the third-party information form in
both widget styles with its screenshot upload, and the Privacy Centre route when every address the
selectors know is gone (tests/pages/test_pages.py follows the same route to the objection form, in a page
of the test's own browser). The third-party form with native widgets goes through the real
`assist fill` and every option that form takes; the others are filled as `assist fill` fills
them, in the worker's browser (tests/inprocess_fill.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.support.samples import png
from tests.support.values import EMAIL, REASON, journal

FB_IDS = ("712876720715583", "6359191084165019")
IG_IDS = ("767264225370182", "233964459562201")
THIRD_PARTY_ID = "510058597920541"
OLD_THIRD_PARTY_ID = "1266025207620918"  # the 2023 id
ROOT = Path(__file__).resolve().parents[2]


def _paths(site) -> list[str]:
    return [e["path"] for e in site.events if e["type"] == "page"]


@pytest.mark.slow
def test_instagram_2025_form_after_a_retired_id_and_the_feed(site, fill_here, data_dir):
    """Instagram's own banner and login; its first form id is gone (the older one is used); after
    login Instagram shows the feed (the tool goes back to the form); the 2025 form has no country
    and prefills the account's address, which the tool replaces by the one the person gave."""
    site.configure(simulate_person=True, person_delay_ms=50, field_set="2025",
                   dead_form_ids=(IG_IDS[0],), after_login="feed")
    run = fill_here(site, platform="instagram", email=EMAIL, country="DE", reason=REASON)
    assert run.code == 0, run.text

    [sub] = site.submissions
    assert (sub["form"], sub["form_id"], sub["status"]) == ("instagram-objection", IG_IDS[1], "confirmed")
    assert sub["fields"] == {"email": EMAIL, "reason": REASON}  # no country on the 2025 form
    assert sub["user"]  # sent logged in
    consents = [e for e in site.events if e["type"] == "cookie_consent"]
    assert consents and {(e["choice"], e["platform"]) for e in consents} == {("essential", "instagram")}
    assert [e["platform"] for e in site.events if e["type"] == "login"] == ["instagram"]
    paths = _paths(site)
    assert paths[0] == f"/contact/{IG_IDS[0]}"  # the retired id, 404
    assert "/accounts/login/" in paths and "/" in paths  # Instagram's login, then its feed
    assert paths.index("/") < len(paths) - 1 - paths[::-1].index(f"/contact/{IG_IDS[1]}")  # back to the form
    [record] = journal(data_dir)
    assert record["state"] == "confirmed"
    assert record["form_url"].endswith(f"/contact/{IG_IDS[0]}")


def _selectors_without_addresses(tmp_path: Path, form: str, addresses: list[str]) -> Path:
    """A copy of selectors/ whose `form` knows only `addresses` (Meta moved it since)."""
    selectors = tmp_path / "selectors"
    shutil.copytree(ROOT / "selectors", selectors)
    path = selectors / "forms" / f"{form}.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["addresses"] = addresses
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return selectors


@pytest.mark.slow
@pytest.mark.parametrize("widgets, request_kind, moved", [
    ("native", "object", False),
    # Custom widgets, and the form's address in the selectors is its 2023 id, gone: the tool takes
    # the Privacy Centre's "Learn more and submit requests here" link to the current form.
    ("custom", "delete", True),
], ids=["native-object", "custom-delete-via-privacy-centre"])
def test_third_party_form_with_evidence_and_no_login(site, assist, fill_here, data_dir, tmp_path,
                                                     widgets, request_kind, moved):
    site.configure(simulate_person=True, person_delay_ms=50, widgets=widgets)
    evidence = png(tmp_path / "meta-ai-answer.png")
    prompts = ["Who is Ada Example from Leipzig?", "Where does Ada Example work?"]
    details = ("Meta AI answered with my home address and my employer, which I never shared with Meta. "
               f"I ask you to {request_kind} this information and to stop using it for AI at Meta.")
    if moved:  # as `assist fill` fills it, in this process, with selectors that know the 2023 id
        run = fill_here(site, platform="facebook", form="third-party", request=request_kind,
                        first_name="Ada", last_name="Example", email=EMAIL, country="US",
                        prompts=prompts, evidence=evidence, details=details,
                        selectors_dir=_selectors_without_addresses(
                            tmp_path, "third-party",
                            [f"https://www.facebook.com/help/contact/{OLD_THIRD_PARTY_ID}"]))
    else:  # the real command, and every option the third-party form takes
        run = assist("fill", "--platform", "facebook", "--form", "third-party", "--request", request_kind,
                     "--first-name", "Ada", "--last-name", "Example", "--email", EMAIL, "--country", "US",
                     "--prompt", prompts[0], "--prompt", prompts[1], "--evidence", str(evidence),
                     "--details", details, "--base-url", site.base_url, "--headless", "--yes",
                     "--wait-timeout", "60", "--page-timeout", "15")
    assert run.code == 0, run.text

    [sub] = site.submissions
    assert (sub["form"], sub["form_id"], sub["status"]) == ("third-party", THIRD_PARTY_ID, "confirmed")
    assert sub["fields"] == {
        "request": request_kind, "country": "US", "first_name": "Ada", "last_name": "Example",
        "email": EMAIL, "knowledge": "yes", "prompts": prompts, "details": details,
        "evidence_filename": "meta-ai-answer.png", "evidence_size": evidence.stat().st_size,
    }
    assert sub["user"] is None  # no login was asked for, none was waited for
    assert not [e for e in site.events if e["type"] == "login"]
    paths = _paths(site)
    assert not [p for p in paths if "login" in p]
    assert "log in" not in run.text.lower()
    if moved:
        assert paths[:2] == [f"/help/contact/{OLD_THIRD_PARTY_ID}", "/privacy/genai"]
    assert paths.count(f"/help/contact/{THIRD_PARTY_ID}") >= 1
    [record] = journal(data_dir)
    assert (record["form"], record["state"]) == ("third-party", "confirmed")
