"""The questions `assist fill` asks in a terminal instead of refusing: each detail a form needs and
the person did not give, checked on the spot; then, once, the offer to keep the answers as a profile.

Which details a form needs is the registry's say (selectors/forms/*.yaml `inputs`, `required`): a
form that needs a new input gets its question from INPUT_FLAGS and FillRequest's own check of that
input, with no edit here. Email, country (a proposal from the system to confirm) and reason (the
templates by number, in the language the person's country suggests) get questions of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from meta_optout_assist.ui.ask import Asker
from meta_optout_assist.ui.i18n import N_, _, language

if TYPE_CHECKING:
    from meta_optout_assist.site.schema import FormEntry, InputSpec

# The question for each input the tool knows; any other input is asked as "<name> (<flag>)".
LABELS: dict[str, str] = {
    "email": N_("Your email address (Meta emails you there: a code, or its answer)"),
    "country": N_("The country you live in (code or name)"),
    "phone": N_("Your phone number in international form, e.g. {example}"),
    "first_name": N_("Your first name"),
    "last_name": N_("Your last name"),
    "request": N_("What you request: object or delete"),
    "prompts": N_("A prompt that made Meta AI show information about you"),
    "details": N_("What you request and why, in your words"),
}
# The reason in the person's own words: a sentence, at least.
OWN_WORDS_MIN = 3

# What the person may give, beyond the platform and form (a detail given means "ask nothing").
DETAILS = ("email", "country", "reason", "reason_template", "phone", "first_name", "last_name",
           "request", "prompts", "evidence", "details")


def gave_details(values: Mapping[str, object]) -> bool:
    return any(values.get(name) not in (None, (), [], "") for name in DETAILS)


def _given(values: Mapping[str, object], name: str) -> bool:
    if name == "reason":
        return bool(values.get("reason") or values.get("reason_template"))
    return values.get(name) not in (None, (), [], "")


def missing(forms: Sequence[FormEntry], values: Mapping[str, object]) -> list[str]:
    """The inputs the forms require that `values` lacks, in registry order; the reason last (its
    templates are listed in the language the country suggests)."""
    names = list(dict.fromkeys(n for f in forms for n in f.required_inputs if not _given(values, n)))
    return sorted(names, key=lambda n: n == "reason")


def _spec(forms: Sequence[FormEntry], name: str) -> InputSpec | None:
    return next((f.inputs[name] for f in forms if name in f.inputs), None)


def check_answer(name: str, text: str, spec: InputSpec | None = None) -> object:
    """An answer for input `name`, checked as its flag would be (FillRequest's own check), and
    against the form's lengths. ValueError says what is wrong."""
    from pydantic import ValidationError

    from meta_optout_assist.inputs import FillRequest

    raw: object = (text,) if name == "prompts" else text
    try:
        request = FillRequest.model_validate({"platform": "-", name: raw})
    except ValidationError as err:
        problems = []
        for problem in err.errors(include_url=False):
            ctx = problem.get("ctx") or {}
            problems.append(str(ctx["error"]) if "error" in ctx else str(problem.get("msg", "")))
        raise ValueError("; ".join(p.removeprefix("Value error, ") for p in problems)) from None
    value = getattr(request, name)
    if isinstance(value, str) and spec is not None:
        if spec.min_length and len(value) < spec.min_length:
            raise ValueError(_("Meta's form wants at least {n} characters; this has {has}").format(
                n=spec.min_length, has=len(value)))
        if spec.max_length and len(value) > spec.max_length:
            raise ValueError(_("Meta's form takes at most {n} characters; this has {has}").format(
                n=spec.max_length, has=len(value)))
    return value


def question_for(name: str) -> str:
    """The question for input `name`: its own words, or its name and flag."""
    from meta_optout_assist.inputs import INPUT_FLAGS, PHONE_EXAMPLE

    if name in LABELS:
        return _(LABELS[name]).format(example=PHONE_EXAMPLE)
    return f"{name.replace('_', ' ')} ({' | '.join(INPUT_FLAGS.get(name, ()))})"


# -- the country ------------------------------------------------------------------------------------

def ask_country(asker: Asker, proposal: str | None = None) -> str:
    """Where the person lives, with the system's country proposed (Enter takes it)."""
    from meta_optout_assist.legal.countries import country_name, normalize_code
    from meta_optout_assist.legal.home_country import guess_country

    proposal = proposal or guess_country()

    def check(text: str) -> str:
        code = normalize_code(text)
        try:
            name = country_name(code, language())
        except ValueError:  # a language the country names are not kept in
            name = country_name(code)
        asker.say(_("→ {name} ({code})").format(name=name, code=code))
        return code

    question = LABELS["country"]
    return asker.ask(_(question), check, default=proposal)


# -- the reason -------------------------------------------------------------------------------------

def reason_language(country: str | None, locale: str | None = None) -> str:
    """The language the templates are listed in: --locale, else the main language of the person's
    country (the form page's language is not known before the browser opens), else English."""
    from meta_optout_assist.legal.escalation import country_language
    from meta_optout_assist.legal.reasons import best_locale

    return best_locale(locale or country_language(country) or None).locale


def ask_reason(asker: Asker, lang: str, spec: InputSpec | None = None) -> dict[str, str]:
    """The reason Meta's form asks for: a template by number or name, or the person's own words.
    Returns {"reason_template": NAME} or {"reason": TEXT}."""
    from meta_optout_assist.legal.reasons import list_templates

    templates = list_templates()
    asker.say(_("Meta's form asks for a reason: how this processing affects you."))
    asker.say(_("Ready-made reasons, written in the form's language when it is sent (`assist reasons` "
                "shows them in full; the review before Send shows the text):"))
    for number, template in enumerate(templates, 1):
        asker.console.print(f"  [cyan]{number}[/]  {escape(template.title_for(lang))}  [dim]({template.name})[/]",
                            highlight=False)

    by_name = {t.name: t.name for t in templates} | {t.title_for(lang).casefold(): t.name for t in templates}

    def check(text: str) -> dict[str, str]:
        plain = text.strip().rstrip(".")
        if plain.isdigit():
            if not 1 <= int(plain) <= len(templates):
                raise ValueError(_("type a number from 1 to {n}").format(n=len(templates)))
            return {"reason_template": templates[int(plain) - 1].name}
        if plain.casefold() in by_name or plain.lower() in by_name:
            return {"reason_template": by_name.get(plain.casefold()) or by_name[plain.lower()]}
        if len(text.split()) < OWN_WORDS_MIN:
            raise ValueError(_("type a number from the list, a template's name, or your reason in a sentence"))
        return {"reason": str(check_answer("reason", text, spec))}

    return asker.ask(_("Your reason (a number, a name, or your own words)"), check)


# -- all of them ------------------------------------------------------------------------------------

def ask_missing(asker: Asker, forms: Sequence[FormEntry], values: Mapping[str, object], *,
                locale: str | None = None, proposal: str | None = None) -> dict[str, object]:
    """Ask for each input the forms need and `values` lacks; returns the answers (input → value)."""
    answers: dict[str, object] = {}
    for name in missing(forms, values):
        spec = _spec(forms, name)
        if name == "country":
            answers["country"] = ask_country(asker, proposal)
        elif name == "reason":
            country = answers.get("country") or values.get("country")
            answers.update(ask_reason(asker, reason_language(str(country) if country else None, locale), spec))
        else:
            value = asker.ask(question_for(name), lambda text, n=name, s=spec: check_answer(n, text, s))
            answers[name] = tuple(value) if name == "prompts" else value
    return answers


# -- keeping the answers --------------------------------------------------------------------------

PROFILE_FIELDS = ("email", "country", "phone", "reason", "reason_template", "first_name", "last_name", "locale")


def offer_profile(asker: Asker, data_dir: Path, values: Mapping[str, object]) -> str | None:
    """Once, after questions: keep the answers as a profile (default no). Returns its name, or None
    (declined, or it could not be kept: said, and the run goes on). Without a keyring nothing can be
    kept, so nothing is offered."""
    from meta_optout_assist.errors import AssistError
    from meta_optout_assist.store import profiles

    if not (values.get("email") and values.get("country")):
        return None  # a profile holds an email and a country at least
    try:
        profiles.backend_name()
    except AssistError:  # no keyring backend (`assist doctor` says how to get one)
        return None
    if not asker.yes_no(_("Save these answers as a profile, so the next run asks nothing?"), default=False):
        return None
    existing = set(profiles.list_profiles(data_dir))

    def check(text: str) -> str:
        name = profiles.validate_profile_name(text)
        if name in existing:
            raise ValueError(_("there is a profile named {name} already; choose another name").format(name=name))
        return name

    name = asker.ask(_("Profile name"), check, default=_first_free(("me", "me-2", "me-3"), existing))
    fields = {k: values[k] for k in PROFILE_FIELDS if values.get(k) not in (None, "", ())}
    try:
        profile = profiles.build_profile(name=name, **fields)
        profiles.add_profile(data_dir, profile)
    except AssistError as err:
        asker.console.print("[yellow]![/] " + escape(_("The profile was not saved: {why}").format(why=err.message)))
        if err.hint:
            asker.say(err.hint)
        return None
    asker.say(_("Saved profile {name} in your keyring. Next time, --profile {name} (or nothing, while it is "
                "your only profile) fills these answers in.").format(name=name))
    return name


def _first_free(names: Iterable[str], taken: set[str]) -> str | None:
    return next((n for n in names if n not in taken), None)
