"""The journal and the receipt kept in step with the flow: the hooks a page object calls before
Send, right after it, and at Meta's confirmation (pages/base.py Hooks).

Before Send, a receipt that cannot be written stops the run: nothing is sent without its proof
(DataFolderError). After Send, the record follows what Meta received whatever happens on this
computer: a part of the receipt that cannot be written (a full disk) is named in the record
(`receipt_missing`) and said to the person, never turned into a failure; a journal line that cannot
be written is said too. The click on Send is not cut short by a stop signal (flow/stops.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from meta_optout_assist import __version__
from meta_optout_assist.errors import DataFolderError
from meta_optout_assist.inputs import image_kind
from meta_optout_assist.store.journal import Journal, Record, State
from meta_optout_assist.store.receipts import MANIFEST, Receipt

if TYPE_CHECKING:
    from meta_optout_assist.flow.stops import Stops
    from meta_optout_assist.pages.base import Flow


class Recorder:
    """The flow's hooks: every step that matters reaches the journal and the receipt at once."""

    def __init__(self, journal: Journal | None, record_id: str | None, data_dir: Path,
                 selectors_version: str, stops: Stops | None = None) -> None:
        self.journal = journal
        self.record_id = record_id
        self.data_dir = data_dir
        self.selectors_version = selectors_version
        self.receipt: Receipt | None = None
        self.fields: dict[str, str] = {}
        self.times: dict[str, str] = {}
        self.flow: Flow | None = None
        self.stops = stops
        self.sent = False  # the record says `submitted` (or the journal could not say it: warned)
        self.missing: list[str] = []  # receipt files that could not be written after Send
        self.missing_why = ""
        self.evidence: dict[str, str] | None = None

    def _now(self) -> str:
        return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

    def before_send(self, screenshot: bytes, fields: dict[str, str]) -> None:
        self.fields = fields
        self.times["filled_at"] = self._now()
        if self.journal is not None and self.record_id is not None:
            try:
                self.receipt = Receipt.create(self.data_dir, self.record_id)
                self.receipt.add_bytes("form-before-send.png", screenshot)
                self.receipt.add_json("sent.json", fields)
                self._keep_evidence()
                self.journal.update(self.record_id, receipt_dir=str(self.receipt.dir))
            except OSError as err:
                raise DataFolderError(
                    f"could not save the receipt in {self.data_dir} before sending ({_os_words(err)}); "
                    "nothing was sent",
                    hint="free some space there (or choose another --data-dir), then run the command again",
                ) from None
        if self.stops is not None:  # the click on Send is not cut short by a stop signal
            self.stops.begin_deferral()

    def _keep_evidence(self) -> None:
        """The third-party form's screenshot of Meta AI, copied into the receipt: the manifest keeps
        its SHA-256 with every other file's."""
        evidence = self.flow.request.evidence if self.flow else None
        if evidence is None or self.receipt is None:
            return
        data = Path(evidence).read_bytes()
        name = "evidence" + EVIDENCE_SUFFIX.get(image_kind(data), ".bin")
        self.receipt.add_bytes(name, data)
        self.evidence = {"file": name, "name": Path(evidence).name, "sha256": hashlib.sha256(data).hexdigest()}

    def submitted(self) -> None:
        self.times["submitted_at"] = self._now()
        self.sent = True
        try:
            if self.journal and self.record_id:
                locale = self.flow.locale if self.flow else None
                self._journal(state=State.SUBMITTED, locale=locale)
        finally:
            if self.stops is not None:
                self.stops.end_deferral()

    def _journal(self, **changes) -> Record | None:
        """A journal update after Send: a failure to write it is said, never raised (the form is
        with Meta whatever this computer manages to keep)."""
        assert self.journal is not None and self.record_id is not None
        try:
            return self.journal.update(self.record_id, **changes)
        except OSError as err:
            if self.flow:
                self.flow.ui.warn(f"The journal in {self.data_dir} could not be updated ({_os_words(err)}): "
                                  f"the form WAS sent; `assist status` may show record {self.record_id} "
                                  "as not sent yet.")
            return None

    def _add(self, name: str, write: Callable[[], object]) -> None:
        try:
            write()
        except OSError as err:
            self.missing.append(name)
            self.missing_why = _os_words(err)

    def confirmed(self, screenshot: bytes, html: str, text: str) -> None:
        self.times["confirmed_at"] = self._now()
        if self.journal is None or self.record_id is None:
            return
        flow = self.flow
        verification = flow.verification if flow else None
        by = flow.confirmed_by if flow else "Meta"
        # The record first (Meta confirmed, whatever is kept of the proof), then the proof.
        record = self._journal(state=State.CONFIRMED, verification=verification, confirmed_by=by)
        try:
            if self.receipt is None:
                self.receipt = Receipt.create(self.data_dir, self.record_id)
        except OSError as err:
            self.missing += ["confirmation.png", "confirmation.html", MANIFEST]
            self.missing_why = _os_words(err)
        else:
            receipt = self.receipt
            self._add("confirmation.png", lambda: receipt.add_bytes("confirmation.png", screenshot))
            self._add("confirmation.html", lambda: receipt.add_text("confirmation.html", html))
            extra = {"evidence": self.evidence} if self.evidence else {}
            self._add(MANIFEST, lambda: receipt.write_manifest(
                record=(record.to_json() if record else None), fields_sent=self.fields, timestamps=self.times,
                tool_version=__version__, selectors_version=self.selectors_version,
                confirmation_text=" ".join(text.split()),
                verification={"asked": verification, "confirmed_by": by,
                              "note": verification_note(verification, by)},
                receipt_missing=list(self.missing), **extra,
            ))
        changes: dict = {"receipt_dir": str(self.receipt.dir)} if self.receipt else {}
        if self.missing:
            changes["receipt_missing"] = list(self.missing)
            if flow:
                flow.ui.warn(f"{by} confirmed the request, but the receipt in {self.data_dir} lacks "
                             f"{', '.join(self.missing)} ({self.missing_why}). The record says so; "
                             "free some space to keep the next one whole.")
        if changes:
            self._journal(**changes)


def _os_words(err: OSError) -> str:
    """An OSError as a person reads it: "No space left on device", with the file when known."""
    words = err.strerror or str(err) or type(err).__name__
    return f"{words}: {err.filename}" if err.filename else words


# The extension of the evidence copy, from the image's own first bytes.
EVIDENCE_SUFFIX = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WebP": ".webp"}


# What the receipt says of how the request was verified, in words a reader of it understands.
VERIFICATION_NOTES = {
    ("none", "Meta"): "Meta asked for no code and no link: Send led straight to its confirmation.",
    ("code", "Meta"): "Meta emailed a code; the person typed it into Meta's page, then Meta confirmed.",
    ("link", "Meta"): "Meta emailed a link; it was opened in the tool's browser window, then Meta confirmed.",
    ("link", "you"): "Meta emailed a link; the person said they opened it in another browser. The tool did "
                     "not see Meta's confirmation: confirmation.png shows the page before.",
}


def verification_note(verification: str | None, by: str) -> str:
    """VERIFICATION_NOTES' sentence; a run against another origin (--base-url) names that origin
    where the sentence says Meta."""
    note = VERIFICATION_NOTES.get((verification, "you" if by == "you" else "Meta"), "")
    return note if by in ("Meta", "you") else note.replace("Meta's", f"{by}'s").replace("Meta", by)
