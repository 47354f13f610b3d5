"""`assist fill` at a terminal: the only saved profile when no details are given, and the
questions for what is still missing (ui/questions.py), with the profile offer once per run."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from meta_optout_assist.ui.i18n import _

if TYPE_CHECKING:
    from meta_optout_assist.site.registry import Registry


def only_profile(directory: Path, details: Mapping[str, object]) -> list[str] | None:
    """With no details given and exactly one saved profile: that profile (said in the terminal).
    A profile that cannot be read is said too, and the questions take over."""
    from meta_optout_assist.errors import AssistError
    from meta_optout_assist.store import profiles
    from meta_optout_assist.ui.questions import gave_details
    from meta_optout_assist.ui.terminal import console_err

    if gave_details(details):
        return None
    names = profiles.list_profiles(directory)
    if len(names) != 1:
        return None
    console = console_err()
    try:
        profiles.resolve_profile(directory, names[0])
    except AssistError as err:
        console.print("[yellow]![/] " + escape(_("Your saved profile {name} could not be read ({why}); "
                                                 "I'll ask for the details instead.").format(
            name=names[0], why=err.message)))
        return None
    console.print(escape(_("Using your saved profile {name} (your only one; --profile NAME chooses another, "
                           "`assist profile list` shows them).").format(name=names[0])))
    return names


def questions_for(directory: Path, reg: Registry, form: str, locale: str | None
                  ) -> Callable[[str | None, Mapping[str, object], list[str]], dict[str, object]]:
    """The `ask` of cli/fill.py's _requests: one account's missing details, asked across its forms;
    after the questions of an account given by no profile, the offer to keep them, once."""
    from meta_optout_assist.ui.ask import Asker
    from meta_optout_assist.ui.questions import ask_missing, offer_profile

    asker = Asker()
    offered = False

    def ask(account: str | None, values: Mapping[str, object], platforms: list[str]) -> dict[str, object]:
        nonlocal offered
        forms = []
        for entry in (reg.entry(p, form) for p in platforms):
            if all(entry.id != f.id for f in forms):  # a form shared by platforms is asked for once
                forms.append(entry)
        answers = ask_missing(asker, forms, values, locale=locale or _text(values.get("locale")))
        if answers and account is None and not offered:
            offered = True
            offer_profile(asker, directory, {**values, **answers})
        return answers

    return ask


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
