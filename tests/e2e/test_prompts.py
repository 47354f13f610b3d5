"""The command a person is told to type, at a real terminal (a pseudo-terminal, pexpect), against the
replica playing the person (issue 21): `assist fill --platform instagram` with no details asks for
them and ends with a confirmed record; a wrong answer is asked again; the profile offer; the only
profile used; the guided start; the terminal in the person's language."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from meta_optout_assist import __version__
from meta_optout_assist.legal.reasons import list_templates
from tests.support.file_keyring import file_keyring
from tests.support.values import EMAIL, journal


def _objections(site) -> list[dict]:
    return [s for s in site.submissions if s["form"].endswith("objection")]


def _run_args(site, *extra: str) -> list[str]:
    return ["fill", "--platform", "instagram", "--base-url", site.base_url, "--headless",
            "--wait-timeout", "60", "--page-timeout", "15", *extra]


@pytest.mark.slow
def test_no_details_are_asked_for_and_the_run_ends_confirmed(site, in_terminal, data_dir):
    """The very command people are told to run: each question in turn, the country proposed from
    the time zone (Europe/Berlin), the reason from the templates by number, no profile (the
    default), the review answered y, Meta's confirmation and a receipt."""
    # The simulated person logs in and types the code once the tool has said so (a cue each).
    site.configure(simulate_person=True, person_delay_ms=100, person_waits_for_cue=True)
    first = list_templates()[0]
    term = in_terminal(*_run_args(site))
    term.answer(r"email", EMAIL)
    term.answer(r"country.*\[DE\]", "")  # Enter takes the proposal
    term.expect(r"1\s+" + first.title_for("de")[:30].replace("(", r"\("))  # the country's language
    term.answer(r"Your reason", "1")
    term.expect(r"Log in to Instagram in the browser window")
    site.cue_person()
    # No keyring here: nothing can be kept, so no profile is offered.
    term.answer(r"Send this to Meta now\?", "y")
    term.expect(r"Meta emailed a code to")
    site.cue_person()
    assert term.finish() == 0, term.text

    text = term.text
    assert "Save these answers as a profile" not in text
    for line in ("→ Germany (DE)", "Log in to Instagram in the browser window", "Meta emailed a code to",
                 "Confirmed by Meta", "Result", "confirmed"):
        assert line in text
    (sub,) = _objections(site)
    assert sub["status"] == "confirmed"
    assert sub["fields"]["email"] == EMAIL and sub["fields"]["country"] in ("DE", "Germany")
    assert "Article 21" in sub["fields"]["reason"]  # the template, in the page's language (English here)
    (record,) = journal(data_dir)
    assert record["state"] == "confirmed" and record["email"] == EMAIL and record["country"] == "DE"
    manifest = json.loads((Path(record["receipt_dir"]) / "manifest.json").read_text())
    assert manifest["tool_version"] == __version__
    assert not (data_dir / "profiles.json").exists()


def test_a_wrong_email_is_asked_again_and_ctrl_d_stops_before_anything_starts(site, in_terminal, data_dir):
    term = in_terminal(*_run_args(site))
    term.answer(r"email", "jane.example.org")
    term.expect(r"not an email address")
    term.answer(r"email", "jane@example")
    term.expect(r"the domain needs a dot")
    term.answer(r"email", EMAIL)
    term.expect(r"country.*\[DE\]")
    term.child.sendeof()
    assert term.finish() == 130, term.text
    assert "Traceback" not in term.text
    assert site.events == [] and journal(data_dir) == []  # no browser, no record


@pytest.mark.slow
def test_the_profile_offer_keeps_the_answers_and_the_only_profile_is_used_next_time(
        site, in_terminal, data_dir, tmp_path):
    site.configure(simulate_person=True, person_delay_ms=100)
    with file_keyring(tmp_path / "keyring.json") as env:
        term = in_terminal(*_run_args(site, "--dry-run"), env=env)
        term.answer(r"email", EMAIL)
        term.answer(r"country.*\[DE\]", "AT")
        term.answer(r"Your reason", "My holiday photos show my children, who cannot agree to this.")
        term.answer(r"profile.*\[y/N\]", "y")
        term.answer(r"Profile name.*\[me\]", "")
        term.expect(r"Saved profile me")
        assert term.finish() == 0, term.text

        from meta_optout_assist.store import profiles

        assert profiles.list_profiles(data_dir) == ["me"]
        saved = profiles.get_profile(data_dir, "me")
        assert (saved.email, saved.country, saved.reason) == \
            (EMAIL, "AT", "My holiday photos show my children, who cannot agree to this.")

        # Next time: no details given, one saved profile: it is used, said, and nothing is asked.
        again = in_terminal(*_run_args(site, "--dry-run"), env=env)
        again.expect(r"Using your saved profile me")
        assert again.finish() == 0, again.text
        assert "Your email address" not in again.text and "Your reason" not in again.text
        assert "Filled, not sent (dry run)." in again.text
        assert "My holiday photos show my children" in again.text  # the review shows the profile's reason
    assert _objections(site) == []  # dry runs send nothing


@pytest.mark.slow
@pytest.mark.skipif(not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")),
                    reason="the guided start opens a browser window: run under `xvfb-run -a` (make test does)")
def test_the_guided_start(site, in_terminal, data_dir):
    """`assist` alone: where you live → the forms you may use → platforms → the run, with the same
    questions, to a confirmed record."""
    site.configure(simulate_person=True, person_delay_ms=300)
    term = in_terminal(env={"ASSIST_BASE_URL": site.base_url, "TZ": "Europe/Paris"})
    term.answer(r"country.*\[FR\]", "")
    term.expect(r"Meta's forms you may use")
    term.answer(r"Which form\?", "1")
    term.expect(r"2\s+Instagram")
    term.answer(r"Which platforms\?.*\[all\]", "2")
    term.answer(r"email", EMAIL)
    term.answer(r"Your reason", "2")
    term.answer(r"Send this to Meta now\?", "y")
    assert term.finish() == 0, term.text
    (sub,) = _objections(site)
    assert sub["status"] == "confirmed" and sub["form"].startswith("instagram")
    assert sub["fields"]["email"] == EMAIL and sub["fields"]["country"] in ("FR", "France")
    assert [r["state"] for r in journal(data_dir)] == ["confirmed"]
    assert "Confirmed by Meta." in term.text


@pytest.mark.slow
def test_the_terminal_speaks_german_with_lang(site, in_terminal, data_dir, tmp_path):
    """--lang de: the questions, the person's steps, the review question and the result in German."""
    site.configure(simulate_person=True, person_delay_ms=100, person_waits_for_cue=True)
    with file_keyring(tmp_path / "keyring.json") as env:
        term = in_terminal(*_run_args(site, "--lang", "de"), env=env)
        term.answer(r"E-Mail-Adresse", EMAIL)
        term.answer(r"Land, in dem du lebst.*\[DE\]", "")
        term.answer(r"Deine Begründung", "1")
        term.answer(r"als Profil speichern.*\[j/N\]", "n")
        term.expect(r"Melde dich im Browserfenster bei Instagram an")
        site.cue_person()
        term.answer(r"Jetzt an Meta senden\?", "j")
        term.expect(r"Meta hat einen Code an")
        site.cue_person()
        assert term.finish() == 0, term.text
    for line in ("Melde dich im Browserfenster bei Instagram an", "Meta hat einen Code an", "Code eingegeben",
                 "Prüfen – das wird an Meta gesendet", "Ergebnis", "Von Meta bestätigt."):
        assert line in term.text, line
    assert [r["state"] for r in journal(data_dir)] == ["confirmed"]


@pytest.mark.slow
def test_the_terminal_speaks_the_system_language(site, assist):
    """No --lang: the system locale (French here) chooses; the steps, the person's lines and the result."""
    site.configure(simulate_person=True, person_delay_ms=100, person_waits_for_cue=True)

    def cue(line: str) -> None:  # the person acts once the tool has told them to
        if "Connectez-vous à Facebook" in line or "Meta a envoyé un code" in line:
            site.cue_person()

    run = assist("fill", "--platform", "facebook", "--email", EMAIL, "--country", "FR",
                 "--reason-template", "creative-work", "--base-url", site.base_url, "--headless", "--yes",
                 "--wait-timeout", "60", "--page-timeout", "15", on_err_line=cue,
                 env={"ASSIST_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8"})
    assert run.code == 0, run.text
    err, out = " ".join(run.err.split()), " ".join(run.out.split())
    for line in ("Connectez-vous à Facebook dans la fenêtre du navigateur", "Meta a envoyé un code à",
                 "Formulaire envoyé", "Confirmé par Meta"):
        assert line in err, line
    assert "Résultat" in out and "Confirmé par Meta." in out


def test_without_a_terminal_nothing_is_asked(assist, data_dir):
    """No terminal (a script, CI): exit 2 naming each missing flag, as before; `assist` alone prints
    the help."""
    run = assist("fill", "--platform", "instagram", "--headless", "--yes")
    assert run.code == 2, run.text
    err = " ".join(run.err.split())
    assert "--email: is required" in err and "--country: is required" in err and "--reason-template" in err
    assert "Your email address" not in err and "Traceback" not in run.text
    assert journal(data_dir) == []
    alone = assist()
    assert alone.code == 2 and "[OPTIONS] COMMAND [ARGS]" in alone.err and "Commands:" in alone.err
    assert "The country you live in" not in alone.err  # the help, not a question
