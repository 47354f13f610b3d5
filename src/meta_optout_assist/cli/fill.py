"""`assist fill`: thin command; validation in inputs.py, the work in filling.py."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from meta_optout_assist.cli import DataDirOption, LangOption, app, data_dir_or_default
from meta_optout_assist.errors import BadInput
from meta_optout_assist.flow.limits import MAX_PAGE_TIMEOUT_S, MAX_WAIT_TIMEOUT_S


def _choices() -> tuple[str, str]:
    """The registry's --platform and --form values, for the help (read without a YAML parser: this
    runs at every start). The run itself checks the values against the registry it loads."""
    from meta_optout_assist.site.registry import ALL, names

    platforms, kinds = names()
    return "|".join([*platforms, ALL]) or "PLATFORM", "|".join(kinds) or "FORM"


PLATFORMS, FORMS = _choices()


class RequestChoice(str, Enum):
    object = "object"
    delete = "delete"


def _complete_profiles(incomplete: str) -> list[str]:
    """Shell completion for --profile: the saved profile names (a plain file, no keyring)."""
    try:
        from meta_optout_assist.store import layout as paths
        from meta_optout_assist.store import profiles

        return [n for n in profiles.list_profiles(paths.default_data_dir()) if n.startswith(incomplete)]
    except Exception:  # noqa: BLE001 - completion must never print an error into the shell
        return []


def _complete_platforms(incomplete: str) -> list[str]:
    from meta_optout_assist.site.registry import ALL, names

    return [n for n in [*names()[0], ALL] if n.startswith(incomplete)]


def _complete_forms(incomplete: str) -> list[str]:
    from meta_optout_assist.site.registry import names

    return [n for n in names()[1] if n.startswith(incomplete)]


def _complete_templates(incomplete: str) -> list[str]:
    try:
        from meta_optout_assist.legal.reasons import template_names

        return [n for n in template_names() if n.startswith(incomplete)]
    except Exception:  # noqa: BLE001
        return []


@app.command(no_args_is_help=True)
def fill(
    platform: Annotated[str, typer.Option(metavar=PLATFORMS, help="Which platform's form to fill; `all` does each platform's form, one after the other (`assist forms --country CC` says which you may use).", autocompletion=_complete_platforms)],
    form: Annotated[str, typer.Option(metavar=FORMS, help="Which kind of form: objection (the user objection form: EU/EEA/UK, Brazil, Switzerland) or third-party (anyone); `assist forms --country CC` says which you may use.", autocompletion=_complete_forms)] = "objection",
    profile: Annotated[list[str] | None, typer.Option("--profile", help="Saved profile(s) to use (see `assist profile`); repeat for several accounts, each with its own browser profile.", autocompletion=_complete_profiles)] = None,
    email: Annotated[str | None, typer.Option(help="Your account's email address (Meta emails the code there).")] = None,
    phone: Annotated[str | None, typer.Option(help="WhatsApp's form: your number in international form, e.g. +4915112345678.")] = None,
    country: Annotated[str | None, typer.Option(help="Your country of residence, ISO code: DE, FR, IE, GB…")] = None,
    reason: Annotated[str | None, typer.Option(help="Why the processing affects you, in your words.")] = None,
    reason_template: Annotated[str | None, typer.Option(help="A ready reason in the page's language (`assist reasons` lists them).", autocompletion=_complete_templates)] = None,
    locale: Annotated[str | None, typer.Option(help="Override the page's language, e.g. de_DE.")] = None,
    base_url: Annotated[str | None, typer.Option(envvar="ASSIST_BASE_URL", help="Send Meta's addresses to this origin instead (a replica for testing), keeping paths. One that is not this computer (127.0.0.1, localhost) needs --i-know-this-is-not-meta; never with a name or password in it.")] = None,
    not_meta: Annotated[bool, typer.Option("--i-know-this-is-not-meta", help="Allow a --base-url that is not this computer: what the form asks for goes there, not to Meta.")] = False,
    headless: Annotated[bool, typer.Option(help="Run the browser without a window (you cannot log in then unless already logged in).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Send without asking for a final confirmation.")] = False,
    dry_run: Annotated[bool, typer.Option(help="Fill the form but do not send it.")] = False,
    browser: Annotated[str | None, typer.Option(envvar="ASSIST_BROWSER", help="chromium, chrome, msedge, or a path to a Chromium-based browser.")] = None,
    wait_timeout: Annotated[int, typer.Option(min=1, max=MAX_WAIT_TIMEOUT_S, help=f"Seconds to wait for you to log in or type the code (at most {MAX_WAIT_TIMEOUT_S}, a day).")] = 900,
    page_timeout: Annotated[int, typer.Option(min=1, max=MAX_PAGE_TIMEOUT_S, help=f"Seconds to wait for a page to show something the tool knows (at most {MAX_PAGE_TIMEOUT_S}).")] = 20,
    data_dir: DataDirOption = None,
    selectors: Annotated[Path | None, typer.Option(envvar="ASSIST_SELECTORS", help="A folder with updated selector files (common.yaml, facebook.yaml, instagram.yaml).")] = None,
    fresh_session: Annotated[bool, typer.Option(help="Use a throwaway browser profile (you log in again; nothing is kept).")] = False,
    force: Annotated[bool, typer.Option(help="Try the form even though Meta does not offer it where you live, or it is uncertain whether it does.")] = False,
    request: Annotated[RequestChoice | None, typer.Option(help="Third-party form: object to or delete the information.")] = None,
    first_name: Annotated[str | None, typer.Option(help="Third-party form: your first name.")] = None,
    last_name: Annotated[str | None, typer.Option(help="Third-party form: your surname.")] = None,
    prompt: Annotated[list[str] | None, typer.Option("--prompt", help="Third-party form: a prompt that made Meta AI show your information (repeatable).")] = None,
    evidence: Annotated[Path | None, typer.Option(help="Third-party form: a screenshot of Meta AI's answer (PNG/JPEG).")] = None,
    details: Annotated[str | None, typer.Option(help="Third-party form: what you request and why (100 characters at least).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only what you must do in the browser, errors and the final result.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as a JSON array on stdout, nothing else there (progress and prompts stay on stderr).")] = False,
    trace: Annotated[Path | None, typer.Option(metavar="FILE", dir_okay=False, help="Record a Playwright trace (screenshots, pages, requests) to FILE, 0600. It holds what was typed, possibly your password and code: never share it.")] = None,
    lang: LangOption = None,
) -> int:
    """Fill Meta's form in a real browser: you log in and type the emailed code, the tool does the rest.

    In a terminal, a detail the form needs and you did not give is asked for (and may be kept as a
    profile); with no details and exactly one saved profile, that profile is used. Without a
    terminal, a missing detail is an error naming its flag.

    Each account and platform gets its own browser profile in the data folder, so logins never mix
    and you stay logged in next time (--fresh-session: a throwaway one). Several --profile values
    and --platform all run one form after the other; one that fails does not stop the others, and
    a table at the end says how each went. Only one run at a time may use an account and platform.

    Exit codes: 0 every form confirmed by Meta (with --dry-run: filled); otherwise the code of the
    first form that was not: 2 bad input (nothing started), another run is using the account, or a
    data folder it cannot write, 3 page not understood (a diagnostics folder is printed), 4 timed
    out waiting for you, 5 Meta refused or showed an error, 130 aborted (you said no, closed the
    window, pressed Ctrl-C, or the input ended), 143 stopped by SIGTERM, 129 by SIGHUP (the
    terminal closed). A stopped form is recorded as aborted, or as submitted if it had been sent.

    Examples:

      \b
      assist fill --platform instagram --email me@example.org --country DE --reason-template art21-particular-situation

      \b
      assist fill --platform all --profile me --profile work --yes

      \b
      assist fill --platform facebook --profile me --json --quiet > result.json
    """
    from meta_optout_assist.flow import filling
    from meta_optout_assist.site import registry, urls
    from meta_optout_assist.site import selectors as selector_data
    from meta_optout_assist.ui import i18n
    from meta_optout_assist.ui.progress import UI

    if lang is not None:
        i18n.use(lang)
    base = urls.check_base_url(base_url, not_meta=not_meta)
    directory = data_dir_or_default(data_dir)
    trace = _check_trace(trace)
    plan = _plan(registry.load(selectors), platform, form)
    given = {"email": email, "phone": phone, "country": country, "reason": reason, "locale": locale,
             "reason_template": reason_template, "first_name": first_name, "last_name": last_name}
    third_party = {"request": request, "prompts": tuple(prompt or ()), "evidence": evidence, "details": details}
    ask = None
    if sys.stdin.isatty():  # a person at a terminal: ask instead of refusing
        from meta_optout_assist.cli.asking import only_profile, questions_for

        if not profile:
            profile = only_profile(directory, {**given, **third_party})
        ask = questions_for(directory, registry.load(selectors), form, locale)
    requests = _requests(directory, plan, form, profile, selectors, given=given, ask=ask,
                         every_platform=platform == registry.ALL, **third_party)
    for r in requests:  # a broken --selectors file fails here, before a browser opens
        selector_data.load_site(r.platform, r.form, selectors)
    _check_eligibility(requests, force, from_flag=country is not None, selectors_dir=selectors)
    ui = UI(quiet=quiet)
    if not (yes or dry_run or ui.interactive):
        raise BadInput(
            "no terminal to confirm the form before it is sent",
            hint="add --yes to send without the final confirmation (or --dry-run to only fill it)",
        )
    if trace is not None:
        from meta_optout_assist.browser.launch import TRACE_WARNING

        ui.warn(TRACE_WARNING)
    options = filling.RunOptions(
        data_dir=directory, base_url=base, headless=headless, assume_yes=yes, dry_run=dry_run,
        browser=browser, wait_timeout_s=wait_timeout, page_timeout_s=page_timeout,
        selectors_dir=selectors, fresh_session=fresh_session, trace=trace,
    )
    results = filling.fill_many(requests, options, ui)
    code = filling.exit_code(results)
    if as_json:
        import json

        sys.stdout.write(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=2) + "\n")
    else:
        ui.summary(results, code)
    return code


def _plan(reg, platform: str, form: str) -> list[str]:
    """The --platform values to fill, in order: one, or every platform's form with `all` (a form
    shared by several platforms, such as the third-party form, once)."""
    from meta_optout_assist.site.registry import ALL

    if platform != ALL and platform not in reg.platforms():
        raise BadInput(f"--platform {platform!r}: not a platform the tool knows",
                       hint=f"use one of {', '.join([*reg.platforms(), ALL])}")
    if form not in reg.kinds():
        raise BadInput(f"--form {form!r}: not a form the tool knows", hint=f"use one of {', '.join(reg.kinds())}")
    return [p for p, _ in reg.plan(platform, form)]


def _requests(directory: Path, platforms: list[str], form: str, profiles: list[str] | None,
              selectors: Path | None, *, given: dict, every_platform: bool = False, ask=None,
              **third_party: object) -> list:
    """One FillRequest per account × platform, flags over profile values, all validated now.
    `ask(account, values, platforms)`: the answers to what is missing (in a terminal).

    With --platform all, a platform whose form needs an input only it asks for (WhatsApp's phone
    number) and that was not given is skipped, and the person is told."""
    from meta_optout_assist.inputs import build_request
    from meta_optout_assist.site import registry

    reg = registry.load(selectors)
    forms = {name: reg.entry(name, form) for name in platforms}

    requests = []
    for account in list(dict.fromkeys(profiles or [None])):  # each account once, in order
        defaults: dict = {}
        if account is not None:
            from meta_optout_assist.store.profiles import resolve_profile

            p = resolve_profile(directory, account)
            defaults = {"email": p.email, "country": p.country, "locale": p.locale,
                        "first_name": p.first_name, "last_name": p.last_name,
                        "reason_template": p.reason_template,
                        **{k: getattr(p, k) for k in ("phone", "reason") if getattr(p, k, None)}}
        values = {**defaults, **{k: v for k, v in given.items() if v is not None}}
        third = dict(third_party)
        if third.get("request") is not None:
            third["request"] = third["request"].value  # type: ignore[union-attr]
        if ask is not None:  # with --platform all, not for what only one platform's form needs
            askable = [p for p in platforms
                       if not (every_platform and _only_its_own(forms, p, {**values, **third}))]
            answers = ask(account, {**third, **values}, askable)
            third.update({k: v for k, v in answers.items() if k in third})
            values.update({k: v for k, v in answers.items() if k not in third})
        for name in platforms:
            if every_platform and (missing := _only_its_own(forms, name, {**values, **third})):
                _say_skipped(name, account, missing)
                continue
            requests.append(build_request(
                platform=name, form=form, account=account or "default", selectors_dir=selectors, **third,
                **{k: v for k, v in values.items() if v is not None},
            ))
    return requests


def _only_its_own(forms: dict, platform: str, values: dict) -> list[str]:
    """The inputs `platform`'s form requires, no other form of the run does, and nobody gave."""
    others = {i for p, f in forms.items() if p != platform for i in f.required_inputs}
    given = {k for k, v in values.items() if v} | ({"reason"} if values.get("reason_template") else set())
    return [i for i in forms[platform].required_inputs if i not in others and i not in given]


def _say_skipped(platform: str, account: str | None, missing: list[str]) -> None:
    from meta_optout_assist.inputs import INPUT_FLAGS
    from meta_optout_assist.ui.terminal import console_err

    flags = " and ".join(INPUT_FLAGS[i][0] for i in missing)
    whose = f" for profile {account!r}" if account else ""
    console_err().print(f"[yellow]![/] Skipped {platform}{whose}: its form needs {flags} "
                        "(give it, or keep it in the profile, to include it).", markup=True)


def _check_trace(trace: Path | None) -> Path | None:
    if trace is None:
        return None
    trace = trace.expanduser()
    if trace.is_dir():
        raise BadInput(f"--trace {trace}: that is a folder", hint="give a file name, e.g. --trace run.zip")
    if not trace.parent.is_dir():
        raise BadInput(f"--trace {trace}: the folder {trace.parent} does not exist")
    return trace.resolve()


def _check_eligibility(requests: list, force: bool, *, from_flag: bool = True,
                       selectors_dir: Path | None = None) -> None:
    """Each form is offered in some regions only (the registry says which): say so, and what else
    there is, before starting."""
    from rich.markup import escape

    from meta_optout_assist.legal.eligibility import forms_for, may_use
    from meta_optout_assist.site import registry
    from meta_optout_assist.ui.terminal import console_err

    reg = registry.load(selectors_dir)
    warned: set[tuple[str, str]] = set()
    for r in requests:
        entry = reg.entry(r.platform, r.form)
        if (r.country, entry.id) in warned:
            continue
        warned.add((r.country, entry.id))
        advice = forms_for(r.country, selectors_dir)
        mine = next(a for a in advice if entry.id in a.ids)
        if not may_use(entry, r.country):
            if force:
                said = (f"{mine.caveat} Trying it anyway (--force)." if mine.certainty == "uncertain"
                        else f"{mine.how} (continuing: --force)")
                console_err().print(f"[yellow]![/] {escape(said)}")
                continue
            profiles = sorted({q.account for q in requests if q.country == r.country and q.account != "default"})
            where = f"--country {r.country}" if from_flag or not profiles else \
                f"profile {', '.join(map(repr, profiles))} (country {r.country})"
            others = " ".join(a.how for a in advice if a.eligible and a.form != r.form)
            force_hint = "" if "--force" in mine.how else "Add --force to try this form anyway."
            raise BadInput(f"{where}: {mine.how}",
                           hint=" ".join(p for p in (others, force_hint) if p) or None)
        for extra in (mine.caveat, mine.warning):
            if extra:
                console_err().print(f"[yellow]![/] {escape(extra)}")
