"""`assist fill`: thin command; validation in inputs.py, the work in filling.py."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from meta_optout_assist.cli import app
from meta_optout_assist.errors import BadInput


class PlatformChoice(str, Enum):
    facebook = "facebook"
    instagram = "instagram"
    all = "all"


class FormChoice(str, Enum):
    objection = "objection"
    third_party = "third-party"


class RequestChoice(str, Enum):
    object = "object"
    delete = "delete"


DataDirOption = Annotated[Path | None, typer.Option(
    "--data-dir", envvar="ASSIST_DATA_DIR", show_default="your user data folder",
    help="Where the journal, receipts and browser profiles live (created 0700).")]


@app.command(no_args_is_help=True)
def fill(
    platform: Annotated[PlatformChoice, typer.Option(help="Which platform's form to fill; `all` does both.")],
    form: Annotated[FormChoice, typer.Option(help="objection (EU/EEA/UK users) or third-party (anyone).")] = FormChoice.objection,
    profile: Annotated[list[str] | None, typer.Option("--profile", help="Saved profile(s) to use (see `assist profile`); repeat for several accounts.")] = None,
    email: Annotated[str | None, typer.Option(help="Your account's email address (Meta emails the code there).")] = None,
    country: Annotated[str | None, typer.Option(help="Your country of residence, ISO code: DE, FR, IE, GB…")] = None,
    reason: Annotated[str | None, typer.Option(help="Why the processing affects you, in your words.")] = None,
    reason_template: Annotated[str | None, typer.Option(help="A ready reason in the page's language (`assist reasons` lists them).")] = None,
    locale: Annotated[str | None, typer.Option(help="Override the page's language, e.g. de_DE.")] = None,
    base_url: Annotated[str | None, typer.Option(envvar="ASSIST_BASE_URL", help="Send Meta's addresses to this origin instead (a replica for testing), keeping paths.")] = None,
    headless: Annotated[bool, typer.Option(help="Run the browser without a window (you cannot log in then unless already logged in).")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Send without asking for a final confirmation.")] = False,
    dry_run: Annotated[bool, typer.Option(help="Fill the form but do not send it.")] = False,
    browser: Annotated[str | None, typer.Option(envvar="ASSIST_BROWSER", help="chromium, chrome, msedge, or a path to a Chromium-based browser.")] = None,
    wait_timeout: Annotated[int, typer.Option(min=1, help="Seconds to wait for you to log in or type the code.")] = 900,
    page_timeout: Annotated[int, typer.Option(min=1, help="Seconds to wait for a page to show something the tool knows.")] = 20,
    data_dir: DataDirOption = None,
    selectors: Annotated[Path | None, typer.Option(envvar="ASSIST_SELECTORS", help="A folder with updated selector files (common.yaml, facebook.yaml, instagram.yaml).")] = None,
    fresh_session: Annotated[bool, typer.Option(help="Use a throwaway browser profile (you log in again; nothing is kept).")] = False,
    force: Annotated[bool, typer.Option(help="Try the objection form even though Meta does not offer it in your country.")] = False,
    request: Annotated[RequestChoice | None, typer.Option(help="Third-party form: object to or delete the information.")] = None,
    first_name: Annotated[str | None, typer.Option(help="Third-party form: your first name.")] = None,
    last_name: Annotated[str | None, typer.Option(help="Third-party form: your surname.")] = None,
    prompt: Annotated[list[str] | None, typer.Option("--prompt", help="Third-party form: a prompt that made Meta AI show your information (repeatable).")] = None,
    evidence: Annotated[Path | None, typer.Option(help="Third-party form: a screenshot of Meta AI's answer (PNG/JPEG).")] = None,
    details: Annotated[str | None, typer.Option(help="Third-party form: what you request and why (100 characters at least).")] = None,
) -> int:
    """Fill Meta's form in a real browser: you log in and type the emailed code, the tool does the rest.

    Examples:

      assist fill --platform instagram --email me@example.org --country DE --reason-template art21-particular-situation

      assist fill --platform all --profile me --yes
    """
    from meta_optout_assist import paths, selector_data, urls
    from meta_optout_assist.filling import RunOptions, fill_many, selectors_platform
    from meta_optout_assist.inputs import build_request
    from meta_optout_assist.ui import UI

    base = urls.check_base_url(base_url)
    directory = data_dir or paths.default_data_dir()
    platforms = ["facebook", "instagram"] if platform is PlatformChoice.all else [platform.value]
    requests = []
    for account in profile or [None]:
        defaults: dict = {}
        if account is not None:
            from meta_optout_assist.profiles import resolve_profile

            p = resolve_profile(directory, account)
            defaults = {"email": p.email, "country": p.country, "locale": p.locale,
                        "first_name": p.first_name, "last_name": p.last_name,
                        "reason_template": p.reason_template}
        given = {"email": email, "country": country, "reason": reason, "locale": locale,
                 "reason_template": reason_template, "first_name": first_name,
                 "last_name": last_name}
        values = {**defaults, **{k: v for k, v in given.items() if v is not None}}
        for name in platforms:
            requests.append(build_request(
                platform=name, form=form.value, account=account or "default",
                request=request.value if request else None, prompts=tuple(prompt or ()),
                evidence=evidence, details=details,
                **{k: v for k, v in values.items() if v is not None},
            ))
    for r in requests:  # a broken --selectors file fails here, before a browser opens
        selector_data.load(selectors_platform(r), selectors)
    _check_eligibility(requests, force)
    ui = UI()
    if not (yes or dry_run or ui.interactive):
        raise BadInput(
            "no terminal to confirm the form before it is sent",
            hint="add --yes to send without the final confirmation (or --dry-run to only fill it)",
        )
    options = RunOptions(
        data_dir=directory, base_url=base, headless=headless, assume_yes=yes, dry_run=dry_run,
        browser=browser, wait_timeout_s=wait_timeout, page_timeout_s=page_timeout,
        selectors_dir=selectors, fresh_session=fresh_session,
    )
    results = fill_many(requests, options, ui)
    for r in results:
        if r.outcome == "confirmed":
            ui.console.print(f"[bold green]Confirmed[/] by Meta: {r.request.platform} · "
                             f"{r.request.account}. Receipt: {r.receipt_dir}")
    failed = [r.exit_code for r in results if r.exit_code]
    return failed[0] if failed else 0


def _check_eligibility(requests: list, force: bool) -> None:
    """The objection form is for the EU/EEA/UK: say so, and what else there is, before starting."""
    from meta_optout_assist.eligibility import forms_for, is_objection_eligible
    from meta_optout_assist.terminal import console_err

    for code in sorted({r.country for r in requests if r.form == "objection"}):
        advice = {a.form: a for a in forms_for(code)}
        if not is_objection_eligible(code):
            if force:
                console_err().print(f"[yellow]![/] {advice['objection'].how} (continuing: --force)")
                continue
            raise BadInput(
                f"--country {code}: {advice['objection'].how}",
                hint=advice["third-party"].how + " Add --force to try the objection form anyway.",
            )
        if advice["objection"].warning:
            console_err().print(f"[yellow]![/] {advice['objection'].warning}")
