"""What the record-keeping commands do (status, mark, export, receipt, forget), as plain functions.

The CLI in cli/records.py only parses flags and prints; everything it shows is computed here.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from meta_optout_assist.errors import AssistError, BadInput
from meta_optout_assist.store.journal import AWAITING, OUTCOMES, Journal, Record, State, utc_now
from meta_optout_assist.store.layout import DataLayout
from meta_optout_assist.store.receipts import Receipt, ReceiptFile

EXPORT_FIELDS = (
    "id", "platform", "form", "account", "country", "email", "state", "started_at",
    "submitted_at", "confirmed_at", "outcome_at", "answer_due", "overdue", "receipt_dir",
    "form_url", "reason", "note", "escalated_at", "tool_version", "selectors_version",
)


# -- the one-month deadline (GDPR Art. 12(3)) ---------------------------------------------------

def add_months(when: datetime, months: int = 1) -> datetime:
    """The same day `months` later (the last day of the month where that day does not exist)."""
    month0 = when.month - 1 + months
    year, month = when.year + month0 // 12, month0 % 12 + 1
    day = min(when.day, calendar.monthrange(year, month)[1])
    return when.replace(year=year, month=month, day=day)


def answer_due(record: Record) -> datetime | None:
    """When Meta's answer is due: one month after the objection reached it (Art. 12(3) GDPR).

    Only for records sent and still awaiting an outcome."""
    if record.state not in AWAITING:
        return None
    sent = record.submitted_at or record.confirmed_at or record.started_at
    return add_months(sent)


def is_overdue(record: Record, now: datetime | None = None) -> bool:
    due = answer_due(record)
    return due is not None and (now or utc_now()) > due


def record_json(record: Record, now: datetime | None = None) -> dict[str, Any]:
    """A record as `status --json` and `export --format json` show it."""
    due = answer_due(record)
    data = record.to_json()
    data["answer_due"] = due.isoformat().replace("+00:00", "Z") if due else None
    data["overdue"] = is_overdue(record, now)
    return data


# -- status -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StatusRow:
    record: Record
    when: datetime  # the time of the record's latest state, UTC
    age: timedelta  # since it was sent (or started, if never sent)
    overdue: bool


def last_change(record: Record) -> datetime:
    return record.history[-1].at if record.history else record.started_at


def status_rows(journal: Journal, now: datetime | None = None) -> list[StatusRow]:
    now = now or utc_now()
    rows = []
    for r in journal.records():
        since = r.submitted_at or r.started_at
        rows.append(StatusRow(r, last_change(r), max(now - since, timedelta(0)),
                              is_overdue(r, now)))
    return rows


def status_json(journal: Journal, now: datetime | None = None) -> list[dict[str, Any]]:
    return [record_json(r, now) for r in journal.records()]


def human_age(age: timedelta) -> str:
    seconds = int(age.total_seconds())
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"


# -- mark ---------------------------------------------------------------------------------------

def was_sent(record: Record) -> bool:
    """Did the form reach Meta? Its state says so, or its time of Send does (a record an older
    version turned `aborted` or `failed` after Send, for something on this computer)."""
    return record.state in (*AWAITING, *OUTCOMES) or record.submitted_at is not None


def mark(journal: Journal, record_id: str, outcome: State | str, note: str | None = None) -> Record:
    """Set the outcome the person read in Meta's email: honored, rejected or no-reply."""
    try:
        state = State(outcome)
    except ValueError:
        state = None
    if state not in OUTCOMES:
        raise BadInput(f"'{outcome}' is not an outcome.",
                       hint="Use --outcome honored, rejected or no-reply.")
    record = journal.get(record_id)
    if not was_sent(record):
        raise BadInput(
            f"Record {record.id} was never sent to Meta (state: {record.state}), "
            "so it has no outcome to mark.",
            hint=f"Run `assist fill` again, or `assist escalate {record.id}` for a letter to "
                 "send to Meta's data protection officer instead.",
        )
    changes: dict[str, Any] = {"state": state, "outcome_at": utc_now()}
    if note is not None:
        changes["note"] = note
    return journal.update(record.id, **changes)


# -- export -------------------------------------------------------------------------------------

#: A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> str:
    """A value as a CSV cell a spreadsheet shows as text: one that would start a formula gets a
    leading single quote (OWASP's advice; every cell is quoted too)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_text(journal: Journal, fmt: str, now: datetime | None = None) -> str:
    """Every record as CSV (one row each, the columns of EXPORT_FIELDS) or as a JSON array."""
    rows = status_json(journal, now)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=EXPORT_FIELDS, extrasaction="ignore",
                                lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: spreadsheet_cell(row.get(k)) for k in EXPORT_FIELDS})
        return buf.getvalue()
    raise BadInput(f"Unknown export format '{fmt}'.", hint="Use --format csv or --format json.")


# -- receipt ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptSummary:
    record: Record
    dir: Path | None
    exists: bool
    files: list[ReceiptFile]
    manifest: dict[str, Any] | None


def receipt_summary(journal: Journal, record_id: str) -> ReceiptSummary:
    record = journal.get(record_id)
    if not record.receipt_dir:
        return ReceiptSummary(record, None, False, [], None)
    receipt = Receipt.at(record.receipt_dir)
    return ReceiptSummary(record, receipt.dir, receipt.exists(), receipt.files(),
                          receipt.manifest())


# -- forget -------------------------------------------------------------------------------------

@dataclass
class ForgetPlan:
    data_dir: Path
    paths: list[Path]
    keyring: bool  # --all: the profiles' keyring entries too


@dataclass
class ForgetResult:
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def forget_plan(data_dir: Path, *, everything: bool = False) -> ForgetPlan:
    """What `assist forget` would remove from this data dir (only what exists)."""
    layout = DataLayout(data_dir)
    paths = [p for p in layout.forgettable() if p.exists() or p.is_symlink()]
    return ForgetPlan(layout.root, paths, everything)


def describe_plan(plan: ForgetPlan) -> list[str]:
    lines = [f"{p}{'/' if p.is_dir() and not p.is_symlink() else ''}" for p in plan.paths]
    if plan.keyring:
        lines.append("the keyring entries of every saved profile")
    return lines


def forget(plan: ForgetPlan) -> ForgetResult:
    """Remove what the plan lists; say what went and what could not.

    Refuses while an `assist fill` runs on this data dir: its browser profile and journal are in use.
    """
    from meta_optout_assist.store.locking import busy

    running = busy(plan.data_dir)
    if running:
        who = ", ".join(f"{name} (pid {pid or '?'})" for name, pid in running)
        raise BadInput(f"an `assist fill` is running on this data folder: {who}",
                       hint="let it finish (or stop it), then run `assist forget` again")
    result = ForgetResult()
    for path in plan.paths:
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)
        elif path.is_dir():
            shutil.rmtree(path)
        else:
            continue
        result.removed.append(str(path))
    if plan.keyring:
        _forget_keyring(plan.data_dir, result)
    return result


def _forget_keyring(data_dir: Path, result: ForgetResult) -> None:
    try:
        from meta_optout_assist.store import profiles
    except ImportError:
        result.notes.append("Keyring entries: skipped (this build has no profile support).")
        return
    try:
        removed = profiles.forget_all(data_dir)
    except AssistError as err:
        result.notes.append(f"Keyring entries: not removed: {err.message}")
        return
    if removed:
        result.removed.extend(f"profile {name!r} (its keyring entry)" for name in removed)
    else:
        result.notes.append("Keyring entries: no profiles were saved.")
