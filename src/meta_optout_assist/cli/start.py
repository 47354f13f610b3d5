"""`assist` alone in a terminal: a guided start. Where do you live → which forms you may use →
which platforms and accounts → each run one after the other, by `assist fill` itself, which asks
for whatever is still missing (the same questions, the same profile offer)."""

from __future__ import annotations

from rich.markup import escape

from meta_optout_assist.ui.i18n import _

NEW = "+new"  # the choice "someone without a saved profile" among the accounts


def guided_start(lang: str | None = None) -> int:
    from meta_optout_assist.cli import data_dir_or_default
    from meta_optout_assist.cli.fill import fill
    from meta_optout_assist.errors import BadInput
    from meta_optout_assist.legal.eligibility import forms_for
    from meta_optout_assist.site import registry
    from meta_optout_assist.site.registry import ALL
    from meta_optout_assist.store import profiles
    from meta_optout_assist.ui import i18n
    from meta_optout_assist.ui.ask import Asker
    from meta_optout_assist.ui.questions import ask_country

    asker = Asker()
    asker.console.rule("[bold]assist")
    asker.say(_("Object to Meta using what you shared to train its AI. A few questions, then a browser window "
                "opens Meta's form: you log in and type the code Meta emails you; I fill in the rest, show you "
                "what will be sent, and keep a receipt. (Ctrl-C stops at any time.)"))

    # 1. Where the person lives decides which forms Meta offers.
    country = ask_country(asker)
    reg = registry.load()
    language = i18n.language()
    advice = forms_for(country)

    def title(kind: str) -> str:
        return next(f.title_in(language) for f in reg.forms if f.form == kind)

    for a in advice:
        if not a.eligible:
            verdict = _("not offered where you live")
            asker.console.print(f"  [red]✗[/] {escape(title(a.form))} — {escape(verdict)}")
        for extra in (a.warning, a.note):
            if extra:
                asker.console.print(f"  [yellow]![/] {escape(extra)}")
    usable = [a for a in advice if a.eligible]
    if not usable:
        raise BadInput(f"none of Meta's forms is offered where you live ({country})",
                       hint="`assist forms --country CC` explains each form")

    # 2. Which form.
    if len(usable) == 1:
        kind = usable[0].form
        verdict = _("you may use it")
        asker.console.print(f"  [green]✓[/] {escape(title(kind))} — {escape(verdict)}")
    else:
        asker.say(_("Meta's forms you may use:"))
        kind = asker.pick(_("Which form? (a number)"), [(a.form, title(a.form)) for a in usable], default="1")[0]

    # 3. Which platforms (a form shared by several platforms is one run).
    offered = [p for p, _form in reg.plan(ALL, kind)]
    chosen = offered
    if len(offered) > 1:
        chosen = asker.pick(_("Which platforms? (numbers, or all)"), [(p, p.capitalize()) for p in offered],
                            default=_("all"), several=True)

    # 4. Which accounts: saved profiles, and/or someone whose details are asked now.
    directory = data_dir_or_default(None)
    names = profiles.list_profiles(directory)
    accounts: list[str] = [NEW]
    if names:
        options = [(n, _("profile {name}").format(name=n)) for n in names] + \
            [(NEW, _("an account without a saved profile (I'll ask for its details)"))]
        accounts = asker.pick(_("Which accounts? (numbers, or all)"), options, default="1", several=True)

    # 5. The runs, one after the other: all chosen platforms in one run, or one run per platform.
    targets = [ALL] if chosen == offered and len(offered) > 1 else chosen
    saved = [a for a in accounts if a != NEW]
    code = 0
    for platform in targets:
        runs = ([{"profile": saved}] if saved else []) + ([{"country": country}] if NEW in accounts else [])
        for given in runs:
            result = fill(platform=platform, form=kind, lang=lang, **given)
            code = code or result  # the first run that did not go through decides, as in `assist fill`
    return code
