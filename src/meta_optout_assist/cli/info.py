"""`assist forms` and `assist reasons`: what a person can use, before they fill anything."""

from __future__ import annotations

from typing import Annotated

import typer

from meta_optout_assist.cli import app
from meta_optout_assist.errors import BadInput


@app.command()
def forms(
    country: Annotated[str, typer.Option(help="Your country of residence, ISO code (DE, FR, US…).")],
) -> None:
    """Which of Meta's forms you can use from your country, and the command for each.

    Example:

      \b
      assist forms --country DE
    """
    from rich.markup import escape

    from meta_optout_assist.legal.countries import country_name, normalize_code
    from meta_optout_assist.legal.eligibility import forms_for
    from meta_optout_assist.site.selectors import platform_name
    from meta_optout_assist.ui.terminal import console_out

    try:
        code = normalize_code(country)
    except ValueError as err:
        raise BadInput(f"--country: {err}") from None
    console = console_out()
    console.print(f"[bold]Forms for people living in {escape(country_name(code))} ({code})[/]\n")
    for advice in forms_for(code):
        if advice.eligible:
            mark = "[green]✓ you can use it[/]" + (" [yellow](reported)[/]" if advice.certainty == "reported" else "")
        elif advice.certainty == "uncertain":
            mark = "[yellow]? uncertain whether it is offered to you[/]"
        else:
            mark = "[red]✗ not offered to you[/]"
        console.print(f"[bold]{escape(advice.title)}[/] — {mark}")
        console.print(f"  Platforms: {', '.join(platform_name(p) or p for p in advice.platforms)}")
        if advice.eligible and advice.caveat:  # an uncertain form's advice says why itself
            console.print(f"  [yellow]Certainty:[/] {escape(advice.caveat)}")
        console.print(f"  {escape(advice.how)}")
        for extra in (advice.warning, advice.note):
            if extra:
                console.print(f"  [yellow]Note:[/] {escape(extra)}")
        console.print()


@app.command()
def reasons(
    locale: Annotated[str | None, typer.Option(help="Show titles in this language (de, fr…).")] = None,
    show: Annotated[str | None, typer.Option(help="Print one template's full text.")] = None,
) -> None:
    """The ready-made reasons for `--reason-template`, in eight languages.

    Examples:

      \b
      assist reasons

      \b
      assist reasons --show creative-work --locale de
    """
    from rich.markup import escape

    from meta_optout_assist.legal.countries import normalize_locale
    from meta_optout_assist.legal.reasons import get_template, list_templates
    from meta_optout_assist.ui.terminal import console_out

    try:
        lang = normalize_locale(locale) if locale else "en"
    except ValueError as err:
        raise BadInput(f"--locale: {err}") from None
    console = console_out()
    if show:
        try:
            template = get_template(show)
        except ValueError as err:
            raise BadInput(f"--show: {err}") from None
        console.print(f"[bold]{escape(template.title_for(lang))}[/]\n")
        console.print(escape(template.text[lang]))
        return
    for template in list_templates():
        console.print(f"[bold]{template.name}[/] — {escape(template.title_for(lang))}")
        console.print(f"  {escape(template.summary_for(lang))}")
    console.print("\nUse one with: assist fill … --reason-template NAME "
                  "(written in the form page's language; the review before Send shows it whole).")
