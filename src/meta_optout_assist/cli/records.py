"""`assist status|mark|export|receipt|escalate|forget`: thin commands over records.py and
escalation.py. They parse flags and print; the logic and every message's facts live there.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from meta_optout_assist.cli import DataDirOption, app, data_dir_or_default
from meta_optout_assist.errors import BadInput

IdArg = Annotated[
    str,
    typer.Argument(metavar="ID", help="A record id from `assist status`, or its first characters "
                   "(the part after the date is enough).", show_default=False),
]


class Outcome(str, Enum):
    honored = "honored"
    rejected = "rejected"
    no_reply = "no-reply"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"


def _journal(data_dir: Path | None):
    from meta_optout_assist.store.journal import Journal

    return Journal(data_dir_or_default(data_dir))


def _interactive() -> bool:
    """Can we ask the person? (Tests replace this.)"""
    return sys.stdin is not None and sys.stdin.isatty()


@app.command("status")
def status(
    data_dir: DataDirOption = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the records as a JSON array (for scripts), "
                     "nothing else."),
    ] = False,
) -> None:
    """Show every attempt: platform, account, form, state, when, and how long ago.

    Flags objections Meta has not answered within one month (GDPR Art. 12(3)).

    Examples: assist status ; assist status --json (for scripts)
    """
    from meta_optout_assist.store import records

    journal = _journal(data_dir)
    if as_json:
        sys.stdout.write(json.dumps(records.status_json(journal), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return

    from rich import box
    from rich.markup import escape
    from rich.table import Table

    from meta_optout_assist.ui.terminal import console_out

    console = console_out()
    rows = records.status_rows(journal)
    if not rows:
        console.print(f"No records yet in {journal.path}. `assist fill` makes one per attempt.",
                      markup=False)
        return
    table = Table(box=box.SIMPLE_HEAD, padding=0, pad_edge=False)
    for name in ("id", "platform", "account", "form", "state", "when", "age"):
        table.add_column(name, no_wrap=name != "account", overflow="fold")
    for row in rows:
        r = row.record
        state = f"[bold red]{r.state.value}![/]" if row.overdue else r.state.value
        when = row.when.astimezone().strftime("%Y-%m-%d %H:%M")
        table.add_row(escape(r.id), escape(r.platform), escape(r.account), escape(r.form), state,
                      when, records.human_age(row.age))
    console.print(table)
    for row in rows:
        if row.overdue:
            r = row.record
            done = f" (kit written {r.escalated_at:%Y-%m-%d})" if r.escalated_at else ""
            console.print(
                f"[bold red]{r.id}![/] sent {r.submitted_at or r.started_at:%Y-%m-%d}, no answer "
                f"after one month (GDPR Art. 12(3)): overdue — consider "
                f"`assist escalate {r.id}`{done}."
            )


@app.command("mark")
def mark(
    record_id: IdArg,
    outcome: Annotated[
        Outcome,
        typer.Option("--outcome", help="What Meta answered by email.", show_default=False,
                     case_sensitive=False),
    ],
    note: Annotated[
        str | None,
        typer.Option("--note", help="A note to keep with the record, e.g. the email's date.",
                     show_default=False),
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Record Meta's answer to an objection: honored, rejected or no-reply.

    Example: assist mark 20261122-1a2b3c --outcome rejected --note "email of 3 Dec"
    """
    from meta_optout_assist.store import records
    from meta_optout_assist.ui.terminal import console_out

    rec = records.mark(_journal(data_dir), record_id, outcome.value, note)
    console_out().print(f"{rec.id}: {rec.state.value}.", markup=False)
    if rec.state.value in ("rejected", "no-reply"):
        console_out().print(f"Next: `assist escalate {rec.id}` writes the letters to follow up.")


@app.command("export")
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", help="csv (a spreadsheet) or json.", case_sensitive=False),
    ] = ExportFormat.csv,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (readable by you only) "
                     "instead of printing.", dir_okay=False, show_default=False),
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Export every record, e.g. to keep a copy or to open in a spreadsheet.

    Example: assist export --format csv --output objections.csv
    """
    from meta_optout_assist.store import records

    text = records.export_text(_journal(data_dir), fmt.value)
    if output is None:
        sys.stdout.write(text)
        return
    from meta_optout_assist.store.files import write_named
    from meta_optout_assist.ui.terminal import console_err

    if output.expanduser().is_dir():
        raise BadInput(f"{output} is a folder.", hint="Give a file name to --output.")
    try:
        write_named(output.expanduser(), text)
    except OSError as err:
        raise BadInput(f"could not write {output}: {err.strerror or err}",
                       hint="Give --output a file in a folder you can write to, on a disk with room.") from None
    console_err().print(f"Wrote {output}", markup=False)


@app.command("receipt")
def receipt(record_id: IdArg, data_dir: DataDirOption = None) -> None:
    """Show where a record's receipt is and what it holds (screenshots, page, fields sent).

    Example: assist receipt 1a2b
    """
    from rich.markup import escape

    from meta_optout_assist.store import records
    from meta_optout_assist.ui.terminal import console_out

    summary = records.receipt_summary(_journal(data_dir), record_id)
    console = console_out()
    r = summary.record
    console.print(f"Record {r.id}: {r.platform} {r.form}, account {r.account}, {r.state.value}",
                  markup=False)
    if summary.dir is None:
        console.print("No receipt: this attempt did not get as far as saving one.")
        return
    console.print(str(summary.dir), soft_wrap=True, markup=False)
    if not summary.exists:
        console.print("[bold red]The folder is missing[/] (moved or deleted).")
        return
    if summary.manifest:
        ts = summary.manifest.get("timestamps") or {}
        for key, value in ts.items():
            console.print(f"  {key}: {value}", markup=False)
        console.print(f"  tool {summary.manifest.get('tool_version') or '?'}, "
                      f"selectors {summary.manifest.get('selectors_version') or '?'}", markup=False)
    if not summary.files:
        console.print("The folder is empty.")
    for f in summary.files:
        check = {True: "  (checksum ok)", False: "  [bold red](changed since saved)[/]",
                 None: ""}[f.sha256_ok]
        what = f" — {f.description}" if f.description else ""
        console.print(f"  {escape(f.name)} ({f.size:,} bytes){what}{check}", soft_wrap=True)


@app.command("escalate")
def escalate(
    record_id: IdArg,
    language: Annotated[
        str | None,
        typer.Option("--lang", help="Write the letters in this language (en, de, fr, es, it, nl, "
                     "pl, pt). Default: yours, from the record's locale or country.",
                     show_default=False),
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Write letters to follow up a failed, refused or unanswered objection.

    Into the record's receipt folder: an Art. 21 GDPR objection to Meta's data protection officer,
    a complaint to your country's data protection authority, and a README on what to do with them,
    in your language where a template exists.

    Example: assist escalate 20261122-1a2b3c
    """
    from meta_optout_assist.legal import escalation
    from meta_optout_assist.ui.terminal import console_out

    kit = escalation.escalate(_journal(data_dir), data_dir_or_default(data_dir), record_id,
                              language=language)
    console = console_out()
    console.print(f"Complaint kit for {kit.record.id} ({kit.language}) in:")
    console.print(str(kit.dir), soft_wrap=True, markup=False)
    for path in kit.files:
        console.print(f"  {path.name}", markup=False)
    console.print(f"Read README.txt first. The complaint goes to: {kit.authority}.",
                  soft_wrap=True, markup=False)


@app.command("forget")
def forget(
    everything: Annotated[
        bool,
        typer.Option("--all", help="Also delete the saved profiles from your OS keyring."),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; remove at once.")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Remove what this tool kept: journal, receipts, diagnostics, browser profiles (logins).

    Without --yes it lists what it will remove and asks first. --all also deletes your saved
    profiles from the OS keyring.

    Examples: assist forget ; assist forget --all --yes
    """
    from meta_optout_assist.store import records
    from meta_optout_assist.ui.terminal import console_out

    console = console_out()
    plan = records.forget_plan(data_dir_or_default(data_dir), everything=everything)
    listed = records.describe_plan(plan)
    if not listed:
        console.print(f"Nothing to remove in {plan.data_dir}.", markup=False)
        return
    if not yes:
        if not _interactive():
            raise BadInput("`assist forget` needs a confirmation and there is no terminal to ask.",
                           hint="Run it in a terminal, or add --yes to remove without asking.")
        console.print("This removes, for good:")
        for line in listed:
            console.print(f"  {line}", soft_wrap=True, markup=False)
        if not typer.confirm("Remove all of this?", default=False):
            console.print("Nothing removed.")
            return
    result = records.forget(plan)
    for line in result.removed:
        console.print(f"Removed {line}", soft_wrap=True, markup=False)
    for note in result.notes:
        console.print(note, markup=False)
