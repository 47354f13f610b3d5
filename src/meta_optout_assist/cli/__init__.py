"""The `assist` command: thin typer commands; every domain error becomes a message and an exit
code here.

Each sub-module registers its own commands on `app`; the logic lives in plain modules beside cli/.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from meta_optout_assist.errors import AssistError, ExitCode, PageNotUnderstood

app = typer.Typer(
    name="assist",
    help=(
        "Object to Meta using your Facebook and Instagram posts, and your messages with AIs on WhatsApp, to train AI.\n\n"
        "Opens the right form in a real browser, declines optional cookies, waits while you log in, "
        "fills country, email and reason, waits while you type the emailed code, and keeps a receipt. "
        "It never sees your password or the code."
    ),
    # `assist` alone: a guided start in a terminal, the help otherwise (the callback below).
    no_args_is_help=False,
    invoke_without_command=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# Every command that reads or writes the person's files takes the same --data-dir.
DataDirOption = Annotated[Path | None, typer.Option(
    "--data-dir", envvar="ASSIST_DATA_DIR", file_okay=False, show_default=False,
    help="Folder for the journal, receipts, profile names and browser profiles (created 0700). "
    "Default: your platform's user data folder.")]


def _show_version(value: bool) -> None:
    if value:
        from meta_optout_assist import __version__

        typer.echo(f"meta-optout-assist {__version__}")
        raise typer.Exit(0)


def _check_lang(value: str | None) -> str | None:
    from meta_optout_assist.ui.i18n import check_lang

    if value is None:
        return None
    try:
        return check_lang(value)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None


# The terminal's language: --lang on `assist` (the guided start) and on `assist fill`.
LangOption = Annotated[str | None, typer.Option(
    "--lang", envvar="ASSIST_LANG", callback=_check_lang, metavar="en|de|fr|es|it|nl|pl|pt",
    help="The language the terminal speaks (questions, what to do, the result). Default: the system's.")]


@app.callback()
def _start(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Print the version and exit.")] = False,
    lang: LangOption = None,
) -> int | None:
    """Without a command: in a terminal, a guided start; otherwise the help (exit 2, as before)."""
    from meta_optout_assist.ui import i18n

    if lang is not None:
        i18n.use(lang)
    if ctx.invoked_subcommand is not None:
        return None
    if not sys.stdin.isatty():
        typer.echo(ctx.get_help(), err=True)
        raise typer.Exit(int(ExitCode.BAD_INPUT))
    from meta_optout_assist.cli.start import guided_start

    return guided_start(lang=lang)


def data_dir_or_default(value: Path | None) -> Path:
    """--data-dir as given, else ASSIST_DATA_DIR or the platform's data folder: absolute (with ~
    expanded), once, here, so what is kept inside it never depends on where the command ran."""
    from meta_optout_assist.store.layout import DataLayout

    return (DataLayout.default() if value is None else DataLayout(value)).root


def _register() -> None:
    # Imported for their side effect: each module adds its commands to `app`.
    from meta_optout_assist.cli import (
        doctor,  # noqa: F401
        fill,  # noqa: F401
        info,  # noqa: F401
        install,  # noqa: F401
        profile,  # noqa: F401
        records,  # noqa: F401
    )


def report_error(err: AssistError) -> None:
    """Print a domain error the way every command does: what went wrong, then what to do."""
    from rich.markup import escape

    from meta_optout_assist.ui.shown import visible
    from meta_optout_assist.ui.terminal import console_err

    console = console_err()
    console.print(f"[bold red]Error:[/] {escape(visible(err.message))}")  # it may quote a page's words
    if isinstance(err, PageNotUnderstood) and err.diagnostics:
        console.print(f"Diagnostics saved in: {escape(str(err.diagnostics))}")
        console.print("  REPORT.txt there is ready to paste into a bug report; look at page.png before "
                      "sharing it (your details are masked in the page's text, a picture may still show them).")
    if err.hint:
        console.print(f"[bold]What to do:[/] {escape(visible(err.hint))}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, map errors to the documented exit codes."""
    from meta_optout_assist.ui.encoding import tolerant_output

    tolerant_output()
    _register()
    try:
        rv = app(args=argv, standalone_mode=False)
    except AssistError as err:
        report_error(err)
        sys.exit(int(err.exit_code))
    except (typer.Abort, KeyboardInterrupt) as stopped:  # Ctrl-C, SIGTERM, SIGHUP (flow/stops.py)
        print("\nAborted.", file=sys.stderr)
        sys.exit(getattr(stopped, "exit_code", int(ExitCode.ABORTED)))
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.TyperException as e:  # usage errors: unknown option, bad value for a flag
        e.show()
        sys.exit(int(ExitCode.BAD_INPUT))
    except OSError as err:  # a folder or file the person pointed at that cannot be read or written
        where = f" {err.filename}" if err.filename else ""
        report_error(AssistError(
            f"could not use{where}: {err.strerror or err}",
            hint="check the folder you gave (--data-dir, ASSIST_DATA_DIR, --output): that it is a folder, "
            "yours, writable, and on a disk with room"))
        sys.exit(int(ExitCode.BAD_INPUT))
    sys.exit(rv if isinstance(rv, int) else 0)
