"""`assist profile add|list|show|remove`: thin commands over meta_optout_assist.store.profiles.

profiles (pydantic, keyring) is imported inside the commands, so `assist --help` stays fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from meta_optout_assist.cli import DataDirOption, app, data_dir_or_default

profile_app = typer.Typer(
    help=(
        "Keep your details (email, country, phone, names, reason template) as named profiles, so "
        "`assist fill --profile NAME` fills them for you. The details live in your OS keyring; "
        "only the profile names are kept in a plain file in the data folder."
    ),
    no_args_is_help=True,
)
app.add_typer(profile_app, name="profile")

NameArg = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="Profile name: 1 to 40 letters, digits, '-' or '_', e.g. 'me' or 'work-ig'.",
        show_default=False,
    ),
]


@profile_app.command("add")
def add(
    name: NameArg,
    email: Annotated[
        str,
        typer.Option("--email", help="The email address Meta writes to (the one-time code).",
                     show_default=False),
    ],
    country: Annotated[
        str,
        typer.Option("--country", help="Your country as ISO 3166-1 alpha-2: DE, FR, IE, PL...",
                     show_default=False),
    ],
    phone: Annotated[
        str | None,
        typer.Option("--phone", help="Your phone number, international form (+4915112345678): WhatsApp's form.",
                     show_default=False),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option("--locale", help="Language for reason templates, e.g. de_DE or fr.",
                     show_default=False),
    ] = None,
    first_name: Annotated[
        str | None,
        typer.Option("--first-name", help="First name (third-party form); give with --last-name.",
                     show_default=False),
    ] = None,
    last_name: Annotated[
        str | None,
        typer.Option("--last-name", help="Last name (third-party form); give with --first-name.",
                     show_default=False),
    ] = None,
    reason_template: Annotated[
        str | None,
        typer.Option("--reason-template",
                     help="Default reason template for this profile (`assist reasons` lists them).",
                     show_default=False),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="Your reason in your own words (instead of --reason-template).",
                     show_default=False),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a profile of the same name.")
    ] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Save a profile: your details go to the OS keyring, only NAME to a plain file.

    Example: assist profile add me --email jane@example.org --country DE --locale de_DE
    """
    from meta_optout_assist.store import profiles
    from meta_optout_assist.ui.terminal import console_err, console_out

    profile = profiles.build_profile(
        name=name, email=email, country=country, phone=phone, locale=locale, first_name=first_name,
        last_name=last_name, reason_template=reason_template, reason=reason,
    )
    where = data_dir_or_default(data_dir)
    replaced = profiles.add_profile(where, profile, overwrite=force)
    backend = profiles.backend_name()
    verb = "Replaced" if replaced else "Saved"
    console_out().print(
        f"{verb} profile {name!r} in the keyring ({backend}); its name is listed in "
        f"{profiles.names_file(where)}. Use it with: assist fill --profile {name} ...",
        markup=False,
    )
    if not profiles.backend_is_recommended():
        console_err().print(
            f"Note: the keyring backend in use ({backend}) is not one keyring recommends; it may "
            "keep your details in plain text.",
            markup=False,
        )


@profile_app.command("list")
def list_(data_dir: DataDirOption = None) -> None:
    """List your profile names, one a line (no keyring needed).

    Example: assist profile list
    """
    from meta_optout_assist.store import profiles
    from meta_optout_assist.ui.terminal import console_err, console_out

    names = profiles.list_profiles(data_dir_or_default(data_dir))
    if not names:
        console_err().print(
            "No profiles yet. Add one: assist profile add NAME --email E --country CC",
            markup=False,
        )
        return
    for name in names:
        console_out().print(name, markup=False)


@profile_app.command("show")
def show(name: NameArg, data_dir: DataDirOption = None) -> None:
    """Show a profile's details, read from the keyring.

    Example: assist profile show me
    """
    from meta_optout_assist.store import profiles
    from meta_optout_assist.ui.terminal import console_out

    profile = profiles.get_profile(data_dir_or_default(data_dir), name)
    rows = [
        ("Name", profile.name),
        ("Email", profile.email),
        ("Country", profile.country),
        ("Phone", profile.phone),
        ("Locale", profile.locale),
        ("First name", profile.first_name),
        ("Last name", profile.last_name),
        ("Reason template", profile.reason_template),
        ("Reason", profile.reason),
        ("Created", profile.created_at.isoformat(timespec="seconds")),
    ]
    width = max(len(label) for label, _ in rows) + 1
    out = console_out()
    for label, value in rows:
        out.print(f"{label + ':':<{width}} {value if value is not None else '-'}", markup=False)


@profile_app.command("remove")
def remove(
    name: NameArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Remove a profile from the keyring and from the list of names.

    Example: assist profile remove me --yes
    """
    from meta_optout_assist.errors import BadInput
    from meta_optout_assist.store import profiles
    from meta_optout_assist.ui.terminal import console_out

    where = data_dir_or_default(data_dir)
    if not profiles.profile_exists(where, name):
        raise profiles.ProfileNotFound(name)
    if not yes:
        if not sys.stdin.isatty():
            raise BadInput(
                f"not removing profile {name!r} without confirmation: there is no terminal to ask",
                hint=f"add --yes: assist profile remove {name} --yes",
            )
        typer.confirm(f"Remove profile {name!r} from the keyring?", default=False, abort=True)
    profiles.remove_profile(where, name)
    console_out().print(f"Removed profile {name!r}.", markup=False)
