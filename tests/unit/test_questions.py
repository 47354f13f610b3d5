"""The questions `assist fill` asks in a terminal (issue 21, part 1), driven by the registry's
forms: each answer checked on the spot and asked again when wrong; the country proposed from the
system; the reason from the templates or in the person's words; the profile offer; the only
profile used. (Through a real pseudo-terminal: tests/e2e/test_prompts.py.)"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from keyring.backends import fail
from rich.console import Console

from meta_optout_assist.errors import Aborted, BadInput
from meta_optout_assist.inputs import PHONE_EXAMPLE, build_request
from meta_optout_assist.legal import home_country
from meta_optout_assist.legal.reasons import list_templates
from meta_optout_assist.site import files, registry
from meta_optout_assist.store import profiles
from meta_optout_assist.ui import questions
from meta_optout_assist.ui.ask import Asker
from tests.support.memory_keyring import installed_keyring

EMAIL = "jane.doe@example.org"
VALID = {
    "email": EMAIL, "country": "DE", "phone": "+49 151 12345678", "first_name": "Jane", "last_name": "Doe",
    "request": "object", "prompts": "What do you know about Jane Doe?", "reason": "1",
    "details": "Meta AI told a stranger where I work and live; I ask Meta to stop using what it holds about me "
               "for its AI and to tell me where it comes from.",
}


class Script:
    """Answers typed at the prompts, in order; an unexpected question fails the test."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        self.out = io.StringIO()
        self.asker = Asker(Console(file=self.out, width=200, color_system=None), read=self.read)

    def read(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if not self.answers:
            raise AssertionError(f"an unexpected question: {prompt!r}\n{self.out.getvalue()}")
        return self.answers.pop(0)

    @property
    def text(self) -> str:
        return " ".join(self.out.getvalue().split())


class ByQuestion(Script):
    """Answers each question with a valid answer for the input it asks about."""

    def read(self, prompt: str) -> str:
        self.prompts.append(prompt)
        if "reason" in prompt:
            return VALID["reason"]
        if "country" in prompt:
            return VALID["country"]
        for name, value in VALID.items():
            if name in questions.LABELS and questions.question_for(name) in prompt:
                return value
        raise AssertionError(f"a question for no known input: {prompt!r}")


@pytest.mark.parametrize("form", registry.load().forms, ids=lambda f: f.id)
def test_each_registry_form_gets_a_question_for_each_input_it_requires(form):
    """Whatever the registry says a form requires is asked, and the answers make a valid request."""
    script = ByQuestion()
    answers = questions.ask_missing(script.asker, [form], {})
    assert set(answers) >= {n for n in form.required_inputs if n != "reason"}
    assert len(script.prompts) == len(form.required_inputs)
    request = build_request(platform=form.platforms[0], form=form.form, **answers)
    assert all(request.given(n) for n in form.required_inputs)


def test_given_details_are_not_asked_again():
    form = registry.load().entry("instagram", "objection")
    script = Script("2")
    answers = questions.ask_missing(script.asker, [form], {"email": EMAIL, "country": "FR"})
    assert answers == {"reason_template": list_templates()[1].name}
    assert questions.ask_missing(Script().asker, [form], {"email": EMAIL, "country": "FR",
                                                         "reason_template": "creative-work"}) == {}


def _with_phone(tmp_path: Path) -> Path:
    """A copy of the selectors whose Instagram form also requires a phone number (as WhatsApp's does)."""
    copy = tmp_path / "selectors"
    shutil.copytree(files.bundled_dir(), copy)
    path = copy / "forms" / "instagram-objection.yaml"
    text = path.read_text(encoding="utf-8")
    email = "inputs:\n  email: {required: true}\n"
    text = text.replace(email, email + "  phone: {required: true}\n")
    text = text.replace("fields:", "fields:\n  phone:\n    input: phone\n    kind: phone\n    label: Phone\n"
                                   "    locators:\n      - css: 'input[name=\"phone\"]'", 1)
    path.write_text(text, encoding="utf-8")
    return copy


def test_a_form_that_needs_a_phone_gets_its_question_from_the_registry_alone(tmp_path):
    form = registry.load(_with_phone(tmp_path)).entry("instagram", "objection")
    assert "phone" in form.required_inputs
    script = Script("015112345678", "+49 151 1234 5678")
    answers = questions.ask_missing(script.asker, [form], {"email": EMAIL, "country": "DE", "reason": "Mine."})
    assert answers == {"phone": "+4915112345678"}
    assert "phone" in script.prompts[0] and PHONE_EXAMPLE in script.prompts[0]
    assert "does not start with + and the country code" in script.text  # said, then asked again
    assert len(script.prompts) == 2


def test_a_wrong_email_is_asked_again():
    form = registry.load().entry("facebook", "objection")
    script = Script("jane.doe.example.org", "jane@", EMAIL)
    answers = questions.ask_missing(script.asker, [form], {"country": "DE", "reason": "Mine."})
    assert answers == {"email": EMAIL}
    assert all("email" in p for p in script.prompts) and len(script.prompts) == 3
    assert "it needs exactly one @" in script.text and "nothing after the @" in script.text


def test_an_empty_answer_is_asked_again():
    script = Script("", EMAIL)
    form = registry.load().entry("facebook", "objection")
    assert questions.ask_missing(script.asker, [form], {"country": "DE", "reason": "Mine."}) == {"email": EMAIL}
    assert "An answer is needed here." in script.text


def test_the_country_proposed_is_taken_with_enter_and_names_work():
    assert questions.ask_country(Script("").asker, proposal="AT") == "AT"
    script = Script("Narnia", "Deutschland")
    assert questions.ask_country(script.asker, proposal="AT") == "DE"
    assert "[AT]" in script.prompts[0] and "country" in script.prompts[0]
    assert "Unknown country 'Narnia'" in script.text and "→ Germany (DE)" in script.text


def test_the_reason_lists_the_templates_in_the_language_the_country_suggests():
    templates = list_templates()
    script = Script("99", "x", templates[2].name)
    assert questions.ask_reason(script.asker, questions.reason_language("FR")) == {"reason_template": templates[2].name}
    for number, template in enumerate(templates, 1):
        assert f"{number} {template.title_for('fr')}" in script.text
    assert "type a number from 1 to" in script.text and "in a sentence" in script.text
    assert "reason" in script.prompts[0]

    own = "My photos show my children and I never agreed to this."
    assert questions.ask_reason(Script(own).asker, "en") == {"reason": own}
    title = templates[0].title_for("de")
    assert questions.ask_reason(Script(title.upper()).asker, "de") == {"reason_template": templates[0].name}


@pytest.mark.parametrize("country, locale, expected", [
    ("DE", None, "de"), ("AT", None, "de"), ("FR", None, "fr"), ("IT", None, "it"), ("PL", None, "pl"),
    ("NL", None, "nl"), ("ES", None, "es"), ("IE", None, "en"), ("SE", None, "en"), (None, None, "en"),
    ("DE", "fr_FR", "fr"),
])
def test_reason_language(country, locale, expected):
    assert questions.reason_language(country, locale) == expected


def test_lengths_are_the_forms_say():
    spec = registry.load().entry("facebook", "third-party").inputs["details"]
    with pytest.raises(ValueError, match="at least 100 characters"):
        questions.check_answer("details", "Too short.", spec)
    assert questions.check_answer("details", VALID["details"], spec) == VALID["details"]


def test_missing_puts_the_reason_last_and_counts_a_template_as_a_reason():
    form = registry.load().entry("facebook", "objection")
    assert questions.missing([form], {}) == ["email", "country", "reason"]
    assert questions.missing([form], {"reason_template": "creative-work", "email": EMAIL}) == ["country"]


def test_yes_no_understands_each_language_and_asks_again():
    script = Script("maybe", "j")
    assert script.asker.yes_no("Send?") is True
    assert "Please answer y or n." in script.text
    assert Script("").asker.yes_no("Send?") is False
    assert Script("").asker.yes_no("Send?", default=True) is True
    for word in ("oui", "sí", "sim", "tak", "ja", "Y"):
        assert Script(word).asker.yes_no("?") is True
    for word in ("nein", "non", "nee", "nie", "não", "N"):
        assert Script(word).asker.yes_no("?") is False


def test_the_end_of_input_aborts():
    def eof(_prompt: str) -> str:
        raise EOFError

    with pytest.raises(Aborted):
        Asker(Console(file=io.StringIO()), read=eof).ask("Email", str)


def test_pick_several_or_all():
    options = [("facebook", "Facebook"), ("instagram", "Instagram"), ("whatsapp", "WhatsApp")]
    assert Script("3, 1").asker.pick("Which?", options, several=True) == ["facebook", "whatsapp"]
    assert Script("").asker.pick("Which?", options, several=True, default="all") == [k for k, _ in options]
    script = Script("1 2", "4", "2")
    assert script.asker.pick("Which?", options) == ["instagram"]
    assert "type one number from 1 to 3" in script.text and "type a number from 1 to 3" in script.text


# -- keeping the answers ---------------------------------------------------------------------------

ANSWERS = {"email": EMAIL, "country": "DE", "reason_template": "creative-work", "phone": "+4915112345678"}


def test_the_profile_offer_defaults_to_no(tmp_path, memory_keyring):
    script = Script("")
    assert questions.offer_profile(script.asker, tmp_path, ANSWERS) is None
    assert "profile" in script.prompts[0] and "[y/N]" in script.prompts[0]
    assert profiles.list_profiles(tmp_path) == []


def test_the_profile_offer_keeps_the_answers(tmp_path, memory_keyring):
    profiles.add_profile(tmp_path, profiles.build_profile(name="me", email="other@example.org", country="FR"))
    script = Script("y", "bad name!", "home")
    assert questions.offer_profile(script.asker, tmp_path, {**ANSWERS, "reason": None}) == "home"
    assert "[me-2]" in script.prompts[1]  # the first free default name
    assert "is not a usable profile name" in script.text
    saved = profiles.get_profile(tmp_path, "home")
    assert (saved.email, saved.country, saved.reason_template, saved.phone) == \
        (EMAIL, "DE", "creative-work", "+4915112345678")
    assert "Saved profile home" in script.text


def test_the_profile_offer_refuses_a_taken_name(tmp_path, memory_keyring):
    profiles.add_profile(tmp_path, profiles.build_profile(name="me", email="other@example.org", country="FR"))
    script = Script("y", "me", "mine")
    assert questions.offer_profile(script.asker, tmp_path, ANSWERS) == "mine"
    assert "there is a profile named me already" in script.text


def test_without_a_keyring_nothing_is_offered(tmp_path):
    with installed_keyring(fail.Keyring()):
        assert questions.offer_profile(Script().asker, tmp_path, ANSWERS) is None  # Script(): no question
    assert profiles.list_profiles(tmp_path) == []


def test_a_keyring_that_fails_on_write_is_said_and_the_run_goes_on(tmp_path, memory_keyring, monkeypatch):
    from meta_optout_assist.errors import KeyringUnavailable

    def locked(*_a, **_k):
        raise KeyringUnavailable("the keyring is locked", hint="unlock it and try again")

    monkeypatch.setattr(profiles, "add_profile", locked)
    script = Script("y", "")
    assert questions.offer_profile(script.asker, tmp_path, ANSWERS) is None
    assert "The profile was not saved: the keyring is locked" in script.text and "unlock it" in script.text


def test_the_only_profile_is_used_and_said(tmp_path, memory_keyring, capsys):
    from meta_optout_assist.cli.asking import only_profile
    from meta_optout_assist.ui.terminal import console_err

    console_err.cache_clear()
    assert only_profile(tmp_path, {}) is None  # none saved
    profiles.add_profile(tmp_path, profiles.build_profile(name="me", email=EMAIL, country="DE"))
    assert only_profile(tmp_path, {}) == ["me"]
    assert "Using your saved profile me" in " ".join(capsys.readouterr().err.split())
    assert only_profile(tmp_path, {"email": EMAIL}) is None  # details given: they decide
    profiles.add_profile(tmp_path, profiles.build_profile(name="work", email=EMAIL, country="DE"))
    assert only_profile(tmp_path, {}) is None  # two: the person chooses


def test_an_only_profile_that_cannot_be_read_gives_way_to_the_questions(tmp_path, memory_keyring, capsys):
    from meta_optout_assist.cli.asking import only_profile
    from meta_optout_assist.ui.terminal import console_err

    console_err.cache_clear()
    profiles.add_profile(tmp_path, profiles.build_profile(name="me", email=EMAIL, country="DE"))
    with installed_keyring(fail.Keyring()):
        assert only_profile(tmp_path, {}) is None
    assert "could not be read" in " ".join(capsys.readouterr().err.split())


def test_profiles_keep_a_phone_and_own_words(tmp_path, memory_keyring):
    profile = profiles.build_profile(name="me", email=EMAIL, country="DE", phone="+49 151 12345678",
                                     reason="In my own words.")
    assert profile.phone == "+4915112345678" and profile.reason == "In my own words."
    with pytest.raises(BadInput, match="--phone"):
        profiles.build_profile(name="me", email=EMAIL, country="DE", phone="0151")


# -- the country proposed ----------------------------------------------------------------------------

def test_the_country_of_a_time_zone(tmp_path):
    table = tmp_path / "zone.tab"
    table.write_text("# comment\nDE\t+5230+01322\tEurope/Berlin\nCH,DE,LI\t+4723+00832\tEurope/Zurich\n")
    assert home_country.country_of_zone("Europe/Berlin", (table,)) == "DE"
    assert home_country.country_of_zone("Europe/Zurich", (table,)) == "CH"
    assert home_country.country_of_zone("UTC", (table,)) is None
    assert home_country.country_of_zone(None, (table,)) is None


@pytest.mark.parametrize("zone, env, expected", [
    ("Europe/Paris", {"LANG": "de_DE.UTF-8"}, "FR"),  # the time zone first
    ("Europe/Vienna", {}, "AT"),
    ("Etc/UTC", {"LANG": "nl_BE.UTF-8"}, "BE"),  # no country in the zone: the locale's
    ("UTC", {"LC_ALL": "pl_PL.UTF-8", "LANG": "C"}, "PL"),
    ("UTC", {"LANG": "C.UTF-8"}, None),
    ("", {"LANG": "en"}, None),
])
def test_guess_country(zone, env, expected):
    assert home_country.guess_country(env, "linux", zone=zone) == expected


@pytest.mark.parametrize("name, expected", [
    ("de_AT.UTF-8", "AT"), ("pt-BR", "BR"), ("sr_RS@latin", "RS"), ("C", None), ("en", None), (None, None),
])
def test_country_of_locale(name, expected):
    assert home_country.country_of_locale(name) == expected


def test_the_system_time_zone_is_read_from_tz(monkeypatch):
    import tzlocal

    monkeypatch.setenv("TZ", "Europe/Rome")
    tzlocal.reload_localzone()  # tzlocal keeps the zone it read first
    try:
        assert home_country.system_zone() == "Europe/Rome"
        assert home_country.guess_country({}, "linux") == "IT"
    finally:
        monkeypatch.undo()
        tzlocal.reload_localzone()
