"""Meta's 2025–26 routes through the real `assist fill`, asserting on what the replica received:
the 2025 EU flow (prefilled email, optional reason, no code), WhatsApp's form, emailed links
(opened in the tool's window, or pasted into the terminal), Meta's temporary block, a dialog after
Send the tool does not know, and cookie dialogs known by their attributes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.values import EMAIL, journal

TEMPLATE = "art21-particular-situation"


def _fill(site, platform: str, *extra: str, page_timeout: int = 15) -> list[str]:
    return ["fill", "--platform", platform, "--email", EMAIL, "--reason-template", TEMPLATE,
            "--base-url", site.base_url, "--headless", "--yes", "--wait-timeout", "60",
            "--page-timeout", str(page_timeout), *extra]


def _manifest(record: dict) -> dict:
    return json.loads((Path(record["receipt_dir"]) / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_the_2025_eu_flow_is_confirmed_without_a_code(site, assist, data_dir):
    """Email prefilled with the account's address, an optional reason, no country, and Send leads
    straight to Meta's confirmation: confirmed without waiting for a code, and the receipt says so."""
    site.configure(simulate_person=True, person_delay_ms=0, field_set="2025", code_step=False)
    run = assist(*_fill(site, "instagram", "--country", "NL"))
    assert run.code == 0, run.text

    [sub] = site.submissions
    assert (sub["form"], sub["status"]) == ("instagram-objection", "confirmed")
    assert set(sub["fields"]) == {"email", "reason"} and sub["fields"]["email"] == EMAIL  # not the prefill
    assert site.issued_codes == []
    assert "Confirmed by Meta (no code was asked for)" in run.err
    assert "code" not in run.err.split("Sent the form", 1)[1].split("Confirmed by Meta")[0]

    [record] = journal(data_dir)
    assert (record["state"], record["verification"], record["confirmed_by"]) == ("confirmed", "none", "Meta")
    manifest = _manifest(record)
    assert manifest["verification"]["asked"] == "none"
    assert "no code" in manifest["verification"]["note"]


# -- WhatsApp -------------------------------------------------------------------------------------------

PHONE = "+4915112345678"


@pytest.mark.slow
@pytest.mark.parametrize(("locale", "widgets", "phone_field"), [
    ("en", "native", "picker"), ("de", "custom", "picker"), ("pt", "native", "full"),
], ids=["en-native-picker", "de-custom-picker", "pt-native-full-number"])
def test_whatsapp_objection_form(site, assist, data_dir, locale, widgets, phone_field):
    """No login; the country code chosen in its picker (or the whole number typed where the form
    has one field for it), the email and a reason sent; then the emailed code."""
    site.configure(simulate_person=True, person_delay_ms=0, locale=locale, widgets=widgets,
                   whatsapp_phone=phone_field)
    run = assist("fill", "--platform", "whatsapp", "--phone", "+49 151 1234 5678", "--email", EMAIL,
                 "--reason", "My chats with Meta AI are private.", "--base-url", site.base_url,
                 "--headless", "--yes", "--wait-timeout", "60", "--page-timeout", "15")
    assert run.code == 0, run.text
    [sub] = site.submissions
    assert (sub["form"], sub["form_id"], sub["status"]) == ("whatsapp-objection", "382532939919295", "confirmed")
    assert sub["fields"] == {"phone": PHONE, "email": EMAIL, "reason": "My chats with Meta AI are private."}
    assert sub["phone_country"] == ("DE" if phone_field == "picker" else None)
    assert sub["user"] is None and not [e for e in site.events if e["type"] == "login"]
    assert "WhatsApp · objection form" in run.err and "Phone" in run.err  # the review shows it
    [record] = journal(data_dir)
    assert (record["platform"], record["state"], record["country"]) == ("whatsapp", "confirmed", "DE")


@pytest.mark.parametrize("phone", ["+49 151 CALL ME", "4915112345678", "+4912", "0049-151-12345678"])
def test_bad_phone_numbers_exit_2_naming_the_flag(no_browser, tmp_path, phone):
    from tests.support.cli_inprocess import run_cli

    code, text = run_cli(["fill", "--platform", "whatsapp", "--phone", phone, "--email", EMAIL,
                          "--base-url", "http://127.0.0.1:9", "--headless", "--yes",
                          "--data-dir", str(tmp_path / "data")])
    assert code == 2, text
    assert "--phone" in text and "+4915112345678" in text and "Traceback" not in text
    assert not (tmp_path / "data" / "journal.jsonl").exists()


def test_platform_all_takes_whatsapp_only_with_a_phone(no_browser):
    from meta_optout_assist.cli.fill import _plan, _requests
    from meta_optout_assist.site import registry

    plan = _plan(registry.load(), "all", "objection")
    assert plan == ["facebook", "instagram", "whatsapp"]
    given = {"email": EMAIL, "country": "DE", "reason_template": TEMPLATE}
    with_phone = _requests(Path("."), plan, "objection", None, None, every_platform=True,
                           given={**given, "phone": PHONE})
    assert [r.platform for r in with_phone] == ["facebook", "instagram", "whatsapp"]
    without = _requests(Path("."), plan, "objection", None, None, every_platform=True, given=given)
    assert [r.platform for r in without] == ["facebook", "instagram"]


# -- Meta's block, and a dialog after Send the tool does not know ------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize(("block", "text", "locale"), [
    ("on_send", "blocked", "en"), ("on_load", "cant_use", "de")])
def test_a_temporary_block_is_meta_refusing(site, assist, data_dir, block, text, locale):
    """Exit 5 with Meta's own words, the record failed with them, and no second try."""
    site.configure(simulate_person=True, person_delay_ms=0, locale=locale, block=block, block_text=text)
    run = assist(*_fill(site, "facebook", "--country", "DE"))
    assert run.code == 5, run.text
    assert ("Temporarily Blocked" if text == "blocked" else "Funktion") in run.err
    assert "does not retry" in run.err and "Traceback" not in run.text and "bug" not in run.text
    sends = [s for s in site.submissions if s["form"].endswith("objection")]
    assert len(sends) == (1 if block == "on_send" else 0)  # never sent twice
    assert all(s["status"] == "blocked" for s in sends)
    [record] = journal(data_dir)
    assert record["state"] == "failed" and "blocked" in record["reason"]


@pytest.mark.slow
def test_a_dialog_after_send_that_is_nothing_known_is_read_out(site, assist, data_dir):
    site.configure(simulate_person=True, person_delay_ms=0, surprise_dialog=True)
    run = assist(*_fill(site, "facebook", "--country", "DE", page_timeout=3))
    assert run.code == 3, run.text
    assert "does not know" in run.err and "Help Centre" in run.err  # its words, quoted
    assert "Diagnostics saved in" in run.err and "Traceback" not in run.text
    [sub] = [s for s in site.submissions if s["form"].endswith("objection")]
    assert sub["status"] == "pending-review"
    [record] = journal(data_dir)
    assert record["submitted_at"]


# -- cookie dialogs known by their attributes --------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("platform", ["facebook", "instagram"])
def test_cookie_dialog_with_real_attributes_and_new_words(site, assist, data_dir, platform):
    """Words no list knows, over a backdrop that takes clicks meant for the form beneath: answered
    by autoconsent's attributes (Facebook) or Instagram's classes inside the dialog, essential only."""
    site.configure(simulate_person=True, person_delay_ms=0, cookie_banner="attributes")
    run = assist(*_fill(site, platform, "--country", "DE"))
    assert run.code == 0, run.text
    consents = [e for e in site.events if e["type"] == "cookie_consent"]
    assert consents and {e["choice"] for e in consents} == {"essential"}
    assert [s["status"] for s in site.submissions] == ["confirmed"]


# -- emailed links ------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_an_emailed_link_opened_in_the_tools_window(site, assist, data_dir):
    """The person opens the link in the window the tool opened: Meta's confirmation is seen there."""
    site.configure(simulate_person=True, person_delay_ms=0, verification="link")
    run = assist(*_fill(site, "facebook", "--country", "DE"))
    assert run.code == 0, run.text
    assert [e["type"] for e in site.events if e["type"].startswith("link")] == ["link_sent", "link_opened"]
    assert site.submissions[0]["status"] == "confirmed"
    [record] = journal(data_dir)
    assert record["state"] == "confirmed" and record["confirmed_by"] == "Meta"


def _start(site, data_dir: Path, *args: str) -> subprocess.Popen:
    from tests.support.fixtures import ROOT

    env = {**os.environ, "ASSIST_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT / "src"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "COLUMNS": "200"}
    return subprocess.Popen([sys.executable, "-m", "meta_optout_assist", *args], env=env, cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_event(site, kind: str, proc: subprocess.Popen, timeout_s: float = 60) -> dict:
    """The replica's first event of `kind`, as soon as it is recorded (or the run ended)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and proc.poll() is None:
        found = [e for e in site.events if e["type"] == kind]
        if found:
            return found[0]
        time.sleep(0.05)  # polling the replica's record, not waiting for the tool
    raise AssertionError(f"no {kind} event; the run said: {proc.communicate(timeout=30)}")


@pytest.mark.slow
@pytest.mark.parametrize("answer", ["link", "done"])
def test_an_emailed_link_pasted_into_the_terminal_or_opened_elsewhere(site, data_dir, answer):
    """Pasted into the terminal, the tool opens it in its window (Meta's hosts only: another one is
    refused first) and sees the confirmation; "done" (opened in another browser) ends the run
    confirmed by the person, and the record says so."""
    site.configure(simulate_person=False, require_login=False, verification="link")
    proc = _start(site, data_dir, *_fill(site, "facebook", "--country", "DE"))
    sent = _wait_for_event(site, "link_sent", proc)
    if answer == "link":
        proc.stdin.write("https://evil.example.com/help/contact/confirm/?token=x\n")
        proc.stdin.write(f"https://www.facebook.com{sent['url']}\n")  # as it is in Meta's email
    else:
        proc.stdin.write("done\n")
    proc.stdin.flush()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    opened = [e for e in site.events if e["type"] == "link_opened"]
    [record] = journal(data_dir)
    if answer == "link":
        assert "not a link to Meta's site" in err
        assert [e["ok"] for e in opened] == [True]
        assert site.submissions[0]["status"] == "confirmed"
        assert (record["verification"], record["confirmed_by"]) == ("link", "Meta")
        assert "Confirmed by Meta" in err
    else:
        assert opened == [] and site.submissions[0]["status"] == "pending-link"
        assert (record["state"], record["verification"], record["confirmed_by"]) == ("confirmed", "link", "you")
        assert "Confirmed by you" in err and "confirmed by Meta" not in out
        assert "another browser" in _manifest(record)["verification"]["note"]
