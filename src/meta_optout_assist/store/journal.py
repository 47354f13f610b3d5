"""The journal: one record per attempt, kept so that a run killed at any moment loses nothing.

Storage is JSON Lines under the data dir (`journal.jsonl`, 0600 in a 0700 folder), append-only:
every `start` and every `update` is one event, one line, written with a single `os.write` on an
`O_APPEND` descriptor under an exclusive file lock, then `fsync`ed; readers take a shared lock
(filelock.py: flock on POSIX, byte-range locks on Windows). What the tool shows is the fold of
those events by record id. A torn or garbled line (a kill or a power cut mid-write) is skipped with
one warning naming the file and line; the next append starts on a fresh line. So is any line no
event of the tool's could be: longer than MAX_LINE_BYTES, or nested too deeply to parse.

A record's `receipt_dir` is kept relative to the data folder (`receipts/<id>`) and read back as
the absolute path it names now (DataLayout.to_stored / from_stored), so the folder may be named
differently, or moved.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Iterator
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from meta_optout_assist.errors import BadInput
from meta_optout_assist.store import filelock, files
from meta_optout_assist.store.layout import DataLayout

SCHEMA_VERSION = 1
#: No event the tool writes comes near this (a note, a reason: a few KB); a longer line is garbage.
MAX_LINE_BYTES = 1 << 20


class State(str, Enum):
    STARTED = "started"
    SUBMITTED = "submitted"
    CONFIRMED = "confirmed"
    HONORED = "honored"
    REJECTED = "rejected"
    NO_REPLY = "no-reply"
    FAILED = "failed"
    ABORTED = "aborted"

    def __str__(self) -> str:
        return self.value


#: Outcomes the person sets from Meta's email (`assist mark`).
OUTCOMES = (State.HONORED, State.REJECTED, State.NO_REPLY)
#: Sent to Meta, answer still awaited: the one-month clock of GDPR Art. 12(3) runs.
AWAITING = (State.SUBMITTED, State.CONFIRMED)


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def _as_utc(value: Any) -> Any:
    """Naive datetimes are taken as UTC; aware ones are converted to UTC."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
    return value


class HistoryEntry(BaseModel):
    state: State
    at: datetime

    _utc = field_validator("at", mode="before")(_as_utc)


class Record(BaseModel):
    """One attempt to object, for one account on one platform's form."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    id: str
    platform: str
    form: str = "objection"
    account: str = "default"
    country: str | None = None
    email: str | None = None
    locale: str | None = None
    state: State = State.STARTED
    started_at: datetime
    submitted_at: datetime | None = None
    confirmed_at: datetime | None = None
    outcome_at: datetime | None = None
    escalated_at: datetime | None = None
    receipt_dir: str | None = None
    form_url: str | None = None
    reason: str | None = Field(default=None, description="why the run failed or was aborted")
    # After Send: how Meta verified the request ("code", "link" or "none") and who saw the
    # confirmation ("Meta", "you" for a link opened in another browser, or the --base-url origin).
    verification: str | None = None
    confirmed_by: str | None = None
    # Parts of the receipt that could not be saved (a full disk after Send): the record still
    # says what Meta received; these files are missing from its proof.
    receipt_missing: list[str] = Field(default_factory=list)
    note: str | None = None
    tool_version: str | None = None
    selectors_version: str | None = None
    history: list[HistoryEntry] = Field(default_factory=list)

    _utc = field_validator(
        "started_at", "submitted_at", "confirmed_at", "outcome_at", "escalated_at", mode="before"
    )(_as_utc)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


#: Fields `Journal.update` accepts (everything but the identity and the derived history).
UPDATABLE = frozenset(Record.model_fields) - {"id", "history", "started_at"}
#: The timestamp a state change sets when the caller gives none.
_STAMP_FOR_STATE = {
    State.SUBMITTED: "submitted_at",
    State.CONFIRMED: "confirmed_at",
    State.HONORED: "outcome_at",
    State.REJECTED: "outcome_at",
    State.NO_REPLY: "outcome_at",
}


def _new_id(now: datetime) -> str:
    return f"{now:%Y%m%d}-{secrets.token_hex(3)}"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return _as_utc(value).isoformat().replace("+00:00", "Z")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    return value


class Journal:
    """The record of every attempt, in `data_dir/journal.jsonl` (created on the first write)."""

    def __init__(self, data_dir: Path | DataLayout) -> None:
        self.layout = data_dir if isinstance(data_dir, DataLayout) else DataLayout(data_dir)
        self.data_dir = self.layout.root
        self.path = self.layout.journal_file
        self._warned: set[int] = set()

    # -- writing --------------------------------------------------------------------------------

    def start(self, *, platform: str, form: str = "objection", account: str = "default",
              **fields: Any) -> Record:
        """Open a record in state `started` and return it (with a fresh short id)."""
        now = utc_now()
        taken = {r.id for r in self.records()}
        rid = _new_id(now)
        while rid in taken:
            rid = _new_id(now)
        unknown = set(fields) - UPDATABLE
        if unknown:
            raise TypeError(f"Journal.start() got unknown fields: {', '.join(sorted(unknown))}")
        data = self._stored(fields)
        data.update(platform=platform, form=form, account=account, id=rid,
                    state=State.STARTED.value, started_at=_jsonable(now))
        event = {"v": SCHEMA_VERSION, "op": "start", "id": rid, "at": data["started_at"],
                 "fields": data}
        record = self._apply(None, event)  # validate before anything reaches the disk
        self._append(event)
        return record

    def update(self, record_id: str, **fields: Any) -> Record:
        """Record a change (a new state, a timestamp, the receipt folder, a note) and return the
        record as it now stands. A state change with no timestamp of its own gets one."""
        unknown = set(fields) - UPDATABLE
        if unknown:
            raise TypeError(f"Journal.update() got unknown fields: {', '.join(sorted(unknown))}")
        current = self.get(record_id)
        now = utc_now()
        if "state" in fields:
            state = State(fields["state"])
            stamp = _STAMP_FOR_STATE.get(state)
            if stamp and fields.get(stamp) is None:
                fields[stamp] = now
        data = self._stored(fields)
        event = {"v": SCHEMA_VERSION, "op": "update", "id": current.id, "at": _jsonable(now),
                 "fields": data}
        record = self._apply(current, event)  # validate before anything reaches the disk
        self._append(event)
        return record

    def _stored(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Fields as an event keeps them: JSON values, the receipt folder relative to the data dir."""
        data = {k: _jsonable(v) for k, v in fields.items()}
        if data.get("receipt_dir"):
            data["receipt_dir"] = self.layout.to_stored(data["receipt_dir"])
        return data

    def _append(self, event: dict[str, Any]) -> None:
        line = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if len(line) >= MAX_LINE_BYTES:
            raise BadInput(f"this change of the record is {len(line) // 1024} KiB; the journal keeps lines "
                           f"under {MAX_LINE_BYTES // 1024} KiB", hint="shorten the note")
        files.private_dir(self.data_dir)
        created = not self.path.exists()
        fd = files.open_private(self.path, os.O_RDWR | os.O_APPEND)
        try:
            with filelock.locked(fd):
                size = os.fstat(fd).st_size
                # A torn last line (a kill mid-write) must not swallow this event: start afresh.
                if size and files.read_at(fd, 1, size - 1) != b"\n":
                    line = b"\n" + line
                data = line + b"\n"
                written = os.write(fd, data)
                if written != len(data):  # a full disk: never leave half a line unterminated
                    os.write(fd, b"\n")
                    raise OSError(f"could not write the whole journal line to {self.path}")
                os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            files.fsync_dir(self.data_dir)

    # -- reading --------------------------------------------------------------------------------

    def records(self) -> list[Record]:
        """Every record, folded from its events, in the order they were started."""
        folded: dict[str, Record] = {}
        for lineno, event in self._events():
            rid = event.get("id")
            try:
                folded[rid] = self._apply(folded.get(rid), event)
            except (ValueError, TypeError, KeyError, RecursionError) as err:
                self._warn(lineno, f"an event that does not fit ({err.__class__.__name__})")
        return list(folded.values())

    def get(self, id_or_prefix: str) -> Record:
        """The record with this id, or the one whose id (or random part) starts with it."""
        key = id_or_prefix.strip()
        records = self.records()
        for r in records:
            if r.id == key:
                return r
        hits = [r for r in records if key and (r.id.startswith(key)
                                                or r.id.partition("-")[2].startswith(key))]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise BadInput(
                f"'{key}' matches {len(hits)} records: {', '.join(r.id for r in hits[:6])}.",
                hint="Type more of the id; `assist status` lists them.",
            )
        raise BadInput(f"No record with id '{key}' in {self.path}.",
                       hint="`assist status` lists the records and their ids.")

    def _events(self) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            fd = files.open_read(self.path)
        except FileNotFoundError:
            return
        try:
            with filelock.locked(fd, shared=True):
                raw = files.read_all(fd)
        finally:
            os.close(fd)
        lines = raw.split(b"\n")
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                if len(line) >= MAX_LINE_BYTES:
                    raise ValueError("longer than any event")
                event = json.loads(line.decode("utf-8"))
                if not (isinstance(event, dict) and event.get("op") in ("start", "update")
                        and isinstance(event.get("id"), str)
                        and isinstance(event.get("fields"), dict)):
                    raise ValueError("not an event")
            except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nested too deep
                torn = lineno == len(lines) and not raw.endswith(b"\n")
                self._warn(lineno, "a torn line (cut off mid-write)" if torn else "a garbled line")
                continue
            yield lineno, event

    def _apply(self, current: Record | None, event: dict[str, Any]) -> Record:
        fields = dict(event["fields"])
        if isinstance(fields.get("receipt_dir"), str) and fields["receipt_dir"]:
            fields["receipt_dir"] = str(self.layout.from_stored(fields["receipt_dir"]))
        at = event.get("at")
        if event["op"] == "start":
            if current is not None:
                raise ValueError(f"record {event['id']} started twice")
            fields.pop("history", None)
            record = Record.model_validate({**fields, "id": event["id"]})
            record.history = [HistoryEntry(state=record.state, at=record.started_at)]
            return record
        if current is None:
            raise KeyError(event["id"])
        fields = {k: v for k, v in fields.items() if k in UPDATABLE}
        merged = {**current.model_dump(), **fields}
        record = Record.model_validate(merged)
        if record.state != current.state:
            record.history = [*current.history, HistoryEntry(state=record.state, at=at)]
        return record

    def _warn(self, lineno: int, what: str) -> None:
        if lineno in self._warned:
            return
        self._warned.add(lineno)
        print(f"Warning: {self.path}, line {lineno}: skipped {what}; the other records are intact.",
              file=sys.stderr)
